//! Stage 3b: named and pattern entities, grouped by what they refer to.
//!
//! Independent steps feed each other one way:
//!
//! 1. [`patterns`]: hand-written matchers for dates, times, money, percentages, e-mail
//!    and web addresses, phone numbers, hashtags and @mentions.
//! 2. A [`Recognizer`] finds people, organisations and places: the learned tagger
//!    ([`model`]) corrected by [`Rules`], the rule-based one (capitalisation, context
//!    cues and compact gazetteers), which works alone when no model is built in.
//! 3. [`entity_lists`]: the caller's lists, where given, add their phrases and remove
//!    what they exclude; a list match wins over what the two steps before found.
//! 4. [`groups`]: mentions of one entity are gathered under one canonical name.
//!
//! [`extract()`] runs them ([`extract_listed`] with lists). Pattern entities win where
//! they overlap a name ("March" in "12 March 2024").

mod calibration;
mod combined;
mod corrections;
pub mod confidence;
mod entity;
pub mod entity_lists;
mod extract;
mod gazetteer;
pub mod groups;
pub mod model;
mod names;
pub mod patterns;

pub use entity::{CustomLabel, Entities, Entity, EntityGroup, Label, Mention, Recognizer, LABEL_SERDE_NAME, MAX_LABEL_LENGTH};
pub use entity_lists::{EntityLists, Limits};
pub use extract::{extract, extract_listed, extract_with, extract_with_lists};
#[cfg(feature = "train")]
pub use extract::calibration_inputs;
pub use names::Rules;

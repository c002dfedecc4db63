//! Stage 3b: named and pattern entities, grouped by what they refer to.
//!
//! Three independent steps feed each other one way:
//!
//! 1. [`patterns`]: hand-written matchers for dates, times, money, percentages, e-mail
//!    and web addresses, phone numbers, hashtags and @mentions.
//! 2. A [`Recognizer`] finds people, organisations and places: the learned tagger
//!    ([`model`]) corrected by [`Rules`], the rule-based one (capitalisation, context
//!    cues and compact gazetteers), or the rules alone where the text's casing says
//!    nothing about names.
//! 3. [`groups`]: mentions of one entity are gathered under one canonical name.
//!
//! [`extract()`] runs the three. Pattern entities win where they overlap a name
//! ("March" in "12 March 2024").

mod entity;
mod extract;
mod gazetteer;
pub mod groups;
pub mod model;
mod names;
pub mod patterns;

pub use entity::{CustomLabel, Entities, Entity, EntityGroup, Label, Mention, Recognizer, LABEL_SERDE_NAME, MAX_LABEL_LENGTH};
pub use extract::{extract, extract_with};
pub use names::Rules;

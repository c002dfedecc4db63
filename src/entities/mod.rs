//! Stage 3b: named and pattern entities, grouped by what they refer to.
//!
//! Three independent steps feed each other one way:
//!
//! 1. [`patterns`]: hand-written matchers for dates, times, money, percentages, e-mail
//!    and web addresses, phone numbers, hashtags and @mentions.
//! 2. A [`Recognizer`] finds people, organisations and places: the learned tagger
//!    ([`model`]) corrected by [`Rules`], the rule-based one (capitalisation, context
//!    cues and compact gazetteers), which works alone when no model is built in.
//! 3. [`groups`]: mentions of one entity are gathered under one canonical name.
//!
//! [`extract()`] runs the three. Pattern entities win where they overlap a name
//! ("March" in "12 March 2024").

mod calibration;
mod combined;
pub mod confidence;
mod entity;
mod extract;
mod gazetteer;
pub mod groups;
pub mod model;
mod names;
pub mod patterns;

pub use entity::{Entities, Entity, EntityGroup, Label, Mention, Recognizer};
pub use extract::{extract, extract_confident, extract_with};
#[cfg(feature = "train")]
pub use extract::calibration_inputs;
pub use names::Rules;

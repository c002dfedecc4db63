//! A learned named-entity tagger: an averaged structured perceptron over BILOU tags
//! for people, places, organisations and other names (MISC), with hashed features
//! and Viterbi decoding restricted to legal tag sequences.
//!
//! The model is trained by `examples/train_ner.rs` (feature `train`) on news, tweets,
//! reports and filings (CoNLL-2003, BTC, WNUT-17, re3d, SEC) run through the same
//! [`Document`](crate::text::Document) tokenizer and segmenter a user's text goes
//! through, so training and tagging see identical tokens and features.
//! It ships as `models/ner.bin`, embedded in the binary and decoded once.
//!
//! From a document to names, one module per step:
//!
//! 1. `features` hashes each token's features (with `hash`, and `gazetteer` for the
//!    names seen in training); `forms` scores the features one token form gives on
//!    its own once per distinct form.
//! 2. `weights` adds up the rows of tag weights of those features.
//! 3. `decode` finds the best sequence of tags that `tags` (the BILOU algebra)
//!    allows, and `margins` how far it is ahead of the best one without each name.
//! 4. [`Tagger`] (`tagger`) runs the two passes over a document and turns the tags
//!    into [`Mention`]s.
//!
//! `format` reads and writes the model file and holds the built-in model; `train`
//! (feature `train`) learns one.

mod buckets;
mod clusters;
mod coder;
mod decode;
#[cfg(feature = "train")]
pub mod exchange;
mod features;
mod format;
mod forms;
mod gazetteer;
mod hash;
mod margins;
pub mod registry;
mod tagger;
mod tags;
#[cfg(feature = "train")]
pub mod train;
mod weights;

pub use format::InvalidModel;
pub use tagger::{Mention, Tagger};
pub use tags::Kind;

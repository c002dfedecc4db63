//! # textlens
//!
//! Keywords, named entities and an extractive summary of a text, computed locally —
//! in the browser through WebAssembly, or natively.
//!
//! The pipeline, one module per stage; data flows one way:
//!
//! 1. [`text`]: the text is tokenized and split into sentences and paragraphs once,
//!    giving a [`Document`] (byte [`Span`]s throughout).
//! 2. [`lexicon`]: word lists the analyses share (stopwords).
//! 3. Analyses of the document: [`keywords`] (terms and key phrases), [`entities`]
//!    (people, organisations, places and pattern entities, grouped), [`stats`] and
//!    [`language`].
//! 4. [`summary`]: sentence importance and the extractive summary.
//! 5. [`analysis`]: everything in one [`Analysis`], converted to UTF-16 offsets for
//!    JavaScript by [`Analysis::into_utf16`].
//!
//! [`invariants`] checks the promises every result keeps (used by the property tests
//! and fuzz targets).
//!
//! The WebAssembly binding (`wasm.rs`, only on `wasm32`) converts JavaScript values to
//! these types and back, and nothing else: a result crosses as the numbers and strings
//! `pack` lays out, which `js/unpack.js` turns into objects.
//!
//! ```
//! use textlens::{analyze, Error, Options};
//!
//! // Options are one flat struct; unset fields keep their defaults.
//! let options = Options { keywords: 3, summary_sentences: 1, ..Options::default() };
//! let text = "Solar panels cut power bills. Solar panels need sun. Wind turbines need wind.";
//! let analysis = analyze(text, &options).unwrap();
//! assert!(!analysis.keywords.is_empty() && analysis.keywords.len() <= 3);
//! assert_eq!(analysis.summary.len(), 1);
//!
//! // A value out of range is an error naming the option.
//! let too_many = Options { keywords: 1_000, ..Options::default() };
//! assert!(matches!(analyze(text, &too_many), Err(Error::InvalidOption { option: "keywords", .. })));
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod entities;
pub mod error;
pub mod invariants;
pub mod keywords;
pub mod language;
pub mod lexicon;
pub mod options;
mod order;
#[cfg(any(target_arch = "wasm32", test))]
mod pack;
pub mod span;
pub mod stats;
pub mod summary;
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{analyze, analyze_parts, Analysis, Languages, NamesStatus, Parts, ScoredSentence};
pub use entities::{Entity, EntityGroup, Label};
pub use error::{Error, Result};
pub use options::Options;
pub use span::{Span, Utf16Index};
pub use text::{Document, Sentence, Token, TokenKind};

//! Stage 1: the text is tokenized and split into sentences and paragraphs once; every
//! analysis reads the resulting [`Document`].
//!
//! [`tokenize()`] makes the [`Token`]s, [`sentences`] groups them into [`Sentence`]s,
//! [`paragraphs()`] finds the blank lines between paragraphs, [`FormIds`] numbers the
//! tokens' forms and words, and [`Document::new`] does all four. [`sentences`] also tells
//! the lines a web page wraps its article in ([`Furniture`]), which the analyses skip. The script table
//! (`script`) is shared with language detection.

pub(crate) mod address;
mod dateline;
mod document;
mod forms;
mod furniture;
mod paragraphs;
pub(crate) mod script;
mod segment;
mod token;
mod tokenize;

pub use document::Document;
pub use forms::{FormIds, NO_WORD};
pub use furniture::Furniture;
pub use paragraphs::paragraphs;
pub use segment::{sentences, Sentence};
pub(crate) use dateline::dateline;
pub(crate) use token::{has_line_break, in_capitals, same_line, single_spaced};
pub use token::{Norm, Token, TokenKind};
pub use tokenize::tokenize;

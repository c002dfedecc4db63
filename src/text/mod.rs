//! Stage 1: the text is tokenized and split into sentences and paragraphs once; every
//! analysis reads the resulting [`Document`].
//!
//! [`tokenize()`] makes the [`Token`]s, [`sentences`] groups them into [`Sentence`]s,
//! [`paragraphs()`] finds the blank lines between paragraphs, and [`Document::new`]
//! does all three. The script table (`script`) is shared with language detection.

pub(crate) mod address;
mod document;
mod paragraphs;
pub(crate) mod script;
mod segment;
mod token;
mod tokenize;

pub use document::Document;
pub use paragraphs::paragraphs;
pub use segment::{sentences, Sentence};
pub(crate) use token::has_line_break;
pub use token::{Norm, Token, TokenKind};
pub use tokenize::tokenize;

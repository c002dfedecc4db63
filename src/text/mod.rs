//! Stage 1: the text is tokenized and split into sentences and paragraphs once; every
//! analysis reads the resulting [`Document`].

mod segment;
mod tokenize;

pub use segment::{paragraphs, sentences};
pub use tokenize::tokenize;

use crate::span::Span;
use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with marks), possibly joined by inner hyphens or apostrophes, or an
    /// acronym written with dots ("U.S.", "e.g."); also a clitic such as "'s" or "n't".
    Word,
    /// Digits, possibly with inner `.,:/` and trailing letters ("3.5", "1,000", "5th", "1.2bn").
    Number,
    /// One punctuation mark, or a run of periods ("...").
    Punct,
    /// Anything else: currency signs, emoji (with their modifiers), math symbols.
    Symbol,
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Lower-cased text with typographic apostrophes folded to `'`.
    pub norm: String,
}

impl Token {
    /// The token's text as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// Whether the token is a word whose first character is upper case.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word && self.text(text).chars().next().is_some_and(char::is_uppercase)
    }
}

/// One sentence: its span (no surrounding whitespace) and the tokens inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the text, trimmed of whitespace.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A text, tokenized and segmented once.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The text itself.
    pub text: &'a str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order; together they cover every non-space character.
    pub sentences: Vec<Sentence>,
    /// Paragraphs (separated by blank lines), trimmed of whitespace.
    pub paragraphs: Vec<Span>,
}

impl<'a> Document<'a> {
    /// Tokenizes and segments `text`.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        let paragraphs = paragraphs(text);
        Document { text, tokens, sentences, paragraphs }
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}

//! Stage 3a: frequent terms and ranked key phrases.

use crate::span::Span;
use crate::text::Document;
use serde::Serialize;

/// A content word and how often it occurs, merged over inflections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The most common surface form (lower case unless always capitalised).
    pub term: String,
    /// Occurrences of all its inflections.
    pub count: usize,
}

/// A key phrase of one to four words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase in its most common surface form.
    pub text: String,
    /// Importance, higher is better, in `0..=1`.
    pub score: f64,
    /// How many times it occurs (all merged variants).
    pub count: usize,
    /// Every occurrence.
    pub occurrences: Vec<Span>,
}

/// The `limit` most frequent content terms.
pub fn terms(doc: &Document, limit: usize) -> Vec<Term> {
    let _ = (doc, limit);
    Vec::new()
}

/// The `limit` best key phrases of at most `max_words` words, best first.
pub fn key_phrases(doc: &Document, limit: usize, max_words: usize) -> Vec<Keyword> {
    let _ = (doc, limit, max_words);
    Vec::new()
}

//! Counts and the reading-time estimate.

use crate::text::Document;
use serde::Serialize;

/// Size and readability figures of a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters (Unicode scalar values).
    pub characters: usize,
    /// Word and number tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs (separated by blank lines).
    pub paragraphs: usize,
    /// Estimated reading time in seconds.
    pub reading_time_seconds: u64,
    /// Words per sentence.
    pub average_sentence_length: f64,
    /// The detected language, an ISO 639-1 code, or "und" when unknown.
    pub language: &'static str,
}

/// Computes the statistics of a document read at `words_per_minute`.
pub fn compute(doc: &Document, words_per_minute: usize) -> Stats {
    let _ = words_per_minute;
    Stats {
        characters: doc.text.chars().count(),
        words: 0,
        sentences: doc.sentences.len(),
        paragraphs: doc.paragraphs.len(),
        reading_time_seconds: 0,
        average_sentence_length: 0.0,
        language: crate::language::detect(doc),
    }
}

//! Counts and the reading-time estimate.

use crate::text::{Document, TokenKind};
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

/// A clitic split off a word ("'s", "n't") is part of that word for a reader.
fn is_clitic(norm: &str) -> bool {
    norm.starts_with('\'') || norm == "n't"
}

/// Computes the statistics of a document in `language` (as [`crate::language::detect`]
/// names it) read at `words_per_minute`.
///
/// Words are word and number tokens, clitics not counted apart ("it's" is one word).
/// Reading time is rounded up to whole seconds and is 0 only for a text without words;
/// a speed of 0 is treated as 1 word per minute.
pub fn compute(doc: &Document, language: &'static str, words_per_minute: usize) -> Stats {
    let words = doc
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number) && !is_clitic(&t.norm))
        .count();
    let sentences = doc.sentences.len();
    let speed = words_per_minute.max(1) as u64;
    let reading_time_seconds = (words as u64).saturating_mul(60).div_ceil(speed);
    let average_sentence_length = if sentences == 0 { 0.0 } else { words as f64 / sentences as f64 };
    Stats {
        characters: doc.text.chars().count(),
        words,
        sentences,
        paragraphs: doc.paragraphs.len(),
        reading_time_seconds,
        average_sentence_length,
        language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::detect;

    fn stats_of(text: &str, words_per_minute: usize) -> Stats {
        let doc = Document::new(text);
        compute(&doc, detect(&doc), words_per_minute)
    }

    #[test]
    fn counts_a_short_text() {
        let text = "Café au lait costs €3.50 today.\n\nIt's 20% off! Really?";
        let stats = stats_of(text, 200);
        assert_eq!(stats.characters, text.chars().count());
        assert_eq!(stats.characters, 54);
        // Café au lait costs 3.50 today | It's 20 off | Really
        assert_eq!(stats.words, 10);
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.paragraphs, 2);
        // 10 words at 200 per minute: 3 s exactly; 11 would be 3.3 s, rounded up to 4.
        assert_eq!(stats.reading_time_seconds, 3);
        assert_eq!(
            stats_of("one two three four five six seven eight nine ten eleven", 200)
                .reading_time_seconds,
            4
        );
        assert!((stats.average_sentence_length - 10.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn empty_text_is_all_zero() {
        let stats = stats_of("", 230);
        assert_eq!((stats.characters, stats.words, stats.sentences, stats.paragraphs), (0, 0, 0, 0));
        assert_eq!(stats.reading_time_seconds, 0);
        assert_eq!(stats.average_sentence_length, 0.0);
        assert_eq!(stats.language, "und");
    }

    #[test]
    fn reading_time_is_exact_on_whole_minutes() {
        let text = "word ".repeat(460);
        let stats = stats_of(&text, 230);
        assert_eq!(stats.words, 460);
        assert_eq!(stats.reading_time_seconds, 120);
    }

    #[test]
    fn language_is_detected() {
        let stats = stats_of("The talks were held in the capital and they ended on Monday.", 230);
        assert_eq!(stats.language, "en");
    }
}

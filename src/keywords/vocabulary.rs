//! Which words of a language are content words: its stopwords, and for English the
//! noise list and "-ly" adverbs; calendar and amount words, courtesy titles and
//! "-mente" adverbs in the other languages. [`WordLanguage`] holds what the keyword
//! stage knows of the language of a text.

use crate::lexicon::calendar::{self, PatternWords};
use crate::lexicon::list;
use crate::lexicon::{articles, FastSet, Stopwords, HONORIFICS};
use std::sync::OnceLock;

fn noise_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    list::word_set(&SET, || list::coded_list!(include_str!("noise_en.txt"), words: true))
}

/// Adverbs in "-ly" that a noise list cannot enumerate ("computationally"); the few
/// nouns with that ending are kept.
fn is_ly_adverb(norm: &str) -> bool {
    const NOUNS: [&str; 12] = [
        "family",
        "assembly",
        "anomaly",
        "monopoly",
        "butterfly",
        "italy",
        "supply",
        "rally",
        "reply",
        "bully",
        "jelly",
        "homily",
    ];
    norm.len() >= 6 && norm.ends_with("ly") && !NOUNS.contains(&norm)
}

/// The language whose stopwords and stemmer make the word classes, and whether it is
/// English, whose further lists (noise words, "-ly" adverbs, word ranks, phrase ends)
/// apply to English alone.
#[derive(Clone, Copy)]
pub(crate) struct WordLanguage {
    /// ISO 639-1 code, as [`crate::language::detect`] names it ("und" never: the
    /// analysis decides what an undetermined text is read as).
    pub(crate) code: &'static str,
    pub(crate) stopwords: Stopwords,
    pub(super) english: bool,
    /// Whether the language capitalises all its nouns (German): capitals then say
    /// nothing of a headline, nor of a sentence start, and a noun phrase ends in one.
    pub(super) capitalises_nouns: bool,
    /// Its words of dates and amounts, which make no key phrase, where it has them.
    pub(super) calendar: Option<&'static PatternWords>,
    /// Its articles ([`crate::lexicon::articles`]), which tell its verbs.
    pub(super) articles: &'static [&'static str],
}

impl WordLanguage {
    /// The word lists and stemmer of `code`; none but the spelling for a language
    /// without them.
    pub(crate) fn of(code: &'static str) -> Self {
        let (english, capitalises_nouns) = (code == "en", code == "de");
        let articles = articles(code);
        WordLanguage { code, stopwords: Stopwords::of(code), english, capitalises_nouns, calendar: calendar::of(code), articles }
    }
}

/// Whether a normalised word can be part of a term or key phrase in `language`.
pub(super) fn is_content(language: &WordLanguage, norm: &str) -> bool {
    let letters = norm.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !norm.starts_with('\'')
        && !norm.ends_with('\'')
        && !language.stopwords.contains(norm)
        && !(language.english && (noise_words().contains(norm) || is_ly_adverb(norm)))
        && !is_mente_adverb(language.code, norm)
        && (language.english || !HONORIFICS.contains(&norm))
        && !language.calendar.is_some_and(|words| words.is_calendar_or_unit(norm))
}

/// Spanish, Portuguese and Italian adverbs in "-mente" ("precisamente",
/// "normalmente"), which a stopword list cannot enumerate; "mente" itself is a noun.
fn is_mente_adverb(language: &str, norm: &str) -> bool {
    matches!(language, "es" | "pt" | "it") && norm.len() > 7 && norm.ends_with("mente")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_exclude_function_words_and_adverbs() {
        let english = WordLanguage::of("en");
        assert!(is_content(&english, "network") && is_content(&english, "iran") && is_content(&english, "family"));
        for word in ["the", "showed", "computationally", "x", "'s", "42", "using"] {
            assert!(!is_content(&english, word), "{word} should not be a content word");
        }
        // Calendar and amount words of the other languages, as English has in its noise.
        for (code, word) in [("de", "oktober"), ("de", "millionen"), ("fr", "samedi"), ("fr", "mai"), ("es", "euros"), ("nl", "procent"), ("pt", "março")] {
            assert!(!is_content(&WordLanguage::of(code), word), "{code}: {word}");
        }
        for (code, word) in [("de", "stadt"), ("es", "mar"), ("pt", "real"), ("es", "peso")] {
            assert!(is_content(&WordLanguage::of(code), word), "{code}: {word}");
        }
    }
}

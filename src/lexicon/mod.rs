//! Word lists shared by the analyses, and the hash of their maps. Each list is a plain
//! text file beside the module that uses it, in the one format `list` reads, parsed
//! once on first use.

mod hash;
pub(crate) mod list;

pub(crate) use hash::{short_word, FastMap, FastSet, FxHasher};

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// English function words that carry no topic (lower case, apostrophes as `'`).
pub fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    list::word_set(&SET, include_str!("stopwords_en.txt")).contains(norm)
}

/// The Snowball stemmer of a language [`crate::language::detect`] names, if it has one.
pub(crate) fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "en" => Algorithm::English,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "ru" => Algorithm::Russian,
        // rust-stemmers 1.2's Greek stemmer panics on some words ("ισαισα"), so Greek,
        // like every language without a stemmer here, is matched by exact spelling.
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_lower_case_function_words() {
        assert!(is_stopword("the") && is_stopword("'s") && is_stopword("during"));
        assert!(!is_stopword("iran") && !is_stopword("The"));
    }
}

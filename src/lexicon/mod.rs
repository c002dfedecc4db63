//! Word lists shared by the analyses, and the hash of their maps. Each list is a plain
//! text file beside the module that uses it, in the one format `list` reads, parsed
//! once on first use.

mod hash;
pub(crate) mod list;

pub(crate) use hash::{short_word, FastMap, FastSet};

use std::sync::OnceLock;

/// English function words that carry no topic (lower case, apostrophes as `'`).
pub fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    list::word_set(&SET, include_str!("stopwords_en.txt")).contains(norm)
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

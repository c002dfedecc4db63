//! Word lists shared by the analyses. Each list is a plain text file beside this
//! module, one entry a line, parsed once on first use.

use std::collections::HashSet;
use std::sync::OnceLock;

fn word_set(cell: &'static OnceLock<HashSet<&'static str>>, source: &'static str) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')).collect())
}

/// English function words that carry no topic (lower case, apostrophes as `'`).
pub fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    word_set(&SET, include_str!("stopwords_en.txt")).contains(norm)
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

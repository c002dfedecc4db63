//! Compact word lists for the rule-based recognizer, each a text file in `lists/`
//! (in the format [`crate::lexicon::list`] reads) parsed once on first use. They ship in the WebAssembly module, so they stay small.

use crate::lexicon::{list, FastSet};
use std::sync::OnceLock;

/// Longest place name in words ("United States of America").
pub const MAX_PLACE_WORDS: usize = 4;

/// Places, keyed by their lower-cased words joined with single spaces.
fn places() -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        list::entries(include_str!("lists/locations.txt")).map(str::to_lowercase).collect()
    })
}

/// Whether `key` (lower case, words joined by single spaces) names a known place.
pub fn is_place(key: &str) -> bool {
    places().contains(key)
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name(norm: &str) -> bool {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            list::word_set(&SET, include_str!($file)).contains(norm)
        }
    };
}

word_list!(
    /// A common given name ("hossein", "maria").
    is_first_name,
    "lists/first_names.txt"
);
word_list!(
    /// A word that ends an organisation's name ("council", "corps", "inc.").
    is_org_word,
    "lists/org_words.txt"
);
word_list!(
    /// A word that opens an organisation's name before "of" ("bank", "ministry").
    is_org_head,
    "lists/org_heads.txt"
);
word_list!(
    /// A word that ends a place name ("sea", "province").
    is_place_word,
    "lists/loc_words.txt"
);
word_list!(
    /// A word that opens a place name before "of" ("gulf", "republic").
    is_place_head,
    "lists/loc_heads.txt"
);
word_list!(
    /// A title or role written before a person's name ("minister", "mr").
    is_title,
    "lists/titles.txt"
);
word_list!(
    /// A word that ends the name of an event or prize ("cup", "war").
    is_event_word,
    "lists/events.txt"
);
word_list!(
    /// A capitalised word that is never a name: units, time zones, abbreviations.
    is_never_name,
    "lists/not_names.txt"
);
word_list!(
    /// A well-known organisation named by one word ("nato", "reuters").
    is_known_org,
    "lists/orgs.txt"
);
word_list!(
    /// An ordinary word that often opens a sentence ("considering", "however").
    is_common_opener,
    "lists/common_words.txt"
);

/// An adjective or noun of nationality, religion or ethnicity, or its plural
/// ("iranian", "kurds", "americans").
pub fn is_nationality(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let set = list::word_set(&SET, include_str!("lists/nationalities.txt"));
    set.contains(norm) || norm.strip_suffix('s').is_some_and(|singular| set.contains(singular))
}

/// A word or phrase for the people of a place ("Kenyan", "South Koreans", "Israeli",
/// "New Zealander"): the listed adjectives, and a known place with a demonym ending.
pub fn is_demonym(key: &str) -> bool {
    if is_nationality(key) {
        return true;
    }
    let singular = key.strip_suffix('s').unwrap_or(key);
    // "Kenyan" → "Kenya": the stem plus "a", spelled in one buffer for all the endings.
    let mut with_a = String::new();
    let mut place_with_a = |stem: &str| {
        with_a.clear();
        with_a.push_str(stem);
        with_a.push('a');
        is_place(&with_a)
    };
    ["n", "an", "ian", "ese", "i", "er", "ean"]
        .iter()
        .any(|ending| singular.strip_suffix(ending).is_some_and(|stem| stem.len() >= 3 && (is_place(stem) || place_with_a(stem))))
}

/// The month (1–12) a lower-cased word names, full or abbreviated.
pub fn month(norm: &str) -> Option<u32> {
    const MONTHS: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let word = norm.strip_suffix('.').unwrap_or(norm);
    if let Some(i) = MONTHS.iter().position(|&m| m == word) {
        return Some(i as u32 + 1);
    }
    if word == "sept" {
        return Some(9);
    }
    (word.len() == 3 && word != "may").then(|| MONTHS.iter().position(|m| m.starts_with(word)).map(|i| i as u32 + 1)).flatten()
}

/// Whether a lower-cased word is a day of the week.
pub fn is_weekday(norm: &str) -> bool {
    matches!(norm, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        assert!(is_place("tehran") && is_place("united states of america") && !is_place("considering"));
        assert!(is_first_name("hossein") && is_org_word("corps") && is_title("minister"));
        assert!(is_nationality("iranian") && is_nationality("americans") && !is_nationality("iran"));
        assert_eq!((month("march"), month("sept."), month("dec"), month("mayor")), (Some(3), Some(9), Some(12), None));
        assert!(is_weekday("saturday") && is_common_opener("considering"));
        assert!(is_event_word("cup") && is_never_name("gmt") && is_known_org("nato"));
        assert!(is_demonym("kenyan") && is_demonym("south koreans") && is_demonym("sri lankan") && is_demonym("israeli"));
        assert!(!is_demonym("iran") && !is_demonym("tehran") && !is_demonym("kenya"));
        assert!(!is_demonym(&("q".repeat(60) + "ian")), "a long stem");
        assert!(is_org_head("ministry") && is_place_head("gulf") && is_place_word("sea"));
    }

    #[test]
    fn place_names_fit_the_longest_match() {
        let longest = include_str!("lists/locations.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_whitespace().count())
            .max();
        assert_eq!(longest, Some(MAX_PLACE_WORDS));
    }
}

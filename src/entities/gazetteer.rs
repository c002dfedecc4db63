//! Compact word lists for the rule-based recognizer, each a text file in `lists/`
//! (in the format [`crate::lexicon::list`] reads) parsed once on first use. They ship in the WebAssembly module, so they stay small.

use crate::lexicon::list::{self, list_file};
use crate::lexicon::{FastMap, FastSet};
use std::sync::OnceLock;

/// Longest place name in words ("United States of America").
pub const MAX_PLACE_WORDS: usize = 4;

/// The places of `lists/locations.txt`, one a line.
fn locations() -> &'static str {
    list::coded_list!(include_str!("lists/locations.txt"), words: false)
}

/// Places, keyed by their lower-cased words joined with single spaces.
fn places() -> &'static FastSet<String> {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| lowercase_set(locations()))
}

/// The entries of a list file, lower-cased.
#[inline(never)]
fn lowercase_set(source: &'static str) -> FastSet<String> {
    list::entries(source).map(str::to_lowercase).collect()
}

/// Whether `key` (lower case, words joined by single spaces) names a known place.
pub fn is_place(key: &str) -> bool {
    places().contains(key)
}

macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        #[inline(never)]
        pub fn $name(norm: &str) -> bool {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            list::word_set(&SET, || list_file!(include_str!($file))).contains(norm)
        }
    };
}

pub use crate::lexicon::is_first_name;
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
    /// A word that opens an organisation's name in Italian or Portuguese ("comune",
    /// "fundação"); no model's feature.
    is_org_opener,
    "lists/org_openers.txt"
);
word_list!(
    /// A word that opens a place's name in Italian or Portuguese ("piazza", "praça");
    /// no model's feature.
    is_place_opener,
    "lists/place_openers.txt"
);

/// Whether `key` (lower case, words joined by single spaces) names a place as Italian
/// or Portuguese write it ("torino", "porto alegre"); no model's feature.
#[inline(never)]
pub fn is_other_place(key: &str) -> bool {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| lowercase_set(list_file!(include_str!("lists/places_other.txt")))).contains(key)
}

word_list!(
    /// An ordinary word that often opens a sentence ("considering", "however").
    is_common_opener,
    "lists/common_words.txt"
);

/// An adjective or noun of nationality, religion or ethnicity, or its plural
/// ("iranian", "kurds", "americans").
pub fn is_nationality(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let set = list::word_set(&SET, || list_file!(include_str!("lists/nationalities.txt")));
    set.contains(norm) || norm.strip_suffix('s').is_some_and(|singular| set.contains(singular))
}

/// Endings that make a place's name a word for its people ("Kenyan", "Israeli").
const DEMONYM_ENDINGS: [&str; 7] = ["n", "an", "ian", "ese", "i", "er", "ean"];

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
    DEMONYM_ENDINGS
        .iter()
        .any(|ending| singular.strip_suffix(ending).is_some_and(|stem| stem.len() >= 3 && (is_place(stem) || place_with_a(stem))))
}

/// Which of the lists have a lower-cased word, one bit each (see [`Marks`]): the
/// tagger's features read them, once per distinct word, in one lookup.
pub(crate) fn marks(norm: &str) -> u16 {
    static MAP: OnceLock<FastMap<String, u16>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map: FastMap<String, u16> = FastMap::default();
        let mut mark = |word: &str, bit: Marks| *map.entry(word.to_lowercase()).or_default() |= bit as u16;
        let places = list::entries(locations()).filter(|l| !l.contains(' '));
        for place in places.map(str::to_lowercase) {
            mark(&place, Marks::Place);
            // The words [`is_demonym`] derives from the place ("kenya" → "kenyan",
            // "kenyans"), so that the mark agrees with it.
            let stems = [Some(place.as_str()), place.strip_suffix('a')];
            for stem in stems.into_iter().flatten().filter(|stem| stem.len() >= 3) {
                for ending in DEMONYM_ENDINGS {
                    mark(&format!("{stem}{ending}"), Marks::Nationality);
                    mark(&format!("{stem}{ending}s"), Marks::Nationality);
                }
            }
        }
        let lists = [
            (crate::lexicon::first_names(), Marks::FirstName),
            (list_file!(include_str!("lists/nationalities.txt")), Marks::Nationality),
            (list_file!(include_str!("lists/orgs.txt")), Marks::KnownOrg),
            (list_file!(include_str!("lists/titles.txt")), Marks::Title),
            (list_file!(include_str!("lists/org_words.txt")), Marks::OrgWord),
            (list_file!(include_str!("lists/org_heads.txt")), Marks::OrgWord),
            (list_file!(include_str!("lists/loc_words.txt")), Marks::PlaceWord),
            (list_file!(include_str!("lists/loc_heads.txt")), Marks::PlaceWord),
            (list_file!(include_str!("lists/not_names.txt")), Marks::NeverName),
        ];
        for (source, bit) in lists {
            for word in list::words(source) {
                mark(word, bit);
                if bit == Marks::Nationality {
                    mark(&format!("{word}s"), bit);
                }
            }
        }
        for word in date_words() {
            mark(word, Marks::Date);
            mark(&format!("{word}."), Marks::Date);
        }
        map
    });
    map.get(norm).copied().unwrap_or(0)
}

/// The lists [`marks`] reports, one bit each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Marks {
    Place = 1,
    FirstName = 2,
    /// A nationality or other demonym ([`is_demonym`]).
    Nationality = 4,
    KnownOrg = 8,
    Title = 16,
    /// A word that ends or opens an organisation's name.
    OrgWord = 32,
    /// A word that ends or opens a place's name.
    PlaceWord = 64,
    NeverName = 128,
    /// A month (full or abbreviated) or a weekday.
    Date = 256,
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The months, full and in three letters, "sept" and the weekdays: every word that
/// [`month`] or [`is_weekday`] accepts, less the period [`month`] allows after a month.
pub(crate) fn date_words() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().flat_map(|&m| [m, &m[..3]]).chain(["sept"]).chain(WEEKDAYS)
}

/// The month (1–12) a lower-cased word names, full or abbreviated.
pub fn month(norm: &str) -> Option<u32> {
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
    WEEKDAYS.contains(&norm)
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
    fn marks_agree_with_the_lists() {
        // Every listed word, and each with the endings the lists derive words with.
        let sources = [
            locations(),
            crate::lexicon::first_names(),
            list_file!(include_str!("lists/nationalities.txt")),
            list_file!(include_str!("lists/orgs.txt")),
            list_file!(include_str!("lists/titles.txt")),
            list_file!(include_str!("lists/org_words.txt")),
            list_file!(include_str!("lists/loc_words.txt")),
            list_file!(include_str!("lists/not_names.txt")),
            list_file!(include_str!("lists/common_words.txt")),
        ];
        let listed = sources.iter().flat_map(|&s| list::words(s));
        let mut words: Vec<String> = ["sept.", "dec", "saturday", "the", "kenyans", "londoners", "taiwanese"].map(String::from).into();
        for word in listed.map(str::to_lowercase) {
            words.extend(["", "s", "n", "ns", "ian", "ese", "i", "er", "ean", "."].iter().map(|end| format!("{word}{end}")));
            words.extend(word.strip_suffix('a').map(|stem| format!("{stem}ns")));
        }
        for word in words.iter().map(String::as_str) {
            let expected = [
                (is_place(word), Marks::Place),
                (is_first_name(word), Marks::FirstName),
                (is_demonym(word), Marks::Nationality),
                (is_known_org(word), Marks::KnownOrg),
                (is_title(word), Marks::Title),
                (is_org_word(word) || is_org_head(word), Marks::OrgWord),
                (is_place_word(word) || is_place_head(word), Marks::PlaceWord),
                (is_never_name(word), Marks::NeverName),
                (month(word).is_some() || is_weekday(word), Marks::Date),
            ];
            let mask = expected.iter().filter(|(has, _)| *has).fold(0, |m, (_, bit)| m | *bit as u16);
            assert_eq!(marks(word), mask, "{word}");
        }
    }

    #[test]
    fn place_names_fit_the_longest_match() {
        let longest = locations()
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split_whitespace().count())
            .max();
        assert_eq!(longest, Some(MAX_PLACE_WORDS));
    }
}

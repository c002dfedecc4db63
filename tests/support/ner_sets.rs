//! The named-entity sets of `../shared/data/ner`, by language: where they are, which
//! of their documents may train the shipped model, and how their gold names are read
//! so that every English set follows one convention, the one a user wants: names, not
//! pronouns or descriptions. Shared by `examples/train_ner.rs`,
//! `examples/calibrate_ner.rs` and `tests/ner_model.rs`.

use crate::ner_eval::GoldDoc;
use std::collections::HashMap;
#[cfg(feature = "train")]
use textlens::entities::model::train::TrainDoc;
use textlens::entities::model::Kind;

/// Where the sets live, relative to the crate root.
pub const NER_DIR: &str = "../shared/data/ner";

/// One set: its directory under [`NER_DIR`], the prefix of its files there and the
/// name it is reported under.
#[derive(Clone, Copy, Debug)]
pub struct Set {
    /// Directory under [`NER_DIR`].
    pub dir: &'static str,
    /// What its files' names start with: the language of a multilingual directory
    /// (`es.` of `conll2002/es.train.jsonl`), empty for the English ones.
    pub prefix: &'static str,
    /// Short name in reports (as `scripts/eval.py` prints it, without `-dev`).
    pub name: &'static str,
}

const fn set(dir: &'static str, name: &'static str) -> Set {
    Set { dir, prefix: "", name }
}

/// Every English set, news first.
pub const SETS: [Set; 5] = [set("conll2003", "conll"), set("btc", "btc"), set("wnut17", "wnut17"), set("re3d", "re3d"), set("sec", "sec")];

/// The sets of the other languages with a name model (`README-multilingual.md`),
/// by ISO 639-1 code, the main set of each language first. The French set is
/// historic newspapers (OCR), the only French set there is; Europeana's German and
/// Dutch add to GermEval and CoNLL-2002.
pub const LANGUAGE_SETS: [(&str, &[Set]); 4] = [
    ("es", &[Set { dir: "conll2002", prefix: "es.", name: "es" }]),
    ("nl", &[Set { dir: "conll2002", prefix: "nl.", name: "nl" }, Set { dir: "europeana", prefix: "nl.", name: "enp-nl" }]),
    ("de", &[Set { dir: "germeval2014", prefix: "de.", name: "de" }, Set { dir: "europeana", prefix: "de.", name: "enp-de" }]),
    ("fr", &[Set { dir: "europeana", prefix: "fr.", name: "fr" }]),
];

/// The sets of `language` (`en` or a code of [`LANGUAGE_SETS`]), or `None` for a
/// language without sets.
pub fn sets_of(language: &str) -> Option<&'static [Set]> {
    if language == "en" {
        return Some(&SETS);
    }
    LANGUAGE_SETS.iter().find(|(code, _)| *code == language).map(|(_, sets)| *sets)
}

impl Set {
    /// The path of one part ("train" or "dev") of the set.
    pub fn path(self, part: &str) -> String {
        format!("{NER_DIR}/{}/{}{part}.jsonl", self.dir, self.prefix)
    }

    /// Whether the set is English: only the English sets are read the CoNLL-2003 way
    /// (see [`training_doc`]); the others' gold is taken as it is written.
    pub fn is_english(self) -> bool {
        self.prefix.is_empty()
    }
}

/// Whether a document may train the shipped model. re3d's BBC Online documents are
/// licensed for non-commercial use only, and its Wikipedia ones are share-alike (CC
/// BY-SA 3.0): both are left out, so that no licence condition reaches the model.
pub fn may_train(id: &str) -> bool {
    !id.starts_with("re3d-BBC_Online-") && !id.starts_with("re3d-Wikipedia-")
}

/// Words that stand for a name without being one: re3d tags pronouns as people and
/// organisations ("he", "we").
const PRONOUNS: [&str; 37] = [
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "he", "him",
    "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
    "here", "there", "this", "that", "these", "those", "who",
];

/// A contract's parties named by their role: SEC filings tag "Borrower" and "Lender"
/// as people and "Bank" as an organisation, dozens of times per agreement.
const ROLES: [&str; 12] =
    ["borrower", "borrowers", "lender", "lenders", "bank", "agent", "guarantor", "guarantors", "trustee", "issuer", "holder", "holders"];

/// Articles a name does not start with, by the CoNLL convention ("the" is outside the
/// span); re3d puts them inside ("the Government of Iraq").
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Whether `words` are words that end a place's name ("region", "city"), as the
/// rules' list has them.
fn is_place_word(words: &str) -> bool {
    let list = include_str!("../../src/entities/lists/loc_words.txt");
    let known = |w: &str| list.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).any(|k| k == w);
    let mut words = words.split_whitespace().peekable();
    words.peek().is_some() && words.all(known)
}

/// Whether a gold mention is a pronoun or a party's role rather than a name.
fn stands_in(text: &str) -> bool {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).collect();
    let lower = words.join(" ").to_lowercase();
    words.is_empty() || PRONOUNS.contains(&lower.as_str()) || (words.len() == 1 && ROLES.contains(&lower.as_str()))
}

/// Whether a gold mention of edited prose is a name: not a pronoun, not a party's
/// role, and with a capitalised word or a digit ("the army" and "civilians" are
/// descriptions). The same test as `is_name` in `scripts/eval.py`.
pub fn is_name(text: &str) -> bool {
    !stands_in(text) && text.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// What CoNLL-2003's annotation says about single words, for reading the other sets
/// the CoNLL way.
#[derive(Default)]
pub struct Conventions {
    /// Words that CoNLL tags as MISC nearly always (nationalities: "Iraqi", "Russian").
    misc_words: HashMap<String, Kind>,
}

impl Conventions {
    /// Learns from CoNLL-2003 train: a word that is a whole name at least 3 times, and
    /// MISC in at least 80% of them, is a MISC word.
    pub fn from_conll(train: &[GoldDoc]) -> Conventions {
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for doc in train {
            for (start, end, label) in &doc.entities {
                let Some(text) = doc.text.get(*start..*end).filter(|t| !t.contains(' ')) else { continue };
                let entry = counts.entry(text.to_lowercase()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(label == "MISC");
            }
        }
        let misc_words = counts.into_iter().filter(|(_, (all, misc))| *all >= 3 && misc * 5 >= all * 4).map(|(w, _)| (w, Kind::Misc)).collect();
        Conventions { misc_words }
    }

    /// The kind a name of another set gets: a MISC word stays MISC where a set without
    /// that type calls it a place or an organisation (BTC: "Russian" as LOC).
    fn kind(&self, text: &str, kind: Kind) -> Kind {
        match kind {
            Kind::Location | Kind::Org => self.misc_words.get(&text.to_lowercase()).copied().unwrap_or(kind),
            _ => kind,
        }
    }
}

/// The gold names of a document of set `set` as training reads them (see
/// [`name_span`]). Outside CoNLL, MISC is not annotated throughout (BTC has no such
/// type, WNUT-17 and re3d only some of its kinds), and nationalities are MISC, as in
/// CoNLL.
#[cfg(feature = "train")]
pub fn training_doc(doc: &GoldDoc, set: Set, conventions: &Conventions) -> TrainDoc {
    if !set.is_english() {
        return as_written(doc, set);
    }
    let conll = set.dir == "conll2003";
    // In the reports and filings, edited prose, a name is capitalised; in posts,
    // lower-case words are often names themselves.
    let formal = matches!(set.dir, "re3d" | "sec");
    let (mut entities, mut uncertain) = (Vec::new(), Vec::new());
    for &(start, end, ref label) in &doc.entities {
        let Some(kind) = crate::ner_eval::kind_of(label) else { continue };
        let Some(name) = name_span(&doc.text, start, end, formal && !conll, !conll) else { continue };
        let cut = doc.text[name.1..end].trim_start();
        if name.1 < end && !cut.starts_with(['\'', '’']) && !(kind == Kind::Location && is_place_word(cut)) {
            // A description cut off: the name left may be of another kind ("Kurdistan
            // regional government" is an organisation, "Kurdistan" a place; "ISIL
            // targets" and "ISIL - held building" are places, "ISIL" is not), while a
            // place's name stays a place when the words cut say what kind of place it is
            // ("the Kurdistan region").
            uncertain.push((start, end));
            continue;
        }
        let kind = if conll { kind } else { conventions.kind(&doc.text[name.0..name.1], kind) };
        entities.push((name.0, name.1, kind));
    }
    let unannotated = if conll { Vec::new() } else { vec![Kind::Misc] };
    TrainDoc { text: doc.text.clone(), entities, repeat: 1, unannotated, uncertain }
}

/// The gold names of a document of another language's set, as annotated: CoNLL-2002
/// and GermEval follow CoNLL's guidelines already (GermEval's `*deriv` and `*part`
/// are no names there), and Europeana marks no MISC, so a MISC name there is not
/// counted wrong.
#[cfg(feature = "train")]
fn as_written(doc: &GoldDoc, set: Set) -> TrainDoc {
    let entities = doc.entities.iter().filter_map(|(start, end, label)| Some((*start, *end, crate::ner_eval::kind_of(label)?))).collect();
    let unannotated = if set.dir == "europeana" { vec![Kind::Misc] } else { Vec::new() };
    TrainDoc { text: doc.text.clone(), entities, repeat: 1, unannotated, uncertain: Vec::new() }
}

/// The part of a gold mention that is a name, the CoNLL way, or `None` if it is none
/// (a pronoun or role; in `formal` text, see [`is_name`]): without a leading article ("the Government of Iraq"), a trailing
/// possessive ("Iran's"), or the `@` or `#` of a handle or hashtag (which stays
/// context: the tagger tags the word after it); with `trim_descriptions`, also without
/// trailing lower-case words after a capitalised name ("Iraqi forces", "Donetsk region").
fn name_span(text: &str, mut start: usize, mut end: usize, formal: bool, trim_descriptions: bool) -> Option<(usize, usize)> {
    let name = |s: usize, e: usize| text.get(s..e).unwrap_or_default();
    // Posts write names in lower case ("@colgo", "emma"): there only pronouns go.
    let is_name = |t: &str| if formal { is_name(t) } else { !stands_in(t) };
    if !is_name(name(start, end)) {
        return None;
    }
    if let Some((first, rest)) = name(start, end).split_once(' ') {
        if ARTICLES.iter().any(|a| first.eq_ignore_ascii_case(a)) && is_name(rest) {
            start += first.len() + 1;
        }
    }
    loop {
        let current = name(start, end);
        // A hyphen left at the end joined the name to the words cut ("ISIL - held").
        let current = current.trim_end_matches([' ', '-', '–']);
        end = start + current.len();
        let trimmed = ["'s", "’s", "'", "’"].iter().find_map(|p| current.strip_suffix(p)).map(str::trim_end);
        // A capitalised name followed by lower-case words is a name and a description.
        let described = current.rsplit_once(' ').filter(|(head, last)| trim_descriptions && last.chars().all(char::is_lowercase) && self::is_name(head));
        match (trimmed, described) {
            (Some(head), _) if !head.is_empty() => end = start + head.len(),
            (_, Some((head, _))) => end = start + head.trim_end().len(),
            _ => break,
        }
    }
    let current = name(start, end);
    start += current.len() - current.trim_start_matches(['@', '#']).len();
    (start < end).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_not_pronouns_roles_or_descriptions() {
        for name in ["ISIL", "the Government of Iraq", "Tobias Ellwood", "@Colgo", "CTF 50", "al - Hilla"] {
            assert!(is_name(name), "{name}");
        }
        for not in ["he", "We", "the army", "Borrower", "civilians", "their"] {
            assert!(!is_name(not), "{not}");
        }
    }

    #[test]
    fn name_spans_follow_the_conll_convention() {
        fn span(text: &str, formal: bool) -> Option<&str> {
            name_span(text, 0, text.len(), formal, true).map(|(s, e)| &text[s..e])
        }
        assert_eq!(span("the Government of Iraq", true), Some("Government of Iraq"));
        assert_eq!(span("Iraqi security forces", true), Some("Iraqi"));
        assert_eq!(span("Iran ’s", true), Some("Iran"));
        assert_eq!(span("Sainsbury's", false), Some("Sainsbury"));
        assert_eq!(span("@colgo", false), Some("colgo"));
        assert_eq!(span("new york", false), Some("new york"));
        assert_eq!(span("new york", true), None);
        assert_eq!(span("the army", true), None);
        assert_eq!(span("ISIL - held building", true), Some("ISIL"));
    }
}

//! Options of an analysis: one flat struct, every field defaulted, so JavaScript can
//! pass a partial object, and [`OPTION_SPECS`], the one table of each numeric option's
//! allowed values and default. The defaults, [`Options::validate`], the JavaScript
//! export `optionSpecs()` and the command line's help all read that table; a Node test
//! checks that the TypeScript declarations state the same ranges. The one option that
//! is not a number, [`ENTITY_LISTS`], is read by [`EntityLists::read`].

use crate::entities::{EntityLists, Limits};
use crate::error::{Error, Result};
use serde::{Deserialize, Deserializer, Serialize};

/// What to compute and how much of it. Unknown fields are rejected by name.
///
/// ```
/// let options = textlens::Options { keywords: 5, ..textlens::Options::default() };
/// options.validate().unwrap();
/// let bad = textlens::Options { max_phrase_words: 9, ..options };
/// assert!(bad.validate().unwrap_err().to_string().contains("maxPhraseWords"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// How many key phrases to return (see [`OPTION_SPECS`] for every range).
    pub keywords: usize,
    /// How many frequent terms to return.
    pub terms: usize,
    /// Longest key phrase in words.
    pub max_phrase_words: usize,
    /// How many sentences the summary has. Ignored when `summaryRatio` is set.
    pub summary_sentences: usize,
    /// The summary as a share of the sentences, rounded up.
    pub summary_ratio: Option<f64>,
    /// Reading speed for the reading-time estimate, in words per minute.
    pub words_per_minute: usize,
    /// Longest text accepted, in UTF-16 code units.
    pub max_length: usize,
    /// Entity mentions whose confidence is below this are left out (and the groups
    /// they alone made). 0, the default, keeps every mention.
    pub min_confidence: f64,
    /// The caller's entity lists (see [`crate::entities::entity_lists`]): phrases that
    /// are always entities of a label, and phrases that never are. Read from any serde
    /// format with the default [`Limits`]; not serialised.
    #[serde(deserialize_with = "entity_lists", skip_serializing)]
    pub entity_lists: Option<EntityLists>,
    /// The text's language: `"auto"` (the default) detects it; an ISO 639-1 code of
    /// [`crate::language::KNOWN`] says it. Not serialised with the numeric options.
    #[serde(skip_serializing)]
    pub language: String,
}

/// The name of the language option in JavaScript and in [`Options`]' serde form.
pub const LANGUAGE: &str = "language";

/// The value of [`LANGUAGE`] that detects the language.
pub const AUTO: &str = "auto";

/// The error for a `language` option that is not `"auto"` nor a known code; `got`
/// describes the value (a quoted string, or a value of another type).
pub fn invalid_language(got: String) -> Error {
    let allowed = format!("\"{AUTO}\" or one of the ISO 639-1 codes {}", crate::language::KNOWN.join(", "));
    Error::InvalidOption { option: LANGUAGE, allowed, got }
}

/// The name of the entity lists option in JavaScript and in [`Options`]' serde form.
pub const ENTITY_LISTS: &str = "entityLists";

/// Every option's name, as JavaScript spells it, in the order of [`Options`]' fields.
pub const OPTION_NAMES: [&str; OPTION_SPECS.len() + 2] = {
    let mut names = [ENTITY_LISTS; OPTION_SPECS.len() + 2];
    let mut i = 0;
    while i < OPTION_SPECS.len() {
        names[i] = OPTION_SPECS[i].name;
        i += 1;
    }
    names[OPTION_SPECS.len() + 1] = LANGUAGE;
    names
};

/// `entityLists` of a serde format: `null` is none, anything else is read as lists.
fn entity_lists<'de, D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Option<EntityLists>, D::Error> {
    struct Lists(EntityLists);
    impl<'de> Deserialize<'de> for Lists {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
            EntityLists::read(deserializer, Limits::default()).map(Lists).map_err(serde::de::Error::custom)
        }
    }
    Ok(Option::<Lists>::deserialize(deserializer)?.map(|lists| lists.0))
}

/// What values an option takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A whole number from `min` to `max`, both included.
    Count,
    /// A number greater than `min` and at most `max`.
    Share,
    /// A number from `min` to `max`, both included.
    Number,
}

/// One option: its name as JavaScript spells it, its allowed values and its default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionSpec {
    /// The field's name in JavaScript and in [`Options`]' serde form (camelCase).
    pub name: &'static str,
    /// Whole numbers in `[min, max]`, or numbers in `(min, max]`.
    pub kind: OptionKind,
    /// Lower bound (see `kind`).
    pub min: f64,
    /// Upper bound, included.
    pub max: f64,
    /// The value when the option is absent; `None`: the option is off.
    pub default: Option<f64>,
    /// What the option sets, as a phrase for help texts.
    pub doc: &'static str,
}

const fn count(name: &'static str, min: f64, max: f64, default: f64, doc: &'static str) -> OptionSpec {
    OptionSpec { name, kind: OptionKind::Count, min, max, default: Some(default), doc }
}

const KEYWORDS: OptionSpec = count("keywords", 0.0, 200.0, 10.0, "Key phrases to return");
const TERMS: OptionSpec = count("terms", 0.0, 500.0, 20.0, "Frequent terms to return");
const MAX_PHRASE_WORDS: OptionSpec = count("maxPhraseWords", 1.0, 4.0, 4.0, "Longest key phrase in words");
const SUMMARY_SENTENCES: OptionSpec = count("summarySentences", 0.0, 100.0, 3.0, "Sentences in the summary");
const SUMMARY_RATIO: OptionSpec = OptionSpec {
    name: "summaryRatio",
    kind: OptionKind::Share,
    min: 0.0,
    max: 1.0,
    default: None,
    doc: "Summary length as a share of the sentences",
};
const WORDS_PER_MINUTE: OptionSpec = count("wordsPerMinute", 50.0, 2000.0, 230.0, "Reading speed for readingTimeSeconds");
/// 20 million UTF-16 code units by default, about 20 MB of English.
const MAX_LENGTH: OptionSpec =
    count("maxLength", 1.0, 100_000_000.0, 20_000_000.0, "Longest accepted text in UTF-16 code units");
const MIN_CONFIDENCE: OptionSpec = OptionSpec {
    name: "minConfidence",
    kind: OptionKind::Number,
    min: 0.0,
    max: 1.0,
    default: Some(0.0),
    doc: "Leave out entity mentions less sure than this",
};

/// Every option, in the order of [`Options`]' fields.
pub const OPTION_SPECS: [OptionSpec; 8] =
    [KEYWORDS, TERMS, MAX_PHRASE_WORDS, SUMMARY_SENTENCES, SUMMARY_RATIO, WORDS_PER_MINUTE, MAX_LENGTH, MIN_CONFIDENCE];

/// The default `maxLength`.
pub const DEFAULT_MAX_LENGTH: usize = 20_000_000;

impl OptionSpec {
    /// The spec of the option JavaScript calls `name`.
    pub fn named(name: &str) -> Option<&'static OptionSpec> {
        OPTION_SPECS.iter().find(|spec| spec.name == name)
    }

    /// The allowed values, as an error message says them ("an integer from 0 to 200").
    pub fn allowed(&self) -> String {
        match self.kind {
            OptionKind::Count => format!("an integer from {} to {}", self.min, self.max),
            OptionKind::Share => format!("a number greater than {} and at most {}", self.min, self.max),
            OptionKind::Number => format!("a number from {} to {}", self.min, self.max),
        }
    }

    fn count_default(&self) -> usize {
        self.default.map_or(0, |n| n as usize)
    }

    fn check(&self, value: f64) -> Result<()> {
        let fits = match self.kind {
            OptionKind::Count | OptionKind::Number => value >= self.min && value <= self.max,
            OptionKind::Share => value > self.min && value <= self.max,
        };
        if fits {
            Ok(())
        } else {
            Err(Error::InvalidOption { option: self.name, allowed: self.allowed(), got: value.to_string() })
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            keywords: KEYWORDS.count_default(),
            terms: TERMS.count_default(),
            max_phrase_words: MAX_PHRASE_WORDS.count_default(),
            summary_sentences: SUMMARY_SENTENCES.count_default(),
            summary_ratio: SUMMARY_RATIO.default,
            words_per_minute: WORDS_PER_MINUTE.count_default(),
            max_length: MAX_LENGTH.count_default(),
            min_confidence: MIN_CONFIDENCE.default.unwrap_or(0.0),
            entity_lists: None,
            language: AUTO.to_owned(),
        }
    }
}

impl Options {
    /// Checks every option against its allowed range; the error names the option.
    pub fn validate(&self) -> Result<()> {
        KEYWORDS.check(self.keywords as f64)?;
        TERMS.check(self.terms as f64)?;
        MAX_PHRASE_WORDS.check(self.max_phrase_words as f64)?;
        SUMMARY_SENTENCES.check(self.summary_sentences as f64)?;
        if let Some(ratio) = self.summary_ratio {
            SUMMARY_RATIO.check(ratio)?;
        }
        WORDS_PER_MINUTE.check(self.words_per_minute as f64)?;
        MAX_LENGTH.check(self.max_length as f64)?;
        MIN_CONFIDENCE.check(self.min_confidence)?;
        self.language().map(|_| ())
    }

    /// The language the option names: `None` for `"auto"`, else its code.
    ///
    /// Errors: a code that is not in [`crate::language::KNOWN`], named in the message.
    pub fn language(&self) -> Result<Option<&'static str>> {
        if self.language == AUTO {
            return Ok(None);
        }
        match crate::language::known(&self.language) {
            Some(code) => Ok(Some(code)),
            None => Err(invalid_language(format!("{:?}", self.language))),
        }
    }

    /// How many summary sentences to pick from a document of `sentences` sentences.
    pub fn summary_length(&self, sentences: usize) -> usize {
        match self.summary_ratio {
            Some(ratio) => ((sentences as f64 * ratio).ceil() as usize).min(sentences),
            None => self.summary_sentences.min(sentences),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        Options::default().validate().unwrap();
        assert_eq!(Options::default().max_length, DEFAULT_MAX_LENGTH);
    }

    #[test]
    fn the_table_names_every_field_with_its_default() {
        let defaults = serde_json::to_value(Options::default()).unwrap();
        let fields: Vec<&String> = defaults.as_object().unwrap().keys().collect();
        let mut names: Vec<&str> = OPTION_SPECS.iter().map(|s| s.name).collect();
        crate::order::sort(&mut names);
        assert_eq!(fields, names, "help: OPTION_SPECS must list every field of Options");
        for spec in OPTION_SPECS {
            assert_eq!(defaults[spec.name].as_f64(), spec.default, "default of {}", spec.name);
            let at_bounds = match spec.kind {
                OptionKind::Count => [serde_json::json!(spec.min as u64), serde_json::json!(spec.max as u64)],
                OptionKind::Share => [serde_json::json!(spec.max / 2.0), serde_json::json!(spec.max)],
                OptionKind::Number => [serde_json::json!(spec.min), serde_json::json!(spec.max)],
            };
            for value in at_bounds {
                let options: Options = serde_json::from_value(serde_json::json!({ spec.name: value })).unwrap();
                options.validate().unwrap_or_else(|e| panic!("{} = {value}: {e}", spec.name));
            }
        }
    }

    #[test]
    fn out_of_range_names_the_option_and_its_range() {
        let options = Options { max_phrase_words: 9, ..Options::default() };
        let message = options.validate().unwrap_err().to_string();
        assert!(message.contains("maxPhraseWords") && message.contains("from 1 to 4") && message.contains("got 9"), "{message}");
        let options = Options { keywords: 201, ..Options::default() };
        assert!(options.validate().unwrap_err().to_string().contains("`keywords`"));
    }

    #[test]
    fn ratio_must_be_above_zero_and_at_most_one() {
        for bad in [0.0, -0.5, 1.5, f64::NAN] {
            let options = Options { summary_ratio: Some(bad), ..Options::default() };
            let message = options.validate().unwrap_err().to_string();
            assert!(message.contains("summaryRatio") && message.contains("greater than 0"), "{message}");
        }
        Options { summary_ratio: Some(1.0), ..Options::default() }.validate().unwrap();
    }

    #[test]
    fn min_confidence_is_a_number_from_0_to_1() {
        for bad in [-0.1, 1.5, f64::NAN] {
            let message = Options { min_confidence: bad, ..Options::default() }.validate().unwrap_err().to_string();
            assert!(message.contains("minConfidence") && message.contains("a number from 0 to 1"), "{message}");
        }
        for good in [0.0, 0.5, 1.0] {
            Options { min_confidence: good, ..Options::default() }.validate().unwrap();
        }
    }

    #[test]
    fn partial_json_fills_defaults_and_unknown_fields_are_named() {
        let options: Options = serde_json::from_str(r#"{"keywords": 5}"#).unwrap();
        assert_eq!(options, Options { keywords: 5, ..Options::default() });
        let error = serde_json::from_str::<Options>(r#"{"keywordz": 5}"#).unwrap_err().to_string();
        assert!(error.contains("keywordz"), "{error}");
    }

    #[test]
    fn entity_lists_are_read_from_json_and_named_in_errors() {
        let options: Options = serde_json::from_str(r#"{"entityLists": {"PRODUCT": ["Acme"]}, "keywords": 3}"#).unwrap();
        assert_eq!(options.entity_lists.as_ref().map(EntityLists::entries), Some(1));
        let none: Options = serde_json::from_str(r#"{"entityLists": null}"#).unwrap();
        assert_eq!(none, Options::default());
        let error = serde_json::from_str::<Options>(r#"{"entityLists": {"PRODUCT": [5]}}"#).unwrap_err().to_string();
        assert!(error.starts_with("invalid option `entityLists`: PRODUCT[0]: an entry must be a phrase"), "{error}");
        // serde's own list of fields, which the unknown-option message shows, is OPTION_NAMES.
        let unknown = serde_json::from_str::<Options>(r#"{"entityList": {}}"#).unwrap_err().to_string();
        let names: Vec<String> = OPTION_NAMES.iter().map(|n| format!("`{n}`")).collect();
        assert!(unknown.contains(&names.join(", ")), "{unknown}");
    }

    #[test]
    fn language_is_auto_or_a_known_code_and_an_unknown_one_is_named() {
        assert_eq!(Options::default().language(), Ok(None));
        let german: Options = serde_json::from_str(r#"{"language": "de"}"#).unwrap();
        assert_eq!(german.language(), Ok(Some("de")));
        for bad in ["xx", "DE", "", "german", "auto "] {
            let options = Options { language: bad.to_owned(), ..Options::default() };
            let message = options.validate().unwrap_err().to_string();
            assert!(message.starts_with("invalid option `language`: must be \"auto\" or one of"), "{message}");
            assert!(message.ends_with(&format!("got {bad:?}")), "{message}");
        }
    }

    #[test]
    fn ratio_rounds_up_and_never_exceeds_the_document() {
        let options = Options { summary_ratio: Some(0.25), ..Options::default() };
        assert_eq!(options.summary_length(10), 3);
        assert_eq!(Options::default().summary_length(2), 2);
    }
}

//! Options of an analysis: one flat struct, every field defaulted, so JavaScript can
//! pass a partial object.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// What to compute and how much of it. Unknown fields are rejected by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// How many key phrases to return (0 to 200).
    pub keywords: usize,
    /// How many frequent terms to return (0 to 500).
    pub terms: usize,
    /// Longest key phrase in words (1 to 4).
    pub max_phrase_words: usize,
    /// How many sentences the summary has (0 to 100). Ignored when `summaryRatio` is set.
    pub summary_sentences: usize,
    /// The summary as a share of the sentences (greater than 0, at most 1), rounded up.
    pub summary_ratio: Option<f64>,
    /// Reading speed for the reading-time estimate, in words per minute (50 to 2000).
    pub words_per_minute: usize,
    /// Longest text accepted, in UTF-16 code units (1 to 100,000,000).
    pub max_length: usize,
}

/// The default `maxLength`: 20 million UTF-16 code units, about 20 MB of English.
pub const DEFAULT_MAX_LENGTH: usize = 20_000_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            keywords: 10,
            terms: 20,
            max_phrase_words: 4,
            summary_sentences: 3,
            summary_ratio: None,
            words_per_minute: 230,
            max_length: DEFAULT_MAX_LENGTH,
        }
    }
}

fn check_range(option: &'static str, value: usize, min: usize, max: usize) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::InvalidOption { option, allowed: format!("an integer from {min} to {max}"), got: value.to_string() })
    }
}

/// The value of one option as a dynamically typed caller (JavaScript) passes it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `undefined` or `null`: the default applies.
    Absent,
    /// Any number.
    Number(f64),
    /// Anything else, described by its type name ("string", "boolean", "object").
    Other(&'static str),
}

fn whole_number(option: &'static str, value: OptionValue) -> Result<Option<usize>> {
    match value {
        OptionValue::Absent => Ok(None),
        OptionValue::Number(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= 1e15 => Ok(Some(n as usize)),
        OptionValue::Number(n) => Err(Error::InvalidOption { option, allowed: "a whole number".into(), got: n.to_string() }),
        OptionValue::Other(kind) => Err(Error::InvalidOption { option, allowed: "a number".into(), got: format!("a {kind}") }),
    }
}

impl Options {
    /// Options from `(name, value)` pairs as JavaScript passes them: names are the
    /// camelCase field names, absent values keep their default. Every error names the
    /// option: an unknown name, a value of the wrong type, or one out of range.
    pub fn from_fields<'a>(fields: impl IntoIterator<Item = (&'a str, OptionValue)>) -> Result<Options> {
        let mut options = Options::default();
        for (name, value) in fields {
            let (option, slot): (&'static str, &mut usize) = match name {
                "keywords" => ("keywords", &mut options.keywords),
                "terms" => ("terms", &mut options.terms),
                "maxPhraseWords" => ("maxPhraseWords", &mut options.max_phrase_words),
                "summarySentences" => ("summarySentences", &mut options.summary_sentences),
                "wordsPerMinute" => ("wordsPerMinute", &mut options.words_per_minute),
                "maxLength" => ("maxLength", &mut options.max_length),
                "summaryRatio" => {
                    options.summary_ratio = match value {
                        OptionValue::Absent => None,
                        OptionValue::Number(n) => Some(n),
                        OptionValue::Other(kind) => {
                            return Err(Error::InvalidOption {
                                option: "summaryRatio",
                                allowed: "a number or null".into(),
                                got: format!("a {kind}"),
                            })
                        }
                    };
                    continue;
                }
                unknown => {
                    return Err(Error::BadOptions(format!(
                        "unknown option `{unknown}` (known: keywords, terms, maxPhraseWords, summarySentences, \
                         summaryRatio, wordsPerMinute, maxLength)"
                    )))
                }
            };
            if let Some(n) = whole_number(option, value)? {
                *slot = n;
            }
        }
        options.validate()?;
        Ok(options)
    }

    /// Checks every option against its allowed range.
    pub fn validate(&self) -> Result<()> {
        check_range("keywords", self.keywords, 0, 200)?;
        check_range("terms", self.terms, 0, 500)?;
        check_range("maxPhraseWords", self.max_phrase_words, 1, 4)?;
        check_range("summarySentences", self.summary_sentences, 0, 100)?;
        check_range("wordsPerMinute", self.words_per_minute, 50, 2000)?;
        check_range("maxLength", self.max_length, 1, 100_000_000)?;
        if let Some(ratio) = self.summary_ratio {
            if !(ratio > 0.0 && ratio <= 1.0) {
                return Err(Error::InvalidOption {
                    option: "summaryRatio",
                    allowed: "a number greater than 0 and at most 1".into(),
                    got: ratio.to_string(),
                });
            }
        }
        Ok(())
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
    }

    #[test]
    fn out_of_range_names_the_option() {
        let options = Options { max_phrase_words: 9, ..Options::default() };
        let message = options.validate().unwrap_err().to_string();
        assert!(message.contains("maxPhraseWords") && message.contains("1 to 4"), "{message}");
    }

    #[test]
    fn nan_ratio_is_rejected() {
        let options = Options { summary_ratio: Some(f64::NAN), ..Options::default() };
        assert!(options.validate().unwrap_err().to_string().contains("summaryRatio"));
    }

    #[test]
    fn partial_json_fills_defaults_and_unknown_fields_are_named() {
        let options: Options = serde_json::from_str(r#"{"keywords": 5}"#).unwrap();
        assert_eq!(options, Options { keywords: 5, ..Options::default() });
        let error = serde_json::from_str::<Options>(r#"{"keywordz": 5}"#).unwrap_err().to_string();
        assert!(error.contains("keywordz"), "{error}");
    }

    #[test]
    fn fields_from_javascript_are_checked_by_name() {
        let options = Options::from_fields([("keywords", OptionValue::Number(5.0)), ("summaryRatio", OptionValue::Absent)]);
        assert_eq!(options.unwrap(), Options { keywords: 5, ..Options::default() });
        let cases = [
            ("keywordz", OptionValue::Number(1.0), "keywordz"),
            ("keywords", OptionValue::Number(-1.0), "keywords"),
            ("terms", OptionValue::Number(2.5), "terms"),
            ("maxLength", OptionValue::Other("string"), "maxLength"),
            ("summaryRatio", OptionValue::Number(2.0), "summaryRatio"),
            ("summarySentences", OptionValue::Number(1e9), "summarySentences"),
        ];
        for (name, value, expected) in cases {
            let message = Options::from_fields([(name, value)]).unwrap_err().to_string();
            assert!(message.contains(expected), "help: error for `{name}` must name it: {message}");
        }
    }

    #[test]
    fn ratio_rounds_up_and_never_exceeds_the_document() {
        let options = Options { summary_ratio: Some(0.25), ..Options::default() };
        assert_eq!(options.summary_length(10), 3);
        assert_eq!(Options::default().summary_length(2), 2);
    }
}

//! Stage 5: every analysis of one document, gathered in one result.

use crate::entities::model::registry::{self, NameModel};
use crate::entities::{self, Entity, EntityGroup};
use crate::error::{Error, Result};
use crate::keywords::{self, Keyword, Term};
use crate::language;
use crate::options::Options;
use crate::span::{Span, Utf16Index};
use crate::stats::{self, Stats};
use crate::summary::{self, SummarySentence};
use crate::text::Document;
use serde::Serialize;

/// A sentence with its importance score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoredSentence {
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// Importance in `0..=1` (the summary takes the highest).
    pub score: f64,
}

/// Everything the analyzer finds in a text.
///
/// Spans are byte offsets as returned by [`analyze`]; [`Analysis::into_utf16`]
/// converts them to UTF-16 code units for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Counts, reading time, language.
    pub stats: Stats,
    /// Every sentence in order, with its importance.
    pub sentences: Vec<ScoredSentence>,
    /// The most frequent content terms.
    pub terms: Vec<Term>,
    /// Key phrases, best first.
    pub keywords: Vec<Keyword>,
    /// Every entity mention, in document order.
    pub entities: Vec<Entity>,
    /// Entity mentions grouped by what they refer to.
    pub entity_groups: Vec<EntityGroup>,
    /// The most important sentences, in document order.
    pub summary: Vec<SummarySentence>,
    /// Which analyses ran in which language.
    pub languages: Languages,
}

/// Which analyses ran in which language.
///
/// A text is analysed in one language, the one most of its words are in (or the
/// `language` option's): a text that mixes languages by paragraph gets the majority's
/// stopwords, stems and name model throughout, so that its key phrases and names are
/// ranked on one scale. An undetermined text ("und") is analysed as English
/// ([`language::analysed_as`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Languages {
    /// The text's language, an ISO 639-1 code, or "und": detected, or the option's.
    pub detected: &'static str,
    /// The language whose stopwords and stemmer ran the key phrases, terms and
    /// summary; `None` when the text's language has no stopword list.
    pub words: Option<&'static str>,
    /// Whether names could be found in the text's language.
    pub names: NamesStatus,
    /// The language whose name model looks for the names: the text's own, or the
    /// one it borrows a model from (Spanish for Italian and Portuguese); `None` when
    /// there is no model for the language.
    pub model: Option<&'static str>,
}

/// Whether the name model of a language was there for the analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NamesStatus {
    /// Names were looked for.
    Ready,
    /// The language has a model that has not been loaded: no names.
    NotLoaded,
    /// No model exists for the language: no names.
    Unavailable,
}

impl Languages {
    /// What an analysis of a text in `language` (detected or given) runs in.
    pub fn of(language: &'static str) -> Languages {
        let analysed = language::analysed_as(language);
        let words = crate::lexicon::Stopwords::of(analysed).language();
        let names = match registry::for_language(analysed) {
            NameModel::Ready(_) => NamesStatus::Ready,
            NameModel::NotLoaded => NamesStatus::NotLoaded,
            NameModel::Unavailable => NamesStatus::Unavailable,
        };
        let model = registry::model_language(analysed).filter(|_| names != NamesStatus::Unavailable);
        Languages { detected: language, words, names, model }
    }
}

/// Checks the options and the text's length against `maxLength`.
pub fn check_input(text: &str, options: &Options) -> Result<()> {
    options.validate()?;
    // UTF-16 length is at most the byte length, so most texts need no count.
    if text.len() > options.max_length {
        let length = text.encode_utf16().count();
        if length > options.max_length {
            return Err(Error::TooLong { length, limit: options.max_length });
        }
    }
    Ok(())
}

/// Decodes the entity model now instead of in the first call that finds entities: the
/// WebAssembly module does this while it initialises, so that a page's worker is ready
/// before the first text arrives, and a build whose model cannot be decoded fails
/// there with an [`Error::InvalidModel`] naming the problem.
pub fn prepare() -> Result<()> {
    entities::model::Tagger::builtin()?;
    Ok(())
}

/// Which analyses to run; the others are left empty in the [`Analysis`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Terms and key phrases.
    pub keywords: bool,
    /// Entity mentions and groups.
    pub entities: bool,
    /// Sentence scores and the summary.
    pub summary: bool,
}

impl Parts {
    /// Every analysis.
    pub const ALL: Parts = Parts { keywords: true, entities: true, summary: true };
    /// Terms and key phrases only.
    pub const KEYWORDS: Parts = Parts { keywords: true, entities: false, summary: false };
    /// Entities only.
    pub const ENTITIES: Parts = Parts { keywords: false, entities: true, summary: false };
    /// Sentence scores and the summary only.
    pub const SUMMARY: Parts = Parts { keywords: false, entities: false, summary: true };
}

/// Analyzes `text` with `options`: segments and tokenizes it once, then runs every
/// analysis on that one document.
///
/// ```
/// let text = "Angela Merkel visited Paris on Monday. She met Emmanuel Macron.";
/// let analysis = textlens::analyze(text, &textlens::Options::default()).unwrap();
/// assert_eq!(analysis.sentences.len(), 2);
/// assert_eq!(analysis.stats.language, "en");
/// // Spans are bytes of `text`; `into_utf16` converts them for JavaScript.
/// let paris = analysis.entities.iter().find(|e| e.text == "Paris").unwrap();
/// assert_eq!(paris.span.slice(text), "Paris");
/// ```
pub fn analyze(text: &str, options: &Options) -> Result<Analysis> {
    analyze_parts(text, options, Parts::ALL)
}

/// Like [`analyze`], running only the analyses in `parts` (statistics and sentences
/// always); the others come back empty.
///
/// ```
/// use textlens::{analyze_parts, Label, Options, Parts};
///
/// let text = "Angela Merkel visited Paris on Monday. She met Emmanuel Macron.";
/// let found = analyze_parts(text, &Options::default(), Parts::ENTITIES).unwrap();
/// let people: Vec<&str> = found.entities.iter().filter(|e| e.label == Label::Person).map(|e| e.text.as_str()).collect();
/// assert_eq!(people, ["Angela Merkel", "Emmanuel Macron"]);
/// assert!(found.keywords.is_empty() && found.summary.is_empty());
/// assert_eq!(found.stats.sentences, 2);
/// ```
///
/// Errors: the options or the text's length are out of range, or the entities are
/// asked for and the built-in entity model cannot be decoded ([`prepare`]).
pub fn analyze_parts(text: &str, options: &Options, parts: Parts) -> Result<Analysis> {
    check_input(text, options)?;
    if parts.entities {
        prepare()?;
    }
    let doc = Document::new(text);
    // Every stage but the segmentation reads the language.
    let language = match options.language()? {
        Some(code) => code,
        None => language::detect(&doc),
    };
    // Entities first: the tagger's working memory is freed before the word tables of
    // the key phrases and summary are built, which lowers the peak on long texts.
    let found = match parts.entities {
        true => entities::extract_listed(&doc, options.entity_lists.as_ref(), language, options.min_confidence),
        false => entities::Entities::default(),
    };
    // The summary weighs sentences partly by the key phrases they hold.
    let words = (parts.keywords || parts.summary).then(|| keywords::Words::in_language(&doc, language::analysed_as(language)));
    let keywords = words.as_ref().map_or_else(Vec::new, |w| w.key_phrases(options.keywords, options.max_phrase_words));
    let summarizer = match &words {
        Some(words) if parts.summary => Some(summary::Summarizer::with_words(&doc, words, language)),
        _ => None,
    };
    let scores = summarizer.as_ref().map_or_else(|| vec![0.0; doc.sentences.len()], |s| s.sentence_scores(&keywords));
    let summary =
        summarizer.as_ref().map_or_else(Vec::new, |s| s.summarize(&scores, options.summary_length(doc.sentences.len())));
    Ok(Analysis {
        stats: stats::compute(&doc, language, options.words_per_minute),
        sentences: doc.sentences.iter().zip(&scores).map(|(s, &score)| ScoredSentence { span: s.span, score }).collect(),
        terms: match &words {
            Some(words) if parts.keywords => words.terms(options.terms),
            _ => Vec::new(),
        },
        keywords: if parts.keywords { keywords } else { Vec::new() },
        entities: found.entities,
        entity_groups: found.entity_groups,
        summary,
        languages: Languages::of(language),
    })
}

impl Analysis {
    /// Rewrites every span from bytes of `text` to UTF-16 code units, so that
    /// JavaScript's `text.slice(start, end)` returns the span's text.
    pub fn into_utf16(mut self, text: &str) -> Self {
        let index = Utf16Index::new(text);
        let mut convert = |span: &mut Span| *span = index.span(*span);
        self.sentences.iter_mut().for_each(|s| convert(&mut s.span));
        self.keywords.iter_mut().flat_map(|k| k.occurrences.iter_mut()).for_each(&mut convert);
        self.entities.iter_mut().for_each(|e| convert(&mut e.span));
        self.entity_groups.iter_mut().flat_map(|g| g.mentions.iter_mut()).for_each(&mut convert);
        self.summary.iter_mut().for_each(|s| convert(&mut s.span));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_do_not_depend_on_earlier_calls() {
        // Forms and stems are remembered per thread across calls; a fresh thread has none.
        let texts = [
            "Angela Merkel visited Paris on Monday. She met Emmanuel Macron there.",
            "PARIS (Reuters) - Macron met Merkel. The talks in Paris went well, officials said.",
            "Paris Hilton is not Paris. Merkel's visit to the Paris office of Siemens AG went well.",
        ];
        let fresh = |text: &'static str| std::thread::spawn(move || analyze(text, &Options::default()).unwrap()).join().unwrap();
        let options = Options::default();
        for _ in 0..2 {
            for text in texts {
                assert_eq!(analyze(text, &options).unwrap(), fresh(text), "{text}");
            }
        }
    }

    #[test]
    fn the_built_in_model_is_ready_and_a_corrupt_one_is_an_error_naming_the_problem() {
        assert_eq!(prepare(), Ok(()));
        let mut corrupt = entities::model::Tagger::empty().to_bytes();
        corrupt.truncate(corrupt.len() - 1);
        let error = Error::from(entities::model::Tagger::from_bytes(&corrupt).unwrap_err());
        assert!(matches!(error, Error::InvalidModel(_)));
        assert!(error.to_string().starts_with("invalid named-entity model: the file ends early (at byte"), "{error}");
    }

    #[test]
    fn parts_give_the_same_results_as_the_full_analysis() {
        let text = "Angela Merkel visited Paris on Monday. She met Emmanuel Macron there. The talks on trade went well.";
        let options = Options::default();
        let full = analyze(text, &options).unwrap();
        let only = |parts| analyze_parts(text, &options, parts).unwrap();
        let entities = only(Parts::ENTITIES);
        assert_eq!(entities.entities, full.entities);
        assert!(entities.keywords.is_empty() && entities.terms.is_empty() && entities.summary.is_empty());
        let keywords = only(Parts::KEYWORDS);
        assert_eq!((&keywords.keywords, &keywords.terms), (&full.keywords, &full.terms));
        assert!(keywords.entities.is_empty() && keywords.summary.is_empty());
        let summary = only(Parts::SUMMARY);
        assert_eq!((&summary.summary, &summary.sentences), (&full.summary, &full.sentences));
        assert!(summary.keywords.is_empty() && summary.entities.is_empty());
        assert_eq!(summary.stats, full.stats);
    }
}

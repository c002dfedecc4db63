//! Which name model serves which language: the English one is built in, the others
//! are loaded by need (the browser fetches a language's model the first time a text
//! in it arrives) and kept for the life of the process.
//!
//! A native build (the command line, the Python package) enables the feature
//! `embedded-models`, which builds every model in: there a language's model is decoded
//! on first use, with nothing to fetch. The wasm build leaves it off, so that a page
//! that only sees English downloads no other model.
//!
//! Italian and Portuguese, which `../shared/data` has no labelled names for, borrow the
//! Spanish model ([`BORROWED`]). Any other language without a trained model gets no
//! names at all: the English model, or the English capital-letter rules, would tag
//! every German noun.

use super::format::InvalidModel;
use super::Tagger;
use std::fmt;
use std::sync::RwLock;

/// Languages with a trained name model, by ISO 639-1 code; each but English ships as
/// its own model file, `models/ner-<code>.bin`, to be loaded with [`load`].
pub const TRAINED: [&str; 5] = ["en", "de", "es", "fr", "nl"];

/// Languages without labelled names to train on, and the trained language whose model
/// finds theirs. Like Spanish, Italian and Portuguese write only names with capitals
/// mid-sentence, and share much of its spelling of names and of the words around them
/// ("Universidad de", "Università di", "Universidade de"). On texts written for the
/// project (`tests/data/names-{it,pt}.jsonl`, `make eval`), with the corrections of
/// `entities/corrections.rs`, the Spanish model scores micro F1 67.63 (Italian) and
/// 59.73 (Portuguese), the French one 50.83 and 40.10.
pub const BORROWED: [(&str, &str); 2] = [("it", "es"), ("pt", "es")];

/// The other languages' models, built in by the feature `embedded-models`.
#[cfg(feature = "embedded-models")]
const EMBEDDED: [(&str, &[u8]); 4] = [
    ("de", include_bytes!("../../../models/ner-de.bin")),
    ("es", include_bytes!("../../../models/ner-es.bin")),
    ("fr", include_bytes!("../../../models/ner-fr.bin")),
    ("nl", include_bytes!("../../../models/ner-nl.bin")),
];

/// What [`for_language`] finds for a language.
#[derive(Clone, Copy)]
pub enum NameModel {
    /// The model is here.
    Ready(&'static Tagger),
    /// The language has a trained model, but it has not been loaded ([`load`]).
    NotLoaded,
    /// No model was ever trained for the language.
    Unavailable,
}

/// Models loaded by [`load`]; a model is decoded once and lives as long as the
/// process, so a reference to it can be handed out freely.
static LOADED: RwLock<Vec<(&'static str, &'static Tagger)>> = RwLock::new(Vec::new());

/// The language whose model finds the names of a text in `language`: its own where it
/// has one, else the one it borrows ([`BORROWED`]), else none.
pub fn model_language(language: &str) -> Option<&'static str> {
    let own = TRAINED.iter().copied().find(|&code| code == language);
    own.or_else(|| BORROWED.iter().find(|&&(borrower, _)| borrower == language).map(|&(_, code)| code))
}

/// The name model for `language` (an ISO 639-1 code), if any.
pub fn for_language(language: &str) -> NameModel {
    if language == "en" {
        return Tagger::builtin().map_or(NameModel::Unavailable, NameModel::Ready);
    }
    let Some(code) = model_language(language) else { return NameModel::Unavailable };
    if let Some(tagger) = loaded(code) {
        return NameModel::Ready(tagger);
    }
    #[cfg(feature = "embedded-models")]
    if let Some((_, bytes)) = EMBEDDED.iter().find(|(c, _)| *c == code) {
        // A built-in model that does not decode is a broken build; the test of the
        // embedded models catches it, and the analysis goes on without names.
        if let Some(tagger) = load(code, bytes).ok().and_then(|()| loaded(code)) {
            return NameModel::Ready(tagger);
        }
    }
    NameModel::NotLoaded
}

/// The languages whose model [`load`] takes: every trained one but English, built in.
pub fn loadable() -> impl Iterator<Item = &'static str> {
    TRAINED.into_iter().filter(|&code| code != "en")
}

/// The [`loadable`] model that serves `language` (its own, or the one it borrows), or
/// the error that says it has no model to load.
pub fn check(language: &str) -> Result<&'static str, LoadError> {
    model_language(language).filter(|&code| code != "en").ok_or_else(|| LoadError::UnknownLanguage(language.to_owned()))
}

/// The model of `code` loaded so far, if any.
fn loaded(code: &str) -> Option<&'static Tagger> {
    let loaded = LOADED.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    loaded.iter().find(|(c, _)| *c == code).map(|&(_, tagger)| tagger)
}

/// The models [`load`] takes, as its error lists them: the [`loadable`] ones, then the
/// languages that borrow one ([`BORROWED`]); a unit test checks it against both.
const TO_LOAD: &str = "de, es, fr, nl, it (uses es), pt (uses es)";

/// Why [`load`] refused a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No model is trained for this language code (or it is English, built in).
    UnknownLanguage(String),
    /// The bytes are not a model.
    Invalid(InvalidModel),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::UnknownLanguage(code) => {
                write!(f, "no name model to load for language {code:?}: the models to load are {TO_LOAD}")
            }
            LoadError::Invalid(invalid) => write!(f, "{invalid}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<LoadError> for crate::error::Error {
    fn from(error: LoadError) -> Self {
        crate::error::Error::InvalidModel(error.to_string())
    }
}

/// Decodes `bytes` as the model of `language` (or of the language it borrows its model
/// from) and keeps it; loading a model twice keeps the first.
pub fn load(language: &str, bytes: &[u8]) -> Result<(), LoadError> {
    let code = check(language)?;
    if loaded(code).is_some() {
        return Ok(());
    }
    let tagger: &'static Tagger = Box::leak(Box::new(Tagger::from_bytes(bytes).map_err(LoadError::Invalid)?));
    let mut loaded = LOADED.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !loaded.iter().any(|(c, _)| *c == code) {
        loaded.push((code, tagger));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_built_in_and_unknown_languages_have_no_model() {
        assert!(matches!(for_language("en"), NameModel::Ready(_)));
        assert!(matches!(for_language("fi"), NameModel::Unavailable));
        assert!(matches!(for_language(""), NameModel::Unavailable));
        assert_eq!(load("fi", &[]), Err(LoadError::UnknownLanguage("fi".to_owned())));
        assert_eq!(load("en", &[]), Err(LoadError::UnknownLanguage("en".to_owned())));
        let message = load("xx", &[]).unwrap_err().to_string();
        assert_eq!(message, "no name model to load for language \"xx\": the models to load are de, es, fr, nl, it (uses es), pt (uses es)");
        assert_eq!((check("pt"), check("it"), check("de")), (Ok("es"), Ok("es"), Ok("de")));
        let borrowed = BORROWED.iter().map(|(borrower, model)| format!("{borrower} (uses {model})"));
        assert_eq!(loadable().map(str::to_owned).chain(borrowed).collect::<Vec<_>>().join(", "), TO_LOAD);
        assert!(matches!(for_language("sv"), NameModel::Unavailable));
    }

    #[test]
    fn bad_bytes_are_refused_with_a_clear_error_and_the_language_stays_unloaded() {
        for bytes in [&b""[..], b"TLNER3", b"not a model at all", &[0xff; 300]] {
            let error = load("fr", bytes).unwrap_err();
            assert!(matches!(error, LoadError::Invalid(_)), "{error:?}");
            assert!(error.to_string().starts_with("invalid named-entity model: "), "{error}");
        }
        #[cfg(not(feature = "embedded-models"))]
        assert!(matches!(for_language("fr"), NameModel::NotLoaded));
        let error = crate::error::Error::from(load("fr", b"nonsense").unwrap_err());
        assert!(error.to_string().contains("wrong magic bytes"), "{error}");
    }

    #[test]
    fn a_model_file_loads_once_and_serves_its_language_only() {
        // Spanish is loaded here only, so no other test sees it half-loaded.
        let bytes = std::fs::read("models/ner-es.bin").expect("models/ner-es.bin (make model)");
        load("es", &bytes).unwrap();
        let NameModel::Ready(first) = for_language("es") else { panic!("Spanish is loaded") };
        assert!(!first.is_empty() && first.calibration().is_some(), "the model carries its calibration");
        load("es", &bytes).unwrap();
        let NameModel::Ready(again) = for_language("es") else { panic!("Spanish is loaded") };
        assert!(std::ptr::eq(first, again), "loading twice keeps the first model");
        assert!(!std::ptr::eq(first, Tagger::builtin().unwrap()));
    }

    #[test]
    fn every_model_file_decodes_with_its_calibration() {
        for code in loadable() {
            let bytes = std::fs::read(format!("models/ner-{code}.bin")).expect("the model file");
            let tagger = Tagger::from_bytes(&bytes).unwrap_or_else(|e| panic!("models/ner-{code}.bin: {e}"));
            assert!(!tagger.is_empty() && tagger.calibration().is_some(), "models/ner-{code}.bin");
        }
    }
}

//! Which name model serves which language: the English one is built in, the others
//! are loaded by need (the browser fetches a language's model the first time a text
//! in it arrives) and kept for the life of the process.
//!
//! A language without a trained model gets no names at all: the English model, or
//! the English capital-letter rules, would tag every German noun.

use super::format::InvalidModel;
use super::Tagger;
use std::sync::RwLock;

/// Languages with a trained name model, by ISO 639-1 code; each but English ships as
/// its own model file to be loaded with [`load`].
pub const TRAINED: [&str; 1] = ["en"];

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

/// The name model for `language` (an ISO 639-1 code), if any.
pub fn for_language(language: &str) -> NameModel {
    if language == "en" {
        return Tagger::builtin().map_or(NameModel::Unavailable, NameModel::Ready);
    }
    let Some(code) = TRAINED.iter().find(|&&code| code == language) else { return NameModel::Unavailable };
    let loaded = LOADED.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    loaded.iter().find(|(c, _)| c == code).map_or(NameModel::NotLoaded, |&(_, tagger)| NameModel::Ready(tagger))
}

/// Why [`load`] refused a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No model is trained for this language code.
    UnknownLanguage(String),
    /// The bytes are not a model.
    Invalid(InvalidModel),
}

/// Decodes `bytes` as the model of `language` and keeps it; loading a language twice
/// keeps the first model.
pub fn load(language: &str, bytes: &[u8]) -> Result<(), LoadError> {
    let Some(&code) = TRAINED.iter().find(|&&code| code == language && code != "en") else {
        return Err(LoadError::UnknownLanguage(language.to_owned()));
    };
    if matches!(for_language(code), NameModel::Ready(_)) {
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
    fn english_is_built_in_and_other_languages_have_no_model_yet() {
        assert!(matches!(for_language("en"), NameModel::Ready(_)));
        assert!(matches!(for_language("fi"), NameModel::Unavailable));
        assert_eq!(load("fi", &[]), Err(LoadError::UnknownLanguage("fi".to_owned())));
        assert_eq!(load("en", &[]), Err(LoadError::UnknownLanguage("en".to_owned())));
    }
}

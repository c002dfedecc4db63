//! Language detection from scripts and common words.

use crate::text::Document;

/// The document's language as an ISO 639-1 code, or "und" when undetermined.
pub fn detect(doc: &Document) -> &'static str {
    let _ = doc;
    "en"
}

/// Whether `norm` is one of the most common function words of `language`.
pub(crate) fn is_function_word(language: &str, norm: &str) -> bool {
    let _ = (language, norm);
    false
}

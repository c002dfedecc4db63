//! Stage 4: sentence importance and the extractive summary.

use crate::keywords::Keyword;
use crate::span::Span;
use crate::text::Document;
use serde::Serialize;

/// A sentence chosen for the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Index into the document's sentences.
    pub index: usize,
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence's text.
    pub text: String,
    /// Its importance score (as in [`sentence_scores`]).
    pub score: f64,
}

/// One importance score per sentence, finite, in `0..=1`, the most important at 1.
pub fn sentence_scores(doc: &Document, keywords: &[Keyword]) -> Vec<f64> {
    let _ = keywords;
    vec![0.0; doc.sentences.len()]
}

/// The `count` most important sentences, in document order.
pub fn summarize(doc: &Document, scores: &[f64], count: usize) -> Vec<SummarySentence> {
    let _ = (doc, scores, count);
    Vec::new()
}

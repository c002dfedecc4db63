//! The [`Document`]: a text with its tokens, sentences and paragraphs, made once.

use super::forms::{distinct_room, FormIds};
use super::paragraphs::paragraphs;
use super::segment::{sentences, Sentence};
use super::token::{same_line, Token};
use super::tokenize::tokenize;
use crate::span::Span;

/// A text, tokenized and segmented once.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The text itself.
    pub text: &'a str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order; together they cover every non-space character.
    pub sentences: Vec<Sentence>,
    /// Paragraphs (separated by blank lines), trimmed of whitespace.
    pub paragraphs: Vec<Span>,
    /// The number of each token's form and word.
    pub forms: FormIds,
}

impl<'a> Document<'a> {
    /// Tokenizes and segments `text`.
    ///
    /// ```
    /// use textlens::{Document, TokenKind};
    ///
    /// let doc = Document::new("Dr. Smith arrived.\n\nIt's 10:30 now!");
    /// let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    /// assert_eq!(sentences, ["Dr. Smith arrived.", "It's 10:30 now!"]);
    /// assert_eq!(doc.paragraphs.len(), 2);
    /// let second: Vec<&str> = doc.sentence_tokens(&doc.sentences[1]).iter().map(|t| t.text(doc.text)).collect();
    /// assert_eq!(second, ["It", "'s", "10:30", "now", "!"]);
    /// assert_eq!(doc.tokens[2].text(doc.text), "Smith");
    /// assert_eq!(doc.tokens[2].norm, "smith");
    /// assert_eq!(doc.tokens.iter().filter(|t| t.kind == TokenKind::Number).count(), 1);
    /// ```
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        let paragraphs = paragraphs(text);
        let forms = FormIds::of(text, &tokens);
        Document { text, tokens, sentences, paragraphs, forms }
    }

    /// Room for the document's distinct words in a table, made at once rather than by
    /// growing ([`distinct_room`]).
    pub(crate) fn distinct_words_room(&self) -> usize {
        distinct_room(self.tokens.len())
    }

    /// Whether tokens `a` and `b` (the later) are both there with no line break
    /// between them.
    pub(crate) fn same_line(&self, a: usize, b: usize) -> bool {
        self.tokens.get(a).zip(self.tokens.get(b)).is_some_and(|(a, b)| same_line(self.text, a, b))
    }

    /// Per word ([`FormIds::word`]): whether the document writes it in lower case
    /// somewhere (its first letter), which tells a name from a word that a sentence
    /// start or a heading capitalised.
    pub(crate) fn lower_case_words(&self) -> Vec<bool> {
        let mut lower = vec![false; self.forms.words()];
        for (i, token) in self.tokens.iter().enumerate() {
            // Tokens that are no words have no word number, so are passed over.
            if let Some(seen) = lower.get_mut(self.forms.word(i) as usize) {
                *seen |= token.text(self.text).starts_with(char::is_lowercase);
            }
        }
        lower
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.slice(self.text)
    }
}

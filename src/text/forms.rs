//! Each token's form (its text and kind) and word (its lower-cased text, for word
//! tokens), numbered once per document.
//!
//! The analyses keep facts per form or per word: the tagger's scores of a form, the
//! casing of a word across the text, the key-phrase stage's stem of a word. Numbered
//! here once, each stage reads them from arrays by these numbers instead of hashing
//! every token's text again.

use super::token::{Token, TokenKind};
use crate::lexicon::FastMap;

/// The number of a token that is no word, in [`FormIds::word`].
pub const NO_WORD: u32 = u32::MAX;

/// Room for the distinct words of `tokens` tokens in a table, made at once rather than
/// by growing. About half the tokens of a short text are distinct, but far fewer of a
/// long one (a 10 MB text has some tens of thousands), so the room stops there and
/// larger tables grow.
pub(super) fn distinct_room(tokens: usize) -> usize {
    (tokens / 2).min(1 << 15)
}

/// The forms and words of a document's tokens.
#[derive(Clone, Debug, Default)]
pub struct FormIds {
    /// Per token, its form's number.
    token_form: Vec<u32>,
    /// Per form, its word's number, or [`NO_WORD`].
    form_word: Vec<u32>,
    /// How many distinct words there are.
    words: usize,
}

impl FormIds {
    /// Numbers the forms and words of `tokens` (of `text`), in order of first occurrence.
    pub(crate) fn of(text: &str, tokens: &[Token]) -> FormIds {
        let room = distinct_room(tokens.len());
        let mut forms: FastMap<(&str, TokenKind), u32> = FastMap::with_capacity_and_hasher(room, Default::default());
        let mut words: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(room, Default::default());
        let mut ids = FormIds { token_form: Vec::with_capacity(tokens.len()), ..FormIds::default() };
        for token in tokens {
            let next = ids.form_word.len() as u32;
            let form = *forms.entry((token.text(text), token.kind)).or_insert(next);
            if form == next {
                let word = match token.kind {
                    TokenKind::Word => {
                        let next_word = words.len() as u32;
                        *words.entry(token.norm.as_str()).or_insert(next_word)
                    }
                    _ => NO_WORD,
                };
                ids.form_word.push(word);
            }
            ids.token_form.push(form);
        }
        ids.words = words.len();
        ids
    }

    /// The form of token `index` (`u32::MAX` past the last token).
    pub fn form(&self, index: usize) -> u32 {
        self.token_form.get(index).copied().unwrap_or(u32::MAX)
    }

    /// The word of token `index`, or [`NO_WORD`] for a token that is no word.
    pub fn word(&self, index: usize) -> u32 {
        self.form_word.get(self.form(index) as usize).copied().unwrap_or(NO_WORD)
    }

    /// How many distinct forms there are.
    pub fn forms(&self) -> usize {
        self.form_word.len()
    }

    /// How many distinct words there are.
    pub fn words(&self) -> usize {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn forms_are_text_and_kind_and_words_are_lower_case() {
        let text = "The cat saw the Cat. THE end, the end";
        let tokens = tokenize(text);
        let ids = FormIds::of(text, &tokens);
        let raw: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        for (i, a) in raw.iter().enumerate() {
            for (j, b) in raw.iter().enumerate() {
                assert_eq!(ids.form(i) == ids.form(j), a == b, "{a} {b}");
                let (na, nb) = (&tokens[i].norm, &tokens[j].norm);
                if tokens[i].kind == TokenKind::Word && tokens[j].kind == TokenKind::Word {
                    assert_eq!(ids.word(i) == ids.word(j), na == nb, "{a} {b}");
                }
            }
        }
        assert_eq!(ids.word(raw.iter().position(|&r| r == ".").unwrap()), NO_WORD);
        // the, cat, saw, end
        assert_eq!(ids.words(), 4);
        assert_eq!(ids.forms(), raw.iter().collect::<std::collections::HashSet<_>>().len());
        // Numbered in order of first occurrence.
        let mut next = 0;
        for i in 0..raw.len() {
            assert!(ids.form(i) <= next);
            next += u32::from(ids.form(i) == next);
        }
        assert_eq!((ids.form(99), ids.word(99)), (u32::MAX, NO_WORD));
    }
}

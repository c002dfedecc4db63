//! The lists prepared for matching in any language: every phrase tokenized once.

use super::spec::{List, Spec, Target};
use crate::span::Span;
use crate::text::{tokenize, TokenKind};

/// A phrase of an entry, tokenized.
pub(super) struct Phrase {
    /// Index of its entry in [`Prepared::entries`].
    pub entry: u32,
    /// Its words, a range of [`Prepared::words`].
    pub words: (u32, u32),
    /// Whether it has no upper-case letter (a common word, see the module's docs).
    pub lower_case: bool,
}

/// A token of a phrase: its text and normalised text, ranges of [`Prepared::arena`].
pub(super) struct Word {
    pub surface: (u32, u32),
    pub norm: (u32, u32),
    pub kind: TokenKind,
}

/// The lists with their phrases tokenized.
pub(super) struct Prepared {
    pub spec: Spec,
    /// Hash of `spec`, to find it in the cache.
    pub hash: u64,
    /// Per entry: its list and its index there.
    pub entries: Vec<(u32, u32)>,
    pub phrases: Vec<Phrase>,
    pub words: Vec<Word>,
    pub arena: String,
}

impl Prepared {
    /// Tokenizes every phrase of `spec`.
    pub fn new(spec: Spec, hash: u64) -> Prepared {
        let mut prepared =
            Prepared { spec: Spec::default(), hash, entries: Vec::new(), phrases: Vec::new(), words: Vec::new(), arena: String::new() };
        for (l, list) in spec.lists.iter().enumerate() {
            for (e, entry) in list.entries.iter().enumerate() {
                let id = prepared.entries.len() as u32;
                prepared.entries.push((l as u32, e as u32));
                for phrase in std::iter::once(&entry.text).chain(&entry.aliases) {
                    prepared.add_phrase(id, phrase);
                }
            }
        }
        prepared.spec = spec;
        prepared
    }

    fn add_phrase(&mut self, entry: u32, phrase: &str) {
        let first = self.words.len() as u32;
        for token in tokenize(phrase) {
            let surface = self.push(token.text(phrase));
            let norm = self.push(&token.norm);
            self.words.push(Word { surface, norm, kind: token.kind });
        }
        let lower_case = !phrase.chars().any(char::is_uppercase);
        self.phrases.push(Phrase { entry, words: (first, self.words.len() as u32), lower_case });
    }

    fn push(&mut self, text: &str) -> (u32, u32) {
        let start = self.arena.len() as u32;
        self.arena.push_str(text);
        (start, self.arena.len() as u32)
    }

    pub fn text(&self, (start, end): (u32, u32)) -> &str {
        &self.arena[start as usize..end as usize]
    }

    pub fn phrase_words(&self, phrase: &Phrase) -> &[Word] {
        &self.words[phrase.words.0 as usize..phrase.words.1 as usize]
    }

    /// The canonical name of entry `entry`.
    pub fn canonical(&self, entry: u32) -> &str {
        let (list, index) = self.entries[entry as usize];
        &self.spec.lists[list as usize].entries[index as usize].text
    }

    /// The list of `phrase`.
    pub fn list_of(&self, phrase: &Phrase) -> &List {
        &self.spec.lists[self.entries[phrase.entry as usize].0 as usize]
    }
}

/// A phrase of the lists found in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListMatch {
    /// Byte span in the document's text.
    pub span: Span,
    /// The label of its list, or [`Target::Exclude`].
    pub target: Target,
    /// Its entry (see [`Prepared::canonical`]).
    pub entry: u32,
    /// A lower-case phrase matched on capitalised text: an entity found overlapping it
    /// stays and the match is dropped (see the module's docs).
    pub gives_way: bool,
}

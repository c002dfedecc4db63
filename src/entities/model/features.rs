//! Feature extraction: every feature of a token is a hashed bucket number, computed
//! from byte slices of the document without building strings, so that training (on
//! the same [`Document`]s a user's text becomes) and tagging see identical features.

use super::gazetteer::Gazetteer;
use crate::text::{Document, Sentence, Token, TokenKind};
use std::collections::HashMap;

/// Longest word shape kept (after collapsing runs); longer shapes are cut.
const SHAPE_LEN: usize = 12;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Incremental FNV-1a over bytes.
#[derive(Clone, Copy)]
pub(crate) struct Hasher(u64);

impl Hasher {
    pub(crate) fn new(template: u8) -> Self {
        Hasher(FNV_OFFSET).byte(template)
    }

    pub(crate) fn byte(self, b: u8) -> Self {
        Hasher((self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME))
    }

    pub(crate) fn bytes(self, bytes: &[u8]) -> Self {
        bytes.iter().fold(self, |h, &b| h.byte(b))
    }

    /// A separator between parts, so that ("ab", "c") and ("a", "bc") differ.
    pub(crate) fn sep(self) -> Self {
        self.byte(0xff)
    }

    pub(crate) fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// How the words of a sentence are capitalised: headlines in capitals or title case
/// make capitalisation say little about names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Normal = 0,
    Title = 1,
    Caps = 2,
}

fn sentence_mode(doc: &Document, tokens: &[Token]) -> Mode {
    let (mut words, mut lower_initial, mut has_lower) = (0usize, 0usize, false);
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let raw = token.text(doc.text);
        let Some(first) = raw.chars().next() else { continue };
        if !first.is_alphabetic() {
            continue;
        }
        words += 1;
        if first.is_lowercase() {
            lower_initial += 1;
        }
        has_lower |= raw.chars().any(char::is_lowercase);
    }
    if words > 0 && !has_lower {
        Mode::Caps
    } else if words >= 2 && lower_initial * 4 <= words {
        Mode::Title
    } else {
        Mode::Normal
    }
}

/// How a word is written elsewhere in the document, where its casing is informative
/// (not first in its sentence, not in a headline).
#[derive(Clone, Copy, Default)]
struct Casing {
    lower: u32,
    capital: u32,
}

impl Casing {
    fn class(self) -> u8 {
        match (self.lower, self.capital) {
            (0, 0) => 0,
            (_, 0) => 1,
            (0, _) => 2,
            (l, c) if l > c => 3,
            _ => 4,
        }
    }
}

/// Document-wide facts the per-token features consult.
pub(crate) struct DocContext<'d> {
    casing: HashMap<&'d str, Casing>,
}

impl<'d> DocContext<'d> {
    pub(crate) fn new(doc: &'d Document) -> Self {
        let mut casing: HashMap<&'d str, Casing> = HashMap::new();
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            if sentence_mode(doc, tokens) != Mode::Normal {
                continue;
            }
            for (i, token) in tokens.iter().enumerate().skip(1) {
                if token.kind != TokenKind::Word || is_after_opening(doc, tokens, i) {
                    continue;
                }
                let Some(first) = token.text(doc.text).chars().next() else { continue };
                let entry = casing.entry(token.norm.as_str()).or_default();
                if first.is_uppercase() {
                    entry.capital += 1;
                } else if first.is_lowercase() {
                    entry.lower += 1;
                }
            }
        }
        DocContext { casing }
    }
}

/// Whether the token follows an opening quote or colon, where a capital starts a
/// quoted sentence rather than marking a name.
fn is_after_opening(doc: &Document, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|prev| matches!(prev.text(doc.text), "\"" | "“" | ":" | "(" | "'" | "‘" | "-" | "—"))
}

/// The word's shape with runs collapsed ("Xx", "X", "d-d", "x.x."), in `buf`.
fn shape<'b>(raw: &str, buf: &'b mut [u8; SHAPE_LEN]) -> &'b [u8] {
    let mut len = 0;
    let mut last = 0u8;
    for c in raw.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            b'a'
        } else {
            b'o'
        };
        if class == last {
            continue;
        }
        last = class;
        if len == SHAPE_LEN {
            break;
        }
        buf[len] = class;
        len += 1;
    }
    &buf[..len]
}

/// Per-token values computed once per sentence.
struct Slot<'a> {
    raw: &'a [u8],
    lower: &'a [u8],
    shape: [u8; SHAPE_LEN],
    shape_len: usize,
}

impl Slot<'_> {
    fn shape(&self) -> &[u8] {
        &self.shape[..self.shape_len]
    }
}

const START: Slot<'static> = Slot { raw: b"<S>", lower: b"<S>", shape: [b'<'; SHAPE_LEN], shape_len: 1 };
const END: Slot<'static> = Slot { raw: b"</S>", lower: b"</S>", shape: [b'>'; SHAPE_LEN], shape_len: 1 };

/// Reusable buffers for one sentence's features.
#[derive(Default)]
pub(crate) struct SentenceFeatures {
    /// Feature hashes of every token of the sentence, one after the other.
    pub(crate) hashes: Vec<u64>,
    /// Where each token's features start in `hashes` (one more entry than tokens).
    pub(crate) offsets: Vec<usize>,
    gaz: Vec<u16>,
}

impl SentenceFeatures {
    /// The feature hashes of token `i` of the last extracted sentence.
    pub(crate) fn token(&self, i: usize) -> &[u64] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.hashes.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Number of tokens of the last extracted sentence.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Computes the features of every token of `sentence`.
    pub(crate) fn extract(&mut self, doc: &Document, ctx: &DocContext, gazetteer: &Gazetteer, sentence: &Sentence) {
        self.hashes.clear();
        self.offsets.clear();
        let tokens = doc.sentence_tokens(sentence);
        gazetteer.mark(tokens, &mut self.gaz);
        let mode = sentence_mode(doc, tokens) as u8;
        let slot = |i: isize| -> Slot {
            if i < 0 {
                return START;
            }
            let Some(token) = tokens.get(i as usize) else { return END };
            let raw = token.text(doc.text);
            let mut buf = [0u8; SHAPE_LEN];
            let shape_len = shape(raw, &mut buf).len();
            Slot { raw: raw.as_bytes(), lower: token.norm.as_bytes(), shape: buf, shape_len }
        };
        // A window of slots slides along the sentence so each token's shape is computed once.
        let mut window = [slot(-2), slot(-1), slot(0), slot(1), slot(2)];
        for i in 0..tokens.len() {
            self.offsets.push(self.hashes.len());
            let token = &tokens[i];
            let [p2, p1, w, n1, n2] = &window;
            let out = &mut self.hashes;
            let mut push = |h: Hasher| out.push(h.finish());
            push(Hasher::new(0));
            push(Hasher::new(1).bytes(w.raw));
            push(Hasher::new(2).bytes(w.lower));
            push(Hasher::new(3).bytes(w.shape()));
            if token.kind == TokenKind::Word {
                let mut ends = token.norm.char_indices().map(|(i, _)| i).skip(1).chain([token.norm.len()]);
                for k in 0..4u8 {
                    let Some(end) = ends.next() else { break };
                    push(Hasher::new(4 + k).bytes(&w.lower[..end]));
                }
                let chars = token.norm.chars().count();
                for (k, (start, _)) in token.norm.char_indices().rev().take(4).enumerate() {
                    if k + 1 < chars {
                        push(Hasher::new(8 + k as u8).bytes(&w.lower[start..]));
                    }
                }
            }
            push(Hasher::new(12).bytes(p1.lower));
            push(Hasher::new(13).bytes(n1.lower));
            push(Hasher::new(14).bytes(p2.lower));
            push(Hasher::new(15).bytes(n2.lower));
            push(Hasher::new(16).bytes(p1.shape()));
            push(Hasher::new(17).bytes(n1.shape()));
            push(Hasher::new(18).bytes(p2.shape()));
            push(Hasher::new(19).bytes(n2.shape()));
            push(Hasher::new(20).bytes(p1.lower).sep().bytes(w.lower));
            push(Hasher::new(21).bytes(w.lower).sep().bytes(n1.lower));
            push(Hasher::new(22).bytes(p1.shape()).sep().bytes(w.shape()).sep().bytes(n1.shape()));
            push(Hasher::new(23).byte(i.min(3) as u8).byte(mode).bytes(w.shape()));
            push(Hasher::new(24).byte(mode).bytes(w.lower));
            push(Hasher::new(25).bytes(p1.lower).sep().bytes(w.shape()));
            push(Hasher::new(26).bytes(w.shape()).sep().bytes(n1.lower));
            push(Hasher::new(27).bytes(p1.raw));
            push(Hasher::new(28).bytes(n1.raw));
            push(Hasher::new(29).byte(tokens.len().min(6) as u8).byte(mode).bytes(w.shape()));
            if token.kind == TokenKind::Word {
                let casing = ctx.casing.get(token.norm.as_str()).copied().unwrap_or_default();
                let informative = mode == Mode::Normal as u8 && i > 0 && !is_after_opening(doc, tokens, i);
                push(Hasher::new(30).byte(casing.class()).byte(mode).byte(u8::from(informative)).bytes(w.shape()));
            }
            let gaz = self.gaz.get(i).copied().unwrap_or(0);
            let cap = u8::from(token.is_capitalized(doc.text));
            for bit in 0..16u8 {
                if gaz & (1 << bit) != 0 {
                    push(Hasher::new(31).byte(bit));
                    push(Hasher::new(32).byte(bit).byte(cap).byte(mode));
                }
            }
            window.rotate_left(1);
            window[4] = slot(i as isize + 3);
        }
        self.offsets.push(self.hashes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(raw: &str) -> String {
        let mut buf = [0; SHAPE_LEN];
        String::from_utf8_lossy(shape(raw, &mut buf)).into_owned()
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_of("London"), "Xx");
        assert_eq!(shape_of("NATO"), "X");
        assert_eq!(shape_of("1996-08-22"), "d-d-d");
        assert_eq!(shape_of("U.S."), "X.X.");
        assert_eq!(shape_of("McDonald"), "XxXx");
        assert_eq!(shape_of("Zürich"), "Xx");
    }

    #[test]
    fn headline_modes() {
        let doc = Document::new("LEEDS WIN AT HOME\nPeter Blackburn Reports From Leeds\nThe club won on Sunday.");
        let modes: Vec<Mode> = doc.sentences.iter().map(|s| sentence_mode(&doc, doc.sentence_tokens(s))).collect();
        assert_eq!(modes, [Mode::Caps, Mode::Title, Mode::Normal]);
    }

    #[test]
    fn every_token_gets_features() {
        let doc = Document::new("Peter Blackburn met 👍🏽 officials in Brussels.");
        let ctx = DocContext::new(&doc);
        let mut features = SentenceFeatures::default();
        features.extract(&doc, &ctx, &Gazetteer::default(), &doc.sentences[0]);
        assert_eq!(features.len(), doc.tokens.len());
        assert!((0..features.len()).all(|i| features.token(i).len() >= 20));
    }
}

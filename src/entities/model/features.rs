//! Feature extraction: every feature of a token is a hashed bucket number, computed
//! from byte slices of the document without building strings, so that training (on
//! the same [`Document`]s a user's text becomes) and tagging see identical features.

use super::clusters::Clusters;
use crate::entities::gazetteer as lists;
use super::gazetteer::Gazetteer;
use super::hash::{fnv, Hasher, FNV_OFFSET, FNV_PRIME};
use crate::text::{Document, Sentence, Token, TokenKind};

/// Longest word shape kept (after collapsing runs); longer shapes are cut.
const SHAPE_LEN: usize = 12;

/// How the words of a sentence are capitalised: headlines in capitals or title case
/// make capitalisation say little about names, and so does a post written without
/// capitals ("wow emma and kaite are so cute").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Normal = 0,
    Title = 1,
    Caps = 2,
    Lower = 3,
}

fn sentence_mode(doc: &Document, tokens: &[Token]) -> Mode {
    let (mut words, mut lower_initial, mut has_lower, mut has_upper) = (0usize, 0usize, false, false);
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
        // Each scan stops for good once the sentence has shown what it looks for.
        has_lower = has_lower || raw.chars().any(char::is_lowercase);
        has_upper = has_upper || raw.chars().any(char::is_uppercase);
    }
    // These bounds are part of the model's features (the mode is hashed into several):
    // the model was trained with them, and changing them means `make model`.
    if words > 0 && !has_lower {
        Mode::Caps
    } else if words >= 3 && !has_upper {
        Mode::Lower
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
///
/// The casing and the first pass's history are kept per word, by the word numbers of
/// the document's [`FormIds`], and read by token from arrays, where a hash table lookup
/// per token and pass took about 2.5% of an analysis.
///
/// [`FormIds`]: crate::text::FormIds
pub(crate) struct DocContext {
    /// Casing of each word (by number) where casing is informative.
    casing: Vec<Casing>,
    /// The mode of each sentence.
    modes: Vec<Mode>,
    /// A first pass's kind of every token (0 = outside a name, else kind + 1) and,
    /// per word, how often each was given; empty before the first pass.
    first_pass: Vec<u8>,
    history: Vec<[u32; 5]>,
}

impl DocContext {
    pub(crate) fn new(doc: &Document) -> Self {
        let mut casing = vec![Casing::default(); doc.forms.words()];
        let mut modes = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            let mode = sentence_mode(doc, tokens);
            modes.push(mode);
            if mode != Mode::Normal {
                continue;
            }
            for (i, token) in tokens.iter().enumerate().skip(1) {
                if token.kind != TokenKind::Word || is_after_opening(doc, tokens, i) {
                    continue;
                }
                let Some(first) = token.text(doc.text).chars().next() else { continue };
                let Some(entry) = casing.get_mut(doc.forms.word(sentence.tokens.start + i) as usize) else { continue };
                if first.is_uppercase() {
                    entry.capital += 1;
                } else if first.is_lowercase() {
                    entry.lower += 1;
                }
            }
        }
        DocContext { casing, modes, first_pass: Vec::new(), history: Vec::new() }
    }

    /// The mode of a sentence of `doc`, computed once per document: both passes ask.
    fn mode(&self, doc: &Document, sentence: &Sentence) -> Mode {
        let at = doc.sentences.binary_search_by_key(&sentence.tokens.start, |s| s.tokens.start).ok();
        match at.filter(|&i| doc.sentences.get(i).is_some_and(|s| s.tokens == sentence.tokens)).and_then(|i| self.modes.get(i)) {
            Some(&mode) => mode,
            None => sentence_mode(doc, doc.sentence_tokens(sentence)),
        }
    }

    /// How the word of token `index` of `doc` is written where its casing is informative.
    fn casing(&self, doc: &Document, index: usize) -> Casing {
        self.casing.get(doc.forms.word(index) as usize).copied().unwrap_or_default()
    }

    /// Records a first pass's kinds of every token of `doc` (0 = outside, else kind + 1),
    /// so that the next extraction sees how each word was tagged elsewhere.
    pub(crate) fn set_first_pass(&mut self, doc: &Document, kinds: Vec<u8>) {
        // One entry per word, as `casing` has.
        self.history = vec![[0; 5]; self.casing.len()];
        for (index, &kind) in kinds.iter().enumerate() {
            let word = doc.forms.word(index) as usize;
            if let Some(c) = self.history.get_mut(word).and_then(|counts| counts.get_mut(usize::from(kind))) {
                *c += 1;
            }
        }
        self.first_pass = kinds;
    }

    /// How the other occurrences of the word of token `index` of `doc` were tagged by
    /// the first pass.
    fn history(&self, doc: &Document, index: usize) -> Option<[u32; 5]> {
        let own = usize::from(*self.first_pass.get(index)?);
        let mut counts = *self.history.get(doc.forms.word(index) as usize)?;
        counts[own] = counts[own].saturating_sub(1);
        counts.iter().any(|&c| c > 0).then_some(counts)
    }
}

/// Whether the token follows an opening quote or colon, where a capital starts a
/// quoted sentence rather than marking a name.
fn is_after_opening(doc: &Document, tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        // Every opening is at most three bytes long: longer tokens need no comparing.
        .filter(|prev| prev.span.end.saturating_sub(prev.span.start) <= 3)
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

/// Hashes of one token's strings, from which its features are built.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Slot {
    raw: u64,
    lower: u64,
    shape: u64,
    /// The word's class in [`Clusters`] plus one (0: none).
    cluster: u64,
    /// Which of the rules' word lists have the word (see [`list_marks`]).
    lists: u64,
}

/// The padding before a sentence's first token.
pub(crate) const START: Slot = Slot { raw: 1, lower: 1, shape: 1, cluster: 1 << 16, lists: 0 };
/// The padding after a sentence's last token.
pub(crate) const END: Slot = Slot { raw: 2, lower: 2, shape: 2, cluster: 2 << 16, lists: 0 };

impl Slot {
    pub(crate) fn of(doc: &Document, token: &Token, clusters: &Clusters) -> Slot {
        let raw = token.text(doc.text);
        let mut buf = [0u8; SHAPE_LEN];
        let lower = fnv(token.norm.as_bytes());
        let lists = if token.kind == TokenKind::Word { list_marks(&token.norm) } else { 0 };
        Slot { raw: fnv(raw.as_bytes()), lower, shape: fnv(shape(raw, &mut buf)), cluster: clusters.class(lower), lists }
    }
}

/// The rules' word lists (which ship anyway) that have a lower-cased word, one bit
/// each: places, given names, nationalities, well-known organisations, titles, words
/// that end organisations' and places' names, words never names, months and weekdays.
/// They hold for a word the labelled text never had, and in any case.
fn list_marks(norm: &str) -> u64 {
    u64::from(lists::marks(norm))
}

/// Features of the list marks `lists` of a token in a role (`template`), alone and
/// with the token's shape.
fn list_features(template: u8, slot: Slot, push: &mut impl FnMut(Hasher)) {
    let mut marks = slot.lists;
    while marks != 0 {
        let bit = u64::from(marks.trailing_zeros());
        marks &= marks - 1;
        push(Hasher::new(template).with(bit));
        push(Hasher::new(template + 1).with(bit).with(slot.shape));
    }
}

/// Where a token sits relative to the token being tagged.
///
/// A token's features in one role depend on its form alone, so the tagger scores
/// them once per distinct form of a document instead of once per token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    Centre,
    Prev1,
    Next1,
    Prev2,
    Next2,
}

impl Role {
    pub(crate) const ALL: [Role; 5] = [Role::Centre, Role::Prev1, Role::Next1, Role::Prev2, Role::Next2];
}

/// The features a token with hashes `slot` gives in `role`; `token` is `None` for
/// the padding around a sentence.
pub(crate) fn form_features(role: Role, slot: Slot, token: Option<&Token>, push: &mut impl FnMut(Hasher)) {
    let f = Hasher::new;
    match role {
        Role::Centre => {
            push(f(0));
            push(f(1).with(slot.raw));
            push(f(2).with(slot.lower));
            push(f(3).with(slot.shape));
            push(f(6).with(slot.cluster));
            push(f(9).with(slot.cluster).with(slot.shape));
            list_features(10, slot, push);
            if let Some(token) = token.filter(|t| t.kind == TokenKind::Word) {
                affix_features(&token.norm, push);
            }
        }
        Role::Prev1 => {
            push(f(7).with(slot.cluster));
            list_features(36, slot, push);
            push(f(12).with(slot.lower));
            push(f(16).with(slot.shape));
        }
        Role::Next1 => {
            push(f(8).with(slot.cluster));
            list_features(38, slot, push);
            push(f(13).with(slot.lower));
            push(f(17).with(slot.shape));
        }
        Role::Prev2 => {
            push(f(14).with(slot.lower));
            push(f(18).with(slot.shape));
        }
        Role::Next2 => {
            push(f(15).with(slot.lower));
            push(f(19).with(slot.shape));
        }
    }
}

/// Prefixes of one to four characters and suffixes of one to four characters
/// shorter than the word.
fn affix_features(norm: &str, push: &mut impl FnMut(Hasher)) {
    let f = Hasher::new;
    let chars = norm.chars().count();
    let norm = norm.as_bytes();
    let mut h = FNV_OFFSET;
    let mut k = 0u64;
    for (n, &b) in norm.iter().enumerate() {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        let boundary = norm.get(n + 1).is_none_or(|&next| (next as i8) >= -0x40);
        if boundary {
            push(f(4).with(k).with(h));
            k += 1;
            if k == 4 {
                break;
            }
        }
    }
    let mut h = FNV_OFFSET;
    let mut k = 0u64;
    for &b in norm.iter().rev() {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        if (b as i8) >= -0x40 {
            if k + 1 >= chars as u64 || k == 4 {
                break;
            }
            push(f(5).with(k).with(h));
            k += 1;
        }
    }
}

/// Whether a token has a capital letter: only such words get history features,
/// so that a sentence without capitals keeps its first-pass tags.
fn has_capital(doc: &Document, token: &Token) -> bool {
    let raw = token.text(doc.text);
    if raw.is_ascii() {
        raw.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        raw.chars().any(char::is_uppercase)
    }
}

/// Features of how a word's other occurrences were tagged by the first pass.
fn history_features((doc, ctx): (&Document, &DocContext), shape: u64, mode: u64, index: usize, push: &mut impl FnMut(Hasher)) {
    let Some(counts) = ctx.history(doc, index) else { return };
    let mut best = 0;
    for (k, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = k;
        }
        if c > 0 {
            push(Hasher::new(35).with(k as u64));
        }
    }
    push(Hasher::new(33).with(best as u64));
    push(Hasher::new(34).with(best as u64).with(mode).with(shape));
}

/// Reusable buffers for one sentence's features.
#[derive(Default)]
pub(crate) struct SentenceFeatures {
    /// Feature hashes of every token of the sentence, one after the other.
    pub(crate) hashes: Vec<u64>,
    /// Where each token's features start in `hashes` (one more entry than tokens).
    pub(crate) offsets: Vec<usize>,
    gaz: Vec<u16>,
    #[cfg(any(test, feature = "train"))]
    slots: Vec<Slot>,
    lowers: Vec<u64>,
}

impl SentenceFeatures {
    /// The feature hashes of token `i` of the last extracted sentence.
    pub(crate) fn token(&self, i: usize) -> &[u64] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.hashes.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Whether the last extracted sentence has no features at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Number of tokens of the last extracted sentence.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Computes every feature of every token of `sentence`, as training sees them.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn extract(&mut self, doc: &Document, ctx: &DocContext, (gazetteer, clusters): (&Gazetteer, &Clusters), sentence: &Sentence) {
        let mut slots = std::mem::take(&mut self.slots);
        slots.clear();
        slots.extend([START, START]);
        slots.extend(doc.sentence_tokens(sentence).iter().map(|token| Slot::of(doc, token, clusters)));
        slots.extend([END, END]);
        self.hashes.clear();
        self.offsets.clear();
        let tokens = doc.sentence_tokens(sentence);
        let mode = self.begin(doc, ctx, gazetteer, sentence, &slots);
        for ((i, token), window) in tokens.iter().enumerate().zip(slots.windows(5)) {
            self.offsets.push(self.hashes.len());
            let &[p2, p1, w, n1, n2] = window else { continue };
            let mut out = std::mem::take(&mut self.hashes);
            let mut push = |h: Hasher| out.push(h.finish());
            for (role, slot) in Role::ALL.into_iter().zip([w, p1, n1, p2, n2]) {
                form_features(role, slot, Some(token).filter(|_| role == Role::Centre), &mut push);
            }
            self.context(doc, ctx, sentence, mode, i, [p1, w, n1], &mut push);
            self.hashes = out;
        }
        self.offsets.resize(tokens.len(), self.hashes.len());
        self.offsets.push(self.hashes.len());
        self.slots = slots;
    }

    /// Readies [`Self::context`] for `sentence`, whose tokens'
    /// hashes are `slots` (two paddings at either end); returns the sentence's mode.
    pub(crate) fn begin(&mut self, doc: &Document, ctx: &DocContext, gazetteer: &Gazetteer, sentence: &Sentence, slots: &[Slot]) -> u64 {
        let len = sentence.tokens.len();
        self.lowers.clear();
        self.lowers.extend(slots.iter().skip(2).take(len).map(|s| s.lower));
        gazetteer.mark(&self.lowers, &mut self.gaz);
        ctx.mode(doc, sentence) as u64
    }

    /// The features of token `i` of the sentence that are not [`form_features`]:
    /// those that combine it with a neighbour or depend on the sentence or document.
    /// `window` holds the hashes of the token before, the token and the token after.
    pub(crate) fn context(&self, doc: &Document, ctx: &DocContext, sentence: &Sentence, mode: u64, i: usize, window: [Slot; 3], push: &mut impl FnMut(Hasher)) {
        let tokens = doc.sentence_tokens(sentence);
        let Some(token) = tokens.get(i) else { return };
        let [p1, w, n1] = window;
        let f = Hasher::new;
        push(f(22).with(p1.shape).with(w.shape).with(n1.shape));
        push(f(23).with(i.min(3) as u64).with(mode).with(w.shape));
        push(f(25).with(p1.lower).with(w.shape));
        push(f(26).with(w.shape).with(n1.lower));
        push(f(29).with(tokens.len().min(6) as u64).with(mode).with(w.shape));
        if token.kind == TokenKind::Word {
            let casing = ctx.casing(doc, sentence.tokens.start + i);
            let informative = mode == Mode::Normal as u64 && i > 0 && !is_after_opening(doc, tokens, i);
            push(f(30).with(u64::from(casing.class())).with(mode).with(u64::from(informative)).with(w.shape));
            // Before the first pass there is no history (and no need to scan the word).
            if !ctx.first_pass.is_empty() && has_capital(doc, token) {
                history_features((doc, ctx), w.shape, mode, sentence.tokens.start + i, push);
            }
        }
        let gaz = self.gaz.get(i).copied().unwrap_or(0);
        let cap = if gaz == 0 { 0 } else { u64::from(token.is_capitalized()) };
        for bit in 0..16u64 {
            if gaz & (1 << bit) != 0 {
                push(f(31).with(bit));
                push(f(32).with(bit).with(cap).with(mode));
            }
        }
    }

    /// Computes only the document-history features of every token of `sentence`:
    /// the second pass adds their weights to the first pass's scores.
    pub(crate) fn extract_history(&mut self, doc: &Document, ctx: &DocContext, sentence: &Sentence) {
        self.hashes.clear();
        self.offsets.clear();
        let tokens = doc.sentence_tokens(sentence);
        let mode = ctx.mode(doc, sentence) as u64;
        for (i, token) in tokens.iter().enumerate() {
            self.offsets.push(self.hashes.len());
            if token.kind == TokenKind::Word && has_capital(doc, token) {
                let raw = token.text(doc.text);
                let mut buf = [0u8; SHAPE_LEN];
                let out = &mut self.hashes;
                let shape = fnv(shape(raw, &mut buf));
                history_features((doc, ctx), shape, mode, sentence.tokens.start + i, &mut |h: Hasher| out.push(h.finish()));
            }
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
        let doc = Document::new("LEEDS WIN AT HOME\nPeter Blackburn Reports From Leeds\nThe club won on Sunday.\nwow emma is so cute");
        let modes: Vec<Mode> = doc.sentences.iter().map(|s| sentence_mode(&doc, doc.sentence_tokens(s))).collect();
        assert_eq!(modes, [Mode::Caps, Mode::Title, Mode::Normal, Mode::Lower]);
    }

    #[test]
    fn every_token_gets_features() {
        let doc = Document::new("Peter Blackburn met 👍🏽 officials in Brussels.");
        let ctx = DocContext::new(&doc);
        let mut features = SentenceFeatures::default();
        features.extract(&doc, &ctx, (&Gazetteer::default(), &Clusters::default()), &doc.sentences[0]);
        assert_eq!(features.len(), doc.tokens.len());
        assert!((0..features.len()).all(|i| features.token(i).len() >= 20));
    }
}

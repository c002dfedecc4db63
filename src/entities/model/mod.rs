//! A learned named-entity tagger: an averaged structured perceptron over BILOU tags
//! for people, places, organisations and other names (MISC), with hashed features
//! and Viterbi decoding restricted to legal tag sequences.
//!
//! The model is trained by `examples/train_ner.rs` (feature `train`) on CoNLL-2003
//! documents run through the same [`Document`] tokenizer and segmenter a user's
//! text goes through, so training and tagging see identical tokens and features.
//! It ships as `models/ner.bin`, embedded in the binary and decoded once.

mod buckets;
mod features;
mod format;
mod forms;
mod gazetteer;
#[cfg(feature = "train")]
pub mod train;

use self::buckets::Buckets;
use self::features::{DocContext, SentenceFeatures, Slot};
use self::forms::{Forms, END_FORM, START_FORM};
use self::gazetteer::Gazetteer;
use crate::lexicon::FastMap;
use super::{Label, Recognizer};
use crate::span::Span;
use crate::text::{Document, Token, TokenKind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

pub use self::format::InvalidModel;

/// Entity types the model knows, in tag order.
pub(crate) const NTYPES: usize = 4;
/// Tags: `O`, then B, I, L, U for each type.
pub(crate) const NTAGS: usize = 1 + 4 * NTYPES;

/// Context feature sums kept per document (about 60 bytes each, so at most 0.5 MB).
const MAX_CONTEXTS: usize = 1 << 13;

/// The model embedded in the library.
static BUILTIN: &[u8] = include_bytes!("../../../models/ner.bin");

/// The kind of a name the tagger finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// A place: country, city, region, geographic feature.
    Location,
    /// A company, agency, institution, party, team.
    Org,
    /// Any other name: nationalities, events, products, works (CoNLL's MISC).
    Misc,
}

impl Kind {
    /// All kinds, in tag order.
    pub const ALL: [Kind; NTYPES] = [Kind::Person, Kind::Location, Kind::Org, Kind::Misc];

    /// The analysis label of this kind; `None` for [`Kind::Misc`], which has none.
    pub fn label(self) -> Option<Label> {
        match self {
            Kind::Person => Some(Label::Person),
            Kind::Location => Some(Label::Location),
            Kind::Org => Some(Label::Org),
            Kind::Misc => None,
        }
    }

    #[cfg(any(test, feature = "train"))]
    fn index(self) -> usize {
        self as usize
    }
}

/// Position of a tag inside a name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

#[cfg(any(test, feature = "train"))]
pub(crate) fn tag_of(kind: Kind, part: Part) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * kind.index(),
        Part::Inside => 2 + 4 * kind.index(),
        Part::Last => 3 + 4 * kind.index(),
        Part::Unit => 4 + 4 * kind.index(),
    }
}

fn part_of(tag: usize) -> (Part, usize) {
    match tag {
        0 => (Part::Outside, 0),
        t => {
            let parts = [Part::Begin, Part::Inside, Part::Last, Part::Unit];
            (parts[(t - 1) % 4], (t - 1) / 4)
        }
    }
}

/// Whether `to` may follow `from` (BILOU: a name that is open must go on or close).
#[cfg(test)]
fn allowed(from: usize, to: usize) -> bool {
    ALLOWED[from][to]
}

/// [`allowed`] for every pair, computed at compile time.
#[cfg(test)]
static ALLOWED: [[bool; NTAGS]; NTAGS] = {
    let mut table = [[false; NTAGS]; NTAGS];
    let mut from = 0;
    while from < NTAGS {
        let mut to = 0;
        while to < NTAGS {
            // Parts: 0 = outside; else (tag - 1) % 4 is begin, inside, last, unit.
            let open = from != 0 && (from - 1) % 4 < 2;
            let continues = to != 0 && (to - 1) % 4 == 1 || to != 0 && (to - 1) % 4 == 2;
            table[from][to] = if open { continues && (to - 1) / 4 == (from - 1) / 4 } else { !continues };
            to += 1;
        }
        from += 1;
    }
    table
};

/// Tags after which no name is open: O, and L and U of each kind. Exactly these may
/// precede the tags of [`OPENING`].
const CLOSED: [usize; 1 + 2 * NTYPES] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Tags that may follow a closed tag: O, and B and U of each kind. I and L of a kind
/// follow only B or I of that kind.
const OPENING: [usize; 1 + 2 * NTYPES] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

fn allowed_start(tag: usize) -> bool {
    matches!(part_of(tag).0, Part::Outside | Part::Begin | Part::Unit)
}

fn allowed_end(tag: usize) -> bool {
    matches!(part_of(tag).0, Part::Outside | Part::Last | Part::Unit)
}

/// A path score: integer when tagging, float when training.
pub(crate) trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// Far below any real path score, yet safe to add scores to.
    const LOW: Self;
}

impl Score for i64 {
    const LOW: i64 = i64::MIN / 4;
}

impl Score for f32 {
    const LOW: f32 = -1e30;
}

/// Best legal tag sequence for `n` tokens given per-token scores `emit` (`n × NTAGS`)
/// and transition scores (`NTAGS × NTAGS`, plus start and end), into `out`.
pub(crate) fn viterbi<T: Score>(emit: &[T], trans: &[T], start: &[T], end: &[T], out: &mut Vec<usize>, back: &mut Vec<u8>) {
    out.clear();
    let n = emit.len() / NTAGS;
    if n == 0 || trans.len() < NTAGS * NTAGS || start.len() < NTAGS || end.len() < NTAGS {
        return;
    }
    back.clear();
    back.resize(n * NTAGS, 0);
    // Tags that cannot start a sentence start with a score no real path falls to.
    let mut dp = [T::LOW; NTAGS];
    for (tag, slot) in dp.iter_mut().enumerate() {
        if allowed_start(tag) {
            *slot = start[tag] + emit[tag];
        }
    }
    // Transition scores gathered once, in the order the loop over tokens reads them.
    let mut after_closed = [[T::LOW; CLOSED.len()]; OPENING.len()];
    for (row, &to) in after_closed.iter_mut().zip(&OPENING) {
        for (slot, &from) in row.iter_mut().zip(&CLOSED) {
            *slot = trans[from * NTAGS + to];
        }
    }
    let inside = inside_transitions(trans);
    // Two score rows used in turn, so that no step copies one into the other.
    let mut rows = [dp, [T::LOW; NTAGS]];
    for (j, (emit, back)) in emit.chunks_exact(NTAGS).zip(back.chunks_exact_mut(NTAGS)).enumerate().skip(1) {
        let (Ok(emit), Ok(back)) = (<&[T; NTAGS]>::try_from(emit), <&mut [u8; NTAGS]>::try_from(back)) else { break };
        let [even, odd] = &mut rows;
        let (dp, next) = if j % 2 == 1 { (&*even, odd) } else { (&*odd, even) };
        let mut closed = [T::LOW; CLOSED.len()];
        for (x, &c) in closed.iter_mut().zip(&CLOSED) {
            *x = dp[c];
        }
        for (&to, into) in OPENING.iter().zip(&after_closed) {
            // Ties go to the first predecessor in tag order.
            let (mut best, mut arg) = (closed[0] + into[0], 0);
            for c in 1..CLOSED.len() {
                let s = closed[c] + into[c];
                // Selects rather than branches: which predecessor wins is unpredictable.
                let better = s > best;
                best = if better { s } else { best };
                arg = if better { c } else { arg };
            }
            next[to] = best + emit[to];
            back[to] = CLOSED[arg] as u8;
        }
        step_inside(&inside, dp, emit, next, back);
    }
    backtrack(&rows[(n - 1) % 2], end, back, out);
}

/// `inside[k]`: the transitions B→I, I→I, B→L and I→L of type `k`, the only ways into
/// the inside and last tags of a name.
fn inside_transitions<T: Score>(trans: &[T]) -> [[T; 4]; NTYPES] {
    std::array::from_fn(|k| {
        let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
        [trans[b * NTAGS + i], trans[i * NTAGS + i], trans[b * NTAGS + l], trans[i * NTAGS + l]]
    })
}

/// One Viterbi step into the inside and last tags, each reached only from the same
/// type's begin or inside tag (ties go to the begin tag).
fn step_inside<T: Score>(inside: &[[T; 4]; NTYPES], dp: &[T; NTAGS], emit: &[T; NTAGS], next: &mut [T; NTAGS], back: &mut [u8; NTAGS]) {
    for (k, into) in inside.iter().enumerate() {
        let (b, i) = (1 + 4 * k, 2 + 4 * k);
        for (to, from_b, from_i) in [(i, into[0], into[1]), (i + 1, into[2], into[3])] {
            let (via_b, via_i) = (dp[b] + from_b, dp[i] + from_i);
            let (best, arg) = if via_i > via_b { (via_i, i) } else { (via_b, b) };
            next[to] = best + emit[to];
            back[to] = arg as u8;
        }
    }
}

/// The best legal last tag of the final scores `dp`, followed back through `back`
/// (`NTAGS` predecessors per token) into `out`, one tag per token.
fn backtrack<T: Score>(dp: &[T; NTAGS], end: &[T], back: &[u8], out: &mut Vec<usize>) {
    let (mut best, mut tag) = (T::LOW, 0);
    for (t, &score) in dp.iter().enumerate() {
        if allowed_end(t) && score + end[t] > best {
            best = score + end[t];
            tag = t;
        }
    }
    let n = back.len() / NTAGS;
    out.clear();
    out.resize(n, 0);
    for j in (0..n).rev() {
        out[j] = tag;
        tag = usize::from(back[j * NTAGS + tag]);
    }
}

/// The tagging [`viterbi`] with its transition scores laid out once per document.
///
/// Usually one closed tag (mostly `O`) is so far ahead of the others that it is the
/// best predecessor of every opening tag whatever the transition: then the other eight
/// need no look. Otherwise each path score to a closed tag is carried times 16 plus
/// 15 − the tag's place in [`CLOSED`], so that one maximum picks both the best
/// predecessor and, among equal scores, the first in tag order, as [`viterbi`] does.
struct Decoder {
    /// Per tag of [`OPENING`] and predecessor of [`CLOSED`]: the transition score.
    plain: [[i64; CLOSED.len()]; OPENING.len()],
    /// Per tag of [`OPENING`] and predecessor of [`CLOSED`]: 16 × transition + 15 − place.
    into_opening: [[i64; CLOSED.len()]; OPENING.len()],
    /// Per predecessor of [`CLOSED`]: its highest and lowest transition to an opening tag.
    highest: [i64; CLOSED.len()],
    lowest: [i64; CLOSED.len()],
    /// Per kind: B→I, I→I, B→L, I→L.
    inside: [[i64; 4]; NTYPES],
    start: [i64; NTAGS],
    end: [i64; NTAGS],
}

/// Bound on transition scores for [`Decoder`]: 16 × a path score then stays far from
/// overflowing for any text.
const DECODER_MAX_TRANSITION: i64 = 1 << 32;

/// Start score of the tags that cannot start a sentence: below any real path even
/// times 16, and only ever compared with real paths.
const DECODER_LOW: i64 = i64::MIN / 64;

impl Decoder {
    /// `None` if some score is too large for the packed arithmetic.
    fn new(trans: &[i64], start: &[i64], end: &[i64]) -> Option<Decoder> {
        let all = trans.iter().chain(start).chain(end);
        if trans.len() < NTAGS * NTAGS || start.len() < NTAGS || end.len() < NTAGS || all.clone().any(|t| t.abs() > DECODER_MAX_TRANSITION) {
            return None;
        }
        let mut plain = [[0; CLOSED.len()]; OPENING.len()];
        let mut into_opening = [[0; CLOSED.len()]; OPENING.len()];
        let (mut highest, mut lowest) = ([i64::MIN; CLOSED.len()], [i64::MAX; CLOSED.len()]);
        for ((row, packed), &to) in plain.iter_mut().zip(&mut into_opening).zip(&OPENING) {
            for (place, &from) in CLOSED.iter().enumerate() {
                let t = trans[from * NTAGS + to];
                row[place] = t;
                packed[place] = t * 16 + (15 - place as i64);
                highest[place] = highest[place].max(t);
                lowest[place] = lowest[place].min(t);
            }
        }
        let inside = inside_transitions(trans);
        let (mut starts, mut ends) = ([DECODER_LOW; NTAGS], [0; NTAGS]);
        for tag in 0..NTAGS {
            if allowed_start(tag) {
                starts[tag] = start[tag];
            }
            ends[tag] = end[tag];
        }
        Some(Decoder { plain, into_opening, highest, lowest, inside, start: starts, end: ends })
    }

    /// What [`viterbi`] gives for `emit` and these transitions, into `out`.
    fn decode(&self, emit: &[i64], out: &mut Vec<usize>, back: &mut Vec<u8>) {
        out.clear();
        let n = emit.len() / NTAGS;
        let Some(Ok(first)) = emit.get(..NTAGS).map(<&[i64; NTAGS]>::try_from) else { return };
        back.clear();
        back.resize(n * NTAGS, 0);
        let mut dp = [0; NTAGS];
        for ((slot, &start), &emit) in dp.iter_mut().zip(&self.start).zip(first) {
            *slot = start + emit;
        }
        let mut rows = [dp, [0; NTAGS]];
        for (j, (emit, back)) in emit.chunks_exact(NTAGS).zip(back.chunks_exact_mut(NTAGS)).enumerate().skip(1) {
            let (Ok(emit), Ok(back)) = (<&[i64; NTAGS]>::try_from(emit), <&mut [u8; NTAGS]>::try_from(back)) else { break };
            let [even, odd] = &mut rows;
            let (dp, next) = if j % 2 == 1 { (&*even, odd) } else { (&*odd, even) };
            let mut closed = [0; CLOSED.len()];
            for (x, &c) in closed.iter_mut().zip(&CLOSED) {
                *x = dp[c];
            }
            let (mut top, mut lead) = (closed[0], 0);
            for (place, &x) in closed.iter().enumerate().skip(1) {
                if x > top {
                    (top, lead) = (x, place);
                }
            }
            // Another predecessor whose best transition stays below the leader's worst
            // is beaten (not tied) into every opening tag.
            let bar = top + self.lowest[lead];
            let alone = closed.iter().zip(&self.highest).enumerate().all(|(place, (&x, &h))| place == lead || x + h < bar);
            if alone {
                for ((&to, row), &emit) in OPENING.iter().zip(&self.plain).zip(OPENING.iter().map(|&to| &emit[to])) {
                    next[to] = top + row[lead] + emit;
                    back[to] = CLOSED[lead] as u8;
                }
            } else {
                for x in &mut closed {
                    *x *= 16;
                }
                for (&to, into) in OPENING.iter().zip(&self.into_opening) {
                    let mut best = closed[0] + into[0];
                    for (&x, &t) in closed.iter().zip(into).skip(1) {
                        best = best.max(x + t);
                    }
                    next[to] = (best >> 4) + emit[to];
                    back[to] = CLOSED[15 - (best & 15) as usize] as u8;
                }
            }
            step_inside(&self.inside, dp, emit, next, back);
        }
        backtrack(&rows[(n - 1) % 2], &self.end, back, out);
    }
}

/// One name found by the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is (from its first token's start to its last token's end).
    pub span: Span,
    /// What kind of name it is.
    pub kind: Kind,
}

/// The learned named-entity tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// Hash bits: a feature's bucket is the top `bits` bits of its hash.
    bits: u32,
    /// The buckets with a row in `weights`, in bucket order.
    index: Buckets,
    /// `NTAGS` weights per row.
    weights: Vec<i8>,
    /// Tag-to-tag scores, then start and end scores.
    trans: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    gazetteer: Gazetteer,
    /// Tells taggers apart in the memo of scored forms ([`forms`]); a clone has the
    /// same weights, so it keeps the id.
    id: u64,
}

/// A new tagger's [`Tagger::id`].
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Tagger {
    /// The model shipped with the library, decoded on first use. If it cannot be
    /// decoded (a build without a trained model), the tagger finds nothing.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_bytes(BUILTIN).unwrap_or_else(|_| Tagger::empty()))
    }

    /// A tagger without weights: it finds nothing.
    pub fn empty() -> Tagger {
        Tagger {
            bits: 1,
            index: Buckets::default(),
            weights: Vec::new(),
            trans: vec![0; NTAGS * NTAGS],
            start: vec![0; NTAGS],
            end: vec![0; NTAGS],
            gazetteer: Gazetteer::default(),
            id: next_id(),
        }
    }

    /// Whether the tagger has no weights (and so finds nothing).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    #[inline]
    fn bucket(&self, hash: u64) -> usize {
        (hash >> (64 - self.bits)) as usize
    }

    /// People, organisations and places in the document, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<(Span, Label)> {
        self.mentions(doc).into_iter().filter_map(|m| Some((m.span, m.kind.label()?))).collect()
    }

    /// Every name in the document, MISC included, in text order.
    ///
    /// See also the [`Recognizer`] implementation, which keeps only PER, ORG and LOC.
    ///
    /// Two passes: the second sees how the first tagged each word's other
    /// occurrences in the document, so that a name is tagged alike throughout.
    pub fn mentions(&self, doc: &Document) -> Vec<Mention> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut ctx = DocContext::new(doc);
        // Sized exactly: grown by doubling, this buffer (34 bytes a token) took twice
        // its size in the wasm heap, which never shrinks.
        let mut scores = Vec::with_capacity(doc.tokens.len() * NTAGS);
        let first = self.tags(doc, &ctx, Pass::First(&mut scores));
        ctx.set_first_pass(doc, first.iter().map(|&t| kind_code(usize::from(t))).collect());
        let tags = self.tags(doc, &ctx, Pass::Second(&scores, &first));
        let mut found = Vec::new();
        let mut open: Option<usize> = None;
        for (i, &tag) in tags.iter().enumerate() {
            let (part, kind) = part_of(usize::from(tag));
            if matches!(part, Part::Begin | Part::Unit) {
                open = Some(i);
            }
            if !matches!(part, Part::Last | Part::Unit) {
                continue;
            }
            let (Some(first), Some(&kind)) = (open.take(), Kind::ALL.get(kind)) else { continue };
            // A name neither starts nor ends with punctuation or a symbol ("Coldplay!").
            let Some(name) = doc.tokens.get(first..=i) else { continue };
            let is_word = |t: &&Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
            if let (Some(a), Some(b)) = (name.iter().find(is_word), name.iter().rev().find(is_word)) {
                found.push(Mention { span: Span::new(a.span.start, b.span.end), kind });
            }
        }
        found
    }

    /// Bytes of memory the decoded model holds.
    pub fn heap_bytes(&self) -> usize {
        let scores = (self.trans.capacity() + self.start.capacity() + self.end.capacity()) * 8;
        self.index.heap_bytes() + self.weights.capacity() + scores + self.gazetteer.heap_bytes()
    }

    /// Adds the weights of the feature with hash `hash` to `acc`.
    #[inline]
    fn add(&self, hash: u64, acc: &mut [i32; NTAGS]) {
        let Some(row) = self.index.row(self.bucket(hash)) else { return };
        let Some(weights) = self.weights.get(row * NTAGS..(row + 1) * NTAGS) else { return };
        for (a, &w) in acc.iter_mut().zip(weights) {
            *a += i32::from(w);
        }
    }

    /// Adds the weights of `hashes` to `acc`.
    ///
    /// The rows are cache misses, so all rows of a chunk are found before any is
    /// read: the loads then overlap instead of waiting on each other. A chunk's
    /// weights are summed in 16 bits (16 × 127 fits), twice as many per vector step.
    fn score(&self, hashes: &[u64], acc: &mut [i32; NTAGS]) {
        for chunk in hashes.chunks(16) {
            let mut rows = [0usize; 16];
            let mut found = 0;
            for &hash in chunk {
                if let (Some(row), Some(slot)) = (self.index.row(self.bucket(hash)), rows.get_mut(found)) {
                    *slot = row;
                    found += 1;
                }
            }
            let mut sum = [0i16; NTAGS];
            for &row in rows.get(..found).unwrap_or(&[]) {
                let Some(Ok(weights)) = self.weights.get(row * NTAGS..(row + 1) * NTAGS).map(<&[i8; NTAGS]>::try_from) else { continue };
                for (s, &w) in sum.iter_mut().zip(weights) {
                    *s += i16::from(w);
                }
            }
            for (a, s) in acc.iter_mut().zip(sum) {
                *a += i32::from(s);
            }
        }
    }

    /// The best tag of every token of the document, sentence by sentence.
    pub(crate) fn tags(&self, doc: &Document, ctx: &DocContext, mut pass: Pass) -> Vec<u8> {
        let mut all = Vec::with_capacity(doc.tokens.len());
        let mut features = SentenceFeatures::default();
        let (mut emit, mut tags, mut back) = (Vec::new(), Vec::new(), Vec::new());
        let mut forms = Forms::new(self, if matches!(pass, Pass::First(_)) { doc.tokens.len() } else { 0 });
        let decoder = Decoder::new(&self.trans, &self.start, &self.end);
        let (mut ids, mut slots): (Vec<u32>, Vec<Slot>) = (Vec::new(), Vec::new());
        let mut contexts: FastMap<(u32, u32, u32, u32), [i16; NTAGS]> = FastMap::default();
        if matches!(pass, Pass::First(_)) {
            contexts.reserve((doc.tokens.len() / 2).min(MAX_CONTEXTS));
        }
        let mut context = Vec::new();
        let mut mode = 0;
        for sentence in &doc.sentences {
            match pass {
                Pass::Second(_, first) => {
                    features.extract_history(doc, ctx, sentence);
                    // Without history features the scores, and so the tags, are the first pass's.
                    if features.is_empty() {
                        all.extend_from_slice(first.get(sentence.tokens.clone()).unwrap_or(&[]));
                        all.resize(sentence.tokens.end, 0);
                        continue;
                    }
                }
                Pass::First(_) => {
                    forms.end_sentence();
                    ids.clear();
                    ids.extend([START_FORM, START_FORM]);
                    for token in doc.sentence_tokens(sentence) {
                        ids.push(forms.id(self, doc, token));
                    }
                    ids.extend([END_FORM, END_FORM]);
                    slots.clear();
                    slots.extend(ids.iter().map(|&id| forms.slot(id)));
                    mode = features.begin(doc, ctx, &self.gazetteer, sentence, &slots);
                }
                #[cfg(any(test, feature = "train"))]
                Pass::Full => features.extract(doc, ctx, &self.gazetteer, sentence),
            }
            emit.clear();
            for i in 0..doc.sentence_tokens(sentence).len() {
                let mut acc = [0i32; NTAGS];
                match &pass {
                    Pass::Second(scores, _) => {
                        let at = (sentence.tokens.start + i) * NTAGS;
                        if let Some(cached) = scores.get(at..at + NTAGS) {
                            for (a, &c) in acc.iter_mut().zip(cached) {
                                *a = i32::from(c);
                            }
                        }
                    }
                    Pass::First(_) => {
                        forms.add(ids.get(i..i + 5).unwrap_or(&[]), &mut acc);
                        let (Some(&[p1, w, n1]), Some(&[s1, sw, sn])) = (ids.get(i + 1..i + 4), slots.get(i + 1..i + 4)) else { continue };
                        // A token with its neighbours' forms and the same facts has the same
                        // context features: cached when all three forms stay for good and
                        // have occurred before (a form met once makes a trigram met once).
                        let key = (p1, w, n1, features.facts(sentence, mode, i));
                        let cacheable = forms.repeated(p1) && forms.repeated(w) && forms.repeated(n1) && ctx.before_first_pass();
                        match if cacheable { contexts.get(&key) } else { None } {
                            Some(sum) => {
                                for (a, &s) in acc.iter_mut().zip(sum) {
                                    *a += i32::from(s);
                                }
                            }
                            None => {
                                context.clear();
                                features.context(doc, ctx, sentence, mode, i, [s1, sw, sn], &mut |h| context.push(h.finish()));
                                let mut sum = [0i32; NTAGS];
                                self.score(&context, &mut sum);
                                if cacheable && contexts.len() < MAX_CONTEXTS && sum.iter().all(|&s| i16::try_from(s).is_ok()) {
                                    contexts.insert(key, sum.map(|s| s as i16));
                                }
                                for (a, s) in acc.iter_mut().zip(sum) {
                                    *a += s;
                                }
                            }
                        }
                    }
                    #[cfg(any(test, feature = "train"))]
                    Pass::Full => {}
                }
                if !matches!(pass, Pass::First(_)) {
                    self.score(features.token(i), &mut acc);
                }
                if let Pass::First(scores) = &mut pass {
                    scores.extend(acc.iter().map(|&a| a.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16));
                }
                emit.extend(acc.iter().map(|&a| i64::from(a)));
            }
            match &decoder {
                Some(decoder) => decoder.decode(&emit, &mut tags, &mut back),
                None => viterbi(&emit, &self.trans, &self.start, &self.end, &mut tags, &mut back),
            }
            all.extend(tags.iter().map(|&t| t as u8));
            all.resize(sentence.tokens.end, 0);
            if let Pass::First(scores) = &mut pass {
                scores.resize(sentence.tokens.end * NTAGS, 0);
            }
        }
        all.resize(doc.tokens.len(), 0);
        all
    }
}

/// Which pass of [`Tagger::tags`] runs: the first keeps every token's scores, the
/// second adds only the document-history features to them.
pub(crate) enum Pass<'a> {
    /// A single pass with every feature, as in training.
    #[cfg(any(test, feature = "train"))]
    Full,
    /// The first pass: scores kept per token.
    First(&'a mut Vec<i16>),
    /// The second pass, over the first pass's scores and tags.
    Second(&'a [i16], &'a [u8]),
}

/// 0 for a tag outside names, else the tag's kind + 1.
pub(crate) fn kind_code(tag: usize) -> u8 {
    match part_of(tag) {
        (Part::Outside, _) => 0,
        (_, kind) => kind as u8 + 1,
    }
}

impl Recognizer for Tagger {
    fn recognize(&self, doc: &Document) -> Vec<crate::entities::Mention> {
        self.tag(doc).into_iter().map(|(span, label)| crate::entities::Mention { span, label }).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions() {
        let per = |p| tag_of(Kind::Person, p);
        let org = |p| tag_of(Kind::Org, p);
        assert!(allowed(per(Part::Begin), per(Part::Last)));
        assert!(!allowed(per(Part::Begin), org(Part::Last)));
        assert!(!allowed(0, per(Part::Inside)));
        assert!(allowed(per(Part::Unit), org(Part::Begin)));
        assert!(!allowed_start(per(Part::Last)));
        assert!(!allowed_end(per(Part::Begin)));
    }

    #[test]
    fn closed_and_opening_tags_follow_the_transition_table() {
        for from in 0..NTAGS {
            for to in 0..NTAGS {
                let expected = if CLOSED.contains(&from) {
                    OPENING.contains(&to)
                } else {
                    !OPENING.contains(&to) && (to - 1) / 4 == (from - 1) / 4
                };
                assert_eq!(allowed(from, to), expected, "{from} -> {to}");
            }
        }
    }

    /// Viterbi over every allowed pair, the plain way.
    fn reference_viterbi(emit: &[i64], trans: &[i64], start: &[i64], end: &[i64]) -> Vec<usize> {
        let n = emit.len() / NTAGS;
        let mut dp: Vec<i64> = (0..NTAGS).map(|t| if allowed_start(t) { start[t] + emit[t] } else { i64::LOW }).collect();
        let mut back = vec![vec![0; NTAGS]; n];
        for j in 1..n {
            let mut next = vec![i64::LOW; NTAGS];
            for to in 0..NTAGS {
                for from in (0..NTAGS).filter(|&f| allowed(f, to)) {
                    let s = dp[from] + trans[from * NTAGS + to] + emit[j * NTAGS + to];
                    if s > next[to] {
                        next[to] = s;
                        back[j][to] = from;
                    }
                }
            }
            dp = next;
        }
        let mut tag = (0..NTAGS).filter(|&t| allowed_end(t)).fold(0, |b, t| if dp[t] + end[t] > dp[b] + end[b] { t } else { b });
        let mut out = vec![0; n];
        for j in (0..n).rev() {
            out[j] = tag;
            tag = back[j][tag];
        }
        out
    }

    #[test]
    fn viterbi_matches_the_plain_algorithm() {
        let mut rng = 0x1234_5678u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % 41) as i64 - 20
        };
        for n in [1, 2, 3, 7, 30] {
            let emit: Vec<i64> = (0..n * NTAGS).map(|_| next()).collect();
            let trans: Vec<i64> = (0..NTAGS * NTAGS).map(|_| next()).collect();
            let (start, end): (Vec<i64>, Vec<i64>) = ((0..NTAGS).map(|_| next()).collect(), (0..NTAGS).map(|_| next()).collect());
            let (mut out, mut back) = (Vec::new(), Vec::new());
            viterbi(&emit, &trans, &start, &end, &mut out, &mut back);
            assert_eq!(out, reference_viterbi(&emit, &trans, &start, &end), "{n} tokens");
        }
    }

    #[test]
    fn decoder_matches_viterbi_ties_included() {
        let mut rng = 0x9e37_79b9u64;
        let mut next = move |range: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * range + 1)) as i64 - range as i64
        };
        for range in [1, 3, 1000] {
            for n in [1, 2, 3, 7, 30, 200] {
                let mut emit: Vec<i64> = (0..n * NTAGS).map(|_| next(range)).collect();
                let trans: Vec<i64> = (0..NTAGS * NTAGS).map(|_| next(range)).collect();
                let (start, end): (Vec<i64>, Vec<i64>) = ((0..NTAGS).map(|_| next(range)).collect(), (0..NTAGS).map(|_| next(range)).collect());
                // Then with `O` far ahead at most tokens, as in text: one predecessor alone.
                for lead in [false, true] {
                    if lead {
                        for token in emit.chunks_exact_mut(NTAGS).filter(|_| next(2) != 0) {
                            token[0] += 10 * range as i64;
                        }
                    }
                    let (mut expected, mut got, mut back) = (Vec::new(), Vec::new(), Vec::new());
                    viterbi(&emit, &trans, &start, &end, &mut expected, &mut back);
                    Decoder::new(&trans, &start, &end).unwrap().decode(&emit, &mut got, &mut back);
                    assert_eq!(got, expected, "{n} tokens, scores within ±{range}, O ahead: {lead}");
                }
            }
        }
        assert!(Decoder::new(&[DECODER_MAX_TRANSITION + 1; NTAGS * NTAGS], &[0; NTAGS], &[0; NTAGS]).is_none());
    }

    #[test]
    fn viterbi_never_returns_an_open_name() {
        // Emissions that, greedily, would give B-PER then O.
        let mut emit = vec![0i64; 2 * NTAGS];
        emit[tag_of(Kind::Person, Part::Begin)] = 10;
        emit[NTAGS] = 10;
        let zeros = vec![0i64; NTAGS * NTAGS];
        let (mut out, mut back) = (Vec::new(), Vec::new());
        viterbi(&emit, &zeros, &zeros[..NTAGS], &zeros[..NTAGS], &mut out, &mut back);
        assert_eq!(out.len(), 2);
        assert!(allowed_start(out[0]) && allowed(out[0], out[1]) && allowed_end(out[1]));
    }

    fn builtin_or_skip() -> Option<&'static Tagger> {
        let tagger = Tagger::builtin();
        if tagger.is_empty() {
            println!("skipped: models/ner.bin holds no trained model");
            return None;
        }
        Some(tagger)
    }

    fn names(text: &str) -> Vec<(String, Label)> {
        let doc = Document::new(text);
        Tagger::builtin().tag(&doc).into_iter().map(|(span, label)| (span.slice(text).to_owned(), label)).collect()
    }

    #[test]
    fn finds_people_places_and_organisations() {
        let Some(_) = builtin_or_skip() else { return };
        let found = names("Angela Merkel met executives of Siemens AG in Berlin on Tuesday.");
        assert!(found.contains(&("Angela Merkel".to_owned(), Label::Person)), "{found:?}");
        assert!(found.contains(&("Berlin".to_owned(), Label::Location)), "{found:?}");
        assert!(found.contains(&("Siemens AG".to_owned(), Label::Org)), "{found:?}");
    }

    #[test]
    fn names_do_not_end_in_punctuation() {
        let Some(tagger) = builtin_or_skip() else { return };
        let text = "🎉 Taylor Swift 🎤 played in São Paulo 🇧🇷 with Coldplay! Oh (Sting) too.";
        let doc = Document::new(text);
        for m in tagger.mentions(&doc) {
            let name = m.span.slice(text);
            assert!(name.starts_with(char::is_alphanumeric) && name.ends_with(char::is_alphanumeric), "{name:?}");
        }
    }

    #[test]
    fn headline_in_capitals_and_title_case() {
        let Some(_) = builtin_or_skip() else { return };
        let caps = names("GERMANY BEAT FRANCE IN PARIS\nBerlin and Paris are far apart.");
        assert!(caps.iter().any(|(t, l)| t == "PARIS" && *l == Label::Location), "{caps:?}");
        let title = names("Obama Visits Germany\nBarack Obama arrived in Germany on Monday.");
        assert!(title.iter().any(|(t, l)| t == "Germany" && *l == Label::Location), "{title:?}");
    }

    #[test]
    fn lower_case_text_and_odd_input_do_not_panic() {
        for text in ["", " ", "\n\n", "😊", "😊 👨‍👩‍👧 🇩🇪", "all lower case text about new york and john smith",
            "ALL CAPS TEXT ABOUT NEW YORK AND JOHN SMITH", "a", ".", "'s", "- -- ---", "北京欢迎你", "Zürich – São Paulo 🙂 Ωmega"]
        {
            let doc = Document::new(text);
            for mention in Tagger::builtin().mentions(&doc) {
                assert!(!mention.span.is_empty() && mention.span.end <= text.len());
                assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
            }
        }
    }

    #[test]
    fn long_runs_of_capitals_and_periods_stay_linear() {
        let capitals = "Alpha Beta Gamma Delta ".repeat(5_000);
        let periods = ".".repeat(20_000) + &" . A".repeat(5_000);
        for text in [capitals.as_str(), periods.as_str()] {
            let doc = Document::new(text);
            let mentions = Tagger::builtin().mentions(&doc);
            assert!(mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
    }

    #[test]
    fn second_pass_over_cached_scores_equals_a_full_pass() {
        let Some(tagger) = builtin_or_skip() else { return };
        let text = "Obama Visits Germany\n\nBarack Obama arrived in Germany on Monday. Obama said it was great.";
        let doc = Document::new(text);
        let mut ctx = DocContext::new(&doc);
        let mut scores = Vec::new();
        let first = tagger.tags(&doc, &ctx, Pass::First(&mut scores));
        ctx.set_first_pass(&doc, first.iter().map(|&t| kind_code(usize::from(t))).collect());
        assert_eq!(tagger.tags(&doc, &ctx, Pass::Second(&scores, &first)), tagger.tags(&doc, &ctx, Pass::Full));
    }

    /// Each token's first-pass scores, from every feature hashed one by one.
    fn full_scores(tagger: &Tagger, doc: &Document, ctx: &DocContext) -> Vec<i16> {
        let mut features = SentenceFeatures::default();
        let mut full = Vec::new();
        for sentence in &doc.sentences {
            features.extract(doc, ctx, &tagger.gazetteer, sentence);
            for i in 0..features.len() {
                let mut acc = [0i32; NTAGS];
                tagger.score(features.token(i), &mut acc);
                full.extend(acc.iter().map(|&a| a.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16));
            }
            full.resize(sentence.tokens.end * NTAGS, 0);
        }
        full
    }

    #[test]
    fn cached_form_scores_equal_the_full_features() {
        let Some(tagger) = builtin_or_skip() else { return };
        // More distinct words than the cache keeps, so some are scored uncached.
        let word = |mut n: usize| {
            let mut w = String::from("Q");
            while n > 0 {
                w.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            w
        };
        let many: Vec<String> = (0..forms::MAX_FORMS + 500).map(word).collect();
        let text = format!(
            "Obama Visits Germany\n\nBarack Obama arrived in Germany on Monday. \"Obama\" said: it was great, Obama. {}",
            many.chunks(12).map(|c| c.join(" ") + ".").collect::<Vec<_>>().join(" ")
        );
        let doc = Document::new(&text);
        let ctx = DocContext::new(&doc);
        let mut scores = Vec::new();
        tagger.tags(&doc, &ctx, Pass::First(&mut scores));
        assert_eq!(scores, full_scores(tagger, &doc, &ctx));
    }

    #[test]
    fn empty_tagger_finds_nothing() {
        let doc = Document::new("Angela Merkel visited Paris.");
        assert!(Tagger::empty().mentions(&doc).is_empty());
    }
}

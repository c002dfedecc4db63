//! The scores each distinct token form of a document contributes, in each role.
//!
//! Most of a token's features depend only on one token's form at one offset (its
//! own strings and affixes, its neighbours' strings). A text repeats its forms a
//! lot, so scoring those features once per form and adding up five cached score
//! vectors per token replaces most hashing and table lookups of the tagger.

use super::clusters::Clusters;
use super::features::{form_features, Role, Slot, END, START};
use super::hash::{fnv, HashMap64};
use super::tags::NTAGS;
use super::weights::Weights;
use crate::text::{Document, Norm, Token, TokenKind};
use std::cell::RefCell;

/// Forms kept for a whole document (about 130 bytes each, so at most 4.3 MB). Beyond,
/// new forms are scored for their sentence only. 1 MB of news has about 19,500 distinct
/// forms: at 2^15 rather than 2^14, with the memo below doubled too, analyze() of 1 MB
/// of CoNLL-2003 news is 2.6-3.7% faster (tools/compare-builds.mjs, both orders) and
/// the peak memory of `make bench` on 10 MB 394 MB instead of 380 (2^16: 404 MB).
pub(crate) const MAX_FORMS: usize = 1 << 15;

/// New forms of one sentence kept past a full [`MAX_FORMS`] without growing the forms'
/// buffer: more than most sentences have.
const SENTENCE_FORMS: usize = 512;

/// The id of the padding before a sentence.
pub(crate) const START_FORM: u32 = 0;
/// The id of the padding after a sentence.
pub(crate) const END_FORM: u32 = 1;

/// Forms remembered from earlier documents; when full, the memo starts over. A hash
/// table keeps 32,768 slots of about 220 bytes for up to this many (7/8 of them), so
/// the memo holds about 8 MB at most.
const MEMO_FORMS: usize = 28_672;

type Scores = [[i16; NTAGS]; Role::ALL.len()];

/// One form: its hashes and its scores in each role of [`Role::ALL`].
struct Form {
    slot: Slot,
    scores: Scores,
}

impl Form {
    fn new(weights: &Weights, slot: Slot, token: Option<&Token>) -> Self {
        let mut scores = [[0i16; NTAGS]; Role::ALL.len()];
        for (role, out) in Role::ALL.into_iter().zip(&mut scores) {
            let mut acc = [0i32; NTAGS];
            form_features(role, slot, token.filter(|_| role == Role::Centre), &mut |h| weights.add(h.finish(), &mut acc));
            for (o, a) in out.iter_mut().zip(acc) {
                *o = a.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
            }
        }
        Form { slot, scores }
    }

    /// The form of `token` (whose text and kind hash to `key`), from the memo when an
    /// earlier document had it. The memo is per set of weights: the word classes
    /// `clusters` come from the same model file.
    fn remembered(weights: &Weights, clusters: &Clusters, doc: &Document, token: &Token, key: u64) -> Self {
        let raw = token.text(doc.text);
        MEMO.with_borrow_mut(|memo| {
            if memo.weights != weights.id {
                *memo = Memo { weights: weights.id, forms: HashMap64::default() };
            }
            if let Some(known) = memo.forms.get(&key).filter(|m| m.raw.as_str() == raw && m.kind == token.kind) {
                return Form { slot: known.slot, scores: known.scores };
            }
            let form = Form::new(weights, Slot::of(doc, token, clusters), Some(token));
            if memo.forms.len() >= MEMO_FORMS {
                memo.forms.clear();
            }
            memo.forms.insert(key, Remembered { raw: raw.into(), kind: token.kind, slot: form.slot, scores: form.scores });
            form
        })
    }
}

/// A form scored in an earlier document. Its scores depend only on its text and kind
/// (and the weights), and most words of a text were in the texts before it, so a batch
/// of documents, or a text edited and analysed again, skips most of the scoring (about
/// 22 weight lookups a form).
struct Remembered {
    /// The text, inline when short (as most are), so that checking a memo entry reads
    /// no second place in memory.
    raw: Norm,
    kind: TokenKind,
    slot: Slot,
    scores: Scores,
}

/// The remembered forms of one set of weights ([`Weights::id`]), by hash of text and
/// kind.
struct Memo {
    weights: u64,
    forms: HashMap64<Remembered>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo { weights: u64::MAX, forms: HashMap64::default() });
}

/// The forms of a document met so far, by id.
pub(crate) struct Forms {
    /// Per form of the document ([`FormIds`](crate::text::FormIds)), its id here once
    /// scored, or [`UNSCORED`].
    ids: Vec<u32>,
    forms: Vec<Form>,
    /// Forms up to here stay; later ones serve the current sentence only.
    kept: usize,
}

/// The id of a document's form not scored yet, or scored for one sentence only.
const UNSCORED: u32 = u32::MAX;

impl Forms {
    /// The forms of a document of `forms` distinct forms ([`FormIds::forms`]): room is
    /// made at once rather than by growing.
    ///
    /// [`FormIds::forms`]: crate::text::FormIds::forms
    pub(crate) fn new(weights: &Weights, forms: usize) -> Self {
        // Once the document's forms fill [`MAX_FORMS`], a sentence's new ones come after
        // them until it ends: room for those of most sentences too, as growing by
        // doubling would take twice the memory at once (14 MB more on 10 MB of text).
        let mut scored = Vec::with_capacity(forms.min(MAX_FORMS + SENTENCE_FORMS) + 2);
        scored.extend([Form::new(weights, START, None), Form::new(weights, END, None)]);
        Forms { ids: vec![UNSCORED; forms], kept: scored.len(), forms: scored }
    }

    /// The id of the form of token `index` of `doc`, scored on first sight.
    pub(crate) fn id(&mut self, (weights, clusters): (&Weights, &Clusters), doc: &Document, index: usize) -> u32 {
        let form = doc.forms.form(index) as usize;
        if let Some(&id) = self.ids.get(form).filter(|&&id| id != UNSCORED) {
            return id;
        }
        let Some(token) = doc.tokens.get(index) else { return END_FORM };
        let id = self.forms.len() as u32;
        let key = fnv(token.text(doc.text).as_bytes()) ^ token.kind as u64;
        self.forms.push(Form::remembered(weights, clusters, doc, token, key));
        if self.forms.len() <= MAX_FORMS {
            if let Some(slot) = self.ids.get_mut(form) {
                *slot = id;
            }
            self.kept = self.forms.len();
        }
        id
    }

    /// Forgets the forms kept for one sentence only.
    pub(crate) fn end_sentence(&mut self) {
        self.forms.truncate(self.kept);
    }

    /// The hashes of form `id`.
    pub(crate) fn slot(&self, id: u32) -> Slot {
        self.forms.get(id as usize).map_or(END, |f| f.slot)
    }

    /// Adds the form scores of the token in the middle of `window` (the ids of the
    /// tokens two before to two after it) to `acc`.
    #[inline(never)]
    pub(crate) fn add(&self, window: &[u32], acc: &mut [i32; NTAGS]) {
        let &[p2, p1, w, n1, n2] = window else { return };
        // Summed apart from `acc` and without bounds checks in the loop, so that the
        // adds are vectorised.
        let mut sum = *acc;
        for (role, id) in [w, p1, n1, p2, n2].into_iter().enumerate() {
            let Some(scores) = self.forms.get(id as usize).and_then(|form| form.scores.get(role)) else { continue };
            for (a, &s) in sum.iter_mut().zip(scores) {
                *a += i32::from(s);
            }
        }
        *acc = sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tagger::Tagger;

    fn builtin() -> (&'static Weights, &'static Clusters) {
        let tagger = Tagger::builtin().expect("models/ner.bin decodes");
        (&tagger.weights, &tagger.clusters)
    }

    fn key(doc: &Document, token: &Token) -> u64 {
        fnv(token.text(doc.text).as_bytes()) ^ token.kind as u64
    }

    #[test]
    fn remembered_forms_equal_freshly_scored_ones_of_the_same_tagger() {
        let (weights, clusters) = builtin();
        assert!(!weights.is_empty());
        let doc = Document::new("Paris met Paris, and BERLIN met 2024 Berlin.");
        for token in &doc.tokens {
            let fresh = Form::new(weights, Slot::of(&doc, token, clusters), Some(token));
            for _ in 0..2 {
                let remembered = Form::remembered(weights, clusters, &doc, token, key(&doc, token));
                assert_eq!((remembered.slot, remembered.scores), (fresh.slot, fresh.scores), "{:?}", token.text(doc.text));
            }
        }
        let nothing = Weights::empty();
        for token in &doc.tokens {
            assert_eq!(Form::remembered(&nothing, clusters, &doc, token, key(&doc, token)).scores, [[0; NTAGS]; Role::ALL.len()]);
        }
    }

    #[test]
    fn a_colliding_key_does_not_give_another_forms_scores() {
        let (weights, clusters) = builtin();
        let doc = Document::new("Paris and London.");
        let [paris, _, london, _] = [0, 1, 2, 3].map(|i| &doc.tokens[i]);
        Form::remembered(weights, clusters, &doc, paris, 7);
        let london_form = Form::remembered(weights, clusters, &doc, london, 7);
        let fresh = Form::new(weights, Slot::of(&doc, london, clusters), Some(london));
        assert_eq!(london_form.scores, fresh.scores);
    }
}

//! Training (feature `train` only, never in the WebAssembly build): an averaged
//! structured perceptron over documents with gold entity offsets.

use super::buckets::Buckets;
pub use super::clusters::Clusters;
use super::decode::viterbi;
use super::features::{DocContext, SentenceFeatures};
use super::gazetteer::{self, Gazetteer};
use super::tagger::{Pass, Tagger};
use super::tags::{kind_code, part_of, tag_of, Kind, Part, NTAGS};
use super::weights::Weights;
use crate::text::Document;

/// A training document: raw text and its gold names as byte offsets.
#[derive(Clone, Debug)]
pub struct TrainDoc {
    /// The text as a user would paste it.
    pub text: String,
    /// Gold names: start and end byte offsets and kind.
    pub entities: Vec<(usize, usize, Kind)>,
    /// How many times each epoch sees the document's sentences: a small domain is
    /// repeated so that a large one does not drown it.
    pub repeat: usize,
    /// Kinds the document's annotation does not mark wherever they occur (the Broad
    /// Twitter Corpus has no MISC): a name of such a kind tagged where the gold has
    /// no name is not counted as an error.
    pub unannotated: Vec<Kind>,
    /// Byte ranges whose names the annotation leaves open: a name of any kind tagged
    /// wholly inside one, where the gold has none, is not counted as an error (the
    /// "Kurdistan" of re3d's organisation "the Kurdistan regional government").
    pub uncertain: Vec<(usize, usize)>,
}

/// Settings of a training run.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Hash bits of the feature table.
    pub bits: u32,
    /// Folds of the jackknife that gives training documents gazetteer features from
    /// the other folds' names only, as unseen text will get them.
    pub folds: usize,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Longest name (in tokens) kept in the gazetteer.
    pub gazetteer_len: usize,
    /// Also train on copies of the headlines in capitals rewritten in title case,
    /// which news on the web uses and CoNLL hardly has.
    pub title_case_copies: bool,
    /// Every this many documents, one is also learned from in lower case and one in
    /// capitals (0: none), as people paste text typed without capitals or shouted.
    /// At 16, CoNLL-2003 dev written in lower case scores 83.4 through the entity stage
    /// (66.9 without copies) and in capitals 85.3 (78.0), while CoNLL dev as written
    /// stays at 92.5 (two seeds; at 8, 92.0 and 92.6, and the model grows by 13%).
    pub case_copies: usize,
    /// Epochs of the jackknifed first-pass models (0: no document-history features).
    pub first_pass_epochs: usize,
    /// Quantile of absolute weights that maps to the largest `i8` in the first-pass
    /// models (which are never shipped, so they keep all the precision an `i8` has);
    /// larger weights are clipped.
    pub clip_quantile: f64,
    /// Features seen in fewer training tokens than this get no weights: they are
    /// about a third of the rows, and the model does as well without them.
    pub min_count: u32,
    /// Perceptrons trained on differently shuffled sentences whose weights are
    /// averaged into the model: one perceptron's dev score varies by a few tenths
    /// with the shuffle, their mean much less, and weights the perceptrons disagree
    /// on shrink towards zero.
    pub members: usize,
    /// Averaged weights smaller than this in magnitude are dropped from the model.
    /// Most of them belong to features updated once or twice.
    pub min_weight: f32,
    /// Shipped weights are the averaged ones times this, rounded, so that the weights
    /// below 1.7 in magnitude go and the rest take fewer distinct values. Trained on
    /// the five English sets (before the case copies and list features), 1.0 gave a
    /// model of 327 KB gzipped and 0.33 one of 222 KB, with the same dev scores (CoNLL
    /// 92.0 over two seeds); 0.2 makes it 240 KB but CoNLL varies from 91.5 to 92.3
    /// with the seed, and 0.1 loses 1.4.
    pub scale: f32,
    /// Rows (a bucket's weights, after rounding) whose magnitudes sum to less than this
    /// are not stored. On the five English sets, 2 drops the 14,649 of 34,778 rows that
    /// hold a single weight of 1 (147.6 -> 122.9 KB gzipped) for dev micro F1 CoNLL
    /// 92.46 -> 92.48, BTC 74.12 -> 73.43, WNUT-17 49.13 -> 49.14, re3d 37.25 -> 37.25
    /// and SEC 21.19 -> 21.78; 3, which also drops the rows of two weights of 1, saves
    /// 25 KB more but costs BTC 1.9 more and SEC's names 2.0 (see `train_ner`).
    pub min_row_weight: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { bits: 20, folds: 5, seed: 0x5eed, gazetteer_len: 6, title_case_copies: true, case_copies: 16, first_pass_epochs: 6, clip_quantile: 0.99999, min_count: 3, members: 3, min_weight: 1.5, scale: 0.3, min_row_weight: 1 }
    }
}

/// One training sentence: its tokens' features (bucket numbers) and gold tags.
struct Example {
    offsets: Vec<u32>,
    features: Vec<u32>,
    gold: Vec<usize>,
    /// Bit `k` set: kind `k` is not annotated throughout (see [`TrainDoc::unannotated`]).
    unannotated: u8,
    /// Per token, whether it is in an uncertain range (see [`TrainDoc::uncertain`]);
    /// empty when none is.
    free: Vec<bool>,
}

/// A parsed training document and, per token, the gold name it belongs to.
type Parsed<'d> = (Document<'d>, Vec<Option<(usize, Kind)>>);

/// A document to learn from: an input document or a rewritten copy of one.
struct Source<'a> {
    text: &'a str,
    entities: &'a [(usize, usize, Kind)],
    /// Index of the input document (itself, or the one copied).
    input: usize,
    /// The copied document's text, for a copy.
    original: Option<&'a str>,
    /// The input document's [`TrainDoc::unannotated`] kinds, as a bit set.
    unannotated: u8,
    /// The input document's [`TrainDoc::uncertain`] ranges.
    uncertain: &'a [(usize, usize)],
    /// The input document's [`TrainDoc::repeat`], at least 1.
    repeat: usize,
}

/// Statistics of the alignment of gold names to the tokenizer's tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct Alignment {
    /// Gold names.
    pub names: usize,
    /// Names whose edges fall inside a token, so the token is taken whole.
    pub inexact: usize,
    /// Names split by a sentence boundary of the segmenter.
    pub split: usize,
    /// Names overlapping an earlier name's tokens (dropped).
    pub dropped: usize,
}

/// Weights of an averaged perceptron being trained.
struct Perceptron {
    bits: u32,
    /// Current weights and the running sums for averaging: emission rows, then
    /// transitions, start and end scores.
    weights: Vec<f32>,
    sums: Vec<f32>,
    updates: f32,
}

/// A perceptron being trained on a corpus.
pub struct Trainer {
    settings: Settings,
    examples: Vec<Example>,
    /// The perceptrons of the ensemble, each with its own order of the sentences.
    members: Vec<(Perceptron, Vec<usize>)>,
    rng: u64,
    gazetteer: Gazetteer,
    clusters: Clusters,
    /// How the gold names fit the tokens.
    pub alignment: Alignment,
}

/// Per-token gold (entity index, kind) of a document, from byte offsets.
fn token_entities(doc: &Document, entities: &[(usize, usize, Kind)], stats: &mut Alignment) -> Vec<Option<(usize, Kind)>> {
    let mut owner: Vec<Option<(usize, Kind)>> = vec![None; doc.tokens.len()];
    for (e, &(start, end, kind)) in entities.iter().enumerate() {
        stats.names += 1;
        let first = doc.tokens.partition_point(|t| t.span.end <= start);
        let last = doc.tokens.partition_point(|t| t.span.start < end);
        if first >= last {
            stats.dropped += 1;
            continue;
        }
        if doc.tokens[first].span.start != start || doc.tokens[last - 1].span.end != end {
            stats.inexact += 1;
        }
        if owner[first..last].iter().any(Option::is_some) {
            stats.dropped += 1;
            continue;
        }
        let sentences = doc.sentences.iter().filter(|s| s.tokens.start < last && first < s.tokens.end).count();
        if sentences > 1 {
            stats.split += 1;
        }
        for slot in &mut owner[first..last] {
            *slot = Some((e, kind));
        }
    }
    owner
}

/// BILOU tags of a sentence from per-token owners.
fn gold_tags(owner: &[Option<(usize, Kind)>]) -> Vec<usize> {
    (0..owner.len())
        .map(|j| match owner[j] {
            None => 0,
            Some((e, kind)) => {
                let same = |k: Option<usize>| k.and_then(|k| owner.get(k)).is_some_and(|o| o.is_some_and(|(x, _)| x == e));
                let part = match (same(j.checked_sub(1)), same(Some(j + 1))) {
                    (false, false) => Part::Unit,
                    (false, true) => Part::Begin,
                    (true, true) => Part::Inside,
                    (true, false) => Part::Last,
                };
                tag_of(kind, part)
            }
        })
        .collect()
}

/// Gazetteer entries of the gold names of some documents.
fn gazetteer_entries<'a, 'd: 'a>(docs: impl Iterator<Item = &'a Parsed<'d>>, max_len: usize) -> Vec<(u32, u8)> {
    let mut entries = Vec::new();
    for (doc, owner) in docs {
        let mut j = 0;
        while j < owner.len() {
            let Some((e, kind)) = owner[j] else {
                j += 1;
                continue;
            };
            let end = j + owner[j..].iter().take_while(|o| o.is_some_and(|(x, _)| x == e)).count();
            if end - j <= max_len {
                entries.push((gazetteer::key(doc.tokens[j..end].iter().map(|t| t.norm.as_str())), 1u8 << kind.index()));
            }
            j = end;
        }
    }
    entries
}

/// Features of every sentence of a document, with gold tags.
///
/// For a rewritten copy of a document, only the sentences that differ from the
/// `original` text are kept: the rest would count twice.
fn examples_of(parsed: &Parsed, source: &Source, ctx: &DocContext, tables: (&Gazetteer, &Clusters), bits: u32, out: &mut Vec<Example>) {
    let original = source.original;
    let (doc, owner) = parsed;
    let shift = 64 - bits;
    let mut features = SentenceFeatures::default();
    for sentence in &doc.sentences {
        if original.is_some_and(|o| o.get(sentence.span.start..sentence.span.end) == Some(doc.slice(sentence.span))) {
            continue;
        }
        features.extract(doc, ctx, tables, sentence);
        let gold = gold_tags(&owner[sentence.tokens.clone()]);
        let tokens = doc.sentence_tokens(sentence);
        let free = if tokens.iter().any(|t| source.uncertain.iter().any(|&(s, e)| s < t.span.end && t.span.start < e)) {
            tokens.iter().map(|t| source.uncertain.iter().any(|&(s, e)| s <= t.span.start && t.span.end <= e)).collect()
        } else {
            Vec::new()
        };
        let mut example = Example { offsets: vec![0], features: Vec::new(), gold, unannotated: source.unannotated, free };
        for t in 0..features.len() {
            example.features.extend(features.token(t).iter().map(|&h| (h >> shift) as u32));
            example.offsets.push(example.features.len() as u32);
        }
        out.push(example);
    }
}

fn kinds_mask(kinds: &[Kind]) -> u8 {
    kinds.iter().fold(0, |m, k| m | 1 << k.index())
}

/// The gold tags with every predicted name that lies wholly where the gold has no
/// name put in, when it is of an unannotated kind (bit set `mask`) or on tokens that
/// are `free` (see [`Example::free`]), so that the update does not count it as an
/// error; `None` when there is none.
fn with_unannotated(gold: &[usize], pred: &[usize], mask: u8, free: &[bool]) -> Option<Vec<usize>> {
    if mask == 0 && free.is_empty() {
        return None;
    }
    let mut out: Option<Vec<usize>> = None;
    let mut start = 0;
    for (t, &tag) in pred.iter().enumerate() {
        let (part, kind) = part_of(tag);
        if matches!(part, Part::Begin | Part::Unit) {
            start = t;
        }
        let outside = |range: std::ops::Range<usize>| gold.get(range).is_some_and(|g| g.iter().all(|&x| x == 0));
        let open = mask & (1 << kind) != 0 || free.get(start..t + 1).is_some_and(|f| f.iter().all(|&x| x));
        if matches!(part, Part::Last | Part::Unit) && open && outside(start..t + 1) {
            out.get_or_insert_with(|| gold.to_vec())[start..=t].copy_from_slice(&pred[start..=t]);
        }
    }
    out
}

/// Function words a title-case headline keeps in lower case.
const SMALL_WORDS: [&str; 16] = ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "by", "with", "from", "as", "v"];

/// The text with every line in capitals rewritten in title case ("SOCCER - JAPAN GET
/// LUCKY WIN" → "Soccer - Japan Get Lucky Win"), or `None` if it has no such line.
/// Only ASCII letters change case, so every byte offset stays valid.
fn title_case_headlines(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        if line.chars().any(char::is_lowercase) || line.chars().filter(|c| c.is_ascii_alphabetic()).count() < 4 {
            out.push_str(line);
            continue;
        }
        changed = true;
        for (i, word) in line.split_inclusive(' ').enumerate() {
            let lower = word.to_ascii_lowercase();
            if i > 0 && SMALL_WORDS.contains(&lower.trim_end()) {
                out.push_str(&lower);
                continue;
            }
            let mut after_break = true;
            for c in word.chars() {
                out.push(if after_break { c } else { c.to_ascii_lowercase() });
                after_break = matches!(c, '.' | '-' | '/' | '(' | '"');
            }
        }
    }
    changed.then_some(out)
}

/// Drops from every example the features seen in fewer than `min_count` tokens.
fn prune_rare(examples: &mut [Example], bits: u32, min_count: u32) {
    if min_count <= 1 {
        return;
    }
    let mut counts = vec![0u32; 1 << bits];
    for f in examples.iter().flat_map(|e| &e.features) {
        counts[*f as usize] = counts[*f as usize].saturating_add(1);
    }
    for e in examples.iter_mut() {
        let (mut features, mut offsets) = (Vec::with_capacity(e.features.len()), vec![0]);
        for t in 0..e.gold.len() {
            features.extend(e.features[e.offsets[t] as usize..e.offsets[t + 1] as usize].iter().filter(|&&f| counts[f as usize] >= min_count));
            offsets.push(features.len() as u32);
        }
        e.features = features;
        e.offsets = offsets;
    }
}

fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let size = (NTAGS << bits) + NTAGS * NTAGS + 2 * NTAGS;
        Perceptron { bits, weights: vec![0.0; size], sums: vec![0.0; size], updates: 1.0 }
    }

    /// One pass over `examples` in the given order; returns the number of
    /// sentences that were tagged wrong.
    fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let trans_at = NTAGS << self.bits;
        let (start_at, end_at) = (trans_at + NTAGS * NTAGS, trans_at + NTAGS * NTAGS + NTAGS);
        let (mut emit, mut pred, mut back) = (Vec::new(), Vec::new(), Vec::new());
        let mut errors = 0;
        for &e in order {
            let ex = &examples[e];
            let n = ex.gold.len();
            emit.clear();
            emit.resize(n * NTAGS, 0.0f32);
            for t in 0..n {
                let row = &mut emit[t * NTAGS..(t + 1) * NTAGS];
                for &f in &ex.features[ex.offsets[t] as usize..ex.offsets[t + 1] as usize] {
                    let w = &self.weights[f as usize * NTAGS..(f as usize + 1) * NTAGS];
                    for (a, &b) in row.iter_mut().zip(w) {
                        *a += b;
                    }
                }
            }
            let w = &self.weights;
            viterbi(&emit, &w[trans_at..start_at], &w[start_at..end_at], &w[end_at..], &mut pred, &mut back);
            self.updates += 1.0;
            let gold = with_unannotated(&ex.gold, &pred, ex.unannotated, &ex.free);
            let gold = gold.as_deref().unwrap_or(&ex.gold);
            if pred == gold {
                continue;
            }
            errors += 1;
            let c = self.updates;
            let (weights, sums) = (&mut self.weights, &mut self.sums);
            let mut bump = |i: usize, d: f32| {
                weights[i] += d;
                sums[i] += c * d;
            };
            for t in 0..n {
                let (g, p) = (gold[t], pred.get(t).copied().unwrap_or(0));
                if g != p {
                    for &f in &ex.features[ex.offsets[t] as usize..ex.offsets[t + 1] as usize] {
                        bump(f as usize * NTAGS + g, 1.0);
                        bump(f as usize * NTAGS + p, -1.0);
                    }
                }
                let (gp, pp) = if t == 0 {
                    (start_at + g, start_at + p)
                } else {
                    (trans_at + gold[t - 1] * NTAGS + g, trans_at + pred[t - 1] * NTAGS + p)
                };
                bump(gp, 1.0);
                bump(pp, -1.0);
            }
            if let (Some(&g), Some(&p)) = (gold.last(), pred.last()) {
                bump(end_at + g, 1.0);
                bump(end_at + p, -1.0);
            }
        }
        errors
    }

    /// The averaged weights: emission rows, then transitions, start and end scores.
    fn averaged(&self) -> Vec<f32> {
        let c = self.updates;
        self.weights.iter().zip(&self.sums).map(|(w, s)| w - s / c).collect()
    }
}

/// Weights `avg` (as [`Perceptron::averaged`] lays them out) scaled by `scale` and
/// quantized to `i8`, as a tagger. Emission weights below `min_weight` in magnitude
/// (before scaling) become zero, and rows whose weights' magnitudes then sum to less
/// than `min_row_weight` (at least 1: rows without weights) are not stored.
fn quantized(bits: u32, avg: &[f32], scale: f32, (min_weight, min_row_weight): (f32, u32), (gazetteer, clusters): (&Gazetteer, &Clusters)) -> Tagger {
    let trans_at = NTAGS << bits;
    let mut used = Vec::new();
    let mut weights = Vec::new();
    for bucket in 0..1usize << bits {
        let row: Vec<i8> = avg[bucket * NTAGS..(bucket + 1) * NTAGS]
            .iter()
            .map(|&w| if w.abs() < min_weight { 0 } else { (w * scale).round().clamp(-127.0, 127.0) as i8 })
            .collect();
        if row.iter().map(|w| u32::from(w.unsigned_abs())).sum::<u32>() >= min_row_weight.max(1) {
            weights.extend_from_slice(&row);
            used.push(bucket);
        }
    }
    let index = Buckets::from_sorted(bits, used).unwrap_or_default();
    let scores = |range: std::ops::Range<usize>| -> Vec<i64> { avg[range].iter().map(|w| (w * scale).round() as i64).collect() };
    let start_at = trans_at + NTAGS * NTAGS;
    Tagger {
        weights: Weights::new(bits, index, weights),
        trans: scores(trans_at..start_at),
        start: scores(start_at..start_at + NTAGS),
        end: scores(start_at + NTAGS..start_at + 2 * NTAGS),
        gazetteer: gazetteer.clone(),
        clusters: clusters.clone(),
        calibration: None,
    }
}

/// The scale that maps the `clip_quantile` quantile of the nonzero emission weights
/// to 127.
fn clip_scale(bits: u32, avg: &[f32], clip_quantile: f64) -> f32 {
    let mut magnitudes: Vec<f32> = avg[..NTAGS << bits].iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
    magnitudes.sort_unstable_by(f32::total_cmp);
    let at = ((magnitudes.len() as f64 * clip_quantile) as usize).min(magnitudes.len().saturating_sub(1));
    127.0 / magnitudes.get(at).copied().unwrap_or(1.0).max(f32::MIN_POSITIVE)
}

/// Every document with the document it copies (if it is a copy): a copy is in its
/// original's fold, so no model tags a text it has seen in another case.
fn sources<'a>(docs: &'a [TrainDoc], copies: &'a [(usize, String)]) -> Vec<Source<'a>> {
    let source = |input: usize, text: &'a str, original: Option<&'a str>| {
        let doc = &docs[input];
        Source { text, entities: &doc.entities, input, original, unannotated: kinds_mask(&doc.unannotated), uncertain: &doc.uncertain, repeat: doc.repeat.max(1) }
    };
    docs.iter().enumerate().map(|(i, d)| source(i, &d.text, None)).chain(copies.iter().map(|(i, text)| source(*i, text, Some(&docs[*i].text)))).collect()
}

/// The folds of the jackknife: a source is in its input document's fold.
struct Folds<'s, 'a> {
    count: usize,
    sources: &'s [Source<'a>],
}

impl Folds<'_, '_> {
    /// The fold of source `i`.
    fn of(&self, i: usize) -> usize {
        self.sources[i].input % self.count
    }

    /// How many times an epoch sees the sentences of source `i`.
    fn repeat(&self, i: usize) -> usize {
        self.sources[i].repeat
    }
}

/// Tags every training document with a model trained on the other folds
/// (`first_pass_epochs` epochs), as unseen text gets tagged by the first pass, and
/// records the tags in its context for the document-history features.
fn first_pass(parsed: &[Parsed], folds: &Folds, (fold_gazetteers, clusters): (&[Gazetteer], &Clusters), settings: &Settings, contexts: &mut [DocContext], rng: &mut u64) {
    let mut local = Vec::new();
    let mut doc_of = Vec::new();
    for (i, (p, ctx)) in parsed.iter().zip(contexts.iter()).enumerate() {
        examples_of(p, &folds.sources[i], ctx, (&fold_gazetteers[folds.of(i)], clusters), settings.bits, &mut local);
        doc_of.resize(local.len(), i);
    }
    let mut first_pass: Vec<Vec<u8>> = vec![Vec::new(); parsed.len()];
    for (k, fold_gazetteer) in fold_gazetteers.iter().enumerate() {
        let mut order: Vec<usize> =
            (0..local.len()).filter(|&e| folds.of(doc_of[e]) != k).flat_map(|e| std::iter::repeat_n(e, folds.repeat(doc_of[e]))).collect();
        let mut perceptron = Perceptron::new(settings.bits);
        for _ in 0..settings.first_pass_epochs {
            shuffle(&mut order, rng);
            perceptron.epoch(&local, &order);
        }
        let avg = perceptron.averaged();
        let tagger = quantized(settings.bits, &avg, clip_scale(settings.bits, &avg, settings.clip_quantile), (0.0, 1), (fold_gazetteer, clusters));
        for (i, (doc, _)) in parsed.iter().enumerate().filter(|&(i, _)| folds.of(i) == k) {
            first_pass[i] = tagger.tags(doc, &contexts[i], Pass::Full).iter().map(|&t| kind_code(usize::from(t))).collect();
        }
    }
    for ((ctx, kinds), (doc, _)) in contexts.iter_mut().zip(first_pass).zip(parsed) {
        ctx.set_first_pass(doc, kinds);
    }
}

impl Trainer {
    /// Prepares training: tokenizes the documents, aligns the gold names and
    /// extracts every sentence's features once.
    ///
    /// The document-history features need a first pass over each training
    /// document by a model that has not seen it: a jackknife trains one model per
    /// fold on the other folds (`first_pass_epochs` epochs each) to tag it.
    pub fn new(docs: &[TrainDoc], settings: Settings, clusters: Clusters) -> Trainer {
        let mut alignment = Alignment::default();
        let mut copies: Vec<(usize, String)> = if settings.title_case_copies {
            docs.iter().enumerate().filter_map(|(i, d)| Some((i, title_case_headlines(&d.text)?))).collect()
        } else {
            Vec::new()
        };
        if settings.case_copies > 0 {
            // ASCII case changes keep every byte offset.
            let every = settings.case_copies;
            for (i, d) in docs.iter().enumerate() {
                if i % every == 1 {
                    copies.push((i, d.text.to_ascii_lowercase()));
                } else if i % every == 1 + every / 2 {
                    copies.push((i, d.text.to_ascii_uppercase()));
                }
            }
        }
        let sources = sources(docs, &copies);
        let parsed: Vec<Parsed> = sources
            .iter()
            .map(|source| {
                let doc = Document::new(source.text);
                let owner = token_entities(&doc, source.entities, &mut alignment);
                (doc, owner)
            })
            .collect();
        let folds = Folds { count: settings.folds.max(2), sources: &sources };
        let fold_gazetteers: Vec<Gazetteer> = (0..folds.count)
            .map(|k| {
                let others = parsed.iter().zip(&sources).filter(|(_, s)| s.input % folds.count != k && s.original.is_none()).map(|(d, _)| d);
                Gazetteer::from_entries(gazetteer_entries(others, settings.gazetteer_len), settings.gazetteer_len)
            })
            .collect();
        let originals = parsed.iter().zip(&sources).filter(|(_, s)| s.original.is_none()).map(|(d, _)| d);
        let gazetteer = Gazetteer::from_entries(gazetteer_entries(originals, settings.gazetteer_len), settings.gazetteer_len);
        let mut contexts: Vec<DocContext> = parsed.iter().map(|(doc, _)| DocContext::new(doc)).collect();
        let mut rng = settings.seed.max(1); // xorshift needs a nonzero state (`| 1` made seed 2 train as 3)
        if settings.first_pass_epochs > 0 {
            first_pass(&parsed, &folds, (&fold_gazetteers, &clusters), &settings, &mut contexts, &mut rng);
        }
        let mut examples = Vec::new();
        let mut order = Vec::new();
        for (i, (p, ctx)) in parsed.iter().zip(&contexts).enumerate() {
            let before = examples.len();
            examples_of(p, &sources[i], ctx, (&fold_gazetteers[folds.of(i)], &clusters), settings.bits, &mut examples);
            order.extend((before..examples.len()).flat_map(|e| std::iter::repeat_n(e, folds.repeat(i))));
        }
        prune_rare(&mut examples, settings.bits, settings.min_count);
        Trainer {
            settings,
            members: (0..settings.members.max(1)).map(|_| (Perceptron::new(settings.bits), order.clone())).collect(),
            examples,
            rng,
            gazetteer,
            clusters,
            alignment,
        }
    }

    /// How many training tokens have each feature bucket, by bucket.
    pub fn bucket_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; 1 << self.settings.bits];
        for &bucket in self.examples.iter().flat_map(|e| &e.features) {
            if let Some(count) = counts.get_mut(bucket as usize) {
                *count += 1;
            }
        }
        counts
    }

    /// Number of training sentences.
    pub fn sentences(&self) -> usize {
        self.examples.len()
    }

    /// One pass of every perceptron over its shuffled training sentences; returns
    /// the mean number of sentences that were tagged wrong.
    pub fn epoch(&mut self) -> usize {
        let mut errors = 0;
        for (perceptron, order) in &mut self.members {
            shuffle(order, &mut self.rng);
            errors += perceptron.epoch(&self.examples, order);
        }
        errors / self.members.len().max(1)
    }

    /// The mean of the perceptrons' averaged weights.
    fn averaged(&self) -> Vec<f32> {
        let mut sum = Vec::new();
        for (perceptron, _) in &self.members {
            let avg = perceptron.averaged();
            sum.resize(avg.len(), 0.0);
            for (s, w) in sum.iter_mut().zip(avg) {
                *s += w;
            }
        }
        let n = self.members.len().max(1) as f32;
        sum.iter().map(|s| s / n).collect()
    }

    /// The model, its weights rounded to integers, as a tagger.
    ///
    /// A perceptron's weights count updates, so units are their natural scale: finer
    /// steps gain nothing on dev, and rounding sends to zero the many weights of
    /// features that were updated once, early, and averaged below one half.
    pub fn tagger(&self) -> Tagger {
        quantized(self.settings.bits, &self.averaged(), self.settings.scale, (self.settings.min_weight, self.settings.min_row_weight), (&self.gazetteer, &self.clusters))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_names_are_added_only_where_the_gazetteer_has_none() {
        let tagger = Tagger::builtin().expect("models/ner.bin decodes");
        let kinds = |t: &Tagger, words: &[&str]| {
            let key = gazetteer::key(words.iter().copied());
            t.gazetteer.keys.binary_search(&key).ok().map(|i| t.gazetteer.types[i])
        };
        let known = tagger.gazetteer.keys.len();
        let paris = kinds(tagger, &["paris"]).expect("the English gazetteer knows Paris");
        let added = tagger.with_gazetteer_names([(vec!["paris"], Kind::Org), (vec!["xyzzy", "land"], Kind::Location)]);
        assert_eq!(kinds(&added, &["paris"]), Some(paris), "a known name keeps its kinds");
        assert_eq!(kinds(&added, &["xyzzy", "land"]), Some(1 << Kind::Location.index()));
        assert_eq!(added.gazetteer.keys.len(), known + 1);
        assert_eq!(added.weights.rows, tagger.weights.rows);
    }

    #[test]
    fn headlines_in_capitals_become_title_case() {
        let text = "SOCCER - JAPAN GET LUCKY WIN IN U.S. OF AMERICA.\nNADIM LADKI\nAL-AIN, United Arab Emirates 1996-12-06";
        let copy = title_case_headlines(text).unwrap();
        assert_eq!(copy, "Soccer - Japan Get Lucky Win in U.S. of America.\nNadim Ladki\nAL-AIN, United Arab Emirates 1996-12-06");
        assert_eq!(copy.len(), text.len());
        assert_eq!(title_case_headlines("Nothing in capitals here."), None);
    }

    #[test]
    fn names_the_annotation_leaves_open_are_not_errors() {
        let (per, misc) = (|p| tag_of(Kind::Person, p), |p| tag_of(Kind::Misc, p));
        let gold = [per(Part::Unit), 0, 0, 0];
        let pred = [per(Part::Unit), misc(Part::Unit), per(Part::Begin), per(Part::Last)];
        let misc_open = with_unannotated(&gold, &pred, 1 << Kind::Misc.index(), &[]).unwrap();
        assert_eq!(misc_open, [per(Part::Unit), misc(Part::Unit), 0, 0]);
        let free = with_unannotated(&gold, &pred, 0, &[false, false, true, true]).unwrap();
        assert_eq!(free, [per(Part::Unit), 0, per(Part::Begin), per(Part::Last)]);
        assert_eq!(with_unannotated(&gold, &pred, 0, &[false, false, false, true]), None);
        assert_eq!(with_unannotated(&gold, &pred, 0, &[]), None);
    }

    #[test]
    fn learns_a_toy_corpus() {
        let text = "John Smith lives in Paris.\nMary Jones works for Acme in London.\n".repeat(6);
        let mut entities = Vec::new();
        for (name, kind) in [("John Smith", Kind::Person), ("Paris", Kind::Location), ("Mary Jones", Kind::Person), ("Acme", Kind::Org), ("London", Kind::Location)] {
            entities.extend(text.match_indices(name).map(|(i, _)| (i, i + name.len(), kind)));
        }
        entities.sort_by_key(|e| e.0);
        let docs = [TrainDoc { text: text.clone(), entities, repeat: 1, unannotated: Vec::new(), uncertain: Vec::new() }];
        let mut trainer = Trainer::new(&docs, Settings { bits: 12, ..Settings::default() }, Clusters::default());
        for _ in 0..10 {
            trainer.epoch();
        }
        let tagger = trainer.tagger();
        let doc = Document::new("Mary Jones works for Acme in London.");
        let found: Vec<(&str, Kind)> = tagger.mentions(&doc).iter().map(|m| (m.span.slice(doc.text), m.kind)).collect();
        assert_eq!(found, [("Mary Jones", Kind::Person), ("Acme", Kind::Org), ("London", Kind::Location)]);
        let reloaded = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        assert_eq!(reloaded.mentions(&doc), tagger.mentions(&doc));
    }

    #[test]
    fn rows_below_the_smallest_row_weight_are_not_stored() {
        // Three buckets of 2^2: one weight of 1; one of 1 and one of -1; none; one of -3.
        let mut avg = vec![0.0f32; (NTAGS << 2) + NTAGS * NTAGS + 2 * NTAGS];
        avg[0] = 1.0;
        avg[NTAGS] = 1.0;
        avg[NTAGS + 1] = -1.0;
        avg[3 * NTAGS + 2] = -3.0;
        let tables = (&Gazetteer::default(), &Clusters::default());
        let stored = |min_row_weight| quantized(2, &avg, 1.0, (0.5, min_row_weight), tables).weights.index.iter().collect::<Vec<_>>();
        assert_eq!(stored(1), [0, 1, 3]);
        assert_eq!(stored(2), [1, 3]);
        assert_eq!(stored(3), [3]);
    }

}


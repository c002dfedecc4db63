//! The model file: a compact little-endian binary format, and the model built into
//! the library.
//!
//! ```text
//! "TLNER5"  bits:u8  tags:u8
//! transitions (tags × tags), start (tags), end (tags): i16 each
//! rows:u32  gazetteer max_len:u8  gazetteer names:u32  word classes:u32
//! coded bytes:u32, then one range-coded stream (`coder`) of:
//!   each row's bucket as a gap from the previous one
//!   each row's nonzero tags as a mask, a bit per tag
//!   the nonzero weights, row by row and in tag order within a row: sign, whether
//!     above 1, and if so by how much (a gap)
//!   the gazetteer: its keys as gaps, then one type mask (4 bits) each
//!   the word classes: their keys as gaps, then one class (8 bits) each
//! optionally: "C" count:u8, then the confidence's calibration weights, f32 each
//! ```
//!
//! The calibration (the weights of `entities::confidence`'s logistic model) travels
//! with a model that is loaded by need, so that a language's confidences come with
//! its model; the built-in English model has none in the file, its weights are
//! compiled in (`entities/calibration.rs`).
//!
//! Five weights in six are zero (most features were updated only a few times, on
//! one or two tags), so only the nonzero ones are stored. Each kind of number is
//! coded with probabilities of its own: a mask's bit in the context of its tag and
//! the bits before it, a weight's sign in the context of its tag and the signs before
//! it in its row. The English model takes 105,577 bytes gzipped where the TLNER3
//! format (varints and byte planes, left to gzip) took 122,466, with the same
//! weights; TLNER5 (the row's signs, and the word classes coded rather than left as
//! bytes) takes it from 105,571 to 104,778, and the models of German, Spanish, French
//! and Dutch from 126.4, 85.8, 58.1 and 86.0 KB gzipped to 125.0, 84.9, 57.5 and 85.4.

use super::buckets::Buckets;
use super::coder::{Decoder, Encoder, Gaps, Prob, Tree};
use super::tags::NTYPES;
use super::clusters::Clusters;
use super::gazetteer::Gazetteer;
use super::tagger::Tagger;
use super::tags::NTAGS;
use super::weights::Weights;
use crate::entities::confidence::FEATURES;
use crate::error::Error;
use std::fmt;
use std::sync::OnceLock;

const MAGIC: &[u8; 6] = b"TLNER5";
/// Opens the optional calibration section.
const CALIBRATION: u8 = b'C';
/// Hash tables larger than this are refused (a corrupt file must not allocate gigabytes).
const MAX_BITS: u8 = 24;
/// More gazetteer names or word classes than this are refused, for the same reason.
const MAX_KEYS: usize = 1 << 26;
/// Contexts of a mask bit per tag (see [`mask_context`]).
const MASK_CONTEXTS: usize = 64;

/// The model embedded in the library.
static BUILTIN: &[u8] = include_bytes!("../../../models/ner.bin");

/// The model bytes are not a valid model: what is wrong, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidModel {
    problem: &'static str,
    at: usize,
}

impl InvalidModel {
    /// What is wrong with the bytes.
    pub fn problem(&self) -> &'static str {
        self.problem
    }

    /// The byte offset where the decoder found it.
    pub fn offset(&self) -> usize {
        self.at
    }
}

impl fmt::Display for InvalidModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid named-entity model: {} (at byte {})", self.problem, self.at)
    }
}

impl std::error::Error for InvalidModel {}

impl From<InvalidModel> for Error {
    fn from(invalid: InvalidModel) -> Self {
        Error::InvalidModel(invalid.to_string())
    }
}

struct Reader<'a> {
    /// The bytes not read yet.
    bytes: &'a [u8],
    /// The length of the whole file, so that an error can say where it was found.
    len: usize,
}

impl<'a> Reader<'a> {
    fn invalid(&self, problem: &'static str) -> InvalidModel {
        InvalidModel { problem, at: self.len - self.bytes.len() }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], InvalidModel> {
        if n > self.bytes.len() {
            return Err(self.invalid("the file ends early"));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, InvalidModel> {
        Ok(self.take(1)?[0])
    }

    fn i16(&mut self) -> Result<i16, InvalidModel> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, InvalidModel> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The header: the hash bits, then the transition, start and end scores.
fn read_header(r: &mut Reader) -> Result<(u32, [Vec<i64>; 3]), InvalidModel> {
    if r.take(MAGIC.len())? != MAGIC {
        return Err(r.invalid("not a textlens entity model (wrong magic bytes)"));
    }
    let bits = r.u8()?;
    if bits == 0 || bits > MAX_BITS {
        return Err(r.invalid("the hash bits are out of range"));
    }
    if usize::from(r.u8()?) != NTAGS {
        return Err(r.invalid("the model has another number of tags"));
    }
    let mut scores = |n: usize| (0..n).map(|_| r.i16().map(i64::from)).collect::<Result<Vec<i64>, _>>();
    Ok((u32::from(bits), [scores(NTAGS * NTAGS)?, scores(NTAGS)?, scores(NTAGS)?]))
}

/// How many of each thing the coded stream holds.
struct Counts {
    rows: usize,
    gazetteer_max_len: usize,
    gazetteer_names: usize,
    word_classes: usize,
}

fn read_counts(r: &mut Reader, bits: u32) -> Result<Counts, InvalidModel> {
    let rows = r.u32()? as usize;
    if rows > 1 << bits {
        return Err(r.invalid("more rows than buckets"));
    }
    let gazetteer_max_len = usize::from(r.u8()?);
    let mut keys = || match r.u32()? as usize {
        n if n > MAX_KEYS => Err(r.invalid("more keys than a model can have")),
        n => Ok(n),
    };
    Ok(Counts { rows, gazetteer_max_len, gazetteer_names: keys()?, word_classes: keys()? })
}

/// The probabilities of each kind of number in the coded stream. Encoder and
/// decoder each start from a fresh set and update it alike.
struct Models {
    buckets: Gaps,
    masks: Vec<Prob>,
    weights: WeightModel,
    gazetteer_keys: Gaps,
    gazetteer_types: TypeMasks,
    class_keys: Gaps,
    classes: Classes,
}

/// A word's class: some classes hold many more words than others, so coded with
/// learned probabilities the English model's 8,000 classes take 7.4 KB, not 8.
type Classes = Tree<256>;

/// A gazetteer name's types: a bit per type.
type TypeMasks = Tree<{ 1 << NTYPES }>;

/// A nonzero weight: its sign and whether it is above 1 in the context of its tag and
/// of the signs of the row's weights before it, then how far above 1, as a gap. 88%
/// of the English model's weights are ±1 and 98% are within ±2, so a weight takes two
/// coded bits where a byte took eight, in fewer bytes (12.7 KB against 13.9). A row
/// mostly raises one tag and lowers the others (a perceptron's update), so whether a
/// positive or a negative weight came before in the row tells the sign: with it, the
/// English model's weights take 11.9 KB instead of 12.8.
struct WeightModel {
    sign: [[Prob; ROW_STATES]; NTAGS],
    above_one: [[[Prob; 2]; ROW_STATES]; NTAGS],
    rest: Gaps,
}

/// What the signs of a row's weights so far can be: none yet, some positive, some
/// negative, both.
const ROW_STATES: usize = 4;

/// The signs of the weights of a row met so far ([`ROW_STATES`]).
#[derive(Clone, Copy, Default)]
struct RowState(usize);

impl RowState {
    fn after(self, w: i8) -> RowState {
        RowState(self.0 | if w < 0 { 2 } else { 1 })
    }
}

impl WeightModel {
    fn encode(&mut self, e: &mut Encoder, tag: usize, row: RowState, w: i8) {
        let negative = w < 0;
        let size = w.unsigned_abs();
        e.bit(&mut self.sign[tag][row.0], negative);
        e.bit(&mut self.above_one[tag][row.0][usize::from(negative)], size > 1);
        if size > 1 {
            self.rest.encode(e, u32::from(size - 2));
        }
    }

    /// A weight, or `None` if it is out of the i8 range (a corrupt stream).
    fn decode(&mut self, d: &mut Decoder, tag: usize, row: RowState) -> Option<i8> {
        let negative = d.bit(&mut self.sign[tag][row.0]);
        let size = if d.bit(&mut self.above_one[tag][row.0][usize::from(negative)]) { i64::from(self.rest.decode(d)?) + 2 } else { 1 };
        i8::try_from(if negative { -size } else { size }).ok()
    }
}

impl Models {
    fn new() -> Self {
        Models {
            buckets: Gaps::default(),
            masks: vec![Prob::default(); NTAGS * MASK_CONTEXTS],
            weights: WeightModel { sign: [[Prob::default(); ROW_STATES]; NTAGS], above_one: [[[Prob::default(); 2]; ROW_STATES]; NTAGS], rest: Gaps::default() },
            classes: Classes::default(),
            gazetteer_keys: Gaps::default(),
            gazetteer_types: TypeMasks::default(),
            class_keys: Gaps::default(),
        }
    }
}

/// The context of tag `tag`'s bit in a row's mask, given the mask's bits below it:
/// the tag, the bits already coded for the other tags of its kind (B, I, L, U), O's
/// bit and whether any bit is set. Rows that weigh a B tag tend to weigh its U tag,
/// and rows on a name's inside tags its other inside tags: this context coded the
/// English model's masks in 25.7 KB where the tag alone took 26.5 and gzip 29.8.
fn mask_context(tag: usize, so_far: u32) -> usize {
    let kind_bits = if tag == 0 { 0 } else { (so_far >> (1 + 4 * ((tag - 1) / 4))) & 0xf };
    tag * MASK_CONTEXTS + kind_bits as usize * 4 + (so_far & 1) as usize * 2 + usize::from(so_far != 0)
}

/// The coded stream and the word classes after it, decoded: the weights, the
/// gazetteer and the word classes.
fn read_stream(r: &mut Reader, bits: u32, counts: &Counts) -> Result<(Weights, Gazetteer, Clusters), InvalidModel> {
    let len = r.u32()? as usize;
    let at = r.len - r.bytes.len();
    let mut d = Decoder::new(r.take(len)?);
    let mut m = Models::new();
    let weights = read_weights(&mut d, &mut m, bits, counts.rows, at)?;
    let keys = read_keys(&mut d, &mut m.gazetteer_keys, counts.gazetteer_names, at)?;
    let types = keys.iter().map(|_| m.gazetteer_types.decode(&mut d) as u8).collect();
    let class_keys = read_keys(&mut d, &mut m.class_keys, counts.word_classes, at)?;
    let classes = class_keys.iter().map(|_| m.classes.decode(&mut d) as u8).collect();
    if d.overrun() {
        return Err(InvalidModel { problem: "the coded part ends early", at: at + len });
    }
    Ok((weights, Gazetteer::new(keys, types, counts.gazetteer_max_len), Clusters::new(class_keys, classes)))
}

/// The weight rows: their buckets, their masks, then their nonzero weights.
fn read_weights(d: &mut Decoder, m: &mut Models, bits: u32, rows: usize, at: usize) -> Result<Weights, InvalidModel> {
    let invalid = |problem| InvalidModel { problem, at };
    let mut sorted = Vec::with_capacity(rows.min(1 << 16));
    let mut bucket = 0usize;
    for row in 0..rows {
        // A zero gap is a repeated bucket, except for the first.
        let gap = m.buckets.decode(d).filter(|&gap| gap > 0 || row == 0).ok_or(invalid("a bucket is listed twice"))?;
        bucket = bucket.checked_add(gap as usize).ok_or(invalid("a bucket is out of range"))?;
        sorted.push(bucket);
        // Checked before the rows are allocated: a corrupt count must not allocate them.
        if d.overrun() {
            return Err(invalid("the coded part ends early"));
        }
    }
    let index = Buckets::from_sorted(bits, sorted).ok_or(invalid("a bucket is out of range"))?;
    let masks: Vec<u32> = (0..rows).map(|_| read_mask(d, &mut m.masks)).collect();
    let mut weights = vec![0i8; rows * NTAGS];
    for (row, &mask) in weights.chunks_exact_mut(NTAGS).zip(&masks) {
        let mut state = RowState::default();
        for (tag, w) in row.iter_mut().enumerate().filter(|(tag, _)| mask & (1 << tag) != 0) {
            *w = m.weights.decode(d, tag, state).ok_or(invalid("a weight is out of range"))?;
            state = state.after(*w);
        }
        if d.overrun() {
            return Err(invalid("the coded part ends early"));
        }
    }
    Ok(Weights::new(bits, index, weights))
}

/// What [`read_mask`] decodes.
fn write_mask(e: &mut Encoder, probs: &mut [Prob], mask: u32) {
    for tag in 0..NTAGS {
        e.bit(&mut probs[mask_context(tag, mask & ((1 << tag) - 1))], mask >> tag & 1 == 1);
    }
}

fn read_mask(d: &mut Decoder, probs: &mut [Prob]) -> u32 {
    let mut mask = 0;
    for tag in 0..NTAGS {
        mask |= u32::from(d.bit(&mut probs[mask_context(tag, mask)])) << tag;
    }
    mask
}

/// `count` strictly increasing keys, coded as gaps.
fn read_keys(d: &mut Decoder, gaps: &mut Gaps, count: usize, at: usize) -> Result<Vec<u32>, InvalidModel> {
    let invalid = |problem| InvalidModel { problem, at };
    let mut keys = Vec::with_capacity(count.min(1 << 16));
    let mut key = 0u32;
    for i in 0..count {
        let gap = gaps.decode(d).filter(|&gap| gap > 0 || i == 0).ok_or(invalid("a key is listed twice"))?;
        key = key.checked_add(gap).ok_or(invalid("a key is out of range"))?;
        keys.push(key);
        if d.overrun() {
            return Err(invalid("the coded part ends early"));
        }
    }
    Ok(keys)
}

/// The calibration weights, if the file has them: [`FEATURES`] finite numbers.
fn read_calibration(r: &mut Reader) -> Result<Option<[f64; FEATURES]>, InvalidModel> {
    if r.bytes.first() != Some(&CALIBRATION) {
        return Ok(None);
    }
    r.u8()?;
    if usize::from(r.u8()?) != FEATURES {
        return Err(r.invalid("the calibration has another number of weights"));
    }
    let mut weights = [0.0; FEATURES];
    for w in &mut weights {
        let b = r.take(4)?;
        let value = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if !value.is_finite() {
            return Err(r.invalid("a calibration weight is not a finite number"));
        }
        *w = f64::from(value);
    }
    Ok(Some(weights))
}

impl Tagger {
    /// The model shipped with the library, decoded on first use; an error names what
    /// is wrong if it cannot be decoded (a broken build). `analysis::prepare` decodes
    /// it when the WebAssembly module starts, so such a build fails there.
    pub fn builtin() -> Result<&'static Tagger, InvalidModel> {
        static TAGGER: OnceLock<Result<Tagger, InvalidModel>> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_bytes(BUILTIN)).as_ref().map_err(|invalid| *invalid)
    }

    /// Decodes a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, InvalidModel> {
        let mut r = Reader { bytes, len: bytes.len() };
        let (bits, [trans, start, end]) = read_header(&mut r)?;
        let counts = read_counts(&mut r, bits)?;
        let (weights, gazetteer, clusters) = read_stream(&mut r, bits, &counts)?;
        let calibration = read_calibration(&mut r)?;
        if !r.bytes.is_empty() {
            return Err(r.invalid("bytes follow the end of the model"));
        }
        Ok(Tagger { weights, trans, start, end, gazetteer, clusters, calibration })
    }

    /// Encodes the model in the file format [`Tagger::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(self.weights.bits as u8);
        out.push(NTAGS as u8);
        for &s in self.trans.iter().chain(&self.start).chain(&self.end) {
            let s = s.clamp(i64::from(i16::MIN), i64::from(i16::MAX)) as i16;
            out.extend_from_slice(&s.to_le_bytes());
        }
        let (gaz, clusters) = (&self.gazetteer, &self.clusters);
        out.extend_from_slice(&((self.weights.rows.len() / NTAGS) as u32).to_le_bytes());
        out.push(gaz.max_len.min(255) as u8);
        out.extend_from_slice(&(gaz.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&(clusters.keys.len() as u32).to_le_bytes());
        let stream = self.encode_stream();
        out.extend_from_slice(&(stream.len() as u32).to_le_bytes());
        out.extend_from_slice(&stream);
        if let Some(weights) = &self.calibration {
            out.push(CALIBRATION);
            out.push(FEATURES as u8);
            for &w in weights {
                out.extend_from_slice(&(w as f32).to_le_bytes());
            }
        }
        out
    }

    /// What [`read_stream`] decodes.
    fn encode_stream(&self) -> Vec<u8> {
        let mut m = Models::new();
        let mut e = Encoder::new();
        let mut last = 0;
        for bucket in self.weights.index.iter() {
            m.buckets.encode(&mut e, (bucket - last) as u32);
            last = bucket;
        }
        let rows = || self.weights.rows.chunks_exact(NTAGS);
        for row in rows() {
            let mask = row.iter().enumerate().filter(|(_, &w)| w != 0).fold(0, |mask, (tag, _)| mask | 1 << tag);
            write_mask(&mut e, &mut m.masks, mask);
        }
        for row in rows() {
            let mut state = RowState::default();
            for (tag, &w) in row.iter().enumerate().filter(|(_, &w)| w != 0) {
                m.weights.encode(&mut e, tag, state, w);
                state = state.after(w);
            }
        }
        encode_keys(&mut e, &mut m.gazetteer_keys, &self.gazetteer.keys);
        for &types in &self.gazetteer.types {
            m.gazetteer_types.encode(&mut e, u32::from(types));
        }
        encode_keys(&mut e, &mut m.class_keys, &self.clusters.keys);
        for &class in &self.clusters.classes {
            m.classes.encode(&mut e, u32::from(class));
        }
        e.finish()
    }
}

/// What [`read_keys`] decodes.
fn encode_keys(e: &mut Encoder, gaps: &mut Gaps, keys: &[u32]) {
    let mut last = 0;
    for &key in keys {
        gaps.encode(e, key - last);
        last = key;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_rejected_without_panic() {
        for bytes in [&b""[..], b"TLNER1", b"TLNER1\xff\x11", b"nonsense bytes here", &[0xff; 64]] {
            assert!(Tagger::from_bytes(bytes).is_err());
        }
        let good = Tagger::empty().to_bytes();
        for cut in 0..good.len() {
            assert!(Tagger::from_bytes(&good[..cut]).is_err());
        }
    }

    /// A small tagger whose rows have weights on few tags, as trained rows do, one
    /// of them on the last tag only.
    fn sparse_tagger() -> Tagger {
        let mut tagger = Tagger::empty();
        let mut rows = vec![0; 3 * NTAGS];
        for (at, w) in [(0, 5), (4, -3), (NTAGS + 1, 127), (NTAGS + 16, -127), (3 * NTAGS - 1, 1)] {
            rows[at] = w;
        }
        tagger.weights = Weights::new(4, Buckets::from_sorted(4, [3, 9, 15]).unwrap(), rows);
        tagger.trans[5] = -300;
        tagger.gazetteer = Gazetteer::from_entries(vec![(7, 1), (3, 4)], 2);
        tagger.clusters = Clusters::from_pairs(vec![(900, 7), (5, 2)]);
        tagger
    }

    fn rows(t: &Tagger) -> Vec<Vec<i8>> {
        let w = &t.weights;
        (0..16).map(|b| w.index.row(b).map_or_else(Vec::new, |r| w.rows[r * NTAGS..(r + 1) * NTAGS].to_vec())).collect()
    }

    #[test]
    fn round_trip() {
        let tagger = sparse_tagger();
        let bytes = tagger.to_bytes();
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(rows(&back), rows(&tagger));
        assert_eq!((&back.trans, &back.start, &back.end), (&tagger.trans, &tagger.start, &tagger.end));
        assert_eq!((&back.gazetteer.keys[..], &back.gazetteer.types[..], back.gazetteer.max_len), (&[3, 7][..], &[4, 1][..], 2));
        assert_eq!((&back.clusters.keys[..], &back.clusters.classes[..]), (&[5, 900][..], &[2, 7][..]));
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn dense_rows_round_trip() {
        let mut tagger = sparse_tagger();
        tagger.weights.rows = (0..3 * NTAGS as i32).map(|i| (i - 20) as i8).collect();
        assert_eq!(rows(&Tagger::from_bytes(&tagger.to_bytes()).unwrap()), rows(&tagger));
    }

    #[test]
    fn every_truncation_and_extension_is_rejected() {
        let good = sparse_tagger().to_bytes();
        for cut in 0..good.len() {
            assert!(Tagger::from_bytes(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(Tagger::from_bytes(&longer).is_err());
    }

    /// A file with 2^20 buckets, an empty model's scores, and a coded part that `code`
    /// writes, with the counts given.
    fn coded_file(rows: u32, gazetteer_names: u32, code: impl FnOnce(&mut Encoder, &mut Models)) -> Vec<u8> {
        let good = Tagger::empty().to_bytes();
        let header = MAGIC.len() + 2 + 2 * (NTAGS * NTAGS + 2 * NTAGS);
        let mut out = good[..header].to_vec();
        out[MAGIC.len()] = 20;
        out.extend_from_slice(&rows.to_le_bytes());
        out.push(1);
        out.extend_from_slice(&gazetteer_names.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        let (mut e, mut m) = (Encoder::new(), Models::new());
        code(&mut e, &mut m);
        let stream = e.finish();
        out.extend_from_slice(&(stream.len() as u32).to_le_bytes());
        out.extend_from_slice(&stream);
        out
    }

    #[test]
    fn corrupt_coded_parts_name_their_problem() {
        let problem = |bytes: &[u8]| Tagger::from_bytes(bytes).err().map(|e| e.problem());
        let mask = |e: &mut Encoder, m: &mut Models, mask: u32| write_mask(e, &mut m.masks, mask);
        let repeated = coded_file(2, 0, |e, m| [3, 0].iter().for_each(|&gap| m.buckets.encode(e, gap)));
        assert_eq!(problem(&repeated), Some("a bucket is listed twice"));
        let too_heavy = coded_file(1, 0, |e, m| {
            m.buckets.encode(e, 3);
            mask(e, m, 1);
            e.bit(&mut m.weights.sign[0][0], false);
            e.bit(&mut m.weights.above_one[0][0][0], true);
            m.weights.rest.encode(e, 126);
        });
        assert_eq!(problem(&too_heavy), Some("a weight is out of range"));
        let ok = |e: &mut Encoder, m: &mut Models| {
            m.buckets.encode(e, 3);
            mask(e, m, 1);
            m.weights.encode(e, 0, RowState::default(), -128);
        };
        assert!(Tagger::from_bytes(&coded_file(1, 0, ok)).is_ok());
        let keys = |gaps: [u32; 2]| coded_file(1, 2, move |e, m| (ok(e, m), gaps.iter().for_each(|&gap| m.gazetteer_keys.encode(e, gap))).0);
        assert_eq!(problem(&keys([5, 0])), Some("a key is listed twice"));
        assert_eq!(problem(&keys([u32::MAX, 1])), Some("a key is out of range"));
        let past = coded_file(1, 0, |e, m| m.buckets.encode(e, 1 << 20));
        assert_eq!(problem(&past), Some("a bucket is out of range"));
        let mut cut = coded_file(1 << 20, 0, ok);
        assert_eq!(problem(&cut), Some("the coded part ends early"));
        cut[MAGIC.len()] = 24;
        assert_eq!(problem(&cut), Some("the coded part ends early"));
    }

    #[test]
    fn every_single_byte_change_decodes_or_fails_cleanly() {
        let good = sparse_tagger().to_bytes();
        for at in 0..good.len() {
            for value in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bytes = good.clone();
                bytes[at] = value;
                if let Ok(tagger) = Tagger::from_bytes(&bytes) {
                    assert_eq!(tagger.weights.rows.len() % NTAGS, 0);
                }
            }
        }
    }

    #[test]
    fn errors_name_the_problem_and_where() {
        let problem = |bytes: &[u8]| Tagger::from_bytes(bytes).err().map(|e| (e.problem(), e.offset()));
        let good = sparse_tagger().to_bytes();
        assert_eq!(problem(b"TLNER1\x04\x11"), Some(("not a textlens entity model (wrong magic bytes)", 6)));
        assert_eq!(problem(&good[..20]), Some(("the file ends early", 20)));
        let mut longer = good.clone();
        longer.push(0);
        assert_eq!(problem(&longer), Some(("bytes follow the end of the model", good.len())));
        let mut bad = good.clone();
        bad[MAGIC.len()] = 30;
        assert_eq!(problem(&bad).map(|p| p.0), Some("the hash bits are out of range"));
        let message = Error::from(Tagger::from_bytes(b"nonsense").unwrap_err()).to_string();
        assert!(message.starts_with("invalid named-entity model: not a textlens entity model"), "{message}");
    }

    #[test]
    fn a_calibration_round_trips_and_a_broken_one_is_refused() {
        let mut tagger = sparse_tagger();
        let mut weights = [0.0; FEATURES];
        weights[3] = -1.25;
        tagger.calibration = Some(weights);
        let bytes = tagger.to_bytes();
        assert_eq!(bytes.len(), sparse_tagger().to_bytes().len() + 2 + 4 * FEATURES);
        assert_eq!(Tagger::from_bytes(&bytes).unwrap().calibration, Some(weights));
        let problem = |bytes: &[u8]| Tagger::from_bytes(bytes).err().map(|e| e.problem());
        let at = sparse_tagger().to_bytes().len();
        let mut bad = bytes.clone();
        bad[at + 1] = 3;
        assert_eq!(problem(&bad), Some("the calibration has another number of weights"));
        let mut bad = bytes.clone();
        bad[at + 2..at + 6].copy_from_slice(&f32::NAN.to_le_bytes());
        assert_eq!(problem(&bad), Some("a calibration weight is not a finite number"));
        assert_eq!(problem(&bytes[..bytes.len() - 1]), Some("the file ends early"));
    }

    #[test]
    fn the_builtin_model_decodes() {
        assert!(Tagger::builtin().is_ok_and(|tagger| !tagger.is_empty()));
    }
}

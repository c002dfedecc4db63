//! The model file: a compact little-endian binary format, and the model built into
//! the library.
//!
//! ```text
//! "TLNER3"  bits:u8  tags:u8
//! transitions (tags × tags), start (tags), end (tags): i16 each
//! rows:u32, then each row's bucket as a varint delta from the previous one
//! each row's nonzero tags as a bit mask of 3 bytes, stored as three planes
//!   (byte 0 of every row's mask, then byte 1, then byte 2)
//! the nonzero weights, row by row and in tag order within a row: i8 each
//! gazetteer: max_len:u8 count:u32, keys as varint deltas, then one type mask (u8) each
//! word classes: count:u32, keys as varint deltas, then one class (u8) each
//! optionally: "C" count:u8, then the confidence's calibration weights, f32 each
//! ```
//!
//! The calibration (the weights of `entities::confidence`'s logistic model) travels
//! with a model that is loaded by need, so that a language's confidences come with
//! its model; the built-in English model has none in the file, its weights are
//! compiled in (`entities/calibration.rs`).
//!
//! Five weights in six are zero (most features were updated only a few times, on
//! one or two tags), so only the nonzero ones are stored. Each part is kept apart
//! from the others because the file is compressed again (the wasm is served
//! gzipped): masks, values and bucket steps each have their own statistics.

use super::buckets::Buckets;
use super::clusters::Clusters;
use super::gazetteer::Gazetteer;
use super::tagger::Tagger;
use super::tags::NTAGS;
use super::weights::Weights;
use crate::entities::confidence::FEATURES;
use crate::error::Error;
use std::fmt;
use std::sync::OnceLock;

const MAGIC: &[u8; 6] = b"TLNER3";
/// Bytes of a row's tag mask.
const MASK_BYTES: usize = NTAGS.div_ceil(8);
/// Opens the optional calibration section.
const CALIBRATION: u8 = b'C';
/// Hash tables larger than this are refused (a corrupt file must not allocate gigabytes).
const MAX_BITS: u8 = 24;

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

    /// A count, that many sorted 32-bit keys as varint steps, then a byte per key;
    /// `out_of_range` says which keys run past 32 bits.
    fn keyed_bytes(&mut self, out_of_range: &'static str) -> Result<(Vec<u32>, Vec<u8>), InvalidModel> {
        let count = self.count()?;
        let mut keys = Vec::with_capacity(count);
        let mut key = 0u64;
        for _ in 0..count {
            key = key.checked_add(self.varint()?).ok_or_else(|| self.invalid(out_of_range))?;
            keys.push(u32::try_from(key).map_err(|_| self.invalid(out_of_range))?);
        }
        Ok((keys, self.take(count)?.to_vec()))
    }

    fn varint(&mut self) -> Result<u64, InvalidModel> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.invalid("a number runs over 64 bits"))
    }

    /// A count of items that take at least a byte each, so no larger than the bytes left.
    fn count(&mut self) -> Result<usize, InvalidModel> {
        let count = self.u32()? as usize;
        if count > self.bytes.len() {
            return Err(self.invalid("a count is larger than the bytes left"));
        }
        Ok(count)
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
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

/// The weight rows: their buckets, then their masks and nonzero weights.
fn read_weights(r: &mut Reader, bits: u32) -> Result<Weights, InvalidModel> {
    let rows = r.count()?;
    if rows > 1 << bits {
        return Err(r.invalid("more rows than buckets"));
    }
    let mut bucket = 0u64;
    let mut sorted = Vec::with_capacity(rows);
    for row in 0..rows {
        // A zero step is a repeated bucket, except for the first.
        let step = r.varint()?;
        if row > 0 && step == 0 {
            return Err(r.invalid("a bucket is listed twice"));
        }
        bucket = bucket.checked_add(step).ok_or_else(|| r.invalid("a bucket is out of range"))?;
        sorted.push(usize::try_from(bucket).map_err(|_| r.invalid("a bucket is out of range"))?);
    }
    let index = Buckets::from_sorted(bits, sorted).ok_or_else(|| r.invalid("a bucket is out of range"))?;
    let planes = r.take(rows * MASK_BYTES)?;
    let mut masks = vec![0u32; rows];
    for (k, plane) in planes.chunks_exact(rows.max(1)).enumerate() {
        for (mask, &byte) in masks.iter_mut().zip(plane) {
            *mask |= u32::from(byte) << (8 * k);
        }
    }
    if masks.iter().any(|&m| m >> NTAGS != 0) {
        return Err(r.invalid("a row's mask names a tag past the last"));
    }
    let mut values = r.take(masks.iter().map(|m| m.count_ones() as usize).sum())?.iter();
    let mut weights = vec![0i8; rows * NTAGS];
    for (row, &mask) in weights.chunks_exact_mut(NTAGS).zip(&masks) {
        for (tag, w) in row.iter_mut().enumerate() {
            if mask & (1 << tag) != 0 {
                *w = values.next().map(|&v| v as i8).filter(|&v| v != 0).ok_or_else(|| r.invalid("a stored weight is zero"))?;
            }
        }
    }
    Ok(Weights::new(bits, index, weights))
}

/// The gazetteer: its longest name, its keys, their type masks.
fn read_gazetteer(r: &mut Reader) -> Result<Gazetteer, InvalidModel> {
    let max_len = usize::from(r.u8()?);
    let (keys, types) = r.keyed_bytes("a gazetteer key is out of range")?;
    Ok(Gazetteer::new(keys, types, max_len))
}

/// The word classes: their keys (strictly increasing), then a class each.
fn read_clusters(r: &mut Reader) -> Result<Clusters, InvalidModel> {
    let (keys, classes) = r.keyed_bytes("a word-class key is out of range")?;
    if keys.windows(2).any(|w| w[0] >= w[1]) {
        return Err(r.invalid("a word-class key is listed twice"));
    }
    Ok(Clusters::new(keys, classes))
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

/// What [`Reader::keyed_bytes`] reads.
fn put_keyed_bytes(out: &mut Vec<u8>, keys: &[u32], bytes: &[u8]) {
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    let mut last = 0;
    for &key in keys {
        put_varint(out, u64::from(key - last));
        last = key;
    }
    out.extend_from_slice(bytes);
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
        let weights = read_weights(&mut r, bits)?;
        let gazetteer = read_gazetteer(&mut r)?;
        let clusters = read_clusters(&mut r)?;
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
        let rows = self.weights.rows.len() / NTAGS;
        out.extend_from_slice(&(rows as u32).to_le_bytes());
        let mut last = 0;
        for bucket in self.weights.index.iter() {
            put_varint(&mut out, (bucket - last) as u64);
            last = bucket;
        }
        let rows_of = || self.weights.rows.chunks_exact(NTAGS);
        let mask = |row: &[i8]| row.iter().enumerate().filter(|(_, &w)| w != 0).fold(0u32, |m, (tag, _)| m | 1 << tag);
        for k in 0..MASK_BYTES {
            out.extend(rows_of().map(|row| (mask(row) >> (8 * k)) as u8));
        }
        out.extend(rows_of().flatten().filter(|&&w| w != 0).map(|&w| w as u8));
        let gaz = &self.gazetteer;
        out.push(gaz.max_len.min(255) as u8);
        put_keyed_bytes(&mut out, &gaz.keys, &gaz.types);
        put_keyed_bytes(&mut out, &self.clusters.keys, &self.clusters.classes);
        if let Some(weights) = &self.calibration {
            out.push(CALIBRATION);
            out.push(FEATURES as u8);
            for &w in weights {
                out.extend_from_slice(&(w as f32).to_le_bytes());
            }
        }
        out
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
        // Only nonzero weights are stored: one byte each after the masks.
        let header = MAGIC.len() + 2 + 2 * (NTAGS * NTAGS + 2 * NTAGS) + 4;
        assert_eq!(bytes.len(), header + 3 + 3 * MASK_BYTES + 5 + 1 + 4 + 2 + 2 + 4 + 3 + 2);
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

    #[test]
    fn corrupt_masks_and_weights_are_rejected() {
        let good = sparse_tagger().to_bytes();
        let masks_at = MAGIC.len() + 2 + 2 * (NTAGS * NTAGS + 2 * NTAGS) + 4 + 3;
        // A tag past the last one: bit 17 of the first row's mask (plane 2).
        let mut bad = good.clone();
        bad[masks_at + 2 * 3] |= 2;
        assert!(Tagger::from_bytes(&bad).is_err());
        // A stored weight of zero.
        let mut bad = good.clone();
        bad[masks_at + 3 * MASK_BYTES] = 0;
        assert!(Tagger::from_bytes(&bad).is_err());
        // A repeated bucket.
        let mut bad = good;
        bad[masks_at - 2] = 0;
        assert!(Tagger::from_bytes(&bad).is_err());
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
        let masks_at = MAGIC.len() + 2 + 2 * (NTAGS * NTAGS + 2 * NTAGS) + 4 + 3;
        let mut bad = good.clone();
        bad[masks_at - 2] = 0;
        assert_eq!(problem(&bad).map(|p| p.0), Some("a bucket is listed twice"));
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

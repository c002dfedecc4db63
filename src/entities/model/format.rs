//! The model file: a compact little-endian binary format.
//!
//! ```text
//! "TLNER1"  bits:u8  tags:u8
//! transitions (tags × tags), start (tags), end (tags): i16 each
//! rows:u32, then each row's bucket as a varint delta from the previous one,
//! then the weights tag by tag (all rows' weight for tag 0, then tag 1, …): i8 each
//! gazetteer: max_len:u8 count:u32, keys as varint deltas, then one type mask (u8) each
//! ```
//!
//! Weights grouped by tag compress far better than row by row: most rows have weight
//! only on a few tags.

use super::buckets::Buckets;
use super::gazetteer::Gazetteer;
use super::{Tagger, NTAGS};
use std::fmt;

const MAGIC: &[u8; 6] = b"TLNER1";
/// Hash tables larger than this are refused (a corrupt file must not allocate gigabytes).
const MAX_BITS: u8 = 24;

/// The model bytes are not a valid model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidModel;

impl fmt::Display for InvalidModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid named-entity model")
    }
}

impl std::error::Error for InvalidModel {}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], InvalidModel> {
        if n > self.bytes.len() {
            return Err(InvalidModel);
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

    fn varint(&mut self) -> Result<u64, InvalidModel> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(InvalidModel)
    }
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

impl Tagger {
    /// Decodes a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, InvalidModel> {
        let mut r = Reader { bytes };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(InvalidModel);
        }
        let bits = r.u8()?;
        if bits == 0 || bits > MAX_BITS || usize::from(r.u8()?) != NTAGS {
            return Err(InvalidModel);
        }
        let mut scores = |n: usize| (0..n).map(|_| r.i16().map(i64::from)).collect::<Result<Vec<i64>, _>>();
        let trans = scores(NTAGS * NTAGS)?;
        let start = scores(NTAGS)?;
        let end = scores(NTAGS)?;
        let size = 1usize << bits;
        let rows = r.u32()? as usize;
        if rows > size || rows > r.bytes.len() {
            return Err(InvalidModel);
        }
        let mut bucket = 0u64;
        let mut sorted = Vec::with_capacity(rows);
        for row in 0..rows {
            // A zero step is a repeated bucket, except for the first.
            let step = r.varint()?;
            if row > 0 && step == 0 {
                return Err(InvalidModel);
            }
            bucket = bucket.checked_add(step).ok_or(InvalidModel)?;
            sorted.push(usize::try_from(bucket).map_err(|_| InvalidModel)?);
        }
        let index = Buckets::from_sorted(u32::from(bits), sorted).ok_or(InvalidModel)?;
        let by_tag = r.take(rows * NTAGS)?;
        let mut weights = vec![0i8; rows * NTAGS];
        for (tag, column) in by_tag.chunks_exact(rows.max(1)).enumerate().take(NTAGS) {
            for (row, &w) in column.iter().enumerate() {
                weights[row * NTAGS + tag] = w as i8;
            }
        }
        let max_len = usize::from(r.u8()?);
        let count = r.u32()? as usize;
        if count > r.bytes.len() {
            return Err(InvalidModel);
        }
        let mut keys = Vec::with_capacity(count);
        let mut key = 0u64;
        for _ in 0..count {
            key += r.varint()?;
            keys.push(u32::try_from(key).map_err(|_| InvalidModel)?);
        }
        let types = r.take(count)?.to_vec();
        if !r.bytes.is_empty() {
            return Err(InvalidModel);
        }
        Ok(Tagger { bits: u32::from(bits), index, weights, trans, start, end, gazetteer: Gazetteer::new(keys, types, max_len) })
    }

    /// Encodes the model in the file format [`Tagger::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        out.push(NTAGS as u8);
        for &s in self.trans.iter().chain(&self.start).chain(&self.end) {
            let s = s.clamp(i64::from(i16::MIN), i64::from(i16::MAX)) as i16;
            out.extend_from_slice(&s.to_le_bytes());
        }
        let rows = self.weights.len() / NTAGS;
        out.extend_from_slice(&(rows as u32).to_le_bytes());
        let mut last = 0;
        for bucket in self.index.iter() {
            put_varint(&mut out, (bucket - last) as u64);
            last = bucket;
        }
        for tag in 0..NTAGS {
            for row in 0..rows {
                out.push(self.weights.get(row * NTAGS + tag).copied().unwrap_or(0) as u8);
            }
        }
        let gaz = &self.gazetteer;
        out.push(gaz.max_len.min(255) as u8);
        out.extend_from_slice(&(gaz.keys.len() as u32).to_le_bytes());
        let mut last = 0;
        for &key in &gaz.keys {
            put_varint(&mut out, u64::from(key - last));
            last = key;
        }
        out.extend_from_slice(&gaz.types);
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

    #[test]
    fn round_trip() {
        let mut tagger = Tagger::empty();
        tagger.bits = 4;
        tagger.index = Buckets::from_sorted(4, [3, 9]).unwrap();
        tagger.weights = (0..2 * NTAGS as i32).map(|i| (i - 17) as i8).collect();
        tagger.trans[5] = -300;
        tagger.gazetteer = Gazetteer::from_entries(vec![(7, 1), (3, 4)], 2);
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        let row = |t: &Tagger, bucket: usize| match t.index.row(bucket) {
            None => Vec::new(),
            Some(r) => t.weights[r * NTAGS..(r + 1) * NTAGS].to_vec(),
        };
        for bucket in 0..16 {
            assert_eq!(row(&back, bucket), row(&tagger, bucket));
        }
        assert_eq!(back.trans, tagger.trans);
        assert_eq!(back.gazetteer.keys, tagger.gazetteer.keys);
    }
}

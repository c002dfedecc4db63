//! The tagger's feature weights: for each hash bucket that has any, a row of one
//! weight per tag. A feature adds its bucket's row to a token's tag scores.

use super::buckets::Buckets;
use super::tags::NTAGS;
use std::sync::atomic::{AtomicU64, Ordering};

/// Feature weights, found by the top bits of a feature's hash.
#[derive(Clone, Debug)]
pub(crate) struct Weights {
    /// Hash bits: a feature's bucket is the top `bits` bits of its hash.
    pub(super) bits: u32,
    /// The buckets with a row in `rows`, in bucket order.
    pub(super) index: Buckets,
    /// `NTAGS` weights per row.
    pub(super) rows: Vec<i8>,
    /// Tells weights apart in the memo of scored forms (`forms`); a clone has the
    /// same weights, so it keeps the id.
    pub(super) id: u64,
}

/// A new [`Weights::id`].
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Weights {
    /// `rows` of `NTAGS` weights for the buckets of `index`, out of `2^bits`.
    pub(super) fn new(bits: u32, index: Buckets, rows: Vec<i8>) -> Self {
        Weights { bits, index, rows, id: next_id() }
    }

    /// No weights at all.
    pub(super) fn empty() -> Self {
        Weights::new(1, Buckets::default(), Vec::new())
    }

    /// Whether there are no weights.
    pub(super) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Bytes of memory the weights hold.
    pub(super) fn heap_bytes(&self) -> usize {
        self.index.heap_bytes() + self.rows.capacity()
    }

    #[inline]
    fn bucket(&self, hash: u64) -> usize {
        (hash >> (64 - self.bits)) as usize
    }

    /// Adds the weights of the feature with hash `hash` to `acc`.
    #[inline]
    pub(super) fn add(&self, hash: u64, acc: &mut [i32; NTAGS]) {
        let Some(row) = self.index.row(self.bucket(hash)) else { return };
        let Some(weights) = self.rows.get(row * NTAGS..(row + 1) * NTAGS) else { return };
        for (a, &w) in acc.iter_mut().zip(weights) {
            *a += i32::from(w);
        }
    }

    /// Adds the weights of `hashes` to `acc`.
    ///
    /// The rows are cache misses, so all rows of a chunk are found before any is
    /// read: the loads then overlap instead of waiting on each other. A chunk's
    /// weights are summed in 16 bits (16 × 127 fits), twice as many per vector step.
    pub(super) fn score(&self, hashes: &[u64], acc: &mut [i32; NTAGS]) {
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
                let Some(Ok(weights)) = self.rows.get(row * NTAGS..(row + 1) * NTAGS).map(<&[i8; NTAGS]>::try_from) else { continue };
                for (s, &w) in sum.iter_mut().zip(weights) {
                    *s += i16::from(w);
                }
            }
            for (a, s) in acc.iter_mut().zip(sum) {
                *a += i32::from(s);
            }
        }
    }
}

//! Which hash buckets have a weight row, as a bit set with running counts.
//!
//! Rows are stored in bucket order, so a bucket's row number is the count of used
//! buckets before it. For 2^20 buckets this takes 192 KB where a table of row
//! numbers took 4 MB: it stays in cache, and every feature lookup goes through it.

/// A set of bucket numbers answering "which row, if any" for each bucket.
#[derive(Clone, Debug, Default)]
pub(crate) struct Buckets {
    /// Bit `b % 64` of word `b / 64` is set for a used bucket `b`.
    words: Vec<u64>,
    /// Used buckets before each word.
    ranks: Vec<u32>,
}

impl Buckets {
    /// The used buckets `sorted` (strictly increasing, each below `2^bits`), or
    /// `None` if they are not.
    pub(crate) fn from_sorted(bits: u32, sorted: impl IntoIterator<Item = usize>) -> Option<Buckets> {
        let size = 1usize.checked_shl(bits)?;
        let mut words = vec![0u64; size.div_ceil(64)];
        let mut last = None;
        for bucket in sorted {
            if last.is_some_and(|l| l >= bucket) {
                return None;
            }
            last = Some(bucket);
            *words.get_mut(bucket / 64).filter(|_| bucket < size)? |= 1 << (bucket % 64);
        }
        let mut ranks = Vec::with_capacity(words.len());
        let mut count = 0u32;
        for word in &words {
            ranks.push(count);
            count += word.count_ones();
        }
        Some(Buckets { words, ranks })
    }

    /// The row of `bucket`, if it has one.
    #[inline]
    pub(crate) fn row(&self, bucket: usize) -> Option<usize> {
        let word = *self.words.get(bucket / 64)?;
        let bit = 1u64 << (bucket % 64);
        if word & bit == 0 {
            return None;
        }
        Some(*self.ranks.get(bucket / 64)? as usize + (word & (bit - 1)).count_ones() as usize)
    }

    /// The used buckets in increasing order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| (0..64).filter(move |b| word & (1 << b) != 0).map(move |b| i * 64 + b))
    }

    /// Bytes of memory the set holds.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8 + self.ranks.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_count_the_buckets_before() {
        let buckets = Buckets::from_sorted(8, [0, 5, 63, 64, 200]).unwrap();
        let rows: Vec<Option<usize>> = [0, 1, 5, 63, 64, 65, 200, 255, 256].iter().map(|&b| buckets.row(b)).collect();
        assert_eq!(rows, [Some(0), None, Some(1), Some(2), Some(3), None, Some(4), None, None]);
        assert_eq!(buckets.iter().collect::<Vec<_>>(), [0, 5, 63, 64, 200]);
    }

    #[test]
    fn unsorted_or_out_of_range_buckets_are_refused() {
        assert!(Buckets::from_sorted(4, [3, 3]).is_none());
        assert!(Buckets::from_sorted(4, [5, 2]).is_none());
        assert!(Buckets::from_sorted(4, [16]).is_none());
        assert!(Buckets::from_sorted(2, [0, 3]).is_some());
    }
}

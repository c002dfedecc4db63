//! Word classes learned from unlabelled text (see `exchange.rs`): words that occur in
//! the same contexts share a class, so a name the labelled data never had ("kaite")
//! gets the weights of the class of the names it did have. Only 32-bit hashes of the
//! lower-cased words and their class numbers are kept, never the words.

#[cfg(any(test, feature = "train"))]
use super::hash::fnv;
use crate::lexicon::FastMap;

/// Lower-cased words (by hash) and their class.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Sorted [`key`]s of the words.
    pub(crate) keys: Vec<u32>,
    /// The class of each key.
    pub(crate) classes: Vec<u8>,
    /// Class by key: one memory access per new word, where a binary search over the
    /// keys takes several.
    index: FastMap<u32, u8>,
}

/// Bits of a key. With 8,000 words, 26 bits give a word without a class the class of
/// another once in 8,000 words, and the sorted keys' gaps (about 8,000) fit two-byte
/// varints.
const KEY_BITS: u32 = 26;

/// The key of a word: the top bits of the FNV-1a hash of its lower-cased form (the
/// hash the features already compute).
#[inline]
pub(crate) fn key(lower: u64) -> u32 {
    (lower >> (64 - KEY_BITS)) as u32
}

/// The key of a lower-cased word's text.
#[cfg(any(test, feature = "train"))]
pub(crate) fn key_of(norm: &str) -> u32 {
    key(fnv(norm.as_bytes()))
}

impl Clusters {
    /// Builds the table from `(key, class)` pairs; of two words with one key, the
    /// first listed keeps it.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_pairs(mut pairs: Vec<(u32, u8)>) -> Clusters {
        pairs.sort_by_key(|&(k, _)| k);
        pairs.dedup_by_key(|&mut (k, _)| k);
        let (keys, classes) = pairs.into_iter().unzip();
        Clusters::new(keys, classes)
    }

    /// The table of sorted `keys` and the class of each.
    pub(crate) fn new(keys: Vec<u32>, classes: Vec<u8>) -> Clusters {
        let index = keys.iter().copied().zip(classes.iter().copied()).collect();
        Clusters { keys, classes, index }
    }

    /// The class of the word whose lower-cased form hashes to `lower` (see [`fnv`]),
    /// plus one; 0 for a word without a class.
    pub(crate) fn class(&self, lower: u64) -> u64 {
        self.index.get(&key(lower)).map_or(0, |&c| u64::from(c) + 1)
    }

    /// Number of words with a class.
    #[cfg(any(test, feature = "train"))]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Bytes of memory the table holds.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.keys.capacity() * 4 + self.classes.capacity() + self.index.capacity() * 6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_known_words_only() {
        let clusters = Clusters::from_pairs(vec![(key_of("paris"), 3), (key_of("london"), 3), (key_of("emma"), 7)]);
        assert_eq!(clusters.class(fnv(b"paris")), 4);
        assert_eq!(clusters.class(fnv(b"emma")), 8);
        assert_eq!(clusters.class(fnv(b"unheard")), 0);
        assert_eq!(clusters.len(), 3);
    }
}

//! Names seen as entities in the training data, kept only as 32-bit hashes of their
//! lower-cased token sequences (no text is shipped), matched against every window of
//! a sentence.

#[cfg(any(test, feature = "train"))]
use super::hash::fnv;
use super::hash::Hasher;
use super::tags::NTYPES;
use crate::lexicon::FastMap;

/// Template byte of gazetteer keys, distinct from every feature template.
const GAZ_TEMPLATE: u8 = 200;

/// Bits of a key that pick its bit in [`Gazetteer::filter`].
const FILTER_BITS: u32 = 19;

/// Bits of a key: the top bits of the hash of a window of words. With some 13,000
/// names, 26 bits let a window of other words match one by chance once in 5,000
/// lookups, and store a key in two bytes (the gaps between sorted keys, about 5,000,
/// fit a two-byte varint) instead of three.
const KEY_BITS: u32 = 26;

/// The key of a finished window hash.
#[inline]
fn key_of_hash(h: u64) -> u32 {
    (h >> (64 - KEY_BITS)) as u32
}

/// Sorted hashes of entity names with, for each, the entity types it was seen as.
#[derive(Default, Clone, Debug)]
pub(crate) struct Gazetteer {
    pub(crate) keys: Vec<u32>,
    pub(crate) types: Vec<u8>,
    pub(crate) max_len: usize,
    /// A bit per value of a key's top bits, set if some key has them: most windows
    /// of a sentence are no name, and this tells so without a lookup.
    filter: Vec<u64>,
    /// The types by key, for the windows the filter lets through: a hash table answers
    /// in one memory access where a binary search over the keys took about 14
    /// (compare-builds, both orders twice: 1 MB of news about 1.5% faster, the seed 1.4%).
    index: FastMap<u32, u8>,
}

/// The gazetteer key of a sequence of lower-cased tokens.
#[cfg(any(test, feature = "train"))]
pub(crate) fn key<'a>(norms: impl IntoIterator<Item = &'a str>) -> u32 {
    let h = norms.into_iter().fold(Hasher::new(GAZ_TEMPLATE), |h, norm| h.with(fnv(norm.as_bytes())));
    key_of_hash(h.finish())
}

impl Gazetteer {
    /// Builds a gazetteer from `(key, type mask)` pairs, merging duplicates.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_entries(mut entries: Vec<(u32, u8)>, max_len: usize) -> Self {
        crate::order::sort(&mut entries);
        let mut keys: Vec<u32> = Vec::with_capacity(entries.len());
        let mut types: Vec<u8> = Vec::with_capacity(entries.len());
        for (k, t) in entries {
            match (keys.last(), types.last_mut()) {
                (Some(&last), Some(mask)) if last == k => *mask |= t,
                _ => {
                    keys.push(k);
                    types.push(t);
                }
            }
        }
        Gazetteer::new(keys, types, max_len)
    }

    /// A gazetteer of sorted `keys` with their type masks `types`.
    pub(crate) fn new(keys: Vec<u32>, types: Vec<u8>, max_len: usize) -> Self {
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for &key in &keys {
            let bit = (key >> (KEY_BITS - FILTER_BITS)) as usize;
            if let Some(word) = filter.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        let index = keys.iter().copied().zip(types.iter().copied()).collect();
        Gazetteer { keys, types, max_len, filter, index }
    }

    /// Bytes of memory the gazetteer holds.
    pub(crate) fn heap_bytes(&self) -> usize {
        // A table entry: a key, a type mask and padding, and a control byte.
        self.keys.capacity() * 4 + self.types.capacity() + self.filter.capacity() * 8 + self.index.capacity() * 9
    }

    fn lookup(&self, key: u32) -> u8 {
        let bit = (key >> (KEY_BITS - FILTER_BITS)) as usize;
        if self.filter.get(bit / 64).is_none_or(|word| word & (1 << (bit % 64)) == 0) {
            return 0;
        }
        self.index.get(&key).copied().unwrap_or(0)
    }

    /// For each token, a bit set of (type × position in a matching name): bit
    /// `4 * type + pos`, with pos 0 = begin, 1 = inside, 2 = last, 3 = the whole name.
    /// `lowers` are the [`fnv`](super::hash::fnv) hashes of the tokens' lower-case forms.
    pub(crate) fn mark(&self, lowers: &[u64], out: &mut Vec<u16>) {
        out.clear();
        out.resize(lowers.len(), 0);
        if self.keys.is_empty() {
            return;
        }
        for start in 0..lowers.len() {
            let mut h = Hasher::new(GAZ_TEMPLATE);
            for len in 1..=self.max_len.min(lowers.len() - start) {
                h = h.with(lowers[start + len - 1]);
                let mask = self.lookup(key_of_hash(h.finish()));
                if mask == 0 {
                    continue;
                }
                for t in 0..NTYPES {
                    if mask & (1 << t) == 0 {
                        continue;
                    }
                    let bit = |pos: usize| 1u16 << (4 * t + pos);
                    if len == 1 {
                        out[start] |= bit(3);
                        continue;
                    }
                    out[start] |= bit(0);
                    for slot in &mut out[start + 1..start + len - 1] {
                        *slot |= bit(1);
                    }
                    out[start + len - 1] |= bit(2);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    #[test]
    fn marks_multi_token_names() {
        let gaz = Gazetteer::from_entries(vec![(key(["new", "york"]), 0b0010), (key(["york"]), 0b0100)], 3);
        let doc = Document::new("He flew to New York today.");
        let lowers: Vec<u64> = doc.tokens.iter().map(|t| fnv(t.norm.as_bytes())).collect();
        let mut marks = Vec::new();
        gaz.mark(&lowers, &mut marks);
        assert_eq!(marks, [0, 0, 0, 1 << 4, (1 << 6) | (1 << 11), 0, 0]);
    }
}

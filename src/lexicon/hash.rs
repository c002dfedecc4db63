//! The hash of the analyses' maps and word sets.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (as in rustc) with a final mix, for the maps and word lists of the
/// analyses: keys are short strings and small integer arrays from one text or a list,
/// where SipHash's flood resistance buys nothing and costs most of the time spent in maps.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

/// rustc's FxHash multiplier, 2^64 / π rounded to odd: any odd constant with spread
/// bits would do; this one has been in wide use. Nothing stores these hashes, so they
/// may change freely (the tests below check that small keys spread).
const FX_MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The first multiplier of SplitMix64's finaliser, which mixes the folded hash once more.
const FINISH_MULTIPLIER: u64 = 0xbf58_476d_1ce4_e5b9;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_MULTIPLIER);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(short_word(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply carries input bits only upwards, while the table indexes by the
        // low bits: fold the high half down, or keys differing past their first bytes
        // ("w1a2q", "w1a3q") collide.
        let hash = self.hash ^ (self.hash >> 32);
        (hash ^ (hash >> 29)).wrapping_mul(FINISH_MULTIPLIER)
    }
}

/// Up to 8 bytes as the little-endian word they make when zero-padded, read with
/// at most two loads that may overlap. Copying them into an array and reading that
/// back would make the load wait for the narrower stores, and most words end in such
/// a remainder.
pub(crate) fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(&first), Some(&last)) if n <= 8 => {
            u64::from(u32::from_le_bytes(first)) | u64::from(u32::from_le_bytes(last)) << (8 * (n - 4))
        }
        _ if n == 0 || n >= 4 => 0,
        _ => {
            let byte = |i: usize| bytes.get(i).map_or(0, |&b| u64::from(b));
            byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1))
        }
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hash set with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fx_hasher_spreads_small_keys() {
        let hash = |key: [u32; 4]| {
            let mut hasher = FxHasher::default();
            std::hash::Hash::hash(&key, &mut hasher);
            hasher.finish()
        };
        assert_ne!(hash([1, 2, u32::MAX, u32::MAX]), hash([2, 1, u32::MAX, u32::MAX]));
        assert_ne!(hash([1, u32::MAX, u32::MAX, u32::MAX]), hash([1, 1, u32::MAX, u32::MAX]));
        let low_bits = |text: &str| {
            let mut hasher = FxHasher::default();
            std::hash::Hash::hash(text, &mut hasher);
            hasher.finish() & 0xffff
        };
        let distinct: HashSet<u64> = (0..1000).map(|i| low_bits(&format!("w{i:x}q"))).collect();
        assert!(distinct.len() > 900, "help: similar keys collide in the low bits");
    }

    #[test]
    fn short_words_are_the_zero_padded_bytes() {
        let bytes = "Zü北京x".as_bytes();
        for len in 0..=8 {
            let mut word = [0u8; 8];
            word[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(short_word(&bytes[..len]), u64::from_le_bytes(word), "{len} bytes");
        }
    }

    #[test]
    fn fx_hasher_reads_bytes_as_zero_padded_little_endian_words() {
        let text = "Zürich's 北京 words of every length";
        for len in 0..=text.len() {
            let bytes = &text.as_bytes()[..len];
            let mut expected = FxHasher::default();
            for chunk in bytes.chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                expected.add(u64::from_le_bytes(word));
            }
            let mut hasher = FxHasher::default();
            hasher.write(bytes);
            assert_eq!(hasher.finish(), expected.finish(), "{len} bytes");
        }
    }
}

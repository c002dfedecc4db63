//! The hashes of the tagger's features, a leaf that the features, the gazetteer and
//! the form scores share.
//!
//! **[`fnv`] and [`Hasher`], with their constants, are part of the model format**: a
//! feature's weight row and a gazetteer entry are found by the hashes computed here,
//! and `models/ner.bin` was trained with them. Changing any of them (a constant, a
//! shift, the order of the mixing steps) makes every stored bucket point at the wrong
//! row; it needs a retrained model (`make model`), and the NER evaluation
//! (`make bench-ner`) to check it. [`HashMap64`] only keys maps within a run and may
//! change freely.
//!
//! The constants are well-known ones, not tuned: any odd multiplier whose bits are
//! spread would do as well, and these have been studied in wide use.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The 64-bit FNV-1a offset basis and prime, as the FNV specification gives them.
pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(super) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Spreads a template number over all 64 bits: an odd constant with well-spread bits,
/// common in published 64-bit mixers.
const TEMPLATE_MULTIPLIER: u64 = 0xd6e8_feb8_6659_fd93;

/// 2^64 divided by the golden ratio, rounded to odd (Fibonacci hashing): consecutive
/// inputs (small numbers, template parts) land far apart.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

/// The first multiplier of MurmurHash3's 64-bit finaliser (fmix64), which with its
/// shifts of 33 carries the high bits down into the low ones.
const FMIX: u64 = 0xff51_afd7_ed55_8ccd;

/// FNV-1a of a byte slice: each token's strings are hashed once, and features
/// combine these hashes.
#[inline]
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// A feature hash being built from a template number and parts.
#[derive(Clone, Copy)]
pub(crate) struct Hasher(u64);

impl Hasher {
    #[inline]
    pub(crate) fn new(template: u8) -> Self {
        Hasher((u64::from(template) + 1).wrapping_mul(TEMPLATE_MULTIPLIER))
    }

    /// Adds one part (a string's hash or a small number). The rotation moves the
    /// multiply's well-mixed high bits down before the next part comes in.
    #[inline]
    pub(crate) fn with(self, part: u64) -> Self {
        Hasher((self.0 ^ part).wrapping_mul(GOLDEN).rotate_left(29))
    }

    /// The finished hash: a bucket is its top bits, so every part must reach them.
    #[inline]
    pub(crate) fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(FMIX);
        h ^= h >> 33;
        h
    }
}

/// A fast hasher for maps keyed by hashes that are already well mixed (not part of the
/// model format).
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(bytes);
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: keys that differ in a few bits reach every bit the map
        // reads (it indexes by the low bits and tags entries by the top seven).
        self.0 = n.wrapping_mul(GOLDEN);
    }
}

/// A map keyed by hashes.
pub(crate) type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

//! The hashes of the tagger's features, a leaf that the features, the gazetteer and
//! the form scores share.
//!
//! **These functions and their constants are part of the model format**: a feature's
//! weight row is found by the hash computed here, and `models/ner.bin` was trained
//! with them. Changing any of them (a constant, a shift, the order of the mixing
//! steps) makes every stored bucket point at the wrong row; it needs a retrained model
//! (`make model`), and the NER evaluation (`make bench-ner`) to check it.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub(super) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(super) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

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
        Hasher((u64::from(template) + 1).wrapping_mul(0xd6e8_feb8_6659_fd93))
    }

    /// Adds one part (a string's hash or a small number).
    #[inline]
    pub(crate) fn with(self, part: u64) -> Self {
        Hasher((self.0 ^ part).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29))
    }

    #[inline]
    pub(crate) fn finish(self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A fast hasher for maps keyed by hashes that are already well mixed.
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
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type HashMap64<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

//! Names seen as entities in the training data, kept only as 32-bit hashes of their
//! lower-cased token sequences (no text is shipped), matched against every window of
//! a sentence.

use super::features::{fnv, Hasher};
use super::NTYPES;
use crate::text::Token;

/// Template byte of gazetteer keys, distinct from every feature template.
const GAZ_TEMPLATE: u8 = 200;

/// Sorted hashes of entity names with, for each, the entity types it was seen as.
#[derive(Default, Clone, Debug)]
pub(crate) struct Gazetteer {
    pub(crate) keys: Vec<u32>,
    pub(crate) types: Vec<u8>,
    pub(crate) max_len: usize,
}

/// The gazetteer key of a sequence of lower-cased tokens.
#[cfg(any(test, feature = "train"))]
pub(crate) fn key<'a>(norms: impl IntoIterator<Item = &'a str>) -> u32 {
    let h = norms.into_iter().fold(Hasher::new(GAZ_TEMPLATE), |h, norm| h.with(fnv(norm.as_bytes())));
    (h.finish() >> 32) as u32
}

impl Gazetteer {
    /// Builds a gazetteer from `(key, type mask)` pairs, merging duplicates.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_entries(mut entries: Vec<(u32, u8)>, max_len: usize) -> Self {
        entries.sort_unstable();
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
        Gazetteer { keys, types, max_len }
    }

    fn lookup(&self, key: u32) -> u8 {
        self.keys.binary_search(&key).ok().and_then(|i| self.types.get(i).copied()).unwrap_or(0)
    }

    /// For each token, a bit set of (type × position in a matching name): bit
    /// `4 * type + pos`, with pos 0 = begin, 1 = inside, 2 = last, 3 = the whole name.
    pub(crate) fn mark(&self, tokens: &[Token], out: &mut Vec<u16>) {
        out.clear();
        out.resize(tokens.len(), 0);
        if self.keys.is_empty() {
            return;
        }
        for start in 0..tokens.len() {
            let mut h = Hasher::new(GAZ_TEMPLATE);
            for len in 1..=self.max_len.min(tokens.len() - start) {
                h = h.with(fnv(tokens[start + len - 1].norm.as_bytes()));
                let mask = self.lookup((h.finish() >> 32) as u32);
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
        let mut marks = Vec::new();
        gaz.mark(&doc.tokens, &mut marks);
        assert_eq!(marks, [0, 0, 0, 1 << 4, (1 << 6) | (1 << 11), 0, 0]);
    }
}

//! Sorting for the whole crate through one compiled sort.
//!
//! The standard library's sorts (driftsort and ipnsort) are generic over the element and
//! the comparison, so every call site compiles its own copies of several functions: the
//! wasm held 96 of them, 138 KB before compression. Here one merge sort over indices, with
//! the comparison behind `dyn`, is compiled once, and each call site adds only a short
//! permutation loop. The sort is stable; where a caller sorted unstably, its comparison
//! either orders every pair of distinct elements or leaves ties in an order nobody reads.
//! The key-phrase graph's word pairs, several hundred thousand per megabyte, have a radix
//! sort of their own ([`sort_keys`]); the summary's sentence vectors, thousands per text
//! and a few dozen terms each, are sorted by insertion where short (`summary`). Measured
//! with the rest on this one (`make build`, `tools/compare-builds.mjs` both ways): wasm
//! 425,786 -> 406,466 bytes gzipped, warm seed and 1 MB of CoNLL-2003 news 2-3% slower;
//! results identical on the dev texts (`tools/snapshot.mjs`). The summary's last use of
//! the standard library's sort, for its sentence vectors, went in December 2026: 3.2 KB
//! less wasm, 1.1 KB gzipped, as fast (compare-builds, 30 rounds both orders: 1 MB 0.987
//! and 1.002).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order = sorted_indices(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (for training and tests: the entity stage no
/// longer sorts full names since it looks short names up in a map).
#[cfg(any(test, feature = "train"))]
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts `keys` in increasing order: a least-significant-digit radix sort, a byte per
/// pass, over only the bytes in which the keys differ. It sorts the key-phrase graph's
/// word pairs, several hundred thousand per megabyte of text: with it `analyze()` of
/// 1 MB of news took 1,966 million instructions (callgrind) where the standard
/// library's unstable sort took 1,989 million, and the seed article about the same.
pub fn sort_keys(keys: &mut Vec<u64>) {
    let Some(&widest) = keys.iter().max() else { return };
    let mut spare = vec![0u64; keys.len()];
    for shift in (0..64 - widest.leading_zeros()).step_by(8) {
        let digit = |key: u64| (key >> shift) as usize & 0xff;
        let mut starts = [0usize; 256];
        for &key in keys.iter() {
            starts[digit(key)] += 1;
        }
        if starts.contains(&keys.len()) {
            continue;
        }
        let mut at = 0;
        for slot in &mut starts {
            (*slot, at) = (at, at + *slot);
        }
        for &key in keys.iter() {
            let slot = &mut starts[digit(key)];
            if let Some(place) = spare.get_mut(*slot) {
                *place = key;
            }
            *slot += 1;
        }
        std::mem::swap(keys, &mut spare);
    }
}

/// Runs shorter than this are sorted by insertion before they are merged: fewer passes,
/// and insertion is the faster sort at this length.
const RUN: usize = 12;

/// The indices `0..n` in the order `compare` gives them, ties in index order.
fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    if (1..n).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return order;
    }
    for run in order.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && compare(run[j - 1] as usize, run[j] as usize) == Ordering::Greater {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut spare = order.clone();
    let mut width = RUN;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&order[start..middle], &order[middle..end], &mut spare[start..end], compare);
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

/// Merges two sorted runs into `out`, taking from the left run on ties (stability).
fn merge(left: &[u32], right: &[u32], out: &mut [u32], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = r == right.len() || (l < left.len() && compare(left[l] as usize, right[r] as usize) != Ordering::Greater);
        if take_left {
            *slot = left[l];
            l += 1;
        } else {
            *slot = right[r];
            r += 1;
        }
    }
}

/// Rearranges `items` so that position `i` holds the item that was at `order[i]`,
/// following each cycle of the permutation with swaps (`order` is used up).
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] as usize != start {
            let from = order[at] as usize;
            items.swap(at, from);
            order[at] = at as u32;
            at = from;
        }
        order[at] = at as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_keys_as_the_standard_sort(keys in proptest::collection::vec(prop_oneof![any::<u64>(), 0u64..300, (0u64..70_000, 0u64..70_000).prop_map(|(a, b)| a << 32 | b)], 0..600)) {
            let mut ours = keys.clone();
            sort_keys(&mut ours);
            let mut theirs = keys;
            theirs.sort_unstable();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            let mut theirs = items;
            theirs.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn sorts_owned_values_in_reverse_and_natural_order() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple", "apple"]);
    }
}

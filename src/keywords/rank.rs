//! Ranking (step 2): each word class's centrality, PageRank over a co-occurrence
//! graph personalised by position, and its specificity from a general-English table.

use super::words::{Lexed, NONE};
use crate::lexicon::list::{self, list_file};
use crate::lexicon::FastMap;
use crate::order;
use std::sync::OnceLock;

/// Co-occurrence window in words, stopwords included (SingleRank's usual setting).
const WINDOW: usize = 10;

/// The total change of the scores (which sum to 1) below which PageRank stops. At 1e-6
/// the words' order had settled iterations before: at 1e-5, on the 802 texts of
/// `tools/snapshot.mjs`, no key phrase or summary changes and the largest change of a
/// key phrase's score is 4e-5, every `make eval` figure is the same, and analyze() of
/// 1 MB of news is 4-6% faster (`tools/compare-builds.mjs`, both orders). At 1e-4 the
/// phrases stay too, but scores move by up to 6e-4 for no more speed.
const CONVERGED: f64 = 1e-5;

/// PageRank damping factor (the usual setting).
const DAMPING: f64 = 0.85;

/// PageRank iterations at most: the ranking of words settles long before the scores
/// converge to many digits (0.85^30 < 1%).
const ITERATIONS: usize = 30;

/// Rank of a word in the general-English table (0 = most frequent).
fn common_rank(norm: &str) -> Option<usize> {
    static MAP: OnceLock<FastMap<&'static str, usize>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = FastMap::default();
        for (rank, word) in list::words(list_file!(include_str!("common_en.txt"))).enumerate() {
            map.entry(word).or_insert(rank);
        }
        map
    });
    map.get(norm).copied()
}

/// The specificity of the most common listed word, a little over a third of an
/// unlisted word's 1. On the keyphrase dev sets (F@10) floors from 0.2 to 0.5 score
/// alike (within 0.15 on Inspec, SemEval-2010 and DUC-2001); no specificity at all
/// (a floor of 1) loses 0.7 on SemEval-2010 (20.19 → 19.49) and 0.8 of F@5 on DUC.
const SPECIFICITY_FLOOR: f64 = 0.35;

/// The rank at which the weight reaches 1: just past the end of the table (491 words),
/// so that its last words weigh about as much as an unlisted one (0.98). Scales from
/// 300 to 5,000 stay within 0.4 F@10 of each other on the dev sets (a wider one gains
/// a little on Inspec and SemEval-2010 and loses a little on DUC-2001).
const SPECIFICITY_FULL_RANK: f64 = 600.0;

/// How specific a word is, from its general-English rank: the most common words weigh
/// about a third of an unlisted word, rising with the logarithm of the rank.
pub(super) fn specificity(norm: &str) -> f64 {
    match common_rank(norm) {
        None => 1.0,
        Some(rank) => {
            let r = rank as f64;
            let rise = 1.0 - SPECIFICITY_FLOOR;
            (SPECIFICITY_FLOOR + rise * (r + 1.0).ln() / SPECIFICITY_FULL_RANK.ln()).min(1.0)
        }
    }
}

/// PageRank over word classes that co-occur within `WINDOW` words (stopwords
/// count as words, as in SingleRank), personalised by `position_weight`. Scaled so that
/// the mean is 1.
pub(super) fn word_centrality(lexed: &Lexed, scored_end: usize, position_weight: &[f64]) -> Vec<f64> {
    let classes = position_weight.len();
    if classes == 0 {
        return Vec::new();
    }
    let (pairs, counts) = co_occurrences(lexed, scored_end);
    let graph = Graph::new(classes, &pairs, &counts);
    let uniform = 1.0 / classes as f64;
    let position_total: f64 = position_weight.iter().sum();
    let personal: Vec<f64> =
        position_weight.iter().map(|&p| if position_total > 0.0 { p / position_total } else { uniform }).collect();
    let score = graph.page_rank(&personal);
    score.iter().map(|s| s * classes as f64).collect()
}

/// Every pair of different word classes within `WINDOW` words of each other in the
/// first `scored_end` tokens, as the key (lower class << 32 | higher class) in
/// increasing order, with how often each occurs. Two arrays rather than one of (pair,
/// count): 12 bytes a pair instead of 16, made in place from the sorted keys (1 MB of
/// news has some 250,000 pairs).
fn co_occurrences(lexed: &Lexed, scored_end: usize) -> (Vec<u64>, Vec<u32>) {
    // Every co-occurrence as one key (lower class, higher class), counted once sorted:
    // cheaper than a map from pairs to counts.
    // At most one pair with each of the words before, made room for at once.
    let content_words = lexed.token_class.iter().take(scored_end).filter(|&&class| class != NONE).count();
    let mut pairs: Vec<u64> = Vec::with_capacity(content_words * WINDOW.saturating_sub(1));
    let mut recent: Vec<u32> = Vec::with_capacity(WINDOW);
    let token_words = lexed.token_form.iter().zip(&lexed.token_class).take(scored_end);
    for (_, &class) in token_words.filter(|(&form, _)| form != NONE) {
        if class != NONE {
            for &other in recent.iter().filter(|&&o| o != NONE && o != class) {
                pairs.push(u64::from(class.min(other)) << 32 | u64::from(class.max(other)));
            }
        }
        if recent.len() + 1 >= WINDOW.max(1) && !recent.is_empty() {
            recent.remove(0);
        }
        recent.push(class);
    }
    order::sort_keys(&mut pairs);
    let counts = pairs.chunk_by(|a, b| a == b).map(|run| run.len() as u32).collect();
    pairs.dedup();
    pairs.shrink_to_fit();
    (pairs, counts)
}

/// The co-occurrence graph as adjacency in compressed rows: row `i` lists
/// (j, w_ij / strength_j), the share of j's score that flows to i, so one PageRank
/// iteration is a multiply-add per edge end.
struct Graph {
    /// Where each node's row starts in `neighbours` and `shares` (one more than nodes).
    offsets: Vec<usize>,
    /// Neighbours and shares in two arrays: the iterations stream through both.
    neighbours: Vec<u32>,
    shares: Vec<f64>,
}

impl Graph {
    /// The graph of `nodes` nodes and the edges `pairs` ([`co_occurrences`]) of
    /// weights `counts`.
    fn new(nodes: usize, pairs: &[u64], counts: &[u32]) -> Self {
        let edges = || pairs.iter().zip(counts).map(|(&key, &n)| ((key >> 32) as u32, key as u32, f64::from(n)));
        let mut offsets = vec![0usize; nodes + 1];
        let mut strength = vec![0.0f64; nodes];
        for (a, b, w) in edges() {
            for node in [a, b] {
                if let (Some(o), Some(s)) = (offsets.get_mut(node as usize + 1), strength.get_mut(node as usize)) {
                    *o += 1;
                    *s += w;
                }
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let ends = offsets.last().copied().unwrap_or(0);
        let (mut neighbours, mut shares) = (vec![0u32; ends], vec![0.0f64; ends]);
        for (a, b, w) in edges() {
            for (node, other) in [(a, b), (b, a)] {
                let share = w / strength.get(other as usize).copied().unwrap_or(1.0);
                if let Some(at) = fill.get_mut(node as usize) {
                    if let (Some(n), Some(s)) = (neighbours.get_mut(*at), shares.get_mut(*at)) {
                        (*n, *s) = (other, share);
                    }
                    *at += 1;
                }
            }
        }
        Graph { offsets, neighbours, shares }
    }

    /// PageRank personalised by `personal` (one weight per node, summing to 1): at most
    /// `ITERATIONS` iterations, fewer once the scores move less than [`CONVERGED`] in
    /// all.
    fn page_rank(&self, personal: &[f64]) -> Vec<f64> {
        let mut score = personal.to_vec();
        let mut next = vec![0.0f64; personal.len()];
        for _ in 0..ITERATIONS {
            for ((slot, &p), row) in next.iter_mut().zip(personal).zip(self.offsets.windows(2)) {
                let (from, to) = (self.neighbours.get(row[0]..row[1]).unwrap_or(&[]), self.shares.get(row[0]..row[1]).unwrap_or(&[]));
                let mut incoming = 0.0;
                for (&j, &share) in from.iter().zip(to) {
                    incoming += share * score.get(j as usize).copied().unwrap_or(0.0);
                }
                *slot = (1.0 - DAMPING) * p + DAMPING * incoming;
            }
            // Converged when the scores moved less than `CONVERGED` in all. The running sum of
            // non-negative changes never decreases, so it can stop at the first partial sum
            // that reaches the bound, with the same verdict as the whole sum.
            let mut change = 0.0;
            let converged = next.iter().zip(&score).all(|(a, b)| {
                change += (a - b).abs();
                change < CONVERGED
            });
            std::mem::swap(&mut score, &mut next);
            if converged {
                break;
            }
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specificity_ranks_common_words_low() {
        assert!(specificity("time") < specificity("method"));
        assert!(specificity("method") < specificity("kurdistan"));
        assert_eq!(specificity("kurdistan"), 1.0);
    }
}

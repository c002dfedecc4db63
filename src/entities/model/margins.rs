//! How sure the tagger is of each name it finds: the max-marginal margin, how far the
//! best tag sequence of the sentence scores ahead of the best sequence that does not
//! have that name (one that tags some token of it otherwise). A name that only just
//! won has a margin near 0; the calibration (`crate::entities::confidence`) turns
//! margins into probabilities.
//!
//! The best sequence through tag `y` at token `t` scores `forward[t][y] +
//! backward[t][y]`: the best path from the sentence start to `y` at `t` (its score
//! included) plus the best from there to the end. A sequence without the name differs
//! from the best one at some token of the name, so the best of them is the largest
//! such sum over the name's tokens and the tags they do not have.

use super::decode::Score;
use super::tags::{allowed_end, allowed_start, part_of, Part, CLOSED, NTAGS, NTYPES, OPENING};

/// The transition scores laid out for the two passes, and their buffers.
///
/// Both passes take the shortcut of the tagging [`Decoder`](super::decode::Decoder):
/// usually one tag (mostly `O`) is so far ahead of the others that it is the best
/// neighbour of every closed or opening tag whatever the transition, and then the
/// others need no look.
pub(super) struct Margins {
    /// Per tag of [`OPENING`] and predecessor of [`CLOSED`]: the transition score.
    into_opening: [[i64; CLOSED.len()]; OPENING.len()],
    /// Per predecessor of [`CLOSED`]: its highest and lowest transition to an opening
    /// tag; per tag of [`OPENING`]: its highest and lowest transition from a closed one.
    from_closed: [(i64, i64); CLOSED.len()],
    into_opened: [(i64, i64); OPENING.len()],
    /// Per kind: B→I, I→I, B→L, I→L.
    inside: [[i64; 4]; NTYPES],
    /// Start and end scores, [`Score::LOW`] for tags that cannot start or end.
    start: [i64; NTAGS],
    end: [i64; NTAGS],
    forward: Vec<[i64; NTAGS]>,
    backward: Vec<[i64; NTAGS]>,
}

impl Margins {
    /// The margins of a model with these transition, start and end scores (`NTAGS ×
    /// NTAGS`, `NTAGS`, `NTAGS`; missing scores count as 0).
    pub(super) fn new(trans: &[i64], start: &[i64], end: &[i64]) -> Self {
        let score = |from: usize, to: usize| trans.get(from * NTAGS + to).copied().unwrap_or(0);
        let into_opening: [[i64; CLOSED.len()]; OPENING.len()] = std::array::from_fn(|o| std::array::from_fn(|c| score(CLOSED[c], OPENING[o])));
        let spread = |scores: &mut dyn Iterator<Item = i64>| scores.fold((i64::MIN, i64::MAX), |(hi, lo), t| (hi.max(t), lo.min(t)));
        let from_closed = std::array::from_fn(|c| spread(&mut into_opening.iter().map(|row| row[c])));
        let into_opened = std::array::from_fn(|o| spread(&mut into_opening[o].iter().copied()));
        let inside = std::array::from_fn(|k| {
            let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
            [score(b, i), score(i, i), score(b, l), score(i, l)]
        });
        let start = std::array::from_fn(|t| if allowed_start(t) { start.get(t).copied().unwrap_or(0) } else { i64::LOW });
        let end = std::array::from_fn(|t| if allowed_end(t) { end.get(t).copied().unwrap_or(0) } else { i64::LOW });
        Margins { into_opening, from_closed, into_opened, inside, start, end, forward: Vec::new(), backward: Vec::new() }
    }

    /// The margin of every name of a sentence whose tag scores are `emit` (`NTAGS` a
    /// token) and whose best tags are `tags`, as (first token, last token, margin), in
    /// order, into `out`. A margin is never negative.
    pub(super) fn of_names(&mut self, emit: &[i64], tags: &[usize], out: &mut Vec<(usize, usize, i64)>) {
        let (Some(first), Some(last)) = (tags.iter().position(|&t| t != 0), tags.iter().rposition(|&t| t != 0)) else { return };
        if emit.len() != tags.len() * NTAGS {
            return;
        }
        // Forward scores are needed up to the last name, backward ones from the first.
        self.run_forward(&emit[..(last + 1) * NTAGS]);
        self.run_backward(emit, first);
        let Some(at_last) = self.forward.get(last) else { return };
        let best = (0..NTAGS).map(|y| at_last[y] + self.backward[last - first][y]).max().unwrap_or(i64::LOW);
        let mut opened = first;
        for (t, &tag) in tags.iter().enumerate().take(last + 1).skip(first) {
            let (part, _) = part_of(tag);
            if matches!(part, Part::Begin | Part::Unit) {
                opened = t;
            }
            if !matches!(part, Part::Last | Part::Unit) {
                continue;
            }
            let mut rival = i64::LOW;
            for u in opened..=t {
                let (f, b) = (&self.forward[u], &self.backward[u - first]);
                for y in 0..NTAGS {
                    if y != tags[u] {
                        rival = rival.max(f[y] + b[y]);
                    }
                }
            }
            out.push((opened, t, (best - rival).max(0)));
        }
    }

    /// `forward[t][y]`: the best score of a legal path over tokens `0..=t` ending in `y`.
    fn run_forward(&mut self, emit: &[i64]) {
        self.forward.clear();
        let mut rows = emit.chunks_exact(NTAGS).filter_map(|row| <&[i64; NTAGS]>::try_from(row).ok());
        let Some(first) = rows.next() else { return };
        let mut dp: [i64; NTAGS] = std::array::from_fn(|y| self.start[y] + first[y]);
        self.forward.push(dp);
        for emit in rows {
            let closed: [i64; CLOSED.len()] = std::array::from_fn(|c| dp[CLOSED[c]]);
            let (lead, top) = leader(&closed);
            let mut next = [i64::LOW; NTAGS];
            if alone(&closed, lead, top + self.from_closed[lead].1, |c| self.from_closed[c].0) {
                for (into, &to) in self.into_opening.iter().zip(&OPENING) {
                    next[to] = top + into[lead] + emit[to];
                }
            } else {
                for (into, &to) in self.into_opening.iter().zip(&OPENING) {
                    let mut best = i64::LOW;
                    for (&x, &t) in closed.iter().zip(into) {
                        best = best.max(x + t);
                    }
                    next[to] = best + emit[to];
                }
            }
            for (k, into) in self.inside.iter().enumerate() {
                let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
                next[i] = (dp[b] + into[0]).max(dp[i] + into[1]) + emit[i];
                next[l] = (dp[b] + into[2]).max(dp[i] + into[3]) + emit[l];
            }
            dp = next;
            self.forward.push(dp);
        }
    }

    /// `backward[t - from][y]`: the best score of a legal path over tokens `t + 1..`
    /// after `y` at token `t`, the end score included, for `t` from `from` on.
    fn run_backward(&mut self, emit: &[i64], from: usize) {
        let n = emit.len() / NTAGS;
        self.backward.clear();
        self.backward.resize(n.saturating_sub(from), [i64::LOW; NTAGS]);
        let Some(last) = self.backward.last_mut() else { return };
        *last = self.end;
        for t in (from..n - 1).rev() {
            let (Some(after), Some(scores)) = (self.backward.get(t + 1 - from), emit.get((t + 1) * NTAGS..(t + 2) * NTAGS)) else { return };
            let ahead: [i64; NTAGS] = std::array::from_fn(|z| scores[z] + after[z]);
            let opening: [i64; OPENING.len()] = std::array::from_fn(|o| ahead[OPENING[o]]);
            let (lead, top) = leader(&opening);
            let mut row = [i64::LOW; NTAGS];
            if alone(&opening, lead, top + self.into_opened[lead].1, |o| self.into_opened[o].0) {
                for (c, &from) in CLOSED.iter().enumerate() {
                    row[from] = self.into_opening[lead][c] + top;
                }
            } else {
                for (c, &from) in CLOSED.iter().enumerate() {
                    let mut best = i64::LOW;
                    for (into, &x) in self.into_opening.iter().zip(&opening) {
                        best = best.max(into[c] + x);
                    }
                    row[from] = best;
                }
            }
            for (k, into) in self.inside.iter().enumerate() {
                let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
                row[b] = (into[0] + ahead[i]).max(into[2] + ahead[l]);
                row[i] = (into[1] + ahead[i]).max(into[3] + ahead[l]);
            }
            self.backward[t - from] = row;
        }
    }
}

/// The place and value of the highest of `scores` (the first of equal ones).
fn leader(scores: &[i64; 9]) -> (usize, i64) {
    let mut lead = (0, scores[0]);
    for (place, &x) in scores.iter().enumerate().skip(1) {
        if x > lead.1 {
            lead = (place, x);
        }
    }
    lead
}

/// Whether every other score of `scores`, plus its highest transition (`highest`),
/// stays below `bar` (the leader's score plus its lowest transition): then the leader
/// is every tag's best neighbour.
fn alone(scores: &[i64; 9], lead: usize, bar: i64, highest: impl Fn(usize) -> i64) -> bool {
    scores.iter().enumerate().all(|(place, &x)| place == lead || x + highest(place) < bar)
}

#[cfg(test)]
mod tests {
    use super::super::decode::viterbi;
    use super::super::tags::{allowed, tag_of, Kind};
    use super::*;

    /// Every legal tag sequence of `n` tokens.
    fn sequences(n: usize) -> Vec<Vec<usize>> {
        let mut all: Vec<Vec<usize>> = (0..NTAGS).filter(|&t| allowed_start(t)).map(|t| vec![t]).collect();
        for _ in 1..n {
            all = all.iter().flat_map(|s| (0..NTAGS).filter(|&t| allowed(s[s.len() - 1], t)).map(move |t| [s.clone(), vec![t]].concat())).collect();
        }
        all.retain(|s| allowed_end(s[s.len() - 1]));
        all
    }

    fn score(s: &[usize], emit: &[i64], trans: &[i64], start: &[i64], end: &[i64]) -> i64 {
        let mut total = start[s[0]] + end[s[s.len() - 1]];
        for (t, &y) in s.iter().enumerate() {
            total += emit[t * NTAGS + y];
            if t > 0 {
                total += trans[s[t - 1] * NTAGS + y];
            }
        }
        total
    }

    #[test]
    fn margins_equal_those_of_every_sequence_scored_one_by_one() {
        let mut rng = 0x2545_f491u64;
        let mut next = move |range: i64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * range as u64 + 1)) as i64 - range
        };
        for n in 1..=4 {
            for round in 0..12 {
                let mut emit: Vec<i64> = (0..n * NTAGS).map(|_| next(20)).collect();
                // Names likely: a person at the first token; and, in some rounds, `O`
                // far ahead elsewhere, as in text, so that the shortcut is taken.
                emit[tag_of(Kind::Person, Part::Unit)] += 10 * (round % 3) as i64;
                if round % 2 == 1 {
                    for token in emit.chunks_exact_mut(NTAGS).skip(1) {
                        token[0] += 60;
                    }
                }
                let trans: Vec<i64> = (0..NTAGS * NTAGS).map(|_| next(5)).collect();
                let (start, end): (Vec<i64>, Vec<i64>) = ((0..NTAGS).map(|_| next(5)).collect(), (0..NTAGS).map(|_| next(5)).collect());
                let (mut tags, mut back) = (Vec::new(), Vec::new());
                viterbi(&emit, &trans, &start, &end, &mut tags, &mut back);
                let mut found = Vec::new();
                Margins::new(&trans, &start, &end).of_names(&emit, &tags, &mut found);
                let all = sequences(n);
                let best = all.iter().map(|s| score(s, &emit, &trans, &start, &end)).max().unwrap();
                let names: Vec<(usize, usize)> = found.iter().map(|&(a, b, _)| (a, b)).collect();
                let mut expected = Vec::new();
                for &(a, b) in &names {
                    let rival = all.iter().filter(|s| s[a..=b] != tags[a..=b]).map(|s| score(s, &emit, &trans, &start, &end)).max().unwrap();
                    expected.push((a, b, best - rival));
                }
                assert_eq!(found, expected, "{n} tokens, round {round}, tags {tags:?}");
                assert_eq!(names.is_empty(), tags.iter().all(|&t| t == 0));
            }
        }
    }
}

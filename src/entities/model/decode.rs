//! Viterbi decoding: the best legal tag sequence of a sentence, given each token's
//! tag scores and the tag-to-tag transition scores.

use super::tags::{allowed_end, allowed_start, CLOSED, NTAGS, NTYPES, OPENING};

/// A path score: integer when tagging, float when training.
pub(crate) trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// Far below any real path score, yet safe to add scores to.
    const LOW: Self;
}

impl Score for i64 {
    const LOW: i64 = i64::MIN / 4;
}

impl Score for f32 {
    const LOW: f32 = -1e30;
}

/// Best legal tag sequence for `n` tokens given per-token scores `emit` (`n × NTAGS`)
/// and transition scores (`NTAGS × NTAGS`, plus start and end), into `out`.
pub(crate) fn viterbi<T: Score>(emit: &[T], trans: &[T], start: &[T], end: &[T], out: &mut Vec<usize>, back: &mut Vec<u8>) {
    out.clear();
    let n = emit.len() / NTAGS;
    if n == 0 || trans.len() < NTAGS * NTAGS || start.len() < NTAGS || end.len() < NTAGS {
        return;
    }
    back.clear();
    back.resize(n * NTAGS, 0);
    // Tags that cannot start a sentence start with a score no real path falls to.
    let mut dp = [T::LOW; NTAGS];
    for (tag, slot) in dp.iter_mut().enumerate() {
        if allowed_start(tag) {
            *slot = start[tag] + emit[tag];
        }
    }
    // Transition scores gathered once, in the order the loop over tokens reads them.
    let mut after_closed = [[T::LOW; CLOSED.len()]; OPENING.len()];
    for (row, &to) in after_closed.iter_mut().zip(&OPENING) {
        for (slot, &from) in row.iter_mut().zip(&CLOSED) {
            *slot = trans[from * NTAGS + to];
        }
    }
    let inside = inside_transitions(trans);
    // Two score rows used in turn, so that no step copies one into the other.
    let mut rows = [dp, [T::LOW; NTAGS]];
    for (j, (emit, back)) in emit.chunks_exact(NTAGS).zip(back.chunks_exact_mut(NTAGS)).enumerate().skip(1) {
        let (Ok(emit), Ok(back)) = (<&[T; NTAGS]>::try_from(emit), <&mut [u8; NTAGS]>::try_from(back)) else { break };
        let [even, odd] = &mut rows;
        let (dp, next) = if j % 2 == 1 { (&*even, odd) } else { (&*odd, even) };
        let mut closed = [T::LOW; CLOSED.len()];
        for (x, &c) in closed.iter_mut().zip(&CLOSED) {
            *x = dp[c];
        }
        for (&to, into) in OPENING.iter().zip(&after_closed) {
            // Ties go to the first predecessor in tag order.
            let (mut best, mut arg) = (closed[0] + into[0], 0);
            for c in 1..CLOSED.len() {
                let s = closed[c] + into[c];
                // Selects rather than branches: which predecessor wins is unpredictable.
                let better = s > best;
                best = if better { s } else { best };
                arg = if better { c } else { arg };
            }
            next[to] = best + emit[to];
            back[to] = CLOSED[arg] as u8;
        }
        step_inside(&inside, dp, emit, next, back);
    }
    backtrack(&rows[(n - 1) % 2], end, back, out);
}

/// `inside[k]`: the transitions B→I, I→I, B→L and I→L of type `k`, the only ways into
/// the inside and last tags of a name.
fn inside_transitions<T: Score>(trans: &[T]) -> [[T; 4]; NTYPES] {
    std::array::from_fn(|k| {
        let (b, i, l) = (1 + 4 * k, 2 + 4 * k, 3 + 4 * k);
        [trans[b * NTAGS + i], trans[i * NTAGS + i], trans[b * NTAGS + l], trans[i * NTAGS + l]]
    })
}

/// One Viterbi step into the inside and last tags, each reached only from the same
/// type's begin or inside tag (ties go to the begin tag).
fn step_inside<T: Score>(inside: &[[T; 4]; NTYPES], dp: &[T; NTAGS], emit: &[T; NTAGS], next: &mut [T; NTAGS], back: &mut [u8; NTAGS]) {
    for (k, into) in inside.iter().enumerate() {
        let (b, i) = (1 + 4 * k, 2 + 4 * k);
        for (to, from_b, from_i) in [(i, into[0], into[1]), (i + 1, into[2], into[3])] {
            let (via_b, via_i) = (dp[b] + from_b, dp[i] + from_i);
            let (best, arg) = if via_i > via_b { (via_i, i) } else { (via_b, b) };
            next[to] = best + emit[to];
            back[to] = arg as u8;
        }
    }
}

/// The best legal last tag of the final scores `dp`, followed back through `back`
/// (`NTAGS` predecessors per token) into `out`, one tag per token.
fn backtrack<T: Score>(dp: &[T; NTAGS], end: &[T], back: &[u8], out: &mut Vec<usize>) {
    let (mut best, mut tag) = (T::LOW, 0);
    for (t, &score) in dp.iter().enumerate() {
        if allowed_end(t) && score + end[t] > best {
            best = score + end[t];
            tag = t;
        }
    }
    let n = back.len() / NTAGS;
    out.clear();
    out.resize(n, 0);
    for j in (0..n).rev() {
        out[j] = tag;
        tag = usize::from(back[j * NTAGS + tag]);
    }
}

/// The tagging [`viterbi`] with its transition scores laid out once per document.
///
/// Usually one closed tag (mostly `O`) is so far ahead of the others that it is the
/// best predecessor of every opening tag whatever the transition: then the other eight
/// need no look. Otherwise each path score to a closed tag is carried times 16 plus
/// 15 − the tag's place in [`CLOSED`], so that one maximum picks both the best
/// predecessor and, among equal scores, the first in tag order, as [`viterbi`] does.
pub(super) struct Decoder {
    /// Per tag of [`OPENING`] and predecessor of [`CLOSED`]: the transition score.
    plain: [[i64; CLOSED.len()]; OPENING.len()],
    /// Per tag of [`OPENING`] and predecessor of [`CLOSED`]: 16 × transition + 15 − place.
    into_opening: [[i64; CLOSED.len()]; OPENING.len()],
    /// Per predecessor of [`CLOSED`]: its highest and lowest transition to an opening tag.
    highest: [i64; CLOSED.len()],
    lowest: [i64; CLOSED.len()],
    /// Per kind: B→I, I→I, B→L, I→L.
    inside: [[i64; 4]; NTYPES],
    start: [i64; NTAGS],
    end: [i64; NTAGS],
}

/// Bound on transition scores for [`Decoder`]: 16 × a path score then stays far from
/// overflowing for any text.
const DECODER_MAX_TRANSITION: i64 = 1 << 32;

/// Start score of the tags that cannot start a sentence: below any real path even
/// times 16, and only ever compared with real paths.
const DECODER_LOW: i64 = i64::MIN / 64;

impl Decoder {
    /// `None` if some score is too large for the packed arithmetic.
    pub(super) fn new(trans: &[i64], start: &[i64], end: &[i64]) -> Option<Decoder> {
        let all = trans.iter().chain(start).chain(end);
        if trans.len() < NTAGS * NTAGS || start.len() < NTAGS || end.len() < NTAGS || all.clone().any(|t| t.abs() > DECODER_MAX_TRANSITION) {
            return None;
        }
        let mut plain = [[0; CLOSED.len()]; OPENING.len()];
        let mut into_opening = [[0; CLOSED.len()]; OPENING.len()];
        let (mut highest, mut lowest) = ([i64::MIN; CLOSED.len()], [i64::MAX; CLOSED.len()]);
        for ((row, packed), &to) in plain.iter_mut().zip(&mut into_opening).zip(&OPENING) {
            for (place, &from) in CLOSED.iter().enumerate() {
                let t = trans[from * NTAGS + to];
                row[place] = t;
                packed[place] = t * 16 + (15 - place as i64);
                highest[place] = highest[place].max(t);
                lowest[place] = lowest[place].min(t);
            }
        }
        let inside = inside_transitions(trans);
        let (mut starts, mut ends) = ([DECODER_LOW; NTAGS], [0; NTAGS]);
        for tag in 0..NTAGS {
            if allowed_start(tag) {
                starts[tag] = start[tag];
            }
            ends[tag] = end[tag];
        }
        Some(Decoder { plain, into_opening, highest, lowest, inside, start: starts, end: ends })
    }

    /// What [`viterbi`] gives for `emit` and these transitions, into `out`.
    pub(super) fn decode(&self, emit: &[i64], out: &mut Vec<usize>, back: &mut Vec<u8>) {
        out.clear();
        let n = emit.len() / NTAGS;
        let Some(Ok(first)) = emit.get(..NTAGS).map(<&[i64; NTAGS]>::try_from) else { return };
        back.clear();
        back.resize(n * NTAGS, 0);
        let mut dp = [0; NTAGS];
        for ((slot, &start), &emit) in dp.iter_mut().zip(&self.start).zip(first) {
            *slot = start + emit;
        }
        let mut rows = [dp, [0; NTAGS]];
        for (j, (emit, back)) in emit.chunks_exact(NTAGS).zip(back.chunks_exact_mut(NTAGS)).enumerate().skip(1) {
            let (Ok(emit), Ok(back)) = (<&[i64; NTAGS]>::try_from(emit), <&mut [u8; NTAGS]>::try_from(back)) else { break };
            let [even, odd] = &mut rows;
            let (dp, next) = if j % 2 == 1 { (&*even, odd) } else { (&*odd, even) };
            let mut closed = [0; CLOSED.len()];
            for (x, &c) in closed.iter_mut().zip(&CLOSED) {
                *x = dp[c];
            }
            let (mut top, mut lead) = (closed[0], 0);
            for (place, &x) in closed.iter().enumerate().skip(1) {
                if x > top {
                    (top, lead) = (x, place);
                }
            }
            // Another predecessor whose best transition stays below the leader's worst
            // is beaten (not tied) into every opening tag.
            let bar = top + self.lowest[lead];
            let alone = closed.iter().zip(&self.highest).enumerate().all(|(place, (&x, &h))| place == lead || x + h < bar);
            if alone {
                for ((&to, row), &emit) in OPENING.iter().zip(&self.plain).zip(OPENING.iter().map(|&to| &emit[to])) {
                    next[to] = top + row[lead] + emit;
                    back[to] = CLOSED[lead] as u8;
                }
            } else {
                for x in &mut closed {
                    *x *= 16;
                }
                for (&to, into) in OPENING.iter().zip(&self.into_opening) {
                    let mut best = closed[0] + into[0];
                    for (&x, &t) in closed.iter().zip(into).skip(1) {
                        best = best.max(x + t);
                    }
                    next[to] = (best >> 4) + emit[to];
                    back[to] = CLOSED[15 - (best & 15) as usize] as u8;
                }
            }
            step_inside(&self.inside, dp, emit, next, back);
        }
        backtrack(&rows[(n - 1) % 2], &self.end, back, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tags::{allowed, tag_of, Kind, Part};

    /// Viterbi over every allowed pair, the plain way.
    fn reference_viterbi(emit: &[i64], trans: &[i64], start: &[i64], end: &[i64]) -> Vec<usize> {
        let n = emit.len() / NTAGS;
        let mut dp: Vec<i64> = (0..NTAGS).map(|t| if allowed_start(t) { start[t] + emit[t] } else { i64::LOW }).collect();
        let mut back = vec![vec![0; NTAGS]; n];
        for j in 1..n {
            let mut next = vec![i64::LOW; NTAGS];
            for to in 0..NTAGS {
                for from in (0..NTAGS).filter(|&f| allowed(f, to)) {
                    let s = dp[from] + trans[from * NTAGS + to] + emit[j * NTAGS + to];
                    if s > next[to] {
                        next[to] = s;
                        back[j][to] = from;
                    }
                }
            }
            dp = next;
        }
        let mut tag = (0..NTAGS).filter(|&t| allowed_end(t)).fold(0, |b, t| if dp[t] + end[t] > dp[b] + end[b] { t } else { b });
        let mut out = vec![0; n];
        for j in (0..n).rev() {
            out[j] = tag;
            tag = back[j][tag];
        }
        out
    }

    #[test]
    fn viterbi_matches_the_plain_algorithm() {
        let mut rng = 0x1234_5678u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % 41) as i64 - 20
        };
        for n in [1, 2, 3, 7, 30] {
            let emit: Vec<i64> = (0..n * NTAGS).map(|_| next()).collect();
            let trans: Vec<i64> = (0..NTAGS * NTAGS).map(|_| next()).collect();
            let (start, end): (Vec<i64>, Vec<i64>) = ((0..NTAGS).map(|_| next()).collect(), (0..NTAGS).map(|_| next()).collect());
            let (mut out, mut back) = (Vec::new(), Vec::new());
            viterbi(&emit, &trans, &start, &end, &mut out, &mut back);
            assert_eq!(out, reference_viterbi(&emit, &trans, &start, &end), "{n} tokens");
        }
    }

    #[test]
    fn decoder_matches_viterbi_ties_included() {
        let mut rng = 0x9e37_79b9u64;
        let mut next = move |range: u64| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % (2 * range + 1)) as i64 - range as i64
        };
        for range in [1, 3, 1000] {
            for n in [1, 2, 3, 7, 30, 200] {
                let mut emit: Vec<i64> = (0..n * NTAGS).map(|_| next(range)).collect();
                let trans: Vec<i64> = (0..NTAGS * NTAGS).map(|_| next(range)).collect();
                let (start, end): (Vec<i64>, Vec<i64>) = ((0..NTAGS).map(|_| next(range)).collect(), (0..NTAGS).map(|_| next(range)).collect());
                // Then with `O` far ahead at most tokens, as in text: one predecessor alone.
                for lead in [false, true] {
                    if lead {
                        for token in emit.chunks_exact_mut(NTAGS).filter(|_| next(2) != 0) {
                            token[0] += 10 * range as i64;
                        }
                    }
                    let (mut expected, mut got, mut back) = (Vec::new(), Vec::new(), Vec::new());
                    viterbi(&emit, &trans, &start, &end, &mut expected, &mut back);
                    Decoder::new(&trans, &start, &end).unwrap().decode(&emit, &mut got, &mut back);
                    assert_eq!(got, expected, "{n} tokens, scores within ±{range}, O ahead: {lead}");
                }
            }
        }
        assert!(Decoder::new(&[DECODER_MAX_TRANSITION + 1; NTAGS * NTAGS], &[0; NTAGS], &[0; NTAGS]).is_none());
    }

    #[test]
    fn viterbi_never_returns_an_open_name() {
        // Emissions that, greedily, would give B-PER then O.
        let mut emit = vec![0i64; 2 * NTAGS];
        emit[tag_of(Kind::Person, Part::Begin)] = 10;
        emit[NTAGS] = 10;
        let zeros = vec![0i64; NTAGS * NTAGS];
        let (mut out, mut back) = (Vec::new(), Vec::new());
        viterbi(&emit, &zeros, &zeros[..NTAGS], &zeros[..NTAGS], &mut out, &mut back);
        assert_eq!(out.len(), 2);
        assert!(allowed_start(out[0]) && allowed(out[0], out[1]) && allowed_end(out[1]));
    }
}

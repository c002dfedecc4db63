//! Learning word classes from unlabelled text (feature `train` only) with the exchange
//! algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word is moved in
//! turn to the class that most raises the likelihood of a class bigram model of the
//! text, over a few passes. It optimises what Brown clustering optimises, without the
//! hierarchy, in time linear in the text.

use super::clusters::{key_of, Clusters};
use crate::lexicon::FastMap;
use crate::text::Document;

/// Settings of a clustering run.
#[derive(Clone, Copy, Debug)]
pub struct ClusterSettings {
    /// Classes words are sorted into (at most 256: a class is one byte).
    pub classes: usize,
    /// Words seen fewer times than this are not clustered.
    pub min_count: u32,
    /// Passes over the vocabulary.
    pub iterations: usize,
    /// The most frequent words whose classes are kept (the model ships them: about 3
    /// bytes each gzipped). With 4 epochs, 20,000 words made a model of 177 KB
    /// gzipped, 12,000 one of 158 KB and 8,000 one of 148 KB; over three seeds at
    /// 8,000 and two at 12,000, dev F1 of the tagger alone was CoNLL 92.7 and 92.6, BTC
    /// 73.4 and 73.7, WNUT-17 50.8 and 52.0, re3d 35.6 and 36.0, within the seeds'
    /// spread of each other (WNUT-17 varies by 2.7 from seed to seed).
    pub keep: usize,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings { classes: 256, min_count: 3, iterations: 12, keep: 8_000 }
    }
}

/// Word ids and counts of a text, with bigram lists per word.
struct Corpus {
    /// Clustered words, most frequent first (ties by text), then the two fixed words.
    words: Vec<String>,
    counts: Vec<u64>,
    /// Per word: (next word, count) and (previous word, count).
    right: Vec<Vec<(u32, u32)>>,
    left: Vec<Vec<(u32, u32)>>,
}

/// Reads the texts: lower-cased tokens, sentence by sentence.
fn corpus(texts: &[&str], min_count: u32) -> Corpus {
    let mut ids: FastMap<String, u32> = FastMap::default();
    let mut names: Vec<String> = Vec::new();
    let mut stream: Vec<u32> = Vec::new();
    // u32::MAX marks a sentence boundary until ids are final.
    for text in texts {
        let doc = Document::new(text);
        for sentence in &doc.sentences {
            stream.push(u32::MAX);
            for token in doc.sentence_tokens(sentence) {
                let next = names.len() as u32;
                let id = *ids.entry(token.norm.to_string()).or_insert_with(|| {
                    names.push(token.norm.to_string());
                    next
                });
                stream.push(id);
            }
        }
    }
    stream.push(u32::MAX);
    let mut raw_counts = vec![0u64; names.len()];
    for &w in stream.iter().filter(|&&w| w != u32::MAX) {
        raw_counts[w as usize] += 1;
    }
    let mut order: Vec<u32> = (0..names.len() as u32).filter(|&w| raw_counts[w as usize] >= u64::from(min_count)).collect();
    order.sort_by(|&a, &b| raw_counts[b as usize].cmp(&raw_counts[a as usize]).then_with(|| names[a as usize].cmp(&names[b as usize])));
    let vocabulary = order.len() as u32;
    let (rare, boundary) = (vocabulary, vocabulary + 1);
    let mut final_id = vec![rare; names.len()];
    for (new, &old) in order.iter().enumerate() {
        final_id[old as usize] = new as u32;
    }
    let stream: Vec<u32> = stream.iter().map(|&w| if w == u32::MAX { boundary } else { final_id[w as usize] }).collect();
    let n = vocabulary as usize + 2;
    let mut pairs: FastMap<(u32, u32), u32> = FastMap::default();
    let mut counts = vec![0u64; n];
    for pair in stream.windows(2) {
        *pairs.entry((pair[0], pair[1])).or_default() += 1;
    }
    for &w in &stream {
        counts[w as usize] += 1;
    }
    let mut sorted: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
    sorted.sort_unstable();
    let (mut right, mut left) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    for ((a, b), c) in sorted {
        right[a as usize].push((b, c));
        left[b as usize].push((a, c));
    }
    let mut words: Vec<String> = order.iter().map(|&w| names[w as usize].clone()).collect();
    words.extend(["<rare>".to_owned(), "<boundary>".to_owned()]);
    Corpus { words, counts, right, left }
}

/// The class bigram counts and the move scores.
struct State {
    k: usize,
    class: Vec<usize>,
    /// `k × k` class bigram counts, and their row and column sums.
    pairs: Vec<i64>,
    rows: Vec<i64>,
    cols: Vec<i64>,
    /// `x ln x` for every count up to the text's length.
    xlogx: Vec<f64>,
}

impl State {
    fn f(&self, x: i64) -> f64 {
        self.xlogx.get(x.max(0) as usize).copied().unwrap_or(0.0)
    }

    /// Adds `sign` times word `w`'s bigrams and counts to class `c`, given its neighbours'
    /// classes as (class, count) lists `to_right` and `to_left`.
    fn place(&mut self, c: usize, to_right: &[(usize, i64)], to_left: &[(usize, i64)], own: (i64, i64, i64), sign: i64) {
        let k = self.k;
        for &(d, n) in to_right {
            self.pairs[c * k + d] += sign * n;
        }
        for &(d, n) in to_left {
            self.pairs[d * k + c] += sign * n;
        }
        let (out, into, itself) = own;
        self.pairs[c * k + c] += sign * itself;
        self.rows[c] += sign * out;
        self.cols[c] += sign * into;
    }

    /// How much the likelihood rises when the word goes into class `c`.
    fn gain(&self, c: usize, to_right: &[(usize, i64)], to_left: &[(usize, i64)], own: (i64, i64, i64)) -> f64 {
        let k = self.k;
        let mut g = 0.0;
        for &(d, n) in to_right {
            let x = self.pairs[c * k + d];
            g += self.f(x + n) - self.f(x);
        }
        for &(d, n) in to_left {
            let x = self.pairs[d * k + c];
            g += self.f(x + n) - self.f(x);
        }
        let (out, into, _) = own;
        g - (self.f(self.rows[c] + out) - self.f(self.rows[c])) - (self.f(self.cols[c] + into) - self.f(self.cols[c]))
    }
}

/// Neighbour classes of a word's bigrams as (class, count), self-pairs left out;
/// `dense` is a zeroed scratch array of one slot per class.
fn neighbour_classes(list: &[(u32, u32)], me: u32, class: &[usize], dense: &mut [i64], out: &mut Vec<(usize, i64)>) {
    out.clear();
    for &(v, n) in list.iter().filter(|&&(v, _)| v != me) {
        let c = class[v as usize];
        if dense[c] == 0 {
            out.push((c, 0));
        }
        dense[c] += i64::from(n);
    }
    for (c, n) in out.iter_mut() {
        *n = dense[*c];
        dense[*c] = 0;
    }
}

/// Classes of the most frequent words of `texts`.
pub fn learn(texts: &[&str], settings: ClusterSettings) -> Clusters {
    let classes = settings.classes.clamp(2, 256);
    let corpus = corpus(texts, settings.min_count);
    let n = corpus.words.len();
    let vocabulary = n - 2;
    // The rare word and the sentence boundary keep classes of their own.
    let k = classes + 2;
    let class: Vec<usize> = (0..n).map(|w| if w < vocabulary { w % classes } else { classes + (w - vocabulary) }).collect();
    let total: u64 = corpus.counts.iter().sum();
    let xlogx = (0..=total + 1).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect();
    let mut state = State { k, class, pairs: vec![0; k * k], rows: vec![0; k], cols: vec![0; k], xlogx };
    for w in 0..n {
        for &(v, c) in &corpus.right[w] {
            let (a, b) = (state.class[w], state.class[v as usize]);
            state.pairs[a * k + b] += i64::from(c);
            state.rows[a] += i64::from(c);
            state.cols[b] += i64::from(c);
        }
    }
    let (mut dense, mut to_right, mut to_left) = (vec![0i64; k], Vec::new(), Vec::new());
    for _ in 0..settings.iterations {
        let mut moved = 0;
        for w in 0..vocabulary {
            let me = w as u32;
            neighbour_classes(&corpus.right[w], me, &state.class, &mut dense, &mut to_right);
            neighbour_classes(&corpus.left[w], me, &state.class, &mut dense, &mut to_left);
            let itself = corpus.right[w].iter().find(|&&(v, _)| v == me).map_or(0, |&(_, c)| i64::from(c));
            let out: i64 = corpus.right[w].iter().map(|&(_, c)| i64::from(c)).sum();
            let into: i64 = corpus.left[w].iter().map(|&(_, c)| i64::from(c)).sum();
            let own = (out, into, itself);
            let from = state.class[w];
            state.place(from, &to_right, &to_left, own, -1);
            let (mut best, mut best_gain) = (from, state.gain(from, &to_right, &to_left, own));
            for c in 0..classes {
                let g = state.gain(c, &to_right, &to_left, own);
                if g > best_gain + 1e-9 {
                    (best, best_gain) = (c, g);
                }
            }
            state.place(best, &to_right, &to_left, own, 1);
            state.class[w] = best;
            moved += usize::from(best != from);
        }
        if moved == 0 {
            break;
        }
    }
    let pairs = (0..vocabulary.min(settings.keep)).map(|w| (key_of(&corpus.words[w]), state.class[w] as u8)).collect();
    Clusters::from_pairs(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::model::hash::fnv;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut text = String::new();
        for (i, name) in ["paris", "london", "berlin", "rome"].iter().cycle().take(40).enumerate() {
            let verb = ["ate", "drank", "cooked", "sold"][i % 4];
            text.push_str(&format!("We flew to {name} today. The cat {verb} fish.\n"));
        }
        let clusters = learn(&[&text], ClusterSettings { classes: 4, min_count: 2, iterations: 10, keep: 100 });
        let class = |w: &str| clusters.class(fnv(w.as_bytes()));
        assert_eq!(class("paris"), class("london"));
        assert_eq!(class("berlin"), class("rome"));
        assert_eq!(class("ate"), class("sold"));
        assert_ne!(class("paris"), class("the"));
        assert_ne!(class("paris"), 0);
        assert_eq!(class("unseen"), 0);
    }
}

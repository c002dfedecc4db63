//! Stage 4: sentence importance and the extractive summary.
//!
//! A sentence's importance is the product of three factors:
//!
//! * **centrality**: the cosine of its term vector (stemmed content words, log term
//!   frequency) with the sum of every *other* sentence's vector, so that a sentence
//!   sharing the words most of the text uses scores high; key phrases, when present,
//!   add the weight of those they contain;
//! * **length**: headlines, datelines and fragments under 8 words are scaled down (a
//!   title, the first paragraph's one unended sentence, counts no words at all),
//!   run-ons over 40 words too, and otherwise a longer sentence carries more of
//!   the text (square root of its word count); a line without closing punctuation
//!   (a headline, a caption, a list item) counts half;
//! * **position**: a news lead summarises its story, so inside the lead paragraph
//!   importance decays quickly with the sentence's place. When the text has no
//!   paragraph breaks, the whole text is the lead; later paragraphs get no positional
//!   preference.
//!
//! The summary takes the most important sentences one at a time, discounting each
//! candidate by its similarity to those already taken (maximal marginal relevance).
//! Everything is linear in the text: no sentence-by-sentence similarity matrix.

use crate::keywords::{Keyword, Words};
use crate::language;
use crate::lexicon::{stemmer, FastMap, Stopwords};
use crate::order;
use crate::span::Span;
use crate::text::{has_line_break, Document, Sentence, TokenKind};
use rust_stemmers::Stemmer;
use std::borrow::Cow;
use std::ops::Range;
use serde::Serialize;

/// A sentence chosen for the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Index into the document's sentences.
    pub index: usize,
    /// Where the sentence is.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence's text.
    pub text: String,
    /// Its importance score (as in [`sentence_scores`]).
    pub score: f64,
}

/// Sentences with fewer words are scaled down in proportion.
const MIN_WORDS: f64 = 8.0;
/// Sentences with more words are scaled down by the square root of the excess ratio.
const MAX_WORDS: f64 = 40.0;
/// Sentences into the lead paragraph over which the positional weight falls by a factor e.
const LEAD_DECAY: f64 = 1.0;
/// Share of a sentence's centrality that key phrases contribute when there are any.
const KEYPHRASE_SHARE: f64 = 0.1;
/// How much a candidate's similarity to the sentences already taken costs it.
const REDUNDANCY: f64 = 0.1;

/// Summaries up to this many sentences are picked for diversity.
const REDUNDANCY_LIMIT: usize = 100;
/// Weight of a sentence without closing punctuation (a headline, a caption, a list item).
const UNFINISHED: f64 = 0.5;

/// Cosine at which a candidate counts as repeating a picked sentence: it is taken only
/// when nothing else is left.
const DUPLICATE: f64 = 0.8;

/// The content terms of every sentence as unit-length vectors.
struct Vectors {
    /// Per sentence: (term id, weight), sorted by term id.
    rows: Vec<Vec<(u32, f64)>>,
    /// Word and number tokens per sentence.
    words: Vec<usize>,
    /// Number of distinct terms.
    terms: usize,
}

/// Marks a form not yet given a term id.
const NO_TERM: u32 = u32::MAX;
/// Marks a form that is a stopword or function word, so no term.
const FUNCTION_WORD: u32 = u32::MAX - 1;

impl Vectors {
    /// `words`, when given, are the keyword stage's view of the same document: its
    /// forms stand in for the spellings, and for English its stems are reused.
    /// `language` is the document's ([`crate::language::detect`]).
    fn new(doc: &Document, words: Option<&Words>, language: &str) -> Self {
        let mut terms = Terms::new(doc, words, language);
        let mut rows = Vec::with_capacity(doc.sentences.len());
        let mut counts = Vec::with_capacity(doc.sentences.len());
        // Each row is built in one buffer and kept as an exact copy: one allocation a
        // sentence instead of a growing vector each.
        let mut row: Vec<(u32, f64)> = Vec::new();
        // A first paragraph of one unended sentence is the title. Its words, which the
        // lead repeats, drew the centroid to themselves: BBC dev articles after their
        // title, k=3, R-1 60.90 with them and 61.56 without (61.48 without the title).
        let titled = doc.paragraphs.get(1).is_some_and(|p| doc.sentences.get(1).is_some_and(|s| s.span.start >= p.start))
            && doc.sentences.first().is_some_and(|s| !is_finished(doc, s));
        for (k, sentence) in doc.sentences.iter().enumerate() {
            row.clear();
            let mut count = 0;
            // A web page's menus, byline and copyright line, and the title: no words, so
            // never picked.
            let furniture = sentence.furniture.is_some() || titled && k == 0;
            for (index, token) in sentence.tokens.clone().zip(doc.sentence_tokens(sentence)).filter(|_| !furniture) {
                if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
                    continue;
                }
                count += 1;
                let id = terms.id(index, token.norm.as_str());
                if id == FUNCTION_WORD {
                    continue;
                }
                row.push((id, 1.0));
            }
            to_unit_vector(&mut row);
            rows.push(row.clone());
            counts.push(count);
        }
        Vectors { rows, words: counts, terms: terms.count() }
    }

    fn dot(row: &[(u32, f64)], dense: &[f64]) -> f64 {
        row.iter().map(|&(id, w)| w * dense.get(id as usize).copied().unwrap_or(0.0)).sum()
    }

    /// Per sentence, the cosine with the sum of all other sentences.
    fn centrality(&self) -> Vec<f64> {
        let mut centroid = vec![0.0; self.terms];
        for row in &self.rows {
            for &(id, w) in row {
                if let Some(c) = centroid.get_mut(id as usize) {
                    *c += w;
                }
            }
        }
        let total = centroid.iter().map(|c| c * c).sum::<f64>();
        self.rows
            .iter()
            .map(|row| {
                // Against the sum of the *other* sentences (|C - r|² = |C|² - 2C·r + |r|²):
                // a sentence whose words occur nowhere else must not look central by
                // matching its own contribution.
                let own: f64 = row.iter().map(|(_, w)| w * w).sum();
                let with_sum = Self::dot(row, &centroid);
                let rest = total - 2.0 * with_sum + own;
                if rest > 1e-12 {
                    ((with_sum - own) / rest.sqrt()).max(0.0)
                } else {
                    0.0
                }
            })
            .collect()
    }
}

/// Rows of at most this many terms are sorted by insertion ([`to_unit_vector`]).
const SHORT_ROW: usize = 48;

/// Term counts of one sentence, `(term id, 1.0)` per occurrence, as a unit vector of
/// log term frequencies sorted by term id.
fn to_unit_vector(row: &mut Vec<(u32, f64)>) {
    // A sentence has a few dozen terms: sorted by insertion, as fast as the standard
    // library's sort and 1 KB less wasm gzipped; a longer one goes through
    // `order`'s merge sort, which stays O(n log n) on a text without sentence ends.
    if row.len() <= SHORT_ROW {
        for i in 1..row.len() {
            let mut j = i;
            while j > 0 && row[j - 1].0 > row[j].0 {
                row.swap(j - 1, j);
                j -= 1;
            }
        }
    } else {
        crate::order::sort_by_key(row, |&(id, _)| id);
    }
    row.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 += 1.0;
        }
        same
    });
    // Log term frequency: a word repeated within one sentence counts, but less.
    row.iter_mut().for_each(|(_, w)| *w = 1.0 + w.ln());
    let norm = row.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        row.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// The term ids of a document's words: one per stem, which merges inflections, or
/// [`FUNCTION_WORD`]. Each spelling's term is found once: by the keyword stage's form
/// where the token has one, else by spelling.
struct Terms<'a> {
    language: &'a str,
    /// The stopwords of the words' language (English for an undetermined text).
    stopwords: Stopwords,
    stemmer: Option<Stemmer>,
    words: Option<&'a Words<'a>>,
    /// The keyword stage's view when its stems serve this language.
    shared_stems: Option<&'a Words<'a>>,
    by_norm: FastMap<&'a str, u32>,
    by_form: Vec<u32>,
    /// Terms by stem; borrowed where the keyword stage has the stem already.
    by_stem: FastMap<Cow<'a, str>, u32>,
}

impl<'a> Terms<'a> {
    fn new(doc: &Document, words: Option<&'a Words<'a>>, language: &'a str) -> Self {
        Terms {
            language,
            stopwords: words.map_or_else(|| Stopwords::of(language::analysed_as(language)), |w| w.language().stopwords),
            stemmer: stemmer(language),
            words,
            shared_stems: words.filter(|w| w.language().code == language),
            by_norm: FastMap::default(),
            by_form: vec![NO_TERM; words.map_or(0, Words::forms)],
            by_stem: FastMap::with_capacity_and_hasher(doc.distinct_words_room(), Default::default()),
        }
    }

    /// The number of terms.
    fn count(&self) -> usize {
        self.by_stem.len()
    }

    /// The term of the word token at `index`, normalised as `norm`.
    #[inline]
    fn id(&mut self, index: usize, norm: &'a str) -> u32 {
        let form = self.words.and_then(|w| w.form_of(index));
        let known = match form {
            Some(form) => self.by_form.get(form as usize).copied().filter(|&id| id != NO_TERM),
            None => self.by_norm.get(norm).copied(),
        };
        match known {
            Some(id) => id,
            None => self.first_id(form, norm),
        }
    }

    /// The term of a spelling met for the first time, remembered by its form or spelling.
    fn first_id(&mut self, form: Option<u32>, norm: &'a str) -> u32 {
        let id = if self.stopwords.contains(norm) || language::is_function_word(self.language, norm) {
            FUNCTION_WORD
        } else {
            let shared = form.and_then(|f| self.shared_stems.and_then(|w| w.stem(f)));
            let stem = match (shared, &self.stemmer) {
                (Some(stem), _) => Cow::Borrowed(stem),
                (None, Some(stemmer)) => Cow::Owned(stemmer.stem(norm).into_owned()),
                (None, None) => Cow::Borrowed(norm),
            };
            let next = self.by_stem.len() as u32;
            *self.by_stem.entry(stem).or_insert(next)
        };
        match form.and_then(|f| self.by_form.get_mut(f as usize)) {
            Some(slot) => *slot = id,
            None => {
                self.by_norm.insert(norm, id);
            }
        }
        id
    }
}

/// One importance score per sentence, finite, in `0..=1`, the most important at 1.
///
/// The scores are the square roots of the product of centrality, length and position
/// factors (see the module documentation), scaled to a maximum of 1.
pub fn sentence_scores(doc: &Document, keywords: &[Keyword]) -> Vec<f64> {
    Summarizer::new(doc).sentence_scores(keywords)
}

/// The `count` most important sentences, in document order (see
/// [`Summarizer::summarize`]).
pub fn summarize(doc: &Document, scores: &[f64], count: usize) -> Vec<SummarySentence> {
    Summarizer::new(doc).summarize(scores, count)
}

/// A document's sentences as term vectors, built once for both the scores and the
/// summary.
pub struct Summarizer<'d> {
    doc: &'d Document<'d>,
    vectors: Vectors,
    /// The sentences that are not a letter's greeting or sign-off ([`message`]).
    message: Range<usize>,
}

impl<'d> Summarizer<'d> {
    /// Reads the sentences of `doc`, detecting its language.
    pub fn new(doc: &'d Document<'d>) -> Self {
        Self::of(doc, Vectors::new(doc, None, language::detect(doc)))
    }

    /// Like [`Summarizer::new`], for a document in `language` (as
    /// [`language::detect`] names it), reusing what the keyword stage learnt of the
    /// same document's words (the results are the same).
    pub fn with_words(doc: &'d Document<'d>, words: &Words, language: &str) -> Self {
        Self::of(doc, Vectors::new(doc, Some(words), language))
    }

    fn of(doc: &'d Document<'d>, vectors: Vectors) -> Self {
        Summarizer { doc, message: message(doc, &vectors.words), vectors }
    }

    /// One importance score per sentence, finite, in `0..=1`, the most important at 1.
    ///
    /// The scores are the square roots of the product of centrality, length and position
    /// factors (see the module documentation), scaled to a maximum of 1.
    pub fn sentence_scores(&self, keywords: &[Keyword]) -> Vec<f64> {
        let (doc, vectors) = (self.doc, &self.vectors);
        let mut central = vectors.centrality();
        if let Some(coverage) = keyword_coverage(doc, keywords) {
            normalize(&mut central);
            for (c, k) in central.iter_mut().zip(coverage) {
                *c = (1.0 - KEYPHRASE_SHARE) * *c + KEYPHRASE_SHARE * k;
            }
        }
        let lead = lead_sentences(doc);
        let mut scores: Vec<f64> = central
            .iter()
            .zip(&vectors.words)
            .zip(&doc.sentences)
            .enumerate()
            .map(|(i, ((&c, &words), sentence))| {
                let words = words as f64;
                let mut length = (words / MIN_WORDS).min(1.0) * words.sqrt();
                if words > MAX_WORDS {
                    length *= (MAX_WORDS / words).sqrt();
                }
                if !is_finished(doc, sentence) {
                    length *= UNFINISHED;
                }
                let position = if i < lead { (-(i as f64) / LEAD_DECAY).exp() } else { 1.0 };
                c * length * position
            })
            .collect();
        // A letter's greeting and sign-off score 0, before scaling and after it (which
        // gives every sentence 1 when none scored).
        let Range { start, end } = self.message;
        let unframed = |scores: &mut Vec<f64>| {
            scores.get_mut(..start).unwrap_or_default().fill(0.0);
            scores.get_mut(end..).unwrap_or_default().fill(0.0);
        };
        unframed(&mut scores);
        normalize(&mut scores);
        unframed(&mut scores);
        // Position and length multiply into a steep range; the square root keeps the middle
        // of it visible on a heat map. [`Summarizer::summarize`] squares it back.
        scores.iter_mut().for_each(|v| *v = v.sqrt());
        scores
    }

    /// The `count` most important sentences, in document order.
    ///
    /// Picked greedily by score minus a small multiple of the highest cosine with a sentence
    /// already picked, near-duplicates last; ties go to the earlier sentence. Only the
    /// best-scored few candidates compete, and summaries longer than 100 sentences are taken
    /// by score alone, so that picking stays linear in the text.
    pub fn summarize(&self, scores: &[f64], count: usize) -> Vec<SummarySentence> {
        let doc = self.doc;
        let n = doc.sentences.len().min(scores.len());
        let count = count.min(n);
        if count == 0 {
            return Vec::new();
        }
        let score = |i: usize| scores.get(i).copied().filter(|s| s.is_finite()).unwrap_or(0.0).max(0.0);
        // Redundancy is weighed against importance itself, not its square root.
        let importance = |i: usize| score(i) * score(i);
        let mut ranked: Vec<usize> = (self.message.start.min(n)..self.message.end.min(n)).collect();
        // One sort per text, so the crate's shared sort: the standard library's unstable
        // sort with this comparison inlined was 26 KB of wasm.
        order::sort_by(&mut ranked, |&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
        let mut picked = if count > REDUNDANCY_LIMIT {
            ranked.truncate(count);
            ranked
        } else {
            // Three times the summary and ten more: on CNN/DM and BBC dev every bound
            // from twice the summary plus five up to all sentences picks the same
            // summaries; the summary plus two loses 0.16 ROUGE-1 on CNN/DM.
            ranked.truncate(count * 3 + 10);
            pick_diverse(&self.vectors, &ranked, count, importance)
        };
        crate::order::sort_by_key(&mut picked, |&index| index);
        picked
            .into_iter()
            .filter_map(|index| {
                let sentence = doc.sentences.get(index)?;
                Some(SummarySentence {
                    index,
                    span: sentence.span,
                    text: doc.slice(sentence.span).to_string(),
                    score: score(index),
                })
            })
            .collect()
    }
}

/// Whether the sentence ends in punctuation (a closing quote or bracket after it counts).
fn is_finished(doc: &Document, sentence: &Sentence) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    let last = tokens.iter().rev().find(|t| !matches!(t.norm.as_str(), "\"" | "'" | "”" | "’" | "»" | ")" | "]"));
    last.is_some_and(|t| t.kind == TokenKind::Punct)
}

/// Most words of a letter's greeting line ("Dear Sir or Madam,", "Bonjour Claire,").
const GREETING_WORDS: usize = 5;
/// Most words of a sentence of a letter's sign-off ("Best regards,", the writer's
/// name, their role and company with an e-mail address on the next line, which
/// counts four: "antoine.dubois@atelier-numerique.fr").
const SIGN_OFF_WORDS: usize = 12;

/// The sentences of a text that carry its message: all of them, but a letter's
/// greeting ("Hi Claire,", "Sehr geehrte Damen und Herren,") and its sign-off (the
/// closing, the name, the role: the short unended lines after the last ended
/// sentence). They told nothing of an e-mail, and its summary took the signature, whose
/// names are key phrases. Told by form alone, so in any language. `words` counts
/// each sentence's words.
fn message(doc: &Document, words: &[usize]) -> Range<usize> {
    let n = doc.sentences.len();
    let last = |i: usize| doc.sentences.get(i).and_then(|s| doc.tokens.get(s.tokens.end.checked_sub(1)?)).map_or("", |t| t.norm.as_str());
    let short = |i: usize, most: usize| words.get(i).is_some_and(|&w| w <= most);
    let start = usize::from(n > 1 && last(0) == "," && short(0, GREETING_WORDS));
    let ended = |i: usize| doc.sentences.get(i).is_some_and(|s| is_finished(doc, s)) && last(i) != ",";
    // Each on a line of its own: a post's last words after its last full stop are no
    // sign-off ("Great game tonight! Can't wait for the next one").
    let own_line = |i: usize| {
        let start = doc.sentences.get(i).map_or(0, |s| s.span.start);
        let Some(previous) = i.checked_sub(1).and_then(|p| doc.sentences.get(p)) else { return true };
        doc.text.get(previous.span.end..start).is_some_and(has_line_break)
    };
    let end = (0..n).rev().find(|&i| ended(i) || !short(i, SIGN_OFF_WORDS) || !own_line(i)).map_or(0, |i| i + 1);
    // Without an ended sentence before them, the short sentences are the text itself.
    if end > start { start..end } else { start..n }
}

/// How many sentences the lead paragraph has: all of them when the text is one paragraph.
fn lead_sentences(doc: &Document) -> usize {
    match doc.paragraphs.get(1) {
        Some(second) => doc.sentences.partition_point(|s| s.span.start < second.start),
        None => doc.sentences.len(),
    }
}

/// Per sentence, the summed scores of the key phrases occurring in it, scaled to 0..=1.
fn keyword_coverage(doc: &Document, keywords: &[Keyword]) -> Option<Vec<f64>> {
    if keywords.is_empty() {
        return None;
    }
    let mut coverage = vec![0.0; doc.sentences.len()];
    for keyword in keywords {
        for occurrence in &keyword.occurrences {
            let i = doc.sentences.partition_point(|s| s.span.end <= occurrence.start);
            if let Some(c) = coverage.get_mut(i).filter(|_| keyword.score.is_finite() && keyword.score > 0.0) {
                *c += keyword.score;
            }
        }
    }
    normalize(&mut coverage);
    Some(coverage)
}

/// Scales to a maximum of 1 after replacing anything negative or not finite by 0; all
/// ones when nothing is positive, so that no sentence stands out without reason.
fn normalize(values: &mut [f64]) {
    values.iter_mut().filter(|v| !(v.is_finite() && **v > 0.0)).for_each(|v| *v = 0.0);
    let max = values.iter().copied().fold(0.0, f64::max);
    if max > 0.0 {
        values.iter_mut().for_each(|v| *v = (*v / max).clamp(0.0, 1.0));
    } else {
        values.iter_mut().for_each(|v| *v = 1.0);
    }
}

/// Maximal marginal relevance among `candidates` (sentence indices, best first).
fn pick_diverse(vectors: &Vectors, candidates: &[usize], count: usize, score: impl Fn(usize) -> f64) -> Vec<usize> {
    let rows: Vec<&[(u32, f64)]> =
        candidates.iter().map(|&i| vectors.rows.get(i).map(Vec::as_slice).unwrap_or_default()).collect();
    let mut similarity = vec![0.0f64; candidates.len()];
    let mut taken = vec![false; candidates.len()];
    let mut dense = vec![0.0; vectors.terms];
    let mut picked = Vec::with_capacity(count);
    for _ in 0..count {
        let value = |k: usize| {
            let duplicate = if similarity[k] >= DUPLICATE { 2.0 } else { 0.0 };
            score(candidates[k]) - REDUNDANCY * similarity[k] - duplicate
        };
        let best = (0..candidates.len())
            .filter(|&k| !taken[k])
            .max_by(|&a, &b| value(a).total_cmp(&value(b)).then(candidates[b].cmp(&candidates[a])));
        let Some(best) = best else { break };
        taken[best] = true;
        picked.push(candidates[best]);
        let row = rows[best];
        row.iter().for_each(|&(id, w)| dense.get_mut(id as usize).into_iter().for_each(|d| *d = w));
        for (s, other) in similarity.iter_mut().zip(&rows) {
            *s = s.max(Vectors::dot(other, &dense));
        }
        row.iter().for_each(|&(id, _)| dense.get_mut(id as usize).into_iter().for_each(|d| *d = 0.0));
    }
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(text: &str) -> Vec<f64> {
        sentence_scores(&Document::new(text), &[])
    }

    #[test]
    fn normalize_handles_nan_negative_and_all_zero() {
        let mut values = [f64::NAN, -1.0, 2.0, f64::INFINITY, 1.0];
        normalize(&mut values);
        assert_eq!(values, [0.0, 0.0, 1.0, 0.0, 0.5]);
        let mut zeros = [0.0, 0.0];
        normalize(&mut zeros);
        assert_eq!(zeros, [1.0, 1.0]);
    }

    #[test]
    fn sentence_sharing_no_words_is_least_central() {
        let text = "Rain fell on the old harbour town all night long.\n\n\
                    Giraffes enjoy eating acacia leaves slowly every single morning.\n\n\
                    The harbour town flooded after rain fell all night.\n\n\
                    Night rain flooded streets of the harbour town again.";
        let s = scores(text);
        assert_eq!(s.len(), 4);
        assert_eq!(s[1], 0.0, "{s:?}");
        assert!(s[0] > 0.5 && s[2] > 0.5 && s[3] > 0.5, "{s:?}");
    }

    #[test]
    fn a_letters_greeting_and_sign_off_are_never_its_summary() {
        let letters = [
            "Hi Claire,\n\nFollowing our meeting on Tuesday with the Lyon team, I can confirm that delivery of the \
             project has been pushed back to March 15. Jean-Pierre Martin will let the client know.\n\n\
             Best regards,\nAntoine Dubois\nTechnical Director, Atelier Numérique SAS\nantoine.dubois@atelier-numerique.fr",
            "Bonjour Claire,\n\nLa livraison du projet pour la Société Générale est repoussée au 15 mars. Jean-Pierre \
             Martin s'occupe de prévenir le client.\n\nBien cordialement,\nAntoine Dubois\nDirecteur technique, Atelier Numérique SAS",
            "Sehr geehrte Damen und Herren,\n\ndie Lieferung verschiebt sich auf den 15. März. Herr Martin informiert den \
             Kunden.\n\nMit freundlichen Grüßen\nAntoine Dubois",
        ];
        for text in letters {
            let doc = Document::new(text);
            let summarizer = Summarizer::new(&doc);
            let scores = summarizer.sentence_scores(&[]);
            let picked: Vec<&str> = summarizer.summarize(&scores, 10).into_iter().map(|s| s.span.slice(text)).collect();
            assert_eq!(picked.len(), 2, "{picked:?}");
            assert!(picked.iter().all(|s| s.ends_with('.')), "{picked:?}");
            let (first, last) = (scores.first().copied(), scores.last().copied());
            assert_eq!((first, last), (Some(0.0), Some(0.0)), "{scores:?}");
        }
        // Lines without an ended sentence before them are the text itself.
        let list = "Packing list\n\nTent\n\nStove\n\nMaps";
        let doc = Document::new(list);
        let summarizer = Summarizer::new(&doc);
        let picked: Vec<&str> = summarizer.summarize(&summarizer.sentence_scores(&[]), 10).into_iter().map(|s| s.span.slice(list)).collect();
        assert_eq!(picked, ["Packing list", "Tent", "Stove", "Maps"]);
    }

    #[test]
    fn a_title_is_no_summary_sentence_and_weighs_on_no_other() {
        let body = "The council approved the new budget for schools today. Teachers welcomed the budget.";
        let titled = format!("Budget approved\n\n{body}");
        let with = scores(&titled);
        assert_eq!(with[..2], [0.0, 1.0], "{with:?}");
        // A first paragraph that ends its sentence is no title.
        assert!(scores(&format!("The budget was approved.\n\n{body}"))[0] > 0.0);
    }

    #[test]
    fn lead_sentences_win_in_one_paragraph() {
        let sentence = "The council approved the new budget for schools and roads today. ";
        let text = sentence.repeat(6);
        let s = scores(&text);
        assert_eq!(s[0], 1.0);
        assert!(s.windows(2).all(|w| w[0] > w[1]), "{s:?}");
    }

    #[test]
    fn later_paragraphs_have_no_position_preference() {
        let text = "Budget news.\n\nThe council approved the new budget for schools and roads today.\n\n\
                    The council approved the new budget for schools and roads today.";
        let s = scores(text);
        assert_eq!(s[1], s[2]);
        assert!(s[0] < s[1], "the headline fragment scores lower: {s:?}");
    }

    #[test]
    fn redundant_sentences_are_not_both_picked() {
        let text = "The council approved the new budget for schools, roads and parks on Tuesday evening.\n\n\
                    On Tuesday evening the council approved the new budget for schools, roads and parks.\n\n\
                    Teachers welcomed the extra money for schools, saying the budget ends years of cuts.\n\n\
                    Opposition members said the budget for roads was too small to repair old bridges.";
        let doc = Document::new(text);
        let s = sentence_scores(&doc, &[]);
        let picked: Vec<usize> = summarize(&doc, &s, 2).iter().map(|p| p.index).collect();
        assert_eq!(picked.len(), 2);
        assert!(picked != [0, 1], "{picked:?} from {s:?}");
    }

    #[test]
    fn key_phrases_raise_their_sentences() {
        let text = "The mayor opened a bridge over the river on Monday.\n\n\
                    The river bridge cost the city ten million dollars.\n\n\
                    A new library will open near the river next year.";
        let doc = Document::new(text);
        let plain = sentence_scores(&doc, &[]);
        let start = text.find("library").unwrap_or(0);
        let library = Keyword {
            text: "library".into(),
            score: 1.0,
            count: 1,
            occurrences: vec![Span::new(start, start + "library".len())],
        };
        let boosted = sentence_scores(&doc, &[library]);
        assert!(boosted[2] / boosted[0] > plain[2] / plain[0], "{plain:?} {boosted:?}");
    }

    #[test]
    fn long_texts_stay_fast_and_finite() {
        let text = "Alpha beta gamma delta. Epsilon zeta eta theta iota kappa. ".repeat(20_000) + &".".repeat(100_000);
        let doc = Document::new(&text);
        let s = sentence_scores(&doc, &[]);
        assert_eq!(s.len(), doc.sentences.len());
        assert!(s.iter().all(|v| v.is_finite() && (0.0..=1.0).contains(v)));
        assert_eq!(summarize(&doc, &s, 100).len(), 100);
        assert_eq!(summarize(&doc, &s, doc.sentences.len()).len(), doc.sentences.len());
    }

    #[test]
    fn summarize_tolerates_odd_scores() {
        let doc = Document::new("First sentence here is long enough. Second sentence here is long enough too.");
        let picked = summarize(&doc, &[f64::NAN, -3.0], 1);
        assert_eq!(picked.len(), 1);
        assert_eq!(summarize(&doc, &[0.5], 2).len(), 1, "no more sentences than scores");
    }

    #[test]
    fn sharing_the_keyword_stage_words_changes_nothing() {
        let texts = [
            "The councils approved budgets for 2024. Approving the budget took the council 3 hours.\n\n\
             Budget talks in 2024 ran long; the council's 3 votes were close. Councillors approved it anyway.",
            "Die Regierung plant neue Gesetze für die Schulen. Die Schulen bekommen mehr Lehrer und neue Gebäude.",
        ];
        for text in texts {
            let doc = Document::new(text);
            let words = Words::in_language(&doc, language::analysed_as(language::detect(&doc)));
            let keywords = words.key_phrases(5, 3);
            let (alone, shared) = (Summarizer::new(&doc), Summarizer::with_words(&doc, &words, language::detect(&doc)));
            let scores = alone.sentence_scores(&keywords);
            assert_eq!(shared.sentence_scores(&keywords), scores, "{text}");
            assert_eq!(shared.summarize(&scores, 2), alone.summarize(&scores, 2), "{text}");
        }
    }

    #[test]
    fn greek_words_that_break_the_greek_stemmer_are_safe() {
        let s = scores("Η ισαισα λέξη. Ο καιρός είναι ωραίος σήμερα και πάμε στο πάρκο.");
        assert!(s.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn other_languages_are_stemmed_with_their_stemmer() {
        let text = "Die Regierung plant neue Gesetze für die Schulen.\n\n\
                    Die Schulen bekommen mehr Lehrer und neue Gebäude.\n\n\
                    Der Winter war in diesem Jahr sehr kalt und lang.";
        let s = scores(text);
        assert!(s[0] > s[2] && s[1] > s[2], "{s:?}");
    }
}

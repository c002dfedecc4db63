//! Stage 3a: frequent terms and ranked key phrases.
//!
//! Both analyses read one `Lexed` view of the document: every word token is mapped
//! once, through a hash of its normalised form, to a *word class* (its Snowball stem),
//! so inflections ("terrorist", "terrorists") count together.
//!
//! Key phrases are found without a part-of-speech tagger:
//!
//! 1. Candidates are the runs of content words between stopwords, noise words
//!    (auxiliaries, common verbs, adverbs, evaluative adjectives), punctuation,
//!    sentence ends and line breaks, and every sub-run of up to `max_words` words that
//!    neither ends in a participle ("-ed") nor cuts a capitalised name in two.
//! 2. Each word class gets a centrality score: PageRank over a co-occurrence graph
//!    (SingleRank), personalised towards words that occur early and often
//!    (PositionRank), times a specificity weight from a small table of general-English
//!    word ranks (a stand-in for document frequencies).
//! 3. A phrase scores the sum of its words' scores times the square root of its own
//!    frequency; single words and rare fragments of longer runs are damped.
//! 4. The best phrases are taken greedily: a phrase inside a better one is skipped
//!    unless it is clearly more frequent on its own, and one extending a better one
//!    is damped once. Occurrences and the most common surface form are collected in a
//!    last pass over the whole text.
//!
//! The constants were set on the keyphrase DEV sets (scored by `make eval`) as
//! one setting for all kinds of text; their plateau is broad.
//!
//! Work is linear in the text: every map is keyed by small integer arrays (Fx hash),
//! the graph has fewer than `WINDOW` edges per word, and scoring reads at most
//! `SCORED_TOKENS` content words (later text only contributes occurrences).

use crate::lexicon::{is_stopword, list, FastMap, FastSet};
use crate::span::Span;
use crate::text::{has_line_break, Document, TokenKind};
use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

/// A content word and how often it occurs, merged over inflections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The most common surface form (lower case unless always capitalised).
    pub term: String,
    /// Occurrences of all its inflections.
    pub count: usize,
}

/// A key phrase of one to four words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase in its most common surface form.
    pub text: String,
    /// Importance, higher is better, in `0..=1`.
    pub score: f64,
    /// How many times it occurs (all merged variants).
    pub count: usize,
    /// Every occurrence.
    pub occurrences: Vec<Span>,
}

/// Longest phrase the candidate keys can hold (the options allow at most 4).
const MAX_WORDS: usize = 4;

/// Content tokens read for scoring; beyond them a text only adds occurrences. A
/// keyphrase is almost always established in a text's first few hundred thousand words,
/// and this bounds the candidate table and the graph on multi-megabyte inputs.
const SCORED_TOKENS: usize = 100_000;

/// Co-occurrence window in words, stopwords included (SingleRank's usual setting).
const WINDOW: usize = 10;

/// PageRank damping factor (the usual setting).
const DAMPING: f64 = 0.85;

/// PageRank iterations at most: the ranking of words settles long before the scores
/// converge to many digits (0.85^30 < 1%).
const ITERATIONS: usize = 30;

/// A phrase's score grows with the square root of its frequency: repetition is
/// evidence, but a frequent generic phrase must not drown rarer specific ones.
const FREQUENCY_POWER: f64 = 0.5;

/// Single words are more often generic than phrases are ("model", "system").
const SINGLE_WORD_FACTOR: f64 = 0.6;

/// A rare phrase never seen as a whole run, only cut out of longer ones ("foreign
/// minister Hossein Amir" from a six-word title and name), is less likely a unit of
/// meaning; seen three times or more in different runs, it is one.
const FRAGMENT_FACTOR: f64 = 0.6;

/// A phrase that extends an already chosen one ("Iraqi Kurdistan region" after
/// "Kurdistan region") is partly redundant with it.
const EXTENSION_FACTOR: f64 = 0.8;

/// A phrase inside an already chosen one adds nothing unless it also occurs clearly
/// more often on its own: at most `RATIO` times the chosen one's count plus `SLACK`.
const CONTAINED_RATIO: usize = 3;
const CONTAINED_SLACK: usize = 3;


/// The stemmer of the word classes, whatever the text's language.
const STEM_ALGORITHM: Algorithm = Algorithm::English;

/// The language code of [`STEM_ALGORITHM`], as [`crate::language::detect`] names it.
pub(crate) const STEM_LANGUAGE: &str = "en";

/// Marks "no word class" in per-token tables.
const NONE: u32 = u32::MAX;

/// A phrase key: word classes, unused slots [`NONE`].
type Key = [u32; MAX_WORDS];

fn noise_words() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    list::word_set(&SET, include_str!("noise_en.txt"))
}

/// Rank of a word in the general-English table (0 = most frequent).
fn common_rank(norm: &str) -> Option<usize> {
    static MAP: OnceLock<FastMap<&'static str, usize>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = FastMap::default();
        for (rank, word) in list::words(include_str!("common_en.txt")).enumerate() {
            map.entry(word).or_insert(rank);
        }
        map
    });
    map.get(norm).copied()
}

/// Adverbs in "-ly" that a noise list cannot enumerate ("computationally"); the few
/// nouns with that ending are kept.
fn is_ly_adverb(norm: &str) -> bool {
    const NOUNS: [&str; 12] = [
        "family",
        "assembly",
        "anomaly",
        "monopoly",
        "butterfly",
        "italy",
        "supply",
        "rally",
        "reply",
        "bully",
        "jelly",
        "homily",
    ];
    norm.len() >= 6 && norm.ends_with("ly") && !NOUNS.contains(&norm)
}

/// Whether a normalised word can be part of a term or key phrase.
fn is_content(norm: &str) -> bool {
    let letters = norm.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !norm.starts_with('\'')
        && !is_stopword(norm)
        && !noise_words().contains(norm)
        && !is_ly_adverb(norm)
}

/// How specific a word is, from its general-English rank: the most common words weigh
/// about a third of an unlisted word.
fn specificity(norm: &str) -> f64 {
    match common_rank(norm) {
        None => 1.0,
        Some(rank) => {
            let r = rank as f64;
            (0.35 + 0.65 * (r + 1.0).ln() / 600f64.ln()).min(1.0)
        }
    }
}

/// Per distinct normalised word form.
struct Form<'d> {
    /// The normalised form itself.
    norm: &'d str,
    /// Word class, or [`NONE`] for non-content words.
    class: u32,
    /// Whether it is a stopword.
    stopword: bool,
    /// Its English stem; `None` for a stopword.
    stem: Option<Rc<str>>,
    /// Occurrences.
    count: usize,
    /// Occurrences not at a sentence start nor in a headline.
    inner: usize,
    /// Of those, how many are capitalised.
    inner_capitalized: usize,
    /// The first capitalised spelling, for words always written so.
    cased: Option<&'d str>,
    /// Whether a spelling has capitals past the first letter ("NASA", "iPhone"), which
    /// a sentence start does not explain.
    inner_caps: bool,
}

impl Form<'_> {
    /// As written when the text always capitalises the word, otherwise lower case.
    fn display(&self) -> &str {
        let always_capitalized = if self.inner > 0 { self.inner_capitalized == self.inner } else { self.inner_caps };
        match self.cased {
            Some(cased) if always_capitalized => cased,
            _ => self.norm,
        }
    }
}

/// The document seen as word classes.
struct Lexed<'d> {
    /// Per token: the index of its form in `forms`, or [`NONE`] for non-words.
    token_form: Vec<u32>,
    /// Per token: its word class, or [`NONE`] when it is not a content word.
    token_class: Vec<u32>,
    /// Per token: capitalised where a sentence start or a headline does not explain it.
    token_named: Vec<bool>,
    forms: Vec<Form<'d>>,
    /// Per word class: its most frequent form (the first seen on a tie).
    class_main_form: Vec<u32>,
}

/// Words remembered from earlier documents (at most this many, then the memo starts
/// over): a new word is looked up in three word lists and stemmed, a quarter of the
/// keyword work on a short text, and most words of a text were in the texts before it.
const MEMO_WORDS: usize = 14_336;

/// What the keyword stage needs to know of a word, whatever the text.
#[derive(Clone, Debug, PartialEq)]
struct WordFacts {
    stopword: bool,
    content: bool,
    /// The English stem of any word but a stopword: shared, so that a document's
    /// forms and classes hold it without copying the text.
    stem: Option<Rc<str>>,
}

impl WordFacts {
    fn of(stemmer: &Stemmer, word: &str) -> Self {
        let stopword = is_stopword(word);
        let stem = (!stopword).then(|| stemmer.stem(word).into());
        WordFacts { stopword, content: is_content(word), stem }
    }
}

/// [`WordFacts`] by word.
#[derive(Default)]
struct WordMemo(FastMap<Box<str>, WordFacts>);

impl WordMemo {
    /// The facts of `word`, shared with the memo: a known word costs one lookup and
    /// no copy of its text.
    fn facts(&mut self, stemmer: &Stemmer, word: &str) -> WordFacts {
        if let Some(known) = self.0.get(word) {
            return known.clone();
        }
        if self.0.len() >= MEMO_WORDS {
            self.0.clear();
        }
        let facts = WordFacts::of(stemmer, word);
        self.0.insert(word.into(), facts.clone());
        facts
    }
}

thread_local! {
    static WORDS: std::cell::RefCell<WordMemo> = std::cell::RefCell::default();
}

impl<'d> Lexed<'d> {
    fn new(doc: &'d Document<'d>) -> Self {
        let stemmer = Stemmer::create(STEM_ALGORITHM);
        let room = doc.distinct_words_room();
        let mut form_ids: FastMap<&'d str, u32> = FastMap::with_capacity_and_hasher(room, Default::default());
        let mut class_ids: FastMap<Rc<str>, u32> = FastMap::with_capacity_and_hasher(room, Default::default());
        let mut forms: Vec<Form<'d>> = Vec::new();
        let mut classes = 0u32;
        let mut token_form = vec![NONE; doc.tokens.len()];
        let mut token_class = vec![NONE; doc.tokens.len()];
        let mut token_named = vec![false; doc.tokens.len()];
        for sentence in &doc.sentences {
            let tokens = doc.sentence_tokens(sentence);
            // First the forms, hashed once per token; then whether the sentence is a
            // headline (title case tells nothing about a word's usual spelling).
            let (mut words, mut capitalized_words) = (0usize, 0usize);
            for (index, token) in sentence.tokens.clone().zip(tokens) {
                if token.kind != TokenKind::Word {
                    continue;
                }
                let next = forms.len() as u32;
                let id = *form_ids.entry(token.norm.as_str()).or_insert(next);
                if id == next {
                    let (class, stopword, stem) = WORDS.with_borrow_mut(|memo| {
                        let facts = memo.facts(&stemmer, &token.norm);
                        let class = match facts.stem.as_ref().filter(|_| facts.content) {
                            None => NONE,
                            Some(stem) => match class_ids.get(&**stem) {
                                Some(&known) => known,
                                None => {
                                    class_ids.insert(Rc::clone(stem), classes);
                                    classes += 1;
                                    classes - 1
                                }
                            },
                        };
                        (class, facts.stopword, facts.stem)
                    });
                    forms.push(Form {
                        norm: &token.norm,
                        class,
                        stopword,
                        stem,
                        count: 0,
                        inner: 0,
                        inner_capitalized: 0,
                        cased: None,
                        inner_caps: false,
                    });
                }
                if let Some(slot) = token_form.get_mut(index) {
                    *slot = id;
                }
                if forms.get(id as usize).is_some_and(|f| !f.stopword) {
                    words += 1;
                    capitalized_words += usize::from(token.is_capitalized());
                }
            }
            let headline = words >= 3 && capitalized_words * 5 >= words * 4;
            let mut first_word = true;
            for (index, token) in sentence.tokens.clone().zip(tokens) {
                let id = token_form.get(index).copied().unwrap_or(NONE);
                let Some(form) = forms.get_mut(id as usize) else { continue };
                form.count += 1;
                let capitalized = token.is_capitalized();
                if capitalized {
                    let written = token.text(doc.text);
                    if written.chars().skip(1).any(char::is_uppercase) {
                        form.inner_caps = true;
                        form.cased.get_or_insert(written);
                    }
                    if !first_word && !headline {
                        form.cased.get_or_insert(written);
                        form.inner_capitalized += 1;
                        if let Some(named) = token_named.get_mut(index) {
                            *named = true;
                        }
                    }
                }
                if !first_word && !headline {
                    form.inner += 1;
                }
                if let Some(slot) = token_class.get_mut(index) {
                    *slot = form.class;
                }
                first_word = false;
            }
        }
        let mut class_main_form = vec![NONE; classes as usize];
        for (id, form) in forms.iter().enumerate() {
            if let Some(main) = class_main_form.get_mut(form.class as usize) {
                if forms.get(*main as usize).is_none_or(|best| form.count > best.count) {
                    *main = id as u32;
                }
            }
        }
        Lexed { token_form, token_class, token_named, forms, class_main_form }
    }

    /// The number of word classes.
    fn classes(&self) -> usize {
        self.class_main_form.len()
    }

    /// The most frequent form of a word class (the first seen on a tie).
    fn main_form(&self, class: u32) -> Option<&Form<'d>> {
        self.forms.get(*self.class_main_form.get(class as usize)? as usize)
    }

    /// Maximal runs of consecutive content words (token ranges), cut at anything else,
    /// at sentence ends and at line breaks.
    fn runs(&self, doc: &Document) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        for sentence in &doc.sentences {
            let mut start = sentence.tokens.start;
            for index in sentence.tokens.clone() {
                let content = self.token_class.get(index).is_some_and(|&c| c != NONE);
                let joined = content
                    && index > start
                    && match (doc.tokens.get(index - 1), doc.tokens.get(index)) {
                        (Some(a), Some(b)) => {
                            !doc.text.get(a.span.end..b.span.start).is_some_and(has_line_break)
                        }
                        _ => false,
                    };
                if !joined {
                    if index > start {
                        runs.push(start..index);
                    }
                    start = if content { index } else { index + 1 };
                }
            }
            if sentence.tokens.end > start {
                runs.push(start..sentence.tokens.end);
            }
        }
        runs
    }
}

/// A document's content words, grouped over inflections once, for both [`Words::terms`]
/// and [`Words::key_phrases`].
pub struct Words<'d> {
    doc: &'d Document<'d>,
    lexed: Lexed<'d>,
}

impl<'d> Words<'d> {
    /// Groups the content words of `doc`.
    pub fn new(doc: &'d Document<'d>) -> Self {
        Words { doc, lexed: Lexed::new(doc) }
    }

    /// The number of distinct word forms (normalised spellings of word tokens).
    pub(crate) fn forms(&self) -> usize {
        self.lexed.forms.len()
    }

    /// The form of the token at `index`, if it is a word.
    pub(crate) fn form_of(&self, index: usize) -> Option<u32> {
        self.lexed.token_form.get(index).copied().filter(|&f| f != NONE)
    }

    /// The stem ([`STEM_ALGORITHM`]) of a form; `None` for a stopword.
    pub(crate) fn english_stem(&self, form: u32) -> Option<&str> {
        self.lexed.forms.get(form as usize)?.stem.as_deref()
    }

    /// The `limit` most frequent content terms.
    pub fn terms(&self, limit: usize) -> Vec<Term> {
        terms_of(&self.lexed, limit)
    }

    /// The `limit` best key phrases of at most `max_words` words, best first.
    pub fn key_phrases(&self, limit: usize, max_words: usize) -> Vec<Keyword> {
        key_phrases_of(self.doc, &self.lexed, limit, max_words)
    }
}

/// The `limit` most frequent content terms (see [`Words`] to get phrases too).
pub fn terms(doc: &Document, limit: usize) -> Vec<Term> {
    Words::new(doc).terms(limit)
}

/// The `limit` best key phrases of at most `max_words` words, best first (see [`Words`]
/// to get terms too).
pub fn key_phrases(doc: &Document, limit: usize, max_words: usize) -> Vec<Keyword> {
    Words::new(doc).key_phrases(limit, max_words)
}

fn terms_of(lexed: &Lexed, limit: usize) -> Vec<Term> {
    if limit == 0 {
        return Vec::new();
    }
    // (count, first token, class)
    let mut classes: Vec<(usize, usize, u32)> = vec![(0, usize::MAX, NONE); lexed.classes()];
    for (index, &class) in lexed.token_class.iter().enumerate() {
        if let Some(entry) = classes.get_mut(class as usize) {
            if entry.0 == 0 {
                *entry = (0, index, class);
            }
            entry.0 += 1;
        }
    }
    classes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    classes
        .into_iter()
        .take(limit)
        .filter_map(|(count, _, class)| Some(Term { term: lexed.main_form(class)?.display().to_string(), count }))
        .collect()
}

/// What the scoring pass learns about a candidate phrase.
struct Candidate {
    key: Key,
    len: usize,
    count: usize,
    /// Occurrences that are a whole run (nothing cut off on either side).
    whole: usize,
    /// Content-word position of its first occurrence.
    first: usize,
}

fn key_phrases_of(doc: &Document, lexed: &Lexed, limit: usize, max_words: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let max_words = max_words.clamp(1, MAX_WORDS);
    let runs = lexed.runs(doc);
    let classes = lexed.classes();

    // Candidates and word positions, over the scored part of the text.
    let mut candidate_ids: FastMap<Key, u32> = FastMap::with_capacity_and_hasher(doc.distinct_words_room(), Default::default());
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut position_weight = vec![0.0f64; classes];
    let mut position = 0usize;
    let mut scored_end = 0;
    for run in &runs {
        if position >= SCORED_TOKENS {
            break;
        }
        let run = run.start..run.end.min(run.start + (SCORED_TOKENS - position));
        scored_end = run.end;
        let words = lexed.token_class.get(run.clone()).unwrap_or(&[]);
        for (i, &class) in words.iter().enumerate() {
            if let Some(w) = position_weight.get_mut(class as usize) {
                *w += 1.0 / (position + i + 1) as f64;
            }
            let mut key = [NONE; MAX_WORDS];
            for (n, &next) in words[i..].iter().take(max_words).enumerate() {
                key[n] = next;
                let last_form = lexed.token_form.get(run.start + i + n).and_then(|&f| lexed.forms.get(f as usize));
                if last_form.is_some_and(|f| !can_end_phrase(f.norm)) {
                    continue;
                }
                let named = |k: usize| lexed.token_named.get(run.start + k).copied().unwrap_or(false);
                let cuts_name = (i > 0 && named(i - 1) && named(i))
                    || (i + n + 1 < words.len() && named(i + n) && named(i + n + 1));
                if cuts_name {
                    continue;
                }
                let fresh = candidates.len() as u32;
                let id = *candidate_ids.entry(key).or_insert(fresh);
                if id == fresh {
                    candidates.push(Candidate { key, len: n + 1, count: 0, whole: 0, first: position + i });
                }
                if let Some(candidate) = candidates.get_mut(id as usize) {
                    candidate.count += 1;
                    candidate.whole += usize::from(i == 0 && n + 1 == words.len());
                }
            }
        }
        position += words.len();
    }

    let centrality = word_centrality(lexed, scored_end, &position_weight);
    // Only words of the scored part can be in a candidate.
    let word_score: Vec<f64> = (0..classes)
        .map(|class| match position_weight.get(class) {
            Some(&p) if p > 0.0 => {
                let spec = lexed.main_form(class as u32).map_or(1.0, |f| specificity(f.norm));
                centrality.get(class).copied().unwrap_or(0.0) * spec
            }
            _ => 0.0,
        })
        .collect();

    let mut ranked: Vec<(f64, u32)> = candidates
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let sum: f64 = c.key[..c.len].iter().map(|&w| word_score.get(w as usize).copied().unwrap_or(0.0)).sum();
            let single = if c.len == 1 { SINGLE_WORD_FACTOR } else { 1.0 };
            let fragment = if c.whole == 0 && c.count <= 2 { FRAGMENT_FACTOR } else { 1.0 };
            let score = single * fragment * sum * (c.count as f64).powf(FREQUENCY_POWER);
            (if score.is_finite() { score } else { 0.0 }, id as u32)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then_with(|| {
            let (ca, cb) = (candidates.get(a.1 as usize), candidates.get(b.1 as usize));
            ca.map(|c| c.first).cmp(&cb.map(|c| c.first)).then(a.1.cmp(&b.1))
        })
    });

    let mut chosen: Vec<(f64, &Candidate)> = Vec::new();
    let mut deferred: BinaryHeap<Pending> = BinaryHeap::new();
    let mut next = 0;
    while chosen.len() < limit {
        let from_ranked = ranked.get(next).map(|&(score, _)| Pending { score, pos: next, penalised: false });
        let take = match (from_ranked, deferred.peek()) {
            (Some(r), Some(d)) => {
                if *d > r {
                    deferred.pop()
                } else {
                    next += 1;
                    Some(r)
                }
            }
            (Some(r), None) => {
                next += 1;
                Some(r)
            }
            (None, Some(_)) => deferred.pop(),
            (None, None) => None,
        };
        let Some(pending) = take else { break };
        let Some(candidate) = ranked.get(pending.pos).and_then(|&(_, id)| candidates.get(id as usize)) else {
            continue;
        };
        let phrase = &candidate.key[..candidate.len];
        let inside_better = chosen.iter().any(|(_, better)| {
            better.len > candidate.len
                && candidate.count <= CONTAINED_RATIO * better.count + CONTAINED_SLACK
                && contains(&better.key[..better.len], phrase)
        });
        if inside_better {
            continue;
        }
        let extends_better =
            chosen.iter().any(|(_, better)| better.len < candidate.len && contains(phrase, &better.key[..better.len]));
        if extends_better && !pending.penalised {
            deferred.push(Pending { score: pending.score * EXTENSION_FACTOR, penalised: true, ..pending });
            continue;
        }
        chosen.push((pending.score, candidate));
    }
    let best = chosen.first().map_or(1.0, |c| c.0);
    let mut keywords = collect_occurrences(doc, lexed, &runs, max_words, &chosen);
    for (keyword, (score, _)) in keywords.iter_mut().zip(&chosen) {
        let normalised = if best > 0.0 { score / best } else { 0.0 };
        keyword.score = if normalised.is_finite() { normalised.clamp(0.0, 1.0) } else { 0.0 };
    }
    keywords
}

/// Key phrases are noun phrases: they do not end in a past tense or participle
/// ("minister pointed") nor in an adjective of the "-ous" / "-ful" kind.
fn can_end_phrase(norm: &str) -> bool {
    let ed = norm.len() >= 5 && norm.ends_with("ed") && !norm.ends_with("eed");
    !(ed || norm.ends_with("ous") || (norm.len() > 5 && norm.ends_with("ful")))
}

/// A candidate waiting for selection; the greatest is the best score, then the
/// earliest in the ranking.
#[derive(Clone, Copy, Debug)]
struct Pending {
    score: f64,
    pos: usize,
    penalised: bool,
}

impl PartialEq for Pending {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pending {}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pending {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then(other.pos.cmp(&self.pos))
    }
}

fn contains(haystack: &[u32], needle: &[u32]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// PageRank over word classes that co-occur within `WINDOW` words (stopwords
/// count as words, as in SingleRank), personalised by `position_weight`. Scaled so that
/// the mean is 1.
fn word_centrality(lexed: &Lexed, scored_end: usize, position_weight: &[f64]) -> Vec<f64> {
    let classes = position_weight.len();
    if classes == 0 {
        return Vec::new();
    }
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
    pairs.sort_unstable();
    let edges: Vec<((u32, u32), f64)> =
        pairs.chunk_by(|a, b| a == b).map(|run| (((run[0] >> 32) as u32, run[0] as u32), run.len() as f64)).collect();
    // Adjacency in compressed rows: row i lists (j, w_ij / strength_j), the share of
    // j's score that flows to i, so one iteration is a multiply-add per edge end.
    let mut offsets = vec![0usize; classes + 1];
    let mut strength = vec![0.0f64; classes];
    for &((a, b), w) in &edges {
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
    // Neighbours and shares in two arrays: the iterations below stream through both.
    let (mut neighbours, mut shares) = (vec![0u32; ends], vec![0.0f64; ends]);
    for &((a, b), w) in &edges {
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
    let uniform = 1.0 / classes as f64;
    let position_total: f64 = position_weight.iter().sum();
    let personal: Vec<f64> =
        position_weight.iter().map(|&p| if position_total > 0.0 { p / position_total } else { uniform }).collect();
    let mut score = personal.clone();
    let mut next = vec![0.0f64; classes];
    for _ in 0..ITERATIONS {
        for ((slot, &p), row) in next.iter_mut().zip(&personal).zip(offsets.windows(2)) {
            let (from, to) = (neighbours.get(row[0]..row[1]).unwrap_or(&[]), shares.get(row[0]..row[1]).unwrap_or(&[]));
            let mut incoming = 0.0;
            for (&j, &share) in from.iter().zip(to) {
                incoming += share * score.get(j as usize).copied().unwrap_or(0.0);
            }
            *slot = (1.0 - DAMPING) * p + DAMPING * incoming;
        }
        // Converged when the scores moved less than 1e-6 in all. The running sum of
        // non-negative changes never decreases, so it can stop at the first partial sum
        // that reaches the bound, with the same verdict as the whole sum.
        let mut change = 0.0;
        let converged = next.iter().zip(&score).all(|(a, b)| {
            change += (a - b).abs();
            change < 1e-6
        });
        std::mem::swap(&mut score, &mut next);
        if converged {
            break;
        }
    }
    score.iter().map(|s| s * classes as f64).collect()
}

/// Every occurrence of the chosen phrases in the whole text, and each one's most common
/// surface form.
fn collect_occurrences(
    doc: &Document,
    lexed: &Lexed,
    runs: &[Range<usize>],
    max_words: usize,
    chosen: &[(f64, &Candidate)],
) -> Vec<Keyword> {
    let wanted: FastMap<Key, usize> = chosen.iter().enumerate().map(|(i, (_, c))| (c.key, i)).collect();
    let mut occurrences: Vec<Vec<Span>> = vec![Vec::new(); chosen.len()];
    // Per chosen phrase: form sequence → (count, order seen).
    let mut spellings: Vec<FastMap<Key, (usize, usize)>> = vec![FastMap::default(); chosen.len()];
    for run in runs {
        let words = lexed.token_class.get(run.clone()).unwrap_or(&[]);
        for i in 0..words.len() {
            let mut key = [NONE; MAX_WORDS];
            let mut forms = [NONE; MAX_WORDS];
            for n in 0..max_words.min(words.len() - i) {
                let (Some(&class), Some(&form)) = (words.get(i + n), lexed.token_form.get(run.start + i + n)) else {
                    break;
                };
                key[n] = class;
                forms[n] = form;
                let Some(&slot) = wanted.get(&key) else { continue };
                let (Some(first), Some(last)) = (doc.tokens.get(run.start + i), doc.tokens.get(run.start + i + n))
                else {
                    continue;
                };
                if let (Some(list), Some(seen)) = (occurrences.get_mut(slot), spellings.get_mut(slot)) {
                    list.push(Span::new(first.span.start, last.span.end));
                    let order = seen.len();
                    seen.entry(forms).or_insert((0, order)).0 += 1;
                }
            }
        }
    }
    occurrences
        .into_iter()
        .zip(spellings)
        .map(|(occurrences, seen)| {
            let spelling = seen
                .into_iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(forms, _)| forms)
                .unwrap_or([NONE; MAX_WORDS]);
            let text = spelling
                .iter()
                .filter_map(|&f| lexed.forms.get(f as usize))
                .map(Form::display)
                .collect::<Vec<_>>()
                .join(" ");
            Keyword { text, score: 0.0, count: occurrences.len(), occurrences }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_word_facts_are_the_lists_and_stemmers_and_the_memo_stays_bounded() {
        let stemmer = Stemmer::create(STEM_ALGORITHM);
        let mut memo = WordMemo::default();
        for word in ["running", "runs", "running", "the", "terrorists", "élite", "ünïcode", "quickly", "x"] {
            assert_eq!(memo.facts(&stemmer, word), WordFacts::of(&stemmer, word), "{word}");
        }
        assert_eq!(memo.facts(&stemmer, "the"), WordFacts { stopword: true, content: false, stem: None });
        assert_eq!(memo.facts(&stemmer, "quickly"), WordFacts { stopword: false, content: false, stem: Some("quick".into()) });
        for i in 0..MEMO_WORDS + 10 {
            memo.facts(&stemmer, &format!("word{i}"));
        }
        assert!(memo.0.len() <= MEMO_WORDS);
        assert_eq!(memo.facts(&stemmer, "running").stem.as_deref(), Some("run"));
    }

    fn phrases(text: &str, limit: usize, max_words: usize) -> Vec<String> {
        key_phrases(&Document::new(text), limit, max_words).into_iter().map(|k| k.text).collect()
    }

    #[test]
    fn content_words_exclude_function_words_and_adverbs() {
        assert!(is_content("network") && is_content("iran") && is_content("family"));
        for word in ["the", "showed", "computationally", "x", "'s", "42", "using"] {
            assert!(!is_content(word), "{word} should not be a content word");
        }
    }

    #[test]
    fn phrases_end_in_nouns_not_participles() {
        assert!(can_end_phrase("groups") && can_end_phrase("speed") && can_end_phrase("learning"));
        assert!(!can_end_phrase("pointed") && !can_end_phrase("dangerous") && !can_end_phrase("powerful"));
    }

    #[test]
    fn specificity_ranks_common_words_low() {
        assert!(specificity("time") < specificity("method"));
        assert!(specificity("method") < specificity("kurdistan"));
        assert_eq!(specificity("kurdistan"), 1.0);
    }

    #[test]
    fn terms_merge_inflections_and_keep_capitalised_names() {
        let text = "Terrorists attacked. The terrorist fled to Iran. In Iran, terrorists hid. Networks and a network.";
        let found = terms(&Document::new(text), 10);
        let count = |name: &str| found.iter().find(|t| t.term == name).map(|t| t.count);
        assert_eq!(count("terrorists"), Some(3), "{found:?}");
        assert_eq!(count("Iran"), Some(2), "{found:?}");
        assert_eq!(count("network"), None, "{found:?}");
        assert!(found.iter().any(|t| (t.term == "networks" || t.term == "network") && t.count == 2), "{found:?}");
        assert_eq!(found.first().map(|t| t.term.as_str()), Some("terrorists"));
    }

    #[test]
    fn headline_capitals_do_not_make_a_name() {
        let text = "Counter Terror Groups Meet Again\n\nThe groups met. Other groups left.";
        let found = terms(&Document::new(text), 10);
        assert!(found.iter().any(|t| t.term == "groups"), "{found:?}");
    }

    #[test]
    fn key_phrases_prefer_repeated_multiword_units() {
        let text = "Neural networks learn features. A neural network was trained on images. \
                    Deep neural networks outperform the baseline on image classification. \
                    Image classification with neural networks is common.";
        let found = phrases(text, 5, 4);
        assert!(found.iter().any(|p| p == "neural networks"), "{found:?}");
        assert!(found.iter().any(|p| p == "image classification"), "{found:?}");
    }

    #[test]
    fn a_contained_phrase_is_dropped_unless_frequent_alone() {
        let text = "Support vector machines are popular. Support vector machines separate classes.";
        let found = phrases(text, 10, 4);
        assert!(found.iter().any(|p| p == "support vector machines"), "{found:?}");
        assert!(!found.iter().any(|p| p == "support vector" || p == "vector machines"), "{found:?}");
    }

    #[test]
    fn max_words_and_limit_are_respected() {
        let text = "Quantum error correction codes protect quantum information. Quantum error correction is hard.";
        for max_words in 1..=4 {
            let found = key_phrases(&Document::new(text), 3, max_words);
            assert!(found.len() <= 3);
            assert!(found.iter().all(|k| k.text.split(' ').count() <= max_words), "{found:?}");
        }
        assert!(key_phrases(&Document::new(text), 0, 4).is_empty());
    }

    #[test]
    fn names_are_not_cut_in_two() {
        let text = "Yesterday the Foreign Minister Hossein Amir Abdollahian arrived. Later, Amir Abdollahian spoke.";
        let found = phrases(text, 10, 2);
        assert!(!found.iter().any(|p| p == "Hossein Amir" || p == "Minister Hossein"), "{found:?}");
        assert!(found.iter().any(|p| p == "Amir Abdollahian"), "{found:?}");
    }
}

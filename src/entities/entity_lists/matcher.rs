//! The lists of one language as an Aho-Corasick automaton over word ids, and the
//! matching of a document.
//!
//! Every distinct key of the phrases' words (the Snowball stem of a word where the
//! language has a stemmer, its normalised text otherwise, and the text of a number or
//! mark) gets an id, written as two bytes (three when there are more than 65,280
//! keys) whose first is never 0. A phrase is the bytes of its words' ids; a document is
//! the bytes of its tokens' ids, a run of tokens whose keys no phrase has being one 0
//! byte, which keeps the searched bytes short. Matching ids instead of text makes every
//! match whole words by construction, once a match is checked to start on a token (ids
//! are not self-delimiting).

use super::prepared::{ListMatch, Phrase, Prepared, Word};
use super::spec::Target;
use crate::lexicon::{stemmer, FastMap};
use crate::span::Span;
use crate::text::{Document, Token, TokenKind};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{Input, MatchKind};
use rust_stemmers::Stemmer;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Ids that fit two bytes with a first byte of at least 1.
const TWO_BYTE_IDS: usize = 255 << 8;

/// Ids that fit three bytes with a first byte of at least 1.
const THREE_BYTE_IDS: usize = 255 << 16;

/// The byte of a run of tokens whose keys are in no phrase.
const UNKNOWN: u8 = 0;

/// Marks a word of no phrase in the memo.
const NO_ID: u32 = u32::MAX;

pub(super) struct Matcher {
    /// Tells this matcher's memo of words from another's.
    generation: u64,
    stemmer: Option<Stemmer>,
    /// Word ids by key.
    ids: FastMap<Box<str>, u32>,
    /// Bytes per id: 2 or 3.
    width: usize,
    automaton: contiguous::NFA,
    /// Per pattern of the automaton: the phrases with those words, a range of `phrases`.
    patterns: Vec<(u32, u32)>,
    phrases: Vec<u32>,
}

static GENERATIONS: AtomicU64 = AtomicU64::new(0);

/// Words remembered per thread (then the memo starts over): a page analyses its text
/// again at every pause in typing, and texts share most of their words, so most words
/// are stemmed once rather than at every call. Stemming was 40% of the lists' cost on
/// 1 MB of CoNLL-2003 news with 10,000 entries; a megabyte of news has about 30,000
/// distinct words.
const MEMO_WORDS: usize = 1 << 16;

thread_local! {
    /// The word ids of the matcher last used on this thread, by normalised word.
    static MEMO: RefCell<(u64, FastMap<Box<str>, u32>)> = RefCell::new((u64::MAX, FastMap::default()));
}

fn push_id(bytes: &mut Vec<u8>, id: u32, width: usize) {
    if width == 3 {
        bytes.push((id >> 16) as u8 + 1);
        bytes.push((id >> 8) as u8);
    } else {
        bytes.push((id >> 8) as u8 + 1);
    }
    bytes.push(id as u8);
}

impl Matcher {
    /// The automaton of `lists`' phrases for texts in `language`.
    pub(super) fn new(lists: &Prepared, language: &str) -> Result<Matcher, String> {
        let stemmer = stemmer(language);
        let mut ids: FastMap<Box<str>, u32> = FastMap::default();
        let mut keyed: Vec<u32> = Vec::with_capacity(lists.words.len());
        for word in &lists.words {
            let key = key(stemmer.as_ref(), lists.text(word.norm), word.kind);
            let next = ids.len() as u32;
            keyed.push(*ids.entry(key.into()).or_insert(next));
        }
        if ids.len() > THREE_BYTE_IDS {
            return Err(format!("the lists have {} distinct words, over the {THREE_BYTE_IDS} they can match", ids.len()));
        }
        let width = if ids.len() > TWO_BYTE_IDS { 3 } else { 2 };
        let mut by_bytes: FastMap<Vec<u8>, Vec<u32>> = FastMap::default();
        for (p, phrase) in lists.phrases.iter().enumerate() {
            let mut bytes = Vec::with_capacity(width * (phrase.words.1 - phrase.words.0) as usize);
            for &id in &keyed[phrase.words.0 as usize..phrase.words.1 as usize] {
                push_id(&mut bytes, id, width);
            }
            by_bytes.entry(bytes).or_default().push(p as u32);
        }
        // In the order of each pattern's first phrase, so that pattern ids follow the lists.
        let mut patterns: Vec<(Vec<u8>, Vec<u32>)> = by_bytes.into_iter().collect();
        crate::order::sort_by_key(&mut patterns, |(_, phrases)| phrases[0]);
        // The contiguous NFA alone, not `AhoCorasick`, which would bring its DFA and
        // prefilters into the wasm (+70 KB before wasm-opt) for no gain here. Dense
        // states only at the root, in the noncontiguous NFA it is built from too: deeper,
        // with ids spread over all 256 byte values, they made 10,000 entries' automaton
        // 5.5 MB instead of 0.4 MB, and its building peak 28 MB instead of 3.2 MB.
        let built = noncontiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .dense_depth(1)
            .build(patterns.iter().map(|(bytes, _)| bytes))
            .and_then(|nfa| contiguous::NFA::builder().dense_depth(1).build_from_noncontiguous(&nfa));
        let automaton = built.map_err(|e| format!("the lists are too large to match: {e}"))?;
        let mut ranges = Vec::with_capacity(patterns.len());
        let mut flat = Vec::with_capacity(lists.phrases.len());
        for (_, phrases) in patterns {
            ranges.push((flat.len() as u32, (flat.len() + phrases.len()) as u32));
            flat.extend(phrases);
        }
        let generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        Ok(Matcher { generation, stemmer, ids, width, automaton, patterns: ranges, phrases: flat })
    }

    /// The matches in `doc`, in document order, without overlaps.
    pub(super) fn find(&self, lists: &Prepared, doc: &Document) -> Vec<ListMatch> {
        let (haystack, starts) = self.encode(doc);
        // The first token starting at `offset`, if one does.
        let token_at = |offset: usize| {
            let i = starts.partition_point(|&s| (s as usize) < offset);
            (starts.get(i).copied() == Some(offset as u32)).then_some(i)
        };
        let mut found = Vec::new();
        // An overlapping search fails only with an anchored input or a match kind
        // other than Standard, neither of which this is.
        let hits = self.automaton.try_find_overlapping_iter(Input::new(haystack.as_slice())).into_iter().flatten();
        for hit in hits {
            let (Some(first), Some(end)) = (token_at(hit.start()), token_at(hit.end())) else { continue };
            let (from, to) = self.patterns[hit.pattern().as_usize()];
            for &p in &self.phrases[from as usize..to as usize] {
                let phrase = &lists.phrases[p as usize];
                if let Some(found_match) = check(lists, phrase, doc, &doc.tokens[first..end]) {
                    found.push(Candidate { phrase: p, found: found_match });
                }
            }
        }
        select(found)
    }

    /// The document as id bytes, and where each token's bytes start (then the end); the
    /// tokens of a run of unknown words share their one byte.
    fn encode(&self, doc: &Document) -> (Vec<u8>, Vec<u32>) {
        let mut haystack = Vec::with_capacity(doc.tokens.len());
        let mut starts = Vec::with_capacity(doc.tokens.len() + 1);
        let mut after_unknown = false;
        MEMO.with_borrow_mut(|(generation, memo)| {
            if *generation != self.generation || memo.len() >= MEMO_WORDS {
                memo.clear();
                *generation = self.generation;
            }
            for token in &doc.tokens {
                let norm = token.norm.as_str();
                let id = match token.kind {
                    TokenKind::Word => match memo.get(norm) {
                        Some(&id) => id,
                        None => {
                            let id = self.id(&key(self.stemmer.as_ref(), norm, token.kind));
                            memo.insert(norm.into(), id);
                            id
                        }
                    },
                    _ => self.id(norm),
                };
                if id == NO_ID && after_unknown {
                    starts.push(haystack.len() as u32 - 1);
                    continue;
                }
                starts.push(haystack.len() as u32);
                after_unknown = id == NO_ID;
                if after_unknown {
                    haystack.push(UNKNOWN);
                } else {
                    push_id(&mut haystack, id, self.width);
                }
            }
        });
        starts.push(haystack.len() as u32);
        (haystack, starts)
    }

    fn id(&self, key: &str) -> u32 {
        self.ids.get(key).copied().unwrap_or(NO_ID)
    }
}

/// The key a word is matched by.
fn key<'a>(stemmer: Option<&Stemmer>, norm: &'a str, kind: TokenKind) -> std::borrow::Cow<'a, str> {
    match stemmer {
        Some(stemmer) if kind == TokenKind::Word => stemmer.stem(norm),
        _ => norm.into(),
    }
}

/// Whether a word is capitalised, and whether it is all capitals (two letters or more).
fn shape(text: &str) -> (bool, bool) {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let all_upper = first_upper && text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase);
    (first_upper, all_upper)
}

/// A match of `phrase` on `tokens` (whose keys equal its words'), if its casing and
/// sentence allow it (see the module's docs).
fn check(lists: &Prepared, phrase: &Phrase, doc: &Document, tokens: &[Token]) -> Option<ListMatch> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    let list = lists.list_of(phrase);
    let words: &[Word] = lists.phrase_words(phrase);
    let same = |(word, token): (&Word, &Token)| {
        let surface = lists.text(word.surface);
        let written = token.text(doc.text);
        if list.case_sensitive {
            written == surface || shape(written) == shape(surface)
        } else {
            token.norm.as_str() == lists.text(word.norm) || shape(written).0 == shape(surface).0
        }
    };
    if !words.iter().zip(tokens).all(same) || !in_one_sentence(doc, first, last) {
        return None;
    }
    let gives_way = !list.case_sensitive && phrase.lower_case && shape(first.text(doc.text)).0;
    Some(ListMatch { span: Span::new(first.span.start, last.span.end), target: list.target, entry: phrase.entry, gives_way })
}

fn in_one_sentence(doc: &Document, first: &Token, last: &Token) -> bool {
    let sentence = doc.sentences.partition_point(|s| s.span.end <= first.span.start);
    doc.sentences.get(sentence).is_none_or(|s| s.span.end >= last.span.end)
}

/// A match and its phrase.
struct Candidate {
    phrase: u32,
    found: ListMatch,
}

/// The longest matches first, then the earlier, then (on one span) `exclude`, then the
/// earlier phrase; each kept unless it overlaps one kept before. In document order.
///
/// Only overlapping candidates compete, and most overlap none, so the candidates are
/// cut into runs that overlap nothing outside them, and each run is settled alone. They
/// come in the order of their ends, as the automaton found them; a candidate that starts
/// before the end of the runs before it joins them (the runs' ends increase, so only the
/// last few can reach it). Sorting them by start instead cost the wasm 2.7 KB gzipped.
fn select(mut found: Vec<Candidate>) -> Vec<ListMatch> {
    // Each run: the index in `found` of its first candidate, and its furthest end.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, candidate) in found.iter().enumerate() {
        let mut run = (i, candidate.found.span.end);
        while let Some(&(first, end)) = runs.last() {
            if end <= candidate.found.span.start {
                break;
            }
            runs.pop();
            run = (first, run.1.max(end));
        }
        runs.push(run);
    }
    let mut kept = Vec::with_capacity(found.len());
    for &(first, _) in runs.iter().rev() {
        let mut run = found.split_off(first);
        settle(&mut run, &mut kept);
    }
    kept.reverse();
    debug_assert!(kept.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    kept
}

/// Keeps the best candidates of a run of overlapping ones, pushed onto `kept` in reverse
/// document order (`select` reverses them all once).
fn settle(run: &mut [Candidate], kept: &mut Vec<ListMatch>) {
    if let [single] = run {
        kept.push(single.found);
        return;
    }
    crate::order::sort_by_key(run, |c| {
        let span = c.found.span;
        (std::cmp::Reverse(span.end - span.start), span.start, c.found.target != Target::Exclude, c.phrase)
    });
    // Kept spans of the run by start: they do not overlap, so the one starting last
    // before a candidate's end is the only one that can overlap it. (A run can be as
    // long as the text: "ha ha ha …" with the phrase "ha ha".)
    let mut taken: BTreeMap<usize, ListMatch> = BTreeMap::new();
    for candidate in run.iter() {
        let span = candidate.found.span;
        if !taken.range(..span.end).next_back().is_some_and(|(_, k)| k.span.end > span.start) {
            taken.insert(span.start, candidate.found);
        }
    }
    kept.extend(taken.into_values().rev());
}

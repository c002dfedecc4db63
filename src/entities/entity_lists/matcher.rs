//! The lists of one language as a trie over word ids, and the matching of a document.
//!
//! Every distinct key of the phrases' words (the Snowball stem of a word where the
//! language has a stemmer, its normalised text otherwise, and the text of a number or
//! mark) gets an id; a phrase is the path of its words' ids from the trie's root. A
//! document is its tokens' ids, and a walk down the trie from every token finds each
//! phrase that starts there: whole words by construction, since ids are per token.
//!
//! A trie and not an Aho-Corasick automaton (the `aho-corasick` crate's contiguous NFA,
//! used until then): phrases are a few words long, so a walk from every token costs no
//! more than following failure links (1 MB of CoNLL-2003 news with 10,000 entries: +6.6%
//! to +9.9% of analysis time over six runs, +7.4% to +8.3% before), and the crate's
//! builder and search were 27.7 KB of the gzipped wasm (393,701 -> 365,998 bytes) for
//! the same matches.

use super::prepared::{ListMatch, Phrase, Prepared, Word};
use super::spec::Target;
use crate::lexicon::{stemmer, FastMap};
use crate::span::Span;
use crate::text::{in_capitals, Document, Token, TokenKind};
use rust_stemmers::Stemmer;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Marks a word of no phrase.
const NO_ID: u32 = u32::MAX;

/// The trie's root node.
const ROOT: u32 = 0;

pub(super) struct Matcher {
    /// Tells this matcher's memo of words from another's.
    generation: u64,
    stemmer: Option<Stemmer>,
    /// Word ids by key.
    ids: FastMap<Box<str>, u32>,
    /// The root's children by word id (the root for none): every token that has an id
    /// looks there, so an index rather than a hash.
    roots: Vec<u32>,
    /// The other edges: a node and a word id (see [`edge`]) to the child node.
    edges: FastMap<u64, u32>,
    /// Per node: the phrases that end there, a range of `phrases`.
    ends: Vec<(u32, u32)>,
    phrases: Vec<u32>,
}

fn edge(node: u32, id: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(id)
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

impl Matcher {
    /// The trie of `lists`' phrases for texts in `language`.
    pub(super) fn new(lists: &Prepared, language: &str) -> Matcher {
        let stemmer = stemmer(language);
        let mut ids: FastMap<Box<str>, u32> = FastMap::default();
        let mut keyed: Vec<u32> = Vec::with_capacity(lists.words.len());
        for word in &lists.words {
            let key = key(stemmer.as_ref(), lists.text(word.norm), word.kind);
            let next = ids.len() as u32;
            keyed.push(*ids.entry(key.into()).or_insert(next));
        }
        let mut roots = vec![ROOT; ids.len()];
        let mut edges: FastMap<u64, u32> = FastMap::default();
        // Per node, the phrases ending there; node 0 is the root.
        let mut ending: Vec<Vec<u32>> = vec![Vec::new()];
        for (p, phrase) in lists.phrases.iter().enumerate() {
            let mut node = ROOT;
            for &id in &keyed[phrase.words.0 as usize..phrase.words.1 as usize] {
                let next = ending.len() as u32;
                let child = match node {
                    ROOT => &mut roots[id as usize],
                    _ => edges.entry(edge(node, id)).or_insert(ROOT),
                };
                if *child == ROOT {
                    *child = next;
                    ending.push(Vec::new());
                }
                node = *child;
            }
            ending[node as usize].push(p as u32);
        }
        let mut ends = Vec::with_capacity(ending.len());
        let mut phrases = Vec::with_capacity(lists.phrases.len());
        for at_node in ending {
            ends.push((phrases.len() as u32, (phrases.len() + at_node.len()) as u32));
            phrases.extend(at_node);
        }
        let generation = GENERATIONS.fetch_add(1, Ordering::Relaxed);
        Matcher { generation, stemmer, ids, roots, edges, ends, phrases }
    }

    /// The matches in `doc`, in document order, without overlaps.
    pub(super) fn find(&self, lists: &Prepared, doc: &Document) -> Vec<ListMatch> {
        let ids = self.encode(doc);
        let mut found = Vec::new();
        for first in 0..ids.len() {
            // The node of tokens first..=last; the root once the trie has no path.
            let mut node = self.roots.get(ids[first] as usize).copied().unwrap_or(ROOT);
            let mut last = first;
            while node != ROOT {
                let (from, to) = self.ends[node as usize];
                for &p in &self.phrases[from as usize..to as usize] {
                    let phrase = &lists.phrases[p as usize];
                    if let Some(found_match) = check(lists, phrase, doc, &doc.tokens[first..=last]) {
                        found.push(Candidate { phrase: p, found: found_match });
                    }
                }
                last += 1;
                node = ids.get(last).and_then(|&id| self.edges.get(&edge(node, id))).copied().unwrap_or(ROOT);
            }
        }
        select(found)
    }

    /// The id of each of the document's tokens ([`NO_ID`] for a word of no phrase).
    fn encode(&self, doc: &Document) -> Vec<u32> {
        MEMO.with_borrow_mut(|(generation, memo)| {
            if *generation != self.generation || memo.len() >= MEMO_WORDS {
                memo.clear();
                *generation = self.generation;
            }
            let id_of = |token: &Token| {
                let norm = token.norm.as_str();
                match token.kind {
                    TokenKind::Word => match memo.get(norm) {
                        Some(&id) => id,
                        None => {
                            let id = self.id(&key(self.stemmer.as_ref(), norm, token.kind));
                            memo.insert(norm.into(), id);
                            id
                        }
                    },
                    _ => self.id(norm),
                }
            };
            doc.tokens.iter().map(id_of).collect()
        })
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
    let all_upper = first_upper && in_capitals(text);
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
/// come in the order of their starts, as the trie walks found them; a candidate that
/// starts before the end of the runs before it joins them (the runs are disjoint and in
/// order, so only the last can reach it).
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
        if taken.range(..span.end).next_back().is_none_or(|(_, k)| k.span.end <= span.start) {
            taken.insert(span.start, candidate.found);
        }
    }
    kept.extend(taken.into_values().rev());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::entity_lists::{Entry, List, Spec};
    use crate::entities::Label;
    use proptest::prelude::*;

    /// The matches found by comparing every phrase's keys with the keys of the tokens at
    /// every position: what the trie's walks must find.
    fn brute_force(lists: &Prepared, doc: &Document, language: &str) -> Vec<ListMatch> {
        let stemmer = stemmer(language);
        let keys: Vec<String> = doc.tokens.iter().map(|t| key(stemmer.as_ref(), &t.norm, t.kind).into_owned()).collect();
        let mut found = Vec::new();
        for first in 0..keys.len() {
            for (p, phrase) in lists.phrases.iter().enumerate() {
                let words = lists.phrase_words(phrase);
                let end = first + words.len();
                let same = |(word, token_key): (&Word, &String)| key(stemmer.as_ref(), lists.text(word.norm), word.kind) == **token_key;
                if words.is_empty() || end > keys.len() || !words.iter().zip(&keys[first..end]).all(same) {
                    continue;
                }
                if let Some(found_match) = check(lists, phrase, doc, &doc.tokens[first..end]) {
                    found.push(Candidate { phrase: p as u32, found: found_match });
                }
            }
        }
        select(found)
    }

    const WORDS: [&str; 12] = ["Acme", "acme", "ACME", "rocket", "Rockets", "skates", "ha", "the", "'s", ".", "Globex", "7"];

    fn phrase() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(&WORDS[..]), 1..4).prop_map(|words| words.join(" "))
    }

    proptest! {
        #[test]
        fn the_trie_finds_what_comparing_every_phrase_everywhere_finds(
            entries in proptest::collection::vec((phrase(), proptest::collection::vec(phrase(), 0..2)), 1..8),
            case_sensitive in any::<bool>(),
            text in proptest::collection::vec(proptest::sample::select(&WORDS[..]), 0..40),
        ) {
            let entries = entries.into_iter().map(|(text, aliases)| Entry { text, aliases }).collect();
            let org = List { target: Target::Label(Label::Org), case_sensitive, entries };
            let exclude = List { target: Target::Exclude, case_sensitive: false, entries: vec![Entry { text: "the Acme".into(), aliases: vec![] }] };
            let lists = Prepared::new(Spec { lists: vec![org, exclude] }, 0);
            let text = text.join(" ");
            let doc = Document::new(&text);
            for language in ["en", "fi"] {
                prop_assert_eq!(Matcher::new(&lists, language).find(&lists, &doc), brute_force(&lists, &doc, language));
            }
        }
    }
}

//! Key phrases (steps 1, 3 and 4): candidate runs of content words, their scores from
//! the words' ranks, the greedy choice of the best, and their occurrences.

use super::bridges::{self, Bridged};
use super::rank::{specificity, word_centrality};
use super::roles::Roles;
use super::words::{Form, Key, Lexed, Words, MAX_WORDS, NONE};
use crate::lexicon::FastMap;
use crate::span::Span;
use crate::text::Document;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

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

/// Content tokens read for scoring; beyond them a text only adds occurrences. A
/// keyphrase is almost always established in a text's first few hundred thousand words,
/// and this bounds the candidate table and the graph on multi-megabyte inputs.
const SCORED_TOKENS: usize = 100_000;

/// A phrase's score grows with the square root of its frequency: repetition is
/// evidence, but a frequent generic phrase must not drown rarer specific ones.
const FREQUENCY_POWER: f64 = 0.5;

/// Single words are more often generic than phrases are ("model", "system").
const SINGLE_WORD_FACTOR: f64 = 0.6;

/// In other languages single words are favoured instead: without the English noise
/// lists and phrase-end rules, a run of content words there is often a noun with a
/// verb or adverb ("postier travaillant", "minitel cessera"), and the Romance noun
/// phrases that matter are joined by a stopword ("base de Maceda"), which ends a run.
/// F@10 on the dev sets (WikiNews French / 110-PT-BN-KP Portuguese): 0.6 gives
/// 21.5 / 15.2, 1.0 28.1 / 21.8, 1.6 33.1 / 25.1, 2.0 35.0 / 25.5, 3.0 36.6 / 25.2;
/// 2 keeps a frequent phrase ahead of its words.
const SINGLE_WORD_FACTOR_OTHER: f64 = 2.0;

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

/// A phrase across a connector counts only when the text repeats it: once, it is more
/// often a noun and whatever follows ("despedida de Cunha Rodrigues") than a term.
const MIN_BRIDGED: usize = 2;

/// The `limit` best key phrases of at most `max_words` words, best first (see [`Words`]
/// to get terms too).
pub fn key_phrases(doc: &Document, limit: usize, max_words: usize) -> Vec<Keyword> {
    Words::new(doc).key_phrases(limit, max_words)
}

impl Words<'_> {
    /// The `limit` best key phrases of at most `max_words` words, best first.
    pub fn key_phrases(&self, limit: usize, max_words: usize) -> Vec<Keyword> {
        key_phrases_of(self.doc, &self.lexed, limit, max_words)
    }
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
    /// Whether an occurrence has no word of a web or e-mail address: one that has none
    /// is no phrase ("example org"), while one also written in the text keeps the
    /// weight of its addresses ("Lindenau" and "bibliothek@lindenau.example").
    in_text: bool,
    /// Whether it joins two runs across a connector ([`bridges`]).
    bridged: bool,
    /// Whether an occurrence across a connector is capitalised throughout, as a name is
    /// ("Banco de España"): always false for any other.
    named: bool,
}

fn key_phrases_of(doc: &Document, lexed: &Lexed, limit: usize, max_words: usize) -> Vec<Keyword> {
    if limit == 0 {
        return Vec::new();
    }
    let max_words = max_words.clamp(1, MAX_WORDS);
    let runs = lexed.runs(doc);
    let roles = Roles::of(doc, lexed, &runs);
    let found = Candidates::gather(doc, lexed, &runs, &roles, max_words);
    let centrality = word_centrality(lexed, found.scored_end, &found.position_weight);
    let word_score = word_scores(lexed, &centrality, &found.position_weight);
    let ranked = Ranked::new(&found, &word_score, lexed.language.english);
    let chosen = choose(ranked, &found.list, limit);
    let mut keywords = collect_occurrences(doc, lexed, (&runs, &roles), max_words, &chosen);
    scale_scores(&mut keywords, &chosen);
    keywords
}

/// The candidate phrases of the scored part of a text (steps 1 and 3's counts).
struct Candidates {
    list: Vec<Candidate>,
    /// Per word class: the sum of 1 / position over its occurrences (PositionRank).
    position_weight: Vec<f64>,
    /// The token index where the scored part ends.
    scored_end: usize,
    /// Each candidate's index in `list`, by its key.
    ids: FastMap<Key, u32>,
}

impl Candidates {
    /// Every sub-run of up to `max_words` words of the `runs` (up to
    /// [`SCORED_TOKENS`] content words) that may be a phrase, counted.
    fn gather(doc: &Document, lexed: &Lexed, runs: &[Range<usize>], roles: &Roles, max_words: usize) -> Self {
        let ids = FastMap::with_capacity_and_hasher(doc.distinct_words_room(), Default::default());
        let mut found = Candidates { list: Vec::new(), position_weight: vec![0.0f64; lexed.classes()], scored_end: 0, ids };
        let mut position = 0usize;
        // The content-word position of each run read whole.
        let mut starts = Vec::with_capacity(runs.len());
        for run in runs {
            if position >= SCORED_TOKENS {
                break;
            }
            if run.len() <= SCORED_TOKENS - position {
                starts.push(position);
            }
            let run = run.start..run.end.min(run.start + (SCORED_TOKENS - position));
            found.scored_end = run.end;
            let words = lexed.token_class.get(run.clone()).unwrap_or(&[]);
            for (i, &class) in words.iter().enumerate() {
                if let Some(w) = found.position_weight.get_mut(class as usize) {
                    *w += 1.0 / (position + i + 1) as f64;
                }
                let mut key = [NONE; MAX_WORDS];
                let mut address = false;
                for (n, &next) in words[i..].iter().take(max_words).enumerate() {
                    // No phrase holds a verb, nor does any longer one from here.
                    if roles.is_verb(lexed, run.start + i + n) {
                        break;
                    }
                    address |= lexed.is_address(run.start + i + n);
                    key[n] = next;
                    if may_be_phrase(lexed, roles, run.start, words.len(), i, n) {
                        let new = Candidate { key, len: n + 1, count: 0, whole: 0, first: position + i, in_text: false, bridged: false, named: false };
                        found.count(new, i == 0 && n + 1 == words.len(), address);
                    }
                }
            }
            position += words.len();
        }
        let scored = runs.get(..starts.len()).unwrap_or(&[]);
        bridges::each(doc, lexed, scored, max_words, &|tokens| !roles.any_verb(lexed, tokens), &mut |phrase: Bridged| {
            let address = phrase.tokens.clone().any(|index| lexed.is_address(index));
            let first = starts.get(phrase.run).copied().unwrap_or(0) + phrase.offset;
            let named = phrase.tokens.clone().all(|index| lexed.token_class.get(index) == Some(&NONE) || lexed.token_named.get(index) == Some(&true));
            let new = Candidate { key: phrase.key, len: phrase.len, count: 0, whole: 0, first, in_text: false, bridged: true, named };
            found.count(new, phrase.whole, address);
        });
        found
    }

    /// Counts one occurrence of the candidate `new` (added on its first), `whole` when
    /// it is a whole run, with a word of an address when `address`.
    #[inline]
    fn count(&mut self, new: Candidate, whole: bool, address: bool) {
        let fresh = self.list.len() as u32;
        let named = new.named;
        let id = *self.ids.entry(new.key).or_insert(fresh);
        if id == fresh {
            self.list.push(new);
        }
        if let Some(candidate) = self.list.get_mut(id as usize) {
            candidate.count += 1;
            candidate.whole += usize::from(whole);
            candidate.in_text |= !address;
            candidate.named |= named;
        }
    }
}

/// Whether words `i..=i + n` of a run of `len` words starting at token `start`, none a
/// verb, may be a phrase: the last can end one, a single word is no adjective, and no
/// capitalised name is cut in two.
#[inline]
fn may_be_phrase(lexed: &Lexed, roles: &Roles, start: usize, len: usize, i: usize, n: usize) -> bool {
    let last = start + i + n;
    let last_form = lexed.token_form.get(last).and_then(|&f| lexed.forms.get(f as usize));
    if lexed.language.english && last_form.is_some_and(|f| !can_end_phrase(f.norm)) {
        return false;
    }
    if n == 0 && roles.is_adjective(lexed, last) {
        return false;
    }
    if lexed.language.capitalises_nouns && !is_german_noun_phrase(lexed, start + i..start + i + n + 1) {
        return false;
    }
    let named = |k: usize| lexed.token_named.get(start + k).copied().unwrap_or(false);
    let cuts_name = (i > 0 && named(i - 1) && named(i)) || (i + n + 1 < len && named(i + n) && named(i + n + 1));
    !cuts_name
}

/// Whether the words of `tokens` read as a German noun phrase. German capitalises its
/// nouns, and its noun phrase ends in its noun, inflected adjectives before it: so the
/// phrase ends in a capitalised word ("Stadt Lindenau", not "Stadt Lindenau eröffnet"
/// nor "rund"), no word in lower case follows a capitalised one ("Gewerkschaft fordert
/// höhere Löhne"; "weiten Teilen Bayerns" is one), and each has an adjective's ending
/// ("-e", "-en", "-er", "-es", "-em"; not the verb of "legt Nahverkehr").
fn is_german_noun_phrase(lexed: &Lexed, tokens: Range<usize>) -> bool {
    let form = |index: usize| lexed.token_form.get(index).and_then(|&f| lexed.forms.get(f as usize));
    let capitalised = |index: usize| form(index).is_some_and(|f| f.display().starts_with(char::is_uppercase));
    let adjective = |index: usize| form(index).is_some_and(|f| ["e", "en", "er", "es", "em"].iter().any(|e| f.norm.ends_with(e)));
    let last = tokens.end.saturating_sub(1);
    let lower_after_capital = (tokens.start + 1..tokens.end).any(|k| capitalised(k - 1) && !capitalised(k));
    capitalised(last) && !lower_after_capital && tokens.clone().all(|k| capitalised(k) || adjective(k))
}

/// Each word class's score: its centrality times its specificity; 0 for a class that
/// does not occur in the scored part (where `position_weight` is 0), which no
/// candidate holds.
fn word_scores(lexed: &Lexed, centrality: &[f64], position_weight: &[f64]) -> Vec<f64> {
    (0..lexed.classes())
        .map(|class| match position_weight.get(class) {
            Some(&p) if p > 0.0 => {
                // The ranks are of general English; other languages have none.
                let english = lexed.language.english;
                let spec = lexed.main_form(class as u32).filter(|_| english).map_or(1.0, |f| specificity(f.norm));
                centrality.get(class).copied().unwrap_or(0.0) * spec
            }
            _ => 0.0,
        })
        .collect()
}

/// The candidates are put in order a batch at a time, as far as the choice reads: this
/// many times the phrases asked for, plus [`RANK_SLACK`]. Sorting all of them (some
/// 100,000 on 1 MB of news) took about 2% of an analysis.
const RANK_BATCH: usize = 8;
const RANK_SLACK: usize = 64;

/// Each candidate's score and index (step 3), put best first as far as [`choose`] reads
/// them: the sum of its words' scores times the square root of its frequency, single
/// words and rare fragments damped; ties go to the candidate met first.
struct Ranked<'c> {
    scored: Vec<(f64, u32)>,
    candidates: &'c [Candidate],
    /// `scored[..sorted]` are the best, in order; the rest come after them, unordered.
    sorted: usize,
}

impl<'c> Ranked<'c> {
    fn new(found: &'c Candidates, word_score: &[f64], english: bool) -> Self {
        let candidates = &found.list;
        let mut scores: Vec<f64> = candidates
            .iter()
            .map(|c| {
                let sum: f64 = c.key[..c.len].iter().map(|&w| word_score.get(w as usize).copied().unwrap_or(0.0)).sum();
                let single = match (c.len, english) {
                    (1, true) => SINGLE_WORD_FACTOR,
                    (1, false) => SINGLE_WORD_FACTOR_OTHER,
                    _ => 1.0,
                };
                let fragment = if c.whole == 0 && c.count <= 2 { FRAGMENT_FACTOR } else { 1.0 };
                let score = single * fragment * sum * (c.count as f64).powf(FREQUENCY_POWER);
                if score.is_finite() { score } else { 0.0 }
            })
            .collect();
        let absorbed = absorbed(found);
        for (part, whole) in absorbed.iter().enumerate() {
            let score = scores.get(part).copied().unwrap_or(0.0);
            if let Some(whole) = whole.and_then(|whole| scores.get_mut(whole as usize)) {
                *whole = whole.max(score);
            }
        }
        let eligible = |(id, c): &(usize, &Candidate)| c.in_text && (!c.bridged || c.count >= MIN_BRIDGED) && absorbed.get(*id) == Some(&None);
        let scored = candidates.iter().enumerate().filter(eligible).map(|(id, _)| (scores.get(id).copied().unwrap_or(0.0), id as u32)).collect();
        Ranked { scored, candidates, sorted: 0 }
    }

    /// The `i`th best candidate's score and index; `batch` of them are put in order at
    /// a time.
    fn get(&mut self, i: usize, batch: usize) -> Option<(f64, u32)> {
        if i >= self.sorted && self.sorted < self.scored.len() {
            let candidates = self.candidates;
            // Better score first, then the candidate met first: a total order, as the
            // indices differ.
            let order = |a: &(f64, u32), b: &(f64, u32)| {
                b.0.total_cmp(&a.0).then_with(|| {
                    let (ca, cb) = (candidates.get(a.1 as usize), candidates.get(b.1 as usize));
                    ca.map(|c| c.first).cmp(&cb.map(|c| c.first)).then(a.1.cmp(&b.1))
                })
            };
            let rest = &mut self.scored[self.sorted..];
            let take = best_to_front(rest, batch.max(1));
            crate::order::sort_by(&mut rest[..take], order);
            self.sorted += take;
        }
        self.scored.get(i).copied()
    }
}

/// For each candidate, the name across a connector ([`bridges`]) that holds every
/// occurrence of it as one of its two parts, if any: "Banco" and "España"
/// of "Banco de España" where neither occurs apart. Such a part is no key phrase of its
/// own, and the name ranks with the better of its score and the part's: single words,
/// favoured in these languages, had put "Banco" and "España" ahead of it. Names only:
/// with every phrase across a connector, 110-PT-BN-KP dev F@10 went from 29.30 to
/// 29.09 ("equipa da Maia" took the place of "Maia"); with names, WikiNews French and
/// 110-PT-BN-KP are unchanged.
fn absorbed(found: &Candidates) -> Vec<Option<u32>> {
    let mut by = vec![None; found.list.len()];
    for (id, whole) in found.list.iter().enumerate().filter(|(_, c)| c.named && c.count >= MIN_BRIDGED) {
        for part in bridges::parts(&whole.key, whole.len).into_iter().flatten() {
            let Some(&part) = found.ids.get(&part) else { continue };
            if found.list.get(part as usize).is_some_and(|p| p.count == whole.count) {
                if let Some(slot) = by.get_mut(part as usize) {
                    *slot = Some(id as u32);
                }
            }
        }
    }
    by
}

/// Moves to the front of `scored` at least `batch` of its best (or all of them), and
/// returns how many: those whose score has at least the binary exponent at which
/// `batch` are reached, so that every one moved scores more than every one left.
fn best_to_front(scored: &mut [(f64, u32)], batch: usize) -> usize {
    // Scores are finite and not negative; any that were not would stay behind.
    let exponent = |score: f64| if score > 0.0 { (score.to_bits() >> 52) as usize & 0x7ff } else { 0 };
    let mut counts = [0usize; 0x800];
    for &(score, _) in scored.iter() {
        counts[exponent(score)] += 1;
    }
    let mut reached = 0;
    let cut = (0..counts.len()).rev().find(|&e| {
        reached += counts[e];
        reached >= batch
    });
    let cut = cut.unwrap_or(0);
    let mut front = 0;
    for at in 0..scored.len() {
        if exponent(scored[at].0) >= cut {
            scored.swap(front, at);
            front += 1;
        }
    }
    front
}

/// The `limit` best phrases with their scores, taken greedily from `ranked` (step 4):
/// a phrase inside a better one is skipped unless clearly more frequent on its own,
/// and one extending a better one goes back in line once, damped.
fn choose<'c>(mut ranked: Ranked, candidates: &'c [Candidate], limit: usize) -> Vec<(f64, &'c Candidate)> {
    let mut chosen: Vec<(f64, &Candidate)> = Vec::new();
    let mut deferred: BinaryHeap<Pending> = BinaryHeap::new();
    let mut next = 0;
    let batch = limit.saturating_mul(RANK_BATCH).saturating_add(RANK_SLACK);
    while chosen.len() < limit {
        let from_ranked = ranked.get(next, batch).map(|(score, _)| Pending { score, pos: next, penalised: false });
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
        let Some(candidate) = ranked.get(pending.pos, batch).and_then(|(_, id)| candidates.get(id as usize)) else {
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
    chosen
}

/// Scores relative to the best phrase's, in `0..=1`.
fn scale_scores(keywords: &mut [Keyword], chosen: &[(f64, &Candidate)]) {
    let best = chosen.first().map_or(1.0, |c| c.0);
    for (keyword, (score, _)) in keywords.iter_mut().zip(chosen) {
        let normalised = if best > 0.0 { score / best } else { 0.0 };
        keyword.score = if normalised.is_finite() { normalised.clamp(0.0, 1.0) } else { 0.0 };
    }
}

/// English key phrases are noun phrases: they do not end in a past tense or participle
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

/// How a phrase of `words` is shown: words apart, but an elided article against its
/// word ("l'Égypte"), a word seen only at sentence starts capitalised before a
/// capitalised word, and a word as `named` spells it ([`named_spellings`]).
fn phrase_text(words: &[&Form], named: &[Option<&str>]) -> String {
    let mut text = String::new();
    for (i, word) in words.iter().enumerate() {
        if !text.is_empty() && !text.ends_with('\'') {
            text.push(' ');
        }
        let next_named = named.get(i + 1).is_some_and(Option::is_some);
        let next_capitalised = next_named || words.get(i + 1).is_some_and(|n| n.display().starts_with(char::is_uppercase));
        let own = named.get(i).copied().flatten();
        text.push_str(own.or(word.start_spelling().filter(|_| next_capitalised)).unwrap_or_else(|| word.display()));
    }
    text
}

/// Per word of a phrase spelt `forms`: its spelling where those of the phrase's
/// `occurrences` spelt so capitalise it past a sentence start or headline
/// ([`Lexed::token_named`]) and never write it in lower case. A word's own spelling is in
/// lower case if the text writes it so anywhere, but in a name it keeps its capital
/// ("Greenfield Energy" of a text on "clean energy").
fn named_spellings<'t>(doc: &Document<'t>, lexed: &Lexed, (occurrences, forms): (&[Span], &Key)) -> [Option<&'t str>; MAX_WORDS] {
    let mut named = [None; MAX_WORDS];
    let mut lower = [false; MAX_WORDS];
    for span in occurrences {
        let first = doc.tokens.partition_point(|t| t.span.start < span.start);
        let tokens = doc.tokens.get(first..).unwrap_or(&[]).iter().take_while(|t| t.span.end <= span.end);
        for (k, token) in tokens.enumerate().take(MAX_WORDS) {
            if lexed.token_form.get(first + k) != forms.get(k) {
                continue;
            }
            if lexed.token_named.get(first + k).copied().unwrap_or(false) {
                named[k].get_or_insert(token.text(doc.text));
            } else if !token.is_capitalized() {
                lower[k] = true;
            }
        }
    }
    for (spelling, lower) in named.iter_mut().zip(lower) {
        if lower {
            *spelling = None;
        }
    }
    // In English, a capital first word before a lower-case one starts a title or a list
    // item ("Mobile agent techniques"), unless the text capitalises the word anyway; the
    // other languages write names so ("Assemblée nationale", "Parti popular").
    let lower_case = |k: usize| {
        let form = forms.get(k).and_then(|&f| lexed.forms.get(f as usize));
        form.is_some_and(|f| !f.display().starts_with(char::is_uppercase))
    };
    if lexed.language.english && lower_case(0) && lower_case(1) && named[1].is_none() {
        named[0] = None;
    }
    named
}

/// The occurrences of the chosen phrases, each one's in text order.
struct Occurrences {
    spans: Vec<Vec<Span>>,
    /// Per chosen phrase: form sequence → (count, order seen).
    spellings: Vec<FastMap<Key, (usize, usize)>>,
}

impl Occurrences {
    /// One occurrence of chosen phrase `slot`: its `tokens`, spelt `forms`. Out of
    /// line: both kinds of phrase record through it, and a look-up finds few.
    #[inline(never)]
    fn record(&mut self, doc: &Document, slot: usize, tokens: Range<usize>, forms: Key) {
        let (Some(first), Some(last)) = (doc.tokens.get(tokens.start), doc.tokens.get(tokens.end.wrapping_sub(1))) else { return };
        if let (Some(list), Some(seen)) = (self.spans.get_mut(slot), self.spellings.get_mut(slot)) {
            list.push(Span::new(first.span.start, last.span.end));
            let order = seen.len();
            seen.entry(forms).or_insert((0, order)).0 += 1;
        }
    }
}

/// Every occurrence of the chosen phrases in the whole text, and each one's most common
/// surface form. As in [`Candidates::gather`], no occurrence holds a verb: the words
/// stemmed alike keep their own forms ("ospiti" is a key phrase, not "ospiterà" of "la
/// città ospiterà proiezioni").
fn collect_occurrences(
    doc: &Document,
    lexed: &Lexed,
    (runs, roles): (&[Range<usize>], &Roles),
    max_words: usize,
    chosen: &[(f64, &Candidate)],
) -> Vec<Keyword> {
    let wanted: FastMap<Key, usize> = chosen.iter().enumerate().map(|(i, (_, c))| (c.key, i)).collect();
    let mut found = Occurrences { spans: vec![Vec::new(); chosen.len()], spellings: vec![FastMap::default(); chosen.len()] };
    for run in runs {
        let words = lexed.token_class.get(run.clone()).unwrap_or(&[]);
        for i in 0..words.len() {
            let mut key = [NONE; MAX_WORDS];
            let mut forms = [NONE; MAX_WORDS];
            for n in 0..max_words.min(words.len() - i) {
                let (Some(&class), Some(&form)) = (words.get(i + n), lexed.token_form.get(run.start + i + n)) else {
                    break;
                };
                if lexed.is_address(run.start + i + n) || roles.is_verb(lexed, run.start + i + n) {
                    break;
                }
                key[n] = class;
                forms[n] = form;
                if let Some(&slot) = wanted.get(&key) {
                    found.record(doc, slot, run.start + i..run.start + i + n + 1, forms);
                }
            }
        }
    }
    // A phrase across a connector has a connector in its key, so its occurrences all
    // come from here, in text order.
    bridges::each(doc, lexed, runs, max_words, &|tokens| !roles.any_verb(lexed, tokens), &mut |phrase: Bridged| {
        let Some(&slot) = wanted.get(&phrase.key) else { return };
        if phrase.tokens.clone().any(|index| lexed.is_address(index)) {
            return;
        }
        let mut forms = [NONE; MAX_WORDS];
        for (form, index) in forms.iter_mut().zip(phrase.tokens.clone()) {
            *form = lexed.token_form.get(index).copied().unwrap_or(NONE);
        }
        found.record(doc, slot, phrase.tokens, forms);
    });
    found
        .spans
        .into_iter()
        .zip(found.spellings)
        .map(|(occurrences, seen)| {
            let spelling = seen
                .into_iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(forms, _)| forms)
                .unwrap_or([NONE; MAX_WORDS]);
            let words: Vec<&Form> = spelling.iter().filter_map(|&f| lexed.forms.get(f as usize)).collect();
            let text = phrase_text(&words, &named_spellings(doc, lexed, (&occurrences, &spelling)));
            Keyword { text, score: 0.0, count: occurrences.len(), occurrences }
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! The rule-based recognizer of people, organisations and places.
//!
//! Capitalisation finds candidate names; context cues (titles before a name,
//! prepositions before a place, organisation words at the end) and compact gazetteers
//! give their types. Capitalisation says nothing at the start of a sentence or in a
//! headline or all-caps line, so there only names the rest of the document (or a
//! gazetteer) vouches for are taken.

use super::gazetteer::{
    is_common_opener, is_demonym, is_event_word, is_first_name, is_known_org, is_never_name, is_org_head, is_org_word, is_place,
    is_place_head, is_place_word, is_title, is_weekday, month, MAX_PLACE_WORDS,
};
use super::entity::{Label, Mention, Recognizer};
use crate::lexicon::{is_stopword, FastMap, FastSet};
use crate::span::Span;
use crate::text::{has_line_break, Document, Token, TokenKind};
use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

/// The rule-based [`Recognizer`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Rules;

impl Recognizer for Rules {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        Context::new(doc).recognize()
    }
}

/// A run longer than this is a list or a shouted line, not a name.
const MAX_NAME_TOKENS: usize = 10;
/// Longest known name looked for in a headline, in tokens.
const MAX_HEADLINE_MATCH: usize = 6;

/// Lower-case words that sit inside names ("Ludwig van Beethoven", "Osama bin Laden").
const PARTICLES: &[&str] = &["de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das", "al", "el", "bin", "ibn", "bint", "ben"];
/// Articles of other languages, which open a sentence or a phrase but not a name.
const FOREIGN_ARTICLES: &[&str] = &["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "les", "une", "los", "las", "il", "gli", "het", "een"];
/// Words before a place ("in Tehran").
const PLACE_CUES: &[&str] = &["in", "at", "from", "to", "near", "into", "across", "throughout", "outside", "inside", "toward", "towards", "via", "around", "visited", "visiting"];
/// Words before a place that seldom come before a person ("in", not "to" or "from").
const STRONG_PLACE_CUES: &[&str] = &["in", "near", "into", "across", "throughout", "outside", "inside", "toward", "towards", "visited", "visiting"];
/// Words that open a place name ("Cape Canaveral", "Mount Everest").
const PLACE_OPENERS: &[&str] =
    &["mount", "mt", "lake", "cape", "fort", "port", "isle", "gulf", "loch", "glen", "st", "saint", "san", "santa", "sao", "são"];
/// Hyphenated endings after a name that are not part of it ("Kurdistan-based").
const HYPHEN_TAILS: &[&str] = &["based", "led", "backed", "born", "controlled", "held", "owned", "run", "made", "bound", "allied", "linked", "funded", "sponsored", "occupied", "dominated", "style", "era", "bred", "wide"];
/// Abbreviations that end a name with their period ("Acme Inc.").
const DOTTED_ENDINGS: &[&str] = &["inc", "corp", "ltd", "co", "jr", "sr", "bros", "plc"];

/// How much the capitalisation of a line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casing {
    /// Ordinary prose: capitals mark names.
    Prose,
    /// Every content word capitalised ("Iran Calls on Iraq to Act").
    TitleCase,
    /// Shouted ("IRAN CALLS ON IRAQ").
    AllCaps,
}

/// A line of one sentence: capitalisation is judged line by line, since headlines
/// and datelines often share a sentence with what follows them.
struct Unit {
    tokens: Range<usize>,
    casing: Casing,
}

/// A name found in prose, before the document-wide pass settles unsure types.
struct Candidate {
    span: Span,
    tokens: Range<usize>,
    label: Option<Label>,
    /// Whether the type comes from the name itself rather than from a guess.
    sure: bool,
    place_cue: bool,
}

struct Context<'d, 'a> {
    doc: &'d Document<'a>,
    units: Vec<Unit>,
    /// Whether a token opens a sentence or line, where capitals mean nothing.
    initial: Vec<bool>,
    /// Words (and hyphen parts) written with a capital inside prose sentences.
    capitalised: FastSet<&'d str>,
    /// Per word: whether it is written in lower case somewhere
    /// ([`Document::lower_case_words`]).
    lower: Vec<bool>,
    /// Whether each token can be part of a name in prose (see [`Context::is_name_word`]).
    name_word: Vec<bool>,
    /// The words [`Context::place_at`] joins.
    place_key: Cell<String>,
    /// The words [`Context::with_key`] joins.
    lookup_key: Cell<String>,
}

fn is_letter_word(token: &Token) -> bool {
    token.kind == TokenKind::Word && token.norm.chars().any(char::is_alphabetic)
}

fn all_caps(raw: &str) -> bool {
    raw.chars().any(char::is_alphabetic) && !raw.chars().any(char::is_lowercase)
}

/// The head of "Kurdistan-based", if the word has such a tail.
fn hyphen_head(raw: &str) -> Option<usize> {
    let (head, tail) = raw.split_once('-')?;
    let tail = tail.rsplit('-').next().unwrap_or(tail);
    (!head.is_empty() && HYPHEN_TAILS.contains(&tail)).then_some(head.len())
}

fn join_norms(tokens: &[Token]) -> String {
    let mut key = String::with_capacity(tokens.iter().map(|t| t.norm.len() + 1).sum());
    push_norms(&mut key, tokens);
    key
}

fn push_norms(key: &mut String, tokens: &[Token]) {
    for token in tokens {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&token.norm);
    }
}

/// Whether a run of words is an acronym such as "IRGC" or "U.S.".
pub(super) fn is_acronym(raw: &str) -> bool {
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && all_caps(raw) && raw.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '&')
}

impl<'d, 'a> Context<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Self {
        // A capitalised word is looked up in several lists: once per distinct form.
        let mut known: Vec<Option<(bool, bool)>> = vec![None; doc.forms.forms()];
        let (mut name_word, mut capital_stopword) = (Vec::with_capacity(doc.tokens.len()), Vec::with_capacity(doc.tokens.len()));
        for (index, token) in doc.tokens.iter().enumerate() {
            let raw = token.text(doc.text);
            let capital = token.is_capitalized();
            let (name, stop) = if capital {
                let look_up = || (Self::name_word_of(token, raw, true), is_stopword(&token.norm));
                match known.get_mut(doc.forms.form(index) as usize) {
                    Some(slot) => *slot.get_or_insert_with(look_up),
                    None => look_up(),
                }
            } else {
                (Self::name_word_of(token, raw, false), false)
            };
            name_word.push(name);
            capital_stopword.push(stop);
        }
        let units = Self::units(doc);
        let mut initial = vec![false; doc.tokens.len()];
        for unit in &units {
            let mut at_start = true;
            for i in unit.tokens.clone() {
                let token = &doc.tokens[i];
                if token.kind == TokenKind::Word {
                    initial[i] = at_start;
                    at_start = false;
                } else if matches!(token.text(doc.text), ":" | "\"" | "“" | "‘" | "«" | "•" | "*" | "–" | "—" | "-" | "(") {
                    at_start |= i == unit.tokens.start || !matches!(token.text(doc.text), "(" | "-");
                }
            }
        }
        let mut capitalised = FastSet::with_capacity_and_hasher(doc.distinct_words_room(), Default::default());
        for unit in units.iter().filter(|u| u.casing == Casing::Prose) {
            for i in unit.tokens.clone() {
                let token = &doc.tokens[i];
                if is_letter_word(token) && token.is_capitalized() && !initial[i] && !capital_stopword[i] {
                    capitalised.insert(token.norm.as_str());
                    capitalised.extend(token.norm.split('-'));
                }
            }
        }
        let lower = doc.lower_case_words();
        Context { doc, units, initial, capitalised, lower, name_word, place_key: Cell::default(), lookup_key: Cell::default() }
    }

    /// Sentences cut at line breaks, each with its casing. A sentence that seems to end
    /// at a name's initial ("M. Moxon") goes on.
    fn units(doc: &Document) -> Vec<Unit> {
        let tokens = &doc.tokens;
        let mut sentence_start = vec![false; tokens.len()];
        for sentence in &doc.sentences {
            if let Some(flag) = sentence_start.get_mut(sentence.tokens.start) {
                *flag = true;
            }
        }
        let is_initial = |i: usize| {
            let raw = tokens[i].text(doc.text);
            raw.chars().count() == 1 && raw.chars().all(char::is_uppercase)
        };
        let mut units = Vec::new();
        let mut start = 0;
        for next in 1..=tokens.len() {
            let i = next - 1;
            let breaks = next == tokens.len()
                || doc.text.get(tokens[i].span.end..tokens[next].span.start).is_some_and(has_line_break)
                || sentence_start[next]
                    && !(i >= 1 && tokens[i].text(doc.text) == "." && is_initial(i - 1) && tokens[next].is_capitalized());
            if breaks {
                units.push(Unit { tokens: start..next, casing: Self::casing(doc, start..next) });
                start = next;
            }
        }
        units
    }

    fn casing(doc: &Document, tokens: Range<usize>) -> Casing {
        let words = || doc.tokens.get(tokens.clone()).unwrap_or(&[]).iter().filter(|t| is_letter_word(t));
        let (mut count, mut shouted) = (0, 0);
        for token in words() {
            let raw = token.text(doc.text);
            count += 1;
            if all_caps(raw) && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                shouted += 1;
            }
        }
        // Two shouted words, three in five of the line's: measured on the NER dev sets
        // (CoNLL-2003 as it is and in capitals, WNUT-17, BTC), a share from 1/2 to 3/5
        // and one or two words score alike; 4/5 loses 0.4 F1 on the text in capitals,
        // three words 0.2 on it and on WNUT-17.
        if shouted >= 2 && shouted * 5 >= count * 3 {
            return Casing::AllCaps;
        }
        // Title case: at least three content words (not stopwords), all capitalised.
        // Prose shows a lower-case content word within a few words, so look there first.
        if words().any(|t| !t.is_capitalized() && !is_stopword(&t.norm)) {
            return Casing::Prose;
        }
        if words().filter(|t| t.is_capitalized() && !is_stopword(&t.norm)).nth(2).is_some() {
            Casing::TitleCase
        } else {
            Casing::Prose
        }
    }

    fn is_capital(&self, i: usize) -> bool {
        self.token(i).is_some_and(Token::is_capitalized)
    }

    fn token(&self, i: usize) -> Option<&'d Token> {
        self.doc.tokens.get(i)
    }

    fn raw(&self, i: usize) -> &'a str {
        self.token(i).map_or("", |t| t.span.slice(self.doc.text))
    }

    fn norm(&self, i: usize) -> &'d str {
        self.token(i).map_or("", |t| t.norm.as_str())
    }

    /// [`Context::key`] of `tokens`, handed to `f`: lookups join the words in a buffer
    /// kept for the whole document rather than in a new string each.
    fn with_key<R>(&self, tokens: Range<usize>, f: impl FnOnce(&str) -> R) -> R {
        match self.doc.tokens.get(tokens) {
            Some([one]) => f(one.norm.as_str()),
            Some(tokens) => {
                let mut key = self.lookup_key.take();
                key.clear();
                push_norms(&mut key, tokens);
                let result = f(&key);
                self.lookup_key.set(key);
                result
            }
            None => f(""),
        }
    }

    /// The lower-cased words of `tokens` joined by spaces; most are one word, kept borrowed.
    fn key(&self, tokens: Range<usize>) -> Cow<'d, str> {
        match self.doc.tokens.get(tokens) {
            Some([one]) => Cow::Borrowed(one.norm.as_str()),
            Some(tokens) => Cow::Owned(join_norms(tokens)),
            None => Cow::Borrowed(""),
        }
    }

    /// A word that can be part of a name in prose.
    fn is_name_word(&self, i: usize) -> bool {
        self.name_word.get(i).copied().unwrap_or(false)
    }

    /// [`Context::is_name_word`] of a token written `raw`, capitalised or not.
    fn name_word_of(token: &Token, raw: &str, capital: bool) -> bool {
        if Self::arabic_article(raw) {
            return true;
        }
        if !capital || hyphen_head(raw).is_some() {
            return false;
        }
        let norm = token.norm.as_str();
        let full_month = month(norm).is_some() && norm.len() > 3;
        if is_weekday(norm) || full_month || is_never_name(norm) {
            return false;
        }
        !is_stopword(norm) || is_acronym(raw)
    }

    /// "al-Kabariti", "el-Sisi": a lower-case article joined to a capitalised name.
    fn arabic_article(raw: &str) -> bool {
        // Every article is two or three letters and a hyphen.
        if !raw.as_bytes().get(2..4).is_some_and(|b| b.contains(&b'-')) {
            return false;
        }
        ["al-", "el-", "ad-", "ar-", "as-", "ash-", "az-", "an-", "at-"]
            .iter()
            .any(|article| raw.strip_prefix(article).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)))
    }

    /// The length of the longest place name starting at `i` written in capitals.
    fn place_at(&self, i: usize, end: usize) -> usize {
        // Place names start with a capital.
        if !self.is_capital(i) {
            return 0;
        }
        let mut longest = 0;
        // Most capitalised words start no name of two or more words: only those are joined,
        // in a buffer kept for the whole document.
        let mut key = self.place_key.take();
        key.clear();
        for length in 1..=MAX_PLACE_WORDS.min(end.saturating_sub(i)) {
            let j = i + length - 1;
            let Some(token) = self.token(j) else { break };
            let capital = self.is_capital(j);
            if !(capital || length > 1 && matches!(token.norm.as_str(), "of" | "and" | "de" | "es")) {
                break;
            }
            let key = if length == 1 {
                token.norm.as_str()
            } else {
                if length == 2 {
                    key.push_str(self.norm(i));
                }
                key.push(' ');
                key.push_str(&token.norm);
                key.as_str()
            };
            if capital && is_place(key) {
                longest = length;
            }
        }
        self.place_key.set(key);
        longest
    }

    /// A word joining two parts of one name.
    fn is_connector(&self, i: usize, run: Range<usize>) -> bool {
        let raw = self.raw(i);
        if PARTICLES.contains(&raw) || raw == "&" {
            return true;
        }
        // "Bank of England", "Islamic Republic of Iran"; not "Security Council of Iraq".
        let head = self.norm(i.wrapping_sub(1));
        raw == "of" && run.len() <= 2 && (is_org_head(head) || is_place_head(head))
    }

    fn recognize(&self) -> Vec<Mention> {
        let mut candidates = Vec::new();
        for unit in self.units.iter().filter(|u| u.casing == Casing::Prose) {
            self.prose_unit(unit.tokens.clone(), &mut candidates);
        }
        let mut known: FastMap<String, Label> = FastMap::default();
        let mut person_parts: FastSet<&str> = FastSet::default();
        // A hyphenated head ("Kurdistan" of "Kurdistan-based") is no whole word to look up.
        let whole_words = |c: &&Candidate| self.token(c.tokens.end.wrapping_sub(1)).is_some_and(|t| t.span.end == c.span.end);
        for candidate in candidates.iter().filter(|c| c.sure).filter(whole_words) {
            let Some(label) = candidate.label else { continue };
            known.entry(self.key(candidate.tokens.clone()).into_owned()).or_insert(label);
            if label == Label::Person && candidate.tokens.len() > 1 {
                for token in &self.doc.tokens[candidate.tokens.clone()] {
                    person_parts.extend(token.norm.split('-').filter(|p| p.chars().count() > 1 && !PARTICLES.contains(p) && !is_stopword(p)));
                }
            }
        }
        let mut labels: Vec<Option<Label>> = candidates
            .iter()
            .map(|c| {
                if c.sure {
                    return c.label;
                }
                self.with_key(c.tokens.clone(), |key| {
                    known
                        .get(key)
                        .copied()
                        .or_else(|| (c.tokens.len() == 1 && person_parts.contains(key)).then_some(Label::Person))
                        .or(c.label)
                        .or(c.place_cue.then_some(Label::Location))
                })
            })
            .collect();
        // "Essex, Derbyshire and Surrey": an unknown name listed with typed ones shares
        // their type; forward then backward, so the type runs along the list.
        for k in (1..candidates.len()).chain((1..candidates.len()).rev()) {
            let (before, after) = (k - 1, k);
            if self.coordinated(&candidates[before], &candidates[after]) {
                match (labels[before], labels[after]) {
                    (Some(label), None) => labels[after] = Some(label),
                    (None, Some(label)) => labels[before] = Some(label),
                    _ => {}
                }
            }
        }
        let mut mentions: Vec<Mention> =
            candidates.iter().zip(labels).filter_map(|(c, label)| label.map(|label| Mention::new(c.span, label))).collect();
        for unit in self.units.iter().filter(|u| u.casing != Casing::Prose) {
            self.shouted_unit(unit, &known, &person_parts, &mut mentions);
        }
        crate::order::sort_by_key(&mut mentions, |m| (m.span.start, m.span.end));
        mentions
    }

    /// Whether two names are listed together ("Leeds and York", "Essex, Kent").
    fn coordinated(&self, first: &Candidate, second: &Candidate) -> bool {
        let between = self.doc.tokens.get(first.tokens.end..second.tokens.start).unwrap_or_default();
        match between {
            [one] => matches!(one.norm.as_str(), "," | "and" | "or" | "&"),
            [comma, and] => comma.norm == "," && matches!(and.norm.as_str(), "and" | "or"),
            _ => false,
        }
    }

    /// Names in a headline or all-caps line: only what the prose or a gazetteer knows,
    /// and a given name with the word after it.
    fn shouted_unit(&self, unit: &Unit, known: &FastMap<String, Label>, person_parts: &FastSet<&str>, out: &mut Vec<Mention>) {
        let mut i = unit.tokens.start;
        while i < unit.tokens.end {
            let Some(token) = self.token(i) else { break };
            if !token.is_capitalized() || is_stopword(&token.norm) && !(unit.casing == Casing::TitleCase && is_acronym(self.raw(i))) {
                i += 1;
                continue;
            }
            let longest = (1..=MAX_HEADLINE_MATCH.min(unit.tokens.end - i)).rev().find_map(|length| {
                let tokens = i..i + length;
                if !self.doc.tokens[tokens.clone()].iter().all(|t| t.is_capitalized() || t.norm == "of") {
                    return None;
                }
                self.with_key(tokens, |key| known.get(key).copied().or_else(|| is_place(key).then_some(Label::Location)))
                    .map(|label| (length, label))
            });
            let found = longest.or_else(|| {
                if self.initial_then_word(i, unit.tokens.end) {
                    Some((3, Label::Person))
                } else if self.given_name_then_word(i, unit.tokens.end) {
                    let middle = self.given_name_then_word(i + 1, unit.tokens.end);
                    Some((if middle { 3 } else { 2 }, Label::Person))
                } else {
                    person_parts.contains(token.norm.as_str()).then_some((1, Label::Person))
                }
            });
            match found {
                Some((length, label)) => {
                    let span = Span::new(token.span.start, self.doc.tokens[i + length - 1].span.end);
                    out.push(Mention::new(span, label));
                    i += length;
                }
                None => i += 1,
            }
        }
    }

    /// A known given name and the capitalised word after it ("Carl Fogarty"), where
    /// capitals say nothing more.
    fn given_name_then_word(&self, i: usize, end: usize) -> bool {
        let next = i + 1;
        next < end
            && is_first_name(self.norm(i))
            && self.token(next).is_some_and(|t| t.is_capitalized() && is_letter_word(t))
            && !is_stopword(self.norm(next))
            && !is_title(self.norm(next))
            && !is_never_name(self.norm(next))
            && !is_place(self.norm(next))
            && !is_demonym(self.norm(next))
    }

    /// "M. Moxon": an initial, its period and a capitalised word.
    fn initial_then_word(&self, i: usize, end: usize) -> bool {
        let raw = self.raw(i);
        i + 2 < end
            && raw.chars().count() == 1
            && raw.chars().all(char::is_uppercase)
            && self.raw(i + 1) == "."
            && self.token(i + 2).is_some_and(|t| t.is_capitalized() && is_letter_word(t))
            && !is_stopword(self.norm(i + 2))
            && !is_place(self.norm(i + 2))
    }

    /// Runs of capitalised words in a prose line.
    fn prose_unit(&self, tokens: Range<usize>, out: &mut Vec<Candidate>) {
        let mut i = tokens.start;
        while i < tokens.end {
            // Only a capitalised word or an Arabic article ("al-Sisi") starts a name.
            if !self.is_capital(i) && !Self::arabic_article(self.raw(i)) {
                i += 1;
                continue;
            }
            if let Some(head) = hyphen_head(self.raw(i)).filter(|_| self.is_capital(i)) {
                let start = self.doc.tokens[i].span.start;
                let head_norm = self.raw(i).get(..head).unwrap_or_default().to_lowercase();
                let sure = is_place(&head_norm);
                let label = sure.then_some(Label::Location);
                if !is_demonym(&head_norm) {
                    out.push(Candidate { span: Span::new(start, start + head), tokens: i..i + 1, label, sure, place_cue: false });
                }
                i += 1;
                continue;
            }
            let place = self.place_at(i, tokens.end);
            if place == 0 && !self.is_name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            loop {
                let place = self.place_at(end, tokens.end);
                if place >= 2 {
                    end += place;
                } else if end < tokens.end && (self.is_name_word(end) || place == 1) {
                    end += 1;
                    let initial_letter = self.raw(end - 1).chars().count() == 1;
                    let dotted = initial_letter || DOTTED_ENDINGS.contains(&self.norm(end - 1));
                    if dotted && self.raw(end) == "." && end < tokens.end && self.doc.tokens[end - 1].span.end == self.doc.tokens[end].span.start {
                        end += 1;
                    }
                } else if end > start && end + 1 < tokens.end && self.is_connector(end, start..end) && self.is_name_word(end + 1)
                    || end == start + 1 && self.raw(end) == "and" && self.organisation_follows(end + 1, tokens.end)
                {
                    end += 1;
                } else {
                    break;
                }
            }
            if end - start <= MAX_NAME_TOKENS {
                self.run(start..end, out);
            }
            i = end.max(start + 1);
        }
    }

    /// "Cape Canaveral", "St Pauli"; not "San Diego Padres", a known place and more.
    fn place_opener(&self, i: usize) -> bool {
        PLACE_OPENERS.contains(&self.norm(i)) && self.place_at(i, self.doc.tokens.len()) == 0
    }

    /// Whether name words from `i` end in an organisation word, as after "Securities and"
    /// in "Securities and Exchange Commission".
    fn organisation_follows(&self, i: usize, end: usize) -> bool {
        let mut last = None;
        for k in i..end.min(i + 4) {
            if !self.is_name_word(k) {
                break;
            }
            last = Some(k);
        }
        last.is_some_and(|k| k > i && is_org_word(self.norm(k)))
    }

    /// "Université de Genève", "Banco Santander": an organisation word opening a name
    /// through a particle or before a word no gazetteer knows as a given name.
    fn org_opener(&self, tokens: Range<usize>) -> bool {
        let particle = self.token(tokens.start + 1).is_some_and(|t| PARTICLES.contains(&t.text(self.doc.text)));
        is_org_head(self.norm(tokens.start)) && (particle || !is_first_name(self.norm(tokens.start + 1)))
    }

    /// The last word of a run, past the period of "Inc.".
    fn last_word(&self, tokens: Range<usize>) -> &'d str {
        let end = if tokens.len() > 1 && self.norm(tokens.end - 1) == "." { tokens.end - 1 } else { tokens.end };
        self.norm(end.saturating_sub(1))
    }

    /// "The", "Der", "Les": a function word (but not "US"), which never opens a name.
    fn is_function_word(&self, i: usize) -> bool {
        let norm = self.norm(i);
        (is_stopword(norm) || FOREIGN_ARTICLES.contains(&norm)) && !is_acronym(self.raw(i))
    }

    /// Whether a capitalised word opening a sentence is an ordinary word.
    fn ordinary_opener(&self, i: usize, run_length: usize) -> bool {
        let norm = self.norm(i);
        if self.is_function_word(i) || is_common_opener(norm) {
            return true;
        }
        if is_place(norm) || self.capitalised.contains(norm) {
            return false;
        }
        let lower = self.lower.get(self.doc.forms.word(i) as usize).copied().unwrap_or(false);
        lower || norm.ends_with("ing") || norm.ends_with("ly") || run_length == 1 && !is_first_name(norm)
    }

    /// Types one run of name words, splitting it where a place runs into a person
    /// ("Iraq Qasim Al-Araji") or a title starts.
    fn run(&self, mut tokens: Range<usize>, out: &mut Vec<Candidate>) {
        // "AKRON, Ohio": a dateline's place opens the line.
        let dateline = self.raw(tokens.end) == "," && self.place_at(tokens.end + 1, self.doc.tokens.len()) > 0;
        if self.initial.get(tokens.start).copied().unwrap_or(false) && !dateline && self.ordinary_opener(tokens.start, tokens.len()) {
            tokens.start += 1;
        }
        let whole = self.key(tokens.clone());
        if tokens.is_empty() {
            return;
        }
        if is_place(&whole) {
            self.push(tokens, Some(Label::Location), true, false, out);
            return;
        }
        let ends_as_org = is_org_word(self.last_word(tokens.clone()));
        let mut start = tokens.start;
        for k in tokens.start + 1..tokens.end {
            let after_place = is_place(self.norm(k - 1)) && (is_first_name(self.norm(k)) || is_title(self.norm(k)));
            let title_starts = is_title(self.norm(k)) && !is_title(self.norm(k - 1)) && !ends_as_org;
            if after_place || title_starts {
                self.segment(start..k, start == tokens.start, out);
                start = k;
            }
        }
        self.segment(start..tokens.end, start == tokens.start, out);
    }

    fn segment(&self, mut tokens: Range<usize>, first: bool, out: &mut Vec<Candidate>) {
        let before = tokens.start.checked_sub(1).map_or("", |p| self.norm(p));
        // "Mr. Smith": the title's period stands between.
        let title_before = is_title(before) || before == "." && is_title(self.norm(tokens.start.wrapping_sub(2)));
        let mut person_cue = first && title_before;
        let place_cue = first && PLACE_CUES.contains(&before);
        while tokens.len() > 1 && self.is_function_word(tokens.start) {
            tokens.start += 1;
        }
        if tokens.is_empty() {
            return;
        }
        let last = self.last_word(tokens.clone());
        let has_of = self.doc.tokens[tokens.clone()].iter().any(|t| t.norm == "of");
        let fixed = is_org_word(last) || is_place_word(last) || has_of;
        while !fixed && tokens.len() > 1 && is_title(self.norm(tokens.start)) {
            tokens.start += 1;
            person_cue = true;
        }
        while !fixed && tokens.len() > 1 && is_demonym(self.norm(tokens.start)) {
            tokens.start += 1;
        }
        let key = self.key(tokens.clone());
        // "South African", "Roman Catholic", "World Cup": adjectives and events.
        let adjective = !fixed && (is_demonym(&key) || is_demonym(last));
        let generic = tokens.len() == 1 && (is_title(&key) || is_org_word(&key));
        if adjective || is_event_word(last) || generic {
            return;
        }
        let of_head = |is_head: fn(&str) -> bool| {
            (tokens.start + 1..tokens.end).any(|k| self.norm(k) == "of" && is_head(self.norm(k - 1)))
        };
        let has_acronym = self.doc.tokens[tokens.clone()].iter().any(|t| is_acronym(t.text(self.doc.text)) && !is_place(&t.norm));
        let (label, sure) = if is_place(&key) {
            (Some(Label::Location), true)
        } else if is_known_org(&key) || is_org_word(last) || tokens.len() > 1 && (has_acronym || self.org_opener(tokens.clone())) || of_head(is_org_head) {
            (Some(Label::Org), true)
        } else if tokens.len() > 1 && (is_place_word(last) || self.place_opener(tokens.start)) || of_head(is_place_head) {
            (Some(Label::Location), true)
        } else if tokens.len() == 1 && is_acronym(self.raw(tokens.start)) {
            (Some(Label::Org), true)
        } else if person_cue || is_first_name(self.norm(tokens.start)) {
            (Some(Label::Person), true)
        } else if tokens.len() > 1 {
            let has_place = tokens.clone().any(|k| self.place_at(k, tokens.end) > 0);
            let label = if has_place {
                Label::Org
            } else if first && STRONG_PLACE_CUES.contains(&before) {
                Label::Location
            } else {
                Label::Person
            };
            (Some(label), true)
        } else {
            (None, false)
        };
        self.push(tokens, label, sure, place_cue, out);
    }

    fn push(&self, tokens: Range<usize>, label: Option<Label>, sure: bool, place_cue: bool, out: &mut Vec<Candidate>) {
        let (Some(first), Some(last)) = (self.token(tokens.start), self.token(tokens.end.saturating_sub(1))) else { return };
        out.push(Candidate { span: Span::new(first.span.start, last.span.end), tokens, label, sure, place_cue });
    }
}

#[cfg(test)]
mod tests;

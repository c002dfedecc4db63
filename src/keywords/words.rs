//! The words of a document: each word token's facts (stopword, content word, stem in
//! the document's language, remembered across documents), its form and word class
//! ([`Lexed`]), and the most frequent terms. The key phrases and the summary read the
//! same view through [`Words`].

use super::vocabulary::{is_content, WordLanguage};
use crate::lexicon::calendar::PatternWords;
use crate::lexicon::{stemmer, FastMap, HEADER_LABELS};
use crate::span::Span;
use crate::text::{address, dateline, in_capitals, same_line, Document, FormIds, Token, TokenKind};
use rust_stemmers::Stemmer;
use serde::Serialize;
use std::ops::Range;
use std::rc::Rc;

/// A content word and how often it occurs, merged over inflections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The most common surface form (lower case unless always capitalised).
    pub term: String,
    /// Occurrences of all its inflections.
    pub count: usize,
}

/// Marks "no word class" in per-token tables.
pub(super) const NONE: u32 = u32::MAX;

/// Longest phrase the candidate keys can hold (the options allow at most 4).
pub(super) const MAX_WORDS: usize = 4;

/// A phrase key: word classes, unused slots [`NONE`].
pub(super) type Key = [u32; MAX_WORDS];

/// Per distinct normalised word form.
pub(super) struct Form<'d> {
    /// The normalised form itself.
    pub(super) norm: &'d str,
    /// Word class, or [`NONE`] for non-content words.
    pub(super) class: u32,
    /// Whether it is a stopword.
    pub(super) stopword: bool,
    /// Its stem in the document's language (its spelling without a stemmer); `None`
    /// for a stopword.
    pub(super) stem: Option<Rc<str>>,
    /// Occurrences.
    pub(super) count: usize,
    /// Occurrences not at a sentence start nor in a headline.
    inner: usize,
    /// Of those, how many are capitalised.
    inner_capitalized: usize,
    /// The first capitalised spelling, for words always written so.
    cased: Option<&'d str>,
    /// Whether a spelling has capitals past the first letter ("NASA", "iPhone"), which
    /// a sentence start does not explain.
    inner_caps: bool,
    /// The first spelling with only its first letter capitalised where capitals tell
    /// nothing (a sentence start, a headline), for a given name seen only there.
    start_cased: Option<&'d str>,
}

impl Form<'_> {
    /// As written when the text always capitalises the word, otherwise lower case.
    pub(super) fn display(&self) -> &str {
        let always_capitalized = if self.inner > 0 { self.inner_capitalized == self.inner } else { self.inner_caps };
        match self.cased {
            Some(cased) if always_capitalized => cased,
            _ => self.norm,
        }
    }

    /// A word seen only where capitals tell nothing, as written there: before a
    /// capitalised word it keeps its capital (the signature "John Martin" was shown as
    /// "john Martin", and "Greenfield Energy", whose sentences all start with it, as
    /// "greenfield Energy"); "san diego" of a headline stays as it is.
    pub(super) fn start_spelling(&self) -> Option<&str> {
        self.start_cased.filter(|_| self.inner == 0 && !self.inner_caps)
    }
}

/// The document seen as word classes.
pub(super) struct Lexed<'d> {
    /// Per token: the index of its form in `forms`, or [`NONE`] for non-words.
    pub(super) token_form: Vec<u32>,
    /// Per token: its word class, or [`NONE`] when it is not a content word.
    pub(super) token_class: Vec<u32>,
    /// Per token: a word of a web or e-mail address ([`address_words`]), which counts
    /// in the ranking of the words around it but is no term and in no key phrase.
    token_address: Vec<bool>,
    /// Per token: capitalised where a sentence start or a headline does not explain it.
    pub(super) token_named: Vec<bool>,
    pub(super) forms: Vec<Form<'d>>,
    /// Per word class: its most frequent form (the first seen on a tie).
    class_main_form: Vec<u32>,
    /// The language of the stopwords and stems.
    pub(super) language: WordLanguage,
}

/// Words remembered from earlier documents (at most this many, then the memo starts
/// over): a new word is looked up in three word lists and stemmed, a quarter of the
/// keyword work on a short text, and most words of a text were in the texts before it.
/// 1 MB of news has about 19,500 distinct words: at 14,336 the memo started over within
/// every call on it; at 28,672 analyze() of it is 3.6-4.5% faster
/// (tools/compare-builds.mjs, both orders twice) and the wasm heap after 10 MB is as
/// large (169.7 MB).
const MEMO_WORDS: usize = 28_672;

/// What the keyword stage needs to know of a word, whatever the text.
#[derive(Clone, Debug, PartialEq)]
struct WordFacts {
    stopword: bool,
    content: bool,
    /// The stem of any word but a stopword: shared, so that a document's forms and
    /// classes hold it without copying the text.
    stem: Option<Rc<str>>,
}

impl WordFacts {
    fn of(language: &WordLanguage, stemmer: Option<&Stemmer>, word: &str) -> Self {
        let stopword = language.stopwords.contains(word);
        let stem = (!stopword).then(|| stemmer.map_or_else(|| word.into(), |s| s.stem(word).into()));
        WordFacts { stopword, content: is_content(language, word), stem }
    }
}

/// [`WordFacts`] by word, for the language of the last document (a text in another
/// language starts the memo over).
#[derive(Default)]
struct WordMemo {
    language: &'static str,
    facts: FastMap<Box<str>, WordFacts>,
}

impl WordMemo {
    /// The facts of `word`, shared with the memo: a known word costs one lookup and
    /// no copy of its text.
    fn facts(&mut self, language: &WordLanguage, stemmer: Option<&Stemmer>, word: &str) -> WordFacts {
        if self.language != language.code {
            self.facts.clear();
            self.language = language.code;
        }
        if let Some(known) = self.facts.get(word) {
            return known.clone();
        }
        if self.facts.len() >= MEMO_WORDS {
            self.facts.clear();
        }
        let facts = WordFacts::of(language, stemmer, word);
        self.facts.insert(word.into(), facts.clone());
        facts
    }
}

thread_local! {
    static WORDS: std::cell::RefCell<WordMemo> = std::cell::RefCell::default();
}

/// A sentence of at least this many non-stopwords, of which at least
/// `HEADLINE_CAPITALIZED` are capitalised, is taken for a headline in title case.
/// Measured on CoNLL-2003 dev (3,250 sentences, 552 taken for headlines): 2 would add
/// 267 "headlines" that are mostly bylines and datelines ("Bryan Gorman", "NEW YORK
/// 1996-08-30"), whose capitals are names and worth keeping.
const HEADLINE_MIN_WORDS: usize = 3;
/// The share of capitalised non-stopwords, as a fraction, that makes a headline. On
/// CoNLL-2003 dev, 3/5 would add 205 sentences, many of them running text ("starting
/// on May 13 next year, the Test and County Cricket Board"); 9/10 would drop 74, most
/// of them lists of names. The keyphrase dev scores (F@10) move by at most 0.15 for any
/// share from 1/2 to 1 and any minimum from 2 to 6 words, as the metric lower-cases
/// phrases: the rule shows in how terms are spelled and in which names stay whole.
const HEADLINE_CAPITALIZED: (usize, usize) = (4, 5);

/// Whether a sentence of `words` non-stopwords, `capitalized` of them capitalised, is a
/// headline in title case, whose capitals tell nothing about a word's usual spelling.
///
/// German capitalises every noun, and its headlines are written in sentence case: a
/// sentence of nouns and names ("Die Stadt Lindenau eröffnet am 3. Oktober ihre neue
/// Stadtbibliothek am Marktplatz", five of six) passes the share above, and its nouns
/// would then be shown in lower case. There only a sentence without a lower-case
/// non-stopword is a headline.
fn is_headline(language: &WordLanguage, words: usize, capitalized: usize) -> bool {
    let (part, whole) = if language.capitalises_nouns { (1, 1) } else { HEADLINE_CAPITALIZED };
    words >= HEADLINE_MIN_WORDS && capitalized * whole >= words * part
}

impl<'d> Lexed<'d> {
    fn new(doc: &'d Document<'d>, language: WordLanguage) -> Self {
        let mut builder = Builder::new(doc, language);
        // A web page's menus, byline and copyright line make no key phrase or term.
        for sentence in doc.sentences.iter().filter(|s| s.furniture.is_none()) {
            let tokens = doc.sentence_tokens(sentence);
            // First the forms; then whether the sentence is a headline (title case tells
            // nothing about a word's usual spelling).
            let (words, capitalized) = builder.add_forms(doc.text, sentence.tokens.clone(), tokens);
            let headline = is_headline(&builder.lexed.language, words, capitalized);
            builder.count_spellings(doc.text, sentence.tokens.clone(), tokens, headline);
        }
        builder.finish()
    }

    /// Whether the token at `index` is a word of a web or e-mail address.
    pub(super) fn is_address(&self, index: usize) -> bool {
        self.token_address.get(index).copied().unwrap_or(false)
    }

    /// The number of word classes.
    pub(super) fn classes(&self) -> usize {
        self.class_main_form.len()
    }

    /// The most frequent form of a word class (the first seen on a tie).
    pub(super) fn main_form(&self, class: u32) -> Option<&Form<'d>> {
        self.forms.get(*self.class_main_form.get(class as usize)? as usize)
    }

    /// Maximal runs of consecutive content words (token ranges), cut at anything else,
    /// at sentence ends and at line breaks.
    ///
    /// A word in lower case after a closing quote and a comma, the verb that reports
    /// the quotation ("…“, sagte Wissing", "…", dijo Pérez"), is none of them: "sagte
    /// Wissing" and "dijo Pérez" were key phrases. (English's reporting verbs are noise
    /// words, and it puts its comma before the quote.)
    pub(super) fn runs(&self, doc: &Document) -> Vec<Range<usize>> {
        let norm = |index: usize| doc.tokens.get(index).map_or("", |t| t.norm.as_str());
        let reports = |index: usize| {
            index >= 2
                && norm(index - 1) == ","
                && matches!(norm(index - 2), "\"" | "”" | "“" | "»" | "«" | "'" | "’")
                && doc.tokens.get(index).is_some_and(|t| t.text(doc.text).starts_with(char::is_lowercase))
        };
        let mut runs = Vec::new();
        for sentence in &doc.sentences {
            let mut start = sentence.tokens.start;
            for index in sentence.tokens.clone() {
                let content = self.token_class.get(index).is_some_and(|&c| c != NONE) && !reports(index);
                let joined = content && index > start && doc.same_line(index - 1, index);
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

/// Per token, whether it is a word of a web or e-mail address: those the entity
/// patterns find ([`address`]: "maria.lopez@acme.com", "https://portal.example.com/x",
/// "www.bbc.co.uk") and host names written alone ([`is_host`]: "example.com"). Such
/// words are no terms or key phrases ("com" was among the frequent terms of any e-mail
/// that gave an address). They still count in the word graph and the word positions
/// that rank the others: leaving them out of those too cost SemEval-2010 dev F1@10 0.15
/// (20.19 -> 20.04; its papers open with their authors' addresses).
///
/// An address is written without spaces, so only runs of tokens without a gap between
/// them are read, and the recognizers only at their "@" and word starts.
fn address_words(doc: &Document) -> Vec<bool> {
    let tokens = &doc.tokens;
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while tokens.get(end).is_some_and(|t| t.span.start == tokens[end - 1].span.end) {
            end += 1;
        }
        if end - start >= 3 {
            mark_addresses(doc, start..end, &mut marks);
        }
        start = end;
    }
    marks
}

/// Marks the words of the addresses in `chunk`, tokens without a gap between them.
fn mark_addresses(doc: &Document, chunk: Range<usize>, marks: &mut [bool]) {
    let (bytes, tokens) = (doc.text.as_bytes(), &doc.tokens[chunk.clone()]);
    let mut mark = |span: Span| {
        for (mark, token) in marks[chunk.clone()].iter_mut().zip(tokens) {
            *mark |= token.kind == TokenKind::Word && span.start <= token.span.start && token.span.end <= span.end;
        }
    };
    if is_host(doc.text, tokens) {
        mark(Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end));
        return;
    }
    let mut free = tokens[0].span.start;
    for token in tokens {
        let at = token.span.start;
        if at < free {
            continue;
        }
        let found = match bytes[at] {
            b'@' => address::email(bytes, at, free),
            _ if address::url_may_start(at.checked_sub(1).map(|p| bytes[p])) => address::url(bytes, at),
            _ => None,
        };
        if let Some(span) = found {
            free = span.end;
            mark(span);
        }
    }
}

/// Top-level domains that end a host name written without a scheme ("example.com"):
/// the common ones that are no English word, so that "the system.it" or a PDF's
/// "results.in" stays words.
const DOMAINS: [&str; 28] = [
    "com", "org", "net", "edu", "gov", "info", "biz", "io", "co", "uk", "de", "fr", "es", "nl", "pt", "eu", "ca", "au", "ch",
    "jp", "cn", "ru", "br", "se", "dk", "pl", "ie", "nz",
];

/// Whether tokens written without spaces between them are a host name: lower-case
/// words joined by periods that end in one of [`DOMAINS`], a sentence's period after
/// it aside ("example.com.", not "end.Next" or "system.we").
fn is_host(text: &str, chunk: &[Token]) -> bool {
    let written: Vec<&str> = chunk.iter().map(|t| t.text(text)).collect();
    let host = written.iter().rposition(|w| *w != ".").map_or(&written[..0], |last| &written[..=last]);
    let label = |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    let domain = host.last().is_some_and(|w| DOMAINS.contains(w));
    host.len() >= 3 && domain && host.iter().enumerate().all(|(i, w)| if i % 2 == 0 { label(w) } else { *w == "." })
}

/// A [`Lexed`] being made, sentence by sentence, with the forms and word classes met
/// so far.
struct Builder<'d> {
    stemmer: Option<Stemmer>,
    /// The document's word numbers ([`FormIds`]) and the form of each word met so far.
    words: &'d FormIds,
    form_of_word: Vec<u32>,
    class_ids: FastMap<Rc<str>, u32>,
    lexed: Lexed<'d>,
}

impl<'d> Builder<'d> {
    fn new(doc: &'d Document, language: WordLanguage) -> Self {
        let tokens = doc.tokens.len();
        Builder {
            stemmer: stemmer(language.code),
            words: &doc.forms,
            form_of_word: vec![NONE; doc.forms.words()],
            class_ids: FastMap::with_capacity_and_hasher(doc.distinct_words_room(), Default::default()),
            lexed: Lexed {
                token_form: vec![NONE; tokens],
                token_class: vec![NONE; tokens],
                token_address: address_words(doc),
                token_named: vec![false; tokens],
                forms: Vec::new(),
                class_main_form: Vec::new(),
                language,
            },
        }
    }

    /// Gives each word token of a sentence (`tokens`, at `indices` in the document)
    /// its form, making the forms not met before. Returns how many of its words are
    /// not stopwords, and how many of those are capitalised.
    fn add_forms(&mut self, text: &str, indices: Range<usize>, tokens: &'d [Token]) -> (usize, usize) {
        let (mut words, mut capitalized_words, mut acronyms) = (0usize, 0usize, 0usize);
        for (index, token) in indices.zip(tokens) {
            if token.kind != TokenKind::Word {
                continue;
            }
            let Some(slot) = self.form_of_word.get_mut(self.words.word(index) as usize) else { continue };
            let id = match *slot {
                NONE => {
                    let id = self.lexed.forms.len() as u32;
                    *slot = id;
                    let form = self.new_form(&token.norm);
                    self.lexed.forms.push(form);
                    id
                }
                known => known,
            };
            if let Some(slot) = self.lexed.token_form.get_mut(index) {
                *slot = id;
            }
            if self.lexed.forms.get(id as usize).is_some_and(|f| !f.stopword) {
                words += 1;
                capitalized_words += usize::from(token.is_capitalized());
                acronyms += usize::from(token.is_capitalized() && in_capitals(token.text(text)));
            }
        }
        // An acronym is in capitals in any sentence ("Grève à la SNCF demain : aucun TGV
        // entre Paris et Lyon" is no title), but in one all in capitals.
        if acronyms < words {
            (words - acronyms, capitalized_words - acronyms)
        } else {
            (words, capitalized_words)
        }
    }

    /// The form of a word not met before in the document: its facts from the memo,
    /// and its word class, a new one for a stem not met before.
    fn new_form(&mut self, norm: &'d str) -> Form<'d> {
        let facts = WORDS.with_borrow_mut(|memo| memo.facts(&self.lexed.language, self.stemmer.as_ref(), norm));
        let class = match facts.stem.as_ref().filter(|_| facts.content) {
            None => NONE,
            Some(stem) => match self.class_ids.get(&**stem) {
                Some(&known) => known,
                None => {
                    let class = self.class_ids.len() as u32;
                    self.class_ids.insert(Rc::clone(stem), class);
                    class
                }
            },
        };
        Form {
            norm,
            class,
            stopword: facts.stopword,
            stem: facts.stem,
            count: 0,
            inner: 0,
            inner_capitalized: 0,
            cased: None,
            inner_caps: false,
            start_cased: None,
        }
    }

    /// Counts how each form of a sentence is written: how often, how often
    /// capitalised where a sentence start (but in German) or a `headline` does not
    /// explain it, and its capitalised spelling; marks the tokens so capitalised as
    /// named. A word of a web or e-mail address says nothing of the spelling: addresses
    /// are written in lower case ("Lindenau" and "bibliothek@lindenau.example").
    fn count_spellings(&mut self, text: &'d str, indices: Range<usize>, tokens: &[Token], headline: bool) {
        let lexed = &mut self.lexed;
        // German capitalises its nouns wherever they stand, the first word of a sentence
        // too: there a noun seen only at sentence starts ("Bahnstreik legt ...") keeps
        // its capital.
        // A dateline's place of one word is a name though it stands first ("parís" had
        // been a key phrase of wire news); the first word of a longer one keeps its
        // capital anyway, before a capitalised word ([`Form::start_spelling`]).
        let mut first_word = !lexed.language.capitalises_nouns && dateline(text, tokens).is_none_or(|d| d.place > 1);
        let calendar = lexed.language.calendar;
        for (k, (index, token)) in indices.zip(tokens).enumerate() {
            let id = lexed.token_form.get(index).copied().unwrap_or(NONE);
            let Some(form) = lexed.forms.get_mut(id as usize) else { continue };
            form.count += 1;
            let counts = !is_header_label(text, tokens, k, form.norm) && !is_dated_month(calendar, tokens, k, form.norm);
            if let Some(slot) = lexed.token_class.get_mut(index).filter(|_| counts) {
                *slot = form.class;
            }
            let telling = !lexed.token_address.get(index).copied().unwrap_or(false);
            if telling && token.is_capitalized() {
                let written = token.text(text);
                if written.chars().skip(1).any(char::is_uppercase) {
                    form.inner_caps = true;
                    form.cased.get_or_insert(written);
                } else if first_word || headline {
                    form.start_cased.get_or_insert(written);
                }
                if !first_word && !headline {
                    form.cased.get_or_insert(written);
                    form.inner_capitalized += 1;
                    if let Some(named) = lexed.token_named.get_mut(index) {
                        *named = true;
                    }
                }
            }
            if telling && !first_word && !headline {
                form.inner += 1;
            }
            first_word = false;
        }
    }

    /// The finished view: each class's most frequent form (the first seen on a tie).
    fn finish(self) -> Lexed<'d> {
        let mut lexed = self.lexed;
        let mut class_main_form = vec![NONE; self.class_ids.len()];
        for (id, form) in lexed.forms.iter().enumerate() {
            if let Some(main) = class_main_form.get_mut(form.class as usize) {
                if lexed.forms.get(*main as usize).is_none_or(|best| form.count > best.count) {
                    *main = id as u32;
                }
            }
        }
        lexed.class_main_form = class_main_form;
        lexed
    }
}

/// Whether token `k` of a sentence's `tokens`, spelt `norm`, labels a header line of an
/// e-mail ("Subject:", "Objet :", "Betreff:"): first on its line, a colon after it. It
/// says what the line is, not what the text is about, so it is no content word
/// there; an e-mail's subject was a key phrase ("subject", "objet"). Asked of every
/// word token, so the cheapest test (a colon next) comes first.
fn is_header_label(text: &str, tokens: &[Token], k: usize, norm: &str) -> bool {
    let on_line = |a: usize, b: usize| tokens.get(a).zip(tokens.get(b)).is_some_and(|(a, b)| same_line(text, a, b));
    let colon = tokens.get(k + 1).is_some_and(|t| t.text(text) == ":") && on_line(k, k + 1);
    colon && (k == 0 || !on_line(k - 1, k)) && HEADER_LABELS.contains(&norm)
}

/// Whether token `k` of a sentence's `tokens` is a month after a day ("23 may", "5 dez"):
/// an abbreviation of three letters, which [`PatternWords::is_calendar_or_unit`] leaves to
/// the key phrases since many are words too ("mar", "dez"), is the month there.
fn is_dated_month(calendar: Option<&PatternWords>, tokens: &[Token], k: usize, norm: &str) -> bool {
    let after_day = k.checked_sub(1).and_then(|d| tokens.get(d)).is_some_and(|day| day.kind == TokenKind::Number);
    after_day && calendar.is_some_and(|words| words.month(norm).is_some())
}

/// A document's content words, grouped over inflections once, for both [`Words::terms`]
/// and [`Words::key_phrases`].
///
/// Its key phrases are found in `keywords/phrases.rs`.
pub struct Words<'d> {
    pub(super) doc: &'d Document<'d>,
    pub(super) lexed: Lexed<'d>,
}

impl<'d> Words<'d> {
    /// Groups the content words of `doc`, a text in English.
    pub fn new(doc: &'d Document<'d>) -> Self {
        Words::in_language(doc, "en")
    }

    /// Groups the content words of `doc`, a text in `language` (an ISO 639-1 code),
    /// with its stopwords and stemmer where it has them.
    pub fn in_language(doc: &'d Document<'d>, language: &'static str) -> Self {
        Words { doc, lexed: Lexed::new(doc, WordLanguage::of(language)) }
    }

    /// The language whose stopwords and stemmer made the word classes.
    pub(crate) fn language(&self) -> &WordLanguage {
        &self.lexed.language
    }

    /// The number of distinct word forms (normalised spellings of word tokens).
    pub(crate) fn forms(&self) -> usize {
        self.lexed.forms.len()
    }

    /// The form of the token at `index`, if it is a word.
    pub(crate) fn form_of(&self, index: usize) -> Option<u32> {
        self.lexed.token_form.get(index).copied().filter(|&f| f != NONE)
    }

    /// The stem of a form in [`Words::language`]; `None` for a stopword.
    pub(crate) fn stem(&self, form: u32) -> Option<&str> {
        self.lexed.forms.get(form as usize)?.stem.as_deref()
    }

    /// The `limit` most frequent content terms.
    pub fn terms(&self, limit: usize) -> Vec<Term> {
        terms_of(&self.lexed, limit)
    }
}

/// The `limit` most frequent content terms (see [`Words`] to get phrases too).
pub fn terms(doc: &Document, limit: usize) -> Vec<Term> {
    Words::new(doc).terms(limit)
}

fn terms_of(lexed: &Lexed, limit: usize) -> Vec<Term> {
    if limit == 0 {
        return Vec::new();
    }
    // (count, first token, class)
    let mut classes: Vec<(usize, usize, u32)> = vec![(0, usize::MAX, NONE); lexed.classes()];
    for (index, &class) in lexed.token_class.iter().enumerate().filter(|&(index, _)| !lexed.is_address(index)) {
        if let Some(entry) = classes.get_mut(class as usize) {
            if entry.0 == 0 {
                *entry = (0, index, class);
            }
            entry.0 += 1;
        }
    }
    crate::order::sort_by(&mut classes, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    classes
        .into_iter()
        .take_while(|&(count, _, _)| count > 0)
        .take(limit)
        .filter_map(|(count, _, class)| Some(Term { term: lexed.main_form(class)?.display().to_string(), count }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` that [`address_words`] marks.
    fn address_parts(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        let marks = address_words(&doc);
        doc.tokens.iter().zip(marks).filter(|(_, mark)| *mark).map(|(t, _)| t.text(text)).collect()
    }

    #[test]
    fn addresses_are_told_from_words_joined_by_periods() {
        assert_eq!(address_parts("Write to maria.lopez@acme-logistics.com, today."), ["maria", "lopez", "acme-logistics", "com"]);
        assert_eq!(address_parts("See https://portal.example.org/vendors now"), ["https", "portal", "example", "org", "vendors"]);
        assert_eq!(address_parts("at www.bbc.co.uk or example.com."), ["www", "bbc", "co", "uk", "example", "com"]);
        for words in ["The end.Next one.", "Fruit, e.g. apples.", "It ran on the system.it was fast", "It rose 3.5 points.", "Node.js and U.S.A"] {
            assert!(address_parts(words).is_empty(), "help: {words:?} has no address: {:?}", address_parts(words));
        }
    }

    #[test]
    fn remembered_word_facts_are_the_lists_and_stemmers_and_the_memo_stays_bounded() {
        let english = WordLanguage::of("en");
        let stemmer = stemmer("en");
        let stemmer = stemmer.as_ref();
        let mut memo = WordMemo::default();
        for word in ["running", "runs", "running", "the", "terrorists", "élite", "ünïcode", "quickly", "x"] {
            assert_eq!(memo.facts(&english, stemmer, word), WordFacts::of(&english, stemmer, word), "{word}");
        }
        assert_eq!(memo.facts(&english, stemmer, "the"), WordFacts { stopword: true, content: false, stem: None });
        let quickly = WordFacts { stopword: false, content: false, stem: Some("quick".into()) };
        assert_eq!(memo.facts(&english, stemmer, "quickly"), quickly);
        for i in 0..MEMO_WORDS + 10 {
            memo.facts(&english, stemmer, &format!("word{i}"));
        }
        assert!(memo.facts.len() <= MEMO_WORDS);
        assert_eq!(memo.facts(&english, stemmer, "running").stem.as_deref(), Some("run"));
    }

    #[test]
    fn each_language_has_its_stopwords_and_stems_and_the_memo_follows_the_language() {
        let (german, french, chinese) = (WordLanguage::of("de"), WordLanguage::of("fr"), WordLanguage::of("zh"));
        let mut memo = WordMemo::default();
        let de = stemmer("de");
        assert_eq!(memo.facts(&german, de.as_ref(), "und").stopword, true);
        assert_eq!(memo.facts(&german, de.as_ref(), "häuser").stem.as_deref(), Some("haus"));
        // "the" is an English stopword, and a content word of no list here.
        assert!(memo.facts(&french, stemmer("fr").as_ref(), "the").content);
        assert!(!memo.facts(&french, stemmer("fr").as_ref(), "l'").content);
        assert_eq!(memo.facts(&chinese, None, "北京").stem.as_deref(), Some("北京"));
        // English-only lists (noise words, "-ly" adverbs) do not apply elsewhere.
        assert!(is_content(&german, "family") && !is_content(&WordLanguage::of("en"), "showed"));
        assert!(is_content(&german, "showed"));
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

    /// The terms of `text` read as `language`, as shown.
    fn shown(text: &str, language: &'static str) -> Vec<String> {
        let doc = Document::new(text);
        Words::in_language(&doc, language).terms(20).into_iter().map(|t| t.term).collect()
    }

    #[test]
    fn an_address_does_not_lower_a_capitalised_word() {
        let found = shown("The Lindenau library opens. Write to books@lindenau.example or see Lindenau.", "en");
        assert!(found.iter().any(|t| t == "Lindenau") && !found.iter().any(|t| t == "lindenau"), "{found:?}");
    }

    #[test]
    fn german_nouns_keep_their_capitals_in_a_sentence_of_nouns() {
        let text = "Die Stadt Lindenau eröffnet am 3. Oktober ihre neue Stadtbibliothek am Marktplatz. Der Marktplatz ist voll.";
        let found = shown(text, "de");
        for noun in ["Marktplatz", "Stadtbibliothek", "Lindenau"] {
            assert!(found.iter().any(|t| t == noun), "{noun}: {found:?}");
        }
        // An English headline in title case still says nothing of the spelling.
        assert!(shown("Counter Terror Groups Meet Again\n\nThe groups met. Other groups left.", "en").iter().any(|t| t == "groups"));
    }

    #[test]
    fn a_datelines_place_keeps_its_capital_though_it_opens_the_sentence_and_its_month_is_no_term() {
        let found = shown("París, 23 may (EFE).- El club jugará mañana. Pristina (Yugoslavia), 24 may (EFE).- Nada.", "es");
        for place in ["París", "Pristina"] {
            assert!(found.iter().any(|t| t == place), "{place}: {found:?}");
        }
        // The month after the day is no term, though "may" is three letters.
        assert!(!found.iter().any(|t| t == "may"), "{found:?}");
        // A first word without a day after its comma says nothing of its spelling.
        assert!(shown("Jugadores, entrenadores y jugadores llegaron.", "es").iter().any(|t| t == "jugadores"));
    }

    #[test]
    fn headline_capitals_do_not_make_a_name() {
        let text = "Counter Terror Groups Meet Again\n\nThe groups met. Other groups left.";
        let found = terms(&Document::new(text), 10);
        assert!(found.iter().any(|t| t.term == "groups"), "{found:?}");
    }
}

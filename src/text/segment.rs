//! Sentence boundaries.
//!
//! One left-to-right pass over the tokens decides at each candidate — terminal
//! punctuation, a line break, a list marker or bullet, an e-mail header stamp, an
//! emoticon, a semicolon, a separator line — whether a sentence ends there. Each
//! decision looks at a bounded number of neighbouring tokens, so the pass is linear.

use super::paragraphs::trim;
use super::script::is_unspaced;
use super::token::{has_line_break, Token, TokenKind};
use crate::lexicon::list::{self, list_file, CasedSet};
use crate::lexicon::{is_stopword, FastSet};
use crate::span::Span;
use std::ops::Range;
use super::furniture::{self, Furniture};
use std::sync::OnceLock;

/// One sentence: its span (no surrounding whitespace), the tokens inside it, and
/// whether it is page furniture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the text, trimmed of whitespace.
    pub span: Span,
    /// Indices into [`Document::tokens`](crate::text::Document::tokens).
    pub tokens: Range<usize>,
    /// The page furniture it is, if any (a menu, buttons, a byline, a copyright
    /// line): told once here, and skipped by the key phrases and the summary, and
    /// menus and buttons by the names too.
    pub furniture: Option<Furniture>,
}

/// Abbreviations after which a period never ends a sentence (titles, "z. B.", "Nr.").
fn nonfinal_abbreviations() -> &'static CasedSet {
    static LIST: OnceLock<CasedSet> = OnceLock::new();
    LIST.get_or_init(|| CasedSet::parse(list_file!(include_str!("abbreviations_nonfinal.txt"))))
}

/// Abbreviations that end a sentence only before a capitalised word ("Inc.", "etc.").
fn final_abbreviations() -> &'static CasedSet {
    static LIST: OnceLock<CasedSet> = OnceLock::new();
    LIST.get_or_init(|| CasedSet::parse(list_file!(include_str!("abbreviations_final.txt"))))
}

/// German and French function words that open sentences; English ones are the stopwords.
fn is_foreign_starter(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    list::word_set(&SET, || list_file!(include_str!("sentence_starters.txt"))).contains(norm)
}

/// German words before an ordinal number ("am 3. Oktober", "im 19. Jahrhundert").
const ORDINAL_PRECEDERS: &[&str] = &[
    "am", "im", "vom", "zum", "zur", "beim", "ins", "der", "die", "das", "dem", "den", "des", "seit", "bis", "ab",
    "dieses", "diesem", "dieser", "jedes", "jedem", "jeden", "seinem", "seinen", "seiner", "ihrem", "ihren", "ihrer",
    "einem", "einer", "eines",
];

/// Spanish and Portuguese articles and prepositions before "Sr." ("El Sr. García").
const SR_ARTICLES: &[&str] = &["el", "la", "al", "del", "los", "o", "a", "ao", "do", "da", "os", "um", "un", "y", "e", "con", "com"];

/// Month names that follow an ordinal in German ("13. August").
const MONTHS: &[&str] = &[
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember",
];

/// Lines at least this long that end without punctuation are taken for hard-wrapped
/// running text; headlines, list items and signature lines are shorter.
const WRAPPED_LINE_CHARS: usize = 60;

const EMOTICONS: &[&str] =
    &[":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ":)", ":(", ":D", ":P", ":p", ";)", "=)", ":/"];

fn is_terminal(token: &str) -> bool {
    matches!(
        token,
        "." | "!" | "?" | "…" | "‼" | "⁇" | "⁈" | "⁉" | "‽" | "؟" | "۔" | "।" | "॥" | "։" | "።" | "፧" | "။" | "។"
    ) || is_wide_terminal(token)
        || token.starts_with("..")
}

/// Full stops of scripts written without spaces: they end a sentence even when the
/// next sentence follows without a space.
fn is_wide_terminal(token: &str) -> bool {
    matches!(token, "。" | "！" | "？" | "｡")
}

fn is_ellipsis(token: &str) -> bool {
    token == "…" || token.starts_with("..")
}

/// Marks that close a sentence's quotation or bracket right after its full stop.
fn is_closing(token: &str) -> bool {
    matches!(token, "\"" | "'" | "”" | "“" | "’" | "‘" | "»" | "«" | "›" | "‹" | ")" | "]" | "}" | "」" | "』" | "）" | "》" | "〉")
}

/// "XIV", "II": after a period it is an ordinal ("Ludwig XIV. war"), not a sentence end.
/// D and M are left out: "CD", "MD" are far more often abbreviations.
fn is_roman_numeral(word: &str) -> bool {
    word.len() <= 6 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

fn is_bullet(token: &str) -> bool {
    matches!(token, "•" | "◦" | "▪" | "▫" | "‣" | "⁃" | "●" | "○" | "■" | "□" | "►" | "▶" | "▸" | "➢" | "➤" | "✓" | "✔")
}

fn starts_lowercase(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_lowercase)
}

/// Splits the text into sentences. Every non-space character lies in exactly one
/// sentence; sentences are in order and trimmed of whitespace.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut segmenter = Segmenter {
        text,
        tokens,
        ends: Vec::new(),
        start: 0,
        marker: None,
        quotes_seen: 0,
        straight_open: false,
        low_open: false,
        parens_open: 0,
    };
    segmenter.run();
    let mut ends = segmenter.ends;
    ends.push(text.len());
    let mut sentences = Vec::with_capacity(ends.len());
    let mut start = 0;
    let mut first_token = 0;
    for end in ends {
        let span = trim(text, Span::new(start, end));
        start = end;
        if span.is_empty() {
            continue;
        }
        // A forward scan, not a binary search: over all sentences it reads each token once.
        let last_token = first_token + tokens[first_token..].iter().take_while(|t| t.span.end <= span.end).count();
        sentences.push(Sentence { span, tokens: first_token..last_token, furniture: furniture::of(span.slice(text)) });
        first_token = last_token;
    }
    sentences
}

/// How a list item is numbered: "1.", "1)", "1.)", "a.", "a)".
#[derive(Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: u32,
    letter: bool,
    style: u8,
}

struct Segmenter<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Byte offsets where sentences end, strictly increasing.
    ends: Vec<usize>,
    /// Index of the first token of the current sentence.
    start: usize,
    /// The list marker that opened the current sentence.
    marker: Option<Marker>,
    /// Tokens of the current sentence already scanned for quotation marks.
    quotes_seen: usize,
    /// A straight double quote is open in the current sentence.
    straight_open: bool,
    /// A German low quote „ is open in the current sentence.
    low_open: bool,
    /// Brackets opened and not yet closed in the current sentence.
    parens_open: usize,
}

impl<'t> Segmenter<'t> {
    fn raw(&self, k: usize) -> &'t str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    /// The whitespace between token `k` and the next one (empty at the end).
    fn gap_after(&self, k: usize) -> &'t str {
        match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => &self.text[a.span.end..b.span.start],
            _ => "",
        }
    }

    /// Whether no whitespace stands between token `k` and the next (true at the end): an
    /// empty [`Segmenter::gap_after`], asked of most tokens, without slicing the text.
    fn touches(&self, k: usize) -> bool {
        self.tokens.get(k).zip(self.tokens.get(k + 1)).is_none_or(|(a, b)| a.span.end == b.span.start)
    }

    /// Ends the current sentence after token `k`.
    fn end_after(&mut self, k: usize) {
        if let Some(token) = self.tokens.get(k) {
            if self.ends.last().is_none_or(|&last| token.span.end > last) {
                self.ends.push(token.span.end);
            }
        }
        self.start = k + 1;
        self.marker = None;
        self.quotes_seen = k + 1;
        self.straight_open = false;
        self.low_open = false;
        self.parens_open = 0;
    }

    /// Brings the open-quotation state up to token `upto` (inclusive).
    fn track_quotes(&mut self, upto: usize) {
        while self.quotes_seen <= upto && self.quotes_seen < self.tokens.len() {
            match self.raw(self.quotes_seen) {
                "\"" => self.straight_open = !self.straight_open,
                "„" => self.low_open = true,
                "“" if self.low_open => self.low_open = false,
                "(" => self.parens_open += 1,
                ")" => self.parens_open = self.parens_open.saturating_sub(1),
                _ => {}
            }
            self.quotes_seen += 1;
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            if i == self.start {
                i = self.open_sentence(i);
                if i >= self.tokens.len() {
                    break;
                }
            }
            i = match self.line_structure(i) {
                Some(next) => next,
                None => self.punctuation_or_line_break(i),
            };
        }
    }

    /// A new list item, an e-mail header stamp or a separator line at token `i`:
    /// ends the sentences it closes and gives the token to go on from; `None` if there
    /// is none.
    #[inline]
    fn line_structure(&mut self, i: usize) -> Option<usize> {
        if i > self.start && !self.touches(i - 1) && self.starts_new_item(i) {
            self.end_after(i - 1);
            return Some(i);
        }
        if let Some(last) = self.header_stamp(i) {
            if i > self.start && self.stamp_follows_name(i) {
                self.end_after(i - 1);
            }
            let next_lower = starts_lowercase(self.raw(last + 1));
            if !next_lower || self.stamp_follows_name(i) {
                self.end_after(last);
            }
            return Some(last + 1);
        }
        let last = self.separator_run(i)?;
        if i > self.start && !self.touches(i - 1) {
            self.end_after(i - 1);
        }
        if !self.touches(last) {
            self.end_after(last);
        }
        Some(last + 1)
    }

    /// Terminal punctuation, an emoticon, a semicolon, a comma or a link that ends a
    /// sentence at token `i`, or a line break after it: ends the sentence there and
    /// gives the token to go on from.
    #[inline]
    fn punctuation_or_line_break(&mut self, mut i: usize) -> usize {
        let token = &self.tokens[i];
        let raw = token.text(self.text);
        let mut after_terminal = false;
        if token.kind == TokenKind::Punct && is_terminal(raw) || token.kind == TokenKind::Word && raw.ends_with('.') {
            let (last, end) = self.terminal(i);
            if let Some(end) = end {
                self.end_after(end);
                if end == last {
                    return last + 1;
                }
            }
            i = last;
            after_terminal = true;
        } else if let Some(last) = self.emoticon(i) {
            if self.opens_after(last) {
                self.end_after(last);
                return last + 1;
            }
            i = last;
        } else if raw == ";" && self.semicolon_ends(i) || raw == "," && self.ends_letter_line(i) || self.link_ends(i) {
            self.end_after(i);
            return i + 1;
        }
        if self.line_break_ends(i, after_terminal) {
            self.end_after(i);
        }
        i + 1
    }

    /// At the start of a sentence: skips a bullet and a list marker ("• 9.", "1.)", "a."),
    /// remembering the marker so that the next item can start a new sentence.
    fn open_sentence(&mut self, mut i: usize) -> usize {
        if is_bullet(self.raw(i)) && !has_line_break(self.gap_after(i)) {
            i += 1;
        }
        if let Some((marker, last)) = self.marker_at(i) {
            self.marker = Some(marker);
            return last + 1;
        }
        i
    }

    /// A bullet, or the list marker that follows the one opening the current sentence.
    fn starts_new_item(&self, i: usize) -> bool {
        if is_bullet(self.raw(i)) {
            return true;
        }
        let Some(current) = self.marker else { return false };
        self.marker_at(i).is_some_and(|(next, _)| {
            next.letter == current.letter && next.style == current.style && next.value == current.value + 1
        })
    }

    /// A list marker at token `i`, and its last token.
    fn marker_at(&self, i: usize) -> Option<(Marker, usize)> {
        let token = self.tokens.get(i)?;
        let raw = token.text(self.text);
        let (value, letter) = match token.kind {
            TokenKind::Number if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) => (raw.parse().ok()?, false),
            TokenKind::Word if raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_lowercase()) => (u32::from(raw.as_bytes()[0]), true),
            _ => return None,
        };
        let adjacent = |k: usize| self.touches(k) && self.tokens.get(k + 1).is_some();
        if !adjacent(i) {
            return None;
        }
        let (style, last) = match self.raw(i + 1) {
            "." if adjacent(i + 1) && self.raw(i + 2) == ")" => (2, i + 2),
            "." => (1, i + 1),
            ")" => (3, i + 1),
            _ => return None,
        };
        let gap = self.gap_after(last);
        (!gap.is_empty() && !has_line_break(gap)).then_some((Marker { value, letter, style }, last))
    }

    /// Terminal punctuation at token `i`: the last token of the punctuation run (with
    /// closing quotes and brackets), and the token after which the sentence ends, if it does.
    fn terminal(&mut self, i: usize) -> (usize, Option<usize>) {
        let raw = self.raw(i);
        if is_ellipsis(raw) && i > 0 && self.touches(i - 1) && matches!(self.raw(i - 1), "[" | "(") {
            return (i, None);
        }
        if raw == "." {
            if let Some(result) = self.spaced_ellipsis(i) {
                return result;
            }
        }
        let mut last = i;
        let mut closed = false;
        loop {
            let gap = self.gap_after(last);
            let next = self.raw(last + 1);
            let Some(next_token) = self.tokens.get(last + 1) else { break };
            if !gap.is_empty() && !has_line_break(gap) {
                if let Some(face) = self.emoticon(last + 1) {
                    last = face;
                    continue;
                }
            }
            let extend = if gap.is_empty() {
                next_token.kind == TokenKind::Punct && (is_terminal(next) || is_closing(next))
            } else if has_line_break(gap) {
                false
            } else {
                self.track_quotes(last);
                matches!(next, "!" | "?" | "…" | "»" | "”")
                    || next.starts_with("..")
                    || next == "\"" && self.straight_open
                    || next == "“" && self.low_open
                    || next == ")" && self.parens_open > 0
            };
            if !extend {
                break;
            }
            closed |= is_closing(next);
            last += 1;
        }
        self.track_quotes(last);
        let ends = self.terminal_ends(i, last, closed);
        (last, ends.then_some(last))
    }

    /// Spaced ellipses (". . .", ". . . ." and "word. . . ."): a three-dot one marks an
    /// omission inside a sentence; a four-dot one is an ellipsis plus a full stop, and
    /// ends the sentence before a capital — after its first dot when that dot is attached
    /// to the word before it.
    fn spaced_ellipsis(&mut self, i: usize) -> Option<(usize, Option<usize>)> {
        let mut last = i;
        while self.raw(last + 1) == "." && self.gap_after(last) == " " {
            last += 1;
        }
        let dots = last - i + 1;
        if dots < 3 {
            return None;
        }
        let attached = i > 0 && self.touches(i - 1) && self.tokens[i - 1].kind != TokenKind::Punct;
        while self.touches(last) && is_closing(self.raw(last + 1)) {
            last += 1;
        }
        self.track_quotes(last);
        let Some(next) = self.tokens.get(last + 1) else { return Some((last, Some(last))) };
        let next_raw = next.text(self.text);
        if starts_lowercase(next_raw) || self.touches(last) {
            return Some((last, None));
        }
        Some(match (dots, attached) {
            (3, false) if next_raw == "I" || !next.is_capitalized() => (last, None),
            (3, _) => (last, Some(last)),
            (_, true) => (last, Some(i)),
            (_, false) => (last, Some(last)),
        })
    }

    /// Whether the terminal run `at..=last` ends the sentence; `closed` when the run
    /// includes a closing quote or bracket.
    fn terminal_ends(&self, at: usize, last: usize, closed: bool) -> bool {
        let Some(next) = self.tokens.get(last + 1) else { return true };
        let token = &self.tokens[at];
        let raw = token.text(self.text);
        let next_raw = next.text(self.text);
        let next_lower = starts_lowercase(next_raw);
        let next_numeric = next_raw.chars().next().is_some_and(|c| c.is_ascii_digit());
        if is_wide_terminal(raw) {
            return true;
        }
        if self.touches(last) {
            return next_raw.chars().next().is_some_and(is_unspaced);
        }
        if closed || is_ellipsis(raw) {
            return !next_lower;
        }
        let previous = at.checked_sub(1).map(|p| &self.tokens[p]).filter(|p| p.span.end == token.span.start);
        match raw {
            "?" => return true,
            "!" => return !next_lower || !previous.is_some_and(|p| p.is_capitalized()),
            "." => {}
            _ if token.kind == TokenKind::Word => return self.acronym_ends(token, last + 1, next_lower || next_numeric),
            _ => return !next_lower,
        }
        let Some(previous) = previous else { return !next_lower };
        match previous.kind {
            TokenKind::Word => self.word_period_ends(at - 1, next, next_lower),
            TokenKind::Number if next_lower => !self.may_be_ordinal(at - 1),
            TokenKind::Number => !next_numeric && !self.is_ordinal(at - 1, next),
            TokenKind::Symbol => !next_lower && !next_numeric,
            TokenKind::Punct => !next_lower || previous.text(self.text) == ")",
        }
    }

    /// A dotted acronym ("U.S.", "a.m.", "e.g.") before `next`.
    fn acronym_ends(&self, token: &Token, next_index: usize, next_lower_or_number: bool) -> bool {
        let Some(next) = self.tokens.get(next_index) else { return true };
        if next_lower_or_number {
            return false;
        }
        if starts_lowercase(token.text(self.text)) {
            return matches!(token.norm.as_str(), "a.m." | "p.m.") && self.is_starter(next);
        }
        self.is_starter(next) || self.is_title(next_index)
    }

    /// A period right after the word at `word` ("Smith.", "Dr.", "J.", "etc.").
    fn word_period_ends(&self, word: usize, next: &Token, next_lower: bool) -> bool {
        let token = &self.tokens[word];
        let raw = token.text(self.text);
        let letters = raw.chars().count();
        if nonfinal_abbreviations().contains(&token.norm, token.text(self.text)) {
            return false;
        }
        // Spanish and Portuguese "Sr." comes before a name ("el Sr. García"), English
        // "Sr." after one ("John Smith Sr.").
        let before_name = |p: &Token| !p.is_capitalized() || SR_ARTICLES.contains(&p.norm.as_str());
        if raw == "Sr" && word.checked_sub(1).is_none_or(|p| before_name(&self.tokens[p])) {
            return false;
        }
        if final_abbreviations().contains(&token.norm, token.text(self.text)) {
            return next.is_capitalized();
        }
        if is_roman_numeral(raw) && letters > 1 && next_lower {
            return false;
        }
        if letters == 1 {
            if starts_lowercase(raw) {
                return false;
            }
            let pronoun = raw == "I" && word.checked_sub(1).is_none_or(|p| !self.tokens[p].is_capitalized());
            if !pronoun {
                return !next_lower && self.is_starter(next);
            }
        }
        true
    }

    /// "am 3. Oktober", "im 19. Jahrhundert": a German ordinal, not a full stop.
    fn is_ordinal(&self, number: usize, next: &Token) -> bool {
        if !self.may_be_ordinal(number) {
            return false;
        }
        let before = number.checked_sub(1).map(|p| &self.tokens[p]);
        before.is_some_and(|b| b.kind == TokenKind::Word && ORDINAL_PRECEDERS.contains(&b.norm.as_str()))
            || MONTHS.contains(&next.norm.as_str())
    }

    /// A number of at most three digits, which a period may turn into a German ordinal.
    fn may_be_ordinal(&self, number: usize) -> bool {
        let raw = self.raw(number);
        raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit())
    }

    /// A capitalised function word that usually opens a sentence ("The", "Die", "Il").
    fn is_starter(&self, token: &Token) -> bool {
        let raw = token.text(self.text);
        if token.kind != TokenKind::Word || !token.is_capitalized() || raw.chars().count() < 2 {
            return false;
        }
        is_stopword(&token.norm) || is_foreign_starter(&token.norm)
    }

    /// A title abbreviation with its period ("Mr.").
    fn is_title(&self, index: usize) -> bool {
        let Some(token) = self.tokens.get(index) else { return false };
        self.raw(index + 1) == "."
            && self.touches(index)
            && nonfinal_abbreviations().contains(&token.norm, token.text(self.text))
            && token.is_capitalized()
    }

    /// An emoticon starting at token `i` (":-)", ";)"), written apart from the words
    /// around it; its last token.
    fn emoticon(&self, i: usize) -> Option<usize> {
        let token = self.tokens.get(i)?;
        if !matches!(token.text(self.text), ":" | ";" | "=") || i > 0 && self.touches(i - 1) {
            return None;
        }
        let rest = &self.text[token.span.start..];
        let face = EMOTICONS.iter().find(|e| rest.starts_with(*e))?;
        let end = token.span.start + face.len();
        let mut last = i;
        while self.tokens.get(last).is_some_and(|t| t.span.end < end) {
            last += 1;
        }
        let fits = self.tokens.get(last).is_some_and(|t| t.span.end == end);
        (fits && (last + 1 == self.tokens.len() || !self.touches(last))).then_some(last)
    }

    /// Whether the token after `last`, past whitespace, opens a new sentence.
    fn opens_after(&self, last: usize) -> bool {
        self.tokens.get(last + 1).is_some_and(|next| !self.touches(last) && next.is_capitalized())
    }

    /// "…mer Noire ; Le poème": a semicolon before a sentence opener, or spaced in the
    /// French manner before a capital, closes a list item or a sentence.
    fn semicolon_ends(&self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1) else { return false };
        let spaced_before = i > 0 && !self.touches(i - 1);
        self.opens_after(i) && (self.is_starter(next) || spaced_before)
    }

    /// "Best regards, Debra", "Dear All, My name…": the greeting or closing line of a
    /// letter, run into the next line.
    fn ends_letter_line(&self, i: usize) -> bool {
        let Some(words) = i.checked_sub(self.start) else { return false };
        if words == 0 || words > 4 || !self.opens_after(i) || !self.tokens[self.start..i].iter().all(|t| t.kind == TokenKind::Word) {
            return false;
        }
        let first = self.tokens[self.start].norm.as_str();
        let last = self.tokens[i - 1].norm.as_str();
        matches!(first, "dear" | "hi" | "hello" | "hey")
            || words <= 2 && matches!(last, "regards" | "sincerely" | "thanks" | "cheers" | "best" | "yours" | "respectfully" | "wishes")
    }

    /// A web address or e-mail address ending at token `i` and followed by a capitalised
    /// word or another address: the line of a signature or a header, not running text.
    fn link_ends(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        let Some(next) = self.tokens.get(i + 1) else { return false };
        if gap.is_empty() || has_line_break(gap) {
            return false;
        }
        let mut first = i;
        while first > self.start && self.touches(first - 1) {
            first -= 1;
        }
        let chunk = self.text[self.tokens[first].span.start..self.tokens[i].span.end].trim_matches(|c| matches!(c, '<' | '>' | '"' | '(' | ')' | '[' | ']'));
        // Asked of most tokens: bytes are scanned directly rather than with substring
        // searchers, which cost more to set up than a word takes to scan.
        let is_link = |s: &str| {
            let bytes = s.as_bytes();
            let www = bytes.starts_with(b"www.");
            // Most chunks are one word, with neither character of an address.
            if !www && !bytes.iter().any(|&b| b == b':' || b == b'@') {
                return false;
            }
            let mail = || bytes.iter().position(|&b| b == b'@').is_some_and(|at| at > 0 && bytes[at + 1..].contains(&b'.'));
            www || bytes.windows(3).any(|w| w == b"://") || mail()
        };
        if !is_link(chunk) {
            return false;
        }
        let rest = &self.text[next.span.start..];
        next.is_capitalized() || rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")
    }

    /// "08/16/2000 03:14 PM", the date line of a forwarded e-mail: its last token.
    fn header_stamp(&self, i: usize) -> Option<usize> {
        let digits = |part: Option<&str>, max: usize| part.is_some_and(|p| (1..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        let is_date = |s: &str| {
            let mut parts = s.split('/');
            digits(parts.next(), 2) && digits(parts.next(), 2) && digits(parts.next(), 4) && parts.next().is_none()
        };
        let is_time = |s: &str| {
            let mut parts = s.split(':');
            digits(parts.next(), 2) && digits(parts.next(), 2) && parts.next().is_none_or(|p| digits(Some(p), 2)) && parts.next().is_none()
        };
        let token = self.tokens.get(i)?;
        if token.kind != TokenKind::Number || !is_date(token.text(self.text)) {
            return None;
        }
        let time = self.tokens.get(i + 1)?;
        if time.kind != TokenKind::Number || !is_time(time.text(self.text)) || has_line_break(self.gap_after(i)) {
            return None;
        }
        let meridiem = matches!(self.raw(i + 2), "AM" | "PM" | "am" | "pm") && !has_line_break(self.gap_after(i + 1));
        Some(if meridiem { i + 2 } else { i + 1 })
    }

    /// Whether the stamp at `i` follows a name or an address rather than a preposition.
    fn stamp_follows_name(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).map(|p| &self.tokens[p]) else { return false };
        let raw = before.text(self.text);
        !(starts_lowercase(raw) || raw == ",")
    }

    /// A line of separators ("*****", "-----", "_____", or "--" on its own before a
    /// signature): its last token.
    fn separator_run(&self, i: usize) -> Option<usize> {
        let raw = self.raw(i);
        if !matches!(raw, "*" | "=" | "_" | "-" | "~" | "#") {
            return None;
        }
        let mut last = i;
        while self.touches(last) && self.raw(last + 1) == raw {
            last += 1;
        }
        let standalone = i == self.start && raw == "-" && !self.touches(last);
        (last - i >= 2 || last > i && standalone).then_some(last)
    }

    /// A line break after token `i` ends the sentence when it is a blank line, or when the
    /// next line does not simply continue this one (lower-case start, or a line ending in a
    /// comma or a function word). After terminal punctuation that did not end a sentence
    /// ("Mr.") only a blank line does.
    fn line_break_ends(&self, i: usize, after_terminal: bool) -> bool {
        let gap = self.gap_after(i);
        let mut breaks = gap.matches('\n').count();
        if breaks == 0 {
            breaks = gap.matches('\r').count();
        }
        if breaks >= 2 {
            return true;
        }
        if breaks == 0 || after_terminal {
            return false;
        }
        let token = &self.tokens[i];
        let raw = token.text(self.text);
        if starts_lowercase(self.raw(i + 1)) || matches!(raw, "," | "&" | "(" | "/" | "+") {
            return false;
        }
        if token.kind == TokenKind::Word && starts_lowercase(raw) && is_stopword(&token.norm) {
            return false;
        }
        !self.wrapped_before_name(i)
    }

    /// A long line ending in a word, followed by a capitalised word that is not a sentence
    /// opener: hard-wrapped running text ("… met with\nAmir Abdollahian"), not a headline.
    fn wrapped_before_name(&self, i: usize) -> bool {
        let Some(next) = self.tokens.get(i + 1) else { return false };
        let token = &self.tokens[i];
        if token.kind != TokenKind::Word || !next.is_capitalized() || self.is_starter(next) || next.text(self.text) == "I" {
            return false;
        }
        let line_start = self.text[..token.span.end].rfind('\n').map_or(0, |n| n + 1);
        self.text[line_start..token.span.end].chars().count() >= WRAPPED_LINE_CHARS
    }
}


#[cfg(test)]
mod tests;

// The rules of other languages than English, tested apart.
#[cfg(test)]
mod languages;

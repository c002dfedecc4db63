//! The line structure of a text, as the sentence boundaries read it: list items and
//! bullets, e-mail header stamps, separator lines, the greeting and closing lines of a
//! letter, signature links, and the line breaks that end a headline but not a wrapped line.

use super::*;

/// How a list item is numbered: "1.", "1)", "1.)", "a.", "a)".
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    value: u32,
    letter: bool,
    style: u8,
}

impl<'t> Segmenter<'t> {
    /// A new list item, an e-mail header stamp or a separator line at token `i`:
    /// ends the sentences it closes and gives the token to go on from; `None` if there
    /// is none.
    #[inline]
    pub(super) fn line_structure(&mut self, i: usize) -> Option<usize> {
        if i > self.start && !self.gap_after(i - 1).is_empty() && self.starts_new_item(i) {
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
        if i > self.start && !self.gap_after(i - 1).is_empty() {
            self.end_after(i - 1);
        }
        if !self.gap_after(last).is_empty() {
            self.end_after(last);
        }
        Some(last + 1)
    }

    /// At the start of a sentence: skips a bullet and a list marker ("• 9.", "1.)", "a."),
    /// remembering the marker so that the next item can start a new sentence.
    pub(super) fn open_sentence(&mut self, mut i: usize) -> usize {
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
        let adjacent = |k: usize| self.gap_after(k).is_empty() && self.tokens.get(k + 1).is_some();
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

    /// "Best regards, Debra", "Dear All, My name…": the greeting or closing line of a
    /// letter, run into the next line.
    pub(super) fn ends_letter_line(&self, i: usize) -> bool {
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
    pub(super) fn link_ends(&self, i: usize) -> bool {
        let gap = self.gap_after(i);
        let Some(next) = self.tokens.get(i + 1) else { return false };
        if gap.is_empty() || has_line_break(gap) {
            return false;
        }
        let mut first = i;
        while first > self.start && self.gap_after(first - 1).is_empty() {
            first -= 1;
        }
        let chunk = self.text[self.tokens[first].span.start..self.tokens[i].span.end].trim_matches(|c| matches!(c, '<' | '>' | '"' | '(' | ')' | '[' | ']'));
        // Asked of most tokens: bytes are scanned directly rather than with substring
        // searchers, which cost more to set up than a word takes to scan.
        let is_link = |s: &str| {
            let bytes = s.as_bytes();
            let mail = || bytes.iter().position(|&b| b == b'@').is_some_and(|at| at > 0 && bytes[at + 1..].contains(&b'.'));
            bytes.windows(3).any(|w| w == b"://") || bytes.starts_with(b"www.") || mail()
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
        while self.gap_after(last).is_empty() && self.raw(last + 1) == raw {
            last += 1;
        }
        let standalone = i == self.start && raw == "-" && !self.gap_after(last).is_empty();
        (last - i >= 2 || last > i && standalone).then_some(last)
    }

    /// A line break after token `i` ends the sentence when it is a blank line, or when the
    /// next line does not simply continue this one (lower-case start, or a line ending in a
    /// comma or a function word). After terminal punctuation that did not end a sentence
    /// ("Mr.") only a blank line does.
    pub(super) fn line_break_ends(&self, i: usize, after_terminal: bool) -> bool {
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

//! Sentence and paragraph boundaries.

use super::{Sentence, Token, TokenKind};
use crate::span::Span;

/// Abbreviations after which a period does not end a sentence even before a
/// capitalised word: titles and words that are followed by a name or a number.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "rev",
    "hon", "pres", "no", "nos", "fig", "figs", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "p", "vol", "ch", "sec", "art", "ave", "blvd",
    "adm", "maj", "cmdr", "supt", "det", "insp", "messrs", "mme", "mlle", "approx", "cf", "al", "ed", "eds",
];

/// Abbreviations that can end a sentence: a period after them ends one only before a
/// capitalised word.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "inc", "co", "corp", "ltd", "llc", "plc", "jr", "sr", "etc", "bros", "dept", "univ", "assn", "est",
    "min", "max", "hr", "hrs", "yr", "yrs", "mo", "mos", "wk", "sq", "oz", "lb", "lbs", "km", "cm", "mm",
];

fn is_terminal(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "…" | "。" | "！" | "？" | "‼" | "⁇" | "⁈" | "⁉" | "؟" | "।" | "॥")
        || token.starts_with("..")
}

fn is_closing(token: &str) -> bool {
    matches!(token, "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "}" | "」" | "』" | "）")
}

/// Splits the text into sentences. Every non-space character lies in exactly one
/// sentence; sentences are in order and trimmed of whitespace.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut ends = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let raw = token.text(text);
        let gap_after = |k: usize| tokens.get(k + 1).map(|next| &text[tokens[k].span.end..next.span.start]);
        if token.kind == TokenKind::Punct && is_terminal(raw) || token.kind == TokenKind::Word && raw.ends_with('.') {
            let mut last = i;
            while let Some(next) = tokens.get(last + 1) {
                let next_raw = next.text(text);
                let adjacent = gap_after(last).is_some_and(str::is_empty);
                if adjacent && (is_terminal(next_raw) || is_closing(next_raw)) {
                    last += 1;
                } else {
                    break;
                }
            }
            if ends_sentence(text, tokens, i, last) {
                ends.push(tokens[last].span.end);
                i = last + 1;
                continue;
            }
            i = last;
        }
        if let Some(gap) = gap_after(i) {
            if line_break_ends_sentence(gap, text, &tokens[i + 1]) {
                ends.push(tokens[i].span.end);
            }
        }
        i += 1;
    }
    ends.push(text.len());
    ends.dedup();
    let mut sentences = Vec::with_capacity(ends.len());
    let mut start = 0;
    let mut first_token = 0;
    for end in ends {
        let span = trim(text, Span::new(start, end));
        start = end;
        if span.is_empty() {
            continue;
        }
        let last_token = first_token + tokens[first_token..].partition_point(|t| t.span.end <= span.end);
        sentences.push(Sentence { span, tokens: first_token..last_token });
        first_token = last_token;
    }
    sentences
}

/// Whether the terminal punctuation at tokens `at..=last` ends the sentence.
fn ends_sentence(text: &str, tokens: &[Token], at: usize, last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else { return true };
    let token = &tokens[at];
    let raw = token.text(text);
    let next_raw = next.text(text);
    let next_starts_lower = next_raw.chars().next().is_some_and(char::is_lowercase);
    if matches!(raw, "。" | "！" | "？") {
        return true;
    }
    if next_starts_lower {
        return false;
    }
    if raw == "." && at == last {
        let Some(previous) = at.checked_sub(1).map(|p| &tokens[p]) else { return true };
        let attached = previous.span.end == token.span.start;
        if attached && previous.kind == TokenKind::Word {
            let word = previous.norm.as_str();
            let is_initial = word.chars().count() == 1 && previous.is_capitalized(text);
            if is_initial || TITLE_ABBREVIATIONS.contains(&word) {
                return false;
            }
            if OTHER_ABBREVIATIONS.contains(&word) {
                return next.is_capitalized(text);
            }
        }
        if attached && previous.kind == TokenKind::Number && next.kind == TokenKind::Number {
            return false;
        }
    }
    if token.kind == TokenKind::Word {
        return next.is_capitalized(text) && crate::lexicon::is_stopword(&next.norm);
    }
    true
}

/// A line break ends a sentence (a headline, a list item) when it is a blank line,
/// or when the next line does not simply continue a wrapped sentence in lower case.
fn line_break_ends_sentence(gap: &str, text: &str, next: &Token) -> bool {
    let newlines = gap.matches('\n').count();
    if newlines >= 2 || gap.contains("\r\r") {
        return true;
    }
    if newlines == 0 && !gap.contains('\r') {
        return false;
    }
    let next_raw = next.text(text);
    !next_raw.chars().next().is_some_and(char::is_lowercase)
}

fn trim(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let leading = slice.len() - slice.trim_start_matches(is_space).len();
    let trailing = slice.len() - slice.trim_end_matches(is_space).len();
    if leading == slice.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + leading, span.end - trailing)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Paragraphs: runs of text separated by blank lines, trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut blank_line = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let line = &text[line_start..i];
            if line.trim_matches(is_space).is_empty() && line_start > 0 {
                blank_line = true;
            }
            line_start = i + 1;
        } else if !is_space(c) && blank_line {
            let span = trim(text, Span::new(start, line_start));
            if !span.is_empty() {
                paragraphs.push(span);
            }
            start = line_start;
            blank_line = false;
        }
    }
    let span = trim(text, Span::new(start, text.len()));
    if !span.is_empty() {
        paragraphs.push(span);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &tokenize(text)).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn titles_initials_and_numbers_do_not_break() {
        assert_eq!(split("Mr. Smith met J. R. R. Tolkien at 10.30 a.m. today. He paid $1.2bn."), [
            "Mr. Smith met J. R. R. Tolkien at 10.30 a.m. today.",
            "He paid $1.2bn."
        ]);
    }

    #[test]
    fn company_abbreviation_ends_a_sentence_before_a_capital() {
        assert_eq!(split("They met Briggs & Co. at noon. It closed."), ["They met Briggs & Co. at noon.", "It closed."]);
        assert_eq!(split("They met Briggs & Co. It closed."), ["They met Briggs & Co.", "It closed."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(split("He said, “We agree.” Then he left."), ["He said, “We agree.”", "Then he left."]);
    }

    #[test]
    fn headline_line_ends_without_punctuation() {
        assert_eq!(split("Big News Today\n\nThe story begins."), ["Big News Today", "The story begins."]);
    }

    #[test]
    fn cjk_punctuation() {
        assert_eq!(split("你好。我很好！"), ["你好。", "我很好！"]);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "One.\nStill one.\n\n  Two.\n\n\nThree.";
        let found: Vec<&str> = paragraphs(text).iter().map(|p| p.slice(text)).collect();
        assert_eq!(found, ["One.\nStill one.", "Two.", "Three."]);
    }
}

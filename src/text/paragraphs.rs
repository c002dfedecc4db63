//! Paragraph boundaries: runs of text separated by blank lines.

use crate::span::Span;

/// `span` without the whitespace at either end (empty, at its start, if all of it is).
pub(super) fn trim(text: &str, span: Span) -> Span {
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

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "One.\nStill one.\n\n  Two.\n\n\nThree.";
        let found: Vec<&str> = paragraphs(text).iter().map(|p| p.slice(text)).collect();
        assert_eq!(found, ["One.\nStill one.", "Two.", "Three."]);
    }
}

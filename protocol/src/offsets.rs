//! The unit of the offsets a caller gets: UTF-16 code units for the command line (the
//! protocol's unit, JavaScript string indices), code points for Python (`str` indices).
//! The core's spans are bytes; each result is converted once, here.

use textlens::{Span, Utf16Index};

/// What an offset counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units: JavaScript string indices, the protocol's unit.
    Utf16,
    /// Unicode code points: Python string indices.
    CodePoints,
}

/// Maps byte offsets of one text to code-point offsets. Like [`Utf16Index`], only the
/// ends of non-ASCII characters are stored, so ASCII text needs no memory.
#[derive(Clone, Debug)]
pub struct CodePointIndex {
    /// `(byte, code point)` at the end of each non-ASCII character, in increasing order.
    checkpoints: Vec<(usize, usize)>,
}

impl CodePointIndex {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        let mut points = 0;
        for (byte, c) in text.char_indices() {
            points += 1;
            if !c.is_ascii() {
                checkpoints.push((byte + c.len_utf8(), points));
            }
        }
        CodePointIndex { checkpoints }
    }

    /// The code-point offset of a byte offset on a character boundary.
    pub fn code_point(&self, byte: usize) -> usize {
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        match after.checked_sub(1) {
            None => byte,
            Some(i) => {
                let (b, p) = self.checkpoints[i];
                p + (byte - b)
            }
        }
    }
}

/// Converts the byte spans of one text into the chosen unit.
#[derive(Clone, Debug)]
pub enum Converter {
    /// To UTF-16 code units.
    Utf16(Utf16Index),
    /// To code points.
    CodePoints(CodePointIndex),
}

impl Converter {
    /// A converter for the spans of `text`.
    pub fn new(text: &str, unit: Unit) -> Self {
        match unit {
            Unit::Utf16 => Converter::Utf16(Utf16Index::new(text)),
            Unit::CodePoints => Converter::CodePoints(CodePointIndex::new(text)),
        }
    }

    /// A byte span in the chosen unit.
    pub fn span(&self, span: Span) -> Span {
        match self {
            Converter::Utf16(index) => index.span(span),
            Converter::CodePoints(index) => {
                Span::new(index.code_point(span.start), index.code_point(span.end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_characters_not_bytes_nor_utf16_units() {
        let text = "é 😊 Tehran — 北京 end";
        let index = CodePointIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(
                index.code_point(byte),
                text[..byte].chars().count(),
                "byte {byte}"
            );
        }
        let tehran = text.find("Tehran").unwrap();
        let span = Converter::new(text, Unit::CodePoints).span(Span::new(tehran, tehran + 6));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[span.start..span.end].iter().collect::<String>(),
            "Tehran"
        );
        let span = Converter::new(text, Unit::Utf16).span(Span::new(tehran, tehran + 6));
        assert_eq!(
            span,
            Span::new(5, 11),
            "help: 😊 is two UTF-16 units but one code point"
        );
    }
}

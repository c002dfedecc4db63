//! Byte spans inside the core, and their conversion to UTF-16 code units at the edge.

use serde::Serialize;

/// A half-open range `start..end` into a text.
///
/// Inside the core the unit is bytes of UTF-8, always on character boundaries.
/// [`crate::Analysis::into_utf16`] rewrites every span of a result into UTF-16 code
/// units, the unit of JavaScript string indices.
///
/// ```
/// use textlens::Span;
///
/// let text = "Zürich is in Switzerland.";
/// let city = Span::new(0, 7); // "ü" takes two bytes
/// assert_eq!(city.slice(text), "Zürich");
/// assert_eq!(city.len(), 7);
/// assert!(Span::new(0, 25).contains(&city) && !city.overlaps(&Span::new(7, 10)));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First unit of the span.
    pub start: usize,
    /// One past the last unit of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in units.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text a byte span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether the two spans share at least one unit.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies entirely inside this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Maps byte offsets of one text to UTF-16 code-unit offsets.
///
/// ASCII bytes map one to one, so only the positions right after non-ASCII
/// characters are stored; a lookup is a binary search over them. For ASCII text the
/// index is empty and every lookup is the identity.
///
/// ```
/// use textlens::{Span, Utf16Index};
///
/// let text = "Café 😊 Paris";
/// let index = Utf16Index::new(text);
/// // "é" is 2 bytes but 1 UTF-16 unit; "😊" is 4 bytes and 2 units.
/// let paris = Span::new(text.find("Paris").unwrap(), text.len());
/// assert_eq!(paris, Span::new(11, 16));
/// assert_eq!(index.span(paris), Span::new(8, 13));
/// assert_eq!(index.utf16(text.len()), text.encode_utf16().count());
/// ```
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// `(byte, utf16)` at the end of each non-ASCII character, in increasing order.
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Index {
    /// Builds the index of `text`.
    pub fn new(text: &str) -> Self {
        // Most text is ASCII: whole blocks of it are passed over with one check each.
        const BLOCK: usize = 64;
        let mut checkpoints = Vec::new();
        let (mut byte, mut utf16) = (0, 0);
        while byte < text.len() {
            let end = (byte + BLOCK).min(text.len());
            if text.as_bytes().get(byte..end).is_some_and(<[u8]>::is_ascii) {
                utf16 += end - byte;
                byte = end;
                continue;
            }
            // `byte` is always a character boundary: the end of an ASCII block or of a character.
            let Some(rest) = text.get(byte..) else { break };
            for c in rest.chars() {
                byte += c.len_utf8();
                utf16 += c.len_utf16();
                if !c.is_ascii() {
                    checkpoints.push((byte, utf16));
                }
                if byte >= end {
                    break;
                }
            }
        }
        Utf16Index { checkpoints }
    }

    /// The UTF-16 offset of a byte offset that lies on a character boundary.
    pub fn utf16(&self, byte: usize) -> usize {
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        match after.checked_sub(1) {
            None => byte,
            Some(i) => {
                let (b, u) = self.checkpoints[i];
                u + (byte - b)
            }
        }
    }

    /// A byte span converted to UTF-16 units.
    pub fn span(&self, span: Span) -> Span {
        Span::new(self.utf16(span.start), self.utf16(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_slice(text: &str, span: Span) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[span.start..span.end]).unwrap()
    }

    #[test]
    fn ascii_is_identity() {
        let index = Utf16Index::new("plain text");
        assert_eq!(index.span(Span::new(2, 7)), Span::new(2, 7));
    }

    #[test]
    fn astral_and_accented_characters_shift_offsets() {
        let text = "é 😊 Tehran — 北京 end";
        let index = Utf16Index::new(text);
        for word in ["é", "😊", "Tehran", "—", "北京", "end"] {
            let start = text.find(word).unwrap();
            let span = index.span(Span::new(start, start + word.len()));
            assert_eq!(utf16_slice(text, span), word, "help: byte→UTF-16 mapping is off for {word:?}");
        }
    }

    #[test]
    fn every_boundary_maps_as_counted_across_ascii_blocks() {
        // Characters of 2, 3 and 4 bytes on both sides of the 64-byte blocks, and long ASCII runs.
        let mut text = String::new();
        for (i, c) in ["é", "北", "😊", "a"].iter().cycle().take(40).enumerate() {
            text.push_str(&"x".repeat(i * 7 % 70));
            text.push_str(c);
        }
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(byte), text[..byte].encode_utf16().count(), "byte {byte}");
        }
    }

    #[test]
    fn end_of_text_maps_to_utf16_length() {
        let text = "a😊b";
        assert_eq!(Utf16Index::new(text).utf16(text.len()), text.encode_utf16().count());
    }
}

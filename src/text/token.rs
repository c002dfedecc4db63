//! What the tokenizer makes: [`Token`]s with their kind and normalised text.

use crate::span::Span;

/// Whether the text between two tokens breaks the line. Gaps are a byte or two, where
/// a plain loop beats setting up `str::contains`'s searcher, and this is asked of most
/// gaps by several stages.
pub(crate) fn has_line_break(gap: &str) -> bool {
    gap.bytes().any(|b| b == b'\n')
}

/// Whether `word` is written in capitals, two letters or more ("TGV", "SNCF", "U.S.").
pub(crate) fn in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some() && !word.chars().any(char::is_lowercase)
}

/// Whether no line break stands between token `a` and the later token `b` of `text`.
pub(crate) fn same_line(text: &str, a: &Token, b: &Token) -> bool {
    !text.get(a.span.end..b.span.start).is_some_and(has_line_break)
}

/// Whether exactly one space stands between token `a` and the later token `b` of `text`.
pub(crate) fn single_spaced(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.span.end..b.span.start) == Some(" ")
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with marks), possibly joined by inner hyphens or apostrophes, or an
    /// acronym written with dots ("U.S.", "e.g."); also a clitic such as "'s" or "n't".
    Word,
    /// Digits, possibly with inner `.,:/` and trailing letters ("3.5", "1,000", "5th", "1.2bn").
    Number,
    /// One punctuation mark, or a run of periods ("...").
    Punct,
    /// Anything else: currency signs, emoji (with their modifiers), math symbols.
    Symbol,
}

/// One token of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Span,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Lower-cased text with typographic apostrophes folded to `'`.
    pub norm: Norm,
    /// Whether it is a word whose first character is upper case: asked of most tokens
    /// by every stage, so found once.
    pub(super) capitalized: bool,
}

/// Longest normalised form kept inside the token itself: as many bytes as keep a
/// [`Norm`] the size of a `String` (22 on 64-bit targets, 10 on wasm32).
const INLINE: usize = 3 * std::mem::size_of::<usize>() - 2;

// Checked on every target: a token must not grow on wasm32, where memory is scarcer
// (24 bytes there, 48 on 64-bit targets).
const _: () = assert!(std::mem::size_of::<Norm>() == std::mem::size_of::<String>());
const _: () = assert!(std::mem::size_of::<Token>() == 6 * std::mem::size_of::<usize>());

/// A token's normalised text. Nearly every word fits inline, so tokenizing allocates
/// only for the rare long token; it reads as a `&str` through [`Norm::as_str`] or deref.
#[derive(Clone)]
pub struct Norm(Repr);

#[derive(Clone)]
enum Repr {
    /// The first `len` bytes are the text, always whole UTF-8 characters.
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Norm {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: the only two constructors of `Inline` copy a whole `str`, as it is
            // (`From<&str>`) or with its ASCII bytes lower-cased (`ascii_lowercase`, which
            // leaves every other byte alone), and set `len` to its length: the bytes up to
            // `len` are valid UTF-8.
            Repr::Inline { len, bytes } => unsafe { std::str::from_utf8_unchecked(bytes.get(..usize::from(*len)).unwrap_or(&[])) },
            Repr::Heap(text) => text,
        }
    }

    /// `text`, which must be ASCII, in lower case: the normalised form of an ASCII token.
    pub(super) fn ascii_lowercase(text: &str) -> Self {
        if text.len() > INLINE {
            return Norm(Repr::Heap(text.to_ascii_lowercase().into_boxed_str()));
        }
        let mut bytes = [0u8; INLINE];
        for (slot, b) in bytes.iter_mut().zip(text.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        Norm(Repr::Inline { len: text.len() as u8, bytes })
    }
}

impl From<&str> for Norm {
    fn from(text: &str) -> Self {
        if text.len() > INLINE {
            return Norm(Repr::Heap(text.into()));
        }
        let mut bytes = [0u8; INLINE];
        bytes.iter_mut().zip(text.bytes()).for_each(|(slot, b)| *slot = b);
        Norm(Repr::Inline { len: text.len() as u8, bytes })
    }
}

impl std::ops::Deref for Norm {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Norm {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Norm {}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl Token {
    /// The token's text as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    /// Whether the token is a word whose first character is upper case.
    pub fn is_capitalized(&self) -> bool {
        self.capitalized
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_need_two_letters_and_no_lower_case() {
        assert!(in_capitals("TGV") && in_capitals("U.S.") && in_capitals("G7S"));
        assert!(!in_capitals("A") && !in_capitals("Paris") && !in_capitals("iPhone") && !in_capitals("42"));
    }

    #[test]
    fn norms_read_the_same_inline_or_on_the_heap() {
        let short = Norm::from("o'brien");
        let long = Norm::from("internationalisation-wide");
        assert_eq!((short.as_str(), &*long), ("o'brien", "internationalisation-wide"));
        assert_eq!(Norm::from("ÉCOLE".to_lowercase().as_str()), "école");
        assert_eq!(Norm::ascii_lowercase("NASA-Led"), "nasa-led");
        assert_eq!(Norm::ascii_lowercase(&"AB".repeat(20)), "ab".repeat(20).as_str());
        assert_eq!(format!("{short:?}"), "\"o'brien\"");
    }
}

//! The one reader of the word-list files (`*.txt` beside the modules that use them).
//!
//! Every list has the same format:
//!
//! - UTF-8 text, one *line* of entries after another;
//! - a line whose first character is `#` is a comment (what the list holds, where it
//!   comes from), and blank lines are skipped; spaces around an entry are ignored;
//! - a list of single words may hold several a line, separated by spaces
//!   ([`words`]); a list of phrases ("United States of America") holds one entry a
//!   line ([`entries`]);
//! - case: entries are written in lower case, apostrophes as `'`, and are matched
//!   against a token's normalised form ([`crate::text::Token::norm`]), unless the list
//!   says otherwise: the places are written as capitalised and folded when read, and
//!   the abbreviations mix both kinds ([`CasedSet`]).
//!
//! A list's order is kept where it means something (the general-English word ranks).

use super::hash::FastSet;
use std::sync::OnceLock;

/// The text of a list file, given as `include_str!(...)`, without its comment lines,
/// made at compile time: the comments (sources, licences, how to regenerate; 7.4 KB
/// in all) stay in the repository and out of the wasm, 1.4 KB smaller gzipped, and
/// every reader of a list skips them anyway ([`entries`]).
macro_rules! list_file {
    ($source:expr) => {{
        const SOURCE: &str = $source;
        const LEN: usize = $crate::lexicon::list::uncommented_len(SOURCE);
        const BYTES: [u8; LEN] = $crate::lexicon::list::uncommented(SOURCE);
        // Whole lines were left out, so the rest is still UTF-8.
        const TEXT: &str = match ::core::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => "",
        };
        TEXT
    }};
}
pub(crate) use list_file;

/// The text of a long list file, given as `include_str!(...)`, front-coded at compile
/// time ([`coded`]) and decoded on first use, one entry a line. `words`: whether the
/// entries are the file's words (else its lines, which may hold spaces). Coded so, and
/// sorted, the given names, places, English noise words and stopwords took 4.2 KB less
/// of what the element loads gzipped than as text (399,888 -> 395,693 bytes, `node
/// scripts/bench.mjs --sizes`); the given names and the stopwords (32 KB) decode in
/// 0.13 ms natively, each at the first text that needs it.
macro_rules! coded_list {
    ($source:expr, words: $words:expr) => {{
        const TEXT: &[u8] = $crate::lexicon::list::list_file!($source).as_bytes();
        const LEN: usize = $crate::lexicon::list::coded(TEXT, $words, &mut []);
        static CODED: [u8; LEN] = {
            let mut out = [0u8; LEN];
            $crate::lexicon::list::coded(TEXT, $words, &mut out);
            out
        };
        static DECODED: ::std::sync::OnceLock<String> = ::std::sync::OnceLock::new();
        DECODED.get_or_init(|| $crate::lexicon::list::decoded(&CODED)).as_str()
    }};
}
pub(crate) use coded_list;

/// Whether `byte` ends an entry: a line break, and in a list of words a space or tab.
const fn ends_entry(byte: u8, words: bool) -> bool {
    byte == b'\n' || byte == b'\r' || (words && (byte == b' ' || byte == b'\t'))
}

/// Front coding: each entry of `text` as one byte below 0x20, the number of bytes it
/// shares with the entry before (at most 31, ending on a character boundary), then the
/// rest of its bytes; written into `out` as far as it reaches. Returns the coded length,
/// so that a call with an empty `out` sizes it. Entries are trimmed of spaces, and one
/// holding a control character stops the build.
pub(crate) const fn coded(text: &[u8], words: bool, out: &mut [u8]) -> usize {
    let (mut i, mut at, mut previous, mut previous_len) = (0, 0, 0, 0);
    loop {
        while i < text.len() && (ends_entry(text[i], words) || text[i] == b' ') {
            i += 1;
        }
        if i == text.len() {
            return at;
        }
        let start = i;
        while i < text.len() && !ends_entry(text[i], words) {
            i += 1;
        }
        let mut end = i;
        while text[end - 1] == b' ' {
            end -= 1;
        }
        let mut shared = 0;
        while shared < 31 && shared < end - start && shared < previous_len && text[start + shared] == text[previous + shared] {
            shared += 1;
        }
        while shared > 0 && shared < end - start && text[start + shared] & 0xC0 == 0x80 {
            shared -= 1;
        }
        let mut k = start + shared;
        let mut byte = shared as u8;
        loop {
            if at < out.len() {
                out[at] = byte;
            }
            at += 1;
            if k == end {
                break;
            }
            byte = text[k];
            assert!(byte >= 0x20, "a list entry holds a control character");
            k += 1;
        }
        (previous, previous_len) = (start, end - start);
    }
}

/// The entries that [`coded`] coded, one a line.
pub(crate) fn decoded(coded: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    let mut previous = 0;
    for &byte in coded {
        if byte >= 0x20 {
            out.push(byte);
            continue;
        }
        if !out.is_empty() {
            out.push(b'\n');
        }
        let start = out.len();
        // The entry before ends at the line feed just written.
        let shared = usize::from(byte).min(start.saturating_sub(previous + 1));
        out.extend_from_within(previous..previous + shared);
        previous = start;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The end of the line of `bytes` that starts at `start`, past its line feed.
const fn line_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'\n' {
        i += 1;
    }
    if i < bytes.len() { i + 1 } else { i }
}

/// The length of `source` without its lines that start with `#`.
pub(crate) const fn uncommented_len(source: &str) -> usize {
    let bytes = source.as_bytes();
    let (mut start, mut len) = (0, 0);
    while start < bytes.len() {
        let end = line_end(bytes, start);
        if bytes[start] != b'#' {
            len += end - start;
        }
        start = end;
    }
    len
}

/// `source` without its lines that start with `#`, in `N` bytes
/// ([`uncommented_len`]).
pub(crate) const fn uncommented<const N: usize>(source: &str) -> [u8; N] {
    let bytes = source.as_bytes();
    let mut out = [0u8; N];
    let (mut start, mut at) = (0, 0);
    while start < bytes.len() {
        let end = line_end(bytes, start);
        if bytes[start] != b'#' {
            let mut k = start;
            while k < end {
                out[at] = bytes[k];
                at += 1;
                k += 1;
            }
        }
        start = end;
    }
    out
}

/// Whether `word` is one of the space-separated words of `list`. Short lists are kept
/// as one string: a table of string slices (8 bytes each, and a code path per
/// language) took more of the gzipped wasm.
pub(crate) fn has(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// The entries of a list file, one a line, in order.
pub(crate) fn entries(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The words of a list file of single words, in order.
pub(crate) fn words(source: &'static str) -> impl Iterator<Item = &'static str> {
    entries(source).flat_map(str::split_whitespace)
}

/// The words of a list file as a set, built on first use in `cell`; `source` gives the
/// file only then, so that a list decoded or chosen on first use costs nothing after.
pub(crate) fn word_set(cell: &'static OnceLock<FastSet<&'static str>>, source: fn() -> &'static str) -> &'static FastSet<&'static str> {
    cell.get_or_init(|| words(source()).collect())
}

/// A list whose lower-case entries match a word in any case and whose entries with
/// capitals match only as written ("Nr." is an abbreviation, "nr." an ordinary word).
pub(crate) struct CasedSet {
    exact: FastSet<&'static str>,
    folded: FastSet<&'static str>,
}

impl CasedSet {
    /// Reads a list file of single words.
    pub(crate) fn parse(source: &'static str) -> Self {
        let mut set = CasedSet { exact: FastSet::default(), folded: FastSet::default() };
        for word in words(source) {
            if word.chars().any(char::is_uppercase) {
                set.exact.insert(word);
            } else {
                set.folded.insert(word);
            }
        }
        set
    }

    /// Whether a word, normalised as `norm` and written as `written`, is listed.
    pub(crate) fn contains(&self, norm: &str, written: &str) -> bool {
        self.folded.contains(norm) || self.exact.contains(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# A comment, with words that are not entries.\n\n  alpha beta  \n#gamma\nDr. nr.\n  \nNew York\n";

    #[test]
    fn comments_and_blank_lines_are_skipped_and_entries_trimmed() {
        assert_eq!(entries(LIST).collect::<Vec<_>>(), ["alpha beta", "Dr. nr.", "New York"]);
        assert_eq!(words(LIST).collect::<Vec<_>>(), ["alpha", "beta", "Dr.", "nr.", "New", "York"]);
    }

    #[test]
    fn a_list_file_loses_its_comment_lines_and_keeps_its_entries() {
        const TEXT: &str = list_file!(LIST);
        assert_eq!(TEXT, "\n  alpha beta  \nDr. nr.\n  \nNew York\n");
        assert_eq!(entries(TEXT).collect::<Vec<_>>(), entries(LIST).collect::<Vec<_>>());
        assert_eq!(list_file!("# only a comment"), "");
    }

    /// `text` front-coded and decoded again.
    fn round_trip(text: &str, words: bool) -> String {
        let mut out = vec![0u8; coded(text.as_bytes(), words, &mut [])];
        assert_eq!(coded(text.as_bytes(), words, &mut out), out.len());
        decoded(&out)
    }

    #[test]
    fn a_front_coded_list_decodes_to_its_entries_one_a_line() {
        let text = "\n  alpha beta  \nalphabet alpha\nDr. nr.\n  \nNew York\nNew  Yorker \népée épées\nèpe\nzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz1 zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz2\n";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(round_trip(text, true), words.join("\n"));
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        assert_eq!(round_trip(text, false), lines.join("\n"));
        // A shared prefix ends on a character boundary: "é" and "è" share a first byte.
        let mut out = vec![0u8; coded("é è".as_bytes(), true, &mut [])];
        coded("é è".as_bytes(), true, &mut out);
        assert_eq!(out, [0, 0xC3, 0xA9, 0, 0xC3, 0xA8]);
        // A corrupt count shares no more than the entry before has.
        assert_eq!((round_trip("", true), round_trip(" \n \n", false), decoded(&[5, b'a', 9])), (String::new(), String::new(), "a\na".to_owned()));
    }

    #[test]
    fn the_front_coded_lists_hold_what_their_files_hold() {
        let files = [
            (crate::lexicon::first_names(), list_file!(include_str!("first_names.txt"))),
            (crate::lexicon::stopword_list("de").unwrap_or(""), list_file!(include_str!("stopwords/de.txt"))),
            (crate::lexicon::stopword_list("en").unwrap_or(""), list_file!(include_str!("stopwords_en.txt"))),
        ];
        for (decoded, file) in files {
            assert!(words(decoded).eq(words(file)) && decoded.lines().count() > 100);
        }
    }

    #[test]
    fn cased_entries_match_as_written_and_lower_case_ones_in_any_case() {
        let set = CasedSet::parse(LIST);
        assert!(set.contains("dr.", "Dr.") && !set.contains("dr.", "dr.") && !set.contains("dr.", "DR."));
        assert!(set.contains("nr.", "nr.") && set.contains("nr.", "Nr.") && set.contains("alpha", "ALPHA"));
        assert!(!set.contains("gamma", "gamma"));
    }
}

//! The one table of Unicode script ranges: which writing system a character belongs
//! to, for the tokenizer (scripts written without spaces) and for language detection
//! (scripts that name a language).

/// Writing systems told apart by their characters. The first ten, in this order, are
/// those [`crate::language`] names a language by; the rest only matter to the
/// tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Script {
    Latin,
    Han,
    Kana,
    Hangul,
    Cyrillic,
    Arabic,
    Hebrew,
    Greek,
    Devanagari,
    Thai,
    Lao,
    Myanmar,
    Khmer,
}

/// A range of code points, its script, and whether the tokenizer takes it for a script
/// written without spaces, where each character is a word of its own.
struct Range {
    first: u32,
    last: u32,
    script: Script,
    unspaced: bool,
}

const fn range(first: u32, last: u32, script: Script, unspaced: bool) -> Range {
    Range { first, last, script, unspaced }
}

/// Every range, in code point order, none overlapping. Katakana's phonetic extensions
/// and the half-width katakana count as kana for the language but are tokenized like
/// letters of a spaced script (whole runs make a word), as they were before this table
/// joined the tokenizer's and the language detector's lists; making them unspaced
/// would change the tokens of such texts.
const RANGES: [Range; 27] = [
    range(0x41, 0x5A, Script::Latin, false),
    range(0x61, 0x7A, Script::Latin, false),
    range(0xC0, 0x24F, Script::Latin, false),
    range(0x370, 0x3FF, Script::Greek, false),
    range(0x400, 0x52F, Script::Cyrillic, false),
    range(0x590, 0x5FF, Script::Hebrew, false),
    range(0x600, 0x6FF, Script::Arabic, false),
    range(0x750, 0x77F, Script::Arabic, false),
    range(0x900, 0x97F, Script::Devanagari, false),
    range(0xE00, 0xE7F, Script::Thai, true),
    range(0xE80, 0xEFF, Script::Lao, true),
    range(0x1000, 0x109F, Script::Myanmar, true),
    range(0x1100, 0x11FF, Script::Hangul, false),
    range(0x1780, 0x17FF, Script::Khmer, true),
    range(0x1E00, 0x1EFF, Script::Latin, false),
    range(0x1F00, 0x1FFF, Script::Greek, false),
    range(0x3040, 0x30FF, Script::Kana, true),
    range(0x3130, 0x318F, Script::Hangul, false),
    range(0x31F0, 0x31FF, Script::Kana, false),
    range(0x3400, 0x4DBF, Script::Han, true),
    range(0x4E00, 0x9FFF, Script::Han, true),
    range(0xAC00, 0xD7AF, Script::Hangul, false),
    range(0xF900, 0xFAFF, Script::Han, true),
    range(0xFB50, 0xFDFF, Script::Arabic, false),
    range(0xFE70, 0xFEFF, Script::Arabic, false),
    range(0xFF66, 0xFF9F, Script::Kana, false),
    range(0x20000, 0x2FA1F, Script::Han, true),
];

/// How many ranges are unspaced.
const UNSPACED_COUNT: usize = {
    let (mut count, mut i) = (0, 0);
    while i < RANGES.len() {
        count += RANGES[i].unspaced as usize;
        i += 1;
    }
    count
};

/// The unspaced ranges alone, `(first, last)`, taken from [`RANGES`] at compile time:
/// the tokenizer asks about every character that is not ASCII, and a few comparisons
/// answer it.
const UNSPACED: [(u32, u32); UNSPACED_COUNT] = {
    let mut out = [(0, 0); UNSPACED_COUNT];
    let (mut i, mut k) = (0, 0);
    while i < RANGES.len() {
        if RANGES[i].unspaced {
            out[k] = (RANGES[i].first, RANGES[i].last);
            k += 1;
        }
        i += 1;
    }
    out
};

/// The script of `c`, if it is one of [`Script`]'s.
pub(crate) fn script_of(c: char) -> Option<Script> {
    let c = c as u32;
    let at = RANGES.partition_point(|r| r.last < c);
    RANGES.get(at).filter(|r| r.first <= c).map(|r| r.script)
}

/// Whether `c` belongs to a script written without spaces: each such character is a
/// word of its own.
#[inline]
pub(crate) fn is_unspaced(c: char) -> bool {
    let c = c as u32;
    // Most characters are ASCII or Latin, below every unspaced range.
    c >= UNSPACED[0].0 && UNSPACED.iter().any(|&(first, last)| first <= c && c <= last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ordered_and_disjoint() {
        for pair in RANGES.windows(2) {
            assert!(pair[0].first <= pair[0].last && pair[0].last < pair[1].first, "{:x}..{:x}", pair[1].first, pair[1].last);
        }
    }

    #[test]
    fn every_code_point_gets_the_script_of_its_range() {
        for c in (0..0x30000).filter_map(char::from_u32) {
            let listed = RANGES.iter().find(|r| (r.first..=r.last).contains(&(c as u32)));
            assert_eq!(script_of(c), listed.map(|r| r.script), "{:x}", c as u32);
            assert_eq!(is_unspaced(c), listed.is_some_and(|r| r.unspaced), "{:x}", c as u32);
        }
    }

    #[test]
    fn scripts_of_a_few_letters() {
        assert_eq!(script_of('a'), Some(Script::Latin));
        assert_eq!(script_of('é'), Some(Script::Latin));
        assert_eq!(script_of('北'), Some(Script::Han));
        assert_eq!(script_of('の'), Some(Script::Kana));
        assert_eq!(script_of('ж'), Some(Script::Cyrillic));
        assert_eq!(script_of('1'), None);
        assert!(is_unspaced('北') && is_unspaced('ก') && !is_unspaced('ｱ') && !is_unspaced('a') && !is_unspaced('ж'));
    }
}

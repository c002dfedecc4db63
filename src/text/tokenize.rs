//! Splits text into [`Token`]s: words, numbers, punctuation and symbols.

use super::script::is_unspaced;
use super::token::{Norm, Token, TokenKind};
use crate::span::Span;

/// Clitics split off the end of a word, as news corpora tokenize them ("Iran's" →
/// "Iran" + "'s"), so that a name never carries its possessive.
const CLITICS: [&str; 7] = ["s", "re", "ve", "ll", "d", "m", "t"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Combining marks that `char::is_alphanumeric` does not count but that belong to
/// the letter before them (decomposed accents, Indic and Hebrew/Arabic points).
pub(crate) fn is_mark(c: char) -> bool {
    // Most characters are ASCII, below every range.
    (c as u32) >= 0x0300 && matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957
        | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !is_unspaced(c) && (c.is_alphanumeric() || is_mark(c))
}

/// A digit of a number (not of a script written without spaces).
fn is_number_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    !is_unspaced(c) && c.is_numeric()
}

/// Emoji modifiers and joiners that stay with the symbol before them.
fn is_symbol_continuation(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0x20E3)
}

/// Tokenizes `text`. Every token is non-empty, tokens are in order and do not
/// overlap, and together with the whitespace between them they cover the text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(c) = text.get(start..).and_then(|rest| rest.chars().next()) {
        if c.is_whitespace() || c == '\u{FEFF}' {
            start += c.len_utf8();
            continue;
        }
        let (end, kind) = if is_number_char(c) {
            (scan_number(text, start), TokenKind::Number)
        } else if is_word_char(c) {
            (scan_word(text, start), TokenKind::Word)
        } else if c == '.' {
            (start + bytes[start..].iter().take_while(|&&b| b == b'.').count(), TokenKind::Punct)
        } else if is_apostrophe(c) {
            match clitic_after_period(text, start, &tokens) {
                Some(end) => (end, TokenKind::Word),
                None => (start + c.len_utf8(), TokenKind::Punct),
            }
        } else if is_unicode_punctuation(c) {
            (start + c.len_utf8(), TokenKind::Punct)
        } else if is_unspaced(c) {
            (start + c.len_utf8(), TokenKind::Word)
        } else if is_mark(c) {
            (start + c.len_utf8(), TokenKind::Symbol)
        } else if c.is_ascii_punctuation() && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~') {
            (start + c.len_utf8(), TokenKind::Punct)
        } else {
            let mut end = start + c.len_utf8();
            let mut after_joiner = false;
            for next in text[end..].chars() {
                if is_symbol_continuation(next) {
                    after_joiner = next == '\u{200D}';
                } else if after_joiner && !next.is_whitespace() {
                    after_joiner = false;
                } else {
                    break;
                }
                end += next.len_utf8();
            }
            (end, TokenKind::Symbol)
        };
        let end = end + text[end..].chars().take_while(|&m| is_mark(m)).map(char::len_utf8).sum::<usize>();
        push_with_clitic(text, &mut tokens, Span::new(start, end), kind);
        start = end;
    }
    tokens
}

fn is_unicode_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF1F
        | 0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF | 0x055C..=0x055F | 0x0589 | 0x05BE
        | 0x060C | 0x061B | 0x061F | 0x06D4 | 0x0964 | 0x0965 | 0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFF3B..=0xFF3D
        | 0xFF5B..=0xFF65 | 0x104A..=0x104F | 0x17D4..=0x17DA | 0x1361..=0x1368 | 0x30FB)
}

/// A word: letters, inner hyphens and apostrophes, or a dotted acronym ("U.S.", "e.g.").
fn scan_word(text: &str, start: usize) -> usize {
    if let Some(end) = scan_dotted_acronym(text, start) {
        return end;
    }
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            end = start + i + c.len_utf8();
        } else if is_apostrophe(c) && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit()) && is_elision(&text[start..start + i]) {
            // An elision before a number ("all'1,2 per cento", "dall'8 marzo") ends
            // with its apostrophe, so that the number is whole ("SIGCOMM'04" stays one).
            end = start + i + c.len_utf8();
            break;
        } else if (is_hyphen(c) || is_apostrophe(c)) && iter.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// Longest dotted acronym recognised; the bound keeps a long run such as "a.a.a.…a.ab"
/// from being rescanned at every letter.
const MAX_ACRONYM_LETTERS: usize = 12;

/// "U.S.", "e.g.", "i.e.", "U.K.", "a.m.": single letters each followed by a period,
/// at least two of them.
fn scan_dotted_acronym(text: &str, start: usize) -> Option<usize> {
    let mut end = start;
    let mut letters = 0;
    let mut chars = text[start..].chars();
    while let Some(letter) = chars.next() {
        if !letter.is_alphabetic() || is_unspaced(letter) || letters > MAX_ACRONYM_LETTERS {
            break;
        }
        if chars.next() != Some('.') {
            break;
        }
        letters += 1;
        end += letter.len_utf8() + 1;
    }
    if letters > MAX_ACRONYM_LETTERS {
        return None;
    }
    let next = text[end..].chars().next();
    (letters >= 2 && !next.is_some_and(is_word_char)).then_some(end)
}

/// A number: digits with inner `.,:/` between digits, then any letters ("5th", "1.2bn").
fn scan_number(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_number_char(c) {
            end = start + i + c.len_utf8();
        } else if matches!(c, '.' | ',' | ':' | '/') && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
            || is_thousands_space(c) && is_digit_group(&text[start + i + c.len_utf8()..])
        {
            continue;
        } else {
            break;
        }
    }
    let letters = text[end..].chars().take_while(|&c| c.is_alphabetic() && !is_unspaced(c)).map(char::len_utf8).sum::<usize>();
    if letters > 0 && letters <= 4 && !bytes.get(end + letters).is_some_and(|b| b.is_ascii_alphanumeric()) {
        end += letters;
    }
    end
}

/// Spaces that only ever group digits ("25 000" with a no-break or thin space).
fn is_thousands_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Exactly three digits, then no further digit.
fn is_digit_group(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit) && !bytes.get(3).is_some_and(u8::is_ascii_digit)
}

fn push_with_clitic(text: &str, tokens: &mut Vec<Token>, mut span: Span, kind: TokenKind) {
    // Most words have no apostrophe ('\'' or the '’' that starts with byte 0xE2): one
    // byte scan spares them the two searches below.
    let may_split = span.slice(text).bytes().any(|b| b == b'\'' || b == 0xE2);
    if kind == TokenKind::Word && may_split {
        if let Some(split) = elision_end(span.slice(text)) {
            push(text, tokens, Span::new(span.start, span.start + split), kind);
            span = Span::new(span.start + split, span.end);
        }
        if let Some(split) = clitic_start(span.slice(text)) {
            push(text, tokens, Span::new(span.start, span.start + split), kind);
            push(text, tokens, Span::new(span.start + split, span.end), kind);
            return;
        }
    }
    push(text, tokens, span, kind);
}

/// French and Italian articles, pronouns and prepositions that elide their vowel before
/// a word ("l'accord", "dell'anno"), lower case, without the apostrophe.
const ELISIONS: [&str; 20] = [
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "un", "dell", "all", "nell", "sull",
    "dall", "quest", "quell",
];

/// Whether `prefix` is one of the [`ELISIONS`], in any case.
fn is_elision(prefix: &str) -> bool {
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(prefix))
}

/// Where the word after a leading elision starts in `word`, if it has one ("l'accord"
/// → 2, "dell’anno" → 7): a token of its own, as a stopword of the language. Written
/// in capitals ("L'accord"), the word after it must be in lower case, so that names
/// ("D'Artagnan", "L'Oréal", "O'Brien") stay whole.
fn elision_end(word: &str) -> Option<usize> {
    let (index, apostrophe) = word.char_indices().find(|&(_, c)| is_apostrophe(c))?;
    let (prefix, rest) = (&word[..index], &word[index + apostrophe.len_utf8()..]);
    let first = rest.chars().next()?;
    let lower = prefix.chars().all(|c| c.is_ascii_lowercase());
    let capitalised = prefix.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && prefix.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && first.is_lowercase();
    let elides = (lower || capitalised) && is_elision(prefix);
    (elides && first.is_alphabetic()).then_some(index + apostrophe.len_utf8())
}

/// Where a trailing clitic starts in `word`, if it has one ("Iran's" → 4, "don't" → 2).
fn clitic_start(word: &str) -> Option<usize> {
    let (index, apostrophe) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let rest = &word[index + apostrophe.len_utf8()..];
    if !is_clitic(rest) || index == 0 {
        return None;
    }
    if rest.eq_ignore_ascii_case("t") {
        return word[..index].ends_with(['n', 'N']).then(|| index - 1).filter(|&i| i > 0);
    }
    Some(index)
}

fn is_clitic(rest: &str) -> bool {
    CLITICS.iter().any(|clitic| rest.eq_ignore_ascii_case(clitic))
}

/// "Jr.'s", "U.S.'s": a possessive right after a period, as one clitic token.
fn clitic_after_period(text: &str, start: usize, tokens: &[Token]) -> Option<usize> {
    let previous = tokens.last()?;
    if !previous.span.slice(text).ends_with('.') || previous.span.end != start {
        return None;
    }
    let after = start + text[start..].chars().next()?.len_utf8();
    let rest_len = text[after..].chars().take_while(|&c| is_word_char(c)).map(char::len_utf8).sum::<usize>();
    is_clitic(&text[after..after + rest_len]).then_some(after + rest_len)
}

/// Whether lower-casing leaves `c` as it is; a text made of such characters is its own
/// `to_lowercase` (the final-sigma rule only rewrites a capital sigma).
fn is_own_lowercase(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

fn push(text: &str, tokens: &mut Vec<Token>, span: Span, kind: TokenKind) {
    let raw = span.slice(text);
    // ASCII has no final sigma nor typographic apostrophe: lower-casing byte by byte is
    // what `to_lowercase` would do, without the allocation.
    let norm = if raw.is_ascii() {
        Norm::ascii_lowercase(raw)
    } else if raw.chars().all(|c| c != '’' && is_own_lowercase(c)) {
        Norm::from(raw)
    } else {
        Norm::from(raw.to_lowercase().replace('’', "'").as_str())
    };
    let capitalized = kind == TokenKind::Word && raw.chars().next().is_some_and(char::is_uppercase);
    tokens.push(Token { span, kind, norm, capitalized });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_punctuation_and_clitics() {
        assert_eq!(texts("Iran's minister didn’t go."), ["Iran", "'s", "minister", "did", "n’t", "go", "."]);
    }

    #[test]
    fn hyphenated_names_and_acronyms_stay_whole() {
        assert_eq!(texts("Qasim Al-Araji of the U.S. e.g. here"), ["Qasim", "Al-Araji", "of", "the", "U.S.", "e.g.", "here"]);
    }

    #[test]
    fn numbers_keep_inner_separators_and_units() {
        assert_eq!(texts("$1.2bn, 3.5% and 10:30 on the 5th"), ["$", "1.2bn", ",", "3.5", "%", "and", "10:30", "on", "the", "5th"]);
    }

    #[test]
    fn ellipsis_is_one_token() {
        assert_eq!(texts("Wait... what"), ["Wait", "...", "what"]);
    }

    #[test]
    fn emoji_sequences_and_cjk() {
        assert_eq!(texts("hi 👨‍👩‍👧 👍🏽 北京"), ["hi", "👨‍👩‍👧", "👍🏽", "北", "京"]);
    }

    #[test]
    fn possessive_after_a_period_is_a_clitic() {
        assert_eq!(texts("That is JFK Jr.'s book, the U.S.’s too."), ["That", "is", "JFK", "Jr", ".", "'s", "book", ",", "the", "U.S.", "’s", "too", "."]);
        assert_eq!(texts("the students' books"), ["the", "students", "'", "books"]);
    }

    #[test]
    fn punctuation_of_unspaced_scripts_is_punctuation() {
        let tokens = tokenize("မင်္ဂလာပါ။ សួស្តី។");
        let kinds: Vec<TokenKind> = tokens.iter().filter(|t| t.kind == TokenKind::Punct).map(|t| t.kind).collect();
        assert_eq!(kinds.len(), 2, "{tokens:?}");
    }

    #[test]
    fn combining_marks_stay_with_the_token_before() {
        assert_eq!(texts("1\u{FE0F}\u{20E3} go"), ["1\u{FE0F}\u{20E3}", "go"]);
    }

    #[test]
    fn digit_groups_joined_by_no_break_spaces_are_one_number() {
        assert_eq!(texts("25\u{A0}000 tonnes, 3\u{202F}500\u{202F}000 € et 12\u{A0}34"), [
            "25\u{A0}000", "tonnes", ",", "3\u{202F}500\u{202F}000", "€", "et", "12", "34"
        ]);
    }

    #[test]
    fn long_dotted_runs_tokenize_in_linear_time() {
        let text = "a.".repeat(200_000) + "b";
        let started = std::time::Instant::now();
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), 400_001);
        assert!(started.elapsed().as_secs() < 10, "help: tokenizing took {:?}", started.elapsed());
    }

    fn is_space(c: char) -> bool {
        c.is_whitespace() || c == '\u{FEFF}'
    }

    proptest::proptest! {
        #[test]
        fn tokens_and_whitespace_cover_the_text(text in "[ a-zA-Z0-9.'’\\-,:/@$\u{A0}\u{FE0F}\u{20E3}]{0,60}|(\\PC|\\n){0,60}") {
            let mut covered = 0;
            for token in tokenize(&text) {
                proptest::prop_assert!(token.span.start >= covered && token.span.end > token.span.start);
                proptest::prop_assert!(text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end));
                proptest::prop_assert!(text[covered..token.span.start].chars().all(is_space));
                covered = token.span.end;
            }
            proptest::prop_assert!(text[covered..].chars().all(is_space));
        }
    }

    #[test]
    fn french_and_italian_elisions_are_tokens_of_their_own_and_names_stay_whole() {
        assert_eq!(texts("L'accord d’Europe, qu'il dit jusqu'ici."), [
            "L'", "accord", "d’", "Europe", ",", "qu'", "il", "dit", "jusqu'", "ici", "."
        ]);
        assert_eq!(texts("dell'anno all'Italia"), ["dell'", "anno", "all'", "Italia"]);
        assert_eq!(texts("scesa all'1,2 per cento dall’8 marzo"), ["scesa", "all'", "1,2", "per", "cento", "dall’", "8", "marzo"]);
        assert_eq!(texts("SIGCOMM'04"), ["SIGCOMM'04"]);
        assert_eq!(texts("D'Artagnan met O'Brien at L'Oréal; I'd go, they'll see."), [
            "D'Artagnan", "met", "O'Brien", "at", "L'Oréal", ";", "I", "'d", "go", ",", "they", "'ll", "see", "."
        ]);
        assert_eq!(tokenize("l’homme")[0].norm, "l'");
    }

    #[test]
    fn norm_is_lowercase_with_plain_apostrophe() {
        let tokens = tokenize("O’Brien");
        assert_eq!(tokens[0].norm, "o'brien");
    }
}

//! E-mail and web addresses in the raw text (the tokenizer splits them into pieces):
//! the entity patterns label them, and the key phrases and terms leave their words out,
//! so both agree on what an address is. Each recognizer reads the bytes around one
//! position: an "@", or where a web address may start.

use crate::span::Span;

pub(crate) fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// The e-mail address whose "@" is at `at`, starting no earlier than `free`.
pub(crate) fn email(bytes: &[u8], at: usize, free: usize) -> Option<Span> {
    let mut start = at;
    while start > free && is_email_local(bytes[start - 1]) {
        start -= 1;
    }
    while start < at && !bytes[start].is_ascii_alphanumeric() {
        start += 1;
    }
    let mut end = at + 1;
    while end < bytes.len() && is_domain(bytes[end]) {
        end += 1;
    }
    while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
        end -= 1;
    }
    let domain = &bytes[at + 1..end];
    let last_label = domain.rsplit(|&b| b == b'.').next().unwrap_or_default();
    let valid = start < at
        && domain.contains(&b'.')
        && !domain.starts_with(b".")
        && last_label.len() >= 2
        && last_label.iter().all(u8::is_ascii_alphabetic);
    valid.then_some(Span::new(start, end))
}

/// Longest web address taken, in bytes.
const MAX_URL_BYTES: usize = 2048;

fn starts_with_ignore_case(bytes: &[u8], at: usize, prefix: &[u8]) -> bool {
    bytes.get(at..at + prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix))
}

/// The web address starting at `at` with "http://", "https://" or "www.", without the
/// sentence's closing punctuation.
pub(crate) fn url(bytes: &[u8], at: usize) -> Option<Span> {
    let body = if starts_with_ignore_case(bytes, at, b"https://") {
        at + 8
    } else if starts_with_ignore_case(bytes, at, b"http://") {
        at + 7
    } else if starts_with_ignore_case(bytes, at, b"www.") {
        at + 4
    } else {
        return None;
    };
    // Capped so that a failed match costs little when the next one starts inside it.
    let limit = bytes.len().min(body + MAX_URL_BYTES);
    let mut end = body;
    while end < limit && bytes[end].is_ascii_graphic() && !matches!(bytes[end], b'<' | b'>' | b'"' | b'\'' | b'`') {
        end += 1;
    }
    // Closing punctuation belongs to the sentence unless the address opened it.
    let count = |wanted: u8| bytes[body..end].iter().filter(|&&b| b == wanted).count();
    let (open_parens, mut close_parens, open_brackets, mut close_brackets) = (count(b'('), count(b')'), count(b'['), count(b']'));
    while let Some(&last) = bytes[body..end].last() {
        let trim = match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' => true,
            b')' if close_parens > open_parens => {
                close_parens -= 1;
                true
            }
            b']' if close_brackets > open_brackets => {
                close_brackets -= 1;
                true
            }
            _ => false,
        };
        if !trim {
            break;
        }
        end -= 1;
    }
    let host = bytes[body..end].split(|&b| b == b'/').next().unwrap_or_default();
    let needs_dot = bytes[at].eq_ignore_ascii_case(&b'w') && body == at + 4;
    let valid = !host.is_empty() && host.iter().any(u8::is_ascii_alphanumeric) && (!needs_dot || host.contains(&b'.'));
    valid.then_some(Span::new(at, end))
}

/// Whether a web address may start after the byte `previous` (not inside a word).
pub(crate) fn url_may_start(previous: Option<u8>) -> bool {
    !previous.is_some_and(|p| p.is_ascii_alphanumeric())
}

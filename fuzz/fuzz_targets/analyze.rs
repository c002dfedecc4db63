//! The full analysis with arbitrary options (in and out of range) and arbitrary text:
//! either a clear error or a result that keeps every promise of `textlens::invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::{analyze, invariants, Error, Options};

/// Sets one option from a chunk of fuzz input: which option, then a value that is often
/// small (in range or just out of it) and sometimes anything.
fn set(options: &mut Options, which: u8, raw: u32) {
    let count = if which & 0x80 != 0 { raw as usize } else { (raw % 300) as usize };
    match which % 7 {
        0 => options.keywords = count,
        1 => options.terms = count,
        2 => options.max_phrase_words = count,
        3 => options.summary_sentences = count,
        4 => {
            options.summary_ratio = match raw % 3 {
                0 => None,
                1 => Some(f64::from(raw) / 1000.0),
                _ => Some(f64::from_bits(u64::from(raw) << 32 | u64::from(raw))),
            }
        }
        5 => options.words_per_minute = count,
        _ => options.max_length = count,
    }
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(15));
    let mut options = Options::default();
    for c in head.chunks_exact(5) {
        set(&mut options, c[0], u32::from_le_bytes([c[1], c[2], c[3], c[4]]));
    }
    let text = String::from_utf8_lossy(body);
    let options = match options.validate() {
        Ok(()) => options,
        Err(Error::InvalidOption { .. }) => Options::default(),
        Err(other) => panic!("unexpected error for options: {other}"),
    };
    match analyze(&text, &options) {
        Ok(analysis) => {
            if let Err(problem) = invariants::check_analysis(&text, &analysis) {
                panic!("{problem}");
            }
            assert_eq!(analyze(&text, &options).ok(), Some(analysis), "not deterministic");
        }
        Err(Error::TooLong { .. }) => assert!(text.len() > options.max_length),
        Err(other) => panic!("unexpected error: {other}"),
    }
});

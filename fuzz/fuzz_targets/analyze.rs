//! The full analysis with arbitrary options (as JavaScript could pass them, in and out
//! of range) and arbitrary text: either a clear error or a result that keeps every
//! promise of `textlens::invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::options::OptionValue;
use textlens::{analyze, invariants, Error, Options};

const NAMES: [&str; 8] =
    ["keywords", "terms", "maxPhraseWords", "summarySentences", "summaryRatio", "wordsPerMinute", "maxLength", "bogus"];

fn value(byte: u8, raw: u32) -> OptionValue {
    match byte % 8 {
        0 => OptionValue::Absent,
        1 => OptionValue::Other("string"),
        2 => OptionValue::Number(f64::from_bits(u64::from(raw) << 32 | u64::from(raw))),
        3 => OptionValue::Number(f64::from(raw) / 1000.0),
        _ => OptionValue::Number(f64::from(raw % 300)),
    }
}

fuzz_target!(|data: &[u8]| {
    let (head, body) = data.split_at(data.len().min(15));
    let fields = head.chunks_exact(5).map(|c| {
        (NAMES[usize::from(c[0]) % NAMES.len()], value(c[0] >> 3, u32::from_le_bytes([c[1], c[2], c[3], c[4]])))
    });
    let text = String::from_utf8_lossy(body);
    let options = match Options::from_fields(fields) {
        Ok(options) => options,
        Err(Error::InvalidOption { .. } | Error::BadOptions(_)) => Options::default(),
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

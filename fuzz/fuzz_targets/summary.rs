//! The summary stage alone on arbitrary text: its part of the result keeps every
//! promise of `textlens::invariants`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::analysis::{analyze_parts, Parts};
use textlens::{invariants, Options};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = analyze_parts(&text, &Options::default(), Parts::SUMMARY).expect("default options accept any short text");
    if let Err(problem) = invariants::check_analysis(&text, &analysis) {
        panic!("{problem}");
    }
});

//! Tokenizing and sentence splitting on arbitrary text: tokens in order and in bounds,
//! sentences tiling every non-space character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textlens::{invariants, Document};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(problem) = invariants::check_document(&Document::new(&text)) {
        panic!("{problem}");
    }
});

//! Every language's name model read from `models/` and loaded, as the package loads a
//! text's model on first use: for the golden files and the native benchmark, which
//! show what a user of the package sees, and one at a time for the tests of loading by
//! need. Shared by `tests/golden.rs`, `tests/language_models.rs` and
//! `examples/bench_native.rs`.

use textlens::entities::model::registry;

/// Loads `models/ner-<code>.bin` for every language [`registry::loadable`] names.
#[allow(dead_code)] // tests/language_models.rs loads one language at a time.
pub fn load_language_models() {
    registry::loadable().for_each(load_model);
}

/// Loads `models/ner-<code>.bin` as the model of `code`.
pub fn load_model(code: &str) {
    let path = format!("{}/models/ner-{code}.bin", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (make model writes it)"));
    registry::load(code, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
}

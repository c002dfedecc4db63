//! Every language's name model read from `models/` and loaded, as the package loads a
//! text's model on first use: for the golden files and the native benchmark, which
//! show what a user of the package sees. Shared by `tests/golden.rs` and
//! `examples/bench_native.rs`.

use textlens::entities::model::registry;

/// Loads `models/ner-<code>.bin` for every language [`registry::loadable`] names.
pub fn load_language_models() {
    for code in registry::loadable() {
        let path = format!("{}/models/ner-{code}.bin", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e} (make model writes it)"));
        registry::load(code, &bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

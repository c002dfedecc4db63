//! Golden files: the full analysis of every text in `seeds/` must match
//! `tests/golden/NAME.json`. After an intended change, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff.
//!
//! Every shipped name model is loaded first, as the package loads them by need, so a
//! golden file shows what a user of the package sees for that text.

use serde_json::Value;
use std::fs;
use std::path::Path;
#[path = "support/models.rs"]
mod models;

use textlens::{analyze, Options};

/// Scores are compared to four decimals so that harmless float noise does not flap.
fn round_floats(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            let rounded = (n.as_f64().unwrap_or(0.0) * 10_000.0).round() / 10_000.0;
            *value = serde_json::json!(rounded);
        }
        Value::Array(items) => items.iter_mut().for_each(round_floats),
        Value::Object(map) => map.values_mut().for_each(round_floats),
        _ => {}
    }
}

#[test]
fn every_seed_matches_its_golden_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    models::load_language_models();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut seeds: Vec<_> = fs::read_dir(root.join("seeds"))
        .expect("seeds/ exists")
        .map(|entry| entry.expect("readable seeds/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "help: seeds/ holds no .txt files");
    let mut mismatches = Vec::new();
    for seed in &seeds {
        let text = fs::read_to_string(seed).expect("seed is UTF-8");
        let analysis = analyze(&text, &Options::default()).expect("seed analyses");
        let mut actual = serde_json::to_value(&analysis).expect("analysis serializes");
        round_floats(&mut actual);
        let name = seed.file_stem().and_then(|s| s.to_str()).expect("seed file name");
        let golden = root.join("tests/golden").join(format!("{name}.json"));
        if update {
            let json = serde_json::to_string_pretty(&actual).expect("json") + "\n";
            fs::write(&golden, json).expect("golden file writable");
            continue;
        }
        match fs::read_to_string(&golden) {
            Ok(expected) => {
                let expected: Value = serde_json::from_str(&expected).expect("golden file is JSON");
                if expected != actual {
                    mismatches.push(name.to_owned());
                }
            }
            Err(_) => mismatches.push(format!("{name} (no golden file)")),
        }
    }
    assert!(
        mismatches.is_empty(),
        "help: the analysis of {mismatches:?} differs from tests/golden/. If the change is intended, run \
         `UPDATE_GOLDEN=1 cargo test --test golden` and review `git diff tests/golden`."
    );
}

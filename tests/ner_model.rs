//! The shipped named-entity model on CoNLL-2003 dev, pasted as raw text: every
//! document goes through `Document::new` and the tagger, and predicted spans are
//! scored against the gold names as the data's README defines it.

// The scoring code is shared with examples/train_ner.rs, which uses the rest of it.
#[allow(dead_code)]
mod support {
    pub mod ner_eval;
}

use support::ner_eval::{evaluate, load, DATA_DIR};
use textlens::entities::model::Tagger;

/// Dev micro F1 over PER, LOC and ORG that the shipped model reached (92.70), less
/// one point: a change that loses more than that is a regression.
const MIN_MICRO_F1: f64 = 91.7;
/// Each of PER, LOC and ORG must stay above this.
const MIN_TYPE_F1: f64 = 85.0;

#[test]
fn dev_f1_of_the_shipped_model() {
    let path = format!("{DATA_DIR}/dev.jsonl");
    if !std::path::Path::new(&path).exists() {
        println!("skipped: ../shared/data not found");
        return;
    }
    let tagger = Tagger::builtin();
    assert!(!tagger.is_empty(), "models/ner.bin did not load");
    let report = evaluate(tagger, &load(&path));
    println!("CoNLL-2003 dev, raw text, exact spans:\n{}", report.table());
    let (_, _, micro) = report.micro().prf();
    assert!(micro >= MIN_MICRO_F1, "dev micro F1 {micro:.2} fell below {MIN_MICRO_F1}");
    for (name, counts) in ["PER", "LOC", "ORG"].iter().zip(report.per_type) {
        let (_, _, f) = counts.prf();
        assert!(f >= MIN_TYPE_F1, "{name} F1 {f:.2} fell below {MIN_TYPE_F1}");
    }
}

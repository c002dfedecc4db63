//! Trains the named-entity model on CoNLL-2003 train, scores it on dev as raw
//! documents, measures tagging speed and writes `models/ner.bin`.
//!
//! `cargo run --release --example train_ner --features train [-- EPOCHS]`; with
//! `-- --speed` it only scores and times the model already in `models/ner.bin`
//! (and lists its dev errors if `NER_ERRORS` is set).

#[path = "../tests/support/ner_eval.rs"]
mod ner_eval;

use ner_eval::{evaluate, kind_of, load, DATA_DIR};
use std::time::Instant;
use textlens::entities::model::train::{Settings, TrainDoc, Trainer};
use textlens::entities::model::Tagger;
use textlens::Document;

const MODEL_PATH: &str = "models/ner.bin";
const EPOCHS: usize = 10;

fn main() {
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("--speed") {
        let bytes = std::fs::read(MODEL_PATH).expect("reading the model");
        let tagger = Tagger::from_bytes(&bytes).expect("a valid model");
        let dev = load(&format!("{DATA_DIR}/dev.jsonl"));
        println!("dev, raw documents through Document::new, exact spans:\n{}", evaluate(&tagger, &dev).table());
        if std::env::var_os("NER_ERRORS").is_some() {
            println!("{}", ner_eval::errors(&tagger, &dev).join("\n"));
        }
        speed(&tagger, &dev);
        return;
    }
    let epochs = arg.and_then(|a| a.parse().ok()).unwrap_or(EPOCHS);
    let started = Instant::now();
    let train: Vec<TrainDoc> = load(&format!("{DATA_DIR}/train.jsonl"))
        .into_iter()
        .map(|d| TrainDoc {
            entities: d.entities.iter().filter_map(|(s, e, label)| Some((*s, *e, kind_of(label)?))).collect(),
            text: d.text,
        })
        .collect();
    let dev = load(&format!("{DATA_DIR}/dev.jsonl"));
    let mut settings = Settings::default();
    if let Some(b) = std::env::var("NER_BITS").ok().and_then(|v| v.parse().ok()) {
        settings.bits = b;
    }
    let mut trainer = Trainer::new(&train, settings);
    println!(
        "{} training sentences; alignment {:?}; features ready in {:.1}s",
        trainer.sentences(),
        trainer.alignment,
        started.elapsed().as_secs_f64()
    );
    for epoch in 1..=epochs {
        let errors = trainer.epoch();
        if epoch % 3 == 0 || epoch == epochs {
            let report = evaluate(&trainer.tagger(), &dev);
            let (p, r, f) = report.micro().prf();
            println!("epoch {epoch:2}: {errors} wrong sentences; dev micro P {p:.2} R {r:.2} F1 {f:.2}  [{:.1}s]", started.elapsed().as_secs_f64());
        } else {
            println!("epoch {epoch:2}: {errors} wrong sentences  [{:.1}s]", started.elapsed().as_secs_f64());
        }
    }
    let tagger = trainer.tagger();
    let bytes = tagger.to_bytes();
    std::fs::create_dir_all("models").expect("creating models/");
    std::fs::write(MODEL_PATH, &bytes).expect("writing the model");
    println!("trained in {:.1}s; wrote {MODEL_PATH}: {} bytes", started.elapsed().as_secs_f64(), bytes.len());

    let tagger = Tagger::from_bytes(&bytes).expect("the written model reads back");
    println!("dev, raw documents through Document::new, exact spans:\n{}", evaluate(&tagger, &dev).table());
    speed(&tagger, &dev);
}

/// Tagging speed on the dev texts joined and repeated, tagger and tokenizer apart.
fn speed(tagger: &Tagger, dev: &[ner_eval::GoldDoc]) {
    let corpus: String = dev.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n\n").repeat(8);
    // Best of five runs: the machine is shared, and other work only slows a run down.
    let document = Document::new(&corpus);
    let (mut found, mut tag_secs, mut doc_secs) = (0, f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        let start = Instant::now();
        found = tagger.mentions(&document).len();
        tag_secs = tag_secs.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        let _ = Document::new(&corpus);
        doc_secs = doc_secs.min(start.elapsed().as_secs_f64());
    }
    let mb = corpus.len() as f64 / 1e6;
    println!(
        "speed on {mb:.1} MB of dev text: tagger {:.1} MB/s ({found} names), tokenizer+segmenter {:.1} MB/s ({} tokens); model in memory {:.2} MB",
        mb / tag_secs,
        mb / doc_secs,
        document.tokens.len(),
        tagger.heap_bytes() as f64 / 1e6
    );
}

//! F1@5 / F1@10 of `key_phrases` on the keyphrase DEV sets in `../shared/data/keywords`.
//!
//! Run with `cargo run --release --example keyphrase_dev [DATASET...]`; a path to a text
//! file instead of a dataset name prints that text's terms and key phrases.
//!
//! The metric follows `../shared/data/keywords/README.md` (lower-case, split into `\w+`
//! tokens, stem, join; predictions de-duplicated after stemming; P@k = hits / min(k,
//! returned), R@k = hits / gold count; F1 per document, macro average), except that the
//! stemmer is `rust-stemmers` English (Snowball "Porter2"), an approximation of NLTK's
//! Porter stemmer used by the official scorer: numbers may differ slightly.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use std::time::Instant;
use textlens::keywords::key_phrases;
use textlens::Document;

const DATA: &str = "../shared/data/keywords";
const DATASETS: [&str; 3] = ["inspec", "semeval2010", "duc2001"];

fn normalize(stemmer: &Stemmer, phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    let words: Vec<String> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    words.join(" ")
}

#[derive(Default)]
struct Totals {
    docs: usize,
    f1: [f64; 2],
    p: [f64; 2],
    r: [f64; 2],
    bytes: usize,
}

fn evaluate(name: &str, stemmer: &Stemmer) -> Option<Totals> {
    let path = format!("{DATA}/{name}.dev.jsonl");
    let content = std::fs::read_to_string(&path).ok()?;
    let mut totals = Totals::default();
    let started = Instant::now();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let text = record["text"].as_str().unwrap_or("");
        let gold: HashSet<String> = record["keyphrases"]
            .as_array()
            .map(|a| {
                a.iter().filter_map(|g| g.as_str()).map(|g| normalize(stemmer, g)).filter(|g| !g.is_empty()).collect()
            })
            .unwrap_or_default();
        if gold.is_empty() {
            continue;
        }
        totals.bytes += text.len();
        let doc = Document::new(text);
        let mut seen = HashSet::new();
        let predicted: Vec<String> = key_phrases(&doc, 10, 4)
            .into_iter()
            .map(|k| normalize(stemmer, &k.text))
            .filter(|p| seen.insert(p.clone()))
            .collect();
        for (i, k) in [5usize, 10].into_iter().enumerate() {
            let top = &predicted[..predicted.len().min(k)];
            let hits = top.iter().filter(|p| gold.contains(*p)).count() as f64;
            let p = if top.is_empty() { 0.0 } else { hits / top.len() as f64 };
            let r = hits / gold.len() as f64;
            totals.p[i] += p;
            totals.r[i] += r;
            totals.f1[i] += if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        }
        totals.docs += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let n = totals.docs.max(1) as f64;
    println!(
        "{name:12} docs {:4}  P@5 {:5.2} R@5 {:5.2} F1@5 {:5.2}  P@10 {:5.2} R@10 {:5.2} F1@10 {:5.2}  ({:.1} MB/s)",
        totals.docs,
        100.0 * totals.p[0] / n,
        100.0 * totals.r[0] / n,
        100.0 * totals.f1[0] / n,
        100.0 * totals.p[1] / n,
        100.0 * totals.r[1] / n,
        100.0 * totals.f1[1] / n,
        totals.bytes as f64 / 1e6 / seconds.max(1e-9),
    );
    Some(totals)
}

/// Prints the terms and key phrases of one text.
fn show(text: &str) {
    let doc = Document::new(text);
    let terms = textlens::keywords::terms(&doc, 20);
    println!("terms: {}", terms.iter().map(|t| format!("{} ({})", t.term, t.count)).collect::<Vec<_>>().join(", "));
    for k in key_phrases(&doc, 15, 4) {
        println!("{:.3}  {:3}  {}", k.score, k.count, k.text);
    }
}

fn main() {
    let stemmer = Stemmer::create(Algorithm::English);
    let chosen: Vec<String> = std::env::args().skip(1).collect();
    let names: Vec<&str> =
        if chosen.is_empty() { DATASETS.to_vec() } else { chosen.iter().map(String::as_str).collect() };
    let mut found = false;
    for name in names {
        if let Ok(text) = std::fs::read_to_string(name) {
            show(&text);
            found = true;
            continue;
        }
        found |= evaluate(name, &stemmer).is_some();
    }
    if !found {
        println!("skipped: {DATA} not found");
    }
}

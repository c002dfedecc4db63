//! ROUGE of the extractive summary on the DEV sets in `../shared/data/summary`.
//!
//! `cargo run --release --example summary_dev`
//!
//! The official scorer is `rouge-score` (Python, Porter stemmer, stemming only tokens
//! longer than three characters). This is an approximation of it: lower-cased runs of
//! ASCII letters and digits, the Snowball English stemmer from `rust-stemmers` on the
//! same tokens, ROUGE-1 and ROUGE-2 F1 averaged over documents, x100. Expect it to
//! differ from the harness by a few tenths.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::path::Path;
use textlens::keywords::key_phrases;
use textlens::summary::{sentence_scores, summarize};
use textlens::Document;

fn tokens(text: &str, stemmer: &Stemmer) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| if t.len() > 3 { stemmer.stem(t).into_owned() } else { t.to_string() })
        .collect()
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

fn f1(candidate: &[String], reference: &[String], n: usize) -> f64 {
    let (c, r) = (ngrams(candidate, n), ngrams(reference, n));
    let overlap: usize = c.iter().map(|(g, &k)| k.min(r.get(g).copied().unwrap_or(0))).sum();
    let (c_total, r_total): (usize, usize) = (c.values().sum(), r.values().sum());
    if overlap == 0 || c_total == 0 || r_total == 0 {
        return 0.0;
    }
    let (p, rc) = (overlap as f64 / c_total as f64, overlap as f64 / r_total as f64);
    2.0 * p * rc / (p + rc)
}

/// Summary length: a fixed count, or the reference's sentence count.
enum Length {
    Fixed(usize),
    Matched,
}

fn evaluate(path: &Path, length: Length, stemmer: &Stemmer) -> Option<(f64, f64, f64, usize)> {
    let data = std::fs::read_to_string(path).ok()?;
    let (mut r1, mut r2, mut words, mut docs) = (0.0, 0.0, 0usize, 0usize);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).ok()?;
        let text = row["text"].as_str()?;
        let reference = row["reference"].as_str()?;
        let k = match length {
            Length::Fixed(k) => k,
            Length::Matched => row["n_ref_sentences"].as_u64()? as usize,
        };
        let doc = Document::new(text);
        let keywords = key_phrases(&doc, 10, 4);
        let scores = sentence_scores(&doc, &keywords);
        let picked = summarize(&doc, &scores, k.min(doc.sentences.len()));
        let summary: Vec<&str> = picked.iter().map(|s| s.span.slice(text)).collect();
        let candidate = tokens(&summary.join("\n"), stemmer);
        let reference = tokens(reference, stemmer);
        words += summary.iter().map(|s| s.split_whitespace().count()).sum::<usize>();
        r1 += f1(&candidate, &reference, 1);
        r2 += f1(&candidate, &reference, 2);
        docs += 1;
    }
    let n = docs.max(1) as f64;
    Some((100.0 * r1 / n, 100.0 * r2 / n, words as f64 / n, docs))
}

fn main() {
    let dir = Path::new("../shared/data/summary");
    if !dir.exists() {
        println!("skipped: ../shared/data not found");
        return;
    }
    let stemmer = Stemmer::create(Algorithm::English);
    let runs = [
        ("cnndm k=3", "cnndm.dev.jsonl", Length::Fixed(3)),
        ("bbc k=3", "bbc.dev.jsonl", Length::Fixed(3)),
        ("bbc k=matched", "bbc.dev.jsonl", Length::Matched),
    ];
    println!("{:<14} {:>5} {:>7} {:>7} {:>7}", "set", "docs", "R-1", "R-2", "words");
    for (name, file, length) in runs {
        match evaluate(&dir.join(file), length, &stemmer) {
            Some((r1, r2, words, docs)) => println!("{name:<14} {docs:>5} {r1:>7.2} {r2:>7.2} {words:>7.1}"),
            None => println!("{name:<14} unreadable: {file}"),
        }
    }
    println!("anchors (harness, ../shared/data/summary/README.md): cnndm k=3 Lead-3 41.50/18.01;");
    println!("  bbc k=3 TextRank 60.86/56.30, Lead-3 44.50/36.36; bbc matched TextRank 80.01/75.88");
}

//! Native speed of the same analysis the wasm package runs, so the wasm overhead is
//! visible next to `make bench`:
//! `cargo run --release --example bench_native [-- MB] [-- --text PATH ...]`.
//! Prints one JSON line: warm analyze() of the seed article, throughput per stage on the
//! first text (the seeds repeated to MB megabytes when no `--text` is given), and the
//! full analyze() time of every `--text` file, so `scripts/bench.mjs` can time the very
//! texts it gives the wasm package. Every language's name model is loaded first, as the
//! package loads a text's model on first use, so that both run the same tagger on a
//! German or Dutch text.
#[path = "../tests/support/models.rs"]
mod models;

use std::time::Instant;
use textlens::{analyze, analyze_parts, Options, Parts};

fn corpus(target: usize) -> String {
    let mut names: Vec<_> = std::fs::read_dir("seeds").expect("run from the repository root").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    names.sort();
    let texts: Vec<String> = names.iter().map(|p| std::fs::read_to_string(p).expect("UTF-8 seed")).collect();
    let mut out = String::new();
    let mut i = 0;
    while out.len() < target {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&texts[i % texts.len()]);
        i += 1;
    }
    out
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    median((0..runs).map(|_| {
        let t0 = Instant::now();
        f();
        t0.elapsed().as_secs_f64() * 1000.0
    }).collect())
}

fn main() {
    models::load_language_models();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut mb = 1.0;
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--text" {
            paths.push(rest.next().expect("--text needs a file path").clone());
        } else {
            mb = arg.parse().expect("the argument is megabytes of seed text, or --text PATH");
        }
    }
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).expect("--text file is UTF-8")).collect();
    let options = Options::default();
    let seed = std::fs::read_to_string("seeds/000_50d3d3b30f27bb10.txt").expect("seed article");
    for _ in 0..20 {
        analyze(&seed, &options).unwrap();
    }
    let warm = time(200, || { analyze(&seed, &options).unwrap(); });
    let big = texts.first().cloned().unwrap_or_else(|| corpus((mb * 1e6) as usize));
    let rate = |bytes: usize, ms: f64| bytes as f64 / 1e6 / (ms / 1000.0);
    let full = time(5, || { analyze(&big, &options).unwrap(); });
    let doc = time(5, || { textlens::Document::new(&big); });
    let keywords = time(5, || { analyze_parts(&big, &options, Parts::KEYWORDS).unwrap(); });
    let entities = time(5, || { analyze_parts(&big, &options, Parts::ENTITIES).unwrap(); });
    let summary = time(5, || { analyze_parts(&big, &options, Parts::SUMMARY).unwrap(); });
    // The texts take turns, round after round, so that load from other processes slows
    // them alike; texts over 2 MB get 3 runs instead of 5 to keep the benchmark short.
    let runs = |text: &String| if text.len() > 2_000_000 { 3 } else { 5 };
    let mut times: Vec<Vec<f64>> = texts.iter().map(|_| Vec::new()).collect();
    for round in 0..texts.iter().map(runs).max().unwrap_or(0) {
        for (text, times) in texts.iter().zip(&mut times) {
            if round < runs(text) {
                times.push(time(1, || { analyze(text, &options).unwrap(); }));
            }
        }
    }
    let timed: Vec<String> = texts.iter().zip(times).map(|(text, times)| {
        let ms = median(times);
        format!("{{\"bytes\":{},\"ms\":{ms:.3},\"mbPerS\":{:.2}}}", text.len(), rate(text.len(), ms))
    }).collect();
    println!(
        "{{\"warmSeedMs\":{warm:.3},\"bytes\":{},\"analyzeMbPerS\":{:.2},\"documentMbPerS\":{:.2},\"keywordsMbPerS\":{:.2},\"entitiesMbPerS\":{:.2},\"summaryMbPerS\":{:.2},\"texts\":[{}]}}",
        big.len(), rate(big.len(), full), rate(big.len(), doc), rate(big.len(), keywords), rate(big.len(), entities), rate(big.len(), summary), timed.join(",")
    );
}

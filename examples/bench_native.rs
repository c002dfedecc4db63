//! Native speed of the same analysis the wasm package runs, so the wasm overhead is
//! visible next to `make bench`: `cargo run --release --example bench_native [-- MB]`.
//! Prints one JSON line: warm analyze() of the seed article and throughput per stage.
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
    let mb: f64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let options = Options::default();
    let seed = std::fs::read_to_string("seeds/000_50d3d3b30f27bb10.txt").expect("seed article");
    for _ in 0..20 {
        analyze(&seed, &options).unwrap();
    }
    let warm = time(200, || { analyze(&seed, &options).unwrap(); });
    let big = corpus((mb * 1e6) as usize);
    let rate = |ms: f64| big.len() as f64 / 1e6 / (ms / 1000.0);
    let full = time(5, || { analyze(&big, &options).unwrap(); });
    let doc = time(5, || { textlens::Document::new(&big); });
    let keywords = time(5, || { analyze_parts(&big, &options, Parts::KEYWORDS).unwrap(); });
    let entities = time(5, || { analyze_parts(&big, &options, Parts::ENTITIES).unwrap(); });
    let summary = time(5, || { analyze_parts(&big, &options, Parts::SUMMARY).unwrap(); });
    println!(
        "{{\"warmSeedMs\":{warm:.3},\"bytes\":{},\"analyzeMbPerS\":{:.2},\"documentMbPerS\":{:.2},\"keywordsMbPerS\":{:.2},\"entitiesMbPerS\":{:.2},\"summaryMbPerS\":{:.2}}}",
        big.len(), rate(full), rate(doc), rate(keywords), rate(entities), rate(summary)
    );
}

//! Fits the logistic model that turns what the entity stage knows of a name (the
//! tagger's margin, where the name came from, its type, length and casing, whether the
//! text is a post) into a confidence, on the dev parts of one language's sets. For
//! English (the five English sets) it writes the weights to
//! `src/entities/calibration.rs`; for another language it adds them to that
//! language's model file, `models/ner-<language>.bin`, which carries them when it is
//! loaded by need. `make model` runs it after training, so the weights always belong
//! to the model that ships.
//!
//! `cargo run --release --example calibrate_ner --features train [-- LANGUAGE]`
//! (`en`, the default, `es`, `nl`, `de` or `fr`); it prints the
//! expected calibration error (10 equal bins) of every set, in-sample and with the
//! weights fitted on the other half of the documents. With `NER_CALIBRATION_SAMPLES`
//! set to a path, it also writes every name's set, document, rightness and inputs
//! there (byte span included), one tab-separated line each, for study.

#[allow(dead_code)]
#[path = "../tests/support/ner_eval.rs"]
mod ner_eval;
#[allow(dead_code)]
#[path = "../tests/support/ner_sets.rs"]
mod ner_sets;

use ner_eval::{gold_spans, load, snap, GoldDoc};
use ner_sets::{sets_of, Set};
use std::collections::BTreeSet;
use textlens::entities::confidence::{Features, FEATURES, MARGIN_STEPS};
use textlens::entities::model::Tagger;
use textlens::{Document, Label};

const OUTPUT: &str = "src/entities/calibration.rs";

/// Strength of the L2 penalty on the weights (the bias included), per sample of total
/// weight: it keeps the weight of an input few names have (an abbreviation) near 0.
const PENALTY: f64 = 1.0;

/// One name the entity stage found: which set and document, its inputs, whether it is
/// right (exact span and type, as `scripts/eval.py` scores it).
struct Sample {
    set: usize,
    doc: usize,
    /// Byte span of the name in the document.
    span: (usize, usize),
    x: [f64; FEATURES],
    right: bool,
}

fn main() {
    let language = std::env::args().nth(1).unwrap_or_else(|| "en".to_owned());
    let Some(sets) = sets_of(&language) else { panic!("no named-entity sets for language {language:?}") };
    let english = language == "en";
    let model_path = format!("models/ner-{language}.bin");
    let tagger = match english {
        true => Tagger::builtin().expect("models/ner.bin decodes").clone(),
        false => Tagger::from_bytes(&std::fs::read(&model_path).unwrap_or_else(|e| panic!("reading {model_path}: {e}"))).expect("a valid model"),
    };
    let mut samples = Vec::new();
    for (set, info) in sets.iter().enumerate() {
        let docs = load(&info.path("dev"));
        let before = samples.len();
        for (d, doc) in docs.iter().enumerate() {
            samples.extend(samples_of(doc, &tagger, &language).into_iter().map(|(span, x, right)| Sample { set, doc: d, span, x, right }));
        }
        // What the entity stage scores (scripts/eval.py scores the same through the CLI).
        let found = &samples[before..];
        let (right, gold) = (found.iter().filter(|s| s.right).count() as f64, docs.iter().map(|d| gold_spans(d).iter().filter(|g| g.2 < 3).count()).sum::<usize>() as f64);
        let (p, r) = (right / found.len().max(1) as f64, right / gold.max(1.0));
        println!("{}: micro F1 of the entity stage {:.2} (P {:.2}, R {:.2})", info.name, 200.0 * p * r / (p + r).max(f64::EPSILON), 100.0 * p, 100.0 * r);
    }
    // The main set (news; GermEval for German) and the others weigh the same, so that
    // neither's calibration is traded for the other's.
    let main = samples.iter().filter(|s| s.set == 0).count() as f64;
    let others = samples.len() as f64 - main;
    let share = if others == 0.0 { 1.0 } else { 0.5 };
    let weight = |s: &Sample| if s.set == 0 { share / main } else { 0.5 / others };
    let all: Vec<&Sample> = samples.iter().collect();
    let weights = fit(&all, weight);
    println!("names: {} {main}, others {others}", sets[0].name);
    println!("ECE (10 bins), in-sample | fitted on the other half of the documents:");
    let halves: [Vec<&Sample>; 2] = [0, 1].map(|h| samples.iter().filter(|s| s.doc % 2 == h).collect());
    let crossed = [fit(&halves[1], weight), fit(&halves[0], weight)];
    let held_out = |keep: &dyn Fn(&Sample) -> bool| -> Vec<(f64, bool)> {
        halves.iter().zip(&crossed).flat_map(|(half, w)| half.iter().filter(|s| keep(s)).map(|s| (Features(s.x).probability(w), s.right)).collect::<Vec<_>>()).collect()
    };
    let in_sample = |keep: &dyn Fn(&Sample) -> bool| -> Vec<(f64, bool)> {
        samples.iter().filter(|s| keep(s)).map(|s| (Features(s.x).probability(&weights), s.right)).collect()
    };
    for (set, info) in sets.iter().enumerate() {
        let keep = |s: &Sample| s.set == set;
        println!("  {:8} {:.4} | {:.4}  ({} names)", info.name, ece(&in_sample(&keep)), ece(&held_out(&keep)), in_sample(&keep).len());
    }
    let others = |s: &Sample| s.set != 0;
    if sets.len() > 2 {
        println!("  {:8} {:.4} | {:.4}", "others", ece(&in_sample(&others)), ece(&held_out(&others)));
    }
    if let Ok(path) = std::env::var("NER_CALIBRATION_SAMPLES") {
        let lines: Vec<String> = samples
            .iter()
            .map(|s| format!("{}\t{}\t{}\t{}\t{}\t{}", sets[s.set].name, s.doc, s.span.0, s.span.1, u8::from(s.right), s.x.map(|x| x.to_string()).join("\t")))
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("writing the samples");
    }
    write(sets, english, &model_path, tagger, &weights);
}

/// Writes the `weights`: to [`OUTPUT`] for English, else into the model file at `path`.
fn write(sets: &[Set], english: bool, path: &str, tagger: Tagger, weights: &[f64; FEATURES]) {
    if english {
        std::fs::write(OUTPUT, source(weights)).expect("writing the weights");
        println!("wrote {OUTPUT}");
    } else {
        let bytes = tagger.with_calibration(*weights).to_bytes();
        std::fs::write(path, &bytes).expect("writing the model");
        println!("wrote the calibration of {} into {path}: {} bytes", sets[0].name, bytes.len());
    }
}

/// The inputs of every PER, LOC and ORG name the entity stage finds in `doc` with
/// `tagger` (and the rules, in English text), `language` being the text's, and whether
/// each is right.
fn samples_of(doc: &GoldDoc, tagger: &Tagger, language: &str) -> Vec<((usize, usize), [f64; FEATURES], bool)> {
    let gold = gold_spans(doc);
    let (entities, features) = textlens::entities::calibration_inputs(&Document::new(&doc.text), tagger, language);
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (entity, x) in entities.entities.iter().zip(features) {
        let t = match entity.label {
            Label::Person => 0,
            Label::Location => 1,
            Label::Org => 2,
            _ => continue,
        };
        let (Some(x), Some((a, b))) = (x, snap(doc, entity.span.start, entity.span.end)) else { continue };
        // The scorer counts a span and type once.
        if seen.insert((a, b, t)) {
            out.push(((entity.span.start, entity.span.end), x.0, gold.contains(&(a, b, t))));
        }
    }
    out
}

/// Weights of the logistic model that best fits `samples` (each weighing `weight`),
/// by Newton's method with an L2 penalty. A larger margin never lowers the confidence:
/// a margin step whose weight (what it adds) comes out negative is held at 0 and the
/// rest refitted, until none is (on the dev sets, step 64–128 alone: 41 of its 43
/// names are right, but its 2 wrong ones are in the lighter-weighted other sets).
fn fit(samples: &[&Sample], weight: impl Fn(&Sample) -> f64) -> [f64; FEATURES] {
    let mut held = [false; FEATURES];
    loop {
        let w = fit_holding(samples, &weight, &held);
        let falling: Vec<usize> = (1..MARGIN_STEPS).filter(|&i| w[i] < 0.0).collect();
        if falling.is_empty() {
            return w;
        }
        for i in falling {
            held[i] = true;
        }
    }
}

/// [`fit`] with the weights of the `held` inputs fixed at 0.
fn fit_holding(samples: &[&Sample], weight: &impl Fn(&Sample) -> f64, held: &[bool; FEATURES]) -> [f64; FEATURES] {
    let total: f64 = samples.iter().map(|s| weight(s)).sum();
    let penalty = PENALTY / samples.len().max(1) as f64 * total;
    let mut w = [0.0; FEATURES];
    for _ in 0..30 {
        let mut gradient = [0.0; FEATURES];
        let mut hessian = [[0.0; FEATURES]; FEATURES];
        for s in samples {
            let p = Features(s.x).probability(&w);
            let (c, y) = (weight(s), f64::from(u8::from(s.right)));
            for i in 0..FEATURES {
                gradient[i] += c * (p - y) * s.x[i];
                for j in 0..FEATURES {
                    hessian[i][j] += c * p * (1.0 - p) * s.x[i] * s.x[j];
                }
            }
        }
        for i in 0..FEATURES {
            gradient[i] += penalty * w[i];
            hessian[i][i] += penalty;
            // A held weight neither moves nor moves the others.
            if held[i] {
                gradient[i] = 0.0;
                for j in 0..FEATURES {
                    hessian[i][j] = 0.0;
                    hessian[j][i] = 0.0;
                }
                hessian[i][i] = 1.0;
            }
        }
        let step = solve(hessian, gradient);
        for (wi, si) in w.iter_mut().zip(step) {
            *wi -= si;
        }
    }
    w
}

/// `x` with `a x = b`, by Gaussian elimination with partial pivoting (`a` is positive
/// definite here, thanks to the penalty).
fn solve(mut a: [[f64; FEATURES]; FEATURES], mut b: [f64; FEATURES]) -> [f64; FEATURES] {
    for col in 0..FEATURES {
        let pivot = (col..FEATURES).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())).unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..FEATURES {
            let f = a[row][col] / a[col][col];
            for k in col..FEATURES {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; FEATURES];
    for row in (0..FEATURES).rev() {
        let rest: f64 = (row + 1..FEATURES).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    x
}

/// Expected calibration error over 10 equal-width bins of (confidence, right) pairs,
/// as `scripts/eval.py` computes it (confidences rounded as the analysis rounds them).
fn ece(pairs: &[(f64, bool)]) -> f64 {
    let mut bins = [(0.0, 0.0, 0usize); 10];
    for &(p, right) in pairs {
        let p = (p * 1000.0).round() / 1000.0;
        let bin = &mut bins[((p * 10.0) as usize).min(9)];
        bin.0 += p;
        bin.1 += f64::from(u8::from(right));
        bin.2 += 1;
    }
    let total: f64 = bins.iter().map(|&(c, r, n)| if n == 0 { 0.0 } else { (c - r).abs() }).sum();
    total / pairs.len().max(1) as f64
}

/// The generated source of `src/entities/calibration.rs`.
fn source(weights: &[f64; FEATURES]) -> String {
    let values: Vec<String> = weights.iter().map(|w| format!("{w:.6}")).collect();
    format!(
        "//! Generated by `make model` (`examples/calibrate_ner.rs`): do not edit.\n//!\n//! The weights of the logistic model of [`super::confidence`], in the order of\n//! [`super::confidence::Features::of`] (a length other than `FEATURES` does not compile\n//! there); it imports nothing, so that it depends on no module that uses it.\n\n/// The weights, one per input.\n#[rustfmt::skip]\npub(super) const WEIGHTS: [f64; {}] = [{}];\n",
        FEATURES,
        values.join(", ")
    )
}

//! CoNLL-style scoring of the named-entity tagger on raw documents with gold offsets,
//! as the evaluation data's README defines it; shared by `tests/ner_model.rs` and
//! `examples/train_ner.rs` (each uses part of it).

use serde_json::Value;
use std::collections::BTreeSet;
use textlens::entities::model::{Kind, Tagger};
use textlens::{Document, Span};

/// Types scored, in report order; the headline is the micro average of the first three.
pub const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// One document: raw text (offsets converted to bytes), gold tokens and gold names.
pub struct GoldDoc {
    /// The document's id in its set ("re3d-CENTCOM-…").
    pub id: String,
    /// Raw text.
    pub text: String,
    /// Gold tokens as byte ranges.
    pub tokens: Vec<(usize, usize)>,
    /// Gold names: byte range and type ("PER", "LOC", "ORG", "MISC").
    pub entities: Vec<(usize, usize, String)>,
}

/// Byte offset of every UTF-16 offset of `text` (one more entry than UTF-16 units).
fn utf16_to_byte(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (byte, c) in text.char_indices() {
        for _ in 0..c.len_utf16() {
            map.push(byte);
        }
    }
    map.push(text.len());
    map
}

/// Reads a `.jsonl` file of documents.
pub fn load(path: &str) -> Vec<GoldDoc> {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("a JSON document per line");
            let text = v["text"].as_str().expect("text").to_owned();
            let map = utf16_to_byte(&text);
            let at = |x: &Value| map[x.as_u64().expect("offset") as usize];
            let tokens = v["tokens"].as_array().expect("tokens").iter().map(|t| (at(&t[0]), at(&t[1]))).collect();
            let entities = v["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|e| (at(&e["start"]), at(&e["end"]), e["label"].as_str().expect("label").to_owned()))
                .collect();
            let id = v["id"].as_str().unwrap_or_default().to_owned();
            GoldDoc { id, text, tokens, entities }
        })
        .collect()
}

/// The CoNLL type name of a kind.
pub fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "PER",
        Kind::Location => "LOC",
        Kind::Org => "ORG",
        Kind::Misc => "MISC",
    }
}

/// The kind of a CoNLL type name.
pub fn kind_of(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|&k| type_name(k) == name)
}

/// True positives, predictions and gold names of one type.
#[derive(Clone, Copy, Default, Debug)]
pub struct Counts {
    /// Exact matches.
    pub tp: usize,
    /// Predictions.
    pub pred: usize,
    /// Gold names.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1, in percent.
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred == 0 { 0.0 } else { 100.0 * self.tp as f64 / self.pred as f64 };
        let r = if self.gold == 0 { 0.0 } else { 100.0 * self.tp as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.pred += other.pred;
        self.gold += other.gold;
    }
}

/// Scores of a run, per type in [`TYPES`] order.
#[derive(Clone, Default, Debug)]
pub struct Report {
    /// Counts per type.
    pub per_type: [Counts; 4],
}

impl Report {
    /// Micro average over PER, LOC and ORG.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for c in &self.per_type[..3] {
            total.add(*c);
        }
        total
    }

    /// A printable table.
    pub fn table(&self) -> String {
        let mut out = String::from("type      P      R      F1   (tp/pred/gold)\n");
        let mut line = |name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            out.push_str(&format!("{name:<5} {p:6.2} {r:6.2} {f:6.2}   ({}/{}/{})\n", c.tp, c.pred, c.gold));
        };
        for (name, c) in TYPES.iter().zip(self.per_type) {
            line(name, c);
        }
        line("micro", self.micro());
        out
    }
}

/// Whether a gold token is trimmed from span edges: pure punctuation or a possessive.
fn trimmable(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_punctuation()) || text.eq_ignore_ascii_case("'s")
}

/// A span snapped to gold tokens and trimmed: first and last token, if any remain.
pub fn snap(doc: &GoldDoc, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut first = doc.tokens.partition_point(|t| t.1 <= start);
    let mut last = doc.tokens.partition_point(|t| t.0 < end);
    let token = |i: usize| &doc.text[doc.tokens[i].0..doc.tokens[i].1];
    while first < last && trimmable(token(first)) {
        first += 1;
    }
    while first < last && trimmable(token(last - 1)) {
        last -= 1;
    }
    (first < last).then(|| (first, last - 1))
}

/// Tags every document and scores the result.
pub fn evaluate(tagger: &Tagger, docs: &[GoldDoc]) -> Report {
    evaluate_with(docs, |document| tagger.mentions(document).into_iter().map(|m| (m.span, m.kind as usize)).collect())
}

/// The gold PER/LOC/ORG names of `doc` as (start, end, index into [`TYPES`]), snapped to
/// token boundaries.
pub fn gold_spans(doc: &GoldDoc) -> BTreeSet<(usize, usize, usize)> {
    doc
        .entities
        .iter()
        .filter_map(|(s, e, label)| {
            let t = TYPES.iter().position(|x| x == label)?;
            let (a, b) = snap(doc, *s, *e)?;
            Some((a, b, t))
        })
        .collect()
}

/// Scores any recogniser: `predict` returns byte spans with an index into [`TYPES`].
pub fn evaluate_with(docs: &[GoldDoc], predict: impl Fn(&Document) -> Vec<(Span, usize)>) -> Report {
    let mut report = Report::default();
    for doc in docs {
        let gold = gold_spans(doc);
        let document = Document::new(&doc.text);
        let mut pred: BTreeSet<(usize, usize, usize)> = BTreeSet::new();
        let mut unsnapped = [0usize; 4];
        for (span, t) in predict(&document) {
            match snap(doc, span.start, span.end) {
                Some((a, b)) => {
                    pred.insert((a, b, t));
                }
                None => unsnapped[t] += 1,
            }
        }
        for (t, c) in report.per_type.iter_mut().enumerate() {
            c.gold += gold.iter().filter(|g| g.2 == t).count();
            c.pred += pred.iter().filter(|p| p.2 == t).count() + unsnapped[t];
            c.tp += pred.iter().filter(|p| p.2 == t && gold.contains(p)).count();
        }
    }
    report
}

/// Every prediction that does not match a gold name and every gold name missed, as
/// `+ TYPE text` (false positive) and `- TYPE text` (missed) lines with context.
pub fn errors(tagger: &Tagger, docs: &[GoldDoc]) -> Vec<String> {
    let mut lines = Vec::new();
    for doc in docs {
        let document = Document::new(&doc.text);
        let snapped = |s: usize, e: usize| snap(doc, s, e);
        let gold: BTreeSet<(usize, usize, usize)> = doc
            .entities
            .iter()
            .filter_map(|(s, e, label)| Some((snapped(*s, *e)?, TYPES.iter().position(|x| x == label)?)))
            .map(|((a, b), t)| (a, b, t))
            .collect();
        let pred: BTreeSet<(usize, usize, usize)> =
            tagger.mentions(&document).iter().filter_map(|m| snapped(m.span.start, m.span.end).map(|(a, b)| (a, b, m.kind as usize))).collect();
        let show = |sign: char, &(a, b, t): &(usize, usize, usize)| {
            let (s, e) = (doc.tokens[a].0, doc.tokens[b].1);
            let line_start = doc.text[..s].rfind('\n').map_or(0, |i| i + 1);
            let line_end = doc.text[e..].find('\n').map_or(doc.text.len(), |i| e + i);
            format!("{sign} {:<4} {:<30} | {}", TYPES[t], &doc.text[s..e], &doc.text[line_start..line_end])
        };
        lines.extend(pred.difference(&gold).map(|p| show('+', p)));
        lines.extend(gold.difference(&pred).map(|g| show('-', g)));
    }
    lines
}

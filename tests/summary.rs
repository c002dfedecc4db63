//! The summary of the sample article every user tries first.

use textlens::summary::{sentence_scores, summarize};
use textlens::{analyze, Document, Options};

const SEED: &str = include_str!("../seeds/000_50d3d3b30f27bb10.txt");

#[test]
fn one_score_per_sentence_in_unit_range_with_max_one() {
    let doc = Document::new(SEED);
    let scores = sentence_scores(&doc, &[]);
    assert_eq!(scores.len(), doc.sentences.len());
    assert!(doc.sentences.len() > 5);
    assert!(scores.iter().all(|s| s.is_finite() && (0.0..=1.0).contains(s)), "{scores:?}");
    assert_eq!(scores.iter().copied().fold(f64::MIN, f64::max), 1.0);
    // A heat map needs contrast: not every sentence is equally important.
    assert!(scores.iter().any(|&s| s < 0.5), "{scores:?}");
}

#[test]
fn summary_of_three_is_in_document_order_and_deterministic() {
    let doc = Document::new(SEED);
    let scores = sentence_scores(&doc, &[]);
    let summary = summarize(&doc, &scores, 3);
    assert_eq!(summary.len(), 3);
    assert!(summary.windows(2).all(|w| w[0].index < w[1].index));
    for picked in &summary {
        let sentence = &doc.sentences[picked.index];
        assert_eq!(picked.span, sentence.span);
        assert_eq!(picked.text, doc.slice(sentence.span));
        assert_eq!(picked.score, scores[picked.index]);
    }
    // The headline is a fragment, not a summary sentence.
    assert!(summary.iter().all(|s| s.index != 0), "{summary:?}");
    let again = Document::new(SEED);
    assert_eq!(summarize(&again, &sentence_scores(&again, &[]), 3), summary);
}

#[test]
fn summary_prefers_high_scores() {
    let doc = Document::new(SEED);
    let scores = sentence_scores(&doc, &[]);
    let summary = summarize(&doc, &scores, 3);
    let best = scores.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0))).map(|(i, _)| i);
    assert!(summary.iter().any(|s| Some(s.index) == best));
    let lowest_picked = summary.iter().map(|s| s.score).fold(f64::MAX, f64::min);
    let median = {
        let mut sorted = scores.clone();
        sorted.sort_by(f64::total_cmp);
        sorted[sorted.len() / 2]
    };
    assert!(lowest_picked >= median, "{lowest_picked} < {median}");
}

#[test]
fn summary_length_edge_cases() {
    let doc = Document::new(SEED);
    let scores = sentence_scores(&doc, &[]);
    assert!(summarize(&doc, &scores, 0).is_empty());
    let all = summarize(&doc, &scores, doc.sentences.len() + 10);
    assert_eq!(all.len(), doc.sentences.len());
    assert!(all.iter().enumerate().all(|(i, s)| s.index == i));
    let empty = Document::new("");
    assert!(sentence_scores(&empty, &[]).is_empty());
    assert!(summarize(&empty, &[], 3).is_empty());
}

#[test]
fn analysis_summary_matches_options() {
    let options = Options { summary_sentences: 2, ..Options::default() };
    let analysis = analyze(SEED, &options).unwrap();
    assert_eq!(analysis.summary.len(), 2);
    let ratio = Options { summary_ratio: Some(1.0), ..Options::default() };
    let analysis = analyze(SEED, &ratio).unwrap();
    assert_eq!(analysis.summary.len(), analysis.sentences.len());
}

proptest::proptest! {
    #[test]
    fn any_text_gets_valid_scores_and_summary(text in "(\\PC|[ \\n.!?'’\"]){0,300}", count in 0usize..8) {
        let doc = Document::new(&text);
        let scores = sentence_scores(&doc, &[]);
        proptest::prop_assert_eq!(scores.len(), doc.sentences.len());
        proptest::prop_assert!(scores.iter().all(|s| s.is_finite() && (0.0..=1.0).contains(s)));
        if !scores.is_empty() {
            proptest::prop_assert_eq!(scores.iter().copied().fold(0.0, f64::max), 1.0);
        }
        let summary = summarize(&doc, &scores, count);
        // Fewer where a letter's greeting or sign-off is left out, but never none.
        proptest::prop_assert!(summary.len() <= count.min(doc.sentences.len()));
        proptest::prop_assert_eq!(summary.is_empty(), count == 0 || doc.sentences.is_empty());
        proptest::prop_assert!(summary.windows(2).all(|w| w[0].index < w[1].index));
        let stats = textlens::stats::compute(&doc, textlens::language::detect(&doc), 230);
        proptest::prop_assert_eq!(stats.sentences, doc.sentences.len());
    }
}

//! Sentence segmentation of the seed article. The dev benchmarks (Golden Rules, UD
//! boundary F1) are scored by `make eval` (scripts/eval.py) through the CLI, and held
//! to their thresholds by `make test`.

use textlens::Document;

fn sentence_texts(text: &str) -> Vec<&str> {
    Document::new(text).sentences.iter().map(|s| s.span.slice(text)).collect()
}

#[test]
fn seed_article_has_headline_plus_sixteen_sentences() {
    let text = std::fs::read_to_string("seeds/000_50d3d3b30f27bb10.txt").expect("seed article is in the repository");
    let found = sentence_texts(&text);
    assert_eq!(found.len(), 17, "{found:#?}");
    assert_eq!(found[0], "Iran Calls on Iraq's Kurdistan to Counter Terror Groups");
    assert_eq!(
        found[16],
        "They threatened the Americans that their bases in the region should also be abolished and not be used as an anti-revolutionary center."
    );
    assert!(found[15].starts_with("Military officials warn of Tehran’s continued attacks"));
}

//! Property tests: whatever the text, every span of the result is in bounds, on
//! character boundaries and slices back to the text it reports; sentences tile the
//! text; the summary is a subset of the sentences; scores are finite; output is
//! deterministic; the UTF-16 conversion keeps every slice equal.

use proptest::prelude::*;
use textlens::{analyze, Analysis, Options, Span};

fn utf16_slice(units: &[u16], span: Span) -> String {
    String::from_utf16_lossy(&units[span.start..span.end])
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what}: span {span:?} out of bounds of {} bytes", text.len());
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{what}: span {span:?} not on char boundaries");
}

fn check(text: &str) {
    let options = Options::default();
    let analysis = analyze(text, &options).expect("help: analyze must accept any text within maxLength");

    let mut previous_end = 0;
    for sentence in &analysis.sentences {
        check_span(text, sentence.span, "sentence");
        assert!(sentence.span.start >= previous_end, "help: sentences overlap or are out of order at {:?}", sentence.span);
        let gap = &text[previous_end..sentence.span.start];
        assert!(gap.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}'), "help: non-space text {gap:?} lies in no sentence");
        assert!(sentence.score.is_finite() && (0.0..=1.0).contains(&sentence.score), "sentence score {}", sentence.score);
        previous_end = sentence.span.end;
    }
    let tail = &text[previous_end..];
    assert!(tail.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}'), "help: trailing text {tail:?} lies in no sentence");

    for entity in &analysis.entities {
        check_span(text, entity.span, "entity");
        assert_eq!(entity.span.slice(text), entity.text, "help: entity text must equal its slice");
        assert!(entity.group < analysis.entity_groups.len(), "entity group index out of range");
    }
    for group in &analysis.entity_groups {
        assert_eq!(group.count, group.mentions.len());
        group.mentions.iter().for_each(|&m| check_span(text, m, "entity group mention"));
    }
    for keyword in &analysis.keywords {
        assert!(keyword.score.is_finite(), "keyword score");
        keyword.occurrences.iter().for_each(|&o| check_span(text, o, "keyword occurrence"));
    }
    let sentence_spans: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
    let mut previous_index = None;
    for chosen in &analysis.summary {
        check_span(text, chosen.span, "summary sentence");
        assert_eq!(chosen.span.slice(text), chosen.text);
        assert_eq!(sentence_spans.get(chosen.index), Some(&chosen.span), "help: summary sentence must be one of the sentences");
        assert!(previous_index < Some(chosen.index), "help: summary must be in document order");
        assert!(chosen.score.is_finite());
        previous_index = Some(chosen.index);
    }
    assert!(analysis.stats.average_sentence_length.is_finite());

    assert_eq!(analyze(text, &options).unwrap(), analysis, "help: output must be deterministic");
    check_utf16(text, &analysis);
}

fn check_utf16(text: &str, analysis: &Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let converted = analysis.clone().into_utf16(text);
    for (entity, original) in converted.entities.iter().zip(&analysis.entities) {
        assert_eq!(utf16_slice(&units, entity.span), original.span.slice(text), "help: UTF-16 entity span slices differently");
    }
    for (sentence, original) in converted.sentences.iter().zip(&analysis.sentences) {
        assert_eq!(utf16_slice(&units, sentence.span), original.span.slice(text));
    }
    for (keyword, original) in converted.keywords.iter().zip(&analysis.keywords) {
        for (span, original) in keyword.occurrences.iter().zip(&original.occurrences) {
            assert_eq!(utf16_slice(&units, *span), original.slice(text));
        }
    }
}

/// Text assembled from pieces that exercise every stage: names, abbreviations,
/// numbers, quotes, line breaks, emoji, other scripts, pattern entities.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The"), Just("Mr."), Just("Dr."), Just("U.S."), Just("J."), Just("Hossein"), Just("Amir"),
        Just("Abdollahian"), Just("Tehran"), Just("Iran's"), Just("IRGC"), Just("(IRGC)"), Just("Council"),
        Just("of"), Just("the"), Just("in"), Just("said"), Just("terrorist"), Just("groups"), Just("."),
        Just(","), Just("!"), Just("?"), Just("..."), Just("“"), Just("”"), Just("\""), Just("("), Just(")"),
        Just("\n"), Just("\n\n"), Just("\r\n"), Just("$1.2bn"), Just("3.5%"), Just("10:30"), Just("a.m."),
        Just("2024-03-12"), Just("March"), Just("12,"), Just("a@b.co"), Just("https://x.org/a?b=1."),
        Just("#tag"), Just("@user"), Just("+1 555-123-4567"), Just("😊"), Just("👨‍👩‍👧"), Just("北京。"),
        Just("Москва"), Just("القاهرة"), Just("e\u{301}"), Just("\u{200D}"), Just("\u{FEFF}"), Just("\0"),
        Just("\u{FFFD}"), Just("-"), Just("'s"), Just("’"), Just("。"), Just("Ünïcödé"),
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("  "), Just("\t")]), 0..60)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_a_valid_result(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn text_like_input_gives_a_valid_result(text in texty()) {
        check(&text);
    }
}

#[test]
fn edge_cases_give_valid_results() {
    for text in ["", " ", "\n\n\n", ".", "...", "\u{FEFF}Hello.", "a\r\nb\rc\n", "\u{FFFD}", "Mr.", "((((((", "😊😊😊", "“”"] {
        check(text);
    }
}

#[test]
fn empty_text_gives_an_empty_result() {
    let analysis = analyze("  \n ", &Options::default()).unwrap();
    assert!(analysis.sentences.is_empty() && analysis.entities.is_empty() && analysis.keywords.is_empty());
    assert!(analysis.summary.is_empty() && analysis.terms.is_empty());
    assert_eq!(analysis.stats.words, 0);
}

#[test]
fn too_long_text_is_an_error_naming_the_limit() {
    let options = Options { max_length: 10, ..Options::default() };
    let message = analyze("This text is longer than ten.", &options).unwrap_err().to_string();
    assert!(message.contains("maxLength") && message.contains("10"), "{message}");
}

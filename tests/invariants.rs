//! Property tests: whatever the text, the result keeps every promise that
//! `textlens::invariants` checks, and the same text always gives the same result.

#[path = "support/models.rs"]
mod models;

use proptest::prelude::*;
use std::sync::Once;
use textlens::entities::{EntityLists, Limits};
use textlens::{analyze, invariants, Document, Options};

fn check(text: &str) {
    check_in(text, &Options::default());
}

/// [`check`] with `options`.
fn check_in(text: &str, options: &Options) {
    let analysis = analyze(text, options).expect("help: analyze must accept any text within maxLength");
    if let Err(problem) = invariants::check_analysis(text, &analysis) {
        panic!("help: a promise of the result is broken for {text:?}: {problem}");
    }
    if let Err(problem) = invariants::check_document(&Document::new(text)) {
        panic!("help: tokens or sentences are broken for {text:?}: {problem}");
    }
    assert_eq!(analyze(text, options).unwrap(), analysis, "help: output must be deterministic");
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

/// Text of the other languages' pieces: connectors and articles between nouns and
/// names, verbs, participles, courtesy titles, dates, times and amounts as they write
/// them, and the words the corrections of a borrowed model's names look at.
fn other_language_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Le"), Just("marché"), Just("du"), Just("de"), Just("des"), Just("d'"), Just("l'"), Just("la"), Just("port"),
        Just("Saint-Aubin"), Just("renaît"), Just("El"), Just("huerto"), Just("escolar"), Just("cambia"), Just("el"),
        Just("los"), Just("San"), Just("Telmo"), Just("força"), Just("da"), Just("do"), Just("paz"), Just("reabriu"),
        Just("della"), Just("dell'"), Just("ponte"), Just("Lotte"), Just("van"), Just("der"), Just("Berg"), Just("het"),
        Just("een"), Just("geopend"), Just("gebied"), Just("Stadt"), Just("Lindenau"), Just("eröffnet"), Just("Frau"),
        Just("Sra."), Just("Mme"), Just("3."), Just("Oktober"), Just("mai"), Just("12"), Just("14,5"), Just("Mio."),
        Just("Euro"), Just("euros"), Just("Uhr"), Just("h"), Just("30"), Just("%"), Just("por"), Just("cento"),
        Just("."), Just(","), Just("«"), Just("»"), Just(":"), Just("\n"), Just("\n\n"), Just("¿"), Just("?"),
        Just("000"), Just("567,50"), Just("١٢٣"), Just("|"), Just("·"), Just("©"), Just("Facebook"), Just("Twitter"),
        Just("al"), Just("ha"), Just("vous"), Just("Os"), Just("Comune"), Just("Piazza"), Just("Anche"), Just("Il"),
        Just("Câmara"), Just("Praça"), Just("Em"), Just("A"), Just("Rossi"), Just("Posillipo"), Just("Porto Alegre"),
    ];
    prop::collection::vec((piece, prop_oneof![Just(" "), Just(""), Just("\u{a0}")]), 0..60)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

/// Entity lists of phrases made of the same pieces as the text, under built-in and
/// custom labels and `exclude`, some case-sensitive: whatever they hold, the result keeps
/// its promises (list matches and what they replace never overlap what stays).
fn with_lists(text: &str, phrases: &[(String, usize, bool)]) {
    const TARGETS: [&str; 4] = ["PERSON", "PRODUCT", "LOCATION", "exclude"];
    let mut lists = serde_json::Map::new();
    for (phrase, target, case_sensitive) in phrases {
        let list = lists
            .entry(TARGETS[target % TARGETS.len()])
            .or_insert_with(|| serde_json::json!({ "entries": [], "caseSensitive": case_sensitive }));
        list["entries"].as_array_mut().expect("an array").push(serde_json::json!({ "text": phrase, "aliases": [phrase.to_uppercase()] }));
    }
    let lists = match EntityLists::read(&serde_json::Value::Object(lists), Limits::default()) {
        Ok(lists) => lists,
        Err(error) => {
            assert!(error.to_string().contains("the phrase is empty"), "help: only blank phrases may be refused here: {error}");
            return;
        }
    };
    let options = Options { entity_lists: Some(lists), ..Options::default() };
    let analysis = analyze(text, &options).expect("help: analyze must accept any lists it could read");
    if let Err(problem) = invariants::check_analysis(text, &analysis) {
        panic!("help: a promise of the result is broken for {text:?} with lists {phrases:?}: {problem}");
    }
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

    #[test]
    fn text_of_other_languages_gives_a_valid_result(
        text in other_language_text(),
        language in prop_oneof![Just("fr"), Just("es"), Just("pt"), Just("it"), Just("nl"), Just("de")],
    ) {
        static MODELS: Once = Once::new();
        MODELS.call_once(models::load_language_models);
        check_in(&text, &Options { language: language.to_owned(), ..Options::default() });
    }
}

proptest! {
    // Each case prepares new lists, so fewer cases; phrases are runs of the text's own
    // words, so that most of them match.
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn any_entity_lists_give_a_valid_result(text in texty(), picks in prop::collection::vec((any::<usize>(), 1..4usize, 0..4usize, any::<bool>()), 0..12)) {
        let words: Vec<&str> = text.split_whitespace().collect();
        let phrases: Vec<(String, usize, bool)> = picks
            .into_iter()
            .filter(|_| !words.is_empty())
            .map(|(at, length, target, case)| {
                let start = at % words.len();
                (words[start..(start + length).min(words.len())].join(" "), target, case)
            })
            .collect();
        with_lists(&text, &phrases);
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

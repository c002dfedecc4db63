//! Entity extraction on the sample article, on awkward inputs, and (when the shared
//! data is present) scored on CoNLL-2003.

use textlens::entities::{extract, Entities, Label};
use textlens::Document;

const SEED: &str = include_str!("../seeds/000_50d3d3b30f27bb10.txt");

fn entities(text: &str) -> Entities {
    let found = extract(&Document::new(text));
    check_invariants(text, &found);
    found
}

/// Every entity is the exact slice of its span, in order, without overlaps, pointing to
/// a group that lists its span; groups are sorted by count, then first mention.
fn check_invariants(text: &str, found: &Entities) {
    let mut previous_end = 0;
    for entity in &found.entities {
        assert!(entity.span.start >= previous_end, "help: entities overlap or are out of order at {:?}", entity.span);
        assert_eq!(text.get(entity.span.start..entity.span.end), Some(entity.text.as_str()));
        let group = &found.entity_groups[entity.group];
        assert!(group.mentions.contains(&entity.span) && group.label == entity.label);
        previous_end = entity.span.end;
    }
    let total: usize = found.entity_groups.iter().map(|g| g.count).sum();
    assert_eq!(total, found.entities.len());
    for pair in found.entity_groups.windows(2) {
        let first = |g: &textlens::EntityGroup| g.mentions.first().map_or(0, |s| s.start);
        assert!(pair[0].count > pair[1].count || pair[0].count == pair[1].count && first(&pair[0]) < first(&pair[1]));
    }
    for group in &found.entity_groups {
        assert_eq!(group.count, group.mentions.len());
        assert!(group.mentions.windows(2).all(|w| w[0].start < w[1].start));
    }
}

/// The group with this canonical text and label, with the texts of its mentions.
fn group<'a>(found: &'a Entities, text: &str, label: Label) -> Option<Vec<&'a str>> {
    let index = found.entity_groups.iter().position(|g| g.text == text && g.label == label)?;
    Some(found.entities.iter().filter(|e| e.group == index).map(|e| e.text.as_str()).collect())
}

fn labelled(found: &Entities, label: Label) -> Vec<&str> {
    found.entities.iter().filter(|e| e.label == label).map(|e| e.text.as_str()).collect()
}

#[test]
fn seed_people_are_grouped_with_their_short_names() {
    let found = entities(SEED);
    let minister = group(&found, "Hossein Amir Abdollahian", Label::Person).expect("help: Hossein Amir Abdollahian missing");
    assert!(minister.contains(&"Amir Abdollahian"), "help: 'Amir Abdollahian' not grouped: {minister:?}");
    let secretary = group(&found, "Qasim Al-Araji", Label::Person).expect("help: Qasim Al-Araji missing");
    assert!(secretary.contains(&"Araji"), "help: 'Araji' not grouped: {secretary:?}");
}

#[test]
fn a_given_name_the_model_finds_alone_takes_its_surname_but_no_word_written_in_lower_case() {
    // The English model tags "Anna" alone here (after a semicolon, before "mentioned").
    let found = entities("The travel costs look low; Anna Schmidt mentioned they will need more trips.");
    assert_eq!(labelled(&found, Label::Person), ["Anna Schmidt"]);
    let found = entities("We met Anna Proxy there; the proxy was slow.");
    assert_eq!(labelled(&found, Label::Person), ["Anna"], "help: 'proxy' is a word of the text, no surname");
}

#[test]
fn seed_places() {
    let found = entities(SEED);
    for place in ["Iran", "Iraq", "Tehran", "Baghdad"] {
        assert!(group(&found, place, Label::Location).is_some(), "help: LOCATION {place} missing");
    }
}

#[test]
fn seed_organisations_and_acronyms() {
    let found = entities(SEED);
    let corps = group(&found, "Islamic Revolution Guards Corps", Label::Org).expect("help: IRGC long form missing");
    assert!(corps.iter().filter(|&&m| m == "IRGC").count() >= 2, "help: IRGC mentions not grouped: {corps:?}");
    for org in ["Kurdistan Regional Government", "Supreme Security Council", "IRGC Ground Force"] {
        assert!(group(&found, org, Label::Org).is_some(), "help: ORG {org} missing");
    }
}

#[test]
fn seed_has_no_function_words_or_nationalities_as_names() {
    let found = entities(SEED);
    for group in &found.entity_groups {
        let first = group.text.split_whitespace().next().unwrap_or_default().to_lowercase();
        assert!(
            !["the", "during", "considering", "for", "military", "they", "we", "for"].contains(&first.as_str()),
            "help: group {:?} starts with a function word",
            group.text
        );
        assert!(!["Iranian", "Iraqi", "Kurdish", "Americans"].contains(&group.text.as_str()), "help: nationality {:?} is a group", group.text);
    }
}

#[test]
fn pattern_entities_in_running_text() {
    let text = "On Monday, 3 June 2024 at 10:30 a.m. the firm paid $1.2bn (up 3.5%) to Acme; \
                mail press@acme.example.com, see https://acme.example.com/news. or call +44 20 7946 0958. #deal @acme_ceo";
    let found = entities(text);
    assert_eq!(labelled(&found, Label::Date), ["Monday, 3 June 2024"]);
    assert_eq!(labelled(&found, Label::Time), ["10:30 a.m."]);
    assert_eq!(labelled(&found, Label::Money), ["$1.2bn"]);
    assert_eq!(labelled(&found, Label::Percent), ["3.5%"]);
    assert_eq!(labelled(&found, Label::Email), ["press@acme.example.com"]);
    assert_eq!(labelled(&found, Label::Url), ["https://acme.example.com/news"]);
    assert_eq!(labelled(&found, Label::Phone), ["+44 20 7946 0958"]);
    assert_eq!(labelled(&found, Label::Hashtag), ["#deal"]);
    assert_eq!(labelled(&found, Label::Mention), ["@acme_ceo"]);
}

#[test]
fn all_caps_text_finds_known_places_only() {
    let found = entities(&SEED.to_uppercase());
    let names: Vec<&str> = found.entities.iter().filter(|e| e.label.is_name()).map(|e| e.text.as_str()).collect();
    assert!(names.contains(&"TEHRAN") && names.contains(&"BAGHDAD"), "help: places lost in caps: {names:?}");
    assert!(!names.iter().any(|n| ["THE", "DURING", "CONSIDERING", "MILITARY", "CALLS"].contains(n)), "help: caps words taken as names: {names:?}");
}

#[test]
fn lower_case_text_keeps_its_names_and_patterns() {
    let found = entities(&SEED.to_lowercase());
    let names: Vec<(&str, Label)> = found.entities.iter().filter(|e| e.label.is_name()).map(|e| (e.text.as_str(), e.label)).collect();
    for name in [("tehran", Label::Location), ("baghdad", Label::Location), ("hossein amir abdollahian", Label::Person)] {
        assert!(names.contains(&name), "help: {name:?} missed in lower-case text: {names:?}");
    }
    assert!(!names.iter().any(|(n, _)| ["the", "during", "considering", "military", "calls"].contains(n)), "help: common words taken as names: {names:?}");
    let found = entities("the minister met him in tehran on 12 march 2024 and paid $5 million, 3% more.");
    let got: Vec<(&str, Label)> = found.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    assert_eq!(got, [("tehran", Label::Location), ("12 march 2024", Label::Date), ("$5 million", Label::Money), ("3%", Label::Percent)]);
}

#[test]
fn title_case_headline_takes_known_names_only() {
    let text = "Iran Calls On Iraq's Kurdistan To Counter Terror Groups As Talks Begin In Baghdad";
    let found = entities(text);
    let names: Vec<(&str, Label)> = found.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    let places = [("Iran", Label::Location), ("Iraq", Label::Location), ("Kurdistan", Label::Location), ("Baghdad", Label::Location)];
    assert!(names.iter().all(|name| places.contains(name)), "help: headline words taken as names: {names:?}");
    for place in ["Iran", "Iraq", "Baghdad"] {
        assert!(names.contains(&(place, Label::Location)), "help: {place} missed in a title-case headline: {names:?}");
    }
}

#[test]
fn spans_slice_correctly_after_emoji_and_cjk() {
    let text = "🇮🇷😊 北京欢迎你！ Foreign Minister Hossein Amir Abdollahian visited Tehran on 12 March 2024 👍🏽 #Iran";
    let found = entities(text);
    let got: Vec<(&str, Label)> = found.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
    assert_eq!(
        got,
        [
            ("Hossein Amir Abdollahian", Label::Person),
            ("Tehran", Label::Location),
            ("12 March 2024", Label::Date),
            ("#Iran", Label::Location)
        ]
    );
}

#[test]
fn hostile_inputs_do_not_panic() {
    let inputs = [
        String::new(),
        " \n\t ".to_owned(),
        ".".repeat(100_000),
        "Alpha ".repeat(50_000),
        "@#$%&()+-.:/ ".repeat(5_000),
        "Mr. ".repeat(20_000),
        "(IRGC) ".repeat(10_000),
        "1-2-3-4-5-6-7-8-9 +1 (2) ".repeat(5_000),
        "é́ Ä ß İ ǅ 😊‍ ".repeat(5_000),
    ];
    for text in &inputs {
        entities(text);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise every matcher and the name rules, glued at random.
    const PIECES: &[&str] = &[
        "Iran", "Mr.", "M.", "Amir", "Abdollahian", "The", "IRGC", "(", ")", "of", "Bank", "Council", "in", "Tehran", "-based", "-",
        "@", "#", "x", ".", ",", "$", "€", "1", "12", "2024", "03", "/", ":", "%", "percent", "+44", "555", "www.", "http://",
        "a.m.", "March", "Saturday", "\n", "\n\n", " ", "“", "”", "'s", "😊", "北京", "é", "İ", "ß", "\u{301}", "ALL", "CAPS",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn any_mix_keeps_the_invariants(picks in proptest::collection::vec((0..PIECES.len(), proptest::bool::ANY), 0..60)) {
            let text: String = picks.iter().map(|&(i, space)| if space { format!("{} ", PIECES[i]) } else { PIECES[i].to_owned() }).collect();
            entities(&text);
        }
    }
}

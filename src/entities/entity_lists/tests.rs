use super::*;
use crate::entities::{extract_with_lists, Entities, Label, Mention, Recognizer};
use serde_json::json;

/// A stand-in for the model: finds each of its phrases wherever written, with its label.
struct Finds(Vec<(&'static str, Label)>);

impl Recognizer for Finds {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        let mut found = Vec::new();
        for &(phrase, label) in &self.0 {
            for (start, _) in doc.text.match_indices(phrase) {
                found.push(Mention::new(Span::new(start, start + phrase.len()), label));
            }
        }
        found.sort_by_key(|m| m.span.start);
        found
    }
}

fn lists(value: serde_json::Value) -> EntityLists {
    EntityLists::read(&value, Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn error(value: serde_json::Value) -> String {
    error_within(value, Limits::default())
}

fn error_within(value: serde_json::Value, limits: Limits) -> String {
    let message = EntityLists::read(&value, limits).unwrap_err().to_string();
    message.strip_prefix("invalid option `entityLists`: ").unwrap_or_else(|| panic!("help: every list error names the option: {message}")).to_owned()
}

fn found_in(text: &str, model: &[(&'static str, Label)], lists: &EntityLists, language: &'static str) -> Entities {
    extract_with_lists(&Document::new(text), &Finds(model.to_vec()), lists, language)
}

/// The entities as (text, label name).
fn marked(found: &Entities) -> Vec<(&str, &str)> {
    found.entities.iter().map(|e| (e.text.as_str(), e.label.name())).collect()
}

#[test]
fn a_custom_label_is_found_with_its_aliases_grouped_under_the_canonical_name() {
    let lists = lists(json!({ "PRODUCT": [{ "text": "Acme Rocket Skates", "aliases": ["ARS", "Rocket Skates"] }], "ORG": ["Globex"] }));
    let text = "Globex sells ARS. The Acme Rocket Skates are fast; rocket skates sell out at GLOBEX.";
    let found = found_in(text, &[], &lists, "en");
    assert_eq!(
        marked(&found),
        [("Globex", "ORG"), ("ARS", "PRODUCT"), ("Acme Rocket Skates", "PRODUCT"), ("rocket skates", "PRODUCT"), ("GLOBEX", "ORG")]
    );
    let groups: Vec<(&str, &str, usize)> = found.entity_groups.iter().map(|g| (g.text.as_str(), g.label.name(), g.count)).collect();
    assert_eq!(groups, [("Acme Rocket Skates", "PRODUCT", 3), ("Globex", "ORG", 2)]);
    for entity in &found.entities {
        assert_eq!(entity.span.slice(text), entity.text);
        assert_eq!(found.entity_groups[entity.group].label, entity.label);
    }
}

#[test]
fn exclude_removes_what_the_model_found_overlapping_it() {
    let model = [("Microsoft Windows", Label::Org), ("Windows", Label::Location), ("Redmond", Label::Location)];
    let lists = lists(json!({ "exclude": ["Windows"] }));
    let found = found_in("Windows crashed in Redmond. Microsoft Windows is sold there.", &model, &lists, "en");
    assert_eq!(marked(&found), [("Redmond", "LOCATION")]);
    let without = found_in("Windows crashed in Redmond.", &model, &self::lists(json!({})), "en");
    assert_eq!(marked(&without), [("Windows", "LOCATION"), ("Redmond", "LOCATION")]);
}

#[test]
fn a_list_match_beats_the_model_and_the_longest_match_wins() {
    let model = [("Acme Corp", Label::Person)];
    let found = found_in("Acme Corp hired staff.", &model, &lists(json!({ "ORG": ["Acme"] })), "en");
    assert_eq!(marked(&found), [("Acme", "ORG")], "help: the model's overlapping PERSON goes, the rest is not an entity");

    let places = lists(json!({ "LOCATION": ["New York", "York Times Square"] }));
    assert_eq!(marked(&found_in("We met in New York Times Square.", &[], &places, "en")), [("York Times Square", "LOCATION")]);

    // A longer match starting inside an earlier one and ending after a later one beats both
    // (found by the property test: the candidates come in the order of their ends).
    let chain = lists(json!({ "ORG": ["Alpha Beta", "Gamma"], "PRODUCT": ["Beta Gamma Delta"] }));
    assert_eq!(marked(&found_in("Alpha Beta Gamma Delta rose.", &[], &chain, "en")), [("Beta Gamma Delta", "PRODUCT")]);

    let tie = lists(json!({ "ORG": ["Windows Server"], "exclude": ["Windows", "Server Room"], "PRODUCT": ["Windows"] }));
    let found = found_in("Windows Server runs. Windows runs. The Server Room is cold.", &[], &tie, "en");
    assert_eq!(marked(&found), [("Windows Server", "ORG")], "help: longer beats shorter, exclude beats a label on one span");

    // (serde_json's objects list their keys in sorted order: ORG first.)
    let first = lists(json!({ "ORG": ["acme"], "PRODUCT": ["Acme"] }));
    assert_eq!(marked(&found_in("Acme sells.", &[], &first, "en")), [("Acme", "ORG")], "help: on one span the list given first wins");
}

#[test]
fn inflected_forms_match_where_the_language_has_a_stemmer() {
    let lists = lists(json!({ "ORG": ["Acme"], "PRODUCT": ["Rocket Skate"], "PERSON": ["Bill Smith", "Bill"] }));
    let text = "Acme's Rocket Skates sold. Bill paid the billing office.";
    assert_eq!(marked(&found_in(text, &[], &lists, "en")), [("Acme", "ORG"), ("Rocket Skates", "PRODUCT"), ("Bill", "PERSON")]);
    // Without a stemmer ("und"), only the phrase as written (in any casing) matches.
    assert_eq!(marked(&found_in(text, &[], &lists, "und")), [("Acme", "ORG"), ("Bill", "PERSON")]);
    let german = self::lists(json!({ "ORG": ["Bundestag"] }));
    assert_eq!(marked(&found_in("Die Sitzung des Bundestages war lang.", &[], &german, "de")), [("Bundestages", "ORG")]);
}

#[test]
fn case_rules_of_a_list() {
    let any_case = lists(json!({ "ORG": ["Globex"] }));
    assert_eq!(marked(&found_in("GLOBEX, Globex and globex.", &[], &any_case, "en")).len(), 3);
    let exact = lists(json!({ "ORG": { "entries": ["Globex", "iPhone"], "caseSensitive": true } }));
    assert_eq!(
        marked(&found_in("GLOBEX, Globex, globex, Globex's iPhones and IPHONE.", &[], &exact, "en")),
        [("Globex", "ORG"), ("Globex", "ORG"), ("iPhones", "ORG")]
    );
    let snake = lists(json!({ "ORG": { "entries": ["Globex"], "case_sensitive": true } }));
    assert_eq!(marked(&found_in("globex", &[], &snake, "en")), []);
}

#[test]
fn a_lower_case_phrase_gives_way_to_a_name_found_on_capitalised_text() {
    let food = lists(json!({ "FOOD": ["apple"], "DRUG": ["aspirin"] }));
    let model = [("Apple", Label::Org)];
    let text = "Apple shares rose. I ate an apple. Aspirin helps; so does ASPIRIN.";
    assert_eq!(
        marked(&found_in(text, &model, &food, "en")),
        [("Apple", "ORG"), ("apple", "FOOD"), ("Aspirin", "DRUG"), ("ASPIRIN", "DRUG")]
    );
    // Written with its capital, the phrase matches capitalised text whatever was found.
    let capital = lists(json!({ "FOOD": ["Apple"] }));
    assert_eq!(marked(&found_in("Apple shares rose.", &model, &capital, "en")), [("Apple", "FOOD")]);
    // An exclusion written in lower case gives way in the same way.
    let exclude = lists(json!({ "exclude": ["paris"] }));
    assert_eq!(marked(&found_in("Paris is lovely.", &[("Paris", Label::Location)], &exclude, "en")), [("Paris", "LOCATION")]);
}

#[test]
fn matches_are_whole_words_within_one_sentence() {
    let lists = lists(json!({ "PERSON": ["Paris Hilton"], "ORG": ["Acme"], "LOCATION": ["北京"] }));
    let text = "Acmeology and AcmeCorp differ from Acme. We left Paris. Hilton stayed; Paris  Hilton\nsmiled. 我们在北京。";
    assert_eq!(marked(&found_in(text, &[], &lists, "en")), [("Acme", "ORG"), ("Paris  Hilton", "PERSON"), ("北京", "LOCATION")]);
}

#[test]
fn every_bad_input_is_an_error_naming_the_list_and_entry() {
    let cases = [
        (json!([]), "must be an object of lists by label, got an array"),
        (json!("PRODUCT"), "must be an object of lists by label, got a string"),
        (json!({ "Product": ["x"] }), "\"Product\" is not a label"),
        (json!({ "EXCLUDE": ["x"] }), "\"EXCLUDE\" is not a label"),
        (json!({ "PRODUCT": "Acme" }), "PRODUCT: a list must be an array of entries or { entries, caseSensitive }, got a string"),
        (json!({ "PRODUCT": ["Acme", 5] }), "PRODUCT[1]: an entry must be a phrase (a string) or { text, aliases }, got a number"),
        (json!({ "PRODUCT": ["Acme", null] }), "PRODUCT[1]: an entry must be a phrase (a string) or { text, aliases }, got null"),
        (json!({ "ORG": ["Acme", " \n"] }), "ORG[1]: the phrase is empty"),
        (json!({ "ORG": [""] }), "ORG[0]: the phrase is empty"),
        (json!({ "ORG": [{ "text": "Acme", "aliases": ["A", ""] }] }), "ORG[0].aliases[1]: the phrase is empty"),
        (json!({ "ORG": [{ "text": "Acme", "aliases": ["A", 7] }] }), "ORG[0].aliases[1]: an alias must be a string, got a number"),
        (json!({ "ORG": [{ "text": "Acme", "aliases": "A" }] }), "ORG[0]: `aliases` must be an array of phrases, got a string"),
        (json!({ "ORG": [{ "text": ["Acme"] }] }), "ORG[0]: `text` must be a string, got an array"),
        (json!({ "ORG": [{ "aliases": ["A"] }] }), "ORG[0]: missing field `text`"),
        (json!({ "ORG": [{ "text": "Acme", "alias": ["A"] }] }), "ORG[0]: unknown field `alias` (known: text, aliases)"),
        (json!({ "ORG": { "entries": ["A"], "casesensitive": true } }), "ORG: unknown field `casesensitive` (known: entries, caseSensitive)"),
        (json!({ "ORG": { "caseSensitive": true } }), "ORG: missing field `entries`"),
        (json!({ "ORG": { "entries": ["A"], "caseSensitive": "yes" } }), "ORG: `caseSensitive` must be true or false, got a string"),
        (json!({ "ORG": { "entries": {} } }), "ORG: `entries` must be an array, got an object"),
        (json!({ "exclude": [true] }), "exclude[0]: an entry must be a phrase (a string) or { text, aliases }, got a boolean"),
    ];
    for (value, expected) in cases {
        let message = error(value.clone());
        assert!(message.starts_with(expected), "{value}\n  got:  {message}\n  want: {expected}");
    }
}

#[test]
fn lists_over_the_limits_are_errors_naming_the_first_entry_past_them() {
    let limits = Limits { max_entries: 3, max_entry_bytes: 10 };
    assert_eq!(error_within(json!({ "ORG": ["a", "b"], "PRODUCT": ["c", "d"] }), limits), "PRODUCT[1]: over the limit of 3 entries in all lists");
    assert!(EntityLists::read(&json!({ "ORG": ["a", "b"], "PRODUCT": ["c"] }), limits).is_ok(), "help: exactly the limit is allowed");
    assert_eq!(
        error_within(json!({ "ORG": ["a", "0123456789A"] }), limits),
        "ORG[1]: the entry is 11 bytes of UTF-8 (text and aliases), over the limit of 10"
    );
    assert_eq!(
        error_within(json!({ "ORG": [{ "text": "a", "aliases": ["abcdef", "ghijkl", "never read"] }] }), limits),
        "ORG[0]: the entry is over the limit of 10 bytes of UTF-8 (text and aliases)"
    );
    let defaults = Limits::default();
    assert_eq!((defaults.max_entries, defaults.max_entry_bytes), (100_000, 65_536));
    let spec = Spec { lists: vec![List { target: Target::Label(Label::Org), case_sensitive: false, entries: vec![Entry { text: "x".repeat(11), aliases: vec![] }] }] };
    let built = EntityLists::new(spec, limits).unwrap_err().to_string();
    assert_eq!(built, "invalid option `entityLists`: ORG[0]: the entry is 11 bytes of UTF-8 (text and aliases), over the limit of 10");
}

#[test]
fn the_same_lists_read_again_are_the_lists_prepared_before() {
    let spec = json!({ "PRODUCT": ["Acme Rocket Skates", "Globex Phone"], "exclude": ["Windows"] });
    let first = lists(spec.clone());
    first.find(&Document::new("Acme Rocket Skates."), "en");
    let again = lists(spec);
    assert!(Arc::ptr_eq(&first.0, &again.0), "help: the cache keyed by content returns the prepared lists");
    assert_eq!(again.0.matchers.lock().unwrap().len(), 1, "help: the English matcher built for the first is reused");
    let other = lists(json!({ "PRODUCT": ["Acme Rocket Skates"] }));
    assert!(!Arc::ptr_eq(&first.0, &other.0) && first != other);
}

#[test]
fn list_matches_go_through_the_whole_analysis() {
    let options = crate::Options { entity_lists: Some(lists(json!({ "PRODUCT": [{ "text": "Acme Rocket Skates", "aliases": ["ARS"] }] }))), ..Default::default() };
    let text = "Angela Merkel bought ARS in Berlin.";
    let analysis = crate::analyze(text, &options).unwrap();
    let product = analysis.entities.iter().find(|e| e.label.name() == "PRODUCT").unwrap();
    assert_eq!((product.text.as_str(), analysis.entity_groups[product.group].text.as_str()), ("ARS", "Acme Rocket Skates"));
    assert!(analysis.entities.iter().any(|e| e.text == "Angela Merkel" && e.label == Label::Person));
}

#[test]
fn a_list_match_has_confidence_1_and_survives_min_confidence() {
    let lists = lists(json!({ "PRODUCT": ["Rocket Skates"], "ORG": ["Globex"] }));
    let text = "Maria Lopez of Globex sold Rocket Skates in Lisbon.";
    let doc = Document::new(text);
    let all = crate::entities::extract_listed(&doc, Some(&lists), "en", 0.0);
    let sure = |found: &Entities, name: &str| found.entities.iter().find(|e| e.text == name).map(|e| e.confidence);
    assert_eq!((sure(&all, "Globex"), sure(&all, "Rocket Skates")), (Some(1.0), Some(1.0)));
    let names: Vec<f64> = all.entities.iter().filter(|e| e.text != "Globex" && e.text != "Rocket Skates").map(|e| e.confidence).collect();
    assert!(names.iter().all(|&c| c < 1.0), "help: the model's names are never certain: {names:?}");
    let products = all.entity_groups.iter().find(|g| g.text == "Rocket Skates").map(|g| g.confidence);
    assert_eq!(products, Some(1.0));
    // With the bar at 1, only the lists' matches remain.
    let strict = crate::entities::extract_listed(&doc, Some(&lists), "en", 1.0);
    assert_eq!(marked(&strict), [("Globex", "ORG"), ("Rocket Skates", "PRODUCT")]);
}

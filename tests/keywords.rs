//! Properties of terms and key phrases on the sample article and on hostile inputs.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use textlens::keywords::{key_phrases, terms, Keyword};
use textlens::Document;

const SEED: &str = include_str!("../seeds/000_50d3d3b30f27bb10.txt");

/// Lower-cased words of a phrase, each stemmed: two texts that differ only in case,
/// spacing or inflection get the same value.
fn stems(stemmer: &Stemmer, text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| stemmer.stem(w).into_owned())
        .collect()
}

fn check_keywords(text: &str, keywords: &[Keyword], max_words: usize) {
    let stemmer = Stemmer::create(Algorithm::English);
    let mut previous = f64::INFINITY;
    let mut seen = HashSet::new();
    for keyword in keywords {
        assert!(
            keyword.score.is_finite() && (0.0..=1.0).contains(&keyword.score),
            "help: score out of range: {keyword:?}"
        );
        assert!(keyword.score <= previous, "help: key phrases are not sorted by score: {keyword:?}");
        previous = keyword.score;
        let words = stems(&stemmer, &keyword.text);
        assert!((1..=max_words).contains(&words.len()), "help: phrase length out of range: {keyword:?}");
        assert!(
            keyword.text.split_whitespace().any(|w| !textlens::lexicon::is_stopword(&w.to_lowercase())),
            "help: stopword-only phrase {keyword:?}"
        );
        assert!(seen.insert(words.clone()), "help: duplicate phrase (modulo inflection) {keyword:?}");
        assert_eq!(keyword.count, keyword.occurrences.len(), "help: count differs from occurrences in {keyword:?}");
        assert!(keyword.count >= 1, "help: a key phrase without occurrence: {keyword:?}");
        for span in &keyword.occurrences {
            let slice =
                text.get(span.start..span.end).unwrap_or_else(|| panic!("help: span off char boundary {span:?}"));
            assert_eq!(stems(&stemmer, slice), words, "help: occurrence {slice:?} does not match {keyword:?}");
        }
        assert!(keyword.occurrences.windows(2).all(|w| w[0].start < w[1].start), "help: occurrences not in text order");
    }
}

#[test]
fn seed_terms_merge_inflections() {
    let doc = Document::new(SEED);
    let found = terms(&doc, 50);
    let in_text = SEED
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.eq_ignore_ascii_case("terrorist") || w.eq_ignore_ascii_case("terrorists"))
        .count();
    assert!(SEED.contains("terrorists") && SEED.contains("terrorist "), "help: the seed text changed");
    let terrorist = found.iter().find(|t| t.term == "terrorist" || t.term == "terrorists");
    assert_eq!(terrorist.map(|t| t.count), Some(in_text), "help: terrorist/terrorists not merged: {found:?}");
    assert!(found.iter().any(|t| t.term == "Iran"), "help: a name always capitalised keeps its capital: {found:?}");
    assert!(found.windows(2).all(|w| w[0].count >= w[1].count), "help: terms not sorted by count");
    for term in &found {
        assert!(!textlens::lexicon::is_stopword(&term.term.to_lowercase()), "help: stopword {term:?} among terms");
        assert!(term.term.chars().any(char::is_alphabetic), "help: non-word term {term:?}");
    }
    let stemmer = Stemmer::create(Algorithm::English);
    let classes: HashSet<String> = found.iter().map(|t| stemmer.stem(&t.term.to_lowercase()).into_owned()).collect();
    assert_eq!(classes.len(), found.len(), "help: one word class listed twice: {found:?}");
}

#[test]
fn seed_key_phrases_are_sensible() {
    let doc = Document::new(SEED);
    let keywords = key_phrases(&doc, 10, 4);
    assert_eq!(keywords.len(), 10);
    check_keywords(SEED, &keywords, 4);
    assert_eq!(keywords.first().map(|k| k.score), Some(1.0), "help: the best phrase must score 1");
    let texts: Vec<String> = keywords.iter().map(|k| k.text.to_lowercase()).collect();
    assert!(texts.iter().any(|t| t.contains("kurdistan")), "help: the article is about Kurdistan: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("terrorist")), "help: the article is about terrorist groups: {texts:?}");
    assert!(texts.iter().filter(|t| t.contains(' ')).count() >= 3, "help: expected multi-word phrases: {texts:?}");
}

#[test]
fn results_are_deterministic_and_limits_hold() {
    let doc = Document::new(SEED);
    assert_eq!(key_phrases(&doc, 20, 3), key_phrases(&Document::new(SEED), 20, 3));
    assert_eq!(terms(&doc, 20), terms(&Document::new(SEED), 20));
    for max_words in 1..=4 {
        let keywords = key_phrases(&doc, 25, max_words);
        assert!(keywords.len() <= 25);
        check_keywords(SEED, &keywords, max_words);
    }
    assert!(key_phrases(&doc, 0, 4).is_empty() && terms(&doc, 0).is_empty());
    assert_eq!(terms(&doc, 5).len(), 5);
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let long_periods = ".".repeat(100_000);
    let capitals = "Alpha Beta Gamma ".repeat(20_000);
    let repeated = "neural network ".repeat(20_000);
    let texts = [
        "",
        "   ",
        "the of and to it is",
        "42 3.5 1,000 !!! ???",
        "😊 北京 — é",
        "Word",
        long_periods.as_str(),
        capitals.as_str(),
        repeated.as_str(),
    ];
    for text in texts {
        let doc = Document::new(text);
        let keywords = key_phrases(&doc, 200, 4);
        check_keywords(text, &keywords, 4);
        let found = terms(&doc, 500);
        assert!(found.iter().all(|t| t.count > 0));
    }
    assert!(key_phrases(&Document::new("the of and"), 10, 4).is_empty());
}


/// An e-mail as users paste one: a greeting, addresses, a phone number, a sign-off.
const EMAIL: &str = "Hi Sarah,\n\nThanks for sending over the Q3 numbers yesterday. I reviewed them with Tom Becker from finance and we agree the Lisbon office should get the extra budget of €45,000 before October 15.\n\nCan you set up a call with Acme Logistics next Tuesday at 3pm? Their contact is maria.lopez@acmelogistics.com, or call +1 (415) 555-0132. Acme Logistics runs the Lisbon depot.\n\nAlso, the new vendor portal is live at https://portal.example.com/vendors, and the old one at www.portal-archive.net/vendors, or see example.com.\n\nBest regards,\nDavid Kim\nHead of Operations, Northwind Traders\n";

#[test]
fn the_words_of_addresses_and_greetings_are_no_terms_or_key_phrases() {
    let doc = Document::new(EMAIL);
    let found_terms: Vec<String> = terms(&doc, 50).into_iter().map(|t| t.term.to_lowercase()).collect();
    let phrases = key_phrases(&doc, 20, 4);
    let phrase_words: Vec<String> = phrases.iter().flat_map(|k| k.text.to_lowercase().split(' ').map(String::from).collect::<Vec<_>>()).collect();
    for word in ["com", "net", "maria", "lopez", "acmelogistics", "https", "www", "portal-archive", "hi", "thanks", "regards"] {
        assert!(!found_terms.iter().any(|t| t == word), "help: {word:?} is a term: {found_terms:?}");
        assert!(!phrase_words.iter().any(|w| w == word), "help: {word:?} is in a key phrase: {phrases:?}");
    }
    for word in ["acme", "lisbon", "budget", "portal"] {
        assert!(found_terms.iter().any(|t| t == word), "help: {word:?} is not a term: {found_terms:?}");
    }
    // A phrase met in the text keeps its occurrences there, none inside an address.
    let acme = phrases.iter().find(|k| k.text == "Acme Logistics").unwrap_or_else(|| panic!("help: no 'Acme Logistics' in {phrases:?}"));
    assert_eq!(acme.count, 2, "help: {acme:?}");
    for keyword in &phrases {
        for span in &keyword.occurrences {
            let around = &EMAIL[EMAIL[..span.start].rfind(char::is_whitespace).map_or(0, |i| i + 1)..span.end];
            assert!(!around.contains(['@', '/']) && !around.contains("www."), "help: {keyword:?} occurs in an address: {around:?}");
        }
    }
    check_keywords(EMAIL, &phrases, 4);
}

#[test]
fn what_the_tokenizer_leaves_of_a_contraction_is_no_term_or_key_phrase() {
    let text = "Just got back from the Raptors game in Toronto. Can't believe we beat the Celtics! The council won't \
                fix the road, and we can't wait for the new road.";
    let doc = Document::new(text);
    let found_terms: Vec<String> = terms(&doc, 50).into_iter().map(|t| t.term.to_lowercase()).collect();
    let phrases: Vec<String> = key_phrases(&doc, 20, 4).into_iter().map(|k| k.text.to_lowercase()).collect();
    for word in ["ca", "wo", "n't"] {
        assert!(!found_terms.iter().any(|t| t == word), "{word:?} is a term: {found_terms:?}");
        assert!(!phrases.iter().any(|p| p.split(' ').any(|w| w == word)), "{word:?} is in a key phrase: {phrases:?}");
    }
    assert!(found_terms.iter().any(|t| t == "road"), "{found_terms:?}");
}

#[test]
fn an_e_mail_header_label_is_no_key_phrase_and_a_signature_keeps_its_capitals() {
    let text = "Subject: Board meeting on Thursday\n\nHi all,\n\nThe board meeting takes place on Thursday in the main \
                meeting room. The board meeting will approve the budget and the meeting room needs chairs.\n\n\
                Best regards,\nJohn Martin\nFinance Director";
    let found: Vec<String> = key_phrases(&Document::new(text), 10, 4).into_iter().map(|k| k.text).collect();
    assert!(!found.iter().any(|p| p.to_lowercase().contains("subject")), "{found:?}");
    assert!(found.iter().any(|p| p == "board meeting"), "{found:?}");
    assert!(found.iter().any(|p| p == "John Martin"), "{found:?}");
    // A word before its colon inside a line is a word like any other.
    let found: Vec<String> = key_phrases(&Document::new("The subject: grammar. The subject of grammar."), 10, 4).into_iter().map(|k| k.text).collect();
    assert!(found.iter().any(|p| p.contains("subject")), "{found:?}");
}

#[test]
fn a_byline_gives_no_key_phrase_and_its_writer_stays_a_name() {
    let text = "City council backs tram plan\n\nBy Emma Clarke, Transport correspondent\n\nLeeds City Council has approved \
                a plan to build a tram line to the airport. The tram line would be the first in the city since 1959, \
                and the council expects the tram line to carry many people to the airport.";
    let found: Vec<String> = key_phrases(&Document::new(text), 10, 4).into_iter().map(|k| k.text.to_lowercase()).collect();
    assert!(!found.iter().any(|p| p.contains("correspondent") || p.contains("emma")), "{found:?}");
    assert!(found.iter().any(|p| p == "tram line"), "{found:?}");
    let names = textlens::entities::extract(&Document::new(text)).entities;
    assert!(names.iter().any(|e| e.text == "Emma Clarke"), "{names:?}");
}

#[test]
fn a_name_keeps_its_capitals_where_the_text_writes_its_words_in_lower_case_too() {
    // Written for this test: "energy", "museum" and "marathon" are also common nouns.
    let text = "Greenfield Energy will build a solar farm in Nevada. Greenfield Energy says clean energy creates jobs, \
                and clean energy is cheap. She visited the Palace Museum after she ran the Chicago Marathon; every \
                museum and every marathon in the city was busy.\n\nMobile agent techniques\n\nMobile agent \
                techniques move code between hosts, and the agent techniques of this paper are new.";
    let found: Vec<String> = key_phrases(&Document::new(text), 20, 4).into_iter().map(|k| k.text).collect();
    for name in ["Greenfield Energy", "Palace Museum", "Chicago Marathon"] {
        assert!(found.iter().any(|p| p == name), "{name}: {found:?}");
    }
    assert!(!found.iter().any(|p| p.starts_with("Mobile")), "a title's first word keeps its capital: {found:?}");
}

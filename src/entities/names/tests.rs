//! Unit tests of the rule-based recognizer.

use super::*;

fn names(text: &str) -> Vec<(&str, Label)> {
    Rules.recognize(&Document::new(text)).into_iter().map(|m| (m.span.slice(text), m.label)).collect()
}

#[test]
fn titles_cues_and_org_words() {
    assert_eq!(
        names("Yesterday Foreign Minister Maria Lopez met officials of the Central Bank and the World Health Organization in Lagos."),
        [("Maria Lopez", Label::Person), ("Central Bank", Label::Org), ("World Health Organization", Label::Org), ("Lagos", Label::Location)]
    );
}

#[test]
fn abbreviated_titles_cue_people() {
    assert_eq!(
        names("Yesterday Mr. Xiyong met Dr. Rahimi and Gen. Pratt in the capital."),
        [("Xiyong", Label::Person), ("Rahimi", Label::Person), ("Pratt", Label::Person)]
    );
}

#[test]
fn sentence_openers_are_not_names() {
    let found = names("Considering the risks, we stayed. However, nothing happened. During the night Kenya slept. Meanwhile Tanaka left.");
    assert_eq!(found, [("Kenya", Label::Location), ("Tanaka", Label::Person)]);
}

#[test]
fn place_running_into_a_person_is_split() {
    assert_eq!(names("the envoy of Iraq Qasim Al-Araji spoke"), [("Iraq", Label::Location), ("Qasim Al-Araji", Label::Person)]);
}

#[test]
fn nationalities_are_not_names() {
    assert!(names("Iranian and Kurdish forces met Iraqi Americans").is_empty());
}

#[test]
fn hyphenated_tails_leave_the_place() {
    assert_eq!(names("armed Kurdistan-based groups"), [("Kurdistan", Label::Location)]);
}

#[test]
fn and_joins_a_word_to_an_organisation() {
    assert_eq!(
        names("he sued the Securities and Exchange Commission over rules in Iran and Iraq"),
        [("Securities and Exchange Commission", Label::Org), ("Iran", Label::Location), ("Iraq", Label::Location)]
    );
}

#[test]
fn of_joins_short_heads_only() {
    assert_eq!(
        names("He met the Bank of England and the Supreme Security Council of Iraq."),
        [("Bank of England", Label::Org), ("Supreme Security Council", Label::Org), ("Iraq", Label::Location)]
    );
}

#[test]
fn headline_takes_only_known_names() {
    let text = "Iran Calls On Kurdish Leaders To Counter Terror Groups\n\nThe talks in Tehran with Ali Hassan were long.";
    assert_eq!(names(text), [("Iran", Label::Location), ("Tehran", Label::Location), ("Ali Hassan", Label::Person)]);
}

#[test]
fn all_caps_and_lower_case_lines() {
    assert_eq!(names("PRESIDENT VISITS LONDON AND PARIS TO TALK TRADE"), [("LONDON", Label::Location), ("PARIS", Label::Location)]);
    assert!(names("the president visited london and paris to talk trade").is_empty());
}

#[test]
fn a_long_capitalised_run_is_no_name() {
    let text = "Alpha ".repeat(200_000);
    assert!(names(&text).is_empty());
}

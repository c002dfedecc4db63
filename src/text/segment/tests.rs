//! Unit tests of the sentence rules, mostly English ones (`languages.rs` has the others).

use super::*;
use crate::text::tokenize;

fn split(text: &str) -> Vec<&str> {
    sentences(text, &tokenize(text)).iter().map(|s| s.span.slice(text)).collect()
}

#[test]
fn titles_initials_and_numbers_do_not_break() {
    assert_eq!(split("Mr. Smith met J. R. R. Tolkien at 10.30 a.m. today. He paid $1.2bn."), [
        "Mr. Smith met J. R. R. Tolkien at 10.30 a.m. today.",
        "He paid $1.2bn."
    ]);
    assert_eq!(split("Dr. Jones of the U.S. Army arrived on Jan. 5 with Acme Inc. staff."), [
        "Dr. Jones of the U.S. Army arrived on Jan. 5 with Acme Inc. staff."
    ]);
    assert_eq!(split("Use e.g. a pen. It works."), ["Use e.g. a pen.", "It works."]);
}

#[test]
fn abbreviations_that_end_sentences() {
    assert_eq!(split("They met Briggs & Co. at noon. It closed."), ["They met Briggs & Co. at noon.", "It closed."]);
    assert_eq!(split("They met Briggs & Co. It closed."), ["They met Briggs & Co.", "It closed."]);
    assert_eq!(split("Let's ask Jane and co. They should know."), ["Let's ask Jane and co.", "They should know."]);
    assert_eq!(split("I live in the E.U. How about you?"), ["I live in the E.U.", "How about you?"]);
    assert_eq!(split("I work for the U.S. Government in Virginia."), ["I work for the U.S. Government in Virginia."]);
    assert_eq!(split("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store."), [
        "At 5 a.m. Mr. Smith went to the bank.",
        "He left the bank at 6 P.M.",
        "Mr. Smith then went to the store."
    ]);
}

#[test]
fn initials_and_the_pronoun_i() {
    assert_eq!(split("We make a good team, you and I. Did you see Albert I. Jones yesterday?"), [
        "We make a good team, you and I.",
        "Did you see Albert I. Jones yesterday?"
    ]);
    assert_eq!(split("My name is Jonas E. Smith."), ["My name is Jonas E. Smith."]);
}

#[test]
fn numbers_money_and_addresses() {
    assert_eq!(split("She has $100.00. It is in her bag."), ["She has $100.00.", "It is in her bag."]);
    assert_eq!(split("Her email is Jane.Doe@example.com. I sent her an email."), [
        "Her email is Jane.Doe@example.com.",
        "I sent her an email."
    ]);
    assert_eq!(split("You can find it at N°. 1026.253.553. That is where the treasure is."), [
        "You can find it at N°. 1026.253.553.",
        "That is where the treasure is."
    ]);
    assert_eq!(split("I visited www.example.com/a.html yesterday."), ["I visited www.example.com/a.html yesterday."]);
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    assert_eq!(split("He said, “We agree.” Then he left."), ["He said, “We agree.”", "Then he left."]);
    assert_eq!(split("She turned to him, 'This is great.' she said."), ["She turned to him, 'This is great.' she said."]);
    assert_eq!(split("She turned to him, \"This is great.\" She held the book out to show him."), [
        "She turned to him, \"This is great.\"",
        "She held the book out to show him."
    ]);
    assert_eq!(split("He teaches (He worked as an engineer.) at the University. Next."), [
        "He teaches (He worked as an engineer.) at the University.",
        "Next."
    ]);
    assert_eq!(split("Il a dit « c'est fini. » Puis il est parti."), ["Il a dit « c'est fini. »", "Puis il est parti."]);
    assert_eq!(split("Er sagte: „Wir kommen.“ Dann ging er."), ["Er sagte: „Wir kommen.“", "Dann ging er."]);
    assert_eq!(split("Er sagte: »Wir kommen.« Dann ging er."), ["Er sagte: »Wir kommen.«", "Dann ging er."]);
}

#[test]
fn roman_numerals_brackets_and_lower_case_after_abbreviations() {
    assert_eq!(split("Ludwig XIV. war König. Er starb."), ["Ludwig XIV. war König.", "Er starb."]);
    assert_eq!(split("(We fly next day. ) Hop onto a bus."), ["(We fly next day. )", "Hop onto a bus."]);
    assert_eq!(split("Die Stadt hat 10 000 Einw. und mind. zwei Kirchen. Sie ist alt."), [
        "Die Stadt hat 10 000 Einw. und mind. zwei Kirchen.",
        "Sie ist alt."
    ]);
}

#[test]
fn repeated_and_mixed_terminal_marks() {
    assert_eq!(split("Hello!! Long time no see."), ["Hello!!", "Long time no see."]);
    assert_eq!(split("Hello?? Who is there?"), ["Hello??", "Who is there?"]);
    assert_eq!(split("Hello?! Is that you?"), ["Hello?!", "Is that you?"]);
    assert_eq!(split("She works at Yahoo! in the accounting department."), ["She works at Yahoo! in the accounting department."]);
    assert_eq!(split("C'est une bête ! Vraiment."), ["C'est une bête !", "Vraiment."]);
}

#[test]
fn ellipses() {
    assert_eq!(split("I never meant that.... She left the store."), ["I never meant that....", "She left the store."]);
    assert_eq!(split("Wait… what? Fine."), ["Wait… what?", "Fine."]);
    assert_eq!(split("\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."), [
        "\"Bohr [...] used the analogy of parallel stairways [...]\" (Smith 55)."
    ]);
    assert_eq!(
        split("One habit was weakened . . . was that of compounds. . . . The practice was not abandoned. . . ."),
        ["One habit was weakened . . . was that of compounds.", ". . . The practice was not abandoned. . . ."]
    );
    assert_eq!(split("the thing is . . . I didn’t mean it."), ["the thing is . . . I didn’t mean it."]);
}

#[test]
fn numbered_lettered_and_bulleted_lists() {
    assert_eq!(split("1.) The first item. 2.) The second item."), ["1.) The first item.", "2.) The second item."]);
    assert_eq!(split("1) The first item. 2) The second item."), ["1) The first item.", "2) The second item."]);
    assert_eq!(split("1. The first item. 2. The second item."), ["1. The first item.", "2. The second item."]);
    assert_eq!(split("1. The first item 2. The second item"), ["1. The first item", "2. The second item"]);
    assert_eq!(split("⁃9. The first item ⁃10. The second item"), ["⁃9. The first item", "⁃10. The second item"]);
    assert_eq!(split("a. The first item b. The second item"), ["a. The first item", "b. The second item"]);
    assert_eq!(split("Items:\n- milk\n- Bread\n* Eggs"), ["Items:", "- milk", "- Bread", "* Eggs"]);
}

#[test]
fn line_breaks_end_headlines_but_not_wrapped_lines() {
    assert_eq!(split("Big News Today\n\nThe story begins."), ["Big News Today", "The story begins."]);
    assert_eq!(split("Big News Today\nThe story begins."), ["Big News Today", "The story begins."]);
    assert_eq!(split("The minister met with\nAmir Abdollahian on Saturday."), ["The minister met with\nAmir Abdollahian on Saturday."]);
    assert_eq!(split("It was a long and\nwinding road."), ["It was a long and\nwinding road."]);
    assert_eq!(split("Mr.\nSmith came."), ["Mr.\nSmith came."]);
    let wrapped = "The foreign minister of the country said on Saturday that he met\nAmir Abdollahian and others.\nThe talks went well.";
    assert_eq!(split(wrapped), [
        "The foreign minister of the country said on Saturday that he met\nAmir Abdollahian and others.",
        "The talks went well."
    ]);
    assert_eq!(split("Short Headline Here\nAmir Abdollahian spoke."), ["Short Headline Here", "Amir Abdollahian spoke."]);
}

#[test]
fn other_scripts() {
    assert_eq!(split("你好。我很好！你呢？好"), ["你好。", "我很好！", "你呢？", "好"]);
    assert_eq!(split("नमस्ते। आप कैसे हैं?"), ["नमस्ते।", "आप कैसे हैं?"]);
    assert_eq!(split("هل أنت بخير؟ نعم."), ["هل أنت بخير؟", "نعم."]);
}

#[test]
fn german_and_french_abbreviations_and_ordinals() {
    assert_eq!(split("Er kam z. B. am 3. Oktober, u. a. mit Dr. Müller bzw. Frau Nr. 5. Dann ging er."), [
        "Er kam z. B. am 3. Oktober, u. a. mit Dr. Müller bzw. Frau Nr. 5.",
        "Dann ging er."
    ]);
    assert_eq!(split("Das Haus aus dem 18. Jahrhundert steht im 6. Stock. Es ist alt."), [
        "Das Haus aus dem 18. Jahrhundert steht im 6. Stock.",
        "Es ist alt."
    ]);
    assert_eq!(split("M. Dupont et Mme Martin sont venus. Ils sont sept. Puis ils partent."), [
        "M. Dupont et Mme Martin sont venus.",
        "Ils sont sept.",
        "Puis ils partent."
    ]);
    assert_eq!(split("Il est né en 493 av. J.-C. à Rome."), ["Il est né en 493 av. J.-C. à Rome."]);
    assert_eq!(split("la rivière du Groenland ; La même année, il part."), ["la rivière du Groenland ;", "La même année, il part."]);
}

#[test]
fn web_text_in_lower_case() {
    assert_eq!(split("where did you grow up? india? i am going out tonight. call me."), [
        "where did you grow up?",
        "india?",
        "i am going out tonight.",
        "call me."
    ]);
    assert_eq!(split("St. Michael's Church is on 5th st. near the light."), ["St. Michael's Church is on 5th st. near the light."]);
    assert_eq!(split("Were Jane and co. at the party?"), ["Were Jane and co. at the party?"]);
    assert_eq!(split("What is your name? My name is Jonas."), ["What is your name?", "My name is Jonas."]);
    assert_eq!(split("I can see Mt. Fuji from here."), ["I can see Mt. Fuji from here."]);
    assert_eq!(split("That is JFK Jr.'s book."), ["That is JFK Jr.'s book."]);
    assert_eq!(split("I love her. :) She is great :-) Really."), ["I love her. :)", "She is great :-)", "Really."]);
}

#[test]
fn e_mail_headers_and_signatures() {
    assert_eq!(split("Kay Mann 04/26/2001 07:17 AM Will you send it?"), ["Kay Mann", "04/26/2001 07:17 AM", "Will you send it?"]);
    assert_eq!(split("We met on 08/16/2000 03:14 PM and talked."), ["We met on 08/16/2000 03:14 PM and talked."]);
    assert_eq!(split("Best regards, Debra Perlingiere"), ["Best regards,", "Debra Perlingiere"]);
    assert_eq!(split("Dear All, My name is Visit."), ["Dear All,", "My name is Visit."]);
    assert_eq!(split("Email: franz@gmail.com Site made! Look."), ["Email: franz@gmail.com", "Site made!", "Look."]);
    assert_eq!(split("Web: https://example.org/a Site made"), ["Web: https://example.org/a", "Site made"]);
    assert_eq!(split("Web: www.example.org Site made"), ["Web: www.example.org", "Site made"]);
    assert_eq!(split("Write to @home Site made and ask a@b Or not"), ["Write to @home Site made and ask a@b Or not"]);
    assert_eq!(split("It ended. -- Posted by Nook"), ["It ended.", "--", "Posted by Nook"]);
    assert_eq!(split("the man -- who was tall -- came"), ["the man -- who was tall -- came"]);
    assert_eq!(split("Thank you. ****** NOTICE ****** This mail is private."), [
        "Thank you.",
        "******",
        "NOTICE",
        "******",
        "This mail is private."
    ]);
}

#[test]
fn pathological_inputs_segment_in_linear_time() {
    let started = std::time::Instant::now();
    for text in [
        "Mr. ".repeat(200_000),
        ".".repeat(1_000_000),
        ". ".repeat(300_000),
        "A. ".repeat(200_000),
        "1. ".repeat(200_000),
        "word ".repeat(200_000),
        "Word ".repeat(200_000),
        "Word\n".repeat(200_000),
        "a.b".repeat(200_000),
        "x@y.z/".repeat(100_000) + " Next",
        "\"".repeat(200_000),
        "*".repeat(300_000) + " x",
    ] {
        let tokens = tokenize(&text);
        let found = sentences(&text, &tokens);
        assert!(!found.is_empty());
    }
    assert!(started.elapsed().as_secs() < 20, "help: segmentation took {:?}", started.elapsed());
}

proptest::proptest! {
    #[test]
    fn sentences_cover_every_non_space_character_once(text in "[ a-zA-Z0-9.!?\"'()\\n„“«»。:;,@/*•-]{0,80}|(\\PC|\\n|\\r){0,60}") {
        let tokens = tokenize(&text);
        let found = sentences(&text, &tokens);
        let mut covered = 0;
        let mut next_token = 0;
        for sentence in &found {
            proptest::prop_assert!(sentence.span.start >= covered && !sentence.span.is_empty());
            let slice = sentence.span.slice(&text);
            proptest::prop_assert_eq!(slice, slice.trim());
            proptest::prop_assert!(text[covered..sentence.span.start].trim().is_empty());
            proptest::prop_assert_eq!(sentence.tokens.start, next_token);
            next_token = sentence.tokens.end;
            covered = sentence.span.end;
        }
        proptest::prop_assert!(text[covered..].trim().is_empty());
        proptest::prop_assert_eq!(next_token, tokens.len());
    }
}

//! Sentence rules of German, French, Spanish, Dutch, Italian and Portuguese.

use super::*;
use crate::text::tokenize;

fn split(text: &str) -> Vec<&str> {
    sentences(text, &tokenize(text)).iter().map(|s| s.span.slice(text)).collect()
}

#[test]
fn german_abbreviations_and_ordinals() {
    assert_eq!(split("Das gilt z. B. für Äpfel, bzw. Birnen usw. und mehr. Dr. Meier kam am 3. Oktober. Er wohnt in Nr. 5."), [
        "Das gilt z. B. für Äpfel, bzw. Birnen usw. und mehr.",
        "Dr. Meier kam am 3. Oktober.",
        "Er wohnt in Nr. 5.",
    ]);
    assert_eq!(split("Am 3. Mai 2024 begann es. Der 1. FC Köln gewann."), ["Am 3. Mai 2024 begann es.", "Der 1. FC Köln gewann."]);
    assert_eq!(split("Die Zahl stieg auf 3. Dann fiel sie."), ["Die Zahl stieg auf 3.", "Dann fiel sie."]);
}

#[test]
fn french_abbreviations_spacing_and_guillemets() {
    assert_eq!(split("M. Dupont et Mme Martin sont venus. Ils ont dit : « Bonjour ! » Puis ils sont partis, etc. Vraiment ?"), [
        "M. Dupont et Mme Martin sont venus.",
        "Ils ont dit : « Bonjour ! »",
        "Puis ils sont partis, etc.",
        "Vraiment ?",
    ]);
    assert_eq!(split("Quelle surprise ! Je ne savais pas. Et toi ?"), ["Quelle surprise !", "Je ne savais pas.", "Et toi ?"]);
    assert_eq!(split("« Venez demain », dit-il. Elle répondit : oui."), ["« Venez demain », dit-il.", "Elle répondit : oui."]);
}

#[test]
fn spanish_inverted_marks_and_abbreviations() {
    assert_eq!(split("Hola. ¿Cómo estás? ¡Qué bien! El Sr. García y la Sra. López llegaron. Dña. Ana también."), [
        "Hola.",
        "¿Cómo estás?",
        "¡Qué bien!",
        "El Sr. García y la Sra. López llegaron.",
        "Dña. Ana también.",
    ]);
    assert_eq!(split("Dijo: ¿vienes? Y se fue."), ["Dijo: ¿vienes?", "Y se fue."]);
}

#[test]
fn dutch_italian_and_portuguese_abbreviations() {
    assert_eq!(split("Dhr. Jansen en mevr. De Vries kwamen, bijv. om tien uur. Het was goed."), [
        "Dhr. Jansen en mevr. De Vries kwamen, bijv. om tien uur.",
        "Het was goed.",
    ]);
    assert_eq!(split("Il Sig. Rossi e il Dott. Bianchi sono arrivati. Bene."), ["Il Sig. Rossi e il Dott. Bianchi sono arrivati.", "Bene."]);
    assert_eq!(split("O Sr. Silva e a Dra. Costa chegaram. Ótimo."), ["O Sr. Silva e a Dra. Costa chegaram.", "Ótimo."]);
}

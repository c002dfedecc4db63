//! The name models of German, Spanish, French and Dutch (`models/ner-<code>.bin`),
//! loaded as the package loads them by need: a language's names appear once its model
//! is loaded, never from the English model, and the capitalised common nouns of these
//! languages are not taken for names. The sentences are written for this test.

#[path = "support/models.rs"]
mod models;

use models::load_model as load;
use textlens::entities::model::registry;
use textlens::analysis::NamesStatus;
use textlens::{analyze, Label, Options};

/// The names found in `text` as (text, label), and the language it was read in.
fn names(text: &str) -> (Vec<(String, Label)>, &'static str) {
    let analysis = analyze(text, &Options::default()).unwrap();
    let names = analysis
        .entities
        .iter()
        .filter(|e| matches!(e.label, Label::Person | Label::Org | Label::Location))
        .map(|e| (e.text.clone(), e.label))
        .collect();
    (names, analysis.languages.detected)
}

/// One language's check: `text` is read in `language`, none of the `common` nouns is
/// (in) a name, and each of the `expected` names is found with its label.
fn check(language: &str, text: &str, common: &[&str], expected: &[(&str, Label)]) {
    // Italian and Portuguese borrow the Spanish model.
    load(registry::check(language).expect("a language with a model"));
    let (found, read_in) = names(text);
    assert_eq!(read_in, language, "help: the text was not read in its language");
    for noun in common {
        let tagged: Vec<&(String, Label)> = found.iter().filter(|(name, _)| name.split(|c: char| !c.is_alphanumeric()).any(|w| w == *noun)).collect();
        assert!(tagged.is_empty(), "{language}: the common noun {noun:?} is tagged as a name: {tagged:?}");
    }
    for (name, label) in expected {
        assert!(found.iter().any(|(n, l)| n == name && l == label), "{language}: {name:?} ({label:?}) not found in {found:?}");
    }
}

#[test]
fn german_nouns_are_not_names_and_german_names_are() {
    let text = "Der Zahnarzt hat mir für Dienstag einen Termin gegeben. Mein Beruf ist Verkäufer in einem kleinen \
                Laden in der Altstadt, gleich neben dem Rathaus. Die Stadtverwaltung von Freiburg plant eine neue \
                Brücke über den Fluss. Gestern besuchte Angela Merkel die Firma Siemens in München.";
    let common = ["Zahnarzt", "Dienstag", "Termin", "Beruf", "Verkäufer", "Laden", "Altstadt", "Rathaus", "Stadtverwaltung", "Brücke", "Fluss", "Firma"];
    check("de", text, &common, &[("Freiburg", Label::Location), ("Angela Merkel", Label::Person), ("München", Label::Location)]);
}

#[test]
fn french_words_are_not_names_and_french_names_are() {
    let text = "Le médecin m'a donné un rendez-vous à la mairie pour lundi. Il est parti avec sa voiture vers la gare, \
                puis il a pris le train. Hier, Emmanuel Macron a rencontré à Paris les dirigeants de Renault. \
                La préfecture de Lyon a fermé le pont.";
    let common = ["Le", "Il", "La", "médecin", "mairie", "voiture", "gare", "train", "préfecture", "pont", "Hier"];
    check("fr", text, &common, &[("Emmanuel Macron", Label::Person), ("Paris", Label::Location), ("Lyon", Label::Location)]);
}

#[test]
fn a_french_name_does_not_start_with_its_elided_article() {
    let text = "Les commerçants de l'avenue Jean-Jaurès regrettent la suppression des places de stationnement. \
                Martine Rousseau tient une boulangerie près du terminus.";
    check("fr", text, &["l"], &[("avenue Jean-Jaurès", Label::Location), ("Martine Rousseau", Label::Person)]);
}

#[test]
fn a_french_name_does_not_end_with_an_elided_preposition() {
    let text = "Le Conseil d'État a rejeté mardi le recours du gouvernement. \
                Selon le Conseil d'État, la loi reste valide jusqu'en janvier.";
    load("fr");
    let (found, _) = names(text);
    assert!(found.iter().all(|(name, _)| !name.ends_with('\'')), "a name ends with an elided preposition: {found:?}");
    assert!(found.iter().any(|(name, _)| name == "Conseil d'État"), "\"Conseil d'État\" not found whole in {found:?}");
}

#[test]
fn spanish_words_are_not_names_and_spanish_names_are() {
    let text = "El médico me dio una cita en el ayuntamiento para el lunes. La ciudad vieja de Sevilla es muy bonita \
                y el mercado abre temprano. Ayer, Pedro Sánchez visitó la fábrica de Telefónica en Madrid con el \
                alcalde.";
    let common = ["El", "La", "médico", "cita", "ayuntamiento", "ciudad", "mercado", "Ayer", "fábrica", "alcalde"];
    check("es", text, &common, &[("Sevilla", Label::Location), ("Pedro Sánchez", Label::Person), ("Madrid", Label::Location)]);
}

#[test]
fn italian_names_come_from_the_spanish_model_and_italian_words_are_not_names() {
    let text = "Il sindaco di Torino, Stefano Lo Russo, ha inaugurato ieri il nuovo ponte sul fiume. Anche la Regione \
                Piemonte ha contribuito ai lavori. Il ponte collega il quartiere di San Salvario con il parco, \
                dove il Comune di Torino aprirà un museo.";
    let common = ["Il", "Anche", "sindaco", "ponte", "fiume", "quartiere", "parco", "museo"];
    let expected = [("Torino", Label::Location), ("Stefano Lo Russo", Label::Person), ("Regione Piemonte", Label::Org), ("Comune di Torino", Label::Org)];
    check("it", text, &common, &expected);
    let analysis = analyze(text, &Options::default()).unwrap();
    assert_eq!((analysis.languages.names, analysis.languages.model), (NamesStatus::Ready, Some("es")));
}

#[test]
fn portuguese_names_come_from_the_spanish_model_and_portuguese_words_are_not_names() {
    let text = "A Câmara Municipal de Lisboa anunciou a compra de autocarros elétricos para a Carris. O presidente \
                da autarquia, Carlos Moedas, disse que os veículos vão circular em Belém e na Praça do Comércio. \
                Em Alfama, os moradores pedem mais ligações.";
    let common = ["A", "O", "Em", "presidente", "autarquia", "veículos", "moradores"];
    // "Alfama", a place the model does not know, it takes for a person; no given name, it is made a place.
    let expected = [("Câmara Municipal de Lisboa", Label::Org), ("Carlos Moedas", Label::Person), ("Praça do Comércio", Label::Location), ("Alfama", Label::Location)];
    check("pt", text, &common, &expected);
}

#[test]
fn the_countries_of_italian_and_portuguese_text_are_places() {
    // The Spanish model's gazetteer has them from models/places_it_pt.txt (make model).
    let text = "Il ministro degli Esteri è partito ieri per l'Ucraina. La settimana prossima visiterà il Giappone e la \
                Turchia, mentre la Svezia e la Norvegia hanno aumentato la spesa militare.";
    let expected = ["Ucraina", "Giappone", "Turchia", "Svezia", "Norvegia"].map(|name| (name, Label::Location));
    check("it", text, &[], &expected);
    let text = "O ministro partiu ontem para o Japão. As relações com a Síria continuam tensas, e o Egito e Marrocos \
                pediram uma trégua, tal como os Países Baixos.";
    let expected = ["Japão", "Síria", "Marrocos", "Países Baixos"].map(|name| (name, Label::Location));
    check("pt", text, &[], &expected);
}

#[test]
fn the_countries_of_french_text_are_places() {
    // The French model's gazetteer has them from models/places_fr.txt (make model).
    let text = "Le Mali et le Niger ont quitté la Cédéao. Au Tchad, le président a reçu son homologue du Soudan, \
                tandis que les États-Unis et le Royaume-Uni ont salué l'accord.";
    let expected = ["Mali", "Niger", "Tchad", "Soudan", "États-Unis"].map(|name| (name, Label::Location));
    check("fr", text, &[], &expected);
}

#[test]
fn the_countries_of_german_and_dutch_text_are_places() {
    // Their models' gazetteers have them from models/places_de.txt and places_nl.txt.
    let text = "Auch Kasachstan, Usbekistan und Aserbaidschan nahmen an dem Treffen teil.";
    check("de", text, &[], &["Kasachstan", "Usbekistan", "Aserbaidschan"].map(|name| (name, Label::Location)));
    let text = "Ook Kazachstan, Oezbekistan en Azerbeidzjan namen deel aan de bijeenkomst.";
    check("nl", text, &[], &["Kazachstan", "Oezbekistan", "Azerbeidzjan"].map(|name| (name, Label::Location)));
}

#[test]
fn well_known_organisations_of_italian_and_portuguese_text_are_organisations() {
    // The Spanish model's gazetteer has them from models/orgs_it_pt.txt (make model).
    let text = "O Benfica venceu no sábado o Sporting por 2-1 no Estádio da Luz.";
    check("pt", text, &[], &[("Benfica", Label::Org), ("Sporting", Label::Org), ("Estádio da Luz", Label::Location)]);
}

#[test]
fn a_given_name_written_with_its_accent_opens_a_persons_name() {
    let text = "O ministro Luís Marques Mendes recebeu ontem o chanceler alemão em Lisboa.";
    check("pt", text, &[], &[("Luís Marques Mendes", Label::Person), ("Lisboa", Label::Location)]);
}

#[test]
fn dutch_names_come_from_the_dutch_model_once_loaded() {
    let text = "De burgemeester van Amsterdam opende gisteren een nieuwe brug. Mark Rutte sprak met de directie van \
                Philips in Eindhoven over de nieuwe fabriek.";
    // Before its model is loaded, Dutch text has no names at all: not the English
    // model's, which would read every capitalised word.
    let before = analyze(text, &Options::default()).unwrap();
    if before.languages.names == NamesStatus::NotLoaded {
        assert!(before.entities.iter().all(|e| !matches!(e.label, Label::Person | Label::Org | Label::Location)), "{:?}", before.entities);
    }
    check("nl", text, &["De", "burgemeester", "brug", "directie", "fabriek"], &[("Amsterdam", Label::Location), ("Mark Rutte", Label::Person)]);
    assert_eq!(analyze(text, &Options::default()).unwrap().languages.names, NamesStatus::Ready);
}

#[test]
fn the_lists_complete_the_names_of_news_in_other_languages() {
    // A dateline's place, well-known organisations, a surname with its particles and a
    // connective that opens a sentence: the models had missed "Paris" and "Insee", read
    // "Renault" as a person, kept "Ursula" alone and made "Intanto Stellantis" a person.
    check(
        "fr",
        "Paris, 4 décembre 2026 – Selon l'Insee, la croissance ralentit. Renault a annoncé mardi de nouvelles \
         suppressions de postes, et la SNCF prévoit une grève en janvier.",
        &[],
        &[("Paris", Label::Location), ("Insee", Label::Org), ("Renault", Label::Org), ("SNCF", Label::Org)],
    );
    check(
        "de",
        "Bundeskanzler Friedrich Merz hat am Dienstag in Brüssel mit Ursula von der Leyen über die Zölle gesprochen. \
         Die Bundesregierung rechnet mit Mehrkosten.",
        &["Zölle"],
        &[("Friedrich Merz", Label::Person), ("Ursula von der Leyen", Label::Person)],
    );
    check(
        "it",
        "Il governo ha presentato la manovra a Roma. Intanto Stellantis ha annunciato la cassa integrazione per \
         duemila dipendenti dello stabilimento di Torino.",
        &["Intanto"],
        &[("Stellantis", Label::Org), ("Torino", Label::Location)],
    );
}

//! What the shipped word lists say about the names of a text: where a person's name
//! starts and ends ([`whole_people`], in every language), and in another language than
//! English which are
//! well-known organisations ([`known_orgs`]) and datelines' places ([`dateline_places`]),
//! and what a borrowed model found, the Spanish model reading Italian or Portuguese
//! ([`super::model::registry::BORROWED`]). That model takes a place it does not know for a
//! person, and the capitalised words that open a sentence for part of a name; the
//! lists know the words that open organisations' and places' names in these languages
//! and their main places. The models of the languages they were trained on do without:
//! on their dev sets the first words and listed places moved CoNLL-2002 Spanish by
//! +0.05, Dutch by +0.12 and Europeana French by -0.09 micro F1, and the opening
//! stopwords cost Dutch 2.52 ("Van den Berg" at a sentence start).

use super::entity::{Evidence, Label, Mention, Source};
use super::gazetteer::{is_first_name, is_known_org, is_org_head, is_org_opener, is_other_place, is_place, is_place_head, is_place_opener, is_title};
use crate::lexicon::calendar::PatternWords;
use crate::lexicon::{FastMap, Stopwords, HONORIFICS};
use crate::span::Span;
use crate::text::{dateline, in_capitals, single_spaced, Document, Token, TokenKind};

/// `span`, a name the model found in `doc`, without the stopwords that open its
/// sentence before it ("A Câmara Municipal", "Anche la Cgil"), where a capitalised
/// word follows them; `None` when the name is all stopwords ("Il"). Only at a
/// sentence start, where the capital says
/// nothing: within a sentence the article may be part of the name ("La Palma",
/// "Las Palmas").
pub(super) fn without_opening_stopwords(doc: &Document, stopwords: &Stopwords, span: Span) -> Option<Span> {
    if !opens_sentence(doc, span) {
        return Some(span);
    }
    // The name's tokens, whose normalised forms are what the stopword lists hold (an
    // elided article with its apostrophe: "l'").
    let first = doc.tokens.partition_point(|t| t.span.start < span.start);
    let mut tokens = doc.tokens[first..].iter().take_while(|t| t.span.end <= span.end);
    let start = match tokens.find(|t| !(t.kind == TokenKind::Word && stopwords.contains(&t.norm))) {
        Some(token) => token.span.start,
        None => return None,
    };
    let capitalised = doc.text[start..].starts_with(char::is_uppercase);
    Some(if start > span.start && capitalised { Span::new(start, span.end) } else { span })
}

/// Whether nothing but punctuation comes before `span` in its sentence.
fn opens_sentence(doc: &Document, span: Span) -> bool {
    let i = doc.sentences.partition_point(|s| s.span.start <= span.start);
    let Some(sentence) = i.checked_sub(1).and_then(|i| doc.sentences.get(i)) else { return false };
    doc.text.get(sentence.span.start..span.start).is_some_and(|before| !before.chars().any(char::is_alphanumeric))
}

/// The label the lists give `name` (a name of another language than English that the
/// model labelled `label`): an organisation where its first word opens organisations'
/// names ("Comune di Milano", "Fundação Oswaldo Cruz"), a place where it opens places'
/// ("Piazza Maggiore", "Praça da Liberdade"), and a place where the model's person
/// is a listed place that is no given name ("Porto Alegre", "Reggio Calabria"; the
/// lists' English spellings too: "Milan", "Bologna").
pub(super) fn listed_label(name: &str, label: Label) -> Label {
    let mut words = name.split(|c: char| c.is_whitespace() || c == '\'' || c == '’').filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("").to_lowercase();
    let more = words.next().is_some();
    if more && (is_org_head(&first) || is_org_opener(&first)) {
        return Label::Org;
    }
    if more && (is_place_head(&first) || is_place_opener(&first)) {
        return Label::Location;
    }
    if label == Label::Person && !is_first_name(&first) {
        let key = name.to_lowercase();
        if is_place(&key) || is_other_place(&key) {
            return Label::Location;
        }
    }
    label
}

/// The borrowed model's people of one word that no list knows as a given name, that
/// end no full name of the text and follow no title ("Posillipo", "Alfama", but not
/// "Rossi" after "Mario Rossi", nor "il premier Meloni" or "dott. Bianchi"), made places: the Spanish
/// model takes a capitalised word it does not know for a person, and on the project's
/// Italian and Portuguese texts such a word was most often a place. A surname alone
/// without a title ("Lula disse") is made a place too. Making places only after a
/// preposition of place ("a Posillipo", "em Alfama") gave micro F1 it 57.55 and pt
/// 58.41 instead of 67.63 and 59.73 (the list of places lacking, as it does, the
/// places of one word that this rule covers).
pub(super) fn unknown_people_as_places(text: &str, names: &mut [Mention], name_ends: &FastMap<&str, i64>) {
    for name in names.iter_mut().filter(|m| m.label == Label::Person) {
        let word = name.span.slice(text);
        // A title before it says a person ("il premier Meloni", "o presidente Lula";
        // within a sentence, so in lower case).
        // A courtesy title does too ("dott. Bianchi").
        let before = text[..name.span.start].trim_end().rsplit(' ').next().unwrap_or("");
        let titled = is_title(before) || HONORIFICS.contains(&before.trim_end_matches('.').to_lowercase().as_str());
        if !titled && !word.contains(' ') && !is_first_name(&word.to_lowercase()) && !name_ends.contains_key(word) {
            name.label = Label::Location;
        }
    }
}

/// The well-known organisations of the lists ("Renault", "Siemens", "NATO") in text of
/// another language than English, where no rules know them: a listed word that a
/// model labelled a person or place becomes an organisation, and one that no name or
/// MISC name (`misc`, sorted) covers is added (returned, in text order). Only where its
/// form says a name: capitalised and no stopword of the language, and a word of three
/// letters or fewer in capitals ("Un", "Esa" and "Eu" are listed acronyms and words
/// there), but not in a sentence without lower case. `names` are sorted by start.
///
/// With the list's last four lines, dev micro F1 through the CLI: CoNLL-2002 Dutch
/// 79.94 -> 80.04 ("Vivendi", "ANP"), the project's Italian texts 68.11 -> 68.59,
/// WikiNews French gains "CGT", "Sanofi", "Michelin" and "NASA"; Spanish, French and
/// Europeana unchanged. GermEval 68.62 -> 69.05 overstates it: five of the companies
/// ("Dell", "AMD", "Nike", "Nvidia", "Petrobras") were among its dev errors when the
/// list was written, and without them it is 68.51 ("ADAC GT" becomes "ADAC").
#[inline(never)]
pub(super) fn known_orgs(doc: &Document, stopwords: &Stopwords, names: &mut [Mention], misc: &[Span]) -> Vec<Mention> {
    let mut added = Vec::new();
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word && t.is_capitalized()) {
        if !is_known_org(&token.norm) || stopwords.contains(&token.norm) {
            continue;
        }
        let span = token.span;
        let capitals = in_capitals(span.slice(doc.text));
        if capitals && !in_prose(doc, span) || !capitals && token.norm.len() <= 3 {
            continue;
        }
        added.extend(labelled(names, misc, span, Label::Org));
    }
    added
}

/// The people of a text with the listed given names the model left out before them
/// ("Florian" of "Florian David Fitz") and, after a given name alone, the surname that
/// follows it ("Gudrun Arlt", "Ursula von der Leyen", "Anna Schmidt") or an initial
/// ("Claudia B."). A word is added only across one space and up to the next name, and a
/// surname is no word the text also writes in lower case. `names` are sorted by start.
/// Dev micro F1: GermEval 69.05 -> 69.27, CoNLL-2002 Dutch 80.04 -> 80.10 ("Juan
/// Antonio Samaranch"), the others unchanged; in English, where the rules had done
/// without it, CoNLL-2003 92.72 -> 92.74 and WNUT-17 49.32 -> 49.50, the others
/// unchanged. Without the lower-case test, paper headings gave "Ganesh Proxy" and "Max
/// Localization"; with it, no dev figure moved.
/// Initials before a name too gained GermEval 0.22 more ("A. Wiegemann") but lost
/// Europeana French 6.9 and Dutch 0.6: "M. Barthou" and "Z. H. Pius" are titles.
#[inline(never)]
pub(super) fn whole_people(doc: &Document, stopwords: &Stopwords, names: &mut [Mention]) {
    let tokens = &doc.tokens;
    let mut lower = Vec::new();
    for i in 0..names.len() {
        if names[i].label != Label::Person {
            continue;
        }
        let span = names[i].span;
        let floor = i.checked_sub(1).and_then(|j| names.get(j)).map_or(0, |m| m.span.end);
        let ceiling = names.get(i + 1).map_or(doc.text.len(), |m| m.span.start);
        let mut first = tokens.partition_point(|t| t.span.start < span.start);
        let mut end = tokens.partition_point(|t| t.span.start < span.end);
        while let Some(before) = given_name_before(doc, stopwords, first).filter(|&b| tokens[b].span.start >= floor) {
            first = before;
        }
        let alone = end == first + 1 && tokens.get(first).is_some_and(|t| is_name_word(doc, stopwords, t) && is_first_name(&t.norm));
        let within = |end: usize| tokens.get(end - 1).is_some_and(|t| t.span.end <= ceiling);
        if let Some(after) = initial_at(doc, end).filter(|&a| alone && within(a)) {
            end = after;
        } else if let Some(after) = surname_at(doc, stopwords, end).filter(|&a| alone && within(a) && !in_lower_case(doc, &mut lower, a - 1)) {
            end = after;
        }
        if let (Some(a), Some(b)) = (tokens.get(first), end.checked_sub(1).and_then(|e| tokens.get(e))) {
            names[i].span = Span::new(a.span.start.min(span.start), b.span.end.max(span.end));
        }
    }
}

/// Whether the word of token `at` is written in lower case somewhere in `doc`: then it is
/// no surname ("Lee Stochastic", "Ganesh Proxy" in a paper's headings). `lower`, empty
/// until first asked, holds [`Document::lower_case_words`].
fn in_lower_case(doc: &Document, lower: &mut Vec<bool>, at: usize) -> bool {
    if lower.is_empty() {
        *lower = doc.lower_case_words();
    }
    lower.get(doc.forms.word(at) as usize).copied().unwrap_or(false)
}

/// The particles that open surnames ("Ursula von der Leyen", "Juan de la Cruz").
const SURNAME_PARTICLES: [&str; 10] = ["von", "van", "zu", "der", "den", "de", "la", "del", "di", "da"];

/// One past the end of the surname that starts at token `at`, one space after the token
/// before: a capitalised word, perhaps after one or two particles.
fn surname_at(doc: &Document, stopwords: &Stopwords, at: usize) -> Option<usize> {
    let is_particle = |i: usize| doc.tokens.get(i).is_some_and(|t| SURNAME_PARTICLES.contains(&t.text(doc.text))) && joined(doc, i);
    let particles = (at..at + 2).take_while(|&i| is_particle(i)).count();
    let name = at + particles;
    (doc.tokens.get(name).is_some_and(|t| is_name_word(doc, stopwords, t)) && joined(doc, name)).then_some(name + 1)
}

/// Whether token `at` of `doc` follows the token before it after exactly one space.
fn joined(doc: &Document, at: usize) -> bool {
    let (Some(before), Some(token)) = (at.checked_sub(1).and_then(|b| doc.tokens.get(b)), doc.tokens.get(at)) else { return false };
    single_spaced(doc.text, before, token)
}

/// A capitalised word of a name: no stopword, no word in capitals.
fn is_name_word(doc: &Document, stopwords: &Stopwords, token: &Token) -> bool {
    token.kind == TokenKind::Word && token.is_capitalized() && !stopwords.contains(&token.norm) && !in_capitals(token.span.slice(doc.text))
}

/// The listed given name just before token `at`, one space before it.
fn given_name_before(doc: &Document, stopwords: &Stopwords, at: usize) -> Option<usize> {
    if !joined(doc, at) {
        return None;
    }
    let before = doc.tokens.get(at.checked_sub(1)?)?;
    (is_name_word(doc, stopwords, before) && is_first_name(&before.norm)).then_some(at - 1)
}

/// One past the end of the initial ("B." as a capital letter and a period) that starts
/// at token `at`, one space after the token before.
fn initial_at(doc: &Document, at: usize) -> Option<usize> {
    let (letter, period) = (doc.tokens.get(at)?, doc.tokens.get(at + 1)?);
    let is_letter = letter.kind == TokenKind::Word && letter.span.len() == 1 && letter.is_capitalized();
    let is_period = period.span.slice(doc.text) == "." && period.span.start == letter.span.end;
    (joined(doc, at) && is_letter && is_period).then_some(at + 2)
}

/// The places of the datelines that open a sentence of wire news ("Paris, 4 décembre
/// 2026 –", "Pristina (Yugoslavia), 23 may (EFE)"): one to three capitalised words, no
/// stopwords, before a comma, a day and a month of `calendar`. A model trained on old
/// newspapers leaves them out, or takes one for a person. Such a place the names
/// (sorted by start) have with another label becomes a place; one no name or MISC name
/// (`misc`, sorted) covers is added (returned, in text order). Dev micro F1: Europeana
/// French 73.67 -> 73.92 ("Port-Mali", "Loctudy"); the others unchanged (the Spanish
/// model knows EFE's datelines). A place that opens with a stopword ("Le Havre") is
/// left to the model.
///
/// Out of line, as [`whole_people`] and [`known_orgs`] are: inlined into the recognizer,
/// the three took 0.3 KB more of the gzipped element.
#[inline(never)]
pub(super) fn dateline_places(doc: &Document, stopwords: &Stopwords, calendar: &PatternWords, names: &mut [Mention], misc: &[Span]) -> Vec<Mention> {
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.sentence_tokens(sentence);
        let Some(line) = dateline(doc.text, tokens) else { continue };
        let (place, month) = (tokens.get(..line.place).unwrap_or(&[]), tokens.get(line.day + 1));
        let dated = month.is_some_and(|month| calendar.month(&month.norm).is_some());
        let (Some(first), Some(last)) = (place.first(), place.last()) else { continue };
        if !dated || place.iter().any(|t| stopwords.contains(&t.norm)) {
            continue;
        }
        let span = Span::new(first.span.start, last.span.end);
        added.extend(labelled(names, misc, span, Label::Location));
    }
    added
}

/// `span` as a name of `label`: a name of `names` (sorted by start) written exactly there
/// takes the label, and where no name nor MISC name (`misc`, sorted) overlaps it, it is a
/// new name (returned).
fn labelled(names: &mut [Mention], misc: &[Span], span: Span, label: Label) -> Option<Mention> {
    match names.get_mut(names.partition_point(|m| m.span.end <= span.start)) {
        Some(name) if name.span == span => {
            name.label = label;
            None
        }
        Some(name) if name.span.overlaps(&span) => None,
        _ => {
            let other = misc.get(misc.partition_point(|m| m.end <= span.start));
            (!other.is_some_and(|m| m.overlaps(&span))).then(|| Mention::with(span, label, Evidence::new(Source::Rules, 0)))
        }
    }
}

/// Whether the sentence of `span` has lower case: in one without, a word in capitals
/// may be any word.
pub(super) fn in_prose(doc: &Document, span: Span) -> bool {
    let sentence = doc.sentences.get(doc.sentences.partition_point(|s| s.span.end <= span.start));
    sentence.is_some_and(|s| s.span.slice(doc.text).chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention of the first `word` of `text`.
    fn at(text: &str, word: &str, label: Label) -> Mention {
        let start = text.find(word).unwrap();
        Mention::new(Span::new(start, start + word.len()), label)
    }

    fn stripped(text: &str, name: &str, language: &str) -> Option<String> {
        let doc = Document::new(text);
        let start = text.find(name).unwrap();
        let span = without_opening_stopwords(&doc, &Stopwords::of(language), Span::new(start, start + name.len()))?;
        Some(span.slice(text).to_owned())
    }

    #[test]
    fn a_sentence_start_loses_its_stopwords_and_a_name_within_a_sentence_keeps_its_article() {
        let pt = "A Câmara Municipal aprovou o plano. Em Alfama a festa continua.";
        assert_eq!(stripped(pt, "A Câmara Municipal", "pt").as_deref(), Some("Câmara Municipal"));
        assert_eq!(stripped(pt, "Em Alfama", "pt").as_deref(), Some("Alfama"));
        let it = "Anche la Cgil protesta. L'Atm conferma.";
        assert_eq!(stripped(it, "Anche la Cgil", "it").as_deref(), Some("Cgil"));
        assert_eq!(stripped(it, "L'Atm", "it").as_deref(), Some("L'Atm"), "a capital after the apostrophe keeps it whole, as L'Oréal");
        let es = "El volcán de La Palma sigue activo.";
        assert_eq!(stripped(es, "La Palma", "es").as_deref(), Some("La Palma"));
        assert_eq!(stripped("Il sindaco parla.", "Il", "it"), None);
    }

    #[test]
    fn listed_organisations_are_organisations_where_their_form_says_a_name() {
        let text = "Renault et la SNCF. Un accord. Eu disse à Total. LA CGT PROTESTE. Nike Inc. vend.";
        let doc = Document::new(text);
        let mut names = vec![at(text, "Renault", Label::Person), at(text, "Nike Inc.", Label::Person)];
        let added = known_orgs(&doc, &Stopwords::of("fr"), &mut names, &[]);
        assert_eq!(names[0].label, Label::Org, "a listed word the model called a person");
        assert_eq!(names[1].label, Label::Person, "a longer name that holds one stays as it is");
        let added: Vec<&str> = added.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(added, ["SNCF"], "not a stopword (Un), a short entry not in capitals (Eu), nor a shouted sentence");
    }

    #[test]
    fn a_persons_name_takes_the_given_name_before_it_and_after_a_given_name_alone_the_surname() {
        let text = "Mit Florian David Fitz und Claudia B. sprach Maria Schulz. Juan Samaranch, rosa Hemden, Peter und Anna Berlin. Ursula von der Leyen, Agnes von der CDU.";
        let doc = Document::new(text);
        let mut names = vec![
            at(text, "David Fitz", Label::Person),
            at(text, "Claudia", Label::Person),
            at(text, "Maria", Label::Person),
            at(text, "Samaranch", Label::Person),
            at(text, "rosa", Label::Person),
            at(text, "Peter", Label::Person),
            at(text, "Anna", Label::Person),
            at(text, "Berlin", Label::Location),
            at(text, "Ursula", Label::Person),
            at(text, "Agnes", Label::Person),
        ];
        whole_people(&doc, &Stopwords::of("de"), &mut names);
        let found: Vec<&str> = names.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(found, ["Florian David Fitz", "Claudia B.", "Maria Schulz", "Juan Samaranch", "rosa", "Peter", "Anna", "Berlin", "Ursula von der Leyen", "Agnes"]);
    }

    #[test]
    fn the_place_of_a_dateline_is_a_place() {
        let text = "Port-Mali, 4 décembre 2026 – La pêche. Den Haag, 5 mars. Loctudy (Finistère), 6 mai. Mardi, 4 élèves. Le Havre, 7 mai.";
        let doc = Document::new(text);
        let mut names = vec![at(text, "Port-Mali", Label::Person)];
        let calendar = crate::lexicon::calendar::of("fr").unwrap();
        let added = dateline_places(&doc, &Stopwords::of("fr"), calendar, &mut names, &[]);
        assert_eq!(names[0].label, Label::Location, "a person of the model becomes a place");
        let added: Vec<&str> = added.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(added, ["Den Haag", "Loctudy"], "not without a month after the day, nor after a stopword");
    }

    #[test]
    fn first_words_and_listed_places_give_the_label() {
        assert_eq!(listed_label("Comune di Milano", Label::Person), Label::Org);
        assert_eq!(listed_label("Praça da Liberdade", Label::Person), Label::Location);
        assert_eq!(listed_label("Porto Alegre", Label::Person), Label::Location);
        assert_eq!(listed_label("Bologna", Label::Person), Label::Location);
        assert_eq!(listed_label("Bologna", Label::Org), Label::Org, "a club named after its city stays");
        assert_eq!(listed_label("Salvador", Label::Person), Label::Person, "a given name stays a person");
        assert_eq!(listed_label("Carlos Moedas", Label::Person), Label::Person);
    }

    #[test]
    fn an_unknown_one_word_person_is_a_place_but_a_given_name_or_a_surname_of_the_text_is_not() {
        let text = "Posillipo Mario Rossi Rossi Giulia Benfica, il premier Meloni, Gentile dott. Bianchi";
        let at = |word: &str| {
            let start = text.rfind(word).unwrap();
            Mention::new(Span::new(start, start + word.len()), Label::Person)
        };
        let mut names = vec![at("Posillipo"), at("Mario Rossi"), at("Rossi"), at("Giulia"), at("Benfica"), at("Meloni"), at("Bianchi")];
        let mut ends = FastMap::default();
        ends.insert("Rossi", 0);
        unknown_people_as_places(text, &mut names, &ends);
        let labels: Vec<Label> = names.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Location, Label::Person, Label::Person, Label::Person, Label::Location, Label::Person, Label::Person]);
    }
}

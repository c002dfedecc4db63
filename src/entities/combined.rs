//! The names of a document: the learned tagger's, corrected by the rule-based
//! recognizer where it knows better, and completed by what the text itself says (an
//! abbreviation it defines, a name it repeats).

use super::corrections;
use super::entity::{Evidence, Label, Mention, Recognizer, Source};
use super::model::{Mention as TaggerMention, Tagger};
use super::names::{is_acronym, Rules};
use crate::lexicon::calendar::{self, PatternWords};
use crate::lexicon::{conjunctions, list, FastMap, Stopwords, GERMAN_ROLES, HONORIFICS};
use crate::span::Span;
use crate::text::{Document, Furniture, TokenKind};

/// Names from the learned tagger, corrected by the rules where they know better.
///
/// The tagger runs a title straight into a name ("Supreme Security Council of Iraq
/// Qasim Al-Araji") and misses a surname alone at a sentence start. So a tagger name
/// that the rules see as two or more names is split into those, and a rule-found
/// person that no tagger name covers is kept when it is the end of a person's full
/// name found in the text ("Araji"), as is a listed place or organisation written as
/// an acronym ([`listed_acronyms`]). A tagger name loses the lower-case words that end
/// it ([`without_description`]) and keeps the period after its last initial
/// ([`with_closing_period`]), and a MISC compound gives the places in it
/// ([`places_in_compound`]). Then an abbreviation the text defines after a name names
/// the same ([`with_abbreviations`]), and so does another occurrence of a name
/// ([`with_repeats`]).
///
/// The rules read English only: in German every noun is capitalised, and the rules
/// would split "Universität Wien" or add a noun as a short name. A model of another
/// language is used without them; the lists' well-known organisations
/// ([`corrections::known_orgs`]) and the text's own abbreviations and repeats still
/// count. In every language, the lists' given names complete people's names
/// ([`corrections::whole_people`]).
/// A model borrowed from another language (Italian and Portuguese text read by the
/// Spanish model) is corrected by word lists instead ([`corrections`]).
pub(super) struct Combined<'a> {
    tagger: &'a Tagger,
    /// Whether the rules correct the tagger (English text).
    rules: bool,
    /// Whether the tagger's model was trained on another language than the text's.
    borrowed: bool,
    /// The stopwords of the text's language ([`is_function_word`]).
    stopwords: Stopwords,
    /// The words that join a list's last two items in the text's language
    /// ([`with_listed`]), space-separated.
    conjunctions: &'static str,
    /// Whether the text's language capitalises its nouns (German): then a person's name
    /// starts after a noun of office ([`without_role`]); else a name holds no noun after
    /// an opening stopword ([`without_opening_noun`]).
    capitalises_nouns: bool,
    /// The text's language's words of dates ([`corrections::dateline_places`]), where it
    /// has them.
    calendar: Option<&'static PatternWords>,
}

impl<'a> Combined<'a> {
    /// The recognizer of `tagger`'s names in a text in `language`, corrected by the
    /// rules where it is English.
    pub(super) fn new(tagger: &'a Tagger, language: &str) -> Self {
        let borrowed = super::model::registry::model_language(language).is_some_and(|model| model != language);
        let capitalises_nouns = language == "de";
        let calendar = calendar::of(language);
        Combined { tagger, rules: language == "en", borrowed, stopwords: Stopwords::of(language), conjunctions: conjunctions(language), capitalises_nouns, calendar }
    }

    /// The tagger's names `mentions`, corrected by the rules' names `rules` (sorted by
    /// start); the tagger's MISC names go to `misc`.
    fn tagged(&self, doc: &Document, mentions: Vec<TaggerMention>, rules: &[Mention], misc: &mut Vec<Span>) -> Vec<Mention> {
        let mut names = Vec::new();
        let links = links(doc);
        for mut tagged in mentions {
            let line = links.partition_point(|line| line.end <= tagged.span.start);
            if links.get(line).is_some_and(|line| line.contains(&tagged.span)) {
                continue;
            }
            if !self.rules {
                let Some(span) = without_honorific(doc.text, tagged.span) else { continue };
                let span = if self.capitalises_nouns { span } else { without_opening_noun(doc.text, span, &self.stopwords) };
                let span = if self.borrowed { corrections::without_opening_stopwords(doc, &self.stopwords, span) } else { Some(span) };
                let Some(span) = span else { continue };
                if is_function_word(&self.stopwords, span.slice(doc.text)) {
                    continue;
                }
                tagged.span = span;
            }
            let from = |source| Evidence::new(source, tagged.margin);
            let Some(label) = tagged.kind.label() else {
                names.extend(places_in_compound(doc.text, tagged.span, rules).map(|m| Mention::with(m.span, m.label, from(Source::CompoundPlace))));
                misc.push(tagged.span);
                continue;
            };
            let span = with_closing_period(doc.text, without_description(doc.text, tagged.span));
            let label = if self.borrowed { corrections::listed_label(span.slice(doc.text), label) } else { label };
            let span = if label == Label::Person && self.capitalises_nouns { without_role(doc.text, span, GERMAN_ROLES) } else { span };
            let first = rules.partition_point(|r| r.span.start < span.start);
            let inside = rules[first..].iter().take_while(|r| span.contains(&r.span)).count();
            if inside >= 2 {
                names.extend(rules[first..first + inside].iter().map(|r| Mention::with(r.span, r.label, from(Source::Split))));
            } else {
                names.push(Mention::with(span, label, from(Source::Tagger)));
            }
        }
        names
    }
}

impl Recognizer for Combined<'_> {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        // The tagger before the rules: its scores (18 bytes a token) are the largest
        // buffer of an analysis, and taken before the rules' working memory has been
        // freed into pieces too small to hold them, the wasm heap's high-water mark on
        // 10 MB of text (make bench's) is 169.7 MB instead of 195.9.
        let mentions = self.tagger.mentions(doc);
        let mut rules = if self.rules { Rules.recognize(doc) } else { Vec::new() };
        crate::order::sort_by_key(&mut rules, |m| (m.span.start, m.span.end));
        let mut misc = Vec::new();
        let mut names = self.tagged(doc, mentions, &rules, &mut misc);
        let text = doc.text;
        // The ends of the people's full names, after a space or hyphen ("Araji" of
        // "Qasim Al-Araji"), with the surest full name's margin: one map, so that each
        // rule-found person is one look-up.
        let mut name_ends: FastMap<&str, i64> = FastMap::default();
        for person in names.iter().filter(|m| m.label == Label::Person) {
            let full = person.span.slice(text);
            if full.split([' ', '-']).nth(LONGEST_NAME).is_some() {
                continue;
            }
            for (i, sep) in full.match_indices([' ', '-']) {
                let margin = name_ends.entry(&full[i + sep.len()..]).or_default();
                *margin = (*margin).max(person.evidence.margin);
            }
        }
        if self.borrowed {
            corrections::unknown_people_as_places(text, &mut names, &name_ends);
        }
        // Tagger names come in text order, and the rules' pieces of a split name too.
        let covered = |span: &Span| {
            let i = names.partition_point(|m| m.span.end <= span.start);
            names.get(i).is_some_and(|m| m.span.overlaps(span))
        };
        let short_names: Vec<Mention> = rules
            .iter()
            .filter(|r| r.label == Label::Person && !covered(&r.span))
            .filter_map(|r| Some(Mention::with(r.span, r.label, Evidence::new(Source::ShortName, *name_ends.get(r.span.slice(text))?))))
            .collect();
        let acronyms = listed_acronyms(doc, &rules, &names, &misc);
        names.extend(short_names);
        names.extend(acronyms);
        crate::order::sort_by_key(&mut names, |m| (m.span.start, m.span.end));
        corrections::whole_people(doc, &self.stopwords, &mut names);
        let names = if self.rules { names } else { self.completed(doc, names, &misc) };
        let names = with_listed(text, names, self.conjunctions);
        let names = with_abbreviations(doc, names);
        with_repeats(doc, names, &misc, !self.rules)
    }
}

impl Combined<'_> {
    /// The names (sorted by start) of text in another language than English, completed
    /// from the lists and the shape of the text: datelines' places
    /// ([`corrections::dateline_places`], where the language's calendar is known) and
    /// well-known organisations ([`corrections::known_orgs`]).
    fn completed(&self, doc: &Document, mut names: Vec<Mention>, misc: &[Span]) -> Vec<Mention> {
        if let Some(calendar) = self.calendar {
            let places = corrections::dateline_places(doc, &self.stopwords, calendar, &mut names, misc);
            names = merged(names, places);
        }
        let known = corrections::known_orgs(doc, &self.stopwords, &mut names, misc);
        merged(names, known)
    }
}

/// The well-known places and organisations written as acronyms ("US", "UK", "EU")
/// that the rules find and no tagger name or MISC name covers: the tagger reads "US"
/// in a headline or a tweet ("US company takes technology to new depths") as the
/// pronoun. Not in a sentence without lower case, where "US" may well be the pronoun.
/// Dev micro F1 through the CLI: BTC 73.43 -> 73.92 (ten "US" gained; "AP" and the
/// "US" of "US $1.33 billion" false), CoNLL-2003, WNUT-17, re3d and SEC unchanged. Any
/// listed name, not only acronyms, also gained BTC's "Apple", "Iraq" and "Syria"
/// (74.09) but cost re3d 0.50: its gold leaves out the coalition members of a list
/// ("Canada, Denmark, France").
fn listed_acronyms(doc: &Document, rules: &[Mention], names: &[Mention], misc: &[Span]) -> Vec<Mention> {
    let text = doc.text;
    let mut found = Vec::new();
    for rule in rules.iter().filter(|r| is_acronym(r.span.slice(text))) {
        let span = rule.span;
        let name = names.get(names.partition_point(|m| m.span.end <= span.start)).map(|m| m.span);
        let other = misc.get(misc.partition_point(|m| m.end <= span.start)).copied();
        let covered = [name, other].into_iter().flatten().any(|covering| covering.overlaps(&span));
        if !covered && corrections::in_prose(doc, span) && is_listed(span.slice(text), rule.label) {
            found.push(Mention::with(span, rule.label, Evidence::new(Source::Rules, 0)));
        }
    }
    found
}

/// Whether `name` is a well-known place or organisation of the lists, as `label`.
/// Never inlined: it is called for the odd acronym, and inlined it takes 2 KB of wasm.
#[inline(never)]
fn is_listed(name: &str, label: Label) -> bool {
    let key = name.to_ascii_lowercase();
    match label {
        Label::Location => super::gazetteer::is_place(&key),
        Label::Org => super::gazetteer::is_known_org(&key),
        _ => false,
    }
}

/// Names longer than this, in tokens (or in words, for a person's short names), are
/// not looked for again: in the five English training sets 4 of 32,431 names are
/// longer, and a run of thousands of capitalised words ("Mr. Mr. …") read as one name
/// would cost time quadratic in its length.
const LONGEST_NAME: usize = 12;

/// The names with every other occurrence of each, written the same way, that no name
/// or MISC name (`misc`) covers and that is not part of a longer run of capitalised
/// words ("U.S." in "U.S. Open"); in text without capitals, or in capitals only, every
/// such occurrence (CoNLL-2003 dev in lower case: micro F1 83.34 -> 84.68, in capitals
/// 86.29 -> 86.46, WNUT-17 49.14 -> 49.23; as written and the other sets unchanged).
/// The tagger's second pass sees how a word was tagged elsewhere but still leaves some
/// occurrences out ("Dabiq held symbolic importance" after "the Syrian town of
/// Dabiq"). Dev micro F1 through the CLI: re3d 35.51 -> 37.25,
/// SEC 20.74 -> 21.19, CoNLL-2003 92.40 -> 92.46 (7 names gained, 2 false ones), BTC and
/// WNUT-17 unchanged (a tweet rarely repeats a name). Without the run test CoNLL lost
/// 0.14 (the "U.S." of "U.S. Open", the "Atlanta" of "Atlanta Games").
///
/// Where `consistent`, every name written alike first takes the label most of its
/// occurrences have ("Feyenoord" a club throughout, not once a place), on a tie the
/// label of the larger sum of tagger margins (a headline's "Valencia abre ..." an
/// organisation, the text's "en Valencia" a place), and so do its repeats. Dev micro
/// F1: CoNLL-2002 Dutch 79.17 -> 79.86, Spanish 81.65 -> 81.80, and with the margins
/// 79.94 and 82.16 (Europeana Dutch 66.72 -> 66.42); GermEval, Europeana German and
/// French unchanged. English lost (CoNLL-2003 92.48 -> 92.22, re3d 37.25 -> 36.86): its
/// names change kind with their role ("Washington" the place and the government), so
/// there a name with two labels has no repeats.
fn with_repeats(doc: &Document, mut names: Vec<Mention>, misc: &[Span], consistent: bool) -> Vec<Mention> {
    let text = doc.text;
    // Each name's votes ([`Votes`]) and largest margin, and the longest name, in
    // tokens, that each first word opens: most capitalised words open none.
    let mut known: FastMap<&str, (Votes, i64)> = FastMap::default();
    let mut openers: FastMap<&str, usize> = FastMap::default();
    for name in &names {
        let entry = known.entry(name.span.slice(text)).or_insert((Votes::default(), name.evidence.margin));
        entry.0.add(name.label, name.evidence.margin);
        entry.1 = entry.1.max(name.evidence.margin);
        let first = doc.tokens.partition_point(|t| t.span.start < name.span.start);
        let last = doc.tokens.partition_point(|t| t.span.start < name.span.end);
        if last - first > LONGEST_NAME {
            continue;
        }
        if let Some(token) = doc.tokens.get(first) {
            let longest = openers.entry(token.text(text)).or_default();
            *longest = (*longest).max(last - first);
        }
    }
    if consistent {
        for name in &mut names {
            if let Some(label) = known.get(name.span.slice(text)).and_then(|(votes, _)| votes.winner(true)) {
                name.label = label;
            }
        }
    }
    let covered = |span: Span| {
        let at = names.partition_point(|m| m.span.end <= span.start);
        let in_misc = misc.partition_point(|m| m.end <= span.start);
        names.get(at).is_some_and(|m| m.span.overlaps(&span)) || misc.get(in_misc).is_some_and(|m| m.overlaps(&span))
    };
    // Text without capitals, or in capitals only, says nothing of where names start.
    let cased = text.chars().any(char::is_uppercase) && text.chars().any(char::is_lowercase);
    let capitalised = |i: Option<usize>| cased && i.and_then(|i| doc.tokens.get(i)).is_some_and(|t| t.kind == TokenKind::Word && t.is_capitalized());
    let mut added = Vec::new();
    let mut last_end = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        if token.span.start < last_end || cased && !token.is_capitalized() || capitalised(i.checked_sub(1)) {
            continue;
        }
        let Some(&longest) = openers.get(token.text(text)) else { continue };
        for k in (1..=longest).rev() {
            let Some(last) = doc.tokens.get(i + k - 1) else { continue };
            let span = Span::new(token.span.start, last.span.end);
            if let Some(&(votes, margin)) = known.get(span.slice(text)) {
                let Some(label) = votes.winner(consistent) else { break };
                if !covered(span) && !capitalised(Some(i + k)) {
                    added.push(Mention::with(span, label, Evidence::new(Source::Repeat, margin)));
                    last_end = span.end;
                }
                break;
            }
        }
    }
    merged(names, added)
}

/// How many occurrences of a name have each of the labels a name can have, and the
/// sum of their margins.
#[derive(Clone, Copy, Default)]
struct Votes([(u32, i64); 3]);

impl Votes {
    const LABELS: [Label; 3] = [Label::Person, Label::Org, Label::Location];

    fn add(&mut self, label: Label, margin: i64) {
        if let Some(k) = Self::LABELS.iter().position(|&l| l == label) {
            self.0[k].0 += 1;
            self.0[k].1 += margin;
        }
    }

    /// The label with the most votes if `majority` (with the larger sum of margins
    /// on a tie), else the only label with any; none on a full tie.
    fn winner(self, majority: bool) -> Option<Label> {
        let most = self.0.iter().copied().max().unwrap_or((0, 0));
        let given = self.0.iter().filter(|n| n.0 > 0).count();
        let tops = self.0.iter().filter(|&&n| n == most).count();
        let k = self.0.iter().position(|&n| n == most)?;
        (most.0 > 0 && tops == 1 && (majority || given == 1)).then(|| Self::LABELS[k])
    }
}

/// The names with the items of a list between two of its names of one kind made
/// names of that kind, each item one or two capitalised words: the tagger left out
/// "Ingolstadt" of "Wolfsburg, Ingolstadt und Stuttgart" and made "Prussia" of "Sweden,
/// Britain, Prussia and Russia" an organisation. A listed place keeps its label ("lines
/// reaching Strasbourg, Lyon, Marseille, Bordeaux and Brest": the English model took
/// the first three for clubs). Only where `conjunctions` (the text's language's) are
/// known. Dev micro F1, the items left out: GermEval 68.58 -> 68.62, Europeana German
/// 67.76 -> 67.90, French 73.62 -> 73.67, CoNLL-2002 Spanish 82.16 -> 82.17; then the
/// items of another kind, and English: CoNLL-2003 92.61 -> 92.72, CoNLL-2002 Spanish
/// 82.18 -> 82.44 (82.51 had listed places changed too), Dutch 80.10 -> 80.15,
/// GermEval 69.27 -> 69.38, Europeana French 73.92 -> 74.01, the other English sets and
/// Europeana German and Dutch unchanged.
fn with_listed(text: &str, mut names: Vec<Mention>, conjunctions: &str) -> Vec<Mention> {
    if conjunctions.is_empty() {
        return names;
    }
    // What comes between two items of a list: ", ", " and " or ", and ".
    let joint = |gap: &str| gap == ", " || gap.strip_prefix(',').unwrap_or(gap).strip_prefix(' ').and_then(|g| g.strip_suffix(' ')).is_some_and(|c| list::has(conjunctions, c));
    let gap = |a: &Mention, b: &Mention| text.get(a.span.end..b.span.start).unwrap_or_default();
    for i in 2..names.len() {
        let [a, x, b] = [names[i - 2], names[i - 1], names[i]];
        let place = x.label == Label::Location && is_listed(x.span.slice(text), Label::Location);
        if a.label == b.label && x.label != a.label && !place && gap(&a, &x) == ", " && joint(gap(&x, &b)) {
            names[i - 1].label = a.label;
        }
    }
    let mut listed = Vec::new();
    for pair in names.windows(2) {
        let [a, b] = pair else { continue };
        let Some(rest) = gap(a, b).strip_prefix(", ").filter(|_| a.label == b.label) else { continue };
        let mut ends = rest.match_indices([',', ' ']).map(|(end, _)| end).take(3);
        let Some(item) = ends.find(|&end| joint(&rest[end..])).map(|end| &rest[..end]) else { continue };
        let capitalised = |word: &str| word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        if item.split(' ').count() <= 2 && item.split(' ').all(capitalised) {
            let start = a.span.end + 2;
            listed.push(Mention::with(Span::new(start, start + item.len()), a.label, Evidence::new(Source::Repeat, a.evidence.margin.min(b.evidence.margin))));
        }
    }
    merged(names, listed)
}

/// Two lists of mentions in document order, as one.
fn merged(mut names: Vec<Mention>, added: Vec<Mention>) -> Vec<Mention> {
    if !added.is_empty() {
        names.extend(added);
        crate::order::sort_by_key(&mut names, |m| (m.span.start, m.span.end));
    }
    names
}

/// The names with the abbreviations the text defines after a name ("World Monuments
/// Fund (WMF)", "State Board of Antiquities and Heritage (SBAH)"): each of the
/// abbreviation's occurrences names what the name names. One already found keeps
/// its span and takes the name's label; one inside another name stays part of it.
fn with_abbreviations(doc: &Document, mut names: Vec<Mention>) -> Vec<Mention> {
    let text = doc.text;
    let defined: FastMap<&str, (Label, Evidence)> = names
        .iter()
        .filter_map(|name| {
            let inner = text.get(name.span.end..)?.strip_prefix(" (")?.split_once(')')?.0;
            let evidence = Evidence::new(Source::Abbreviation, name.evidence.margin);
            is_abbreviation_of(inner, name.span.slice(text)).then_some((inner, (name.label, evidence)))
        })
        .collect();
    if defined.is_empty() {
        return names;
    }
    let mut added = Vec::new();
    // An abbreviation is two capitals or more: other words need no look-up.
    let looks_like = |word: &str| word.len() >= 2 && word.bytes().take(2).all(|b| b.is_ascii_uppercase());
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word && looks_like(t.text(text))) {
        let Some(&(label, evidence)) = defined.get(token.text(text)) else { continue };
        let at = names.partition_point(|m| m.span.end <= token.span.start);
        match names.get_mut(at) {
            Some(name) if name.span == token.span && name.label != label => *name = Mention::with(token.span, label, evidence),
            Some(name) if name.span.overlaps(&token.span) => {}
            _ => added.push(Mention::with(token.span, label, evidence)),
        }
    }
    merged(names, added)
}

/// Whether `abbr` (two capitals or more) is made of the initials of the capitalised
/// words of `name`, in order ("WMF" of "World Monuments Fund").
fn is_abbreviation_of(abbr: &str, name: &str) -> bool {
    let initials = name.split([' ', '-']).filter_map(|word| word.chars().next()).filter(|c| c.is_uppercase());
    abbr.len() >= 2 && abbr.chars().all(|c| c.is_ascii_uppercase()) && abbr.chars().eq(initials)
}

/// The lines of links of a web page ([`Furniture::Links`]): its menus and sharing
/// buttons, whose words are no names ("Home | News | Sport", "Partager sur Facebook").
fn links(doc: &Document) -> Vec<Span> {
    doc.sentences.iter().filter(|s| s.furniture == Some(Furniture::Links)).map(|s| s.span).collect()
}

/// Whether a name of another language than English is a short stopword of its
/// language, capitalised at a sentence start: the pronouns "Os" ("Os escribo para
/// confirmar", tagged ORG by the Spanish model) and "Ons", the article "Este".
/// Dev: CoNLL-2002 Spanish one wrong name fewer, Europeana Dutch two and French one;
/// longer stopwords may be names ("Estado", right 8 times in 10 in CoNLL-2002
/// Spanish, and "Anders").
fn is_function_word(stopwords: &Stopwords, name: &str) -> bool {
    name.chars().count() <= 4 && stopwords.contains(&name.to_lowercase())
}

/// A name of another language than English without the courtesy title it starts
/// with ([`HONORIFICS`]) where a capitalised word follows it; `None` when the title is
/// all of it.
fn without_honorific(text: &str, span: Span) -> Option<Span> {
    let name = span.slice(text);
    let word = name.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !HONORIFICS.contains(&word.to_lowercase().as_str()) {
        return Some(span);
    }
    let rest = name[word.len()..].trim_start_matches('.').trim_start();
    match rest.chars().next() {
        None => None,
        Some(c) if c.is_uppercase() => Some(Span::new(span.end - rest.len(), span.end)),
        Some(_) => Some(span),
    }
}

/// A name without the stopword and the lower-case words it starts with, where a
/// capitalised word follows them: "I sindacati Cgil" is "Cgil", "Gentile dott. Bianchi"
/// "Bianchi" (the Spanish model, borrowed for Italian, ran an article and a noun after a
/// dateline's dash into the name). A stopword after the first ("De la Serna", "Lo de
/// Castaño") keeps the name whole. With the courtesy title that now keeps the person
/// after it a person ("dott. Bianchi", `corrections::unknown_people_as_places`), own
/// Italian texts' micro F1 67.63 -> 68.11; CoNLL-2002 Spanish and Dutch, Europeana
/// French and Dutch and the Portuguese texts unchanged.
/// Not in German, whose nouns are capitalised and whose old newspapers split a name's
/// letters ("Hab eck Karl": Europeana German lost 0.07).
fn without_opening_noun(text: &str, span: Span, stopwords: &Stopwords) -> Span {
    let name = span.slice(text);
    let mut words = name.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else { return span };
    if !stopwords.contains(&first.to_lowercase()) || !second.starts_with(char::is_lowercase) || stopwords.contains(second) {
        return span;
    }
    let mut at = first.len() + 1;
    for word in std::iter::once(second).chain(words) {
        if word.starts_with(char::is_uppercase) {
            return Span::new(span.start + at, span.end);
        }
        at += word.len() + 1;
    }
    span
}

/// A person's name without the noun of office or kin it starts with, where a
/// capitalised word follows: a word ending in one of `roles`, or in one and a German
/// ending ([`GERMAN_ROLES`]).
fn without_role(text: &str, span: Span, roles: &str) -> Span {
    let name = span.slice(text);
    let Some((word, rest)) = name.split_once(' ') else { return span };
    let word = word.to_lowercase();
    let is_role = !roles.is_empty()
        && ["", "in", "r", "s", "n", "en"].iter().any(|ending| word.strip_suffix(ending).is_some_and(|head| roles.split(' ').any(|role| head.ends_with(role))));
    if is_role && rest.starts_with(char::is_uppercase) {
        Span::new(span.end - rest.len(), span.end)
    } else {
        span
    }
}

/// A name without the lower-case words that end it after a capitalised one: "the
/// Iraqi Kurdistan region" names "Iraqi Kurdistan" (CoNLL-2003 has 19 such names in
/// 25,000; text without capitals keeps its names whole).
fn without_description(text: &str, span: Span) -> Span {
    let name = span.slice(text);
    let mut end = name.len();
    while let Some((head, last)) = name[..end].rsplit_once(' ') {
        let capitalised = head.split(' ').any(|w| w.starts_with(char::is_uppercase));
        if !capitalised || last.is_empty() || !last.chars().all(char::is_lowercase) {
            break;
        }
        end = head.trim_end().len();
    }
    Span::new(span.start, span.start + end)
}

/// A name of initials with the period after its last one: "U. S." for the "U. S"
/// the tagger finds, whose tokens end before the period that may also end a sentence.
fn with_closing_period(text: &str, span: Span) -> Span {
    let mut initials = span.slice(text).split('.').map(str::trim);
    let all_initials = initials.clone().count() >= 2 && initials.all(|i| i.chars().count() == 1 && i.chars().all(char::is_uppercase));
    if all_initials && text.as_bytes().get(span.end) == Some(&b'.') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// The places the rules find in a compound the tagger calls a MISC name, at its
/// start and before a hyphen: "Iraqi Kurdistan-based" (MISC, as CoNLL tags
/// "Kurdish-controlled") holds the place "Kurdistan".
fn places_in_compound<'r>(text: &'r str, misc: Span, rules: &'r [Mention]) -> impl Iterator<Item = Mention> + 'r {
    let first = rules.partition_point(|r| r.span.start < misc.start);
    let before_hyphen = move |r: &&Mention| r.span.end < misc.end && text.as_bytes().get(r.span.end) == Some(&b'-');
    rules[first..].iter().take_while(move |r| r.span.end <= misc.end).filter(|r| r.label == Label::Location).filter(before_hyphen).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention::new(Span::new(start, end), label)
    }

    /// The span of the `nth` occurrence of `needle` in `text`.
    fn nth(text: &str, needle: &str, nth: usize) -> Span {
        text.match_indices(needle).nth(nth).map(|(i, _)| Span::new(i, i + needle.len())).expect("the text holds the needle")
    }

    /// A mention labelled `label` of the `n`th occurrence of `needle` in `text`.
    fn named(text: &str, needle: &str, n: usize, label: Label) -> Mention {
        Mention::new(nth(text, needle, n), label)
    }

    /// The mentions of `text` given as (text, which occurrence, label).
    fn names_in(text: &str, names: &[(&str, usize, Label)]) -> Vec<Mention> {
        names.iter().map(|&(needle, n, label)| named(text, needle, n, label)).collect()
    }

    /// The names [`with_listed`] makes of `names`, as (text, label).
    fn listed<'t>(text: &'t str, names: &[Mention], conjunctions: &str) -> Vec<(&'t str, Label)> {
        with_listed(text, names.to_vec(), conjunctions).iter().map(|m| (m.span.slice(text), m.label)).collect()
    }

    #[test]
    fn a_courtesy_title_starts_no_name_of_another_language() {
        let text = "la Sra. Marta Quiroga, Frau Merkel, Sra, Dr. von Braun, Mme Duval, Herrmann";
        let at = |needle: &str| text.find(needle).map(|i| Span::new(i, i + needle.len())).unwrap();
        let trimmed = |needle: &str| without_honorific(text, at(needle)).map(|span| span.slice(text));
        assert_eq!(trimmed("Sra. Marta Quiroga"), Some("Marta Quiroga"));
        assert_eq!((trimmed("Frau Merkel"), trimmed("Mme Duval")), (Some("Merkel"), Some("Duval")));
        let alone = text.rfind("Sra").map(|i| Span::new(i, i + 3)).unwrap();
        assert_eq!(without_honorific(text, alone), None);
        // A lower-case word after the title keeps the name whole, and a title's letters
        // starting a longer word are no title.
        assert_eq!((trimmed("Dr. von Braun"), trimmed("Herrmann")), (Some("Dr. von Braun"), Some("Herrmann")));
    }

    #[test]
    fn a_german_noun_of_office_or_kin_starts_no_persons_name() {
        let text = "Handelsminister Gref, Löwen-Keeper Hofmann, Bundestrainerin Voss-Tecklenburg, des Außenministers Steinmeier, \
            Vorsitzender Merz, Halbbruder Sven, Helmut Schmidt, Mendelssohn Bartholdy, Ministerpräsident";
        let at = |needle: &str| text.find(needle).map(|i| Span::new(i, i + needle.len())).unwrap();
        let trimmed = |needle: &str| without_role(text, at(needle), GERMAN_ROLES).slice(text);
        assert_eq!((trimmed("Handelsminister Gref"), trimmed("Löwen-Keeper Hofmann")), ("Gref", "Hofmann"));
        assert_eq!(trimmed("Bundestrainerin Voss-Tecklenburg"), "Voss-Tecklenburg");
        assert_eq!((trimmed("Außenministers Steinmeier"), trimmed("Vorsitzender Merz"), trimmed("Halbbruder Sven")), ("Steinmeier", "Merz", "Sven"));
        // Names whose first word ends in no head, and a head alone, stay whole.
        assert_eq!((trimmed("Helmut Schmidt"), trimmed("Mendelssohn Bartholdy")), ("Helmut Schmidt", "Mendelssohn Bartholdy"));
        assert_eq!(trimmed("Ministerpräsident"), "Ministerpräsident");
        // Other languages have no such heads: their nouns of office are in lower case.
        assert_eq!(without_role(text, at("Handelsminister Gref"), "").slice(text), "Handelsminister Gref");
    }

    #[test]
    fn the_items_of_a_list_between_two_names_of_one_kind_are_names_of_that_kind() {
        let text = "Wolfsburg, Ingolstadt und Stuttgart; Merkel, Scholz, Olaf Scholz, Habeck; Berlin, Umwelt und Merkel; Paris, die Stadt und Rom";
        use Label::{Location as L, Person as P};
        let names = names_in(text, &[("Wolfsburg", 0, L), ("Stuttgart", 0, L), ("Merkel", 0, P), ("Habeck", 0, P), ("Berlin", 0, L), ("Merkel", 1, P), ("Paris", 0, L), ("Rom", 0, L)]);
        let found = |conjunctions| listed(text, &names, conjunctions);
        let german = found(conjunctions("de"));
        assert!(german.contains(&("Ingolstadt", Label::Location)), "{german:?}");
        // Two items between two names are not read ("Scholz, Olaf Scholz"), nor one between
        // names of two kinds ("Umwelt") or one in lower case ("die Stadt").
        assert_eq!(german.len(), names.len() + 1, "{german:?}");
        assert_eq!(found("").len(), names.len());
    }

    #[test]
    fn an_item_of_another_kind_between_two_names_of_one_kind_takes_their_kind_unless_a_listed_place() {
        let text = "Sweden, Britain, Prussia, and Russia; Paris, Lyon and Brest; Merkel, Scholz in Bonn";
        use Label::{Location as L, Org as O, Person as P};
        let names = names_in(text, &[("Sweden", 0, L), ("Britain", 0, L), ("Prussia", 0, O), ("Russia", 0, L), ("Paris", 0, O), ("Lyon", 0, L), ("Brest", 0, O), ("Merkel", 0, P), ("Scholz", 0, O), ("Bonn", 0, P)]);
        let found = listed(text, &names, conjunctions("en"));
        assert_eq!(found[2], ("Prussia", Label::Location), "{found:?}");
        // "Lyon" is a listed place; "Scholz" is followed by no conjunction.
        assert_eq!(found[5..], [("Lyon", Label::Location), ("Brest", Label::Org), ("Merkel", Label::Person), ("Scholz", Label::Org), ("Bonn", Label::Person)]);
        assert_eq!(with_listed(text, names.clone(), ""), names);
    }

    #[test]
    fn an_opening_stopword_and_lower_case_words_are_no_part_of_a_name() {
        let text = "I sindacati Cgil; Gentile dott. Bianchi; De la Serna; Lo de Castaño; Il Cairo; la casa blanca";
        let (italian, spanish) = (Stopwords::of("it"), Stopwords::of("es"));
        let at = |needle: &str| text.find(needle).map(|i| Span::new(i, i + needle.len())).unwrap();
        let trimmed = |needle: &str, stopwords: &Stopwords| without_opening_noun(text, at(needle), stopwords).slice(text);
        assert_eq!((trimmed("I sindacati Cgil", &italian), trimmed("Gentile dott. Bianchi", &italian)), ("Cgil", "Bianchi"));
        assert_eq!((trimmed("De la Serna", &spanish), trimmed("Lo de Castaño", &spanish)), ("De la Serna", "Lo de Castaño"));
        assert_eq!((trimmed("Il Cairo", &italian), trimmed("la casa blanca", &spanish)), ("Il Cairo", "la casa blanca"));
    }

    #[test]
    fn short_stopwords_are_no_names_of_another_language() {
        let (spanish, dutch) = (Stopwords::of("es"), Stopwords::of("nl"));
        assert!(is_function_word(&spanish, "Os") && is_function_word(&spanish, "Este") && is_function_word(&dutch, "Ons"));
        assert!(!is_function_word(&spanish, "Estado") && !is_function_word(&spanish, "Ebro") && !is_function_word(&dutch, "Den Haag"));
    }

    #[test]
    fn an_abbreviation_defined_after_a_name_names_it_everywhere() {
        assert!(is_abbreviation_of("WMF", "World Monuments Fund") && is_abbreviation_of("SBAH", "State Board of Antiquities and Heritage"));
        assert!(!is_abbreviation_of("Pakistan", "Jansher Khan") && !is_abbreviation_of("W", "World") && !is_abbreviation_of("WF", "World Monuments Fund"));
        let text = "The World Monuments Fund (WMF) will help. WMF said so, and the WMF Board agreed. WMF.";
        let doc = Document::new(text);
        let names = vec![
            named(text, "World Monuments Fund", 0, Label::Org),
            named(text, "WMF", 0, Label::Location),
            named(text, "WMF Board", 0, Label::Org),
        ];
        let found: Vec<(&str, Label)> = with_abbreviations(&doc, names).iter().map(|m| (m.span.slice(text), m.label)).collect();
        assert_eq!(found, [("World Monuments Fund", Label::Org), ("WMF", Label::Org), ("WMF", Label::Org), ("WMF Board", Label::Org), ("WMF", Label::Org)]);
    }

    #[test]
    fn a_name_found_once_is_found_where_it_recurs_alone() {
        let text = "Syrian forces took Dabiq. Dabiq held symbolic importance. The U.S. Open and the Dabiq Times, Dabiq.";
        let doc = Document::new(text);
        let first = text.find("Dabiq").unwrap();
        let names = vec![mention(first, first + 5, Label::Location)];
        let misc = [Span::new(text.find("U.S. Open").unwrap(), text.find(" and").unwrap())];
        let found: Vec<usize> = with_repeats(&doc, names, &misc, false).iter().map(|m| m.span.start).collect();
        let starts: Vec<usize> = text.match_indices("Dabiq").map(|(i, _)| i).collect();
        // Not the "Dabiq" of "Dabiq Times", a run of capitalised words.
        assert_eq!(found, [starts[0], starts[1], starts[3]]);
        // Without capitals (or in capitals only) every occurrence counts.
        for text in ["syrian forces took dabiq. dabiq held symbolic importance.", "SYRIAN FORCES TOOK DABIQ. DABIQ HELD SYMBOLIC IMPORTANCE."] {
            let doc = Document::new(text);
            let first = text.to_lowercase().find("dabiq").unwrap();
            let found: Vec<&str> = with_repeats(&doc, vec![mention(first, first + 5, Label::Location)], &[], false).iter().map(|m| m.span.slice(text)).collect();
            assert_eq!(found.len(), 2, "{text}");
        }
    }

    #[test]
    fn a_name_written_alike_takes_the_label_most_of_its_occurrences_have_where_asked() {
        let text = "Feyenoord won. Slot praised Feyenoord. Feyenoord fans sang. Ajax lost, and Ajax fans left. Ajax.";
        let doc = Document::new(text);
        let names = vec![
            named(text, "Feyenoord", 0, Label::Org),
            named(text, "Feyenoord", 1, Label::Location),
            named(text, "Feyenoord", 2, Label::Org),
            named(text, "Ajax", 0, Label::Org),
            named(text, "Ajax", 1, Label::Location),
        ];
        let labels = |consistent: bool| -> Vec<(&str, Label)> {
            with_repeats(&doc, names.clone(), &[], consistent).iter().map(|m| (m.span.slice(text), m.label)).collect()
        };
        // Feyenoord is a club twice out of three; Ajax's tie (and of margins, all 0)
        // leaves its labels as they were, and gives its third occurrence no label to
        // repeat.
        let (org, loc) = (Label::Org, Label::Location);
        assert_eq!(labels(true), [("Feyenoord", org), ("Feyenoord", org), ("Feyenoord", org), ("Ajax", org), ("Ajax", loc)]);
        assert_eq!(labels(false), [("Feyenoord", org), ("Feyenoord", loc), ("Feyenoord", org), ("Ajax", org), ("Ajax", loc)]);
        // A tie of counts goes to the larger sum of margins.
        let text = "Valencia abre un centro. El centro está en Valencia.";
        let doc = Document::new(text);
        let names = vec![
            Mention::with(nth(text, "Valencia", 0), Label::Org, Evidence::new(Source::Tagger, 5)),
            Mention::with(nth(text, "Valencia", 1), Label::Location, Evidence::new(Source::Tagger, 40)),
        ];
        let found: Vec<Label> = with_repeats(&doc, names, &[], true).iter().map(|m| m.label).collect();
        assert_eq!(found, [loc, loc]);
    }

    #[test]
    fn listed_acronyms_the_tagger_leaves_out_are_names_outside_shouted_sentences() {
        let text = "US company takes technology to new depths. WE TOLD US SO. Apple and NATO met in the UK.";
        let doc = Document::new(text);
        let rules = [
            named(text, "US", 0, Label::Location),
            named(text, "US", 1, Label::Location),
            named(text, "Apple", 0, Label::Org),
            named(text, "NATO", 0, Label::Org),
            named(text, "UK", 0, Label::Location),
        ];
        let uk = nth(text, "UK", 0);
        let found: Vec<&str> = listed_acronyms(&doc, &rules, &[], &[uk]).iter().map(|m| m.span.slice(text)).collect();
        // Not the "US" of the shouted sentence, nor "Apple" (no acronym), nor "UK" (covered).
        assert_eq!(found, ["US", "NATO"]);
        assert!(is_acronym("U.S.") && is_acronym("EU") && !is_acronym("Apple") && !is_acronym("A") && !is_acronym("U.s."));
    }

    #[test]
    fn a_name_of_initials_keeps_its_closing_period() {
        let text = "Obama says U. S. troops stay, and U. S";
        let first = text.find("U. S").unwrap();
        let last = text.rfind("U. S").unwrap();
        assert_eq!(with_closing_period(text, Span::new(first, first + 4)).slice(text), "U. S.");
        assert_eq!(with_closing_period(text, Span::new(last, last + 4)).slice(text), "U. S");
        let says = text.find("says").unwrap();
        assert_eq!(with_closing_period(text, Span::new(0, says - 1)).slice(text), "Obama");
    }
}

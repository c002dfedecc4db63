//! The entities of a document: names from the learned tagger, corrected by the rules
//! (or the rules alone where casing says nothing), then patterns, then groups.

use super::entity::{merge, Entities, Label, Mention, Recognizer};
use super::entity_lists::{self, EntityLists, ListMatch};
use super::model::Tagger;
use super::names::Rules;
use super::{groups, patterns};
use crate::error::Result;
use crate::span::Span;
use crate::text::{Document, TokenKind};

/// Finds the entities of a document: names from the learned tagger, patterns, groups.
///
/// The rule-based recognizer stands in for the tagger when the built-in model is
/// empty (a build without a trained model) or cannot be decoded; the analysis
/// ([`crate::analysis::prepare`], [`crate::analyze`]) reports the latter as an error
/// before it gets here.
pub fn extract(doc: &Document) -> Entities {
    with_builtin(doc, None)
}

/// Like [`extract`], the caller's entity `lists` applied where given (see
/// [`entity_lists`]); `language` is the text's, as [`crate::language::detect`] names
/// it, whose stemmer matches inflected words.
///
/// Errors: the lists are too large to build their automaton for this language.
pub fn extract_listed(doc: &Document, lists: Option<&EntityLists>, language: &'static str) -> Result<Entities> {
    // One call of the pipeline for both cases: the wasm build inlines it, and two
    // calls made the analysis 35 KB larger before wasm-opt.
    let matched = match lists {
        Some(lists) => Some((lists, lists.find(doc, language)?)),
        None => None,
    };
    Ok(with_builtin(doc, matched))
}

fn with_builtin(doc: &Document, lists: Option<(&EntityLists, Vec<ListMatch>)>) -> Entities {
    match Tagger::builtin() {
        Ok(tagger) if !tagger.is_empty() && !is_caseless(doc) => entities_of(doc, &Combined { tagger }, lists),
        _ => entities_of(doc, &Rules, lists),
    }
}

/// Words of two letters or more read from the start of the text to judge its casing.
/// No dev document has more (the longest NER dev text has about 3,600), so the bound
/// only keeps a huge text from costing more than a long one: a few thousand words
/// settle a share of 1 in 20.
const CASING_WORDS: usize = 20_000;

/// A text is caseless when fewer than 1 word in this many has a lower-case letter.
/// Measured on the NER dev sets (CoNLL-2003 dev as it is and in capitals, WNUT-17 and
/// BTC tweets): every factor from 10 to 1,000,000 gives the same F1, since no dev text
/// has a share between 0 and 1 in 10 but a handful of tweets; 5 (1 in 5) sends two
/// CoNLL sports-results documents, whose capitals are tables of names, to the rules
/// and costs 1.7 points of CoNLL F1 (92.54 → 90.87). 20 keeps clear of that while a
/// text in capitals with a stray lower-case word ("iPhone", a web address) still counts.
const LOWER_CASE_ONE_IN: usize = 20;

/// Whether the text's casing says nothing about names: (nearly) all words in capitals,
/// or none capitalised. The tagger learned from news whose body is in normal case and
/// leans on casing; the rules know when to distrust it.
fn is_caseless(doc: &Document) -> bool {
    let (mut with_lower, mut with_upper, mut words) = (0usize, 0usize, 0usize);
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word).take(CASING_WORDS) {
        let word = token.text(doc.text);
        if word.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() {
            continue;
        }
        words += 1;
        with_lower += usize::from(word.chars().any(char::is_lowercase));
        with_upper += usize::from(word.chars().any(char::is_uppercase));
    }
    words > 0 && (with_lower * LOWER_CASE_ONE_IN < words || with_upper == 0)
}

/// Names from the learned tagger, corrected by the rules where they know better.
///
/// The tagger reads news well (CoNLL-2003 dev F1 92.7) but runs a title straight
/// into a name ("Supreme Security Council of Iraq Qasim Al-Araji") and misses a
/// surname alone at a sentence start. So a tagger name that the rules see as two or
/// more names is split into those, and a rule-found person that no tagger name covers
/// is kept when it is the end of a person's full name found in the text ("Araji").
struct Combined<'a> {
    tagger: &'a Tagger,
}

impl Recognizer for Combined<'_> {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        let mut rules = Rules.recognize(doc);
        crate::order::sort_by_key(&mut rules, |m| (m.span.start, m.span.end));
        let mut names = Vec::new();
        for tagged in self.tagger.recognize(doc) {
            let first = rules.partition_point(|r| r.span.start < tagged.span.start);
            let inside = rules[first..].iter().take_while(|r| tagged.span.contains(&r.span)).count();
            if inside >= 2 {
                names.extend_from_slice(&rules[first..first + inside]);
            } else {
                names.push(tagged);
            }
        }
        let text = doc.text;
        let mut full_names: Vec<&str> =
            names.iter().filter(|m| m.label == Label::Person).map(|m| m.span.slice(text)).collect();
        crate::order::sort(&mut full_names);
        full_names.dedup();
        let ends_a_full_name = |short: &str| {
            full_names.iter().any(|full| {
                full.len() > short.len() && full.ends_with(short) && full[..full.len() - short.len()].ends_with([' ', '-'])
            })
        };
        // Tagger names come in text order, and the rules' pieces of a split name too.
        let covered = |span: &Span| {
            let i = names.partition_point(|m| m.span.end <= span.start);
            names.get(i).is_some_and(|m| m.span.overlaps(span))
        };
        let short_names: Vec<Mention> = rules
            .iter()
            .filter(|r| r.label == Label::Person && !covered(&r.span) && ends_a_full_name(r.span.slice(text)))
            .copied()
            .collect();
        names.extend(short_names);
        crate::order::sort_by_key(&mut names, |m| (m.span.start, m.span.end));
        names
    }
}

/// Finds the entities of a document, names coming from `recognizer`.
pub fn extract_with(doc: &Document, recognizer: &dyn Recognizer) -> Entities {
    entities_of(doc, recognizer, None)
}

/// Like [`extract_with`], the caller's entity `lists` applied as in [`extract_listed`].
pub fn extract_with_lists(doc: &Document, recognizer: &dyn Recognizer, lists: &EntityLists, language: &'static str) -> Result<Entities> {
    let matches = lists.find(doc, language)?;
    Ok(entities_of(doc, recognizer, Some((lists, matches))))
}

fn entities_of(doc: &Document, recognizer: &dyn Recognizer, lists: Option<(&EntityLists, Vec<ListMatch>)>) -> Entities {
    let found = patterns::find(doc);
    let mut names = recognizer.recognize(doc);
    crate::order::sort_by_key(&mut names, |m| (m.span.start, m.span.end));
    let mentions = merge(found, names);
    let Some((lists, matches)) = lists else { return groups::group(doc, &mentions, &[]) };
    let (mentions, entries) = entity_lists::apply(mentions, matches);
    let canonical: Vec<Option<&str>> = entries.iter().map(|entry| entry.map(|e| lists.canonical(e))).collect();
    groups::group(doc, &mentions, &canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_returns_exact_slices_in_order() {
        let text = "Angela Merkel met Emmanuel Macron in Paris on 12 March 2024 at 10:30.";
        let found = extract(&Document::new(text));
        let mut previous_end = 0;
        for entity in &found.entities {
            assert_eq!(entity.text, entity.span.slice(text));
            assert!(entity.span.start >= previous_end, "help: entities overlap or are out of order");
            assert!(entity.group < found.entity_groups.len());
            previous_end = entity.span.end;
        }
        let labels: Vec<(&str, Label)> = found.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
        assert_eq!(
            labels,
            [
                ("Angela Merkel", Label::Person),
                ("Emmanuel Macron", Label::Person),
                ("Paris", Label::Location),
                ("12 March 2024", Label::Date),
                ("10:30", Label::Time)
            ]
        );
    }
}

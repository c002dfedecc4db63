//! The entities of a document: names from the learned tagger, corrected by the rules
//! (or the rules alone without a model), then patterns, then groups.

use super::entity::{merge, Entities, Label, Mention, Recognizer};
use super::model::Tagger;
use super::names::Rules;
use super::{groups, patterns};
use crate::span::Span;
use crate::text::Document;

/// Finds the entities of a document: names from the learned tagger, patterns, groups.
///
/// The rule-based recognizer stands in for the tagger when the built-in model is
/// empty (a build without a trained model) or cannot be decoded; the analysis
/// ([`crate::analysis::prepare`], [`crate::analyze`]) reports the latter as an error
/// before it gets here.
///
/// Text in capitals or without any is tagged too: the tagger learned such text (from
/// copies of its training documents in either case) and reads it far better than the
/// rules, which lean on capitals (CoNLL-2003 dev in lower case: micro F1 83.4 against
/// 0.0; in capitals: 85.3 against 58.7).
pub fn extract(doc: &Document) -> Entities {
    match Tagger::builtin() {
        Ok(tagger) if !tagger.is_empty() => extract_with(doc, &Combined { tagger }),
        _ => extract_with(doc, &Rules),
    }
}

/// Names from the learned tagger, corrected by the rules where they know better.
///
/// The tagger runs a title straight into a name ("Supreme Security Council of Iraq
/// Qasim Al-Araji") and misses a surname alone at a sentence start. So a tagger name
/// that the rules see as two or more names is split into those, and a rule-found
/// person that no tagger name covers is kept when it is the end of a person's full
/// name found in the text ("Araji"). A tagger name loses the lower-case words that end
/// it ([`without_description`]), and a MISC compound gives the places in it
/// ([`places_in_compound`]).
struct Combined<'a> {
    tagger: &'a Tagger,
}

impl Combined<'_> {
    /// The tagger's names, corrected by the rules' names `rules` (sorted by start).
    fn tagged(&self, doc: &Document, rules: &[Mention]) -> Vec<Mention> {
        let mut names = Vec::new();
        for tagged in self.tagger.mentions(doc) {
            let Some(label) = tagged.kind.label() else {
                names.extend(places_in_compound(doc.text, tagged.span, rules));
                continue;
            };
            let span = without_description(doc.text, tagged.span);
            let first = rules.partition_point(|r| r.span.start < span.start);
            let inside = rules[first..].iter().take_while(|r| span.contains(&r.span)).count();
            if inside >= 2 {
                names.extend_from_slice(&rules[first..first + inside]);
            } else {
                names.push(Mention { span, label });
            }
        }
        names
    }
}

impl Recognizer for Combined<'_> {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        let mut rules = Rules.recognize(doc);
        rules.sort_by_key(|m| (m.span.start, m.span.end));
        let mut names = self.tagged(doc, &rules);
        let text = doc.text;
        let mut full_names: Vec<&str> =
            names.iter().filter(|m| m.label == Label::Person).map(|m| m.span.slice(text)).collect();
        full_names.sort_unstable();
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
        names.sort_by_key(|m| (m.span.start, m.span.end));
        names
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

/// The places the rules find in a compound the tagger calls a MISC name, at its
/// start and before a hyphen: "Iraqi Kurdistan-based" (MISC, as CoNLL tags
/// "Kurdish-controlled") holds the place "Kurdistan".
fn places_in_compound<'r>(text: &'r str, misc: Span, rules: &'r [Mention]) -> impl Iterator<Item = Mention> + 'r {
    let first = rules.partition_point(|r| r.span.start < misc.start);
    let before_hyphen = move |r: &&Mention| r.span.end < misc.end && text.as_bytes().get(r.span.end) == Some(&b'-');
    rules[first..].iter().take_while(move |r| r.span.end <= misc.end).filter(|r| r.label == Label::Location).filter(before_hyphen).copied()
}

/// Finds the entities of a document, names coming from `recognizer`.
pub fn extract_with(doc: &Document, recognizer: &dyn Recognizer) -> Entities {
    let mut found = patterns::find(doc);
    let mut names = recognizer.recognize(doc);
    names.sort_by_key(|m| (m.span.start, m.span.end));
    type_handles(&mut found, &mut names);
    let mentions = merge(found, names);
    groups::group(doc, &mentions)
}

/// An @handle or #hashtag whose word the recognizer found, whole, as a name takes the
/// name's label: "@BBCNews" is an organisation, "@colgo" a person, "#London" a place.
/// The span keeps its `@` or `#`, which says what it is; a handle the recognizer does
/// not type stays a MENTION (or HASHTAG).
fn type_handles(found: &mut [Mention], names: &mut Vec<Mention>) {
    names.retain(|name| {
        let at = found.partition_point(|p| p.span.start + 1 < name.span.start);
        let Some(handle) = found.get_mut(at) else { return true };
        let typed = matches!(handle.label, Label::Mention | Label::Hashtag)
            && handle.span.start + 1 == name.span.start
            && handle.span.end == name.span.end;
        if typed {
            handle.label = name.label;
        }
        !typed
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention { span: Span::new(start, end), label }
    }

    #[test]
    fn handles_typed_as_names_take_the_name_label() {
        let mut found = vec![mention(0, 8, Label::Mention), mention(13, 20, Label::Hashtag), mention(25, 30, Label::Date)];
        let mut names = vec![mention(1, 8, Label::Org), mention(13, 20, Label::Location), mention(25, 30, Label::Person)];
        type_handles(&mut found, &mut names);
        let labels: Vec<Label> = found.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Org, Label::Hashtag, Label::Date]);
        assert_eq!(names, [mention(13, 20, Label::Location), mention(25, 30, Label::Person)]);
    }

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

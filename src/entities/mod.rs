//! Stage 3b: named and pattern entities, grouped by what they refer to.
//!
//! Three independent steps feed each other one way:
//!
//! 1. [`patterns`]: hand-written matchers for dates, times, money, percentages, e-mail
//!    and web addresses, phone numbers, hashtags and @mentions.
//! 2. A [`Recognizer`] finds people, organisations and places. [`Rules`] is the
//!    rule-based one (capitalisation, context cues and compact gazetteers); a learned
//!    tagger can take its place behind the same trait.
//! 3. [`groups`]: mentions of one entity are gathered under one canonical name.
//!
//! Pattern entities win where they overlap a name ("March" in "12 March 2024").

mod gazetteer;
pub mod groups;
mod names;
pub mod patterns;

pub use names::Rules;

pub mod model;

use crate::span::Span;
use crate::text::{Document, TokenKind};
use serde::Serialize;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    /// A person.
    Person,
    /// A company, agency, institution, party, team.
    Org,
    /// A country, city, region, geographic feature.
    Location,
    /// A calendar date or period ("Saturday", "12 March 2024").
    Date,
    /// A time of day ("10:30 a.m.").
    Time,
    /// An amount of money ("$1.2bn").
    Money,
    /// A percentage ("3.5%").
    Percent,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
    /// A telephone number.
    Phone,
    /// A #hashtag.
    Hashtag,
    /// An @mention.
    Mention,
}

impl Label {
    /// Every label.
    pub const ALL: [Label; 12] = [
        Label::Person,
        Label::Org,
        Label::Location,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Email,
        Label::Url,
        Label::Phone,
        Label::Hashtag,
        Label::Mention,
    ];

    /// The label's name in results ("PERSON", "ORG", …).
    pub const fn name(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Location => "LOCATION",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Email => "EMAIL",
            Label::Url => "URL",
            Label::Phone => "PHONE",
            Label::Hashtag => "HASHTAG",
            Label::Mention => "MENTION",
        }
    }

    /// Whether the label is one of the named types (person, organisation, place) that
    /// a [`Recognizer`] finds, as opposed to a pattern entity.
    pub const fn is_name(self) -> bool {
        matches!(self, Label::Person | Label::Org | Label::Location)
    }
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    /// Its type.
    pub label: Label,
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Index of its group in the groups list.
    pub group: usize,
}

/// All mentions of one entity, under its canonical (usually longest) name.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityGroup {
    /// The canonical name.
    pub text: String,
    /// The type.
    pub label: Label,
    /// Number of mentions.
    pub count: usize,
    /// Every mention, in document order.
    pub mentions: Vec<Span>,
}

/// Entities of a document: every mention, and the groups they form.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entities {
    /// Every mention in document order.
    pub entities: Vec<Entity>,
    /// Groups, most mentioned first.
    pub entity_groups: Vec<EntityGroup>,
}

/// A span of the text with its type, before grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Byte span in the document's text, on character boundaries.
    pub span: Span,
    /// Its type.
    pub label: Label,
}

/// Finds people, organisations and places in a document.
///
/// Implementations return mentions in document order, without overlaps, with labels
/// [`Label::Person`], [`Label::Org`] or [`Label::Location`].
pub trait Recognizer {
    /// The named mentions of `doc`.
    fn recognize(&self, doc: &Document) -> Vec<Mention>;
}

/// Finds the entities of a document: names from the learned tagger (the rule-based
/// recognizer when no model is built in), patterns, groups.
pub fn extract(doc: &Document) -> Entities {
    let tagger = model::Tagger::builtin();
    if tagger.is_empty() || is_caseless(doc) {
        extract_with(doc, &Rules)
    } else {
        extract_with(doc, &Combined { tagger })
    }
}

/// Whether the text's casing says nothing about names: (nearly) all words in capitals,
/// or none capitalised. The tagger learned from news whose body is in normal case and
/// leans on casing; the rules know when to distrust it.
fn is_caseless(doc: &Document) -> bool {
    let (mut with_lower, mut with_upper, mut words) = (0usize, 0usize, 0usize);
    for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word).take(20_000) {
        let word = token.text(doc.text);
        if word.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() {
            continue;
        }
        words += 1;
        with_lower += usize::from(word.chars().any(char::is_lowercase));
        with_upper += usize::from(word.chars().any(char::is_uppercase));
    }
    words > 0 && (with_lower * 20 < words || with_upper == 0)
}

/// Names from the learned tagger, corrected by the rules where they know better.
///
/// The tagger reads news well (CoNLL-2003 dev F1 92.7) but runs a title straight
/// into a name ("Supreme Security Council of Iraq Qasim Al-Araji") and misses a
/// surname alone at a sentence start. So a tagger name that the rules see as two or
/// more names is split into those, and a rule-found person that no tagger name covers
/// is kept when it is the end of a person's full name found in the text ("Araji").
struct Combined<'a> {
    tagger: &'a model::Tagger,
}

impl Recognizer for Combined<'_> {
    fn recognize(&self, doc: &Document) -> Vec<Mention> {
        let mut rules = Rules.recognize(doc);
        rules.sort_by_key(|m| (m.span.start, m.span.end));
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

/// Finds the entities of a document, names coming from `recognizer`.
pub fn extract_with(doc: &Document, recognizer: &dyn Recognizer) -> Entities {
    let found = patterns::find(doc);
    let mut names = recognizer.recognize(doc);
    names.sort_by_key(|m| (m.span.start, m.span.end));
    let mentions = merge(found, names);
    groups::group(doc, &mentions)
}

/// Both lists in document order; `first` wins where the two overlap, and a later
/// mention of `second` that overlaps an earlier one of `second` is dropped.
fn merge(first: Vec<Mention>, second: Vec<Mention>) -> Vec<Mention> {
    let mut merged = Vec::with_capacity(first.len() + second.len());
    let mut blockers = first.iter().peekable();
    let mut last_end = 0;
    for mention in second {
        while blockers.peek().is_some_and(|b| b.span.end <= mention.span.start) {
            blockers.next();
        }
        let blocked = blockers.peek().is_some_and(|b| b.span.overlaps(&mention.span));
        if !blocked && mention.span.start >= last_end && !mention.span.is_empty() {
            last_end = mention.span.end;
            merged.push(mention);
        }
    }
    merged.extend(first);
    merged.sort_by_key(|m| (m.span.start, m.span.end));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention { span: Span::new(start, end), label }
    }

    #[test]
    fn patterns_win_over_overlapping_names() {
        let merged = merge(
            vec![mention(5, 10, Label::Date)],
            vec![mention(0, 4, Label::Person), mention(8, 12, Label::Person), mention(11, 14, Label::Org), mention(20, 24, Label::Org)],
        );
        let spans: Vec<(usize, Label)> = merged.iter().map(|m| (m.span.start, m.label)).collect();
        assert_eq!(spans, [(0, Label::Person), (5, Label::Date), (11, Label::Org), (20, Label::Org)]);
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

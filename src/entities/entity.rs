//! What an entity is: its [`Label`], a [`Mention`] of it before grouping, the
//! results ([`Entity`], [`EntityGroup`], [`Entities`]), the [`Recognizer`] trait every
//! source of names implements, and how two lists of mentions are merged.

use crate::span::Span;
use crate::text::Document;
use serde::{Serialize, Serializer};
use std::fmt;

/// What kind of thing an entity is: a built-in kind, or a label the caller's entity
/// lists name ([`Label::Custom`], "PRODUCT").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    /// A label of the caller's entity lists.
    Custom(CustomLabel),
}

/// Longest name of a [`CustomLabel`], in bytes (ASCII).
pub const MAX_LABEL_LENGTH: usize = 32;

/// The name of a label the caller makes up: an ASCII capital letter, then capitals,
/// digits or `_`, at most [`MAX_LABEL_LENGTH`] bytes ("PRODUCT", "DRUG", "TEAM_2").
/// Held inline, so that [`Label`] stays `Copy` and a label costs no allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomLabel {
    bytes: [u8; MAX_LABEL_LENGTH],
    len: u8,
}

impl CustomLabel {
    /// The name, when it is a valid custom label name (built-in names are not).
    pub fn new(name: &str) -> Option<CustomLabel> {
        let valid = name.len() <= MAX_LABEL_LENGTH
            && name.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !valid || Label::builtin(name).is_some() {
            return None;
        }
        let mut bytes = [0; MAX_LABEL_LENGTH];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        Some(CustomLabel { bytes, len: name.len() as u8 })
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        // Only `new` writes the bytes, and it copies ASCII.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for CustomLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

/// The name a [`Label`] is serialised under (as a newtype around its name), so that a
/// serializer can tell labels from other strings: the packed format keeps labels in a
/// table (`crate::pack`). JSON and other formats write the name itself.
pub const LABEL_SERDE_NAME: &str = "textlens::Label";

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(LABEL_SERDE_NAME, self.name())
    }
}

impl Label {
    /// Every built-in label.
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

    /// The label's name in results ("PERSON", "ORG", "PRODUCT", …).
    pub fn name(&self) -> &str {
        match self {
            Label::Custom(custom) => custom.as_str(),
            builtin => builtin.builtin_name(),
        }
    }

    /// The label a name stands for: a built-in name ("PERSON") or a valid custom one
    /// ("PRODUCT"); `None` for anything else ("Person", "exclude", "").
    pub fn parse(name: &str) -> Option<Label> {
        Label::builtin(name).or_else(|| CustomLabel::new(name).map(Label::Custom))
    }

    fn builtin(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|label| label.builtin_name() == name)
    }

    const fn builtin_name(&self) -> &'static str {
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
            Label::Custom(_) => "",
        }
    }

    /// Whether the label is one of the named types (person, organisation, place) that
    /// a [`Recognizer`] finds, as opposed to a pattern entity or a custom label.
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
    /// How sure the analysis is that this is a name of this type with these bounds,
    /// from 0 to 1 (see [`super::confidence`]).
    pub confidence: f64,
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
    /// The confidence of its surest mention.
    pub confidence: f64,
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
    /// What its confidence is computed from.
    pub evidence: Evidence,
}

impl Mention {
    /// A mention from a source that says nothing of its confidence ([`Source::Rules`]).
    pub fn new(span: Span, label: Label) -> Self {
        Mention { span, label, evidence: Evidence::default() }
    }

    /// A mention with `evidence` of its confidence.
    pub fn with(span: Span, label: Label, evidence: Evidence) -> Self {
        Mention { span, label, evidence }
    }
}

/// Where a name came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Source {
    /// The rule-based recognizer alone (a build without a model), or a recognizer
    /// that does not say.
    #[default]
    Rules,
    /// A name the tagger found (perhaps without a description that ended it).
    Tagger,
    /// A piece of a tagger name that the rules see as two names or more.
    Split,
    /// A person's short name the rules found, the end of a full name in the text.
    ShortName,
    /// A place the rules found in a compound the tagger calls MISC ("Kurdistan-based").
    CompoundPlace,
    /// An abbreviation the text defines after a name ("World Monuments Fund (WMF)").
    Abbreviation,
    /// Another occurrence of a name found elsewhere in the text.
    Repeat,
    /// A pattern entity: a date, an e-mail address, …
    Pattern,
    /// A phrase of the caller's entity lists: the caller says what it is, so its
    /// confidence is 1.
    List,
}

/// What a mention's confidence is computed from, besides its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// Where the mention came from.
    pub source: Source,
    /// The tagger's margin of the name it came from (0 when none did).
    pub margin: i64,
}

impl Evidence {
    /// Evidence of a name from `source`, whose tagger name had this `margin`.
    pub fn new(source: Source, margin: i64) -> Self {
        Evidence { source, margin }
    }
}

/// Finds people, organisations and places in a document.
///
/// Implementations return mentions in document order, without overlaps, with labels
/// [`Label::Person`], [`Label::Org`] or [`Label::Location`].
pub trait Recognizer {
    /// The named mentions of `doc`.
    fn recognize(&self, doc: &Document) -> Vec<Mention>;
}

/// Both lists in document order; `first` wins where the two overlap, and a later
/// mention of `second` that overlaps an earlier one of `second` is dropped.
pub(crate) fn merge(first: Vec<Mention>, second: Vec<Mention>) -> Vec<Mention> {
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
    crate::order::sort_by_key(&mut merged, |m| (m.span.start, m.span.end));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention::new(Span::new(start, end), label)
    }

    #[test]
    fn labels_are_built_in_or_upper_case_names_of_the_caller() {
        assert_eq!(Label::parse("PERSON"), Some(Label::Person));
        let product = Label::parse("PRODUCT").unwrap();
        assert!(matches!(product, Label::Custom(_)) && !product.is_name());
        assert_eq!((product.name(), Label::parse("TEAM_2").unwrap().name()), ("PRODUCT", "TEAM_2"));
        let longest = "X".repeat(MAX_LABEL_LENGTH);
        assert_eq!(Label::parse(&longest).unwrap().name(), longest);
        for bad in ["", "Product", "product", "2TEAM", "_X", "PRO DUCT", "PRODUCT-1", "ÉTÉ", &"X".repeat(MAX_LABEL_LENGTH + 1)] {
            assert_eq!(Label::parse(bad), None, "{bad:?}");
        }
        assert_eq!(CustomLabel::new("PERSON"), None, "help: a built-in name is not a custom label");
        assert_eq!(serde_json::to_string(&[Label::Org, product]).unwrap(), r#"["ORG","PRODUCT"]"#);
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
}

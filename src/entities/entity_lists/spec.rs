//! The entity lists as the caller writes them ([`Spec`]), read through serde from any
//! self-describing format: a JavaScript object through serde-wasm-bindgen, a JSON value
//! of the protocol. Every reader calls `deserialize_any` and tells values apart by the
//! visitor method the format calls (a string, a number, a list, a map), so that the
//! messages, written here once, are the same whatever the format.
//!
//! ```text
//! { "PRODUCT": [{ "text": "Acme Rocket Skates", "aliases": ["ARS"] }],
//!   "ORG": ["Globex"],
//!   "DRUG": { "entries": ["aspirin"], "caseSensitive": true },
//!   "exclude": ["Windows"] }
//! ```

use crate::entities::entity::{Label, MAX_LABEL_LENGTH};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::cell::{Cell, RefCell};
use std::fmt;

/// What a list is for: a label, or phrases that are never entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Its phrases are entities with this label.
    Label(Label),
    /// Its phrases are never entities (the key `exclude`).
    Exclude,
}

/// One list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct List {
    /// The label of its entries, or [`Target::Exclude`].
    pub target: Target,
    /// Whether its phrases match only as written (default: any casing).
    pub case_sensitive: bool,
    /// Its entries, in the given order.
    pub entries: Vec<Entry>,
}

/// One entry: a name and the other names of the same thing.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The canonical name: the text of the entity group of every match of the entry.
    pub text: String,
    /// Other phrases that name the same thing ("ARS" for "Acme Rocket Skates").
    pub aliases: Vec<String>,
}

/// Every list, in the order the caller's object lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Spec {
    /// The lists.
    pub lists: Vec<List>,
}

/// The key of the list of phrases that are never entities.
pub const EXCLUDE: &str = "exclude";

/// How much a caller may list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Entries in all lists together.
    pub max_entries: usize,
    /// Bytes of UTF-8 of one entry, its text and aliases together.
    pub max_entry_bytes: usize,
}

impl Default for Limits {
    /// 100,000 entries of at most 64 KB: a list of every product of a large shop, while
    /// a pasted file by mistake (a whole book as one entry) is refused.
    fn default() -> Self {
        Limits { max_entries: 100_000, max_entry_bytes: 65_536 }
    }
}

impl Spec {
    /// The first problem `EntityLists::read` would report, for a spec built in Rust.
    pub(super) fn check(&self, limits: Limits) -> std::result::Result<(), String> {
        let mut count = 0;
        for list in &self.lists {
            let name = match list.target {
                Target::Label(label) => label.name().to_owned(),
                Target::Exclude => EXCLUDE.to_owned(),
            };
            for (index, entry) in list.entries.iter().enumerate() {
                count += 1;
                if count > limits.max_entries {
                    return Err(format!("{name}[{index}]: over the limit of {} entries in all lists", limits.max_entries));
                }
                if is_blank(&entry.text) {
                    return Err(format!("{name}[{index}]: the phrase is empty"));
                }
                if let Some(alias) = entry.aliases.iter().position(|a| is_blank(a)) {
                    return Err(format!("{name}[{index}].aliases[{alias}]: the phrase is empty"));
                }
                let bytes = entry.text.len() + entry.aliases.iter().map(String::len).sum::<usize>();
                if bytes > limits.max_entry_bytes {
                    return Err(format!(
                        "{name}[{index}]: the entry is {bytes} bytes of UTF-8 (text and aliases), over the limit of {}",
                        limits.max_entry_bytes
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Reads a [`Spec`] within `limits`, keeping the first problem's message (the
/// format's own error type may decorate messages, and the caller wants this one).
pub(super) struct Reader<'r> {
    pub limits: Limits,
    pub problem: &'r RefCell<Option<String>>,
    /// Entries read so far, in all lists.
    entries: Cell<usize>,
}

impl<'r> Reader<'r> {
    pub fn new(limits: Limits, problem: &'r RefCell<Option<String>>) -> Self {
        Reader { limits, problem, entries: Cell::new(0) }
    }

    /// The format's error for `message`, which is kept unless an earlier one was.
    fn fail<E: de::Error>(&self, message: String) -> E {
        let mut problem = self.problem.borrow_mut();
        if problem.is_none() {
            *problem = Some(message.clone());
        }
        E::custom(message)
    }
}

/// What a value is, as a message says it: JavaScript's names for JSON's types.
#[derive(Clone, Copy)]
enum Kind {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
    Bytes,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Null => "null",
            Kind::Boolean => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
            Kind::Bytes => "a typed array",
        })
    }
}

/// The visitor methods of values a reader does not take: each fails with `$self.wrong(kind)`.
macro_rules! wrong_kinds {
    ($($method:ident($($arg:ty)?) => $kind:expr;)*) => {
        $(fn $method<E: de::Error>(self, $(_: $arg)?) -> Result<Self::Value, E> {
            Err(self.wrong($kind))
        })*
    };
}

/// The scalar visitor methods, each a wrong kind unless the visitor defines it.
macro_rules! wrong_scalars {
    () => {
        wrong_kinds! {
            visit_unit() => Kind::Null;
            visit_bool(bool) => Kind::Boolean;
            visit_i64(i64) => Kind::Number;
            visit_u64(u64) => Kind::Number;
            visit_f64(f64) => Kind::Number;
            visit_bytes(&[u8]) => Kind::Bytes;
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(self.wrong(Kind::Null))
        }
    };
}

/// The whole object: labels (and `exclude`) to lists.
pub(super) struct SpecSeed<'a, 'r>(pub &'a Reader<'r>);

impl<'de> DeserializeSeed<'de> for SpecSeed<'_, '_> {
    type Value = Spec;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Spec, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl SpecSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.0.fail(format!("must be an object of lists by label, got {kind}"))
    }
}

impl<'de> Visitor<'de> for SpecSeed<'_, '_> {
    type Value = Spec;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of lists by label")
    }

    wrong_scalars!();
    wrong_kinds! {
        visit_str(&str) => Kind::String;
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Spec, A::Error> {
        Err(self.wrong(Kind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spec, A::Error> {
        let reader = self.0;
        let mut spec = Spec::default();
        while let Some(name) = map.next_key::<String>()? {
            let target = if name == EXCLUDE {
                Target::Exclude
            } else {
                // "EXCLUDE" would be a valid custom label, but surely means `exclude`.
                let label = Label::parse(&name).filter(|_| !name.eq_ignore_ascii_case(EXCLUDE)).ok_or_else(|| {
                    reader.fail::<A::Error>(format!(
                        "{name:?} is not a label: a label is PERSON, ORG, LOCATION, another built-in one, or a name of \
                         capitals, digits and _ that starts with a capital (at most {} characters), or \"{EXCLUDE}\"",
                        MAX_LABEL_LENGTH
                    ))
                })?;
                Target::Label(label)
            };
            spec.lists.push(map.next_value_seed(ListSeed { reader, name: &name, target })?);
        }
        Ok(spec)
    }
}

/// One list: an array of entries, or `{ entries, caseSensitive }`.
struct ListSeed<'a, 'r> {
    reader: &'a Reader<'r>,
    name: &'a str,
    target: Target,
}

impl<'de> DeserializeSeed<'de> for ListSeed<'_, '_> {
    type Value = List;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<List, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl ListSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.reader.fail(format!("{}: a list must be an array of entries or {{ entries, caseSensitive }}, got {kind}", self.name))
    }
}

/// Field names of a list written as an object; `case_sensitive` as the protocol spells names.
const LIST_FIELDS: &str = "entries, caseSensitive";

impl<'de> Visitor<'de> for ListSeed<'_, '_> {
    type Value = List;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of entries or { entries, caseSensitive }")
    }

    wrong_scalars!();
    wrong_kinds! {
        visit_str(&str) => Kind::String;
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<List, A::Error> {
        let entries = EntriesSeed { reader: self.reader, name: self.name }.visit_seq(seq)?;
        Ok(List { target: self.target, case_sensitive: false, entries })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<List, A::Error> {
        let (reader, name) = (self.reader, self.name);
        let mut entries = None;
        let mut case_sensitive = false;
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                "entries" => entries = Some(map.next_value_seed(EntriesSeed { reader, name })?),
                "caseSensitive" | "case_sensitive" => {
                    case_sensitive = map.next_value_seed(FlagSeed { reader, name, field: &field })?;
                }
                _ => return Err(reader.fail(format!("{name}: unknown field `{field}` (known: {LIST_FIELDS})"))),
            }
        }
        let entries = entries.ok_or_else(|| reader.fail::<A::Error>(format!("{name}: missing field `entries`")))?;
        Ok(List { target: self.target, case_sensitive, entries })
    }
}

/// `caseSensitive`: a boolean.
struct FlagSeed<'a, 'r> {
    reader: &'a Reader<'r>,
    name: &'a str,
    field: &'a str,
}

impl<'de> DeserializeSeed<'de> for FlagSeed<'_, '_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl FlagSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.reader.fail(format!("{}: `{}` must be true or false, got {kind}", self.name, self.field))
    }
}

impl<'de> Visitor<'de> for FlagSeed<'_, '_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("true or false")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<bool, E> {
        Ok(value)
    }

    wrong_kinds! {
        visit_unit() => Kind::Null;
        visit_i64(i64) => Kind::Number;
        visit_u64(u64) => Kind::Number;
        visit_f64(f64) => Kind::Number;
        visit_bytes(&[u8]) => Kind::Bytes;
        visit_str(&str) => Kind::String;
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Err(self.wrong(Kind::Null))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(self.wrong(Kind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<bool, A::Error> {
        Err(self.wrong(Kind::Object))
    }
}

/// The entries of one list, counted against the limit of entries in all lists.
struct EntriesSeed<'a, 'r> {
    reader: &'a Reader<'r>,
    name: &'a str,
}

impl<'de> DeserializeSeed<'de> for EntriesSeed<'_, '_> {
    type Value = Vec<Entry>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Entry>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl EntriesSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.reader.fail(format!("{}: `entries` must be an array, got {kind}", self.name))
    }
}

impl<'de> Visitor<'de> for EntriesSeed<'_, '_> {
    type Value = Vec<Entry>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of entries")
    }

    wrong_scalars!();
    wrong_kinds! {
        visit_str(&str) => Kind::String;
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Vec<Entry>, A::Error> {
        Err(self.wrong(Kind::Object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Entry>, A::Error> {
        let (reader, name) = (self.reader, self.name);
        let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(reader.limits.max_entries));
        loop {
            let index = entries.len();
            let at = Place { name, index, alias: None };
            if reader.entries.get() == reader.limits.max_entries {
                // Only an entry past the limit is an error, so look before failing.
                return match seq.next_element_seed(EntrySeed { reader, at })? {
                    None => Ok(entries),
                    Some(_) => Err(reader.fail(format!("{at}: over the limit of {} entries in all lists", reader.limits.max_entries))),
                };
            }
            let Some(entry) = seq.next_element_seed(EntrySeed { reader, at })? else { return Ok(entries) };
            reader.entries.set(reader.entries.get() + 1);
            let bytes = entry.text.len() + entry.aliases.iter().map(String::len).sum::<usize>();
            if bytes > reader.limits.max_entry_bytes {
                return Err(reader.fail(format!(
                    "{at}: the entry is {bytes} bytes of UTF-8 (text and aliases), over the limit of {}",
                    reader.limits.max_entry_bytes
                )));
            }
            entries.push(entry);
        }
    }
}

/// Where an entry or alias is, as messages name it: `PRODUCT[3]`, `PRODUCT[3].aliases[0]`.
#[derive(Clone, Copy)]
struct Place<'a> {
    name: &'a str,
    index: usize,
    alias: Option<usize>,
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.name, self.index)?;
        match self.alias {
            Some(alias) => write!(f, ".aliases[{alias}]"),
            None => Ok(()),
        }
    }
}

/// Whether a phrase has nothing to match: no character but white space.
pub(super) fn is_blank(phrase: &str) -> bool {
    phrase.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

/// One entry: a phrase, or `{ text, aliases }`.
struct EntrySeed<'a, 'r> {
    reader: &'a Reader<'r>,
    at: Place<'a>,
}

impl<'de> DeserializeSeed<'de> for EntrySeed<'_, '_> {
    type Value = Entry;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Entry, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl EntrySeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.reader.fail(format!("{}: an entry must be a phrase (a string) or {{ text, aliases }}, got {kind}", self.at))
    }

    fn phrase<E: de::Error>(&self, text: String) -> Result<String, E> {
        if is_blank(&text) {
            return Err(self.reader.fail(format!("{}: the phrase is empty", self.at)));
        }
        Ok(text)
    }
}

impl<'de> Visitor<'de> for EntrySeed<'_, '_> {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a phrase or { text, aliases }")
    }

    wrong_scalars!();

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Entry, E> {
        self.visit_string(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Entry, E> {
        Ok(Entry { text: self.phrase(text)?, aliases: Vec::new() })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Entry, A::Error> {
        Err(self.wrong(Kind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
        let (reader, at) = (self.reader, self.at);
        let (mut text, mut aliases) = (None, Vec::new());
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                "text" => text = Some(map.next_value_seed(PhraseSeed { reader, at })?),
                "aliases" => aliases = map.next_value_seed(AliasesSeed { reader, at })?,
                _ => return Err(reader.fail(format!("{at}: unknown field `{field}` (known: text, aliases)"))),
            }
        }
        let text = text.ok_or_else(|| reader.fail::<A::Error>(format!("{at}: missing field `text`")))?;
        Ok(Entry { text, aliases })
    }
}

/// A phrase: a string with something to match.
struct PhraseSeed<'a, 'r> {
    reader: &'a Reader<'r>,
    at: Place<'a>,
}

impl<'de> DeserializeSeed<'de> for PhraseSeed<'_, '_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl PhraseSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        let what = if self.at.alias.is_some() { "an alias" } else { "`text`" };
        self.reader.fail(format!("{}: {what} must be a string, got {kind}", self.at))
    }
}

impl<'de> Visitor<'de> for PhraseSeed<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a phrase")
    }

    wrong_scalars!();

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        self.visit_string(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        EntrySeed { reader: self.reader, at: self.at }.phrase(text)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(self.wrong(Kind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<String, A::Error> {
        Err(self.wrong(Kind::Object))
    }
}

/// `aliases`: an array of phrases.
struct AliasesSeed<'a, 'r> {
    reader: &'a Reader<'r>,
    at: Place<'a>,
}

impl<'de> DeserializeSeed<'de> for AliasesSeed<'_, '_> {
    type Value = Vec<String>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<String>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl AliasesSeed<'_, '_> {
    fn wrong<E: de::Error>(&self, kind: Kind) -> E {
        self.reader.fail(format!("{}: `aliases` must be an array of phrases, got {kind}", self.at))
    }
}

impl<'de> Visitor<'de> for AliasesSeed<'_, '_> {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of phrases")
    }

    wrong_scalars!();
    wrong_kinds! {
        visit_str(&str) => Kind::String;
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Vec<String>, A::Error> {
        Err(self.wrong(Kind::Object))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut aliases = Vec::new();
        let mut bytes = 0;
        loop {
            let at = Place { alias: Some(aliases.len()), ..self.at };
            let Some(alias) = seq.next_element_seed(PhraseSeed { reader: self.reader, at })? else { return Ok(aliases) };
            // Checked here too, so that a huge array of aliases stops at the limit.
            bytes += alias.len();
            if bytes > self.reader.limits.max_entry_bytes {
                return Err(self.reader.fail(format!(
                    "{}: the entry is over the limit of {} bytes of UTF-8 (text and aliases)",
                    self.at, self.reader.limits.max_entry_bytes
                )));
            }
            aliases.push(alias);
        }
    }
}

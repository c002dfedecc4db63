//! Protocol options (PROTOCOL.md) to API options and the output sections to write, as
//! `protocolOptions` in `js/cli.mjs` does it: names are snake_case or camelCase; `true`
//! or `false` switches a section on or off; a number for `keywords`, `terms` or
//! `summary` sets its size; anything else goes to the API, which rejects unknown names
//! and bad values with the core's message. `entity_lists` is read by the core's reader,
//! as the WebAssembly binding reads `entityLists`, so its errors are the same.

use crate::json::{JsObject, JsString, Value};
use textlens::entities::{EntityLists, Limits};
use textlens::options::{invalid_language, OptionKind, OptionSpec, ENTITY_LISTS, LANGUAGE, OPTION_NAMES};
use textlens::{Error, Options};

/// The output sections of a protocol line, each of which a line may switch off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sections {
    /// `sentences`.
    pub sentences: bool,
    /// `keywords`.
    pub keywords: bool,
    /// `terms`.
    pub terms: bool,
    /// `entities`.
    pub entities: bool,
    /// `entity_groups`.
    pub entity_groups: bool,
    /// `summary`.
    pub summary: bool,
}

impl Sections {
    /// Every section.
    pub const ALL: Sections = Sections {
        sentences: true,
        keywords: true,
        terms: true,
        entities: true,
        entity_groups: true,
        summary: true,
    };

    fn switch(&mut self, name: &str) -> Option<&mut bool> {
        Some(match name {
            "sentences" => &mut self.sentences,
            "keywords" => &mut self.keywords,
            "terms" => &mut self.terms,
            "entities" => &mut self.entities,
            "entity_groups" => &mut self.entity_groups,
            "summary" => &mut self.summary,
            _ => return None,
        })
    }
}

/// The options of one request, split: API options still to be checked by the core, and
/// the sections to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// API option names (camelCase) and their values, in the order JavaScript lists them.
    pub api: JsObject,
    /// The sections to write.
    pub sections: Sections,
}

/// Sections whose size is an API option: a number sets it, `false` makes it 0.
fn count_option(name: &str) -> Option<&'static str> {
    match name {
        "keywords" => Some("keywords"),
        "terms" => Some("terms"),
        "summary" => Some("summarySentences"),
        _ => None,
    }
}

/// `js/cli.mjs` looks `keywords`, `terms` and `summary` up in a plain object, so a name
/// that every object inherits finds that inherited value, and the API then rejects the
/// value's string form as an unknown option. Kept so both command lines say the same.
fn inherited_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "constructor" => "function Object() { [native code] }",
        "__proto__" => "[object Object]",
        "__defineGetter__" => "function __defineGetter__() { [native code] }",
        "__defineSetter__" => "function __defineSetter__() { [native code] }",
        "hasOwnProperty" => "function hasOwnProperty() { [native code] }",
        "__lookupGetter__" => "function __lookupGetter__() { [native code] }",
        "__lookupSetter__" => "function __lookupSetter__() { [native code] }",
        "isPrototypeOf" => "function isPrototypeOf() { [native code] }",
        "propertyIsEnumerable" => "function propertyIsEnumerable() { [native code] }",
        "toString" => "function toString() { [native code] }",
        "valueOf" => "function valueOf() { [native code] }",
        "toLocaleString" => "function toLocaleString() { [native code] }",
        _ => return None,
    })
}

/// `summary_sentences` → `summarySentences`: a `_` or `-` before a lower-case ASCII
/// letter is dropped and the letter upper-cased (`js/cli.mjs`'s `camel`).
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if (c == '_' || c == '-') && next.is_ascii_lowercase() => {
                out.push(next.to_ascii_uppercase());
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// Splits a request's `options` (absent or `null`: none) into API options and sections.
pub fn split(options: Option<&Value>) -> Result<Split, String> {
    let mut split = Split {
        api: JsObject::new(),
        sections: Sections::ALL,
    };
    let object = match options {
        None | Some(Value::Null) => return Ok(split),
        Some(Value::Object(object)) => object,
        Some(_) => return Err("\"options\" must be an object".into()),
    };
    for (key, value) in object.iter() {
        let name = key.to_string_lossy();
        match (value, split.sections.switch(&name)) {
            (Value::Bool(on), Some(section)) => {
                *section = *on;
                if !on {
                    if name == "entities" {
                        split.sections.entity_groups = false;
                    }
                    if let Some(count) = count_option(&name) {
                        split.api.insert(count.into(), Value::Number(0.0));
                    }
                }
            }
            _ => {
                let api_name = match (count_option(&name), inherited_name(&name)) {
                    (Some(count), _) => JsString::from(count),
                    (None, Some(inherited)) => JsString::from(inherited),
                    (None, None) => camel_key(key),
                };
                split.api.insert(api_name, value.clone());
            }
        }
    }
    Ok(split)
}

/// `camel` of a key that may hold lone surrogates (they are not letters, so they stay).
fn camel_key(key: &JsString) -> JsString {
    match key.as_str() {
        Some(name) => JsString::from(camel(name)),
        None => key.clone(),
    }
}

/// A value as the WebAssembly binding's error messages describe it: a number as
/// itself, anything else by its JavaScript type.
fn describe(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::String(_) => "a string".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Null | Value::Array(_) | Value::Object(_) => "a object".into(),
    }
}

/// One option's value, read as `src/wasm.rs` reads it through serde-wasm-bindgen: a
/// count must be a safe non-negative integer that fits the wasm's 32-bit `usize`, a
/// share or a number any number; a value of another type is an error naming the option.
fn set_option(options: &mut Options, spec: &OptionSpec, value: &Value) -> Result<(), Error> {
    let invalid = || Error::InvalidOption { option: spec.name, allowed: spec.allowed(), got: describe(value) };
    let Value::Number(n) = *value else { return Err(invalid()) };
    match spec.kind {
        OptionKind::Share => {
            options.summary_ratio = Some(n);
            return Ok(());
        }
        OptionKind::Number => {
            options.min_confidence = n;
            return Ok(());
        }
        OptionKind::Count => {}
    }
    // (u32::MAX is below 2^53, so such a number is also a safe integer.)
    if n.fract() != 0.0 || n < 0.0 || n > f64::from(u32::MAX) {
        return Err(invalid());
    }
    let slot = match spec.name {
        "keywords" => &mut options.keywords,
        "terms" => &mut options.terms,
        "maxPhraseWords" => &mut options.max_phrase_words,
        "summarySentences" => &mut options.summary_sentences,
        "wordsPerMinute" => &mut options.words_per_minute,
        _ => &mut options.max_length,
    };
    *slot = n as usize;
    Ok(())
}

/// The command line's options, the defaults of every request: API option names
/// (camelCase) and values, with the entity lists read once, so that a long list given
/// by `--entity-lists` is not read again for every line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Defaults {
    /// The options; `entityLists`, when given, keeps its place with a `null` value.
    object: JsObject,
    entity_lists: Option<EntityLists>,
}

impl Defaults {
    /// Defaults of `object`; its entity lists, if any, are read now.
    pub fn new(mut object: JsObject) -> Result<Defaults, Error> {
        let entity_lists = match object.get(ENTITY_LISTS) {
            None | Some(Value::Null) => None,
            Some(value) => Some(EntityLists::read(value, Limits::default())?),
        };
        if entity_lists.is_some() {
            object.insert(ENTITY_LISTS.into(), Value::Null);
        }
        Ok(Defaults { object, entity_lists })
    }

    /// The options as flags give them (`entityLists` as `null`).
    pub fn object(&self) -> &JsObject {
        &self.object
    }
}

impl From<JsObject> for Defaults {
    /// Defaults without entity lists (any `entityLists` is read with each request).
    fn from(object: JsObject) -> Self {
        Defaults { object, entity_lists: None }
    }
}

/// The API options of `{...defaults, ...api}` (defaults first, a request's own
/// options override them), checked by the core as the WebAssembly binding checks them:
/// entries in order, `null` meaning the default, the first bad one reported, then the
/// ranges.
pub fn api_options(defaults: &Defaults, api: &JsObject) -> Result<Options, Error> {
    let mut merged = defaults.object.clone();
    for (key, value) in api.iter() {
        merged.insert(key.clone(), value.clone());
    }
    let mut options = Options::default();
    if api.get(ENTITY_LISTS).is_none() {
        options.entity_lists = defaults.entity_lists.clone();
    }
    for (key, value) in merged.iter() {
        if matches!(value, Value::Null) {
            continue;
        }
        // The binding reads names as Rust strings, so a lone surrogate is U+FFFD there too.
        let name = key.to_string_lossy();
        if name == ENTITY_LISTS {
            options.entity_lists = Some(EntityLists::read(value, Limits::default())?);
            continue;
        }
        if name == LANGUAGE {
            let Value::String(code) = value else { return Err(invalid_language(describe(value))) };
            options.language = code.to_string_lossy();
            continue;
        }
        let Some(spec) = OptionSpec::named(&name) else {
            return Err(Error::BadOptions(format!("unknown option `{name}` (known: {})", OPTION_NAMES.join(", "))));
        };
        set_option(&mut options, spec, value)?;
    }
    options.validate()?;
    Ok(options)
}

/// Everything a request's options decide: the API options and the sections to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Options of the analysis.
    pub options: Options,
    /// Sections of the output.
    pub sections: Sections,
}

impl Settings {
    /// Settings of a request's `options` over command-line `defaults`.
    pub fn new(defaults: &Defaults, options: Option<&Value>) -> Result<Settings, String> {
        let split = split(options)?;
        let options = api_options(defaults, &split.api).map_err(|e| e.to_string())?;
        Ok(Settings {
            options,
            sections: split.sections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Parser;

    fn settings(options: &str) -> Result<Settings, String> {
        Settings::new(&Defaults::default(), Some(&Parser::parse(options).unwrap()))
    }

    #[test]
    fn names_are_snake_or_camel_case() {
        assert_eq!(camel("summary_sentences"), "summarySentences");
        assert_eq!(camel("max-phrase-words"), "maxPhraseWords");
        assert_eq!(camel("__a"), "_A");
        assert_eq!(camel("A_B"), "A_B");
        let a = settings(r#"{"summary_sentences": 1, "maxPhraseWords": 2}"#).unwrap();
        assert_eq!(
            (a.options.summary_sentences, a.options.max_phrase_words),
            (1, 2)
        );
    }

    #[test]
    fn switches_and_counts() {
        let s = settings(r#"{"keywords": false, "entities": false, "summary": 2, "terms": true}"#)
            .unwrap();
        assert_eq!(s.options.keywords, 0);
        assert_eq!(s.options.summary_sentences, 2);
        assert!(!s.sections.keywords && !s.sections.entities && !s.sections.entity_groups);
        assert!(s.sections.terms && s.sections.summary && s.sections.sentences);
        let s = settings(r#"{"summary": false, "sentences": false}"#).unwrap();
        assert_eq!(s.options.summary_sentences, 0);
        assert!(!s.sections.summary && !s.sections.sentences);
    }

    #[test]
    fn bad_options_give_the_core_message() {
        let unknown = settings(r#"{"keywordz": 1}"#).unwrap_err();
        assert!(
            unknown.starts_with("invalid options: unknown option `keywordz`"),
            "{unknown}"
        );
        assert!(settings(r#"{"sentences": 3}"#)
            .unwrap_err()
            .contains("`sentences`"));
        assert!(settings(r#"{"keywords": "5"}"#)
            .unwrap_err()
            .contains("got a string"));
        assert!(settings(r#"{"keywords": [5]}"#)
            .unwrap_err()
            .contains("got a object"));
        assert!(settings(r#"{"keywords": 1e400}"#)
            .unwrap_err()
            .contains("`keywords`"));
        assert_eq!(
            settings("[1]").unwrap_err(),
            "\"options\" must be an object"
        );
        assert!(settings(r#"{"constructor": 1}"#)
            .unwrap_err()
            .contains("`function Object() { [native code] }`"));
    }

    #[test]
    fn language_is_a_code_or_auto_and_other_values_are_named() {
        assert_eq!(settings(r#"{"language": "de"}"#).unwrap().options.language().unwrap(), Some("de"));
        assert_eq!(settings(r#"{"language": "auto"}"#).unwrap().options.language().unwrap(), None);
        let unknown = settings(r#"{"language": "xx"}"#).unwrap_err();
        assert!(unknown.starts_with("invalid option `language`: must be \"auto\" or one of") && unknown.ends_with("got \"xx\""), "{unknown}");
        assert!(settings(r#"{"language": 5}"#).unwrap_err().ends_with("got 5"));
        assert!(settings(r#"{"language": true}"#).unwrap_err().ends_with("got a boolean"));
    }

    #[test]
    fn request_options_override_defaults_in_javascript_order() {
        let mut defaults = JsObject::new();
        defaults.insert("keywords".into(), Value::Number(3.0));
        defaults.insert("terms".into(), Value::Number(900.0));
        let options = Parser::parse(r#"{"terms": 4, "keywords": null}"#).unwrap();
        let s = Settings::new(&defaults.into(), Some(&options)).unwrap();
        assert_eq!((s.options.keywords, s.options.terms), (10, 4));
        // The first bad name in JavaScript's order is the one reported: integer keys first.
        let error = settings(r#"{"zz": 1, "7": 1}"#).unwrap_err();
        assert!(error.contains("`7`"), "{error}");
    }
}

//! The WebAssembly binding: reads the options object through serde-wasm-bindgen and
//! returns a result packed by [`crate::pack`], which `js/unpack.js` turns into objects
//! (the package's entry files wrap these raw exports; `js/textlens.d.ts` types them).
//! Every offset it returns is a UTF-16 code unit (a JavaScript string index).

use crate::analysis::{self, Parts};
use crate::entities::{EntityLists, Limits};
use crate::options::{invalid_language, OptionKind, OptionSpec, ENTITY_LISTS, LANGUAGE, OPTION_SPECS};
use crate::pack::Packed;
use crate::{Error, Options};
use serde::de::{self, Deserialize, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use std::fmt;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() -> Result<(), JsError> {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
    Ok(analysis::prepare()?)
}

/// Analyzes `text` and returns `[numbers, strings]`, the packed [`crate::Analysis`]
/// (see `js/unpack.js` for the layout). `parts` are bits: 1 key phrases and terms,
/// 2 entities, 4 summary; statistics and sentences are always there.
#[wasm_bindgen(js_name = analyzePacked)]
pub fn analyze_packed(text: &str, options: JsValue, parts: u32) -> Result<js_sys::Array, JsError> {
    packed(text, options_from(options)?, parts)
}

/// [`analyze_packed`] with entity lists prepared before: `lists` stand for the
/// options' `entityLists`.
#[wasm_bindgen(js_name = analyzePackedWithLists)]
pub fn analyze_packed_with_lists(text: &str, options: JsValue, parts: u32, lists: &PreparedLists) -> Result<js_sys::Array, JsError> {
    let options = Options { entity_lists: Some(lists.0.clone()), ..options_from(options)? };
    packed(text, options, parts)
}

fn packed(text: &str, options: Options, parts: u32) -> Result<js_sys::Array, JsError> {
    let parts = Parts { keywords: parts & 1 != 0, entities: parts & 2 != 0, summary: parts & 4 != 0 };
    let analysis = analysis::analyze_parts(text, &options, parts)?.into_utf16(text);
    let packed = Packed::new(&analysis)?;
    let numbers = js_sys::Float64Array::from(packed.numbers.as_slice());
    Ok(js_sys::Array::of2(&numbers, &JsValue::from_str(&packed.strings)))
}

/// Loads the name model of `language` (an ISO 639-1 code) from `bytes`, the contents
/// of the package's `ner-<language>.bin`: later analyses of text in that language find
/// names with it. Loading a language again keeps the first model. Errors: no model is
/// trained for the language, or the bytes are not a model (the message says what is
/// wrong and at which byte).
#[wasm_bindgen(js_name = loadModel)]
pub fn load_model(language: &str, bytes: &[u8]) -> Result<(), JsError> {
    Ok(crate::entities::model::registry::load(language, bytes).map_err(Error::from)?)
}

/// The language of the name model that serves `language` (its own, or the one it
/// borrows: "es" for "pt"), whose file a browser fetches; throws the error
/// [`load_model`] would give unless there is one, so that a browser does not fetch a
/// file that cannot exist.
#[wasm_bindgen(js_name = checkModelLanguage)]
pub fn check_model_language(language: &str) -> Result<String, JsError> {
    Ok(crate::entities::model::registry::check(language).map_err(Error::from)?.to_owned())
}

/// Entity lists read and prepared once (`new EntityLists(lists, limits?)`), for the
/// calls of a page that analyses its text again at every pause in typing: each call
/// with these lists reuses what was prepared instead of reading the lists again.
#[wasm_bindgen(js_name = EntityLists)]
pub struct PreparedLists(EntityLists);

/// What the limits object may set; the others keep their defaults.
#[derive(serde::Deserialize, Default)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct LimitsOptions {
    max_entries: Option<u32>,
    max_entry_bytes: Option<u32>,
}

#[wasm_bindgen(js_class = EntityLists)]
impl PreparedLists {
    /// Reads and prepares `lists` (an object of lists by label, as the `entityLists`
    /// option takes it) within `limits` (`{ maxEntries, maxEntryBytes }`, each
    /// optional): every problem is an Error naming the list and entry.
    #[wasm_bindgen(constructor)]
    pub fn new(lists: JsValue, limits: JsValue) -> Result<PreparedLists, JsError> {
        let mut within = Limits::default();
        if !(limits.is_undefined() || limits.is_null()) {
            let set = LimitsOptions::deserialize(&mut Fields::of(limits)?).map_err(|e| e.0)?;
            within.max_entries = set.max_entries.map_or(within.max_entries, |n| n as usize);
            within.max_entry_bytes = set.max_entry_bytes.map_or(within.max_entry_bytes, |n| n as usize);
        }
        Ok(PreparedLists(EntityLists::read(serde_wasm_bindgen::Deserializer::from(lists), within)?))
    }

    /// How many entries there are in all lists.
    #[wasm_bindgen(getter)]
    pub fn entries(&self) -> usize {
        self.0.entries()
    }
}

/// Every option with its allowed values and default: `[{ name, kind, min, max,
/// default, doc }]`, `kind` being "count" (whole numbers in [min, max]), "share"
/// (numbers in (min, max]) or "number" (numbers in [min, max]), `default` null for an
/// option that is off unless given.
/// Built by hand: serde-wasm-bindgen's serializer, for these seven objects, made the
/// wasm 1,598 bytes bigger gzipped (371,372 with it, 369,774 without; gzip -9).
#[wasm_bindgen(js_name = optionSpecs)]
pub fn option_specs() -> js_sys::Array {
    let spec_object = |spec: &OptionSpec| {
        let object = js_sys::Object::new();
        let kind = match spec.kind {
            OptionKind::Count => "count",
            OptionKind::Share => "share",
            OptionKind::Number => "number",
        };
        let fields = [
            ("name", JsValue::from(spec.name)),
            ("kind", kind.into()),
            ("min", spec.min.into()),
            ("max", spec.max.into()),
            ("default", spec.default.map_or(JsValue::NULL, JsValue::from)),
            ("doc", spec.doc.into()),
        ];
        for (key, value) in fields {
            // Setting a property of a new plain object cannot fail.
            let _ = js_sys::Reflect::set(&object, &key.into(), &value);
        }
        JsValue::from(object)
    };
    OPTION_SPECS.iter().map(spec_object).collect()
}

/// The options object as [`Options`]: absent, `undefined` and `null` mean the defaults.
fn options_from(value: JsValue) -> Result<Options, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let mut fields = Fields::of(value)?;
    let mut options = Options::deserialize(&mut fields).map_err(|e| e.0)?;
    options.entity_lists = fields.lists;
    options.validate()?;
    Ok(options)
}

/// The own enumerable properties of an options object, read by `Options`' serde derive
/// as a map. serde-wasm-bindgen reads a struct by asking the object for each known
/// field, so `deny_unknown_fields` would never see an unknown one; here the derive sees
/// every name. A property that is `undefined` or `null` is left out, so its default
/// applies, as JavaScript callers expect of an optional property. `entityLists` is read
/// here, by the core's reader, whose errors name the list and entry (the derive's
/// would name only the option), and handed over in `lists`.
struct Fields {
    entries: js_sys::Array,
    next: u32,
    /// The value of the name just read, and that name.
    value: Option<(String, JsValue)>,
    lists: Option<EntityLists>,
}

impl Fields {
    /// The fields of `value`, which must be a plain object.
    fn of(value: JsValue) -> Result<Fields, Error> {
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(Error::BadOptions("options must be an object".into()));
        }
        let entries = js_sys::Object::entries(&js_sys::Object::from(value));
        Ok(Fields { entries, next: 0, value: None, lists: None })
    }
}

impl<'de> de::Deserializer<'de> for &mut Fields {
    type Error = FieldError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, FieldError> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> MapAccess<'de> for &mut Fields {
    type Error = FieldError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, FieldError> {
        while self.next < self.entries.length() {
            let entry = js_sys::Array::from(&self.entries.get(self.next));
            self.next += 1;
            let value = entry.get(1);
            if value.is_undefined() || value.is_null() {
                continue;
            }
            let name = entry.get(0).as_string().unwrap_or_default();
            if name == ENTITY_LISTS {
                let lists = EntityLists::read(serde_wasm_bindgen::Deserializer::from(value), Limits::default());
                self.lists = Some(lists.map_err(FieldError)?);
                continue;
            }
            let key = seed.deserialize(name.as_str().into_deserializer())?;
            self.value = Some((name, value));
            return Ok(Some(key));
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, FieldError> {
        let (name, value) = self.value.take().ok_or_else(|| FieldError(Error::BadOptions("a value without a name".into())))?;
        let got = describe(&value);
        seed.deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|_| match OptionSpec::named(&name) {
            Some(spec) => FieldError(Error::InvalidOption { option: spec.name, allowed: spec.allowed(), got }),
            None if name == LANGUAGE => FieldError(invalid_language(got)),
            None => FieldError(Error::BadOptions(format!("option `{name}` got {got}"))),
        })
    }
}

/// A JavaScript value as an error message shows it: a number as itself, else its type.
fn describe(value: &JsValue) -> String {
    match value.as_f64() {
        Some(n) => n.to_string(),
        None => format!("a {}", value.js_typeof().as_string().unwrap_or_default()),
    }
}

/// The crate's [`Error`] as serde's deserialisation error.
#[derive(Debug)]
struct FieldError(Error);

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for FieldError {}

impl de::Error for FieldError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        FieldError(Error::BadOptions(message.to_string()))
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        FieldError(Error::BadOptions(format!("unknown option `{field}` (known: {})", known.join(", "))))
    }
}

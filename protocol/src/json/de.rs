//! A serde [`Deserializer`](de::Deserializer) over a [`Value`] that reads it as
//! serde-wasm-bindgen reads the JavaScript value `JSON.parse` would give: `null` as
//! unit, a safe integer as `i64` and any other number as `f64`, a string as a string
//! (lone surrogates as U+FFFD, as they reach WebAssembly), an array as a sequence and
//! an object as a map in `Object.entries` order. The core's readers (the entity lists)
//! tell values apart by these calls alone, so a value read here gets the answer, or
//! the error message, that `node pkg/cli.mjs --jsonl` gives.

use super::{JsObject, Value};
use serde::de::{self, IntoDeserializer, Visitor};
use std::fmt;

/// An error of a reader, as its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeError(pub String);

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        DeError(message.to_string())
    }
}

/// JavaScript's largest safe integer, 2^53 - 1.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl<'de> de::Deserializer<'de> for &'de Value {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER => visitor.visit_i64(*n as i64),
            Value::Number(n) => visitor.visit_f64(*n),
            Value::String(s) => visitor.visit_string(s.to_string_lossy()),
            Value::Array(items) => visitor.visit_seq(de::value::SeqDeserializer::new(items.iter())),
            Value::Object(object) => visitor.visit_map(entries(object)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, DeError> for &'de Value {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// An object's properties as a map, keys as Rust strings (lone surrogates as U+FFFD).
fn entries(object: &JsObject) -> de::value::MapDeserializer<'_, impl Iterator<Item = (String, &Value)>, DeError> {
    de::value::MapDeserializer::new(object.iter().map(|(key, value)| (key.to_string_lossy(), value)))
}

#[cfg(test)]
mod tests {
    use crate::json::Parser;
    use serde::Deserialize;

    #[test]
    fn values_read_as_serde_wasm_bindgen_reads_them() {
        #[derive(Deserialize, Debug, PartialEq)]
        #[serde(untagged)]
        enum Any {
            Unit(()),
            Int(i64),
            Float(f64),
            Text(String),
            List(Vec<Any>),
            Map(std::collections::BTreeMap<String, Any>),
        }
        let value = Parser::parse(r#"{"b": [1, 1.5, "x\ud800", null, 1e300], "a": {}}"#).unwrap();
        let read = Any::deserialize(&value).unwrap();
        let list = vec![Any::Int(1), Any::Float(1.5), Any::Text("x\u{FFFD}".into()), Any::Unit(()), Any::Float(1e300)];
        let expected = Any::Map([("a".to_string(), Any::Map(Default::default())), ("b".to_string(), Any::List(list))].into());
        assert_eq!(read, expected);
    }
}

//! JSON as JavaScript reads and writes it (`JSON.parse`, `JSON.stringify`), so that the
//! native command line answers every line exactly as `node pkg/cli.mjs --jsonl` does.
//!
//! serde_json differs from JavaScript where it matters here: it rejects lone surrogate
//! escapes (`"\ud800"`, which JavaScript keeps and echoes back in an `id`) and numbers
//! beyond the range of a double (JavaScript reads `1e400` as `Infinity`), and its maps
//! neither keep JavaScript's property order (integer keys first, ascending) nor put a
//! repeated key back in its first place. This module reads lines with those rules.
//! [`Parser`] reads; writing reuses serde_json with [`JsFormatter`], which prints
//! numbers as JavaScript. A `&Value` is also a serde deserializer that reads values as
//! serde-wasm-bindgen reads JavaScript's (`de`).

use std::collections::HashMap;

mod de;
mod parse;

pub use de::DeError;
pub use parse::{Parser, SyntaxError, MAX_DEPTH};

/// A JavaScript string: UTF-8 extended with lone surrogates (WTF-8), each encoded as
/// the three bytes UTF-8 would give its code point.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct JsString {
    bytes: Vec<u8>,
    /// Whether any lone surrogate is present (otherwise `bytes` is valid UTF-8).
    lone_surrogates: bool,
}

impl JsString {
    /// The string with every lone surrogate replaced by U+FFFD, as a JavaScript string
    /// reaches WebAssembly (wasm-bindgen encodes it with `TextEncoder`). Both count as
    /// one UTF-16 unit and one code point, so offsets into either agree.
    pub fn into_string(self) -> String {
        let mut bytes = self.bytes;
        if self.lone_surrogates {
            // In WTF-8 a surrogate is ED A0..=BF xx; in UTF-8, ED is followed by 80..=9F.
            let mut i = 0;
            while i + 2 < bytes.len() {
                if bytes[i] == 0xED && bytes[i + 1] >= 0xA0 {
                    bytes[i..i + 3].copy_from_slice("\u{FFFD}".as_bytes());
                    i += 3;
                } else {
                    i += 1;
                }
            }
        }
        String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    }

    /// The string as Rust text, lone surrogates as U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        self.clone().into_string()
    }

    /// The string as UTF-8 when it has no lone surrogate.
    pub fn as_str(&self) -> Option<&str> {
        if self.lone_surrogates {
            None
        } else {
            std::str::from_utf8(&self.bytes).ok()
        }
    }

    /// The index this key has as an array index (`"0"` to `"4294967294"`, no leading
    /// zeros), which JavaScript lists before the other keys of an object.
    fn array_index(&self) -> Option<u32> {
        let digits = &self.bytes;
        let canonical =
            !digits.is_empty() && digits.len() <= 10 && digits.iter().all(u8::is_ascii_digit);
        if !canonical || (digits.len() > 1 && digits[0] == b'0') {
            return None;
        }
        let value: u64 = digits.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0'));
        u32::try_from(value).ok().filter(|&n| n != u32::MAX)
    }
}

impl From<&str> for JsString {
    fn from(text: &str) -> Self {
        JsString {
            bytes: text.as_bytes().to_vec(),
            lone_surrogates: false,
        }
    }
}

impl From<String> for JsString {
    fn from(text: String) -> Self {
        JsString {
            bytes: text.into_bytes(),
            lone_surrogates: false,
        }
    }
}

/// A JSON value as `JSON.parse` gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number: a double, `Infinity` when the literal overflows.
    Number(f64),
    /// A string.
    String(JsString),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(JsObject),
}

impl Value {
    /// `typeof`-like name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The value as `JSON.stringify` writes it.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    /// Appends the value as `JSON.stringify` writes it.
    pub fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(*n, out),
            Value::String(s) => write_js_string(s, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Value::Object(object) => {
                out.push('{');
                for (i, (key, value)) in object.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_js_string(key, out);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// Objects with more keys than this find a repeated key through a hash index.
const LINEAR_KEYS: usize = 16;

/// A JavaScript object's own properties: a repeated key keeps its first place and takes
/// the last value, and array-index keys are listed first, in ascending order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JsObject {
    entries: Vec<(JsString, Value)>,
    positions: HashMap<JsString, usize>,
}

impl JsObject {
    /// An empty object.
    pub fn new() -> Self {
        JsObject::default()
    }

    /// Sets `key` to `value`, as `object[key] = value` does.
    pub fn insert(&mut self, key: JsString, value: Value) {
        let found = if self.entries.len() > LINEAR_KEYS {
            self.positions.get(&key).copied()
        } else {
            self.entries.iter().position(|(k, _)| *k == key)
        };
        match found {
            Some(i) => self.entries[i].1 = value,
            None => {
                if self.entries.len() == LINEAR_KEYS {
                    self.positions = self
                        .entries
                        .iter()
                        .enumerate()
                        .map(|(i, (k, _))| (k.clone(), i))
                        .collect();
                }
                if self.entries.len() >= LINEAR_KEYS {
                    self.positions.insert(key.clone(), self.entries.len());
                }
                self.entries.push((key, value));
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// Number of properties.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the object has no property.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The properties in the order `Object.entries` lists them.
    pub fn iter(&self) -> impl Iterator<Item = (&JsString, &Value)> {
        let mut indexed: Vec<(u32, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, (k, _))| k.array_index().map(|n| (n, i)))
            .collect();
        indexed.sort_unstable();
        let named = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (k, _))| k.array_index().is_none())
            .map(|(i, _)| i);
        let order: Vec<usize> = indexed.into_iter().map(|(_, i)| i).chain(named).collect();
        order
            .into_iter()
            .map(move |i| (&self.entries[i].0, &self.entries[i].1))
    }
}

/// Writes a number as JavaScript's `JSON.stringify` does: shortest round-trip digits,
/// exponent form below 1e-6 and from 1e21, `-0` as `0`, and `null` for non-finite.
pub fn write_number(n: f64, out: &mut String) {
    if n.is_finite() {
        out.push_str(ryu_js::Buffer::new().format_finite(n));
    } else {
        out.push_str("null");
    }
}

/// Writes a string as `JSON.stringify` does: `"` and `\` escaped, control characters
/// as `\b \f \n \r \t` or `\u00xx`, lone surrogates as `\udxxx`, everything else raw.
pub fn write_js_string(s: &JsString, out: &mut String) {
    match s.as_str() {
        Some(text) => write_str(text, out),
        None => {
            out.push('"');
            let mut rest = s.bytes.as_slice();
            while !rest.is_empty() {
                let lone = rest
                    .windows(3)
                    .position(|w| w[0] == 0xED && w[1] >= 0xA0)
                    .unwrap_or(rest.len());
                write_str_body(&String::from_utf8_lossy(&rest[..lone]), out);
                if lone < rest.len() {
                    let unit = 0xD000
                        | (u32::from(rest[lone + 1] & 0x3F) << 6)
                        | u32::from(rest[lone + 2] & 0x3F);
                    out.push_str(&format!("\\u{unit:04x}"));
                    rest = &rest[lone + 3..];
                } else {
                    rest = &[];
                }
            }
            out.push('"');
        }
    }
}

/// Writes Rust text as a JSON string the way `JSON.stringify` does.
pub fn write_str(text: &str, out: &mut String) {
    out.push('"');
    write_str_body(text, out);
    out.push('"');
}

fn write_str_body(text: &str, out: &mut String) {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// serde_json's output with JavaScript's number formatting; its string escaping already
/// is JavaScript's (the same escapes, lowercase hex, everything else raw), and it writes
/// `null` for non-finite numbers before a formatter sees them, as `JSON.stringify` does.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsFormatter;

impl serde_json::ser::Formatter for JsFormatter {
    fn write_f64<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: f64,
    ) -> std::io::Result<()> {
        writer.write_all(ryu_js::Buffer::new().format_finite(value).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(line: &str) -> String {
        Parser::parse(line).unwrap().to_json()
    }

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        // Each pair is (JSON literal, what `JSON.stringify(JSON.parse(literal))` prints in Node 20).
        let cases = [
            ("1", "1"),
            ("-0", "0"),
            ("1.0", "1"),
            ("1e21", "1e+21"),
            ("123456789012345678901", "123456789012345680000"),
            ("1e-7", "1e-7"),
            ("0.000001", "0.000001"),
            ("0.1", "0.1"),
            ("5e-324", "5e-324"),
            ("1e400", "null"),
            ("-1e400", "null"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("0.30000000000000004", "0.30000000000000004"),
            ("2.5e-5", "0.000025"),
        ];
        for (literal, expected) in cases {
            assert_eq!(
                round_trip(literal),
                expected,
                "help: {literal} must print as JSON.stringify prints it"
            );
        }
    }

    #[test]
    fn strings_escape_as_javascript_escapes_them() {
        assert_eq!(
            round_trip(r#""a\"b\\c\/d\u0001\b\f\n\r\t\u007f\u2028é""#),
            "\"a\\\"b\\\\c/d\\u0001\\b\\f\\n\\r\\t\u{7f}\u{2028}é\""
        );
        // A pair joins; lone surrogates are kept and written back as escapes.
        assert_eq!(
            round_trip(r#""\ud83d\ude00 \ud800 \uDC00x \ud800\u0041""#),
            "\"😀 \\ud800 \\udc00x \\ud800A\""
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters_in_text() {
        let Value::String(s) = Parser::parse(r#""a\ud800b\udfffc\ud83d\ude00""#).unwrap() else {
            panic!("a string")
        };
        assert_eq!(s.into_string(), "a\u{FFFD}b\u{FFFD}c😀");
    }

    #[test]
    fn objects_keep_javascript_property_order() {
        assert_eq!(
            round_trip(r#"{"b":1,"2":2,"1":3,"b":4,"4294967295":5,"4294967294":6,"01":7}"#),
            r#"{"1":3,"2":2,"4294967294":6,"b":4,"4294967295":5,"01":7}"#
        );
        let many: Vec<String> = (0..40).map(|i| format!("\"k{}\":{i}", i % 20)).collect();
        let expected: Vec<String> = (0..20).map(|i| format!("\"k{i}\":{}", i + 20)).collect();
        assert_eq!(
            round_trip(&format!("{{{}}}", many.join(","))),
            format!("{{{}}}", expected.join(","))
        );
    }

    #[test]
    fn agrees_with_serde_json_where_both_apply() {
        let samples = [
            r#"{"id":"doc-1","text":"Angela Merkel met Macron.","options":{"keywords":5,"summary":false}}"#,
            r#"[1.5,-2e-9,3e100,"\u00e9\n",{"a":[true,false,null]}]"#,
            r#"{"x":0.1,"y":1e-7,"z":12345.678}"#,
        ];
        for sample in samples {
            let ours = Parser::parse(sample).unwrap().to_json();
            let theirs: serde_json::Value = serde_json::from_str(sample).unwrap();
            let back: serde_json::Value = serde_json::from_str(&ours).unwrap();
            assert_eq!(back, theirs, "{sample}");
        }
    }
}

//! JSON as JavaScript reads and writes it (`JSON.parse`, `JSON.stringify`), so that the
//! native command line answers every line exactly as `node pkg/cli.mjs --jsonl` does.
//!
//! serde_json differs from JavaScript where it matters here: it rejects lone surrogate
//! escapes (`"\ud800"`, which JavaScript keeps and echoes back in an `id`) and numbers
//! beyond the range of a double (JavaScript reads `1e400` as `Infinity`), and its maps
//! neither keep JavaScript's property order (integer keys first, ascending) nor put a
//! repeated key back in its first place. This module reads lines with those rules.
//! Writing reuses serde_json with [`JsFormatter`], which prints numbers as JavaScript.

use std::collections::HashMap;
use std::fmt;

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

/// Why a line is not JSON. The wording is this parser's, not V8's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What was wrong.
    pub message: String,
    /// Character position (from 0) in the line.
    pub position: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at position {} (the line is not valid JSON)",
            self.message, self.position
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Values kept (an `id`, an option's value) may nest this deep. `JSON.stringify` in
/// Node 20 writes an id nested 3,000 deep but overflows its stack at 5,000 (which stops
/// `node pkg/cli.mjs`); here a deeper value gives that line an error instead. Values that
/// are only checked, never kept, may nest without limit.
pub const MAX_DEPTH: usize = 3000;

/// A JSON reader over one line, with JavaScript's rules.
pub struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Parser {
            bytes: text.as_bytes(),
            text,
            pos: 0,
        }
    }

    /// Parses a whole text as one value, as `JSON.parse` does.
    pub fn parse(text: &'a str) -> Result<Value, SyntaxError> {
        let mut parser = Parser::new(text);
        let value = parser.value(0)?;
        parser.end()?;
        Ok(value)
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        let position = self
            .text
            .get(..self.pos)
            .map_or(self.pos, |before| before.chars().count());
        SyntaxError {
            message: message.into(),
            position,
        }
    }

    fn unexpected(&self) -> SyntaxError {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            Some(c) => self.error(format!("unexpected character {c:?}")),
            None => self.error("unexpected end of input"),
        }
    }

    /// Skips JSON white space (space, tab, line feed, carriage return).
    pub fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after white space, without consuming it.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.bytes.get(self.pos).copied()
    }

    /// Consumes `byte` after white space, or fails.
    pub fn expect(&mut self, byte: u8) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    /// Checks that only white space is left.
    pub fn end(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.unexpected()),
        }
    }

    /// Reads one value and keeps it; `depth` is how deep the caller already is. Nesting
    /// is kept on a heap stack, not recursed into, so deep values cannot overflow the
    /// thread's stack.
    pub fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        // Containers still open, innermost last; an object's holds the key being read.
        let mut open: Vec<(Value, Option<JsString>)> = Vec::new();
        loop {
            let opening = matches!(self.peek(), Some(b'{' | b'['));
            if opening && depth + open.len() >= MAX_DEPTH {
                return Err(self.error(format!("a value nested more than {MAX_DEPTH} deep")));
            }
            let mut value = match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        Value::Object(JsObject::new())
                    } else {
                        let key = self.key()?;
                        open.push((Value::Object(JsObject::new()), Some(key)));
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        Value::Array(Vec::new())
                    } else {
                        open.push((Value::Array(Vec::new()), None));
                        continue;
                    }
                }
                Some(b'"') => Value::String(self.string()?),
                _ => self.scalar()?,
            };
            // A value ended: put it in its container, closing those it completes.
            loop {
                let Some((container, key)) = open.last_mut() else {
                    return Ok(value);
                };
                let close = match (container, key.take()) {
                    (Value::Object(object), Some(key)) => {
                        object.insert(key, value);
                        b'}'
                    }
                    (Value::Array(items), _) => {
                        items.push(value);
                        b']'
                    }
                    _ => return Err(self.error("internal: a container without its key")),
                };
                if self.next_member(close)? {
                    if close == b'}' {
                        let next = self.key()?;
                        if let Some((_, key)) = open.last_mut() {
                            *key = Some(next);
                        }
                    }
                    break;
                }
                match open.pop() {
                    Some((container, _)) => value = container,
                    None => return Err(self.error("internal: no open container")),
                }
            }
        }
    }

    /// Reads `"key":` of an object member.
    pub fn key(&mut self) -> Result<JsString, SyntaxError> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected());
        }
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    /// After a member: `,` (true, another follows) or the closing `close` (false).
    pub fn next_member(&mut self, close: u8) -> Result<bool, SyntaxError> {
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(c) if c == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.unexpected()),
        }
    }

    /// Checks one value without keeping it; nesting is counted, not recursed into.
    pub fn skip_value(&mut self) -> Result<(), SyntaxError> {
        // Closing brackets still expected, innermost last.
        let mut open: Vec<u8> = Vec::new();
        loop {
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        self.key()?;
                        open.push(b'}');
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                _ => {
                    self.scalar()?;
                }
            }
            // A value ended: close what it ends, or go on to the next member.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                if self.next_member(close)? {
                    if close == b'}' {
                        self.key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn scalar(&mut self) -> Result<Value, SyntaxError> {
        match self.peek() {
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.unexpected()),
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.unexpected());
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.unexpected());
            }
        }
        // Rust rounds correctly and gives infinity on overflow, as JavaScript does.
        let literal = &self.text[start..self.pos];
        literal
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| self.error(format!("bad number {literal}")))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("unfinished \\u escape"))?;
        let mut unit = 0;
        for &d in digits {
            let value = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("bad \\u escape"))?;
            unit = unit * 16 + value;
        }
        self.pos += 4;
        Ok(unit)
    }

    /// Reads a string literal (the reader is at its opening quote).
    pub fn string(&mut self) -> Result<JsString, SyntaxError> {
        self.pos += 1;
        let mut out = JsString::default();
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(run) = run else {
                self.pos = self.bytes.len();
                return Err(self.error("unterminated string"));
            };
            out.bytes
                .extend_from_slice(&self.bytes[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }

    fn escape(&mut self, out: &mut JsString) -> Result<(), SyntaxError> {
        let Some(&byte) = self.bytes.get(self.pos) else {
            return Err(self.error("unterminated string"));
        };
        self.pos += 1;
        let simple = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => {
                self.pos -= 1;
                return Err(self.error(format!("bad escape \\{}", byte as char)));
            }
        };
        out.bytes.push(simple);
        Ok(())
    }

    fn unicode_escape(&mut self, out: &mut JsString) -> Result<(), SyntaxError> {
        let unit = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&unit) && self.bytes[self.pos..].starts_with(b"\\u")
        {
            // A high surrogate joins a low one that follows at once.
            let after = self.pos;
            self.pos += 2;
            match self.hex4()? {
                low @ 0xDC00..=0xDFFF => 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00),
                _ => {
                    self.pos = after;
                    unit
                }
            }
        } else {
            unit
        };
        match char::from_u32(code) {
            Some(c) => out
                .bytes
                .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            None => {
                // A lone surrogate, kept as WTF-8.
                out.lone_surrogates = true;
                out.bytes.extend_from_slice(&[
                    0xED,
                    0xA0 | ((code >> 6) & 0x1F) as u8,
                    0x80 | (code & 0x3F) as u8,
                ]);
            }
        }
        Ok(())
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
    fn invalid_json_is_rejected() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            ".5",
            "+1",
            "-",
            "1e",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"\\u12\"",
            "nul",
            "[1] 2",
            "{'a':1}",
            "\u{feff}{}",
            "NaN",
            "\"abc",
        ] {
            assert!(Parser::parse(bad).is_err(), "help: {bad:?} is not JSON");
        }
        for good in [
            " {} ",
            "[]",
            "0",
            "-0.5e+3",
            "\"\"",
            "[[],{}]",
            "{\"\":null}",
            "true",
        ] {
            assert!(Parser::parse(good).is_ok(), "help: {good:?} is JSON");
        }
    }

    #[test]
    fn skipping_checks_without_depth_limit() {
        let deep = format!("{}1{}", "[{\"a\":".repeat(50_000), "}]".repeat(50_000));
        let mut parser = Parser::new(&deep);
        parser.skip_value().unwrap();
        parser.end().unwrap();
        for bad in ["[1,]", "{\"a\":1,}", "[[1]", "{\"a\"}", "[1 2]"] {
            let mut parser = Parser::new(bad);
            assert!(
                parser.skip_value().and_then(|()| parser.end()).is_err(),
                "help: {bad:?} is not JSON"
            );
        }
        let mut parser = Parser::new(r#"[{"a":[1,"x",{}],"b":{"c":[]}},true,null]"#);
        parser.skip_value().unwrap();
        parser.end().unwrap();
    }

    #[test]
    fn kept_values_have_a_depth_limit() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(Parser::parse(&deep(MAX_DEPTH)).is_ok());
        assert!(Parser::parse(&deep(MAX_DEPTH + 1)).is_err());
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

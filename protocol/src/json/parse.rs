//! Reading a line as `JSON.parse` does, keeping only what is asked for: values that are
//! kept are built with an explicit stack, values that are skipped are only checked.

use super::{JsObject, JsString, Value};
use std::fmt;

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
    /// thread's stack. (One loop of about 60 lines: opening, filling and closing a
    /// container share that stack, and split apart they would pass it all around.)
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
}

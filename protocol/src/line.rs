//! One protocol line in, one out: `lineResult` and `protocolResult` of `js/cli.mjs`.
//!
//! [`Body`] is the answer's fields in the protocol's order. The command line writes it
//! as JSON after the `id`; Python turns the same struct into a dict. A new field of the
//! protocol is one field here (and the line that fills it in [`Body::new`]).

use crate::json::{self, JsFormatter, JsString, Parser, SyntaxError, Value};
use crate::offsets::{Converter, Unit};
use crate::options::{Defaults, Sections, Settings};
use serde::Serialize;
use textlens::{Analysis, Label, Parts, Span};

/// A key phrase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase.
    pub text: String,
    /// Its score, higher is better.
    pub score: f64,
}

/// A frequent term.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The term.
    pub term: String,
    /// Its occurrences.
    pub count: usize,
}

/// An entity mention.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    /// Its type.
    pub label: Label,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// How sure the analysis is of it, 0 to 1.
    pub confidence: f64,
}

/// The mentions of one entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityGroup {
    /// The canonical name.
    pub text: String,
    /// Its type.
    pub label: Label,
    /// How many mentions.
    pub count: usize,
    /// Every mention.
    pub mentions: Vec<Span>,
    /// The confidence of its surest mention.
    pub confidence: f64,
}

/// A sentence of the summary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummarySentence {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The sentence.
    pub text: String,
}

/// The fields of an answer after its `id`, in the protocol's order. A section switched
/// off is absent.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Body {
    /// ISO 639-1 code of the text's language, or "und".
    pub language: String,
    /// Every sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<Span>>,
    /// Key phrases, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keywords: Option<Vec<Keyword>>,
    /// Frequent terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terms: Option<Vec<Term>>,
    /// Every entity mention, in document order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    /// Mentions grouped by the entity they name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_groups: Option<Vec<EntityGroup>>,
    /// The summary's sentences, in document order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Vec<SummarySentence>>,
}

impl Body {
    /// The answer for an analysis of `text` (byte spans), offsets converted to `unit`.
    pub fn new(analysis: Analysis, text: &str, sections: Sections, unit: Unit) -> Body {
        let at = Converter::new(text, unit);
        let Analysis {
            stats,
            sentences,
            terms,
            keywords,
            entities,
            entity_groups,
            summary,
            languages: _,
        } = analysis;
        Body {
            language: stats.language.to_string(),
            sentences: sections
                .sentences
                .then(|| sentences.iter().map(|s| at.span(s.span)).collect()),
            keywords: sections.keywords.then(|| {
                keywords
                    .into_iter()
                    .map(|k| Keyword {
                        text: k.text,
                        score: k.score,
                    })
                    .collect()
            }),
            terms: sections.terms.then(|| {
                terms
                    .into_iter()
                    .map(|t| Term {
                        term: t.term,
                        count: t.count,
                    })
                    .collect()
            }),
            entities: sections.entities.then(|| {
                entities
                    .into_iter()
                    .map(|e| {
                        let span = at.span(e.span);
                        Entity {
                            text: e.text,
                            label: e.label,
                            start: span.start,
                            end: span.end,
                            confidence: e.confidence,
                        }
                    })
                    .collect()
            }),
            entity_groups: sections.entity_groups.then(|| {
                entity_groups
                    .into_iter()
                    .map(|g| EntityGroup {
                        text: g.text,
                        label: g.label,
                        count: g.count,
                        mentions: g.mentions.iter().map(|&m| at.span(m)).collect(),
                        confidence: g.confidence,
                    })
                    .collect()
            }),
            summary: sections.summary.then(|| {
                summary
                    .into_iter()
                    .map(|s| {
                        let span = at.span(s.span);
                        SummarySentence {
                            start: span.start,
                            end: span.end,
                            text: s.text,
                        }
                    })
                    .collect()
            }),
        }
    }
}

/// Analyses `text` with `settings` and answers with offsets in `unit`. Analyses whose
/// sections are all switched off are skipped; the others come out the same (the core
/// tests that parts give the full analysis's results).
pub fn analyze(text: &str, settings: &Settings, unit: Unit) -> Result<Body, textlens::Error> {
    let s = settings.sections;
    let parts = Parts {
        keywords: s.keywords || s.terms,
        entities: s.entities || s.entity_groups,
        summary: s.summary,
    };
    let analysis = textlens::analyze_parts(text, &settings.options, parts)?;
    Ok(Body::new(analysis, text, s, unit))
}

/// A request line, read: its `id` (`null` when absent) and the answer's outcome.
struct Request {
    id: Value,
    text: Option<Option<JsString>>,
    options: Option<Value>,
}

/// Reads the top-level object of a line, keeping only `id`, `text` and `options`.
fn read_request(line: &str) -> Result<Option<Request>, SyntaxError> {
    let mut parser = Parser::new(line);
    if parser.peek() != Some(b'{') {
        parser.skip_value()?;
        parser.end()?;
        return Ok(None);
    }
    parser.expect(b'{')?;
    let mut request = Request {
        id: Value::Null,
        text: None,
        options: None,
    };
    if parser.peek() == Some(b'}') {
        parser.expect(b'}')?;
    } else {
        loop {
            let key = parser.key()?;
            match key.as_str() {
                Some("id") => request.id = parser.value(1)?,
                Some("text") if parser.peek() == Some(b'"') => {
                    request.text = Some(Some(parser.string()?))
                }
                Some("text") => {
                    parser.skip_value()?;
                    request.text = Some(None);
                }
                Some("options") => request.options = Some(parser.value(1)?),
                _ => parser.skip_value()?,
            }
            if !parser.next_member(b'}')? {
                break;
            }
        }
    }
    parser.end()?;
    Ok(Some(request))
}

/// The answer to one protocol line (no line break), as `node pkg/cli.mjs --jsonl`
/// writes it: `defaults` are the command line's options, offsets are in `unit`.
pub fn answer(line: &str, defaults: &Defaults, unit: Unit) -> String {
    let (id, outcome) = match read_request(line) {
        Err(error) => (Value::Null, Err(error.to_string())),
        Ok(None) => (Value::Null, Err("a line must be a JSON object".to_string())),
        Ok(Some(Request { id, text, options })) => {
            let outcome = match text {
                Some(Some(text)) => {
                    let text = text.into_string();
                    Settings::new(defaults, options.as_ref()).and_then(|settings| {
                        analyze(&text, &settings, unit).map_err(|e| e.to_string())
                    })
                }
                _ => Err("\"text\" must be a string".to_string()),
            };
            // `input.id ?? null`: a missing id is written as null.
            (id, outcome)
        }
    };
    write_answer(&id, outcome)
}

/// An answer line (no line break): the `id`, then the answer's fields or `"error"`.
pub fn write_answer(id: &Value, outcome: Result<Body, String>) -> String {
    let mut out = String::from("{\"id\":");
    id.write_json(&mut out);
    match outcome {
        Ok(body) => {
            let mut fields = Vec::new();
            let mut writer = serde_json::Serializer::with_formatter(&mut fields, JsFormatter);
            match body.serialize(&mut writer) {
                // `{"language":…}` continues the line after the id.
                Ok(()) => {
                    out.push(',');
                    out.push_str(
                        String::from_utf8_lossy(fields.get(1..).unwrap_or_default()).as_ref(),
                    );
                }
                Err(error) => write_error(&mut out, &error.to_string()),
            }
        }
        Err(message) => write_error(&mut out, &message),
    }
    out
}

fn write_error(out: &mut String, message: &str) {
    out.push_str(",\"error\":");
    json::write_str(message, out);
    out.push('}');
}

/// Whether a line is blank for `String.prototype.trim` (JavaScript's white space and
/// line terminators, which include U+FEFF but not U+0085), so the protocol skips it.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(|c| {
        matches!(
            c,
            '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200A}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202F}'
                    | '\u{205F}'
                    | '\u{3000}'
                    | '\u{FEFF}'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer_of(line: &str) -> String {
        answer(line, &Defaults::default(), Unit::Utf16)
    }

    #[test]
    fn fields_come_in_protocol_order() {
        let out =
            answer_of(r#"{"id":"a","text":"Angela Merkel visited Paris. She met Macron there."}"#);
        let keys = [
            "\"id\"",
            "\"language\"",
            "\"sentences\"",
            "\"keywords\"",
            "\"terms\"",
            "\"entities\"",
            "\"entity_groups\"",
            "\"summary\"",
        ];
        let positions: Vec<usize> = keys
            .iter()
            .map(|k| {
                out.find(k)
                    .unwrap_or_else(|| panic!("{k} missing in {out}"))
            })
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{out}");
        assert!(
            out.starts_with("{\"id\":\"a\",\"language\":\"en\""),
            "{out}"
        );
    }

    #[test]
    fn errors_keep_the_id_when_there_is_one() {
        assert_eq!(
            answer_of(r#"{"id":[1,{"b":2,"1":-0}],"text":5}"#),
            r#"{"id":[1,{"1":0,"b":2}],"error":"\"text\" must be a string"}"#
        );
        assert_eq!(
            answer_of(r#"{"text":"x","options":[]}"#),
            r#"{"id":null,"error":"\"options\" must be an object"}"#
        );
        assert_eq!(
            answer_of("[1]"),
            r#"{"id":null,"error":"a line must be a JSON object"}"#
        );
        assert!(answer_of(r#"{"id":7,"text":"x""#).starts_with(r#"{"id":null,"error":"#));
        assert_eq!(
            answer_of(r#"{"id":1e400}"#),
            r#"{"id":null,"error":"\"text\" must be a string"}"#
        );
    }

    #[test]
    fn switched_off_sections_are_absent() {
        let out = answer_of(
            r#"{"id":1,"text":"Angela Merkel visited Paris.","options":{"entities":false,"summary":false,"sentences":false}}"#,
        );
        assert!(
            !out.contains("\"entities\"")
                && !out.contains("\"entity_groups\"")
                && !out.contains("\"summary\""),
            "{out}"
        );
        assert!(
            !out.contains("\"sentences\"")
                && out.contains("\"keywords\"")
                && out.contains("\"terms\""),
            "{out}"
        );
    }

    #[test]
    fn javascript_white_space_is_blank() {
        assert!(is_blank("") && is_blank(" \t\u{A0}\u{FEFF}\u{3000}"));
        assert!(!is_blank("\u{85}") && !is_blank("{}"));
    }
}

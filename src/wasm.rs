//! The WebAssembly binding: converts JavaScript values to core types and back.
//! Every offset it returns is a UTF-16 code unit (a JavaScript string index).

use crate::options::OptionValue;
use crate::analysis::{self, Analysis, Parts};
use crate::pack::{Packed, Sections};
use crate::{Error, Options};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of every call; all optional. Unknown names and out-of-range values throw an Error naming the option. */
export interface Options {
  /** Key phrases to return, 0–200 (default 10). */
  keywords?: number;
  /** Frequent terms to return, 0–500 (default 20). */
  terms?: number;
  /** Longest key phrase in words, 1–4 (default 4). */
  maxPhraseWords?: number;
  /** Sentences in the summary, 0–100 (default 3). Ignored when summaryRatio is set. */
  summarySentences?: number;
  /** Summary length as a share of the sentences, (0, 1]. */
  summaryRatio?: number | null;
  /** Reading speed for readingTimeSeconds, 50–2000 (default 230). */
  wordsPerMinute?: number;
  /** Longest accepted text in UTF-16 code units, 1–100,000,000 (default 20,000,000). */
  maxLength?: number;
}

/** A half-open range of UTF-16 code units: text.slice(start, end). */
export interface Span { start: number; end: number; }

export type Label = "PERSON" | "ORG" | "LOCATION" | "DATE" | "TIME" | "MONEY" | "PERCENT"
  | "EMAIL" | "URL" | "PHONE" | "HASHTAG" | "MENTION";

export interface Stats {
  characters: number; words: number; sentences: number; paragraphs: number;
  readingTimeSeconds: number; averageSentenceLength: number;
  /** ISO 639-1 code, or "und". */
  language: string;
}
export interface ScoredSentence extends Span { score: number; }
export interface Term { term: string; count: number; }
export interface Keyword { text: string; score: number; count: number; occurrences: Span[]; }
export interface Entity extends Span { text: string; label: Label; group: number; }
export interface EntityGroup { text: string; label: Label; count: number; mentions: Span[]; }
export interface SummarySentence extends Span { index: number; text: string; score: number; }

export interface Analysis {
  stats: Stats;
  sentences: ScoredSentence[];
  terms: Term[];
  keywords: Keyword[];
  entities: Entity[];
  entityGroups: EntityGroup[];
  summary: SummarySentence[];
}
export interface KeywordsResult { terms: Term[]; keywords: Keyword[]; }
export interface EntitiesResult { entities: Entity[]; entityGroups: EntityGroup[]; }
export interface SummaryResult { sentences: ScoredSentence[]; summary: SummarySentence[]; }

/** Analyzes a text: statistics, sentences, terms, key phrases, entities and summary. */
export function analyze(text: string, options?: Options): Analysis;
/** Frequent terms and key phrases only. */
export function keywords(text: string, options?: Options): KeywordsResult;
/** Entity mentions and their groups only. */
export function entities(text: string, options?: Options): EntitiesResult;
/** Sentence scores and the summary only. */
export function summarize(text: string, options?: Options): SummaryResult;
"#;

#[wasm_bindgen(start, skip_typescript)]
fn start() -> Result<(), JsError> {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
    Ok(analysis::prepare()?)
}

fn option_value(value: JsValue) -> OptionValue {
    if value.is_undefined() || value.is_null() {
        OptionValue::Absent
    } else if let Some(n) = value.as_f64() {
        OptionValue::Number(n)
    } else if value.is_string() {
        OptionValue::Other("string")
    } else if value.as_bool().is_some() {
        OptionValue::Other("boolean")
    } else {
        OptionValue::Other("non-number")
    }
}

fn options(value: JsValue) -> Result<Options, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(Error::BadOptions("options must be an object".into()));
    }
    let object = js_sys::Object::from(value);
    let names: Vec<String> = js_sys::Object::keys(&object).iter().filter_map(|key| key.as_string()).collect();
    let fields = names.iter().map(|name| {
        let value = js_sys::Reflect::get(&object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        (name.as_str(), option_value(value))
    });
    Options::from_fields(fields)
}

fn run(text: &str, options_value: JsValue, parts: Parts) -> Result<Analysis, JsError> {
    let options = options(options_value)?;
    Ok(analysis::analyze_parts(text, &options, parts)?.into_utf16(text))
}

#[wasm_bindgen(module = "/js/unpack.js")]
extern "C" {
    /// Builds the result objects from a packed analysis (see [`crate::pack`]).
    #[wasm_bindgen(catch)]
    fn unpack(numbers: &[f64], strings: &str) -> Result<JsValue, JsValue>;
}

fn to_js(analysis: &Analysis, sections: Sections) -> Result<JsValue, JsError> {
    let packed = Packed::new(analysis, sections);
    unpack(&packed.numbers, &packed.strings).map_err(|_| JsError::new("the result could not be built"))
}

/// Analyzes a text: statistics, sentences, terms, key phrases, entities and summary.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&run(text, options, Parts::ALL)?, Sections::ALL)
}

/// Frequent terms and key phrases only.
#[wasm_bindgen(skip_typescript)]
pub fn keywords(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&run(text, options, Parts::KEYWORDS)?, Sections::TERMS.and(Sections::KEYWORDS))
}

/// Entity mentions and their groups only.
#[wasm_bindgen(skip_typescript)]
pub fn entities(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&run(text, options, Parts::ENTITIES)?, Sections::ENTITIES)
}

/// Sentence scores and the summary only.
#[wasm_bindgen(skip_typescript)]
pub fn summarize(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&run(text, options, Parts::SUMMARY)?, Sections::SENTENCES.and(Sections::SUMMARY))
}

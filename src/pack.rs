//! An [`Analysis`] packed for the trip into JavaScript: every number in one `f64`
//! array and every string in one joined string, which `js/unpack.js` turns back into
//! the result objects.
//!
//! Building the objects from Rust costs a call into JavaScript per field, and a JSON
//! string costs a serialisation and a parse; one array and one string cross in two
//! copies, and the objects are then built by JavaScript code the engine compiles well.
//! The layout below and `js/unpack.js` change together.
//!
//! Layout of `numbers`, in order:
//! - the [`Sections`] bits present, then the label table: its length, then each
//!   label's name as a string;
//! - `STATS`: characters, words, sentences, paragraphs, reading time, average sentence
//!   length, language (a string);
//! - `SENTENCES`: a count, then start, end, score of each;
//! - `TERMS`: a count, then term (a string), count of each;
//! - `KEYWORDS`: a count, then text (a string), score, count, and the occurrences as
//!   spans of each;
//! - `ENTITIES`: a count, then text (a string), label (an index into the label
//!   table), start, end, group of each; then the groups: a count, then text (a
//!   string), label, count, and the mentions as spans of each;
//! - `SUMMARY`: a count, then index, start, end, text (a string), score of each.
//!
//! A string is its length in UTF-16 code units in `numbers`, its text next in
//! `strings`; a list of spans is a count, then start and end of each.

use crate::analysis::Analysis;
use crate::entities::Label;
use crate::span::Span;

/// Which parts of an [`Analysis`] a packed result holds, as bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sections(u32);

impl Sections {
    pub const STATS: Sections = Sections(1);
    pub const SENTENCES: Sections = Sections(2);
    pub const TERMS: Sections = Sections(4);
    pub const KEYWORDS: Sections = Sections(8);
    /// Entities and their groups.
    pub const ENTITIES: Sections = Sections(16);
    pub const SUMMARY: Sections = Sections(32);
    pub const ALL: Sections = Sections(63);

    /// Both sets of sections.
    pub const fn and(self, other: Sections) -> Sections {
        Sections(self.0 | other.0)
    }

    fn has(self, other: Sections) -> bool {
        self.0 & other.0 == other.0
    }
}

/// A packed analysis (see the module documentation for the layout).
#[derive(Debug, Default)]
pub(crate) struct Packed {
    pub numbers: Vec<f64>,
    pub strings: String,
    labels: Vec<Label>,
}

impl Packed {
    /// Packs the `sections` of `analysis`.
    pub fn new(analysis: &Analysis, sections: Sections) -> Packed {
        let mut packed = Packed::default();
        let labels = &mut packed.labels;
        for label in analysis.entities.iter().map(|e| e.label).chain(analysis.entity_groups.iter().map(|g| g.label)) {
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        packed.number(sections.0);
        packed.number(packed.labels.len());
        for i in 0..packed.labels.len() {
            packed.string(packed.labels[i].name());
        }
        if sections.has(Sections::STATS) {
            let stats = &analysis.stats;
            for n in [stats.characters, stats.words, stats.sentences, stats.paragraphs] {
                packed.number(n);
            }
            packed.number(stats.reading_time_seconds as f64);
            packed.number(stats.average_sentence_length);
            packed.string(stats.language);
        }
        if sections.has(Sections::SENTENCES) {
            packed.number(analysis.sentences.len());
            for sentence in &analysis.sentences {
                packed.span(sentence.span);
                packed.number(sentence.score);
            }
        }
        if sections.has(Sections::TERMS) {
            packed.number(analysis.terms.len());
            for term in &analysis.terms {
                packed.string(&term.term);
                packed.number(term.count);
            }
        }
        if sections.has(Sections::KEYWORDS) {
            packed.number(analysis.keywords.len());
            for keyword in &analysis.keywords {
                packed.string(&keyword.text);
                packed.number(keyword.score);
                packed.number(keyword.count);
                packed.spans(&keyword.occurrences);
            }
        }
        if sections.has(Sections::ENTITIES) {
            packed.number(analysis.entities.len());
            for entity in &analysis.entities {
                packed.string(&entity.text);
                packed.label(entity.label);
                packed.span(entity.span);
                packed.number(entity.group);
            }
            packed.number(analysis.entity_groups.len());
            for group in &analysis.entity_groups {
                packed.string(&group.text);
                packed.label(group.label);
                packed.number(group.count);
                packed.spans(&group.mentions);
            }
        }
        if sections.has(Sections::SUMMARY) {
            packed.number(analysis.summary.len());
            for sentence in &analysis.summary {
                packed.number(sentence.index);
                packed.span(sentence.span);
                packed.string(&sentence.text);
                packed.number(sentence.score);
            }
        }
        packed
    }

    fn number(&mut self, n: impl Into<Number>) {
        self.numbers.push(n.into().0);
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() { s.len() } else { s.encode_utf16().count() };
        self.number(units);
        self.strings.push_str(s);
    }

    fn span(&mut self, span: Span) {
        self.number(span.start);
        self.number(span.end);
    }

    fn spans(&mut self, spans: &[Span]) {
        self.number(spans.len());
        self.numbers.reserve(spans.len() * 2);
        for &span in spans {
            self.span(span);
        }
    }

    fn label(&mut self, label: Label) {
        let index = self.labels.iter().position(|&l| l == label).unwrap_or(0);
        self.number(index);
    }
}

/// A number of the packed array: counts and offsets fit an `f64` exactly (they stay
/// far below 2^53).
struct Number(f64);

impl From<f64> for Number {
    fn from(n: f64) -> Self {
        Number(n)
    }
}

impl From<usize> for Number {
    fn from(n: usize) -> Self {
        Number(n as f64)
    }
}

impl From<u32> for Number {
    fn from(n: u32) -> Self {
        Number(f64::from(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    /// Reads a packed analysis the way `js/unpack.js` does.
    struct Reader<'p> {
        numbers: std::slice::Iter<'p, f64>,
        strings: Vec<u16>,
        at: usize,
        labels: Vec<serde_json::Value>,
    }

    impl Reader<'_> {
        fn num(&mut self) -> serde_json::Value {
            serde_json::json!(self.count() as f64)
        }

        fn count(&mut self) -> f64 {
            *self.numbers.next().expect("the packed numbers end early")
        }

        fn string(&mut self) -> serde_json::Value {
            let end = self.at + self.count() as usize;
            let s = String::from_utf16(&self.strings[self.at..end]).expect("a whole string");
            self.at = end;
            s.into()
        }

        fn label(&mut self) -> serde_json::Value {
            let index = self.count() as usize;
            self.labels[index].clone()
        }

        fn list(&mut self, mut item: impl FnMut(&mut Self) -> Vec<(&'static str, serde_json::Value)>) -> serde_json::Value {
            (0..self.count() as usize).map(|_| item(self).into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<serde_json::Map<_, _>>()).map(serde_json::Value::Object).collect::<Vec<_>>().into()
        }

        fn spans(&mut self) -> serde_json::Value {
            self.list(|r| vec![("start", r.num()), ("end", r.num())])
        }
    }

    /// Reads a packed analysis back into the JSON that serde makes of the same sections.
    fn unpack(packed: &Packed) -> serde_json::Value {
        let mut r = Reader { numbers: packed.numbers.iter(), strings: packed.strings.encode_utf16().collect(), at: 0, labels: Vec::new() };
        let sections = r.count() as u32;
        r.labels = (0..r.count() as usize).map(|_| r.string()).collect();
        let mut out = serde_json::Map::new();
        if sections & 1 != 0 {
            let mut stats: serde_json::Map<_, _> = ["characters", "words", "sentences", "paragraphs", "readingTimeSeconds", "averageSentenceLength"]
                .into_iter()
                .map(|k| (k.to_owned(), r.num()))
                .collect();
            stats.insert("language".to_owned(), r.string());
            out.insert("stats".into(), stats.into());
        }
        if sections & 2 != 0 {
            out.insert("sentences".into(), r.list(|r| vec![("start", r.num()), ("end", r.num()), ("score", r.num())]));
        }
        if sections & 4 != 0 {
            out.insert("terms".into(), r.list(|r| vec![("term", r.string()), ("count", r.num())]));
        }
        if sections & 8 != 0 {
            let keywords = r.list(|r| vec![("text", r.string()), ("score", r.num()), ("count", r.num()), ("occurrences", r.spans())]);
            out.insert("keywords".into(), keywords);
        }
        if sections & 16 != 0 {
            let entities = r.list(|r| vec![("text", r.string()), ("label", r.label()), ("start", r.num()), ("end", r.num()), ("group", r.num())]);
            out.insert("entities".into(), entities);
            let groups = r.list(|r| vec![("text", r.string()), ("label", r.label()), ("count", r.num()), ("mentions", r.spans())]);
            out.insert("entityGroups".into(), groups);
        }
        if sections & 32 != 0 {
            let summary = r.list(|r| vec![("index", r.num()), ("start", r.num()), ("end", r.num()), ("text", r.string()), ("score", r.num())]);
            out.insert("summary".into(), summary);
        }
        assert!(r.numbers.next().is_none(), "numbers are left over");
        assert_eq!(r.at, r.strings.len(), "strings are left over");
        out.into()
    }

    /// serde's JSON with every number as a float, as JavaScript has them.
    fn as_floats(value: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::Number(n) => serde_json::json!(n.as_f64()),
            Value::Array(items) => items.into_iter().map(as_floats).collect(),
            Value::Object(map) => map.into_iter().map(|(k, v)| (k, as_floats(v))).collect(),
            other => other,
        }
    }

    #[test]
    fn packed_analysis_reads_back_as_its_serde_form() {
        let text = "Angela Merkel visited Paris on 4 March 2024. She met Emmanuel Macron — «très bien» 😀 at the Élysée.\n\n\
                    Siemens paid $1.2bn, e-mail anna@example.com. Merkel left Paris on Monday.";
        let analysis = analyze(text, &Options::default()).unwrap().into_utf16(text);
        assert!(analysis.entities.len() >= 4 && !analysis.keywords.is_empty() && !analysis.summary.is_empty());
        let expected = as_floats(serde_json::to_value(&analysis).unwrap());
        assert_eq!(unpack(&Packed::new(&analysis, Sections::ALL)), expected);
    }

    #[test]
    fn only_the_asked_sections_are_packed() {
        let text = "Angela Merkel visited Paris. She met Emmanuel Macron.";
        let analysis = analyze(text, &Options::default()).unwrap();
        let full = as_floats(serde_json::to_value(&analysis).unwrap());
        let entities = unpack(&Packed::new(&analysis, Sections::ENTITIES));
        assert_eq!(entities.as_object().unwrap().keys().collect::<Vec<_>>(), ["entities", "entityGroups"]);
        assert_eq!(entities["entities"], full["entities"]);
        let summary = unpack(&Packed::new(&analysis, Sections::SENTENCES.and(Sections::SUMMARY)));
        assert_eq!(summary["summary"], full["summary"]);
        assert_eq!(summary["sentences"], full["sentences"]);
    }

    #[test]
    fn label_names_are_their_serde_names() {
        for label in Label::ALL {
            assert_eq!(serde_json::to_value(label).unwrap(), label.name());
        }
    }
}

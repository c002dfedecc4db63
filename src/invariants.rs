//! The promises every result keeps, checked in one place for the property tests, the
//! fuzz targets and anyone who wants to verify a result: every span is in bounds, on
//! character boundaries and slices back to the text it reports; sentences are in
//! order, do not overlap and cover every non-space character; the summary is a subset
//! of the sentences in document order; scores are finite; the UTF-16 conversion keeps
//! every slice equal.

use crate::analysis::Analysis;
use crate::span::Span;
use crate::text::Document;

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn span_ok(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start <= span.end && span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end) {
        Ok(())
    } else {
        Err(format!("{what}: span {span:?} is out of bounds or off character boundaries of a {}-byte text", text.len()))
    }
}

fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

/// Sentences of `spans` are in order, do not overlap, and leave only white space
/// outside them.
pub fn check_sentence_spans(text: &str, spans: impl IntoIterator<Item = Span>) -> Result<(), String> {
    let mut previous_end = 0;
    for span in spans {
        span_ok(text, span, "sentence")?;
        ensure(span.start >= previous_end && !span.is_empty(), || format!("sentence {span:?} is empty, overlaps or is out of order"))?;
        let gap = &text[previous_end..span.start];
        ensure(gap.chars().all(is_space), || format!("text {gap:?} before {span:?} lies in no sentence"))?;
        previous_end = span.end;
    }
    let tail = &text[previous_end..];
    ensure(tail.chars().all(is_space), || format!("trailing text {tail:?} lies in no sentence"))
}

/// Tokens are in order, non-empty, inside their text, and sentences tile the text.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let mut previous_end = 0;
    for token in &doc.tokens {
        span_ok(doc.text, token.span, "token")?;
        ensure(token.span.start >= previous_end && !token.span.is_empty(), || format!("token {:?} is empty or overlaps", token.span))?;
        previous_end = token.span.end;
    }
    check_sentence_spans(doc.text, doc.sentences.iter().map(|s| s.span))?;
    for sentence in &doc.sentences {
        let tokens = doc.tokens.get(sentence.tokens.clone()).ok_or("sentence token range out of bounds")?;
        ensure(tokens.iter().all(|t| sentence.span.contains(&t.span)), || format!("a token of sentence {:?} lies outside it", sentence.span))?;
    }
    Ok(())
}

/// Every promise of a byte-offset [`Analysis`] of `text`, and of its UTF-16 form.
pub fn check_analysis(text: &str, analysis: &Analysis) -> Result<(), String> {
    check_sentence_spans(text, analysis.sentences.iter().map(|s| s.span))?;
    for sentence in &analysis.sentences {
        ensure(sentence.score.is_finite() && (0.0..=1.0).contains(&sentence.score), || format!("sentence score {}", sentence.score))?;
    }
    let mut previous_end = 0;
    for entity in &analysis.entities {
        span_ok(text, entity.span, "entity")?;
        ensure(entity.span.slice(text) == entity.text, || format!("entity text {:?} differs from its span's text", entity.text))?;
        ensure(entity.span.start >= previous_end, || format!("entity {:?} overlaps the one before", entity.span))?;
        ensure(entity.group < analysis.entity_groups.len(), || "entity group index out of range".into())?;
        ensure((0.0..=1.0).contains(&entity.confidence), || format!("entity {:?} confidence {}", entity.text, entity.confidence))?;
        previous_end = entity.span.end;
    }
    for group in &analysis.entity_groups {
        ensure(group.count == group.mentions.len() && group.count > 0, || format!("group {:?} count is off", group.text))?;
        for &mention in &group.mentions {
            span_ok(text, mention, "entity group mention")?;
        }
    }
    // A group is as sure as its surest mention.
    let mut surest = vec![0.0f64; analysis.entity_groups.len()];
    for entity in &analysis.entities {
        surest[entity.group] = surest[entity.group].max(entity.confidence);
    }
    for (group, &surest) in analysis.entity_groups.iter().zip(&surest) {
        ensure(group.confidence == surest, || format!("group {:?} confidence {} is not its surest mention's {surest}", group.text, group.confidence))?;
    }
    for keyword in &analysis.keywords {
        ensure(keyword.score.is_finite(), || format!("key phrase {:?} score {}", keyword.text, keyword.score))?;
        for &occurrence in &keyword.occurrences {
            span_ok(text, occurrence, "key phrase occurrence")?;
        }
    }
    let mut previous_index = None;
    for chosen in &analysis.summary {
        span_ok(text, chosen.span, "summary sentence")?;
        ensure(chosen.span.slice(text) == chosen.text, || "summary text differs from its span's text".into())?;
        ensure(analysis.sentences.get(chosen.index).map(|s| s.span) == Some(chosen.span), || "summary sentence is not one of the sentences".into())?;
        ensure(previous_index < Some(chosen.index), || "summary is not in document order".into())?;
        ensure(chosen.score.is_finite(), || "summary score is not finite".into())?;
        previous_index = Some(chosen.index);
    }
    ensure(analysis.stats.average_sentence_length.is_finite(), || "average sentence length is not finite".into())?;
    check_utf16(text, analysis)
}

/// The UTF-16 form of `analysis` slices every span to the same text.
fn check_utf16(text: &str, analysis: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let slice = |span: Span| units.get(span.start..span.end).map(String::from_utf16_lossy);
    let converted = analysis.clone().into_utf16(text);
    let pairs = converted
        .sentences
        .iter()
        .map(|s| s.span)
        .zip(analysis.sentences.iter().map(|s| s.span))
        .chain(converted.entities.iter().map(|e| e.span).zip(analysis.entities.iter().map(|e| e.span)))
        .chain(converted.summary.iter().map(|s| s.span).zip(analysis.summary.iter().map(|s| s.span)))
        .chain(
            converted
                .keywords
                .iter()
                .flat_map(|k| k.occurrences.iter().copied())
                .zip(analysis.keywords.iter().flat_map(|k| k.occurrences.iter().copied())),
        );
    for (utf16, bytes) in pairs {
        ensure(slice(utf16).as_deref() == Some(bytes.slice(text)), || format!("UTF-16 span {utf16:?} slices differently from byte span {bytes:?}"))?;
    }
    Ok(())
}

//! Key phrases across a connector: in French, Spanish, Portuguese and Italian a noun
//! takes its complement after "de" ("marché du port", "força de paz", "président de
//! l'Égypte"), where English puts it first ("harbour market"). The connector is a
//! stopword and cuts the text's runs of content words, so these phrases are made
//! here, from the end of one run and the start of the next.

use super::words::{Key, Lexed, MAX_WORDS, NONE};
use crate::text::Document;
use std::ops::Range;

/// Marks a key slot that holds a connector's form id rather than a word class; no word
/// class has this bit (a text has fewer than 2^31 words).
const CONNECTOR: u32 = 1 << 31;

/// One phrase across a connector.
pub(super) struct Bridged {
    /// The run the phrase starts in (an index into the runs); it ends in the next.
    pub(super) run: usize,
    /// Where in that run it starts, in words.
    pub(super) offset: usize,
    /// Its word classes and connectors, and how many slots of the key they fill.
    pub(super) key: Key,
    pub(super) len: usize,
    /// Its tokens, connectors included.
    pub(super) tokens: Range<usize>,
    /// Whether it holds both runs whole.
    pub(super) whole: bool,
}

/// The connectors of `language`, if it has them: the prepositions that join a noun
/// to its complement, the bare one first, and the articles that may follow the bare
/// one ("de la"). Lower case, apostrophes as `'`.
fn connectors(language: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    match language {
        "fr" => Some((&["de", "d'", "du", "des"], &["la", "l'"])),
        "es" => Some((&["de", "del"], &["la", "los", "las"])),
        "pt" => Some((&["de", "da", "do", "das", "dos"], &[])),
        "it" => Some((&["di", "d'", "del", "dello", "della", "dell'", "dei", "degli", "delle"], &[])),
        _ => None,
    }
}

/// Calls `found` with every phrase of at most `max_words` tokens that joins the last
/// words of a run to the first words of the next across a connector on the same line,
/// where `may_be(tokens)` lets those tokens be a phrase and no capitalised name is
/// cut in two. Closures behind references, so that the two callers share one copy.
pub(super) fn each(doc: &Document, lexed: &Lexed, runs: &[Range<usize>], max_words: usize, may_be: &dyn Fn(Range<usize>) -> bool, found: &mut dyn FnMut(Bridged)) {
    let Some((prepositions, articles)) = connectors(lexed.language.code) else { return };
    let norm = |index: usize| lexed.token_form.get(index).and_then(|&f| lexed.forms.get(f as usize)).map(|f| f.norm);
    let named = |index: usize| lexed.token_named.get(index).copied().unwrap_or(false);
    for (run, pair) in runs.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let between = a.end..b.start;
        let joins = match between.len() {
            1 => norm(a.end).is_some_and(|n| prepositions.contains(&n)),
            2 => norm(a.end) == prepositions.first().copied() && norm(a.end + 1).is_some_and(|n| articles.contains(&n)),
            _ => false,
        };
        if !joins || !doc.same_line(a.end - 1, b.start) {
            continue;
        }
        for before in 1..=a.len() {
            let start = a.end - before;
            if start > a.start && named(start - 1) && named(start) {
                continue;
            }
            for after in 1..=b.len() {
                let (end, len) = (b.start + after, before + between.len() + after);
                if len > max_words.min(MAX_WORDS) {
                    break;
                }
                if (end < b.end && named(end - 1) && named(end)) || !may_be(start..end) {
                    continue;
                }
                let mut key = [NONE; MAX_WORDS];
                let slots = (start..end).map(|index| match lexed.token_class.get(index) {
                    Some(&class) if class != NONE => class,
                    _ => CONNECTOR | lexed.token_form.get(index).copied().unwrap_or(0),
                });
                for (slot, value) in key.iter_mut().zip(slots) {
                    *slot = value;
                }
                let whole = before == a.len() && after == b.len();
                found(Bridged { run, offset: a.len() - before, key, len, tokens: start..end, whole });
            }
        }
    }
}

/// The keys of the two parts of a phrase across a connector (`key`, of `len` slots):
/// its words before the connector and after it, each padded as a key is; `None` for a
/// phrase without a connector.
pub(super) fn parts(key: &Key, len: usize) -> Option<[Key; 2]> {
    let slots = key.get(..len)?;
    let is_connector = |&slot: &u32| slot != NONE && slot & CONNECTOR != 0;
    let (first, last) = (slots.iter().position(is_connector)?, slots.iter().rposition(is_connector)?);
    let part = |words: &[u32]| {
        let mut part = [NONE; MAX_WORDS];
        for (slot, &word) in part.iter_mut().zip(words) {
            *slot = word;
        }
        part
    };
    Some([part(&slots[..first]), part(&slots[last + 1..])])
}

#[cfg(test)]
mod tests {
    use crate::keywords::Words;
    use crate::text::Document;

    fn phrases(language: &'static str, text: &str) -> Vec<String> {
        let doc = Document::new(text);
        Words::in_language(&doc, language).key_phrases(10, 4).into_iter().map(|k| k.text).collect()
    }

    #[test]
    fn a_repeated_complement_after_de_makes_one_phrase() {
        let text = "Le président de l'Égypte a reçu hier le Premier ministre. Le président de l'Égypte a parlé \
                    de la montée des tensions. La montée des tensions inquiète le marché du port. Le marché du port \
                    reste ouvert.";
        let found = phrases("fr", text);
        for phrase in ["président de l'Égypte", "montée des tensions", "marché du port"] {
            assert!(found.iter().any(|p| p == phrase), "{phrase}: {found:?}");
        }
        let found = phrases("pt", "A força de paz chegou a Díli. A força de paz da ONU fica um ano em Timor.");
        assert!(found.iter().any(|p| p == "força de paz"), "{found:?}");
    }

    #[test]
    fn a_name_across_a_connector_takes_the_place_of_its_parts_that_never_occur_apart() {
        let text = "El Banco de España subió los tipos el lunes. El Banco de España dijo que la inflación baja. \
                    Los analistas del Banco de España esperan más recortes.";
        let found = phrases("es", text);
        assert_eq!(found.first().map(String::as_str), Some("Banco de España"), "{found:?}");
        assert!(!found.iter().any(|p| p == "Banco" || p == "España"), "{found:?}");
        // A part that also occurs apart stays a phrase of its own.
        let found = phrases("es", "El Banco de España subió los tipos. El Banco de España dijo que baja. España crece y España exporta.");
        assert!(found.iter().any(|p| p == "España") && found.iter().any(|p| p == "Banco de España"), "{found:?}");
    }

    #[test]
    fn a_phrase_across_a_connector_once_or_in_english_is_none() {
        let found = phrases("es", "La despedida de Cunha Rodrigues fue emotiva. Cunha Rodrigues habló poco.");
        assert!(!found.iter().any(|p| p.contains(" de ")), "{found:?}");
        let text = "The Bank of England raised rates. The Bank of England meets again in May.";
        assert!(!phrases("en", text).iter().any(|p| p.contains(" of ")));
    }
}

//! The entities of a document: names from the learned tagger, corrected by the rules
//! (or the rules alone without a model), then patterns, then the caller's lists, then
//! confidences and groups.

use super::combined::Combined;
#[cfg(feature = "train")]
use super::confidence::{Context, Features};
use super::confidence::FEATURES;
#[cfg(feature = "train")]
use super::entity::Source;
use super::entity::{merge, Entities, Label, Mention, Recognizer};
use super::entity_lists::{self, EntityLists, ListMatch};
use super::model::registry::{self, NameModel};
#[cfg(feature = "train")]
use super::model::Tagger;
use super::names::Rules;
use super::gazetteer::is_org_word;
use super::{confidence, groups, patterns};
use crate::text::Document;

/// Finds the entities of a document: names from the learned tagger, patterns, groups.
///
/// The rule-based recognizer stands in for the tagger when the built-in model is
/// empty (a build without a trained model) or cannot be decoded; the analysis
/// ([`crate::analysis::prepare`], [`crate::analyze`]) reports the latter as an error
/// before it gets here.
///
/// Text in capitals or without any is tagged too: the tagger learned such text (from
/// copies of its training documents in either case) and reads it far better than the
/// rules, which lean on capitals (CoNLL-2003 dev in lower case: micro F1 83.4 against
/// 0.0; in capitals: 85.3 against 58.7).
pub fn extract(doc: &Document) -> Entities {
    with_builtin(doc, None, 0.0)
}

/// Like [`extract`], the caller's entity `lists` applied where given (see
/// [`entity_lists`]; a list match has confidence 1), without the mentions whose
/// confidence is below `min_confidence` (and so without the groups they alone made);
/// `language` is the text's, as [`crate::language::detect`] names it, whose stemmer
/// matches inflected words.
pub fn extract_listed(doc: &Document, lists: Option<&EntityLists>, language: &'static str, min_confidence: f64) -> Entities {
    // One call of the pipeline for both cases: the wasm build inlines it, and two
    // calls made the analysis 35 KB larger before wasm-opt.
    let matched = lists.map(|lists| (lists, lists.find(doc, language)));
    let language = crate::language::analysed_as(language);
    with_model(doc, registry::for_language(language), language, matched, min_confidence)
}

fn with_builtin(doc: &Document, lists: Option<(&EntityLists, Vec<ListMatch>)>, min_confidence: f64) -> Entities {
    with_model(doc, registry::for_language("en"), "en", lists, min_confidence)
}

/// The entities of `doc`, a text in `language`, names coming from `model`: the tagger,
/// with the rules where the text is English; none where there is no model (a language
/// without one), since neither the English model nor the English rules read another
/// language.
fn with_model(doc: &Document, model: NameModel, language: &str, lists: Option<(&EntityLists, Vec<ListMatch>)>, min_confidence: f64) -> Entities {
    let english = language == "en";
    let combined;
    let (recognizer, calibration): (&dyn Recognizer, _) = match model {
        NameModel::Ready(tagger) if !tagger.is_empty() => {
            combined = Combined::new(tagger, language);
            (&combined, tagger.calibration())
        }
        NameModel::Ready(_) if english => (&Rules, None),
        NameModel::Ready(_) | NameModel::NotLoaded | NameModel::Unavailable => (&NoNames, None),
    };
    entities_of(doc, (recognizer, language), calibration, lists, min_confidence)
}

/// The recognizer of a language without a name model: it finds no names.
struct NoNames;

impl Recognizer for NoNames {
    fn recognize(&self, _: &Document) -> Vec<Mention> {
        Vec::new()
    }
}

/// Finds the entities of a document, names coming from `recognizer`.
pub fn extract_with(doc: &Document, recognizer: &dyn Recognizer) -> Entities {
    entities_of(doc, (recognizer, "en"), None, None, 0.0)
}

/// Like [`extract_with`], the caller's entity `lists` applied as in [`extract_listed`].
pub fn extract_with_lists(doc: &Document, recognizer: &dyn Recognizer, lists: &EntityLists, language: &'static str) -> Entities {
    let matches = lists.find(doc, language);
    entities_of(doc, (recognizer, crate::language::analysed_as(language)), None, Some((lists, matches)), 0.0)
}

/// The pattern entities (as `language` writes them) and the names `recognizer` finds,
/// in document order.
fn mentions_with(doc: &Document, (recognizer, language): (&dyn Recognizer, &str)) -> Vec<Mention> {
    let mut found = patterns::find(doc, language);
    let mut names = recognizer.recognize(doc);
    crate::order::sort_by_key(&mut names, |m| (m.span.start, m.span.end));
    type_handles(doc.text, &mut found, &mut names);
    merge(found, names)
}

/// The confidences' logistic model: the weights fitted to the model that found the
/// names, or `None` for the English ones.
type Calibration<'a> = Option<&'a [f64; FEATURES]>;

/// The entities of `doc` whose confidence (by `calibration`) is at least
/// `min_confidence`, names coming from `recognizer`, the caller's `lists` applied
/// where given.
fn entities_of(doc: &Document, names: (&dyn Recognizer, &str), calibration: Calibration, lists: Option<(&EntityLists, Vec<ListMatch>)>, min_confidence: f64) -> Entities {
    let mentions = mentions_with(doc, names);
    let Some((lists, matches)) = lists else { return grouped(doc, mentions, &[], calibration, min_confidence) };
    let (mentions, entries) = entity_lists::apply(mentions, matches);
    let canonical: Vec<Option<&str>> = entries.iter().map(|entry| entry.map(|e| lists.canonical(e))).collect();
    grouped(doc, mentions, &canonical, calibration, min_confidence)
}

/// The groups of the `mentions` whose confidence is at least `min_confidence`;
/// `listed` is empty or gives beside each mention its list entry's canonical name.
fn grouped(doc: &Document, mentions: Vec<Mention>, listed: &[Option<&str>], calibration: Calibration, min_confidence: f64) -> Entities {
    let confidences = confidence::of_mentions(doc, &mentions, calibration);
    if min_confidence <= 0.0 {
        return groups::group(doc, &mentions, &confidences, listed);
    }
    let keep: Vec<bool> = confidences.iter().map(|&c| c >= min_confidence).collect();
    let kept = |i: usize| keep.get(i).copied().unwrap_or(false);
    let mentions: Vec<Mention> = mentions.into_iter().enumerate().filter(|&(i, _)| kept(i)).map(|(_, m)| m).collect();
    let confidences: Vec<f64> = confidences.into_iter().enumerate().filter(|&(i, _)| kept(i)).map(|(_, c)| c).collect();
    let listed: Vec<Option<&str>> = listed.iter().enumerate().filter(|&(i, _)| kept(i)).map(|(_, &l)| l).collect();
    groups::group(doc, &mentions, &confidences, &listed)
}

/// The entities of `doc`, a text in `language`, as the analysis finds them with
/// `tagger` (and the rules, for English text), each with the inputs of its
/// confidence's logistic model (`None` for a pattern entity): what
/// `examples/calibrate_ner.rs` fits the model on.
#[cfg(feature = "train")]
pub fn calibration_inputs(doc: &Document, tagger: &Tagger, language: &str) -> (Entities, Vec<Option<Features>>) {
    let mentions = mentions_with(doc, (&Combined::new(tagger, language), language));
    let context = Context::of(doc);
    let features = mentions
        .iter()
        .map(|m| (!matches!(m.evidence.source, Source::Pattern | Source::Rules | Source::List)).then(|| Features::of(m.evidence, m.label, m.span.slice(doc.text), context)))
        .collect();
    (grouped(doc, mentions, &[], tagger.calibration(), 0.0), features)
}

/// An @handle or #hashtag whose word the recognizer found, whole, as a name takes the
/// name's label: "@BBCNews" is an organisation, "@colgo" a person, "#London" a place.
/// The span keeps its `@` or `#`, which says what it is; a handle the recognizer does
/// not type stays a MENTION (or HASHTAG). One whose last word ends an organisation's
/// name is an organisation, whatever the tagger says ("@BritishArmy",
/// "@GhanaParliament", "@CultureGroup"): BTC dev micro F1 73.96 -> 74.40 (five handles
/// the tagger made people, none lost), the other English sets unchanged.
fn type_handles(text: &str, found: &mut [Mention], names: &mut Vec<Mention>) {
    names.retain(|name| {
        let at = found.partition_point(|p| p.span.start + 1 < name.span.start);
        let Some(handle) = found.get_mut(at) else { return true };
        let typed = matches!(handle.label, Label::Mention | Label::Hashtag)
            && handle.span.start + 1 == name.span.start
            && handle.span.end == name.span.end;
        if typed {
            let org = last_word(name.span.slice(text)).is_some_and(|w| is_org_word(&w.to_lowercase()));
            handle.label = if org { Label::Org } else { name.label };
            handle.evidence = name.evidence;
        }
        !typed
    });
}

/// The last word of a handle's or hashtag's run-together words: after its last
/// lower-case letter followed by a capital, underscore or digit ("Group" of
/// "CultureGroup", "Press" of "RECPress", "army" of "british_army").
fn last_word(word: &str) -> Option<&str> {
    let word = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_');
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next_lower = chars.peek().is_some_and(|&(_, n)| n.is_lowercase());
        // "Culture|Group", "REC|Press", "british_|army", "team2|day".
        let capital_starts = c.is_uppercase() && previous.is_some_and(|p| p.is_lowercase() || p.is_uppercase() && next_lower);
        if capital_starts || previous.is_some_and(|p| p == '_' || p.is_ascii_digit()) {
            start = i;
        }
        previous = Some(c);
    }
    word.get(start..).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::span::Span;

    fn mention(start: usize, end: usize, label: Label) -> Mention {
        Mention::new(Span::new(start, end), label)
    }

    #[test]
    fn handles_typed_as_names_take_the_name_label() {
        let text = "@colgo met @CultureGroup in #London on 12 May.";
        let at = |needle: &str| text.find(needle).unwrap();
        let span = |needle: &str| (at(needle), at(needle) + needle.len());
        let [colgo, group, london, date] = [span("@colgo"), span("@CultureGroup"), span("#London"), span("12 May")];
        let mut found = vec![
            mention(colgo.0, colgo.1, Label::Mention),
            mention(group.0, group.1, Label::Mention),
            mention(london.0, london.1, Label::Hashtag),
            mention(date.0, date.1, Label::Date),
        ];
        let mut names = vec![
            mention(colgo.0 + 1, colgo.1, Label::Person),
            mention(group.0 + 1, group.1, Label::Person),
            mention(london.0, london.1, Label::Location),
        ];
        type_handles(text, &mut found, &mut names);
        let labels: Vec<Label> = found.iter().map(|m| m.label).collect();
        // "@CultureGroup" ends in an organisation's word; "#London" was found with its
        // "#", so it is no hashtag's word and stays apart.
        assert_eq!(labels, [Label::Person, Label::Org, Label::Hashtag, Label::Date]);
        assert_eq!(names, [mention(london.0, london.1, Label::Location)]);
        assert_eq!([last_word("CultureGroup"), last_word("RECPress"), last_word("british_army"), last_word("colgo"), last_word("News24")], [
            Some("Group"),
            Some("Press"),
            Some("army"),
            Some("colgo"),
            Some("News")
        ]);
    }

    #[test]
    fn min_confidence_drops_the_unsure_mentions_and_keeps_the_rest() {
        let text = "Maria Lopez of Acme Robotics flew from Lisbon to Oslo on 12 March 2024. Lopez wrote to info@acme.example.";
        let doc = Document::new(text);
        let all = extract(&doc);
        let mut sure: Vec<f64> = all.entities.iter().map(|e| e.confidence).collect();
        sure.sort_by(f64::total_cmp);
        let cut = sure[sure.len() / 2];
        assert!(sure[0] < cut, "help: the test needs mentions of different confidences: {sure:?}");
        let kept = extract_listed(&doc, None, "en", cut);
        let expected: Vec<(&str, f64)> = all.entities.iter().filter(|e| e.confidence >= cut).map(|e| (e.text.as_str(), e.confidence)).collect();
        let got: Vec<(&str, f64)> = kept.entities.iter().map(|e| (e.text.as_str(), e.confidence)).collect();
        assert_eq!(got, expected);
        assert!(kept.entity_groups.iter().all(|g| g.confidence >= cut && g.count > 0));
    }

    #[test]
    fn extract_returns_exact_slices_in_order() {
        let text = "Angela Merkel met Emmanuel Macron in Paris on 12 March 2024 at 10:30.";
        let found = extract(&Document::new(text));
        let mut previous_end = 0;
        for entity in &found.entities {
            assert_eq!(entity.text, entity.span.slice(text));
            assert!(entity.span.start >= previous_end, "help: entities overlap or are out of order");
            assert!(entity.group < found.entity_groups.len());
            previous_end = entity.span.end;
        }
        let labels: Vec<(&str, Label)> = found.entities.iter().map(|e| (e.text.as_str(), e.label)).collect();
        assert_eq!(
            labels,
            [
                ("Angela Merkel", Label::Person),
                ("Emmanuel Macron", Label::Person),
                ("Paris", Label::Location),
                ("12 March 2024", Label::Date),
                ("10:30", Label::Time)
            ]
        );
    }
}

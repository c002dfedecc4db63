//! Gathers the mentions of one entity: the same name written again, a person's shorter
//! name ("Amir Abdollahian", "Araji"), and an acronym of an organisation ("IRGC").

use super::entity::{Entities, Entity, EntityGroup, Label, Mention};
use crate::span::Span;
use crate::text::Document;
use crate::lexicon::FastMap;

/// Longest person name, in parts, whose shorter forms are indexed.
const MAX_NAME_PARTS: usize = 8;

/// The words of a mention, lower case, split at spaces and hyphens, without a
/// leading "the" and without periods.
fn parts(text: &str) -> Vec<String> {
    let mut parts: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
        .map(|p| {
            let lower = p.trim_matches('.').to_lowercase();
            if lower.contains('’') {
                lower.replace('’', "'")
            } else {
                lower
            }
        })
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() > 1 && parts.first().is_some_and(|p| p == "the") {
        parts.remove(0);
    }
    parts
}

/// The initials of a name's capitalised words ("Islamic Revolution Guards Corps" →
/// "IRGC"), and of all its words, lower-cased ("irgc").
fn initials(text: &str) -> (String, String) {
    let mut capitals = String::new();
    let mut all = String::new();
    for word in text.split_whitespace() {
        if let Some(first) = word.chars().next() {
            all.extend(first.to_lowercase());
            if first.is_uppercase() {
                capitals.push(first);
            }
        }
    }
    (capitals, all)
}

fn acronym_of(acronym: &str, long: &str) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.chars().count() < 2 || long.split_whitespace().count() < 2 {
        return false;
    }
    let (capitals, all) = initials(long);
    // Capitals spelling every word's initial, compared lower-cased: upper-casing
    // would link core's upper-case table, 12 KB of the wasm for this line alone.
    letters == capitals || (!letters.chars().any(char::is_lowercase) && letters.to_lowercase() == all)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins two sets; the earlier one stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.0[child] = root;
        }
    }
}

/// Groups the mentions (in document order, without overlaps), whose confidences are
/// `confidences`, and builds the result. `listed` is empty, or holds beside each mention
/// the canonical name of the list entry it matched: mentions of one entry are grouped
/// by that name, which is the group's text.
pub fn group(doc: &Document, mentions: &[Mention], confidences: &[f64], listed: &[Option<&str>]) -> Entities {
    let texts: Vec<&str> = mentions.iter().map(|m| m.span.slice(doc.text)).collect();
    let listed_name = |i: usize| listed.get(i).copied().flatten();
    let keys: Vec<(Label, Vec<String>)> =
        mentions.iter().zip(&texts).enumerate().map(|(i, (m, t))| (m.label, parts(listed_name(i).unwrap_or(t)))).collect();

    // One provisional group per distinct (label, words), numbered by first occurrence.
    let mut ids: FastMap<&(Label, Vec<String>), usize> = FastMap::default();
    let mut first_mention = Vec::new();
    let mut group_of: Vec<usize> = Vec::with_capacity(mentions.len());
    for (index, key) in keys.iter().enumerate() {
        let next = ids.len();
        let id = *ids.entry(key).or_insert(next);
        if id == next {
            first_mention.push(index);
        }
        group_of.push(id);
    }
    let mut sets = UnionFind((0..first_mention.len()).collect());

    link_acronyms(doc, mentions, &texts, &group_of, &first_mention, &mut sets);
    link_person_names(mentions, &keys, &first_mention, &mut sets);

    build(mentions, (texts.as_slice(), confidences), listed, &group_of, &mut sets)
}

/// "Islamic Revolution Guards Corps (IRGC)": the acronym, and every later use of it,
/// joins the long form. An acronym never defined joins the one organisation whose
/// initials it spells, if exactly one does.
fn link_acronyms(doc: &Document, mentions: &[Mention], texts: &[&str], group_of: &[usize], first_mention: &[usize], sets: &mut UnionFind) {
    for pair in mentions.windows(2).zip(group_of.windows(2)) {
        let ([long, short], [long_group, short_group]) = pair else { continue };
        let before = doc.text.get(long.span.end..short.span.start).map(str::trim);
        let after = doc.text.get(short.span.end..).and_then(|rest| rest.trim_start().chars().next());
        let short_text = short.span.slice(doc.text);
        if long.label.is_name() && before == Some("(") && after == Some(')') && acronym_of(short_text, long.span.slice(doc.text)) {
            sets.union(*long_group, *short_group);
        }
    }
    let mut by_initials: FastMap<String, Option<usize>> = FastMap::default();
    for &index in first_mention {
        if mentions[index].label == Label::Org && texts[index].split_whitespace().count() >= 2 {
            let (capitals, _) = initials(texts[index]);
            let group = sets.find(group_of[index]);
            by_initials.entry(capitals).and_modify(|g| if *g != Some(group) { *g = None }).or_insert(Some(group));
        }
    }
    for &index in first_mention {
        let text = texts[index];
        if mentions[index].label.is_name() && !text.contains(' ') && text.chars().all(|c| c.is_uppercase() || c == '.') {
            let letters: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
            // One letter spells no acronym: else a letter tagged as a name (the "S" of a
            // paper's formulas) joins the one organisation with a single capitalised word.
            // Bytes, not characters: a lone accented capital still passes, for 150 bytes
            // less of gzipped wasm than counting characters took.
            if let Some(Some(group)) = by_initials.get(&letters).filter(|_| letters.len() > 1) {
                let own = group_of[index];
                if sets.find(own) == own {
                    sets.union(*group, own);
                }
            }
        }
    }
}

/// A person's name that is part of a longer name of one person ("Araji" in "Qasim
/// Al-Araji") joins it. A part shared by two different people joins neither.
fn link_person_names(mentions: &[Mention], keys: &[(Label, Vec<String>)], first_mention: &[usize], sets: &mut UnionFind) {
    let mut people: Vec<usize> = (0..first_mention.len())
        .filter(|&g| mentions[first_mention[g]].label == Label::Person && keys[first_mention[g]].1.len() <= MAX_NAME_PARTS)
        .collect();
    crate::order::sort_by_key(&mut people, |&g| (std::cmp::Reverse(keys[first_mention[g]].1.len()), g));
    // Every run of parts of a name seen so far → the group, or None when ambiguous.
    let mut index: FastMap<&[String], Option<usize>> = FastMap::default();
    for g in people {
        let parts = &keys[first_mention[g]].1;
        if let Some(Some(target)) = index.get(parts.as_slice()) {
            sets.union(*target, g);
        }
        let root = sets.find(g);
        for length in 1..parts.len() {
            for window in parts.windows(length) {
                index
                    .entry(window)
                    .and_modify(|entry| {
                        if let Some(existing) = *entry {
                            if sets.find(existing) != root {
                                *entry = None;
                            }
                        }
                    })
                    .or_insert(Some(root));
            }
        }
    }
}

fn build(mentions: &[Mention], (texts, confidences): (&[&str], &[f64]), listed: &[Option<&str>], group_of: &[usize], sets: &mut UnionFind) -> Entities {
    struct Draft<'t> {
        label: Label,
        canonical: usize,
        /// The canonical name of the first list entry matched, which names the group
        /// and keeps its list's label.
        listed: Option<&'t str>,
        spans: Vec<Span>,
        confidence: f64,
    }
    let confidence = |index: usize| confidences.get(index).copied().unwrap_or(0.0);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut draft_of_root: FastMap<usize, usize> = FastMap::default();
    let mut draft_of_mention = Vec::with_capacity(mentions.len());
    for (index, mention) in mentions.iter().enumerate() {
        let root = sets.find(group_of[index]);
        let next = drafts.len();
        let draft = *draft_of_root.entry(root).or_insert(next);
        if draft == next {
            drafts.push(Draft { label: mention.label, canonical: index, listed: None, spans: Vec::new(), confidence: 0.0 });
        }
        let entry = &mut drafts[draft];
        if let (None, Some(name)) = (entry.listed, listed.get(index).copied().flatten()) {
            entry.listed = Some(name);
            entry.label = mention.label;
        }
        if texts[index].chars().count() > texts[entry.canonical].chars().count() {
            entry.canonical = index;
            if entry.listed.is_none() {
                entry.label = mention.label;
            }
        }
        entry.spans.push(mention.span);
        entry.confidence = entry.confidence.max(confidence(index));
        draft_of_mention.push(draft);
    }
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    crate::order::sort_by_key(&mut order, |&d| (std::cmp::Reverse(drafts[d].spans.len()), d));
    let mut position = vec![0; drafts.len()];
    for (rank, &d) in order.iter().enumerate() {
        position[d] = rank;
    }
    let entities = mentions
        .iter()
        .zip(texts)
        .zip(&draft_of_mention)
        .enumerate()
        .map(|(index, ((m, text), &d))| Entity {
            text: (*text).to_owned(),
            label: drafts[d].label,
            span: m.span,
            group: position[d],
            confidence: confidence(index),
        })
        .collect();
    let entity_groups = order
        .into_iter()
        .map(|d| {
            let draft = &drafts[d];
            EntityGroup {
                text: draft.listed.unwrap_or(texts[draft.canonical]).to_owned(),
                label: draft.label,
                count: draft.spans.len(),
                mentions: draft.spans.clone(),
                confidence: draft.confidence,
            }
        })
        .collect();
    Entities { entities, entity_groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped(text: &str, marks: &[(&str, Label)]) -> Entities {
        let mut mentions = Vec::new();
        let mut from = 0;
        for &(needle, label) in marks {
            let Some(offset) = text[from..].find(needle) else { panic!("{needle} not in text") };
            let start = from + offset;
            mentions.push(Mention::new(Span::new(start, start + needle.len()), label));
            from = start + needle.len();
        }
        let confidences: Vec<f64> = (0..mentions.len()).map(|i| 0.5 + 0.1 * i as f64).collect();
        group(&Document::new(text), &mentions, &confidences, &[])
    }

    #[test]
    fn shorter_person_names_join_the_full_name() {
        let text = "Hossein Amir Abdollahian met Qasim Al-Araji. Amir Abdollahian spoke. Araji agreed.";
        let found = grouped(
            text,
            &[("Hossein Amir Abdollahian", Label::Person), ("Qasim Al-Araji", Label::Person), ("Amir Abdollahian", Label::Person), ("Araji", Label::Person)],
        );
        let groups: Vec<(&str, usize)> = found.entity_groups.iter().map(|g| (g.text.as_str(), g.count)).collect();
        assert_eq!(groups, [("Hossein Amir Abdollahian", 2), ("Qasim Al-Araji", 2)]);
        assert_eq!(found.entities.iter().map(|e| e.group).collect::<Vec<_>>(), [0, 1, 0, 1]);
    }

    #[test]
    fn a_shared_surname_stays_apart() {
        let text = "John Smith and Mary Smith came; Smith left.";
        let found = grouped(text, &[("John Smith", Label::Person), ("Mary Smith", Label::Person), ("Smith", Label::Person)]);
        assert_eq!(found.entity_groups.len(), 3);
    }

    #[test]
    fn acronyms_join_their_long_form() {
        let text = "The Islamic Revolution Guards Corps (IRGC) struck. The IRGC Ground Force and the IRGC said so. The United Nations met; the UN agreed.";
        let found = grouped(
            text,
            &[
                ("Islamic Revolution Guards Corps", Label::Org),
                ("IRGC", Label::Org),
                ("IRGC Ground Force", Label::Org),
                ("IRGC", Label::Org),
                ("United Nations", Label::Org),
                ("UN", Label::Org),
            ],
        );
        let groups: Vec<(&str, usize)> = found.entity_groups.iter().map(|g| (g.text.as_str(), g.count)).collect();
        assert_eq!(groups, [("Islamic Revolution Guards Corps", 3), ("United Nations", 2), ("IRGC Ground Force", 1)]);
    }

    #[test]
    fn a_single_letter_is_no_acronym() {
        let text = "The Sanfrancisco d'Antofagasta company grew. Let S be a set; then S is finite.";
        let found = grouped(text, &[("Sanfrancisco d'Antofagasta", Label::Org), ("S", Label::Org), ("S", Label::Org)]);
        let groups: Vec<(&str, usize)> = found.entity_groups.iter().map(|g| (g.text.as_str(), g.count)).collect();
        assert_eq!(groups, [("S", 2), ("Sanfrancisco d'Antofagasta", 1)]);
    }

    #[test]
    fn an_acronym_may_spell_lower_case_words_too() {
        assert!(acronym_of("MSF", "Médecins sans frontières"));
        assert!(acronym_of("M.S.F.", "Médecins sans frontières"));
        assert!(acronym_of("ÉDF", "électricité de France"));
        assert!(!acronym_of("Msf", "Médecins sans frontières"));
        assert!(!acronym_of("MSF", "Médecins frontières"));
        assert!(!acronym_of("M", "Médecins"));
    }

    #[test]
    fn same_words_different_labels_stay_apart() {
        let text = "Washington said Washington would win.";
        let found = grouped(text, &[("Washington", Label::Person), ("Washington", Label::Location)]);
        assert_eq!(found.entity_groups.len(), 2);
    }
}

//! Unit tests of the choice of key phrases.

use super::*;

fn phrases(text: &str, limit: usize, max_words: usize) -> Vec<String> {
    key_phrases(&Document::new(text), limit, max_words).into_iter().map(|k| k.text).collect()
}

#[test]
fn phrases_end_in_nouns_not_participles() {
    assert!(can_end_phrase("groups") && can_end_phrase("speed") && can_end_phrase("learning"));
    assert!(!can_end_phrase("pointed") && !can_end_phrase("dangerous") && !can_end_phrase("powerful"));
}

fn phrases_in(language: &'static str, text: &str) -> Vec<String> {
    let doc = Document::new(text);
    Words::in_language(&doc, language).key_phrases(10, 4).into_iter().map(|k| k.text).collect()
}

#[test]
fn verbs_end_no_phrase_and_adjectives_make_none_alone() {
    let text = "Un huerto escolar cambia el barrio\n\nEl huerto escolar da tomates. El alcalde visitó el huerto el \
                12 de mayo. Los alumnos cuidan el huerto escolar y el comedor escolar usa sus tomates.";
    let found = phrases_in("es", text);
    assert!(found.iter().any(|p| p == "huerto escolar"), "{found:?}");
    assert!(!found.iter().any(|p| p.ends_with("cambia") || p.ends_with("cuidan")), "{found:?}");
    assert!(!found.iter().any(|p| p == "escolar"), "an adjective after its noun alone: {found:?}");
    let text = "De gemeente Utrecht heeft een nieuwe fietsbrug geopend. De fietsbrug is 200 meter lang en de \
                fietsbrug kostte 12 miljoen euro.";
    let found = phrases_in("nl", text);
    assert!(found.iter().any(|p| p == "fietsbrug") && found.iter().any(|p| p == "gemeente Utrecht"), "{found:?}");
    assert!(!found.iter().any(|p| p.ends_with("geopend") || p.ends_with("kostte")), "{found:?}");
    // A noun of a participle's shape has an article somewhere.
    let found = phrases_in("nl", "Het natuurgebied ligt in het gebied. Het beschermde gebied.");
    assert!(found.iter().any(|p| p == "gebied"), "{found:?}");
}

#[test]
fn verbs_are_told_by_contractions_numbers_possessives_auxiliaries_and_pronouns() {
    // Each verb below is told by one rule alone; the nouns have their article.
    let text = "El huerto abastece al comedor. Los alumnos llevan tres años en el huerto. El colegio \
                cuida sus tomates. El alcalde ha inaugurado el huerto. El comedor se celebra hoy.";
    let found = phrases_in("es", text);
    assert!(found.iter().any(|p| p == "huerto") && found.iter().any(|p| p == "comedor"), "{found:?}");
    for verb in ["abastece", "llevan", "cuida", "inaugurado", "celebra"] {
        assert!(!found.iter().any(|p| p.split(' ').any(|w| w == verb)), "{verb}: {found:?}");
    }
    let found = phrases_in("fr", "Le marché a rouvert ses portes. Le maire vous rappelle le marché.");
    assert!(found.iter().any(|p| p == "marché"), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("rouvert") || p.contains("rappelle")), "{found:?}");
    // A noun is followed by "al" too, and keeps its article.
    let found = phrases_in("es", "El acceso al puerto. El acceso es libre.");
    assert!(found.iter().any(|p| p == "acceso"), "{found:?}");
    // Dutch's infinitive after "te".
    let found = phrases_in("nl", "De gemeente wil een brug te bouwen. Bewoners proberen de brug tegen te houden.");
    assert!(found.iter().any(|p| p == "brug"), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("bouwen") || p.contains("houden")), "{found:?}");
}

#[test]
fn key_phrases_prefer_repeated_multiword_units() {
    let text = "Neural networks learn features. A neural network was trained on images. \
                Deep neural networks outperform the baseline on image classification. \
                Image classification with neural networks is common.";
    let found = phrases(text, 5, 4);
    assert!(found.iter().any(|p| p == "neural networks"), "{found:?}");
    assert!(found.iter().any(|p| p == "image classification"), "{found:?}");
}

#[test]
fn a_contained_phrase_is_dropped_unless_frequent_alone() {
    let text = "Support vector machines are popular. Support vector machines separate classes.";
    let found = phrases(text, 10, 4);
    assert!(found.iter().any(|p| p == "support vector machines"), "{found:?}");
    assert!(!found.iter().any(|p| p == "support vector" || p == "vector machines"), "{found:?}");
}

#[test]
fn max_words_and_limit_are_respected() {
    let text = "Quantum error correction codes protect quantum information. Quantum error correction is hard.";
    for max_words in 1..=4 {
        let found = key_phrases(&Document::new(text), 3, max_words);
        assert!(found.len() <= 3);
        assert!(found.iter().all(|k| k.text.split(' ').count() <= max_words), "{found:?}");
    }
    assert!(key_phrases(&Document::new(text), 0, 4).is_empty());
}

#[test]
fn names_are_not_cut_in_two() {
    // In prose: a sentence with more capitals than that is read as a headline,
    // whose capitals tell nothing.
    let text = "Yesterday the foreign minister Hossein Amir Abdollahian arrived in the city. Later, Amir Abdollahian spoke.";
    let found = phrases(text, 10, 2);
    let cut = |p: &String| ["hossein amir", "minister hossein"].contains(&p.to_lowercase().as_str());
    assert!(!found.iter().any(cut), "{found:?}");
    assert!(found.iter().any(|p| p == "Amir Abdollahian"), "{found:?}");
}

#[test]
fn the_best_scores_come_to_the_front_ahead_of_all_the_rest() {
    let scores = [0.0, 3.5, 0.001, 7.0, 2.0, 1e-9, 3.0, 0.25, 6.5, 1.0];
    for batch in 1..=scores.len() + 1 {
        let mut scored: Vec<(f64, u32)> = scores.iter().enumerate().map(|(i, &s)| (s, i as u32)).collect();
        let front = best_to_front(&mut scored, batch);
        assert!(front >= batch.min(scores.len()), "batch {batch}: {front}");
        let worst_moved = scored[..front].iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        assert!(scored[front..].iter().all(|p| p.0 < worst_moved), "batch {batch}: {scored:?}");
        let mut ids: Vec<u32> = scored.iter().map(|p| p.1).collect();
        ids.sort_unstable();
        assert_eq!(ids, (0..scores.len() as u32).collect::<Vec<_>>());
    }
}

//! Stage 3a: frequent terms and ranked key phrases.
//!
//! Both analyses read one [`Words`] view of the document: every word token is mapped
//! once, through a hash of its normalised form, to a *word class* (its Snowball stem),
//! so inflections ("terrorist", "terrorists") count together.
//!
//! Key phrases are found without a part-of-speech tagger:
//!
//! 1. Candidates are the runs of content words between stopwords, noise words
//!    (auxiliaries, common verbs, adverbs, evaluative adjectives), punctuation,
//!    sentence ends and line breaks, and every sub-run of up to `max_words` words that
//!    neither ends in a participle ("-ed") nor cuts a capitalised name in two.
//! 2. Each word class gets a centrality score: PageRank over a co-occurrence graph
//!    (SingleRank), personalised towards words that occur early and often
//!    (PositionRank), times a specificity weight from a small table of general-English
//!    word ranks (a stand-in for document frequencies).
//! 3. A phrase scores the sum of its words' scores times the square root of its own
//!    frequency; single words and rare fragments of longer runs are damped.
//! 4. The best phrases are taken greedily: a phrase inside a better one is skipped
//!    unless it is clearly more frequent on its own, and one extending a better one
//!    is damped once. Occurrences and the most common surface form are collected in a
//!    last pass over the whole text.
//!
//! The constants were set on the keyphrase DEV sets (scored by `make eval`) as
//! one setting for all kinds of text; their plateau is broad.
//!
//! Work is linear in the text: every map is keyed by small integer arrays (Fx hash),
//! the graph has fewer than `WINDOW` edges per word, and scoring reads at most
//! `SCORED_TOKENS` content words (later text only contributes occurrences).
//!
//! The files follow the steps: `vocabulary` (which words are content words), `words`
//! (the word classes and the terms), `phrases` (candidates, their scores, the choice
//! and the occurrences) with `roles` (verbs and adjectives the text shows) and
//! `bridges` (phrases across "de"), and `rank` (centrality and specificity).

mod bridges;
mod phrases;
mod rank;
mod roles;
mod vocabulary;
mod words;

pub use phrases::{key_phrases, Keyword};
pub use words::{terms, Term, Words};

//! How sure the entity stage is of each mention: a `confidence` in 0–1, meant as the
//! probability that the mention is a correct name of its type with exactly its
//! bounds, so that of the mentions given 0.8, about 8 in 10 are right.
//!
//! A name's confidence comes from the tagger's margin (how far its best reading of the
//! sentence is ahead of the best one without the name, `model::Mention::margin`) and a
//! few facts the margin does not see: where the name came from ([`Source`]), its type,
//! its length and casing, and what the text is like ([`Context`]: a post, a short
//! text). A logistic model over those, fitted on the dev parts of the five English
//! sets by `examples/calibrate_ner.rs` (its weights are in `calibration.rs`), turns
//! them into a probability. A group's confidence is that of its surest mention.
//!
//! Pattern entities (dates, e-mail addresses, …) are not learned and the dev sets do not
//! mark them, so each pattern type has a fixed confidence ([`of_pattern`]); so do the
//! names the rules find alone, in a build without a model ([`RULES_ALONE`]).

use super::calibration::WEIGHTS;
use super::entity::{Evidence, Label, Mention, Source};
use crate::text::{in_capitals, Document};

/// Confidence of a name found by the rules alone. On CoNLL-2003 dev the rules alone
/// are right (exact span and type) about 8 times in 10 (precision 79.9 when they last
/// ran alone on it); not fitted, as they run only in a build without a model.
pub const RULES_ALONE: f64 = 0.8;

/// The fixed confidence of a pattern entity. An address, a handle or a hashtag is what
/// its syntax says; a date, time, amount or number can be cut short or run long
/// ("12 March" of "12 March 2024"), or be a name's part ("Friday" in a street name),
/// and a phone number is the most often another number (an order or account
/// number). Not fitted: no dev set marks pattern entities.
pub fn of_pattern(label: Label) -> f64 {
    match label {
        Label::Email | Label::Url | Label::Hashtag | Label::Mention => 0.99,
        Label::Money | Label::Percent => 0.95,
        Label::Date | Label::Time => 0.9,
        Label::Phone => 0.8,
        Label::Person | Label::Org | Label::Location | Label::Custom(_) => RULES_ALONE,
    }
}

/// Margins are read in steps that double: below 2, then 2–4, 4–8, … (model score
/// units; a weight is at most 127), up to this many steps. On the five dev sets no
/// margin reaches 128 (step 7); the steps above cost nothing and keep a larger margin
/// from being read as a smaller one.
pub const MARGIN_STEPS: usize = 11;

/// Number of inputs of the logistic model, in the order of [`Features::of`]: the bias,
/// one per margin step above the first, then the type, source, length, casing and
/// context inputs.
pub const FEATURES: usize = MARGIN_STEPS + 2 + 5 + 2 + 2 + 2;

/// What the text of a name is like, as far as its confidence goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The text is a post: it has an @handle or a #hashtag ([`is_social`]).
    pub social: bool,
    /// The text is short (fewer than [`SHORT_TEXT`] tokens): it says little about how
    /// its words are used. The dev sets' tweets and posts are all short, and about one
    /// CoNLL-2003 document in six.
    pub short: bool,
}

/// Tokens (words and punctuation) below which a text counts as short.
pub const SHORT_TEXT: usize = 64;

impl Context {
    /// What `doc` is like.
    pub fn of(doc: &Document) -> Context {
        Context { social: is_social(doc.text), short: doc.tokens.len() < SHORT_TEXT }
    }
}

/// The inputs of the logistic model for one name.
pub struct Features(pub [f64; FEATURES]);

impl Features {
    /// The inputs for a name of `label` from `evidence`, written `text`, in a text
    /// like `context`.
    pub fn of(evidence: Evidence, label: Label, text: &str, context: Context) -> Features {
        let mut x = [0.0; FEATURES];
        x[0] = 1.0;
        // log2 of the margin as a thermometer: input k is on when the margin has reached
        // step k, so each weight is what one more step adds. A step no dev name reached
        // then adds nothing (its weight stays 0) instead of falling back to the bias: with
        // one input per step, margins above 128 read as less sure than 64 (0.85 against
        // 0.99 for the same person's name).
        let step = (64 - evidence.margin.max(1).leading_zeros() as usize).min(MARGIN_STEPS) - 1;
        for on in &mut x[1..=step] {
            *on = 1.0;
        }
        let mut at = MARGIN_STEPS;
        x[at] = f64::from(u8::from(label == Label::Location));
        x[at + 1] = f64::from(u8::from(label == Label::Org));
        at += 2;
        let source = [Source::Split, Source::ShortName, Source::CompoundPlace, Source::Abbreviation, Source::Repeat];
        for (k, s) in source.into_iter().enumerate() {
            x[at + k] = f64::from(u8::from(evidence.source == s));
        }
        at += source.len();
        let words = text.split_whitespace().count();
        x[at] = f64::from(u8::from(words == 2));
        x[at + 1] = f64::from(u8::from(words >= 3));
        at += 2;
        x[at] = f64::from(u8::from(!text.chars().any(char::is_uppercase)));
        x[at + 1] = f64::from(u8::from(in_capitals(text)));
        at += 2;
        x[at] = f64::from(u8::from(context.social));
        x[at + 1] = f64::from(u8::from(context.short));
        Features(x)
    }

    /// The probability the logistic model with `weights` gives.
    pub fn probability(&self, weights: &[f64; FEATURES]) -> f64 {
        let logit: f64 = self.0.iter().zip(weights).map(|(x, w)| x * w).sum();
        1.0 / (1.0 + (-logit).exp())
    }
}

/// Whether a text is a post: it has an @handle or a #hashtag (a letter after the sign,
/// no letter or digit before it, as in an e-mail address).
pub fn is_social(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(['@', '#']).any(|(i, _)| {
        bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
    })
}

/// The confidence of each mention of `doc`, rounded to three decimals (finer steps
/// say nothing that the calibration can back); the names' from the logistic model's
/// `weights`, those fitted to the model that found them, or by default the English
/// model's.
pub fn of_mentions(doc: &Document, mentions: &[Mention], weights: Option<&[f64; FEATURES]>) -> Vec<f64> {
    let weights = weights.unwrap_or(&WEIGHTS);
    let context = Context::of(doc);
    mentions
        .iter()
        .map(|m| {
            let p = match m.evidence.source {
                Source::Rules => RULES_ALONE,
                Source::Pattern => of_pattern(m.label),
                Source::List => 1.0,
                _ => Features::of(m.evidence, m.label, m.span.slice(doc.text), context).probability(weights),
            };
            (p * 1000.0).round() / 1000.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn margins_are_read_in_doubling_steps() {
        let step = |margin| Features::of(Evidence::new(Source::Tagger, margin), Label::Person, "Ann", Context::default()).0[1..MARGIN_STEPS].iter().filter(|&&x| x == 1.0).count();
        assert_eq!([0, 1, 2, 3, 4, 7, 8, 1023, 1024, i64::MAX].map(step), [0, 0, 1, 1, 2, 2, 3, 9, 10, 10]);
    }

    #[test]
    fn confidences_are_probabilities_and_follow_the_margin() {
        let text = "Angela Merkel met @bbc about #paris on 12 March.";
        let doc = Document::new(text);
        let name = |margin| Mention { span: Span::new(0, 13), label: Label::Person, evidence: Evidence::new(Source::Tagger, margin) };
        let date = Mention { span: Span::new(39, 47), label: Label::Date, evidence: Evidence::new(Source::Pattern, 0) };
        let all = of_mentions(&doc, &[name(0), name(40), name(4000), date], None);
        assert!(all.iter().all(|p| (0.0..=1.0).contains(p)), "{all:?}");
        assert!(all[0] < all[1] && all[1] <= all[2], "{all:?}");
        assert_eq!(all[3], of_pattern(Label::Date));
        assert!(is_social(text) && is_social("#London") && !is_social("Mail me at a@b.org or #1."));
    }
}

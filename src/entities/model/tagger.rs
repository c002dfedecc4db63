//! The [`Tagger`]: feature weights, transition scores and the gazetteer, and the two
//! passes that tag a document with them.

use super::clusters::Clusters;
use super::decode::{viterbi, Decoder};
use super::features::{DocContext, SentenceFeatures, Slot};
use super::forms::{Forms, END_FORM, START_FORM};
use super::gazetteer::Gazetteer;
use super::margins::Margins;
use super::tags::{kind_code, part_of, Kind, Part, NTAGS};
use super::weights::Weights;
use crate::entities::confidence::FEATURES;
use crate::entities::entity::{Evidence, Label, Mention as EntityMention, Recognizer, Source};
use crate::span::Span;
use crate::text::{Document, Sentence, Token, TokenKind};

/// One name found by the tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the name is (from its first token's start to its last token's end).
    pub span: Span,
    /// What kind of name it is.
    pub kind: Kind,
    /// How far the score of the best tag sequence of its sentence is ahead of the best
    /// sequence without this name, in the model's score units (0: a tie).
    pub margin: i64,
}

/// The learned named-entity tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    /// The weights of the features.
    pub(super) weights: Weights,
    /// Tag-to-tag scores, then start and end scores.
    pub(super) trans: Vec<i64>,
    pub(super) start: Vec<i64>,
    pub(super) end: Vec<i64>,
    pub(super) gazetteer: Gazetteer,
    /// The word classes of the features.
    pub(super) clusters: Clusters,
    /// The weights of the confidence's logistic model fitted to this model, where its
    /// file has them (a model loaded by need); else the compiled-in English ones apply.
    pub(super) calibration: Option<[f64; FEATURES]>,
}

impl Tagger {
    /// Every stored row of weights, with its bucket, in bucket order.
    #[cfg(feature = "train")]
    pub fn rows(&self) -> impl Iterator<Item = (usize, &[i8])> + '_ {
        let weights = &self.weights;
        weights.index.iter().filter_map(move |bucket| Some((bucket, weights.rows.get(weights.index.row(bucket)? * NTAGS..)?.get(..NTAGS)?)))
    }

    /// This tagger with only the rows of the buckets `keep` accepts (given the bucket
    /// and its row).
    #[cfg(feature = "train")]
    pub fn with_rows(&self, keep: impl Fn(usize, &[i8]) -> bool) -> Tagger {
        let (mut used, mut rows) = (Vec::new(), Vec::new());
        for (bucket, row) in self.rows().filter(|&(bucket, row)| keep(bucket, row)) {
            used.push(bucket);
            rows.extend_from_slice(row);
        }
        let index = super::buckets::Buckets::from_sorted(self.weights.bits, used).unwrap_or_default();
        Tagger { weights: Weights::new(self.weights.bits, index, rows), ..self.clone() }
    }

    /// This model with those of `names` (each its lower-cased words and its kind) that
    /// its gazetteer lacks added to it. A name it has keeps its kinds, so that the text
    /// of the model's own language reads as before.
    #[cfg(feature = "train")]
    pub fn with_gazetteer_names<'a>(&self, names: impl IntoIterator<Item = (Vec<&'a str>, Kind)>) -> Tagger {
        let gazetteer = &self.gazetteer;
        let mut entries: Vec<(u32, u8)> = gazetteer.keys.iter().copied().zip(gazetteer.types.iter().copied()).collect();
        let added = names.into_iter().map(|(words, kind)| (super::gazetteer::key(words), 1u8 << kind.index()));
        entries.extend(added.filter(|(key, _)| gazetteer.keys.binary_search(key).is_err()));
        Tagger { gazetteer: Gazetteer::from_entries(entries, gazetteer.max_len), ..self.clone() }
    }

    /// A tagger without weights: it finds nothing.
    pub fn empty() -> Tagger {
        Tagger {
            weights: Weights::empty(),
            trans: vec![0; NTAGS * NTAGS],
            start: vec![0; NTAGS],
            end: vec![0; NTAGS],
            gazetteer: Gazetteer::default(),
            clusters: Clusters::default(),
            calibration: None,
        }
    }

    /// The weights of the confidence's logistic model fitted to this model, if its file
    /// has them.
    pub fn calibration(&self) -> Option<&[f64; FEATURES]> {
        self.calibration.as_ref()
    }

    /// This model with the confidence's logistic model `weights` fitted to it, which its
    /// file then carries (`examples/calibrate_ner.rs`).
    pub fn with_calibration(self, weights: [f64; FEATURES]) -> Tagger {
        Tagger { calibration: Some(weights), ..self }
    }

    /// Whether the tagger has no weights (and so finds nothing).
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// People, organisations and places in the document, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<(Span, Label)> {
        self.mentions(doc).into_iter().filter_map(|m| Some((m.span, m.kind.label()?))).collect()
    }

    /// Every name in the document, MISC included, in text order.
    ///
    /// See also the [`Recognizer`] implementation, which keeps only PER, ORG and LOC.
    ///
    /// Two passes: the second sees how the first tagged each word's other
    /// occurrences in the document, so that a name is tagged alike throughout.
    pub fn mentions(&self, doc: &Document) -> Vec<Mention> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut ctx = DocContext::new(doc);
        // Sized exactly: grown by doubling, this buffer (34 bytes a token) took twice
        // its size in the wasm heap, which never shrinks.
        let mut scores = Vec::with_capacity(doc.tokens.len() * NTAGS);
        let first = self.tags(doc, &ctx, Pass::First(&mut scores));
        ctx.set_first_pass(doc, first.iter().map(|&t| kind_code(usize::from(t))).collect());
        let mut margins = Vec::new();
        let tags = self.tags(doc, &ctx, Pass::Second(&scores, &first, &mut margins));
        let mut found = Vec::new();
        let mut open: Option<usize> = None;
        let mut margins = margins.into_iter().peekable();
        for (i, &tag) in tags.iter().enumerate() {
            let (part, kind) = part_of(usize::from(tag));
            if matches!(part, Part::Begin | Part::Unit) {
                open = Some(i);
            }
            if !matches!(part, Part::Last | Part::Unit) {
                continue;
            }
            let (Some(first), Some(&kind)) = (open.take(), Kind::ALL.get(kind)) else { continue };
            while margins.next_if(|&(_, last, _)| last < i).is_some() {}
            let margin = margins.next_if(|&(a, last, _)| (a, last) == (first, i)).map_or(0, |(_, _, m)| m);
            // A name neither starts nor ends with punctuation or a symbol ("Coldplay!"),
            // nor starts with an elided article or preposition, which the French model
            // tags with its place ("l'avenue Jean-Jaurès"). One that ends with an elided
            // preposition takes the capitalised word it is written against, which the
            // French model leaves out ("Conseil d'" of "Conseil d'État").
            let Some(name) = doc.tokens.get(first..=i) else { continue };
            let is_word = |t: &&Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
            let starts = |t: &&Token| is_word(t) && !t.norm.ends_with('\'');
            let Some(mut b) = name.iter().rev().find(is_word) else { continue };
            if b.norm.ends_with('\'') {
                b = doc.tokens.get(i + 1).filter(|t| t.span.start == b.span.end && t.is_capitalized()).unwrap_or(b);
            }
            if let Some(a) = name.iter().find(starts) {
                found.push(Mention { span: Span::new(a.span.start, b.span.end), kind, margin });
            }
        }
        found
    }

    /// Bytes of memory the decoded model holds.
    pub fn heap_bytes(&self) -> usize {
        let scores = (self.trans.capacity() + self.start.capacity() + self.end.capacity()) * 8;
        self.weights.heap_bytes() + scores + self.gazetteer.heap_bytes() + self.clusters.heap_bytes()
    }

    /// The best tag of every token of the document, sentence by sentence.
    pub(crate) fn tags(&self, doc: &Document, ctx: &DocContext, mut pass: Pass) -> Vec<u8> {
        let mut run = Run::new(self, doc, ctx, matches!(pass, Pass::First(_)));
        let mut all = Vec::with_capacity(doc.tokens.len());
        for sentence in &doc.sentences {
            if run.begin_sentence(sentence, &pass) {
                run.score_tokens(sentence, &mut pass);
                all.extend(run.decode().iter().map(|&t| t as u8));
                if let Pass::Second(_, _, margins) = &mut pass {
                    run.margins(sentence, margins);
                }
            } else if let Pass::Second(scores, first, margins) = &mut pass {
                // Without history features the scores, and so the tags, are the first pass's.
                let tags = first.get(sentence.tokens.clone()).unwrap_or(&[]);
                all.extend_from_slice(tags);
                if tags.iter().any(|&t| t != 0) {
                    let at = sentence.tokens.start * NTAGS..sentence.tokens.end * NTAGS;
                    run.emit.clear();
                    run.emit.extend(scores.get(at).unwrap_or(&[]).iter().map(|&s| i64::from(s)));
                    run.tags.clear();
                    run.tags.extend(tags.iter().map(|&t| usize::from(t)));
                    run.margins(sentence, margins);
                }
            }
            all.resize(sentence.tokens.end, 0);
            if let Pass::First(scores) = &mut pass {
                scores.resize(sentence.tokens.end * NTAGS, 0);
            }
        }
        all.resize(doc.tokens.len(), 0);
        all
    }
}

/// One pass of [`Tagger::tags`] over a document: buffers reused from sentence to
/// sentence and, in the first pass, the document's forms met so far.
struct Run<'a> {
    tagger: &'a Tagger,
    doc: &'a Document<'a>,
    ctx: &'a DocContext,
    features: SentenceFeatures,
    /// The sentence's tag scores, `NTAGS` per token, and its best tags.
    emit: Vec<i64>,
    tags: Vec<usize>,
    back: Vec<u8>,
    decoder: Option<Decoder>,
    /// The second pass's margins of names ([`Margins`]).
    margins: Option<Margins>,
    forms: Forms,
    /// The form ids and hashes of the sentence's tokens, with two paddings at either end.
    ids: Vec<u32>,
    slots: Vec<Slot>,
    /// The context feature hashes of one token.
    context: Vec<u64>,
    /// The sentence's mode ([`SentenceFeatures::begin`]).
    mode: u64,
}

impl<'a> Run<'a> {
    fn new(tagger: &'a Tagger, doc: &'a Document<'a>, ctx: &'a DocContext, first: bool) -> Self {
        Run {
            tagger,
            doc,
            ctx,
            features: SentenceFeatures::default(),
            emit: Vec::new(),
            tags: Vec::new(),
            back: Vec::new(),
            decoder: Decoder::new(&tagger.trans, &tagger.start, &tagger.end),
            margins: (!first).then(|| Margins::new(&tagger.trans, &tagger.start, &tagger.end)),
            forms: Forms::new(&tagger.weights, if first { doc.forms.forms() } else { 0 }),
            ids: Vec::new(),
            slots: Vec::new(),
            context: Vec::new(),
            mode: 0,
        }
    }

    /// Readies the features of `sentence` for `pass`; false when the second pass has
    /// nothing to add to the first pass's scores.
    fn begin_sentence(&mut self, sentence: &Sentence, pass: &Pass) -> bool {
        let (doc, ctx, tagger) = (self.doc, self.ctx, self.tagger);
        match pass {
            Pass::Second(..) => {
                self.features.extract_history(doc, ctx, sentence);
                !self.features.is_empty()
            }
            Pass::First(_) => {
                self.forms.end_sentence();
                self.ids.clear();
                self.ids.extend([START_FORM, START_FORM]);
                for index in sentence.tokens.clone() {
                    self.ids.push(self.forms.id((&tagger.weights, &tagger.clusters), doc, index));
                }
                self.ids.extend([END_FORM, END_FORM]);
                self.slots.clear();
                self.slots.extend(self.ids.iter().map(|&id| self.forms.slot(id)));
                self.mode = self.features.begin(doc, ctx, &tagger.gazetteer, sentence, &self.slots);
                true
            }
            #[cfg(any(test, feature = "train"))]
            Pass::Full => {
                self.features.extract(doc, ctx, (&tagger.gazetteer, &tagger.clusters), sentence);
                true
            }
        }
    }

    /// The tag scores of every token of `sentence`, into `emit`; the first pass keeps
    /// them for the second.
    fn score_tokens(&mut self, sentence: &Sentence, pass: &mut Pass) {
        self.emit.clear();
        for i in 0..self.doc.sentence_tokens(sentence).len() {
            let mut acc = [0i32; NTAGS];
            match pass {
                Pass::Second(scores, ..) => {
                    let at = (sentence.tokens.start + i) * NTAGS;
                    if let Some(cached) = scores.get(at..at + NTAGS) {
                        for (a, &c) in acc.iter_mut().zip(cached) {
                            *a = i32::from(c);
                        }
                    }
                }
                Pass::First(_) => {
                    if !self.add_form_and_context_scores(sentence, i, &mut acc) {
                        continue;
                    }
                }
                #[cfg(any(test, feature = "train"))]
                Pass::Full => {}
            }
            if !matches!(pass, Pass::First(_)) {
                self.tagger.weights.score(self.features.token(i), &mut acc);
            }
            if let Pass::First(scores) = pass {
                scores.extend(acc.iter().map(|&a| a.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16));
            }
            self.emit.extend(acc.iter().map(|&a| i64::from(a)));
        }
    }

    /// Adds to `acc` the first-pass scores of token `i` of `sentence`: its form scores
    /// and its context features'. False if the token has no window of forms (never,
    /// for a sentence of the document).
    ///
    /// The context features are scored afresh for every token. A cache of their sums
    /// by the forms of the token and its neighbours served 12,338 of the 197,942 tokens
    /// of 1 MB of news (a trigram of forms seldom recurs in real text), and without it
    /// analyze() is as fast (tools/compare-builds.mjs, both orders) with the same tags.
    #[inline]
    fn add_form_and_context_scores(&mut self, sentence: &Sentence, i: usize, acc: &mut [i32; NTAGS]) -> bool {
        self.forms.add(self.ids.get(i..i + 5).unwrap_or(&[]), acc);
        let Some(&[s1, sw, sn]) = self.slots.get(i + 1..i + 4) else { return false };
        self.context.clear();
        let context = &mut self.context;
        self.features.context(self.doc, self.ctx, sentence, self.mode, i, [s1, sw, sn], &mut |h| context.push(h.finish()));
        self.tagger.weights.score(&self.context, acc);
        true
    }

    /// The margin of every name of `sentence`, whose scores are in `emit` and best tags
    /// in `tags`, as (first token, last token, margin) in the document's token numbers.
    fn margins(&mut self, sentence: &Sentence, out: &mut Vec<(usize, usize, i64)>) {
        let Some(margins) = &mut self.margins else { return };
        let from = out.len();
        margins.of_names(&self.emit, &self.tags, out);
        for (first, last, _) in &mut out[from..] {
            *first += sentence.tokens.start;
            *last += sentence.tokens.start;
        }
    }

    /// The best tags of the sentence whose scores are in `emit`.
    fn decode(&mut self) -> &[usize] {
        let tagger = self.tagger;
        match &self.decoder {
            Some(decoder) => decoder.decode(&self.emit, &mut self.tags, &mut self.back),
            None => viterbi(&self.emit, &tagger.trans, &tagger.start, &tagger.end, &mut self.tags, &mut self.back),
        }
        &self.tags
    }
}

/// Which pass of [`Tagger::tags`] runs: the first keeps every token's scores, the
/// second adds only the document-history features to them.
pub(crate) enum Pass<'a> {
    /// A single pass with every feature, as in training.
    #[cfg(any(test, feature = "train"))]
    Full,
    /// The first pass: scores kept per token.
    First(&'a mut Vec<i16>),
    /// The second pass, over the first pass's scores and tags; it gives the margin of
    /// every name (first token, last token, margin).
    Second(&'a [i16], &'a [u8], &'a mut Vec<(usize, usize, i64)>),
}

impl Recognizer for Tagger {
    fn recognize(&self, doc: &Document) -> Vec<EntityMention> {
        let name = |m: Mention| Some(EntityMention::with(m.span, m.kind.label()?, Evidence::new(Source::Tagger, m.margin)));
        self.mentions(doc).into_iter().filter_map(name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::forms;

    fn builtin() -> &'static Tagger {
        Tagger::builtin().expect("models/ner.bin decodes")
    }

    fn builtin_or_skip() -> Option<&'static Tagger> {
        let tagger = builtin();
        if tagger.is_empty() {
            println!("skipped: models/ner.bin holds no trained model");
            return None;
        }
        Some(tagger)
    }

    fn names(text: &str) -> Vec<(String, Label)> {
        let doc = Document::new(text);
        builtin().tag(&doc).into_iter().map(|(span, label)| (span.slice(text).to_owned(), label)).collect()
    }

    #[test]
    fn finds_people_places_and_organisations() {
        let Some(_) = builtin_or_skip() else { return };
        let found = names("Angela Merkel met executives of Siemens AG in Berlin on Tuesday.");
        assert!(found.contains(&("Angela Merkel".to_owned(), Label::Person)), "{found:?}");
        assert!(found.contains(&("Berlin".to_owned(), Label::Location)), "{found:?}");
        assert!(found.contains(&("Siemens AG".to_owned(), Label::Org)), "{found:?}");
    }

    #[test]
    fn names_do_not_end_in_punctuation() {
        let Some(tagger) = builtin_or_skip() else { return };
        let text = "🎉 Taylor Swift 🎤 played in São Paulo 🇧🇷 with Coldplay! Oh (Sting) too.";
        let doc = Document::new(text);
        for m in tagger.mentions(&doc) {
            let name = m.span.slice(text);
            assert!(name.starts_with(char::is_alphanumeric) && name.ends_with(char::is_alphanumeric), "{name:?}");
        }
    }

    #[test]
    fn headline_in_capitals_and_title_case() {
        let Some(_) = builtin_or_skip() else { return };
        let caps = names("GERMANY BEAT FRANCE IN PARIS\nBerlin and Paris are far apart.");
        assert!(caps.iter().any(|(t, l)| t == "PARIS" && *l == Label::Location), "{caps:?}");
        let title = names("Obama Visits Germany\nBarack Obama arrived in Germany on Monday.");
        assert!(title.iter().any(|(t, l)| t == "Germany" && *l == Label::Location), "{title:?}");
    }

    #[test]
    fn lower_case_text_and_odd_input_do_not_panic() {
        for text in ["", " ", "\n\n", "😊", "😊 👨‍👩‍👧 🇩🇪", "all lower case text about new york and john smith",
            "ALL CAPS TEXT ABOUT NEW YORK AND JOHN SMITH", "a", ".", "'s", "- -- ---", "北京欢迎你", "Zürich – São Paulo 🙂 Ωmega"]
        {
            let doc = Document::new(text);
            for mention in builtin().mentions(&doc) {
                assert!(!mention.span.is_empty() && mention.span.end <= text.len());
                assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
            }
        }
    }

    #[test]
    fn long_runs_of_capitals_and_periods_stay_linear() {
        let capitals = "Alpha Beta Gamma Delta ".repeat(5_000);
        let periods = ".".repeat(20_000) + &" . A".repeat(5_000);
        for text in [capitals.as_str(), periods.as_str()] {
            let doc = Document::new(text);
            let mentions = builtin().mentions(&doc);
            assert!(mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
    }

    #[test]
    fn second_pass_over_cached_scores_equals_a_full_pass() {
        let Some(tagger) = builtin_or_skip() else { return };
        let text = "Obama Visits Germany\n\nBarack Obama arrived in Germany on Monday. Obama said it was great.";
        let doc = Document::new(text);
        let mut ctx = DocContext::new(&doc);
        let mut scores = Vec::new();
        let first = tagger.tags(&doc, &ctx, Pass::First(&mut scores));
        ctx.set_first_pass(&doc, first.iter().map(|&t| kind_code(usize::from(t))).collect());
        let mut margins = Vec::new();
        assert_eq!(tagger.tags(&doc, &ctx, Pass::Second(&scores, &first, &mut margins)), tagger.tags(&doc, &ctx, Pass::Full));
        assert!(!margins.is_empty());
    }

    /// Each token's first-pass scores, from every feature hashed one by one.
    fn full_scores(tagger: &Tagger, doc: &Document, ctx: &DocContext) -> Vec<i16> {
        let mut features = SentenceFeatures::default();
        let mut full = Vec::new();
        for sentence in &doc.sentences {
            features.extract(doc, ctx, (&tagger.gazetteer, &tagger.clusters), sentence);
            for i in 0..features.len() {
                let mut acc = [0i32; NTAGS];
                tagger.weights.score(features.token(i), &mut acc);
                full.extend(acc.iter().map(|&a| a.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16));
            }
            full.resize(sentence.tokens.end * NTAGS, 0);
        }
        full
    }

    #[test]
    fn cached_form_scores_equal_the_full_features() {
        let Some(tagger) = builtin_or_skip() else { return };
        // More distinct words than the cache keeps, so some are scored uncached.
        let word = |mut n: usize| {
            let mut w = String::from("Q");
            while n > 0 {
                w.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            w
        };
        let many: Vec<String> = (0..forms::MAX_FORMS + 500).map(word).collect();
        let text = format!(
            "Obama Visits Germany\n\nBarack Obama arrived in Germany on Monday. \"Obama\" said: it was great, Obama. {}",
            many.chunks(12).map(|c| c.join(" ") + ".").collect::<Vec<_>>().join(" ")
        );
        let doc = Document::new(&text);
        let ctx = DocContext::new(&doc);
        let mut scores = Vec::new();
        tagger.tags(&doc, &ctx, Pass::First(&mut scores));
        assert_eq!(scores, full_scores(tagger, &doc, &ctx));
    }

    #[test]
    fn empty_tagger_finds_nothing() {
        let doc = Document::new("Angela Merkel visited Paris.");
        assert!(Tagger::empty().mentions(&doc).is_empty());
    }
}

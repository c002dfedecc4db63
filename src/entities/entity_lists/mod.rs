//! The caller's entity lists: phrases that are always entities of a label (a built-in
//! one or their own, such as `PRODUCT`), with aliases grouped under a canonical name,
//! and phrases that are never entities (`exclude`).
//!
//! A [`Spec`] is what the caller writes; [`EntityLists`] is the spec prepared for
//! matching, shared and cheap to clone. Preparing tokenizes every phrase once; the
//! trie of a language is built the first time a text in that language is analysed,
//! and kept. Lists read again with the same content (a JavaScript page sending its
//! options on every keystroke, a protocol line repeating the lists) are the prepared
//! lists of the last call, found by a hash of their content ([`EntityLists::read`]).
//!
//! # How phrases match
//!
//! - **Whole words, longest first.** A phrase matches a run of whole tokens of one
//!   sentence; white space between words may differ ("Acme  Rocket\nSkates"). Where
//!   matches overlap, the longest wins, then the earlier; on the same span an `exclude`
//!   phrase wins, then the list given first.
//! - **Inflection.** Words are compared by their Snowball stem where the text's
//!   language has a stemmer, so "Acme Rocket Skate" matches "Acme Rocket Skates";
//!   "Acme's" is the name "Acme" and the clitic "'s" (the tokenizer splits it off), so
//!   it matches too, and the mention is "Acme". A word that differs from the phrase's
//!   beyond its casing must have the phrase word's first-letter case: "billing" is not
//!   the person "Bill".
//! - **Case.** A list matches any casing unless it says `caseSensitive: true`: "Globex"
//!   matches "GLOBEX" and "globex". But a phrase written all in lower case is taken for
//!   a common word, and where the text capitalises it ("Apple" for "apple", at a
//!   sentence start or not), the capital may make it a name: there the match gives way
//!   to an entity that the model, rules or patterns found overlapping it, and stands
//!   only where they found none ("Aspirin helps." for "aspirin"). Write the phrase with
//!   its capital to match capitalised text unconditionally. A case-sensitive list
//!   matches each word as written, or inflected with the same casing ("Acme's", not
//!   "ACME").
//! - **Lists beat what was found.** A list match replaces every entity of the model,
//!   the rules or the patterns that overlaps it, and an `exclude` match removes them.
//!   *Overlap* means sharing at least one character: since both are whole tokens, at
//!   least one token. So `exclude: ["Windows"]` removes "Windows" and also "Microsoft
//!   Windows"; a longer list phrase ("Windows Server" as ORG) still wins where it
//!   matches, being the longer match. The one exception is the lower-case phrase on
//!   capitalised text above.
//! - **Groups.** Every match of an entry, by its text or an alias, is one entity group
//!   whose text is the entry's `text`; a person's shorter names found by the model
//!   join it as they join any full name.
//!
//! # Limits
//!
//! At most [`Limits::max_entries`] entries in all lists (100,000 by default) and
//! [`Limits::max_entry_bytes`] bytes of UTF-8 per entry, text and aliases together
//! (65,536). A list over them, a bad label, an empty phrase or a value of the wrong
//! type is an [`Error::InvalidEntityLists`] naming the list and the entry's index
//! ("PRODUCT[3]: the phrase is empty").

mod matcher;
mod prepared;
mod spec;

pub use spec::{Entry, Limits, List, Spec, Target, EXCLUDE};
pub(crate) use prepared::ListMatch;

use super::entity::{Evidence, Mention, Source};
use crate::error::{Error, Result};
use crate::lexicon::FxHasher;
use crate::span::Span;
use crate::text::Document;
use matcher::Matcher;
use prepared::Prepared;
use serde::de::DeserializeSeed;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Entity lists prepared for matching. Cloning shares them.
#[derive(Clone)]
pub struct EntityLists(Arc<Shared>);

struct Shared {
    prepared: Prepared,
    /// The trie of each language seen so far.
    matchers: Mutex<Vec<(&'static str, Arc<Matcher>)>>,
}

/// Lists prepared lately, most recent first: two, so that a page switching between
/// two sets of lists (with and without its own) prepares neither again.
const CACHED: usize = 2;

static CACHE: Mutex<Vec<Arc<Shared>>> = Mutex::new(Vec::new());

impl EntityLists {
    /// Reads lists from any serde format (a JavaScript object through
    /// serde-wasm-bindgen, a protocol JSON value) and prepares them, or returns the
    /// prepared lists of an earlier call with the same content. Every problem is an
    /// [`Error::InvalidEntityLists`] whose message names the list and entry.
    ///
    /// ```
    /// use textlens::entities::{EntityLists, Limits};
    ///
    /// let json = serde_json::json!({ "PRODUCT": [{ "text": "Acme Rocket Skates", "aliases": ["ARS"] }], "exclude": ["Windows"] });
    /// let lists = EntityLists::read(&json, Limits::default()).unwrap();
    /// assert_eq!(lists.entries(), 2);
    /// let bad = serde_json::json!({ "PRODUCT": ["Acme", ""] });
    /// let error = EntityLists::read(&bad, Limits::default()).unwrap_err();
    /// assert_eq!(error.to_string(), "invalid option `entityLists`: PRODUCT[1]: the phrase is empty");
    /// ```
    pub fn read<'de, D: serde::Deserializer<'de>>(deserializer: D, limits: Limits) -> Result<EntityLists> {
        let problem = RefCell::new(None);
        let reader = spec::Reader::new(limits, &problem);
        match spec::SpecSeed(&reader).deserialize(deserializer) {
            Ok(spec) => Ok(EntityLists::prepared(spec)),
            Err(error) => Err(Error::InvalidEntityLists(problem.take().unwrap_or_else(|| error.to_string()))),
        }
    }

    /// Prepares lists built in Rust, checking them as [`EntityLists::read`] does.
    pub fn new(spec: Spec, limits: Limits) -> Result<EntityLists> {
        spec.check(limits).map_err(Error::InvalidEntityLists)?;
        Ok(EntityLists::prepared(spec))
    }

    /// The lists as given.
    pub fn spec(&self) -> &Spec {
        &self.0.prepared.spec
    }

    /// How many entries there are in all lists.
    pub fn entries(&self) -> usize {
        self.0.prepared.entries.len()
    }

    /// The canonical name of entry `entry` (as numbered in a [`ListMatch`]).
    pub(crate) fn canonical(&self, entry: u32) -> &str {
        self.0.prepared.canonical(entry)
    }

    fn prepared(spec: Spec) -> EntityLists {
        let mut hasher = FxHasher::default();
        spec.hash(&mut hasher);
        let hash = hasher.finish();
        let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(at) = cache.iter().position(|s| s.prepared.hash == hash && s.prepared.spec == spec) {
            let found = cache.remove(at);
            cache.insert(0, Arc::clone(&found));
            return EntityLists(found);
        }
        let shared = Arc::new(Shared { prepared: Prepared::new(spec, hash), matchers: Mutex::new(Vec::new()) });
        cache.insert(0, Arc::clone(&shared));
        cache.truncate(CACHED);
        EntityLists(shared)
    }

    /// The matches of the lists in `doc`, whose language is `language` (a code of
    /// [`crate::language::detect`]): in document order, without overlaps.
    pub(crate) fn find(&self, doc: &Document, language: &'static str) -> Vec<ListMatch> {
        self.matcher(language).find(&self.0.prepared, doc)
    }

    fn matcher(&self, language: &'static str) -> Arc<Matcher> {
        let mut matchers = self.0.matchers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, matcher)) = matchers.iter().find(|(code, _)| *code == language) {
            return Arc::clone(matcher);
        }
        let matcher = Arc::new(Matcher::new(&self.0.prepared, language));
        matchers.push((language, Arc::clone(&matcher)));
        matcher
    }
}

impl PartialEq for EntityLists {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.prepared.spec == other.0.prepared.spec
    }
}

impl std::fmt::Debug for EntityLists {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EntityLists({} lists, {} entries)", self.0.prepared.spec.lists.len(), self.entries())
    }
}

/// The mentions `found` by the model, rules and patterns (in document order, without
/// overlaps) with the list `matches` applied (see the module's docs): a match that
/// gives way to a found mention is dropped, a found mention overlapping a match is
/// dropped, and labelled matches become mentions. Returns the mentions in document
/// order and, beside each, the list entry it matched.
pub(crate) fn apply(found: Vec<Mention>, matches: Vec<ListMatch>) -> (Vec<Mention>, Vec<Option<u32>>) {
    // Both lists are in document order without overlaps, so their ends increase too,
    // and one pass over each finds what overlaps what.
    let overlapped = |spans: &[Span], span: &Span| {
        let i = spans.partition_point(|s| s.end <= span.start);
        spans.get(i).is_some_and(|s| s.overlaps(span))
    };
    let found_spans: Vec<Span> = found.iter().map(|m| m.span).collect();
    let matches: Vec<ListMatch> = matches.into_iter().filter(|m| !(m.gives_way && overlapped(&found_spans, &m.span))).collect();
    let match_spans: Vec<Span> = matches.iter().map(|m| m.span).collect();
    let mut found = found.into_iter().filter(|f| !overlapped(&match_spans, &f.span)).peekable();
    let mut labelled = matches.iter().filter_map(|m| match m.target {
        Target::Label(label) => Some((Mention::with(m.span, label, Evidence::new(Source::List, 0)), m.entry)),
        Target::Exclude => None,
    });
    let (mut mentions, mut entries) = (Vec::with_capacity(found_spans.len()), Vec::with_capacity(found_spans.len()));
    for (listed, entry) in labelled.by_ref() {
        while let Some(f) = found.next_if(|f| f.span.start < listed.span.start) {
            mentions.push(f);
            entries.push(None);
        }
        mentions.push(listed);
        entries.push(Some(entry));
    }
    entries.extend(found.clone().map(|_| None));
    mentions.extend(found);
    (mentions, entries)
}

#[cfg(test)]
mod tests;

//! Many texts analysed on several threads, started for one call and joined before it
//! returns: no thread outlives a call, so a process that forks afterwards (Spark's and
//! multiprocessing's workers) inherits no pool to deadlock on. The calling thread takes
//! a share of the work too, which keeps its per-thread memos warm across calls.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use textlens_protocol::{Body, Settings, Unit};

/// The answer for one text: fields, or the message of what went wrong.
pub type Outcome = Result<Body, String>;

/// Analyses one text; a panic (which must not happen) becomes that text's error
/// instead of taking the interpreter down.
pub fn one(text: &str, settings: &Settings) -> Outcome {
    let analysed = catch_unwind(AssertUnwindSafe(|| {
        textlens_protocol::analyze(text, settings, Unit::CodePoints)
    }));
    match analysed {
        Ok(outcome) => outcome.map_err(|e| e.to_string()),
        Err(_) => Err("internal error: the analysis failed on this text (please report it)".into()),
    }
}

/// Analyses every text on up to `threads` threads; answers come in the texts' order.
pub fn many(texts: &[String], settings: &Settings, threads: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    // Texts are handed out one at a time, so a long text does not hold up a whole share.
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(text) = texts.get(i) else {
                return done;
            };
            done.push((i, one(text, settings)));
        }
    };
    let mut outcomes: Vec<Option<Outcome>> = (0..texts.len()).map(|_| None).collect();
    let helpers = threads.clamp(1, texts.len().max(1)) - 1;
    thread::scope(|scope| {
        let spawned: Vec<_> = (0..helpers).map(|_| scope.spawn(work)).collect();
        let mut shares = vec![work()];
        shares.extend(spawned.into_iter().filter_map(|handle| handle.join().ok()));
        for (i, outcome) in shares.into_iter().flatten() {
            outcomes[i] = Some(outcome);
        }
    });
    // A text whose thread died unanswered (it cannot, as `one` catches panics) says so.
    outcomes
        .into_iter()
        .map(|o| o.unwrap_or_else(|| Err("internal error: the text was not analysed".into())))
        .collect()
}

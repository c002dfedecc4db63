//! Many texts analysed on several threads, started for one call and joined before it
//! returns: no thread outlives a call, so a process that forks afterwards (Spark's and
//! multiprocessing's workers) inherits no pool to deadlock on.
//!
//! Turning answers into Python objects needs the GIL, so only the calling thread can do
//! it; it took a quarter of a batch's time (1.4 s of 5.2 s of analysis on 20 MB), and
//! done after the analysis it capped two threads at 1.6 times one thread's speed. So
//! the calling thread is one of the `threads`: it analyses texts without the GIL like
//! the others, and between texts takes the GIL to convert the answers that are ready,
//! in order, a chunk at a time. Its per-thread memos stay warm across calls.

use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;
use textlens_protocol::{Body, Settings, Unit};

/// The answer for one text: fields, or the message of what went wrong.
pub type Outcome = Result<Body, String>;

/// Answers converted per taking of the GIL: few enough takings that a busy Python
/// thread elsewhere (which can hold the GIL for its 5 ms switch interval each time)
/// costs little, small enough that the answers do not pile up.
const CHUNK: usize = 64;

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

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Analyses every text (an `Err` is a text that could not be read, answered with its
/// message) on `threads` threads, the calling one included, and hands the answers to
/// `take` in the texts' order, with the GIL held.
pub fn many<'py>(
    py: Python<'py>,
    texts: &[Result<String, String>],
    settings: &Settings,
    threads: usize,
    mut take: impl FnMut(Outcome) -> PyResult<()>,
) -> PyResult<()> {
    let count = texts.len();
    let answers: Vec<Mutex<Option<Outcome>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let (filled, signal) = (Mutex::new(()), Condvar::new());
    let claim = || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&i| i < count);
    let analyse = |i: usize| {
        let outcome = match &texts[i] {
            Ok(text) => one(text, settings),
            Err(message) => Err(message.clone()),
        };
        *lock(&answers[i]) = Some(outcome);
        // Under `filled`, so a waiting caller that has just seen this answer missing
        // cannot miss the signal either.
        let _filled = lock(&filled);
        signal.notify_all();
    };
    // Answers ready from `from` on, in order, at most CHUNK.
    let ready = |from: usize| {
        (from..count)
            .take(CHUNK)
            .take_while(|&k| lock(&answers[k]).is_some())
            .count()
    };
    let helpers = threads.clamp(1, count.max(1)) - 1;
    thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|| {
                while let Some(i) = claim() {
                    analyse(i);
                }
            });
        }
        let mut converted = 0;
        while converted < count {
            let chunk = py.detach(|| loop {
                let chunk = ready(converted);
                if chunk == CHUNK || converted + chunk == count {
                    return chunk;
                }
                if let Some(i) = claim() {
                    analyse(i);
                } else if chunk > 0 {
                    return chunk;
                } else {
                    let guard = lock(&filled);
                    if lock(&answers[converted]).is_none() {
                        drop(signal.wait(guard).unwrap_or_else(|e| e.into_inner()));
                    }
                }
            });
            for answer in &answers[converted..converted + chunk] {
                let outcome = lock(answer)
                    .take()
                    .unwrap_or_else(|| Err("internal error: an answer was lost".into()));
                if let Err(error) = take(outcome) {
                    // Stop the helpers at their next text.
                    next.store(count, Ordering::Relaxed);
                    return Err(error);
                }
            }
            converted += chunk;
        }
        Ok(())
    })
}

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

/// The texts of one call and their answers, shared by its threads.
struct Work<'a> {
    texts: &'a [Result<String, String>],
    settings: &'a Settings,
    answers: Vec<Mutex<Option<Outcome>>>,
    /// The next text nobody has taken.
    next: AtomicUsize,
    /// Held while an answer is signalled, so a waiting caller cannot miss it.
    filled: Mutex<()>,
    signal: Condvar,
}

impl Work<'_> {
    /// Takes the next text, if any is left.
    fn claim(&self) -> Option<usize> {
        Some(self.next.fetch_add(1, Ordering::Relaxed)).filter(|&i| i < self.texts.len())
    }

    /// Makes the other threads stop at their next text.
    fn stop(&self) {
        self.next.store(self.texts.len(), Ordering::Relaxed);
    }

    fn analyse(&self, i: usize) {
        let outcome = match &self.texts[i] {
            Ok(text) => one(text, self.settings),
            Err(message) => Err(message.clone()),
        };
        *lock(&self.answers[i]) = Some(outcome);
        let _filled = lock(&self.filled);
        self.signal.notify_all();
    }

    /// How many answers are ready from `from` on, in order, at most CHUNK.
    fn ready(&self, from: usize) -> usize {
        (from..self.texts.len())
            .take(CHUNK)
            .take_while(|&k| lock(&self.answers[k]).is_some())
            .count()
    }

    /// The caller's turn without the GIL: it analyses texts until a chunk of answers
    /// from `from` on is ready (or all the rest are), and returns that chunk's length.
    fn next_chunk(&self, from: usize) -> usize {
        loop {
            let chunk = self.ready(from);
            if chunk == CHUNK || from + chunk == self.texts.len() {
                return chunk;
            }
            if let Some(i) = self.claim() {
                self.analyse(i);
            } else if chunk > 0 {
                return chunk;
            } else {
                let filled = lock(&self.filled);
                if lock(&self.answers[from]).is_none() {
                    drop(self.signal.wait(filled).unwrap_or_else(|e| e.into_inner()));
                }
            }
        }
    }
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
    let work = Work {
        texts,
        settings,
        answers: (0..texts.len()).map(|_| Mutex::new(None)).collect(),
        next: AtomicUsize::new(0),
        filled: Mutex::new(()),
        signal: Condvar::new(),
    };
    let helpers = threads.clamp(1, texts.len().max(1)) - 1;
    thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|| {
                while let Some(i) = work.claim() {
                    work.analyse(i);
                }
            });
        }
        let mut converted = 0;
        while converted < texts.len() {
            let chunk = py.detach(|| work.next_chunk(converted));
            for answer in &work.answers[converted..converted + chunk] {
                let outcome = lock(answer)
                    .take()
                    .unwrap_or_else(|| Err("internal error: an answer was lost".into()));
                if let Err(error) = take(outcome) {
                    work.stop();
                    return Err(error);
                }
            }
            converted += chunk;
        }
        Ok(())
    })
}

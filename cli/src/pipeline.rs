//! Documents analysed on several threads, answers written in input order, with a
//! bounded window of documents in flight so memory stays constant however long the
//! input is.
//!
//! The calling thread reads and hands out jobs, worker threads answer them in whatever
//! order they finish, and one writer thread puts the answers back in order. The core
//! keeps per-thread memos, but its results never depend on what a thread analysed
//! before, so any thread may take any document.

use crate::progress::Progress;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

/// The answer to one job.
pub struct Answer {
    /// The line to write (no line break); `None` writes nothing (a blank input line).
    pub line: Option<String>,
    /// Whether the job failed in a way that should change the exit status.
    pub failed: bool,
}

/// How many documents may be in flight at once.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    /// Jobs read but not yet written.
    pub jobs: usize,
    /// Bytes of those jobs (a single larger job is still let through alone).
    pub bytes: usize,
}

impl Window {
    /// 256 jobs or 64 MiB per thread at most: enough to keep every thread busy behind
    /// a slow document, small enough that memory stays flat on any input.
    pub fn for_threads(threads: usize) -> Window {
        Window {
            jobs: 256 * threads,
            bytes: 64 << 20,
        }
    }
}

/// What was done.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Jobs read.
    pub jobs: u64,
    /// Jobs that failed.
    pub failed: u64,
}

/// The jobs and bytes in flight, and whether the writer has stopped.
#[derive(Default)]
struct Flight {
    jobs: usize,
    bytes: usize,
    closed: bool,
}

struct Gate {
    flight: Mutex<Flight>,
    changed: Condvar,
}

impl Gate {
    /// Waits for room for a job of `bytes`; false once the writer has stopped.
    fn enter(&self, window: Window, bytes: usize) -> bool {
        let mut flight = self.flight.lock().unwrap_or_else(|e| e.into_inner());
        while !flight.closed
            && flight.jobs > 0
            && (flight.jobs >= window.jobs || flight.bytes + bytes > window.bytes)
        {
            flight = self.changed.wait(flight).unwrap_or_else(|e| e.into_inner());
        }
        flight.jobs += 1;
        flight.bytes += bytes;
        !flight.closed
    }

    fn leave(&self, bytes: usize) {
        let mut flight = self.flight.lock().unwrap_or_else(|e| e.into_inner());
        flight.jobs -= 1;
        flight.bytes -= bytes;
        self.changed.notify_all();
    }

    fn close(&self) {
        self.flight.lock().unwrap_or_else(|e| e.into_inner()).closed = true;
        self.changed.notify_all();
    }
}

/// Answers every job of `jobs` (each with its size in bytes) with `work` on `threads`
/// threads and writes the answers to `out` in input order, one per line. Stops at the
/// first error reading `jobs` or writing `out`, and returns it.
pub fn run<J, I, F, W>(
    jobs: I,
    threads: usize,
    window: Window,
    work: F,
    out: W,
    progress: Option<Progress>,
) -> io::Result<Totals>
where
    J: Send,
    I: Iterator<Item = io::Result<(J, usize)>>,
    F: Fn(J) -> Answer + Sync,
    W: Write + Send,
{
    let gate = Gate {
        flight: Mutex::new(Flight::default()),
        changed: Condvar::new(),
    };
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, J, usize)>(threads.max(1) * 2);
    // Only the workers hold the receiver: once they have all stopped (the writer failed),
    // a send fails instead of waiting for room forever.
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (answer_tx, answer_rx) = mpsc::channel::<(u64, Answer, usize)>();
    thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            let (answer_tx, job_rx, work) = (answer_tx.clone(), Arc::clone(&job_rx), &work);
            scope.spawn(move || loop {
                let next = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, job, bytes)) = next else { return };
                if answer_tx.send((seq, work(job), bytes)).is_err() {
                    return;
                }
            });
        }
        drop((answer_tx, job_rx));
        let gate = &gate;
        let writer = scope.spawn(move || {
            let result = write_in_order(answer_rx, out, gate, progress);
            gate.close();
            result
        });
        let mut read = Ok(0);
        let mut seq = 0;
        for job in jobs {
            match job {
                Ok((job, bytes)) => {
                    if !gate.enter(window, bytes) || job_tx.send((seq, job, bytes)).is_err() {
                        break;
                    }
                    seq += 1;
                }
                Err(error) => {
                    read = Err(error);
                    break;
                }
            }
        }
        drop(job_tx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread failed")));
        read?;
        let (answered, failed) = written?;
        if answered < seq {
            return Err(io::Error::other(format!(
                "{} documents were not answered (a worker thread failed)",
                seq - answered
            )));
        }
        Ok(Totals { jobs: seq, failed })
    })
}

/// Writes answers as their turn comes; returns how many were written and how many failed.
fn write_in_order<W: Write>(
    answers: mpsc::Receiver<(u64, Answer, usize)>,
    out: W,
    gate: &Gate,
    mut progress: Option<Progress>,
) -> io::Result<(u64, u64)> {
    let mut out = io::BufWriter::with_capacity(1 << 20, out);
    let mut waiting: BTreeMap<u64, (Answer, usize)> = BTreeMap::new();
    let (mut next, mut failed) = (0u64, 0u64);
    for (seq, answer, bytes) in answers {
        waiting.insert(seq, (answer, bytes));
        while let Some((answer, bytes)) = waiting.remove(&next) {
            if let Some(line) = &answer.line {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            failed += u64::from(answer.failed);
            next += 1;
            gate.leave(bytes);
            if let Some(progress) = &mut progress {
                progress.advance(bytes);
            }
        }
    }
    out.flush()?;
    if let Some(progress) = &mut progress {
        progress.finish();
    }
    Ok((next, failed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn numbers(n: u64) -> impl Iterator<Item = io::Result<(u64, usize)>> {
        (0..n).map(|i| Ok((i, 1)))
    }

    #[test]
    fn answers_keep_input_order_whatever_order_threads_finish_in() {
        let mut out = Vec::new();
        let work = |i: u64| {
            // Later jobs finish first.
            thread::sleep(Duration::from_micros((50 - i % 50) * 20));
            Answer {
                line: (i % 7 != 3).then(|| i.to_string()),
                failed: i % 10 == 0,
            }
        };
        let totals = run(
            numbers(500),
            4,
            Window {
                jobs: 16,
                bytes: 1 << 20,
            },
            work,
            &mut out,
            None,
        )
        .unwrap();
        let expected: Vec<String> = (0..500)
            .filter(|i| i % 7 != 3)
            .map(|i| i.to_string())
            .collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected.join("\n") + "\n");
        assert_eq!(
            totals,
            Totals {
                jobs: 500,
                failed: 50
            }
        );
    }

    #[test]
    fn reading_waits_while_the_window_is_full() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let produced = AtomicUsize::new(0);
        let seen_by_first = AtomicUsize::new(0);
        let jobs = (0..100u64).map(|i| {
            produced.fetch_add(1, Ordering::SeqCst);
            Ok((i, 1))
        });
        let work = |i: u64| {
            if i == 0 {
                // Until the first job is written, the reader may only fill the window.
                thread::sleep(Duration::from_millis(300));
                seen_by_first.store(produced.load(Ordering::SeqCst), Ordering::SeqCst);
            }
            Answer {
                line: Some(i.to_string()),
                failed: false,
            }
        };
        run(
            jobs,
            3,
            Window {
                jobs: 8,
                bytes: 1 << 20,
            },
            work,
            io::sink(),
            None,
        )
        .unwrap();
        let seen = seen_by_first.load(Ordering::SeqCst);
        assert!(
            (8..=9).contains(&seen),
            "help: {seen} jobs were read while the first of a window of 8 was in flight"
        );
    }

    #[test]
    fn a_failing_writer_stops_the_run_with_its_error() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            }
        }
        let work = |i: u64| Answer {
            line: Some("x".repeat(1 << 16) + &i.to_string()),
            failed: false,
        };
        let error = run(
            numbers(1_000_000),
            2,
            Window {
                jobs: 64,
                bytes: 1 << 20,
            },
            work,
            Broken,
            None,
        )
        .unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}

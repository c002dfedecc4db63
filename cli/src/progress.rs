//! Progress on stderr, shown only when stderr is a terminal.

use std::io::Write;
use std::time::{Duration, Instant};

/// Redrawn at most this often, so a fast run spends nothing noticeable on it.
const EVERY: Duration = Duration::from_millis(250);

/// Documents and bytes done so far, redrawn on one terminal line.
pub struct Progress {
    started: Instant,
    shown: Instant,
    documents: u64,
    bytes: u64,
}

impl Progress {
    /// Progress starting now.
    pub fn new() -> Self {
        let now = Instant::now();
        Progress {
            started: now,
            shown: now,
            documents: 0,
            bytes: 0,
        }
    }

    /// One more document of `bytes` done.
    pub fn advance(&mut self, bytes: usize) {
        self.documents += 1;
        self.bytes += bytes as u64;
        if self.shown.elapsed() >= EVERY {
            self.shown = Instant::now();
            self.draw("");
        }
    }

    /// Draws the totals and ends the line.
    pub fn finish(&mut self) {
        self.draw("\n");
    }

    fn draw(&self, end: &str) {
        let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
        let megabytes = self.bytes as f64 / 1e6;
        let line = format!(
            "\rtextlens: {} documents, {:.1} MB, {:.0} documents/s, {:.2} MB/s{end}",
            self.documents,
            megabytes,
            self.documents as f64 / seconds,
            megabytes / seconds
        );
        // Progress is a courtesy: a failed write to stderr changes nothing.
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}

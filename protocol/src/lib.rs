//! The JSON Lines protocol of textlens (`PROTOCOL.md`), written once for the native
//! command line and the Python package, so both answer as `node pkg/cli.mjs --jsonl`:
//!
//! 1. [`json`]: lines are read and written with JavaScript's JSON rules.
//! 2. [`options`]: a request's options become API options and output sections.
//! 3. [`line`]: the analysis becomes the answer's fields ([`Body`]), with offsets in
//!    the caller's [`Unit`] ([`offsets`]): UTF-16 code units for the command line,
//!    code points for Python.
#![deny(missing_docs)]

pub mod json;
pub mod line;
#[cfg(not(target_arch = "wasm32"))]
pub mod math;
pub mod offsets;
pub mod options;

pub use json::{JsObject, JsString, Value};
pub use line::{analyze, answer, is_blank, write_answer, Body};
pub use offsets::Unit;
pub use options::{Defaults, Sections, Settings};

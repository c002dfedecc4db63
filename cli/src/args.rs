//! The command line's arguments, read as `js/cli.mjs` reads them, plus `--threads`.

use std::ffi::OsString;
use std::path::PathBuf;
use textlens_protocol::json::Parser;
use textlens_protocol::options::camel;
use textlens_protocol::{Defaults, JsObject, Value};

/// Help text.
pub const USAGE: &str = "usage:
  textlens --jsonl [OPTIONS] [FILE|DIR...]  read {\"id\",\"text\",\"options\"} lines (from stdin when no
                                           file is given), write one answer line each, in order
  textlens [OPTIONS] FILE|DIR...            analyse each file as one document (a directory: every
                                           file under it, sorted); one answer line each, \"id\" = path

options (apply to every text; a line's own \"options\" override them):
  --keywords N            key phrases to return (default 10)
  --terms N               frequent terms to return (default 20)
  --max-phrase-words N    longest key phrase in words, 1-4 (default 4)
  --summary-sentences N   sentences in the summary (default 3)
  --summary-ratio R       summary length as a share of the sentences, (0, 1]
  --words-per-minute N    reading speed for the reading time (default 230)
  --max-length N          longest accepted text in UTF-16 code units
  --entity-lists FILE     your entity lists, a JSON object of phrases by label and \"exclude\"
                          (see the README); a line's own \"entity_lists\" replaces them
  --language CODE         the texts' language: auto (default: detected per text) or an
                          ISO 639-1 code such as de, fr, es
  --threads N             documents analysed at once (default: every core)
  -h, --help              this help

Answers are those of `node pkg/cli.mjs --jsonl`, byte for byte, with offsets in UTF-16
code units. Progress goes to stderr when it is a terminal.";

/// What to do.
#[derive(Debug, PartialEq)]
pub enum Mode {
    /// Print the help.
    Help,
    /// Answer protocol lines from these files (stdin when empty).
    Protocol(Vec<PathBuf>),
    /// Analyse each of these files as one document.
    Files(Vec<PathBuf>),
}

/// The parsed command line.
#[derive(Debug)]
pub struct Args {
    /// What to do.
    pub mode: Mode,
    /// API options from flags (camelCase names), the defaults of every line.
    pub defaults: Defaults,
    /// Worker threads.
    pub threads: usize,
}

/// `Number(text)` of JavaScript for a flag's value: decimal with optional sign, point
/// and exponent, or `0x`/`0o`/`0b` integers, surrounded by white space.
pub fn js_number(text: &str) -> Option<f64> {
    let text = text.trim_matches(|c: char| textlens_protocol::is_blank(c.encode_utf8(&mut [0; 4])));
    let radix = match text.get(..2) {
        Some("0x" | "0X") => 16,
        Some("0o" | "0O") => 8,
        Some("0b" | "0B") => 2,
        _ => 10,
    };
    if radix != 10 {
        let digits = &text[2..];
        if digits.is_empty() {
            return None;
        }
        return digits.chars().try_fold(0.0, |n, c| {
            c.to_digit(radix)
                .map(|d| n * f64::from(radix) + f64::from(d))
        });
    }
    match text.trim_start_matches(['+', '-']) {
        "Infinity" => {
            return Some(if text.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "" => return Some(0.0),
        _ => {}
    }
    // Rust also reads "inf" and "nan", which JavaScript does not.
    let decimal = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E'));
    decimal.then(|| text.parse().ok()).flatten()
}

/// The lists of `--entity-lists FILE`, checked now so that a mistake names the file.
fn entity_lists(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => format!("--entity-lists {path}: no such file"),
        _ => format!("--entity-lists {path}: {error}"),
    })?;
    let value = Parser::parse(&text)
        .map_err(|e| format!("--entity-lists {path}: not JSON: {} at position {}", e.message, e.position))?;
    let mut alone = JsObject::new();
    alone.insert("entityLists".into(), value);
    Defaults::new(alone.clone()).map_err(|error| format!("--entity-lists {path}: {error}"))?;
    Ok(alone.get("entityLists").cloned().unwrap_or(Value::Null))
}

fn threads(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "option --threads needs a whole number of at least 1, got \"{value}\""
        )),
    }
}

/// Reads the arguments after the program's name.
pub fn parse(argv: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
    let argv: Vec<String> = argv
        .into_iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut files = Vec::new();
    let mut defaults = JsObject::new();
    let mut jsonl = false;
    let mut thread_count = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut rest = argv.iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            files.extend(rest.by_ref().map(PathBuf::from));
        } else if arg == "-h" || arg == "--help" {
            return Ok(Args {
                mode: Mode::Help,
                defaults: defaults.into(),
                threads: thread_count,
            });
        } else if arg == "--jsonl" {
            jsonl = true;
        } else if arg == "--compact" {
            // Node's files mode prints a compact array with it; answers here are always one line each.
        } else if let Some(flag) = arg.strip_prefix("--") {
            let (name, inline) = match flag.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (flag, None),
            };
            let raw = inline
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| format!("option --{name} needs a value"))?;
            if name == "threads" {
                thread_count = threads(&raw)?;
                continue;
            }
            if camel(name) == "entityLists" {
                defaults.insert(camel(name).into(), entity_lists(&raw)?);
                continue;
            }
            if name == "language" {
                defaults.insert(name.into(), Value::String(raw.as_str().into()));
                continue;
            }
            let value =
                js_number(&raw).filter(|n| n.is_finite() && !textlens_protocol::is_blank(&raw));
            let value =
                value.ok_or_else(|| format!("option --{name} needs a number, got \"{raw}\""))?;
            defaults.insert(camel(name).into(), Value::Number(value));
        } else {
            files.push(PathBuf::from(arg));
        }
    }
    let mode = match (jsonl, files.is_empty()) {
        (true, _) => Mode::Protocol(files),
        (false, false) => Mode::Files(files),
        (false, true) => {
            return Err("no input: give --jsonl, or files and directories to analyse".into())
        }
    };
    // The lists were read above; read again, they are found in the core's cache.
    let defaults = Defaults::new(defaults).map_err(|error| error.to_string())?;
    Ok(Args {
        mode,
        defaults,
        threads: thread_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Args, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn numbers_read_as_javascript_reads_them() {
        for (text, expected) in [
            ("5", 5.0),
            (" 7 ", 7.0),
            ("1e3", 1000.0),
            ("0x10", 16.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("-2", -2.0),
        ] {
            assert_eq!(js_number(text), Some(expected), "{text}");
        }
        for text in ["abc", "1e", "inf", "nan", "0x", "1_0", "--1"] {
            assert_eq!(js_number(text), None, "{text}");
        }
        assert_eq!(js_number("Infinity"), Some(f64::INFINITY));
    }

    #[test]
    fn flags_become_camel_case_defaults() {
        let args = parsed(&[
            "--keywords",
            "5",
            "--summary-sentences=2",
            "--threads",
            "3",
            "--jsonl",
        ])
        .unwrap();
        assert_eq!(args.mode, Mode::Protocol(vec![]));
        assert_eq!(args.threads, 3);
        let names: Vec<String> = args
            .defaults
            .object()
            .iter()
            .map(|(k, _)| k.to_string_lossy())
            .collect();
        assert_eq!(names, ["keywords", "summarySentences"]);
        let german = parsed(&["--language", "de", "--jsonl"]).unwrap();
        assert_eq!(german.defaults.object().get("language"), Some(&Value::String("de".into())));
    }

    #[test]
    fn files_help_and_mistakes() {
        assert_eq!(
            parsed(&["a.txt", "--", "--b"]).unwrap().mode,
            Mode::Files(vec!["a.txt".into(), "--b".into()])
        );
        assert_eq!(
            parsed(&["--keywords", "1000", "--help"]).unwrap().mode,
            Mode::Help
        );
        assert!(parsed(&["--keywords"])
            .unwrap_err()
            .contains("needs a value"));
        assert!(parsed(&["--keywords", "ten", "x"])
            .unwrap_err()
            .contains("needs a number, got \"ten\""));
        assert!(parsed(&["--keywords", " ", "x"]).is_err());
        assert!(parsed(&["--threads", "0", "--jsonl"]).is_err());
        assert!(parsed(&[]).is_err());
    }
}

//! `textlens`, the native command line: the JSON Lines protocol of `node pkg/cli.mjs
//! --jsonl`, answered line for line with the same bytes, on all cores.

mod args;
mod input;
mod pipeline;
mod progress;

use args::{Args, Mode};
use input::{Files, Lines};
use pipeline::{Answer, Window};
use progress::Progress;
use std::fs;
use std::io::{self, BufReader, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use textlens_protocol::{answer, is_blank, write_answer, Settings, Unit, Value};

/// Text of input bytes, invalid UTF-8 replaced by U+FFFD as Node decodes it.
fn decode(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Every line of every stream `paths` name (stdin for none or `-`), in order, with its
/// size. A file that cannot be opened is reported and flagged in `failed`, and the
/// others are still read.
fn protocol_lines<'a>(
    paths: &'a [PathBuf],
    failed: &'a AtomicBool,
) -> Box<dyn Iterator<Item = io::Result<(Vec<u8>, usize)>> + 'a> {
    let sized = |line: io::Result<Vec<u8>>| {
        line.map(|l| {
            let size = l.len();
            (l, size)
        })
    };
    if paths.is_empty() || paths == [PathBuf::from("-")] {
        return Box::new(Lines::new(io::stdin().lock()).map(sized));
    }
    let lines = Files::new(paths).flat_map(
        move |file| -> Box<dyn Iterator<Item = io::Result<Vec<u8>>>> {
            let opened = file.and_then(|path| {
                fs::File::open(&path)
                    .map(|f| (path.clone(), f))
                    .map_err(|e| (path, e))
            });
            match opened {
                Ok((path, file)) => Box::new(
                    Lines::new(BufReader::with_capacity(1 << 20, file)).map(move |line| {
                        line.map_err(|e| {
                            io::Error::new(e.kind(), format!("{}: {e}", path.display()))
                        })
                    }),
                ),
                Err((path, error)) => {
                    eprintln!("textlens: {}: {error}", path.display());
                    failed.store(true, Ordering::Relaxed);
                    Box::new(std::iter::empty())
                }
            }
        },
    );
    Box::new(lines.map(sized))
}

fn run_protocol(args: &Args, paths: &[PathBuf]) -> io::Result<pipeline::Totals> {
    let defaults = &args.defaults;
    let work = |line: Vec<u8>| {
        let line = decode(line);
        // A blank line (such as a final empty one) carries no document.
        let line = (!is_blank(&line)).then(|| answer(&line, defaults, Unit::Utf16));
        Answer {
            line,
            failed: false,
        }
    };
    let progress = io::stderr().is_terminal().then(Progress::new);
    let unreadable = AtomicBool::new(false);
    let lines = protocol_lines(paths, &unreadable);
    let mut totals = pipeline::run(
        lines,
        args.threads,
        Window::for_threads(args.threads),
        work,
        io::stdout(),
        progress,
    )?;
    totals.failed += u64::from(unreadable.load(Ordering::Relaxed));
    Ok(totals)
}

/// One answer per file, its path as the `id`; a file or directory that cannot be read
/// gets an error line.
fn run_files(args: &Args, paths: &[PathBuf], settings: &Settings) -> io::Result<pipeline::Totals> {
    let work = |file: Result<PathBuf, (PathBuf, io::Error)>| {
        let read = file.and_then(|path| {
            fs::read(&path)
                .map(|bytes| (path.clone(), bytes))
                .map_err(|e| (path, e))
        });
        match read {
            Ok((path, bytes)) => {
                let id = Value::String(path.to_string_lossy().as_ref().into());
                let text = decode(bytes);
                let outcome = textlens_protocol::analyze(&text, settings, Unit::Utf16)
                    .map_err(|e| e.to_string());
                let failed = outcome.is_err();
                Answer {
                    line: Some(write_answer(&id, outcome)),
                    failed,
                }
            }
            Err((path, error)) => {
                eprintln!("textlens: {}: {error}", path.display());
                let id = Value::String(path.to_string_lossy().as_ref().into());
                Answer {
                    line: Some(write_answer(&id, Err(error.to_string()))),
                    failed: true,
                }
            }
        }
    };
    let files = Files::new(paths).map(|file| Ok((file, 0)));
    let progress = io::stderr().is_terminal().then(Progress::new);
    pipeline::run(
        files,
        args.threads,
        Window::for_threads(args.threads),
        work,
        io::stdout(),
        progress,
    )
}

fn main() -> ExitCode {
    let args = match args::parse(std::env::args_os().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("textlens: {message}\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    if args.mode == Mode::Help {
        println!("{}", args::USAGE);
        return ExitCode::SUCCESS;
    }
    // Bad command-line options fail before any work, as `analyze('', options)` does in Node.
    let settings = match Settings::new(&args.defaults, None) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("textlens: {message}");
            return ExitCode::from(2);
        }
    };
    let outcome = match &args.mode {
        Mode::Help => return ExitCode::SUCCESS,
        Mode::Protocol(paths) => run_protocol(&args, paths),
        Mode::Files(paths) => run_files(&args, paths, &settings),
    };
    match outcome {
        Ok(totals) if totals.failed == 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // A closed stdout (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("textlens: {error}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn defaults_reach_every_line() {
        let mut defaults = textlens_protocol::JsObject::new();
        defaults.insert("keywords".into(), textlens_protocol::Value::Number(1.0));
        let line = textlens_protocol::answer(
            r#"{"id":1,"text":"Solar panels and solar power. Wind power and wind farms."}"#,
            &defaults.into(),
            textlens_protocol::Unit::Utf16,
        );
        assert_eq!(line.matches("\"score\"").count(), 1, "{line}");
    }
}

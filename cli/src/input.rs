//! Where documents come from: lines of JSON Lines streams, or files named on the command
//! line (directories stand for the files under them).

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufRead};
use std::path::PathBuf;

/// Lines of a stream, split where Node's `readline` splits them: at `\n`, `\r\n` and a
/// lone `\r`. Each line is read whole, so memory follows the longest line, not the
/// stream.
pub struct Lines<R> {
    reader: R,
    /// Lines already split off the last read, in order.
    pending: VecDeque<Vec<u8>>,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`.
    pub fn new(reader: R) -> Self {
        Lines {
            reader,
            pending: VecDeque::new(),
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(line) = self.pending.pop_front() {
                return Some(Ok(line));
            }
            if self.done {
                return None;
            }
            let mut buffer = Vec::new();
            match self.reader.read_until(b'\n', &mut buffer) {
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
            }
            if buffer.last() == Some(&b'\n') {
                buffer.pop();
                if buffer.last() == Some(&b'\r') {
                    buffer.pop();
                }
            }
            if buffer.contains(&b'\r') {
                self.pending
                    .extend(buffer.split(|&b| b == b'\r').map(<[u8]>::to_vec));
            } else {
                return Some(Ok(buffer));
            }
        }
    }
}

/// The files that `paths` name, in order: a file as given, a directory as every file
/// under it (recursively, sorted by name, hidden entries and links to directories
/// skipped). Listed lazily, one directory at a time.
pub struct Files {
    /// Paths still to expand, the next one last.
    stack: Vec<PathBuf>,
}

impl Files {
    /// The files of `paths`.
    pub fn new(paths: &[PathBuf]) -> Self {
        Files {
            stack: paths.iter().rev().cloned().collect(),
        }
    }
}

impl Iterator for Files {
    /// A file, or an error naming the path that could not be listed.
    type Item = Result<PathBuf, (PathBuf, io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(path) = self.stack.pop() {
            let is_dir = fs::symlink_metadata(&path)
                .map(|m| m.is_dir())
                .unwrap_or(false);
            if !is_dir {
                // A missing or unreadable file is reported when it is read.
                return Some(Ok(path));
            }
            let listed =
                fs::read_dir(&path).and_then(|entries| entries.collect::<io::Result<Vec<_>>>());
            let mut entries = match listed {
                Ok(entries) => entries,
                Err(error) => return Some(Err((path, error))),
            };
            entries.sort_by_key(|e| e.file_name());
            for entry in entries.into_iter().rev() {
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                let file_type = entry.file_type();
                let keep = match file_type {
                    Ok(t) if t.is_symlink() => {
                        fs::metadata(entry.path()).is_ok_and(|m| m.is_file())
                    }
                    Ok(t) => t.is_file() || t.is_dir(),
                    Err(_) => true,
                };
                if !hidden && keep {
                    self.stack.push(entry.path());
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<String> {
        Lines::new(input)
            .map(|l| String::from_utf8(l.unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn lines_split_as_node_readline_splits_them() {
        assert_eq!(lines(b"a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(lines(b"a\r\r\n\n"), ["a", "", ""]);
        assert_eq!(lines(b""), Vec::<String>::new());
        assert_eq!(lines(b"x\n"), ["x"]);
    }

    #[test]
    fn directories_list_their_files_sorted_and_recursively() {
        let root = std::env::temp_dir().join(format!("textlens-files-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("b/inner")).unwrap();
        for name in ["a.txt", "b/inner/z.txt", "b/c.txt", ".hidden", "c.txt"] {
            fs::write(root.join(name), "x").unwrap();
        }
        let found: Vec<PathBuf> = Files::new(&[root.clone(), PathBuf::from("missing.txt")])
            .map(|f| f.unwrap())
            .collect();
        let expected: Vec<PathBuf> = ["a.txt", "b/c.txt", "b/inner/z.txt", "c.txt"]
            .iter()
            .map(|n| root.join(n))
            .chain([PathBuf::from("missing.txt")])
            .collect();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(found, expected);
    }
}

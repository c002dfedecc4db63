//! The shape of the source tree, checked: no module imports a module that imports it
//! back (directly or round a longer circle), and no source file in `src/` is over
//! `MAX_LINES` lines before its tests.
//!
//! Every file of `src/` is a module (`lib.rs` is `crate`, `a/mod.rs` and `a.rs` are
//! `crate::a`, `a/b.rs` is `crate::a::b`). A module imports another when its code
//! (its `#[cfg(test)] mod tests` left out) names a path into it: a `use` of
//! `crate::…`, `super::…`, `self::…` or of a child module, or such a path written in
//! the code (`crate::language::detect(…)`, `model::Tagger::builtin()`). A path is
//! taken to the deepest module it names, so `use super::Tagger` in `model/forms.rs`
//! imports `model` itself, and a parent's `pub use child::X` imports the child:
//! children import their siblings, never the parent that re-exports them. Declaring
//! a child (`mod child;`) is not an import.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longest non-test part of a source file (the developers' guide says ~700).
const MAX_LINES: usize = 700;

/// A module's path, segments joined by `::`, starting with `crate`.
type Module = String;

/// One source file: its module and its code, tests cut off.
struct Source {
    module: Module,
    path: String,
    code: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).expect("src/ is readable").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` → `crate::a::b`; `src/a/mod.rs` → `crate::a`; `src/lib.rs` → `crate`.
fn module_of(relative: &str) -> Module {
    let trimmed = relative.trim_end_matches(".rs");
    let mut parts: Vec<&str> = trimmed.split('/').collect();
    if matches!(parts.last(), Some(&"mod") | Some(&"lib")) {
        parts.pop();
    }
    std::iter::once("crate").chain(parts).collect::<Vec<_>>().join("::")
}

/// The text before the file's `#[cfg(test)] mod tests`, if it has one.
fn without_tests(text: &str) -> &str {
    let mut at = 0;
    while let Some(found) = text[at..].find("#[cfg(test)]") {
        let start = at + found;
        let rest = text[start + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod tests") {
            return &text[..start];
        }
        at = start + 1;
    }
    text
}

/// `code` with comments, string literals and character literals blanked out (line
/// breaks kept), so that a path in a doc comment or a string is not an import.
fn strip(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"') | Some('#')) && !chars.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric() || *p == '_') {
            // A raw string: r"…", r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let mut j = i + 2 + hashes;
            while j < chars.len() && !chars[j..].starts_with(&close) {
                j += 1;
            }
            let end = (j + close.len()).min(chars.len());
            chars[i..end].iter().for_each(|&c| out.push(blank(c)));
            i = end;
        } else if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(chars.len());
            chars[i..end].iter().for_each(|&c| out.push(blank(c)));
            i = end;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{FEFF}'), not a lifetime ('a).
            let len = if next == Some('\\') {
                chars.get(i + 3..).and_then(|rest| rest.iter().position(|&q| q == '\'')).map(|p| p + 4)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(3)
            } else {
                None
            };
            match len {
                Some(len) => {
                    let end = (i + len).min(chars.len());
                    chars[i..end].iter().for_each(|&c| out.push(blank(c)));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The paths of a `use` tree ("a::{b, c::{self, D}}" → a::b, a::c, a::c::D), each as
/// its segments.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn walk(prefix: &[String], tree: &str, out: &mut Vec<Vec<String>>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(inner) = tree.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        walk(prefix, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            walk(prefix, &inner[start..], out);
            return;
        }
        match tree.find("::") {
            Some(at) if !tree[..at].contains('{') => {
                let mut longer = prefix.to_vec();
                longer.push(tree[..at].trim().to_owned());
                walk(&longer, &tree[at + 2..], out);
            }
            _ => {
                let last = tree.split(" as ").next().unwrap_or(tree).trim();
                let mut path = prefix.to_vec();
                if last != "self" && last != "*" {
                    path.push(last.to_owned());
                }
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&[], tree, &mut out);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path of `code` (comments and literals stripped): those of its `use` items,
/// and those of two or more segments written elsewhere.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = String::with_capacity(code.len());
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        let starts_item = !code[..start].chars().next_back().is_some_and(is_ident);
        let Some(end) = code[start..].find(';').map(|e| start + e) else { break };
        if starts_item {
            rest.push_str(&code[at..start]);
            out.extend(use_paths(&code[start + 4..end]));
            at = end + 1;
        } else {
            rest.push_str(&code[at..start + 4]);
            at = start + 4;
        }
    }
    rest.push_str(&code[at..]);
    let chars: Vec<char> = rest.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i]) || (i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && is_ident(chars[j]) {
                j += 1;
            }
            segments.push(chars[start..j].iter().collect::<String>());
            if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') && chars.get(j + 2).is_some_and(|&c| is_ident(c)) {
                j += 2;
            } else {
                break;
            }
        }
        if segments.len() >= 2 {
            out.push(segments);
        }
        i = j.max(i + 1);
    }
    out
}

fn parent(module: &str) -> Option<&str> {
    module.rfind("::").map(|at| &module[..at])
}

/// The module that `path`, written in `from`, leads into: the deepest known module its
/// leading segments name. `None` when it names no module of the crate (`std::…`, a
/// local item).
fn target(from: &str, path: &[String], modules: &BTreeSet<Module>) -> Option<Module> {
    let first = path.first()?;
    let mut module: Module = match first.as_str() {
        "crate" => "crate".to_owned(),
        "self" => from.to_owned(),
        "super" => parent(from)?.to_owned(),
        name => {
            let child = format!("{from}::{name}");
            if !modules.contains(&child) {
                return None;
            }
            child
        }
    };
    for segment in &path[1..] {
        if segment == "super" {
            module = parent(&module)?.to_owned();
            continue;
        }
        let deeper = format!("{module}::{segment}");
        if !modules.contains(&deeper) {
            break;
        }
        module = deeper;
    }
    Some(module)
}

/// Which modules each module imports (never itself).
fn import_graph(sources: &[Source]) -> BTreeMap<Module, BTreeSet<Module>> {
    let modules: BTreeSet<Module> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for source in sources {
        let edges = graph.entry(source.module.clone()).or_default();
        for path in paths(&strip(&source.code)) {
            if let Some(to) = target(&source.module, &path, &modules).filter(|to| *to != source.module) {
                edges.insert(to);
            }
        }
    }
    graph
}

/// Each circle of imports, as the modules round it (the first repeated at the end);
/// one circle per strongly connected group of modules.
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    let reaches = |from: &Module| {
        let mut seen: BTreeSet<Module> = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let mut grouped: BTreeSet<Module> = BTreeSet::new();
    let mut found = Vec::new();
    for start in graph.keys() {
        if grouped.contains(start) || !reaches(start).contains(start) {
            continue;
        }
        // The shortest way round from `start`, found breadth first.
        let mut back: BTreeMap<Module, Module> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        'search: while let Some(m) = queue.pop_front() {
            for next in graph.get(&m).into_iter().flatten() {
                if next == start {
                    back.insert(start.clone(), m.clone());
                    break 'search;
                }
                if !back.contains_key(next) {
                    back.insert(next.clone(), m.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        let mut circle = vec![start.clone()];
        let mut m = back.get(start).cloned();
        while let Some(previous) = m.filter(|p| p != start) {
            circle.push(previous.clone());
            m = back.get(&previous).cloned();
        }
        circle.push(start.clone());
        circle.reverse();
        let members = reaches(start);
        grouped.extend(graph.keys().filter(|m| members.contains(*m) && reaches(m).contains(start)).cloned());
        found.push(circle);
    }
    found
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files
        .iter()
        .map(|file| {
            let relative = file.strip_prefix(root.join("src")).expect("inside src/").to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(file).expect("source files are UTF-8");
            Source { module: module_of(&relative), path: format!("src/{relative}"), code: without_tests(&text).to_owned() }
        })
        .collect()
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let sources = sources();
    let graph = import_graph(&sources);
    // The graph must be the real one, or an empty graph would pass.
    for (from, to) in [("crate::analysis", "crate::text"), ("crate::summary", "crate::keywords"), ("crate", "crate::analysis")] {
        assert!(graph.get(from).is_some_and(|edges| edges.contains(to)), "help: the import graph misses {from} → {to}: {graph:#?}");
    }
    let mut report: Vec<String> = cycles(&graph).iter().map(|c| format!("circle: {}", c.join(" → "))).collect();
    for (from, edges) in &graph {
        for to in edges.iter().filter(|to| *to > from && graph.get(*to).is_some_and(|back| back.contains(from))) {
            report.push(format!("pair: {from} ⇄ {to}"));
        }
    }
    assert!(report.is_empty(), "help: modules import each other (one circle per group of modules, then every pair):\n{}", report.join("\n"));
}

#[test]
fn no_source_file_is_over_the_limit_before_its_tests() {
    let long: Vec<String> = sources()
        .iter()
        .map(|s| (s.path.clone(), s.code.lines().count()))
        .filter(|&(_, lines)| lines > MAX_LINES)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert!(long.is_empty(), "help: split these files along their concerns (at most {MAX_LINES} lines before the tests):\n{}", long.join("\n"));
}

fn graph_of(files: &[(&str, &str)]) -> BTreeMap<Module, BTreeSet<Module>> {
    let sources: Vec<Source> = files
        .iter()
        .map(|&(path, code)| Source { module: module_of(path), path: path.to_owned(), code: without_tests(code).to_owned() })
        .collect();
    import_graph(&sources)
}

#[test]
fn the_checker_finds_circles_of_every_kind() {
    // Two modules naming each other, once through `use` and once in code.
    let graph = graph_of(&[
        ("lib.rs", "pub mod text; pub mod language;"),
        ("text/mod.rs", "fn f(d: &D) -> &str { crate::language::detect(d) }"),
        ("language.rs", "use crate::text::{Document, TokenKind};"),
    ]);
    assert_eq!(cycles(&graph), [vec!["crate::language", "crate::text", "crate::language"]]);
    // A parent re-exporting a child that uses the parent, and siblings in a `use` tree.
    let graph = graph_of(&[
        ("lib.rs", "mod model;"),
        ("model/mod.rs", "mod forms; mod tags; pub use self::forms::Forms;"),
        ("model/forms.rs", "use super::{tags::NTAGS, Tagger};"),
        ("model/tags.rs", "pub const NTAGS: usize = 17;"),
    ]);
    assert_eq!(cycles(&graph), [vec!["crate::model", "crate::model::forms", "crate::model"]]);
    assert!(graph["crate::model::forms"].contains("crate::model::tags"));
    // A circle of three, found however the files are ordered.
    let graph = graph_of(&[
        ("a.rs", "use crate::b::X;"),
        ("b.rs", "pub fn f() { super::c::g() }"),
        ("c.rs", "pub(crate) use crate::a as aa;"),
        ("lib.rs", "mod a; mod b; mod c;"),
    ]);
    assert_eq!(cycles(&graph), [vec!["crate::a", "crate::b", "crate::c", "crate::a"]]);
}

#[test]
fn the_checker_ignores_comments_strings_tests_and_declarations() {
    let graph = graph_of(&[
        ("lib.rs", "pub mod a; pub mod b;"),
        (
            "a.rs",
            "//! See [`crate::b::f`].\n/* crate::b::g */\nconst S: &str = \"crate::b::h\";\nconst R: &str = r#\"use crate::b;\"#;\nfn f<'a>(c: char) -> bool { c == '\\'' }\n#[cfg(test)]\nmod tests { use crate::b::f; }",
        ),
        ("b.rs", "use crate::a::f; pub fn f() {}"),
    ]);
    assert_eq!(graph["crate::a"], BTreeSet::new());
    assert!(cycles(&graph).is_empty());
}

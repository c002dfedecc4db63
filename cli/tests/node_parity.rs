//! The native command line answers every line with the same bytes as the Node one
//! (`node pkg/cli.mjs --jsonl`): on the seeds, on every dev set of `../shared/data`, and
//! on lines built to hurt. Needs `pkg/` (`make build`) and Node; `make test-native`
//! runs it against the release binary (TEXTLENS_BIN), a plain `cargo test` against the
//! debug one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn native_binary() -> PathBuf {
    // A relative TEXTLENS_BIN is taken from the repository's root, where `make` runs.
    std::env::var_os("TEXTLENS_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_textlens")),
        |bin| root().join(bin),
    )
}

/// The Node command line of the built package, or None (with a notice) when it is not built.
fn node_cli() -> Option<PathBuf> {
    let cli = root().join("pkg/cli.mjs");
    if cli.exists() {
        Some(cli)
    } else {
        println!("skipped: pkg/ is not built (run `make build`), so there is no Node output to compare with");
        None
    }
}

fn run(program: &Path, args: &[&str], input: &[u8]) -> Vec<u8> {
    let (program, args): (&Path, Vec<&str>) = if program.extension().is_some_and(|e| e == "mjs") {
        (
            Path::new("node"),
            [program.to_str().unwrap_or_default()]
                .into_iter()
                .chain(args.iter().copied())
                .collect(),
        )
    } else {
        (program, args.to_vec())
    };
    let mut child = Command::new(program)
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("{} could not start: {e}", program.display()));
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("the command runs");
    feeder
        .join()
        .expect("the input is written")
        .expect("the input is written");
    assert!(
        output.status.success(),
        "{} {args:?} exited with {}",
        program.display(),
        output.status
    );
    output.stdout
}

/// Line-by-line comparison; lines whose input is not JSON may differ in the parser's
/// error message only.
fn assert_same(node: &[u8], native: &[u8], not_json: &[bool], what: &str) {
    let node: Vec<&[u8]> = node.split(|&b| b == b'\n').collect();
    let native: Vec<&[u8]> = native.split(|&b| b == b'\n').collect();
    assert_eq!(
        node.len(),
        native.len(),
        "{what}: Node wrote {} lines, native {}",
        node.len(),
        native.len()
    );
    let prefix: &[u8] = br#"{"id":null,"error":""#;
    for (i, (a, b)) in node.iter().zip(&native).enumerate() {
        if not_json.get(i).copied().unwrap_or(false) {
            assert!(
                a.starts_with(prefix) && b.starts_with(prefix),
                "{what}, line {}: both must report bad JSON",
                i + 1
            );
        } else {
            assert!(
                a == b,
                "{what}, line {}: answers differ\n  node:   {}\n  native: {}",
                i + 1,
                String::from_utf8_lossy(a),
                String::from_utf8_lossy(b)
            );
        }
    }
}

fn compare(input: &[u8], not_json: &[bool], args: &[&str], what: &str) {
    let Some(node) = node_cli() else { return };
    let expected = run(&node, &[&["--jsonl"], args].concat(), input);
    for threads in ["1", "3"] {
        let native = run(
            &native_binary(),
            &[&["--jsonl", "--threads", threads], args].concat(),
            input,
        );
        assert_same(
            &expected,
            &native,
            not_json,
            &format!("{what} (--threads {threads})"),
        );
    }
}

fn seed_lines() -> Vec<u8> {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/ is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let options = [
        "null",
        r#"{"keywords":3,"summary_sentences":1}"#,
        r#"{"entities":false,"terms":false}"#,
        r#"{"summary_ratio":0.5}"#,
    ];
    let mut lines = Vec::new();
    for (i, seed) in seeds.iter().enumerate() {
        let text = std::fs::read_to_string(seed).expect("a UTF-8 seed");
        let text = serde_json::to_string(&text).expect("a string");
        for (j, options) in options.iter().enumerate() {
            writeln!(
                lines,
                r#"{{"id":"{i}-{j}","text":{text},"options":{options}}}"#
            )
            .expect("in memory");
        }
    }
    lines
}

#[test]
fn seeds_with_options() {
    compare(&seed_lines(), &[], &[], "seeds");
    compare(
        &seed_lines(),
        &[],
        &["--keywords", "4", "--summary-sentences=1"],
        "seeds with flags",
    );
}

#[test]
fn every_dev_set() {
    let data = std::env::var_os("TEXTLENS_DATA")
        .map_or_else(|| root().join("../shared/data"), PathBuf::from);
    if !data.is_dir() {
        println!("skipped: ../shared/data not found");
        return;
    }
    let mut sets = Vec::new();
    let mut dirs = vec![data];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("a readable data folder")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with("dev.jsonl"))
            {
                sets.push(path);
            }
        }
    }
    sets.sort();
    assert!(
        !sets.is_empty(),
        "help: ../shared/data holds no *dev.jsonl file"
    );
    for set in sets {
        let input = std::fs::read(&set).expect("a readable dev set");
        compare(&input, &[], &[], &set.display().to_string());
    }
}

/// Lines built to hurt, each with whether it is invalid JSON (whose error text may differ).
fn nasty_lines() -> Vec<(Vec<u8>, bool)> {
    let deep = |n: usize| {
        format!(
            r#"{{"id":{}1{},"text":"a"}}"#,
            "[{\"k\":".repeat(n),
            "}]".repeat(n)
        )
    };
    let mut lines: Vec<(Vec<u8>, bool)> = [
        r#"{"id":"empty","text":""}"#,
        r#"{"id":"emoji","text":"👩‍👩‍👧 Family 🇫🇷 in Paris with Angela Merkel 😊. Café—naïve résumé. 北京 is big. ́ combining"}"#,
        r#"{"id":"escapes","text":"Line\nbreak\r\nand\ttab \u0000 nul \u2028 sep \/ slash"}"#,
        r#"{"id":"lone","text":"\ud83d x \ude00 Angela Merkel \ud800"}"#,
        r#"{"id":"\ud800\udc00\ud800 id with \"quotes\" \u0007 and \u2028","text":"a"}"#,
        r#"{"id":[1e21,1e-7,-0,5e-324,2.2250738585072014e-308,123456789012345678901234567890,0.1,1e400,-1e400,1.5e300],"text":"x"}"#,
        r#"{"id":{"b":1,"2":2,"1":3,"b":4,"4294967295":5,"4294967294":6,"01":7,"":{"x":[]}},"text":"x"}"#,
        r#"{"text":"no id"}"#,
        r#"{"id":null,"text":5}"#,
        r#"{"id":true,"text":null}"#,
        r#"{"id":"no text"}"#,
        r#"{"id":"arr","text":["a"]}"#,
        "null",
        "[1,2]",
        "\"just a string\"",
        "42",
        r#"{"id":"o1","text":"a","options":{"keywordz":1}}"#,
        r#"{"id":"o2","text":"a","options":{"keywords":"5"}}"#,
        r#"{"id":"o3","text":"a","options":{"keywords":1000}}"#,
        r#"{"id":"o4","text":"a","options":{"keywords":2.5}}"#,
        r#"{"id":"o5","text":"a","options":{"keywords":1e400}}"#,
        r#"{"id":"o6","text":"a","options":{"keywords":-0,"terms":3.0,"summary":1e0}}"#,
        r#"{"id":"o7","text":"a","options":[]}"#,
        r#"{"id":"o8","text":"a","options":"x"}"#,
        r#"{"id":"o9","text":"a","options":null}"#,
        r#"{"id":"o10","text":"a","options":{"constructor":1}}"#,
        r#"{"id":"o11","text":"a","options":{"__proto__":1}}"#,
        r#"{"id":"o12","text":"a","options":{"zz":1,"7":1}}"#,
        r#"{"id":"o13","text":"a","options":{"sentences":3}}"#,
        r#"{"id":"o14","text":"a","options":{"entityGroups":false}}"#,
        r#"{"id":"o15","text":"Angela Merkel met Emmanuel Macron in Paris.","options":{"entities":false,"keywords":false,"summary":false,"sentences":false,"terms":false}}"#,
        r#"{"id":"o16","text":"Angela Merkel met Emmanuel Macron in Paris.","options":{"entity_groups":false,"keywords":true}}"#,
        r#"{"id":"o17","text":"a long text","options":{"max_length":3}}"#,
        r#"{"id":"o18","text":"a","options":{"summary_ratio":0}}"#,
        r#"{"id":"o19","text":"a","options":{"keywords":null,"summary_ratio":null}}"#,
        r#"{"id":"o20","text":"a","options":{"keywords":5,"keywords":"x"}}"#,
        r#"{"id":"o21","text":"a","options":{"words-per-minute":100,"max_phrase_words":[1]}}"#,
        r#"{"id":"o22","text":"a","options":{"keywords":{"deep":[[[1]]]}}}"#,
        r#"{"id":"dup","text":"first","text":"second"}"#,
        r#"{"id":"extra","text":"a","other":[{"x":[1,2,{"y":null}]}],"more":"\u0041"}"#,
        "   {\"id\":\"padded\",\"text\":\"a\"}   ",
    ]
    .iter()
    .map(|l| (l.as_bytes().to_vec(), false))
    .collect();
    lines.push((deep(1000).into_bytes(), false));
    lines.push((
        b"{\"id\":\"bytes\",\"text\":\"x\xff\xfey \xed\xa0\x80 z\xe2\x82\"}".to_vec(),
        false,
    ));
    for bad in [
        "{\"id\":7,\"text\":\"x\"",
        "{\"id\":1,}",
        "{'id':1}",
        "\u{feff}{\"id\":4,\"text\":\"q\"}",
        "\u{85}",
        "{\"a\":01}",
        "{\"a\":\"\\x\"}",
        "tru",
        "{\"a\":\"\u{1}\"}",
    ] {
        lines.push((bad.as_bytes().to_vec(), true));
    }
    lines
}

#[test]
fn nasty_lines_and_line_breaks() {
    let lines = nasty_lines();
    let not_json: Vec<bool> = lines.iter().map(|(_, bad)| *bad).collect();
    let mut input = Vec::new();
    for (i, (line, _)) in lines.iter().enumerate() {
        input.extend_from_slice(line);
        // Every kind of line break, and blank lines (which get no answer) between them.
        input.extend_from_slice([&b"\n"[..], b"\r\n", b"\r", b"\n \t\n", b"\n\xc2\xa0\n"][i % 5]);
    }
    // Blank lines are skipped, so answers are numbered by the non-blank lines only.
    compare(&input, &not_json, &[], "nasty lines");
    compare(b"", &[], &[], "empty input");
    compare(
        b"{\"id\":1,\"text\":\"no final line break\"}",
        &[],
        &[],
        "no final line break",
    );
}

/// Lines with entity lists, good and bad (every kind of mistake, and lists over the
/// limits), with and without lists given by `--entity-lists`, which a line's own
/// `entity_lists` replaces (`null`: none).
#[test]
fn entity_lists_as_node_reads_them() {
    let text = "Globex sells ARS. The Acme Rocket Skates are fast; acme's rocket skate too. \
                Windows crashed in Redmond, said Angela Merkel. Paris is lovely; apple pie in paris.";
    let text = serde_json::to_string(text).expect("a string");
    let many: Vec<String> = (0..100_001).map(|i| format!("\"p{i}\"")).collect();
    let options = [
        r#"{"entity_lists":{"PRODUCT":[{"text":"Acme Rocket Skates","aliases":["ARS"]}],"ORG":["Globex"],"exclude":["Windows","paris"],"FOOD":["apple"]}}"#.to_string(),
        r#"{"entityLists":{"ORG":{"entries":["GLOBEX","Acme"],"case_sensitive":true},"PERSON":["angela merkel"]},"keywords":2}"#.to_string(),
        r#"{"entity_lists":null}"#.to_string(),
        r#"{"entity_lists":{}}"#.to_string(),
        r#"{"entity_lists":[]}"#.to_string(),
        r#"{"entity_lists":"PRODUCT"}"#.to_string(),
        r#"{"entity_lists":{"Product":["x"]}}"#.to_string(),
        r#"{"entity_lists":{"EXCLUDE":["x"]}}"#.to_string(),
        r#"{"entity_lists":{"PRODUCT":"Acme"}}"#.to_string(),
        r#"{"entity_lists":{"PRODUCT":["Acme",5]}}"#.to_string(),
        r#"{"entity_lists":{"PRODUCT":["Acme",1.5,null]}}"#.to_string(),
        r#"{"entity_lists":{"PRODUCT":["Acme"," \t"]}}"#.to_string(),
        r#"{"entity_lists":{"ORG":[{"text":"Acme","aliases":["A",""]}]}}"#.to_string(),
        r#"{"entity_lists":{"ORG":[{"text":"Acme","aliases":["A",false]}]}}"#.to_string(),
        r#"{"entity_lists":{"ORG":[{"text":"Acme","alias":["A"]}]}}"#.to_string(),
        r#"{"entity_lists":{"ORG":[{"aliases":["A"]}]}}"#.to_string(),
        r#"{"entity_lists":{"ORG":{"entries":["A"],"caseSensitive":"yes"}}}"#.to_string(),
        r#"{"entity_lists":{"ORG":{"entries":["A"],"casesensitive":true}}}"#.to_string(),
        r#"{"entity_lists":{"ORG":{"caseSensitive":true}}}"#.to_string(),
        r#"{"entity_lists":{"exclude":[["x"]]}}"#.to_string(),
        r#"{"keywordz":1,"entity_lists":{"Product":[]}}"#.to_string(),
        r#"{"entity_lists":{"Product":[]},"keywordz":1}"#.to_string(),
        format!(r#"{{"entity_lists":{{"ORG":["{}"]}}}}"#, "x".repeat(65_537)),
        format!(r#"{{"entity_lists":{{"PRODUCT":[{}]}}}}"#, many.join(",")),
    ];
    let mut input = Vec::new();
    for (i, options) in options.iter().enumerate() {
        writeln!(input, r#"{{"id":{i},"text":{text},"options":{options}}}"#).expect("in memory");
    }
    compare(&input, &[], &[], "entity lists");
    let dir = std::env::temp_dir().join(format!("textlens-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("lists.json");
    std::fs::write(&file, r#"{"PERSON":["Redmond"],"exclude":["Angela Merkel"]}"#).expect("written");
    let flag = format!("--entity-lists={}", file.display());
    compare(&input, &[], &["--keywords", "1", &flag], "entity lists with --entity-lists");
    std::fs::remove_dir_all(&dir).ok();
}

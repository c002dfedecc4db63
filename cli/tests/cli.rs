//! The command line as a user runs it: files and directories, JSONL files, exit codes.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn textlens(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_textlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("textlens starts");
    // A command line that fails at once never reads its input, so the pipe may be closed.
    let _ = child.stdin.take().expect("piped").write_all(input);
    child.wait_with_output().expect("textlens runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("textlens-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn stdout_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn files_and_directories_are_documents_named_by_path() {
    let dir = scratch("files");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("b.txt"), "Angela Merkel visited Paris.").unwrap();
    fs::write(dir.join("sub/a.txt"), "Emmanuel Macron met her there.").unwrap();
    let missing = dir.join("missing.txt");
    let (dir_arg, missing_arg) = (dir.to_str().unwrap(), missing.to_str().unwrap());
    let output = textlens(&["--keywords", "2", dir_arg, missing_arg], b"");
    let lines = stdout_lines(&output);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = ["b.txt", "sub/a.txt", "missing.txt"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    assert_eq!(ids, expected);
    assert_eq!(lines[0]["entities"][0]["text"], "Angela Merkel");
    assert!(lines[1]["keywords"].as_array().unwrap().len() <= 2);
    assert!(lines[2]["error"].is_string(), "{}", lines[2]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a missing file makes the exit status 1"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.txt"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn jsonl_files_read_in_order_as_one_stream() {
    let dir = scratch("jsonl");
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    fs::write(
        &a,
        "{\"id\":1,\"text\":\"One.\"}\n{\"id\":2,\"text\":\"Two.\"}\n",
    )
    .unwrap();
    fs::write(&b, "{\"id\":3,\"text\":\"Three.\"}").unwrap();
    let from_files = textlens(&["--jsonl", a.to_str().unwrap(), b.to_str().unwrap()], b"");
    let all = [fs::read(&a).unwrap(), fs::read(&b).unwrap()].concat();
    let from_stdin = textlens(&["--jsonl"], &all);
    assert!(from_files.status.success() && from_stdin.status.success());
    assert_eq!(from_files.stdout, from_stdin.stdout);
    assert_eq!(stdout_lines(&from_files).len(), 3);
    let with_missing = textlens(&["--jsonl", a.to_str().unwrap(), "no-such.jsonl"], b"");
    assert_eq!(
        stdout_lines(&with_missing).len(),
        2,
        "the readable file is still answered"
    );
    assert_eq!(with_missing.status.code(), Some(1));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_command_lines_fail_before_any_work() {
    let bad_option = textlens(&["--jsonl", "--keywords", "1000"], b"{\"text\":\"a\"}\n");
    assert_eq!(bad_option.status.code(), Some(2));
    assert!(bad_option.stdout.is_empty());
    assert!(String::from_utf8_lossy(&bad_option.stderr).contains("keywords"));
    assert_eq!(
        textlens(&["--threads", "none", "--jsonl"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(textlens(&[], b"").status.code(), Some(2));
    let help = textlens(&["--help"], b"");
    assert!(help.status.success() && String::from_utf8_lossy(&help.stdout).contains("--threads"));
}

#[test]
fn many_threads_answer_in_input_order() {
    let mut input = Vec::new();
    for i in 0..300 {
        // Lengths vary so that threads finish out of order.
        let text = "Angela Merkel met Emmanuel Macron in Paris. ".repeat(1 + (i * 37) % 50);
        writeln!(input, "{{\"id\":{i},\"text\":\"{text}\"}}").unwrap();
    }
    let one = textlens(&["--jsonl", "--threads", "1"], &input);
    let four = textlens(&["--jsonl", "--threads", "4"], &input);
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<i64> = stdout_lines(&four)
        .iter()
        .map(|l| l["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, (0..300).collect::<Vec<_>>());
}

#[test]
fn every_languages_name_model_is_built_in() {
    // German, Spanish, French, Dutch, Portuguese and Italian names with nothing to load: the native build
    // embeds every model (textlens' feature embedded-models), and none tags a common
    // noun ("Zahnarzt", "Altstadt") as a name.
    let input = concat!(
        "{\"id\":\"de\",\"text\":\"Gestern besuchte Angela Merkel die Firma Siemens in München. Der Zahnarzt hat mir einen Termin in der Altstadt gegeben.\"}\n",
        "{\"id\":\"es\",\"text\":\"El alcalde de Sevilla se reunió ayer con Pedro Sánchez en Madrid para hablar del nuevo mercado.\"}\n",
        "{\"id\":\"fr\",\"text\":\"Hier, Emmanuel Macron a rencontré à Paris le médecin de la mairie, puis il est parti vers la gare.\"}\n",
        "{\"id\":\"nl\",\"text\":\"Mark Rutte sprak gisteren in Amsterdam met de directie van Philips over de nieuwe fabriek.\"}\n",
        "{\"id\":\"pt\",\"text\":\"O presidente da Câmara Municipal de Lisboa, Carlos Moedas, anunciou ontem a compra de autocarros elétricos para a cidade.\"}\n",
        "{\"id\":\"it\",\"text\":\"Il sindaco di Bologna, Matteo Lepore, ha presentato ieri il nuovo piano per il Comune di Bologna.\"}\n",
    );
    let output = textlens(&["--jsonl"], input.as_bytes());
    let expected = [
        ("de", vec!["Angela Merkel", "Siemens", "München"]),
        ("es", vec!["Sevilla", "Pedro Sánchez", "Madrid"]),
        ("fr", vec!["Emmanuel Macron", "Paris"]),
        ("nl", vec!["Mark Rutte", "Amsterdam", "Philips"]),
        // Italian and Portuguese with the Spanish model, built in as well.
        ("pt", vec!["Câmara Municipal de Lisboa", "Carlos Moedas"]),
        ("it", vec!["Bologna", "Matteo Lepore", "Comune di Bologna"]),
    ];
    for (line, (language, names)) in stdout_lines(&output).iter().zip(expected) {
        assert_eq!(line["language"], language);
        let found: Vec<&str> = line["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| ["PERSON", "ORG", "LOCATION"].contains(&e["label"].as_str().unwrap()))
            .map(|e| e["text"].as_str().unwrap())
            .collect();
        assert_eq!(found, names, "{language}");
    }
}

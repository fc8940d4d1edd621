//! The `paiban` command as a user runs it: output, exit codes, one-line errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";

fn paiban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paiban"))
        .args(args)
        .output()
        .expect("paiban runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paiban-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn inspect_prints_the_model_and_reads_it_back() {
    let out = paiban(&["inspect", SAMPLE]);
    assert!(out.status.success());
    let doc: paiban::model::Document = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc.articles.len(), 9);
    let dir = temp_dir("inspect");
    let json = dir.join("sample.json");
    std::fs::write(&json, &out.stdout).unwrap();
    let again = paiban(&["inspect", json.to_str().unwrap()]);
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn inspect_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .args(["inspect", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("## 标题\n\n本报讯 会议召开。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let doc: paiban::model::Document = serde_json::from_slice(&out.stdout).unwrap();
    // One article gives no issue title: its headline is not a masthead (issue 13).
    assert_eq!(doc.meta.title, None);
    assert_eq!(doc.articles[0].dateline.as_ref().unwrap().text, "本报讯");
}

#[test]
fn check_lists_joins_and_problems_and_exits_1() {
    let out = paiban(&["check", SAMPLE]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("joined split paragraph").count(), 6, "{text}");
    assert!(text.contains("sentence repeated"));
    assert!(text.contains("doubled character \"并并\""));
    let clean = temp_dir("clean").join("clean.md");
    std::fs::write(&clean, "## 标题\n\n本报讯 会议召开。\n").unwrap();
    assert_eq!(
        paiban(&["check", clean.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn bad_input_gives_one_line_naming_the_file_and_exit_1() {
    let dir = temp_dir("bad");
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.md", b"", "the file is empty"),
        ("blank.md", b" \n \n", "only white space"),
        (
            "image.md",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
            "this is an image (PNG or JPEG), not text",
        ),
        (
            "program.md",
            b"\x7fELF\x02\x01\x01\0\0\0",
            "not a text file",
        ),
        // A reporter's Word file renamed to .txt: the entry names in its ZIP headers say so.
        (
            "story.txt",
            b"PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x11\0\0\0word/document.xml",
            "this is a Word document (.docx), not text; open it in Word or WPS and save it as plain text",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = paiban(&["inspect", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name) && err.contains(says), "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = paiban(&["inspect", dir.join("missing.md").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("missing.md: cannot read")
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(paiban(&["inspect"]).status.code(), Some(2));
    assert_eq!(
        paiban(&["build", SAMPLE, "--to", "odt"]).status.code(),
        Some(2)
    );
}

#[test]
fn build_writes_dir_stem_ext_and_never_over_its_input() {
    let dir = temp_dir("build");
    let out = paiban(&["build", SAMPLE, "--to", "json", "-o", dir.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = dir.join("dongchangfu-2022-09.json");
    let doc: paiban::model::Document =
        serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    assert_eq!(doc.articles.len(), 9);
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);

    // A JSON input whose output would be itself is refused and left unchanged.
    let before = std::fs::read(&written).unwrap();
    let out = paiban(&[
        "build",
        written.to_str().unwrap(),
        "--to",
        "json",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("refusing to write output over an input")
    );
    assert_eq!(std::fs::read(&written).unwrap(), before);
    assert!(Path::new(&written).exists());
}

//! `paiban build` over many files: good files written, bad ones listed with reasons and exit 1,
//! the `--json` summary, same-stem collisions, and the same bytes whatever `-j`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";

fn paiban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paiban"))
        .args(args)
        .args(["--no-system-fonts"])
        .output()
        .expect("paiban runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paiban-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Two good issues (one in a subdirectory), an empty file, a binary file, and a file that is
/// not searched for (`.html`).
fn mixed_inputs(dir: &Path) -> PathBuf {
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::copy(SAMPLE, src.join("a-good.md")).unwrap();
    std::fs::write(
        src.join("sub/b-good.txt"),
        "## 标题\n\n本报讯 会议在东昌府召开。\n",
    )
    .unwrap();
    std::fs::write(src.join("c-empty.md"), "").unwrap();
    std::fs::write(src.join("d-binary.md"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(src.join("ignored.html"), "<p>not a source</p>").unwrap();
    src
}

#[test]
fn a_directory_with_good_and_bad_files() {
    let dir = temp_dir("mixed");
    let src = mixed_inputs(&dir);
    let out_dir = dir.join("out");
    let out = paiban(&["build", s(&src), "-o", s(&out_dir), "-j", "2"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for name in ["a-good", "b-good"] {
        for ext in ["pdf", "docx", "epub"] {
            let p = out_dir.join(format!("{name}.{ext}"));
            assert!(
                std::fs::metadata(&p).unwrap().len() > 1000,
                "{}",
                p.display()
            );
        }
    }
    // Nothing else: no outputs for the bad files, no temporary files left behind.
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 6);
    assert!(
        stderr.contains("built 2 of 4 files (6 outputs)"),
        "{stderr}"
    );
    let summary = &stderr[stderr.find("failed:").unwrap()..];
    assert!(
        summary.contains("c-empty.md") && summary.contains("empty"),
        "{summary}"
    );
    assert!(
        summary.contains("d-binary.md") && summary.contains("binary"),
        "{summary}"
    );
    assert!(!stderr.contains("ignored.html"), "{stderr}");
    // Without a terminal the log is plain lines.
    assert!(stderr.contains(&format!("wrote {}", out_dir.join("a-good.pdf").display())));
}

#[test]
fn json_summary_has_the_counts_and_reasons() {
    let dir = temp_dir("json");
    let src = mixed_inputs(&dir);
    let out_dir = dir.join("out");
    let out = paiban(&["build", s(&src), "-o", s(&out_dir), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["files"], 4);
    assert_eq!(v["succeeded"], 2);
    assert_eq!(v["failed"], 2);
    assert_eq!(v["outputs"].as_array().unwrap().len(), 6);
    assert!(v["elapsed_ms"].as_u64().is_some());
    let failures = v["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 2);
    for f in failures {
        let reason = f["reason"].as_str().unwrap();
        assert!(!reason.is_empty() && !reason.contains('\n'), "{reason}");
    }
    // Inputs in sorted order, so the summary is the same on every run.
    let files: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);

    // An all-good run exits 0 and reports no failures.
    let out = paiban(&[
        "build",
        SAMPLE,
        "--to",
        "json",
        "-o",
        s(&dir.join("ok")),
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["files"].as_u64(), v["failed"].as_u64()),
        (Some(1), Some(0))
    );
}

#[test]
fn same_stem_is_a_failure_for_the_second_input() {
    let dir = temp_dir("stem");
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::create_dir_all(dir.join("y")).unwrap();
    std::fs::copy(SAMPLE, dir.join("x/issue.md")).unwrap();
    std::fs::write(
        dir.join("y/issue.txt"),
        "## 另一期\n\n本报讯 另一篇稿件。\n",
    )
    .unwrap();
    let out_dir = dir.join("out");
    let out = paiban(&[
        "build",
        s(&dir.join("x/issue.md")),
        s(&dir.join("y/issue.txt")),
        "--to",
        "pdf,json",
        "-o",
        s(&out_dir),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["failed"], 1);
    let failure = &v["failures"][0];
    assert!(failure["file"].as_str().unwrap().ends_with("issue.txt"));
    let reason = failure["reason"].as_str().unwrap();
    assert!(
        reason.contains("issue.pdf") && reason.contains("x/issue.md"),
        "{reason}"
    );
    // The first input's output is there and is the first input's.
    let json = std::fs::read(out_dir.join("issue.json")).unwrap();
    let doc: paiban::model::Document = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc.articles.len(), 9);
}

#[test]
fn one_job_and_two_jobs_write_the_same_bytes() {
    let dir = temp_dir("jobs");
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    std::fs::write(src.join("one.md"), &sample).unwrap();
    let cut = sample
        .match_indices("\n\n")
        .map(|(i, _)| i)
        .find(|&i| i > sample.len() / 2)
        .unwrap();
    std::fs::write(src.join("two.md"), &sample[..cut]).unwrap();
    std::fs::copy("tests/inputs/wire.md", src.join("three.md")).unwrap();
    let mut outputs = Vec::new();
    for jobs in ["1", "2"] {
        let out_dir = dir.join(format!("j{jobs}"));
        let out = paiban(&["build", s(&src), "-o", s(&out_dir), "-j", jobs]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        outputs.push(files);
    }
    assert_eq!(outputs[0].len(), 9);
    assert!(outputs[0] == outputs[1], "-j 1 and -j 2 differ");
}

#[test]
fn a_file_named_twice_is_built_once() {
    let dir = temp_dir("twice");
    std::fs::copy(SAMPLE, dir.join("a.md")).unwrap();
    let out = paiban(&[
        "build",
        s(&dir.join("a.md")),
        s(&dir),
        "--to",
        "json",
        "-o",
        s(&dir.join("out")),
        "--json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], 1);
}

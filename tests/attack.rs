//! What an attack run found (issue 22), each finding pinned: outputs never replace an input
//! (planted links, standard input redirected from the output, hard links), temporary files are
//! unpredictable, short and cleaned up, a panic fails one file and not the batch, and standard
//! output failures, archival standards without a date, `-j` and `{`-led text behave.

mod common;

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;

use paiban::output::{Inputs, remove_stale_temporaries, write_atomic};

const STORY: &str = "县城新建三座口袋公园\n\n本报讯（记者 王小明）今年以来，县城新建三座口袋公园，\
    市民在家门口就能休闲健身。\n\n公园由闲置地块改造而成，配有步道、座椅和儿童游乐设施。\n";

use common::TempDir;

fn paiban_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("paiban runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// ---------------------------------------------------------------------------------------------
// 0, 7: temporary files

#[test]
fn a_link_planted_under_the_old_temporary_name_is_never_written_through() {
    let dir = TempDir::new("planted");
    let victim = dir.file("story.md", STORY.as_bytes());
    // The name the old writer used, with this process's id: `.<output>.<pid>.tmp`.
    let planted = dir
        .path()
        .join(format!(".issue.pdf.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let out = dir.path().join("issue.pdf");
    write_atomic(&out, b"%PDF-1.7 new", &Inputs::default()).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), STORY);
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.7 new");
    // The planted link is left alone; no temporary file of ours remains.
    assert_eq!(
        dir.names(),
        [
            &planted.file_name().unwrap().to_string_lossy(),
            "issue.pdf",
            "story.md"
        ]
    );
}

#[test]
fn outputs_are_ordinary_files_not_private_temporaries() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("mode");
    let out = dir.path().join("issue.docx");
    write_atomic(&out, b"PK", &Inputs::default()).unwrap();
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    // 0666 less the umask: readable by others (tempfile alone would give 0600).
    assert_eq!(mode & 0o044, 0o044, "{mode:o}");
}

#[test]
fn a_250_byte_output_name_is_written() {
    let dir = TempDir::new("long");
    // 245 + ".docx" = 250 bytes: legal, but `.NAME.PID.tmp` was over the 255-byte limit.
    let stem = "长".repeat(80) + "abcde"; // 80 × 3 + 5 = 245 bytes
    assert_eq!(stem.len(), 245);
    dir.file(&format!("{stem}.md"), STORY.as_bytes());
    let out = paiban_in(
        dir.path(),
        &["build", &format!("{stem}.md"), "--to", "docx,epub"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join(format!("{stem}.docx")).is_file());
    assert!(dir.path().join(format!("{stem}.epub")).is_file());
    assert_eq!(dir.names().len(), 3, "{:?}", dir.names());
}

#[test]
fn temporaries_of_dead_runs_are_removed_and_live_ones_kept() {
    let dir = TempDir::new("stale");
    let victim = dir.file("story.md", STORY.as_bytes());
    // Process ids above the kernel's maximum (4194304) can never be running.
    dir.file(".paiban-4194399-Ab3dE6gH.tmp", b"");
    std::os::unix::fs::symlink(&victim, dir.path().join(".paiban-4194398-x1y2z3w4.tmp")).unwrap();
    let ours = format!(".paiban-{}-k9j8h7g6.tmp", std::process::id());
    dir.file(&ours, b"");
    // Names not of our form are never touched.
    dir.file(".story.pdf.4194397.tmp", b"");
    remove_stale_temporaries(dir.path());
    assert_eq!(
        dir.names(),
        [ours.as_str(), ".story.pdf.4194397.tmp", "story.md"]
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), STORY);
    // The CLI cleans its output directory the same way before it writes.
    dir.file(".paiban-4194399-Ab3dE6gH.tmp", b"");
    let out = paiban_in(dir.path(), &["build", "story.md", "--to", "docx"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.path().join(".paiban-4194399-Ab3dE6gH.tmp").exists());
}

#[test]
fn an_interrupted_batch_leaves_no_temporary_files() {
    let dir = TempDir::new("interrupted");
    for n in 0..6 {
        dir.file(&format!("story{n}.md"), STORY.repeat(20).as_bytes());
    }
    let mut codes = Vec::new();
    // Interrupt at staggered moments, through reading, rendering and writing.
    for k in 0..10u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_paiban"))
            .current_dir(dir.path())
            .args(["build", ".", "-o", "out", "--no-system-fonts"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(150 + 60 * k));
        let signal = if k % 2 == 0 { "TERM" } else { "INT" };
        Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        codes.push(child.wait().unwrap().code());
        let left: Vec<String> = std::fs::read_dir(dir.path().join("out"))
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default();
        assert!(left.is_empty(), "run {k} left {left:?}");
    }
    // Interrupted runs exit with the shell's code for the signal (finished ones with 0).
    assert!(
        codes.iter().all(|c| matches!(c, Some(0 | 130 | 143))),
        "{codes:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// 1: outputs against inputs by identity

#[test]
fn standard_input_redirected_from_the_default_output_is_not_overwritten() {
    let dir = TempDir::new("stdin");
    let input = dir.file("stdin.pdf", STORY.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir.path())
        .args(["build", "-", "--to", "pdf"])
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), STORY);
    assert!(
        stderr(&out).contains("./stdin.pdf: refusing to write output over an input file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_output_hard_linked_to_the_input_is_refused() {
    let dir = TempDir::new("hardlink");
    let input = dir.file("story.md", STORY.as_bytes());
    std::fs::hard_link(&input, dir.path().join("story.pdf")).unwrap();
    let out = paiban_in(dir.path(), &["build", "story.md", "--to", "pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), STORY);
    assert!(stderr(&out).contains("story.pdf: refusing to write output over an input file"));
}

/// How an output path is related to the input in one generated case.
#[derive(Debug, Clone, Copy)]
enum Relation {
    /// The output path is the input's own path, spelled as given.
    Same,
    /// Spelled with `./` and `sub/..`.
    Respelled,
    /// A symbolic link to the input (or a chain of two).
    Symlink { chain: bool },
    /// A hard link to the input.
    HardLink,
    /// Standard input was redirected from the file at the output path.
    StandardInput,
    /// An unrelated file: writing is allowed.
    Unrelated,
}

fn relation() -> impl Strategy<Value = Relation> {
    prop_oneof![
        Just(Relation::Same),
        Just(Relation::Respelled),
        any::<bool>().prop_map(|chain| Relation::Symlink { chain }),
        Just(Relation::HardLink),
        Just(Relation::StandardInput),
        Just(Relation::Unrelated),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever links and spellings relate an output path to an input, an input is never
    /// replaced, and an unrelated path is written.
    #[test]
    fn no_output_path_replaces_an_input(
        relation in relation(),
        name in "[a-z]{1,8}\\.(md|txt|pdf|docx|epub)",
        subdir in any::<bool>(),
    ) {
        let dir = TempDir::new("prop");
        let base = if subdir { dir.path().join("in") } else { dir.path().to_path_buf() };
        std::fs::create_dir_all(base.join("sub")).unwrap();
        let input = base.join(&name);
        std::fs::write(&input, STORY).unwrap();
        let inputs = Inputs::of(std::slice::from_ref(&input));
        let out = match relation {
            Relation::Same | Relation::StandardInput => input.clone(),
            Relation::Respelled => base.join(".").join("sub").join("..").join(&name),
            Relation::Symlink { chain } => {
                let first = dir.path().join("link1");
                std::os::unix::fs::symlink(&input, &first).unwrap();
                if chain {
                    let second = dir.path().join("link2.pdf");
                    std::os::unix::fs::symlink(&first, &second).unwrap();
                    second
                } else {
                    first
                }
            }
            Relation::HardLink => {
                let l = dir.path().join("hard.pdf");
                std::fs::hard_link(&input, &l).unwrap();
                l
            }
            Relation::Unrelated => dir.path().join("other.pdf"),
        };
        if let Relation::StandardInput = relation {
            // `paiban build - -o DIR < DIR/stdin.docx`: the default output name is the file
            // standard input reads.
            let stdin_file = base.join("stdin.docx");
            std::fs::rename(&input, &stdin_file).unwrap();
            let run = Command::new(env!("CARGO_BIN_EXE_paiban"))
                .current_dir(dir.path())
                .args(["build", "-", "--to", "docx", "-o", base.to_str().unwrap()])
                .stdin(std::fs::File::open(&stdin_file).unwrap())
                .output()
                .unwrap();
            prop_assert_eq!(run.status.code(), Some(1));
            prop_assert_eq!(std::fs::read_to_string(&stdin_file).unwrap(), STORY);
            return Ok(());
        }
        let result = write_atomic(&out, b"OUTPUT", &inputs);
        prop_assert_eq!(std::fs::read_to_string(&input).unwrap(), STORY);
        if let Relation::Unrelated = relation {
            prop_assert!(result.is_ok());
            prop_assert_eq!(std::fs::read(&out).unwrap(), b"OUTPUT");
        } else {
            prop_assert!(
                matches!(result, Err(paiban::Error::WouldOverwriteInput { .. })),
                "{:?}", result
            );
        }
    }
}

#[test]
fn standard_input_from_a_file_counts_as_that_file() {
    // `cmd < story.md`: the run's `-` is story.md, under whatever output name.
    let dir = TempDir::new("stdin-id");
    let input = dir.file("story.md", STORY.as_bytes());
    for target in ["stdin.docx", "stdin.epub"] {
        std::fs::remove_file(dir.path().join(target)).ok();
        std::fs::hard_link(&input, dir.path().join(target)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir.path())
        .args(["build", "-", "--to", "docx,epub"])
        .stdin(std::fs::File::open(&input).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), STORY);
    assert_eq!(
        stderr(&out)
            .matches("refusing to write output over an input file")
            .count(),
        // Each of the two outputs once as the file fails, and once in the summary.
        4,
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------------------------
// 2: a panic fails its file, not the batch

#[test]
fn a_batch_with_a_panicking_an_unreadable_and_an_undecodable_file_builds_the_rest() {
    let dir = TempDir::new("batch");
    dir.file("a-good.md", STORY.as_bytes());
    dir.file("b-boom.md", STORY.as_bytes());
    std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("c-gone.md")).unwrap();
    dir.file("d-binary.txt", &[0x00, 0xFF, 0x13, 0x37, 0x00, 0x00, 0x89]);
    dir.file("e-good.txt", STORY.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir.path())
        .env("PAIBAN_TEST_PANIC", "b-boom.pdf")
        .args([
            "build",
            "a-good.md",
            "b-boom.md",
            "c-gone.md",
            "d-binary.txt",
            "e-good.txt",
            "-o",
            "out",
            "-j",
            "8",
            "--json",
            "--no-system-fonts",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<&str> = summary["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["b-boom.md", "c-gone.md", "d-binary.txt"]);
    let reason = |n: usize| {
        summary["failures"][n]["reason"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        reason(0).starts_with("pdf: internal error (please report it): test panic while rendering out/b-boom.pdf at src/cli/build/mod.rs:"),
        "{}",
        reason(0)
    );
    assert!(reason(1).contains("cannot read"), "{}", reason(1));
    assert!(reason(2).contains("binary"), "{}", reason(2));
    // No backtrace note; the panic is reported once as it happens and once in the JSON.
    assert!(!stderr(&out).contains("RUST_BACKTRACE"), "{}", stderr(&out));
    // Every good file's outputs, and the panicking file's other formats.
    for f in ["a-good", "e-good"] {
        for ext in ["pdf", "docx", "epub"] {
            assert!(
                dir.path().join(format!("out/{f}.{ext}")).is_file(),
                "{f}.{ext}"
            );
        }
    }
    assert!(dir.path().join("out/b-boom.docx").is_file());
    assert!(!dir.path().join("out/b-boom.pdf").exists());
    assert_eq!(summary["succeeded"], 2);
}

#[test]
fn right_to_left_text_is_reported_with_its_place() {
    let text = "新疆新闻\n\n本报讯 村民ئابدۇرېھىم（阿布都热合曼）今年种了三十亩棉花。\n\n他说：“שלום 是朋友教我的。”\n";
    let reading = paiban::source::read_str(text, "rtl.txt").unwrap();
    let warnings: Vec<String> = reading.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "article 1, paragraph 1: right-to-left text (Arabic) \"ئابدۇرېھىم\" is set left to right in the PDF, in reading order but not reordered for display (DOCX and EPUB readers order it themselves)",
            "article 1, paragraph 2: right-to-left text (Hebrew) \"שלום\" is set left to right in the PDF, in reading order but not reordered for display (DOCX and EPUB readers order it themselves)",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 5, 6, 8 (-j), 10 (non-UTF-8 path), 11

#[test]
fn a_json_summary_lost_to_a_full_standard_output_fails_the_run() {
    let dir = TempDir::new("full");
    dir.file("story.md", STORY.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir.path())
        .args(["build", "story.md", "--to", "docx", "--json"])
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("paiban: standard output: cannot write: No space left on device"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_archival_pdf_without_a_date_is_refused_in_one_line_naming_the_flag() {
    let dir = TempDir::new("pdfa");
    dir.file("story.md", STORY.as_bytes());
    let out = paiban_in(
        dir.path(),
        &[
            "build",
            "story.md",
            "--to",
            "pdf,docx",
            "--pdf-standard",
            "a-2b",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.starts_with("paiban: ")).unwrap();
    assert_eq!(
        line,
        "paiban: story.md: cannot render pdf: PDF/A-2b needs the issue's date: give --date \
         YYYY-MM-DD or `date:` in the front matter (a file named like dongchangfu-2022-09.md \
         with a dated dateline supplies it)"
    );
    assert!(!err.contains("Validation("), "{err}");
    assert!(dir.path().join("story.docx").is_file());
    // With the date it is written.
    let out = paiban_in(
        dir.path(),
        &[
            "build",
            "story.md",
            "--to",
            "pdf",
            "--pdf-standard",
            "a-2b",
            "--date",
            "2026-12-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn ten_thousand_jobs_start_no_more_threads_than_there_is_work() {
    let dir = TempDir::new("jobs");
    dir.file("story.md", STORY.as_bytes());
    let out = paiban_in(dir.path(), &["build", "story.md", "-j", "10000", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // One file: three formats and its font check.
    assert_eq!(summary["jobs"], 4);
}

#[test]
fn a_json_summary_names_a_file_whose_name_is_not_utf8() {
    let dir = TempDir::new("bytes");
    let name = std::ffi::OsStr::from_bytes(b"story-\xff\xfe.md");
    std::fs::write(dir.path().join(name), STORY).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .current_dir(dir.path())
        .arg("build")
        .arg(name)
        .args(["--to", "docx", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["results"][0]["file"], "story-\u{FFFD}\u{FFFD}.md");
    assert_eq!(summary["outputs"][0], "./story-\u{FFFD}\u{FFFD}.docx");
}

#[test]
fn text_that_starts_with_a_brace_is_text_and_only_a_real_model_is_a_model() {
    let note = "{编者按}本期关注口袋公园。\n\n县城新建三座口袋公园\n\n本报讯 今年以来，县城新建三座口袋公园。\n";
    for name in ["note.md", "note.txt", "-"] {
        let r = paiban::source::read_str(note, name).unwrap();
        assert!(
            matches!(r.format, paiban::source::SourceFormat::Text(_)),
            "{name}: {:?}",
            r.format
        );
        let first = r.document.articles[0].body[0].text();
        assert!(first.starts_with("{编者按}"), "{name}: {first}");
    }
    // A model printed by `inspect`, under any name or on standard input, is read back as one.
    let model =
        paiban::backend::json::render(&paiban::source::read_str(STORY, "s.md").unwrap().document);
    let model = String::from_utf8(model).unwrap();
    for name in ["model.txt", "-"] {
        let r = paiban::source::read_str(&model, name).unwrap();
        assert_eq!(r.format, paiban::source::SourceFormat::Json, "{name}");
        assert_eq!(
            r.document.articles[0].headline.headline.as_deref(),
            Some("县城新建三座口袋公园")
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 10: a model's language and links

/// `inspect`'s model of the story, with `edit` applied to its JSON value.
fn model_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let doc = paiban::source::read_str(STORY, "s.md").unwrap().document;
    let mut v: serde_json::Value =
        serde_json::from_slice(&paiban::backend::json::render(&doc)).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn a_model_with_a_malformed_language_is_refused_in_one_line() {
    let dir = TempDir::new("json-language");
    for (i, tag) in ["zh_CN", "中文", "zh-CN\u{0}", "<b>", ""]
        .iter()
        .enumerate()
    {
        let name = format!("m{i}.json");
        let model = model_with(|v| v["meta"]["language"] = (*tag).into());
        std::fs::write(dir.path().join(&name), model).unwrap();
        let out = paiban_in(dir.path(), &["build", &name, "--to", "epub"]);
        assert_eq!(out.status.code(), Some(1), "{tag:?}");
        let err = stderr(&out);
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("paiban: {name}: language "))
                && first.ends_with("is not a language tag such as zh-CN, zh-Hant-TW or en"),
            "{err}"
        );
        assert!(!dir.path().join(format!("m{i}.epub")).exists());
    }
    let model = model_with(|v| v["meta"]["language"] = "zh-Hant-TW".into());
    let r = paiban::source::read_str(&model, "ok.json").unwrap();
    assert_eq!(r.document.meta.language, "zh-Hant-TW");
}

#[test]
fn a_link_with_a_control_character_or_space_is_dropped_with_a_warning() {
    let model = model_with(|v| {
        let runs = &mut v["articles"][0]["body"][0]["runs"];
        runs[0]["link"] = "https://a.cn/\u{0}x".into();
        runs.as_array_mut().unwrap().push(serde_json::json!({
            "text": "详情", "link": "https://a.cn/a b"
        }));
    });
    let r = paiban::source::read_str(&model, "m.json").unwrap();
    let links: Vec<_> = r.document.articles[0].body[0]
        .paragraphs()
        .iter()
        .flat_map(|p| p.runs.iter())
        .filter_map(|r| r.link.clone())
        .collect();
    assert!(links.is_empty(), "{links:?}");
    let dropped: Vec<_> = r
        .warnings
        .iter()
        .filter_map(|w| match w {
            paiban::model::Warning::UnsafeLink { target, .. } => Some(target.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(dropped, ["https://a.cn/\u{0}x", "https://a.cn/a b"]);
}

#[test]
fn a_model_with_an_empty_identifier_is_refused_as_front_matter_would_be() {
    let model = model_with(|v| v["meta"]["identifier"] = " ".into());
    let err = paiban::source::read_str(&model, "m.json")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "m.json: identifier must not be empty");
}

/// The date is a typed value: a model's `"date": "秋季"` is refused where it is read, not
/// printed as given in one format and dropped in another.
#[test]
fn a_model_date_that_is_no_date_is_refused_where_it_is_read() {
    let model = model_with(|v| v["meta"]["date"] = "秋季".into());
    let err = paiban::source::read_str(&model, "m.json")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("m.json: "), "{err}");
    assert!(err.contains("date \"秋季\" is not a date"), "{err}");
    let model = model_with(|v| v["meta"]["date"] = "2022-09".into());
    let doc = paiban::source::read_str(&model, "m.json").unwrap().document;
    assert_eq!(doc.meta.chinese_date().as_deref(), Some("2022年9月"));
}

/// An identifier of control characters only is empty once cleaned: refused in front matter and
/// in a model alike (it reached the outputs empty, and `inspect`'s model did not read back).
#[test]
fn an_identifier_of_control_characters_is_empty() {
    let src = "---\nidentifier: \"\\u001b\"\n---\n\n## 标题\n\n正文。\n";
    let err = paiban::source::read_str(src, "s.md")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "s.md: identifier must not be empty");
    let model = model_with(|v| v["meta"]["identifier"] = "\u{1b}".into());
    let err = paiban::source::read_str(&model, "m.json")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "m.json: identifier must not be empty");
}

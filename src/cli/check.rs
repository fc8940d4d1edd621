//! `paiban check`: what the reader changed, what it noticed, and editorial problems.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use paiban::check::check;
use paiban::output::write_stdout;

use super::ReadArgs;

pub fn run(file: &Path, json: bool, read: &ReadArgs) -> Result<ExitCode, paiban::Error> {
    let reading = read.read(file)?;
    let problems = check(&reading.document);
    // Written in one piece, so a failing standard output is one error, not a panic.
    let mut out = String::new();
    if json {
        let report = serde_json::json!({
            "file": file.display().to_string(),
            "encoding": reading.encoding,
            "format": reading.format,
            "read_as": reading.format.name(),
            "articles": reading.document.articles.len(),
            "changes": reading.changes,
            "warnings": reading.warnings,
            "problems": problems,
        });
        out = serde_json::to_string_pretty(&report).expect("report serialises");
        out.push('\n');
    } else {
        let name = file.display();
        let _ = writeln!(
            out,
            "{name}: read as: {}, {} article{}, {}",
            reading.format.name(),
            reading.document.articles.len(),
            if reading.document.articles.len() == 1 {
                ""
            } else {
                "s"
            },
            reading.encoding.name()
        );
        for c in &reading.changes {
            let _ = writeln!(out, "{name}: changed: {c}");
        }
        for w in &reading.warnings {
            let _ = writeln!(out, "{name}: warning: {w}");
        }
        for p in &problems {
            let _ = writeln!(out, "{name}: problem: {p}");
        }
        let _ = writeln!(
            out,
            "{name}: {} changes, {} warnings, {} problems",
            reading.changes.len(),
            reading.warnings.len(),
            problems.len()
        );
    }
    write_stdout(out.as_bytes())?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

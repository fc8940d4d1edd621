//! `paiban check`: what the reader changed, what it noticed, and editorial problems.

use std::path::Path;
use std::process::ExitCode;

use paiban::check::check;

use super::ReadArgs;

pub fn run(file: &Path, json: bool, read: &ReadArgs) -> Result<ExitCode, paiban::Error> {
    let reading = read.read(file)?;
    let problems = check(&reading.document);
    if json {
        let report = serde_json::json!({
            "file": file.display().to_string(),
            "encoding": reading.encoding,
            "format": reading.format,
            "articles": reading.document.articles.len(),
            "changes": reading.changes,
            "warnings": reading.warnings,
            "problems": problems,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("report serialises")
        );
    } else {
        let name = file.display();
        println!(
            "{name}: {} articles, read as {}",
            reading.document.articles.len(),
            reading.encoding.name()
        );
        for c in &reading.changes {
            println!("{name}: changed: {c}");
        }
        for w in &reading.warnings {
            println!("{name}: warning: {w}");
        }
        for p in &problems {
            println!("{name}: problem: {p}");
        }
        println!(
            "{name}: {} changes, {} warnings, {} problems",
            reading.changes.len(),
            reading.warnings.len(),
            problems.len()
        );
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

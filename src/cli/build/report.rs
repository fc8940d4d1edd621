//! What a build tells its user: a progress bar on a terminal, plain lines otherwise, and the
//! summary at the end (text on standard error, or JSON on standard output with `--json`).

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// Progress of a run; shared by the worker threads.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar when standard error is a terminal, plain lines otherwise.
    pub fn new(files: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(files as u64),
                ProgressDrawTarget::stderr_with_hz(10),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:30}] {pos}/{len} files, {eta} left {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            bar
        });
        Progress { bar }
    }

    /// One line of the run's log (`wrote …`, warnings, a file's failure): above the bar on a
    /// terminal, else straight to standard error.
    pub fn line(&self, text: &str) {
        match &self.bar {
            // Only failures and warnings are shown above the bar; `wrote` lines would scroll it.
            Some(bar) if !text.starts_with("wrote ") => bar.println(text),
            Some(_) => {}
            None => eprintln!("{text}"),
        }
    }

    /// One file finished (built or failed).
    pub fn file_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// What happened to one input.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    #[serde(serialize_with = "path_text::one")]
    pub file: PathBuf,
    /// Outputs written, in format order.
    #[serde(serialize_with = "path_text::many")]
    pub outputs: Vec<PathBuf>,
    /// One line: why the file (or one of its formats) failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub warnings: usize,
    /// Reading the source, then rendering each format (writing included), in ms.
    pub timings_ms: BTreeMap<String, f64>,
}

/// The end of a run, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Inputs of the run.
    pub files: usize,
    pub succeeded: usize,
    pub failed: usize,
    /// Every output written, in input then format order.
    #[serde(serialize_with = "path_text::many")]
    pub outputs: Vec<PathBuf>,
    pub failures: Vec<Failure>,
    pub elapsed_ms: u64,
    /// Worker threads (`-j`).
    pub jobs: usize,
    pub results: Vec<FileResult>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    #[serde(serialize_with = "path_text::one")]
    pub file: PathBuf,
    pub reason: String,
}

impl Summary {
    pub fn new(results: Vec<FileResult>, elapsed: Duration, jobs: usize) -> Self {
        let failures: Vec<Failure> = results
            .iter()
            .filter_map(|r| {
                Some(Failure {
                    file: r.file.clone(),
                    reason: r.error.clone()?,
                })
            })
            .collect();
        Summary {
            files: results.len(),
            succeeded: results.len() - failures.len(),
            failed: failures.len(),
            outputs: results.iter().flat_map(|r| r.outputs.clone()).collect(),
            failures,
            elapsed_ms: elapsed.as_millis() as u64,
            jobs,
            results,
        }
    }

    /// The summary for people: one line, then one line per failed file.
    pub fn text(&self) -> String {
        let secs = self.elapsed_ms as f64 / 1000.0;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut s = if self.failed == 0 {
            format!(
                "built {} ({}) in {secs:.2} s\n",
                plural(self.files, "file", "files"),
                plural(self.outputs.len(), "output", "outputs")
            )
        } else {
            format!(
                "built {} of {} ({}) in {secs:.2} s; {} failed:\n",
                self.succeeded,
                plural(self.files, "file", "files"),
                plural(self.outputs.len(), "output", "outputs"),
                self.failed
            )
        };
        for f in &self.failures {
            s.push_str("  ");
            s.push_str(&with_file(&f.file, &f.reason));
            s.push('\n');
        }
        s
    }
}

/// Paths in the JSON summary as text: a name that is not UTF-8 (legal on Linux) is written
/// with U+FFFD for its undecodable bytes rather than failing the summary after every output
/// was written.
mod path_text {
    use std::path::{Path, PathBuf};

    use serde::Serializer;

    pub fn one<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&path.to_string_lossy())
    }

    pub fn many<S: Serializer>(paths: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(paths.iter().map(|p| p.to_string_lossy()))
    }
}

/// `reason` prefixed with the file unless it already starts with it.
pub fn with_file(file: &Path, reason: &str) -> String {
    let name = file.display().to_string();
    if reason.starts_with(&name) {
        reason.to_owned()
    } else {
        format!("{name}: {reason}")
    }
}

/// An error as one line.
pub fn one_line(e: &impl std::fmt::Display) -> String {
    let s = e.to_string();
    if s.contains('\n') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_and_lists_failures() {
        let ok = FileResult {
            file: "a.md".into(),
            outputs: vec!["out/a.pdf".into()],
            error: None,
            warnings: 0,
            timings_ms: BTreeMap::new(),
        };
        let bad = FileResult {
            file: "b.md".into(),
            outputs: vec![],
            error: Some("b.md: the file is empty".into()),
            warnings: 0,
            timings_ms: BTreeMap::new(),
        };
        let s = Summary::new(vec![ok, bad], Duration::from_millis(1500), 2);
        assert_eq!((s.files, s.succeeded, s.failed), (2, 1, 1));
        let text = s.text();
        assert!(text.starts_with("built 1 of 2 files (1 output) in 1.50 s; 1 failed:\n"));
        assert!(text.contains("\n  b.md: the file is empty\n"), "{text}");
    }
}

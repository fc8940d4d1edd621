//! What a build reads and where each input's outputs go: arguments expanded to files
//! (directories recursively, sorted), and every output path claimed by exactly one input.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use paiban::backend::Format;

/// Extensions a directory is searched for (files named on the command line may be anything,
/// a JSON model included).
const SOURCE_EXTENSIONS: [&str; 2] = ["md", "txt"];

/// One file to build, in run order.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    /// `DIR/<stem>.<ext>` per requested format; empty when `claim` failed.
    pub outputs: Vec<(Format, PathBuf)>,
    /// Why this input is not built, found before any rendering (an output path another input
    /// of this run already writes, a directory with nothing to build).
    pub refused: Option<String>,
}

/// Expands the arguments in order: a file stays as given, a directory becomes the `.md` and
/// `.txt` files under it (recursively, skipping hidden entries), sorted by path. A file reached
/// twice (named and inside a named directory, or through two spellings) is built once.
pub fn expand(args: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut push = |path: PathBuf, out: &mut Vec<Input>| {
        let key = if path == Path::new("-") {
            path.clone()
        } else {
            std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())
        };
        if seen.insert(key) {
            out.push(Input {
                path,
                outputs: Vec::new(),
                refused: None,
            });
        }
    };
    for arg in args {
        if arg != Path::new("-") && arg.is_dir() {
            let mut found = Vec::new();
            let mut visited = HashSet::new();
            walk(arg, &mut found, &mut visited);
            found.sort();
            if found.is_empty() {
                out.push(Input {
                    path: arg.clone(),
                    outputs: Vec::new(),
                    refused: Some(format!(
                        "{}: the directory holds no .md or .txt files",
                        arg.display()
                    )),
                });
            }
            for f in found {
                push(f, &mut out);
            }
        } else {
            push(arg.clone(), &mut out);
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>) {
    // A symlink loop or a directory reached twice is walked once.
    if let Ok(canonical) = std::fs::canonicalize(dir)
        && !visited.insert(canonical)
    {
        return;
    }
    // An unreadable directory adds nothing; a named directory with nothing found is reported.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, visited);
        } else if path.is_file()
            && path
                .extension()
                .is_some_and(|e| SOURCE_EXTENSIONS.iter().any(|s| e.eq_ignore_ascii_case(s)))
        {
            found.push(path);
        }
    }
}

/// The output file name stem of an input: its file stem, `stdin` for `-`.
pub fn stem(path: &Path) -> OsString {
    match path.file_stem() {
        Some(s) if path != Path::new("-") => s.to_os_string(),
        _ => "stdin".into(),
    }
}

/// Gives each input its output paths. An input whose output path an earlier input of the run
/// already writes (two files with one stem) is refused, so no output of the run is written over
/// by another.
pub fn claim(inputs: &mut [Input], formats: &[Format], out_dir: &Path) {
    let mut owner: HashMap<PathBuf, usize> = HashMap::new();
    for i in 0..inputs.len() {
        if inputs[i].refused.is_some() {
            continue;
        }
        let stem = stem(&inputs[i].path);
        let outputs: Vec<(Format, PathBuf)> = formats
            .iter()
            .map(|&f| {
                let mut name = stem.clone();
                name.push(".");
                name.push(f.extension());
                (f, out_dir.join(name))
            })
            .collect();
        if let Some((path, first)) = outputs
            .iter()
            .find_map(|(_, p)| owner.get(p).map(|&first| (p, first)))
        {
            inputs[i].refused = Some(format!(
                "{}: would write {}, which {} writes in this run (same file name stem); \
                 rename one or build them into different directories",
                inputs[i].path.display(),
                path.display(),
                inputs[first].path.display()
            ));
            continue;
        }
        for (_, p) in &outputs {
            owner.insert(p.clone(), i);
        }
        inputs[i].outputs = outputs;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(p: &str) -> Input {
        Input {
            path: PathBuf::from(p),
            outputs: Vec::new(),
            refused: None,
        }
    }

    #[test]
    fn second_input_with_a_stem_is_refused() {
        let mut inputs = vec![input("a/x.md"), input("b/x.txt"), input("c/y.md")];
        claim(&mut inputs, &[Format::Pdf, Format::Epub], Path::new("out"));
        assert!(inputs[0].refused.is_none());
        assert_eq!(inputs[0].outputs[0].1, Path::new("out/x.pdf"));
        let why = inputs[1].refused.as_deref().unwrap();
        assert!(why.contains("out/x.pdf") && why.contains("a/x.md"), "{why}");
        assert!(inputs[1].outputs.is_empty());
        assert!(inputs[2].refused.is_none());
    }

    #[test]
    fn standard_input_is_named_stdin() {
        assert_eq!(stem(Path::new("-")), OsString::from("stdin"));
        assert_eq!(stem(Path::new("d/a.b.md")), OsString::from("a.b"));
    }
}

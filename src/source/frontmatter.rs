//! Optional front matter: TOML between `+++` lines or YAML between `---` lines, at the very
//! start of the file, giving document metadata.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::model::Warning;

/// Metadata values given by the user (front matter or command-line flags). Each is optional;
/// `source::metadata` fills what is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaOverrides {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub identifier: Option<String>,
    /// Page-break repair for this file: `auto`, `off` or `always` (see [`super::Repair`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<String>,
}

impl MetaOverrides {
    /// Values set in `other` win over ours (flags over front matter).
    pub fn overridden_by(self, other: &MetaOverrides) -> MetaOverrides {
        MetaOverrides {
            title: other.title.clone().or(self.title),
            publisher: other.publisher.clone().or(self.publisher),
            date: other.date.clone().or(self.date),
            language: other.language.clone().or(self.language),
            identifier: other.identifier.clone().or(self.identifier),
            repair: other.repair.clone().or(self.repair),
        }
    }
}

/// The largest front matter read, in bytes.
pub const MAX_FRONT_MATTER: usize = 64 * 1024;

/// The deepest `[`/`{` nesting read in front matter.
pub const MAX_NESTING: usize = 32;

/// The line (1-based, within `inner`) where `[` and `{` first nest deeper than
/// [`MAX_NESTING`], counting brackets inside quotes too (a title is not made of brackets).
fn too_deep(inner: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    for c in inner.chars() {
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(line);
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' => line += 1,
            _ => {}
        }
    }
    None
}

const KEYS: [&str; 6] = [
    "title",
    "publisher",
    "date",
    "language",
    "identifier",
    "repair",
];

/// The front matter found at the start of `text`, and the body after it, with the number of
/// lines the front matter took (so body line numbers can be reported in file terms).
pub struct Split<'a> {
    pub meta: MetaOverrides,
    pub body: &'a str,
    pub warnings: Vec<Warning>,
}

pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Error> {
    for (fence, toml) in [("+++", true), ("---", false)] {
        let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n')) else {
            continue;
        };
        let Some((inner, body)) = find_close(rest, fence, !toml) else {
            continue;
        };
        // Five short values need little room; a huge front matter is a mistake or an attack
        // on the YAML/TOML parsers (deep nesting, alias bombs), refused before parsing.
        if inner.len() > MAX_FRONT_MATTER {
            return Err(Error::Metadata {
                path: path.to_path_buf(),
                line: Some(1),
                message: format!(
                    "front matter: over {MAX_FRONT_MATTER} bytes (it holds a few short values)"
                ),
            });
        }
        // Flow collections nested deeper than this are refused unparsed: the YAML scanner is
        // quadratic in their depth (60,000 `[` take seconds) and the values are plain text.
        if let Some(line) = too_deep(inner) {
            return Err(Error::Metadata {
                path: path.to_path_buf(),
                line: Some(line + 1),
                message: format!(
                    "front matter: brackets nested more than {MAX_NESTING} levels deep"
                ),
            });
        }
        let (meta, warnings) = if toml {
            parse_toml(inner, path)?
        } else {
            parse_yaml(inner, path)?
        };
        return Ok(Split {
            meta,
            body,
            warnings,
        });
    }
    Ok(Split {
        meta: MetaOverrides::default(),
        body: text,
        warnings: Vec::new(),
    })
}

/// Finds the closing fence line; YAML may also close with `...`.
fn find_close<'a>(rest: &'a str, fence: &str, yaml: bool) -> Option<(&'a str, &'a str)> {
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == fence || (yaml && trimmed == "...") {
            return Some((&rest[..pos], &rest[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

fn parse_toml(inner: &str, path: &Path) -> Result<(MetaOverrides, Vec<Warning>), Error> {
    let table: toml::Table = toml::from_str(inner).map_err(|e| Error::Metadata {
        path: path.to_path_buf(),
        // +1 for the opening fence line.
        line: e.span().map(|s| line_of(inner, s.start) + 1),
        message: format!("front matter: {}", first_line(e.message())),
    })?;
    let mut meta = MetaOverrides::default();
    let mut warnings = Vec::new();
    for (key, value) in table {
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            toml::Value::Integer(i) => i.to_string(),
            other => {
                return Err(Error::Metadata {
                    path: path.to_path_buf(),
                    line: find_key_line(inner, &key).map(|l| l + 1),
                    message: format!("front matter: {key} must be text, not {}", other.type_str()),
                });
            }
        };
        set(&mut meta, &key, text, &mut warnings);
    }
    Ok((meta, warnings))
}

fn parse_yaml(inner: &str, path: &Path) -> Result<(MetaOverrides, Vec<Warning>), Error> {
    let value: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(inner).map_err(|e| Error::Metadata {
            path: path.to_path_buf(),
            line: e.location().map(|l| l.line() + 1),
            message: format!("front matter: {}", first_line(&e.to_string())),
        })?;
    let mut meta = MetaOverrides::default();
    let mut warnings = Vec::new();
    let map = match value {
        serde_yaml_ng::Value::Mapping(m) => m,
        serde_yaml_ng::Value::Null => return Ok((meta, warnings)),
        _ => {
            return Err(Error::Metadata {
                path: path.to_path_buf(),
                line: Some(2),
                message: "front matter: expected `key: value` lines".into(),
            });
        }
    };
    for (key, value) in map {
        let key = match key {
            serde_yaml_ng::Value::String(s) => s,
            other => format!("{other:?}"),
        };
        let text = match value {
            serde_yaml_ng::Value::String(s) => s,
            serde_yaml_ng::Value::Number(n) => n.to_string(),
            serde_yaml_ng::Value::Null => continue,
            _ => {
                return Err(Error::Metadata {
                    path: path.to_path_buf(),
                    line: find_key_line(inner, &key).map(|l| l + 1),
                    message: format!("front matter: {key} must be text"),
                });
            }
        };
        set(&mut meta, &key, text, &mut warnings);
    }
    Ok((meta, warnings))
}

fn set(meta: &mut MetaOverrides, key: &str, value: String, warnings: &mut Vec<Warning>) {
    let value = value.trim().to_string();
    let slot = match key {
        "title" => &mut meta.title,
        "publisher" => &mut meta.publisher,
        "date" => &mut meta.date,
        "language" | "lang" => &mut meta.language,
        "identifier" | "id" => &mut meta.identifier,
        "repair" => &mut meta.repair,
        _ => {
            debug_assert!(!KEYS.contains(&key));
            warnings.push(Warning::UnknownMetadata {
                key: key.to_string(),
            });
            return;
        }
    };
    *slot = Some(value);
}

/// 1-based line of byte `offset` within `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(['=', ':']))
        })
        .map(|i| i + 1)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_front_matter() {
        let p = Path::new("x.md");
        let s = split(
            "+++\ntitle = \"东昌府新闻\"\ndate = 2022-09-01\n+++\n## 标题\n",
            p,
        )
        .unwrap();
        assert_eq!(s.meta.title.as_deref(), Some("东昌府新闻"));
        assert_eq!(s.meta.date.as_deref(), Some("2022-09-01"));
        assert_eq!(s.body, "## 标题\n");
        let s = split("---\npublisher: 融媒体中心\nfoo: 1\n---\n## 标题\n", p).unwrap();
        assert_eq!(s.meta.publisher.as_deref(), Some("融媒体中心"));
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.body, "## 标题\n");
    }

    #[test]
    fn bad_toml_names_file_and_line() {
        let err = split("+++\ntitle = \"a\"\ndate = [1\n+++\n", Path::new("x.md"))
            .err()
            .unwrap();
        let msg = err.to_string();
        assert!(msg.starts_with("x.md:3: front matter:"), "{msg}");
    }
}

//! The source reader: bytes → text (`decode`) → front matter (`frontmatter`) → the file's
//! layout (`layout`: Markdown through `markdown`, pasted or plain text, with bare headline
//! lines found by `headlines`) → articles with news semantics (`news`: headline groups,
//! `dateline`, release metadata and closing credits from `furniture`, bylines from `credits`,
//! page-break `repair`, `normalise`) → metadata (`metadata`). A JSON model (what
//! `paiban inspect` prints) is read back as it is.

pub mod chars;
mod credits;
mod dateline;
pub mod decode;
mod direction;
pub mod frontmatter;
mod furniture;
mod headlines;
pub mod layout;
mod markdown;
pub mod metadata;
mod news;
pub mod normalise;
pub mod repair;
pub mod sanitize;
pub mod script;

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::Error;
use crate::model::{Change, Document, Location, Warning};

pub use decode::SourceEncoding;
pub use frontmatter::MetaOverrides;
pub use layout::Layout;
pub use repair::Repair;

/// Default input size limit: far above any real issue, low enough to refuse a wrong file
/// before it costs memory.
pub const DEFAULT_MAX_INPUT: u64 = 64 * 1024 * 1024;
/// Default article limit: a daily bulletin has tens, a year's archive a few thousand.
pub const DEFAULT_MAX_ARTICLES: usize = 100_000;
/// Default limit on paragraphs, counting headings, list items and quoted paragraphs too.
pub const DEFAULT_MAX_PARAGRAPHS: usize = 1_000_000;

/// How to read a source.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Metadata that overrides the front matter (command-line flags).
    pub meta: MetaOverrides,
    /// Inputs larger than this many bytes are refused.
    pub max_input_bytes: u64,
    /// Inputs with more articles than this are refused.
    pub max_articles: usize,
    /// Inputs with more paragraphs than this (headings, list items and quoted paragraphs
    /// included) are refused; the count stops the parse as soon as it is passed.
    pub max_paragraphs: usize,
    /// Page-break repair; `None` takes the front matter's `repair` key, else `Auto`.
    pub repair: Option<Repair>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            meta: MetaOverrides::default(),
            max_input_bytes: DEFAULT_MAX_INPUT,
            max_articles: DEFAULT_MAX_ARTICLES,
            max_paragraphs: DEFAULT_MAX_PARAGRAPHS,
            repair: None,
        }
    }
}

/// What the input was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Text, read in the layout it was found to have.
    Text(Layout),
    /// A model printed by `paiban inspect`, read back as is.
    Json,
}

impl SourceFormat {
    /// What `check` says it read: `pasted text`, `Markdown`, `JSON model`.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text(layout) => layout.name(),
            SourceFormat::Json => "JSON model",
        }
    }
}

/// The document and what the reader did to get it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub document: Document,
    /// Every repair and conversion, in document order within each kind of pass.
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
    pub format: SourceFormat,
    pub encoding: SourceEncoding,
}

/// Reads a file; `-` reads standard input.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Reading, Error> {
    let io = |action, source| Error::Io {
        path: path.to_path_buf(),
        action,
        source,
    };
    let limit = options.max_input_bytes;
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| io("read standard input", e))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| io("read", e))?;
        if meta.is_dir() {
            return Err(io(
                "read",
                std::io::Error::other("it is a directory, not a file"),
            ));
        }
        if meta.len() > limit {
            return Err(Error::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit,
            });
        }
        // Read no more than the limit allows even when the size said otherwise: a device or
        // a pipe (`/dev/zero`, `<(yes)`) reports 0 bytes and never ends.
        let mut buf = Vec::with_capacity(meta.len().min(limit) as usize);
        std::fs::File::open(path)
            .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut buf))
            .map_err(|e| io("read", e))?;
        buf
    };
    read_bytes(&bytes, path, options)
}

/// Reads a source held in memory; `path` names it in messages and gives the file stem used
/// for metadata defaults.
pub fn read_bytes(bytes: &[u8], path: &Path, options: &ReadOptions) -> Result<Reading, Error> {
    if bytes.len() as u64 > options.max_input_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: options.max_input_bytes,
        });
    }
    let decoded = decode::decode(bytes, path)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    // A `.json` file is a model (and its errors are reported as such). Any other file, and
    // standard input, is a model only when it parses as one (`paiban inspect a.md > a.txt`,
    // `… | paiban build -`); text that merely starts with `{` (`{编者按}…`) is text.
    if ext.as_deref() == Some("json") {
        return read_json(&decoded.text, path, options, decoded.encoding);
    }
    if decoded.text.trim_start().starts_with('{')
        && let Ok(reading) = read_json(&decoded.text, path, options, decoded.encoding)
    {
        return Ok(reading);
    }
    let mut warnings = Vec::new();
    if let Some(w) = looks_like_markup(&decoded.text) {
        warnings.push(w);
    }
    let text = remove_controls(&decoded.text, &mut warnings);
    let split = frontmatter::split(&text, path)?;
    warnings.extend(split.warnings);
    if split.body.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
            whitespace_only: true,
        });
    }
    let first_line = text[..text.len() - split.body.len()].matches('\n').count() + 1;
    let too_many = |what, limit| Error::TooMany {
        path: path.to_path_buf(),
        what,
        limit,
    };
    let markdown_name = match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Some(true),
        Some("txt" | "text") => Some(false),
        _ => None,
    };
    let layout = layout::detect(split.body, markdown_name);
    let too_many_paragraphs = || too_many("paragraphs", options.max_paragraphs);
    let max = options.max_paragraphs;
    let blocks = match layout {
        Layout::Markdown => markdown::parse(split.body, first_line, max, &mut warnings)
            .ok_or_else(too_many_paragraphs)?,
        Layout::MarkdownBareHeadlines => {
            let blocks = markdown::parse(split.body, first_line, max, &mut warnings)
                .ok_or_else(too_many_paragraphs)?;
            headlines::promote(
                blocks
                    .into_iter()
                    .map(|block| layout::Unit {
                        may_be_headline: matches!(block, markdown::RawBlock::Para { .. }),
                        block,
                    })
                    .collect(),
            )
        }
        Layout::Pasted => headlines::promote(
            layout::read_pasted(split.body, first_line, max).ok_or_else(too_many_paragraphs)?,
        ),
        Layout::Plain => headlines::promote(
            layout::read_plain(split.body, first_line, max).ok_or_else(too_many_paragraphs)?,
        ),
    };
    let mode = match (options.repair, split.meta.repair.as_deref()) {
        (Some(mode), _) => mode,
        (None, None) => Repair::Auto,
        (None, Some(value)) => Repair::parse(value).ok_or_else(|| Error::Metadata {
            path: path.to_path_buf(),
            line: None,
            message: format!("front matter: repair {value:?} is not auto, off or always"),
        })?,
    };
    let built = news::build(blocks, mode);
    warnings.extend(built.warnings);
    if built.articles.len() > options.max_articles {
        return Err(too_many("articles", options.max_articles));
    }
    let given = split.meta.overridden_by(&options.meta);
    let stem = stem(path);
    let meta = metadata::derive(
        &given,
        built.issue_title.as_deref(),
        &built.articles,
        stem.as_deref(),
        path,
    )?;
    let mut document = Document {
        meta,
        articles: built.articles,
    };
    warnings.extend(tag_script(&mut document, given.language.is_some()));
    warnings.extend(sanitize::document(&mut document));
    warnings.extend(direction::report(&document));
    Ok(Reading {
        document,
        changes: built.changes,
        warnings,
        format: SourceFormat::Text(layout),
        encoding: decoded.encoding,
    })
}

/// Tags the document with its script when no language was given (Traditional text is
/// `zh-Hant`), and warns where the scripts are mixed or the given tag names the other one.
fn tag_script(doc: &mut Document, given: bool) -> Option<Warning> {
    let items = doc.text_items();
    let count = script::ScriptCount::of(items.iter().map(|(_, t)| t.as_str()));
    let majority = count.majority()?;
    let tagged = script::Script::of_tag(&doc.meta.language);
    if !given && tagged.is_some() && tagged != Some(majority) {
        doc.meta.language = majority.default_tag().to_owned();
    }
    if count.is_mixed() {
        return Some(Warning::MixedScript {
            simplified: count.simplified,
            traditional: count.traditional,
            tag: doc.meta.language.clone(),
        });
    }
    let tagged = script::Script::of_tag(&doc.meta.language)?;
    (tagged != majority).then(|| Warning::ScriptMismatch {
        tag: doc.meta.language.clone(),
        script: majority.name(),
        count: match majority {
            script::Script::Simplified => count.simplified,
            script::Script::Traditional => count.traditional,
        },
    })
}

/// Reads a UTF-8 string; a convenience for library users and tests.
pub fn read_str(text: &str, name: &str) -> Result<Reading, Error> {
    read_bytes(text.as_bytes(), Path::new(name), &ReadOptions::default())
}

fn read_json(
    text: &str,
    path: &Path,
    options: &ReadOptions,
    encoding: SourceEncoding,
) -> Result<Reading, Error> {
    let mut document: Document = serde_json::from_str(text).map_err(|e| Error::Json {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let o = &options.meta;
    let m = &mut document.meta;
    if let Some(t) = &o.title {
        m.title = Some(t.clone());
    }
    for (slot, value) in [
        (&mut m.language, &o.language),
        (&mut m.identifier, &o.identifier),
    ] {
        if let Some(v) = value {
            *slot = v.clone();
        }
    }
    if let Some(p) = &o.publisher {
        m.publisher = Some(p.clone());
    }
    if let Some(d) = &o.date {
        m.date = Some(metadata::parse_date(d).ok_or_else(|| Error::Metadata {
            path: path.to_path_buf(),
            line: None,
            message: format!("date {d:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"),
        })?);
    }
    // A model's language is written into every format as it stands: checked as in front matter.
    if !metadata::is_language_tag(&document.meta.language) {
        return Err(Error::Metadata {
            path: path.to_path_buf(),
            line: None,
            message: metadata::language_message(&document.meta.language),
        });
    }
    // An identifier of control characters only is empty too: the cleaning would leave nothing
    // (and the model `inspect` printed would not read back).
    if sanitize::is_blank(&document.meta.identifier) {
        return Err(Error::Metadata {
            path: path.to_path_buf(),
            line: None,
            message: "identifier must not be empty".to_string(),
        });
    }
    check_counts(&document, path, options)?;
    // A JSON model skips the reader's text pass: it gets the same cleaning as parsed text.
    let mut warnings = sanitize::document(&mut document);
    warnings.extend(direction::report(&document));
    Ok(Reading {
        document,
        changes: Vec::new(),
        warnings,
        format: SourceFormat::Json,
        encoding,
    })
}

/// Refuses a model with more articles or paragraphs than the limits.
fn check_counts(document: &Document, path: &Path, options: &ReadOptions) -> Result<(), Error> {
    let too_many = |what, limit| Error::TooMany {
        path: path.to_path_buf(),
        what,
        limit,
    };
    if document.articles.len() > options.max_articles {
        return Err(too_many("articles", options.max_articles));
    }
    let paragraphs: usize = document
        .articles
        .iter()
        .flat_map(|a| &a.body)
        .map(|b| b.paragraphs().len())
        .sum();
    if paragraphs > options.max_paragraphs {
        return Err(too_many("paragraphs", options.max_paragraphs));
    }
    Ok(())
}

/// Removes characters XML 1.0 cannot carry (see [`sanitize::is_forbidden`]), each with a warning
/// naming its line. Characters that entities or escapes produce later are removed by
/// [`sanitize::document`].
fn remove_controls(text: &str, warnings: &mut Vec<Warning>) -> String {
    let bad = sanitize::is_forbidden;
    if !text.chars().any(bad) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut line = 1;
    for c in text.chars() {
        if bad(c) {
            warnings.push(Warning::ControlCharacter {
                location: Location::Line { line },
                code_point: c as u32,
            });
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        out.push(c);
    }
    out
}

/// HTML saved as text: a web page's markup would be read as visible text.
fn looks_like_markup(text: &str) -> Option<Warning> {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    let html = head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || text.matches("</p>").count() + text.matches("<br").count() >= 3;
    html.then_some(Warning::LooksLikeHtml)
}

fn stem(path: &Path) -> Option<String> {
    if path == Path::new("-") {
        return None;
    }
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
}

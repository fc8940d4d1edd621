//! Loading templates: built-ins, partial user files merged onto a base, and errors that point at
//! the user's line.
//!
//! A user file is an overlay. It is parsed into toml's spanned tree, merged table-by-table onto
//! the base built-in's tree, and only then deserialised into the strict `Template`. Base values
//! keep spans shifted past the end of the user's text, so a span in an error tells whether the
//! user wrote the value, and the merged tree maps it back to a key path.

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::builtin;
use super::chinese::Language;
use super::error::TemplateError;
use super::template::Template;
use super::validate::{Issue, validate};

/// The largest template file read, in bytes (256 KiB). A complete template written out by
/// `paiban templates show` is about 4 KB, so this leaves room for any amount of comments, while
/// a file of hundreds of thousands of unknown keys is refused on its size before it is parsed:
/// the parsed and merged trees take about 90 times the text's size, so a file just under the
/// cap costs about 22 MB before its first unknown key is refused.
pub const MAX_TEMPLATE_BYTES: usize = 256 << 10;

fn too_large(origin: &str, len: String) -> TemplateError {
    TemplateError::Invalid {
        origin: origin.to_owned(),
        line: None,
        key: None,
        message: format!(
            "template file is {len} bytes; a template may be at most {MAX_TEMPLATE_BYTES} bytes ({} KiB)",
            MAX_TEMPLATE_BYTES >> 10
        ),
    }
}

impl Template {
    /// A built-in template by name (`newspaper`, `gongwen`, `book`).
    pub fn builtin(name: &str) -> Option<Template> {
        let text = builtin::text(name)?;
        let parsed = parse(text, &builtin::origin(name), false);
        Some(parsed.unwrap_or_else(|e| panic!("built-in template is invalid: {e}")))
    }

    /// Names of the built-in templates, the default first.
    pub fn builtin_names() -> &'static [&'static str] {
        builtin::NAMES
    }

    /// Parses a template file. The file is a partial overlay on the built-in named by its
    /// top-level `base` key (default `newspaper`); `origin` names the file in error messages.
    /// Text longer than [`MAX_TEMPLATE_BYTES`] is refused unparsed.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Template, TemplateError> {
        if text.len() > MAX_TEMPLATE_BYTES {
            return Err(too_large(origin, text.len().to_string()));
        }
        parse(text, origin, true)
    }

    /// A built-in name, else a path to a template file. Built-in names win so a stray file in
    /// the working directory cannot shadow them.
    pub fn load(name_or_path: &str) -> Result<Template, TemplateError> {
        if let Some(t) = Template::builtin(name_or_path) {
            return Ok(t);
        }
        match read_capped(name_or_path) {
            Ok(text) => Template::from_toml_str(&text, name_or_path),
            Err(ReadError::TooLarge(len)) => Err(too_large(name_or_path, len)),
            Err(ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound && looks_like_name(name_or_path) =>
            {
                Err(TemplateError::NotFound {
                    name: name_or_path.to_owned(),
                })
            }
            Err(ReadError::Io(source)) => Err(TemplateError::Io {
                path: name_or_path.to_owned(),
                source,
            }),
        }
    }

    /// Checks a template built or changed in code with the same rules as files.
    pub fn check(&self) -> Result<(), TemplateError> {
        validate(self).map_err(|issue| TemplateError::Invalid {
            origin: "template".into(),
            line: None,
            key: issue.keys.into_iter().next(),
            message: issue.message,
        })
    }
}

impl Default for Template {
    /// The `newspaper` template.
    fn default() -> Self {
        Template::builtin(builtin::NAMES[0]).expect("the default built-in exists")
    }
}

/// Why `read_capped` gave no text.
enum ReadError {
    Io(std::io::Error),
    /// Over [`MAX_TEMPLATE_BYTES`]: the size, or "more than …" when only reading showed it.
    TooLarge(String),
}

/// Reads a template file, refusing it on its size (from its metadata, else after reading one byte
/// past the cap, for pipes and devices) before reading it whole.
fn read_capped(path: &str) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_TEMPLATE_BYTES as u64 {
        return Err(ReadError::TooLarge(len.to_string()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_TEMPLATE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > MAX_TEMPLATE_BYTES {
        return Err(ReadError::TooLarge(format!(
            "more than {MAX_TEMPLATE_BYTES}"
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

fn looks_like_name(s: &str) -> bool {
    let p = Path::new(s);
    p.components().count() == 1 && p.extension().is_none()
}

/// 1-based line of byte offset `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

struct Ctx<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Ctx<'_> {
    fn error(
        &self,
        line: Option<usize>,
        key: Option<String>,
        message: impl Into<String>,
    ) -> TemplateError {
        TemplateError::Invalid {
            origin: self.origin.to_owned(),
            line,
            key,
            message: message.into(),
        }
    }

    fn at(&self, span: Range<usize>, key: &str, message: impl Into<String>) -> TemplateError {
        self.error(
            Some(line_of(self.text, span.start)),
            Some(key.to_owned()),
            message,
        )
    }
}

fn parse(text: &str, origin: &str, overlay: bool) -> Result<Template, TemplateError> {
    // Windows editors (Notepad) save UTF-8 with a byte-order mark, which TOML does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let cx = Ctx { text, origin };
    let user = DeTable::parse(text)
        .map_err(|e| cx.error(e.span().map(|s| line_of(text, s.start)), None, e.message()))?;
    let mut user = user.into_inner();

    let base_name = match user.remove_entry("base") {
        None => builtin::NAMES[0],
        Some((_, v)) => {
            let span = v.span();
            match v
                .get_ref()
                .as_str()
                .and_then(|n| builtin::NAMES.iter().find(|b| **b == n))
            {
                Some(name) if overlay => name,
                _ if !overlay => {
                    return Err(cx.at(span, "base", "a built-in template has no base"));
                }
                _ => {
                    let names = builtin::NAMES.join(", ");
                    return Err(cx.at(
                        span,
                        "base",
                        format!("base must name a built-in template ({names})"),
                    ));
                }
            }
        }
    };
    normalise_aliases(&mut user, &cx)?;

    let merged = if overlay {
        let base_text = builtin::text(base_name).expect("base names are checked");
        let base = DeTable::parse(base_text)
            .expect("built-in templates parse")
            .into_inner();
        let mut merged = shift_table(base, text.len() + 1);
        merge(&mut merged, user.clone());
        default_punctuation(&mut merged, &user);
        merged
    } else {
        user.clone()
    };

    let template = Template::deserialize(toml::de::Deserializer::from(Spanned::new(
        0..text.len(),
        merged.clone(),
    )))
    .map_err(|e| {
        let key = e.span().and_then(|s| path_at(&merged, s.start));
        let line = match (e.span(), &key) {
            (Some(s), _) if s.start <= text.len() => Some(line_of(text, s.start)),
            (_, Some(key)) => locate(&user, key).1.map(|s| line_of(text, s.start)),
            _ => None,
        };
        cx.error(line, key, e.message())
    })?;

    validate(&template).map_err(|issue| report(&cx, &user, issue))?;
    Ok(template)
}

/// Places a validation issue on the first of its keys the user's file sets, else on the key
/// whose parent table the user touched most deeply, so the line points at something they wrote.
fn report(cx: &Ctx, user: &DeTable, issue: Issue) -> TemplateError {
    let mut best: Option<(&String, usize, Option<Range<usize>>)> = None;
    for key in &issue.keys {
        let (depth, span) = locate(user, key);
        if depth == key.split('.').count() {
            best = Some((key, depth, span));
            break;
        }
        if depth > best.as_ref().map_or(0, |b| b.1) {
            best = Some((key, depth, span));
        }
    }
    let (key, span) = match best {
        Some((key, _, span)) => (key.clone(), span),
        None => (issue.keys[0].clone(), None),
    };
    cx.error(
        span.map(|s| line_of(cx.text, s.start)),
        Some(key),
        issue.message,
    )
}

/// How many leading segments of `path` the table has, and the span of the deepest such key.
fn locate(table: &DeTable, path: &str) -> (usize, Option<Range<usize>>) {
    let mut t = table;
    let mut depth = 0;
    let mut span = None;
    for seg in path.split('.') {
        let Some((k, v)) = t.get_key_value(seg) else {
            break;
        };
        depth += 1;
        span = Some(k.span());
        match v.get_ref() {
            DeValue::Table(sub) => t = sub,
            _ => break,
        }
    }
    (depth, span)
}

fn contains(span: &Range<usize>, pos: usize) -> bool {
    span.contains(&pos) || span.start == pos
}

/// The dotted key path at byte `pos`: first a key or leaf value that covers it, else the
/// innermost table whose span does (e.g. "missing field" errors point at the table).
fn path_at(table: &DeTable, pos: usize) -> Option<String> {
    /// Searches one value whose key path is already on `path`. Without `tables` only keys and
    /// scalars count; with it, the innermost table or array covering `pos` does.
    fn value(v: &Spanned<DeValue>, pos: usize, tables: bool, path: &mut Vec<String>) -> bool {
        match v.get_ref() {
            DeValue::Table(sub) => {
                walk(sub, pos, tables, path) || (tables && contains(&v.span(), pos))
            }
            DeValue::Array(items) => {
                let name = path.pop().unwrap_or_default();
                for (i, item) in items.iter().enumerate() {
                    path.push(format!("{name}[{i}]"));
                    if value(item, pos, tables, path) {
                        return true;
                    }
                    path.pop();
                }
                path.push(name);
                tables && contains(&v.span(), pos)
            }
            _ => contains(&v.span(), pos),
        }
    }
    fn walk(t: &DeTable, pos: usize, tables: bool, path: &mut Vec<String>) -> bool {
        for (k, v) in t {
            path.push(k.get_ref().to_string());
            if value(v, pos, tables, path) || contains(&k.span(), pos) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    (walk(table, pos, false, &mut path) || walk(table, pos, true, &mut path))
        .then(|| path.join("."))
}

fn shift_value<'a>(v: Spanned<DeValue<'a>>, off: usize) -> Spanned<DeValue<'a>> {
    let span = v.span();
    let inner = match v.into_inner() {
        DeValue::Table(t) => DeValue::Table(shift_table(t, off)),
        DeValue::Array(mut a) => {
            for e in a.iter_mut() {
                let old = std::mem::replace(e, Spanned::new(0..0, DeValue::Boolean(false)));
                *e = shift_value(old, off);
            }
            DeValue::Array(a)
        }
        other => other,
    };
    Spanned::new(span.start + off..span.end + off, inner)
}

/// Moves every span of a base tree past the user's text so spans identify their source.
fn shift_table(t: DeTable<'_>, off: usize) -> DeTable<'_> {
    let mut out = DeTable::new();
    for (k, v) in t {
        let span = k.span();
        out.insert(
            Spanned::new(span.start + off..span.end + off, k.into_inner()),
            shift_value(v, off),
        );
    }
    out
}

/// Deep merge: tables merge key by key, anything else in `user` replaces the base value. Keys and
/// tables the user wrote keep the user's spans.
fn merge<'a>(base: &mut DeTable<'a>, user: DeTable<'a>) {
    for (k, uv) in user {
        let name: &str = k.get_ref();
        let value = match base.remove(name) {
            Some(bv) if bv.get_ref().is_table() && uv.get_ref().is_table() => {
                let span = uv.span();
                match (bv.into_inner(), uv.into_inner()) {
                    (DeValue::Table(mut bt), DeValue::Table(ut)) => {
                        merge(&mut bt, ut);
                        Spanned::new(span, DeValue::Table(bt))
                    }
                    _ => unreachable!("both are tables"),
                }
            }
            _ => uv,
        };
        base.insert(k, value);
    }
}

/// `left`/`right` margins are spellings of `inner`/`outer`; renamed before merging so they
/// replace the base's values instead of colliding with them.
fn normalise_aliases(user: &mut DeTable<'_>, cx: &Ctx) -> Result<(), TemplateError> {
    let Some(DeValue::Table(page)) = user.get_mut("page").map(|v| v.get_mut()) else {
        return Ok(());
    };
    let Some(DeValue::Table(margins)) = page.get_mut("margins").map(|v| v.get_mut()) else {
        return Ok(());
    };
    for (alias, name) in [("left", "inner"), ("right", "outer")] {
        if let Some((k, v)) = margins.remove_entry(alias) {
            if margins.contains_key(name) {
                let key = format!("page.margins.{alias}");
                return Err(cx.at(
                    k.span(),
                    &key,
                    format!("{alias} and {name} are the same margin; set one"),
                ));
            }
            margins.insert(Spanned::new(k.span(), Cow::Borrowed(name)), v);
        }
    }
    Ok(())
}

/// A user file that sets `language` but not `chinese.punctuation` gets that language's default
/// style (Taiwan and Hong Kong centre their punctuation), not the base's.
fn default_punctuation<'a>(merged: &mut DeTable<'a>, user: &DeTable<'a>) {
    use serde::de::value::{Error, StrDeserializer};
    let Some(lang) = user.get("language") else {
        return;
    };
    let Some(tag) = lang.get_ref().as_str() else {
        return;
    };
    // An invalid language is left for deserialisation to report.
    let Ok(language) = Language::deserialize(StrDeserializer::<Error>::new(tag)) else {
        return;
    };
    if locate(user, "chinese.punctuation").0 == 2 {
        return;
    }
    let style = toml::Value::try_from(language.default_punctuation()).expect("an enum name");
    let style = style
        .as_str()
        .expect("a unit variant serialises to a string")
        .to_owned();
    if let Some(DeValue::Table(chinese)) = merged.get_mut("chinese").map(|v| v.get_mut()) {
        chinese.insert(
            Spanned::new(lang.span(), Cow::Borrowed("punctuation")),
            Spanned::new(lang.span(), DeValue::String(Cow::Owned(style))),
        );
    }
}

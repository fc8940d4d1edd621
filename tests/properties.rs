//! Property tests (issue 9): over arbitrary bytes and Unicode text the reader never panics and
//! gives a clean model; over arbitrary models every backend writes a package whose XML parses
//! and a PDF that passes `qpdf --check`. Case counts are kept small so `cargo test` stays fast
//! on two cores; raise them with `PROPTEST_CASES` for a longer run.

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use quick_xml::events::Event;

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::model::{
    Article, Block, Byline, Credit, Dateline, DatelineKind, Document, HeadlineGroup, Metadata,
    Paragraph, Run,
};
use paiban::source::sanitize::is_forbidden;
use paiban::source::{ReadOptions, read_bytes};
use paiban::typography::Template;

// ---------------------------------------------------------------------------------------------
// Strategies

/// Characters that matter to Markdown, to the news rules, to XML and to fonts, and any
/// character at all.
fn hostile_char() -> impl Strategy<Value = char> {
    // Control characters are kept rare: text with more than 2 % of them is a binary file,
    // and the reader's other rules would never be reached.
    prop_oneof![
        80 => prop::sample::select(vec![
            '#', '>', '-', '*', '_', '[', ']', '(', ')', '<', '>', '&', ';', '`', '!', '"', '\'',
            '\\', '|', '+', '=', '.', ',', ':', '?', '/', '{', '}', '\n', '\n', ' ', ' ', '\t',
            '\r', '\u{3000}', '\u{a0}', '东', '昌', '府', '讯', '记', '者', '月', '日', '电',
            '，', '。', '“', '”', '（', '）', '【', '】', '·', '：', '1', '9', 'a', 'Z',
            '\u{feff}', '\u{e000}', '\u{f8ff}', '\u{200b}', '\u{200d}', '\u{fe0f}', '😀', '👍',
            '\u{1f3fd}', '𠀀', '\u{10fffd}', '\u{301}',
        ]),
        1 => prop::sample::select(vec![
            '\u{0}', '\u{1}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{fffe}',
            '\u{ffff}', '\u{fdd0}', '\u{10ffff}',
        ]),
        2 => any::<char>(),
    ]
}

fn hostile_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => hostile_char().prop_map(|c| c.to_string()),
            1 => prop::sample::select(vec![
                "<script>alert(1)</script>", "]]>", "<![CDATA[", "&amp;", "&#1;", "&#xFFFE;",
                "&lt;b&gt;", "<!--", "-->", "<?xml", "## ", "\n\n", "> ", "- ", "1. ", "```\n",
                "[x](javascript:alert(1))", "[y](https://a.b/?q=<1>&r=\"2\")", "东昌府讯 ",
                "新华社北京1月17日电（记者 李四）", "（融媒体中心 郭龙君）", "\n+++\n", "\n---\n",
            ])
            .prop_map(str::to_string),
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

fn link() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => Just(None),
        1 => prop::sample::select(vec![
            "https://example.com/a b?q=中&x=<y>",
            "http://x",
            "mailto:a@b.cn",
            "javascript:alert(1)",
            "data:text/html,<script>",
            "",
            "https://\u{1}\"'<>",
        ])
        .prop_map(|s| Some(s.to_string())),
        1 => hostile_string(8).prop_map(Some),
    ]
}

fn run() -> impl Strategy<Value = Run> {
    (
        hostile_string(24),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        link(),
    )
        .prop_map(|(text, emphasis, strong, strike, code, link)| Run {
            text,
            emphasis,
            strong,
            strike,
            code,
            link,
        })
}

fn paragraph() -> impl Strategy<Value = Paragraph> {
    prop::collection::vec(run(), 0..4).prop_map(|runs| Paragraph { runs })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        4 => paragraph().prop_map(Block::Paragraph),
        1 => paragraph().prop_map(Block::Subheading),
        1 => prop::collection::vec(paragraph(), 0..3).prop_map(|paragraphs| Block::Quote { paragraphs }),
        1 => (any::<bool>(), prop::collection::vec(paragraph(), 0..3))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
    ]
}

fn credit() -> impl Strategy<Value = Credit> {
    (
        prop::option::of(hostile_string(6)),
        prop::option::of(hostile_string(4)),
        prop::collection::vec(hostile_string(6), 0..3),
    )
        .prop_map(|(organisation, role, names)| Credit {
            organisation,
            role,
            names,
            filed: None,
        })
}

fn dateline() -> impl Strategy<Value = Dateline> {
    (
        prop::sample::select(vec![
            DatelineKind::Xun,
            DatelineKind::Dian,
            DatelineKind::Xiaoxi,
            DatelineKind::Bracketed,
        ]),
        hostile_string(8),
        hostile_string(6),
        prop::option::of(hostile_string(4)),
        prop::option::of(hostile_string(6)),
        prop::collection::vec(credit(), 0..2),
    )
        .prop_map(|(kind, text, source, place, date, credits)| Dateline {
            kind,
            text,
            source,
            place,
            date,
            credits,
        })
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::option::of(hostile_string(12)),
        prop::option::of(hostile_string(20)),
        prop::option::of(hostile_string(12)),
        prop::option::of(dateline()),
        prop::collection::vec(block(), 0..5),
        prop::option::of(
            prop::collection::vec(credit(), 0..3).prop_map(|credits| Byline { credits }),
        ),
    )
        .prop_map(
            |(kicker, headline, subtitle, dateline, body, byline)| Article {
                headline: HeadlineGroup {
                    kicker,
                    headline,
                    subtitle,
                },
                release: Vec::new(),
                dateline,
                body,
                byline,
                credits: Vec::new(),
            },
        )
}

/// The model holds only real dates (a typed value); any of them, at any precision.
fn date() -> impl Strategy<Value = Option<paiban::model::IssueDate>> {
    (
        0u32..12000,
        prop::option::of(0u32..14),
        prop::option::of(0u32..33),
    )
        .prop_map(|(y, m, d)| paiban::model::IssueDate::new(y, m, d))
}

fn language() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec!["zh-CN", "zh-Hant-TW", "en", "zh"]).prop_map(str::to_string),
        1 => hostile_string(6),
    ]
}

fn document() -> impl Strategy<Value = Document> {
    (
        hostile_string(16),
        prop::option::of(hostile_string(10)),
        date(),
        language(),
        hostile_string(12),
        prop::collection::vec(article(), 0..4),
    )
        .prop_map(
            |(title, publisher, date, language, identifier, articles)| Document {
                meta: Metadata {
                    title: Some(title),
                    publisher,
                    date,
                    language,
                    identifier,
                },
                articles,
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Checks

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| FontSet::builder().system(false).build().unwrap())
}

/// What every document the reader returns must satisfy.
fn check_reading(doc: &Document) -> Result<(), TestCaseError> {
    for (where_, text) in doc.text_items() {
        prop_assert!(
            !text.chars().any(is_forbidden),
            "{where_}: forbidden character in {text:?}"
        );
    }
    for a in &doc.articles {
        for b in &a.body {
            for p in b.paragraphs() {
                for r in &p.runs {
                    if let Some(l) = &r.link {
                        let l = l.to_ascii_lowercase();
                        prop_assert!(
                            l.starts_with("http://")
                                || l.starts_with("https://")
                                || l.starts_with("mailto:"),
                            "unsafe link {l:?}"
                        );
                    }
                }
            }
        }
    }
    // The model the reader gives back reads back as the same model.
    let json = serde_json::to_vec(doc).unwrap();
    let again = read_bytes(&json, Path::new("again.json"), &ReadOptions::default())
        .map_err(|e| TestCaseError::fail(format!("own JSON does not read back: {e}")))?;
    prop_assert_eq!(&again.document, doc);
    Ok(())
}

/// Every XML part of a DOCX or EPUB parses strictly.
fn check_package(format: Format, bytes: &[u8]) -> Result<(), TestCaseError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| TestCaseError::fail(format!("{format}: not a zip: {e}")))?;
    let mut parts = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        if ![".xml", ".xhtml", ".opf", ".ncx", ".rels"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            continue;
        }
        parts += 1;
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        let text = std::str::from_utf8(&data)
            .map_err(|e| TestCaseError::fail(format!("{format} {name}: not UTF-8: {e}")))?;
        prop_assert!(
            !text
                .chars()
                .any(|c| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')),
            "{} {}: a character XML 1.0 forbids",
            format,
            name
        );
        let mut reader = quick_xml::Reader::from_reader(data.as_slice());
        reader.config_mut().check_end_names = true;
        let mut buf = Vec::new();
        let mut depth = 0i64;
        let mut roots = 0;
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) => break,
                Ok(Event::Start(_)) => {
                    if depth == 0 {
                        roots += 1;
                    }
                    depth += 1;
                }
                Ok(Event::Empty(_)) if depth == 0 => roots += 1,
                Ok(Event::End(_)) => depth -= 1,
                Ok(Event::GeneralRef(r)) => {
                    let entity = r.xml10_content().into_owned();
                    let known = matches!(entity.as_str(), "amp" | "lt" | "gt" | "quot" | "apos")
                        || r.resolve_char_ref().is_ok_and(|c| c.is_some());
                    prop_assert!(known, "{} {}: entity &{};", format, name, entity);
                }
                Ok(_) => {}
                Err(e) => {
                    return Err(TestCaseError::fail(format!(
                        "{format} {name}: XML does not parse at {}: {e}",
                        reader.buffer_position()
                    )));
                }
            }
            buf.clear();
        }
        prop_assert_eq!(depth, 0, "{} {}: unclosed", format, name);
        prop_assert_eq!(roots, 1, "{} {}: one root element", format, name);
    }
    prop_assert!(parts > 0, "{format}: no XML parts");
    Ok(())
}

fn qpdf_available() -> bool {
    static QPDF: OnceLock<bool> = OnceLock::new();
    *QPDF.get_or_init(|| {
        let ok = Command::new("qpdf").arg("--version").output().is_ok();
        if !ok {
            eprintln!("qpdf is not installed: PDF structure not checked");
        }
        ok
    })
}

fn check_pdf(bytes: &[u8]) -> Result<(), TestCaseError> {
    prop_assert!(bytes.starts_with(b"%PDF-"));
    if !qpdf_available() {
        return Ok(());
    }
    let path = std::env::temp_dir().join(format!(
        "paiban-prop-{}-{:?}.pdf",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    prop_assert!(
        out.status.success(),
        "qpdf --check: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

fn render_all(doc: &Document, template: &str) -> Result<(), TestCaseError> {
    let template = Template::builtin(template).unwrap();
    let options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: fonts(),
        options: &options,
    };
    for format in [Format::Pdf, Format::Docx, Format::Epub] {
        let bytes = backend::render(format, doc, &ctx)
            .map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
        match format {
            Format::Pdf => check_pdf(&bytes)?,
            _ => check_package(format, &bytes)?,
        }
    }
    Ok(())
}

fn template() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["newspaper", "gongwen", "book"])
}

// ---------------------------------------------------------------------------------------------
// Properties

/// `n` cases, or `PROPTEST_CASES` when it is set (for a longer run by hand); failing cases
/// are kept in `tests/properties.proptest-regressions` and tried first on every run.
fn config(n: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(n),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048), json in any::<bool>()) {
        let name = if json { "x.json" } else { "x.md" };
        if let Ok(r) = read_bytes(&bytes, Path::new(name), &ReadOptions::default()) {
            check_reading(&r.document)?;
        }
    }

    #[test]
    fn reader_never_panics_on_arbitrary_text(text in hostile_string(400)) {
        let read = read_bytes(text.as_bytes(), Path::new("x-2022-09.md"), &ReadOptions::default());
        if std::env::var_os("PAIBAN_PROPTEST_STATS").is_some() {
            eprintln!("{}", match &read { Ok(_) => "ok".to_string(), Err(e) => format!("{e:?}").chars().take(30).collect() });
        }
        if let Ok(r) = read {
            check_reading(&r.document)?;
        }
        // The same text as GB18030 and UTF-16 decodes to the same reading, or fails alike.
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
        if !unmappable {
            let _ = read_bytes(&gbk, Path::new("x.md"), &ReadOptions::default());
        }
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let a = read_bytes(&utf16, Path::new("x.md"), &ReadOptions::default());
        let b = read_bytes(text.as_bytes(), Path::new("x.md"), &ReadOptions::default());
        prop_assert_eq!(a.is_ok(), b.is_ok());
    }

    #[test]
    fn arbitrary_json_models_are_read_clean(doc in document()) {
        let json = serde_json::to_vec(&doc).unwrap();
        let read = read_bytes(&json, Path::new("m.json"), &ReadOptions::default());
        // A model is read clean, unless its language is no language tag or its identifier is
        // empty: those are refused.
        let language_ok = paiban::source::metadata::is_language_tag(&doc.meta.language);
        let identifier_ok = !paiban::source::sanitize::is_blank(&doc.meta.identifier);
        if language_ok && identifier_ok {
            let r = read.map_err(|e| TestCaseError::fail(e.to_string()))?;
            check_reading(&r.document)?;
        } else {
            let e = read.err().ok_or_else(|| TestCaseError::fail("a bad model was read"))?;
            let why = if language_ok { "identifier must not be empty" } else { "is not a language tag" };
            prop_assert!(e.to_string().contains(why), "{e}");
        }
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Models built in code skip the reader: the backends' own escaping must hold.
    #[test]
    fn every_backend_renders_arbitrary_models(doc in document(), template in template()) {
        render_all(&doc, template)?;
    }

    #[test]
    fn every_backend_renders_arbitrary_text(text in hostile_string(300), template in template()) {
        if let Ok(r) = read_bytes(text.as_bytes(), Path::new("x.md"), &ReadOptions::default()) {
            render_all(&r.document, template)?;
        }
    }
}

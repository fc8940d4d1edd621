//! Release metadata, closing credits and struck text in every format, and no invented masthead
//! for a file without a title (issue 13): the PDF's layout, the DOCX's paragraphs and the
//! EPUB's pages hold the same lines in the same order.

use std::io::{Cursor, Read};
use std::path::Path;

use paiban::backend::pdf::layout::flow::Mark;
use paiban::backend::pdf::layout::layout;
use paiban::backend::{Context, Format, RenderOptions, render};
use paiban::fonts::FontSet;
use paiban::model::Document;
use paiban::source::{ReadOptions, read_path};
use paiban::typography::Template;

const RELEASE: &str = "tests/inputs/release-traditional.txt";
const TOOLS: &str = "tests/inputs/tools-wps-paste.txt";

fn read(path: &str) -> Document {
    read_path(Path::new(path), &ReadOptions::default())
        .unwrap()
        .document
}

fn fonts() -> FontSet {
    FontSet::builder().system(false).build().unwrap()
}

fn output(doc: &Document, format: Format) -> Vec<u8> {
    let template = Template::builtin("newspaper").unwrap();
    let fonts = fonts();
    let options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    render(format, doc, &ctx).unwrap()
}

/// Every text line the PDF draws, page by page, top to bottom as laid out.
fn pdf_lines(doc: &Document) -> Vec<String> {
    let t = Template::builtin("newspaper").unwrap();
    let l = layout(doc, &t, &fonts());
    let mut lines = Vec::new();
    for page in &l.pages {
        for pl in &page.lines {
            let text: String = pl
                .line
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Run(r) => Some(r.text.as_str()),
                    _ => None,
                })
                .collect();
            lines.push(text.trim_end().to_string());
        }
    }
    lines
}

fn entries(zip_bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if let Ok(text) = String::from_utf8(bytes) {
            out.push((name, text));
        }
    }
    out
}

/// One part of the rendered package: `word/document.xml`, `OEBPS/a001.xhtml`.
fn part(doc: &Document, format: Format, name: &str) -> String {
    entries(&output(doc, format))
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .1
}

/// The text of each `w:p` in the DOCX body with its style id.
fn docx_paragraphs(xml: &str) -> Vec<(String, String)> {
    xml.split("<w:p>")
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or("");
            let style = p
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("")
                .to_string();
            let text: String = p
                .split("<w:t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .filter_map(|t| t.split("</w:t>").next())
                .collect();
            (style, text)
        })
        .collect()
}

const RELEASE_LINE: &str =
    "發稿單位：臺南市政府工務局\u{3000}發稿時間：2025-01-08 15:55\u{3000}發稿人：陳小明";

#[test]
fn release_metadata_stands_before_the_lead_in_every_format() {
    let doc = read(RELEASE);
    let lead = "臺南市政府今（8）日宣布";
    // PDF: the release line, then the lead's first line.
    let lines = pdf_lines(&doc);
    let at = lines
        .iter()
        .position(|l| l == RELEASE_LINE)
        .expect("release line");
    assert!(lines[at + 1].starts_with(lead), "{lines:?}");
    // DOCX: a Release paragraph right before the first body paragraph.
    let xml = &part(&doc, Format::Docx, "word/document.xml");
    let paras = docx_paragraphs(xml);
    let at = paras.iter().position(|(_, t)| t == RELEASE_LINE).unwrap();
    assert_eq!(paras[at].0, "Release");
    assert!(paras[at + 1].1.starts_with(lead));
    // EPUB: p.release before the lead.
    let page = &part(&doc, Format::Epub, "OEBPS/a001.xhtml");
    let release = format!("<p class=\"release\">{RELEASE_LINE}</p>");
    let r = page.find(&release).expect("p.release");
    assert!(page[r..].find(lead).is_some());
}

#[test]
fn credits_follow_the_byline_in_every_format() {
    let doc = read(TOOLS);
    let byline = "（本报记者 张三 本报通讯员 李四）";
    let credits = "责任编辑：王五\u{3000}审核：赵六";
    let lines = pdf_lines(&doc);
    let b = lines.iter().position(|l| l == byline).expect("byline");
    assert_eq!(lines[b + 1], credits, "{lines:?}");
    let xml = &part(&doc, Format::Docx, "word/document.xml");
    let paras = docx_paragraphs(xml);
    let b = paras.iter().position(|(_, t)| t == byline).unwrap();
    assert_eq!(paras[b + 1], ("Credits".to_string(), credits.to_string()));
    let page = &part(&doc, Format::Epub, "OEBPS/a001.xhtml");
    assert!(page.contains(&format!(
        "<p class=\"byline\">{byline}</p>\n<p class=\"credits\">{credits}</p>"
    )));
}

#[test]
fn a_file_without_a_title_gets_no_masthead_in_any_format() {
    let doc = read(RELEASE);
    assert_eq!(doc.meta.title, None);
    let headline = "臺南市啟動老舊社區道路改善計畫\u{3000}年底前完成十二處";
    // PDF: the first line on the first page is the headline, and the file's name is nowhere.
    let lines = pdf_lines(&doc);
    let first = lines.iter().find(|l| !l.is_empty()).unwrap();
    assert!(
        first.starts_with("臺南市啟動老舊社區道路改善計畫"),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.contains("release")), "{lines:?}");
    for format in [Format::Docx, Format::Epub] {
        let parts = entries(&output(&doc, format));
        for (name, text) in &parts {
            assert!(!text.contains("release-traditional"), "{format:?} {name}");
            assert!(!text.contains("IssueTitle\"/>"), "{format:?} {name}");
            assert!(!text.contains("issue-title\""), "{format:?} {name}");
        }
        if format == Format::Epub {
            let opf = &parts.iter().find(|(n, _)| n.ends_with(".opf")).unwrap().1;
            assert!(
                opf.contains(&format!("<dc:title>{headline}</dc:title>")),
                "{opf}"
            );
        }
    }
}

#[test]
fn struck_text_is_struck_in_every_format() {
    let doc = paiban::source::read_str(
        "## 更正\n\n本报讯 会议时间应为~~9月2日~~9月3日，特此更正。\n",
        "s.md",
    )
    .unwrap()
    .document;
    let t = Template::builtin("newspaper").unwrap();
    let l = layout(&doc, &t, &fonts());
    let strikes: Vec<f32> = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|pl| &pl.line.marks)
        .filter_map(|m| match m {
            Mark::Strike { width, .. } => Some(*width),
            _ => None,
        })
        .collect();
    // One line through the four characters of `9月2日` (digits are narrower than an em).
    assert_eq!(strikes.len(), 1);
    let body = t.role(paiban::typography::Role::Body).size_pt() as f32;
    assert!(
        strikes[0] > 2.0 * body && strikes[0] < 4.0 * body,
        "{strikes:?}"
    );
    let xml = &part(&doc, Format::Docx, "word/document.xml");
    assert!(xml.contains("<w:r><w:rPr><w:strike/></w:rPr><w:t>9月2日</w:t></w:r>"));
    let page = &part(&doc, Format::Epub, "OEBPS/a001.xhtml");
    // `为9` takes the Han–Latin gap (a span around `为`), the date's digits none.
    assert!(
        page.contains("应<span class=\"gap\">为</span><del>9月2日</del>9月3日"),
        "{page}"
    );
    assert!(!xml.contains("~~") && !page.contains("~~"));
}

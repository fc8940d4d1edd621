//! The three formats set the same text in the same roles (issue 14): for the sample and every
//! input under `tests/inputs/`, with every built-in template, each block's role and text is
//! read back from the PDF's layout, the DOCX's paragraphs (style, runs and the numbering's
//! markers) and the EPUB's elements, and the three lists must be equal, lead-ins and separators
//! included. Then each role's face, size and alignment must agree between the DOCX styles, the
//! EPUB stylesheet and the PDF's lines.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use zip::ZipArchive;

use paiban::backend::pdf::layout::{self, flow::Mark};
use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::model::Document;
use paiban::source::{ReadOptions, read_path};
use paiban::typography::{Align, Role, Template};

const TEMPLATES: [&str; 3] = ["newspaper", "gongwen", "book"];

fn inputs() -> Vec<String> {
    let mut out = vec!["samples/dongchangfu-2022-09.md".to_owned()];
    let mut more: Vec<String> = std::fs::read_dir("tests/inputs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    more.sort();
    out.extend(more);
    out
}

fn read(path: &str) -> Document {
    read_path(Path::new(path), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .document
}

fn fonts() -> FontSet {
    FontSet::builder().system(false).build().unwrap()
}

fn render(format: Format, doc: &Document, template: &Template, fonts: &FontSet) -> Vec<u8> {
    let options = RenderOptions::default();
    let ctx = Context {
        template,
        fonts,
        options: &options,
    };
    backend::render(format, doc, &ctx).unwrap()
}

type Blocks = Vec<(Role, String)>;

// ---------------------------------------------------------------------------------------------
// PDF: the layout's own record of each line's role, lines grouped into paragraphs.

/// Paragraphs as (role, lines); running heads and feet left out.
fn pdf_paragraphs(doc: &Document, t: &Template, fonts: &FontSet) -> Vec<(Role, Vec<String>)> {
    let l = layout::layout(doc, t, fonts);
    let mut out: Vec<(Role, Vec<String>)> = Vec::new();
    for page in &l.pages {
        for pl in &page.lines {
            let line = &pl.line;
            if matches!(line.role, Role::Header | Role::Footer) {
                continue;
            }
            let text: String = line
                .marks
                .iter()
                .filter_map(|m| match m {
                    Mark::Run(r) => Some(r.text.as_str()),
                    _ => None,
                })
                .collect();
            if line.starts_paragraph {
                out.push((line.role, Vec::new()));
            }
            let last = out.last_mut().expect("a paragraph starts first");
            assert_eq!(last.0, line.role, "a paragraph's lines share its role");
            last.1.push(text);
        }
    }
    out
}

/// Whether `lines` set `text`: in order, where a phrase gap (U+3000) at a line's edge may be
/// left undrawn (the PDF does not draw a gap at the start or end of a line).
fn sets(lines: &[String], text: &str) -> bool {
    let mut rest = text;
    for (i, line) in lines.iter().enumerate() {
        if i > 0 && !rest.starts_with(line.as_str()) {
            rest = rest.strip_prefix('\u{3000}').unwrap_or(rest);
        }
        let Some(r) = rest.strip_prefix(line.as_str()) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

// ---------------------------------------------------------------------------------------------
// DOCX: paragraph styles and runs, list markers from numbering.xml.

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if [".xml", ".xhtml", ".css", ".opf"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            out.insert(name, s);
        }
    }
    out
}

/// A flat view of an XML part: (depth, element name, attributes) starts and the text under
/// each, enough for both packages.
#[derive(Debug)]
enum X {
    Start(String, HashMap<String, String>),
    End(String),
    Text(String),
}

fn events(xml: &str) -> Vec<X> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event().unwrap() {
            Event::Start(e) => out.push(X::Start(name(&e), attrs(&e))),
            Event::Empty(e) => {
                out.push(X::Start(name(&e), attrs(&e)));
                out.push(X::End(name(&e)));
            }
            Event::End(e) => out.push(X::End(e.name().as_ref().to_owned())),
            Event::Text(t) => out.push(X::Text(t.xml10_content().into_owned())),
            Event::GeneralRef(g) => {
                let reference = format!("&{};", g.xml10_content());
                out.push(X::Text(
                    quick_xml::escape::unescape(&reference)
                        .unwrap()
                        .into_owned(),
                ))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn name(e: &quick_xml::events::BytesStart) -> String {
    e.name().as_ref().to_owned()
}

fn attrs(e: &quick_xml::events::BytesStart) -> HashMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                a.key.as_ref().to_owned(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect()
}

/// Word style ids → roles: Word's built-in ids where Word has the style.
fn docx_role(style: &str) -> Role {
    match style {
        "BodyText" => Role::Body,
        "Kicker" => Role::Kicker,
        "Heading1" => Role::Headline,
        "Subtitle" => Role::Subtitle,
        "Heading2" => Role::Subheading,
        "Quote" => Role::Quote,
        "ListParagraph" => Role::ListItem,
        "Byline" => Role::Byline,
        "Release" => Role::Release,
        "Credits" => Role::Credits,
        "IssueTitle" => Role::IssueTitle,
        "MastheadLine" => Role::MastheadLine,
        "Caption" => Role::Caption,
        "TableText" => Role::TableCell,
        "Header" => Role::Header,
        "Footer" => Role::Footer,
        other => panic!("unexpected paragraph style {other}"),
    }
}

fn docx_blocks(files: &BTreeMap<String, String>) -> Blocks {
    // numId → the level text of its abstract numbering.
    let mut level_text: HashMap<String, String> = HashMap::new();
    if let Some(n) = files.get("word/numbering.xml") {
        let mut abstract_text: HashMap<String, String> = HashMap::new();
        let mut current = String::new();
        let mut num = String::new();
        for e in events(n) {
            if let X::Start(name, a) = e {
                match name.as_str() {
                    "w:abstractNum" => current = a["w:abstractNumId"].clone(),
                    "w:lvlText" => {
                        abstract_text.insert(current.clone(), a["w:val"].clone());
                    }
                    "w:num" => num = a["w:numId"].clone(),
                    "w:abstractNumId" => {
                        level_text.insert(num.clone(), abstract_text[&a["w:val"]].clone());
                    }
                    // A number tabs to the end of its marker box; a bullet carries its space.
                    "w:suff" => assert!(matches!(a["w:val"].as_str(), "tab" | "nothing")),
                    _ => {}
                }
            }
        }
    }
    let mut counters: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    let mut style = String::new();
    let mut num: Option<String> = None;
    let mut text = String::new();
    let mut in_t = false;
    for e in events(&files["word/document.xml"]) {
        match e {
            X::Start(n, a) => match n.as_str() {
                "w:p" => {
                    style.clear();
                    num = None;
                    text.clear();
                }
                "w:pStyle" => style = a["w:val"].clone(),
                "w:numId" => num = Some(a["w:val"].clone()),
                "w:t" => in_t = true,
                "w:tab" => text.push('\t'),
                "w:br" => text.push('\n'),
                _ => {}
            },
            X::Text(t) if in_t => text.push_str(&t),
            X::End(n) if n == "w:t" => in_t = false,
            X::End(n) if n == "w:p" => {
                let mut full = String::new();
                if let Some(id) = &num {
                    let count = counters.entry(id.clone()).or_default();
                    *count += 1;
                    full = level_text[id].replace("%1", &count.to_string());
                }
                full.push_str(&text);
                out.push((docx_role(&style), full));
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// EPUB: the cover page's masthead, then each article page's elements in spine order.

fn epub_role(name: &str, class: Option<&str>, in_quote: bool) -> Option<Role> {
    Some(match (name, class) {
        ("h1", Some("issue-title")) => Role::IssueTitle,
        ("p", Some("masthead-line")) => Role::MastheadLine,
        ("h1", None) => Role::Headline,
        ("p", Some("kicker")) => Role::Kicker,
        ("p", Some("subtitle")) => Role::Subtitle,
        ("h2", Some("subheading")) => Role::Subheading,
        ("p", Some("byline")) => Role::Byline,
        ("p", Some("release")) => Role::Release,
        ("p", Some("credits")) => Role::Credits,
        ("li", None) => Role::ListItem,
        ("p", None) if in_quote => Role::Quote,
        ("p", None) => Role::Body,
        _ => return None,
    })
}

fn epub_page_blocks(xhtml: &str, out: &mut Blocks) {
    let mut open: Option<(Role, String)> = None;
    let mut quote = 0;
    let mut in_body = false;
    for e in events(xhtml) {
        match e {
            X::Start(n, a) => {
                if n == "body" {
                    in_body = true;
                }
                if n == "blockquote" {
                    quote += 1;
                }
                if in_body
                    && open.is_none()
                    && let Some(role) = epub_role(&n, a.get("class").map(String::as_str), quote > 0)
                {
                    open = Some((role, String::new()));
                }
                if n == "br"
                    && let Some((_, t)) = &mut open
                {
                    t.push('\n');
                }
            }
            X::Text(t) => {
                if let Some((_, s)) = &mut open {
                    s.push_str(&t);
                }
            }
            X::End(n) => {
                if n == "blockquote" {
                    quote -= 1;
                }
                if matches!(n.as_str(), "p" | "li" | "h1" | "h2")
                    && let Some(block) = open.take()
                {
                    out.push(block);
                }
            }
        }
    }
}

fn epub_blocks(files: &BTreeMap<String, String>) -> Blocks {
    let opf = &files["OEBPS/content.opf"];
    let mut hrefs = HashMap::new();
    let mut spine = Vec::new();
    for e in events(opf) {
        if let X::Start(n, a) = e {
            match n.as_str() {
                "item" => {
                    hrefs.insert(a["id"].clone(), a["href"].clone());
                }
                "itemref" => spine.push(a["idref"].clone()),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for id in spine {
        let href = &hrefs[&id];
        if href == "nav.xhtml" {
            continue;
        }
        epub_page_blocks(&files[&format!("OEBPS/{href}")], &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------

#[test]
fn every_format_sets_the_same_blocks_in_the_same_roles() {
    let fonts = fonts();
    for input in inputs() {
        let doc = read(&input);
        let plan = paiban::plan::plan(&doc, &Template::builtin("newspaper").unwrap());
        let mut want: Blocks = Vec::new();
        if let Some(m) = &plan.masthead {
            want.extend(m.title.iter().map(|t| (Role::IssueTitle, t.clone())));
            want.extend(m.line.iter().map(|t| (Role::MastheadLine, t.clone())));
        }
        for a in &plan.articles {
            want.extend(a.blocks.iter().map(|b| (b.role, b.text())));
        }
        for name in TEMPLATES {
            let t = Template::builtin(name).unwrap();
            let at = format!("{input} ({name})");

            let docx = docx_blocks(&unzip(&render(Format::Docx, &doc, &t, &fonts)));
            assert_eq!(docx, want, "DOCX of {at}");

            let epub = epub_blocks(&unzip(&render(Format::Epub, &doc, &t, &fonts)));
            assert_eq!(epub, want, "EPUB of {at}");

            let pdf = pdf_paragraphs(&doc, &t, &fonts);
            let roles: Vec<Role> = pdf.iter().map(|(r, _)| *r).collect();
            let want_roles: Vec<Role> = want.iter().map(|(r, _)| *r).collect();
            assert_eq!(roles, want_roles, "PDF roles of {at}");
            for ((_, lines), (role, text)) in pdf.iter().zip(&want) {
                assert!(
                    sets(lines, text),
                    "PDF of {at}: {role:?} {lines:?} is not {text:?}"
                );
            }
        }
    }
}

/// The same block's lead-ins are the same text in all three: the dateline and its separator,
/// list markers. Pinned on a small story so a failure names the exact lead.
#[test]
fn leads_and_markers_are_the_same_text_everywhere() {
    let src = "---\ntitle: 县城快报\npublisher: 县融媒体中心\ndate: 2026-03-05\n---\n\n\
               ## 春耕备耕有序推进\n\n东昌府讯　全县春耕备耕工作有序推进。\n\n\
               ## 便民服务再升级\n\n【县融媒】\n\n- 延长办事时间\n- 增设帮办窗口\n\n\
               1. 线上预约\n2. 现场取号\n\n> 办事群众说：“方便多了。”\n";
    let doc = paiban::source::read_str(src, "s.md").unwrap().document;
    let fonts = fonts();
    let t = Template::builtin("newspaper").unwrap();
    let docx = docx_blocks(&unzip(&render(Format::Docx, &doc, &t, &fonts)));
    let texts: Vec<&str> = docx.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        texts,
        [
            "县城快报",
            "县融媒体中心\u{3000}2026年3月5日",
            "春耕备耕有序推进",
            "东昌府讯\u{3000}全县春耕备耕工作有序推进。",
            "便民服务再升级",
            "【县融媒】",
            "•\u{2002}延长办事时间",
            "•\u{2002}增设帮办窗口",
            "1．线上预约",
            "2．现场取号",
            "办事群众说：“方便多了。”",
        ]
    );
    let epub = epub_blocks(&unzip(&render(Format::Epub, &doc, &t, &fonts)));
    assert_eq!(epub, docx);
    let pdf = pdf_paragraphs(&doc, &t, &fonts);
    for ((_, lines), (_, text)) in pdf.iter().zip(&docx) {
        assert!(sets(lines, text), "{lines:?} is not {text:?}");
    }
    assert_eq!(pdf.len(), docx.len());
}

// ---------------------------------------------------------------------------------------------
// Each role's face, size and alignment.

/// A role's look as one format states it: family, size in pt, alignment.
#[derive(Debug, PartialEq)]
struct Look {
    family: String,
    size: f64,
    align: Option<Align>,
}

fn docx_looks(styles: &str) -> HashMap<Role, Look> {
    let mut out = HashMap::new();
    let mut current: Option<Role> = None;
    let mut look = Look {
        family: String::new(),
        size: 0.0,
        align: None,
    };
    for e in events(styles) {
        match e {
            X::Start(n, a) => match n.as_str() {
                "w:style" if a["w:type"] == "paragraph" && a["w:styleId"] != "Normal" => {
                    current = Some(docx_role(&a["w:styleId"]));
                    look = Look {
                        family: String::new(),
                        size: 0.0,
                        align: None,
                    };
                }
                "w:rFonts" if current.is_some() => {
                    look.family = a.get("w:eastAsia").cloned().unwrap_or_default()
                }
                "w:sz" if current.is_some() => look.size = a["w:val"].parse::<f64>().unwrap() / 2.0,
                "w:jc" if current.is_some() => {
                    look.align = Some(match a["w:val"].as_str() {
                        "left" => Align::Left,
                        "center" => Align::Centre,
                        "right" => Align::Right,
                        "both" => Align::Justify,
                        v => panic!("jc {v}"),
                    })
                }
                _ => {}
            },
            X::End(n) if n == "w:style" => {
                if let Some(role) = current.take() {
                    out.insert(
                        role,
                        std::mem::replace(
                            &mut look,
                            Look {
                                family: String::new(),
                                size: 0.0,
                                align: None,
                            },
                        ),
                    );
                }
            }
            _ => {}
        }
    }
    out
}

/// The declarations of the rule for `selector`.
fn css_rule<'a>(css: &'a str, selector: &str) -> Option<&'a str> {
    let start = css.find(&format!("\n{selector} {{"))? + selector.len() + 3;
    let body = &css[start..];
    Some(&body[..body.find('}')?])
}

fn css_value<'a>(rule: &'a str, property: &str) -> Option<&'a str> {
    rule.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(&format!("{property}: ")))
        .map(|v| v.trim_end_matches(';'))
}

#[test]
fn every_role_has_the_same_face_size_and_alignment_in_every_format() {
    let fonts = fonts();
    let doc = read("tests/inputs/hard-markup.md");
    for name in TEMPLATES {
        let t = Template::builtin(name).unwrap();
        let docx = unzip(&render(Format::Docx, &doc, &t, &fonts));
        let epub = unzip(&render(Format::Epub, &doc, &t, &fonts));
        let looks = docx_looks(&docx["word/styles.xml"]);
        let css = &epub["OEBPS/style.css"];
        let body_pt = t.role(Role::Body).size_pt();
        let selectors = [
            (Role::Body, "p, nav li"),
            (Role::Kicker, "p.kicker"),
            (Role::Headline, "h1"),
            (Role::Subtitle, "p.subtitle"),
            (Role::Subheading, "h2.subheading"),
            (Role::Quote, "blockquote p"),
            (Role::ListItem, "article li"),
            (Role::Byline, "p.byline"),
            (Role::Release, "p.release"),
            (Role::Credits, "p.credits"),
            (Role::IssueTitle, "h1.issue-title"),
            (Role::MastheadLine, "p.masthead-line"),
            (Role::Caption, "figcaption"),
            (Role::TableCell, "td"),
        ];
        // The PDF's lines of each role: the family and size of the runs that set most of its
        // characters (a dateline leads a body line in its own face).
        let layout = layout::layout(&doc, &t, &fonts);
        let mut counts: HashMap<Role, HashMap<(String, u32), usize>> = HashMap::new();
        for page in &layout.pages {
            for pl in &page.lines {
                for mark in &pl.line.marks {
                    if let Mark::Run(run) = mark {
                        let family = fonts.info(run.face).unwrap().family.clone();
                        *counts
                            .entry(pl.line.role)
                            .or_default()
                            .entry((family, (run.size * 100.0).round() as u32))
                            .or_default() += run.text.chars().count();
                    }
                }
            }
        }
        let pdf: HashMap<Role, (String, f64)> = counts
            .into_iter()
            .map(|(role, c)| {
                let ((family, size), _) =
                    c.into_iter().max_by_key(|(k, n)| (*n, k.clone())).unwrap();
                (role, (family, f64::from(size) / 100.0))
            })
            .collect();
        for (role, selector) in selectors {
            let style = t.role(role);
            let at = format!("{name} {role:?}");
            let d = &looks[&role];
            let rule = css_rule(css, selector).unwrap_or_else(|| panic!("{at}: no {selector}"));
            // Sizes: the DOCX in half points, the EPUB in em of the body.
            let em: f64 = css_value(rule, "font-size")
                .and_then(|v| v.strip_suffix("em"))
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                (d.size - style.size_pt()).abs() <= 0.25,
                "{at}: DOCX {}",
                d.size
            );
            assert!(
                (em * body_pt - style.size_pt()).abs() < 0.01,
                "{at}: EPUB {em}em"
            );
            // Alignment.
            let css_align = match css_value(rule, "text-align").unwrap() {
                "left" => Align::Left,
                "center" => Align::Centre,
                "right" => Align::Right,
                "justify" => Align::Justify,
                v => panic!("{at}: text-align {v}"),
            };
            assert_eq!(d.align, Some(style.align), "{at}: DOCX alignment");
            assert_eq!(css_align, style.align, "{at}: EPUB alignment");
            // Face: the DOCX's East Asian family is the first family of the CSS rule, and the
            // face the PDF draws the role's first glyphs with.
            let css_family = css_value(rule, "font-family")
                .unwrap()
                .split(',')
                .next()
                .unwrap()
                .trim_matches('"')
                .to_owned();
            assert_eq!(d.family, css_family, "{at}: DOCX and EPUB faces");
            if let Some((family, size)) = pdf.get(&role) {
                assert_eq!(family, &d.family, "{at}: PDF face");
                assert!(
                    (size - style.size_pt()).abs() < 0.01,
                    "{at}: PDF size {size}"
                );
            }
        }
        // The sample input sets every role a news story has.
        for role in [
            Role::Kicker,
            Role::Headline,
            Role::Subtitle,
            Role::Subheading,
            Role::Quote,
            Role::ListItem,
            Role::Body,
            Role::Byline,
            Role::IssueTitle,
            Role::MastheadLine,
        ] {
            assert!(pdf.contains_key(&role), "{name}: no PDF line of {role:?}");
        }
    }
}

/// Strong text in the template's strong face (bold Hei) and emphasis as 着重号 in all three:
/// the PDF drew strong text regular (no bold serif face) and the DOCX emphasis italic.
#[test]
fn strong_and_emphasis_are_set_alike() {
    let src = "## 标题\n\n本报讯 会议**重点部署**了工作，要求*狠抓落实*。\n";
    let doc = paiban::source::read_str(src, "s.md").unwrap().document;
    let fonts = fonts();
    for name in TEMPLATES {
        let t = Template::builtin(name).unwrap();
        let strong_family = match &t.inline.strong {
            paiban::typography::FontRef::SansBold => paiban::fonts::bundled::SANS_BOLD_FAMILY,
            other => panic!("{name}: strong = {other:?}"),
        };
        // DOCX: the strong run names the strong face and is bold; emphasis is `w:em underDot`.
        let docx = unzip(&render(Format::Docx, &doc, &t, &fonts));
        let body = &docx["word/document.xml"];
        let strong_run = body
            .split("<w:r>")
            .find(|r| r.contains("重点部署"))
            .unwrap();
        assert!(
            strong_run.contains(&format!("w:eastAsia=\"{strong_family}\"")),
            "{strong_run}"
        );
        assert!(strong_run.contains("<w:b/>"), "{strong_run}");
        let em_run = body
            .split("<w:r>")
            .find(|r| r.contains("狠抓落实"))
            .unwrap();
        assert!(em_run.contains("<w:em w:val=\"underDot\"/>"), "{em_run}");
        assert!(!em_run.contains("<w:i/>"), "{em_run}");
        // EPUB: the stylesheet's strong rule names the same family; em is dots.
        let epub = unzip(&render(Format::Epub, &doc, &t, &fonts));
        let css = &epub["OEBPS/style.css"];
        let strong = css_rule(css, "strong").unwrap();
        assert!(
            css_value(strong, "font-family")
                .unwrap()
                .starts_with(&format!("\"{strong_family}\"")),
            "{strong}"
        );
        let em = css_rule(css, "em").unwrap();
        assert_eq!(css_value(em, "text-emphasis"), Some("filled dot"), "{em}");
        // PDF: the strong characters are drawn in that face; the emphasised ones get dots.
        let layout = layout::layout(&doc, &t, &fonts);
        let marks: Vec<&Mark> = layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.line.marks)
            .collect();
        let strong_face = marks
            .iter()
            .find_map(|m| match m {
                Mark::Run(r) if r.text.contains("重点部署") => Some(r.face),
                _ => None,
            })
            .unwrap();
        assert_eq!(fonts.info(strong_face).unwrap().family, strong_family);
        let dots = marks
            .iter()
            .filter(|m| matches!(m, Mark::Dot { .. }))
            .count();
        assert_eq!(dots, "狠抓落实".chars().count(), "{name}");
    }
}

/// `emphasis = "italic"` slants emphasis in every format instead of dotting it.
#[test]
fn italic_emphasis_is_italic_everywhere() {
    let src = "## 标题\n\n本报讯 会议要求*狠抓落实*。\n";
    let doc = paiban::source::read_str(src, "s.md").unwrap().document;
    let fonts = fonts();
    let t = Template::from_toml_str("[inline]\nemphasis = \"italic\"\n", "italic.toml").unwrap();
    let docx = unzip(&render(Format::Docx, &doc, &t, &fonts));
    let em_run = docx["word/document.xml"]
        .split("<w:r>")
        .find(|r| r.contains("狠抓落实"))
        .unwrap()
        .to_owned();
    assert!(
        em_run.contains("<w:i/>") && !em_run.contains("w:em"),
        "{em_run}"
    );
    let epub = unzip(&render(Format::Epub, &doc, &t, &fonts));
    let em = css_rule(&epub["OEBPS/style.css"], "em").unwrap();
    assert_eq!(css_value(em, "font-style"), Some("italic"));
    assert_eq!(css_value(em, "text-emphasis"), None);
    let layout = layout::layout(&doc, &t, &fonts);
    let runs: Vec<(String, bool)> = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.line.marks)
        .filter_map(|m| match m {
            Mark::Run(r) => Some((r.text.clone(), r.slant)),
            Mark::Dot { .. } => panic!("no dots with italic emphasis"),
            _ => None,
        })
        .collect();
    assert!(runs.contains(&("狠抓落实".to_owned(), true)), "{runs:?}");
    assert!(
        runs.iter()
            .filter(|(_, s)| *s)
            .all(|(t, _)| t == "狠抓落实")
    );
}

// ---------------------------------------------------------------------------------------------
// One subset per face.

fn unzip_bytes(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().unwrap().into_owned(), data);
    }
    out
}

/// The DOCX and the EPUB of one planned document embed the same subset of each face, cut once:
/// the plan lists every character either writer draws (none falls outside it), and the DOCX's
/// font parts are the EPUB's subsets with only their first 32 bytes obfuscated.
#[test]
fn docx_and_epub_share_one_subset_per_face() {
    let fonts = fonts();
    let options = RenderOptions::default();
    for name in TEMPLATES {
        let t = Template::builtin(name).unwrap();
        let ctx = Context {
            template: &t,
            fonts: &fonts,
            options: &options,
        };
        for input in inputs() {
            let doc = read(&input);
            let planned = backend::Planned::new(&doc, &t);
            let docx = backend::render_planned(Format::Docx, &planned, &ctx).unwrap();
            let epub = backend::render_planned(Format::Epub, &planned, &ctx).unwrap();
            assert_eq!(planned.outside_plan(), 0, "{name} {input}");
            let docx = unzip_bytes(&docx);
            let epub = unzip_bytes(&epub);
            let epub_fonts: Vec<&Vec<u8>> = epub
                .iter()
                .filter(|(n, _)| n.ends_with(".ttf"))
                .map(|(_, b)| b)
                .collect();
            let docx_fonts: Vec<&Vec<u8>> = docx
                .iter()
                .filter(|(n, _)| n.ends_with(".odttf"))
                .map(|(_, b)| b)
                .collect();
            assert!(!epub_fonts.is_empty(), "{name} {input}");
            assert_eq!(
                planned.subsets_cut(),
                epub_fonts.len(),
                "{name} {input}: one cut per embedded face"
            );
            // The EPUB draws every face the DOCX does, and its contents heading perhaps one more.
            assert!(!docx_fonts.is_empty(), "{name} {input}");
            for d in &docx_fonts {
                assert!(
                    epub_fonts
                        .iter()
                        .any(|e| d.len() == e.len() && d[32..] == e[32..] && d[..32] != e[..32]),
                    "{name} {input}: the DOCX's font is not the EPUB's subset"
                );
            }
        }
    }
}

//! The EPUB backend, checked from the outside: the package is unzipped and its XML parsed, and
//! what it says is compared with the article model.

mod common;
use common::cmap;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::Event;
use zip::{CompressionMethod, ZipArchive};

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::model::{Block, Document};
use paiban::source::{ReadOptions, read_path};
use paiban::typography::Template;

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";
const INPUTS: [&str; 4] = [
    SAMPLE,
    "tests/inputs/hard-markup.md",
    "tests/inputs/no-headline.md",
    "tests/inputs/wire.md",
];
const TEMPLATES: [&str; 3] = ["newspaper", "gongwen", "book"];

fn read(path: &str) -> Document {
    read_path(Path::new(path), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .document
}

/// The bundled faces only: what every machine has, whatever its system fonts.
fn bundled_fonts() -> FontSet {
    FontSet::builder()
        .system(false)
        .build()
        .expect("bundled faces")
}

fn epub(doc: &Document, template: &str) -> Vec<u8> {
    let template = Template::builtin(template).expect("built-in template");
    let options = RenderOptions::default();
    let fonts = bundled_fonts();
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    backend::render(Format::Epub, doc, &ctx).expect("EPUB renders")
}

/// The package's entries in zip order, name → bytes.
struct Book {
    names: Vec<String>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Book {
    fn open(bytes: &[u8]) -> Book {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut names = Vec::new();
        let mut files = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            let name = f.name().unwrap().into_owned();
            names.push(name.clone());
            files.insert(name, data);
        }
        Book { names, files }
    }

    fn text(&self, name: &str) -> &str {
        std::str::from_utf8(&self.files[name]).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
    }

    fn xml(&self, name: &str) -> Node {
        parse(self.text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    /// The pages in spine order (paths in the zip).
    fn spine(&self) -> Vec<String> {
        let opf = self.xml("OEBPS/content.opf");
        let hrefs: BTreeMap<String, String> = opf
            .all("item")
            .iter()
            .map(|i| {
                (
                    i.attr("id").unwrap().to_owned(),
                    i.attr("href").unwrap().to_owned(),
                )
            })
            .collect();
        opf.all("itemref")
            .iter()
            .map(|r| format!("OEBPS/{}", hrefs[r.attr("idref").unwrap()]))
            .collect()
    }

    /// The article pages in spine order (cover and contents left out).
    fn article_pages(&self) -> Vec<Node> {
        self.spine()
            .iter()
            .filter(|p| !p.ends_with("cover.xhtml") && !p.ends_with("nav.xhtml"))
            .map(|p| self.xml(p))
            .collect()
    }
}

// A small DOM over quick-xml events: enough to compare text and structure.

#[derive(Debug, Clone)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Child>,
}

#[derive(Debug, Clone)]
enum Child {
    Element(Node),
    Text(String),
}

impl Node {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn class(&self) -> Option<&str> {
        self.attr("class")
    }

    fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Element(e) => s.push_str(&e.text()),
            }
        }
        s
    }

    /// Descendants (and self) in document order.
    fn walk<'a>(&'a self, out: &mut Vec<&'a Node>) {
        out.push(self);
        for c in &self.children {
            if let Child::Element(e) = c {
                e.walk(out);
            }
        }
    }

    fn all(&self, name: &str) -> Vec<&Node> {
        let mut v = Vec::new();
        self.walk(&mut v);
        v.into_iter().filter(|n| n.name == name).collect()
    }

    fn first(&self, name: &str) -> Option<&Node> {
        self.all(name).into_iter().next()
    }
}

fn parse(xml: &str) -> Result<Node, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Node {
        name: "#document".into(),
        attrs: vec![],
        children: vec![],
    }];
    let element = |e: &quick_xml::events::BytesStart| -> Result<Node, String> {
        let mut attrs = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            let key = a.key.0.to_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?
                .into_owned();
            attrs.push((key, value));
        }
        Ok(Node {
            name: e.name().0.to_owned(),
            attrs,
            children: vec![],
        })
    };
    let push_text = |stack: &mut Vec<Node>, t: String| {
        stack.last_mut().unwrap().children.push(Child::Text(t));
    };
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => stack.push(element(&e)?),
            Event::Empty(e) => {
                let node = element(&e)?;
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Child::Element(node));
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .ok_or("unbalanced end tag")?
                    .children
                    .push(Child::Element(node));
            }
            Event::Text(t) => push_text(&mut stack, t.xml10_content().into_owned()),
            Event::CData(t) => push_text(&mut stack, t.into_inner().into_owned()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c,
                    None => match &*r.xml10_content() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(format!("unknown entity &{other};")),
                    },
                };
                push_text(&mut stack, c.to_string());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err("unclosed elements".into());
    }
    let doc = stack.pop().unwrap();
    doc.children
        .into_iter()
        .find_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
        .ok_or_else(|| "no root element".into())
}

#[test]
fn mimetype_comes_first_and_is_stored() {
    let bytes = epub(&read(SAMPLE), "newspaper");
    let mut zip = ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let first = zip.by_index(0).unwrap();
    assert_eq!(first.name().unwrap(), "mimetype");
    assert_eq!(first.compression(), CompressionMethod::Stored);
    drop(first);
    // The OCF rule: the bytes at offset 38 spell the media type, no extra field before it.
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..58], b"application/epub+zip");
    for i in 1..zip.len() {
        assert_eq!(
            zip.by_index(i).unwrap().compression(),
            CompressionMethod::Deflated
        );
    }
    let book = Book::open(&bytes);
    let container = book.xml("META-INF/container.xml");
    assert_eq!(
        container.first("rootfile").unwrap().attr("full-path"),
        Some("OEBPS/content.opf")
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for template in TEMPLATES {
        let doc = read(SAMPLE);
        let a = epub(&doc, template);
        assert_eq!(a, epub(&read(SAMPLE), template), "{template}");
        let mut zip = ZipArchive::new(Cursor::new(a)).unwrap();
        for i in 0..zip.len() {
            let f = zip.by_index(i).unwrap();
            let t = f.last_modified().unwrap();
            assert_eq!(
                (t.year(), t.month(), t.day()),
                (2022, 9, 1),
                "{:?}",
                f.name()
            );
        }
    }
}

#[test]
fn metadata_comes_from_the_model_never_the_clock() {
    let doc = read(SAMPLE);
    let book = Book::open(&epub(&doc, "newspaper"));
    let opf = book.xml("OEBPS/content.opf");
    let meta = &doc.meta;
    let package = &opf;
    assert_eq!(package.attr("version"), Some("3.0"));
    let id = package.attr("unique-identifier").unwrap();
    let identifier = opf.first("dc:identifier").unwrap();
    assert_eq!(identifier.attr("id"), Some(id));
    assert_eq!(identifier.text(), meta.identifier);
    assert_eq!(Some(opf.first("dc:title").unwrap().text()), meta.title);
    assert_eq!(opf.first("dc:language").unwrap().text(), "zh-CN");
    let publisher = meta.publisher.as_deref().unwrap();
    assert_eq!(opf.first("dc:creator").unwrap().text(), publisher);
    assert_eq!(opf.first("dc:publisher").unwrap().text(), publisher);
    assert_eq!(opf.first("dc:date").unwrap().text(), "2022-09-01");
    let modified: Vec<_> = opf
        .all("meta")
        .into_iter()
        .filter(|m| m.attr("property") == Some("dcterms:modified"))
        .collect();
    assert_eq!(modified.len(), 1);
    assert_eq!(modified[0].text(), "2022-09-01T00:00:00Z");
    let cover = opf
        .all("item")
        .into_iter()
        .find(|i| i.attr("properties") == Some("cover-image"))
        .expect("a cover image");
    assert_eq!(cover.attr("media-type"), Some("image/svg+xml"));

    // The NCX names the same identifier; every page and the nav carry the language.
    let ncx = book.xml("OEBPS/toc.ncx");
    let uid = ncx
        .all("meta")
        .into_iter()
        .find(|m| m.attr("name") == Some("dtb:uid"))
        .unwrap();
    assert_eq!(uid.attr("content"), Some(meta.identifier.as_str()));
    for page in book.spine() {
        let html = book.xml(&page);
        assert_eq!(html.attr("lang"), Some("zh-CN"), "{page}");
        assert_eq!(html.attr("xml:lang"), Some("zh-CN"), "{page}");
    }
    let nav = book.xml("OEBPS/nav.xhtml");
    let navs = nav.all("nav");
    assert!(navs.iter().any(|n| n.attr("epub:type") == Some("toc")));
    assert!(
        navs.iter()
            .any(|n| n.attr("epub:type") == Some("landmarks"))
    );
}

#[test]
fn the_spine_and_contents_follow_the_article_order() {
    let doc = read(SAMPLE);
    let book = Book::open(&epub(&doc, "newspaper"));
    let spine = book.spine();
    assert_eq!(spine[0], "OEBPS/cover.xhtml");
    assert_eq!(spine[1], "OEBPS/nav.xhtml");
    let headlines: Vec<String> = doc
        .articles
        .iter()
        .map(|a| a.headline.headline.clone().unwrap())
        .collect();
    let in_spine: Vec<String> = book
        .article_pages()
        .iter()
        .map(|p| p.first("h1").unwrap().text())
        .collect();
    assert_eq!(in_spine, headlines);

    let nav = book.xml("OEBPS/nav.xhtml");
    let toc = nav
        .all("nav")
        .into_iter()
        .find(|n| n.attr("epub:type") == Some("toc"))
        .unwrap();
    let entries: Vec<String> = toc.all("a").iter().map(|a| a.text()).collect();
    assert_eq!(entries, headlines);
    let targets: Vec<String> = toc
        .all("a")
        .iter()
        .map(|a| format!("OEBPS/{}", a.attr("href").unwrap()))
        .collect();
    assert_eq!(targets, spine[2..]);
    let ncx = book.xml("OEBPS/toc.ncx");
    let labels: Vec<String> = ncx.all("text").iter().skip(1).map(|t| t.text()).collect();
    assert_eq!(labels, headlines);
}

/// Each article page says exactly what the model says: headline group, paragraphs (the first
/// opened by the dateline), quotes, list items, subheadings, byline.
#[test]
fn every_article_page_holds_the_model_text() {
    for input in INPUTS {
        for template in TEMPLATES {
            let doc = read(input);
            let book = Book::open(&epub(&doc, template));
            let pages = book.article_pages();
            assert_eq!(pages.len(), doc.articles.len(), "{input}");
            for (a, page) in doc.articles.iter().zip(&pages) {
                let article = page.first("article").expect("an <article>");
                let header = article.first("header");
                let in_header = |name: &str, class: Option<&str>| {
                    header.and_then(|h| {
                        h.all(name)
                            .into_iter()
                            .find(|n| n.class() == class)
                            .map(|n| n.text())
                    })
                };
                let h = &a.headline;
                assert_eq!(in_header("p", Some("kicker")), h.kicker, "{input}");
                assert_eq!(in_header("h1", None), h.headline, "{input}");
                assert_eq!(in_header("p", Some("subtitle")), h.subtitle, "{input}");

                let mut expected: Vec<String> = Vec::new();
                for block in &a.body {
                    match block {
                        Block::Paragraph(p) | Block::Subheading(p) => expected.push(p.text()),
                        Block::Quote { paragraphs: ps } => {
                            expected.extend(ps.iter().map(|p| p.text()))
                        }
                        // The marker is text: `1．` or a bullet and an en space, as in the
                        // PDF and the DOCX's numbering.
                        Block::List { ordered, items } => {
                            expected.extend(items.iter().enumerate().map(|(n, p)| {
                                let marker = if *ordered {
                                    format!("{}．", n + 1)
                                } else {
                                    "•\u{2002}".to_owned()
                                };
                                marker + &p.text()
                            }))
                        }
                    }
                }
                if let Some(d) = &a.dateline {
                    // One separator rule for every format (the model's, tested there).
                    let sep = d.separator();
                    assert!(matches!(a.body.first(), Some(Block::Paragraph(_))));
                    expected[0] = format!("{}{sep}{}", d.display(), expected[0]);
                    let span = article
                        .all("span")
                        .into_iter()
                        .find(|s| s.class() == Some("dateline"))
                        .unwrap();
                    assert_eq!(span.text(), d.display());
                }
                let mut nodes = Vec::new();
                article.walk(&mut nodes);
                let actual: Vec<String> = nodes
                    .iter()
                    .filter(|n| {
                        matches!(
                            (n.name.as_str(), n.class()),
                            ("p", None) | ("li", None) | ("h2", Some("subheading"))
                        )
                    })
                    .map(|n| n.text())
                    .collect();
                assert_eq!(actual, expected, "{input} ({template})");
                let byline = article
                    .all("p")
                    .into_iter()
                    .find(|p| p.class() == Some("byline"))
                    .map(|p| p.text());
                assert_eq!(
                    byline,
                    a.byline.as_ref().map(|b| format!("（{}）", b.display())),
                    "{input}"
                );
            }
        }
    }
}

/// Raw HTML from the source is text in the book: only the backend's own elements exist, and the
/// `<script>` the source typed is there as characters.
#[test]
fn raw_html_stays_text() {
    let doc = read("tests/inputs/hard-markup.md");
    let book = Book::open(&epub(&doc, "newspaper"));
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "article",
        "header",
        "section",
        "nav",
        "h1",
        "h2",
        "p",
        "span",
        "strong",
        "em",
        "code",
        "a",
        "blockquote",
        "ul",
        "ol",
        "li",
        "hr",
        "img",
        "wbr",
    ];
    for name in book.names.iter().filter(|n| n.ends_with(".xhtml")) {
        let page = book.xml(name);
        let mut nodes = Vec::new();
        page.walk(&mut nodes);
        for n in nodes {
            assert!(allowed.contains(&n.name.as_str()), "{name}: <{}>", n.name);
            if let Some(href) = n.attr("href").filter(|_| n.name == "a") {
                assert!(
                    href.starts_with("https://")
                        || href.starts_with("http://")
                        || href.starts_with("mailto:")
                        || href.ends_with(".xhtml")
                        || href.contains(".xhtml#"),
                    "{name}: {href}"
                );
            }
        }
    }
    let first = &book.article_pages()[0];
    let text = first.text();
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("a < b && c > d"));
    assert!(text.contains("]]>"));
    // CommonMark decodes `&amp;` and `&lt;` in the source; the characters they stand for
    // arrive as text.
    assert!(text.contains("和 & 与 < 实体"));
    assert!(text.contains("😀"));
    let links: Vec<&Node> = first.all("a");
    assert!(links.iter().all(|a| a.text() != "一个危险链接"));
    assert!(text.contains("一个危险链接"));
    // The title's markup stays text on the cover, in the metadata and in the cover image.
    let cover = book.xml("OEBPS/cover.xhtml");
    assert!(cover.first("h1").unwrap().text().contains("<script>"));
    assert!(book.text("OEBPS/cover.svg").contains("&lt;script&gt;"));
}

/// An article without any headline still gets a non-empty label in both tables of contents.
#[test]
fn an_untitled_article_gets_a_label() {
    let doc = read("tests/inputs/no-headline.md");
    let book = Book::open(&epub(&doc, "newspaper"));
    let nav = book.xml("OEBPS/nav.xhtml");
    for a in nav.all("a") {
        assert!(!a.text().trim().is_empty());
    }
    let page = &book.article_pages()[0];
    assert!(page.first("h1").is_none());
    assert!(!page.first("title").unwrap().text().trim().is_empty());
}

/// The stylesheet comes from the template (docs/typography.md §7).
#[test]
fn the_stylesheet_follows_the_template() {
    let doc = read(SAMPLE);
    let css_of = |template: &str| {
        let book = Book::open(&epub(&doc, template));
        book.text("OEBPS/style.css").to_owned()
    };
    let rule = |css: &str, selector: &str| -> String {
        let start = css
            .find(&format!("\n{selector} {{"))
            .unwrap_or_else(|| panic!("no rule for {selector}"));
        let body = &css[start..];
        body[..body.find('}').unwrap()].to_owned()
    };
    let news = css_of("newspaper");
    let body = rule(&news, "body");
    assert!(body.contains("line-height: 1.7;"), "{body}");
    assert!(body.contains("line-break: strict;"));
    assert!(body.contains("-epub-line-break: strict;"));
    // Automatic spacing is off: the pages carry each Han–Latin gap (`span.gap`).
    assert!(body.contains("text-autospace: no-autospace;"));
    assert!(body.contains("text-spacing-trim: normal;"));
    let p = rule(&news, "p, nav li");
    assert!(p.contains("text-indent: 2em;"), "{p}");
    assert!(p.contains("text-align: justify;"));
    assert!(p.contains("text-justify: inter-character;"));
    assert!(p.contains("font-size: 1em;"));
    let h1 = rule(&news, "h1");
    // 二号 22 pt over 五号 10.5 pt.
    assert!(h1.contains("font-size: 2.0952em;"), "{h1}");
    assert!(h1.contains("text-align: center;"));
    assert!(h1.contains("font-weight: 700;"));
    let byline = rule(&news, "p.byline");
    assert!(byline.contains("text-align: right;"));
    assert!(rule(&news, "span.dateline").contains("font-weight: 700;"));

    // GB/T 9704: body on the grid's pitch, 225 mm / 22 lines over 16 pt.
    let gongwen = css_of("gongwen");
    let pitch = 225.0 / 25.4 * 72.0 / 22.0 / 16.0;
    let body = rule(&gongwen, "body");
    assert!(
        body.contains(&format!("line-height: {};", format_num(pitch))),
        "{body}"
    );
    assert!(rule(&css_of("book"), "body").contains("line-height: 1.8;"));
    assert!(!news.contains("rem;"), "no rem: RMSDK readers ignore it");
}

fn format_num(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The bundled file a role's font is embedded as, per the template.
fn font_file(font: &paiban::typography::FontRef) -> &'static str {
    use paiban::typography::FontRef;
    match font {
        FontRef::Serif | FontRef::SerifBold => "OEBPS/fonts/serif.ttf",
        FontRef::Sans | FontRef::SansBold => "OEBPS/fonts/sans-bold.ttf",
        FontRef::Family(_) => panic!("built-in templates use bundled faces"),
    }
}

/// The role whose face draws text inside `node` (as the stylesheet maps elements to roles);
/// `in_nav` inside the contents, whose entries are body text.
fn role_of(
    node: &Node,
    inherited: paiban::typography::Role,
    in_nav: bool,
) -> paiban::typography::Role {
    use paiban::typography::Role;
    match (node.name.as_str(), node.class()) {
        ("h1", Some("issue-title")) => Role::IssueTitle,
        ("h1", _) => Role::Headline,
        ("p", Some("kicker")) => Role::Kicker,
        ("p", Some("subtitle")) => Role::Subtitle,
        ("p", Some("masthead-line")) => Role::MastheadLine,
        ("p", Some("byline")) => Role::Byline,
        ("p", Some("release")) => Role::Release,
        ("p", Some("credits")) => Role::Credits,
        ("span", Some("dateline")) => Role::Dateline,
        ("h2", Some("subheading")) => Role::Subheading,
        ("blockquote", _) => Role::Quote,
        ("li", _) if !in_nav => Role::ListItem,
        _ => inherited,
    }
}

fn collect_chars(
    node: &Node,
    role: paiban::typography::Role,
    in_nav: bool,
    strong: bool,
    template: &Template,
    out: &mut BTreeMap<&'static str, std::collections::BTreeSet<char>>,
) {
    let in_nav = in_nav || node.name == "nav";
    let role = role_of(node, role, in_nav);
    // Strong text is set in the template's strong face, whatever the role around it.
    let font = if node.name == "strong" || strong {
        &template.inline.strong
    } else {
        &template.role(role).font
    };
    let strong = strong || node.name == "strong";
    for c in &node.children {
        match c {
            Child::Text(t) => out
                .entry(font_file(font))
                .or_default()
                .extend(t.chars().filter(|c| !c.is_control())),
            Child::Element(e) => collect_chars(e, role, in_nav, strong, template, out),
        }
    }
}

/// Every character on every page (cover and contents included) is in the subset of the face
/// the stylesheet sets it in, and each subset holds exactly the characters of the book that
/// the bundled face has, and those the DOCX of the same issue draws besides (the subset is
/// shared): the running head and foot, and the digits Word numbers pages and lists with.
#[test]
fn every_character_is_in_its_subset_and_no_other() {
    let bundled = |file: &str| {
        let name = if file.ends_with("serif.ttf") {
            paiban::fonts::bundled::SERIF
        } else {
            paiban::fonts::bundled::SANS_BOLD
        };
        cmap(
            paiban::fonts::bundled::face(name)
                .expect("bundled faces")
                .data,
        )
    };
    let full: BTreeMap<&str, _> = ["OEBPS/fonts/serif.ttf", "OEBPS/fonts/sans-bold.ttf"]
        .into_iter()
        .map(|f| (f, bundled(f)))
        .collect();
    for input in INPUTS {
        for name in TEMPLATES {
            let template = Template::builtin(name).unwrap();
            let doc = read(input);
            let book = Book::open(&epub(&doc, name));
            let plan = paiban::plan::plan(&doc, &template);
            let mut docx_only: std::collections::BTreeSet<char> = "0123456789".chars().collect();
            for line in [&plan.running_head, &plan.running_foot]
                .into_iter()
                .flatten()
            {
                docx_only.extend(line.text(1).chars());
            }
            let mut used = BTreeMap::new();
            for page in book.names.iter().filter(|n| n.ends_with(".xhtml")) {
                let html = book.xml(page);
                collect_chars(
                    &html,
                    paiban::typography::Role::Body,
                    false,
                    false,
                    &template,
                    &mut used,
                );
            }
            for (file, chars) in &used {
                let subset = cmap(&book.files[*file]);
                let drawable: std::collections::BTreeSet<char> =
                    chars.intersection(&full[file]).copied().collect();
                let missing: Vec<&char> = drawable.difference(&subset).collect();
                assert!(missing.is_empty(), "{input} ({name}) {file}: {missing:?}");
                let extra: Vec<&char> = subset
                    .difference(&drawable)
                    .filter(|c| !docx_only.contains(c))
                    .collect();
                assert!(extra.is_empty(), "{input} ({name}) {file}: extra {extra:?}");
            }
            let fonts: Vec<&String> = book.names.iter().filter(|n| n.ends_with(".ttf")).collect();
            assert_eq!(fonts.len(), used.len(), "{input} ({name})");
        }
    }
}

#[test]
fn the_sample_book_stays_small() {
    for template in TEMPLATES {
        let size = epub(&read(SAMPLE), template).len();
        assert!(size < 250_000, "{template}: {size} bytes");
    }
}

/// Without faces (a build without `embedded-fonts`) the book names the bundled families with
/// generic fallbacks, embeds no font, and writes the cover image's text as SVG text.
#[test]
fn without_faces_nothing_is_embedded() {
    use paiban::backend::epub::{Faces, render_with_faces};
    let template = Template::builtin("newspaper").unwrap();
    let options = RenderOptions::default();
    let fonts = bundled_fonts();
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    let faces = Faces {
        faces: Vec::new(),
        subset: |_, _, _| unreachable!("nothing to subset"),
    };
    let book = Book::open(&render_with_faces(&read(SAMPLE), &ctx, &faces).unwrap());
    assert!(!book.names.iter().any(|n| n.ends_with(".ttf")));
    let css = book.text("OEBPS/style.css");
    assert!(!css.contains("@font-face"));
    assert!(css.contains("\"Noto Serif SC Paiban\", serif"));
    assert!(book.text("OEBPS/cover.svg").contains("<text "));
    assert!(!book.text("OEBPS/content.opf").contains("font/ttf"));
}

/// The template's Chinese rules reach the CSS: kinsoku level, punctuation style, Han–Latin gap.
#[test]
fn the_chinese_rules_reach_the_stylesheet() {
    use paiban::typography::{DateDigits, Em, Kinsoku, PunctuationStyle};
    let book_with = |change: &dyn Fn(&mut Template)| {
        let mut template = Template::builtin("newspaper").unwrap();
        change(&mut template);
        let options = RenderOptions::default();
        let fonts = bundled_fonts();
        let ctx = Context {
            template: &template,
            fonts: &fonts,
            options: &options,
        };
        let bytes = backend::render(Format::Epub, &read("tests/inputs/wire.md"), &ctx).unwrap();
        Book::open(&bytes)
    };
    let css_with =
        |change: &dyn Fn(&mut Template)| book_with(change).text("OEBPS/style.css").to_owned();
    let loose = css_with(&|t| {
        t.chinese.kinsoku = Kinsoku::Loose;
        t.chinese.punctuation = PunctuationStyle::Centred;
        t.chinese.han_latin_gap = Em(0.0);
    });
    assert!(loose.contains("  line-break: loose;\n"));
    assert!(loose.contains("  -epub-line-break: loose;\n"));
    assert!(loose.contains("  text-spacing-trim: space-all;\n"));
    assert!(loose.contains("  text-autospace: no-autospace;\n"));
    // The gap is the page's own markup, so dates are tight whatever the engine knows of
    // `text-autospace`: `17日` gets no gap (but `局17` does), `1,210,207亿元` one.
    let tight = css_with(&|_| {});
    assert!(tight.contains("  text-autospace: no-autospace;\n"));
    assert!(
        tight.contains("span.gap {\n  margin-right: 0.25em;\n}"),
        "{tight}"
    );
    assert!(tight.contains("  line-break: strict;\n"));
    let page = |b: &Book| b.text("OEBPS/a001.xhtml").to_owned();
    let tight_page = page(&book_with(&|_| {}));
    assert!(
        tight_page.contains("<span class=\"gap\">局</span>17日发布"),
        "{tight_page}"
    );
    assert!(
        tight_page.contains("<span class=\"gap\">7</span>亿元"),
        "{tight_page}"
    );
    let spaced_page = page(&book_with(&|t| t.chinese.date_digits = DateDigits::Spaced));
    assert!(
        spaced_page.contains("<span class=\"gap\">局</span>1<span class=\"gap\">7</span>日发布"),
        "{spaced_page}"
    );
}

/// The cover image draws what three lines can show, whatever the title's length: before the cap
/// every character became a glyph outline (1.7 KB each; a 320k-character title made 545 MB).
/// The whole title stays in the image's `<title>` and on the cover page.
#[test]
fn a_long_title_does_not_grow_the_cover_image() {
    let cover_of = |title: &str| {
        let mut doc = read("tests/inputs/wire.md");
        doc.meta.title = Some(title.to_owned());
        let book = Book::open(&epub(&doc, "newspaper"));
        let svg = book.text("OEBPS/cover.svg").to_owned();
        let page = book.xml("OEBPS/cover.xhtml");
        assert_eq!(page.first("h1").unwrap().text(), title);
        svg
    };
    let short: String = "县城新闻周刊".repeat(40);
    let long: String = "县城新闻周刊".repeat(4000);
    let (a, b) = (cover_of(&short), cover_of(&long));
    let title_in = |svg: &str, title: &str| svg.contains(&format!("<title>{title}</title>"));
    assert!(title_in(&a, &short) && title_in(&b, &long));
    // Apart from the `<title>` text, the two images are the same bytes.
    assert_eq!(a.replace(&short, ""), b.replace(&long, ""));
    // And what is drawn is bounded: three lines of outlines, not 240 characters of them.
    assert!(a.len() - short.len() < 120_000, "{} bytes", a.len());
}

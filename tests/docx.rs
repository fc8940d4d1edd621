//! The DOCX backend read back: package parts, styles per role, body text equal to the model,
//! template values in the styles, reproducible bytes, embedded fonts.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use paiban::backend::{Context, Format, RenderOptions, render};
use paiban::model::{Block, Document};
use paiban::source::{self, ReadOptions, read_str};
use paiban::typography::Template;

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";
const TEMPLATES: [&str; 3] = ["newspaper", "gongwen", "book"];

fn sample() -> Document {
    source::read_path(Path::new(SAMPLE), &ReadOptions::default())
        .expect("the sample reads")
        .document
}

fn docx(doc: &Document, template: &str, embed: bool) -> Vec<u8> {
    let template = Template::builtin(template).expect("built-in template");
    let options = RenderOptions {
        no_embed_fonts: !embed,
        ..RenderOptions::default()
    };
    let fonts = paiban::fonts::FontSet::builder()
        .system(false)
        .build()
        .expect("bundled fonts");
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    render(Format::Docx, doc, &ctx).expect("the DOCX renders")
}

/// The package's entries, in order.
struct Package {
    entries: Vec<(String, Vec<u8>)>,
}

impl Package {
    fn open(bytes: &[u8]) -> Package {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
        let mut entries = Vec::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            entries.push((name, data));
        }
        Package { entries }
    }

    fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|(n, _)| n.as_str()).collect()
    }

    fn bytes(&self, name: &str) -> &[u8] {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_slice())
            .unwrap_or_else(|| panic!("no part {name} in {:?}", self.names()))
    }

    fn xml(&self, name: &str) -> &str {
        std::str::from_utf8(self.bytes(name)).expect("UTF-8 XML")
    }
}

/// Every element of an XML part with its attributes, in document order; panics on malformed XML.
fn elements(xml: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                depth += 1;
                out.push(element(&e));
            }
            Event::Empty(e) => out.push(element(&e)),
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced XML");
    out
}

fn element(e: &BytesStart) -> (String, BTreeMap<String, String>) {
    let name = e.name().as_ref().to_owned();
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("attribute");
            (
                a.key.as_ref().to_owned(),
                a.normalized_value(XmlVersion::Implicit1_0)
                    .expect("attribute value")
                    .into_owned(),
            )
        })
        .collect();
    (name, attrs)
}

/// A paragraph of `document.xml`: its style and its runs as (character style, text).
#[derive(Debug)]
struct Para {
    style: String,
    runs: Vec<(Option<String>, String)>,
}

impl Para {
    fn text(&self) -> String {
        self.runs.iter().map(|(_, t)| t.as_str()).collect()
    }

    fn dateline(&self) -> Option<&str> {
        self.runs
            .iter()
            .find(|(s, _)| s.as_deref() == Some("Dateline"))
            .map(|(_, t)| t.as_str())
    }
}

fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_text = false;
    let attr = |e: &BytesStart, k: &str| {
        e.try_get_attribute(k).unwrap().map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned()
        })
    };
    loop {
        let event = reader.read_event().expect("well-formed XML");
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.name().as_ref() {
                    "w:p" => {
                        para = Some(Para {
                            style: String::new(),
                            runs: Vec::new(),
                        })
                    }
                    "w:pStyle" => para.as_mut().unwrap().style = attr(e, "w:val").unwrap(),
                    "w:r" => para.as_mut().unwrap().runs.push((None, String::new())),
                    "w:rStyle" => {
                        para.as_mut().unwrap().runs.last_mut().unwrap().0 = attr(e, "w:val")
                    }
                    "w:t" => in_text = !empty,
                    "w:br" => para.as_mut().unwrap().runs.last_mut().unwrap().1.push('\n'),
                    "w:tab" => para.as_mut().unwrap().runs.last_mut().unwrap().1.push('\t'),
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let p = para.as_mut().unwrap();
                p.runs.last_mut().unwrap().1.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                let reference = format!("&{name};");
                let text = quick_xml::escape::unescape(&reference).unwrap();
                para.as_mut()
                    .unwrap()
                    .runs
                    .last_mut()
                    .unwrap()
                    .1
                    .push_str(&text);
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => out.push(para.take().unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The paragraph styles the model calls for, in order, with the paragraphs' texts (the
/// dateline and its separator leading the first body paragraph).
fn expected(doc: &Document) -> Vec<(&'static str, Option<String>)> {
    let mut out = vec![("IssueTitle", doc.meta.title.clone())];
    if doc.meta.publisher.is_some() || doc.meta.date.is_some() {
        out.push(("MastheadLine", None));
    }
    for a in &doc.articles {
        let h = &a.headline;
        for (style, text) in [
            ("Kicker", &h.kicker),
            ("Heading1", &h.headline),
            ("Subtitle", &h.subtitle),
        ] {
            if let Some(t) = text {
                out.push((style, Some(t.clone())));
            }
        }
        for (i, b) in a.body.iter().enumerate() {
            match b {
                Block::Paragraph(p) => {
                    let lead = match (&a.dateline, i) {
                        (Some(d), 0) => d.display() + d.separator(),
                        _ => String::new(),
                    };
                    out.push(("BodyText", Some(lead + &p.text())))
                }
                Block::Subheading(p) => out.push(("Heading2", Some(p.text()))),
                Block::Quote { paragraphs } => {
                    out.extend(paragraphs.iter().map(|p| ("Quote", Some(p.text()))))
                }
                Block::List { items, .. } => {
                    out.extend(items.iter().map(|p| ("ListParagraph", Some(p.text()))))
                }
            }
        }
        if let Some(b) = &a.byline {
            out.push(("Byline", Some(format!("（{}）", b.display()))));
        }
    }
    out
}

fn assert_matches_model(doc: &Document, pkg: &Package) {
    let paras = paragraphs(pkg.xml("word/document.xml"));
    let want = expected(doc);
    let got: Vec<&str> = paras.iter().map(|p| p.style.as_str()).collect();
    let want_styles: Vec<&str> = want.iter().map(|(s, _)| *s).collect();
    assert_eq!(got, want_styles, "paragraph styles follow the roles");
    for (p, (_, text)) in paras.iter().zip(&want) {
        if let Some(text) = text {
            assert_eq!(&p.text(), text, "text of a {} paragraph", p.style);
        }
    }
}

#[test]
fn every_part_is_present_and_parses_for_every_template_with_and_without_fonts() {
    let doc = sample();
    for template in TEMPLATES {
        for embed in [true, false] {
            let pkg = Package::open(&docx(&doc, template, embed));
            let names = pkg.names();
            for part in [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "docProps/app.xml",
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/settings.xml",
                "word/fontTable.xml",
                "word/footer1.xml",
            ] {
                assert!(
                    names.contains(&part),
                    "{template}: {part} missing: {names:?}"
                );
            }
            // gongwen has no running header (GB/T 9704 pages carry only the number).
            assert_eq!(names.contains(&"word/header1.xml"), template != "gongwen");
            assert_eq!(names[0], "[Content_Types].xml");
            for name in names
                .iter()
                .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
            {
                assert!(!elements(pkg.xml(name)).is_empty(), "{name} has elements");
            }
            // Every part but the content types themselves has a content type.
            let types = elements(pkg.xml("[Content_Types].xml"));
            for name in names
                .iter()
                .filter(|n| n.ends_with(".xml") && **n != "[Content_Types].xml")
            {
                let part = format!("/{name}");
                assert!(
                    types.iter().any(|(_, a)| a.get("PartName") == Some(&part)),
                    "{name} has no content type override"
                );
            }
        }
    }
}

#[test]
fn paragraph_styles_and_body_texts_match_the_model() {
    let doc = sample();
    for template in TEMPLATES {
        assert_matches_model(&doc, &Package::open(&docx(&doc, template, false)));
    }
}

#[test]
fn the_dateline_leads_the_first_body_paragraph_in_its_character_style() {
    let doc = sample();
    let pkg = Package::open(&docx(&doc, "newspaper", false));
    let paras = paragraphs(pkg.xml("word/document.xml"));
    let datelines: Vec<&Para> = paras.iter().filter(|p| p.dateline().is_some()).collect();
    assert_eq!(datelines.len(), doc.articles.len());
    for p in &datelines {
        assert_eq!(p.style, "BodyText");
        assert_eq!(p.dateline(), Some("东昌府讯"));
        // The separator is set in the paragraph's own style, as in the PDF and the EPUB.
        assert_eq!(p.runs[1], (None, "\u{3000}".to_owned()));
        assert_eq!(
            p.runs[0].0.as_deref(),
            Some("Dateline"),
            "the dateline run comes first"
        );
    }
    let first = &datelines[0];
    assert!(
        first
            .text()
            .starts_with("东昌府讯\u{3000}9月1日，制造业强市")
    );
    let bylines: Vec<String> = paras
        .iter()
        .filter(|p| p.style == "Byline")
        .map(Para::text)
        .collect();
    assert_eq!(bylines[0], "（融媒体中心 郭龙君）");
}

#[test]
fn headline_group_and_bookmarks_per_article() {
    let doc = sample();
    let pkg = Package::open(&docx(&doc, "newspaper", false));
    let els = elements(pkg.xml("word/document.xml"));
    let bookmarks: Vec<&str> = els
        .iter()
        .filter(|(n, _)| n == "w:bookmarkStart")
        .map(|(_, a)| a["w:name"].as_str())
        .collect();
    let want: Vec<String> = (1..=doc.articles.len())
        .map(|i| format!("article_{i}"))
        .collect();
    assert_eq!(bookmarks, want);
    assert_eq!(
        els.iter().filter(|(n, _)| n == "w:bookmarkEnd").count(),
        doc.articles.len()
    );
    let paras = paragraphs(pkg.xml("word/document.xml"));
    let kicker = paras.iter().position(|p| p.style == "Kicker").unwrap();
    assert_eq!(
        paras[kicker].text(),
        "马军权在督导深化全国文明城市创建工作时强调"
    );
    assert_eq!(paras[kicker + 1].style, "Heading1");
    assert_eq!(
        paras[kicker + 1].text(),
        "狠抓落实整改\u{3000}让广大人民群众共享创建成果"
    );
}

/// The attributes of the first `name` element inside the style `id`.
fn style_attr(styles: &str, id: &str, name: &str) -> BTreeMap<String, String> {
    let els = elements(styles);
    let start = els
        .iter()
        .position(|(n, a)| n == "w:style" && a.get("w:styleId").map(String::as_str) == Some(id))
        .unwrap_or_else(|| panic!("no style {id}"));
    els[start + 1..]
        .iter()
        .take_while(|(n, _)| n != "w:style")
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("style {id} has no {name}"))
        .1
        .clone()
}

#[test]
fn styles_come_from_the_template() {
    let doc = sample();
    for (template, body_sz, pitch) in [("newspaper", "21", "357"), ("gongwen", "32", "579")] {
        let pkg = Package::open(&docx(&doc, template, false));
        let styles = pkg.xml("word/styles.xml");
        let sz = style_attr(styles, "BodyText", "w:sz");
        assert_eq!(sz["w:val"], body_sz, "{template}");
        let ind = style_attr(styles, "BodyText", "w:ind");
        assert_eq!(ind["w:firstLineChars"], "200");
        let spacing = style_attr(styles, "BodyText", "w:spacing");
        assert_eq!(spacing["w:line"], pitch, "{template}");
        assert_eq!(spacing["w:lineRule"], "exact");
        assert_eq!(style_attr(styles, "BodyText", "w:jc")["w:val"], "both");
        assert_eq!(style_attr(styles, "Heading1", "w:outlineLvl")["w:val"], "0");
        assert_eq!(style_attr(styles, "Heading1", "w:jc")["w:val"], "center");
        let fonts = style_attr(styles, "Heading1", "w:rFonts");
        assert_eq!(fonts["w:eastAsia"], "Noto Sans SC Paiban");
        assert_eq!(
            style_attr(styles, "BodyText", "w:rFonts")["w:eastAsia"],
            "Noto Serif SC Paiban"
        );
        assert_eq!(
            style_attr(styles, "Dateline", "w:rFonts")["w:ascii"],
            "Noto Sans SC Paiban"
        );
        assert_eq!(style_attr(styles, "Byline", "w:jc")["w:val"], "right");
        let els = elements(styles);
        let lang = &els.iter().find(|(n, _)| n == "w:lang").unwrap().1;
        assert_eq!(lang["w:eastAsia"], "zh-CN");
        let normal = els
            .iter()
            .find(|(n, a)| {
                n == "w:style" && a.get("w:default").is_some() && a["w:type"] == "paragraph"
            })
            .unwrap();
        assert_eq!(normal.1["w:styleId"], "Normal");
    }
}

#[test]
fn gongwen_section_has_the_gb_t_9704_page_and_grid() {
    let pkg = Package::open(&docx(&sample(), "gongwen", false));
    let els = elements(pkg.xml("word/document.xml"));
    let get = |name: &str| els.iter().find(|(n, _)| n == name).unwrap().1.clone();
    let size = get("w:pgSz");
    assert_eq!(
        (size["w:w"].as_str(), size["w:h"].as_str()),
        ("11906", "16838")
    );
    let m = get("w:pgMar");
    // 37, 26, 35, 28 mm
    assert_eq!(m["w:top"], "2098");
    assert_eq!(m["w:right"], "1474");
    assert_eq!(m["w:bottom"], "1984");
    assert_eq!(m["w:left"], "1587");
    let grid = get("w:docGrid");
    assert_eq!(grid["w:linePitch"], "579");
    assert_eq!(grid["w:charSpace"], "-848");
    // 28 characters of 16 pt in 156 mm: condensed by 5 twips each.
    let styles = pkg.xml("word/styles.xml");
    assert_eq!(style_attr(styles, "BodyText", "w:spacing")["w:line"], "579");
    let body_rpr_spacing = elements(styles)
        .into_iter()
        .skip_while(|(n, a)| {
            !(n == "w:style" && a.get("w:styleId").map(String::as_str) == Some("BodyText"))
        })
        .skip_while(|(n, _)| n != "w:rPr")
        .find(|(n, _)| n == "w:spacing")
        .unwrap();
    assert_eq!(body_rpr_spacing.1["w:val"], "-5");
    let footer = paragraphs(pkg.xml("word/footer1.xml"));
    assert_eq!(footer[0].text(), "\u{2014} 1 \u{2014}");
}

#[test]
fn settings_carry_the_chinese_rules() {
    let pkg = Package::open(&docx(&sample(), "newspaper", true));
    let els = elements(pkg.xml("word/settings.xml"));
    let get = |name: &str| {
        els.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
            .clone()
    };
    assert_eq!(
        get("w:characterSpacingControl")["w:val"],
        "compressPunctuation"
    );
    let before = &get("w:noLineBreaksBefore")["w:val"];
    let after = &get("w:noLineBreaksAfter")["w:val"];
    assert!(
        "，。、”）》·…—".chars().all(|c| before.contains(c)),
        "{before}"
    );
    assert!("“‘（《".chars().all(|c| after.contains(c)), "{after}");
    assert_eq!(get("w:themeFontLang")["w:eastAsia"], "zh-CN");
    get("w:embedTrueTypeFonts");
    let footer = paragraphs(pkg.xml("word/footer1.xml"));
    assert_eq!(footer[0].text(), "第 1 页");
    let header = paragraphs(pkg.xml("word/header1.xml"));
    assert_eq!(header[0].text(), "东昌府新闻\u{3000}2022年9月1日");
}

#[test]
fn core_properties_come_from_the_metadata_never_the_clock() {
    let doc = sample();
    let pkg = Package::open(&docx(&doc, "newspaper", false));
    let core = pkg.xml("docProps/core.xml");
    assert!(core.contains("<dc:title>东昌府新闻</dc:title>"));
    assert!(core.contains("<dc:creator>融媒体中心</dc:creator>"));
    assert!(core.contains("<dc:language>zh-CN</dc:language>"));
    assert!(core.contains(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-09-01T00:00:00Z</dcterms:created>"
    ));
    let mut zip = zip::ZipArchive::new(Cursor::new(docx(&doc, "newspaper", false))).unwrap();
    for i in 0..zip.len() {
        let t = zip.by_index(i).unwrap().last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (2022, 9, 1));
    }
}

#[test]
fn same_input_same_bytes() {
    let doc = sample();
    for template in TEMPLATES {
        assert_eq!(
            docx(&doc, template, true),
            docx(&doc, template, true),
            "{template}"
        );
        assert_eq!(
            docx(&doc, template, false),
            docx(&doc, template, false),
            "{template}"
        );
    }
}

#[test]
fn without_fonts_the_sample_is_small() {
    let bytes = docx(&sample(), "newspaper", false);
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
}

/// Undoes the obfuscation: XOR of the first 32 bytes with the GUID's bytes, reversed.
fn deobfuscate(data: &[u8], key: &str) -> Vec<u8> {
    let hex: Vec<u8> = key
        .chars()
        .filter(char::is_ascii_hexdigit)
        .map(|c| c.to_digit(16).unwrap() as u8)
        .collect();
    let bytes: Vec<u8> = hex.chunks(2).map(|p| p[0] << 4 | p[1]).collect();
    let mut out = data.to_vec();
    for i in 0..32 {
        out[i] ^= bytes[15 - i % 16];
    }
    out
}

#[test]
fn bundled_fonts_are_embedded_as_obfuscated_subsets_unless_asked_not_to() {
    let doc = sample();
    let pkg = Package::open(&docx(&doc, "newspaper", true));
    let table = elements(pkg.xml("word/fontTable.xml"));
    let rels = elements(pkg.xml("word/_rels/fontTable.xml.rels"));
    let mut families = BTreeMap::new();
    let mut family = String::new();
    for (name, attrs) in &table {
        match name.as_str() {
            "w:font" => family = attrs["w:name"].clone(),
            "w:embedRegular" | "w:embedBold" => {
                let target = &rels
                    .iter()
                    .find(|(_, a)| a.get("Id") == Some(&attrs["r:id"]))
                    .expect("the font relationship")
                    .1;
                assert!(target["Type"].ends_with("/relationships/font"));
                let part = format!("word/{}", target["Target"]);
                assert!(part.ends_with(".odttf"));
                let font = deobfuscate(pkg.bytes(&part), &attrs["w:fontKey"]);
                families.insert(family.clone(), (name.clone(), font));
            }
            _ => {}
        }
    }
    assert_eq!(families.len(), 2, "{:?}", families.keys());
    let (slot, serif) = &families["Noto Serif SC Paiban"];
    assert_eq!(slot, "w:embedRegular");
    let (slot, sans) = &families["Noto Sans SC Paiban"];
    assert_eq!(slot, "w:embedBold");
    let serif = ttf_parser::Face::parse(serif, 0).expect("the serif subset is a font");
    let sans = ttf_parser::Face::parse(sans, 0).expect("the sans subset is a font");
    // Body text in the serif, headlines and datelines in the sans; subsets, not whole fonts.
    for c in "制造业强市“”，。第页0123456789".chars() {
        assert!(serif.glyph_index(c).is_some(), "serif lacks {c}");
    }
    for c in "聊城顾问团东昌府讯".chars() {
        assert!(sans.glyph_index(c).is_some(), "sans lacks {c}");
    }
    assert!(
        serif.number_of_glyphs() < 2000,
        "{}",
        serif.number_of_glyphs()
    );
    assert!(serif.glyph_index('龘').is_none());
    let types = pkg.xml("[Content_Types].xml");
    assert!(types.contains(
        "Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\""
    ));

    let plain = Package::open(&docx(&doc, "newspaper", false));
    assert!(!plain.names().iter().any(|n| n.ends_with(".odttf")));
    assert!(!plain.names().contains(&"word/_rels/fontTable.xml.rels"));
    assert!(
        !plain
            .xml("word/settings.xml")
            .contains("embedTrueTypeFonts")
    );
    assert!(!plain.xml("word/fontTable.xml").contains("embed"));
}

#[test]
fn markup_in_text_stays_text_and_blocks_get_their_styles() {
    let src = "---\ntitle: 测试 <刊> & \"号\"\ndate: 2022-09-02\n---\n\n## 标题<b>粗</b>\n\n\
               本报讯（记者 张三）会议*强调*要**落实**，详见[链接](https://example.com/?a=1&b=2)\
               和[坏链](javascript:alert(1))。<script>x</script>\n\n#### 小标题\n\n> 引用一段。\n\n\
               1. 第一项\n2. 第二项\n\n- 甲\n- 乙\n\n正文`code`结束。\n";
    let doc = read_str(src, "t.md").unwrap().document;
    let pkg = Package::open(&docx(&doc, "newspaper", true));
    assert_matches_model(&doc, &pkg);
    let paras = paragraphs(pkg.xml("word/document.xml"));
    assert_eq!(paras[0].text(), "测试 <刊> & \"号\"");
    assert_eq!(paras[1].text(), "2022年9月2日");
    assert_eq!(paras[2].text(), "标题<b>粗</b>");
    assert_eq!(paras[3].dateline(), Some("本报讯（记者 张三）"));
    assert!(paras[3].text().ends_with("和坏链。<script>x</script>"));
    let els = elements(pkg.xml("word/document.xml"));
    assert_eq!(els.iter().filter(|(n, _)| n == "w:hyperlink").count(), 1);
    // Emphasis is 着重号 (`w:em underDot`), never italic Han; strong text is bold.
    assert!(!els.iter().any(|(n, _)| n == "w:i"));
    assert!(
        els.iter()
            .any(|(n, a)| n == "w:em" && a.get("w:val").map(String::as_str) == Some("underDot"))
    );
    assert!(els.iter().any(|(n, a)| n == "w:b" && a.is_empty()));
    let rels = elements(pkg.xml("word/_rels/document.xml.rels"));
    let link = &rels
        .iter()
        .find(|(_, a)| a.get("Type").is_some_and(|t| t.ends_with("/hyperlink")))
        .unwrap()
        .1;
    assert_eq!(link["Target"], "https://example.com/?a=1&b=2");
    assert_eq!(link["TargetMode"], "External");
    assert!(
        !pkg.xml("word/_rels/document.xml.rels")
            .contains("javascript")
    );
    // Two lists, each its own numbering instance; the ordered one restarts at 1. The markers
    // are the PDF's and the EPUB's: `1．` and a bullet with an en space, nothing after them.
    let numbering = elements(pkg.xml("word/numbering.xml"));
    assert_eq!(numbering.iter().filter(|(n, _)| n == "w:num").count(), 2);
    assert!(numbering.iter().any(|(n, _)| n == "w:startOverride"));
    let texts: Vec<&str> = numbering
        .iter()
        .filter(|(n, _)| n == "w:lvlText")
        .map(|(_, a)| a["w:val"].as_str())
        .collect();
    assert_eq!(texts, ["%1．", "•\u{2002}"]);
    // The number tabs to the end of the list's marker box (0.6 em a digit + 1.25 em, after the
    // 2-em indent: 3.85 em of 10.5 pt = 808.5 twips); the bullet carries its own en space.
    let suffs: Vec<&str> = numbering
        .iter()
        .filter(|(n, _)| n == "w:suff")
        .map(|(_, a)| a["w:val"].as_str())
        .collect();
    assert_eq!(suffs, ["tab", "nothing"]);
    let tab = numbering.iter().find(|(n, _)| n == "w:tab").unwrap();
    assert_eq!(
        (tab.1["w:val"].as_str(), tab.1["w:pos"].as_str()),
        ("num", "809")
    );
}

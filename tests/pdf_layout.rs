//! The PDF layout engine on the sample and on hard inputs: kinsoku, justification, margins,
//! the gongwen grid. These check the numbers the writer draws; `.ci/run` checks the PDF itself.

use paiban::backend::pdf::layout::flow::{LineBox, Mark};
use paiban::backend::pdf::layout::{Layout, layout};
use paiban::fonts::FontSet;
use paiban::model::Document;
use paiban::source::{ReadOptions, read_path, read_str};
use paiban::typography::Template;

fn fonts() -> FontSet {
    FontSet::builder()
        .system(false)
        .build()
        .expect("bundled fonts")
}

fn sample() -> Document {
    read_path(
        "samples/dongchangfu-2022-09.md".as_ref(),
        &ReadOptions::default(),
    )
    .unwrap()
    .document
}

fn hard() -> Document {
    read_path(
        "tests/inputs/layout-hard.md".as_ref(),
        &ReadOptions::default(),
    )
    .unwrap()
    .document
}

fn line_text(line: &LineBox) -> String {
    line.marks
        .iter()
        .filter_map(|m| match m {
            Mark::Run(r) => Some(r.text.as_str()),
            _ => None,
        })
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn set(doc: &Document, template: &str) -> (Layout, Template) {
    let t = Template::builtin(template).unwrap();
    (layout(doc, &t, &fonts()), t)
}

/// Every rule of docs/typography.md §3 and the geometry, on every line of every page.
fn check_lines(l: &Layout, t: &Template) -> usize {
    let start: Vec<char> = t.chinese.kinsoku.not_at_line_start().chars().collect();
    let end: Vec<char> = t.chinese.kinsoku.not_at_line_end().chars().collect();
    let left = paiban::typography::mm_to_pt(t.page.margins.inner.0) as f32;
    let right = left + t.page.text_width_pt() as f32;
    let faces: Vec<(paiban::fonts::FaceId, ttf_parser::Face)> = l
        .faces
        .iter()
        .map(|(id, d)| (*id, ttf_parser::Face::parse(d.bytes(), d.index()).unwrap()))
        .collect();
    let mut justified = 0;
    for (p, page) in l.pages.iter().enumerate() {
        for pl in &page.lines {
            let text = line_text(&pl.line);
            let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) else {
                continue;
            };
            if !pl.line.starts_paragraph {
                assert!(
                    !start.contains(&first),
                    "page {}: line starts with {first:?}: {text}",
                    p + 1
                );
            }
            // A URL breaks after its `/`: the solidus rule is for Chinese text, not for a line
            // that ends inside a Latin token (not right after `://`, though).
            let in_url = last == '/'
                && text
                    .rsplit(|c: char| !c.is_ascii_graphic())
                    .next()
                    .is_some_and(|token| token.contains('.') && !token.ends_with("://"));
            assert!(
                !end.contains(&last) || in_url,
                "page {}: line ends with {last:?}: {text}",
                p + 1
            );
            if !pl.line.starts_paragraph {
                assert!(!text.starts_with('—'), "a dash starts a line: {text}");
            }
            if pl.line.justified {
                justified += 1;
                assert!(
                    (pl.line.width - pl.line.measure).abs() <= 0.01,
                    "page {}: justified line ends at {} not {}: {text}",
                    p + 1,
                    pl.line.width,
                    pl.line.measure
                );
            }
            // No glyph box outside the text block.
            assert!(pl.x >= left - 0.01, "line left of the margin: {text}");
            assert!(
                pl.x + pl.line.width <= right + 0.01,
                "line past the margin: {text}"
            );
            // Ink, not advance boxes: a compressed bracket's blank half may overhang.
            for m in &pl.line.marks {
                if let Mark::Run(r) = m {
                    let face = &faces.iter().find(|(id, _)| *id == r.face).unwrap().1;
                    let scale = r.size / face.units_per_em() as f32;
                    for g in &r.glyphs {
                        let Some(b) = face.glyph_bounding_box(ttf_parser::GlyphId(g.id)) else {
                            continue;
                        };
                        // Ink that a glyph's design puts outside its own advance (the hook of
                        // an `f`) is the font's, not the layout's.
                        let origin = pl.x + g.x;
                        let ink_left = (origin + b.x_min as f32 * scale).max(origin);
                        let ink_right = (origin + b.x_max as f32 * scale).min(origin + g.advance);
                        assert!(
                            ink_left >= left - 0.01,
                            "ink left of the margin by {}: {text}",
                            left - ink_left
                        );
                        assert!(
                            ink_right <= right + 0.01,
                            "ink right of the margin by {}: {text}",
                            ink_right - right
                        );
                    }
                }
            }
        }
    }
    justified
}

#[test]
fn sample_lines_keep_the_rules_with_every_template() {
    for name in ["newspaper", "gongwen", "book"] {
        let (l, t) = set(&sample(), name);
        let justified = check_lines(&l, &t);
        assert!(justified > 100, "{name}: only {justified} justified lines");
    }
}

#[test]
fn hard_inputs_keep_the_rules() {
    for name in ["newspaper", "gongwen", "book"] {
        let (l, t) = set(&hard(), name);
        check_lines(&l, &t);
        let all: String = l
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .map(|pl| line_text(&pl.line))
            .collect();
        // Unbreakable units stay whole; the long word and the URL are all there.
        assert!(all.contains("——") && all.contains("……"), "{name}");
        assert!(all.contains("supercalifragilisticexpialidociousantidisestablishmentarianism"));
        assert!(all.contains("https://www.stats.gov.cn/sj/zxfb/202401/t20240117_1946624.html"));
    }
}

#[test]
fn gongwen_sets_22_lines_of_28_characters() {
    // One long paragraph, so no paragraph end (and no widow rule) shortens a page.
    let para = "全面贯彻落实党的二十大精神坚持以人民为中心的发展思想推动高质量发展取得新成效"
        .repeat(60)
        + "。";
    let text = format!("## 标题\n\n{para}\n");
    let doc = read_str(&text, "gongwen.md").unwrap().document;
    let (l, t) = set(&doc, "gongwen");
    check_lines(&l, &t);
    assert!(l.pages.len() >= 4);
    // Pages after the first (which holds the title) and before the last are full of body text.
    for page in &l.pages[1..l.pages.len() - 1] {
        let body: Vec<&LineBox> = page
            .lines
            .iter()
            .map(|pl| &pl.line)
            .filter(|line| line.justified || line_text(line).chars().count() > 3)
            .filter(|line| !line_text(line).starts_with('—'))
            .collect();
        assert_eq!(body.len(), 22, "lines on a full page");
        for line in body.iter().filter(|l| l.justified) {
            let n = line_text(line).chars().count();
            // A full line of Han holds 28 characters; a first line 26 after its indent.
            let expected = if line.starts_paragraph { 26 } else { 28 };
            assert_eq!(n, expected, "{}", line_text(line));
        }
    }
}

#[test]
fn pages_carry_running_heads_page_numbers_and_outline_anchors() {
    let (l, _) = set(&sample(), "newspaper");
    let anchors: Vec<&str> = l
        .pages
        .iter()
        .flat_map(|p| &p.anchors)
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(anchors.len(), 9);
    assert_eq!(anchors[4], "狠抓落实整改\u{3000}让广大人民群众共享创建成果");
    for (n, page) in l.pages.iter().enumerate() {
        let texts: Vec<String> = page.lines.iter().map(|pl| line_text(&pl.line)).collect();
        assert!(
            texts.contains(&format!("第 {} 页", n + 1)),
            "page {} has no number",
            n + 1
        );
        assert!(
            texts.iter().any(|t| t.contains("2022年9月1日")),
            "page {} has no running head",
            n + 1
        );
    }
    let (g, _) = set(&sample(), "gongwen");
    let first: Vec<String> = g.pages[0]
        .lines
        .iter()
        .map(|pl| line_text(&pl.line))
        .collect();
    assert!(first.contains(&"— 1 —".to_string()), "{first:?}");
}

#[test]
fn a_headline_is_never_left_at_the_bottom_of_a_page() {
    for name in ["newspaper", "gongwen", "book"] {
        let (l, _) = set(&sample(), name);
        for page in &l.pages {
            for anchor in &page.anchors {
                // Lines at or below the article's start on the same page: headline group and
                // at least two body lines.
                let below = page
                    .lines
                    .iter()
                    .filter(|pl| pl.baseline > anchor.y && pl.line.justified)
                    .count();
                assert!(
                    below >= 1
                        || page
                            .lines
                            .iter()
                            .filter(|pl| pl.baseline > anchor.y)
                            .count()
                            >= 3,
                    "{name}: {}",
                    anchor.title
                );
            }
        }
    }
}

#[test]
fn the_sample_renders_to_every_format_with_system_fonts_disabled() {
    use paiban::backend::{Context, Format, RenderOptions, render};
    let fonts = fonts();
    let template = Template::default();
    let options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    let doc = sample();
    let pdf = render(Format::Pdf, &doc, &ctx).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Issue 5's budget: the sample's PDF, both faces embedded, stays under 200 KB.
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    // Only the two bundled families are embedded.
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("NotoSerifSCPaiban-Regular") && text.contains("NotoSansSCPaiban-Bold"));
    for format in [Format::Docx, Format::Epub] {
        let bytes = render(format, &doc, &ctx).unwrap();
        assert!(bytes.starts_with(b"PK"), "{format}");
    }
    // Every character of the sample has a bundled glyph: no .notdef is drawn.
    let l = layout(&doc, &template, &fonts);
    let notdef = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|pl| &pl.line.marks)
        .filter_map(|m| match m {
            Mark::Run(r) => Some(r.glyphs.iter().filter(|g| g.id == 0).count()),
            _ => None,
        })
        .sum::<usize>();
    assert_eq!(notdef, 0);
}

#[test]
fn characters_outside_the_bundled_faces_are_drawn_by_a_system_face() {
    let fonts = FontSet::builder().system(true).build().unwrap();
    let rare = '𠈌';
    let Some(face) = fonts.face_for(rare, &paiban::fonts::FaceRequest::body()) else {
        let message = "SKIPPED: no system font has U+2020C; install fonts-hanazono";
        assert!(
            std::env::var_os("PAIBAN_REQUIRE_TEST_FONTS").is_none(),
            "{message}"
        );
        eprintln!("{message}");
        return;
    };
    assert!(fonts.info(face).unwrap().bundled().is_none());
    let doc = read_str("## 标题\n\n本报讯 生僻字𠈌和𥑢也要印出来。\n", "rare.md")
        .unwrap()
        .document;
    let l = layout(&doc, &Template::default(), &fonts);
    let drawn = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|pl| &pl.line.marks)
        .any(|m| matches!(m, Mark::Run(r) if r.face == face && r.text.contains(rare) && r.glyphs.iter().all(|g| g.id != 0)));
    assert!(
        drawn,
        "𠈌 is not drawn by {:?}",
        fonts.info(face).unwrap().family
    );
}

#[test]
fn serif_bold_headlines_use_the_song_face_as_in_docx_and_epub() {
    let t = Template::from_toml_str(
        "[roles.headline]\nfont = \"serif-bold\"\n",
        "serif-bold.toml",
    )
    .unwrap();
    let fonts = fonts();
    let serif = fonts.bundled_face(paiban::fonts::bundled::SERIF).unwrap();
    let doc = read_str("## 聊城制造业\n\n本报讯 正文。\n", "t.md")
        .unwrap()
        .document;
    let l = layout(&doc, &t, &fonts);
    let headline = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|pl| &pl.line.marks)
        .find_map(|m| match m {
            // The headline (二号), not the issue title above it, which is the same text.
            Mark::Run(r) if r.text.contains("聊城制造业") && r.size == 22.0 => Some(r.face),
            _ => None,
        });
    assert_eq!(headline, Some(serif));
}

#[test]
fn right_to_left_names_are_set_in_text_order_without_a_panic() {
    // An Arabic and a Hebrew name set in bold inside Chinese text: each is a span of its own,
    // so the shaper guesses right-to-left and would hand its clusters back reversed.
    let doc = read_str(
        "## 外国专家来访\n\n东昌府讯 埃及专家**محمد علي**与以色列学者**דוד כהן**一行到访，并就农业合作交换意见。\n",
        "rtl.md",
    )
    .unwrap()
    .document;
    let (l, _) = set(&doc, "newspaper");
    let text: String = l
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(|pl| line_text(&pl.line)))
        .collect();
    assert!(text.contains("محمد علي"), "{text}");
    assert!(text.contains("דוד כהן"), "{text}");
}

/// Many two- and three-line paragraphs between headlines, so every template breaks pages and
/// columns at all kinds of places.
fn short_paragraphs() -> Document {
    let mut text = String::new();
    for a in 0..6 {
        text.push_str(&format!("## 第{a}版要闻综述\n\n"));
        for p in 0..14 {
            let len = 30 + (a * 7 + p * 13) % 70;
            let body: String = "社区志愿者走访独居老人送去米面油和慰问信并登记需求"
                .chars()
                .cycle()
                .take(len)
                .collect();
            text.push_str(&format!("{body}。\n\n"));
        }
    }
    read_str(&text, "short.md").unwrap().document
}

#[test]
fn no_paragraph_leaves_its_first_line_at_a_column_foot_or_its_last_line_at_a_column_head() {
    let docs = [
        ("sample", sample()),
        ("hard", hard()),
        ("short", short_paragraphs()),
    ];
    let mut boundaries = 0;
    for (doc_name, doc) in &docs {
        for name in ["newspaper", "gongwen", "book"] {
            let (l, t) = set(doc, name);
            let top = paiban::typography::mm_to_pt(t.page.margins.top.0) as f32;
            let bottom = top + t.page.text_height_pt() as f32;
            // Body-frame lines in reading order, with a break wherever the baseline goes up
            // (a new column) or the page changes.
            let mut previous: Option<&LineBox> = None;
            for page in &l.pages {
                let mut last_y = f32::NEG_INFINITY;
                for pl in page
                    .lines
                    .iter()
                    .filter(|pl| pl.baseline > top && pl.baseline <= bottom + 0.5)
                {
                    let new_column = pl.baseline < last_y || last_y == f32::NEG_INFINITY;
                    if let (true, Some(before)) = (new_column, previous) {
                        boundaries += 1;
                        let after = &pl.line;
                        assert!(
                            !before.starts_paragraph || before.ends_paragraph,
                            "{doc_name}/{name}: orphan at a column foot: {}",
                            line_text(before)
                        );
                        assert!(
                            !after.ends_paragraph || after.starts_paragraph,
                            "{doc_name}/{name}: widow at a column head: {}",
                            line_text(after)
                        );
                    }
                    last_y = pl.baseline;
                    previous = Some(&pl.line);
                }
            }
        }
    }
    // The documents do break: the test looked at real boundaries.
    assert!(boundaries > 40, "{boundaries}");
}

#[test]
fn rules_end_where_the_text_does() {
    for name in ["newspaper", "gongwen", "book"] {
        let (l, _) = set(&sample(), name);
        let rules: Vec<_> = l.pages.iter().flat_map(|p| &p.rules).collect();
        // gongwen draws none (GB/T 9704 has no rules between documents).
        assert_eq!(rules.is_empty(), name == "gongwen", "{name}");
        for r in rules {
            // 470.6 pt rules on a 462 pt measure overhung the text by 3 mm.
            assert!(
                (r.x2 - r.x1 - l.measure).abs() < 0.01,
                "{name}: rule {} pt wide on a {} pt measure",
                r.x2 - r.x1,
                l.measure
            );
        }
    }
}

/// A long URL breaks after a `/` (or `. _ - ? & =`) and is set without gaps inside: before, it
/// went whole to the next line (the strict kinsoku set holds `/` back) and the line before it
/// was spread across the measure, or the URL was cut mid-word, and `?` and `=` opened gaps.
#[test]
fn a_long_url_breaks_after_its_marks_and_is_set_tight() {
    let url = "https://example.com/a/very/long/path/that/keeps/going/and/going/without/any/break/opportunity/whatsoever?query=parameter&and=another";
    let src = format!("## 标题\n\n长链接 {url} 与正文。\n");
    let doc = read_str(&src, "u.md").unwrap().document;
    let (l, _) = set(&doc, "newspaper");
    let lines: Vec<&LineBox> = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|pl| &pl.line)
        .filter(|line| line_text(line).contains("example") || line_text(line).contains("query"))
        .collect();
    assert!(lines.len() >= 2, "the URL takes two lines");
    // The first line holds the lead-in and the start of the URL, ending after a mark.
    let first = line_text(lines[0]);
    assert!(first.starts_with("长链接 https://example.com/"), "{first}");
    assert!(first.ends_with('/'), "{first}");
    // Inside the URL each glyph follows the one before at its own advance.
    for line in &lines {
        for m in &line.marks {
            if let Mark::Run(r) = m {
                for w in r.glyphs.windows(2) {
                    let (a, b) = (&w[0], &w[1]);
                    let (ta, tb) = (&r.text[a.text.clone()], &r.text[b.text.clone()]);
                    if ta.chars().all(|c| c.is_ascii_graphic())
                        && tb.chars().all(|c| c.is_ascii_graphic())
                        && !ta.is_empty()
                        && !tb.is_empty()
                    {
                        assert!(
                            (b.x - a.x - a.advance).abs() < 0.01,
                            "a gap between {ta:?} and {tb:?}: {}",
                            b.x - a.x - a.advance
                        );
                    }
                }
            }
        }
    }
    let joined: String = lines.iter().map(|l| line_text(l)).collect();
    assert!(joined.contains(url), "{joined}");
}

/// Every item of a numbered list starts its text at one x, `9．` and `10．` alike: the
/// markers fill one box (before, the text of item 10 started a digit further right).
#[test]
fn list_text_starts_at_one_x_whatever_the_marker() {
    let items: String = (1..=10).map(|n| format!("{n}. 第{n}项工作\n")).collect();
    let src = format!("## 标题\n\n正文。\n\n{items}");
    let doc = read_str(&src, "l.md").unwrap().document;
    let (l, _) = set(&doc, "newspaper");
    let starts: Vec<(String, f32)> = l
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|pl| pl.line.role == paiban::typography::Role::ListItem)
        .map(|pl| {
            // The x of the glyph for `第`, the first character of the item's own text.
            let x = pl
                .line
                .marks
                .iter()
                .find_map(|m| match m {
                    Mark::Run(r) => r
                        .glyphs
                        .iter()
                        .find(|g| r.text[g.text.clone()].starts_with('第'))
                        .map(|g| pl.x + g.x),
                    _ => None,
                })
                .expect("the item's text");
            (line_text(&pl.line), x)
        })
        .collect();
    assert_eq!(starts.len(), 10, "{starts:?}");
    for (text, x) in &starts {
        assert!(
            (x - starts[0].1).abs() < 0.01,
            "{text} starts at {x}, not {}",
            starts[0].1
        );
    }
}

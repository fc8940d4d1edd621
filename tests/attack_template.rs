//! Regression tests for the template and running-head findings of the attack run (issue 22):
//! digits in a title taken for the page number (3), control characters in template strings (4),
//! the running head's length before truncation (8) and unbounded template values (9).

use std::io::{Cursor, Read};

use paiban::backend::{Context, Format, RenderOptions, render};
use paiban::model::Document;
use paiban::source::read_str;
use paiban::typography::{Template, TemplateError};

/// A short two-article issue written for these tests.
const ISSUE: &str = "# 河西镇新闻\n\n\
## 河西镇完成秋季道路养护\n\n\
河西镇讯　9月3日，镇交通办组织养护队对镇区主干道进行了为期一周的维修，共修补路面坑槽四十余处。\n\n\
（通讯员 王小林）\n\n\
## 社区图书室延长开放时间\n\n\
河西镇讯　自9月起，镇社区图书室每周开放时间由三十小时增加到四十二小时，方便居民下班后借阅。\n\n\
（通讯员 赵晓雨）\n";

fn issue(title: &str) -> Document {
    let mut doc = read_str(ISSUE, "hexi-2024-09.md")
        .expect("the test issue reads")
        .document;
    doc.meta.title = Some(title.to_owned());
    doc
}

fn docx(doc: &Document, template: &Template) -> Vec<u8> {
    let options = RenderOptions {
        no_embed_fonts: true,
        ..RenderOptions::default()
    };
    let fonts = paiban::fonts::FontSet::builder()
        .system(false)
        .build()
        .expect("bundled fonts");
    let ctx = Context {
        template,
        fonts: &fonts,
        options: &options,
    };
    render(Format::Docx, doc, &ctx).expect("the DOCX renders")
}

/// One part of a zip package as text.
fn part(zip: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip)).expect("a zip");
    let mut f = zip.by_name(name).expect("the part exists");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("UTF-8");
    s
}

/// The text of every `w:t` in a part outside `w:fldSimple` (the field's cached result), in
/// order, and how many `PAGE` fields the part has.
fn running_text(xml: &str) -> (String, usize) {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:") {
        rest = &rest[i..];
        if rest.starts_with("<w:fldSimple") {
            let end = rest.find("</w:fldSimple>").expect("closed field");
            rest = &rest[end..];
        } else if let Some(r) = rest
            .strip_prefix("<w:t>")
            .or_else(|| rest.strip_prefix("<w:t xml:space=\"preserve\">"))
        {
            let end = r.find("</w:t>").expect("closed text");
            text.push_str(&r[..end]);
            rest = &r[end..];
        } else {
            rest = &rest[3..];
        }
    }
    (text, xml.matches("w:instr=\" PAGE \"").count())
}

#[test]
fn digits_in_the_title_stay_digits_in_the_docx_header() {
    // newspaper: header "{title}　{date}", footer "{page}" in 第 1 页 style.
    let t = Template::builtin("newspaper").unwrap();
    let zip = docx(&issue("编号4294967295号"), &t);
    let (header, fields) = running_text(&part(&zip, "word/header1.xml"));
    assert_eq!(header, "编号4294967295号\u{3000}2024年9月3日");
    assert_eq!(fields, 0, "the header has no {{page}}");
    let (footer, fields) = running_text(&part(&zip, "word/footer1.xml"));
    assert_eq!(footer, "第  页");
    assert_eq!(fields, 1);

    // A header with both: the title's digits are text, the page number is one field, and the
    // text the page-number style puts around it is text too.
    let t = Template::from_toml_str(
        "[page]\nheader = \"{title}（{page}）\"\npage_numbers = \"dash\"\n",
        "mine.toml",
    )
    .unwrap();
    for title in [
        "第4294967295期",
        "\u{2014} 4294967295 \u{2014}",
        "4294967295",
    ] {
        let zip = docx(&issue(title), &t);
        let xml = part(&zip, "word/header1.xml");
        let (header, fields) = running_text(&xml);
        assert_eq!(header, format!("{title}（\u{2014}  \u{2014}）"), "{xml}");
        assert_eq!(fields, 1, "{xml}");
    }
}

#[test]
fn a_huge_title_is_cut_to_one_line_before_the_running_head_is_built() {
    let t = Template::builtin("newspaper").unwrap();
    let title: String = "河西镇秋季道路养护工程进展情况通报".repeat(20_000);
    let zip = docx(&issue(&title), &t);
    let (header, _) = running_text(&part(&zip, "word/header1.xml"));
    // The newspaper text block is 166 mm (470.55 pt) and the header is 小五 (9 pt): no line
    // holds more than 470.55 / (0.1 × 9) = 523 characters, so the title is cut there.
    let title_part: String = title.chars().take(523).collect();
    assert_eq!(header, format!("{title_part}\u{3000}2024年9月3日"));
}

const BAD: &str = "/tmp/bad.toml";

fn refusal(text: &str) -> String {
    let err = Template::from_toml_str(text, BAD).expect_err("the template should be refused");
    let msg = err.to_string();
    assert!(!msg.contains('\n'), "not one line: {msg:?}");
    msg
}

#[test]
fn control_characters_in_template_strings_are_refused() {
    assert_eq!(
        refusal("[page]\nheader = \"\\u0001{title}\"\n"),
        "/tmp/bad.toml:2: page.header: control character U+0001 at character 1; \
         a running head is one line of printable text"
    );
    assert_eq!(
        refusal("# footer\n[page]\nfooter = \"{page}\\t{date}\"\n"),
        "/tmp/bad.toml:3: page.footer: control character U+0009 at character 7; \
         a running head is one line of printable text"
    );
    assert_eq!(
        refusal("[roles.headline]\nfont = \"Fang\\u001bSong\"\n"),
        "/tmp/bad.toml:2: roles.headline.font: control character U+001B at character 5; \
         a font name is printable text"
    );
    // C1 controls and line separators too.
    refusal("[page]\nheader = \"{title}\\u0085\"\n");
    refusal("[page]\nheader = \"{title}\\u2028{date}\"\n");
    // Templates built in code are checked the same way.
    let mut t = Template::default();
    t.page.header = "{title}\u{7}".into();
    assert_eq!(
        t.check().unwrap_err().to_string(),
        "template: page.header: control character U+0007 at character 8; \
         a running head is one line of printable text"
    );
}

#[test]
fn page_sizes_are_bounded() {
    assert_eq!(
        refusal("[page]\nsize = { width = 9.2e18, height = 297 }\n"),
        "/tmp/bad.toml:2: page.size.width: page width must be 10 to 2000 mm (9.2e18 mm)"
    );
    assert_eq!(
        refusal("[page.size]\nwidth = 210\nheight = \"5mm\"\n"),
        "/tmp/bad.toml:3: page.size.height: page height must be 10 to 2000 mm (5 mm)"
    );
    // The largest allowed page still works.
    Template::from_toml_str("[page]\nsize = { width = 2000, height = 2000 }\n", BAD).unwrap();
}

#[test]
fn margins_and_gaps_are_bounded() {
    assert_eq!(
        refusal("[page.margins]\ntop = 150\nbottom = 0\n"),
        "/tmp/bad.toml:2: page.margins.top: margin must be less than half the page height, 148.5 mm (150 mm)"
    );
    assert_eq!(
        refusal("[page.margins]\ninner = 0\nouter = 120\n"),
        "/tmp/bad.toml:3: page.margins.outer: margin must be less than half the page width, 105 mm (120 mm)"
    );
    assert_eq!(
        refusal("[page.margins]\nouter = 1e300\n"),
        "/tmp/bad.toml:2: page.margins.outer: text block width must be positive \
         (210 mm page - 22 - 1e300 mm margins = -1e300 mm)"
    );
    assert_eq!(
        refusal("[page]\nheader_gap = 120\n"),
        "/tmp/bad.toml:2: page.header_gap: gap must be 0 to 100 mm (120 mm)"
    );
    assert_eq!(
        refusal("[page.columns]\ncount = 2\ngap = 1e9\n"),
        "/tmp/bad.toml:3: page.columns.gap: column gap must be 0 to 100 mm (1000000000 mm)"
    );
}

#[test]
fn columns_and_grid_are_bounded() {
    assert_eq!(
        refusal("[page.columns]\ncount = 4294967295\ngap = 0\n"),
        "/tmp/bad.toml:2: page.columns.count: there must be 1 to 12 columns (4294967295)"
    );
    assert_eq!(
        refusal("[grid]\nlines = 4294967295\nchars = 28\n"),
        "/tmp/bad.toml:2: grid.lines: grid lines must be 1 to 1000 (4294967295)"
    );
    assert_eq!(
        refusal("[grid]\nlines = 22\nchars = 100000\n"),
        "/tmp/bad.toml:3: grid.chars: grid characters per line must be 1 to 1000 (100000)"
    );
    // A column narrower than one body character would give a measure of no characters.
    assert_eq!(
        refusal("[page.columns]\ncount = 12\ngap = 13\n"),
        "/tmp/bad.toml:2: page.columns.count: a character of 10.5 pt does not fit the 1.917 mm column"
    );
}

#[test]
fn type_sizes_pitches_and_spaces_are_bounded() {
    assert_eq!(
        refusal("[roles.body]\nsize = 0.5\n"),
        "/tmp/bad.toml:2: roles.body.size: size must be 1 to 500 pt (0.5 pt)"
    );
    assert_eq!(
        refusal("[roles.headline]\nsize = 1e6\n"),
        "/tmp/bad.toml:2: roles.headline.size: size must be 1 to 500 pt (1000000 pt)"
    );
    assert_eq!(
        refusal("[roles.body]\nline_pitch = 1e-300\n"),
        "/tmp/bad.toml:2: roles.body.line_pitch: line pitch must be 0.5 to 5 times the size (1e-300)"
    );
    assert_eq!(
        refusal("[roles.kicker]\nline_pitch = \"1pt\"\n"),
        "/tmp/bad.toml:2: roles.kicker.line_pitch: line pitch must be 0.5 to 10 times the size, \
         8 to 160 pt at 16 pt (1 pt)"
    );
    assert_eq!(
        refusal("[roles.byline]\nspace_before = 1e300\n"),
        "/tmp/bad.toml:2: roles.byline.space_before: space must be 0 to 500 pt or 0 to 20 lines (1e300 pt)"
    );
    assert_eq!(
        refusal("[separation]\nspace = \"100 lines\"\n"),
        "/tmp/bad.toml:2: separation.space: space must be 0 to 500 pt or 0 to 20 lines (100 lines)"
    );
    assert_eq!(
        refusal("[separation]\nrule = 72\n"),
        "/tmp/bad.toml:2: separation.rule: rule must be 0 to 10 pt (72 pt)"
    );
    assert_eq!(
        refusal("[roles.body]\nfirst_line_indent = 1e9\n"),
        "/tmp/bad.toml:2: roles.body.first_line_indent: indent must be 0 to 10 em (1000000000 em)"
    );
}

#[test]
fn running_head_patterns_are_bounded() {
    let pattern = "{title}".repeat(40);
    assert_eq!(
        refusal(&format!("[page]\nheader = \"{pattern}\"\n")),
        "/tmp/bad.toml:2: page.header: a running-head pattern may be at most 200 characters (280)"
    );
}

#[test]
fn the_built_in_templates_are_inside_every_bound() {
    for name in Template::builtin_names() {
        Template::builtin(name).unwrap().check().unwrap();
    }
    // Edge values are allowed.
    Template::from_toml_str(
        "[page.columns]\ncount = 12\ngap = 1\n[roles.body]\nsize = 1\nline_pitch = 0.5\n\
         first_line_indent = 10\nspace_after = \"20 lines\"\n[separation]\nrule = 10\n",
        BAD,
    )
    .unwrap();
    Template::from_toml_str(
        "[page.size]\nwidth = 2000\nheight = 2000\n[roles.issue_title]\nsize = 500\n\
         line_pitch = \"5000pt\"\n",
        BAD,
    )
    .unwrap();
}

#[test]
fn every_role_fits_the_page() {
    assert_eq!(
        refusal("[roles.headline]\nsize = 500\n"),
        "/tmp/bad.toml:2: roles.headline.size: a character of 500 pt does not fit the 166 mm column"
    );
    assert_eq!(
        refusal("[roles.issue_title]\nsize = 72\nline_pitch = \"720pt\"\n"),
        "/tmp/bad.toml:3: roles.issue_title.line_pitch: a line of 720 pt does not fit the 247 mm text block"
    );
}

#[test]
fn a_template_file_over_the_size_cap_is_refused_before_parsing() {
    // 300 000 unknown keys: over 256 KiB, refused on its size alone.
    let mut text = String::from("[page]\nsize = \"A5\"\n");
    for i in 0..300_000 {
        text.push_str(&format!("k{i} = 1\n"));
    }
    let len = text.len();
    assert!(len > 256 << 10);
    let msg = refusal(&text);
    assert_eq!(
        msg,
        format!(
            "/tmp/bad.toml: template file is {len} bytes; a template may be at most 262144 bytes (256 KiB)"
        )
    );

    // The same from a file on disk, without reading it whole.
    let path = std::env::temp_dir().join(format!("paiban-huge-{}.toml", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let err = Template::load(path.to_str().unwrap());
    std::fs::remove_file(&path).unwrap();
    let err = err.expect_err("refused");
    assert!(matches!(err, TemplateError::Invalid { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: template file is {len} bytes; a template may be at most 262144 bytes (256 KiB)",
            path.display()
        )
    );
}

#[test]
fn control_characters_quoted_in_an_error_are_escaped() {
    // An unknown key holding an escape sequence is named, but the sequence never reaches the
    // terminal.
    let msg = refusal("[page]\n\"\\u001b[2Jx\" = 1\n");
    assert!(
        msg.starts_with("/tmp/bad.toml:2: page.\\u{1b}[2Jx: unknown field `\\u{1b}[2Jx`"),
        "{msg}"
    );
    assert!(!msg.chars().any(char::is_control), "{msg:?}");
}

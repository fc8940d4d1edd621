//! Regression tests for the template and running-head findings of the attack run (issue 22):
//! digits in a title taken for the page number (3), control characters in template strings (4),
//! the running head's length before truncation (8) and unbounded template values (9).

use std::io::{Cursor, Read};

use paiban::backend::{Context, Format, RenderOptions, render};
use paiban::model::Document;
use paiban::source::read_str;
use paiban::typography::Template;

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

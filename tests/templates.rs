//! Templates: built-ins, 字号, GB/T 9704 geometry, partial overlays and error messages.

use paiban::typography::{
    Align, FontSize, Grid, Language, LinePitch, Mm, PageNumberStyle, PageSize, Pt,
    PunctuationStyle, Role, RunningFields, Spacing, Template, TemplateError, Zihao, mm_to_pt,
    pt_to_half_points, pt_to_twips,
};

const ORIGIN: &str = "templates/x.toml";

fn load(text: &str) -> Result<Template, TemplateError> {
    Template::from_toml_str(text, ORIGIN)
}

/// Loads `text`, expects a refusal and checks it names the file, line and key on one line.
fn refused(text: &str, line: usize, key: &str) -> String {
    let err = load(text).expect_err("template should be refused");
    let msg = err.to_string();
    assert_eq!(err.line(), Some(line), "wrong line in: {msg}");
    assert_eq!(err.key(), Some(key), "wrong key in: {msg}");
    let prefix = format!("{ORIGIN}:{line}: {key}: ");
    assert!(
        msg.starts_with(&prefix),
        "{msg:?} does not start with {prefix:?}"
    );
    assert!(!msg.contains('\n'), "not one line: {msg:?}");
    msg
}

#[test]
fn builtins_parse_and_round_trip() {
    assert_eq!(Template::builtin_names(), ["newspaper", "gongwen", "book"]);
    for name in Template::builtin_names() {
        let t = Template::builtin(name).expect("built-in exists");
        let text = t.to_toml_string();
        let back = Template::from_toml_str(&text, "roundtrip.toml")
            .unwrap_or_else(|e| panic!("{name} does not reload: {e}\n{text}"));
        assert_eq!(back, t, "{name} changed on a TOML round trip:\n{text}");
        assert_eq!(Template::load(name).unwrap(), t);
    }
    assert!(Template::builtin("nope").is_none());
    assert_eq!(Template::default(), Template::builtin("newspaper").unwrap());
}

#[test]
fn edited_template_round_trips() {
    // Every representation a writer can produce: custom size, absolute pitch, point size,
    // spacing in lines and in points, a grid on a template that had none.
    let mut t = Template::default();
    t.page.size = PageSize::Custom {
        width: Mm(185.5),
        height: Mm(260.0),
    };
    t.roles.body.size = FontSize::Points(9.75);
    t.roles.body.line_pitch = LinePitch::Fixed(Pt(mm_to_pt(6.0)));
    t.roles.headline.space_before = Spacing::Lines(1.5);
    t.roles.kicker.space_after = Spacing::Points(3.25);
    t.grid = Some(Grid {
        lines: 40,
        chars: 45,
    });
    t.check().unwrap();
    let text = t.to_toml_string();
    assert_eq!(load(&text).unwrap(), t, "{text}");
}

const ZIHAO: [(&str, f64); 16] = [
    ("初号", 42.0),
    ("小初", 36.0),
    ("一号", 26.0),
    ("小一", 24.0),
    ("二号", 22.0),
    ("小二", 18.0),
    ("三号", 16.0),
    ("小三", 15.0),
    ("四号", 14.0),
    ("小四", 12.0),
    ("五号", 10.5),
    ("小五", 9.0),
    ("六号", 7.5),
    ("小六", 6.5),
    ("七号", 5.5),
    ("八号", 5.0),
];

#[test]
fn zihao_table_converts_exactly() {
    assert_eq!(Zihao::ALL.len(), ZIHAO.len());
    for (z, (name, pt)) in Zihao::ALL.iter().zip(ZIHAO) {
        assert_eq!(z.name(), name);
        assert_eq!(z.points(), pt, "{name}");
        assert_eq!(Zihao::from_name(name), Some(*z));
        let t = load(&format!("[roles.body]\nsize = \"{name}\"\n")).unwrap();
        assert_eq!(t.role(Role::Body).size, FontSize::Zihao(*z));
        assert_eq!(t.role(Role::Body).size_pt(), pt, "{name} in a template");
    }
    for (text, pt) in [
        ("10.5", 10.5),
        ("11", 11.0),
        ("\"12pt\"", 12.0),
        ("\"9.5 pt\"", 9.5),
    ] {
        let t = load(&format!("[roles.body]\nsize = {text}\n")).unwrap();
        assert_eq!(t.roles.body.size, FontSize::Points(pt), "size = {text}");
        assert_eq!(t.roles.body.size_pt(), pt);
    }
    let msg = refused("[roles.body]\nsize = \"五毫\"\n", 2, "roles.body.size");
    assert!(msg.contains("字号"), "{msg}");
}

#[test]
fn gongwen_geometry_follows_gb_t_9704() {
    let t = Template::builtin("gongwen").unwrap();
    let p = &t.page;
    assert_eq!((p.width_mm(), p.height_mm()), (210.0, 297.0));
    assert_eq!(p.margins.top, Mm(37.0));
    assert_eq!(p.margins.inner, Mm(28.0));
    assert_eq!(p.margins.outer, Mm(26.0));
    assert_eq!(p.margins.bottom, Mm(35.0));
    assert_eq!(p.text_width_mm(), 156.0);
    assert_eq!(p.text_height_mm(), 225.0);
    assert_eq!(
        t.grid,
        Some(Grid {
            lines: 22,
            chars: 28
        })
    );
    let char_pitch = mm_to_pt(156.0) / 28.0;
    let line_pitch = mm_to_pt(225.0) / 22.0;
    assert!(
        (t.body_char_pitch_pt() - char_pitch).abs() < 1e-9,
        "{}",
        t.body_char_pitch_pt()
    );
    assert!(
        (t.body_line_pitch_pt() - line_pitch).abs() < 1e-9,
        "{}",
        t.body_line_pitch_pt()
    );
    assert!((t.line_pitch_pt(Role::Body) - line_pitch).abs() < 1e-9);
    assert!((t.text_width_pt() - mm_to_pt(156.0)).abs() < 1e-9);
    assert_eq!(t.role(Role::Body).size_pt(), 16.0);
    assert_eq!(t.role(Role::Headline).size_pt(), 22.0);
    assert_eq!(t.role(Role::Footer).size_pt(), 14.0);
    assert_eq!(p.footer_gap, Mm(7.0));
    assert_eq!(p.page_numbers, PageNumberStyle::Dash);
    let fields = RunningFields {
        page: 1,
        ..Default::default()
    };
    assert_eq!(p.footer_text(&fields), "— 1 —");
    assert!((t.footer_top_pt() - mm_to_pt(37.0 + 225.0 + 7.0)).abs() < 1e-9);
}

#[test]
fn newspaper_and_book_look() {
    let t = Template::default();
    let body = t.role(Role::Body);
    assert_eq!(body.size_pt(), 10.5);
    assert_eq!(body.align, Align::Justify);
    assert!((1.6..=1.8).contains(&(body.line_pitch_pt() / body.size_pt())));
    assert_eq!(body.first_line_indent_pt(), 21.0);
    let headline = t.role(Role::Headline).size_pt();
    for role in [Role::Kicker, Role::Subtitle] {
        assert_eq!(t.role(role).size_pt(), Zihao::Erhao.smaller(2).points());
        assert!(t.role(role).size_pt() < headline);
        assert_eq!(t.role(role).align, Align::Centre);
    }
    assert!(t.role(Role::Headline).is_bold());
    assert_eq!(t.role(Role::Dateline).size_pt(), 10.5);
    assert_eq!(t.role(Role::Dateline).font, t.role(Role::Headline).font);
    assert_eq!(t.language, Language::ZhCn);
    assert_eq!(t.chinese.punctuation, PunctuationStyle::Quanjiao);
    assert_eq!(t.han_latin_gap_pt(), 10.5 / 4.0);
    assert_eq!(t.page.size, PageSize::A4);

    let book = Template::builtin("book").unwrap();
    assert_eq!(book.page.size, PageSize::A5);
    assert_eq!(book.roles.body.size_pt(), 10.5);
    assert!((book.roles.body.line_pitch_pt() - 18.9).abs() < 1e-9);
    assert!(book.separation.new_page);
}

#[test]
fn running_heads_fill_fields() {
    let t = Template::default();
    let fields = RunningFields {
        title: "东昌府融媒",
        date: "2022年9月1日",
        publisher: "融媒体中心",
        page: 3,
        page_word: "",
    };
    assert_eq!(t.page.header_text(&fields), "东昌府融媒　2022年9月1日");
    assert_eq!(t.page.footer_text(&fields), "第 3 页");
    let t =
        load("[page]\nfooter = \"{publisher} {{{page}}}\"\npage_numbers = \"plain\"\n").unwrap();
    assert_eq!(t.page.footer_text(&fields), "融媒体中心 {3}");
    refused("[page]\nheader = \"{title} {issue}\"\n", 2, "page.header");
}

#[test]
fn unit_helpers() {
    assert!((mm_to_pt(25.4) - 72.0).abs() < 1e-12);
    assert_eq!(pt_to_twips(10.5), 210);
    assert_eq!(pt_to_twips(mm_to_pt(37.0)), 2098);
    assert_eq!(pt_to_half_points(10.5), 21);
    assert_eq!(pt_to_half_points(16.0), 32);
    let t = load(
        "[page.margins]\ntop = \"37mm\"\nbottom = \"2cm\"\ninner = \"1in\"\nouter = \"72pt\"\n",
    )
    .unwrap();
    let m = t.page.margins;
    assert_eq!((m.top, m.bottom, m.inner), (Mm(37.0), Mm(20.0), Mm(25.4)));
    assert!((m.outer.0 - 25.4).abs() < 1e-12);
    let t = load("[roles.body]\nfirst_line_indent = \"2em\"\nspace_after = \"1 line\"\n").unwrap();
    assert_eq!(t.roles.body.first_line_indent.0, 2.0);
    assert_eq!(t.space_after_pt(Role::Body), t.body_line_pitch_pt());
}

#[test]
fn unknown_key_is_refused() {
    let text = "[page]\nsize = \"A5\"\n\n[page.margins]\ntop = 20\ntoppp = 3\n";
    let msg = refused(text, 6, "page.margins.toppp");
    assert!(msg.contains("unknown field `toppp`"), "{msg}");
    refused("language = \"zh-CN\"\n[rolls.body]\nsize = 9\n", 2, "rolls");
    refused(
        "[roles.headline]\nfont = \"sans\"\nfont_size = 30\n",
        3,
        "roles.headline.font_size",
    );
    refused(
        "[roles.byline]\nsize = 9\n[roles.sidebar]\nsize = 9\n",
        3,
        "roles.sidebar",
    );
    refused(
        "page.margins.top = 20\npage.colour = \"red\"\n",
        2,
        "page.colour",
    );
}

#[test]
fn wrong_unit_is_refused() {
    let msg = refused(
        "[page]\nsize = \"A4\"\n[page.margins]\ninner = \"3furlongs\"\n",
        4,
        "page.margins.inner",
    );
    assert!(msg.contains("unknown unit \"furlongs\""), "{msg}");
    let msg = refused("[page.margins]\ntop = \"2em\"\n", 2, "page.margins.top");
    assert!(msg.contains("em is not allowed"), "{msg}");
    refused(
        "\n\n[roles.body]\nline_pitch = \"18px\"\n",
        4,
        "roles.body.line_pitch",
    );
    refused(
        "[roles.body]\nfirst_line_indent = \"2mm\"\n",
        2,
        "roles.body.first_line_indent",
    );
    refused("[page.columns]\ngap = \"wide\"\n", 2, "page.columns.gap");
}

#[test]
fn negative_margin_is_refused() {
    let err = load("# my template\n[page.margins]\ntop = -5\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "templates/x.toml:3: page.margins.top: margin must not be negative (-5 mm)"
    );
    refused(
        "language = \"zh-CN\"\npage.margins.outer = \"-5mm\"\n",
        2,
        "page.margins.outer",
    );
    // `left` is written by the user and reported as the margin it means.
    refused("[page.margins]\n\nleft = -1\n", 3, "page.margins.inner");
}

#[test]
fn impossible_geometry_is_refused() {
    refused("[page.columns]\ncount = 0\n", 2, "page.columns.count");
    let msg = refused(
        "[page.margins]\ntop = 10\ninner = 150\nouter = 70\n",
        3,
        "page.margins.inner",
    );
    assert!(msg.contains("text block width"), "{msg}");
    // Only the page size changed: blame it.
    refused(
        "[page]\nsize = { width = 40, height = 297 }\n",
        2,
        "page.size",
    );
    let msg = refused(
        "base = \"gongwen\"\n\n[grid]\nchars = 40\n",
        4,
        "grid.chars",
    );
    assert!(msg.contains("do not fit"), "{msg}");
    refused("base = \"gongwen\"\ngrid.lines = 0\n", 2, "grid.lines");
    refused(
        "[roles.body]\nline_pitch = 20\n",
        2,
        "roles.body.line_pitch",
    );
    refused("[roles.kicker]\nsize = 0\n", 2, "roles.kicker.size");
    refused("[page]\nsize = { width = 100 }\n", 2, "page.size");
}

#[test]
fn other_bad_input_is_placed() {
    refused("base = \"tabloid\"\n", 1, "base");
    refused("language = \"en\"\n", 1, "language");
    refused("[page]\npage_numbers = \"roman\"\n", 2, "page.page_numbers");
    let err = load("[page]\nsize = \"A4\n").unwrap_err();
    assert_eq!(err.line(), Some(2), "{err}");
    assert!(!err.to_string().contains('\n'), "{err}");
    let err = Template::load("no-such-template").unwrap_err();
    assert!(matches!(err, TemplateError::NotFound { .. }), "{err}");
    assert!(
        err.to_string().contains("newspaper, gongwen, book"),
        "{err}"
    );
    let err = Template::load("no/such/file.toml").unwrap_err();
    assert!(matches!(err, TemplateError::Io { .. }), "{err}");
}

#[test]
fn partial_overlay_keeps_every_other_default() {
    let t = load("[page]\nsize = \"A5\"\n\n[roles.body]\nsize = \"小四\"\n").unwrap();
    let mut expected = Template::default();
    expected.page.size = PageSize::A5;
    expected.roles.body.size = FontSize::Zihao(Zihao::XiaoSi);
    assert_eq!(t, expected);

    // Same with a byte-order mark and CRLF line ends, as Windows editors save it.
    let crlf =
        load("\u{feff}[page]\r\nsize = \"A5\"\r\n[roles.body]\r\nsize = \"小四\"\r\n").unwrap();
    assert_eq!(crlf, expected);
    refused("\u{feff}[page]\r\n\r\nsize = \"A3\"\r\n", 3, "page.size");

    // Same through a file on disk.
    let path = std::env::temp_dir().join(format!("paiban-overlay-{}.toml", std::process::id()));
    std::fs::write(
        &path,
        "[page]\nsize = \"A5\"\n\n[roles.body]\nsize = \"小四\"\n",
    )
    .unwrap();
    let from_file = Template::load(path.to_str().unwrap());
    std::fs::remove_file(&path).unwrap();
    assert_eq!(from_file.unwrap(), expected);
}

#[test]
fn overlay_on_another_base() {
    let t = load("base = \"gongwen\"\n[roles.headline]\nsize = \"小一\"\n").unwrap();
    let mut expected = Template::builtin("gongwen").unwrap();
    expected.roles.headline.size = FontSize::Zihao(Zihao::XiaoYi);
    assert_eq!(t, expected);

    let t = load("base = \"gongwen\"\ngrid = \"none\"\n").unwrap();
    assert_eq!(t.grid, None);
    assert_eq!(t.body_line_pitch_pt(), t.roles.body.line_pitch_pt());

    // Either spelling of the binding margin replaces the base's.
    let t = load("[page.margins]\nleft = 30\nright = 15\n").unwrap();
    assert_eq!(
        (t.page.margins.inner, t.page.margins.outer),
        (Mm(30.0), Mm(15.0))
    );
    refused(
        "[page.margins]\ninner = 30\nleft = 30\n",
        3,
        "page.margins.left",
    );
}

#[test]
fn language_picks_punctuation_default() {
    for (tag, lang) in [("zh-TW", Language::ZhTw), ("zh-HK", Language::ZhHk)] {
        let t = load(&format!("language = \"{tag}\"\n")).unwrap();
        assert_eq!(t.language, lang);
        assert_eq!(t.language.tag(), tag);
        assert_eq!(t.chinese.punctuation, PunctuationStyle::Centred);
    }
    let t = load("language = \"zh-TW\"\n[chinese]\npunctuation = \"kaiming\"\n").unwrap();
    assert_eq!(t.chinese.punctuation, PunctuationStyle::Kaiming);
    let t = load("[chinese]\npunctuation = \"kaiming\"\nhan_latin_gap = \"none\"\n").unwrap();
    assert_eq!(t.chinese.punctuation, PunctuationStyle::Kaiming);
    assert_eq!(t.han_latin_gap_pt(), 0.0);
}

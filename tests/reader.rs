//! The source reader on real and hand-made inputs: exact model fields.

use std::path::Path;

use paiban::check::{Problem, check};
use paiban::model::{Block, ChangeKind, Credit, DatelineKind, Document, Location, Warning};
use paiban::source::{self, ReadOptions, Reading, SourceEncoding, read_str};

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";

fn sample() -> Reading {
    source::read_path(Path::new(SAMPLE), &ReadOptions::default()).expect("the sample reads")
}

fn body_texts(doc: &Document, article: usize) -> Vec<String> {
    doc.articles[article].body.iter().map(Block::text).collect()
}

#[test]
fn sample_has_nine_articles_with_exact_headline_groups() {
    let doc = sample().document;
    assert_eq!(doc.articles.len(), 9);
    let h = |i: usize| &doc.articles[i].headline;
    assert_eq!(
        h(0).headline.as_deref(),
        Some("聊城制造业强市科技专家顾问团成立")
    );
    assert_eq!(
        h(0).subtitle.as_deref(),
        Some("张百顺孙殿义致辞我区在东营府分会会场组织收听收看")
    );
    assert_eq!(h(0).kicker, None);
    assert_eq!(
        h(4).kicker.as_deref(),
        Some("马军权在督导深化全国文明城市创建工作时强调")
    );
    assert_eq!(
        h(4).headline.as_deref(),
        Some("狠抓落实整改\u{3000}让广大人民群众共享创建成果")
    );
    assert_eq!(h(4).subtitle, None);
    assert_eq!(
        h(5).kicker.as_deref(),
        Some("万众一心\u{3000}众志成城\u{3000}创则必成")
    );
    assert_eq!(
        h(5).headline.as_deref(),
        Some("全区干部下沉点位现场推进会议召开")
    );
    assert_eq!(
        h(8).headline.as_deref(),
        Some("东昌府区“首善之区·一诺千金”年中“督履诺”电视政务公开活动举行")
    );
    let kickers = doc
        .articles
        .iter()
        .filter(|a| a.headline.kicker.is_some())
        .count();
    let subtitles = doc
        .articles
        .iter()
        .filter(|a| a.headline.subtitle.is_some())
        .count();
    assert_eq!((kickers, subtitles), (2, 1));
}

#[test]
fn sample_datelines_bylines_and_paragraph_counts() {
    let doc = sample().document;
    let dates: Vec<&str> = doc
        .articles
        .iter()
        .map(|a| {
            let d = a.dateline.as_ref().expect("every article has a dateline");
            assert_eq!(d.text, "东昌府讯");
            assert_eq!(d.kind, DatelineKind::Xun);
            d.date.as_deref().unwrap()
        })
        .collect();
    assert_eq!(
        dates,
        [
            "9月1日",
            "8月31日",
            "8月31日",
            "8月31日",
            "8月30日",
            "8月30日",
            "8月31日",
            "8月31日",
            "8月30日"
        ]
    );
    let names = [
        "郭龙君",
        "全兴社",
        "徐振鑫",
        "郭龙君",
        "裴崇旭",
        "全兴社",
        "全兴社",
        "裴崇旭",
        "徐振鑫",
    ];
    for (a, name) in doc.articles.iter().zip(names) {
        let b = a.byline.as_ref().expect("every article has a byline");
        assert_eq!(
            b.credits,
            [Credit {
                organisation: Some("融媒体中心".into()),
                role: None,
                names: vec![name.into()],
                filed: None,
            }]
        );
    }
    let counts: Vec<usize> = doc.articles.iter().map(|a| a.body.len()).collect();
    assert_eq!(counts, [8, 3, 3, 5, 4, 7, 3, 3, 4]);
    assert!(
        doc.articles
            .iter()
            .flat_map(|a| &a.body)
            .all(|b| matches!(b, Block::Paragraph(_)))
    );
}

#[test]
fn sample_first_paragraphs_and_repairs() {
    let r = sample();
    let doc = &r.document;
    assert!(body_texts(doc, 2)[0].starts_with("8月31日早晨6:30，区委副书记、区长江绍华"));
    assert!(body_texts(doc, 0)[0].starts_with("9月1日，制造业强市科技专家顾问团成立大会"));
    // The page-break splits are whole paragraphs again.
    assert!(body_texts(doc, 3)[1].contains("狠抓落实，做实各项民生工程，不断提升"));
    assert!(body_texts(doc, 3)[4].contains("要强化政治引领，把牢政治方向"));
    assert!(body_texts(doc, 5)[1].contains("上一条心、拧成一股绳"));
    assert!(body_texts(doc, 5)[3].contains("创建要求，一项工作一项工作的抓落实"));
    let joins: Vec<(usize, usize)> = r
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::ParagraphJoin)
        .map(|c| match c.location {
            Location::Body { article, block, .. } => (article, block),
            ref other => panic!("join at {other}"),
        })
        .collect();
    assert_eq!(joins, [(3, 1), (3, 4), (4, 1), (4, 2), (5, 1), (5, 3)]);
}

#[test]
fn sample_has_no_ascii_punctuation_between_han() {
    let r = sample();
    let is_han = paiban::source::chars::is_han;
    for (loc, text) in r.document.text_items() {
        let c: Vec<char> = text.chars().collect();
        for w in c.windows(3) {
            let bad = matches!(w[1], ',' | '(' | ')' | ';') && (is_han(w[0]) || is_han(w[2]));
            assert!(
                !bad,
                "{loc}: ASCII {:?} in {:?}",
                w[1],
                w.iter().collect::<String>()
            );
        }
    }
    let converted = r
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::FullWidthPunctuation)
        .count();
    // 282 ASCII commas, the 12 brackets outside bylines are inside Han text... all counted.
    assert!(converted >= 282, "{converted}");
    // The time keeps its ASCII colon.
    assert!(body_texts(&r.document, 2)[0].contains("6:30"));
}

#[test]
fn check_reports_the_repeated_sentence_and_doubled_character() {
    let problems = check(&sample().document);
    let repeated: Vec<&Problem> = problems
        .iter()
        .filter(|p| matches!(p, Problem::RepeatedSentence { .. }))
        .collect();
    assert_eq!(repeated.len(), 1);
    match repeated[0] {
        Problem::RepeatedSentence {
            sentence, again, ..
        } => {
            assert_eq!(
                sentence,
                "区委副书记、区长江绍华出席会议并讲话，市委宣传部分副部长张健出席会议并传达了市委常委会会议精神。"
            );
            assert!(matches!(
                again,
                Location::Body {
                    article: 5,
                    block: 0,
                    ..
                }
            ));
        }
        _ => unreachable!(),
    }
    let doubled: Vec<&Problem> = problems
        .iter()
        .filter(|p| matches!(p, Problem::DoubledCharacter { .. }))
        .collect();
    assert_eq!(
        doubled,
        [&Problem::DoubledCharacter {
            text: "并并".into(),
            location: Location::Body {
                article: 7,
                block: 0,
                offset: 43
            },
        }]
    );
    let text: Vec<char> = body_texts(&sample().document, 7)[0].chars().collect();
    assert_eq!(text[43..45], ['并', '并']);
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn reduplication_and_balanced_text_are_not_problems() {
    let r = read_str("## 标题\n\n他常常看看书，人人都说“好”（真的）。\n", "t.md").unwrap();
    assert_eq!(check(&r.document), []);
    let r = read_str("## 标题\n\n他说“好的的确确（真的。\n", "t.md").unwrap();
    let p = check(&r.document);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p.iter().all(|p| matches!(p, Problem::Unbalanced { .. })));
}

fn first_dateline(text: &str) -> (paiban::model::Dateline, String) {
    let r = read_str(text, "t.md").unwrap();
    let a = &r.document.articles[0];
    (a.dateline.clone().expect("dateline"), a.body[0].text())
}

#[test]
fn dateline_local() {
    let (d, p) = first_dateline("## 标题\n\n东昌府讯 9月1日,会议召开。\n");
    assert_eq!(
        (d.kind, d.text.as_str(), d.source.as_str()),
        (DatelineKind::Xun, "东昌府讯", "东昌府")
    );
    assert_eq!(d.date.as_deref(), Some("9月1日"));
    assert_eq!(p, "9月1日，会议召开。");
}

#[test]
fn dateline_own_paper() {
    let (d, p) = first_dateline("## 标题\n\n本报讯 昨天，会议召开。\n");
    assert_eq!(
        (d.text.as_str(), d.source.as_str(), d.date.clone()),
        ("本报讯", "本报", None)
    );
    assert_eq!(p, "昨天，会议召开。");
}

#[test]
fn dateline_own_paper_with_reporter() {
    let (d, p) = first_dateline("## 标题\n\n本报讯（记者 张三）1月17日，会议召开。\n");
    assert_eq!(d.text, "本报讯");
    assert_eq!(
        d.credits,
        [Credit {
            organisation: None,
            role: Some("记者".into()),
            names: vec!["张三".into()],
            filed: None,
        }]
    );
    assert_eq!(d.display(), "本报讯（记者 张三）");
    assert_eq!(d.date.as_deref(), Some("1月17日"));
    assert_eq!(p, "1月17日，会议召开。");
}

#[test]
fn dateline_wire() {
    let (d, p) = first_dateline("## 标题\n\n新华社北京1月17日电 国家统计局17日发布数据。\n");
    assert_eq!(d.kind, DatelineKind::Dian);
    assert_eq!(d.text, "新华社北京1月17日电");
    assert_eq!(
        (d.source.as_str(), d.place.as_deref(), d.date.as_deref()),
        ("新华社", Some("北京"), Some("1月17日"))
    );
    assert_eq!(p, "国家统计局17日发布数据。");
}

#[test]
fn dateline_wire_with_reporter() {
    let (d, p) =
        first_dateline("## 标题\n\n新华社北京1月17日电（记者 李四）国家统计局17日发布数据。\n");
    assert_eq!(d.text, "新华社北京1月17日电");
    assert_eq!(d.credits[0].names, ["李四"]);
    assert_eq!(d.credits[0].role.as_deref(), Some("记者"));
    assert_eq!(p, "国家统计局17日发布数据。");
}

#[test]
fn dateline_medium() {
    let (d, p) = first_dateline("## 标题\n\n央视网消息：今天，会议召开。\n");
    assert_eq!(
        (d.kind, d.source.as_str(), d.text.as_str()),
        (DatelineKind::Xiaoxi, "央视网", "央视网消息：")
    );
    assert_eq!(p, "今天，会议召开。");
    let (d, _) = first_dateline("## 标题\n\n央视网消息 今天，会议召开。\n");
    assert_eq!(d.text, "央视网消息");
}

#[test]
fn dateline_bracketed() {
    let (d, p) = first_dateline("## 标题\n\n【财新网】国家统计局发布数据。\n");
    assert_eq!(
        (d.kind, d.source.as_str(), d.text.as_str()),
        (DatelineKind::Bracketed, "财新网", "【财新网】")
    );
    assert_eq!(p, "国家统计局发布数据。");
}

#[test]
fn ordinary_openings_are_not_datelines() {
    for text in [
        "## 标题\n\n通讯员王五报道，会议召开。\n",
        "## 标题\n\n会议指出，要加强。\n",
        "## 标题\n\n热线电话12345开通。\n",
    ] {
        let r = read_str(text, "t.md").unwrap();
        assert_eq!(r.document.articles[0].dateline, None, "{text}");
    }
}

#[test]
fn byline_with_several_roles() {
    let r = read_str(
        "## 标题\n\n正文。\n\n（记者 张三 通讯员 李四 王五）\n",
        "t.md",
    )
    .unwrap();
    let b = r.document.articles[0].byline.as_ref().unwrap();
    assert_eq!(b.credits.len(), 2);
    assert_eq!(b.credits[1].role.as_deref(), Some("通讯员"));
    assert_eq!(b.credits[1].names, ["李四", "王五"]);
    assert_eq!(b.display(), "记者 张三 通讯员 李四 王五");
    assert_eq!(r.document.articles[0].body.len(), 1);
}

#[test]
fn gbk_input_gives_the_same_model_as_utf8() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let r = source::read_bytes(&gbk, Path::new(SAMPLE), &ReadOptions::default()).unwrap();
    assert_eq!(r.encoding, SourceEncoding::Gb18030);
    assert_eq!(r.document, sample().document);
}

#[test]
fn utf16_and_bom_crlf_inputs_give_the_same_model() {
    let text = std::fs::read_to_string(SAMPLE).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(crlf.as_bytes());
    let r = source::read_bytes(&bom, Path::new(SAMPLE), &ReadOptions::default()).unwrap();
    assert_eq!(r.encoding, SourceEncoding::Utf8Bom);
    assert_eq!(r.document, sample().document);

    for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        let mut bytes = bom.to_vec();
        for u in crlf.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let r = source::read_bytes(&bytes, Path::new(SAMPLE), &ReadOptions::default()).unwrap();
        assert_eq!(r.document, sample().document);
    }
}

#[test]
fn empty_whitespace_and_binary_inputs_are_refused_clearly() {
    let opts = ReadOptions::default();
    let cases: [(&[u8], &str); 4] = [
        (b"", "x.md: the file is empty"),
        (b"  \n\t\r\n  ", "x.md: the file contains only white space"),
        (
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
            "x.md: this is not a text file (it contains binary data)",
        ),
        (
            b"+++\ntitle = \"x\"\n+++\n\n",
            "x.md: the file contains only white space",
        ),
    ];
    for (bytes, message) in cases {
        let err = source::read_bytes(bytes, Path::new("x.md"), &opts).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    let err = source::read_bytes(b"abc \xff\xfe\xfd def", Path::new("x.md"), &opts).unwrap_err();
    assert!(matches!(err, paiban::Error::Undecodable { .. }), "{err}");
}

#[test]
fn text_without_headline_is_one_untitled_article_with_a_warning() {
    let r = read_str("东昌府讯 9月1日,会议召开。\n\n第二段。\n", "t.md").unwrap();
    assert_eq!(r.document.articles.len(), 1);
    let a = &r.document.articles[0];
    assert_eq!(a.headline.headline, None);
    assert_eq!(a.body.len(), 2);
    assert_eq!(r.warnings, [Warning::NoHeadline]);
}

#[test]
fn json_round_trip_gives_an_identical_model() {
    let doc = sample().document;
    let json = paiban::backend::json::render(&doc);
    let back =
        source::read_bytes(&json, Path::new("sample.json"), &ReadOptions::default()).unwrap();
    assert_eq!(back.document, doc);
    assert_eq!(back.format, source::SourceFormat::Json);
}

#[test]
fn front_matter_then_flags_set_metadata() {
    let text = "+++\ntitle = \"东昌府新闻\"\npublisher = \"东昌府区融媒体中心\"\ndate = 2022-09-01\n+++\n\n## 标题\n\n正文。\n";
    let r = read_str(text, "t.md").unwrap();
    let m = &r.document.meta;
    assert_eq!(m.title.as_deref(), Some("东昌府新闻"));
    assert_eq!(m.publisher.as_deref(), Some("东昌府区融媒体中心"));
    assert_eq!(m.iso_date().as_deref(), Some("2022-09-01"));
    assert_eq!(m.language, "zh-CN");
    let mut opts = ReadOptions::default();
    opts.meta.title = Some("覆盖".into());
    opts.meta.date = Some("2023-01-02".into());
    let r = source::read_bytes(text.as_bytes(), Path::new("t.md"), &opts).unwrap();
    assert_eq!(r.document.meta.title.as_deref(), Some("覆盖"));
    assert_eq!(r.document.meta.iso_date().as_deref(), Some("2023-01-02"));
    assert_eq!(
        r.document.meta.publisher.as_deref(),
        Some("东昌府区融媒体中心")
    );
    let yaml = "---\ntitle: 东昌府新闻\nlanguage: zh-TW\n---\n## 标题\n\n正文。\n";
    let r = read_str(yaml, "t.md").unwrap();
    assert_eq!(
        (
            r.document.meta.title.as_deref().unwrap_or(""),
            r.document.meta.language.as_str()
        ),
        ("东昌府新闻", "zh-TW")
    );
}

#[test]
fn sample_metadata_defaults_are_derived() {
    let m = sample().document.meta;
    assert_eq!(m.title.as_deref(), Some("东昌府新闻"));
    assert_eq!(m.publisher.as_deref(), Some("融媒体中心"));
    assert_eq!(m.iso_date().as_deref(), Some("2022-09-01"));
    assert_eq!(m.language, "zh-CN");
    assert!(m.identifier.starts_with("urn:uuid:"));
    assert_eq!(m.identifier, sample().document.meta.identifier);
}

#[test]
fn raw_html_and_unsafe_links_never_become_markup() {
    let r = read_str("## 标题\n\n正文<script>alert(1)</script>，见[链接](javascript:alert(1))和[网站](https://example.com)。\n", "t.md").unwrap();
    let p = &r.document.articles[0].body[0];
    assert_eq!(p.text(), "正文<script>alert(1)</script>，见链接和网站。");
    let links: Vec<_> = p.paragraphs()[0]
        .runs
        .iter()
        .filter_map(|r| r.link.clone())
        .collect();
    assert_eq!(links, ["https://example.com"]);
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| matches!(w, Warning::RawHtml { .. }))
            .count(),
        2
    );
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| matches!(w, Warning::UnsafeLink { .. }))
            .count(),
        1
    );
}

/// The script decides the language tag when none is given: Traditional text is `zh-Hant`,
/// Simplified stays `zh-CN`; a given tag is kept, with a warning when the text is in the other
/// script; a text with both scripts in numbers is tagged by the majority, with a warning.
#[test]
fn the_script_decides_the_language_tag() {
    let read = |text: &str| paiban::source::read_str(text, "script.md").unwrap();
    let traditional =
        read(&std::fs::read_to_string("tests/inputs/tainan-weekly-traditional.md").unwrap());
    assert_eq!(traditional.document.meta.language, "zh-Hant");
    assert!(
        traditional.warnings.is_empty(),
        "{:?}",
        traditional.warnings
    );

    let simplified = read("## 标题在这里\n\n本报讯 这是一条关于东昌府区的新闻，记者报道。\n");
    assert_eq!(simplified.document.meta.language, "zh-CN");
    assert!(simplified.warnings.is_empty(), "{:?}", simplified.warnings);

    let given = read("---\nlanguage: zh-TW\n---\n\n## 標題\n\n本報訊 這是一則新聞，記者報導。\n");
    assert_eq!(given.document.meta.language, "zh-TW");
    assert!(given.warnings.is_empty(), "{:?}", given.warnings);

    let wrong = read("---\nlanguage: zh-CN\n---\n\n## 標題\n\n本報訊 這是一則新聞，記者報導。\n");
    assert_eq!(wrong.document.meta.language, "zh-CN");
    assert!(
        matches!(
            wrong.warnings.as_slice(),
            [Warning::ScriptMismatch {
                script: "Traditional",
                ..
            }]
        ),
        "{:?}",
        wrong.warnings
    );

    let mixed = read(
        "## 两岸新闻\n\n本报讯 这是一条新闻，记者报道说们为。\n\n引述原文：「這是一則新聞，記者報導說們為。」\n",
    );
    assert_eq!(mixed.document.meta.language, "zh-CN");
    let [
        Warning::MixedScript {
            simplified,
            traditional,
            tag,
        },
    ] = mixed.warnings.as_slice()
    else {
        panic!("{:?}", mixed.warnings);
    };
    assert_eq!((*simplified, *traditional, tag.as_str()), (12, 9, "zh-CN"));
}

//! The reader on the shapes news really arrives in (issue 13): pasted WPS text, plain text with
//! bare headlines, GB18030 with CRLF, releases with metadata, transcripts, Traditional wires,
//! credits blocks. Every input here was written for these tests; each test asserts the model.

use std::path::Path;

use paiban::model::{Block, ChangeKind, Credit, Dateline, DatelineKind, Document, Labelled, Run};
use paiban::source::{
    Layout, ReadOptions, Reading, Repair, SourceEncoding, SourceFormat, read_path, read_str,
};

fn read(path: &str) -> Reading {
    read_path(Path::new(path), &ReadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn texts(doc: &Document, article: usize) -> Vec<String> {
    doc.articles[article].body.iter().map(Block::text).collect()
}

fn joins(r: &Reading) -> usize {
    r.changes
        .iter()
        .filter(|c| c.kind == ChangeKind::ParagraphJoin)
        .count()
}

fn l(label: &str, value: &str) -> Labelled {
    Labelled {
        label: label.into(),
        value: value.into(),
    }
}

fn credit(org: Option<&str>, role: Option<&str>, names: &[&str]) -> Credit {
    Credit {
        organisation: org.map(Into::into),
        role: role.map(Into::into),
        names: names.iter().map(|&n| n.into()).collect(),
        filed: None,
    }
}

#[test]
fn the_sample_keeps_its_model() {
    let r = read("samples/dongchangfu-2022-09.md");
    assert_eq!(r.format, SourceFormat::Text(Layout::Markdown));
    let counts: Vec<usize> = r.document.articles.iter().map(|a| a.body.len()).collect();
    assert_eq!(counts, [8, 3, 3, 5, 4, 7, 3, 3, 4]);
    assert_eq!(joins(&r), 6);
}

/// The sample re-typed as WPS paste, the same in GB18030 with CRLF, and as plain text without
/// `##` (tests/inputs/make-twins.py): the same articles, headline groups, datelines, bylines
/// and paragraphs as the Markdown, and the same metadata.
#[test]
fn the_samples_twins_read_as_the_sample() {
    let md = read("samples/dongchangfu-2022-09.md");
    for (path, layout, encoding) in [
        (
            "tests/inputs/dongchangfu-2022-09-wps-paste.txt",
            Layout::Pasted,
            SourceEncoding::Utf8,
        ),
        (
            "tests/inputs/dongchangfu-2022-09-wps-paste-gb18030.txt",
            Layout::Pasted,
            SourceEncoding::Gb18030,
        ),
        (
            "tests/inputs/dongchangfu-2022-09-plain.txt",
            Layout::Plain,
            SourceEncoding::Utf8,
        ),
    ] {
        let twin = read(path);
        assert_eq!(twin.format, SourceFormat::Text(layout), "{path}");
        assert_eq!(twin.encoding, encoding, "{path}");
        assert_eq!(twin.document.articles, md.document.articles, "{path}");
        assert_eq!(twin.document.meta.title, md.document.meta.title, "{path}");
        assert_eq!(twin.document.meta.date, md.document.meta.date, "{path}");
        assert_eq!(joins(&twin), 6, "{path}");
        // The indent is layout: no U+3000 is left at the start of any paragraph.
        for a in &twin.document.articles {
            for b in &a.body {
                assert!(!b.text().starts_with(['\u{3000}', ' ']), "{path}");
            }
        }
    }
}

#[test]
fn a_traditional_release_keeps_its_metadata_apart_from_the_lead() {
    let r = read("tests/inputs/release-traditional.txt");
    assert_eq!(r.format, SourceFormat::Text(Layout::Plain));
    let doc = &r.document;
    assert_eq!(doc.articles.len(), 1);
    let a = &doc.articles[0];
    assert_eq!(
        a.headline.headline.as_deref(),
        Some("臺南市啟動老舊社區道路改善計畫\u{3000}年底前完成十二處")
    );
    assert_eq!(
        a.release,
        [
            l("發稿單位", "臺南市政府工務局"),
            l("發稿時間", "2025-01-08 15:55"),
            l("發稿人", "陳小明"),
        ]
    );
    assert_eq!(
        texts(doc, 0),
        [
            "臺南市政府今（8）日宣布啟動老舊社區道路改善計畫，將優先整修排水不良、路面破損的巷道，預計年底前完成十二處，總經費約新臺幣三億元。",
            "工務局表示，本計畫已完成第一階段現勘，將依居民陳情次數與安全風險排定施工順序，施工期間將提前公告交通管制路段，請用路人留意。",
        ]
    );
    assert_eq!(joins(&r), 0);
    // One story is no bulletin: no title is made up for it.
    assert_eq!(doc.meta.title, None);
}

#[test]
fn a_transcript_drops_its_repeated_headline_and_keeps_the_programme_dateline() {
    let r = read("tests/inputs/transcript-cctv.md");
    let a = &r.document.articles[0];
    assert_eq!(
        a.headline.headline.as_deref(),
        Some("两国领导人同机抵达边境口岸")
    );
    let repeated: Vec<&str> = r
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::RepeatedHeadline)
        .map(|c| c.before.as_str())
        .collect();
    assert_eq!(repeated, ["两国领导人同机抵达边境口岸"]);
    assert_eq!(
        a.dateline,
        Some(Dateline {
            kind: DatelineKind::Xiaoxi,
            text: "央视网消息（新闻联播）：".into(),
            source: "央视网".into(),
            place: None,
            date: None,
            credits: vec![],
        })
    );
    assert_eq!(
        a.dateline.as_ref().unwrap().lead(),
        "央视网消息（新闻联播）："
    );
    assert_eq!(
        texts(&r.document, 0),
        [
            "当地时间1日上午，两国领导人同机抵达边境口岸，出席跨境铁路通车仪式。双方在仪式上共同按下启动按钮，首列货运班列随即驶出车站。",
            "仪式结束后，两国领导人共同参观了口岸联检大厅，详细了解通关便利化措施的落实情况，并与一线工作人员亲切交谈。",
        ]
    );
    assert_eq!(
        a.credits,
        [
            l("文字编辑", "张三"),
            l("新媒体编辑", "李四"),
            l("审核", "王五")
        ]
    );
    assert_eq!(a.byline, None);
    assert_eq!(joins(&r), 0);
}

#[test]
fn a_traditional_wire_in_brackets_is_a_dateline() {
    let r = read("tests/inputs/wire-traditional.txt");
    let a = &r.document.articles[0];
    assert_eq!(
        a.dateline,
        Some(Dateline {
            kind: DatelineKind::Dian,
            text: "（中央社記者王五台北1日電）".into(),
            source: "中央社".into(),
            place: None,
            date: Some("1日".into()),
            credits: vec![],
        })
    );
    let body = texts(&r.document, 0);
    assert_eq!(body.len(), 3);
    assert!(body[0].starts_with("氣象署今天表示，"), "{body:?}");
    assert!(body[2].starts_with("本報訊\u{3000}另據"), "{body:?}");
    assert_eq!(joins(&r), 0);
}

#[test]
fn pasted_text_keeps_list_items_bylines_and_credits_apart() {
    let r = read("tests/inputs/tools-wps-paste.txt");
    assert_eq!(r.format, SourceFormat::Text(Layout::Pasted));
    let a = &r.document.articles[0];
    assert_eq!(
        a.headline.headline.as_deref(),
        Some("新技术助力基层融媒体提速")
    );
    let d = a.dateline.as_ref().unwrap();
    assert_eq!((d.text.as_str(), d.source.as_str()), ("新京报讯", "新京报"));
    assert_eq!(d.credits, [credit(None, Some("记者"), &["张三"])]);
    assert_eq!(d.lead(), "新京报讯（记者 张三）");
    assert_eq!(
        texts(&r.document, 0),
        [
            "记者从县融媒体中心获悉，该中心今年上线了三款开源工具，编辑部的出稿时间平均缩短了一半。",
            "据介绍，这三款工具分别是：",
            "1、oproxy",
            "一个开源的本地代理工具，可以把内网稿件系统安全地映射到外网，方便记者在外采访时回传稿件。",
            "2、typeset",
            "一个命令行排版工具，能把一篇稿件同时排成报纸版面、存档文档和电子书三种格式。",
        ]
    );
    assert_eq!(
        a.byline.as_ref().unwrap().credits,
        [
            credit(Some("本报"), Some("记者"), &["张三"]),
            credit(Some("本报"), Some("通讯员"), &["李四"]),
        ]
    );
    assert_eq!(a.credits, [l("责任编辑", "王五"), l("审核", "赵六")]);
    assert_eq!(joins(&r), 0);
    // `新京报` is a paper, `本报` is the paper itself: neither is a title or a publisher.
    assert_eq!(r.document.meta.title, None);
    assert_eq!(r.document.meta.publisher, None);
}

/// Pairs of paragraphs from real-shaped files that end without closing punctuation and are
/// nevertheless two paragraphs: none of them may be joined.
#[test]
fn the_page_break_repair_joins_none_of_the_furniture() {
    let pairs = [
        (
            "發稿人：王五",
            "第二屆「新營文化節」今天開幕，吸引上千名民眾參與。",
        ),
        (
            "發稿時間：2025-01-01 15:55",
            "臺灣自來水公司今天宣布，明起調整供水時段。",
        ),
        (
            "记者：您怎么看这次调整",
            "受访者：我们支持，也希望尽快落实。",
        ),
        ("文字编辑：张三", "新媒体编辑：李四"),
        ("编辑：王五", "责编：赵六"),
        ("本报记者 张三", "本报通讯员 李四"),
        (
            "2、oproxy",
            "一个开源的本地代理工具，可以把内网系统映射到外网。",
        ),
        ("| 项目 | 金额 |", "| 道路 | 三亿元 |"),
        ("图为活动现场", "活动吸引了上千名市民参与，现场气氛热烈。"),
        ("<div class=\"note\">", "本次活动由县融媒体中心承办。"),
        (
            "会议强调，要抓好秋收秋种工作，确保颗粒归仓，截至9月1日",
            "全县已完成秋收面积八成。",
        ),
        (
            "二、强化责任落实",
            "各乡镇要明确专人负责，倒排工期，确保按时完成任务。",
        ),
        (
            "会议听取了全区重点项目推进情况汇报，研究部署下一阶段工作，区委书记主持",
            "据悉，今年全区共谋划实施重点项目一百二十个，总投资超过三百亿元。",
        ),
        (
            "一是聚焦重点领域，持续深化改革，推动营商环境不断优化，让企业办事更加便捷",
            "二是强化要素保障，在用地、用能、资金等方面给予重点项目倾斜支持。",
        ),
        (
            "会议指出，今年以来全区经济运行总体平稳，主要指标好于预期，其中",
            "（一）工业生产稳中有升。",
        ),
        (
            "全区上下要以更加昂扬的斗志投入工作，推动各项任务落地见效，东昌府讯",
            "东昌府讯 9月2日，全区召开会议。",
        ),
    ];
    for (a, b) in pairs {
        let text = format!("## 标题\n\n{a}\n\n{b}\n");
        let r = read_str(&text, "pairs.md").unwrap();
        assert_eq!(joins(&r), 0, "joined: {a} ¶ {b}");
        // Nor glued in any other way: no paragraph holds the end of one run into the start
        // of the other.
        let tail: String = a
            .chars()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let head: String = b.chars().take(2).collect();
        for p in texts(&r.document, 0) {
            let glued = [format!("{tail}{head}"), format!("{tail} {head}")];
            assert!(!glued.iter().any(|g| p.contains(g)), "{a} ¶ {b}: {p}");
        }
    }
    // A sentence a page break cut is joined, reported with both fragments.
    let r = read_str(
        "## 标题\n\n会议要求，各级各部门要坚持问题导向和目标导向，压实责任，狠抓落实，做实各\n\n项民生工程，不断增强群众获得感。\n",
        "cut.md",
    )
    .unwrap();
    assert_eq!(
        texts(&r.document, 0),
        [
            "会议要求，各级各部门要坚持问题导向和目标导向，压实责任，狠抓落实，做实各项民生工程，不断增强群众获得感。"
        ]
    );
    let join = r
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::ParagraphJoin)
        .unwrap();
    assert_eq!(join.before, "…狠抓落实，做实各¶项民生工程，不断…");
}

#[test]
fn the_repair_can_be_turned_off_or_forced() {
    let cut = "## 标题\n\n会议要求，各级各部门要坚持问题导向和目标导向，压实责任，狠抓落实，做实各\n\n项民生工程，不断增强群众获得感。\n";
    assert_eq!(
        read_str(cut, "cut.md").unwrap().document.articles[0]
            .body
            .len(),
        1
    );
    let off = ReadOptions {
        repair: Some(Repair::Off),
        ..ReadOptions::default()
    };
    let r = paiban::source::read_bytes(cut.as_bytes(), Path::new("cut.md"), &off).unwrap();
    assert_eq!(r.document.articles[0].body.len(), 2);
    // Front matter says the same for one file.
    let r = read_str(&format!("---\nrepair: off\n---\n{cut}"), "cut.md").unwrap();
    assert_eq!(r.document.articles[0].body.len(), 2);
    // OCR text: every short fragment is joined.
    let ocr = "## 标题\n\n会议要求各级\n\n各部门狠抓落实。\n";
    let always = ReadOptions {
        repair: Some(Repair::Always),
        ..ReadOptions::default()
    };
    let r = paiban::source::read_bytes(ocr.as_bytes(), Path::new("ocr.md"), &always).unwrap();
    assert_eq!(texts(&r.document, 0), ["会议要求各级各部门狠抓落实。"]);
    let r = read_str(ocr, "ocr.md").unwrap();
    assert_eq!(r.document.articles[0].body.len(), 2);
}

#[test]
fn a_headline_line_a_blank_line_and_the_body_are_not_glued() {
    let r = read_str(
        "聊城制造业强市科技专家顾问团成立\n\n东昌府讯 9月1日，顾问团成立大会召开。\n\n（融媒体中心 郭龙君）\n",
        "story.txt",
    )
    .unwrap();
    let a = &r.document.articles[0];
    assert_eq!(
        a.headline.headline.as_deref(),
        Some("聊城制造业强市科技专家顾问团成立")
    );
    assert_eq!(a.dateline.as_ref().unwrap().text, "东昌府讯");
    assert_eq!(texts(&r.document, 0), ["9月1日，顾问团成立大会召开。"]);
    assert_eq!(r.document.meta.title, None);
}

#[test]
fn more_dateline_forms() {
    let first = |text: &str| {
        let r = read_str(&format!("## 标题\n\n{text}\n"), "d.md").unwrap();
        let a = r.document.articles[0].clone();
        (a.dateline.expect(text), a.body[0].text())
    };
    let (d, p) = first("本報訊 市府今天舉行記者會，說明防颱整備情形。");
    assert_eq!(
        (d.kind, d.text.as_str(), d.source.as_str()),
        (DatelineKind::Xun, "本報訊", "本報")
    );
    assert_eq!(p, "市府今天舉行記者會，說明防颱整備情形。");
    let (d, p) = first("北京新浪網 記者從相關部門獲悉，新規將於下月施行。");
    assert_eq!(
        (d.kind, d.text.as_str(), d.source.as_str()),
        (DatelineKind::Xiaoxi, "北京新浪網", "北京新浪網")
    );
    assert_eq!(p, "記者從相關部門獲悉，新規將於下月施行。");
    let (d, _) = first("人民网：近日，多地出台促进消费的新措施。");
    assert_eq!(d.lead(), "人民网：");
    let (d, _) = first("新华社北京1月17日电（记者 李四）国家统计局17日发布数据。");
    assert_eq!(d.lead(), "新华社北京1月17日电（记者 李四）");
    // Ordinary openings stay text.
    for text in [
        "中国政府网发布了新的通知。",
        "来电显示是一个陌生号码。",
        "（一）工业生产稳中有升。",
    ] {
        let r = read_str(&format!("## 标题\n\n{text}\n"), "d.md").unwrap();
        assert_eq!(r.document.articles[0].dateline, None, "{text}");
    }
}

#[test]
fn strikethrough_is_kept_and_a_single_tilde_is_a_range() {
    let r = read_str(
        "## 更正\n\n本报讯 会议时间应为~~9月2日~~9月3日，工期为3~5天和6~7天。\n",
        "s.md",
    )
    .unwrap();
    let p = match &r.document.articles[0].body[0] {
        Block::Paragraph(p) => p.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        p.runs,
        [
            Run::plain("会议时间应为"),
            Run {
                strike: true,
                ..Run::plain("9月2日")
            },
            Run::plain("9月3日，工期为3~5天和6~7天。"),
        ]
    );
}

#[test]
fn markdown_starting_with_a_brace_is_text_and_json_is_a_model() {
    let r = read_str(
        "{编者按}本期聚焦秋收。\n\n## 标题\n\n本报讯 秋收开始。\n",
        "note.md",
    )
    .unwrap();
    assert_eq!(r.format, SourceFormat::Text(Layout::Markdown));
    assert_eq!(r.document.articles.len(), 2);
    let json = String::from_utf8(paiban::backend::json::render(&r.document)).unwrap();
    let back = read_str(&json, "model.txt").unwrap();
    assert_eq!(back.format, SourceFormat::Json);
    assert_eq!(back.document, r.document);
}

#[test]
fn a_web_page_saved_as_text_is_read_with_a_warning() {
    let r = read_str(
        "<html><body><p>本报讯 会议召开。</p></body></html>\n",
        "page.txt",
    )
    .unwrap();
    assert!(
        r.warnings
            .iter()
            .any(|w| matches!(w, paiban::model::Warning::LooksLikeHtml)),
        "{:?}",
        r.warnings
    );
    // Its text is kept, tags and all: nothing is dropped.
    assert!(texts(&r.document, 0)[0].contains("会议召开"));
}

#[test]
fn a_table_and_a_photo_the_model_cannot_hold_yet_are_named_in_warnings() {
    let text = "## 全县秋粮收购进度\n\n本报讯 截至10月底，全县秋粮收购进度如下表。\n\n\
                | 乡镇 | 收购量（吨） |\n|---|---:|\n| 河西镇 | 1200 |\n\n\
                ![收购现场](photo.jpg)\n\n图为粮库收购现场。\n";
    let reading = paiban::source::read_str(text, "grain.md").unwrap();
    let warnings: Vec<String> = reading.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "line 5: table not placed (not supported yet): its rows are kept as paragraph text",
            "line 9: image \"photo.jpg\" not placed (not supported yet): its alt text is kept as text",
        ]
    );
    // A line of dashes in prose, or a `|` in text, is no table.
    let prose = "## 标题\n\n本报讯 比分为3|2。\n\n---\n\n正文继续。\n";
    assert!(
        paiban::source::read_str(prose, "p.md")
            .unwrap()
            .warnings
            .is_empty()
    );
}

//! Page-break repair: a paragraph cut in two by a page break in the source (`做实各` /
//! `项民生工程`) is joined again — but only when the evidence says one sentence was cut.
//! "Ends without closing punctuation" alone is not evidence: release metadata
//! (`發稿人：王五`), headlines repeated in the body, credits, bylines, list items, table rows
//! and captions all end that way and are separate paragraphs.

use serde::{Deserialize, Serialize};

use crate::model::{Block, Change, ChangeKind, Location, Run};

use super::chars::{is_closing, is_han};
use super::{dateline, furniture};

/// When to join paragraphs that a page break cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Repair {
    /// Join only where the evidence says a sentence was cut (the default).
    #[default]
    Auto,
    /// Never join.
    Off,
    /// Join every paragraph that ends without closing punctuation (scanned or OCR text whose
    /// every line is a fragment).
    Always,
}

impl Repair {
    pub fn parse(s: &str) -> Option<Repair> {
        match s {
            "auto" => Some(Repair::Auto),
            "off" | "false" | "no" => Some(Repair::Off),
            "always" | "force" | "true" | "yes" => Some(Repair::Always),
            _ => None,
        }
    }
}

/// The shortest paragraph that counts as prose: a page break falls inside running text, and
/// a line shorter than this is a headline, a label, a credit or a list item.
const MIN_PROSE: usize = 30;

/// Sentence punctuation inside a paragraph: prose has some before its last character.
fn is_sentence_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '、' | '！' | '？' | ',' | ';')
}

/// The first paragraph is running prose that stops mid-sentence. A run of joins keeps
/// asking this of one growing paragraph, so it looks only at the ends and stops at the
/// first sentence mark: never a walk over the whole text.
fn cut_prose(text: &str) -> bool {
    let t = text.trim_end();
    let mut from_end = t.chars().rev();
    let Some(last) = from_end.next() else {
        return false;
    };
    let before_last = from_end.next();
    let body = &t[..t.len() - last.len_utf8()];
    if t.chars().take(MIN_PROSE).count() < MIN_PROSE || !body.contains(is_sentence_mark) {
        return false;
    }
    // Mid-sentence: on a Han character or a comma, never on a closing mark.
    if !(is_han(last) || matches!(last, '，' | '、' | ',')) || is_closing(last) {
        return false;
    }
    // A date, time or number at the end is complete (`…1日`, `15时`, `3号`).
    if matches!(
        last,
        '年' | '月' | '日' | '时' | '時' | '分' | '秒' | '号' | '號'
    ) && before_last.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    furniture::release_line(text).is_none() && furniture::credits_line(text).is_none()
}

/// Opening list markers: `1、` `1.` `(1)` `（一）` `一、` `一是` `第一，` `①`.
pub fn is_list_marker(text: &str) -> bool {
    let c: Vec<char> = text.trim_start().chars().take(6).collect();
    let numeral = |x: char| x.is_ascii_digit() || "一二三四五六七八九十".contains(x);
    let n = c.iter().take_while(|&&x| numeral(x)).count();
    if n > 0 && n <= 3 && matches!(c.get(n), Some('、' | '.' | '．' | '，')) {
        return true;
    }
    // `一是…` `二是…`: the enumerations of official news, one paragraph each.
    if n > 0 && n <= 2 && !c[0].is_ascii_digit() && c.get(n) == Some(&'是') {
        return true;
    }
    if matches!(c.first(), Some('(' | '（')) {
        let m = c[1..].iter().take_while(|&&x| numeral(x)).count();
        if m > 0 && matches!(c.get(1 + m), Some(')' | '）')) {
            return true;
        }
    }
    if c.first() == Some(&'第') {
        let m = c[1..].iter().take_while(|&&x| numeral(x)).count();
        if m > 0 && matches!(c.get(1 + m), Some('，' | '、' | ',')) {
            return true;
        }
    }
    c.first()
        .is_some_and(|&x| ('\u{2460}'..='\u{2473}').contains(&x))
}

/// A caption line: `图为…`, `上图：…`, `图片：…`.
pub fn is_caption(text: &str) -> bool {
    let t = text.trim_start();
    [
        "图为",
        "圖為",
        "上图",
        "下图",
        "左图",
        "右图",
        "图：",
        "图:",
        "图片：",
        "圖片：",
        "▲",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// The second paragraph continues the first: it starts with a Han character (or an opening
/// quote or title mark) and is not a paragraph of its own kind.
fn continues(text: &str) -> bool {
    let t = text.trim_start();
    let Some(first) = t.chars().next() else {
        return false;
    };
    (is_han(first) || matches!(first, '“' | '‘' | '《' | '「'))
        && dateline::detect(t).is_none()
        && !is_list_marker(t)
        && !is_caption(t)
        && !is_label(t)
        && !SENTENCE_OPENERS.iter().any(|o| t.starts_with(o))
        && furniture::byline_line(t).is_none()
}

/// Words that open a sentence, never the rest of a cut one: the paragraph before them ended
/// (a headline, a label line), it was not cut in two.
const SENTENCE_OPENERS: [&str; 10] = [
    "首先",
    "其次",
    "再次，",
    "最后，",
    "此外",
    "另外，",
    "同时，",
    "据悉",
    "据了解",
    "据介绍",
];

/// A label such as `记者：` or `问：` at the start (a short run of Han and a colon).
fn is_label(text: &str) -> bool {
    let c: Vec<char> = text.chars().take(9).collect();
    c.iter()
        .position(|&x| x == '：' || x == ':')
        .is_some_and(|p| p > 0 && p <= 8 && c[..p].iter().all(|&x| is_han(x)))
}

/// Whether two paragraphs are one that a page break cut, under `mode`.
pub fn should_join(prev: &str, next: &str, mode: Repair) -> bool {
    match mode {
        Repair::Off => false,
        Repair::Always => {
            prev.trim_end()
                .chars()
                .last()
                .is_some_and(|c| !is_closing(c))
                && !next.trim().is_empty()
        }
        Repair::Auto => cut_prose(prev) && continues(next),
    }
}

/// Joins the paragraphs of one article's body that a page break cut; each join is recorded.
pub fn repair(n: usize, blocks: Vec<Block>, mode: Repair, changes: &mut Vec<Change>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // The last paragraph's text: a run of joins keeps growing one paragraph, and rebuilding
    // its text at every join would be quadratic.
    let mut prev_text = String::new();
    let mut prev_len = 0;
    for block in blocks {
        if let (Some(Block::Paragraph(prev)), Block::Paragraph(next)) = (out.last_mut(), &block) {
            let next_text = next.text();
            if should_join(&prev_text, &next_text, mode) {
                let tail = last_chars(&prev_text, 8);
                let head: String = next_text.chars().take(8).collect();
                let offset = prev_len;
                // Latin words cut at a line end need their space back.
                let latin = prev_text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && next_text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if latin {
                    prev.push(Run::plain(" "));
                    prev_text.push(' ');
                    prev_len += 1;
                }
                let Block::Paragraph(next) = block else {
                    unreachable!("matched as a paragraph above")
                };
                prev_len += next_text.chars().count();
                prev_text.push_str(&next_text);
                prev.append(next);
                changes.push(Change {
                    kind: ChangeKind::ParagraphJoin,
                    location: Location::Body {
                        article: n,
                        block: out.len() - 1,
                        offset,
                    },
                    before: format!("…{tail}¶{head}…"),
                    after: format!("…{tail}{}{head}…", if latin { " " } else { "" }),
                });
                continue;
            }
        }
        (prev_text, prev_len) = match &block {
            Block::Paragraph(p) => {
                let t = p.text();
                let len = t.chars().count();
                (t, len)
            }
            _ => (String::new(), 0),
        };
        out.push(block);
    }
    out
}

fn last_chars(text: &str, n: usize) -> String {
    let mut tail: Vec<char> = text.chars().rev().take(n).collect();
    tail.reverse();
    tail.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "会议指出，要深刻理解把握习近平总书记关于坚持以人民为中心的重要要求，树立目标导向，精准发力、狠抓落实，做实各";

    #[test]
    fn a_cut_sentence_is_joined() {
        assert!(should_join(
            PROSE,
            "项民生工程，不断增进民生福祉。",
            Repair::Auto
        ));
        let comma =
            "江绍华强调，要标准再提高，确保自抬标杆。各级各部门单位要严格对照35类场所的创建要求,";
        assert!(should_join(comma, "一项工作一项工作抓落实。", Repair::Auto));
    }

    #[test]
    fn furniture_is_never_joined() {
        let cases = [
            (
                "發稿人：王五",
                "第二屆「新營文學獎」徵件開跑，歡迎各界踴躍投稿。",
            ),
            (
                "發稿時間：2025-01-01 15:55",
                "臺灣自來水公司今天表示，停水將持續至明日。",
            ),
            (
                "国产大飞机首次载客飞行 旅客同机抵达",
                "央视网消息（新闻联播）：今天，国产大飞机完成首次载客飞行。",
            ),
            ("文字编辑：张三", "新媒体编辑：李四"),
            ("编辑：王五", "责编：赵六"),
            ("本报记者 张三", "本报通讯员 李四"),
            ("2、oproxy", "一个开源的本地代理工具，支持多种协议。"),
            ("| 项目 | 数量 |", "全年完成投资120亿元，同比增长8%。"),
        ];
        for (a, b) in cases {
            assert!(!should_join(a, b, Repair::Auto), "{a} + {b}");
        }
        // Prose followed by a paragraph of its own kind.
        for next in [
            "本报讯 记者从市政府获悉，全市已完成改造。",
            "1、加强组织领导，压实工作责任。",
            "图为会议现场。",
            "记者：请介绍一下今年的工作安排。",
            "（融媒体中心 郭龙君）",
        ] {
            assert!(!should_join(PROSE, next, Repair::Auto), "{next}");
        }
        // Prose ending on a date is complete.
        let dated = "会议由区委办公室主办，各镇街道负责同志参加，会期定于9月1日";
        assert!(!should_join(
            dated,
            "开始报名工作，请各单位做好准备。",
            Repair::Auto
        ));
    }

    #[test]
    fn modes() {
        assert!(!should_join(PROSE, "项民生工程。", Repair::Off));
        assert!(should_join("编辑：王五", "责编：赵六", Repair::Always));
        assert_eq!(Repair::parse("off"), Some(Repair::Off));
        assert_eq!(Repair::parse("always"), Some(Repair::Always));
        assert_eq!(Repair::parse("maybe"), None);
    }
}

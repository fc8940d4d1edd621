//! The furniture around real stories, read as model fields rather than body text: release
//! metadata at the head of an article (`發稿單位：臺南市政府`, `来源：新华社`, `原标题：…`) and the
//! closing credits block after it (`责任编辑：张三`, `文字编辑：李四 新媒体编辑：王五`,
//! `编辑：王五责编：赵六`), Simplified and Traditional.

use crate::model::{Credit, Labelled};

use super::chars::{is_han, is_space};
use super::credits;

/// Labels of release metadata printed before the lead.
const RELEASE: &[&str] = &[
    "發稿單位",
    "发稿单位",
    "發稿時間",
    "发稿时间",
    "發稿日期",
    "发稿日期",
    "發稿人",
    "发稿人",
    "發布單位",
    "发布单位",
    "發布時間",
    "发布时间",
    "發布日期",
    "发布日期",
    "發佈時間",
    "新聞聯絡人",
    "新闻联络人",
    "聯絡人",
    "联系人",
    "聯絡電話",
    "联系电话",
    "原標題",
    "原标题",
    "來源",
    "来源",
    "作者",
    "記者",
    "记者",
    "時間",
    "时间",
    "日期",
];

/// Labels of the closing credits block.
const CREDITS: &[&str] = &[
    "新媒體編輯",
    "新媒体编辑",
    "責任編輯",
    "责任编辑",
    "責任校對",
    "责任校对",
    "文字編輯",
    "文字编辑",
    "值班編輯",
    "值班编辑",
    "流程編輯",
    "流程编辑",
    "視頻編輯",
    "视频编辑",
    "編輯",
    "编辑",
    "責編",
    "责编",
    "美編",
    "美编",
    "主編",
    "主编",
    "審核",
    "审核",
    "審校",
    "审校",
    "審稿",
    "审稿",
    "編審",
    "编审",
    "校對",
    "校对",
    "初審",
    "初审",
    "複審",
    "复审",
    "終審",
    "终审",
    "二審",
    "二审",
    "三審",
    "三审",
    "簽發",
    "签发",
    "監製",
    "监制",
    "統籌",
    "统筹",
    "策劃",
    "策划",
    "製作",
    "制作",
    "出品",
    "設計",
    "设计",
    "排版",
    "文字",
    "圖片",
    "图片",
    "攝影",
    "摄影",
    "攝像",
    "摄像",
    "視頻",
    "视频",
    "撰稿",
    "翻譯",
    "翻译",
    "記者",
    "记者",
    "通訊員",
    "通讯员",
    "來源",
    "来源",
    "作者",
];

/// A line of release metadata: every part of it is `label：value` with a release label.
pub fn release_line(text: &str) -> Option<Vec<Labelled>> {
    labelled(text, RELEASE)
}

/// A line of the closing credits block: bare (`责任编辑：张三`) or in brackets, as newsrooms
/// often close a story (`（編輯：林美玲）`, `（责任编辑：张三）`).
pub fn credits_line(text: &str) -> Option<Vec<Labelled>> {
    let t = text.trim();
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|s| s.strip_suffix([')', '）']));
    labelled(inner.unwrap_or(t), CREDITS)
}

/// A label from `labels` at the start of `c` followed by a colon (with optional spaces before
/// it): the label's length in characters and where the value starts.
fn label_at(c: &[char], labels: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for label in labels {
        let n = label.chars().count();
        if c.len() <= n || !label.chars().zip(c).all(|(a, &b)| a == b) {
            continue;
        }
        let mut i = n;
        while c.get(i).is_some_and(|&x| x == ' ' || x == '\u{3000}') {
            i += 1;
        }
        if matches!(c.get(i), Some('：' | ':')) && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, i + 1));
        }
    }
    best
}

/// Separators between two labelled parts on one line.
fn is_separator(c: char) -> bool {
    is_space(c) || matches!(c, '|' | '｜' | '丨' | '/' | '／' | '；' | ';' | '，' | ',')
}

/// Splits a line made only of `label：value` parts. `None` unless the line starts with a
/// label and every value is non-empty; a value runs to the next label-and-colon.
fn labelled(text: &str, labels: &[&str]) -> Option<Vec<Labelled>> {
    // Bounded before collecting: the page-break repair asks this of paragraphs of any length.
    let t = text.trim();
    if t.is_empty() || t.chars().nth(160).is_some() {
        return None;
    }
    let c: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let (n, value_start) = label_at(&c[i..], labels)?;
        let label: String = c[i..i + n].iter().collect();
        let mut j = i + value_start;
        let mut end = c.len();
        let mut next = c.len();
        while j < c.len() {
            // The next part starts at a label with its colon, after a separator or glued on
            // (`编辑：王五责编：赵六`).
            if j > i + value_start && label_at(&c[j..], labels).is_some() {
                end = j;
                next = j;
                break;
            }
            j += 1;
        }
        let value: String = c[i + value_start..end].iter().collect();
        let value = value.trim_matches(is_separator).to_string();
        // A value is a name, a place or a time, never a sentence (`记者：您怎么看？` is a
        // question in an interview, not a credit).
        if value.is_empty()
            || value.chars().count() > 40
            || value.contains(['。', '？', '！', '?', '!'])
        {
            return None;
        }
        out.push(Labelled { label, value });
        i = next;
        while c.get(i).is_some_and(|&x| is_separator(x)) {
            i += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A byline as a line of its own, bracketed `（融媒体中心 郭龙君）` or bare
/// `本报记者 张三 本报通讯员 李四`: the credits it names. A bare line must name a role or an
/// organisation for every credit, so a short headline of two Han words is not a byline.
pub fn byline_line(text: &str) -> Option<Vec<Credit>> {
    let t = text.trim();
    if let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|s| s.strip_suffix([')', '）']))
    {
        return credits::parse(inner);
    }
    if !t.chars().next().is_some_and(is_han) {
        return None;
    }
    let list = credits::parse(t)?;
    list.iter()
        .all(|c| c.role.is_some() || c.organisation.is_some())
        .then_some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(label: &str, value: &str) -> Labelled {
        Labelled {
            label: label.into(),
            value: value.into(),
        }
    }

    #[test]
    fn credits_lines_split_at_every_label() {
        assert_eq!(
            credits_line("责任编辑：张三"),
            Some(vec![l("责任编辑", "张三")])
        );
        assert_eq!(
            credits_line("文字编辑：张三 新媒体编辑：李四"),
            Some(vec![l("文字编辑", "张三"), l("新媒体编辑", "李四")])
        );
        assert_eq!(
            credits_line("编辑：王五责编：赵六"),
            Some(vec![l("编辑", "王五"), l("责编", "赵六")])
        );
        assert_eq!(
            credits_line("責任編輯：陳大文｜審核：李小明"),
            Some(vec![l("責任編輯", "陳大文"), l("審核", "李小明")])
        );
        assert_eq!(
            credits_line("（編輯：林美玲）"),
            Some(vec![l("編輯", "林美玲")])
        );
        assert_eq!(
            credits_line("(责任编辑：张三　审核：李四)"),
            Some(vec![l("责任编辑", "张三"), l("审核", "李四")])
        );
        // A bracketed aside is no credit line.
        assert_eq!(credits_line("（会议指出：要加强）"), None);
        assert_eq!(credits_line("会议指出：要加强"), None);
        assert_eq!(credits_line("编辑："), None);
    }

    #[test]
    fn release_lines_keep_times_whole() {
        assert_eq!(
            release_line("發稿時間：2025-01-01 15:55"),
            Some(vec![l("發稿時間", "2025-01-01 15:55")])
        );
        assert_eq!(
            release_line("發稿單位：臺南市政府新聞及國際關係處"),
            Some(vec![l("發稿單位", "臺南市政府新聞及國際關係處")])
        );
        assert_eq!(release_line("第二屆「新營文學獎」徵件開跑"), None);
    }

    #[test]
    fn bylines_on_their_own_line() {
        assert_eq!(
            byline_line("本报记者 张三").map(|c| c.len()),
            Some(1),
            "bare byline with a role"
        );
        assert_eq!(
            byline_line("（融媒体中心 郭龙君）").map(|c| c.len()),
            Some(1)
        );
        assert_eq!(byline_line("雪落东昌"), None);
        assert_eq!(byline_line("会议召开"), None);
    }
}

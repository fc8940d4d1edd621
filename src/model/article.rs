use serde::{Deserialize, Serialize};

use super::Block;

/// One news article: headline group, release metadata, optional dateline, body, optional
/// byline and closing credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub headline: HeadlineGroup,
    /// Release metadata printed at the head of an article, before the lead: `發稿單位：臺南市政府`,
    /// `来源：新华社`, `原标题：…`. Kept apart from the lead so it is never glued to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub release: Vec<Labelled>,
    /// The dateline 电头 that leads the first body paragraph, when the article has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    pub body: Vec<Block>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<Byline>,
    /// The closing credits block after the body: `责任编辑：张三`, `文字编辑：李四`, `审核：王五`,
    /// one entry per label, in source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Labelled>,
}

/// A labelled line of article furniture, `责任编辑：张三`: the label as printed without its
/// colon (`责任编辑`) and the value after it (`张三`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labelled {
    pub label: String,
    pub value: String,
}

impl Labelled {
    /// The line as printed, with a full-width colon: `责任编辑：张三`.
    pub fn display(&self) -> String {
        format!("{}：{}", self.label, self.value)
    }

    /// A block of entries as one printed line, one ideographic space between entries:
    /// `责任编辑：张三　审核：李四`. Every format sets release metadata and credits this way.
    pub fn display_all(entries: &[Labelled]) -> String {
        entries
            .iter()
            .map(Labelled::display)
            .collect::<Vec<_>>()
            .join("\u{3000}")
    }
}

/// The headline group of a Chinese news article: 引题 kicker above, 主题 main headline, 副题
/// subtitle below. A source without any heading gives one article whose `headline` is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadlineGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
}

/// How the dateline is formed; backends may style the kinds alike, `check` and the JSON keep
/// them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatelineKind {
    /// `东昌府讯`, `本报讯`: a local or own-paper report.
    Xun,
    /// `新华社北京1月17日电`: an agency wire with place and date.
    Dian,
    /// `央视网消息`: a report credited to a medium.
    Xiaoxi,
    /// `【财新网】`: the source in lenticular brackets.
    Bracketed,
}

/// The dateline 电头 as printed at the start of the first paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dateline {
    pub kind: DatelineKind,
    /// The dateline exactly as it is printed, without its credit: `东昌府讯`,
    /// `新华社北京1月17日电`, `【财新网】`.
    pub text: String,
    /// Who reports: `东昌府`, `本报`, `新华社`, `央视网`, `财新网`.
    pub source: String,
    /// Where the wire was filed (`北京`), for `电` datelines that name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date the report gives, `9月1日`: inside the dateline for wires, or at the start of
    /// the first paragraph for `讯` datelines (where it stays part of the paragraph's text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Reporters named in brackets right after the dateline: `本报讯（记者 张三）`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credits: Vec<Credit>,
}

impl Dateline {
    /// The dateline as printed, with its credit in full-width brackets when it has one.
    pub fn display(&self) -> String {
        if self.credits.is_empty() {
            self.text.clone()
        } else {
            format!("{}（{}）", self.text, Credit::display_all(&self.credits))
        }
    }

    /// What separates the dateline from the text it opens, in every format: one ideographic
    /// space (一字空) after `东昌府讯`, nothing after a colon or a closing bracket
    /// (`央视网消息：`, `【财新网】`, `本报讯（记者 张三）`), where the text follows directly.
    pub fn separator(&self) -> &'static str {
        let closed = !self.credits.is_empty()
            || self
                .text
                .ends_with(['：', ':', '）', ')', '】', ']', '」', '』', '》']);
        if closed { "" } else { "\u{3000}" }
    }

    /// The dateline as it leads its paragraph: the printed text and its separator.
    pub fn lead(&self) -> String {
        self.display() + self.separator()
    }
}

/// The byline at the end of an article, `（融媒体中心 郭龙君）`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Byline {
    pub credits: Vec<Credit>,
}

impl Byline {
    /// The byline's text without brackets: `融媒体中心 郭龙君`.
    pub fn display(&self) -> String {
        Credit::display_all(&self.credits)
    }
}

/// People credited together: an optional organisation, an optional role (记者, 通讯员, 摄影…)
/// and their names. `融媒体中心 郭龙君` is organisation + one name; `本报记者 张三 李四` is
/// organisation `本报`, role `记者`, two names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub names: Vec<String>,
    /// Where the story was filed from, as Taiwan papers close a byline:
    /// `（記者 陳怡君／臺南報導）` has `臺南報導` here, printed after a `／`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed: Option<String>,
}

impl Credit {
    /// `融媒体中心 郭龙君`, `本报记者 张三 李四`, `通讯员 王五`.
    pub fn display(&self) -> String {
        let mut out = String::new();
        out.push_str(self.organisation.as_deref().unwrap_or(""));
        out.push_str(self.role.as_deref().unwrap_or(""));
        for name in &self.names {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(name);
        }
        if let Some(filed) = &self.filed {
            out.push('／');
            out.push_str(filed);
        }
        out
    }

    pub fn display_all(credits: &[Credit]) -> String {
        credits
            .iter()
            .map(Credit::display)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str, credits: Vec<Credit>) -> Dateline {
        Dateline {
            kind: DatelineKind::Xun,
            text: text.into(),
            source: String::new(),
            place: None,
            date: None,
            credits,
        }
    }

    #[test]
    fn dateline_space_unless_colon_or_bracket() {
        assert_eq!(dateline("东昌府讯", vec![]).lead(), "东昌府讯\u{3000}");
        assert_eq!(dateline("【财新网】", vec![]).lead(), "【财新网】");
        assert_eq!(dateline("本报讯：", vec![]).lead(), "本报讯：");
        assert_eq!(
            dateline("央视网消息（新闻联播）：", vec![]).lead(),
            "央视网消息（新闻联播）："
        );
        let credit = Credit {
            organisation: None,
            role: Some("记者".into()),
            names: vec!["张三".into()],
            filed: None,
        };
        assert_eq!(
            dateline("本报讯", vec![credit]).lead(),
            "本报讯（记者 张三）"
        );
    }

    #[test]
    fn labelled_entries_print_as_one_line() {
        let l = |label: &str, value: &str| Labelled {
            label: label.into(),
            value: value.into(),
        };
        assert_eq!(
            Labelled::display_all(&[l("责任编辑", "张三"), l("审核", "李四")]),
            "责任编辑：张三\u{3000}审核：李四"
        );
    }
}

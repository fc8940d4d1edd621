//! Words the formats print around the issue's own text (the contents heading, landmark names),
//! decided once per issue in its script: a Traditional Chinese issue reads 目錄, not 目录.

use crate::source::script::Script;

/// The labels of one issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Labels {
    /// The heading of the contents page and its landmark.
    pub contents: &'static str,
    pub cover: &'static str,
    /// Where the text begins (the EPUB `bodymatter` landmark).
    pub body: &'static str,
    /// The heading of the (hidden) landmarks list.
    pub landmarks: &'static str,
    /// The word of a `第 1 页` page number.
    pub page: &'static str,
}

const SIMPLIFIED: Labels = Labels {
    contents: "目录",
    cover: "封面",
    body: "正文",
    landmarks: "导览",
    page: "页",
};

const TRADITIONAL: Labels = Labels {
    contents: "目錄",
    cover: "封面",
    body: "正文",
    landmarks: "導覽",
    page: "頁",
};

impl Labels {
    /// The labels for a BCP 47 tag: Traditional for `zh-Hant…` and the regions that write it
    /// (`zh-TW`, `zh-HK`, `zh-MO`) unless the tag says `Hans`; Simplified otherwise.
    pub fn for_language(tag: &str) -> Labels {
        match Script::of_tag(tag) {
            Some(Script::Traditional) => TRADITIONAL,
            _ => SIMPLIFIED,
        }
    }

    /// Every label, for the character usage of the faces that print them.
    pub fn all(&self) -> [&'static str; 4] {
        [self.contents, self.cover, self.body, self.landmarks]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Traditional issue's foot reads `第 1 頁`; a Simplified one's `第 1 页`.
    #[test]
    fn the_page_word_follows_the_script() {
        use crate::model::{Document, Metadata};
        let t = crate::typography::Template::builtin("newspaper").unwrap();
        let foot = |language: &str| {
            let doc = Document {
                meta: Metadata {
                    title: None,
                    publisher: None,
                    date: None,
                    language: language.into(),
                    identifier: "x".into(),
                },
                articles: vec![],
            };
            crate::plan::plan(&doc, &t).running_foot.unwrap().text(1)
        };
        assert_eq!(foot("zh-Hant"), "第 1 頁");
        assert_eq!(foot("zh-TW"), "第 1 頁");
        assert_eq!(foot("zh-CN"), "第 1 页");
    }

    #[test]
    fn script_follows_the_tag() {
        for tag in ["zh-CN", "zh", "zh-Hans-HK", "en", "zh-SG"] {
            assert_eq!(Labels::for_language(tag).contents, "目录", "{tag}");
        }
        for tag in ["zh-TW", "zh-Hant", "zh-hant-cn", "zh-HK", "zh_MO"] {
            assert_eq!(Labels::for_language(tag).contents, "目錄", "{tag}");
        }
    }
}

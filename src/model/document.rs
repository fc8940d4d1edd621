use serde::{Deserialize, Serialize};

use super::{Article, IssueDate};

/// One issue: its metadata and its articles in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub meta: Metadata,
    pub articles: Vec<Article>,
}

/// Issue-level metadata. Every field is filled: the reader derives what the source does not
/// say (see `source::metadata`), so backends never invent values of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The issue title, e.g. `东昌府新闻 2022年9月`, when the source or the flags give one or
    /// the datelines imply one. Never invented from a file name: without it there is no
    /// masthead, and only formats that require a title fall back to the first headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publishing organisation (creator in DOCX/EPUB, author in PDF), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Issue date (written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`), when known. Output timestamps
    /// come from here, never from the clock, so output is reproducible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IssueDate>,
    /// BCP 47 language tag, `zh-CN` unless the source says otherwise.
    pub language: String,
    /// A stable identifier: given in front matter, or derived from title, publisher and date so
    /// that the same issue keeps the same identifier across runs.
    pub identifier: String,
}

impl Metadata {
    /// The title where a format must have one (EPUB `dc:title`, PDF and DOCX document title):
    /// the issue title, else the first headline, else `None`.
    pub fn title_or_first_headline<'a>(&'a self, articles: &'a [Article]) -> Option<&'a str> {
        self.title.as_deref().or_else(|| {
            articles.iter().find_map(|a| {
                a.headline
                    .headline
                    .as_deref()
                    .or(a.headline.kicker.as_deref())
            })
        })
    }

    /// The issue date as Chinese readers write it (`2022年9月1日`, `2022年9月`, `2022年`), for
    /// running heads and covers in every format.
    pub fn chinese_date(&self) -> Option<String> {
        self.date.map(|d| d.chinese())
    }

    /// The issue date in ISO 8601, for the formats' metadata.
    pub fn iso_date(&self) -> Option<String> {
        self.date.map(|d| d.iso())
    }
}

impl Document {
    /// All text of the document in reading order, one item per headline, dateline, paragraph
    /// and byline, with a human-readable location. Used by font coverage and checks.
    pub fn text_items(&self) -> Vec<(String, String)> {
        let mut items = Vec::new();
        if let Some(t) = &self.meta.title {
            items.push(("title".to_string(), t.clone()));
        }
        for (i, a) in self.articles.iter().enumerate() {
            let n = i + 1;
            let h = &a.headline;
            for (what, text) in [
                ("kicker", h.kicker.as_deref()),
                ("headline", h.headline.as_deref()),
                ("subtitle", h.subtitle.as_deref()),
            ] {
                if let Some(t) = text {
                    items.push((format!("article {n}, {what}"), t.to_string()));
                }
            }
            for l in &a.release {
                items.push((format!("article {n}, release"), l.display()));
            }
            if let Some(d) = &a.dateline {
                items.push((format!("article {n}, dateline"), d.display()));
            }
            for (j, b) in a.body.iter().enumerate() {
                items.push((format!("article {n}, paragraph {}", j + 1), b.text()));
            }
            if let Some(b) = &a.byline {
                items.push((format!("article {n}, byline"), b.display()));
            }
            for l in &a.credits {
                items.push((format!("article {n}, credits"), l.display()));
            }
        }
        items
    }
}

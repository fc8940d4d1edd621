//! The presentation plan: the stage between the model and the writers (docs/design.md §4).
//!
//! From a [`Document`] it decides, once, everything about *what* is set that a writer would
//! otherwise decide for itself: the order of an issue's pieces (masthead, then each article's
//! headline group, release line, body blocks, byline, credits), every block's template
//! [`Role`], the text that leads a block (the dateline and what separates it from the text, a
//! list item's marker), the brackets of the byline, the masthead's second line and each
//! article's label. How a role looks (face, size, alignment, indents, spacing) lives in the
//! template, looked up by the role the plan gives. The PDF layout, the DOCX document and the
//! EPUB pages walk the same plan and only translate it, so the three formats cannot set
//! different text or give the same text different roles.

mod article;
pub mod labels;
mod usage;

use std::borrow::Cow;

use crate::model::{Document, Run};
use crate::typography::{Role, RunningFields, RunningLine, Template};

pub use article::label;
pub use labels::Labels;
pub use usage::FaceUsage;

/// What the issue sets, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<'d> {
    /// The masthead, for an issue with a title, a publisher or a date of its own (a file name
    /// is not a title).
    pub masthead: Option<Masthead>,
    pub articles: Vec<ArticlePlan<'d>>,
    /// Every list of the issue, in order: [`ListItem::list`] indexes it (DOCX numbers each
    /// list on its own, so each ordered list counts from 1).
    pub lists: Vec<List>,
    /// The issue's name in every format's metadata (PDF and DOCX document title, EPUB
    /// `dc:title`) and on the EPUB cover: the title, else the first headline, else the start of
    /// the first text. Empty only for an issue with no text at all.
    pub title: String,
    /// The language every format tags the text with: the document's, else the template's.
    pub language: String,
    /// The identifier every format records: the document's, else one derived from its text,
    /// so that two untitled issues are never one book to a reading system.
    pub identifier: String,
    /// The running head and foot, expanded once; `None` where the template's pattern gives
    /// nothing to print for this issue.
    pub running_head: Option<RunningLine>,
    pub running_foot: Option<RunningLine>,
    /// The words printed around the text, in the issue's script.
    pub labels: Labels,
}

/// The title area at the head of the issue (报头).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masthead {
    /// The issue title, [`Role::IssueTitle`].
    pub title: Option<String>,
    /// Publisher and date, one ideographic space apart, [`Role::MastheadLine`].
    pub line: Option<String>,
}

/// One article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePlan<'d> {
    /// Its name in contents, outlines and bookmarks: the headline, else the kicker or subtitle,
    /// else the start of its text, else `第N篇`. Never empty.
    pub label: String,
    /// The kicker and subtitle, for an outline's second level.
    pub children: Vec<String>,
    pub blocks: Vec<PlannedBlock<'d>>,
}

/// One paragraph-level block as every format sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedBlock<'d> {
    pub role: Role,
    /// Text set before the runs: a dateline or a list marker.
    pub lead: Option<Lead>,
    pub runs: Cow<'d, [Run]>,
    /// The list this block is an item of.
    pub list: Option<ListItem>,
}

impl PlannedBlock<'_> {
    /// The block's text as printed: the lead, its separator, then the runs.
    pub fn text(&self) -> String {
        let mut s = String::new();
        if let Some(l) = &self.lead {
            s.push_str(&l.text);
            s.push_str(l.separator);
        }
        for r in self.runs.iter() {
            s.push_str(&r.text);
        }
        s
    }

    /// Whether the block is running text (body, quotes, list items), broken anywhere the line
    /// rules allow, rather than a display line (headline group, release line, subheading,
    /// byline, credits), which a compositor breaks between phrases.
    pub fn is_running_text(&self) -> bool {
        matches!(self.role, Role::Body | Role::Quote | Role::ListItem)
    }

    /// Whether the block stays on the page or column of the next one: the headline group, the
    /// release line and subheadings are never left at the foot of a page.
    pub fn keeps_with_next(&self) -> bool {
        keeps_with_next(self.role)
    }
}

/// Whether a block of `role` stays with the block after it (DOCX `w:keepNext`, CSS
/// `break-after: avoid`, the PDF's kept lines).
pub fn keeps_with_next(role: Role) -> bool {
    matches!(
        role,
        Role::Kicker | Role::Headline | Role::Subtitle | Role::Release | Role::Subheading
    )
}

/// Text that leads a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    pub kind: LeadKind,
    /// `东昌府讯`, `本报讯（记者 张三）`, `1．`, `•`.
    pub text: String,
    /// Set after `text` in the block's own role: an ideographic space after a dateline that
    /// does not end in a bracket or colon, an en space after a bullet, else nothing.
    pub separator: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadKind {
    /// The dateline, in [`Role::Dateline`]'s face and weight at the block's size.
    Dateline,
    /// A list item's marker, in the block's role.
    Marker,
}

/// A block's place in its list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListItem {
    /// Index into [`Plan::lists`].
    pub list: usize,
    pub kind: ListKind,
    /// 1 for the first item.
    pub number: usize,
    /// The list's [`List::marker_box_em`]: the marker and its padding fill this many em.
    pub marker_box_em: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Ordered,
    Bullet,
}

/// One list of the issue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct List {
    pub kind: ListKind,
    /// How many items it has.
    pub items: usize,
}

impl List {
    /// The width, in em of the item text, of the box every marker of the list is set in, so
    /// that each item's text starts at one x (`9．` and `10．` alike): a digit is at most 0.6 em
    /// in the CJK faces' proportional figures (Noto: 0.556), the full stop a full em, and a
    /// quarter em to spare (LibreOffice spaces the digits from the full stop, and its number
    /// then overran a tighter box). `None` for bullets, which are all the same width.
    pub fn marker_box_em(&self) -> Option<f64> {
        match self.kind {
            ListKind::Ordered => {
                let digits = self.items.max(1).to_string().len();
                Some(0.6 * digits as f64 + 1.25)
            }
            ListKind::Bullet => None,
        }
    }
}

/// The bullet of an unordered list, and what follows it.
pub const BULLET: &str = "•";
const BULLET_SEPARATOR: &str = "\u{2002}";
/// What follows an ordered list's number: the full-width full stop (`1．`), which carries its
/// own space, as Chinese text numbers points.
pub const NUMBER_SUFFIX: &str = "．";

impl ListKind {
    /// The marker of item `number` (from 1) and its separator.
    pub fn marker(self, number: usize) -> (String, &'static str) {
        match self {
            ListKind::Ordered => (format!("{number}{NUMBER_SUFFIX}"), ""),
            ListKind::Bullet => (BULLET.to_owned(), BULLET_SEPARATOR),
        }
    }

    /// The same marker as Word's `w:lvlText` (`%1` is the item's number), with no suffix
    /// after it: the separator is part of the text.
    pub fn word_level_text(self) -> String {
        match self {
            ListKind::Ordered => format!("%1{NUMBER_SUFFIX}"),
            ListKind::Bullet => format!("{BULLET}{BULLET_SEPARATOR}"),
        }
    }
}

/// The plan of `doc` set with `template`.
pub fn plan<'d>(doc: &'d Document, template: &Template) -> Plan<'d> {
    let date = doc.meta.chinese_date();
    let parts: Vec<&str> = [doc.meta.publisher.as_deref(), date.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let title = doc.meta.title.clone().filter(|t| !t.trim().is_empty());
    let line = (!parts.is_empty()).then(|| parts.join("\u{3000}"));
    let masthead = (title.is_some() || line.is_some()).then_some(Masthead { title, line });
    let mut lists = Vec::new();
    let articles = doc
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| article::plan(a, i, &mut lists))
        .collect();
    let language =
        non_blank(&doc.meta.language).unwrap_or_else(|| template.language.tag().to_owned());
    let labels = Labels::for_language(&language);
    let running = |head: bool| {
        let fields = RunningFields {
            title: doc.meta.title.as_deref().unwrap_or(""),
            date: date.as_deref().unwrap_or(""),
            publisher: doc.meta.publisher.as_deref().unwrap_or(""),
            page: 0,
            page_word: labels.page,
        };
        let line = if head {
            template.running_head(&fields)
        } else {
            template.running_foot(&fields)
        };
        (!line.is_blank()).then_some(line)
    };
    Plan {
        masthead,
        articles,
        lists,
        title: issue_title(doc),
        labels,
        language,
        identifier: non_blank(&doc.meta.identifier).unwrap_or_else(|| derived_identifier(doc)),
        running_head: running(true),
        running_foot: running(false),
    }
}

fn non_blank(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The title, else the first headline (or kicker), else the first 30 characters of the first
/// text.
fn issue_title(doc: &Document) -> String {
    if let Some(t) = doc
        .meta
        .title_or_first_headline(&doc.articles)
        .and_then(non_blank)
    {
        return t;
    }
    doc.text_items()
        .into_iter()
        .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
        .map(|t| t.chars().take(30).collect())
        .unwrap_or_default()
}

/// `urn:paiban:` and a 64-bit FNV-1a hash of the issue's text, in hex: the same text gives the
/// same identifier on every run, different texts different ones.
fn derived_identifier(doc: &Document) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (what, text) in doc.text_items() {
        for b in what.bytes().chain([0x1f]).chain(text.bytes()).chain([0x1e]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("urn:paiban:{h:016x}")
}

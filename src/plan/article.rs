//! One article as blocks: headline group, release line, body (the dateline leading the first
//! paragraph), byline, credits.

use std::borrow::Cow;

use super::{ArticlePlan, Lead, LeadKind, List, ListItem, ListKind, PlannedBlock};
use crate::model::{Article, Block, Dateline, Labelled, Run};
use crate::typography::Role;

pub(super) fn plan<'d>(a: &'d Article, index: usize, lists: &mut Vec<List>) -> ArticlePlan<'d> {
    let mut blocks = Vec::new();
    let text = |role: Role, text: String| PlannedBlock {
        role,
        lead: None,
        runs: Cow::Owned(vec![Run::plain(text)]),
        list: None,
    };
    let h = &a.headline;
    for (role, t) in [
        (Role::Kicker, &h.kicker),
        (Role::Headline, &h.headline),
        (Role::Subtitle, &h.subtitle),
    ] {
        if let Some(t) = t {
            blocks.push(text(role, t.clone()));
        }
    }
    if !a.release.is_empty() {
        blocks.push(text(Role::Release, Labelled::display_all(&a.release)));
    }
    // The dateline leads the first paragraph; before a subheading, quote or list (or with no
    // body) it is a paragraph of its own, so it never takes another block's role.
    let mut dateline = a.dateline.as_ref();
    if let Some(d) = dateline
        && !matches!(a.body.first(), Some(Block::Paragraph(_)))
    {
        blocks.push(PlannedBlock {
            role: Role::Body,
            lead: Some(dateline_lead(d, false)),
            runs: Cow::Borrowed(&[]),
            list: None,
        });
        dateline = None;
    }
    for block in &a.body {
        match block {
            Block::Paragraph(p) => blocks.push(PlannedBlock {
                role: Role::Body,
                lead: dateline
                    .take()
                    .map(|d| dateline_lead(d, !p.runs.is_empty())),
                runs: Cow::Borrowed(&p.runs),
                list: None,
            }),
            Block::Subheading(p) => blocks.push(PlannedBlock {
                role: Role::Subheading,
                lead: None,
                runs: Cow::Borrowed(&p.runs),
                list: None,
            }),
            Block::Quote { paragraphs } => blocks.extend(paragraphs.iter().map(|p| PlannedBlock {
                role: Role::Quote,
                lead: None,
                runs: Cow::Borrowed(&p.runs[..]),
                list: None,
            })),
            Block::List { ordered, items } => {
                let kind = if *ordered {
                    ListKind::Ordered
                } else {
                    ListKind::Bullet
                };
                let list = lists.len();
                let whole = List {
                    kind,
                    items: items.len(),
                };
                lists.push(whole);
                blocks.extend(items.iter().enumerate().map(|(n, p)| {
                    let (marker, separator) = kind.marker(n + 1);
                    PlannedBlock {
                        role: Role::ListItem,
                        lead: Some(Lead {
                            kind: LeadKind::Marker,
                            text: marker,
                            separator,
                        }),
                        runs: Cow::Borrowed(&p.runs[..]),
                        list: Some(ListItem {
                            list,
                            kind,
                            number: n + 1,
                            marker_box_em: whole.marker_box_em(),
                        }),
                    }
                }))
            }
        }
    }
    if let Some(b) = &a.byline {
        blocks.push(text(Role::Byline, format!("（{}）", b.display())));
    }
    if !a.credits.is_empty() {
        blocks.push(text(Role::Credits, Labelled::display_all(&a.credits)));
    }
    ArticlePlan {
        label: label(a, index),
        children: [&h.kicker, &h.subtitle]
            .into_iter()
            .flatten()
            .cloned()
            .collect(),
        blocks,
    }
}

/// The dateline as it leads a paragraph; its separator only when text follows.
fn dateline_lead(d: &Dateline, followed: bool) -> Lead {
    Lead {
        kind: LeadKind::Dateline,
        text: d.display(),
        separator: if followed { d.separator() } else { "" },
    }
}

/// An article's label: its headline, else kicker or subtitle, else the start of its text, else
/// its number (`第3篇`). Never empty: EPUB requires text in every contents entry, and a PDF
/// outline entry or a Word bookmark needs a name.
pub fn label(article: &Article, index: usize) -> String {
    let h = &article.headline;
    for text in [&h.headline, &h.kicker, &h.subtitle].into_iter().flatten() {
        if !text.trim().is_empty() {
            return text.trim().to_owned();
        }
    }
    let text: String = article
        .body
        .iter()
        .map(|b| b.text())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return format!("第{}篇", index + 1);
    }
    const MAX: usize = 20;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else {
        text
    }
}

//! News semantics over Markdown blocks: headline groups, bylines, datelines, page-break
//! repair and normalisation, giving the articles of the model (docs/design.md, "The article model").

use crate::model::{
    Article, Block, Byline, Change, ChangeKind, HeadlineGroup, Location, Paragraph, Warning,
};

use super::chars::is_space;
use super::markdown::RawBlock;
use super::normalise::{Edit, Field, normalise_paragraph, normalise_text};
use super::repair::{Repair, repair};
use super::{dateline, furniture};

/// Articles with everything the reader changed and noticed on the way.
pub struct Built {
    pub articles: Vec<Article>,
    /// A level-1 heading before the first article names the issue.
    pub issue_title: Option<String>,
    pub changes: Vec<Change>,
    pub warnings: Vec<Warning>,
}

#[derive(Default)]
struct Draft {
    kickers: Vec<String>,
    headline: Option<String>,
    subtitle: Option<String>,
    body: Vec<Block>,
}

impl Draft {
    fn open(&self) -> bool {
        self.body.is_empty()
    }
}

pub fn build(blocks: Vec<RawBlock>, mode: Repair) -> Built {
    let levels = || {
        blocks.iter().filter_map(|b| match b {
            RawBlock::Heading { level, .. } => Some(*level),
            _ => None,
        })
    };
    let article_level = if levels().any(|l| l == 2) {
        Some(2)
    } else {
        levels().min()
    };
    let mut warnings = Vec::new();
    let mut issue_title = None;
    let mut drafts: Vec<Draft> = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        match block {
            RawBlock::Heading { level, text, .. } => {
                let level = Some(level);
                if i == 0 && article_level == Some(2) && level == Some(1) {
                    issue_title = Some(text);
                } else if level == article_level {
                    match drafts.last_mut() {
                        Some(d) if d.open() && d.subtitle.is_none() => {
                            if let Some(previous) = d.headline.replace(text) {
                                d.kickers.push(previous);
                            }
                        }
                        _ => drafts.push(Draft {
                            headline: Some(text),
                            ..Draft::default()
                        }),
                    }
                } else if level == article_level.map(|l| l + 1) {
                    match drafts.last_mut() {
                        Some(d) if d.open() && d.headline.is_none() => d.kickers.push(text),
                        Some(d) if d.open() && d.subtitle.is_none() => d.subtitle = Some(text),
                        Some(d) => d.body.push(Block::Subheading(Paragraph::plain(text))),
                        None => drafts.push(Draft {
                            kickers: vec![text],
                            ..Draft::default()
                        }),
                    }
                } else {
                    let block = Block::Subheading(Paragraph::plain(text));
                    match drafts.last_mut() {
                        Some(d) => d.body.push(block),
                        None => drafts.push(Draft {
                            body: vec![block],
                            ..Draft::default()
                        }),
                    }
                }
            }
            other => {
                let block = match other {
                    RawBlock::Para { para, .. } => Block::Paragraph(para),
                    RawBlock::Quote { paragraphs } => Block::Quote { paragraphs },
                    RawBlock::List { ordered, items } => Block::List { ordered, items },
                    RawBlock::Heading { .. } => unreachable!("headings are matched above"),
                };
                match drafts.last_mut() {
                    Some(d) => d.body.push(block),
                    None => {
                        if article_level.is_some() {
                            warnings.push(Warning::TextBeforeHeadline);
                        }
                        drafts.push(Draft {
                            body: vec![block],
                            ..Draft::default()
                        });
                    }
                }
            }
        }
    }
    if article_level.is_none() {
        warnings.push(Warning::NoHeadline);
    }
    if drafts.is_empty() {
        drafts.push(Draft::default());
    }

    // Release metadata printed before the first headline (`發稿單位：…` lines at the top of a
    // press release) belongs to that article, not to an untitled one of its own.
    if drafts.len() > 1
        && drafts[0].headline.is_none()
        && drafts[0].kickers.is_empty()
        && drafts[0].body.iter().all(
            |b| matches!(b, Block::Paragraph(p) if furniture::release_line(&p.text()).is_some()),
        )
    {
        let head = drafts.remove(0);
        let mut body = head.body;
        body.append(&mut drafts[0].body);
        drafts[0].body = body;
        warnings.retain(|w| *w != Warning::TextBeforeHeadline);
    }

    let mut changes = Vec::new();
    let articles = drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| finish(n, d, mode, &mut changes))
        .collect();
    Built {
        articles,
        issue_title,
        changes,
        warnings,
    }
}

fn finish(n: usize, mut d: Draft, mode: Repair, changes: &mut Vec<Change>) -> Article {
    // Kicker lines without a main headline: the last one is the headline.
    if d.headline.is_none() {
        d.headline = d.kickers.pop();
    }
    let mut headline = HeadlineGroup {
        kicker: None,
        headline: d.headline,
        subtitle: d.subtitle,
    };
    if !d.kickers.is_empty() {
        if d.kickers.len() > 1 {
            changes.push(Change {
                kind: ChangeKind::KickerJoin,
                location: Location::Kicker { article: n },
                before: d.kickers.join(" / "),
                after: d.kickers.join("\u{3000}"),
            });
        }
        headline.kicker = Some(d.kickers.join("\u{3000}"));
    }
    for (slot, location) in [
        (&mut headline.kicker, Location::Kicker { article: n }),
        (&mut headline.headline, Location::Headline { article: n }),
        (&mut headline.subtitle, Location::Subtitle { article: n }),
    ] {
        if let Some(text) = slot {
            let (new, edits) = normalise_text(text, Field::Headline);
            record(changes, edits, |_| location.clone());
            *text = new;
        }
    }

    let release = take_head(n, &headline, &mut d.body, changes);
    let (byline, credits) = take_tail(&mut d.body);
    let mut body = repair(n, d.body, mode, changes);

    let mut dateline = None;
    if let Some(Block::Paragraph(first)) = body.first_mut()
        && let Some(found) = dateline::detect(&first.text())
    {
        strip_chars(first, found.consumed);
        dateline = Some(found.dateline);
    }
    if matches!(body.first(), Some(Block::Paragraph(p)) if p.runs.is_empty()) {
        body.remove(0);
    }

    for (b, block) in body.iter_mut().enumerate() {
        for para in block.paragraphs_mut() {
            let edits = normalise_paragraph(para, Field::Body);
            record(changes, edits, |offset| Location::Body {
                article: n,
                block: b,
                offset,
            });
        }
    }
    Article {
        headline,
        release,
        dateline,
        body,
        byline,
        credits,
    }
}

fn record(changes: &mut Vec<Change>, edits: Vec<Edit>, at: impl Fn(usize) -> Location) {
    changes.extend(edits.into_iter().map(|e| Change {
        kind: e.kind,
        location: at(e.offset),
        before: e.before,
        after: e.after,
    }));
}

/// The head of the body: headlines repeated as its first lines (transcripts print them again)
/// are dropped with a recorded change; release metadata lines (`發稿單位：…`, `来源：…`) are
/// taken as the article's release fields.
fn take_head(
    n: usize,
    headline: &HeadlineGroup,
    body: &mut Vec<Block>,
    changes: &mut Vec<Change>,
) -> Vec<crate::model::Labelled> {
    let titles: Vec<String> = [&headline.kicker, &headline.headline, &headline.subtitle]
        .into_iter()
        .flatten()
        .map(|t| squash(t))
        .collect();
    let mut release = Vec::new();
    let mut taken = 0;
    for block in body.iter() {
        let Block::Paragraph(p) = block else { break };
        let text = p.text();
        if !titles.is_empty() && titles.contains(&squash(&text)) {
            changes.push(Change {
                kind: ChangeKind::RepeatedHeadline,
                location: Location::Body {
                    article: n,
                    block: 0,
                    offset: 0,
                },
                before: text.trim().to_string(),
                after: String::new(),
            });
        } else if let Some(lines) = furniture::release_line(&text) {
            release.extend(lines);
        } else {
            break;
        }
        taken += 1;
    }
    body.drain(..taken);
    release
}

/// A headline's text without spaces, as a key for spotting it repeated in the body.
fn squash(text: &str) -> String {
    text.chars().filter(|&c| !is_space(c)).collect()
}

/// The tail of the body: bylines (`（融媒体中心 郭龙君）`, `本报记者 张三` and
/// `本报通讯员 李四` on lines of their own) and the closing credits block (`责任编辑：张三`).
fn take_tail(body: &mut Vec<Block>) -> (Option<Byline>, Vec<crate::model::Labelled>) {
    let mut bylines: Vec<Vec<crate::model::Credit>> = Vec::new();
    let mut credits: Vec<Vec<crate::model::Labelled>> = Vec::new();
    while let Some(Block::Paragraph(last)) = body.last() {
        let text = last.text();
        if let Some(list) = furniture::credits_line(&text) {
            credits.push(list);
        } else if let Some(list) = furniture::byline_line(&text) {
            bylines.push(list);
        } else {
            break;
        }
        body.pop();
    }
    // Read from the end: put them back in source order.
    let byline = (!bylines.is_empty()).then(|| Byline {
        credits: bylines.into_iter().rev().flatten().collect(),
    });
    (byline, credits.into_iter().rev().flatten().collect())
}

/// Removes the first `n` characters of a paragraph's text, across runs.
fn strip_chars(para: &mut Paragraph, mut n: usize) {
    for run in &mut para.runs {
        if n == 0 {
            break;
        }
        let len = run.text.chars().count();
        let take = len.min(n);
        run.text = run.text.chars().skip(take).collect();
        n -= take;
    }
    para.runs.retain(|r| !r.text.is_empty());
    if let Some(first) = para.runs.first_mut() {
        first.text = first.text.trim_start_matches(is_space).to_string();
    }
}

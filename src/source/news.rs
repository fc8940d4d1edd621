//! News semantics over Markdown blocks: headline groups, bylines, datelines, page-break
//! repair and normalisation, giving the articles of the model (DESIGN.md, "The article model").

use crate::model::{
    Article, Block, Byline, Change, ChangeKind, HeadlineGroup, Location, Paragraph, Warning,
};

use super::chars::{is_closing, is_space};
use super::markdown::RawBlock;
use super::normalise::{Edit, Field, normalise_paragraph, normalise_text};
use super::{credits, dateline};

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

pub fn build(blocks: Vec<RawBlock>) -> Built {
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

    let mut changes = Vec::new();
    let articles = drafts
        .into_iter()
        .enumerate()
        .map(|(n, d)| finish(n, d, &mut changes))
        .collect();
    Built {
        articles,
        issue_title,
        changes,
        warnings,
    }
}

fn finish(n: usize, mut d: Draft, changes: &mut Vec<Change>) -> Article {
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

    let byline = take_byline(&mut d.body);
    let mut body = repair(n, d.body, changes);

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
        release: Vec::new(),
        dateline,
        body,
        byline,
        credits: Vec::new(),
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

/// The last paragraph, if it is a credit in brackets: `(融媒体中心 郭龙君)`.
fn take_byline(body: &mut Vec<Block>) -> Option<Byline> {
    let Some(Block::Paragraph(last)) = body.last() else {
        return None;
    };
    let text = last.text();
    let inner = text
        .trim()
        .strip_prefix(['(', '（'])?
        .strip_suffix([')', '）'])?;
    let credits = credits::parse(inner)?;
    body.pop();
    Some(Byline { credits })
}

/// Joins paragraphs cut by a page break: one that ends without closing punctuation runs on
/// into the next paragraph (`做实各` / `项民生工程`). Each join is recorded.
fn repair(n: usize, blocks: Vec<Block>, changes: &mut Vec<Change>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // The character count of the last paragraph in `out`: a run of joins keeps growing one
    // paragraph, and recounting its text at every join would be quadratic.
    let mut prev_len = 0;
    for block in blocks {
        if let (Some(Block::Paragraph(prev)), Block::Paragraph(next)) = (out.last_mut(), &block) {
            let last = prev.runs.iter().rev().find_map(|r| r.text.chars().last());
            let open = last.is_some_and(|c| !is_closing(c));
            if open {
                let next_text = next.text();
                let tail = last_chars(prev, 8);
                let head: String = next_text.chars().take(8).collect();
                let offset = prev_len;
                // Latin words cut at a line end need their space back.
                let latin = last.is_some_and(|c| c.is_ascii_alphanumeric())
                    && next_text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if latin {
                    prev.push(crate::model::Run::plain(" "));
                    prev_len += 1;
                }
                let Block::Paragraph(next) = block else {
                    unreachable!()
                };
                prev_len += next_text.chars().count();
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
        prev_len = match &block {
            Block::Paragraph(p) => p.runs.iter().map(|r| r.text.chars().count()).sum(),
            _ => 0,
        };
        out.push(block);
    }
    out
}

/// The last `n` characters of a paragraph's text, read from its end.
fn last_chars(para: &Paragraph, n: usize) -> String {
    let mut tail: Vec<char> = para
        .runs
        .iter()
        .rev()
        .flat_map(|r| r.text.chars().rev())
        .take(n)
        .collect();
    tail.reverse();
    tail.into_iter().collect()
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

//! Pagination: flow items into columns and pages, keeping a headline with at least two body
//! lines, and adding running heads, feet and page numbers.

use super::flow::{Flow, LineBox};

/// A positioned line on a page: `x`, `y` of the baseline from the top-left of the page, in pt.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    pub x: f32,
    pub baseline: f32,
    pub line: LineBox,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub x2: f32,
    pub y: f32,
    pub thickness: f32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<PageLine>,
    pub rules: Vec<Rule>,
    /// Body lines that are on the page (for tests: 22 per full gongwen page).
    pub anchors: Vec<Anchor>,
}

/// An outline target: the article's title and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub title: String,
    pub children: Vec<String>,
    pub y: f32,
}

/// The text frame on each page.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub columns: usize,
    pub gap: f32,
    /// The width lines are set to: a whole number of characters, at most the column's width.
    /// Rules span this, so they end where the text does.
    pub measure: f32,
}

impl Frame {
    fn column_width(&self) -> f32 {
        (self.width - (self.columns as f32 - 1.0) * self.gap) / self.columns as f32
    }
}

pub fn paginate(flow: Vec<Flow>, frame: Frame) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut column = 0;
    let mut y = 0.0f32;
    let bottom = frame.height + 0.01;
    let mut pending: Option<Anchor> = None;
    let next_column = |pages: &mut Vec<Page>, column: &mut usize, y: &mut f32| {
        *column += 1;
        if *column >= frame.columns {
            *column = 0;
            pages.push(Page::default());
        }
        *y = 0.0;
    };
    let mut i = 0;
    while i < flow.len() {
        match &flow[i] {
            Flow::PageBreak => {
                if y > 0.0 || column > 0 {
                    pages.push(Page::default());
                    column = 0;
                    y = 0.0;
                }
            }
            Flow::Space(h) => {
                if y > 0.0 {
                    y += h;
                }
            }
            Flow::Rule { height, thickness } => {
                if y > 0.0 && y + height <= bottom {
                    let x1 = frame.left + column as f32 * (frame.column_width() + frame.gap);
                    pages.last_mut().expect("a page").rules.push(Rule {
                        x1,
                        x2: x1 + frame.measure.min(frame.column_width()),
                        y: frame.top + y + height / 2.0,
                        thickness: *thickness,
                    });
                    y += height;
                }
            }
            Flow::ArticleStart { title, children } => {
                pending = Some(Anchor {
                    title: title.clone(),
                    children: children.clone(),
                    y: 0.0,
                });
            }
            Flow::Line(line) => {
                // The lines that must go together with this one.
                let mut need = line.height;
                let mut j = i;
                while let Flow::Line(l) = &flow[j] {
                    // Past a column's height the answer below cannot change: stopping here
                    // keeps a long chain (a headline of thousands of lines) linear.
                    if !l.keep_with_next || need > bottom {
                        break;
                    }
                    j += 1;
                    while j < flow.len()
                        && matches!(flow[j], Flow::Space(_) | Flow::ArticleStart { .. })
                    {
                        if let Flow::Space(h) = flow[j] {
                            need += h;
                        }
                        j += 1;
                    }
                    match flow.get(j) {
                        Some(Flow::Line(next)) => need += next.height,
                        _ => break,
                    }
                }
                if y > 0.0 && y + need > bottom {
                    next_column(&mut pages, &mut column, &mut y);
                }
                let x = frame.left + column as f32 * (frame.column_width() + frame.gap) + line.x;
                let page = pages.last_mut().expect("a page");
                if let Some(mut a) = pending.take() {
                    a.y = frame.top + y;
                    page.anchors.push(a);
                }
                page.lines.push(PageLine {
                    x,
                    baseline: frame.top + y + line.baseline,
                    line: line.clone(),
                });
                y += line.height;
                if y + 0.01 >= bottom {
                    next_column(&mut pages, &mut column, &mut y);
                }
            }
        }
        i += 1;
    }
    while pages.len() > 1 && pages.last().is_some_and(|p| p.lines.is_empty()) {
        pages.pop();
    }
    pages
}

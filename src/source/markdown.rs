//! Markdown blocks and inlines through pulldown-cmark, flattened into a list of raw blocks that
//! the news stage (`news.rs`) groups into articles. Nothing here knows about headlines.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{Location, Paragraph, Run, Warning};

use super::sanitize::is_safe_link;

/// A Markdown block before news semantics are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBlock {
    Heading {
        level: u8,
        text: String,
        line: usize,
    },
    Para {
        para: Paragraph,
        line: usize,
    },
    Quote {
        paragraphs: Vec<Paragraph>,
    },
    List {
        ordered: bool,
        items: Vec<Paragraph>,
    },
}

/// Parses `text`; `first_line` is the file line `text` starts on (after front matter). `None`
/// when the text holds more than `max_paragraphs` paragraphs, headings and list items: the
/// parse stops there, so a hostile file cannot make the model much larger than the limit.
pub fn parse(
    text: &str,
    first_line: usize,
    max_paragraphs: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Vec<RawBlock>> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;

    warnings.extend(tables_as_text(text, first_line));
    let mut b = Builder::default();
    // Plain CommonMark plus GFM strikethrough: tables, footnotes and the like are not
    // newsroom text, and an unexpected extension would turn ordinary characters into markup.
    // Strikethrough is `~~…~~` only: a single tilde is a range in Chinese text (`3~5天`).
    for (event, range) in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        if b.paragraphs > max_paragraphs {
            return None;
        }
        let line = line_at(range.start);
        match event {
            Event::Start(Tag::Heading { .. }) => b.start_inline(line),
            Event::End(TagEnd::Heading(level)) => {
                let para = b.take_inline();
                b.paragraphs += 1;
                b.blocks.push(RawBlock::Heading {
                    level: level as u8,
                    text: para.text().trim().to_string(),
                    line: b.inline_line,
                });
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::CodeBlock(_)) => {
                b.start_inline(line);
                b.code_block = matches!(event, Event::Start(Tag::CodeBlock(_)));
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::CodeBlock) => {
                b.code_block = false;
                b.finish_paragraph();
            }
            Event::Start(Tag::BlockQuote(_)) => b.containers.push(Container::Quote(Vec::new())),
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some(Container::Quote(ps)) = b.containers.pop() {
                    b.emit(RawBlock::Quote { paragraphs: ps });
                }
            }
            Event::Start(Tag::List(start)) => b.containers.push(Container::List {
                ordered: start.is_some(),
                items: Vec::new(),
            }),
            Event::End(TagEnd::List(_)) => {
                if let Some(Container::List { ordered, items }) = b.containers.pop() {
                    b.emit(RawBlock::List { ordered, items });
                }
            }
            // A tight list item holds its text directly, without a paragraph.
            Event::Start(Tag::Item) => b.start_inline(line),
            Event::End(TagEnd::Item) => b.finish_paragraph(),
            Event::Start(Tag::Emphasis) => b.style.emphasis += 1,
            Event::End(TagEnd::Emphasis) => b.style.emphasis -= 1,
            Event::Start(Tag::Strong) => b.style.strong += 1,
            Event::End(TagEnd::Strong) => b.style.strong -= 1,
            Event::Start(Tag::Strikethrough) => {
                let double = text[range.start..].starts_with("~~");
                b.strike_marks.push(double);
                if double {
                    b.style.strike += 1;
                } else {
                    b.push_text("~", false);
                }
            }
            Event::End(TagEnd::Strikethrough) => match b.strike_marks.pop() {
                Some(true) => b.style.strike -= 1,
                _ => b.push_text("~", false),
            },
            Event::Start(Tag::Link { dest_url, .. }) => {
                let target = dest_url.trim().to_string();
                if is_safe_link(&target) {
                    b.style.link = Some(target);
                } else {
                    warnings.push(Warning::UnsafeLink {
                        location: Location::Line { line },
                        target,
                    });
                    b.style.link = None;
                }
            }
            Event::End(TagEnd::Link) => b.style.link = None,
            // Photos are not placed yet (issue 16): the alt text stays as text, and the image
            // is named in a warning so it is never lost without a word.
            Event::Start(Tag::Image { dest_url, .. }) => warnings.push(Warning::NotPlaced {
                location: Location::Line { line },
                what: format!("image {:?}", dest_url.as_ref()),
                kept: "its alt text is kept as text",
            }),
            Event::End(TagEnd::Image) => {}
            Event::Text(t) => {
                let code = b.code_block;
                b.push_text(&t, code);
            }
            Event::Code(t) => b.push_text(&t, true),
            Event::SoftBreak | Event::HardBreak => b.push_text("\n", false),
            Event::Html(h) | Event::InlineHtml(h) => {
                warnings.push(Warning::RawHtml {
                    location: Location::Line { line },
                    html: h.trim_end().to_string(),
                });
                // Kept visible: the reader never turns source text into markup.
                if b.inline.is_none() {
                    b.start_inline(line);
                    b.push_text(h.trim_end(), false);
                    b.finish_paragraph();
                } else {
                    b.push_text(&h, false);
                }
            }
            Event::Rule => {}
            _ => {
                // Footnotes, tables, math and task lists are not enabled; anything else that
                // carries text keeps it.
            }
        }
    }
    (b.paragraphs <= max_paragraphs).then_some(b.blocks)
}

#[derive(Default)]
struct Style {
    emphasis: u32,
    strong: u32,
    strike: u32,
    link: Option<String>,
}

enum Container {
    Quote(Vec<Paragraph>),
    List {
        ordered: bool,
        items: Vec<Paragraph>,
    },
}

#[derive(Default)]
struct Builder {
    blocks: Vec<RawBlock>,
    containers: Vec<Container>,
    inline: Option<Paragraph>,
    inline_line: usize,
    style: Style,
    code_block: bool,
    /// For every open strikethrough, whether it was written `~~` (kept) or `~` (text).
    strike_marks: Vec<bool>,
    /// Paragraphs, headings and items kept so far.
    paragraphs: usize,
}

impl Builder {
    fn start_inline(&mut self, line: usize) {
        if self.inline.is_none() {
            self.inline = Some(Paragraph::default());
            self.inline_line = line;
        }
    }

    fn push_text(&mut self, text: &str, code: bool) {
        let style = &self.style;
        let run = Run {
            text: text.to_string(),
            emphasis: style.emphasis > 0,
            strong: style.strong > 0,
            strike: style.strike > 0,
            code,
            link: style.link.clone(),
        };
        self.inline.get_or_insert_with(Paragraph::default).push(run);
    }

    fn take_inline(&mut self) -> Paragraph {
        let mut para = self.inline.take().unwrap_or_default();
        resolve_breaks(&mut para);
        para
    }

    fn finish_paragraph(&mut self) {
        if self.inline.is_none() {
            return;
        }
        let line = self.inline_line;
        let para = self.take_inline();
        if para.text().trim().is_empty() {
            return;
        }
        self.paragraphs += 1;
        match self.containers.last_mut() {
            Some(Container::Quote(ps)) => ps.push(para),
            Some(Container::List { items, .. }) => items.push(para),
            None => self.blocks.push(RawBlock::Para { para, line }),
        }
    }

    fn emit(&mut self, block: RawBlock) {
        // A quote inside a list (or the reverse) is flattened into its parent's paragraphs.
        match (self.containers.last_mut(), block) {
            (None, block) => self.blocks.push(block),
            (Some(Container::Quote(ps)), RawBlock::List { items, .. }) => ps.extend(items),
            (Some(Container::Quote(ps)), RawBlock::Quote { paragraphs }) => ps.extend(paragraphs),
            (Some(Container::List { items, .. }), RawBlock::Quote { paragraphs }) => {
                items.extend(paragraphs)
            }
            (Some(Container::List { items, .. }), RawBlock::List { items: inner, .. }) => {
                items.extend(inner)
            }
            (Some(_), other) => self.blocks.push(other),
        }
    }
}

/// A line break inside a Markdown paragraph is no space in Chinese (the lines of a Chinese
/// paragraph run together) and one space between Latin words. Trims the paragraph's ends.
fn resolve_breaks(para: &mut Paragraph) {
    let text: Vec<char> = para.text().chars().collect();
    // The nearest non-white-space character before and after every position, found in one
    // pass each way (a scan per break would be quadratic in a paragraph of blank-looking
    // lines such as U+3000 + line feed, repeated).
    let mut before = Vec::with_capacity(text.len());
    let mut last = None;
    for &c in &text {
        before.push(last);
        if !c.is_whitespace() {
            last = Some(c);
        }
    }
    let mut after = vec![None; text.len()];
    let mut next = None;
    for (i, &c) in text.iter().enumerate().rev() {
        after[i] = next;
        if !c.is_whitespace() {
            next = Some(c);
        }
    }
    let cjk = |c: Option<char>| c.is_some_and(super::chars::is_cjk);
    let mut index = 0;
    for run in &mut para.runs {
        if run.code {
            index += run.text.chars().count();
            continue;
        }
        let mut out = String::with_capacity(run.text.len());
        for c in run.text.chars() {
            if c == '\n' {
                // Spaces around the break belong to the break.
                let trimmed = out.trim_end_matches([' ', '\t']).len();
                out.truncate(trimmed);
                if !(cjk(before[index]) || cjk(after[index])) {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
            index += 1;
        }
        run.text = out;
    }
    // Trim leading white space of the first run and trailing of the last.
    if let Some(first) = para.runs.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = para.runs.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    para.runs.retain(|r| !r.text.is_empty());
}

/// A GFM pipe table is read as paragraph text (tables are not in the model yet, issue 16): each
/// one is named in a warning at its delimiter row (`|---|---:|`), so its `|` and `---` on the
/// page are never a silent surprise.
fn tables_as_text(text: &str, first_line: usize) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut previous = "";
    for (n, line) in text.lines().enumerate() {
        let row = line.trim();
        let delimiter = row.contains('|')
            && row.contains("---")
            && row
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
        if delimiter && previous.contains('|') {
            out.push(Warning::NotPlaced {
                location: Location::Line {
                    line: first_line + n - 1,
                },
                what: "table".to_owned(),
                kept: "its rows are kept as paragraph text",
            });
        }
        previous = row;
    }
    out
}

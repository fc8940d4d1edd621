//! Which layout a text file has, decided once per file, and the readers for the two layouts
//! that are not Markdown. Editors receive news in three shapes:
//!
//! - **Markdown** with `##` headlines (the bundled sample);
//! - **pasted text** from WPS or Word: one paragraph per line, each indented (two U+3000, two
//!   or four ASCII spaces, or a tab), headlines unindented, often no blank lines at all;
//! - **plain text**: paragraphs separated by blank lines (or one per line), headlines as bare
//!   short lines without `##`.
//!
//! Pasted and plain text are never parsed as Markdown: four leading spaces would make a code
//! block, `1.` a list and `*` emphasis of ordinary newsroom text.

use serde::Serialize;

use super::chars::is_closing;
use super::markdown::RawBlock;
use crate::model::Paragraph;

/// The layout a text file was read as; `check` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// `##` headlines: CommonMark through pulldown-cmark.
    Markdown,
    /// Markdown syntax but no `#` headings: headlines are found among bare short lines.
    MarkdownBareHeadlines,
    /// WPS/Word paste: a paragraph per line, body lines indented.
    Pasted,
    /// Blank-line (or line-per-paragraph) text with bare headline lines.
    Plain,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Markdown => "Markdown",
            Layout::MarkdownBareHeadlines => "Markdown without # headings",
            Layout::Pasted => "pasted text",
            Layout::Plain => "plain text",
        }
    }
}

/// The indent a pasted paragraph line starts with, in characters, or `None` for a line that
/// starts flush left. One U+3000 or a tab is an indent; ASCII spaces count from two.
fn indent(line: &str) -> Option<usize> {
    let n = line
        .chars()
        .take_while(|&c| matches!(c, '\u{3000}' | '\t' | ' ' | '\u{A0}'))
        .count();
    let wide = line.starts_with(['\u{3000}', '\t', '\u{A0}']);
    (n >= 2 || (n >= 1 && wide)).then_some(n)
}

/// An ATX heading line: one to six `#`, then a space (or nothing).
fn is_atx_heading(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    let hashes = t.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) && line.len() - t.len() < 4
}

/// Markdown syntax that a plain-text file would not contain.
fn has_markdown_syntax(text: &str) -> bool {
    text.contains("**")
        || text.contains("](")
        || text.contains("~~")
        || text
            .lines()
            .any(|l| l.starts_with("> ") || l.starts_with("- ") || l.starts_with("* "))
}

/// Decides the layout from the text (after front matter) and whether the file's name says
/// Markdown (`.md`, `.markdown`) or text (`.txt`); standard input says neither.
pub fn detect(text: &str, markdown_name: Option<bool>) -> Layout {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.iter().any(|l| is_atx_heading(l)) {
        return Layout::Markdown;
    }
    let indented = lines.iter().filter(|l| indent(l).is_some()).count();
    // WPS/Word paste indents every body paragraph; headlines and the odd byline are flush.
    if indented >= 2 && indented * 5 >= lines.len() * 2 {
        return Layout::Pasted;
    }
    match markdown_name {
        Some(true) => Layout::MarkdownBareHeadlines,
        Some(false) => Layout::Plain,
        None if has_markdown_syntax(text) => Layout::MarkdownBareHeadlines,
        None => Layout::Plain,
    }
}

/// A unit of pasted or plain text: one paragraph with the line it starts on, and whether its
/// layout lets it be a headline (pasted text: only flush-left lines).
pub struct Unit {
    pub block: RawBlock,
    pub may_be_headline: bool,
}

/// Reads pasted text: every non-blank line is a paragraph; the indent is layout, not text, and
/// is removed. Blank lines carry no meaning beyond separating lines.
pub fn read_pasted(text: &str, first_line: usize, max_paragraphs: usize) -> Option<Vec<Unit>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let content = line.trim_matches(is_layout_space);
        if content.is_empty() {
            continue;
        }
        if out.len() >= max_paragraphs {
            return None;
        }
        out.push(Unit {
            block: para(content, first_line + i),
            may_be_headline: indent(line).is_none(),
        });
    }
    Some(out)
}

/// Reads plain text: blocks are separated by blank lines; inside a block every line is a
/// paragraph (Chinese text is not hard-wrapped), unless the block is hard-wrapped prose (lines
/// of one width that end mid-sentence), whose lines are joined back into one paragraph.
pub fn read_plain(text: &str, first_line: usize, max_paragraphs: usize) -> Option<Vec<Unit>> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let flush = |block: &mut Vec<(usize, &str)>, out: &mut Vec<Unit>| -> bool {
        if block.is_empty() {
            return true;
        }
        if hard_wrapped(block) {
            let line = block[0].0;
            let mut joined = String::new();
            for (_, l) in block.iter() {
                let l = l.trim_matches(is_layout_space);
                let latin_seam = joined.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && l.starts_with(|c: char| c.is_ascii_alphanumeric());
                if latin_seam {
                    joined.push(' ');
                }
                joined.push_str(l);
            }
            out.push(Unit {
                block: para(&joined, line),
                may_be_headline: false,
            });
        } else {
            for &(line, l) in block.iter() {
                out.push(Unit {
                    block: para(l.trim_matches(is_layout_space), line),
                    may_be_headline: true,
                });
            }
        }
        block.clear();
        out.len() <= max_paragraphs
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim_matches(is_layout_space).is_empty() {
            if !flush(&mut block, &mut out) {
                return None;
            }
        } else {
            block.push((first_line + i, line));
        }
    }
    flush(&mut block, &mut out).then_some(out)
}

/// Lines of one block that are one paragraph wrapped at a fixed width: at least two lines,
/// every line but the last of about the same length (±2 characters, at least 16), none of
/// them ending a sentence.
fn hard_wrapped(block: &[(usize, &str)]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let widths: Vec<usize> = body
        .iter()
        .map(|(_, l)| l.trim_matches(is_layout_space).chars().count())
        .collect();
    let (min, max) = (
        *widths.iter().min().unwrap_or(&0),
        *widths.iter().max().unwrap_or(&0),
    );
    min >= 16
        && max - min <= 2
        && body.iter().all(|(_, l)| {
            l.trim_matches(is_layout_space)
                .chars()
                .last()
                .is_some_and(|c| !is_closing(c))
        })
}

fn para(text: &str, line: usize) -> RawBlock {
    RawBlock::Para {
        para: Paragraph::plain(text),
        line,
    }
}

/// White space that lays a line out (indent, trailing blanks) rather than belonging to it.
fn is_layout_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts() {
        assert_eq!(detect("## 标题\n\n正文。\n", None), Layout::Markdown);
        let pasted = "标题\n　　东昌府讯 正文。\n　　第二段。\n（融媒体中心 张三）\n";
        assert_eq!(detect(pasted, Some(false)), Layout::Pasted);
        assert_eq!(detect(pasted, Some(true)), Layout::Pasted);
        let plain = "标题\n\n东昌府讯 正文。\n\n第二段。\n";
        assert_eq!(detect(plain, Some(false)), Layout::Plain);
        assert_eq!(detect(plain, Some(true)), Layout::MarkdownBareHeadlines);
        assert_eq!(detect(plain, None), Layout::Plain);
        assert_eq!(
            detect("标题\n\n**要点**正文。\n", None),
            Layout::MarkdownBareHeadlines
        );
        // `#话题#` is a hashtag, not a heading.
        assert_eq!(detect("#话题#\n\n正文。\n", None), Layout::Plain);
    }

    #[test]
    fn hard_wrapped_blocks_are_joined_and_line_paragraphs_are_not() {
        let wrapped = "会议指出，要深刻理解把握习近平总书记关于创新\n驱动发展的重要要求，切实增强创新能力，建设产\n教融合型城区。\n";
        let units = read_plain(wrapped, 1, 100).unwrap();
        assert_eq!(units.len(), 1);
        let lines = "第一段写完了。\n第二段也写完了。\n";
        assert_eq!(read_plain(lines, 1, 100).unwrap().len(), 2);
    }
}

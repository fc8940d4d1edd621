//! The cover: a typographic cover page (issue title, publisher, date in the template's faces)
//! and the cover image reading systems show in their library, an SVG with the same text drawn
//! as glyph outlines of the bundled faces.

use std::fmt::Write as _;

use super::css::{self, Styles};
use super::fonts::Usage;
use super::glyphs::{Outlines, num};
use super::xhtml::Page;
use super::{Book, xml};
use crate::model::Metadata;
use crate::plan::Masthead;
use crate::typography::Kinsoku;
use crate::typography::Role;

/// The lines under the title: publisher and date, each when known.
fn cover_lines(meta: &Metadata) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        lines.push(p.to_owned());
    }
    if let Some(d) = meta.date {
        lines.push(d.chinese());
    }
    lines
}

/// The cover page, first in the spine: the plan's masthead, the title over a rule and the
/// masthead line under it, as the PDF and the DOCX open the issue.
pub(super) fn page(
    masthead: Option<&Masthead>,
    book: &Book,
    styles: &Styles,
    usage: &mut Usage,
) -> String {
    let mut page = Page::new(&book.lang, &book.title, styles, usage);
    page.open_line("body", &[]);
    page.open_line("section", &[("class", "cover"), ("epub:type", "cover")]);
    let element = |role| css::element(role);
    if let Some(title) = masthead.and_then(|m| m.title.as_deref()) {
        let (tag, class) = element(Role::IssueTitle);
        page.element(tag, class, Role::IssueTitle, title);
    }
    page.empty_line("hr", &[("class", "cover-rule")]);
    if let Some(line) = masthead.and_then(|m| m.line.as_deref()) {
        let (tag, class) = element(Role::MastheadLine);
        page.element(tag, class, Role::MastheadLine, line);
    }
    page.close_line("section");
    page.finish()
}

const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 1800.0;
const MARGIN: f64 = 120.0;
const RED: &str = "#b40000";
const INK: &str = "#1a1a1a";

/// The cover image: title in the issue-title face (red, as a masthead), a rule, then publisher
/// and date in the subtitle face. `title_faces`/`line_faces` are the faces in fallback order;
/// with none (no bundled fonts) the text is written as SVG `<text>` instead.
pub(super) fn image(
    meta: &Metadata,
    book: &Book,
    title_faces: &Outlines,
    line_faces: &Outlines,
    families: (&str, &str),
) -> String {
    let mut svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\n<title>{}</title>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#fffdf7\"/>\n",
        xml::text(&book.title),
        w = WIDTH,
        h = HEIGHT
    );
    let usable = WIDTH - 2.0 * MARGIN;
    let (size, lines) = fit_title(title_faces, &book.title, usable);
    let pitch = size * 1.25;
    let block = pitch * (lines.len().max(1) as f64 - 1.0) + size;
    let top = 640.0 - block / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + size * 0.88 + pitch * i as f64;
        draw(&mut svg, title_faces, line, baseline, size, RED, families.0);
    }
    let rule_y = top + block + 90.0;
    let _ = writeln!(
        svg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{RED}\"/>",
        num(MARGIN + 60.0),
        num(rule_y),
        num(usable - 120.0)
    );
    let mut baseline = 1400.0_f64.max(rule_y + 200.0);
    for line in cover_lines(meta) {
        let line = drawn_line(&line);
        let width = line_faces.width(&line).max(0.1);
        let size = (usable / width).min(64.0);
        draw(&mut svg, line_faces, &line, baseline, size, INK, families.1);
        baseline += 110.0;
    }
    svg.push_str("</svg>\n");
    svg
}

/// One centred line, as outlines or (without faces) as `<text>`.
fn draw(
    svg: &mut String,
    faces: &Outlines,
    text: &str,
    baseline: f64,
    size: f64,
    fill: &str,
    family: &str,
) {
    if faces.is_empty() {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
            num(WIDTH / 2.0),
            num(baseline),
            xml::attr(family),
            num(size),
            xml::text(text)
        );
        return;
    }
    let x = (WIDTH - faces.width(text) * size) / 2.0;
    let d = faces.path(text, x, baseline, size);
    if !d.is_empty() {
        let _ = writeln!(svg, "<path fill=\"{fill}\" d=\"{d}\"/>");
    }
}

/// At most this many characters of a title or a cover line are drawn: three lines at the
/// smallest title size hold about 45 Han characters or 90 Latin letters, so nothing past this
/// could be seen. Without the cap a 320k-character title drew every glyph outline (545 MB of
/// SVG, 1.7 KB per character); the full title stays in the SVG's `<title>` and on the cover page.
const DRAWN_CHARS: usize = 120;
/// The title takes at most this many lines on the cover image.
const TITLE_LINES: usize = 3;
const ELLIPSIS: &str = "……";

/// The largest title size (from 160 down to 64 units) at which the title takes at most three
/// lines without breaking a Latin word; else the smallest size, breaking where it must, and a
/// title longer than three lines ends its third with an ellipsis.
fn fit_title(faces: &Outlines, title: &str, usable: f64) -> (f64, Vec<String>) {
    let (drawn, cut) = prefix(title, DRAWN_CHARS);
    let units = units(drawn);
    const SIZES: [f64; 7] = [160.0, 140.0, 120.0, 104.0, 88.0, 76.0, 64.0];
    if !cut {
        for size in SIZES {
            if let Some(lines) = wrap(faces, &units, usable / size, false)
                && lines.len() <= TITLE_LINES
            {
                return (size, lines);
            }
        }
    }
    let size = SIZES[SIZES.len() - 1];
    let mut lines = wrap(faces, &units, usable / size, true).unwrap_or_default();
    if cut || lines.len() > TITLE_LINES {
        lines.truncate(TITLE_LINES);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(faces, last, usable / size);
        }
    }
    (size, lines)
}

/// The first `max` characters of `text`, and whether anything was left out.
fn prefix(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    }
}

/// `line` shortened from the end until it and an ellipsis fit in `max` em.
fn with_ellipsis(faces: &Outlines, line: &str, max: f64) -> String {
    let mut kept = line.trim_end().to_owned();
    while !kept.is_empty() && faces.width(&kept) + faces.width(ELLIPSIS) > max {
        kept.pop();
    }
    kept.truncate(kept.trim_end().len());
    kept + ELLIPSIS
}

/// A publisher or date line, cut to what can be drawn (see `DRAWN_CHARS`).
fn drawn_line(line: &str) -> String {
    match prefix(line, DRAWN_CHARS / 2) {
        (kept, true) => format!("{kept}{ELLIPSIS}"),
        (kept, false) => kept.to_owned(),
    }
}

/// Break units: a Han character (with the punctuation that may not be parted from it) or a
/// Latin word; `true` when a space comes before it.
fn units(text: &str) -> Vec<(String, bool)> {
    let no_start = Kinsoku::Strict.not_at_line_start();
    let no_end = Kinsoku::Strict.not_at_line_end();
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut space = false;
    let mut glue = false;
    let mut latin = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            glue = false;
            latin = false;
            continue;
        }
        let wide = c >= '\u{2E80}';
        let join = !out.is_empty()
            && !space
            && (glue || no_start.contains(c) || (latin && !wide && !no_end.contains(c)));
        if join {
            out.last_mut().expect("not empty").0.push(c);
        } else {
            out.push((c.to_string(), space));
        }
        space = false;
        glue = no_end.contains(c);
        latin = !wide;
    }
    out
}

/// Greedy line filling to `max` em. A unit wider than a line is split into characters when
/// `split` is set; otherwise the layout is refused (`None`).
fn wrap(faces: &Outlines, units: &[(String, bool)], max: f64, split: bool) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (unit, space) in units {
        if faces.width(unit) > max {
            if !split {
                return None;
            }
            let mut first = true;
            for c in unit.chars() {
                pieces.push((c.to_string(), *space && first));
                first = false;
            }
        } else {
            pieces.push((unit.clone(), *space));
        }
    }
    for (piece, space) in pieces {
        let candidate = if line.is_empty() {
            piece.clone()
        } else if space {
            format!("{line} {piece}")
        } else {
            format!("{line}{piece}")
        };
        if faces.width(&candidate) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = piece;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_break_between_han_and_keep_latin_words_and_punctuation() {
        let u: Vec<String> = units("东昌府新闻 2022年9月（上）")
            .into_iter()
            .map(|u| u.0)
            .collect();
        assert_eq!(
            u,
            [
                "东",
                "昌",
                "府",
                "新",
                "闻",
                "2022",
                "年",
                "9",
                "月",
                "（上）"
            ]
        );
    }
}

//! Checks a deserialised template for values that parse but cannot be laid out.

use super::page::{PageSize, check_running};
use super::role::{FontRef, LinePitch, Role, Spacing};
use super::template::Template;
use super::units::num;

/// A problem, with the keys that could have caused it, most likely first; the loader reports the
/// first one the user's file actually sets, so the line points at something they wrote.
#[derive(Debug)]
pub(crate) struct Issue {
    pub keys: Vec<String>,
    pub message: String,
}

fn issue(keys: &[&str], message: String) -> Result<(), Issue> {
    Err(Issue {
        keys: keys.iter().map(|k| k.to_string()).collect(),
        message,
    })
}

/// The grid may squeeze characters a little: GB/T 9704 itself sets 16 pt type on a
/// 156 mm / 28 = 15.79 pt pitch. Below this fraction of the size, glyphs would collide.
const MIN_GRID_CHAR_FRACTION: f64 = 0.9;

/// A bare-number line pitch above this is almost certainly points written without a unit.
const MAX_PITCH_MULTIPLE: f64 = 5.0;

// Bounds on every number, so a template describes something a printer can print and every
// backend's arithmetic stays in range (a 9.2e18 mm page gives a PDF qpdf rejects; 4294967295
// columns overflow DOCX's xsd:int; a 1e-300 pitch divides into infinity).

/// Custom page width and height in mm: a 10 mm label to a 2 m poster. (Word itself opens pages
/// up to 558.8 mm; PDF viewers and LibreOffice take the whole range.)
const PAGE_MM: (f64, f64) = (10.0, 2000.0);
/// Columns per page: broadsheets set 6 to 9.
const MAX_COLUMNS: u32 = 12;
/// The column gap and the header and footer gaps, in mm.
const MAX_GAP_MM: f64 = 100.0;
/// Type sizes in pt: below 1 pt nothing is legible; 500 pt (17.6 cm) is poster lettering and
/// well inside DOCX's 1638 pt.
const SIZE_PT: (f64, f64) = (1.0, 500.0);
/// A bare-number line pitch below this fraction of the size would print lines on each other.
const MIN_PITCH_MULTIPLE: f64 = 0.5;
/// An absolute line pitch (`"28pt"`) is 0.5 to this many times the role's size.
const MAX_FIXED_PITCH_MULTIPLE: f64 = 10.0;
/// Space before and after paragraphs and between articles: 500 pt (17.6 cm) in points, 20 in
/// body lines.
const MAX_SPACE_PT: f64 = 500.0;
const MAX_SPACE_LINES: f64 = 20.0;
/// First-line indent in em of the role's size.
const MAX_INDENT_EM: f64 = 10.0;
/// The rule between articles in pt.
const MAX_RULE_PT: f64 = 10.0;
/// Character-grid lines per page and characters per line.
const MAX_GRID: u32 = 1000;
/// Characters in a running-head or running-foot pattern; a line holds fewer.
const MAX_RUNNING_PATTERN_CHARS: usize = 200;

fn within(v: f64, (lo, hi): (f64, f64)) -> bool {
    (lo..=hi).contains(&v)
}

pub(crate) fn validate(t: &Template) -> Result<(), Issue> {
    let p = &t.page;
    if let PageSize::Custom { width, height } = p.size {
        for (key, what, v) in [
            ("page.size.width", "width", width),
            ("page.size.height", "height", height),
        ] {
            if !within(v.0, PAGE_MM) {
                issue(
                    &[key],
                    format!(
                        "page {what} must be {} to {} mm ({} mm)",
                        num(PAGE_MM.0),
                        num(PAGE_MM.1),
                        num(v.0)
                    ),
                )?;
            }
        }
    }
    let m = &p.margins;
    for (key, v) in [
        ("top", m.top),
        ("bottom", m.bottom),
        ("inner", m.inner),
        ("outer", m.outer),
    ] {
        if v.0 < 0.0 {
            let key = format!("page.margins.{key}");
            issue(
                &[&key],
                format!("margin must not be negative ({} mm)", num(v.0)),
            )?;
        }
    }
    if p.text_width_mm() <= 0.0 {
        issue(
            &["page.margins.inner", "page.margins.outer", "page.size"],
            format!(
                "text block width must be positive ({} mm page - {} - {} mm margins = {} mm)",
                num(p.width_mm()),
                num(m.inner.0),
                num(m.outer.0),
                num(p.text_width_mm())
            ),
        )?;
    }
    if p.text_height_mm() <= 0.0 {
        issue(
            &["page.margins.top", "page.margins.bottom", "page.size"],
            format!(
                "text block height must be positive ({} mm page - {} - {} mm margins = {} mm)",
                num(p.height_mm()),
                num(m.top.0),
                num(m.bottom.0),
                num(p.text_height_mm())
            ),
        )?;
    }
    for (key, what, v, half) in [
        ("top", "height", m.top, p.height_mm() / 2.0),
        ("bottom", "height", m.bottom, p.height_mm() / 2.0),
        ("inner", "width", m.inner, p.width_mm() / 2.0),
        ("outer", "width", m.outer, p.width_mm() / 2.0),
    ] {
        if v.0 >= half {
            let key = format!("page.margins.{key}");
            issue(
                &[&key, "page.size"],
                format!(
                    "margin must be less than half the page {what}, {} mm ({} mm)",
                    num(half),
                    num(v.0)
                ),
            )?;
        }
    }
    if !(1..=MAX_COLUMNS).contains(&p.columns.count) {
        issue(
            &["page.columns.count"],
            format!(
                "there must be 1 to {MAX_COLUMNS} columns ({})",
                p.columns.count
            ),
        )?;
    }
    if !within(p.columns.gap.0, (0.0, MAX_GAP_MM)) {
        issue(
            &["page.columns.gap"],
            format!(
                "column gap must be 0 to {} mm ({} mm)",
                num(MAX_GAP_MM),
                num(p.columns.gap.0)
            ),
        )?;
    }
    if p.column_width_mm() <= 0.0 {
        issue(
            &["page.columns.gap", "page.columns.count"],
            format!(
                "columns do not fit: each would be {} mm wide",
                num(p.column_width_mm())
            ),
        )?;
    }
    for (key, v) in [
        ("page.header_gap", p.header_gap),
        ("page.footer_gap", p.footer_gap),
    ] {
        if !within(v.0, (0.0, MAX_GAP_MM)) {
            issue(
                &[key],
                format!("gap must be 0 to {} mm ({} mm)", num(MAX_GAP_MM), num(v.0)),
            )?;
        }
    }
    if !within(p.header_rule.0, (0.0, 6.0)) {
        issue(
            &["page.header_rule"],
            format!("a rule is 0 to 6 pt thick ({} pt)", num(p.header_rule.0)),
        )?;
    }
    for (key, pattern) in [("page.header", &p.header), ("page.footer", &p.footer)] {
        printable(pattern, "a running head is one line of printable text")
            .or_else(|e| issue(&[key], e))?;
        let chars = pattern.chars().count();
        if chars > MAX_RUNNING_PATTERN_CHARS {
            issue(
                &[key],
                format!(
                    "a running-head pattern may be at most {MAX_RUNNING_PATTERN_CHARS} characters ({chars})"
                ),
            )?;
        }
        check_running(pattern).or_else(|e| issue(&[key], e))?;
    }

    let gap = t.chinese.han_latin_gap.0;
    if !(0.0..=1.0).contains(&gap) {
        issue(
            &["chinese.han_latin_gap"],
            format!("Han-Latin gap must be 0 to 1 em ({} em)", num(gap)),
        )?;
    }

    // Before the roles: body text on a grid takes its pitch from the line count.
    if let Some(g) = t.grid {
        for (key, what, v) in [
            ("grid.lines", "grid lines", g.lines),
            ("grid.chars", "grid characters per line", g.chars),
        ] {
            if !(1..=MAX_GRID).contains(&v) {
                issue(&[key], format!("{what} must be 1 to {MAX_GRID} ({v})"))?;
            }
        }
    }

    for role in Role::ALL {
        check_role(t, role)?;
    }
    if let FontRef::Family(name) = &t.inline.strong {
        printable(name, "a font name is printable text")
            .or_else(|e| issue(&["inline.strong"], e))?;
    }

    if let Some(g) = t.grid {
        let size = t.roles.body.size_pt();
        let pitch = t.body_char_pitch_pt();
        if pitch < MIN_GRID_CHAR_FRACTION * size {
            issue(
                &[
                    "grid.chars",
                    "roles.body.size",
                    "page.margins.inner",
                    "page.margins.outer",
                    "page.size",
                ],
                format!(
                    "{} characters of {} pt do not fit a {} mm line (pitch {} pt)",
                    g.chars,
                    num(size),
                    num(p.column_width_mm()),
                    num(pitch)
                ),
            )?;
        }
        let line = t.body_line_pitch_pt();
        if line < size {
            issue(
                &[
                    "grid.lines",
                    "roles.body.size",
                    "page.margins.top",
                    "page.margins.bottom",
                    "page.size",
                ],
                format!(
                    "{} lines of {} pt do not fit a {} mm text block (pitch {} pt)",
                    g.lines,
                    num(size),
                    num(p.text_height_mm()),
                    num(line)
                ),
            )?;
        }
    }

    let s = &t.separation;
    check_space("separation.space", s.space)?;
    if !within(s.rule.0, (0.0, MAX_RULE_PT)) {
        issue(
            &["separation.rule"],
            format!(
                "rule must be 0 to {} pt ({} pt)",
                num(MAX_RULE_PT),
                num(s.rule.0)
            ),
        )?;
    }
    Ok(())
}

/// Refuses control characters (C0, DEL, C1) and the line and paragraph separators in a string
/// the backends print or look up: fonts have no glyph for them, so they would reach the PDF as
/// .notdef boxes, and a running head is one line.
fn printable(s: &str, what: &str) -> Result<(), String> {
    match s
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
    {
        Some((i, c)) => Err(format!(
            "control character U+{:04X} at character {}; {what}",
            c as u32,
            i + 1
        )),
        None => Ok(()),
    }
}

fn check_role(t: &Template, role: Role) -> Result<(), Issue> {
    let r = t.role(role);
    let at = |field: &str| format!("roles.{}.{field}", role.key());
    if let FontRef::Family(name) = &r.font {
        printable(name, "a font name is printable text").or_else(|e| issue(&[&at("font")], e))?;
    }
    let size = r.size_pt();
    if !within(size, SIZE_PT) {
        issue(
            &[&at("size")],
            format!(
                "size must be {} to {} pt ({} pt)",
                num(SIZE_PT.0),
                num(SIZE_PT.1),
                num(size)
            ),
        )?;
    }
    match r.line_pitch {
        LinePitch::Multiple(m) if m < MIN_PITCH_MULTIPLE => issue(
            &[&at("line_pitch")],
            format!(
                "line pitch must be {} to {} times the size ({})",
                num(MIN_PITCH_MULTIPLE),
                num(MAX_PITCH_MULTIPLE),
                num(m)
            ),
        )?,
        LinePitch::Multiple(m) if m > MAX_PITCH_MULTIPLE => issue(
            &[&at("line_pitch")],
            format!(
                "line pitch {} is a multiple of the size ({} pt); write \"{}pt\" for an absolute pitch",
                num(m),
                num(m * size),
                num(m)
            ),
        )?,
        LinePitch::Fixed(p)
            if !within(
                p.0,
                (MIN_PITCH_MULTIPLE * size, MAX_FIXED_PITCH_MULTIPLE * size),
            ) =>
        {
            issue(
                &[&at("line_pitch")],
                format!(
                    "line pitch must be {} to {} times the size, {} to {} pt at {} pt ({} pt)",
                    num(MIN_PITCH_MULTIPLE),
                    num(MAX_FIXED_PITCH_MULTIPLE),
                    num(MIN_PITCH_MULTIPLE * size),
                    num(MAX_FIXED_PITCH_MULTIPLE * size),
                    num(size),
                    num(p.0)
                ),
            )?
        }
        _ => {}
    }
    let page = &t.page;
    if size > page.column_width_pt() {
        issue(
            &[
                &at("size"),
                "page.columns.count",
                "page.columns.gap",
                "page.margins.inner",
                "page.margins.outer",
                "page.size",
            ],
            format!(
                "a character of {} pt does not fit the {} mm column",
                num(size),
                num(page.column_width_mm())
            ),
        )?;
    }
    let pitch = t.line_pitch_pt(role);
    if pitch > page.text_height_pt() {
        issue(
            &[
                &at("line_pitch"),
                &at("size"),
                "page.margins.top",
                "page.margins.bottom",
                "page.size",
            ],
            format!(
                "a line of {} pt does not fit the {} mm text block",
                num(pitch),
                num(page.text_height_mm())
            ),
        )?;
    }
    for (field, v) in [
        ("space_before", r.space_before),
        ("space_after", r.space_after),
    ] {
        check_space(&at(field), v)?;
    }
    for (field, v) in [
        ("first_line_indent", r.first_line_indent),
        ("side_indent", r.side_indent),
    ] {
        if !within(v.0, (0.0, MAX_INDENT_EM)) {
            issue(
                &[&at(field)],
                format!(
                    "indent must be 0 to {} em ({} em)",
                    num(MAX_INDENT_EM),
                    num(v.0)
                ),
            )?;
        }
    }
    Ok(())
}

fn check_space(key: &str, v: Spacing) -> Result<(), Issue> {
    let max = match v {
        Spacing::Points(_) => MAX_SPACE_PT,
        Spacing::Lines(_) => MAX_SPACE_LINES,
    };
    if !within(v.raw(), (0.0, max)) {
        issue(
            &[key],
            format!(
                "space must be 0 to {} pt or 0 to {} lines ({})",
                num(MAX_SPACE_PT),
                num(MAX_SPACE_LINES),
                v.describe()
            ),
        )?;
    }
    Ok(())
}

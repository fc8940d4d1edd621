//! Checks a deserialised template for values that parse but cannot be laid out.

use super::page::{PageSize, check_running};
use super::role::{FontRef, LinePitch, Role};
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

pub(crate) fn validate(t: &Template) -> Result<(), Issue> {
    let p = &t.page;
    if let PageSize::Custom { width, height } = p.size {
        if width.0 <= 0.0 {
            issue(
                &["page.size.width"],
                format!("page width must be positive ({} mm)", num(width.0)),
            )?;
        }
        if height.0 <= 0.0 {
            issue(
                &["page.size.height"],
                format!("page height must be positive ({} mm)", num(height.0)),
            )?;
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
    if p.columns.count == 0 {
        issue(
            &["page.columns.count"],
            "there must be at least one column (0)".into(),
        )?;
    }
    if p.columns.gap.0 < 0.0 {
        issue(
            &["page.columns.gap"],
            format!(
                "column gap must not be negative ({} mm)",
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
        if v.0 < 0.0 {
            issue(
                &[key],
                format!("gap must not be negative ({} mm)", num(v.0)),
            )?;
        }
    }
    for (key, pattern) in [("page.header", &p.header), ("page.footer", &p.footer)] {
        printable(pattern, "a running head is one line of printable text")
            .or_else(|e| issue(&[key], e))?;
        check_running(pattern).or_else(|e| issue(&[key], e))?;
    }

    let gap = t.chinese.han_latin_gap.0;
    if !(0.0..=1.0).contains(&gap) {
        issue(
            &["chinese.han_latin_gap"],
            format!("Han-Latin gap must be 0 to 1 em ({} em)", num(gap)),
        )?;
    }

    for role in Role::ALL {
        check_role(t, role)?;
    }

    if let Some(g) = t.grid {
        if g.lines == 0 {
            issue(&["grid.lines"], "grid needs at least one line (0)".into())?;
        }
        if g.chars == 0 {
            issue(
                &["grid.chars"],
                "grid needs at least one character per line (0)".into(),
            )?;
        }
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
    if s.space.raw() < 0.0 {
        issue(
            &["separation.space"],
            format!("space must not be negative ({})", s.space.describe()),
        )?;
    }
    if s.rule.0 < 0.0 {
        issue(
            &["separation.rule"],
            format!("rule must not be negative ({} pt)", num(s.rule.0)),
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
    if size <= 0.0 {
        issue(
            &[&at("size")],
            format!("size must be positive ({} pt)", num(size)),
        )?;
    }
    match r.line_pitch {
        LinePitch::Multiple(m) if m <= 0.0 => issue(
            &[&at("line_pitch")],
            format!("line pitch must be positive ({})", num(m)),
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
        LinePitch::Fixed(p) if p.0 <= 0.0 => issue(
            &[&at("line_pitch")],
            format!("line pitch must be positive ({} pt)", num(p.0)),
        )?,
        _ => {}
    }
    for (field, v) in [
        ("space_before", r.space_before),
        ("space_after", r.space_after),
    ] {
        if v.raw() < 0.0 {
            issue(
                &[&at(field)],
                format!("space must not be negative ({})", v.describe()),
            )?;
        }
    }
    if r.first_line_indent.0 < 0.0 {
        issue(
            &[&at("first_line_indent")],
            format!(
                "indent must not be negative ({} em)",
                num(r.first_line_indent.0)
            ),
        )?;
    }
    Ok(())
}

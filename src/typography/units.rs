//! Lengths and unit conversions.
//!
//! Paper is specified in millimetres (ISO 216, GB/T 9704), type in points, indents in em; the
//! backends need points (PDF), twips and half-points (DOCX). Template files may write a bare
//! number (in the field's natural unit) or a string with a unit (`"37mm"`, `"10.5pt"`, `"2em"`);
//! a unit that is unknown or makes no sense for the field is refused rather than guessed.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Millimetres per inch (exact by definition).
pub const MM_PER_INCH: f64 = 25.4;
/// PostScript/PDF points per inch; DOCX and CSS use the same point.
pub const PT_PER_INCH: f64 = 72.0;

/// Millimetres to points: page geometry is given in mm, PDF and DOCX work in pt.
pub fn mm_to_pt(mm: f64) -> f64 {
    mm * PT_PER_INCH / MM_PER_INCH
}

/// Points to millimetres.
pub fn pt_to_mm(pt: f64) -> f64 {
    pt * MM_PER_INCH / PT_PER_INCH
}

/// Points to twips (1/20 pt), the unit of DOCX margins, indents and spacing; rounded because
/// OOXML only stores integers.
pub fn pt_to_twips(pt: f64) -> i64 {
    (pt * 20.0).round() as i64
}

/// Millimetres to twips, for DOCX page size and margins.
pub fn mm_to_twips(mm: f64) -> i64 {
    pt_to_twips(mm_to_pt(mm))
}

/// Points to half-points, the unit of DOCX font sizes (`w:sz`); 五号 10.5 pt is exactly 21.
pub fn pt_to_half_points(pt: f64) -> u32 {
    (pt * 2.0).round().max(0.0) as u32
}

/// A unit a template may write after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Mm,
    Cm,
    In,
    Pt,
    Em,
    Line,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "mm" => Unit::Mm,
            "cm" => Unit::Cm,
            "in" => Unit::In,
            "pt" => Unit::Pt,
            "em" => Unit::Em,
            "line" | "lines" => Unit::Line,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Mm => "mm",
            Unit::Cm => "cm",
            Unit::In => "in",
            Unit::Pt => "pt",
            Unit::Em => "em",
            Unit::Line => "lines",
        }
    }

    /// Converts `v` in this unit to points; `None` for relative units (em, lines).
    pub(crate) fn to_pt(self, v: f64) -> Option<f64> {
        match self {
            Unit::Mm => Some(mm_to_pt(v)),
            Unit::Cm => Some(mm_to_pt(v * 10.0)),
            Unit::In => Some(v * PT_PER_INCH),
            Unit::Pt => Some(v),
            Unit::Em | Unit::Line => None,
        }
    }
}

fn unit_list(units: &[Unit]) -> String {
    let names: Vec<&str> = units.iter().map(|u| u.name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// Splits `"10.5pt"` / `"2 lines"` into a number and one of `allowed` units; a bare number in a
/// string takes `default`. The messages name the accepted units because the user has to fix it.
pub(crate) fn parse_quantity(
    s: &str,
    allowed: &[Unit],
    default: Unit,
) -> Result<(f64, Unit), String> {
    let t = s.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && i == 0)))
        .map_or(t.len(), |(i, _)| i);
    let (num, unit) = t.split_at(end);
    let unit = unit.trim();
    let value: f64 = num.parse().map_err(|_| {
        format!(
            "{s:?} is not a number with a unit (write e.g. \"{}\")",
            example(default)
        )
    })?;
    let unit = if unit.is_empty() {
        default
    } else {
        match Unit::parse(unit) {
            Some(u) => u,
            None => {
                return Err(format!(
                    "unknown unit {unit:?} in {s:?} (use {})",
                    unit_list(allowed)
                ));
            }
        }
    };
    if !allowed.contains(&unit) {
        return Err(format!(
            "{s:?}: {} is not allowed here (use {})",
            unit.name(),
            unit_list(allowed)
        ));
    }
    Ok((value, unit))
}

fn example(unit: Unit) -> &'static str {
    match unit {
        Unit::Mm | Unit::Cm | Unit::In => "37mm",
        Unit::Pt => "10.5pt",
        Unit::Em => "2em",
        Unit::Line => "1 line",
    }
}

pub(crate) fn finite(v: f64) -> Result<f64, String> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(format!("{v} is not a finite number"))
    }
}

/// Formats a number the way a person writes it (`-5`, `10.5`), for error messages; numbers no
/// template means (`9.2e18`, `1e-300`) in exponent form rather than as hundreds of digits or 0.
pub(crate) fn num(v: f64) -> String {
    if v.is_finite() && v != 0.0 && !(0.001..1e15).contains(&v.abs()) {
        return format!("{v:e}");
    }
    let r = (v * 1000.0).round() / 1000.0;
    format!("{r}")
}

/// Writes whole numbers as TOML integers (`37`, not `37.0`) so a dumped template reads like a
/// hand-written one; loading accepts both, so the round trip is exact.
pub(crate) fn serialize_number<S: Serializer>(v: f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        s.serialize_i64(v as i64)
    } else {
        s.serialize_f64(v)
    }
}

/// Shared visitor for "a number, or a string with a unit" fields.
struct QuantityVisitor {
    expecting: &'static str,
    parse: fn(&str) -> Result<f64, String>,
}

impl Visitor<'_> for QuantityVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        finite(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        (self.parse)(v).and_then(finite).map_err(E::custom)
    }
}

macro_rules! number_serde {
    ($ty:ident, $expecting:literal, $parse:expr) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_number(self.0, s)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(QuantityVisitor {
                    expecting: $expecting,
                    parse: $parse,
                })
                .map($ty)
            }
        }
    };
}

/// A paper length in millimetres: margins, gaps, custom page sizes. Stored in mm because that is
/// how paper is specified; a bare number in a template is mm.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Mm(pub f64);

impl Mm {
    /// The length in points.
    pub fn pt(self) -> f64 {
        mm_to_pt(self.0)
    }
}

const PAPER_UNITS: &[Unit] = &[Unit::Mm, Unit::Cm, Unit::In, Unit::Pt];

number_serde!(
    Mm,
    "a length in mm (a number, or a string such as \"37mm\" or \"10.5pt\")",
    |s| {
        let (v, u) = parse_quantity(s, PAPER_UNITS, Unit::Mm)?;
        Ok(pt_to_mm(u.to_pt(v).expect("paper units are absolute")))
    }
);

/// A type-scale length in points: rule thickness, absolute line pitch. A bare number is pt.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Pt(pub f64);

number_serde!(
    Pt,
    "a length in pt (a number, or a string such as \"0.5pt\" or \"1mm\")",
    |s| {
        let (v, u) = parse_quantity(s, PAPER_UNITS, Unit::Pt)?;
        Ok(u.to_pt(v).expect("paper units are absolute"))
    }
);

/// A length relative to the font size (indents, the Han–Latin gap), so it scales with the role's
/// size. A bare number is em; `"none"` means 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Em(pub f64);

impl Em {
    /// The length in points at font size `size_pt`.
    pub fn at(self, size_pt: f64) -> f64 {
        self.0 * size_pt
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0 == 0.0
    }
}

number_serde!(Em, "a length in em (a number, \"2em\" or \"none\")", |s| {
    if s.trim() == "none" {
        return Ok(0.0);
    }
    parse_quantity(s, &[Unit::Em], Unit::Em).map(|(v, _)| v)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert!((mm_to_pt(25.4) - 72.0).abs() < 1e-12);
        assert_eq!(pt_to_twips(10.5), 210);
        assert_eq!(pt_to_half_points(10.5), 21);
        assert_eq!(mm_to_twips(25.4), 1440);
    }

    #[test]
    fn quantities() {
        let all = &[Unit::Mm, Unit::Pt, Unit::Em];
        assert_eq!(parse_quantity("37mm", all, Unit::Mm), Ok((37.0, Unit::Mm)));
        assert_eq!(
            parse_quantity(" -2.5 em ", all, Unit::Mm),
            Ok((-2.5, Unit::Em))
        );
        assert_eq!(parse_quantity("12", all, Unit::Pt), Ok((12.0, Unit::Pt)));
        let e = parse_quantity("3furlongs", all, Unit::Mm).unwrap_err();
        assert!(e.contains("unknown unit \"furlongs\""), "{e}");
        let e = parse_quantity("2em", PAPER_UNITS, Unit::Mm).unwrap_err();
        assert!(e.contains("em is not allowed"), "{e}");
        assert!(parse_quantity("mm", all, Unit::Mm).is_err());
    }

    #[test]
    fn numbers_in_messages() {
        assert_eq!(num(-5.0), "-5");
        assert_eq!(num(10.5), "10.5");
        assert_eq!(num(1.0 / 3.0), "0.333");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(9.2e18), "9.2e18");
        assert_eq!(num(-1e300), "-1e300");
        assert_eq!(num(1e-300), "1e-300");
    }
}

//! 字号 (Chinese size names) and font sizes.
//!
//! Editors specify type as 字号 (`五号`, `三号`), not points, so templates accept either. The table
//! is ctex's "word" table, which matches GB/T 40070-2021 and Word (docs/typography.md §6).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::units::{Unit, finite, parse_quantity, serialize_number};

/// A 字号 size name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zihao {
    Chuhao,
    XiaoChu,
    Yihao,
    XiaoYi,
    Erhao,
    XiaoEr,
    Sanhao,
    XiaoSan,
    Sihao,
    XiaoSi,
    Wuhao,
    XiaoWu,
    Liuhao,
    XiaoLiu,
    Qihao,
    Bahao,
}

/// Largest to smallest, so "two steps smaller" is two places further down.
const TABLE: [(Zihao, &str, f64); 16] = [
    (Zihao::Chuhao, "初号", 42.0),
    (Zihao::XiaoChu, "小初", 36.0),
    (Zihao::Yihao, "一号", 26.0),
    (Zihao::XiaoYi, "小一", 24.0),
    (Zihao::Erhao, "二号", 22.0),
    (Zihao::XiaoEr, "小二", 18.0),
    (Zihao::Sanhao, "三号", 16.0),
    (Zihao::XiaoSan, "小三", 15.0),
    (Zihao::Sihao, "四号", 14.0),
    (Zihao::XiaoSi, "小四", 12.0),
    (Zihao::Wuhao, "五号", 10.5),
    (Zihao::XiaoWu, "小五", 9.0),
    (Zihao::Liuhao, "六号", 7.5),
    (Zihao::XiaoLiu, "小六", 6.5),
    (Zihao::Qihao, "七号", 5.5),
    (Zihao::Bahao, "八号", 5.0),
];

impl Zihao {
    /// Every size, largest first.
    pub const ALL: [Zihao; 16] = {
        let mut all = [Zihao::Chuhao; 16];
        let mut i = 0;
        while i < 16 {
            all[i] = TABLE[i].0;
            i += 1;
        }
        all
    };

    fn entry(self) -> &'static (Zihao, &'static str, f64) {
        &TABLE[self as usize]
    }

    /// The Chinese name, e.g. `五号`.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    /// The size in points.
    pub fn points(self) -> f64 {
        self.entry().2
    }

    /// Looks a name up (`"小四"` → `XiaoSi`).
    pub fn from_name(name: &str) -> Option<Zihao> {
        TABLE.iter().find(|e| e.1 == name).map(|e| e.0)
    }

    /// The size `steps` places smaller (clamped at 八号): headline groups are built this way.
    pub fn smaller(self, steps: usize) -> Zihao {
        TABLE[(self as usize + steps).min(TABLE.len() - 1)].0
    }
}

impl fmt::Display for Zihao {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A role's font size: points or a 字号 name. The name is kept (not folded to points) so a
/// template written back to TOML still reads `size = "五号"`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FontSize {
    Points(f64),
    Zihao(Zihao),
}

impl FontSize {
    /// The size in points.
    pub fn points(self) -> f64 {
        match self {
            FontSize::Points(p) => p,
            FontSize::Zihao(z) => z.points(),
        }
    }
}

impl From<Zihao> for FontSize {
    fn from(z: Zihao) -> Self {
        FontSize::Zihao(z)
    }
}

impl Serialize for FontSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            FontSize::Points(p) => serialize_number(*p, s),
            FontSize::Zihao(z) => s.serialize_str(z.name()),
        }
    }
}

impl<'de> Deserialize<'de> for FontSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FontSize;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a size in points (10.5, \"10.5pt\") or a 字号 name (\"五号\")")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<FontSize, E> {
                finite(v).map(FontSize::Points).map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<FontSize, E> {
                Ok(FontSize::Points(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<FontSize, E> {
                Ok(FontSize::Points(v as f64))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<FontSize, E> {
                if let Some(z) = Zihao::from_name(v.trim()) {
                    return Ok(FontSize::Zihao(z));
                }
                if !v
                    .trim()
                    .starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '-')
                {
                    let names: Vec<&str> = TABLE.iter().map(|e| e.1).collect();
                    return Err(E::custom(format!(
                        "unknown size {v:?} (use points or a 字号 name: {})",
                        names.join(" ")
                    )));
                }
                let (n, unit) =
                    parse_quantity(v, &[Unit::Pt, Unit::Mm], Unit::Pt).map_err(E::custom)?;
                let p = unit.to_pt(n).expect("pt and mm are absolute");
                finite(p).map(FontSize::Points).map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_table_order() {
        assert_eq!(Zihao::ALL[0], Zihao::Chuhao);
        assert_eq!(Zihao::ALL[15], Zihao::Bahao);
        for (i, z) in Zihao::ALL.iter().enumerate() {
            assert_eq!(*z as usize, i);
        }
        assert_eq!(Zihao::Erhao.smaller(2), Zihao::Sanhao);
        assert_eq!(Zihao::Bahao.smaller(3), Zihao::Bahao);
    }
}

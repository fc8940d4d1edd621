//! The issue's date: a typed value at the model boundary, written as ISO 8601 (`2022-09-01`,
//! `2022-09`, `2022`) in JSON models, so no writer parses a string again.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A year, a month of it, or a day: as precise as the source says, never more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IssueDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl IssueDate {
    /// A checked date: year 1000–9999, month 1–12, a day the month has.
    pub fn new(year: u32, month: Option<u32>, day: Option<u32>) -> Option<Self> {
        if !(1000..=9999).contains(&year) || (day.is_some() && month.is_none()) {
            return None;
        }
        let month = match month {
            Some(m) if (1..=12).contains(&m) => Some(m as u8),
            Some(_) => return None,
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) => {
                Some((d >= 1 && d <= days_in(year, u32::from(m))).then_some(d as u8)?)
            }
            _ => None,
        };
        Some(IssueDate {
            year: year as u16,
            month,
            day,
        })
    }

    /// `2022-09-01`, `2022-09`, `2022`, `2022年9月1日`, `2022/9/1`, `2022.9.1`.
    pub fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s
            .trim()
            .trim_end_matches('日')
            .split(['-', '/', '.', '年', '月'])
            .collect();
        let num = |p: &str| {
            p.parse::<u32>()
                .ok()
                .filter(|_| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        };
        let year = num(parts.first()?)?;
        match parts.len() {
            1 => IssueDate::new(year, None, None),
            2 => IssueDate::new(year, Some(num(parts[1])?), None),
            3 => IssueDate::new(year, Some(num(parts[1])?), Some(num(parts[2])?)),
            _ => None,
        }
    }

    pub fn year(&self) -> u32 {
        u32::from(self.year)
    }

    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    pub fn day(&self) -> Option<u32> {
        self.day.map(u32::from)
    }

    /// ISO 8601: `2022-09-01`, `2022-09`, `2022`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// As Chinese readers write it: `2022年9月1日`, `2022年9月`, `2022年`.
    pub fn chinese(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}年{m}月{d}日", self.year),
            (Some(m), None) => format!("{}年{m}月", self.year),
            _ => format!("{}年", self.year),
        }
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for IssueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for IssueDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for IssueDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        IssueDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "date {s:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_check_and_print() {
        let d = IssueDate::parse("2022年9月1日").unwrap();
        assert_eq!(
            (d.iso(), d.chinese()),
            ("2022-09-01".into(), "2022年9月1日".into())
        );
        assert_eq!(IssueDate::parse("2022-9").unwrap().iso(), "2022-09");
        assert_eq!(IssueDate::parse("2022").unwrap().chinese(), "2022年");
        assert_eq!(IssueDate::parse("2024-02-29").unwrap().iso(), "2024-02-29");
        for bad in [
            "2022-02-30",
            "2023-02-29",
            "yesterday",
            "秋季",
            "22-09-01",
            "2022-13",
            "",
            "2022--01",
        ] {
            assert_eq!(IssueDate::parse(bad), None, "{bad}");
        }
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"2022-09-01\"");
        assert_eq!(serde_json::from_str::<IssueDate>(&json).unwrap(), d);
        assert!(serde_json::from_str::<IssueDate>("\"秋季\"").is_err());
    }
}

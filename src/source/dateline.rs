//! Dateline 电头 detection at the start of an article's first paragraph. Forms newsrooms use:
//! `东昌府讯`, `本报讯（记者 张三）`, `新华社北京1月17日电（记者 李四）`, `央视网消息`,
//! `【财新网】`, each followed by a space, a colon or the text.

use crate::model::{Dateline, DatelineKind};

use super::chars::{is_han, is_space};
use super::credits;

/// A dateline and how many characters of the paragraph it (and the separator after it) took.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub dateline: Dateline,
    pub consumed: usize,
}

/// How far into a paragraph a dateline marker may stand.
const MAX_PREFIX: usize = 24;

pub fn detect(text: &str) -> Option<Found> {
    let c: Vec<char> = text.chars().take(120).collect();
    let (kind, text_end, source, place, date) = match c.first() {
        Some('【') => bracketed(&c)?,
        Some('（' | '(') => wire_in_brackets(&c)?,
        _ => marked(&c)?,
    };
    let mut i = text_end;
    let mut dateline = Dateline {
        kind,
        text: c[..text_end].iter().collect(),
        source,
        place,
        date,
        credits: Vec::new(),
    };
    // A credit in brackets right after the marker: `本报讯（记者 张三）`.
    if matches!(c.get(i), Some('（' | '(')) {
        let close = c[i + 1..]
            .iter()
            .position(|&x| x == '）' || x == ')')
            .map(|p| p + i + 1);
        if let Some(close) = close {
            let inner: String = c[i + 1..close].iter().collect();
            let list = credits::parse(&inner);
            // A bare name before a colon is a programme (`央视网消息（新闻联播）：`); a credit
            // names a role or an organisation or has no colon after it.
            let named = list.as_ref().is_some_and(|l| {
                l.iter()
                    .any(|c| c.role.is_some() || c.organisation.is_some())
            });
            let colon = matches!(c.get(close + 1), Some('：' | ':'));
            if let Some(list) = list.filter(|_| named || !colon) {
                dateline.credits = list;
                i = close + 1;
            } else if programme(&inner) && colon {
                // A programme named in brackets belongs to the dateline with its colon:
                // `央视网消息（新闻联播）：`.
                dateline.text = format!("{}（{inner}）：", dateline.text);
                i = close + 2;
            }
        }
    }
    // The separator: spaces, or a colon that belongs to the dateline (`央视网消息：`).
    if matches!(c.get(i), Some('：' | ':')) && dateline.credits.is_empty() {
        dateline.text.push('：');
        i += 1;
    }
    while c.get(i).is_some_and(|&x| is_space(x)) {
        i += 1;
    }
    if dateline.date.is_none() {
        dateline.date = date_at(&c[i..]).map(|n| c[i..i + n].iter().collect());
    }
    Some(Found {
        dateline,
        consumed: i,
    })
}

/// A programme or column name in brackets: a short run of Han, letters and digits.
fn programme(inner: &str) -> bool {
    let n = inner.chars().count();
    (2..=12).contains(&n)
        && inner
            .chars()
            .all(|x| is_han(x) || x.is_ascii_alphanumeric() || x == '·')
}

type Parts = (DatelineKind, usize, String, Option<String>, Option<String>);

fn bracketed(c: &[char]) -> Option<Parts> {
    let close = c.iter().take(22).position(|&x| x == '】')?;
    let inner: String = c[1..close].iter().collect();
    let plain = !inner.is_empty()
        && inner
            .chars()
            .all(|x| is_han(x) || x.is_ascii_alphanumeric());
    plain.then(|| (DatelineKind::Bracketed, close + 1, inner, None, None))
}

/// A wire dateline in brackets, as Taiwan's agency prints it: `（中央社記者王五台北1日電）`.
fn wire_in_brackets(c: &[char]) -> Option<Parts> {
    let close = c
        .iter()
        .take(MAX_PREFIX + 2)
        .position(|&x| x == '）' || x == ')')?;
    let (kind, end, source, place, date) = marked(&c[1..close])?;
    (kind == DatelineKind::Dian && end == close - 1).then_some((
        kind,
        close + 1,
        source,
        place,
        date,
    ))
}

/// `…讯`, `…电`, `…消息` after a run of Han (and, for wires, a date), followed by a separator.
fn marked(c: &[char]) -> Option<Parts> {
    for p in 2..c.len().min(MAX_PREFIX) {
        let prefix = &c[..p];
        if !prefix.iter().all(|&x| is_han(x) || x.is_ascii_digit()) {
            return None;
        }
        let (kind, len) = match (c[p], c.get(p + 1)) {
            ('讯' | '訊', _) => (DatelineKind::Xun, 1),
            ('电' | '電', _) => (DatelineKind::Dian, 1),
            ('消', Some('息')) => (DatelineKind::Xiaoxi, 2),
            // A medium's name alone, then a space or a colon: `北京新浪網 `, `人民网：`.
            ('网' | '網', Some(&x)) if p >= 2 && (is_space(x) || matches!(x, '：' | ':')) => {
                let source: String = c[..=p].iter().collect();
                return prefix_is_han(&c[..p]).then_some((
                    DatelineKind::Xiaoxi,
                    p + 1,
                    source,
                    None,
                    None,
                ));
            }
            _ => continue,
        };
        let end = p + len;
        let next = c.get(end).copied();
        let separated = match next {
            None => true,
            Some(x) => is_space(x) || matches!(x, '（' | '(' | '：' | ':' | '，' | ','),
        };
        // `讯` may be followed directly by the date: `东昌府讯9月1日`.
        let date_follows = kind == DatelineKind::Xun && date_at(&c[end..]).is_some();
        if !(separated || date_follows) {
            continue;
        }
        let text_end = end;
        let parts = match kind {
            DatelineKind::Dian => wire(prefix)?,
            _ => {
                if !prefix_is_han(prefix) {
                    return None;
                }
                (prefix.iter().collect(), None, None)
            }
        };
        return Some((kind, text_end, parts.0, parts.1, parts.2));
    }
    None
}

fn prefix_is_han(prefix: &[char]) -> bool {
    prefix.iter().all(|&x| is_han(x))
}

/// `新华社北京1月17日` → source `新华社`, place `北京`, date `1月17日`; `中央社記者王五台北1日`
/// → source `中央社`, date `1日`, and no place: the reporter's name and the place run together
/// and no rule tells them apart, so the printed text keeps both and neither field guesses.
fn wire(prefix: &[char]) -> Option<(String, Option<String>, Option<String>)> {
    let han_end = prefix
        .iter()
        .position(|x| x.is_ascii_digit())
        .unwrap_or(prefix.len());
    let date = if han_end < prefix.len() {
        let tail = &prefix[han_end..];
        let n = date_at(tail).or_else(|| day_at(tail))?;
        (n == tail.len()).then(|| tail.iter().collect::<String>())?
    } else {
        String::new()
    };
    let han = &prefix[..han_end];
    if !han.iter().all(|&x| is_han(x)) || han.len() < 2 {
        return None;
    }
    let split = han
        .iter()
        .position(|x| matches!(x, '社' | '网' | '台' | '报'))
        .map(|i| i + 1)
        .unwrap_or(han.len());
    let source: String = han[..split].iter().collect();
    let rest = &han[split..];
    let reporter = rest.starts_with(&['记', '者']) || rest.starts_with(&['記', '者']);
    let place: String = if reporter {
        String::new()
    } else {
        rest.iter().collect()
    };
    // A bare `…电` with neither place nor date is a word (`来电`), not a wire dateline.
    if place.is_empty()
        && !reporter
        && date.is_empty()
        && split == han.len()
        && !source.ends_with(['社', '网', '台', '报'])
    {
        return None;
    }
    Some((
        source,
        (!place.is_empty()).then_some(place),
        (!date.is_empty()).then_some(date),
    ))
}

/// Length in characters of a day-only wire date `D日` (`台北1日電`) at the start of `c`.
fn day_at(c: &[char]) -> Option<usize> {
    let d = c.iter().take_while(|x| x.is_ascii_digit()).count();
    ((1..=2).contains(&d) && c.get(d) == Some(&'日')).then_some(d + 1)
}

/// Length in characters of a `M月D日` date at the start of `c`.
fn date_at(c: &[char]) -> Option<usize> {
    let digits = |from: usize| c[from..].iter().take_while(|x| x.is_ascii_digit()).count();
    let m = digits(0);
    if !(1..=2).contains(&m) || c.get(m) != Some(&'月') {
        return None;
    }
    let d = digits(m + 1);
    if !(1..=2).contains(&d) || c.get(m + 1 + d) != Some(&'日') {
        return None;
    }
    Some(m + d + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_report_with_date_in_text() {
        let f = detect("东昌府讯 9月1日,制造业强市").unwrap();
        assert_eq!(f.dateline.kind, DatelineKind::Xun);
        assert_eq!(f.dateline.text, "东昌府讯");
        assert_eq!(f.dateline.source, "东昌府");
        assert_eq!(f.dateline.date.as_deref(), Some("9月1日"));
        assert_eq!(f.consumed, 5);
    }

    #[test]
    fn not_datelines() {
        assert_eq!(detect("通讯员王五报道"), None);
        assert_eq!(detect("热线电话12345"), None);
        assert_eq!(detect("会议指出，要加强"), None);
    }
}

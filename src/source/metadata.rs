//! Document metadata: what the user gave (front matter, then flags), and sensible values for
//! the rest. The derivation rules are documented in README ("Metadata").

use std::path::Path;

use crate::Error;
use crate::model::{Article, DatelineKind, IssueDate, Metadata};

use super::frontmatter::MetaOverrides;

/// Whether `tag` is a well-formed BCP 47 language tag (RFC 5646 §2.1, the syntax, not the
/// registry): a primary language of 2–3 letters (or 4–8, reserved and registered ones) or
/// private use `x-…`; then subtags of 1–8 letters or digits, where a script is 4 letters, a
/// region 2 letters or 3 digits, a variant 5–8 characters or a digit and 3 more, and a
/// singleton opens an extension. It is written into every format's language attribute
/// (`xml:lang`, `w:lang`, the PDF catalogue), so a malformed one makes invalid files.
pub fn is_language_tag(tag: &str) -> bool {
    if tag.is_empty() || tag.len() > 64 {
        return false;
    }
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    let alnum =
        |p: &str| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric());
    if first.eq_ignore_ascii_case("x") {
        let rest: Vec<&str> = parts.collect();
        return !rest.is_empty() && rest.iter().all(|p| alnum(p));
    }
    if !(2..=8).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    // After a singleton (an extension or private use) any 1–8 character subtags follow.
    let mut after_singleton = false;
    let mut pending_singleton = false;
    for p in parts {
        if !alnum(p) {
            return false;
        }
        if p.len() == 1 {
            if pending_singleton {
                return false;
            }
            after_singleton = true;
            pending_singleton = true;
            continue;
        }
        pending_singleton = false;
        if after_singleton {
            continue;
        }
        let letters = p.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = p.bytes().all(|b| b.is_ascii_digit());
        let ok = match p.len() {
            2 => letters,                                     // region
            3 => letters || digits,                           // extlang or UN M.49 region
            4 => letters || p.as_bytes()[0].is_ascii_digit(), // script or variant
            _ => true,                                        // variant, 5–8
        };
        if !ok {
            return false;
        }
    }
    !pending_singleton
}

/// The one-line complaint about a malformed language tag.
pub fn language_message(tag: &str) -> String {
    format!("language {tag:?} is not a language tag such as zh-CN, zh-Hant-TW or en")
}

/// Fills the metadata. `stem` is the input file's name without extension, when there is a file.
pub fn derive(
    given: &MetaOverrides,
    issue_title: Option<&str>,
    articles: &[Article],
    stem: Option<&str>,
    path: &Path,
) -> Result<Metadata, Error> {
    let bad = |message: String| Error::Metadata {
        path: path.to_path_buf(),
        line: None,
        message,
    };
    let date = match &given.date {
        Some(d) => Some(parse_date(d).ok_or_else(|| {
            bad(format!(
                "date {d:?} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
            ))
        })?),
        None => date_from(stem, articles),
    };
    let language = given.language.clone().unwrap_or_else(|| "zh-CN".into());
    if !is_language_tag(&language) {
        return Err(bad(language_message(&language)));
    }
    // No title is invented: a file name (`01_tainan_press_zh-Hant`) or a single headline is
    // not a masthead. Formats that must have a title take the first headline themselves.
    let title = given
        .title
        .clone()
        .or_else(|| issue_title.map(str::to_string))
        .or_else(|| local_news_title(articles));
    if title.as_deref().is_some_and(super::sanitize::is_blank) {
        return Err(bad("title must not be empty".to_string()));
    }
    let publisher = given
        .publisher
        .clone()
        .or_else(|| common_organisation(articles));
    let first_headline = articles.iter().find_map(|a| {
        a.headline
            .headline
            .as_deref()
            .or(a.headline.kicker.as_deref())
    });
    let iso = date.map(|d| d.iso()).unwrap_or_default();
    let identifier = given.identifier.clone().unwrap_or_else(|| {
        derived_identifier(&[
            title.as_deref().or(first_headline).unwrap_or(""),
            publisher.as_deref().unwrap_or(""),
            &iso,
        ])
    });
    if super::sanitize::is_blank(&identifier) {
        return Err(bad("identifier must not be empty".to_string()));
    }
    Ok(Metadata {
        title,
        publisher,
        date,
        language,
        identifier,
    })
}

/// `2022-09-01`, `2022-09`, `2022`, `2022年9月1日`, `2022/9/1` → the date (one parser,
/// [`IssueDate::parse`], for front matter, flags and JSON models).
pub fn parse_date(s: &str) -> Option<IssueDate> {
    IssueDate::parse(s)
}

/// The year (and month, and day) in the file name, completed from the articles' dates: a file
/// `dongchangfu-2022-09.md` whose latest September dateline says `9月1日` is dated 2022-09-01.
/// Never invents a year.
fn date_from(stem: Option<&str>, articles: &[Article]) -> Option<IssueDate> {
    let (year, month, day) = stem_date(stem?)?;
    if day.is_some() {
        return parse_date(&format!("{year}-{}-{}", month?, day?));
    }
    let dated: Vec<(u32, u32)> = articles
        .iter()
        .filter_map(|a| a.dateline.as_ref()?.date.as_deref())
        .filter_map(|d| {
            let (m, d) = d.trim_end_matches('日').split_once('月')?;
            Some((m.parse().ok()?, d.parse().ok()?))
        })
        .filter(|&(m, _)| month.is_none_or(|month| m == month))
        .collect();
    match dated.iter().max() {
        Some(&(m, d)) => parse_date(&format!("{year}-{m}-{d}")),
        None => parse_date(&match month {
            Some(m) => format!("{year}-{m}"),
            None => year.to_string(),
        }),
    }
}

/// Finds `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYYMMDD` in a file name.
fn stem_date(stem: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let c: Vec<char> = stem.chars().collect();
    let mut i = 0;
    while i < c.len() {
        let run = c[i..].iter().take_while(|x| x.is_ascii_digit()).count();
        let starts_clean = i == 0 || !c[i - 1].is_ascii_digit();
        if starts_clean && (run == 4 || run == 8) {
            let s: String = c[i..i + run].iter().collect();
            let year: u32 = s[..4].parse().ok()?;
            if !(1900..=2199).contains(&year) {
                i += run;
                continue;
            }
            if run == 8 {
                return Some((year, s[4..6].parse().ok(), s[6..8].parse().ok()));
            }
            let mut rest = c[i + 4..].iter().peekable();
            let mut fields = Vec::new();
            while fields.len() < 2 && rest.next_if(|x| matches!(x, '-' | '_' | '.')).is_some() {
                let digits: String =
                    std::iter::from_fn(|| rest.next_if(|x| x.is_ascii_digit())).collect();
                match digits.len() {
                    1 | 2 => fields.push(digits.parse::<u32>().ok()?),
                    _ => break,
                }
            }
            let month = fields.first().copied().filter(|m| (1..=12).contains(m));
            let day = month.and(fields.get(1).copied());
            return Some((year, month, day));
        }
        i += run.max(1);
    }
    None
}

/// A local bulletin whose every article is datelined from the same place (`东昌府讯`) is that
/// place's news: `东昌府新闻`. Own-paper (`本报讯`) and wire datelines name no place to use,
/// a medium (`新京报讯`) is not a place, and one article is a story, not a bulletin.
fn local_news_title(articles: &[Article]) -> Option<String> {
    if articles.len() < 2 {
        return None;
    }
    let mut sources = articles.iter().map(|a| {
        let d = a.dateline.as_ref()?;
        (d.kind == DatelineKind::Xun && !names_a_medium(&d.source)).then_some(d.source.as_str())
    });
    let first = sources.next()??;
    sources
        .all(|s| s == Some(first))
        .then(|| format!("{first}新闻"))
}

/// A source that names a medium or the paper itself (`本报`, `新京报`, `人民网`, `中央社`,
/// `本台`) rather than a place.
fn names_a_medium(source: &str) -> bool {
    source.starts_with('本') || source.ends_with(['报', '報', '网', '網', '社', '台', '臺'])
}

/// The organisation every byline names, when they all name the same one; `本报` (the paper
/// itself) names no publisher.
fn common_organisation(articles: &[Article]) -> Option<String> {
    let mut orgs = articles.iter().filter_map(|a| a.byline.as_ref()).map(|b| {
        b.credits
            .iter()
            .find_map(|c| c.organisation.clone())
            .filter(|o| !o.starts_with('本'))
    });
    let first = orgs.next()??;
    orgs.all(|o| o.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// A name-based UUID (version 8, RFC 9562) from the metadata, so the same issue always gets
/// the same identifier without anyone keeping a register.
fn derived_identifier(parts: &[&str]) -> String {
    // Two FNV-1a 64-bit hashes with different offsets make 128 bits; this is an identifier,
    // not a security measure.
    let hash = |seed: u64| {
        let mut h = seed;
        for (i, p) in parts.iter().enumerate() {
            for b in p.bytes().chain([0x1f, i as u8]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x100_0000_01b3);
            }
        }
        h
    };
    let hi = hash(0xcbf2_9ce4_8422_2325);
    let lo = hash(0x6c62_272e_07bb_0142);
    let mut b = [0u8; 16];
    b[..8].copy_from_slice(&hi.to_be_bytes());
    b[8..].copy_from_slice(&lo.to_be_bytes());
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_checked_by_their_syntax() {
        for good in [
            "zh",
            "zh-CN",
            "zh-Hans",
            "zh-Hant-TW",
            "zh-Hant-HK",
            "yue-Hant-HK",
            "zh-cmn-Hans-CN",
            "ug-Arab-CN",
            "bo",
            "en",
            "en-GB-oxendict",
            "zh-419",
            "de-CH-1996",
            "x-private",
            "zh-CN-u-nu-hanidec",
            "zh-CN-x-paiban",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "zh_CN",
            "zh-",
            "-zh",
            "z",
            "123",
            "zh--CN",
            "zh-CN\u{0}",
            "中文",
            "zh CN",
            "zh-toolongsubtag",
            "zh-C1",
            "zh-Han1",
            "zh-u",
            "zh-u-x-a",
            "x",
            "zh-CN-",
            "<script>",
        ] {
            assert!(!is_language_tag(bad), "{bad:?}");
        }
        assert!(!is_language_tag(&"zh-".repeat(30)));
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2022-09-01").map(|d| d.iso()).as_deref(),
            Some("2022-09-01")
        );
        assert_eq!(
            parse_date("2022年9月1日").map(|d| d.iso()).as_deref(),
            Some("2022-09-01")
        );
        assert_eq!(
            parse_date("2022-9").map(|d| d.iso()).as_deref(),
            Some("2022-09")
        );
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(
            stem_date("dongchangfu-2022-09"),
            Some((2022, Some(9), None))
        );
        assert_eq!(stem_date("news_20220901"), Some((2022, Some(9), Some(1))));
        assert_eq!(stem_date("issue-12"), None);
    }

    #[test]
    fn identifier_is_stable_and_distinct() {
        let a = derived_identifier(&["东昌府新闻", "融媒体中心", "2022-09-01"]);
        assert_eq!(
            a,
            derived_identifier(&["东昌府新闻", "融媒体中心", "2022-09-01"])
        );
        assert_ne!(
            a,
            derived_identifier(&["东昌府新闻", "融媒体中心", "2022-09-02"])
        );
        assert!(a.starts_with("urn:uuid:") && a.len() == 45, "{a}");
        assert_eq!(&a[23..24], "8");
    }
}

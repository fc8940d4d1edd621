//! Which Chinese script a text is written in: Simplified (mainland, Singapore) or Traditional
//! (Taiwan, Hong Kong, Macau, many overseas papers), from the characters only one of the two
//! writes (`这` against `這`, `报` against `報`). Characters both scripts share (`者`, `的`)
//! say nothing.
//!
//! The tables (`script/simplified.txt`, 3,804 characters, and `script/traditional.txt`, 4,093)
//! are derived from OpenCC's STCharacters.txt and TSCharacters.txt (Apache License 2.0): a
//! character belongs to one script when it converts to other characters only and no character
//! of the other script converts to it. To regenerate, read each table as `char<TAB>targets`
//! and keep `c` where `c` is not among its own targets and is not a key of the other table.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A Chinese script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Simplified,
    Traditional,
}

/// How many characters of a text belong to one script only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCount {
    pub simplified: usize,
    pub traditional: usize,
}

/// A minority of at least this share of the script-specific characters (and at least
/// [`MIXED_MIN`] of them) makes a text mixed: a Traditional quotation in a mainland story, a
/// Hong Kong paper quoting a mainland notice, or two files pasted into one.
const MIXED_SHARE: f64 = 0.1;
const MIXED_MIN: usize = 5;

impl ScriptCount {
    /// Counts the characters of `texts`.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let (s, t) = tables();
        let mut count = ScriptCount::default();
        for c in texts.into_iter().flat_map(str::chars) {
            if s.contains(&c) {
                count.simplified += 1;
            } else if t.contains(&c) {
                count.traditional += 1;
            }
        }
        count
    }

    /// The script most of the script-specific characters belong to; `None` when there are
    /// none (or as many of each).
    pub fn majority(&self) -> Option<Script> {
        use std::cmp::Ordering::*;
        match self.simplified.cmp(&self.traditional) {
            Greater => Some(Script::Simplified),
            Less => Some(Script::Traditional),
            Equal => None,
        }
    }

    /// Whether the minority script is large enough to be more than a stray character.
    pub fn is_mixed(&self) -> bool {
        let minority = self.simplified.min(self.traditional);
        let total = self.simplified + self.traditional;
        minority >= MIXED_MIN && minority as f64 >= MIXED_SHARE * total as f64
    }
}

impl Script {
    /// Whether a BCP 47 tag names this script's Chinese: `zh-Hant…`, `zh-TW`, `zh-HK` and
    /// `zh-MO` are Traditional unless they say `Hans`; other `zh` tags are Simplified. `None`
    /// for a tag that is not Chinese.
    pub fn of_tag(tag: &str) -> Option<Script> {
        let subtags: Vec<String> = tag.split(['-', '_']).map(str::to_ascii_lowercase).collect();
        if subtags.first().is_none_or(|l| l != "zh") {
            return None;
        }
        let has = |s: &str| subtags.iter().skip(1).any(|t| t == s);
        let traditional = !has("hans") && (has("hant") || has("tw") || has("hk") || has("mo"));
        Some(if traditional {
            Script::Traditional
        } else {
            Script::Simplified
        })
    }

    /// The tag a text of this script gets when nothing names one.
    pub fn default_tag(self) -> &'static str {
        match self {
            Script::Simplified => "zh-CN",
            Script::Traditional => "zh-Hant",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Script::Simplified => "Simplified",
            Script::Traditional => "Traditional",
        }
    }
}

fn tables() -> &'static (HashSet<char>, HashSet<char>) {
    static TABLES: OnceLock<(HashSet<char>, HashSet<char>)> = OnceLock::new();
    TABLES.get_or_init(|| {
        let read = |text: &str| -> HashSet<char> {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::chars)
                .collect()
        };
        (
            read(include_str!("script/simplified.txt")),
            read(include_str!("script/traditional.txt")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_the_opencc_sizes_and_do_not_overlap() {
        let (s, t) = tables();
        assert_eq!((s.len(), t.len()), (3804, 4093));
        assert!(s.is_disjoint(t));
    }

    #[test]
    fn counts_and_majority() {
        let mainland = ScriptCount::of(["本报讯 这是一条关于东昌府区的新闻。"]);
        assert_eq!(mainland.majority(), Some(Script::Simplified));
        let taipei = ScriptCount::of(["本報訊 這是一則關於臺南市的新聞，「記者」報導。"]);
        assert_eq!(taipei.majority(), Some(Script::Traditional));
        assert!(!taipei.is_mixed());
        // Shared characters only.
        assert_eq!(ScriptCount::of(["中文的日子"]).majority(), None);
        let both = ScriptCount::of(["这里说们为报讯记", "這裡說們為報訊記"]);
        assert!(both.is_mixed(), "{both:?}");
    }

    #[test]
    fn tags() {
        assert_eq!(Script::of_tag("zh-CN"), Some(Script::Simplified));
        assert_eq!(Script::of_tag("zh-Hans-HK"), Some(Script::Simplified));
        assert_eq!(Script::of_tag("zh-TW"), Some(Script::Traditional));
        assert_eq!(Script::of_tag("zh-hant"), Some(Script::Traditional));
        assert_eq!(Script::of_tag("en"), None);
    }
}

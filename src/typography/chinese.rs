//! Chinese layout rules a template chooses (docs/typography.md §3–§5) and the language they follow.

use serde::{Deserialize, Serialize};

use super::units::Em;

/// The text language. It is written into every output (`/Lang`, `w:lang`, `xml:lang`) so readers
/// and reading systems pick Chinese fonts and rules, and it picks the punctuation default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Mainland, simplified.
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// Taiwan, traditional.
    #[serde(rename = "zh-TW")]
    ZhTw,
    /// Hong Kong, traditional.
    #[serde(rename = "zh-HK")]
    ZhHk,
}

impl Language {
    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Language::ZhCn => "zh-CN",
            Language::ZhTw => "zh-TW",
            Language::ZhHk => "zh-HK",
        }
    }

    /// The punctuation style a template gets when it sets the language but not the style:
    /// mainland text puts 。，、 in the lower left of the em box (GB/T 15834); Taiwan and Hong
    /// Kong centre them (clreq §punctuation_marks), so those languages default to `centred`.
    pub fn default_punctuation(self) -> PunctuationStyle {
        match self {
            Language::ZhCn => PunctuationStyle::Quanjiao,
            Language::ZhTw | Language::ZhHk => PunctuationStyle::Centred,
        }
    }
}

/// Width and placement of Chinese punctuation (docs/typography.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PunctuationStyle {
    /// 全角: every mark takes 1 em, compressed only by the §4 rules (GB and ctex default).
    Quanjiao,
    /// 开明: sentence-ending marks `。？！` keep 1 em, the others (`，、；：`, brackets, quotes)
    /// take ½ em (xeCJK's `kaiming`), a denser book style.
    Kaiming,
    /// Centred in a full em box, as Taiwan and Hong Kong set them; no compression of `，。`.
    Centred,
}

/// Whether digits inside dates (`9月1日`) get the Han–Latin gap. Newspapers set them tight
/// (docs/typography.md §5, house choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateDigits {
    Tight,
    Spaced,
}

/// How strictly line-break prohibitions (禁则) are applied; the names match CSS `line-break`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kinsoku {
    /// The full GB-style set of docs/typography.md §3.
    Strict,
    /// §3 without the connectors `—～` and the solidus.
    Normal,
    /// Only sentence punctuation and closing brackets/quotes are held back.
    Loose,
}

const CLOSING: &str = "”’）》〉」』】〕〗)]}";
const OPENING: &str = "“‘（《〈「『【〔〖([{";
const SENTENCE: &str = "、，。：；！？,.:;!?";

impl Kinsoku {
    /// Characters that may not begin a line. DOCX writes this as `w:noLineBreaksBefore`.
    pub fn not_at_line_start(self) -> String {
        let mut s = format!("{SENTENCE}{CLOSING}");
        if self != Kinsoku::Loose {
            s.push_str("·…");
        }
        if self == Kinsoku::Strict {
            s.push_str("—～/");
        }
        s
    }

    /// Characters that may not end a line. DOCX writes this as `w:noLineBreaksAfter`.
    pub fn not_at_line_end(self) -> String {
        let mut s = OPENING.to_owned();
        if self == Kinsoku::Strict {
            s.push('/');
        }
        s
    }
}

/// The Chinese-specific rules of a template.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChineseRules {
    pub punctuation: PunctuationStyle,
    /// Gap between Han and Latin letters/digits in em (clreq: ¼ em); 0 or `"none"` for none.
    pub han_latin_gap: Em,
    pub date_digits: DateDigits,
    pub kinsoku: Kinsoku,
}

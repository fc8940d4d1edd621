//! `word/settings.xml`: font embedding, Chinese line-breaking rules (kinsoku sets from the
//! template), punctuation compression, and the East Asian theme language.

use super::metrics::Metrics;
use super::xml::Xml;
use super::{Lang, NS_W};
use crate::typography::{PunctuationStyle, Template};

pub(super) fn write(t: &Template, lang: &Lang, fonts_embedded: bool) -> Vec<u8> {
    let m = Metrics { t };
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", NS_W)]);
    // CT_Settings is a sequence: the elements below are in its order.
    x.empty("w:zoom", &[("w:percent", "100")]);
    if fonts_embedded {
        x.empty("w:embedTrueTypeFonts", &[]);
        // The embedded faces are subsets: Word keeps them subset when it saves.
        x.empty("w:saveSubsetFonts", &[]);
    }
    // Tab stops every two body characters (the 2-em indent).
    x.val("w:defaultTabStop", &(2 * m.body_char_twips()).to_string());
    // 标点挤压 (docs/typography.md §4). Centred punctuation (Taiwan, Hong Kong) is not compressed.
    let compress = match t.chinese.punctuation {
        PunctuationStyle::Centred => "doNotCompress",
        PunctuationStyle::Quanjiao | PunctuationStyle::Kaiming => "compressPunctuation",
    };
    x.val("w:characterSpacingControl", compress);
    // 禁则 (docs/typography.md §3) as custom kinsoku sets for the document's East Asian language.
    let k = t.chinese.kinsoku;
    x.empty(
        "w:noLineBreaksAfter",
        &[
            ("w:lang", &lang.east_asian),
            ("w:val", &k.not_at_line_end()),
        ],
    );
    x.empty(
        "w:noLineBreaksBefore",
        &[
            ("w:lang", &lang.east_asian),
            ("w:val", &k.not_at_line_start()),
        ],
    );
    x.open("w:compat", &[]);
    // Do not bypass the East Asian layout code (kinsoku, compression, autospace) even where
    // Word runs without an East Asian language enabled.
    x.empty("w:useFELayout", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.empty(
        "w:themeFontLang",
        &[("w:val", &lang.latin), ("w:eastAsia", &lang.east_asian)],
    );
    x.val("w:decimalSymbol", ".");
    x.val("w:listSeparator", ",");
    x.close("w:settings");
    x.finish()
}

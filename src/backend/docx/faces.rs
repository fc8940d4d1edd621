//! Which font family draws each role, and which characters each family draws (the subset an
//! embedded font must hold).
//!
//! Every run names one family in all of `w:rFonts`' slots (`ascii`, `hAnsi`, `eastAsia`, `cs`),
//! so a character's face never depends on Word's script classification; the bundled faces
//! cover Latin as well as Han.

use std::collections::{BTreeMap, BTreeSet};

use crate::fonts::bundled::{SANS_BOLD_FAMILY as SANS_FAMILY, SERIF_FAMILY};
use crate::typography::FontRef;

/// The family a template font reference names (the mapping every writer shares).
pub(super) fn family(font: &FontRef) -> &str {
    crate::fonts::family_of(font)
}

/// Whether the family is one of the bundled ones (and so can be embedded).
pub(super) fn is_bundled(family: &str) -> bool {
    family == SERIF_FAMILY || family == SANS_FAMILY
}

/// Generic font family for `fontTable.xml` (`w:family`), which Word uses to pick a fallback.
pub(super) fn generic(family: &str) -> &'static str {
    match family {
        SERIF_FAMILY => "roman",
        SANS_FAMILY => "swiss",
        _ => "auto",
    }
}

/// Characters written in each family, collected while the parts are written.
#[derive(Debug, Default)]
pub(super) struct Usage {
    chars: BTreeMap<String, BTreeSet<char>>,
}

impl Usage {
    pub fn add(&mut self, family: &str, text: &str) {
        let set = match self.chars.get_mut(family) {
            Some(set) => set,
            None => self.chars.entry(family.to_owned()).or_default(),
        };
        set.extend(text.chars().filter(|c| !c.is_control()));
    }

    /// Families in use, in name order (the order of `fontTable.xml`).
    pub fn families(&self) -> impl Iterator<Item = (&str, &BTreeSet<char>)> {
        self.chars.iter().map(|(f, c)| (f.as_str(), c))
    }
}

/// Characters Word must draw with the East Asian face although they are not Han: East Asian
/// width "ambiguous" punctuation that a Latin font would set half-width (docs/typography.md §1; the
/// list typst forces onto the CJK font). Runs containing one get `w:hint="eastAsia"`.
pub(super) fn needs_east_asian_hint(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{00B7}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2025}'..='\u{2027}' | '\u{2E3A}'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_for_quotes_dashes_ellipsis_interpunct_only() {
        for s in ["“外脑”", "‘a’", "——", "……", "首善之区·一诺千金", "–"]
        {
            assert!(needs_east_asian_hint(s), "{s}");
        }
        for s in ["东昌府讯", "9月1日，", "\"ascii\"", "a-b"] {
            assert!(!needs_east_asian_hint(s), "{s}");
        }
    }

    #[test]
    fn families() {
        assert_eq!(family(&FontRef::SerifBold), SERIF_FAMILY);
        assert_eq!(family(&FontRef::SansBold), SANS_FAMILY);
        assert_eq!(family(&FontRef::Family("FangSong".into())), "FangSong");
        assert!(!is_bundled("FangSong"));
    }
}

//! `word/numbering.xml`, written only when the document has lists: one bullet and one decimal
//! definition, and one numbering instance per list so each ordered list counts from 1.
//!
//! The level sets the body's first-line indent and no left indent (a level without one would
//! put items at the margin in LibreOffice): the number or bullet stands where a paragraph's first
//! character would, and following lines return to the margin, as Chinese text sets numbered
//! points.

use super::NS_W;
use super::faces::Usage;
use super::props::{Ind, PPr};
use super::xml::Xml;
use crate::plan::ListKind;

/// `lists[i]` is list `i` (numId `i + 1`); `first_line` is the list item role's first-line
/// indent as `(hundredths of a character, twips)`. The markers are the plan's
/// ([`ListKind::word_level_text`]), with nothing after them, so Word and LibreOffice print the
/// same `1．` and `•` as the PDF and the EPUB.
pub(super) fn write(
    lists: &[ListKind],
    first_line: (i64, i64),
    family: &str,
    usage: &mut Usage,
) -> Vec<u8> {
    for kind in [ListKind::Ordered, ListKind::Bullet] {
        usage.add(family, &kind.word_level_text());
    }
    usage.add(family, "0123456789");
    let mut x = Xml::new();
    x.open("w:numbering", &[("xmlns:w", NS_W)]);
    for (id, kind) in [("0", ListKind::Bullet), ("1", ListKind::Ordered)] {
        let ordered = kind == ListKind::Ordered;
        x.open("w:abstractNum", &[("w:abstractNumId", id)]);
        x.val("w:multiLevelType", "singleLevel");
        x.open("w:lvl", &[("w:ilvl", "0")]);
        x.val("w:start", "1");
        if ordered {
            x.val("w:numFmt", "decimal");
        } else {
            x.val("w:numFmt", "bullet");
        }
        x.val("w:suff", "nothing");
        x.val("w:lvlText", &kind.word_level_text());
        x.val("w:lvlJc", "left");
        PPr {
            ind: Some(Ind {
                left: Some((0, 0)),
                first_line: Some(first_line),
                ..Ind::default()
            }),
            ..PPr::default()
        }
        .write(&mut x);
        x.close("w:lvl");
        x.close("w:abstractNum");
    }
    for (i, kind) in lists.iter().enumerate() {
        let ordered = &(*kind == ListKind::Ordered);
        let num = (i + 1).to_string();
        x.open("w:num", &[("w:numId", &num)]);
        x.val("w:abstractNumId", if *ordered { "1" } else { "0" });
        if *ordered {
            x.open("w:lvlOverride", &[("w:ilvl", "0")]);
            x.val("w:startOverride", "1");
            x.close("w:lvlOverride");
        }
        x.close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}

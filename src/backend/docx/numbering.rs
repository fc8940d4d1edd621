//! `word/numbering.xml`, written only when the document has lists: one bullet and one decimal
//! definition, and one numbering instance per list so each ordered list counts from 1.
//!
//! The level sets the body's first-line indent and no left indent (a level without one would
//! put items at the margin in LibreOffice): the number or bullet stands where a paragraph's first
//! character would, and following lines return to the margin, as Chinese text sets numbered
//! points.

use super::NS_W;
use super::faces::Usage;
use super::props::{Ind, PPr, RPr};
use super::xml::Xml;
use crate::plan::{List, ListKind};

/// `lists[i]` is list `i` (numId `i + 1`, abstract numbering `i`); `first_line` is the list item
/// role's first-line indent as `(hundredths of a character, twips)` and `em` its size in twips.
/// The markers are the plan's ([`ListKind::word_level_text`]). An ordered list's number is
/// followed by a tab to the end of the plan's marker box, so every item's text starts at one x
/// (`9．` and `10．` alike), as in the PDF and the EPUB; a bullet carries its own space.
pub(super) fn write(
    lists: &[List],
    first_line: (i64, i64),
    em: f64,
    family: &str,
    usage: &mut Usage,
) -> Vec<u8> {
    // What Word draws: the markers of the lists there are (not `%1`), every digit.
    for list in lists {
        let (marker, separator) = list.kind.marker(1);
        usage.add(family, &marker);
        usage.add(family, separator);
    }
    usage.add(family, "0123456789");
    let mut x = Xml::new();
    x.open("w:numbering", &[("xmlns:w", NS_W)]);
    for (i, list) in lists.iter().enumerate() {
        let ordered = list.kind == ListKind::Ordered;
        x.open("w:abstractNum", &[("w:abstractNumId", &i.to_string())]);
        x.val("w:multiLevelType", "singleLevel");
        x.open("w:lvl", &[("w:ilvl", "0")]);
        x.val("w:start", "1");
        x.val("w:numFmt", if ordered { "decimal" } else { "bullet" });
        let tab = list
            .marker_box_em()
            .map(|b| first_line.1 + (b * em).round() as i64);
        x.val("w:suff", if tab.is_some() { "tab" } else { "nothing" });
        x.val("w:lvlText", &list.kind.word_level_text());
        x.val("w:lvlJc", "left");
        PPr {
            number_tab: tab,
            ind: Some(Ind {
                left: Some((0, 0)),
                first_line: Some(first_line),
                ..Ind::default()
            }),
            ..PPr::default()
        }
        .write(&mut x);
        // The number in the item's own face: without it LibreOffice sets `10．` in its default
        // Latin face, wider than the box, and its tab jumps to the next default stop.
        RPr {
            family: Some(family),
            ..RPr::default()
        }
        .write(&mut x);
        x.close("w:lvl");
        x.close("w:abstractNum");
    }
    for (i, list) in lists.iter().enumerate() {
        x.open("w:num", &[("w:numId", &(i + 1).to_string())]);
        x.val("w:abstractNumId", &i.to_string());
        if list.kind == ListKind::Ordered {
            x.open("w:lvlOverride", &[("w:ilvl", "0")]);
            x.val("w:startOverride", "1");
            x.close("w:lvlOverride");
        }
        x.close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}

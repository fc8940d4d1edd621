//! Right-to-left text (Hebrew; Arabic script, which Uyghur and Kazakh names in Xinjiang news
//! use) inside Chinese text. DOCX and EPUB carry it in reading order and Word and reading apps
//! order it for display themselves; the PDF layout sets it in reading order, left to right,
//! without bidirectional reordering, so its words read the wrong way on the printed page. Until
//! the layout does bidi, every place that holds such text is reported, so an editor sees it
//! before the bulletin is printed.

use crate::model::{Document, Warning};

/// One warning per text item (headline, paragraph, …) with right-to-left letters.
pub fn report(doc: &Document) -> Vec<Warning> {
    doc.text_items()
        .into_iter()
        .filter_map(|(place, text)| {
            let (start, script) = text
                .char_indices()
                .find_map(|(i, c)| rtl_script(c).map(|s| (i, s)))?;
            // The right-to-left run: its letters and the spaces and marks between them.
            let sample: String = text[start..]
                .chars()
                .take_while(|&c| rtl_script(c).is_some() || c == ' ' || is_mark(c))
                .take(24)
                .collect();
            let sample = sample.trim_end().to_owned();
            Some(Warning::RightToLeft {
                place,
                script,
                sample,
            })
        })
        .collect()
}

/// Combining marks of the right-to-left blocks are in the blocks above; these are the general
/// ones (and the zero-width joiners Arabic text carries).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

/// The right-to-left script of a letter (Unicode bidi class R or AL), by block.
fn rtl_script(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => "Hebrew",
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => "Arabic",
        '\u{0700}'..='\u{074F}' => "Syriac",
        '\u{0780}'..='\u{07BF}' => "Thaana",
        '\u{07C0}'..='\u{07FF}' => "N'Ko",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_by_block() {
        assert_eq!(rtl_script('א'), Some("Hebrew"));
        assert_eq!(rtl_script('ئ'), Some("Arabic"));
        assert_eq!(rtl_script('ۇ'), Some("Arabic"));
        assert_eq!(rtl_script('中'), None);
        assert_eq!(rtl_script('a'), None);
    }
}

//! Where the Han–Latin gap goes (docs/typography.md §5): one rule, which every writer applies
//! itself. CSS `text-autospace` and Word's `autoSpaceDE`/`autoSpaceDN` cannot say "space Latin
//! words and numbers, but not the digits of a date" (LibreOffice and Chromium space `9 月 1 日`),
//! so the DOCX and the EPUB switch automatic spacing off and set each gap this rule finds, as
//! the PDF does.

use super::chinese::DateDigits;
use crate::source::chars::is_han;

/// Letters and digits of Latin (and other alphabetic) text, with the marks that stay inside a
/// word or number (`3.5%`, `COVID-19`, `https://…`): the side of a gap that is not Han.
pub fn is_latin(c: char) -> bool {
    (c.is_alphanumeric() && !is_han(c))
        || matches!(
            c,
            '%' | '.' | ',' | '-' | '\'' | '/' | ':' | '&' | '+' | '#' | '@'
        )
}

/// Characters a date or time is written with after its digits.
pub fn is_date_char(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '时' | '分' | '秒' | '号' | '時' | '點' | '点'
    )
}

/// Whether the Han–Latin gap goes between `before` and `after`, two adjacent characters: one
/// Han, the other Latin, and not (with `date_digits = "tight"`) a digit against a date
/// character, so `9月1日` and `2022年` stay tight while `174位` and `5G网络` get the gap.
pub fn gap_between(before: char, after: char, date_digits: DateDigits) -> bool {
    let han_latin = (is_han(before) && is_latin(after)) || (is_latin(before) && is_han(after));
    if !han_latin {
        return false;
    }
    let date = (before.is_ascii_digit() && is_date_char(after))
        || (is_date_char(before) && after.is_ascii_digit());
    !(date && date_digits == DateDigits::Tight)
}

/// The byte offsets in `text` of the characters a gap follows.
pub fn gaps_after(text: &str, date_digits: DateDigits) -> Vec<usize> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if let Some(&(_, next)) = chars.peek()
            && gap_between(c, next, date_digits)
        {
            out.push(i);
        }
    }
    out
}

/// `text`, which starts at byte `start` of a paragraph whose gaps are `after`
/// ([`gaps_after`] of the whole paragraph), cut into pieces: `(piece, true)` for a character a
/// gap follows, `(piece, false)` for the text between. A run that touches another run's text
/// gets the gap at their seam too. The DOCX and the EPUB write the `true` pieces with the gap.
pub fn pieces<'t>(text: &'t str, start: usize, after: &[usize]) -> Vec<(&'t str, bool)> {
    let end = start + text.len();
    let first = after.partition_point(|&g| g < start);
    let mut out = Vec::new();
    let mut from = 0;
    for &g in after[first..].iter().take_while(|&&g| g < end) {
        let at = g - start;
        let len = text[at..].chars().next().map_or(0, char::len_utf8);
        if at > from {
            out.push((&text[from..at], false));
        }
        out.push((&text[at..at + len], true));
        from = at + len;
    }
    if from < text.len() {
        out.push((&text[from..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_stay_tight_and_other_numbers_and_words_get_the_gap() {
        let at = |t: &str, d| -> Vec<String> {
            gaps_after(t, d)
                .into_iter()
                .map(|i| t[i..].chars().next().unwrap().to_string())
                .collect()
        };
        assert!(at("2022年9月1日", DateDigits::Tight).is_empty());
        assert_eq!(
            at("2022年9月1日", DateDigits::Spaced),
            ["2", "年", "9", "月", "1"]
        );
        assert_eq!(at("由174位专家", DateDigits::Tight), ["由", "4"]);
        assert_eq!(at("5G网络和AI应用", DateDigits::Tight), ["G", "和", "I"]);
        assert!(at("早晨6:30，", DateDigits::Tight).len() == 1);
        assert!(at("COVID-19 疫情", DateDigits::Tight).is_empty());
        assert!(at("“AI”时代", DateDigits::Tight).is_empty());
    }

    #[test]
    fn runs_are_cut_at_their_gaps_including_the_seam_with_the_next_run() {
        // Runs `由174` and `位专家`: gaps after `由` and after `4`, the last char of run one.
        let joined = "由174位专家";
        let after = gaps_after(joined, DateDigits::Tight);
        assert_eq!(
            pieces("由174", 0, &after),
            [("由", true), ("17", false), ("4", true)]
        );
        assert_eq!(pieces("位专家", "由174".len(), &after), [("位专家", false)]);
        assert!(pieces("", 0, &after).is_empty());
    }
}

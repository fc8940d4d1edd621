//! Character classes the reader needs (docs/typography.md §1). Kept in one place so normalisation,
//! dateline detection and checks agree on what "Han" and "Chinese punctuation" mean.

/// A Han ideograph (CJK Unified Ideographs and extensions, compatibility ideographs, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '\u{30000}'..='\u{3134F}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{3007}')
}

/// Chinese (full-width) punctuation, including the ambiguous-width quotes, dashes, ellipsis and
/// interpunct that are Chinese when they stand in Chinese text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{2018}'..='\u{201D}'
        | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}' | '\u{FE30}'..='\u{FE4F}')
}

/// Han or Chinese punctuation: what makes a neighbour "Chinese context".
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Marks that end a sentence or clause so that a paragraph ending in one is complete. A
/// paragraph ending in anything else was cut by a page break (docs/design.md, "Page-break repair").
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '.'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '】'
            | '》'
            | '：'
            | ':'
            | '；'
            | ';'
            | '—'
            | '〕'
            | '〗'
            | '"'
    )
}

/// White space that may separate words or phrases, including U+3000 and no-break spaces.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}'
    )
}

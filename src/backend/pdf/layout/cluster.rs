//! The unit of line layout: a cluster (one character, or a Latin ligature) with its natural
//! advance and what kind of mark it is. Breaking, compression and justification work on these
//! and never look at fonts.

use std::ops::Range;

/// What a cluster is, for spacing and compression (docs/typography.md §4, §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Han,
    /// Latin letters and digits: words that keep their letters together.
    Latin,
    /// A digit right next to a date or time character (`9月1日`), set tight by house style.
    DateDigit,
    /// A word space.
    Space,
    /// Opening quotes and brackets `“ ‘ （ 《 〈 「 『 【 〔 〖`: ink in the right half.
    Open,
    /// Closing quotes and brackets `” ’ ） 》 〉 」 』 】 〕 〗`: ink in the left half.
    Close,
    /// `，、：；`: ink in the left half.
    Pause,
    /// `。！？．`: ink in the left half, squeezed last.
    Stop,
    /// `·`: centred, never compressed.
    Middle,
    /// `—`: half of the unbreakable two-em dash.
    Dash,
    /// `…`: half of the unbreakable ellipsis.
    Ellipsis,
    /// Anything else (symbols, other scripts).
    Other,
}

impl Kind {
    pub fn of(c: char) -> Kind {
        match c {
            '“' | '‘' | '（' | '《' | '〈' | '「' | '『' | '【' | '〔' | '〖' | '〘' => {
                Kind::Open
            }
            '”' | '’' | '）' | '》' | '〉' | '」' | '』' | '】' | '〕' | '〗' | '〙' => {
                Kind::Close
            }
            '，' | '、' | '：' | '；' => Kind::Pause,
            '。' | '！' | '？' | '．' => Kind::Stop,
            '·' | '・' => Kind::Middle,
            '—' | '―' => Kind::Dash,
            '…' => Kind::Ellipsis,
            ' ' | '\u{00A0}' => Kind::Space,
            c if crate::source::chars::is_han(c) => Kind::Han,
            c if c.is_alphanumeric() => Kind::Latin,
            '%' | '.' | ',' | '-' | '\'' | '/' | ':' | '&' | '+' | '#' | '@' => Kind::Latin,
            _ => Kind::Other,
        }
    }

    /// Full-width punctuation whose blank half may be taken away.
    pub fn compressible(self) -> bool {
        matches!(self, Kind::Open | Kind::Close | Kind::Pause | Kind::Stop)
    }

    /// Marks with their blank half on the right (after them).
    pub fn blank_after(self) -> bool {
        matches!(self, Kind::Close | Kind::Pause | Kind::Stop)
    }

    pub fn is_cjk(self) -> bool {
        !matches!(
            self,
            Kind::Latin | Kind::DateDigit | Kind::Space | Kind::Other
        )
    }
}

/// One cluster of a paragraph, as the shaper measured it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Byte range in the paragraph's text.
    pub text: Range<usize>,
    pub kind: Kind,
    /// Natural advance in pt.
    pub advance: f32,
    /// The font size in pt: the em that ½ em compression and gaps are measured in.
    pub em: f32,
    /// A fixed box (the first-line indent): never stretched or squeezed.
    pub fixed: bool,
}

impl Cluster {
    /// A full-width mark whose blank half can go: only when its glyph really is 1 em wide.
    pub fn halvable(&self) -> bool {
        self.kind.compressible() && (self.advance - self.em).abs() <= self.em * 0.06
    }
}

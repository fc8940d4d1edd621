//! Page-independent output of layout: line boxes with what to draw on them, spaces, rules and
//! article marks, in reading order. Pagination (`paginate.rs`) places them on pages.

use crate::fonts::FaceId;
use crate::typography::Role;

/// Something drawn on a line, relative to the line's left edge and baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Glyphs of one face and size, with the text they stand for.
    Run(Run),
    /// An emphasis dot (着重号) centred under a character.
    Dot { x: f32, dy: f32, radius: f32 },
    /// A strikethrough line from `x`, `width` long, `dy` above the baseline.
    Strike {
        x: f32,
        width: f32,
        dy: f32,
        thickness: f32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub size: f32,
    pub text: String,
    /// Per glyph: id, x from the line start, vertical offset (up), and its byte range in `text`.
    pub glyphs: Vec<PlacedGlyph>,
    pub link: Option<String>,
    /// Width of the run's boxes, for link areas.
    pub width: f32,
    /// Drawn slanted (emphasis set as italic): a synthetic oblique, since no CJK face has one.
    pub slant: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub id: u16,
    pub x: f32,
    /// The glyph's own advance (what a PDF reader assumes it occupies).
    pub advance: f32,
    pub dy: f32,
    pub text: std::ops::Range<usize>,
}

/// A laid-out line: its height on the page (the line pitch), where the baseline sits in it,
/// and whether it must stay in the same column as the next line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineBox {
    /// The template role the line is set in (the plan's role of its block).
    pub role: Role,
    pub height: f32,
    pub baseline: f32,
    pub x: f32,
    pub marks: Vec<Mark>,
    pub keep_with_next: bool,
    /// Right edge of the last box, from the line's left edge.
    pub width: f32,
    /// The line is justified to the measure (justified text, not a paragraph's last line).
    pub justified: bool,
    /// The role's measure this line was set to.
    pub measure: f32,
    /// The first line of its paragraph (which may start with any mark the text starts with).
    pub starts_paragraph: bool,
    /// The last line of its paragraph.
    pub ends_paragraph: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    Line(LineBox),
    /// Vertical space; dropped at the top of a column.
    Space(f32),
    /// A horizontal rule across the column, `thickness` pt, in `height` pt of space.
    Rule {
        height: f32,
        thickness: f32,
    },
    /// The next line starts an article: an outline entry points there.
    ArticleStart {
        title: String,
        children: Vec<String>,
    },
    /// The next line starts a new page.
    PageBreak,
}

//! Typography: the one definition of page geometry, type sizes and Chinese layout rules that
//! every backend reads, so the PDF, DOCX and EPUB of an issue look like the same publication and
//! no backend hard-codes a size, margin or font (docs/design.md, "Principles").
//!
//! A [`Template`] comes from TOML: the built-ins in `templates/` (compiled in) or a user file that
//! overlays one of them. Sizes may be points or 字号 names ([`Zihao`]); paper lengths are mm,
//! type lengths pt, indents em ([`units`]). The rules behind the built-in values are in
//! docs/typography.md.
//!
//! House decisions a backend should know:
//! - A user file is a partial overlay: only the keys it sets change; the rest comes from
//!   `newspaper` or from the built-in named by `base = "…"`. Errors name file, line and key.
//! - `language = "zh-TW"`/`"zh-HK"` without an explicit `chinese.punctuation` switches the
//!   punctuation style to `centred` (Taiwan/Hong Kong centre `，。` in the em box, clreq);
//!   `zh-CN` keeps `quanjiao`.
//! - The byline is its own right-aligned paragraph after the body (role `byline`); the dateline
//!   is a run at the start of the first paragraph, so only its font, size and weight apply.
//! - With a character grid, body text (body, dateline, byline) takes the grid's pitches:
//!   use [`Template::body_char_pitch_pt`], [`Template::line_pitch_pt`].

pub mod autospace;
mod builtin;
mod chinese;
mod error;
mod inline;
mod load;
mod page;
mod role;
mod template;
pub mod units;
mod validate;
mod zihao;

pub use chinese::{ChineseRules, DateDigits, Kinsoku, Language, PunctuationStyle};
pub use error::TemplateError;
pub use inline::{Emphasis, Inline};
pub use load::MAX_TEMPLATE_BYTES;
pub use page::{
    Columns, Margins, Page, PageNumberStyle, PageSize, RUNNING_FIELDS, RunningFields, RunningLine,
    RunningPiece,
};
pub use role::{Align, FontRef, LinePitch, Role, RoleStyle, Roles, Spacing, Weight};
pub use template::{Grid, Separation, Template};
pub use units::{Em, Mm, Pt, mm_to_pt, pt_to_half_points, pt_to_mm, pt_to_twips};
pub use zihao::{FontSize, Zihao};

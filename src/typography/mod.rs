//! Typography: the one definition of page geometry, type sizes and Chinese layout rules that
//! every backend reads, so no backend hard-codes a size, margin or font (DESIGN.md).

mod chinese;
mod page;
mod role;
mod template;
pub mod units;
mod zihao;

pub use chinese::{ChineseRules, DateDigits, Kinsoku, Language, PunctuationStyle};
pub use page::{Columns, Margins, Page, PageNumberStyle, PageSize, RUNNING_FIELDS, RunningFields};
pub use role::{Align, FontRef, LinePitch, Role, RoleStyle, Roles, Spacing, Weight};
pub use template::{Grid, Separation, Template};
pub use units::{Em, Mm, Pt, mm_to_pt, pt_to_half_points, pt_to_mm, pt_to_twips};
pub use zihao::{FontSize, Zihao};

//! Typography: the one definition of page geometry, type sizes and Chinese layout rules that
//! every backend reads, so no backend hard-codes a size, margin or font (DESIGN.md).

pub mod units;
mod zihao;

pub use units::{Em, Mm, Pt, mm_to_pt, pt_to_half_points, pt_to_mm, pt_to_twips};
pub use zihao::{FontSize, Zihao};

//! How emphasised and strong text is set: one decision in the template, applied by every format
//! (docs/typography.md §10).

use serde::{Deserialize, Serialize};

use super::role::FontRef;

/// The treatment of inline styles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inline {
    pub emphasis: Emphasis,
    /// The face strong text (`**…**`) is set in, bold: `sans-bold` is the Chinese newspaper
    /// practice (加粗 in Hei); a bold serif face only where one is installed or added.
    pub strong: FontRef,
}

/// How emphasised text (`*…*`) is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Emphasis {
    /// 着重号: a dot under each character (GB/T 15834-2011 §4.14), never slanted Han.
    Dots,
    /// Slanted, for Latin-heavy text; Han characters have no italic and are slanted synthetically.
    Italic,
}

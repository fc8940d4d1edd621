//! What `paiban fonts [FILE]` prints: the faces of a set, and how a text is covered.

use std::fmt;

use super::{CoverageReport, FaceId, FaceInfo, FaceOrigin, FaceRequest, FontSet};

/// One line per face (`paiban fonts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceList {
    pub faces: Vec<(FaceId, FaceInfo)>,
}

/// The faces of `set`, in fallback order.
pub fn list_faces(set: &FontSet) -> FaceList {
    FaceList {
        faces: set.faces().map(|(id, info)| (id, info.clone())).collect(),
    }
}

impl fmt::Display for FaceList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} font faces, in fallback order:", self.faces.len())?;
        for (id, info) in &self.faces {
            let style = if info.italic { " italic" } else { "" };
            let origin = match &info.origin {
                FaceOrigin::Bundled(b) => format!("bundled {} ({})", b.name, b.file_name),
                FaceOrigin::Added(p) => format!("added {}", p.display()),
                FaceOrigin::System(p) => format!("system {}", p.display()),
            };
            let index = if info.index > 0 {
                format!(" #{}", info.index)
            } else {
                String::new()
            };
            writeln!(
                f,
                "  {:>4}  {} {}{style}  {origin}{index}",
                id.index(),
                info.family,
                info.weight
            )?;
        }
        Ok(())
    }
}

/// Coverage of a plain text (`paiban fonts FILE`) with the body face, locations `line N`.
pub fn coverage(set: &FontSet, text: &str) -> CoverageReport {
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (format!("line {}", i + 1), line));
    set.coverage(lines, &FaceRequest::body())
}

//! What `paiban fonts [FILE]` prints: the faces of a set, and how a text is covered.

use std::fmt;

use super::{CoverageReport, FaceId, FaceInfo, FaceOrigin, FaceRequest, FontSet};

/// One line per face (`paiban fonts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceList {
    pub faces: Vec<ListedFace>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFace {
    pub id: FaceId,
    pub info: FaceInfo,
    /// Code points the face maps (reads each face's `cmap`).
    pub code_points: usize,
}

/// The faces of `set`, in fallback order.
pub fn list_faces(set: &FontSet) -> FaceList {
    let faces = set
        .faces()
        .map(|(id, info)| ListedFace {
            id,
            info: info.clone(),
            code_points: set.code_points(id),
        })
        .collect();
    FaceList { faces }
}

impl fmt::Display for FaceList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} font faces, in fallback order:", self.faces.len())?;
        for ListedFace {
            id,
            info,
            code_points,
        } in &self.faces
        {
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
                "  {:>4}  {} {}{style}  {origin}{index}  ({code_points} code points)",
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

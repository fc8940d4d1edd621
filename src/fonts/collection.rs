//! Font files named by `--font` and found under `--font-dir`, checked before fontdb reads them.
//!
//! fontdb trusts a collection header's face count and tries every index: a `.ttc` claiming
//! 4,294,967,295 faces took 72 s (and asked for a 32 GB vector) before failing. A real
//! collection holds a handful of faces (Noto CJK: 10; the largest seen, Sarasa: under 100), and
//! its header lists one 4-byte offset per face, so a count the file cannot hold is a lie.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::FontError;

/// The most faces a collection may hold; more is refused as a broken file.
pub const MAX_COLLECTION_FACES: u32 = 256;

/// Refuses a collection whose header claims more faces than [`MAX_COLLECTION_FACES`] or than
/// its offset table could list in the file's length. Other files pass (fontdb judges them).
pub(crate) fn check(path: &Path) -> Result<(), FontError> {
    let io = |source| FontError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut header = [0u8; 12];
    if file.read_exact(&mut header).is_err() || &header[..4] != b"ttcf" {
        return Ok(());
    }
    let faces = u32::from_be_bytes([header[8], header[9], header[10], header[11]]);
    let room = len.saturating_sub(12) / 4;
    if faces > MAX_COLLECTION_FACES || u64::from(faces) > room {
        return Err(FontError::Collection {
            path: path.to_owned(),
            faces,
        });
    }
    Ok(())
}

/// The font files under `dir` (`.ttf`, `.otf`, `.ttc`, `.otc` in any case), in sub-folders too,
/// sorted by path so the faces' order, and the fallback it decides, does not depend on the
/// order the file system lists them. A folder reached twice through links is walked once.
pub(crate) fn files_under(dir: &Path) -> Result<Vec<PathBuf>, FontError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    walk(dir, &mut seen, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) -> Result<(), FontError> {
    let canonical = std::fs::canonicalize(dir).map_err(|source| FontError::Io {
        path: dir.to_owned(),
        source,
    })?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| FontError::Io {
        path: dir.to_owned(),
        source,
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        // Follows links, as fontdb does; an entry that cannot be read is passed over like a
        // file of another kind (a dangling link in a fonts folder is common).
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, seen, out)?;
        } else if meta.is_file() && is_font_name(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_font_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].contains(&e.to_ascii_lowercase().as_str()))
}

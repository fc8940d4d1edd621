//! Writing output files safely: a temporary file in the target directory renamed into place,
//! so an interrupted run leaves the old file or the new one, never half of one; and never over
//! an input.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Error;

/// Writes `bytes` to `path` atomically. `inputs` are the files this run reads: writing over
/// one of them is refused.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), Error> {
    if is_input(path, inputs) {
        return Err(Error::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    let io = |action, source| Error::Io {
        path: path.to_path_buf(),
        action,
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // No fsync before the rename. The rename is what keeps an interrupted run (a crash, ^C, a
    // full disk) from leaving half a file, and it stays. An fsync adds only durability across a
    // power cut, for 0.3-0.6 ms a file here (a DOCX build takes about 8 ms): the outputs are
    // derived files a rerun recreates, pandoc and typst do not sync theirs either, and when a
    // file is replaced, ext4 (auto_da_alloc, on by default) writes the new data out before it
    // commits the rename anyway.
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io("write", e));
    }
    Ok(())
}

fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let target = std::fs::canonicalize(path).ok();
    inputs.iter().any(|input| {
        input == path || (target.is_some() && std::fs::canonicalize(input).ok() == target)
    })
}

/// Writes `bytes` to standard output and flushes it. A closed pipe (`paiban inspect f | head`)
/// is not an error; any other failure (a full disk, `> /dev/full`) is, so a command never
/// reports success for output that was lost.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: PathBuf::from("standard output"),
            action: "write",
            source: e,
        }),
        _ => Ok(()),
    }
}

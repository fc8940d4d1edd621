//! Writing output files safely: a temporary file in the target directory renamed into place,
//! so an interrupted run leaves the old file or the new one, never half of one; and never over
//! an input.
//!
//! The temporary file is created with `O_CREAT | O_EXCL` under a random name (tempfile), so a
//! file or symbolic link planted under a predictable name is never written through, and the
//! name stays short whatever the output's length (a 250-byte output name is legal; the
//! temporary name must be too). Temporary files of this process are removed when it is
//! interrupted (SIGINT, SIGTERM, SIGHUP: [`remove_temporaries_on_signal`]); those a killed run
//! left behind are removed by the next run in that directory ([`remove_stale_temporaries`]).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::Error;

/// Temporary files start with this and the writing process's id, so a later run can tell
/// whose they are: `.paiban-<pid>-<random>.tmp`.
const TEMPORARY_PREFIX: &str = ".paiban-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// The files a run reads, by identity (device and inode), so an output is refused when it is
/// one of them under any name: another spelling, a symbolic link, a hard link, or the file
/// standard input was redirected from.
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    ids: HashSet<FileId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    fn of(meta: &std::fs::Metadata) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(FileId {
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// What `path` names, through symbolic links.
    fn of_path(path: &Path) -> Option<FileId> {
        FileId::of(&std::fs::metadata(path).ok()?)
    }
}

impl Inputs {
    /// The files at `paths`; `-` stands for standard input.
    pub fn of(paths: &[PathBuf]) -> Inputs {
        let mut inputs = Inputs::default();
        for p in paths {
            inputs.add(p);
        }
        inputs
    }

    /// Adds the file at `path` (`-`: what standard input reads, when that is a file).
    pub fn add(&mut self, path: &Path) {
        let id = if path == Path::new("-") {
            stdin_id()
        } else {
            FileId::of_path(path)
        };
        self.ids.extend(id);
    }

    /// Whether writing to `path` would replace an input, or write through a link to one.
    pub fn contains(&self, path: &Path) -> bool {
        if self.ids.is_empty() {
            return false;
        }
        let linked = FileId::of_path(path);
        let entry = std::fs::symlink_metadata(path)
            .ok()
            .and_then(|m| FileId::of(&m));
        [linked, entry]
            .into_iter()
            .flatten()
            .any(|id| self.ids.contains(&id))
    }
}

/// The file standard input reads from, when it is one (`paiban build - < story.txt`).
fn stdin_id() -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        meta.is_file().then(|| FileId::of(&meta)).flatten()
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Temporary files this process has open, for the signal handler to remove.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Writes `bytes` to `path` atomically. Writing over one of `inputs` is refused.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<(), Error> {
    if inputs.contains(path) {
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
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = format!("{TEMPORARY_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TEMPORARY_SUFFIX)
        .rand_bytes(8);
    // An output is an ordinary file (0666 less the umask), not the 0600 of a temporary file:
    // editors share the bulletin.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Created and registered under the lock the signal handler holds until the process ends:
    // a file created is always registered, and none is created once the handler has run.
    let mut registry = live();
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| io("write", without_path(e)))?;
    let tmp_path = tmp.path().to_path_buf();
    registry.push(tmp_path.clone());
    drop(registry);
    // No fsync before the rename. The rename is what keeps an interrupted run (a crash, ^C, a
    // full disk) from leaving half a file, and it stays. An fsync adds only durability across a
    // power cut, for 0.3-0.6 ms a file here (a DOCX build takes about 8 ms): the outputs are
    // derived files a rerun recreates, pandoc and typst do not sync theirs either, and when a
    // file is replaced, ext4 (auto_da_alloc, on by default) writes the new data out before it
    // commits the rename anyway.
    // Written through the plain file: NamedTempFile's own Write wraps errors with its path.
    let result = tmp
        .as_file_mut()
        .write_all(bytes)
        .and_then(|()| tmp.persist(path).map(drop).map_err(|e| e.error));
    // On failure the temporary file was removed when `tmp` (or the persist error) dropped.
    live().retain(|p| p != &tmp_path);
    result.map_err(|e| io("write", without_path(e)))
}

/// tempfile wraps an error with the temporary file's path ("… at path …/.paiban-….tmp"); the
/// message names the output instead, and the OS error code (ENOSPC, ENOENT) stays readable.
fn without_path(e: std::io::Error) -> std::io::Error {
    let code = e
        .get_ref()
        .and_then(|inner| inner.source())
        .and_then(|source| source.downcast_ref::<std::io::Error>())
        .and_then(std::io::Error::raw_os_error);
    match code {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => e,
    }
}

/// Removes this process's temporary files and exits when the run is interrupted (SIGINT,
/// SIGTERM, SIGHUP), with the shell's code for the signal (128 + its number). Installed once by
/// the CLI; a library user keeps its own signal handling.
pub fn remove_temporaries_on_signal() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // The lock is held to the end: no worker creates a temporary file after this.
                let mut registry = live();
                for p in registry.drain(..) {
                    let _ = std::fs::remove_file(p);
                }
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Removes the temporary files in `dir` that a run which no longer exists left behind (killed
/// with SIGKILL, or a power cut). Files of a live run (its process id still running) are left.
/// Only names of our own form are touched, and a symbolic link is removed, never followed.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_owner) else {
            continue;
        };
        if !process_exists(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name, `.paiban-<pid>-<random>.tmp`.
fn temporary_owner(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix(TEMPORARY_PREFIX)?
        .strip_suffix(TEMPORARY_SUFFIX)?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok()
}

fn process_exists(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    // Where /proc is not there to ask, nothing is taken for stale.
    if !Path::new("/proc/self").exists() {
        return true;
    }
    Path::new("/proc").join(pid.to_string()).exists()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_carry_their_owner() {
        assert_eq!(temporary_owner(".paiban-4242-aB3xY9kQ.tmp"), Some(4242));
        assert_eq!(temporary_owner(".paiban-4242-.tmp"), None);
        assert_eq!(temporary_owner(".issue.pdf.4242.tmp"), None);
        assert_eq!(temporary_owner("paiban-4242-x.tmp"), None);
    }
}

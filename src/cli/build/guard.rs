//! A panic in one file's job is that file's failure, not the run's: the batch goes on, and the
//! summary names the file with the panic's message and place (a bug to report), where an
//! uncaught panic would end every other file's job with exit 101 and no summary.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    /// The last panic on this thread: its message and where it happened.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the hook that records a panic for [`catch`] instead of printing a backtrace note.
/// A panic outside a job (a bug in the run itself) is still printed, as one line.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("internal error (please report it): {message}{place}");
        let inside_job = LAST.with(|last| {
            let mut last = last.borrow_mut();
            let inside = last.is_some();
            *last = Some(text.clone());
            inside
        });
        if !inside_job {
            eprintln!("paiban: {text}");
        }
    }));
}

/// Runs `job`, turning a panic inside it into `Err` with the panic's one-line description.
pub fn catch<T>(job: impl FnOnce() -> T) -> Result<T, String> {
    // A placeholder marks this thread as inside a job, so the hook stays quiet.
    let outer = LAST.with(|last| last.borrow_mut().replace(String::new()));
    let result = panic::catch_unwind(AssertUnwindSafe(job));
    let recorded = LAST.with(|last| std::mem::replace(&mut *last.borrow_mut(), outer));
    result.map_err(|_| {
        recorded
            .filter(|text| !text.is_empty())
            // Raised on a worker thread and resumed here by rayon: that thread's hook call
            // printed nothing (it was inside a job too) and recorded it there.
            .unwrap_or_else(|| "internal error (please report it): a worker panicked".to_owned())
    })
}

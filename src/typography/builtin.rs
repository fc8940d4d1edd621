//! The built-in templates, compiled in so the binary works without its source tree.

/// Built-in names; the first is the default.
pub(crate) const NAMES: &[&str] = &["newspaper", "gongwen", "book"];

/// The TOML text of a built-in.
pub(crate) fn text(name: &str) -> Option<&'static str> {
    Some(match name {
        "newspaper" => include_str!("../../templates/newspaper.toml"),
        "gongwen" => include_str!("../../templates/gongwen.toml"),
        "book" => include_str!("../../templates/book.toml"),
        _ => return None,
    })
}

/// Where a built-in lives in the repository, used as the origin in its error messages.
pub(crate) fn origin(name: &str) -> String {
    format!("templates/{name}.toml")
}

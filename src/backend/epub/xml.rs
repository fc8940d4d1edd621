//! Escaping for everything written into the pages' XHTML, on the packages' one rule
//! ([`crate::backend::xml`]). Every piece of source text goes through here, so raw HTML in the
//! model (`<script>`, `]]>`, `&amp;`) arrives in the EPUB as the visible characters it was,
//! never as markup.

pub(super) use crate::backend::xml::{attr_into, text_into};

/// `text` escaped as character data.
pub(super) fn text(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    text_into(&mut s, text);
    s
}

/// `value` escaped for a double-quoted attribute.
pub(super) fn attr(value: &str) -> String {
    let mut s = String::with_capacity(value.len());
    attr_into(&mut s, value);
    s
}

/// A link target that may appear in `href`: only `http`, `https` and `mailto` (as the reader
/// keeps), with characters a URL may not hold percent-encoded so EPUBCheck's URL parser accepts
/// it. `None` for any other scheme: the text is then written without a link.
pub(super) fn safe_href(target: &str) -> Option<String> {
    let t = target.trim();
    let scheme_end = t.find(':')?;
    let scheme = t[..scheme_end].to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https" | "mailto") {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    for b in t.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            text("<script>alert(1)</script> ]]> &amp; a < b"),
            "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; a &lt; b"
        );
        assert_eq!(attr("a\"b'c\n"), "a&quot;b&apos;c&#10;");
        assert_eq!(text("a\u{1}b\u{FFFE}c"), "abc");
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        assert_eq!(
            safe_href("https://example.com/a b?q=中").as_deref(),
            Some("https://example.com/a%20b?q=%E4%B8%AD")
        );
        assert_eq!(safe_href("mailto:x@y.cn").as_deref(), Some("mailto:x@y.cn"));
        assert_eq!(safe_href("javascript:alert(1)"), None);
        assert_eq!(safe_href("no-scheme"), None);
    }
}

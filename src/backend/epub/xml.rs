//! Escaping for everything written into the package's XML. Every piece of source text goes
//! through here, so raw HTML in the model (`<script>`, `]]>`, `&amp;`) arrives in the EPUB as the
//! visible characters it was, never as markup.

/// Appends `text` as XML character data: `&`, `<` and `>` escaped (`>` too, so `]]>` cannot
/// appear), characters XML 1.0 cannot carry dropped (the reader removes them already; this is
/// the backend's own guarantee).
pub(super) fn text_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// Appends `value` escaped for a double-quoted attribute; white space other than the space is
/// written as a character reference so attribute normalisation keeps it.
pub(super) fn attr_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

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

/// Whether XML 1.0 allows `c` in a document (the `Char` production), leaving out the
/// discouraged C1 controls and non-characters as well.
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || (' '..='~').contains(&c)
        || ('\u{A0}'..='\u{D7FF}').contains(&c)
        || (('\u{E000}'..='\u{10FFFF}').contains(&c)
            && !('\u{FDD0}'..='\u{FDEF}').contains(&c)
            && (c as u32) & 0xFFFE != 0xFFFE)
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
        assert_eq!(attr("a\"b'c\n"), "a&quot;b'c&#10;");
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

//! The one XML writer of the DOCX and EPUB packages, and the one rule for which characters they
//! may carry: a thin layer over quick-xml's writer, where every text and attribute value is
//! escaped by quick-xml and characters XML 1.0 cannot carry are dropped first, so no model text
//! can break a part. The EPUB's pages, written as strings, escape through [`text_into`] and
//! [`attr_into`], on the same rule.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// One XML part being written.
pub(crate) struct Xml {
    w: Writer<Vec<u8>>,
}

/// Attribute list: name and (unescaped) value.
pub(crate) type Attrs<'a> = &'a [(&'a str, &'a str)];

impl Xml {
    /// A new part, starting with `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
    pub fn new() -> Self {
        let mut w = Writer::new(Vec::with_capacity(4096));
        write(
            &mut w,
            Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), Some("yes"))),
        );
        Xml { w }
    }

    /// A new XHTML page: `<?xml version="1.0" encoding="UTF-8"?>` and `<!DOCTYPE html>`; no
    /// white space is added (pages hold mixed content), [`Xml::newline`] puts line breaks
    /// between blocks.
    pub fn page() -> Self {
        let mut w = Writer::new(Vec::with_capacity(8192));
        write(
            &mut w,
            Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)),
        );
        write(&mut w, Event::Text(BytesText::from_escaped("\n")));
        write(&mut w, Event::DocType(BytesText::from_escaped("html")));
        write(&mut w, Event::Text(BytesText::from_escaped("\n")));
        Xml { w }
    }

    /// A line break between elements.
    pub fn newline(&mut self) {
        write(&mut self.w, Event::Text(BytesText::from_escaped("\n")));
    }

    /// A new document for the EPUB's package files: `<?xml version="1.0" encoding="UTF-8"?>`
    /// and one element per line (they hold no mixed content, so the line breaks are not text).
    pub fn lines() -> Self {
        let mut w = Writer::new_with_indent(Vec::with_capacity(4096), b' ', 0);
        write(
            &mut w,
            Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)),
        );
        Xml { w }
    }

    pub fn open(&mut self, name: &str, attrs: Attrs) {
        write(&mut self.w, Event::Start(start(name, attrs)));
    }

    pub fn close(&mut self, name: &str) {
        write(&mut self.w, Event::End(BytesEnd::new(name)));
    }

    /// An empty element `<name a="…"/>`.
    pub fn empty(&mut self, name: &str, attrs: Attrs) {
        write(&mut self.w, Event::Empty(start(name, attrs)));
    }

    /// An empty element with one `w:val`.
    pub fn val(&mut self, name: &str, val: &str) {
        self.empty(name, &[("w:val", val)]);
    }

    pub fn text(&mut self, text: &str) {
        write(&mut self.w, Event::Text(BytesText::new(&xml_chars(text))));
    }

    /// `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: Attrs, text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    pub fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }

    /// The document as a string (it was written from `&str`s only).
    pub fn finish_string(self) -> String {
        let mut bytes = self.finish();
        bytes.push(b'\n');
        String::from_utf8(bytes).expect("written from UTF-8 text")
    }
}

fn start<'a>(name: &'a str, attrs: Attrs<'a>) -> BytesStart<'a> {
    let mut s = BytesStart::new(name);
    for &(k, v) in attrs {
        s.push_attribute((k, xml_chars(v)));
    }
    s
}

fn write(w: &mut Writer<Vec<u8>>, event: Event) {
    // Writing into a Vec cannot fail.
    w.write_event(event).expect("writing XML to memory");
}

/// Whether a package may carry `c`: XML 1.0's `Char` production, leaving out the discouraged
/// C1 controls and non-characters too (EPUBCheck warns on them; Word has no use for them).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || (' '..='~').contains(&c)
        || ('\u{A0}'..='\u{D7FF}').contains(&c)
        || (('\u{E000}'..='\u{10FFFF}').contains(&c)
            && !('\u{FDD0}'..='\u{FDEF}').contains(&c)
            && (c as u32) & 0xFFFE != 0xFFFE)
}

/// `s` without the characters XML 1.0 forbids (the reader already removes and reports them;
/// this guards models built in code or read from JSON).
fn xml_chars(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// Appends `text` as character data, escaped by quick-xml (`>` too, so `]]>` cannot appear),
/// with the characters a package may not carry dropped.
pub(crate) fn text_into(out: &mut String, text: &str) {
    out.push_str(&quick_xml::escape::escape(xml_chars(text).as_ref()));
}

/// Appends `value` escaped for a double-quoted attribute by quick-xml; white space other than
/// the space is written as a character reference, so attribute normalisation keeps it.
pub(crate) fn attr_into(out: &mut String, value: &str) {
    let escaped = quick_xml::escape::escape(xml_chars(value).into_owned());
    for c in escaped.chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes_and_drops_forbidden_characters() {
        let mut x = Xml::new();
        x.open("a", &[("k", "<\"&'>")]);
        x.text("<b>&amp;\u{1}东");
        x.close("a");
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
        assert!(s.contains("&lt;b&gt;&amp;amp;东</a>"), "{s}");
        assert!(!s.contains('\u{1}'));
        assert!(s.contains("k=\"&lt;&quot;&amp;"), "{s}");
    }
}

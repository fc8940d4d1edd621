//! A thin layer over quick-xml's writer: every text and attribute value is escaped by quick-xml,
//! and characters XML 1.0 cannot carry are dropped first, so no model text can break a part.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// One XML part being written.
pub(super) struct Xml {
    w: Writer<Vec<u8>>,
}

/// Attribute list: name and (unescaped) value.
pub(super) type Attrs<'a> = &'a [(&'a str, &'a str)];

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

/// Whether XML 1.0 can carry `c` (production `Char`).
pub(super) fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
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

//! Navigation: `nav.xhtml` (the EPUB 3 table of contents and landmarks, also a page of the book)
//! and `toc.ncx` (the same contents for EPUB 2 reading systems).

use super::css::Styles;
use super::fonts::Usage;
use super::xhtml::Page;
use super::{Book, COVER_IMAGE, COVER_PAGE, NAV_PAGE};
use crate::backend::xml::Xml;
use crate::plan::Labels;
use crate::typography::Role;

pub(super) fn xhtml(book: &Book, labels: &Labels, styles: &Styles, usage: &mut Usage) -> String {
    let mut page = Page::new(&book.lang, labels.contents, styles, usage);
    // The cover as a thumbnail above the contents, as magazines print it; decorative
    // (the cover page carries the same text), so its alternative text is empty.
    page.open_line("body", &[]);
    page.open("p", &[("class", "toc-cover")]);
    page.empty("img", &[("src", COVER_IMAGE), ("alt", "")]);
    page.close_line("p");
    page.open_line(
        "nav",
        &[("epub:type", "toc"), ("id", "toc"), ("role", "doc-toc")],
    );
    page.element("h1", None, Role::Headline, labels.contents);
    page.open_line("ol", &[]);
    for entry in book.toc() {
        page.open("li", &[]);
        page.open("a", &[("href", &entry.file)]);
        page.text(Role::Body, &entry.label);
        page.close("a");
        page.close_line("li");
    }
    page.close_line("ol");
    page.close_line("nav");

    page.open_line(
        "nav",
        &[
            ("epub:type", "landmarks"),
            ("id", "landmarks"),
            ("hidden", "hidden"),
        ],
    );
    page.element("h2", None, Role::Body, labels.landmarks);
    page.open_line("ol", &[]);
    let first = book
        .toc()
        .first()
        .map_or(COVER_PAGE, |e| e.file.as_str())
        .to_owned();
    for (kind, href, label) in [
        ("cover", COVER_PAGE.to_owned(), labels.cover),
        ("toc", format!("{NAV_PAGE}#toc"), labels.contents),
        ("bodymatter", first, labels.body),
    ] {
        page.open("li", &[]);
        page.open("a", &[("epub:type", kind), ("href", &href)]);
        page.text(Role::Body, label);
        page.close("a");
        page.close_line("li");
    }
    page.close_line("ol");
    page.close_line("nav");
    page.finish()
}

/// The NCX: `dtb:uid` equal to the package identifier, one `navPoint` per contents entry.
pub(super) fn ncx(book: &Book) -> String {
    let mut x = Xml::lines();
    x.open(
        "ncx",
        &[
            ("xmlns", "http://www.daisy.org/z3986/2005/ncx/"),
            ("version", "2005-1"),
            ("xml:lang", &book.lang),
        ],
    );
    x.open("head", &[]);
    for (name, content) in [
        ("dtb:uid", book.identifier.as_str()),
        ("dtb:depth", "1"),
        ("dtb:totalPageCount", "0"),
        ("dtb:maxPageNumber", "0"),
    ] {
        x.empty("meta", &[("name", name), ("content", content)]);
    }
    x.close("head");
    x.open("docTitle", &[]);
    x.leaf("text", &[], &book.title);
    x.close("docTitle");
    x.open("navMap", &[]);
    for (i, entry) in book.toc().iter().enumerate() {
        let n = (i + 1).to_string();
        let id = format!("nav-{n}");
        x.open("navPoint", &[("id", &id), ("playOrder", &n)]);
        x.open("navLabel", &[]);
        x.leaf("text", &[], &entry.label);
        x.close("navLabel");
        x.empty("content", &[("src", &entry.file)]);
        x.close("navPoint");
    }
    x.close("navMap");
    x.close("ncx");
    x.finish_string()
}

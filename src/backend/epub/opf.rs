//! The package document (`content.opf`) and `META-INF/container.xml`.

use super::fonts::Embedded;
use super::{Book, COVER_IMAGE, COVER_PAGE, NAV_PAGE, NCX, STYLESHEET};
use crate::backend::xml::Xml;
use crate::model::{IssueDate, Metadata};

pub(super) const PACKAGE_PATH: &str = "OEBPS/content.opf";

pub(super) fn container() -> String {
    let mut x = Xml::lines();
    x.open(
        "container",
        &[
            ("version", "1.0"),
            ("xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"),
        ],
    );
    x.open("rootfiles", &[]);
    x.empty(
        "rootfile",
        &[
            ("full-path", PACKAGE_PATH),
            ("media-type", "application/oebps-package+xml"),
        ],
    );
    x.close("rootfiles");
    x.close("container");
    x.finish_string()
}

/// The package document: metadata, manifest (pages, navigation, stylesheet, cover image,
/// fonts) and spine (cover, contents, articles in order).
pub(super) fn package(meta: &Metadata, book: &Book, fonts: &[Embedded]) -> String {
    let mut x = Xml::lines();
    x.open(
        "package",
        &[
            ("xmlns", "http://www.idpf.org/2007/opf"),
            ("version", "3.0"),
            ("unique-identifier", "pub-id"),
            ("xml:lang", &book.lang),
        ],
    );
    x.open(
        "metadata",
        &[("xmlns:dc", "http://purl.org/dc/elements/1.1/")],
    );
    x.leaf("dc:identifier", &[("id", "pub-id")], &book.identifier);
    x.leaf("dc:title", &[], &book.title);
    x.leaf("dc:language", &[], &book.lang);
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        x.leaf("dc:creator", &[], p);
        x.leaf("dc:publisher", &[], p);
    }
    if let Some(d) = meta.date {
        x.leaf("dc:date", &[], &d.iso());
    }
    x.leaf(
        "meta",
        &[("property", "dcterms:modified")],
        &modified(meta.date),
    );
    // For EPUB 2 reading systems, which find the cover image by this name.
    x.empty("meta", &[("name", "cover"), ("content", "cover-image")]);
    x.close("metadata");

    x.open("manifest", &[]);
    let mut item = |id: &str, href: &str, media: &str, props: Option<&str>| {
        let mut attrs = vec![("id", id), ("href", href), ("media-type", media)];
        attrs.extend(props.map(|p| ("properties", p)));
        x.empty("item", &attrs);
    };
    const XHTML: &str = "application/xhtml+xml";
    item("cover", COVER_PAGE, XHTML, None);
    item("nav", NAV_PAGE, XHTML, Some("nav"));
    for a in &book.articles {
        item(&a.id, &a.file, XHTML, None);
    }
    item("ncx", NCX, "application/x-dtbncx+xml", None);
    item("css", STYLESHEET, "text/css", None);
    item(
        "cover-image",
        COVER_IMAGE,
        "image/svg+xml",
        Some("cover-image"),
    );
    for f in fonts {
        item(&f.id(), &f.href, "font/ttf", None);
    }
    x.close("manifest");

    x.open("spine", &[("toc", "ncx")]);
    for id in ["cover", "nav"]
        .into_iter()
        .chain(book.articles.iter().map(|a| a.id.as_str()))
    {
        x.empty("itemref", &[("idref", id)]);
    }
    x.close("spine");
    x.close("package");
    x.finish_string()
}

/// `dcterms:modified`: the issue's date at midnight UTC (a month or year on its first day), or
/// 1980-01-01 without one; never the clock.
pub(super) fn modified(date: Option<IssueDate>) -> String {
    match date {
        Some(d) => format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            d.year(),
            d.month().unwrap_or(1),
            d.day().unwrap_or(1)
        ),
        None => "1980-01-01T00:00:00Z".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_comes_from_the_date() {
        let d = |s| IssueDate::parse(s);
        assert_eq!(modified(d("2022-09-01")), "2022-09-01T00:00:00Z");
        assert_eq!(modified(d("2022-09")), "2022-09-01T00:00:00Z");
        assert_eq!(modified(d("2022")), "2022-01-01T00:00:00Z");
        assert_eq!(modified(None), "1980-01-01T00:00:00Z");
    }
}

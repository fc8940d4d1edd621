//! The package document (`content.opf`) and `META-INF/container.xml`.

use super::fonts::Embedded;
use super::xml;
use super::{Book, COVER_IMAGE, COVER_PAGE, NAV_PAGE, NCX, STYLESHEET};
use crate::model::{IssueDate, Metadata};

pub(super) const PACKAGE_PATH: &str = "OEBPS/content.opf";

pub(super) fn container() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n<rootfiles>\n<rootfile full-path=\"{PACKAGE_PATH}\" media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n"
    )
}

/// The package document: metadata, manifest (pages, navigation, stylesheet, cover image,
/// fonts) and spine (cover, contents, articles in order).
pub(super) fn package(meta: &Metadata, book: &Book, fonts: &[Embedded]) -> String {
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    o.push_str(&format!(
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"{}\">\n",
        xml::attr(&book.lang)
    ));
    o.push_str("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    o.push_str(&format!(
        "<dc:identifier id=\"pub-id\">{}</dc:identifier>\n",
        xml::text(&book.identifier)
    ));
    o.push_str(&format!(
        "<dc:title>{}</dc:title>\n",
        xml::text(&book.title)
    ));
    o.push_str(&format!(
        "<dc:language>{}</dc:language>\n",
        xml::text(&book.lang)
    ));
    if let Some(p) = meta.publisher.as_deref().filter(|p| !p.trim().is_empty()) {
        o.push_str(&format!("<dc:creator>{}</dc:creator>\n", xml::text(p)));
        o.push_str(&format!("<dc:publisher>{}</dc:publisher>\n", xml::text(p)));
    }
    if let Some(d) = meta.date {
        o.push_str(&format!("<dc:date>{}</dc:date>\n", d.iso()));
    }
    o.push_str(&format!(
        "<meta property=\"dcterms:modified\">{}</meta>\n",
        modified(meta.date)
    ));
    // For EPUB 2 reading systems, which find the cover image by this name.
    o.push_str("<meta name=\"cover\" content=\"cover-image\"/>\n");
    o.push_str("</metadata>\n<manifest>\n");

    let mut item = |id: &str, href: &str, media: &str, props: Option<&str>| {
        let props = props
            .map(|p| format!(" properties=\"{p}\""))
            .unwrap_or_default();
        o.push_str(&format!(
            "<item id=\"{id}\" href=\"{}\" media-type=\"{media}\"{props}/>\n",
            xml::attr(href)
        ));
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

    o.push_str("</manifest>\n<spine toc=\"ncx\">\n");
    o.push_str("<itemref idref=\"cover\"/>\n<itemref idref=\"nav\"/>\n");
    for a in &book.articles {
        o.push_str(&format!("<itemref idref=\"{}\"/>\n", a.id));
    }
    o.push_str("</spine>\n</package>\n");
    o
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

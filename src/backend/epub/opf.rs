//! The package document (`content.opf`) and `META-INF/container.xml`.

use super::fonts::Embedded;
use super::xml;
use super::{Book, COVER_IMAGE, COVER_PAGE, NAV_PAGE, NCX, STYLESHEET};
use crate::model::Metadata;

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
    if let Some(d) = iso_date(meta.date.as_deref()) {
        o.push_str(&format!("<dc:date>{d}</dc:date>\n"));
    }
    o.push_str(&format!(
        "<meta property=\"dcterms:modified\">{}</meta>\n",
        modified(meta.date.as_deref())
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

/// The issue date if it is ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (what `dc:date` takes).
pub(super) fn iso_date(date: Option<&str>) -> Option<&str> {
    let d = date?.trim();
    let parts: Vec<&str> = d.split('-').collect();
    let field = |s: &str, n: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == n
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse().is_ok_and(|v: u32| range.contains(&v))
    };
    let year = |y: &str| field(y, 4, 1..=9999);
    let month = |m: &str| field(m, 2, 1..=12);
    let ok = match parts.as_slice() {
        [y] => year(y),
        [y, m] => year(y) && month(m),
        [y, m, d] => year(y) && month(m) && field(d, 2, 1..=31),
        _ => false,
    };
    ok.then_some(d)
}

/// `dcterms:modified` from the issue date, never the clock: midnight UTC of the date, the first
/// of the month or year for a partial date, and 1980-01-01 (the zip epoch the package's entries
/// carry too) without one.
pub(super) fn modified(date: Option<&str>) -> String {
    let d = iso_date(date).unwrap_or("1980");
    let mut parts = d.split('-');
    let y = parts.next().unwrap_or("1980");
    let m = parts.next().unwrap_or("01");
    let day = parts.next().unwrap_or("01");
    format!("{y}-{m}-{day}T00:00:00Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_comes_from_the_date() {
        assert_eq!(modified(Some("2022-09-01")), "2022-09-01T00:00:00Z");
        assert_eq!(modified(Some("2022-09")), "2022-09-01T00:00:00Z");
        assert_eq!(modified(Some("2022")), "2022-01-01T00:00:00Z");
        assert_eq!(modified(None), "1980-01-01T00:00:00Z");
        assert_eq!(modified(Some("9月1日")), "1980-01-01T00:00:00Z");
        assert_eq!(modified(Some("2022-13-01")), "1980-01-01T00:00:00Z");
        assert_eq!(
            iso_date(Some("2022-02-31")),
            Some("2022-02-31"),
            "days are not calendar-checked"
        );
    }
}

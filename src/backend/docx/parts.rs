//! The package's bookkeeping parts: `[Content_Types].xml`, relationships, core and extended
//! properties, and `fontTable.xml`.

use std::collections::HashMap;

use super::embed::Embedded;
use super::faces;
use super::xml::Xml;
use super::{NS_R, NS_W};
use crate::model::{IssueDate, Metadata};
use crate::plan::Plan;

const NS_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";

/// Relationship types (ECMA-376 Part 1 §15, Part 2 §11).
pub(super) mod rel {
    pub const OFFICE_DOCUMENT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    pub const CORE: &str =
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    pub const EXTENDED: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    pub const STYLES: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    pub const SETTINGS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    pub const FONT_TABLE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    pub const NUMBERING: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    pub const HEADER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    pub const FOOTER: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    pub const HYPERLINK: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    pub const FONT: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
}

/// Content types of the parts paiban writes.
pub(super) mod ct {
    pub const RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
    pub const XML: &str = "application/xml";
    pub const FONT: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    pub const DOCUMENT: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    pub const STYLES: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
    pub const SETTINGS: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
    pub const FONT_TABLE: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    pub const NUMBERING: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
    pub const HEADER: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
    pub const FOOTER: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    pub const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
    pub const EXTENDED: &str =
        "application/vnd.openxmlformats-officedocument.extended-properties+xml";
}

struct Rel {
    id: String,
    kind: &'static str,
    target: String,
    external: bool,
}

/// The relationships of one part, with ids `rId1`, `rId2`… in the order they are added.
#[derive(Default)]
pub(super) struct Rels {
    items: Vec<Rel>,
    /// Hyperlink target → index in `items`: a document with 100k links searched `items` for
    /// each one (quadratic, 32 s); the map keeps it linear.
    links: HashMap<String, usize>,
}

impl Rels {
    /// Adds an internal relationship; returns its id.
    pub fn add(&mut self, kind: &'static str, target: &str) -> String {
        self.push(kind, target, false)
    }

    /// The id of the external hyperlink to `target`, shared by every link to the same place.
    pub fn hyperlink(&mut self, target: &str) -> String {
        if let Some(&i) = self.links.get(target) {
            return self.items[i].id.clone();
        }
        self.links.insert(target.to_owned(), self.items.len());
        self.push(rel::HYPERLINK, target, true)
    }

    fn push(&mut self, kind: &'static str, target: &str, external: bool) -> String {
        let id = format!("rId{}", self.items.len() + 1);
        self.items.push(Rel {
            id: id.clone(),
            kind,
            target: target.to_owned(),
            external,
        });
        id
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn write(&self) -> Vec<u8> {
        let mut x = Xml::new();
        x.open("Relationships", &[("xmlns", NS_RELS)]);
        for r in &self.items {
            let mut attrs = vec![
                ("Id", r.id.as_str()),
                ("Type", r.kind),
                ("Target", &r.target),
            ];
            if r.external {
                attrs.push(("TargetMode", "External"));
            }
            x.empty("Relationship", &attrs);
        }
        x.close("Relationships");
        x.finish()
    }
}

/// `[Content_Types].xml`: defaults by extension, an override per XML part.
pub(super) fn content_types(overrides: &[(&str, &str)], fonts: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("Types", &[("xmlns", NS_TYPES)]);
    x.empty(
        "Default",
        &[("Extension", "rels"), ("ContentType", ct::RELS)],
    );
    x.empty("Default", &[("Extension", "xml"), ("ContentType", ct::XML)]);
    if fonts {
        x.empty(
            "Default",
            &[("Extension", "odttf"), ("ContentType", ct::FONT)],
        );
    }
    for (part, content_type) in overrides {
        let name = format!("/{part}");
        x.empty(
            "Override",
            &[("PartName", &name), ("ContentType", content_type)],
        );
    }
    x.close("Types");
    x.finish()
}

/// `docProps/core.xml`: title, creator (the publisher), language, identifier, and created /
/// modified from the issue date — never the clock, so the bytes are reproducible; without a
/// date they are left out.
pub(super) fn core(meta: &Metadata, plan: &Plan) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    if !plan.title.is_empty() {
        x.leaf("dc:title", &[], &plan.title);
    }
    if let Some(p) = &meta.publisher {
        x.leaf("dc:creator", &[], p);
    }
    x.leaf("dc:identifier", &[], &plan.identifier);
    x.leaf("dc:language", &[], &plan.language);
    if let Some(stamp) = meta.date.map(w3cdtf) {
        let ty = [("xsi:type", "dcterms:W3CDTF")];
        x.leaf("dcterms:created", &ty, &stamp);
        x.leaf("dcterms:modified", &ty, &stamp);
    }
    x.close("cp:coreProperties");
    x.finish()
}

/// `2022-09-01` → `2022-09-01T00:00:00Z`; a month or a year alone counts from its first day.
pub(super) fn w3cdtf(date: IssueDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year(),
        date.month().unwrap_or(1),
        date.day().unwrap_or(1)
    )
}

/// `docProps/app.xml`.
pub(super) fn app(meta: &Metadata) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            (
                "xmlns:vt",
                "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
            ),
        ],
    );
    x.leaf(
        "Application",
        &[],
        concat!("paiban ", env!("CARGO_PKG_VERSION")),
    );
    if let Some(p) = &meta.publisher {
        x.leaf("Company", &[], p);
    }
    x.close("Properties");
    x.finish()
}

/// `word/fontTable.xml`: every family a style or run names, with the embedded faces'
/// relationships and keys.
pub(super) fn font_table<'a>(
    families: impl Iterator<Item = &'a str>,
    embedded: &[(Embedded, String)],
) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    for family in families {
        x.open("w:font", &[("w:name", family)]);
        if faces::is_bundled(family) {
            // GB 2312: the bundled faces are the Simplified Chinese (SC) cuts.
            x.val("w:charset", "86");
        }
        x.val("w:family", faces::generic(family));
        x.val("w:pitch", "variable");
        let mine = || embedded.iter().filter(|(e, _)| e.family == family);
        // Schema order: embedRegular, embedBold, embedItalic, embedBoldItalic.
        for bold in [false, true] {
            if let Some((e, id)) = mine().find(|(e, _)| e.bold == bold) {
                let name = if bold {
                    "w:embedBold"
                } else {
                    "w:embedRegular"
                };
                x.empty(
                    name,
                    &[("r:id", id), ("w:fontKey", &e.key), ("w:subsetted", "1")],
                );
            }
        }
        x.close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let w = |s| w3cdtf(IssueDate::parse(s).unwrap());
        assert_eq!(w("2022-09-01"), "2022-09-01T00:00:00Z");
        assert_eq!(w("2022-09"), "2022-09-01T00:00:00Z");
        assert_eq!(w("2022"), "2022-01-01T00:00:00Z");
    }

    #[test]
    fn hyperlinks_share_ids_and_are_external() {
        let mut r = Rels::default();
        assert_eq!(r.add(rel::STYLES, "styles.xml"), "rId1");
        let a = r.hyperlink("https://a.cn/?x=1&y=2");
        assert_eq!(a, "rId2");
        assert_eq!(r.hyperlink("https://a.cn/?x=1&y=2"), a);
        let s = String::from_utf8(r.write()).unwrap();
        assert!(s.contains("Target=\"https://a.cn/?x=1&amp;y=2\" TargetMode=\"External\""));
    }
}

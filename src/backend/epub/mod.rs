//! EPUB 3.3 backend: one reflowable book per issue, with EPUB 2 navigation (NCX) for older
//! reading systems.
//!
//! Package (entries in this order, `mimetype` first and stored, the rest deflated, every entry
//! stamped with the issue date by [`Package`], so the same input gives the same bytes):
//!
//! ```text
//! mimetype                    application/epub+zip
//! META-INF/container.xml
//! OEBPS/content.opf           package document (opf.rs)
//! OEBPS/cover.xhtml           typographic cover page (cover.rs)
//! OEBPS/nav.xhtml             contents + landmarks, also a page of the book (nav.rs)
//! OEBPS/a001.xhtml …          one page per article, in article order (xhtml.rs)
//! OEBPS/toc.ncx               EPUB 2 contents (nav.rs)
//! OEBPS/style.css             from the template (css.rs)
//! OEBPS/cover.svg             cover image, text as glyph outlines (cover.rs, glyphs.rs)
//! OEBPS/fonts/serif.ttf …     subsets holding exactly the characters each face draws (fonts.rs)
//! ```
//!
//! The pages are written first, recording every character per face; the subsets are cut from
//! that record, so a character on any page (cover and contents included) is in the font that
//! the stylesheet gives it.

mod cover;
mod css;
mod fonts;
mod glyphs;
mod nav;
mod opf;
mod xhtml;
mod xml;

use std::path::PathBuf;

pub use fonts::{Face, Faces, SubsetFn};

use super::package::Package;
use super::{Context, Planned};
use crate::Error;
use crate::model::Document;
use crate::plan::Plan;
use crate::typography::Role;
use css::Styles;
use fonts::Usage;
use glyphs::Outlines;

const COVER_PAGE: &str = "cover.xhtml";
const NAV_PAGE: &str = "nav.xhtml";
const NCX: &str = "toc.ncx";
const STYLESHEET: &str = "style.css";
const COVER_IMAGE: &str = "cover.svg";

/// Renders a planned document as an EPUB with the bundled faces.
pub fn render(planned: &Planned, ctx: &Context) -> Result<Vec<u8>, Error> {
    // Families the template names that the font set holds and may embed join the bundled faces.
    let mut faces = Faces::bundled();
    let others: Vec<_> = planned
        .usage
        .faces()
        .filter(|(key, _)| key.bundled_name().is_none())
        .filter_map(|(key, _)| ctx.fonts.embeddable(key).ok())
        .collect();
    faces.faces.extend(others.iter().map(|f| Face {
        key: f.key.clone(),
        family: &f.family,
        weight: f.weight,
        data: f.data.bytes(),
        index: f.data.index(),
    }));
    write(planned, ctx, &faces)
}

/// Renders `doc` as an EPUB embedding subsets of `faces`.
pub fn render_with_faces(doc: &Document, ctx: &Context, faces: &Faces) -> Result<Vec<u8>, Error> {
    write(&Planned::new(doc, ctx.template), ctx, faces)
}

fn write(planned: &Planned, ctx: &Context, faces: &Faces) -> Result<Vec<u8>, Error> {
    let (doc, plan) = (planned.doc, &planned.plan);
    let book = Book::new(plan);
    let styles = Styles {
        template: ctx.template,
        faces,
    };
    let mut usage = Usage::default();

    let cover_page = cover::page(plan.masthead.as_ref(), &book, &styles, &mut usage);
    let nav_page = nav::xhtml(&book, &plan.labels, &styles, &mut usage);
    let articles: Vec<String> = plan
        .articles
        .iter()
        .map(|a| xhtml::article(&book.lang, a, &styles, &mut usage))
        .collect();

    let outlines = |class: Role| {
        let first = styles.face(class);
        let mut list: Vec<(&[u8], u32)> = Vec::new();
        for key in [first, fonts::FaceKey::Serif, fonts::FaceKey::SansBold] {
            if let Some(f) = faces.get(&key)
                && !list.iter().any(|(d, _)| std::ptr::eq(*d, f.data))
            {
                list.push((f.data, f.index));
            }
        }
        list
    };
    let title_faces = outlines(Role::IssueTitle);
    let line_faces = outlines(Role::MastheadLine);
    let families = (
        css_family(&styles, Role::IssueTitle),
        css_family(&styles, Role::MastheadLine),
    );
    let cover_image = cover::image(
        &doc.meta,
        &book,
        &Outlines::new(&title_faces),
        &Outlines::new(&line_faces),
        (&families.0, &families.1),
    );

    let embedded = fonts::embed(planned, faces, &usage, doc.meta.date)?;
    let stylesheet = css::stylesheet(&styles, &embedded);
    let ncx = nav::ncx(&book);
    let package = opf::package(&doc.meta, &book, &embedded);

    let io = |e: std::io::Error| Error::Render {
        path: PathBuf::from(doc.meta.title.as_deref().unwrap_or("")),
        format: "epub",
        message: e.to_string(),
    };
    let mut zip = Package::new(doc.meta.date);
    zip.stored("mimetype", b"application/epub+zip")
        .map_err(io)?;
    zip.deflated("META-INF/container.xml", opf::container().as_bytes())
        .map_err(io)?;
    let oebps = |name: &str| format!("OEBPS/{name}");
    zip.deflated(opf::PACKAGE_PATH, package.as_bytes())
        .map_err(io)?;
    zip.deflated(&oebps(COVER_PAGE), cover_page.as_bytes())
        .map_err(io)?;
    zip.deflated(&oebps(NAV_PAGE), nav_page.as_bytes())
        .map_err(io)?;
    for (entry, page) in book.articles.iter().zip(&articles) {
        zip.deflated(&oebps(&entry.file), page.as_bytes())
            .map_err(io)?;
    }
    zip.deflated(&oebps(NCX), ncx.as_bytes()).map_err(io)?;
    zip.deflated(&oebps(STYLESHEET), stylesheet.as_bytes())
        .map_err(io)?;
    zip.deflated(&oebps(COVER_IMAGE), cover_image.as_bytes())
        .map_err(io)?;
    for font in embedded {
        zip.add_prepared(font.part).map_err(io)?;
    }
    zip.finish().map_err(io)
}

/// The first family of a class's `font-family`, for the SVG `<text>` fallback.
fn css_family(styles: &Styles, class: Role) -> String {
    match styles.faces.get(&styles.face(class)) {
        Some(f) => f.family.to_owned(),
        None => match styles.face(class) {
            fonts::FaceKey::Family(name) => name,
            fonts::FaceKey::Serif => "serif".to_owned(),
            fonts::FaceKey::SansBold => "sans-serif".to_owned(),
        },
    }
}

/// Names and labels of the book's parts, decided once.
pub(super) struct Book {
    pub lang: String,
    pub title: String,
    pub identifier: String,
    pub articles: Vec<Entry>,
    /// The contents: the articles, or the cover page for a book without any.
    toc: Vec<Entry>,
}

/// One page of the contents.
pub(super) struct Entry {
    /// Manifest id, `a001`.
    pub id: String,
    /// File name inside `OEBPS/`, `a001.xhtml`.
    pub file: String,
    /// Label in the contents and the page's `<title>`.
    pub label: String,
}

impl Book {
    /// The book's parts as the plan names them: EPUB requires a title, a language and an
    /// identifier, and the plan has decided each.
    fn new(plan: &Plan) -> Self {
        let title = plan.title.clone();
        let articles: Vec<Entry> = plan
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let id = format!("a{:03}", i + 1);
                Entry {
                    file: format!("{id}.xhtml"),
                    id,
                    label: a.label.clone(),
                }
            })
            .collect();
        let toc = if articles.is_empty() {
            vec![Entry {
                id: "cover".to_owned(),
                file: COVER_PAGE.to_owned(),
                label: title.clone(),
            }]
        } else {
            articles
                .iter()
                .map(|e| Entry {
                    id: e.id.clone(),
                    file: e.file.clone(),
                    label: e.label.clone(),
                })
                .collect()
        };
        Book {
            lang: plan.language.clone(),
            identifier: plan.identifier.clone(),
            title,
            articles,
            toc,
        }
    }

    fn toc(&self) -> &[Entry] {
        &self.toc
    }
}

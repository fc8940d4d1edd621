//! DOCX backend: the article model and the template as a WordprocessingML package (ECMA-376,
//! transitional), written directly with quick-xml (docs/design.md, "Decided against", explains why not docx-rs).
//!
//! - Styles come from the template ([`styles`]): one paragraph style per role, the headline as
//!   `Heading1`, East Asian fonts in every `w:rFonts` slot, `w:lang` from the document.
//! - Word flows the text; Chinese rules are expressed as Word settings: kinsoku sets,
//!   punctuation compression, Han–Latin autospace, the GB/T 9704 grid ([`settings`],
//!   [`metrics`]).
//! - The bundled faces are embedded as obfuscated TrueType subsets unless
//!   `RenderOptions::no_embed_fonts` ([`embed`]).
//! - Output is reproducible: fixed part order, zip entry times and core-property dates from the
//!   document's date, font keys derived from its identifier.
//!
//! Parts, in package order: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml`,
//! `docProps/app.xml`, `word/document.xml`, `word/_rels/document.xml.rels`, `word/styles.xml`,
//! `word/settings.xml`, `word/numbering.xml` (lists only), `word/fontTable.xml`,
//! `word/_rels/fontTable.xml.rels` (embedded fonts only), `word/header1.xml`,
//! `word/footer1.xml`, `word/fonts/fontN.odttf`.

mod document;
mod embed;
mod faces;
mod header_footer;
mod metrics;
mod numbering;
mod parts;
mod props;
mod settings;
mod styles;

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::package::{Package, Prepared};
use super::{Context, Planned, xml};
use crate::Error;
use crate::fonts;
use crate::model::Document;
use crate::plan::Plan;
use crate::typography;
use embed::Embedded;
use header_footer::Kind;
use parts::{Rels, ct, rel};

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The `w:lang` pair: the language for Latin-script text and for East Asian text.
struct Lang {
    latin: String,
    east_asian: String,
}

impl Lang {
    /// A Chinese document (`zh…`) sets Latin text as `en-US` and East Asian text in its own
    /// language, as Word does; another language is the Latin one and the template's Chinese
    /// variant stays the East Asian one.
    fn new(plan: &Plan, ctx: &Context) -> Self {
        let tag = plan.language.as_str();
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang {
                latin: "en-US".into(),
                east_asian: tag.into(),
            }
        } else {
            Lang {
                latin: tag.into(),
                east_asian: ctx.template.language.tag().into(),
            }
        }
    }
}

use rayon::prelude::*;

/// Renders `doc` as a DOCX package.
pub(crate) fn render(prepared: &Planned, ctx: &Context) -> Result<Vec<u8>, Error> {
    let (doc, plan) = (prepared.doc, &prepared.plan);
    let t = ctx.template;
    let lang = Lang::new(plan, ctx);
    let mut usage = faces::Usage::default();

    let mut rels = Rels::default();
    rels.add(rel::STYLES, "styles.xml");
    rels.add(rel::SETTINGS, "settings.xml");
    rels.add(rel::FONT_TABLE, "fontTable.xml");
    let header = header_footer::write(Kind::Header, t, plan, &mut usage);
    let footer = header_footer::write(Kind::Footer, t, plan, &mut usage);
    let section = document::Section {
        header: header
            .as_ref()
            .map(|_| rels.add(rel::HEADER, "header1.xml")),
        footer: footer
            .as_ref()
            .map(|_| rels.add(rel::FOOTER, "footer1.xml")),
    };
    let styles = styles::write(t, &lang, &mut usage);
    let written = document::write(plan, t, &mut rels, &mut usage, &section);
    let numbering = (!written.lists.is_empty()).then(|| {
        rels.add(rel::NUMBERING, "numbering.xml");
        let family = styles::PStyle::of(typography::Role::ListItem)
            .family(t)
            .to_owned();
        let first_line = metrics::Metrics { t }.first_line(typography::Role::ListItem);
        let em = t.role(typography::Role::ListItem).size_pt() * 20.0;
        numbering::write(&written.lists, first_line, em, &family, &mut usage)
    });

    // Which faces are embedded, and their keys, are known before they are subset: the parts
    // that name them are written first and packaged while the fonts are being cut.
    let others = if ctx.options.no_embed_fonts {
        Vec::new()
    } else {
        other_faces(&usage, ctx.fonts)
    };
    let jobs = if ctx.options.no_embed_fonts {
        Vec::new()
    } else {
        font_jobs(&usage, &others)
    };
    let mut font_rels = Rels::default();
    let embedded: Vec<(Embedded, String)> = jobs
        .iter()
        .enumerate()
        .map(|(i, job)| {
            let id = font_rels.add(rel::FONT, &format!("fonts/font{}.odttf", i + 1));
            (Embedded::new(&job.source, &plan.identifier), id)
        })
        .collect();
    let font_table = parts::font_table(usage.families().map(|(f, _)| f), &embedded);
    let settings = settings::write(t, &lang, !embedded.is_empty());

    let mut overrides = vec![
        ("word/document.xml", ct::DOCUMENT),
        ("word/styles.xml", ct::STYLES),
        ("word/settings.xml", ct::SETTINGS),
    ];
    if numbering.is_some() {
        overrides.push(("word/numbering.xml", ct::NUMBERING));
    }
    overrides.push(("word/fontTable.xml", ct::FONT_TABLE));
    if header.is_some() {
        overrides.push(("word/header1.xml", ct::HEADER));
    }
    if footer.is_some() {
        overrides.push(("word/footer1.xml", ct::FOOTER));
    }
    overrides.push(("docProps/core.xml", ct::CORE));
    overrides.push(("docProps/app.xml", ct::EXTENDED));

    let mut root = Rels::default();
    root.add(rel::OFFICE_DOCUMENT, "word/document.xml");
    root.add(rel::CORE, "docProps/core.xml");
    root.add(rel::EXTENDED, "docProps/app.xml");

    let mut files: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            parts::content_types(&overrides, !embedded.is_empty()),
        ),
        ("_rels/.rels", root.write()),
        ("docProps/core.xml", parts::core(&doc.meta, plan)),
        ("docProps/app.xml", parts::app(&doc.meta)),
        ("word/document.xml", written.xml),
        ("word/_rels/document.xml.rels", rels.write()),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
    ];
    if let Some(n) = numbering {
        files.push(("word/numbering.xml", n));
    }
    files.push(("word/fontTable.xml", font_table));
    if !font_rels.is_empty() {
        files.push(("word/_rels/fontTable.xml.rels", font_rels.write()));
    }
    if let Some(h) = header {
        files.push(("word/header1.xml", h));
    }
    if let Some(f) = footer {
        files.push(("word/footer1.xml", f));
    }

    // The fonts (the largest first, on this thread) are subset, obfuscated and deflated while
    // another thread packages the XML parts; the compressed fonts are then appended in order.
    let date = doc.meta.date;
    let (fonts, package) = rayon::join(
        || embed_fonts(prepared, &jobs, &embedded),
        || {
            let mut package = Package::new(date);
            for (name, bytes) in &files {
                package.deflated(name, bytes)?;
            }
            Ok::<_, std::io::Error>(package)
        },
    );
    let mut package = package.map_err(|e| render_error(doc, e.to_string()))?;
    for font in fonts? {
        package
            .add_prepared(font)
            .map_err(|e| render_error(doc, e.to_string()))?;
    }
    package
        .finish()
        .map_err(|e| render_error(doc, e.to_string()))
}

/// A face that draws text in the document, and the characters it draws.
struct FontJob<'a> {
    face: fonts::TemplateFace,
    source: embed::SourceFace<'a>,
    chars: &'a BTreeSet<char>,
}

/// The faces of families the template names that are not bundled but that the font set holds
/// and may embed (an added file, a system font): embedded like the bundled ones, so the DOCX
/// shows what the PDF shows. One that cannot be embedded is only named (the build warns).
fn other_faces(usage: &faces::Usage, set: &fonts::FontSet) -> Vec<fonts::EmbeddableFace> {
    usage
        .families()
        .filter(|(family, chars)| !chars.is_empty() && !faces::is_bundled(family))
        .filter_map(|(family, _)| {
            set.embeddable(&fonts::TemplateFace::from_family(family))
                .ok()
        })
        .collect()
}

/// The faces that draw text in this document, in the order of `fontTable.xml`: bundled ones
/// (none without the `embedded-fonts` feature) and `others`.
fn font_jobs<'a>(usage: &'a faces::Usage, others: &'a [fonts::EmbeddableFace]) -> Vec<FontJob<'a>> {
    usage
        .families()
        .filter(|(_, chars)| !chars.is_empty())
        .flat_map(|(family, chars)| {
            let bundled = fonts::bundled::faces()
                .iter()
                .filter(move |f| f.family == family)
                .map(|face| (face.family, face.weight, face.data, 0));
            let other = others
                .iter()
                .filter(move |f| f.key.family() == family)
                .map(move |f| (family, f.weight, f.data.bytes(), f.data.index()));
            bundled
                .chain(other)
                .map(move |(name, weight, data, index)| FontJob {
                    face: fonts::TemplateFace::from_family(family),
                    source: embed::SourceFace {
                        family: name,
                        bold: weight >= 600,
                        data,
                        index,
                    },
                    chars,
                })
        })
        .collect()
}

/// The font parts (`word/fonts/fontN.odttf`, N from 1 in `jobs` order), each subset to the
/// characters it draws, obfuscated and deflated, side by side: this is most of a DOCX render.
/// The face with the most characters is started first (the body face, several times the
/// headline face's work), so the others run beside it rather than before it.
fn embed_fonts(
    prepared: &Planned,
    jobs: &[FontJob],
    embedded: &[(Embedded, String)],
) -> Result<Vec<Prepared>, Error> {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(jobs[i].chars.len()));
    let mut made: Vec<(usize, Prepared)> = order
        .into_par_iter()
        .map(|i| {
            let (job, (entry, _)) = (&jobs[i], &embedded[i]);
            let cut = |data: &[u8], index, chars: &BTreeSet<char>| {
                fonts::subset(data, index, chars).map_err(|e| e.to_string())
            };
            let subset = prepared
                .subset(
                    &job.face,
                    job.source.data,
                    job.source.index,
                    job.chars,
                    &cut,
                )
                .map_err(|e| Error::Font {
                    message: format!("cannot embed {} in the DOCX: {e}", job.source.family),
                })?;
            let data = entry.font(&subset);
            let doc = prepared.doc;
            let name = format!("word/fonts/font{}.odttf", i + 1);
            let part = Package::prepare_deflated_fast(doc.meta.date, &name, &data)
                .map_err(|e| render_error(doc, e.to_string()))?;
            Ok((i, part))
        })
        .collect::<Result<_, Error>>()?;
    made.sort_by_key(|&(i, _)| i);
    Ok(made.into_iter().map(|(_, part)| part).collect())
}

fn render_error(doc: &Document, message: String) -> Error {
    Error::Render {
        path: PathBuf::from(doc.meta.title.as_deref().unwrap_or("")),
        format: "docx",
        message,
    }
}

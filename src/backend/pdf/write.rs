//! The PDF writer on krilla: subset CID fonts with ToUnicode (krilla's), outline, metadata
//! from the document (never the clock), page labels and optional PDF/A.

use std::collections::HashMap;
use std::num::NonZeroU32;

use krilla::Document as PdfDocument;
use krilla::SerializeSettings;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::fonts::FaceId;
use crate::model::Document;
use crate::plan::Plan;

use super::PdfStandard;
use super::layout::Layout;
use super::layout::flow::{Mark, PlacedGlyph};

pub fn write(
    doc: &Document,
    plan: &Plan,
    layout: &Layout,
    standard: Option<PdfStandard>,
) -> Result<Vec<u8>, String> {
    let mut settings = SerializeSettings::default();
    if let Some(s) = standard {
        let archival = match s {
            PdfStandard::A2b => Archival::A2_B,
            PdfStandard::A3b => Archival::A3_B,
        };
        settings.configuration = ConfigurationBuilder::new()
            .with_archival_validator(archival)
            .finish()
            .map_err(|e| one_line(&format!("{e:?}")))?;
    }
    let mut pdf = PdfDocument::new_with(settings);
    let fonts: HashMap<FaceId, Font> = layout
        .faces
        .iter()
        .filter_map(|(id, data)| Some((*id, Font::new(data.shared().into(), data.index())?)))
        .collect();

    let mut outline = Outline::new();
    let mut mapped = Mapped::default();
    for (n, page) in layout.pages.iter().enumerate() {
        let mut page_settings =
            PageSettings::from_wh(layout.width, layout.height).ok_or("bad page size")?;
        if n == 0 {
            page_settings = page_settings.with_page_label(PageLabel::new(
                Some(NumberingStyle::Arabic),
                None,
                NonZeroU32::new(1),
            ));
        }
        let mut links = Vec::new();
        let mut p = pdf.start_page_with(page_settings);
        {
            let mut surface = p.surface();
            for pl in &page.lines {
                for mark in &pl.line.marks {
                    match mark {
                        Mark::Run(run) => {
                            let Some(font) = fonts.get(&run.face) else {
                                continue;
                            };
                            let ranges = text_ranges(run, run.face, &mut mapped);
                            let glyphs: Vec<KrillaGlyph> = advances(&run.glyphs)
                                .zip(&run.glyphs)
                                .zip(&ranges)
                                .map(|((advance, g), range)| {
                                    KrillaGlyph::new(
                                        GlyphId::new(u32::from(g.id)),
                                        advance / run.size,
                                        0.0,
                                        -g.dy / run.size,
                                        0.0,
                                        range.clone(),
                                        None,
                                    )
                                })
                                .collect();
                            let Some(first) = run.glyphs.first() else {
                                continue;
                            };
                            let start =
                                Point::from_xy(hundredths(pl.x + first.x), hundredths(pl.baseline));
                            // A slanted run leans 12° about its baseline (y grows downwards
                            // here, so ink above the baseline moves right).
                            if run.slant {
                                let k = 12f32.to_radians().tan();
                                surface.push_transform(&Transform::from_row(
                                    1.0,
                                    0.0,
                                    -k,
                                    1.0,
                                    k * start.y,
                                    0.0,
                                ));
                            }
                            surface.draw_glyphs(
                                start,
                                &glyphs,
                                font.clone(),
                                &run.text,
                                run.size,
                                false,
                            );
                            if run.slant {
                                surface.pop();
                            }
                            // Only web and mail links (the reader drops others already;
                            // this guards models built in code).
                            if let Some(target) = &run.link
                                && crate::source::sanitize::is_safe_link(target)
                                && let Some(rect) = Rect::from_xywh(
                                    pl.x + first.x,
                                    pl.baseline - run.size * 0.88,
                                    run.width.max(1.0),
                                    run.size,
                                )
                            {
                                links.push((rect, target.clone()));
                            }
                        }
                        Mark::Strike {
                            x,
                            width,
                            dy,
                            thickness,
                        } => {
                            let y = pl.baseline - dy;
                            if let Some(rect) =
                                Rect::from_xywh(pl.x + x, y - thickness / 2.0, *width, *thickness)
                            {
                                let mut b = PathBuilder::new();
                                b.push_rect(rect);
                                if let Some(path) = b.finish() {
                                    surface.draw_path(&path);
                                }
                            }
                        }
                        Mark::Dot { x, dy, radius } => {
                            let (cx, cy, r) = (pl.x + x, pl.baseline - dy, *radius);
                            // A circle from four cubic arcs.
                            let k = 0.552_284_8 * r;
                            let mut b = PathBuilder::new();
                            b.move_to(cx + r, cy);
                            b.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
                            b.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
                            b.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
                            b.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
                            b.close();
                            if let Some(path) = b.finish() {
                                surface.draw_path(&path);
                            }
                        }
                    }
                }
            }
            for rule in &page.rules {
                let t = rule.thickness;
                if let Some(rect) =
                    Rect::from_ltrb(rule.x1, rule.y - t / 2.0, rule.x2, rule.y + t / 2.0)
                {
                    let mut b = PathBuilder::new();
                    b.push_rect(rect);
                    if let Some(path) = b.finish() {
                        surface.draw_path(&path);
                    }
                }
            }
            surface.finish();
        }
        for (rect, target) in links {
            p.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, Target::Action(Action::Link(LinkAction::new(target)))),
                None,
            ));
        }
        p.finish();
        for anchor in &page.anchors {
            let dest = || XyzDestination::new(n, Point::from_xy(0.0, anchor.y));
            let mut node = OutlineNode::new(anchor.title.clone(), dest());
            for child in &anchor.children {
                node.push_child(OutlineNode::new(child.clone(), dest()));
            }
            outline.push_child(node);
        }
    }
    pdf.set_outline(outline);
    pdf.set_metadata(metadata(doc, plan));
    pdf.finish().map_err(|e| describe(&e))
}

/// krilla's error as one line a user can act on; the rare kinds keep krilla's own words.
fn describe(e: &KrillaError) -> String {
    use krilla::configure::ValidationError as V;
    match e {
        KrillaError::Validation(errors) => {
            let mut seen: Vec<String> = Vec::new();
            for (error, _) in errors {
                let text = match error {
                    V::MissingDocumentDate => "the document has no date (give --date)".to_owned(),
                    V::NoDocumentLanguage => "the document has no language".to_owned(),
                    V::NoDocumentTitle => "the document has no title (give --title)".to_owned(),
                    V::TooLongString => "a text is longer than 32,767 bytes".to_owned(),
                    V::ContainsNotDefGlyph(_, _, text) => {
                        format!("no font draws {text:?} (the standard forbids .notdef glyphs)")
                    }
                    V::NoCodepointMapping(..) | V::InvalidCodepointMapping(..) => {
                        "a glyph has no Unicode mapping".to_owned()
                    }
                    V::UnicodePrivateArea(_, _, c, _) => {
                        format!("U+{:04X} is a private-use character", u32::from(*c))
                    }
                    other => one_line(&format!("{other:?}")),
                };
                if !seen.contains(&text) {
                    seen.push(text);
                }
            }
            format!("not valid as the chosen PDF standard: {}", seen.join("; "))
        }
        KrillaError::Limit(limit) => format!("a PDF limit was exceeded: {limit}"),
        KrillaError::Font(_, message) => format!("a font cannot be embedded: {message}"),
        other => one_line(&format!("{other:?}")),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metadata(doc: &Document, plan: &Plan) -> Metadata {
    let m = &doc.meta;
    let mut meta = Metadata::new();
    if !plan.title.is_empty() {
        meta = meta.title(plan.title.clone());
    }
    let mut meta = meta
        .language(plan.language.clone())
        .creator(format!("paiban {}", env!("CARGO_PKG_VERSION")))
        .document_id(plan.identifier.clone());
    if let Some(p) = &m.publisher {
        meta = meta.authors(vec![p.clone()]);
    }
    let subject: Vec<String> = doc
        .articles
        .iter()
        .filter_map(|a| a.headline.headline.clone())
        .collect();
    if !subject.is_empty() {
        meta = meta.description(subject.join("；"));
    }
    if let Some(date) = m.date {
        let mut d = DateTime::new(date.year() as u16);
        if let Some(mo) = date.month() {
            d = d.month(mo as u8);
            if let Some(day) = date.day() {
                d = d.day(day as u8);
            }
        }
        meta = meta.creation_date(d);
    }
    meta
}

/// What krilla's ToUnicode map says each glyph stands for, as it will say it: krilla maps a glyph
/// the first time it draws it, to the text of its range, and when glyphs share a range it maps
/// only the first of them, to the whole range. Mirrored here so that [`text_ranges`] never starts
/// a shared range on a glyph that is not mapped yet: that glyph would stand for two characters
/// in every reader that ignores ActualText (pdf.js, search indexes).
#[derive(Default)]
struct Mapped(HashMap<(FaceId, u16), String>);

impl Mapped {
    fn is_own(&self, face: FaceId, id: u16, text: &str) -> bool {
        self.0.get(&(face, id)).is_some_and(|t| t == text)
    }

    /// Records a glyph as drawn with this text; true if this gave it its mapping.
    fn draw(&mut self, face: FaceId, id: u16, text: &str) -> bool {
        let new = !self.0.contains_key(&(face, id));
        if new {
            self.0.insert((face, id), text.to_owned());
        }
        new
    }

    fn forget(&mut self, face: FaceId, id: u16) {
        self.0.remove(&(face, id));
    }
}

/// The text each glyph stands for. Where a Han–Latin gap or a space puts a glyph where a PDF
/// reader would see a word space (a gap over 0.08 em), or a space stands next to Chinese text,
/// the glyphs on both sides share one range: krilla then writes them as one ActualText span, so
/// extraction gives the model's text without invented spaces or breaks. (Overlaps from
/// punctuation compression need no span: poppler reads them in order.)
fn text_ranges(
    run: &super::layout::flow::Run,
    face: FaceId,
    mapped: &mut Mapped,
) -> Vec<std::ops::Range<usize>> {
    let g = &run.glyphs;
    let text = |k: usize| &run.text[g[k].text.clone()];
    let cjk = |k: usize| text(k).chars().any(crate::source::chars::is_cjk);
    let mut start: Vec<usize> = (0..g.len()).collect();
    for k in 1..g.len() {
        let gap = g[k].x - (g[k - 1].x + g[k - 1].advance);
        // Readers also drop a real space next to Chinese text (they infer spaces from gaps
        // and write none between CJK words): keep it by the same means.
        let space_by_cjk = (text(k) == " " && cjk(k - 1)) || (text(k - 1) == " " && cjk(k));
        // A character no face has is drawn as `.notdef`, which has no ToUnicode entry: its
        // text survives only in a span.
        let notdef = g[k].id == 0 || g[k - 1].id == 0;
        // A word space at the end of a line is dropped by readers, joining the words around
        // the break: it keeps its text inside a span with the glyph before it.
        let trailing_space = k + 1 == g.len() && text(k) == " ";
        if gap > 0.08 * run.size || space_by_cjk || notdef || trailing_space {
            start[k] = start[k - 1];
        }
    }
    // A glyph drawn alone, with a range of its own (not part of a shaping cluster).
    let alone = |start: &[usize], k: usize| {
        start[k] == k
            && start.get(k + 1) != Some(&k)
            && (k == 0 || g[k - 1].text != g[k].text)
            && g.get(k + 1).is_none_or(|n| n.text != g[k].text)
    };
    // Walk the run as krilla will. `fresh[j]`: glyph j got its mapping here, drawn alone.
    // A group is final once walked: a later span never reaches back past it (`alone`).
    let mut ranges: Vec<std::ops::Range<usize>> = g.iter().map(|x| x.text.clone()).collect();
    let mut fresh = vec![false; g.len()];
    let mut k = 0;
    while k < g.len() {
        let mut end = k + 1;
        while end < g.len() && start[end] == start[k] {
            end += 1;
        }
        if end - k > 1 && !mapped.is_own(face, g[k].id, text(k)) {
            // Start the span earlier, on the nearest glyph drawn alone that was mapped to its
            // own text before this run; those passed over become part of the span, unmapped.
            if let Some(j) = (0..k)
                .rev()
                .take_while(|&j| alone(&start, j))
                .find(|&j| !fresh[j] && mapped.is_own(face, g[j].id, text(j)))
            {
                for i in j + 1..k {
                    if fresh[i] {
                        mapped.forget(face, g[i].id);
                    }
                }
                start[j..end].fill(j);
                k = j;
            }
        }
        let range = g[k].text.start..g[end - 1].text.end;
        let got_mapping = mapped.draw(face, g[k].id, &run.text[range.clone()]);
        if end - k == 1 {
            fresh[k] = got_mapping;
        } else {
            ranges[k..end].fill(range);
        }
        k = end;
    }
    ranges
}

/// Each glyph's advance as drawn: its own advance plus the space the layout put after it, that
/// space rounded to 1/2000 pt. A line's equal spaces then give equal `TJ` numbers, which deflate
/// well (differences of rounded positions made each number a little different). The rounding
/// moves no glyph by more than 0.01 pt on a line of 40.
fn advances(glyphs: &[PlacedGlyph]) -> impl Iterator<Item = f32> + '_ {
    glyphs
        .iter()
        .enumerate()
        .map(|(k, g)| match glyphs.get(k + 1) {
            Some(next) => g.advance + ((next.x - g.x - g.advance) * 2000.0).round() / 2000.0,
            None => g.advance,
        })
}

/// The start of a run on a 1/100 pt grid.
fn hundredths(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::pdf::layout::flow::Run;
    use crate::fonts::{FontSet, bundled};

    /// A run of one glyph per character, each 10 pt wide at 10 pt, with `gap_after[k]` pt of
    /// extra space after character k.
    fn run(face: FaceId, text: &str, gaps: &[(usize, f32)]) -> Run {
        let mut x = 0.0;
        let glyphs = text
            .char_indices()
            .enumerate()
            .map(|(k, (at, c))| {
                let g = PlacedGlyph {
                    id: c as u16,
                    x,
                    advance: 10.0,
                    dy: 0.0,
                    text: at..at + c.len_utf8(),
                };
                x += 10.0 + gaps.iter().find(|(i, _)| *i == k).map_or(0.0, |(_, g)| *g);
                g
            })
            .collect();
        Run {
            face,
            size: 10.0,
            text: text.into(),
            glyphs,
            link: None,
            width: x,
            slant: false,
        }
    }

    fn texts(run: &Run, ranges: &[std::ops::Range<usize>]) -> Vec<String> {
        ranges
            .iter()
            .map(|r| run.text[r.clone()].to_owned())
            .collect()
    }

    fn serif() -> FaceId {
        let set = FontSet::builder().system(false).build().unwrap();
        set.bundled_face(bundled::SERIF).unwrap()
    }

    #[test]
    fn a_han_latin_gap_is_spanned_from_a_glyph_already_mapped() {
        let face = serif();
        // ¼ em after 由: readers would see a word space there.
        let r = run(face, "中由174位", &[(1, 2.5), (4, 2.5)]);
        let mut mapped = Mapped::default();
        mapped.draw(face, '中' as u16, "中");
        let ranges = text_ranges(&r, face, &mut mapped);
        // 由 has no mapping yet: the span starts on 中, so 由 is never mapped to "由1".
        assert_eq!(
            texts(&r, &ranges),
            ["中由1", "中由1", "中由1", "7", "4位", "4位"]
        );
        assert!(mapped.is_own(face, '中' as u16, "中"));
        assert!(!mapped.0.contains_key(&(face, '由' as u16)));
        assert!(mapped.is_own(face, '7' as u16, "7"));
        // 4 was first drawn in this span: it stands for "4位", as krilla will map it.
        assert!(mapped.is_own(face, '4' as u16, "4位"));
    }

    #[test]
    fn a_glyph_mapped_on_this_line_does_not_start_a_span() {
        let face = serif();
        let r = run(face, "中由1", &[(1, 2.5)]);
        let mut mapped = Mapped::default();
        let ranges = text_ranges(&r, face, &mut mapped);
        // 中 is first drawn here: krilla would map it to the whole span. Nothing earlier is
        // mapped, so the span stays on 由 (the one case left: the start of a line).
        assert_eq!(texts(&r, &ranges), ["中", "由1", "由1"]);
        assert!(mapped.is_own(face, '中' as u16, "中"));
    }

    #[test]
    fn compression_overlaps_need_no_span() {
        let face = serif();
        // ” compressed to half width before ，: the comma starts 5 pt early.
        let r = run(face, "说”，他", &[(1, -5.0)]);
        let ranges = text_ranges(&r, face, &mut Mapped::default());
        assert_eq!(texts(&r, &ranges), ["说", "”", "，", "他"]);
    }

    #[test]
    fn equal_spaces_are_drawn_as_equal_advances_without_drift() {
        let glyphs: Vec<PlacedGlyph> = (0..40)
            .map(|k| PlacedGlyph {
                id: 1,
                // 0.27798 pt of justification after each glyph, summed in f32 as the layout does.
                x: (0..k).fold(0.0f32, |x, _| x + 10.5 + 0.27798),
                advance: 10.5,
                dy: 0.0,
                text: k..k + 1,
            })
            .collect();
        let adv: Vec<f32> = advances(&glyphs).collect();
        assert!(adv[..39].iter().all(|a| *a == adv[0]), "{adv:?}");
        let end: f32 = adv[..39].iter().sum();
        assert!(
            (end - glyphs[39].x).abs() < 0.01,
            "{end} vs {}",
            glyphs[39].x
        );
    }
}

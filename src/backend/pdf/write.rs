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
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::fonts::FaceId;
use crate::model::Document;

use super::PdfStandard;
use super::layout::Layout;
use super::layout::flow::Mark;

pub fn write(
    doc: &Document,
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
            .map_err(|e| format!("{e:?}"))?;
    }
    let mut pdf = PdfDocument::new_with(settings);
    let fonts: HashMap<FaceId, Font> = layout
        .faces
        .iter()
        .filter_map(|(id, data)| Some((*id, Font::new(data.shared().into(), data.index())?)))
        .collect();

    let mut outline = Outline::new();
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
                            let ranges = text_ranges(run);
                            let glyphs: Vec<KrillaGlyph> = run
                                .glyphs
                                .iter()
                                .enumerate()
                                .map(|(k, g)| {
                                    // Positions on a 1/100 pt grid: the same spacing is written as
                                    // the same number, which keeps content streams small.
                                    let next = run.glyphs.get(k + 1).map(|n| n.x).unwrap_or(g.x);
                                    KrillaGlyph::new(
                                        GlyphId::new(u32::from(g.id)),
                                        (hundredths(pl.x + next) - hundredths(pl.x + g.x))
                                            / run.size,
                                        0.0,
                                        -g.dy / run.size,
                                        0.0,
                                        ranges[k].clone(),
                                        None,
                                    )
                                })
                                .collect();
                            let Some(first) = run.glyphs.first() else {
                                continue;
                            };
                            let start = Point::from_xy(hundredths(pl.x + first.x), pl.baseline);
                            surface.draw_glyphs(
                                start,
                                &glyphs,
                                font.clone(),
                                &run.text,
                                run.size,
                                false,
                            );
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
    pdf.set_metadata(metadata(doc));
    pdf.finish().map_err(|e| format!("{e:?}"))
}

fn metadata(doc: &Document) -> Metadata {
    let m = &doc.meta;
    let mut meta = Metadata::new()
        .title(m.title.clone())
        .language(m.language.clone())
        .creator(format!("paiban {}", env!("CARGO_PKG_VERSION")))
        .document_id(m.identifier.clone());
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
    if let Some(date) = &m.date {
        let mut parts = date.split('-').map(|p| p.parse::<u16>().ok());
        if let Some(Some(y)) = parts.next() {
            let mut d = DateTime::new(y);
            if let Some(Some(mo)) = parts.next() {
                d = d.month(mo as u8);
                if let Some(Some(day)) = parts.next() {
                    d = d.day(day as u8);
                }
            }
            meta = meta.creation_date(d);
        }
    }
    meta
}

/// The text each glyph stands for. Where compression or a Han–Latin gap puts a glyph where a
/// PDF reader would see a word space (a gap over 0.08 em) or a new column (an overlap over
/// 0.15 em), or a space stands next to Chinese text, the glyphs on both sides share one range: krilla then writes them as one
/// ActualText span, so extraction gives the model's text without invented spaces or breaks.
fn text_ranges(run: &super::layout::flow::Run) -> Vec<std::ops::Range<usize>> {
    let g = &run.glyphs;
    let mut start = vec![0usize; g.len()];
    let text = |k: usize| &run.text[g[k].text.clone()];
    let cjk = |k: usize| text(k).chars().any(crate::source::chars::is_cjk);
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
        let joined = gap > 0.08 * run.size
            || gap < -0.15 * run.size
            || space_by_cjk
            || notdef
            || trailing_space;
        start[k] = if joined { start[k - 1] } else { k };
    }
    let mut ranges: Vec<std::ops::Range<usize>> = g.iter().map(|x| x.text.clone()).collect();
    let mut k = 0;
    while k < g.len() {
        let mut end = k + 1;
        while end < g.len() && start[end] == start[k] {
            end += 1;
        }
        if end - k > 1 {
            let range = g[k].text.start..g[end - 1].text.end;
            ranges[k..end].fill(range);
        }
        k = end;
    }
    ranges
}

/// Positions on a 1/100 pt grid: the same spacing is written as the same number, which keeps
/// content streams small.
fn hundredths(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

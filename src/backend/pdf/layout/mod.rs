//! The PDF layout engine: pure functions from the model, the template and the fonts to
//! positioned glyphs on pages. No PDF is written here (`../write.rs` does that), so every rule
//! can be tested on the numbers.
//!
//! Stages: `shape` (text → clusters, with per-character face fallback), `breaking` (lines:
//! kinsoku, compression, justification), this module (articles → flow of line boxes),
//! `paginate` (flow → pages with running heads and feet).

pub mod breaking;
pub mod cluster;
pub mod flow;
pub mod paginate;
pub mod shape;

use std::collections::BTreeSet;

use crate::fonts::{FaceData, FaceId, FaceRequest, FontSet};
use crate::model::Document;
use crate::plan::{self, LeadKind, Plan, PlannedBlock};
use crate::typography::{self, FontRef, PunctuationStyle, Role, Template};

use breaking::{Align, Breaks, Rules, break_paragraph};
use cluster::{Cluster, Kind};
use flow::{Flow, LineBox, Mark, PlacedGlyph, Run};
use paginate::{Frame, Page, PageLine, paginate};
use shape::{Shaped, Shaper, Span, Styled, uax_breaks};

/// More characters than any running head or foot line can hold.
const MAX_SINGLE_LINE_CHARS: usize = 1000;

/// A laid-out document: pages in pt with the origin at the top left.
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    /// The faces the pages draw with, and their data, for the writer.
    pub faces: Vec<(FaceId, FaceData)>,

    /// The measure body lines are justified to, in pt.
    pub measure: f32,
}

/// How one role is set.
#[derive(Clone)]
struct RoleSet {
    role: Role,
    request: FaceRequest,
    size: f32,
    pitch: f32,
    align: Align,
    indent: f32,
    /// The block's inset from each side of the measure (a quotation's two characters).
    side: f32,
    before: f32,
    after: f32,
    cjk_pitch: Option<f32>,
}

/// The face a template font asks for: the mapping every writer shares
/// ([`TemplateFace`](crate::fonts::TemplateFace)).
pub fn face_request(font: &FontRef, bold: bool) -> FaceRequest {
    crate::fonts::TemplateFace::of(font).request(bold)
}

struct Engine<'a> {
    t: &'a Template,
    shaper: Shaper<'a>,
    rules: Rules,
    measure: f32,
}

/// The layout of `doc` (planned here; a caller with a plan uses [`layout_planned`]).
pub fn layout(doc: &Document, t: &Template, fonts: &FontSet) -> Layout {
    layout_planned(doc, &plan::plan(doc, t), t, fonts)
}

pub fn layout_planned(doc: &Document, plan: &Plan, t: &Template, fonts: &FontSet) -> Layout {
    let faces = needed_faces(doc, t, fonts);
    let shaper = Shaper::new(fonts, &faces);
    let kinsoku = t.chinese.kinsoku;
    let rules = Rules {
        kaiming: t.chinese.punctuation == PunctuationStyle::Kaiming,
        han_latin_gap: t.chinese.han_latin_gap.0 as f32,
        date_digits: t.chinese.date_digits,
        not_at_start: kinsoku.not_at_line_start().chars().collect(),
        not_at_end: kinsoku.not_at_line_end().chars().collect(),
    };
    let column = t.page.column_width_pt() as f32;
    // Chinese text blocks are a whole number of characters wide, so a line of Han fills
    // the measure exactly with no stretching (clreq).
    let pitch = t.body_char_pitch_pt() as f32;
    let measure = if t.grid.is_some() {
        column
    } else {
        ((column / pitch) + 0.001).floor() * pitch
    };
    let engine = Engine {
        t,
        shaper,
        rules,
        measure,
    };
    let flow = engine.document(plan);
    let p = &t.page;
    let frame = Frame {
        left: typography::mm_to_pt(p.margins.inner.0) as f32,
        top: typography::mm_to_pt(p.margins.top.0) as f32,
        width: p.text_width_pt() as f32,
        height: p.text_height_pt() as f32,
        columns: p.columns.count.max(1) as usize,
        gap: typography::mm_to_pt(p.columns.gap.0) as f32,
        measure: engine.measure,
    };
    let mut pages = paginate(flow, frame);
    engine.running(plan, &mut pages, frame);
    Layout {
        width: p.width_pt() as f32,
        height: p.height_pt() as f32,
        pages,
        faces,
        measure,
    }
}

/// The faces the document's characters will be drawn with, loaded once.
fn needed_faces(doc: &Document, t: &Template, fonts: &FontSet) -> Vec<(FaceId, FaceData)> {
    let mut ids = BTreeSet::new();
    let requests: Vec<FaceRequest> = Role::ALL
        .iter()
        .flat_map(|&r| {
            let s = t.role(r);
            [
                face_request(&s.font, s.is_bold()),
                face_request(&s.font, true),
            ]
        })
        .collect();
    let mut chars: BTreeSet<char> = BTreeSet::new();
    for (_, text) in doc.text_items() {
        chars.extend(text.chars());
    }
    chars.extend("0123456789第页— ·（）　".chars());
    for r in &requests {
        if let Some(id) = fonts.resolve(r) {
            ids.insert(id);
        }
        for &c in &chars {
            if let Some(id) = fonts.face_for(c, r) {
                ids.insert(id);
            }
        }
    }
    ids.into_iter()
        .filter_map(|id| Some((id, fonts.data(id).ok()?)))
        .collect()
}

impl Engine<'_> {
    fn role(&self, role: Role) -> RoleSet {
        let s = self.t.role(role);
        let body_text = role.is_body_text();
        RoleSet {
            role,
            request: face_request(&s.font, s.is_bold()),
            size: s.size_pt() as f32,
            pitch: self.t.line_pitch_pt(role) as f32,
            align: match s.align {
                typography::Align::Justify => Align::Justify,
                typography::Align::Left => Align::Left,
                typography::Align::Centre => Align::Centre,
                typography::Align::Right => Align::Right,
            },
            indent: s.first_line_indent_pt() as f32,
            // In a narrow column the side indents give way, so a line still holds the first-line
            // indent and two characters (a template cannot know every column it is used in).
            side: (s.side_indent_pt() as f32).min(
                ((self.measure - (s.first_line_indent_pt() + 2.0 * s.size_pt()) as f32) / 2.0)
                    .max(0.0),
            ),
            before: self.t.space_before_pt(role) as f32,
            after: self.t.space_after_pt(role) as f32,
            cjk_pitch: (body_text && self.t.grid.is_some())
                .then(|| self.t.body_char_pitch_pt() as f32),
        }
    }

    /// A span of role `r`; `strong` text in the template's strong face, bold.
    fn span(&self, r: &RoleSet, strong: bool) -> Span {
        Span {
            range: 0..0,
            request: if strong {
                face_request(&self.t.inline.strong, true)
            } else {
                r.request.clone()
            },
            size: r.size,
            emphasis: false,
            strike: false,
            link: None,
            cjk_pitch: r.cjk_pitch,
        }
    }

    fn document(&self, plan: &Plan) -> Vec<Flow> {
        let mut flow = Vec::new();
        // The issue's title area at the top of the first page.
        if let Some(m) = &plan.masthead {
            if let Some(title) = &m.title {
                self.plain(title, &self.role(Role::IssueTitle), false, &mut flow);
            }
            if let Some(line) = &m.line {
                self.plain(line, &self.role(Role::MastheadLine), false, &mut flow);
            }
        }
        self.separator(&mut flow, true);
        for (i, article) in plan.articles.iter().enumerate() {
            if i > 0 {
                self.separator(&mut flow, false);
            }
            flow.push(Flow::ArticleStart {
                title: article.label.clone(),
                children: article.children.clone(),
            });
            for block in &article.blocks {
                self.block(block, &mut flow);
            }
        }
        flow
    }

    fn separator(&self, flow: &mut Vec<Flow>, after_title: bool) {
        let s = &self.t.separation;
        if s.new_page && !after_title {
            flow.push(Flow::PageBreak);
            return;
        }
        let space = self.t.separation_pt() as f32;
        let rule = s.rule.0 as f32;
        if rule > 0.0 {
            flow.push(Flow::Space(space / 2.0));
            flow.push(Flow::Rule {
                height: 0.0,
                thickness: rule,
            });
            flow.push(Flow::Space(space / 2.0));
        } else {
            flow.push(Flow::Space(space));
        }
    }

    /// One planned block. Running text breaks anywhere the rules allow; display lines break
    /// at their phrase gaps when every phrase fits ([`PlannedBlock::is_running_text`]).
    fn block(&self, block: &PlannedBlock, flow: &mut Vec<Flow>) {
        let r = self.role(block.role);
        if !block.is_running_text() {
            let text: String = block.runs.iter().map(|r| r.text.as_str()).collect();
            self.plain(&text, &r, block.keeps_with_next(), flow);
            return;
        }
        let mut styled = Styled::default();
        if let Some(lead) = &block.lead {
            let span = match lead.kind {
                // The dateline's face and weight at the paragraph's size and grid.
                LeadKind::Dateline => {
                    let d = self.role(Role::Dateline);
                    let mut span = self.span(&d, false);
                    span.size = r.size;
                    span.cjk_pitch = r.cjk_pitch;
                    span
                }
                LeadKind::Marker => self.span(&r, false),
            };
            styled.push(&lead.text, span);
            styled.push(lead.separator, self.span(&r, false));
            if let Some(em) = block.list.and_then(|l| l.marker_box_em) {
                styled.pad_to = Some((styled.text.len(), em as f32 * r.size));
            }
        }
        for run in block.runs.iter() {
            let mut span = self.span(&r, run.strong);
            span.emphasis = run.emphasis;
            span.strike = run.strike;
            span.link = run.link.clone();
            styled.push(&run.text, span);
        }
        // The dateline paragraph keeps with the headline: two body lines follow it.
        let dateline = block
            .lead
            .as_ref()
            .is_some_and(|l| l.kind == LeadKind::Dateline);
        let lines_kept = if dateline { 2 } else { 0 };
        self.set(&styled, &r, false, lines_kept, Breaks::Anywhere, flow);
    }

    /// A paragraph of one style (headlines, bylines, titles).
    fn plain(&self, text: &str, r: &RoleSet, keep: bool, flow: &mut Vec<Flow>) {
        let mut styled = Styled::default();
        styled.push(text, self.span(r, false));
        self.set(&styled, r, keep, 0, Breaks::AtPhraseGaps, flow);
    }

    /// Shapes, breaks and emits the lines of one paragraph. `keep` keeps every line with the
    /// next (headline groups); `keep_first` keeps that many first lines with what follows.
    fn set(
        &self,
        styled: &Styled,
        r: &RoleSet,
        keep: bool,
        keep_first: usize,
        breaks: Breaks,
        flow: &mut Vec<Flow>,
    ) {
        if styled.text.is_empty() {
            return;
        }
        let mut shaped = self.shaper.shape(styled);
        if let Some((end, width)) = styled.pad_to {
            let k = shaped
                .clusters
                .iter()
                .position(|c| c.text.start >= end)
                .unwrap_or(shaped.clusters.len());
            let natural: f32 = shaped.clusters[..k].iter().map(|c| c.advance).sum();
            let glyph = shaped
                .glyph_ranges
                .get(k.wrapping_sub(1))
                .map_or(0, |g| g.end);
            shaped.clusters.insert(
                k,
                Cluster {
                    text: end..end,
                    kind: Kind::Other,
                    advance: (width - natural).max(0.0),
                    em: r.size,
                    fixed: true,
                },
            );
            shaped.glyph_ranges.insert(k, glyph..glyph);
            let span = shaped.span_of.get(k.wrapping_sub(1)).copied().unwrap_or(0);
            shaped.span_of.insert(k, span);
        }
        if r.indent > 0.0 {
            shaped.clusters.insert(
                0,
                Cluster {
                    text: 0..0,
                    kind: Kind::Other,
                    advance: r.indent,
                    em: r.size,
                    fixed: true,
                },
            );
            shaped.glyph_ranges.insert(0, 0..0);
            shaped.span_of.insert(0, 0);
        }
        let uax = uax_breaks(&styled.text, &shaped.clusters);
        let lines = break_paragraph(
            &styled.text,
            &shaped.clusters,
            &uax,
            self.measure - 2.0 * r.side,
            &self.rules,
            r.align,
            breaks,
        );
        if r.before > 0.0 {
            flow.push(Flow::Space(r.before));
        }
        let n = lines.len();
        // Never a paragraph's first line alone at the foot of a column (an orphan) or its last
        // line alone at the head of one (a widow): the first line and the second-to-last keep
        // with the next, so a two-line paragraph never splits.
        for (k, line) in lines.into_iter().enumerate() {
            // `keep_first` lines stay together (the two body lines a headline needs under it).
            let keep_line = keep || k + 1 < keep_first || (n >= 2 && (k == 0 || k + 2 == n));
            let mut b = self.line_box(styled, &shaped, &line, r, keep_line);
            b.justified = r.align == Align::Justify && k + 1 < n;
            b.starts_paragraph = k == 0;
            b.ends_paragraph = k + 1 == n;
            flow.push(Flow::Line(b));
        }
        if r.after > 0.0 {
            flow.push(Flow::Space(r.after));
        }
    }

    fn line_box(
        &self,
        styled: &Styled,
        shaped: &Shaped,
        line: &breaking::Line,
        r: &RoleSet,
        keep: bool,
    ) -> LineBox {
        let mut marks: Vec<Mark> = Vec::new();
        let mut current: Option<Run> = None;
        let mut strike: Option<(f32, f32)> = None;
        // The template's emphasis: 着重号 dots under Han characters, or slanted runs.
        let italic = self.t.inline.emphasis == typography::Emphasis::Italic;
        let last_index = line.clusters.end;
        for (k, placed) in line.placed.iter().enumerate() {
            let i = placed.cluster;
            let c = &shaped.clusters[i];
            let span = &styled.spans[shaped.span_of[i]];
            let mut x = placed.x + placed.shift;
            for g in &shaped.glyphs[shaped.glyph_ranges[i].clone()] {
                let slant = span.emphasis && italic;
                let start_new = match &current {
                    Some(run) => {
                        run.face != g.face
                            || run.size != g.size
                            || run.link != span.link
                            || run.slant != slant
                    }
                    None => true,
                };
                if start_new {
                    if let Some(run) = current.take() {
                        marks.push(Mark::Run(run));
                    }
                    current = Some(Run {
                        face: g.face,
                        size: g.size,
                        text: String::new(),
                        glyphs: Vec::new(),
                        link: span.link.clone(),
                        width: 0.0,
                        slant,
                    });
                }
                let run = current.as_mut().expect("a run is open");
                let first_of_cluster =
                    std::ptr::eq(g, &shaped.glyphs[shaped.glyph_ranges[i].start]);
                let start = run.text.len();
                if first_of_cluster {
                    run.text.push_str(&styled.text[c.text.clone()]);
                }
                run.glyphs.push(PlacedGlyph {
                    id: g.id,
                    x: x + g.dx,
                    advance: g.advance,
                    dy: g.dy,
                    text: start..run.text.len(),
                });
                run.width = placed.x + placed.width - run.glyphs[0].x;
                x += g.advance;
            }
            // Adjacent struck clusters share one line, from the first box's left edge to the
            // last one's right.
            if span.strike {
                let (x0, x1) = (placed.x, placed.x + placed.width);
                match &mut strike {
                    Some((_, end)) if (*end - x0).abs() < 0.01 => *end = x1,
                    _ => {
                        flush_strike(&mut strike, &mut marks, r.size);
                        strike = Some((x0, x1));
                    }
                }
            } else {
                flush_strike(&mut strike, &mut marks, r.size);
            }
            if span.emphasis && !italic && c.kind == Kind::Han {
                // 着重号 under the character's centre, clear of its ink: Han glyphs reach about
                // 0.12 em below the baseline (the ideographic em box's foot), so the dot's top
                // sits 0.1 em below that, in the space between the lines.
                marks.push(Mark::Dot {
                    x: placed.x + placed.width / 2.0,
                    dy: -r.size * 0.295,
                    radius: r.size * 0.075,
                });
            }
            // A word space at the line end is not drawn by the breaker but belongs to the
            // text (so copying the PDF keeps words apart): add it as an invisible glyph.
            if k + 1 == line.placed.len()
                && last_index < shaped.clusters.len()
                && shaped.clusters[last_index].kind == Kind::Space
            {
                let space = &shaped.clusters[last_index];
                if let (Some(run), Some(g)) = (
                    current.as_mut(),
                    shaped.glyphs.get(shaped.glyph_ranges[last_index].start),
                ) && g.face == run.face
                {
                    let start = run.text.len();
                    run.text.push_str(&styled.text[space.text.clone()]);
                    run.glyphs.push(PlacedGlyph {
                        id: g.id,
                        x: placed.x + placed.width,
                        advance: g.advance,
                        dy: 0.0,
                        text: start..run.text.len(),
                    });
                }
            }
        }
        if let Some(run) = current.take() {
            marks.push(Mark::Run(run));
        }
        flush_strike(&mut strike, &mut marks, r.size);
        // Centre the em box in the line pitch; CJK faces put the em box 0.88 em above the
        // baseline (ideographic ascent of Noto CJK).
        let baseline = (r.pitch - r.size) / 2.0 + r.size * 0.88;
        LineBox {
            role: r.role,
            height: r.pitch,
            baseline,
            x: r.side,
            marks,
            keep_with_next: keep,
            width: line.width,
            justified: false,
            measure: self.measure - 2.0 * r.side,
            starts_paragraph: false,
            ends_paragraph: false,
        }
    }

    /// Running heads and feet with page numbers.
    fn running(&self, plan: &Plan, pages: &mut [Page], frame: Frame) {
        let p = &self.t.page;
        let header = self.role(Role::Header);
        let footer = self.role(Role::Footer);
        let header_base = frame.top - typography::mm_to_pt(p.header_gap.0) as f32;
        let footer_top = self.t.footer_top_pt() as f32;
        // Expanded once by the plan, with the title and the other values already cut to what
        // a line can hold; each page only puts its number in.
        for (n, page) in pages.iter_mut().enumerate() {
            let n = n as u32 + 1;
            if let Some(head_line) = &plan.running_head
                && let Some(mut line) = self.single_line(&head_line.text(n), &header)
            {
                let y = header_base - (header.pitch - line.baseline);
                line.x = 0.0;
                page.lines.push(PageLine {
                    x: frame.left,
                    baseline: y,
                    line,
                });
                // The template's rule under the running head, across the measure, 1.5 pt
                // under the line (as the DOCX's bottom border).
                let thickness = p.header_rule.0 as f32;
                if thickness > 0.0 {
                    page.rules.push(paginate::Rule {
                        x1: frame.left,
                        x2: frame.left + self.measure,
                        y: header_base + 1.5 + thickness / 2.0 - 0.25,
                        thickness,
                    });
                }
            }
            if let Some(foot_line) = &plan.running_foot
                && let Some(line) = self.single_line(&foot_line.text(n), &footer)
            {
                page.lines.push(PageLine {
                    x: frame.left,
                    baseline: footer_top + line.baseline,
                    line,
                });
            }
        }
    }

    fn single_line(&self, text: &str, r: &RoleSet) -> Option<LineBox> {
        // Only the first line is kept, and no line holds this many characters: shaping a long
        // title in full on every page would make the layout quadratic in its length.
        let text = match text.char_indices().nth(MAX_SINGLE_LINE_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut flow = Vec::new();
        let mut styled = Styled::default();
        styled.push(text, self.span(r, false));
        let mut r = r.clone();
        r.before = 0.0;
        r.after = 0.0;
        r.indent = 0.0;
        self.set(&styled, &r, false, 0, Breaks::Anywhere, &mut flow);
        flow.into_iter().find_map(|f| match f {
            Flow::Line(l) => Some(l),
            _ => None,
        })
    }
}

/// Ends a strikethrough line: through the middle of the CJK em box (0.38 em above the
/// baseline, where a Latin x-height line also falls), one twentieth of an em thick.
fn flush_strike(strike: &mut Option<(f32, f32)>, marks: &mut Vec<Mark>, size: f32) {
    if let Some((x0, x1)) = strike.take() {
        marks.push(Mark::Strike {
            x: x0,
            width: x1 - x0,
            dy: size * 0.38,
            thickness: size * 0.05,
        });
    }
}

//! `word/document.xml`: the issue title, then each article's headline group, body and byline,
//! then the section properties (page, margins, columns, grid, running heads).

use super::faces::{self, Usage};
use super::metrics::Metrics;
use super::parts::Rels;
use super::props::{PPr, RPr, Rule, Space};
use super::styles::{self, PStyle};
use super::xml::Xml;
use super::{NS_R, NS_W};

use crate::plan::{ArticlePlan, LeadKind, List, Masthead, Plan, PlannedBlock};
use crate::source::sanitize::is_safe_link;
use crate::typography::{Emphasis, Role, Template, autospace, pt_to_twips};

/// What the section properties refer to.
pub(super) struct Section {
    pub header: Option<String>,
    pub footer: Option<String>,
}

/// The written part and what other parts need from it.
pub(super) struct Written {
    pub xml: Vec<u8>,
    /// Every list of the document, in order. List `i` uses `w:numId` `i + 1`.
    pub lists: Vec<List>,
}

struct Writer<'a, 'b> {
    x: Xml,
    t: &'a Template,
    m: Metrics<'a>,
    rels: &'b mut Rels,
    usage: &'b mut Usage,
}

pub(super) fn write(
    plan: &Plan,
    t: &Template,
    rels: &mut Rels,
    usage: &mut Usage,
    section: &Section,
) -> Written {
    let mut w = Writer {
        x: Xml::new(),
        t,
        m: Metrics { t },
        rels,
        usage,
    };
    w.x.open("w:document", &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    w.x.open("w:body", &[]);
    if let Some(m) = &plan.masthead {
        w.masthead(m);
    }
    for (i, article) in plan.articles.iter().enumerate() {
        // As in the PDF: the separation (space and rule) between articles, and after the
        // masthead before the first; a page break only between articles.
        let separation = match (i, &plan.masthead) {
            (0, None) => None,
            (0, Some(_)) => Some(false),
            _ => Some(true),
        };
        w.article(i, article, separation);
    }
    w.section(section);
    w.x.close("w:body");
    w.x.close("w:document");
    Written {
        xml: w.x.finish(),
        lists: plan.lists.clone(),
    }
}

impl Writer<'_, '_> {
    /// The masthead: the issue title, then the publisher and the date, each its own paragraph.
    fn masthead(&mut self, m: &Masthead) {
        for (role, text) in [(Role::IssueTitle, &m.title), (Role::MastheadLine, &m.line)] {
            let Some(text) = text else { continue };
            let style = PStyle::of(role);
            self.x.open("w:p", &[]);
            PPr {
                style: Some(style.id()),
                ..PPr::default()
            }
            .write(&mut self.x);
            self.usage.add(style.family(self.t), text);
            Gaps::of(self.t, &self.m, role, text).runs(&mut self.x, &RPr::default(), text, 0);
            self.x.close("w:p");
        }
    }

    /// `separation`: whether the article is set apart from what precedes it, and whether a
    /// new page may do that.
    fn article(&mut self, index: usize, a: &ArticlePlan, separation: Option<bool>) {
        let last = a.blocks.len().saturating_sub(1);
        for (j, block) in a.blocks.iter().enumerate() {
            let first = j == 0;
            let style = PStyle::of(block.role);
            let mut ppr = PPr {
                style: Some(style.id()),
                num_id: block.list.map(|l| l.list as u32 + 1),
                ..PPr::default()
            };
            if first && let Some(page_break) = separation {
                self.separate(&mut ppr, block.role, page_break);
            }
            self.x.open("w:p", &[]);
            ppr.write(&mut self.x);
            if first {
                let id = (index + 1).to_string();
                let name = format!("article_{id}");
                self.x
                    .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)]);
            }
            self.content(block);
            if j == last {
                let id = (index + 1).to_string();
                self.x.empty("w:bookmarkEnd", &[("w:id", &id)]);
            }
            self.x.close("w:p");
        }
    }

    /// Space (and a rule, or a page break) between the previous article and this one
    /// (`template.separation`), on the new article's first paragraph.
    fn separate(&self, ppr: &mut PPr, role: Role, page_break: bool) {
        let sep = &self.t.separation;
        if sep.new_page && page_break {
            ppr.page_break_before = true;
            return;
        }
        let own = self.m.space_twips(self.t.role(role).space_before);
        let gap = self.m.space_twips(sep.space);
        let mut before = own + gap;
        if sep.rule.0 > 0.0 {
            // The rule sits in the middle of the gap: half the gap above it (paragraph space),
            // half below (the border's distance from the text, whole points, at most 31).
            let below_pt = ((gap as f64 / 40.0).round() as i64).clamp(0, 31);
            before = own + gap - below_pt * 20;
            ppr.rule_above = Some(Rule {
                eighths: ((sep.rule.0 * 8.0).round() as u32).clamp(2, 96),
                space_pt: below_pt as u32,
            });
        }
        ppr.space = Some(Space {
            before: Some(before),
            ..Space::default()
        });
    }

    fn content(&mut self, p: &PlannedBlock) {
        let family = PStyle::of(p.role).family(self.t);
        match &p.lead {
            Some(lead) if lead.kind == LeadKind::Dateline => {
                let role = self.t.role(Role::Dateline);
                self.usage.add(faces::family(&role.font), &lead.text);
                let rpr = RPr {
                    style: Some(styles::DATELINE),
                    east_asian_hint: faces::needs_east_asian_hint(&lead.text),
                    ..RPr::default()
                };
                run(&mut self.x, &rpr, &lead.text);
                if !lead.separator.is_empty() {
                    self.usage.add(family, lead.separator);
                    run(&mut self.x, &RPr::default(), lead.separator);
                }
            }
            // A list marker is Word's numbering (numbering.xml, the same text).
            _ => {}
        }
        let strong_family = faces::family(&self.t.inline.strong);
        let dots = self.t.inline.emphasis == Emphasis::Dots;
        let joined: String = p.runs.iter().map(|r| r.text.as_str()).collect();
        let gaps = Gaps::of(self.t, &self.m, p.role, &joined);
        let mut offset = 0;
        for r in p.runs.iter() {
            let start = offset;
            offset += r.text.len();
            if r.text.is_empty() {
                continue;
            }
            // Strong text in the template's strong face, bold; emphasis as 着重号 or italic.
            let run_family = if r.strong { strong_family } else { family };
            self.usage.add(run_family, &r.text);
            let link = r.link.as_deref().filter(|l| is_safe_link(l));
            let rpr = RPr {
                style: if link.is_some() {
                    Some(styles::HYPERLINK)
                } else if r.code {
                    Some(styles::CODE)
                } else {
                    None
                },
                family: (r.strong && strong_family != family).then_some(strong_family),
                east_asian_hint: faces::needs_east_asian_hint(&r.text),
                bold: r.strong.then_some(true),
                italic: (r.emphasis && !dots).then_some(true),
                strike: r.strike,
                emphasis_mark: (r.emphasis && dots).then_some("underDot"),
                ..RPr::default()
            };
            match link {
                Some(target) => {
                    let id = self.rels.hyperlink(target);
                    self.x
                        .open("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    gaps.runs(&mut self.x, &rpr, &r.text, start);
                    self.x.close("w:hyperlink");
                }
                None => gaps.runs(&mut self.x, &rpr, &r.text, start),
            }
        }
    }

    fn section(&mut self, s: &Section) {
        let t = self.t;
        let m = &self.m;
        let x = &mut self.x;
        let p = &t.page;
        x.open("w:sectPr", &[]);
        if let Some(id) = &s.header {
            x.empty("w:headerReference", &[("w:type", "default"), ("r:id", id)]);
        }
        if let Some(id) = &s.footer {
            x.empty("w:footerReference", &[("w:type", "default"), ("r:id", id)]);
        }
        let (w, h) = (m.mm(p.width_mm()), m.mm(p.height_mm()));
        let (w, h) = (w.to_string(), h.to_string());
        let mut size = vec![("w:w", w.as_str()), ("w:h", h.as_str())];
        if p.width_mm() > p.height_mm() {
            size.push(("w:orient", "landscape"));
        }
        x.empty("w:pgSz", &size);
        let mg = &p.margins;
        // Header and footer distances are from the paper edge to the running line; the template
        // gives the gap between the line and the text block.
        let header = (m.mm(mg.top.0) - m.mm(p.header_gap.0) - m.line_twips(Role::Header)).max(0);
        let footer = (m.mm(mg.bottom.0) - m.mm(p.footer_gap.0) - m.line_twips(Role::Footer)).max(0);
        let v: Vec<String> = [
            m.mm(mg.top.0),
            m.mm(mg.outer.0),
            m.mm(mg.bottom.0),
            m.mm(mg.inner.0),
            header,
            footer,
        ]
        .iter()
        .map(i64::to_string)
        .collect();
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &v[0]),
                ("w:right", &v[1]),
                ("w:bottom", &v[2]),
                ("w:left", &v[3]),
                ("w:header", &v[4]),
                ("w:footer", &v[5]),
                ("w:gutter", "0"),
            ],
        );
        let num = p.columns.count.max(1).to_string();
        let space = m.mm(p.columns.gap.0).to_string();
        x.empty("w:cols", &[("w:num", &num), ("w:space", &space)]);
        if let (Some(line), Some(chars)) = (m.grid_line_twips(), m.grid_char_space()) {
            let (line, chars) = (line.to_string(), chars.to_string());
            // A line grid; see `Metrics::grid_char_space` for why not `linesAndChars`.
            x.empty(
                "w:docGrid",
                &[
                    ("w:type", "lines"),
                    ("w:linePitch", &line),
                    ("w:charSpace", &chars),
                ],
            );
        }
        x.close("w:sectPr");
    }
}

/// The Han–Latin gaps of one paragraph (`typography::autospace`), each set as character spacing
/// on the character before it: Word's automatic spacing is off (LibreOffice spaced date digits
/// with it), so the DOCX spaces exactly where the PDF and the EPUB do.
struct Gaps {
    /// Byte offsets, in the paragraph's runs joined, of the characters a gap follows.
    after: Vec<usize>,
    /// `w:spacing` of such a character: the gap, plus the grid's spacing the style gives the
    /// others (a run's spacing replaces the style's).
    spacing: i64,
}

impl Gaps {
    /// The gaps of a paragraph of `role` whose runs, joined, are `text`.
    fn of(t: &Template, m: &Metrics, role: Role, text: &str) -> Gaps {
        let gap = t.chinese.han_latin_gap.at(t.role(role).size_pt());
        if gap <= 0.0 {
            return Gaps {
                after: Vec::new(),
                spacing: 0,
            };
        }
        let grid = if role.is_body_text() {
            m.grid_char_spacing(role).unwrap_or(0)
        } else {
            0
        };
        Gaps {
            after: autospace::gaps_after(text, t.chinese.date_digits),
            spacing: grid + pt_to_twips(gap),
        }
    }

    /// Writes `text` (which starts at byte `start` of the paragraph) as runs of `rpr`, the
    /// characters a gap follows in runs of their own with the gap's spacing.
    fn runs(&self, x: &mut Xml, rpr: &RPr, text: &str, start: usize) {
        for (piece, gap) in autospace::pieces(text, start, &self.after) {
            if gap {
                let spaced = RPr {
                    char_spacing: Some(self.spacing),
                    ..rpr.clone()
                };
                run(x, &spaced, piece);
            } else {
                run(x, rpr, piece);
            }
        }
    }
}

/// One `w:r`: properties, then the text with line breaks as `w:br` and tabs as `w:tab`.
pub(super) fn run(x: &mut Xml, rpr: &RPr, text: &str) {
    x.open("w:r", &[]);
    rpr.write(x);
    text_content(x, text);
    x.close("w:r");
}

pub(super) fn text_content(x: &mut Xml, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            x.empty("w:br", &[]);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                x.empty("w:tab", &[]);
            }
            let piece = piece.trim_end_matches('\r');
            if piece.is_empty() {
                continue;
            }
            // Word drops leading, trailing and doubled XML white space unless told to keep it.
            let keep = piece.starts_with(' ') || piece.ends_with(' ') || piece.contains("  ");
            if keep {
                x.leaf("w:t", &[("xml:space", "preserve")], piece);
            } else {
                x.leaf("w:t", &[], piece);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_spaces_breaks_and_tabs() {
        let mut x = Xml::new();
        text_content(&mut x, " a\tb\nc");
        let s = String::from_utf8(x.finish()).unwrap();
        assert!(s.ends_with(
            "<w:t xml:space=\"preserve\"> a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t>"
        ));
    }
}

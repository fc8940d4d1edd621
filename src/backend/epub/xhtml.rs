//! XHTML pages: the writer every page uses, and the article pages.
//!
//! An article is `<article>` with a `<header>` holding the headline group (`p.kicker`, `h1`,
//! `p.subtitle`), body paragraphs as `<p>` (the dateline as `span.dateline` opening the first),
//! subheadings as `h2.subheading`, quotes as `<blockquote>`, lists as `<ol>`/`<ul>`, and the byline
//! as `p.byline` in full-width brackets: each block the element of its role (`css.rs`).

use super::css::{self, Styles};
use super::fonts::{FaceKey, Usage};
use super::xml;
use crate::backend::xml::{Attrs, Xml};
use crate::model::Run;
use crate::plan::{ArticlePlan, LeadKind, ListKind, PlannedBlock};
use crate::typography::{Role, autospace};

/// Writes one XHTML document with quick-xml (every text and attribute escaped by it),
/// recording which face draws each character.
pub(super) struct Page<'a> {
    x: Xml,
    styles: &'a Styles<'a>,
    usage: &'a mut Usage,
}

impl<'a> Page<'a> {
    /// Starts a page: XML declaration, doctype, `<html>` with `lang` and `xml:lang`, `<head>`
    /// with the title and the stylesheet.
    pub(super) fn new(
        lang: &str,
        title: &str,
        styles: &'a Styles<'a>,
        usage: &'a mut Usage,
    ) -> Self {
        let mut page = Page {
            x: Xml::page(),
            styles,
            usage,
        };
        page.open_line(
            "html",
            &[
                ("xmlns", "http://www.w3.org/1999/xhtml"),
                ("xmlns:epub", "http://www.idpf.org/2007/ops"),
                ("lang", lang),
                ("xml:lang", lang),
            ],
        );
        page.open_line("head", &[]);
        page.x.empty("meta", &[("charset", "UTF-8")]);
        page.line();
        page.open("title", &[]);
        page.text(Role::Body, title);
        page.close_line("title");
        page.x.empty(
            "link",
            &[
                ("rel", "stylesheet"),
                ("type", "text/css"),
                ("href", "style.css"),
            ],
        );
        page.line();
        page.close_line("head");
        page
    }

    pub(super) fn open(&mut self, tag: &str, attrs: Attrs) {
        self.x.open(tag, attrs);
    }

    pub(super) fn close(&mut self, tag: &str) {
        self.x.close(tag);
    }

    pub(super) fn empty(&mut self, tag: &str, attrs: Attrs) {
        self.x.empty(tag, attrs);
    }

    /// A line break between blocks.
    pub(super) fn line(&mut self) {
        self.x.newline();
    }

    /// `<tag …>` and a line break.
    pub(super) fn open_line(&mut self, tag: &str, attrs: Attrs) {
        self.open(tag, attrs);
        self.line();
    }

    /// `</tag>` and a line break.
    pub(super) fn close_line(&mut self, tag: &str) {
        self.close(tag);
        self.line();
    }

    /// `<tag …/>` and a line break.
    pub(super) fn empty_line(&mut self, tag: &str, attrs: Attrs) {
        self.empty(tag, attrs);
        self.line();
    }

    /// `<tag class="…">` for an element of the page.
    fn open_classed(&mut self, tag: &str, css_class: Option<&str>) {
        match css_class {
            Some(c) => self.open(tag, &[("class", c)]),
            None => self.open(tag, &[]),
        }
    }

    /// Source text, escaped, drawn in the face of `class`.
    pub(super) fn text(&mut self, class: Role, text: &str) {
        let face = self.styles.face(class);
        self.text_in(&face, text);
    }

    /// Source text, escaped, drawn in `face`.
    fn text_in(&mut self, face: &FaceKey, text: &str) {
        self.usage.add(face, text);
        self.x.text(text);
    }

    /// Body text, escaped, with `<wbr/>` after each `/` inside a long Latin token (a URL, a
    /// path): UAX #14 allows a break after a solidus (class SY), but browser engines hold URLs
    /// together, push them to the next line and stretch the short line left behind.
    fn breakable_text(&mut self, face: &FaceKey, text: &str) {
        const LONG: usize = 24;
        let mut rest = text;
        while !rest.is_empty() {
            let start = rest
                .find(|c: char| c.is_ascii_graphic())
                .unwrap_or(rest.len());
            let len = rest[start..]
                .find(|c: char| !c.is_ascii_graphic())
                .unwrap_or(rest.len() - start);
            self.text_in(face, &rest[..start]);
            let token = &rest[start..start + len];
            if len >= LONG {
                let mut pieces = token.split_inclusive('/').peekable();
                while let Some(piece) = pieces.next() {
                    self.text_in(face, piece);
                    if piece.ends_with('/') && pieces.peek().is_some_and(|p| !p.starts_with('/')) {
                        self.empty("wbr", &[]);
                    }
                }
            } else {
                self.text_in(face, token);
            }
            rest = &rest[start + len..];
        }
    }

    /// `<tag class="…">text</tag>` on a line of its own.
    pub(super) fn element(&mut self, tag: &str, css_class: Option<&str>, class: Role, text: &str) {
        self.open_classed(tag, css_class);
        // As a run: the Han–Latin gaps are set here too.
        self.runs(class, &[Run::plain(text)]);
        self.close_line(tag);
    }

    /// A paragraph's runs: links (http, https, mailto only), strong, emphasis, strike, code.
    pub(super) fn runs(&mut self, class: Role, runs: &[Run]) {
        let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
        let t = self.styles.template;
        let gaps = if t.chinese.han_latin_gap.0 > 0.0 {
            autospace::gaps_after(&joined, t.chinese.date_digits)
        } else {
            Vec::new()
        };
        let mut offset = 0;
        for run in runs {
            let start = offset;
            offset += run.text.len();
            let href = run.link.as_deref().and_then(xml::safe_href);
            if let Some(href) = &href {
                self.open("a", &[("href", href)]);
            }
            let tags: Vec<&str> = [
                (run.strong, "strong"),
                (run.emphasis, "em"),
                // Struck text in news is a correction left visible: deleted, not just styled.
                (run.strike, "del"),
                (run.code, "code"),
            ]
            .into_iter()
            .filter_map(|(on, tag)| on.then_some(tag))
            .collect();
            for tag in &tags {
                self.open(tag, &[]);
            }
            // Strong text is drawn in the template's strong face (the stylesheet's `strong`).
            let face = if run.strong {
                self.styles.strong_face()
            } else {
                self.styles.face(class)
            };
            // The characters a Han–Latin gap follows each in a `span.gap`.
            for (piece, gap) in autospace::pieces(&run.text, start, &gaps) {
                if gap {
                    self.open("span", &[("class", "gap")]);
                    self.text_in(&face, piece);
                    self.close("span");
                } else {
                    self.piece(&face, piece, run.code);
                }
            }
            for tag in tags.iter().rev() {
                self.close(tag);
            }
            if href.is_some() {
                self.close("a");
            }
        }
    }

    /// Run text: verbatim (code) as it is, other text with break opportunities in long tokens.
    fn piece(&mut self, face: &FaceKey, text: &str, code: bool) {
        if code {
            self.text_in(face, text);
        } else {
            self.breakable_text(face, text);
        }
    }

    /// Closes `<body>` and `<html>`.
    pub(super) fn finish(mut self) -> String {
        self.close_line("body");
        self.close("html");
        self.x.finish_string()
    }
}

/// One article page, from its plan: the headline group in `<header>`, then each block as its
/// role's element. Consecutive list items share their `<ol>`/`<ul>`, consecutive quote
/// paragraphs their `<blockquote>`; a list marker is text (`span.marker`), the same `1．` and
/// `•` the PDF and the DOCX print.
pub(super) fn article(
    lang: &str,
    article: &ArticlePlan,
    styles: &Styles,
    usage: &mut Usage,
) -> String {
    let mut page = Page::new(lang, &article.label, styles, usage);
    page.open_line("body", &[("epub:type", "bodymatter")]);
    page.open_line("article", &[]);
    let blocks = &article.blocks;
    let heads = blocks
        .iter()
        .take_while(|b| matches!(b.role, Role::Kicker | Role::Headline | Role::Subtitle))
        .count();
    if heads > 0 {
        page.open_line("header", &[]);
    }
    for (i, block) in blocks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &blocks[j]);
        let next = blocks.get(i + 1);
        // Containers open before their first block and close after their last.
        let list_of = |b: Option<&PlannedBlock>| b.and_then(|b| b.list).map(|l| l.list);
        if let Some(l) = block.list
            && list_of(prev) != Some(l.list)
        {
            page.open_line(list_tag(l.kind), &[]);
        }
        let quote = |b: Option<&PlannedBlock>| b.is_some_and(|b| b.role == Role::Quote);
        if block.role == Role::Quote && !quote(prev) {
            page.open_line("blockquote", &[]);
        }
        write_block(&mut page, block);
        if block.role == Role::Quote && !quote(next) {
            page.close_line("blockquote");
        }
        if let Some(l) = block.list
            && list_of(next) != Some(l.list)
        {
            page.close_line(list_tag(l.kind));
        }
        if i + 1 == heads {
            page.close_line("header");
        }
    }
    page.close_line("article");
    page.finish()
}

fn list_tag(kind: ListKind) -> &'static str {
    match kind {
        ListKind::Ordered => "ol",
        ListKind::Bullet => "ul",
    }
}

fn write_block(page: &mut Page, block: &PlannedBlock) {
    let class = block.role;
    let (tag, css_class) = css::element(class);
    page.open_classed(tag, css_class);
    if let Some(lead) = &block.lead {
        match lead.kind {
            LeadKind::Dateline => {
                page.open("span", &[("class", "dateline")]);
                page.text(Role::Dateline, &lead.text);
                page.close("span");
            }
            LeadKind::Marker => {
                // In the list's marker box, so every item's text starts at one x.
                match block.list.and_then(|l| l.marker_box_em) {
                    Some(em) => {
                        let style = format!("min-width: {}em", super::css::num(em));
                        page.open("span", &[("class", "marker"), ("style", &style)]);
                    }
                    None => page.open("span", &[("class", "marker")]),
                }
                page.text(class, &lead.text);
                page.close("span");
            }
        }
        page.text(class, lead.separator);
    }
    page.runs(class, &block.runs);
    page.close_line(tag);
}

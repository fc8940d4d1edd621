//! XHTML pages: the writer every page uses, and the article pages.
//!
//! An article is `<article>` with a `<header>` holding the headline group (`p.kicker`, `h1`,
//! `p.subtitle`), body paragraphs as `<p>` (the dateline as `span.dateline` opening the first),
//! subheadings as `h2.subheading`, quotes as `<blockquote>`, lists as `<ol>`/`<ul>`, and the byline
//! as `p.byline` in full-width brackets.

use super::css::{Class, Styles};
use super::fonts::Usage;
use super::xml;
use crate::model::{Article, Block, Labelled, Paragraph, Run};

/// Writes one XHTML document, escaping all text and recording which face draws each character.
pub(super) struct Page<'a> {
    out: String,
    styles: &'a Styles<'a>,
    usage: &'a mut Usage,
}

impl<'a> Page<'a> {
    /// Starts a page: XML declaration, `<html>` with `lang` and `xml:lang`, `<head>` with the
    /// title and the stylesheet, and the opening `<body>`.
    pub(super) fn new(
        lang: &str,
        title: &str,
        styles: &'a Styles<'a>,
        usage: &'a mut Usage,
    ) -> Self {
        let mut page = Page {
            out: String::with_capacity(8192),
            styles,
            usage,
        };
        let lang = xml::attr(lang);
        page.raw(&format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>"
        ));
        page.text(Class::Body, title);
        page.raw(
            "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n",
        );
        page
    }

    /// Markup written as is: only ever literals of this backend and escaped values.
    pub(super) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Source text, escaped, drawn in the face of `class`.
    pub(super) fn text(&mut self, class: Class, text: &str) {
        self.usage.add(&self.styles.face(class), text);
        xml::text_into(&mut self.out, text);
    }

    /// Body text, escaped, with `<wbr/>` after each `/` inside a long Latin token (a URL, a
    /// path): UAX #14 allows a break after a solidus (class SY), but browser engines hold URLs
    /// together, push them to the next line and stretch the short line left behind.
    fn breakable_text(&mut self, class: Class, text: &str) {
        const LONG: usize = 24;
        let mut rest = text;
        while !rest.is_empty() {
            let start = rest
                .find(|c: char| c.is_ascii_graphic())
                .unwrap_or(rest.len());
            let len = rest[start..]
                .find(|c: char| !c.is_ascii_graphic())
                .unwrap_or(rest.len() - start);
            self.text(class, &rest[..start]);
            let token = &rest[start..start + len];
            if len >= LONG {
                let mut pieces = token.split_inclusive('/').peekable();
                while let Some(piece) = pieces.next() {
                    self.text(class, piece);
                    if piece.ends_with('/') && pieces.peek().is_some_and(|p| !p.starts_with('/')) {
                        self.raw("<wbr/>");
                    }
                }
            } else {
                self.text(class, token);
            }
            rest = &rest[start + len..];
        }
    }

    /// `<tag class="…">text</tag>` on a line of its own.
    pub(super) fn element(&mut self, tag: &str, css_class: Option<&str>, class: Class, text: &str) {
        match css_class {
            Some(c) => self.raw(&format!("<{tag} class=\"{c}\">")),
            None => self.raw(&format!("<{tag}>")),
        }
        self.text(class, text);
        self.raw(&format!("</{tag}>\n"));
    }

    /// A paragraph's runs: links (http, https, mailto only), strong, emphasis, strike, code.
    pub(super) fn runs(&mut self, class: Class, runs: &[Run]) {
        for run in runs {
            let href = run.link.as_deref().and_then(xml::safe_href);
            if let Some(href) = &href {
                self.raw(&format!("<a href=\"{}\">", xml::attr(href)));
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
                self.raw(&format!("<{tag}>"));
            }
            if run.code {
                self.text(class, &run.text);
            } else {
                self.breakable_text(class, &run.text);
            }
            for tag in tags.iter().rev() {
                self.raw(&format!("</{tag}>"));
            }
            if href.is_some() {
                self.raw("</a>");
            }
        }
    }

    /// Closes `<body>` and `<html>`.
    pub(super) fn finish(mut self) -> String {
        self.raw("</body>\n</html>\n");
        self.out
    }
}

/// One article page.
pub(super) fn article(
    lang: &str,
    title: &str,
    article: &Article,
    styles: &Styles,
    usage: &mut Usage,
) -> String {
    let mut page = Page::new(lang, title, styles, usage);
    page.raw("<body epub:type=\"bodymatter\">\n<article>\n");
    let h = &article.headline;
    if h.kicker.is_some() || h.headline.is_some() || h.subtitle.is_some() {
        page.raw("<header>\n");
        if let Some(k) = &h.kicker {
            page.element("p", Some("kicker"), Class::Kicker, k);
        }
        if let Some(t) = &h.headline {
            page.element("h1", None, Class::Headline, t);
        }
        if let Some(s) = &h.subtitle {
            page.element("p", Some("subtitle"), Class::Subtitle, s);
        }
        page.raw("</header>\n");
    }

    furniture(&mut page, "release", Class::Release, &article.release);
    let mut dateline = article.dateline.as_ref();
    for block in &article.body {
        match (dateline.take(), block) {
            (Some(d), Block::Paragraph(p)) => {
                page.raw("<p><span class=\"dateline\">");
                page.text(Class::Dateline, &d.display());
                page.raw("</span>");
                if !p.runs.is_empty() {
                    page.text(Class::Body, d.separator());
                }
                page.runs(Class::Body, &p.runs);
                page.raw("</p>\n");
            }
            (Some(d), other) => {
                page.raw("<p><span class=\"dateline\">");
                page.text(Class::Dateline, &d.display());
                page.raw("</span></p>\n");
                write_block(&mut page, other);
            }
            (None, other) => write_block(&mut page, other),
        }
    }
    if let Some(d) = dateline {
        page.raw("<p><span class=\"dateline\">");
        page.text(Class::Dateline, &d.display());
        page.raw("</span></p>\n");
    }
    if let Some(b) = &article.byline {
        page.element(
            "p",
            Some("byline"),
            Class::Byline,
            &format!("（{}）", b.display()),
        );
    }
    furniture(&mut page, "credits", Class::Credits, &article.credits);
    page.raw("</article>\n");
    page.finish()
}

/// Release metadata or closing credits: one paragraph of entries, when there are any.
fn furniture(page: &mut Page, class: &str, style: Class, entries: &[Labelled]) {
    if !entries.is_empty() {
        page.element("p", Some(class), style, &Labelled::display_all(entries));
    }
}

fn write_block(page: &mut Page, block: &Block) {
    match block {
        Block::Paragraph(p) => paragraph(page, "p", None, Class::Body, p),
        Block::Subheading(p) => paragraph(page, "h2", Some("subheading"), Class::Subheading, p),
        Block::Quote { paragraphs } => {
            page.raw("<blockquote>\n");
            for p in paragraphs {
                paragraph(page, "p", None, Class::Body, p);
            }
            page.raw("</blockquote>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            page.raw(&format!("<{tag}>\n"));
            for p in items {
                paragraph(page, "li", None, Class::Body, p);
            }
            page.raw(&format!("</{tag}>\n"));
        }
    }
}

fn paragraph(page: &mut Page, tag: &str, css_class: Option<&str>, class: Class, p: &Paragraph) {
    match css_class {
        Some(c) => page.raw(&format!("<{tag} class=\"{c}\">")),
        None => page.raw(&format!("<{tag}>")),
    }
    page.runs(class, &p.runs);
    page.raw(&format!("</{tag}>\n"));
}

//! `word/styles.xml`, generated from the template: document defaults, one paragraph style per
//! role and a few for body blocks Markdown can produce, and character styles for the dateline,
//! links and code. No size, pitch or font here is fixed: each comes from a template role.

use super::faces::{self, Usage};
use super::metrics::Metrics;
use super::props::{Ind, PPr, RPr, Space};
use super::xml::Xml;
use super::{Lang, NS_W};
use crate::typography::{Align, DateDigits, Role, Template};

/// The paragraph styles paiban writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PStyle {
    Normal,
    Body,
    Kicker,
    Headline,
    Subtitle,
    Subheading,
    Quote,
    List,
    Byline,
    Release,
    Credits,
    IssueTitle,
    Header,
    Footer,
}

impl PStyle {
    const ALL: [PStyle; 14] = [
        PStyle::Normal,
        PStyle::Body,
        PStyle::Kicker,
        PStyle::Headline,
        PStyle::Subtitle,
        PStyle::Subheading,
        PStyle::Quote,
        PStyle::List,
        PStyle::Byline,
        PStyle::Release,
        PStyle::Credits,
        PStyle::IssueTitle,
        PStyle::Header,
        PStyle::Footer,
    ];

    /// `w:styleId`. Word's built-in ids where Word has a matching style, so its navigation pane,
    /// outline and table of contents treat the headline as a heading.
    pub fn id(self) -> &'static str {
        match self {
            PStyle::Normal => "Normal",
            PStyle::Body => "BodyText",
            PStyle::Kicker => "Kicker",
            PStyle::Headline => "Heading1",
            PStyle::Subtitle => "Subtitle",
            PStyle::Subheading => "Heading2",
            PStyle::Quote => "Quote",
            PStyle::List => "ListParagraph",
            PStyle::Byline => "Byline",
            PStyle::Release => "Release",
            PStyle::Credits => "Credits",
            PStyle::IssueTitle => "IssueTitle",
            PStyle::Header => "Header",
            PStyle::Footer => "Footer",
        }
    }

    /// `w:name`: Word's built-in names (lower-case "heading 1" is how Word recognises them).
    fn name(self) -> &'static str {
        match self {
            PStyle::Normal => "Normal",
            PStyle::Body => "Body Text",
            PStyle::Kicker => "Kicker",
            PStyle::Headline => "heading 1",
            PStyle::Subtitle => "Subtitle",
            PStyle::Subheading => "heading 2",
            PStyle::Quote => "Quote",
            PStyle::List => "List Paragraph",
            PStyle::Byline => "Byline",
            PStyle::Release => "Release",
            PStyle::Credits => "Credits",
            PStyle::IssueTitle => "Issue Title",
            PStyle::Header => "header",
            PStyle::Footer => "footer",
        }
    }

    /// The news role's Chinese name, written as `w:aliases` so Word lists it next to the
    /// style name; built-in styles Word already names in Chinese have none.
    fn alias(self) -> Option<&'static str> {
        match self {
            PStyle::Kicker => Some("引题"),
            PStyle::Headline => Some("主题"),
            PStyle::Subtitle => Some("副题"),
            PStyle::Subheading => Some("小标题"),
            PStyle::Byline => Some("署名"),
            PStyle::Release => Some("发稿信息"),
            PStyle::Credits => Some("编辑署名"),
            PStyle::IssueTitle => Some("报头"),
            _ => None,
        }
    }

    /// The template role whose settings the style takes. Subheadings, quotes and lists are body
    /// text (Markdown blocks the template has no role for): they start from the body role.
    pub fn role(self) -> Role {
        match self {
            PStyle::Normal | PStyle::Body | PStyle::Subheading | PStyle::Quote | PStyle::List => {
                Role::Body
            }
            PStyle::Kicker => Role::Kicker,
            PStyle::Headline => Role::Headline,
            PStyle::Subtitle => Role::Subtitle,
            PStyle::Byline => Role::Byline,
            PStyle::Release => Role::Release,
            PStyle::Credits => Role::Credits,
            PStyle::IssueTitle => Role::IssueTitle,
            PStyle::Header => Role::Header,
            PStyle::Footer => Role::Footer,
        }
    }

    /// The family this style's text is drawn in (for the embedded subsets). Subheadings take
    /// the headline's face at body size, like the dateline.
    pub fn family(self, t: &Template) -> &str {
        match self {
            PStyle::Subheading => faces::family(&t.role(Role::Headline).font),
            _ => faces::family(&t.role(self.role()).font),
        }
    }

    fn based_on(self) -> Option<PStyle> {
        match self {
            PStyle::Normal => None,
            PStyle::Quote | PStyle::List => Some(PStyle::Body),
            _ => Some(PStyle::Normal),
        }
    }

    fn next(self) -> Option<PStyle> {
        match self {
            PStyle::Kicker => Some(PStyle::Headline),
            PStyle::Headline | PStyle::Subtitle | PStyle::Subheading => Some(PStyle::Body),
            PStyle::IssueTitle => Some(PStyle::Headline),
            _ => None,
        }
    }

    fn is_heading(self) -> bool {
        matches!(
            self,
            PStyle::Kicker | PStyle::Headline | PStyle::Subtitle | PStyle::Subheading
        )
    }
}

/// Character styles.
pub(super) const DATELINE: &str = "Dateline";
pub(super) const HYPERLINK: &str = "Hyperlink";
pub(super) const CODE: &str = "VerbatimChar";

/// `w:jc` for an alignment. `both` is 两端对齐: justified, last line not stretched.
pub(super) fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Centre => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

/// `styles.xml`. Records the characters of nothing (styles hold no text) but registers each
/// style's family in `usage` so `fontTable.xml` lists every family a style names.
pub(super) fn write(t: &Template, lang: &Lang, usage: &mut Usage) -> Vec<u8> {
    let m = Metrics { t };
    let body = t.role(Role::Body);
    let body_family = faces::family(&body.font);
    let mut x = Xml::new();
    x.open("w:styles", &[("xmlns:w", NS_W)]);

    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    RPr {
        family: Some(body_family),
        size: Some(m.size_half_points(Role::Body)),
        lang: Some((&lang.latin, &lang.east_asian)),
        ..RPr::default()
    }
    .write(&mut x);
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    PPr {
        widow_control: true,
        kinsoku: true,
        // Line-end punctuation is compressed (docs/typography.md §4), not hung in the margin.
        overflow_punct: Some(false),
        // Han–Latin gap (docs/typography.md §5). Word cannot tell a date's digits from others, so
        // `date_digits = "tight"` (the newspaper default) keeps every Han–digit pair tight.
        auto_space_de: Some(t.han_latin_gap_pt() > 0.0),
        auto_space_dn: Some(
            t.han_latin_gap_pt() > 0.0 && t.chinese.date_digits == DateDigits::Spaced,
        ),
        space: Some(Space {
            before: Some(0),
            after: Some(0),
            line: None,
        }),
        ..PPr::default()
    }
    .write(&mut x);
    x.close("w:pPrDefault");
    x.close("w:docDefaults");

    for s in PStyle::ALL {
        usage.add(s.family(t), "");
        paragraph_style(&mut x, &m, s);
    }

    character_style(
        &mut x,
        "DefaultParagraphFont",
        "Default Paragraph Font",
        None,
        true,
        &RPr::default(),
    );
    let dateline = t.role(Role::Dateline);
    let dateline_family = faces::family(&dateline.font);
    usage.add(dateline_family, "");
    character_style(
        &mut x,
        DATELINE,
        "Dateline",
        Some("电头"),
        false,
        &RPr {
            family: Some(dateline_family),
            bold: Some(dateline.is_bold()),
            char_spacing: m.grid_char_spacing(Role::Dateline),
            size: Some(m.size_half_points(Role::Dateline)),
            ..RPr::default()
        },
    );
    character_style(
        &mut x,
        HYPERLINK,
        "Hyperlink",
        None,
        false,
        &RPr {
            color: Some("0563C1"),
            underline: Some("single"),
            ..RPr::default()
        },
    );
    character_style(
        &mut x,
        CODE,
        "Verbatim Char",
        None,
        false,
        &RPr {
            no_proof: true,
            ..RPr::default()
        },
    );
    x.close("w:styles");
    x.finish()
}

fn paragraph_style(x: &mut Xml, m: &Metrics, s: PStyle) {
    let t = m.t;
    let role = s.role();
    let style = t.role(role);
    let body_bold = t.role(Role::Body).is_bold();
    let mut attrs = vec![("w:type", "paragraph")];
    if s == PStyle::Normal {
        attrs.push(("w:default", "1"));
    }
    attrs.push(("w:styleId", s.id()));
    x.open("w:style", &attrs);
    x.val("w:name", s.name());
    if let Some(a) = s.alias() {
        x.val("w:aliases", a);
    }
    if let Some(b) = s.based_on() {
        x.val("w:basedOn", b.id());
    }
    if let Some(n) = s.next() {
        x.val("w:next", n.id());
    }
    x.empty("w:qFormat", &[]);

    let (first_chars, first_twips) = m.first_line(role);
    let mut ppr = PPr {
        keep_next: s.is_heading(),
        // Headings and running heads keep their own pitch on a grid (Word would otherwise
        // spread a 22 pt headline over two 16 pt grid cells per character).
        snap_to_grid: (t.grid.is_some() && !role.is_body_text()).then_some(false),
        space: Some(Space {
            before: Some(m.space_twips(style.space_before)),
            after: Some(m.space_twips(style.space_after)),
            line: Some(m.line_twips(role)),
        }),
        jc: Some(jc(style.align)),
        ..PPr::default()
    };
    let first_line = Some((first_chars, first_twips));
    match s {
        // Normal carries the body's face, size, pitch and alignment but no indent: it is the
        // base of headings too.
        PStyle::Normal => {
            ppr.space = Some(Space {
                line: Some(m.line_twips(Role::Body)),
                ..Space::default()
            })
        }
        PStyle::Body | PStyle::List => {
            ppr.ind = Some(Ind {
                first_line,
                ..Ind::default()
            })
        }
        PStyle::Quote => {
            let two = (200, 2 * m.body_char_twips());
            ppr.ind = Some(Ind {
                left: Some(two),
                right: Some(two),
                first_line,
            })
        }
        PStyle::Subheading => {
            ppr.ind = Some(Ind {
                first_line: Some((0, 0)),
                ..Ind::default()
            });
            ppr.outline_level = Some(1);
        }
        PStyle::Headline => ppr.outline_level = Some(0),
        _ if first_chars != 0 => {
            ppr.ind = Some(Ind {
                first_line,
                ..Ind::default()
            })
        }
        _ => {}
    }
    ppr.write(x);

    let bold = match s {
        PStyle::Normal => style.is_bold(),
        PStyle::Subheading => true,
        _ => style.is_bold(),
    };
    // On a grid, body text is condensed or spread to the grid's pitch; quotes and lists
    // inherit it from Body, Normal (the base of headings) stays as the font is.
    let char_spacing = match s {
        PStyle::Body | PStyle::Subheading | PStyle::Byline => m.grid_char_spacing(role),
        _ => None,
    };
    RPr {
        family: Some(s.family(t)),
        // Written when it differs from Normal (or on Normal itself when bold).
        bold: (bold != body_bold || (s == PStyle::Normal && bold)).then_some(bold),
        char_spacing,
        size: Some(m.size_half_points(role)),
        ..RPr::default()
    }
    .write(x);
    x.close("w:style");
}

fn character_style(
    x: &mut Xml,
    id: &str,
    name: &str,
    alias: Option<&str>,
    default: bool,
    rpr: &RPr,
) {
    let mut attrs = vec![("w:type", "character")];
    if default {
        attrs.push(("w:default", "1"));
    }
    attrs.push(("w:styleId", id));
    x.open("w:style", &attrs);
    x.val("w:name", name);
    if let Some(a) = alias {
        x.val("w:aliases", a);
    }
    if default {
        x.val("w:uiPriority", "1");
        x.empty("w:semiHidden", &[]);
        x.empty("w:unhideWhenUsed", &[]);
    } else {
        x.val("w:basedOn", "DefaultParagraphFont");
        x.empty("w:qFormat", &[]);
    }
    rpr.write(x);
    x.close("w:style");
}

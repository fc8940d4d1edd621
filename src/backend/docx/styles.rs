//! `word/styles.xml`, generated from the template: document defaults, one paragraph style per
//! role and a few for body blocks Markdown can produce, and character styles for the dateline,
//! links and code. No size, pitch or font here is fixed: each comes from a template role.

use super::faces::{self, Usage};
use super::metrics::Metrics;
use super::props::{Ind, PPr, RPr, Space};
use super::xml::Xml;
use super::{Lang, NS_W};
use crate::plan;
use crate::typography::{Align, Role, Template};

/// The paragraph styles paiban writes: Normal (the base every style inherits) and one per
/// template role the plan gives a paragraph (every role but the dateline, a character style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PStyle {
    Normal,
    Role(Role),
}

impl PStyle {
    pub const HEADER: PStyle = PStyle::Role(Role::Header);
    pub const FOOTER: PStyle = PStyle::Role(Role::Footer);

    /// The style of a paragraph of `role`.
    pub fn of(role: Role) -> PStyle {
        PStyle::Role(role)
    }

    fn all() -> impl Iterator<Item = PStyle> {
        std::iter::once(PStyle::Normal).chain(
            Role::ALL
                .into_iter()
                .filter(|&r| r != Role::Dateline)
                .map(PStyle::Role),
        )
    }

    /// `w:styleId`. Word's built-in ids where Word has a matching style, so its navigation pane,
    /// outline and table of contents treat the headline as a heading.
    pub fn id(self) -> &'static str {
        match self {
            PStyle::Normal => "Normal",
            PStyle::Role(r) => match r {
                Role::Body => "BodyText",
                Role::Kicker => "Kicker",
                Role::Headline => "Heading1",
                Role::Subtitle => "Subtitle",
                Role::Subheading => "Heading2",
                Role::Quote => "Quote",
                Role::ListItem => "ListParagraph",
                Role::Byline => "Byline",
                Role::Release => "Release",
                Role::Credits => "Credits",
                Role::IssueTitle => "IssueTitle",
                Role::MastheadLine => "MastheadLine",
                Role::Header => "Header",
                Role::Footer => "Footer",
                Role::Caption => "Caption",
                Role::TableCell => "TableText",
                Role::Dateline => DATELINE,
            },
        }
    }

    /// `w:name`: Word's built-in names (lower-case "heading 1" is how Word recognises them).
    fn name(self) -> &'static str {
        match self {
            PStyle::Normal => "Normal",
            PStyle::Role(r) => match r {
                Role::Body => "Body Text",
                Role::Kicker => "Kicker",
                Role::Headline => "heading 1",
                Role::Subtitle => "Subtitle",
                Role::Subheading => "heading 2",
                Role::Quote => "Quote",
                Role::ListItem => "List Paragraph",
                Role::Byline => "Byline",
                Role::Release => "Release",
                Role::Credits => "Credits",
                Role::IssueTitle => "Issue Title",
                Role::MastheadLine => "Masthead Line",
                Role::Header => "header",
                Role::Footer => "footer",
                Role::Caption => "caption",
                Role::TableCell => "Table Text",
                Role::Dateline => "Dateline",
            },
        }
    }

    /// The news role's Chinese name, written as `w:aliases` so Word lists it next to the
    /// style name; built-in styles Word already names in Chinese have none.
    fn alias(self) -> Option<&'static str> {
        match self.role() {
            Role::Kicker => Some("引题"),
            Role::Headline => Some("主题"),
            Role::Subtitle => Some("副题"),
            Role::Subheading => Some("小标题"),
            Role::Byline => Some("署名"),
            Role::Release => Some("发稿信息"),
            Role::Credits => Some("编辑署名"),
            Role::IssueTitle => Some("报头"),
            Role::MastheadLine => Some("报头日期"),
            Role::TableCell => Some("表格文字"),
            _ => None,
        }
    }

    /// The template role whose settings the style takes; Normal takes the body's face, size
    /// and pitch.
    pub fn role(self) -> Role {
        match self {
            PStyle::Normal => Role::Body,
            PStyle::Role(r) => r,
        }
    }

    /// The family this style's text is drawn in (for the embedded subsets).
    pub fn family(self, t: &Template) -> &str {
        faces::family(&t.role(self.role()).font)
    }

    fn based_on(self) -> Option<PStyle> {
        match self {
            PStyle::Normal => None,
            _ => Some(PStyle::Normal),
        }
    }

    fn next(self) -> Option<PStyle> {
        match self.role() {
            _ if self == PStyle::Normal => None,
            Role::Kicker => Some(PStyle::of(Role::Headline)),
            Role::Headline | Role::Subtitle | Role::Subheading | Role::Release => {
                Some(PStyle::of(Role::Body))
            }
            Role::IssueTitle => Some(PStyle::of(Role::MastheadLine)),
            _ => None,
        }
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
        // Han–Latin gap (docs/typography.md §5): automatic spacing off; the document sets each
        // gap the shared rule finds as character spacing (Word cannot tell a date's digits from
        // others, and LibreOffice spaces every Han–digit pair under either switch).
        auto_space_de: Some(false),
        auto_space_dn: Some(false),
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

    for s in PStyle::all() {
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

    // Normal carries the body's face, size, pitch and alignment but no indent or space: it is
    // the base of every style, each of which sets its role's own.
    if s == PStyle::Normal {
        PPr {
            space: Some(Space {
                line: Some(m.line_twips(Role::Body)),
                ..Space::default()
            }),
            jc: Some(jc(style.align)),
            ..PPr::default()
        }
        .write(x);
        RPr {
            family: Some(s.family(t)),
            bold: body_bold.then_some(true),
            size: Some(m.size_half_points(role)),
            ..RPr::default()
        }
        .write(x);
        x.close("w:style");
        return;
    }
    let (first_chars, first_twips) = m.first_line(role);
    let side = m.side_indent(role);
    let mut ppr = PPr {
        keep_next: plan::keeps_with_next(role),
        // Headings and running heads keep their own pitch on a grid (Word would otherwise
        // spread a 22 pt headline over two 16 pt grid cells per character).
        snap_to_grid: (t.grid.is_some() && !role.is_body_text()).then_some(false),
        space: Some(Space {
            before: Some(m.space_twips(style.space_before)),
            after: Some(m.space_twips(style.space_after)),
            line: Some(m.line_twips(role)),
        }),
        jc: Some(jc(style.align)),
        outline_level: match role {
            Role::Headline => Some(0),
            Role::Subheading => Some(1),
            _ => None,
        },
        ..PPr::default()
    };
    if first_chars != 0 || side.0 != 0 {
        ppr.ind = Some(Ind {
            left: (side.0 != 0).then_some(side),
            right: (side.0 != 0).then_some(side),
            first_line: Some((first_chars, first_twips)),
        });
    }
    ppr.write(x);

    let bold = style.is_bold();
    RPr {
        family: Some(s.family(t)),
        // Written when it differs from Normal.
        bold: (bold != body_bold).then_some(bold),
        // On a grid, body text is condensed or spread to the grid's pitch.
        char_spacing: if role.is_body_text() {
            m.grid_char_spacing(role)
        } else {
            None
        },
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

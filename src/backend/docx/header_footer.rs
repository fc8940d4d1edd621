//! Running header and footer parts from the template's patterns (`{title}`, `{date}`,
//! `{publisher}`, `{page}`); `{page}` becomes a `PAGE` field inside the template's page-number
//! style (`— 1 —`, `第 1 页`, `1`).

use super::document::run;
use super::faces::{self, Usage};
use super::props::{PPr, RPr};
use super::styles::PStyle;
use super::xml::Xml;
use super::{NS_R, NS_W, display_date};
use crate::model::Document;
use crate::typography::{RunningFields, Template};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Header,
    Footer,
}

/// A piece of a running line.
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    Text(String),
    Page,
}

/// A page number no real document reaches; the template formats it like any page number and
/// the digits are then replaced by the field, so the text around the number (`第 … 页`,
/// `— … —`) comes from the template's own formatting.
const PLACEHOLDER: u32 = u32::MAX;

fn pieces(t: &Template, pattern: &str, doc: &Document) -> Vec<Piece> {
    let date = doc
        .meta
        .date
        .as_deref()
        .map(display_date)
        .unwrap_or_default();
    let fields = RunningFields {
        title: doc.meta.title.as_deref().unwrap_or(""),
        date: &date,
        publisher: doc.meta.publisher.as_deref().unwrap_or(""),
        page: PLACEHOLDER,
    };
    let text = t.page.format_running(pattern, &fields);
    let marker = PLACEHOLDER.to_string();
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(i) = rest.find(&marker) {
        if i > 0 {
            out.push(Piece::Text(rest[..i].to_owned()));
        }
        out.push(Piece::Page);
        rest = &rest[i + marker.len()..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_owned()));
    }
    out
}

/// The part, or `None` when the template's pattern is empty.
pub(super) fn write(
    kind: Kind,
    t: &Template,
    doc: &Document,
    usage: &mut Usage,
) -> Option<Vec<u8>> {
    let (pattern, style, root) = match kind {
        Kind::Header => (&t.page.header, PStyle::Header, "w:hdr"),
        Kind::Footer => (&t.page.footer, PStyle::Footer, "w:ftr"),
    };
    if pattern.trim().is_empty() {
        return None;
    }
    let family = style.family(t);
    let mut x = Xml::new();
    x.open(root, &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x.open("w:p", &[]);
    PPr {
        style: Some(style.id()),
        ..PPr::default()
    }
    .write(&mut x);
    for piece in pieces(t, pattern, doc) {
        match piece {
            Piece::Text(s) => {
                usage.add(family, &s);
                let rpr = RPr {
                    east_asian_hint: faces::needs_east_asian_hint(&s),
                    ..RPr::default()
                };
                run(&mut x, &rpr, &s);
            }
            Piece::Page => {
                usage.add(family, "0123456789");
                x.open("w:fldSimple", &[("w:instr", " PAGE ")]);
                run(&mut x, &RPr::default(), "1");
                x.close("w:fldSimple");
            }
        }
    }
    x.close("w:p");
    x.close(root);
    Some(x.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metadata;

    fn doc() -> Document {
        Document {
            meta: Metadata {
                title: Some("东昌府新闻".into()),
                publisher: Some("融媒体中心".into()),
                date: Some("2022-09-01".into()),
                language: "zh-CN".into(),
                identifier: "x".into(),
            },
            articles: vec![],
        }
    }

    #[test]
    fn page_field_inside_the_template_style() {
        let t = Template::builtin("newspaper").unwrap();
        assert_eq!(
            pieces(&t, "{page}", &doc()),
            vec![
                Piece::Text("第 ".into()),
                Piece::Page,
                Piece::Text(" 页".into())
            ]
        );
        assert_eq!(
            pieces(&t, "{title}　{date}", &doc()),
            vec![Piece::Text("东昌府新闻　2022年9月1日".into())]
        );
        let g = Template::builtin("gongwen").unwrap();
        assert_eq!(
            pieces(&g, "{page}", &doc()),
            vec![
                Piece::Text("\u{2014} ".into()),
                Piece::Page,
                Piece::Text(" \u{2014}".into())
            ]
        );
    }
}

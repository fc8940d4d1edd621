//! Running header and footer parts from the template's patterns (`{title}`, `{date}`,
//! `{publisher}`, `{page}`); `{page}` becomes a `PAGE` field inside the template's page-number
//! style (`— 1 —`, `第 1 页`, `1`).

use super::document::run;
use super::faces::{self, Usage};
use super::props::{PPr, RPr, Rule};
use super::styles::PStyle;
use super::xml::Xml;
use super::{NS_R, NS_W};
use crate::plan::Plan;
use crate::typography::{RunningPiece, Template};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Header,
    Footer,
}

/// The part, or `None` when the template's pattern is empty.
pub(super) fn write(kind: Kind, t: &Template, plan: &Plan, usage: &mut Usage) -> Option<Vec<u8>> {
    // The plan expanded the template's pattern; a blank one (no pattern, or `{title}　{date}`
    // for an issue with neither) gives no part, as the PDF draws no running head then.
    let (running, style, root) = match kind {
        Kind::Header => (plan.running_head.as_ref()?, PStyle::HEADER, "w:hdr"),
        Kind::Footer => (plan.running_foot.as_ref()?, PStyle::FOOTER, "w:ftr"),
    };
    let family = style.family(t);
    let mut x = Xml::new();
    x.open(root, &[("xmlns:w", NS_W), ("xmlns:r", NS_R)]);
    x.open("w:p", &[]);
    // The template's rule under the running head: the paragraph's bottom border, 1 pt below
    // the text (the PDF draws it 1.5 pt below the line's foot).
    let rule = t.page.header_rule.0;
    PPr {
        style: Some(style.id()),
        rule_below: (kind == Kind::Header && rule > 0.0).then(|| Rule {
            eighths: ((rule * 8.0).round() as u32).clamp(2, 96),
            space_pt: 1,
        }),
        ..PPr::default()
    }
    .write(&mut x);
    for piece in running.pieces() {
        match piece {
            RunningPiece::Text(s) => {
                usage.add(family, s);
                let rpr = RPr {
                    east_asian_hint: faces::needs_east_asian_hint(s),
                    ..RPr::default()
                };
                run(&mut x, &rpr, s);
            }
            RunningPiece::PageNumber => {
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
    use crate::model::{Document, Metadata};

    fn doc() -> Document {
        Document {
            meta: Metadata {
                title: Some("东昌府新闻".into()),
                publisher: Some("融媒体中心".into()),
                date: crate::model::IssueDate::parse("2022-09-01"),
                language: "zh-CN".into(),
                identifier: "x".into(),
            },
            articles: vec![],
        }
    }

    fn pieces(t: &Template, kind: Kind, doc: &Document) -> Vec<RunningPiece> {
        let plan = crate::plan::plan(doc, t);
        let line = match kind {
            Kind::Header => plan.running_head,
            Kind::Footer => plan.running_foot,
        };
        line.map(|l| l.pieces().to_vec()).unwrap_or_default()
    }

    fn write(kind: Kind, t: &Template, doc: &Document, usage: &mut Usage) -> Option<Vec<u8>> {
        super::write(kind, t, &crate::plan::plan(doc, t), usage)
    }

    #[test]
    fn page_field_inside_the_template_style() {
        let t = Template::builtin("newspaper").unwrap();
        assert_eq!(
            pieces(&t, Kind::Footer, &doc()),
            vec![
                RunningPiece::Text("第 ".into()),
                RunningPiece::PageNumber,
                RunningPiece::Text(" 页".into())
            ]
        );
        assert_eq!(
            pieces(&t, Kind::Header, &doc()),
            vec![RunningPiece::Text("东昌府新闻　2022年9月1日".into())]
        );
        let g = Template::builtin("gongwen").unwrap();
        assert_eq!(
            pieces(&g, Kind::Footer, &doc()),
            vec![
                RunningPiece::Text("\u{2014} ".into()),
                RunningPiece::PageNumber,
                RunningPiece::Text(" \u{2014}".into())
            ]
        );
    }

    #[test]
    fn a_running_head_with_only_empty_fields_writes_no_part() {
        let t = Template::builtin("newspaper").unwrap();
        let mut d = doc();
        d.meta.title = None;
        d.meta.date = None;
        let mut usage = Usage::default();
        assert_eq!(write(Kind::Header, &t, &d, &mut usage), None);
        // The foot still has its page number.
        assert!(write(Kind::Footer, &t, &d, &mut usage).is_some());
        assert!(write(Kind::Header, &t, &doc(), &mut usage).is_some());
    }

    #[test]
    fn the_template_rule_is_the_running_heads_bottom_border() {
        let mut t = Template::builtin("newspaper").unwrap();
        let mut usage = Usage::default();
        let xml = |t: &Template, kind, usage: &mut Usage| {
            String::from_utf8(write(kind, t, &doc(), usage).unwrap()).unwrap()
        };
        let head = xml(&t, Kind::Header, &mut usage);
        assert!(
            head.contains("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\""),
            "{head}"
        );
        assert!(!xml(&t, Kind::Footer, &mut usage).contains("w:pBdr"));
        t.page.header_rule = crate::typography::Pt(0.0);
        assert!(!xml(&t, Kind::Header, &mut usage).contains("w:pBdr"));
    }

    #[test]
    fn digits_in_the_title_are_text() {
        let mut t = Template::builtin("newspaper").unwrap();
        t.page.header = "{title}{page}".into();
        t.page.page_numbers = crate::typography::PageNumberStyle::Plain;
        let mut d = doc();
        d.meta.title = Some("编号4294967295号".into());
        assert_eq!(
            pieces(&t, Kind::Header, &d),
            vec![
                RunningPiece::Text("编号4294967295号".into()),
                RunningPiece::PageNumber
            ]
        );
    }
}

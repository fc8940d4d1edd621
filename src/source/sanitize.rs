//! The last pass over every model, however it was made (Markdown, front matter, a JSON model):
//! characters no output can carry are removed and links other than http, https and mailto are
//! dropped, each with a warning naming where. Markdown entities (`&#1;`), YAML and TOML escapes
//! (`"\u0001"`) and JSON strings can all produce such characters after the reader's first
//! text pass, so this pass runs on the finished document.

use crate::model::{Credit, Document, Location, Paragraph, Warning};

/// Whether a link may reach the outputs: web and mail links only (javascript:, file:, data:
/// and the rest are dropped), and no white space or character [`is_forbidden`] in it. A NUL or
/// a line feed inside a target survived into the PDF's link annotation and the EPUB's `href`
/// (where XML forbids it); a real URL carries such characters percent-encoded.
/// Every reader and every writer asks this one function.
pub fn is_safe_link(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    let scheme = ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    scheme && !target.chars().any(|c| c.is_whitespace() || is_forbidden(c))
}

/// Characters removed from model text: control characters other than tab and line feed (XML
/// 1.0 forbids the C0 ones and discourages C1) and Unicode noncharacters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF and the last two code points of every plane), which XML forbids or EPUB
/// checkers reject.
pub fn is_forbidden(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || (0xFDD0..=0xFDEF).contains(&u)
        || u & 0xFFFE == 0xFFFE
}

/// Whether nothing of `text` would be left to print: white space and characters the cleaning
/// removes ([`is_forbidden`]) only. An identifier or title of `"\u{1b}"` is empty.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_forbidden(c))
}

/// Cleans `doc` in place; returns what it did as warnings, in document order.
pub fn document(doc: &mut Document) -> Vec<Warning> {
    let mut w = Vec::new();
    let m = &mut doc.meta;
    for text in [&mut m.language, &mut m.identifier] {
        string(text, Location::Metadata, &mut w);
    }
    for text in [m.title.as_mut(), m.publisher.as_mut()]
        .into_iter()
        .flatten()
    {
        string(text, Location::Metadata, &mut w);
    }
    for (n, a) in doc.articles.iter_mut().enumerate() {
        let h = &mut a.headline;
        for (text, location) in [
            (h.kicker.as_mut(), Location::Kicker { article: n }),
            (h.headline.as_mut(), Location::Headline { article: n }),
            (h.subtitle.as_mut(), Location::Subtitle { article: n }),
        ] {
            if let Some(text) = text {
                string(text, location, &mut w);
            }
        }
        if let Some(d) = &mut a.dateline {
            let at = || Location::Dateline { article: n };
            for text in [&mut d.text, &mut d.source] {
                string(text, at(), &mut w);
            }
            for text in [d.place.as_mut(), d.date.as_mut()].into_iter().flatten() {
                string(text, at(), &mut w);
            }
            credits(&mut d.credits, at, &mut w);
        }
        for (b, block) in a.body.iter_mut().enumerate() {
            for para in block.paragraphs_mut() {
                paragraph(para, n, b, &mut w);
            }
        }
        if let Some(byline) = &mut a.byline {
            credits(
                &mut byline.credits,
                || Location::Byline { article: n },
                &mut w,
            );
        }
    }
    w
}

fn credits(credits: &mut [Credit], at: impl Fn() -> Location, w: &mut Vec<Warning>) {
    for c in credits {
        for text in [c.organisation.as_mut(), c.role.as_mut()]
            .into_iter()
            .flatten()
            .chain(c.names.iter_mut())
        {
            string(text, at(), w);
        }
    }
}

fn string(text: &mut String, location: Location, w: &mut Vec<Warning>) {
    if !text.chars().any(is_forbidden) {
        return;
    }
    text.retain(|c| {
        let bad = is_forbidden(c);
        if bad {
            w.push(Warning::ControlCharacter {
                location: location.clone(),
                code_point: c as u32,
            });
        }
        !bad
    });
}

fn paragraph(para: &mut Paragraph, article: usize, block: usize, w: &mut Vec<Warning>) {
    // Offsets are in characters of the cleaned paragraph text, where the character was.
    let mut offset = 0;
    for run in &mut para.runs {
        if let Some(target) = &run.link
            && !is_safe_link(target)
        {
            w.push(Warning::UnsafeLink {
                location: Location::Body {
                    article,
                    block,
                    offset,
                },
                target: target.clone(),
            });
            run.link = None;
        }
        if !run.text.chars().any(is_forbidden) {
            offset += run.text.chars().count();
            continue;
        }
        let mut kept = String::with_capacity(run.text.len());
        for c in run.text.chars() {
            if is_forbidden(c) {
                w.push(Warning::ControlCharacter {
                    location: Location::Body {
                        article,
                        block,
                        offset,
                    },
                    code_point: c as u32,
                });
            } else {
                kept.push(c);
                offset += 1;
            }
        }
        run.text = kept;
    }
    para.runs.retain(|r| !r.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, HeadlineGroup, Metadata, Run};

    #[test]
    fn only_web_and_mail_links_without_controls_or_spaces() {
        assert!(is_safe_link("https://example.com/?a=1&b=2"));
        assert!(is_safe_link("MAILTO:a@b.cn"));
        assert!(is_safe_link("https://例子.中国/新闻"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("file:///etc/passwd"));
        assert!(!is_safe_link(" https://a.cn/"));
        assert!(!is_safe_link("https://a.cn/\u{0}x"));
        assert!(!is_safe_link("https://a.cn/\nx"));
        assert!(!is_safe_link("https://a.cn/a b"));
        assert!(!is_safe_link("https://a.cn/\u{85}"));
        assert!(!is_safe_link("https://a.cn/\u{FFFF}"));
    }

    #[test]
    fn removes_forbidden_characters_and_unsafe_links_with_locations() {
        let mut doc = Document {
            meta: Metadata {
                title: Some("标\u{1}题".into()),
                publisher: None,
                date: None,
                language: "zh-CN".into(),
                identifier: "x\u{FFFE}".into(),
            },
            articles: vec![Article {
                headline: HeadlineGroup {
                    headline: Some("主\u{FDD0}题".into()),
                    ..HeadlineGroup::default()
                },
                release: Vec::new(),
                credits: Vec::new(),
                dateline: None,
                body: vec![Block::Paragraph(Paragraph {
                    runs: vec![
                        Run::plain("正\u{7}文"),
                        Run {
                            text: "链接".into(),
                            link: Some("javascript:alert(1)".into()),
                            ..Run::default()
                        },
                    ],
                })],
                byline: None,
            }],
        };
        let w = document(&mut doc);
        assert_eq!(doc.meta.title.as_deref(), Some("标题"));
        assert_eq!(doc.meta.identifier, "x");
        assert_eq!(doc.articles[0].headline.headline.as_deref(), Some("主题"));
        let Block::Paragraph(p) = &doc.articles[0].body[0] else {
            panic!()
        };
        assert_eq!(p.text(), "正文链接");
        assert_eq!(p.runs[1].link, None);
        assert_eq!(w.len(), 5, "{w:?}");
        assert!(w.contains(&Warning::ControlCharacter {
            location: Location::Body {
                article: 0,
                block: 0,
                offset: 1
            },
            code_point: 7
        }));
        assert!(w.contains(&Warning::UnsafeLink {
            location: Location::Body {
                article: 0,
                block: 0,
                offset: 2
            },
            target: "javascript:alert(1)".into()
        }));
    }
}

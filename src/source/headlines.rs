//! Headlines in text without `##`: bare short lines that start an article. Consecutive
//! headline lines form the headline group by the rules the Markdown reader uses for `##` and
//! `###` (one line: headline; three: kicker, headline, subtitle). Two lines are a kicker and
//! a headline when the first reads as a 引题 (see `reads_as_kicker`), else a headline and a
//! subtitle.
//! A headline-like line inside an article is a subheading unless the evidence says a new
//! article starts there.

use super::chars::{is_closing, is_han};
use super::layout::Unit;
use super::markdown::RawBlock;
use super::repair::{is_caption, is_list_marker};
use super::{dateline, furniture};

/// Longest headline line, in characters.
const MAX_HEADLINE: usize = 48;

/// A line that can be a headline: short, one line, at least two Han characters, no sentence
/// punctuation at its end or inside, and not a dateline, label, credit, caption or list item.
pub fn headline_like(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    if !(2..=MAX_HEADLINE).contains(&n) || t.contains('\n') {
        return false;
    }
    let Some(last) = t.chars().last() else {
        return false;
    };
    // `！` and `？` end headlines too; `。，；：` end sentences and clauses.
    let ends_clause = matches!(
        last,
        '。' | '，' | '、' | '；' | '：' | ',' | ';' | ':' | '.'
    ) || (is_closing(last)
        && !matches!(last, '！' | '？' | '!' | '?' | '”' | '」' | '》' | '』'));
    // A bare line with a comma inside is a clause of prose more often than a headline; a
    // headline with a comma needs `##` in the source.
    if ends_clause || t.contains(['。', '，', ',']) {
        return false;
    }
    if t.chars().filter(|&c| is_han(c)).count() < 2 {
        return false;
    }
    if t.starts_with(['(', '（', '|', '<', '!', '#', '>', '-', '*', '[']) {
        return false;
    }
    dateline::detect(t).is_none()
        && !is_caption(t)
        && furniture::release_line(t).is_none()
        && furniture::credits_line(t).is_none()
        && furniture::byline_line(t).is_none()
}

/// A unit that closes an article: a byline or a credits line.
fn closes_article(block: &RawBlock) -> bool {
    match block {
        RawBlock::Para { para, .. } => {
            let t = para.text();
            furniture::byline_line(&t).is_some() || furniture::credits_line(&t).is_some()
        }
        _ => false,
    }
}

fn starts_with_dateline(block: Option<&RawBlock>) -> bool {
    matches!(block, Some(RawBlock::Para { para, .. }) if dateline::detect(&para.text()).is_some())
}

/// Verbs a 引题 ends on: it says who spoke and where, and the main headline what was said
/// (`马军权在督导…时强调` / `狠抓落实整改　让…`).
const KICKER_VERBS: [&str; 12] = [
    "强调", "指出", "表示", "要求", "提出", "寄语", "呼吁", "希望", "时说", "致辞", "批示", "透露",
];

/// Whether the first of two headline lines is a kicker 引题 rather than the main headline:
/// it ends on a speaking verb, or it is a slogan of short phrases set apart by spaces
/// (`万众一心　众志成城　创则必成`); a second line opening with a dash (`——记…`) is always a
/// subtitle.
fn reads_as_kicker(first: &RawBlock, second: &RawBlock) -> bool {
    let (RawBlock::Para { para: a, .. }, RawBlock::Para { para: b, .. }) = (first, second) else {
        return false;
    };
    let (a, b) = (a.text(), b.text());
    let (a, b) = (a.trim(), b.trim());
    if b.starts_with(['—', '-', '―']) {
        return false;
    }
    let phrases: Vec<&str> = a
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let slogan = phrases.len() >= 2 && phrases.iter().all(|p| p.chars().count() <= 5);
    slogan || KICKER_VERBS.iter().any(|v| a.ends_with(v))
}

/// Turns headline lines into `Heading` blocks: level 2 for kickers and headlines, 3 for the
/// subtitle, 4 for a subheading inside an article (the news stage reads levels the same way
/// for every input).
pub fn promote(units: Vec<Unit>) -> Vec<RawBlock> {
    let candidate: Vec<bool> = units
        .iter()
        .map(|u| {
            u.may_be_headline
                && matches!(&u.block, RawBlock::Para { para, .. } if headline_like(&para.text()))
        })
        .collect();
    let blocks: Vec<RawBlock> = units.into_iter().map(|u| u.block).collect();
    // With neither datelines nor bylines the text gives no other evidence of where articles
    // start: every headline group starts one.
    let evidence = blocks
        .iter()
        .any(|b| starts_with_dateline(Some(b)) || closes_article(b));
    let mut out = Vec::with_capacity(blocks.len());
    let mut levels: Vec<Option<u8>> = vec![None; blocks.len()];
    let mut started = false;
    let mut i = 0;
    while i < blocks.len() {
        if !candidate[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < blocks.len() && candidate[j] {
            j += 1;
        }
        let group = j - i;
        // Needs body after it, and more than three short lines in a row is a list, not a
        // headline group.
        if j == blocks.len() || group > 3 {
            i = j;
            continue;
        }
        let enumerated = (i..j).any(|k| match &blocks[k] {
            RawBlock::Para { para, .. } => is_list_marker(&para.text()),
            _ => false,
        });
        let new_article = !enumerated
            && (!started
                || !evidence
                || group >= 2
                || starts_with_dateline(blocks.get(j))
                || (i > 0 && closes_article(&blocks[i - 1])));
        if new_article {
            let group_levels: &[u8] = match group {
                1 => &[2],
                2 if reads_as_kicker(&blocks[i], &blocks[i + 1]) => &[2, 2],
                2 => &[2, 3],
                _ => &[2, 2, 3],
            };
            for (k, level) in (i..j).zip(group_levels) {
                levels[k] = Some(*level);
            }
            started = true;
        } else {
            for level in &mut levels[i..j] {
                *level = Some(4);
            }
        }
        i = j;
    }
    for (block, level) in blocks.into_iter().zip(levels) {
        match (block, level) {
            (RawBlock::Para { para, line }, Some(level)) => out.push(RawBlock::Heading {
                level,
                text: para.text().trim().to_string(),
                line,
            }),
            (block, _) => out.push(block),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_lines() {
        assert!(headline_like("聊城制造业强市科技专家顾问团成立"));
        assert!(headline_like("狠抓落实整改　让广大人民群众共享创建成果"));
        assert!(headline_like("“天字一号”工程全面启动"));
        assert!(headline_like("你准备好了吗？"));
        for not in [
            "东昌府讯 9月1日，会议召开。",
            "（融媒体中心 郭龙君）",
            "责任编辑：张三",
            "發稿人：王五",
            "本报记者 张三",
            "图为会议现场",
            "2025-01-08 15:55",
            "会议指出，要加强",
        ] {
            assert!(!headline_like(not), "{not}");
        }
    }
}

//! Text normalisation (docs/typography.md §1), done once in the model so every format agrees:
//! ASCII punctuation in Han context to full width, interpunct look-alikes to U+00B7, straight
//! quotes in Chinese text to “ ”, headline phrase gaps to one U+3000, stray spaces between Han
//! removed. Code runs and URLs are never touched. Every change is returned as an [`Edit`].

use crate::model::{ChangeKind, Paragraph};

use super::chars::{is_cjk, is_cjk_punct, is_han, is_space};

/// One change, at `offset` characters into the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub kind: ChangeKind,
    pub offset: usize,
    pub before: String,
    pub after: String,
}

/// Which rules apply: headlines turn phrase gaps into U+3000, body text removes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Headline,
    Body,
}

/// Normalises a plain string.
pub fn normalise_text(text: &str, field: Field) -> (String, Vec<Edit>) {
    let mut para = Paragraph::plain(text);
    let edits = normalise_paragraph(&mut para, field);
    (para.text(), edits)
}

/// Normalises a paragraph's runs in place. Rules look across run boundaries (a comma after an
/// emphasised word is still in Han context), so they run over the whole paragraph's text.
pub fn normalise_paragraph(para: &mut Paragraph, field: Field) -> Vec<Edit> {
    let chars: Vec<char> = para.text().chars().collect();
    let mut protected = vec![false; chars.len()];
    let mut i = 0;
    for run in &para.runs {
        let n = run.text.chars().count();
        if run.code {
            protected[i..i + n].fill(true);
        }
        i += n;
    }
    protect_urls(&chars, &mut protected);

    let mut plan = Plan::new(&chars, &protected);
    plan.interpuncts();
    plan.brackets();
    plan.punctuation();
    plan.quotes();
    plan.spaces(field);
    if plan.edits.is_empty() {
        return Vec::new();
    }
    plan.apply(para)
}

/// Marks URL characters as protected: `https://…`, `http://…`, `www.…`, `mailto:…`.
fn protect_urls(chars: &[char], protected: &mut [bool]) {
    let starts = ["https://", "http://", "www.", "mailto:"];
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let hit = starts.iter().any(|s| {
            s.len() <= rest.len()
                && s.chars()
                    .zip(rest)
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        });
        if !hit {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len()
            && chars[end].is_ascii_graphic()
            && !matches!(chars[end], '"' | '<' | '>')
        {
            end += 1;
        }
        // Sentence punctuation right after a URL is not part of it.
        while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')') {
            end -= 1;
        }
        protected[i..end].fill(true);
        i = end.max(i + 1);
    }
}

struct Plan<'a> {
    chars: &'a [char],
    protected: &'a [bool],
    /// The replacement for each character: `None` deletes it.
    out: Vec<Option<char>>,
    /// Brackets that have a partner: only the pair rule decides them.
    paired: Vec<bool>,
    edits: Vec<(usize, ChangeKind)>,
}

impl<'a> Plan<'a> {
    fn new(chars: &'a [char], protected: &'a [bool]) -> Self {
        Plan {
            chars,
            protected,
            out: chars.iter().map(|&c| Some(c)).collect(),
            paired: vec![false; chars.len()],
            edits: Vec::new(),
        }
    }

    /// The character at `i` as planned so far (so later rules see earlier conversions).
    fn at(&self, i: Option<usize>) -> Option<char> {
        i.and_then(|i| self.out.get(i).copied().flatten())
    }

    fn prev(&self, i: usize) -> Option<char> {
        self.at(i.checked_sub(1))
    }

    fn next(&self, i: usize) -> Option<char> {
        self.at(Some(i + 1))
    }

    fn set(&mut self, i: usize, to: Option<char>, kind: ChangeKind) {
        if self.protected[i] || self.out[i] == to {
            return;
        }
        self.out[i] = to;
        self.edits.push((i, kind));
    }

    fn interpuncts(&mut self) {
        for i in 0..self.chars.len() {
            if matches!(
                self.chars[i],
                '\u{30FB}' | '\u{2022}' | '\u{2027}' | '\u{FF0E}' | '\u{2219}' | '\u{22C5}'
            ) && self.prev(i).is_some_and(is_han)
                && self.next(i).is_some_and(is_han)
            {
                self.set(i, Some('\u{00B7}'), ChangeKind::Interpunct);
            }
        }
    }

    /// A bracket pair becomes full-width when the text it encloses contains Han:
    /// `镇(街道)` → `镇（街道）`, but `(National Bureau of Statistics, NBS)` stays.
    fn brackets(&mut self) {
        let mut stack = Vec::new();
        let mut pairs = Vec::new();
        for (i, &c) in self.chars.iter().enumerate() {
            if self.protected[i] {
                continue;
            }
            match c {
                '(' => stack.push(i),
                ')' => {
                    if let Some(open) = stack.pop() {
                        pairs.push((open, i));
                    }
                }
                _ => {}
            }
        }
        // Han characters before each position, so each pair asks in constant time (nested
        // brackets would otherwise make this quadratic).
        let mut han_before = Vec::with_capacity(self.chars.len() + 1);
        han_before.push(0usize);
        for &c in self.chars {
            han_before.push(han_before.last().copied().unwrap_or(0) + usize::from(is_han(c)));
        }
        for (open, close) in pairs {
            self.paired[open] = true;
            self.paired[close] = true;
            if han_before[close] > han_before[open + 1] {
                self.set(open, Some('（'), ChangeKind::FullWidthPunctuation);
                self.set(close, Some('）'), ChangeKind::FullWidthPunctuation);
            }
        }
    }

    /// `, : ; ! ?` (and an unpaired bracket) with a Han or Chinese-punctuation neighbour.
    fn punctuation(&mut self) {
        for i in 0..self.chars.len() {
            if self.paired[i] {
                continue;
            }
            let to = match self.out[i] {
                Some(',') => '，',
                Some(':') => '：',
                Some(';') => '；',
                Some('!') => '！',
                Some('?') => '？',
                Some('(') => '（',
                Some(')') => '）',
                _ => continue,
            };
            let han_context = self.prev(i).is_some_and(is_cjk) || self.next(i).is_some_and(is_cjk);
            if han_context {
                self.set(i, Some(to), ChangeKind::FullWidthPunctuation);
            }
        }
    }

    /// Straight double quotes, taken in pairs, become “ ” when the pair is in Chinese text.
    fn quotes(&mut self) {
        let idx: Vec<usize> = (0..self.chars.len())
            .filter(|&i| self.chars[i] == '"' && !self.protected[i])
            .collect();
        if !idx.len().is_multiple_of(2) {
            return;
        }
        for pair in idx.chunks(2) {
            let (open, close) = (pair[0], pair[1]);
            let inside_han = self.chars[open + 1..close].iter().any(|&c| is_han(c));
            let outside_han =
                self.prev(open).is_some_and(is_cjk) || self.next(close).is_some_and(is_cjk);
            if inside_han || outside_han {
                self.set(open, Some('“'), ChangeKind::ChineseQuote);
                self.set(close, Some('”'), ChangeKind::ChineseQuote);
            }
        }
    }

    /// Spaces between Chinese characters: a phrase gap in a headline becomes one U+3000;
    /// elsewhere the space is a typing slip and goes.
    fn spaces(&mut self, field: Field) {
        let n = self.chars.len();
        let mut i = 0;
        while i < n {
            let gap = |c: char| is_space(c) && (c != '\u{3000}' || field == Field::Headline);
            if !gap(self.chars[i]) || self.protected[i] {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && gap(self.chars[i]) && !self.protected[i] {
                i += 1;
            }
            let (Some(before), Some(after)) = (self.prev(start), self.at(Some(i))) else {
                continue;
            };
            if !(is_cjk(before) && is_cjk(after)) {
                continue;
            }
            let phrase_gap =
                field == Field::Headline && !is_cjk_punct(before) && !is_cjk_punct(after);
            if phrase_gap {
                if i - start == 1 && self.chars[start] == '\u{3000}' {
                    continue;
                }
                self.set(start, Some('\u{3000}'), ChangeKind::HeadlineGap);
                for j in start + 1..i {
                    self.set(j, None, ChangeKind::HeadlineGap);
                }
            } else if !super::credits::is_credit_space(&self.chars[..start], &self.chars[i..]) {
                for j in start..i {
                    self.set(j, None, ChangeKind::StraySpace);
                }
            }
        }
    }

    /// Writes the plan into the runs and describes each change at its place in the new text.
    fn apply(mut self, para: &mut Paragraph) -> Vec<Edit> {
        let mut new_offset = Vec::with_capacity(self.chars.len());
        let mut k = 0;
        for o in &self.out {
            new_offset.push(k);
            if o.is_some() {
                k += 1;
            }
        }
        let mut i = 0;
        for run in &mut para.runs {
            let n = run.text.chars().count();
            run.text = self.out[i..i + n].iter().flatten().collect();
            i += n;
        }
        para.runs.retain(|r| !r.text.is_empty());

        self.edits.sort_by_key(|&(i, _)| i);
        // Consecutive edits of one kind on adjacent characters (a gap of several spaces) are
        // one change to a person.
        let mut edits: Vec<Edit> = Vec::new();
        let mut last: Option<(usize, ChangeKind)> = None;
        for &(i, kind) in &self.edits {
            let before = self.chars[i].to_string();
            let after = self.out[i].map(String::from).unwrap_or_default();
            match (last, edits.last_mut()) {
                (Some((j, k)), Some(e))
                    if j + 1 == i
                        && k == kind
                        && kind != ChangeKind::FullWidthPunctuation
                        && kind != ChangeKind::ChineseQuote =>
                {
                    e.before.push_str(&before);
                    e.after.push_str(&after);
                }
                _ => edits.push(Edit {
                    kind,
                    offset: new_offset[i],
                    before,
                    after,
                }),
            }
            last = Some((i, kind));
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(s: &str) -> String {
        normalise_text(s, Field::Body).0
    }

    #[test]
    fn ascii_punctuation_in_han_context() {
        assert_eq!(body("早晨6:30,区委副书记"), "早晨6:30，区委副书记");
        assert_eq!(
            body("镇(街道)的同志们;好!对吗?"),
            "镇（街道）的同志们；好！对吗？"
        );
        assert_eq!(
            body("统计局(National Bureau of Statistics, NBS)发布"),
            "统计局(National Bureau of Statistics, NBS)发布"
        );
        assert_eq!(body("共1,210,207人,增长3.5%"), "共1,210,207人，增长3.5%");
        assert_eq!(
            body("网址:https://example.com/a?b=1,2,继续"),
            "网址：https://example.com/a?b=1,2，继续"
        );
    }

    #[test]
    fn code_runs_are_left_alone() {
        let mut p = Paragraph::plain("命令");
        p.runs.push(crate::model::Run {
            text: "a,中".into(),
            code: true,
            ..Default::default()
        });
        assert!(normalise_paragraph(&mut p, Field::Body).is_empty());
    }

    #[test]
    fn interpunct_quotes_and_spaces() {
        assert_eq!(body("首善之区・一诺千金"), "首善之区·一诺千金");
        assert_eq!(body("他说\"好\"。"), "他说“好”。");
        assert_eq!(
            body("区委书记 马军权 主持, 会议"),
            "区委书记马军权主持，会议"
        );
        assert_eq!(body("使用 AI 技术"), "使用 AI 技术");
    }

    #[test]
    fn headline_gaps_become_one_ideographic_space() {
        let (t, edits) =
            normalise_text("狠抓落实整改  让广大人民群众共享创建成果", Field::Headline);
        assert_eq!(t, "狠抓落实整改\u{3000}让广大人民群众共享创建成果");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].kind, ChangeKind::HeadlineGap);
        assert_eq!(edits[0].offset, 6);
        assert_eq!(edits[0].before, "  ");
    }

    #[test]
    fn offsets_point_into_the_new_text() {
        let (t, edits) = normalise_text("甲 乙,丙", Field::Body);
        assert_eq!(t, "甲乙，丙");
        assert_eq!(edits[0].kind, ChangeKind::StraySpace);
        assert_eq!(edits[0].offset, 1);
        assert_eq!(edits[1].offset, 2);
        assert_eq!(t.chars().nth(edits[1].offset), Some('，'));
    }

    /// The spaces of a credit are its separators: `记者 张伟 摄` in a photo caption kept them
    /// (they were removed as typing slips and the names glued: `记者张伟摄`).
    #[test]
    fn spaces_inside_credits_stay() {
        for kept in [
            "（图为施工人员加装电梯\u{3000}记者 张伟 摄）",
            "通讯员 刘小燕 报道",
            "本报見習記者 陳大文 攝",
        ] {
            let (t, edits) = normalise_text(kept, Field::Body);
            assert_eq!(t, kept);
            assert!(edits.is_empty(), "{edits:?}");
        }
        // Elsewhere a space between Han is still a slip, also next to a one-character role.
        assert_eq!(
            normalise_text("市民 在家门口", Field::Body).0,
            "市民在家门口"
        );
        assert_eq!(normalise_text("全文 如下", Field::Body).0, "全文如下");
    }
}

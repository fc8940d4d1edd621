//! Line breaking, punctuation compression and justification for one paragraph (docs/typography.md
//! §3–§5). Pure: clusters and rules in, placed lines out.
//!
//! The method is the one Chinese compositors use: fill each line as far as it goes, allowing
//! the squeeze of §4 to pull one more mark in (a mark that may not start a line is first
//! fitted by compressing punctuation); failing that, break earlier and stretch. Line-end
//! marks lose their blank half so their ink meets the margin; two adjacent marks share one
//! half em; a paragraph never ends with one lonely character.

use std::ops::Range;

use super::cluster::{Cluster, Kind};
use super::shape::Opportunity;
use crate::typography::DateDigits;
use crate::typography::autospace;

/// The Chinese rules a paragraph is set with, from the template.
#[derive(Debug, Clone)]
pub struct Rules {
    /// 开明 style: marks other than `。！？` are set half-width everywhere.
    pub kaiming: bool,
    /// Han–Latin gap in em (¼ by default; 0 for none).
    pub han_latin_gap: f32,
    /// Whether digits against a date character get the gap.
    pub date_digits: DateDigits,
    /// Characters that may not start a line.
    pub not_at_start: Vec<char>,
    /// Characters that may not end a line.
    pub not_at_end: Vec<char>,
}

/// How lines are aligned: body text is justified, headlines centred.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Justify,
    Left,
    Centre,
    Right,
}

/// Where a paragraph may break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Body text: between any two Han characters, at UAX #14 opportunities in Latin.
    Anywhere,
    /// Headlines and labelled lines (`发稿单位：…　发稿人：…`): only at the full-width gaps
    /// (U+3000) that separate their phrases or entries, as long as every phrase fits the
    /// measure; a phrase that does not fit breaks as body text does.
    AtPhraseGaps,
}

/// The ideographic space that separates a headline's phrases and a release line's entries.
const PHRASE_GAP: &str = "\u{3000}";

/// A cluster's place on its line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub cluster: usize,
    /// Left edge of the cluster's box, from the start of the line, in pt.
    pub x: f32,
    /// Where the glyphs are drawn relative to `x` (negative when the blank left half of an
    /// opening bracket was taken away).
    pub shift: f32,
    /// Width of the box after compression.
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub clusters: Range<usize>,
    pub placed: Vec<Placed>,
    /// Right edge of the last box.
    pub width: f32,
}

/// Squeeze priorities (§4), first used first.
const WORD_SPACE: usize = 0;
const BRACKET: usize = 1;
const PAUSE: usize = 2;
const HAN_LATIN: usize = 3;
const STOP: usize = 4;
const CLASSES: usize = 5;

struct Setter<'a> {
    text: &'a str,
    c: &'a [Cluster],
    rules: &'a Rules,
    /// `breakable[i]`: a line may break before cluster `i`.
    breakable: Vec<bool>,
}

/// The measured line `[a, b)`.
#[derive(Debug, Default)]
struct Metrics {
    /// Natural width after the compressions that always apply.
    natural: f32,
    shrink: [f32; CLASSES],
    /// Left and right cuts per cluster (mandatory ones).
    cuts: Vec<(f32, f32)>,
    /// Gap before each cluster (natural).
    gaps: Vec<f32>,
    /// Clusters after the last one that is drawn (trailing spaces).
    end: usize,
}

pub fn break_paragraph(
    text: &str,
    clusters: &[Cluster],
    uax_breaks: &[Opportunity],
    measure: f32,
    rules: &Rules,
    align: Align,
    breaks: Breaks,
) -> Vec<Line> {
    if clusters.is_empty() {
        return Vec::new();
    }
    let mut s = Setter::new(text, clusters, uax_breaks, rules);
    if breaks == Breaks::AtPhraseGaps {
        s.keep_phrases(measure);
    }
    let mut ends = s.greedy(0, clusters.len(), measure);
    s.avoid_orphan(&mut ends, measure);
    let mut lines = Vec::with_capacity(ends.len());
    let mut a = 0;
    for (k, &b) in ends.iter().enumerate() {
        let last = k + 1 == ends.len();
        lines.push(s.place(a, b, measure, align, last));
        a = s.skip_spaces(b);
    }
    lines
}

impl<'a> Setter<'a> {
    fn new(text: &'a str, c: &'a [Cluster], uax: &[Opportunity], rules: &'a Rules) -> Self {
        let first = |i: usize| text[c[i].text.clone()].chars().next().unwrap_or(' ');
        let last = |i: usize| text[c[i].text.clone()].chars().last().unwrap_or(' ');
        let mut breakable = vec![false; c.len() + 1];
        for i in 1..c.len() {
            let (x, y) = (last(i - 1), first(i));
            let (kx, ky) = (c[i - 1].kind, c[i].kind);
            let cjk = kx.is_cjk() || ky.is_cjk();
            let allowed = if cjk {
                // Chinese text breaks between any two characters (UAX #14 ID), with the
                // quotes as opening/closing marks rather than UAX #14's ambiguous QU.
                !(kx == Kind::Space && ky == Kind::Space)
            } else {
                uax.get(i).is_some_and(|&o| o != Opportunity::None)
            };
            // Inside a long URL the solidus rule of Chinese text does not apply: a break
            // after its `/` is where a URL is meant to break.
            let kinsoku = uax.get(i) != Some(&Opportunity::Url);
            let prohibited = (kinsoku
                && (rules.not_at_start.contains(&y) || rules.not_at_end.contains(&x)))
                // `——` and `……` are one unit.
                || (x == y && matches!(kx, Kind::Dash | Kind::Ellipsis))
                // A mark after a space must not be left to start the next line.
                || (ky == Kind::Space && c[i].fixed)
                // A fixed box (a list marker's padding) stays with what it pads.
                || (i >= 2 && (c[i - 1].fixed || c[i].fixed));
            breakable[i] = allowed && !prohibited;
        }
        breakable[c.len()] = true;
        Setter {
            text,
            c,
            rules,
            breakable,
        }
    }

    /// Allows breaks only after a phrase gap, provided every phrase fits the measure.
    fn keep_phrases(&mut self, measure: f32) {
        let n = self.c.len();
        let mut starts = vec![0];
        starts.extend((1..n).filter(|&i| self.is_gap(i - 1) && !self.is_gap(i)));
        starts.push(n);
        let fits = starts.windows(2).all(|w| {
            let width: f32 = self.c[w[0]..w[1]].iter().map(|c| c.advance).sum();
            width <= measure
        });
        if !fits || starts.len() <= 2 {
            return;
        }
        let mut keep = vec![false; n + 1];
        for &i in &starts[1..] {
            keep[i] = true;
        }
        for (b, k) in self.breakable.iter_mut().zip(keep) {
            *b = *b && k;
        }
    }

    fn is_gap(&self, i: usize) -> bool {
        &self.text[self.c[i].text.clone()] == PHRASE_GAP
    }

    /// Word spaces, and the phrase gaps of a line that breaks at them, are not drawn at a
    /// line's edges.
    fn blank(&self, i: usize) -> bool {
        self.c[i].kind == Kind::Space || self.is_gap(i)
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while i < self.c.len() && self.c[i].kind == Kind::Space {
            i += 1;
        }
        i
    }

    /// Line ends, filling each line as far as compression allows.
    fn greedy(&self, start: usize, stop: usize, measure: f32) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut a = self.skip_spaces(start);
        while a < stop {
            let b = self.fit(a, stop, measure, None);
            ends.push(b);
            a = self.skip_spaces(b);
        }
        if ends.is_empty() {
            ends.push(stop);
        }
        ends
    }

    /// Where the line that starts at `a` ends (never after `cap`).
    ///
    /// The line takes what fits at natural width. Compression is used only for what the
    /// rules forbid breaking before (docs/typography.md §3): when the natural fit ends where no
    /// break is allowed, the line is squeezed to take the rest up to the next allowed break;
    /// if that does not fit either, the line breaks earlier and is stretched.
    fn fit(&self, a: usize, stop: usize, measure: f32, cap: Option<usize>) -> usize {
        let limit = cap.unwrap_or(stop).min(stop);
        // The furthest end (allowed or not) whose natural width fits.
        let mut natural_end = a;
        let mut rough = 0.0;
        for b in a + 1..=limit {
            rough += self.c[b - 1].advance;
            let em = self.c[b - 1].em.max(1.0);
            if rough < measure - 3.0 * em || self.measure(a, b).natural <= measure + 0.001 {
                natural_end = b;
            } else if rough > measure + 3.0 * em {
                break;
            }
        }
        if natural_end == limit || (natural_end > a && self.breakable[natural_end]) {
            return natural_end.max(a + 1);
        }
        // Squeeze up to the next allowed break, if that fits. Compression takes at most half
        // of a cluster, so a break beyond twice the measure can never be reached: the search
        // stops there, which keeps an unbreakable run (a long URL, `——` repeated) linear.
        let mut reach = 0.0;
        let next = (natural_end + 1..=limit)
            .take_while(|&b| {
                reach += self.c[b - 1].advance;
                reach <= 2.0 * measure
            })
            .find(|&b| self.breakable[b] || b == stop);
        if let Some(next) = next {
            let m = self.measure(a, next);
            if m.natural - m.shrink.iter().sum::<f32>() <= measure + 0.001 {
                return next;
            }
        }
        // Push down: the last allowed break before.
        if let Some(b) = (a + 1..=natural_end).rev().find(|&b| self.breakable[b]) {
            return b;
        }
        // Nothing fits: an overlong word or URL breaks anywhere rather than overflow.
        natural_end.max(a + 1)
    }

    /// A last line of one character (with or without its punctuation) pulls one more
    /// character down from the line above, which is then stretched.
    fn avoid_orphan(&self, ends: &mut Vec<usize>, measure: f32) {
        if ends.len() < 2 {
            return;
        }
        let n = ends.len();
        let last_start = self.skip_spaces(ends[n - 2]);
        let drawn = (last_start..ends[n - 1])
            .filter(|&i| {
                !matches!(
                    self.c[i].kind,
                    Kind::Close | Kind::Pause | Kind::Stop | Kind::Space
                )
            })
            .count();
        if drawn > 1 {
            return;
        }
        let prev_start = if n >= 3 {
            self.skip_spaces(ends[n - 3])
        } else {
            0
        };
        // The latest earlier break that still leaves the line above at least half full.
        let old = ends[n - 2];
        let candidate = (prev_start + 2..old).rev().find(|&b| self.breakable[b]);
        if let Some(b) = candidate {
            let m = self.measure(prev_start, b);
            if m.natural >= measure * 0.5 {
                ends[n - 2] = b;
                let rest = self.greedy(b, self.c.len(), measure);
                ends.truncate(n - 1);
                ends.extend(rest);
            }
        }
    }

    /// The natural gap before cluster `i` (between `i - 1` and `i`): the Han–Latin gap where
    /// the shared rule puts one (`typography::autospace`, which the DOCX and EPUB also follow).
    fn gap_before(&self, i: usize) -> f32 {
        let (p, q) = (&self.c[i - 1], &self.c[i]);
        let before = self.text[p.text.clone()].chars().next_back();
        let after = self.text[q.text.clone()].chars().next();
        match (before, after) {
            (Some(b), Some(a)) if autospace::gap_between(b, a, self.rules.date_digits) => {
                self.rules.han_latin_gap * p.em.max(q.em)
            }
            _ => 0.0,
        }
    }

    // Indexes clusters, cuts and gaps in step; an iterator would hide that they align.
    #[allow(clippy::needless_range_loop)]
    fn measure(&self, a: usize, b: usize) -> Metrics {
        let c = self.c;
        let mut end = b;
        while end > a + 1 && self.blank(end - 1) {
            end -= 1;
        }
        let mut m = Metrics {
            cuts: vec![(0.0, 0.0); end - a],
            gaps: vec![0.0; end - a],
            end,
            ..Metrics::default()
        };
        let half = |i: usize| c[i].em * 0.5;
        for i in a..end {
            let k = i - a;
            if self.rules.kaiming && c[i].halvable() && c[i].kind != Kind::Stop {
                if c[i].kind == Kind::Open {
                    m.cuts[k].0 = half(i);
                } else {
                    m.cuts[k].1 = half(i);
                }
            }
            if i > a {
                let (p, q) = (&c[i - 1], &c[i]);
                if p.halvable() && q.halvable() {
                    if p.kind.blank_after() {
                        m.cuts[k - 1].1 = half(i - 1);
                    } else if p.kind == Kind::Open && q.kind == Kind::Open {
                        m.cuts[k].0 = half(i);
                    }
                }
                m.gaps[k] = self.gap_before(i);
            }
        }
        // Line start (after a break): an opening bracket loses its blank left half.
        if a > 0 && c[a].kind == Kind::Open && c[a].halvable() {
            m.cuts[0].0 = half(a);
        }
        // Line end: the last mark's blank right half goes, so its ink meets the margin.
        let last = end - 1 - a;
        if c[end - 1].halvable() && c[end - 1].kind.blank_after() {
            m.cuts[last].1 = half(end - 1);
        }
        for i in a..end {
            let k = i - a;
            let (l, r) = m.cuts[k];
            m.natural += c[i].advance - l - r + m.gaps[k];
            let em = c[i].em;
            match c[i].kind {
                Kind::Space if !c[i].fixed => {
                    m.shrink[WORD_SPACE] += (c[i].advance - em * 0.25).max(0.0)
                }
                Kind::Open | Kind::Close if c[i].halvable() && l + r == 0.0 => {
                    m.shrink[BRACKET] += half(i)
                }
                Kind::Pause if c[i].halvable() && l + r == 0.0 => m.shrink[PAUSE] += half(i),
                Kind::Stop if c[i].halvable() && l + r == 0.0 => m.shrink[STOP] += half(i),
                _ => {}
            }
            if m.gaps[k] > 0.0 {
                m.shrink[HAN_LATIN] += m.gaps[k] - em * 0.125;
            }
        }
        m
    }

    #[allow(clippy::needless_range_loop)]
    fn place(&self, a: usize, b: usize, measure: f32, align: Align, last: bool) -> Line {
        let c = self.c;
        let m = self.measure(a, b);
        let end = m.end;
        let n = end - a;
        let mut cuts = m.cuts.clone();
        let mut gaps = m.gaps.clone();
        let mut delta = measure - m.natural;
        if delta < 0.0 {
            // Squeeze class by class until the line fits (§4 order).
            for class in 0..CLASSES {
                if delta >= -1e-4 {
                    break;
                }
                let available = m.shrink[class];
                if available <= 0.0 {
                    continue;
                }
                let take = (-delta).min(available);
                let ratio = take / available;
                for i in a..end {
                    let k = i - a;
                    let (l, r) = m.cuts[k];
                    let em = c[i].em;
                    let whole = c[i].halvable() && l + r == 0.0;
                    match (class, c[i].kind) {
                        (WORD_SPACE, Kind::Space) if !c[i].fixed => {
                            cuts[k].1 += (c[i].advance - em * 0.25).max(0.0) * ratio
                        }
                        (BRACKET, Kind::Open) if whole => cuts[k].0 += em * 0.5 * ratio,
                        (BRACKET, Kind::Close) | (PAUSE, Kind::Pause) | (STOP, Kind::Stop)
                            if whole =>
                        {
                            cuts[k].1 += em * 0.5 * ratio
                        }
                        (HAN_LATIN, _) if m.gaps[k] > 0.0 => {
                            gaps[k] -= (m.gaps[k] - em * 0.125) * ratio
                        }
                        _ => {}
                    }
                }
                delta += take;
            }
        }
        let mut widths: Vec<f32> = (a..end)
            .map(|i| c[i].advance - cuts[i - a].0 - cuts[i - a].1)
            .collect();
        if align == Align::Justify && !last && delta > 1e-4 {
            delta = self.stretch(a, end, delta, &mut widths, &mut gaps);
        }
        let offset = match align {
            Align::Justify | Align::Left => 0.0,
            Align::Centre => (delta / 2.0).max(0.0),
            Align::Right => delta.max(0.0),
        };
        let mut x = offset;
        let mut placed = Vec::with_capacity(n);
        for i in a..end {
            let k = i - a;
            x += gaps[k];
            // A box that lost its left half is drawn that much to the left.
            placed.push(Placed {
                cluster: i,
                x,
                shift: -cuts[k].0,
                width: widths[k],
            });
            x += widths[k];
        }
        Line {
            clusters: a..end,
            placed,
            width: x,
        }
    }

    /// Stretches a short line: word spaces to ½ em, then Han–Latin gaps to ⅓ em, then every
    /// gap between characters alike (never inside `——`/`……` or inside a Latin word).
    fn stretch(
        &self,
        a: usize,
        end: usize,
        mut delta: f32,
        widths: &mut [f32],
        gaps: &mut [f32],
    ) -> f32 {
        let c = self.c;
        let spaces: Vec<usize> = (a..end)
            .filter(|&i| c[i].kind == Kind::Space && !c[i].fixed)
            .collect();
        let room: f32 = spaces
            .iter()
            .map(|&i| (c[i].em * 0.5 - widths[i - a]).max(0.0))
            .sum();
        if room > 0.0 {
            let take = delta.min(room);
            for &i in &spaces {
                widths[i - a] += (c[i].em * 0.5 - widths[i - a]).max(0.0) * take / room;
            }
            delta -= take;
        }
        let gap_room: f32 = (a + 1..end)
            .filter(|&i| gaps[i - a] > 0.0)
            .map(|i| c[i].em / 3.0 - gaps[i - a])
            .sum();
        if delta > 0.0 && gap_room > 0.0 {
            let take = delta.min(gap_room);
            for i in a + 1..end {
                if gaps[i - a] > 0.0 {
                    gaps[i - a] += (c[i].em / 3.0 - gaps[i - a]) * take / gap_room;
                }
            }
            delta -= take;
        }
        if delta > 0.0 {
            let open: Vec<usize> = (a + 1..end)
                .filter(|&i| {
                    let (p, q) = (c[i - 1].kind, c[i].kind);
                    let unit = p == q && matches!(p, Kind::Dash | Kind::Ellipsis);
                    let word = matches!(p, Kind::Latin | Kind::DateDigit)
                        && matches!(q, Kind::Latin | Kind::DateDigit);
                    // Nor inside a Latin token (`?query=a&b`): its marks are Other, but
                    // spreading them opened gaps a third of a line wide in a URL.
                    let ascii = |k: usize| {
                        self.text[c[k].text.clone()]
                            .chars()
                            .all(|ch| ch.is_ascii_graphic())
                    };
                    let token = ascii(i - 1) && ascii(i);
                    !unit && !word && !token && !c[i - 1].fixed
                })
                .collect();
            // A line that is one cut word (an overlong URL) has only letter gaps: space them.
            let open = if open.is_empty() {
                (a + 1..end).filter(|&i| !c[i - 1].fixed).collect()
            } else {
                open
            };
            if !open.is_empty() {
                let each = delta / open.len() as f32;
                for i in open {
                    gaps[i - a] += each;
                }
                delta = 0.0;
            }
        }
        delta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EM: f32 = 10.0;

    fn rules() -> Rules {
        let k = crate::typography::Kinsoku::Strict;
        Rules {
            kaiming: false,
            han_latin_gap: 0.25,
            date_digits: crate::typography::DateDigits::Tight,
            not_at_start: k.not_at_line_start().chars().collect(),
            not_at_end: k.not_at_line_end().chars().collect(),
        }
    }

    /// Clusters as a monospaced CJK font and a half-width Latin font would give them.
    fn clusters(text: &str) -> Vec<Cluster> {
        text.char_indices()
            .map(|(i, ch)| {
                let kind = Kind::of(ch);
                let advance = match kind {
                    Kind::Latin | Kind::Other => EM * 0.55,
                    Kind::Space => EM * 0.3,
                    Kind::Middle => EM * 0.5,
                    _ => EM,
                };
                Cluster {
                    text: i..i + ch.len_utf8(),
                    kind,
                    advance,
                    em: EM,
                    fixed: false,
                }
            })
            .collect()
    }

    fn set(text: &str, chars_per_line: f32) -> (Vec<Line>, Vec<Cluster>) {
        let c = clusters(text);
        let uax = crate::backend::pdf::layout::shape::uax_breaks(text, &c);
        (
            break_paragraph(
                text,
                &c,
                &uax,
                chars_per_line * EM,
                &rules(),
                Align::Justify,
                Breaks::Anywhere,
            ),
            c,
        )
    }

    fn line_texts(text: &str, lines: &[Line], c: &[Cluster]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.clusters
                    .clone()
                    .map(|i| &text[c[i].text.clone()])
                    .collect()
            })
            .collect()
    }

    fn set_phrases(text: &str, chars_per_line: f32) -> Vec<String> {
        let c = clusters(text);
        let uax = crate::backend::pdf::layout::shape::uax_breaks(text, &c);
        let lines = break_paragraph(
            text,
            &c,
            &uax,
            chars_per_line * EM,
            &rules(),
            Align::Centre,
            Breaks::AtPhraseGaps,
        );
        line_texts(text, &lines, &c)
    }

    #[test]
    fn a_headline_breaks_at_its_phrase_gap_and_drops_the_gap() {
        // Body breaking would fill line 1 with 12 characters and split 年底前完/成十二处.
        let text = "臺南市啟動老舊社區道路改善計畫　年底前完成十二處";
        assert_eq!(
            set_phrases(text, 20.0),
            ["臺南市啟動老舊社區道路改善計畫", "年底前完成十二處"]
        );
        // Both phrases fit one line: one line, gap kept inside it.
        assert_eq!(set_phrases(text, 30.0), [text]);
    }

    #[test]
    fn release_entries_stay_whole_and_a_phrase_too_long_breaks_as_body_text() {
        let text = "發稿單位：工務局　發稿時間：2025-01-08 15:55　發稿人：陳小明";
        let lines = set_phrases(text, 20.0);
        assert_eq!(
            lines,
            [
                "發稿單位：工務局",
                "發稿時間：2025-01-08 15:55",
                "發稿人：陳小明"
            ]
        );
        // A phrase longer than the measure: the whole line breaks as body text does.
        let long = "甲乙丙丁戊己庚辛壬癸子丑寅　卯辰";
        assert_eq!(
            set_phrases(long, 10.0),
            ["甲乙丙丁戊己庚辛壬癸", "子丑寅　卯辰"]
        );
    }

    #[test]
    fn an_unbreakable_run_is_broken_in_linear_time() {
        // 200k dashes (one unbreakable unit) and 200k Latin letters (one word) used to make
        // every line search to the end of the run; each must now give full lines quickly
        // enough for a debug-build test (the quadratic search took minutes at this size).
        for text in ["—".repeat(200_000), "a".repeat(200_000)] {
            let (lines, _) = set(&text, 30.0);
            assert!(lines.len() > 1000, "{}", lines.len());
            assert!(
                lines[..lines.len() - 1]
                    .iter()
                    .all(|l| (l.width - 300.0).abs() < 0.01)
            );
        }
    }

    #[test]
    fn pure_han_fills_whole_lines() {
        let text = "东昌府区干部下沉点位现场推进会议召开主要任务是对全国文明城市创建";
        let (lines, c) = set(text, 10.0);
        assert_eq!(
            line_texts(text, &lines, &c),
            [
                "东昌府区干部下沉点位",
                "现场推进会议召开主要",
                "任务是对全国文明城市",
                "创建"
            ]
        );
        for l in &lines[..3] {
            assert!((l.width - 100.0).abs() < 0.01, "{}", l.width);
        }
    }

    #[test]
    fn a_comma_never_starts_a_line_it_is_squeezed_in() {
        // Ten Han then a comma: the comma joins line 1 at half width, taking a half em
        // from the earlier comma in the line.
        let text = "甲乙，丙丁戊己庚辛壬，癸子丑寅";
        let (lines, c) = set(text, 10.0);
        let t = line_texts(text, &lines, &c);
        assert_eq!(t[0], "甲乙，丙丁戊己庚辛壬，");
        assert!((lines[0].width - 100.0).abs() < 0.01);
    }

    #[test]
    fn pushes_a_character_down_when_nothing_can_be_squeezed() {
        let text = "甲乙丙丁戊己庚辛壬癸”子丑寅卯辰巳午未申酉戌";
        let (lines, c) = set(text, 10.0);
        let t = line_texts(text, &lines, &c);
        assert!(!t[1].starts_with('”'), "{t:?}");
        assert!(t[0].chars().count() <= 11);
        assert!((lines[0].width - 100.0).abs() < 0.01, "{}", lines[0].width);
    }

    #[test]
    fn opening_marks_never_end_a_line_and_dashes_stay_together() {
        let text = "甲乙丙丁戊己庚辛壬——癸子丑寅卯辰巳午未申“酉戌亥”";
        let (lines, c) = set(text, 10.0);
        let t = line_texts(text, &lines, &c);
        for l in &t {
            assert!(
                !l.ends_with('“') && !l.starts_with('—') && !l.starts_with('”'),
                "{t:?}"
            );
        }
        assert!(t.iter().any(|l| l.contains("——")), "{t:?}");
    }

    #[test]
    fn no_orphan_last_line() {
        let text = "甲乙丙丁戊己庚辛壬癸子。";
        let (lines, c) = set(text, 10.0);
        let t = line_texts(text, &lines, &c);
        assert_eq!(t.last().unwrap().chars().count(), 3, "{t:?}");
    }

    #[test]
    fn overlong_url_breaks_rather_than_overflows() {
        let text = "见https://example.com/averyveryverylongpathwithoutanybreak";
        let (lines, _) = set(text, 10.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.width <= 100.0 + 0.01, "{}", l.width);
        }
    }
}

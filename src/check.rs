//! Editorial checks over the model (`paiban check`): problems a sub-editor would mark, found
//! after the reader has repaired what it safely can.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;

use crate::model::{Document, Location, Paragraph};
use crate::source::chars::is_han;

/// A problem in the text that needs a person: the reader does not change meaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The same sentence stands twice in one article.
    RepeatedSentence {
        sentence: String,
        first: Location,
        again: Location,
    },
    /// A function character typed twice: `并并`, `的的`.
    DoubledCharacter { text: String, location: Location },
    /// A quotation mark or bracket that is opened and not closed, or closed and not opened.
    Unbalanced { mark: char, location: Location },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::RepeatedSentence {
                sentence,
                first,
                again,
            } => write!(f, "{again}: sentence repeated from {first}: {sentence}"),
            Problem::DoubledCharacter { text, location } => {
                write!(f, "{location}: doubled character {text:?}")
            }
            Problem::Unbalanced { mark, location } => {
                write!(f, "{location}: unbalanced {mark:?}")
            }
        }
    }
}

/// Characters that are never reduplicated in standard written Chinese, so a doubled one is a
/// typing slip. Content words (`常常`, `看看`, `人人`) reduplicate legitimately and are absent.
const FUNCTION_CHARS: &str = "的地得了着过并和与及在把被将对从向于而且但或就也都又还之其以";

/// Idioms and set phrases in which a function character legitimately stands twice.
const ALLOWED: [&str; 6] = ["不了了之", "了了分明", "小了了", "的的确确", "在在", "就就"];

pub fn check(doc: &Document) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (n, article) in doc.articles.iter().enumerate() {
        let mut seen: HashMap<String, Location> = HashMap::new();
        for (b, block) in article.body.iter().enumerate() {
            for para in block.paragraphs() {
                let text = para.text();
                let at = |offset| Location::Body {
                    article: n,
                    block: b,
                    offset,
                };
                doubled(&text, &at, &mut problems);
                unbalanced(para, &at, &mut problems);
                for (offset, sentence) in sentences(&text) {
                    // Short sentences (`会议强调。`) repeat naturally.
                    if sentence.chars().filter(|&c| is_han(c)).count() < 8 {
                        continue;
                    }
                    match seen.get(&sentence) {
                        Some(first) => problems.push(Problem::RepeatedSentence {
                            sentence,
                            first: first.clone(),
                            again: at(offset),
                        }),
                        None => {
                            seen.insert(sentence, at(offset));
                        }
                    }
                }
            }
        }
    }
    problems
}

fn doubled(text: &str, at: &impl Fn(usize) -> Location, out: &mut Vec<Problem>) {
    let c: Vec<char> = text.chars().collect();
    for i in 1..c.len() {
        if c[i] != c[i - 1] || !FUNCTION_CHARS.contains(c[i]) {
            continue;
        }
        // AABB reduplication (`是是非非`) and a run of three are not slips of this kind.
        if c.get(i + 1) == Some(&c[i]) || (i >= 2 && c[i - 2] == c[i]) {
            continue;
        }
        let window: String = c[i.saturating_sub(2)..(i + 3).min(c.len())]
            .iter()
            .collect();
        if ALLOWED.iter().any(|a| window.contains(a)) {
            continue;
        }
        out.push(Problem::DoubledCharacter {
            text: format!("{}{}", c[i], c[i]),
            location: at(i - 1),
        });
    }
}

fn unbalanced(para: &Paragraph, at: &impl Fn(usize) -> Location, out: &mut Vec<Problem>) {
    const PAIRS: [(char, char); 7] = [
        ('“', '”'),
        ('‘', '’'),
        ('（', '）'),
        ('《', '》'),
        ('【', '】'),
        ('「', '」'),
        ('『', '』'),
    ];
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in para.text().chars().enumerate() {
        if let Some(&(open, _)) = PAIRS.iter().find(|p| p.0 == c) {
            stack.push((open, i));
        } else if let Some(&(open, close)) = PAIRS.iter().find(|p| p.1 == c) {
            match stack.iter().rposition(|&(o, _)| o == open) {
                Some(pos) => {
                    // Whatever was opened inside and not closed is unbalanced.
                    for (o, at_i) in stack.drain(pos..).skip(1) {
                        out.push(Problem::Unbalanced {
                            mark: o,
                            location: at(at_i),
                        });
                    }
                }
                None => out.push(Problem::Unbalanced {
                    mark: close,
                    location: at(i),
                }),
            }
        }
    }
    for (o, i) in stack {
        out.push(Problem::Unbalanced {
            mark: o,
            location: at(i),
        });
    }
}

/// Sentences with their character offsets: text up to and including `。！？` (and a closing
/// quote right after).
fn sentences(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        current.push(chars[i]);
        if matches!(chars[i], '。' | '！' | '？') {
            while i + 1 < chars.len() && matches!(chars[i + 1], '”' | '’' | '）') {
                i += 1;
                current.push(chars[i]);
            }
            out.push((start, std::mem::take(&mut current)));
            start = i + 1;
        }
        i += 1;
    }
    if !current.trim().is_empty() {
        out.push((start, current));
    }
    out
}

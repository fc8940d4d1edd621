use serde::{Deserialize, Serialize};

/// A body block. Paragraphs are what newsroom text is made of; quotes, lists and subheadings
/// come from Markdown sources that use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph(Paragraph),
    /// A subheading inside the body (小标题), e.g. a `####` line or a `###` after body text.
    Subheading(Paragraph),
    /// A block quotation; its paragraphs.
    Quote {
        paragraphs: Vec<Paragraph>,
    },
    /// A list; each item is one paragraph.
    List {
        ordered: bool,
        items: Vec<Paragraph>,
    },
}

impl Block {
    /// The block's plain text; paragraphs of a quote or items of a list joined by newlines.
    pub fn text(&self) -> String {
        match self {
            Block::Paragraph(p) | Block::Subheading(p) => p.text(),
            Block::Quote { paragraphs: ps } | Block::List { items: ps, .. } => ps
                .iter()
                .map(Paragraph::text)
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The paragraphs this block holds, in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        match self {
            Block::Paragraph(p) | Block::Subheading(p) => std::slice::from_ref(p),
            Block::Quote { paragraphs: ps } | Block::List { items: ps, .. } => ps,
        }
    }

    pub(crate) fn paragraphs_mut(&mut self) -> &mut [Paragraph] {
        match self {
            Block::Paragraph(p) | Block::Subheading(p) => std::slice::from_mut(p),
            Block::Quote { paragraphs: ps } | Block::List { items: ps, .. } => ps,
        }
    }
}

/// A paragraph: a sequence of runs of uniformly styled text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub runs: Vec<Run>,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            runs: vec![Run::plain(text)],
        }
    }

    /// The paragraph's text without styling.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Appends runs, merging the seam when both sides carry the same style, so that a joined
    /// paragraph is the same model as one that was never split.
    pub fn append(&mut self, other: Paragraph) {
        for run in other.runs {
            self.push(run);
        }
    }

    /// Adds a run, merging it into the last one when the style is the same.
    pub fn push(&mut self, run: Run) {
        if run.text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if last.same_style(&run) => last.text.push_str(&run.text),
            _ => self.runs.push(run),
        }
    }
}

/// Text with one style. A link's text is a run whose `link` is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    /// Struck-through text (GFM `~~…~~`): kept and drawn struck through, never as tildes.
    #[serde(default, skip_serializing_if = "is_false")]
    pub strike: bool,
    /// Inline code or other verbatim text: never normalised.
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
    /// Link target; only `http`, `https` and `mailto` survive the reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }

    pub fn same_style(&self, other: &Run) -> bool {
        self.emphasis == other.emphasis
            && self.strong == other.strong
            && self.strike == other.strike
            && self.code == other.code
            && self.link == other.link
    }
}

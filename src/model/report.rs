//! What the reader changed and what it noticed: values returned with the document, shown by
//! `paiban check` and the CLI, never printed by the library itself.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where in the document something is. Articles, blocks and offsets count from 0 in the data;
/// `Display` counts from 1 for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Location {
    Metadata,
    /// A line of the source file (1-based), for what is found before articles exist.
    Line {
        line: usize,
    },
    Kicker {
        article: usize,
    },
    Headline {
        article: usize,
    },
    Subtitle {
        article: usize,
    },
    Dateline {
        article: usize,
    },
    Byline {
        article: usize,
    },
    /// `offset` is in characters from the start of the paragraph's text (after repair).
    Body {
        article: usize,
        block: usize,
        offset: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Location::Metadata => write!(f, "metadata"),
            Location::Line { line } => write!(f, "line {line}"),
            Location::Kicker { article } => write!(f, "article {}, kicker", article + 1),
            Location::Headline { article } => write!(f, "article {}, headline", article + 1),
            Location::Subtitle { article } => write!(f, "article {}, subtitle", article + 1),
            Location::Dateline { article } => write!(f, "article {}, dateline", article + 1),
            Location::Byline { article } => write!(f, "article {}, byline", article + 1),
            Location::Body {
                article,
                block,
                offset,
            } => write!(
                f,
                "article {}, paragraph {}, character {}",
                article + 1,
                block + 1,
                offset + 1
            ),
        }
    }
}

/// The kinds of change the reader makes to source text (docs/typography.md §1) or its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// ASCII `, : ; ( ) ! ?` in Han context became its full-width form.
    FullWidthPunctuation,
    /// A straight quote in Han context became a curly Chinese quotation mark.
    ChineseQuote,
    /// A look-alike of the interpunct between Han became U+00B7.
    Interpunct,
    /// A gap between headline phrases became one U+3000.
    HeadlineGap,
    /// A space between two Han characters was removed.
    StraySpace,
    /// A paragraph that ended without closing punctuation was joined with the next one (a
    /// page-break split in the source).
    ParagraphJoin,
    /// Several `##` lines before the main headline were joined into one kicker.
    KickerJoin,
    /// A headline repeated as the first lines of the body (as transcripts print it) was
    /// dropped from the body.
    RepeatedHeadline,
}

/// One change the reader made, with where it made it and what it saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub location: Location,
    pub before: String,
    pub after: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ChangeKind::FullWidthPunctuation => "full-width punctuation",
            ChangeKind::ChineseQuote => "Chinese quotation mark",
            ChangeKind::Interpunct => "interpunct",
            ChangeKind::HeadlineGap => "headline gap",
            ChangeKind::StraySpace => "stray space removed",
            ChangeKind::ParagraphJoin => "joined split paragraph",
            ChangeKind::KickerJoin => "joined kicker lines",
            ChangeKind::RepeatedHeadline => "headline repeated in the body dropped",
        };
        write!(
            f,
            "{}: {what}: {:?} → {:?}",
            self.location, self.before, self.after
        )
    }
}

/// Something the reader or a backend noticed but could work around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The source has no headline: the document holds one untitled article.
    NoHeadline,
    /// Raw HTML in the source was kept as visible text, never as markup.
    RawHtml { location: Location, html: String },
    /// A link whose scheme is not http, https or mailto was dropped; its text is kept.
    UnsafeLink { location: Location, target: String },
    /// Text came before the first headline and was kept as an untitled article.
    TextBeforeHeadline,
    /// A front-matter key the reader does not know was ignored.
    UnknownMetadata { key: String },
    /// A character XML 1.0 cannot carry (a control character) was removed.
    ControlCharacter { location: Location, code_point: u32 },
    /// Characters no available face can draw.
    MissingGlyphs { detail: String },
    /// The text looks like a web page saved as text: its markup is read as visible text.
    LooksLikeHtml,
    /// Something the model cannot hold yet (an image, a table), kept in another form.
    NotPlaced {
        location: Location,
        /// `image "photo.jpg"`, `table`.
        what: String,
        /// What was kept of it.
        kept: &'static str,
    },
    /// Right-to-left letters, set in reading order without bidirectional reordering.
    RightToLeft {
        /// `article 1, paragraph 2`, as the coverage report names places.
        place: String,
        script: &'static str,
        /// The first right-to-left run (at most 24 characters).
        sample: String,
    },
    /// Both Chinese scripts in large numbers: the document is tagged by the majority.
    MixedScript {
        simplified: usize,
        traditional: usize,
        tag: String,
    },
    /// The language given names one script and the text is written in the other.
    ScriptMismatch {
        tag: String,
        /// `Traditional`, `Simplified`.
        script: &'static str,
        count: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoHeadline => write!(
                f,
                "no headline found: the text is one untitled article (a headline is a short line without closing punctuation before the body, or a ## line)"
            ),
            Warning::RawHtml { location, html } => {
                write!(f, "{location}: raw HTML kept as text: {html:?}")
            }
            Warning::UnsafeLink { location, target } => {
                write!(
                    f,
                    "{location}: link target dropped (only http, https, mailto): {target:?}"
                )
            }
            Warning::TextBeforeHeadline => {
                write!(
                    f,
                    "text before the first headline became an untitled article"
                )
            }
            Warning::UnknownMetadata { key } => {
                write!(f, "front matter key {key:?} is not known and was ignored")
            }
            Warning::ControlCharacter {
                location,
                code_point,
            } => write!(
                f,
                "{location}: control character U+{code_point:04X} removed"
            ),
            Warning::MissingGlyphs { detail } => write!(f, "no font draws: {detail}"),
            Warning::LooksLikeHtml => write!(
                f,
                "this looks like a web page (HTML) saved as text: its tags are read as text; save the page's text instead"
            ),
            Warning::NotPlaced {
                location,
                what,
                kept,
            } => write!(
                f,
                "{location}: {what} not placed (not supported yet): {kept}"
            ),
            Warning::RightToLeft {
                place,
                script,
                sample,
            } => write!(
                f,
                "{place}: right-to-left text ({script}) {sample:?} is set left to right in the PDF, in reading order but not reordered for display (DOCX and EPUB readers order it themselves)"
            ),
            Warning::MixedScript {
                simplified,
                traditional,
                tag,
            } => write!(
                f,
                "the text mixes Simplified ({simplified} characters only Simplified writes) and Traditional Chinese ({traditional}); tagged {tag} by the majority (give --language to choose)"
            ),
            Warning::ScriptMismatch { tag, script, count } => write!(
                f,
                "the language is given as {tag}, but the text is {script} Chinese ({count} characters only {script} writes); check --language or the front matter's language"
            ),
        }
    }
}

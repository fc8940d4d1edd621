//! The article model: one issue of a bulletin as data. Built once by [`crate::source`]; every
//! backend reads it and none re-parses text. Serialisable so `paiban inspect` can print it and
//! read it back unchanged.

mod article;
mod block;
mod date;
mod document;
mod report;

pub use article::{Article, Byline, Credit, Dateline, DatelineKind, HeadlineGroup, Labelled};
pub use block::{Block, Paragraph, Run};
pub use date::IssueDate;
pub use document::{Document, Metadata};
pub use report::{Change, ChangeKind, Location, Warning};

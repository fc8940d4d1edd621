//! paiban (排版): Chinese newsroom text in, one article model out, rendered by pluggable backends
//! (PDF, DOCX, EPUB) with one typography definition and an embedded CJK font.
//!
//! Stages, one module each: [`source`] (decode, normalise, parse) builds a [`model::Document`];
//! [`typography`] holds the template every backend reads; [`fonts`] answers which face draws a
//! character; [`backend`] renders.

pub mod backend;
pub mod check;
pub mod error;
pub mod fonts;
pub mod model;
pub mod output;
pub mod plan;
pub mod source;
pub mod typography;

pub use error::Error;

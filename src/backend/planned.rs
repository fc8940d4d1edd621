//! What the formats of one document share: its plan, the characters each face draws, and the
//! font subsets cut from them. Made once per document; the DOCX and the EPUB rendered from one
//! [`Planned`] (in parallel or one after the other) embed the same subset of each face, cut
//! once: subsetting the body face is most of either format's render time.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::fonts::TemplateFace;
use crate::model::Document;
use crate::plan::{self, FaceUsage, Plan};
use crate::typography::Template;

/// A subset, or why it could not be cut.
type Cut = Result<Arc<Vec<u8>>, String>;

/// One document, planned, with its subset cache.
pub struct Planned<'d> {
    pub doc: &'d Document,
    pub plan: Plan<'d>,
    pub usage: FaceUsage,
    subsets: BTreeMap<TemplateFace, OnceLock<Cut>>,
    cut: AtomicUsize,
    outside: AtomicUsize,
}

/// Cuts a face (its bytes and index in a collection) down to a set of characters.
pub type Cutter<'f> = &'f (dyn Fn(&[u8], u32, &BTreeSet<char>) -> Result<Vec<u8>, String> + Sync);

impl<'d> Planned<'d> {
    pub fn new(doc: &'d Document, template: &Template) -> Self {
        let plan = plan::plan(doc, template);
        let usage = FaceUsage::of(&plan, template);
        let subsets = usage
            .faces()
            .map(|(face, _)| (face.clone(), OnceLock::new()))
            .collect();
        Planned {
            doc,
            plan,
            usage,
            subsets,
            cut: AtomicUsize::new(0),
            outside: AtomicUsize::new(0),
        }
    }

    /// The subset of `face` (from `data`, face `index`) holding the characters the plan says
    /// it draws. A writer passes the characters it drew itself: if the plan missed one of them
    /// (a bug, counted by [`Planned::outside_plan`]), that writer gets a subset of its own
    /// holding both, so no character is ever missing from an embedded font.
    pub fn subset(
        &self,
        face: &TemplateFace,
        data: &[u8],
        index: u32,
        drawn: &BTreeSet<char>,
        cut: Cutter,
    ) -> Result<Arc<Vec<u8>>, String> {
        let planned = self.usage.chars(face);
        let covered = planned.is_some_and(|p| drawn.is_subset(p));
        match (covered, self.subsets.get(face), planned) {
            (true, Some(cell), Some(planned)) => cell
                .get_or_init(|| {
                    self.cut.fetch_add(1, Ordering::Relaxed);
                    cut(data, index, planned).map(Arc::new)
                })
                .clone(),
            _ => {
                self.outside.fetch_add(1, Ordering::Relaxed);
                self.cut.fetch_add(1, Ordering::Relaxed);
                let mut all = drawn.clone();
                if let Some(p) = planned {
                    all.extend(p);
                }
                cut(data, index, &all).map(Arc::new)
            }
        }
    }

    /// How many subsets were cut so far.
    pub fn subsets_cut(&self) -> usize {
        self.cut.load(Ordering::Relaxed)
    }

    /// How many times a writer drew a character the plan did not list for its face (each
    /// cost a subset of its own). Zero unless the plan and a writer disagree.
    pub fn outside_plan(&self) -> usize {
        self.outside.load(Ordering::Relaxed)
    }
}

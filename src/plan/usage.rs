//! Which characters each face draws in the issue, in any format: decided from the plan before
//! any writer runs, so the DOCX and the EPUB embed one subset per face, cut once.

use std::collections::{BTreeMap, BTreeSet};

use super::{LeadKind, Plan};
use crate::fonts::TemplateFace;
use crate::typography::{Role, RunningLine, RunningPiece, Template};

/// The characters each template face draws.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaceUsage(BTreeMap<TemplateFace, BTreeSet<char>>);

const DIGITS: &str = "0123456789";

impl FaceUsage {
    /// Everything the writers print in `plan` with `template`: the masthead, every block with
    /// its lead and separator (strong runs in the strong face), list numbers (Word numbers
    /// items itself, so every digit), the running lines with page numbers, the labels, and the
    /// titles of the EPUB's pages.
    pub fn of(plan: &Plan, t: &Template) -> Self {
        let mut u = FaceUsage::default();
        let face = |role: Role| TemplateFace::of(&t.role(role).font);
        if let Some(m) = &plan.masthead {
            u.add_opt(face(Role::IssueTitle), m.title.as_deref());
            u.add_opt(face(Role::MastheadLine), m.line.as_deref());
        }
        let strong = TemplateFace::of(&t.inline.strong);
        for article in &plan.articles {
            u.add(face(Role::Body), &article.label);
            for block in &article.blocks {
                let own = face(block.role);
                if let Some(lead) = &block.lead {
                    let lead_face = match lead.kind {
                        LeadKind::Dateline => face(Role::Dateline),
                        LeadKind::Marker => own.clone(),
                    };
                    u.add(lead_face, &lead.text);
                    u.add(own.clone(), lead.separator);
                }
                if block.list.is_some() {
                    u.add(own.clone(), DIGITS);
                }
                for run in block.runs.iter() {
                    let f = if run.strong { &strong } else { &own };
                    u.add(f.clone(), &run.text);
                }
            }
        }
        for (role, line) in [
            (Role::Header, &plan.running_head),
            (Role::Footer, &plan.running_foot),
        ] {
            if let Some(line) = line {
                u.add_running(face(role), line);
            }
        }
        u.add(face(Role::Headline), plan.labels.contents);
        for label in plan.labels.all() {
            u.add(face(Role::Body), label);
        }
        u.add(face(Role::Body), &plan.title);
        u
    }

    fn add(&mut self, face: TemplateFace, text: &str) {
        self.0
            .entry(face)
            .or_default()
            .extend(text.chars().filter(|c| !c.is_control()));
    }

    fn add_opt(&mut self, face: TemplateFace, text: Option<&str>) {
        if let Some(text) = text {
            self.add(face, text);
        }
    }

    fn add_running(&mut self, face: TemplateFace, line: &RunningLine) {
        for piece in line.pieces() {
            match piece {
                RunningPiece::Text(s) => self.add(face.clone(), s),
                RunningPiece::PageNumber => self.add(face.clone(), DIGITS),
            }
        }
    }

    /// The characters `face` draws, if it draws any.
    pub fn chars(&self, face: &TemplateFace) -> Option<&BTreeSet<char>> {
        self.0.get(face).filter(|c| !c.is_empty())
    }

    /// The faces in use and what each draws, in a fixed order.
    pub fn faces(&self) -> impl Iterator<Item = (&TemplateFace, &BTreeSet<char>)> {
        self.0.iter()
    }
}

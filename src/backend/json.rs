//! The model as pretty JSON: the format `paiban inspect` prints and the reader accepts back.

use crate::model::Document;

pub fn render(doc: &Document) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(doc).expect("the model always serialises");
    out.push(b'\n');
    out
}

//! Decoding and parsing: any bytes, read as Markdown (or as a JSON model when they look like
//! one), must give a document or an `Error`, never a panic, a hang or unbounded memory.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use paiban::source::{ReadOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default();
    // The first byte chooses the name: `.json` sends the text to the model reader.
    let name = if data.first().is_some_and(|b| b & 1 == 1) {
        "fuzz.json"
    } else {
        "fuzz-2022-09.md"
    };
    if let Ok(reading) = read_bytes(data, Path::new(name), &options) {
        // What the reader gives back must be readable again.
        let json = serde_json::to_vec(&reading.document).expect("the model serialises");
        read_bytes(&json, Path::new("again.json"), &options).expect("its own JSON reads back");
    }
});

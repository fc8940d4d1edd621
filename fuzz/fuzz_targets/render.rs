//! The full render: any bytes the reader accepts must give a PDF, a DOCX and an EPUB without a
//! panic, and every XML part of the two packages must parse.
#![no_main]

use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::source::{ReadOptions, read_bytes};
use paiban::typography::Template;

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        FontSet::builder()
            .system(false)
            .build()
            .expect("bundled faces")
    })
}

fn check_package(bytes: &[u8], format: Format) {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("a zip entry");
        let name = entry.name().unwrap().into_owned();
        let xml = [".xml", ".xhtml", ".opf", ".ncx", ".rels"]
            .iter()
            .any(|e| name.ends_with(e));
        if !xml {
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("entry reads");
        let mut reader = quick_xml::Reader::from_reader(data.as_slice());
        reader.config_mut().check_end_names = true;
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{format}: {name}: XML does not parse: {e}"),
            }
            buf.clear();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // Index 0 picks the template; the rest is the source.
    let Some((&pick, source)) = data.split_first() else {
        return;
    };
    let name = if pick & 0x80 != 0 { "fuzz.json" } else { "fuzz.md" };
    let Ok(reading) = read_bytes(source, Path::new(name), &ReadOptions::default()) else {
        return;
    };
    let template = ["newspaper", "gongwen", "book"][usize::from(pick & 0x7f) % 3];
    let template = Template::builtin(template).expect("built-in template");
    let options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: fonts(),
        options: &options,
    };
    for format in [Format::Pdf, Format::Docx, Format::Epub] {
        let bytes = backend::render(format, &reading.document, &ctx)
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        match format {
            Format::Pdf => assert!(bytes.starts_with(b"%PDF-")),
            _ => check_package(&bytes, format),
        }
    }
});

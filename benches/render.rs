//! Criterion benchmarks of the stages on the sample: reading (decode, parse, news semantics)
//! of the sample and of its pasted, GB18030 and plain-text twins, once and 100 times over,
//! PDF layout, and each backend end to end. The template and the font set are made once, as
//! `paiban build` makes them once per run. Run: `cargo bench --bench render`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::source::{ReadOptions, read_bytes, read_path};
use paiban::typography::Template;

const SAMPLE: &str = "samples/dongchangfu-2022-09.md";

fn stages(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let options = ReadOptions::default();
    let template = Template::load("newspaper").expect("built-in template");
    // Bundled faces only, so the numbers do not depend on the machine's fonts.
    let fonts = FontSet::builder()
        .system(false)
        .build()
        .expect("bundled fonts");
    let render_options = RenderOptions::default();
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &render_options,
    };
    let doc = read_path(&path, &options).expect("sample reads").document;

    let mut g = c.benchmark_group("sample");
    g.sample_size(20).measurement_time(Duration::from_secs(3));
    g.bench_function("read", |b| {
        b.iter(|| read_path(black_box(&path), &options).expect("reads"))
    });
    g.bench_function("pdf layout", |b| {
        b.iter(|| paiban::backend::pdf::layout::layout(black_box(&doc), &template, &fonts))
    });
    for format in [Format::Pdf, Format::Docx, Format::Epub] {
        g.bench_function(format!("render {format}"), |b| {
            b.iter(|| backend::render(format, black_box(&doc), &ctx).expect("renders"))
        });
    }
    // As `paiban build` renders one file: planned once, so the DOCX and the EPUB share each
    // face's subset (one after the other here; the CLI runs them side by side).
    g.bench_function("render pdf+docx+epub, planned once", |b| {
        b.iter(|| {
            let planned = backend::Planned::new(black_box(&doc), &template);
            for format in [Format::Pdf, Format::Docx, Format::Epub] {
                backend::render_planned(format, &planned, &ctx).expect("renders");
            }
        })
    });
    g.finish();

    // Every layout the reader knows, and each 100 times over (900 articles): reading must
    // stay linear in the file.
    let mut r = c.benchmark_group("read");
    r.sample_size(20).measurement_time(Duration::from_secs(3));
    for (name, file) in [
        ("markdown", SAMPLE),
        (
            "wps paste",
            "tests/inputs/dongchangfu-2022-09-wps-paste.txt",
        ),
        (
            "wps paste gb18030",
            "tests/inputs/dongchangfu-2022-09-wps-paste-gb18030.txt",
        ),
        ("plain text", "tests/inputs/dongchangfu-2022-09-plain.txt"),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let bytes = std::fs::read(&path).expect("input");
        r.bench_function(name, |b| {
            b.iter(|| read_bytes(black_box(&bytes), &path, &options).expect("reads"))
        });
        // GB18030 repeated stays GB18030; a blank line keeps the last article apart.
        let mut many = Vec::with_capacity(bytes.len() * 101);
        for _ in 0..100 {
            many.extend_from_slice(&bytes);
            many.extend_from_slice(b"\n\n");
        }
        r.bench_function(format!("{name} x100"), |b| {
            b.iter(|| read_bytes(black_box(&many), &path, &options).expect("reads"))
        });
    }
    r.finish();

    // What a run pays once, before any file: the font set and its first coverage lookup.
    let mut once = c.benchmark_group("once per run");
    once.sample_size(10)
        .measurement_time(Duration::from_secs(2));
    once.bench_function("bundled font set + cmap coverage", |b| {
        b.iter(|| {
            let f = FontSet::builder().system(false).build().expect("fonts");
            f.coverage(doc.text_items(), &paiban::fonts::FaceRequest::body())
        })
    });
    once.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

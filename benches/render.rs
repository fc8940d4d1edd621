//! Criterion benchmarks of the stages on the sample: reading (decode, parse, news semantics),
//! PDF layout, and each backend end to end. The template and the font set are made once, as
//! `paiban build` makes them once per run. Run: `cargo bench --bench render`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::fonts::FontSet;
use paiban::source::{ReadOptions, read_path};
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
    g.finish();

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

//! `paiban build FILE|DIR… [--to pdf,docx,epub] [-o DIR] [-j N] [--json]`.
//!
//! The template and the font set are made once for the run; every input is then an independent
//! job (read, check coverage, render each format, write) run on a pool of `-j` threads, the
//! formats of one input in parallel too. A failing input is reported and the others go on; the
//! run ends with a summary and exits 1 if anything failed.

mod guard;
mod inputs;
mod report;

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use rayon::prelude::*;

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::output::{Inputs, write_atomic};
use paiban::typography::Template;

use super::ReadArgs;
use inputs::Input;
use report::{FileResult, Progress, Summary, one_line, with_file};

#[derive(Args)]
pub struct BuildArgs {
    /// Source files (Markdown/text, or a JSON model) and directories (searched recursively
    /// for .md and .txt files)
    #[arg(required = true, value_name = "FILE|DIR")]
    files: Vec<PathBuf>,
    /// Formats to write, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = Format::DEFAULT)]
    to: Vec<Format>,
    /// Output directory
    #[arg(short = 'o', long = "out-dir", value_name = "DIR", default_value = ".")]
    out_dir: PathBuf,
    /// Built-in template name or template file
    #[arg(long, value_name = "NAME|FILE", default_value = "newspaper")]
    template: String,
    /// Do not embed the bundled fonts in DOCX files
    #[arg(long)]
    no_embed_fonts: bool,
    /// Archival PDF: a-2b or a-3b
    #[arg(long, value_name = "STANDARD")]
    pdf_standard: Option<paiban::backend::pdf::PdfStandard>,
    /// Files rendered at once (default: one per core; at most 256, and no more than there is
    /// work for)
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// Print the run's summary as JSON on standard output
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    fonts: super::FontArgs,
    #[command(flatten)]
    read: ReadArgs,
}

/// The most worker threads a run starts, whatever `-j` asks.
const MAX_JOBS: usize = 256;

/// What every job shares: made once per run, read-only.
struct Run<'a> {
    args: &'a BuildArgs,
    ctx: Context<'a>,
    /// Every input of the run by identity: no output may replace one.
    reads: Inputs,
    progress: Progress,
    /// Render the formats of one input in parallel: only when there are fewer inputs than
    /// threads. With more, the inputs keep every thread busy, and a thread waiting on its own
    /// formats would start another whole input meanwhile (rayon work stealing), raising peak
    /// memory for no gain in throughput.
    formats_in_parallel: bool,
    /// Hand freed memory back after each input: for batches only, as a one-file run ends
    /// right after its file (trimming took 0.2 ms of an 8 ms DOCX build).
    trim_memory: bool,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, paiban::Error> {
    let started = Instant::now();
    tune_allocator();
    let mut formats = args.to.clone();
    formats.sort();
    formats.dedup();
    if !args.out_dir.as_os_str().is_empty() && !args.out_dir.exists() {
        std::fs::create_dir_all(&args.out_dir).map_err(|source| paiban::Error::Io {
            path: args.out_dir.clone(),
            action: "create the output directory",
            source,
        })?;
    }
    // An interrupted run removes its temporary files; a killed one's are removed here.
    paiban::output::remove_temporaries_on_signal();
    guard::install();
    paiban::output::remove_stale_temporaries(&args.out_dir);
    // Loaded once for the whole run: a bad template stops the run before any file is read.
    let template = Template::load(&args.template)?;
    let fonts = args.fonts.build()?;
    warn_unembeddable_families(&template, &fonts, &formats, args.no_embed_fonts);
    let options = RenderOptions {
        no_embed_fonts: args.no_embed_fonts,
        pdf_standard: args.pdf_standard,
    };

    let mut inputs = inputs::expand(&args.files);
    inputs::claim(&mut inputs, &formats, &args.out_dir);
    // No more threads than there is work for (each input's formats and its font check), and
    // never more than MAX_JOBS: `-j 10000` started 10,000 threads for one file (52 s).
    let work = (inputs.len() * (formats.len() + 1)).max(1);
    let jobs = args
        .jobs
        .map(NonZeroUsize::get)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get))
        .min(work)
        .min(MAX_JOBS);
    let run = Run {
        args,
        ctx: Context {
            template: &template,
            fonts: &fonts,
            options: &options,
        },
        reads: Inputs::of(&inputs.iter().map(|i| i.path.clone()).collect::<Vec<_>>()),
        progress: Progress::new(inputs.len()),
        formats_in_parallel: inputs.len() < jobs,
        trim_memory: inputs.len() > 1,
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("paiban: cannot start {jobs} worker threads: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let results: Vec<FileResult> =
        pool.install(|| inputs.par_iter().map(|i| run.build_one(i)).collect());
    run.progress.finish();

    let summary = Summary::new(results, started.elapsed(), jobs);
    let mut exit = if summary.failed == 0 { 0 } else { 1 };
    if args.json {
        let mut json = serde_json::to_string_pretty(&summary).unwrap_or_else(|e| {
            serde_json::json!({ "error": format!("cannot write the summary: {e}") }).to_string()
        });
        json.push('\n');
        // A summary lost (`> /dev/full`) is a failed run, as for `inspect`.
        if let Err(e) = paiban::output::write_stdout(json.as_bytes()) {
            eprintln!("paiban: {e}");
            exit = 1;
        }
    }
    // The closing line is for people; a script reading the JSON gets the failures there.
    if !args.json || summary.failed > 0 {
        eprint!("{}", summary.text());
    }
    Ok(ExitCode::from(exit))
}

impl Run<'_> {
    /// Reads, renders and writes one input; a bad file, or a bug it triggers (a panic), fails
    /// that file only.
    fn build_one(&self, input: &Input) -> FileResult {
        guard::catch(|| self.build_guarded(input)).unwrap_or_else(|reason| {
            self.progress
                .line(&format!("paiban: {}", with_file(&input.path, &reason)));
            self.progress.file_done();
            FileResult {
                file: input.path.clone(),
                outputs: Vec::new(),
                error: Some(reason),
                warnings: 0,
                timings_ms: Default::default(),
            }
        })
    }

    fn build_guarded(&self, input: &Input) -> FileResult {
        let mut result = FileResult {
            file: input.path.clone(),
            outputs: Vec::new(),
            error: None,
            warnings: 0,
            timings_ms: Default::default(),
        };
        let fail = |result: &mut FileResult, reason: String| {
            self.progress
                .line(&format!("paiban: {}", with_file(&input.path, &reason)));
            result.error = Some(reason);
        };
        if let Some(reason) = &input.refused {
            fail(&mut result, reason.clone());
            self.progress.file_done();
            return result;
        }
        let file = &input.path;
        let started = Instant::now();
        let reading = match self.args.read.read(file) {
            Ok(r) => r,
            Err(e) => {
                fail(&mut result, one_line(&e));
                self.progress.file_done();
                return result;
            }
        };
        for w in &reading.warnings {
            self.progress
                .line(&format!("warning: {}: {w}", file.display()));
        }
        result.warnings = reading.warnings.len();
        result
            .timings_ms
            .insert("read".into(), millis(started.elapsed()));
        // Planned once: the formats share the plan and cut each font subset once.
        let planned = guard::catch(|| backend::Planned::new(&reading.document, self.ctx.template));
        let planned = match planned {
            Ok(p) => p,
            Err(panic) => {
                fail(&mut result, format!("plan: {panic}"));
                self.progress.file_done();
                return result;
            }
        };
        // With fewer inputs than threads the formats of one input render in parallel too, so
        // one large issue uses every core.
        let one = |(format, path): &(Format, PathBuf)| {
            let started = Instant::now();
            let r = guard::catch(|| self.render_and_write(*format, &planned, path))
                .unwrap_or_else(|panic| Err(format!("{format}: {panic}")));
            (r, millis(started.elapsed()))
        };
        // Characters no face draws are reported once per document, never drawn as silent tofu.
        // The check only reports, so it runs beside the rendering (on another thread when one
        // is free) rather than before it; its warning follows the outputs' lines.
        let (written, coverage) = rayon::join(
            || -> Vec<(Result<PathBuf, String>, f64)> {
                if self.formats_in_parallel {
                    input.outputs.par_iter().map(one).collect()
                } else {
                    input.outputs.iter().map(one).collect()
                }
            },
            || {
                guard::catch(|| {
                    self.ctx.fonts.coverage(
                        reading.document.text_items(),
                        &paiban::fonts::FaceRequest::body(),
                    )
                })
            },
        );
        let mut errors = Vec::new();
        match coverage {
            Ok(report) => {
                let outside = input
                    .outputs
                    .iter()
                    .any(|(f, _)| matches!(f, Format::Docx | Format::Epub))
                    .then(|| pdf_only_faces(&report))
                    .flatten();
                for warning in [report.warning().map(|m| m.to_string()), outside]
                    .into_iter()
                    .flatten()
                {
                    self.progress
                        .line(&format!("warning: {}: {warning}", file.display()));
                    result.warnings += 1;
                }
            }
            Err(panic) => errors.push(format!("font coverage: {panic}")),
        }
        for ((format, _), (w, ms)) in input.outputs.iter().zip(written) {
            result.timings_ms.insert(format.to_string(), ms);
            match w {
                Ok(path) => result.outputs.push(path),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            fail(&mut result, errors.join("; "));
        }
        drop(planned);
        drop(reading);
        if self.trim_memory {
            release_freed_memory();
        }
        self.progress.file_done();
        result
    }

    fn render_and_write(
        &self,
        format: Format,
        doc: &backend::Planned,
        path: &std::path::Path,
    ) -> Result<PathBuf, String> {
        // Debug builds only: the batch test needs a job that panics, and no input is known to
        // make one panic any more.
        #[cfg(debug_assertions)]
        if std::env::var_os("PAIBAN_TEST_PANIC").is_some_and(|n| path.file_name() == Some(&n)) {
            panic!("test panic while rendering {}", path.display());
        }
        let bytes = backend::render_planned(format, doc, &self.ctx).map_err(|e| match e {
            // It names the format already.
            paiban::Error::Render { .. } => one_line(&e),
            _ => format!("{format}: {}", one_line(&e)),
        })?;
        write_atomic(path, &bytes, &self.reads).map_err(|e| one_line(&e))?;
        self.progress.line(&format!("wrote {}", path.display()));
        Ok(path.to_path_buf())
    }
}

/// Hands the memory of a finished input back to the system. glibc keeps freed blocks in each
/// thread's arena, and the arenas fragment as documents of different sizes come and go, so
/// without this a long batch's resident memory creeps up with the number of files (81 MB median
/// peak at 200 issues against 51 MB at 50); trimming after each file keeps it flat, for well
/// under a millisecond per file.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim only returns free memory to the system; it is thread-safe.
        unsafe {
            malloc_trim(0);
        }
    }
}

fn millis(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// glibc raises its mmap threshold to the largest block freed so far (up to 32 MiB), so after
/// a large buffer is freed (the system font scan does so), every later big buffer (page content,
/// a package, a font subset) comes from the heap, which fragments as those buffers grow: the
/// sample 100 times over peaked at 250 MB. A fixed 1 MiB threshold keeps the big buffers in their
/// own mappings, returned when freed (about 130 MB); a lower one (glibc's 128 KiB start) saves
/// another 25 MB there but costs a third more page-fault time on every file.
///
/// The heaps also grow 4 MiB at a time (M_TOP_PAD) rather than by each request's pages: a
/// worker thread's heap grows with an mprotect call per step, about 150 of them in a one-file
/// DOCX build (font subsetting allocates a few MB), now about 15. Only address space is
/// reserved; pages become resident when used, and `malloc_trim` still returns free ones.
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // M_MMAP_THRESHOLD (-3); setting it turns glibc's dynamic adjustment off.
        const M_MMAP_THRESHOLD: i32 = -3;
        const M_TOP_PAD: i32 = -2;
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        // SAFETY: mallopt only changes allocator tuning; called before any worker thread starts.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
            mallopt(M_TOP_PAD, 4 * 1024 * 1024);
        }
    }
}

/// Each family the template names besides the bundled faces that the DOCX and EPUB cannot
/// embed, reported once for the run: those formats then only name it, and a reader without it
/// sees another face.
fn warn_unembeddable_families(
    t: &Template,
    fonts: &paiban::fonts::FontSet,
    formats: &[Format],
    no_embed_fonts: bool,
) {
    use paiban::fonts::TemplateFace;
    let mut families: Vec<TemplateFace> = paiban::typography::Role::ALL
        .iter()
        .map(|&r| TemplateFace::of(&t.role(r).font))
        .chain([TemplateFace::of(&t.inline.strong)])
        .filter(|f| f.bundled_name().is_none())
        .collect();
    families.sort();
    families.dedup();
    let formats: Vec<&str> = formats
        .iter()
        .filter(|f| match f {
            Format::Epub => true,
            Format::Docx => !no_embed_fonts,
            _ => false,
        })
        .map(|f| if *f == Format::Docx { "DOCX" } else { "EPUB" })
        .collect();
    if formats.is_empty() {
        return;
    }
    for face in families {
        if let Err(why) = fonts.embeddable(&face) {
            eprintln!(
                "warning: the template's font {:?} is not embedded in the {}: {why}; readers \
                 without it see another face",
                face.family(),
                formats.join(" and ")
            );
        }
    }
}

/// Characters the PDF draws from a fallback face that is not bundled (a system or added face):
/// the DOCX and EPUB embed the template's faces only, holding what the template sets in them,
/// so those formats have no font for these characters and the reader's own fonts draw them,
/// or nothing does.
fn pdf_only_faces(report: &paiban::fonts::CoverageReport) -> Option<String> {
    let faces: Vec<String> = report
        .faces
        .iter()
        .filter(|f| f.bundled.is_none() && f.drawn > 0)
        .map(|f| {
            let s = if f.drawn == 1 { "" } else { "s" };
            format!("{} character{s} with {}", f.drawn, f.family)
        })
        .collect();
    (!faces.is_empty()).then(|| {
        format!(
            "the PDF draws {}, a fallback face: the DOCX and EPUB embed no font holding them, \
             so their readers draw them with fonts of their own, if they have any",
            faces.join(", ")
        )
    })
}

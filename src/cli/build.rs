//! `paiban build FILE… [--to pdf,docx,epub] [-o DIR] [--template NAME|FILE]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use paiban::backend::{self, Context, Format, RenderOptions};
use paiban::output::write_atomic;
use paiban::typography::Template;

use super::ReadArgs;

#[derive(Args)]
pub struct BuildArgs {
    /// Source files (Markdown/text, or a JSON model)
    #[arg(required = true)]
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
    #[command(flatten)]
    fonts: super::FontArgs,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, paiban::Error> {
    let mut formats = args.to.clone();
    formats.sort();
    formats.dedup();
    // Loaded once for the whole run: a bad template stops the run before any file is read.
    let template = Template::load(&args.template)?;
    let fonts = args.fonts.build()?;
    let options = RenderOptions {
        no_embed_fonts: args.no_embed_fonts,
        pdf_standard: args.pdf_standard,
    };
    let ctx = Context {
        template: &template,
        fonts: &fonts,
        options: &options,
    };
    let mut failed = 0;
    for file in &args.files {
        if let Err(e) = build_one(file, &formats, args, &ctx) {
            eprintln!("paiban: {e}");
            failed += 1;
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn build_one(
    file: &Path,
    formats: &[Format],
    args: &BuildArgs,
    ctx: &Context,
) -> Result<(), paiban::Error> {
    let reading = args.read.read(file)?;
    for w in &reading.warnings {
        eprintln!("warning: {}: {w}", file.display());
    }
    // Characters no face draws are reported once per document, never drawn as silent tofu.
    let coverage = ctx.fonts.coverage(
        reading.document.text_items(),
        &paiban::fonts::FaceRequest::body(),
    );
    if let Some(missing) = coverage.warning() {
        eprintln!("warning: {}: {missing}", file.display());
    }
    let stem = match file.file_stem() {
        Some(s) if file != Path::new("-") => s.to_os_string(),
        _ => "stdin".into(),
    };
    for &format in formats {
        let bytes = backend::render(format, &reading.document, ctx)?;
        let mut name = stem.clone();
        name.push(".");
        name.push(format.extension());
        let path = args.out_dir.join(name);
        write_atomic(&path, &bytes, &args.files)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

//! Command-line interface. Exit codes: 0 success (or a clean check), 1 problems found or bad
//! input, 2 usage error (clap's own).

mod build;
mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use paiban::source::{self, MetaOverrides, ReadOptions, Reading};

#[derive(Parser)]
#[command(
    name = "paiban",
    version,
    about = "Typeset Chinese newsroom text as PDF, DOCX and EPUB"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the article model of FILE as JSON (`-` reads standard input)
    Inspect {
        file: PathBuf,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Report what the reader repaired and converted, and editorial problems
    Check {
        file: PathBuf,
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Render FILEs to PDF, DOCX and EPUB, writing DIR/<input stem>.<ext>
    Build(build::BuildArgs),
    /// List the font faces available; with FILE, how its characters are covered
    Fonts {
        file: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// List the built-in templates, or print one as TOML to copy and edit
    Templates {
        #[command(subcommand)]
        action: Option<TemplatesAction>,
    },
}

#[derive(Subcommand)]
enum TemplatesAction {
    /// Print a built-in template (or a template file merged onto its base) as TOML
    Show {
        #[arg(value_name = "NAME|FILE")]
        name: String,
    },
}

/// Options every command that reads a source takes.
#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Issue title (overrides front matter)
    #[arg(long)]
    title: Option<String>,
    /// Publishing organisation (overrides front matter)
    #[arg(long)]
    publisher: Option<String>,
    /// Issue date, YYYY-MM-DD (overrides front matter)
    #[arg(long)]
    date: Option<String>,
    /// Language tag (default zh-CN)
    #[arg(long)]
    language: Option<String>,
    /// Stable identifier (default: derived from title, publisher and date)
    #[arg(long)]
    identifier: Option<String>,
    /// Refuse inputs larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = source::DEFAULT_MAX_INPUT)]
    max_input_size: u64,
    /// Page-break repair: auto (join only sentences a page break cut), off, or always (every
    /// paragraph ending without closing punctuation, for scanned/OCR text). Default: the front
    /// matter's `repair`, else auto
    #[arg(long, value_name = "MODE", value_parser = parse_repair)]
    repair_breaks: Option<source::Repair>,
}

fn parse_repair(s: &str) -> Result<source::Repair, String> {
    source::Repair::parse(s).ok_or_else(|| format!("{s:?} is not auto, off or always"))
}

/// Where fonts come from, for every command that renders or reports fonts.
#[derive(Args, Clone)]
pub struct FontArgs {
    /// Add a font file (TTF, OTF, TTC)
    #[arg(long = "font", value_name = "FILE")]
    font_files: Vec<PathBuf>,
    /// Add every font in a directory
    #[arg(long = "font-dir", value_name = "DIR")]
    font_dirs: Vec<PathBuf>,
    /// Do not look at the system's fonts (only bundled and added faces)
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    /// The faces of the run, built once.
    pub fn build(&self) -> Result<paiban::fonts::FontSet, paiban::Error> {
        let mut b = paiban::fonts::FontSet::builder()
            .bundled(true)
            .system(!self.no_system_fonts);
        for f in &self.font_files {
            b = b.font_file(f);
        }
        for d in &self.font_dirs {
            b = b.font_dir(d);
        }
        Ok(b.build()?)
    }
}

impl ReadArgs {
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            meta: MetaOverrides {
                title: self.title.clone(),
                publisher: self.publisher.clone(),
                date: self.date.clone(),
                language: self.language.clone(),
                identifier: self.identifier.clone(),
                repair: None,
            },
            max_input_bytes: self.max_input_size,
            repair: self.repair_breaks,
            ..ReadOptions::default()
        }
    }

    pub fn read(&self, file: &std::path::Path) -> Result<Reading, paiban::Error> {
        source::read_path(file, &self.options())
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Inspect { file, read } => inspect(&file, &read),
        Command::Check { file, json, read } => check::run(&file, json, &read),
        Command::Build(args) => build::run(&args),
        Command::Templates { action } => templates(action),
        Command::Fonts { file, fonts, read } => fonts_command(file.as_deref(), &fonts, &read),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("paiban: {e}");
            ExitCode::from(1)
        }
    }
}

fn inspect(file: &std::path::Path, read: &ReadArgs) -> Result<ExitCode, paiban::Error> {
    let reading = read.read(file)?;
    for w in &reading.warnings {
        eprintln!("warning: {}: {w}", file.display());
    }
    let json = paiban::backend::json::render(&reading.document);
    paiban::output::write_stdout(&json)?;
    Ok(ExitCode::SUCCESS)
}

fn templates(action: Option<TemplatesAction>) -> Result<ExitCode, paiban::Error> {
    use paiban::typography::Template;
    match action {
        None => {
            for name in Template::builtin_names() {
                let t = Template::builtin(name).expect("listed built-ins exist");
                let default = if *name == "newspaper" {
                    " (default)"
                } else {
                    ""
                };
                paiban::output::write_stdout(
                    format!(
                        "{name}{default}: {:.0} × {:.0} mm page, body {} pt{}\n",
                        t.page.width_mm(),
                        t.page.height_mm(),
                        t.role(paiban::typography::Role::Body).size_pt(),
                        t.grid
                            .map(|g| format!(", grid {} lines × {} characters", g.lines, g.chars))
                            .unwrap_or_default()
                    )
                    .as_bytes(),
                )?;
            }
        }
        Some(TemplatesAction::Show { name }) => {
            paiban::output::write_stdout(Template::load(&name)?.to_toml_string().as_bytes())?
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn fonts_command(
    file: Option<&std::path::Path>,
    fonts: &FontArgs,
    read: &ReadArgs,
) -> Result<ExitCode, paiban::Error> {
    let set = fonts.build()?;
    paiban::output::write_stdout(
        paiban::fonts::report::list_faces(&set)
            .to_string()
            .as_bytes(),
    )?;
    let Some(file) = file else {
        return Ok(ExitCode::SUCCESS);
    };
    let reading = read.read(file)?;
    let report = set.coverage(
        reading.document.text_items(),
        &paiban::fonts::FaceRequest::body(),
    );
    paiban::output::write_stdout(format!("{}:\n{report}", file.display()).as_bytes())?;
    Ok(if report.warning().is_some() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

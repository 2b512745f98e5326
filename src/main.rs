//! The `gongwen` command line: parsing arguments and reporting; the work is in the library.

use clap::{Parser, Subcommand, ValueEnum};
use gongwen::render::pdf::PdfSettings;
use gongwen::{app, Engine, EngineOptions, Formats};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Printing that survives a closed pipe (`gongwen check … | head -1`): the output stops quietly,
/// the work goes on.
macro_rules! out_line {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
/// [`out_line`] without the line end.
macro_rules! out_text {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}
/// [`out_line`] on standard error.
macro_rules! err_line {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}
/// [`out_text`] on standard error.
macro_rules! err_text {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}

/// The version and the commit it was built from (`build.rs`).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("GONGWEN_COMMIT"), ")");

/// What `gongwen generate` writes.
#[derive(Clone, Copy, ValueEnum)]
enum Generated {
    /// The man page (roff), for `man gongwen`.
    Man,
    /// Bash completions.
    Bash,
    /// Zsh completions.
    Zsh,
    /// Fish completions.
    Fish,
}

/// 公文排版：按 GB/T 9704-2012 从 TOML 规格生成 PDF、DOCX 与 OFD。
#[derive(Parser)]
#[command(name = "gongwen", version = VERSION, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Additional font directory (repeatable).
    #[arg(long = "font-path", global = true)]
    font_path: Vec<PathBuf>,
    /// Do not use official fonts installed on this machine (bundled fonts only).
    #[arg(long, global = true)]
    no_system_fonts: bool,
    /// Directory of templates overriding the embedded ones.
    #[arg(long, global = true)]
    templates: Option<PathBuf>,
    /// Stop when one document's layout takes longer (seconds; 0: no limit). Not for `serve`.
    #[arg(long, global = true, default_value_t = gongwen::budget::DEFAULT_SECONDS)]
    time_limit: u64,
    /// Stop when the process uses more memory (MB; 0: no limit).
    #[arg(long, global = true, default_value_t = gongwen::budget::DEFAULT_MEMORY_MIB)]
    memory_limit: usize,
}

/// Every allocation counted against `--memory-limit`.
#[global_allocator]
static ALLOCATOR: gongwen::budget::Capped = gongwen::budget::Capped;

#[derive(Clone, Copy, ValueEnum)]
enum AsArg {
    /// 通知 (seed 000).
    Notice,
    /// 活动方案 (seed 001).
    Plan,
    /// 印发通知 with its plan (seed 003).
    Cover,
    /// 转发通知: relays the upstream document as it is.
    Relay,
}

impl From<AsArg> for gongwen::derive::DeriveAs {
    fn from(a: AsArg) -> Self {
        match a {
            AsArg::Notice => Self::Notice,
            AsArg::Plan => Self::Plan,
            AsArg::Cover => Self::Cover,
            AsArg::Relay => Self::Relay,
        }
    }
}

/// `--format`: a format's extension, `all`, or a comma list of them (the registry's formats).
fn parse_formats(s: &str) -> Result<Formats, String> {
    s.parse()
}

/// The help of `--format`, from the registry of formats.
fn formats_help(what: &str) -> String {
    let names: Vec<_> = gongwen::Format::all()
        .map(gongwen::Format::extension)
        .collect();
    let all: Vec<_> = Formats::all()
        .iter()
        .map(gongwen::Format::extension)
        .collect();
    format!(
        "{what}: {}, or a comma list; all = {}",
        names.join(", "),
        all.join(",")
    )
}

#[derive(Subcommand)]
enum Command {
    /// Render specs to print-ready PDF, editable DOCX and OFD for the exchange system.
    Render {
        /// Spec files (TOML).
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Output directory.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        #[arg(long, value_parser = parse_formats, default_value = "all", help = formats_help("Which files to write"))]
        format: Formats,
        /// Write PDF/A-2b.
        #[arg(long)]
        pdf_a: bool,
        /// Regenerate for another campaign year (1949–2200): dates, {year}, {edition} … all move.
        #[arg(long, value_parser = clap::value_parser!(i32).range(1949..=2200))]
        year: Option<i32>,
        /// Write only the annex forms, each as its own file (NAME-annexN.pdf/.docx/.ofd).
        #[arg(long)]
        annexes_only: bool,
        /// Numbered copies (份号), e.g. 1-30: one print-ready NAME.pdf, each copy from an odd page.
        #[arg(long, value_parser = parse_copies)]
        copies: Option<gongwen::render::copies::Copies>,
        /// With --copies: also each copy as its own NAME-000001.pdf/.docx (per --format).
        #[arg(long, requires = "copies")]
        each_copy: bool,
        /// Seal image (印章, PNG with transparency or SVG), repeatable, in the issuers' order;
        /// instead of the spec's `[signature] seals`. Without it the room is left for stamping.
        #[arg(long = "seal", value_name = "FILE")]
        seals: Vec<PathBuf>,
    },
    /// Derive a lower office's draft spec from the upper office's notice.
    Derive {
        /// The upstream notice (spec).
        upstream: PathBuf,
        /// Office profile (repeatable), or a folder of profiles: one draft per office.
        #[arg(long = "office", required = true)]
        offices: Vec<PathBuf>,
        /// What to derive.
        #[arg(long = "as", value_enum, default_value_t = AsArg::Notice)]
        as_: AsArg,
        /// Output directory for the drafts.
        #[arg(short, long, default_value = "drafts")]
        out: PathBuf,
        /// Replace existing drafts (every earlier one is kept: NAME.toml.bak, NAME.toml.bak.2 …).
        #[arg(long)]
        force: bool,
        /// Show what re-deriving would change in this existing draft, writing nothing.
        #[arg(long)]
        diff: Option<PathBuf>,
        /// Folder of extra holiday schedules (YEAR.toml) for new years.
        #[arg(long)]
        holidays: Option<PathBuf>,
        /// Also render each draft beside it (PDF and DOCX, or what --format names).
        #[arg(long)]
        render: bool,
        #[arg(long, value_parser = parse_formats, default_value = "all", help = formats_help("Which files `--render` writes"))]
        format: Formats,
        /// Parallel jobs (default: one per core).
        #[arg(short, long)]
        jobs: Option<usize>,
    },
    /// Print a commented spec to start a new document from.
    New {
        /// The kind of document (文种; the list below comes from the table of kinds), or profile
        /// for an office profile.
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(gongwen::app::new::ids()))]
        kind: String,
    },
    /// Check specs without writing anything: syntax, fields, GB/T 9704 conventions, glyphs.
    Check {
        /// Spec files (TOML).
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Rewrite the specs in place with the corrections the rules know (comments kept).
        #[arg(long)]
        fix: bool,
    },
    /// List the face used for each font role and where it comes from.
    Fonts,
    /// Start the local web app over a workspace folder (127.0.0.1 only).
    Serve {
        /// The workspace: specs, office profiles, received files (default: this folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Port to listen on (default: a free one, printed).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Open the app in the default browser.
        #[arg(long)]
        open: bool,
        /// Memory limit (MB) of each import of a received file, run in a process of its own
        /// so that a hostile file stops only its import, never the app.
        #[arg(long, default_value_t = 1024)]
        import_memory_limit: usize,
    },
    /// Import one received file from standard input and answer on standard output (JSON); how
    /// `gongwen serve` runs each import in a process of its own.
    #[command(hide = true)]
    ImportWorker {
        /// The received file's name, as messages name it.
        name: PathBuf,
    },
    /// Write the man page or shell completions to standard output (for packaging).
    #[command(hide = true)]
    Generate {
        /// What to write.
        #[arg(value_enum)]
        what: Generated,
    },
    /// Import a received file (PDF, DOCX, OFD or text) as an editable spec.
    Import {
        /// The received file.
        input: PathBuf,
        /// The spec to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite an existing spec.
        #[arg(long)]
        force: bool,
    },
}

/// The man page or a shell's completions, from the clap definitions.
fn generate(what: Generated) -> gongwen::Result<()> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    let io = |source| gongwen::Error::Io {
        path: PathBuf::from("-"),
        source,
    };
    let shell = match what {
        Generated::Man => return clap_mangen::Man::new(cmd).render(&mut out).map_err(io),
        Generated::Bash => clap_complete::Shell::Bash,
        Generated::Zsh => clap_complete::Shell::Zsh,
        Generated::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "gongwen", &mut out);
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        gongwen::output::clean_up_on_interrupt();
        gongwen::budget::keep_freed_pages();
    }
    if cli.memory_limit > 0 {
        gongwen::budget::limit_memory(cli.memory_limit);
    }
    let serving = matches!(cli.command, Command::Serve { .. });
    let options = EngineOptions {
        font_paths: cli.font_path.clone(),
        no_system_fonts: cli.no_system_fonts,
        templates: cli.templates.clone(),
        // A server keeps running: a slow document is its request's business, not a stop.
        time_limit: (cli.time_limit > 0 && !serving).then_some(cli.time_limit),
    };
    let result = match cli.command {
        Command::Render {
            specs,
            out,
            format,
            pdf_a,
            year,
            annexes_only,
            copies,
            each_copy,
            seals,
        } => {
            let job = app::render::Job {
                out,
                format,
                pdf: PdfSettings { pdf_a },
                year,
                annexes_only,
                copies,
                each_copy,
                seals,
            };
            render(&options, &specs, &job)
        }
        Command::Derive {
            upstream,
            offices,
            as_,
            out,
            force,
            diff,
            holidays,
            render,
            format,
            jobs,
        } => derive(
            &options,
            &app::derive::Job {
                upstream,
                offices,
                as_: as_.into(),
                out,
                force,
                diff,
                holidays,
                render,
                format,
                jobs,
            },
        ),
        Command::New { kind } => {
            if let Some(t) = gongwen::app::new::template(&kind) {
                out_text!("{}", t.text);
            }
            Ok(())
        }
        Command::Serve {
            dir,
            port,
            open,
            import_memory_limit,
        } => serve(&options, dir, port, open, import_memory_limit),
        Command::ImportWorker { name } => import_worker(&name),
        Command::Generate { what } => generate(what),
        Command::Check { specs, fix } => check(&options, &specs, fix),
        Command::Fonts => fonts(&options),
        Command::Import {
            input,
            output,
            force,
        } => import(&input, &output, force),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            err_line!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

/// `--copies 1-30`: a range of 份号.
fn parse_copies(s: &str) -> Result<gongwen::render::copies::Copies, String> {
    gongwen::render::copies::Copies::parse(s)
}

fn render(
    options: &EngineOptions,
    specs: &[PathBuf],
    job: &app::render::Job,
) -> gongwen::Result<()> {
    let engine = Engine::new(options)?;
    let results = app::render::render_all(&engine, specs, job)?;
    let mut failed = 0;
    for (spec, (result, elapsed)) in specs.iter().zip(results) {
        match result {
            Ok(outcome) => {
                for w in &outcome.warnings {
                    err_line!("{w}");
                }
                let written: Vec<String> = outcome
                    .written
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                out_line!(
                    "{} → {}（{} 页，{} ms）",
                    spec.display(),
                    written.join("、"),
                    outcome.pages,
                    elapsed.as_millis()
                );
            }
            Err(e) => {
                failed += 1;
                err_line!("错误：{e}");
            }
        }
    }
    if failed > 0 {
        Err(gongwen::Error::Failed(failed))
    } else {
        Ok(())
    }
}

fn derive(options: &EngineOptions, job: &app::derive::Job) -> gongwen::Result<()> {
    use std::io::IsTerminal;
    let started = Instant::now();
    let engine = Engine::new(options)?;
    // The bar is made when the first office is done: only then is the number of offices known
    // (the folders are read once, by the library).
    let bar = std::sync::OnceLock::new();
    let new_bar = |total: usize| {
        (std::io::stderr().is_terminal() && total > 1).then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} {per_sec} 剩余 {eta} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        })
    };
    let results = app::derive::derive_all(&engine, job, |office, ok, n, total| {
        match bar.get_or_init(|| new_bar(total)) {
            Some(bar) => bar.inc(1),
            None if total > 1 => err_line!(
                "[{n}/{total}] {} {}",
                office.display(),
                if ok { "完成" } else { "失败" }
            ),
            None => {}
        }
    });
    if let Some(Some(bar)) = bar.get() {
        bar.finish_and_clear();
    }
    let results = results?;
    let (mut files, mut pages, mut failed) = (0, 0, Vec::new());
    let detailed = results.len() <= 20;
    for (office, r) in &results {
        match r {
            Ok(d) => {
                files += d.files;
                pages += d.pages;
                if detailed || job.diff.is_some() {
                    out_line!("{}", d.lines.join("\n"));
                }
            }
            Err(e) => {
                err_line!("错误：{e}");
                failed.push(office.display().to_string());
            }
        }
    }
    if results.len() > 1 || job.render {
        out_line!(
            "共 {} 个机关：草稿 {} 份，文档 {} 个，{} 页，用时 {:.1} 秒，失败 {} 个{}",
            results.len(),
            results.len() - failed.len(),
            files,
            pages,
            started.elapsed().as_secs_f64(),
            failed.len(),
            if failed.is_empty() {
                String::new()
            } else {
                format!("：{}", failed.join("、"))
            }
        );
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(gongwen::Error::Failed(failed.len()))
    }
}

fn check(options: &EngineOptions, specs: &[PathBuf], fix: bool) -> gongwen::Result<()> {
    let engine = Engine::new(options)?;
    let (mut failed, mut warnings, mut profiles) = (0, 0, 0);
    for path in specs {
        match app::check::check_file(&engine, path, fix) {
            Ok(checked) => {
                if checked.profile {
                    profiles += 1;
                    err_line!("{}：机关资料（office profile），检查通过", path.display());
                }
                if checked.fixed > 0 {
                    err_line!("{}: 已改正 {} 处", path.display(), checked.fixed);
                }
                for d in &checked.report.diagnostics {
                    err_line!("{d}");
                }
                warnings += checked.report.diagnostics.len();
                if checked.report.has_errors() {
                    failed += 1;
                }
            }
            Err(e) => {
                err_line!("{e}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        return Err(gongwen::Error::Failed(failed));
    }
    let what = match (specs.len() - profiles, profiles) {
        (n, 0) => format!("{n} 个规格文件"),
        (0, p) => format!("{p} 份机关资料"),
        (n, p) => format!("{n} 个规格文件、{p} 份机关资料"),
    };
    out_line!("{what}检查通过（{warnings} 条警告）");
    Ok(())
}

fn serve(
    options: &EngineOptions,
    dir: PathBuf,
    port: u16,
    open: bool,
    import_memory_limit: usize,
) -> gongwen::Result<()> {
    let import_worker = std::env::current_exe()
        .ok()
        .map(|exe| gongwen::import::isolated::Worker {
            exe,
            memory_mb: import_memory_limit,
            timeout: std::time::Duration::from_secs(IMPORT_TIMEOUT_SECS),
        });
    let settings = gongwen::serve::Settings {
        dir,
        port,
        open,
        import_worker,
    };
    gongwen::serve::run(options, settings, |url| {
        out_line!("gongwen 已启动：{url}（按 Ctrl+C 停止）");
    })
}

/// Longest one import of the web app may take.
const IMPORT_TIMEOUT_SECS: u64 = 60;

fn import_worker(name: &std::path::Path) -> gongwen::Result<()> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|source| {
        gongwen::Error::Io {
            path: name.to_owned(),
            source,
        }
    })?;
    let answer = gongwen::import::isolated::serve_one(name, &bytes)?;
    out_line!("{answer}");
    Ok(())
}

fn fonts(options: &EngineOptions) -> gongwen::Result<()> {
    let engine = Engine::new(options)?;
    for role in gongwen::model::FontRole::ALL {
        let (official, _) = gongwen::fonts::official(role);
        let (font, origin) = engine.fonts.primary(role);
        let info = font.info();
        out_line!(
            "{}\t{}（{:?}）\t来源：{}\t公文字体：{}",
            role.chinese(),
            info.family,
            info.variant.weight,
            origin,
            official
        );
    }
    out_line!(
        "生僻字备用\t{}\t覆盖 GBK 全部汉字",
        gongwen::fonts::FALLBACK_FAMILY
    );
    Ok(())
}

fn import(input: &Path, output: &Path, force: bool) -> gongwen::Result<()> {
    let imported = app::import::import_file(input, output, force)?;
    err_text!("{}", imported.report);
    out_line!("{} → {}", input.display(), output.display());
    Ok(())
}

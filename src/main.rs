//! The `gongwen` command line: parsing arguments and reporting; the work is in the library.

use clap::{Parser, Subcommand, ValueEnum};
use gongwen::render::pdf::PdfSettings;
use gongwen::{Engine, EngineOptions, Formats};
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

/// 公文排版：按 GB/T 9704-2012 从 TOML 规格生成 PDF、DOCX 与 OFD。
#[derive(Parser)]
#[command(name = "gongwen", version, about)]
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
}

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

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    /// 通知 with a red header.
    Notice,
    /// 活动方案.
    Plan,
    /// 印发通知 with its plan.
    Cover,
    /// 请示 (上行文, 签发人).
    Request,
    /// 报告 (上行文).
    Report,
    /// 函 in the 信函格式.
    Letter,
    /// 纪要 with its attendance lists.
    Minutes,
    /// 命令(令).
    Order,
    /// 批复, citing the request it answers.
    Reply,
    /// 意见.
    Opinion,
    /// 决定.
    Decision,
    /// 通报.
    Bulletin,
    /// 公告 / 通告.
    Announcement,
    /// 机关资料: an office profile for `derive`.
    Profile,
}

/// `--format`: pdf, docx, ofd or all (= pdf,docx), or a comma list such as `pdf,docx,ofd`.
fn parse_formats(s: &str) -> Result<Formats, String> {
    s.parse()
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
        /// Which files to write: pdf, docx, ofd, or a comma list (pdf,docx,ofd); all = pdf,docx.
        #[arg(long, value_parser = parse_formats, default_value = "all")]
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
        /// Which files `--render` writes: pdf, docx, ofd, or a comma list; all = pdf,docx.
        #[arg(long, value_parser = parse_formats, default_value = "all")]
        format: Formats,
        /// Parallel jobs (default: one per core).
        #[arg(short, long)]
        jobs: Option<usize>,
    },
    /// Print a commented spec to start a new document from.
    New {
        /// The kind of document.
        #[arg(value_enum)]
        kind: NewKind,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = EngineOptions {
        font_paths: cli.font_path.clone(),
        no_system_fonts: cli.no_system_fonts,
        templates: cli.templates.clone(),
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
        } => {
            let job = Job {
                out,
                format,
                pdf: PdfSettings { pdf_a },
                year,
                annexes_only,
                copies,
                each_copy,
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
            &DeriveJob {
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
            out_text!(
                "{}",
                match kind {
                    NewKind::Notice => include_str!("../templates/new/notice.toml"),
                    NewKind::Plan => include_str!("../templates/new/plan.toml"),
                    NewKind::Cover => include_str!("../templates/new/cover.toml"),
                    NewKind::Request => include_str!("../templates/new/request.toml"),
                    NewKind::Report => include_str!("../templates/new/report.toml"),
                    NewKind::Letter => include_str!("../templates/new/letter.toml"),
                    NewKind::Minutes => include_str!("../templates/new/minutes.toml"),
                    NewKind::Order => include_str!("../templates/new/order.toml"),
                    NewKind::Reply => include_str!("../templates/new/reply.toml"),
                    NewKind::Opinion => include_str!("../templates/new/opinion.toml"),
                    NewKind::Decision => include_str!("../templates/new/decision.toml"),
                    NewKind::Bulletin => include_str!("../templates/new/bulletin.toml"),
                    NewKind::Announcement => include_str!("../templates/new/announcement.toml"),
                    NewKind::Profile => include_str!("../templates/new/profile.toml"),
                }
            );
            Ok(())
        }
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

/// What `render` writes and how.
struct Job {
    out: PathBuf,
    format: Formats,
    pdf: PdfSettings,
    year: Option<i32>,
    annexes_only: bool,
    copies: Option<gongwen::render::copies::Copies>,
    each_copy: bool,
}

/// `--copies 1-30`: a range of 份号.
fn parse_copies(s: &str) -> Result<gongwen::render::copies::Copies, String> {
    gongwen::render::copies::Copies::parse(s)
}

/// The output name of a spec: its file stem, with the year in it replaced by `--year`'s.
fn output_stem(spec: &Path, year: Option<i32>) -> String {
    let stem = spec
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let Some(year) = year else { return stem };
    let mut parts: Vec<String> = stem.split('-').map(str::to_owned).collect();
    for p in parts.iter_mut() {
        if p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) && p.starts_with('2') {
            *p = year.to_string();
        }
    }
    let renamed = parts.join("-");
    if renamed == stem {
        format!("{stem}-{year}")
    } else {
        renamed
    }
}

/// Two inputs that would write the same output file: refused before any work starts.
fn colliding<'a>(
    items: impl Iterator<Item = (&'a Path, String)>,
    what: &str,
) -> gongwen::Result<()> {
    let mut seen: std::collections::HashMap<String, &Path> = std::collections::HashMap::new();
    let mut clashes = Vec::new();
    for (path, name) in items {
        if let Some(first) = seen.insert(name.clone(), path) {
            clashes.push(format!(
                "{} 与 {} 都会写出 {name}",
                first.display(),
                path.display()
            ));
        }
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(gongwen::Error::Derive(format!(
            "{what}的输出文件名重复，未做任何处理（请改名或分开输出）：\n{}",
            clashes.join("\n")
        )))
    }
}

fn render(options: &EngineOptions, specs: &[PathBuf], job: &Job) -> gongwen::Result<()> {
    colliding(
        specs
            .iter()
            .map(|s| (s.as_path(), output_stem(s, job.year))),
        "规格文件",
    )?;
    let engine = Engine::new(options)?;
    // Specs are made in parallel, sharing the fonts and templates; reports keep their order.
    let results = parallel(specs, None, |spec| {
        let started = Instant::now();
        let result = engine.load(spec, job.year).and_then(|(doc, warnings)| {
            let stem = output_stem(spec, job.year);
            let docs = if job.annexes_only {
                gongwen::compose::annex_forms(&doc)
                    .into_iter()
                    .map(|(n, d)| (format!("{stem}-annex{n}"), d))
                    .collect()
            } else {
                vec![(stem, doc)]
            };
            // Everything is made in memory first: a failure writes nothing.
            let mut files = Vec::new();
            let mut pages = 0;
            for (name, doc) in &docs {
                if let Some(copies) = job.copies {
                    use gongwen::render::copies;
                    let all = copies::render(&engine, doc, copies, job.pdf)?;
                    pages += all.pages;
                    files.push((
                        job.out.join(format!("{name}.pdf")),
                        all.pdf.unwrap_or_default(),
                    ));
                    for n in copies.numbers().filter(|_| job.each_copy) {
                        let copy = copies::numbered(doc, n)?;
                        let rendered = engine.render(&copy, job.format, job.pdf)?;
                        let stem = format!("{name}-{}", copies::copy_number(n));
                        for (bytes, ext) in [(rendered.pdf, "pdf"), (rendered.docx, "docx")] {
                            if let Some(bytes) = bytes {
                                files.push((job.out.join(format!("{stem}.{ext}")), bytes));
                            }
                        }
                    }
                    continue;
                }
                let rendered = engine.render(doc, job.format, job.pdf)?;
                pages += rendered.pages;
                for (ext, bytes) in rendered.into_files() {
                    files.push((job.out.join(format!("{name}.{ext}")), bytes));
                }
            }
            gongwen::output::write_all_atomic(&files)?;
            let written: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
            Ok((warnings, written, pages))
        });
        (result, started.elapsed())
    });
    let mut failed = 0;
    for (spec, (result, elapsed)) in specs.iter().zip(results) {
        match result {
            Ok((warnings, written, pages)) => {
                for w in &warnings {
                    err_line!("{w}");
                }
                out_line!(
                    "{} → {}（{} 页，{} ms）",
                    spec.display(),
                    written.join("、"),
                    pages,
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

/// What `derive` does.
struct DeriveJob {
    upstream: PathBuf,
    offices: Vec<PathBuf>,
    as_: gongwen::derive::DeriveAs,
    out: PathBuf,
    force: bool,
    diff: Option<PathBuf>,
    holidays: Option<PathBuf>,
    render: bool,
    format: Formats,
    jobs: Option<usize>,
}

/// Profile files: the given files, and every `*.toml` of given folders (sorted).
fn profile_files(paths: &[PathBuf]) -> gongwen::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|source| gongwen::Error::Io {
                    path: p.clone(),
                    source,
                })?
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|e| e == "toml"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Stack of each worker thread (typst's layout recurses deeply).
const WORKER_STACK: usize = 32 << 20;

/// Runs `f` on every item with `jobs` worker threads (default: one per core), results in
/// item order. Plain threads, not rayon's pool: typst uses rayon inside, and a worker waiting
/// inside one document must not pick up another one (documents would nest on its stack).
fn parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let jobs = jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let worker = || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            };
            std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, worker)
                .expect("worker thread");
        }
    });
    slots
        .into_iter()
        .map(|s| {
            s.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item ran")
        })
        .collect()
}

/// One office's result in a derivation run.
struct Derived {
    /// Lines to print (draft written, substitutions, what to fill in).
    lines: Vec<String>,
    /// Documents rendered (PDF, DOCX and OFD count one each).
    files: usize,
    /// Pages of the layout (PDF or OFD).
    pages: usize,
}

fn derive_one(
    engine: &Engine,
    upstream: &gongwen::derive::Upstream,
    calendar: &gongwen::calendar::Calendar,
    job: &DeriveJob,
    office: &Path,
) -> gongwen::Result<Derived> {
    use gongwen::derive;
    let office = derive::load_office(office)?;
    let draft = derive::derive(upstream, &office, job.as_, calendar)?;
    let target = job.out.join(&draft.file_name);
    // The draft passes the same checks as any spec before it is written.
    let report = engine.check_source(&draft.toml, &target)?;
    if report.has_errors() {
        return Err(gongwen::Error::Spec(report.diagnostics));
    }
    if let Some(old) = &job.diff {
        let old_text = gongwen::spec::read(old)?;
        let d = derive::diff(
            &old_text,
            &draft.toml,
            &old.display().to_string(),
            &target.display().to_string(),
        );
        let shown = if d.is_empty() {
            "（无变化）".to_owned()
        } else {
            d
        };
        return Ok(Derived {
            lines: vec![shown],
            files: 0,
            pages: 0,
        });
    }
    // Render first (in memory), so that a failing document leaves no draft behind either.
    let mut outputs = Vec::new();
    let mut pages = 0;
    if job.render {
        let (spec, _) = report.into_result()?;
        let doc = gongwen::compose::compose(&spec);
        let rendered = engine.render(&doc, job.format, PdfSettings::default())?;
        pages = rendered.pages;
        let stem = draft.file_name.trim_end_matches(".toml");
        for (ext, bytes) in rendered.into_files() {
            outputs.push((job.out.join(format!("{stem}.{ext}")), bytes));
        }
    }
    if target.exists() {
        if !job.force {
            return Err(gongwen::Error::Derive(format!(
                "{} 已存在；不会覆盖（加 --force 覆盖，原文件依次保留为 .bak、.bak.2 …）",
                target.display()
            )));
        }
        gongwen::output::backup(&target)?;
    }
    let documents = outputs.len();
    outputs.insert(0, (target.clone(), draft.toml.into_bytes()));
    gongwen::output::write_all_atomic(&outputs)?;
    let mut lines = vec![format!("{} → {}", office.path.display(), target.display())];
    lines.extend(draft.substitutions.iter().map(|s| format!("  {s}")));
    lines.extend(draft.todo.iter().map(|t| format!("  待填写：{t}")));
    Ok(Derived {
        lines,
        files: documents,
        pages,
    })
}

fn derive(options: &EngineOptions, job: &DeriveJob) -> gongwen::Result<()> {
    use std::io::IsTerminal;
    let started = Instant::now();
    let engine = Engine::new(options)?;
    let upstream = gongwen::derive::load_upstream(&job.upstream)?;
    let calendar = gongwen::calendar::Calendar::load(job.holidays.as_deref())
        .map_err(|e| gongwen::Error::Derive(e.to_string()))?;
    let offices = profile_files(&job.offices)?;
    if offices.is_empty() {
        return Err(gongwen::Error::Derive(
            "没有找到机关资料：--office 给出的文件夹中没有 .toml 文件".into(),
        ));
    }
    colliding(
        offices.iter().map(|o| {
            let stem = o.file_stem().unwrap_or_default().to_string_lossy();
            (o.as_path(), stem.into_owned())
        }),
        "机关资料",
    )?;
    let total = offices.len() as u64;
    let bar = if std::io::stderr().is_terminal() && total > 1 {
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} {per_sec} 剩余 {eta} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let done = std::sync::atomic::AtomicU64::new(0);
    let results = parallel(&offices, job.jobs, |office| {
        let r = derive_one(&engine, &upstream, &calendar, job, office);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        match &bar {
            Some(bar) => bar.inc(1),
            None if total > 1 => err_line!(
                "[{n}/{total}] {} {}",
                office.display(),
                if r.is_ok() { "完成" } else { "失败" }
            ),
            None => {}
        }
        r
    });
    let results: Vec<(PathBuf, gongwen::Result<Derived>)> =
        offices.iter().cloned().zip(results).collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
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
    let (mut failed, mut warnings) = (0, 0);
    for path in specs {
        let outcome = gongwen::spec::read(path).and_then(|source| {
            let mut report = engine.check_source(&source, path)?;
            if fix && !report.fixes.is_empty() {
                let fixed = gongwen::spec::apply_fixes(&source, path, &report.fixes)?;
                let fixed = gongwen::output::same_form_as(&source, &fixed);
                gongwen::output::write_through(path, fixed.as_bytes())?;
                err_line!("{}: 已改正 {} 处", path.display(), report.fixes.len());
                report = engine.check_source(&fixed, path)?;
            }
            Ok(report)
        });
        match outcome {
            Ok(report) => {
                for d in &report.diagnostics {
                    err_line!("{d}");
                }
                warnings += report.diagnostics.len();
                if report.has_errors() {
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
    out_line!("{} 个规格文件检查通过（{} 条警告）", specs.len(), warnings);
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
    if output.exists() && !force {
        return Err(gongwen::Error::Import(format!(
            "{} 已存在；不会覆盖（加 --force 覆盖）",
            output.display()
        )));
    }
    let imported = gongwen::import::import_file(input)?;
    err_text!("{}", imported.report);
    gongwen::output::write_atomic(output, imported.toml.as_bytes())?;
    out_line!("{} → {}", input.display(), output.display());
    Ok(())
}

//! The `gongwen` command line: parsing arguments and reporting; the work is in the library.

use clap::{Parser, Subcommand, ValueEnum};
use gongwen::render::pdf::PdfSettings;
use gongwen::{Engine, EngineOptions, Format};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// 公文排版：按 GB/T 9704-2012 从 TOML 规格生成 PDF 与 DOCX。
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
enum FormatArg {
    Pdf,
    Docx,
    All,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Docx => Format::Docx,
            FormatArg::All => Format::All,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Render specs to print-ready PDF and editable DOCX.
    Render {
        /// Spec files (TOML).
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// Output directory.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
        /// Which files to write.
        #[arg(long, value_enum, default_value_t = FormatArg::All)]
        format: FormatArg,
        /// Write PDF/A-2b.
        #[arg(long)]
        pdf_a: bool,
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
        } => render(&options, &specs, &out, format.into(), PdfSettings { pdf_a }),
        Command::Check { specs, fix } => check(&options, &specs, fix),
        Command::Fonts => fonts(&options),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::FAILURE
        }
    }
}

fn render(
    options: &EngineOptions,
    specs: &[PathBuf],
    out: &Path,
    format: Format,
    pdf: PdfSettings,
) -> gongwen::Result<()> {
    let engine = Engine::new(options)?;
    let mut failed = 0;
    for spec in specs {
        let started = Instant::now();
        let result = engine.load(spec).and_then(|(doc, warnings)| {
            for w in &warnings {
                eprintln!("{w}");
            }
            let rendered = engine.render(&doc, format, pdf)?;
            let stem = spec.file_stem().unwrap_or_default().to_string_lossy();
            let mut written = Vec::new();
            for (bytes, ext) in [(&rendered.pdf, "pdf"), (&rendered.docx, "docx")] {
                if let Some(bytes) = bytes {
                    let path = out.join(format!("{stem}.{ext}"));
                    gongwen::output::write_atomic(&path, bytes)?;
                    written.push(path.display().to_string());
                }
            }
            Ok((written, rendered.pages))
        });
        match result {
            Ok((written, pages)) => {
                println!(
                    "{} → {}（{} 页，{} ms）",
                    spec.display(),
                    written.join("、"),
                    pages,
                    started.elapsed().as_millis()
                );
            }
            Err(e) => {
                failed += 1;
                eprintln!("错误：{e}");
            }
        }
    }
    if failed > 0 {
        Err(gongwen::Error::Failed(failed))
    } else {
        Ok(())
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
                gongwen::output::write_atomic(path, fixed.as_bytes())?;
                eprintln!("{}: 已改正 {} 处", path.display(), report.fixes.len());
                report = engine.check_source(&fixed, path)?;
            }
            Ok(report)
        });
        match outcome {
            Ok(report) => {
                for d in &report.diagnostics {
                    eprintln!("{d}");
                }
                warnings += report.diagnostics.len();
                if report.has_errors() {
                    failed += 1;
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed += 1;
            }
        }
    }
    if failed > 0 {
        return Err(gongwen::Error::Failed(failed));
    }
    println!("{} 个规格文件检查通过（{} 条警告）", specs.len(), warnings);
    Ok(())
}

fn fonts(options: &EngineOptions) -> gongwen::Result<()> {
    let engine = Engine::new(options)?;
    for role in gongwen::model::FontRole::ALL {
        let (official, _) = gongwen::fonts::official(role);
        let (font, origin) = engine.fonts.primary(role);
        let info = font.info();
        println!(
            "{}\t{}（{:?}）\t来源：{}\t公文字体：{}",
            role.chinese(),
            info.family,
            info.variant.weight,
            origin,
            official
        );
    }
    println!(
        "生僻字备用\t{}\t覆盖 GBK 全部汉字",
        gongwen::fonts::FALLBACK_FAMILY
    );
    Ok(())
}

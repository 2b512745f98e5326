//! `render`: spec files → PDF, DOCX and OFD files, many at once, everything made in memory
//! before anything is written (a failing document writes nothing).

use super::batch::{parallel, refuse_collisions};
use crate::error::{Diagnostic, Result};
use crate::render::copies::{self, Copies};
use crate::render::pdf::PdfSettings;
use crate::{compose, output, Engine, Formats};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a render run writes and how.
#[derive(Debug, Clone, Default)]
pub struct Job {
    /// Output directory.
    pub out: PathBuf,
    /// Which files to write.
    pub format: Formats,
    /// PDF settings (PDF/A).
    pub pdf: PdfSettings,
    /// Campaign year to regenerate for (`--year`).
    pub year: Option<i32>,
    /// Only the annex forms, each as its own file.
    pub annexes_only: bool,
    /// Numbered copies (份号): one print-ready PDF of them all.
    pub copies: Option<Copies>,
    /// With `copies`: also each copy as its own files.
    pub each_copy: bool,
    /// 印章图片 (`--seal`), in the issuers' order, instead of the spec's.
    pub seals: Vec<PathBuf>,
}

/// What rendering one spec made.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Warnings about the spec.
    pub warnings: Vec<Diagnostic>,
    /// The files written.
    pub written: Vec<PathBuf>,
    /// Pages laid out, over all its documents.
    pub pages: usize,
}

/// The output name of a spec: its file stem, with the year in it replaced by `year`'s (or the
/// year appended when the stem holds none).
pub fn output_stem(spec: &Path, year: Option<i32>) -> String {
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

/// Renders every spec in parallel on one engine: per spec, its outcome and how long it took,
/// in the order given. Refused as a whole (nothing done) when two specs would write one file.
pub fn render_all(
    engine: &Engine,
    specs: &[PathBuf],
    job: &Job,
) -> Result<Vec<(Result<Outcome>, Duration)>> {
    refuse_collisions(
        specs
            .iter()
            .map(|s| (s.as_path(), output_stem(s, job.year))),
        "规格文件",
    )?;
    let file = one_file(specs, job);
    let job = &match file {
        Some(format) => Job {
            format: format.into(),
            ..job.clone()
        },
        None => job.clone(),
    };
    Ok(parallel(specs, None, |spec| {
        let started = Instant::now();
        (
            render_one(engine, spec, job, file.is_some()),
            started.elapsed(),
        )
    }))
}

/// `-o 通知.pdf` for one spec: the output named is a file of a format (no folder of that
/// name exists), so that one file is written, as a user giving a file name expects.
fn one_file(specs: &[PathBuf], job: &Job) -> Option<crate::Format> {
    let plain = specs.len() == 1 && !job.annexes_only && job.copies.is_none();
    let ext = job.out.extension()?.to_str()?;
    (plain && !job.out.is_dir())
        .then(|| crate::Format::from_extension(ext))
        .flatten()
}

/// Renders one spec as `job` says and writes its files (all or none); `to_file`: its one file
/// is `job.out` itself.
pub fn render_one(engine: &Engine, spec: &Path, job: &Job, to_file: bool) -> Result<Outcome> {
    let (mut doc, mut warnings) = engine.load(spec, job.year)?;
    if !job.seals.is_empty() {
        warnings.extend(crate::render::seal::attach(
            &mut doc,
            spec,
            &job.seals,
            &engine.fonts,
        )?);
    }
    let stem = output_stem(spec, job.year);
    let docs = if job.annexes_only {
        compose::annex_forms(&doc)
            .into_iter()
            .map(|(n, d)| (format!("{stem}-annex{n}"), d))
            .collect()
    } else {
        vec![(stem, doc)]
    };
    let mut files = Vec::new();
    let mut pages = 0;
    for (name, doc) in &docs {
        let Some(range) = job.copies else {
            let rendered = engine.render(doc, job.format, job.pdf)?;
            pages += rendered.pages;
            for (ext, bytes) in rendered.into_files() {
                files.push((job.out.join(format!("{name}.{ext}")), bytes));
            }
            continue;
        };
        let mut all = copies::render(engine, doc, range, job.pdf)?;
        pages += all.pages;
        files.push((
            job.out.join(format!("{name}.pdf")),
            all.take(crate::Format::Pdf).unwrap_or_default(),
        ));
        for n in range.numbers().filter(|_| job.each_copy) {
            let copy = copies::numbered(doc, n)?;
            let rendered = engine.render(&copy, job.format, job.pdf)?;
            let stem = format!("{name}-{}", copies::copy_number(n));
            for (ext, bytes) in rendered.into_files() {
                files.push((job.out.join(format!("{stem}.{ext}")), bytes));
            }
        }
    }
    if to_file {
        for (path, _) in files.iter_mut() {
            *path = job.out.clone();
        }
    }
    output::write_all_atomic(&files)?;
    Ok(Outcome {
        warnings,
        written: files.into_iter().map(|(p, _)| p).collect(),
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_stem_moves_the_year_in_the_name_or_appends_it() {
        let p = Path::new("samples/national-2025-notice.toml");
        assert_eq!(output_stem(p, None), "national-2025-notice");
        assert_eq!(output_stem(p, Some(2027)), "national-2027-notice");
        assert_eq!(output_stem(Path::new("通知.toml"), Some(2027)), "通知-2027");
    }
}

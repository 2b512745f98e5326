//! `derive`: the upper office's notice + office profiles → one draft spec per office, checked,
//! optionally rendered, written without overwriting (or with backups).

use super::batch::{parallel, refuse_collisions};
use crate::calendar::Calendar;
use crate::derive::{self, DeriveAs, Office, Upstream};
use crate::error::{Error, Result};
use crate::render::pdf::PdfSettings;
use crate::{compose, output, spec, Engine, Formats};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a derivation run does.
#[derive(Debug, Clone)]
pub struct Job {
    /// The upstream notice (a spec file).
    pub upstream: PathBuf,
    /// Office profiles, or folders of them.
    pub offices: Vec<PathBuf>,
    /// What to derive.
    pub as_: DeriveAs,
    /// Output directory of the drafts.
    pub out: PathBuf,
    /// Replace existing drafts, keeping backups.
    pub force: bool,
    /// Compare with this existing draft instead of writing.
    pub diff: Option<PathBuf>,
    /// Folder of extra holiday schedules.
    pub holidays: Option<PathBuf>,
    /// Also render each draft beside it.
    pub render: bool,
    /// Which files `render` writes.
    pub format: Formats,
    /// Parallel jobs (default: one per core).
    pub jobs: Option<usize>,
}

/// One office's result.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The draft written (or compared with).
    pub draft: PathBuf,
    /// Lines to show: draft written, substitutions, what to fill in (or the diff).
    pub lines: Vec<String>,
    /// Documents rendered (PDF, DOCX and OFD count one each).
    pub files: usize,
    /// Pages of the layout.
    pub pages: usize,
}

/// The inputs every office of a run shares: the upstream notice and the working-day calendar.
pub struct Shared {
    /// The upstream notice.
    pub upstream: Upstream,
    /// Working days and holidays.
    pub calendar: Calendar,
}

impl Shared {
    /// Reads the upstream notice and the calendar (with `holidays`' extra years).
    pub fn load(upstream: &Path, holidays: Option<&Path>) -> Result<Self> {
        Ok(Self {
            upstream: derive::load_upstream(upstream)?,
            calendar: Calendar::load(holidays).map_err(|e| Error::Derive(e.to_string()))?,
        })
    }
}

/// Profile files: the given files, and every `*.toml` of given folders (sorted).
pub fn profile_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|source| Error::Io {
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

/// Derives for every office of `job` in parallel: per office (in order), its result.
/// `on_done(office, ok, finished, total)` is called as each one finishes (for progress).
pub fn derive_all(
    engine: &Engine,
    job: &Job,
    on_done: impl Fn(&Path, bool, usize, usize) + Sync,
) -> Result<Vec<(PathBuf, Result<Derived>)>> {
    let shared = Shared::load(&job.upstream, job.holidays.as_deref())?;
    let offices = profile_files(&job.offices)?;
    if offices.is_empty() {
        return Err(Error::Derive(
            "没有找到机关资料：--office 给出的文件夹中没有 .toml 文件".into(),
        ));
    }
    refuse_collisions(
        offices.iter().map(|o| {
            let stem = o.file_stem().unwrap_or_default().to_string_lossy();
            (o.as_path(), stem.into_owned())
        }),
        "机关资料",
    )?;
    let done = AtomicUsize::new(0);
    let results = parallel(&offices, job.jobs, |office| {
        let r = derive_one(engine, &shared, job, office);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        on_done(office, r.is_ok(), n, offices.len());
        r
    });
    Ok(offices.into_iter().zip(results).collect())
}

/// Derives one office's draft, checks it like any spec, and writes it (with its rendered
/// documents when asked) — or, with `job.diff`, only compares it with an existing draft.
pub fn derive_one(engine: &Engine, shared: &Shared, job: &Job, office: &Path) -> Result<Derived> {
    derive_for(engine, shared, job, &derive::load_office(office)?)
}

/// The draft's `[provenance]` files named from the folder the draft is written to (../来文.toml),
/// as a path in a file is read, so that `check` finds the upstream wherever it is run from.
fn provenance_beside(draft: &mut derive::Draft, out: &Path) {
    let Some(p) = draft.spec.spec.provenance.as_mut() else {
        return;
    };
    // Only where both are given alike (the web app names the upstream within its workspace
    // and the folder by its full path: the two have no common base here).
    let from = |file: &str| {
        let file = Path::new(file);
        if file.is_absolute() == out.is_absolute() {
            relative_to(file, out)
        } else {
            file.display().to_string()
        }
    };
    let (upstream, office) = (from(&p.upstream_file), from(&p.office_file));
    if (upstream.as_str(), office.as_str()) == (p.upstream_file.as_str(), p.office_file.as_str()) {
        return;
    }
    (p.upstream_file, p.office_file) = (upstream, office);
    draft.toml = crate::spec::write::write(&draft.spec);
}

/// `file` as a path from the folder `dir` (both taken from the working folder when relative);
/// as given where no relative path leads there (another drive).
fn relative_to(file: &Path, dir: &Path) -> String {
    use std::path::Component;
    // The parts of a path from the root, `..` taken back; none for a Windows drive prefix.
    let parts = |p: &Path| -> Option<Vec<std::ffi::OsString>> {
        let mut out = Vec::new();
        for c in std::path::absolute(p).ok()?.components() {
            match c {
                Component::Normal(n) => out.push(n.to_os_string()),
                Component::ParentDir => {
                    out.pop();
                }
                Component::RootDir | Component::CurDir => {}
                Component::Prefix(_) => return None,
            }
        }
        Some(out)
    };
    let (Some(f), Some(d)) = (parts(file), parts(dir)) else {
        return file.display().to_string();
    };
    let common = f.iter().zip(&d).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..d.len() {
        rel.push("..");
    }
    for c in &f[common..] {
        rel.push(c);
    }
    rel.display().to_string()
}

/// [`derive_one`] for a profile already read (whose `path` is the name the draft records).
pub fn derive_for(engine: &Engine, shared: &Shared, job: &Job, office: &Office) -> Result<Derived> {
    let mut draft = derive::derive(&shared.upstream, office, job.as_, &shared.calendar)?;
    let target = job.out.join(&draft.file_name);
    provenance_beside(&mut draft, &job.out);
    // The draft passes the same checks as any spec before it is written.
    let report = engine.check_source(&draft.toml, &target)?;
    if report.has_errors() {
        return Err(Error::Spec(report.diagnostics));
    }
    if let Some(old) = &job.diff {
        let old_text = spec::read(old)?;
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
            draft: old.clone(),
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
        let mut doc = compose::compose(&spec);
        crate::render::seal::attach(&mut doc, &target, &[], &engine.fonts)?;
        let rendered = engine.render(&doc, job.format, PdfSettings::default())?;
        pages = rendered.pages;
        let stem = draft.file_name.trim_end_matches(".toml");
        for (ext, bytes) in rendered.into_files() {
            outputs.push((job.out.join(format!("{stem}.{ext}")), bytes));
        }
    }
    if target.exists() {
        if !job.force {
            return Err(Error::Exists(target));
        }
        output::backup(&target)?;
    }
    let files = outputs.len();
    outputs.insert(0, (target.clone(), draft.toml.into_bytes()));
    output::write_all_atomic(&outputs)?;
    let mut lines = vec![format!("{} → {}", office.path.display(), target.display())];
    lines.extend(draft.substitutions.iter().map(|s| format!("  {s}")));
    // A note to check prints as it is; anything else left to the office is a 【待填写】 mark.
    lines.extend(draft.todo.iter().map(|t| {
        if t.starts_with(crate::derive::ctx::CHECK_NOTE) {
            format!("  {t}")
        } else {
            format!("  待填写：{t}")
        }
    }));
    Ok(Derived {
        draft: target,
        lines,
        files,
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::Path;

    #[test]
    fn provenance_files_are_named_from_the_draft_s_folder() {
        assert_eq!(
            relative_to(Path::new("来文.toml"), Path::new("drafts")),
            "../来文.toml"
        );
        assert_eq!(
            relative_to(Path::new("a/来文.toml"), Path::new("a")),
            "来文.toml"
        );
        assert_eq!(
            relative_to(Path::new("/x/y/来文.toml"), Path::new("/x/z/out")),
            "../../y/来文.toml"
        );
        assert_eq!(
            relative_to(Path::new("./b/../来文.toml"), Path::new(".")),
            "来文.toml"
        );
    }
}

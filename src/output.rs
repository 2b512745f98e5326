//! Writing output files atomically (a temporary file beside the target, then a rename) and
//! keeping every earlier version of a file that is replaced.

use crate::error::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files staged and not yet put in place: what an interrupted run must remove.
static STAGED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

fn staged() -> std::sync::MutexGuard<'static, Option<HashSet<PathBuf>>> {
    STAGED.lock().unwrap_or_else(|e| e.into_inner())
}

/// A staged temporary file, listed in [`STAGED`] while it exists.
struct Staged(Option<tempfile::NamedTempFile>);

impl Staged {
    fn new(tmp: tempfile::NamedTempFile) -> Self {
        staged()
            .get_or_insert_with(HashSet::new)
            .insert(tmp.path().to_owned());
        Self(Some(tmp))
    }

    fn persist(self, path: &Path) -> Result<()> {
        self.put(path, false)
    }

    /// Puts the staged file at `path`; with `new_only`, only where no file is yet (the check
    /// and the rename are one step: two writers never both succeed).
    fn put(mut self, path: &Path, new_only: bool) -> Result<()> {
        let tmp = self.0.take().expect("staged once");
        let staged_at = tmp.path().to_owned();
        let result = if new_only {
            tmp.persist_noclobber(path).map(drop).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::Exists(path.to_owned())
                } else {
                    Error::Io {
                        path: path.to_owned(),
                        source: e.error,
                    }
                }
            })
        } else {
            tmp.persist(path).map(drop).map_err(|e| Error::Io {
                path: path.to_owned(),
                source: e.error,
            })
        };
        if let Some(set) = staged().as_mut() {
            set.remove(&staged_at);
        }
        result.map(drop)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = self.0.take() {
            let at = tmp.path().to_owned();
            drop(tmp);
            if let Some(set) = staged().as_mut() {
                set.remove(&at);
            }
        }
    }
}

/// Removes every staged temporary file (an interrupted run leaves no hidden multi-MB file);
/// call on SIGINT/SIGTERM before exiting.
pub fn remove_staged() {
    if let Some(set) = staged().take() {
        for path in set {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Staged files left by gone processes, by folder: read once per folder and process (a
/// cascade writes thousands of files into one folder; reading it for each was quadratic).
/// Files of this process never become stale while it runs.
static STALE: Mutex<Option<HashMap<PathBuf, Vec<String>>>> = Mutex::new(None);

/// Removes the staged files `.NAME.PID.XXXX.tmp` of `name` in `dir` left by a process that no
/// longer runs (killed with -9 between staging and rename). Linux only: whether a process runs
/// is read from /proc; elsewhere nothing is removed.
fn remove_stale(dir: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}.");
    let mut stale = STALE.lock().unwrap_or_else(|e| e.into_inner());
    let files = stale
        .get_or_insert_with(HashMap::new)
        .entry(dir.to_owned())
        .or_insert_with(|| left_in(dir));
    files.retain(|file| {
        let ours = file.starts_with(&prefix);
        if ours {
            let _ = std::fs::remove_file(dir.join(file));
        }
        !ours
    });
}

/// The staged files in `dir` whose process no longer runs (of the first 10,000 entries).
fn left_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .take(10_000)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|file| left_by_a_gone_process(file))
        .collect()
}

/// Whether `file` is a staged file of ours (`.NAME.PID.XXXX.tmp`) whose process no longer runs.
fn left_by_a_gone_process(file: &str) -> bool {
    let Some(rest) = file.strip_prefix('.').and_then(|f| f.strip_suffix(".tmp")) else {
        return false;
    };
    let mut parts = rest.rsplitn(3, '.');
    let (_random, pid) = (parts.next(), parts.next());
    let pid = pid.and_then(|p| p.parse::<u32>().ok());
    parts.next().is_some_and(|name| !name.is_empty())
        && pid.is_some_and(|p| !Path::new(&format!("/proc/{p}")).exists())
}

/// Removes the staged files of processes that no longer run in `dir` and its folders down to
/// `depth` (not following links, not into hidden folders): a server killed mid-save and
/// started again leaves no hidden temporary file behind. Linux only, as [`remove_stale`].
/// Returns how many were removed.
pub fn sweep_stale(dir: &Path, depth: usize) -> usize {
    if !Path::new("/proc/self").exists() {
        return 0;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in entries.flatten().take(10_000) {
        let file = e.file_name().to_string_lossy().into_owned();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_file() && left_by_a_gone_process(&file) {
            removed += usize::from(std::fs::remove_file(e.path()).is_ok());
        } else if kind.is_dir() && depth > 0 && !file.starts_with('.') {
            removed += sweep_stale(&e.path(), depth - 1);
        }
    }
    removed
}

/// On Unix, removes the staged files and exits (status 130) when the process is interrupted
/// or terminated. The CLI installs it; a long-running server shuts down its own way. A file
/// size limit (`ulimit -f`, SIGXFSZ) then makes a write fail with an error instead of killing
/// the process.
pub fn clean_up_on_interrupt() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM, SIGXFSZ};
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(SIGXFSZ, flag);
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                remove_staged();
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Test hook: `GONGWEN_TEST_PAUSE_BEFORE_RENAME_MS` holds staged files that long before they
/// are put in place, so the interruption test can hit the moment they exist.
fn pause_for_tests() {
    if let Some(ms) = std::env::var("GONGWEN_TEST_PAUSE_BEFORE_RENAME_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
/// The temporary file is created exclusively under a random name (never through a planted
/// link) and removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let staged = stage(path, bytes)?;
    pause_for_tests();
    staged.persist(path)
}

/// Writes `bytes` to `path` only if no file is there yet (`Error::Exists` otherwise), as one
/// step: of two writers of one new name, one succeeds and the other is told.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.put(path, true)
}

/// Writes the files of one document (PDF, DOCX, draft) together: every one is first written
/// in full beside its target, and only then are they all put in place, so a failure while
/// writing leaves every earlier file as it was (never a new PDF beside an old DOCX). Two
/// processes writing into one folder put their groups in place one after the other (an
/// advisory lock on the folder), so a PDF never stands beside another run's DOCX.
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    pause_for_tests();
    let _folder = files.first().and_then(|(p, _)| lock_folder(p));
    for (path, tmp) in staged {
        tmp.persist(path)?;
    }
    Ok(())
}

/// An exclusive advisory lock on the folder of `path`, held while the value lives (none where
/// the system cannot lock a folder).
fn lock_folder(path: &Path) -> Option<std::fs::File> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = std::fs::File::open(dir).ok()?;
    folder.lock().ok()?;
    Some(folder)
}

/// The mode the staged file takes: the replaced file's (colleagues on a shared folder keep their
/// access), or for a new file what the umask allows (0644 under 022), not the temporary file's
/// 0600.
#[cfg(unix)]
fn set_mode(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = match std::fs::metadata(path) {
        Ok(m) => m.permissions().mode() & 0o7777,
        Err(_) => 0o666 & !umask(),
    };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The process's umask, read without changing it (Linux: /proc/self/status), else 022.
#[cfg(unix)]
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Umask:"))
                .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0o022)
}

/// `bytes` in a new temporary file beside `path` (created exclusively, removed on drop).
fn stage(path: &Path, bytes: &[u8]) -> Result<Staged> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    remove_stale(dir, &name);
    // The process id in the name tells a later run whose staged file it is.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.{}.", std::process::id()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    let mut tmp = Staged::new(tmp);
    let file = tmp.0.as_mut().expect("just staged");
    file.write_all(bytes).map_err(io)?;
    set_mode(file.as_file(), path).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    Ok(tmp)
}

/// Rewrites a file the user edits (`check --fix`) in place of its real file: through a
/// symlink to its target, keeping its permissions; a read-only file is refused, not replaced.
pub fn write_through(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let real = std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(&real).map_err(io)?;
    if meta.permissions().readonly() {
        return Err(Error::Io {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "文件是只读的，未改动（先去掉只读属性再用 --fix）",
            ),
        });
    }
    write_atomic(&real, bytes)?;
    std::fs::set_permissions(&real, meta.permissions()).map_err(io)
}

/// `text` in the form of `original`: its byte-order mark and its CRLF line ends, if it had them.
pub fn same_form_as(original: &str, text: &str) -> String {
    let mut out = text.trim_start_matches('\u{feff}').to_owned();
    if original.contains("\r\n") {
        out = out.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if original.starts_with('\u{feff}') {
        out.insert(0, '\u{feff}');
    }
    out
}

/// Keeps a copy of `path` before it is replaced: `NAME.bak`, then `NAME.bak.2`, `NAME.bak.3` …
/// so that no earlier version is ever lost. Each copy is created exclusively (an existing file
/// or a link at that name is never written through). Returns the copy's path.
pub fn backup(path: &Path) -> Result<PathBuf> {
    let io = |p: &Path, source| Error::Io {
        path: p.to_owned(),
        source,
    };
    let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
    let base = path.as_os_str().to_owned();
    for n in 1u32.. {
        let mut name = base.clone();
        name.push(if n == 1 {
            ".bak".to_owned()
        } else {
            format!(".bak.{n}")
        });
        let candidate = PathBuf::from(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut f) => {
                f.write_all(&bytes).map_err(|e| io(&candidate, e))?;
                f.sync_all().map_err(|e| io(&candidate, e))?;
                return Ok(candidate);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(&candidate, e)),
        }
    }
    unreachable!("u32 backups")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_text_keeps_the_bom_and_crlf_of_the_original() {
        let original = "\u{feff}a = 1\r\nb = 2\r\n";
        assert_eq!(
            same_form_as(original, "a = 1\nb = 3\n"),
            "\u{feff}a = 1\r\nb = 3\r\n"
        );
        assert_eq!(same_form_as("a = 1\n", "a = 2\n"), "a = 2\n");
    }

    #[test]
    fn of_two_writers_of_one_new_name_one_succeeds_and_the_other_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spec.toml");
        let results: Vec<Result<()>> = std::thread::scope(|s| {
            let writers: Vec<_> = (0..8u8)
                .map(|i| {
                    let path = &path;
                    s.spawn(move || write_new(path, &[b'0' + i]))
                })
                .collect();
            writers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1);
        assert!(results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|e| matches!(e, Error::Exists(_))));
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no staged file stays");
    }

    #[test]
    fn a_staged_file_left_by_a_killed_run_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".a.pdf.999999999.Xy12.tmp");
        let live = dir
            .path()
            .join(format!(".a.pdf.{}.Zz34.tmp", std::process::id()));
        let other = dir.path().join(".b.pdf.999999999.Xy12.tmp");
        for p in [&stale, &live, &other] {
            std::fs::write(p, b"partial").unwrap();
        }
        write_atomic(&dir.path().join("a.pdf"), b"%PDF").unwrap();
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists(), "a dead process's staged file stays");
        }
        assert!(live.exists(), "a running process's staged file is its own");
        assert!(
            other.exists(),
            "another file's staged file is not this write's"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.pdf");
        write_atomic(&new, b"1").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o666 & !umask(), "umask {:o}", umask());
        let kept = dir.path().join("kept.toml");
        std::fs::write(&kept, b"old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&kept, b"new").unwrap();
        assert_eq!(mode(&kept), 0o640);
        assert_eq!(std::fs::read(&kept).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn write_through_edits_a_link_s_target_keeps_its_mode_and_refuses_read_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_through(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o400)).unwrap();
        // Refused by its mode, even for root, who could write it.
        assert!(write_through(&real, b"newer").is_err());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_document_s_files_are_written_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("x.pdf");
        std::fs::write(&pdf, "old pdf").unwrap();
        // The DOCX cannot be written (its folder is a file): the PDF stays the old one.
        let blocker = dir.path().join("blocked");
        std::fs::write(&blocker, "").unwrap();
        let files = vec![
            (pdf.clone(), b"new pdf".to_vec()),
            (blocker.join("x.docx"), b"new docx".to_vec()),
        ];
        assert!(write_all_atomic(&files).is_err());
        assert_eq!(std::fs::read_to_string(&pdf).unwrap(), "old pdf");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 2, "no temporary file left behind");
    }

    #[test]
    fn every_replaced_version_is_kept_in_numbered_backups() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("d.toml");
        for v in ["one", "two", "three"] {
            std::fs::write(&f, v).unwrap();
            backup(&f).unwrap();
        }
        let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap();
        assert_eq!(read("d.toml.bak"), "one");
        assert_eq!(read("d.toml.bak.2"), "two");
        assert_eq!(read("d.toml.bak.3"), "three");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_at_a_backup_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let f = dir.path().join("d.toml");
        std::fs::write(&f, "draft").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join("d.toml.bak")).unwrap();
        let copy = backup(&f).unwrap();
        assert_eq!(copy, dir.path().join("d.toml.bak.2"));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn atomic_writes_leave_no_temporary_file_and_replace_a_link_not_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let out = dir.path().join("x.pdf");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write_atomic(&out, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "victim and x.pdf only");
    }
}

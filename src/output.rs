//! Writing output files atomically (a temporary file beside the target, then a rename) and
//! keeping every earlier version of a file that is replaced.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
/// The temporary file is created exclusively under a random name (never through a planted
/// link) and removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    stage(path, bytes)?.persist(path).map_err(|e| Error::Io {
        path: path.to_owned(),
        source: e.error,
    })?;
    Ok(())
}

/// Writes the files of one document (PDF, DOCX, draft) together: every one is first written
/// in full beside its target, and only then are they all put in place, so a failure while
/// writing leaves every earlier file as it was (never a new PDF beside an old DOCX).
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes)?));
    }
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| Error::Io {
            path: path.clone(),
            source: e.error,
        })?;
    }
    Ok(())
}

/// `bytes` in a new temporary file beside `path` (created exclusively, removed on drop).
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
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
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
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

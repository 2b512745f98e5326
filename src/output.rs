//! Writing output files atomically (a temporary file beside the target, then a rename) and
//! keeping every earlier version of a file that is replaced.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
/// The temporary file is created exclusively under a random name (never through a planted
/// link) and removed when anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
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

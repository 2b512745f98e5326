//! The workspace folder the web app works in: names from the browser are confined to it (no
//! `..`, no absolute paths, no hidden files, no symbolic links) and, on Linux, used through
//! handles of their folders opened without following links, so that a folder swapped for a
//! link meanwhile cannot redirect a read or a write; and its documents are listed.

use serde::Serialize;
use std::path::{Component, Path, PathBuf};

/// Extensions of received files the app can import (来文).
const RECEIVED: [&str; 5] = ["pdf", "docx", "ofd", "txt", "wps"];
/// Folders below the workspace root that are looked into.
pub const MAX_DEPTH: usize = 4;
/// Files listed at most (a workspace is a folder of documents, not a disk).
const MAX_FILES: usize = 5000;

/// A workspace folder.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    /// Names are used through open folder handles (Linux with /proc mounted).
    anchored: bool,
}

/// A name of the workspace opened for use (see [`Workspace::open_name`]): paths through the
/// handle of its folder, which stays open while this value lives.
#[derive(Debug, Clone)]
pub struct Opened {
    path: PathBuf,
    named: PathBuf,
    file: Option<PathBuf>,
    #[cfg(target_os = "linux")]
    _handles: Vec<std::sync::Arc<std::os::fd::OwnedFd>>,
}

impl Opened {
    /// The path to write through (its folder's handle, then its name).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path to read through: the file itself, opened without following a link, where it
    /// existed when the name was opened.
    pub fn reading(&self) -> &Path {
        self.file.as_deref().unwrap_or(&self.path)
    }

    /// The path as the workspace names it (its root joined with the name).
    pub fn named(&self) -> &Path {
        &self.named
    }

    /// The file of the same name with extension `ext`, in the same folder (through the same
    /// handle).
    pub fn sibling(&self, ext: &str) -> Opened {
        Opened {
            path: self.path.with_extension(ext),
            named: self.named.with_extension(ext),
            file: None,
            #[cfg(target_os = "linux")]
            _handles: self._handles.clone(),
        }
    }
}

/// What a file in the workspace is to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A document spec (公文规格).
    Spec,
    /// An office profile (机关资料).
    Profile,
    /// A received file to import (来文).
    Received,
}

/// One listed file.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Its name relative to the root, with `/` between folders.
    pub name: String,
    /// What it is.
    pub role: Role,
    /// The spec's title or the profile's office name ("" when it has none or does not parse).
    pub title: String,
    /// The spec's kind (`notice` when it names none), none for profiles and received files.
    pub kind: Option<String>,
    /// Last modified, in Unix seconds.
    pub modified: u64,
}

/// Why a name from the browser was refused, and what the person can do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String, pub &'static str);

/// The next step of a name refused for what it says.
const RENAME: &str = "请换一个文件名再试：用汉字、字母、数字和 -。";

/// Why a name that leads through a symbolic link is refused.
const LINK: &str = "不能经由符号链接（可能指向工作目录之外）";

/// The next step of a name that leads through a symbolic link.
const NO_LINKS: &str = "请把文件本身（而不是指向它的链接）放进公文文件夹后再试。";

impl Workspace {
    /// Opens the folder `root` (made if missing).
    pub fn open(root: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        Ok(Self {
            root: root.canonicalize()?,
            anchored: cfg!(target_os = "linux") && Path::new("/proc/self/fd").is_dir(),
        })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `name` inside the workspace, refused unless it is a plain relative name whose every
    /// existing part is a real folder or file of the workspace (no link). On Linux it is
    /// opened folder by folder without following links and used through that handle (see
    /// [`Opened`]): a folder swapped for a link after this check cannot send a read or a
    /// write outside. Missing folders are made when `create` is set.
    pub fn open_name(&self, name: &str, create: bool) -> Result<Opened, Refused> {
        self.open_as(name, create, false)
    }

    /// The folder `name` of the workspace (made if missing), opened as [`Self::open_name`]
    /// opens a file's folder: its path is the folder's own handle.
    pub fn open_folder(&self, name: &str) -> Result<Opened, Refused> {
        self.open_as(name, true, true)
    }

    fn open_as(&self, name: &str, create: bool, folder: bool) -> Result<Opened, Refused> {
        let path = self.checked(name)?;
        let named = path.clone();
        #[cfg(target_os = "linux")]
        if self.anchored {
            let rel = path.strip_prefix(&self.root).unwrap_or(&path);
            return anchored::open(&self.root, rel, create, folder)
                .map(|a| Opened {
                    path: a.path,
                    named,
                    file: a.file,
                    _handles: a.handles,
                })
                .map_err(|(why, next)| self.refusal(name, &why, next));
        }
        if create {
            let dir = if folder {
                path.as_path()
            } else {
                path.parent().unwrap_or(&path)
            };
            std::fs::create_dir_all(dir).map_err(|e| {
                let why = format!("无法建立文件夹（{}）", crate::error::io_chinese(&e));
                self.refusal(name, &why, crate::error::io_next_step(&e))
            })?;
        }
        Ok(Opened {
            path,
            named,
            file: None,
            #[cfg(target_os = "linux")]
            _handles: Vec::new(),
        })
    }

    /// `name` refused for `why`, with what the person can do `next`.
    fn refusal(&self, name: &str, why: &str, next: &'static str) -> Refused {
        let shown: String = name.chars().take(40).collect();
        let shown = if shown.len() < name.len() {
            format!("{shown}…")
        } else {
            shown
        };
        Refused(format!("文件名“{shown}”不可用：{why}"), next)
    }

    fn checked(&self, name: &str) -> Result<PathBuf, Refused> {
        let refuse = |why: &str| Err(self.refusal(name, why, RENAME));
        if name.is_empty() || name.len() > 1024 || name.contains(['\\', '\0']) {
            return refuse("须是工作目录中的相对路径，用 / 分隔");
        }
        // Line breaks and direction overrides would make a listed name lie about itself.
        let spoofing = |c: char| {
            c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        };
        if name.chars().any(spoofing) {
            return refuse("不能含换行、控制字符或改变文字方向的字符");
        }
        if name.split('/').any(|part| part.len() > 255) {
            return refuse("名称过长（每一段不超过 255 字节）");
        }
        let mut path = self.root.clone();
        for part in Path::new(name).components() {
            let Component::Normal(part) = part else {
                return refuse("不能含 ..、绝对路径或盘符，只能指向工作目录之内");
            };
            if part.to_string_lossy().starts_with('.') {
                return refuse("不能指向隐藏文件或文件夹");
            }
            path.push(part);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return Err(self.refusal(name, LINK, NO_LINKS));
                }
                _ => {}
            }
        }
        if path == self.root {
            return refuse("须是文件名");
        }
        Ok(path)
    }

    /// The name of `path` (inside the workspace) as the browser sees it.
    pub fn name_of(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Every spec, profile and received file, sorted by name.
    pub fn list(&self) -> Vec<Entry> {
        let mut out = Vec::new();
        self.walk(&self.root, 0, &mut out);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    fn walk(&self, dir: &Path, depth: usize, out: &mut Vec<Entry>) {
        let Ok(read) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in read.flatten() {
            if out.len() >= MAX_FILES {
                return;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.starts_with('.') || kind.is_symlink() || name == "target" {
                continue;
            }
            let path = entry.path();
            if kind.is_dir() {
                if depth < MAX_DEPTH {
                    self.walk(&path, depth + 1, out);
                }
            } else if let Some(e) = self.entry(&path) {
                out.push(e);
            }
        }
    }

    fn entry(&self, path: &Path) -> Option<Entry> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        let modified = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let name = self.name_of(path);
        if RECEIVED.contains(&ext.as_str()) {
            let title = String::new();
            return Some(Entry {
                name,
                role: Role::Received,
                title,
                kind: None,
                modified,
            });
        }
        if ext != "toml" {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let (role, title, kind) = classify(&text)?;
        Some(Entry {
            name,
            role,
            title,
            kind,
            modified,
        })
    }
}

/// Whether TOML text is a spec or a profile, with its title and kind. Text that does not parse
/// is taken for a spec (the editor shows why it does not); other TOML files (holiday
/// schedules, settings) are not listed.
pub fn classify(text: &str) -> Option<(Role, String, Option<String>)> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Some((Role::Spec, String::new(), None));
    };
    let string = |v: Option<&toml::Value>| v.and_then(|v| v.as_str()).unwrap_or("").to_owned();
    if let Some(office) = table.get("office").and_then(|o| o.as_table()) {
        return Some((Role::Profile, string(office.get("name")), None));
    }
    if table.contains_key("title") || table.contains_key("kind") {
        let kind = string(table.get("kind"));
        let kind = if kind.is_empty() {
            "notice".into()
        } else {
            kind
        };
        // The title as the document prints it: {year} and the other campaign variables filled
        // in (the list showed 「关于开展{year}年…」), the raw text where they cannot be.
        let title = string(table.get("title"));
        #[derive(serde::Deserialize)]
        struct WithCampaign {
            campaign: Option<crate::spec::Campaign>,
        }
        let campaign = toml::from_str::<WithCampaign>(text)
            .ok()
            .and_then(|w| w.campaign);
        let shown = crate::spec::year::expand(&title, campaign.as_ref()).unwrap_or(title);
        return Some((Role::Spec, shown, Some(kind)));
    }
    None
}

/// Opening a workspace name folder by folder with `openat` and `O_NOFOLLOW` (Linux), used
/// through `/proc/self/fd/N`: the kernel resolves that path to the folder the handle holds,
/// whatever is swapped in at its old path later.
#[cfg(target_os = "linux")]
mod anchored {
    use rustix::fs::{fstat, mkdirat, openat, statat, AtFlags, FileType, Mode, OFlags, CWD};
    use rustix::io::Errno;
    use std::os::fd::{AsRawFd, OwnedFd};
    use std::path::{Component, Path, PathBuf};
    use std::sync::Arc;

    const DIR: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::NOFOLLOW)
        .union(OFlags::CLOEXEC);
    use super::LINK;

    /// A name opened: the path to use, the file's own path where it exists, the handles.
    pub struct Anchored {
        pub path: PathBuf,
        pub file: Option<PathBuf>,
        pub handles: Vec<Arc<OwnedFd>>,
    }

    /// Opens the folders of `rel` below `root` (every part of it when `folder`), never
    /// through a link; missing folders are made when `create` is set. Why not, in Chinese,
    /// and what to do next.
    pub fn open(
        root: &Path,
        rel: &Path,
        create: bool,
        folder: bool,
    ) -> Result<Anchored, (String, &'static str)> {
        let failed = |e: Errno| match e {
            Errno::LOOP | Errno::NOTDIR => (LINK.to_owned(), super::NO_LINKS),
            e => {
                let e = std::io::Error::from(e);
                let why = format!("无法打开（{}）", crate::error::io_chinese(&e));
                (why, crate::error::io_next_step(&e))
            }
        };
        let mut dir = openat(CWD, root, DIR, Mode::empty()).map_err(failed)?;
        let parts: Vec<&std::ffi::OsStr> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(p) => Some(p),
                _ => None,
            })
            .collect();
        let folders = if folder {
            parts.len()
        } else {
            parts.len().saturating_sub(1)
        };
        for (k, part) in parts[..folders].iter().enumerate() {
            match openat(&dir, *part, DIR, Mode::empty()) {
                Ok(fd) => dir = fd,
                Err(Errno::NOENT) if create => {
                    match mkdirat(&dir, *part, Mode::from_raw_mode(0o777)) {
                        Ok(()) | Err(Errno::EXIST) => {}
                        Err(e) => return Err(failed(e)),
                    }
                    dir = openat(&dir, *part, DIR, Mode::empty()).map_err(failed)?;
                }
                Err(Errno::NOENT) => {
                    // Nothing there: the rest below the last folder opened (a read finds nothing).
                    let rest: PathBuf = parts[k..].iter().collect();
                    return Ok(anchored(dir, Some(&rest), None));
                }
                Err(e) => return Err(failed(e)),
            }
        }
        let Some(last) = parts.get(folders) else {
            return Ok(anchored(dir, None, None));
        };
        // The file itself: never a link; where it is a regular file, opened to be read.
        let file = match statat(&dir, *last, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(st) if FileType::from_raw_mode(st.st_mode) == FileType::Symlink => {
                return Err((LINK.to_owned(), super::NO_LINKS))
            }
            Ok(st) if FileType::from_raw_mode(st.st_mode) == FileType::RegularFile => {
                let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
                let fd = openat(&dir, *last, flags, Mode::empty()).map_err(failed)?;
                let regular = fstat(&fd)
                    .is_ok_and(|st| FileType::from_raw_mode(st.st_mode) == FileType::RegularFile);
                regular.then_some(fd)
            }
            _ => None,
        };
        Ok(anchored(dir, Some(Path::new(last)), file))
    }

    fn anchored(dir: OwnedFd, rest: Option<&Path>, file: Option<OwnedFd>) -> Anchored {
        let base = handle_path(&dir);
        let path = rest.map_or(base.clone(), |r| base.join(r));
        let mut handles = vec![Arc::new(dir)];
        let file = file.map(|f| {
            let p = handle_path(&f);
            handles.push(Arc::new(f));
            p
        });
        Anchored {
            path,
            file,
            handles,
        }
    }

    fn handle_path(fd: &OwnedFd) -> PathBuf {
        PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        (dir, ws)
    }

    #[test]
    fn names_that_leave_the_workspace_are_refused() {
        let (_dir, ws) = workspace();
        for bad in [
            "../x.toml",
            "a/../../x.toml",
            "/etc/passwd",
            "",
            ".git/config",
            "a\\b.toml",
            "a/./../../b",
        ] {
            assert!(ws.open_name(bad, false).is_err(), "{bad} accepted");
        }
        let opened = ws.open_name("a/b.toml", false).unwrap();
        assert_eq!(opened.named(), ws.root().join("a/b.toml"));
        assert_eq!(ws.name_of(&ws.root().join("a/b.toml")), "a/b.toml");
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_inside_the_workspace_is_not_followed() {
        let (dir, ws) = workspace();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.toml"), "title = \"x\"").unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("link")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.toml"),
            dir.path().join("file.toml"),
        )
        .unwrap();
        let err = ws.open_name("link/secret.toml", false).unwrap_err();
        assert!(err.0.contains("符号链接"), "{err:?}");
        assert!(ws.open_name("file.toml", false).is_err());
        assert!(ws.list().is_empty(), "{:?}", ws.list());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_swapped_for_a_link_after_opening_keeps_reads_and_writes_inside() {
        let (dir, ws) = workspace();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("n.toml"), "title = \"外\"").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/n.toml"), "title = \"内\"").unwrap();
        let opened = ws.open_name("sub/n.toml", false).unwrap();
        // The folder is swapped for a link to a folder outside after the name was checked.
        std::fs::rename(dir.path().join("sub"), dir.path().join("moved")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("sub")).unwrap();
        assert_eq!(
            std::fs::read_to_string(opened.reading()).unwrap(),
            "title = \"内\""
        );
        crate::output::write_atomic(opened.path(), "title = \"新\"".as_bytes()).unwrap();
        assert_eq!(
            std::fs::read_to_string(outside.path().join("n.toml")).unwrap(),
            "title = \"外\""
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("moved/n.toml")).unwrap(),
            "title = \"新\""
        );
        // Opened again now, the link is refused; a missing folder is made when asked.
        assert!(ws.open_name("sub/n.toml", true).is_err());
        let new = ws.open_name("a/b/c.toml", true).unwrap();
        crate::output::write_atomic(new.path(), b"x").unwrap();
        assert!(dir.path().join("a/b/c.toml").is_file());
        assert!(ws.open_name("missing/c.toml", false).is_ok());
        assert!(!dir.path().join("missing").exists());
    }

    #[test]
    fn a_spec_is_listed_by_its_title_as_printed_with_the_campaign_year_filled_in() {
        let (dir, ws) = workspace();
        let spec = "title = \"关于开展{year}年宣传周活动的通知\"\n[campaign]\nyear = 2026\n\
                    start = 2026-04-20\nend = 2026-04-26\n";
        std::fs::write(dir.path().join("n.toml"), spec).unwrap();
        std::fs::write(
            dir.path().join("raw.toml"),
            "title = \"关于{year}年的通知\"",
        )
        .unwrap();
        let list = ws.list();
        let titles: Vec<&str> = list.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            ["关于开展2026年宣传周活动的通知", "关于{year}年的通知"]
        );
    }

    #[test]
    fn specs_profiles_and_received_files_are_told_apart() {
        let (dir, ws) = workspace();
        let p = dir.path();
        std::fs::write(p.join("n.toml"), "kind = \"letter\"\ntitle = \"关于X的函\"").unwrap();
        std::fs::create_dir(p.join("offices")).unwrap();
        std::fs::write(p.join("offices/o.toml"), "[office]\nname = \"某局\"").unwrap();
        std::fs::write(p.join("2026.toml"), "[holidays]\n").unwrap();
        std::fs::write(p.join("来文.pdf"), b"%PDF").unwrap();
        std::fs::write(p.join("bad.toml"), "title = ").unwrap();
        let list = ws.list();
        let got: Vec<(&str, Role, &str)> = list
            .iter()
            .map(|e| (e.name.as_str(), e.role, e.title.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("bad.toml", Role::Spec, ""),
                ("n.toml", Role::Spec, "关于X的函"),
                ("offices/o.toml", Role::Profile, "某局"),
                ("来文.pdf", Role::Received, ""),
            ]
        );
        assert_eq!(list[1].kind.as_deref(), Some("letter"));
    }
}

//! Font roles → faces: the bundled fonts, official fonts found on the system, `--font-path`.
//!
//! A [`FontSet`] is loaded once and shared by every document a process renders.

use crate::model::FontRole;
use std::path::{Path, PathBuf};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Where a face comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary from `fonts/`.
    Bundled(&'static str),
    /// Found in a system font directory.
    System(PathBuf),
    /// Given with `--font-path`.
    FontPath(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Bundled(name) => write!(f, "内置 fonts/{name}"),
            Origin::System(p) => write!(f, "系统 {}", p.display()),
            Origin::FontPath(p) => write!(f, "--font-path {}", p.display()),
        }
    }
}

/// The bundled fonts: file name and bytes.
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "FandolSong-Bold.otf",
        include_bytes!("../fonts/FandolSong-Bold.otf"),
    ),
    (
        "FandolSong-Regular.otf",
        include_bytes!("../fonts/FandolSong-Regular.otf"),
    ),
    (
        "FandolFang-Regular.otf",
        include_bytes!("../fonts/FandolFang-Regular.otf"),
    ),
    (
        "FandolHei-Regular.otf",
        include_bytes!("../fonts/FandolHei-Regular.otf"),
    ),
    (
        "FandolKai-Regular.otf",
        include_bytes!("../fonts/FandolKai-Regular.otf"),
    ),
    (
        "NotoSerifCJKsc-Regular-GBK.otf",
        include_bytes!("../fonts/NotoSerifCJKsc-Regular-GBK.otf"),
    ),
    (
        "LiberationSerif-Regular.ttf",
        include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    ),
    (
        "LiberationSerif-Bold.ttf",
        include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    ),
];

/// The bytes of a bundled font file (`FandolHei-Regular.otf` …), e.g. for the web app's page.
pub fn bundled(file: &str) -> Option<&'static [u8]> {
    BUNDLED.iter().find(|(n, _)| *n == file).map(|(_, b)| *b)
}

/// How far the bundled 宋体's 一字线 (U+2014) reaches above its baseline (em): the DOCX places
/// its page numbers by it, as the PDF does by the face it sets them in (§7.5: the dash's ink
/// 7 mm below the text block).
pub fn song_dash_top_em() -> f64 {
    static TOP: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TOP.get_or_init(|| {
        let top = bundled("FandolSong-Regular.otf")
            .and_then(|b| ttf_parser::Face::parse(b, 0).ok())
            .and_then(|face| {
                let bbox = face.glyph_bounding_box(face.glyph_index('\u{2014}')?)?;
                Some(f64::from(bbox.y_max) / f64::from(face.units_per_em()))
            });
        // A dash sits about a third of an em up; the bundled face is always there.
        top.unwrap_or(0.35)
    })
}

/// Family of the fallback face that covers the whole GBK repertoire (rare name characters).
pub const FALLBACK_FAMILY: &str = "Noto Serif CJK SC";
/// Family used for Latin letters and digits inside Chinese text in the PDF.
pub const LATIN_FAMILY: &str = "Liberation Serif";
/// Latin font named in the DOCX (Word has it; Liberation Serif is metric-compatible).
pub const LATIN_OFFICIAL: &str = "Times New Roman";

/// The official font of a role as Word names it (DOCX) and the family names it goes by.
pub fn official(role: FontRole) -> (&'static str, &'static [&'static str]) {
    match role {
        FontRole::Xiaobiaosong => (
            "方正小标宋简体",
            &[
                "FZXiaoBiaoSong-B05S",
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05",
            ],
        ),
        FontRole::Fangsong => (
            "仿宋_GB2312",
            &["FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋"],
        ),
        FontRole::Hei => ("黑体", &["SimHei", "黑体"]),
        FontRole::Kai => (
            "楷体_GB2312",
            &["KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体"],
        ),
        FontRole::Song => ("宋体", &["SimSun", "宋体"]),
    }
}

/// The bundled family that stands in for a role.
pub fn bundled_family(role: FontRole) -> &'static str {
    match role {
        FontRole::Xiaobiaosong | FontRole::Song => "FandolSong",
        FontRole::Fangsong => "FandolFang R",
        FontRole::Hei => "FandolHei",
        FontRole::Kai => "FandolKai",
    }
}

/// Whether a role is set in a bold weight (小标宋 falls back to FandolSong Bold).
pub fn role_is_heavy(role: FontRole) -> bool {
    role == FontRole::Xiaobiaosong
}

/// File names of official fonts as office PCs install them (lower case, without extension).
const OFFICIAL_FILE_HINTS: &[&str] = &[
    "fzxbs",
    "xiaobiaosong",
    "方正小标宋",
    "gb2312",
    "simfang",
    "fangsong",
    "仿宋",
    "simhei",
    "黑体",
    "simkai",
    "kaiti",
    "楷体",
    "simsun",
    "宋体",
];

/// All faces a process can use, and which family each role resolves to.
pub struct FontSet {
    /// The typst font book over `fonts`.
    pub book: LazyHash<FontBook>,
    /// The faces, indexed as in the book.
    pub fonts: Vec<Font>,
    /// Where each face came from.
    pub origins: Vec<Origin>,
    /// Per role (in [`FontRole::ALL`] order), the code points the role's own faces (or the
    /// Latin face) can draw, as a bitset: checking a document's every character stays cheap.
    coverage: Vec<Vec<u64>>,
    /// The code points the fallback face, which every role ends with, can draw.
    fallback_coverage: Vec<u64>,
    /// Set once the faces are being warmed ([`FontSet::warm`]).
    warmed: std::sync::Once,
    /// Set once the fallback face is being warmed ([`FontSet::warm_fallback`]).
    fallback_warmed: std::sync::Once,
}

/// Bits for every Unicode scalar value.
const CODE_POINTS: usize = 0x11_0000;

impl FontSet {
    /// Loads the bundled fonts, every font in `extra` dirs, and (if `system`) official fonts
    /// installed on the machine.
    pub fn load(extra: &[PathBuf], system: bool) -> Self {
        let mut fonts = Vec::new();
        let mut origins = Vec::new();
        for (name, data) in BUNDLED {
            for font in Font::iter(Bytes::new(*data)) {
                fonts.push(font);
                origins.push(Origin::Bundled(name));
            }
        }
        for dir in extra {
            for path in font_files(dir) {
                add_file(
                    &mut fonts,
                    &mut origins,
                    &path,
                    Origin::FontPath(path.clone()),
                );
            }
        }
        for dir in system.then(system_dirs).unwrap_or_default() {
            for path in font_files(&dir) {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                if OFFICIAL_FILE_HINTS.iter().any(|h| name.contains(h)) {
                    add_file(
                        &mut fonts,
                        &mut origins,
                        &path,
                        Origin::System(path.clone()),
                    );
                }
            }
        }
        let book = FontBook::from_fonts(&fonts);
        let mut set = Self {
            book: LazyHash::new(book),
            fonts,
            origins,
            coverage: Vec::new(),
            fallback_coverage: Vec::new(),
            warmed: std::sync::Once::new(),
            fallback_warmed: std::sync::Once::new(),
        };
        set.coverage = FontRole::ALL
            .iter()
            .map(|&role| {
                let own = std::iter::once(LATIN_FAMILY.to_owned())
                    .chain(set.families(role))
                    .filter(|f| f != FALLBACK_FAMILY);
                set.coverage_of(own)
            })
            .collect();
        set.fallback_coverage = set.coverage_of(std::iter::once(FALLBACK_FAMILY.to_owned()));
        set
    }

    /// The code points the faces of `families` can draw, as a bitset.
    fn coverage_of(&self, families: impl Iterator<Item = String>) -> Vec<u64> {
        let mut bits = vec![0u64; CODE_POINTS / 64];
        for f in families {
            for i in self.book.select_family(&f.to_lowercase()) {
                for c in self.fonts[i].info().coverage.iter() {
                    if let Some(word) = bits.get_mut(c as usize / 64) {
                        *word |= 1 << (c % 64);
                    }
                }
            }
        }
        bits
    }

    /// Whether the role's own faces (or the Latin face) draw `c`, without the fallback face,
    /// whose 宋体-style glyphs stand out in 楷体 or 仿宋 (a rare character of a name: 喆 堃).
    pub fn covers_in_own_face(&self, role: FontRole, c: char) -> bool {
        if c.is_whitespace() || c.is_control() {
            return true;
        }
        let slot = FontRole::ALL.iter().position(|r| *r == role).unwrap_or(0);
        bit(&self.coverage[slot], c)
    }

    /// The families a role is set in, best first: official, bundled, fallback.
    pub fn families(&self, role: FontRole) -> Vec<String> {
        let mut out: Vec<String> = official(role)
            .1
            .iter()
            .filter(|f| self.book.contains_family(f))
            .take(1)
            .map(|f| f.to_string())
            .collect();
        out.push(bundled_family(role).to_owned());
        out.push(FALLBACK_FAMILY.to_owned());
        out
    }

    /// The face a role's text is mostly set in, and where it comes from.
    pub fn primary(&self, role: FontRole) -> (&Font, &Origin) {
        let index = self.primary_index(role);
        (&self.fonts[index], &self.origins[index])
    }

    /// The index of [`FontSet::primary`]'s face.
    fn primary_index(&self, role: FontRole) -> usize {
        let family = &self.families(role)[0];
        self.book
            .select_family(&family.to_lowercase())
            .max_by_key(|&i| {
                let w = self.fonts[i].info().variant.weight.to_number();
                if role_is_heavy(role) {
                    i32::from(w)
                } else {
                    -i32::from(w.abs_diff(400))
                }
            })
            .unwrap_or(0)
    }

    /// The faces a document is set in, in the order a layout first needs them: the 发文机关标志
    /// and title's, the body's, the headings', then the Latin face. (Not the fallback face: a
    /// document draws from it only where `check` finds a character its own faces lack.)
    pub fn working_faces(&self) -> Vec<Font> {
        let roles = FontRole::ALL.iter().map(|&r| self.primary_index(r));
        let extra = self.book.select_family(&LATIN_FAMILY.to_lowercase()).next();
        // By index: comparing two faces compares their hashes, the very work put off here.
        let mut indices: Vec<usize> = Vec::new();
        for i in roles.chain(extra) {
            if !indices.contains(&i) {
                indices.push(i);
            }
        }
        indices.into_iter().map(|i| self.fonts[i].clone()).collect()
    }

    /// Hashes the [`FontSet::working_faces`] on a thread of their own, once: typst hashes each
    /// face it shapes with in full the first time (5–8 MB of a CJK face, ≈ 2 ms each), which a
    /// first layout otherwise waits for; warmed beside it, the layout finds the hashes made.
    pub fn warm(&self) {
        self.warmed
            .call_once(|| hash_beside(self.working_faces(), "gongwen-fonts"));
    }

    /// Hashes the fallback face as [`FontSet::warm`] does the working faces, once: called by
    /// `check` when some text needs it (hashing 7 MB no document draws from cost every
    /// document ≈ 3 ms of a core).
    pub fn warm_fallback(&self) {
        self.fallback_warmed.call_once(|| {
            let face = self
                .book
                .select_family(&FALLBACK_FAMILY.to_lowercase())
                .next();
            hash_beside(
                face.map(|i| self.fonts[i].clone()).into_iter().collect(),
                "gongwen-fallback",
            );
        });
    }

    /// Whether some face of the role (or the Latin face, or the fallback face) can draw `c`.
    pub fn covers(&self, role: FontRole, c: char) -> bool {
        self.covers_in_own_face(role, c) || bit(&self.fallback_coverage, c)
    }
}

/// Hashes `faces` for typst's memo on a thread named `name` (none left to the process: the
/// layout hashes them itself as it needs them).
fn hash_beside(faces: Vec<Font>, name: &str) {
    let warming = move || {
        for face in faces {
            typst::utils::hash128(&face);
        }
    };
    let _ = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(warming);
}

/// Whether `c`'s bit is set in `bits`.
fn bit(bits: &[u64], c: char) -> bool {
    let c = c as usize;
    bits.get(c / 64).is_some_and(|w| w & (1 << (c % 64)) != 0)
}

fn add_file(fonts: &mut Vec<Font>, origins: &mut Vec<Origin>, path: &Path, origin: Origin) {
    let Ok(data) = std::fs::read(path) else {
        return;
    };
    for font in Font::iter(Bytes::new(data)) {
        fonts.push(font);
        origins.push(origin.clone());
    }
}

/// Folders a font scan visits at most below one root (`--font-path /` must end).
const SCAN_MAX_DIRS: usize = 20_000;
/// How deep a font scan goes below its root.
const SCAN_MAX_DEPTH: usize = 12;
/// Larger files are not fonts an office installs (and would cost their size in memory).
const FONT_MAX_BYTES: u64 = 256 << 20;
/// Pseudo file systems that hold no fonts and never end (`--font-path /proc`).
const SCAN_SKIP: &[&str] = &["/proc", "/sys", "/dev", "/run"];

/// The font files below `dir`, in a stable order: each folder visited once (symlink loops
/// end), bounded in depth and count, only regular files with a font extension and a sane size.
fn font_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(dir.to_path_buf(), 0usize)];
    let mut visited = 0;
    while let Some((dir, depth)) = stack.pop() {
        let Ok(real) = std::fs::canonicalize(&dir) else {
            continue;
        };
        if SCAN_SKIP.iter().any(|s| real.starts_with(s)) || !seen.insert(real) {
            continue;
        }
        visited += 1;
        if visited > SCAN_MAX_DIRS {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        let mut subdirs = Vec::new();
        for path in entries {
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if depth < SCAN_MAX_DEPTH {
                    subdirs.push((path, depth + 1));
                }
            } else if meta.is_file()
                && meta.len() <= FONT_MAX_BYTES
                && path
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .is_some_and(|e| matches!(e.as_str(), "ttf" | "otf" | "ttc" | "otc"))
            {
                out.push(path);
            }
        }
        // Depth first, in name order.
        stack.extend(subdirs.into_iter().rev());
    }
    out
}

fn system_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        "C:\\Windows\\Fonts",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".fonts"));
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join("Library/Fonts"));
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_faces_warmed_for_every_document_leave_out_the_fallback_face() {
        let set = FontSet::load(&[], false);
        let families: Vec<String> = set
            .working_faces()
            .iter()
            .map(|f| f.info().family.clone())
            .collect();
        assert!(
            families.iter().all(|f| f != FALLBACK_FAMILY),
            "{families:?}"
        );
        assert!(families.iter().any(|f| f == LATIN_FAMILY), "{families:?}");
        // The body's 仿宋 and the title's 小标宋 are among them.
        assert!(families.len() >= 3, "{families:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_font_folder_with_symlink_loops_is_scanned_once_and_quickly() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a");
        std::fs::create_dir(&sub).unwrap();
        std::os::unix::fs::symlink(dir.path(), sub.join("loop1")).unwrap();
        std::os::unix::fs::symlink(".", sub.join("loop2")).unwrap();
        std::fs::write(sub.join("x.ttf"), b"not really a font").unwrap();
        let t = std::time::Instant::now();
        let files = font_files(dir.path());
        assert_eq!(files, [sub.join("x.ttf")]);
        assert!(t.elapsed().as_secs() < 2);
        let t = std::time::Instant::now();
        let _ = font_files(Path::new("/proc"));
        assert!(t.elapsed().as_secs() < 2, "/proc is skipped");
    }

    #[test]
    fn every_role_resolves_to_its_bundled_family() {
        let set = FontSet::load(&[], false);
        for role in FontRole::ALL {
            let family = bundled_family(role);
            assert!(
                set.book.contains_family(&family.to_lowercase()),
                "{family} missing; book has {:?}",
                set.book.families().map(|(f, _)| f).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn fallback_covers_rare_name_characters() {
        let set = FontSet::load(&[], false);
        for c in ['镕', '堃', '喆', '昇', '珺', '玥'] {
            assert!(set.covers(FontRole::Fangsong, c), "{c}");
        }
        assert!(!set.covers(FontRole::Fangsong, '\u{10FFFD}'));
    }
}

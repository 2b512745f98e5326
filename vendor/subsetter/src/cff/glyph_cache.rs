//! gongwen: the desubroutinized program of each glyph, kept for the process.
//!
//! A subset's charstrings are the original font's, with every subroutine call expanded. The
//! program of a glyph depends on the font and the glyph only, yet each subset made it again:
//! in a cascade of offices, or the web app, every document draws nearly the same glyphs, and
//! expanding them was a tenth of each document's work. The programs are now kept, by font and
//! glyph, up to [`LIMIT`] bytes (then all are forgotten and kept anew). The subset's bytes are
//! the same as without the cache.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Bytes of programs kept before all are forgotten (a CJK face expanded whole is ≈ 6 MB).
const LIMIT: usize = 48 << 20;

/// Names one font's CFF table: where it lies, its length, and a hash of its head and tail
/// (the header, names and top dict: a font loaded later at the same place differs there).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct FontKey {
    at: usize,
    len: usize,
    sum: u64,
}

impl FontKey {
    /// The key of the CFF table `cff`.
    pub(crate) fn of(cff: &[u8]) -> Self {
        let mut h = DefaultHasher::new();
        cff[..cff.len().min(4096)].hash(&mut h);
        cff[cff.len().saturating_sub(256)..].hash(&mut h);
        Self { at: cff.as_ptr() as usize, len: cff.len(), sum: h.finish() }
    }
}

#[derive(Default)]
struct Cache {
    programs: HashMap<(FontKey, u16), Arc<[u8]>>,
    bytes: usize,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

fn with<T>(f: impl FnOnce(&mut Cache) -> T) -> T {
    let mut guard = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    f(guard.get_or_insert_with(Cache::default))
}

/// The kept programs of `gids` in `font`, in order (`None` where a glyph has none yet).
pub(crate) fn lookup(
    font: FontKey,
    gids: impl Iterator<Item = u16>,
) -> Vec<Option<Arc<[u8]>>> {
    with(|c| gids.map(|g| c.programs.get(&(font, g)).cloned()).collect())
}

/// Keeps the programs just `made` for `font`.
pub(crate) fn store(font: FontKey, made: Vec<(u16, Vec<u8>)>) {
    if made.is_empty() {
        return;
    }
    with(|c| {
        let adding: usize = made.iter().map(|(_, p)| p.len()).sum();
        if c.bytes + adding > LIMIT {
            *c = Cache::default();
        }
        for (gid, program) in made {
            c.bytes += program.len();
            c.programs.insert((font, gid), program.into());
        }
    })
}

//! Received files mutated at random: every import ends in time, never panics, and a refusal is
//! Chinese and names the file.
//!
//! The seeds are the received corpus (PDF, DOCX, pasted text) and the exchange-system fixtures
//! (DOCX, OFD, PDF). Each mutant is one seed changed by one of: bit flips, an overwritten run, a
//! truncation, a duplicated or deleted chunk, or, inside a DOCX/OFD, one part's XML damaged and
//! the package zipped again. `HOSTILE_FILES` sets how many (120 in the normal run;
//! `HOSTILE_FILES=50000 cargo test --release --test hostile_mutation -- --nocapture` for the long
//! run).

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*), so a failing mutant can be made again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fixtures a test expects to be refused (a PDF whose text has no character maps): no seed.
fn refused(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == "huozai-province-ghostscript.pdf")
}

fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = vec![];
    for dir in ["corpus/received", "fixtures/import"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
                if p.is_dir() {
                    stack.push(p);
                } else if ["pdf", "docx", "ofd", "txt"].contains(&ext) && !refused(&p) {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    let mut seeds: Vec<_> = files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    seeds.extend(ofd_seeds());
    seeds
}

/// OFDs of three samples (a table, a joint mark, a minutes format) from our own writer: the
/// fixtures hold only one OFD of another writer.
fn ofd_seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let formats = gongwen::Formats::NONE.with(gongwen::Format::Ofd);
    let samples = [
        "kinds/minutes-2025.toml",
        "scitech-2025-notice.toml",
        "wuhua-2023-plan.toml",
    ];
    samples
        .iter()
        .map(|name| {
            let doc = gongwen::load(&common::sample(name)).expect("sample loads");
            let out = common::engine()
                .render(&doc, formats, Default::default())
                .expect("renders");
            (
                PathBuf::from(format!("{name}.ofd")),
                out.get(gongwen::Format::Ofd)
                    .map(<[u8]>::to_vec)
                    .expect("an OFD"),
            )
        })
        .collect()
}

/// One byte-level mutation of `b`.
fn mutate_bytes(b: &mut Vec<u8>, rng: &mut Rng) {
    if b.is_empty() {
        b.push(rng.next() as u8);
        return;
    }
    match rng.below(6) {
        0 => {
            for _ in 0..=rng.below(20) {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
        }
        1 => {
            let at = rng.below(b.len());
            let len = rng.below(64).min(b.len() - at);
            for x in &mut b[at..at + len] {
                *x = rng.next() as u8;
            }
        }
        2 => b.truncate(rng.below(b.len())),
        3 => {
            let at = rng.below(b.len());
            let len = rng.below(4096).min(b.len() - at);
            let chunk = b[at..at + len].to_vec();
            let to = rng.below(b.len());
            for _ in 0..=rng.below(8) {
                b.splice(to..to, chunk.iter().copied());
            }
        }
        4 => {
            let at = rng.below(b.len());
            let len = rng.below(4096).min(b.len() - at);
            b.drain(at..at + len);
        }
        _ => {
            // A number made huge or negative, where layouts and counts live.
            let at = rng.below(b.len());
            if let Some(i) = b[at..].iter().position(u8::is_ascii_digit) {
                let big: &[u8] = [&b"99999999999"[..], b"-1", b"0", b"1e308", b"NaN"][rng.below(5)];
                b.splice(at + i..at + i + 1, big.iter().copied());
            }
        }
    }
}

/// A DOCX or OFD with one part mutated and zipped again (the damage a zip check cannot see).
fn mutate_part(zipped: &[u8], rng: &mut Rng) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zipped)).ok()?;
    let victim = rng.below(archive.len());
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).ok()?;
        let name = f.name().to_owned();
        let mut data = vec![];
        f.read_to_end(&mut data).ok()?;
        if i == victim {
            mutate_bytes(&mut data, rng);
        }
        out.start_file(name, opts).ok()?;
        out.write_all(&data).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

fn count() -> usize {
    std::env::var("HOSTILE_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120)
}

fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}

#[test]
fn mutated_received_files_import_or_are_refused_in_chinese_in_time_without_panics() {
    let seeds = seeds();
    assert!(seeds.len() >= 30, "{} seeds", seeds.len());
    // Control: unmutated, every seed imports with its text.
    for (seed, bytes) in &seeds {
        let got = gongwen::import::import_bytes(seed, bytes).unwrap();
        assert!(
            got.report.lines >= 10,
            "{}: {} lines",
            seed.display(),
            got.report.lines
        );
    }
    let n = count();
    let mut by_format = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    let mut reasons = std::collections::BTreeMap::<String, usize>::new();
    let (mut imported, mut refused, mut panics) = (0, 0, vec![]);
    let mut slowest = (Duration::ZERO, String::new());
    let started = Instant::now();
    for k in 0..n {
        let mut rng =
            Rng(0x9E37_79B9_7F4A_7C15 ^ (k as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let (seed, original) = &seeds[rng.below(seeds.len())];
        let ext = seed.extension().unwrap().to_str().unwrap();
        let zipped = ext == "docx" || ext == "ofd";
        let bytes = match zipped && rng.below(2) == 0 {
            true => mutate_part(original, &mut rng).unwrap_or_else(|| original.clone()),
            false => {
                let mut b = original.clone();
                mutate_bytes(&mut b, &mut rng);
                b
            }
        };
        let name = format!("收文-{k}.{ext}");
        let path = Path::new(&name);
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| gongwen::import::import_bytes(path, &bytes));
        let took = t.elapsed();
        let what = format!("mutant {k} of {}", seed.display());
        if took > slowest.0 {
            slowest = (took, what.clone());
        }
        match result {
            Err(_) => panics.push(what),
            Ok(Ok(_)) => {
                imported += 1;
                by_format.entry(ext).or_default().0 += 1;
            }
            Ok(Err(e)) => {
                by_format.entry(ext).or_default().1 += 1;
                let msg = e.to_string();
                assert!(
                    msg.contains(&name),
                    "{what}: the refusal does not name the file: {msg}"
                );
                assert!(
                    msg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{what}: the refusal is not in Chinese: {msg}"
                );
                let lower = msg.to_lowercase();
                let english = [
                    "error",
                    "invalid",
                    "expected",
                    "ill-formed",
                    "failed",
                    "unsupported",
                ];
                assert!(
                    !english.iter().any(|w| lower.contains(w)),
                    "{what}: the refusal carries a parser's English: {msg}"
                );
                refused += 1;
                let why = msg.split_once('：').map_or(&*msg, |(_, w)| w);
                let key = format!("{ext}: {}", why.chars().take(24).collect::<String>());
                *reasons.entry(key).or_default() += 1;
            }
        }
    }
    println!(
        "{n} mutants of {} seeds in {:.1} s: {imported} imported, {refused} refused, {} panics; \
         slowest {} ms ({}); peak memory {} MB; (imported, refused) by format {by_format:?}",
        seeds.len(),
        started.elapsed().as_secs_f64(),
        panics.len(),
        slowest.0.as_millis(),
        slowest.1,
        peak_rss_mb()
    );
    let mut reasons: Vec<_> = reasons.into_iter().collect();
    reasons.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (why, count) in reasons.iter().take(12) {
        println!("  {count:>6}  {why}");
    }
    assert!(panics.is_empty(), "panics: {panics:?}");
    // The PDF reader's own budget is 30 s; nothing else may come near it.
    assert!(slowest.0 < Duration::from_secs(31), "slowest: {slowest:?}");
    assert!(peak_rss_mb() <= 512, "peak memory {} MB", peak_rss_mb());
}

//! The program knows no campaign and no office: their words are data (specs, profiles,
//! templates), never in `src/` outside its unit tests.

use std::path::{Path, PathBuf};

/// Words of the sample campaigns and offices.
const WORDS: &[&str] = &[
    "知识产权",
    "宣传周",
    "世界知识产权日",
    "科技活动周",
    "科技周",
    "食品安全",
    "防汛",
    "上海",
    "营口",
    "五华",
    "昆明",
    "沪知",
    "湖北",
    "安吉",
    "苏州",
    "吴江",
    "双流",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The program text of a source file: without its `#[cfg(test)]` module.
fn program_text(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

#[test]
fn src_names_no_campaign_and_no_office() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "found the sources");
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in program_text(&text).lines().enumerate() {
            for w in WORDS {
                if line.contains(w) {
                    found.push(format!("{}:{}: {w}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "campaign or office words in src/:\n{}",
        found.join("\n")
    );
}

#[test]
fn derivation_defaults_name_no_campaign() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("templates/derive/defaults.toml")).unwrap();
    for w in WORDS {
        assert!(
            !text.contains(w),
            "templates/derive/defaults.toml names {w}"
        );
    }
}

#[test]
fn the_scan_finds_a_planted_word() {
    let planted = "fn f() -> &'static str { \"知识产权\" }\n#[cfg(test)]\nmod t { const A: &str = \"宣传周\"; }";
    let text = program_text(planted);
    assert!(text.contains("知识产权") && !text.contains("宣传周"));
}

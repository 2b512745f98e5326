//! A whole cascade: many office profiles derived and rendered in parallel, one broken.

mod common;
#[path = "../examples/gen_profiles.rs"]
#[allow(dead_code)]
mod gen_profiles;

use std::io::Read;
use std::process::Command;

#[test]
fn fifty_offices_are_derived_and_rendered_and_a_broken_one_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let offices = dir.path().join("offices");
    std::fs::create_dir(&offices).unwrap();
    for i in 0..50 {
        std::fs::write(
            offices.join(format!("office-{i:02}.toml")),
            gen_profiles::profile_toml(i),
        )
        .unwrap();
    }
    std::fs::write(
        offices.join("zz-broken.toml"),
        "[office]\nname = \"某局\"\nscope = \"某地\"\ntelex = \"1\"\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["derive"])
        .arg(common::sample("national-2025-notice.toml"))
        .args([
            "--office",
            "offices",
            "--as",
            "plan",
            "-o",
            "out",
            "--render",
            "-j",
            "2",
            "--no-system-fonts",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("zz-broken.toml:4:1: 字段 office.telex: 未知的键 `telex`"),
        "{err}"
    );
    assert!(
        out.contains("共 51 个机关：草稿 50 份，文档 100 个")
            && out.contains("失败 1 个")
            && out.contains("zz-broken.toml"),
        "{out}"
    );
    for i in 0..50 {
        let stem = dir.path().join(format!("out/office-{i:02}-2025-plan"));
        let draft = std::fs::read_to_string(stem.with_extension("toml")).unwrap();
        assert!(draft.contains("[provenance]"));
        let pdf = std::fs::read(stem.with_extension("pdf")).unwrap();
        assert!(
            pdf.starts_with(b"%PDF-") && pdf.len() > 10_000,
            "office {i}"
        );
        let docx = std::fs::read(stem.with_extension("docx")).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains("知识产权宣传周活动方案"), "office {i}");
    }
    // Each draft is a valid spec: the check run by `derive` passed, and it renders on its own.
    let (doc, warnings) = common::engine()
        .load(&dir.path().join("out/office-07-2025-plan.toml"), None)
        .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(common::engine().typeset(&doc).unwrap().pages().len() >= 4);
}

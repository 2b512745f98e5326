//! The command line as a user meets it: outputs, exit codes, messages, nothing half-written.

mod common;

use std::path::Path;
use std::process::Output;

use common::gongwen;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn render_writes_the_pdf_into_the_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("shanghai-2025-notice.toml");
    let o = gongwen(&["render", spec.to_str().unwrap(), "-o", "out"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = std::fs::read(dir.path().join("out/shanghai-2025-notice.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("national-2024-notice.toml");
    let mut outs = Vec::new();
    for sub in ["a", "b"] {
        let o = gongwen(&["render", spec.to_str().unwrap(), "-o", sub], dir.path());
        assert!(o.status.success(), "{}", stderr(&o));
        outs.push(std::fs::read(dir.path().join(sub).join("national-2024-notice.pdf")).unwrap());
    }
    assert!(outs[0] == outs[1], "PDF differs between runs");
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const GOOD: &str = "title = \"关于开展活动的通知\"\n[signature]\ndate = 2025-04-02\n";

#[test]
fn bad_specs_fail_with_file_line_column_and_field_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        ("syntax.toml", "title = \"未闭合\n[signature]\ndate = 2025-04-02\n", "syntax.toml:1:"),
        ("unknown.toml", "title = \"通知\"\nrecipient = \"各区\"\n[signature]\ndate = 2025-04-02\n", "是否想写 `recipients`"),
        ("type.toml", "title = 5\n[signature]\ndate = 2025-04-02\n", "字段 title: 类型错误"),
        ("missing.toml", "title = \"通知\"\n", "需要 [signature]"),
        ("date.toml", "title = \"通知\"\n[signature]\ndate = 2025-02-30\n", "date.toml:3:8:"),
        ("empty.toml", "title = \"  \"\n[signature]\ndate = 2025-04-02\n", "empty.toml:1:9: 字段 title: 标题不能为空"),
        ("year.toml", "title = \"通知\"\n[header]\nissuers = [\"某局\"]\ndoc_number = { code = \"某发\", year = 25, serial = 3 }\n[signature]\ndate = 2025-04-02\n", "字段 header.doc_number.year"),
    ];
    for (name, text, expected) in cases {
        let path = write(dir.path(), name, text);
        let o = gongwen(&["render", &path, "-o", "out"], dir.path());
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = stderr(&o);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!dir.path().join("out").exists(), "{name}: nothing written");
    }
}

#[test]
fn a_failed_render_keeps_the_previous_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "doc.toml", GOOD);
    let o = gongwen(&["render", &path, "-o", "out"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let good = std::fs::read(dir.path().join("out/doc.pdf")).unwrap();
    let good_docx = std::fs::read(dir.path().join("out/doc.docx")).unwrap();
    write(
        dir.path(),
        "doc.toml",
        "title = \"关于\u{10FFFD}\"\n[signature]\ndate = 2025-04-02\n",
    );
    let o = gongwen(&["render", &path, "-o", "out"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("U+10FFFD"));
    assert_eq!(std::fs::read(dir.path().join("out/doc.pdf")).unwrap(), good);
    assert_eq!(
        std::fs::read(dir.path().join("out/doc.docx")).unwrap(),
        good_docx
    );
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
}

#[test]
fn templates_cannot_read_files_outside_their_directory() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    std::fs::write(tpl.join("notice.typ"), "#read(\"../secret.txt\")").unwrap();
    let path = write(dir.path(), "doc.toml", GOOD);
    let o = gongwen(
        &[
            "render",
            &path,
            "-o",
            "out",
            "--templates",
            tpl.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("notice.typ"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn fonts_lists_every_role_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    let o = gongwen(&["fonts"], dir.path());
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    for role in ["小标宋", "仿宋", "黑体", "楷体", "宋体"] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(role) && l.contains("内置 fonts/")),
            "{role}: {out}"
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_printing_quietly_not_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let samples: Vec<String> = ["national-2025-notice.toml", "scitech-2025-notice.toml"]
        .iter()
        .map(|s| common::sample(s).display().to_string())
        .collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["check", &samples[0], &samples[1], "--no-system-fonts"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `| head -0`
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn two_forced_derivations_in_a_row_keep_every_earlier_draft() {
    let dir = tempfile::tempdir().unwrap();
    let up = common::sample("national-2025-notice.toml")
        .display()
        .to_string();
    let office = common::sample("offices/shanghai.toml")
        .display()
        .to_string();
    let run = || {
        let o = common::gongwen(
            &["derive", &up, "--office", &office, "-o", "d", "--force"],
            dir.path(),
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let draft = dir.path().join("d/shanghai-2025-notice.toml");
    run();
    std::fs::write(&draft, "# first edit\n").unwrap();
    run();
    std::fs::write(&draft, "# second edit\n").unwrap();
    run();
    let read = |n: &str| std::fs::read_to_string(dir.path().join("d").join(n)).unwrap();
    assert_eq!(read("shanghai-2025-notice.toml.bak"), "# first edit\n");
    assert_eq!(read("shanghai-2025-notice.toml.bak.2"), "# second edit\n");
}

#[test]
fn two_specs_or_profiles_that_would_write_the_same_file_are_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(
            common::sample("kunming-2023-notice.toml"),
            dir.path().join(sub).join("x.toml"),
        )
        .unwrap();
    }
    let o = gongwen(&["render", "a/x.toml", "b/x.toml", "-o", "out"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("都会写出 x"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists(), "nothing written");

    let up = common::sample("national-2025-notice.toml")
        .display()
        .to_string();
    for sub in ["a", "b"] {
        std::fs::copy(
            common::sample("offices/shanghai.toml"),
            dir.path().join(sub).join("x.toml"),
        )
        .unwrap();
    }
    let o = gongwen(
        &[
            "derive", &up, "--office", "a/x.toml", "--office", "b/x.toml", "-o", "d",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.path().join("d").exists(), "nothing written");

    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let o = gongwen(&["derive", &up, "--office", "empty", "-o", "d"], dir.path());
    assert_eq!(o.status.code(), Some(1), "an empty folder is not success");
}

#[test]
fn a_year_outside_the_calendar_of_official_documents_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("kunming-2023-notice.toml")
        .display()
        .to_string();
    for year in ["0", "-5", "10000"] {
        let o = gongwen(&["render", &spec, "--year", year, "-o", "out"], dir.path());
        assert_ne!(o.status.code(), Some(0), "--year {year}");
        assert!(
            !dir.path().join("out").exists(),
            "--year {year} wrote nothing"
        );
    }
}

#[test]
fn a_template_that_emits_thousands_of_pages_is_stopped_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("tpl");
    std::fs::create_dir(&t).unwrap();
    std::fs::write(
        t.join("notice.typ"),
        "#for i in range(1200) [x #pagebreak()]\n",
    )
    .unwrap();
    let spec = common::sample("kunming-2023-notice.toml")
        .display()
        .to_string();
    let o = gongwen(
        &[
            "render",
            &spec,
            "--templates",
            "tpl",
            "-o",
            "out",
            "--format",
            "pdf",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("超过上限 1000 页"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// The file names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn format_takes_a_comma_list_and_all_still_means_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("kunming-2023-notice.toml");
    let spec = spec.to_str().unwrap();
    for (format, want) in [
        (
            "pdf,ofd",
            vec!["kunming-2023-notice.ofd", "kunming-2023-notice.pdf"],
        ),
        ("ofd", vec!["kunming-2023-notice.ofd"]),
        (
            "all",
            vec!["kunming-2023-notice.docx", "kunming-2023-notice.pdf"],
        ),
        (
            "pdf,docx,ofd",
            vec![
                "kunming-2023-notice.docx",
                "kunming-2023-notice.ofd",
                "kunming-2023-notice.pdf",
            ],
        ),
    ] {
        let out = format!("out-{}", format.replace(',', "-"));
        let o = gongwen(
            &["render", spec, "--format", format, "-o", &out],
            dir.path(),
        );
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert_eq!(names_in(&dir.path().join(&out)), want, "--format {format}");
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(stdout.contains("页"), "{stdout}");
    }
    let ofd = std::fs::read(dir.path().join("out-ofd/kunming-2023-notice.ofd")).unwrap();
    assert!(ofd.starts_with(b"PK\x03\x04"));
}

#[test]
fn an_unknown_format_or_an_unwritable_folder_is_refused_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("kunming-2023-notice.toml");
    let spec = spec.to_str().unwrap();
    let o = gongwen(
        &["render", spec, "--format", "pdf,xps", "-o", "out"],
        dir.path(),
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("未知的输出格式“xps”"), "{}", stderr(&o));
    assert!(!dir.path().join("out").exists(), "nothing written");
    // The output folder's place is taken by a file: the error names the OFD it could not write.
    std::fs::write(dir.path().join("blocked"), "").unwrap();
    let o = gongwen(
        &["render", spec, "--format", "ofd", "-o", "blocked/out"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("错误："), "{err}");
    assert!(err.contains("kunming-2023-notice.ofd"), "{err}");
}

#[test]
fn annex_forms_and_derived_drafts_are_rendered_as_ofd_too() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("shanghai-2025-notice.toml");
    let o = gongwen(
        &[
            "render",
            spec.to_str().unwrap(),
            "--annexes-only",
            "--format",
            "ofd",
            "--year",
            "2026",
            "-o",
            "forms",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        names_in(&dir.path().join("forms")),
        [
            "shanghai-2026-notice-annex1.ofd",
            "shanghai-2026-notice-annex2.ofd"
        ]
    );
    let up = common::sample("national-2025-notice.toml");
    let office = common::sample("offices/shanghai.toml");
    let o = gongwen(
        &[
            "derive",
            up.to_str().unwrap(),
            "--office",
            office.to_str().unwrap(),
            "-o",
            "d",
            "--render",
            "--format",
            "pdf,ofd",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        names_in(&dir.path().join("d")),
        [
            "shanghai-2025-notice.ofd",
            "shanghai-2025-notice.pdf",
            "shanghai-2025-notice.toml"
        ]
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("文档 2 个"));
}

/// `check` on an office profile checks it as a profile (as `derive --office` reads it): a
/// sample profile passes, and a wrong key is named with the profile's own keys, not the spec's.
#[test]
fn check_reads_an_office_profile_as_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let profile = common::sample("offices/wuhua.toml").display().to_string();
    let run = |path: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(["check", path, "--no-system-fonts"])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let good = run(&profile);
    let said = String::from_utf8_lossy(&good.stderr).into_owned();
    assert_eq!(good.status.code(), Some(0), "{said}");
    assert!(said.contains("机关资料"), "{said}");
    let summary = String::from_utf8_lossy(&good.stdout).into_owned();
    assert!(summary.contains("1 份机关资料检查通过"), "{summary}");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[office]\nname = \"某县局\"\nbogus = 1\n").unwrap();
    let out = run(&bad.display().to_string());
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("office.bogus") && said.contains("report_to"),
        "{said}"
    );
}

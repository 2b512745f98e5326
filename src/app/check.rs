//! `check`: a spec's findings, and `--fix`: the spec rewritten with the corrections the rules
//! know, comments and layout kept.

use crate::error::Result;
use crate::{output, spec, Engine};
use std::path::Path;

/// What checking one spec found.
#[derive(Debug)]
pub struct Checked {
    /// The report after any fixes.
    pub report: spec::Report,
    /// How many corrections were written (0 without `fix`).
    pub fixed: usize,
    /// The file is an office profile (机关资料), checked as one: `report` holds no spec.
    pub profile: bool,
}

/// Whether `source` is an office profile: a table `[office]` no spec has.
fn is_profile(source: &str) -> bool {
    source
        .parse::<toml::Table>()
        .is_ok_and(|t| t.get("office").is_some_and(toml::Value::is_table))
}

/// Checks the spec file `path`; with `fix`, first writes the corrections the rules know back
/// into it (in the file's own line ends and encoding form) and checks the result.
pub fn check_file(engine: &Engine, path: &Path, fix: bool) -> Result<Checked> {
    let source = spec::read(path)?;
    if is_profile(&source) {
        // A profile read as a spec would be told that its keys are wrong; it is checked as
        // `derive --office` reads it (its rules, phases and seal).
        crate::derive::load_office(path)?;
        let report = spec::Report {
            spec: spec::Spec::default(),
            diagnostics: Vec::new(),
            fixes: Vec::new(),
        };
        return Ok(Checked {
            report,
            fixed: 0,
            profile: true,
        });
    }
    let encoding = spec::encoding_of(path);
    let mut report = engine.check_source(&source, path)?;
    report.diagnostics.extend(spec::encoding_warning(path));
    if !fix || report.fixes.is_empty() {
        return Ok(Checked {
            report,
            fixed: 0,
            profile: false,
        });
    }
    let count = report.fixes.len();
    let fixed = spec::apply_fixes(&source, path, &report.fixes)?;
    let fixed = output::same_form_as(&source, &fixed);
    // Written back in the file's own encoding (GB18030 stays GB18030).
    output::write_through(path, &spec::encode(&fixed, encoding))?;
    let mut report = engine.check_source(&fixed, path)?;
    report.diagnostics.extend(spec::encoding_warning(path));
    Ok(Checked {
        fixed: count,
        report,
        profile: false,
    })
}

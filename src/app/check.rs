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
}

/// Checks the spec file `path`; with `fix`, first writes the corrections the rules know back
/// into it (in the file's own line ends and encoding form) and checks the result.
pub fn check_file(engine: &Engine, path: &Path, fix: bool) -> Result<Checked> {
    let source = spec::read(path)?;
    let encoding = spec::encoding_of(path);
    let mut report = engine.check_source(&source, path)?;
    report.diagnostics.extend(spec::encoding_warning(path));
    if !fix || report.fixes.is_empty() {
        return Ok(Checked { report, fixed: 0 });
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
    })
}

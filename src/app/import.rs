//! `import`: a received file → an editable spec written beside the office's other specs,
//! never over an existing one unless asked (the old one is then kept as a backup).

use crate::error::{Error, Result};
use crate::import::{self, Imported};
use crate::output;
use std::path::Path;

/// Imports the received file `input` as the spec `output`.
pub fn import_file(input: &Path, output: &Path, force: bool) -> Result<Imported> {
    refuse_existing(output, force)?;
    let bytes = std::fs::read(input).map_err(|source| Error::Io {
        path: input.to_owned(),
        source,
    })?;
    write(import::import_bytes(input, &bytes)?, output, force)
}

/// Imports received bytes (named `name`, whose extension tells the format when the content
/// does not) as the spec `output`.
pub fn import_bytes(name: &Path, bytes: &[u8], output: &Path, force: bool) -> Result<Imported> {
    refuse_existing(output, force)?;
    write(import::import_bytes(name, bytes)?, output, force)
}

/// Imports received bytes as the spec `output` in a process of its own (see
/// [`import::isolated`]): the report as text.
pub fn import_isolated(
    worker: &import::isolated::Worker,
    name: &Path,
    bytes: &[u8],
    output: &Path,
    force: bool,
) -> Result<String> {
    refuse_existing(output, force)?;
    let answer = import::isolated::import(worker, name, bytes)?;
    write_spec(answer.toml.as_bytes(), output, force)?;
    Ok(answer.report)
}

fn refuse_existing(output: &Path, force: bool) -> Result<()> {
    if output.exists() && !force {
        return Err(Error::Exists(output.to_owned()));
    }
    Ok(())
}

fn write(imported: Imported, output: &Path, force: bool) -> Result<Imported> {
    write_spec(imported.toml.as_bytes(), output, force)?;
    Ok(imported)
}

fn write_spec(toml: &[u8], output: &Path, force: bool) -> Result<()> {
    if !force {
        // The existence check and the write are one step: a second import to the same new
        // name is refused, never silently replacing the first.
        return output::write_new(output, toml);
    }
    if output.exists() {
        output::backup(output)?;
    }
    output::write_atomic(output, toml)
}

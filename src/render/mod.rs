//! The writers: the document model to PDF (typst) and to DOCX (docx-rs).

pub mod measure;
pub mod pdf;
pub mod templates;
pub mod world;

//! The writers: the document model to PDF (typst) and to DOCX (docx-rs).

pub mod pdf;
pub mod templates;
pub mod world;
pub mod measure;

//! The writers: the document model to PDF (typst) and to DOCX (docx-rs).

pub mod binding;
pub mod copies;
pub mod docx;
mod docx_landscape;
mod docx_order;
pub mod docx_xml;
pub mod measure;
pub mod pdf;
pub mod templates;
pub mod world;

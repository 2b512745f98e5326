//! The writers: the document model laid out once by typst ([`layout`]) and written as PDF, OFD
//! and DOCX; [`format`] is the one registry of output formats.

pub mod binding;
pub mod copies;
mod decide;
pub mod docx;
mod docx_landscape;
mod docx_order;
pub mod docx_xml;
pub mod format;
pub mod layout;
pub mod measure;
pub mod ofd;
pub mod page_numbers;
pub mod pdf;
pub mod raster;
pub mod runs;
pub mod seal;
pub mod templates;
pub mod world;

//! The library API both front ends call (the CLI in `main.rs` and the web app in
//! [`crate::serve`]): render jobs, derivation runs, checks, new documents and imports. Each
//! function does the work and returns what happened; reporting is the front end's job.

pub mod batch;
pub mod check;
pub mod derive;
pub mod import;
pub mod new;
pub mod render;

pub use batch::parallel;

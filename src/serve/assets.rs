//! The page, script and style sheet of the web app, embedded in the binary (no install step,
//! works offline).

/// One embedded file: its path in the app, media type and text.
pub struct Asset {
    /// The URL path.
    pub path: &'static str,
    /// `Content-Type`.
    pub media_type: &'static str,
    /// The content.
    pub text: &'static str,
}

/// Every file the page loads.
pub const ASSETS: [Asset; 3] = [
    Asset {
        path: "/",
        media_type: "text/html; charset=utf-8",
        text: include_str!("../../assets/serve/index.html"),
    },
    Asset {
        path: "/assets/app.js",
        media_type: "text/javascript; charset=utf-8",
        text: include_str!("../../assets/serve/app.js"),
    },
    Asset {
        path: "/assets/app.css",
        media_type: "text/css; charset=utf-8",
        text: include_str!("../../assets/serve/app.css"),
    },
];

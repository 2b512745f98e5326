//! The page, script and style sheet of the web app, embedded in the binary (no install step,
//! works offline), and the bundled 黑体 and GBK fallback faces, so the page shows Chinese — rare
//! name characters too — on a machine without Chinese fonts.

/// One embedded file: its path in the app, media type and text.
pub struct Asset {
    /// The URL path.
    pub path: &'static str,
    /// `Content-Type`.
    pub media_type: &'static str,
    /// The content.
    pub body: &'static [u8],
}

/// The bundled fonts the style sheet names: URL path and font file.
pub const FONTS: [(&str, &str); 2] = [
    ("/assets/hei.otf", "FandolHei-Regular.otf"),
    ("/assets/gbk.otf", "NotoSerifCJKsc-Regular-GBK.otf"),
];

/// Every file the page loads.
pub const ASSETS: [Asset; 3] = [
    Asset {
        path: "/",
        media_type: "text/html; charset=utf-8",
        body: include_bytes!("../../assets/serve/index.html"),
    },
    Asset {
        path: "/assets/app.js",
        media_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/serve/app.js"),
    },
    Asset {
        path: "/assets/app.css",
        media_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/serve/app.css"),
    },
];

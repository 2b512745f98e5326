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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_font_list_of_the_page_reaches_the_bundled_faces_before_the_system_s_ui_face() {
        // Chromium draws boxes with `system-ui`/`ui-monospace` where that face has no Chinese
        // (a fresh 信创 desktop) instead of falling back to the faces after it.
        let css = std::str::from_utf8(ASSETS[2].body).unwrap();
        // Without comments: only the declarations count.
        let css: String = css
            .split("/*")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once("*/").map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        let mut lists = 0;
        for decl in css
            .split(';')
            .filter(|d| d.contains("font-family") || d.contains("font:"))
        {
            let generic = ["system-ui", "ui-monospace"]
                .iter()
                .filter_map(|g| decl.find(g))
                .min();
            if let Some(g) = generic {
                let hei = decl
                    .find("Gongwen Hei")
                    .expect("the bundled face is listed");
                assert!(hei < g, "{decl}");
                lists += 1;
            }
        }
        assert!(lists >= 3, "{lists}");
    }
}

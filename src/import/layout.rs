//! Positioned glyphs (PDF, OFD) grouped into lines: baselines, gaps, the text block.

use super::lines::{Align, Line};

/// A glyph placed on a page, in reading coordinates (pt): `x` along the baseline, `y` down.
#[derive(Debug, Clone)]
pub struct G {
    /// The character(s).
    pub text: String,
    /// Position along the baseline (pt).
    pub x: f64,
    /// Baseline, downwards (pt).
    pub y: f64,
    /// Font size (pt).
    pub size: f64,
    /// Advance width (pt).
    pub advance: f64,
    /// Red fill (the issuer mark).
    pub red: bool,
    /// Reading direction (rotated text on a turned table page has its own).
    pub dir: (i8, i8),
}

/// One baseline's glyphs in reading order, with its extent.
pub struct Row {
    glyphs: Vec<G>,
    y: f64,
}

impl Row {
    fn x0(&self) -> f64 {
        self.glyphs.first().map_or(0.0, |g| g.x)
    }
    fn x1(&self) -> f64 {
        self.glyphs.last().map_or(0.0, |g| g.x + g.advance)
    }
    fn size(&self) -> f64 {
        let mut s: Vec<f64> = self.glyphs.iter().map(|g| g.size).collect();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2]
    }
}

/// Groups glyphs into rows by direction and baseline, each sorted along the baseline.
pub fn rows(mut glyphs: Vec<G>) -> Vec<Row> {
    glyphs.sort_by(|a, b| {
        a.dir
            .cmp(&b.dir)
            .then(a.y.total_cmp(&b.y))
            .then(a.x.total_cmp(&b.x))
    });
    let mut out: Vec<Row> = Vec::new();
    for g in glyphs {
        match out.last_mut() {
            Some(r)
                if r.glyphs[0].dir == g.dir
                    && (r.y - g.y).abs() < 0.3 * g.size.min(r.glyphs[0].size) =>
            {
                r.glyphs.push(g)
            }
            _ => out.push(Row {
                y: g.y,
                glyphs: vec![g],
            }),
        }
    }
    for r in &mut out {
        r.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    out
}

/// Rows → lines: text with spaces and cell breaks from the gaps, and the line's place in the
/// text block (indent, right gap, centring) in characters of the body size.
pub fn lines(pages: &[Vec<Row>]) -> Vec<Line> {
    let mut sizes: Vec<f64> = pages
        .iter()
        .flatten()
        .flat_map(|r| r.glyphs.iter().map(|g| g.size))
        .collect();
    sizes.sort_by(f64::total_cmp);
    let body = sizes.get(sizes.len() / 2).copied().unwrap_or(16.0);
    let mut out = Vec::new();
    for (p, rows) in pages.iter().enumerate() {
        // The text block: where this page's body-size lines start and end.
        let body_rows: Vec<&Row> = rows
            .iter()
            .filter(|r| (r.size() - body).abs() < 1.0 && r.glyphs.len() >= 8)
            .collect();
        let all: Vec<&Row> = if body_rows.is_empty() {
            rows.iter().collect()
        } else {
            body_rows
        };
        let left = all.iter().map(|r| r.x0()).fold(f64::INFINITY, f64::min);
        let right = all.iter().map(|r| r.x1()).fold(f64::NEG_INFINITY, f64::max);
        for (k, r) in rows.iter().enumerate() {
            let (text, cells) = row_text(r);
            let size = r.size();
            let indent = (r.x0() - left) / body;
            let right_gap = (right - r.x1()) / body;
            let align = if indent > 1.0 && right_gap > 1.0 && (indent - right_gap).abs() < 1.0 {
                Align::Center
            } else if indent > 4.0 && right_gap < 5.0 {
                Align::Right
            } else {
                Align::Left
            };
            let red = r.glyphs.iter().filter(|g| g.red).count() * 2 > r.glyphs.len();
            out.push(Line {
                text,
                page: p + 1,
                line: k + 1,
                size: Some((size * 2.0).round() / 2.0),
                red,
                align,
                indent: Some(indent),
                right_gap: Some(right_gap),
                cells,
                lead_run: None,
                ..Line::default()
            });
        }
    }
    out
}

/// The text of a row; with three or more widely separated pieces, also its cells.
fn row_text(r: &Row) -> (String, Option<Vec<String>>) {
    let mut pieces: Vec<String> = vec![String::new()];
    let mut prev: Option<&G> = None;
    for g in &r.glyphs {
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.advance);
            let em = g.size.max(p.size);
            let ascii = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric());
            if gap > 2.5 * em {
                pieces.push(String::new());
            } else if (gap > 0.2 * em && (ascii(&p.text) || ascii(&g.text))) || gap > 0.8 * em {
                if let Some(last) = pieces.last_mut() {
                    if !last.ends_with(' ') && g.text != " " {
                        last.push(' ');
                    }
                }
            }
        }
        if let Some(last) = pieces.last_mut() {
            last.push_str(&g.text);
        }
        prev = Some(g);
    }
    let pieces: Vec<String> = pieces.into_iter().map(|p| p.trim().to_owned()).collect();
    let text = pieces.join(" ");
    if pieces.len() >= 3 {
        (text, Some(pieces))
    } else {
        (text, None)
    }
}

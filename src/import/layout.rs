//! Positioned glyphs (PDF, OFD) grouped into lines: baselines, gaps, the text block.

use super::grid::{take_tables, Rule};
use super::join::join_text;
use super::lines::{Align, Line};
use crate::compose::text::is_wide;

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
    /// The page object it was drawn by (an OFD's object ID; 0 where the format has none).
    pub object: u64,
}

/// One baseline's glyphs in reading order, with its extent; or one row of a ruled table.
pub struct Row {
    glyphs: Vec<G>,
    y: f64,
    /// The cells' texts, when the row is a ruled table's.
    cells: Option<Vec<String>>,
    /// A head of two rows: each cell's group title.
    head_groups: Option<Vec<Option<String>>>,
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

/// [`rows`], with the glyphs in the cells of ruled tables (from `rules`) as one row per
/// table row.
pub fn ruled_rows(mut glyphs: Vec<G>, rules: &[Rule]) -> Vec<Row> {
    let tables = take_tables(&mut glyphs, rules);
    let mut out = rows(glyphs);
    let text = |c: Vec<G>| {
        rows(c)
            .iter()
            .map(|r| row_text(r).0)
            .fold(String::new(), |a, b| join_text(&a, &b))
    };
    for t in tables {
        let cells = t.cells.into_iter().map(text).collect();
        let head_groups = t
            .groups
            .map(|gs| gs.into_iter().map(|g| g.map(text)).collect());
        let mut glyphs = t.glyphs;
        glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let y = glyphs.iter().map(|g| g.y).fold(f64::INFINITY, f64::min);
        out.push(Row {
            glyphs,
            y,
            cells: Some(cells),
            head_groups,
        });
    }
    out.sort_by(|a, b| {
        a.glyphs[0]
            .dir
            .cmp(&b.glyphs[0].dir)
            .then(a.y.total_cmp(&b.y))
    });
    out
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
                cells: None,
                head_groups: None,
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
    let edges = page_edges(pages, body);
    for (p, rows) in pages.iter().enumerate() {
        let (left, right) = edges[p];
        // A page whose lines all start indented (a first line, 附件说明, contacts) shares
        // the left edge of the pages with the same right edge.
        let left = edges
            .iter()
            .filter(|(l, r)| {
                (r - right).abs() < 0.5 && *l < left - 0.3 * body && *l > left - 3.0 * body
            })
            .fold(left, |m, e| m.min(e.0));
        for (k, r) in rows.iter().enumerate() {
            let (text, cells) = match &r.cells {
                Some(c) => (c.join(" "), Some(c.clone())),
                None => row_text(r),
            };
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
                head_groups: r.head_groups.clone(),
                lead_run: None,
                ..Line::default()
            });
        }
    }
    out
}

/// Each page's text block: where its body-size lines start and end (pt). A page of a few
/// short lines (a signature carried over, a 版记 page) or of lines that all stop short of the
/// edge (特此通知, 附件说明 and the signature) does not show the block's edges: a page whose
/// lines lie inside the block of the page with the most body lines takes that block, so that
/// a signature standing right reads as standing right, at its true distance from the edge.
fn page_edges(pages: &[Vec<Row>], body: f64) -> Vec<(f64, f64)> {
    let running = running_rows(pages, body);
    let blocks: Vec<(f64, f64, usize)> = pages
        .iter()
        .zip(&running)
        .map(|(rows, run)| {
            // A web page's furniture printed with it (its menu and breadcrumb start further
            // left, its top bar ends further right) shows no edge of the document's block.
            let inside: Vec<&Row> = rows
                .iter()
                .zip(run)
                .filter(|(row, r)| !**r && !furniture(row))
                .map(|(r, _)| r)
                .collect();
            text_block(&inside, body)
        })
        .collect();
    let Some(&(ml, mr, most)) = blocks.iter().max_by_key(|b| b.2) else {
        return Vec::new();
    };
    blocks
        .iter()
        .map(|&(l, r, n)| {
            let narrow = r - l < 0.8 * (mr - ml);
            let inside = l > ml - 0.5 * body && r < mr + 0.5 * body;
            if most >= 3 && ((n < 3 && narrow) || inside) {
                (ml, mr)
            } else {
                (l, r)
            }
        })
        .collect()
}

/// Whether a row is a web page's furniture (its text as the import will read it: Kangxi
/// radicals as the ideographs they stand for).
fn furniture(row: &Row) -> bool {
    super::furniture::is_furniture(&super::chars::normalise(&row_text(row).0).0)
}

/// A page's text block (left and right edges) and how many body lines show it.
fn text_block(rows: &[&Row], body: f64) -> (f64, f64, usize) {
    let body_rows: Vec<&Row> = rows
        .iter()
        .copied()
        .filter(|r| body_sized(r, body) && r.glyphs.len() >= 8)
        .collect();
    let all: Vec<&Row> = if body_rows.is_empty() {
        rows.to_vec()
    } else {
        body_rows
    };
    // Short body-size lines (a paragraph's last line) show the left edge too, when every
    // long line on the page is a first line indented two characters.
    let left = rows
        .iter()
        .copied()
        .filter(|r| body_sized(r, body))
        .chain(all.iter().copied())
        .map(|r| r.x0())
        .fold(f64::INFINITY, f64::min);
    let right = all.iter().map(|r| r.x1()).fold(f64::NEG_INFINITY, f64::max);
    (left, right, body_rows_count(rows, body))
}

/// Rows of body size long enough to reach both edges of the block.
fn body_rows_count(rows: &[&Row], body: f64) -> usize {
    rows.iter()
        .filter(|r| body_sized(r, body) && r.glyphs.len() >= 8)
        .count()
}

/// Whether a row is set in the body's size: a web page's menus, breadcrumbs and a browser's
/// print margins a point smaller are not.
fn body_sized(r: &Row, body: f64) -> bool {
    (r.size() - body).abs() < 0.5
}

/// Per page, which rows run in its margin on every page (a browser's printed date, title and
/// address, a page number): the first or the last row of each page, at one height on every
/// page of two or more, set smaller than the body or standing apart from the text. They do
/// not show the text block's edges.
fn running_rows(pages: &[Vec<Row>], body: f64) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = pages.iter().map(|rows| vec![false; rows.len()]).collect();
    let ends = |last: bool| -> Vec<Option<usize>> {
        pages
            .iter()
            .map(|rows| {
                let flow = rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.glyphs[0].dir == (1, 0));
                let by_y = |a: &(usize, &Row), b: &(usize, &Row)| a.1.y.total_cmp(&b.1.y);
                if last {
                    flow.max_by(by_y)
                } else {
                    flow.min_by(by_y)
                }
                .map(|(k, _)| k)
            })
            .collect()
    };
    for last in [false, true] {
        let at = ends(last);
        let ys: Vec<f64> = at
            .iter()
            .zip(pages)
            .filter_map(|(k, rows)| k.map(|k| rows[k].y))
            .collect();
        let same = ys.len() >= 2 && ys.iter().all(|y| (y - ys[0]).abs() < 1.0);
        if !same {
            continue;
        }
        for (p, k) in at.iter().enumerate() {
            let Some(k) = *k else { continue };
            let rows = &pages[p];
            let neighbour = rows
                .iter()
                .filter(|r| r.glyphs[0].dir == (1, 0) && (r.y - rows[k].y).abs() > 0.1)
                .map(|r| (r.y - rows[k].y).abs())
                .fold(f64::INFINITY, f64::min);
            out[p][k] = rows[k].size() < body - 0.25 || neighbour > 2.5 * body;
        }
    }
    out
}

/// A space glyph between Chinese characters: an ideographic space when the next character
/// stands a full character further on (a font without U+3000 draws its narrow space), else a
/// typed space, kept as a no-break space.
fn ideographic_spaces(glyphs: &[G]) -> Vec<G> {
    let mut out = glyphs.to_vec();
    let wide = |g: &G| g.text.chars().all(is_wide) && !g.text.is_empty();
    for k in 1..out.len().saturating_sub(1) {
        let (a, g, b) = (&glyphs[k - 1], &glyphs[k], &glyphs[k + 1]);
        if g.text.trim().is_empty() && wide(a) && wide(b) {
            if b.x - g.x > 0.8 * g.size {
                out[k].text = "\u{3000}".to_owned();
                out[k].advance = b.x - g.x;
            } else {
                // A space drawn between Chinese words was typed, not left by extraction:
                // a no-break space tells the repairs to keep it.
                out[k].text = "\u{a0}".to_owned();
            }
        }
    }
    out
}

/// The text of a row; with three or more widely separated pieces, also its cells.
fn row_text(r: &Row) -> (String, Option<Vec<String>>) {
    let mut pieces: Vec<String> = vec![String::new()];
    let mut prev: Option<&G> = None;
    let glyphs = ideographic_spaces(&r.glyphs);
    for g in &glyphs {
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.advance);
            let em = g.size.max(p.size);
            let ascii = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric());
            let wide = |s: &str| s.chars().all(is_wide);
            if gap > 2.5 * em {
                pieces.push(String::new());
            } else if (0.8 * em..1.3 * em).contains(&gap) && wide(&p.text) && wide(&g.text) {
                // A one-character gap between Chinese characters is an ideographic space
                // (justified Chinese lines never stretch this far).
                if let Some(last) = pieces.last_mut() {
                    last.push('\u{3000}');
                }
            } else if (gap > 0.2 * em && (ascii(&p.text) || ascii(&g.text))) || gap > 0.8 * em {
                if let Some(last) = pieces.last_mut() {
                    // (A space glyph itself stands for the gap: 处 + a stretched space + 王.)
                    if !last.ends_with(' ') && !g.text.trim().is_empty() {
                        last.push(' ');
                    }
                }
            }
        }
        if let Some(last) = pieces.last_mut() {
            // A space glyph a full character wide is an ideographic space.
            if g.text.trim().is_empty() && g.advance > 0.8 * g.size {
                last.push('\u{3000}');
            } else {
                last.push_str(&g.text);
            }
        }
        prev = Some(g);
    }
    let pieces: Vec<String> = pieces.into_iter().map(|p| p.trim().to_owned()).collect();
    if pieces.len() >= 3 {
        (pieces.join(" "), Some(pieces))
    } else {
        // Two pieces far apart (two signing offices side by side, 联系人 and 电话) stay two:
        // an ideographic space, which the repair keeps, not a stray one it removes.
        (pieces.join("\u{3000}"), None)
    }
}

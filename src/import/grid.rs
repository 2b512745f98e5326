//! Ruled tables in positioned text: the rules drawn on a page give the cells, so a cell whose
//! text wraps over two lines, or an empty cell, stays one cell of one row.

use super::layout::G;

/// A straight rule on the page, in page coordinates (pt, y down).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// One end.
    pub a: (f64, f64),
    /// The other end.
    pub b: (f64, f64),
}

/// A rule in a reading frame: horizontal (`at` = y) or vertical (`at` = x), from `lo` to `hi`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    at: f64,
    lo: f64,
    hi: f64,
}

const TOL: f64 = 1.0;

/// A point in the reading frame of direction `dir`: along the baseline, then downwards.
fn frame(dir: (i8, i8), p: (f64, f64)) -> (f64, f64) {
    let (ux, uy) = (f64::from(dir.0), f64::from(dir.1));
    (p.0 * ux + p.1 * uy, -p.0 * uy + p.1 * ux)
}

/// The horizontal and vertical rules in the frame of `dir`.
fn segments(rules: &[Rule], dir: (i8, i8)) -> (Vec<Seg>, Vec<Seg>) {
    let (mut h, mut v) = (Vec::new(), Vec::new());
    for r in rules {
        let (a, b) = (frame(dir, r.a), frame(dir, r.b));
        if (a.1 - b.1).abs() < 0.5 && (a.0 - b.0).abs() > 3.0 {
            h.push(Seg {
                at: (a.1 + b.1) / 2.0,
                lo: a.0.min(b.0),
                hi: a.0.max(b.0),
            });
        } else if (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() > 3.0 {
            v.push(Seg {
                at: (a.0 + b.0) / 2.0,
                lo: a.1.min(b.1),
                hi: a.1.max(b.1),
            });
        }
    }
    (h, v)
}

/// The nearest rule before and after `pos` among those spanning `across`.
fn around(segs: &[Seg], pos: f64, across: f64) -> Option<(f64, f64)> {
    let spanning = || {
        segs.iter()
            .filter(move |s| s.lo - TOL <= across && across <= s.hi + TOL)
    };
    let before = spanning()
        .filter(|s| s.at <= pos)
        .map(|s| s.at)
        .fold(f64::NEG_INFINITY, f64::max);
    let after = spanning()
        .filter(|s| s.at > pos)
        .map(|s| s.at)
        .fold(f64::INFINITY, f64::min);
    (before.is_finite() && after.is_finite()).then_some((before, after))
}

/// One row of a ruled table: its glyphs (for its extent) and its cells' glyphs, left to right.
pub struct TableRow {
    /// Every glyph of the row.
    pub glyphs: Vec<G>,
    /// Each cell's glyphs, empty cells included.
    pub cells: Vec<Vec<G>>,
    /// A head of two rows read as one: the glyphs of each cell's title in the upper row (none
    /// where the cell spans both rows).
    pub groups: Option<Vec<Option<Vec<G>>>>,
}

/// A band of a ruled table before heads are merged: its top and bottom, the walls of its
/// cells and the glyphs in each.
struct Band {
    top: f64,
    bottom: f64,
    walls: Vec<f64>,
    cells: Vec<Vec<G>>,
    glyphs: Vec<G>,
}

/// Takes the glyphs that stand in ruled cells out of `glyphs` and returns them as table rows.
pub fn take_tables(glyphs: &mut Vec<G>, rules: &[Rule]) -> Vec<TableRow> {
    if rules.is_empty() {
        return Vec::new();
    }
    let mut dirs: Vec<(i8, i8)> = glyphs.iter().map(|g| g.dir).collect();
    dirs.sort();
    dirs.dedup();
    let mut out = Vec::new();
    for dir in dirs {
        let (h, v) = segments(rules, dir);
        if h.len() < 2 || v.len() < 2 {
            continue;
        }
        // Row band (top, bottom) of each glyph in a cell.
        let mut bands: Vec<((f64, f64), Vec<G>)> = Vec::new();
        let mut rest = Vec::with_capacity(glyphs.len());
        for g in glyphs.drain(..) {
            let mid_y = g.y - 0.35 * g.size;
            let mid_x = g.x + g.advance / 2.0;
            let cell = (g.dir == dir)
                .then(|| around(&h, mid_y, mid_x).zip(around(&v, mid_x, mid_y)))
                .flatten()
                .filter(|&(band, (left, right))| {
                    ruled_across(&h, band.0, mid_x, left, right)
                        && ruled_across(&h, band.1, mid_x, left, right)
                });
            match cell {
                Some((band, _)) => match bands
                    .iter_mut()
                    .find(|(b, _)| (b.0 - band.0).abs() < TOL && (b.1 - band.1).abs() < TOL)
                {
                    Some((_, gs)) => gs.push(g),
                    None => bands.push((band, vec![g])),
                },
                None => rest.push(g),
            }
        }
        *glyphs = rest;
        let empty = empty_bands(&bands, &h, &v);
        bands.extend(empty);
        let mut split: Vec<Band> = bands
            .into_iter()
            .map(|((top, bottom), gs)| {
                let walls = walls_within(&h, &v, (top, bottom), &gs);
                let mut cells: Vec<Vec<G>> = vec![Vec::new(); walls.len().saturating_sub(1)];
                for g in &gs {
                    let x = g.x + g.advance / 2.0;
                    if let Some(k) = walls.windows(2).position(|w| w[0] <= x && x < w[1]) {
                        cells[k].push(g.clone());
                    }
                }
                Band {
                    top,
                    bottom,
                    walls,
                    cells,
                    glyphs: gs,
                }
            })
            .collect();
        split.sort_by(|a, b| a.top.total_cmp(&b.top).then(b.bottom.total_cmp(&a.bottom)));
        out.extend(two_row_heads(split));
    }
    out
}

/// The bands as table rows, a head of two rows as one: a band as tall as two others (the
/// titles merged down: 序号, 单位) with an upper one (the group titles: 排查情况) and a lower
/// one (their columns' titles) between its rules.
fn two_row_heads(bands: Vec<Band>) -> Vec<TableRow> {
    let near = |a: f64, b: f64| (a - b).abs() < TOL;
    let mut out = Vec::new();
    let mut rest = bands.into_iter().peekable();
    while let Some(tall) = rest.next() {
        let mut parts = Vec::new();
        while parts.len() < 2 {
            match rest.peek() {
                Some(b)
                    if b.top >= tall.top - TOL
                        && b.bottom <= tall.bottom + TOL
                        && !near(b.bottom - b.top, tall.bottom - tall.top) =>
                {
                    parts.extend(rest.next());
                }
                _ => break,
            }
        }
        let head = match parts.as_slice() {
            [upper, lower]
                if near(upper.top, tall.top)
                    && near(upper.bottom, lower.top)
                    && near(lower.bottom, tall.bottom) =>
            {
                Some(merge_head(&tall, upper, lower))
            }
            _ => None,
        };
        match head {
            Some(row) => out.push(row),
            None => {
                for b in std::iter::once(tall).chain(parts) {
                    out.push(TableRow {
                        glyphs: b.glyphs,
                        cells: b.cells,
                        groups: None,
                    });
                }
            }
        }
    }
    out
}

/// One row of the lower band's cells: where the tall band has text over a cell it is the
/// column's title (spanning both rows), else the lower band's, under the upper band's cell
/// that covers it as its group.
fn merge_head(tall: &Band, upper: &Band, lower: &Band) -> TableRow {
    fn cell_at(b: &Band, x: f64) -> Option<&Vec<G>> {
        b.walls
            .windows(2)
            .position(|w| w[0] <= x && x < w[1])
            .and_then(|k| b.cells.get(k))
    }
    let mut cells = Vec::new();
    let mut groups = Vec::new();
    for (k, w) in lower.walls.windows(2).enumerate() {
        let mid = (w[0] + w[1]) / 2.0;
        let spanning = cell_at(tall, mid).filter(|c| !c.is_empty());
        match spanning {
            Some(c) => {
                cells.push(c.clone());
                groups.push(None);
            }
            None => {
                cells.push(lower.cells.get(k).cloned().unwrap_or_default());
                groups.push(cell_at(upper, mid).filter(|c| !c.is_empty()).cloned());
            }
        }
    }
    let glyphs = [&tall.glyphs, &upper.glyphs, &lower.glyphs]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    TableRow {
        glyphs,
        cells,
        groups: groups.iter().any(Option::is_some).then_some(groups),
    }
}

/// The extent of the rule at height `at` through `x`: its segments joined where they meet (a
/// table's rule drawn a cell at a time is one rule).
fn rule_through(h: &[Seg], at: f64, x: f64) -> Option<(f64, f64)> {
    let mut parts: Vec<(f64, f64)> = h
        .iter()
        .filter(|s| (s.at - at).abs() < TOL)
        .map(|s| (s.lo, s.hi))
        .collect();
    parts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut joined: Vec<(f64, f64)> = Vec::new();
    for (lo, hi) in parts {
        match joined.last_mut() {
            Some(last) if lo <= last.1 + TOL => last.1 = last.1.max(hi),
            _ => joined.push((lo, hi)),
        }
    }
    joined
        .into_iter()
        .find(|&(lo, hi)| lo - TOL <= x && x <= hi + TOL)
}

/// Whether the rule at `at` through `x` reaches both walls: a cell's walls stand on its rules.
/// The border of a box around a table (a web page's article frame) does not: the box's rules
/// run beyond the table's, or there is none under the table.
fn ruled_across(h: &[Seg], at: f64, x: f64, left: f64, right: f64) -> bool {
    rule_through(h, at, x).is_some_and(|(lo, hi)| lo - TOL <= left && right <= hi + TOL)
}

/// The walls of the band between the rules at `top` and `bottom`: the vertical rules crossing
/// it that stand within its rules' extent.
fn walls_within(h: &[Seg], v: &[Seg], (top, bottom): (f64, f64), gs: &[G]) -> Vec<f64> {
    let Some(g) = gs.first() else {
        return Vec::new();
    };
    let walls = crossing(v, (top + bottom) / 2.0);
    let x = g.x + g.advance / 2.0;
    // The wider of the two rules: the lower row of a two-row head has its top rule under its
    // group only, and the cells merged down beside it (序号, 单位) stand on its bottom rule.
    let extent = match (rule_through(h, top, x), rule_through(h, bottom, x)) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    };
    match extent {
        Some((lo, hi)) => walls
            .into_iter()
            .filter(|&x| lo - TOL <= x && x <= hi + TOL)
            .collect(),
        None => walls,
    }
}

/// Where the segments that cross the line at `across` stand, in order, near ones merged.
fn crossing(segs: &[Seg], across: f64) -> Vec<f64> {
    let mut at: Vec<f64> = segs
        .iter()
        .filter(|s| s.lo - TOL <= across && across <= s.hi + TOL)
        .map(|s| s.at)
        .collect();
    at.sort_by(f64::total_cmp);
    at.dedup_by(|a, b| (*a - *b).abs() < TOL);
    at
}

/// The rows of a ruled table that hold no text (blank rows to fill in): bands between two
/// consecutive horizontal rules of a table with text, inside its vertical rules. Each gets a
/// space glyph at its foot so that it keeps its place among the rows.
fn empty_bands(bands: &[((f64, f64), Vec<G>)], h: &[Seg], v: &[Seg]) -> Vec<((f64, f64), Vec<G>)> {
    let mut out: Vec<((f64, f64), Vec<G>)> = Vec::new();
    let taken = |out: &[((f64, f64), Vec<G>)], top: f64, bottom: f64| {
        bands
            .iter()
            .chain(out.iter())
            .any(|(b, _)| (b.0 - top).abs() < TOL && (b.1 - bottom).abs() < TOL)
    };
    for (_, gs) in bands {
        let Some(g) = gs.first() else { continue };
        let ats = crossing(h, g.x + g.advance / 2.0);
        for w in ats.windows(2) {
            let (top, bottom) = (w[0], w[1]);
            let walls = walls_within(h, v, (top, bottom), std::slice::from_ref(g));
            // A double rule (under a table head) is no row; nor is the space between a
            // table and a box drawn around it.
            let x = g.x + g.advance / 2.0;
            let closed = walls.len() >= 2
                && [top, bottom]
                    .iter()
                    .all(|&at| ruled_across(h, at, x, walls[0], walls[walls.len() - 1]));
            if bottom - top < 3.0 || !closed || taken(&out, top, bottom) {
                continue;
            }
            let left = walls[0];
            let space = G {
                text: " ".to_owned(),
                x: left + 1.0,
                y: bottom - 1.0,
                size: g.size,
                advance: 0.0,
                red: false,
                dir: g.dir,
                object: g.object,
            };
            out.push(((top, bottom), vec![space]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: f64, y: f64) -> G {
        G {
            text: text.into(),
            x,
            y,
            size: 10.0,
            advance: 10.0,
            red: false,
            dir: (1, 0),
            object: 0,
        }
    }

    #[test]
    fn a_wrapped_cell_and_an_empty_cell_stay_in_their_row() {
        let h = |y| Rule {
            a: (0.0, y),
            b: (90.0, y),
        };
        let v = |x| Rule {
            a: (x, 0.0),
            b: (x, 60.0),
        };
        let rules = [h(0.0), h(30.0), h(60.0), v(0.0), v(30.0), v(60.0), v(90.0)];
        let mut glyphs = vec![
            g("序", 5.0, 18.0),
            g("活", 35.0, 12.0),
            g("动", 35.0, 24.0),
            g("甲", 5.0, 48.0),
            g("正", 0.0, 80.0),
        ];
        let rows = take_tables(&mut glyphs, &rules);
        assert_eq!(glyphs.len(), 1);
        assert_eq!(rows.len(), 2);
        let counts: Vec<Vec<usize>> = rows
            .iter()
            .map(|r| r.cells.iter().map(Vec::len).collect())
            .collect();
        assert_eq!(counts, [vec![1, 2, 0], vec![1, 0, 0]]);
    }
}

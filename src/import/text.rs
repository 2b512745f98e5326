//! Plain text (UTF-8): one line per line, with whether it starts indented and follows a blank
//! line (how a paste marks paragraphs); a form feed or a page-number line ends a page;
//! tab-separated lines are table rows.

use super::lines::Line;
use super::repair::is_page_number;

/// Reads text (already decoded) into lines.
pub fn read(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let (mut page, mut line) = (1, 0);
    let mut blank = false;
    for raw in text.split('\n') {
        for (k, piece) in raw.split('\u{c}').enumerate() {
            if k > 0 {
                page += 1;
                line = 0;
            }
            let piece = piece.trim_end_matches('\r');
            line += 1;
            // A row of empty cells under a table (tabs only) is a blank row to fill in.
            let table_goes_on = out.last().is_some_and(|l: &Line| l.cells.is_some());
            if piece.trim().is_empty() && !(piece.contains('\t') && table_goes_on) {
                blank = true;
                continue;
            }
            let mut l = Line::plain(piece, page, line);
            l.indented = Some(piece.starts_with([' ', '\u{3000}', '\t', '\u{a0}']));
            l.after_blank = std::mem::take(&mut blank);
            if piece.contains('\t') {
                l.cells = Some(piece.split('\t').map(|c| c.trim().to_owned()).collect());
            }
            let ends_page = is_page_number(piece);
            out.push(l);
            if ends_page {
                page += 1;
                line = 0;
            }
        }
    }
    out
}

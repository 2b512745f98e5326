//! Plain text (UTF-8): one line per line, with whether it starts indented and follows a blank
//! line (how a paste marks paragraphs); a form feed or a page-number line ends a page;
//! tab-separated lines are table rows.

use super::lines::Line;
use super::repair::is_page_number;

/// Most undecodable bytes a damaged text may have per 100 characters and still be read.
const DAMAGE_PER_CENT: usize = 1;

/// A received text the strict decoding refused, read with its few undecodable bytes replaced
/// by U+FFFD: UTF-8 first, then GB18030 (a GBK text read as UTF-8 fails on most characters,
/// so it never passes for damaged UTF-8). `None` when it is binary or mostly undecodable.
pub fn decode_damaged(bytes: &[u8]) -> Option<(String, &'static encoding_rs::Encoding)> {
    [encoding_rs::UTF_8, encoding_rs::GB18030]
        .into_iter()
        .find_map(|encoding| {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let chars = text.chars().count();
            let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
            let binary = text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
            (!binary && bad * 100 <= chars * DAMAGE_PER_CENT).then(|| (text.into_owned(), encoding))
        })
}

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

//! Text pasted from an online document editor (飞书, 钉钉, 腾讯文档 copy as Markdown): its
//! marks are no text of the document. A title or heading after `#`, bold runs in `**`, a table
//! as `| a | b |` rows under a `| --- |` rule are read as the plain lines a paste of the
//! printed page gives (a table's row as tab-separated cells, as the text reader takes them).

/// Fewest lines that must carry Markdown marks before a text is read as Markdown: one `#` or
/// `**` may be the document's own.
const MIN_MARKED_LINES: usize = 2;

/// A Markdown text without its marks: its lines, and the line of the user's file each was.
#[derive(Debug)]
pub struct Plain {
    /// The text, a table's row a line of tab-separated cells.
    pub text: String,
    /// The 1-based line of the file each line of `text` was (its rules and marks gone).
    pub lines: Vec<usize>,
}

/// The text without its Markdown marks, or `None` when it carries none (then it is read as it is).
pub fn plain(text: &str) -> Option<Plain> {
    let marked = text.lines().filter(|l| marked(l)).count();
    if marked < MIN_MARKED_LINES {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut lines = Vec::new();
    for (k, line) in text.split('\n').enumerate() {
        let line = line.trim_end_matches('\r');
        // A grid table's rule (+----+----+) parts its rows: no text.
        let t = line.trim();
        if t.starts_with('+') && t.len() > 2 && t.chars().all(|c| "+-=: ".contains(c)) {
            continue;
        }
        if let Some(cells) = table_row(line) {
            if !cells.iter().all(|c| rule_cell(c)) {
                out.push_str(&cells.join("\t"));
                out.push('\n');
                lines.push(k + 1);
            }
            continue;
        }
        out.push_str(&without_marks(line));
        out.push('\n');
        lines.push(k + 1);
    }
    out.pop();
    Some(Plain { text: out, lines })
}

/// Whether a line carries a Markdown mark: a heading's `#`, a bold run, a table row.
fn marked(line: &str) -> bool {
    heading_text(line.trim_start()).is_some()
        || line.matches("**").count() >= 2
        || table_row(line).is_some()
}

/// The text of a heading line (`## 一、活动主题` → `一、活动主题`).
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ')).then(|| rest.trim_start())
}

/// A line with its heading mark and bold marks taken away.
fn without_marks(line: &str) -> String {
    let trimmed = line.trim_start();
    let text = heading_text(trimmed).unwrap_or(line);
    if text.matches("**").count() >= 2 {
        text.replace("**", "")
    } else {
        text.to_owned()
    }
}

/// A table row's cells (`| 1 | 武汉市 |` → 1, 武汉市); `None` for any other line.
fn table_row(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_owned()).collect();
    (cells.len() >= 2).then_some(cells)
}

/// A cell of the rule under a table's head (`---`, `:---:`).
fn rule_cell(cell: &str) -> bool {
    let c = cell.trim_matches(':');
    c.len() >= 3 && c.chars().all(|ch| ch == '-')
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn an_online_editor_s_markdown_is_read_as_the_printed_page() {
        let text = "# 关于开展活动的通知\n\n## 一、活动主题\n\n**（一）加强组织领导。**各地要高度重视。\n\n| 序号 | 市州 | 备注 |\n| --- | :---: | --- |\n| 1 |  |  |\n";
        assert_eq!(
            plain(text).unwrap().text,
            "关于开展活动的通知\n\n一、活动主题\n\n（一）加强组织领导。各地要高度重视。\n\n序号\t市州\t备注\n1\t\t\n"
        );
        // A grid table (an OA system's text export) without its rules.
        let grid = "+----+------+\n|序号|单位  |\n+----+------+\n|1   |甲镇  |\n+----+------+\n**一、**正文。";
        let read = plain(grid).unwrap();
        assert_eq!(read.text, "序号\t单位\n1\t甲镇\n一、正文。");
        // Each line keeps the number it has in the file.
        assert_eq!(read.lines, [2, 4, 6]);
        // A text with one mark of its own is read as it is.
        assert!(plain("# 号文件\n正文。").is_none());
    }
}

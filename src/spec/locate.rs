//! Finding where a field path (`sections[1].heading`) sits in the TOML source.

use toml::de::{DeTable, DeValue};

/// A 1-based (line, column) in characters for a byte offset into `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = &source[..floor_char_boundary(source, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One step of a field path: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            if i > 0 {
                out.push(Step::Key(rest[..i].to_owned()));
            }
            rest = &rest[i..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let end = stripped.find(']').unwrap_or(stripped.len());
                if let Ok(n) = stripped[..end].parse() {
                    out.push(Step::Index(n));
                }
                rest = stripped.get(end + 1..).unwrap_or("");
            }
        } else if !rest.is_empty() {
            out.push(Step::Key(rest.to_owned()));
        }
    }
    out
}

/// The byte offset of the value at `path`, or of its nearest existing ancestor.
pub fn offset_of(source: &str, path: &str) -> Option<usize> {
    let root = DeTable::parse(source).ok()?;
    let mut best = None;
    let mut table: Option<&DeTable> = Some(root.get_ref());
    let mut value: Option<&DeValue> = None;
    for step in steps(path) {
        match (step, table, value) {
            (Step::Key(k), Some(t), _) => {
                let Some((key, v)) = t.get_key_value(k.as_str()) else {
                    break;
                };
                best = Some(key.span().start);
                value = Some(v.get_ref());
                if let DeValue::String(_) | DeValue::Integer(_) | DeValue::Float(_) = v.get_ref() {
                    best = Some(v.span().start);
                }
                table = match v.get_ref() {
                    DeValue::Table(t) => Some(t),
                    _ => None,
                };
            }
            (Step::Index(i), _, Some(DeValue::Array(a))) => {
                let Some(item) = a.get(i) else { break };
                best = Some(item.span().start);
                value = Some(item.get_ref());
                table = match item.get_ref() {
                    DeValue::Table(t) => Some(t),
                    _ => None,
                };
            }
            _ => break,
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "title = \"关于\"\nx = 1\n";
        assert_eq!(line_col(src, src.find('x').unwrap()), (2, 1));
        assert_eq!(line_col(src, src.find('\"').unwrap() + 4), (1, 11));
    }

    #[test]
    fn missing_field_points_at_its_nearest_ancestor() {
        let src = "title = \"t\"\n[[annexes]]\ntitle = \"表\"\n";
        let off = offset_of(src, "annexes[0].rows").unwrap();
        assert_eq!(line_col(src, off).0, 2, "the [[annexes]] header");
    }

    #[test]
    fn offset_of_finds_nested_array_tables() {
        let src = "title = \"t\"\n[[sections]]\nheading = \"a\"\n[[sections]]\nheading = \"b\"\n";
        let off = offset_of(src, "sections[1].heading").unwrap();
        assert_eq!(line_col(src, off), (5, 11));
    }
}

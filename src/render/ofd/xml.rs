//! Small XML writing helpers for the OFD parts: escaping, numbers in millimetres, the namespace.

use std::fmt::Write;

/// The OFD namespace of GB/T 33190-2016, bound to the `ofd` prefix in every part.
pub const NAMESPACE: &str = "http://www.ofdspec.org/2016";

/// The XML declaration every part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// Millimetres per typographic point (typst lays out in points, OFD counts in millimetres).
pub const MM_PER_PT: f64 = 25.4 / 72.0;

/// Appends `text` escaped for element content or an attribute value; characters XML 1.0
/// cannot carry (control characters) are left out.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends a number with at most three decimals (a micrometre), without trailing zeros and
/// never as `-0`: the same value always gives the same bytes.
pub fn num_into(out: &mut String, v: f64) {
    let milli = (v * 1000.0).round();
    let milli = if milli == 0.0 || !milli.is_finite() {
        0
    } else {
        milli as i64
    };
    if milli < 0 {
        out.push('-');
    }
    let abs = milli.unsigned_abs();
    let _ = write!(out, "{}", abs / 1000);
    let frac = abs % 1000;
    if frac != 0 {
        let digits = format!("{frac:03}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

/// A number as [`num_into`] writes it.
pub fn num(v: f64) -> String {
    let mut out = String::new();
    num_into(&mut out, v);
    out
}

/// Numbers separated by spaces (an `ST_Array`, `ST_Box` or `ST_Pos`).
pub fn nums(values: &[f64]) -> String {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num_into(&mut out, *v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_to_a_micrometre_without_trailing_zeros() {
        assert_eq!(num(210.0), "210");
        assert_eq!(num(5.6444), "5.644");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(-0.0004), "0");
        assert_eq!(num(-12.5), "-12.5");
        assert_eq!(nums(&[0.0, 0.0, 210.0, 297.0]), "0 0 210 297");
    }

    #[test]
    fn markup_and_control_characters_are_escaped_or_dropped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

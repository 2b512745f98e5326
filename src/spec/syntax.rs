//! TOML syntax errors in Chinese: the parser's English phrases (`invalid basic string,
//! expected ...`, `invalid date, expected day between 01 and 28`) put into words office staff
//! read, with the literal characters it expected kept as they are.

/// Phrases of the TOML parser and date reader (toml, toml_parser, toml_datetime), longest
/// first where one contains another.
const PHRASES: &[(&str, &str)] = &[
    (
        "unexpected content between comment and newline",
        "注释之后、行尾之前有多余的内容",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "不能用带点的键扩展内联表",
    ),
    (
        "cannot extend value of type array with a dotted key",
        "不能用带点的键扩展数组",
    ),
    (
        "carriage return must be followed by newline",
        "回车符后须紧跟换行符",
    ),
    (
        "integers with a radix cannot be signed",
        "带进制前缀的整数不能带正负号",
    ),
    (
        "missing assignment between key-value pairs",
        "键和值之间缺少等号“=”",
    ),
    (
        "extra assignment between key-value pairs",
        "多了一个等号“=”",
    ),
    (
        "missing comma between key-value pairs",
        "内联表的键值对之间缺少逗号",
    ),
    (
        "missing comma between array elements",
        "数组元素之间缺少逗号",
    ),
    ("missing key for inline table element", "内联表的元素缺少键"),
    (
        "invalid multi-line literal string",
        "多行字面字符串（'''）没有正确结束",
    ),
    (
        "invalid multi-line basic string",
        "多行字符串（\"\"\"）没有正确结束",
    ),
    ("unquoted keys cannot be empty", "键不能为空"),
    ("missing inline table opening", "内联表缺少开头的“{”"),
    (
        "non-single-quote visible characters",
        "单引号以外的可见字符",
    ),
    (
        "non-double-quote visible characters",
        "双引号以外的可见字符",
    ),
    ("non-single-quote characters", "单引号以外的字符"),
    ("floating-point number overflowed", "小数超出范围"),
    ("string values must be quoted", "文字须放在引号中（\"……\"）"),
    ("too few unicode value digits", "Unicode 转义的位数不够"),
    ("redundant integer number prefix", "多余的整数前缀"),
    ("invalid inline table element", "内联表的元素无效"),
    ("extra comma in inline table", "内联表中多了一个逗号"),
    ("unicode hexadecimal value", "Unicode 十六进制值"),
    ("multi-line basic string", "多行字符串"),
    ("integer number overflowed", "整数超出范围"),
    ("invalid hexadecimal number", "十六进制数无效"),
    ("unexpected leading zero", "数字不能以 0 开头"),
    ("missing escaped value", "反斜杠“\\”后缺少转义字符"),
    ("missing opening quote", "缺少左引号"),
    ("missing array opening", "数组缺少开头的“[”"),
    ("invalid integer number", "整数无效"),
    ("invalid comment character", "注释中有不允许的控制字符"),
    ("unclosed inline table", "内联表缺少结尾的“}”"),
    ("unexpected key or value", "多余的键或值"),
    ("invalid key-value pair", "键值对无效"),
    ("redundant numeric sign", "多余的正负号"),
    ("radix must be lowercase", "进制前缀须为小写"),
    (
        "invalid unquoted key",
        "键中有不允许的字符（中文等须加引号）",
    ),
    ("invalid literal string", "字面字符串（单引号）没有正确结束"),
    (
        "invalid basic string",
        "字符串没有正确结束（缺少右引号“\"”，或含有换行等不允许的字符）",
    ),
    ("invalid octal number", "八进制数无效"),
    ("invalid binary number", "二进制数无效"),
    ("unclosed array table", "数组表的标题缺少结尾的“]]”"),
    ("extra comma in array", "数组中多了一个逗号"),
    ("missing value for key", "键缺少值"),
    ("missing table open", "缺少“[”"),
    ("missing comment start", "缺少“#”"),
    ("printable characters", "可打印字符"),
    ("unexpected content", "多余的内容"),
    ("invalid date-time", "日期时间无效"),
    ("invalid datetime", "日期无效"),
    ("invalid date", "日期无效"),
    ("invalid time", "时间无效"),
    ("invalid mantissa", "数字无效"),
    ("invalid exponent", "指数无效"),
    ("invalid fraction", "小数部分无效"),
    ("invalid boolean", "布尔值无效（应为 true 或 false）"),
    ("invalid string", "字符串无效"),
    ("invalid float", "小数无效"),
    ("invalid value", "值无效"),
    ("invalid table", "表无效"),
    ("invalid key", "键无效"),
    ("unclosed table", "表的标题缺少结尾的“]”"),
    ("unclosed array", "数组缺少结尾的“]”"),
    ("unexpected sign", "多余的正负号"),
    ("duplicate key", "键重复（同一个键写了两次）"),
    ("key with no value", "键没有值"),
    ("missing value", "缺少值"),
    ("literal string", "字面字符串"),
    (
        "day between 01 and 28",
        "01 至 28 之间的日（该月只有 28 天）",
    ),
    (
        "day between 01 and 29",
        "01 至 29 之间的日（该月只有 29 天）",
    ),
    (
        "day between 01 and 30",
        "01 至 30 之间的日（该月只有 30 天）",
    ),
    ("day between 01 and 31", "01 至 31 之间的日"),
    ("month between 01 and 12", "01 至 12 之间的月"),
    ("hour between 00 and 23", "00 至 23 之间的时"),
    ("minute between 00 and 59", "00 至 59 之间的分"),
    ("second between 00 and 60", "00 至 60 之间的秒"),
    ("a four-digit year (YYYY)", "四位数的年（YYYY）"),
    ("a two-digit month (MM)", "两位数的月（MM）"),
    ("a two-digit day (DD)", "两位数的日（DD）"),
    ("year or hour", "年或时"),
    ("whitespace", "空白"),
    ("newline", "换行"),
    ("digits", "数字"),
    ("nothing", "结束"),
    ("comment", "注释"),
    ("value", "值"),
];

/// The parser's message `description[, expected a, b]` in Chinese: 描述，应为 a、b.
pub fn chinese(message: &str) -> String {
    let message = message.trim();
    let (description, expected) = match message.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (message, None),
    };
    let mut out = phrase(description);
    if let Some(expected) = expected {
        let items: Vec<String> = expected.split(", ").map(phrase).collect();
        out.push_str("，应为 ");
        out.push_str(&items.join("、"));
    }
    out
}

/// One phrase translated, or kept when the table does not know it (a literal such as `` `"` ``).
fn phrase(s: &str) -> String {
    let s = s.trim();
    PHRASES
        .iter()
        .find(|(en, _)| *en == s)
        .map_or_else(|| s.to_owned(), |(_, zh)| (*zh).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_are_read_in_chinese() {
        assert_eq!(
            chinese("invalid date, expected day between 01 and 28"),
            "日期无效，应为 01 至 28 之间的日（该月只有 28 天）"
        );
        assert_eq!(
            chinese("invalid basic string, expected `\"`"),
            "字符串没有正确结束（缺少右引号“\"”，或含有换行等不允许的字符），应为 `\"`"
        );
        assert_eq!(chinese("duplicate key"), "键重复（同一个键写了两次）");
        assert_eq!(chinese("something new"), "something new");
    }

    /// Every real syntax error of the parser comes out without an English phrase the table
    /// knows (a regression guard when the toml crate changes its words).
    #[test]
    fn broken_specs_give_chinese_syntax_messages() {
        let cases = [
            "title = \"关于X的通知\ntitle2 = 1",
            "title = \"x\"\ntitle = \"y\"",
            "[signature]\ndate = 2026-02-30",
            "[signature]\ndate = 2026-13-01",
            "recipients = 各区",
            "opening = [\"a\" \"b\"]",
            "[header\nissuers = []",
            "fields = [{ label = \"x\" label2 = \"y\" }]",
            "title \"x\"",
            "sealed = yes",
        ];
        for src in cases {
            let err = src.parse::<toml::Table>().unwrap_err();
            let zh = chinese(err.message());
            for (en, _) in PHRASES.iter().filter(|(en, _)| en.len() > 8) {
                assert!(!zh.contains(en), "{src:?}: {zh}");
            }
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{src:?}: {zh}"
            );
        }
    }
}

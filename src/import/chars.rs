//! Characters a received file carries in place of the ones it shows: a browser's or a font's
//! PDF maps 人 to the Kangxi radical ⼈ (U+2F08) and fi to the ligature ﬁ, and writes a space
//! glyph as U+0001. Each is read as the character it stands for before anything is recognised,
//! so that 一、 numbers a heading and 宁波市人力资源和社会保障局 is a name again.

use super::lines::Line;
use super::repair::Repair;
use unicode_normalization::char::decompose_compatible;

/// The CJK radicals supplement (U+2E80–U+2EFF) as a simplified-Chinese font draws them: the
/// ideograph whose glyph each shares in Noto Sans CJK SC (a browser's PDF writes ⻔ for 门
/// and ⻛ for 风). Only ⺟ and ⻳ have a compatibility decomposition. Sorted; made by
/// `scripts/radical-equivalents.py`.
const SUPPLEMENT: [(char, char); 69] = [
    ('⺂', '乛'),
    ('⺃', '乚'),
    ('⺅', '亻'),
    ('⺉', '刂'),
    ('⺋', '㔾'),
    ('⺏', '尣'),
    ('⺐', '尢'),
    ('⺒', '巳'),
    ('⺓', '幺'),
    ('⺔', '彑'),
    ('⺕', '彐'),
    ('⺖', '忄'),
    ('⺘', '扌'),
    ('⺙', '攵'),
    ('⺛', '旡'),
    ('⺞', '歺'),
    ('⺟', '母'),
    ('⺠', '民'),
    ('⺡', '氵'),
    ('⺣', '灬'),
    ('⺤', '爫'),
    ('⺦', '丬'),
    ('⺨', '犭'),
    ('⺭', '礻'),
    ('⺯', '糹'),
    ('⺰', '纟'),
    ('⺱', '罓'),
    ('⺳', '㓁'),
    ('⺹', '耂'),
    ('⺺', '肀'),
    ('⺾', '艹'),
    ('⻂', '衤'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻈', '讠'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻌', '辶'),
    ('⻐', '钅'),
    ('⻑', '長'),
    ('⻒', '镸'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻖', '阝'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻟', '飠'),
    ('⻠', '饣'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻫', '斉'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻯', '竜'),
    ('⻰', '龙'),
    ('⻱', '龜'),
    ('⻲', '亀'),
    ('⻳', '龟'),
];

/// Kangxi radicals whose compatibility decomposition is a traditional form where the
/// simplified font draws the simplified one (⼾ U+2F3E: 戶 by NFKC, 户 on the page).
const KANGXI_SIMPLIFIED: [(char, char); 1] = [('⼾', '户')];

/// The character `c` stands for, when it is a stand-in.
fn standard(c: char) -> Option<char> {
    let listed = |table: &[(char, char)]| {
        table
            .binary_search_by_key(&c, |&(r, _)| r)
            .ok()
            .map(|i| table[i].1)
    };
    match c {
        '\u{2E80}'..='\u{2EFF}' => listed(&SUPPLEMENT),
        '\u{2F3E}' => listed(&KANGXI_SIMPLIFIED),
        // Kangxi radicals and the ligatures (ﬁ ﬂ …) of the alphabetic presentation forms:
        // their compatibility decomposition, when it is one character (ligatures are handled
        // apart: they stand for two).
        '\u{2F00}'..='\u{2FDF}' => {
            let mut out = Vec::new();
            decompose_compatible(c, |d| out.push(d));
            (out.len() == 1 && out[0] != c).then(|| out[0])
        }
        // The angle brackets of the technical block (a browser's PDF of 〈〉), canonically the
        // CJK ones: the fonts a 公文 is set in have only those.
        '\u{2329}' => Some('\u{3008}'),
        '\u{232A}' => Some('\u{3009}'),
        // Control characters a PDF's mapping gives for a space glyph.
        '\u{1}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' => Some(' '),
        _ => None,
    }
}

/// `text` with every stand-in replaced; how many there were.
pub fn normalise(text: &str) -> (String, usize) {
    let mut n = 0;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(s) = standard(c) {
            n += 1;
            out.push(s);
        } else if ('\u{FB00}'..='\u{FB06}').contains(&c) {
            n += 1;
            decompose_compatible(c, |d| out.push(d));
        } else {
            out.push(c);
        }
    }
    (out, n)
}

/// Every line (and table cell) with its stand-ins replaced; one repair says how many, from
/// the first line that had one.
pub fn normalise_lines(mut lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    let (mut total, mut touched, mut first) = (0, 0, None);
    for l in lines.iter_mut() {
        let (text, mut n) = normalise(&l.text);
        l.text = text;
        l.raw = normalise(&l.raw).0;
        for c in l.cells.iter_mut().flatten() {
            let (cell, k) = normalise(c);
            *c = cell;
            n += k;
        }
        if n > 0 {
            total += n;
            touched += 1;
            first.get_or_insert((l.page, l.line));
        }
    }
    let repairs = first.map(|(page, line)| Repair {
        page,
        line,
        what: format!(
            "{touched} 行共 {total} 个兼容字符（康熙部首、连字或控制字符）换为对应的规范字符"
        ),
    });
    (lines, repairs.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn kangxi_radicals_ligatures_and_control_spaces_read_as_what_they_stand_for() {
        let (t, n) = normalise("宁波市⼈⼒资源\u{1}⼀、ﬁle");
        assert_eq!(t, "宁波市人力资源 一、file");
        assert_eq!(n, 5);
        assert_eq!(normalise("（一）各地“安全生产月”").1, 0);
    }

    #[test]
    fn radicals_a_browser_s_pdf_writes_read_as_the_simplified_characters_drawn() {
        // Chromium's PDF of a portal page: 部⻔ 居⺠ ⻛险 ⻚ 包⼾.
        let (t, n) = normalise("强化部⻔协同，居⺠⻅⻓，⻛险预警第⻚，村组包⼾");
        assert_eq!(t, "强化部门协同，居民见长，风险预警第页，村组包户");
        assert_eq!(n, 7);
    }
}

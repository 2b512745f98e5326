//! Word boundaries (词) of Chinese text: where a title, a mark or a list may break a line
//! without splitting a word (GB/T 9704 §7.3.3: 回行时要做到词意完整).
//!
//! Words come from the ICU dictionary segmenter (the one typst itself links), refined by a
//! lexicon of compound terms of official writing (`templates/words.txt`: 安全生产, 领导小组,
//! 委员会 …) that the dictionary splits into shorter words.

use icu_segmenter::WordSegmenter;

/// Cost of a break inside a word: only when nothing else fits.
pub const INSIDE: f64 = 100.0;

/// Cost of a break that cuts a one-character fragment from its word (委员 / 会, 全 / 省).
pub const FRAGMENT: f64 = 30.0;

/// Cost of an ordinary break between two words.
pub const BETWEEN: f64 = 6.0;

/// Cost of a break at a lexicon word's edge, or after a function character (的, 和 …).
pub const FREE: f64 = 0.0;

/// Characters after which a break reads naturally (function words, closing marks).
const BREAK_AFTER: &[char] = &['的', '于', '和', '与', '及', '、', '》', '）', '”'];

/// One-character function words: a word of its own, never a fragment of the next one.
const FUNCTION: &[char] = &[
    '的', '于', '和', '与', '及', '在', '对', '把', '将', '等', '并', '或', '为', '向', '从', '由',
    '按', '以', '之',
];

/// Units after a number: 2026年 is one word.
const UNITS: &[char] = &[
    '年', '月', '日', '号', '个', '届', '次', '期', '名', '人', '项',
];

/// One-character prefixes that belong to the word after them (各 / 全 / 本 …).
const PREFIX: &[char] = &[
    '各', '全', '本', '该', '第', '每', '某', '新', '总', '副', '非', '首', '再', '近', '跨',
];

/// Compound terms that must not be split (`templates/words.txt`), one per line; the longest
/// first.
pub fn lexicon() -> &'static [&'static str] {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Vec<&str> = include_str!("../../templates/words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words
    })
}

/// Han numerals that count what follows them (一季度, 三批, 两项).
const NUMERALS: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千',
];

/// What a numeral counts or orders: a period, a batch, a kind (季度, 批, 类 …).
const MEASURES: &[char] = &[
    '季', '批', '类', '级', '期', '次', '届', '项', '轮', '号', '版', '周', '档', '星',
];

/// A numeral stays with the measure after it (一季度, not 年一 / 季度 as the dictionary has it),
/// and a date before it ends there (2025年 / 一季度).
fn numerals_with_their_measures(chars: &[char], bound: &mut [bool]) {
    for j in 0..chars.len().saturating_sub(1) {
        if !(NUMERALS.contains(&chars[j]) && MEASURES.contains(&chars[j + 1])) {
            continue;
        }
        bound[j + 1] = false;
        // The numeral's own start: after a run of numerals (二十 / 批 → 二十批).
        let mut start = j;
        while start > 0 && NUMERALS.contains(&chars[start - 1]) {
            start -= 1;
        }
        for slot in bound.iter_mut().take(j + 1).skip(start + 1) {
            *slot = false;
        }
        let after_date =
            start >= 2 && UNITS.contains(&chars[start - 1]) && chars[start - 2].is_ascii_digit();
        if after_date || (start > 0 && chars[start - 1] == '第') {
            bound[start] = after_date;
        }
    }
}

/// A date's unit stays with its digits and ends the word (2026年 / 春季, not 2026 / 年春 as the
/// dictionary has it); 年度 and 年级 are words of their own after the digits (2026 / 年度).
fn dates_with_their_units(chars: &[char], bound: &mut [bool]) {
    for j in 1..chars.len() {
        let next = chars.get(j + 1).copied();
        let own_word = chars[j] == '年' && matches!(next, Some('度' | '级'));
        if !(chars[j - 1].is_ascii_digit() && UNITS.contains(&chars[j])) || own_word {
            continue;
        }
        bound[j] = false;
        if next.is_some_and(is_han) {
            bound[j + 1] = true;
        }
    }
}

/// Whether `c` is a Han character (the only script the dictionary splits into words here).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
}

/// Cost of a line break before each character index `0..=chars.len()` as far as words are
/// concerned: [`INSIDE`], [`FRAGMENT`], [`BETWEEN`] or [`FREE`] (the two ends cost
/// [`BETWEEN`]; callers forbid them).
pub fn break_costs(chars: &[char]) -> Vec<f64> {
    let n = chars.len();
    let text: String = chars.iter().collect();
    let mut char_at_byte = vec![0usize; text.len() + 1];
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        char_at_byte[bi] = ci;
    }
    char_at_byte[text.len()] = n;

    // Word bounds of the dictionary segmenter, merged where a lexicon compound spans several.
    let segmenter = WordSegmenter::new_auto(Default::default());
    let mut bound = vec![false; n + 1];
    for b in segmenter.segment_str(&text) {
        bound[char_at_byte[b]] = true;
    }
    numerals_with_their_measures(chars, &mut bound);
    dates_with_their_units(chars, &mut bound);
    let icu = bound.clone();
    let mut edge = vec![false; n + 1];
    // Longer terms first (the lexicon's order); a shorter one never cuts a longer one it
    // stands in (专项 in 专项行动).
    let mut whole = vec![false; n + 1];
    for word in lexicon() {
        for (b, _) in text.match_indices(word) {
            let start = char_at_byte[b];
            let end = start + word.chars().count();
            // A term inside one dictionary word (科技 in 科技部) does not cut that word.
            let joins_words = (start + 1..end).any(|i| icu[i]);
            let is_a_word = icu[start] && icu[end];
            if !(joins_words || is_a_word) {
                continue;
            }
            if whole[start] || whole[end] {
                continue;
            }
            for i in start + 1..end {
                bound[i] = false;
                whole[i] = true;
            }
            bound[start] = true;
            bound[end] = true;
            edge[start] = true;
            edge[end] = true;
        }
    }
    let bounds: Vec<usize> = (0..=n).filter(|&i| bound[i]).collect();
    let tokens: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();

    // Which way a one-character word leans: to the word after it (a prefix: 全省, 主汛期 after
    // 2026年) or to the word before it (a suffix: 委员会, 开发区, 2026年).
    let single = |t: (usize, usize)| t.1 - t.0 == 1 && is_han(chars[t.0]);
    let closed = |t: (usize, usize)| {
        let c = chars[t.1 - 1];
        !is_han(c)
            || FUNCTION.contains(&c)
            || (UNITS.contains(&c) && t.1 >= 2 && chars[t.1 - 2].is_ascii_digit())
    };
    let leans_right: Vec<bool> = tokens
        .iter()
        .enumerate()
        .map(|(k, &t)| {
            let c = chars[t.0];
            if !single(t) || FUNCTION.contains(&c) {
                return false;
            }
            if UNITS.contains(&c) && t.0 > 0 && chars[t.0 - 1].is_ascii_digit() {
                return false;
            }
            PREFIX.contains(&c) || k == 0 || closed(tokens[k - 1])
        })
        .collect();
    let leans_left = |k: usize| {
        let t = tokens[k];
        single(t) && !FUNCTION.contains(&chars[t.0]) && !leans_right[k]
    };

    let mut cost = vec![INSIDE; n + 1];
    for k in 1..tokens.len() {
        let at = tokens[k].0;
        let a = chars[at - 1];
        cost[at] = if leans_right[k - 1] || leans_left(k) {
            FRAGMENT
        } else if BREAK_AFTER.contains(&a) || edge[at] {
            FREE
        } else {
            BETWEEN
        };
    }
    cost[0] = BETWEEN;
    cost[n] = BETWEEN;
    cost
}

/// Whether a line may end before index `i` of `chars` without splitting a word.
pub fn is_word_boundary(costs: &[f64], i: usize) -> bool {
    costs[i] < FRAGMENT
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaks(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let costs = break_costs(&chars);
        let mut out = Vec::new();
        let mut start = 0;
        for i in 1..chars.len() {
            if is_word_boundary(&costs, i) {
                out.push(chars[start..i].iter().collect());
                start = i;
            }
        }
        out.push(chars[start..].iter().collect());
        out
    }

    #[test]
    fn compounds_of_official_writing_stay_whole() {
        let w = breaks("关于做好全省安全生产形势分析工作的通知");
        assert!(w.contains(&"安全生产".to_owned()), "{w:?}");
        assert!(w.contains(&"全省".to_owned()), "{w:?}");
    }

    #[test]
    fn a_one_character_suffix_stays_with_its_word() {
        let w = breaks("中国国际贸易促进委员会、中国贸促会、五华区知识产权局办公室");
        for word in ["委员会", "贸促会", "五华区", "办公室"] {
            assert!(w.iter().any(|x| x.contains(word)), "{word}: {w:?}");
        }
    }

    #[test]
    fn unknown_words_are_segmented_by_the_dictionary() {
        // No word of this sentence is in the lexicon.
        let w = breaks("关于进一步规范城乡居民医疗保障待遇的意见");
        assert!(
            !w.iter().any(|x| x == "医" || x == "疗" || x == "障"),
            "{w:?}"
        );
        assert!(w.iter().any(|x| x.contains("医疗")), "{w:?}");
    }
}

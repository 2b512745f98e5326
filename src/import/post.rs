//! The furniture of a 公众号 post (a notice shared in a WeChat article, as county offices often
//! receive it): the byline (原创 遵义司法 2026年11月20日 18:05 贵州), follow prompts (点击蓝字
//! 关注我们, 长按识别二维码), END marks and arrows, the editor's credits (编辑：… 审核：…), the
//! buttons (分享 收藏 点赞 在看, 阅读原文) and the list of other posts (往期推荐 and the titles
//! after it). None of it is the document.

/// Credits a post gives on lines of their own (编辑：李娜).
const CREDITS: [&str; 16] = [
    "来源",
    "编辑",
    "责任编辑",
    "责编",
    "审核",
    "审校",
    "校对",
    "排版",
    "美编",
    "供稿",
    "图片",
    "图文",
    "文字",
    "初审",
    "复审",
    "终审",
];
/// Words of a post's buttons (a line of nothing else: `furniture`'s buttons rule reads them).
pub const BUTTONS: [&str; 10] = [
    "点赞",
    "在看",
    "阅读原文",
    "写留言",
    "留言",
    "赞",
    "推荐",
    "喜欢",
    "关注",
    "转发",
];
/// Headings of the list of other posts at a post's end: they and the titles after them go.
const OTHER_POSTS: [&str; 8] = [
    "往期推荐",
    "往期回顾",
    "推荐阅读",
    "相关阅读",
    "精彩推荐",
    "精彩回顾",
    "延伸阅读",
    "猜你喜欢",
];

/// Whether a sentence ends or runs on in `t` (a 公文's line; furniture has none).
fn sentence(t: &str) -> bool {
    t.contains(['，', '。', '；'])
}

/// A time of day written after a date (2026年11月20日 18:05): a post's timestamp.
fn timestamp(t: &str) -> bool {
    t.match_indices('日').any(|(i, _)| {
        let rest = t[i + '日'.len_utf8()..].trim_start();
        let h = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&h) && rest[h..].starts_with(':')
    })
}

/// Whether `text` (one pasted line) is a post's furniture.
pub fn is_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || sentence(&t) {
        return false;
    }
    let short = t.chars().count() <= 40;
    let symbols =
        t.chars().all(|c| !c.is_alphanumeric()) || matches!(t.as_str(), "END" | "-END-" | "—END—");
    let credit = CREDITS.iter().any(|c| {
        t.strip_prefix(c)
            .is_some_and(|r| r.starts_with(['：', ':']) && r.chars().count() <= 20)
    });
    symbols
        || (short && (t.starts_with("原创") || timestamp(text)))
        || (short && (t.contains("关注我们") || t.contains("二维码") || t.starts_with("点击蓝字")))
        || credit
}

/// The line of a post's account name: the first line, short and with no sentence or 关于 in
/// it, right above the post's byline (原创 … with its date and time).
pub fn account_name(lines: &[crate::import::lines::Line]) -> Option<usize> {
    let at = lines.iter().position(|l| !l.text.trim().is_empty())?;
    let name: String = lines[at].text.split_whitespace().collect();
    let byline = lines[at + 1..]
        .iter()
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| {
            let t = l.text.trim();
            is_furniture(t) && (t.starts_with("原创") || timestamp(t))
        });
    let n = name.chars().count();
    let plain = !sentence(&name) && !name.contains("关于") && !name.contains(['《', '〔']);
    (byline && plain && (2..=12).contains(&n)).then_some(at)
}

/// Whether `text` heads the list of other posts (往期推荐).
pub fn other_posts(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    OTHER_POSTS
        .iter()
        .any(|h| t.trim_matches(|c: char| !c.is_alphanumeric()) == *h)
}

#[cfg(test)]
mod tests {
    use super::other_posts;
    // Through the page's rules, which read a post's buttons.
    use crate::import::furniture::is_furniture;

    #[test]
    fn a_post_s_furniture_is_recognised_and_a_document_s_lines_are_not() {
        for t in [
            "原创 遵义司法 遵义司法 2026年11月20日 18:05 贵州",
            "遵义司法 2026年11月20日 18:05",
            "点击蓝字 关注我们",
            "长按识别二维码关注我们",
            "END",
            "▼",
            "编辑：李娜",
            "审核：张强",
            "来源：遵义市司法局",
            "分享 收藏 点赞 在看",
            "阅读原文",
            "阅读 2041",
        ] {
            assert!(is_furniture(t), "{t}");
        }
        for t in [
            "2026年11月20日",
            "遵义市司法局",
            "大力弘扬宪法精神 推进法治遵义建设",
            "联系人：王丽，电话：0851-28221234。",
            "一、活动主题",
            "12月4日 9:00在市民广场举行启动仪式，各地派员参加。",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
        assert!(other_posts("往期推荐") && other_posts("▌推荐阅读"));
        let lines = |ts: &[&str]| -> Vec<crate::import::lines::Line> {
            ts.iter()
                .enumerate()
                .map(|(i, t)| crate::import::lines::Line::plain(*t, 1, i + 1))
                .collect()
        };
        let byline = "原创 宁德市人民政府办公室 2026年05月08日 10:12 福建";
        assert_eq!(super::account_name(&lines(&["宁德发布", byline])), Some(0));
        assert_eq!(
            super::account_name(&lines(&["关于做好防汛工作的通知", byline])),
            None
        );
        assert_eq!(super::account_name(&lines(&["宁德发布", "各县："])), None);
        assert!(!other_posts("推荐阅读书目如下："));
    }
}

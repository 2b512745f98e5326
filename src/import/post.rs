//! The furniture of a 公众号 post (a notice shared in a WeChat article, as county offices often
//! receive it): the byline (原创 遵义司法 2026年11月20日 18:05 贵州), follow prompts (点击蓝字
//! 关注我们, 长按识别二维码), END marks and arrows, the editor's credits (编辑：… 审核：…), the
//! buttons (分享 收藏 点赞 在看, 阅读原文) and the list of other posts (往期推荐 and the titles
//! after it). None of it is the document.

use crate::import::lines::Line;

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
pub const BUTTONS: [&str; 12] = [
    "分享",
    "收藏",
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

/// Prompts of the WeChat reader copied with a post (继续滑动看下一个, 预览时标签不可点): furniture
/// whatever else the line holds.
const PROMPTS: [&str; 8] = [
    "滑动看下一个",
    "预览时标签不可点",
    "微信扫一扫",
    "轻点两下取消",
    "使用完整服务",
    "关注该公众号",
    "轻触阅读原文",
    "点击上方蓝字",
];

/// What stands in a copied post for a picture, a video or a sound (图片 alone on its line).
const MEDIA: [&str; 5] = ["图片", "图", "视频", "动图", "音频"];

/// Whether `c` is an emoji (📢 👇 ✅), which no 公文 prints: the pictographs and the dingbats,
/// not the stars of a 密级 (★ ☆).
pub fn emoji(c: char) -> bool {
    let u = u32::from(c);
    (0x1F000..=0x1FAFF).contains(&u)
        || (0x2700..=0x27BF).contains(&u)
        || ((0x2600..=0x26FF).contains(&u) && !matches!(u, 0x2605 | 0x2606))
        || matches!(u, 0x2B50 | 0x2B55 | 0x2B06 | 0x2B07 | 0x2934 | 0x2935)
}

/// A post's own line with emoji in it (📢 第39个爱国卫生月来啦！…👇): its editor's words, short.
fn emoji_line(t: &str) -> bool {
    t.chars().any(emoji) && t.chars().count() <= 60
}

/// Whether `text` is what the WeChat reader adds to a copied post: a prompt, a picture's
/// stand-in, an editor's emoji line, or a line of its buttons (分享 收藏 在看 点赞).
pub fn reader_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut words = text.split_whitespace().peekable();
    // (A prompt inside a sentence of the document, 请用微信扫一扫下方二维码报名。, is no prompt.)
    let prompt = t.chars().count() <= 30 && !t.contains('。');
    (prompt && PROMPTS.iter().any(|p| t.contains(p)))
        || emoji_line(&t)
        || MEDIA.contains(&t.as_str())
        || (words.peek().is_some() && words.all(|w| BUTTONS.contains(&w)))
}

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
    if reader_furniture(text) {
        return true;
    }
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

/// Whether `t` is a post's byline (原创 … with its date and time).
fn byline(t: &str) -> bool {
    let t = t.trim();
    is_furniture(t) && (t.starts_with("原创") || timestamp(t))
}

/// The indices of the first `n` lines with text from `from` on.
fn next_with_text(lines: &[Line], from: usize, n: usize) -> Vec<usize> {
    (from..lines.len())
        .filter(|&k| !lines[k].text.trim().is_empty())
        .take(n)
        .collect()
}

/// The line of a post's account name: the first line, short and with no sentence or 关于 in
/// it, right above the post's byline, or above the post's heading and then the byline.
pub fn account_name(lines: &[Line]) -> Option<usize> {
    let at = lines.iter().position(|l| !l.text.trim().is_empty())?;
    let name: String = lines[at].text.split_whitespace().collect();
    let byline = next_with_text(lines, at + 1, 2)
        .iter()
        .any(|&k| byline(&lines[k].text));
    let n = name.chars().count();
    let plain = !sentence(&name) && !name.contains("关于") && !name.contains(['《', '〔']);
    (byline && plain && (2..=12).contains(&n)).then_some(at)
}

/// The post's heading above its byline (河南省爱卫办关于…的通知) where the document's own title
/// follows the byline (河南省爱国卫生运动委员会办公室关于…的通知): the post's, not the document's.
pub fn heading(lines: &[Line]) -> Option<usize> {
    let by = lines.iter().take(8).position(|l| byline(&l.text))?;
    let at = (0..by).rev().find(|&k| !lines[k].text.trim().is_empty())?;
    let titled = |t: &str| {
        let t: String = t.split_whitespace().collect();
        t.contains("关于") && crate::spec::kind::ends_in_a_kind(&t)
    };
    let again = next_with_text(lines, by + 1, 12)
        .iter()
        .any(|&k| titled(&lines[k].text));
    (titled(&lines[at].text) && again).then_some(at)
}

/// Lines equal to the post's account name between its furniture at the end (健康河南 between
/// 继续滑动看下一个 and 向上滑动看下一个): the reader's, not the document's.
pub fn account_name_again(lines: &[Line], name: &str) -> Vec<usize> {
    let with_text: Vec<usize> = (0..lines.len())
        .filter(|&k| !lines[k].text.trim().is_empty())
        .collect();
    with_text
        .windows(3)
        .filter(|w| {
            let t: String = lines[w[1]].text.split_whitespace().collect();
            t == name
                && crate::import::furniture::is_furniture(&lines[w[0]].text)
                && crate::import::furniture::is_furniture(&lines[w[2]].text)
        })
        .map(|w| w[1])
        .collect()
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
            "📢 第39个爱国卫生月来啦！一起行动起来，共建健康家园👇",
            "✅ 爱国卫生 人人参与",
            "图片",
            "继续滑动看下一个",
            "预览时标签不可点",
            "微信扫一扫可打开此内容，使用完整服务",
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
            "秘密★1年",
            "请各单位组织干部职工用微信扫一扫下方二维码参加线上答题。",
            "请于5月10日前报送活动总结（含图片资料3至5张）。",
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

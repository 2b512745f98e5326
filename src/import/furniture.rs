//! A web page's furniture in pasted text: breadcrumbs, 来源/发布时间/浏览次数 lines, 字号 大 中 小,
//! 打印本页/关闭窗口/分享到, the site's footer (主办, 网站标识码, ICP备) and a 政务公开 page's
//! metadata table (索引号, 主题分类 …), and a 公众号 post's ([`super::post`]). None of it is the document: it is dropped before
//! recognition (and reported), so it is never taken as the issuer or the title.

use super::lines::Line;
use super::repair::Repair;

/// Words that only a web page's metadata line holds (浏览次数：986).
const PAGE_COUNTERS: [&str; 6] = [
    "浏览次数",
    "阅读次数",
    "点击数",
    "点击量",
    "访问量",
    "访问次数",
];
/// Labels of a page's metadata; two on one line make it a metadata line.
const PAGE_LABELS: &[&str] = &[
    "来源：",
    "发布时间：",
    "发布日期：",
    "信息来源：",
    "作者：",
    "编辑：",
    "责任编辑：",
    "索引号：",
    "主题分类：",
    "发文机关：",
    "成文日期：",
    "文号：",
    "发文字号：",
    "发布机构：",
    "发文日期：",
    "发布单位：",
    "所属机构：",
    "公开日期：",
    "实施日期：",
    "效力状态：",
    "时效性：",
    "有效性：",
    "公开方式：",
    "体裁分类：",
    "生成日期：",
    "组配分类：",
    "服务对象：",
    "公开范围：",
    "公开时限：",
    "信息分类：",
    "主题词：",
];
/// A site's top bar: its accessibility and language switches.
const TOP_BAR: [&str; 6] = ["无障碍", "长者模式", "适老化", "关怀版", "繁體", "English"];
/// A site footer's words.
const FOOTER: [&str; 6] = [
    "网站标识码",
    "ICP备",
    "公网安备",
    "版权所有",
    "技术支持：",
    "网站地图",
];
/// Buttons and links a copy picks up (字号 大 中 小 is handled apart).
const BUTTONS: &[&str] = &[
    "简",
    "繁",
    "EN",
    "登录",
    "注册",
    "退出",
    "个人中心",
    "打印本页",
    "打印",
    "关闭窗口",
    "关闭",
    "返回顶部",
    "收藏",
    "分享到",
    "分享",
    "扫一扫",
    "上一篇",
    "下一篇",
    "纠错",
    "我要纠错",
    "大中小",
    "字体",
    "字号",
];
/// Where a breadcrumb starts.
const TRAIL: [&str; 6] = [
    "首页",
    "当前位置",
    "您的位置",
    "您当前的位置",
    "您现在的位置",
    "所在位置",
];

/// Extensions of the files a web page offers for download with a notice (its annexes).
const FILE_EXTENSIONS: [&str; 12] = [
    ".docx", ".doc", ".xlsx", ".xls", ".pdf", ".wps", ".et", ".ofd", ".zip", ".rar", ".txt",
    ".pptx",
];

/// `name` without a downloadable file's extension (名单.docx → 名单).
pub fn without_file_extension(name: &str) -> &str {
    let lower = name.to_ascii_lowercase();
    FILE_EXTENSIONS
        .iter()
        .find(|e| lower.ends_with(*e) && name.len() > e.len())
        .map_or(name, |e| name[..name.len() - e.len()].trim_end())
}

/// The labels of a web page's list of files to download.
const DOWNLOAD_LABELS: [&str; 5] = ["相关附件", "附件下载", "下载附件", "相关文件", "相关下载"];

/// A line of a web page's download list: its label (相关附件：, 附件下载：) or a file's name
/// alone (名单.docx), not an item of the 附件说明 (附件：1.…, 2.…).
fn download_list(t: &str) -> bool {
    let label = DOWNLOAD_LABELS.contains(&t.trim_end_matches(['：', ':']));
    let file = without_file_extension(t).len() < t.len()
        && !t.starts_with("附件")
        && super::patterns::item_number(t).is_none()
        && !t.contains(['，', '。', '；']);
    label || file
}

/// Whether a pasted line is page furniture.
pub fn is_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let labels = PAGE_LABELS.iter().filter(|l| t.contains(*l)).count();
    let trail = TRAIL.iter().any(|w| t.starts_with(w)) && t.contains(['>', '＞', '»', '›']);
    trail
        || TRAIL[1..]
            .iter()
            .any(|w| t.starts_with(w) && t[w.len()..].starts_with(['：', ':']))
        || PAGE_COUNTERS.iter().any(|w| t.contains(w))
        || labels >= 2
        || (labels == 1 && t.starts_with("索引号"))
        || metadata_title(&t)
        || FOOTER.iter().any(|w| t.contains(w))
        || ((t.contains("主办：") || t.contains("主办单位："))
            && (t.contains("地址：") || t.contains("承办：") || t.contains("承办单位：")))
        || t.starts_with("上一篇")
        || t.starts_with("下一篇")
        || (t.starts_with("分享到") && t.chars().count() <= 40)
        || dated_source(&t)
        || (TOP_BAR.iter().any(|w| t.contains(w)) && !t.contains(['，', '。', '；']))
        || navigation(&t)
        || font_size_switch(&t)
        || download_list(&t)
        || buttons_only(text)
        || super::post::is_furniture(text)
}

/// A 政务公开 table's 标题 or 名称 row (标　　题：…的通知): the document's title as the site
/// lists it, not the title the document prints.
fn metadata_title(t: &str) -> bool {
    ["标题：", "名称：", "信息名称：", "文件名称："]
        .iter()
        .filter_map(|l| t.strip_prefix(l))
        .any(crate::spec::kind::ends_in_a_kind)
}

/// The page's date and time before its source (2026-12-04 16:30　来源：应急管理部网站).
fn dated_source(t: &str) -> bool {
    let labelled = ["来源：", "来源:"].iter().any(|l| t.contains(l));
    labelled && t.starts_with(|c: char| c.is_ascii_digit()) && t.chars().count() <= 60
}

/// A 政务公开 table copied a cell per line: a line that is a label alone (索  引  号：), whose
/// value is the next line.
fn label_alone(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    PAGE_LABELS.contains(&t.as_str())
        || ["标题：", "名称：", "发布日期：", "信息名称："].contains(&t.as_str())
}

/// Lines above a breadcrumb near the top (首页 > 政策 > 通知): the site's name, its menus and
/// switches, none a sentence; the index of the breadcrumb.
fn site_header_end(lines: &[Line]) -> Option<usize> {
    let at = lines.iter().take(HEADER_LINES).position(|l| {
        let t: String = l.text.split_whitespace().collect();
        TRAIL.iter().any(|w| t.starts_with(w)) && t.contains(['>', '＞', '»', '›'])
    })?;
    // (A site's name in English under its Chinese one is longer: MINISTRY OF NATURAL …)
    let latin = |t: &str| t.chars().all(|c| c.is_ascii() || c.is_whitespace());
    let short = |t: &str| t.chars().count() <= 60 || (latin(t) && t.chars().count() <= 120);
    lines[..at]
        .iter()
        .all(|l| short(&l.text) && !l.text.contains(['，', '。', '；']))
        .then_some(at)
}

/// Lines at the top of a page where its breadcrumb is looked for.
const HEADER_LINES: usize = 16;

/// A site's navigation bar copied as one run of its menu's words (首页政务公开政务服务…): it
/// starts with 首页 and holds no punctuation.
fn navigation(t: &str) -> bool {
    t.starts_with("首页")
        && t.chars().count() <= 40
        && !t.contains(|c: char| c.is_ascii_digit() || "，。；：、（）“”".contains(c))
}

/// Where a site's footer starts at the end of a page (网站地图, 主办：…承办：…, ICP备): that line
/// and every line after it, none a table row or a sentence (地址：…　邮编：…).
fn footer_start(lines: &[Line]) -> Option<usize> {
    let tail = lines.len().saturating_sub(FOOTER_LINES);
    let start = (tail..lines.len()).find(|&k| {
        let t: String = lines[k].text.split_whitespace().collect();
        FOOTER.iter().any(|w| t.contains(w))
            || FOOTER_STARTS.contains(&t.trim_end_matches(['：', ':']))
            || t.contains("运行维护单位")
            || ((t.contains("主办：") || t.contains("主办单位："))
                && (t.contains("地址：") || t.contains("承办：") || t.contains("承办单位：")))
    })?;
    lines[start..]
        .iter()
        .all(|l| l.cells.is_none() && !l.text.contains('。') && l.text.chars().count() <= 80)
        .then_some(start)
}

/// Lines at the end of a page where its footer is looked for.
const FOOTER_LINES: usize = 40;

/// Lines that start a page's footer when they stand alone near its end (a list of related
/// articles, the phone-view link): as words inside the document they are no furniture.
const FOOTER_STARTS: [&str; 6] = [
    "相关稿件",
    "相关新闻",
    "相关文章",
    "相关链接",
    "扫一扫在手机打开当前页",
    "扫一扫在手机上查看当前页",
];

/// 【字体：大 中 小】, [ 大 中 小 ], 字号：T|T|T.
fn font_size_switch(t: &str) -> bool {
    t.contains("大中小") && (t.contains("字") || t.len() <= "【大中小】".len() + 8)
}

/// A line of nothing but buttons: 【打印本页】　【关闭窗口】, 分享到：, 字号：【大】【中】【小】 打印 关闭.
fn buttons_only(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "【】[]|｜：:/".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    // A post's buttons (点赞, 在看) and its read count (阅读 2041) too.
    let count = |w: &&str| w.bytes().all(|b| b.is_ascii_digit());
    let button = |w: &&str| {
        BUTTONS.contains(w)
            || super::post::BUTTONS.contains(w)
            || matches!(*w, "大" | "中" | "小" | "阅读")
            || count(w)
            || buttons_run_together(w)
    };
    words.iter().any(|w| !count(w)) && words.iter().all(button)
}

/// Buttons of two characters or more copied without a space between them (打印本页关闭窗口).
fn buttons_run_together(word: &str) -> bool {
    let mut rest = word;
    while !rest.is_empty() {
        let longest = BUTTONS
            .iter()
            .filter(|b| b.chars().count() >= 2 && rest.starts_with(**b))
            .max_by_key(|b| b.len());
        match longest {
            Some(b) => rest = &rest[b.len()..],
            None => return false,
        }
    }
    word.chars().count() >= 4
}

/// How many ASCII digits `t` starts with.
fn digits(t: &str) -> usize {
    t.bytes().take_while(u8::is_ascii_digit).count()
}

/// A date and time as a browser prints it at the top of a page: 12/5/26, 7:25 PM, 2026/12/5
/// 19:25, 2026-12-05 下午7:25 (then the page's title).
fn printed_at(t: &str) -> bool {
    let mut rest = t;
    for _ in 0..2 {
        let n = digits(rest);
        if n == 0 || n > 4 {
            return false;
        }
        rest = &rest[n..];
        let Some(r) = rest.strip_prefix(['/', '-', '.']) else {
            return false;
        };
        rest = r;
    }
    let n = digits(rest);
    if n == 0 || n > 4 {
        return false;
    }
    let gap = |r: &str| r.len() > r.trim_start().len();
    let after = &rest[n..];
    rest = after.trim_start_matches([',', '，']).trim_start();
    if rest.len() == after.len() && !gap(after) && !rest.starts_with(['上', '下']) {
        return false;
    }
    rest = rest.trim_start_matches("上午").trim_start_matches("下午");
    let h = digits(rest);
    (1..=2).contains(&h) && rest[h..].starts_with(':') && digits(&rest[h + 1..]) == 2
}

/// A page count a browser prints: 1/2, 第1页，共2页, 1 of 2.
fn page_count(t: &str) -> bool {
    let t = t.trim_start_matches('第');
    let n = digits(t);
    if n == 0 {
        return false;
    }
    let rest = &t[n..];
    let rest = rest
        .strip_prefix('/')
        .or_else(|| rest.strip_prefix("页，共"))
        .or_else(|| rest.strip_prefix("页,共"))
        .or_else(|| rest.strip_prefix("of"));
    rest.is_some_and(|r| {
        let m = digits(r);
        m > 0 && matches!(&r[m..], "" | "页")
    })
}

/// A line a browser prints in a page's margin: the date and time with the page's title, or the
/// page's address with the page count (a web page printed to PDF).
pub fn is_browser_margin(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let address = ["http://", "https://", "file://"]
        .iter()
        .filter_map(|s| t.find(s))
        .min();
    printed_at(text.trim())
        || address.is_some_and(|at| {
            let after = &t[at..];
            let count: usize = after
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '/')
                .map(char::len_utf8)
                .sum();
            let only_address = !after.contains(|c: char| !c.is_ascii());
            (at == 0 && only_address)
                || page_count(&after[after.len() - count..])
                || page_count(&t[..at])
        })
}

/// A web page printed to PDF by a browser: its margin lines go, and its furniture as in
/// pasted text. A PDF without a browser's margins is left as it is.
pub fn strip_printed_page(lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    if !lines.iter().any(|l| is_browser_margin(&l.text)) {
        return (lines, Vec::new());
    }
    let mut repairs = Vec::new();
    let margin = |t: &str| {
        let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        is_browser_margin(t) || page_count(&bare)
    };
    let kept = drop_lines(lines, margin, "删除浏览器打印的页边文字", &mut repairs);
    let (kept, more) = strip(kept);
    repairs.extend(more);
    (kept, repairs)
}

/// Drops the furniture lines of pasted text, and the page's own heading when the document's
/// title repeats it below; each drop is reported.
pub fn strip(lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    let mut repairs = Vec::new();
    let mut lines = lines;
    if let Some(heading) = page_heading(&lines) {
        repairs.extend(
            lines
                .drain(heading)
                .map(|l| removed(&l, "删除网页标题", "（与公文标题重复）")),
        );
    }
    // A post's list of other posts: its heading and every line after it go.
    if let Some(at) = lines.iter().position(|l| super::post::other_posts(&l.text)) {
        repairs.extend(
            lines
                .drain(at..)
                .map(|l| removed(&l, "删除推文附带的其他文章", "")),
        );
    }
    // A post's account name (宁德发布) on the line above its byline (原创 … 2026年05月08日
    // 10:12 福建): the post's, not the document's mark.
    if let Some(at) = super::post::account_name(&lines) {
        let l = lines.remove(at);
        let name: String = l.text.split_whitespace().collect();
        repairs.push(removed(&l, "删除推文的公众号名称", ""));
        for at in super::post::account_name_again(&lines, &name)
            .into_iter()
            .rev()
        {
            let l = lines.remove(at);
            repairs.push(removed(&l, "删除推文的公众号名称", ""));
        }
    }
    if let Some(at) = super::post::heading(&lines) {
        let l = lines.remove(at);
        repairs.push(removed(&l, "删除推文标题", "（公文标题在后）"));
    }
    if let Some(at) = site_header_end(&lines) {
        repairs.extend(lines.drain(..at).map(|l| removed(&l, "删除网页页头", "")));
    }
    metadata_cells(&mut lines, &mut repairs);
    metadata_rows(&mut lines, &mut repairs);
    download_files(&mut lines, &mut repairs);
    if let Some(at) = footer_start(&lines) {
        repairs.extend(lines.drain(at..).map(|l| removed(&l, "删除网页页脚", "")));
    }
    let kept = drop_lines(lines, is_furniture, "删除网页附带的文字", &mut repairs);
    (kept, repairs)
}

/// The files listed under a download label (相关附件：), even those a page names as its
/// annexes (附件1.…登记表.xls): the list is the page's; the 附件说明 and the annexes are the
/// document's own.
fn download_files(lines: &mut Vec<Line>, repairs: &mut Vec<Repair>) {
    let Some(label) = lines.iter().position(|l| {
        let t: String = l.text.split_whitespace().collect();
        DOWNLOAD_LABELS.contains(&t.trim_end_matches(['：', ':']))
    }) else {
        return;
    };
    let files = lines[label + 1..]
        .iter()
        .take_while(|l| {
            let t = l.text.trim();
            without_file_extension(t).len() < t.len() && !t.contains(['，', '。', '；'])
        })
        .count();
    if files > 0 {
        repairs.extend(
            lines
                .drain(label..=label + files)
                .map(|l| removed(&l, "删除网页的附件下载列表", "")),
        );
    }
}

/// The report of a dropped line: `what`, the line's text quoted, then `note`.
pub(super) fn removed(l: &Line, what: &str, note: &str) -> Repair {
    Repair {
        page: l.page,
        line: l.line,
        what: format!("{what}“{}”{note}", l.text.trim()),
    }
}

/// A metadata table copied a cell per line: each label alone goes with its value after it; the
/// 发文字号's value stays where the page shows it nowhere else.
fn metadata_cells(lines: &mut Vec<Line>, repairs: &mut Vec<Repair>) {
    let mut k = 0;
    while k + 1 < lines.len() {
        let label: String = lines[k].text.split_whitespace().collect();
        let value = lines[k + 1].text.trim();
        let number = matches!(label.as_str(), "发文字号：" | "文号：")
            && !lines
                .iter()
                .enumerate()
                .any(|(j, l)| j != k + 1 && l.text.trim() == value);
        if number {
            let l = lines.remove(k);
            repairs.push(removed(
                &l,
                "删除网页的信息公开目录",
                "（其后的发文字号保留）",
            ));
            k += 1;
        } else if label_alone(&lines[k].text) {
            repairs.extend(
                lines
                    .drain(k..k + 2)
                    .map(|l| removed(&l, "删除网页的信息公开目录", "")),
            );
        } else {
            k += 1;
        }
    }
}

/// A metadata table copied a row per line, each a label and its value (公开方式：主动公开,
/// 发布机构：…, 文号：…): two or more such lines in a row go; a 文号's value stays, where the
/// page shows it nowhere else.
fn metadata_rows(lines: &mut Vec<Line>, repairs: &mut Vec<Repair>) {
    let row = |l: &Line| {
        let t: String = l.text.split_whitespace().collect();
        let label = PAGE_LABELS.iter().find(|p| t.starts_with(*p))?;
        let short = t.chars().count() <= 60 && !t.contains('。') && l.cells.is_none();
        short.then(|| (label.to_owned(), t[label.len()..].to_owned()))
    };
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| row(l).is_some()).count();
        if run < 2 {
            k += 1;
            continue;
        }
        let mut at = k;
        for _ in 0..run {
            let (label, value) = row(&lines[at]).expect("a metadata row");
            let number = matches!(label, "发文字号：" | "文号：")
                && !value.is_empty()
                && !lines.iter().any(|l| l.text.trim() == value);
            if number {
                repairs.push(removed(
                    &lines[at],
                    "删除网页的信息公开目录",
                    "（其后的发文字号保留）",
                ));
                lines[at].text = value;
                at += 1;
            } else {
                let l = lines.remove(at);
                repairs.push(removed(&l, "删除网页的信息公开目录", ""));
            }
        }
        k = at;
    }
}

/// `lines` without those (other than table rows) whose text is `furniture`, each drop reported
/// as `what` with the text.
fn drop_lines(
    lines: Vec<Line>,
    furniture: impl Fn(&str) -> bool,
    what: &str,
    repairs: &mut Vec<Repair>,
) -> Vec<Line> {
    lines
        .into_iter()
        .filter(|l| {
            // A 政务公开 table pasted with tabs (索引号：…	主题分类：…) is furniture too: every
            // cell a label's; a form's row is not.
            let labelled = |c: &String| {
                let c: String = c.chars().filter(|c| !c.is_whitespace()).collect();
                c.is_empty() || PAGE_LABELS.iter().any(|l| c.starts_with(l)) || metadata_title(&c)
            };
            // Or label and value in cells of their own (索引号：	K11010…	主题分类：	交通).
            let pairs = |cells: &Vec<String>| {
                cells.len() >= 2
                    && cells.iter().step_by(2).all(|c| {
                        let c = c.trim();
                        c.ends_with(['：', ':']) && c.chars().count() <= 8
                    })
            };
            let row_ok = l
                .cells
                .as_ref()
                .is_none_or(|cells| cells.iter().all(labelled) || pairs(cells));
            let drop = row_ok && furniture(&l.text);
            if drop {
                repairs.push(removed(l, what, ""));
            }
            !drop
        })
        .collect()
}

/// A web page's heading: the title standing above the document (on up to three lines where
/// the page wraps it), repeated as its title a few lines further down (with furniture or the
/// 发文字号 between, and wrapped as the document wraps it): the lines it takes.
fn page_heading(lines: &[Line]) -> Option<std::ops::Range<usize>> {
    let bare = |l: &Line| -> String { l.text.split_whitespace().collect() };
    let joined =
        |from: usize, n: usize| -> String { lines[from..from + n].iter().map(bare).collect() };
    // (Below the site's name and menus, which the page prints above its heading.)
    let starts = (0..lines.len().min(HEADER_LINES)).filter(|&k| !is_furniture(&lines[k].text));
    starts
        .flat_map(|at| (1..=3).map(move |n| (at, n)))
        .find_map(|(at, n)| {
            if at + n > lines.len() {
                return None;
            }
            let heading = joined(at, n);
            let titled = heading.contains("关于") && heading.chars().count() >= 8;
            let repeated = (at + n..lines.len().min(at + n + 12))
                .any(|from| (1..=3).any(|m| from + m <= lines.len() && joined(from, m) == heading));
            (titled && repeated).then_some(at..at + n)
        })
}

#[cfg(test)]
mod tests {
    use super::{is_browser_margin, is_furniture};

    #[test]
    fn a_browser_s_print_margins_are_recognised_and_a_document_s_lines_are_not() {
        for t in [
            "12/5/26, 7:25 PM                关于开展2026年度根治欠薪冬季专项行动的通知_通知公告",
            "2026/12/5 19:25    关于开展2026年度根治欠薪冬季专项行动的通知",
            "2026-12-05 下午7:25 通知公告",
            "file:///tmp/s5/w/qianxin.html                         1/1",
            "https://rsj.ningbo.gov.cn/art/2026/11/25/art_1229.html    2/3",
            "第1页，共2页    https://www.gov.cn/zhengce/content/202611.htm",
        ] {
            assert!(is_browser_margin(t), "{t}");
        }
        for t in [
            "2026年11月24日",
            "联系人：市劳动保障监察处 陈志刚，电话：0574-89180312，邮箱：nbldjc@163.com。",
            "请登录https://www.example.gov.cn/sb 填报，12月20日前完成。",
            "（一）全面排查。各地要于12月20日前完成排查。",
        ] {
            assert!(!is_browser_margin(t), "{t}");
        }
    }

    #[test]
    fn a_site_footer_goes_with_every_line_after_it_and_a_document_s_address_stays() {
        let lines = |texts: &[&str]| -> Vec<super::Line> {
            texts
                .iter()
                .map(|t| super::Line {
                    text: (*t).to_owned(),
                    ..Default::default()
                })
                .collect()
        };
        let page = lines(&[
            "宜春市人民政府办公室",
            "2026年12月1日",
            "网站地图 | 联系我们 | 隐私声明",
            "主办：宜春市人民政府办公室　承办：宜春市大数据发展中心",
            "地址：江西省宜春市袁州区宜阳大道1号　邮编：336000　联系电话：0795-3299012",
        ]);
        let (kept, _) = super::strip(page);
        let kept: Vec<&str> = kept.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, ["宜春市人民政府办公室", "2026年12月1日"]);
        let letter = lines(&[
            "特此函告。",
            "联系地址：宜春市袁州区宜阳大道1号　邮编：336000",
        ]);
        assert_eq!(super::strip(letter).0.len(), 2);
    }

    #[test]
    fn a_web_page_s_furniture_is_recognised() {
        for t in [
            "首页 > 政务公开 > 通知公告",
            "当前位置：首页 » 信息公开",
            "您当前的位置：首页 > 政务公开 > 通知公告",
            "[ 大 中 小 ]　　[ 打印 ]　　[ 关闭 ]",
            "发布时间：2026-05-07　　来源：洛阳市卫生健康委员会　　浏览次数：986",
            "来源：应急管理部网站　　发布时间：2026-04-21 16:05",
            "【字体：大 中 小】　　【打印】",
            "[ 大 中 小 ]　　[ 打印 ]　　[ 关闭 ]",
            "字号：【大】【中】【小】　　打印　　关闭",
            "【打印本页】　【关闭窗口】",
            "打印本页关闭窗口",
            "分享到：",
            "分享到：微信 微博 QQ空间",
            "索 引 号：K11010-0302-2026-0015",
            "主办：洛阳市卫生健康委员会　地址：洛阳市洛龙区开元大道218号",
            "主办：清源市人民政府办公室　承办：清源市大数据发展中心",
            "网站标识码：4103000045　　豫ICP备12016523号-1",
            "京ICP备18051578号　　京公网安备11010502038125号",
            "上一篇：柳州市开展个人信息保护专项检查　　下一篇：关于公布名单的公示",
            "标　　题：国家卫生健康委办公厅关于做好2027年元旦春节期间医疗服务保障工作的通知",
            "名称：\t宜春市人民政府办公室关于做好2027年春运工作的通知",
            "生成日期：\t2026-12-01\t主题分类：\t交通",
            "2026年12月2日 星期三　无障碍浏览　长者模式　English",
            "首页政务公开政务服务互动交流走进宜春",
        ] {
            assert!(is_furniture(t), "{t}");
        }
    }

    #[test]
    fn the_document_s_own_lines_are_not_furniture() {
        for t in [
            "关于开展2026年全民营养周和“5·20”中国学生营养日宣传活动的通知",
            "各县（市、区）卫生健康委（局）、教育局：",
            "（联系人及电话：市卫生健康委 王晓燕 0379-63256170）",
            "全民营养周主题：奶豆添营养 少油更健康。",
            "请于5月29日前将活动总结报送市卫生健康委，数据来源：统计年鉴。",
            "各地要及时关闭存在隐患的场所，打印并张贴安全提示。",
            "（三）加强宣传，扩大影响。各地要充分利用政务新媒体、网站首页等开设专栏。",
            "特此通知。",
            "主办单位：市委网信办、市教育局、市公安局",
        ] {
            assert!(!is_furniture(t), "{t}");
        }
    }
}

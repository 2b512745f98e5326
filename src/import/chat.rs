//! A notice copied out of a chat (钉钉, 浙政钉, 企业微信, 微信): what the chat puts around the
//! pasted text goes — each message's sender and time (县府办 王芳 12-08 09:14), its attachments
//! ([文件] 附件：进度表.xlsx) and the short replies of others after it (收到, 已阅).

use super::lines::Line;
use super::repair::Repair;

/// Most characters of a sender line (names and the time).
const SENDER_CHARS: usize = 32;

/// Most characters of a line of a reply (收到，谢谢王主任): a later message this short is no
/// part of the document.
const REPLY_CHARS: usize = 24;

/// The marks a chat puts before an attachment it lists in the conversation.
const ATTACHMENTS: [&str; 10] = [
    "[文件]",
    "[图片]",
    "[链接]",
    "[语音]",
    "[视频]",
    "【文件】",
    "【图片】",
    "【链接】",
    "[表情]",
    "[动画表情]",
];

/// `lines` without the chat's own lines; what went, for the import's report.
pub fn strip(lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    let mut repairs = Vec::new();
    let mut kept = Vec::with_capacity(lines.len());
    let mut senders = 0;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        let t = l.text.trim();
        if is_sender(t) {
            senders += 1;
            repairs.push(removed(l, "删除聊天记录的发送人和时间"));
            i += 1;
            // A later message: a reply of a few short lines goes whole.
            if senders > 1 {
                let end = lines[i..]
                    .iter()
                    .position(|m| is_sender(m.text.trim()))
                    .map_or(lines.len(), |k| i + k);
                let short = lines[i..end]
                    .iter()
                    .all(|m| m.text.trim().chars().count() <= REPLY_CHARS || attachment(&m.text));
                if short {
                    repairs.extend(lines[i..end].iter().map(|m| {
                        let what = if attachment(&m.text) {
                            "删除聊天中的文件消息"
                        } else {
                            "删除聊天中的回复"
                        };
                        removed(m, what)
                    }));
                    i = end;
                }
            }
            continue;
        }
        if attachment(t) {
            repairs.push(removed(l, "删除聊天中的文件消息"));
        } else {
            kept.push(l.clone());
        }
        i += 1;
    }
    // One line like a sender line alone is no chat: nothing goes.
    if senders == 0 {
        return (lines, Vec::new());
    }
    (kept, repairs)
}

/// A message's sender and time (县府办 王芳 12-08 09:14, 王芳 昨天 18:30, 分水镇 徐丽
/// 2026-12-08 09:20): short, no sentence, ending in a time of day after a name.
fn is_sender(t: &str) -> bool {
    if t.chars().count() > SENDER_CHARS || t.contains(['，', '。', '；', '：']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let [name, .., time] = words.as_slice() else {
        return false;
    };
    let named = name.chars().next().is_some_and(|c| !c.is_ascii());
    named && clock(time)
}

/// 09:14 or 9:14 (a time of day as chats print it).
fn clock(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    (1..=2).contains(&h.len()) && m.len() == 2 && digits(h) && digits(m)
}

/// A message that is a file, picture or link ([文件] 附件：进度表.xlsx).
fn attachment(t: &str) -> bool {
    let t = t.trim();
    ATTACHMENTS.iter().any(|a| t.starts_with(a))
}

/// The report of a dropped line.
fn removed(l: &Line, what: &str) -> Repair {
    super::furniture::removed(l, what, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line::plain(t, 1, i + 1))
            .collect()
    }

    #[test]
    fn a_chat_s_senders_attachments_and_replies_go_and_the_notice_stays() {
        let chat = "县府办 王芳 12-08 09:14\n桐政办发〔2026〕52号\n关于开展行动的通知\n各乡镇：\n正文一段。\n\n县府办 王芳 12-08 09:14\n[文件] 附件：进度表.xlsx\n分水镇 徐丽 12-08 09:20\n收到\n江南镇 方晓燕 12-08 09:42\n收到，谢谢王主任";
        let (kept, repairs) = strip(lines(chat));
        let texts: Vec<&str> = kept
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts,
            [
                "桐政办发〔2026〕52号",
                "关于开展行动的通知",
                "各乡镇：",
                "正文一段。"
            ]
        );
        assert_eq!(repairs.len(), 7, "{repairs:?}");
        assert!(
            repairs[2].what.starts_with("删除聊天中的文件消息"),
            "{repairs:?}"
        );
    }

    #[test]
    fn a_long_later_message_is_the_notice_going_on() {
        let long = "各乡镇要于12月20日前将实施方案报送县农业农村局，并明确联络员一名负责日常联系。";
        let chat = format!("王芳 09:14\n正文一段。\n王芳 09:15\n{long}");
        let (kept, _) = strip(lines(&chat));
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[1].text, long);
    }

    #[test]
    fn a_signature_line_with_a_date_is_no_sender() {
        assert!(!is_sender("桐庐县人民政府办公室 2026年12月5日"));
        assert!(!is_sender("联系人：陈建华 09:30"));
        assert!(is_sender("县府办 王芳 12-08 09:14"));
        assert!(is_sender("王芳 昨天 18:30"));
    }
}

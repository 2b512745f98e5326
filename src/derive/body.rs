//! The draft's body: the upstream's sections, each inherited, renamed, replaced or dropped by
//! the first rule that matches it (the profile's, then the defaults), with the office's blocks
//! (activities, schedule, requirements) and local sections placed among them.

use super::profile::{Action, Block, LocalSection, Rule};
use super::DeriveAs;
use crate::spec::Section;

/// The office's blocks, ready to place (absent blocks are not part of this derivation).
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    /// 有关要求.
    pub requirements: Option<Section>,
    /// 活动安排.
    pub activities: Option<Section>,
    /// 时间安排.
    pub schedule: Option<Section>,
    /// Blocks the office has no text of its own for: the upstream's sections a rule would
    /// replace with them are inherited instead.
    pub upstream: Vec<Block>,
}

impl Blocks {
    fn take(&mut self, b: Block) -> Option<Section> {
        match b {
            Block::Requirements => self.requirements.take(),
            Block::Activities => self.activities.take(),
            Block::Schedule => self.schedule.take(),
        }
    }
}

/// One drafted section and where it came from (for placing the rest).
struct Drafted {
    section: Section,
    requirements: bool,
}

/// Whether a section of the upstream, inherited, lost all it said (every sentence the upper
/// office's own arrangement, 业务培训 of the upper office's training): its heading alone goes too.
fn emptied(upstream: &Section, kept: &Section) -> bool {
    let said = !upstream.text.0.is_empty() || !upstream.sections.is_empty();
    said && kept.text.0.is_empty() && kept.sections.is_empty() && kept.phases.is_empty()
}

/// Builds the body from the upstream's sections. `inherit` applies the office's substitutions.
pub fn body(
    upstream: &[Section],
    rules: &[&Rule],
    as_: DeriveAs,
    mut blocks: Blocks,
    local: &[LocalSection],
    inherit: &mut dyn FnMut(&Section) -> Section,
) -> Vec<Section> {
    let mut out: Vec<Drafted> = Vec::new();
    for s in upstream {
        let rule = rules.iter().find(|r| r.matches(as_, &s.heading));
        let Some(rule) = rule else {
            let kept = inherit(s);
            if !emptied(s, &kept) {
                out.push(plain(kept));
            }
            continue;
        };
        match rule.action {
            Action::Inherit | Action::Rename => {
                let mut kept = inherit(s);
                // (总体要求 whose first part is 指导思想 keeps its heading: not one twice.)
                let below = |to: &str| {
                    kept.sections
                        .iter()
                        .any(|c| c.heading.trim_end_matches(['。', '．', '.', '：']) == to)
                };
                if let Some(to) = rule.to.as_deref().filter(|to| !below(to)) {
                    kept.heading = to.to_owned();
                }
                if !emptied(s, &kept) {
                    out.push(plain(kept));
                }
            }
            Action::Drop => {}
            Action::Replace => match rule.block {
                Some(b) if blocks.upstream.contains(&b) => out.push(Drafted {
                    section: inherit(s),
                    requirements: b == Block::Requirements,
                }),
                Some(b) => {
                    if let Some(mut section) = blocks.take(b) {
                        if let Some(to) = rule.to.as_deref() {
                            section.heading = to.to_owned();
                        }
                        out.push(Drafted {
                            section,
                            requirements: b == Block::Requirements,
                        });
                    }
                }
                None => out.push(plain(Section {
                    heading: rule.to.clone().unwrap_or_else(|| s.heading.clone()),
                    run_in: false,
                    text: rule.text.clone(),
                    sections: rule.sections.clone(),
                    numbering: s.numbering,
                    phases: Vec::new(),
                })),
            },
        }
    }
    // The blocks no rule placed: activities and schedule before the requirements, which close.
    let at = out.iter().position(|d| d.requirements).unwrap_or(out.len());
    let before: Vec<Drafted> = [blocks.activities.take(), blocks.schedule.take()]
        .into_iter()
        .flatten()
        .map(plain)
        .collect();
    out.splice(at..at, before);
    if let Some(section) = blocks.requirements.take() {
        out.push(Drafted {
            section,
            requirements: true,
        });
    }
    // Local sections: after the section they name, else before the requirements.
    for l in local
        .iter()
        .filter(|l| l.for_.is_empty() || l.for_.contains(&as_))
    {
        let after = l.after.as_deref().filter(|a| !a.is_empty()).and_then(|a| {
            out.iter()
                .rposition(|d| d.section.heading.contains(a))
                .map(|i| i + 1)
        });
        let at =
            after.unwrap_or_else(|| out.iter().position(|d| d.requirements).unwrap_or(out.len()));
        out.insert(at, plain(l.section()));
    }
    // An item whose only text was the upper office's own (its contact line) goes with it.
    let mut sections: Vec<Section> = out
        .into_iter()
        .map(|d| d.section)
        .filter(|s| {
            !(s.heading.is_empty()
                && s.text.0.is_empty()
                && s.sections.is_empty()
                && s.phases.is_empty())
        })
        .collect();
    standard_numbering_when_mixed(&mut sections);
    sections
}

/// The upstream's own numbering (items 1. 2. without 一、) is kept while the draft's sections
/// are all its; beside sections of the office's own they are numbered as GB/T 9704 orders.
fn standard_numbering_when_mixed(sections: &mut [Section]) {
    let set = sections.iter().filter(|s| s.numbering.is_some()).count();
    if set > 0 && set < sections.len() {
        sections.iter_mut().for_each(|s| s.numbering = None);
    }
}

fn plain(section: Section) -> Drafted {
    Drafted {
        section,
        requirements: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::profile::Words;

    fn s(h: &str) -> Section {
        Section {
            heading: h.into(),
            ..Section::default()
        }
    }

    fn rule(words: &[&str], action: Action) -> Rule {
        Rule {
            heading: Words(words.iter().map(|w| (*w).to_owned()).collect()),
            action,
            to: None,
            block: None,
            text: Default::default(),
            sections: Vec::new(),
            for_: Vec::new(),
        }
    }

    fn headings(v: &[Section]) -> Vec<&str> {
        v.iter().map(|s| s.heading.as_str()).collect()
    }

    #[test]
    fn without_rules_sections_are_kept_in_order_and_blocks_close() {
        let up = [s("甲"), s("乙")];
        let blocks = Blocks {
            requirements: Some(s("要求")),
            activities: Some(s("活动")),
            schedule: Some(s("日程")),
            upstream: Vec::new(),
        };
        let out = body(&up, &[], DeriveAs::Plan, blocks, &[], &mut |x| x.clone());
        assert_eq!(headings(&out), ["甲", "乙", "活动", "日程", "要求"]);
    }

    #[test]
    fn a_replaced_section_takes_the_block_and_the_others_go_before_it() {
        let up = [s("一般"), s("组织保障"), s("附言")];
        let mut r = rule(&["保障"], Action::Replace);
        r.block = Some(Block::Requirements);
        let blocks = Blocks {
            requirements: Some(s("要求")),
            activities: Some(s("活动")),
            schedule: None,
            upstream: Vec::new(),
        };
        let out = body(&up, &[&r], DeriveAs::Plan, blocks, &[], &mut |x| x.clone());
        assert_eq!(headings(&out), ["一般", "活动", "要求", "附言"]);
    }

    #[test]
    fn rename_drop_and_own_text_and_local_sections() {
        let up = [s("总体要求"), s("背景"), s("重点")];
        let mut rename = rule(&["总体"], Action::Rename);
        rename.to = Some("指导思想".into());
        let drop = rule(&["背景"], Action::Drop);
        let mut own = rule(&["重点"], Action::Replace);
        own.to = Some("本地重点".into());
        own.text = crate::spec::Paragraphs(vec!["本地文字".into()]);
        let local = LocalSection {
            heading: "本地一节".into(),
            run_in: false,
            text: Default::default(),
            sections: Vec::new(),
            after: Some("指导".into()),
            for_: Vec::new(),
        };
        let out = body(
            &up,
            &[&rename, &drop, &own],
            DeriveAs::Notice,
            Blocks::default(),
            std::slice::from_ref(&local),
            &mut |x| x.clone(),
        );
        assert_eq!(headings(&out), ["指导思想", "本地一节", "本地重点"]);
        assert_eq!(out[2].text.0, ["本地文字"]);
    }

    #[test]
    fn a_section_whose_first_part_bears_the_new_heading_keeps_its_own() {
        let mut up = s("总体要求");
        up.sections = vec![s("指导思想"), s("基本原则")];
        let mut rename = rule(&["总体"], Action::Rename);
        rename.to = Some("指导思想".into());
        let out = body(
            &[up],
            &[&rename],
            DeriveAs::Plan,
            Blocks::default(),
            &[],
            &mut |x| x.clone(),
        );
        assert_eq!(headings(&out), ["总体要求"]);
    }

    #[test]
    fn a_rule_for_plans_does_not_touch_a_notice() {
        let up = [s("总体要求")];
        let mut rename = rule(&["总体"], Action::Rename);
        rename.to = Some("指导思想".into());
        rename.for_ = vec![DeriveAs::Plan];
        let out = body(
            &up,
            &[&rename],
            DeriveAs::Notice,
            Blocks::default(),
            &[],
            &mut |x| x.clone(),
        );
        assert_eq!(headings(&out), ["总体要求"]);
    }
}

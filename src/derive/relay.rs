//! `--as relay`: a notice relaying the upstream document as it is (转发通知), with the office's
//! own arrangements before it and the upstream's annexes after it.

use super::ctx::Ctx;
use super::{issuer_of, number_of, opening_of, sections_of};
use crate::spec::year::expand;
use crate::spec::{DocKind, Enclosure, Paragraphs, Section, Signature, Spec};

/// The relaying notice.
pub fn relay(c: &mut Ctx) -> Spec {
    let recipients = c.recipients();
    let own = c.profile().relay.clone().unwrap_or_default();
    let request = own
        .request
        .as_deref()
        .unwrap_or(&c.d.patterns.relay_request);
    // The office's own arrangements follow the transmitting sentence: those a relaying
    // upstream added, made the office's, then the profile's.
    let mut sections = c.relayer_requirements();
    let passes_on = !sections.is_empty();
    sections.extend(
        c.local_sections()
            .iter()
            .filter(|l| l.for_.is_empty() || l.for_.contains(&c.as_))
            .map(super::profile::LocalSection::section),
    );
    // What the upstream asks to be reported, asked of the office's units by its own dates
    // after the transmitting sentence, where neither a relaying upstream's requirements (made
    // the office's) nor the profile's own sections say what they are to do.
    // They are numbered items after a request that leads to them.
    let reports = if sections.is_empty() {
        c.relay_reports()
    } else {
        Vec::new()
    };
    // One ask is no list: it follows the request in the transmitting sentence's paragraph.
    // Several follow a request that leads to them (the profile's too: …贯彻执行，并做好以下工作：).
    // (…请认真贯彻执行。各镇要结合实际制定…: what the ask says, the request does not repeat.)
    let said_in = |ask: &str| {
        let mut r = request.to_owned();
        for w in &c.d.patterns.relay_said_once {
            if ask.contains(w.as_str()) {
                r = r.replace(w.as_str(), "");
            }
        }
        r
    };
    let (request, reports) = match reports.as_slice() {
        [one] => (format!("{}{one}", said_in(one)), Vec::new()),
        [] => (request.to_owned(), reports),
        _ if own.request.is_some() => (leading_to_items(request, &c.d.patterns), reports),
        _ => (c.d.patterns.relay_request_items.clone(), reports),
    };
    sections.extend(reports.into_iter().map(|r| Section {
        text: Paragraphs(vec![r]),
        ..Section::default()
    }));
    // A relayed upstream is passed on as it came: the document it relays, not the relaying
    // notice (转发 of a 转发 names the original, as offices shorten it).
    // A document the upstream printed goes on as itself, cited by the number of the notice that
    // printed it.
    let enclosure = match c.upstream().transmitted() {
        Some(e) => Enclosure {
            number: e.number.clone().or_else(|| number_of(c.upstream())),
            ..e.clone()
        },
        None => relayed(c.upstream()),
    };
    // A relaying notice that came with the document it relays attached is passed on whole,
    // and named by that document, as the title of a 转发 of a 转发 is shortened.
    let verb = &c.d.patterns.relay_verb;
    // So is a notice that came with its own document attached (关于印发《××工作要点》的通知).
    let attached = super::relayed::attached(c.upstream()).or_else(|| {
        super::printed_document(c.upstream()).filter(|_| c.upstream().enclosure.is_none())
    });
    let title = attached
        .map(|y| crate::compose::transmitting_title(verb, &y.title))
        .unwrap_or_default();
    let request = match &c.upstream().transmit {
        Some(t) if passes_on && own.request.is_none() => t.as_str(),
        _ => request.as_str(),
    };
    let mut annexes = c.upstream().annexes.clone();
    annexes.extend(c.own_annexes());
    Spec {
        kind: DocKind::Cover,
        title,
        transmit_verb: Some(verb.clone()),
        recipients: Some(recipients),
        opening: Paragraphs(relay_opening(c, &own.opening.0)),
        transmit: Some(c.vars.fill(request)),
        notes: own.notes.clone(),
        contacts: c.contacts(),
        sections,
        enclosure: Some(enclosure),
        annexes,
        ..Spec::default()
    }
}

/// The upstream document as the relay's enclosure, word for word.
fn relayed(upstream: &Spec) -> Enclosure {
    let campaign = upstream.campaign.as_ref();
    let raw = crate::compose::cover_title(upstream);
    // The title may start with its issuers already, written with spaces or 、 between them.
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '、')
            .collect()
    };
    let issuer = issuer_of(upstream).filter(|i| {
        let expanded = expand(&raw, campaign).unwrap_or_else(|_| raw.clone());
        !bare(&expanded).starts_with(&bare(i))
    });
    let closing = match &upstream.enclosure {
        Some(e) if upstream.closing.0.is_empty() => e.closing.clone(),
        _ => upstream.closing.clone(),
    };
    Enclosure {
        title: format!("{}{raw}", issuer.unwrap_or_default()),
        number: number_of(upstream),
        recipients: upstream.recipients.clone(),
        opening: Paragraphs(opening_of(upstream).to_vec()),
        closing,
        sections: sections_of(upstream).to_vec(),
        signature: upstream.signature.as_ref().map(|s| Signature {
            issuer: s.issuer.clone(),
            issuers: s.issuers.clone(),
            date: s.date,
            sealed: s.sealed,
            signer: None,
            signer_role: None,
            seals: Vec::new(),
            seal_size_mm: None,
            after_enclosure: false,
        }),
        notes: upstream.notes.clone(),
        contacts: upstream.contacts.clone(),
    }
}

/// The relay's words before 现将《…》转发给你们: the profile's; else, for a general office
/// whose upstream was issued with its organ's approval (经省政府同意), its own organ's
/// (经区政府同意，).
fn relay_opening(c: &Ctx, own: &[String]) -> Vec<String> {
    if !own.is_empty() {
        return c.vars.fill_all(own);
    }
    c.approval().into_iter().collect()
}

/// The profile's own request made to lead to numbered items, as the default one does
/// (请认真贯彻执行。 → 请认真贯彻执行，并做好以下工作：); one that leads to them already stays.
fn leading_to_items(request: &str, p: &super::defaults::Patterns) -> String {
    if request.trim_end().ends_with('：') {
        return request.to_owned();
    }
    let plain = p.relay_request.trim_end_matches('。');
    let lead = p.relay_request_items.strip_prefix(plain).unwrap_or("：");
    format!("{}{lead}", request.trim_end().trim_end_matches('。'))
}

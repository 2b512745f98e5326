//! `new`: the commented starting specs of every kind (and of an office profile), one table for
//! the CLI's `gongwen new KIND` and the web app's 新建.

/// One starting template: its id (`gongwen new ID`), its Chinese name, its text.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The id on the command line and in the web app.
    pub id: &'static str,
    /// The name office staff know it by (文种).
    pub label: &'static str,
    /// The commented TOML.
    pub text: &'static str,
}

/// The id of the office-profile template (机关资料), which is not a spec.
pub const PROFILE: &str = "profile";

/// Every template: one per row of [`crate::spec::KINDS`], the office profile last.
pub static TEMPLATES: std::sync::LazyLock<Vec<Template>> = std::sync::LazyLock::new(|| {
    let kinds = crate::spec::KINDS.iter().map(|k| Template {
        id: k.id,
        label: k.name,
        text: k.template,
    });
    kinds
        .chain(std::iter::once(Template {
            id: PROFILE,
            label: "机关资料",
            text: include_str!("../../templates/new/profile.toml"),
        }))
        .collect()
});

/// The template with id `id`.
pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

/// Every id, for the command line's list of choices.
pub fn ids() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|t| t.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_spec_template_passes_check_and_the_profile_loads() {
        for t in TEMPLATES.iter() {
            let path = Path::new("new.toml");
            if t.id == PROFILE {
                let p: crate::derive::profile::Profile =
                    crate::spec::deserialize(t.text, path).unwrap();
                assert!(!p.office.name.is_empty());
                continue;
            }
            let report = crate::spec::check(t.text, path, crate::spec::Options::default())
                .unwrap_or_else(|e| panic!("{}: {e}", t.id));
            assert!(!report.has_errors(), "{}: {:?}", t.id, report.diagnostics);
        }
        assert_eq!(template("letter").unwrap().label, "函");
        assert!(template("memo").is_none());
    }
}

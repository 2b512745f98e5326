//! Writing a draft spec as readable TOML: tables in document order, comments, sections.

use crate::spec::{Annex, AnnexKind, Column, Field, ListGroup, Section};
use chrono::NaiveDate;

/// A TOML document built line by line (top-level keys first, then tables).
#[derive(Debug, Default)]
pub struct Toml {
    out: String,
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

impl Toml {
    /// A `# comment` line.
    pub fn comment(&mut self, text: &str) {
        self.out.push_str(&format!("# {text}\n"));
    }

    /// `key = "value"`.
    pub fn str(&mut self, key: &str, value: &str) {
        self.out.push_str(&format!("{key} = {}\n", quote(value)));
    }

    /// `key = ["a", "b"]`, one item per line when long.
    pub fn strs(&mut self, key: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
        if items.iter().map(String::len).sum::<usize>() < 60 {
            self.out
                .push_str(&format!("{key} = [{}]\n", items.join(", ")));
        } else {
            self.out.push_str(&format!("{key} = [\n"));
            for i in items {
                self.out.push_str(&format!("  {i},\n"));
            }
            self.out.push_str("]\n");
        }
    }

    /// `key = 1`.
    pub fn int(&mut self, key: &str, value: i64) {
        self.out.push_str(&format!("{key} = {value}\n"));
    }

    /// `key = true`.
    pub fn bool(&mut self, key: &str, value: bool) {
        self.out.push_str(&format!("{key} = {value}\n"));
    }

    /// `key = 2025-04-02`.
    pub fn date(&mut self, key: &str, value: NaiveDate) {
        self.out.push_str(&format!("{key} = {value}\n"));
    }

    /// `[name]`.
    pub fn table(&mut self, name: &str) {
        self.out.push_str(&format!("\n[{name}]\n"));
    }

    /// `[[name]]`.
    pub fn array_table(&mut self, name: &str) {
        self.out.push_str(&format!("\n[[{name}]]\n"));
    }

    /// `doc_number = { code = "…", year = 2025, serial = 2 }`.
    pub fn inline_doc_number(&mut self, code: &str, year: i32, serial: u32) {
        self.out.push_str(&format!(
            "doc_number = {{ code = {}, year = {year}, serial = {serial} }}\n",
            quote(code)
        ));
    }

    /// `groups = [{ label = …, items = […] }]`.
    pub fn groups(&mut self, groups: &[ListGroup]) {
        self.out.push_str("groups = [\n");
        for g in groups {
            let items: Vec<String> = g.items.iter().map(|i| quote(i)).collect();
            self.out.push_str(&format!(
                "  {{ label = {}, items = [{}] }},\n",
                quote(&g.label),
                items.join(", ")
            ));
        }
        self.out.push_str("]\n");
    }

    /// `fields = [{ label = …, value = … }]`.
    pub fn fields(&mut self, fields: &[Field]) {
        if fields.is_empty() {
            return;
        }
        let items: Vec<String> = fields
            .iter()
            .map(|f| {
                format!(
                    "{{ label = {}, value = {} }}",
                    quote(&f.label),
                    quote(&f.value)
                )
            })
            .collect();
        self.out
            .push_str(&format!("fields = [{}]\n", items.join(", ")));
    }

    /// `columns = ["…", { title = "…", width = 2 }]`.
    pub fn columns(&mut self, columns: &[Column]) {
        let items: Vec<String> = columns
            .iter()
            .map(|c| match c.width {
                Some(w) => format!("{{ title = {}, width = {w} }}", quote(&c.title)),
                None => quote(&c.title),
            })
            .collect();
        self.out
            .push_str(&format!("columns = [{}]\n", items.join(", ")));
    }

    /// `[[path]]` tables for nested sections, their subsections and phases.
    pub fn sections(&mut self, path: &str, sections: &[Section]) {
        for s in sections {
            self.array_table(path);
            self.str("heading", &s.heading);
            if s.run_in {
                self.bool("run_in", true);
            }
            match s.text.0.as_slice() {
                [] => {}
                [one] => self.str("text", one),
                many => self.strs("text", many),
            }
            self.sections(&format!("{path}.sections"), &s.sections);
            for p in &s.phases {
                self.array_table(&format!("{path}.phases"));
                self.str("name", &p.name);
                self.date("start", p.start);
                if let Some(e) = p.end {
                    self.date("end", e);
                }
                self.str("text", &p.text);
            }
        }
    }

    /// `[[annexes]]`: an annex as written in a spec (a relayed document's own annexes).
    pub fn annex(&mut self, a: &Annex) {
        self.array_table("annexes");
        self.str("title", &a.title);
        let kind = match a.kind {
            AnnexKind::Text => "text",
            AnnexKind::List => "list",
            AnnexKind::Table => "table",
        };
        self.str("kind", kind);
        self.strs("text", &a.text.0);
        if !a.groups.is_empty() {
            self.groups(&a.groups);
        }
        self.fields(&a.fields);
        if !a.columns.is_empty() {
            self.columns(&a.columns);
        }
        if !a.rows.is_empty() {
            self.out.push_str("rows = [\n");
            for row in &a.rows {
                let cells: Vec<String> = row.iter().map(|c| quote(c)).collect();
                self.out.push_str(&format!("  [{}],\n", cells.join(", ")));
            }
            self.out.push_str("]\n");
        }
        if a.blank_rows > 0 {
            self.int("blank_rows", i64::from(a.blank_rows));
        }
        if let Some(l) = a.landscape {
            self.bool("landscape", l);
        }
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

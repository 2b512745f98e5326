//! The form's view of a TOML file: TOML → JSON for the browser, and the browser's edited JSON
//! merged back into the TOML text with its comments, key order and layout kept (toml_edit), so
//! the file stays the office's own and the CLI keeps working on it.
//!
//! Dates travel as `{"$date": "2026-04-01"}`, so a date stays a TOML date and a string that
//! merely looks like one stays a string.

use serde_json::{Map, Value as Json};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

/// The key of the object that stands for a TOML date or date-time.
const DATE: &str = "$date";

/// The JSON form of TOML text, or the parse error's message.
pub fn to_json(text: &str) -> Result<Json, String> {
    let doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.to_string())?;
    Ok(table_json(doc.as_table()))
}

/// `base` with `data` merged in: changed values replaced in place (their comments kept), keys
/// missing from `data` removed, new keys appended. `base` that does not parse is replaced.
pub fn merge(base: &str, data: &Json) -> Result<String, String> {
    let Json::Object(object) = data else {
        return Err("表单数据须是一个对象".into());
    };
    let mut doc: DocumentMut = base.parse().unwrap_or_default();
    merge_table(doc.as_table_mut(), object, true)?;
    Ok(doc.to_string())
}

fn table_json(table: &dyn TableLike) -> Json {
    Json::Object(
        table
            .iter()
            .filter_map(|(k, item)| Some((k.to_owned(), item_json(item)?)))
            .collect(),
    )
}

fn item_json(item: &Item) -> Option<Json> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(value_json(v)),
        Item::Table(t) => Some(table_json(t)),
        Item::ArrayOfTables(a) => Some(Json::Array(a.iter().map(|t| table_json(t)).collect())),
    }
}

fn value_json(value: &Value) -> Json {
    match value {
        Value::String(s) => Json::String(s.value().clone()),
        Value::Integer(i) => Json::from(*i.value()),
        Value::Float(f) => serde_json::Number::from_f64(*f.value())
            .map_or_else(|| Json::String(f.value().to_string()), Json::Number),
        Value::Boolean(b) => Json::Bool(*b.value()),
        Value::Datetime(d) => {
            let mut m = Map::new();
            m.insert(DATE.into(), Json::String(d.value().to_string()));
            Json::Object(m)
        }
        Value::Array(a) => Json::Array(a.iter().map(value_json).collect()),
        Value::InlineTable(t) => table_json(t),
    }
}

/// Merges `object` into `table`. `block` says whether new tables may be written as `[table]`
/// blocks (not inside an inline table or array).
fn merge_table(
    table: &mut dyn TableLike,
    object: &Map<String, Json>,
    block: bool,
) -> Result<(), String> {
    let gone: Vec<String> = table
        .iter()
        .map(|(k, _)| k.to_owned())
        .filter(|k| object.get(k).is_none_or(Json::is_null))
        .collect();
    for k in gone {
        table.remove(&k);
    }
    for (key, json) in object {
        if json.is_null() {
            continue;
        }
        match table.get_mut(key) {
            Some(item) => merge_item(item, json, block).map_err(|e| at(key, e))?,
            None => {
                let item = new_item(json, block).map_err(|e| at(key, e))?;
                table.insert(key, item);
            }
        }
    }
    Ok(())
}

fn at(key: &str, message: String) -> String {
    format!("字段 {key}: {message}")
}

fn merge_item(item: &mut Item, json: &Json, block: bool) -> Result<(), String> {
    match (&mut *item, json) {
        (Item::Table(t), Json::Object(o)) if !is_date(o) => merge_table(t, o, true),
        (Item::ArrayOfTables(a), Json::Array(list)) if all_tables(list) => merge_tables(a, list),
        (Item::Value(v), _) => merge_value(v, json),
        _ => {
            *item = new_item(json, block)?;
            Ok(())
        }
    }
}

fn merge_tables(array: &mut ArrayOfTables, list: &[Json]) -> Result<(), String> {
    while array.len() > list.len() {
        array.remove(array.len() - 1);
    }
    for (i, json) in list.iter().enumerate() {
        let Json::Object(o) = json else { continue };
        match array.get_mut(i) {
            Some(t) => merge_table(t, o, true).map_err(|e| format!("第 {} 项：{e}", i + 1))?,
            None => {
                let mut t = Table::new();
                merge_table(&mut t, o, true)?;
                array.push(t);
            }
        }
    }
    Ok(())
}

fn merge_value(value: &mut Value, json: &Json) -> Result<(), String> {
    if value_json(value) == *json {
        return Ok(());
    }
    match (&mut *value, json) {
        (Value::InlineTable(t), Json::Object(o)) if !is_date(o) => merge_table(t, o, false),
        (Value::Array(a), Json::Array(list)) => {
            while a.len() > list.len() {
                a.remove(a.len() - 1);
            }
            for (i, j) in list.iter().enumerate() {
                match a.get_mut(i) {
                    Some(v) => merge_value(v, j)?,
                    None => a.push_formatted(new_value(j)?),
                }
            }
            Ok(())
        }
        _ => {
            let decor = value.decor().clone();
            *value = new_value(json)?;
            *value.decor_mut() = decor;
            Ok(())
        }
    }
}

fn new_item(json: &Json, block: bool) -> Result<Item, String> {
    match json {
        Json::Object(o) if block && !is_date(o) => {
            let mut t = Table::new();
            merge_table(&mut t, o, true)?;
            Ok(Item::Table(t))
        }
        Json::Array(list) if block && !list.is_empty() && all_tables(list) => {
            let mut a = ArrayOfTables::new();
            merge_tables(&mut a, list)?;
            Ok(Item::ArrayOfTables(a))
        }
        _ => Ok(Item::Value(new_value(json)?)),
    }
}

fn new_value(json: &Json) -> Result<Value, String> {
    Ok(match json {
        Json::Null => return Err("不能为空值".into()),
        Json::Bool(b) => Value::from(*b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Value::from(i),
            (None, Some(f)) => Value::from(f),
            _ => return Err(format!("数字 {n} 超出范围")),
        },
        Json::String(s) => Value::from(s.as_str()),
        Json::Object(o) if is_date(o) => {
            let text = o.get(DATE).and_then(Json::as_str).unwrap_or_default();
            let date: toml_edit::Datetime = text
                .parse()
                .map_err(|_| format!("日期“{text}”格式不对，应为 2026-04-01"))?;
            Value::from(date)
        }
        Json::Object(o) => {
            let mut t = InlineTable::new();
            merge_table(&mut t, o, false)?;
            Value::InlineTable(t)
        }
        Json::Array(list) => {
            let mut a = Array::new();
            for j in list {
                a.push_formatted(new_value(j)?);
            }
            Value::Array(a)
        }
    })
}

fn is_date(o: &Map<String, Json>) -> bool {
    o.len() == 1 && o.contains_key(DATE)
}

fn all_tables(list: &[Json]) -> bool {
    list.iter()
        .all(|j| matches!(j, Json::Object(o) if !is_date(o)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SPEC: &str = r#"# 红头通知
kind = "notice"
# 标题
title = "关于开展{year}年宣传周活动的通知"   # 末尾不加标点
opening = ["第一段。"]

[header]                   # 版头
issuers = ["某市知识产权局"]
doc_number = "某知发〔2026〕1号"

[[sections]]               # 一、
heading = "活动时间"
text = "{campaign}。"

[[sections]]
heading = "有关要求"
[[sections.sections]]      # （一）
heading = "加强组织领导。"
run_in = true

[signature]
issuer = "某市知识产权局"
date = 2026-04-01
fields = [{ label = "单位名称" }, { label = "填表时间" }]
"#;

    #[test]
    fn toml_becomes_json_with_dates_marked() {
        let j = to_json(SPEC).unwrap();
        assert_eq!(j["title"], "关于开展{year}年宣传周活动的通知");
        assert_eq!(j["sections"][1]["sections"][0]["run_in"], true);
        assert_eq!(j["signature"]["date"], json!({"$date": "2026-04-01"}));
        assert_eq!(j["signature"]["fields"][1]["label"], "填表时间");
        assert!(to_json("title = ").is_err());
    }

    #[test]
    fn unchanged_data_gives_back_the_text_byte_for_byte() {
        let j = to_json(SPEC).unwrap();
        assert_eq!(merge(SPEC, &j).unwrap(), SPEC);
    }

    #[test]
    fn an_edit_changes_only_its_value_and_keeps_every_comment() {
        let mut j = to_json(SPEC).unwrap();
        j["title"] = json!("关于开展{year}年科技活动周活动的通知");
        j["sections"][1]["sections"][0]["heading"] = json!("强化宣传引导。");
        j["signature"]["date"] = json!({"$date": "2026-04-03"});
        let out = merge(SPEC, &j).unwrap();
        assert!(
            out.contains("title = \"关于开展{year}年科技活动周活动的通知\"   # 末尾不加标点"),
            "{out}"
        );
        assert!(out.contains("[[sections.sections]]      # （一）\nheading = \"强化宣传引导。\""));
        assert!(out.contains("date = 2026-04-03\n"));
        for comment in ["# 红头通知", "# 标题", "# 版头", "# 一、"] {
            assert!(out.contains(comment), "{comment} lost:\n{out}");
        }
        assert_eq!(to_json(&out).unwrap(), j);
    }

    #[test]
    fn sections_added_removed_and_moved_come_out_as_tables() {
        let mut j = to_json(SPEC).unwrap();
        let sections = j["sections"].as_array_mut().unwrap();
        sections.swap(0, 1);
        sections.push(json!({"heading": "工作要求", "paragraphs": ["第一段。", "第二段。"]}));
        j["annexes"] = json!([{"title": "报名表", "kind": "table", "columns": ["姓名", "单位"],
                               "rows": [["张三", "某局"]]}]);
        j.as_object_mut().unwrap().remove("opening");
        j["colophon"] = json!({"printer": "某局办公室", "print_date": {"$date": "2026-04-01"}});
        let out = merge(SPEC, &j).unwrap();
        assert!(!out.contains("opening"), "{out}");
        // New keys come in the order the form gave them.
        assert!(
            out.contains("[[annexes]]\ntitle = \"报名表\"\nkind = \"table\""),
            "{out}"
        );
        assert!(out.contains("[colophon]\nprinter = \"某局办公室\"\nprint_date = 2026-04-01"));
        assert_eq!(to_json(&out).unwrap(), j);
        let back = to_json(&out).unwrap();
        assert_eq!(back["sections"][0]["heading"], "有关要求");
        assert_eq!(
            back["sections"][0]["sections"][0]["heading"],
            "加强组织领导。"
        );
        assert_eq!(back["sections"][2]["paragraphs"][1], "第二段。");
    }

    #[test]
    fn a_string_that_looks_like_a_date_stays_a_string_and_bad_dates_are_refused() {
        let out = merge("", &json!({"title": "2026-04-01"})).unwrap();
        assert_eq!(out.trim(), "title = \"2026-04-01\"");
        let err = merge("", &json!({"signature": {"date": {"$date": "4月1日"}}})).unwrap_err();
        assert!(
            err.contains("signature") && err.contains("日期“4月1日”格式不对"),
            "{err}"
        );
        assert!(merge("", &json!(["x"])).is_err());
    }
}

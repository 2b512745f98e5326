//! The upper office's form made the office's: the rows that name the upper office's places
//! (西安市 … 韩城市 with their quotas) are left blank for the office's units.

use super::localise::WorkWords as Work;
use crate::spec::Annex;

/// Whether `cell` names a place (宝鸡市, 杨凌示范区): short, no digit, a place's ending; or
/// a place's office (南宁市税务局, 柳州市市场监管局).
fn is_place(cell: &str, w: &Work) -> bool {
    let n = cell.chars().count();
    let place = |c: &str| {
        (2..=8).contains(&c.chars().count())
            && !c.chars().any(|c| c.is_ascii_digit())
            && w.place_endings.iter().any(|e| c.ends_with(e.as_str()))
    };
    let office = || {
        n <= 16
            && w.org_endings.iter().any(|e| cell.ends_with(e.as_str()))
            && cell
                .char_indices()
                .skip(1)
                .take(6)
                .any(|(i, c)| place(&cell[..i + c.len_utf8()]))
    };
    place(cell) || office()
}

/// Whether `row` is the form's total row (合计, 全省合计).
fn is_total(row: &[String], w: &Work) -> bool {
    row.iter().any(|c| {
        w.total_labels
            .iter()
            .any(|t| c.trim().starts_with(t.as_str()))
    })
}

/// The column whose cells name places in most rows other than the total: at least two.
fn place_column(a: &Annex, w: &Work) -> Option<usize> {
    let rows: Vec<&Vec<String>> = a.rows.iter().filter(|r| !is_total(r, w)).collect();
    (0..a.columns.len()).find(|&k| {
        let places = rows
            .iter()
            .filter(|r| r.get(k).is_some_and(|c| is_place(c.trim(), w)))
            .count();
        places >= 2 && places * 5 >= rows.len() * 3
    })
}

/// Blanks the rows of the upper office's places: as many empty rows, then the total row with
/// its label only; the place column is titled as the office's units. Whether it did.
pub fn blank_upper_places(a: &mut Annex, w: &Work) -> bool {
    let Some(col) = place_column(a, w) else {
        return false;
    };
    let width = a.columns.len();
    let (totals, places): (Vec<Vec<String>>, Vec<Vec<String>>) =
        a.rows.drain(..).partition(|r| is_total(r, w));
    a.rows = vec![vec![String::new(); width]; places.len()];
    for t in totals {
        let label = t
            .iter()
            .find(|c| !c.trim().is_empty())
            .cloned()
            .unwrap_or_default();
        let at = t.iter().position(|c| *c == label).unwrap_or(0);
        let mut row = vec![String::new(); width];
        row[at] = label;
        a.rows.push(row);
    }
    if let Some(c) = a.columns.get_mut(col) {
        c.title = w.unit_column.clone();
    }
    true
}

/// One column for the office's units where the upper office's form had one for each of its
/// levels (市（区） and 县（市、区）, both titled 单位 once made the office's): the last, the
/// lowest level's, stays; what the others held (合计) moves into it where it is empty.
pub fn one_unit_column(a: &mut Annex, w: &Work) {
    let units: Vec<usize> = (0..a.columns.len())
        .filter(|&k| a.columns[k].title == w.unit_column)
        .collect();
    let Some((&last, others)) = units.split_last() else {
        return;
    };
    let mut keep = last;
    for &k in others.iter().rev() {
        // (Each column removed before it moves the kept one a place to the left.)
        keep -= 1;
        for row in a.rows.iter_mut() {
            if k < row.len() {
                let cell = row.remove(k);
                if !cell.trim().is_empty() && row.get(keep).is_some_and(|c| c.trim().is_empty()) {
                    row[keep] = cell;
                }
            }
        }
        a.columns.remove(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Column;

    fn work() -> Work {
        crate::derive::defaults::Defaults::embedded().work.clone()
    }

    fn form(rows: &[&[&str]]) -> Annex {
        Annex {
            columns: ["序号", "地区", "批次"]
                .iter()
                .map(|t| Column {
                    title: (*t).into(),
                    width: None,
                    group: None,
                })
                .collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
            ..Annex::default()
        }
    }

    #[test]
    fn a_form_of_the_upper_office_s_cities_is_left_blank_for_the_office_s_units() {
        let mut a = form(&[
            &["1", "西安市", "46000"],
            &["2", "宝鸡市", "17000"],
            &["3", "杨凌示范区", "3500"],
            &["", "合计", "66500"],
        ]);
        assert!(blank_upper_places(&mut a, &work()));
        assert_eq!(a.columns[1].title, "单位");
        assert_eq!(a.rows.len(), 4);
        assert!(a.rows[..3].iter().flatten().all(String::is_empty));
        assert_eq!(a.rows[3], ["", "合计", ""]);
    }

    #[test]
    fn a_form_of_the_upper_office_s_cities_bureaus_is_left_blank_too() {
        let mut a = form(&[
            &["1", "南宁市税务局", ""],
            &["2", "柳州市税务局", ""],
            &["3", "防城港市税务局", ""],
            &["", "合计", ""],
        ]);
        assert!(blank_upper_places(&mut a, &work()));
        assert!(a.rows[..3].iter().flatten().all(String::is_empty));
    }

    #[test]
    fn a_form_with_a_column_for_each_upper_level_keeps_one_for_the_units() {
        let mut a = form(&[
            &["宝鸡市", "陈仓区", "300"],
            &["汉中市", "西乡县", "260"],
            &["合计", "", "560"],
        ]);
        a.columns[0].title = "市（区）".into();
        // (县（市、区） is a level column, made 单位 as the form is carried.)
        let w = work();
        a.columns[1].title = w.unit_column.clone();
        assert!(blank_upper_places(&mut a, &w));
        one_unit_column(&mut a, &w);
        let titles: Vec<&str> = a.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["单位", "批次"]);
        assert_eq!(a.rows[2], ["合计", ""]);
    }

    #[test]
    fn a_form_of_items_keeps_its_rows() {
        let mut a = form(&[&["1", "粮食加工品", "120"], &["2", "食用油", "80"]]);
        assert!(!blank_upper_places(&mut a, &work()));
        assert_eq!(a.rows[0][1], "粮食加工品");
    }
}

//! Writes N synthetic but realistic office profiles for cascade tests and benchmarks.
//! `cargo run --release --example gen_profiles -- 3000 /tmp/offices`

use std::fmt::Write;

const PROVINCES: &[&str] = &[
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
];
const CITIES: &[&str] = &[
    "东城", "西湖", "南山", "北林", "临江", "青山", "白云", "金水", "高新", "长安", "华容", "平遥",
    "永宁", "新安", "安平", "清河", "龙泉", "凤凰", "石门", "双流",
];
const KINDS: &[&str] = &["市", "区", "县"];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超",
    "秀英", "晓东",
];
const UNITS: &[&str] = &[
    "法院",
    "检察院",
    "发展改革委",
    "教育局",
    "科技局",
    "工业和信息化局",
    "公安局",
    "司法局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康委",
    "国资委",
    "海关",
    "林业和草原局",
    "科协",
    "贸促会",
];

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list[i % list.len()]
}

fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The TOML of synthetic office number `i`.
pub fn profile_toml(i: usize) -> String {
    let province = pick(PROVINCES, i);
    let city = pick(CITIES, i / PROVINCES.len() + i);
    let kind = pick(KINDS, i / 7);
    let scope = format!("{province}{city}{kind}");
    let name = format!("{scope}知识产权局");
    let person = |k: usize| format!("{}{}", pick(SURNAMES, i + k * 5), pick(GIVEN, i * 3 + k));
    let mut t = String::new();
    writeln!(t, "# synthetic office {i}").unwrap();
    writeln!(
        t,
        "contacts = [{}]",
        q(&format!(
            "联系人：{} {}；电话：0{}-{:08}",
            person(0),
            person(1),
            100 + i % 800,
            60_000_000 + i * 37
        ))
    )
    .unwrap();
    writeln!(t, "[office]").unwrap();
    writeln!(t, "name = {}", q(&name)).unwrap();
    writeln!(t, "scope = {}", q(&scope)).unwrap();
    writeln!(t, "issuers = [{}]", q(&name)).unwrap();
    writeln!(
        t,
        "doc_code = {}",
        q(&format!("{}知", pick(PROVINCES, i).chars().next().unwrap()))
    )
    .unwrap();
    writeln!(t, "serial = {}", i % 40 + 1).unwrap();
    writeln!(
        t,
        "recipients = {}",
        q(&format!(
            "{kind}知识产权宣传周活动组委会各成员单位，各有关单位"
        ))
    )
    .unwrap();
    writeln!(t, "issue_workdays_before = {}", 8 + i % 6).unwrap();
    writeln!(
        t,
        "\n[[substitutions]]\nfrom = \"各地区、各部门\"\nto = {}",
        q(&format!(
            "各{}、各部门",
            // Each office's own lower units: a county's towns, a district's streets.
            match kind {
                "县" => "乡镇",
                "区" => "街道",
                _ => "区",
            }
        ))
    )
    .unwrap();
    writeln!(
        t,
        "\n[[substitutions]]\nfrom = \"中国知识产权故事\"\nto = {}",
        q(&format!("知识产权“{city}故事”"))
    )
    .unwrap();
    writeln!(
        t,
        "\n[deadlines]\nreport_workdays_before = {}\nsummary_workdays_after = {}",
        4 + i % 4,
        3 + i % 5
    )
    .unwrap();
    for (k, activity) in ["开展知识产权进企业活动。", "开展知识产权普法宣传活动。"]
        .iter()
        .enumerate()
    {
        writeln!(
            t,
            "\n[[activities]]\nheading = {}\nrun_in = true",
            q(activity)
        )
        .unwrap();
        writeln!(
            t,
            "text = {}",
            q(&format!(
                "{{date:04-{}}}，由{}{}牵头，在{}开展宣传。",
                21 + k,
                scope,
                pick(UNITS, i + k),
                pick(CITIES, i + k)
            ))
        )
        .unwrap();
    }
    writeln!(t, "\n[[requirements]]\nheading = \"加强组织领导。\"\nrun_in = true\ntext = \"各成员单位要切实加强组织领导，认真抓好实施。\"").unwrap();
    writeln!(t, "\n[[requirements]]\nheading = \"做好工作总结。\"\nrun_in = true\ntext = \"请于{{report_by}}前报送活动安排，活动结束后{{summary_workdays}}个工作日内报送总结。\"").unwrap();
    writeln!(
        t,
        "\n[members]\ntitle = {}",
        q(&format!(
            "{{year}}年{scope}知识产权宣传周活动组委会成员单位"
        ))
    )
    .unwrap();
    let members: Vec<String> = (0..6 + i % 8)
        .map(|k| q(&format!("{kind}{}", pick(UNITS, i + k))))
        .collect();
    writeln!(t, "groups = [{{ label = \"主任单位\", items = [{}] }}, {{ label = \"成员单位\", items = [{}] }}]", q(&name), members.join(", ")).unwrap();
    writeln!(
        t,
        "\n[[forms]]\ntitle = {}",
        q(&format!("{{year}}年{scope}知识产权宣传周重点活动安排表"))
    )
    .unwrap();
    writeln!(t, "fields = [{{ label = \"单位名称\" }}]\ncolumns = [\"主办单位\", \"活动名称\", \"活动时间\", \"活动地点\", \"联系人\"]\nblank_rows = 6").unwrap();
    t
}

#[allow(dead_code)]
fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| "offices".into()));
    std::fs::create_dir_all(&dir).expect("output folder");
    for i in 0..n {
        std::fs::write(dir.join(format!("office-{i:05}.toml")), profile_toml(i)).expect("write");
    }
    eprintln!("{n} profiles in {}", dir.display());
}

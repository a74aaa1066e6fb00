//! Runs the built `sla` binary the way a user would and checks its numbers, messages and exit
//! codes (0 success, 1 input problem, 2 usage problem).

use std::path::PathBuf;
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn sla(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_sla")).args(args).output().expect("the sla binary runs");
    Run {
        code: out.status.code().expect("sla exits normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn ok(args: &[&str]) -> String {
    let r = sla(args);
    assert_eq!(r.code, 0, "sla {args:?} failed: {}", r.stderr);
    r.stdout
}

fn fails(args: &[&str], code: i32) -> String {
    let r = sla(args);
    assert_eq!(
        r.code, code,
        "sla {args:?}: expected exit {code}, got {}\nstdout: {}\nstderr: {}",
        r.code, r.stdout, r.stderr
    );
    assert!(r.stdout.is_empty(), "nothing on stdout on failure: {}", r.stdout);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    r.stderr
}

/// A scratch file unique to this test process and name.
fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sla-cli-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

// ---- downtime ---------------------------------------------------------------------------------

#[test]
fn downtime_reference_examples() {
    let out = ok(&["downtime", "99.9"]);
    assert!(out.contains("Convention: 30-day month and 365-day year"), "{out}");
    let month = out.lines().find(|l| l.starts_with("month")).unwrap();
    assert!(month.contains("43m 12s") && month.contains("2592"), "{month}");

    let out = ok(&["downtime", "99.9", "--convention", "gregorian"]);
    assert!(out.contains("mean Gregorian year of 365.2425 days"), "{out}");
    assert!(out.lines().find(|l| l.starts_with("month")).unwrap().contains("43m 49.7s"));

    let out = ok(&["downtime", "99.9", "--month", "2026-01", "--tz", "Europe/Berlin"]);
    let month = out.lines().find(|l| l.starts_with("month")).unwrap();
    assert!(month.contains("44m 38.4s") && month.contains("January 2026 in Europe/Berlin"), "{month}");
}

#[test]
fn downtime_json_and_calendar_dst() {
    let v = json(&ok(&["downtime", "99.95%", "--date", "2026-03-29", "--tz", "Europe/Berlin", "--format", "json"]));
    assert_eq!(v["target_percent"], 99.95);
    assert_eq!(v["convention"]["kind"], "calendar");
    assert_eq!(v["convention"]["time_zone"], "Europe/Berlin");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    // The day DST starts has 23 hours: 0.05 % of it is 41.4 s.
    assert_eq!(rows[0]["period"]["seconds"], 82_800.0);
    assert_eq!(rows[0]["allowed_seconds"], 41.4);
    assert!(v["convention_description"].as_str().unwrap().contains("Europe/Berlin"));
}

#[test]
fn downtime_in_service_hours() {
    let v = json(&ok(&["downtime", "99.9", "--hours", "8,8,8,8,8,0,0", "--month", "2026-02", "--format", "json"]));
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows[0]["period"]["kind"], "week");
    assert_eq!(rows[0]["measured_seconds"], 144_000.0);
    assert_eq!(rows[0]["allowed_seconds"], 144.0);
    // February 2026 has 20 weekdays.
    assert_eq!(rows[1]["measured_seconds"], 576_000.0);
    let text = ok(&["downtime", "99.9", "--hours", "8,8,8,8,8,0,0"]);
    assert!(text.contains("40 h a week") && text.contains("2m 24s"), "{text}");
}

#[test]
fn downtime_errors() {
    let e = fails(&["downtime", "101"], 1);
    assert!(e.contains("from 0 to 100 %, not 101"), "{e}");
    let e = fails(&["downtime", "NaN"], 1);
    assert!(e.contains("not NaN"), "{e}");
    let e = fails(&["downtime", "ninety"], 2);
    assert!(e.contains("\"ninety\" is not a number"), "{e}");
    fails(&["downtime"], 2);
    let e = fails(&["downtime", "99.9", "--convention", "calendar"], 2);
    assert!(e.contains("--month"), "{e}");
    let e = fails(&["downtime", "99.9", "--month", "2026-02", "--tz", "Mars/Base"], 1);
    assert!(e.contains("Mars/Base") && e.contains("IANA"), "{e}");
    fails(&["downtime", "99.9", "--month", "February"], 2);
    fails(&["downtime", "99.9", "--convention", "gregorian", "--month", "2026-02"], 2);
    fails(&["downtime", "99.9", "--bogus"], 2);
    let e = fails(&["downtime", "99.9", "--hours", "8,8,30,8,8,0,0"], 1);
    assert!(e.contains("Wed") && e.contains("30"), "{e}");
    fails(&["downtime", "99.9", "--hours", "8,8"], 2);
    fails(&["downtime", "99.9", "--format", "xml"], 2);
}

// ---- reverse ----------------------------------------------------------------------------------

#[test]
fn reverse_mode() {
    let out = ok(&["reverse", "3h 10m", "--period", "quarter"]);
    assert!(out.starts_with("Availability: 99.855403 %"), "{out}");
    assert!(out.contains("quarter of 91.25 days"), "{out}");
    // Unquoted words are joined.
    assert_eq!(ok(&["reverse", "3h", "10m", "--period", "quarter"]), out);
    let out = ok(&["reverse", "13m 37s", "--convention", "gregorian"]);
    assert!(out.starts_with("Availability: 99.968932 %"), "{out}");
    let v = json(&ok(&["reverse", "44m 38.4s", "--month", "2026-01", "--tz", "Europe/Berlin", "--format", "json"]));
    // The text form rounds to whole seconds (2678 s): just above 99.9 %.
    let p = v["result"]["availability_percent"].as_f64().unwrap();
    assert!((p - (1.0 - 2678.0 / 2_678_400.0) * 100.0).abs() < 1e-9, "{p}");
    let e = fails(&["reverse", "31d"], 1);
    assert!(e.contains("longer than the measured time"), "{e}");
    let e = fails(&["reverse", "soon"], 1);
    assert!(e.contains("\"soon\" is not a duration"), "{e}");
    fails(&["reverse", "1h", "--period", "fortnight"], 2);
    fails(&["reverse"], 2);
}

// ---- composite --------------------------------------------------------------------------------

#[test]
fn composite_reference_examples() {
    let out = ok(&["composite", "--series", "99.95,99.99"]);
    assert!(out.starts_with("Overall availability: 99.940005 %"), "{out}");
    let out = ok(&["composite", "--parallel", "99.9,99.9"]);
    assert!(out.starts_with("Overall availability: 99.9999 %"), "{out}");
    let out = ok(&["composite", "--percent", "99", "--regions", "3"]);
    assert!(out.starts_with("Overall availability: 99.9999 %"), "{out}");
    let tree = r#"{"series":[{"leaf":{"name":"api","percent":99.95}},
                   {"parallel":[{"leaf":{"name":"db a","percent":99.9}},{"leaf":{"name":"db b","percent":99.9}}]}]}"#;
    let v = json(&ok(&["composite", tree, "--format", "json"]));
    let p = v["availability_percent"].as_f64().unwrap();
    assert!((p - 0.9995 * 0.999999 * 100.0).abs() < 1e-9, "{p}");
    assert_eq!(v["breakdown"]["children"][1]["label"], "parallel");
    let file = scratch("tree.json", tree);
    let from_file = ok(&["composite", &format!("@{}", file.display())]);
    assert!(from_file.contains("db b: 99.9 %"), "{from_file}");
}

#[test]
fn composite_errors() {
    let e = fails(&["composite", r#"{"series":[{"leaf":{"name":"api","percent":99.9}},{"parallel":[]}]}"#], 1);
    assert!(e.contains("series item 2: this group has no components"), "{e}");
    let e = fails(&["composite", "--series", "99.9,120"], 1);
    assert!(e.contains("series item 2 \"#2\": the availability must be a number from 0 to 100 %, not 120"), "{e}");
    let e = fails(&["composite", "{not json"], 1);
    assert!(e.contains("the component tree is not valid"), "{e}");
    fails(&["composite", "--series", "99.9", "--parallel", "99.9"], 2);
    fails(&["composite"], 2);
    fails(&["composite", "--percent", "99.9", "--regions", "-1"], 2);
    let e = fails(&["composite", "--percent", "99.9", "--regions", "0"], 1);
    assert!(e.contains("at least 1"), "{e}");
}

// ---- sample and validate ----------------------------------------------------------------------

#[test]
fn sample_prints_the_builtin_files() {
    let a = json(&ok(&["sample"]));
    assert_eq!(a["service"], "Payments API");
    assert_eq!(a["schema"], "sla-agreement/1");
    let csv = ok(&["sample", "--incidents"]);
    assert!(csv
        .starts_with("id,title,priority,impact,service,start,acknowledged,restored,resolved,planned,category,csat\n"));
    assert!(csv.lines().count() > 40);
}

#[test]
fn validate_lists_every_problem() {
    let good = scratch("good.json", &ok(&["sample"]));
    let out = ok(&["validate", good.to_str().unwrap()]);
    assert!(out.ends_with("good.json: no problems\n"), "{out}");

    let bad = scratch(
        "bad.json",
        r#"{"availability_target_percent": 100.5, "time_zone": "Mars/Olympus",
            "credits": {"fee_per_period": -5}}"#,
    );
    let e = fails(&["validate", bad.to_str().unwrap()], 1);
    assert!(e.contains("3 problems"), "{e}");
    assert!(e.contains("availability_target_percent: the availability target must be between 0 and 100 %"), "{e}");
    assert!(e.contains("time_zone: \"Mars/Olympus\" is not a known time zone"), "{e}");
    assert!(e.contains("credits.fee_per_period"), "{e}");

    let broken = scratch("broken.json", "{\n  \"targett\": 99\n}");
    let e = fails(&["validate", broken.to_str().unwrap()], 1);
    assert!(e.contains("targett") && e.contains("line 2"), "{e}");
    let e = fails(&["validate", "/no/such/agreement.json"], 1);
    assert!(e.contains("no such file"), "{e}");
    fails(&["validate"], 2);

    // Read as the page reads it: a byte-order mark is fine, another format version and a file
    // over the size limit are refused with a message naming the file.
    let bom = scratch("bom.json", &format!("\u{feff}{}", ok(&["sample"])));
    assert!(ok(&["validate", bom.to_str().unwrap()]).ends_with("bom.json: no problems\n"));
    let future = scratch("future.json", r#"{"schema": "sla-agreement/9"}"#);
    let e = fails(&["validate", future.to_str().unwrap()], 1);
    assert!(e.contains("future.json") && e.contains("sla-agreement/9"), "{e}");
    let huge = scratch("huge.json", &" ".repeat(sla_core::model::MAX_AGREEMENT_BYTES as usize + 1));
    let e = fails(&["validate", huge.to_str().unwrap()], 1);
    assert!(e.contains("huge.json") && e.contains("1 MB"), "{e}");
}

// ---- report -----------------------------------------------------------------------------------

#[test]
fn report_on_the_sample() {
    let v = json(&ok(&["report", "--sample", "--format", "json"]));
    assert_eq!(v["schema"], "sla-report/1");
    assert_eq!(v["as_of"], "2026-06-30T22:00:00Z");
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 6, "January to June");
    let availability = |i: usize| periods[i]["figures"]["availability"]["availability_percent"].as_f64().unwrap();
    assert!((availability(1) - 99.7357).abs() < 1e-4, "February {}", availability(1));
    assert!((availability(4) - 99.4301).abs() < 1e-4, "May {}", availability(4));
    for i in [0, 2, 3, 5] {
        assert!(availability(i) >= 99.9, "month {} {}", i + 1, availability(i));
    }
    assert_eq!(periods[1]["credit"]["amount"], 1550.0);
    assert_eq!(periods[4]["credit"]["amount"], 3700.0);
    assert_eq!(v["open_incidents"].as_array().unwrap().len(), 1);

    let text = ok(&["report", "--sample"]);
    assert!(text.contains("Payments API") && text.contains("MISSED"), "{text}");
    let csv = ok(&["report", "--sample", "--format", "csv"]);
    assert!(csv.starts_with("period,"), "{csv}");
    assert_eq!(csv.lines().filter(|l| l.starts_with("2026-")).count(), 6);
}

#[test]
fn report_with_files_and_the_default_as_of() {
    let agreement = scratch("a.json", r#"{"service": "Tiny", "time_zone": "UTC"}"#);
    // 2,592 s of full outage in April 2026 (30 days): exactly 99.9 %.
    let csv = "id,title,priority,impact,service,start,acknowledged,restored,resolved,planned\n\
               A-1,Database down,P1,full_outage,db,2026-04-10T10:00:00Z,2026-04-10T10:05:00Z,2026-04-10T10:43:12Z,2026-04-10T11:00:00Z,false\n";
    let incidents = scratch("i.csv", csv);
    let (a, i) = (agreement.to_str().unwrap(), incidents.to_str().unwrap());
    let r = sla(&["report", "--agreement", a, "--incidents", i, "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("no --as-of given") && r.stderr.contains("2026-04-10T11:00:00Z"), "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["as_of"], "2026-04-10T11:00:00Z");

    let v = json(&ok(&[
        "report",
        "--agreement",
        a,
        "--incidents",
        i,
        "--as-of",
        "2026-05-01T00:00:00Z",
        "--format",
        "json",
    ]));
    let april = &v["periods"][0]["figures"]["availability"];
    assert_eq!(april["service_seconds"], 2_592_000);
    assert_eq!(april["availability_percent"], 99.9);
    assert_eq!(april["met"], true);

    // The same incident as JSON.
    let inc_json =
        scratch("i.json", r#"[{"id":"A-1","start":"2026-04-10T10:00:00Z","restored":"2026-04-10T10:43:12Z"}]"#);
    let v = json(&ok(&[
        "report",
        "--agreement",
        a,
        "--incidents",
        inc_json.to_str().unwrap(),
        "--as-of",
        "2026-05-01T00:00:00Z",
        "--format",
        "json",
    ]));
    assert_eq!(v["periods"][0]["figures"]["availability"]["availability_percent"], 99.9);

    // An explicit span in the agreement's zone; --tz overrides the zone.
    let v = json(&ok(&[
        "report",
        "--agreement",
        a,
        "--incidents",
        i,
        "--as-of",
        "2026-05-01T00:00:00Z",
        "--from",
        "2026-04-01",
        "--to",
        "2026-05-01",
        "--tz",
        "Asia/Taipei",
        "--format",
        "json",
    ]));
    assert_eq!(v["from"], "2026-03-31T16:00:00Z");
    assert_eq!(v["agreement"]["time_zone"], "Asia/Taipei");
}

#[test]
fn report_errors() {
    fails(&["report"], 2);
    fails(&["report", "--sample", "--agreement", "x.json"], 2);
    fails(&["report", "--sample", "--as-of", "yesterday"], 2);
    fails(&["report", "--sample", "--format", "pdf"], 2);
    let e = fails(&["report", "--sample", "--tz", "Nowhere"], 1);
    assert!(e.contains("time_zone") && e.contains("Nowhere"), "{e}");
    let agreement = scratch("r-a.json", "{}");
    let bad_csv = scratch(
        "r-bad.csv",
        "id,title,priority,impact,service,start,acknowledged,restored,resolved,planned\nX,t,P1,kaput,api,2026-01-01T00:00:00Z,,,,\n",
    );
    let (a, bad) = (agreement.to_str().unwrap(), bad_csv.to_str().unwrap());
    let e = fails(&["report", "--agreement", a, "--incidents", bad, "--strict"], 1);
    assert!(e.contains("1 of 1 rows could not be read") && e.contains("row 2, column \"impact\""), "{e}");
    // Without --strict the row is listed and left out.
    let r = sla(&["report", "--agreement", a, "--incidents", bad, "--as-of", "2026-02-01T00:00:00Z"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("warning") && r.stderr.contains("row 2, column \"impact\""), "{}", r.stderr);
    fails(&["report", "--agreement", a, "--incidents", bad, "--preset", "remedy"], 2);
    fails(&["report", "--agreement", a, "--incidents", bad, "--date-order", "ymd"], 2);
    let e = fails(&["report", "--agreement", a, "--incidents", "/no/such/log.csv"], 1);
    assert!(e.contains("/no/such/log.csv: cannot read the file: no such file"), "{e}");
    let empty =
        scratch("r-empty.csv", "id,title,priority,impact,service,start,acknowledged,restored,resolved,planned\n");
    let e = fails(&["report", "--agreement", agreement.to_str().unwrap(), "--incidents", empty.to_str().unwrap()], 2);
    assert!(e.contains("--as-of"), "{e}");
    let bad_agreement = scratch("r-bad-a.json", r#"{"availability_target_percent": -1}"#);
    let e =
        fails(&["report", "--agreement", bad_agreement.to_str().unwrap(), "--incidents", empty.to_str().unwrap()], 1);
    assert!(e.contains("availability_target_percent"), "{e}");
}

// ---- general ----------------------------------------------------------------------------------

#[test]
fn usage_and_help() {
    let help = ok(&["help"]);
    for cmd in ["report", "downtime", "reverse", "composite", "sample", "validate"] {
        assert!(help.contains(cmd), "{cmd}");
        assert!(!ok(&["help", cmd]).is_empty());
        assert!(!ok(&[cmd, "--help"]).is_empty());
    }
    assert!(ok(&["--version"]).starts_with("sla "));
    let e = fails(&["frobnicate"], 2);
    assert!(e.contains("\"frobnicate\" is not a command"), "{e}");
    fails(&[], 2);
}

#[test]
fn odd_input_never_panics() {
    let cases: &[&[&str]] = &[
        &["downtime", "1e308"],
        &["downtime", "-0"],
        &["downtime", "inf"],
        &["downtime", "99.9", "--date", "+262143-12-31"],
        &["downtime", "99.9", "--month", "9999-12", "--tz", "Pacific/Kiritimati"],
        &["reverse", "99999999999999h"],
        &["reverse", "1:75"],
        &["reverse", "0", "--date", "2026-02-07", "--hours", "8,8,8,8,8,0,0", "--period", "day"],
        &["composite", "[]"],
        &["composite", r#"{"regions":{"count":4294967295,"deployment":{"leaf":{"percent":1e-300}}}}"#],
        &["composite", "--series", ",,,"],
        &["report", "--sample", "--from", "2026-06-01", "--to", "2026-01-01"],
        &["report", "--sample", "--from", "0001-01-01T00:00:00Z"],
        &["sample", "extra"],
    ];
    for args in cases {
        let r = sla(args);
        assert!([0, 1, 2].contains(&r.code), "{args:?}: {}", r.code);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn report_reads_local_times_in_the_agreement_zone() {
    let agreement = scratch("z-a.json", r#"{"time_zone": "Europe/Berlin"}"#);
    // 12:00–12:43:12 Berlin summer time is 10:00–10:43:12 UTC: 2,592 s in April (30 days).
    let incidents = scratch("z-i.csv", "id,start,end,title\nINC-1,2026-04-10 12:00:00,2026-04-10 12:43:12,DB down\n");
    let v = json(&ok(&[
        "report",
        "--agreement",
        agreement.to_str().unwrap(),
        "--incidents",
        incidents.to_str().unwrap(),
        "--as-of",
        "2026-05-01T00:00:00+02:00",
        "--format",
        "json",
    ]));
    assert_eq!(v["from"], "2026-03-31T22:00:00Z");
    let april = &v["periods"][0]["figures"]["availability"];
    assert_eq!(april["downtime_seconds"], 2592);
    assert_eq!(april["availability_percent"], 99.9);
}

// ---- review ----------------------------------------------------------------------------------

#[test]
fn review_on_the_sample() {
    let text = ok(&["report", "--sample", "--review"]);
    assert!(text.starts_with("Service review: Payments API"), "{text}");
    assert!(
        text.contains("3.0 (from 2026-04-01)")
            && text.contains("changed availability_target_percent: 99.9 % → 99.95 %"),
        "{text}"
    );
    assert!(
        text.contains("2026-04 [version 3.0]") && text.contains("Targets missed") && text.contains("by category"),
        "{text}"
    );
    let v = json(&ok(&["report", "--sample", "--review", "--format", "json"]));
    assert_eq!(v["schema"], "sla-review/1");
    assert_eq!(v["versions"].as_array().unwrap().len(), 2);
    assert_eq!(v["periods"].as_array().unwrap().len(), 6);
    assert!(v["satisfaction"]["periods"].is_array());
    let may = json(&ok(&[
        "report", "--sample", "--review", "--period", "2026-05", "--format", "json",
    ]));
    assert_eq!(may["focus"], "2026-05");
    assert_eq!(may["periods"].as_array().unwrap().len(), 1);
    let e = fails(&["report", "--sample", "--review", "--period", "2027-01"], 1);
    assert!(e.contains("2027-01") && e.contains("2026-06"), "{e}");
    fails(&["report", "--sample", "--review", "--format", "csv"], 2);
    fails(&["report", "--sample", "--period", "2026-05"], 2);
}

#[test]
fn what_if_a_version_applied_throughout() {
    let actual = json(&ok(&["report", "--sample", "--format", "json"]));
    let what_if = json(&ok(&["report", "--sample", "--what-if", "3.0", "--format", "json"]));
    let target = |v: &serde_json::Value, i: usize| {
        v["periods"][i]["figures"]["availability"]["target_percent"]
            .as_f64()
            .unwrap()
    };
    assert_eq!((target(&actual, 0), target(&actual, 5)), (99.9, 99.95));
    assert_eq!((target(&what_if, 0), target(&what_if, 5)), (99.95, 99.95));
    let e = fails(&["report", "--sample", "--what-if", "9.9"], 1);
    assert!(e.contains("9.9") && e.contains("2.1, 3.0"), "{e}");
}

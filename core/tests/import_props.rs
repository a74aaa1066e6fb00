//! Properties: every row is accounted for (read = accepted + excluded + rejected), the stepped
//! importer gives the same outcome as the one-shot one, and no input makes the importer panic.

use proptest::prelude::*;
use sla_core::import::{generate::generate_csv, import, ImportOptions, Importer, Preset, RowOutcome};

fn check_accounting(out: &sla_core::import::ImportOutcome) {
    let c = out.counts;
    assert_eq!(c.read, c.accepted + c.excluded + c.rejected);
    assert_eq!(c.accepted as usize, out.incidents.len());
    assert_eq!(out.accepted_rows.len(), out.incidents.len());
    let rows: Vec<u64> = out.rows().map(|r| r.row()).collect();
    assert_eq!(rows.len() as u64, c.read);
    assert!(
        rows.windows(2).all(|w| w[0] < w[1]),
        "rows strictly increasing: {rows:?}"
    );
}

/// Cells drawn from good and bad values of every kind the importer meets.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2026-03-02 10:00".to_string()),
        Just("2026-03-01 09:00".to_string()),
        Just("03/04/2026 10:00".to_string()),
        Just("25/Feb/26 10:17 PM".to_string()),
        Just("1772445600".to_string()),
        Just("46082.5".to_string()),
        Just("1h 30m".to_string()),
        Just("-5m".to_string()),
        Just("Canceled".to_string()),
        Just("none".to_string()),
        Just("P1".to_string()),
        Just("\"quoted, with comma\"".to_string()),
        Just("\"multi\nline\"".to_string()),
        "[a-zA-Z0-9 :/.-]{0,12}",
    ]
}

fn table() -> impl Strategy<Value = String> {
    let header = prop_oneof![
        Just("id,start,end,impact,status,duration"),
        Just("Issue key,Created,Resolved,Status,Priority,Summary"),
        Just("number,opened_at,resolved_at,state,priority,short_description"),
    ];
    (
        header,
        prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..25),
        prop::bool::ANY,
    )
        .prop_map(|(h, rows, crlf)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut s = h.to_string();
            s.push_str(nl);
            for r in rows {
                s.push_str(&r.join(","));
                s.push_str(nl);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn every_row_is_accounted_for(text in table()) {
        let opts = ImportOptions { date_order: Some(sla_core::import::DateOrder::DayFirst), ..ImportOptions::default() };
        if let Ok(out) = import(text.as_bytes(), &opts) {
            check_accounting(&out);
        }
        // Without a chosen order the import may ask for one, but never panics.
        let _ = import(text.as_bytes(), &ImportOptions::default());
    }

    #[test]
    fn steps_give_the_same_outcome(text in table(), step in 1usize..7) {
        let opts = ImportOptions::default();
        let whole = import(text.as_bytes(), &opts);
        let stepped = Importer::new(text.as_bytes(), &opts).and_then(|mut i| {
            loop {
                let p = i.step(step)?;
                assert!(p.processed_bytes <= p.total_bytes);
                if p.done { break; }
            }
            i.finish()
        });
        prop_assert_eq!(whole, stepped);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(out) = import(&bytes, &ImportOptions::default()) {
            check_accounting(&out);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        for t in [text.clone(), format!("id,start,end\n{text}"), format!("[{{\"start\":\"{text}\"}}]")] {
            if let Ok(out) = import(t.as_bytes(), &ImportOptions::default()) {
                check_accounting(&out);
            }
        }
    }
}

#[test]
fn generated_presets_import_cleanly() {
    for preset in [
        Preset::Generic,
        Preset::JiraServiceManagement,
        Preset::ServiceNow,
        Preset::PagerDuty,
        Preset::Opsgenie,
    ] {
        let csv = generate_csv(2_000, 9, preset);
        let out = import(csv.as_bytes(), &ImportOptions::default()).unwrap();
        assert_eq!(out.detection.preset, preset, "{preset:?}");
        assert_eq!(out.counts.read, 2_000);
        assert_eq!(
            out.counts.rejected,
            0,
            "{preset:?}: {:?}",
            out.rejected.first().map(ToString::to_string)
        );
        check_accounting(&out);
    }
    let json = sla_core::import::generate::generate_statuspage_json(500, 3);
    let out = import(json.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(out.detection.preset, Preset::Statuspage);
    assert_eq!((out.counts.read, out.counts.rejected), (500, 0));
}

#[test]
fn a_large_file_imports_in_bounded_steps() {
    let csv = generate_csv(100_000, 1, Preset::Generic);
    let mut importer = Importer::new(csv.as_bytes(), &ImportOptions::default()).unwrap();
    let mut steps = 0;
    let mut last = 0;
    loop {
        let p = importer.step(10_000).unwrap();
        assert!(p.processed_bytes >= last);
        last = p.processed_bytes;
        steps += 1;
        if p.done {
            break;
        }
    }
    assert!(steps >= 10, "{steps}");
    let out = importer.finish().unwrap();
    assert_eq!(out.counts.accepted, 100_000);
    let kinds = out.rows().filter(|r| matches!(r, RowOutcome::Accepted { .. })).count();
    assert_eq!(kinds, 100_000);
}

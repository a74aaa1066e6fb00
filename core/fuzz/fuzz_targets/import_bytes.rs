//! Feeds arbitrary bytes to the importer: one-shot with detection, and stepped with a chosen
//! date order and zone. It must never panic, and every row must be accounted for.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sla_core::import::{import, DateOrder, ImportOptions, Importer};

fuzz_target!(|data: &[u8]| {
    if let Ok(out) = import(data, &ImportOptions::default()) {
        let c = out.counts;
        assert_eq!(c.read, c.accepted + c.excluded + c.rejected);
        let _ = out.rejected_file();
    }
    let mut opts = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..ImportOptions::default()
    };
    opts.time_zone = "Europe/Berlin".parse().unwrap_or(opts.time_zone);
    if let Ok(mut importer) = Importer::new(data, &opts) {
        while let Ok(p) = importer.step(3) {
            if p.done {
                break;
            }
        }
        let _ = importer.finish();
    }
});

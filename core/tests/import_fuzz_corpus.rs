//! Replays every file of the fuzz corpus (`core/fuzz/corpus/import_bytes/`) through the
//! importer, the way the fuzz target does, so a crash found once stays fixed without
//! `cargo fuzz` or a nightly compiler.

use sla_core::import::{import, DateOrder, ImportOptions, Importer};
use std::path::Path;

fn replay(data: &[u8]) {
    if let Ok(out) = import(data, &ImportOptions::default()) {
        let c = out.counts;
        assert_eq!(c.read, c.accepted + c.excluded + c.rejected);
        let _ = out.rejected_file();
    }
    let mut opts = ImportOptions {
        date_order: Some(DateOrder::MonthFirst),
        ..ImportOptions::default()
    };
    opts.time_zone = chrono_tz::Europe::Berlin;
    if let Ok(mut importer) = Importer::new(data, &opts) {
        while let Ok(p) = importer.step(3) {
            if p.done {
                break;
            }
        }
        let _ = importer.finish();
    }
}

#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_bytes");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus folder exists") {
        let path = entry.expect("readable entry").path();
        if path.is_file() {
            let data = std::fs::read(&path).expect("readable corpus file");
            let result = std::panic::catch_unwind(|| replay(&data));
            assert!(result.is_ok(), "corpus file {} panics", path.display());
            files += 1;
        }
    }
    assert!(files > 0, "no corpus files in {}", dir.display());
}

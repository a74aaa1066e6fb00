//! Replays every file of the fuzz corpus (`core/fuzz/corpus/import_bytes/`) through the
//! importer, the way the fuzz target does, so a crash found once stays fixed without
//! `cargo fuzz` or a nightly compiler.

use sla_core::import::fuzz_check;
use std::path::Path;

#[test]
fn fuzz_corpus_replays_without_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_bytes");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("the corpus folder exists") {
        let path = entry.expect("readable entry").path();
        if path.is_file() {
            let data = std::fs::read(&path).expect("readable corpus file");
            let result = std::panic::catch_unwind(|| fuzz_check(&data));
            assert!(result.is_ok(), "corpus file {} panics", path.display());
            files += 1;
        }
    }
    assert!(files > 0, "no corpus files in {}", dir.display());
}

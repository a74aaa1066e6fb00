//! Replays the fuzz corpora of the parsers besides the import (`core/fuzz/corpus/<target>/`)
//! through the same checks the `cargo fuzz` targets run (`sla_core::fuzzing`), so a crash found
//! once stays fixed without `cargo fuzz` or a nightly compiler. The import's corpus is replayed
//! by `import_fuzz_corpus.rs`.

use sla_core::fuzzing::{agreement_check, duration_check, share_check, timestamp_check};
use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("readable entry").path();
        if path.is_file() {
            let data = std::fs::read(&path).expect("readable corpus file");
            if std::panic::catch_unwind(|| check(&data)).is_err() {
                failures.push(path.display().to_string());
            }
            files += 1;
        }
    }
    assert!(files > 0, "no corpus files in {}", dir.display());
    assert!(
        failures.is_empty(),
        "{target}: these corpus files fail their check:\n{}",
        failures.join("\n")
    );
}

#[test]
fn timestamp_corpus_replays() {
    replay("timestamp", timestamp_check);
}

#[test]
fn duration_corpus_replays() {
    replay("duration", duration_check);
}

#[test]
fn agreement_corpus_replays() {
    replay("agreement", agreement_check);
}

#[test]
fn share_link_corpus_replays() {
    replay("share_link", share_check);
}

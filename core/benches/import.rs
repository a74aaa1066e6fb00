//! Import throughput: a generated generic CSV (~100 bytes a row) through the one-shot
//! `import()`, reported as bytes/s (MB/s) and rows/s. Run with
//! `cargo bench -p sla-core --bench import`.

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use sla_core::import::{generate::generate_csv, import, ImportOptions, Importer, Preset};
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// Rows of the generic file: 200,000, or `SLA_BENCH_ROWS` (the CI smoke run in scripts/test.sh
/// uses a few thousand to check the benchmark still works, not its speed).
fn rows() -> usize {
    std::env::var("SLA_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000)
}

static GENERIC: LazyLock<String> = LazyLock::new(|| generate_csv(rows(), 42, Preset::Generic));
static JIRA: LazyLock<String> = LazyLock::new(|| generate_csv(rows() / 4, 42, Preset::JiraServiceManagement));
static SERVICENOW: LazyLock<String> = LazyLock::new(|| generate_csv(rows() / 4, 42, Preset::ServiceNow));

fn run(bencher: Bencher, text: &'static str, rows: usize, options: ImportOptions) {
    bencher
        .counter(BytesCount::new(text.len()))
        .counter(ItemsCount::new(rows))
        .bench(|| {
            let out = import(divan::black_box(text.as_bytes()), &options).expect("generated data imports");
            assert_eq!(out.counts.read as usize, rows);
            out
        });
}

/// Plain UTF-8 generic CSV in UTC (the throughput goal: ≥ 150 MB/s native).
#[divan::bench(sample_count = 10)]
fn generic_utc(bencher: Bencher) {
    run(bencher, &GENERIC, rows(), ImportOptions::default());
}

/// The same file read in a zone with DST (offset cache in use).
#[divan::bench(sample_count = 10)]
fn generic_berlin(bencher: Bencher) {
    run(
        bencher,
        &GENERIC,
        rows(),
        ImportOptions::in_zone("Europe/Berlin".parse().expect("a zone")),
    );
}

/// Jira export: many columns, `25/Feb/26 10:17 PM` dates.
#[divan::bench(sample_count = 10)]
fn jira(bencher: Bencher) {
    run(bencher, &JIRA, rows() / 4, ImportOptions::default());
}

/// ServiceNow export.
#[divan::bench(sample_count = 10)]
fn servicenow(bencher: Bencher) {
    run(bencher, &SERVICENOW, rows() / 4, ImportOptions::default());
}

/// The stepped API in 5,000-row steps, as the browser drives it.
#[divan::bench(sample_count = 10)]
fn generic_stepped(bencher: Bencher) {
    let text: &'static str = &GENERIC;
    bencher
        .counter(BytesCount::new(text.len()))
        .counter(ItemsCount::new(rows()))
        .bench(|| {
            let mut importer = Importer::new(text.as_bytes(), &ImportOptions::default()).expect("imports");
            while !importer.step(5_000).expect("steps").done {}
            importer.finish().expect("finishes")
        });
}

//! Feeds arbitrary bytes to the importer: one-shot with detection, and stepped with a chosen
//! date order and zone. It must never panic, and every row must be accounted for.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sla_core::import::fuzz_check(data));

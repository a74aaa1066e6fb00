//! Feeds arbitrary bytes to one parser a user can reach; see `sla_core::fuzzing::share_check`
//! for the invariants checked beyond "no panic".
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sla_core::fuzzing::share_check(data));

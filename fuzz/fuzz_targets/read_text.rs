#![no_main]
//! The text reader on arbitrary bytes: a result or a refusal, never a panic.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| folio_fuzz::read_checked("text", data));

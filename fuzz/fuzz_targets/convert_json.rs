#![no_main]
//! Any input into JSON and back: the same model and the same bytes.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(article) = folio_fuzz::read(data) {
        folio_fuzz::check_json_roundtrip(&article);
    }
});

#![no_main]
//! Any input into JATS: well-formed XML without anything that runs.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(article) = folio_fuzz::read(data) {
        let out = folio_fuzz::write(&article, "jats");
        folio_fuzz::check_xml(&out, "JATS");
        folio_fuzz::check_inert(&out, "JATS");
    }
});

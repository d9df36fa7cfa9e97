#![no_main]
//! Any input into EPUB: a ZIP with a valid package, well-formed XHTML, nothing that runs.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(article) = folio_fuzz::read(data) {
        folio_fuzz::check_epub(&folio_fuzz::write(&article, "epub"));
    }
});

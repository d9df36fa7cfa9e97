#![no_main]
//! Any input into an HTML page: nothing that runs; read back, the page gives an article.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(article) = folio_fuzz::read(data) {
        let out = folio_fuzz::write(&article, "html");
        folio_fuzz::check_inert(&out, "HTML");
        folio_fuzz::read_with("html", &out, false).expect("folio reads its own HTML");
    }
});

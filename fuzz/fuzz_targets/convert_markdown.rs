#![no_main]
//! Any input into Markdown and plain text; the Markdown, rendered as a Markdown renderer
//! would, runs nothing, and it reads back as Markdown.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(article) = folio_fuzz::read(data) {
        let md = folio_fuzz::write(&article, "markdown");
        let text = String::from_utf8(md.clone()).expect("Markdown is UTF-8");
        let mut html = String::new();
        let parser = pulldown_cmark::Parser::new_ext(&text, pulldown_cmark::Options::all());
        pulldown_cmark::html::push_html(&mut html, parser);
        folio_fuzz::check_inert(html.as_bytes(), "rendered Markdown");
        folio_fuzz::read_with("markdown", &md, false).expect("folio reads its own Markdown");
        folio_fuzz::write(&article, "plain");
    }
});

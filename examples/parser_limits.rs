//! The parsers alone, as whole processes, for `benches/scale.sh` to time beside folio:
//! pulldown-cmark's parse + HTML render of a Markdown file (with the extensions folio's
//! reader turns on), or html5ever's bare parse of a page into its reference DOM.
//!
//! `cargo run --release --example parser_limits -- pulldown-cmark FILE > out.html`
//! `cargo run --release --example parser_limits -- html5ever FILE`

use html5ever::tendril::TendrilSink;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [parser, file] = &args[..] else {
        eprintln!("usage: parser_limits pulldown-cmark|html5ever FILE");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("parser_limits: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match parser.as_str() {
        "pulldown-cmark" => {
            use pulldown_cmark::Options as O;
            let options = O::ENABLE_TABLES
                | O::ENABLE_FOOTNOTES
                | O::ENABLE_STRIKETHROUGH
                | O::ENABLE_TASKLISTS
                | O::ENABLE_HEADING_ATTRIBUTES
                | O::ENABLE_SUPERSCRIPT
                | O::ENABLE_SUBSCRIPT;
            let text = String::from_utf8_lossy(&bytes);
            let mut html = String::with_capacity(text.len() * 3 / 2);
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(&text, options),
            );
            if let Err(e) = std::io::stdout().lock().write_all(html.as_bytes()) {
                eprintln!("parser_limits: cannot write: {e}");
                return ExitCode::FAILURE;
            }
        }
        "html5ever" => {
            let dom =
                html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
                    .from_utf8()
                    .one(&bytes[..]);
            // Something of the tree, so that the parse is not for nothing.
            println!("{} top-level nodes", dom.document.children.borrow().len());
        }
        other => {
            eprintln!("parser_limits: unknown parser {other:?} (pulldown-cmark, html5ever)");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

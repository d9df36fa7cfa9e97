//! No input makes folio panic: every reader on arbitrary bytes, and every writer on whatever the
//! readers made of them, returns a result.

use folio::{Diagnostics, Input, Options, Registry};
use proptest::prelude::*;

/// Runs every reader on `bytes`, and every writer on each article read.
fn convert_everything(bytes: &[u8]) {
    let registry = Registry::default();
    let options = Options::default();
    for reader in registry.readers() {
        for extract in [true, false] {
            let mut read = options.read.clone();
            read.extract = extract;
            let mut diag = Diagnostics::default();
            let Ok(article) = reader.read(Input::new(bytes), &read, &mut diag) else {
                continue;
            };
            for writer in registry.writers() {
                let mut out = Vec::new();
                let _ = writer.write(&article, &options.write, &mut diag, &mut out);
            }
        }
    }
}

/// Text made of the pieces that markup formats care about.
fn markup_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<script>".to_string()),
        Just("&amp;".to_string()),
        Just("&#0;".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("* ".to_string()),
        Just("1. ".to_string()),
        Just("> ".to_string()),
        Just("```".to_string()),
        Just("    ".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: ".to_string()),
        Just("| a | b |\n|---|:-:|\n".to_string()),
        Just("![x](y.png)".to_string()),
        Just("[l](http://e.x)".to_string()),
        Just("---\n".to_string()),
        Just("title: x\n".to_string()),
        Just("{\"version\":1,\"blocks\":[".to_string()),
        Just("By Jane Doe".to_string()),
        Just("Published: 2019-09-18 22:32:40".to_string()),
        Just("Share".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{0}".to_string()),
        "[a-zA-Z ]{1,12}",
        "\\PC{1,4}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        convert_everything(&bytes);
    }

    #[test]
    fn markup_soup_never_panics(text in markup_soup()) {
        convert_everything(text.as_bytes());
    }
}

#[test]
fn deep_nesting_never_panics() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<blockquote>", "</blockquote>"),
        ("<ul><li>", "</li></ul>"),
        ("<b>", "</b>"),
        ("> ", ""),
        ("- ", ""),
        ("[", "](x)"),
        ("*", "*"),
    ] {
        // Deep enough to overflow the stack of a naive recursive reader or writer. Speed on
        // such input is a benchmark's business, not this test's.
        let n = 2_000;
        let text = format!("{}x{}", open.repeat(n), close.repeat(n));
        convert_everything(text.as_bytes());
        let lines: String = (0..200)
            .map(|i| format!("{}x\n", open.repeat(i % 40)))
            .collect();
        convert_everything(lines.as_bytes());
    }
}

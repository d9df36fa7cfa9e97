//! Encodings of every reader: UTF-8 with and without a byte-order mark, UTF-16 LE and BE
//! with one, legacy encodings declared and undeclared, and invalid UTF-8, which is replaced
//! with a warning. Valid text is never turned into mojibake.

use folio::{Diagnostics, Input, Options, Registry};

/// Reads `bytes` with `reader` and writes them as plain text: (text, warnings).
fn plain(reader: &str, bytes: &[u8]) -> (String, Vec<String>) {
    let registry = Registry::default();
    let mut options = Options::default();
    options.read.extract = false;
    let mut diag = Diagnostics::default();
    let article = folio::read_one(
        &registry,
        Input::new(bytes),
        reader,
        &options.read,
        &mut diag,
    )
    .unwrap_or_else(|e| panic!("{reader}: {e}"));
    let mut out = Vec::new();
    registry
        .writer("plain")
        .unwrap()
        .write(&article, &options.write, &mut diag, &mut out)
        .unwrap();
    (String::from_utf8(out).unwrap(), diag.warnings)
}

const WORDS: &str = "Café crème, naïve façade; Ελληνικά, русский, 日本語の文章 and “quotes”.";

/// The same document in each input format.
fn documents(text: &str) -> Vec<(&'static str, String)> {
    vec![
        ("text", format!("{text}\n")),
        ("markdown", format!("# Title\n\n{text}\n")),
        ("html", format!("<p>{text}</p>")),
        (
            "json",
            format!(
                r#"{{"version":1,"blocks":[{{"type":"paragraph","content":[{{"type":"text","text":"{text}"}}]}}]}}"#
            ),
        ),
    ]
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian {
        [0xFE, 0xFF]
    } else {
        [0xFF, 0xFE]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        }))
        .collect()
}

#[test]
fn unicode_encodings_with_and_without_bom() {
    for (reader, doc) in documents(WORDS) {
        let encodings: [(&str, Vec<u8>); 4] = [
            ("UTF-8", doc.clone().into_bytes()),
            (
                "UTF-8 with BOM",
                [b"\xEF\xBB\xBF".as_slice(), doc.as_bytes()].concat(),
            ),
            ("UTF-16 LE", utf16(&doc, false)),
            ("UTF-16 BE", utf16(&doc, true)),
        ];
        for (name, bytes) in encodings {
            let (text, warnings) = plain(reader, &bytes);
            assert!(text.contains(WORDS), "{reader} in {name}: {text:?}");
            assert!(
                !text.contains('\u{feff}'),
                "{reader} in {name}: a BOM in the text"
            );
            assert!(warnings.is_empty(), "{reader} in {name}: {warnings:?}");
        }
    }
}

/// French in Windows-1252 and Russian in Windows-1251, without a declaration.
#[test]
fn undeclared_legacy_encodings_are_detected() {
    let french = "Le café était très bon, à mon avis; l'été arrive et les élèves sont déjà \
                  partis en vacances à la mer, près de la forêt.";
    let russian = "Мороз и солнце; день чудесный! Ещё ты дремлешь, друг прелестный. Пора, \
                   красавица, проснись: открой сомкнуты негой взоры.";
    for (words, encoding) in [
        (french, encoding_rs::WINDOWS_1252),
        (russian, encoding_rs::WINDOWS_1251),
    ] {
        for (reader, doc) in documents(words) {
            let (bytes, _, unmappable) = encoding.encode(&doc);
            assert!(!unmappable);
            let (text, _) = plain(reader, &bytes);
            assert!(
                text.contains(words),
                "{reader} in {}: {text:?}",
                encoding.name()
            );
        }
    }
}

/// A page that says its charset is read in it, even where detection might guess another.
#[test]
fn declared_legacy_encodings_are_followed() {
    let japanese = "日本語の文章です。";
    for (label, encoding, words) in [
        ("shift_jis", encoding_rs::SHIFT_JIS, japanese),
        ("koi8-r", encoding_rs::KOI8_R, "Привет, мир"),
        ("iso-8859-7", encoding_rs::ISO_8859_7, "Καλημέρα"),
    ] {
        for meta in [
            format!(r#"<meta charset="{label}">"#),
            format!(r#"<meta http-equiv="Content-Type" content="text/html; charset={label}">"#),
        ] {
            let page = format!("<html><head>{meta}</head><body><p>{words}</p></body></html>");
            let (bytes, _, _) = encoding.encode(&page);
            let (text, warnings) = plain("html", &bytes);
            assert!(text.contains(words), "{label}: {text:?}");
            assert!(warnings.is_empty(), "{label}: {warnings:?}");
        }
    }
}

/// UTF-8 with stray bytes: the valid text stays as it is, the stray bytes become U+FFFD,
/// and a warning says so.
#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    // Enough valid multi-byte characters that the text is UTF-8 with a stray byte, not a
    // legacy encoding.
    let words = WORDS.repeat(3);
    for (reader, doc) in documents(&words) {
        let mut bytes = doc.into_bytes();
        let at = bytes.len() / 2;
        let at = (at..bytes.len()).find(|&i| bytes[i] == b' ').unwrap();
        bytes.insert(at, 0xFF);
        let (text, warnings) = plain(reader, &bytes);
        assert!(text.contains(WORDS), "{reader}: mojibake: {text:?}");
        assert!(text.contains('\u{FFFD}'), "{reader}: {text:?}");
        assert!(
            warnings.iter().any(|w| w.contains("replaced with U+FFFD")),
            "{reader}: {warnings:?}"
        );
    }
}

/// Bytes no decoder takes whole, read by every reader: a result, never a panic.
#[test]
fn broken_multibyte_sequences_never_panic() {
    let cases: [&[u8]; 6] = [
        b"\xFF\xFE\x00",
        b"\xFE\xFF\xD8\x00",
        b"\xEF\xBB\xBF\xC3",
        b"\xE6\x97",
        b"<meta charset=utf-16><p>\xFF\xFE</p>",
        b"\x1B$B\x30",
    ];
    let registry = Registry::default();
    for bytes in cases {
        for reader in registry.readers() {
            let mut diag = Diagnostics::default();
            let _ = reader.read(Input::new(bytes), &Default::default(), &mut diag);
        }
    }
}

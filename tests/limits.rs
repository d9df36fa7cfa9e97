//! Hostile sizes, scaled down to run in seconds: deep nesting, NUL bytes, a long line, a large
//! input, a decompression bomb. Each converts (flattened beyond a documented depth, with a
//! warning) or fails with a clear error; none may overflow the stack (tests run on threads
//! with a 2 MB stack, a quarter of the command's) or take unbounded memory.

use folio::{Diagnostics, Input, Options, Registry};
use std::io::Read;
use std::time::{Duration, Instant};

/// Reads `bytes` once and writes the article with every writer: (writer, output, warnings).
fn convert_all(reader: &str, bytes: &[u8]) -> Vec<(String, Vec<u8>, Vec<String>)> {
    let registry = Registry::default();
    let options = Options::default();
    let mut read_diag = Diagnostics::default();
    let article = folio::read_one(
        &registry,
        Input::new(bytes),
        reader,
        &options.read,
        &mut read_diag,
    )
    .unwrap_or_else(|e| panic!("{reader}: {e}"));
    registry
        .writers()
        .map(|w| {
            let mut diag = read_diag.clone();
            let mut out = Vec::new();
            w.write(&article, &options.write, &mut diag, &mut out)
                .unwrap_or_else(|e| panic!("{reader} -> {}: {e}", w.name()));
            (w.name().to_string(), out, diag.warnings)
        })
        .collect()
}

/// The text of an output, EPUB's XHTML files included.
fn text_of(writer: &str, out: &[u8]) -> String {
    if writer != "epub" {
        return String::from_utf8_lossy(out).into_owned();
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xhtml") {
            f.read_to_string(&mut text).unwrap();
        }
    }
    text
}

/// Asserts that every output holds `word` and, with `warning`, that a warning says so.
fn assert_converts(reader: &str, bytes: &[u8], word: &str, warning: Option<&str>) {
    let start = Instant::now();
    for (writer, out, warnings) in convert_all(reader, bytes) {
        let text = text_of(&writer, &out);
        assert!(text.contains(word), "{reader} -> {writer}: {word:?} lost");
        if let Some(w) = warning {
            assert!(
                warnings.iter().any(|x| x.contains(w)),
                "{reader} -> {writer}: no warning {w:?}: {warnings:?}"
            );
        }
    }
    // Generous for a debug build on a shared machine; quadratic behaviour would take minutes.
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{reader}: {:?}",
        start.elapsed()
    );
}

#[test]
fn markdown_nesting_is_flattened_beyond_32_levels() {
    let n = 100_000;
    let quotes = format!("{}deepword\n", "> ".repeat(n));
    assert_converts(
        "markdown",
        quotes.as_bytes(),
        "deepword",
        Some("deeper than 32"),
    );
    let lists = format!("{}deepword\n", "- ".repeat(n));
    assert_converts(
        "markdown",
        lists.as_bytes(),
        "deepword",
        Some("deeper than 32"),
    );
    let indented: String = (0..2_000)
        .map(|i| format!("{}- item{i}\n", "  ".repeat(i)))
        .collect();
    assert_converts("markdown", indented.as_bytes(), "item1999", Some("deeper"));
    let emphasis = format!("{}deepword{}", "*".repeat(n), "*".repeat(n));
    assert_converts("markdown", emphasis.as_bytes(), "deepword", None);
    let links = format!("{}deepword{}", "[".repeat(n), "](u)".repeat(n));
    assert_converts("markdown", links.as_bytes(), "deepword", None);
}

#[test]
fn html_nesting_is_flattened_beyond_200_levels() {
    for (open, n) in [
        ("<div>", 10_000),
        ("<table><tr><td>", 3_000),
        ("<ul><li>", 10_000),
        ("<blockquote>", 10_000),
        ("<b><i>", 10_000),
    ] {
        let page = format!("{}deepword", open.repeat(n));
        assert_converts("html", page.as_bytes(), "deepword", Some("deeper than 200"));
    }
}

#[test]
fn text_nesting_is_flattened_beyond_8_levels() {
    let quotes = format!("Title\n\n{}deepword in a quote\n", "> ".repeat(100_000));
    assert_converts("text", quotes.as_bytes(), "deepword", Some("deeper than 8"));
    let lists: String = (0..50)
        .map(|i| format!("{}- item{i}\n", "  ".repeat(i)))
        .collect();
    assert_converts(
        "text",
        format!("Title\n\n{lists}").as_bytes(),
        "item49",
        Some("deeper than 8"),
    );
}

#[test]
fn deep_json_fails_with_a_clear_error() {
    let n = 100_000;
    let json = format!(
        r#"{{"version":1,"blocks":[{}]}}"#,
        r#"{"type":"quote","blocks":["#.repeat(n) + &"]}".repeat(n)
    );
    let err = folio::convert(json.as_bytes(), "json", "html").unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("invalid JSON: recursion limit exceeded"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1);
}

#[test]
fn nul_bytes_never_reach_an_output() {
    let inputs = [
        (
            "markdown",
            "# Ti\0tle\n\nA\0B [li\0nk](u\0rl) `co\0de`\n\n```\nx\0y\n```\n",
        ),
        (
            "html",
            "<p>A\0B <a href='u\0rl'>li\0nk</a></p><pre>x\0y</pre>",
        ),
        ("text", "Ti\0tle\n\nA\0B and more words here.\n"),
        (
            "json",
            r#"{"version":1,"meta":{"title":"T\u0000"},"blocks":[{"type":"paragraph","content":[{"type":"text","text":"A\u0000B"}]}]}"#,
        ),
    ];
    for (reader, input) in inputs {
        for (writer, out, _) in convert_all(reader, input.as_bytes()) {
            let what = format!("{reader} -> {writer}");
            if writer != "epub" {
                assert!(!out.contains(&0), "{what}: a NUL byte");
            }
            for xml in xml_files(&writer, &out) {
                assert_well_formed(&xml, &what);
            }
        }
    }
}

/// The XML documents of an output: JATS itself, the XHTML and package files of an EPUB.
fn xml_files(writer: &str, out: &[u8]) -> Vec<String> {
    match writer {
        "jats" => vec![String::from_utf8(out.to_vec()).unwrap()],
        "epub" => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
            let mut files = Vec::new();
            for i in 0..zip.len() {
                let mut f = zip.by_index(i).unwrap();
                if [".xhtml", ".opf", ".ncx"]
                    .iter()
                    .any(|e| f.name().ends_with(e))
                {
                    let mut text = String::new();
                    f.read_to_string(&mut text).unwrap();
                    files.push(text);
                }
            }
            files
        }
        _ => Vec::new(),
    }
}

/// Parses XML to its end: well-formed, and no character XML 1.0 forbids.
fn assert_well_formed(xml: &str, what: &str) {
    assert!(
        !xml.chars()
            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
        "{what}: a control character XML forbids"
    );
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{what}: not XML: {e}"),
        }
    }
}

#[test]
fn a_long_line_converts_whole() {
    let words = 20_000;
    let line: String = (0..words).map(|i| format!("w{i} ")).collect();
    let last = format!("w{}", words - 1);
    for reader in ["text", "markdown", "html"] {
        assert_converts(reader, line.as_bytes(), &last, None);
    }
}

#[test]
fn a_large_input_converts() {
    let paragraph: String = (0..100).map(|i| format!("word{i} ")).collect();
    let markdown: String = (0..1_500)
        .map(|i| format!("## Part {i}\n\n{paragraph}end{i}\n\n"))
        .collect();
    assert!(markdown.len() > 1_000_000);
    assert_converts("markdown", markdown.as_bytes(), "end1499", None);
    let html: String = (0..1_500)
        .map(|i| format!("<h2>Part {i}</h2><p>{paragraph}end{i}</p>"))
        .collect();
    assert_converts("html", html.as_bytes(), "end1499", None);
}

/// A PNG of 20,000 × 20,000 pixels (400 MB once decoded as the 8-bit greyscale it becomes,
/// 50 MB of 1-bit rows) in about 200 KB.
fn png_bomb() -> Vec<u8> {
    use std::io::Write;
    let side: u32 = 20_000;
    let row = 1 + (side as usize).div_ceil(8);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![0u8; row * 100];
    for _ in 0..side / 100 {
        z.write_all(&zeros).unwrap();
    }
    let idat = z.finish().unwrap();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        png.extend(&body);
        png.extend(crc32(&body).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend(side.to_be_bytes());
    ihdr.extend(side.to_be_bytes());
    ihdr.extend([1, 0, 0, 0, 0]); // 1-bit greyscale
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &idat);
    chunk(b"IEND", &[]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn a_png_decompression_bomb_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = png_bomb();
    assert!(bomb.len() < 1_000_000, "{} bytes", bomb.len());
    std::fs::write(dir.path().join("bomb.png"), &bomb).unwrap();
    let md = "# Bomb\n\nText before.\n\n![A bomb](bomb.png)\n";
    let path = dir.path().join("a.md");
    let registry = Registry::default();
    let mut options = Options::default();
    options.write.embed_images = true;
    for to in ["epub", "html"] {
        let start = Instant::now();
        let input = Input {
            bytes: md.as_bytes(),
            path: Some(&path),
        };
        let (out, diag) =
            folio::convert_with(&registry, &[input], "markdown", to, &options).unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
        assert!(
            diag.warnings
                .iter()
                .any(|w| w.contains("bomb.png") && w.contains("cannot be decoded")),
            "{to}: {:?}",
            diag.warnings
        );
        let text = text_of(to, &out);
        assert!(!text.contains("<img"), "{to}: an image was written");
        assert!(text.contains("A bomb"), "{to}: the alt text is lost");
    }
}

//! What the fuzz targets share: reading bytes with a reader picked by the first byte,
//! writing with one writer, and checking what comes out.

use folio::{Article, Diagnostics, Input, ReadOptions, Registry};
use std::io::Read;

/// The readers, in the order the first byte of an input picks them.
pub const READERS: [&str; 5] = ["markdown", "html", "text", "json", "mhtml"];

/// Reads `bytes` with `reader`, extracting or not; `None` when the reader refuses them.
/// Whatever is read must comply with the safety policy.
pub fn read_with(reader: &str, bytes: &[u8], extract: bool) -> Option<Article> {
    let registry = Registry::default();
    let options = ReadOptions {
        extract,
        ..ReadOptions::default()
    };
    let mut diag = Diagnostics::default();
    let article = folio::read_one(&registry, Input::new(bytes), reader, &options, &mut diag).ok()?;
    assert!(folio::safety::complies(&article), "an unsafe URL was read");
    Some(article)
}

/// Reads with both extraction modes: a result or a refusal, never a panic.
pub fn read_checked(reader: &str, bytes: &[u8]) {
    for extract in [true, false] {
        read_with(reader, bytes, extract);
    }
}

/// The article of a fuzz input: the first byte picks the reader and the extraction mode.
pub fn read(data: &[u8]) -> Option<Article> {
    let (&first, bytes) = data.split_first()?;
    let reader = READERS[usize::from(first) % READERS.len()];
    read_with(reader, bytes, first & 0x80 != 0)
}

/// Writes an article; a writer may not fail on what a reader made.
pub fn write(article: &Article, writer: &str) -> Vec<u8> {
    let registry = Registry::default();
    let mut diag = Diagnostics::default();
    let mut out = Vec::new();
    registry
        .writer(writer)
        .unwrap()
        .write(article, &Default::default(), &mut diag, &mut out)
        .unwrap_or_else(|e| panic!("{writer}: {e}"));
    out
}

/// Parses XML to its end; panics when it is not well-formed.
pub fn check_xml(xml: &[u8], what: &str) {
    let text = std::str::from_utf8(xml).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    assert!(
        !text.chars().any(|c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{fffe}' | '\u{ffff}')),
        "{what}: a character XML forbids"
    );
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => {
                roots += usize::from(depth == 0);
                depth += 1;
            }
            Ok(quick_xml::events::Event::Empty(_)) => roots += usize::from(depth == 0),
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{what}: not XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert_eq!(depth, 0, "{what}: unclosed elements");
    assert_eq!(roots, 1, "{what}: {roots} root elements");
}

/// Asserts that markup has no element or attribute that runs or loads anything: no
/// script, frame, object, form or base element, no `on...` attribute, no script URL.
pub fn check_inert(markup: &[u8], what: &str) {
    const FORBIDDEN: &[&str] = &[
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
    ];
    let text = String::from_utf8_lossy(markup);
    for (name, attrs) in tags(&text) {
        assert!(!FORBIDDEN.contains(&name.as_str()), "{what}: <{name}>");
        for (key, value) in attrs {
            assert!(
                !(key.starts_with("on") && key.len() > 2),
                "{what}: <{name} {key}>"
            );
            let value = value.replace("&amp;", "&");
            assert!(
                folio::safety::url_allowed(&value) || !matches!(key.as_str(), "href" | "src" | "xlink:href"),
                "{what}: <{name} {key}={value:?}>"
            );
        }
    }
}

/// The start tags of markup with their attributes (lowercase names, raw values); text,
/// comments and declarations are skipped.
fn tags(markup: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        i += 1;
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'>' | b'/') {
            i += 1;
        }
        let name = markup[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                i += 1;
            }
            let key = markup[s..i].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                if let Some(&q) = b.get(i).filter(|q| matches!(q, b'"' | b'\'')) {
                    let s = i + 1;
                    let end = markup[s..].find(q as char).map_or(b.len(), |e| s + e);
                    value = markup[s..end].to_string();
                    i = end + 1;
                } else {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = markup[s..i].to_string();
                }
            }
            attrs.push((key, value));
        }
        out.push((name, attrs));
    }
    out
}

/// Opens an EPUB: a ZIP whose first entry is the stored `mimetype`, whose container names
/// an OPF package with metadata, manifest and spine, whose manifest files are all there,
/// and whose XML files are all well-formed.
pub fn check_epub(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("EPUB is a ZIP");
    let text = |zip: &mut zip::ZipArchive<_>, name: &str| {
        let mut s = String::new();
        zip.by_name(name)
            .unwrap_or_else(|_| panic!("no {name}"))
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    {
        let mut first = zip.by_index(0).unwrap();
        assert_eq!(first.name(), "mimetype");
        let mut s = String::new();
        first.read_to_string(&mut s).unwrap();
        assert_eq!(s, "application/epub+zip");
    }
    let container = text(&mut zip, "META-INF/container.xml");
    check_xml(container.as_bytes(), "container.xml");
    let opf_path = container
        .split("full-path=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("container names the package");
    let opf = text(&mut zip, opf_path);
    check_xml(opf.as_bytes(), opf_path);
    for part in ["<package", "<metadata", "<dc:identifier", "<dc:title", "<manifest", "<spine"] {
        assert!(opf.contains(part), "OPF without {part}");
    }
    let dir = opf_path.rsplit_once('/').map_or("", |(d, _)| d);
    for href in opf.split(" href=\"").skip(1).filter_map(|s| s.split('"').next()) {
        let name = if dir.is_empty() {
            href.to_string()
        } else {
            format!("{dir}/{href}")
        };
        assert!(zip.by_name(&name).is_ok(), "manifest item {name} missing");
    }
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    for name in names {
        if [".xhtml", ".opf", ".ncx", ".xml"].iter().any(|e| name.ends_with(e)) {
            let body = text(&mut zip, &name);
            check_xml(body.as_bytes(), &name);
            check_inert(body.as_bytes(), &name);
        }
    }
}

/// Writes JSON, reads it back and writes it again: the same model, the same bytes.
pub fn check_json_roundtrip(article: &Article) {
    let json = write(article, "json");
    let again = read_with("json", &json, false).expect("folio reads its own JSON");
    assert_eq!(&again.meta, &article.meta, "metadata changed");
    assert_eq!(&again.blocks, &article.blocks, "body changed");
    assert_eq!(write(&again, "json"), json, "JSON changed");
}

//! Every writer keeps every word: each Markdown document (the sample article and the fixtures)
//! is converted to every registered format, and every word of its title and body must appear
//! in the output. (Presence, not counts: a figure whose caption repeats its alt text may
//! rightly be written once.)

use folio::{Diagnostics, Input, Options, Registry};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("examples/article.md")];
    if let Ok(dir) = std::fs::read_dir(root.join("tests/fixtures")) {
        let mut md: Vec<PathBuf> = dir
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        md.sort();
        docs.extend(md);
    }
    docs
}

/// Counts of alphanumeric runs, lower-cased: markup, escapes and punctuation do not count.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// The text of XML or HTML: tags dropped but for their alt text, entities decoded.
fn markup_text(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        text.push(' ');
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j);
        // Alternative text is text a reader gets.
        if let Some((_, alt)) = rest[i..end].split_once(" alt=\"") {
            text.push_str(alt.split('"').next().unwrap_or(""));
            text.push(' ');
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    text.push_str(rest);
    let mut out = String::new();
    let mut parts = text.split('&');
    out.push_str(parts.next().unwrap_or(""));
    for part in parts {
        let decoded = part.split_once(';').and_then(|(entity, after)| {
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }?;
            Some(format!("{c}{after}"))
        });
        match decoded {
            Some(d) => out.push_str(&d),
            None => {
                out.push('&');
                out.push_str(part);
            }
        }
    }
    out
}

/// The text of the XHTML documents of an EPUB.
fn epub_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("EPUB is a ZIP");
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xhtml") && !f.name().ends_with("nav.xhtml") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            text.push_str(&markup_text(&s));
        }
    }
    text
}

/// Every string of a JSON value, one per line.
fn json_strings(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("{s}\n"),
        serde_json::Value::Array(xs) => xs.iter().map(json_strings).collect(),
        serde_json::Value::Object(o) => o.values().map(json_strings).collect(),
        _ => String::new(),
    }
}

#[test]
fn every_writer_keeps_every_word() {
    let registry = Registry::default();
    let options = Options::default();
    let docs = documents();
    assert!(docs.len() > 1, "the fixtures are missing");
    for doc in docs {
        let bytes = std::fs::read(&doc).unwrap();
        let input = Input {
            bytes: &bytes,
            path: Some(&doc),
        };
        let mut diag = Diagnostics::default();
        let article =
            folio::read_one(&registry, input, "markdown", &options.read, &mut diag).unwrap();
        let mut words = folio::model::words(&article.blocks).join(" ");
        words.push(' ');
        words.push_str(article.meta.title.as_deref().unwrap_or(""));
        let want = word_counts(&words);
        assert!(
            want.len() > 20,
            "{} has too few words to test",
            doc.display()
        );
        for writer in registry.writers() {
            let mut out = Vec::new();
            writer
                .write(&article, &options.write, &mut diag, &mut out)
                .unwrap_or_else(|e| panic!("{} to {}: {e}", doc.display(), writer.name()));
            let text = match writer.name() {
                "epub" => epub_text(&out),
                "html" | "jats" => markup_text(&String::from_utf8(out).unwrap()),
                "json" => json_strings(&serde_json::from_slice(&out).unwrap()),
                _ => String::from_utf8(out).unwrap(),
            };
            let have = word_counts(&text);
            let lost: Vec<String> = want
                .keys()
                .filter(|w| !have.contains_key(*w))
                .cloned()
                .collect();
            assert!(
                lost.is_empty(),
                "{} to {} lost words: {lost:?}",
                doc.display(),
                writer.name()
            );
        }
    }
}

//! Every writer keeps every word: each Markdown document (the sample article and the fixtures)
//! is converted to every registered format, and every word of its title and body must appear
//! in the output. (Presence, not counts: a figure whose caption repeats its alt text may
//! rightly be written once.) And with `--no-extract`, every word of the input text of every
//! fixture and every readability page reaches every output (see below for what counts).

use folio::{Diagnostics, Input, Options, Registry};
use std::collections::{BTreeMap, BTreeSet, HashMap};
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

/// Inline elements of HTML and JATS: their tags join the text around them, as it reads;
/// every other tag separates it.
const INLINE_TAGS: &[&str] = &[
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "code",
    "sup",
    "sub",
    "span",
    "small",
    "mark",
    "abbr",
    "cite",
    "q",
    "kbd",
    "var",
    "samp",
    "time",
    "italic",
    "bold",
    "monospace",
    "strike",
    "underline",
    "sc",
    "ext-link",
    "xref",
    "named-content",
    "styled-content",
    "inline-formula",
    "uri",
    "email",
];

/// The text of XML or HTML: tags dropped but for their alt text, entities decoded.
fn markup_text(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j);
        let name: String = rest[i + 1..end]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        if !INLINE_TAGS.contains(&name.as_str()) {
            text.push(' ');
        }
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
    let mut options = Options::default();
    // The model's words include alt texts, which plain text writes when asked to.
    options.write.alt_text = true;
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

// ---------------------------------------------------------------------------------------------
// Nothing of the input is lost with `--no-extract` (issue 16).
//
// "Input text", computed here independently of folio's readers:
// - HTML: the text nodes of the page's `<body>` as an HTML5 parser (html5ever's reference DOM)
//   builds it, with text hidden by CSS, `hidden` or `aria-hidden` included (folio converts
//   the whole page with `--no-extract`: collapsed sections and tabs are content), and form
//   text included (labels, button captions, option texts, a text area's text). Not input
//   text: attribute values (alt text, titles, input values), and the contents of `<head>`,
//   `<script>`, `<style>`, `<template>`, `<noscript>` (the page's stand-in for its scripts),
//   `<iframe>`, `<noembed>` and `<noframes>` (markup, never shown as text), and of an inline
//   `<svg>` (a drawing: folio keeps images by reference, and warns that it left one out).
// - Markdown: the text, code and math of the body as pulldown-cmark parses it with folio's
//   extensions, and the text of raw HTML in it; the YAML front matter is metadata (its
//   title is checked by `every_writer_keeps_every_word`). An image's alt text is no input
//   text, as in HTML (plain text writes it only with `--alt-text`; the other writers'
//   keeping it is checked by `every_writer_keeps_every_word`).
// - Plain text: as Markdown. folio's text reader reads the Markdown syntax that text written
//   by hand or copied from the web carries (links, fences, front matter) as such; every
//   other word of the file is text.
//
// Words are runs of letters and digits, lower-cased; each Han or kana character is a word of
// its own (those scripts do not separate words with spaces). The parsers decode entities;
// output markup (Markdown, read as it renders; XML tags and entities) is removed before words
// are taken. No Unicode normalisation: folio does not normalise text, so the same characters
// must come out. An inline element joins the text around it, a block element, an image or
// `<br>` separates it, as a browser shows it. A word is found when it is an output word or
// part of one: writers put an image's alternative text where the image was, next to a word.
// (So a lost short word may go unseen; what is lost is whole elements, whose longer words
// are seen.)
// ---------------------------------------------------------------------------------------------

/// Words of a text: alphanumeric runs, lower-cased; a Han or kana character is a word by itself.
fn words_of(text: &str, into: &mut BTreeSet<String>) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() && !is_cjk(c) {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            into.insert(std::mem::take(&mut word));
        }
        if is_cjk(c) && c.is_alphanumeric() {
            into.insert(c.to_string());
        }
    }
    if !word.is_empty() {
        into.insert(word);
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Elements whose contents are not input text (see above).
const NOT_TEXT: &[&str] = &[
    "head", "title", "script", "style", "template", "noscript", "iframe", "noembed", "noframes",
    "svg",
];

/// Elements that separate the text around them (displayed as blocks, cells or lines).
const SEPARATE: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "optgroup",
    "option",
    "p",
    "plaintext",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "xmp",
    "textarea",
    "button",
    "img",
];

/// The input text of an HTML node, appended to `out`.
fn html_text(node: &markup5ever_rcdom::Handle, out: &mut String) {
    use markup5ever_rcdom::NodeData;
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        NodeData::Element { name, .. } => {
            let tag = &*name.local;
            if NOT_TEXT.contains(&tag) {
                return;
            }
            let sep = SEPARATE.contains(&tag);
            if sep {
                out.push(' ');
            }
            for c in node.children.borrow().iter() {
                html_text(c, out);
            }
            if sep {
                out.push(' ');
            }
        }
        NodeData::Document => node
            .children
            .borrow()
            .iter()
            .for_each(|c| html_text(c, out)),
        _ => {}
    }
}

/// The input text of an HTML page (see above).
fn html_input_text(html: &str) -> String {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .one(html);
    let mut text = String::new();
    html_text(&dom.document, &mut text);
    text
}

/// The input text of a Markdown document (see above).
fn markdown_input_text(md: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut text = String::new();
    let mut html = String::new();
    let mut in_metadata = false;
    let mut in_image = 0;
    let mut para = 0;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => {
                in_image -= 1;
                text.push(' ');
            }
            Event::Text(_) | Event::Code(_) if in_image > 0 => {}
            Event::Start(Tag::Paragraph) => para = text.len(),
            // `Table: ...` after a table is folio's caption syntax, as in pandoc.
            Event::End(TagEnd::Paragraph) if text[para..].trim_start().starts_with("Table:") => {
                let at = para + text[para..].find("Table:").unwrap_or(0);
                text.replace_range(at..at + "Table:".len(), " ");
                text.push(' ');
            }
            Event::Text(t) if !in_metadata => text.push_str(&t),
            Event::Code(t) => text.push_str(&t),
            // TeX commands (`\frac`) are markup; MathML outputs do not spell them.
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                text.push(' ');
                let mut rest = &*t;
                while let Some(i) = rest.find('\\') {
                    text.push_str(&rest[..i]);
                    text.push(' ');
                    rest = rest[i + 1..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
                }
                text.push_str(rest);
                text.push(' ');
            }
            Event::Html(t) | Event::InlineHtml(t) => html.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::Start(_) | Event::End(_) => text.push(' '),
            _ => {}
        }
    }
    if !html.is_empty() {
        text.push(' ');
        text.push_str(&html_input_text(&html));
    }
    text
}

/// The words of a writer's output: markup removed, entities decoded.
fn output_words(writer: &str, out: &[u8]) -> BTreeSet<String> {
    let text = match writer {
        "epub" => epub_text(out),
        "json" => {
            let mut s = String::new();
            json_text(
                &serde_json::from_slice(out).expect("JSON output parses"),
                &mut s,
            );
            s
        }
        // Markdown reads as it renders: links show their text, not their destinations.
        "markdown" => {
            let md = String::from_utf8_lossy(out);
            let options =
                pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_OLD_FOOTNOTES;
            let mut html = String::new();
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(&md, options),
            );
            markup_text(&html)
        }
        "plain" => String::from_utf8_lossy(out).into_owned(),
        // Read both with and without the links that show their own address (see there).
        "jats" | "jats-publishing" => {
            let xml = String::from_utf8_lossy(out);
            format!(
                "{} {}",
                markup_text(&xml),
                markup_text(&without_address_links(&xml))
            )
        }
        _ => markup_text(&String::from_utf8_lossy(out)),
    };
    let mut words = BTreeSet::new();
    words_of(&text, &mut words);
    words
}

/// JATS without the links that show their own address. The JATS writer writes the address
/// of a link without text (an icon's), which a page shows as nothing: the words on either
/// side of it join, as on the page.
fn without_address_links(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<ext-link ") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find("</ext-link>") else {
            break;
        };
        let link = &rest[..end];
        let shows_address = link.split_once(" xlink:href=\"").is_some_and(|(_, after)| {
            let href = after.split('"').next().unwrap_or("");
            link.ends_with(&format!(">{href}"))
        });
        if !shows_address {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The text of the JSON model: the inlines of one list joined as they read, other strings
/// (and numbers: a reference's year) apart.
fn json_text(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::String(s) => {
            out.push(' ');
            out.push_str(s);
            out.push(' ');
        }
        Value::Number(n) => {
            out.push(' ');
            out.push_str(&n.to_string());
            out.push(' ');
        }
        Value::Array(xs) if !xs.is_empty() && xs.iter().all(is_json_inline) => {
            out.push(' ');
            xs.iter().for_each(|x| json_inline_text(x, out));
            out.push(' ');
        }
        Value::Array(xs) => xs.iter().for_each(|x| json_text(x, out)),
        Value::Object(o) => o.values().for_each(|x| json_text(x, out)),
        _ => {}
    }
}

/// The text of an inline of the JSON model, joined to the text around it.
fn json_inline_text(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    let Value::Object(o) = v else { return };
    for (k, x) in o {
        match (k.as_str(), x) {
            ("text", Value::String(s)) => out.push_str(s),
            // TeX as it reads: `h_{ij}` is "hij"; commands (`\\frac`) are markup.
            ("tex", Value::String(s)) => {
                let mut rest = s.as_str();
                while let Some(c) = rest.chars().next() {
                    rest = &rest[c.len_utf8()..];
                    match c {
                        '\\' => {
                            out.push(' ');
                            rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                        }
                        '_' | '^' | '{' | '}' => {}
                        c => out.push(c),
                    }
                }
            }
            ("content", Value::Array(xs)) => xs.iter().for_each(|x| json_inline_text(x, out)),
            ("url" | "src" | "title" | "type" | "display", _) => {}
            _ => json_text(x, out),
        }
    }
}

fn is_json_inline(v: &serde_json::Value) -> bool {
    matches!(
        v.get("type").and_then(serde_json::Value::as_str),
        Some(
            "text"
                | "emphasis"
                | "strong"
                | "strikethrough"
                | "superscript"
                | "subscript"
                | "code"
                | "link"
                | "math"
                | "image"
                | "line_break"
                | "note"
                | "citation"
        )
    )
}

/// The input text around the first place of a word, for the report.
fn excerpt(text: &str, word: &str) -> String {
    let lower = text.to_lowercase();
    let at = lower.find(word).unwrap_or(0);
    let around: String = lower[..at]
        .chars()
        .rev()
        .take(50)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = lower[at..]
        .chars()
        .take(50 + word.chars().count())
        .collect();
    format!("{around}{after}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The inputs of the no-loss test: the fixtures and, when the shared corpus is there, every
/// readability page. Each with the reader to use and its input words.
fn no_extract_inputs() -> Vec<(PathBuf, &'static str)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    let mut dirs = vec![root.join("tests/fixtures")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let from = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => "markdown",
                Some("html") => "html",
                Some("txt") => "text",
                _ => continue,
            };
            inputs.push((path, from));
        }
    }
    let corpus = root.join("../shared/corpus/readability");
    match std::fs::read_dir(&corpus) {
        Ok(dir) => {
            for entry in dir {
                let page = entry.unwrap().path().join("source.html");
                if page.is_file() {
                    inputs.push((page, "html"));
                }
            }
        }
        Err(_) => eprintln!(
            "note: {} is absent: the readability pages are not checked, only the fixtures",
            corpus.display()
        ),
    }
    inputs.sort();
    inputs
}

#[test]
fn no_extract_keeps_every_input_word() {
    use rayon::prelude::*;
    let registry = Registry::default();
    let mut options = Options::default();
    options.read.extract = false;
    let inputs = no_extract_inputs();
    assert!(inputs.len() > 5, "the fixtures are missing");
    let failures: Vec<String> = inputs
        .par_iter()
        .flat_map_iter(|(path, from)| {
            let bytes = std::fs::read(path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let text = match *from {
                "html" => html_input_text(&text),
                _ => markdown_input_text(&text),
            };
            let mut want = BTreeSet::new();
            words_of(&text, &mut want);
            let input = Input {
                bytes: &bytes,
                path: Some(path),
            };
            let mut diag = Diagnostics::default();
            let article = folio::read_one(&registry, input, from, &options.read, &mut diag)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let mut lost = Vec::new();
            for writer in registry.writers() {
                let mut out = Vec::new();
                writer
                    .write(&article, &options.write, &mut diag, &mut out)
                    .unwrap_or_else(|e| panic!("{} to {}: {e}", path.display(), writer.name()));
                if let Ok(dir) = std::env::var("NO_LOSS_DUMP") {
                    let name = path
                        .parent()
                        .and_then(|p| p.file_name())
                        .unwrap_or_default();
                    let file = format!("{dir}/{}.{}", name.to_string_lossy(), writer.name());
                    std::fs::write(file, &out).unwrap();
                }
                let have = output_words(writer.name(), &out);
                // A word may be part of an output word: writers put an image's alternative
                // text where the image was, and it can join the word next to it.
                let missing: Vec<&String> = want
                    .difference(&have)
                    .filter(|w| !have.iter().any(|h| h.contains(w.as_str())))
                    .collect();
                if !missing.is_empty() {
                    let shown: Vec<&str> = missing.iter().take(12).map(|s| s.as_str()).collect();
                    lost.push(format!(
                        "{} to {}: {} word(s) lost: {} (as in \"{}\")",
                        path.display(),
                        writer.name(),
                        missing.len(),
                        shown.join(" "),
                        excerpt(&text, missing[0])
                    ));
                }
            }
            lost
        })
        .collect();
    let mut per_writer: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &failures {
        let writer = f
            .split(" to ")
            .nth(1)
            .and_then(|s| s.split(':').next())
            .unwrap_or("");
        *per_writer.entry(writer).or_default() += 1;
    }
    assert!(
        failures.is_empty(),
        "inputs that lost words, per writer: {per_writer:?}\n{}",
        failures.join("\n")
    );
}

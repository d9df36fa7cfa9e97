//! The examples of the CommonMark 0.31.2 spec and of the GFM 0.29 spec (copies in
//! tests/fixtures/spec, CC BY-SA 4.0): every example without raw HTML survives Markdown →
//! model → Markdown → model unchanged.

use folio::{Article, Diagnostics, Input, ReadOptions, Registry, WriteOptions};

/// How many CommonMark examples the HTML writer renders as the spec does (measured).
const BASELINE: usize = 545;
use pulldown_cmark::{Event, Parser};
use std::path::Path;

/// One example of a spec file: its number, section kind (`example`, `example table`...) and
/// Markdown.
struct Example {
    number: usize,
    kind: String,
    markdown: String,
}

const FENCE: &str = "````````````````````````````````";

/// The examples of a spec file, numbered from 1 as the spec numbers them.
fn examples(file: &str) -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spec")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(kind) = line
            .strip_prefix(FENCE)
            .filter(|k| k.starts_with(" example"))
        else {
            continue;
        };
        let mut markdown = String::new();
        for line in lines.by_ref() {
            if line == "." {
                break;
            }
            markdown.push_str(line);
            markdown.push('\n');
        }
        // The expected HTML, up to the closing fence.
        for line in lines.by_ref() {
            if line == FENCE {
                break;
            }
        }
        out.push(Example {
            number: out.len() + 1,
            kind: kind.trim().to_string(),
            markdown: markdown.replace('→', "\t"),
        });
    }
    out
}

/// Whether Markdown holds raw HTML (which Markdown cannot write back as it was).
fn has_raw_html(markdown: &str) -> bool {
    Parser::new(markdown).any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

fn read(registry: &Registry, markdown: &[u8]) -> Result<Article, String> {
    let mut diag = Diagnostics::default();
    registry
        .reader("markdown")
        .unwrap()
        .read(Input::new(markdown), &ReadOptions::default(), &mut diag)
        .map_err(|e| e.to_string())
}

fn write(registry: &Registry, article: &Article) -> Vec<u8> {
    let mut out = Vec::new();
    let mut diag = Diagnostics::default();
    registry
        .writer("markdown")
        .unwrap()
        .write(article, &WriteOptions::default(), &mut diag, &mut out)
        .unwrap();
    out
}

/// Round-trips the examples that have no raw HTML; returns (checked, skipped, failures).
fn round_trip(examples: &[Example]) -> (usize, usize, Vec<String>) {
    let registry = Registry::default();
    let mut checked = 0;
    let mut skipped = 0;
    let mut failures = Vec::new();
    for ex in examples {
        if has_raw_html(&ex.markdown) {
            skipped += 1;
            continue;
        }
        checked += 1;
        let once = match read(&registry, ex.markdown.as_bytes()) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("example {} does not read: {e}", ex.number));
                continue;
            }
        };
        let written = write(&registry, &once);
        match read(&registry, &written) {
            Ok(again) if again == once => {}
            Ok(again) => failures.push(format!(
                "example {} ({}): {:?}\nwritten as {:?}\nmodel {:?}\nread back {:?}",
                ex.number,
                ex.kind,
                ex.markdown,
                String::from_utf8_lossy(&written),
                once.blocks,
                again.blocks
            )),
            Err(e) => failures.push(format!(
                "example {}: written Markdown does not read: {e}",
                ex.number
            )),
        }
    }
    (checked, skipped, failures)
}

#[test]
fn commonmark_examples_round_trip() {
    let examples = examples("commonmark-0.31.2.txt");
    assert_eq!(examples.len(), 652, "the 0.31.2 spec has 652 examples");
    let (checked, skipped, failures) = round_trip(&examples);
    println!(
        "CommonMark 0.31.2: {} examples, {checked} without raw HTML checked, {skipped} skipped, {} round trips failed",
        examples.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn gfm_examples_round_trip() {
    let all = examples("gfm-0.29.txt");
    let (checked, skipped, failures) = round_trip(&all);
    println!(
        "GFM 0.29: {} examples, {checked} without raw HTML checked, {skipped} skipped, {} round trips failed",
        all.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let extensions: Vec<Example> = all
        .into_iter()
        .filter(|e| e.kind != "example" && e.kind != "example disabled")
        .collect();
    let (checked, skipped, _) = round_trip(&extensions);
    println!(
        "GFM extensions: {} examples, {checked} without raw HTML checked, {skipped} skipped",
        extensions.len()
    );
    assert!(checked >= 20, "{checked}");
}

/// Examples with raw HTML too: each reads (its HTML through the HTML reader), and the Markdown
/// written of it is a fixed point: read and written again, it gives the same model.
#[test]
fn every_example_reads_and_its_markdown_is_a_fixed_point() {
    let registry = Registry::default();
    let mut all = examples("commonmark-0.31.2.txt");
    all.extend(examples("gfm-0.29.txt"));
    let mut failures = Vec::new();
    for ex in &all {
        let once = read(&registry, ex.markdown.as_bytes()).unwrap();
        let twice = read(&registry, &write(&registry, &once)).unwrap();
        let written = write(&registry, &twice);
        let thrice = read(&registry, &written).unwrap();
        if thrice != twice {
            failures.push(format!(
                "example {} ({}): {:?}\nwritten as {:?}",
                ex.number,
                ex.kind,
                ex.markdown,
                String::from_utf8_lossy(&written)
            ));
        }
    }
    println!(
        "{} examples read; {} not fixed points",
        all.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---- The HTML writer against the spec's HTML ------------------------------------------------

/// The expected HTML of each example, in the order of [`examples`].
fn expected_html(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spec")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if !line
            .strip_prefix(FENCE)
            .is_some_and(|k| k.starts_with(" example"))
        {
            continue;
        }
        for line in lines.by_ref() {
            if line == "." {
                break;
            }
        }
        let html: Vec<&str> = lines.by_ref().take_while(|l| *l != FENCE).collect();
        out.push(html.join("\n").replace('→', "\t"));
    }
    out
}

const BLOCK_TAGS: [&str; 22] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "div",
];

/// HTML in a canonical form: elements with their attributes sorted (heading ids left out),
/// text with white space collapsed and none next to block tags, `<pre>` text without its
/// last line end. Heading levels move up by `shift`.
fn canonical(html: &str, shift: u8) -> String {
    use folio::read::html::dom::{Data, Dom};
    let dom = Dom::parse(html);
    let body = dom.find("body").unwrap_or(0);
    let mut out = String::new();
    fn walk(dom: &Dom, id: usize, shift: u8, in_pre: bool, out: &mut String) {
        match &dom.nodes[id].data {
            Data::Text(t) if in_pre => out.push_str(t),
            Data::Text(t) => {
                let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
                let lead = t.starts_with(char::is_whitespace) && !collapsed.is_empty();
                let trail = t.ends_with(char::is_whitespace);
                if lead || (collapsed.is_empty() && trail) {
                    out.push(' ');
                }
                out.push_str(&collapsed);
                if trail && !collapsed.is_empty() {
                    out.push(' ');
                }
            }
            Data::Element { tag, attrs } => {
                let mut name = tag.to_string();
                if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()) {
                    name = format!("h{}", level.saturating_sub(shift).max(1));
                }
                let mut attrs: Vec<String> = attrs
                    .iter()
                    .filter(|(k, _)| !(name.starts_with('h') && &**k == "id"))
                    .map(|(k, v)| format!(" {}=\"{}\"", &**k, &**v))
                    .collect();
                attrs.sort();
                out.push_str(&format!("<{name}{}>", attrs.concat()));
                let pre = in_pre || name == "pre";
                let start = out.len();
                for &child in dom.children(id) {
                    walk(dom, child, shift, pre, out);
                }
                if name == "code" && in_pre && out.ends_with('\n') && out.len() > start {
                    out.pop();
                }
                out.push_str(&format!("</{name}>"));
            }
            Data::Document => {
                for &child in dom.children(id) {
                    walk(dom, child, shift, in_pre, out);
                }
            }
        }
    }
    for &child in dom.children(body) {
        walk(&dom, child, shift, false, &mut out);
    }
    // A line end after `<br>` is only source layout.
    out = out.replace("<br></br> ", "<br></br>");
    // No blanks next to block tags.
    for tag in BLOCK_TAGS {
        for form in [format!("<{tag}>"), format!("</{tag}>")] {
            out = out
                .replace(&format!(" {form}"), &form)
                .replace(&format!("{form} "), &form);
        }
    }
    out.trim().to_string()
}

/// The body of folio's HTML page for an article titled "Spec example", and how far its
/// headings moved down under the title.
fn folio_html(registry: &Registry, article: &Article) -> (String, u8) {
    let mut article = article.clone();
    article.meta.title = Some("Spec example".into());
    let mut out = Vec::new();
    let mut diag = Diagnostics::default();
    registry
        .writer("html")
        .unwrap()
        .write(&article, &WriteOptions::default(), &mut diag, &mut out)
        .unwrap();
    let page = String::from_utf8(out).unwrap();
    let body = page
        .split_once("</header>")
        .and_then(|(_, rest)| rest.split_once("</article>"))
        .map_or(String::new(), |(body, _)| body.to_string());
    let has_h1 = article
        .blocks
        .iter()
        .any(|b| matches!(b, folio::Block::Heading { level: 1, .. }));
    (body, u8::from(has_h1))
}

/// The HTML writer matches the spec's HTML, in canonical form, for most examples without raw
/// HTML. The differences are folio's by design (see the README's Markdown section): a lone
/// image is a `<figure>` with its description as caption, GFM autolinks, non-ASCII and
/// brackets in URLs are not percent-encoded, line ends in link titles are spaces, `---` on
/// the first line opens front matter, headings under a title move down a level (`h6` stays),
/// a tight item's text after a heading is a paragraph, trailing blank lines of code go.
#[test]
fn html_writer_matches_the_spec_html() {
    let registry = Registry::default();
    let examples = examples("commonmark-0.31.2.txt");
    let expected = expected_html("commonmark-0.31.2.txt");
    let mut same = 0;
    let mut checked = 0;
    let mut differing = Vec::new();
    for (ex, html) in examples.iter().zip(&expected) {
        if has_raw_html(&ex.markdown) {
            continue;
        }
        checked += 1;
        let article = read(&registry, ex.markdown.as_bytes()).unwrap();
        let (body, shift) = folio_html(&registry, &article);
        let ours = canonical(&body, shift);
        let theirs = canonical(html, 0);
        if ours == theirs {
            same += 1;
        } else {
            differing.push(format!(
                "example {}\n  spec:  {theirs}\n  folio: {ours}",
                ex.number
            ));
        }
    }
    println!("HTML writer: {same} of {checked} examples without raw HTML match the spec");
    if std::env::var_os("FOLIO_SPEC_DIFF").is_some() {
        println!("{}", differing.join("\n"));
    }
    assert!(
        same >= BASELINE,
        "{same} < {BASELINE}:\n{}",
        differing.join("\n")
    );
}

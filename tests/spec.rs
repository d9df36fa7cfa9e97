//! The examples of the CommonMark 0.31.2 spec and of the GFM spec's extensions (copies in
//! tests/fixtures/spec, CC BY-SA 4.0): every example without raw HTML survives Markdown →
//! model → Markdown → model unchanged.

use folio::{Article, Diagnostics, Input, ReadOptions, Registry, WriteOptions};
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
fn gfm_extension_examples_round_trip() {
    let examples: Vec<Example> = examples("gfm-0.29.txt")
        .into_iter()
        .filter(|e| e.kind != "example" && e.kind != "example disabled")
        .collect();
    let (checked, skipped, failures) = round_trip(&examples);
    println!(
        "GFM extensions: {} examples, {checked} without raw HTML checked, {skipped} skipped, {} round trips failed",
        examples.len(),
        failures.len()
    );
    assert!(checked >= 20, "{checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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

//! Speed of the JATS writer on a ~10 MB article: the writer alone on a model, JSON to JATS, and
//! Markdown to JATS when a Markdown reader and writer are registered.
//!
//! `cargo bench --bench jats`. Also writes the JATS to `target/bench-article.xml` (to validate)
//! and the inputs to `target/bench-article.{json,md}` (to measure the CLI with `/usr/bin/time -v`).

use folio::model::{Align, Article, Block, Image, Inline, ListItem, Table};
use folio::{Diagnostics, Registry, WriteOptions};
use std::time::{Duration, Instant};

const TARGET_BYTES: usize = 10 * 1024 * 1024;
const RUNS: usize = 5;

fn t(s: &str) -> Inline {
    Inline::text(s)
}

/// Deterministic filler words.
fn sentence(seed: usize, words: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "model",
        "article",
        "reader",
        "publisher",
        "validates",
        "quickly",
        "section",
        "paragraph",
        "figure",
        "table",
        "footnote",
        "language",
        "résumé",
        "naïve",
        "data",
        "archive",
        "journal",
        "&",
        "<tag>",
        "results",
        "method",
        "sample",
        "linear",
    ];
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[(seed * 31 + i * 7) % WORDS.len()]);
    }
    s.push('.');
    s
}

fn rich_paragraph(seed: usize) -> Block {
    Block::Paragraph {
        content: vec![
            t(&sentence(seed, 30)),
            t(" "),
            Inline::Emphasis {
                content: vec![t(&sentence(seed + 1, 4))],
            },
            t(" and "),
            Inline::Strong {
                content: vec![t(&sentence(seed + 2, 3))],
            },
            t(" with "),
            Inline::Code {
                text: "x < y && z".into(),
            },
            t(" see "),
            Inline::link(
                format!("https://example.org/{seed}?a=1&b=2"),
                None,
                vec![t("the source")],
            ),
            t(". "),
            t(&sentence(seed + 3, 25)),
        ],
    }
}

/// One section: heading, paragraphs, a list, a quote, code, a figure, a table, a footnote.
fn section(seed: usize) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        level: (seed % 3 + 1) as u8,
        id: None,
        content: vec![t(&format!("Section {seed}"))],
    }];
    blocks.extend((0..5).map(|i| rich_paragraph(seed * 10 + i)));
    blocks.push(Block::List {
        start: (seed % 2 == 0).then_some(1),
        tight: true,
        items: (0..4)
            .map(|i| ListItem {
                task: None,
                blocks: vec![Block::para(sentence(seed + i, 10))],
            })
            .collect(),
    });
    blocks.push(Block::Quote {
        blocks: vec![Block::para(sentence(seed, 20))],
        attribution: vec![t("Someone")],
    });
    blocks.push(Block::Code {
        language: Some("rust".into()),
        attributes: Default::default(),
        text: "fn main() {\n    println!(\"<hello> & bye\");\n}\n".into(),
    });
    blocks.push(Block::Figure {
        image: Box::new(Image {
            src: format!("images/fig{seed}.png"),
            alt: sentence(seed, 5),
            title: None,
        }),
        caption: vec![t(&sentence(seed + 5, 8))],
        credit: vec![t("Photo: Ann")],
    });
    blocks.push(Block::Table(Box::new(Table {
        caption: vec![t("Numbers")],
        align: vec![Align::Left, Align::Right],
        header: vec![vec![t("name")], vec![t("value")]],
        rows: (0..4)
            .map(|i| {
                vec![
                    vec![t(&format!("row {i}"))],
                    vec![t(&format!("{}", seed * i))],
                ]
            })
            .collect(),
    })));
    blocks.push(Block::Paragraph {
        content: vec![
            t(&sentence(seed + 7, 15)),
            Inline::Note {
                blocks: vec![Block::para(sentence(seed + 8, 12))],
            },
        ],
    });
    blocks
}

/// An article whose text is about `bytes` long.
fn big_article(bytes: usize) -> Article {
    let mut blocks = Vec::new();
    let per_section = folio::model::words(&section(0))
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>();
    for seed in 0..bytes / per_section + 1 {
        blocks.extend(section(seed));
    }
    Article::new("A long benchmark article", blocks)
}

fn time<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

fn mb(n: usize) -> f64 {
    n as f64 / (1024.0 * 1024.0)
}

/// Writes a file under `target/` and returns its path.
fn save(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name);
    if let Err(e) = std::fs::write(&path, bytes) {
        eprintln!("could not write {}: {e}", path.display());
    }
    path
}

fn main() {
    let article = big_article(TARGET_BYTES);
    let registry = Registry::default();
    let jats = registry.writer("jats").expect("jats writer");

    let (elapsed, out) = time(|| {
        let mut out = Vec::new();
        jats.write(
            &article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut out,
        )
        .expect("write");
        out
    });
    save("bench-article.xml", &out);
    println!(
        "model -> JATS: {} blocks, {:.1} MB of JATS in {:.1} ms (best of {RUNS})",
        article.blocks.len(),
        mb(out.len()),
        elapsed.as_secs_f64() * 1e3
    );

    let mut json = Vec::new();
    let json_writer = registry.writer("json").expect("json writer");
    json_writer
        .write(
            &article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut json,
        )
        .expect("write json");
    let path = save("bench-article.json", &json);
    let (elapsed, out) = time(|| folio::convert(&json, "json", "jats").expect("convert"));
    println!(
        "json -> JATS: {:.1} MB of JSON to {:.1} MB of JATS in {:.1} ms (best of {RUNS}); input at {}",
        mb(json.len()),
        mb(out.len()),
        elapsed.as_secs_f64() * 1e3,
        path.display()
    );

    let (Ok(md_writer), Ok(_)) = (registry.writer("markdown"), registry.reader("markdown")) else {
        println!("markdown -> JATS: skipped (no markdown reader/writer registered)");
        return;
    };
    let mut markdown = Vec::new();
    md_writer
        .write(
            &article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut markdown,
        )
        .expect("write markdown");
    let path = save("bench-article.md", &markdown);
    let reader = registry.reader("markdown").expect("markdown reader");
    let (read_elapsed, _) = time(|| {
        let input = folio::Input::new(&markdown);
        reader
            .read(
                input,
                &folio::ReadOptions::default(),
                &mut Diagnostics::default(),
            )
            .expect("read markdown")
    });
    println!(
        "markdown read alone: {:.1} ms (best of {RUNS})",
        read_elapsed.as_secs_f64() * 1e3
    );
    let (elapsed, out) = time(|| folio::convert(&markdown, "markdown", "jats").expect("convert"));
    println!(
        "markdown -> JATS: {:.1} MB of Markdown to {:.1} MB of JATS in {:.1} ms (best of {RUNS}); input at {}",
        mb(markdown.len()),
        mb(out.len()),
        elapsed.as_secs_f64() * 1e3,
        path.display()
    );
}

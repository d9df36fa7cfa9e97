//! Each reader and writer beside the limit its parser sets, measured in the same run on the
//! same generated input (`support/gen.rs`):
//!
//! - `markdown`: pulldown-cmark's own parse + HTML render (the limit), folio's Markdown
//!   reader alone, and whole conversions Markdown -> HTML, JATS, EPUB, JSON.
//! - `html`: html5ever's bare parse of a web page into its reference DOM (the limit), and
//!   folio's HTML reader (page -> article), which parses with html5ever and extracts.
//! - `text`: folio's text reader (no outside parser to compare with).
//! - `write`: each writer on an article read beforehand, beside pulldown-cmark's HTML render
//!   of events parsed beforehand (the limit of writing HTML from a parsed document).
//!
//! `cargo bench --bench convert` at 1 MB; `FOLIO_BENCH_SIZES=1MB,10MB` for other sizes.
//! Short runs: `cargo bench --bench convert -- --warm-up-time 1 --measurement-time 3`.

// The generator also makes adversarial shapes, which these benches do not use.
#[allow(dead_code)]
mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use folio::{Article, Diagnostics, Input, ReadOptions, Registry, WriteOptions};
use html5ever::tendril::TendrilSink;
use std::hint::black_box;
use support::gen::{document, Kind};

/// Sizes to measure, from `FOLIO_BENCH_SIZES` (`100KB,1MB`), else 1 MB.
fn sizes() -> Vec<(String, usize)> {
    let spec = std::env::var("FOLIO_BENCH_SIZES").unwrap_or_else(|_| "1MB".into());
    spec.split(',')
        .filter_map(|s| {
            let s = s.trim();
            let upper = s.to_ascii_uppercase();
            let (number, factor) = if let Some(n) = upper.strip_suffix("MB") {
                (n, 1 << 20)
            } else if let Some(n) = upper.strip_suffix("KB") {
                (n, 1 << 10)
            } else {
                (upper.as_str(), 1)
            };
            let bytes = number.trim().parse::<usize>().ok()? * factor;
            Some((s.to_string(), bytes))
        })
        .collect()
}

fn pulldown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    // The extensions folio's Markdown reader turns on.
    O::ENABLE_TABLES
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_HEADING_ATTRIBUTES
        | O::ENABLE_SUPERSCRIPT
        | O::ENABLE_SUBSCRIPT
}

fn read(registry: &Registry, format: &str, bytes: &[u8]) -> Article {
    registry
        .reader(format)
        .expect("reader")
        .read(
            Input::new(bytes),
            &ReadOptions::default(),
            &mut Diagnostics::default(),
        )
        .expect("read")
}

fn write(registry: &Registry, format: &str, article: &Article) -> Vec<u8> {
    let mut out = Vec::new();
    registry
        .writer(format)
        .expect("writer")
        .write(
            article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut out,
        )
        .expect("write");
    out
}

fn markdown(c: &mut Criterion) {
    let registry = Registry::default();
    for (label, size) in sizes() {
        let input = document(Kind::Markdown, size);
        let mut group = c.benchmark_group(format!("markdown/{label}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.sample_size(10);
        group.bench_function("limit: pulldown-cmark parse+html", |b| {
            b.iter(|| {
                let mut html = String::with_capacity(input.len() * 3 / 2);
                let parser = pulldown_cmark::Parser::new_ext(&input, pulldown_options());
                pulldown_cmark::html::push_html(&mut html, parser);
                black_box(html)
            })
        });
        group.bench_function("folio read", |b| {
            b.iter(|| black_box(read(&registry, "markdown", input.as_bytes())))
        });
        for to in ["html", "jats", "epub", "json"] {
            group.bench_function(BenchmarkId::new("folio to", to), |b| {
                b.iter(|| {
                    let (out, _) = folio::convert_with(
                        &registry,
                        &[Input::new(input.as_bytes())],
                        "markdown",
                        to,
                        &folio::Options::default(),
                    )
                    .expect("convert");
                    black_box(out)
                })
            });
        }
        group.finish();
    }
}

fn html(c: &mut Criterion) {
    let registry = Registry::default();
    for (label, size) in sizes() {
        let page = document(Kind::Html, size);
        let mut group = c.benchmark_group(format!("html/{label}"));
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.sample_size(10);
        group.bench_function("limit: html5ever parse", |b| {
            b.iter(|| {
                let dom = html5ever::parse_document(
                    markup5ever_rcdom::RcDom::default(),
                    Default::default(),
                )
                .from_utf8()
                .one(page.as_bytes());
                black_box(dom)
            })
        });
        group.bench_function("folio read (page -> article)", |b| {
            b.iter(|| black_box(read(&registry, "html", page.as_bytes())))
        });
        group.finish();
    }
}

fn text(c: &mut Criterion) {
    let registry = Registry::default();
    for (label, size) in sizes() {
        let input = document(Kind::Text, size);
        let mut group = c.benchmark_group(format!("text/{label}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.sample_size(10);
        group.bench_function("folio read", |b| {
            b.iter(|| black_box(read(&registry, "text", input.as_bytes())))
        });
        group.finish();
    }
}

fn writers(c: &mut Criterion) {
    let registry = Registry::default();
    for (label, size) in sizes() {
        let input = document(Kind::Markdown, size);
        let article = read(&registry, "markdown", input.as_bytes());
        let events: Vec<_> = pulldown_cmark::Parser::new_ext(&input, pulldown_options()).collect();
        let mut group = c.benchmark_group(format!("write/{label}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.sample_size(10);
        group.bench_function("limit: pulldown-cmark html render", |b| {
            b.iter(|| {
                let mut html = String::with_capacity(input.len() * 3 / 2);
                pulldown_cmark::html::push_html(&mut html, events.iter().cloned());
                black_box(html)
            })
        });
        for to in ["html", "jats", "epub", "json", "markdown", "plain"] {
            group.bench_function(BenchmarkId::new("folio", to), |b| {
                b.iter(|| black_box(write(&registry, to, &article)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, markdown, html, text, writers);
criterion_main!(benches);

//! Speed of the HTML reader on deeply nested markup, which html5ever alone parses in time
//! quadratic in the depth (servo/html5ever#788). Each shape at doubling sizes: the time per
//! level should stay flat.
//!
//! `cargo bench --bench html_nesting` (or `cargo run --release --bench html_nesting`).

use folio::read::html::dom::Dom;
use folio::{Diagnostics, Input, ReadOptions, Registry};
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [10_000, 20_000, 40_000, 80_000];
const RUNS: usize = 3;

/// Pages nested `n` levels deep, by name.
fn shapes(n: usize) -> Vec<(&'static str, String)> {
    let closed = |open: &str, close: &str| open.repeat(n) + "x" + &close.repeat(n);
    vec![
        ("<div>", closed("<div>", "</div>")),
        ("<ul><li>", closed("<ul><li>", "</li></ul>")),
        ("<b>", closed("<b>", "</b>")),
        (
            "<table><tr><td>",
            closed("<table><tr><td>", "</td></tr></table>"),
        ),
        // Lines each opening 200 divs it never closes, with text between.
        (
            "200 <div>x per line",
            ("<div>x".repeat(200) + "\n").repeat(n / 200),
        ),
    ]
}

/// Best of `RUNS`.
fn time(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let registry = Registry::default();
    let html = registry.reader("html").expect("html reader");
    println!(
        "{:<22} {:>7} {:>8} {:>11} {:>11} {:>13}",
        "shape", "levels", "KB", "parse ms", "read ms", "read µs/level"
    );
    for n in SIZES {
        for (name, page) in shapes(n) {
            let parse = time(|| {
                Dom::parse(&page);
            });
            let read = time(|| {
                html.read(
                    Input::new(page.as_bytes()),
                    &ReadOptions::default(),
                    &mut Diagnostics::default(),
                )
                .expect("read");
            });
            println!(
                "{name:<22} {n:>7} {:>8} {:>11.1} {:>11.1} {:>13.2}",
                page.len() / 1024,
                parse.as_secs_f64() * 1e3,
                read.as_secs_f64() * 1e3,
                read.as_secs_f64() * 1e6 / n as f64
            );
        }
    }
}

//! Deterministic documents for benchmarks: Markdown, a whole HTML web page and plain text of
//! about a given size, with what articles hold (headings, inline markup, links, lists,
//! tables, code, footnotes, figures, quotes), and the adversarial shapes that catch
//! superlinear work. The same arguments always give the same bytes.
//!
//! Shared by the benches (`mod support;`) and `examples/gen_input.rs`.

use std::fmt::Write;

/// The kinds of document made to a size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Html,
    Text,
}

impl Kind {
    pub fn parse(name: &str) -> Option<Kind> {
        match name {
            "markdown" | "md" => Some(Kind::Markdown),
            "html" => Some(Kind::Html),
            "text" | "txt" => Some(Kind::Text),
            _ => None,
        }
    }

    /// The folio reader of this kind.
    pub fn format(self) -> &'static str {
        match self {
            Kind::Markdown => "markdown",
            Kind::Html => "html",
            Kind::Text => "text",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Kind::Markdown => "md",
            Kind::Html => "html",
            Kind::Text => "txt",
        }
    }
}

/// A small xorshift generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "library",
    "seed",
    "packet",
    "borrow",
    "season",
    "garden",
    "return",
    "harvest",
    "of",
    "and",
    "to",
    "in",
    "volunteers",
    "catalogue",
    "tomatoes",
    "beans",
    "community",
    "members",
    "record",
    "growing",
    "notes",
    "a",
    "with",
    "for",
    "their",
    "plants",
    "village",
    "summer",
    "café",
    "naïve",
    "über",
    "résumé",
    "water",
    "soil",
    "weeks",
    "first",
    "many",
    "local",
    "measured",
    "results",
    "sample",
    "method",
    "data",
    "is",
    "was",
    "were",
    "that",
    "which",
    "data-driven",
    "2024",
    "42%",
    "North",
    "River",
];

const LANGUAGES: &[&str] = &["rust", "python", "js", "sh"];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    s
}

/// Between `min` and `min + spread - 1` words.
fn some_words(rng: &mut Rng, min: usize, spread: usize) -> String {
    let n = min + rng.below(spread);
    words(rng, n)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ').map(capitalised).collect::<Vec<_>>().join(" ")
}

/// A document of `kind` of about `bytes` bytes (a little more: whole sections are added).
pub fn document(kind: Kind, bytes: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(bytes + 16 * 1024);
    let title = title_case(&words(&mut rng, 6));
    match kind {
        Kind::Markdown => {
            let _ = write!(
                out,
                "---\ntitle: \"{title}\"\nauthor: Marta Okafor\ndate: 2024-04-12\nlang: en\n---\n\n"
            );
        }
        Kind::Html => html_head(&mut out, &title),
        Kind::Text => {
            let _ = write!(out, "{title}\n\nBy Marta Okafor\nPublished: 2024-04-12\n\n");
        }
    }
    let mut section = 0;
    while out.len() < bytes {
        section += 1;
        match kind {
            Kind::Markdown => markdown_section(&mut out, &mut rng, section),
            Kind::Html => html_section(&mut out, &mut rng, section),
            Kind::Text => text_section(&mut out, &mut rng, section),
        }
    }
    if kind == Kind::Html {
        html_tail(&mut out);
    }
    out
}

/// A sentence with inline markup; `note` is the number of a footnote to refer to.
fn markdown_sentence(out: &mut String, rng: &mut Rng, id: usize, note: Option<usize>) {
    out.push_str(&capitalised(&some_words(rng, 4, 8)));
    let _ = match rng.below(6) {
        0 => write!(out, " *{}*", words(rng, 2)),
        1 => write!(out, " **{}**", words(rng, 2)),
        2 => write!(out, " `{}()`", rng.pick(WORDS)),
        3 => write!(
            out,
            " [{}](https://example.org/{id}/{} \"A link\")",
            words(rng, 3),
            rng.pick(WORDS)
        ),
        4 => write!(
            out,
            " ~~{}~~ and <https://example.com/{id}>",
            rng.pick(WORDS)
        ),
        _ => write!(out, " {}", words(rng, 3)),
    };
    let _ = write!(out, " {}.", some_words(rng, 3, 6));
    if let Some(n) = note {
        let _ = write!(out, "[^{n}]");
    }
}

fn markdown_section(out: &mut String, rng: &mut Rng, s: usize) {
    let _ = write!(out, "## {} {s}\n\n", title_case(&words(rng, 3)));
    for p in 0..3 {
        for k in 0..4 {
            let note = (k == 1).then_some(s * 10 + p);
            markdown_sentence(out, rng, s, note);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    let _ = write!(out, "### {}\n\n", capitalised(&words(rng, 4)));
    for i in 0..5 {
        let _ = writeln!(
            out,
            "- {} *{}*",
            capitalised(&words(rng, 5)),
            rng.pick(WORDS)
        );
        if i == 2 {
            for _ in 0..2 {
                let _ = writeln!(out, "  - {}", words(rng, 4));
            }
        }
    }
    out.push('\n');
    for i in 1..=3 {
        let _ = writeln!(out, "{i}. {}", capitalised(&words(rng, 6)));
    }
    out.push('\n');
    out.push_str("| Name | Count | Share |\n|:-----|------:|:-----:|\n");
    for _ in 0..4 {
        let _ = writeln!(
            out,
            "| {} | {} | {}% |",
            capitalised(rng.pick(WORDS)),
            rng.below(10_000),
            rng.below(100)
        );
    }
    let _ = write!(out, "\nTable: {}\n\n", capitalised(&words(rng, 4)));
    let _ = writeln!(out, "```{}", rng.pick(LANGUAGES));
    for i in 0..4 {
        let _ = writeln!(
            out,
            "let x{i} = compute(\"{}\", {});",
            rng.pick(WORDS),
            i * s
        );
    }
    out.push_str("```\n\n");
    let _ = write!(
        out,
        "![{}](images/figure-{s}.png \"Figure {s}\")\n\n",
        capitalised(&words(rng, 4))
    );
    let _ = write!(out, "> {}\n> — A reader\n\n", capitalised(&words(rng, 12)));
    for p in 0..3 {
        let _ = write!(
            out,
            "[^{}]: {}.\n\n",
            s * 10 + p,
            capitalised(&words(rng, 8))
        );
    }
}

fn html_head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title} | The Riverside Gazette</title>\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta name=\"author\" content=\"Marta Okafor\">\n\
         <meta property=\"article:published_time\" content=\"2024-04-12T09:30:00+02:00\">\n\
         <link rel=\"stylesheet\" href=\"/static/site.css\">\n\
         <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>\n\
         <style>body {{ font-family: serif; }} .nav a {{ color: #333; }}</style>\n\
         </head>\n<body class=\"article-page\">\n\
         <header class=\"site-header\"><a class=\"logo\" href=\"/\">The Riverside Gazette</a>\
         <nav class=\"nav\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>\
         <li><a href=\"/culture\">Culture</a></li><li><a href=\"/about\">About us</a></li></ul></nav></header>\n\
         <main>\n<article>\n<h1>{title}</h1>\n\
         <p class=\"byline\">By <a rel=\"author\" href=\"/staff/marta\">Marta Okafor</a>, \
         <time datetime=\"2024-04-12\">12 April 2024</time></p>\n"
    );
}

fn html_tail(out: &mut String) {
    out.push_str(
        "</article>\n</main>\n<aside class=\"related\"><h2>Related stories</h2><ul>\
         <li><a href=\"/news/1\">Council meets on Tuesday</a></li>\
         <li><a href=\"/news/2\">New bus timetable</a></li></ul></aside>\n\
         <footer class=\"site-footer\"><p>© 2024 The Riverside Gazette. All rights reserved.</p>\
         <p><a href=\"/privacy\">Privacy</a> · <a href=\"/cookies\">Cookies</a></p></footer>\n\
         <script src=\"/static/app.js\"></script>\n</body>\n</html>\n",
    );
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn html_sentence(out: &mut String, rng: &mut Rng, id: usize, note: Option<usize>) {
    out.push_str(&html_escape(&capitalised(&some_words(rng, 4, 8))));
    let _ = match rng.below(6) {
        0 => write!(out, " <em>{}</em>", words(rng, 2)),
        1 => write!(out, " <strong>{}</strong>", words(rng, 2)),
        2 => write!(out, " <code>{}()</code>", rng.pick(WORDS)),
        3 => write!(
            out,
            " <a href=\"https://example.org/{id}/{}\" title=\"A link\">{}</a>",
            rng.pick(WORDS),
            words(rng, 3)
        ),
        4 => write!(out, " <s>{}</s>", rng.pick(WORDS)),
        _ => write!(out, " {}", words(rng, 3)),
    };
    let _ = write!(out, " {}.", some_words(rng, 3, 6));
    if let Some(n) = note {
        let _ = write!(
            out,
            "<sup id=\"fnref{n}\"><a href=\"#fn{n}\" class=\"footnote-ref\">{n}</a></sup>"
        );
    }
}

fn html_section(out: &mut String, rng: &mut Rng, s: usize) {
    let _ = writeln!(
        out,
        "<h2 id=\"s{s}\">{} {s}</h2>",
        title_case(&words(rng, 3))
    );
    for p in 0..3 {
        out.push_str("<p>");
        for k in 0..4 {
            let note = (k == 1).then_some(s * 10 + p);
            html_sentence(out, rng, s, note);
            out.push(' ');
        }
        out.push_str("</p>\n");
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ul>", capitalised(&words(rng, 4)));
    for i in 0..5 {
        let _ = write!(
            out,
            "<li>{} <em>{}</em>",
            capitalised(&words(rng, 5)),
            rng.pick(WORDS)
        );
        if i == 2 {
            let _ = write!(
                out,
                "<ul><li>{}</li><li>{}</li></ul>",
                words(rng, 4),
                words(rng, 4)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n<ol>\n");
    for _ in 0..3 {
        let _ = writeln!(out, "<li>{}</li>", capitalised(&words(rng, 6)));
    }
    let _ = write!(
        out,
        "</ol>\n<table>\n<caption>{}</caption>\n<thead><tr><th>Name</th>\
         <th style=\"text-align:right\">Count</th><th>Share</th></tr></thead>\n<tbody>\n",
        capitalised(&words(rng, 4))
    );
    for _ in 0..4 {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td style=\"text-align:right\">{}</td><td>{}%</td></tr>",
            capitalised(rng.pick(WORDS)),
            rng.below(10_000),
            rng.below(100)
        );
    }
    let _ = write!(
        out,
        "</tbody>\n</table>\n<pre><code class=\"language-{}\">",
        rng.pick(LANGUAGES)
    );
    for i in 0..4 {
        let _ = writeln!(
            out,
            "let x{i} = compute(&quot;{}&quot;, {});",
            rng.pick(WORDS),
            i * s
        );
    }
    out.push_str("</code></pre>\n");
    let _ = writeln!(
        out,
        "<figure><img src=\"/images/figure-{s}.jpg\" alt=\"{}\" width=\"800\" height=\"600\">\
         <figcaption>{} <span class=\"credit\">Photo: A. Reader</span></figcaption></figure>",
        capitalised(&words(rng, 4)),
        capitalised(&words(rng, 7))
    );
    let _ = writeln!(
        out,
        "<blockquote><p>{}</p></blockquote>",
        capitalised(&words(rng, 12))
    );
    out.push_str("<section class=\"footnotes\"><ol>\n");
    for p in 0..3 {
        let n = s * 10 + p;
        let _ = writeln!(
            out,
            "<li id=\"fn{n}\"><p>{}. <a href=\"#fnref{n}\" class=\"footnote-back\">↩</a></p></li>",
            capitalised(&words(rng, 8))
        );
    }
    out.push_str("</ol></section>\n");
}

/// Plain text as typed or copied from a page: headings on their own lines, hard-wrapped
/// paragraphs, lists, indented code, captions, bracketed note numbers. It has no tables:
/// plain text has no table syntax that readers agree on.
fn text_section(out: &mut String, rng: &mut Rng, s: usize) {
    let _ = write!(out, "{} {s}\n\n", title_case(&words(rng, 3)));
    for p in 0..3 {
        let mut para = String::new();
        for k in 0..4 {
            para.push_str(&capitalised(&some_words(rng, 6, 10)));
            if k == 1 {
                let _ = write!(para, " [{}]", s * 10 + p);
            }
            para.push_str(". ");
            if k == 2 {
                let _ = write!(
                    para,
                    "See https://example.org/{s}/{} for more. ",
                    rng.pick(WORDS)
                );
            }
        }
        wrap(out, para.trim_end(), 72);
        out.push('\n');
    }
    for _ in 0..5 {
        let _ = writeln!(out, "- {}", capitalised(&words(rng, 6)));
    }
    out.push('\n');
    for i in 1..=3 {
        let _ = writeln!(out, "{i}. {}", capitalised(&words(rng, 7)));
    }
    out.push('\n');
    for i in 0..3 {
        let _ = writeln!(
            out,
            "    let x{i} = compute(\"{}\", {});",
            rng.pick(WORDS),
            i * s
        );
    }
    out.push('\n');
    let _ = write!(out, "[Photo: {}]\n\n", capitalised(&words(rng, 6)));
    for p in 0..3 {
        let _ = writeln!(out, "[{}] {}.", s * 10 + p, capitalised(&words(rng, 8)));
    }
    out.push('\n');
}

fn wrap(out: &mut String, text: &str, width: usize) {
    let mut line = 0;
    for word in text.split(' ') {
        if line > 0 && line + 1 + word.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out.push('\n');
}

/// The adversarial shapes: name, the folio reader to use, a description.
pub const SHAPES: &[(&str, &str, &str)] = &[
    (
        "long-line",
        "markdown",
        "one 10 MB line of text with inline markup",
    ),
    ("footnotes", "markdown", "100,000 footnotes"),
    ("list-items", "markdown", "100,000 list items"),
    ("table", "markdown", "a table of 1000 rows and 100 columns"),
    ("nested-quotes", "markdown", "10,000 nested quotes"),
    ("sibling-divs", "html", "100,000 sibling divs"),
    ("links", "markdown", "1,000,000 links"),
    (
        "pictures",
        "html",
        "100,000 pictures with alt text and no other text",
    ),
];

/// A page whose `<main>` holds `count` lines made by `line`.
fn main_of_lines(title: &str, count: usize, line: impl Fn(usize) -> String) -> String {
    let mut out = format!("<!DOCTYPE html><html><head><title>{title}</title></head><body><main>\n");
    for i in 0..count {
        out.push_str(&line(i));
        out.push('\n');
    }
    out.push_str("</main></body></html>\n");
    out
}

/// An adversarial shape by name, at `scale` (1.0 is the size in [`SHAPES`]).
pub fn shape(name: &str, scale: f64) -> Option<String> {
    let n = |count: usize| ((count as f64 * scale) as usize).max(1);
    let mut out = String::new();
    match name {
        "long-line" => {
            let unit = "word *emphasis* and **strong** text `code` ";
            out = unit.repeat(n(10 * 1024 * 1024) / unit.len());
            out.push('\n');
        }
        "footnotes" => {
            let count = n(100_000);
            for i in 0..count {
                let _ = write!(out, "Sentence {i}.[^{i}] ");
            }
            out.push_str("\n\n");
            for i in 0..count {
                let _ = writeln!(out, "[^{i}]: Note {i}.");
            }
        }
        "list-items" => {
            for i in 0..n(100_000) {
                let _ = writeln!(out, "- item {i} with *some* text");
            }
        }
        "table" => {
            let cols = 100;
            out.push('|');
            for c in 0..cols {
                let _ = write!(out, " h{c} |");
            }
            out.push_str("\n|");
            out.push_str(&"---|".repeat(cols));
            out.push('\n');
            for r in 0..n(1000) {
                out.push('|');
                for c in 0..cols {
                    let _ = write!(out, " r{r}c{c} |");
                }
                out.push('\n');
            }
        }
        "nested-quotes" => {
            let depth = n(10_000);
            out = "> ".repeat(depth);
            out.push_str("deep\n");
        }
        "sibling-divs" => {
            out = main_of_lines("Divs", n(100_000), |i| {
                format!("<div class=\"item\">Item {i}, a short line of text.</div>")
            });
        }
        "pictures" => {
            out = main_of_lines("Pictures", n(100_000), |i| {
                format!("<p><img src=\"/img/{i}.jpg\" alt=\"Picture {i} of the gallery\"></p>")
            });
        }
        "links" => {
            for i in 0..n(1_000_000) {
                let _ = write!(out, "[l{i}](https://example.org/{i}) ");
                if i % 20 == 19 {
                    out.push('\n');
                }
            }
            out.push('\n');
        }
        _ => return None,
    }
    Some(out)
}

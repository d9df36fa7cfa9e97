//! The HTML writer: a standalone, well-formed (polyglot) HTML5 page that loses no text.

mod rich_model;

use folio::format::{Diagnostics, WriteOptions};
use folio::model::{Article, Block, Inline};
use folio::Registry;
use rich_model::*;

fn html(article: &Article) -> String {
    let registry = Registry::default();
    let writer = registry.writer("html").unwrap();
    let mut out = Vec::new();
    writer
        .write(
            article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut out,
        )
        .unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn registered_by_name_and_extension() {
    let registry = Registry::default();
    for path in ["a.html", "b.HTM"] {
        let w = registry
            .writer_for_path(std::path::Path::new(path))
            .unwrap();
        assert_eq!(w.name(), "html");
        assert!(!w.is_binary());
    }
}

#[test]
fn page_is_well_formed_and_keeps_every_word() {
    let a = rich_article("pics/photo one.png");
    let out = html(&a);
    let text = xml_text(&out);
    assert_has_every_word(&a, &text);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(out.contains("<title>Rich &lt;article&gt; &amp; \"friends\"</title>"));
}

#[test]
fn header_has_title_byline_date_and_source() {
    let out = html(&rich_article("x.png"));
    let header = &out[out.find("<header>").unwrap()..out.find("</header>").unwrap()];
    assert!(header.contains("<h1>Rich &lt;article&gt; &amp; \"friends\"</h1>"));
    assert!(header.contains("<p class=\"subtitle\">A subtitle</p>"));
    assert!(header.contains("<p class=\"byline\">Ada Lovelace and Charles Babbage</p>"));
    assert!(header.contains("<time datetime=\"2019-09-18T22:32:40+08:00\">2019-09-18</time>"));
    assert!(header.contains(
        "<a href=\"https://example.org/news/rich?x=1&amp;y=2\">https://example.org/news/rich?x=1&amp;y=2</a>"
    ));
}

#[test]
fn headings_get_unique_valid_ids_and_internal_links_follow_them() {
    let out = html(&rich_article("x.png"));
    assert!(out.contains("<h2 id=\"s-1-bad-id\">Links &amp; images</h2>"));
    assert!(out.contains("<h3 id=\"intro-dup\">Lists</h3>"));
    assert!(out.contains("<h2 id=\"quotes-code-tables\">"));
    assert!(out.contains("<h2 id=\"quotes-code-tables-2\">"));
    assert!(out.contains("<a href=\"#intro-dup\">internal link</a>"));
    // A script link keeps only its text.
    assert!(out.contains(", scriptlink, line<br />break"));
}

#[test]
fn footnotes_are_a_closing_section_with_back_links() {
    let out = html(&rich_article("x.png"));
    assert!(out.contains("<sup><a role=\"doc-noteref\" href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"));
    // The note inside a link is referenced after the link, never nested in it.
    assert!(out.contains("external link</a><sup><a role=\"doc-noteref\" href=\"#fn-2\""));
    let notes = &out[out.find("<section class=\"footnotes\"").unwrap()..];
    assert!(notes.contains(
        "<li id=\"fn-1\">\n<p>First note text. <a href=\"#fnref-1\" role=\"doc-backlink\">"
    ));
    // The inner note of a note is numbered after it and laid out too.
    assert!(notes.contains("<li id=\"fn-5\">\n<p>Inner note text."));
    assert_eq!(notes.matches("<li id=\"fn-").count(), 5);
}

#[test]
fn figures_tables_lists_and_code() {
    let out = html(&rich_article("pics/photo one.png"));
    assert!(out.contains(
        "<figure>\n<img src=\"pics/photo%20one.png\" alt=\"figure alt\" title=\"fig title\" />\n\
         <figcaption>The caption <span class=\"credit\">Photo: Someone</span></figcaption>\n</figure>"
    ));
    assert!(out.contains("<caption>Table caption</caption>"));
    assert!(out.contains(
        "<thead>\n<tr><th style=\"text-align: left\">Name</th><th style=\"text-align: center\">Count</th><th style=\"text-align: right\">Price</th></tr>\n</thead>"
    ));
    // Short rows are padded to the table's width.
    assert!(out.contains("<tr><td style=\"text-align: left\">short row</td><td style=\"text-align: center\"></td><td style=\"text-align: right\"></td></tr>"));
    assert!(out.contains("<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\" checked=\"checked\" /> done task</li>"));
    assert!(out.contains(
        "<li class=\"task\"><input type=\"checkbox\" disabled=\"disabled\" /> open task</li>"
    ));
    assert!(out.contains("<ol start=\"3\">\n<li>nested three</li>"));
    assert!(out.contains("<li><p>loose one</p>\n<p>loose two</p>\n</li>"));
    // A quote in a class is escaped, not a way out of the attribute.
    assert!(out.contains("<pre><code class=\"language-rust&quot;onload=x\">fn main() {\n    println!(\"&lt;hi&gt; &amp; bye\");\n}</code></pre>"));
    // A language is kept whole; attributes are `title` and `data-*` where they can be.
    assert!(out.contains("<pre data-linenums=\"1\" title=\"hello &quot;&lt;py&gt;&quot;.py\"><code class=\"language-föö\">print('hi')</code></pre>"));
    assert!(out.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Callout words.</p>"));
    assert!(out.contains("<figure class=\"quote\">\n<blockquote>\n<p>Quoted words.</p>\n</blockquote>\n<figcaption>\u{2014} Quoted Person</figcaption>"));
}

#[test]
fn body_h1_moves_down_under_the_title_and_duplicate_title_heading_goes() {
    let a = Article::new(
        "Same",
        vec![
            Block::heading(1, "Same"),
            Block::para("x"),
            Block::heading(1, "Part"),
        ],
    );
    let out = html(&a);
    assert_eq!(out.matches("<h1>").count(), 1);
    assert!(out.contains("<h2 id=\"part\">Part</h2>"));
}

#[test]
fn invalid_language_falls_back() {
    let mut a = Article::new("T", vec![Block::para("x")]);
    a.meta.language = Some("C".into());
    assert!(html(&a).contains("<html lang=\"en\">"));
}

#[test]
fn empty_article_is_still_a_page() {
    let out = html(&Article::default());
    xml_text(&out);
    assert!(out.contains("<title>Untitled</title>"));
    let only_image = Article::new(
        "T",
        vec![Block::Paragraph {
            content: vec![Inline::image(folio::model::Image {
                src: "javascript:x".into(),
                alt: "alt words".into(),
                title: None,
            })],
        }],
    );
    assert!(html(&only_image).contains("<p>alt words</p>"));
}

#[test]
fn markdown_example_converts_without_losing_a_word() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.md");
    let registry = Registry::default();
    let Ok(reader) = registry.reader("markdown") else {
        eprintln!("notice: no Markdown reader yet; example not converted");
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let input = folio::Input {
        bytes: &bytes,
        path: Some(&path),
    };
    let a = reader
        .read(
            input,
            &folio::ReadOptions::default(),
            &mut Diagnostics::default(),
        )
        .unwrap();
    let out = html(&a);
    assert_has_every_word(&a, &xml_text(&out));
    assert!(out.contains("<html lang=\"en\">"));
}

#[test]
fn math_is_mathml_with_the_tex_as_alt_text() {
    let article = folio::model::Article::new(
        "Math",
        vec![folio::model::Block::Paragraph {
            content: vec![
                folio::model::Inline::Math {
                    tex: "x^2 < y".into(),
                    display: false,
                },
                folio::model::Inline::Math {
                    tex: "\\frac{1}{".into(),
                    display: true,
                },
            ],
        }],
    );
    let mut out = Vec::new();
    folio::Registry::default()
        .writer("html")
        .unwrap()
        .write(
            &article,
            &folio::WriteOptions::default(),
            &mut folio::Diagnostics::default(),
            &mut out,
        )
        .unwrap();
    let html = String::from_utf8(out).unwrap();
    assert!(html.contains("<math display=\"inline\" xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x^2 &lt; y\"><msup><mi>x</mi><mn>2</mn></msup>"), "{html}");
    // TeX that cannot be converted is shown as TeX.
    assert!(
        html.contains("<code class=\"tex\">$$\\frac{1}{$$</code>"),
        "{html}"
    );
}

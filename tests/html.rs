//! The HTML reader end to end: article extraction from a whole page of our own, conversion
//! of fragments as they are, encodings, sanitizing, and robustness on the shared corpus.

use folio::model::{inline_text, words, Block, Inline};
use folio::{Article, Diagnostics, Input, ReadOptions, Reader};
use std::path::Path;

fn read(bytes: &[u8], extract: bool) -> Article {
    let options = ReadOptions {
        extract,
        ..ReadOptions::default()
    };
    folio::read::html::HtmlReader
        .read(Input::new(bytes), &options, &mut Diagnostics::default())
        .expect("HTML never fails to read")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name);
    std::fs::read(path).unwrap()
}

fn body_text(a: &Article) -> String {
    words(&a.blocks).join(" ")
}

/// Every link and image URL of the body.
fn urls(blocks: &[Block]) -> Vec<String> {
    fn inl(xs: &[Inline], out: &mut Vec<String>) {
        for x in xs {
            match x {
                Inline::Link(link) => {
                    out.push(link.url.clone());
                    inl(&link.content, out);
                }
                Inline::Image(img) => out.push(img.src.clone()),
                other => inl(other.children(), out),
            }
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                out.push(image.src.clone());
                inl(caption, &mut out);
                inl(credit, &mut out);
            }
            Block::List { items, .. } => items.iter().for_each(|i| out.extend(urls(&i.blocks))),
            Block::Quote { blocks, .. } => out.extend(urls(blocks)),
            other => inl(other.inlines(), &mut out),
        }
    }
    out
}

#[test]
fn whole_page_metadata() {
    let a = read(&fixture("harbour-news.html"), true);
    let m = &a.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Lighthouse keepers return to Gull Point")
    );
    assert_eq!(m.byline().as_deref(), Some("Mara Quill and Tobias Fenn"));
    assert_eq!(m.published.unwrap().to_string(), "2021-03-14T08:30:00Z");
    assert_eq!(m.modified.unwrap().to_string(), "2021-03-15T10:00:00Z");
    assert_eq!(m.publisher.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://gazette.example/news/2021/lighthouse-keepers")
    );
    assert_eq!(
        m.image.as_deref(),
        Some("https://gazette.example/img/lighthouse.jpg")
    );
}

#[test]
fn whole_page_keeps_the_article_and_its_structure() {
    let a = read(&fixture("harbour-news.html"), true);
    let text = body_text(&a);
    for kept in [
        "For the first time in forty years",
        "cheaper than another outage",
        "You cannot fix a lens",
        "Wind the clockwork",
        "£31,200",
        "lamp lit 21:40",
        "made in Paris in 1902",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in {text}");
    }
    let kinds: Vec<&str> = a
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            Block::Callout { .. } => "callout",
            Block::Code { .. } => "code",
            Block::Figure { .. } => "figure",
            Block::Table(_) => "table",
            Block::Rule => "rule",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "paragraph",
            "figure",
            "paragraph",
            "quote",
            "heading",
            "list",
            "paragraph",
            "table",
            "paragraph",
            "code",
            "paragraph"
        ]
    );
    match &a.blocks[1] {
        Block::Figure {
            image,
            caption,
            credit,
        } => {
            assert_eq!(image.src, "https://gazette.example/img/lighthouse.jpg");
            assert_eq!(image.alt, "The lighthouse at dusk");
            assert_eq!(inline_text(caption), "The tower was automated in 1981.");
            assert_eq!(inline_text(credit), "Photo: Ines Marsh");
        }
        other => panic!("expected the figure, got {other:?}"),
    }
    match &a.blocks[7] {
        Block::Table(t) => {
            assert_eq!(
                t.header.iter().map(|c| inline_text(c)).collect::<Vec<_>>(),
                ["Year", "Outages", "Cost"]
            );
            assert_eq!(t.rows.len(), 3);
        }
        other => panic!("expected the table, got {other:?}"),
    }
    assert_eq!(
        a.blocks[9],
        Block::Code {
            language: Some("text".into()),
            attributes: Default::default(),
            text: "1981-06-01 06:00  wind SW 4  visibility good  lamp lit 21:40".into()
        }
    );
    assert!(urls(&a.blocks).contains(&"https://gazette.example/news/2020/storm-damage".to_string()));
}

#[test]
fn the_article_keeps_its_pictures_not_its_logos_avatars_or_icons() {
    let para = "<p>The harbour wall was rebuilt in the spring, stone by stone, by the same \
                masons who had kept it for thirty years, and the town came to watch them.</p>";
    let page = format!(
        "<html><head><title>The wall</title></head><body><article><h1>The wall</h1>\
         <p><img src=/logo.png alt='Harbour Times logo'></p>{para}\
         <figure><img src=/wall.jpg alt='The wall at low tide'></figure>{para}{para}\
         <p><img src=/me.jpg class=author-avatar alt='Ann Lee'> Ann Lee</p></article></body></html>"
    );
    let article = read(page.as_bytes(), true);
    assert_eq!(urls(&article.blocks), ["/wall.jpg"], "{:?}", article.blocks);
    // Converted whole, the page keeps them all.
    let whole = read(page.as_bytes(), false);
    assert_eq!(urls(&whole.blocks).len(), 3, "{:?}", whole.blocks);
}

#[test]
fn a_threads_posts_keep_their_authors_not_their_statistics() {
    let post = |who: &str, joined: &str, text: &str| {
        format!(
            "<article class=message><div class=message-user><h4>{who}</h4>\
             <dl class=pairs><dt>Joined</dt><dd>{joined}</dd></dl>\
             <dl class=pairs><dt>Messages</dt><dd>1,204</dd></dl>\
             <dl class=pairs><dt>Reaction score</dt><dd>87</dd></dl></div>\
             <div class=message-body><p>{text}</p></div></article>"
        )
    };
    let page = format!(
        "<html><head><title>Pruning roses</title></head><body><main><h1>Pruning roses</h1>{}{}{}\
         </main></body></html>",
        post(
            "gardener42",
            "Mar 25, 2013",
            "When should I prune climbing roses? Mine have grown over the shed and the \
             neighbours are starting to complain about the thorns."
        ),
        post(
            "rosa_ann",
            "Jan 2, 2020",
            "Late winter, before the buds swell: cut the old canes to the base and tie the \
             young ones in along the wall, as flat as you can."
        ),
        post(
            "gardener42",
            "Mar 25, 2013",
            "Thank you, I will do that in February and report back with pictures of the \
             shed once it is free again."
        ),
    );
    // Some forums draw the labels as icons: the second post's.
    let icons =
        "<dl class=pairs><dt><svg><title>Joined</title></svg></dt><dd>Jan 2, 2020</dd></dl>\
                 <dl class=pairs><dt><i class=icon-messages></i></dt><dd>3,517</dd></dl>";
    let page = page.replacen(
        "<dl class=pairs><dt>Joined</dt><dd>Jan 2, 2020</dd></dl>\
         <dl class=pairs><dt>Messages</dt><dd>1,204</dd></dl>",
        icons,
        1,
    );
    assert!(page.contains("3,517"));
    let text = body_text(&read(page.as_bytes(), true));
    assert!(
        text.contains("rosa_ann") && text.contains("tie the young ones"),
        "{text}"
    );
    for gone in [
        "Joined",
        "Mar 25, 2013",
        "Jan 2, 2020",
        "3,517",
        "Messages",
        "1,204",
        "Reaction score",
    ] {
        assert!(!text.contains(gone), "kept {gone:?}: {text}");
    }
}

#[test]
fn whole_page_drops_furniture() {
    let a = read(&fixture("harbour-news.html"), true);
    let text = body_text(&a);
    for gone in [
        "cookies",
        "Sport",
        "Share on Social",
        "Buy a boat",
        "Sign up",
        "Get the Gazette",
        "covers the coast",
        "Related stories",
        "Ferry timetable",
        "remember the old keepers",
        "Most read",
        "All rights reserved",
        "Privacy settings",
        "hidden and must not appear",
        "tracking pixel",
        "console.log",
    ] {
        assert!(!text.contains(gone), "kept {gone:?}");
    }
    // The title is in the metadata, not repeated as the first heading.
    assert!(!matches!(&a.blocks[0], Block::Heading { .. }));
}

#[test]
fn no_extract_converts_everything_but_never_scripts_forms_or_script_urls() {
    let a = read(&fixture("harbour-news.html"), false);
    let text = body_text(&a);
    assert!(text.contains("Ferry timetable"));
    assert!(text.contains("Most read"));
    assert!(text.contains("Lighthouse keepers return"));
    // The whole page loses no text: a hidden paragraph, the captions of buttons (as text:
    // the model has no form controls).
    for kept in ["Accept all", "Sign up", "hidden and must not appear"] {
        assert!(text.contains(kept), "lost {kept:?}");
    }
    for gone in ["tracking pixel", "console.log"] {
        assert!(!text.contains(gone), "kept {gone:?}");
    }
    assert!(urls(&a.blocks)
        .iter()
        .all(|u| !u.to_ascii_lowercase().starts_with("javascript:")));
}

#[test]
fn no_extract_loses_no_text_of_the_page() {
    let page = br#"<!doctype html><html><head><title>Notes</title></head><body>
        <p class="byline">By Ann Lee, staff writer</p>
        <div style="display: none">Collapsed section text.</div>
        <p aria-hidden="true">Decorative words.</p>
        <form><label>Your name</label><input value="typed"><select><option>Red</option><option>Blue</option></select>
        <textarea>Default note</textarea><button onclick="go()">Send it</button></form>
        <figure><h4>Figure heading</h4><img src="a.jpg"><span>Photo: Bo Ek</span><figcaption>A caption.</figcaption></figure>
        <svg><text>drawn label</text></svg><script>var hidden = 1;</script>
        </body></html>"#;
    let options = ReadOptions {
        extract: false,
        ..ReadOptions::default()
    };
    let mut diag = Diagnostics::default();
    let a = folio::read::html::HtmlReader
        .read(Input::new(page), &options, &mut diag)
        .unwrap();
    let text = body_text(&a);
    for kept in [
        "By Ann Lee, staff writer",
        "Collapsed section text.",
        "Decorative words.",
        "Your name",
        "Red Blue",
        "Default note",
        "Send it",
        "Figure heading",
        "Photo: Bo Ek",
        "A caption.",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in {text:?}");
    }
    assert_eq!(a.meta.authors[0].name, "Ann Lee");
    for gone in ["typed", "drawn label", "var hidden", "go()"] {
        assert!(!text.contains(gone), "kept {gone:?}");
    }
    assert!(
        diag.warnings
            .iter()
            .any(|w| w.contains("1 inline SVG drawing")),
        "{diag:?}"
    );
    // Extraction leaves the hidden text and the form out, as before.
    let a = read(page, true);
    let text = body_text(&a);
    for gone in ["Collapsed section", "Send it", "Red"] {
        assert!(!text.contains(gone), "kept {gone:?} in {text:?}");
    }
}

#[test]
fn a_fragment_is_converted_as_it_is() {
    let html = b"<h2>Notes</h2><p>Short <em>clean</em> text.</p><ul><li><a href='/a'>One link</a></li></ul>";
    let a = read(html, true);
    assert_eq!(a.blocks.len(), 3);
    assert_eq!(a.blocks[0], Block::heading(2, "Notes"));
    assert!(body_text(&a).contains("One link"));
}

#[test]
fn encodings() {
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("<html><head><meta charset=\"windows-1252\"><title>Caf\u{e9}</title></head><body><p>Cr\u{e8}me br\u{fb}l\u{e9}e \u{2014} d\u{e9}j\u{e0} vu.</p></body></html>");
    let a = read(&latin, false);
    assert_eq!(a.meta.title.as_deref(), Some("Café"));
    assert_eq!(body_text(&a), "Crème brûlée — déjà vu.");
    // UTF-8 that says otherwise is still UTF-8.
    let a = read(
        "<meta charset=iso-8859-1><p>naïve café</p>".as_bytes(),
        false,
    );
    assert_eq!(body_text(&a), "naïve café");
}

#[test]
fn hostile_input_never_panics() {
    // Deeper than the DOM keeps (nesting is flattened); not much deeper, as html5ever's tree
    // builder is quadratic in the number of open elements.
    let deep = "<div><span>".repeat(1_000) + "deep" + &"</span></div>".repeat(1_000);
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xff\xfe\x00<\x00p".to_vec(),
        deep.into_bytes(),
        b"<table><td><table><td><p>x</table><b><i>y</b></i><frameset>".to_vec(),
        b"<html><body><script>unterminated".to_vec(),
        (0..=255u8).cycle().take(5000).collect(),
    ];
    for case in cases {
        for extract in [true, false] {
            let _ = read(&case, extract);
        }
    }
}

/// Every page of the shared corpus reads without panicking and gives a body.
#[test]
fn shared_corpus_pages_read() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/readability");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        eprintln!("skipped: {} not found", corpus.display());
        return;
    };
    let mut pages = 0;
    for entry in entries.flatten() {
        let source = entry.path().join("source.html");
        if let Ok(bytes) = std::fs::read(&source) {
            let a = read(&bytes, true);
            assert!(!a.blocks.is_empty(), "{}: empty body", source.display());
            pages += 1;
        }
    }
    assert!(pages > 0);
}

#[test]
fn a_page_with_its_article_hidden_until_a_script_shows_it() {
    let prose = "The almond thins are baked twice, with dried cranberries, until crisp, and keep for months in a tin.";
    let menu = "<li><a href=/x>A department of the shop</a></li>".repeat(60);
    let page = format!(
        "<!doctype html><html><head><title>Thins</title></head><body>\
         <header><ul>{menu}</ul></header>\
         <div class=later style=\"display: none\"><article><h2>Product overview</h2>\
         <p>{prose}</p><p>{prose}</p></article></div>\
         <footer><ul>{menu}</ul></footer></body></html>"
    );
    let a = read(page.as_bytes(), true);
    let text = body_text(&a);
    assert!(text.contains("baked twice"), "{text}");
    assert!(!text.contains("department"), "{text}");
    // A hidden part beside an article in sight stays hidden.
    let shown = page.replace(
        "<header>",
        &format!(
            "<main><p>{}</p></main><header>",
            prose.replace("almond", "seen")
        ),
    );
    let text = body_text(&read(shown.as_bytes(), true));
    assert!(text.contains("seen thins"), "{text}");
    assert!(!text.contains("Product overview"), "{text}");
}

#[test]
fn a_byline_in_a_header_named_block_of_the_article() {
    let prose = "The thins are baked twice, with dried cranberries, until crisp, and keep for months in a tin.";
    let page = format!(
        "<!doctype html><html><head><title>Baking thins</title></head><body>\
         <div class=site-header><a href=/>Home</a> <a href=/about>About</a></div>\
         <main><article><h1>Baking thins</h1><p class=page-header-meta><span>By <a href=/authors/jane-roe>Jane Roe</a></span>\
         <span>December 2, 2025</span></p>\
         <p>{prose}</p><p>{prose}</p><p>{prose}</p></article></main></body></html>"
    );
    let a = read(page.as_bytes(), true);
    let names: Vec<&str> = a.meta.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Jane Roe"]);
}

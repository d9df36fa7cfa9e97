//! Round trips: Markdown → model → Markdown → model gives the same model, and model → JSON →
//! model is the identity, for every Markdown fixture and for random models.
//!
//! The random models are those Markdown can represent (see `arb_article`):
//! - no run of a block starts or ends with a blank (Markdown drops them), and two code spans
//!   never touch (their backticks would merge);
//! - a paragraph is never a lone image (that is a figure), and a figure's alt text is its
//!   caption's text (without edge blanks), without credit;
//! - loose lists have two items or more, each starting with a paragraph; tight items are a
//!   paragraph and at most a tight nested list, bulleted or counting from 1 (the only lists
//!   that can interrupt a paragraph); a task item starts with a paragraph;
//! - link text holds no notes (the writer puts them after the link);
//! - table rows are as wide as the header, which has a non-empty cell;
//! - metadata strings are trimmed and not empty, identifiers one per scheme, and extra keys
//!   are not names of known fields.
//!
//! Spans do touch their neighbours (`a*b*c`), nest in each other and hold awkward text: the
//! writer falls back to HTML tags (`<em>`, `<sup>`...) where delimiters would not hold.

use folio::model::{
    words, Align, Article, Author, Block, Date, IdScheme, Identifier, Image, Inline, ListItem,
    Meta, Table,
};
use folio::{Diagnostics, Input, ReadOptions, Registry, WriteOptions};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn read(registry: &Registry, format: &str, bytes: &[u8]) -> Article {
    let mut diag = Diagnostics::default();
    registry
        .reader(format)
        .unwrap()
        .read(Input::new(bytes), &ReadOptions::default(), &mut diag)
        .unwrap_or_else(|e| panic!("{format}: {e}\n{}", String::from_utf8_lossy(bytes)))
}

fn write(registry: &Registry, format: &str, article: &Article) -> Vec<u8> {
    let mut out = Vec::new();
    let mut diag = Diagnostics::default();
    registry
        .writer(format)
        .unwrap()
        .write(article, &WriteOptions::default(), &mut diag, &mut out)
        .unwrap();
    out
}

/// Checks both round trips of a model; returns the Markdown written.
fn assert_round_trips(registry: &Registry, article: &Article) -> String {
    let markdown = write(registry, "markdown", article);
    let text = String::from_utf8(markdown.clone()).unwrap();
    let again = read(registry, "markdown", &markdown);
    assert_eq!(
        &again, article,
        "Markdown round trip changed the model:\n{text}"
    );
    let json = write(registry, "json", article);
    assert_eq!(
        &read(registry, "json", &json),
        article,
        "JSON round trip changed the model"
    );
    text
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4, "fixtures missing in {}", dir.display());
    paths
}

#[test]
fn every_fixture_round_trips() {
    let registry = Registry::default();
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let article = read(&registry, "markdown", &bytes);
        assert!(!article.blocks.is_empty(), "{}", path.display());
        let markdown = assert_round_trips(&registry, &article);
        // Writing is stable: the Markdown written reads back and writes the same bytes.
        let again = read(&registry, "markdown", markdown.as_bytes());
        assert_eq!(
            String::from_utf8(write(&registry, "markdown", &again)).unwrap(),
            markdown
        );
    }
}

#[test]
fn rich_fixture_loses_no_word() {
    let registry = Registry::default();
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rich.md"))
        .unwrap();
    let article = read(&registry, "markdown", &bytes);
    let expected = words(&article.blocks);
    for needle in [
        "*not",
        "_not",
        "<tag>",
        "AT&T",
        "[bracketed]",
        "back\\slash",
        "#",
        "Snake_case_names",
    ] {
        assert!(
            expected.iter().any(|w| w.contains(needle)),
            "{needle} missing from {expected:?}"
        );
    }
    for must in [
        "Celebrate",
        "cherries",
        "greeting",
        "Anonymous,",
        "short",
        "very",
        "rule.",
    ] {
        assert!(expected.iter().any(|w| w == must), "{must} missing");
    }
    for format in ["markdown", "json"] {
        let out = write(&registry, format, &article);
        let back = read(&registry, format, &out);
        assert_eq!(words(&back.blocks), expected, "{format} lost words");
    }
}

#[test]
fn front_matter_fixture_fills_every_field() {
    let registry = Registry::default();
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tide-pools.md"))
            .unwrap();
    let meta = read(&registry, "markdown", &bytes).meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Life in the Tide Pools: A Morning at Low Water")
    );
    assert_eq!(
        meta.subtitle.as_deref(),
        Some("What the retreating sea leaves behind")
    );
    assert_eq!(meta.authors.len(), 2);
    assert_eq!(
        meta.authors[0].affiliation.as_deref(),
        Some("Coastal Field Station")
    );
    assert_eq!(meta.authors[1], Author::named("Tomás Reyes"));
    assert_eq!(meta.published.unwrap().to_string(), "2024-05-18");
    assert_eq!(
        meta.modified.unwrap().to_string(),
        "2024-06-02T09:30:00+02:00"
    );
    assert_eq!(meta.publisher.as_deref(), Some("The Shoreline Review"));
    assert_eq!(meta.language.as_deref(), Some("en-GB"));
    assert!(meta
        .description
        .as_deref()
        .unwrap()
        .starts_with("A slow walk"));
    assert_eq!(meta.keywords.len(), 3);
    assert_eq!(meta.image.as_deref(), Some("images/tide-pool.jpg"));
    assert_eq!(meta.rights.as_deref(), Some("CC BY 4.0"));
    assert_eq!(
        meta.identifier(IdScheme::Doi),
        Some("10.5555/shoreline.2024.17")
    );
    assert_eq!(meta.extra["issue"], 17);
}

#[test]
fn fixture_images_exist() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let article = read(
        &Registry::default(),
        "markdown",
        &std::fs::read(dir.join("harbour-walk.md")).unwrap(),
    );
    let figures: Vec<&Image> = article
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure { image, .. } => Some(image.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 3);
    for image in figures {
        let bytes = std::fs::read(dir.join(&image.src)).unwrap();
        let magic: &[u8] = match image.src.rsplit('.').next() {
            Some("png") => b"\x89PNG",
            Some("jpg") => b"\xff\xd8\xff",
            _ => b"<?xml",
        };
        assert!(bytes.starts_with(magic), "{}", image.src);
    }
}

// ---- Random models -------------------------------------------------------------------------

/// A word: no blanks, with the characters Markdown cares about.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9]{1,8}",
        2 => "[a-z0-9éß中😀*_\\[\\]<>#&!|\\\\~^`{}().+=:;/'\"-]{1,6}",
        1 => prop::sample::select(vec![
            "#", "##", "1.", "2)", "-", "+", ">", "***", "---", "===", "&amp;", "&#35;", "&copy;",
            "[^1]", "[^1]:", "<br>", "<div>", "```", "~~~", "|", "\\", "[x]", "[", "]", "![a](b)",
            "http://x.y", "a_b", "_a_", "*a*", "`", "{#id}", "{.c}", "<http://x>", "$1", "@", "!",
        ])
        .prop_map(str::to_string),
    ]
}

fn words_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..=max).prop_map(|w| w.join(" "))
}

#[derive(Clone, Copy)]
struct InlineRules {
    line_breaks: bool,
    notes: bool,
    links: bool,
}

/// One piece of a run: text or a span. Spans hold runs of their own.
fn atom(depth: u32, rules: InlineRules) -> BoxedStrategy<Inline> {
    let text = words_text(3).prop_map(Inline::text);
    let code = "[a-z `|*_\\\\]{1,6}"
        .prop_filter("code must show something", |s: &String| {
            !s.trim().is_empty() || s.len() == 1
        })
        .prop_map(|text| Inline::Code { text });
    let image = (words_text(2), url(), title())
        .prop_map(|(alt, src, title)| Inline::image(Image { src, alt, title }));
    let mut leaves = vec![text.boxed(), text_boxed(), code.boxed(), image.boxed()];
    if depth == 0 {
        return prop::strategy::Union::new(leaves).boxed();
    }
    let inner = InlineRules {
        line_breaks: false,
        ..rules
    };
    let span = (0..5usize, run(depth - 1, inner)).prop_map(|(kind, content)| span(kind, content));
    leaves.push(span.boxed());
    if rules.links {
        // Markdown has no note references inside link text (see the writer).
        let no_links = InlineRules {
            links: false,
            notes: false,
            ..inner
        };
        let link = (url(), title(), run(depth - 1, no_links))
            .prop_map(|(url, title, content)| Inline::link(url, title, content));
        leaves.push(link.boxed());
    }
    if rules.notes {
        let note = prop::collection::vec(block(0), 0..3).prop_map(|blocks| Inline::Note { blocks });
        leaves.push(note.boxed());
    }
    prop::strategy::Union::new(leaves).boxed()
}

fn text_boxed() -> BoxedStrategy<Inline> {
    word().prop_map(Inline::text).boxed()
}

fn span(kind: usize, content: Vec<Inline>) -> Inline {
    match kind {
        0 => Inline::Emphasis { content },
        1 => Inline::Strong { content },
        2 => Inline::Strikethrough { content },
        3 => Inline::Superscript { content },
        _ => Inline::Subscript { content },
    }
}

/// Whether two code spans touch: their backtick fences would merge.
fn codes_touch(inlines: &[Inline]) -> bool {
    inlines
        .windows(2)
        .any(|w| matches!(w, [Inline::Code { .. }, Inline::Code { .. }]))
        || inlines.iter().any(|i| codes_touch(i.children()))
}

/// Atoms joined by a space, by nothing (inside a word) or, where allowed, by a line break;
/// normalized.
fn run(depth: u32, rules: InlineRules) -> BoxedStrategy<Vec<Inline>> {
    prop::collection::vec((atom(depth, rules), 0..3u8), 1..4)
        .prop_map(move |atoms| {
            let mut out = Vec::new();
            for (i, (atom, joint)) in atoms.into_iter().enumerate() {
                if i > 0 {
                    match joint {
                        0 if rules.line_breaks => out.push(Inline::LineBreak),
                        1 => {}
                        _ => out.push(Inline::text(" ")),
                    }
                }
                out.push(atom);
            }
            folio::model::normalize_inlines(out)
        })
        .prop_filter("touching code spans merge", |r| !codes_touch(r))
        .boxed()
}

fn url() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "https://example.org/a",
        "images/fox.png",
        "a b.png",
        "https://e.org/a_(b)",
        "https://e.org/?q=1&amp;r=2",
        "#anchor",
        "",
        "mailto:me@e.org",
        "x|y",
        "<odd>",
        "back\\slash",
    ])
    .prop_map(str::to_string)
}

fn title() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(vec![
        "A title",
        "Say \"hi\"",
        "x | y",
        "a\\b",
        "(p)",
    ]))
    .prop_map(|t| t.map(str::to_string))
}

const PARAGRAPH: InlineRules = InlineRules {
    line_breaks: true,
    notes: true,
    links: true,
};

/// The rules for the inlines of a block: notes hold blocks, so only above depth 0.
fn block_rules(depth: u32) -> InlineRules {
    InlineRules {
        notes: depth > 0,
        ..PARAGRAPH
    }
}

fn paragraph(depth: u32) -> impl Strategy<Value = Block> {
    run(2, block_rules(depth))
        .prop_filter("a lone image is a figure", |c| {
            !matches!(c.as_slice(), [Inline::Image(_)])
        })
        .prop_map(|content| Block::Paragraph { content })
}

fn item(depth: u32, tight: bool) -> BoxedStrategy<ListItem> {
    let task = prop::option::of(any::<bool>());
    let rest: BoxedStrategy<Vec<Block>> = if tight {
        let nested = (depth > 0).then(|| list(depth - 1, Some(true)));
        match nested {
            Some(l) => prop::option::of(l)
                .prop_map(|l| l.into_iter().collect())
                .boxed(),
            None => Just(Vec::new()).boxed(),
        }
    } else {
        prop::collection::vec(block(depth.saturating_sub(1)), 0..3).boxed()
    };
    (task, paragraph(depth), rest)
        .prop_map(|(task, first, rest)| {
            let mut blocks = vec![first];
            blocks.extend(rest);
            ListItem { task, blocks }
        })
        .boxed()
}

fn list(depth: u32, tight: Option<bool>) -> BoxedStrategy<Block> {
    let nested_tight = tight == Some(true);
    let tight = match tight {
        Some(t) => Just(t).boxed(),
        None => any::<bool>().boxed(),
    };
    // Only a list counting from 1 may interrupt a paragraph, as in a tight item.
    let start = if nested_tight {
        prop::option::of(Just(1u64)).boxed()
    } else {
        prop::option::of(0u64..1_000_000).boxed()
    };
    (tight, start)
        .prop_flat_map(move |(tight, start)| {
            let min = if tight { 1 } else { 2 };
            prop::collection::vec(item(depth, tight), min..4).prop_map(move |items| Block::List {
                start,
                tight,
                items,
            })
        })
        .boxed()
}

fn table(depth: u32) -> impl Strategy<Value = Block> {
    let cell = prop::option::of(run(1, block_rules(depth))).prop_map(Option::unwrap_or_default);
    (1..4usize).prop_flat_map(move |columns| {
        let header = prop::collection::vec(cell.clone(), columns)
            .prop_filter("a header needs a cell", |h| h.iter().any(|c| !c.is_empty()));
        let rows = prop::collection::vec(prop::collection::vec(cell.clone(), columns), 0..3);
        let align = prop::collection::vec(
            prop::sample::select(vec![
                Align::Default,
                Align::Left,
                Align::Center,
                Align::Right,
            ]),
            columns,
        );
        let caption =
            prop::option::of(run(1, block_rules(depth))).prop_map(Option::unwrap_or_default);
        (header, rows, align, caption).prop_map(|(header, rows, mut align, caption)| {
            while align.last() == Some(&Align::Default) {
                align.pop();
            }
            Block::Table(Box::new(Table {
                caption,
                align,
                header,
                rows,
            }))
        })
    })
}

/// The alt text Markdown gives an image: its description's text, without edge blanks.
fn alt_of(caption: &[Inline]) -> String {
    folio::model::inline_text(caption)
        .trim_matches([' ', '\t'])
        .to_string()
}

fn figure() -> impl Strategy<Value = Block> {
    let caption = run(
        1,
        InlineRules {
            line_breaks: false,
            notes: false,
            links: true,
        },
    );
    (prop::option::of(caption), url(), title()).prop_map(|(caption, src, title)| {
        let caption = caption.unwrap_or_default();
        Block::Figure {
            image: Box::new(Image {
                src,
                alt: alt_of(&caption),
                title,
            }),
            caption,
            credit: Vec::new(),
        }
    })
}

fn code() -> impl Strategy<Value = Block> {
    let language = prop::option::of(prop::sample::select(vec!["rust", "c++", "x-y", "a`b"]));
    let text = prop::collection::vec("[a-z `~\\\\*#>-]{0,12}", 0..4).prop_map(|l| l.join("\n"));
    (language, text).prop_map(|(language, text)| Block::Code {
        language: language.map(str::to_string),
        attributes: Default::default(),
        text,
    })
}

fn block(depth: u32) -> BoxedStrategy<Block> {
    let heading = (
        1u8..=6,
        prop::option::of(prop::sample::select(vec!["intro", "sec-2", "a.b_c"])),
        run(1, block_rules(depth)),
    )
        .prop_map(|(level, id, content)| Block::Heading {
            level,
            id: id.map(str::to_string),
            content,
        });
    let mut options = vec![
        paragraph(depth).boxed(),
        heading.boxed(),
        code().boxed(),
        figure().boxed(),
        table(depth).boxed(),
        Just(Block::Rule).boxed(),
    ];
    if depth > 0 {
        let attribution =
            prop::option::of(run(1, block_rules(depth))).prop_map(Option::unwrap_or_default);
        let quote = (prop::collection::vec(block(depth - 1), 0..3), attribution).prop_map(
            |(blocks, attribution)| Block::Quote {
                blocks,
                attribution,
            },
        );
        options.push(quote.boxed());
        options.push(list(depth - 1, None));
    }
    prop::strategy::Union::new(options).boxed()
}

fn meta_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :#'\"?\\[\\]{}&*!|>%@,-]{1,20}",
        prop::sample::select(vec![
            "yes",
            "null",
            "123",
            "1.5",
            "~",
            "0x1F",
            "1e3",
            "true",
            "- a",
            "@x",
            "2019-09-18"
        ])
        .prop_map(str::to_string),
    ]
    .prop_map(|s| s.trim().to_string())
    .prop_filter("trimmed, not empty", |s| !s.is_empty())
}

fn date() -> impl Strategy<Value = Date> {
    prop::sample::select(vec![
        "2019",
        "2019-09",
        "2019-09-18",
        "2019-09-18T22:32:40",
        "2019-09-18T22:32:40Z",
        "2019-09-18T22:32:40+08:00",
    ])
    .prop_map(|s| s.parse().unwrap())
}

fn meta() -> impl Strategy<Value = Meta> {
    let author = (
        meta_text(),
        prop::option::of(meta_text()),
        prop::option::of(meta_text()),
    )
        .prop_map(|(name, affiliation, email)| Author {
            name,
            affiliation,
            email,
            ..Author::default()
        });
    let ids =
        (prop::option::of(meta_text()), prop::option::of(meta_text())).prop_map(|(doi, isbn)| {
            let mut ids = Vec::new();
            if let Some(value) = isbn {
                ids.push(Identifier {
                    scheme: IdScheme::Isbn,
                    value,
                });
            }
            if let Some(value) = doi {
                ids.push(Identifier {
                    scheme: IdScheme::Doi,
                    value,
                });
            }
            ids
        });
    let extra = prop::collection::btree_map(
        prop::sample::select(vec!["series", "issue", "x-custom", "notes"]).prop_map(str::to_string),
        prop_oneof![
            meta_text().prop_map(serde_json::Value::from),
            any::<i32>().prop_map(serde_json::Value::from),
            any::<bool>().prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
            prop::collection::vec(meta_text(), 0..3).prop_map(serde_json::Value::from),
        ],
        0..3,
    );
    (
        (
            prop::option::of(meta_text()),
            prop::option::of(meta_text()),
            prop::collection::vec(author, 0..3),
        ),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(meta_text()),
        ),
        (
            prop::option::of(meta_text()),
            prop::option::of(prop::sample::select(vec!["en", "pt-BR", "zh-Hant-TW"])),
            prop::option::of(meta_text()),
        ),
        (
            prop::collection::vec(meta_text(), 0..3),
            prop::option::of(meta_text()),
            prop::option::of(meta_text()),
        ),
        (ids, extra),
    )
        .prop_map(
            |(
                (title, subtitle, authors),
                (published, modified, publisher),
                (url, language, description),
                (keywords, image, rights),
                (identifiers, extra),
            )| Meta {
                title,
                subtitle,
                authors,
                published,
                modified,
                publisher,
                url,
                language: language.map(str::to_string),
                description,
                keywords,
                image,
                rights,
                identifiers,
                extra,
                ..Meta::default()
            },
        )
}

fn arb_article() -> impl Strategy<Value = Article> {
    (meta(), prop::collection::vec(block(2), 0..6)).prop_map(|(meta, blocks)| Article {
        meta,
        blocks,
        origin: None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_models_round_trip(article in arb_article()) {
        assert_round_trips(&Registry::default(), &article);
    }
}

// ---- Any model ------------------------------------------------------------------------------

/// Any text, blanks and line ends included.
fn any_text() -> impl Strategy<Value = String> {
    "[a-z0-9 \t\n*_\\[\\]<>#&!|\\\\~^`{}().+=:;/'\"-]{0,10}"
}

fn any_inlines() -> impl Strategy<Value = Vec<Inline>> {
    let leaf = prop_oneof![
        4 => any_text().prop_map(Inline::text),
        // An empty code span has no Markdown: it cannot be written.
        1 => any_text().prop_filter("code", |t| !t.is_empty()).prop_map(|text| Inline::Code { text }),
        1 => (any_text(), any_text(), prop::option::of(any_text()))
            .prop_map(|(src, alt, title)| Inline::image(Image { src, alt, title })),
        1 => Just(Inline::LineBreak),
        1 => prop::collection::vec(any_text().prop_map(Block::para), 0..2)
            .prop_map(|blocks| Inline::Note { blocks }),
    ];
    let inline = leaf.prop_recursive(3, 24, 4, |inner| {
        let content = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (0..5usize, content.clone()).prop_map(|(kind, content)| span(kind, content)),
            (any_text(), prop::option::of(any_text()), content)
                .prop_map(|(url, title, content)| Inline::link(url, title, content)),
        ]
    });
    prop::collection::vec(inline, 0..5).prop_map(folio::model::normalize_inlines)
}

fn any_blocks() -> impl Strategy<Value = Vec<Block>> {
    let leaf = prop_oneof![
        3 => any_inlines().prop_map(|content| Block::Paragraph { content }),
        1 => (0u8..9, prop::option::of(any_text()), any_inlines())
            .prop_map(|(level, id, content)| Block::Heading { level, id, content }),
        1 => (prop::option::of(any_text()), any_text())
            .prop_map(|(language, text)| Block::Code { language, attributes: Default::default(), text }),
        1 => (any_text(), any_inlines(), any_inlines(), prop::option::of(any_text())).prop_map(
            |(src, caption, credit, title)| Block::Figure {
                image: Box::new(Image { src, alt: alt_of(&caption), title }),
                caption,
                credit,
            }
        ),
        1 => (
            prop::collection::vec(any_inlines(), 0..3),
            prop::collection::vec(prop::collection::vec(any_inlines(), 0..4), 0..3),
            any_inlines(),
        )
            .prop_map(|(header, rows, caption)| Block::Table(Box::new(Table {
                caption,
                align: vec![Align::Right],
                header,
                rows,
            }))),
        1 => Just(Block::Rule),
    ];
    let block = leaf.prop_recursive(3, 16, 4, |inner| {
        let blocks = prop::collection::vec(inner, 0..3);
        prop_oneof![
            (blocks.clone(), any_inlines()).prop_map(|(blocks, attribution)| Block::Quote {
                blocks,
                attribution
            }),
            (
                prop::option::of(any::<u64>()),
                any::<bool>(),
                prop::collection::vec((prop::option::of(any::<bool>()), blocks), 0..3),
            )
                .prop_map(|(start, tight, items)| Block::List {
                    start,
                    tight,
                    items: items
                        .into_iter()
                        .map(|(task, blocks)| ListItem { task, blocks })
                        .collect(),
                }),
        ]
    });
    prop::collection::vec(block, 0..5)
}

/// The visible characters of blocks, blanks aside, in sorted order: what must survive when
/// Markdown changes the structure (and with it where words break). A figure's caption and
/// its alt text (the same words) count once.
fn sorted_chars(blocks: &[Block]) -> Vec<char> {
    fn once(block: &Block) -> Block {
        match block {
            Block::Figure {
                image,
                caption,
                credit,
            } if !caption.is_empty() => Block::Figure {
                image: Box::new(Image {
                    alt: String::new(),
                    ..Image::clone(image)
                }),
                caption: caption.clone(),
                credit: credit.clone(),
            },
            Block::Quote {
                blocks,
                attribution,
            } => Block::Quote {
                blocks: blocks.iter().map(once).collect(),
                attribution: attribution.clone(),
            },
            Block::List {
                start,
                tight,
                items,
            } => Block::List {
                start: *start,
                tight: *tight,
                items: items
                    .iter()
                    .map(|i| ListItem {
                        task: i.task,
                        blocks: i.blocks.iter().map(once).collect(),
                    })
                    .collect(),
            },
            other => other.clone(),
        }
    }
    let blocks: Vec<Block> = blocks.iter().map(once).collect();
    let mut chars: Vec<char> = words(&blocks).concat().chars().collect();
    chars.sort_unstable();
    chars
}

/// Whether code spans touch anywhere (their fences merge: Markdown cannot keep them apart),
/// also once link text and image descriptions lose their notes and inner links.
fn any_codes_touch(blocks: &[Block]) -> bool {
    struct Touch(bool);
    impl folio::model::Visitor for Touch {
        fn visit_block(&mut self, block: &Block) {
            self.0 |= codes_touch(block.inlines());
            if let Block::Table(t) = block {
                self.0 |= t
                    .header
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .any(|c| codes_touch(c));
            }
            if let Block::Quote { attribution, .. } = block {
                self.0 |= codes_touch(attribution);
            }
            if let Block::Figure {
                caption, credit, ..
            } = block
            {
                self.0 |= codes_touch(&flatten_links(caption)) || codes_touch(credit);
            }
            folio::model::walk_block(self, block);
        }
        fn visit_inline(&mut self, inline: &Inline) {
            self.0 |= codes_touch(inline.children());
            if let Inline::Link(link) = inline {
                self.0 |= codes_touch(&flatten_links(&link.content));
            }
            folio::model::walk_inline(self, inline);
        }
    }
    let mut t = Touch(false);
    folio::model::walk_blocks(&mut t, blocks);
    t.0
}

/// Link text or an image description as the writer writes it: links replaced by their
/// text, notes moved out.
fn flatten_links(inlines: &[Inline]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Link(link) => out.extend(flatten_links(&link.content)),
            Inline::Note { .. } => {}
            other => {
                let mut other = other.clone();
                if let Some(children) = other.children_mut() {
                    let had_some = !children.is_empty();
                    *children = flatten_links(children);
                    // A span left empty is not written at all.
                    if had_some && children.is_empty() {
                        continue;
                    }
                }
                out.push(other);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Markdown cannot hold every model, but whatever it is given it writes so that nothing
    /// is lost: all its text comes back, and the model read back is a fixed point.
    #[test]
    fn any_model_keeps_its_words(blocks in any_blocks()) {
        prop_assume!(!any_codes_touch(&blocks));
        let registry = Registry::default();
        let article = Article { blocks, ..Article::default() };
        let markdown = write(&registry, "markdown", &article);
        let once = read(&registry, "markdown", &markdown);
        prop_assert_eq!(
            sorted_chars(&once.blocks),
            sorted_chars(&article.blocks),
            "{}",
            String::from_utf8_lossy(&markdown)
        );
        let again = read(&registry, "markdown", &write(&registry, "markdown", &once));
        prop_assert_eq!(again, once, "{}", String::from_utf8_lossy(&markdown));
    }
}

#[test]
fn math_round_trips_through_json_and_markdown() {
    let registry = Registry::default();
    let md = "Inline $e^{i\\pi}+1=0$ and a \\$5 price.\n\n$$\\int_0^1 x\\,dx = \\frac{1}{2}$$\n";
    let article = read(&registry, "markdown", md.as_bytes());
    let math: Vec<&Inline> = article
        .blocks
        .iter()
        .flat_map(|b| b.inlines())
        .filter(|i| matches!(i, Inline::Math { .. }))
        .collect();
    assert_eq!(math.len(), 2, "{article:?}");
    let text = assert_round_trips(&registry, &article);
    assert_eq!(text, md, "Markdown keeps the TeX as written");
    // Markdown -> JSON -> Markdown.
    let json = write(&registry, "json", &article);
    assert!(String::from_utf8_lossy(&json).contains("\"type\": \"math\""));
    let back = read(&registry, "json", &json);
    assert_eq!(write(&registry, "markdown", &back), md.as_bytes());
    // Plain text keeps the TeX too.
    let plain = String::from_utf8(write(&registry, "plain", &article)).unwrap();
    assert!(plain.contains("$e^{i\\pi}+1=0$"), "{plain}");
    assert!(
        plain.contains("$$\\int_0^1 x\\,dx = \\frac{1}{2}$$"),
        "{plain}"
    );
}

#[test]
fn citations_round_trip_through_json_and_markdown() {
    let registry = Registry::default();
    let md = "---\nreferences:\n- id: doe2020\n  type: book\n  title: Kelp\n- id: roe\n  title: Pools\n---\nAs shown [@doe2020], and again [see @roe, p. 4; @doe2020].\n";
    let article = read(&registry, "markdown", md.as_bytes());
    let cites: Vec<&Inline> = article
        .blocks
        .iter()
        .flat_map(|b| b.inlines())
        .filter(|i| matches!(i, Inline::Citation { .. }))
        .collect();
    assert_eq!(cites.len(), 2, "{article:?}");
    let text = assert_round_trips(&registry, &article);
    assert!(
        text.ends_with("As shown [@doe2020], and again [see @roe, p. 4; @doe2020].\n"),
        "{text}"
    );
    let json = write(&registry, "json", &article);
    let back = read(&registry, "json", &json);
    assert_eq!(back, article);
    assert_eq!(write(&registry, "markdown", &back), text.as_bytes());
}

//! The JATS writer: structure of the output, every word kept, validity against the JATS
//! Archiving and Publishing 1.3 DTDs (with xmllint, when ../shared and xmllint are there), and
//! the JATS4R recommendations (errors phase, with tests/jats4r.py when saxonche is there).

use folio::model::{
    words, Align, Article, Author, Block, Date, IdScheme, Identifier, Image, Inline, ListItem,
    Meta, Table,
};
use folio::write::jats::{JatsPublishingWriter, JatsWriter};
use folio::{Diagnostics, WriteOptions, Writer};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use quick_xml::events::Event;
use std::path::{Path, PathBuf};
use std::process::Command;

mod rich_model;

// ---------- helpers ----------

fn jats(article: &Article) -> String {
    write_with(&JatsWriter, article)
}

fn jats_publishing(article: &Article) -> String {
    write_with(&JatsPublishingWriter, article)
}

fn write_with(writer: &dyn Writer, article: &Article) -> String {
    let mut out = Vec::new();
    writer
        .write(
            article,
            &WriteOptions::default(),
            &mut Diagnostics::default(),
            &mut out,
        )
        .expect("write JATS");
    String::from_utf8(out).expect("UTF-8")
}

fn body_only(blocks: Vec<Block>) -> Article {
    Article {
        blocks,
        ..Article::default()
    }
}

fn text(s: &str) -> Inline {
    Inline::text(s)
}

fn para(xs: Vec<Inline>) -> Block {
    Block::Paragraph { content: xs }
}

fn item(blocks: Vec<Block>) -> ListItem {
    ListItem { task: None, blocks }
}

fn bullets(items: Vec<ListItem>) -> Block {
    Block::List {
        start: None,
        tight: true,
        items,
    }
}

fn quote(blocks: Vec<Block>) -> Block {
    Block::Quote {
        blocks,
        attribution: vec![],
    }
}

fn note(blocks: Vec<Block>) -> Inline {
    Inline::Note { blocks }
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn validators_required() -> bool {
    std::env::var("FOLIO_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1")
}

/// Skips (with a notice) or, when validators are required, fails.
fn unavailable(why: &str) {
    assert!(
        !validators_required(),
        "validator required but unavailable: {why}"
    );
    eprintln!("NOTICE: skipping JATS validation: {why}");
}

fn xmllint_works() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

const ARCHIVING: &str = "JATS-archivearticle1-3-mathml3.dtd";
const PUBLISHING: &str = "JATS-journalpublishing1-3-mathml3.dtd";

/// The DTD, with xmllint installed (by the shared script) if needed; `None` after a notice when
/// either is unavailable.
fn jats_dtd(name: &str) -> Option<PathBuf> {
    let dtd = shared().join("jats/1.3").join(name);
    if !dtd.exists() {
        unavailable(&format!("{} not found", dtd.display()));
        return None;
    }
    if !xmllint_works() {
        // The script installs xmllint before it checks its arguments.
        let _ = Command::new(shared().join("tools/validate-jats.sh")).output();
        if !xmllint_works() {
            unavailable("xmllint not available");
            return None;
        }
    }
    Some(dtd)
}

/// Validates documents against the Archiving DTD in one xmllint run and panics listing the
/// invalid ones; returns whether validation ran.
fn assert_valid(docs: &[(String, String)]) -> bool {
    assert_valid_against(ARCHIVING, docs)
}

fn assert_valid_against(dtd: &str, docs: &[(String, String)]) -> bool {
    let Some(dtd) = jats_dtd(dtd) else {
        return false;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, (_, xml)) in docs.iter().enumerate() {
        let path = dir.path().join(format!("doc{i}.xml"));
        std::fs::write(&path, xml).unwrap();
        paths.push(path);
    }
    let mut failures = Vec::new();
    // Batches keep the command line short.
    for (batch_no, batch) in paths.chunks(500).enumerate() {
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", "--dtdvalid"])
            .arg(&dtd)
            .args(batch)
            .output()
            .expect("run xmllint");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for (j, path) in batch.iter().enumerate() {
            let prefix = format!("{}:", path.display());
            let errors: Vec<&str> = stderr
                .lines()
                .filter(|l| l.starts_with(&prefix) && l.contains("error"))
                .chain(stderr.lines().filter(|l| {
                    l.contains("does not validate") && l.contains(path.to_str().unwrap())
                }))
                .take(5)
                .collect();
            if !errors.is_empty() {
                let (name, xml) = &docs[batch_no * 500 + j];
                failures.push(format!("{name}:\n  {}\n{xml}", errors.join("\n  ")));
            }
        }
        assert!(
            out.status.success() || !failures.is_empty(),
            "xmllint failed: {stderr}"
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} documents invalid:\n{}",
        failures.len(),
        docs.len(),
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    true
}

/// The character data of an XML document, a space at each tag, references resolved.
fn xml_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("char ref") {
                Some(c) => out.push(c),
                None => out.push_str(match r.xml10_content().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                }),
            },
            Event::Start(_) | Event::End(_) | Event::Empty(_) => out.push(' '),
            Event::Eof => return out,
            _ => {}
        }
    }
}

/// Every word of the body (as XML can carry it) appears in the JATS text as often as in the input.
/// A figure's alt text that repeats its caption is written once (JATS4R), so counted once.
fn assert_words_kept(article: &Article, xml: &str) {
    let out = xml_text(xml);
    let mut counts = std::collections::BTreeMap::new();
    for w in words(&article.blocks) {
        let w: String = w.chars().filter(|&c| is_xml_char(c)).collect();
        if !w.trim().is_empty() {
            *counts.entry(w.trim().to_string()).or_insert(0) += 1;
        }
    }
    for w in words(&caption_alts(&article.blocks)) {
        if let Some(n) = counts.get_mut(w.trim()) {
            *n -= 1;
        }
    }
    let mut tokens = std::collections::HashMap::new();
    for token in out.split_whitespace() {
        *tokens.entry(token).or_insert(0) += 1;
    }
    for (w, n) in counts {
        // Words of adjacent runs can join in the output: then count them inside tokens.
        let found = match tokens.get(w.as_str()) {
            Some(&found) if found >= n => found,
            _ => out.matches(w.as_str()).count(),
        };
        assert!(
            found >= n,
            "word {w:?} appears {n} times in, {found} out:\n{xml}"
        );
    }
}

/// The alt texts of figures whose alt text is their caption (found iteratively: the tests nest
/// blocks hundreds deep).
fn caption_alts(blocks: &[Block]) -> Vec<Block> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut found = Vec::new();
    let mut pending: Vec<&Block> = blocks.iter().collect();
    while let Some(block) = pending.pop() {
        match block {
            Block::Figure { image, caption, .. }
                if !image.alt.is_empty()
                    && norm(&image.alt) == norm(&folio::model::inline_text(caption)) =>
            {
                found.push(Block::para(image.alt.clone()));
            }
            Block::Quote { blocks, .. } => pending.extend(blocks),
            Block::List { items, .. } => pending.extend(items.iter().flat_map(|i| &i.blocks)),
            _ => {}
        }
    }
    found
}

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

// ---------- structure ----------

#[test]
fn prolog_and_root() {
    let xml = jats(&Article::new("Title", vec![Block::para("Hello world.")]));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN\" \"JATS-archivearticle1-3-mathml3.dtd\">\n"));
    assert!(xml.contains("<article xmlns:ali=\"http://www.niso.org/schemas/ali/1.0/\" xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" article-type=\"other\" dtd-version=\"1.3\" xml:lang=\"en\">"), "{xml}");
    assert!(xml.ends_with("</article>\n"));
}

#[test]
fn language_from_meta_else_detected() {
    let mut a = Article::new("T", vec![Block::para("Le gouvernement a annoncé que les élections auront lieu dans un mois, et que tout est prêt pour le vote.")]);
    assert!(jats(&a).contains("xml:lang=\"fr\""));
    a.meta.language = Some("pt-BR".into());
    assert!(jats(&a).contains("xml:lang=\"pt-BR\""));
    a.meta.language = Some("not a tag".into());
    assert!(jats(&a).contains("xml:lang=\"fr\""));
}

#[test]
fn article_type_from_metadata() {
    let mut a = Article::new("T", vec![]);
    a.meta
        .extra
        .insert("article-type".into(), "research-article".into());
    let xml = jats(&a);
    assert!(xml.contains("article-type=\"research-article\""));
    assert!(
        !xml.contains("<meta-name>article-type"),
        "not repeated as custom meta"
    );
}

#[test]
fn headings_nest_whatever_the_levels() {
    let xml = jats(&body_only(vec![
        Block::para("lead"),
        Block::heading(3, "A"),
        Block::para("a"),
        Block::heading(1, "B"),
        Block::heading(4, "C"),
        Block::para("c"),
        Block::heading(2, "D"),
        Block::heading(1, "B"),
    ]));
    let body = &xml[xml.find("<body>").unwrap()..];
    let expected = "<body>\n<p>lead</p>\n\
        <sec id=\"sec-a\"><title>A</title>\n<p>a</p>\n</sec>\n\
        <sec id=\"sec-b\"><title>B</title>\n\
        <sec id=\"sec-c\"><title>C</title>\n<p>c</p>\n</sec>\n\
        <sec id=\"sec-d\"><title>D</title>\n</sec>\n</sec>\n\
        <sec id=\"sec-b-2\"><title>B</title>\n</sec>\n</body>\n</article>\n";
    assert_eq!(body, expected);
}

#[test]
fn section_ids_from_heading_ids_and_fallbacks() {
    let xml = jats(&body_only(vec![
        Block::Heading {
            level: 1,
            id: Some("My Id".into()),
            content: vec![text("Whatever")],
        },
        Block::heading(2, "!!!"),
        Block::Heading {
            level: 2,
            id: None,
            content: vec![],
        },
    ]));
    assert!(
        xml.contains("<sec id=\"sec-my-id\"><title>Whatever</title>"),
        "{xml}"
    );
    assert!(
        xml.contains("<sec id=\"sec-2\"><title>!!!</title>"),
        "{xml}"
    );
    assert!(
        xml.contains("<sec id=\"sec-3\"><title></title>\n"),
        "empty title kept empty (JATS4R wants a title in every section): {xml}"
    );
}

#[test]
fn lists_keep_type_start_and_task_state() {
    let xml = jats(&body_only(vec![
        Block::List {
            start: Some(3),
            tight: true,
            items: vec![
                item(vec![Block::para("three")]),
                item(vec![Block::para("four")]),
            ],
        },
        Block::List {
            start: Some(1),
            tight: false,
            items: vec![item(vec![Block::para("one")])],
        },
        bullets(vec![
            ListItem {
                task: Some(true),
                blocks: vec![Block::para("done")],
            },
            ListItem {
                task: Some(false),
                blocks: vec![],
            },
        ]),
    ]));
    assert!(xml.contains("<list list-type=\"order\">\n<list-item><label>3.</label><p>three</p>\n</list-item>\n<list-item><label>4.</label><p>four</p>"), "{xml}");
    assert!(
        xml.contains("<list list-type=\"order\">\n<list-item><p>one</p>"),
        "{xml}"
    );
    assert!(xml.contains("<list list-type=\"bullet\">\n<list-item><p>☑ done</p>\n</list-item>\n<list-item><p>☐</p></list-item>"), "{xml}");
}

#[test]
fn displays_in_list_items_and_notes_are_wrapped_in_paragraphs() {
    let xml = jats(&body_only(vec![
        bullets(vec![item(vec![
            Block::Code {
                language: None,
                attributes: Default::default(),
                text: "x < y\n".into(),
            },
            Block::heading(2, "Inner heading"),
        ])]),
        para(vec![
            text("see"),
            note(vec![
                quote(vec![Block::para("quoted")]),
                bullets(vec![item(vec![Block::para("li")])]),
            ]),
        ]),
    ]));
    assert!(xml.contains("<list-item><p><preformat>x &lt; y</preformat>\n</p>\n<p><bold>Inner heading</bold></p>"), "{xml}");
    assert!(xml.contains("<fn id=\"fn1\"><label>1</label><p><disp-quote>\n<p>quoted</p>\n</disp-quote>\n</p>\n<p><list list-type=\"bullet\">"), "{xml}");
}

#[test]
fn notes_are_numbered_and_nested_notes_follow() {
    let xml = jats(&body_only(vec![para(vec![
        text("a"),
        note(vec![para(vec![
            text("first"),
            note(vec![Block::para("inner")]),
        ])]),
        text("b"),
        note(vec![Block::para("second")]),
    ])]));
    assert!(xml.contains("<p>a<xref ref-type=\"fn\" rid=\"fn1\">1</xref>b<xref ref-type=\"fn\" rid=\"fn2\">2</xref></p>"), "{xml}");
    assert!(
        xml.contains(
            "<fn id=\"fn1\"><label>1</label><p>first<xref ref-type=\"fn\" rid=\"fn3\">3</xref></p>"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("<fn id=\"fn2\"><label>2</label><p>second</p>"),
        "{xml}"
    );
    assert!(
        xml.contains("<fn id=\"fn3\"><label>3</label><p>inner</p>"),
        "{xml}"
    );
}

#[test]
fn inline_markup() {
    let xml = jats(&body_only(vec![para(vec![
        Inline::Emphasis {
            content: vec![text("i")],
        },
        Inline::Strong {
            content: vec![text("b")],
        },
        Inline::Strikethrough {
            content: vec![text("s")],
        },
        Inline::Superscript {
            content: vec![text("2")],
        },
        Inline::Subscript {
            content: vec![text("0")],
        },
        Inline::Code { text: "a<b".into() },
        Inline::link(
            "https://e.org/?a=1&b=\"2\"",
            Some("T".into()),
            vec![
                text("out "),
                Inline::link("https://inner", None, vec![text("in")]),
            ],
        ),
        Inline::LineBreak,
        Inline::image(Image {
            src: "icon.gif".into(),
            alt: "an icon".into(),
            title: None,
        }),
    ])]));
    assert!(xml.contains("<p><italic>i</italic><bold>b</bold><strike>s</strike><sup>2</sup><sub>0</sub><monospace>a&lt;b</monospace><ext-link ext-link-type=\"uri\" xlink:href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\" xlink:title=\"T\">out in</ext-link>\n<inline-graphic xlink:href=\"icon.gif\" mimetype=\"image\" mime-subtype=\"gif\"><alt-text>an icon</alt-text></inline-graphic></p>"), "{xml}");
}

#[test]
fn line_breaks_are_elements_where_jats_allows_them() {
    let xml = jats(&body_only(vec![
        Block::Heading {
            level: 1,
            id: None,
            content: vec![text("a"), Inline::LineBreak, text("b")],
        },
        Block::Table(Box::new(Table {
            rows: vec![vec![vec![text("c"), Inline::LineBreak, text("d")]]],
            ..Table::default()
        })),
    ]));
    assert!(xml.contains("<title>a<break/>b</title>"), "{xml}");
    // The only row of a table without header is its header (JATS4R wants header cells).
    assert!(xml.contains("<tr><th>c<break/>d</th></tr>"), "{xml}");
}

#[test]
fn figures_and_tables() {
    let xml = jats(&body_only(vec![
        Block::Figure {
            image: Box::new(Image {
                src: "img/photo.jpeg".into(),
                alt: "A photo".into(),
                title: None,
            }),
            caption: vec![text("The caption")],
            credit: vec![text("Photo: Ann")],
        },
        Block::Figure {
            image: Box::new(Image {
                src: "b.png".into(),
                alt: " The  caption".into(),
                title: None,
            }),
            caption: vec![text("The caption")],
            credit: vec![],
        },
        Block::Figure {
            image: Box::new(Image {
                src: "c.png".into(),
                ..Image::default()
            }),
            caption: vec![],
            credit: vec![],
        },
        Block::Table(Box::new(Table {
            rows: vec![
                vec![vec![text("k")], vec![text("v")]],
                vec![vec![text("a")], vec![text("1")]],
            ],
            ..Table::default()
        })),
        Block::Table(Box::new(Table {
            caption: vec![text("Cap")],
            align: vec![Align::Left, Align::Default, Align::Right],
            header: vec![vec![text("h1")], vec![text("h2")], vec![text("h3")]],
            rows: vec![
                vec![vec![text("1")], vec![text("2")], vec![text("3")]],
                vec![],
            ],
        })),
    ]));
    assert!(xml.contains("<fig id=\"fig-1\"><caption><p>The caption</p>\n</caption><graphic xlink:href=\"img/photo.jpeg\" mimetype=\"image\" mime-subtype=\"jpeg\"><alt-text>A photo</alt-text></graphic><attrib>Photo: Ann</attrib></fig>"), "{xml}");
    // Alt text that repeats the caption, or none, is `null` (JATS4R).
    assert!(xml.contains("<fig id=\"fig-2\"><caption><p>The caption</p>\n</caption><graphic xlink:href=\"b.png\" mimetype=\"image\" mime-subtype=\"png\"><alt-text>null</alt-text></graphic></fig>"), "{xml}");
    assert!(xml.contains("<fig id=\"fig-3\"><graphic xlink:href=\"c.png\" mimetype=\"image\" mime-subtype=\"png\"><alt-text>null</alt-text></graphic></fig>"), "{xml}");
    // Without a header row, the first row is the header.
    assert!(xml.contains("<table-wrap id=\"table-1\"><table>\n<thead><tr><th>k</th><th>v</th></tr>\n</thead>\n<tbody>\n<tr><td>a</td><td>1</td></tr>\n</tbody>"), "{xml}");
    assert!(xml.contains("<table-wrap id=\"table-2\"><caption><p>Cap</p>\n</caption><table>\n<thead><tr><th align=\"left\">h1</th><th>h2</th><th align=\"right\">h3</th></tr>\n</thead>\n<tbody>\n<tr><td align=\"left\">1</td><td>2</td><td align=\"right\">3</td></tr>\n<tr><td/></tr>\n</tbody>\n</table>\n</table-wrap>"), "{xml}");
}

#[test]
fn empty_things_are_left_out() {
    let xml = jats(&body_only(vec![
        Block::para(" "),
        bullets(vec![]),
        quote(vec![]),
        Block::Rule,
        Block::Table(Box::default()),
    ]));
    assert!(!xml.contains("<body"), "{xml}");
    assert!(!xml.contains("title-group"), "{xml}");
}

#[test]
fn front_matter() {
    let meta = Meta {
        title: Some("The title".into()),
        subtitle: Some("Sub".into()),
        authors: vec![
            Author {
                name: "Anna van der Berg".into(),
                affiliation: Some("Uni".into()),
                email: Some("a@u.nl".into()),
                url: Some("https://u.nl/a".into()),
                ..Author::default()
            },
            Author::named("Doe, Jane"),
            Author::named("The Newsroom"),
        ],
        published: Some("2024-02-29T10:00:00+01:00".parse().unwrap()),
        publisher: Some("The Daily".into()),
        url: Some("https://daily.example/a".into()),
        description: Some("Short abstract.".into()),
        keywords: vec!["one".into(), "two".into()],
        rights: Some("CC BY 4.0".into()),
        identifiers: [
            (IdScheme::Doi, "10.1234/abc"),
            (IdScheme::Uri, "urn:uuid:1234"),
            (IdScheme::Isbn, "978-3-16-148410-0"),
        ]
        .into_iter()
        .map(|(scheme, value)| Identifier {
            scheme,
            value: value.into(),
        })
        .collect(),
        modified: Some("2024-03".parse().unwrap()),
        image: Some("lead.jpg".into()),
        ..Meta::default()
    };
    let xml = jats(&Article {
        meta,
        ..Article::default()
    });
    for part in [
        "<journal-meta><publisher><publisher-name>The Daily</publisher-name></publisher></journal-meta>",
        "<article-id pub-id-type=\"doi\">10.1234/abc</article-id>",
        "<article-id pub-id-type=\"custom\" custom-type=\"uri\">urn:uuid:1234</article-id>",
        "<isbn>978-3-16-148410-0</isbn>",
        "<history><date date-type=\"updated\" iso-8601-date=\"2024-03\"><month>03</month><year>2024</year></date>",
        "<custom-meta><meta-name>image</meta-name><meta-value>lead.jpg</meta-value></custom-meta>",
        "<title-group><article-title>The title</article-title><subtitle>Sub</subtitle></title-group>",
        "<contrib contrib-type=\"author\"><name><surname>van der Berg</surname><given-names>Anna</given-names></name><email>a@u.nl</email><uri xlink:href=\"https://u.nl/a\" xlink:title=\"u.nl\">https://u.nl/a</uri><xref ref-type=\"aff\" rid=\"aff1\"/></contrib>",
        "<aff id=\"aff1\"><institution>Uni</institution></aff>",
        "<name><surname>Doe</surname><given-names>Jane</given-names></name>",
        "<string-name>The Newsroom</string-name>",
        "<pub-date date-type=\"pub\" publication-format=\"electronic\" iso-8601-date=\"2024-02-29T10:00:00+01:00\"><day>29</day><month>02</month><year>2024</year></pub-date>",
        "<permissions><license><license-p>CC BY 4.0</license-p></license></permissions>",
        "<self-uri xlink:href=\"https://daily.example/a\">The title</self-uri>",
        "<abstract><p>Short abstract.</p></abstract>",
        "<kwd-group><kwd>one</kwd><kwd>two</kwd></kwd-group>",
    ] {
        assert!(xml.contains(part), "missing {part}:\n{xml}");
    }
    assert_valid(&[("front".into(), xml)]);
}

#[test]
fn characters_xml_forbids_are_removed() {
    let mut a = Article::new(
        "T\u{1}itle",
        vec![Block::para("a\u{0}b\u{fffe} ]]> <!-- --> & \"q\" 😀")],
    );
    a.meta.url = Some("https://x/\u{7}\"><evil".into());
    let xml = jats(&a);
    assert!(
        xml.contains("<article-title>Title</article-title>"),
        "{xml}"
    );
    assert!(
        xml.contains("<p>ab ]]&gt; &lt;!-- --&gt; &amp; \"q\" 😀</p>"),
        "{xml}"
    );
    assert!(
        xml.contains("xlink:href=\"https://x/&quot;&gt;&lt;evil\""),
        "{xml}"
    );
    assert_valid(&[("chars".into(), xml)]);
}

#[test]
fn deep_nesting_is_flattened_not_recursed_without_end() {
    let mut block = Block::para("deep words");
    for _ in 0..500 {
        block = quote(vec![bullets(vec![item(vec![block])])]);
    }
    let mut inline = text("deep inline");
    for _ in 0..500 {
        inline = Inline::Emphasis {
            content: vec![inline],
        };
    }
    let mut list = para(vec![
        text("deep list"),
        note(vec![Block::para("deep note")]),
    ]);
    for _ in 0..500 {
        list = bullets(vec![item(vec![list])]);
    }
    let a = body_only(vec![block, para(vec![inline]), list]);
    let xml = jats(&a);
    assert_words_kept(&a, &xml);
    assert_valid(&[("deep".into(), xml)]);
}

// ---------- every block in every container, validated ----------

/// One of each kind of block, with words in it.
fn sample_blocks() -> Vec<Block> {
    vec![
        Block::para("plain paragraph"),
        para(vec![
            text("with"),
            Inline::LineBreak,
            text("break"),
            note(vec![Block::heading(2, "note heading")]),
        ]),
        Block::heading(1, "top heading"),
        Block::heading(4, "low heading"),
        Block::Heading {
            level: 2,
            id: None,
            content: vec![],
        },
        bullets(vec![item(vec![Block::para("bullet item")]), item(vec![])]),
        Block::List {
            start: Some(7),
            tight: false,
            items: vec![ListItem {
                task: Some(false),
                blocks: vec![Block::Code {
                    language: Some("sh".into()),
                    attributes: Default::default(),
                    text: "echo task".into(),
                }],
            }],
        },
        Block::Quote {
            blocks: vec![Block::para("quoted text")],
            attribution: vec![text("Someone"), Inline::LineBreak, text("Else")],
        },
        quote(vec![]),
        Block::Callout {
            kind: folio::model::CalloutKind::Tip,
            blocks: vec![
                Block::para("callout text"),
                quote(vec![Block::para("in callout")]),
            ],
        },
        Block::Code {
            language: None,
            attributes: Default::default(),
            text: "let x = 1 < 2;\n".into(),
        },
        Block::Figure {
            image: Box::new(Image {
                src: "data:image/png;base64,AAAA".into(),
                alt: "figure alt".into(),
                title: Some("tooltip".into()),
            }),
            caption: vec![
                text("figure caption"),
                note(vec![Block::para("caption note")]),
            ],
            credit: vec![text("figure credit")],
        },
        Block::Table(Box::new(Table {
            caption: vec![text("table caption")],
            align: vec![Align::Center],
            header: vec![vec![text("head cell")]],
            rows: vec![vec![vec![
                text("body"),
                note(vec![bullets(vec![item(vec![Block::para(
                    "cell note list",
                )])])]),
            ]]],
        })),
        Block::Table(Box::new(Table {
            header: vec![vec![text("header only")]],
            ..Table::default()
        })),
        Block::Table(Box::new(Table {
            caption: vec![text("caption only")],
            ..Table::default()
        })),
        Block::Rule,
        Block::para(""),
    ]
}

/// Puts blocks inside a container of each kind.
fn containers(inner: Vec<Block>) -> Vec<(&'static str, Block)> {
    vec![
        ("quote", quote(inner.clone())),
        ("list item", bullets(vec![item(inner.clone())])),
        (
            "task item",
            bullets(vec![ListItem {
                task: Some(true),
                blocks: inner.clone(),
            }]),
        ),
        ("note", para(vec![text("ref"), note(inner.clone())])),
        (
            "note in heading",
            Block::Heading {
                level: 2,
                id: None,
                content: vec![text("h"), note(inner.clone())],
            },
        ),
        (
            "note in link",
            para(vec![Inline::link("u", None, vec![text("l"), note(inner)])]),
        ),
    ]
}

#[test]
fn every_block_in_every_container_is_valid_and_keeps_its_words() {
    let mut docs = Vec::new();
    let mut add = |name: String, article: Article| {
        let xml = jats(&article);
        assert_words_kept(&article, &xml);
        docs.push((name, xml));
    };
    let samples = sample_blocks();
    // xmllint spends ~40 ms per document on this DTD, so the combinations of one block share
    // a document.
    for (i, block) in samples.iter().enumerate() {
        add(format!("block {i} alone"), body_only(vec![block.clone()]));
        let mut nested = Vec::new();
        for (_, wrapped) in containers(vec![block.clone(), Block::para("after")]) {
            nested.push(wrapped.clone());
            nested.extend(containers(vec![wrapped]).into_iter().map(|(_, b)| b));
        }
        add(
            format!("block {i} in every container, once and twice"),
            body_only(nested),
        );
    }
    add("all blocks".into(), body_only(samples.clone()));
    for levels in [[1, 2, 3], [3, 1, 2], [6, 1, 6], [2, 2, 5], [5, 4, 1]] {
        let mut blocks = Vec::new();
        for l in levels {
            blocks.push(Block::heading(l, "h"));
            blocks.extend(samples.iter().take(3).cloned());
        }
        add(format!("levels {levels:?}"), body_only(blocks));
    }
    add("empty article".into(), Article::default());
    add(
        "empty title".into(),
        Article::new("  ", vec![Block::heading(1, "")]),
    );
    assert_valid(&docs);
}

// ---------- random models ----------

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z]{1,8}( [a-zA-Z0-9]{1,8}){0,4}",
        "[ -~]{0,12}",
        "[\u{0}-\u{1f}\u{fffe}\u{ffff}<>&\"' é漢😀]{0,6}",
    ]
}

fn arb_inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        4 => arb_text().prop_map(Inline::text),
        1 => arb_text().prop_map(|text| Inline::Code { text }),
        1 => Just(Inline::LineBreak),
        1 => (arb_text(), arb_text()).prop_map(|(src, alt)| Inline::image(Image { src, alt, title: None })),
    ];
    leaf.prop_recursive(3, 12, 3, |inner| {
        let xs = prop::collection::vec(inner, 0..3);
        prop_oneof![
            xs.clone().prop_map(|content| Inline::Emphasis { content }),
            xs.clone().prop_map(|content| Inline::Strong { content }),
            xs.clone()
                .prop_map(|content| Inline::Strikethrough { content }),
            xs.clone()
                .prop_map(|content| Inline::Superscript { content }),
            xs.clone().prop_map(|content| Inline::Subscript { content }),
            (arb_text(), xs.clone()).prop_map(|(url, content)| Inline::link(url, None, content)),
            xs.prop_map(|content| Inline::Note {
                blocks: vec![Block::Paragraph { content }]
            }),
        ]
    })
}

fn arb_inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(arb_inline(), 0..4)
}

fn arb_block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        4 => arb_inlines().prop_map(|content| Block::Paragraph { content }),
        1 => (0u8..9, arb_inlines()).prop_map(|(level, content)| Block::Heading { level, id: None, content }),
        1 => (prop::option::of("[a-z+]{0,5}"), arb_text()).prop_map(|(language, text)| Block::Code { language, attributes: Default::default(), text }),
        1 => (arb_text(), arb_text(), arb_inlines(), arb_inlines()).prop_map(|(src, alt, caption, credit)| Block::Figure {
            image: Box::new(Image { src, alt, title: None }),
            caption,
            credit,
        }),
        1 => (arb_inlines(), prop::collection::vec(arb_inlines(), 0..3), prop::collection::vec(prop::collection::vec(arb_inlines(), 0..3), 0..3))
            .prop_map(|(caption, header, rows)| Block::Table(Box::new(Table { caption, align: vec![Align::Right], header, rows }))),
        1 => Just(Block::Rule),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        let blocks = prop::collection::vec(inner, 0..4);
        prop_oneof![
            (blocks.clone(), arb_inlines()).prop_map(|(blocks, attribution)| Block::Quote {
                blocks,
                attribution
            }),
            (
                prop::option::of(0u64..20),
                prop::collection::vec((prop::option::of(any::<bool>()), blocks.clone()), 0..3)
            )
                .prop_map(|(start, items)| Block::List {
                    start,
                    tight: true,
                    items: items
                        .into_iter()
                        .map(|(task, blocks)| ListItem { task, blocks })
                        .collect(),
                }),
            blocks.prop_map(|blocks| Block::Paragraph {
                content: vec![Inline::text("n"), Inline::Note { blocks }]
            }),
        ]
    })
}

fn arb_date() -> impl Strategy<Value = Date> {
    (
        1000i32..3000,
        prop::option::of((1u8..13, prop::option::of(1u8..29))),
    )
        .prop_map(|(year, md)| Date {
            year,
            month: md.map(|(m, _)| m),
            day: md.and_then(|(_, d)| d),
            time: None,
        })
}

fn arb_meta() -> impl Strategy<Value = Meta> {
    let opt = || prop::option::of(arb_text());
    let author =
        (arb_text(), opt(), opt(), opt()).prop_map(|(name, affiliation, email, url)| Author {
            name,
            affiliation,
            email,
            url,
            ..Author::default()
        });
    let identifier = (0..3usize, arb_text()).prop_map(|(i, value)| Identifier {
        scheme: [IdScheme::Doi, IdScheme::Isbn, IdScheme::Uri][i],
        value,
    });
    (
        (
            opt(),
            opt(),
            prop::collection::vec(author, 0..3),
            prop::option::of(arb_date()),
            prop::option::of(arb_date()),
        ),
        (
            opt(),
            opt(),
            opt(),
            opt(),
            prop::collection::vec(arb_text(), 0..3),
        ),
        (
            opt(),
            opt(),
            prop::collection::vec(identifier, 0..3),
            prop::collection::vec((arb_text(), arb_text()), 0..3),
        ),
    )
        .prop_map(
            |(
                (title, subtitle, authors, published, modified),
                (publisher, url, language, description, keywords),
                (image, rights, identifiers, extra),
            )| Meta {
                title,
                subtitle,
                authors,
                published,
                modified,
                publisher,
                url,
                language,
                description,
                keywords,
                image,
                rights,
                identifiers,
                extra: extra.into_iter().map(|(k, v)| (k, v.into())).collect(),
                ..Meta::default()
            },
        )
}

fn arb_article() -> impl Strategy<Value = Article> {
    (arb_meta(), prop::collection::vec(arb_block(), 0..8)).prop_map(|(meta, blocks)| Article {
        meta,
        blocks,
        origin: None,
    })
}

#[test]
fn random_models_give_valid_jats_with_every_word() {
    let mut runner = TestRunner::deterministic();
    let strategy = arb_article();
    let mut docs = Vec::new();
    for case in 0..64 {
        let article = strategy.new_tree(&mut runner).unwrap().current();
        let xml = jats(&article);
        assert_words_kept(&article, &xml);
        docs.push((format!("random case {case}: {article:?}"), xml));
    }
    assert_valid(&docs);
}

// ---------- other readers' output ----------

fn has_reader(name: &str) -> bool {
    folio::Registry::default().reader(name).is_ok()
}

/// Reads a file with a reader, writes JATS and checks that every word made it.
fn convert_file(path: &Path, from: &str, extract: bool) -> (String, String) {
    let bytes = std::fs::read(path).unwrap();
    let input = folio::Input {
        bytes: &bytes,
        path: Some(path),
    };
    let registry = folio::Registry::default();
    let article = folio::read_one(
        &registry,
        input,
        from,
        &folio::ReadOptions::default(),
        &mut Diagnostics::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let xml = jats(&article);
    assert_words_kept(&article, &xml);
    (format!("{} (extract: {extract})", path.display()), xml)
}

/// The Markdown files of a directory of the crate, sorted; a notice when there is none.
fn markdown_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    if files.is_empty() {
        eprintln!("NOTICE: no Markdown files in {}", dir.display());
    }
    files.sort();
    files
}

#[test]
fn markdown_fixtures_and_examples_give_valid_jats_with_every_word() {
    if !has_reader("markdown") {
        eprintln!("NOTICE: no markdown reader yet: fixtures not converted");
        return;
    }
    let files = [markdown_files("tests/fixtures"), markdown_files("examples")].concat();
    assert!(!files.is_empty(), "no Markdown to convert");
    let docs: Vec<_> = files
        .iter()
        .map(|p| convert_file(p, "markdown", true))
        .collect();
    assert_valid(&docs);
}

#[test]
fn the_shared_rich_article_gives_valid_jats_with_every_word() {
    let article = rich_model::rich_article("images/photo.jpg");
    let xml = jats(&article);
    assert_words_kept(&article, &xml);
    assert_valid(&[("rich article".into(), xml)]);
}

#[test]
fn readability_corpus_gives_valid_jats_with_every_word() {
    let corpus = shared().join("corpus/readability");
    if !corpus.is_dir() {
        eprintln!(
            "NOTICE: {} not found: corpus not converted",
            corpus.display()
        );
        return;
    }
    if !has_reader("html") {
        eprintln!("NOTICE: no html reader yet: readability corpus not converted");
        return;
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    pages.sort();
    // The extracted article, and the whole page as it is (more kinds of blocks).
    let docs: Vec<_> = pages
        .iter()
        .flat_map(|p| {
            [
                convert_file(p, "html", true),
                convert_file(p, "html", false),
            ]
        })
        .collect();
    assert_valid(&docs);
    // The Publishing tag set allows less where it stands (nothing but text in a link).
    let registry = folio::Registry::default();
    let publishing: Vec<_> = pages
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let input = folio::Input {
                bytes: &bytes,
                path: Some(p),
            };
            let article = folio::read_one(
                &registry,
                input,
                "html",
                &folio::ReadOptions::default(),
                &mut Diagnostics::default(),
            )
            .unwrap();
            (p.display().to_string(), jats_publishing(&article))
        })
        .collect();
    assert_valid_against(PUBLISHING, &publishing);
}

// ---------- JATS4R and the Publishing tag set ----------

/// Whether tests/jats4r.py can run (python3 with saxonche); a notice, or a failure when
/// validators are required, when it cannot.
fn jats4r_available() -> bool {
    let works = Command::new("python3")
        .args(["-c", "import saxonche"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        assert!(
            !validators_required(),
            "validator required but unavailable: python3 with saxonche (pip install saxonche)"
        );
        eprintln!("NOTICE: skipping the JATS4R check: python3 with saxonche not available");
    }
    works
}

/// The JATS4R checker's verdict on documents: its exit code and what it printed.
fn jats4r(docs: &[(String, String)]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (i, (_, xml)) in docs.iter().enumerate() {
        let path = dir.path().join(format!("doc{i}.xml"));
        std::fs::write(&path, xml).unwrap();
        paths.push(path);
    }
    let out = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jats4r.py"))
        .args(&paths)
        .output()
        .expect("run tests/jats4r.py");
    let mut report = String::from_utf8_lossy(&out.stdout).into_owned();
    for (i, (name, _)) in docs.iter().enumerate() {
        report = report.replace(paths[i].to_str().unwrap(), name);
    }
    report.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), report)
}

/// Panics with the findings when any document has one in the JATS4R errors phase.
fn assert_jats4r_clean(docs: &[(String, String)]) {
    if !jats4r_available() {
        return;
    }
    let (code, report) = jats4r(docs);
    assert_eq!(code, 0, "JATS4R errors-phase findings:\n{report}");
    assert_eq!(
        report.matches(": 0 errors").count(),
        docs.len(),
        "every document checked:\n{report}"
    );
}

/// The Markdown fixtures and examples, and the rich model, in both tag sets.
fn fixture_articles() -> Vec<(String, Article)> {
    let registry = folio::Registry::default();
    let files = [markdown_files("tests/fixtures"), markdown_files("examples")].concat();
    let mut articles: Vec<(String, Article)> = files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            let article = folio::read_one(
                &registry,
                folio::Input {
                    bytes: &bytes,
                    path: Some(path),
                },
                "markdown",
                &folio::ReadOptions::default(),
                &mut Diagnostics::default(),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path.display().to_string(), article)
        })
        .collect();
    articles.push((
        "rich article".into(),
        rich_model::rich_article("images/photo.jpg"),
    ));
    articles
}

#[test]
fn jats4r_checker_finds_what_it_should() {
    if !jats4r_available() {
        return;
    }
    // No permissions, a link that names only its address, a graphic without alt text, a
    // section without title: four errors-phase findings.
    let bad = "<?xml version=\"1.0\"?>\n<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" dtd-version=\"1.3\"><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><body><sec><p><ext-link xlink:href=\"https://e.org/\">https://e.org/</ext-link></p><fig><graphic xlink:href=\"a.png\"/></fig></sec></body></article>\n";
    let (code, report) = jats4r(&[("bad".into(), bad.into())]);
    assert_eq!(code, 1, "{report}");
    for rule in [
        "permissions-errors",
        "Text that describes the linked object",
        "All <graphic> must have <alt-text>",
        "Each sec element must have a title",
    ] {
        assert!(report.contains(rule), "{rule} not found:\n{report}");
    }
    assert!(report.contains("bad: 4 errors"), "{report}");
}

#[test]
fn fixtures_and_examples_meet_jats4r_and_publishing_dtd() {
    let articles = fixture_articles();
    assert!(articles.len() > 3, "fixtures missing");
    let archiving: Vec<(String, String)> = articles
        .iter()
        .map(|(name, a)| (format!("{name} (archiving)"), jats(a)))
        .collect();
    let publishing: Vec<(String, String)> = articles
        .iter()
        .map(|(name, a)| (format!("{name} (publishing)"), jats_publishing(a)))
        .collect();
    for (_, xml) in &publishing {
        assert!(xml.contains("\"JATS-journalpublishing1-3-mathml3.dtd\""));
    }
    assert_valid_against(PUBLISHING, &publishing);
    assert_jats4r_clean(&[archiving, publishing].concat());
}

#[test]
fn jats4r_rules_that_apply_each_have_a_case() {
    let author = |name: &str, affs: &[&str]| Author {
        name: name.into(),
        affiliation: affs.first().map(|a| a.to_string()),
        affiliations: affs.iter().skip(1).map(|a| a.to_string()).collect(),
        ..Author::default()
    };
    let figure = |alt: &str, caption: &str| Block::Figure {
        image: Box::new(Image {
            src: "a.png".into(),
            alt: alt.into(),
            title: None,
        }),
        caption: vec![text(caption)],
        credit: vec![],
    };
    let link = |url: &str, content: Vec<Inline>| Inline::link(url, None, content);
    let icon = Inline::image(Image {
        src: "icon.png".into(),
        alt: "icon".into(),
        title: None,
    });
    let body = vec![
        // accessibility: links that name only their address, or nothing, or only an image.
        para(vec![
            link("https://e.org/a", vec![text("https://e.org/a")]),
            link("https://e.org/b", vec![]),
            link("ftp://e.org/c", vec![text("ftp://e.org/c")]),
            link("https://e.org/d", vec![icon]),
        ]),
        // accessibility: alt text always, never the caption again; display objects: ids.
        figure("", "No alt"),
        figure("Same words", "Same  words"),
        figure("A described picture", "Its caption"),
        // accessibility: header cells in every table.
        Block::Table(Box::new(Table {
            rows: vec![vec![vec![text("a")], vec![text("b")]]],
            ..Table::default()
        })),
        // accessibility: a title in every section.
        Block::heading(2, ""),
        Block::para("After an empty heading."),
    ];
    let cases = [
        // permissions: nothing known, a notice without year, a license URL, a full copyright.
        ("no rights", Meta::default()),
        (
            "notice without year",
            Meta {
                rights: Some("© The Daily".into()),
                ..Meta::default()
            },
        ),
        (
            "license url",
            Meta {
                rights: Some("https://creativecommons.org/licenses/by/4.0/".into()),
                url: Some("https://daily.example/story".into()),
                ..Meta::default()
            },
        ),
        // authors and affiliations: several of each, linked by id; ORCID; funding; abstract.
        (
            "paper",
            Meta {
                title: Some("A paper".into()),
                authors: vec![
                    Author {
                        orcid: Some("0000-0002-1825-0097".into()),
                        corresponding: true,
                        email: Some("a@e.org".into()),
                        url: Some("https://e.org/a".into()),
                        ..author("Ann Able", &["Lab", "Uni"])
                    },
                    author("Ben Baker", &["Uni"]),
                    author("Cai Chen", &["Institute"]),
                ],
                copyright: Some(folio::model::Copyright {
                    statement: None,
                    year: Some(2024),
                    holder: Some("The authors".into()),
                }),
                funding: vec![folio::model::Funding {
                    funder: Some("Fund".into()),
                    award: Some("F-1".into()),
                    statement: Some("Funded by the Fund.".into()),
                }],
                description: Some("First.\n\nSecond.".into()),
                keywords: vec!["k1".into(), "k2".into()],
                ..Meta::default()
            },
        ),
    ];
    let mut docs = Vec::new();
    let mut publishing = Vec::new();
    for (name, meta) in cases {
        let article = Article {
            meta,
            blocks: body.clone(),
            origin: None,
        };
        let xml = jats(&article);
        assert!(xml.contains("<permissions>"), "{xml}");
        assert!(!xml.contains("<alt-text>Same words"), "{xml}");
        assert!(xml.contains("<th>a</th>"), "{xml}");
        docs.push((name.to_string(), xml));
        publishing.push((format!("{name} (publishing)"), jats_publishing(&article)));
    }
    let paper = &docs[3].1;
    assert!(
        paper.contains("<xref ref-type=\"aff\" rid=\"aff3\"/>"),
        "{paper}"
    );
    assert!(
        paper.contains("<abstract><p>First.</p><p>Second.</p></abstract>"),
        "{paper}"
    );
    assert!(
        publishing[3]
            .1
            .contains("<ext-link ext-link-type=\"uri\" xlink:href=\"https://e.org/d\" xlink:title=\"e.org\"></ext-link><inline-graphic"),
        "the Publishing tag set puts a link's image after it: {}",
        publishing[3].1
    );
    assert_valid(&docs);
    assert_valid_against(PUBLISHING, &publishing);
    assert_jats4r_clean(&[docs, publishing].concat());
}

#[test]
fn math_is_mathml_with_tex_alternative_wherever_it_stands() {
    let inline = || Inline::Math {
        tex: "e^{i\\pi}+1=0".into(),
        display: false,
    };
    let display = || Inline::Math {
        tex: "\\int_0^1 x\\,dx".into(),
        display: true,
    };
    let both = || vec![inline(), text(" and "), display()];
    let blocks = vec![
        para(both()),
        para(vec![Inline::Emphasis { content: both() }]),
        para(vec![Inline::link("https://e.org/", None, both())]),
        Block::Heading {
            level: 1,
            id: None,
            content: both(),
        },
        bullets(vec![item(vec![para(both())])]),
        quote(vec![para(both())]),
        para(vec![note(vec![para(both())])]),
        Block::Table(Box::new(Table {
            header: vec![both()],
            rows: vec![vec![both()]],
            caption: both(),
            ..Table::default()
        })),
        Block::Figure {
            image: Box::new(Image {
                src: "a.png".into(),
                alt: "a".into(),
                title: None,
            }),
            caption: both(),
            credit: vec![],
        },
        // Not TeX pulldown-latex reads: the TeX alone.
        para(vec![Inline::Math {
            tex: "\\frac{1}{".into(),
            display: true,
        }]),
    ];
    let article = body_only(blocks);
    let xml = jats(&article);
    assert!(xml.contains("<p><inline-formula><alternatives><mml:math display=\"inline\"><mml:msup><mml:mi>e</mml:mi>"), "{xml}");
    assert!(
        xml.contains("</mml:math><tex-math>e^{i\\pi}+1=0</tex-math></alternatives></inline-formula> and <disp-formula><alternatives><mml:math display=\"block\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<tex-math>\\int_0^1 x\\,dx</tex-math></alternatives></disp-formula></p>"),
        "{xml}"
    );
    // Inside formatting and titles display math is an inline formula.
    assert!(xml.contains("<italic><inline-formula>"), "{xml}");
    assert!(!xml.contains("<italic><inline-formula><alternatives><mml:math display=\"inline\"><mml:msup><mml:mi>e</mml:mi><mml:mrow><mml:mi>i</mml:mi><mml:mi>π</mml:mi></mml:mrow></mml:msup><mml:mo>+</mml:mo><mml:mn>1</mml:mn><mml:mo>=</mml:mo><mml:mn>0</mml:mn></mml:math><tex-math>e^{i\\pi}+1=0</tex-math></alternatives></inline-formula> and <disp-formula>"), "{xml}");
    assert!(
        xml.contains("<disp-formula><tex-math>\\frac{1}{</tex-math></disp-formula>"),
        "{xml}"
    );
    let publishing = jats_publishing(&article);
    assert_valid(&[("math".into(), xml.clone())]);
    assert_valid_against(PUBLISHING, &[("math".into(), publishing.clone())]);
    assert_jats4r_clean(&[("math".into(), xml), ("math publishing".into(), publishing)]);
}

#[test]
fn citations_link_to_a_ref_list_of_element_citations() {
    let registry = folio::Registry::default();
    let md = "---\nreferences:\n  - id: doe2020\n    type: chapter\n    author: [{family: Doe, given: Jane}]\n    editor: [{literal: Ed Board}]\n    title: Pools\n    container-title: Shores\n    issued: {date-parts: [[2020]]}\n    page: 7\n  - id: anon\n    title: Untitled Notes\n    URL: https://e.org/notes\n  - id: unused\n    title: Never cited\n---\nA [@anon] and [@doe2020; @anon].[^1] Also [@missing] in [a link [@anon]](https://e.org/).\n\n[^1]: In a note [see @doe2020, p. 7].\n";
    let article = folio::read_one(
        &registry,
        folio::Input::new(md.as_bytes()),
        "markdown",
        &folio::ReadOptions::default(),
        &mut Diagnostics::default(),
    )
    .unwrap();
    let xml = jats(&article);
    // Numbered by first citation; only cited references are listed.
    assert!(xml.contains("<p>A [<xref ref-type=\"bibr\" rid=\"ref-anon\">1</xref>] and [<xref ref-type=\"bibr\" rid=\"ref-doe2020\">2</xref>, <xref ref-type=\"bibr\" rid=\"ref-anon\">1</xref>]."), "{xml}");
    assert!(xml.contains("Also [@missing]"), "{xml}");
    assert!(
        xml.contains("In a note [see <xref ref-type=\"bibr\" rid=\"ref-doe2020\">2</xref>, p. 7]."),
        "{xml}"
    );
    assert!(xml.contains("<ref id=\"ref-anon\"><label>1</label><element-citation publication-type=\"webpage\"><person-group person-group-type=\"author\"/><source>Untitled Notes</source><ext-link ext-link-type=\"uri\" xlink:href=\"https://e.org/notes\" xlink:title=\"e.org\">https://e.org/notes</ext-link></element-citation></ref>"), "{xml}");
    assert!(xml.contains("<ref id=\"ref-doe2020\"><label>2</label><element-citation publication-type=\"book\"><person-group person-group-type=\"author\"><name><surname>Doe</surname><given-names>Jane</given-names></name></person-group><person-group person-group-type=\"editor\"><string-name>Ed Board</string-name></person-group><chapter-title>Pools</chapter-title><source>Shores</source><year iso-8601-date=\"2020\">2020</year><fpage>7</fpage></element-citation></ref>"), "{xml}");
    assert!(!xml.contains("Never cited"), "{xml}");
    let publishing = jats_publishing(&article);
    // Link text stays as written: a citation there would be a link in a link.
    assert!(
        publishing.contains(">a link [@anon]</ext-link>"),
        "{publishing}"
    );
    assert_valid(&[("citations".into(), xml.clone())]);
    assert_valid_against(PUBLISHING, &[("citations".into(), publishing.clone())]);
    assert_jats4r_clean(&[
        ("citations".into(), xml),
        ("citations publishing".into(), publishing),
    ]);
}

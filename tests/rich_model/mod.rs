//! Articles built in Rust that use every part of the model, shared by the writer tests.
#![allow(dead_code)]

use folio::model::{
    Align, Article, Author, Block, Date, IdScheme, Identifier, Image, Inline, ListItem, Meta, Table,
};

pub fn t(s: &str) -> Inline {
    Inline::text(s)
}

pub fn p(xs: Vec<Inline>) -> Block {
    Block::Paragraph { content: xs }
}

pub fn note(s: &str) -> Inline {
    Inline::Note {
        blocks: vec![Block::para(s)],
    }
}

pub fn item(blocks: Vec<Block>) -> ListItem {
    ListItem { task: None, blocks }
}

/// Every block and inline type, nested lists, notes (one inside a link, one inside a note),
/// a table with alignment and caption, weird characters, duplicate and invalid heading ids.
pub fn rich_article(image_src: &str) -> Article {
    let meta = Meta {
        title: Some("Rich <article> & \"friends\"".into()),
        subtitle: Some("A subtitle".into()),
        authors: vec![
            Author {
                name: "Ada Lovelace".into(),
                affiliation: Some("Analytical Society".into()),
                affiliations: vec!["Engine Works".into()],
                orcid: Some("0000-0002-1825-0097".into()),
                email: Some("ada@example.org".into()),
                corresponding: true,
                ..Author::default()
            },
            Author::named("Charles Babbage"),
        ],
        published: Some("2019-09-18T22:32:40+08:00".parse::<Date>().unwrap()),
        publisher: Some("The Engine Gazette".into()),
        url: Some("https://example.org/news/rich?x=1&y=2".into()),
        language: Some("en-GB".into()),
        description: Some("Everything the model can hold.".into()),
        keywords: vec!["engines".into(), "tests".into()],
        rights: Some("CC BY 4.0".into()),
        identifiers: vec![Identifier {
            scheme: IdScheme::Doi,
            value: "10.1234/rich.5678".into(),
        }],
        references: folio::model::references(&serde_json::json!([
            {"id": "menabrea1842", "type": "article-journal", "title": "Sketch of the analytical engine",
             "author": [{"family": "Menabrea", "given": "Luigi"}], "container-title": "Bibliothèque universelle de Genève",
             "issued": {"date-parts": [[1842]]}, "volume": 41, "page": "352-376"}
        ]))
        .unwrap(),
        ..Meta::default()
    };
    let blocks = vec![
        p(vec![
            t("Opening words with "),
            Inline::Emphasis {
                content: vec![t("emphasis")],
            },
            t(", "),
            Inline::Strong {
                content: vec![
                    t("strong "),
                    Inline::Emphasis {
                        content: vec![t("nested")],
                    },
                ],
            },
            t(", "),
            Inline::Strikethrough {
                content: vec![t("struck")],
            },
            t(", H"),
            Inline::Subscript {
                content: vec![t("2")],
            },
            t("O, x"),
            Inline::Superscript {
                content: vec![t("2")],
            },
            t(", "),
            Inline::Code {
                text: "a < b && c".into(),
            },
            t(" and a note"),
            note("First note text."),
            t("."),
        ]),
        p(vec![
            t("Math "),
            Inline::Math {
                tex: "e^{i\\pi}+1=0".into(),
                display: false,
            },
            t(", displayed "),
            Inline::Math {
                tex: "\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}".into(),
                display: true,
            },
            t(" and cited "),
            Inline::Citation {
                cites: vec![folio::model::Cite {
                    key: "menabrea1842".into(),
                    prefix: "see".into(),
                    suffix: ", p. 352".into(),
                }],
            },
            t("."),
        ]),
        Block::Heading {
            level: 2,
            id: Some("1 bad id!".into()),
            content: vec![t("Links & images")],
        },
        p(vec![
            Inline::link(
                "https://example.org/a b",
                Some("A \"title\"".into()),
                vec![t("external link"), note("Note inside linkword.")],
            ),
            t(", "),
            Inline::link("#intro-dup", None, vec![t("internal link")]),
            t(", "),
            Inline::link("javascript:alert(1)", None, vec![t("scriptlink")]),
            t(", line"),
            Inline::LineBreak,
            t("break and an inline "),
            Inline::image(Image {
                src: image_src.into(),
                alt: "inline picture".into(),
                title: None,
            }),
            t("."),
        ]),
        Block::Figure {
            image: Box::new(Image {
                src: image_src.into(),
                alt: "figure alt".into(),
                title: Some("fig title".into()),
            }),
            caption: vec![t("The caption")],
            credit: vec![t("Photo: Someone")],
        },
        Block::Heading {
            level: 3,
            id: Some("intro-dup".into()),
            content: vec![t("Lists")],
        },
        Block::List {
            start: None,
            tight: true,
            items: vec![
                item(vec![
                    Block::para("bullet one"),
                    Block::List {
                        start: Some(3),
                        tight: true,
                        items: vec![
                            item(vec![Block::para("nested three")]),
                            item(vec![Block::para("nested four")]),
                        ],
                    },
                ]),
                ListItem {
                    task: Some(true),
                    blocks: vec![Block::para("done task")],
                },
                ListItem {
                    task: Some(false),
                    blocks: vec![Block::para("open task")],
                },
            ],
        },
        Block::List {
            start: Some(1),
            tight: false,
            items: vec![item(vec![
                Block::para("loose one"),
                Block::para("loose two"),
            ])],
        },
        Block::Heading {
            level: 2,
            id: None,
            content: vec![t("Quotes, code & tables")],
        },
        Block::Quote {
            blocks: vec![Block::para("Quoted words.")],
            attribution: vec![t("Quoted Person")],
        },
        Block::Quote {
            blocks: vec![Block::para("Unattributed quote.")],
            attribution: vec![],
        },
        Block::Code {
            language: Some("rust\" onload=x".into()),
            attributes: Default::default(),
            text: "fn main() {\n    println!(\"<hi> & bye\");\n}".into(),
        },
        Block::Code {
            language: Some("föö".into()),
            attributes: [
                ("title".to_string(), "hello \"<py>\".py".to_string()),
                ("linenums".to_string(), "1".to_string()),
                ("Odd Key".to_string(), "x".to_string()),
            ]
            .into(),
            text: "print('hi')".into(),
        },
        Block::Callout {
            kind: folio::model::CalloutKind::Warning,
            blocks: vec![
                Block::para("Callout words."),
                Block::heading(3, "Callout heading"),
                Block::List {
                    start: None,
                    tight: true,
                    items: vec![item(vec![Block::para("Callout item")])],
                },
            ],
        },
        Block::Table(Box::new(Table {
            caption: vec![t("Table caption")],
            align: vec![Align::Left, Align::Center, Align::Right],
            header: vec![vec![t("Name")], vec![t("Count")], vec![t("Price")]],
            rows: vec![
                vec![vec![t("apples")], vec![t("3")], vec![t("1.20")]],
                vec![vec![t("short row")]],
            ],
        })),
        Block::Rule,
        p(vec![
            t("Weird characters: \u{0}\u{1b} control, emoji 🚀, RTL שלום, CJK 漢字, "),
            t("ampersand & angle <tag> quote \" apostrophe ' end"),
            note("Outer note with"),
        ]),
        Block::Heading {
            level: 2,
            id: None,
            content: vec![t("Quotes, code & tables")],
        },
        p(vec![
            t("Last paragraph"),
            Inline::Note {
                blocks: vec![p(vec![
                    t("A note with an inner note"),
                    note("Inner note text."),
                ])],
            },
            t("."),
        ]),
    ];
    Article {
        meta,
        blocks,
        origin: None,
    }
}

/// The words of the body text, unescaped; what a writer must not lose.
pub fn body_words(article: &Article) -> Vec<String> {
    folio::model::words(&article.blocks)
        .into_iter()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text content of an XML document, unescaped, with the alt text of its images.
pub fn xml_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Text(t)) => {
                text.push_str(&t.xml10_content());
            }
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                if let Some(c) = r.resolve_char_ref().expect("valid character reference") {
                    text.push(c);
                    continue;
                }
                let name: &str = r.as_ref();
                text.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            // Alt text is text a reader gets.
            Ok(quick_xml::events::Event::Empty(e)) if e.local_name().as_ref() == "img" => {
                if let Ok(Some(alt)) = e.try_get_attribute("alt") {
                    let alt = alt.normalized_value(quick_xml::XmlVersion::Implicit1_0);
                    text.push_str(&alt.expect("valid attribute"));
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    text
}

/// Asserts that every word of the article's body is in the text.
pub fn assert_has_every_word(article: &Article, text: &str) {
    if let Some(w) = missing_word(article, text) {
        panic!("word {w:?} is missing");
    }
}

/// The first word of the article's body that the text lacks.
pub fn missing_word(article: &Article, text: &str) -> Option<String> {
    // Most words stand alone in the text; the substring search is for the others (a word
    // split by markup, "H" of "H<sub>2</sub>O").
    let tokens: std::collections::HashSet<&str> = text.split_whitespace().collect();
    body_words(article)
        .into_iter()
        .find(|w| !tokens.contains(w.as_str()) && !text.contains(w.as_str()))
}

/// A date of the article for checks.
pub fn published(article: &Article) -> String {
    article
        .meta
        .published
        .map(|d| d.to_string())
        .unwrap_or_default()
}

use super::*;
use crate::model::{
    Author, Copyright, Date, Funding, IdScheme, Identifier, Image, Inline, License, Meta,
};

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn md(blocks: Vec<Block>) -> String {
    to_markdown(&Article {
        blocks,
        ..Article::default()
    })
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

fn read_back(markdown: &str) -> Article {
    crate::read::markdown::parse(markdown, &mut Diagnostics::default()).unwrap()
}

#[test]
fn escapes_inline_markup_characters() {
    assert_eq!(
        md(vec![Block::para(r"a*b* _c_ `d` [e](f) <g> \h ~i~ ^j^ k|l")]),
        "a\\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\\\h \\~i\\~ \\^j\\^ k\\|l\n"
    );
}

#[test]
fn keeps_intraword_underscores_and_plain_ampersands() {
    assert_eq!(
        md(vec![Block::para("snake_case & co")]),
        "snake_case & co\n"
    );
    assert_eq!(
        md(vec![Block::para("&amp; &#32; &#x41; &copy")]),
        "\\&amp; \\&#32; \\&#x41; &copy\n"
    );
}

#[test]
fn escapes_block_syntax_at_line_starts_only() {
    for (text, expected) in [
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("2021. A year", "2021\\. A year"),
        ("3) three", "3\\) three"),
        ("=== not a setext", "\\=== not a setext"),
        ("---", "\\---"),
        ("   leading spaces", "leading spaces"),
        ("a # b - c 1. d > e", "a # b - c 1. d > e"),
    ] {
        assert_eq!(
            md(vec![Block::para(text)]),
            format!("{expected}\n"),
            "{text}"
        );
    }
    assert_eq!(
        md(vec![para(vec![t("a"), Inline::LineBreak, t("# b")])]),
        "a\\\n\\# b\n"
    );
}

#[test]
fn a_break_before_what_link_text_writes_later_is_no_backslash() {
    // The note under the emphasis waits for the link's end: nothing follows the break in
    // the link text, where a backslash would stay a backslash.
    let note = Inline::Emphasis {
        content: vec![Inline::Note { blocks: vec![] }],
    };
    let link = Inline::link(
        "https://example.org/",
        None,
        vec![t("a"), Inline::LineBreak, note],
    );
    let out = md(vec![para(vec![link])]);
    assert!(!out.contains('\\'), "{out}");
    let words = crate::model::words_joined(&read_back(&out).blocks);
    assert!(!words.contains('\\'), "{words}");
}

#[test]
fn headings_escape_closing_hashes_and_attributes() {
    assert_eq!(
        md(vec![Block::heading(2, "C# {draft}")]),
        "## C\\# {draft\\}\n"
    );
    assert_eq!(md(vec![Block::heading(1, "1. Intro")]), "# 1. Intro\n");
    let with_id = Block::Heading {
        level: 3,
        id: Some("sec-1".into()),
        content: vec![t("Methods")],
    };
    assert_eq!(md(vec![with_id]), "### Methods {#sec-1}\n");
}

#[test]
fn code_spans_and_blocks_get_long_enough_fences() {
    let code = |s: &str| para(vec![Inline::Code { text: s.into() }]);
    assert_eq!(md(vec![code("a`b")]), "``a`b``\n");
    assert_eq!(md(vec![code("`x")]), "`` `x ``\n");
    assert_eq!(md(vec![code(" x ")]), "`  x  `\n");
    let block = Block::Code {
        language: Some("md".into()),
        attributes: Default::default(),
        text: "```\nfenced\n```".into(),
    };
    assert_eq!(md(vec![block]), "````md\n```\nfenced\n```\n````\n");
}

#[test]
fn links_images_and_autolinks() {
    let link = |url: &str, title: Option<&str>, text: &str| {
        Inline::link(url, title.map(str::to_string), vec![t(text)])
    };
    assert_eq!(
        md(vec![para(vec![
            link("https://e.org/a_(b)", Some("Say \"hi\""), "x"),
            t(" "),
            link("https://e.org", None, "https://e.org"),
            t(" "),
            link("mailto:me@e.org", None, "me@e.org"),
            t(" "),
            Inline::image(Image {
                src: "a b.png".into(),
                alt: "A [b]".into(),
                title: None
            }),
        ])]),
        "[x](<https://e.org/a_(b)> \"Say \\\"hi\\\"\") <https://e.org> <me@e.org> ![A \\[b\\]](<a b.png>)\n"
    );
}

#[test]
fn bang_before_a_link_is_not_an_image() {
    let link = Inline::link("u", None, vec![t("x")]);
    assert_eq!(md(vec![para(vec![t("Wow!"), link])]), "Wow\\![x](u)\n");
}

#[test]
fn nested_emphasis_alternates_delimiters() {
    let strong_in_em = para(vec![Inline::Emphasis {
        content: vec![Inline::Strong {
            content: vec![t("a")],
        }],
    }]);
    assert_eq!(md(vec![strong_in_em]), "*__a__*\n");
    let em_in_strong = para(vec![Inline::Strong {
        content: vec![
            t("a "),
            Inline::Emphasis {
                content: vec![t("b")],
            },
            t(" c"),
        ],
    }]);
    assert_eq!(md(vec![em_in_strong]), "**a *b* c**\n");
}

#[test]
fn lists_nest_with_their_marker_width() {
    let item = |blocks| ListItem { task: None, blocks };
    let nested = Block::List {
        start: None,
        tight: true,
        items: vec![item(vec![Block::para("inner")])],
    };
    let list = Block::List {
        start: Some(9),
        tight: true,
        items: vec![
            item(vec![Block::para("nine")]),
            item(vec![Block::para("ten"), nested]),
        ],
    };
    assert_eq!(md(vec![list]), "9. nine\n10. ten\n    - inner\n");
}

#[test]
fn adjacent_lists_and_tasks() {
    let list = |task| Block::List {
        start: None,
        tight: true,
        items: vec![ListItem {
            task,
            blocks: vec![Block::para("x")],
        }],
    };
    assert_eq!(
        md(vec![list(Some(true)), list(Some(false))]),
        "- [x] x\n\n+ [ ] x\n"
    );
}

#[test]
fn quotes_with_attribution() {
    let quote = Block::Quote {
        blocks: vec![Block::para("One."), Block::para("Two.")],
        attribution: vec![t("Someone")],
    };
    assert_eq!(md(vec![quote]), "> One.\n>\n> Two.\n>\n> — Someone\n");
}

#[test]
fn notes_are_numbered_and_defined_at_the_end() {
    let inner = Inline::Note {
        blocks: vec![Block::para("Inner.")],
    };
    let doc = md(vec![
        para(vec![
            t("a"),
            Inline::Note {
                blocks: vec![Block::para("First."), para(vec![t("Second"), inner])],
            },
        ]),
        para(vec![
            t("b"),
            Inline::Note {
                blocks: vec![Block::para("Third.")],
            },
        ]),
    ]);
    assert_eq!(
        doc,
        "a[^1]\n\nb[^2]\n\n[^1]: First.\n\n    Second[^3]\n\n[^2]: Third.\n\n[^3]: Inner.\n"
    );
}

#[test]
fn tables_pad_rows_and_escape_pipes() {
    let table = Block::Table(Box::new(Table {
        caption: vec![t("Sizes")],
        align: vec![Align::Left, Align::Right],
        header: vec![vec![t("a|b")], vec![t("c")]],
        rows: vec![vec![vec![Inline::Code { text: "x|y".into() }]]],
    }));
    assert_eq!(
        md(vec![table]),
        "| a\\|b | c |\n| :-- | --: |\n| `x\\|y` |  |\n\nTable: Sizes\n"
    );
}

#[test]
fn figures_use_the_caption_as_description() {
    let figure = Block::Figure {
        image: Box::new(Image {
            src: "fox.png".into(),
            alt: "A fox".into(),
            title: Some("Fox".into()),
        }),
        caption: vec![
            t("A "),
            Inline::Emphasis {
                content: vec![t("fox")],
            },
        ],
        credit: vec![t("Photo: me")],
    };
    assert_eq!(
        md(vec![figure]),
        "![A *fox*](fox.png \"Fox\")\n\nPhoto: me\n"
    );
}

#[test]
fn front_matter_keys_read_back() {
    let meta = Meta {
        title: Some("Title: with colon".into()),
        subtitle: Some("'quoted'".into()),
        authors: vec![
            Author::named("Ada"),
            Author {
                name: "Bob".into(),
                email: Some("bob@e.org".into()),
                affiliation: Some("Lab".into()),
                affiliations: vec!["Uni".into()],
                orcid: Some("0000-0002-1825-0097".into()),
                corresponding: true,
                ..Author::default()
            },
        ],
        published: Some("2019-09-18".parse::<Date>().unwrap()),
        modified: Some("2020".parse::<Date>().unwrap()),
        publisher: Some("yes".into()),
        url: Some("https://e.org/#x".into()),
        language: Some("en-GB".into()),
        description: Some("Line one\nline two".into()),
        keywords: vec!["a, b".into(), "123".into()],
        image: Some("lead.png".into()),
        rights: Some("null".into()),
        license: Some(License {
            url: Some("https://creativecommons.org/licenses/by/4.0/".into()),
            text: Some("CC BY 4.0".into()),
        }),
        copyright: Some(Copyright {
            statement: Some("© 2024 Bob".into()),
            year: Some(2024),
            holder: Some("Bob".into()),
        }),
        funding: vec![Funding {
            funder: Some("Fund".into()),
            award: Some("A-1".into()),
            statement: None,
        }],
        references: crate::model::references(&serde_json::json!([
            {"id": "doe", "type": "book", "title": "T: a title", "volume": "3",
             "issued": {"date-parts": [[2020]]}, "ISBN": "978-0"}
        ]))
        .unwrap(),
        identifiers: vec![
            Identifier {
                scheme: IdScheme::Isbn,
                value: "978-0".into(),
            },
            Identifier {
                scheme: IdScheme::Doi,
                value: "10.1/x".into(),
            },
        ],
        extra: [(
            "series".to_string(),
            serde_json::json!({"n": [1, true, null]}),
        )]
        .into_iter()
        .collect(),
    };
    let article = Article {
        meta,
        blocks: vec![Block::para("Body")],
        origin: None,
    };
    let text = to_markdown(&article);
    assert!(
        text.starts_with("---\ntitle: 'Title: with colon'\n"),
        "{text}"
    );
    assert!(
        text.contains("\ndate: 2019-09-18\n") || text.contains("\ndate: '2019-09-18'\n"),
        "{text}"
    );
    assert_eq!(read_back(&text), article, "{text}");
}

#[test]
fn empty_article_is_empty() {
    assert_eq!(md(vec![]), "");
}

fn warnings_of(blocks: Vec<Block>) -> Vec<String> {
    render_article(&Article {
        blocks,
        ..Article::default()
    })
    .1
}

#[test]
fn spans_that_delimiters_cannot_hold_become_html() {
    let sup = Inline::Superscript {
        content: vec![t("2")],
    };
    // `^` does not work inside words.
    assert_eq!(
        md(vec![para(vec![t("E=mc"), sup.clone()])]),
        "E=mc<sup>2</sup>\n"
    );
    assert_eq!(md(vec![para(vec![t("x "), sup])]), "x ^2^\n");
    // `*"a"*` cannot close before a letter.
    let quoted = Inline::Emphasis {
        content: vec![t("\"a\"")],
    };
    assert_eq!(md(vec![para(vec![quoted, t("b")])]), "<em>\"a\"</em>b\n");
    // A subscript at the edge of a strikethrough would make `~~~`.
    let sub_in_strike = Inline::Strikethrough {
        content: vec![Inline::Subscript {
            content: vec![t("x")],
        }],
    };
    assert_eq!(md(vec![para(vec![sub_in_strike])]), "~~<sub>x</sub>~~\n");
}

#[test]
fn blanks_at_span_edges_move_outside() {
    let em = Inline::Emphasis {
        content: vec![t(" word ")],
    };
    assert_eq!(md(vec![para(vec![t("a"), em, t("b")])]), "a *word* b\n");
    let blank = Inline::Strong {
        content: vec![t(" ")],
    };
    assert_eq!(md(vec![para(vec![t("a"), blank, t("b")])]), "a b\n");
}

#[test]
fn notes_leave_brackets_they_would_break() {
    let note = || Inline::Note {
        blocks: vec![Block::para("n")],
    };
    let link = Inline::link("u", None, vec![t("a"), note()]);
    assert_eq!(md(vec![para(vec![link])]), "[a](u)[^1]\n\n[^1]: n\n");
    let then_link = Inline::link("u", None, vec![t("b")]);
    assert_eq!(
        md(vec![para(vec![t("x"), note(), then_link])]),
        "x[^1]<!-- -->[b](u)\n\n[^1]: n\n"
    );
    assert_eq!(
        md(vec![para(vec![t("x"), note(), t("(y): z")])]),
        "x[^1]\\(y): z\n\n[^1]: n\n"
    );
}

#[test]
fn links_inside_links_keep_their_text_with_a_warning() {
    let inner = Inline::link("in", None, vec![t("inner")]);
    let outer = para(vec![Inline::link("out", None, vec![t("a "), inner])]);
    assert_eq!(md(vec![outer.clone()]), "[a inner](out)\n");
    assert_eq!(
        warnings_of(vec![outer]),
        ["a link inside a link was written as its text"]
    );
}

#[test]
fn tight_items_separate_blocks_that_would_merge() {
    let list = |blocks| Block::List {
        start: None,
        tight: true,
        items: vec![ListItem { task: None, blocks }],
    };
    let nested = Block::List {
        start: Some(3),
        tight: true,
        items: vec![ListItem {
            task: None,
            blocks: vec![Block::para("c")],
        }],
    };
    assert_eq!(
        md(vec![list(vec![Block::para("a"), Block::para("b")])]),
        "- a\n\n  b\n"
    );
    assert_eq!(
        md(vec![list(vec![Block::para("a"), nested])]),
        "- a\n\n  3. c\n"
    );
    let code = Block::Code {
        language: None,
        attributes: Default::default(),
        text: "x".into(),
    };
    assert_eq!(
        md(vec![list(vec![Block::para("a"), code])]),
        "- a\n  ```\n  x\n  ```\n"
    );
}

#[test]
fn code_info_strings_are_escaped_and_kept_apart_from_the_fence() {
    let code = |language: &str| Block::Code {
        language: Some(language.into()),
        attributes: Default::default(),
        text: "x".into(),
    };
    assert_eq!(md(vec![code("c\\d")]), "```c\\\\d\nx\n```\n");
    assert_eq!(md(vec![code("~`")]), "~~~ ~`\nx\n~~~\n");
    assert_eq!(warnings_of(vec![code("rust ignore")]).len(), 1);
}

#[test]
fn what_markdown_cannot_keep_is_warned_about() {
    let figure = Block::Figure {
        image: Box::new(Image {
            src: "a.png".into(),
            alt: "A photo".into(),
            title: None,
        }),
        caption: vec![t("The caption")],
        credit: vec![],
    };
    let heading = Block::Heading {
        level: 1,
        id: Some("has space".into()),
        content: vec![t("H")],
    };
    let task_code = Block::List {
        start: None,
        tight: true,
        items: vec![ListItem {
            task: Some(true),
            blocks: vec![Block::Code {
                language: None,
                attributes: Default::default(),
                text: "x".into(),
            }],
        }],
    };
    assert_eq!(warnings_of(vec![figure, heading, task_code]).len(), 3);
    assert!(warnings_of(vec![Block::para("fine")]).is_empty());
}

#[test]
fn list_numbers_stay_within_nine_digits() {
    let list = Block::List {
        start: Some(5_000_000_000),
        tight: true,
        items: vec![ListItem {
            task: None,
            blocks: vec![Block::para("x")],
        }],
    };
    assert_eq!(md(vec![list]), "999999999. x\n");
}

#[test]
fn nested_lists_of_empty_items_are_no_rule() {
    let list = |blocks: Vec<Block>| Block::List {
        start: None,
        tight: false,
        items: blocks
            .into_iter()
            .map(|b| ListItem {
                task: None,
                blocks: vec![b],
            })
            .collect(),
    };
    let empty = || ListItem {
        task: None,
        blocks: vec![],
    };
    let inner = Block::List {
        start: None,
        tight: false,
        items: vec![empty(), empty()],
    };
    let blocks = vec![list(vec![list(vec![inner])])];
    let markdown = md(blocks.clone());
    assert!(!markdown.lines().any(is_thematic_break), "{markdown}");
    // Tightness aside (an empty item says nothing of it), the lists come back, with no text.
    let once = read_back(&markdown).blocks;
    assert_eq!(crate::model::words_joined(&once), "", "{markdown}");
    let Block::List { items, .. } = &once[0] else {
        panic!("{once:?}");
    };
    assert!(matches!(items[0].blocks[0], Block::List { .. }), "{once:?}");
    assert_eq!(read_back(&md(once.clone())).blocks, once);
    assert!(is_thematic_break("- - -"));
    assert!(is_thematic_break("***"));
    assert!(!is_thematic_break("- -"));
    assert!(!is_thematic_break("- * -"));
}

#[test]
fn callouts_are_github_alerts() {
    let callout = Block::Callout {
        kind: crate::model::CalloutKind::Important,
        blocks: vec![Block::para("One."), Block::para("Two.")],
    };
    assert_eq!(md(vec![callout]), "> [!IMPORTANT]\n> One.\n>\n> Two.\n");
    let empty = Block::Callout {
        kind: crate::model::CalloutKind::Tip,
        blocks: vec![],
    };
    assert_eq!(md(vec![empty]), "> [!TIP]\n");
}

#[test]
fn code_attributes_follow_the_language() {
    let code = |language: Option<&str>, attributes: &[(&str, &str)]| Block::Code {
        language: language.map(str::to_string),
        attributes: attributes
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        text: "x".into(),
    };
    assert_eq!(
        md(vec![code(
            Some("python"),
            &[("title", "hello.py"), ("ignore", "")]
        )]),
        "```python ignore title=\"hello.py\"\nx\n```\n"
    );
    assert_eq!(
        md(vec![code(None, &[("title", "say \"hi\"")])]),
        "```{title='say \"hi\"'}\nx\n```\n"
    );
    assert_eq!(warnings_of(vec![code(None, &[("a b", "x")])]).len(), 1);
}

#[test]
fn subscripts_are_html_since_gfm_reads_a_tilde_as_strikethrough() {
    let sub = Block::Paragraph {
        content: vec![
            Inline::text("H"),
            Inline::Subscript {
                content: vec![Inline::text("2")],
            },
            Inline::text("O"),
        ],
    };
    assert_eq!(md(vec![sub]), "H<sub>2</sub>O\n");
}

#[test]
fn text_that_gfm_would_autolink_is_escaped() {
    assert_eq!(
        md(vec![Block::para("see https://a.org, www.b.org or c@d.org")]),
        "see https\\://a.org, www\\.b.org or c\\@d.org\n"
    );
}

proptest::proptest! {
    /// Whatever a code block's language and attributes, the Markdown written of the block
    /// read back is a fixed point: written and read again, it stays the same.
    #[test]
    fn code_info_strings_reach_a_fixed_point(
        language in proptest::option::of("[a-z.#{}=\"' ]{0,6}"),
        attributes in proptest::collection::btree_map("[a-z.#{}=\"']{0,4}", "[a-z.#{}=\"' ]{0,4}", 0..4),
    ) {
        let read = |md: &str| {
            crate::read::markdown::parse(md, &mut Diagnostics::default())
                .unwrap()
                .blocks
        };
        let code = Block::Code { language, attributes, text: "x".into() };
        let once = read(&md(vec![code]));
        let twice = read(&md(once.clone()));
        proptest::prop_assert_eq!(once, twice);
    }
}

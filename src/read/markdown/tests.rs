use super::*;
use crate::model::{Align, Block, Image, Inline, ListItem, Table};

fn read(md: &str) -> Vec<Block> {
    let mut diag = Diagnostics::default();
    let article = parse(md, &mut diag).unwrap();
    article.blocks
}

/// The body read with the notes expanded at the end (`defer`) or gathered first.
fn build_body(body: &str, defer: bool, min_piece: usize) -> Option<Built> {
    let (pieces, references) = plan(body, min_piece);
    let texts = || pieces.iter().map(|p| Cow::Borrowed(&body[p.clone()]));
    let gathered = (!defer).then(|| split_notes(texts(), &references));
    build_document(texts(), &references, gathered)
}

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn para(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

#[test]
fn headings_with_levels_and_ids() {
    assert_eq!(
        read("# One {#first .c}\n\n###### Six\n\nSetext\n---\n"),
        [
            Block::Heading {
                level: 1,
                id: Some("first".into()),
                content: vec![t("One")]
            },
            Block::heading(6, "Six"),
            Block::heading(2, "Setext"),
        ]
    );
}

#[test]
fn inline_markup() {
    let blocks = read("*a* **b** ~~c~~ ^d^ <sub>e</sub> `f` [g *h*](u \"T\") ![i](j.png)\\\nk\nl");
    assert_eq!(
        blocks,
        [para(vec![
            Inline::Emphasis {
                content: vec![t("a")]
            },
            t(" "),
            Inline::Strong {
                content: vec![t("b")]
            },
            t(" "),
            Inline::Strikethrough {
                content: vec![t("c")]
            },
            t(" "),
            Inline::Superscript {
                content: vec![t("d")]
            },
            t(" "),
            Inline::Subscript {
                content: vec![t("e")]
            },
            t(" "),
            Inline::Code { text: "f".into() },
            t(" "),
            Inline::link(
                "u",
                Some("T".into()),
                vec![
                    t("g "),
                    Inline::Emphasis {
                        content: vec![t("h")]
                    }
                ]
            ),
            t(" "),
            Inline::image(Image {
                src: "j.png".into(),
                alt: "i".into(),
                title: None
            }),
            Inline::LineBreak,
            t("k l"),
        ])]
    );
}

#[test]
fn escapes_and_entities_are_text() {
    assert_eq!(
        read("\\*not\\* \\_em\\_ &lt;tag&gt; &amp; \\[x\\] 1 < 2"),
        [Block::para("*not* _em_ <tag> & [x] 1 < 2")]
    );
}

#[test]
fn autolinks_keep_their_scheme() {
    assert_eq!(
        read("<https://e.org> <me@e.org>"),
        [para(vec![
            Inline::link("https://e.org", None, vec![t("https://e.org")]),
            t(" "),
            Inline::link("mailto:me@e.org", None, vec![t("me@e.org")]),
        ])]
    );
}

#[test]
fn lists_tight_loose_ordered_and_tasks() {
    let item = |s: &str| ListItem {
        task: None,
        blocks: vec![Block::para(s)],
    };
    assert_eq!(
        read("- a\n- b\n"),
        [Block::List {
            start: None,
            tight: true,
            items: vec![item("a"), item("b")]
        }]
    );
    assert_eq!(
        read("3. a\n\n4. b\n"),
        [Block::List {
            start: Some(3),
            tight: false,
            items: vec![item("a"), item("b")]
        }]
    );
    assert_eq!(
        read("- [ ] todo\n- [x] done\n  - nested\n"),
        [Block::List {
            start: None,
            tight: true,
            items: vec![
                ListItem {
                    task: Some(false),
                    blocks: vec![Block::para("todo")]
                },
                ListItem {
                    task: Some(true),
                    blocks: vec![
                        Block::para("done"),
                        Block::List {
                            start: None,
                            tight: true,
                            items: vec![item("nested")]
                        }
                    ]
                },
            ]
        }]
    );
}

#[test]
fn code_blocks_keep_language_and_text() {
    assert_eq!(
        read("```rust ignore\nfn main() {}\n\n```\n\n    indented\n\n~~~ {.py}\nx\n~~~\n"),
        [
            Block::Code {
                language: Some("rust".into()),
                attributes: [("ignore".to_string(), String::new())].into(),
                text: "fn main() {}\n".into()
            },
            Block::Code {
                language: None,
                attributes: Default::default(),
                text: "indented".into()
            },
            Block::Code {
                language: Some("py".into()),
                attributes: Default::default(),
                text: "x".into()
            },
        ]
    );
}

#[test]
fn lone_image_is_a_figure_with_its_description_as_caption() {
    assert_eq!(
        read("![A *red* fox](fox.png \"Fox\")\n\nText ![inline](i.png)\n"),
        [
            Block::Figure {
                image: Box::new(Image {
                    src: "fox.png".into(),
                    alt: "A red fox".into(),
                    title: Some("Fox".into())
                }),
                caption: vec![
                    t("A "),
                    Inline::Emphasis {
                        content: vec![t("red")]
                    },
                    t(" fox")
                ],
                credit: vec![],
            },
            para(vec![
                t("Text "),
                Inline::image(Image {
                    src: "i.png".into(),
                    alt: "inline".into(),
                    title: None
                })
            ]),
        ]
    );
}

#[test]
fn tables_with_alignment_and_caption() {
    let md = "| a | b | c |\n|:--|:-:|---|\n| 1 | 2 | 3 |\n\nTable: The *caption*\n";
    assert_eq!(
        read(md),
        [Block::Table(Box::new(Table {
            caption: vec![
                t("The "),
                Inline::Emphasis {
                    content: vec![t("caption")]
                }
            ],
            align: vec![Align::Left, Align::Center],
            header: vec![vec![t("a")], vec![t("b")], vec![t("c")]],
            rows: vec![vec![vec![t("1")], vec![t("2")], vec![t("3")]]],
        }))]
    );
    let Block::Table(headless) = &read("|  |  |\n|--|--|\n| x | y |\n")[0] else {
        panic!("not a table");
    };
    assert!(headless.header.is_empty());
}

#[test]
fn quotes_nest_and_take_an_attribution() {
    assert_eq!(
        read("> Be brief.\n>\n> > inner\n>\n> — *Polonius*, sort of\n"),
        [Block::Quote {
            blocks: vec![
                Block::para("Be brief."),
                Block::Quote {
                    blocks: vec![Block::para("inner")],
                    attribution: vec![]
                }
            ],
            attribution: vec![
                Inline::Emphasis {
                    content: vec![t("Polonius")]
                },
                t(", sort of")
            ],
        }]
    );
}

#[test]
fn footnotes_resolve_by_label_even_after_use() {
    let md = "Text[^a] and[^Long Note] and [^missing].\n\n[^a]: First.\n\n[^long note]: Second\n\n    with more.\n";
    assert_eq!(
        read(md),
        [para(vec![
            t("Text"),
            Inline::Note {
                blocks: vec![Block::para("First.")]
            },
            t(" and"),
            Inline::Note {
                blocks: vec![Block::para("Second"), Block::para("with more.")]
            },
            t(" and [^missing]."),
        ])]
    );
}

#[test]
fn self_referencing_notes_do_not_loop() {
    let blocks = read("x[^a]\n\n[^a]: see[^b]\n\n[^b]: back[^a]\n");
    let expected_inner = Inline::Note {
        blocks: vec![para(vec![t("back[^a]")])],
    };
    assert_eq!(
        blocks,
        [para(vec![
            t("x"),
            Inline::Note {
                blocks: vec![para(vec![t("see"), expected_inner])]
            }
        ])]
    );
}

#[test]
fn raw_html_keeps_its_text() {
    assert_eq!(
        read("<div class=\"note\">\nKept <b>text</b>\n</div>\n\nSome <span>inline</span> html<br>broken <!-- hidden -->\n"),
        [
            para(vec![
                t("Kept "),
                Inline::Strong {
                    content: vec![t("text")]
                }
            ]),
            para(vec![t("Some inline html"), Inline::LineBreak, t("broken")]),
        ]
    );
}

#[test]
fn raw_html_blocks_are_read_as_html() {
    let figure = |src: &str, alt: &str| Block::Figure {
        image: Box::new(Image {
            src: src.into(),
            alt: alt.into(),
            title: None,
        }),
        caption: vec![],
        credit: vec![],
    };
    assert_eq!(
        read("<div align=\"center\">\n  <img src=\"logo.png\" alt=\"The logo\">\n</div>\n"),
        [figure("logo.png", "The logo")]
    );
    assert_eq!(
        read("<p align=center><img src=\"a.png\" alt=\"A\" onerror=\"x()\"></p>\n"),
        [figure("a.png", "A")]
    );
    let table =
        read("<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n");
    assert_eq!(
        table,
        [Block::Table(Box::new(Table {
            header: vec![vec![t("a")], vec![t("b")]],
            rows: vec![vec![vec![t("1")], vec![t("2")]]],
            ..Table::default()
        }))]
    );
    assert_eq!(
        read("<pre>let x = 1;\n  y</pre>\n"),
        [Block::Code {
            language: None,
            attributes: Default::default(),
            text: "let x = 1;\n  y".into()
        }]
    );
    assert_eq!(
        read("<details>\n<summary>More</summary>\n\nHidden *text*\n\n</details>\n"),
        [
            Block::para("More"),
            para(vec![
                t("Hidden "),
                Inline::Emphasis {
                    content: vec![t("text")]
                }
            ])
        ]
    );
    assert_eq!(
        read("<script>\nalert(1)\n</script>\n\nafter\n"),
        [Block::para("after")]
    );
}

#[test]
fn raw_inline_links_and_images_are_read_safely() {
    assert_eq!(
        read("See <a href=\"https://e.org/a\">the **site** www.x.org</a> <img src=\"i.png\" alt=\"I\">."),
        [para(vec![
            t("See "),
            Inline::link("https://e.org/a", None, vec![
                    t("the "),
                    Inline::Strong {
                        content: vec![t("site")]
                    },
                    t(" www.x.org")
                ]),
            t(" "),
            Inline::image(Image {
                src: "i.png".into(),
                alt: "I".into(),
                title: None
            }),
            t(".")
        ])]
    );
    assert_eq!(
        read(
            "a <a href=\"javascript:alert(1)\" onclick=\"x()\">bad</a> <script>alert(1)</script>b"
        ),
        [Block::para("a bad b")]
    );
}

#[test]
fn thematic_breaks() {
    assert_eq!(
        read("a\n\n***\n\nb\n"),
        [Block::para("a"), Block::Rule, Block::para("b")]
    );
}

#[test]
fn deep_nesting_is_flattened_not_a_crash() {
    for md in [
        ">".repeat(100_000) + " deep",
        "- ".repeat(50_000) + "deep",
        "1. - > ".repeat(20_000) + "deep",
        "*".repeat(20_000) + "deep" + &"*".repeat(20_000),
        "[".repeat(20_000) + "deep" + &"](u)".repeat(20_000),
    ] {
        let mut diag = Diagnostics::default();
        let article = parse(&md, &mut diag).unwrap();
        assert!(
            crate::model::words(&article.blocks).contains(&"deep".to_string()),
            "{}",
            &md[..10]
        );
        let json = serde_json::to_string(&article).unwrap();
        assert!(
            serde_json::from_str::<Article>(&json).is_ok(),
            "{}",
            &md[..10]
        );
    }
}

#[test]
fn note_bombs_are_bounded() {
    let mut md = String::from("x[^n0]\n\n");
    for i in 0..40 {
        md.push_str(&format!("[^n{i}]: [^n{}] [^n{}]\n\n", i + 1, i + 1));
    }
    let mut diag = Diagnostics::default();
    let article = parse(&md, &mut diag).unwrap();
    assert!(serde_json::to_string(&article).unwrap().len() < 200_000_000);
}

#[test]
fn front_matter_becomes_metadata() {
    let mut diag = Diagnostics::default();
    let a = parse("---\ntitle: T\nauthor: [A, B]\n---\n\nBody\n", &mut diag).unwrap();
    assert_eq!(a.meta.title.as_deref(), Some("T"));
    assert_eq!(a.meta.byline().as_deref(), Some("A and B"));
    assert_eq!(a.blocks, [Block::para("Body")]);
}

#[test]
fn spaces_at_line_edges_go() {
    assert_eq!(
        read("a <!-- c -->  \\\n  b <span></span>"),
        [para(vec![t("a"), Inline::LineBreak, t("b")])]
    );
}

#[test]
fn pipes_in_table_code_follow_gfm() {
    let Block::Table(table) = &read("| `a\\|b` |\n|--|\n")[0] else {
        panic!("not a table");
    };
    assert_eq!(table.header, [vec![Inline::Code { text: "a|b".into() }]]);
}

#[test]
fn inline_html_spans_are_spans() {
    assert_eq!(
        read("E=mc<sup>2</sup>, H<sub>2</sub>O, <em>a *b*</em> <b>c</b> <s>d</s> <sup>open"),
        [para(vec![
            t("E=mc"),
            Inline::Superscript {
                content: vec![t("2")]
            },
            t(", H"),
            Inline::Subscript {
                content: vec![t("2")]
            },
            t("O, "),
            Inline::Emphasis {
                content: vec![
                    t("a "),
                    Inline::Emphasis {
                        content: vec![t("b")]
                    }
                ]
            },
            t(" "),
            Inline::Strong {
                content: vec![t("c")]
            },
            t(" "),
            Inline::Strikethrough {
                content: vec![t("d")]
            },
            t(" open"),
        ])]
    );
}

#[test]
fn mismatched_inline_html_keeps_the_text() {
    assert_eq!(
        read("*a <em>b* c</em> d</sup>"),
        [para(vec![
            Inline::Emphasis {
                content: vec![t("a b")]
            },
            t(" c d")
        ])]
    );
}

#[test]
fn blanks_at_html_span_edges_stand_outside() {
    assert_eq!(
        read("a<em> b </em>c"),
        [para(vec![
            t("a "),
            Inline::Emphasis {
                content: vec![t("b")]
            },
            t(" c")
        ])]
    );
}

#[test]
fn a_list_of_one_single_block_item_is_tight() {
    let Block::List { tight, .. } = &read("- a\n\n  <!-- gone -->\n")[0] else {
        panic!("not a list");
    };
    assert!(tight);
}

#[test]
fn lone_images_in_tight_items_are_figures_too() {
    let Block::List { items, .. } = &read("- ![A](a.png)\n- ![B](b.png)\n")[0] else {
        panic!("not a list");
    };
    assert!(matches!(items[0].blocks.as_slice(), [Block::Figure { .. }]));
}

#[test]
fn dash_and_table_prefixes_need_a_blank_after_them() {
    let Block::Quote { attribution, .. } = &read("> a\n>\n> —Not an attribution\n")[0] else {
        panic!("not a quote");
    };
    assert!(attribution.is_empty());
}

#[test]
fn tex_math_becomes_math_and_malformed_tex_stays_text() {
    let mut diag = Diagnostics::default();
    let article = parse(
        "Euler: $e^{i\\pi}+1=0$, and\n\n$$\\int_0^1 x\\,dx$$\n\nbroken $x^$ and \\$5.\n",
        &mut diag,
    )
    .unwrap();
    assert_eq!(
        article.blocks,
        vec![
            para(vec![
                t("Euler: "),
                Inline::Math {
                    tex: "e^{i\\pi}+1=0".into(),
                    display: false
                },
                t(", and"),
            ]),
            para(vec![Inline::Math {
                tex: "\\int_0^1 x\\,dx".into(),
                display: true
            }]),
            para(vec![t("broken $x^$ and $5.")]),
        ]
    );
    assert_eq!(diag.warnings.len(), 1, "{:?}", diag.warnings);
    assert!(
        diag.warnings[0].starts_with("malformed TeX math kept as text: $x^$: "),
        "{:?}",
        diag.warnings
    );
}

#[test]
fn a_single_tilde_is_strikethrough_as_in_gfm() {
    assert_eq!(
        read("~a~ and ~~b~~"),
        [para(vec![
            Inline::Strikethrough {
                content: vec![t("a")]
            },
            t(" and "),
            Inline::Strikethrough {
                content: vec![t("b")]
            },
        ])]
    );
}

#[test]
fn fence_attributes_are_kept() {
    let code = |md: &str| match read(md).as_slice() {
        [Block::Code {
            language,
            attributes,
            ..
        }] => (language.clone(), attributes.clone()),
        other => panic!("{other:?}"),
    };
    let (language, attributes) = code("```python title=\"hello.py\" linenums='1 2' hl=3\nx\n```\n");
    assert_eq!(language.as_deref(), Some("python"));
    assert_eq!(attributes["title"], "hello.py");
    assert_eq!(attributes["linenums"], "1 2");
    assert_eq!(attributes["hl"], "3");
    assert_eq!(code("```föö\nx\n```\n").0.as_deref(), Some("föö"));
    let (language, attributes) = code("``` {.c #main title=\"m.c\"}\nx\n```\n");
    assert_eq!(language.as_deref(), Some("c"));
    assert_eq!(attributes["title"], "m.c");
    assert_eq!(attributes["#main"], "");
    let (language, attributes) = code("```{title=\"only\"}\nx\n```\n");
    assert_eq!(language, None);
    assert_eq!(attributes["title"], "only");
}

#[test]
fn github_alerts_are_callouts() {
    use crate::model::CalloutKind;
    for kind in CalloutKind::ALL {
        let md = format!(
            "> [!{}]\n> Be *careful*.\n>\n> - a\n",
            kind.name().to_uppercase()
        );
        assert_eq!(
            read(&md),
            [Block::Callout {
                kind,
                blocks: vec![
                    para(vec![
                        t("Be "),
                        Inline::Emphasis {
                            content: vec![t("careful")]
                        },
                        t(".")
                    ]),
                    Block::List {
                        start: None,
                        tight: true,
                        items: vec![ListItem {
                            task: None,
                            blocks: vec![Block::para("a")]
                        }]
                    }
                ]
            }],
            "{md}"
        );
    }
    assert!(matches!(
        read("> [!NOPE]\n> x\n").as_slice(),
        [Block::Quote { .. }]
    ));
}

#[test]
fn bare_urls_and_addresses_become_links_outside_code_and_links() {
    let link = |url: &str, text: &str| Inline::link(url, None, vec![t(text)]);
    assert_eq!(
        read("See https://a.org/x, www.b.org. or c@d.org!"),
        [para(vec![
            t("See "),
            link("https://a.org/x", "https://a.org/x"),
            t(", "),
            link("http://www.b.org", "www.b.org"),
            t(". or "),
            link("mailto:c@d.org", "c@d.org"),
            t("!"),
        ])]
    );
    assert_eq!(
        read("`https://a.org` [www.b.org](u)"),
        [para(vec![
            Inline::Code {
                text: "https://a.org".into()
            },
            t(" "),
            link("u", "www.b.org"),
        ])]
    );
}

#[test]
fn empty_link_destinations_are_kept() {
    assert_eq!(
        read("[link]()"),
        [para(vec![Inline::link(
            String::new(),
            None,
            vec![t("link")]
        )])]
    );
}

#[test]
fn notes_expanded_at_the_end_match_notes_gathered_first() {
    let docs = [
        "A[^a] and B[^b].\n\n[^a]: First $\\frac{$ x.\n\n[^b]: Second[^a], $\\sqrt{$.\n",
        "Bad $\\frac{$ math[^m] then $\\left($ more[^m].\n\n[^m]: In note $\\sqrt{$.\n",
        "![pic[^a]](x.png) and ![two[^b]](y.png) text[^b].\n\n[^a]: A.\n\n[^b]: B.\n",
        "![alone[^a]](x.png)\n\n[^a]: A.\n",
        "| h[^a] |\n|---|\n| c[^b] |\n\nTable: cap[^a]\n\n[^a]: A.\n\n[^b]: B.\n",
        "> q[^a]\n>\n> — who[^b]\n\n[^a]: A.\n\n[^b]: B\n\n    more.\n",
        "- *x[^a]* [l[^b]](u)\n- y\n\n[^a]: A.\n[^b]: B.\n",
        "[^a]: Defined first.\n\nThen cited[^a].\n",
    ];
    for md in docs {
        let deferred = build_body(md, true, split::PIECE_BYTES).expect(md);
        let gathered = build_body(md, false, split::PIECE_BYTES).unwrap();
        assert_eq!(deferred.blocks, gathered.blocks, "{md}");
        assert_eq!(deferred.malformed_math, gathered.malformed_math, "{md}");
        assert_eq!(deferred.flattened, gathered.flattened, "{md}");
    }
    // A citation that stays text (here too deep) is read with the notes gathered first.
    let deep = format!("{} x[^a] y\n\n[^a]: A.\n", ">".repeat(40));
    assert!(build_body(&deep, true, split::PIECE_BYTES).is_none());
    let blocks = read(&deep);
    assert!(format!("{blocks:?}").contains("x[^a] y"), "{blocks:?}");
}

/// Notes that cite no note are built as they are read; their blocks must be what building
/// them at each citation gives.
#[test]
fn notes_built_as_read_match_notes_built_where_cited() {
    let nested = "> > > - a\n> > >   > b $\\frac{$\n";
    let docs = [
        // Cited twice (the first citation gets a copy, the last the note itself), with
        // malformed math reported at each.
        "A[^n] and again[^n].\n\n[^n]: In note $\\sqrt{$ x.\n".to_string(),
        // Nested blocks in a note cited from nested blocks, within the depth limit.
        format!(
            "{} deep[^a]\n\n[^a]:\n    {}\n",
            "> ".repeat(20),
            nested.replace('\n', "\n    ")
        ),
        // A note citing a built note (the built one is copied for both), one never cited,
        // a duplicate label (the first wins).
        "x[^a] y[^b]\n\n[^a]: A cites [^b].\n\n[^b]: B *b*.\n\n[^b]: Not this.\n\n[^c]: C.\n"
            .to_string(),
        "- item[^l]\n  - sub[^l]\n\n[^l]: - one\n      - two\n".to_string(),
    ];
    for md in &docs {
        let deferred = build_body(md, true, split::PIECE_BYTES).expect(md);
        let gathered = build_body(md, false, split::PIECE_BYTES).unwrap();
        assert_eq!(deferred.blocks, gathered.blocks, "{md}");
        assert_eq!(deferred.malformed_math, gathered.malformed_math, "{md}");
        assert_eq!(deferred.flattened, gathered.flattened, "{md}");
    }
    // Cited so deep that the note's own nesting would be flattened there: the built blocks
    // do not hold, and the document is read again with the notes' events.
    for md in [
        format!(
            "{} deep[^a]\n\n[^a]:\n    {}\n",
            "> ".repeat(28),
            nested.replace('\n', "\n    ")
        ),
        format!(
            "x[^b]\n\n[^b]: {} cites[^a]\n\n[^a]: > > > > > q\n",
            "> ".repeat(27)
        ),
    ] {
        assert!(build_body(&md, true, split::PIECE_BYTES).is_none(), "{md}");
        let mut diag = Diagnostics::default();
        let article = parse(&md, &mut diag).unwrap();
        let gathered = build_body(&md, false, split::PIECE_BYTES).unwrap();
        assert_eq!(article.blocks, gathered.blocks, "{md}");
        assert!(gathered.flattened, "{md}");
    }
}

// ---- Reading in pieces ----------------------------------------------------------------------

/// The article and warnings of Markdown read in pieces as small as can be cut, and whole.
type Outcome = std::result::Result<(Article, Vec<String>), String>;
fn pieces_and_whole(md: &str) -> (Outcome, Outcome) {
    let read = |min_piece| {
        let mut diag = Diagnostics::default();
        let article = parse_in_pieces(md, min_piece, &mut diag).map_err(|e| e.to_string())?;
        Ok((article, diag.warnings))
    };
    (read(0), read(usize::MAX))
}

/// The starts of the pieces of a body cut wherever it can be.
fn cuts(body: &str) -> Vec<usize> {
    split::pieces(body, 0).iter().map(|r| r.start).collect()
}

#[test]
fn cuts_fall_before_unindented_text_after_a_blank_line() {
    let body = "# A\n\npara\n- item\n\n  more\n\nb *c*\n> quote\n\n1. one\n\nÉté\n";
    assert_eq!(
        cuts(body),
        [0, 5, 26, 49],
        "{:?}",
        split::pieces(body, 0)
            .iter()
            .map(|r| &body[r.clone()])
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_cut_inside_fenced_code_or_html_blocks() {
    let fenced = "```\na\n\nb\n````\n\nc\n~~~~ x\n\nd\n~~~\n\ne\n~~~~\n\nf\n";
    assert_eq!(cuts(fenced), [0, 15, 40]);
    // The backticks after a fence make it inline code; a closing fence takes no text.
    let not_fences = "```a`\n\nb\n```\n\nc\n``` x\n\nd\n```\n\ne\n";
    assert_eq!(cuts(not_fences), [0, 7, 30]);
    let html = "<!-- a\n\nb -->\n\nc\n<pre>\n\nd\n</pre>\n\ne\n<div>\n\nf\n";
    assert_eq!(cuts(html), [0, 15, 34, 43]);
}

#[test]
fn cutting_stops_where_a_block_cannot_be_placed() {
    // A fence indented by a space, perhaps in a list item; a comment under a tag that may
    // open an HTML block; a bare carriage return.
    for body in [
        "- a\n  ```\n\nb\n\n```\nc\n\nd\n```\n",
        "<span>\n<!--\n\nb\n-->\n",
        "a\rb\n\nc\n",
    ] {
        assert_eq!(cuts(body), [0], "{body:?}");
    }
    // Cuts made before the first such place stay; a fence after a list marker closes with
    // its item.
    assert_eq!(cuts("a\n\nb\n\n  ```\n\nc\n"), [0, 3]);
    assert_eq!(cuts("a\n\nb\n\n - ```\n\nc\n"), [0, 3, 14]);
}

/// Link reference definitions apply in every piece, before and after them; where pieces
/// could not read as the whole (a label defined in two pieces, expansions that could reach
/// pulldown-cmark's limit), the body is read whole.
#[test]
fn link_references_resolve_across_pieces() {
    let md = "Use [x] and [the site][Y] and ![img][z].\n\nb\n\n[x]: /u \"T\"\n\nc [X]\n\n\
              > [y]: <https://example.org/a b>\n\nd [y][] [none]\n\n[Z]: /i.png\n\ne ![z]\n";
    assert!(cuts(md).len() > 4, "{:?}", cuts(md));
    let (pieces, whole) = pieces_and_whole(md);
    assert_eq!(pieces, whole);
    let html =
        String::from_utf8(crate::convert(md.as_bytes(), "markdown", "html").unwrap()).unwrap();
    assert!(html.contains("href=\"/u\" title=\"T\""), "{html}");
    assert!(
        html.contains("href=\"https://example.org/a%20b\""),
        "{html}"
    );
    assert!(html.contains("[none]"), "{html}");
    let body_pieces = |md: &str| split::pieces(md, 0);
    // Defined in two pieces: the first wins, which only the whole can tell.
    let twice = "[x]\n\nb\n\n[x]: /one\n\nc\n\n[x]: /two\n";
    assert!(split::references(twice, &body_pieces(twice), options()).is_none());
    let (pieces, whole) = pieces_and_whole(twice);
    assert_eq!(pieces, whole);
    // Many references to a long URL: each parser limits what references expand to.
    let long = format!(
        "{}\n\nb\n\n[x]: /{}\n",
        "[x] ".repeat(2000),
        "u".repeat(100)
    );
    assert!(split::references(&long, &body_pieces(&long), options()).is_none());
    let few = format!("{}\n\nb\n\n[x]: /{}\n", "[x] ".repeat(20), "u".repeat(100));
    assert!(split::references(&few, &body_pieces(&few), options()).is_some());
    for md in [long, few] {
        let (pieces, whole) = pieces_and_whole(&md);
        assert_eq!(pieces, whole);
    }
}

#[test]
fn a_note_and_its_citations_stay_in_one_piece() {
    let body = "a[^1]\n\nb\n\nc[^2]\n\n[^1]: one\n\nd\n\n[^2]: two\n\ne\n";
    assert_eq!(cuts(body), [0, 42]);
    // A label written in two cases is one note.
    assert_eq!(cuts("a[^X]\n\nb\n\n[^x]: one\n\nc\n"), [0, 21]);
    assert_eq!(cuts("a[^x y]\n\nb\n"), [0]);
}

#[test]
fn pieces_read_as_the_whole_does() {
    let docs = [
        "Title\n=====\n\nSome *text* with [^n] a note and www.example.org.\n\n[^n]: The note, \
         with `code`.\n\n    indented\n\nmore text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: A \
         caption\n\n- tight\n- list\n\nafter the list\n\n> quote\n> — Someone\n\nnext\n",
        "- a\n\n  b\n\nc\n\n* d\n* e\n\n\nf\n\n1. g\n\nh\n",
        "<div>\n\nhtml *text*\n\n</div>\n\nText <sup>up\n\nafter</sup>\n\n<script>\nx\n\ny\n</script>\n\nz\n",
        "a\n\n```rust\nfn main() {}\n\n// after a blank\n```\n\nb\n\n~~~\n```\n~~~\n\nc\n",
        "x[^a] y[^b]\n\n[^a]: A note citing [^b].\n\n[^b]: B.\n\n[^c]: Never cited.\n\nz[^zz]\n",
        "Text <script>\n\nhidden?\n\nTable: no table before\n\n$x^2$ and $$\\frac{1}{2}$$\n\nend\n",
        // A raw `<a>` left open: no autolink after it, in any piece.
        "An <a href=\"/x\">open link\n\nwww.example.org\n\nClosed</a> www.example.com\n",
    ];
    for md in docs {
        let (pieces, whole) = pieces_and_whole(md);
        assert!(cuts(md).len() > 1, "{md:?} is cut");
        assert_eq!(pieces, whole, "{md:?}");
    }
}

/// Every example of the CommonMark and GFM specs, and each with the next one after it, reads
/// the same in pieces as whole: the spec's corners of block structure are where a cut could
/// go wrong.
#[test]
fn spec_examples_read_the_same_in_pieces() {
    let mut examples = Vec::new();
    for file in ["commonmark-0.31.2.txt", "gfm-0.29.txt"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/spec")
            .join(file);
        let text = std::fs::read_to_string(path).unwrap();
        let fence = "````````````````````````````````";
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if !line
                .strip_prefix(fence)
                .is_some_and(|k| k.starts_with(" example"))
            {
                continue;
            }
            let mut md = String::new();
            for line in lines.by_ref().take_while(|l| *l != ".") {
                md.push_str(line);
                md.push('\n');
            }
            lines.by_ref().take_while(|l| *l != fence).for_each(drop);
            examples.push(md.replace('→', "\t"));
        }
    }
    assert!(examples.len() > 1300);
    let mut cut = 0;
    let pairs = examples.windows(2).map(|w| format!("{}\n{}", w[0], w[1]));
    for md in examples.iter().cloned().chain(pairs) {
        cut += usize::from(cuts(&md).len() > 1);
        let (pieces, whole) = pieces_and_whole(&md);
        assert_eq!(pieces, whole, "{md:?}");
    }
    assert!(cut > 250, "only {cut} examples were cut");
}

proptest::proptest! {
    /// Documents of lines that open, continue and close blocks of every kind read the same
    /// in pieces as whole.
    #[test]
    fn random_documents_read_the_same_in_pieces(
        lines in proptest::collection::vec(0usize..LINES.len(), 1..40)
    ) {
        let md: String = lines.iter().map(|&i| LINES[i]).collect::<Vec<_>>().join("\n");
        let (pieces, whole) = pieces_and_whole(&md);
        proptest::prop_assert_eq!(pieces, whole, "{:?}", md);
    }
}

proptest::proptest! {
    /// Documents of note definitions and citations, nested in quotes and lists, read the
    /// same with notes built as they are read as with notes built where they are cited.
    #[test]
    fn random_notes_read_the_same_deferred_and_gathered(
        lines in proptest::collection::vec(0usize..NOTE_LINES.len(), 1..30)
    ) {
        let md: String = lines.iter().map(|&i| NOTE_LINES[i]).collect::<Vec<_>>().join("\n");
        let gathered = build_body(&md, false, split::PIECE_BYTES).unwrap();
        if let Some(deferred) = build_body(&md, true, split::PIECE_BYTES) {
            proptest::prop_assert_eq!(&deferred.blocks, &gathered.blocks, "{:?}", md);
            proptest::prop_assert_eq!(&deferred.malformed_math, &gathered.malformed_math, "{:?}", md);
            proptest::prop_assert_eq!(deferred.flattened, gathered.flattened, "{:?}", md);
        }
    }
}

const NOTE_LINES: &[&str] = &[
    "",
    "",
    "text[^a] and[^b]",
    "[^a]: A $\\frac{$",
    "[^b]: B cites [^a]",
    "[^c]: > > > > > > > > deep",
    "[^d]: - x\n      - y",
    "    > indented continuation",
    "> > > > > > > > > > > > > > > > > > > > > > > > > quoted[^c]",
    "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > q[^d]",
    "- item[^d]",
    "  - sub[^c]",
    "c[^c] d[^d] e[^e]",
    "[^e]: E[^e] self",
    "[^a]: A again",
];

const LINES: &[&str] = &[
    "",
    "",
    "",
    "text",
    "Text *a",
    "b* more",
    "# Head",
    "- item",
    "  cont",
    "1. one",
    "> quote",
    "```",
    "```rust",
    "  ```",
    "~~~",
    "````",
    "    code",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<pre>",
    "</pre>",
    "<span>",
    "<!-- c -->",
    "| a | b |",
    "|---|---|",
    "[^1]",
    "[^1]: note",
    "[^2]: two [^1]",
    "a[^2]",
    "Table: cap",
    "---",
    "===",
    "\tx",
    "É",
    "<script>",
    "</script>",
    "<?",
    "?>",
    "x $a",
    "b$ y",
    "<sup>s",
    "t</sup>",
    "www.example.org",
    "[x]: /u",
    "[x]",
    "a <a href=\"/u\">b",
    "c</a> d",
    "> [!NOTE]",
    "  - nested",
    "* star",
    "2) two",
    "***",
    "  <div>",
    "   <!--",
    "<style>",
    "</style>",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE x>",
    "~~~~ info",
    "``` a`b",
    "x[^A]",
    "[^a]: A",
    "<https://example.org>",
    "Name | Count",
    "--|--",
];
/// The repository's Markdown (fixtures, examples, the README and changelog) reads the same
/// in pieces as whole.
#[test]
fn repository_markdown_reads_the_same_in_pieces() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("CHANGELOG.md")];
    for dir in ["tests/fixtures", "examples", "examples/documents"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 8);
    let mut cut = 0;
    for path in files {
        let md = std::fs::read_to_string(&path).unwrap();
        cut += usize::from(cuts(&md).len() > 1);
        let (pieces, whole) = pieces_and_whole(&md);
        assert_eq!(pieces, whole, "{}", path.display());
    }
    assert!(cut >= 6, "only {cut} files were cut");
}

/// A file read by a reader that drops its pieces as it goes reads as its bytes do, also
/// when the notes must be gathered first and the file is read again (its warnings told once).
#[test]
fn files_read_as_their_bytes() {
    let deep = format!(
        "---\ndate: someday\n---\n\n{} x[^a] y\n\n[^a]: A.\n",
        ">".repeat(40)
    );
    let docs: [&[u8]; 5] = [
        b"# T\n\nA[^n] [l][r] *e*.\n\n[^n]: Note.\n\n[r]: http://x\n",
        deep.as_bytes(),
        b"\xef\xbb\xbfBOM *first*\n",
        b"nul \0 *byte*\n",
        b"bad \xff *byte*\n",
    ];
    let dir = tempfile::tempdir().unwrap();
    for (i, md) in docs.into_iter().enumerate() {
        let path = dir.path().join(format!("{i}.md"));
        std::fs::write(&path, md).unwrap();
        let options = ReadOptions::default();
        let mut diag = Diagnostics::default();
        let from_bytes = MarkdownReader.read(Input::file(md, &path), &options, &mut diag);
        let mut file_diag = Diagnostics::default();
        let from_file = MarkdownReader.read_file(md.to_vec(), &path, &options, &mut file_diag);
        assert_eq!(from_file.unwrap(), from_bytes.unwrap(), "{i}");
        assert_eq!(file_diag.warnings, diag.warnings, "{i}");
    }
}

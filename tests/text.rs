//! The plain-text reader through the public API: whole documents in, the model out.

use folio::model::{Block, Inline};
use folio::{Input, Options, Registry};

fn read(text: &str, extract: bool) -> folio::Article {
    let registry = Registry::default();
    let mut options = Options::default();
    options.read.extract = extract;
    let mut diag = folio::Diagnostics::default();
    folio::read_one(
        &registry,
        Input::new(text.as_bytes()),
        "text",
        &options.read,
        &mut diag,
    )
    .unwrap()
}

fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content } => Some(folio::model::inline_text(content)),
            _ => None,
        })
        .collect()
}

/// A plain document hard-wrapped at 64 columns, as e-mail and book text are.
const WRAPPED: &str = "\
The Lighthouse Keeper

The lighthouse stood at the end of a long spit of sand, and for
thirty years the same keeper had climbed its stairs every evening
to light the lamp. He knew each step by the sound it made under
his boots, and he could tell the weather from the way the glass
rattled in its frame.

When the new electric light was installed, the keeper was told
that he was no longer needed. He packed his few belongings into a
wooden trunk and walked back along the spit towards the village,
where nobody had seen him for a very long time.

The village had changed. There was a shop where the smithy had
been, and the children did not know his name.
";

#[test]
fn hard_wrapped_document_keeps_its_paragraphs() {
    for extract in [true, false] {
        let article = read(WRAPPED, extract);
        assert_eq!(article.meta.title.as_deref(), Some("The Lighthouse Keeper"));
        let paras = paragraphs(&article.blocks);
        assert_eq!(paras.len(), 3, "extract={extract}: {paras:#?}");
        assert!(paras[0].starts_with(
            "The lighthouse stood at the end of a long spit of sand, and for thirty years"
        ));
        assert!(paras[0].ends_with("rattled in its frame."));
        assert!(paras[1]
            .starts_with("When the new electric light was installed, the keeper was told that he"));
        assert_eq!(
            paras[2],
            "The village had changed. There was a shop where the smithy had been, and the children did not know his name."
        );
        assert_eq!(article.meta.language.as_deref(), Some("en"));
    }
}

const MARKDOWNISH: &str = "\
Notes on the Harbour Survey
===========================

The survey was done by *two* teams, and the **final** report is at
[the archive](https://example.org/report \"Report\"). Use `grep -c` to count lines.

## Findings

* The north wall is sound.
* The south wall needs work:
  1. replace the stones
  2. repoint the joints

> The sea always wins in the end.
>
> — An old harbour master

```sh
ls -l survey/
```
";

#[test]
fn markdown_looking_text_is_read_sensibly() {
    let article = read(MARKDOWNISH, false);
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Notes on the Harbour Survey")
    );
    let b = &article.blocks;
    match &b[0] {
        Block::Paragraph { content } => {
            assert!(content.contains(&Inline::Emphasis {
                content: vec![Inline::text("two")]
            }));
            assert!(content.contains(&Inline::Strong {
                content: vec![Inline::text("final")]
            }));
            assert!(content.contains(&Inline::Code {
                text: "grep -c".into()
            }));
            assert!(content.iter().any(
                |i| matches!(i, Inline::Link(link) if link.url == "https://example.org/report")
            ));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(b[1], Block::heading(2, "Findings"));
    match &b[2] {
        Block::List {
            start: None, items, ..
        } => {
            assert_eq!(items.len(), 2);
            assert!(
                matches!(&items[1].blocks[1], Block::List { start: Some(1), items, .. } if items.len() == 2)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&b[3], Block::Quote { attribution, .. }
        if folio::model::inline_text(attribution) == "An old harbour master"));
    assert_eq!(
        b[4],
        Block::Code {
            language: Some("sh".into()),
            attributes: Default::default(),
            text: "ls -l survey/".into()
        }
    );
}

/// A news page copied from a browser: navigation, share buttons, a caption printed twice,
/// the story, then related links and contributor bios.
const SCRAPED: &str = "\
Home
World
Business
Sport
Culture

Harbour town votes to keep its old lighthouse

Coastal Daily Published: 2021-03-04 09:15:00
By Ann Lee and Bo Chan | Coastal Daily
Share this with Close
Facebook Twitter Email

The town council voted on Tuesday night to keep the old lighthouse at the end of the harbour wall, after a long campaign by people who live nearby and who said that it was part of the history of the place.

The lighthouse at dusk, seen from the harbour wall. [Photo: Jane Roe]

The lighthouse at dusk, seen from the harbour wall. [Photo: Jane Roe]

The council had planned to sell the building to a developer, who wanted to turn it into a hotel. The plan was dropped when more than two thousand people signed a letter against it, and the mayor said that the town would look for money to repair the roof.

Work on the roof is expected to start in the spring, and the building will be open to visitors in the summer for the first time in twenty years.

Related stories

Share this story on

Ann Lee Ann Lee is a reporter for the paper. She writes about the coast and its towns. Bo Chan Bo Chan is an editor at the paper. He is also a photographer. He has worked for the paper for ten years.

Copyright © 2021 Coastal Daily. All rights reserved.
";

#[test]
fn scraped_page_keeps_the_article_only() {
    let article = read(SCRAPED, true);
    let m = &article.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Harbour town votes to keep its old lighthouse")
    );
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2021-03-04T09:15:00")
    );
    assert_eq!(m.publisher.as_deref(), Some("Coastal Daily"));
    let names: Vec<&str> = m.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan"]);
    let text = folio::model::words(&article.blocks).join(" ");
    assert!(text.starts_with("The town council voted"), "{text}");
    assert!(text.ends_with("in twenty years."), "{text}");
    for gone in [
        "Share",
        "Facebook",
        "Related",
        "reporter for the paper",
        "Copyright",
        "Sport",
    ] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    // The caption is kept once, in emphasis.
    let captions = article
        .blocks
        .iter()
        .filter(|b| {
            matches!(b, Block::Paragraph { content }
                if matches!(content.as_slice(), [Inline::Emphasis { .. }]))
        })
        .count();
    assert_eq!(captions, 1);
}

#[test]
fn no_extract_keeps_every_block() {
    let article = read(SCRAPED, false);
    let text = folio::model::words(&article.blocks).join(" ");
    for kept in [
        "Share this with Close",
        "Related stories",
        "reporter for the paper",
        "Copyright",
    ] {
        assert!(text.contains(kept), "{kept} missing");
    }
}

#[test]
fn txt_files_choose_the_text_reader() {
    let registry = Registry::default();
    let path = std::path::Path::new("notes.txt");
    assert_eq!(
        registry.reader_for_path(path).map(|r| r.name()),
        Some("text")
    );
}

#[test]
fn any_bytes_read_without_panic() {
    let samples: Vec<Vec<u8>> = vec![
        vec![],
        b"\xff\xfe\x00".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        vec![0x80; 300],
        "> ".repeat(10_000).into_bytes(),
        "* ".repeat(10_000).into_bytes(),
        "[".repeat(10_000).into_bytes(),
        "    \n\t\n\r\n".repeat(1000).into_bytes(),
        "1.\n".repeat(1000).into_bytes(),
        "日本語のテキスト。".repeat(500).into_bytes(),
    ];
    for bytes in samples {
        for extract in [true, false] {
            let registry = Registry::default();
            let mut options = Options::default();
            options.read.extract = extract;
            let mut diag = folio::Diagnostics::default();
            folio::read_one(
                &registry,
                Input::new(&bytes),
                "text",
                &options.read,
                &mut diag,
            )
            .unwrap();
        }
    }
}

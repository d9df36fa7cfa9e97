//! Plain text: the title, a byline, then the body as readable text without markup.
//!
//! Meant for reading and for pipelines: one line per paragraph (no hard wrapping), blank lines
//! between blocks, list markers and quote markers kept, footnotes numbered at the end.
//! A picture gives its caption and credit, the text a page shows with it; its alt text, which
//! stands in for it where it cannot be seen, is written only when asked for
//! ([`WriteOptions::alt_text`]) or when it is a character the picture draws (an emoji).

use crate::error::Result;
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{inline_text, Align, Article, Block, Inline, Table};
use std::io::Write;

/// Writes readable plain text.
pub struct PlainWriter;

impl Writer for PlainWriter {
    fn name(&self) -> &str {
        "plain"
    }
    fn extensions(&self) -> &[&str] {
        &["txt", "text"]
    }
    fn description(&self) -> &str {
        "plain text: title, byline, then the body without markup"
    }
    fn write(
        &self,
        article: &Article,
        options: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        let article = crate::safety::cleaned(article, diag);
        let text = render(&article, options.alt_text);
        out.write_all(crate::write::without_nul(text).as_bytes())?;
        Ok(())
    }
}

/// The plain-text rendering of an article; `alt_text` writes a picture that has no caption
/// as `[Image: its alt text]`, and one within a line as its alt text.
pub fn render(article: &Article, alt_text: bool) -> String {
    let mut r = Render {
        alt_text,
        ..Render::default()
    };
    let meta = &article.meta;
    let mut header = Vec::new();
    header.extend(meta.title.clone());
    header.extend(meta.subtitle.clone());
    let by = [
        meta.byline().map(|b| format!("By {b}")),
        meta.published.map(|d| d.date_only().to_string()),
        meta.publisher.clone(),
    ];
    let by: Vec<String> = by.into_iter().flatten().collect();
    if !by.is_empty() {
        header.push(by.join(" · "));
    }
    if !header.is_empty() {
        r.out.push_str(&header.join("\n"));
        r.out.push('\n');
    }
    r.blocks(&article.blocks, "", "");
    let mut n = 0;
    while n < r.notes.len() {
        let note = r.notes[n].clone();
        n += 1;
        let marker = format!("[{n}] ");
        let indent = " ".repeat(marker.chars().count());
        r.blocks(&note, &marker, &indent);
    }
    let mut out = r.out;
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Whether a block writes anything: a picture with neither caption nor credit writes its alt
/// text only when asked to.
fn writes(block: &Block, alt_text: bool) -> bool {
    match block {
        Block::Figure {
            image,
            caption,
            credit,
        } => {
            !caption.is_empty() || !credit.is_empty() || (alt_text && !image.alt.trim().is_empty())
        }
        _ => true,
    }
}

/// Whether an alt text is a character that a picture draws (an emoji, a symbol) rather than a
/// description: the page shows that character, so plain text writes it.
fn is_drawn_character(alt: &str) -> bool {
    let alt = alt.trim();
    !alt.is_empty() && alt.chars().count() <= 8 && !alt.chars().any(char::is_alphanumeric)
}

#[derive(Default)]
struct Render {
    out: String,
    /// Notes met so far, in order; their number is their index + 1.
    notes: Vec<Vec<Block>>,
    /// Inside a tight list blocks follow each other without a blank line.
    tight: bool,
    /// Pictures without a caption are written as their alt text.
    alt_text: bool,
}

impl Render {
    /// Writes blocks; the first line of the first block starts with `first`, every other
    /// line with `rest`.
    fn blocks(&mut self, blocks: &[Block], first: &str, rest: &str) {
        let alt_text = self.alt_text;
        for (i, b) in blocks.iter().filter(|b| writes(b, alt_text)).enumerate() {
            let lead = if i == 0 { first } else { rest };
            self.block(b, lead, rest);
        }
    }

    fn start_block(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        if !self.tight && !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn lines(&mut self, text: &str, first: &str, rest: &str) {
        self.start_block();
        for (i, line) in text.split('\n').enumerate() {
            self.out.push_str(if i == 0 { first } else { rest });
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    fn block(&mut self, block: &Block, first: &str, rest: &str) {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                let text = self.inlines(content);
                self.lines(&text, first, rest)
            }
            Block::List {
                start,
                items,
                tight,
            } => {
                let outer = self.tight;
                // An item made of pictures that write nothing is no item of the text.
                let alt_text = self.alt_text;
                let shown = items.iter().filter(|item| {
                    item.blocks.is_empty() || item.blocks.iter().any(|b| writes(b, alt_text))
                });
                for (i, item) in shown.enumerate() {
                    let mut marker = match start {
                        Some(s) => format!("{}. ", s + i as u64),
                        None => "- ".to_string(),
                    };
                    if let Some(done) = item.task {
                        marker.push_str(if done { "[x] " } else { "[ ] " });
                    }
                    let lead = if i == 0 {
                        format!("{first}{marker}")
                    } else {
                        format!("{rest}{marker}")
                    };
                    let inner = format!("{rest}{}", " ".repeat(marker.chars().count()));
                    if item.blocks.is_empty() {
                        self.tight = outer || (*tight && i > 0);
                        self.lines("", &lead, &inner);
                    }
                    let blocks = item.blocks.iter().filter(|b| writes(b, alt_text));
                    for (j, b) in blocks.enumerate() {
                        // A tight list is set apart only from what precedes the list.
                        self.tight = outer || (*tight && (i, j) != (0, 0));
                        self.block(b, if j == 0 { &lead } else { &inner }, &inner);
                    }
                }
                self.tight = outer;
            }
            Block::Quote {
                blocks,
                attribution,
            } => {
                let inner = format!("{rest}> ");
                self.blocks(blocks, &format!("{first}> "), &inner);
                if !attribution.is_empty() {
                    let a = self.inlines(attribution);
                    self.lines(&format!("— {a}"), &inner, &inner);
                }
            }
            Block::Callout { kind, blocks } => {
                // Set off like a quote, under its label: `> Note:`.
                let inner = format!("{rest}> ");
                self.lines(&format!("{}:", kind.label()), &format!("{first}> "), &inner);
                let outer = self.tight;
                let alt_text = self.alt_text;
                for (i, b) in blocks.iter().filter(|b| writes(b, alt_text)).enumerate() {
                    // The first block follows its label on the next line.
                    self.tight = outer || i == 0;
                    self.block(b, &inner, &inner);
                }
                self.tight = outer;
            }
            Block::Code { text, .. } => {
                let inner = format!("{rest}    ");
                self.lines(
                    text.strip_suffix('\n').unwrap_or(text),
                    &format!("{first}    "),
                    &inner,
                )
            }
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                let mut parts = Vec::new();
                let cap = self.inlines(caption);
                let alt = image.alt.trim();
                if cap.is_empty() && !alt.is_empty() && self.alt_text {
                    parts.push(format!("[Image: {alt}]"));
                }
                if !cap.is_empty() {
                    parts.push(cap);
                }
                if !credit.is_empty() {
                    parts.push(format!("({})", self.inlines(credit)));
                }
                self.lines(&parts.join(" "), first, rest)
            }
            Block::Table(t) => {
                let text = self.table(t);
                self.lines(&text, first, rest)
            }
            Block::Rule => self.lines("* * *", first, rest),
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) -> String {
        let mut s = String::new();
        self.push_inlines(&mut s, inlines);
        s
    }

    fn push_inlines(&mut self, s: &mut String, inlines: &[Inline]) {
        for i in inlines {
            match i {
                Inline::Text { text } | Inline::Code { text } => s.push_str(text),
                Inline::LineBreak => s.push('\n'),
                Inline::Citation { cites } => {
                    s.push_str(&crate::write::markdown::citation_source(cites))
                }
                Inline::Math { tex, display } => {
                    s.push_str(&crate::write::tex_source(tex, *display))
                }
                Inline::Image(img) if self.alt_text || is_drawn_character(&img.alt) => {
                    s.push_str(&img.alt)
                }
                Inline::Image(_) => {}
                Inline::Note { blocks } => {
                    self.notes.push(blocks.clone());
                    s.push_str(&format!("[{}]", self.notes.len()));
                }
                other => self.push_inlines(s, other.children()),
            }
        }
    }

    /// Columns padded to their widest cell, separated by two spaces.
    fn table(&mut self, t: &Table) -> String {
        let mut rows: Vec<Vec<String>> = Vec::new();
        if !t.header.is_empty() {
            rows.push(t.header.iter().map(|c| self.cell(c)).collect());
        }
        for row in &t.rows {
            rows.push(row.iter().map(|c| self.cell(c)).collect());
        }
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let width = |c: usize| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..cols).map(width).collect();
        let mut lines = Vec::new();
        if !t.caption.is_empty() {
            lines.push(inline_text(&t.caption));
        }
        for (r, row) in rows.iter().enumerate() {
            let cells: Vec<String> = (0..cols)
                .map(|c| {
                    let text = row.get(c).map(String::as_str).unwrap_or("");
                    let pad = widths[c] - text.chars().count();
                    match t.align.get(c).copied().unwrap_or_default() {
                        Align::Right => format!("{}{text}", " ".repeat(pad)),
                        Align::Center => {
                            format!("{}{text}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
                        }
                        _ => format!("{text}{}", " ".repeat(pad)),
                    }
                })
                .collect();
            lines.push(cells.join("  ").trim_end().to_string());
            if r == 0 && !t.header.is_empty() {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
                lines.push(rule.join("  "));
            }
        }
        lines.join("\n")
    }

    fn cell(&mut self, cell: &[Inline]) -> String {
        self.inlines(cell).replace('\n', " ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Image, ListItem, Meta};

    fn article(blocks: Vec<Block>) -> Article {
        Article {
            blocks,
            ..Article::default()
        }
    }

    #[test]
    fn header_has_title_byline_date_and_publisher() {
        let a = Article {
            meta: Meta {
                title: Some("Title".into()),
                authors: vec![Author::named("Ann Lee"), Author::named("Bo Chen")],
                published: "2019-09-18T22:32:40".parse().ok(),
                publisher: Some("Daily".into()),
                ..Meta::default()
            },
            blocks: vec![Block::para("Body.")],
            origin: None,
        };
        assert_eq!(
            render(&a, false),
            "Title\nBy Ann Lee and Bo Chen · 2019-09-18 · Daily\n\nBody.\n"
        );
    }

    #[test]
    fn nested_lists_and_quotes_are_indented() {
        let inner = Block::List {
            start: Some(3),
            tight: true,
            items: vec![ListItem {
                task: Some(true),
                blocks: vec![Block::para("done")],
            }],
        };
        let list = Block::List {
            start: None,
            tight: true,
            items: vec![ListItem {
                task: None,
                blocks: vec![Block::para("outer"), inner],
            }],
        };
        let quote = Block::Quote {
            blocks: vec![Block::para("said")],
            attribution: vec![Inline::text("Someone")],
        };
        assert_eq!(
            render(&article(vec![list, quote]), false),
            "- outer\n  3. [x] done\n\n> said\n\n> — Someone\n"
        );
    }

    #[test]
    fn notes_are_numbered_at_the_end() {
        let p = Block::Paragraph {
            content: vec![
                Inline::text("Claim"),
                Inline::Note {
                    blocks: vec![Block::para("Source.")],
                },
                Inline::text("."),
            ],
        };
        assert_eq!(
            render(&article(vec![p]), false),
            "Claim[1].\n\n[1] Source.\n"
        );
    }

    #[test]
    fn tables_align_columns() {
        let t = Table {
            align: vec![Align::Left, Align::Right],
            header: vec![vec![Inline::text("Name")], vec![Inline::text("N")]],
            rows: vec![vec![vec![Inline::text("a")], vec![Inline::text("100")]]],
            ..Table::default()
        };
        assert_eq!(
            render(&article(vec![Block::Table(Box::new(t))]), false),
            "Name    N\n----  ---\na     100\n"
        );
    }

    #[test]
    fn a_picture_gives_its_caption_its_alt_text_only_when_asked() {
        let figure = |alt: &str, caption: &str| Block::Figure {
            image: Box::new(Image {
                src: "a.jpg".into(),
                alt: alt.into(),
                title: None,
            }),
            caption: if caption.is_empty() {
                vec![]
            } else {
                vec![Inline::text(caption)]
            },
            credit: vec![],
        };
        let item = |blocks: Vec<Block>| ListItem { task: None, blocks };
        let cards = Block::List {
            start: Some(1),
            tight: true,
            items: vec![
                item(vec![figure("Oak desk", ""), Block::para("Desk")]),
                item(vec![figure("Pine shelf", "")]),
                item(vec![Block::para("Chair")]),
            ],
        };
        let inline = |alt: &str| {
            Inline::image(Image {
                src: "i.png".into(),
                alt: alt.into(),
                title: None,
            })
        };
        let line = Block::Paragraph {
            content: vec![
                inline("Logo of the shop"),
                Inline::text("Before "),
                inline("\u{1f600}"),
                Inline::text("."),
            ],
        };
        let a = article(vec![
            line,
            figure("A dog asleep", ""),
            figure("A cat", "Our cat"),
            cards,
        ]);
        assert_eq!(
            render(&a, false),
            "Before \u{1f600}.\n\nOur cat\n\n1. Desk\n2. Chair\n"
        );
        assert_eq!(
            render(&a, true),
            "Logo of the shopBefore \u{1f600}.\n\n[Image: A dog asleep]\n\nOur cat\n\n1. [Image: Oak desk]\n   Desk\n2. [Image: Pine shelf]\n3. Chair\n"
        );
        // Inside a callout, the label is followed by what writes something.
        let note = Block::Callout {
            kind: crate::model::CalloutKind::Note,
            blocks: vec![figure("A chart", ""), Block::para("Mind the gap.")],
        };
        assert_eq!(
            render(&article(vec![note]), false),
            "> Note:\n> Mind the gap.\n"
        );
    }
}

//! The Markdown writer: CommonMark with GFM tables, footnotes, task lists and strikethrough,
//! `^superscript^` / `~subscript~`, heading ids (`{#id}`) and YAML front matter — what the
//! Markdown reader reads back to the same model.
//!
//! Where Markdown has no syntax for part of the model, the writer keeps the text:
//! a figure is an image paragraph whose description is the caption (the alt text when there
//! is no caption), its credit a paragraph after it; a table caption is a `Table: ...`
//! paragraph after the table; a quote's attribution its last paragraph, `— name`; a line
//! break where a backslash break cannot stand (headings, cells, the edges of a run) is
//! `<br>`. Notes are numbered in order and defined at the end.

mod front_matter;
mod inline;

use crate::error::Result;
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{Align, Article, Block, ListItem, Table};
use inline::{longest_run, render, Place};
use std::io::Write;

pub use inline::{escape, TextContext};

/// Writes Markdown (see the module documentation).
pub struct MarkdownWriter;

impl Writer for MarkdownWriter {
    fn name(&self) -> &str {
        "markdown"
    }
    fn extensions(&self) -> &[&str] {
        &["md", "markdown"]
    }
    fn description(&self) -> &str {
        "CommonMark with GFM tables, footnotes, task lists and YAML front matter"
    }
    fn write(
        &self,
        article: &Article,
        _: &WriteOptions,
        _: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        out.write_all(to_markdown(article).as_bytes())?;
        Ok(())
    }
}

/// The Markdown of an article: front matter, body, then the note definitions.
pub fn to_markdown(article: &Article) -> String {
    let mut w = BlockWriter { notes: Vec::new() };
    let mut parts = vec![];
    let front = front_matter::front_matter(&article.meta);
    if !front.is_empty() {
        parts.push(front.trim_end().to_string());
    }
    let body = w.blocks(&article.blocks, "\n\n");
    if !body.is_empty() {
        parts.push(body);
    }
    // Definitions may hold notes of their own, numbered after all the others.
    let mut n = 0;
    while n < w.notes.len() {
        let blocks = w.notes[n];
        n += 1;
        let text = w.blocks(blocks, "\n\n");
        parts.push(prefix_lines(&text, &format!("[^{n}]:"), "    "));
    }
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

struct BlockWriter<'a> {
    /// Notes referenced so far; note n is `notes[n - 1]`.
    notes: Vec<&'a [Block]>,
}

/// Which list marker the previous block used, so that two lists in a row stay two lists.
#[derive(Clone, Copy, PartialEq)]
struct ListStyle {
    ordered: bool,
    alternate: bool,
}

impl<'a> BlockWriter<'a> {
    fn inlines(&mut self, inlines: &'a [crate::model::Inline], place: Place) -> String {
        render(inlines, place, &mut self.notes)
    }

    /// Blocks joined by `separator` (a blank line, or a newline in tight list items).
    fn blocks(&mut self, blocks: &'a [Block], separator: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut previous_list: Option<ListStyle> = None;
        for block in blocks {
            let mut style = None;
            let text = match block {
                Block::List {
                    start,
                    tight,
                    items,
                } => {
                    let ordered = start.is_some();
                    let s = ListStyle {
                        ordered,
                        alternate: previous_list
                            .is_some_and(|p| p.ordered == ordered && !p.alternate),
                    };
                    style = Some(s);
                    self.list(*start, *tight, items, s.alternate)
                }
                other => self.block(other),
            };
            if !text.is_empty() {
                parts.push(text);
                previous_list = style;
            }
        }
        parts.join(separator)
    }

    fn block(&mut self, block: &'a Block) -> String {
        match block {
            Block::Heading { level, id, content } => {
                let mut out = "#".repeat(usize::from((*level).clamp(1, 6)));
                let text = self.inlines(content, Place::HEADING);
                if !text.is_empty() {
                    out.push(' ');
                    out.push_str(&text);
                }
                if let Some(id) = id.as_deref().filter(|id| is_writable_id(id)) {
                    out.push_str(&format!(" {{#{id}}}"));
                }
                out
            }
            Block::Paragraph { content } => self.inlines(content, Place::BLOCK),
            Block::List {
                start,
                tight,
                items,
            } => self.list(*start, *tight, items, false),
            Block::Quote {
                blocks,
                attribution,
            } => {
                let mut inner = self.blocks(blocks, "\n\n");
                if !attribution.is_empty() {
                    let by = self.inlines(attribution, Place::AFTER_PREFIX);
                    if !inner.is_empty() {
                        inner.push_str("\n\n");
                    }
                    inner.push_str("— ");
                    inner.push_str(&by);
                }
                prefix_lines(&inner, ">", ">")
            }
            Block::Code { language, text } => code_block(language.as_deref(), text),
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                let description = if caption.is_empty() {
                    inline::alt_text(image)
                } else {
                    self.inlines(caption, Place::AFTER_PREFIX)
                };
                let mut out = format!(
                    "![{description}]({})",
                    inline::target(&image.src, image.title.as_deref())
                );
                if !credit.is_empty() {
                    out.push_str("\n\n");
                    out.push_str(&self.inlines(credit, Place::BLOCK));
                }
                out
            }
            Block::Table(table) => self.table(table),
            Block::Rule => "***".to_string(),
        }
    }

    fn list(
        &mut self,
        start: Option<u64>,
        tight: bool,
        items: &'a [ListItem],
        alternate: bool,
    ) -> String {
        let separator = if tight { "\n" } else { "\n\n" };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let mut marker = match start {
                None if alternate => "+".to_string(),
                None => "-".to_string(),
                Some(n) => {
                    let delimiter = if alternate { ')' } else { '.' };
                    format!("{}{delimiter}", n.saturating_add(i as u64))
                }
            };
            let indent = " ".repeat(marker.len() + 1);
            match item.task {
                Some(true) => marker.push_str(" [x]"),
                Some(false) => marker.push_str(" [ ]"),
                None => {}
            }
            let content = self.blocks(&item.blocks, separator);
            out.push(prefix_lines(&content, &marker, &indent));
        }
        out.join(separator)
    }

    fn table(&mut self, table: &'a Table) -> String {
        let columns = table
            .rows
            .iter()
            .map(Vec::len)
            .chain([table.header.len(), table.align.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return self.caption(table);
        }
        let mut lines = Vec::with_capacity(table.rows.len() + 2);
        let header = (0..columns)
            .map(|i| {
                table
                    .header
                    .get(i)
                    .map_or(String::new(), |c| self.inlines(c, Place::CELL))
            })
            .collect::<Vec<_>>();
        lines.push(row(&header));
        let delimiters = (0..columns)
            .map(|i| match table.align.get(i).copied().unwrap_or_default() {
                Align::Default => "---",
                Align::Left => ":--",
                Align::Center => ":-:",
                Align::Right => "--:",
            })
            .map(str::to_string)
            .collect::<Vec<_>>();
        lines.push(row(&delimiters));
        for cells in &table.rows {
            let cells = (0..columns)
                .map(|i| {
                    cells
                        .get(i)
                        .map_or(String::new(), |c| self.inlines(c, Place::CELL))
                })
                .collect::<Vec<_>>();
            lines.push(row(&cells));
        }
        let caption = self.caption(table);
        if !caption.is_empty() {
            lines.push(String::new());
            lines.push(caption);
        }
        lines.join("\n")
    }

    fn caption(&mut self, table: &'a Table) -> String {
        if table.caption.is_empty() {
            return String::new();
        }
        format!(
            "Table: {}",
            self.inlines(&table.caption, Place::AFTER_PREFIX)
        )
    }
}

fn row(cells: &[String]) -> String {
    let mut out = String::from("|");
    for cell in cells {
        out.push(' ');
        out.push_str(cell);
        out.push_str(" |");
    }
    out
}

/// Whether a heading id can be written as `{#id}`: the attribute syntax splits at blanks
/// and ends at `}`.
fn is_writable_id(id: &str) -> bool {
    !id.is_empty() && !id.contains(|c: char| c.is_whitespace() || c == '{' || c == '}')
}

/// A fenced code block, its fence longer than any run of fence characters inside.
fn code_block(language: Option<&str>, text: &str) -> String {
    let language = language.unwrap_or("");
    let fence_char = if language.contains('`') { '~' } else { '`' };
    let fence = fence_char
        .to_string()
        .repeat((longest_run(text, fence_char) + 1).max(3));
    let mut out = format!("{fence}{language}\n{text}");
    if !text.is_empty() {
        out.push('\n');
    }
    out.push_str(&fence);
    out
}

/// Prefixes the first line with `first` and the others with `rest` (`>` for quotes, the
/// indent of list items and notes); blank lines get the prefix without trailing spaces.
fn prefix_lines(text: &str, first: &str, rest: &str) -> String {
    if text.is_empty() {
        return first.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            if !prefix.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests;

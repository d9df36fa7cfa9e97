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
use crate::model::{inline_text, Align, Article, Block, Inline, ListItem, Table};
use inline::{longest_run, render, Place};
use std::collections::BTreeMap;
use std::io::Write;

pub use inline::{citation_source, escape, TextContext};

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
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        let (text, warnings) = render_article(&crate::safety::cleaned(article, diag));
        for warning in warnings {
            diag.warn(warning);
        }
        out.write_all(crate::write::without_nul(text).as_bytes())?;
        Ok(())
    }
}

/// The Markdown of an article: front matter, body, then the note definitions.
pub fn to_markdown(article: &Article) -> String {
    render_article(article).0
}

/// The Markdown of an article, and what Markdown could not keep.
fn render_article(article: &Article) -> (String, Vec<String>) {
    let mut w = BlockWriter {
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    let mut parts = vec![];
    let front = front_matter::front_matter(&article.meta, &mut w.warnings);
    if !front.is_empty() {
        parts.push(front.trim_end().to_string());
    }
    let body = w.blocks(&article.blocks, false);
    if !body.is_empty() {
        parts.push(body);
    }
    // Definitions may hold notes of their own, numbered after all the others.
    let mut n = 0;
    while n < w.notes.len() {
        let blocks = w.notes[n];
        n += 1;
        let text = w.blocks(blocks, false);
        parts.push(prefix_lines(&text, &format!("[^{n}]:"), "    "));
    }
    let mut out = parts.join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    let mut warnings: Vec<String> = Vec::new();
    for w in w.warnings {
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    (out, warnings)
}

struct BlockWriter<'a> {
    /// Notes referenced so far; note n is `notes[n - 1]`.
    notes: Vec<&'a [Block]>,
    /// What Markdown could not keep.
    warnings: Vec<String>,
}

/// Which list marker the previous block used, so that two lists in a row stay two lists.
#[derive(Clone, Copy, PartialEq)]
struct ListStyle {
    ordered: bool,
    alternate: bool,
}

impl<'a> BlockWriter<'a> {
    fn inlines(&mut self, inlines: &'a [Inline], place: Place) -> String {
        render(inlines, place, &mut self.notes, &mut self.warnings)
    }

    /// Blocks separated by blank lines, or in a tight list item by line breaks where the
    /// next block can start right under the previous one.
    fn blocks(&mut self, blocks: &'a [Block], tight: bool) -> String {
        self.blocks_and_first(blocks, tight).0
    }

    /// The blocks written, and the first one that wrote anything.
    fn blocks_and_first(
        &mut self,
        blocks: &'a [Block],
        tight: bool,
    ) -> (String, Option<&'a Block>) {
        let mut out = String::new();
        let mut first = None;
        let mut previous: Option<&Block> = None;
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
            if text.is_empty() {
                continue;
            }
            if let Some(previous) = previous {
                let close = tight && can_follow_directly(previous, block, &text);
                out.push_str(if close { "\n" } else { "\n\n" });
            }
            out.push_str(&text);
            first = first.or(Some(block));
            previous = Some(block);
            previous_list = style;
        }
        (out, first)
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
                match id.as_deref() {
                    Some(id) if is_writable_id(id) => out.push_str(&format!(" {{#{id}}}")),
                    Some(_) => {
                        self.warn("a heading id with characters Markdown cannot hold was left out")
                    }
                    None => {}
                }
                out
            }
            Block::Paragraph { content } => self.paragraph(content),
            Block::List {
                start,
                tight,
                items,
            } => self.list(*start, *tight, items, false),
            Block::Quote {
                blocks,
                attribution,
            } => {
                let mut inner = self.blocks(blocks, false);
                let by = self.inlines(attribution, Place::AFTER_PREFIX);
                if !by.trim().is_empty() {
                    if !inner.is_empty() {
                        inner.push_str("\n\n");
                    }
                    inner.push_str("— ");
                    inner.push_str(&by);
                }
                prefix_lines(&inner, ">", ">")
            }
            Block::Code {
                language,
                attributes,
                text,
            } => {
                // An info string's first word is the language.
                let word = language
                    .as_deref()
                    .and_then(|l| l.split_whitespace().next());
                if word != language.as_deref() {
                    self.warn("a code language with blanks was cut to its first word");
                }
                let info = self.info_string(word, attributes);
                code_block(&info, text)
            }
            Block::Callout { kind, blocks } => {
                let inner = self.blocks(blocks, false);
                let mut out = format!("[!{}]", kind.name().to_ascii_uppercase());
                if !inner.is_empty() {
                    out.push('\n');
                    out.push_str(&inner);
                }
                prefix_lines(&out, ">", ">")
            }
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                let (description, notes) = if caption.is_empty() {
                    (inline::alt_text(image), Vec::new())
                } else {
                    if !image.alt.is_empty() && image.alt != inline_text(caption) {
                        self.warn("a figure's alt text other than its caption was left out");
                    }
                    inline::render_description(caption, &mut self.notes, &mut self.warnings)
                };
                let mut out = format!(
                    "![{description}]({})",
                    inline::target(&image.src, image.title.as_deref())
                );
                for blocks in notes {
                    self.notes.push(blocks);
                    out.push_str(&format!("[^{}]", self.notes.len()));
                }
                let credit = self.paragraph(credit);
                if !credit.is_empty() {
                    out.push_str("\n\n");
                    out.push_str(&credit);
                }
                out
            }
            Block::Table(table) => self.table(table),
            Block::Rule => "***".to_string(),
        }
    }

    /// A fence's info string: the language, then the attributes (`python title="a.py"`). In
    /// pandoc's braces when there is no language to lead them, or when the language would not
    /// read back as a plain first word (`{.#x}`).
    fn info_string(
        &mut self,
        language: Option<&str>,
        attributes: &BTreeMap<String, String>,
    ) -> String {
        let plain = language
            .filter(|l| !l.starts_with(['#', '.', '{']) && l.find('=').is_none_or(|i| i == 0));
        let braced = plain.is_none();
        let mut parts: Vec<String> = match (plain, language) {
            (Some(l), _) => vec![l.to_string()],
            (None, Some(l)) => vec![format!(".{l}")],
            (None, None) => Vec::new(),
        };
        for (key, value) in attributes {
            // What the reader takes for `key=value`: a key without blanks or `=` that does not
            // start with `.` (a class); a bare word may hold an `=` at its start, and may
            // start with `.` once a language leads.
            let valued_key = !key.starts_with('.') && !key.contains('=');
            let bare_key = (!key.contains('=') || key.starts_with(['=', '.']))
                && (!key.starts_with('.') || language.is_some());
            let key_ok = !key.is_empty() && !key.contains(char::is_whitespace);
            let bare_value =
                !value.starts_with(['"', '\'']) && !value.contains(char::is_whitespace);
            let part = if !key_ok {
                None
            } else if value.is_empty() {
                bare_key.then(|| key.clone())
            } else if !valued_key {
                None
            } else if !value.contains('"') {
                Some(format!("{key}=\"{value}\""))
            } else if !value.contains('\'') {
                Some(format!("{key}='{value}'"))
            } else {
                bare_value.then(|| format!("{key}={value}"))
            };
            match part {
                Some(part) if !part.contains(['\n', '\r']) => parts.push(part),
                _ => self.warn(&format!(
                    "the code block attribute {key:?} cannot be written in Markdown"
                )),
            }
        }
        let info = parts.join(" ");
        if braced && !info.is_empty() {
            format!("{{{info}}}")
        } else {
            info
        }
    }

    fn paragraph(&mut self, content: &'a [Inline]) -> String {
        let text = self.inlines(content, Place::BLOCK);
        // A lone `<br>` line would open an HTML block; it says nothing anyway.
        if text.trim().is_empty() || text == "<br>" {
            String::new()
        } else {
            text
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
                    if n > MAX_LIST_NUMBER {
                        self.warn("a list start beyond 999999999 was lowered to it");
                    }
                    let number = n.saturating_add(i as u64).min(MAX_LIST_NUMBER);
                    let delimiter = if alternate { ')' } else { '.' };
                    format!("{number}{delimiter}")
                }
            };
            let indent = " ".repeat(marker.len() + 1);
            let (content, first) = self.blocks_and_first(&item.blocks, tight);
            if let Some(done) = item.task {
                // Only text can follow a check box on its line.
                if matches!(first, Some(Block::Paragraph { .. } | Block::Figure { .. })) {
                    marker.push_str(if done { " [x]" } else { " [ ]" });
                } else {
                    self.warn("a task item not starting with a paragraph lost its check box");
                }
            }
            let first_line = format!("{marker} {}", content.lines().next().unwrap_or(""));
            if is_thematic_break(&first_line) {
                // "- - -" would be a rule: the item's content starts on the next line.
                out.push(prefix_lines(&format!("\n{content}"), &marker, &indent));
            } else {
                out.push(prefix_lines(&content, &marker, &indent));
            }
        }
        out.join(separator)
    }

    fn warn(&mut self, message: &str) {
        self.warnings.push(message.to_string());
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
        let caption = self.inlines(&table.caption, Place::AFTER_PREFIX);
        if caption.trim().is_empty() {
            return String::new();
        }
        format!("Table: {caption}")
    }
}

/// CommonMark list numbers have at most nine digits.
const MAX_LIST_NUMBER: u64 = 999_999_999;

/// Whether `next`, written as `text`, can stand on the line right after `previous` in a
/// tight list item and still read as a block of its own.
fn can_follow_directly(previous: &Block, next: &Block, text: &str) -> bool {
    let starts_clearly = matches!(
        next,
        Block::Heading { .. } | Block::Code { .. } | Block::Rule
    );
    match previous {
        Block::Heading { .. } | Block::Code { .. } | Block::Rule => true,
        // After text, what can interrupt a paragraph.
        Block::Paragraph { .. } | Block::Figure { .. } => match next {
            Block::Quote { .. } | Block::Callout { .. } | Block::Table(_) => true,
            // An empty first item (a bare marker) cannot interrupt a paragraph.
            Block::List { start, .. } => {
                matches!(start, None | Some(1))
                    && text.lines().next().is_some_and(|line| line.contains(' '))
            }
            _ => starts_clearly,
        },
        // Text at the end of a quote, list or table would take in the next lines.
        Block::Quote { .. } | Block::Callout { .. } | Block::List { .. } | Block::Table(_) => {
            starts_clearly
        }
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

/// Whether a heading id can be written as `{#id}`: letters, digits, `-`, `_`, `.` and `:`
/// (the attribute syntax splits at blanks, ends at `}`, and takes no escapes).
fn is_writable_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.:".contains(c))
}

/// A fenced code block, its fence longer than any run of fence characters inside.
fn code_block(language: &str, text: &str) -> String {
    let fence_char = if language.contains('`') { '~' } else { '`' };
    let fence = fence_char
        .to_string()
        .repeat((longest_run(text, fence_char) + 1).max(3));
    // A space keeps an info string that starts with the fence character out of the fence.
    let gap = if language.starts_with(fence_char) {
        " "
    } else {
        ""
    };
    let mut out = format!("{fence}{gap}{}\n{text}", inline::escape_info(language));
    if !text.is_empty() {
        out.push('\n');
    }
    out.push_str(&fence);
    out
}

/// Prefixes the first line with `first` and the others with `rest` (`>` for quotes, the
/// indent of list items and notes); blank lines get the prefix without trailing spaces.
/// A line CommonMark reads as a thematic break: three or more of one of `-`, `*`, `_`, and
/// nothing else but spaces and tabs.
fn is_thematic_break(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    marks.len() >= 3 && matches!(marks[0], '-' | '*' | '_') && marks.iter().all(|&c| c == marks[0])
}

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

//! `<body>` and `<back>`: blocks and inlines as JATS, each placed where the DTD allows it.
//!
//! Where JATS does not allow a block where the model has it, the block is wrapped or turned
//! into something that is allowed, never dropped:
//! - a list item or footnote holds only `<p>` (and lists, for items), and `<p>` may hold any
//!   display element, so other blocks there are wrapped in a `<p>`;
//! - a heading outside the top level (in a quote, list or note) becomes a bold paragraph;
//! - a footnote inside a footnote gets its own `<fn>`, referenced from the outer one;
//! - a link inside a link keeps its text only;
//! - `<break/>` is not allowed in paragraphs: there a hard line break is a newline.
//!
//! Blocks and inlines nested deeper than [`MAX_DEPTH`] are written as their plain text.

use super::text::{blocks_text, inlines_text};
use super::xml::Xml;
use super::TagSet;
use crate::model::{Align, Block, Cite, Image, Inline, ListItem, Reference, Table};
use crate::write::ids::UniqueIds;
use std::io::{self, Write};

/// Nesting depth past which content is flattened to text, so that recursion stays bounded.
pub const MAX_DEPTH: usize = 48;

/// What a block container accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    /// `body`, `sec`, `disp-quote`: paragraphs and every display element.
    Full,
    /// `list-item`: paragraphs and lists.
    Item,
    /// `fn`: paragraphs only.
    Note,
}

/// What an inline container accepts besides text and formatting.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    /// `<break/>` (titles, cells, attributions; not paragraphs).
    breaks: bool,
    /// `<ext-link>` (everywhere but inside another link).
    links: bool,
    /// Inside a link of the Publishing tag set, which holds only text and formatting: images,
    /// formulas and footnote references are written after the link instead.
    hoisted: bool,
    /// `<disp-formula>` (directly in a paragraph; an inline formula elsewhere).
    display: bool,
}

const IN_PARAGRAPH: Phrase = Phrase {
    breaks: false,
    links: true,
    hoisted: false,
    display: true,
};
const IN_TITLE: Phrase = Phrase {
    breaks: true,
    links: true,
    hoisted: false,
    display: false,
};

/// Writes the body and back matter of one article, numbering footnotes and section ids.
pub struct BodyWriter<'a, W: Write> {
    pub x: Xml<W>,
    /// Footnotes in the order of their references; `fn{i+1}` is `notes[i]`.
    notes: Vec<&'a [Block]>,
    ids: UniqueIds,
    /// Whether content nested deeper than [`MAX_DEPTH`] was written as plain text.
    pub flattened: bool,
    tag_set: TagSet,
    /// Figures and tables so far, which number their ids.
    figures: usize,
    tables: usize,
    /// The cited references in the order of their first citation, with their ids.
    references: Vec<(&'a Reference, String)>,
}

impl<'a, W: Write> BodyWriter<'a, W> {
    pub fn new(x: Xml<W>, tag_set: TagSet, cited: Vec<&'a Reference>) -> Self {
        let mut ids = UniqueIds::default();
        let references = cited
            .into_iter()
            .map(|r| {
                let id = ids.claim(match slug(&r.id) {
                    s if s.is_empty() => "ref".to_string(),
                    s => format!("ref-{s}"),
                });
                (r, id)
            })
            .collect();
        BodyWriter {
            references,
            x,
            tag_set,
            notes: Vec::new(),
            ids,
            flattened: false,
            figures: 0,
            tables: 0,
        }
    }

    /// `<body>` with top-level headings as nested `<sec>`s; nothing when there is no content.
    pub fn write_body(&mut self, blocks: &'a [Block]) -> io::Result<()> {
        let has_content = blocks
            .iter()
            .any(|b| matches!(b, Block::Heading { .. }) || !is_blank(b, 0));
        if !has_content {
            return Ok(());
        }
        self.x.start("body", &[])?;
        self.x.newline()?;
        // Levels of the open sections, outermost first.
        let mut open: Vec<u8> = Vec::new();
        for block in blocks {
            match block {
                Block::Heading { level, id, content } => {
                    while open.last().is_some_and(|l| l >= level) {
                        open.pop();
                        self.x.end_line("sec")?;
                    }
                    open.push(*level);
                    self.open_section(id.as_deref(), content)?;
                }
                other => self.block(other, Flow::Full, 0)?,
            }
        }
        for _ in open {
            self.x.end_line("sec")?;
        }
        self.x.end_line("body")
    }

    /// `<back>` with the references and footnotes; notes referenced from notes are appended
    /// as they come.
    pub fn write_back(&mut self) -> io::Result<()> {
        if self.notes.is_empty() && self.references.is_empty() {
            return Ok(());
        }
        self.x.start("back", &[])?;
        self.x.newline()?;
        if !self.references.is_empty() {
            self.x.start("ref-list", &[])?;
            self.x.newline()?;
            for (i, (reference, id)) in self.references.iter().enumerate() {
                self.x.start("ref", &[("id", id)])?;
                self.x.leaf("label", &[], &(i + 1).to_string())?;
                super::refs::element_citation(&mut self.x, reference)?;
                self.x.end_line("ref")?;
            }
            self.x.end_line("ref-list")?;
        }
        if self.notes.is_empty() {
            return self.x.end_line("back");
        }
        self.x.start("fn-group", &[])?;
        self.x.newline()?;
        let mut i = 0;
        while let Some(&blocks) = self.notes.get(i) {
            i += 1;
            let label = i.to_string();
            self.x.start("fn", &[("id", &format!("fn{i}"))])?;
            self.x.leaf("label", &[], &label)?;
            if blocks.iter().all(|b| is_blank(b, 0)) {
                self.x.empty("p", &[])?;
            }
            self.blocks(blocks, Flow::Note, 0)?;
            self.x.end_line("fn")?;
        }
        self.x.end_line("fn-group")?;
        self.x.end_line("back")
    }

    fn open_section(&mut self, id: Option<&str>, title: &'a [Inline]) -> io::Result<()> {
        let id = self.section_id(id, title);
        self.x.start("sec", &[("id", &id)])?;
        // JATS4R wants a title in every section, empty when the heading is.
        self.x.start("title", &[])?;
        if !inlines_blank(title, 0) {
            self.inlines(title, IN_TITLE, 0)?;
        }
        self.x.end("title")?;
        self.x.newline()
    }

    /// `sec-` and a slug of the heading's id or text, made unique.
    fn section_id(&mut self, id: Option<&str>, title: &[Inline]) -> String {
        let source = match id {
            Some(id) if !id.trim().is_empty() => id.to_string(),
            _ => inlines_text(title, false),
        };
        let base = match slug(&source) {
            s if s.is_empty() => format!("sec-{}", self.ids.len() + 1),
            s => format!("sec-{s}"),
        };
        self.ids.claim(base)
    }

    fn blocks(&mut self, blocks: &'a [Block], flow: Flow, depth: usize) -> io::Result<()> {
        for block in blocks {
            self.block(block, flow, depth)?;
        }
        Ok(())
    }

    fn block(&mut self, block: &'a Block, flow: Flow, depth: usize) -> io::Result<()> {
        if is_blank(block, depth) {
            return Ok(());
        }
        let allowed = match block {
            Block::Paragraph { .. } | Block::Heading { .. } => true,
            Block::List { .. } => flow != Flow::Note,
            _ => flow == Flow::Full,
        };
        if !allowed {
            // `<p>` holds every display element.
            self.x.start("p", &[])?;
            self.block(block, Flow::Full, depth)?;
            return self.x.end_line("p");
        }
        match block {
            Block::Paragraph { content } => self.paragraph(content, None, depth),
            Block::Heading { content, .. } => {
                self.x.start("p", &[])?;
                self.x.start("bold", &[])?;
                self.inlines(content, IN_PARAGRAPH, depth)?;
                self.x.end("bold")?;
                self.x.end_line("p")
            }
            Block::List { start, items, .. } if depth < MAX_DEPTH => {
                self.list(*start, items, depth)
            }
            Block::Quote {
                blocks,
                attribution,
            } if depth < MAX_DEPTH => {
                self.x.start("disp-quote", &[])?;
                self.x.newline()?;
                self.blocks(blocks, Flow::Full, depth + 1)?;
                if !inlines_blank(attribution, depth) {
                    self.x.start("attrib", &[])?;
                    self.inlines(attribution, IN_TITLE, depth)?;
                    self.x.end_line("attrib")?;
                }
                self.x.end_line("disp-quote")
            }
            Block::Callout { kind, blocks } if depth < MAX_DEPTH => {
                self.x
                    .start("boxed-text", &[("content-type", kind.name())])?;
                self.x.leaf("label", &[], kind.label())?;
                self.x.newline()?;
                self.blocks(blocks, Flow::Full, depth + 1)?;
                self.x.end_line("boxed-text")
            }
            Block::List { .. } | Block::Quote { .. } | Block::Callout { .. } => {
                self.flattened(block)
            }
            Block::Code { language, text, .. } => self.code(language.as_deref(), text),
            Block::Figure {
                image,
                caption,
                credit,
            } => self.figure(image, caption, credit, depth),
            Block::Table(table) => self.table(table, depth),
            Block::Rule => Ok(()),
        }
    }

    /// A list or quote nested too deep, as one of its text.
    fn flattened(&mut self, block: &Block) -> io::Result<()> {
        self.flattened = true;
        let text = blocks_text(std::slice::from_ref(block));
        if let Block::List { .. } = block {
            self.x.start("list", &[("list-type", "bullet")])?;
            self.x.start("list-item", &[])?;
            self.x.leaf("p", &[], &text)?;
            self.x.end("list-item")?;
            self.x.end_line("list")
        } else {
            self.x.start("disp-quote", &[])?;
            self.x.leaf("p", &[], &text)?;
            self.x.end_line("disp-quote")
        }
    }

    fn paragraph(
        &mut self,
        content: &'a [Inline],
        prefix: Option<&str>,
        depth: usize,
    ) -> io::Result<()> {
        self.x.start("p", &[])?;
        if let Some(prefix) = prefix {
            self.x.text(prefix)?;
        }
        self.inlines(content, IN_PARAGRAPH, depth)?;
        self.x.end_line("p")
    }

    fn list(&mut self, start: Option<u64>, items: &'a [ListItem], depth: usize) -> io::Result<()> {
        let list_type = if start.is_some() { "order" } else { "bullet" };
        self.x.start("list", &[("list-type", list_type)])?;
        self.x.newline()?;
        // JATS lists always count from 1: another start is kept as explicit labels.
        let first_label = start.filter(|&n| n != 1);
        for (i, item) in items.iter().enumerate() {
            self.x.start("list-item", &[])?;
            if let Some(n) = first_label {
                self.x
                    .leaf("label", &[], &format!("{}.", n.saturating_add(i as u64)))?;
            }
            self.list_item(item, depth + 1)?;
            self.x.end_line("list-item")?;
        }
        self.x.end_line("list")
    }

    /// The item's blocks; a task's state leads its first paragraph as ☐ or ☑.
    fn list_item(&mut self, item: &'a ListItem, depth: usize) -> io::Result<()> {
        let mut blocks = &item.blocks[..];
        let mut prefix = item.task.map(|done| if done { "☑" } else { "☐" });
        if let (Some(mark), Some((Block::Paragraph { content }, rest))) =
            (prefix, blocks.split_first())
        {
            if !inlines_blank(content, depth) {
                self.paragraph(content, Some(&format!("{mark} ")), depth)?;
                blocks = rest;
                prefix = None;
            }
        }
        if let Some(mark) = prefix {
            self.x.leaf("p", &[], mark)?;
        } else if item.blocks.iter().all(|b| is_blank(b, depth)) {
            // A list item needs a paragraph.
            self.x.empty("p", &[])?;
        }
        self.blocks(blocks, Flow::Item, depth)
    }

    /// A code block: `<code language>` when the language is known, else `<preformat>`.
    fn code(&mut self, language: Option<&str>, text: &str) -> io::Result<()> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        match language.map(str::trim).filter(|l| !l.is_empty()) {
            Some(language) => self.x.leaf("code", &[("language", language)], text)?,
            None => self.x.leaf("preformat", &[], text)?,
        }
        self.x.newline()
    }

    fn figure(
        &mut self,
        image: &Image,
        caption: &'a [Inline],
        credit: &'a [Inline],
        depth: usize,
    ) -> io::Result<()> {
        self.figures += 1;
        let id = self.ids.claim(format!("fig-{}", self.figures));
        self.x.start("fig", &[("id", &id)])?;
        self.caption(caption, depth)?;
        self.x.start("graphic", &image_attrs(image))?;
        // JATS4R: every graphic has alt text; `null` marks one that has none beyond its
        // caption (no alt text, or the caption again).
        let alt = normalize_space(&image.alt);
        let described = !alt.is_empty() && alt != normalize_space(&inlines_text(caption, false));
        self.x
            .leaf("alt-text", &[], if described { &image.alt } else { "null" })?;
        self.x.end("graphic")?;
        if !inlines_blank(credit, depth) {
            self.x.start("attrib", &[])?;
            self.inlines(credit, IN_TITLE, depth)?;
            self.x.end("attrib")?;
        }
        self.x.end_line("fig")
    }

    fn caption(&mut self, caption: &'a [Inline], depth: usize) -> io::Result<()> {
        if inlines_blank(caption, depth) {
            return Ok(());
        }
        self.x.start("caption", &[])?;
        self.paragraph(caption, None, depth)?;
        self.x.end("caption")
    }

    fn table(&mut self, table: &'a Table, depth: usize) -> io::Result<()> {
        self.tables += 1;
        let id = self.ids.claim(format!("table-{}", self.tables));
        self.x.start("table-wrap", &[("id", &id)])?;
        self.caption(&table.caption, depth)?;
        // JATS4R wants header cells in a data table: without a header row, the first row is
        // taken as the header.
        let (header, rows) = match (&table.header[..], &table.rows[..]) {
            ([], [first, rest @ ..]) => (&first[..], rest),
            (header, rows) => (header, rows),
        };
        if !header.is_empty() || !rows.is_empty() {
            self.x.start("table", &[])?;
            self.x.newline()?;
            let sections_needed = !rows.is_empty();
            if !header.is_empty() {
                // Without body rows the header row stands alone (`table` allows bare `tr`s).
                if sections_needed {
                    self.x.start("thead", &[])?;
                }
                self.row(header, "th", &table.align, depth)?;
                if sections_needed {
                    self.x.end_line("thead")?;
                }
            }
            if sections_needed {
                self.x.start("tbody", &[])?;
                self.x.newline()?;
                for row in rows {
                    self.row(row, "td", &table.align, depth)?;
                }
                self.x.end_line("tbody")?;
            }
            self.x.end_line("table")?;
        }
        self.x.end_line("table-wrap")
    }

    fn row(
        &mut self,
        cells: &'a [Vec<Inline>],
        tag: &str,
        align: &[Align],
        depth: usize,
    ) -> io::Result<()> {
        self.x.start("tr", &[])?;
        if cells.is_empty() {
            // A row needs a cell.
            self.x.empty(tag, &[])?;
        }
        for (i, cell) in cells.iter().enumerate() {
            let attrs: &[(&str, &str)] = match align.get(i) {
                Some(Align::Left) => &[("align", "left")],
                Some(Align::Center) => &[("align", "center")],
                Some(Align::Right) => &[("align", "right")],
                Some(Align::Default) | None => &[],
            };
            self.x.start(tag, attrs)?;
            self.inlines(cell, IN_TITLE, depth)?;
            self.x.end(tag)?;
        }
        self.x.end_line("tr")
    }

    fn inlines(&mut self, inlines: &'a [Inline], phrase: Phrase, depth: usize) -> io::Result<()> {
        for inline in inlines {
            self.inline(inline, phrase, depth)?;
        }
        Ok(())
    }

    fn inline(&mut self, inline: &'a Inline, phrase: Phrase, depth: usize) -> io::Result<()> {
        let wrap = match inline {
            Inline::Emphasis { .. } => "italic",
            Inline::Strong { .. } => "bold",
            Inline::Strikethrough { .. } => "strike",
            Inline::Superscript { .. } => "sup",
            Inline::Subscript { .. } => "sub",
            Inline::Text { text } => return self.x.text(text),
            Inline::Code { text } => return self.x.leaf("monospace", &[], text),
            Inline::LineBreak if phrase.breaks => return self.x.empty("break", &[]),
            Inline::LineBreak => return self.x.text("\n"),
            // Written after the link that holds them.
            Inline::Image(_)
            | Inline::Note { .. }
            | Inline::Math { .. }
            | Inline::Citation { .. }
                if phrase.hoisted =>
            {
                return Ok(())
            }
            Inline::Citation { cites } => return self.citation(cites),
            Inline::Image(image) => return self.inline_image(image),
            Inline::Math { tex, display } => return self.formula(tex, *display && phrase.display),
            Inline::Note { blocks } => return self.note_ref(blocks),
            Inline::Link(link) => {
                return self.link(
                    &link.url,
                    link.title.as_deref(),
                    &link.content,
                    phrase,
                    depth,
                )
            }
        };
        if depth >= MAX_DEPTH {
            self.flattened = true;
            return self
                .x
                .text(&inlines_text(std::slice::from_ref(inline), true));
        }
        self.x.start(wrap, &[])?;
        let inside = Phrase {
            display: false,
            ..phrase
        };
        self.inlines(inline.children(), inside, depth + 1)?;
        self.x.end(wrap)
    }

    fn link(
        &mut self,
        url: &str,
        title: Option<&str>,
        content: &'a [Inline],
        phrase: Phrase,
        depth: usize,
    ) -> io::Result<()> {
        if !phrase.links {
            return self.inlines(content, phrase, depth);
        }
        // The Publishing tag set allows only text and formatting in a link: images and notes
        // follow it.
        let hoisted = self.tag_set == TagSet::Publishing;
        let after = if hoisted {
            hoisted_inlines(content, depth)
        } else {
            Vec::new()
        };
        let mut attrs = vec![("ext-link-type", "uri"), ("xlink:href", url)];
        // JATS4R: a link whose text is its address (or nothing but images that leave it) is
        // described by its title.
        let described = title.map(str::to_string).or_else(|| {
            (!after.is_empty() || url_like(&inlines_text(content, false), url))
                .then(|| url_description(url))
        });
        attrs.extend(described.as_deref().map(|t| ("xlink:title", t)));
        self.x.start("ext-link", &attrs)?;
        if content.is_empty() {
            self.x.text(url)?;
        }
        let inside = Phrase {
            breaks: false,
            links: false,
            hoisted,
            display: false,
        };
        self.inlines(content, inside, depth + 1)?;
        self.x.end("ext-link")?;
        for inline in after {
            self.inline(inline, IN_PARAGRAPH, depth)?;
        }
        Ok(())
    }

    /// A citation by number, linked to its reference: `[1, 3]`, `[see 1, p. 4]`.
    fn citation(&mut self, cites: &[Cite]) -> io::Result<()> {
        let plain = cites
            .iter()
            .all(|c| c.prefix.is_empty() && c.suffix.is_empty());
        self.x.text("[")?;
        for (i, cite) in cites.iter().enumerate() {
            if i > 0 {
                self.x.text(if plain { ", " } else { "; " })?;
            }
            if !cite.prefix.is_empty() {
                self.x.text(&format!("{} ", cite.prefix))?;
            }
            match self.references.iter().position(|(r, _)| r.id == cite.key) {
                Some(n) => {
                    let id = self.references[n].1.clone();
                    self.x.leaf(
                        "xref",
                        &[("ref-type", "bibr"), ("rid", &id)],
                        &(n + 1).to_string(),
                    )?;
                }
                None => self.x.text(&format!("@{}", cite.key))?,
            }
            if !cite.suffix.is_empty() {
                let space = if cite.suffix.starts_with(',') {
                    ""
                } else {
                    " "
                };
                self.x.text(&format!("{space}{}", cite.suffix))?;
            }
        }
        self.x.text("]")
    }

    /// A formula: MathML with the TeX beside it (JATS4R: math-mode TeX, no delimiters), or the
    /// TeX alone when it cannot be converted.
    fn formula(&mut self, tex: &str, display: bool) -> io::Result<()> {
        let element = if display {
            "disp-formula"
        } else {
            "inline-formula"
        };
        self.x.start(element, &[])?;
        match crate::math::to_mathml(tex, display) {
            Ok(mathml) => {
                self.x.start("alternatives", &[])?;
                self.x
                    .raw(&crate::math::rewrite(&mathml, Some("mml"), None))?;
                self.x.leaf("tex-math", &[], tex)?;
                self.x.end("alternatives")?;
            }
            Err(_) => self.x.leaf("tex-math", &[], tex)?,
        }
        self.x.end(element)
    }

    fn inline_image(&mut self, image: &Image) -> io::Result<()> {
        let attrs = image_attrs(image);
        if image.alt.trim().is_empty() {
            return self.x.empty("inline-graphic", &attrs);
        }
        self.x.start("inline-graphic", &attrs)?;
        self.x.leaf("alt-text", &[], &image.alt)?;
        self.x.end("inline-graphic")
    }

    fn note_ref(&mut self, blocks: &'a [Block]) -> io::Result<()> {
        self.notes.push(blocks);
        let n = self.notes.len().to_string();
        self.x.leaf(
            "xref",
            &[("ref-type", "fn"), ("rid", &format!("fn{n}"))],
            &n,
        )
    }
}

/// The images and notes of a link's content, in order.
fn hoisted_inlines(content: &[Inline], depth: usize) -> Vec<&Inline> {
    let mut out = Vec::new();
    for inline in content {
        match inline {
            Inline::Image(_)
            | Inline::Note { .. }
            | Inline::Math { .. }
            | Inline::Citation { .. } => out.push(inline),
            other if depth < MAX_DEPTH => out.extend(hoisted_inlines(other.children(), depth + 1)),
            _ => {}
        }
    }
    out
}

/// Whether a block writes nothing (no text, image or note).
fn is_blank(block: &Block, depth: usize) -> bool {
    if depth >= MAX_DEPTH {
        return false;
    }
    match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => {
            inlines_blank(content, depth)
        }
        Block::List { items, .. } => items.is_empty(),
        Block::Quote {
            blocks,
            attribution,
        } => blocks.iter().all(|b| is_blank(b, depth + 1)) && inlines_blank(attribution, depth),
        // The label alone says something.
        Block::Callout { .. } => false,
        Block::Code { text, .. } => text.is_empty(),
        Block::Figure { .. } => false,
        Block::Table(t) => {
            t.header.is_empty() && t.rows.is_empty() && inlines_blank(&t.caption, depth)
        }
        Block::Rule => true,
    }
}

/// Whether inlines hold no visible text, image, link or note.
fn inlines_blank(inlines: &[Inline], depth: usize) -> bool {
    depth < MAX_DEPTH
        && inlines.iter().all(|i| match i {
            Inline::Text { text } | Inline::Code { text } => text.trim().is_empty(),
            Inline::LineBreak => true,
            Inline::Image(_)
            | Inline::Link { .. }
            | Inline::Note { .. }
            | Inline::Math { .. }
            | Inline::Citation { .. } => false,
            other => inlines_blank(other.children(), depth + 1),
        })
}

/// Whether a link's text is no description: empty, its address, or an address of its own.
pub(super) fn url_like(text: &str, url: &str) -> bool {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    text.is_empty()
        || text == url.trim()
        || ["http://", "https://", "ftp://", "sftp://"]
            .iter()
            .any(|s| lower.starts_with(s))
}

/// What can be said of a link's target without fetching it: the site it is on, else the
/// address itself.
pub(super) fn url_description(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| url.to_string())
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A lowercase slug of letters and digits (those XML allows in names), other runs as one
/// hyphen, at most 40 bytes.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if out.len() >= 40 {
            break;
        }
        if is_name_letter(c) {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A letter or digit that XML 1.0 (fifth edition) allows anywhere in a name.
fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphanumeric()
            && matches!(c, '\u{c0}'..='\u{2ff}' | '\u{370}'..='\u{1fff}' | '\u{3001}'..='\u{d7ff}' | '\u{f900}'..='\u{fdcf}' | '\u{10000}'..='\u{effff}'))
}

/// Where an image is and what type it is, for `graphic` and `inline-graphic`.
fn image_attrs(image: &Image) -> Vec<(&'static str, &str)> {
    let (mimetype, subtype) = mime_type(&image.src);
    let mut attrs = vec![("xlink:href", image.src.as_str()), ("mimetype", mimetype)];
    attrs.extend(subtype.map(|s| ("mime-subtype", s)));
    attrs.extend(image.title.as_deref().map(|t| ("xlink:title", t)));
    attrs
}

/// The MIME type of an image from its `data:` header or its extension, as JATS splits it:
/// (`image`, `png`). Unknown extensions give `image` alone.
fn mime_type(src: &str) -> (&'static str, Option<&'static str>) {
    let subtype = if let Some(data) = src.strip_prefix("data:") {
        let media = data.split([';', ',']).next().unwrap_or("");
        media
            .strip_prefix("image/")
            .unwrap_or("")
            .to_ascii_lowercase()
    } else {
        let path = src.split(['?', '#']).next().unwrap_or("");
        let file = path.rsplit('/').next().unwrap_or("");
        file.rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default()
    };
    let subtype = match subtype.as_str() {
        "jpg" | "jpeg" => "jpeg",
        "png" => "png",
        "gif" => "gif",
        "svg" | "svg+xml" => "svg+xml",
        "webp" => "webp",
        "tif" | "tiff" => "tiff",
        "bmp" => "bmp",
        "avif" => "avif",
        _ => return ("image", None),
    };
    ("image", Some(subtype))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_names() {
        assert_eq!(slug("Hello, World!"), "hello-world");
        assert_eq!(slug("  1. Intro — Été  "), "1-intro-été");
        assert_eq!(slug("中文 ⓐ ª"), "中文");
        assert_eq!(slug("?!"), "");
        assert_eq!(slug(&"x".repeat(100)).len(), 40);
    }

    #[test]
    fn mime_types_from_extension_or_data_uri() {
        assert_eq!(mime_type("a/b.JPG?x=1"), ("image", Some("jpeg")));
        assert_eq!(
            mime_type("https://x.org/p.svg#frag"),
            ("image", Some("svg+xml"))
        );
        assert_eq!(
            mime_type("data:image/png;base64,AAAA"),
            ("image", Some("png"))
        );
        assert_eq!(mime_type("https://x.org/image"), ("image", None));
        assert_eq!(mime_type("https://x.org.uk/dir/"), ("image", None));
    }

    #[test]
    fn blank_blocks() {
        assert!(is_blank(&Block::para("  \n "), 0));
        assert!(is_blank(&Block::Rule, 0));
        assert!(!is_blank(&Block::para("x"), 0));
        let note_only = Block::Paragraph {
            content: vec![Inline::Note { blocks: vec![] }],
        };
        assert!(!is_blank(&note_only, 0));
    }
}

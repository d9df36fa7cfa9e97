//! The Markdown reader: CommonMark with GFM tables, strikethrough (`~x~` and `~~x~~`), task
//! lists, extended autolinks and alerts (`> [!NOTE]`, a [`Block::Callout`]), footnotes,
//! heading attributes (`{#id}`), code-fence attributes, `^superscript^` and YAML front matter.
//!
//! Decisions where Markdown and the model do not meet one to one:
//! - A paragraph holding only an image is a [`Block::Figure`]; as in pandoc, the image
//!   description is the caption (inlines kept) and, as plain text, the alt text.
//! - A block quote whose last paragraph starts with `— ` (an em dash and a space) gets that
//!   paragraph, minus the dash, as its attribution.
//! - A paragraph right after a table starting with `Table: ` is the table's caption (pandoc's
//!   syntax); a table whose header cells are all empty has no header.
//! - An HTML block is read by the HTML reader's converter, as an HTML fragment is with
//!   `--no-extract`: images, links, tables, `<pre>`, `<details>` become blocks, and scripts,
//!   event handlers and `javascript:` URLs are dropped. Inline tags `<a href>`, `<img>`,
//!   `<br>`, `<em>`/`<i>`, `<strong>`/`<b>`, `<del>`/`<s>`, `<sup>` and `<sub>` become
//!   links, images, breaks and spans; other inline tags are dropped and their text stays.
//! - Footnote definitions are resolved by label wherever they stand and become
//!   [`Inline::Note`]s at each reference; a reference to an undefined note stays as text.
//! - Nesting deeper than [`MAX_DEPTH`] (quotes, lists, emphasis, notes) is flattened into the
//!   enclosing container, with a warning: the text stays, the extra levels go.

mod autolink;
mod front_matter;
mod html;
mod split;

pub use front_matter::metadata_file;

use crate::error::Result;
use crate::format::{Diagnostics, Input, ReadOptions, Reader};
use crate::model::{
    fit, inline_text, merge_in_place, normalize_inlines, normalize_out_of, Align, Article, Block,
    CalloutKind, Cell, Image, Inline, ListItem, Meta, Table,
};
use pulldown_cmark::{
    BlockQuoteKind, BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag,
    TagEnd,
};
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use unicase::UniCase;

/// How many quotes, lists, inline containers and notes may nest before the reader flattens.
pub const MAX_DEPTH: usize = 32;

/// Reads Markdown (see the module documentation).
pub struct MarkdownReader;

impl Reader for MarkdownReader {
    fn name(&self) -> &str {
        "markdown"
    }
    fn extensions(&self) -> &[&str] {
        &["md", "markdown", "mdown", "mkd"]
    }
    fn description(&self) -> &str {
        "CommonMark with GFM tables, footnotes, task lists and YAML front matter"
    }
    fn read(&self, input: Input<'_>, _: &ReadOptions, diag: &mut Diagnostics) -> Result<Article> {
        let (mut text, replaced) = crate::read::text::decode::decode_bytes(input.bytes);
        if replaced {
            diag.warn(crate::read::text::decode::REPLACED_WARNING);
        }
        // CommonMark reads NUL as U+FFFD; pulldown-cmark passes it through.
        if text.contains('\0') {
            text = text.replace('\0', "\u{FFFD}").into();
        }
        parse(text.trim_start_matches('\u{feff}'), diag)
    }
    fn read_file(
        &self,
        bytes: Vec<u8>,
        path: &Path,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article> {
        // Only plain UTF-8 is read as it is; other text is decoded into a copy anyway.
        let text = match String::from_utf8(bytes) {
            Ok(text) if !text.starts_with('\u{feff}') && !text.contains('\0') => text,
            Ok(text) => return self.read(Input::file(text.as_bytes(), path), options, diag),
            Err(e) => return self.read(Input::file(e.as_bytes(), path), options, diag),
        };
        let warned = diag.warnings.len();
        if let Some(article) = parse_owned(text, split::PIECE_BYTES, diag)? {
            return Ok(article);
        }
        // The notes must be gathered first: the text is read again, its warnings told once.
        diag.warnings.truncate(warned);
        let bytes = std::fs::read(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.read(Input::file(&bytes, path), options, diag)
    }
}

/// Parses Markdown text into an article.
pub fn parse(text: &str, diag: &mut Diagnostics) -> Result<Article> {
    parse_in_pieces(text, split::PIECE_BYTES, diag)
}

/// Parses Markdown text, the body read in pieces of `min_piece` bytes or more where it can
/// be cut (see [`split`]); the article is the same for every `min_piece`.
fn parse_in_pieces(text: &str, min_piece: usize, diag: &mut Diagnostics) -> Result<Article> {
    let (meta, body) = front_matter::split(text, diag)?;
    let (pieces, references) = plan(body, min_piece);
    let texts = || pieces.iter().map(|p| Cow::Borrowed(&body[p.clone()]));
    // The document streams into the builder. Notes may be defined after they are cited: a
    // first try expands them once the whole text is read, which holds when every citation
    // becomes a note; else the notes are gathered by a pass of their own first.
    let built = if body.contains("[^") {
        match build_document(texts(), &references, None) {
            Some(built) => built,
            None => {
                let gathered = split_notes(texts(), &references);
                build_document(texts(), &references, Some(gathered)).unwrap_or_default()
            }
        }
    } else {
        build_document(texts(), &references, Some((0, HashMap::new()))).unwrap_or_default()
    };
    Ok(finish(meta, built, diag))
}

/// [`parse`] of a text it owns, each piece of the body dropped once read, so that the input
/// and the whole model are not held at once. `None` when the notes must be gathered first,
/// which takes the text again (see [`parse_in_pieces`]).
fn parse_owned(text: String, min_piece: usize, diag: &mut Diagnostics) -> Result<Option<Article>> {
    let (meta, body) = front_matter::split(&text, diag)?;
    let (pieces, references) = plan(body, min_piece);
    let gathered = (!body.contains("[^")).then(|| (0, HashMap::new()));
    let texts: Vec<String> = pieces.iter().map(|p| body[p.clone()].to_string()).collect();
    drop(text);
    let built = build_document(texts.into_iter().map(Cow::Owned), &references, gathered);
    Ok(built.map(|built| finish(meta, built, diag)))
}

/// The article of what reading the body gave, its problems told.
fn finish(meta: Meta, built: Built, diag: &mut Diagnostics) -> Article {
    let Built {
        blocks,
        mut lost,
        malformed_math,
        flattened,
    } = built;
    lost.sort();
    lost.dedup();
    if !lost.is_empty() {
        diag.warn(format!(
            "raw HTML elements ({}) were left out",
            lost.join(", ")
        ));
    }
    let mut article = Article {
        meta,
        blocks,
        origin: None,
    };
    for key in crate::model::link_citations(&mut article) {
        diag.warn(format!(
            "citation of an unknown reference kept as text: @{key}"
        ));
    }
    for problem in &malformed_math {
        diag.warn(format!("malformed TeX math kept as text: {problem}"));
    }
    if flattened {
        diag.warn(format!(
            "Markdown nested deeper than {MAX_DEPTH} levels was flattened"
        ));
    }
    article
}

/// What reading the body gives besides its blocks.
#[derive(Default)]
struct Built {
    blocks: Vec<Block>,
    /// Raw HTML elements left out, for a warning.
    lost: Vec<String>,
    malformed_math: Vec<String>,
    flattened: bool,
}

/// A citation of a note whose expansion waits for the end of the text.
struct Deferred {
    key: String,
    depth: usize,
    /// How many TeX problems were found before it, to report its own in order.
    math_at: usize,
}

/// Reads the body in one pass, piece after piece. Without `gathered` notes (and the count
/// of the other events), notes are expanded at the end and `None` says that some citation
/// would not have become a note (an unknown label, too deep, over the budget): the caller
/// then gathers them and reads again.
fn build_document<'a, 'p>(
    pieces: impl IntoIterator<Item = Cow<'p, str>>,
    references: &References,
    gathered: Option<(usize, HashMap<String, Note<'a>>)>,
) -> Option<Built> {
    let defer = gathered.is_none();
    let (main_len, notes) = gathered.unwrap_or_default();
    let mut ctx = Context {
        budget: 4 * main_len + 1_000_000,
        notes,
        active: Vec::new(),
        flattened: false,
        malformed_math: Vec::new(),
        needs_events: false,
    };
    let mut lost = Vec::new();
    let mut b = Builder::new(0);
    b.deferred = defer.then(Vec::new);
    let mut main_len = 0;
    // Footnote definitions open: their events go to the notes, the first of a label wins.
    // They are kept past their piece.
    let mut open: Vec<(String, Vec<Event<'static>>)> = Vec::new();
    let mut notes = HashMap::new();
    each_event(pieces, references, |event| match event {
        Event::Start(Tag::FootnoteDefinition(label)) => open.push((label_key(&label), Vec::new())),
        Event::End(TagEnd::FootnoteDefinition) => {
            // Without deferring, the notes were gathered first.
            if let Some((label, body)) = open.pop().filter(|_| defer) {
                if let Entry::Vacant(slot) = notes.entry(label) {
                    slot.insert(Note::read(body));
                }
            }
        }
        event => match open.last_mut() {
            Some((_, body)) => {
                if defer {
                    body.push(event.into_static());
                }
            }
            None => {
                if let Event::Html(s) | Event::InlineHtml(s) = &event {
                    lost.extend(html::lossy_elements(std::iter::once(s.as_ref())));
                }
                main_len += 1;
                b.event(&event, &mut ctx);
            }
        },
    });
    let deferred = b.deferred.take();
    let mut blocks = b.finish();
    if let Some(deferred) = deferred {
        ctx.notes = notes;
        ctx.budget = 4 * main_len + 1_000_000;
        let main_math = std::mem::take(&mut ctx.malformed_math);
        let mut math = Vec::new();
        let mut expanded = Vec::with_capacity(deferred.len());
        // Built notes move into their last citation, unless a note citing notes may still
        // want them.
        let movable = ctx.notes.values().all(|n| matches!(n, Note::Built(_)));
        for d in &deferred {
            if let Some(Note::Built(built)) = ctx.notes.get_mut(&d.key) {
                built.uses += 1;
            }
        }
        for d in &deferred {
            let note = ctx.notes.get_mut(&d.key)?;
            if d.depth >= MAX_DEPTH || ctx.budget < note.len() {
                return None;
            }
            ctx.budget -= note.len();
            let blocks = match note {
                Note::Events(events) => {
                    let events = events.clone();
                    ctx.active.push(d.key.clone());
                    let blocks = build(&events, d.depth + 1, &mut ctx);
                    ctx.active.pop();
                    blocks
                }
                Note::Built(built) => {
                    if !built.fits(d.depth) {
                        return None;
                    }
                    ctx.malformed_math
                        .extend(built.malformed_math.iter().cloned());
                    built.uses -= 1;
                    if movable && built.uses == 0 {
                        std::mem::take(&mut built.blocks)
                    } else {
                        built.blocks.clone()
                    }
                }
            };
            if ctx.needs_events {
                return None;
            }
            expanded.push(Some(blocks));
            math.push(std::mem::take(&mut ctx.malformed_math));
        }
        // The problems in the order they were met: each note's where it was cited.
        let mut main_math = main_math.into_iter();
        let mut taken = 0;
        for (d, problems) in deferred.iter().zip(math) {
            ctx.malformed_math
                .extend(main_math.by_ref().take(d.math_at - taken));
            taken = d.math_at;
            ctx.malformed_math.extend(problems);
        }
        ctx.malformed_math.extend(main_math);
        fill_notes(&mut blocks, &mut expanded);
    }
    Some(Built {
        blocks,
        lost,
        malformed_math: ctx.malformed_math,
        flattened: ctx.flattened,
    })
}

/// The stand-in for the `index`th deferred note until it is expanded.
fn note_placeholder(index: usize) -> Inline {
    Inline::Note {
        blocks: vec![Block::Code {
            language: None,
            attributes: BTreeMap::new(),
            text: index.to_string(),
        }],
    }
}

/// Puts the expanded notes in the place of their stand-ins. Outside notes, every note of
/// the blocks is a stand-in (the notes inside notes were expanded with them); a stand-in
/// may have been dropped with what held it (an image's description).
fn fill_notes(blocks: &mut [Block], expanded: &mut [Option<Vec<Block>>]) {
    let mut stack: Vec<&mut Block> = blocks.iter_mut().collect();
    let mut inlines: Vec<&mut Inline> = Vec::new();
    while let Some(block) = stack.pop() {
        match block {
            Block::Heading { content, .. } | Block::Paragraph { content } => {
                inlines.extend(content.iter_mut())
            }
            Block::List { items, .. } => {
                stack.extend(items.iter_mut().flat_map(|i| i.blocks.iter_mut()))
            }
            Block::Quote {
                blocks,
                attribution,
            } => {
                stack.extend(blocks.iter_mut());
                inlines.extend(attribution.iter_mut());
            }
            Block::Callout { blocks, .. } => stack.extend(blocks.iter_mut()),
            Block::Figure {
                caption, credit, ..
            } => inlines.extend(caption.iter_mut().chain(credit.iter_mut())),
            Block::Table(t) => inlines.extend(
                t.caption
                    .iter_mut()
                    .chain(t.header.iter_mut().flatten())
                    .chain(t.rows.iter_mut().flatten().flatten()),
            ),
            Block::Code { .. } | Block::Rule => {}
        }
        while let Some(inline) = inlines.pop() {
            match inline {
                Inline::Note { blocks } => {
                    let index = match blocks.as_slice() {
                        [Block::Code { text, .. }] => text.parse::<usize>().ok(),
                        _ => None,
                    };
                    if let Some(note) = index.and_then(|i| expanded.get_mut(i)?.take()) {
                        *blocks = note;
                    }
                }
                other => {
                    if let Some(children) = other.children_mut() {
                        inlines.extend(children.iter_mut());
                    }
                }
            }
        }
    }
}

/// Link reference definitions by label, as [`split::references`] gathers them.
type References = HashMap<UniCase<String>, (String, String)>;

/// Where a body is cut ([`split::pieces`]) and the link reference definitions of its pieces,
/// for the links of one that another defines (the whole body is one piece when these cannot
/// be gathered).
fn plan(body: &str, min_piece: usize) -> (Vec<Range<usize>>, References) {
    let mut pieces = split::pieces(body, min_piece);
    let mut references = HashMap::new();
    if pieces.len() > 1 && split::may_define_references(body) {
        match split::references(body, &pieces, options()) {
            Some(found) => references = found,
            // Read whole.
            None => {
                pieces.truncate(1);
                pieces[0] = 0..body.len();
            }
        }
    }
    (pieces, references)
}

/// The events of a body's pieces, autolinks made links, read one after the other: each
/// piece's parser (and its tree) is dropped before the next is made, and so is an owned
/// piece's text.
fn each_event<'p>(
    pieces: impl IntoIterator<Item = Cow<'p, str>>,
    references: &References,
    mut out: impl FnMut(Event<'_>),
) {
    let mut inside = 0;
    for piece in pieces {
        // A reference defined in another piece: pulldown-cmark asks for the links whose
        // label its own piece does not define.
        let elsewhere = |link: BrokenLink<'_>| {
            let (url, title) = references.get(&UniCase::new(link.reference.into_string()))?;
            Some((
                CowStr::from(String::clone(url)),
                CowStr::from(String::clone(title)),
            ))
        };
        let parser = Parser::new_with_broken_link_callback(&piece, options(), Some(elsewhere))
            .into_offset_iter();
        autolink::link_events(&piece, parser, &mut inside, &mut out);
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SUPERSCRIPT
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
}

/// Footnote labels match case-insensitively, whitespace collapsed.
fn label_key(label: &str) -> String {
    // Most labels are already their key: no blanks, no capitals.
    if label
        .bytes()
        .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase())
    {
        return label.to_string();
    }
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The footnote definitions of a document, autolinks made links, by label (the first
/// definition of a label wins), and the number of the other events.
fn split_notes<'p>(
    pieces: impl IntoIterator<Item = Cow<'p, str>>,
    references: &References,
) -> (usize, HashMap<String, Note<'static>>) {
    let mut main = 0;
    let mut notes = HashMap::new();
    let mut open: Vec<(String, Vec<Event<'static>>)> = Vec::new();
    each_event(pieces, references, |event| match event {
        Event::Start(Tag::FootnoteDefinition(label)) => open.push((label_key(&label), Vec::new())),
        Event::End(TagEnd::FootnoteDefinition) => {
            if let Some((label, body)) = open.pop() {
                notes.entry(label).or_insert(Note::Events(body));
            }
        }
        other => match open.last_mut() {
            Some((_, body)) => body.push(other.into_static()),
            None => main += 1,
        },
    });
    (main, notes)
}

/// State shared by the document and the notes expanded into it.
struct Context<'a> {
    notes: HashMap<String, Note<'a>>,
    /// Events that note expansion may still process: a note referenced many times from
    /// notes referenced many times must not blow up.
    budget: usize,
    /// Labels of the notes being expanded, so that a note citing itself stays text.
    active: Vec<String>,
    flattened: bool,
    /// TeX math that could not be read, with the reason, for warnings.
    malformed_math: Vec<String>,
    /// A note built when it was read was cited too deep for its blocks to hold: the
    /// document must be read again with the notes' events.
    needs_events: bool,
}

/// A footnote definition. While a document streams in, a note that cites no note is built
/// as soon as it is read, and its events (which would be held to the end, 4 MB for a 10 MB
/// document) are dropped.
enum Note<'a> {
    Events(Vec<Event<'a>>),
    Built(Box<BuiltNote>),
}

/// A note built at depth 1 from events that hold no citation, so that its blocks are the
/// same at every depth that nests no deeper than [`MAX_DEPTH`].
struct BuiltNote {
    blocks: Vec<Block>,
    /// How many events it was built from, for the expansion budget.
    events: usize,
    /// The deepest nesting reached while building it, before an element opened.
    deepest: usize,
    malformed_math: Vec<String>,
    /// Citations not yet expanded.
    uses: usize,
}

impl BuiltNote {
    /// Whether building it for a citation at `depth` gives these blocks.
    fn fits(&self, depth: usize) -> bool {
        self.deepest + depth < MAX_DEPTH
    }
}

impl<'a> Note<'a> {
    /// The note of a definition's events: built, when it cites no note and nests within
    /// the limit.
    fn read(events: Vec<Event<'a>>) -> Note<'a> {
        if events
            .iter()
            .any(|e| matches!(e, Event::FootnoteReference(_)))
        {
            return Note::Events(events);
        }
        let mut ctx = Context {
            notes: HashMap::new(),
            budget: 0,
            active: Vec::new(),
            flattened: false,
            malformed_math: Vec::new(),
            needs_events: false,
        };
        let mut b = Builder::new(1);
        for event in &events {
            b.event(event, &mut ctx);
        }
        let deepest = b.deepest;
        if ctx.flattened || deepest >= MAX_DEPTH {
            return Note::Events(events);
        }
        Note::Built(Box::new(BuiltNote {
            blocks: b.finish(),
            events: events.len(),
            deepest,
            malformed_math: ctx.malformed_math,
            uses: 0,
        }))
    }

    /// Its size for the expansion budget: the events it is read from.
    fn len(&self) -> usize {
        match self {
            Note::Events(events) => events.len(),
            Note::Built(built) => built.events,
        }
    }
}

/// An open element while the events are read.
struct Frame {
    kind: Kind,
    /// Past the depth limit: the element's content goes to its parent.
    flat: bool,
    /// The inline HTML tag that opened this span (`<sup>`), which its closing tag ends.
    html: Option<&'static str>,
    /// The description of the last image closed in this element: a figure's caption, when
    /// the image stands alone in a paragraph.
    image_description: Option<Vec<Inline>>,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
}

enum Kind {
    Root,
    Quote,
    Callout(CalloutKind),
    List {
        start: Option<u64>,
        loose: bool,
        items: Vec<ListItem>,
    },
    Item {
        task: Option<bool>,
        /// Loose lists wrap item text in paragraphs; tight ones do not.
        has_paragraph: bool,
    },
    Paragraph,
    Heading {
        level: u8,
        id: Option<String>,
    },
    Code {
        language: Option<String>,
        attributes: BTreeMap<String, String>,
        text: String,
    },
    Html {
        text: String,
    },
    Table {
        align: Vec<Align>,
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    },
    Row {
        head: bool,
        cells: Vec<Cell>,
    },
    Cell,
    Span(Span),
    Image {
        src: String,
        title: Option<String>,
    },
    /// An element the model has no place for: its content goes to the parent.
    Other,
}

enum Span {
    Emphasis,
    Strong,
    Strikethrough,
    Superscript,
    Subscript,
    Link { url: String, title: Option<String> },
}

impl Kind {
    fn nests(&self) -> bool {
        matches!(
            self,
            Kind::Quote | Kind::Callout(_) | Kind::List { .. } | Kind::Item { .. } | Kind::Span(_)
        )
    }
}

impl Frame {
    /// A frame whose inlines gather in `inlines`, an empty buffer.
    fn new(kind: Kind, flat: bool, inlines: Vec<Inline>) -> Frame {
        Frame {
            kind,
            flat,
            html: None,
            image_description: None,
            blocks: Vec::new(),
            inlines,
        }
    }

    /// Turns loose inline content (the text of a tight list item) into a paragraph.
    fn flush_inlines(&mut self) {
        if self.inlines.is_empty() {
            return;
        }
        if let Some(block) = paragraph(&mut self.inlines, self.image_description.take()) {
            self.add_block(block);
        }
    }

    fn add_block(&mut self, block: Block) {
        self.flush_inlines();
        if let Some(caption) = table_caption(self.blocks.last(), &block) {
            if let Some(Block::Table(t)) = self.blocks.last_mut() {
                t.caption = caption;
                return;
            }
        }
        self.blocks.push(block);
    }

    /// The blocks of a container, pending text included.
    fn into_blocks(mut self) -> Vec<Block> {
        self.flush_inlines();
        fit(&mut self.blocks);
        self.blocks
    }
}

/// The block of a paragraph's inlines, taken from their buffer: nothing when empty, a figure
/// when it is one image.
fn paragraph(inlines: &mut Vec<Inline>, image_description: Option<Vec<Inline>>) -> Option<Block> {
    let content = line_content(inlines);
    match (content.as_slice(), image_description) {
        ([], _) => None,
        ([Inline::Image(image)], Some(caption)) => Some(Block::Figure {
            image: image.clone(),
            caption,
            credit: Vec::new(),
        }),
        _ => Some(Block::Paragraph { content }),
    }
}

/// The caption a paragraph gives the uncaptioned table before it (`Table: ...`).
fn table_caption(previous: Option<&Block>, block: &Block) -> Option<Vec<Inline>> {
    let (Some(Block::Table(table)), Block::Paragraph { content }) = (previous, block) else {
        return None;
    };
    if !table.caption.is_empty() {
        return None;
    }
    strip_text_prefix(content, "Table:")
}

/// Inlines without a leading word (`Table:`, `—`) and the blanks after it, when they start
/// with that word and hold more.
fn strip_text_prefix(content: &[Inline], prefix: &str) -> Option<Vec<Inline>> {
    let (Inline::Text { text }, rest) = content.split_first()? else {
        return None;
    };
    let after = text.strip_prefix(prefix)?;
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut out = vec![Inline::text(after.trim_start_matches([' ', '\t']))];
    out.extend(rest.iter().cloned());
    Some(normalize_inlines(out)).filter(|c| !c.is_empty())
}

/// Splits a final `— name` paragraph off a quote as its attribution.
fn quote(mut blocks: Vec<Block>) -> Block {
    let attribution = match blocks.last() {
        Some(Block::Paragraph { content }) => strip_text_prefix(content, "—"),
        _ => None,
    };
    if attribution.is_some() {
        blocks.pop();
    }
    fit(&mut blocks);
    Block::Quote {
        blocks,
        attribution: attribution.unwrap_or_default(),
    }
}

/// Builds the blocks of an event sequence (the document or one note) at a nesting depth.
fn build(events: &[Event<'_>], depth: usize, ctx: &mut Context<'_>) -> Vec<Block> {
    let mut b = Builder::new(depth);
    for event in events {
        b.event(event, ctx);
    }
    b.finish()
}

struct Builder {
    /// Open elements; the root is at the bottom and never popped by an event.
    stack: Vec<Frame>,
    /// Empty buffers of closed frames, whose room the next frames gather inlines in: each
    /// element's inlines then move once into a vector of their size.
    spare: Vec<Vec<Inline>>,
    /// Nesting levels open, counting those of the notes this one is inside.
    depth: usize,
    /// The deepest `depth` at which an element opened.
    deepest: usize,
    /// Inside an inline `<script>` or `<style>` (its name): text is dropped until it closes.
    hidden: Option<String>,
    /// Citations of notes to expand at the end (see [`build_document`]), when deferring.
    deferred: Option<Vec<Deferred>>,
}

impl Builder {
    fn new(depth: usize) -> Builder {
        Builder {
            stack: vec![Frame::new(Kind::Root, false, Vec::new())],
            spare: Vec::new(),
            depth,
            deepest: depth,
            hidden: None,
            deferred: None,
        }
    }

    /// The blocks built. The parser balances its events; anything left open is closed all
    /// the same.
    fn finish(mut self) -> Vec<Block> {
        while self.stack.len() > 1 {
            self.close();
        }
        self.stack.pop().map(Frame::into_blocks).unwrap_or_default()
    }

    fn top(&mut self) -> &mut Frame {
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// Adds an inline; text joins the text before it, as normalizing would join them.
    fn push_inline(&mut self, inline: Inline) {
        let inlines = &mut self.top().inlines;
        match (inlines.last_mut(), inline) {
            (Some(Inline::Text { text: prev }), Inline::Text { text }) => prev.push_str(&text),
            (_, inline) => inlines.push(inline),
        }
    }

    /// Adds text, joined to the text before it.
    fn push_text(&mut self, s: &str) {
        let inlines = &mut self.top().inlines;
        match inlines.last_mut() {
            Some(Inline::Text { text }) => text.push_str(s),
            _ => inlines.push(Inline::text(s)),
        }
    }

    fn event(&mut self, event: &Event<'_>, ctx: &mut Context<'_>) {
        if let Some(name) = &self.hidden {
            match event {
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => return,
                Event::InlineHtml(tag) if tag.starts_with("</") && html::tag_name(tag) == *name => {
                    self.hidden = None;
                    return;
                }
                Event::InlineHtml(_) => return,
                // A block boundary ends what inline HTML could hide.
                _ => self.hidden = None,
            }
        }
        match event {
            Event::Start(tag) => self.open(tag, ctx),
            Event::End(_) => self.end(),
            Event::Text(s) => match &mut self.top().kind {
                Kind::Code { text, .. } | Kind::Html { text } => text.push_str(s),
                _ => self.push_text(s),
            },
            Event::Code(s) => self.push_inline(Inline::Code {
                text: s.to_string(),
            }),
            Event::InlineMath(s) => self.math(s, false, ctx),
            Event::DisplayMath(s) => self.math(s, true, ctx),
            Event::Html(s) | Event::InlineHtml(s) => match &mut self.top().kind {
                Kind::Html { text } => text.push_str(s),
                _ => self.inline_html(s, ctx),
            },
            Event::FootnoteReference(label) => {
                let note = self.note(label, ctx);
                self.push_inline(note)
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => self.top().add_block(Block::Rule),
            Event::TaskListMarker(done) => {
                let item = self.stack.iter_mut().rev().find_map(|f| match &mut f.kind {
                    Kind::Item { task, .. } => Some(task),
                    _ => None,
                });
                if let Some(task) = item {
                    *task = Some(*done);
                }
            }
        }
    }

    /// TeX math; malformed TeX stays text as written, with a warning.
    fn math(&mut self, tex: &str, display: bool, ctx: &mut Context<'_>) {
        match crate::math::to_mathml(tex, display) {
            Ok(_) => self.push_inline(Inline::Math {
                tex: tex.to_string(),
                display,
            }),
            Err(e) => {
                let source = crate::write::tex_source(tex, display);
                ctx.malformed_math.push(format!("{source}: {e}"));
                self.push_inline(Inline::text(source));
            }
        }
    }

    /// The note of a label, expanded in place; its label as text when it cannot be.
    fn note(&mut self, label: &str, ctx: &mut Context<'_>) -> Inline {
        let key = label_key(label);
        if let Some(deferred) = &mut self.deferred {
            let index = deferred.len();
            deferred.push(Deferred {
                key,
                depth: self.depth,
                math_at: ctx.malformed_math.len(),
            });
            return note_placeholder(index);
        }
        let Some(note) = ctx.notes.get(&key) else {
            return Inline::text(format!("[^{label}]"));
        };
        if self.depth >= MAX_DEPTH || ctx.active.contains(&key) || ctx.budget < note.len() {
            ctx.flattened |= self.depth >= MAX_DEPTH;
            return Inline::text(format!("[^{label}]"));
        }
        ctx.budget -= note.len();
        let events = match note {
            Note::Built(built) => {
                ctx.needs_events |= !built.fits(self.depth);
                ctx.malformed_math
                    .extend(built.malformed_math.iter().cloned());
                return Inline::Note {
                    blocks: built.blocks.clone(),
                };
            }
            Note::Events(events) => events,
        };
        // Cloning the events is cheap (borrowed strings) and frees `ctx` for the recursion.
        let events = events.clone();
        ctx.active.push(key);
        let blocks = build(&events, self.depth + 1, ctx);
        ctx.active.pop();
        Inline::Note { blocks }
    }

    fn open(&mut self, tag: &Tag<'_>, ctx: &mut Context<'_>) {
        let kind = match tag {
            Tag::Paragraph => {
                if let Kind::Item { has_paragraph, .. } = &mut self.top().kind {
                    *has_paragraph = true;
                }
                Kind::Paragraph
            }
            Tag::Heading { level, id, .. } => Kind::Heading {
                level: *level as u8,
                id: id.as_ref().map(|s| s.to_string()),
            },
            Tag::BlockQuote(None) => Kind::Quote,
            Tag::BlockQuote(Some(kind)) => Kind::Callout(callout_kind(*kind)),
            Tag::CodeBlock(kind) => {
                let (language, attributes) = match kind {
                    CodeBlockKind::Fenced(info) => info_string(info),
                    CodeBlockKind::Indented => (None, BTreeMap::new()),
                };
                Kind::Code {
                    language,
                    attributes,
                    text: String::new(),
                }
            }
            Tag::HtmlBlock => Kind::Html {
                text: String::new(),
            },
            Tag::List(start) => Kind::List {
                start: *start,
                loose: false,
                items: Vec::new(),
            },
            Tag::Item => Kind::Item {
                task: None,
                has_paragraph: false,
            },
            Tag::Table(align) => Kind::Table {
                align: align.iter().map(|a| alignment(*a)).collect(),
                header: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Kind::Row {
                head: true,
                cells: Vec::new(),
            },
            Tag::TableRow => Kind::Row {
                head: false,
                cells: Vec::new(),
            },
            Tag::TableCell => Kind::Cell,
            Tag::Emphasis => Kind::Span(Span::Emphasis),
            Tag::Strong => Kind::Span(Span::Strong),
            Tag::Strikethrough => Kind::Span(Span::Strikethrough),
            Tag::Superscript => Kind::Span(Span::Superscript),
            Tag::Subscript => Kind::Span(Span::Subscript),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => Kind::Span(Span::Link {
                url: match link_type {
                    LinkType::Email if !dest_url.starts_with("mailto:") => {
                        format!("mailto:{dest_url}")
                    }
                    _ => dest_url.to_string(),
                },
                title: link_title(title),
            }),
            Tag::Image {
                dest_url, title, ..
            } => Kind::Image {
                src: dest_url.to_string(),
                title: link_title(title),
            },
            Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => Kind::Other,
        };
        let is_block = !matches!(kind, Kind::Span(_) | Kind::Image { .. } | Kind::Cell);
        if is_block {
            self.top().flush_inlines();
        }
        self.push_frame(kind, ctx);
    }

    fn push_frame(&mut self, kind: Kind, ctx: &mut Context<'_>) -> &mut Frame {
        self.deepest = self.deepest.max(self.depth);
        let flat = match &kind {
            Kind::Other => true,
            // An item goes where its list goes: into the list, or flattened with it.
            Kind::Item { .. } => self.top().flat,
            k => k.nests() && self.depth >= MAX_DEPTH,
        };
        ctx.flattened |= flat && kind.nests();
        if kind.nests() && !flat {
            self.depth += 1;
        }
        let inlines = self.spare.pop().unwrap_or_default();
        self.stack.push(Frame::new(kind, flat, inlines));
        self.top()
    }

    /// Inline HTML: `<br>` is a line break, `<img>` an image, `<a href>`, `<em>`,
    /// `<strong>`, `<del>`, `<sup>`, `<sub>` (and their synonyms) open spans their closing
    /// tags end; other tags are dropped, their text stays. URLs pass the HTML reader's
    /// safety rules.
    fn inline_html(&mut self, tag: &str, ctx: &mut Context<'_>) {
        let name = html::tag_name(tag);
        if tag.starts_with("</") {
            let canonical = match name.as_str() {
                "a" => Some("a"),
                other => html_span(other).map(|(_, canonical)| canonical),
            };
            if canonical.is_some() && self.top().html == canonical {
                self.close();
            }
            return;
        }
        if name == "br" {
            self.push_inline(Inline::LineBreak);
        } else if matches!(name.as_str(), "script" | "style") {
            self.hidden = (!tag.ends_with("/>")).then_some(name);
        } else if name == "img" {
            if let Some(image) = html::image(tag) {
                self.push_inline(Inline::image(image));
            }
        } else if name == "a" {
            // An unsafe or missing `href` leaves the text alone, as an unknown tag does.
            if let Some((url, title)) = html::link(tag) {
                self.push_frame(Kind::Span(Span::Link { url, title }), ctx)
                    .html = Some("a");
            }
        } else if let Some((span, canonical)) = html_span(&name) {
            if !tag.ends_with("/>") {
                self.push_frame(Kind::Span(span), ctx).html = Some(canonical);
            }
        }
    }

    /// Ends the innermost element, for an `End` event (or a closing HTML tag). Spans opened
    /// by inline HTML and never closed end first, flattened: their text stays in place.
    fn end(&mut self) {
        while self.stack.len() > 1 && self.top().html.is_some() {
            self.close_with(true);
        }
        self.close();
    }

    fn close(&mut self) {
        self.close_with(false);
    }

    fn close_with(&mut self, unclosed: bool) {
        if self.stack.len() <= 1 {
            return;
        }
        let Some(mut frame) = self.stack.pop() else {
            return;
        };
        if matches!(
            frame.kind,
            Kind::Quote | Kind::Callout(_) | Kind::List { .. } | Kind::Item { .. } | Kind::Other
        ) {
            frame.flush_inlines();
        }
        if frame.kind.nests() && !frame.flat {
            self.depth -= 1;
        }
        if frame.flat || unclosed {
            let parent = self.top();
            parent.inlines.append(&mut frame.inlines);
            for block in frame.blocks {
                parent.add_block(block);
            }
            self.spare.push(frame.inlines);
            return;
        }
        let Frame {
            kind,
            mut blocks,
            mut inlines,
            image_description,
            ..
        } = frame;
        // A quote fits its blocks once its attribution is off.
        if !matches!(kind, Kind::Quote) {
            fit(&mut blocks);
        }
        match kind {
            Kind::Root | Kind::Other => {}
            Kind::Quote => self.top().add_block(quote(blocks)),
            Kind::Callout(kind) => self.top().add_block(Block::Callout { kind, blocks }),
            Kind::List {
                start,
                loose,
                mut items,
            } => {
                fit(&mut items);
                // Looseness shows only between items or between blocks of an item.
                let single = items.len() <= 1 && items.iter().all(|i| i.blocks.len() <= 1);
                self.top().add_block(Block::List {
                    start,
                    tight: !loose || single,
                    items,
                })
            }
            Kind::Item {
                task,
                has_paragraph,
            } => {
                let item = ListItem { task, blocks };
                if let Kind::List { loose, items, .. } = &mut self.top().kind {
                    *loose |= has_paragraph;
                    items.push(item);
                }
            }
            Kind::Paragraph => {
                if let Some(block) = paragraph(&mut inlines, image_description) {
                    self.top().add_block(block);
                }
            }
            Kind::Heading { level, id } => self.top().add_block(Block::Heading {
                level,
                id,
                content: line_content(&mut inlines),
            }),
            Kind::Code {
                language,
                attributes,
                text,
            } => {
                let text = text.strip_suffix('\n').unwrap_or(&text).to_string();
                self.top().add_block(Block::Code {
                    language,
                    attributes,
                    text,
                });
            }
            Kind::Html { text } => {
                for block in crate::read::html::fragment_blocks(&text, None) {
                    self.top().add_block(block);
                }
            }
            Kind::Table {
                mut align,
                mut header,
                mut rows,
            } => {
                fit(&mut rows);
                while align.last() == Some(&Align::Default) {
                    align.pop();
                }
                if header.iter().all(Vec::is_empty) {
                    header.clear();
                }
                self.top().add_block(Block::Table(Box::new(Table {
                    caption: Vec::new(),
                    align,
                    header,
                    rows,
                })));
            }
            Kind::Row { head, mut cells } => {
                fit(&mut cells);
                if let Kind::Table { header, rows, .. } = &mut self.top().kind {
                    if head {
                        *header = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Kind::Cell => {
                let cell = line_content(&mut inlines);
                if let Kind::Row { cells, .. } = &mut self.top().kind {
                    cells.push(cell);
                }
            }
            Kind::Span(Span::Link { url, title }) => {
                self.push_inline(Inline::link(url, title, normalize_out_of(&mut inlines)))
            }
            Kind::Span(span) => {
                // Blanks at the edges of a span (`<em> a </em>`) stand outside it, as
                // Markdown delimiters would have them.
                let mut content = normalize_out_of(&mut inlines);
                let lead = take_edge_blanks(&mut content, true);
                let trail = take_edge_blanks(&mut content, false);
                let inline = match span {
                    Span::Emphasis => Inline::Emphasis { content },
                    Span::Strong => Inline::Strong { content },
                    Span::Strikethrough => Inline::Strikethrough { content },
                    Span::Superscript => Inline::Superscript { content },
                    Span::Subscript | Span::Link { .. } => Inline::Subscript { content },
                };
                let parent = self.top();
                parent
                    .inlines
                    .extend([Inline::text(lead), inline, Inline::text(trail)]);
            }
            Kind::Image { src, title } => {
                let description = line_content(&mut inlines);
                let image = Image {
                    src,
                    alt: inline_text(&description)
                        .trim_matches([' ', '\t'])
                        .to_string(),
                    title,
                };
                let parent = self.top();
                parent.image_description = Some(description);
                parent.inlines.push(Inline::image(image));
            }
        }
        // What no element took is dropped, as before there were buffers.
        inlines.clear();
        self.spare.push(inlines);
    }
}

/// Normalized inline content of a block, without the spaces and tabs at the edges of its
/// lines: Markdown cannot keep them (four leading spaces start a code block, two trailing
/// ones a line break), and dropped raw HTML can leave them behind.
fn line_content(content: &mut Vec<Inline>) -> Vec<Inline> {
    const EDGE: [char; 2] = [' ', '\t'];
    merge_in_place(content);
    let n = content.len();
    for i in 0..n {
        let line_start = i == 0 || matches!(content[i - 1], Inline::LineBreak);
        let line_end = i + 1 == n || matches!(content[i + 1], Inline::LineBreak);
        if let Inline::Text { text } = &mut content[i] {
            if line_end {
                text.truncate(text.trim_end_matches(EDGE).len());
            }
            if line_start && text.starts_with(EDGE) {
                *text = text.trim_start_matches(EDGE).to_string();
            }
        }
    }
    normalize_out_of(content)
}

/// The span an inline HTML tag name opens, and the canonical name its closing tag must match.
fn html_span(name: &str) -> Option<(Span, &'static str)> {
    Some(match name {
        "em" | "i" => (Span::Emphasis, "em"),
        "strong" | "b" => (Span::Strong, "strong"),
        "del" | "s" | "strike" => (Span::Strikethrough, "del"),
        "sup" => (Span::Superscript, "sup"),
        "sub" => (Span::Subscript, "sub"),
        _ => return None,
    })
}

/// A link or image title, if any; a line break in it is only source layout.
fn link_title(title: &str) -> Option<String> {
    let title = title.replace(['\n', '\r'], " ");
    (!title.is_empty()).then_some(title)
}

/// Removes the spaces and tabs at the start (or end) of inlines and returns them.
fn take_edge_blanks(content: &mut [Inline], start: bool) -> String {
    let edge = if start {
        content.first_mut()
    } else {
        content.last_mut()
    };
    let Some(Inline::Text { text }) = edge else {
        return String::new();
    };
    let kept = if start {
        text.trim_start_matches([' ', '\t'])
    } else {
        text.trim_end_matches([' ', '\t'])
    };
    if kept.len() == text.len() {
        return String::new();
    }
    let blanks = if start {
        text[..text.len() - kept.len()].to_string()
    } else {
        text[kept.len()..].to_string()
    };
    *text = kept.to_string();
    blanks
}

/// The language and other attributes of a fenced code block's info string. The language is
/// the first word (`rust`, `föö`) or, in pandoc's braces (`{.rust}`), the first class; `key="value"`,
/// `key='value'` and `key=value` are attributes, and other words are attributes without a
/// value (`rust ignore`), so that the info string can be written back.
fn info_string(info: &str) -> (Option<String>, BTreeMap<String, String>) {
    let info = info.trim();
    // In pandoc's braces a language is a class (`.rust`); bare words are attributes.
    let braced = info.strip_prefix('{').and_then(|i| i.strip_suffix('}'));
    let inner = braced.unwrap_or(info);
    let mut language = None;
    let mut attributes = BTreeMap::new();
    let mut rest = inner.trim_start();
    let mut first = true;
    while !rest.is_empty() {
        // A word ends at a blank, or at the `=` of an attribute that has a name (a class
        // such as `.a=b` has none).
        let named = !rest.starts_with('.');
        let word_end = rest
            .char_indices()
            .find(|&(i, c)| {
                c.is_whitespace() || (named && c == '=' && i > 0 && !rest[..i].contains('='))
            })
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_end];
        rest = &rest[word_end..];
        if let Some(after) = rest.strip_prefix('=') {
            let (value, after) = attribute_value(after);
            attributes.insert(word.to_string(), value);
            rest = after;
        } else if let Some(class) = word.strip_prefix('.').filter(|_| language.is_none()) {
            language = Some(class.to_string()).filter(|c| !c.is_empty());
        } else if first && braced.is_none() && !word.starts_with('#') {
            language = Some(word.to_string());
        } else if !word.is_empty() {
            attributes.insert(word.to_string(), String::new());
        }
        first = false;
        rest = rest.trim_start();
    }
    (language, attributes)
}

/// A quoted (`"a b"`, `'a b'`) or bare attribute value, and the text after it.
fn attribute_value(text: &str) -> (String, &str) {
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote) {
            return match inner.find(quote) {
                Some(end) => (inner[..end].to_string(), &inner[end + 1..]),
                None => (inner.to_string(), ""),
            };
        }
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (text[..end].to_string(), &text[end..])
}

fn callout_kind(kind: BlockQuoteKind) -> CalloutKind {
    match kind {
        BlockQuoteKind::Note => CalloutKind::Note,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Important => CalloutKind::Important,
        BlockQuoteKind::Warning => CalloutKind::Warning,
        BlockQuoteKind::Caution => CalloutKind::Caution,
    }
}

fn alignment(a: pulldown_cmark::Alignment) -> Align {
    match a {
        pulldown_cmark::Alignment::None => Align::Default,
        pulldown_cmark::Alignment::Left => Align::Left,
        pulldown_cmark::Alignment::Center => Align::Center,
        pulldown_cmark::Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests;

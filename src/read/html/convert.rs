//! Selected HTML to the model: block structure (headings, paragraphs, lists, quotes, code,
//! tables, figures) and inline markup (emphasis, links, images, breaks).

use super::dom::{collapse_ws, Data, Dom, NodeId};
use super::extract::is_data_table;
use super::hints::{is_block, is_permalink};
use super::urls::{image_source, Resolver};
use crate::model::{normalize_inlines, Block, Image, Inline, ListItem, Table};

/// Converts the selected parts of a [`Dom`] to blocks.
pub struct Converter<'a> {
    dom: &'a Dom,
    skip: &'a [bool],
    urls: &'a Resolver,
    /// Whether a node holds a block-level element (then an inline wrapper around it is
    /// dropped rather than kept as markup).
    has_block: Vec<bool>,
    /// The whole page is converted (`--no-extract`): what a figure holds besides its image,
    /// caption and credit follows it rather than being left out.
    whole: bool,
}

/// Blocks being built: finished blocks and the paragraph being filled.
#[derive(Default)]
struct Flow {
    blocks: Vec<Block>,
    para: Vec<Inline>,
}

impl Flow {
    /// Ends the current paragraph. A paragraph of nothing but images becomes figures.
    fn flush(&mut self) {
        let inlines = tidy(std::mem::take(&mut self.para));
        if inlines.is_empty() {
            return;
        }
        let images: Vec<&Image> = inlines.iter().filter_map(lone_image).collect();
        if images.len() == inlines.len() {
            for image in images {
                self.blocks.push(Block::Figure {
                    image: Box::new(image.clone()),
                    caption: Vec::new(),
                    credit: Vec::new(),
                });
            }
        } else {
            self.blocks.push(Block::Paragraph { content: inlines });
        }
    }

    fn push(&mut self, block: Block) {
        self.flush();
        self.blocks.push(block);
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

/// The image of an inline that is only an image (possibly wrapped in a link).
fn lone_image(inline: &Inline) -> Option<&Image> {
    match inline {
        Inline::Image(img) => Some(img),
        Inline::Link(link) if link.content.len() == 1 => lone_image(&link.content[0]),
        _ => None,
    }
}

/// Inline whitespace as a browser renders it: no space at the start or end, none doubled
/// across element boundaries; then adjacent text merged.
pub fn tidy(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut space = true;
    let mut out = collapse_spaces(inlines, &mut space);
    trim_end(&mut out);
    normalize_inlines(out)
}

fn collapse_spaces(inlines: Vec<Inline>, space: &mut bool) -> Vec<Inline> {
    inlines
        .into_iter()
        .map(|mut inline| {
            match &mut inline {
                Inline::Text { text } => {
                    if *space {
                        let cut = text.len() - text.trim_start().len();
                        text.drain(..cut);
                    }
                    if !text.is_empty() {
                        *space = text.ends_with(' ');
                    }
                }
                Inline::LineBreak => *space = true,
                Inline::Image(_) | Inline::Code { .. } | Inline::Note { .. } => *space = false,
                other => {
                    if let Some(children) = other.children_mut() {
                        *children = collapse_spaces(std::mem::take(children), space);
                    }
                }
            }
            inline
        })
        .collect()
}

fn trim_end(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        match last {
            Inline::Text { text } => {
                let t = text.trim_end();
                if t.is_empty() {
                    inlines.pop();
                    continue;
                }
                *text = t.to_string();
            }
            Inline::LineBreak => {
                inlines.pop();
                continue;
            }
            other => {
                if let Some(children) = other.children_mut() {
                    trim_end(children);
                }
            }
        }
        break;
    }
}

fn text_inline(raw: &str) -> Inline {
    let words = raw.trim_matches(char::is_whitespace);
    // Already collapsed (the common case): copied once.
    let mut t = String::with_capacity(raw.len().min(words.len() + 2));
    if raw.len() != words.len() && raw.starts_with(char::is_whitespace) && !words.is_empty() {
        t.push(' ');
    }
    if is_collapsed(words) {
        t.push_str(words);
    } else {
        t.push_str(&collapse_ws(words));
    }
    if raw.ends_with(char::is_whitespace) {
        t.push(' ');
    }
    Inline::text(t)
}

/// Whether text has no whitespace but single spaces between words (none at its ends).
fn is_collapsed(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => after_space = true,
            c if c.is_whitespace() => return false,
            _ => after_space = false,
        }
    }
    !after_space || s.is_empty()
}

fn heading_level(tag: &str) -> Option<u8> {
    match tag {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Characters of the text after an image, beyond its alt text's length, in which the alt
/// text is looked for.
const ALT_REPEAT_WINDOW: usize = 300;

/// Nodes looked at on each side of an image at the most: on a page of pictures without text
/// the window would otherwise reach the page's ends from every picture.
const ALT_REPEAT_NODES: usize = 200;

/// Whether the text around an image in what is kept of the page (a few hundred
/// characters before it or after it, letters and digits compared, case aside) holds its
/// alt text word for word. A headline before it is not looked at: it is the article's
/// title, which a picture under it may name.
fn repeated_nearby(dom: &Dom, skip: &[bool], img: NodeId, alt: &str) -> bool {
    let wanted = words_of(alt);
    if wanted.is_empty() {
        return false;
    }
    let wanted = format!(" {wanted} ");
    let budget = wanted.len() + ALT_REPEAT_WINDOW;
    // Words are made only of text that is kept: most text near a picture may not be.
    let kept_text = |id: NodeId, before: bool| {
        let Data::Text(t) = &dom.nodes[id].data else {
            return None;
        };
        let in_code = dom
            .parent(id)
            .and_then(|p| dom.tag(p))
            .is_some_and(|t| matches!(t, "script" | "style" | "template"));
        if in_code
            || skip[id]
            || dom
                .ancestors(id)
                .any(|a| skip[a] || (before && dom.is(a, "h1")))
        {
            return None;
        }
        Some(words_of(t)).filter(|w| !w.is_empty())
    };
    let window = |ids: &mut dyn Iterator<Item = NodeId>, before: bool| {
        let mut words: Vec<String> = Vec::new();
        let mut len = 0;
        for text in ids.filter_map(|id| kept_text(id, before)) {
            len += text.len() + 1;
            words.push(text);
            if len > budget {
                break;
            }
        }
        if before {
            words.reverse();
        }
        format!(" {} ", words.join(" "))
    };
    let after = img + 1..dom.nodes.len().min(img + 1 + ALT_REPEAT_NODES);
    let before = img.saturating_sub(ALT_REPEAT_NODES)..img;
    window(&mut after.into_iter(), false).contains(&wanted)
        || window(&mut before.rev(), true).contains(&wanted)
}

/// Lowercase letters and digits, each run of anything else one space, trimmed.
fn words_of(text: &str) -> String {
    if text.is_ascii() {
        ascii_words_of(text)
    } else {
        char_words_of(text)
    }
}

/// [`words_of`] by the byte for ASCII (most text): no decoding, no case tables, and
/// nothing allocated for text without a word (the whitespace between elements).
fn ascii_words_of(text: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for b in text.bytes() {
        if !b.is_ascii_alphanumeric() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        } else if out.is_empty() {
            out.reserve(text.len());
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    out
}

fn char_words_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// An image's alternative text; a file name or a file's slug says nothing and is dropped.
pub fn alt_text(alt: &str) -> String {
    let alt = collapse_ws(alt);
    let lower = alt.to_ascii_lowercase();
    let one_word = !alt.contains(' ');
    let file_name = [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    // `0226-lupita-getty-01`: words run together with numbers, as files are named.
    let slug = alt.matches(['-', '_']).count() >= 2 && alt.contains(|c: char| c.is_ascii_digit());
    if one_word && (file_name || slug) {
        String::new()
    } else {
        alt
    }
}

/// Class words that mark the credit of a figure.
const CREDIT_HINTS: &[&str] = &[
    "credit",
    "copyright",
    "attribution",
    "source",
    "photographer",
];

impl<'a> Converter<'a> {
    /// A converter of a page's nodes, leaving out those `skip` marks, with links resolved by `urls`.
    pub fn new(dom: &'a Dom, skip: &'a [bool], urls: &'a Resolver) -> Converter<'a> {
        let mut has_block = vec![false; dom.nodes.len()];
        for id in dom.all().rev() {
            if skip[id] {
                continue;
            }
            let own = dom
                .tag(id)
                .is_some_and(|t| is_block(t) && t != "html" && t != "body");
            if let Some(p) = dom.parent(id) {
                if own || has_block[id] {
                    has_block[p] = true;
                }
            }
        }
        Converter {
            dom,
            skip,
            urls,
            has_block,
            whole: false,
        }
    }

    /// Converts the whole page (`--no-extract`): nothing of a figure is left out.
    pub fn whole_page(mut self) -> Self {
        self.whole = true;
        self
    }

    /// The blocks of the given subtrees, in order.
    pub fn blocks(&self, roots: &[NodeId]) -> Vec<Block> {
        let mut flow = Flow::default();
        for &r in roots {
            self.flow(r, &mut flow);
        }
        flow.finish()
    }

    fn children_blocks(&self, id: NodeId) -> Vec<Block> {
        let mut flow = Flow::default();
        self.flow_children(id, &mut flow);
        flow.finish()
    }

    fn flow_children(&self, id: NodeId, flow: &mut Flow) {
        for &c in self.dom.children(id) {
            self.flow(c, flow);
        }
    }

    fn flow(&self, id: NodeId, flow: &mut Flow) {
        if self.skip[id] {
            return;
        }
        let tag = match &self.dom.nodes[id].data {
            Data::Text(t) => {
                flow.para.push(text_inline(t));
                return;
            }
            Data::Document => return self.flow_children(id, flow),
            Data::Element { tag, .. } => &**tag,
        };
        if let Some(level) = heading_level(tag) {
            let content = tidy(self.inline_children(id));
            if !content.is_empty() {
                flow.push(Block::Heading {
                    level,
                    id: self.dom.attr(id, "id").map(str::to_string),
                    content,
                });
            }
            return;
        }
        match tag {
            "br" => {
                if matches!(flow.para.last(), Some(Inline::LineBreak)) {
                    flow.para.pop();
                    flow.flush();
                } else {
                    flow.para.push(Inline::LineBreak);
                }
            }
            "hr" => flow.push(Block::Rule),
            "ul" | "ol" | "menu" | "dir" => {
                let list = self.list(id, tag == "ol");
                flow.flush();
                flow.blocks.extend(list);
            }
            "dl" => {
                flow.flush();
                for &c in self.dom.children(id) {
                    if self.skip[c] {
                        continue;
                    }
                    if self.dom.is(c, "dt") {
                        let content = tidy(self.inline_children(c));
                        if !content.is_empty() {
                            flow.push(Block::Paragraph {
                                content: vec![Inline::Strong { content }],
                            });
                        }
                    } else {
                        self.flow(c, flow);
                        flow.flush();
                    }
                }
            }
            "blockquote" => {
                let blocks = self.children_blocks(id);
                if !blocks.is_empty() {
                    flow.push(Block::Quote {
                        blocks,
                        attribution: Vec::new(),
                    });
                }
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                let text = self.raw_text(id);
                if !text.trim().is_empty() {
                    flow.push(Block::Code {
                        language: self.code_language(id),
                        attributes: Default::default(),
                        text,
                    });
                }
            }
            "table" if is_data_table(self.dom, id) => {
                let table = self.table(id);
                if !table.rows.is_empty() || !table.header.is_empty() {
                    flow.push(Block::Table(Box::new(table)));
                }
            }
            "figure" => self.figure(id, flow),
            "figcaption" if tidy(flow.para.clone()).is_empty() => {
                let content = tidy(self.inline_children(id));
                match flow.blocks.last_mut() {
                    // A caption placed just after its figure instead of inside it.
                    Some(Block::Figure { caption, .. }) if caption.is_empty() => *caption = content,
                    _ if content.is_empty() => {}
                    _ => flow.push(Block::Paragraph { content }),
                }
            }
            t if is_block(t) => {
                flow.flush();
                self.flow_children(id, flow);
                flow.flush();
            }
            _ if self.has_block[id] => self.flow_children(id, flow),
            _ => {
                let inlines = self.inline(id);
                flow.para.extend(inlines);
            }
        }
    }

    fn list(&self, id: NodeId, ordered: bool) -> Vec<Block> {
        let mut items: Vec<ListItem> = Vec::new();
        let mut loose = Flow::default();
        for &c in self.dom.children(id) {
            if self.skip[c] {
                continue;
            }
            if self.dom.is(c, "li") {
                let blocks = self.children_blocks(c);
                if !blocks.is_empty() {
                    items.push(ListItem { task: None, blocks });
                }
            } else {
                self.flow(c, &mut loose);
            }
        }
        let stray = loose.finish();
        if items.is_empty() {
            return stray;
        }
        if !stray.is_empty() {
            items.push(ListItem {
                task: None,
                blocks: stray,
            });
        }
        let start = ordered.then(|| {
            self.dom
                .attr(id, "start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1)
        });
        vec![Block::List {
            start,
            tight: true,
            items,
        }]
    }

    fn figure(&self, id: NodeId, flow: &mut Flow) {
        let visible = |d: &NodeId| {
            !self.skip[*d]
                && !self
                    .dom
                    .ancestors(*d)
                    .take_while(|&a| a != id)
                    .any(|a| self.skip[a])
        };
        let img = self
            .dom
            .descendants(id)
            .filter(visible)
            .find(|&d| self.dom.is(d, "img"));
        let Some(image) = img.and_then(|i| self.image(i)) else {
            flow.flush();
            self.flow_children(id, flow);
            flow.flush();
            return;
        };
        let caption_el = self
            .dom
            .descendants(id)
            .filter(visible)
            .find(|&d| self.dom.is(d, "figcaption"));
        let credit_el = self.dom.descendants(id).filter(visible).find(|&d| {
            let c = self.dom.class_and_id(d);
            CREDIT_HINTS.iter().any(|h| c.contains(h))
        });
        let credit = credit_el
            .map(|c| tidy(self.inline_children(c)))
            .unwrap_or_default();
        let caption = caption_el
            .map(|c| tidy(self.inline_children_except(c, credit_el)))
            .unwrap_or_default();
        flow.push(Block::Figure {
            image: Box::new(image),
            caption,
            credit,
        });
        if self.whole {
            // The rest of the figure (more images, a heading, a label, a credit of no known
            // class) follows it.
            let mut rest = self.skip.to_vec();
            for el in [img, caption_el, credit_el].into_iter().flatten() {
                rest[el] = true;
            }
            let others = Converter::new(self.dom, &rest, self.urls)
                .whole_page()
                .children_blocks(id);
            for block in others {
                flow.push(block);
            }
        }
    }

    fn image(&self, img: NodeId) -> Option<Image> {
        let src = image_source(self.dom, img).and_then(|s| self.urls.resolve_image(&s))?;
        // An image hidden from assistive technology is decoration or a rendering of
        // content given elsewhere (a formula's markup): its alt text is not read.
        let alt = match self.dom.attr(img, "aria-hidden") {
            Some("true") => String::new(),
            _ => alt_text(self.dom.attr(img, "alt").unwrap_or("")),
        };
        // Alt text that the text beside the image repeats (a card's picture named by the
        // card's title) is said already: the image is decoration there, as HTML has it.
        let alt = if repeated_nearby(self.dom, self.skip, img, &alt) {
            String::new()
        } else {
            alt
        };
        Some(Image {
            src,
            alt,
            title: self
                .dom
                .attr(img, "title")
                .map(collapse_ws)
                .filter(|t| !t.is_empty()),
        })
    }

    fn inline_children(&self, id: NodeId) -> Vec<Inline> {
        self.inline_children_except(id, None)
    }

    fn inline_children_except(&self, id: NodeId, except: Option<NodeId>) -> Vec<Inline> {
        let mut out = Vec::new();
        for &c in self.dom.children(id) {
            if Some(c) != except {
                out.extend(self.inline_except(c, except));
            }
        }
        out
    }

    fn inline(&self, id: NodeId) -> Vec<Inline> {
        self.inline_except(id, None)
    }

    /// The inlines of a node in inline context (block elements inside give their text,
    /// separated by spaces).
    fn inline_except(&self, id: NodeId, except: Option<NodeId>) -> Vec<Inline> {
        if self.skip[id] || Some(id) == except {
            return Vec::new();
        }
        let tag = match &self.dom.nodes[id].data {
            Data::Text(t) => return vec![text_inline(t)],
            Data::Document => return Vec::new(),
            Data::Element { tag, .. } => &**tag,
        };
        let children = || self.inline_children_except(id, except);
        let one = |i: Inline| vec![i];
        match tag {
            "em" | "i" | "cite" | "dfn" | "var" => one(Inline::Emphasis {
                content: children(),
            }),
            "strong" | "b" => one(Inline::Strong {
                content: children(),
            }),
            "s" | "strike" | "del" => one(Inline::Strikethrough {
                content: children(),
            }),
            "sup" => one(Inline::Superscript {
                content: children(),
            }),
            "sub" => one(Inline::Subscript {
                content: children(),
            }),
            "code" | "kbd" | "samp" | "tt" => {
                let text = collapse_ws(&self.raw_text(id));
                if text.is_empty() {
                    Vec::new()
                } else {
                    one(Inline::Code { text })
                }
            }
            "br" => one(Inline::LineBreak),
            "img" => self.image(id).map(Inline::image).into_iter().collect(),
            "a" if is_permalink(self.dom, id) => Vec::new(),
            "a" => {
                let url = self.dom.attr(id, "href").and_then(|h| self.urls.resolve(h));
                match url {
                    Some(url) => one(Inline::link(
                        url,
                        self.dom
                            .attr(id, "title")
                            .map(collapse_ws)
                            .filter(|t| !t.is_empty()),
                        children(),
                    )),
                    None => children(),
                }
            }
            // A form control's text (kept by `--no-extract`) stands apart, as on screen.
            t if is_block(t) || matches!(t, "button" | "option" | "select" | "textarea") => {
                let mut out = vec![Inline::text(" ")];
                out.extend(children());
                out.push(Inline::text(" "));
                out
            }
            _ => children(),
        }
    }

    /// Text as written, for preformatted blocks: `<br>` is a newline, one leading newline
    /// dropped, trailing whitespace trimmed.
    fn raw_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.dom.descendants(id) {
            if self.skip[d]
                || self
                    .dom
                    .ancestors(d)
                    .take_while(|&a| a != id)
                    .any(|a| self.skip[a])
            {
                continue;
            }
            match &self.dom.nodes[d].data {
                Data::Text(t) => out.push_str(t),
                Data::Element { tag, .. } if &**tag == "br" => out.push('\n'),
                _ => {}
            }
        }
        let out = out.strip_prefix('\n').unwrap_or(&out);
        out.trim_end().to_string()
    }

    fn code_language(&self, pre: NodeId) -> Option<String> {
        let code = self
            .dom
            .children(pre)
            .iter()
            .copied()
            .find(|&c| self.dom.is(c, "code"));
        [Some(pre), code].into_iter().flatten().find_map(|id| {
            if let Some(l) = self
                .dom
                .attr(id, "data-lang")
                .or_else(|| self.dom.attr(id, "data-language"))
            {
                return Some(l.trim().to_string()).filter(|l| !l.is_empty());
            }
            self.dom
                .attr(id, "class")?
                .split_whitespace()
                .find_map(|c| {
                    c.strip_prefix("language-")
                        .or_else(|| c.strip_prefix("lang-"))
                        .map(str::to_string)
                })
        })
    }

    fn table(&self, id: NodeId) -> Table {
        let mut table = Table::default();
        let mut rows: Vec<(bool, Vec<Vec<Inline>>)> = Vec::new();
        for d in self.dom.descendants(id) {
            let own = self.dom.ancestors(d).find(|&a| self.dom.is(a, "table")) == Some(id);
            if !own || self.skip[d] {
                continue;
            }
            match self.dom.tag(d) {
                Some("caption") => table.caption = tidy(self.cell(d)),
                Some("tr") => {
                    let cells: Vec<NodeId> = self
                        .dom
                        .children(d)
                        .iter()
                        .copied()
                        .filter(|&c| !self.skip[c] && matches!(self.dom.tag(c), Some("td" | "th")))
                        .collect();
                    let in_head = self.dom.parent(d).is_some_and(|p| self.dom.is(p, "thead"));
                    let all_th = !cells.is_empty() && cells.iter().all(|&c| self.dom.is(c, "th"));
                    rows.push((
                        in_head || all_th,
                        cells.iter().map(|&c| tidy(self.cell(c))).collect(),
                    ));
                }
                _ => {}
            }
        }
        let mut rows = rows.into_iter().peekable();
        if let Some((true, _)) = rows.peek() {
            table.header = rows.next().map(|(_, r)| r).unwrap_or_default();
        }
        table.rows = rows.map(|(_, r)| r).filter(|r| !r.is_empty()).collect();
        table
    }

    fn cell(&self, id: NodeId) -> Vec<Inline> {
        if !self.has_block[id] {
            return self.inline_children(id);
        }
        let mut out = Vec::new();
        for block in self.children_blocks(id) {
            if !out.is_empty() {
                out.push(Inline::text(" "));
            }
            match block {
                Block::Paragraph { content } | Block::Heading { content, .. } => {
                    out.extend(content)
                }
                Block::Figure { image, .. } => out.push(Inline::Image(image)),
                other => out.push(Inline::text(crate::model::words_joined(&[other]))),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Text as it was made before text that needs no collapsing was copied once.
        #[test]
        fn text_inlines_are_collapsed_as_before(raw in "[ a\\t\\n\\u{a0}é\\u{2003}b]{0,12}") {
            let mut t = collapse_ws(&raw);
            if raw.starts_with(char::is_whitespace) && !t.is_empty() {
                t.insert(0, ' ');
            }
            if raw.ends_with(char::is_whitespace) {
                t.push(' ');
            }
            proptest::prop_assert_eq!(text_inline(&raw), Inline::text(t));
        }

        #[test]
        fn ascii_words_are_the_words_of_any_text(raw in "[ aZ9\t\n.,'-]{0,16}") {
            proptest::prop_assert_eq!(ascii_words_of(&raw), char_words_of(&raw));
        }
    }

    fn convert(html: &str) -> Vec<Block> {
        let dom = Dom::parse(html);
        let skip = super::super::extract::never_content(&dom);
        let urls = Resolver::for_page(&dom, Some("http://e.org/a/"), None);
        Converter::new(&dom, &skip, &urls).blocks(&[0])
    }

    #[test]
    fn paragraphs_and_inline_markup() {
        let b = convert("<p>Hello <em>big</em>\n <a href='x.html' onclick='evil()'>world</a> </p><div>loose <b>text</b></div>");
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0],
            Block::Paragraph {
                content: vec![
                    Inline::text("Hello "),
                    Inline::Emphasis {
                        content: vec![Inline::text("big")]
                    },
                    Inline::text(" "),
                    Inline::link("http://e.org/a/x.html", None, vec![Inline::text("world")]),
                ]
            }
        );
        assert_eq!(crate::model::inline_text(b[1].inlines()), "loose text");
    }

    #[test]
    fn heading_permalinks_are_left_out() {
        let b = convert(
            "<h2>Setup<a class='headerlink' href='#setup'>¶</a></h2>\
             <p>See <a href='#setup'>Setup</a> <a href='#x'>#</a></p>",
        );
        assert_eq!(
            b[0],
            Block::Heading {
                level: 2,
                id: None,
                content: vec![Inline::text("Setup")]
            }
        );
        let Block::Paragraph { content } = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!(content.len(), 2, "{content:?}");
        assert!(matches!(&content[1], Inline::Link(link) if link.url == "#setup"));
    }

    #[test]
    fn structure() {
        let b = convert("<h2>Head</h2><ul><li>one</li><li><p>two</p></li></ul><ol start=3><li>x</li></ol><blockquote><p>q</p></blockquote><pre class='language-rust'>fn x() {}\n</pre><hr>");
        assert!(matches!(&b[0], Block::Heading { level: 2, .. }));
        assert!(matches!(&b[1], Block::List { start: None, items, .. } if items.len() == 2));
        assert!(matches!(&b[2], Block::List { start: Some(3), .. }));
        assert!(matches!(&b[3], Block::Quote { .. }));
        assert_eq!(
            b[4],
            Block::Code {
                language: Some("rust".into()),
                attributes: Default::default(),
                text: "fn x() {}".into()
            }
        );
        assert_eq!(b[5], Block::Rule);
    }

    #[test]
    fn stray_caption_joins_the_figure_before_it() {
        let b = convert("<div><figure><img src='a.jpg' alt='A'></figure> <figcaption>A dug hole.</figcaption></div><p>Text after.</p>");
        assert_eq!(b.len(), 2);
        assert!(
            matches!(&b[0], Block::Figure { caption, .. } if caption == &vec![Inline::text("A dug hole.")])
        );
        let b = convert("<p>Some text.</p><figcaption>Lone caption.</figcaption>");
        assert_eq!(
            b,
            vec![Block::para("Some text."), Block::para("Lone caption.")]
        );
    }

    #[test]
    fn figures_with_caption_and_credit() {
        let b = convert("<figure><img data-src='p.jpg' alt='A'><figcaption>A cat. <span class='credit'>Photo: Bo</span></figcaption></figure><p><img src='/i.png'></p>");
        match &b[0] {
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                assert_eq!(image.src, "http://e.org/a/p.jpg");
                assert_eq!(crate::model::inline_text(caption), "A cat.");
                assert_eq!(crate::model::inline_text(credit), "Photo: Bo");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&b[1], Block::Figure { image, .. } if image.src == "http://e.org/i.png"));
    }

    #[test]
    fn file_names_are_no_alt_text() {
        assert_eq!(alt_text("IMG_3886.JPG"), "");
        assert_eq!(alt_text("0226-harbour-wall-getty-02"), "");
        assert_eq!(alt_text("wide_shot_2"), "");
        assert_eq!(alt_text("Self-portrait"), "Self-portrait");
        assert_eq!(alt_text("2020-21"), "2020-21");
        assert_eq!(
            alt_text("The 2020-21 season - final"),
            "The 2020-21 season - final"
        );
        assert_eq!(alt_text(" A  cat "), "A cat");
    }

    #[test]
    fn hidden_images_keep_no_alt_text() {
        let b = convert(
            "<p>Let <img src=f.png alt='{x^2}' aria-hidden=true> be even, \
             <img src=g.png alt='a cat'>.</p>",
        );
        let alts: Vec<&str> = b[0]
            .inlines()
            .iter()
            .filter_map(|i| match i {
                Inline::Image(img) => Some(img.alt.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(alts, ["", "a cat"]);
    }

    #[test]
    fn alt_text_that_the_text_beside_repeats_is_dropped() {
        let alts = |html: &str| -> Vec<String> {
            let dom = Dom::parse(html);
            let mut skip = super::super::extract::never_content(&dom);
            // What extraction left out says nothing: its text repeats no alt text.
            for id in dom.all().filter(|&i| dom.attr(i, "class") == Some("gone")) {
                skip[id] = true;
            }
            let urls = Resolver::for_page(&dom, Some("http://e.org/a/"), None);
            let blocks = Converter::new(&dom, &skip, &urls).blocks(&[0]);
            let json = serde_json::to_value(&blocks).unwrap();
            fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
                match v {
                    serde_json::Value::Object(m) => {
                        if m.contains_key("src") {
                            let alt = m.get("alt").and_then(|a| a.as_str());
                            out.push(alt.unwrap_or_default().to_string());
                        }
                        m.values().for_each(|x| collect(x, out));
                    }
                    serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
                    _ => {}
                }
            }
            let mut out = Vec::new();
            collect(&json, &mut out);
            out
        };
        // A card whose picture is named by its title, in other case and punctuation.
        assert_eq!(
            alts("<div><img src=a.jpg alt=\"Oak desk, 47 1/4\"\"><h3><a href=/d>OAK DESK 47 1/4</a></h3><p>$99</p></div>"),
            [""]
        );
        // Or by the title above it; the article's headline is its title, which a picture
        // under it may well name.
        assert_eq!(
            alts("<div><h3>Oak desk</h3><img src=a.jpg alt=\"Oak desk\"><p>$99</p></div>"),
            [""]
        );
        assert_eq!(
            alts("<h1>Oak desk</h1><img src=a.jpg alt=\"Oak desk\"><p>Made to last.</p>"),
            ["Oak desk"]
        );
        // A picture described in words of its own, or named only in words left out.
        assert_eq!(
            alts("<div><img src=a.jpg alt=\"A cat asleep\"><p>The cat slept all day.</p></div>"),
            ["A cat asleep"]
        );
        assert_eq!(
            alts("<div><img src=a.jpg alt=\"Oak desk\"><p class=gone>Oak desk</p><p>$99</p></div>"),
            ["Oak desk"]
        );
        // Only the text near it counts, and only whole words.
        let far = format!("<p>{}</p>", "Other words. ".repeat(40));
        assert_eq!(
            alts(&format!(
                "<div><img src=a.jpg alt=\"Oak desk\">{far}<p>Oak desk</p></div>"
            )),
            ["Oak desk"]
        );
        assert_eq!(
            alts("<div><img src=a.jpg alt=\"Oak desk\"><p>Oak desks</p></div>"),
            ["Oak desk"]
        );
    }

    #[test]
    fn tables_and_sanitizing() {
        let b = convert("<table><thead><tr><th>a</th><th>b</th></tr></thead><tr><td>1</td><td><p>2</p></td></tr></table><script>x</script><a href='javascript:x()'>js</a><iframe src=x></iframe>");
        match &b[0] {
            Block::Table(t) => {
                assert_eq!(t.header.len(), 2);
                assert_eq!(crate::model::inline_text(&t.rows[0][1]), "2");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(b[1], Block::para("js"));
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn double_breaks_split_paragraphs() {
        let b = convert("<div>one<br>two<br><br>three</div>");
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[0],
            Block::Paragraph {
                content: vec![Inline::text("one"), Inline::LineBreak, Inline::text("two")]
            }
        );
    }
}

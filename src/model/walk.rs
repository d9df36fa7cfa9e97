//! Walking the tree: a visitor with default recursion, and text extraction.

use super::{Block, Image, Inline};

/// Visits blocks and inlines in document order. Override a method to act on a node, and call
/// the matching `walk_*` function from it to keep descending.
///
/// ```
/// use folio::model::{walk_blocks, Block, Inline, Visitor};
/// struct Words(usize);
/// impl Visitor for Words {
///     fn visit_inline(&mut self, inline: &Inline) {
///         if let Inline::Text { text } = inline {
///             self.0 += text.split_whitespace().count();
///         }
///         folio::model::walk_inline(self, inline);
///     }
/// }
/// let mut w = Words(0);
/// walk_blocks(&mut w, &[Block::heading(1, "Two words"), Block::para("and three more")]);
/// assert_eq!(w.0, 5);
/// ```
pub trait Visitor {
    /// Called for each block; call [`walk_block`] to go on into its children.
    fn visit_block(&mut self, block: &Block) {
        walk_block(self, block);
    }
    /// Called for each inline; call [`walk_inline`] to go on into its children.
    fn visit_inline(&mut self, inline: &Inline) {
        walk_inline(self, inline);
    }
}

/// Visits each block of a sequence.
pub fn walk_blocks<V: Visitor + ?Sized>(v: &mut V, blocks: &[Block]) {
    for b in blocks {
        v.visit_block(b);
    }
}

/// Visits the children of a block: inlines, nested blocks, captions, cells.
pub fn walk_block<V: Visitor + ?Sized>(v: &mut V, block: &Block) {
    let inlines = |v: &mut V, xs: &[Inline]| xs.iter().for_each(|i| v.visit_inline(i));
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content } => inlines(v, content),
        Block::List { items, .. } => items.iter().for_each(|i| walk_blocks(v, &i.blocks)),
        Block::Callout { blocks, .. } => walk_blocks(v, blocks),
        Block::Quote {
            blocks,
            attribution,
        } => {
            walk_blocks(v, blocks);
            inlines(v, attribution);
        }
        Block::Figure {
            caption, credit, ..
        } => {
            inlines(v, caption);
            inlines(v, credit);
        }
        Block::Table(t) => {
            inlines(v, &t.caption);
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                inlines(v, cell);
            }
        }
        Block::Code { .. } | Block::Rule => {}
    }
}

/// Visits the children of an inline, including the blocks of a note.
pub fn walk_inline<V: Visitor + ?Sized>(v: &mut V, inline: &Inline) {
    match inline {
        Inline::Note { blocks } => walk_blocks(v, blocks),
        other => other.children().iter().for_each(|i| v.visit_inline(i)),
    }
}

/// The text of inlines without markup: line breaks become spaces, notes are left out,
/// images give their alt text.
///
/// ```
/// use folio::model::{inline_text, Inline};
/// let xs = vec![Inline::text("a "), Inline::Strong { content: vec![Inline::text("b")] }];
/// assert_eq!(inline_text(&xs), "a b");
/// ```
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(&mut out, inlines);
    out
}

fn push_inline_text(out: &mut String, inlines: &[Inline]) {
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Image(img) => out.push_str(&img.alt),
            Inline::LineBreak => out.push(' '),
            Inline::Note { .. } => {}
            other => push_inline_text(out, other.children()),
        }
    }
}

/// Every word of the visible text of blocks, notes and captions included, in order.
/// Used to check that a conversion loses nothing.
pub fn words(blocks: &[Block]) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(blocks, |w| words.push(w.to_string()));
    words
}

/// The words of [`words`] joined by single spaces, without a string per word.
pub fn words_joined(blocks: &[Block]) -> String {
    let mut out = String::new();
    for_each_word(blocks, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Calls `f` with each word of [`words`], in order.
pub fn for_each_word(blocks: &[Block], mut f: impl FnMut(&str)) {
    for_each_word_while(blocks, |w| {
        f(w);
        true
    });
}

/// Calls `f` with each word of [`words`], in order, until it returns `false`: the rest of
/// the text is not split into words.
pub(crate) fn for_each_word_while(blocks: &[Block], f: impl FnMut(&str) -> bool) {
    struct Each<F> {
        f: F,
        going: bool,
    }
    impl<F: FnMut(&str) -> bool> Each<F> {
        fn all(&mut self, text: &str) {
            if self.going {
                self.going = text.split_whitespace().all(&mut self.f);
            }
        }
    }
    impl<F: FnMut(&str) -> bool> Visitor for Each<F> {
        fn visit_block(&mut self, block: &Block) {
            if let Block::Code { text, .. } = block {
                self.all(text);
            }
            if let Block::Figure { image, .. } = block {
                self.all(&image.alt);
            }
            walk_block(self, block);
        }
        fn visit_inline(&mut self, inline: &Inline) {
            match inline {
                Inline::Text { text } | Inline::Code { text } => self.all(text),
                Inline::Image(img) => self.all(&img.alt),
                _ => {}
            }
            walk_inline(self, inline);
        }
    }
    walk_blocks(&mut Each { f, going: true }, blocks);
}

/// Every image of blocks (figures and inline images, in notes and tables too), in order;
/// walked without recursion, since bodies may nest deeply.
pub fn images(blocks: &[Block]) -> Vec<&Image> {
    enum Node<'a> {
        B(&'a Block),
        I(&'a Inline),
    }
    let mut out = Vec::new();
    let mut stack: Vec<Node> = blocks.iter().rev().map(Node::B).collect();
    while let Some(node) = stack.pop() {
        match node {
            Node::B(b) => match b {
                Block::Heading { content, .. } | Block::Paragraph { content } => {
                    stack.extend(content.iter().rev().map(Node::I));
                }
                Block::List { items, .. } => {
                    for item in items.iter().rev() {
                        stack.extend(item.blocks.iter().rev().map(Node::B));
                    }
                }
                Block::Quote {
                    blocks,
                    attribution,
                } => {
                    stack.extend(attribution.iter().rev().map(Node::I));
                    stack.extend(blocks.iter().rev().map(Node::B));
                }
                Block::Callout { blocks, .. } => stack.extend(blocks.iter().rev().map(Node::B)),
                Block::Figure {
                    image,
                    caption,
                    credit,
                } => {
                    stack.extend(credit.iter().rev().map(Node::I));
                    stack.extend(caption.iter().rev().map(Node::I));
                    out.push(image.as_ref());
                }
                Block::Table(t) => {
                    for cell in t.header.iter().chain(t.rows.iter().flatten()).rev() {
                        stack.extend(cell.iter().rev().map(Node::I));
                    }
                    stack.extend(t.caption.iter().rev().map(Node::I));
                }
                Block::Code { .. } | Block::Rule => {}
            },
            Node::I(Inline::Image(image)) => out.push(image),
            Node::I(Inline::Note { blocks }) => stack.extend(blocks.iter().rev().map(Node::B)),
            Node::I(i) => stack.extend(i.children().iter().rev().map(Node::I)),
        }
    }
    out
}

/// The images of [`images`], to change them (an MHTML file's become `data:` URIs).
pub fn images_mut(blocks: &mut [Block]) -> Vec<&mut Image> {
    enum Node<'a> {
        B(&'a mut Block),
        I(&'a mut Inline),
    }
    let mut out = Vec::new();
    let mut stack: Vec<Node> = blocks.iter_mut().rev().map(Node::B).collect();
    while let Some(node) = stack.pop() {
        match node {
            Node::B(b) => match b {
                Block::Heading { content, .. } | Block::Paragraph { content } => {
                    stack.extend(content.iter_mut().rev().map(Node::I));
                }
                Block::List { items, .. } => {
                    for item in items.iter_mut().rev() {
                        stack.extend(item.blocks.iter_mut().rev().map(Node::B));
                    }
                }
                Block::Quote {
                    blocks,
                    attribution,
                } => {
                    stack.extend(attribution.iter_mut().rev().map(Node::I));
                    stack.extend(blocks.iter_mut().rev().map(Node::B));
                }
                Block::Callout { blocks, .. } => {
                    stack.extend(blocks.iter_mut().rev().map(Node::B));
                }
                Block::Figure {
                    image,
                    caption,
                    credit,
                } => {
                    stack.extend(credit.iter_mut().rev().map(Node::I));
                    stack.extend(caption.iter_mut().rev().map(Node::I));
                    out.push(image.as_mut());
                }
                Block::Table(t) => {
                    let cells = t.header.iter_mut().chain(t.rows.iter_mut().flatten());
                    let cells: Vec<_> = cells.collect();
                    for cell in cells.into_iter().rev() {
                        stack.extend(cell.iter_mut().rev().map(Node::I));
                    }
                    stack.extend(t.caption.iter_mut().rev().map(Node::I));
                }
                Block::Code { .. } | Block::Rule => {}
            },
            Node::I(Inline::Image(image)) => out.push(image),
            Node::I(Inline::Note { blocks }) => {
                stack.extend(blocks.iter_mut().rev().map(Node::B));
            }
            Node::I(i) => {
                if let Some(children) = i.children_mut() {
                    stack.extend(children.iter_mut().rev().map(Node::I));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ListItem, Table};

    #[test]
    fn words_stop_being_split_when_told() {
        let blocks = vec![Block::para("one two"), Block::para("three four")];
        let mut seen = Vec::new();
        for_each_word_while(&blocks, |w| {
            seen.push(w.to_string());
            seen.len() < 3
        });
        assert_eq!(seen, ["one", "two", "three"]);
    }

    #[test]
    fn images_everywhere_in_order_even_deep_down() {
        let img = |s: &str| Image {
            src: s.into(),
            ..Image::default()
        };
        let mut deep = Inline::image(img("deep"));
        for _ in 0..100_000 {
            deep = Inline::Emphasis {
                content: vec![deep],
            };
        }
        let mut blocks = vec![
            Block::Figure {
                image: Box::new(img("figure")),
                caption: vec![Inline::image(img("caption"))],
                credit: Vec::new(),
            },
            Block::List {
                start: None,
                tight: true,
                items: vec![ListItem {
                    task: None,
                    blocks: vec![Block::Paragraph {
                        content: vec![Inline::Note {
                            blocks: vec![Block::Paragraph {
                                content: vec![Inline::image(img("note"))],
                            }],
                        }],
                    }],
                }],
            },
            Block::Table(Box::new(Table {
                rows: vec![vec![vec![Inline::image(img("cell"))]]],
                ..Table::default()
            })),
            Block::Paragraph {
                content: vec![deep],
            },
        ];
        let srcs: Vec<&str> = images(&blocks).iter().map(|i| i.src.as_str()).collect();
        assert_eq!(srcs, ["figure", "caption", "note", "cell", "deep"]);
        for i in images_mut(&mut blocks) {
            i.src.push('!');
        }
        assert_eq!(images(&blocks)[4].src, "deep!");
        // The deep body is dropped without recursion as well.
        let mut stack = blocks;
        while let Some(b) = stack.pop() {
            if let Block::Paragraph { mut content } = b {
                while let Some(i) = content.pop() {
                    if let Inline::Emphasis { content: inner } = i {
                        content.extend(inner);
                    }
                }
            }
        }
    }
}

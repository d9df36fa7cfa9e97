//! Plain text of blocks and inlines, walked with an explicit stack so that any depth is safe.

use crate::model::{Block, Inline};

enum Node<'a> {
    Block(&'a Block),
    Inline(&'a Inline),
    Text(&'a str),
    /// Between blocks and at line breaks.
    Space,
}

/// The text of blocks, notes included, blocks separated by spaces.
pub fn blocks_text(blocks: &[Block]) -> String {
    collect(blocks.iter().map(Node::Block).collect(), true)
}

/// The text of inlines; notes only when `notes`.
pub fn inlines_text(inlines: &[Inline], notes: bool) -> String {
    collect(inlines.iter().map(Node::Inline).collect(), notes)
}

fn collect(mut pending: Vec<Node<'_>>, notes: bool) -> String {
    pending.reverse();
    let mut out = String::new();
    let mut children = Vec::new();
    while let Some(node) = pending.pop() {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Space => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            Node::Inline(i) => inline_children(i, notes, &mut children),
            Node::Block(b) => {
                children.push(Node::Space);
                block_children(b, &mut children);
                children.push(Node::Space);
            }
        }
        pending.extend(children.drain(..).rev());
    }
    out.trim_end().to_string()
}

fn inline_children<'a>(inline: &'a Inline, notes: bool, children: &mut Vec<Node<'a>>) {
    match inline {
        Inline::Text { text } | Inline::Code { text } => children.push(Node::Text(text)),
        Inline::Image(image) => children.push(Node::Text(&image.alt)),
        Inline::LineBreak => children.push(Node::Space),
        Inline::Note { blocks } if notes => children.extend(blocks.iter().map(Node::Block)),
        Inline::Note { .. } => {}
        other => children.extend(other.children().iter().map(Node::Inline)),
    }
}

fn block_children<'a>(block: &'a Block, children: &mut Vec<Node<'a>>) {
    let inlines = |xs: &'a [Inline], children: &mut Vec<Node<'a>>| {
        children.push(Node::Space);
        children.extend(xs.iter().map(Node::Inline));
    };
    match block {
        Block::Heading { content, .. } | Block::Paragraph { content } => inlines(content, children),
        Block::List { items, .. } => {
            children.extend(items.iter().flat_map(|i| &i.blocks).map(Node::Block))
        }
        Block::Quote {
            blocks,
            attribution,
        } => {
            children.extend(blocks.iter().map(Node::Block));
            inlines(attribution, children);
        }
        Block::Callout { blocks, .. } => children.extend(blocks.iter().map(Node::Block)),
        Block::Code { text, .. } => children.push(Node::Text(text)),
        Block::Figure {
            image,
            caption,
            credit,
        } => {
            children.push(Node::Text(&image.alt));
            inlines(caption, children);
            inlines(credit, children);
        }
        Block::Table(t) => {
            inlines(&t.caption, children);
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                inlines(cell, children);
            }
        }
        Block::Rule => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ListItem;

    #[test]
    fn reaches_every_word_at_any_depth() {
        let mut block = Block::Paragraph {
            content: vec![
                Inline::text("one"),
                Inline::Note {
                    blocks: vec![Block::para("two")],
                },
                Inline::Emphasis {
                    content: vec![
                        Inline::text("thr"),
                        Inline::Strong {
                            content: vec![Inline::text("ee")],
                        },
                    ],
                },
            ],
        };
        for _ in 0..100_000 {
            block = Block::Quote {
                blocks: vec![Block::List {
                    start: None,
                    tight: true,
                    items: vec![ListItem {
                        task: None,
                        blocks: vec![block],
                    }],
                }],
                attribution: vec![],
            };
        }
        let blocks = vec![block, Block::para("four")];
        assert_eq!(blocks_text(&blocks), "one two three four");
        // Dropping such a tree recurses: leak it instead.
        std::mem::forget(blocks);
    }

    #[test]
    fn inline_text_with_or_without_notes() {
        let xs = vec![
            Inline::text("a"),
            Inline::LineBreak,
            Inline::text("b"),
            Inline::Note {
                blocks: vec![Block::para("n")],
            },
        ];
        assert_eq!(inlines_text(&xs, false), "a b");
        assert_eq!(inlines_text(&xs, true), "a b n");
    }
}

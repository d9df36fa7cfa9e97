//! The body of an article: blocks holding inlines.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A block-level element. Serialized with a `"type"` tag in snake case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading, level 1 (highest) to 6.
    Heading {
        /// 1 (highest) to 6.
        level: u8,
        /// An anchor for links, when the source gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A paragraph of text.
    Paragraph {
        /// The paragraph's text.
        content: Vec<Inline>,
    },
    /// A bullet list when `start` is `None`, otherwise an ordered list counting from `start`.
    List {
        /// The first number of an ordered list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// Tight lists have no blank lines between items.
        #[serde(default = "yes", skip_serializing_if = "is_true")]
        tight: bool,
        /// The items.
        items: Vec<ListItem>,
    },
    /// A block quotation.
    Quote {
        /// What is quoted.
        blocks: Vec<Block>,
        /// Who is quoted, when the source says.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attribution: Vec<Inline>,
    },
    /// A block of code or preformatted text.
    Code {
        /// The language, as the source names it (`rust`, `föö`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
        /// Other attributes of the block, as a Markdown fence gives them (`title="hello.py"`).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        attributes: BTreeMap<String, String>,
        /// The code, without a final line end.
        text: String,
    },
    /// An image standing on its own, with its caption and credit.
    Figure {
        /// The image, boxed as a table is, so that a block takes 80 bytes rather than 120.
        image: Box<Image>,
        /// The caption; empty when none.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        caption: Vec<Inline>,
        /// Who made or owns the image; empty when unknown.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        credit: Vec<Inline>,
    },
    /// A table.
    Table(Box<Table>),
    /// A highlighted aside such as GitHub's `> [!NOTE]` alerts: a note, tip, warning...
    Callout {
        /// Note, tip, warning...
        kind: CalloutKind,
        /// The content.
        blocks: Vec<Block>,
    },
    /// A thematic break (`***`, `<hr>`).
    Rule,
}

/// The kind of a [`Block::Callout`], as GitHub names its alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CalloutKind {
    /// Information worth noticing even when skimming.
    Note,
    /// Advice on doing things better or more easily.
    Tip,
    /// Information needed to succeed.
    Important,
    /// Content that needs attention at once to avoid problems.
    Warning,
    /// The risks or negative outcomes of an action.
    Caution,
}

impl CalloutKind {
    /// Every kind, in GitHub's order.
    pub const ALL: [CalloutKind; 5] = [
        CalloutKind::Note,
        CalloutKind::Tip,
        CalloutKind::Important,
        CalloutKind::Warning,
        CalloutKind::Caution,
    ];

    /// The lowercase name (`note`), as in the JSON form and in HTML classes.
    pub fn name(self) -> &'static str {
        match self {
            CalloutKind::Note => "note",
            CalloutKind::Tip => "tip",
            CalloutKind::Important => "important",
            CalloutKind::Warning => "warning",
            CalloutKind::Caution => "caution",
        }
    }

    /// The heading a reader sees (`Note`).
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Note => "Note",
            CalloutKind::Tip => "Tip",
            CalloutKind::Important => "Important",
            CalloutKind::Warning => "Warning",
            CalloutKind::Caution => "Caution",
        }
    }

    /// The kind of a name, in any case (`NOTE`, `note`).
    pub fn from_name(name: &str) -> Option<CalloutKind> {
        CalloutKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
    }
}

/// One item of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListItem {
    /// `Some(done)` for a task-list item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<bool>,
    /// The blocks of the item.
    pub blocks: Vec<Block>,
}

/// A table: an optional header row, body rows, column alignment and a caption.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Table {
    /// The caption; empty when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
    /// One entry per column; may be shorter than the widest row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub align: Vec<Align>,
    /// Header cells; empty when the table has no header row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub header: Vec<Cell>,
    /// Body rows of cells; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
}

/// The inline content of one table cell.
pub type Cell = Vec<Inline>;

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// As the writer pleases.
    #[default]
    Default,
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// An image reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// URL, path relative to the input, or `data:` URI.
    pub src: String,
    /// Text for readers who cannot see the image.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
    /// A tooltip title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A hyperlink: [`Inline::Link`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The destination: a URL, a path or `#fragment`; empty for the page itself.
    pub url: String,
    /// A tooltip title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The link text.
    pub content: Vec<Inline>,
}

/// An inline element. Serialized with a `"type"` tag in snake case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text, as it reads (no escapes).
        text: String,
    },
    /// Emphasis, usually italic.
    Emphasis {
        /// The emphasised inlines.
        content: Vec<Inline>,
    },
    /// Strong importance, usually bold.
    Strong {
        /// The strong inlines.
        content: Vec<Inline>,
    },
    /// Struck-out text.
    Strikethrough {
        /// The struck-out inlines.
        content: Vec<Inline>,
    },
    /// Superscript.
    Superscript {
        /// The raised inlines.
        content: Vec<Inline>,
    },
    /// Subscript.
    Subscript {
        /// The lowered inlines.
        content: Vec<Inline>,
    },
    /// Code within text.
    Code {
        /// The code.
        text: String,
    },
    /// A hyperlink. Boxed, as the image is, so that an inline takes 32 bytes rather than 80:
    /// most inlines are text runs, and a model holds one per run.
    Link(Box<Link>),
    /// An image within text.
    Image(Box<Image>),
    /// A hard line break.
    LineBreak,
    /// A footnote: the reference stands here, the note's blocks are its text.
    /// Writers number notes in order of appearance.
    Note {
        /// The note's content.
        blocks: Vec<Block>,
    },
    /// A citation of references (`[@doe2020; see @roe2021, p. 4]`), by their keys in
    /// `meta.references`.
    Citation {
        /// The keys cited, in order.
        cites: Vec<super::Cite>,
    },
    /// TeX math (`$...$` in Markdown); `display` for an equation set on its own line (`$$...$$`).
    Math {
        /// The TeX, without its dollar signs.
        tex: String,
        /// Whether the formula stands on its own line.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        display: bool,
    },
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Inline {
    /// A text run.
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text { text: s.into() }
    }

    /// A hyperlink.
    pub fn link(url: impl Into<String>, title: Option<String>, content: Vec<Inline>) -> Inline {
        Inline::Link(Box::new(Link {
            url: url.into(),
            title,
            content,
        }))
    }

    /// An image within text.
    pub fn image(image: Image) -> Inline {
        Inline::Image(Box::new(image))
    }

    /// The children of a container inline (emphasis, link, ...); empty for leaves.
    pub fn children(&self) -> &[Inline] {
        match self {
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => content,
            Inline::Link(link) => &link.content,
            _ => &[],
        }
    }

    /// Mutable children of a container inline.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content } => Some(content),
            Inline::Link(link) => Some(&mut link.content),
            _ => None,
        }
    }
}

impl Block {
    /// A paragraph of one text run.
    pub fn para(s: impl Into<String>) -> Block {
        Block::Paragraph {
            content: vec![Inline::text(s)],
        }
    }

    /// A heading of one text run.
    pub fn heading(level: u8, s: impl Into<String>) -> Block {
        Block::Heading {
            level,
            id: None,
            content: vec![Inline::text(s)],
        }
    }

    /// The inline content directly held by this block (heading, paragraph); empty otherwise.
    pub fn inlines(&self) -> &[Inline] {
        match self {
            Block::Heading { content, .. } | Block::Paragraph { content } => content,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inlines_and_blocks_stay_small() {
        // Most inlines are text runs; the rare large ones are boxed.
        assert!(std::mem::size_of::<Inline>() <= 32);
        assert!(std::mem::size_of::<Block>() <= 80);
    }
}

//! The normalized article model: metadata plus a tree of blocks and inlines.
//!
//! Data only: no I/O and no knowledge of any format. Every reader produces an [`Article`] and
//! every writer consumes one. The JSON form (see [`Document`]) is a public, versioned interface.

mod cite;
mod content;
mod date;
mod meta;
mod normalize;
mod walk;

pub use cite::{cited, link_citations, parse_bibliography, references, Cite, Name, Reference};
pub use content::{Align, Block, CalloutKind, Cell, Image, Inline, Link, ListItem, Table};
pub use date::{days_in_month, Date, DateError, Time};
pub use meta::{
    is_language_tag, Author, Copyright, Funding, IdScheme, Identifier, License, Meta, MetaError,
};
pub use normalize::normalize_inlines;
pub(crate) use normalize::{fit, merge_in_place, normalize_out_of};
pub(crate) use walk::for_each_word_while;
pub use walk::{
    for_each_word, images, images_mut, inline_text, walk_block, walk_blocks, walk_inline, words,
    words_joined, Visitor,
};

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Version of the JSON form. Bumped on any change that could break a consumer.
pub const MODEL_VERSION: u32 = 1;

/// One article: metadata and body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Title, authors, dates and the rest.
    #[serde(default)]
    pub meta: Meta,
    /// The body.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// The file the article was read from, against which relative image paths resolve.
    /// Not part of the JSON form.
    #[serde(skip)]
    pub origin: Option<PathBuf>,
}

/// The JSON form of an article: `{"version": 1, "meta": {...}, "blocks": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// [`MODEL_VERSION`] of the writer.
    pub version: u32,
    /// The article.
    #[serde(flatten)]
    pub article: Article,
}

impl Article {
    /// An article with a title and body.
    pub fn new(title: impl Into<String>, blocks: Vec<Block>) -> Article {
        Article {
            meta: Meta {
                title: Some(title.into()),
                ..Meta::default()
            },
            blocks,
            origin: None,
        }
    }

    /// Joins several articles into one: metadata from the first (gaps filled from the
    /// others), bodies in order, each later article introduced by its title as a heading.
    pub fn merge(articles: &[Article]) -> Article {
        let Some((first, rest)) = articles.split_first() else {
            return Article::default();
        };
        let mut out = first.clone();
        for a in rest {
            out.meta.fill_from(&a.meta);
            if let Some(t) = &a.meta.title {
                out.blocks.push(Block::heading(1, t.clone()));
            }
            out.blocks.extend(a.blocks.iter().cloned());
        }
        out
    }
}

//! folio turns articles into the formats people read and publish.
//!
//! Data flows one way: bytes → [`Reader`] → [`Article`] → [`Writer`] → bytes. Readers and
//! writers are traits held in a [`Registry`] by name and file extension; add your own with
//! [`Registry::add_reader`] and [`Registry::add_writer`].
//!
//! ```
//! let md = b"---\ntitle: Hello\n---\n\nSome *text*.\n";
//! let json = folio::convert(md, "markdown", "json").unwrap();
//! let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
//! assert_eq!(doc["meta"]["title"], "Hello");
//! ```
//!
//! # Walking and changing the model
//!
//! An [`Article`] is plain data: metadata and a tree of [`Block`]s holding [`Inline`]s. Read
//! it with [`read_one`], walk it with a [`model::Visitor`], change it as any Rust value, and
//! write it with a [`Writer`] of the [`Registry`].
//!
//! ```
//! use folio::model::{walk_blocks, Visitor};
//! use folio::{Block, Diagnostics, Inline, Input, ReadOptions, Registry, WriteOptions};
//!
//! let registry = Registry::default();
//! let mut diag = Diagnostics::default();
//! let input = Input::new(b"# Notes\n\nSee [the site](http://example.org) and *more*.\n");
//! let mut article =
//!     folio::read_one(&registry, input, "markdown", &ReadOptions::default(), &mut diag)
//!         .unwrap();
//!
//! // Walk: collect the links.
//! struct Links(Vec<String>);
//! impl Visitor for Links {
//!     fn visit_inline(&mut self, inline: &Inline) {
//!         if let Inline::Link(link) = inline {
//!             self.0.push(link.url.clone());
//!         }
//!         folio::model::walk_inline(self, inline);
//!     }
//! }
//! let mut links = Links(Vec::new());
//! walk_blocks(&mut links, &article.blocks);
//! assert_eq!(links.0, ["http://example.org"]);
//!
//! // Change: demote headings and add a closing paragraph.
//! for block in &mut article.blocks {
//!     if let Block::Heading { level, .. } = block {
//!         *level += 1;
//!     }
//! }
//! article.blocks.push(Block::para("The end."));
//!
//! let mut out = Vec::new();
//! let writer = registry.writer("markdown").unwrap();
//! writer.write(&article, &WriteOptions::default(), &mut diag, &mut out).unwrap();
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     "## Notes\n\nSee [the site](http://example.org) and *more*.\n\nThe end.\n"
//! );
//! ```
//!
//! # Adding a reader and a writer
//!
//! Formats are [`Reader`] and [`Writer`] implementations, registered by name (for `-f` and
//! `-t`) and file extension.
//!
//! ```
//! use folio::{Article, Block, Diagnostics, Input, ReadOptions, Reader, Registry, Result};
//! use folio::{WriteOptions, Writer};
//! use std::io::Write;
//!
//! /// Reads a list of lines, one item each.
//! struct Lines;
//! impl Reader for Lines {
//!     fn name(&self) -> &str {
//!         "lines"
//!     }
//!     fn extensions(&self) -> &[&str] {
//!         &["lines"]
//!     }
//!     fn read(&self, input: Input<'_>, _: &ReadOptions, _: &mut Diagnostics) -> Result<Article> {
//!         let text = String::from_utf8_lossy(input.bytes);
//!         let items = text
//!             .lines()
//!             .filter(|l| !l.trim().is_empty())
//!             .map(|l| folio::model::ListItem { task: None, blocks: vec![Block::para(l.trim())] })
//!             .collect();
//!         Ok(Article::new("Lines", vec![Block::List { start: None, tight: true, items }]))
//!     }
//! }
//!
//! /// Writes the number of words.
//! struct WordCount;
//! impl Writer for WordCount {
//!     fn name(&self) -> &str {
//!         "count"
//!     }
//!     fn write(
//!         &self,
//!         article: &Article,
//!         _: &WriteOptions,
//!         _: &mut Diagnostics,
//!         out: &mut dyn Write,
//!     ) -> Result<()> {
//!         let words = folio::model::words(&article.blocks).len();
//!         writeln!(out, "{words}")?;
//!         Ok(())
//!     }
//! }
//!
//! let mut registry = Registry::default();
//! registry.add_reader(Box::new(Lines));
//! registry.add_writer(Box::new(WordCount));
//! let (out, _) = folio::convert_with(
//!     &registry,
//!     &[Input::new(b"one two\nthree\n")],
//!     "lines",
//!     "count",
//!     &folio::Options::default(),
//! )
//! .unwrap();
//! assert_eq!(out, b"3\n");
//! let (md, _) = folio::convert_with(
//!     &registry,
//!     &[Input::new(b"one two\nthree\n")],
//!     "lines",
//!     "markdown",
//!     &folio::Options::default(),
//! )
//! .unwrap();
//! assert!(String::from_utf8(md).unwrap().ends_with("- one two\n- three\n"));
//! ```

#![warn(missing_docs)]

pub mod error;
pub mod fetch;
pub mod filter;
pub mod format;
mod fxhash;
pub mod lang;
pub mod math;
pub mod model;
pub mod read;
pub mod safety;
pub mod write;

pub use error::{Error, Result};
pub use format::{detect, Diagnostics, Input, ReadOptions, Reader, Registry, WriteOptions, Writer};
pub use model::{Article, Block, Inline, Meta};
use std::path::Path;

/// Options of a whole conversion, grouped by phase.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How inputs are read.
    pub read: ReadOptions,
    /// Metadata set after reading (`-M KEY=VALUE`), overriding what the input said.
    pub metadata: Vec<(String, serde_json::Value)>,
    /// Metadata under the input's own (`--metadata-file`): it fills what the input and
    /// `metadata` leave out.
    pub defaults: Meta,
    /// How the output is written.
    pub write: WriteOptions,
    /// Limits of web requests (a URL input; images when `write.fetch` is set).
    pub fetch: fetch::FetchOptions,
    /// Any warning fails the conversion ([`Error::Strict`]), so that nothing lossy passes.
    pub strict: bool,
}

/// Converts bytes of one format to another with the built-in formats and default options.
pub fn convert(input: &[u8], from: &str, to: &str) -> Result<Vec<u8>> {
    convert_with(
        &Registry::default(),
        &[Input::new(input)],
        from,
        to,
        &Options::default(),
    )
    .map(|(bytes, _)| bytes)
}

/// Converts inputs with a registry and options; returns the output and the warnings.
/// `from` may be `"auto"` to pick the reader of each input by extension or content.
pub fn convert_with(
    registry: &Registry,
    inputs: &[Input<'_>],
    from: &str,
    to: &str,
    options: &Options,
) -> Result<(Vec<u8>, Diagnostics)> {
    let mut diag = Diagnostics::default();
    let writer = registry.writer(to)?;
    let mut articles = inputs
        .iter()
        .map(|input| read_one(registry, *input, from, &options.read, &mut diag))
        .collect::<Result<Vec<_>>>()?;
    let write = apply_metadata(&mut articles, options)?;
    let mut out = Vec::new();
    writer.write_many(&articles, &write, &mut diag, &mut out)?;
    if options.strict && !diag.warnings.is_empty() {
        return Err(Error::Strict {
            warnings: diag.warnings,
        });
    }
    Ok((out, diag))
}

/// Reads one input, with the reader of `from` or, for `"auto"`, the one its extension or
/// content calls for.
pub fn read_one(
    registry: &Registry,
    input: Input<'_>,
    from: &str,
    options: &ReadOptions,
    diag: &mut Diagnostics,
) -> Result<Article> {
    let reader = if from == "auto" {
        registry.reader_for_input(input)?
    } else {
        registry.reader(from)?
    };
    let article = reader.read(input, options, diag)?;
    Ok(finish_read(article, input.path, options, diag))
}

/// [`read_one`] of a file read into `bytes`, which the reader may drop as it goes
/// ([`Reader::read_file`]).
pub fn read_file(
    registry: &Registry,
    bytes: Vec<u8>,
    path: &Path,
    from: &str,
    options: &ReadOptions,
    diag: &mut Diagnostics,
) -> Result<Article> {
    let reader = if from == "auto" {
        registry.reader_for_input(Input::file(&bytes, path))?
    } else {
        registry.reader(from)?
    };
    let article = reader.read_file(bytes, path, options, diag)?;
    Ok(finish_read(article, Some(path), options, diag))
}

/// What every article read gets: the safety policy, its origin, its address.
fn finish_read(
    mut article: Article,
    path: Option<&Path>,
    options: &ReadOptions,
    diag: &mut Diagnostics,
) -> Article {
    safety::sanitize(&mut article, diag);
    article.origin = path.map(|p| p.to_path_buf());
    if article.meta.url.is_none() {
        article.meta.url.clone_from(&options.url);
    }
    article
}

/// Fetches a web page and reads it, with the reader of `from` or, for `"auto"`, the one its
/// `Content-Type` names (else the one its content calls for). The address after redirects
/// is the page's base and, unless the page names another, the article's `url`.
pub fn read_url(
    registry: &Registry,
    client: &fetch::Client,
    url: &str,
    from: &str,
    options: &ReadOptions,
    diag: &mut Diagnostics,
) -> Result<Article> {
    let page = client.page(url)?;
    let from = if from == "auto" { page.format()? } else { from };
    let mut options = options.clone();
    options.url = Some(page.url.clone());
    options.charset.clone_from(&page.charset);
    // The HTML reader weighs the transport's charset itself; other readers get UTF-8.
    let reader = if from == "auto" {
        registry.reader_for_input(Input::new(&page.bytes))?
    } else {
        registry.reader(from)?
    };
    let bytes = match (&page.charset, reader.name()) {
        (Some(label), name) if name != "html" && std::str::from_utf8(&page.bytes).is_err() => {
            match encoding_rs::Encoding::for_label(label.as_bytes()) {
                Some(enc) => enc.decode(&page.bytes).0.into_owned().into_bytes(),
                None => page.bytes.clone(),
            }
        }
        _ => page.bytes.clone(),
    };
    read_one(registry, Input::new(&bytes), reader.name(), &options, diag)
}

/// Adds a bibliography to an article's references (an entry of the article's own wins over
/// one of the same id) and links the article's `[@key]` citations to them; a citation of an
/// unknown key is a warning and stays text.
pub fn add_references(
    article: &mut Article,
    references: &[model::Reference],
    diag: &mut Diagnostics,
) {
    for r in references {
        if !article.meta.references.iter().any(|own| own.id == r.id) {
            article.meta.references.push(r.clone());
        }
    }
    for key in model::link_citations(article) {
        diag.warn(format!(
            "citation of an unknown reference kept as text: @{key}"
        ));
    }
}

/// Applies the metadata of the options (`-M`, then the defaults of `--metadata-file`) and
/// returns the write options to use. With one
/// article the metadata is the article's; with several it describes the output as a whole
/// (the book's title, say), and each article keeps its own.
pub fn apply_metadata(articles: &mut [Article], options: &Options) -> Result<WriteOptions> {
    let mut meta = Meta::default();
    for (key, value) in &options.metadata {
        meta.set(key, value)
            .map_err(|e| Error::Other(format!("metadata {e}")))?;
    }
    let mut write = options.write.clone();
    match articles {
        [one] => {
            one.meta.override_with(&meta);
            one.meta.fill_from(&options.defaults);
        }
        _ => {
            write.metadata.override_with(&meta);
            write.metadata.fill_from(&options.defaults);
        }
    }
    Ok(write)
}

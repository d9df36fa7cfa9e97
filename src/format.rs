//! Reader and Writer traits, their options, and the registry of formats.

use crate::error::{Error, Result};
use crate::model::{Article, Meta};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options of the read phase.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Keep only the article of a whole web page or scraped text (`true`, the default), or
    /// convert every block as it is (`false`, `--no-extract`).
    pub extract: bool,
    /// URL against which relative links resolve when the input does not say.
    pub base_url: Option<String>,
    /// The address the input was fetched from, after redirects: relative references resolve
    /// against it (or the page's `<base>`), and it is the article's `url` when the input
    /// names none.
    pub url: Option<String>,
    /// The charset the transport named (`Content-Type: text/html; charset=...`), used when
    /// the bytes are not UTF-8.
    pub charset: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            extract: true,
            base_url: None,
            url: None,
            charset: None,
        }
    }
}

/// Options of the write phase.
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Cover image file (EPUB).
    pub cover: Option<PathBuf>,
    /// Fixed time for generated timestamps, in seconds since 1970 (from `SOURCE_DATE_EPOCH`),
    /// so that the same input gives the same bytes.
    pub source_date_epoch: Option<i64>,
    /// Metadata of the output as a whole, overriding the articles': the book's title, authors,
    /// date... when several articles make one output (`-M` with several inputs).
    pub metadata: Meta,
    /// Download web images with these limits and embed them (EPUB; HTML with
    /// `embed_images`). `None`, the default, never touches the network: web images stay links.
    pub fetch: Option<crate::fetch::FetchOptions>,
    /// HTML: embed images as `data:` URIs, so the page stands alone.
    pub embed_images: bool,
    /// Folders whose files may be embedded as images besides the input's folder and below
    /// (`--allow-local-files`).
    pub allow_local_files: Vec<PathBuf>,
    /// Plain text: write a picture that has no caption as its alt text, `[Image: ...]`, and
    /// one within a line as its alt text (`--alt-text`). Off by default: plain text is the
    /// text a page shows, and a picture's alt text stands in for it where it cannot be seen
    /// (an emoji drawn as a picture is written either way).
    pub alt_text: bool,
}

/// Warnings gathered during a conversion: things that did not stop it but that a user
/// should hear about (an image that could not be found, a value that was ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    /// Warnings, in the order they arose.
    pub warnings: Vec<String>,
}

impl Diagnostics {
    /// Adds a warning.
    pub fn warn(&mut self, message: impl Into<String>) {
        self.warnings.push(message.into());
    }
}

/// The bytes of one input and where they came from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The bytes of the input.
    pub bytes: &'a [u8],
    /// The file, when the input is one; relative references resolve against it.
    pub path: Option<&'a Path>,
}

impl<'a> Input<'a> {
    /// An input of bytes without a file.
    pub fn new(bytes: &'a [u8]) -> Input<'a> {
        Input { bytes, path: None }
    }

    /// The bytes of a file.
    pub fn file(bytes: &'a [u8], path: &'a Path) -> Input<'a> {
        Input {
            bytes,
            path: Some(path),
        }
    }
}

/// Turns bytes of one format into an [`Article`].
pub trait Reader: Send + Sync {
    /// The format's name, as given to `-f`.
    fn name(&self) -> &str;
    /// File extensions (without the dot) that select this reader.
    fn extensions(&self) -> &[&str] {
        &[]
    }
    /// One line for `--list-formats`.
    fn description(&self) -> &str {
        ""
    }
    /// Reads one input into an article.
    fn read(
        &self,
        input: Input<'_>,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article>;
    /// Reads a file whose bytes were read into `bytes`: a reader may drop them as it goes
    /// (to hold less at once) and read the file again if it must.
    fn read_file(
        &self,
        bytes: Vec<u8>,
        path: &Path,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article> {
        self.read(Input::file(&bytes, path), options, diag)
    }
}

/// Turns [`Article`]s into bytes of one format.
pub trait Writer: Send + Sync {
    /// The format's name, as given to `-t`.
    fn name(&self) -> &str;
    /// File extensions (without the dot) that select this writer from `-o`.
    fn extensions(&self) -> &[&str] {
        &[]
    }
    /// One line for `--list-formats`.
    fn description(&self) -> &str {
        ""
    }
    /// Binary output is never written to a terminal.
    fn is_binary(&self) -> bool {
        false
    }
    /// Writes one article.
    fn write(
        &self,
        article: &Article,
        options: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()>;
    /// Writes several articles as one output. By default they are merged into one article;
    /// a writer with a notion of chapters (EPUB) keeps them apart.
    fn write_many(
        &self,
        articles: &[Article],
        options: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        match articles {
            [one] => self.write(one, options, diag, out),
            many => {
                let mut merged = Article::merge(many);
                merged.meta.override_with(&options.metadata);
                self.write(&merged, options, diag, out)
            }
        }
    }
}

/// The readers and writers known by name and extension.
pub struct Registry {
    readers: Vec<Box<dyn Reader>>,
    writers: Vec<Box<dyn Writer>>,
}

impl Default for Registry {
    /// A registry with every built-in format.
    fn default() -> Self {
        let mut r = Registry::empty();
        crate::read::register_all(&mut r);
        crate::write::register_all(&mut r);
        r
    }
}

fn ext_of(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

impl Registry {
    /// A registry with no formats.
    pub fn empty() -> Registry {
        Registry {
            readers: Vec::new(),
            writers: Vec::new(),
        }
    }

    /// Adds a reader; one of the same name registered before is replaced.
    pub fn add_reader(&mut self, reader: Box<dyn Reader>) {
        self.readers.retain(|r| r.name() != reader.name());
        self.readers.push(reader);
    }

    /// Adds a writer; one of the same name registered before is replaced.
    pub fn add_writer(&mut self, writer: Box<dyn Writer>) {
        self.writers.retain(|w| w.name() != writer.name());
        self.writers.push(writer);
    }

    /// The readers, in the order they were added.
    pub fn readers(&self) -> impl Iterator<Item = &dyn Reader> {
        self.readers.iter().map(|r| r.as_ref())
    }

    /// The writers, in the order they were added.
    pub fn writers(&self) -> impl Iterator<Item = &dyn Writer> {
        self.writers.iter().map(|w| w.as_ref())
    }

    /// The reader of a name, or an error listing the known ones.
    pub fn reader(&self, name: &str) -> Result<&dyn Reader> {
        self.readers()
            .find(|r| r.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::UnknownFormat {
                kind: "input",
                name: name.to_string(),
                known: self
                    .readers()
                    .map(|r| r.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The writer of a name, or an error listing the known ones.
    pub fn writer(&self, name: &str) -> Result<&dyn Writer> {
        self.writers()
            .find(|w| w.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| Error::UnknownFormat {
                kind: "output",
                name: name.to_string(),
                known: self
                    .writers()
                    .map(|w| w.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// The reader for a file's extension.
    pub fn reader_for_path(&self, path: &Path) -> Option<&dyn Reader> {
        let ext = ext_of(path)?;
        self.readers()
            .find(|r| r.extensions().contains(&ext.as_str()))
    }

    /// The writer for a file's extension.
    pub fn writer_for_path(&self, path: &Path) -> Option<&dyn Writer> {
        let ext = ext_of(path)?;
        self.writers()
            .find(|w| w.extensions().contains(&ext.as_str()))
    }

    /// The reader for an input: by its extension when it has a known one, else by its
    /// content (see [`detect`]), falling back to the first registered reader.
    pub fn reader_for_input(&self, input: Input<'_>) -> Result<&dyn Reader> {
        if let Some(r) = input.path.and_then(|p| self.reader_for_path(p)) {
            return Ok(r);
        }
        self.reader(detect(input.bytes))
            .or_else(|e| self.readers().next().ok_or(e))
    }
}

/// Guesses the format of content: `json` for a folio JSON document, `mhtml` for a page saved
/// as MHTML, `html` for markup that starts like a page or fragment, `markdown` for text with
/// Markdown syntax, else `text`.
///
/// ```
/// use folio::format::detect;
/// assert_eq!(detect(b"{\"version\": 1, \"blocks\": []}"), "json");
/// assert_eq!(detect(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"), "html");
/// assert_eq!(detect(b"# Title\n\nSome *emphasis* and a [link](http://x).\n"), "markdown");
/// assert_eq!(detect(b"Just a line of text.\nAnd another one.\n"), "text");
/// ```
pub fn detect(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') && t.contains("\"blocks\"") {
        return "json";
    }
    if crate::read::mhtml::looks_like_mhtml(bytes) {
        return "mhtml";
    }
    let lower = t.get(..t.len().min(512)).unwrap_or(t).to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || lower.starts_with("<!--") && lower.contains("<html")
        || (lower.starts_with('<')
            && [
                "<head", "<body", "<div", "<p>", "<p ", "<article", "<section", "<meta", "<h1",
                "<h2",
            ]
            .iter()
            .any(|tag| lower.contains(tag)))
    {
        return "html";
    }
    if looks_like_markdown(&text) {
        "markdown"
    } else {
        "text"
    }
}

fn looks_like_markdown(text: &str) -> bool {
    if text.starts_with("---\n") && text[4..].contains("\n---") {
        return true;
    }
    let mut score = 0;
    for line in text.lines() {
        let l = line.trim_start();
        if l.starts_with("```") || l.starts_with("~~~") {
            score += 2;
        }
        if l.starts_with('#') && l.trim_start_matches('#').starts_with(' ') {
            score += 1;
        }
        if l.contains("](") || l.contains("**") || l.starts_with("| ") || l.contains("[^") {
            score += 1;
        }
    }
    score >= 2
}

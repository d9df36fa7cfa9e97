//! Adding a format from a library: a writer that prints an article's outline, registered
//! beside the built-in formats and used for a conversion.
//!
//! Run with `cargo run --example custom_writer`.

use folio::model::{inline_text, Block};
use folio::{Article, Diagnostics, Input, Options, Registry, WriteOptions, Writer};
use std::io::Write;

/// Writes the title and the headings of an article, indented by level.
struct OutlineWriter;

impl Writer for OutlineWriter {
    fn name(&self) -> &str {
        "outline"
    }
    fn extensions(&self) -> &[&str] {
        &["outline"]
    }
    fn description(&self) -> &str {
        "the title and headings, indented by level"
    }
    fn write(
        &self,
        article: &Article,
        _: &WriteOptions,
        _: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> folio::Result<()> {
        writeln!(
            out,
            "{}",
            article.meta.title.as_deref().unwrap_or("(untitled)")
        )?;
        for block in &article.blocks {
            if let Block::Heading { level, content, .. } = block {
                let indent = "  ".repeat(usize::from(*level));
                writeln!(out, "{indent}{}", inline_text(content))?;
            }
        }
        Ok(())
    }
}

fn main() -> folio::Result<()> {
    let mut registry = Registry::default();
    registry.add_writer(Box::new(OutlineWriter));

    let source = include_bytes!("article.md");
    let input = Input::new(source);
    let (outline, _warnings) = folio::convert_with(
        &registry,
        &[input],
        "markdown",
        "outline",
        &Options::default(),
    )?;
    print!("{}", String::from_utf8_lossy(&outline));
    Ok(())
}

//! The JSON form of the model (see [`crate::model::Document`]).

use crate::error::Result;
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{Article, MODEL_VERSION};
use serde::Serialize;
use std::io::{self, Write};

/// Writes folio's JSON model, pretty-printed, with a trailing newline.
pub struct JsonWriter;

impl Writer for JsonWriter {
    fn name(&self) -> &str {
        "json"
    }
    fn extensions(&self) -> &[&str] {
        &["json"]
    }
    fn description(&self) -> &str {
        "folio's article model as JSON (versioned)"
    }
    fn write(
        &self,
        article: &Article,
        _: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        let article = &*crate::safety::cleaned(article, diag);
        // Same shape as `model::Document`, borrowing the article instead of cloning it.
        #[derive(Serialize)]
        struct DocumentRef<'a> {
            version: u32,
            #[serde(flatten)]
            article: &'a Article,
        }
        let doc = DocumentRef {
            version: MODEL_VERSION,
            article,
        };
        // serde_json writes a few bytes at a time; through `dyn Write` each is a call.
        let mut buffered = std::io::BufWriter::with_capacity(64 << 10, &mut *out);
        let mut json = serde_json::Serializer::with_formatter(&mut buffered, Pretty::default());
        doc.serialize(&mut json).map_err(std::io::Error::from)?;
        buffered.write_all(b"\n")?;
        buffered.flush()?;
        Ok(())
    }
}

/// serde_json's pretty layout (`to_writer_pretty`: two spaces a level), with each line break
/// and its indentation written at once: serde_json's own writes the indentation a level at a
/// time, a copy for each level of each line.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A line break and the indentation of 32 levels.
const NEWLINE_AND_SPACES: &[u8; 65] =
    b"\n                                                                ";

impl Pretty {
    fn line_break<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        let mut spaces = 2 * self.depth;
        let first = spaces.min(NEWLINE_AND_SPACES.len() - 1);
        writer.write_all(&NEWLINE_AND_SPACES[..1 + first])?;
        spaces -= first;
        while spaces > 0 {
            let more = spaces.min(NEWLINE_AND_SPACES.len() - 1);
            writer.write_all(&NEWLINE_AND_SPACES[1..1 + more])?;
            spaces -= more;
        }
        Ok(())
    }

    /// An array or object opens one level deeper.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// ... and closes on a line of its own unless it is empty.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line_break(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Each member on a line of its own, after a comma but the first.
    fn next_member<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.line_break(writer)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_member(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_member(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Inline};

    #[test]
    fn the_layout_is_serde_jsons_pretty_one() {
        // Deeper than the 32 levels of indentation written at once.
        let mut inline = Inline::text("deep");
        for _ in 0..40 {
            inline = Inline::Emphasis {
                content: vec![inline, Inline::text("x")],
            };
        }
        let mut article = Article::new("T", vec![Block::para("a"), Block::Rule]);
        article.blocks.push(Block::Paragraph {
            content: vec![inline],
        });
        article.blocks.push(Block::List {
            start: None,
            tight: true,
            items: Vec::new(),
        });
        let mut ours = Vec::new();
        let mut json = serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
        article.serialize(&mut json).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(&article).unwrap()
        );
    }
}

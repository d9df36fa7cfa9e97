//! The JSON form of the model (see [`crate::model::Document`]).

use crate::error::Result;
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{Article, MODEL_VERSION};
use serde::Serialize;
use std::io::Write;

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
        serde_json::to_writer_pretty(&mut buffered, &doc).map_err(std::io::Error::from)?;
        buffered.write_all(b"\n")?;
        buffered.flush()?;
        Ok(())
    }
}

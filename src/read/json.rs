//! The JSON form of the model (see [`crate::model::Document`]).

use crate::error::{Error, Result};
use crate::format::{Diagnostics, Input, ReadOptions, Reader};
use crate::model::{Article, Document, MODEL_VERSION};

/// Reads folio's JSON model, as written by `-t json`.
pub struct JsonReader;

impl Reader for JsonReader {
    fn name(&self) -> &str {
        "json"
    }
    fn extensions(&self) -> &[&str] {
        &["json"]
    }
    fn description(&self) -> &str {
        "folio's article model as JSON (versioned)"
    }
    fn read(&self, input: Input<'_>, _: &ReadOptions, diag: &mut Diagnostics) -> Result<Article> {
        let (text, replaced) = crate::read::text::decode::decode_bytes(input.bytes);
        if replaced {
            diag.warn(crate::read::text::decode::REPLACED_WARNING);
        }
        let doc: Document = serde_json::from_str(&text).map_err(|e| Error::parse("JSON", e))?;
        if doc.version > MODEL_VERSION {
            return Err(Error::parse(
                "JSON",
                format!(
                    "model version {} is newer than this folio understands ({MODEL_VERSION})",
                    doc.version
                ),
            ));
        }
        Ok(doc.article)
    }
}

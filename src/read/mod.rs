//! Readers: one module per input format.

pub mod json;
pub mod markdown;

use crate::format::Registry;

/// Registers every built-in reader.
pub fn register_all(registry: &mut Registry) {
    registry.add_reader(Box::new(json::JsonReader));
    registry.add_reader(Box::new(markdown::MarkdownReader));
}

//! Readers: one module per input format.

mod dates;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mhtml;
pub mod text;

use crate::format::Registry;

/// Registers every built-in reader.
pub fn register_all(registry: &mut Registry) {
    registry.add_reader(Box::new(markdown::MarkdownReader));
    registry.add_reader(Box::new(html::HtmlReader));
    registry.add_reader(Box::new(text::TextReader));
    registry.add_reader(Box::new(json::JsonReader));
    registry.add_reader(Box::new(mhtml::MhtmlReader));
}

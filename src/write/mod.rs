//! Writers: one module per output format.

pub mod epub;
pub mod html;
mod ids;
mod images;
pub mod jats;
pub mod json;
pub mod markdown;
pub mod plain;

use crate::format::Registry;

/// Registers every built-in writer.
pub fn register_all(registry: &mut Registry) {
    registry.add_writer(Box::new(markdown::MarkdownWriter));
    registry.add_writer(Box::new(html::HtmlWriter));
    registry.add_writer(Box::new(epub::EpubWriter));
    registry.add_writer(Box::new(jats::JatsWriter));
    registry.add_writer(Box::new(jats::JatsPublishingWriter));
    registry.add_writer(Box::new(plain::PlainWriter));
    registry.add_writer(Box::new(json::JsonWriter));
}

/// TeX math as written in Markdown and plain text: `$x$`, or `$$x$$` for display math.
pub(crate) fn tex_source(tex: &str, display: bool) -> String {
    let fence = if display { "$$" } else { "$" };
    format!("{fence}{tex}{fence}")
}

//! Writers: one module per output format.

pub mod epub;
pub mod html;
mod ids;
pub(crate) mod images;
pub mod jats;
pub mod json;
pub mod markdown;
pub mod plain;

use crate::format::Registry;

/// Text with each NUL (which a model read from JSON may hold) as U+FFFD, as readers of
/// text formats take it: a NUL byte in a text file breaks the tools that read it.
fn without_nul(text: String) -> String {
    if text.contains('\0') {
        text.replace('\0', "\u{FFFD}")
    } else {
        text
    }
}

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

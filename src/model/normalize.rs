//! Canonical form of inline sequences, so that equal content compares equal whatever reader
//! made it.

use super::Inline;

/// Merges adjacent text runs, drops empty text and empty containers (keeping links and notes),
/// recursively.
///
/// ```
/// use folio::model::{normalize_inlines, Inline};
/// let xs = vec![Inline::text("a"), Inline::text(""), Inline::text("b")];
/// assert_eq!(normalize_inlines(xs), vec![Inline::text("ab")]);
/// ```
pub fn normalize_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for mut inline in inlines {
        if let Some(children) = inline.children_mut() {
            *children = normalize_inlines(std::mem::take(children));
            let keep_empty = matches!(inline, Inline::Link { .. });
            if !keep_empty && inline.children().is_empty() {
                continue;
            }
        }
        match (&mut inline, out.last_mut()) {
            (Inline::Text { text }, _) if text.is_empty() => {}
            (Inline::Text { text }, Some(Inline::Text { text: prev })) => prev.push_str(text),
            _ => out.push(inline),
        }
    }
    out
}

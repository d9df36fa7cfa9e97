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
pub fn normalize_inlines(mut inlines: Vec<Inline>) -> Vec<Inline> {
    normalize_in_place(&mut inlines);
    inlines
}

/// [`normalize_inlines`] within the vector it was given, which most inlines leave as it is.
fn normalize_in_place(inlines: &mut Vec<Inline>) {
    merge_in_place(inlines);
    fit(inlines);
}

/// [`normalize_inlines`] of a buffer's inlines, moved out into a vector of their size; the
/// buffer keeps its room for the next ones.
pub(crate) fn normalize_out_of(buffer: &mut Vec<Inline>) -> Vec<Inline> {
    merge_in_place(buffer);
    if buffer.len() > LARGE {
        // Not copied: the copy and the buffer would be held at once.
        let mut all = std::mem::take(buffer);
        all.shrink_to_fit();
        return all;
    }
    let mut exact = Vec::with_capacity(buffer.len());
    exact.append(buffer);
    exact
}

/// [`normalize_inlines`] in place, but for the room of the vector itself (its children's is
/// dropped).
pub(crate) fn merge_in_place(inlines: &mut Vec<Inline>) {
    // `inlines[..kept]` is the normalized part; the rest waits its turn.
    let mut kept: usize = 0;
    for i in 0..inlines.len() {
        let mut inline = std::mem::replace(&mut inlines[i], Inline::LineBreak);
        if let Some(children) = inline.children_mut() {
            normalize_in_place(children);
            let keep_empty = matches!(inline, Inline::Link { .. });
            if !keep_empty && inline.children().is_empty() {
                continue;
            }
        }
        match (
            &mut inline,
            kept.checked_sub(1).map(|last| &mut inlines[last]),
        ) {
            (Inline::Text { text }, _) if text.is_empty() => {}
            (Inline::Text { text }, Some(Inline::Text { text: prev })) => {
                prev.push_str(text.as_str())
            }
            _ => {
                inlines[kept] = inline;
                kept += 1;
            }
        }
    }
    inlines.truncate(kept);
}

/// Vectors longer than this shrink in place rather than move.
const LARGE: usize = 4096;

/// Drops a vector's spare room. Vectors grown by pushing have room to spare, and the model
/// keeps them long. Small ones move to a block of their size (shrunk in place, a 10 MB page
/// peaked at 160 MB, not 151); big ones shrink in place, since a copy would hold both at once.
pub(crate) fn fit<T>(items: &mut Vec<T>) {
    if items.len() > LARGE {
        items.shrink_to_fit();
    } else if items.capacity() > items.len() {
        let mut exact = Vec::with_capacity(items.len());
        exact.append(items);
        *items = exact;
    }
}

//! Last passes over the extracted blocks: the title heading the metadata already carries,
//! repeated blocks, and page furniture left at the edges of the article.

use super::meta::similarity;
use crate::model::{inline_text, Block, Inline};
use std::collections::HashSet;

/// How many leading blocks may hold the article's own title.
const TITLE_WINDOW: usize = 4;

/// Removes the heading that repeats the title near the start of the body.
pub fn drop_title_heading(blocks: &mut Vec<Block>, title: &str) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let title_n = norm(title);
    let pos = blocks.iter().take(TITLE_WINDOW).position(|b| {
        let Block::Heading { content, .. } = b else {
            return false;
        };
        let text = inline_text(content);
        let t = norm(&text);
        t == title_n || (similarity(&text, title) >= 0.8 && similarity(title, &text) >= 0.8)
    });
    if let Some(i) = pos {
        blocks.remove(i);
    }
}

/// Text that identifies a block for duplicate detection, or `None` for blocks that may
/// repeat (short ones, rules).
fn identity(block: &Block) -> Option<String> {
    let text = match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => inline_text(content),
        Block::Figure { image, .. } => return Some(format!("img:{}", image.src)),
        Block::Quote { blocks, .. } => crate::model::words(blocks).join(" "),
        _ => return None,
    };
    let text: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (text.chars().count() >= 20).then_some(text)
}

/// Removes blocks repeating an earlier one (captions printed twice, pull quotes, the same
/// image loaded twice).
pub fn drop_duplicates(blocks: &mut Vec<Block>) {
    let mut seen = HashSet::new();
    blocks.retain(|b| identity(b).is_none_or(|id| seen.insert(id)));
}

/// Share of the text of inlines inside links.
pub fn link_density(inlines: &[Inline]) -> f64 {
    fn walk(xs: &[Inline], in_link: bool, total: &mut usize, linked: &mut usize) {
        for x in xs {
            match x {
                Inline::Text { text } | Inline::Code { text } => {
                    let n = text.chars().filter(|c| !c.is_whitespace()).count();
                    *total += n;
                    if in_link {
                        *linked += n;
                    }
                }
                Inline::Link { content, .. } => walk(content, true, total, linked),
                other => walk(other.children(), in_link, total, linked),
            }
        }
    }
    let (mut total, mut linked) = (0, 0);
    walk(inlines, false, &mut total, &mut linked);
    if total == 0 {
        0.0
    } else {
        linked as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_heading_goes() {
        let mut b = vec![Block::heading(1, "The  Title"), Block::para("Body")];
        drop_title_heading(&mut b, "The Title");
        assert_eq!(b, vec![Block::para("Body")]);
        let mut b = vec![Block::heading(2, "Another heading"), Block::para("Body")];
        drop_title_heading(&mut b, "The Title");
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn duplicates_go() {
        let p = "A paragraph long enough to count.";
        let mut b = vec![
            Block::para(p),
            Block::para("short"),
            Block::para(p),
            Block::para("short"),
        ];
        drop_duplicates(&mut b);
        assert_eq!(
            b,
            vec![Block::para(p), Block::para("short"), Block::para("short")]
        );
    }

    #[test]
    fn link_density_counts_link_text() {
        let xs = vec![
            Inline::text("ab "),
            Inline::Link {
                url: "u".into(),
                title: None,
                content: vec![Inline::text("cd")],
            },
        ];
        assert_eq!(link_density(&xs), 0.5);
    }
}

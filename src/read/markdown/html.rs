//! Raw inline HTML inside Markdown: tag names, and the links and images of single tags,
//! read by the HTML reader so that its safety rules apply.

use crate::model::{Block, Image, Inline};
use crate::read::html::fragment_blocks;

/// The URL and title of an opening `<a href>` tag, when it has a safe one.
pub fn link(tag: &str) -> Option<(String, Option<String>)> {
    let blocks = fragment_blocks(&format!("<p>{tag}x</a></p>"), None);
    match blocks.as_slice() {
        [Block::Paragraph { content }] => content.iter().find_map(|i| match i {
            Inline::Link(link) => Some((link.url.clone(), link.title.clone())),
            _ => None,
        }),
        _ => None,
    }
}

/// The image of an `<img>` tag, when it has a safe source.
pub fn image(tag: &str) -> Option<Image> {
    let blocks = fragment_blocks(&format!("<p>{tag}</p>"), None);
    blocks.into_iter().find_map(|b| match b {
        Block::Figure { image, .. } => Some(*image),
        Block::Paragraph { content } => content.into_iter().find_map(|i| match i {
            Inline::Image(image) => Some(*image),
            _ => None,
        }),
        _ => None,
    })
}

/// The names of the elements in raw HTML that the model cannot hold (media, frames,
/// scripts, forms), which converting it leaves out: sorted, each once.
pub fn lossy_elements<'a>(chunks: impl Iterator<Item = &'a str>) -> Vec<String> {
    const LOSSY: &[&str] = &[
        "iframe", "video", "audio", "object", "embed", "canvas", "svg", "script", "style", "form",
        "input", "button", "select", "textarea",
    ];
    let mut names = Vec::new();
    for chunk in chunks {
        for (i, _) in chunk.match_indices('<') {
            let name = tag_name(&chunk[i..]);
            if !chunk[i + 1..].starts_with('/') && LOSSY.contains(&name.as_str()) {
                names.push(name);
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The lowercase name of a tag (`<BR/>` → `br`, `</em>` → `em`).
pub fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lossy_elements() {
        let chunks = [
            "<p>a <img src=x> b</p>",
            "<IFRAME src=y></iframe><video>",
            "<b>x</b>",
        ];
        assert_eq!(lossy_elements(chunks.into_iter()), ["iframe", "video"]);
        assert!(lossy_elements(["<br>", "<img src=a>", "<table>"].into_iter()).is_empty());
    }

    #[test]
    fn names_tags() {
        assert_eq!(tag_name("<BR />"), "br");
        assert_eq!(tag_name("</em>"), "em");
        assert_eq!(tag_name("<sup class=\"x\">"), "sup");
    }

    #[test]
    fn links_and_images_of_single_tags() {
        assert_eq!(
            link("<a href=\"https://e.org/\" title=\"T\">"),
            Some(("https://e.org/".into(), Some("T".into())))
        );
        assert_eq!(link("<a href=\"javascript:alert(1)\">"), None);
        assert_eq!(link("<a name=\"x\">"), None);
        let img = image("<img src=\"a.png\" alt=\"An A\" onerror=\"x()\">").unwrap();
        assert_eq!((img.src.as_str(), img.alt.as_str()), ("a.png", "An A"));
        assert_eq!(image("<img src=\"javascript:x\">"), None);
    }
}

//! Raw HTML inside Markdown. folio does not render raw HTML, but it keeps the text a reader
//! would see: tags go, their text stays.

/// The visible text of an HTML block: tags removed (block-level ones count as a space),
/// comments and `<script>`/`<style>` content dropped, common entities decoded, whitespace
/// collapsed.
pub fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag = &rest[lt..];
        rest = if let Some(comment) = tag.strip_prefix("<!--") {
            comment.find("-->").map_or("", |end| &comment[end + 3..])
        } else {
            let end = tag.find('>').map_or(tag.len(), |i| i + 1);
            let name = tag_name(&tag[..end]);
            if is_block_tag(&name) {
                out.push(' ');
            }
            let after = &tag[end..];
            if (name == "script" || name == "style") && !tag.starts_with("</") {
                let close = format!("</{name}");
                after
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or("", |i| &after[i..])
            } else {
                after
            }
        };
    }
    out.push_str(rest);
    crate::read::html::entities::unescape(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names of the elements in raw HTML whose content is more than text (pictures, media,
/// frames, scripts, forms, tables), which folio cannot keep: sorted, each once.
pub fn lossy_elements<'a>(chunks: impl Iterator<Item = &'a str>) -> Vec<String> {
    const LOSSY: &[&str] = &[
        "img", "picture", "iframe", "video", "audio", "object", "embed", "canvas", "svg", "math",
        "script", "style", "form", "input", "button", "select", "textarea", "table",
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

/// Tags that end a line of text: a word never runs across them.
fn is_block_tag(name: &str) -> bool {
    name == "br" || crate::read::html::hints::is_block(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_drops_tags_comments_and_scripts() {
        assert_eq!(
            visible_text("<div align=\"center\">\n  Hello <b>bold</b> world\n</div>\n"),
            "Hello bold world"
        );
        assert_eq!(visible_text("<!-- a note to self -->\n"), "");
        assert_eq!(visible_text("<p>One</p><p>Two</p>"), "One Two");
        assert_eq!(
            visible_text("<script>let x = 1 < 2;</script>After"),
            "After"
        );
        assert_eq!(visible_text("<STYLE>p {}</STYLE>"), "");
    }

    #[test]
    fn decodes_common_entities() {
        assert_eq!(
            visible_text("<p>a &amp; b &lt;c&gt; &#233;&#x41; &bogus; &</p>"),
            "a & b <c> éA &bogus; &"
        );
    }

    #[test]
    fn unclosed_markup_does_not_panic() {
        assert_eq!(visible_text("<div"), "");
        assert_eq!(visible_text("text <!-- open"), "text");
        assert_eq!(visible_text("<script>never closed"), "");
        assert_eq!(visible_text("&#xFFFFFFFF; &#;"), "&#xFFFFFFFF; &#;");
    }

    #[test]
    fn names_lossy_elements() {
        let chunks = [
            "<p>a <img src=x> b</p>",
            "<IFRAME src=y></iframe><img>",
            "<b>x</b>",
        ];
        assert_eq!(lossy_elements(chunks.into_iter()), ["iframe", "img"]);
        assert!(lossy_elements(["<br>", "<sup>2</sup>"].into_iter()).is_empty());
    }

    #[test]
    fn names_tags() {
        assert_eq!(tag_name("<BR />"), "br");
        assert_eq!(tag_name("</em>"), "em");
        assert_eq!(tag_name("<sup class=\"x\">"), "sup");
    }
}

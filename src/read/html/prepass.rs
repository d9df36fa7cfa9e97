//! One pass over the page before html5ever sees it, cutting what the parser would work
//! through for nothing: the bodies of scripts, styles and self-contained SVG drawings (often
//! half of a page's bytes, never content), and whitespace between tags (the parser makes a
//! token of each line break and each indentation; the DOM keeps one space of them).
//!
//! The pass follows the tokenizer closely enough to change only what it would not read:
//! tags are read with their quoted attribute values, comments, CDATA and the escapes of
//! script data are honoured, and text that keeps its whitespace or is not markup (`<pre>`,
//! `<textarea>`, titles, JSON-LD...) is copied as it is. Script and style bodies are only
//! cut in HTML content: in SVG and MathML a `<script>` holds markup. A property test checks
//! that the tree read from the output is the tree read from the page.

use super::dom::KEPT_ATTRIBUTES;
use super::hints::contains_ignore_case;
use html5ever::tendril::StrTendril;

/// The page as the parser needs it, written straight into the parser's input buffer.
pub fn parser_input(text: &str) -> StrTendril {
    let bytes = text.as_bytes();
    let mut out = StrTendril::with_capacity(u32::try_from(text.len()).unwrap_or(u32::MAX));
    let (mut copied, mut i) = (0, 0);
    // `<pre>` and `<listing>` elements open: their whitespace is text. Once one may stay
    // open whatever its end tag says, all whitespace is left as it is.
    let (mut verbatim, mut verbatim_to_end) = (0usize, false);
    // Attributes of the current tag left out (see [`dropped_attribute`]).
    let mut dropped = Vec::new();
    // memchr's search, not str::find's: it runs once per tag.
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let space = bytes[i..lt]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let run = lt - space;
        if space > 1 && verbatim == 0 && !verbatim_to_end && run > 0 && bytes[run - 1] == b'>' {
            out.push_slice(&text[copied..run]);
            let line_break = bytes[run..lt].iter().any(|b| matches!(b, b'\n' | b'\r'));
            out.push_char(if line_break { '\n' } else { ' ' });
            copied = lt;
        }
        let Some(tag) = Tag::at(text, lt, &mut dropped) else {
            // A lone `<` is text.
            i = lt + 1;
            continue;
        };
        i = tag.end;
        // The DOM keeps no comment's text, and the tokenizer reads it a character at a time.
        if tag.comment && tag.end - lt > EMPTY_COMMENT.len() {
            out.push_slice(&text[copied..lt]);
            out.push_slice(EMPTY_COMMENT);
            copied = tag.end;
        }
        // Attributes of SVG and MathML are left alone with the rest of foreign content.
        if !matches!(tag.name, Some(b"svg" | b"math")) {
            for &(from, to) in &dropped {
                out.push_slice(&text[copied..from]);
                copied = to;
            }
        }
        let Some(name) = tag.name.filter(|_| !tag.end_tag) else {
            if matches!(tag.name, Some(b"pre" | b"listing")) {
                verbatim = verbatim.saturating_sub(1);
            }
            continue;
        };
        let (close, cut) = match name {
            b"svg" if !tag.self_closing => {
                let close = end_tag_at(text, tag.end, name);
                if close == bytes.len() || !parses_to_its_end(&text[tag.end..close], false) {
                    // In SVG and MathML, tags no longer tell raw text from markup (there a
                    // `<script>` holds markup, but not inside `<mi>`): the rest of the
                    // page is left as it is.
                    break;
                }
                (close, true)
            }
            // MathML is content: passed over whole when it parses to its end.
            b"math" if !tag.self_closing => {
                let close = end_tag_at(text, tag.end, name);
                if close == bytes.len() || !parses_to_its_end(&text[tag.end..close], true) {
                    break;
                }
                (close, false)
            }
            b"script" => {
                let json = contains_ignore_case(&text[lt..tag.end], b"ld+json");
                (script_end(text, tag.end), !json)
            }
            b"style" => (end_tag_at(text, tag.end, name), true),
            b"pre" | b"listing" => {
                verbatim += 1;
                continue;
            }
            // Inside these, `</pre>` may be ignored (the `<pre>` is out of scope): its
            // whitespace may run to the end.
            b"table" | b"td" | b"th" | b"caption" | b"applet" | b"marquee" | b"object"
            | b"template"
                if verbatim > 0 =>
            {
                verbatim_to_end = true;
                continue;
            }
            // Text the parser does not read as markup.
            b"textarea" | b"xmp" | b"title" | b"iframe" | b"noembed" | b"noframes" => {
                (end_tag_at(text, tag.end, name), false)
            }
            b"plaintext" => break,
            _ => continue,
        };
        if cut {
            out.push_slice(&text[copied..tag.end]);
            copied = close;
        }
        i = close;
    }
    out.push_slice(&text[copied..]);
    out
}

/// What a comment is cut to.
const EMPTY_COMMENT: &str = "<!---->";

/// What the tokenizer reads from a `<`: a tag, a comment or another markup declaration.
struct Tag {
    /// Just past its end.
    end: usize,
    /// The tag name, lowercase, when it is a tag with a name of nine letters at most (the
    /// longest the pass looks for); `None` for comments and the like.
    name: Option<&'static [u8]>,
    end_tag: bool,
    self_closing: bool,
    /// A comment that ends before the text does.
    comment: bool,
}

impl Tag {
    /// The markup starting at `lt` (a `<`), if it is markup and ends before the text does;
    /// `dropped` gets the byte ranges of the tag's attributes that may be left out.
    fn at(text: &str, lt: usize, dropped: &mut Vec<(usize, usize)>) -> Option<Tag> {
        dropped.clear();
        let bytes = text.as_bytes();
        let rest = &text[lt..];
        let other = |end| {
            Some(Tag {
                end,
                name: None,
                end_tag: false,
                self_closing: false,
                comment: false,
            })
        };
        if rest.starts_with("<!--") {
            return match comment_end(text, lt) {
                Some(end) => Some(Tag {
                    comment: true,
                    ..other(end)?
                }),
                None => other(bytes.len()),
            };
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            // Doctypes and bogus comments (CDATA too, in HTML) end at the first `>`.
            return other(after(text, lt + 2, ">").unwrap_or(bytes.len()));
        }
        let end_tag = rest.starts_with("</");
        let name_start = lt + 1 + usize::from(end_tag);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `</>` and `</3...>` are dropped up to `>`; `<` and `</` before anything else
            // are text.
            let dropped = after(text, name_start, ">").unwrap_or(bytes.len());
            return (end_tag && rest.len() > 2).then(|| other(dropped))?;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(bytes.len(), |k| name_start + k);
        // A tag cut off by the end of the page is dropped by the parser.
        let (end, self_closing) = tag_end(bytes, name_end, |name, end| {
            // After whitespace only: a `/` before it would close the tag once it is gone.
            if bytes[name.start - 1].is_ascii_whitespace()
                && dropped_attribute(&bytes[name.clone()])
            {
                let end = end
                    + bytes[end..]
                        .iter()
                        .take_while(|b| b.is_ascii_whitespace())
                        .count();
                dropped.push((name.start, end));
            }
        })?;
        Some(Tag {
            end,
            name: lowercase_name(&bytes[name_start..name_end]),
            end_tag,
            self_closing,
            comment: false,
        })
    }
}

/// The tag names the pass looks for, by their lowercase form (by length first: the pass
/// asks for every tag).
fn lowercase_name(name: &[u8]) -> Option<&'static [u8]> {
    let names: &[&'static [u8]] = match name.len() {
        2 => &[b"td", b"th"],
        3 => &[b"svg", b"pre", b"xmp"],
        4 => &[b"math"],
        5 => &[b"style", b"title", b"table"],
        6 => &[b"script", b"iframe", b"applet", b"object"],
        7 => &[b"listing", b"noembed", b"caption", b"marquee"],
        8 => &[b"textarea", b"noframes", b"template"],
        9 => &[b"plaintext"],
        _ => &[],
    };
    names.iter().copied().find(|n| n.eq_ignore_ascii_case(name))
}

/// Just past the first `close` from `from`.
fn after(text: &str, from: usize, close: &str) -> Option<usize> {
    let k = text.get(from..)?.find(close)?;
    Some(from + k + close.len())
}

/// Just past a comment starting at `lt`: at `-->` or `--!>`, and at once for `<!-->` and
/// `<!--->`.
fn comment_end(text: &str, lt: usize) -> Option<usize> {
    let rest = &text[lt + 4..];
    if rest.starts_with('>') {
        return Some(lt + 5);
    }
    if rest.starts_with("->") {
        return Some(lt + 6);
    }
    let mut j = lt + 4;
    loop {
        let at = j + text[j..].find("--")?;
        let after_dashes = &text[at + 2..];
        if after_dashes.starts_with('>') {
            return Some(at + 3);
        }
        if after_dashes.starts_with("!>") {
            return Some(at + 4);
        }
        j = at + 1;
    }
}

/// Just past the `>` ending a tag whose name ends at `from`, and whether the tag closes
/// itself (`/>`), reading attributes as the tokenizer does: a `>` inside a quoted value does
/// not end the tag, and a `/` ending an unquoted value belongs to it. `None` at the end of
/// the text. `attribute` is told of each attribute: its name, and where it ends (past its
/// value, or past the whitespace after a name without one).
fn tag_end(
    bytes: &[u8],
    from: usize,
    mut attribute: impl FnMut(std::ops::Range<usize>, usize),
) -> Option<(usize, bool)> {
    let mut j = from;
    let skip = |j: &mut usize, stop: fn(u8) -> bool| {
        while *j < bytes.len() && !stop(bytes[*j]) {
            *j += 1;
        }
    };
    loop {
        let gap = j;
        skip(&mut j, |b| !b.is_ascii_whitespace() && b != b'/');
        if *bytes.get(j)? == b'>' {
            return Some((j + 1, j > gap && bytes[j - 1] == b'/'));
        }
        // An attribute: its name (a first `=` included), then maybe `=` and a value.
        let name_start = j;
        j += 1;
        skip(&mut j, |b| {
            b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'=')
        });
        let name = name_start..j;
        skip(&mut j, |b| !b.is_ascii_whitespace());
        if bytes.get(j) != Some(&b'=') {
            attribute(name, j);
            continue;
        }
        j += 1;
        skip(&mut j, |b| !b.is_ascii_whitespace());
        match *bytes.get(j)? {
            // Values are most of a tag's bytes (lists of classes, addresses, styles).
            q @ (b'"' | b'\'') => j += 1 + memchr::memchr(q, &bytes[j + 1..])? + 1,
            b'>' => {
                attribute(name, j);
                return Some((j + 1, false));
            }
            _ => skip(&mut j, |b| b.is_ascii_whitespace() || b == b'>'),
        }
        attribute(name, j);
    }
}

/// Attributes the tree builder reads: `<input type>`, `<font color|face|size>`,
/// `<annotation-xml encoding>`, a template's `shadowrootmode`.
const TREE_ATTRIBUTES: &[&str] = &[
    "type",
    "color",
    "face",
    "size",
    "encoding",
    "shadowrootmode",
];

/// The bytes of a name of 16 bytes at most, lowercase, as one number.
const fn name_key(name: &[u8]) -> u128 {
    assert!(name.len() <= 16);
    let mut key = 0;
    let mut i = 0;
    while i < name.len() {
        key |= (name[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    key
}

/// The keys of the names of [`KEPT_ATTRIBUTES`] and [`TREE_ATTRIBUTES`], sorted.
const READ_ATTRIBUTES: [u128; KEPT_ATTRIBUTES.len() + TREE_ATTRIBUTES.len()] = {
    let mut keys = [0; KEPT_ATTRIBUTES.len() + TREE_ATTRIBUTES.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = if i < KEPT_ATTRIBUTES.len() {
            name_key(KEPT_ATTRIBUTES[i].as_bytes())
        } else {
            name_key(TREE_ATTRIBUTES[i - KEPT_ATTRIBUTES.len()].as_bytes())
        };
        // Insertion sort.
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            (keys[j - 1], keys[j]) = (keys[j], keys[j - 1]);
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Whether an attribute of this name (as written) may be left out of the parser's input:
/// the DOM does not keep it (most of a page's attributes are styling and script hooks, and
/// the tokenizer reads names a character at a time), nor does the tree builder read it
/// ([`TREE_ATTRIBUTES`]). Only plain names: others are left to the tokenizer. Once per
/// attribute of the page: names are compared as numbers.
fn dropped_attribute(name: &[u8]) -> bool {
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.');
    if name.len() > 16 {
        // Longer than any name read.
        return name.iter().all(|&b| plain(b));
    }
    let mut key = 0;
    for (i, &b) in name.iter().enumerate() {
        if !plain(b) {
            return false;
        }
        key |= u128::from(b.to_ascii_lowercase()) << (8 * i);
    }
    READ_ATTRIBUTES.binary_search(&key).is_err()
}

/// Where the first end tag `</name` (followed by a space, `/` or `>`) from `from` starts,
/// or the end of the text.
fn end_tag_at(text: &str, from: usize, name: &[u8]) -> usize {
    let bytes = text.as_bytes();
    let mut j = from;
    while let Some(k) = memchr::memchr(b'<', &bytes[j..]) {
        let at = j + k + 2;
        if bytes.get(at - 1) == Some(&b'/') && is_name_at(bytes, at, name) {
            return j + k;
        }
        j = at - 1;
    }
    bytes.len()
}

fn is_name_at(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    bytes
        .get(at..at + name.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(name))
        && bytes
            .get(at + name.len())
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
}

/// Where the `</script` that ends script data from `from` starts, or the end of the text.
/// Inside `<!--`, a `<script>` opens text in which `</script>` does not end the script
/// (the HTML standard's "double escaped" state, used by `document.write` of scripts).
fn script_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut escaped, mut double) = (false, false);
    let mut j = from;
    // By byte with memchr: scripts are a large part of a page's bytes.
    while let Some(k) = memchr::memchr2(b'<', b'-', &bytes[j..]) {
        let at = j + k;
        let rest = &text[at..];
        if rest.starts_with("-->") {
            (escaped, double) = (false, false);
            j = at + 3;
        } else if rest.starts_with("<!--") && !escaped {
            escaped = true;
            // The dashes of `<!--` may also start its `-->`, as in `<!-->`.
            j = at + 2;
        } else if rest.starts_with("</") && is_name_at(bytes, at + 2, b"script") {
            if !double {
                return at;
            }
            double = false;
            j = at + 2;
        } else if rest.starts_with('<') && escaped && is_name_at(bytes, at + 1, b"script") {
            double = true;
            j = at + 1;
        } else {
            j = at + 1;
        }
    }
    bytes.len()
}

/// Whether the body of an `<svg>` (or `<math>`) parses as SVG (MathML) to its end, so
/// that what follows is HTML again: every tag and comment in it ends inside it, every end
/// tag closes an element opened in it, and none is an HTML element (which ends foreign
/// content: the HTML standard's list), nested SVG or
/// MathML, or a place where HTML is parsed again (`<foreignObject>`; `<title>` and `<desc>`
/// only when they hold plain text). MathML's `<mi>` and the like are such places too: in
/// `<math>`, no element that holds raw text may appear.
fn parses_to_its_end(body: &str, math: bool) -> bool {
    const NOT_INERT: &[&str] = &[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
        "svg",
        "math",
        "foreignobject",
    ];
    const RAW_TEXT: &[&str] = &[
        "textarea",
        "xmp",
        "title",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
        "script",
        "style",
        "annotation-xml",
    ];
    let bytes = body.as_bytes();
    // Elements opened in the body and not yet closed.
    let mut open: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let rest = &body[lt..];
        let end = if rest.starts_with("<!--") {
            comment_end(body, lt)
        } else if rest.starts_with("<![CDATA[") {
            after(body, lt, "]]>")
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            return false;
        } else {
            let name_start = lt + 1 + usize::from(rest.starts_with("</"));
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                // `<` before anything but a letter is text; `</` then is a bogus comment.
                if name_start > lt + 1 {
                    return false;
                }
                i = lt + 1;
                continue;
            }
            let name_end = bytes[name_start..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
                .map_or(bytes.len(), |k| name_start + k);
            let name = &body[name_start..name_end];
            let listed = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
            if listed(NOT_INERT) || math && listed(RAW_TEXT) {
                return false;
            }
            let Some((end, self_closing)) = tag_end(bytes, name_end, |_, _| {}) else {
                return false;
            };
            if name_start > lt + 1 {
                // An end tag for an element outside would close the drawing with it.
                let Some(k) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name)) else {
                    return false;
                };
                open.truncate(k);
            } else if !self_closing {
                open.push(name);
            }
            let text_only = ["title", "desc"]
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name));
            if text_only && name_start == lt + 1 {
                // Its text, then its own end tag: no markup in between.
                match body[end..].find('<') {
                    Some(k)
                        if is_name_at(bytes, end + k + 2, name.as_bytes())
                            && body[end + k..].starts_with("</") => {}
                    _ => return false,
                }
            }
            Some(end)
        };
        let Some(end) = end else {
            return false;
        };
        i = end;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::html::dom::{collapse_ws, keeps_whitespace, Data, Dom, NodeId, Sink};
    use html5ever::tendril::TendrilSink;
    use proptest::prelude::*;

    #[test]
    fn script_bodies_are_cut_before_parsing() {
        let page = "<p>a</p><SCRIPT type=x>if (a<b) { x('</p>') }</script><!-- <script> --><p>b</p>\
                    <script type=\"application/ld+json\">{\"a\":1}</script><style>p{}</style><scripts>c</scripts>";
        assert_eq!(
            &*parser_input(page),
            "<p>a</p><SCRIPT type=x></script><!----><p>b</p>\
             <script type=\"application/ld+json\">{\"a\":1}</script><style></style><scripts>c</scripts>"
        );
        assert_eq!(
            &*parser_input("<p>x</p><script>never closed"),
            "<p>x</p><script>"
        );
        assert_eq!(&*parser_input("<p>é</p>"), "<p>é</p>");
    }

    #[test]
    fn whitespace_between_tags_is_cut_to_one_character_outside_verbatim_text() {
        let cut = |page: &str| parser_input(page).to_string();
        assert_eq!(
            cut("<ul>\n    <li>a  b</li>\r\n\t<li>c</li>   </ul> x  <p>"),
            "<ul>\n<li>a  b</li>\n<li>c</li> </ul> x  <p>"
        );
        for page in [
            "<pre>\n  <b>x</b>\n  <i>y</i>\n</pre>",
            "<textarea>  <p>  </textarea>",
            "<title> a  <b>  </title>",
            "<p> \u{a0} <b>",
        ] {
            assert_eq!(cut(page), page);
        }
        let page = "<div>\n  <pre>\n  <b>x</b>\n</pre>\n  <p>a</p>\n</div>";
        assert_eq!(
            cut(page),
            "<div>\n<pre>\n  <b>x</b>\n</pre>\n<p>a</p>\n</div>"
        );
        // Between tags, one space; in `<pre>`, all but the line break after the start tag.
        assert_eq!(Dom::parse(page).text(0), "   x\n a ");
    }

    #[test]
    fn svg_drawings_are_emptied_only_when_nothing_in_them_reaches_the_page() {
        let cut = |page: &str| parser_input(page).to_string();
        assert_eq!(
            cut("<p>a<svg viewBox='0 0 1 1'><g><path d='M0 0'/></g><title>t</title></svg>b</p>"),
            "<p>a<svg viewBox='0 0 1 1'></svg>b</p>"
        );
        // An HTML element ends the drawing early and is page content: all is kept.
        for page in [
            "<svg><path/><p>text</p></svg>",
            "<svg><foreignObject><div>text</div></foreignObject></svg>",
            "<svg><!-- </svg> --><path/></svg>",
            "<svg><path/>",
            "<svg/><p>a</p><svg><path/></svg>",
        ] {
            let kept = if page.starts_with("<svg/>") {
                "<svg/><p>a</p><svg></svg>"
            } else {
                page
            };
            assert_eq!(cut(page), kept);
        }
        // Past a drawing that is not emptied, the page is left as it is.
        assert_eq!(
            cut("<svg><svg><path/></svg><path/></svg>\n  <svg><path/></svg>"),
            "<svg><svg><path/></svg><path/></svg>\n  <svg><path/></svg>"
        );
        // The parsed page is the same either way.
        let page = "<div><svg><path/><text>x</text></svg><svg><b>bold</b></svg>y</div>";
        let direct = html5ever::parse_document(Sink::default(), Default::default());
        use html5ever::tendril::TendrilSink;
        let direct = direct.one(page).into_dom();
        assert_eq!(Dom::parse(page).text(0), direct.text(0).replace('x', ""));
    }

    #[test]
    fn attributes_the_dom_and_the_tree_builder_never_read_are_left_out() {
        let page = "<div data-x=\"1\"class=a onClick='go(\">\")' ID=b>\
                    <p  style=s data-y\t>t</p  data-z=1></div><input type=hidden value=x >\
                    <br/data-a=1><img src=i.png data-b=2/><svg data-c=3></svg><a z=1/>";
        assert_eq!(
            &*parser_input(page),
            "<div class=a ID=b><p  style=s >t</p  ></div><input type=hidden >\
             <br/data-a=1><img src=i.png ><svg data-c=3></svg><a >"
        );
    }

    #[test]
    fn comments_are_emptied() {
        assert_eq!(
            &*parser_input("<p>a<!-- x <p> --><!----><!--><!-- y --!><!-- z"),
            "<p>a<!----><!----><!--><!----><!-- z"
        );
    }

    #[test]
    fn attributes_read_are_told_from_the_others_whatever_their_case() {
        for name in KEPT_ATTRIBUTES.iter().chain(TREE_ATTRIBUTES) {
            assert!(!dropped_attribute(name.as_bytes()), "{name}");
            assert!(!dropped_attribute(name.to_uppercase().as_bytes()), "{name}");
        }
        for name in [
            "data-a-very-long-attribute-name",
            "onclick",
            "data-id",
            "i",
            "classes",
        ] {
            assert!(dropped_attribute(name.as_bytes()), "{name}");
        }
        assert!(!dropped_attribute(b"=x"));
        assert!(!dropped_attribute(b"data-\"x"));
    }

    /// What the passes read of a tree: elements with their attributes and text, whitespace
    /// runs as one space outside verbatim elements, nothing of scripts, styles and drawings.
    fn read(dom: &Dom, id: NodeId, verbatim: bool, out: &mut String) {
        match &dom.nodes[id].data {
            Data::Text(t) if verbatim => out.push_str(&format!("{:?}", &**t)),
            Data::Text(t) => out.push_str(&format!("{:?}", collapse_ws(&format!(".{t}.")))),
            Data::Element { tag, attrs } => {
                out.push_str(tag);
                out.push_str(&format!("{attrs:?}"));
                out.push('[');
                if !matches!(&**tag, "script" | "style" | "svg") {
                    let verbatim = verbatim || keeps_whitespace(tag);
                    for &c in dom.children(id) {
                        read(dom, c, verbatim, out);
                    }
                }
                out.push(']');
            }
            Data::Document => dom
                .children(id)
                .iter()
                .for_each(|&c| read(dom, c, false, out)),
        }
    }

    fn fragment() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "<div>",
            "<mi>x</mi>",
            "<mo>",
            "</mi>",
            "<annotation-xml encoding='text/html'>",
            "<title>t</title>",
            "<desc>d</desc>",
            "</div>",
            "<p class=a>",
            "</p>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<pre>",
            "</pre>",
            "<textarea>",
            "</textarea>",
            "<title>",
            "</title>",
            "<table>",
            "<td>",
            "</table>",
            "<script>",
            "</script>",
            "<script type=application/ld+json>",
            "<style>",
            "</style>",
            "<svg>",
            "</svg>",
            "<svg/>",
            "<path d='M0 0'/>",
            "<foreignObject>",
            "<math>",
            "<!-- c -->",
            "<!-->",
            "<!-- <script> -->",
            "<![CDATA[x]]>",
            "text",
            " ",
            "  ",
            "\n",
            "\n  ",
            "\r\n\t",
            "a > b",
            "if (a<b) x()",
            "\u{a0}",
            "<br>",
            "<li>",
            "<noscript>",
            "</noscript>",
            "<plaintext>",
            "<xmp>",
            "</xmp>",
            "&amp;",
            "<a title=\"x >  <b> y\">",
            "<img alt='a  >\n  <script>'>",
            "<svg a=b/>",
            "</p x=\"a>  <b>\">",
            "<!--->",
            "<!-- a --!>",
            "<script><!--<script>",
            "-->",
            "<a b=c/>",
            "<",
            "</",
            "</>",
            "<?x>",
            "<!doctype html>",
            "<math><mi>",
            "</math>",
            "<desc>",
            "<style>a > b {}",
            "<textarea>\n  x",
            "<div data-x=1 class=a>",
            "<p onclick=\"a>b\"id=x>",
            "<input type=hidden data-v=1>",
            "<input data-v type=text>",
            "<font color=red data-f>",
            "<font face=x>",
            "<b data-a/>",
            "<i/data-a>",
            "<span data-a= >",
            "<a data-a=x/ href=y>",
            "<template shadowrootmode=open data-t>",
            "</template>",
            "<tr data-r>",
            "</div data-x=1>",
            "<DIV DATA-X=1 CLASS=A>",
            "<p x\u{0}y=1 z=\"&amp;\">",
        ])
    }

    proptest! {
        #[test]
        fn the_pre_pass_changes_nothing_that_is_read(
            parts in proptest::collection::vec(fragment(), 0..40)
        ) {
            let page = parts.concat();
            let opts = html5ever::ParseOpts {
                tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                    scripting_enabled: false,
                    ..Default::default()
                },
                ..Default::default()
            };
            let direct = html5ever::parse_document(Sink::default(), opts)
                .one(page.as_str())
                .into_dom();
            let (mut want, mut got) = (String::new(), String::new());
            read(&direct, 0, false, &mut want);
            read(&Dom::parse(&page), 0, false, &mut got);
            prop_assert_eq!(got, want, "{:?}", page);
        }
    }
}

//! The one safety policy for what may reach any output.
//!
//! - A link, an image or a metadata URL may not run code: `javascript:`, `vbscript:`,
//!   `livescript:` and `mocha:` URLs are refused, and `data:` URLs unless they hold an image
//!   (`data:image/png`...). A `data:image/svg+xml` URL is kept only when its SVG passes
//!   [`svg_is_safe`]. The check sees through case, character references (`&#106;`, with or
//!   without the `;`, `&colon;`), percent escapes, and whitespace or control characters
//!   anywhere before the colon, since browsers and Markdown renderers strip or decode them.
//! - An SVG image is embedded only without scripts, event handlers, `foreignObject`, frames
//!   or objects, script URLs in any attribute, and without a DTD (no entity is ever
//!   expanded). Such an SVG is refused, not repaired: what is left of a drawing without its
//!   scripts is not known to be what its author meant.
//!
//! Markup from the input never reaches an output as markup: readers keep the text of raw
//! HTML, never its tags, and writers escape all text. What this module guards is what the
//! model holds as URLs.
//!
//! [`sanitize`] applies the policy to an article as it is read ([`crate::read_one`]), and
//! every built-in writer applies it again through [`cleaned`] (articles built in code, `-M`
//! metadata). A removed link keeps its text, a removed image its alternative text and
//! caption; each removal is a warning.

use crate::format::Diagnostics;
use crate::model::{Article, Block, IdScheme, Inline, Meta};
use std::borrow::Cow;

/// Schemes whose URLs run code where they are followed or loaded.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "livescript", "mocha"];

/// SVG elements that run code or hold other documents.
const SVG_FORBIDDEN: &[&str] = &[
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Whether a URL may be written to an output as a link, an image source or a metadata URL.
///
/// ```
/// use folio::safety::url_allowed;
/// assert!(url_allowed("https://example.org/a?b=javascript:x"));
/// assert!(url_allowed("images/a.png"));
/// assert!(url_allowed("data:image/png;base64,iVBORw0KGgo="));
/// assert!(!url_allowed(" JavaScript:alert(1)"));
/// assert!(!url_allowed("java\tscript:alert(1)"));
/// assert!(!url_allowed("&#106;avascript:alert(1)"));
/// assert!(!url_allowed("data:text/html,<script>alert(1)</script>"));
/// ```
pub fn url_allowed(url: &str) -> bool {
    match plain_scheme(url) {
        Some(Plain::NoScheme) => return true,
        Some(Plain::Scheme(scheme)) if !scheme.eq_ignore_ascii_case("data") => {
            return !SCRIPT_SCHEMES
                .iter()
                .any(|s| s.eq_ignore_ascii_case(scheme));
        }
        _ => {}
    }
    allowed_by_view(url)
}

/// [`url_allowed`] from the URL's [`scheme_view`].
fn allowed_by_view(url: &str) -> bool {
    let view = scheme_view(url);
    let Some((scheme, rest)) = view.split_once(':') else {
        return true;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return true;
    }
    if SCRIPT_SCHEMES.contains(&scheme) {
        return false;
    }
    if scheme != "data" {
        return true;
    }
    let media = rest.split([';', ',']).next().unwrap_or("");
    match media.strip_prefix("image/") {
        Some("svg+xml") => data_svg_is_safe(url),
        Some(sub) => !sub.is_empty(),
        None => false,
    }
}

/// What [`scheme_view`] would find in a URL whose start needs no decoding.
enum Plain<'a> {
    /// No scheme: the view's text before its first `:` is not one.
    NoScheme,
    /// This scheme, as written (its view is its ASCII lowercase).
    Scheme(&'a str),
}

/// The answer of [`scheme_view`] for the common URL, without building the view: when the URL
/// starts with printable ASCII other than `&` and `%` up to its first `:` or first character
/// that cannot be in a scheme, nothing before that point is decoded, removed or changed but
/// for ASCII case, so the view starts with the same characters. `None` when the start holds
/// something [`scheme_view`] would decode or remove.
fn plain_scheme(url: &str) -> Option<Plain<'_>> {
    for (i, &b) in url.as_bytes().iter().enumerate() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' if i > 0 => {}
            // A scheme of more than 64 characters is beyond the view: no `:` in it, no
            // scheme, and it is neither a script scheme nor `data`.
            b':' if i > 0 => return Some(Plain::Scheme(&url[..i])),
            b'&' | b'%' | ..=b' ' | 0x7f.. => return None,
            // Printable ASCII that cannot be in a scheme, or a scheme starting with no
            // letter: whatever follows, the text before the view's first `:` is no scheme.
            _ => return Some(Plain::NoScheme),
        }
    }
    // Letters, digits and `+-.` only: no `:` at all.
    Some(Plain::NoScheme)
}

/// The start of a URL as the most lenient consumer would read its scheme: references and
/// percent escapes decoded, whitespace, control and invisible format characters gone,
/// lowercase. Enough characters for a scheme and a `data:` media type.
fn scheme_view(url: &str) -> String {
    let mut end = url.len().min(4096);
    while !url.is_char_boundary(end) {
        end -= 1;
    }
    let mut s = url[..end].to_string();
    // Twice: `&amp;#106;` and `%2526` are decoded again by a consumer that decodes once more.
    for _ in 0..2 {
        s = crate::write::images::percent_decode(&decode_references(&s));
    }
    s.chars()
        .filter(|&c| !(c.is_whitespace() || c.is_control() || is_invisible(c)))
        .take(64)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Characters that render as nothing (zero-width spaces and joiners, soft hyphen, BOM).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Decodes numeric character references (with or without `;`, as HTML does) and the named
/// ones that can hide a scheme.
fn decode_references(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let (c, used) = reference(rest);
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `s` (after its `&`) and the bytes it used.
fn reference(s: &str) -> (Option<char>, usize) {
    if let Some(num) = s.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let len = digits
            .find(|c: char| {
                !(if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                })
            })
            .unwrap_or(digits.len());
        if len == 0 || len > 8 {
            return (None, 0);
        }
        let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok();
        let used = 1 + usize::from(hex) + len;
        let used = used + usize::from(s[used..].starts_with(';'));
        return (code.and_then(char::from_u32), used);
    }
    let Some(semi) = s.get(..12).unwrap_or(s).find(';') else {
        return (None, 0);
    };
    let c = match s[..semi].to_ascii_lowercase().as_str() {
        "colon" => ':',
        "tab" => '\t',
        "newline" => '\n',
        "amp" => '&',
        "num" => '#',
        "percnt" => '%',
        _ => return (None, 0),
    };
    (Some(c), semi + 1)
}

/// Whether a `data:image/svg+xml` URL written plainly holds a safe SVG. One written in
/// disguise (references in its scheme) is refused.
fn data_svg_is_safe(url: &str) -> bool {
    let raw = url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    match raw.get(..5) {
        Some(scheme) if scheme.eq_ignore_ascii_case("data:") => {
            crate::write::images::decode_data_uri(&raw[5..]).is_some_and(|b| svg_is_safe(&b))
        }
        _ => false,
    }
}

/// Whether SVG bytes are a well-formed document that can run nothing: no `script`,
/// `foreignObject`, frame or object, no `on...` attribute, no attribute whose value is a
/// refused URL or names a script scheme, no DTD.
pub fn svg_is_safe(bytes: &[u8]) -> bool {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = AsRef::<str>::as_ref(&e.local_name()).to_ascii_lowercase();
                if SVG_FORBIDDEN.contains(&name.as_str()) {
                    return false;
                }
                for attr in e.attributes() {
                    let Ok(attr) = attr else { return false };
                    let key = attr.key.local_name();
                    let key: &str = key.as_ref();
                    if key.len() > 2 && key.as_bytes()[..2].eq_ignore_ascii_case(b"on") {
                        return false;
                    }
                    let Ok(value) = attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    else {
                        return false;
                    };
                    let view = scheme_view(&value);
                    if !url_allowed(&value)
                        || SCRIPT_SCHEMES
                            .iter()
                            .any(|s| view.contains(&format!("{s}:")))
                    {
                        return false;
                    }
                }
            }
            Ok(Event::DocType(_)) | Err(_) => return false,
            Ok(Event::Eof) => return true,
            Ok(_) => {}
        }
    }
}

/// The article with the policy applied: itself when it complies, else a copy without the
/// refused URLs (each removal a warning). Writers call this before writing.
pub fn cleaned<'a>(article: &'a Article, diag: &mut Diagnostics) -> Cow<'a, Article> {
    if complies(article) {
        return Cow::Borrowed(article);
    }
    let mut copy = article.clone();
    sanitize(&mut copy, diag);
    Cow::Owned(copy)
}

/// Metadata with the policy applied, as [`cleaned`] does for articles.
pub fn cleaned_meta<'a>(meta: &'a Meta, diag: &mut Diagnostics) -> Cow<'a, Meta> {
    if meta_complies(meta) {
        return Cow::Borrowed(meta);
    }
    let mut copy = meta.clone();
    let mut report = Vec::new();
    sanitize_meta_into(&mut copy, &mut report);
    report.into_iter().for_each(|w| diag.warn(w));
    Cow::Owned(copy)
}

/// Whether an article holds no URL the policy refuses. Walks without recursion: an
/// article built in code may nest deeper than any stack.
pub fn complies(article: &Article) -> bool {
    // A stack of the lists still to read, not of their nodes: most inlines are text with
    // nothing to check and no children, and cost no push.
    enum Items<'a> {
        B(std::slice::Iter<'a, Block>),
        I(std::slice::Iter<'a, Inline>),
    }
    if !meta_complies(&article.meta) {
        return false;
    }
    let mut stack = vec![Items::B(article.blocks.iter())];
    while let Some(top) = stack.last_mut() {
        match top {
            Items::B(blocks) => {
                let Some(block) = blocks.next() else {
                    stack.pop();
                    continue;
                };
                match block {
                    Block::Heading { content, .. } | Block::Paragraph { content } => {
                        stack.push(Items::I(content.iter()));
                    }
                    Block::List { items, .. } => {
                        for item in items {
                            stack.push(Items::B(item.blocks.iter()));
                        }
                    }
                    Block::Quote {
                        blocks,
                        attribution,
                    } => {
                        stack.push(Items::B(blocks.iter()));
                        stack.push(Items::I(attribution.iter()));
                    }
                    Block::Figure {
                        image,
                        caption,
                        credit,
                    } => {
                        if !url_allowed(&image.src) {
                            return false;
                        }
                        stack.push(Items::I(caption.iter()));
                        stack.push(Items::I(credit.iter()));
                    }
                    Block::Table(t) => {
                        stack.push(Items::I(t.caption.iter()));
                        for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                            stack.push(Items::I(cell.iter()));
                        }
                    }
                    Block::Callout { blocks, .. } => stack.push(Items::B(blocks.iter())),
                    Block::Code { .. } | Block::Rule => {}
                }
            }
            Items::I(inlines) => {
                let Some(inline) = inlines.next() else {
                    stack.pop();
                    continue;
                };
                match inline {
                    Inline::Link(link) if !url_allowed(&link.url) => return false,
                    Inline::Image(image) if !url_allowed(&image.src) => return false,
                    Inline::Note { blocks } => stack.push(Items::B(blocks.iter())),
                    other => {
                        let children = other.children();
                        if !children.is_empty() {
                            stack.push(Items::I(children.iter()));
                        }
                    }
                }
            }
        }
    }
    true
}

fn meta_complies(meta: &Meta) -> bool {
    let ok = |u: &Option<String>| u.as_deref().is_none_or(url_allowed);
    ok(&meta.url)
        && ok(&meta.image)
        && meta.authors.iter().all(|a| ok(&a.url))
        && meta
            .identifiers
            .iter()
            .all(|id| id.scheme != IdScheme::Uri || url_allowed(&id.value))
}

/// Applies the policy to an article in place: refused links become their text, refused
/// images their alternative text (a figure its caption), refused metadata URLs go. Each
/// removal is a warning.
pub fn sanitize(article: &mut Article, diag: &mut Diagnostics) {
    // Nothing to change in an article that complies; reading it is cheaper than editing.
    if complies(article) {
        return;
    }
    let mut report = Vec::new();
    sanitize_into(article, &mut report);
    report.into_iter().for_each(|w| diag.warn(w));
}

fn sanitize_into(article: &mut Article, report: &mut Vec<String>) {
    sanitize_meta_into(&mut article.meta, report);
    body(&mut article.blocks, report);
}

fn sanitize_meta_into(meta: &mut Meta, report: &mut Vec<String>) {
    let mut check = |field: &str, value: &mut Option<String>| {
        if value.as_deref().is_some_and(|u| !url_allowed(u)) {
            let url = value.take().unwrap_or_default();
            report.push(format!("{field} {}: unsafe URL; left out", shorten(&url)));
        }
    };
    check("metadata url", &mut meta.url);
    check("metadata image", &mut meta.image);
    for author in &mut meta.authors {
        check("author url", &mut author.url);
    }
    meta.identifiers.retain(|id| {
        let keep = id.scheme != IdScheme::Uri || url_allowed(&id.value);
        if !keep {
            report.push(format!(
                "identifier {}: unsafe URL; left out",
                shorten(&id.value)
            ));
        }
        keep
    });
}

/// Applies the policy to the body, without recursion, in document order.
fn body(blocks: &mut [Block], report: &mut Vec<String>) {
    enum Work<'a> {
        Block(&'a mut Block),
        Inlines(&'a mut Vec<Inline>),
    }
    let mut stack: Vec<Work> = blocks.iter_mut().rev().map(Work::Block).collect();
    while let Some(work) = stack.pop() {
        match work {
            Work::Block(block) => {
                if let Block::Figure { image, .. } = block {
                    if !url_allowed(&image.src) {
                        report.push(format!(
                            "image {}: unsafe URL; left out, its text kept",
                            shorten(&image.src)
                        ));
                        *block = figure_text(std::mem::replace(block, Block::Rule));
                    }
                }
                match block {
                    Block::Heading { content, .. } | Block::Paragraph { content } => {
                        stack.push(Work::Inlines(content));
                    }
                    Block::List { items, .. } => {
                        for item in items.iter_mut().rev() {
                            stack.extend(item.blocks.iter_mut().rev().map(Work::Block));
                        }
                    }
                    Block::Quote {
                        blocks,
                        attribution,
                    } => {
                        stack.push(Work::Inlines(attribution));
                        stack.extend(blocks.iter_mut().rev().map(Work::Block));
                    }
                    Block::Callout { blocks, .. } => {
                        stack.extend(blocks.iter_mut().rev().map(Work::Block));
                    }
                    Block::Figure {
                        caption, credit, ..
                    } => {
                        stack.push(Work::Inlines(credit));
                        stack.push(Work::Inlines(caption));
                    }
                    Block::Table(t) => {
                        for cell in t.rows.iter_mut().flatten().rev() {
                            stack.push(Work::Inlines(cell));
                        }
                        for cell in t.header.iter_mut().rev() {
                            stack.push(Work::Inlines(cell));
                        }
                        stack.push(Work::Inlines(&mut t.caption));
                    }
                    Block::Code { .. } | Block::Rule => {}
                }
            }
            Work::Inlines(list) => {
                unwrap_refused(list, report);
                for inline in list.iter_mut().rev() {
                    match inline {
                        Inline::Note { blocks } => {
                            stack.extend(blocks.iter_mut().rev().map(Work::Block))
                        }
                        other => stack.extend(other.children_mut().map(Work::Inlines)),
                    }
                }
            }
        }
    }
}

/// A figure whose image is refused as a paragraph of its caption (else its alternative
/// text) and credit.
fn figure_text(figure: Block) -> Block {
    let Block::Figure {
        image,
        mut caption,
        mut credit,
    } = figure
    else {
        return figure;
    };
    if caption.is_empty() && !image.alt.trim().is_empty() {
        caption.push(Inline::text(image.alt));
    }
    if !credit.is_empty() {
        if !caption.is_empty() {
            caption.push(Inline::text(" "));
        }
        caption.append(&mut credit);
    }
    Block::Paragraph { content: caption }
}

/// Replaces the refused links of a list of inlines by their content and the refused images
/// by their alternative text, until none is left at this level.
fn unwrap_refused(list: &mut Vec<Inline>, report: &mut Vec<String>) {
    let refused = |i: &Inline| match i {
        Inline::Link(link) => !url_allowed(&link.url),
        Inline::Image(image) => !url_allowed(&image.src),
        _ => false,
    };
    while list.iter().any(refused) {
        for inline in std::mem::take(list) {
            match inline {
                Inline::Link(link) if !url_allowed(&link.url) => {
                    report.push(format!(
                        "link {}: unsafe URL; link removed, its text kept",
                        shorten(&link.url)
                    ));
                    list.extend(link.content);
                }
                Inline::Image(image) if !url_allowed(&image.src) => {
                    report.push(format!(
                        "image {}: unsafe URL; left out, its text kept",
                        shorten(&image.src)
                    ));
                    if !image.alt.trim().is_empty() {
                        list.push(Inline::text(image.alt));
                    }
                }
                other => list.push(other),
            }
        }
    }
}

/// A URL cut to a length fit for a one-line message, without its control characters.
fn shorten(url: &str) -> String {
    let clean: String = url.chars().filter(|c| !c.is_control()).collect();
    match clean.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &clean[..i]),
        None => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shortcut for URLs whose start needs no decoding answers as the full view does.
        #[test]
        fn plain_urls_are_judged_as_by_their_view(
            url in proptest::string::string_regex(
                "(javascript|JavaScript|data|DATA|vbscript|mocha|https?|x|[a-zA-Z0-9+.-]{0,70}|[ \t&%#:/?;,=_a-z0-9A-Z\u{ad}\u{200b}é]{0,8}){0,4}(:|image/svg\\+xml|image/png|text/html|,|;|&#106;|%3A|&colon;|[a-z:/ ]{0,5}){0,4}"
            ).unwrap()
        ) {
            if plain_scheme(&url).is_some() {
                proptest::prop_assert_eq!(url_allowed(&url), allowed_by_view(&url));
            }
        }
    }

    #[test]
    fn script_urls_are_refused_however_written() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "  javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{200b}script:alert(1)",
            "javascript&colon;alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "&amp;#106;avascript:alert(1)",
            "javascript%3Aalert(1)",
            "%6Aavascript:alert(1)",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "livescript:x",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:,x",
            "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+",
            "data:image/svg+xml,<svg><script>alert(1)</script></svg>",
        ] {
            assert!(!url_allowed(url), "{url:?} was allowed");
        }
    }

    #[test]
    fn ordinary_urls_pass() {
        for url in [
            "https://example.org/",
            "http://example.org/search?q=javascript:alert",
            "mailto:someone@example.org",
            "#top",
            "/path/javascript:x",
            "images/a b.png",
            "data:image/png;base64,iVBORw0KGgo=",
            "DATA:IMAGE/JPEG;base64,/9j/",
            "data:image/svg+xml,%3Csvg%20xmlns%3D'http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg'%2F%3E",
            "ftp://example.org/file",
            "",
        ] {
            assert!(url_allowed(url), "{url:?} was refused");
        }
    }

    #[test]
    fn svg_with_code_is_refused() {
        let safe = br#"<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/><a href="https://x.org/">t</a></svg>"#;
        assert!(svg_is_safe(safe));
        for svg in [
            &br#"<svg><script>alert(1)</script></svg>"#[..],
            br#"<svg onload="alert(1)"/>"#,
            br#"<svg><g ONCLICK="x()"/></svg>"#,
            br#"<svg><foreignObject><div/></foreignObject></svg>"#,
            br#"<svg><a xlink:href="javascript:alert(1)">x</a></svg>"#,
            br#"<svg><a href="&#106;avascript:alert(1)">x</a></svg>"#,
            br#"<svg><set attributeName="href" to="javascript:alert(1)"/></svg>"#,
            br#"<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>"#,
            br#"<svg><iframe src="x"/></svg>"#,
            b"<svg><unclosed></svg>",
            b"\xff\xfe<svg/>",
        ] {
            assert!(!svg_is_safe(svg), "{}", String::from_utf8_lossy(svg));
        }
    }

    #[test]
    fn refused_links_keep_their_text_and_warn() {
        let mut article = Article::new(
            "T",
            vec![
                Block::Paragraph {
                    content: vec![
                        Inline::text("Please "),
                        Inline::link(
                            "javascript:alert(1)",
                            None,
                            vec![Inline::Strong {
                                content: vec![Inline::text("click")],
                            }],
                        ),
                        Inline::image(crate::model::Image {
                            src: "vbscript:x".into(),
                            alt: "a picture".into(),
                            title: None,
                        }),
                    ],
                },
                Block::Figure {
                    image: Box::new(crate::model::Image {
                        src: "data:text/html,x".into(),
                        alt: "alt".into(),
                        title: None,
                    }),
                    caption: vec![Inline::text("The caption")],
                    credit: vec![],
                },
            ],
        );
        article.meta.url = Some("javascript:x".into());
        let mut diag = Diagnostics::default();
        let cow = cleaned(&article, &mut diag);
        assert!(matches!(cow, Cow::Owned(_)));
        assert_eq!(diag.warnings.len(), 4, "{:?}", diag.warnings);
        let words = crate::model::words_joined(&cow.blocks);
        assert!(words.contains("Please click"), "{words}");
        assert!(words.contains("a picture"), "{words}");
        assert!(words.contains("The caption"), "{words}");
        assert_eq!(cow.meta.url, None);
        assert!(complies(&cow));
        assert!(!complies(&article));
        let mut again = Diagnostics::default();
        assert!(matches!(cleaned(&cow, &mut again), Cow::Borrowed(_)));
        assert!(again.warnings.is_empty());
    }

    #[test]
    fn deep_articles_are_walked_without_recursion() {
        let mut inline = Inline::link("javascript:x", None, vec![Inline::text("deep words")]);
        let mut block = Block::para("deep block");
        for _ in 0..50_000 {
            inline = Inline::Emphasis {
                content: vec![inline],
            };
            block = Block::Quote {
                blocks: vec![block],
                attribution: vec![],
            };
        }
        let mut article = Article::new(
            "Deep",
            vec![
                Block::Paragraph {
                    content: vec![inline],
                },
                block,
            ],
        );
        assert!(!complies(&article));
        let mut diag = Diagnostics::default();
        sanitize(&mut article, &mut diag);
        assert_eq!(diag.warnings.len(), 1);
        assert!(complies(&article));
        // Dropping 50,000 nested boxes recurses; the process ends soon anyway.
        std::mem::forget(article);
    }
}

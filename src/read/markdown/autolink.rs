//! GFM's extended autolinks: bare `https://...`, `www.` addresses and e-mail addresses in
//! text become links, with GFM's rules for where they start and which trailing characters
//! they leave out. Text inside links, code spans and code blocks is never searched.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::ops::Range;

/// Events with the autolinks of their text made links. Runs of text are searched as one,
/// except where a backslash escape or an entity stands (`https\\://` is no link, as in
/// cmark-gfm); text inside links, images and code blocks is left alone. `events` come with
/// their byte ranges in `source`. `inside` counts the open links, images, code blocks and raw
/// `<a>` tags, inside which nothing is searched: a raw `<a>` left open stays open past its
/// block, so the count goes on from one piece of a document to the next.
pub fn link_events<'a>(
    source: &'a str,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    inside: &mut usize,
    mut out: impl FnMut(Event<'a>),
) {
    // Text waiting to be searched: its start and end in the source. Literal text is its
    // source, so a run of it is a slice of the source.
    let mut run: Option<(usize, usize)> = None;
    for (event, range) in events {
        // Text that is its source (not an escape or an entity) continues a run it touches.
        let literal =
            matches!(&event, Event::Text(t) if source.get(range.clone()) == Some(t.as_ref()));
        match event {
            Event::Text(text) if *inside == 0 => {
                match &mut run {
                    Some((_, end)) if literal && *end == range.start => {
                        *end = range.end;
                        continue;
                    }
                    _ => {}
                }
                if let Some((start, end)) = run.take() {
                    flush(source, start, end, &mut out);
                }
                if literal {
                    run = Some((range.start, range.end));
                } else {
                    out(Event::Text(text));
                }
            }
            other => {
                if let Some((start, end)) = run.take() {
                    flush(source, start, end, &mut out);
                }
                match &other {
                    Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                        *inside += 1
                    }
                    Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                        *inside = inside.saturating_sub(1)
                    }
                    // A raw `<a>` holds link text too.
                    Event::InlineHtml(tag) if super::html::tag_name(tag) == "a" => {
                        if tag.starts_with("</") {
                            *inside = inside.saturating_sub(1);
                        } else if !tag.ends_with("/>") {
                            *inside += 1;
                        }
                    }
                    _ => {}
                }
                out(other);
            }
        }
    }
    if let Some((start, end)) = run.take() {
        flush(source, start, end, &mut out);
    }
}

/// The events of the run of text `source[start..end]`: text, and links around the text of
/// autolinks.
fn flush<'a>(source: &'a str, start: usize, end: usize, out: &mut impl FnMut(Event<'a>)) {
    let before = source[..start].chars().next_back();
    each_segment(&source[start..end], before, |segment| match segment {
        Segment::Text(t) => out(Event::Text(t.into())),
        Segment::Link { text, url } => {
            out(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: url.into(),
                title: "".into(),
                id: "".into(),
            }));
            out(Event::Text(text.into()));
            out(Event::End(TagEnd::Link));
        }
    });
}

/// A piece of searched text.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Text(&'a str),
    Link { text: &'a str, url: String },
}

/// A text split into text and autolinks; `before` is the character before it.
#[cfg(test)]
fn link_text(text: &str, before: Option<char>) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    each_segment(text, before, |segment| out.push(segment));
    out
}

/// The pieces of a text, text and autolinks, in order; `before` is the character before it.
fn each_segment<'a>(text: &'a str, before: Option<char>, mut out: impl FnMut(Segment<'a>)) {
    let mut plain_from = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    // Whether the bytes from `i` start with an ASCII prefix, in any case.
    let at = |i: usize, prefix: &[u8]| {
        bytes
            .get(i..i + prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    };
    while i < text.len() {
        // Every autolink is found at the `www.`, `http` or `@` it starts with (or holds); a
        // `w` or `h` right after an ASCII letter or digit starts none. Most bytes are none
        // of these, and are passed over first.
        match bytes[i..]
            .iter()
            .position(|&b| b == b'@' || matches!(b | 0x20, b'w' | b'h'))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let b = bytes[i];
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let candidate = match b {
            b'@' => true,
            b'w' | b'W' => word_start && at(i, b"www."),
            b'h' | b'H' => word_start && at(i, b"http"),
            _ => false,
        };
        let found = if candidate {
            find_at(text, i, plain_from, before)
        } else {
            None
        };
        match found {
            Some((start, end, url)) => {
                if start > plain_from {
                    out(Segment::Text(&text[plain_from..start]));
                }
                out(Segment::Link {
                    text: &text[start..end],
                    url,
                });
                plain_from = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if plain_from < text.len() {
        out(Segment::Text(&text[plain_from..]));
    }
}

/// An autolink that starts at byte `i` (an e-mail address may have started earlier, after
/// `plain_from`): its start, end and URL.
fn find_at(
    text: &str,
    i: usize,
    plain_from: usize,
    run_before: Option<char>,
) -> Option<(usize, usize, String)> {
    let rest = &text[i..];
    // GFM: at the start of a line, after a blank or after `*`, `_`, `~` or `(`.
    let before = match text[..i].chars().next_back() {
        Some(c) => Some(c),
        None => run_before,
    };
    let boundary = before.is_none_or(|c| c.is_whitespace() || matches!(c, '*' | '_' | '~' | '('));
    let starts = |prefix: &str| {
        rest.as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if boundary && starts("www.") {
        let end = i + url_end(rest, 0)?;
        return Some((i, end, format!("http://{}", &text[i..end])));
    }
    for scheme in ["https://", "http://"] {
        if boundary && starts(scheme) {
            let end = i + url_end(rest, scheme.len())?;
            return Some((i, end, text[i..end].to_string()));
        }
    }
    if rest.starts_with('@') {
        return email(text, i, plain_from);
    }
    None
}

/// The end of a `www.` or `scheme://` autolink whose domain starts at `domain_at`: a valid
/// domain, then a path up to a blank or `<`, less trailing punctuation.
fn url_end(rest: &str, domain_at: usize) -> Option<usize> {
    let tail = &rest[domain_at..];
    let domain_len = tail
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(tail.len());
    let domain = tail[..domain_len].trim_end_matches('.');
    if !valid_domain(domain) {
        return None;
    }
    let end = rest[domain_at..]
        .find(|c: char| c.is_whitespace() || c == '<')
        .map_or(rest.len(), |e| domain_at + e);
    let end = trim_trailing(&rest[..end]);
    (end > domain_at).then_some(end)
}

/// GFM's valid domain: segments of letters, digits, `-` and `_` between periods, at least
/// one period, no `_` in the last two segments.
fn valid_domain(domain: &str) -> bool {
    let segments: Vec<&str> = domain.split('.').collect();
    segments.len() >= 2
        && segments.iter().all(|s| !s.is_empty())
        && segments.iter().rev().take(2).all(|s| !s.contains('_'))
}

/// The length of a link without what GFM leaves out at its end: `?!.,:*_~`, a `)` that
/// has no `(` in the link, and an entity reference (`&amp;`).
fn trim_trailing(link: &str) -> usize {
    let mut end = link.len();
    // Counted once: trimming takes off `)`s but never a `(`.
    let opens = link.matches('(').count();
    let mut closes = link.matches(')').count();
    loop {
        let s = &link[..end];
        let Some(last) = s.chars().next_back() else {
            return 0;
        };
        let unbalanced = last == ')' && closes > opens;
        if unbalanced || matches!(last, '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~') {
            closes -= usize::from(last == ')');
            end -= 1;
        } else if last == ';' {
            let name = s[..s.len() - 1]
                .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                .len();
            if name < s.len() - 1 && s[..name].ends_with('&') {
                end = name - 1;
            } else {
                return end;
            }
        } else {
            return end;
        }
    }
}

/// An e-mail address around the `@` at byte `at`: a local part of letters, digits and
/// `.-_+` (starting after `plain_from`), then a domain with a period, not ending in `-`
/// or `_`.
fn email(text: &str, at: usize, plain_from: usize) -> Option<(usize, usize, String)> {
    let local = &text[plain_from..at];
    let local_len = local.len()
        - local
            .trim_end_matches(|c: char| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+')
            })
            .len();
    if local_len == 0 {
        return None;
    }
    let start = at - local_len;
    let after = &text[at + 1..];
    let mut len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(after.len());
    while after[..len].ends_with('.') {
        len -= 1;
    }
    let domain = &after[..len];
    if !domain.contains('.') || domain.ends_with(['-', '_']) || domain.split('.').any(str::is_empty)
    {
        return None;
    }
    let end = at + 1 + len;
    Some((start, end, format!("mailto:{}", &text[start..end])))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (text, url) of each link in the autolinked text.
    fn links(text: &str) -> Vec<(String, String)> {
        link_text(text, None)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Link { text, url } => Some((text.to_string(), url)),
                Segment::Text(_) => None,
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let found = links(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn www_and_scheme_links() {
        assert_eq!(
            one("Visit www.commonmark.org/help for more."),
            (
                "www.commonmark.org/help".into(),
                "http://www.commonmark.org/help".into()
            )
        );
        assert_eq!(
            one("see https://example.org/a?b=c#d."),
            (
                "https://example.org/a?b=c#d".into(),
                "https://example.org/a?b=c#d".into()
            )
        );
        assert_eq!(
            one("(www.google.com/search?q=Markup+(business))").0,
            "www.google.com/search?q=Markup+(business)"
        );
        assert_eq!(
            one("www.google.com/search?q=Markup+(business)))").0,
            "www.google.com/search?q=Markup+(business)"
        );
        assert_eq!(
            one("www.google.com/search?q=commonmark&hl;").0,
            "www.google.com/search?q=commonmark"
        );
        assert_eq!(one("www.commonmark.org/a.b<c").0, "www.commonmark.org/a.b");
        assert_eq!(one("http://例子.测试/ü").0, "http://例子.测试/ü");
        assert_eq!(
            link_text("www.a.org", Some('x')),
            [Segment::Text("www.a.org")]
        );
    }

    #[test]
    fn long_runs_take_linear_time() {
        let start = std::time::Instant::now();
        let parens = format!("www.a.org/{}", ")".repeat(200_000));
        assert_eq!(one(&parens).0, "www.a.org/");
        let ats = "a@".repeat(100_000);
        assert_eq!(links(&ats), []);
        let wwws = "(www.".repeat(50_000);
        assert_eq!(links(&wwws), []);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn not_links() {
        for text in [
            "www.",
            "www",
            "awww.example.org",
            "xhttps://example.org",
            "http://a_b.c_d",
            "https://",
            "plain text",
            "an @ sign",
            "a@b",
            "a@b.c-",
            "a@b.c_",
        ] {
            assert_eq!(links(text), [], "{text:?}");
        }
    }

    #[test]
    fn email_addresses() {
        assert_eq!(
            one("Write to foo@bar.baz."),
            ("foo@bar.baz".into(), "mailto:foo@bar.baz".into())
        );
        assert_eq!(links("hello@mail+xyz.example isn't valid"), []);
        assert_eq!(one("a.b-c_d@a.b.").0, "a.b-c_d@a.b");
        assert!(one("hello+xyz@mail.example")
            .1
            .starts_with("mailto:hello+xyz@"));
    }
}

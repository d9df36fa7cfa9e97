//! Cutting a Markdown body into pieces that pulldown-cmark reads alone exactly as it reads
//! them together, so that its tree holds one piece at a time, not the whole document (at
//! 10 MB that tree is about 40 MB, alive beside the input and the model).
//!
//! A cut goes before a line at column 0 that follows a blank line and starts with a letter,
//! `#` or a non-ASCII character: no list item, block quote, table, paragraph or indented
//! code continues there, since continuing would take a marker, an indent or a non-blank line
//! before. Only blocks that run past blank lines could: fenced code and HTML blocks of types
//! 1 to 5 (`<!--`, `<pre>`...) opened at the top level, which are followed line by line. An
//! opener the scan cannot place for sure (indented by one to three spaces, so perhaps inside
//! a list item; a fence or comment inside what may be an HTML block of type 6 or 7) ends
//! the cutting: the rest of the body is one piece. So does a bare carriage return (a line
//! break to pulldown-cmark, not to this scan). A footnote and its citations stay in one
//! piece: pulldown-cmark makes `[^a]` a note only when `a` is defined in the text it reads.
//! Link reference definitions may stand in any piece: [`references`] gathers them for all.

use pulldown_cmark::{Options, Parser};
use std::collections::HashMap;
use std::ops::Range;

/// Pieces are cut at the first place allowed after this many bytes: small enough that the
/// parser's tree stays small, large enough that starting a parser costs nothing.
pub const PIECE_BYTES: usize = 64 * 1024;

/// The ranges of `body` to read one after the other, each of `min_len` bytes or more (but
/// the last), in order and covering it.
pub fn pieces(body: &str, min_len: usize) -> Vec<Range<usize>> {
    let cuts = cuts(body, min_len);
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts.into_iter().chain([body.len()]) {
        out.push(from..cut);
        from = cut;
    }
    out
}

/// Where [`pieces`] cut the body, in order.
fn cuts(body: &str, min_len: usize) -> Vec<usize> {
    if body.len() < min_len.saturating_mul(2) || has_bare_cr(body) {
        return Vec::new();
    }
    let Some(tied) = tied_spans(body) else {
        return Vec::new();
    };
    let mut tied = tied.into_iter().peekable();
    let mut cuts = Vec::new();
    let mut start = 0;
    let mut state = State::Normal;
    let mut prev_blank = false;
    // Each line ends after its line feed, the last one maybe at the end of the body.
    let bytes = body.as_bytes();
    let unended = (bytes.last().is_some_and(|&b| b != b'\n')).then_some(bytes.len());
    let ends = memchr::memchr_iter(b'\n', bytes)
        .map(|i| i + 1)
        .chain(unended);
    let mut pos = 0;
    for end in ends {
        let line_start = pos;
        pos = end;
        let raw = &body[line_start..end];
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let blank = line.bytes().all(|b| b == b' ' || b == b'\t');
        match state {
            State::Fence { ch, len } => {
                if closes_fence(line, ch, len) {
                    state = State::Normal;
                }
            }
            State::Html(end) => {
                if line.contains(end) {
                    state = State::Normal;
                }
            }
            State::MaybeHtml => {
                if blank {
                    state = State::Normal;
                } else if let Some(rest) = top_level_rest(line) {
                    if fence_opener(rest).is_some() || html_end(rest).is_some() {
                        break;
                    }
                }
            }
            State::Normal if blank => {}
            State::Normal => {
                let first = line.as_bytes()[0];
                if prev_blank
                    && line_start - start >= min_len
                    && (first.is_ascii_alphabetic() || first == b'#' || first >= 0x80)
                {
                    while tied.next_if(|span| span.end < line_start).is_some() {}
                    if tied.peek().is_none_or(|span| span.start >= line_start) {
                        cuts.push(line_start);
                        start = line_start;
                    }
                }
                if let Some(rest) = top_level_rest(line) {
                    let indented = rest.len() < line.len();
                    if let Some((ch, len)) = fence_opener(rest) {
                        if indented {
                            break;
                        }
                        state = State::Fence { ch, len };
                    } else if rest.starts_with('<') {
                        state = match html_end(rest) {
                            Some(_) if indented => break,
                            Some(end) if line.contains(end) => State::Normal,
                            Some(end) => State::Html(end),
                            None => State::MaybeHtml,
                        };
                    }
                }
            }
        }
        prev_blank = blank && matches!(state, State::Normal);
    }
    cuts
}

/// Where the scan stands before a line.
#[derive(Clone, Copy)]
enum State {
    Normal,
    /// In fenced code opened at column 0 by `len` times `ch`.
    Fence {
        ch: u8,
        len: usize,
    },
    /// In an HTML block of type 1 to 5 opened at column 0, which ends at a line holding this.
    Html(&'static str),
    /// After a line starting with `<` that opens no block of type 1 to 5: an HTML block of
    /// type 6 or 7, or a paragraph; either ends at a blank line.
    MaybeHtml,
}

/// A line without its indent when that is under four columns (where a block can start), else
/// nothing. A tab in the indent reaches column four.
fn top_level_rest(line: &str) -> Option<&str> {
    let spaces = line.bytes().take_while(|&b| b == b' ').count();
    (spaces < 4 && line.as_bytes().get(spaces) != Some(&b'\t')).then(|| &line[spaces..])
}

/// The character and length of an opening code fence, as pulldown-cmark reads one: three or
/// more backticks (with no backtick after them on the line) or tildes.
fn fence_opener(rest: &str) -> Option<(u8, usize)> {
    let bytes = rest.as_bytes();
    let ch = *bytes.first().filter(|&&c| c == b'`' || c == b'~')?;
    let len = bytes.iter().take_while(|&&b| b == ch).count();
    (len >= 3 && !(ch == b'`' && bytes[len..].contains(&b'`'))).then_some((ch, len))
}

/// Whether a line closes fenced code opened at column 0: under four columns of spaces, at
/// least `len` times `ch`, then only spaces (pulldown-cmark's rule).
fn closes_fence(line: &str, ch: u8, len: usize) -> bool {
    let Some(rest) = top_level_rest(line) else {
        return false;
    };
    let bytes = rest.as_bytes();
    let n = bytes.iter().take_while(|&&b| b == ch).count();
    n >= len && bytes[n..].iter().all(|&b| b == b' ')
}

/// The text that ends an HTML block of type 1 to 5 starting at `rest` (which starts with
/// `<`), as pulldown-cmark tells these blocks (`get_html_end_tag`).
fn html_end(rest: &str) -> Option<&'static str> {
    let after = rest.strip_prefix('<')?.as_bytes();
    for (tag, end) in [
        (&b"pre"[..], "</pre>"),
        (b"style", "</style>"),
        (b"script", "</script>"),
        (b"textarea", "</textarea>"),
    ] {
        if after.len() >= tag.len() && after[..tag.len()].eq_ignore_ascii_case(tag) {
            // The line ends there (its line break is whitespace), or whitespace or `>`
            // follows.
            match after.get(tag.len()) {
                None => return Some(end),
                Some(&b) if b == b'>' || b.is_ascii_whitespace() || b == 0x0b => return Some(end),
                _ => {}
            }
        }
    }
    for (start, end) in [(&b"!--"[..], "-->"), (b"?", "?>"), (b"![CDATA[", "]]>")] {
        if after.starts_with(start) {
            return Some(end);
        }
    }
    (after.len() > 1 && after[0] == b'!' && after[1].is_ascii_alphabetic()).then_some(">")
}

/// A carriage return not before a line feed.
fn has_bare_cr(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

/// The spans from the first to the last mention (citation or definition) of each footnote
/// label that is mentioned more than once, merged where they overlap, in order; no cut may
/// fall inside one. Nothing when the body holds a label this scan cannot match as
/// pulldown-cmark does (blanks, escapes, non-ASCII letters, whose case folding is Unicode's).
fn tied_spans(body: &str) -> Option<Vec<Range<usize>>> {
    let bytes = body.as_bytes();
    let mut spans: HashMap<String, Range<usize>> = HashMap::new();
    for i in memchr::memchr_iter(b'[', bytes) {
        if bytes.get(i + 1) != Some(&b'^') {
            continue;
        }
        let rest = &bytes[i + 2..];
        // pulldown-cmark reads labels of up to 999 characters.
        let len = rest.iter().take(1000).position(|&b| b == b']')?;
        let label = &rest[..len];
        if len == 0
            || !label
                .iter()
                .all(|&b| b.is_ascii_graphic() && b != b'[' && b != b'\\')
        {
            return None;
        }
        let key = String::from_utf8_lossy(label).to_ascii_lowercase();
        spans
            .entry(key)
            .and_modify(|span| span.end = i)
            .or_insert(i..i);
    }
    let mut spans: Vec<Range<usize>> = spans.into_values().filter(|s| s.start < s.end).collect();
    spans.sort_by_key(|s| s.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    Some(merged)
}

/// Whether the body may define a link reference: it holds a `]:` other than that of a
/// footnote definition at column 0.
pub fn may_define_references(body: &str) -> bool {
    let bytes = body.as_bytes();
    // Searched by their rarer first byte, which `memchr` finds fast.
    memchr::memchr_iter(b']', bytes).any(|i| {
        if bytes.get(i + 1) != Some(&b':') {
            return false;
        }
        let line_start = body[..i].rfind('\n').map_or(0, |n| n + 1);
        let line = &bytes[line_start..i];
        !line.starts_with(b"[^") || line.contains(&b']')
    })
}

/// The link reference definitions of all pieces, by label (in pulldown-cmark's Unicode case
/// folding), as URL and title, for each piece to resolve the links it does not define
/// itself: each piece's parser finds those of its own text as the whole document's would.
/// Nothing when the pieces would not read as the whole: a label defined in two pieces (the
/// first definition wins, but a piece knows only its own), or so many expansions that
/// pulldown-cmark's limit on them (the text's length, at least 100,000 bytes, per parser)
/// could be reached in a piece or in the whole.
pub fn references(
    body: &str,
    pieces: &[Range<usize>],
    options: Options,
) -> Option<HashMap<unicase::UniCase<String>, (String, String)>> {
    let mut found = HashMap::new();
    for piece in pieces {
        let text = &body[piece.clone()];
        if !may_define_references(text) {
            continue;
        }
        // Only the first pass runs: it gathers the definitions.
        let parser = Parser::new_ext(text, options);
        for (label, def) in parser.reference_definitions().iter() {
            let title = def.title.as_deref().unwrap_or_default().to_string();
            let value = (def.dest.to_string(), title);
            if found
                .insert(unicase::UniCase::new(label.to_string()), value)
                .is_some()
            {
                return None;
            }
        }
    }
    // Each expansion starts at a `[` and is at most the longest URL and title.
    let Some(longest) = found.values().map(|(u, t)| u.len() + t.len()).max() else {
        return Some(found);
    };
    let brackets = |text: &str| memchr::memchr_iter(b'[', text.as_bytes()).count();
    let within = |text: &str| brackets(text).saturating_mul(longest) < text.len().max(100_000);
    (within(body) && pieces.iter().all(|p| within(&body[p.clone()]))).then_some(found)
}

//! Inline Markdown: spans, links, notes, and the escaping that keeps text from turning into
//! markup.

use crate::model::{Block, Image, Inline};

/// Where a run of inlines is written.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The run starts a line: leading blanks go, block syntax (`#`, `-`, `1.`...) is escaped.
    pub line_start: bool,
    /// The run ends a line: trailing blanks go.
    pub line_end: bool,
    /// Headings and table cells are one line: line breaks are written `<br>`, no block syntax
    /// can start there.
    pub single_line: bool,
    /// ATX headings also end at `#` runs and `{...}` attributes.
    pub heading: bool,
    /// Table cells end at `|`, even inside code spans.
    pub table: bool,
}

impl Place {
    pub const BLOCK: Place = Place {
        line_start: true,
        line_end: true,
        single_line: false,
        heading: false,
        table: false,
    };
    pub const HEADING: Place = Place {
        single_line: true,
        heading: true,
        ..Place::BLOCK
    };
    pub const CELL: Place = Place {
        single_line: true,
        table: true,
        ..Place::BLOCK
    };
    /// After a prefix on the same line (`— ` of an attribution, `Table: `), to the line's end.
    pub const AFTER_PREFIX: Place = Place {
        line_start: false,
        ..Place::BLOCK
    };
}

/// Writes inlines, numbering notes as they come: each note's blocks are queued in `notes`
/// and referenced as `[^n]`, n counting from 1. What Markdown cannot keep goes to `warnings`.
pub fn render<'a>(
    inlines: &'a [Inline],
    place: Place,
    notes: &mut Vec<&'a [Block]>,
    warnings: &mut Vec<String>,
) -> String {
    render_with(inlines, place, notes, warnings, None).0
}

/// Writes the description of an image, inside `![...]`, where note references cannot stand:
/// the notes come back, for the caller to reference after the image.
pub fn render_description<'a>(
    inlines: &'a [Inline],
    notes: &mut Vec<&'a [Block]>,
    warnings: &mut Vec<String>,
) -> (String, Vec<&'a [Block]>) {
    let (text, deferred) = render_with(
        inlines,
        Place::AFTER_PREFIX,
        notes,
        warnings,
        Some(Vec::new()),
    );
    (text, deferred.unwrap_or_default())
}

fn render_with<'a>(
    inlines: &'a [Inline],
    place: Place,
    notes: &mut Vec<&'a [Block]>,
    warnings: &mut Vec<String>,
    deferred_notes: Option<Vec<&'a [Block]>>,
) -> (String, Option<Vec<&'a [Block]>>) {
    let mut w = InlineWriter {
        out: String::new(),
        line_start: place.line_start,
        place,
        notes,
        warnings,
        deferred_notes,
        after_note: false,
        in_link: false,
        open_delimiters: Vec::new(),
    };
    let edges = Edges {
        trim_start: place.line_start,
        trim_end: place.line_end,
        after: None,
    };
    w.run(inlines, edges, None);
    (w.out, w.deferred_notes)
}

struct InlineWriter<'w, 'a> {
    out: String,
    /// Nothing written yet on the current line.
    line_start: bool,
    place: Place,
    notes: &'w mut Vec<&'a [Block]>,
    warnings: &'w mut Vec<String>,
    /// Inside link text and image descriptions, notes wait here to be written after them.
    deferred_notes: Option<Vec<&'a [Block]>>,
    /// The last thing written is a note reference, which `(`, `:` or a link would extend.
    after_note: bool,
    /// Writing link text, where another link cannot start.
    in_link: bool,
    /// Delimiter characters of the spans being written around the current position.
    open_delimiters: Vec<char>,
}

impl<'a> InlineWriter<'_, 'a> {
    fn push(&mut self, s: &str) {
        if !s.is_empty() {
            self.out.push_str(s);
            self.line_start = false;
            self.after_note = false;
        }
    }

    /// Writes a run; `parent` is the delimiter of the emphasis around it, if any.
    fn run(&mut self, inlines: &'a [Inline], edges: Edges, parent: Option<char>) {
        let last = inlines.len().saturating_sub(1);
        for (i, inline) in inlines.iter().enumerate() {
            let next = inlines.get(i + 1);
            let next_char = self.first_char(&inlines[i + 1..]).or(edges.after);
            match inline {
                Inline::Text { text } => {
                    let cx = TextContext {
                        line_start: self.line_start || (i == 0 && edges.trim_start),
                        line_end: edges.trim_end && next.is_none(),
                        block_syntax: self.line_start && !self.place.single_line,
                        heading: self.place.heading,
                        before_bracket: matches!(
                            next,
                            Some(Inline::Link { .. } | Inline::Note { .. })
                        ),
                        after_note: self.after_note,
                        in_link: self.in_link,
                    };
                    self.push(&escape(text, cx));
                }
                Inline::Emphasis { .. }
                | Inline::Strong { .. }
                | Inline::Strikethrough { .. }
                | Inline::Superscript { .. }
                | Inline::Subscript { .. } => {
                    // Emphasis at the edge of emphasis takes the other delimiter (`*__a__*`),
                    // so that the two do not merge into one run of `***`.
                    let at_edge = i == 0 || i == last;
                    let emphasis = if at_edge && parent == Some('*') {
                        '_'
                    } else {
                        '*'
                    };
                    // At the edges of a run whose blanks go, a span's own edge blanks go too.
                    let drop = (i == 0 && edges.trim_start, i == last && edges.trim_end);
                    self.span(inline, emphasis, next_char, drop)
                }
                Inline::Code { text } => {
                    let span = code_span(text, self.place.table);
                    self.push(&span);
                }
                Inline::Link(link) => {
                    self.link(&link.url, link.title.as_deref(), &link.content, next_char)
                }
                Inline::Image(image) => {
                    let alt = escape(&image.alt, TextContext::inner(self.place));
                    let target = target(&image.src, image.title.as_deref());
                    self.push(&format!("![{alt}]({target})"));
                }
                Inline::LineBreak => {
                    // A backslash break needs text on both sides of it, on lines of a block.
                    let blank = |x: Option<&Inline>| match x {
                        None => true,
                        Some(Inline::Text { text }) => text.trim().is_empty(),
                        Some(_) => false,
                    };
                    let prev = i.checked_sub(1).and_then(|p| inlines.get(p));
                    let next_blank = self
                        .first_char(&inlines[i + 1..])
                        .is_none_or(char::is_whitespace);
                    if self.place.single_line || blank(prev) || blank(next) || next_blank {
                        self.push("<br>");
                    } else {
                        self.push("\\\n");
                        self.line_start = true;
                    }
                }
                Inline::Note { blocks } => self.note(blocks),
                Inline::Citation { cites } => self.push(&citation_source(cites)),
                // Inline math may not start or end with a blank.
                Inline::Math { tex, display } => {
                    let tex = if *display { tex.as_str() } else { tex.trim() };
                    self.push(&crate::write::tex_source(tex, *display));
                }
            }
        }
    }

    /// Writes emphasis, strikethrough, super- or subscript with Markdown delimiters where
    /// they hold (CommonMark's flanking rules), else as the HTML tag the reader also reads.
    /// Blanks at the edges of the content go outside (no delimiter holds next to a blank),
    /// or go altogether where the run around drops its edge blanks (`drop`).
    fn span(
        &mut self,
        inline: &'a Inline,
        emphasis: char,
        next_char: Option<char>,
        drop: (bool, bool),
    ) {
        let (delimiter, tag) = match inline {
            Inline::Emphasis { .. } => (emphasis.to_string(), "em"),
            Inline::Strong { .. } => (emphasis.to_string().repeat(2), "strong"),
            Inline::Strikethrough { .. } => ("~~".to_string(), "del"),
            Inline::Superscript { .. } => ("^".to_string(), "sup"),
            _ => ("~".to_string(), "sub"),
        };
        let inner =
            matches!(inline, Inline::Emphasis { .. } | Inline::Strong { .. }).then_some(emphasis);
        let content = inline.children();
        let at_line_start = drop.0 || self.line_start;
        let lead = if at_line_start {
            ""
        } else {
            edge_blanks(content, true)
        };
        // Content of blanks only has one edge, already written as `lead` or dropped with it at
        // the start of a line (where it would indent the line into a code block).
        let only_blanks =
            matches!(content, [Inline::Text { text }] if text.trim_matches(BLANK).is_empty());
        let trail = if drop.1 || (only_blanks && (at_line_start || !lead.is_empty())) {
            ""
        } else {
            edge_blanks(content, false)
        };
        self.push(lead);
        let was_line_start = self.line_start;
        let prev = self.out.chars().last().filter(|_| !was_line_start);
        let start = self.out.len();
        // Written after a delimiter, so that nothing in it counts as a line start.
        self.push(&delimiter);
        let content_at = self.out.len();
        let family = delimiter_family(&delimiter);
        let nested = self.open_delimiters.contains(&family);
        self.open_delimiters.push(family);
        let edges = Edges {
            trim_start: true,
            trim_end: true,
            after: delimiter.chars().next(),
        };
        self.run(content, edges, inner);
        self.open_delimiters.pop();
        let body = self.out.split_off(content_at);
        self.out.truncate(start);
        self.line_start = was_line_start;
        if body.trim().is_empty() {
            // Blanks only: no delimiter holds around them, and they need none.
            self.push(&body);
        } else {
            let around = [
                prev,
                body.chars().next(),
                body.chars().last(),
                trail.chars().next().or(next_char),
            ];
            // A subscript is always `<sub>`: GFM reads `~x~` as strikethrough.
            let sub = matches!(inline, Inline::Subscript { .. });
            if !sub && delimiters_hold(&delimiter, nested, around) {
                self.push(&format!("{delimiter}{body}{delimiter}"));
            } else {
                self.push(&format!("<{tag}>{body}</{tag}>"));
            }
        }
        self.push(trail);
    }

    fn link(
        &mut self,
        url: &str,
        title: Option<&str>,
        content: &'a [Inline],
        next_char: Option<char>,
    ) {
        if let Some(autolink) = autolink(url, title, content) {
            self.push(&autolink);
            return;
        }
        let edges = Edges {
            trim_start: false,
            trim_end: false,
            after: Some(']'),
        };
        if self.in_link {
            // Links do not nest: the inner one keeps its text.
            self.warnings
                .push("a link inside a link was written as its text".into());
            let edges = Edges {
                after: next_char,
                ..edges
            };
            self.run(content, edges, None);
            return;
        }
        if self.after_note {
            // `[^1][text](url)` would read as text: an empty comment keeps them apart.
            self.push("<!-- -->");
        }
        // A note reference inside link text breaks the link: its notes follow the link.
        let outer = self.deferred_notes.replace(Vec::new());
        self.push("[");
        self.in_link = true;
        self.run(content, edges, None);
        self.in_link = false;
        self.push(&format!("]({})", target(url, title)));
        let notes = std::mem::replace(&mut self.deferred_notes, outer);
        for blocks in notes.unwrap_or_default() {
            self.note(blocks);
        }
    }

    /// The first character inlines write, near enough for the flanking rules: the
    /// delimiters of spans (or the `<` of their HTML form) are punctuation all the same.
    /// Inside link text a link is written as its text, and notes wait for the end.
    fn first_char(&self, inlines: &[Inline]) -> Option<char> {
        inlines.iter().find_map(|inline| match inline {
            Inline::Text { text } => text.chars().next(),
            Inline::Link(link) if self.in_link => self.first_char(&link.content),
            Inline::Note { .. } if self.deferred_notes.is_some() => None,
            // A span writes nothing when its content writes nothing (a note waiting for the
            // end of the link text).
            Inline::Emphasis { content } | Inline::Strong { content } => {
                self.first_char(content).map(|_| '*')
            }
            Inline::Strikethrough { content } | Inline::Subscript { content } => {
                self.first_char(content).map(|_| '~')
            }
            Inline::Superscript { content } => self.first_char(content).map(|_| '^'),
            Inline::Code { .. } => Some('`'),
            Inline::Link { .. } | Inline::Note { .. } => Some('['),
            Inline::Image(_) => Some('!'),
            Inline::LineBreak => Some('\\'),
            Inline::Math { .. } => Some('$'),
            Inline::Citation { .. } => Some('['),
        })
    }

    fn note(&mut self, blocks: &'a [Block]) {
        if let Some(deferred) = &mut self.deferred_notes {
            deferred.push(blocks);
            return;
        }
        self.notes.push(blocks);
        let n = self.notes.len();
        self.push(&format!("[^{n}]"));
        self.after_note = true;
    }
}

/// What Markdown drops at the edges of lines and moves out of spans. Other white space (a
/// no-break space) stays, and keeps delimiters from holding next to it.
const BLANK: [char; 2] = [' ', '\t'];

/// The blanks at the start (or end) of a span's content, through nested spans.
fn edge_blanks(content: &[Inline], start: bool) -> &str {
    let edge = if start {
        content.first()
    } else {
        content.last()
    };
    match edge {
        Some(Inline::Text { text }) if start => {
            &text[..text.len() - text.trim_start_matches(BLANK).len()]
        }
        Some(Inline::Text { text }) => &text[text.trim_end_matches(BLANK).len()..],
        Some(
            Inline::Emphasis { content }
            | Inline::Strong { content }
            | Inline::Strikethrough { content }
            | Inline::Superscript { content }
            | Inline::Subscript { content },
        ) => edge_blanks(content, start),
        _ => "",
    }
}

/// What is around a run: whether blanks at its edges go, and the character after it
/// (`None` at the end of a line).
#[derive(Debug, Clone, Copy)]
struct Edges {
    trim_start: bool,
    trim_end: bool,
    after: Option<char>,
}

fn is_blank(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn is_punctuation(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace()))
}

/// CommonMark: a delimiter run is left-flanking when it can open.
fn left_flanking(before: Option<char>, after: Option<char>) -> bool {
    !is_blank(after) && (!is_punctuation(after) || is_blank(before) || is_punctuation(before))
}

fn right_flanking(before: Option<char>, after: Option<char>) -> bool {
    left_flanking(after, before)
}

/// The character that stands for a delimiter's kind: `*` and `_` for emphasis, `~` for
/// the `~` and `^` spans, which pulldown-cmark confuses with each other.
fn delimiter_family(delimiter: &str) -> char {
    match delimiter.chars().next() {
        Some('_') => '_',
        Some('*') => '*',
        _ => '~',
    }
}

/// Whether a span written with `delimiter` on both sides reads back as that span. `around`
/// holds the characters before it, first and last inside it, and after it; `nested` says
/// that a span of the same family is open around this one.
fn delimiters_hold(delimiter: &str, nested: bool, around: [Option<char>; 4]) -> bool {
    let [prev, first, last, next] = around;
    let Some(c) = delimiter.chars().next() else {
        return false;
    };
    // The same character around would join the delimiter run; `~` and `^` runs also
    // confuse each other (`~~~` opens a code fence).
    let family = delimiter_family(delimiter);
    let clash = |x: Option<char>| x == Some(c) || (family == '~' && matches!(x, Some('~' | '^')));
    if around.into_iter().any(clash) {
        return false;
    }
    // `_`, and in pulldown-cmark `^` and a single `~`, do not open or close inside words.
    let intraword_ok = c == '*' || delimiter == "~~";
    let can_open = left_flanking(prev, first);
    let can_close_there = right_flanking(prev, first);
    let opens = can_open && (intraword_ok || !can_close_there || is_punctuation(prev));
    let closes = right_flanking(last, next)
        && (intraword_ok || !left_flanking(last, next) || is_punctuation(next));
    // Inside a span of the same family, an opener that could close would end the outer one,
    // and a closer that could open would start another.
    let unambiguous = !nested || (!can_close_there && !left_flanking(last, next));
    opens && closes && unambiguous
}

/// A citation as pandoc writes it: `[see @doe2020, p. 4; @roe2021]`.
pub fn citation_source(cites: &[crate::model::Cite]) -> String {
    let parts: Vec<String> = cites
        .iter()
        .map(|c| {
            let mut part = String::new();
            if !c.prefix.is_empty() {
                part.push_str(&c.prefix);
                part.push(' ');
            }
            part.push('@');
            part.push_str(&c.key);
            if !c.suffix.is_empty() {
                if !c.suffix.starts_with(',') {
                    part.push(' ');
                }
                part.push_str(&c.suffix);
            }
            part
        })
        .collect();
    format!("[{}]", parts.join("; "))
}

/// What surrounds a text run, for escaping it.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextContext {
    /// At the start of a line: leading blanks go.
    pub line_start: bool,
    /// At the end of a line: trailing blanks go.
    pub line_end: bool,
    /// Block syntax could start here (`#`, `>`, `-`, `+`, `=`, `1.`).
    pub block_syntax: bool,
    /// In a heading: `#` and `}` are escaped.
    pub heading: bool,
    /// A link or note follows, so a final `!` would make an image.
    pub before_bracket: bool,
    /// A note precedes, so a first `:` would make a note definition, a `(` a link.
    pub after_note: bool,
    /// Inside link text or an image description, where GFM finds no autolinks.
    pub in_link: bool,
}

impl TextContext {
    /// Alt text, inside brackets: trimmed, as the reader trims it.
    fn inner(place: Place) -> TextContext {
        TextContext {
            line_start: true,
            line_end: true,
            heading: place.heading,
            in_link: true,
            ..TextContext::default()
        }
    }
}

/// Escapes text so that Markdown reads it back as the same text.
///
/// Markup characters are backslash-escaped (`_` only where it could delimit emphasis, `&`
/// only where it would start an entity); blanks at the edges of a line are dropped, since
/// Markdown cannot keep them; line ends inside text become character references (`&#10;`),
/// since a line end in the source would be a soft break, which reads as a space.
pub fn escape(text: &str, cx: TextContext) -> String {
    let mut text = text;
    if cx.line_start {
        text = text.trim_start_matches(BLANK);
    }
    if cx.line_end {
        text = text.trim_end_matches(BLANK);
    }
    // Every character looked at is ASCII: the text is read by the byte, and the runs
    // between them copied whole.
    let bytes = text.as_bytes();
    let ordinal_end = cx
        .block_syntax
        .then(|| bytes.iter().position(|b| !b.is_ascii_digit()))
        .flatten()
        .filter(|&i| i > 0 && matches!(bytes[i], b'.' | b')'));
    let mut out = String::with_capacity(text.len() + 8);
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let prev = || text[..i].chars().next_back();
        let next = || text[i + 1..].chars().next();
        let escape = match b {
            b'\\' | b'`' | b'*' | b'[' | b']' | b'<' | b'~' | b'^' | b'|' | b'$' => true,
            b'_' => {
                !(prev().is_some_and(char::is_alphanumeric)
                    && next().is_some_and(char::is_alphanumeric))
            }
            b'&' => starts_entity(&text[i + 1..]),
            b'!' => i + 1 == bytes.len() && cx.before_bracket,
            b'(' => i == 0 && cx.after_note,
            b'#' | b'}' if cx.heading => true,
            b'#' | b'>' | b'-' | b'+' | b'=' => i == 0 && cx.block_syntax,
            b'.' | b')' => {
                ordinal_end == Some(i)
                    || (b == b'.' && !cx.in_link && ends_with_word(&text[..i], "www"))
            }
            // What GFM would read as an autolink: `https://`, `www.`, `a@b.c`.
            b':' if i == 0 && cx.after_note => true,
            b':' => {
                !cx.in_link
                    && text[i + 1..].starts_with("//")
                    && (ends_with_word(&text[..i], "http") || ends_with_word(&text[..i], "https"))
            }
            b'@' => {
                !cx.in_link
                    && prev().is_some_and(|p| {
                        p.is_ascii_alphanumeric() || matches!(p, '.' | '-' | '_' | '+')
                    })
            }
            b'\n' | b'\r' => {
                out.push_str(&text[copied..i]);
                out.push_str(if b == b'\n' { "&#10;" } else { "&#13;" });
                copied = i + 1;
                continue;
            }
            _ => false,
        };
        if escape {
            out.push_str(&text[copied..i]);
            out.push('\\');
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether text ends with an ASCII word, in any case.
fn ends_with_word(text: &str, word: &str) -> bool {
    let n = word.len();
    text.len() >= n && text.as_bytes()[text.len() - n..].eq_ignore_ascii_case(word.as_bytes())
}

/// Whether the text after a `&` would make it an entity or numeric reference.
fn starts_entity(rest: &str) -> bool {
    let end = rest.find(';');
    let Some(end) = end.filter(|&e| e > 0) else {
        return false;
    };
    match &rest.as_bytes()[..end] {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        [first, rest @ ..] => {
            first.is_ascii_alphabetic() && rest.iter().all(u8::is_ascii_alphanumeric)
        }
        [] => false,
    }
}

/// A code block's info string: backslashes and entities would be decoded in it.
pub fn escape_info(info: &str) -> String {
    let mut out = String::with_capacity(info.len());
    for (i, c) in info.char_indices() {
        if c == '\\' || (c == '&' && starts_entity(&info[i + 1..])) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code span with enough backticks around it; `|` escaped in table cells.
pub fn code_span(text: &str, table: bool) -> String {
    let mut text = text.replace(['\n', '\r'], " ");
    if text.is_empty() {
        return String::new();
    }
    if table {
        text = text.replace('|', "\\|");
    }
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    // One space on each side is stripped when both are there and the text is not all spaces.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim_matches(' ').is_empty());
    if pad {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// The length of the longest run of `c` in `text`.
pub fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for ch in text.chars() {
        current = if ch == c { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

/// A link destination with its optional title, as written inside `(...)`.
pub fn target(url: &str, title: Option<&str>) -> String {
    let mut out = destination(url);
    if let Some(title) = title {
        out.push_str(" \"");
        for c in title.replace(['\n', '\r'], " ").chars() {
            if matches!(c, '"' | '\\' | '|') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out
}

fn destination(url: &str) -> String {
    let url = url.replace(['\n', '\r'], " ");
    let pointy = url.is_empty()
        || url.contains([' ', '(', ')', '<', '>'])
        || url.chars().any(char::is_control);
    let mut out = String::with_capacity(url.len() + 2);
    if pointy {
        out.push('<');
    }
    for (i, c) in url.char_indices() {
        let escape = match c {
            '\\' | '<' | '>' | '|' => true,
            '&' => starts_entity(&url[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if pointy {
        out.push('>');
    }
    out
}

/// `<url>` for a link whose text is its URL (or its address, for `mailto:`).
fn autolink(url: &str, title: Option<&str>, content: &[Inline]) -> Option<String> {
    let [Inline::Text { text }] = content else {
        return None;
    };
    if title.is_some()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>\\&|`".contains(c))
    {
        return None;
    }
    let is_email = url.strip_prefix("mailto:") == Some(text.as_str()) && is_email(text);
    let is_uri = url == text && has_scheme(url);
    (is_email || is_uri).then(|| format!("<{text}>"))
}

/// A plain address CommonMark autolinks: `local@domain.part`.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
    !local.is_empty()
        && local.chars().all(local_ok)
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Whether a URL starts with a scheme CommonMark autolinks accept (2-32 characters, `:`).
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
}

/// The alt text of an image, escaped, for a figure without caption.
pub fn alt_text(image: &Image) -> String {
    escape(&image.alt, TextContext::inner(Place::BLOCK))
}

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
/// and referenced as `[^n]`, n counting from 1.
pub fn render<'a>(inlines: &'a [Inline], place: Place, notes: &mut Vec<&'a [Block]>) -> String {
    let mut w = InlineWriter {
        out: String::new(),
        line_start: place.line_start,
        place,
        notes,
    };
    w.run(inlines, place.line_end, None);
    w.out
}

struct InlineWriter<'w, 'a> {
    out: String,
    /// Nothing written yet on the current line.
    line_start: bool,
    place: Place,
    notes: &'w mut Vec<&'a [Block]>,
}

impl<'a> InlineWriter<'_, 'a> {
    fn push(&mut self, s: &str) {
        if !s.is_empty() {
            self.out.push_str(s);
            self.line_start = false;
        }
    }

    /// Writes a run; `parent` is the delimiter of the emphasis around it, if any.
    fn run(&mut self, inlines: &'a [Inline], ends_line: bool, parent: Option<char>) {
        let last = inlines.len().saturating_sub(1);
        for (i, inline) in inlines.iter().enumerate() {
            let next = inlines.get(i + 1);
            let prev = i.checked_sub(1).and_then(|p| inlines.get(p));
            // Emphasis at the edge of emphasis takes the other delimiter (`*__a__*`), so
            // that the two do not merge into one run of `***`.
            let at_edge = i == 0 || i == last;
            let delimiter = if at_edge && parent == Some('*') {
                '_'
            } else {
                '*'
            };
            match inline {
                Inline::Text { text } => {
                    let line_end =
                        (ends_line && next.is_none()) || matches!(next, Some(Inline::LineBreak));
                    let after_note = matches!(prev, Some(Inline::Note { .. }));
                    let escaped = escape(text, self.text_context(line_end, next, after_note));
                    self.push(&escaped);
                }
                Inline::Emphasis { content } => {
                    self.span(&delimiter.to_string(), content, Some(delimiter))
                }
                Inline::Strong { content } => {
                    self.span(&delimiter.to_string().repeat(2), content, Some(delimiter))
                }
                Inline::Strikethrough { content } => self.span("~~", content, None),
                Inline::Superscript { content } => self.span("^", content, None),
                Inline::Subscript { content } => self.span("~", content, None),
                Inline::Code { text } => {
                    let span = code_span(text, self.place.table);
                    self.push(&span);
                }
                Inline::Link {
                    url,
                    title,
                    content,
                } => self.link(url, title.as_deref(), content),
                Inline::Image(image) => {
                    let alt = escape(&image.alt, TextContext::inner(self.place));
                    let target = target(&image.src, image.title.as_deref());
                    self.push(&format!("![{alt}]({target})"));
                }
                Inline::LineBreak => {
                    // A backslash break needs text on both sides of it, on lines of a block.
                    if self.place.single_line || i == 0 || i == last {
                        self.push("<br>");
                    } else {
                        self.push("\\\n");
                        self.line_start = true;
                    }
                }
                Inline::Note { blocks } => {
                    self.notes.push(blocks);
                    let n = self.notes.len();
                    self.push(&format!("[^{n}]"));
                }
            }
        }
    }

    fn text_context(&self, line_end: bool, next: Option<&Inline>, after_note: bool) -> TextContext {
        TextContext {
            line_start: self.line_start,
            line_end,
            block_syntax: self.line_start && !self.place.single_line,
            heading: self.place.heading,
            before_bracket: matches!(next, Some(Inline::Link { .. } | Inline::Note { .. })),
            after_note,
        }
    }

    fn span(&mut self, delimiter: &str, content: &'a [Inline], inner: Option<char>) {
        self.push(delimiter);
        self.run(content, false, inner);
        self.push(delimiter);
    }

    fn link(&mut self, url: &str, title: Option<&str>, content: &'a [Inline]) {
        if let Some(autolink) = autolink(url, title, content) {
            self.push(&autolink);
            return;
        }
        self.push("[");
        self.run(content, false, None);
        self.push(&format!("]({})", target(url, title)));
    }
}

/// What surrounds a text run, for escaping it.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextContext {
    pub line_start: bool,
    pub line_end: bool,
    /// Block syntax could start here (`#`, `>`, `-`, `+`, `=`, `1.`).
    pub block_syntax: bool,
    pub heading: bool,
    /// A link or note follows, so a final `!` would make an image.
    pub before_bracket: bool,
    /// A note precedes, so a first `:` would make a note definition.
    pub after_note: bool,
}

impl TextContext {
    /// Text inside brackets, such as alt text.
    fn inner(place: Place) -> TextContext {
        TextContext {
            heading: place.heading,
            ..TextContext::default()
        }
    }
}

/// Escapes text so that Markdown reads it back as the same text.
///
/// Markup characters are backslash-escaped (`_` only where it could delimit emphasis, `&`
/// only where it would start an entity); blanks at the edges of a line are dropped, since
/// Markdown cannot keep them; line breaks inside text become spaces.
pub fn escape(text: &str, cx: TextContext) -> String {
    const BLANK: [char; 2] = [' ', '\t'];
    let text = text.replace(['\n', '\r'], " ");
    let mut text = text.as_str();
    if cx.line_start {
        text = text.trim_start_matches(BLANK);
    }
    if cx.line_end {
        text = text.trim_end_matches(BLANK);
    }
    let chars: Vec<char> = text.chars().collect();
    let ordinal_end = cx
        .block_syntax
        .then(|| chars.iter().position(|c| !c.is_ascii_digit()))
        .flatten()
        .filter(|&i| i > 0 && matches!(chars[i], '.' | ')'));
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' | '^' | '|' => true,
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '&' => starts_entity(&chars[i + 1..]),
            '!' => i + 1 == chars.len() && cx.before_bracket,
            ':' => i == 0 && cx.after_note,
            '#' | '}' if cx.heading => true,
            '#' | '>' | '-' | '+' | '=' => i == 0 && cx.block_syntax,
            '.' | ')' => ordinal_end == Some(i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the characters after a `&` would make it an entity or numeric reference.
fn starts_entity(rest: &[char]) -> bool {
    let end = rest.iter().position(|&c| c == ';');
    let Some(end) = end.filter(|&e| e > 0) else {
        return false;
    };
    let name = &rest[..end];
    match name {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', digits @ ..] => !digits.is_empty() && digits.iter().all(char::is_ascii_digit),
        [first, rest @ ..] => {
            first.is_ascii_alphabetic() && rest.iter().all(char::is_ascii_alphanumeric)
        }
        [] => false,
    }
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
        for c in title.chars() {
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
    let chars: Vec<char> = url.chars().collect();
    let pointy = url.is_empty()
        || url.contains([' ', '(', ')', '<', '>'])
        || url.chars().any(char::is_control);
    let mut out = String::with_capacity(url.len() + 2);
    if pointy {
        out.push('<');
    }
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '<' | '>' | '|' => true,
            '&' => starts_entity(&chars[i + 1..]),
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
    escape(&image.alt, TextContext::default())
}

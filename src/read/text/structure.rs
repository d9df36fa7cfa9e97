//! Units to blocks: paragraphs, headings (explicit or inferred), lists, quotes, code, rules and
//! captions.
//!
//! A caption in text has no image to go with it, and a figure without an image is not valid
//! in EPUB or JATS. So a caption becomes a paragraph in emphasis, its text unchanged, credit
//! included; only a caption that names an image URL becomes a [`Block::Figure`].

use super::inline;
use super::segment::{segment, Kind, Unit};
use crate::model::{Block, Image, Inline, ListItem};

/// Quotes and lists nest no deeper than this; deeper ones are read as paragraphs and items of
/// the last level.
pub const MAX_DEPTH: usize = 8;

/// Words that open a caption or its credit: "Photo: Xinhua", "Image by ...", "(Credit: AP)".
const CAPTION_CUES: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographer",
    "image",
    "images",
    "picture",
    "pic",
    "credit",
    "credits",
    "illustration",
    "graphic",
    "video",
    "file",
    "courtesy",
    "foto",
];

/// Whether a line reads as a caption or photo credit.
pub fn is_caption(text: &str) -> bool {
    text.split_whitespace().count() <= 80 && (credit_start(text).is_some() || leading_cue(text))
}

/// Words of a caption cue that name a picture's source rather than what a video or file shows.
const CREDIT_CUES: &[&str] = &[
    "photo",
    "photograph",
    "image",
    "picture",
    "credit",
    "courtesy",
    "foto",
];

/// Most words a bare credit names its source in.
const MAX_CREDIT_WORDS: usize = 4;

/// A picture's credit and nothing else ("Credit: Amazon", "(Image credit: Wareable)",
/// "Photo by Jane Doe"): it names a source, it says nothing of the article.
pub fn is_bare_credit(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')']);
    let lower = t.to_lowercase();
    let first = lower.split([' ', ':']).next().unwrap_or("");
    let source = lower
        .split_once(':')
        .map(|(_, s)| s)
        .or_else(|| lower.split_once(" by ").map(|(_, s)| s));
    // A key in code or settings ("image: postgres") is in lower case.
    t.starts_with(char::is_uppercase)
        && CREDIT_CUES.contains(&first)
        && leading_cue(t)
        && source.is_some_and(|s| {
            let n = s.split_whitespace().count();
            (1..=MAX_CREDIT_WORDS).contains(&n) && !s.trim_end().ends_with('.')
        })
}

/// "Photo: ...", "Photo by ...", "Image credit: ...".
fn leading_cue(text: &str) -> bool {
    let lower = text.trim_start_matches(['[', '(']).to_lowercase();
    let mut words = lower.split(|c: char| c.is_whitespace() || c == ':');
    let first = words.next().unwrap_or("");
    CAPTION_CUES.contains(&first) && lower[first.len()..].trim_start().starts_with([':', '/'])
        || (CAPTION_CUES.contains(&first) && lower[first.len()..].starts_with(" by "))
        || (CAPTION_CUES.contains(&first) && lower[first.len()..].starts_with(" credit"))
}

/// Byte offset of a trailing bracketed credit: "... 2019. [Photo: Xinhua]".
fn credit_start(text: &str) -> Option<usize> {
    let t = text.trim_end();
    let open = match t.chars().last()? {
        ']' => '[',
        ')' => '(',
        _ => return None,
    };
    let start = t.rfind(open)?;
    leading_cue(&t[start..]).then_some(start)
}

/// A short standalone line in title case or capitals, with no sentence punctuation at its end.
pub fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 12
        || t.chars().count() > 90
        || (t.ends_with('.') && !is_numbered_label(&words))
        || t.ends_with([',', ';', ':', '|', '-'])
        || is_caption(t)
        || super::segment::item_marker(t).is_some()
    {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    let all_caps = letters.iter().all(|c| !c.is_lowercase());
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let title_case = words.first().is_some_and(capital)
        && long.iter().filter(|w| capital(w)).count() * 5 >= long.len() * 4;
    all_caps || title_case
}

/// A label with its number, which books end with a full stop: "CHAPTER I.", "Part 2.".
fn is_numbered_label(words: &[&str]) -> bool {
    let number = words.last().map_or("", |w| w.trim_end_matches('.'));
    let roman = !number.is_empty() && number.chars().all(|c| "IVXLCDM".contains(c));
    let arabic = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    words.len() <= 2 && (roman || arabic)
}

/// How many units from `i` make an inferred heading: a heading-like line alone in its
/// group (1), or the two heading-like lines of a group, a book's "CHAPTER II." over "The
/// Pool of Tears" (2); else 0.
pub fn heading_lines(units: &[Unit], i: usize) -> usize {
    let group = units[i].group;
    if i > 0 && units[i - 1].group == group {
        return 0;
    }
    let n = units[i..].iter().take_while(|u| u.group == group).count();
    let heading_like = units[i..i + n]
        .iter()
        .all(|u| u.kind == Kind::Text && looks_like_heading(&u.text));
    if n <= 2 && heading_like {
        n
    } else {
        0
    }
}

/// The blocks of a sequence of units, and whether quotes or lists nested deeper than
/// [`MAX_DEPTH`] were flattened.
pub fn build(units: &[Unit]) -> (Vec<Block>, bool) {
    let mut flattened = false;
    let blocks = build_at(units, 0, &mut flattened);
    (blocks, flattened)
}

fn build_at(units: &[Unit], depth: usize, flattened: &mut bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let unit = &units[i];
        match &unit.kind {
            Kind::Heading(level) => blocks.push(Block::Heading {
                level: *level,
                id: None,
                content: inline::parse(&unit.text),
            }),
            Kind::Rule => blocks.push(Block::Rule),
            Kind::Code(language) => blocks.push(Block::Code {
                language: language.clone(),
                attributes: Default::default(),
                text: unit.text.clone(),
            }),
            Kind::Quote => blocks.push(quote(&unit.text, depth, flattened)),
            Kind::Item { .. } => {
                let end = (i..units.len())
                    .find(|&k| !matches!(units[k].kind, Kind::Item { .. }))
                    .unwrap_or(units.len());
                blocks.extend(lists(&units[i..end], depth, flattened));
                i = end;
                continue;
            }
            Kind::Text => {
                if is_caption(&unit.text) {
                    blocks.push(caption(&unit.text));
                } else if let Some(n) = inferred_heading(units, i) {
                    let text: Vec<&str> = units[i..i + n].iter().map(|u| u.text.as_str()).collect();
                    blocks.push(Block::Heading {
                        level: 2,
                        id: None,
                        content: inline::parse(&text.join(" ")),
                    });
                    i += n;
                    continue;
                } else {
                    // Lines of one group that were not reflowed keep their line breaks.
                    let mut content = inline::parse(&unit.text);
                    while let Some(next) = units.get(i + 1).filter(|n| {
                        n.kind == Kind::Text && n.group == unit.group && !is_caption(&n.text)
                    }) {
                        content.push(Inline::LineBreak);
                        content.extend(inline::parse(&next.text));
                        i += 1;
                    }
                    blocks.push(Block::Paragraph { content });
                }
            }
        }
        i += 1;
    }
    blocks
}

/// The units of an inferred heading at `i` that something other than a heading follows.
fn inferred_heading(units: &[Unit], i: usize) -> Option<usize> {
    let n = heading_lines(units, i);
    let before_content = units.get(i + n).is_some_and(|next| {
        !matches!(next.kind, Kind::Heading(_) | Kind::Rule) && !looks_like_heading(&next.text)
    });
    (n > 0 && before_content).then_some(n)
}

fn quote(text: &str, depth: usize, flattened: &mut bool) -> Block {
    if depth >= MAX_DEPTH {
        *flattened = true;
        return Block::para(text.replace('\n', " "));
    }
    let mut blocks = build_at(&segment(text), depth + 1, flattened);
    let attribution = match blocks.last() {
        Some(Block::Paragraph { content }) => match content.first() {
            Some(Inline::Text { text })
                if text.starts_with(['—', '―']) || text.starts_with("-- ") =>
            {
                let mut content = content.clone();
                if let Some(Inline::Text { text }) = content.first_mut() {
                    *text = text.trim_start_matches(['—', '―', '-', ' ']).to_string();
                }
                content
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    if !attribution.is_empty() {
        blocks.pop();
    }
    Block::Quote {
        blocks,
        attribution,
    }
}

/// Lists of a run of items: deeper indented items nest in the item before them, and a change
/// between bullets and numbers starts a new list.
fn lists(items: &[Unit], depth: usize, flattened: &mut bool) -> Vec<Block> {
    let indent_of = |u: &Unit| match u.kind {
        Kind::Item { indent, .. } => indent,
        _ => 0,
    };
    let number_of = |u: &Unit| match u.kind {
        Kind::Item { number, .. } => number,
        _ => None,
    };
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let base = items.iter().map(indent_of).min().unwrap_or(0);
    let mut out = Vec::new();
    let mut list_items: Vec<ListItem> = Vec::new();
    let mut start = number_of(first);
    let mut tight = true;
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        let end = (i + 1..items.len())
            .find(|&k| {
                let deeper = indent_of(&items[k]) > base;
                if deeper && depth + 1 >= MAX_DEPTH {
                    *flattened = true;
                }
                !deeper || depth + 1 >= MAX_DEPTH
            })
            .unwrap_or(items.len());
        if number_of(item).is_some() != start.is_some() && !list_items.is_empty() {
            out.push(list_block(start, tight, std::mem::take(&mut list_items)));
            start = number_of(item);
            tight = true;
        }
        if i > 0 && items[i - 1].group != item.group {
            tight = false;
        }
        let mut blocks = Vec::new();
        if !item.text.is_empty() {
            blocks.push(Block::Paragraph {
                content: inline::parse(&item.text),
            });
        }
        blocks.extend(lists(&items[i + 1..end], depth + 1, flattened));
        list_items.push(ListItem { task: None, blocks });
        i = end;
    }
    if !list_items.is_empty() {
        out.push(list_block(start, tight, list_items));
    }
    out
}

fn list_block(start: Option<u64>, tight: bool, items: Vec<ListItem>) -> Block {
    Block::List {
        start,
        tight,
        items,
    }
}

/// A caption as an emphasized paragraph, or as a figure when it names an image URL.
fn caption(text: &str) -> Block {
    let url = text
        .split_whitespace()
        .map(|w| w.trim_matches(['(', ')', '[', ']', '<', '>', ',']))
        .find(|w| is_image_url(w));
    match url {
        Some(src) => {
            let rest = text.replacen(src, "", 1);
            let (caption, credit) = match credit_start(rest.trim()) {
                Some(at) => {
                    let rest = rest.trim();
                    (
                        rest[..at].trim().to_string(),
                        rest[at..].trim_matches(['[', ']', '(', ')']).to_string(),
                    )
                }
                None => (rest.trim().to_string(), String::new()),
            };
            Block::Figure {
                image: Box::new(Image {
                    src: src.to_string(),
                    alt: caption.clone(),
                    title: None,
                }),
                caption: inline::parse(&caption),
                credit: inline::parse(&credit),
            }
        }
        None => Block::Paragraph {
            content: vec![Inline::Emphasis {
                content: inline::parse(text),
            }],
        },
    }
}

fn is_image_url(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"]
            .iter()
            .any(|ext| {
                lower
                    .split(['?', '#'])
                    .next()
                    .is_some_and(|p| p.ends_with(ext))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        build(&segment(text)).0
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "Leaders meet in St. Petersburg on Tuesday. [Photo: Xinhua]"
        ));
        assert!(is_caption(
            "The harbour at dawn (Photo by Jane Doe/Reuters)"
        ));
        assert!(is_caption("Photo by Jane Doe"));
        assert!(is_caption("Image: NASA"));
        assert!(is_caption("Credit: Associated Press"));
        assert!(!is_caption(
            "The photo was taken in 2019 by a tourist who later sold it."
        ));
        assert!(!is_caption("He said (in private) that it was over."));
        let b = blocks("Leaders meet. [Photo: Xinhua]\n");
        assert_eq!(
            b,
            vec![Block::Paragraph {
                content: vec![Inline::Emphasis {
                    content: vec![Inline::text("Leaders meet. [Photo: Xinhua]")]
                }]
            }]
        );
        let b = blocks("Leaders meet https://x.org/a.jpg [Photo: Xinhua]\n");
        match &b[0] {
            Block::Figure {
                image,
                caption,
                credit,
            } => {
                assert_eq!(image.src, "https://x.org/a.jpg");
                assert_eq!(caption, &vec![Inline::text("Leaders meet")]);
                assert_eq!(credit, &vec![Inline::text("Photo: Xinhua")]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inferred_headings() {
        assert!(looks_like_heading("What Comes Next"));
        assert!(looks_like_heading("THE RESULTS"));
        assert!(!looks_like_heading(
            "What comes next for the council and the town"
        ));
        assert!(!looks_like_heading("It Ended."));
        assert!(looks_like_heading("CHAPTER IV."));
        assert!(looks_like_heading("Part 2."));
        assert!(!looks_like_heading("He Won 2."));
        // A book's chapter: its label over its name, in one group.
        let b =
            blocks("CHAPTER II.\nThe Pool of Tears\n\n\"Curiouser and curiouser!\" cried Alice.\n");
        assert_eq!(b[0], Block::heading(2, "CHAPTER II. The Pool of Tears"));
        assert_eq!(b.len(), 2);
        let b = blocks(
            "Intro text that is a sentence.\n\nWhat Comes Next\n\nMore text that is a sentence.\n",
        );
        assert_eq!(b[1], Block::heading(2, "What Comes Next"));
        // Not before content: a run of title-case lines is not a heading.
        let b = blocks("Home\n\nAbout Us\n");
        assert!(
            b.iter().all(|b| matches!(b, Block::Paragraph { .. })),
            "{b:?}"
        );
    }

    #[test]
    fn lists_nest_and_split() {
        let b = blocks("* one\n* two\n  * two a\n  * two b\n* three\n\n1. first\n2. second\n");
        assert_eq!(b.len(), 2, "{b:?}");
        match &b[0] {
            Block::List {
                start: None,
                items,
                tight: true,
            } => {
                assert_eq!(items.len(), 3);
                assert!(
                    matches!(&items[1].blocks[1], Block::List { items, .. } if items.len() == 2)
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&b[1], Block::List { start: Some(1), items, .. } if items.len() == 2));
        let b = blocks("a) apples\nb) pears\n");
        assert!(matches!(&b[0], Block::List { start: Some(1), items, .. } if items.len() == 2));
    }

    #[test]
    fn quotes_with_attribution() {
        let b = blocks("> Be yourself.\n>\n> — Oscar Wilde\n");
        assert_eq!(
            b,
            vec![Block::Quote {
                blocks: vec![Block::para("Be yourself.")],
                attribution: vec![Inline::text("Oscar Wilde")],
            }]
        );
        let deep = ">".repeat(100) + " x\n";
        assert_eq!(blocks(&deep).len(), 1);
    }

    #[test]
    fn unwrapped_lines_of_a_group_keep_their_breaks() {
        let b = blocks("Jane Doe\n12 High Street\nSpringfield\n");
        assert_eq!(
            b,
            vec![Block::Paragraph {
                content: vec![
                    Inline::text("Jane Doe"),
                    Inline::LineBreak,
                    Inline::text("12 High Street"),
                    Inline::LineBreak,
                    Inline::text("Springfield"),
                ]
            }]
        );
    }
}

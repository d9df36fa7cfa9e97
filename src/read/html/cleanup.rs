//! Last passes over the extracted blocks: the title heading the metadata already carries,
//! repeated blocks, and page furniture left at the edges of the article.

use super::meta::similarity;
use crate::model::{inline_text, walk_block, walk_inline, Block, Inline, Visitor};
use std::collections::{HashMap, HashSet};

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

/// Longer paragraphs are not compared: a repeated caption, pull quote or label is
/// furniture, but two equal long paragraphs are the author's.
const MAX_DUPLICATE_CHARS: usize = 200;

/// Text that identifies a block for duplicate detection, or `None` for blocks that may
/// repeat (very short ones, long ones, rules).
fn identity(block: &Block) -> Option<String> {
    let text = match block {
        // Each character not whitespace stays in the identity, lowercase as one or more.
        Block::Paragraph { content } | Block::Heading { content, .. }
            if counts_over(content, MAX_DUPLICATE_CHARS, &mut 0, |c| !c.is_whitespace()) =>
        {
            return None
        }
        Block::Paragraph { content } | Block::Heading { content, .. } => inline_text(content),
        Block::Figure { image, .. } => return Some(format!("img:{}", image.src)),
        Block::Quote { blocks, .. } => crate::model::words_joined(blocks),
        _ => return None,
    };
    let text: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (10..=MAX_DUPLICATE_CHARS)
        .contains(&text.chars().count())
        .then_some(text)
}

/// Removes blocks repeating an earlier one (captions printed twice, pull quotes, the same
/// image loaded twice).
pub fn drop_duplicates(blocks: &mut Vec<Block>) {
    let mut seen = HashSet::new();
    blocks.retain(|b| identity(b).is_none_or(|id| seen.insert(id)));
}

/// Figures sharing one alt text before it stops describing any of them (a template
/// "Illustration for article titled ...").
const TEMPLATE_ALT_REPEATS: usize = 3;

/// Empties alt texts repeated on several different figures: they describe none of them.
pub fn drop_template_alts(blocks: &mut [Block]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for block in blocks.iter() {
        if let Block::Figure { image, .. } = block {
            if !image.alt.trim().is_empty() {
                *counts.entry(image.alt.clone()).or_default() += 1;
            }
        }
    }
    for block in blocks.iter_mut() {
        if let Block::Figure { image, .. } = block {
            if counts
                .get(&image.alt)
                .is_some_and(|&n| n >= TEMPLATE_ALT_REPEATS)
            {
                image.alt.clear();
            }
        }
    }
}

/// How a block reads at the edge of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeClass {
    /// Prose: long enough, few links.
    Good,
    /// Furniture: mostly links, or a short line of the usual furniture words.
    Bad,
    /// Anything else (headings, figures, short lines): kept next to good blocks.
    Neutral,
}

/// Characters of a block's text for a paragraph to count as prose.
const PROSE_CHARS: usize = 70;

/// Words that make a short line furniture ("Share this", "Advertisement", "Read more").
const FURNITURE_CUES: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "share this",
    "share on",
    "share:",
    "read more",
    "related",
    "recommended",
    "you may also like",
    "more from",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "click here",
    "comments",
    "leave a comment",
    "posted in",
    "filed under",
    "tags:",
    "tagged",
    "loading",
    "next article",
    "previous article",
    "back to top",
    "all rights reserved",
    "copyright",
    "©",
    "cookie",
    "skip to",
    "print this",
    "email this",
];

/// Classifies one block by its text length, link density and wording; headings are
/// furniture by the same tests, but never prose.
pub fn edge_class(block: &Block) -> EdgeClass {
    // The text is built only when it is short enough for its wording to count (of lists
    // and quotes, their words: the blocks they are made of).
    let (chars, density, text) = match block {
        Block::Paragraph { content } | Block::Heading { content, .. } => {
            // Counted no further than what makes prose.
            let mut chars = 0;
            counts_over(content, PROSE_CHARS, &mut chars, |c| !c.is_whitespace());
            (chars, link_density(content), None)
        }
        Block::List { .. } if is_teaser_list(block) => return EdgeClass::Bad,
        Block::List { items, .. } => {
            let (total, linked) = items
                .iter()
                .flat_map(|i| &i.blocks)
                .map(|b| link_chars(b.inlines()))
                .fold((0, 0), |(t, l), (bt, bl)| (t + bt, l + bl));
            let blocks = std::slice::from_ref(block);
            (
                word_chars(blocks, PROSE_CHARS),
                density((total, linked)),
                Some(blocks),
            )
        }
        Block::Quote { blocks, .. } => (
            word_chars(blocks, PROSE_CHARS),
            0.0,
            Some(blocks.as_slice()),
        ),
        _ => return EdgeClass::Neutral,
    };
    if density > 0.5 {
        return EdgeClass::Bad;
    }
    // A heading only titles prose; furniture headings ("Comments", "Related") are short.
    let heading = matches!(block, Block::Heading { .. });
    if chars >= PROSE_CHARS && density < 0.33 && !heading {
        return EdgeClass::Good;
    }
    if chars < 50 {
        let text = text.map_or_else(|| inline_text(block.inlines()), crate::model::words_joined);
        let lower = text.to_lowercase();
        if FURNITURE_CUES.iter().any(|c| lower.contains(c)) {
            return EdgeClass::Bad;
        }
    }
    EdgeClass::Neutral
}

/// A list of cards pointing to other pages ("Most popular", "More stories"): at least
/// three items, and half of them, lead with a linked headline, however long their blurbs
/// (the others are ads or cards that lost their headline).
fn is_teaser_list(block: &Block) -> bool {
    let Block::List { items, .. } = block else {
        return false;
    };
    let linked_heading = |b: &Block| {
        matches!(b, Block::Heading { content, .. }
            if matches!(content.as_slice(), [Inline::Link { .. }]))
    };
    let cards = items
        .iter()
        .filter(|i| i.blocks.iter().any(linked_heading))
        .count();
    cards >= 3 && cards * 2 >= items.len()
}

/// Most words a teaser card holds on average: a headline and a line of summary. Longer
/// cards may be the reviews of a listicle.
const TEASER_WORDS: usize = 60;

/// Most words of an introduction to a listing: a page with no more beside its teaser
/// cards lists them as its content.
const INTRODUCTION_WORDS: usize = 100;

/// A teaser list whose cards are short, as teasers are.
fn is_brief_teaser_list(block: &Block) -> bool {
    let Block::List { items, .. } = block else {
        return false;
    };
    is_teaser_list(block) && word_count(block) <= TEASER_WORDS * items.len()
}

/// Drops furniture at the edges of the article: before the first prose block, everything
/// up to the last furniture block; after the last prose block, everything from the first
/// furniture block on, and the headings left hanging before it; after the first prose
/// block, a comment section from its heading on. Blocks between prose are kept, but for
/// ad labels: inside an article, a short line is the author's. An edge holding more than a
/// quarter of the words stays.
pub fn trim_edges(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !is_ad_label(b));
    let mut classes: Vec<EdgeClass> = blocks.iter().map(edge_class).collect();
    mark_fragment_runs(blocks, &mut classes);
    let Some(first_good) = classes.iter().position(|c| *c == EdgeClass::Good) else {
        return;
    };
    // Comments read like prose and can outweigh the article: their heading ends it.
    if let Some(i) = blocks[first_good..].iter().position(is_comment_heading) {
        blocks.truncate(first_good + i);
        classes.truncate(first_good + i);
    }
    let last_good = classes
        .iter()
        .rposition(|c| *c == EdgeClass::Good)
        .unwrap_or(first_good);
    // Words of each block and in all, counted when an edge is weighed.
    let sizes = std::cell::OnceCell::new();
    let sizes = || {
        sizes.get_or_init(|| {
            let sizes: Vec<usize> = blocks.iter().map(word_count).collect();
            let total: usize = sizes.iter().sum();
            (sizes, total)
        })
    };
    // A large edge (references, a list that is the page's point) is content, not furniture,
    // unless it is made of teaser cards with short blurbs; after no more than an
    // introduction, the cards are the page's own listing.
    let words = |range: std::ops::Range<usize>| sizes().0[range].iter().sum::<usize>();
    let small = |range: std::ops::Range<usize>| words(range) * 4 <= sizes().1;
    let teasers = |range: std::ops::Range<usize>, list: usize| {
        is_brief_teaser_list(&blocks[list]) && sizes().1 - words(range) > INTRODUCTION_WORDS
    };
    let end = classes[last_good..]
        .iter()
        .position(|c| *c == EdgeClass::Bad)
        .map(|i| last_good + i)
        .filter(|&end| small(end..blocks.len()) || teasers(end..blocks.len(), end))
        .unwrap_or(blocks.len());
    let start = classes[..first_good]
        .iter()
        .rposition(|c| *c == EdgeClass::Bad)
        .map(|i| i + 1)
        .filter(|&start| small(0..start) || teasers(0..start, start - 1))
        .unwrap_or(0);
    let cut_tail = end < blocks.len();
    blocks.truncate(end);
    blocks.drain(..start);
    // The heading of the furniture just cut ("Related stories").
    while cut_tail && matches!(blocks.last(), Some(Block::Heading { .. })) {
        blocks.pop();
    }
}

/// The words ad slots are labelled with, on a line of their own.
const AD_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
];

/// A paragraph that only labels an ad slot: furniture wherever it stands.
fn is_ad_label(block: &Block) -> bool {
    let Block::Paragraph { content } = block else {
        return false;
    };
    // Every letter or digit stays in the text compared, lowercase as one or more
    // characters: more of them than in the longest label, and it is no label.
    let most = AD_LABELS
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    if counts_over(content, most, &mut 0, char::is_alphanumeric) {
        return false;
    }
    let text = inline_text(content).trim().to_lowercase();
    AD_LABELS.contains(&text.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// Whether more than `limit` characters of the text [`inline_text`] gives of `inlines`
/// match `counted` (`count` carries the tally through nested inlines). Stops counting
/// there.
fn counts_over(
    inlines: &[Inline],
    limit: usize,
    count: &mut usize,
    counted: impl Fn(char) -> bool + Copy,
) -> bool {
    let over = |text: &str, count: &mut usize| {
        for c in text.chars() {
            *count += usize::from(counted(c));
            if *count > limit {
                return true;
            }
        }
        false
    };
    for i in inlines {
        let done = match i {
            Inline::Text { text } | Inline::Code { text } => over(text, count),
            Inline::Image(img) => over(&img.alt, count),
            Inline::LineBreak => over(" ", count),
            Inline::Note { .. } => false,
            other => counts_over(other.children(), limit, count, counted),
        };
        if done {
            return true;
        }
    }
    false
}

/// Headings that open a comment section, whatever it holds. ("Comments" alone may title a
/// section of a style guide.)
const COMMENT_HEADINGS: &[&str] = &[
    "reader comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "join the discussion",
    "join the conversation",
];

/// Words that, after a count, name comments ("12 Responses", "3 comments on ...").
const COMMENT_WORDS: &[&str] = &["comment", "response", "repl"];

/// A heading that opens the readers' comments: one of the usual titles, or a count of
/// comments, perhaps "on" or "to" the article.
fn is_comment_heading(block: &Block) -> bool {
    let Block::Heading { content, .. } = block else {
        return false;
    };
    let text = inline_text(content).trim().to_lowercase();
    let text = text.trim_end_matches([':', '.']);
    let words: Vec<&str> = text.split_whitespace().collect();
    let counted = match words.as_slice() {
        [count, what, rest @ ..] => {
            count.chars().all(|c| c.is_ascii_digit())
                && COMMENT_WORDS.iter().any(|c| what.starts_with(c))
                && rest
                    .first()
                    .is_none_or(|w| matches!(*w, "on" | "to" | "so"))
        }
        _ => false,
    };
    counted || COMMENT_HEADINGS.contains(&text)
}

/// Consecutive fragments that make a run of widget controls ("Auto", "HD", "Aa", a list
/// of font names) rather than writing.
const FRAGMENT_RUN: usize = 8;

/// Longest label, in non-space characters: words do not split text without spaces.
const FRAGMENT_CHARS: usize = 20;

/// A block of a short label at most, or a list of such labels.
fn is_fragment(block: &Block) -> bool {
    // Counted no further than a label goes: most blocks are prose.
    let label = |blocks: &[Block]| {
        let (mut words, mut chars) = (0, 0);
        crate::model::for_each_word_while(blocks, |w| {
            words += 1;
            chars += w.chars().count();
            words <= 3 && chars <= FRAGMENT_CHARS
        });
        words <= 3 && chars <= FRAGMENT_CHARS
    };
    match block {
        Block::List { items, .. } => items.iter().all(|i| label(&i.blocks)),
        Block::Heading { .. } | Block::Paragraph { .. } => label(std::slice::from_ref(block)),
        _ => false,
    }
}

/// A long run of fragments is never prose (a list of labels can be long), and its last
/// block is furniture, so that an edge made of player or widget controls is cut up to there.
fn mark_fragment_runs(blocks: &[Block], classes: &mut [EdgeClass]) {
    let mut start = 0;
    for end in 0..=blocks.len() {
        if blocks.get(end).is_some_and(is_fragment) {
            continue;
        }
        if end - start >= FRAGMENT_RUN {
            classes[start..end].fill(EdgeClass::Neutral);
            classes[end - 1] = EdgeClass::Bad;
        }
        start = end + 1;
    }
}

/// Share of the text of inlines inside links.
pub fn link_density(inlines: &[Inline]) -> f64 {
    density(link_chars(inlines))
}

fn density((total, linked): (usize, usize)) -> f64 {
    if total == 0 {
        0.0
    } else {
        linked as f64 / total as f64
    }
}

/// Non-space characters of inlines' text, and how many of them are inside links.
fn link_chars(inlines: &[Inline]) -> (usize, usize) {
    fn walk(xs: &[Inline], in_link: bool, total: &mut usize, linked: &mut usize) {
        for x in xs {
            match x {
                Inline::Text { text } | Inline::Code { text } => {
                    let n = non_space_chars(text);
                    *total += n;
                    if in_link {
                        *linked += n;
                    }
                }
                Inline::Link(link) => walk(&link.content, true, total, linked),
                other => walk(other.children(), in_link, total, linked),
            }
        }
    }
    let (mut total, mut linked) = (0, 0);
    walk(inlines, false, &mut total, &mut linked);
    (total, linked)
}

/// The characters of text that are not whitespace.
fn non_space_chars(text: &str) -> usize {
    if text.is_ascii() {
        text.bytes().filter(|b| !is_ascii_space(*b)).count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// The characters of the words of blocks: `non_space_chars(&words_joined(blocks))`,
/// without joining them, counted until `enough` of them are.
fn word_chars(blocks: &[Block], enough: usize) -> usize {
    let mut chars = 0;
    crate::model::for_each_word_while(blocks, |w| {
        chars += w.chars().count();
        chars < enough
    });
    chars
}

/// The ASCII characters [`char::is_whitespace`] holds to be whitespace (`u8`'s own test
/// leaves out the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// `text.split_whitespace().count()`.
fn words_in(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_word = false;
    for b in text.bytes() {
        let space = is_ascii_space(b);
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// How many words a block holds, as [`crate::model::words`] counts them.
fn word_count(block: &Block) -> usize {
    struct Count(usize);
    impl Visitor for Count {
        fn visit_block(&mut self, block: &Block) {
            match block {
                Block::Code { text, .. } => self.0 += words_in(text),
                Block::Figure { image, .. } => self.0 += words_in(&image.alt),
                _ => {}
            }
            walk_block(self, block);
        }
        fn visit_inline(&mut self, inline: &Inline) {
            match inline {
                Inline::Text { text } | Inline::Code { text } => self.0 += words_in(text),
                Inline::Image(img) => self.0 += words_in(&img.alt),
                _ => {}
            }
            walk_inline(self, inline);
        }
    }
    let mut count = Count(0);
    count.visit_block(block);
    count.0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcuts count as the Unicode definitions do.
        #[test]
        fn counts_match_unicode_whitespace(text in "[ a\\t\\n\\x0b\\x0c\\r\\u{a0}é\\u{2003}b.]{0,16}") {
            proptest::prop_assert_eq!(words_in(&text), text.split_whitespace().count());
            proptest::prop_assert_eq!(
                non_space_chars(&text),
                text.chars().filter(|c| !c.is_whitespace()).count()
            );
        }
    }

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

    fn link(text: &str) -> Inline {
        Inline::link("u", None, vec![Inline::text(text)])
    }

    #[test]
    fn word_chars_count_the_joined_words() {
        let blocks = vec![
            Block::para("Naïve  words,\tspaced"),
            Block::Quote {
                blocks: vec![Block::para(" é b ")],
                attribution: vec![],
            },
        ];
        let joined = crate::model::words_joined(&blocks);
        assert_eq!(word_chars(&blocks, usize::MAX), non_space_chars(&joined));
        assert_eq!(word_chars(&blocks, usize::MAX), 19);
        // Counted a word at a time up to enough.
        assert_eq!(word_chars(&blocks, 6), 11);
    }

    #[test]
    fn edge_classes() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        assert_eq!(edge_class(&Block::para(prose)), EdgeClass::Good);
        assert_eq!(
            edge_class(&Block::Paragraph {
                content: vec![link("Next article")]
            }),
            EdgeClass::Bad
        );
        assert_eq!(edge_class(&Block::para("Advertisement")), EdgeClass::Bad);
        assert_eq!(edge_class(&Block::para("He left.")), EdgeClass::Neutral);
        assert_eq!(edge_class(&Block::heading(2, "Related")), EdgeClass::Bad);
        assert_eq!(
            edge_class(&Block::heading(2, "What comes next")),
            EdgeClass::Neutral
        );
    }

    #[test]
    fn furniture_headings_end_the_article() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        assert_eq!(
            edge_class(&Block::heading(3, "No comments:")),
            EdgeClass::Bad
        );
        assert_eq!(edge_class(&Block::heading(2, prose)), EdgeClass::Neutral);
        let linked = Block::Heading {
            level: 2,
            id: None,
            content: vec![link("Searches people also made")],
        };
        assert_eq!(edge_class(&linked), EdgeClass::Bad);
        let mut b = vec![
            Block::para(prose),
            Block::para(prose),
            Block::heading(2, "The end"),
            Block::para("It was over."),
            Block::heading(4, "3 Comments"),
            Block::para("Your name"),
        ];
        trim_edges(&mut b);
        assert_eq!(b.len(), 4);
    }

    #[test]
    fn ad_labels_go_anywhere() {
        assert!(is_ad_label(&Block::para(" ADVERTISEMENT ")));
        assert!(is_ad_label(&Block::para("- Advertisement -")));
        assert!(!is_ad_label(&Block::para("Advertising works.")));
        assert!(!is_ad_label(&Block::heading(2, "Advertising")));
    }

    #[test]
    fn comment_sections_go_however_long() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        let heading = |t: &str| is_comment_heading(&Block::heading(2, t));
        assert!(heading("12 Responses"));
        assert!(heading("3 Comments on “Tea”"));
        assert!(heading("Leave a Reply"));
        assert!(!heading("3 reasons to drink tea"));
        assert!(!heading("10 comments that changed the web"));
        assert!(!heading("Comments"));
        assert!(!is_comment_heading(&Block::para("Leave a reply")));
        let mut b = vec![Block::heading(2, "Tea at home"), Block::para(prose)];
        b.push(Block::heading(3, "12 Responses"));
        for _ in 0..6 {
            b.push(Block::para(prose));
        }
        trim_edges(&mut b);
        assert_eq!(
            b,
            vec![Block::heading(2, "Tea at home"), Block::para(prose)]
        );
    }

    #[test]
    fn edges_are_trimmed_inside_kept() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        let mut b = vec![
            Block::Paragraph {
                content: vec![link("Home"), Inline::text(" > "), link("World")],
            },
            Block::para("Short standfirst."),
            Block::para(prose),
            Block::para("Share this"),
            Block::para(prose),
            Block::heading(3, "Read next"),
            Block::Paragraph {
                content: vec![link("Another story entirely")],
            },
            Block::para(prose),
        ];
        b.pop();
        trim_edges(&mut b);
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], Block::para("Short standfirst."));
        assert_eq!(b[2], Block::para("Share this"));
    }

    #[test]
    fn teaser_lists_are_furniture() {
        let blurb = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        let card = |linked: bool| {
            let title = if linked {
                link("Another story")
            } else {
                Inline::text("A step")
            };
            crate::model::ListItem {
                task: None,
                blocks: vec![
                    Block::Heading {
                        level: 3,
                        id: None,
                        content: vec![title],
                    },
                    Block::para(blurb),
                ],
            }
        };
        let list = |linked: bool| Block::List {
            start: None,
            tight: false,
            items: vec![card(linked), card(linked), card(linked)],
        };
        assert_eq!(edge_class(&list(true)), EdgeClass::Bad);
        assert_eq!(edge_class(&list(false)), EdgeClass::Good);
        let ad = crate::model::ListItem {
            task: None,
            blocks: vec![Block::para("Sponsor name")],
        };
        let mixed = |cards: usize, ads: usize| Block::List {
            start: None,
            tight: false,
            items: (0..cards)
                .map(|_| card(true))
                .chain((0..ads).map(|_| ad.clone()))
                .collect(),
        };
        assert!(is_teaser_list(&mixed(3, 3)));
        assert!(!is_teaser_list(&mixed(3, 4)));
        assert!(!is_teaser_list(&mixed(2, 0)));
        // Teasers at the tail go even when they outweigh the article, unless their cards are
        // long, as the reviews of a listicle are.
        let article = vec![Block::para(blurb); 6];
        let mut b = article.clone();
        b.push(mixed(12, 2));
        trim_edges(&mut b);
        assert_eq!(b, article);
        // After an introduction alone, the cards are the page's listing.
        let mut b = vec![Block::para(blurb), mixed(6, 2)];
        trim_edges(&mut b);
        assert_eq!(b.len(), 2);
        let review = crate::model::ListItem {
            task: None,
            blocks: vec![
                Block::Heading {
                    level: 3,
                    id: None,
                    content: vec![link("A product")],
                },
                Block::para(blurb),
                Block::para(blurb),
                Block::para(blurb),
                Block::para(blurb),
            ],
        };
        let reviews = Block::List {
            start: None,
            tight: false,
            items: vec![review.clone(), review.clone(), review],
        };
        let mut b = vec![Block::para(blurb), reviews];
        trim_edges(&mut b);
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn template_alts_are_emptied() {
        let figure = |src: &str, alt: &str| Block::Figure {
            image: Box::new(crate::model::Image {
                src: src.to_string(),
                alt: alt.to_string(),
                title: None,
            }),
            caption: Vec::new(),
            credit: Vec::new(),
        };
        let alt_of = |b: &Block| match b {
            Block::Figure { image, .. } => image.alt.clone(),
            _ => String::from("?"),
        };
        let mut b = vec![
            figure("a.jpg", "Illustration for article"),
            figure("b.jpg", "Illustration for article"),
            figure("c.jpg", "A red fox"),
            figure("d.jpg", "Illustration for article"),
            figure("e.jpg", "A red fox"),
        ];
        drop_template_alts(&mut b);
        let alts: Vec<String> = b.iter().map(alt_of).collect();
        assert_eq!(alts, ["", "", "A red fox", "", "A red fox"]);
    }

    #[test]
    fn fragment_runs_at_the_edge_go() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        let labels = [
            "Auto",
            "High (HD)",
            "Low",
            "Back",
            "English",
            "Aa",
            "Aa",
            "Style Options",
        ];
        let mut b: Vec<Block> = labels.iter().map(|l| Block::para(*l)).collect();
        b.push(Block::para("This video is not available."));
        for _ in 0..8 {
            b.push(Block::para(prose));
        }
        trim_edges(&mut b);
        assert_eq!(b[0], Block::para("This video is not available."));
        assert_eq!(b.len(), 9);
    }

    #[test]
    fn short_fragment_runs_stay() {
        let prose = "A sentence of prose that runs long enough, with some more words, to be a real paragraph of text.";
        let mut b: Vec<Block> = ["Part one", "Summary", "Key points"]
            .iter()
            .map(|l| Block::para(*l))
            .collect();
        for _ in 0..8 {
            b.push(Block::para(prose));
        }
        trim_edges(&mut b);
        assert_eq!(b.len(), 11);
    }

    #[test]
    fn word_counts_match_the_model_words() {
        let b = Block::List {
            start: None,
            tight: true,
            items: vec![crate::model::ListItem {
                task: None,
                blocks: vec![
                    Block::para("one  two"),
                    Block::Code {
                        language: None,
                        attributes: Default::default(),
                        text: "a b\nc".into(),
                    },
                ],
            }],
        };
        assert_eq!(word_count(&b), 5);
        assert_eq!(word_count(&b), crate::model::words(&[b]).len());
    }

    #[test]
    fn link_density_counts_link_text() {
        let xs = vec![
            Inline::text("ab "),
            Inline::link("u", None, vec![Inline::text("cd")]),
        ];
        assert_eq!(link_density(&xs), 0.5);
    }
}

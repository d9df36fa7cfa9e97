//! What element names, attributes, classes and ids say about an element: never content,
//! hidden, boilerplate, or likely to hold the article.

use super::dom::{Dom, NodeId};

/// Elements whose content never reaches the model.
pub fn is_never_content(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "template"
            | "svg"
            | "canvas"
            | "audio"
            | "video"
            | "source"
            | "track"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "dialog"
            | "frame"
            | "frameset"
            | "applet"
            | "map"
            | "param"
    )
}

/// A heading's permalink: a link to a place on the same page whose text is only a mark
/// (`¶`, `#`, `§`, a link or anchor emoji, an icon font's private character), which
/// documentation generators put after every heading and definition.
pub fn is_permalink(dom: &Dom, id: NodeId) -> bool {
    dom.is(id, "a")
        && dom.attr(id, "href").is_some_and(|h| h.starts_with('#'))
        && dom.text(id).chars().all(|c| {
            c.is_whitespace()
                || matches!(c, '¶' | '§' | '#' | '🔗' | '⚓' | '\u{fe0e}' | '\u{fe0f}')
                || ('\u{e000}'..='\u{f8ff}').contains(&c)
        })
}

/// A panel of a tab list or an accordion: the page's content, shown with a click on its tab
/// or its heading (a code sample in each language, a product's details), whatever hides it
/// until then.
fn is_collapsed_panel(dom: &Dom, id: NodeId) -> bool {
    matches!(dom.attr(id, "role"), Some("tabpanel" | "region"))
        || dom.attr(id, "class").is_some_and(|c| {
            PANEL_CLASSES
                .iter()
                .any(|p| contains_ignore_case(c, p.as_bytes()))
        })
        || follows_question(dom, id)
}

/// A question is at most this long: longer text ending in `?` is prose.
const MAX_QUESTION_CHARS: usize = 200;

/// Whether the element sibling just before an element is a short question: the element is
/// its answer in a list of questions, shown with a click on the question.
fn follows_question(dom: &Dom, id: NodeId) -> bool {
    let Some(parent) = dom.parent(id) else {
        return false;
    };
    let siblings = dom.children(parent);
    let Some(at) = siblings.iter().position(|&s| s == id) else {
        return false;
    };
    siblings[..at]
        .iter()
        .rev()
        .find(|&&s| dom.tag(s).is_some())
        .is_some_and(|&q| is_short_question(dom, q))
}

/// Whether an element's text is a short question: at most [`MAX_QUESTION_CHARS`], ending
/// in `?`.
fn is_short_question(dom: &Dom, id: NodeId) -> bool {
    let chars: usize = dom.descendants(id).map(|d| dom.text_len(d)).sum();
    chars <= MAX_QUESTION_CHARS && dom.text(id).trim_end().ends_with('?')
}

/// A button that asks a question and has an element after it, or after the heading it
/// alone fills (its answer): the trigger of a list of questions, whose text is the question.
pub fn is_question_button(dom: &Dom, id: NodeId) -> bool {
    if !dom.is(id, "button") || !is_short_question(dom, id) {
        return false;
    }
    let mut item = id;
    for _ in 0..=QUESTION_WRAPPERS {
        let Some(parent) = dom.parent(item) else {
            return false;
        };
        let mut elements = dom
            .children(parent)
            .iter()
            .filter(|&&s| dom.tag(s).is_some());
        if elements
            .clone()
            .skip_while(|&&s| s != item)
            .nth(1)
            .is_some()
        {
            return true;
        }
        if elements.nth(1).is_some() {
            return false;
        }
        item = parent;
    }
    false
}

/// Elements a question's button may fill alone (a heading around it) above its answer.
const QUESTION_WRAPPERS: usize = 2;

/// Parts of the classes of tab and accordion panels (Bootstrap's `tab-pane`, `accordion-body`,
/// `collapse`; `tab__content` as BEM writes it; an expander's content).
const PANEL_CLASSES: &[&str] = &[
    "accordion",
    "tab-pane",
    "tab-panel",
    "tabpanel",
    "tab-content",
    "tab__content",
    "collapse",
    "expander",
];

/// Hidden by the `hidden` attribute, `aria-hidden`, an inline style, or a class of text for
/// screen readers only; never the panel of a tab or an accordion.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    // The panel's classes are read only for the few elements marked hidden.
    marked_hidden(dom, id) && !is_collapsed_panel(dom, id)
}

fn marked_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() && is_streamed_segment(dom, id) {
        return false;
    }
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        // Images marked aria-hidden are decorative duplicates at worst; their figure keeps them.
        return !dom.is(id, "img");
    }
    if dom.attr(id, "class").is_some_and(names_screen_reader_text) {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        // Most inline styles say neither: no need to normalise them.
        if !contains_ignore_case(s, b"none") && !contains_ignore_case(s, b"hidden") {
            return false;
        }
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Classes of text written for screen readers only, which the page does not show
/// (`sr-only`, `u-srOnly`, `rating__caption-sr`, `visually-hidden`): the word `sr`, or
/// `visually` before `hidden`, in a class's parts; not in a modifier, which tells of a
/// part of the element (`field--label-visually_hidden`: its label is hidden).
pub fn names_screen_reader_text(class: &str) -> bool {
    // Most classes have neither word: no need to split them.
    if !contains_ignore_case(class, b"sr") && !contains_ignore_case(class, b"visually") {
        return false;
    }
    class
        .split_ascii_whitespace()
        .filter(|c| !c.contains("--"))
        .any(|c| {
            let mut parts = class_parts(c);
            let mut after_visually = false;
            parts.any(|p| {
                let hit = p.eq_ignore_ascii_case("sr")
                    || (after_visually && p.eq_ignore_ascii_case("hidden"));
                after_visually = p.eq_ignore_ascii_case("visually");
                hit
            })
        })
}

/// The parts of one class name: split at `-` and `_`, and before an upper-case letter that
/// follows a lower-case one (`srOnly`).
fn class_parts(class: &str) -> impl Iterator<Item = &str> {
    let b = class.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i <= b.len() {
            let at = i;
            i += 1;
            let cut = at == b.len()
                || b[at] == b'-'
                || b[at] == b'_'
                || (at > start && b[at].is_ascii_uppercase() && b[at - 1].is_ascii_lowercase());
            if cut {
                let part = &class[start..at];
                start = if at < b.len() && (b[at] == b'-' || b[at] == b'_') {
                    at + 1
                } else {
                    at
                };
                if !part.is_empty() {
                    return Some(part);
                }
            }
        }
        None
    })
}

/// A segment of a page rendered in streamed parts (React's `<div hidden id="S:0">`): the
/// page's script moves it into view as soon as it arrives, so it is shown, not hidden.
fn is_streamed_segment(dom: &Dom, id: NodeId) -> bool {
    dom.attr(id, "id")
        .and_then(|v| v.strip_prefix("S:"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `text` holds `word`, ASCII letters compared without case.
pub fn contains_ignore_case(text: &str, word: &[u8]) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Page furniture by element name or ARIA role.
pub fn is_boilerplate_element(dom: &Dom, id: NodeId) -> bool {
    let by_tag = matches!(dom.tag(id), Some("nav" | "aside" | "footer"));
    let by_role = dom.attr(id, "role").is_some_and(|r| {
        matches!(
            r,
            "navigation"
                | "menu"
                | "menubar"
                | "complementary"
                | "contentinfo"
                | "banner"
                | "alert"
                | "alertdialog"
                | "dialog"
                | "search"
        )
    });
    by_tag || by_role
}

/// Words by which an image's alt text, class or id names it part of the page's frame rather
/// than of what the page says: a site's or a partner's logo, a commenter's avatar, an icon,
/// a badge.
const FURNITURE_IMAGE_WORDS: &[&str] = &[
    "logo", "logos", "avatar", "avatars", "icon", "icons", "badge", "badges",
];

/// An image that names itself a logo, an avatar, an icon or a badge, outside a captioned
/// figure (where a caption says what it shows: a logo an article is about).
pub fn is_furniture_image(dom: &Dom, id: NodeId) -> bool {
    let named = |name: &str| {
        dom.attr(id, name).is_some_and(|v| {
            tokens(&v.to_ascii_lowercase()).any(|t| FURNITURE_IMAGE_WORDS.contains(&t))
        })
    };
    let captioned = || {
        dom.ancestors(id)
            .find(|&a| dom.is(a, "figure"))
            .is_some_and(|f| dom.descendants(f).any(|d| dom.is(d, "figcaption")))
    };
    dom.is(id, "img") && (named("alt") || named("class") || named("id")) && !captioned()
}

/// Labels of the statistics a forum shows beside each post's author (`Joined`, `Messages`,
/// `Reaction score`), lowercase, one or two words.
const MEMBER_STAT_LABELS: &[&str] = &[
    "joined",
    "join date",
    "member since",
    "registered",
    "messages",
    "posts",
    "threads",
    "points",
    "trophy points",
    "reaction score",
    "likes",
    "likes received",
    "reputation",
    "best answers",
    "solutions",
    "thanks",
    "karma",
];

/// Whether a word is a count (`1,024`, `3.5k`) or part of a date (`Mar`, `25,`, `2013`).
fn is_count_or_date_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let digits = w.trim_end_matches(['k', 'K', 'm', 'M']);
    (!digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/' | '-')))
        || super::dates::is_month_name(w)
}

/// Whether a text is only a count or a date, of three words at most ("1,204", "Mar 25, 2013").
pub fn is_count_or_date(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=3).contains(&words) && text.split_whitespace().all(is_count_or_date_word)
}

/// Whether a text is only statistics of a forum member: one or more labels each followed by
/// a count or a date ("Joined Mar 25, 2013", "Messages 2", "Posts: 1,024").
pub fn is_member_stats(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let label = |n: usize| {
            words.get(i..i + n).is_some_and(|w| {
                let joined = w.join(" ").to_lowercase();
                MEMBER_STAT_LABELS.contains(&joined.trim_end_matches(':'))
            })
        };
        let Some(n) = [2, 1].into_iter().find(|&n| label(n)) else {
            return false;
        };
        i += n;
        let values = words[i..]
            .iter()
            .take(3)
            .take_while(|w| is_count_or_date_word(w))
            .count();
        if values == 0 {
            return false;
        }
        i += values;
    }
    i > 0
}

/// Words of class and id that mark page furniture, matched as whole tokens of the
/// attribute (split at `-`, `_`, spaces, camelCase is left as is).
const BOILERPLATE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "cookie",
    "cookies",
    "consent",
    "disqus",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pager",
    "pagination",
    "popup",
    "modal",
    "modals",
    "disclaimer",
    "disclaimers",
    "disclosure",
    "disclosures",
    "promo",
    "related",
    "recommended",
    "recirc",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "signup",
    "taboola",
    "tags",
    "toolbar",
    "widget",
    "header",
    "bio",
    "author-bio",
    "about-author",
    "trending",
    "popular",
    "follow",
    "skip",
    "jump",
    "login",
    "paywall",
    "supplemental",
    "yom-remote",
    "agegate",
];

/// Furniture words that never name a page's building blocks.
const NOT_BLOCK_WORDS: &[&str] = &[
    "comment",
    "comments",
    "replies",
    "remark",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "breadcrumb",
    "breadcrumbs",
    "pager",
    "pagination",
];

/// Substrings that mark page furniture even inside longer words (`commentlist`). Share bars
/// are left to the extraction, which drops them when short: sites put "share" in the names
/// of article wrappers too.
const BOILERPLATE_PARTS: Parts = Parts::new(&[
    "comment",
    "disqus",
    "newsletter",
    "sidebar",
    "breadcrumb",
    "cookie",
    "consent",
    "outbrain",
    "taboola",
    "related",
    "recommend",
    "social",
    "advert",
    "sponsor",
    "subscribe",
    "signup",
    "popup",
    "author-bio",
    "authorbio",
    "about-the-author",
]);

/// Parts of class and id that mark a container of the article itself; they outweigh
/// furniture words (`article-header`, `contentWithSidebar` are not page furniture).
const CONTENT_PARTS: Parts = Parts::new(&[
    "article", "body", "column", "content", "main", "mathjax", "shadow",
]);

/// Substrings looked for together in one pass over the text: every element's class and id
/// is searched for dozens of them, and a search per substring costs a searcher's set-up.
struct Parts {
    parts: &'static [&'static str],
    /// For each byte, the set of parts starting with it.
    by_first: [u32; 256],
}

impl Parts {
    const fn new(parts: &'static [&'static str]) -> Parts {
        assert!(parts.len() <= 32);
        let mut by_first = [0u32; 256];
        let mut i = 0;
        while i < parts.len() {
            by_first[parts[i].as_bytes()[0] as usize] |= 1 << i;
            i += 1;
        }
        Parts { parts, by_first }
    }

    /// Whether `text` holds any of the parts.
    fn in_text(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.iter().enumerate().any(|(i, &b)| {
            let mut set = self.by_first[b as usize];
            while set != 0 {
                let k = set.trailing_zeros() as usize;
                let part = self.parts[k].as_bytes();
                // The second byte first: most candidates fail there, without a comparison
                // of slices.
                if (part.len() < 2 || bytes.get(i + 1) == part.get(1))
                    && bytes[i..].starts_with(part)
                {
                    return true;
                }
                set &= set - 1;
            }
            false
        })
    }
}

fn tokens(class_and_id: &str) -> impl Iterator<Item = &str> {
    class_and_id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// Class and id without the words that name comments and replies: on a discussion page the
/// comments are the posts, the page's content.
pub fn without_comment_words(class_and_id: &str) -> String {
    class_and_id
        .replace("comment", " ")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty() && !matches!(*t, "s" | "replies" | "reply" | "remark"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether class and id name customers' reviews: a word "reviews" of their own or run into
/// others (`product-reviews`, `reviewsSection`, `okeReviews`), not "previews".
pub fn names_reviews(class_and_id: &str) -> bool {
    tokens(&class_and_id.to_ascii_lowercase())
        .any(|t| t.starts_with("reviews") || (t.ends_with("reviews") && !t.ends_with("previews")))
}

/// The furniture words of class and id (whole tokens) that may also name the blocks a page
/// is built of, as a set of indexes into the furniture words. Menus stay menus however
/// large, and comments are judged by whether the page is a discussion.
pub fn block_words(class_and_id: &str) -> u128 {
    tokens(class_and_id)
        .filter_map(furniture_word)
        .filter(|&i| !NOT_BLOCK_WORDS.contains(&BOILERPLATE_TOKENS[i]))
        .fold(0, |set, i| set | 1 << i)
}

/// The index of a token among the furniture words. Every element's class is looked up,
/// so the words are found by a hash of their bytes rather than one by one.
fn furniture_word(token: &str) -> Option<usize> {
    let mut at = word_hash(token.as_bytes());
    loop {
        let k = FURNITURE_SLOTS[at];
        if k == EMPTY_SLOT {
            return None;
        }
        if BOILERPLATE_TOKENS[k as usize] == token {
            return Some(k as usize);
        }
        at = (at + 1) % FURNITURE_SLOTS.len();
    }
}

/// FNV-1a, to a slot of [`FURNITURE_SLOTS`].
const fn word_hash(bytes: &[u8]) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h as usize % 256
}

const EMPTY_SLOT: u8 = u8::MAX;

/// The furniture words' indexes by hash, open addressing with linear probing.
const FURNITURE_SLOTS: [u8; 256] = {
    let mut slots = [EMPTY_SLOT; 256];
    let mut i = 0;
    while i < BOILERPLATE_TOKENS.len() {
        let mut at = word_hash(BOILERPLATE_TOKENS[i].as_bytes());
        while slots[at] != EMPTY_SLOT {
            at = (at + 1) % 256;
        }
        slots[at] = i as u8;
        i += 1;
    }
    slots
};

const _: () = assert!(BOILERPLATE_TOKENS.len() <= 128);

/// The furniture words naming a header, as a set for [`without_words`].
pub fn header_words() -> u128 {
    BOILERPLATE_TOKENS
        .iter()
        .enumerate()
        .filter(|(_, w)| matches!(**w, "header" | "masthead"))
        .fold(0, |set, (i, _)| set | 1 << i)
}

/// The furniture words that name ways around a page (menus, skip and jump links, pagers,
/// toolbars) and links to follow the site: such blocks hold links, never an article's
/// paragraphs.
pub fn navigation_words() -> u128 {
    BOILERPLATE_TOKENS
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            matches!(
                **w,
                "menu"
                    | "nav"
                    | "navbar"
                    | "navigation"
                    | "skip"
                    | "jump"
                    | "pager"
                    | "pagination"
                    | "toolbar"
                    | "breadcrumb"
                    | "breadcrumbs"
                    | "follow"
            )
        })
        .fold(0, |set, (i, _)| set | 1 << i)
}

/// Whether class and id name an author's box (`author`, `author-info`, `bio`), not an
/// entry marked with its author's name (`hentry author-jane-doe`).
pub fn names_author(class_and_id: &str) -> bool {
    tokens(class_and_id).any(|t| matches!(t, "author" | "authors" | "bio"))
        && !tokens(class_and_id).any(|t| t == "hentry")
}

/// Whether class and id name a header (`site-header`, `masthead`).
pub fn names_header(class_and_id: &str) -> bool {
    tokens(class_and_id).any(|t| matches!(t, "header" | "masthead"))
}

/// Class and id without the furniture words of the set `words` (see [`block_words`]).
pub fn without_words(class_and_id: &str, words: u128) -> String {
    tokens(class_and_id)
        .filter(|t| furniture_word(t).is_none_or(|i| words & 1 << i == 0))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether class and id name page furniture, and do not also name content.
pub fn is_boilerplate_class(class_and_id: &str) -> bool {
    if class_and_id.trim().is_empty() {
        return false;
    }
    let furniture = tokens(class_and_id).any(|t| furniture_word(t).is_some())
        || BOILERPLATE_PARTS.in_text(class_and_id);
    furniture && !CONTENT_PARTS.in_text(class_and_id)
}

/// Words whose presence in class or id makes a container more likely to be the article.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story", "prose", "rich",
];
/// ... and less likely. Words of state and style (`hidden`, `media`, `meta`, `banner`) are
/// not here: on today's pages they name responsive variants, media queries, a post's date
/// line and a page's hero, content as often as not; hidden elements are found as such.
const NEGATIVE: &[&str] = &[
    "combx",
    "comment",
    "com",
    "contact",
    "footer",
    "masthead",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "ad",
    "ads",
    "nav",
    "menu",
    "social",
    "byline",
    "caption",
    "credit",
    "newsletter",
    "teaser",
    "recirc",
];

/// A class that only styles (utility CSS: `overflow-hidden`, `md:flex`, `p-[4px]`), so its
/// words say nothing of what the element holds.
pub fn is_style_utility(class: &str) -> bool {
    class.contains([':', '[', '/'])
        || ["overflow-", "scroll-", "scrollbar-"].iter().any(|p| {
            // Bytes, not characters: a class may start with any letter (`radix-«r1»`).
            class.len() > p.len() && class.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
}

/// How many nodes into an element its heading is looked for.
pub const HEADING_SLUG_REACH: usize = 12;

/// Whether an id is made from a heading's text: most of its words (of three letters or
/// more) are words of the heading.
pub fn is_heading_slug(id: &str, heading: &str) -> bool {
    let heading = heading.to_lowercase();
    let words: Vec<&str> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let id = id.to_lowercase();
    let parts: Vec<&str> = id
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| p.chars().count() >= 3)
        .collect();
    let named = parts.iter().filter(|p| words.contains(p)).count();
    !parts.is_empty() && named * 3 >= parts.len() * 2
}

/// Readability-style weight of class and id: +25 for each attribute naming content, -25 for
/// each naming furniture, plus a bonus for schema.org's `articleBody`.
/// Comment words do not count on a discussion page, nor the furniture words of the set
/// `block_words` (see [`block_words`]).
pub fn class_weight(dom: &Dom, id: NodeId, comments_are_content: bool, block_words: u128) -> f64 {
    let mut w = 0.0;
    for v in [dom.attr(id, "class"), dom.hint_id(id)] {
        let Some(v) = v else {
            continue;
        };
        let mut v: String = v
            .split_ascii_whitespace()
            .filter(|w| !is_style_utility(w))
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        if comments_are_content {
            v = without_comment_words(&v);
        }
        if block_words != 0 {
            v = without_words(&v, block_words);
        }
        if tokens(&v).any(|t| NEGATIVE.contains(&t)) || v.contains("comment") {
            w -= 25.0;
        }
        if tokens(&v).any(|t| POSITIVE.contains(&t)) {
            w += 25.0;
        }
    }
    let article_body = ["itemprop", "property"]
        .iter()
        .any(|a| dom.attr(id, a).is_some_and(|p| p.contains("articleBody")));
    if article_body {
        w += 25.0;
    }
    w
}

/// Block-level elements: they end a paragraph of inline content.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
            | "listing"
            | "plaintext"
            | "xmp"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_furniture_word_is_found_by_its_hash_and_no_other_token() {
        for (i, w) in BOILERPLATE_TOKENS.iter().enumerate() {
            assert_eq!(furniture_word(w), Some(i), "{w}");
        }
        for t in [
            "",
            "a",
            "adds",
            "navs",
            "wrapper",
            "x-nav",
            "advertisements",
            "Menu",
        ] {
            assert_eq!(furniture_word(t), None, "{t}");
        }
    }

    #[test]
    fn parts_are_found_anywhere_in_the_text() {
        let parts = Parts::new(&["side", "sidebar", "pop", "x"]);
        for (text, found) in [
            ("", false),
            ("si", false),
            ("main-sid", false),
            ("leftsidebar", true),
            ("a-popup", true),
            ("ends-in-x", true),
            ("an-x-inside", true),
            ("sidx", true),
            ("po po", false),
        ] {
            assert_eq!(parts.in_text(text), found, "{text}");
        }
    }

    #[test]
    fn comment_words_go_other_words_stay() {
        assert_eq!(
            without_comment_words("comment-list replies sidebar"),
            "list sidebar"
        );
        assert!(is_boilerplate_class("comments-area"));
        assert!(!is_boilerplate_class(&without_comment_words(
            "comments-area"
        )));
        assert!(is_boilerplate_class(&without_comment_words(
            "comments sidebar"
        )));
    }

    #[test]
    fn member_statistics() {
        for stats in [
            "Joined Mar 25, 2013",
            "Messages 2",
            "Reaction score 1,024",
            "Join Date: 12/03/2009 Posts: 3.5k",
            "Points 225",
        ] {
            assert!(is_member_stats(stats), "{stats}");
        }
        assert!(is_count_or_date("Feb 8, 2017") && is_count_or_date("5,421"));
        assert!(!is_count_or_date("15 min") && !is_count_or_date(""));
        for text in [
            "",
            "Joined",
            "Posts about the garden",
            "Messages 2 and more",
            "Location Ohio",
            "12 posts",
        ] {
            assert!(!is_member_stats(text), "{text}");
        }
    }

    #[test]
    fn boilerplate_classes() {
        assert!(is_boilerplate_class("social-buttons "));
        assert!(!is_boilerplate_class("gigya-share-btns text-wrapper "));
        assert!(is_boilerplate_class("site-footer "));
        assert!(is_boilerplate_class("commentlist "));
        assert!(is_boilerplate_class("newsletter-signup "));
        // Legal fine print and the page's modal windows, whatever the markup hides.
        assert!(is_boilerplate_class("richtext cmp-richtext--disclaimer"));
        assert!(is_boilerplate_class("cmp-container disclosures"));
        assert!(is_boilerplate_class("region region-modals"));
        assert!(!is_boilerplate_class("article-header "));
        assert!(!is_boilerplate_class("post-content "));
        assert!(!is_boilerplate_class("headline "));
        assert!(!is_boilerplate_class("shadow "));
        assert!(!is_boilerplate_class("contentwithsidebar "));
        assert!(!is_boilerplate_class(""));
    }

    #[test]
    fn classes_of_text_for_screen_readers() {
        for class in [
            "sr-only",
            "u-srOnly",
            "rating__caption-sr_15",
            "price__sr-text",
            "title visually-hidden",
            "show-for-sr",
        ] {
            assert!(names_screen_reader_text(class), "{class}");
        }
        for class in [
            "srcset",
            "first-row",
            "visually-striking",
            "field--label-visually_hidden",
            "hidden",
            "user-search",
        ] {
            assert!(!names_screen_reader_text(class), "{class}");
        }
        let dom = Dom::parse(
            "<p>Rated <span class=stars>4.5</span><span class=sr-only>4.5 out of 5 stars</span></p>",
        );
        let sr = dom.all().find(|&i| dom.attr(i, "class") == Some("sr-only"));
        assert!(is_hidden(&dom, sr.unwrap()));
        let stars = dom.all().find(|&i| dom.attr(i, "class") == Some("stars"));
        assert!(!is_hidden(&dom, stars.unwrap()));
    }

    #[test]
    fn hidden_elements() {
        let dom = Dom::parse(
            r#"<p style="DISPLAY: none">a</p><p hidden>b</p><p aria-hidden="true">c</p><p style="color:red">d</p><p hidden id="S:1">e</p><p hidden id="S:x">f</p><p role="tabpanel" hidden style="display:none">g</p><p role="region" hidden>h</p><p class="Accordion-body" aria-hidden="true">i</p><p class="menu-panel" hidden>j</p><p class="tab-pane fade" style="display:none">k</p><p class="chakra-collapse" style="display:none;height:0px">l</p><p class="tab__content" hidden>m</p><p class="a-expander-content" style="display:none">n</p>"#,
        );
        let ps: Vec<_> = dom.all().filter(|&i| dom.is(i, "p")).collect();
        let hidden: Vec<bool> = ps.iter().map(|&p| is_hidden(&dom, p)).collect();
        assert_eq!(
            hidden,
            [
                true, true, true, false, false, true, false, false, false, true, false, false,
                false, false
            ]
        );
    }

    #[test]
    fn hidden_answers_to_questions_are_collapsed_panels() {
        let dom = Dom::parse(
            r#"<div><div class="q">Can I return it?</div><div class="x" style="display:none">Yes, within 30 days.</div></div><div><span>Will it fit? Yes.</span><p hidden>Sizes</p></div><div><h3>Ships worldwide</h3><div hidden>Promo</div></div><div><p>Why do rivers bend and wander so much more than the straight channels that engineers dig for them, and what does the shape of their bends tell us about the ground, the floods and the seasons that made them over the centuries?</p><p hidden>x</p></div>"#,
        );
        let hidden: Vec<bool> = dom
            .all()
            .filter(|&i| dom.attr(i, "hidden").is_some() || dom.attr(i, "style").is_some())
            .map(|i| is_hidden(&dom, i))
            .collect();
        // An answer after its question is content; after a statement, a heading or prose
        // ending in a question (a text over 200 characters), hidden is hidden.
        assert_eq!(hidden, [false, true, true, true]);
    }

    #[test]
    fn buttons_that_ask_a_question_over_an_answer() {
        let dom = Dom::parse(
            r#"<div><button>Can I return it?</button><div>Yes.</div></div><div><h3><button><span>Does it ship abroad?</span><i></i></button></h3><div>Yes.</div></div><div><button>Subscribe</button><div>x</div></div><div><span>Was this helpful?</span><button>Any questions?</button></div><div><div><div><div><button>Why?</button></div></div></div><div>y</div></div>"#,
        );
        let buttons: Vec<bool> = dom
            .all()
            .filter(|&i| dom.is(i, "button"))
            .map(|b| is_question_button(&dom, b))
            .collect();
        // Over its answer, or over it from the heading it fills; not a call to act, not a
        // question with nothing after it, not one buried under more wrappers than a heading.
        assert_eq!(buttons, [true, true, false, false, false]);
    }

    #[test]
    fn style_utilities() {
        assert!(is_style_utility("overflow-hidden"));
        assert!(is_style_utility("md:flex"));
        assert!(!is_style_utility("entry-content"));
        // React's generated ids hold characters of two bytes where a prefix would end.
        assert!(!is_style_utility("radix-«R3opjaprbnptb»"));
        assert!(!is_style_utility("overflow«»"));
    }

    #[test]
    fn weights() {
        let dom = Dom::parse(
            r#"<div class="entry-content">a</div><div id="sidebar">b</div><div itemprop="articleBody">c</div><div class="overflow-hidden md:hidden">d</div><div class="media-body hidden-xs post-meta">e</div>"#,
        );
        let divs: Vec<_> = dom.all().filter(|&i| dom.is(i, "div")).collect();
        let w: Vec<f64> = divs
            .iter()
            .map(|&d| class_weight(&dom, d, false, 0))
            .collect();
        assert_eq!(w, [25.0, -25.0, 25.0, 0.0, 25.0]);
    }

    #[test]
    fn ids_made_from_headings_are_no_hints() {
        assert!(is_heading_slug("s-meta-inheritance", "Meta inheritance"));
        assert!(is_heading_slug(
            "SQL-FOR-UPDATE-SHARE",
            "The Locking Clause FOR UPDATE/SHARE"
        ));
        assert!(!is_heading_slug("sidebar", "Popular stories"));
        assert!(!is_heading_slug("ad", "Ad"));
        let dom = Dom::parse(
            r#"<section id="share-your-data"><h2>Share your data</h2><p>a</p></section><section id="share"><h2>More</h2></section>"#,
        );
        let s: Vec<_> = dom.all().filter(|&i| dom.is(i, "section")).collect();
        assert_eq!(class_weight(&dom, s[0], false, 0), 0.0);
        assert_eq!(class_weight(&dom, s[1], false, 0), -25.0);
    }

    #[test]
    fn reviews_by_name() {
        assert!(names_reviews("product-reviews"));
        assert!(names_reviews("bvseo-reviewsSection okeReviews-a11yText"));
        assert!(names_reviews("pipf-seo-reviews__review"));
        assert!(!names_reviews("review-body"));
        assert!(!names_reviews("previews"));
    }

    #[test]
    fn images_named_logo_avatar_icon_or_badge_are_furniture() {
        let dom = Dom::parse(
            "<article><img src=a.png alt='Acme Logo'><img src=b.png class='user-avatar'>\
             <img src=c.png id=share-icons><img src=d.png alt='The harbour at dawn'>\
             <img src=e.png alt='A logotype sketch'>\
             <figure><img src=f.png alt='The new logo'><figcaption>The new logo, 2024\
             </figcaption></figure></article>",
        );
        let furniture: Vec<&str> = dom
            .all()
            .filter(|&id| is_furniture_image(&dom, id))
            .filter_map(|id| dom.attr(id, "src"))
            .collect();
        // Whole words only; a captioned figure says what it shows.
        assert_eq!(furniture, ["a.png", "b.png", "c.png"]);
    }

    #[test]
    fn furniture_by_tag_and_role() {
        let dom = Dom::parse(r#"<nav>a</nav><div role="navigation">b</div><div>c</div>"#);
        let found: Vec<bool> = dom
            .all()
            .filter(|&i| matches!(dom.tag(i), Some("nav" | "div")))
            .map(|i| is_boilerplate_element(&dom, i))
            .collect();
        assert_eq!(found, [true, true, false]);
    }
}

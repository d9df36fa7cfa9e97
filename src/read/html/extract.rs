//! Finding the article in a whole page.
//!
//! 1. Mark what never is content (scripts, forms, hidden elements) and, in a strict pass,
//!    page furniture (navigation, asides, footers, share bars, comments...) by element, role,
//!    class and id; a container holding a main heading (`h1`, else `h2`, else `h3`) and most of
//!    the page wraps it and stays.
//! 2. Score paragraphs (length, commas) into their ancestors, weigh containers by element
//!    and class/id hints and by how little of their text is links; the best container wins,
//!    moved up when its parent or several strong candidates agree (never out of an
//!    `<article>`).
//! 3. Join siblings of the winner that score well or read like prose. A winner too short
//!    for an article, or holding little of the text or the prose of the `<main>` or
//!    `<article>` around it, widens to that container.
//! 4. Clean the result: drop inner lists, tables and divs that look like furniture
//!    (link-heavy, image-heavy, form-like), and furniture-named short elements.
//!
//! When the strict pass finds too little text, it runs again without the class/id rules;
//! that result wins when it is much longer (the class rules hid the article). All passes are linear in the size of the page.

use super::dom::{collapsed_len, Data, Dom, NodeId};
use super::hints;
use std::borrow::Cow;
use std::collections::HashMap;

/// A candidate of the winner's element and class scoring this share of it is another part
/// of a split article.
const SPLIT_PART_SHARE: f64 = 0.3;

/// How many times longer than the strict pass's result the loose pass's must be to win.
const LOOSE_PASS_GAIN: f64 = 2.0;

/// Text below this many characters means the extraction missed the article.
const MIN_ARTICLE_CHARS: usize = 500;

/// A winner with less than this share of the text of the `<main>` or `<article>` around it
/// widens to that container.
const MIN_SHARE_OF_MAIN: f64 = 0.5;

/// A winner with less than this share of the prose of the `<main>` or `<article>` around
/// it widens to that container.
const MIN_PROSE_SHARE_OF_MAIN: f64 = 0.6;

/// A winner with less than this share of the text of the page (furniture left out) widens
/// to the whole page.
const MIN_SHARE_OF_PAGE: f64 = 0.3;

/// Share of the article found that cleaning must leave for its judgement to stand.
const MIN_SHARE_KEPT_BY_CLEANING: f64 = 0.5;

/// A `<noscript>` with this much text is content.
const NOSCRIPT_TEXT_CHARS: usize = 200;

/// What to convert: the chosen subtrees, in document order, and nodes to leave out.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Subtrees to convert, in document order.
    pub roots: Vec<NodeId>,
    /// Nodes to leave out, by [`NodeId`].
    pub skip: Vec<bool>,
}

/// Sums of one subtree, counting only nodes that are not skipped.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Characters of text, whitespace runs counted as one.
    pub chars: usize,
    /// Characters inside links (fragment links count less: they stay on the page).
    pub link_chars: f64,
    /// Commas in the text.
    pub commas: usize,
    /// Paragraph elements.
    pub paragraphs: usize,
    /// Images.
    pub images: usize,
    /// List items.
    pub list_items: usize,
    /// Form inputs.
    pub inputs: usize,
    /// Characters of heading text.
    pub heading_chars: usize,
}

impl Stats {
    /// The share of the text that is link text (0 to 1).
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars / self.chars as f64
        }
    }

    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.list_items += o.list_items;
        self.inputs += o.inputs;
        self.heading_chars += o.heading_chars;
    }

    fn sub(&mut self, o: &Stats) {
        self.chars = self.chars.saturating_sub(o.chars);
        self.link_chars = (self.link_chars - o.link_chars).max(0.0);
        self.commas = self.commas.saturating_sub(o.commas);
        self.paragraphs = self.paragraphs.saturating_sub(o.paragraphs);
        self.images = self.images.saturating_sub(o.images);
        self.list_items = self.list_items.saturating_sub(o.list_items);
        self.inputs = self.inputs.saturating_sub(o.inputs);
        self.heading_chars = self.heading_chars.saturating_sub(o.heading_chars);
    }
}

fn commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،' | '﹐'))
        .count()
}

/// Marks nodes that never are content, in any mode: never-content elements, hidden
/// elements, comments-only forms, with all they hold.
pub fn never_content(dom: &Dom) -> Vec<bool> {
    not_content(dom, true)
}

/// [`never_content`] with hidden elements shown: for a page that shows nothing of an
/// article until its script reveals it.
pub fn never_content_shown(dom: &Dom) -> Vec<bool> {
    not_content(dom, false)
}

fn not_content(dom: &Dom, hide: bool) -> Vec<bool> {
    let mut skip = vec![false; dom.nodes.len()];
    let mut page_chars = ShownChars::default();
    for id in dom.all() {
        if let Some(p) = dom.parent(id) {
            if skip[p] {
                skip[id] = true;
                continue;
            }
        }
        if let Some(tag) = dom.tag(id) {
            skip[id] = (hints::is_never_content(tag)
                && !is_noscript_text(dom, id)
                && !hints::is_question_button(dom, id))
                || (hide && hints::is_hidden(dom, id) && !is_hidden_page(dom, id, &mut page_chars))
                || (tag == "form" && !is_page_wrapping_form(dom, id, &mut page_chars));
        }
    }
    skip
}

/// A `<noscript>` that holds a text of its own in blocks (a page written for readers without
/// JavaScript), not a tracking pixel, a lazy image's fallback, a plea to enable scripts or
/// markup written out as text.
pub fn is_noscript_text(dom: &Dom, id: NodeId) -> bool {
    dom.is(id, "noscript")
        && dom
            .descendants(id)
            .any(|d| dom.tag(d).is_some_and(hints::is_block))
        && collapsed_len(&dom.text(id)) >= NOSCRIPT_TEXT_CHARS
}

/// A hidden element that holds nearly all of the page's text, or of the `<main>` it stands
/// in, is the page itself, hidden until a script shows it (a shop behind an age or region
/// check, an app's view that fades in): readers see it. A hidden copy of part of the page
/// (a dialog, a printable version) holds less.
fn is_hidden_page(dom: &Dom, id: NodeId, counted: &mut ShownChars) -> bool {
    let own = shown_chars(dom, id) as f64;
    let page = page_text_chars(dom, counted);
    if page > 0 && own >= page as f64 * HIDDEN_PAGE_SHARE {
        return true;
    }
    let Some(main) = dom
        .ancestors(id)
        .find(|&a| dom.is(a, "main") || dom.attr(a, "role") == Some("main"))
    else {
        return false;
    };
    let main = *counted
        .mains
        .entry(main)
        .or_insert_with(|| shown_chars(dom, main));
    main > 0 && own >= main as f64 * HIDDEN_PAGE_SHARE
}

/// Text lengths counted on first need: of `<body>`, and of `<main>` elements by id.
#[derive(Default)]
struct ShownChars {
    page: Option<usize>,
    mains: HashMap<NodeId, usize>,
}

/// Characters of the text below `id` that a page can show: not the source of its scripts
/// and styles.
fn shown_chars(dom: &Dom, id: NodeId) -> usize {
    dom.descendants(id)
        .filter(|&d| {
            matches!(dom.nodes[d].data, Data::Text(_))
                && !dom
                    .parent(d)
                    .and_then(|p| dom.tag(p))
                    .is_some_and(hints::is_never_content)
        })
        .map(|d| dom.text_len(d))
        .sum()
}

/// The share of the page's text a hidden element must hold to be the page.
const HIDDEN_PAGE_SHARE: f64 = 2.0 / 3.0;

/// Characters of the text `<body>` shows, counted on first need.
fn page_text_chars(dom: &Dom, counted: &mut ShownChars) -> usize {
    *counted
        .page
        .get_or_insert_with(|| dom.find("body").map_or(0, |b| shown_chars(dom, b)))
}

/// Some sites wrap the whole page in one `<form>` (ASP.NET); such a form holds the article
/// (paragraphs, or most of the page's text) and is kept as a plain container. Its controls
/// are dropped all the same.
fn is_page_wrapping_form(dom: &Dom, id: NodeId, page_chars: &mut ShownChars) -> bool {
    if dom
        .descendants(id)
        .filter(|&d| dom.is(d, "p"))
        .take(3)
        .count()
        >= 3
    {
        return true;
    }
    shown_chars(dom, id) * 2 > page_text_chars(dom, page_chars)
}

/// Which rules mark page furniture.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Navigation, asides, footers, site headers and ARIA landmarks of the same kinds.
    pub by_element: bool,
    /// Class and id naming furniture (outside tables and code).
    pub by_class: bool,
    /// Comments and replies are the content (a forum thread, a question and its answers):
    /// class and id naming them do not make furniture.
    pub comments_are_content: bool,
    /// Furniture words that name the blocks this page is built of (see
    /// [`generic_block_words`]), as indexes into the furniture words: they name no
    /// furniture here.
    pub block_words: u128,
    /// Class and id naming a header name no furniture inside `<main>` or an `<article>`
    /// (an article's header with its byline).
    pub headers_in_main: bool,
    /// The page describes a product (its structured data says so): class and id naming its
    /// customers' reviews name furniture.
    pub reviews_are_furniture: bool,
}

/// Marks page furniture, with all it holds.
pub fn furniture(dom: &Dom, skip: &mut [bool], rules: Rules) {
    let mut wrappers = PageWrappers::new(dom, skip);
    let navigation = hints::navigation_words();
    for id in dom.all() {
        if skip[id] {
            continue;
        }
        if let Some(p) = dom.parent(id) {
            if skip[p] {
                skip[id] = true;
                continue;
            }
        }
        let Some(tag) = dom.tag(id) else { continue };
        if matches!(tag, "html" | "body" | "article" | "main" | "a") {
            continue;
        }
        let by_class = rules.by_class
            && {
                let mut class = dom.class_and_id(id);
                if rules.block_words != 0 {
                    class = hints::without_words(&class, rules.block_words).into();
                }
                if rules.comments_are_content {
                    class = hints::without_comment_words(&class).into();
                }
                // A header by name inside the page's main content heads a part of it; one
                // that holds paragraphs of prose is no banner wherever it stands (an
                // introduction, a panel named for its header's alignment).
                let mut boilerplate = hints::is_boilerplate_class(&class);
                if boilerplate
                    && ((rules.headers_in_main && in_main(dom, id))
                        || (hints::names_header(&class) && holds_prose(dom, id)))
                {
                    class = hints::without_words(&class, hints::header_words()).into();
                    boilerplate = hints::is_boilerplate_class(&class);
                }
                // A block named as a way around the page that holds paragraphs of prose is
                // the article under a component's name (`jump-link-content` sections).
                (boilerplate
                    && (hints::is_boilerplate_class(&hints::without_words(&class, navigation))
                        || !holds_prose(dom, id)))
                    || (rules.reviews_are_furniture && hints::names_reviews(&class))
            }
            && !dom
                .ancestors(id)
                .any(|a| matches!(dom.tag(a), Some("table" | "code" | "pre")))
            // A data table's classes style it (`sticky-header`): its cells are data.
            && !(tag == "table" && is_data_table(dom, id))
            && !wrappers.wraps_page(dom, id);
        // A header is the site's banner only outside sectioning content and `<main>` (as
        // ARIA maps it); inside them it heads its section.
        let by_element = rules.by_element
            && (hints::is_boilerplate_element(dom, id)
                || (tag == "header"
                    && !dom.ancestors(id).any(|a| {
                        matches!(
                            dom.tag(a),
                            Some("article" | "section" | "main" | "aside" | "nav")
                        )
                    })));
        if by_class || by_element {
            skip[id] = true;
        }
    }
}

/// Paragraphs of prose an element must hold to be taken for text rather than links.
const PROSE_PARAGRAPHS: usize = 2;
/// Characters of text outside links that make a paragraph prose.
const PROSE_PARAGRAPH_CHARS: usize = 150;

/// Whether an element holds paragraphs of prose: a few `p` of some length, mostly not links.
fn holds_prose(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id)
        .filter(|&p| dom.is(p, "p"))
        .filter(|&p| {
            // Ids are in document order: a link's text lies before its subtree's end.
            let (mut unlinked, mut link_end) = (0, 0);
            for d in dom.descendants(p) {
                match &dom.nodes[d].data {
                    Data::Element { .. } if d >= link_end && dom.is(d, "a") => {
                        link_end = dom.subtree_end(d);
                    }
                    Data::Text(_) if d >= link_end => unlinked += dom.text_len(d),
                    _ => {}
                }
            }
            unlinked >= PROSE_PARAGRAPH_CHARS
        })
        .nth(PROSE_PARAGRAPHS - 1)
        .is_some()
}

/// Whether an element stands in the page's `<main>` or an `<article>`.
fn in_main(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| {
        matches!(dom.tag(a), Some("article" | "main")) || dom.attr(a, "role") == Some("main")
    })
}

/// Share of a page's text under elements named by one furniture word above which the word
/// names the blocks the page is built of (a page builder's `widget` around every paragraph),
/// not furniture.
const GENERIC_BLOCK_SHARE: f64 = 0.5;

/// Furniture words that name the page's building blocks: the outermost elements they name
/// hold most of its text.
pub fn generic_block_words(dom: &Dom, skip: &[bool]) -> u128 {
    block_words_within(dom, skip, &text_chars(dom, skip), &[0])
}

/// Furniture words that name the building blocks of the subtrees `within` (the page, or
/// the article found): the outermost elements they name there hold most of their text,
/// none most on its own. `chars` is [`text_chars`] under `skip`.
fn block_words_within(dom: &Dom, skip: &[bool], chars: &[usize], within: &[NodeId]) -> u128 {
    let whole = within.iter().map(|&r| chars[r]).sum::<usize>() as f64;
    if whole == 0.0 {
        return 0;
    }
    // Per word, the text of the elements it names that no named ancestor already counts.
    let mut under = [0usize; 128];
    let mut named_above = vec![0u128; dom.nodes.len()];
    for id in within
        .iter()
        .flat_map(|&r| std::iter::once(r).chain(dom.descendants(r)))
    {
        if skip[id] {
            continue;
        }
        let inherited = dom.parent(id).map_or(0, |p| named_above[p]);
        let mut words = inherited;
        if matches!(dom.nodes[id].data, Data::Element { .. }) {
            let new = hints::block_words(&dom.class_and_id(id)) & !inherited;
            words |= new;
            // One element with most of the text is a wrapper, a gallery or a review
            // section, not one block among many.
            if new != 0 && (chars[id] as f64) < whole * GENERIC_BLOCK_SHARE {
                for (i, n) in under.iter_mut().enumerate() {
                    if new & 1 << i != 0 {
                        *n += chars[id];
                    }
                }
            }
        }
        named_above[id] = words;
    }
    (0..128)
        .filter(|&i| under[i] as f64 >= whole * GENERIC_BLOCK_SHARE)
        .fold(0, |set, i| set | 1 << i)
}

/// Containers that wrap the page: they hold a main heading (of the highest level the page
/// has, `h1` to `h3`) and most of its text or paragraphs of prose.
/// Furniture is never most of a page with a heading, nor its heading with the text under it,
/// so such a container is kept whatever its class says (`nav-drawer` and `modal-root`
/// wrappers around everything, a `commenting-on` block around a question and its answers).
struct PageWrappers {
    /// Nodes holding a main heading.
    holds_heading: Vec<bool>,
    /// What was left out before furniture was looked for.
    skip: Vec<bool>,
    /// Characters below each node, counted on first need.
    chars: Option<Vec<usize>>,
}

impl PageWrappers {
    fn new(dom: &Dom, skip: &[bool]) -> PageWrappers {
        let mut holds_heading = vec![false; dom.nodes.len()];
        // The page's main headings: those of the highest level it has.
        let level = |id: NodeId| match dom.tag(id) {
            Some("h1") => 1,
            Some("h2") => 2,
            Some("h3") => 3,
            _ => 0,
        };
        // The site's banner holds the site's name, not a main heading of the page.
        let in_banner = |id: NodeId| {
            !in_main(dom, id)
                && dom
                    .ancestors(id)
                    .any(|a| dom.is(a, "header") || hints::names_header(&dom.class_and_id(a)))
        };
        let top = dom
            .all()
            .filter(|&id| !skip[id] && level(id) > 0 && !in_banner(id))
            .map(level)
            .filter(|&l| l > 0)
            .min();
        for h in dom
            .all()
            .filter(|&id| !skip[id] && top.is_some_and(|t| level(id) == t))
        {
            for a in dom.ancestors(h) {
                if std::mem::replace(&mut holds_heading[a], true) {
                    break;
                }
            }
        }
        PageWrappers {
            holds_heading,
            skip: skip.to_vec(),
            chars: None,
        }
    }

    fn wraps_page(&mut self, dom: &Dom, id: NodeId) -> bool {
        if !self.holds_heading[id] {
            return false;
        }
        let skip = &self.skip;
        let chars = self.chars.get_or_insert_with(|| text_chars(dom, skip));
        chars[id] * 2 >= chars[0] || holds_prose(dom, id)
    }
}

/// Characters of text below every node, whitespace runs counted once, skipped nodes left
/// out.
fn text_chars(dom: &Dom, skip: &[bool]) -> Vec<usize> {
    let mut chars = vec![0; dom.nodes.len()];
    for id in dom.all().rev() {
        if skip[id] {
            continue;
        }
        chars[id] += dom.text_len(id);
        if let Some(p) = dom.parent(id) {
            chars[p] += chars[id];
        }
    }
    chars
}

/// Bottom-up sums for every node (ids are in document order, so children come after
/// their parent and a reverse sweep sees them first).
pub fn stats(dom: &Dom, skip: &[bool]) -> Vec<Stats> {
    let mut st = vec![Stats::default(); dom.nodes.len()];
    for id in dom.all().rev() {
        if skip[id] {
            continue;
        }
        let mut s = st[id];
        match &dom.nodes[id].data {
            Data::Text(t) => {
                s.chars += dom.text_len(id);
                s.commas += commas(t);
            }
            Data::Element { tag, .. } => match &**tag {
                "p" => s.paragraphs += 1,
                "img" => s.images += 1,
                "li" => s.list_items += 1,
                "button" if hints::is_question_button(dom, id) => {}
                "input" | "select" | "textarea" | "button" => s.inputs += 1,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_chars = s.chars,
                "a" => {
                    let internal = dom.attr(id, "href").is_some_and(|h| h.starts_with('#'));
                    s.link_chars = s.chars as f64 * if internal { 0.3 } else { 1.0 };
                }
                _ => {}
            },
            Data::Document => {}
        }
        st[id] = s;
        if let Some(p) = dom.parent(id) {
            let child = st[id];
            st[p].add(&child);
        }
    }
    st
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that stand for a paragraph of text when scoring: paragraphs, preformatted
/// text, cells, and containers holding only inline content.
fn is_scored_paragraph(dom: &Dom, id: NodeId, skip: &[bool]) -> bool {
    match dom.tag(id) {
        Some("pre" | "td" | "h2" | "h3" | "h4" | "h5" | "h6") => true,
        _ => is_paragraph(dom, id, skip),
    }
}

/// A paragraph, or a container holding only inline content (a `div` written as one).
fn is_paragraph(dom: &Dom, id: NodeId, skip: &[bool]) -> bool {
    match dom.tag(id) {
        Some("p") => true,
        Some("div" | "section" | "article") => !dom
            .children(id)
            .iter()
            .any(|&c| !skip[c] && dom.tag(c).is_some_and(hints::is_block)),
        _ => false,
    }
}

fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "th" => -5.0,
        t if is_heading(t) => -5.0,
        _ => 0.0,
    }
}

/// Content scores of candidate containers (`None` for nodes never scored); class and id
/// weigh in when `weights` gives the rules they are read by.
pub fn score(dom: &Dom, skip: &[bool], st: &[Stats], weights: Option<Rules>) -> Vec<Option<f64>> {
    let mut scores: Vec<Option<f64>> = vec![None; dom.nodes.len()];
    let init = |id: NodeId, scores: &mut Vec<Option<f64>>| {
        if scores[id].is_none() {
            let tag = dom.tag(id).unwrap_or("");
            let w = weights.map_or(0.0, |r| {
                hints::class_weight(dom, id, r.comments_are_content, r.block_words)
            });
            scores[id] = Some(tag_score(tag) + w);
        }
    };
    for id in dom.all() {
        if skip[id] || !is_scored_paragraph(dom, id, skip) || st[id].chars < 25 {
            continue;
        }
        let s = &st[id];
        let points = 1.0 + s.commas as f64 + (s.chars as f64 / 100.0).min(3.0);
        for (level, anc) in dom.ancestors(id).take(5).enumerate() {
            if dom.tag(anc).is_none() || matches!(dom.tag(anc), Some("html")) {
                break;
            }
            init(anc, &mut scores);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                n => n as f64 * 3.0,
            };
            if let Some(sc) = scores[anc].as_mut() {
                *sc += points / divider;
            }
        }
    }
    for (id, sc) in scores.iter_mut().enumerate() {
        if let Some(v) = sc {
            *v *= 1.0 - st[id].link_density();
        }
    }
    scores
}

/// The best container, moved up to a common ancestor of strong rivals or to a parent that
/// scores about as well.
pub fn top_candidate(dom: &Dom, scores: &[Option<f64>]) -> Option<NodeId> {
    let mut ranked: Vec<(NodeId, f64)> = scores
        .iter()
        .enumerate()
        .filter_map(|(id, s)| s.map(|s| (id, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, top_score) = ranked.first()?;
    // Several strong candidates inside one ancestor: the article is split in parts.
    let rivals: Vec<NodeId> = ranked[1..ranked.len().min(5)]
        .iter()
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if rivals.len() >= 2 {
        for anc in dom.ancestors(top) {
            if dom.is(anc, "body") || dom.tag(anc).is_none() {
                break;
            }
            let holding = rivals
                .iter()
                .filter(|&&r| dom.ancestors(r).any(|a| a == anc))
                .count();
            if holding >= 2 {
                top = anc;
                break;
            }
        }
    }
    // A parent scoring higher than the candidate is the better container; an `<article>`
    // is the whole of itself (what is around it is the site's: author boxes, comments).
    let mut last = scores[top].unwrap_or(top_score);
    let threshold = last / 3.0;
    let mut parent = dom.parent(top).filter(|_| !dom.is(top, "article"));
    while let Some(p) = parent {
        if dom.is(p, "body") || dom.tag(p).is_none() {
            break;
        }
        match scores[p] {
            None => {}
            Some(s) if s < threshold => break,
            Some(s) if s > last => {
                top = p;
                break;
            }
            Some(s) => last = s,
        }
        parent = dom.parent(p);
    }
    // An article split into parts of one template (text, figure, text...): their common
    // ancestor holds it all.
    if let Some(whole) = split_article(dom, &ranked) {
        if whole == top || dom.ancestors(top).any(|a| a == whole) {
            top = whole;
        }
    }
    // An only child says no more than its parent.
    while let Some(p) = dom.parent(top) {
        let element_children = dom
            .children(p)
            .iter()
            .filter(|&&c| dom.tag(c).is_some())
            .count();
        if element_children != 1 || dom.is(p, "body") || dom.tag(p).is_none() {
            break;
        }
        top = p;
    }
    Some(top)
}

/// The lowest common ancestor of the best candidate and the other strong candidates of
/// the same element and class, below `<body>`; `None` when there are no such parts.
fn split_article(dom: &Dom, ranked: &[(NodeId, f64)]) -> Option<NodeId> {
    let &(best, best_score) = ranked.first()?;
    let kind = |id: NodeId| (dom.tag(id), dom.attr(id, "class"));
    let parts: Vec<NodeId> = ranked[1..]
        .iter()
        .filter(|&&(id, score)| score >= best_score * SPLIT_PART_SHARE && kind(id) == kind(best))
        .map(|&(id, _)| id)
        .collect();
    if parts.is_empty() || dom.attr(best, "class").is_none() {
        return None;
    }
    let mut common: Vec<NodeId> = dom.ancestors(best).collect();
    for &p in &parts {
        let of_p: Vec<NodeId> = dom.ancestors(p).collect();
        common.retain(|a| of_p.contains(a));
    }
    common
        .first()
        .copied()
        .filter(|&a| dom.tag(a).is_some_and(|t| t != "body" && t != "html"))
}

/// The winner and those of its siblings that belong to the article.
pub fn with_siblings(
    dom: &Dom,
    top: NodeId,
    scores: &[Option<f64>],
    st: &[Stats],
    skip: &[bool],
) -> Vec<NodeId> {
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    let top_score = scores[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").filter(|c| !c.is_empty());
    dom.children(parent)
        .iter()
        .copied()
        .filter(|&s| !skip[s])
        .filter(|&s| {
            if s == top {
                return true;
            }
            let bonus = if top_class.is_some() && dom.attr(s, "class") == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if scores[s].is_some_and(|sc| sc + bonus >= threshold) {
                return true;
            }
            if is_paragraph(dom, s, skip) {
                let (len, ld) = (st[s].chars, st[s].link_density());
                let text = dom.text(s);
                return (len > 80 && ld < 0.25)
                    || (len > 0
                        && ld == 0.0
                        && (text.contains(". ") || text.trim_end().ends_with('.')));
            }
            false
        })
        .collect()
}

/// Class tokens without digits, sorted: the name of an item's template, not of the item
/// (`post post-17 odd` and `post post-18 even` share `odd`/`even`-free `post`). Borrowed from
/// the attribute: class names are compared as written, as CSS does.
fn template_classes(dom: &Dom, id: NodeId) -> Vec<&str> {
    let mut tokens: Vec<&str> = dom
        .attr(id, "class")
        .unwrap_or("")
        .split_ascii_whitespace()
        .filter(|t| !t.bytes().any(|b| b.is_ascii_digit()))
        .collect();
    tokens.sort_unstable();
    tokens.dedup();
    tokens
}

/// Whether two elements are made from one template: the same element, and classes that
/// mostly agree (an item may carry a mark of its own, as a thread's first post does).
pub fn same_template(dom: &Dom, a: NodeId, b: NodeId) -> bool {
    if dom.tag(a) != dom.tag(b) {
        return false;
    }
    let (ca, cb) = (template_classes(dom, a), template_classes(dom, b));
    if ca.is_empty() || cb.is_empty() {
        return ca.is_empty() && cb.is_empty();
    }
    let shared = ca.iter().filter(|t| cb.contains(t)).count();
    shared * 2 >= ca.len().max(cb.len())
}

/// Whether `item` holds, `depth` levels down, an element of the template of `inner`.
fn holds_at_depth(dom: &Dom, item: NodeId, inner: NodeId, depth: usize) -> bool {
    dom.descendants(item).any(|d| {
        same_template(dom, d, inner)
            && dom.ancestors(d).take_while(|&a| a != item).count() + 1 == depth
    })
}

/// The templates of the elements an item is made of (its first few hundred): posts of a
/// thread are built alike, the sections of a page layout are not.
fn skeleton(dom: &Dom, item: NodeId) -> Skeleton<'_> {
    dom.descendants(item)
        .filter_map(|d| dom.tag(d).map(|t| (t, template_classes(dom, d))))
        .take(SKELETON_ELEMENTS)
        .collect()
}

/// The element templates (tag and template classes) an item is made of.
type Skeleton<'d> = std::collections::HashSet<(&'d str, Vec<&'d str>)>;

/// How much of an item's make-up is looked at.
const SKELETON_ELEMENTS: usize = 300;

/// Whether two items are built alike: most of the templates of their elements are shared.
fn built_alike(a: &Skeleton<'_>, b: &Skeleton<'_>) -> bool {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    all == 0 || shared as f64 >= all as f64 * SKELETON_SHARE
}

/// The heading an element opens with (its first child element, `h2` to `h6`): sections of
/// one document open alike, whatever their bodies hold (a manual's synopsis, its options).
fn heading_of(dom: &Dom, id: NodeId) -> Option<&str> {
    dom.children(id)
        .iter()
        .find_map(|&c| dom.tag(c))
        .filter(|t| matches!(*t, "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// The share of element templates that two items of one template have in common.
const SKELETON_SHARE: f64 = 0.5;

/// How far above the best candidate its repeated item (a post, a card) may start.
const MAX_ITEM_LEVELS: usize = 8;

/// The items of a repeated template that the best candidate belongs to: the posts of a
/// thread, the entries of a listing. The candidate, or one of its ancestors, has siblings
/// of its own template that hold an element of the candidate's template at the same depth;
/// those siblings are the content as much as the candidate is. `None` when it stands alone.
pub fn repeated_items(dom: &Dom, top: NodeId, skip: &[bool], st: &[Stats]) -> Option<Vec<NodeId>> {
    let mut item = top;
    for depth in 0..=MAX_ITEM_LEVELS {
        let mut shape = None;
        let parent = dom.parent(item)?;
        if dom.tag(parent).is_none_or(|t| t == "body" || t == "html") {
            return None;
        }
        let items: Vec<NodeId> = dom
            .children(parent)
            .iter()
            .copied()
            .filter(|&s| {
                s == item
                    || (!skip[s]
                        && st[s].chars > 0
                        && same_template(dom, s, item)
                        && (depth == 0 || holds_at_depth(dom, s, top, depth))
                        && (heading_of(dom, s).is_some_and(|h| heading_of(dom, item) == Some(h))
                            || built_alike(
                                shape.get_or_insert_with(|| skeleton(dom, item)),
                                &skeleton(dom, s),
                            )))
            })
            .collect();
        if items.len() >= MIN_REPEATED_ITEMS {
            return Some(items);
        }
        item = parent;
    }
    None
}

/// The largest set of items of one template on the page: a run of children of one parent
/// (the entries of a listing), or elements of one named template wherever they stand (the
/// cards of a front page's several sections). Most items must be built alike with the
/// first; the items are returned in document order with their characters.
pub fn listing(dom: &Dom, skip: &[bool], st: &[Stats]) -> Option<(Vec<NodeId>, usize)> {
    let mut best: Option<(Vec<NodeId>, usize)> = None;
    let is_item = |c: NodeId| {
        dom.tag(c)
            .filter(|&t| !skip[c] && st[c].chars > 0 && t != "noscript")
    };
    for parent in dom.all() {
        if skip[parent]
            || dom.tag(parent).is_none()
            || dom.children(parent).len() < MIN_LISTING_ITEMS
            || !may_hold_listing(st[parent].chars, best.as_ref().map(|b| b.1))
        {
            continue;
        }
        for items in template_groups(dom, parent, is_item) {
            consider_listing(dom, st, items, &mut best);
        }
    }
    // Named templates across the page, the outermost element of each where they nest.
    let mut index: HashMap<(&str, Vec<&str>), usize> = HashMap::new();
    let mut groups: Vec<Vec<NodeId>> = Vec::new();
    let mut member: Vec<Option<usize>> = vec![None; dom.nodes.len()];
    for id in dom.all() {
        let Some(tag) = is_item(id) else { continue };
        let classes = template_classes(dom, id);
        if classes.is_empty() {
            continue;
        }
        let g = *index.entry((tag, classes)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        if !dom.ancestors(id).any(|a| member[a] == Some(g)) {
            member[id] = Some(g);
            groups[g].push(id);
        }
    }
    for items in groups {
        consider_listing(dom, st, items, &mut best);
    }
    best
}

/// Whether children holding `chars` characters between them could make a listing that
/// [`consider_listing`] takes over one of `best` characters: enough of them long enough, and
/// more text. Most elements of a page hold too little to group their children at all.
fn may_hold_listing(chars: usize, best: Option<usize>) -> bool {
    chars >= MIN_LISTING_ITEMS * MIN_LISTING_ITEM_CHARS && best.is_none_or(|b| chars > b)
}

/// The children of `parent` that `is_item` takes (giving their tag), grouped by tag and
/// template classes, the groups in document order: of two groups with as much text, the
/// first wins on every run.
fn template_groups<'a>(
    dom: &'a Dom,
    parent: NodeId,
    is_item: impl Fn(NodeId) -> Option<&'a str>,
) -> Vec<Vec<NodeId>> {
    // Sorted by template, then split where it changes: no table to build and hash into for
    // each parent of the page.
    let mut keyed: Vec<((&str, Vec<&str>), NodeId)> = dom
        .children(parent)
        .iter()
        .filter_map(|&c| is_item(c).map(|tag| ((tag, template_classes(dom, c)), c)))
        .collect();
    keyed.sort_unstable();
    let mut groups: Vec<Vec<NodeId>> = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| run.iter().map(|&(_, c)| c).collect())
        .collect();
    groups.sort_unstable_by_key(|items| items[0]);
    groups
}

/// Makes `items` the best listing when they are one: enough of them, long enough, more
/// text than the best so far, and built alike.
fn consider_listing(
    dom: &Dom,
    st: &[Stats],
    items: Vec<NodeId>,
    best: &mut Option<(Vec<NodeId>, usize)>,
) {
    let chars: usize = items.iter().map(|&i| st[i].chars).sum();
    if items.len() < MIN_LISTING_ITEMS
        || chars / items.len() < MIN_LISTING_ITEM_CHARS
        || best.as_ref().is_some_and(|(_, c)| *c >= chars)
    {
        return;
    }
    let first = skeleton(dom, items[0]);
    // Three quarters of the others are built like the first.
    let need = ((items.len() - 1) * 3).div_ceil(4);
    if holds_for_at_least(&items[1..], need, |i| {
        built_alike(&first, &skeleton(dom, i))
    }) {
        *best = Some((items, chars));
    }
}

/// Whether `f` holds for `need` of `items` or more; `f` is tried no longer than the answer
/// is open (an item's skeleton is costly).
fn holds_for_at_least(items: &[NodeId], need: usize, mut f: impl FnMut(NodeId) -> bool) -> bool {
    let mut yes = 0;
    for (tried, &i) in items.iter().enumerate() {
        if yes >= need || yes + (items.len() - tried) < need {
            break;
        }
        yes += usize::from(f(i));
    }
    yes >= need
}

/// How many times more text than the extracted article a listing must hold to be the
/// content instead.
const LISTING_GAIN: f64 = 2.0;

/// Fewer items than this are no listing.
const MIN_LISTING_ITEMS: usize = 4;

/// Items shorter than this on average are a menu's entries, not a listing's.
const MIN_LISTING_ITEM_CHARS: usize = 20;

/// Items of one template that make a thread or a listing.
const MIN_REPEATED_ITEMS: usize = 2;

/// The page's own mark of its main content around a candidate: the nearest `<main>`,
/// `<article>` or `role=main` ancestor below `<body>`.
fn semantic_container(dom: &Dom, top: NodeId) -> Option<NodeId> {
    std::iter::once(top)
        .chain(dom.ancestors(top))
        .take_while(|&a| dom.tag(a).is_some_and(|t| t != "body" && t != "html"))
        .find(|&a| {
            matches!(dom.tag(a), Some("main" | "article")) || dom.attr(a, "role") == Some("main")
        })
}

/// A block of inline content this long, with links under `PROSE_LINK_DENSITY` of its
/// text, is prose.
const PROSE_CHARS: usize = 80;
const PROSE_LINK_DENSITY: f64 = 0.3;

/// Characters of the prose below `root`: blocks holding only inline content of
/// `PROSE_CHARS` or more, mostly not links.
fn prose_chars(dom: &Dom, skip: &[bool], st: &[Stats], root: NodeId) -> usize {
    let mut total = 0;
    let mut id = root;
    let end = dom.subtree_end(root);
    while id < end {
        if skip[id] {
            id = dom.subtree_end(id);
            continue;
        }
        let leaf = dom
            .tag(id)
            .is_some_and(|t| hints::is_block(t) || matches!(t, "li" | "td" | "dd"))
            && !dom
                .children(id)
                .iter()
                .any(|&c| !skip[c] && dom.tag(c).is_some_and(hints::is_block));
        if leaf {
            if st[id].chars >= PROSE_CHARS && st[id].link_density() < PROSE_LINK_DENSITY {
                total += st[id].chars;
            }
            id = dom.subtree_end(id);
        } else {
            id += 1;
        }
    }
    total
}

/// Marks the images of the selection that name themselves logos, avatars, icons or badges
/// ([`hints::is_furniture_image`]): they frame the article, as menus do. Done once the
/// article is chosen, so that they weigh on no choice.
pub fn drop_furniture_images(dom: &Dom, roots: &[NodeId], skip: &mut [bool]) {
    for &root in roots {
        for id in dom.descendants(root) {
            if !skip[id] && hints::is_furniture_image(dom, id) {
                skip[id] = true;
            }
        }
    }
}

/// Text this short or shorter may be a forum member's statistics.
const MEMBER_STATS_CHARS: usize = 80;

/// Marks the statistics a forum shows beside each post's author ("Joined", "Messages",
/// "Reaction score" with their counts and dates, [`hints::is_member_stats`]): they frame the
/// posts, which are the content, as a byline's avatar does.
pub fn drop_member_stats(dom: &Dom, roots: &[NodeId], skip: &mut [bool]) {
    for &root in roots {
        let end = dom.subtree_end(root);
        // The text length under each node of the root's subtree, children before parents.
        let mut chars = vec![0usize; end - root];
        for id in (root..end).rev() {
            chars[id - root] += dom.text_len(id);
            if let Some(p) = dom.parent(id).filter(|&p| p >= root) {
                chars[p - root] += chars[id - root];
            }
        }
        let mut id = root;
        while id < end {
            if !skip[id]
                && matches!(dom.tag(id), Some("dl" | "dd" | "li" | "div" | "p" | "span"))
                && (1..=MEMBER_STATS_CHARS).contains(&chars[id - root])
                && holds_a_figure(dom, id)
                && (hints::is_member_stats(&words_of(dom, id)) || is_icon_stats(dom, id))
            {
                skip[id] = true;
                id = dom.subtree_end(id);
            } else {
                id += 1;
            }
        }
    }
}

/// Whether an element is a definition list of counts and dates whose labels are icons
/// (`<dt><svg><title>Messages</title></svg></dt><dd>5,421</dd>`): a member's statistics
/// drawn rather than written.
fn is_icon_stats(dom: &Dom, id: NodeId) -> bool {
    let items = || dom.children(id).iter().filter(|&&c| dom.tag(c).is_some());
    dom.is(id, "dl")
        && items().any(|&c| dom.is(c, "dd"))
        && items().all(|&c| match dom.tag(c) {
            Some("dt") => words_of(dom, c).trim().is_empty(),
            Some("dd") => hints::is_count_or_date(&words_of(dom, c)),
            _ => false,
        })
}

/// Whether an element's text has a figure (every count and date does).
fn holds_a_figure(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).any(
        |d| matches!(&dom.nodes[d].data, Data::Text(t) if t.bytes().any(|b| b.is_ascii_digit())),
    )
}

/// The text of an element with its text nodes apart (`<dt>Joined</dt><dd>2013</dd>`).
fn words_of(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    for d in dom.descendants(id) {
        if let Data::Text(t) = &dom.nodes[d].data {
            out.push_str(t);
            out.push(' ');
        }
    }
    out
}

/// Whether a table holds data (keep it) rather than lay out the page.
pub fn is_data_table(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "role") == Some("presentation") {
        return false;
    }
    if dom.attr(id, "summary").is_some() {
        return true;
    }
    let mut rows = 0;
    let mut max_cols = 0;
    for d in dom.descendants(id) {
        match dom.tag(d) {
            Some("caption" | "th" | "thead" | "tfoot" | "colgroup" | "col") => return true,
            Some("table") => return false,
            Some("tr") => {
                rows += 1;
                let cols = dom
                    .children(d)
                    .iter()
                    .filter(|&&c| matches!(dom.tag(c), Some("td" | "th")))
                    .count();
                max_cols = max_cols.max(cols);
            }
            _ => {}
        }
    }
    rows >= 10 || max_cols > 4 || (rows > 1 && max_cols > 1 && rows * max_cols > 10)
}

/// Drops, inside the selection, containers that look like furniture: link lists, image
/// strips without text, form remnants, negative class weights. Innermost first, so an outer
/// container is judged on what is left of it.
pub fn clean_conditionally(
    dom: &Dom,
    roots: &[NodeId],
    skip: &mut [bool],
    st: &mut [Stats],
    weights: Option<Rules>,
) {
    let mut inside: Vec<NodeId> = roots.iter().flat_map(|&r| dom.descendants(r)).collect();
    inside.sort_unstable();
    let entries = listing_entries(dom, &inside, skip, st, roots);
    for &id in inside.iter().rev() {
        if skip[id] || entries[id] {
            continue;
        }
        let Some(tag) = dom.tag(id) else { continue };
        if !matches!(
            tag,
            "table" | "ul" | "ol" | "div" | "section" | "fieldset" | "dl" | "figure" | "header"
        ) {
            continue;
        }
        let in_data_table_or_code = dom.ancestors(id).any(|a| {
            matches!(dom.tag(a), Some("code" | "pre"))
                || (dom.is(a, "table") && is_data_table(dom, a))
        });
        if in_data_table_or_code || (tag == "table" && is_data_table(dom, id)) {
            continue;
        }
        let weight = weights.map_or(0.0, |r| {
            hints::class_weight(dom, id, r.comments_are_content, r.block_words)
        });
        if is_furniture(dom, id, tag, &st[id], weight) {
            skip[id] = true;
            let removed = st[id];
            for a in dom.ancestors(id) {
                st[a].sub(&removed);
            }
        }
    }
}

/// Share of the selection's text that a listing's entries hold together, at least.
const MIN_ENTRIES_SHARE: f64 = 0.125;

/// The entries of a listing within the selection: children of one parent made from one
/// template, enough of them and long enough on average (as [`listing`] counts them),
/// holding together a good share of the selection's text ([`MIN_ENTRIES_SHARE`]; a
/// category's products under its long description). Each is a card with a linked title,
/// as link-dense as a menu, yet they are what the page lists.
fn listing_entries(
    dom: &Dom,
    inside: &[NodeId],
    skip: &[bool],
    st: &[Stats],
    roots: &[NodeId],
) -> Vec<bool> {
    let mut entries = vec![false; dom.nodes.len()];
    let total: usize = roots.iter().map(|&r| st[r].chars).sum();
    for &parent in inside {
        if skip[parent] || dom.children(parent).len() < MIN_LISTING_ITEMS {
            continue;
        }
        let is_item = |c: NodeId| dom.tag(c).filter(|_| !skip[c] && st[c].chars > 0);
        for items in template_groups(dom, parent, is_item) {
            let chars: usize = items.iter().map(|&i| st[i].chars).sum();
            if items.len() >= MIN_LISTING_ITEMS
                && chars as f64 >= total as f64 * MIN_ENTRIES_SHARE
                && chars >= items.len() * MIN_LISTING_ITEM_CHARS
            {
                for i in items {
                    entries[i] = true;
                }
            }
        }
    }
    entries
}

/// A container of several images with fewer characters than this per image is a strip of
/// pictures; with more, it is text written without `<p>` (a forum post beside its avatar).
const IMAGE_STRIP_CHARS: f64 = 100.0;

/// The test of [`clean_conditionally`] for one container.
fn is_furniture(dom: &Dom, id: NodeId, tag: &str, s: &Stats, weight: f64) -> bool {
    let in_figure = tag == "figure" || dom.ancestors(id).any(|a| dom.is(a, "figure"));
    if weight < 0.0 && !in_figure {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let is_list =
        matches!(tag, "ul" | "ol" | "dl") || (s.list_items > 0 && list_text_share(dom, id) > 0.9);
    let p = s.paragraphs as f64;
    let img = s.images as f64;
    let li = s.list_items as f64 - 100.0;
    let ld = s.link_density();
    let heading_density = if s.chars > 0 {
        s.heading_chars as f64 / s.chars as f64
    } else {
        0.0
    };
    if is_list && s.images > 0 && s.images == s.list_items {
        return false; // an image gallery
    }
    (img > 1.0 && p / img < 0.5 && !in_figure && (s.chars as f64) < img * IMAGE_STRIP_CHARS)
        || (!is_list && li > p)
        || (s.inputs as f64 > (p / 3.0).floor())
        || (!is_list
            && heading_density < 0.9
            && s.chars < 25
            && (s.images == 0 || s.images > 2)
            && ld > 0.0)
        || (!is_list && weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
}

fn list_text_share(dom: &Dom, id: NodeId) -> f64 {
    let total = collapsed_len(&dom.text(id)).max(1);
    let in_items: usize = dom
        .descendants(id)
        .filter(|&d| {
            dom.is(d, "li")
                && !dom
                    .ancestors(d)
                    .take_while(|&a| a != id)
                    .any(|a| dom.is(a, "li"))
        })
        .map(|d| collapsed_len(&dom.text(d)))
        .sum();
    in_items as f64 / total as f64
}

/// Short elements named as share or social bars within the selection, and, unless the
/// page is a discussion, its author's box: an element named for an author that no other
/// element of the selection shares its name with (an author line in each of many entries,
/// reviews or the posts of a listing, is part of them).
pub fn drop_share_bars_and_author_box(
    dom: &Dom,
    roots: &[NodeId],
    skip: &mut [bool],
    st: &[Stats],
    author_box: bool,
) {
    // Roots too, when there are several: a box may be a sibling joined to the winner.
    let with_roots = roots.len() > 1;
    let within = || {
        roots.iter().flat_map(move |&r| {
            let own = with_roots.then_some((r, true));
            own.into_iter()
                .chain(dom.descendants(r).map(|d| (d, false)))
        })
    };
    let mut author_names: HashMap<Cow<str>, usize> = HashMap::new();
    if author_box {
        for (id, _) in within().filter(|&(id, _)| dom.tag(id).is_some()) {
            let c = dom.class_and_id(id);
            if hints::names_author(&c) {
                *author_names.entry(c).or_default() += 1;
            }
        }
    }
    for (id, root) in within() {
        if skip[id] || dom.tag(id).is_none() {
            continue;
        }
        let c = dom.class_and_id(id);
        let share = ["share", "social", "sharing"].iter().any(|w| c.contains(w));
        if (share && !root && st[id].chars < 500)
            || (st[id].chars < MAX_AUTHOR_BOX_CHARS
                && !dom.is(id, "article")
                && author_names.get(&c) == Some(&1))
        {
            skip[id] = true;
        }
    }
}

/// Longer than this, an element named for an author is more than a box about them.
const MAX_AUTHOR_BOX_CHARS: usize = 1000;

/// The article of a whole page, or `None` when nothing scores.
pub fn extract(dom: &Dom, base_skip: &[bool]) -> Option<Selection> {
    let mut best: Option<(usize, Selection)> = None;
    let mut listed = None;
    let types = super::jsonld::ItemTypes::of(dom);
    let comments_are_content = types.comments_are_posts();
    let reviews_are_furniture = types.describe_a_product(dom);
    let base_chars = text_chars(dom, base_skip);
    for strict in [true, false] {
        let mut rules = Rules {
            by_element: true,
            by_class: strict,
            comments_are_content,
            block_words: if strict {
                block_words_within(dom, base_skip, &base_chars, &[0])
            } else {
                0
            },
            headers_in_main: false,
            reviews_are_furniture,
        };
        // The strict pass runs again when the article it found is built of blocks named
        // by a furniture word (an editor's `widget` around each of its sections).
        let mut found = None;
        for _ in 0..2 {
            let mut skip = base_skip.to_vec();
            furniture(dom, &mut skip, rules);
            let st = stats(dom, &skip);
            let scores = score(dom, &skip, &st, strict.then_some(rules));
            if strict {
                listed =
                    listing(dom, &skip, &st).map(|(items, chars)| (items, chars, skip.clone()));
            }
            let Some(top) = top_candidate(dom, &scores) else {
                break;
            };
            let roots = repeated_items(dom, top, &skip, &st)
                .unwrap_or_else(|| with_siblings(dom, top, &scores, &st, &skip));
            let inner = if strict {
                block_words_within(dom, base_skip, &base_chars, &roots) & !rules.block_words
            } else {
                0
            };
            found = Some((skip, st, top, roots));
            if inner == 0 {
                break;
            }
            rules.block_words |= inner;
        }
        let Some((mut skip, mut st, top, mut roots)) = found else {
            continue;
        };
        let weights = strict.then_some(rules);
        let found: usize = roots.iter().map(|&r| st[r].chars).sum();
        // The page's own main container knows better than a winner that holds little of it
        // (a product or service page made of many short sections), or little of its prose
        // (one long section, an FAQ, among others written as paragraphs).
        let widen = |c: NodeId| {
            st[c].chars > found
                && (found < MIN_ARTICLE_CHARS
                    || (found as f64) < st[c].chars as f64 * MIN_SHARE_OF_MAIN
                    || {
                        let found_prose: usize =
                            roots.iter().map(|&r| prose_chars(dom, &skip, &st, r)).sum();
                        (found_prose as f64)
                            < prose_chars(dom, &skip, &st, c) as f64 * MIN_PROSE_SHARE_OF_MAIN
                    })
        };
        let mut widened = true;
        if let Some(c) = semantic_container(dom, top).filter(|&c| widen(c)) {
            roots = vec![c];
        } else if let Some(b) = dom
            .find("body")
            .filter(|&b| (found as f64) < st[b].chars as f64 * MIN_SHARE_OF_PAGE)
        {
            // Without furniture, a page whose best part holds so little of it is all content.
            roots = vec![b];
        } else {
            widened = false;
        }
        // Cleaning takes out what looks like furniture inside the article; when it would take
        // out most of the article found by the class rules, it judges the article itself
        // (a listing's link-dense entries, a description full of links), which stays whole.
        // The statistics of the uncleaned article are made again when it is taken: a copy
        // of them was as large as the page's nodes.
        let uncleaned = (strict && !widened).then(|| skip.clone());
        clean_conditionally(dom, &roots, &mut skip, &mut st, weights);
        if let Some(whole_skip) = uncleaned {
            let kept: usize = roots.iter().map(|&r| st[r].chars).sum();
            if (kept as f64) < found as f64 * MIN_SHARE_KEPT_BY_CLEANING {
                st = stats(dom, &whole_skip);
                skip = whole_skip;
            }
        }
        if strict {
            drop_share_bars_and_author_box(dom, &roots, &mut skip, &st, !comments_are_content);
        }
        let chars: usize = roots.iter().map(|&r| st[r].chars).sum();
        // Without the class rules, furniture named by class comes back: that pass wins only
        // when the strict one clearly missed the article.
        let better = best
            .as_ref()
            .is_none_or(|(c, _)| chars as f64 > *c as f64 * LOOSE_PASS_GAIN);
        if better {
            best = Some((chars, Selection { roots, skip }));
        }
        if chars >= MIN_ARTICLE_CHARS {
            break;
        }
    }
    // A page that is mostly a listing: its entries, however many links they are made of.
    let found = best.as_ref().map_or(0, |(c, _)| *c);
    if let Some((roots, _, skip)) =
        listed.filter(|(_, c, _)| *c as f64 > found as f64 * LISTING_GAIN)
    {
        return Some(Selection { roots, skip });
    }
    best.map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE: &str = "This is a sentence of real prose, with commas, that goes on for a while to look like an article paragraph. ";

    /// The strict pass's rules on a page that is no discussion and no product.
    fn class_rules() -> Rules {
        Rules {
            by_element: true,
            by_class: true,
            comments_are_content: false,
            block_words: 0,
            headers_in_main: false,
            reviews_are_furniture: false,
        }
    }

    #[test]
    fn a_share_of_items_is_counted_no_further_than_needed() {
        let mut tried = Vec::new();
        let mut f = |i: NodeId| {
            tried.push(i);
            i % 2 == 0
        };
        assert!(holds_for_at_least(&[0, 2, 1, 3], 2, &mut f));
        assert!(!holds_for_at_least(&[1, 3, 0, 2], 3, &mut f));
        assert!(holds_for_at_least(&[1, 0, 2], 2, &mut f));
        assert_eq!(tried, [0, 2, 1, 3, 1, 0, 2]);
    }

    fn page(body: &str) -> Dom {
        Dom::parse(&format!(
            "<html><head><title>t</title></head><body>{body}</body></html>"
        ))
    }

    /// The text of the article extracted from a page with `body`.
    fn article_text(body: &str) -> String {
        let dom = page(body);
        selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap())
    }

    fn selected_text(dom: &Dom, sel: &Selection) -> String {
        let mut out = String::new();
        for &r in &sel.roots {
            for id in std::iter::once(r).chain(dom.descendants(r)) {
                let hidden = sel.skip[id] || dom.ancestors(id).any(|a| sel.skip[a]);
                if let (false, Data::Text(t)) = (hidden, &dom.nodes[id].data) {
                    out.push_str(t);
                }
            }
        }
        out
    }

    #[test]
    fn a_hidden_page_is_shown_a_hidden_part_is_not() {
        // The whole shop hidden until a script shows it: readers see it.
        let body = format!(
            "<header><a href=/>Shop</a></header>\
             <div style=\"display: none\"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
        );
        assert!(article_text(&body).contains("real prose"));
        // A hidden dialog with a copy of half the page stays hidden.
        let copy = PROSE.replace("real prose", "hidden copy");
        let body = format!(
            "<article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article>\
             <div role=dialog style=\"display:none\"><p>{copy}</p><p>{copy}</p></div>"
        );
        let text = article_text(&body);
        assert!(text.contains("real prose"));
        assert!(!text.contains("hidden copy"));
        // Hidden behind a gate inside `<main>`, on a page whose menus and footer hold more
        // text than it does: still the page.
        let menu = "<li><a href=/x>A menu entry of the shop</a></li>".repeat(40);
        let body = format!(
            "<header><ul>{menu}</ul></header><main><div class=gate>Enter your password</div>\
             <div style=\"display:none\"><p>{PROSE}</p><p>{PROSE}</p></div></main>\
             <footer><ul>{menu}</ul></footer>"
        );
        assert!(article_text(&body).contains("real prose"));
    }

    #[test]
    fn questions_written_on_buttons_are_kept_with_their_answers() {
        let faq = "<div class=faq-item><button class=faq-toggle>How long does delivery take?</button>\
                   <div class=faq-answer><p>Three to five working days, with tracking, anywhere in the country, and more for the islands.</p></div></div>"
            .repeat(4);
        let body = format!(
            "<main><h1>Garden chair</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <section class=faq><h2>Questions</h2>{faq}</section>\
             <form><button>Add to cart</button></form></main>"
        );
        let text = article_text(&body);
        assert!(text.contains("How long does delivery take?"));
        assert!(text.contains("Three to five working days"));
        assert!(!text.contains("Add to cart"));
    }

    #[test]
    fn sections_that_open_alike_are_one_document() {
        let options = "<dt>--all</dt><dd><p>Stage every file that was modified or deleted, \
                       whatever the index holds, before the commit is made.</p></dd>"
            .repeat(20);
        let section = |name: &str, body: &str| {
            format!("<div class=sect1><h2>{name}</h2><div class=sectionbody>{body}</div></div>")
        };
        let body = format!(
            "<nav><a href=/>Docs</a></nav><div id=main>{}{}{}</div>",
            section("NAME", "<div class=paragraph><p>tool-save - Record the changes</p></div>"),
            section(
                "DESCRIPTION",
                &format!("<div class=paragraph><p>{PROSE}</p></div><ol><li>One way</li><li>Another way</li></ol>")
            ),
            section("OPTIONS", &format!("<div class=dlist><dl>{options}</dl></div>")),
        );
        let text = article_text(&body);
        assert!(text.contains("Record the changes"), "{text}");
        assert!(text.contains("real prose"), "{text}");
        assert_eq!(text.matches("Stage every file").count(), 20, "{text}");
        assert!(!text.contains("Docs"), "{text}");
    }

    #[test]
    fn a_data_tables_classes_name_no_furniture() {
        let rows = "<tr><td>Mercury</td><td>0.39 AU</td><td>88 days</td></tr>".repeat(12);
        let body = format!(
            "<header class=site-header><a href=/>Atlas</a></header>\
             <div class=content>{}\
             <table class=\"wikitable sticky-header\"><tr><th>Planet</th><th>Distance</th>\
             <th>Year</th></tr>{rows}</table></div>",
            format!("<p>{PROSE}</p>").repeat(5)
        );
        let text = article_text(&body);
        assert_eq!(text.matches("88 days").count(), 12, "{text}");
        assert!(!text.contains("Atlas"), "{text}");
    }

    #[test]
    fn sections_named_as_jump_links_that_hold_prose_are_the_article() {
        let section = |n: usize| {
            format!(
                "<div class=\"paragraph jump-link\" id=jump-{n}><h2>Part {n}</h2>\
                 <p>{PROSE}{PROSE}</p><p>{PROSE}{PROSE}</p></div>"
            )
        };
        // Teasers of other stories outweigh each section, so that "jump" names no block
        // the page is built of.
        let teaser = PROSE.replace("real prose", "a teaser");
        let cards = format!("<div class=card><p>{teaser}</p></div>").repeat(12);
        let sections = format!("{}{}", section(1), section(2));
        let selected = |links: &str, article: &str| {
            let dom = page(&format!(
                "{links}<article>{article}</article><div class=cards>{cards}</div>"
            ));
            assert!(!holds_prose(&dom, dom.find("div").unwrap()));
            selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap())
        };
        let text = selected(
            "<div class=jump-links><a href=#jump-1>Go to part 1</a> \
             <a href=#jump-2>Go to part 2</a></div>",
            &sections,
        );
        assert_eq!(text.matches("real prose").count(), 8, "{text}");
        // The jump links themselves are still a menu.
        assert!(!text.contains("Go to"), "{text}");
        // Links to follow the site are no article either, but a block that a script names
        // so that its links are followed holds one.
        let text = selected(
            "<div class=follow-us><a href=/feed>Follow us</a> <a href=/x>on X</a></div>",
            &format!("<h1>The story</h1><div id=text_no_follow>{sections}</div>"),
        );
        assert_eq!(text.matches("real prose").count(), 8, "{text}");
        assert!(!text.contains("Follow us"), "{text}");
    }

    #[test]
    fn of_two_listings_as_long_the_first_is_taken_on_every_run() {
        let item = |class: &str, n: usize| {
            format!(
                "<div class={class}><a href=/{class}/{n}>Entry number {n} of the list</a></div>"
            )
        };
        let items: String = (1..=5).map(|n| item("one", n) + &item("two", n)).collect();
        let dom = page(&format!("<div>{items}</div>"));
        let skip = never_content(&dom);
        let st = stats(&dom, &skip);
        let first = dom
            .all()
            .find(|&i| dom.is(i, "div") && dom.attr(i, "class") == Some("one"));
        // Each run hashes the templates anew.
        for _ in 0..32 {
            let (items, _) = listing(&dom, &skip, &st).unwrap();
            assert_eq!(items.first().copied(), first);
        }
    }

    #[test]
    fn cleaning_keeps_a_listings_entries_and_an_article_it_would_mostly_remove() {
        let rules = class_rules();
        // Six cards with linked titles, link-dense each, make most of the listing.
        let card = |n: usize| {
            format!(
                "<div class=card><h3><a href=/r/{n}>Recipe number {n}, baked slowly</a></h3>\
                 <p>Serves four, an hour.</p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        // Blocks of each class that cleaning keeps, and the share of the text the cards hold.
        let cleaned = |body: &str| {
            let dom = page(body);
            let results = dom.find("div").unwrap();
            let mut skip = never_content(&dom);
            let mut st = stats(&dom, &skip);
            let grid = dom.all().find(|&i| dom.attr(i, "class") == Some("grid"));
            let share = st[grid.unwrap()].chars as f64 / st[results].chars as f64;
            clean_conditionally(&dom, &[results], &mut skip, &mut st, Some(rules));
            let kept = |class: &str| {
                dom.all()
                    .filter(|&i| dom.attr(i, "class") == Some(class) && !skip[i])
                    .count()
            };
            (kept("card"), kept("more"), share)
        };
        let (cards_kept, more_kept, _) = cleaned(&format!(
            "<div class=results><p>{PROSE}</p><div class=grid>{cards}</div>\
             <div class=more><a href=/all>See all the recipes of the site</a></div></div>"
        ));
        assert_eq!((cards_kept, more_kept), (6, 0));
        // Under a long description, the cards hold a third of the text: they stay too.
        let (cards_kept, _, share) = cleaned(&format!(
            "<div class=results>{}<div class=grid>{cards}</div></div>",
            format!("<p>{PROSE}</p>").repeat(5)
        ));
        assert!((0.2..0.5).contains(&share), "{share}");
        assert_eq!(cards_kept, 6);
        // A description whose every paragraph links elsewhere, the page's only text: cleaning
        // would take it all.
        let linked = "Try the <a href=/a>crispy air fryer potatoes with herbs</a> or the \
                      <a href=/b>honey glazed carrots</a>, both quick and easy to make at home. ";
        let dom = page(&format!(
            "<div class=page><div class=intro><p>{linked}</p><p>{linked}</p><p>{linked}</p></div>\
             <div class=notes><p>{linked}</p><p>{linked}</p><p>{linked}</p></div></div>"
        ));
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert_eq!(text.matches("honey glazed").count(), 6, "{text}");
    }

    #[test]
    fn a_header_block_of_the_main_content_that_holds_prose_is_its_introduction() {
        let intro = PROSE.replace("real prose", "the introduction");
        let body = format!(
            "<header class=site-header><a href=/>Docs</a></header>\
             <main><div class=layout__header><h1>The socket API</h1>\
             <p>{intro}{intro}</p><p>{intro}{intro}</p></div>\
             <div class=layout__body>{}</div></main>",
            format!("<p>{PROSE}</p>").repeat(10)
        );
        let text = article_text(&body);
        assert_eq!(text.matches("the introduction").count(), 4, "{text}");
        assert_eq!(text.matches("real prose").count(), 10, "{text}");
        // A header of one line is still the page's furniture.
        let body = body.replace(
            &format!("<p>{intro}{intro}</p><p>{intro}{intro}</p>"),
            "<p>Updated today</p>",
        );
        let text = article_text(&body);
        assert!(!text.contains("Updated today"), "{text}");
        // Outside `<main>` too: a block whose class names its header's alignment (an
        // accordion's) that holds paragraphs of prose is part of the article.
        let method = PROSE.replace("real prose", "the method");
        let body = format!(
            "<header class=site-header><a href=/>Reviews</a></header>\
             <div class=entry-content>{}<div class=\"accordion pane-header-alignment-left\">\
             <p>{method}{method}</p><p>{method}{method}</p></div></div>",
            format!("<p>{PROSE}</p>").repeat(10)
        );
        let text = article_text(&body);
        assert_eq!(text.matches("the method").count(), 4, "{text}");
        assert!(!text.contains("Reviews"), "{text}");
    }

    #[test]
    fn a_products_reviews_are_not_its_description() {
        let review = PROSE.replace("real prose", "a customer's review");
        let body = format!(
            "<main><h1>Oak desk</h1><div class=description>{}</div>\
             <section class=product-reviews>{}</section></main>",
            format!("<p>{PROSE}</p>").repeat(5),
            format!("<div class=review><p>{review}</p></div>").repeat(8)
        );
        let ld =
            r#"<script type="application/ld+json">{"@type":"Product","name":"Oak desk"}</script>"#;
        let dom = page(&format!("{ld}{body}"));
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert!(text.contains("real prose"), "{text}");
        assert!(!text.contains("a customer's review"), "{text}");
        // Without a product's markup, reviews are a page's content like any other.
        let text = article_text(&body);
        assert!(text.contains("a customer's review"), "{text}");
    }

    #[test]
    fn the_answers_of_a_question_page_are_content() {
        let answer = PROSE.replace("real prose", "an answer");
        let thread = format!(
            "<main><h1>How do I plan a library?</h1><div class=question><p>{PROSE}</p><p>{PROSE}</p></div>\
             <section class=comments><div class=comment><p>{answer}</p></div>\
             <div class=comment><p>{answer}</p></div></section></main>"
        );
        let ld = r#"<script type="application/ld+json">{"@type":"QAPage","mainEntity":{"@type":"Question","name":"How do I plan a library?"}}</script>"#;
        let dom = page(&format!("{ld}{thread}"));
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert!(text.contains("real prose"));
        assert_eq!(text.matches("an answer").count(), 2);
        // Without the page saying it is a discussion, comments are furniture.
        let dom = page(&thread);
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert!(text.contains("real prose"));
        assert!(!text.contains("an answer"));
    }

    #[test]
    fn a_furniture_word_naming_most_of_the_page_names_its_blocks() {
        let block = |text: &str| format!("<div class=\"builder-widget\"><p>{text}</p></div>");
        // An introduction long enough to be taken for the article on its own.
        let built = format!(
            "<h1>Title</h1><div class=body>{}{}{}</div><div class=widget><p>Popular: x</p></div>",
            format!("<p>{PROSE}</p>").repeat(5),
            block(&PROSE.replace("real prose", "second part")).repeat(3),
            block(&PROSE.replace("real prose", "third part")).repeat(3),
        );
        let dom = page(&built);
        assert_eq!(
            hints::without_words(
                "a widget b",
                generic_block_words(&dom, &never_content(&dom))
            ),
            "a b"
        );
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert!(text.contains("second part") && text.contains("third part"));
        // One widget with most of the page (reviews, a gallery) is still furniture, and so
        // are menus however large.
        let reviews = format!(
            "<article><p>{PROSE}</p></article><div class=reviews-widget>{}</div>",
            format!("<p>{}</p>", PROSE.replace("real prose", "a review")).repeat(3)
        );
        let dom = page(&reviews);
        assert!(generic_block_words(&dom, &never_content(&dom)) == 0);
        let menus = format!(
            "<p>{PROSE}</p>{}",
            "<div class=nav-item><a href=/a>A long menu entry name</a></div>".repeat(20)
        );
        let dom = page(&menus);
        assert!(generic_block_words(&dom, &never_content(&dom)) == 0);
        // The editor's widgets hold most of the article but not of the page, whose footer
        // outweighs the article: the article found tells.
        let footer = format!("<footer>{}</footer>", format!("<p>{PROSE}</p>").repeat(20));
        let edited = format!(
            "<h1>Title</h1><div class=body>{}{}{}</div>{footer}",
            format!("<p>{PROSE}</p>").repeat(5),
            block(&PROSE.replace("real prose", "second part")).repeat(4),
            block(&PROSE.replace("real prose", "third part")).repeat(4),
        );
        let dom = page(&edited);
        assert!(generic_block_words(&dom, &never_content(&dom)) == 0);
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert!(text.contains("second part") && text.contains("third part"));
    }

    #[test]
    fn picks_the_prose_container() {
        let body = format!(
            "<nav><a href=/>Home</a> <a href=/a>About</a></nav>\
             <div id=main><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div class=sidebar><p>Popular: <a href=/x>Some other story, here</a></p></div>\
             <footer>Copyright</footer>"
        );
        let dom = page(&body);
        let skip = never_content(&dom);
        let sel = extract(&dom, &skip).unwrap();
        let text = selected_text(&dom, &sel);
        assert!(text.contains("real prose"));
        assert!(!text.contains("Home"));
        assert!(!text.contains("Popular"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn the_authors_box_is_dropped_an_author_line_of_each_entry_is_not() {
        let body = format!(
            "<article><p>{PROSE}{PROSE}</p><p>{PROSE}{PROSE}</p><p>{PROSE}{PROSE}</p>\
             <div class='entry__author-info'><p>Jane Doe is a writer who has covered gardens, \
             kitchens and houses for ten years.</p></div></article>"
        );
        let text = article_text(&body);
        assert!(text.contains("real prose"));
        assert!(!text.contains("Jane Doe"), "{text}");
        let entry = format!("<div class=review><p>{PROSE}</p><p class=author>Jane Doe</p></div>");
        let dom = page(&format!("<main>{}</main>", entry.repeat(4)));
        let text = selected_text(&dom, &extract(&dom, &never_content(&dom)).unwrap());
        assert_eq!(text.matches("Jane Doe").count(), 4, "{text}");
    }

    #[test]
    fn link_blocks_inside_the_article_are_dropped() {
        let body = format!(
            "<article><p>{PROSE}</p><div><a href=/1>Related one</a> and <a href=/2>Related two</a></div>\
             <p>{PROSE}</p><ul><li>A real point, in prose</li><li>Another <a href=/p>point</a></li></ul></article>"
        );
        let text = article_text(&body);
        assert!(!text.contains("Related one"));
        assert!(text.contains("A real point"));
        assert!(text.contains("Another point"));
        // A definition list of linked names is a reference's list, not a link block.
        let body = format!(
            "<article><p>{PROSE}</p><p>{PROSE}</p><dl>\
             <dt><a href=/a>Socket.binaryType</a></dt><dd>The type of binary data.</dd>\
             <dt><a href=/b>Socket.protocol</a></dt><dd>The protocol chosen.</dd></dl></article>"
        );
        let text = article_text(&body);
        assert!(text.contains("Socket.protocol") && text.contains("binary data"));
    }

    #[test]
    fn text_beside_pictures_is_no_image_strip() {
        let body = format!(
            "<article><p>{PROSE}</p><p>{PROSE}</p>\
             <div class=strip><img src=1.jpg><img src=2.jpg><img src=3.jpg><span>Gallery</span></div>\
             <div class=post><img src=avatar.png><img src=smile.gif>{}<br>{}</div></article>",
            PROSE.replace("real prose", "written reply"),
            PROSE.replace("real prose", "written reply")
        );
        let text = article_text(&body);
        assert!(text.contains("written reply"));
        assert!(!text.contains("Gallery"));
    }

    #[test]
    fn figures_named_media_or_caption_stay() {
        let body = format!(
            "<article><p>{PROSE}</p><p>{PROSE}</p><figure class=media-caption><img src=a.jpg>\
             <figcaption>The harbour at dawn</figcaption></figure><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
             <div class=media-promo><p>Watch more</p></div></article>"
        );
        let text = article_text(&body);
        assert!(text.contains("The harbour at dawn"));
        assert!(!text.contains("Watch more"));
    }

    #[test]
    fn the_winner_does_not_climb_out_of_its_article() {
        let prose = format!("<p>{PROSE}</p>").repeat(8);
        let body = format!(
            "<div id=content class=site-content><div class=content-area><main class=site-main>\
             <article class=post>{prose}</article>\
             <div class=writer-box><p>The writer covers the council, and the river, and more, at length.</p></div>\
             </main></div></div>"
        );
        let text = article_text(&body);
        assert_eq!(text.matches("real prose").count(), 8);
        assert!(!text.contains("The writer covers"));
    }

    #[test]
    fn split_articles_are_gathered() {
        let part = format!("<div class=part><p>{PROSE}</p><p>{PROSE}</p></div>");
        let body = format!(
            "<div class=story><div class=wrap>{part}</div><figure><img src=a.jpg></figure>\
             <div class=wrap>{part}</div><div class=wrap><div class=part><p>Closing words of the story, briefly.</p></div></div></div>\
             <div class=teasers><div class=part><p>{PROSE}</p></div></div>"
        );
        let text = article_text(&body);
        assert_eq!(text.matches("real prose").count(), 4);
        assert!(text.contains("Closing words"));
    }

    #[test]
    fn a_furniture_named_wrapper_of_the_page_is_kept() {
        let body = format!(
            "<div class=nav-drawer><header class=top><h1>Logo</h1></header>\
             <div class=nav-drawer-panel><div class=story><h1>The story</h1><p>{PROSE}</p><p>{PROSE}</p>\
             <div class=related><p>Another story, told at length, with commas, somewhere else.</p></div>\
             <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div></div>\
             <div class=sidebar><h1>Elsewhere</h1><p>Short links here.</p></div>"
        );
        let dom = page(&body);
        let sel = extract(&dom, &never_content(&dom)).unwrap();
        let text = selected_text(&dom, &sel);
        assert_eq!(text.matches("real prose").count(), 5);
        assert!(!text.contains("Elsewhere"));
        assert!(!text.contains("Another story"));
        assert!(sel.skip[dom.all().find(|&i| dom.is(i, "header")).unwrap()]);
        // A page without an `h1`: its `h2`s are its main headings.
        let blog = |heading: &str| {
            format!(
                "<div class=\"widget blog\"><{heading}>March 3</{heading}><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
                 <div class=sidebar><h3>Archive</h3><p>Older posts, by month.</p></div>"
            )
        };
        let widget_kept = |body: &str| {
            let dom = page(body);
            let mut skip = never_content(&dom);
            let rules = class_rules();
            furniture(&dom, &mut skip, rules);
            let widget = dom
                .all()
                .find(|&i| dom.attr(i, "class") == Some("widget blog"))
                .unwrap();
            !skip[widget]
        };
        assert!(widget_kept(&blog("h2")));
        // Beside an `h1`, a widget of `h2`s is furniture however long (a gallery).
        assert!(!widget_kept(&format!("{}<h1>Site</h1>", blog("h2"))));
        // The site's name in its banner is no main heading of the page.
        for banner in [
            "<div id=header-wrapper><h1>Site</h1></div>",
            "<header><h1>Site</h1></header>",
        ] {
            assert!(widget_kept(&format!("{banner}{}", blog("h2"))), "{banner}");
        }
        // The main heading with paragraphs of prose under it is the article, however much
        // the rest of the page holds.
        let links = "<p>A list of links to other pages of the site, short and many.</p>".repeat(40);
        let heading_and_prose = |paragraphs: usize| {
            format!(
                "<div class=\"widget blog\"><h1>A question</h1>{}</div><div>{links}</div>",
                format!("<p>{PROSE}{PROSE}</p>").repeat(paragraphs)
            )
        };
        assert!(widget_kept(&heading_and_prose(2)));
        assert!(!widget_kept(&heading_and_prose(1)));
    }

    #[test]
    fn a_short_winner_widens_to_its_main_element() {
        let feature = |name: &str| {
            format!("<li><h2>{name}</h2><p>Inspect the {name} of any page and change it as you go.</p></li>")
        };
        let features: String = ["layout", "network", "console", "styles"]
            .iter()
            .map(|n| feature(n))
            .collect();
        let body = format!(
            "<main><header><h1>Welcome</h1></header><ul>{features}</ul>\
             <div class=notice><p>Important: sync your profile, or create one, to keep your bookmarks, history and more.</p></div></main>\
             <footer><p>Copyright, the makers, all rights reserved, everywhere.</p></footer>"
        );
        let text = article_text(&body);
        assert!(text.contains("Inspect the network"));
        assert!(text.contains("sync your profile"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn a_winner_with_little_of_its_main_widens_to_it() {
        let section = |name: &str| {
            format!("<section class={name}><h2>{name}</h2><ul><li>Fast {name}, for teams of any size</li>\
                     <li>Start today, and pay only for what you use</li></ul></section>")
        };
        let sections: String = [
            "hosting", "storage", "backups", "support", "billing", "domains", "mail", "logs",
            "metrics", "alerts",
        ]
        .iter()
        .map(|n| section(n))
        .collect();
        let body = format!(
            "<main><div class=intro>{}</div>{sections}</main><footer><p>Copyright</p></footer>",
            format!("<p>{PROSE}</p>").repeat(5)
        );
        let text = article_text(&body);
        assert!(text.contains("real prose"));
        assert!(text.contains("Fast backups"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn a_winner_with_little_of_its_mains_prose_widens_to_it() {
        // The questions and answers are the longest section, but most of the page's prose
        // is in the sections around them.
        let faq: String = (1..=6)
            .map(|n| {
                format!("<div class=item><h3>Can I claim rebate number {n} for the same kind of appliance in one year?</h3>\
                         <div class=answer><p>Yes, rebate {n} once a year, for each kind of appliance, if you own the home.</p></div></div>")
            })
            .collect();
        let section = |topic: &str| {
            let prose = "This is a sentence of real prose that goes on for a while to look like an article paragraph.";
            format!(
                "<div class=block><p>{}</p></div>",
                prose.replace("real prose", topic)
            )
        };
        let body = format!(
            "<main><article><div class=hero><h2>Warm rooms</h2>{}</div>{}{}<div class=faq>{faq}</div>{}{}</article></main>\
             <footer><p>Copyright</p></footer>",
            section("the callout"),
            section("the savings"),
            section("the eligibility"),
            section("the programme"),
            section("the reasons"),
        );
        let text = article_text(&body);
        assert!(text.contains("rebate number 4"), "{text}");
        assert!(text.contains("the callout"), "{text}");
        assert!(text.contains("the reasons"), "{text}");
        assert!(!text.contains("Copyright"));
    }

    fn card(n: usize) -> String {
        format!(
            "<div class='card card-{n}'><a href=/p/{n}><img src={n}.jpg><h3>Trail shoe model {n}</h3></a>\
             <span class=price>$1{n}9.00</span></div>"
        )
    }

    #[test]
    fn only_parents_with_text_enough_are_grouped() {
        let least = MIN_LISTING_ITEMS * MIN_LISTING_ITEM_CHARS;
        assert!(!may_hold_listing(least - 1, None));
        assert!(may_hold_listing(least, None));
        assert!(!may_hold_listing(500, Some(500)));
        assert!(may_hold_listing(501, Some(500)));
    }

    #[test]
    fn a_shop_page_is_its_listing() {
        let cards: String = (1..=8).map(card).collect();
        let body = format!(
            "<main><h1>Shoes</h1><p>Shoes for the trail, and the road.</p><div class=grid>{cards}</div></main>\
             <div class=links><ul><li><a href=/a>About</a></li><li><a href=/b>Help</a></li>\
             <li><a href=/c>Jobs</a></li><li><a href=/d>Press</a></li></ul></div>"
        );
        let text = article_text(&body);
        assert_eq!(text.matches("Trail shoe model").count(), 8);
        assert!(text.contains("$149.00"));
        assert!(!text.contains("About"));
    }

    #[test]
    fn a_front_page_is_its_cards_across_sections() {
        // Three sections of three cards: no run of siblings is long enough, one template is.
        let section = |s: usize| {
            let cards: String = (1..=3).map(|n| card(s * 3 + n)).collect();
            format!("<section><h2>Section {s}</h2><div class=row-{s}>{cards}</div></section>")
        };
        let sections: String = (0..3).map(section).collect();
        let body = format!(
            "<header><a href=/>Home</a> <a href=/news>News</a></header>\
             <main><p>Welcome to the shop, where the trail starts.</p>{sections}</main>"
        );
        let text = article_text(&body);
        assert_eq!(text.matches("Trail shoe model").count(), 9, "{text}");
        assert!(!text.contains("News"));
    }

    #[test]
    fn an_article_is_not_its_teasers() {
        let cards: String = (1..=4).map(card).collect();
        let body = format!(
            "<article>{}</article><div class=more>{cards}</div>",
            format!("<p>{PROSE}</p>").repeat(6)
        );
        let text = article_text(&body);
        assert_eq!(text.matches("real prose").count(), 6);
        assert!(!text.contains("Trail shoe"));
    }

    #[test]
    fn a_winner_with_little_of_the_page_widens_to_it() {
        let block = |n: usize| {
            format!("<div class=block-{n}><h2>Plan {n}</h2><ul><li>Fast plan {n}, for teams of any size</li>\
                     <li>Start today, and pay only for what you use</li></ul></div>")
        };
        let blocks: String = (1..=12).map(block).collect();
        let body = format!(
            "<nav><a href=/>Home</a></nav><div class=intro><p>{PROSE}</p><p>{PROSE}</p></div>{blocks}"
        );
        let text = article_text(&body);
        assert!(text.contains("real prose"));
        assert!(text.contains("Fast plan 7"));
        assert!(!text.contains("Home"));
    }

    #[test]
    fn a_short_article_keeps_class_named_furniture_out() {
        let body = format!(
            "<div id=cmp-banner><p>We and our partners use cookies, and similar things, to store, \
             measure, personalise and improve, and you can accept, reject or manage them, at any \
             time, in the settings, which are linked below, in the footer.</p></div>\
             <div class=story><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
        );
        let text = article_text(&body);
        assert_eq!(text.matches("real prose").count(), 3);
        assert!(!text.contains("cookies"));
    }

    #[test]
    fn headers_of_sections_are_content_the_site_header_is_not() {
        let dom = page(
            "<header><a href=/>Site</a></header><main><header><p>Section lead</p></header></main>\
             <section><header>Part lead</header></section><div><header>Loose</header></div>",
        );
        let mut skip = never_content(&dom);
        let rules = Rules {
            by_element: true,
            by_class: false,
            comments_are_content: false,
            block_words: 0,
            headers_in_main: false,
            reviews_are_furniture: false,
        };
        furniture(&dom, &mut skip, rules);
        let headers: Vec<bool> = dom
            .all()
            .filter(|&i| dom.is(i, "header"))
            .map(|i| skip[i])
            .collect();
        assert_eq!(headers, [true, false, false, true]);
    }

    #[test]
    fn a_page_written_in_noscript_is_read() {
        let body = format!(
            "<div id=app></div><noscript>You need to enable JavaScript to run this app.</noscript>\
             <noscript><img src=pixel.gif></noscript><noscript>&lt;p&gt;{PROSE}{PROSE}&lt;/p&gt;</noscript>\
             <noscript><div class=post><p>{PROSE}</p><p>{PROSE}</p></div></noscript>"
        );
        let dom = page(&body);
        let sel = extract(&dom, &never_content(&dom)).unwrap();
        let text = selected_text(&dom, &sel);
        assert_eq!(text.matches("real prose").count(), 2);
        assert!(!text.contains("enable JavaScript"));
        let noscripts: Vec<bool> = dom
            .all()
            .filter(|&i| dom.is(i, "noscript"))
            .map(|i| sel.skip[i])
            .collect();
        assert_eq!(noscripts, [true, true, true, false]);
    }

    fn post(n: usize, text: &str) -> String {
        format!(
            "<article class='message post-{n}'><div class=user><a href=/u/{n}>user{n}</a>\
             <time>May {n}</time></div><div class=message-body><div class=bb>{text}</div></div>\
             <div class=reactions><a href=/like>Like</a></div></article>"
        )
    }

    #[test]
    fn a_thread_keeps_all_its_posts() {
        let posts = [
            post(1, &format!("<p>{PROSE}</p><p>{PROSE}</p>")),
            post(2, "Thanks, that worked for me."),
            post(3, "<p>Same here: I had to restart it twice.</p>"),
        ]
        .concat();
        let body = format!(
            "<div class=layout><div class=thread><h1>Question</h1><div class=posts>{posts}</div></div>\
             <div class=side><p><a href=/t/2>Other threads</a></p></div></div>"
        );
        let text = article_text(&body);
        assert!(text.contains("real prose"));
        assert!(text.contains("that worked for me"));
        assert!(text.contains("restart it twice"));
        assert!(!text.contains("Other threads"), "{text}");
    }

    #[test]
    fn sections_of_a_layout_are_not_a_thread() {
        let prose = format!("<p>{PROSE}</p>").repeat(4);
        let body = format!(
            "<div class=page><div class='row wide'><div class=hero><h2>Buy now</h2><ul><li><a href=/a>Plans</a></li>\
             <li><a href=/b>Prices</a></li></ul><img src=a.png></div></div>\
             <div class='row wide'><div class=text>{prose}</div></div></div>"
        );
        let dom = page(&body);
        let skip = never_content(&dom);
        let st = stats(&dom, &skip);
        let text = dom
            .all()
            .find(|&i| dom.attr(i, "class") == Some("text"))
            .unwrap();
        assert_eq!(repeated_items(&dom, text, &skip, &st), None);
        let rows: Vec<_> = dom
            .all()
            .filter(|&i| dom.attr(i, "class") == Some("row wide"))
            .collect();
        assert!(same_template(&dom, rows[0], rows[1]));
    }

    #[test]
    fn templates_ignore_numbered_classes() {
        let dom = page("<div class='post post-1 first'></div><div class='post post-2'></div><div class='card'></div><p class=post></p>");
        let els: Vec<_> = dom
            .all()
            .filter(|&i| dom.attr(i, "class").is_some())
            .collect();
        assert!(same_template(&dom, els[0], els[1]));
        assert!(!same_template(&dom, els[1], els[2]));
        assert!(!same_template(&dom, els[1], els[3]));
    }

    #[test]
    fn never_content_and_wrapping_forms() {
        let dom = page(&format!("<form><p>{PROSE}</p><p>b</p><p>c</p><input></form><form><input value=q></form><script>x()</script>\
            <form><table><tr><td><div>{}</div></td></tr></table></form>", PROSE.repeat(20)));
        let skip = never_content(&dom);
        let forms: Vec<_> = dom.all().filter(|&i| dom.is(i, "form")).collect();
        assert!(!skip[forms[0]]);
        assert!(skip[forms[1]]);
        assert!(!skip[forms[2]]);
        assert!(dom
            .all()
            .filter(|&i| dom.is(i, "script") || dom.is(i, "input"))
            .all(|i| skip[i]));
    }

    #[test]
    fn siblings_that_read_like_prose_join() {
        let body = format!("<div><div class=a><p>{PROSE}</p><p>{PROSE}</p></div><p>A short closing line.</p><p><a href=/x>Next</a></p></div>");
        let text = article_text(&body);
        assert!(text.contains("closing line"));
    }

    #[test]
    fn a_standfirst_written_as_a_div_joins() {
        let body = format!(
            "<div><div class=lead>The short of it: a standfirst, written as a div, that says what the story says.</div>\
             <div class=text><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
             <div class=links><a href=/a>A link, with a comma, to another page entirely, to be read</a></div></div>"
        );
        let text = article_text(&body);
        assert!(text.contains("The short of it"));
        assert!(!text.contains("another page"));
    }

    #[test]
    fn data_tables() {
        let dom = page("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><table><tr><td><p>layout</p></td></tr></table>");
        let tables: Vec<_> = dom.all().filter(|&i| dom.is(i, "table")).collect();
        assert!(is_data_table(&dom, tables[0]));
        assert!(!is_data_table(&dom, tables[1]));
    }

    #[test]
    fn lengths() {
        assert_eq!(collapsed_len("  a  b \n c"), 5);
        // Spaces outside ASCII count as spaces, other characters once each.
        assert_eq!(collapsed_len("a\u{a0}\u{2003}b \u{3000}é\u{b}\u{85}ü"), 7);
        assert_eq!(collapsed_len("\u{2028}"), 0);
        assert_eq!(commas("a, b，c、d"), 3);
    }
}

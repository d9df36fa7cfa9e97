//! Which units are the article and which are page furniture, in the spirit of jusText:
//! each unit is first judged on its own (length, share of function words, cue words), then
//! short and borderline units take the side of their neighbours. Text after an end-of-article
//! marker ("Related stories", "Comments") is dropped when the article is already behind it,
//! and so are islands of text amid furniture, away from the article's main stretch, and
//! runs of text inside it about other things (a feed of teasers, comments).

use super::segment::{Kind, Unit};
use crate::lang::is_stop_word;
use std::collections::{HashMap, HashSet};

/// jusText's thresholds: characters below which a unit is short, above which prose is
/// surely content; function-word shares that make prose.
const LENGTH_LOW: usize = 70;
const LENGTH_HIGH: usize = 200;
const STOPWORDS_LOW: f32 = 0.30;
const STOPWORDS_HIGH: f32 = 0.32;
/// The share of function words in the paragraphs of an article in a well-listed language.
const TYPICAL_PROSE: f32 = 0.45;
/// The share of listed function words in a page whose language is not told that shows the
/// words are its language's.
const MIN_FUNCTION_SHARE: f32 = 0.02;
/// Below this typical share, function words say nothing and length alone decides.
const LENGTH_ONLY_BELOW: f32 = 0.15;
/// Units of furniture around an end marker that separate the article from what follows.
const LONG_GAP: usize = 12;
/// Consecutive short lines that make a menu.
const MENU_RUN: usize = 6;
/// How far (in characters) a heading may stand before the content it introduces.
const MAX_HEADING_DISTANCE: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
    /// A line of page furniture: never content, but, like a short line, no evidence about
    /// its neighbours (an "Advertising" label inside an article).
    Furniture,
}

/// Words that mark page furniture when a short line holds one: sharing, accounts, ads,
/// comments, legal notices.
const FURNITURE: &[&str] = &[
    "share",
    "shares",
    "shared",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "messenger",
    "telegram",
    "instagram",
    "youtube",
    "flipboard",
    "follow",
    "subscribe",
    "subscription",
    "subscribers",
    "newsletter",
    "newsletters",
    "login",
    "log",
    "register",
    "cookie",
    "cookies",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "comment",
    "comments",
    "reply",
    "menu",
    "navigation",
    "skip",
    "copyright",
    "©",
    "privacy",
    "rss",
    "permalink",
    "toggle",
    "signup",
    // The same in other languages.
    "teilen",
    "drucken",
    "kommentare",
    "abonnieren",
    "werbung",
    "partager",
    "imprimer",
    "commentaires",
    "publicité",
    "compartir",
    "comentarios",
    "suscríbete",
    "publicidad",
    "compartilhar",
    "partilhar",
    "comentários",
    "publicidade",
    "condividi",
    "commenti",
    "pubblicità",
    "delen",
    "reacties",
    "sdílet",
    "komentáře",
    "reklama",
    "поделиться",
    "комментарии",
    "реклама",
    "ツイート",
    "シェア",
    "シェアする",
    "コメント",
    "分享",
    "评论",
    "評論",
    "广告",
    "廣告",
];

/// Words common in furniture but also in prose and headings: furniture only when most of
/// a line is made of them and the words above.
const WEAK_FURNITURE: &[&str] = &[
    "sign",
    "in",
    "up",
    "out",
    "to",
    "this",
    "on",
    "with",
    "us",
    "the",
    "our",
    "and",
    "more",
    "read",
    "next",
    "previous",
    "prev",
    "home",
    "top",
    "back",
    "save",
    "like",
    "search",
    "close",
    "open",
    "loading",
    "related",
    "popular",
    "trending",
    "recommended",
    "terms",
    "policy",
    "use",
    "contact",
    "about",
    "rights",
    "reserved",
    "all",
    "app",
    "download",
    "account",
    "jump",
    "go",
    "main",
    "content",
    "view",
    "see",
    "full",
    "story",
    "article",
    "tags",
    "topics",
    "feedback",
    "help",
];

/// Phrases that, as a line of their own, end the article: what follows is other content.
const END_MARKERS: &[&str] = &[
    "related",
    "read more",
    "more stories",
    "more from",
    "more on",
    "most read",
    "most popular",
    "popular articles",
    "popular posts",
    "popular stories",
    "most viewed",
    "most shared",
    "recent posts",
    "recent articles",
    "latest posts",
    "more articles",
    "recommended",
    "you may also like",
    "you might also like",
    "comments",
    "comment",
    "leave a reply",
    "leave a comment",
    "share this",
    "about the author",
    "about the authors",
    "tags",
    "topics",
    "see also",
    "trending",
    "further reading",
    "more videos",
    "more reviews",
    "more resources",
    "latest news",
    "the latest from",
    "keep reading",
    "you may be interested",
    "you may also be interested",
    // The same in other languages.
    "ähnliche artikel",
    "mehr zum thema",
    "weitere artikel",
    "kommentare",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "commentaires",
    "noticias relacionadas",
    "te puede interesar",
    "relacionad",
    "comentarios",
    "leia também",
    "veja também",
    "comentários",
    "leggi anche",
    "articoli correlati",
    "commenti",
    "lees ook",
    "reacties",
    "související",
    "komentáře",
    "читайте также",
    "комментарии",
    "関連記事",
    "コメント",
    "相关阅读",
    "相关文章",
    "相關文章",
    "推荐阅读",
    "评论",
];

/// Per unit, whether it belongs to the article.
pub struct ArticleMask {
    /// The units judged to be the article's text: what its metadata is looked for around.
    pub judged: Vec<bool>,
    /// Those and the units set between them: the article's body.
    pub body: Vec<bool>,
}

/// Per unit: whether it belongs to the article.
pub fn article_mask(units: &[Unit]) -> ArticleMask {
    let thresholds = thresholds(units);
    let mut initial: Vec<Class> = units.iter().map(|u| classify(u, thresholds)).collect();
    mark_consent_dialogs(units, &mut initial);
    let mut classes = initial.clone();
    promote_headings(units, &mut classes);
    let in_menu = mark_menus(units, &mut classes);
    promote_near_good_prose(units, &mut classes);
    revise_short(&mut classes);
    revise_near_good(units, &mut classes);
    promote_headings_again(units, &initial, &mut classes);
    let mut keep: Vec<bool> = classes.iter().map(|&c| c == Class::Good).collect();
    drop_trailing_bios(units, &mut keep);
    cut_after_end(units, &initial, &in_menu, &mut keep);
    drop_islands(units, &mut keep);
    for _ in 0..OFF_TOPIC_PASSES {
        if !drop_off_topic_runs(units, &initial, &mut keep) {
            break;
        }
    }
    extend_back(units, &initial, &mut keep);
    if !keep.contains(&true) {
        keep = all_but_furniture(units, &initial, &classes);
    }
    let mut body = fill_gaps(units, &initial, &classes, &keep);
    let (Some(first), Some(last)) = (body.iter().position(|&k| k), body.iter().rposition(|&k| k))
    else {
        return ArticleMask { judged: keep, body };
    };
    extend_to_prose(units, &initial, &classes, &mut body, (0..first).rev());
    extend_to_prose(units, &initial, &classes, &mut body, last + 1..units.len());
    if let Some(posts) = thread_posts(units, &initial, thresholds.0) {
        take_thread(units, &posts, &mut keep, &mut body);
    }
    ArticleMask { judged: keep, body }
}

/// The mean length, in words, of the entries of a menu.
const NAVIGATION_WORDS: usize = 4;

/// When nothing reads as an article (a lone line, a list, a shop's page of cards): all but
/// the furniture and the page's navigation, the menus of short bullets above its first
/// text and below its last. Numbered lists and runs of plain lines may be its listing.
fn all_but_furniture(units: &[Unit], initial: &[Class], classes: &[Class]) -> Vec<bool> {
    let text = |i: usize| {
        classes[i] != Class::Furniture
            && (matches!(initial[i], Class::Good | Class::NearGood)
                || weighted_len(&units[i].text) >= LENGTH_LOW)
    };
    let first = (0..units.len()).find(|&i| text(i)).unwrap_or(0);
    let last = (0..units.len()).rfind(|&i| text(i)).unwrap_or(units.len());
    let bullet = |i: usize| {
        classes[i] == Class::Furniture && matches!(units[i].kind, Kind::Item { number: None, .. })
    };
    let mut keep: Vec<bool> = units
        .iter()
        .map(|u| !is_furniture_text(&u.text) && !is_end_marker(&u.text))
        .collect();
    let mut start = 0;
    while start < units.len() {
        let len = (start..units.len()).take_while(|&i| bullet(i)).count();
        let run = start..start + len;
        let words: usize = run
            .clone()
            .map(|i| units[i].text.split_whitespace().count())
            .sum();
        // Links are named in a few words; a list of changes or features says more.
        if len > 0 && words <= NAVIGATION_WORDS * len {
            for i in run.filter(|i| !(first..=last).contains(i)) {
                keep[i] = false;
            }
        }
        start += len.max(1);
    }
    keep
}

/// Takes in the units set between two of the article's: the lists, short lines, tables and
/// figures among its paragraphs, judged bad by their neighbours, are the article's all the
/// same. Furniture and menus stay out, and so does all that an end marker announces (a box
/// of other stories inside the article).
fn fill_gaps(units: &[Unit], initial: &[Class], classes: &[Class], keep: &[bool]) -> Vec<bool> {
    let mut filled = keep.to_vec();
    let kept: Vec<usize> = (0..keep.len()).filter(|&i| keep[i]).collect();
    for pair in kept.windows(2) {
        // What an end marker announces follows it; the article's lists and figures before
        // it are still the article's.
        let gap = pair[0] + 1
            ..(pair[0] + 1..pair[1])
                .find(|&k| is_end_marker(&units[k].text))
                .unwrap_or(pair[1]);
        for k in gap {
            filled[k] = initial[k] != Class::Furniture && classes[k] != Class::Furniture;
        }
    }
    filled
}

/// The function-word shares that make prose, scaled to the text: languages whose function
/// words are listed only in part (or not at all, like Latin) have fewer of them in their
/// prose, so the thresholds follow the typical share of the text's long paragraphs.
fn thresholds(units: &[Unit]) -> (f32, f32) {
    let densities = |min_len: usize| -> Vec<f32> {
        units
            .iter()
            .filter(|u| weighted_len(&u.text) >= min_len)
            .filter(|u| !is_markup(&u.text))
            .map(|u| match is_cjk_text(&u.text) {
                true => TYPICAL_PROSE,
                false => stop_density(&u.text, &words(&u.text)),
            })
            .collect()
    };
    let mut prose = densities(LENGTH_HIGH);
    if prose.len() < 3 {
        prose = densities(LENGTH_LOW);
    }
    if prose.is_empty() {
        return (STOPWORDS_LOW, STOPWORDS_HIGH);
    }
    prose.sort_by(f32::total_cmp);
    let typical = prose[prose.len() / 2];
    let sample: String = units
        .iter()
        .filter(|u| !is_markup(&u.text))
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let language = crate::lang::detect_language(&sample);
    if typical < LENGTH_ONLY_BELOW {
        // Either a language whose function words are not listed, where length alone can
        // tell; or long units that are lists and menus, not prose (countries in a form).
        // Menus may hide the language too: when their labels hold a few function words,
        // and the page some more, those are its language's.
        let listed = match language {
            Some(l) => crate::lang::has_stop_words(l),
            None => typical > 0.0 && stop_density(&sample, &words(&sample)) >= MIN_FUNCTION_SHARE,
        };
        return match listed {
            true => (STOPWORDS_LOW, STOPWORDS_HIGH),
            false => (0.0, 0.0),
        };
    }
    if language.is_none() {
        return (0.0, 0.0);
    }
    let scale = (typical / TYPICAL_PROSE).min(1.0);
    (STOPWORDS_LOW * scale, STOPWORDS_HIGH * scale)
}

/// What a dropped unit costs a stretch of article text, in characters: the same for a menu
/// line as for a dropped paragraph, so that a long menu weighs and a code block or a
/// table inside the article does not cut it.
const DROPPED_COST: usize = 25;

/// Each search for a stretch reads the units left around the stretches found: a bound on
/// them keeps a text of thousands of parts linear.
const MAX_STRETCH_SEARCHES: usize = 64;

/// A stretch of article text far from the main one is kept when it has at least this share
/// of the main one's weight: a second part of the article rather than a teaser.
const SIDE_STRETCH_SHARE: i64 = 3;

/// The main stretch of the article: the run of units with the most article text in it,
/// each dropped unit inside it counting against it, as first and last unit and weight.
/// An island of text kept at the top of a page (a teaser, a cookie notice) is not part of
/// it.
pub fn main_stretch(units: &[Unit], keep: &[bool]) -> Option<(usize, usize, i64)> {
    let mut best: Option<(usize, usize, i64)> = None;
    let mut start = 0;
    let mut sum: i64 = 0;
    for (i, (unit, &k)) in units.iter().zip(keep).enumerate() {
        let value = if k {
            weighted_len(&unit.text) as i64
        } else {
            -(DROPPED_COST as i64)
        };
        if sum <= 0 {
            if !k {
                continue;
            }
            start = i;
            sum = 0;
        }
        sum += value;
        if best.is_none_or(|(_, _, b)| sum > b) {
            best = Some((start, i, sum));
        }
    }
    best
}

/// Drops the kept units that lie outside the main stretch and outside any other stretch of
/// comparable weight about the same things: islands of text amid page furniture, and
/// blocks of other stories (teasers, a news feed) as long as a short article.
fn drop_islands(units: &[Unit], keep: &mut [bool]) {
    let Some((start, end, main)) = main_stretch(units, keep) else {
        return;
    };
    let main_words = topic_words(&units[start..=end], &keep[start..=end]);
    let footers = post_footers(units, keep);
    let main_footer = footers.after(end);
    let mut stretches = vec![false; keep.len()];
    let mut pending = vec![(0, keep.len())];
    let mut searches = 0;
    while let Some((from, to)) = pending.pop() {
        searches += 1;
        if searches > MAX_STRETCH_SEARCHES {
            // A page of very many equal parts: leave the rest as classified.
            stretches[from..to].fill(true);
            continue;
        }
        let Some((s, e, weight)) = main_stretch(&units[from..to], &keep[from..to]) else {
            continue;
        };
        let (s, e) = (from + s, from + e);
        let light = weight * SIDE_STRETCH_SHARE < main;
        // The heaviest stretch of the range is too light: so are all the others in it, unless
        // the page is a thread, where a short post is as much the page's as a long one.
        if light && main_footer.is_none() {
            continue;
        }
        let post = main_footer.is_some() && footers.after(e) == main_footer;
        if (!light || post) && shares_topic(&topic_words(&units[s..=e], &keep[s..=e]), &main_words)
        {
            stretches[s..=e].fill(true);
        }
        pending.push((from, s));
        pending.push((e + 1, to));
    }
    for (k, in_stretch) in keep.iter_mut().zip(stretches) {
        *k &= in_stretch;
    }
    drop_stray_paragraphs(units, keep);
}

/// How many units after a post its footer may start.
const FOOTER_REACH: usize = 3;
/// How often a line must recur to be the footer of the posts of a thread.
const MIN_POSTS: usize = 3;
/// The longest footer line, in characters.
const MAX_FOOTER_LEN: usize = 40;

/// The short dropped lines that recur through a page ("Reply", "Share", "Report post"):
/// what closes each post of a thread.
struct PostFooters<'a> {
    units: &'a [Unit],
    recurring: Vec<bool>,
}

impl PostFooters<'_> {
    /// The footer line right after a unit, its digits aside.
    fn after(&self, i: usize) -> Option<String> {
        (i + 1..self.units.len())
            .take(FOOTER_REACH)
            .find(|&k| self.recurring[k])
            .map(|k| footer_shape(&self.units[k].text))
    }
}

fn footer_shape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .trim()
        .to_lowercase()
}

fn post_footers<'a>(units: &'a [Unit], keep: &[bool]) -> PostFooters<'a> {
    let short = |i: usize| !keep[i] && units[i].text.chars().count() <= MAX_FOOTER_LEN;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for i in (0..units.len()).filter(|&i| short(i)) {
        *counts.entry(footer_shape(&units[i].text)).or_default() += 1;
    }
    let recurring = (0..units.len())
        .map(|i| {
            short(i)
                && counts
                    .get(&footer_shape(&units[i].text))
                    .is_some_and(|&n| n >= MIN_POSTS)
        })
        .collect();
    PostFooters { units, recurring }
}

/// The longest line of a post's header or footer ("#12", "Member", "Posts: 138", "Top"), in
/// characters.
const MAX_POST_LINE_LEN: usize = 40;

/// The units of the posts of a thread, when the page is one: a short line that recurs
/// ("#2", "Top", "Member") and, between most of its returns, a sentence of someone's post.
/// The posts are all that lies between, bar the recurring lines of their headers and
/// footers (the posts' counts, "Report", "Reply") and furniture: the short posts too, and
/// their authors' names and dates.
fn thread_posts(units: &[Unit], initial: &[Class], stopwords_low: f32) -> Option<Vec<bool>> {
    let shapes: Vec<Option<String>> = units
        .iter()
        .map(|u| {
            if is_post_stamp(&u.text) {
                Some(POST_STAMP.to_string())
            } else {
                (u.text.chars().count() <= MAX_POST_LINE_LEN).then(|| footer_shape(&u.text))
            }
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for shape in shapes.iter().flatten() {
        *counts.entry(shape).or_default() += 1;
    }
    let recurring: Vec<bool> = shapes
        .iter()
        .map(|s| {
            s.as_deref()
                .is_some_and(|s| s != POST_STAMP && counts[s] >= MIN_POSTS)
        })
        .collect();
    let member = |i: usize| !recurring[i] && initial[i] != Class::Furniture;
    let said = |i: usize| {
        let text = &units[i].text;
        let words = words(text);
        member(i)
            && (is_sentence(text)
                || (words.len() >= MIN_SAID_WORDS && stop_density(text, &words) >= stopwords_low))
    };
    let mut best: Option<(usize, Vec<usize>)> = None;
    // A rule of dashes or carets is a divider of any text, not a post's.
    let named = |s: &str| s.contains(|c: char| c.is_alphabetic() || c == '#');
    let mut candidates: Vec<&str> = counts
        .iter()
        .filter(|(s, &n)| n >= MIN_POSTS && named(s))
        .map(|(s, _)| *s)
        .collect();
    // Of shapes with as many posts, the first in the text's order, whatever the hashing.
    candidates.sort_by_key(|s| shapes.iter().position(|t| t.as_deref() == Some(*s)));
    for shape in candidates {
        let marks: Vec<usize> = (0..units.len())
            .filter(|&i| shapes[i].as_deref() == Some(shape))
            .collect();
        let with_post: Vec<usize> = marks
            .windows(2)
            .filter(|w| (w[0] + 1..w[1]).any(said))
            .map(|w| w[0])
            .collect();
        // Each post is dated; cards of products or stories between their buttons are not.
        let dated = marks
            .windows(2)
            .filter(|w| (w[0]..w[1]).any(|i| super::dates::find_date(&units[i].text).is_some()))
            .count();
        if with_post.len() >= MIN_THREAD_POSTS
            && with_post.len() * 2 >= marks.len() - 1
            && dated * DATED_SHARE_OF >= with_post.len() * DATED_SHARE
            && best.as_ref().is_none_or(|(n, _)| with_post.len() > *n)
        {
            best = Some((with_post.len(), marks));
        }
    }
    let (_, marks) = best?;
    let first = marks
        .windows(2)
        .find(|w| (w[0] + 1..w[1]).any(said))
        .map(|w| w[0])?;
    let last = *marks.last()?;
    let longest = marks.windows(2).map(|w| w[1] - w[0]).max()?;
    // The last post runs on after the last mark, as far as a post may, until furniture.
    let end = (last + 1..units.len().min(last + longest))
        .find(|&i| initial[i] == Class::Furniture || is_end_marker(&units[i].text))
        .unwrap_or(units.len().min(last + longest));
    // Stories announced after an article ("More stories") are not its thread.
    if (first..end).any(|i| is_end_marker(&units[i].text)) {
        return None;
    }
    let mut posts = vec![false; units.len()];
    for (i, p) in posts.iter_mut().enumerate().take(end).skip(first) {
        *p = member(i);
    }
    Some(posts)
}

/// Makes a thread's posts the article's body when the masks missed most of them: short
/// posts between headers read as menus. A thread under an article that the masks found is
/// its comments and stays out, and so does one beside more text than its own.
fn take_thread(units: &[Unit], posts: &[bool], keep: &mut [bool], body: &mut [bool]) {
    let (Some(start), Some(end)) = (
        posts.iter().position(|&p| p),
        posts.iter().rposition(|&p| p),
    ) else {
        return;
    };
    let weight = |pick: &dyn Fn(usize) -> bool| -> usize {
        (0..units.len())
            .filter(|&i| pick(i))
            .map(|i| weighted_len(&units[i].text))
            .sum()
    };
    let thread = weight(&|i| posts[i]);
    let missed = weight(&|i| posts[i] && !body[i]);
    let outside = weight(&|i| keep[i] && !(start..=end).contains(&i));
    // Under a marker that closes an article ("Comments"), the thread is its comments.
    let comments = (start.saturating_sub(COMMENT_STAMP_REACH)..start)
        .any(|i| is_closing_marker(&units[i].text))
        && weight(&|i| keep[i] && i < start) >= COMMENTED_ARTICLE_LEN;
    if missed * MISSED_SHARE_OF <= thread * MISSED_SHARE || outside * 2 >= thread || comments {
        // The masks kept the posts, and took in the labels of their headers between them.
        for i in start..=end {
            body[i] &= posts[i] || !is_post_label(&units[i].text);
        }
        return;
    }
    for i in 0..units.len() {
        let inside = (start..=end).contains(&i);
        keep[i] = posts[i] || (inside && keep[i]);
        body[i] = posts[i] || (inside && body[i]);
    }
}

/// A recurring line of a post's header that labels it ("Member", "#4", "Posts: 138"): a
/// word or a count. Recurring headings of several words ("Reported by:") are the entries'.
fn is_post_label(text: &str) -> bool {
    text.contains(|c: char| c.is_ascii_digit()) || text.split_whitespace().count() == 1
}

/// The shape given to all the dated stamps of posts, whoever wrote them when.
const POST_STAMP: &str = "posted on a date";
/// The longest stamp of a post, in characters.
const MAX_STAMP_LEN: usize = 60;

/// A post's stamp: its author and date, perhaps its number ("tinterweb April 26, 2024, 6:28am
/// 1", "Post by ant » 12. Sep 2024, 00:38").
fn is_post_stamp(text: &str) -> bool {
    text.chars().count() <= MAX_STAMP_LEN
        && text.split_whitespace().count() <= 8
        && super::dates::find_date(text).is_some()
}

/// The share of a thread's posts that must be dated, as `DATED_SHARE` in `DATED_SHARE_OF`.
const DATED_SHARE: usize = 2;
const DATED_SHARE_OF: usize = 3;

/// The share of a thread the masks must have missed for it to be taken, as `MISSED_SHARE`
/// in `MISSED_SHARE_OF`: where they found much of it, they found the article around it.
const MISSED_SHARE: usize = 3;
const MISSED_SHARE_OF: usize = 4;

/// The fewest posts that make a thread: fewer cards of products can also be dated.
const MIN_THREAD_POSTS: usize = 5;

/// Words a line needs to be judged a post's sentence by its function words.
const MIN_SAID_WORDS: usize = 4;

/// Dropped units on each side that make a kept paragraph stand alone.
const STRAY_GAP: usize = 2;

/// Drops the paragraphs that stand alone amid furniture and say nothing of what the rest of
/// the article is about: the blurbs of a feed of other stories inside the page.
fn drop_stray_paragraphs(units: &[Unit], keep: &mut [bool]) {
    let n = units.len();
    let alone = |i: usize| {
        i >= STRAY_GAP
            && i + STRAY_GAP < n
            && (i - STRAY_GAP..i).all(|k| !keep[k])
            && (i + 1..=i + STRAY_GAP).all(|k| !keep[k])
    };
    let strays: Vec<usize> = (0..n).filter(|&i| keep[i] && alone(i)).collect();
    if strays.is_empty() {
        return;
    }
    let mut rest = keep.to_vec();
    strays.iter().for_each(|&i| rest[i] = false);
    let weight = |keep: &[bool]| -> usize {
        (0..n)
            .filter(|&k| keep[k])
            .map(|k| weighted_len(&units[k].text))
            .sum()
    };
    // Strays that are most of the text are the article, written between pictures.
    if weight(&rest) * 2 < weight(keep) {
        return;
    }
    let article = topic_words(units, &rest);
    for i in strays {
        let own = topic_words(&units[i..=i], &[true]);
        if !own.is_empty() && !shares_topic(&own, &article) {
            keep[i] = false;
        }
    }
}

/// The share, in hundredths, of a run's topic words that the rest of the main stretch must
/// use for the run to be about the same things.
const RUN_TOPIC_HUNDREDTHS: usize = 15;

/// Fewer topic words than this say too little about what a run is about.
const MIN_RUN_TOPIC_WORDS: usize = 6;

/// Passes of the off-topic filter: each one judges the runs against a rest that is more
/// nearly the article alone, until nothing more goes.
const OFF_TOPIC_PASSES: usize = 4;

/// Drops the runs of kept units inside the main stretch whose words the rest of it does not
/// use: the cards of a feed of other stories (headline and blurb), a comment thread, read
/// as prose between the article's parts. The run with the most text that reads as prose
/// on its own is the article's and stays, and so do runs with half as much. Returns
/// whether any run went.
fn drop_off_topic_runs(units: &[Unit], initial: &[Class], keep: &mut [bool]) -> bool {
    let Some((start, end, _)) = main_stretch(units, keep) else {
        return false;
    };
    let runs = kept_runs(&keep[start..=end]);
    let words: Vec<HashMap<String, usize>> = runs
        .iter()
        .map(|r| word_counts(&units[start + r.start..start + r.end]))
        .collect();
    let prose = |r: &std::ops::Range<usize>| -> usize {
        r.clone()
            .map(|k| start + k)
            .filter(|&k| initial[k] == Class::Good)
            .map(|k| weighted_len(&units[k].text))
            .sum()
    };
    let Some(article_prose) = runs.iter().map(prose).max() else {
        return false;
    };
    let mut total: HashMap<&str, usize> = HashMap::new();
    for counts in &words {
        for (w, n) in counts {
            *total.entry(w.as_str()).or_default() += n;
        }
    }
    let mut dropped = false;
    for (run, own) in runs.iter().zip(&words) {
        // The article's run, and any with half as much prose, are parts of the article.
        if prose(run) * 2 >= article_prose || own.len() < MIN_RUN_TOPIC_WORDS {
            continue;
        }
        let shared = own
            .iter()
            .filter(|(w, n)| total.get(w.as_str()).is_some_and(|t| t > *n))
            .count();
        if shared * 100 < own.len() * RUN_TOPIC_HUNDREDTHS {
            keep[start + run.start..start + run.end].fill(false);
            dropped = true;
        }
    }
    dropped
}

/// Takes in the sentences that stand right before the main stretch: the opening paragraphs
/// of an article, written with few function words (a list of what a report assessed),
/// judged bad on their own and then by their neighbours, above the article they open.
fn extend_back(units: &[Unit], initial: &[Class], keep: &mut [bool]) {
    let Some((start, _, _)) = main_stretch(units, keep) else {
        return;
    };
    for k in (0..start).rev() {
        let prose = initial[k] != Class::Furniture
            && weighted_len(&units[k].text) >= LENGTH_LOW
            && is_sentence(&units[k].text);
        if !prose {
            break;
        }
        keep[k] = true;
    }
}

/// How many lines that are not sentences may stand between the article and more of its prose.
const PROSE_REACH: usize = 5;

/// Takes in, walking away from the article (`units` in the order to walk), the sentences
/// that go on beyond it and the few lines between them (a heading, a list): a second part
/// written with few function words, judged bad. Furniture, a menu or an end marker stops it.
fn extend_to_prose(
    units: &[Unit],
    initial: &[Class],
    classes: &[Class],
    keep: &mut [bool],
    walk: impl Iterator<Item = usize>,
) {
    let mut pending = Vec::new();
    for k in walk {
        let text = &units[k].text;
        if initial[k] == Class::Furniture || classes[k] == Class::Furniture || is_end_marker(text) {
            break;
        }
        if weighted_len(text) >= LENGTH_LOW && is_sentence(text) {
            pending.drain(..).for_each(|p: usize| keep[p] = true);
            keep[k] = true;
        } else if pending.len() == PROSE_REACH {
            break;
        } else {
            pending.push(k);
        }
    }
}

/// The runs of kept units, each ended by a dropped one.
fn kept_runs(keep: &[bool]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut from = None;
    for (i, &k) in keep.iter().enumerate() {
        match (k, from) {
            (true, None) => from = Some(i),
            (false, Some(f)) => {
                runs.push(f..i);
                from = None;
            }
            _ => {}
        }
    }
    if let Some(f) = from {
        runs.push(f..keep.len());
    }
    runs
}

/// How often each topic word occurs in the units, each unit counting once.
fn word_counts(units: &[Unit]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for unit in units {
        for w in topic_words(std::slice::from_ref(unit), &[true]) {
            *counts.entry(w).or_default() += 1;
        }
    }
    counts
}

/// The share of a stretch's topic words that the main stretch must have for the stretch to
/// be about the same things, in tenths.
const SHARED_TOPIC_TENTHS: usize = 2;

/// The distinct words of four letters or more, not function words, of the kept units:
/// what a stretch is about. Text written without spaces has none.
fn topic_words(units: &[Unit], keep: &[bool]) -> HashSet<String> {
    units
        .iter()
        .zip(keep)
        .filter(|(u, &k)| k && !is_cjk_text(&u.text))
        .flat_map(|(u, _)| words(&u.text))
        .filter(|w| w.chars().count() >= 4 && !is_stop_word(w))
        .collect()
}

/// Whether a stretch is about what the main one is about; one without topic words may be.
fn shares_topic(side: &HashSet<String>, main: &HashSet<String>) -> bool {
    let shared = side.iter().filter(|w| main.contains(*w)).count();
    shared * 10 >= side.len() * SHARED_TOPIC_TENTHS
}

/// Length in characters, with a CJK character worth three (one of them carries a word).
pub fn weighted_len(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 3 } else { 1 }).sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '©' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A line of program code or of a text table ("SELECT avg(n) FROM t;", "2 │ f"): it goes
/// with the text around it, whatever its words. Calls (`avg(n)`) count, prose's
/// parentheses (with a space before them) do not.
fn looks_like_code(text: &str) -> bool {
    let marks = text
        .chars()
        .filter(|c| matches!(c, '{' | '}' | ';' | '=' | '│' | '[' | ']' | '<' | '>'))
        .count();
    let calls = text
        .char_indices()
        .filter(|&(i, c)| {
            c == '('
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_alphanumeric())
        })
        .count();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    let symbols = marks + 2 * calls;
    symbols >= 2 && symbols * 12 >= chars && !is_markup(text)
}

/// A row of a text table, its columns set apart by runs of spaces ("Edge of Tomorrow     2014
/// A soldier relives..."): its cells are names and figures, not sentences, so it goes with
/// the text around it. (A list item with such a gap is one beside a column of the page
/// layout, and is judged by its words.)
fn is_table_row(text: &str) -> bool {
    text.trim().contains("   ")
}

/// A line of HTML left in the text (a `<noscript>` tracker, an embed): not prose in any
/// language, so it says nothing of the language's function words.
fn is_markup(text: &str) -> bool {
    text.match_indices('<')
        .filter(|(i, _)| {
            text[i + 1..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
        })
        .count()
        >= 2
}

/// Text mostly in a script written without spaces between words.
fn is_cjk_text(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    cjk * 2 > letters
}

/// Share of function words; text written without spaces (CJK) counts as prose.
/// The explanation of a list entry that opens with its term: "Use Internal Linking: Link to
/// relevant pages within your site." Names of things have no function words; the
/// explanation tells whether the entry is prose.
fn defined_term(text: &str) -> Option<&str> {
    let (term, definition) = text.split_once(": ")?;
    let term_words = term.split_whitespace().count();
    // "Défense : ..." (a space before the colon) is a French sentence's pause.
    (!term.ends_with(char::is_whitespace)
        && term.starts_with(char::is_uppercase)
        && (1..=MAX_TERM_WORDS).contains(&term_words)
        && definition.split_whitespace().count() >= MIN_DEFINITION_WORDS)
        .then_some(definition)
}

/// How many words the term before an explanation may have.
const MAX_TERM_WORDS: usize = 6;
/// How many words an explanation needs to be judged alone.
const MIN_DEFINITION_WORDS: usize = 8;

fn stop_density(text: &str, words: &[String]) -> f32 {
    if is_cjk_text(text) {
        return STOPWORDS_HIGH;
    }
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| is_stop_word(w)).count() as f32 / words.len() as f32
}

/// A short line made of furniture words: "Share this with Close", "Sign in | Register".
fn is_furniture(words: &[String]) -> bool {
    let strong = words
        .iter()
        .filter(|w| FURNITURE.contains(&w.as_str()))
        .count();
    let weak = words
        .iter()
        .filter(|w| WEAK_FURNITURE.contains(&w.as_str()))
        .count();
    let copyright = words.iter().any(|w| w == "©" || w == "copyright")
        || words.windows(3).any(|w| w == ["all", "rights", "reserved"]);
    (copyright && words.len() <= 40)
        || (strong >= 1 && words.len() <= 4)
        || (strong >= 1 && (strong + weak) * 3 >= words.len() * 2)
        || (words.len() <= 4 && weak == words.len())
}

/// A line that is only a web address or a file name ("//cdn.example.org/x?id=3",
/// "[logo-2x.png]", "IFRAME: https://..."), as text browsers print embeds and images: no
/// reader's text.
fn is_address(text: &str) -> bool {
    let t = text.trim();
    if is_image_mark(t) {
        return true;
    }
    let t = t.split_once(": ").map_or(t, |(label, rest)| {
        if label.chars().all(|c| c.is_ascii_uppercase()) {
            rest
        } else {
            t
        }
    });
    let t = t.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')' | '<' | '>'));
    !t.is_empty()
        && !t.contains(char::is_whitespace)
        && (t.contains("://")
            || t.starts_with("//")
            || t.starts_with("www.")
            || t.rsplit_once('.').is_some_and(|(stem, ext)| {
                !stem.is_empty()
                    && matches!(
                        ext.to_ascii_lowercase().as_str(),
                        "jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "html" | "htm" | "php"
                    )
            }))
}

/// A line of pictures as text browsers print them, each its file's name in brackets:
/// "[svg][LL-CTA-1024x227]", "[2a6e7385-screenshot-784x1024]", "[best-standing-desks]".
fn is_image_mark(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    let names: Vec<&str> = inner.split("][").collect();
    let is_name = |n: &str| {
        let joins = n.matches(['-', '_']).count();
        !n.is_empty()
            && !n.contains(|c: char| c.is_whitespace() || c == '[' || c == ']')
            && (joins >= 2 || (joins == 1 && n.contains(|c: char| c.is_ascii_digit())))
    };
    // A text browser's mark for a picture without a name ("[svg]", "[image]") is one too,
    // and so is its cut, lower-case file name ("[hero-banne]", "[gif]").
    let is_cut_name = |n: &str| {
        n.len() >= 3
            && n.starts_with(|c: char| c.is_ascii_lowercase())
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    };
    names
        .iter()
        .all(|n| is_name(n) || is_cut_name(n) || matches!(*n, "svg" | "img" | "image" | "photo"))
}

/// A line that is one text twice over, spaces aside ("The PlayStation VRThe PlayStation
/// VR"): a picture's alternative text run into its caption or link, as text browsers and
/// copying print them; not a headline.
pub fn is_said_twice(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let half = letters.len() / 2;
    letters.len() >= 8 && letters.len() % 2 == 0 && letters[..half] == letters[half..]
}

/// Whether a text asks for consent to cookies or explains them: the site speaks ("we",
/// "our", "this site"), names cookies and what they serve (privacy, partners, tracking,
/// the visitor's device or browser). A recipe for cookies names none of those; an article
/// about tracking does not speak for the site.
fn is_consent_notice(words: &[String]) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    let site_speaks = ["we", "our", "us"].iter().any(|w| has(w))
        || words
            .windows(2)
            .any(|p| p[0] == "this" && (p[1] == "site" || p[1] == "website"));
    (has("cookie") || has("cookies"))
        && site_speaks
        && words.iter().any(|w| CONSENT_CUES.contains(&w.as_str()))
}

/// Marks as furniture the text of a consent dialog: around its buttons ("Accept All
/// Cookies", "Reject All") and its notices, the units that speak of cookies, consent,
/// trackers or vendors, each within [`CONSENT_REACH`] units of the dialog's last. Such a
/// dialog's explanations ("Cookies collect information about how you use a website") need
/// not speak for the site; their place tells them.
fn mark_consent_dialogs(units: &[Unit], classes: &mut [Class]) {
    let words: Vec<Vec<String>> = units.iter().map(|u| words(&u.text)).collect();
    let mut in_dialog: Vec<bool> = words
        .iter()
        .map(|w| is_consent_control(w) || is_consent_notice(w))
        .collect();
    if !in_dialog.contains(&true) {
        return;
    }
    let mut spread = |order: &mut dyn Iterator<Item = usize>| {
        let mut last: Option<usize> = None;
        for i in order {
            if in_dialog[i] {
                last = Some(i);
            } else if last.is_some_and(|l| l.abs_diff(i) <= CONSENT_REACH)
                && names_consent(&words[i])
            {
                in_dialog[i] = true;
                last = Some(i);
            }
        }
    };
    spread(&mut (0..units.len()));
    spread(&mut (0..units.len()).rev());
    // What stands between two parts of the dialog close together is the dialog's too.
    let marked: Vec<usize> = (0..units.len()).filter(|&i| in_dialog[i]).collect();
    for pair in marked.windows(2) {
        if pair[1] - pair[0] <= CONSENT_REACH {
            in_dialog[pair[0]..pair[1]].fill(true);
        }
    }
    for (class, _) in classes.iter_mut().zip(&in_dialog).filter(|(_, &d)| d) {
        *class = Class::Furniture;
    }
}

/// How many units apart the parts of a consent dialog may stand (a purpose's name, its
/// switch between its explanations).
const CONSENT_REACH: usize = 4;

/// Whether a short line is a consent dialog's button: "Accept All Cookies", "Reject All",
/// "Cookie Settings", "Always Active". A heading about cookies ("Reading cookies") is none.
fn is_consent_control(words: &[String]) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    let choice = ["accept", "reject", "allow", "deny", "decline"]
        .iter()
        .any(|w| has(w));
    let about_cookies = has("cookie") || has("cookies");
    words.len() <= CONSENT_CONTROL_WORDS
        && ((choice && (about_cookies || has("all") || has("consent")))
            || (about_cookies && (has("settings") || has("preferences")))
            || words
                .windows(2)
                .any(|p| p[0] == "always" && p[1] == "active"))
}

/// How many words a consent dialog's button may have.
const CONSENT_CONTROL_WORDS: usize = 6;

/// Whether a text speaks of what a consent dialog asks about: cookies, consent, trackers,
/// the vendors and partners that share the visitor's data, their legitimate interest.
fn names_consent(words: &[String]) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "cookie" | "cookies" | "consent" | "trackers" | "vendors" | "identifiers"
        )
    }) || words
        .windows(2)
        .any(|p| p[0] == "legitimate" && p[1].starts_with("interest"))
        || (has("partners") && (has("purpose") || has("data")))
}

/// Words that, beside "cookies", tell a consent notice.
const CONSENT_CUES: &[&str] = &[
    "consent",
    "privacy",
    "partners",
    "personal",
    "tracking",
    "device",
    "browser",
    "website",
    "analytics",
    "advertising",
    "preferences",
    "settings",
    "datenschutz",
    "einwilligung",
    "consentement",
    "confidentialité",
    "privacidad",
    "consentimiento",
];

/// Whether a line is page furniture by its words alone.
pub fn is_furniture_text(text: &str) -> bool {
    let words = words(text);
    (!words.is_empty() && is_furniture(&words)) || is_address(text)
}

/// For the end markers of a text, whether each comes again after more prose: the page holds
/// several articles, each closed by its own "Comments (5 posted)", and only the last one
/// ends them.
fn recurring_markers(units: &[Unit], initial: &[Class]) -> Vec<bool> {
    let shape = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
            .to_lowercase()
    };
    let markers: Vec<Option<String>> = units
        .iter()
        .map(|u| is_end_marker(&u.text).then(|| shape(&u.text)))
        .collect();
    let mut last: HashMap<&str, usize> = HashMap::new();
    for (i, m) in markers.iter().enumerate() {
        if let Some(m) = m {
            last.insert(m, i);
        }
    }
    // Prose units before each index.
    let mut prose_before = vec![0; units.len() + 1];
    for (i, u) in units.iter().enumerate() {
        let prose = initial[i] == Class::Good && u.kind == Kind::Text;
        prose_before[i + 1] = prose_before[i] + usize::from(prose);
    }
    markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            m.as_deref()
                .and_then(|m| last.get(m))
                .is_some_and(|&j| prose_before[j] > prose_before[i + 1])
        })
        .collect()
}

/// The end markers after which only comments and notes about the article follow.
const CLOSING_MARKERS: &[&str] = &[
    "comment",
    "leave a",
    "about the author",
    "share this",
    "kommentar",
    "comentário",
    "comentario",
    "reacties",
    "komentář",
    "комментари",
    "コメント",
    "评论",
];

/// An end marker after which the article never resumes: "Comments", "About the author".
fn is_closing_marker(text: &str) -> bool {
    let t = marker_text(text);
    CLOSING_MARKERS.iter().any(|m| t.starts_with(m))
        || is_comment_count(text)
        || is_feedback_prompt(text)
}

/// A line of its own that announces other content after the article. A dated line
/// ("Commented May 2, 2009 at 0:53") is the stamp of a post, not an announcement.
pub fn is_end_marker(text: &str) -> bool {
    let t = marker_text(text);
    (t.split_whitespace().count() <= 6
        && END_MARKERS.iter().any(|m| t.starts_with(m))
        && (is_closing_marker(text) || !is_cross_reference(text))
        && super::dates::find_date(text).is_none())
        || is_comment_count(text)
        || is_feedback_prompt(text)
}

/// What a count of comments is said in, up to the quoted title of the post they are on.
const COMMENT_COUNTS: &[&str] = &[
    "comments on",
    "comment on",
    "thoughts on",
    "thought on",
    "responses to",
    "response to",
    "replies to",
    "reply to",
    "reactions to",
];

/// How long (weighted characters) the article before a count of its comments is at least.
const COMMENTED_ARTICLE_LEN: usize = 500;

/// Counts said in words before comments.
const SMALL_COUNTS: &[&str] = &["one", "two", "three"];

/// The heading of a blog's comments, which counts them and quotes the post's title ("59
/// Comments on “Starship Troopers”", "One thought on “Rain at last”"): it says more words
/// than a marker does, and what follows is the readers'.
fn is_comment_count(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let Some((count, rest)) = t.split_once(' ') else {
        return false;
    };
    let counted = count.chars().all(|c| c.is_ascii_digit()) || SMALL_COUNTS.contains(&count);
    counted
        && COMMENT_COUNTS.iter().any(|c| {
            rest.strip_prefix(c).is_some_and(|title| {
                title
                    .trim_start()
                    .starts_with(['“', '"', '‘', '\'', '«', '„'])
            })
        })
}

/// How many units under a marker the first comment's stamp may stand (a "Comments
/// navigation" line, a sort control between).
const COMMENT_STAMP_REACH: usize = 3;

/// Whether the units open a thread of comments: one of the first is a commenter's stamp.
fn opens_comments(units: &[Unit]) -> bool {
    units
        .iter()
        .take(COMMENT_STAMP_REACH)
        .any(|u| is_commenter_stamp(&u.text) || is_timed_stamp(&u.text))
}

/// A post's stamp with the time of day, as comments are stamped ("Jane May 2, 2009 at 2:06
/// PM"); an article's teaser gives the day alone.
fn is_timed_stamp(text: &str) -> bool {
    is_post_stamp(text) && super::dates::find_date(text).is_some_and(|d| d.time.is_some())
}

/// Words that close the stamp of a comment, after the commenter's name.
const COMMENTER_VERBS: &[&str] = &["says", "said", "wrote"];

/// How many words the stamp of a comment has at most.
const COMMENTER_STAMP_WORDS: usize = 8;

/// The stamp of a comment as blogs print it: the commenter's name and "says" ("1. Jane Doe
/// says:", "[avatar] Jane says").
fn is_commenter_stamp(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.len() <= COMMENTER_STAMP_WORDS
        && words.last().is_some_and(|w| {
            COMMENTER_VERBS.contains(&w.trim_end_matches(':').to_lowercase().as_str())
        })
}

/// How many words a prompt for feedback has at most.
const FEEDBACK_PROMPT_WORDS: usize = 6;

/// A prompt for the readers' verdict under an article or a documentation page ("Was this
/// page helpful?", "Was this article useful?"): the article is over.
fn is_feedback_prompt(text: &str) -> bool {
    let t = marker_text(text);
    t.starts_with("was this ")
        && t.split_whitespace().count() <= FEEDBACK_PROMPT_WORDS
        && (t.contains("helpful") || t.contains("useful"))
}

/// A link to another story set in the article's text, its label then its title: "Related:
/// Why Local Search Matters", "Read more: The Budget in Five Charts". The article goes on
/// after it.
fn is_cross_reference(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, title)| {
        let title = title.trim();
        label.split_whitespace().count() <= 3
            && title.split_whitespace().count() >= 3
            && title.starts_with(|c: char| c.is_uppercase())
    })
}

/// The labels of a link to another story set between the article's paragraphs.
const STORY_LINK_LABELS: &[&str] = &[
    "related",
    "read more",
    "read also",
    "also read",
    "read next",
    "recommended",
    "see also",
    "lire aussi",
    "à lire aussi",
    "leia também",
    "veja também",
    "leggi anche",
    "lees ook",
    "читайте также",
];

/// A cross reference labelled as a link to another story ("Related: Why Local Search
/// Matters"): the article goes on after it, but it is not the article's text.
fn is_story_link(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    is_cross_reference(t)
        && t.split_once(':').is_some_and(|(label, _)| {
            STORY_LINK_LABELS.contains(&label.trim().to_lowercase().as_str())
        })
}

/// Verbs of a shop's button ("Buy now", "Check price at Amazon").
const BUTTON_VERBS: &[&str] = &["buy", "shop", "book", "order", "check", "see", "view"];

/// What a shop's button offers after its verb.
const BUTTON_OFFERS: &[&str] = &["now", "price", "prices", "deal", "deals"];

/// Most words a notice about the reader's browser has.
const BROWSER_NOTICE_WORDS: usize = 40;

/// A notice about the reader's browser or its scripts ("JavaScript is disabled...", "You
/// are using an out of date browser"): the page's frame, not its text.
fn is_browser_notice(words: &[String]) -> bool {
    let has = |w: &str| words.iter().any(|x| x == w);
    let switched = has("enable") || has("enabled") || has("disabled");
    let outdated = ["upgrade", "outdated", "unsupported", "supported"]
        .iter()
        .any(|w| has(w))
        || words
            .windows(3)
            .any(|w| w[0] == "out" && w[1] == "of" && w[2] == "date");
    // The notice speaks to the reader; a text about browsers speaks of them.
    let addressed = ["you", "your", "please", "site"].iter().any(|w| has(w));
    words.len() <= BROWSER_NOTICE_WORDS
        && addressed
        && ((has("browser") && (switched || outdated)) || (has("javascript") && switched))
}

/// Most words a shop's name has after "at" or "on".
const MAX_SHOP_WORDS: usize = 3;

/// A button to buy, book or compare prices ("Book now", "Buy on Amazon", "Check price at
/// the Outdoor Store"): a link out of the article wherever it stands in it.
fn is_shop_button(words: &[String]) -> bool {
    let Some((verb, rest)) = words.split_first() else {
        return false;
    };
    let offer = rest
        .first()
        .is_some_and(|w| BUTTON_OFFERS.contains(&w.as_str()));
    let rest = &rest[usize::from(offer)..];
    BUTTON_VERBS.contains(&verb.as_str())
        && match rest.split_first() {
            None => offer,
            Some((at, shop)) => {
                ["at", "on", "from"].contains(&at.as_str())
                    && (1..=MAX_SHOP_WORDS).contains(&shop.len())
            }
        }
}

/// A marker line as the marker lists spell it: lower case, without its brackets, colon
/// and leading number ("【関連記事】", "Related:", "12 Comments").
fn marker_text(text: &str) -> String {
    text.trim()
        .trim_matches(['【', '】', '[', ']', ':', '：'])
        .to_lowercase()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .to_string()
}

fn classify(unit: &Unit, (stopwords_low, stopwords_high): (f32, f32)) -> Class {
    let text = unit.text.as_str();
    let words = words(text);
    let len = weighted_len(text);
    match unit.kind {
        Kind::Code(_) | Kind::Quote => return Class::NearGood,
        Kind::Rule => return Class::Short,
        _ => {}
    }
    if is_end_marker(text) {
        return Class::Bad;
    }
    if words.is_empty()
        || is_furniture(&words)
        || is_address(text)
        || is_said_twice(text)
        || is_consent_notice(&words)
        || is_story_link(text)
        || is_shop_button(&words)
        || is_browser_notice(&words)
        || super::structure::is_bare_credit(text)
    {
        return Class::Furniture;
    }
    if super::structure::is_caption(text)
        || looks_like_code(text)
        || (unit.kind == Kind::Text && is_table_row(text))
        || is_citation(text)
    {
        return Class::NearGood;
    }
    if is_encoded(text) {
        return Class::Bad;
    }
    // A teaser cut short ("... as it…") says nothing of its own: its neighbours decide.
    if len < LENGTH_LOW || (len <= LENGTH_HIGH && is_truncated(text)) {
        return Class::Short;
    }
    if !is_mostly_letters(text) {
        return Class::Bad;
    }
    let density = match defined_term(text) {
        Some(definition) => stop_density(definition, &self::words(definition)),
        None => stop_density(text, &words),
    };
    if density >= stopwords_high {
        if len > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= stopwords_low
        || (is_sentence(text) && density >= stopwords_low * SENTENCE_LENIENCY)
    {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Prose is mostly letters, in any script; a line of numbers or symbols (a table of
/// figures) is not, however long. Addresses and file names are left out of the count.
fn is_mostly_letters(text: &str) -> bool {
    let words = text.split_whitespace().filter(|w| !is_long_token(w));
    let (visible, letters) = words.fold((0, 0), |(v, l), w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (v + w.chars().count(), l + letters)
    });
    letters * 2 >= visible
}

/// A line mostly of runs of ASCII too long for words: encoded addresses, base64, a
/// tracker's query ("16lu7dcl9%2fX%3d1489..."): not prose in any language.
fn is_encoded(text: &str) -> bool {
    let (long, short) = text
        .split_whitespace()
        .fold((0, 0), |(l, s), w| match is_long_token(w) {
            true => (l + w.len(), s),
            false => (l, s + w.chars().count()),
        });
    long > 2 * short
}

/// Scripts written without spaces make long words; encodings are ASCII, and without the
/// brackets and quotes of code and markup.
fn is_long_token(word: &str) -> bool {
    word.len() > MAX_WORD_LEN
        && word.is_ascii()
        && !word.contains(['<', '>', '"', '(', ')', '{', '}'])
}

/// The longest run of ASCII without a space that may be a word of prose, or a path or an
/// address in it.
const MAX_WORD_LEN: usize = 40;

/// Words that mark a bibliographic reference besides its year: where it was found, its
/// pages, its identifiers.
const CITATION_WORDS: &[&str] = &[
    "retrieved",
    "isbn",
    "issn",
    "doi",
    "pp.",
    "p.",
    "(pdf)",
    "vol.",
    "(ed.)",
    "(eds.)",
];

/// Phrases that mark a bibliographic reference.
const CITATION_PHRASES: &[&str] = &["archived from", "et al.", "doi.org/"];

/// An entry of a list of references or notes ("Roe, Jane (2009). "Title". Publisher. p. 4.
/// Retrieved 3 May 2010."): short of function words, but the article's apparatus.
fn is_citation(text: &str) -> bool {
    let lower = text.to_lowercase();
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && d.parse::<u32>().is_ok_and(|y| (1500..=2099).contains(&y)));
    let marked = lower
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';', ':']))
        .any(|w| CITATION_WORDS.contains(&w) || w.starts_with("doi:"))
        || CITATION_PHRASES.iter().any(|p| lower.contains(p));
    has_year && marked
}

/// Text that ends in an ellipsis: a teaser cut to length, or a sentence left hanging.
fn is_truncated(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('…') || t.ends_with("...")
}

/// How far below the function-word threshold a unit written as a sentence may fall and
/// still be near-good: its form is evidence of prose too.
const SENTENCE_LENIENCY: f32 = 0.9;

/// Text written as a sentence: a capital first, lower-case words in it, sentence
/// punctuation at its end.
fn is_sentence(text: &str) -> bool {
    let t = text.trim();
    let lower_words = t
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    t.starts_with(char::is_uppercase)
        && lower_words * 2 >= t.split_whitespace().count()
        && t.ends_with(['.', '!', '?', ':', '"', '”', '»', ')'])
        && !t.ends_with("...")
}

/// Headings, and heading-like lines alone in their group of lines.
fn is_heading(units: &[Unit], i: usize) -> bool {
    let first = match i > 0 && units[i - 1].group == units[i].group {
        true => i - 1,
        false => i,
    };
    matches!(units[i].kind, Kind::Heading(_))
        || super::structure::heading_lines(units, first) > i - first
}

/// A long run of short lines or list items that are not sentences is a menu or a list of
/// links, whatever surrounds it; a run announced by a line ending in a colon is a list of
/// the article.
/// Returns the units inside a menu after its first: a numbered end marker there is an
/// entry of a table of contents ("7 See also"), not the end of the article.
fn mark_menus(units: &[Unit], classes: &mut [Class]) -> Vec<bool> {
    let sentence = |u: &Unit| {
        let t = u.text.trim_end();
        // A trailing ellipsis marks a truncated link text, not the end of a sentence; a
        // number with a full stop ("1 .") is a list's label.
        t.ends_with(['.', '!', '?', ':', '。', '！', '？', '：'])
            && !t.ends_with("...")
            && t.chars().any(char::is_alphabetic)
    };
    let link_like: Vec<bool> = (0..units.len())
        .map(|i| {
            let item = matches!(units[i].kind, Kind::Item { .. });
            let short = matches!(classes[i], Class::Short | Class::Furniture);
            let marker = is_end_marker(&units[i].text);
            (short || marker || (item && classes[i] == Class::NearGood)) && !sentence(&units[i])
        })
        .collect();
    let mut inside = vec![false; units.len()];
    let mut start = 0;
    while start < classes.len() {
        let len = link_like[start..].iter().take_while(|&&l| l).count();
        let announced = start > 0 && units[start - 1].text.trim_end().ends_with(':');
        if len >= MENU_RUN && !announced {
            // A marker heading the run ("Related stories") keeps its say.
            let first = usize::from(classes[start] == Class::Bad);
            classes[start + first..start + len]
                .iter_mut()
                .for_each(|c| *c = Class::Furniture);
            inside[start + 1..start + len].fill(true);
        }
        start += len.max(1);
    }
    inside
}

/// A short heading shortly followed by good text is part of the article.
fn promote_headings(units: &[Unit], classes: &mut [Class]) {
    for i in 0..units.len() {
        if classes[i] == Class::Short && is_heading(units, i) && good_follows(units, classes, i) {
            classes[i] = Class::NearGood;
        }
    }
}

/// After revision, a heading judged bad only by its neighbours comes back when good text
/// follows it closely.
fn promote_headings_again(units: &[Unit], initial: &[Class], classes: &mut [Class]) {
    for i in 0..units.len() {
        if classes[i] == Class::Bad
            && initial[i] != Class::Bad
            && is_heading(units, i)
            && good_follows(units, classes, i)
        {
            classes[i] = Class::Good;
        }
    }
}

fn good_follows(units: &[Unit], classes: &[Class], i: usize) -> bool {
    let mut distance = 0;
    // Empty lines add no distance: the count of units is bounded too.
    for k in (i + 1..units.len()).take(MAX_HEADING_DISTANCE) {
        if classes[k] == Class::Good {
            return true;
        }
        distance += units[k].text.chars().count();
        if distance > MAX_HEADING_DISTANCE {
            break;
        }
    }
    false
}

/// For each unit, the class of the nearest unit before it (`forward == false`) or after it
/// that is neither short nor, when asked, near-good; the edges of the text count as bad.
/// One pass, so that long runs of short lines cost no more than their length.
fn neighbours(classes: &[Class], forward: bool, skip_near_good: bool) -> Vec<Class> {
    let skip = |c: &Class| {
        matches!(c, Class::Short | Class::Furniture) || (skip_near_good && *c == Class::NearGood)
    };
    let mut out = vec![Class::Bad; classes.len()];
    let mut last = Class::Bad;
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((0..classes.len()).rev())
    } else {
        Box::new(0..classes.len())
    };
    for i in order {
        out[i] = last;
        if !skip(&classes[i]) {
            last = classes[i];
        }
    }
    out
}

fn revise_short(classes: &mut [Class]) {
    let prev = neighbours(classes, false, true);
    let next = neighbours(classes, true, true);
    let prev_any = neighbours(classes, false, false);
    let next_any = neighbours(classes, true, false);
    for i in 0..classes.len() {
        if classes[i] != Class::Short {
            continue;
        }
        classes[i] = match (prev[i], next[i]) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            (p, n)
                if (p == Class::Bad && prev_any[i] == Class::NearGood)
                    || (n == Class::Bad && next_any[i] == Class::NearGood) =>
            {
                Class::Good
            }
            _ => Class::Bad,
        };
    }
}

fn revise_near_good(units: &[Unit], classes: &mut [Class]) {
    promote_near_good_runs(units, classes);
    let prev = neighbours(classes, false, true);
    let next = neighbours(classes, true, true);
    for i in 0..classes.len() {
        if classes[i] == Class::NearGood {
            let both_bad = prev[i] == Class::Bad && next[i] == Class::Bad;
            classes[i] = if both_bad { Class::Bad } else { Class::Good };
        }
    }
}

/// Near-good units in a row that make an article of short paragraphs.
const NEAR_GOOD_RUN: usize = 3;

/// A stretch of several near-good paragraphs, with only short lines and furniture between
/// them, is prose written in short paragraphs: it is good whatever stands around it.
fn promote_near_good_runs(units: &[Unit], classes: &mut [Class]) {
    let mut start = 0;
    while start < classes.len() {
        let in_run = |c: &Class| matches!(c, Class::NearGood | Class::Short | Class::Furniture);
        let len = classes[start..].iter().take_while(|c| in_run(c)).count();
        let near: Vec<usize> = (start..start + len)
            .filter(|&k| classes[k] == Class::NearGood)
            .collect();
        let text: usize = near.iter().map(|&k| weighted_len(&units[k].text)).sum();
        if near.len() >= NEAR_GOOD_RUN && text >= 2 * LENGTH_HIGH {
            near.iter().for_each(|&k| classes[k] = Class::Good);
        }
        start += len.max(1);
    }
}

/// Near-good paragraphs written as sentences, with short sentences between them ("This is
/// where it gets real.") and at most one other short line in a row (a heading), are prose
/// in short paragraphs: they are good, told before the short lines are settled by their
/// neighbours (which, taken one by one, would cut the run into pieces too short to count).
/// Table rows are no such prose; a run of near-good paragraphs alone is left to
/// [`promote_near_good_runs`]; and on a page with no good paragraph at all (a shop's
/// cards) none is made here.
fn promote_near_good_prose(units: &[Unit], classes: &mut [Class]) {
    if !classes.contains(&Class::Good) {
        return;
    }
    let prose = |classes: &[Class], k: usize| {
        let text = &units[k].text;
        classes[k] == Class::NearGood && is_sentence(text) && !is_table_row(text)
    };
    let short_sentence =
        |classes: &[Class], k: usize| classes[k] == Class::Short && is_sentence(&units[k].text);
    let mut start = 0;
    while start < classes.len() {
        let mut loose = 0;
        let len = (start..classes.len())
            .take_while(|&k| {
                if prose(classes, k) || short_sentence(classes, k) {
                    loose = 0;
                    true
                } else {
                    loose += 1;
                    classes[k] == Class::Short && loose <= 1
                }
            })
            .count();
        let near: Vec<usize> = (start..start + len)
            .filter(|&k| prose(classes, k))
            .collect();
        let text: usize = near.iter().map(|&k| weighted_len(&units[k].text)).sum();
        if near.len() >= NEAR_GOOD_RUN && near.len() < len && text >= 2 * LENGTH_HIGH {
            near.iter().for_each(|&k| classes[k] = Class::Good);
        }
        start += len.max(1);
    }
}

/// Words that, after a name or a pronoun, open a sentence about a person: "He is",
/// "Jane Roe is a", "She also".
const BIO_VERBS: &[&str] = &[
    "is", "was", "has", "also", "works", "served", "teaches", "writes", "holds", "joined", "lives",
];

/// Whether a paragraph is an author bio or a list of them: many of its sentences are about
/// a person ("Jane Roe is a professor... She writes...").
fn is_bio(text: &str) -> bool {
    let sentences: Vec<&str> = text
        .split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 3)
        .collect();
    let about_person = sentences
        .iter()
        .filter(|s| {
            let words: Vec<&str> = s.split_whitespace().take(6).collect();
            let pronoun = matches!(words.first(), Some(&("He" | "She" | "They")))
                && words.get(1).is_some_and(|w| BIO_VERBS.contains(w));
            let named = words
                .iter()
                .position(|w| BIO_VERBS.contains(w))
                .is_some_and(|k| {
                    k >= 1 && words[..k].iter().all(|w| w.starts_with(char::is_uppercase))
                });
            pronoun || named
        })
        .count();
    about_person >= 3 && about_person * 3 >= sentences.len()
}

/// Author bios in the second half of the article are not part of it.
fn drop_trailing_bios(units: &[Unit], keep: &mut [bool]) {
    let total: usize = (0..units.len())
        .filter(|&k| keep[k])
        .map(|k| weighted_len(&units[k].text))
        .sum();
    let mut before = 0;
    for (unit, k) in units.iter().zip(keep.iter_mut()) {
        if *k {
            if before * 2 >= total && is_bio(&unit.text) {
                *k = false;
            } else {
                before += weighted_len(&unit.text);
            }
        }
    }
}

/// Drops everything from the first end-of-article marker that has the article behind it:
/// at least as much article text before it as after, or a good part of the article before
/// it and a long stretch of furniture around it (share buttons, then comments or links).
fn cut_after_end(units: &[Unit], initial: &[Class], in_menu: &[bool], keep: &mut [bool]) {
    let recurring = recurring_markers(units, initial);
    let total: usize = (0..units.len())
        .filter(|&k| keep[k])
        .map(|k| weighted_len(&units[k].text))
        .sum();
    let mut before = 0;
    for i in 0..units.len() {
        if keep[i] {
            before += weighted_len(&units[i].text);
        }
        let numbered = units[i].text.starts_with(|c: char| c.is_ascii_digit());
        if before == 0 || (in_menu[i] && numbered) || !is_end_marker(&units[i].text) {
            continue;
        }
        // Only whether the gap is long matters: counting stops there.
        let gap_before = (0..i)
            .rev()
            .take(LONG_GAP)
            .take_while(|&k| !keep[k])
            .count();
        let gap_after = (i..units.len())
            .take(LONG_GAP)
            .take_while(|&k| !keep[k])
            .count();
        let long_gap = gap_before + gap_after >= LONG_GAP;
        // A box of links to other stories inside the article, which goes on in prose after
        // it; after comments or the author's note, nothing more is the article's.
        let resumes = !is_closing_marker(&units[i].text)
            && (i + 1..units.len())
                .find(|&k| keep[k])
                .is_some_and(|k| initial[k] == Class::Good && units[k].kind == Kind::Text);
        if resumes || recurring[i] {
            continue;
        }
        // A heading that counts the comments on the post names what follows: the article
        // is over, however long the thread under it.
        let commented = (is_comment_count(&units[i].text)
            || (is_closing_marker(&units[i].text) && opens_comments(&units[i + 1..])))
            && before >= COMMENTED_ARTICLE_LEN;
        if before * 3 >= total * 2 || (long_gap && before * 4 >= total) || commented {
            keep[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::segment::segment;

    fn kept(text: &str) -> Vec<String> {
        kept_by(text, |mask| mask.body)
    }

    fn judged(text: &str) -> Vec<String> {
        kept_by(text, |mask| mask.judged)
    }

    fn kept_by(text: &str, which: fn(ArticleMask) -> Vec<bool>) -> Vec<String> {
        let units = segment(text);
        let keep = which(article_mask(&units));
        units
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(u, _)| u.text)
            .collect()
    }

    pub const PROSE: &str = "The council met on Tuesday evening to discuss the plan for the new library, which has been delayed for more than two years because of the cost of the land and the objections of the people who live nearby.";

    #[test]
    fn a_consent_dialog_is_left_out_with_what_stands_inside_it() {
        // Its explanations do not speak for the site ("we"), and one names no cookies: the
        // buttons and the cookie paragraphs around them tell the dialog, which would
        // otherwise be taken in between the article's paragraphs.
        let explained = "Cookies collect information about how you use a website, like which \
            pages you visited and which links you clicked on, to make the pages work better.";
        let measured = "Information about the content you read can be used to tell whether it \
            reached the audience it was written for and whether it matched your interests.";
        let remembered = "These cookies remember the choices you have made in the past, like \
            the language you prefer or the region you are in, so the pages greet you alike.";
        let text = format!(
            "{PROSE}\n\nAccept All Cookies\nReject All\n\n{explained}\n\nFunctional\n\n\
             {measured}\n\n{remembered}\n\n{PROSE}\n"
        );
        let kept = kept(&text);
        assert_eq!(kept, [PROSE, PROSE], "{kept:?}");
        let control = |t: &str| is_consent_control(&words(t));
        assert!(control("Accept All Cookies") && control("Reject All") && control("Always Active"));
        assert!(!control("Accept the offer") && !control("All our stories"));
        assert!(!control("Reading cookies") && !control("Cookies"));
        // A consent framework's list of purposes names partners and their interest.
        let consent = |t: &str| names_consent(&words(t));
        assert!(consent(
            "Measure content performance 364 partners can use this purpose"
        ));
        assert!(consent("Object to Legitimate Interests Remove Objection"));
        assert!(!consent("Our partners in the project met in May"));
    }

    #[test]
    fn long_lists_in_a_known_language_do_not_lower_the_bar_for_prose() {
        let countries = "Albania Algeria Andorra Angola Argentina Armenia Australia Austria \
            Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia \
            Botswana Brazil Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia";
        let languages = "Bahasa Indonesia Deutsch English Español Français Italiano Magyar \
            Nederlands Polski Português Română Slovenčina Suomi Svenska Türkçe Čeština";
        let text = format!("{countries}\n\n{languages}\n\n{PROSE}\n");
        // Two of the three long units are lists: prose still needs its function words.
        assert_eq!(thresholds(&segment(&text)), (STOPWORDS_LOW, STOPWORDS_HIGH));
        assert_eq!(kept(&text), [PROSE]);
        // A language whose function words are not listed is judged by length alone.
        let greek = "Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα εφαρμόσει τους νέους κανόνες πριν \
            από το καλοκαίρι, αλλά ότι θα συνεχίσει τις συζητήσεις με όλους τους φορείς της χώρας.";
        let text = format!("{greek}\n\n{greek} Και ξανά.\n\n{greek} Τέλος.\n");
        assert_eq!(thresholds(&segment(&text)), (0.0, 0.0));
    }

    #[test]
    fn a_page_without_prose_loses_its_menus_of_bullets_not_its_cards() {
        let nav = "- Home\n- Shop\n- Brands\n- Sale\n- Blog\n- Contact\n";
        let cards = "Trail Runner 2\n$89.00\nRoad Racer\n$120.00\nHill Climber\n$99.00\n";
        let note = "All of our shoes are made to order and shipped to you within a week or two.";
        let changes =
            "- Added a wider fit for all of the running shoes in the shop\n- Made the soles of the hiking boots a little softer\n";
        let text =
            format!("{nav}\n{note}\n\n{cards}\nWhat is new\n\n{changes}\nShoe Shop\n\n{nav}");
        let k = kept(&text);
        for line in ["Home", "Blog", "Contact"] {
            assert!(!k.iter().any(|t| t == line), "{k:?}");
        }
        assert!(k.iter().any(|t| t == "Road Racer"), "{k:?}");
        assert!(
            k.iter().any(|t| t.starts_with("Added a wider fit")),
            "{k:?}"
        );
    }

    #[test]
    fn a_page_of_menus_in_a_listed_language_keeps_the_bar_for_prose() {
        let menu = |n: usize| {
            format!(
                "Shop {n} Electric Guitars Acoustic Guitars Bass Guitars Amps and Effects \
                Pedals Drum Kits Cymbals Keyboards Synthesizers Studio Monitors Microphones \
                Headphones Cables Stands Cases Strings Picks Tuners Capos Straps Gift Cards"
            )
        };
        let text = format!(
            "{}\n\n{}\n\n{}\n\nCall us today.\n",
            menu(1),
            menu(2),
            menu(3)
        );
        // Too few function words for the language to be told, yet some: the long units
        // are menus, not prose in an unlisted language.
        assert_eq!(crate::lang::detect_language(&text), None);
        assert_eq!(thresholds(&segment(&text)), (STOPWORDS_LOW, STOPWORDS_HIGH));
    }

    #[test]
    fn furniture_lines_go_prose_stays() {
        let text = format!("Home\nNews\nSport\nWeather\n\nShare this with Close\n\n{PROSE}\n\nFollow us on Twitter\n\n{PROSE} It was the second time.\n\nAll rights reserved © 2019 Example Media\n");
        let k = kept(&text);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k[0].starts_with("The council"));
    }

    #[test]
    fn short_lines_take_the_side_of_their_neighbours() {
        let text =
            format!("{PROSE}\n\nShe said no.\n\n{PROSE} Again.\n\nAbout\nCareers\nContact\n");
        let k = kept(&text);
        assert_eq!(
            k,
            vec![
                PROSE.to_string(),
                "She said no.".into(),
                format!("{PROSE} Again.")
            ]
        );
    }

    #[test]
    fn pictures_named_by_their_files_and_captions_said_twice_go() {
        // A picture's file name in brackets, and its alternative text run into its caption,
        // as text browsers print them between the article's paragraphs.
        let text = format!(
            "{PROSE}\n\n[2a6e7385-screenshot-784x1024]\n\nA hiker on the ridge above the lake at dawnA hiker on the ridge above the lake at dawn\n\n{PROSE} Again.\n"
        );
        let k = kept(&text);
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn a_cookie_notice_goes_a_recipe_for_cookies_stays() {
        let notice = "We and our partners use cookies to store and access information on your device, to measure our audience and to personalise the advertising you see. You may change your choice at any time.";
        let text = format!("{notice}\n\n{PROSE}\n\n{PROSE} Again.\n");
        let k = kept(&text);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k[0].starts_with("The council"));
        let recipe = "Bake the cookies for twelve minutes, until their edges are golden brown and the middle is still soft, then let them cool on the tray.";
        assert_eq!(
            kept(&format!("{PROSE}\n\n{recipe}\n\n{PROSE} Again.\n")).len(),
            3
        );
    }

    #[test]
    fn a_link_to_another_story_inside_the_article_does_not_end_it() {
        let text = format!(
            "{PROSE}\n\n{PROSE} One.\n\n{PROSE} Two.\n\nRelated: Why the Library Costs More\n\n{PROSE} Three.\n"
        );
        assert!(kept(&text).last().unwrap().ends_with("Three."));
        assert!(is_end_marker("Related stories"));
        assert!(is_end_marker("Popular posts"));
        assert!(!is_end_marker("Related: Why the Library Costs More"));
        assert!(is_end_marker("About the author: Jane Doe"));
    }

    #[test]
    fn a_link_to_another_story_between_paragraphs_is_left_out() {
        let text = format!(
            "{PROSE}\n\n{PROSE} One.\n\n[Read more: Why the Library Costs More]\n\n{PROSE} Two.\n"
        );
        assert!(!kept(&text).iter().any(|t| t.contains("Library")));
        assert!(is_story_link("Related: Why the Library Costs More"));
        assert!(!is_story_link("Note: the library opens at nine"));
        assert!(!is_story_link("Step two: Open the Settings panel"));
    }

    #[test]
    fn a_browser_notice_is_furniture() {
        let notice = |t: &str| is_browser_notice(&words(t));
        assert!(notice(
            "JavaScript is off here: please enable it in your browser."
        ));
        assert!(notice("Your browser is out of date, please upgrade it."));
        assert!(!notice("Update the page title using the browser API"));
        assert!(!notice(
            "It checks certificates, like a web browser; this is enabled by default"
        ));
        assert!(!notice("The runtime supports JavaScript, Python and Go"));
        let text = format!("{PROSE}\n\nYour browser is out of date.\n\n{PROSE} One.\n");
        assert!(!kept(&text).iter().any(|t| t.contains("browser")));
    }

    #[test]
    fn a_shop_button_between_paragraphs_is_left_out() {
        let text = format!("{PROSE}\n\n{PROSE} One.\n\nCheck price at Northwind\n\n{PROSE} Two.\n");
        assert!(!kept(&text).iter().any(|t| t.contains("Northwind")));
        let button = |t: &str| is_shop_button(&words(t));
        assert!(button("Book Now"));
        assert!(button("Buy on Northwind"));
        assert!(!button("See also"));
        assert!(!button("Check the oil"));
        assert!(!button("Order on the line at the start of the race"));
    }

    #[test]
    fn a_bare_picture_credit_between_paragraphs_is_left_out() {
        let text =
            format!("{PROSE}\n\n{PROSE} One.\n\n(Image credit: Northwind Press)\n\n{PROSE} Two.\n");
        assert!(!kept(&text).iter().any(|t| t.contains("Northwind")));
        let caption = "Photo: The old mill seen from the river at dawn, before the fire.";
        assert!(!super::super::structure::is_bare_credit(caption));
        assert!(super::super::structure::is_bare_credit("Photo by Jane Doe"));
        assert!(!super::super::structure::is_bare_credit(
            "Video: How to Repot a Fern"
        ));
    }

    #[test]
    fn entries_that_explain_their_terms_are_judged_by_the_explanation() {
        // Names of tools, then what to do with them: few function words in the whole.
        let unit = |text: &str| Unit {
            kind: Kind::Text,
            text: text.to_string(),
            group: 0,
            indent: 0,
        };
        let entry = "Google Search Console Bing Webmaster Tools: Find missing pages quickly and fix them all.";
        let thresholds = (STOPWORDS_LOW, STOPWORDS_HIGH);
        assert_eq!(classify(&unit(entry), thresholds), Class::NearGood);
        let run_on = entry.replace(": ", " ");
        assert_eq!(classify(&unit(&run_on), thresholds), Class::Bad);
        assert_eq!(
            defined_term("Défense : la vente de 24 avions de combat au Qatar est confirmée"),
            None
        );
    }

    #[test]
    fn a_count_of_comments_on_the_post_ends_it_however_long_the_thread() {
        let comment = "I have lived near the land for twenty years and I think that the council should have asked the people who live nearby before it made any plan for the library at all.";
        let text = format!(
            "{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\n3 thoughts on “Library plan delayed again”\n\n{comment}\n\n{comment} Again.\n\n{comment} Once more.\n\n{comment} And more.\n"
        );
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k[2].ends_with("Three."));
        assert!(is_comment_count("59 Comments on “Starship Troopers”"));
        assert!(is_comment_count("One thought on \"Rain at last\""));
        assert!(is_comment_count("2 responses to ‘A guide to houseplants’"));
        // A sentence about comments is no heading of them.
        assert!(!is_comment_count("3 comments on the plan were read out"));
        assert!(!is_comment_count("Many thoughts on “Rain”"));
    }

    #[test]
    fn a_prompt_for_feedback_ends_the_article() {
        let note = "I have lived near the land for twenty years and I think that the council should have asked the people who live nearby before it made any plan for the library at all.";
        let text = format!(
            "{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nWas this page helpful?\n\n{note}\n"
        );
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(is_feedback_prompt("Was this article useful to you?"));
        assert!(!is_feedback_prompt("Was this the right call?"));
        assert!(!is_feedback_prompt(
            "Was this helpful to the people of the town who had waited for years?"
        ));
    }

    #[test]
    fn a_list_between_paragraphs_before_a_box_of_other_stories_is_the_articles() {
        let text = format!(
            "{PROSE}\n\nThe plan has three parts:\n\n  * a reading room\n  * a garden\n\nRelated\n\n  * Other story one\n  * Other story two\n\n{PROSE} Two.\n"
        );
        let k = kept(&text);
        assert!(k.contains(&"a reading room".to_string()), "{k:?}");
        assert!(k.contains(&"a garden".to_string()), "{k:?}");
        assert!(!k.iter().any(|u| u.contains("Other story")), "{k:?}");
        assert!(k.last().unwrap().ends_with("Two."));
    }

    #[test]
    fn a_box_of_recent_posts_ends_the_article() {
        let teaser = "The mayor opened the new swimming pool on the east side of the town on Saturday, and more than two hundred children came to swim in it on the first day.";
        let text =
            format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nRecent Posts\n\n{teaser}\n");
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(is_end_marker("More articles"));
        assert!(is_end_marker("Latest posts"));
    }

    #[test]
    fn heading_before_content_is_kept() {
        let text = format!("{PROSE}\n\nWhat Comes Next\n\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn text_after_an_end_marker_goes_when_the_article_is_behind() {
        let bio = "Jane Roe is a professor of history at the university and the author of three books about the city, and she writes a column for the weekly paper about the life of the town.";
        let text =
            format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nRelated stories\n\n{bio}\n");
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        // An early marker does not cut the article that follows it.
        let text = format!("Comments\n\n{PROSE}\n\n{PROSE} Two.\n");
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn the_article_resumes_after_a_box_of_other_stories_but_not_after_comments() {
        let teasers = "Remembering the Old Library\nJane Roe\nJul 17, 2014\n\nThe Mall at Night\nJohn Doe\nMar 9, 2018\n\nHow a Sign Is Made\nAnn Poe\nAug 23, 2017\n\nThe Last Cinema\nMax Low\nMay 2, 2016";
        let more = "The plan for the new library was then delayed again, because the council could not agree on the cost of the land, and the people who live nearby asked for more time to discuss the plan for the library with the council and the architects.";
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\nRecommended\n\n{teasers}\n\n{more}\n");
        let k = kept(&text);
        assert!(k.iter().any(|t| t == more), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Jane Roe")), "{k:?}");
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\nComments\n\n{teasers}\n\n{more}\n");
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn rows_of_a_text_table_go_with_the_article_around_them() {
        let table = "Edge of Tomorrow      2014   Cage, Rita, Mimics; Verdun, Paris, London\n\nHappy Death Day 2U    2019   Tree, Carter, Ryan; Bayfield University, Boston";
        let text = format!("{PROSE}\n\n{table}\n\n{PROSE} Again.\n");
        let k = kept(&text);
        assert_eq!(k.len(), 4, "{k:?}");
        // Between page furniture, they are furniture.
        let text = format!("Share\n\nTweet\n\n{table}\n\nLog in\n\nSubscribe\n\n{PROSE}\n");
        assert_eq!(kept(&text), [PROSE]);
    }

    #[test]
    fn sentences_right_before_the_article_open_it() {
        // Few function words: bad on its own, and bad beside the menu above it.
        let opening = "The report assessed poverty levels, income and wealth inequality, economic mobility and unemployment levels among ten wealthy countries.";
        let text = format!(
            "Home\nWorld\nBusiness\nTech\nScience\nSport\n\n{opening}\n\n{PROSE}\n\n{PROSE} Two.\n"
        );
        assert_eq!(kept(&text)[0], opening);
        // A line that is not a sentence stops the article's opening.
        let text = format!("Watch: Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n\n{PROSE}\n\n{PROSE} Two.\n");
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn a_page_of_articles_each_closed_by_its_comments_link_keeps_them_all() {
        let second = "The library board then met on Wednesday to discuss the plan for the new building, which the council had delayed for two more years because of the cost of the land nearby and the objections of the people who live there.";
        let comment = "I have lived near the land for twenty years and I think that the council should have asked the people who live nearby before it made any plan for the library at all.";
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\n{PROSE} Four.\n\nComments (5 posted)\n\n{second}\n\nComments (3 posted)\n\n{comment}\n");
        let k = kept(&text);
        assert_eq!(k.len(), 5, "{k:?}");
        assert!(k.contains(&second.to_string()), "{k:?}");
        assert!(!k.contains(&comment.to_string()), "{k:?}");
    }

    #[test]
    fn a_menu_of_numbered_labels_goes() {
        let menu =
            "Top Topics\n* 1 .\nSkin Cancer\n* 2 .\nSnoring\n* 3 .\nAutism\n* 4 .\nDiet Plans";
        let text = format!("{PROSE}\n\n{menu}\n\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 2, "{:?}", kept(&text));
    }

    #[test]
    fn furniture_and_end_markers_in_other_languages() {
        for word in [
            "Teilen",
            "Partager",
            "Compartir",
            "ツイート",
            "シェアする",
            "分享",
        ] {
            assert!(is_furniture_text(word), "{word}");
        }
        for marker in [
            "【関連記事】",
            "À lire aussi",
            "Leia também:",
            "Kommentare",
            "相关阅读",
        ] {
            assert!(is_end_marker(marker), "{marker}");
        }
        assert!(is_closing_marker("Kommentare (12)"));
        assert!(!is_end_marker(
            "Kommentar: Die Stadt braucht eine neue Bibliothek und mehr Geld"
        ));
    }

    #[test]
    fn lines_between_paragraphs_are_the_articles_but_not_furniture() {
        let list = "Ripe pears\nSugar and lemon\nA pinch of cloves\n\nPears, sugar, lemon zest, cloves, cinnamon, nutmeg, vanilla pods, butter, flour, salt";
        let text = format!("{PROSE}\n\n{list}\n\nFollow us on Twitter\n\n{PROSE} Again.\n");
        // Judged alone, the list is bad and its short lines take its side ...
        assert_eq!(judged(&text).len(), 2);
        // ... but it stands inside the article: its body takes it in, not the furniture.
        let k = kept(&text);
        assert_eq!(k.len(), 6, "{k:?}");
        assert!(!k.iter().any(|t| t.starts_with("Follow")), "{k:?}");
    }

    #[test]
    fn the_short_posts_of_a_thread_stay_beside_the_long_one() {
        let footer =
            "Reply\nQuote\nReport\nLike\nShare\n\nJane Roe\nMember\nPosts: 12\nJoined: 2019";
        let first = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\n{PROSE} Four.");
        let reply = "I think the council is right about the library, because the cost of the land near the old station has grown so much that the plan for the new building would have to wait for years.";
        let text =
            format!("{first}\n\n{footer}\n\n{reply}\n\n{footer}\n\n{reply} Yes.\n\n{footer}\n");
        let k = judged(&text);
        assert!(k.iter().any(|t| t == reply), "{k:?}");
        assert!(k.iter().any(|t| t.ends_with("Yes.")), "{k:?}");
        // Without posts closed by the same lines, a paragraph that light is an island.
        let text = format!("{first}\n\n{footer}\n\n{reply}\n\nHome\nNews\nSport\nWeather\nAbout\nContact\nJobs\nPress\nTerms\n");
        assert_eq!(judged(&text).len(), 4);
    }

    /// A thread of short posts, each under a header of short lines that reads as a menu
    /// ("#3" numbering the posts), and a long notice after it.
    fn thread(posts: usize, mark: &str, dated: bool) -> String {
        let replies = [
            "Do I get psychic powers on the way?",
            "We would waste an hour trying to say his name.",
            "My friends and I would sing him a lullaby.",
            "I think we could take him with a bat.",
            "Earth is doomed if it is up to me, sorry.",
            "We would go in singing and praying all the way.",
            "Real life friends are the best kind to have.",
        ];
        let mut text = String::from("Home\nForums\nNews\nLog in\n\n");
        for (n, reply) in replies.iter().cycle().take(posts).enumerate() {
            let date = if dated { "Mar 27, 2025" } else { "Gold member" };
            text += &format!(
                "user{n}\nuser{n}\nMember\nTown{n}\n{}\n{date}\n{mark}{}\n\n{reply}\n\n",
                n * 37,
                n + 1
            );
        }
        text + &format!("Terms\nPrivacy\n\n{PROSE}\n")
    }

    #[test]
    fn a_thread_of_short_posts_is_the_body() {
        let k = kept(&thread(12, "#", true));
        assert!(k.iter().any(|t| t.starts_with("Do I get")), "{k:?}");
        assert!(k.iter().any(|t| t.starts_with("Real life")), "{k:?}");
        // The lines the posts' headers repeat are not in ...
        assert!(
            !k.iter().any(|t| t == "Member" || t.starts_with('#')),
            "{k:?}"
        );
        // ... and the notice after the thread is no part of it.
        assert!(!k.iter().any(|t| t.starts_with("The council")), "{k:?}");
    }

    fn thread_found(text: &str) -> bool {
        let units = segment(text);
        let thresholds = thresholds(&units);
        let initial: Vec<Class> = units.iter().map(|u| classify(u, thresholds)).collect();
        thread_posts(&units, &initial, thresholds.0).is_some()
    }

    #[test]
    fn few_posts_undated_posts_or_a_divider_make_no_thread() {
        assert!(thread_found(&thread(12, "#", true)));
        // Four cards with a button each are a shop's, not a thread.
        assert!(!thread_found(&thread(4, "#", true)));
        // Nor are cards that give no date.
        assert!(!thread_found(&thread(12, "#", false)));
        // A rule of carets divides any text.
        let divided: String = (0..12)
            .map(|n| {
                format!(
                    "^^^^^^\n\nOn Mar {}, 2025 Jane wrote that we could take him with a bat.\n\n",
                    n + 1
                )
            })
            .collect();
        assert!(!thread_found(&divided));
        assert!(thread_found(&divided.replace("^^^^^^", "Reply")));
    }

    #[test]
    fn a_thread_after_an_end_marker_or_under_an_article_is_not_taken() {
        let article = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\n{PROSE} Four.\n\n{PROSE} Five.\n\n{PROSE} Six.\n\n{PROSE} Seven.\n\n{PROSE} Eight.\n\n");
        let replied = |text: String| kept(&text).iter().any(|t| t.starts_with("Do I get"));
        assert!(replied(thread(12, "#", true)));
        // An article the masks found, with the comments under it: they stay out.
        assert!(!replied(format!("{article}{}", thread(12, "#", true))));
        // Stories announced after the article are not a thread either.
        let announced = thread(12, "#", true).replacen("#2", "More stories\n#2", 1);
        assert!(!replied(announced));
    }

    #[test]
    fn a_thread_the_masks_found_in_good_part_is_not_taken() {
        // The article found, opening a feed of dated cards that read as short posts.
        let opening = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.");
        let text =
            thread(20, "#", true).replacen("Do I get psychic powers on the way?", &opening, 1);
        assert!(thread_found(&text));
        let k = kept(&text);
        assert!(k.iter().any(|t| t.ends_with("Three.")), "{k:?}");
        assert!(!k.iter().any(|t| t.starts_with("Real life")), "{k:?}");
    }

    #[test]
    fn the_labels_of_posts_the_masks_found_go() {
        let towns = [
            "Oslo", "Lima", "Rome", "Kyiv", "Doha", "Baku", "Riga", "Bern",
        ];
        let text: String = towns
            .iter()
            .enumerate()
            .map(|(n, town)| {
                let post = format!("{PROSE} {n}.");
                format!(
                    "Member\n{town}\nMar 27, 2025\n#{}\nReported by users\n\n{post}\n\n",
                    n + 1
                )
            })
            .collect();
        let k = kept(&text);
        assert_eq!(k.iter().filter(|t| t.starts_with("The council")).count(), 8);
        // Words and counts that label each post go; the authors, and a heading of several
        // words over each entry, stay.
        assert!(
            !k.iter().any(|t| t == "Member" || t.starts_with('#')),
            "{k:?}"
        );
        assert!(k.iter().any(|t| t == "Lima"), "{k:?}");
        assert!(k.iter().any(|t| t == "Reported by users"), "{k:?}");
    }

    #[test]
    fn posts_stamped_each_by_its_author_and_date_are_a_thread() {
        let months = ["April", "May", "June", "July", "August", "October"];
        let text: String = months
            .iter()
            .enumerate()
            .map(|(n, month)| {
                format!("user{n} {month} {}, 2024, 6:{n}8am {}\n\nI think we could take him with a baseball bat and a yo-yo.\n\n", n + 3, n + 1)
            })
            .collect();
        let text = format!("Home\nForums\nLog in\n\n{text}Terms\nPrivacy\n\n{PROSE}\n");
        assert!(thread_found(&text));
        let k = kept(&text);
        // The stamps are the posts' own lines, as their words are.
        assert!(k.iter().any(|t| t.starts_with("user2 June 5")), "{k:?}");
        assert_eq!(k.iter().filter(|t| t.ends_with("and a yo-yo.")).count(), 6);
    }

    #[test]
    fn comments_under_their_heading_end_the_article_however_long_the_thread() {
        let comment = "I have lived near the land for twenty years and I think that the council should have asked the people who live nearby before it made any plan for the library at all, and I said so at the meeting.";
        let names = [
            "Jane", "Ann Roe", "Bob", "Cara Lee", "Dan", "Eve", "Fay", "Gus",
        ];
        let thread: String = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                format!(
                    " {}. {name} says\n\n    July {}, 2015 at 3:53 pm\n\n    {name} here. {comment} {comment}\n\n    reply to comment\n\n",
                    n + 1,
                    n + 2
                )
            })
            .collect();
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nComments\n\n{thread}");
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(k[2].ends_with("Three."));
        // Stamped with a name and the time of day instead.
        let thread: String = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                format!(
                    " {}. [avatar]\n    {name}September {}, 2008 at 2:06 PM\n\n    {name} here. {comment} {comment}\n\n    ReplyDelete\n",
                    n + 1,
                    n + 2
                )
            })
            .collect();
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\n10 comments:\n\n{thread}");
        assert_eq!(kept(&text).len(), 3, "{:?}", kept(&text));
        assert!(is_commenter_stamp("1. [avatar]Jane Doe says:"));
        assert!(is_commenter_stamp("Ann wrote:"));
        assert!(!is_commenter_stamp("says"));
        assert!(!is_commenter_stamp(
            "What the mayor of the town of Smallville says"
        ));
    }

    #[test]
    fn a_dated_comment_stamp_ends_nothing() {
        assert!(is_end_marker("Comments"));
        assert!(!is_end_marker("Commented May 2, 2009 at 0:53"));
    }

    #[test]
    fn sentences_after_the_article_go_on_with_it_up_to_furniture() {
        let terse = "Strong passwords, regular updates, careful backups and trained staff protect small companies from costly attacks.";
        let text = format!("{PROSE}\n\n{PROSE} Again.\n\nKeeping Safe\n\n{terse}\n");
        // Judged alone, the terse sentence is bad, and the heading takes its side ...
        assert_eq!(judged(&text).len(), 2);
        // ... but the article goes on in sentences after its last paragraph.
        let k = kept(&text);
        assert_eq!(k.len(), 4, "{k:?}");
        assert_eq!(k[3], terse);
        let text = format!("{PROSE}\n\n{PROSE} Again.\n\nFollow us on Twitter\n\n{terse}\n");
        assert_eq!(kept(&text).len(), 2);
        // The same before the article's first paragraph.
        let text = format!("{terse}\n\nKeeping Safe\n\n{PROSE}\n\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 4);
    }

    #[test]
    fn menus_between_paragraphs_go() {
        let text =
            format!("{PROSE}\n\nUK\nWorld\nBusiness\nPolitics\nTech\nScience\n\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn an_end_marker_inside_a_menu_is_a_menu_item() {
        // A table of contents that lists "See also" does not end the article.
        let text = format!(
            "{PROSE}\n\nContents\n1 History\n2 Geography\n3 Economy\n4 See also\n5 References\n\nHistory\n\nThe library plan grew out of the council's wish to serve the people living nearby.\n"
        );
        let k = kept(&text);
        assert!(
            k.iter().any(|t| t.starts_with("The library plan grew")),
            "{k:?}"
        );
        assert!(!k.iter().any(|t| t.contains("See also")), "{k:?}");
    }

    #[test]
    fn the_main_stretch_starts_after_a_kept_island() {
        let mut units = segment(&format!("{PROSE}\n\n{PROSE}\n\n{PROSE}\n"));
        let menu = segment("Home\nNews\nSport\nWeather\nTravel\nMusic\nBooks\nFilm\nArt\nFood");
        let teaser = units[0].clone();
        units.splice(0..0, std::iter::once(teaser).chain(menu));
        let keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        assert_eq!(main_stretch(&units, &keep).map(|s| s.0), Some(11));
        // Short gaps inside the article do not split it.
        let units = segment(&format!("{PROSE}\n\nAdvertisement\n\n{PROSE}\n"));
        assert_eq!(
            main_stretch(&units, &[true, false, true]).map(|s| s.0),
            Some(0)
        );
        assert_eq!(main_stretch(&units, &[false, false, false]), None);
    }

    #[test]
    fn islands_amid_furniture_go_parts_of_the_article_stay() {
        let menu = "Home\nNews\nSport\nWeather\nTravel\nMusic\nBooks\nFilm\nArt\nFood";
        let teaser = "A short teaser for another story that is kept by the classifier alone.";
        let units = segment(&format!(
            "{teaser}\n\n{menu}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nAdvertisement\n\n{PROSE}\n\n{menu}\n\n{PROSE} {PROSE}\n"
        ));
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        drop_islands(&units, &mut keep);
        let kept: Vec<usize> = (0..units.len()).filter(|&i| keep[i]).collect();
        // The teaser goes; the paragraph after the advertisement and the long part after
        // the second menu (a third of the weight of the main part or more) stay.
        assert_eq!(kept, [11, 12, 13, 15, 26]);
    }

    #[test]
    fn a_sentence_a_little_short_of_function_words_is_near_good() {
        // 7 function words in 26: 0.27, just under the threshold of 0.28.
        let sentence = "Its use is dead easy, adding Blanket support to your Mocha test suite is just matter of adding a simple line to your HTML test file:";
        let unit = |t: &str| segment(t).remove(0);
        assert_eq!(classify(&unit(sentence), (0.28, 0.30)), Class::NearGood);
        let list = "Blanket support, Mocha test suite, simple line, HTML test file, data cover adapter, vendor files, source files and the rest";
        assert_eq!(classify(&unit(list), (0.28, 0.30)), Class::Bad);
        assert!(is_sentence(sentence));
        assert!(!is_sentence(
            "Top Stories From Around The World Today And Tomorrow"
        ));
    }

    #[test]
    fn a_run_of_near_good_paragraphs_is_prose() {
        let bad = "Afghanistan Albania Algeria Andorra Angola Anguilla Antarctica Argentina Armenia Aruba Australia Austria";
        let near = "The council met on Tuesday to discuss the plan for the new library, which has been delayed for more than two years by the cost of the land.";
        let text =
            format!("{bad}\n\n{near}\n\n{near} Again.\n\n{near} Once more.\n\n{bad}\n\n{PROSE}\n");
        let k = judged(&text);
        assert_eq!(k.len(), 4, "{k:?}");
        // Two near-good paragraphs between bad units are not enough.
        let text = format!("{bad}\n\n{near}\n\n{near} Again.\n\n{bad}\n\n{PROSE}\n");
        assert_eq!(judged(&text).len(), 1);
    }

    #[test]
    fn near_good_paragraphs_with_short_sentences_between_them_are_prose() {
        let bad = "Afghanistan Albania Algeria Andorra Angola Anguilla Antarctica Argentina Armenia Aruba Australia Austria";
        let near = "The council met on Tuesday to discuss the plan for the new library, which has been delayed for more than two years by the cost of the land.";
        let short = "This is where it gets real.";
        let text = format!(
            "{PROSE}\n\n{bad}\n\n{near}\n\n{short}\n\n{near} Again.\n\n{short}\n\n{near} Once more.\n\n{bad}\n"
        );
        let k = judged(&text);
        assert_eq!(k.len(), 6, "{k:?}");
        assert!(k.iter().any(|u| u == short));
        // A heading between them is taken in; two lines that are no sentences cut the run.
        let text = format!(
            "{PROSE}\n\n{bad}\n\n{near}\n\nA Heading\n\n{near} Again.\n\n{short}\n\n{near} Once more.\n\n{bad}\n"
        );
        assert_eq!(judged(&text).len(), 6);
        let text = format!(
            "{PROSE}\n\n{bad}\n\n{near}\n\n{short}\n\nA Heading\n\nAnother One\n\n{near} Again.\n\n{short}\n\n{near} Once more.\n\n{bad}\n"
        );
        assert_eq!(judged(&text).len(), 1);
    }

    #[test]
    fn a_truncated_teaser_takes_the_side_of_its_neighbours() {
        let teaser = "Ever come home from a day of shopping and wondered why on earth you bought all of it? As it…";
        let unit = |t: &str| segment(t).remove(0);
        assert_eq!(classify(&unit(teaser), (0.30, 0.32)), Class::Short);
        let text = format!("{PROSE}\n\n{teaser}\n\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn a_heavy_stretch_about_other_things_goes() {
        let menu = "Home\nNews\nSport\nWeather\nTravel\nMusic\nBooks\nFilm\nArt\nFood";
        let other = "Shares in the carmaker rallied sharply after quarterly deliveries beat forecasts, and analysts raised their targets for the coming year.";
        let related = "Residents said the library plan should go ahead, and the council promised to publish the cost of the land before Tuesday.";
        let text = format!("{PROSE}\n\n{menu}\n\n{other}\n\n{menu}\n\n{related}\n");
        let units = segment(&text);
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        drop_islands(&units, &mut keep);
        let kept: Vec<&str> = (0..units.len())
            .filter(|&i| keep[i])
            .map(|i| units[i].text.as_str())
            .collect();
        assert_eq!(kept, [PROSE, related]);
    }

    #[test]
    fn a_lone_paragraph_about_other_things_goes() {
        let other = "Shares in the carmaker rallied sharply after quarterly deliveries beat forecasts, and analysts raised their targets.";
        let related = "Residents said the library plan should go ahead, and the council promised to publish the cost of the land.";
        let text = format!("{PROSE}\n\n{PROSE} Again.\n\nMore\nNews\n\n{other}\n\nMore\nNews\n\n{related}\n\nMore\nNews\n");
        let units = segment(&text);
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        drop_stray_paragraphs(&units, &mut keep);
        let kept: Vec<usize> = (0..units.len()).filter(|&i| keep[i]).collect();
        assert_eq!(kept, [0, 1, 7]);
        // A text made of lone paragraphs keeps them all.
        let text = format!("Menu\nNews\n\n{other}\n\nMore\nNews\n\n{related}\n\nMore\nNews\n");
        let units = segment(&text);
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        drop_stray_paragraphs(&units, &mut keep);
        assert_eq!(keep.iter().filter(|&&k| k).count(), 2);
    }

    #[test]
    fn runs_about_other_things_inside_the_main_stretch_go() {
        let article = [
            "The council met on Tuesday to discuss the plan for the new library, which has been delayed for two years by the cost of the land and the objections of neighbours.",
            "Neighbours of the library site told the council that the plan would bring traffic, and the council promised a study of the traffic before any building starts.",
            "The cost of the land has doubled since the plan was drawn up, the council said, and the library may open a year later than the date promised to residents.",
        ];
        let card = "Carmaker shares rallied after quarterly deliveries beat forecasts, and analysts raised price targets for the coming months.";
        let text = format!(
            "{}\n\nPhoto\n\n{}\n\n{}\n\nAdvertisement\n\nMarkets today\n{card}\n",
            article[0], article[1], article[2]
        );
        let units = segment(&text);
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 20).collect();
        let initial: Vec<Class> = units
            .iter()
            .map(|u| match u.text.len() > 150 {
                true => Class::Good,
                false => Class::Short,
            })
            .collect();
        drop_off_topic_runs(&units, &initial, &mut keep);
        let kept: Vec<&str> = (0..units.len())
            .filter(|&i| keep[i])
            .map(|i| units[i].text.as_str())
            .collect();
        // The paragraph after the photo shares the article's words and stays; the card
        // after the advertisement does not.
        assert_eq!(kept, article);
    }

    #[test]
    fn a_run_kept_only_by_a_dropped_run_goes_in_the_next_pass() {
        let card = "Carmaker shares rallied sharply after quarterly deliveries beat forecasts while analysts raised price targets, traders cheered record margins, investors bought bonds, and storms halted shipments across harbours.";
        let short = "Storms halted coastal harbour ferries again tonight.";
        let text = format!("{PROSE}\n\nMore\n\n{short}\n\nMore\n\n{card}\n");
        let units = segment(&text);
        let initial = [
            Class::Good,
            Class::Bad,
            Class::Short,
            Class::Bad,
            Class::Short,
        ];
        let mut keep = vec![true, false, true, false, true];
        // The card shares two words of its many; the short run, the same two of its few.
        assert!(drop_off_topic_runs(&units, &initial, &mut keep));
        assert_eq!(keep, [true, false, true, false, false]);
        assert!(drop_off_topic_runs(&units, &initial, &mut keep));
        assert_eq!(keep, [true, false, false, false, false]);
        assert!(!drop_off_topic_runs(&units, &initial, &mut keep));
    }

    #[test]
    fn a_run_with_half_the_prose_of_the_article_stays() {
        let other = "Carmaker shares rallied after quarterly deliveries beat forecasts, and analysts raised price targets for the coming months ahead of the annual meeting.";
        let text = format!("{PROSE}\n\nAdvertisement\n\n{other}\n");
        let units = segment(&text);
        let mut keep = vec![true, false, true];
        drop_off_topic_runs(&units, &[Class::Good, Class::Bad, Class::Good], &mut keep);
        assert_eq!(keep, [true, false, true]);
    }

    #[test]
    fn runs_of_kept_units() {
        assert_eq!(
            kept_runs(&[true, true, false, true, false, false]),
            [0..2, 3..4]
        );
        assert_eq!(kept_runs(&[false, true, true]), vec![1..3]);
        assert!(kept_runs(&[false]).is_empty());
    }

    #[test]
    fn many_equal_parts_amid_menus_all_stay() {
        let menu = "Home\nNews\nSport\nWeather\nTravel\nMusic\nBooks\nFilm\nArt\nFood";
        let text = format!("{PROSE}\n\n{menu}\n\n").repeat(200);
        let units = segment(&text);
        let mut keep: Vec<bool> = units.iter().map(|u| u.text.len() > 50).collect();
        drop_islands(&units, &mut keep);
        assert_eq!(keep.iter().filter(|&&k| k).count(), 200);
    }

    #[test]
    fn a_long_line_of_encoded_figures_is_not_prose() {
        let encoded = "16lu7dcl9%2fX%3d1489053188%2fE%3d2078709551%2fR%3djp_hdln%2fK%3d5%2fV%3d2.1%2fW%3dH%2fF%3d779653832";
        let unit = |t: &str| segment(t).remove(0);
        // Even where function words say nothing (thresholds of zero), as for Japanese.
        assert_eq!(classify(&unit(encoded), (0.0, 0.0)), Class::Bad);
        assert_eq!(classify(&unit(PROSE), (0.0, 0.0)), Class::Good);
        assert!(is_mostly_letters("東京の天気は変わりやすい。"));
        assert!(!is_mostly_letters("2018 4,699,755 (120th) 33.0 0.917"));
        // Base64 is letters, but no word is that long.
        let base64 = "16lu7dcl9%2fH%3dbWgtbG9naW4tc3JjPSJ5biIgcG9wc2VhcmNoLXNlcnZpY2UtY29kZT0ibndzIiBhZGN2ZXI9Ni44LjE-%2fQ%3d-1";
        assert_eq!(classify(&unit(base64), (0.0, 0.0)), Class::Bad);
        let cited = format!("{PROSE} See {base64}");
        assert_eq!(classify(&unit(&cited), (0.0, 0.0)), Class::Good);
    }

    #[test]
    fn citations() {
        assert!(is_citation(
            "Roe, Jane (2009). \"The Library Question\". City Press. p. 41. Retrieved 3 May 2010."
        ));
        assert!(is_citation(
            "Doe J, Roe J, et al. (2014) Libraries. Vol. 3."
        ));
        assert!(is_citation("King 2003, pp. 12-14."));
        assert!(!is_citation(PROSE));
        assert!(!is_citation("All rights reserved © 2019 Example Media"));
        assert!(!is_citation("Retrieved from the archive"));
    }

    #[test]
    fn a_list_of_references_after_the_article_stays() {
        let refs = [
            "Roe, Jane (2009). \"The Library Question\". City Press. p. 41. Retrieved 3 May 2010.",
            "Doe, John (2011). Councils and Their Buildings. Town Books. ISBN 978-0-00-000000-2.",
            "\"Library plan\" (PDF). City Council. 2012. Archived from the original on 4 June 2013.",
            "Poe, Ann; Low, Tim (2015). \"Land prices\". Journal of Towns. 7 (2): 11-19. doi:10.1000/182.",
        ];
        let text = format!(
            "{PROSE}\n\n{PROSE} Again.\n\nReferences\n\n{}\n\nHome\nAbout\nContact\n",
            refs.join("\n\n")
        );
        let k = kept(&text);
        for r in refs {
            assert!(k.iter().any(|t| t == r), "{r} not in {k:?}");
        }
    }

    #[test]
    fn code_lines() {
        assert!(looks_like_code(
            "SELECT avg(n) FROM unnest(array[2, 3]) AS n;"
        ));
        assert!(looks_like_code("let x = f(y);"));
        assert!(!looks_like_code(
            "América Latina (español) Argentina (español)"
        ));
        assert!(!looks_like_code(PROSE));
    }

    #[test]
    fn bios() {
        assert!(is_bio("Jane Roe Jane Roe is a professor at the university. She writes about cities. She also teaches law. John Doe John Doe is an editor."));
        assert!(!is_bio(PROSE));
        assert!(!is_bio("The mayor is a busy woman. She said the plan was late. The council met on Tuesday. It voted no. Nobody came."));
    }

    #[test]
    fn four_words_of_account_links_are_furniture() {
        assert!(is_furniture_text("Sign in / Sign up"));
        assert!(!is_furniture_text("Sign the deal"));
        assert!(!is_furniture_text("What Comes Next"));
    }

    #[test]
    fn addresses_and_file_names_are_furniture() {
        assert!(is_address("//widget.example.com/opt/event.html?v=2&a=u"));
        assert!(is_address("IFRAME: https://www.example.com/embed/E39ych"));
        assert!(is_address("[Breitbart-LOGO.jpg]"));
        assert!(is_address("[svg][LL-CTA-1024x227]"));
        assert!(is_address("[2a6e7385-ocl_v1_screenshot-784x1024]"));
        assert!(is_address("[best-standing-desk-converters]"));
        assert!(is_address("[svg]") && is_address("[image][svg]"));
        // A cut, lower-case file name; a section of a settings file is no picture.
        assert!(is_address("[hero-banne]") && is_address("[gif]"));
        assert!(!is_address("[Unit]") && !is_address("[x]"));
        assert!(!is_address("[Search]"));
        assert!(!is_address("[see the full-text version here]"));
        assert!(is_address("www.example.org"));
        assert!(!is_address("Read it at https://example.org today."));
        assert!(!is_address("Node.js"));
        assert!(!is_address("index.html is the file we edit."));
        let kept = kept("The council met on Monday and said that it would vote on the plan in the spring, after a long debate about the budget.\n\n//cdn.example.org/track.gif?id=3\n\nIt will meet again next month, when the members of the board are back from the summer break.\n");
        assert_eq!(kept.len(), 2, "{kept:?}");
    }

    #[test]
    fn end_markers() {
        assert!(is_end_marker("Related stories"));
        assert!(is_end_marker("941 comments"));
        assert!(is_end_marker("You Might Also Like:"));
        assert!(!is_end_marker(
            "Related changes in the law came into force in 2020 after a long debate"
        ));
    }

    #[test]
    fn boxes_of_more_media_and_latest_stories_end_the_article() {
        let bio = "Jane Roe is a professor of history at the university and the author of three books about the city, and she writes a column for the weekly paper about the life of the town.";
        let text = format!("{PROSE}\n\n{PROSE} Two.\n\n{PROSE} Three.\n\nMore Videos\n\n{bio}\n");
        let k = kept(&text);
        assert_eq!(k.len(), 3, "{k:?}");
        assert!(is_end_marker("Keep Reading"));
        assert!(is_end_marker("The Latest From the Newsroom"));
        assert!(is_end_marker("You may also be interested in:"));
    }
}

//! Names in a page's visible byline. A byline block often glues its parts without spaces
//! ("Written By" + "Ann Lee" + "AI Writer, Site"), so its text nodes are read as parts: the
//! labels and dates go, the first name stays, and further names only after a joiner
//! ("and", ","); a job title or a site name after the name is left out.

use super::dom::{collapse_ws, Data, Dom, NodeId};
use crate::read::text::find_date;

/// Words that introduce a byline, lowercase, without the trailing colon.
const LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "published by",
    "words by",
    "text by",
    "story by",
    "author",
    "authors",
    "written",
    "von",
    "par",
    "por",
    "auteur",
    "autor",
];
/// Parts that join two names.
const JOINERS: &[&str] = &["and", "&", ",", "und", "et", "y", "e"];
/// Text nodes looked at after and before the headline for a labelled byline.
const AFTER: usize = 20;
const BEFORE: usize = 8;

fn is_label(part: &str) -> bool {
    let p = part
        .trim()
        .trim_end_matches([':', '-', '|'])
        .trim()
        .to_lowercase();
    LABELS.contains(&p.as_str())
}

/// A short text that ends by introducing a name ("Discussion in 'Help' started by").
fn ends_with_by(text: &str) -> bool {
    let t = text.trim().trim_end_matches(':').trim_end().to_lowercase();
    // "Sort by", "Shop by" introduce no name: only a verb of writing or posting does.
    let verbs = [
        "started",
        "written",
        "posted",
        "created",
        "submitted",
        "asked",
        "authored",
        "article",
    ];
    t.split_whitespace().count() <= 3
        && (t == "by"
            || t.strip_suffix(" by")
                .and_then(|h| h.split_whitespace().last())
                .is_some_and(|w| verbs.contains(&w)))
}

/// A part without a leading label ("By Ann" is "Ann").
fn without_label(part: &str) -> &str {
    let lower = part.to_lowercase();
    let mut labels: Vec<&&str> = LABELS.iter().collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    for l in labels {
        if lower.starts_with(*l) {
            let rest = &part[l.len()..];
            if rest.starts_with([' ', ':']) {
                return rest.trim_start_matches([' ', ':']).trim();
            }
        }
    }
    part
}

/// Words of the reading time, share and comment counts that sit in bylines.
const NOT_NAMES: &[&str] = &[
    "read", "min", "mins", "minute", "minutes", "comment", "comments", "share", "views", "ago",
    "hours", "days",
];

/// Whether a part of a byline can be a person's name (or a user name): short, no digits
/// beyond a few, not a sentence, not a reading time.
pub fn is_name_like(part: &str) -> bool {
    let words = part.split_whitespace().count();
    if part
        .split_whitespace()
        .any(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()))
    {
        return false;
    }
    let digits = part.chars().filter(char::is_ascii_digit).count();
    (1..=6).contains(&words)
        && part.chars().count() <= 60
        && digits <= 2
        && !part.contains(['@', '|', '?', '!'])
        && !part.ends_with(['.', ':'])
        && part.chars().next().is_some_and(char::is_alphabetic)
}

/// The names in the text parts of a byline, in order.
pub fn names_from_parts(parts: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    let mut joined = true;
    for part in parts {
        let p = part.trim();
        if p.is_empty() || is_label(p) {
            continue;
        }
        let lower = p.to_lowercase();
        if JOINERS.contains(&lower.as_str()) || JOINERS.contains(&lower.trim_end_matches(',')) {
            joined = !names.is_empty();
            continue;
        }
        if find_date(p).is_some() {
            if names.is_empty() {
                continue;
            }
            break;
        }
        if !joined {
            break;
        }
        let p = without_label(p);
        let p = p.trim_matches([',', '-', '·', '•', '|', ' ']);
        if !is_name_like(p) || only_labels(p) {
            if names.is_empty() {
                continue;
            }
            break;
        }
        names.push(p.to_string());
        joined = false;
    }
    names
}

/// The text nodes below an element, each whitespace-collapsed, empty ones left out.
pub fn parts(dom: &Dom, id: NodeId) -> Vec<String> {
    std::iter::once(id)
        .chain(dom.descendants(id))
        .filter(|&d| matches!(dom.nodes[d].data, Data::Text(_)))
        .filter(|&d| {
            !dom.parent(d)
                .is_some_and(|p| dom.is(p, "script") || dom.is(p, "style"))
        })
        .map(|d| collapse_ws(&dom.text(d)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether an element's text nodes run into each other without a space between them
/// ("Written By" + "Ann Lee" read as "Written ByAnn Lee"): its parts must be read apart.
pub fn glued(dom: &Dom, id: NodeId) -> bool {
    // A line break separates as a space does.
    let raw: Vec<String> = std::iter::once(id)
        .chain(dom.descendants(id))
        .filter_map(|d| match &dom.nodes[d].data {
            Data::Text(t) => Some(t.to_string()),
            _ if dom.is(d, "br") => Some(" ".to_string()),
            _ => None,
        })
        .collect();
    raw.windows(2).any(|w| {
        let (a, b) = (&w[0], &w[1]);
        a.ends_with(|c: char| c.is_alphanumeric()) && b.starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Words of job titles that follow a name in a byline ("Ann Lee", "Senior Editor").
const ROLES: &[&str] = &[
    "editor",
    "writer",
    "reporter",
    "correspondent",
    "journalist",
    "columnist",
    "contributor",
    "expert",
    "founder",
    "co-founder",
    "ceo",
    "manager",
    "director",
    "analyst",
    "specialist",
    "strategist",
    "consultant",
    "engineer",
    "producer",
    "reviewer",
];

/// Whether a part after the first holds a job title: the byline must be read by parts.
pub fn has_role(parts: &[String]) -> bool {
    parts.iter().skip(1).any(|p| {
        p.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| ROLES.contains(&w.to_lowercase().as_str()))
    })
}

/// Class and id words of places that name other people than the article's author:
/// comments, lists of other stories, navigation.
const ELSEWHERE: &[&str] = &[
    "comment",
    "related",
    "recommend",
    "sidebar",
    "footer",
    "nav",
    "menu",
    "popular",
    "trending",
    "more-",
    "recent",
    "reply",
    "replies",
    "review",
];

/// Marks what names other people than the author (comments, other stories, navigation),
/// on top of `base` (what is never content): a looser mask than page furniture, for an
/// author box that sits in a widget or a header.
pub fn elsewhere(dom: &Dom, base: &[bool]) -> Vec<bool> {
    let mut out = base.to_vec();
    for id in dom.all() {
        if out[id] {
            continue;
        }
        let inherited = dom.parent(id).is_some_and(|p| out[p]);
        // A class names the place by its start ("sidebar-left", not "offset-nav" or a
        // utility class mentioning a grid area); comments and other stories anywhere in it.
        let own = matches!(dom.tag(id), Some("nav" | "footer" | "aside"))
            || dom.class_and_id(id).split_whitespace().any(|token| {
                ELSEWHERE.iter().any(|w| token.starts_with(w))
                    || ["comment", "related", "recommend"]
                        .iter()
                        .any(|w| token.contains(w))
            });
        out[id] = inherited || own;
    }
    out
}

/// Words of the headings of author boxes and bylines, which name nobody.
const LABEL_WORDS: &[&str] = &[
    "about",
    "the",
    "author",
    "authors",
    "topic",
    "written",
    "by",
    "writer",
    "guide",
    "insights",
    "from",
    "posted",
    "published",
    "more",
    "articles",
    "meet",
    "our",
    // Controls of the page that sit where names do.
    "log",
    "in",
    "sign",
    "up",
    "login",
    "register",
    "account",
    "renew",
    "subscribe",
    "recommended",
    "for",
    "you",
    "featured",
    "relevance",
    "ranking",
    "menu",
    "search",
];

/// Whether a would-be name is only label words ("About the Author", "Topic Author").
pub fn only_labels(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| LABEL_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A link to an author's page (`/author/ann-lee`).
fn is_author_link(dom: &Dom, id: NodeId) -> bool {
    dom.is(id, "a")
        && dom.attr(id, "href").is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            ["/author/", "/authors/", "/autor/", "/auteur/", "/autoren/"]
                .iter()
                .any(|p| h.contains(p))
        })
}

/// A byline near the headline: a label ("By", "Written by", "Author") followed by a name,
/// or a link to an author's page. Returns the element holding the name and the names.
pub fn near_headline(
    dom: &Dom,
    removed: &[bool],
    headline: NodeId,
) -> Option<(NodeId, Vec<String>)> {
    let inside = |id: NodeId| id == headline || dom.ancestors(id).any(|a| a == headline);
    let text_ids = |ids: &mut dyn Iterator<Item = NodeId>, limit: usize| -> Vec<NodeId> {
        ids.filter(|&id| !removed[id] && !inside(id))
            .filter(|&id| {
                matches!(dom.nodes[id].data, Data::Text(_))
                    && !dom
                        .parent(id)
                        .is_some_and(|p| dom.is(p, "script") || dom.is(p, "style"))
                    && !collapse_ws(&dom.text(id)).is_empty()
            })
            .take(limit)
            .collect()
    };
    let after = text_ids(&mut (headline + 1..dom.nodes.len()), AFTER);
    let before = text_ids(&mut (0..headline).rev(), BEFORE);
    for ids in [after, before] {
        for &id in &ids {
            let text = collapse_ws(&dom.text(id));
            let holder = dom.parent(id).unwrap_or(id);
            let plain = !text.contains(|c: char| c.is_ascii_digit());
            if dom.ancestors(id).any(|a| is_author_link(dom, a)) && plain && is_name_like(&text) {
                return Some((holder, vec![text]));
            }
            if is_label(&text) || ends_with_by(&text) {
                if let Some(found) = name_after(dom, id) {
                    return Some(found);
                }
            }
        }
    }
    None
}

/// The name in the text after a label (in document order), with the element holding it.
fn name_after(dom: &Dom, label: NodeId) -> Option<(NodeId, Vec<String>)> {
    let (n, t) = (label + 1..dom.nodes.len())
        .filter(|&n| matches!(dom.nodes[n].data, Data::Text(_)))
        .map(|n| (n, collapse_ws(&dom.text(n))))
        .find(|(_, t)| !t.is_empty())?;
    if t.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let names = names_from_parts(&[t]);
    (!names.is_empty()).then(|| (dom.parent(n).unwrap_or(n), names))
}

/// Whether a link leads to a member's profile (`/u/ann`, `/users/12/ann`,
/// `memberlist.php?mode=viewprofile`).
fn is_profile_link(dom: &Dom, id: NodeId) -> bool {
    dom.is(id, "a")
        && dom.attr(id, "href").is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            [
                "/u/",
                "/user/",
                "/users/",
                "/member",
                "/members/",
                "viewprofile",
                "/profile/",
            ]
            .iter()
            .any(|p| h.contains(p))
        })
}

/// The author of a thread: the first of several links to members' profiles (one per post),
/// outside `skip`. A page with a single such link is not a thread.
pub fn thread_starter(dom: &Dom, skip: &[bool]) -> Option<(NodeId, Vec<String>)> {
    let links: Vec<(NodeId, String)> = dom
        .all()
        .filter(|&id| !skip[id] && is_profile_link(dom, id))
        .map(|id| (id, collapse_ws(&dom.text(id))))
        .filter(|(_, t)| is_name_like(t) && !only_labels(t) && !t.starts_with('@'))
        .collect();
    if links.len() < 3 {
        return None;
    }
    links.into_iter().next().map(|(id, t)| (id, vec![t]))
}

/// Labels specific enough to be trusted anywhere on the page.
const STRONG_LABELS: &[&str] = &[
    "written by",
    "article by",
    "posted by",
    "words by",
    "story by",
    "text by",
];

/// A name after a strong label ("Written by" + "Ann Lee") anywhere outside `skip`: for
/// bylines far from the headline.
pub fn labelled_anywhere(dom: &Dom, skip: &[bool]) -> Option<(NodeId, Vec<String>)> {
    dom.all()
        .filter(|&id| !skip[id] && matches!(dom.nodes[id].data, Data::Text(_)))
        .filter(|&id| {
            let t = collapse_ws(&dom.text(id)).to_lowercase();
            STRONG_LABELS.contains(&t.trim_end_matches(':').trim())
        })
        .find_map(|id| name_after(dom, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(parts: &[&str]) -> Vec<String> {
        let parts: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
        names_from_parts(&parts)
    }

    #[test]
    fn glued_parts_give_the_name_alone() {
        assert_eq!(
            names(&["Written By", "Ann Lee", "AI Writer, Some Site"]),
            ["Ann Lee"]
        );
        assert_eq!(names(&["Ann Lee", "Published on"]), ["Ann Lee"]);
        assert_eq!(names(&["Dec 17, 2025", "Jo Roe"]), ["Jo Roe"]);
        assert_eq!(names(&["By", "Jo Roe", "-", "June 12, 2025"]), ["Jo Roe"]);
        assert_eq!(
            names(&["Written By:", "Cy Mag", "Last Updated:", "August 1, 2025"]),
            ["Cy Mag"]
        );
        assert_eq!(
            names(&["By Ann Lee", "and", "Bob Roe"]),
            ["Ann Lee", "Bob Roe"]
        );
        assert_eq!(
            names(&["Ann Lee", ",", "Bob Roe", "Editor"]),
            ["Ann Lee", "Bob Roe"]
        );
        assert!(names(&["Share this article on social media now please"]).is_empty());
        assert!(names(&["5", "mins read"]).is_empty());
    }

    #[test]
    fn job_titles_after_the_name() {
        let p = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(has_role(&p(&["By Ann Lee", "Senior Editor"])));
        assert!(has_role(&p(&["Jo Roe", "Co-Founder & Marketing Director"])));
        assert!(!has_role(&p(&["By Ann Lee", "Health News"])));
        assert!(!has_role(&p(&["Editor", "Ann Lee"])));
    }

    #[test]
    fn other_peoples_places() {
        let dom = Dom::parse(
            r#"<div class="widget"><h4 class="author-name">Al Bo</h4></div>
            <ul class="related-posts"><li><span class="author">Cy Do</span></li></ul>"#,
        );
        let base = vec![false; dom.nodes.len()];
        let mask = elsewhere(&dom, &base);
        let h4 = dom.find("h4").unwrap();
        let dom2 = Dom::parse(r#"<main class="offset-nav"><p class="author">Al</p></main>"#);
        let p = dom2.find("p").unwrap();
        assert!(!elsewhere(&dom2, &vec![false; dom2.nodes.len()])[p]);
        let span = dom.find("span").unwrap();
        assert!(!mask[h4]);
        assert!(mask[span]);
    }

    #[test]
    fn label_words_name_nobody() {
        assert!(only_labels("About the Author"));
        assert!(only_labels("Topic Author:"));
        assert!(!only_labels("Ann Author"));
        assert!(only_labels("Sign In"));
        assert!(!ends_with_by("Sort by"));
        assert!(ends_with_by("' started by"));
    }

    #[test]
    fn strong_label_anywhere() {
        let dom = Dom::parse(r#"<p>By</p><p>the sea</p><div><p>Written by</p><p>Ed Tab</p></div>"#);
        let skip = vec![false; dom.nodes.len()];
        let (_, names) = labelled_anywhere(&dom, &skip).unwrap();
        assert_eq!(names, ["Ed Tab"]);
    }

    #[test]
    fn first_poster_of_a_thread() {
        let post =
            |n: &str| format!(r#"<div class="post"><a href="/u/{n}">{n}</a><p>Text.</p></div>"#);
        let html = format!("{}{}{}", post("dale"), post("amy"), post("dale"));
        let dom = Dom::parse(&html);
        let skip = vec![false; dom.nodes.len()];
        assert_eq!(thread_starter(&dom, &skip).unwrap().1, ["dale"]);
        let dom = Dom::parse(&post("solo"));
        let skip = vec![false; dom.nodes.len()];
        assert_eq!(thread_starter(&dom, &skip), None);
    }

    #[test]
    fn glued_text_nodes() {
        let glued = |html: &str| {
            let dom = Dom::parse(html);
            glued(&dom, dom.find("div").unwrap())
        };
        assert!(glued(
            "<div><span>Written By</span><span>Ann Lee</span></div>"
        ));
        assert!(!glued("<div><span>By</span> <span>Ann Lee</span></div>"));
        assert!(!glued("<div>By <a>Ann Lee</a>, editor</div>"));
        assert!(!glued("<div>By <a>Ann Lee</a><br>Health News</div>"));
    }

    #[test]
    fn labelled_name_or_author_link_near_the_headline() {
        let find = |html: &str| {
            let dom = Dom::parse(html);
            let removed = vec![false; dom.nodes.len()];
            let h1 = dom.find("h1").unwrap();
            near_headline(&dom, &removed, h1).map(|(_, n)| n)
        };
        assert_eq!(
            find("<h1>T</h1><p>Last updated</p><p>Aug 4, 2025</p><p>Written by</p><p>Ed Tab</p>"),
            Some(vec!["Ed Tab".to_string()])
        );
        assert_eq!(
            find(r#"<h1>T</h1><span><a href="/authors/jo-roe">Jo Roe</a></span>"#),
            Some(vec!["Jo Roe".to_string()])
        );
        assert_eq!(
            find(r#"<div class="by">Author</div><div>Al Bo</div><h1>T</h1><p>Text.</p>"#),
            Some(vec!["Al Bo".to_string()])
        );
        assert_eq!(find("<h1>T</h1><p>By the way, this is text.</p>"), None);
        assert_eq!(
            find("<h1>T</h1><p>a library for parsing written by <a>Em</a>.</p>"),
            None
        );
        assert_eq!(
            find("<h1>T</h1><p>In '<a>Help</a>' started by <a>pelex</a>, May 2</p>"),
            Some(vec!["pelex".to_string()])
        );
    }
}

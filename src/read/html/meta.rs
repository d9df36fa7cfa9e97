//! Metadata of a web page, from the best source down: JSON-LD, then `<meta>` tags
//! (OpenGraph, `article:*`, Dublin Core, `citation_*`, Twitter cards, Parse.ly), then the
//! page itself (`<title>`, `<html lang>`, `<time>`, byline elements).

use super::dates::parse_date;
use super::dom::{collapse_ws, Data, Dom, NodeId};
use super::jsonld::{self, LdArticle};
use crate::model::{is_language_tag, Author, Date, Meta};
use std::collections::HashMap;

/// `<meta>` values by lowercase key (`name`, `property`, `itemprop` or `http-equiv`);
/// the first non-empty value of a key wins.
#[derive(Debug, Default)]
pub struct MetaTags(HashMap<String, String>);

impl MetaTags {
    pub fn collect(dom: &Dom) -> MetaTags {
        let mut map = HashMap::new();
        for id in dom.all().filter(|&id| dom.is(id, "meta")) {
            let Some(content) = dom.attr(id, "content").map(collapse_ws) else {
                continue;
            };
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                // RDFa allows several space-separated properties in one attribute.
                for key in dom.attr(id, key_attr).unwrap_or("").split_whitespace() {
                    map.entry(key.to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
        MetaTags(map)
    }

    /// The first of `keys` that the page has.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.0.get(*k).map(String::as_str))
    }
}

const TITLE_KEYS: &[&str] = &[
    "dc.title",
    "dc:title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
    "citation_title",
    "sailthru.title",
];
const AUTHOR_KEYS: &[&str] = &[
    "dc.creator",
    "dc:creator",
    "dcterm:creator",
    "dcterms.creator",
    "author",
    "parsely-author",
    "citation_author",
    "article:author",
    "sailthru.author",
    "byl",
    "twitter:creator",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "publisher",
    "citation_journal_title",
];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "og:published_time",
    "published_time",
    "citation_publication_date",
    "citation_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "sailthru.date",
    "article.published",
    "datepublished",
    "og:article:published_time",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "dcterms.modified",
    "datemodified",
    "last-modified",
];
const DESCRIPTION_KEYS: &[&str] = &[
    "dc.description",
    "dc:description",
    "dcterm:description",
    "og:description",
    "description",
    "twitter:description",
];
const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "twitter:image",
    "twitter:image:src",
    "thumbnailurl",
];
const LANGUAGE_KEYS: &[&str] = &["content-language", "dc.language", "language", "og:locale"];

/// Everything the page says about itself, before any content extraction.
pub fn page_meta(dom: &Dom, tags: &MetaTags) -> Meta {
    let ld = jsonld::article(dom);
    let doc_title = document_title(dom);
    let site = ld
        .publisher
        .clone()
        .or_else(|| tags.first(SITE_KEYS).map(str::to_string))
        .filter(|s| !looks_like_url(s));
    let title = ld_title(&ld, doc_title.as_deref())
        .or_else(|| tags.first(TITLE_KEYS).map(str::to_string))
        .or_else(|| {
            doc_title
                .as_deref()
                .map(|t| clean_title(t, site.as_deref(), &headings(dom)))
        });
    let authors = if !ld.authors.is_empty() {
        ld.authors
            .iter()
            .map(|a| Author::named(a.clone()))
            .collect()
    } else {
        tags.first(AUTHOR_KEYS)
            .filter(|a| !looks_like_url(a) && !a.starts_with('@'))
            .map(|a| vec![Author::named(clean_byline(a))])
            .unwrap_or_default()
    };
    let date = |ld: &Option<String>, keys: &[&str]| -> Option<Date> {
        ld.as_deref()
            .and_then(parse_date)
            .or_else(|| tags.first(keys).and_then(parse_date))
    };
    let mut meta = Meta {
        title,
        authors,
        published: date(&ld.published, PUBLISHED_KEYS),
        modified: date(&ld.modified, MODIFIED_KEYS),
        publisher: site,
        description: ld
            .description
            .clone()
            .or_else(|| tags.first(DESCRIPTION_KEYS).map(str::to_string)),
        image: ld
            .image
            .clone()
            .or_else(|| tags.first(IMAGE_KEYS).map(str::to_string)),
        language: page_language(dom, tags, ld.language.as_deref()),
        url: canonical_url(dom, tags),
        ..Meta::default()
    };
    if let Some(k) = tags.first(&["keywords", "news_keywords"]) {
        meta.keywords = k
            .split([',', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
    }
    if meta.published.is_none() {
        meta.published = time_element_date(dom);
    }
    meta
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// JSON-LD's `headline` or `name`: when they differ, the one closer to the `<title>`.
fn ld_title(ld: &LdArticle, doc_title: Option<&str>) -> Option<String> {
    match (&ld.headline, &ld.name, doc_title) {
        (Some(h), Some(n), Some(t)) if h != n => {
            if similarity(n, t) > similarity(h, t) {
                Some(n.clone())
            } else {
                Some(h.clone())
            }
        }
        (Some(h), _, _) => Some(h.clone()),
        (None, n, _) => n.clone(),
    }
}

/// Share of the words of `b` that `a` has too (0 to 1).
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wb.is_empty() {
        return 0.0;
    }
    let shared = wb.iter().filter(|w| wa.contains(w)).count();
    shared as f64 / wb.len() as f64
}

fn document_title(dom: &Dom) -> Option<String> {
    let id = dom
        .all()
        .find(|&id| dom.is(id, "title") && !inside(dom, id, "svg"))?;
    Some(collapse_ws(&dom.text(id))).filter(|t| !t.is_empty())
}

fn inside(dom: &Dom, id: NodeId, tag: &str) -> bool {
    dom.ancestors(id).any(|a| dom.is(a, tag))
}

fn headings(dom: &Dom) -> Vec<String> {
    dom.all()
        .filter(|&id| matches!(dom.tag(id), Some("h1" | "h2")))
        .map(|id| collapse_ws(&dom.text(id)))
        .collect()
}

/// Separators between an article's title and the site's name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " · ", " :: ",
];

/// The article's title from a `<title>`: without the site's name, which pages put before or
/// after it behind a separator. A part equal to a heading of the page is the title; a part
/// that is the site name is dropped; otherwise the last part goes when what is left is long
/// enough to be a title on its own.
pub fn clean_title(title: &str, site: Option<&str>, headings: &[String]) -> String {
    let title = collapse_ws(title);
    let parts = split_title(&title);
    if parts.len() < 2 {
        return title;
    }
    let norm = |s: &str| s.to_lowercase();
    if let Some(h) = parts
        .iter()
        .find(|p| headings.iter().any(|h| norm(h) == norm(p)))
    {
        return h.to_string();
    }
    if let Some(site) = site {
        let site_like = |p: &&str| similarity(p, site) >= 0.5 || similarity(site, p) >= 0.75;
        let kept: Vec<&str> = parts.iter().copied().filter(|p| !site_like(p)).collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            return rejoin(&title, &kept);
        }
    }
    let (first, rest) = (&parts[..parts.len() - 1], parts[parts.len() - 1]);
    let head = rejoin(&title, first);
    if word_count(&head) >= 3 || word_count(&head) > word_count(rest) {
        head
    } else {
        title
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn split_title(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The span of `title` from the first to the last of `parts` (keeping inner separators).
fn rejoin(title: &str, parts: &[&str]) -> String {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return title.to_string();
    };
    let start = title.find(first).unwrap_or(0);
    let end = title
        .rfind(last)
        .map(|i| i + last.len())
        .unwrap_or(title.len());
    title
        .get(start..end.max(start))
        .unwrap_or(title)
        .to_string()
}

/// A byline without its "By" and trailing date or role clutter.
pub fn clean_byline(s: &str) -> String {
    let s = collapse_ws(s);
    let lower = s.to_lowercase();
    let mut t = s.as_str();
    for prefix in [
        "written by ",
        "posted by ",
        "words by ",
        "by ",
        "von ",
        "par ",
        "por ",
    ] {
        if lower.starts_with(prefix) {
            t = t.get(prefix.len()..).unwrap_or(t);
            break;
        }
    }
    t.trim()
        .trim_end_matches([',', '|', '-', '·'])
        .trim()
        .to_string()
}

/// The page's language: `<html lang>`, then meta tags, then JSON-LD.
fn page_language(dom: &Dom, tags: &MetaTags, ld: Option<&str>) -> Option<String> {
    let html_lang = dom
        .find("html")
        .and_then(|h| dom.attr(h, "lang").or_else(|| dom.attr(h, "xml:lang")));
    [html_lang, tags.first(LANGUAGE_KEYS), ld]
        .into_iter()
        .flatten()
        .find_map(language_tag)
}

/// A BCP 47 tag from what pages write (`en_US`, `EN-us`, `fr-FR, en`).
pub fn language_tag(s: &str) -> Option<String> {
    let first = s.split([',', ';', ' ']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    let tag = std::iter::once(primary)
        .chain(parts.map(|p| {
            if p.len() == 2 {
                p.to_ascii_uppercase()
            } else {
                p.to_string()
            }
        }))
        .collect::<Vec<_>>()
        .join("-");
    is_language_tag(&tag).then_some(tag)
}

fn canonical_url(dom: &Dom, tags: &MetaTags) -> Option<String> {
    let canonical = dom.all().find(|&id| {
        dom.is(id, "link")
            && dom
                .attr(id, "rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
    });
    canonical
        .and_then(|id| dom.attr(id, "href"))
        .or_else(|| tags.first(&["og:url", "twitter:url"]))
        .map(|u| u.trim().to_string())
        .filter(|u| looks_like_url(u))
}

/// The date of the first `<time>` marked as the publication date, or the first `<time>`
/// with a full `datetime`.
fn time_element_date(dom: &Dom) -> Option<Date> {
    let times: Vec<NodeId> = dom.all().filter(|&id| dom.is(id, "time")).collect();
    let marked = times.iter().find(|&&id| {
        dom.attr(id, "pubdate").is_some()
            || dom
                .attr(id, "itemprop")
                .is_some_and(|p| p.contains("datePublished"))
    });
    marked
        .into_iter()
        .chain(times.iter())
        .find_map(|&id| dom.attr(id, "datetime").and_then(parse_date))
}

/// The byline element of the page: `rel=author`, `itemprop=author`, or a class or id naming
/// a byline, with short text. Returns the element and the cleaned name.
pub fn byline_element(dom: &Dom, within: NodeId) -> Option<(NodeId, String)> {
    let candidates = std::iter::once(within).chain(dom.descendants(within));
    for id in candidates {
        let Data::Element { .. } = &dom.nodes[id].data else {
            continue;
        };
        let rel_author = dom.attr(id, "rel").is_some_and(|r| r.contains("author"));
        let itemprop_author = dom
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("author"));
        let hinted = {
            let c = dom.class_and_id(id);
            ["byline", "author", "dateline", "writtenby", "p-author"]
                .iter()
                .any(|h| c.contains(h))
        };
        if !(rel_author || itemprop_author || hinted) {
            continue;
        }
        // An itemprop=author block often wraps the name in itemprop=name.
        let name_el = dom
            .descendants(id)
            .find(|&d| dom.attr(d, "itemprop") == Some("name"))
            .unwrap_or(id);
        let text = collapse_ws(&dom.text(name_el));
        if !text.is_empty() && text.chars().count() < 100 {
            return Some((id, clean_byline(&text)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Meta {
        let dom = Dom::parse(html);
        page_meta(&dom, &MetaTags::collect(&dom))
    }

    #[test]
    fn title_loses_site_suffix() {
        let h = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            clean_title("Obama talks guns | BBC News", Some("BBC News"), &[]),
            "Obama talks guns"
        );
        assert_eq!(
            clean_title("BBC News - Obama talks guns", Some("BBC News"), &[]),
            "Obama talks guns"
        );
        assert_eq!(
            clean_title("Why tests matter - Example Blog", None, &[]),
            "Why tests matter"
        );
        assert_eq!(clean_title("A - B title", None, &h(&["A"])), "A");
        assert_eq!(clean_title("Home - Site", None, &[]), "Home - Site");
        assert_eq!(clean_title("Plain title", Some("Site"), &[]), "Plain title");
    }

    #[test]
    fn meta_tags_in_priority_order() {
        let m = meta_of(
            r#"<html lang="en-us"><head><title>T | Site</title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="The Site">
            <meta name="author" content="By Jane Doe">
            <meta property="article:published_time" content="2020-01-02T03:04:05Z">
            <meta property="og:image" content="http://x/i.jpg">
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("OG title"));
        assert_eq!(m.publisher.as_deref(), Some("The Site"));
        assert_eq!(m.byline().as_deref(), Some("Jane Doe"));
        assert_eq!(m.published.unwrap().to_string(), "2020-01-02T03:04:05Z");
        assert_eq!(m.language.as_deref(), Some("en-US"));
        assert_eq!(m.image.as_deref(), Some("http://x/i.jpg"));
    }

    #[test]
    fn space_separated_properties() {
        let m = meta_of(r#"<meta property="dc:title og:title" content="Both"><p>x"#);
        assert_eq!(m.title.as_deref(), Some("Both"));
    }

    #[test]
    fn time_element_is_a_fallback_date() {
        let m = meta_of(r#"<p>x <time datetime="2018-05-06">May 6</time>"#);
        assert_eq!(m.published.unwrap().to_string(), "2018-05-06");
    }

    #[test]
    fn language_tags_are_normalized() {
        assert_eq!(language_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(language_tag("FR").as_deref(), Some("fr"));
        assert_eq!(language_tag("C"), None);
    }

    #[test]
    fn byline_element_found() {
        let dom = Dom::parse(
            r#"<div><p class="byline">By <a rel="author">Ann Lee</a></p><p>Text</p></div>"#,
        );
        let (_, name) = byline_element(&dom, 0).unwrap();
        assert_eq!(name, "Ann Lee");
        assert_eq!(clean_byline("Written by Bob, "), "Bob");
    }
}

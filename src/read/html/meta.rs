//! Metadata of a web page, from the best source down: JSON-LD, then `<meta>` tags
//! (OpenGraph, `article:*`, Dublin Core, `citation_*`, Twitter cards, Parse.ly), then the
//! page itself (`<title>`, `<html lang>`, `<time>`, byline elements).
//!
//! What readers see wins where the truth is visible: the title is the `h1` the page's title
//! names ([`super::title`]), the date the one shown under the headline when the markup
//! confirms it ([`super::pubdate`]), the authors those of the visible byline
//! ([`super::byline`]).

use super::dates::{is_month_name, parse_date};
use super::dom::{collapse_ws, Data, Dom, NodeId};
use super::jsonld::{self, LdArticle};
use super::{byline, pubdate, title};
use crate::model::{is_language_tag, Author, Date, Meta};
use std::collections::HashMap;

/// `<meta>` values by key (`name`, `property`, `itemprop` or `http-equiv`), lowercase with
/// dots as colons (`DC.title` and `dc:title` are one key); a later tag of a key wins, as
/// pages put the more specific form last.
#[derive(Debug, Default)]
pub struct MetaTags(HashMap<String, String>);

/// The normalized form of a meta key.
pub fn meta_key(key: &str) -> String {
    key.trim().to_ascii_lowercase().replace('.', ":")
}

impl MetaTags {
    /// Collects the `<meta>` tags of a page.
    pub fn collect(dom: &Dom) -> MetaTags {
        let mut map = HashMap::new();
        for id in dom.all().filter(|&id| dom.is(id, "meta")) {
            // Some templates escape the value twice: `&amp;reg;` parses to `&reg;`.
            let unescape = |c: &str| collapse_ws(&super::entities::unescape(c));
            let Some(content) = dom.attr(id, "content").map(unescape) else {
                continue;
            };
            if content.is_empty() {
                continue;
            }
            for key_attr in ["name", "property", "itemprop", "http-equiv"] {
                // RDFa allows several space-separated properties in one attribute.
                for key in dom.attr(id, key_attr).unwrap_or("").split_whitespace() {
                    let value = map.entry(meta_key(key)).or_insert_with(|| content.clone());
                    // Microdata names the first item first: later ones are replies,
                    // comments and other stories. In the head, a later tag overrides.
                    if key_attr != "itemprop" {
                        value.clone_from(&content);
                    }
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
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
    "citation_title",
    "sailthru:title",
];
/// Author keys that name people; `article:author` and the like come after byline
/// elements, as they are often a profile URL or an organization.
const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
];
const WEAK_AUTHOR_KEYS: &[&str] = &[
    "article:author",
    "og:article:author",
    "citation_author",
    "sailthru:author",
    "byl",
    "twitter:creator",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc:publisher",
    "publisher",
    "citation_journal_title",
];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "parsely-pub-date",
    "og:published_time",
    "published_time",
    "og:article:published_time",
    "citation_publication_date",
    "citation_date",
    "dc:date",
    "dc:date:issued",
    "dcterms:created",
    "dcterms:date",
    "dcterms:issued",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "sailthru:date",
    "article:published",
    "datepublished",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "dcterms:modified",
    "datemodified",
    "last-modified",
];
const DESCRIPTION_KEYS: &[&str] = &[
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
const LANGUAGE_KEYS: &[&str] = &["content-language", "dc:language", "language", "og:locale"];

/// What is never content on a page, and the looser mask [`byline::elsewhere`] makes of it,
/// on first need: the page's metadata, its byline and its extraction all look there.
pub struct Masks<'d> {
    dom: &'d Dom,
    /// [`super::extract::never_content`].
    pub never: Vec<bool>,
    elsewhere: std::cell::OnceCell<Vec<bool>>,
}

impl<'d> Masks<'d> {
    /// The masks of a page; [`Masks::elsewhere`] is made when first asked for.
    pub fn new(dom: &'d Dom) -> Masks<'d> {
        Masks {
            dom,
            never: super::extract::never_content(dom),
            elsewhere: std::cell::OnceCell::new(),
        }
    }

    /// [`byline::elsewhere`] on top of what is never content.
    pub fn elsewhere(&self) -> &[bool] {
        self.elsewhere
            .get_or_init(|| byline::elsewhere(self.dom, &self.never))
    }
}

/// Everything the page says about itself in its markup, before any content extraction.
/// Authors found only in the page's text come later (see [`byline_element`]).
pub fn page_meta(dom: &Dom, tags: &MetaTags, masks: &Masks) -> Meta {
    let ld = jsonld::article(dom);
    let doc_title = document_title(dom);
    let site = ld
        .publisher
        .clone()
        .or_else(|| tags.first(SITE_KEYS).map(str::to_string));
    let title = ld_title(&ld, doc_title.as_deref())
        .or_else(|| tags.first(TITLE_KEYS).map(str::to_string))
        .or_else(|| {
            doc_title
                .as_deref()
                .map(|t| clean_title(t, site.as_deref(), &headings(dom)))
        });
    let h1s = title::h1s(dom);
    let headline = title.as_deref().and_then(|t| title::headline(&h1s, t));
    let title = match (&headline, title) {
        (Some((_, h)), _) => Some(h.clone()),
        (None, Some(t)) if h1s.is_empty() => Some(title::without_site_suffix(&t)),
        // The site's own name, known from the markup, is no part of the headline.
        (None, Some(t)) => Some(
            [site.as_deref(), tags.first(SITE_KEYS)]
                .into_iter()
                .flatten()
                .find_map(|s| strip_site(&t, s))
                .or_else(|| {
                    // Only a trailing part (a leading one is often the product's own name), and
                    // not down to one word (an encyclopedia's "Mozilla - Wikipedia").
                    let url = canonical_url(dom, tags)?;
                    let stripped = strip_part(&t, |part| names_host(part, &url))?;
                    let words = stripped.split_whitespace().count();
                    (t.starts_with(&stripped) && words >= 2).then_some(stripped)
                })
                .unwrap_or(t),
        ),
        (None, None) => None,
    };
    // A JSON-LD "author" that is the site itself names no person.
    let is_site = |name: &str| {
        let name = loose_name(name);
        name.is_empty()
            || [site.as_deref(), tags.first(SITE_KEYS)]
                .into_iter()
                .flatten()
                .any(|s| loose_name(s) == name)
    };
    let ld_people: Vec<Author> = ld
        .authors
        .iter()
        .filter(|a| !is_site(a))
        .map(|a| Author::named(a.clone()))
        .collect();
    let authors: Vec<Author> = if !ld_people.is_empty() {
        ld_people
    } else {
        person_from_tags(tags, AUTHOR_KEYS)
            .or_else(|| labelled_card_author(tags))
            .into_iter()
            .collect()
    };
    let date = |ld: &Option<String>, keys: &[&str]| -> Option<Date> {
        ld.as_deref()
            .and_then(parse_date)
            .or_else(|| tags.first(keys).and_then(parse_date))
    };
    let url = canonical_url(dom, tags);
    let times = time_element_dates(dom);
    let published = pubdate::local_first(
        ld.published.as_deref().and_then(parse_date),
        tags.first(PUBLISHED_KEYS).and_then(parse_date),
    )
    .or_else(|| published_by_key(tags));
    let sources = pubdate::DateSources {
        published: times.iter().fold(published, |p, t| {
            p.map(|p| pubdate::local_first(Some(p), Some(*t)).unwrap_or(p))
        }),
        modified: date(&ld.modified, MODIFIED_KEYS),
        times,
        visible: headline
            .as_ref()
            .map(|(id, _)| *id)
            .or_else(|| h1s.first().map(|(id, _)| *id))
            .and_then(|id| pubdate::near_headline(dom, id)),
        url: url.as_deref().and_then(pubdate::url_date),
        labelled: None,
        anywhere: None,
    };
    // The page's text is searched only when the markup and the headline say nothing.
    let sources = if sources.published.is_none() && sources.visible.is_none() {
        pubdate::DateSources {
            labelled: pubdate::labelled(dom, &masks.never),
            anywhere: pubdate::first_in_text(dom, masks.elsewhere()),
            ..sources
        }
    } else {
        sources
    };
    let mut meta = Meta {
        title,
        authors,
        published: sources.choose(),
        modified: sources.modified,
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
        url,
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
        meta.published = ld.created.as_deref().and_then(parse_date);
    }
    meta
}

/// The author a Twitter card names in its label/data pairs (`twitter:label1` "Written by",
/// `twitter:data1` the name), as blog engines write them.
fn labelled_card_author(tags: &MetaTags) -> Option<Author> {
    (1..=4).find_map(|n| {
        let label = tags.first(&[&format!("twitter:label{n}")])?.to_lowercase();
        let names_author = label.contains("written by") || label.starts_with("author");
        names_author
            .then(|| tags.first(&[&format!("twitter:data{n}")]))
            .flatten()
            .filter(|d| !looks_like_url(d))
            .map(|d| Author::named(clean_byline(d)))
    })
}

/// A name compared loosely: case and surrounding punctuation do not matter.
fn loose_name(s: &str) -> String {
    collapse_ws(s)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// An author for pages whose text names none: a JSON-LD author that is the site itself
/// (set aside by [`page_meta`] in favour of a visible byline), else the weaker meta tags.
pub fn fallback_author(dom: &Dom, tags: &MetaTags) -> Option<Author> {
    jsonld::article(dom)
        .authors
        .into_iter()
        .find(|a| !loose_name(a).is_empty())
        .map(Author::named)
        .or_else(|| person_from_tags(tags, WEAK_AUTHOR_KEYS))
}

fn person_from_tags(tags: &MetaTags, keys: &[&str]) -> Option<Author> {
    keys.iter()
        .filter_map(|k| tags.first(&[k]))
        .find(|a| !looks_like_url(a) && !a.starts_with('@'))
        .map(|a| Author::named(clean_byline(a)))
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

/// The words of a text, lowercase.
fn lowercase_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the words of `b` that `a` has too (0 to 1).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (lowercase_words(a), lowercase_words(b));
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
    // Escaped twice, like meta tags.
    Some(collapse_ws(&super::entities::unescape(&dom.text(id)))).filter(|t| !t.is_empty())
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

/// Separators between an article's title and the site's name in `<title>`; the last
/// four say the title sits in a hierarchy (`Site / Section / Title`).
const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

/// Byte offsets of the separators of a title (a separator char between two spaces).
fn separator_positions(title: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    chars
        .windows(3)
        .filter(|w| w[0].1 == ' ' && w[2].1 == ' ' && SEPARATORS.contains(&w[1].1))
        .map(|w| w[0].0)
        .collect()
}

/// The article's title from a `<title>`, as Readability cleans it: a part equal to the site
/// name goes; otherwise the last `| Site`-like part goes (the first one when what is left is
/// too short), a `Section: Title` loses its section, and a result of four words or less
/// that looks like a fragment gives the whole title back.
pub fn clean_title(title: &str, site: Option<&str>, headings: &[String]) -> String {
    let orig = collapse_ws(title);
    if let Some(stripped) = site.and_then(|s| strip_site(&orig, s)) {
        return stripped;
    }
    let words = |s: &str| s.split_whitespace().count();
    let seps = separator_positions(&orig);
    let mut hierarchical = false;
    let mut cur = orig.clone();
    if let Some(&last) = seps.last() {
        hierarchical = seps
            .iter()
            .any(|&i| orig[i + 1..].starts_with(HIERARCHICAL));
        cur = orig[..last].to_string();
        if words(&cur) < 3 {
            let first = seps[0];
            let after = orig[first + 1..]
                .char_indices()
                .nth(1)
                .map_or(orig.len(), |(i, _)| first + 1 + i);
            cur = orig[after..].to_string();
        }
    } else if orig.contains(": ") {
        if !headings.iter().any(|h| h.trim() == orig) {
            let after_last = orig.rfind(':').map_or(orig.as_str(), |i| &orig[i + 1..]);
            cur = after_last.to_string();
            if words(&cur) < 3 {
                cur = orig
                    .find(':')
                    .map_or(orig.as_str(), |i| &orig[i + 1..])
                    .to_string();
            } else if orig.find(':').is_some_and(|i| words(&orig[..i]) > 5) {
                cur = orig.clone();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        if let [h1] = headings
            .iter()
            .filter(|h| !h.is_empty())
            .collect::<Vec<_>>()[..]
        {
            cur = h1.clone();
        }
    }
    let cur = collapse_ws(&cur);
    let without_separators = words(&orig.replace(SEPARATORS, ""));
    let n = words(&cur);
    if n <= 4 && (!hierarchical || n + 1 != without_separators) {
        orig
    } else {
        cur
    }
}

/// The title without a leading or trailing part that names the site.
fn strip_site(title: &str, site: &str) -> Option<String> {
    // A home page's title is its site's name, whole.
    if names_site(title, site) {
        return None;
    }
    strip_part(title, |part| names_site(part, site))
}

/// Whether a part of a title names the site: its name, the last words of it ("Professional
/// Tutoring" for "Julia Ross Professional Tutoring") or its initials ("WFA" for "World
/// Future Awards").
fn names_site(part: &str, site: &str) -> bool {
    let (p, s) = (lowercase_words(part), lowercase_words(site));
    if p.is_empty() {
        return false;
    }
    let initials: String = s.iter().filter_map(|w| w.chars().next()).collect();
    p == s
        || (p.len() >= 2 && s.ends_with(&p))
        || (s.len() >= 2
            && p.len() == 1
            && part.trim().chars().all(|c| c.is_uppercase())
            && p[0] == initials)
}

/// The title without a leading or trailing part (across a separator) that `is_site` names.
fn strip_part(title: &str, is_site: impl Fn(&str) -> bool) -> Option<String> {
    let seps = separator_positions(title);
    let (first, last) = (*seps.first()?, *seps.last()?);
    let same = |part: &str| is_site(part);
    let tail = title[last + 1..]
        .char_indices()
        .nth(1)
        .map(|(i, _)| &title[last + 1 + i..])?;
    if same(tail) {
        return Some(title[..last].trim().to_string());
    }
    let head = &title[..first];
    let rest = title[first + 1..]
        .char_indices()
        .nth(1)
        .map(|(i, _)| &title[first + 1 + i..])?;
    same(head).then(|| rest.trim().to_string())
}

/// Whether a part of a title names the site at `url`: its letters are the domain's name,
/// or hold it ("The Motley Fool" on fool.com, "Punto Rojo" on puntorojo.com).
fn names_host(part: &str, url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let names: Vec<&str> = labels[..labels.len().saturating_sub(1)]
        .iter()
        .copied()
        .filter(|l| l.len() >= 3 && *l != "www")
        .collect();
    let letters: String = part
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    // A name of three letters ("IBM" on ibm.com) only whole.
    letters.len() >= 3
        && names.iter().any(|n| {
            *n == letters || (n.len() >= 4 && (letters.contains(n) || n.contains(letters.as_str())))
        })
}

/// A byline without its "By" and trailing date or role clutter.
pub fn clean_byline(s: &str) -> String {
    let s = collapse_ws(s);
    let t = without_byline_label(&s).trim_start_matches([':', ',', '-', '|', ' ']);
    // What follows a separator is a date, a role or a reading time; a date may also come
    // first ("Dec. 19, 2025 · Ann Lee").
    let t = t
        .split(['•', '|', '·', '»'])
        .map(str::trim)
        .find(|p| !p.is_empty() && parse_date(p).is_none())
        .unwrap_or(t);
    let t = without_trailing_date(t.trim());
    let t = before_date_label(t);
    t.trim_end_matches([',', '|', '-', '·', '•'])
        .trim()
        .to_string()
}

/// A byline without its leading label: "By", "Written by", "Author:", or a short phrase
/// ending in "by" ("Text by", "This post was written by").
fn without_byline_label(s: &str) -> &str {
    let lower = s.to_lowercase();
    for prefix in [
        "authors: ",
        "author: ",
        "authored by: ",
        "by: ",
        "von ",
        "par ",
        "por ",
    ] {
        if lower.starts_with(prefix) {
            return s.get(prefix.len()..).unwrap_or(s);
        }
    }
    // "by" among the first words, after words that are all lowercase but the first.
    let mut at = 0;
    for w in s.split(' ').take(6) {
        let by = w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("by:");
        if by {
            // Mid-text, only a lowercase "by" or one after a known label: "Stand By Me" is
            // a name, "Written By Ann" is not.
            let known = ["written", "posted", "published", "words", "text", "story"]
                .contains(&s[..at].trim().to_lowercase().as_str());
            let label = (at == 0 || w.starts_with('b') || known)
                && s[..at]
                    .split_whitespace()
                    .skip(1)
                    .all(|x| !x.chars().any(char::is_uppercase));
            if label {
                return s.get(at + w.len() + 1..).unwrap_or("");
            }
            break;
        }
        at += w.len() + 1;
    }
    s
}

/// Text before a date's label ("Ann Lee Last updated on", "Jo Roe on Friday").
fn before_date_label(s: &str) -> &str {
    let lower = s.to_lowercase();
    let mut cut = s.len();
    for label in [" last updated", " updated", " published on", " posted on"] {
        if let Some(i) = lower.find(label) {
            cut = cut.min(i);
        }
    }
    if let Some(i) = lower.rfind(" on ") {
        let rest = &lower[i + 4..];
        let weekday = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|d| rest.starts_with(d));
        if weekday || rest.starts_with(|c: char| c.is_ascii_digit()) {
            cut = cut.min(i);
        }
    }
    let t = s[..cut].trim_end();
    // "Ann Lee on" when the date was a separate element.
    t.strip_suffix(" on").unwrap_or(t)
}

/// Text without a date at its end ("Ann Lee May 20, 2019" is "Ann Lee").
fn without_trailing_date(s: &str) -> &str {
    let starts: Vec<usize> = s.match_indices(' ').map(|(i, _)| i).collect();
    starts
        .into_iter()
        .find(|&i| {
            let rest = &s[i + 1..];
            let first = rest.split_whitespace().next().unwrap_or("");
            let date_like = first.starts_with(|c: char| c.is_ascii_digit()) || is_month_name(first);
            date_like && parse_date(rest).is_some()
        })
        .map_or(s, |i| &s[..i])
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

/// The dates of the page's `<time>` elements: those marked as the publication date first,
/// then the others in document order.
fn time_element_dates(dom: &Dom) -> Vec<Date> {
    let times: Vec<NodeId> = dom.all().filter(|&id| dom.is(id, "time")).collect();
    let marked = |id: NodeId| {
        dom.attr(id, "pubdate").is_some()
            || dom
                .attr(id, "itemprop")
                .is_some_and(|p| p.contains("datePublished"))
    };
    let (first, rest): (Vec<NodeId>, Vec<NodeId>) = times.into_iter().partition(|&id| marked(id));
    first
        .into_iter()
        .chain(rest)
        .filter_map(|id| dom.attr(id, "datetime").and_then(parse_date))
        .collect()
}

/// A publication date under a key no list names (`w-published-date`, `published`): a key
/// that says "publish" with "date" or "time", or is just "published".
fn published_by_key(tags: &MetaTags) -> Option<Date> {
    let mut keys: Vec<&String> = tags
        .0
        .keys()
        .filter(|k| {
            let publish = k.contains("publish") && !k.contains("publisher");
            *k == "published" || (publish && (k.contains("date") || k.contains("time")))
        })
        .collect();
    keys.sort();
    keys.into_iter().find_map(|k| parse_date(&tags.0[k]))
}

/// The authors the page shows: its byline element, else a labelled name or an author link
/// near the headline. Returns the element holding them and the names.
pub fn page_byline(
    dom: &Dom,
    removed: &[bool],
    masks: &Masks,
    title: Option<&str>,
) -> Option<(NodeId, Vec<String>)> {
    if let Some((el, name)) = byline_element(dom, removed).filter(|(_, n)| !n.is_empty()) {
        let names = jsonld::split_names(&name);
        return Some((el, names));
    }
    let h1s = title::h1s(dom);
    let headline = title
        .and_then(|t| title::headline(&h1s, t))
        .or_else(|| h1s.first().cloned());
    if let Some(found) = headline.and_then(|(h, _)| byline::near_headline(dom, removed, h)) {
        return Some(found);
    }
    // An author box inside a widget or a header, away from comments and other stories.
    let looser = masks.elsewhere();
    byline_element(dom, looser)
        .filter(|(_, n)| !n.is_empty())
        .map(|(el, name)| (el, jsonld::split_names(&name)))
        .or_else(|| byline::labelled_anywhere(dom, looser))
        .or_else(|| byline::thread_starter(dom, looser))
}

/// The byline element of the page: `rel=author`, `itemprop=author`, or a class or id naming
/// a byline, with short text, outside what `removed` marks (page furniture). Returns the
/// element and the cleaned name.
pub fn byline_element(dom: &Dom, removed: &[bool]) -> Option<(NodeId, String)> {
    for id in dom.all() {
        if removed[id] || !matches!(dom.nodes[id].data, Data::Element { .. }) {
            continue;
        }
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
        let text = collapse_ws(&dom.text(id));
        if text.is_empty() || text.chars().count() >= 100 || all_code(dom, id) {
            continue;
        }
        // An itemprop=author block often wraps the name in itemprop=name.
        let name_el = dom
            .descendants(id)
            .find(|&d| dom.attr(d, "itemprop") == Some("name"));
        let raw = name_el.map_or(text, |n| collapse_ws(&dom.text(n)));
        let parts = byline::parts(dom, name_el.unwrap_or(id));
        let name = if byline::glued(dom, name_el.unwrap_or(id)) || byline::has_role(&parts) {
            byline::names_from_parts(&parts).join(", ")
        } else {
            clean_byline(&raw)
        };
        // A dateline marked up as a byline names nobody: what is left of it is a weekday or
        // a label ("Last updated:").
        let dateline = parse_date(&raw).is_some()
            && (name.split_whitespace().count() < 2 || name.ends_with(':'));
        if !name.is_empty() && !dateline && !byline::only_labels(&name) {
            return Some((id, name));
        }
    }
    None
}

/// Whether all the text below an element is code (`<code>--reset-author</code>`, an option
/// of a manual whose id names it): no one's name.
fn all_code(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id)
        .filter(|&d| matches!(&dom.nodes[d].data, Data::Text(t) if !t.trim().is_empty()))
        .all(|d| {
            dom.ancestors(d)
                .take_while(|&a| a != id)
                .any(|a| matches!(dom.tag(a), Some("code" | "kbd" | "samp" | "pre")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Meta {
        let dom = Dom::parse(html);
        page_meta(&dom, &MetaTags::collect(&dom), &Masks::new(&dom))
    }

    #[test]
    fn masks_are_those_of_never_content_and_elsewhere() {
        let dom = Dom::parse("<nav><p>a</p></nav><script>x</script><div class=comments>b</div>");
        let masks = Masks::new(&dom);
        let never = super::super::extract::never_content(&dom);
        assert_eq!(masks.never, never);
        assert_eq!(masks.elsewhere(), byline::elsewhere(&dom, &never));
        assert!(
            masks.elsewhere().iter().filter(|&&m| m).count() > never.iter().filter(|&&m| m).count()
        );
    }

    #[test]
    fn title_loses_site_suffix() {
        let h = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases = [
            ("Guns | BBC News", Some("BBC News"), h(&[]), "Guns"),
            (
                "BBC News - Obama talks guns",
                Some("bbc news"),
                h(&[]),
                "Obama talks guns",
            ),
            (
                "Why all our tests matter - Example Blog",
                None,
                h(&[]),
                "Why all our tests matter",
            ),
            (
                "Why tests matter - Blog",
                None,
                h(&[]),
                "Why tests matter - Blog",
            ),
            (
                "Why our tests matter | Code | Blog",
                None,
                h(&[]),
                "Why our tests matter | Code",
            ),
            (
                "Blog » Why our tests matter so",
                None,
                h(&[]),
                "Why our tests matter so",
            ),
            (
                "Mozilla - Wikipedia",
                None,
                h(&["Mozilla"]),
                "Mozilla - Wikipedia",
            ),
            (
                "News: The long title of the story",
                None,
                h(&[]),
                "The long title of the story",
            ),
            (
                "Short",
                None,
                h(&["The one heading of the page"]),
                "The one heading of the page",
            ),
            ("Plain title", Some("Site"), h(&[]), "Plain title"),
        ];
        for (title, site, headings, want) in cases {
            assert_eq!(clean_title(title, site, &headings), want, "{title}");
        }
    }

    #[test]
    fn references_escaped_twice_are_read() {
        let m = meta_of(
            r#"<html><head><title>Kneelers &amp;amp; More</title>
            <meta property="og:site_name" content="Caf&amp;eacute; &amp;bull; Shop">
            </head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Kneelers & More"));
        assert_eq!(m.publisher.as_deref(), Some("Café • Shop"));
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
    fn microdata_dates_of_the_first_item() {
        let m = meta_of(concat!(
            r#"<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><h1>Thread</h1>"#,
            r#"<meta itemprop="datePublished" content="2024-01-03T11:23:42-05:00"><p>Question</p>"#,
            r#"<div itemscope itemtype="https://schema.org/Comment">"#,
            r#"<meta itemprop="datePublished" content="2024-09-26T01:50:27-04:00"><p>Reply</p>"#,
            "</div></div>"
        ));
        assert_eq!(
            m.published.unwrap().to_string(),
            "2024-01-03T11:23:42-05:00"
        );
    }

    #[test]
    fn author_of_a_labelled_twitter_card() {
        let m = meta_of(
            r#"<meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="5 minutes">
            <meta name="twitter:label2" content="Written by">
            <meta name="twitter:data2" content="Al Swann"><p>x"#,
        );
        assert_eq!(m.byline().as_deref(), Some("Al Swann"));
    }

    #[test]
    fn site_name_leaves_a_metadata_title() {
        let m = meta_of(
            r#"<title>x</title><meta property="og:title" content="Best Stocks of 2025 | The Fool">
            <meta property="og:site_name" content="The Fool"><h1>Stocks to buy</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Best Stocks of 2025"));
        let m = meta_of(
            r#"<meta property="og:title" content="Best Stocks | Weekly">
            <meta property="og:site_name" content="The Fool"><h1>Stocks to buy</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Best Stocks | Weekly"));
    }

    #[test]
    fn site_named_in_part_or_by_initials() {
        let site = "Julia Ross Professional Tutoring";
        assert_eq!(
            strip_site("Admission Plans | Professional Tutoring", site).as_deref(),
            Some("Admission Plans")
        );
        assert_eq!(
            strip_site("Top 100 Companies | WFA", "World Future Awards").as_deref(),
            Some("Top 100 Companies")
        );
        // Not one word of the name, not lowercase initials, not the site's own title.
        assert_eq!(strip_site("Admission Plans | Tutoring", site), None);
        assert_eq!(
            strip_site("Top Companies | wfa", "World Future Awards"),
            None
        );
        let home = "Daily News - Latest News & Headlines";
        assert_eq!(strip_site(home, home), None);
    }

    #[test]
    fn title_part_naming_the_domain() {
        assert!(names_host("The Motley Fool", "https://www.fool.com/x"));
        assert!(names_host("Punto Rojo", "https://puntorojo.com/a"));
        assert!(names_host("IBM", "https://www.ibm.com/services"));
        assert!(!names_host("IB", "https://www.ibm.com/services"));
        assert!(!names_host("The IBMers", "https://www.ibm.com/services"));
        assert!(!names_host("Cloud stocks", "https://www.fool.com/x"));
        assert!(!names_host("Co", "https://co.uk/"));
        let m = meta_of(
            r#"<link rel="canonical" href="https://www.fool.com/a/">
            <meta property="og:title" content="Best Stocks of 2025 | The Motley Fool">
            <meta property="og:title" content="Best Stocks of 2025 | The Motley Fool"><h1>Other</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Best Stocks of 2025"));
        let m = meta_of(
            r#"<link rel="canonical" href="https://en.wikipedia.org/wiki/Mozilla">
            <meta property="og:title" content="Mozilla - Wikipedia"><h1>Other</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Mozilla - Wikipedia"));
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
        let none = vec![false; dom.nodes.len()];
        let (_, name) = byline_element(&dom, &none).unwrap();
        assert_eq!(name, "Ann Lee");
        assert_eq!(clean_byline("Written by Bob, "), "Bob");
        assert_eq!(clean_byline("Published by Jo Roe"), "Jo Roe");
        assert_eq!(clean_byline("BY: JO ROE"), "JO ROE");
        assert_eq!(clean_byline("Ann Lee May 20, 2019"), "Ann Lee");
        assert_eq!(clean_byline("James Akinaka • 8h"), "James Akinaka");
        assert_eq!(clean_byline("Theresa May"), "Theresa May");
        assert_eq!(clean_byline("Text by Hunter Dukes"), "Hunter Dukes");
        assert_eq!(clean_byline("This post was written by Dan Pad"), "Dan Pad");
        assert_eq!(clean_byline("Author: Ash Bian"), "Ash Bian");
        assert_eq!(clean_byline("Post by galit »"), "galit");
        assert_eq!(clean_byline("Craig Mc Last updated on"), "Craig Mc");
        assert_eq!(clean_byline("Beau on Friday"), "Beau");
        assert_eq!(clean_byline("Matt Mill on"), "Matt Mill");
        assert_eq!(clean_byline("Dec. 19, 2025 · Niko Mat"), "Niko Mat");
        assert_eq!(clean_byline("Written By: Cel Long"), "Cel Long");
        assert_eq!(
            clean_byline("Flow EMEA on 04-ago-2021 5:11:10"),
            "Flow EMEA"
        );
        assert_eq!(clean_byline("Stand By Me Fan"), "Stand By Me Fan");
        let dom = Dom::parse(
            r#"<span class="byline">Sunday, Feb 1, 2015</span><a rel="author">Jo Roe</a>"#,
        );
        let none = vec![false; dom.nodes.len()];
        assert_eq!(byline_element(&dom, &none).unwrap().1, "Jo Roe");
        let dom = Dom::parse(
            r#"<p class="byline">Last updated: May 2, 2020</p><p class="author">Al Bo</p>"#,
        );
        let none = vec![false; dom.nodes.len()];
        assert_eq!(byline_element(&dom, &none).unwrap().1, "Al Bo");
        // A manual's option whose id names it is code, no one's name.
        let dom = Dom::parse(
            r#"<dl><dt id="opt--reset-author"><code>--reset-author</code></dt><dd>Resets.</dd></dl><p class="author">Al Bo</p>"#,
        );
        let none = vec![false; dom.nodes.len()];
        assert_eq!(byline_element(&dom, &none).unwrap().1, "Al Bo");
    }
}

//! The article object of a page's JSON-LD (`<script type="application/ld+json">`): schema.org
//! `Article` and its kinds (`NewsArticle`, `BlogPosting`...), found at the top, in arrays or
//! in an `@graph`, with `@id` references resolved.

use super::dom::{collapse_ws, Dom};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What the JSON-LD says of the article; every field optional.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LdArticle {
    /// `headline`.
    pub headline: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// `datePublished`.
    pub published: Option<String>,
    /// `dateCreated`: a last resort for the publication date.
    pub created: Option<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// The image URL.
    pub image: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `description`.
    pub description: Option<String>,
}

/// schema.org types of articles (and their common subtypes, matched by suffix).
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article")
        || t.ends_with("Posting")
        || t == "Report"
        || t == "APIReference"
        // The question a Q&A page is about: its asker is the thread's author.
        || t == "Question"
}

/// What the page's JSON-LD says of its article.
pub fn article(dom: &Dom) -> LdArticle {
    from_nodes(&nodes(dom))
}

/// The objects of the page's JSON-LD scripts, flattened.
fn nodes(dom: &Dom) -> Vec<Map<String, Value>> {
    let mut nodes = Vec::new();
    for id in dom.all().filter(|&id| dom.is(id, "script")) {
        let is_ld = dom
            .attr(id, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_ld {
            if let Some(v) = parse_script(&dom.text(id)) {
                flatten(v, &mut nodes, 0);
            }
        }
    }
    nodes
}

/// The types of the page's JSON-LD and microdata items without their vocabulary
/// (`Product`, `QAPage`): what the page says it is, gathered once.
pub struct ItemTypes(Vec<String>);

impl ItemTypes {
    /// The types the page's items declare.
    pub fn of(dom: &Dom) -> ItemTypes {
        let last = |t: &str| t.rsplit(['/', ':']).next().unwrap_or(t).to_string();
        let microdata = dom.all().filter_map(|id| dom.attr(id, "itemtype"));
        ItemTypes(
            nodes(dom)
                .iter()
                .flat_map(types_of)
                .chain(microdata.flat_map(str::split_whitespace))
                .map(last)
                .collect(),
        )
    }

    fn is(&self, name: &str) -> bool {
        self.0.iter().any(|t| t == name)
    }

    /// Whether the page is a discussion (a forum thread, a question and its answers) whose
    /// comments are its posts: the `Comment`s of a thread are its replies, those of a
    /// question page remarks on its answers.
    pub fn comments_are_posts(&self) -> bool {
        let question = self.is("QAPage") || self.is("Question") || self.is("Answer");
        (self.is("DiscussionForumPosting") || question) && !(self.is("Comment") && question)
    }

    /// Whether the page describes a product: an item of type `Product`, or `og:type`
    /// "product" among the meta tags of its head.
    pub fn describe_a_product(&self, dom: &Dom) -> bool {
        self.is("Product")
            || dom.find("head").is_some_and(|head| {
                dom.descendants(head).any(|id| {
                    dom.is(id, "meta")
                        && dom.attr(id, "property") == Some("og:type")
                        && dom
                            .attr(id, "content")
                            .is_some_and(|c| c.trim().eq_ignore_ascii_case("product"))
                })
            })
    }
}

/// Parses the text of a script, tolerating CDATA wrappers and HTML comments around it.
fn parse_script(text: &str) -> Option<Value> {
    let t = text
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    serde_json::from_str(t).ok().or_else(|| {
        // What browsers' script engines forgive and JSON does not: line breaks inside
        // strings, `//` comments, several objects one after the other.
        let relaxed = relaxed_json(t);
        serde_json::from_str(&relaxed)
            .or_else(|_| serde_json::from_str(&format!("[{relaxed}]")))
            .ok()
    })
}

/// JSON text with the control characters inside its strings made spaces and the `//`
/// comments outside them left out.
fn relaxed_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            out.push(if c.is_control() { ' ' } else { c });
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => {
                while chars.next_if(|&n| n != '\n').is_some() {}
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Every object of a JSON-LD value that is a top-level item: array members and `@graph`
/// members, depth-capped.
fn flatten(v: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(xs) => xs.into_iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            // A page's main entity (the question of a Q&A page) is an item of its own.
            if let Some(main) = o.get("mainEntity").filter(|m| m.is_object()) {
                flatten(main.clone(), out, depth + 1);
            }
            out.push(o);
        }
        _ => {}
    }
}

fn types_of(o: &Map<String, Value>) -> Vec<&str> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(xs)) => xs.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What JSON-LD objects say of an article, the first that says a thing winning.
pub fn from_nodes(nodes: &[Map<String, Value>]) -> LdArticle {
    let by_id: HashMap<&str, &Map<String, Value>> = nodes
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, o)))
        .collect();
    // A page without an article object often dates its `WebPage` object instead.
    let dated = nodes.iter().find(|o| o.contains_key("datePublished"));
    let page_date = |k: &str| dated.and_then(|o| o.get(k)).and_then(as_text);
    let Some(art) = nodes
        .iter()
        .find(|o| types_of(o).iter().any(|t| is_article_type(t)))
    else {
        return LdArticle {
            published: page_date("datePublished"),
            modified: page_date("dateModified"),
            ..LdArticle::default()
        };
    };
    let resolve = |v: &'_ Value| -> Value {
        match v {
            Value::Object(o) if o.len() == 1 => o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| by_id.get(id))
                .map(|o| Value::Object((*o).clone()))
                .unwrap_or_else(|| v.clone()),
            other => other.clone(),
        }
    };
    let text = |k: &str| art.get(k).and_then(as_text);
    let authors = match art.get("author") {
        Some(Value::Array(xs)) => xs.iter().filter_map(|x| name_of(&resolve(x))).collect(),
        Some(v) => name_of(&resolve(v))
            .into_iter()
            .flat_map(|names| split_names(&names))
            .collect(),
        None => Vec::new(),
    };
    LdArticle {
        headline: text("headline"),
        name: text("name"),
        authors,
        published: text("datePublished").or_else(|| page_date("datePublished")),
        created: text("dateCreated"),
        modified: text("dateModified").or_else(|| page_date("dateModified")),
        publisher: art
            .get("publisher")
            .map(&resolve)
            .as_ref()
            .and_then(name_of),
        image: art.get("image").and_then(url_of),
        language: text("inLanguage"),
        description: text("description"),
    }
}

/// Text of a string (or a language-tagged `@value`), whitespace collapsed.
fn as_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("@value")?.as_str()?,
        Value::Array(xs) => return xs.iter().find_map(as_text),
        _ => return None,
    };
    // Escaped for HTML, sometimes twice (`&amp;#8230;`).
    let unescape = super::entities::unescape;
    Some(collapse_ws(&unescape(&unescape(s)))).filter(|s| !s.is_empty())
}

/// The name of a person or organization given as an object or a string.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.get("name").and_then(as_text),
        Value::Array(xs) => xs.iter().find_map(name_of),
        other => as_text(other),
    }
    .filter(|n| !n.starts_with("http"))
}

/// One string naming several people ("A, B and C") becomes several names.
pub fn split_names(names: &str) -> Vec<String> {
    names
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("url").or_else(|| o.get("@id")).and_then(url_of),
        Value::Array(xs) => xs.iter().find_map(url_of),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> LdArticle {
        let dom = Dom::parse(&format!(
            r#"<script type="application/ld+json">{json}</script><p>x</p>"#
        ));
        article(&dom)
    }

    #[test]
    fn a_thread_or_a_question_has_its_comments_for_posts() {
        let page = |head: &str| {
            Dom::parse(&format!(
                "<html><head>{head}</head><body><p>x</p></body></html>"
            ))
        };
        let ld = |json: &str| {
            page(&format!(
                r#"<script type="application/ld+json">{json}</script>"#
            ))
        };
        let posts = |dom: Dom| ItemTypes::of(&dom).comments_are_posts();
        assert!(posts(ld(
            r#"{"@type":"DiscussionForumPosting","headline":"H"}"#
        )));
        assert!(posts(ld(
            r#"{"@graph":[{"@type":"WebSite"},{"@type":"QAPage"}]}"#
        )));
        assert!(posts(page(
            r#"<meta itemtype="https://schema.org/Question">"#
        )));
        assert!(!posts(ld(r#"{"@type":"NewsArticle","headline":"H"}"#)));
        assert!(!posts(page("")));
        // Comments marked up apart from the answers are remarks on them; a thread's are its
        // replies.
        assert!(!posts(page(
            r#"<meta itemtype="https://schema.org/QAPage"><meta itemtype="https://schema.org/Comment">"#
        )));
        assert!(posts(page(
            r#"<div itemtype="https://schema.org/DiscussionForumPosting"><article itemtype="https://schema.org/Comment"></article></div>"#
        )));
    }

    #[test]
    fn news_article_fields() {
        let a = ld(r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Head &amp; line &amp;#8230;","author":[{"@type":"Person","name":"Ann"},"Bob"],
            "datePublished":"2020-05-06T07:08:09Z","publisher":{"name":"Daily"},
            "image":{"url":"http://i/x.png"},"inLanguage":"en-GB"}"#);
        assert_eq!(a.headline.as_deref(), Some("Head & line …"));
        assert_eq!(a.authors, ["Ann", "Bob"]);
        assert_eq!(a.published.as_deref(), Some("2020-05-06T07:08:09Z"));
        assert_eq!(a.publisher.as_deref(), Some("Daily"));
        assert_eq!(a.image.as_deref(), Some("http://i/x.png"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn what_script_engines_forgive_is_read() {
        let a = ld(
            "{\"@type\":\"DiscussionForumPosting\",\"text\":\"line\n\tbreak\",
            \"datePublished\": \"2024-02-21 13:00:00\", // posted at
            \"author\": {\"@type\": \"Person\", \"name\": \"Ann\"}}",
        );
        assert_eq!(a.published.as_deref(), Some("2024-02-21 13:00:00"));
        assert_eq!(a.authors, ["Ann"]);
        let a = ld(r#"{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"H"}"#);
        assert_eq!(a.headline.as_deref(), Some("H"));
    }

    #[test]
    fn graph_with_references() {
        let a = ld(r##"{"@graph":[{"@type":"WebSite","@id":"#site","name":"S"},
            {"@type":["BlogPosting"],"headline":"H","author":{"@id":"#p"},"publisher":{"@id":"#o"}},
            {"@type":"Person","@id":"#p","name":"Pat Doe"},
            {"@type":"Organization","@id":"#o","name":"Org"}]}"##);
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.authors, ["Pat Doe"]);
        assert_eq!(a.publisher.as_deref(), Some("Org"));
    }

    #[test]
    fn question_of_a_qa_page() {
        let a = ld(
            r#"{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Q?",
            "datePublished":"2024-09-05T23:15:57Z","author":{"@type":"Person","name":"dale"}}}"#,
        );
        assert_eq!(a.authors, ["dale"]);
        assert_eq!(a.published.as_deref(), Some("2024-09-05T23:15:57Z"));
    }

    #[test]
    fn a_product_by_json_ld_microdata_or_open_graph() {
        let ld = |t: &str| {
            Dom::parse(&format!(
                r#"<script type="application/ld+json">{{"@type":"{t}","name":"Desk"}}</script>"#
            ))
        };
        let describes_a_product = |dom: &Dom| ItemTypes::of(dom).describe_a_product(dom);
        assert!(describes_a_product(&ld("Product")));
        assert!(!describes_a_product(&ld("NewsArticle")));
        let dom = Dom::parse(r#"<div itemscope itemtype="https://schema.org/Product">Desk</div>"#);
        assert!(describes_a_product(&dom));
        let dom = Dom::parse(r#"<head><meta property="og:type" content="product"></head>"#);
        assert!(describes_a_product(&dom));
    }

    #[test]
    fn non_articles_and_bad_json_give_nothing() {
        assert_eq!(
            ld(r#"{"@type":"WebSite","name":"S"}"#),
            LdArticle::default()
        );
        assert_eq!(ld(r#"{"@type":"Article", oops"#), LdArticle::default());
        let page = ld(r#"{"@graph":[{"@type":"WebPage","name":"P",
            "datePublished":"2021-01-27T06:00:00+00:00","dateModified":"2021-04-15"}]}"#);
        assert_eq!(page.published.as_deref(), Some("2021-01-27T06:00:00+00:00"));
        assert_eq!(page.modified.as_deref(), Some("2021-04-15"));
        assert_eq!(page.name, None);
        assert_eq!(
            ld(r#"{"@type":"Article","author":"A and B"}"#).authors,
            ["A", "B"]
        );
    }
}

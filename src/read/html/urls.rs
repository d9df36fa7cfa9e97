//! Links and image sources made absolute, lazy-loaded and responsive images resolved,
//! script URLs refused.

use super::dom::{Dom, NodeId};
use url::Url;

/// Resolves references against the page's base URL, when there is one.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    base: Option<Url>,
}

impl Resolver {
    /// The base of a page: its `<base href>` (itself resolved against the page URL), else the
    /// page URL: canonical link, `og:url`, or the one given by the caller.
    pub fn for_page(dom: &Dom, page_url: Option<&str>, given: Option<&str>) -> Resolver {
        let page = page_url
            .or(given)
            .and_then(|u| Url::parse(u).ok())
            .or_else(|| given.and_then(|u| Url::parse(u).ok()));
        let base_href = dom
            .all()
            .find(|&id| dom.is(id, "base") && dom.attr(id, "href").is_some())
            .and_then(|id| dom.attr(id, "href"));
        let base = match base_href {
            Some(href) => match &page {
                Some(p) => p.join(href.trim()).ok(),
                None => Url::parse(href.trim()).ok(),
            },
            None => None,
        };
        Resolver {
            base: base.or(page),
        }
    }

    /// An absolute URL, or the reference as it is when there is no base; `None` for script
    /// URLs. Fragment-only references stay as they are.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let r = reference.trim();
        let scheme: String = r
            .chars()
            .take(11)
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if scheme.starts_with("javascript:") || scheme.starts_with("vbscript:") || r.is_empty() {
            return None;
        }
        if r.starts_with('#') {
            return Some(r.to_string());
        }
        match &self.base {
            Some(b) => Some(
                b.join(r)
                    .map(String::from)
                    .unwrap_or_else(|_| r.to_string()),
            ),
            None => Some(r.to_string()),
        }
    }
}

/// The best source of an image: the largest `srcset` candidate, lazy-loading attributes
/// over a placeholder `src`, then `src`.
pub fn image_source(dom: &Dom, img: NodeId) -> Option<String> {
    let attr = |k: &str| dom.attr(img, k).map(str::trim).filter(|v| !v.is_empty());
    let lazy = [
        "data-src",
        "data-lazy-src",
        "data-original",
        "data-url",
        "data-hi-res-src",
        "data-lazy",
    ]
    .iter()
    .find_map(|k| attr(k))
    .filter(|v| !v.starts_with("data:"));
    let srcset = ["data-srcset", "srcset", "data-lazy-srcset"]
        .iter()
        .find_map(|k| attr(k))
        .and_then(best_in_srcset);
    let src = attr("src").filter(|s| !is_placeholder(s));
    srcset
        .or(lazy.map(str::to_string))
        .or(src.map(str::to_string))
}

/// A `data:` image too small to be anything but a lazy-loading placeholder.
fn is_placeholder(src: &str) -> bool {
    src.starts_with("data:") && src.len() < 200
}

/// The candidate of a `srcset` with the largest width or density.
pub fn best_in_srcset(srcset: &str) -> Option<String> {
    srcset
        .split(", ")
        .flat_map(|part| part.split(",\n"))
        .filter_map(|cand| {
            let mut it = cand.split_whitespace();
            let url = it.next()?;
            let size = it
                .next()
                .and_then(|d| d.get(..d.len().saturating_sub(1))?.parse::<f64>().ok())
                .unwrap_or(1.0);
            Some((url, size))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(u, _)| u.trim_end_matches(',').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_element_over_page_url() {
        let dom = Dom::parse(r#"<base href="/sub/"><p>x</p>"#);
        let r = Resolver::for_page(&dom, Some("http://h.example/a/page.html"), None);
        assert_eq!(
            r.resolve("img.png").unwrap(),
            "http://h.example/sub/img.png"
        );
        assert_eq!(r.resolve("#top").unwrap(), "#top");
        assert_eq!(r.resolve(" JavaScript:alert(1)"), None);
    }

    #[test]
    fn no_base_keeps_references() {
        let r = Resolver::for_page(&Dom::parse("<p>x"), None, None);
        assert_eq!(r.resolve("a/b.html").unwrap(), "a/b.html");
        let r = Resolver::for_page(&Dom::parse("<p>x"), None, Some("https://e.org/x/"));
        assert_eq!(r.resolve("b.html").unwrap(), "https://e.org/x/b.html");
    }

    #[test]
    fn lazy_and_responsive_images() {
        let dom = Dom::parse(
            r#"<img src="data:image/gif;base64,R0lGOD" data-src="real.jpg"><img srcset="s.jpg 320w, l.jpg 1024w, m.jpg 640w" src="s.jpg"><img src="plain.png">"#,
        );
        let imgs: Vec<_> = dom.all().filter(|&i| dom.is(i, "img")).collect();
        let srcs: Vec<_> = imgs.iter().map(|&i| image_source(&dom, i)).collect();
        assert_eq!(
            srcs,
            [
                Some("real.jpg".into()),
                Some("l.jpg".into()),
                Some("plain.png".into())
            ]
        );
        assert_eq!(
            best_in_srcset("a.jpg 1x, b.jpg 2x").as_deref(),
            Some("b.jpg")
        );
    }
}

//! Links and image sources made absolute, lazy-loaded and responsive images resolved,
//! script URLs refused.

use super::dom::{Dom, NodeId};
use std::path::{Path, PathBuf};
use url::Url;

/// Resolves references against the page's base URL, when there is one.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    base: Option<Url>,
    /// The folder of the page's file, whose files images may name (a page saved "complete").
    folder: Option<PathBuf>,
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
            folder: None,
        }
    }

    /// Image references to files beside the page's file stay relative to it, whatever the
    /// page's web address: a browser saves a page "complete" as `page.html` and `page_files/`.
    pub fn with_folder(mut self, folder: Option<&Path>) -> Resolver {
        self.folder = folder.map(Path::to_path_buf);
        self
    }

    /// The source of an image: a file beside the page's file as it is, else as [`Self::resolve`].
    pub fn resolve_image(&self, reference: &str) -> Option<String> {
        let r = reference.trim();
        if let Some(folder) = &self.folder {
            let relative = !r.starts_with('/') && !r.contains(':') && !r.starts_with('#');
            if relative && local_file(folder, r) {
                return Some(r.to_string());
            }
        }
        self.resolve(reference)
    }

    /// An absolute URL, or the reference as it is when there is no base; `None` for the
    /// URLs [`crate::safety::url_allowed`] refuses. Fragment-only references stay as they are.
    pub fn resolve(&self, reference: &str) -> Option<String> {
        let r = reference.trim();
        if r.is_empty() || !crate::safety::url_allowed(r) {
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

/// Whether a relative URL names a file in a folder (`page_files/a%20b.png`).
fn local_file(folder: &Path, reference: &str) -> bool {
    let Ok(folder) = std::fs::canonicalize(folder) else {
        return false;
    };
    let path = Url::from_directory_path(&folder)
        .ok()
        .and_then(|base| base.join(reference).ok())
        .and_then(|url| url.to_file_path().ok());
    path.is_some_and(|p| p.starts_with(&folder) && p.is_file())
}

/// The source of an image best for an e-reader: a `srcset` candidate of the image or of the
/// `<source>`s of its `<picture>` (see [`best_in_srcset`]), lazy-loading attributes over a
/// placeholder `src`, then `src`.
pub fn image_source(dom: &Dom, img: NodeId) -> Option<String> {
    let attr = |id: NodeId, k: &str| dom.attr(id, k).map(str::trim).filter(|v| !v.is_empty());
    let lazy = [
        "data-src",
        "data-lazy-src",
        "data-original",
        "data-url",
        "data-hi-res-src",
        "data-lazy",
    ]
    .iter()
    .find_map(|k| attr(img, k))
    .filter(|v| !v.starts_with("data:"));
    let srcset_of = |id: NodeId| {
        ["data-srcset", "srcset", "data-lazy-srcset"]
            .iter()
            .find_map(|k| attr(id, k))
    };
    let mut srcsets: Vec<&str> = srcset_of(img).into_iter().collect();
    if let Some(picture) = dom.parent(img).filter(|&p| dom.is(p, "picture")) {
        srcsets.extend(
            dom.children(picture)
                .iter()
                .filter(|&&c| dom.is(c, "source") && readable_type(dom.attr(c, "type")))
                .filter_map(|&c| srcset_of(c)),
        );
    }
    let src = attr(img, "src").filter(|s| !is_placeholder(s));
    best_in_srcset(&srcsets.join(", "))
        .or(lazy.map(str::to_string))
        .or(src.map(str::to_string))
}

/// Whether a `<source type>` is one e-readers show or folio converts (not AVIF or JPEG XL).
fn readable_type(media_type: Option<&str>) -> bool {
    let t = media_type.map(|t| t.trim().to_ascii_lowercase());
    match t.as_deref() {
        None | Some("") => true,
        Some(t) => [
            "image/jpeg",
            "image/jpg",
            "image/png",
            "image/gif",
            "image/webp",
            "image/svg+xml",
        ]
        .contains(&t),
    }
}

/// A `data:` image too small to be anything but a lazy-loading placeholder.
fn is_placeholder(src: &str) -> bool {
    src.starts_with("data:") && src.len() < 200
}

/// The widest picture worth taking for an e-reader (screens are 600 to 1600 pixels wide).
const MAX_READER_WIDTH: f64 = 1600.0;

/// The candidate of a `srcset` that suits an e-reader: by width, the widest up to 1600
/// pixels (else the narrowest); by density alone, the highest up to 2x (else the lowest).
pub fn best_in_srcset(srcset: &str) -> Option<String> {
    let candidates: Vec<(&str, char, f64)> = srcset
        .split(", ")
        .flat_map(|part| part.split(",\n"))
        .filter_map(|cand| {
            let mut it = cand.split_whitespace();
            let url = it.next()?.trim_end_matches(',');
            let (kind, size) = match it.next() {
                Some(d) => {
                    let kind = d.chars().last()?.to_ascii_lowercase();
                    (kind, d.get(..d.len() - 1)?.parse::<f64>().ok()?)
                }
                None => ('x', 1.0),
            };
            (!url.is_empty() && size > 0.0).then_some((url, kind, size))
        })
        .collect();
    let pick = |kind: char, most: f64| {
        let of_kind = || candidates.iter().filter(move |c| c.1 == kind);
        of_kind()
            .filter(|c| c.2 <= most)
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .or_else(|| of_kind().min_by(|a, b| a.2.total_cmp(&b.2)))
    };
    pick('w', MAX_READER_WIDTH)
        .or_else(|| pick('x', 2.0))
        .map(|c| c.0.to_string())
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
            best_in_srcset("a.jpg 1x, b.jpg 2x, c.jpg 3x").as_deref(),
            Some("b.jpg")
        );
    }

    #[test]
    fn srcset_candidates_for_e_readers() {
        let best = |s: &str| best_in_srcset(s);
        assert_eq!(
            best("s.jpg 400w, m.jpg 1200w, l.jpg 1600w, xl.jpg 3000w").as_deref(),
            Some("l.jpg")
        );
        assert_eq!(
            best("xl.jpg 3000w, xxl.jpg 5000w").as_deref(),
            Some("xl.jpg")
        );
        assert_eq!(best("a.jpg 320w, b.jpg 640w").as_deref(), Some("b.jpg"));
        assert_eq!(best("a,b.jpg 500w, c.jpg 900w").as_deref(), Some("c.jpg"));
        assert_eq!(best("").as_deref(), None);
        let dom = Dom::parse(
            r#"<picture><source type="image/avif" srcset="a.avif 1200w"><source media="(min-width: 600px)" srcset="p.webp 1200w, q.webp 2400w" type="image/webp"><img src="small.jpg" alt="x"></picture>"#,
        );
        let img = dom.all().find(|&i| dom.is(i, "img")).unwrap();
        assert_eq!(image_source(&dom, img).as_deref(), Some("p.webp"));
    }
}

//! The HTML reader: a whole web page or a fragment, to an [`Article`].
//!
//! Pipeline: [`decode`] the bytes, parse with html5ever into a compact
//! [`dom::Dom`], read the page's [`meta`]data, choose what to convert ([`extract`] the
//! article of a whole page, or everything), [`convert`] it to blocks, and [`cleanup`] the
//! result.
//!
//! Modes: with `ReadOptions::extract` (the default) a whole page — one that has a doctype or
//! an `<html>`, `<head>`, `<body>` or `<title>` tag — is reduced to its article. A fragment
//! without any of these is someone's clean markup and is converted as it is, like any input
//! read with `extract == false`. Scripts, styles, form controls, embedded objects,
//! event-handler attributes and `javascript:` URLs never reach the model in either mode.
//! Extraction leaves out hidden elements and forms; `--no-extract` keeps their text (the
//! captions of buttons, options, labels) as text.

pub mod byline;
pub mod cleanup;
pub mod convert;
mod copies;
pub mod dates;
pub mod decode;
pub mod depth;
pub mod dom;
pub mod entities;
pub mod extract;
pub mod hints;
pub mod jsonld;
pub mod meta;
mod prepass;
pub mod pubdate;
pub mod title;
pub mod urls;

use crate::error::Result;
use crate::format::{Diagnostics, Input, ReadOptions, Reader};
use crate::model::{Article, Author, Block};
use dom::Dom;

/// Reads HTML pages and fragments.
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn name(&self) -> &str {
        "html"
    }
    fn extensions(&self) -> &[&str] {
        &["html", "htm", "xhtml"]
    }
    fn description(&self) -> &str {
        "HTML: a whole web page (its article is extracted) or a fragment"
    }
    fn read(
        &self,
        input: Input<'_>,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article> {
        let (text, replaced) = decode::decode_reporting(input.bytes, options.charset.as_deref());
        if replaced {
            diag.warn(crate::read::text::decode::REPLACED_WARNING);
        }
        let folder = input.path.and_then(std::path::Path::parent);
        Ok(read_html(&text, options, folder, diag))
    }
}

/// Whether markup is a whole page rather than a fragment (see the module documentation).
pub fn is_whole_page(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype", "<html", "<head", "<body", "<title"]
        .iter()
        .any(|t| head.contains(t))
}

/// Reads decoded HTML; `folder` is the folder of the page's file, when it is one. What is
/// lost of the kept part of the page (nesting beyond [`dom::MAX_DEPTH`], embedded media) is
/// a warning.
pub fn read_html(
    text: &str,
    options: &ReadOptions,
    folder: Option<&std::path::Path>,
    diag: &mut Diagnostics,
) -> Article {
    let dom = Dom::parse(text);
    if dom.flattened {
        diag.warn(format!(
            "HTML nested deeper than {} levels was flattened",
            dom::MAX_DEPTH
        ));
    }
    let tags = meta::MetaTags::collect(&dom);
    let masks = meta::Masks::new(&dom);
    let mut meta = meta::page_meta(&dom, &tags, &masks);
    let base_skip = &masks.never;
    let body = dom.find("body").unwrap_or(0);
    let extracting = options.extract && is_whole_page(text);
    // A page with no article in sight keeps it hidden until its script shows it.
    let selection = extracting
        .then(|| {
            extract::extract(&dom, base_skip)
                .or_else(|| extract::extract(&dom, &extract::never_content_shown(&dom)))
        })
        .flatten()
        .unwrap_or_else(|| extract::Selection {
            roots: vec![body],
            skip: if options.extract {
                base_skip.to_vec()
            } else {
                whole_page_skip(&dom)
            },
        });
    let mut skip = selection.skip;
    if extracting {
        copies::drop_copies(&dom, &selection.roots, &mut skip);
        extract::drop_furniture_images(&dom, &selection.roots, &mut skip);
        extract::drop_member_stats(&dom, &selection.roots, &mut skip);
    }
    if !options.extract {
        // Drawings of the page, not those inside another or inside what is not text.
        let drawings = dom
            .all()
            .filter(|&id| dom.is(id, "svg") && !dom.parent(id).is_some_and(|p| skip[p]))
            .count();
        if drawings > 0 {
            diag.warn(format!(
                "{drawings} inline SVG drawing(s) left out: the model holds images by reference"
            ));
        }
    }
    if meta.authors.is_empty() {
        // Bylines often sit in a page header, outside the article: look everywhere but in
        // furniture named by class.
        let mut removed = base_skip.to_vec();
        let rules = extract::Rules {
            by_element: false,
            by_class: true,
            comments_are_content: false,
            block_words: 0,
            headers_in_main: true,
            reviews_are_furniture: false,
        };
        extract::furniture(&dom, &mut removed, rules);
        if let Some((el, names)) = meta::page_byline(&dom, &removed, &masks, meta.title.as_deref())
        {
            meta.authors = names.into_iter().map(Author::named).collect();
            // The whole page (`--no-extract`) keeps the byline's words where they stand.
            if options.extract {
                skip[el] = true;
            }
        }
    }
    if meta.authors.is_empty() {
        meta.authors.extend(meta::fallback_author(&dom, &tags));
    }
    // A fetched page's own address is its base, before what the page says it is.
    let page_url = options.url.as_deref().or(meta.url.as_deref());
    let urls =
        urls::Resolver::for_page(&dom, page_url, options.base_url.as_deref()).with_folder(folder);
    let mut converter = convert::Converter::new(&dom, &skip, &urls);
    if !options.extract {
        converter = converter.whole_page();
    }
    let mut blocks = converter.blocks(&selection.roots);
    let mut embedded = embedded_left_out(&dom, &skip, &selection.roots);
    if !embedded.is_empty() {
        let count = embedded.len();
        embedded.dedup();
        diag.warn(format!(
            "{count} embedded element(s) ({}) have no equivalent in an article and were left out",
            embedded.join(", ")
        ));
    }
    if extracting {
        if blocks.is_empty() {
            blocks = convert::Converter::new(&dom, base_skip, &urls).blocks(&[body]);
        }
        if let Some(title) = &meta.title {
            cleanup::drop_title_heading(&mut blocks, title);
        }
        cleanup::drop_duplicates(&mut blocks);
        cleanup::drop_template_alts(&mut blocks);
        cleanup::trim_edges(&mut blocks);
    }
    if meta.language.is_none() {
        meta.language = guess_language(&blocks);
    }
    Article {
        meta,
        blocks,
        origin: None,
    }
}

/// Elements whose contents are not text of the page: code, styles, the head, raw text a
/// browser never shows (an `<iframe>`'s), and void elements.
const NOT_TEXT: &[&str] = &[
    "script", "style", "template", "head", "title", "meta", "link", "base", "iframe", "noembed",
    "noframes", "frame", "frameset", "embed", "param", "source", "track", "input", "svg",
];

/// What the whole page (`--no-extract`) leaves out: only what is not text of the page
/// ([`NOT_TEXT`]) and `<noscript>` stand-ins for scripts but those holding a text of their
/// own. Hidden text (`hidden`, `aria-hidden`, `display:none`) is kept, as are the texts of
/// forms (labels, captions of buttons, options, the text of a text area) without their
/// controls, and the fallback text of media and objects.
fn whole_page_skip(dom: &Dom) -> Vec<bool> {
    let mut skip = vec![false; dom.nodes.len()];
    for id in dom.all() {
        if dom.parent(id).is_some_and(|p| skip[p]) {
            skip[id] = true;
            continue;
        }
        skip[id] = match dom.tag(id) {
            Some("noscript") => !extract::is_noscript_text(dom, id),
            Some(tag) => NOT_TEXT.contains(&tag),
            None => false,
        };
    }
    skip
}

/// The names of the embedded media and frames inside the kept part of a page, which the
/// model cannot hold, sorted; those inside left-out parts (menus, ads) do not count.
fn embedded_left_out(dom: &Dom, skip: &[bool], roots: &[dom::NodeId]) -> Vec<String> {
    const EMBEDDED: &[&str] = &[
        "iframe", "object", "embed", "video", "audio", "canvas", "applet", "frame",
    ];
    let mut names: Vec<String> = Vec::new();
    for id in dom.all() {
        let Some(tag) = dom.tag(id).filter(|t| EMBEDDED.contains(t)) else {
            continue;
        };
        let mut at = dom.parent(id);
        let kept = loop {
            match at {
                Some(a) if roots.contains(&a) => break true,
                Some(a) if skip[a] => break false,
                Some(a) => at = dom.parent(a),
                None => break false,
            }
        };
        if kept {
            names.push(tag.to_string());
        }
    }
    names.sort();
    names
}

/// The blocks of an HTML fragment converted as it is (as with `--no-extract`): raw HTML in
/// Markdown. Hidden text and the text of forms are kept as with `--no-extract`; scripts,
/// form controls, event handlers and `javascript:` URLs are dropped as for any page;
/// relative URLs resolve against `base_url` when given.
pub fn fragment_blocks(text: &str, base_url: Option<&str>) -> Vec<Block> {
    let dom = Dom::parse(text);
    let skip = whole_page_skip(&dom);
    let body = dom.find("body").unwrap_or(0);
    let urls = urls::Resolver::for_page(&dom, None, base_url);
    convert::Converter::new(&dom, &skip, &urls)
        .whole_page()
        .blocks(&[body])
}

fn guess_language(blocks: &[Block]) -> Option<String> {
    // Only the sample the guess reads is joined.
    let mut text = String::new();
    crate::model::for_each_word_while(blocks, |w| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(w);
        text.len() < crate::lang::SAMPLE_BYTES
    });
    crate::lang::detect_language(&text).map(str::to_string)
}

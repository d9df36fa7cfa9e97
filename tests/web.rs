//! Web input: URLs fetched from a server on 127.0.0.1 in this process, the failures of the
//! network with their messages and exit codes, web images downloaded into books, and pages
//! saved from a browser (a folder of files, MHTML).

#[path = "web/server.rs"]
mod server;

use server::{Reply, Server};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run folio")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts a failure: the exit code, and one line on stderr naming the URL and the problem.
fn assert_failure(o: &Output, code: i32, url: &str, problem: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
    assert!(err.starts_with(&format!("folio: {url}: ")), "{err:?}");
    assert!(err.contains(problem), "{problem:?} expected: {err:?}");
    assert!(o.stdout.is_empty());
}

fn raster(w: u32, h: u32, format: image::ImageFormat) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn png(w: u32, h: u32) -> Vec<u8> {
    raster(w, h, image::ImageFormat::Png)
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    raster(w, h, image::ImageFormat::Jpeg)
}

fn webp(w: u32, h: u32) -> Vec<u8> {
    let bytes = raster(w, h, image::ImageFormat::WebP);
    assert_eq!(&bytes[8..12], b"WEBP");
    bytes
}

const PARAGRAPHS: &str = "<p>The harbour master opened the old tide gauge on Tuesday morning, and \
the crowd that had gathered on the quay watched as the brass float rose with the water for the \
first time in thirty years.</p>\n<p>Volunteers spent the winter cleaning the well, replacing the \
rotten timber of the hut and teaching themselves to read the paper charts that the last keeper \
left behind when the station closed.</p>\n<p>Readings will be posted every week at the library, \
where a small exhibition explains how the gauge works and why a town by the sea should know its \
own tides.</p>\n";

/// A whole web page around an article with the given figures.
fn page(title: &str, figures: &str, head: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         {head}</head>\n<body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a></nav>\n\
         <article><h1>{title}</h1>\n<p class=\"byline\">By Ada Quay</p>\n{PARAGRAPHS}{figures}\
         <p>The gauge will stay open to visitors on Saturdays through the summer.</p></article>\n\
         <footer>Copyright the Harbour Gazette</footer></body></html>\n"
    )
}

fn routes(list: Vec<(&str, Reply)>) -> HashMap<String, Reply> {
    list.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The files of an EPUB by name.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let bytes = std::fs::read(path).expect("the book was written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut files = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        files.insert(f.name().to_string(), data);
    }
    files
}

fn text_of(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[name].clone()).unwrap()
}

/// Every `src="..."` of the XHTML files, with the file it is in.
fn img_srcs(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
        let text = String::from_utf8_lossy(bytes);
        for (i, _) in text.match_indices("<img") {
            let tag = &text[i..i + text[i..].find('>').unwrap()];
            let src = tag
                .split("src=\"")
                .nth(1)
                .map(|s| s[..s.find('"').unwrap()].to_string())
                .unwrap_or_default();
            out.push((name.clone(), src));
        }
    }
    out
}

/// The media types of the images in the manifest.
fn image_types(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let opf = text_of(files, "EPUB/package.opf");
    opf.split("media-type=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .filter(|t| t.starts_with("image/"))
        .collect()
}

/// Checks that every image of the book is in it and fit for e-readers; returns their count.
fn check_images(files: &BTreeMap<String, Vec<u8>>) -> usize {
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".xhtml")) {
        assert!(
            bytes.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{name} has no XML declaration"
        );
    }
    let srcs = img_srcs(files);
    for (doc, src) in &srcs {
        assert!(!src.is_empty(), "an img without src in {doc}");
        assert!(!src.contains("://"), "a linked image {src} in {doc}");
        let path = format!("EPUB/{src}");
        let bytes = files
            .get(&path)
            .unwrap_or_else(|| panic!("{src} of {doc} is not in the book"));
        if !src.ends_with(".svg") {
            let img = image::load_from_memory(bytes).expect("a decodable image");
            assert!(img.width().max(img.height()) <= 1600, "{src} is too large");
        }
    }
    for t in image_types(files) {
        assert!(
            ["image/jpeg", "image/png", "image/gif", "image/svg+xml"].contains(&t.as_str()),
            "{t} is no type every e-reader shows"
        );
    }
    srcs.len()
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Runs EPUBCheck; skips with a notice when it cannot run, unless FOLIO_REQUIRE_VALIDATORS=1.
fn epubcheck(book: &Path) {
    let required = std::env::var("FOLIO_REQUIRE_VALIDATORS").is_ok_and(|v| v == "1");
    let script = shared()
        .map(|s| s.join("tools/validate-epub.sh"))
        .filter(|s| s.is_file());
    let Some(script) = script else {
        assert!(
            !required,
            "FOLIO_REQUIRE_VALIDATORS=1 but validate-epub.sh is absent"
        );
        eprintln!("notice: ../shared/tools/validate-epub.sh not found; EPUBCheck skipped");
        return;
    };
    let out = Command::new("bash")
        .arg(&script)
        .arg(book)
        .output()
        .expect("run validate-epub.sh");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.code() == Some(2) && !required {
        eprintln!("notice: EPUBCheck could not run; skipped:\n{report}");
        return;
    }
    assert!(out.status.success(), "EPUBCheck:\n{report}");
}

/// The story of the tests: its figures use a plain PNG, a lazy JPEG behind a placeholder, a
/// `<picture>` whose WebP source has candidates of several widths, a PNG too large for an
/// e-reader and an `og:image` lead image; it is reached through a redirect from another
/// folder, so its relative references only resolve against the final URL.
fn story_server() -> Server {
    let figures = "<figure><img src=\"img/red.png\" alt=\"A red square\"><figcaption>The gauge \
                   hut, painted.</figcaption></figure>\n\
                   <figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" \
                   data-src=\"img/photo.jpg\" alt=\"The quay\"><figcaption>The quay at high \
                   water.</figcaption></figure>\n\
                   <figure><picture><source type=\"image/avif\" srcset=\"img/pic.avif 1200w\">\
                   <source type=\"image/webp\" srcset=\"img/pic-400.webp 400w, img/pic.webp \
                   1200w, img/pic-4000.webp 4000w\"><img src=\"img/pic-fallback.jpg\" \
                   alt=\"The float\"></picture><figcaption>The brass float.</figcaption></figure>\n\
                   <figure><img src=\"img/chart.png\" alt=\"A chart\"><figcaption>A year of \
                   tides.</figcaption></figure>\n";
    let head = "<meta property=\"og:image\" content=\"img/lead.jpg\">";
    let html = page("The Tide Gauge Reopens", figures, head);
    Server::start(routes(vec![
        ("/go/story", Reply::redirect("/news/story.html")),
        (
            "/news/story.html",
            Reply::ok("text/html; charset=utf-8", html),
        ),
        ("/news/img/red.png", Reply::ok("image/png", png(40, 40))),
        (
            "/news/img/photo.jpg",
            Reply::ok("image/jpeg", jpeg(120, 80)),
        ),
        (
            "/news/img/pic.webp",
            Reply::ok("image/webp", webp(300, 200)),
        ),
        (
            "/news/img/chart.png",
            Reply::ok("image/png", png(2400, 1200)),
        ),
        (
            "/news/img/lead.jpg",
            Reply::ok("image/jpeg", jpeg(200, 100)),
        ),
    ]))
}

#[test]
fn url_to_epub_embeds_every_image_in_a_form_e_readers_show() {
    let server = story_server();
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("story.epub");
    let url = server.url("/go/story");
    let o = folio(&[&url, "-o", book.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "no warnings expected");
    let files = unzip(&book);
    // Four figures and the cover.
    assert_eq!(check_images(&files), 5, "{:?}", img_srcs(&files));
    let types = image_types(&files);
    assert_eq!(types.len(), 5, "{types:?}");
    let opf = text_of(&files, "EPUB/package.opf");
    let final_url = server.url("/news/story.html");
    assert!(
        opf.contains(&format!(">{final_url}<")),
        "the final URL is the book's source: {opf}"
    );
    assert!(opf.contains("properties=\"cover-image\""), "{opf}");
    assert!(opf.contains("<dc:language>en</dc:language>"), "{opf}");
    let paths = server.paths();
    for wanted in ["/news/img/pic.webp", "/news/img/lead.jpg"] {
        assert!(paths.iter().any(|p| p == wanted), "{paths:?}");
    }
    for unwanted in [
        "/news/img/pic.avif",
        "/news/img/pic-4000.webp",
        "/go/img/red.png",
    ] {
        assert!(!paths.iter().any(|p| p == unwanted), "{paths:?}");
    }
    let requests = server
        .requests
        .lock()
        .unwrap()
        .join("\n")
        .to_ascii_lowercase();
    assert!(
        requests.contains(&format!("user-agent: folio/{}", env!("CARGO_PKG_VERSION"))),
        "{requests}"
    );
    assert!(requests.contains("accept-encoding: gzip, br"), "{requests}");
    epubcheck(&book);
}

#[test]
fn url_to_markdown_fetches_the_page_only() {
    let server = story_server();
    let url = server.url("/go/story");
    let o = folio(&[&url, "-t", "markdown"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("title: The Tide Gauge Reopens"), "{md}");
    assert!(md.contains(&server.url("/news/img/red.png")), "{md}");
    assert_eq!(server.paths(), ["/go/story", "/news/story.html"]);
}

#[test]
fn failing_images_give_warnings_and_a_valid_book() {
    let figures = "<figure><img src=\"gone.png\" alt=\"A lost picture\"><figcaption>Gone \
                   missing.</figcaption></figure>\n\
                   <figure><img src=\"broken.jpg\" alt=\"A broken server\"><figcaption>Server \
                   trouble.</figcaption></figure>\n\
                   <figure><img src=\"page.png\" alt=\"Not a picture\"><figcaption>A page, not \
                   a picture.</figcaption></figure>\n\
                   <figure><img src=\"slow.png\" alt=\"A slow picture\"><figcaption>Too \
                   slow.</figcaption></figure>\n\
                   <figure><img src=\"fine.png\" alt=\"A fine picture\"><figcaption>This one \
                   works.</figcaption></figure>\n";
    let server = Server::start(routes(vec![
        (
            "/a.html",
            Reply::ok("text/html", page("Pictures That Fail", figures, "")),
        ),
        ("/broken.jpg", Reply::status(500)),
        ("/page.png", Reply::ok("text/html", "<p>not an image</p>")),
        (
            "/slow.png",
            Reply::ok("image/png", png(10, 10)).delayed(Duration::from_secs(4)),
        ),
        ("/fine.png", Reply::ok("image/png", png(10, 10))),
    ]));
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("a.epub");
    let url = server.url("/a.html");
    let start = Instant::now();
    let o = folio(&[&url, "--timeout", "2", "-o", book.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "images wait in parallel"
    );
    let err = stderr(&o);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 4, "{err}");
    for (name, why) in [
        ("gone.png", "HTTP 404 Not Found"),
        ("broken.jpg", "HTTP 500 Internal Server Error"),
        ("page.png", "not a PNG, JPEG, GIF, WebP or SVG image"),
        ("slow.png", "timed out"),
    ] {
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("folio: warning: image ")
                    && w.contains(name)
                    && w.contains(why)),
            "{name}: {why} expected in {err}"
        );
    }
    let files = unzip(&book);
    assert_eq!(check_images(&files), 1);
    let body: String = files
        .iter()
        .filter(|(n, _)| n.ends_with(".xhtml"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    for kept in [
        "Gone missing.",
        "A lost picture",
        "Server trouble.",
        "Too slow.",
    ] {
        assert!(body.contains(kept), "{kept} kept");
    }
    epubcheck(&book);
}

#[test]
fn fetch_failures_have_messages_and_exit_codes() {
    let mut huge = Reply::ok("text/html", vec![b'a'; (20 << 20) + 10]);
    huge.no_length = true;
    let server = Server::start(routes(vec![
        ("/broken", Reply::status(500)),
        (
            "/slow",
            Reply::ok("text/html", "<p>late</p>").delayed(Duration::from_secs(5)),
        ),
        ("/huge", huge),
        ("/paper.pdf", Reply::ok("application/pdf", "%PDF-1.4")),
        ("/loop", Reply::redirect("/loop")),
    ]));
    let missing = server.url("/missing");
    assert_failure(&folio(&[&missing]), 5, &missing, "HTTP 404 Not Found");
    let broken = server.url("/broken");
    assert_failure(&folio(&[&broken]), 5, &broken, "HTTP 500");
    let slow = server.url("/slow");
    let start = Instant::now();
    let o = folio(&[&slow, "--timeout", "1"]);
    assert_failure(&o, 4, &slow, "timed out after 1 s");
    assert!(start.elapsed() < Duration::from_secs(4));
    let huge = server.url("/huge");
    assert_failure(&folio(&[&huge]), 6, &huge, "larger than the limit of 20 MB");
    let pdf = server.url("/paper.pdf");
    assert_failure(&folio(&[&pdf]), 7, &pdf, "application/pdf");
    let looping = server.url("/loop");
    assert_failure(&folio(&[&looping]), 3, &looping, "redirects");
    // A port nobody listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/x", l.local_addr().unwrap())
    };
    assert_failure(&folio(&[&closed]), 3, &closed, "connection refused");
    let o = folio(&[&missing, "--offline"]);
    assert_failure(&o, 2, &missing, "--offline");
    let o = folio(&[&missing, "--timeout", "0"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_declared_length_over_the_limit_is_refused_before_the_body() {
    // A server that announces 100 MB and sends nothing more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/big", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Ok((mut s, _)) = listener.accept() {
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf);
            let _ = s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n\r\n",
            );
            std::thread::sleep(Duration::from_secs(3));
        }
    });
    let start = Instant::now();
    assert_failure(&folio(&[&url]), 6, &url, "larger than the limit");
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// A brotli stream of one uncompressed meta-block (RFC 7932, 9.2): enough to test decoding
/// without an encoder.
fn brotli_stored(bytes: &[u8]) -> Vec<u8> {
    assert!(!bytes.is_empty() && bytes.len() <= 1 << 16);
    // WBITS 16 (one 0 bit), ISLAST 0, MNIBBLES 4 (00), MLEN-1 in 16 bits, ISUNCOMPRESSED 1.
    let header = (((bytes.len() - 1) as u32) << 4) | (1 << 20);
    let mut out = header.to_le_bytes()[..3].to_vec();
    out.extend_from_slice(bytes);
    // ISLAST 1, ISLASTEMPTY 1.
    out.push(0b11);
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn charsets_compression_and_content_types() {
    let latin1 = page("Caf\u{e9} Society", "", "").replace("charset=\"utf-8\"", "x=\"y\"");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&latin1);
    let utf8 = page("Caf\u{e9} au lait", "", "");
    let server = Server::start(routes(vec![
        (
            "/latin1",
            Reply::ok("text/html; charset=ISO-8859-1", latin1.into_owned()),
        ),
        // A server default that is wrong for this UTF-8 page.
        (
            "/wrong",
            Reply::ok("text/html; charset=iso-8859-1", utf8.clone()),
        ),
        (
            "/gzip",
            Reply::ok("text/html", gzip(utf8.as_bytes())).header("Content-Encoding", "gzip"),
        ),
        (
            "/br",
            Reply::ok("text/html", brotli_stored(utf8.as_bytes())).header("Content-Encoding", "br"),
        ),
        (
            "/notes",
            Reply::ok("text/markdown; charset=utf-8", "# Notes\n\nSome *notes*.\n"),
        ),
        (
            "/plain",
            Reply::ok("text/plain", "# Not a heading\n\nJust text.\n"),
        ),
    ]));
    let json = |path: &str, extra: &[&str]| -> serde_json::Value {
        let url = server.url(path);
        let mut args = vec![url.as_str(), "-t", "json"];
        args.extend_from_slice(extra);
        let o = folio(&args);
        assert!(o.status.success(), "{path}: {}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    assert_eq!(json("/latin1", &[])["meta"]["title"], "Caf\u{e9} Society");
    assert_eq!(json("/wrong", &[])["meta"]["title"], "Caf\u{e9} au lait");
    let g = json("/gzip", &[]);
    assert_eq!(g["meta"]["title"], "Caf\u{e9} au lait");
    assert_eq!(g["meta"]["url"], server.url("/gzip"));
    assert_eq!(json("/br", &[])["meta"]["title"], "Caf\u{e9} au lait");
    let notes = json("/notes", &[]);
    assert_eq!(notes["blocks"][0]["type"], "heading", "{notes}");
    assert_eq!(notes["meta"]["url"], server.url("/notes"));
    // The Content-Type picks the reader, unless -f says otherwise.
    let plain = json("/plain", &[]);
    assert!(plain.to_string().contains("Not a heading"), "{plain}");
    let md = json("/plain", &["-f", "markdown"]);
    assert_eq!(md["blocks"][0]["type"], "heading", "{md}");
}

#[test]
fn offline_never_touches_the_network() {
    let server = story_server();
    let dir = tempfile::tempdir().unwrap();
    let html = page(
        "Remote Pictures",
        &format!(
            "<figure><img src=\"{}\" alt=\"Red\"></figure>",
            server.url("/news/img/red.png")
        ),
        "",
    );
    let input = dir.path().join("page.html");
    std::fs::write(&input, html).unwrap();
    let book = dir.path().join("offline.epub");
    let o = folio(&[
        input.to_str().unwrap(),
        "--offline",
        "-o",
        book.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(server.paths().is_empty(), "{:?}", server.paths());
    let files = unzip(&book);
    assert_eq!(check_images(&files), 0);
    assert!(image_types(&files).is_empty());
    // Without --offline, the book of the same saved page has the picture.
    let book = dir.path().join("online.epub");
    let o = folio(&[input.to_str().unwrap(), "-o", book.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(server.paths(), ["/news/img/red.png"]);
    assert_eq!(check_images(&unzip(&book)), 1);
    // Other outputs of a local file fetch nothing.
    let o = folio(&[input.to_str().unwrap(), "-t", "html"]);
    assert!(o.status.success());
    assert_eq!(server.paths().len(), 1);
}

#[test]
fn html_with_embed_images_stands_alone() {
    let server = story_server();
    let url = server.url("/go/story");
    let o = folio(&[&url, "-t", "html", "--embed-images"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let html = String::from_utf8(o.stdout).unwrap();
    let srcs: Vec<&str> = html
        .split("<img src=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(srcs.len(), 4, "{srcs:?}");
    for src in &srcs {
        assert!(
            src.starts_with("data:image/png;base64,") || src.starts_with("data:image/jpeg;base64,"),
            "{}",
            &src[..src.len().min(40)]
        );
    }
    // Offline, the page links its pictures where they are.
    let o = folio(&[&url, "-t", "html", "--embed-images", "--offline"]);
    assert_eq!(o.status.code(), Some(2));
    let requests = server.paths().len();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("story.html");
    let page_html = page(
        "Linked",
        &format!(
            "<img src=\"{}\" alt=\"x\">",
            server.url("/news/img/red.png")
        ),
        "",
    );
    std::fs::write(&saved, page_html).unwrap();
    let o = folio(&[
        saved.to_str().unwrap(),
        "-t",
        "html",
        "--embed-images",
        "--offline",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.contains(&format!("src=\"{}\"", server.url("/news/img/red.png"))));
    assert_eq!(server.paths().len(), requests);
}

/// The book of a local file made with the network forbidden; the run must succeed quietly.
fn offline_book(input: &Path, book: &Path) -> BTreeMap<String, Vec<u8>> {
    let o = folio(&[
        input.to_str().unwrap(),
        "--offline",
        "-o",
        book.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    unzip(book)
}

/// Images of a book that came from its own files, as (media type, bytes).
fn book_images(files: &BTreeMap<String, Vec<u8>>) -> Vec<(&str, &[u8])> {
    files
        .iter()
        .filter(|(n, _)| n.starts_with("EPUB/images/"))
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect()
}

#[test]
fn a_page_saved_complete_keeps_its_images() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().join("Story_files");
    std::fs::create_dir(&files_dir).unwrap();
    std::fs::write(files_dir.join("photo.jpg"), jpeg(90, 60)).unwrap();
    std::fs::write(files_dir.join("a b.png"), png(30, 30)).unwrap();
    std::fs::write(files_dir.join("pic.webp"), webp(50, 40)).unwrap();
    // The page names its web address, as saved pages do: its own files still count.
    let head = "<link rel=\"canonical\" href=\"https://news.example/story\">\
                <meta property=\"og:url\" content=\"https://news.example/story\">";
    let figures = "<figure><img src=\"./Story_files/photo.jpg\" alt=\"Photo\"></figure>\n\
                   <figure><img src=\"Story_files/a%20b.png\" alt=\"Square\"></figure>\n\
                   <figure><img src=\"Story_files/pic.webp\" alt=\"Pic\"></figure>\n";
    let input = dir.path().join("Story.html");
    std::fs::write(&input, page("Saved With Its Files", figures, head)).unwrap();
    let book = dir.path().join("saved.epub");
    let files = offline_book(&input, &book);
    assert_eq!(check_images(&files), 3, "{:?}", img_srcs(&files));
    assert_eq!(book_images(&files).len(), 3);
    epubcheck(&book);
}

/// Quoted-printable as browsers write it: `=` escaped, lines cut at 76 with soft breaks.
fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.replace('=', "=3D").lines() {
        let chars: Vec<char> = line.chars().collect();
        let chunks: Vec<String> = chars.chunks(70).map(|c| c.iter().collect()).collect();
        out.push_str(&chunks.join("=\r\n"));
        out.push_str("\r\n");
    }
    out
}

fn base64_lines(bytes: &[u8]) -> String {
    use base64::Engine as _;
    let b = base64::engine::general_purpose::STANDARD.encode(bytes);
    let lines: Vec<&str> = b
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    lines.join("\r\n")
}

/// An MHTML file as Chrome saves one: the page quoted-printable, images in base64, named by
/// `Content-Location` or `Content-ID`.
fn mhtml() -> Vec<u8> {
    let figures = "<figure><img src=\"img/a.png\" alt=\"Relative\"><figcaption>By its \
                   address.</figcaption></figure>\n\
                   <figure><img src=\"cid:photo@saved\" alt=\"By id\"></figure>\n\
                   <figure><img src=\"https://cdn.example/pic.webp\" alt=\"Elsewhere\"></figure>\n";
    let html = page("Saved As One File", figures, "");
    let b = "----MultipartBoundary--x1y2z3----";
    let mut m = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/story.html\r\n\
         Subject: Saved As One File\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\tboundary=\"{b}\"\r\n\r\n\r\n--{b}\r\n\
         Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n\
         Content-Transfer-Encoding: quoted-printable\r\n\
         Content-Location: https://news.example/story.html\r\n\r\n{}",
        quoted_printable(&html)
    );
    let parts: [(&str, &str, Vec<u8>); 3] = [
        (
            "image/png",
            "Content-Location: https://news.example/img/a.png",
            png(20, 20),
        ),
        ("image/jpeg", "Content-ID: <photo@saved>", jpeg(40, 30)),
        (
            "image/webp",
            "Content-Location: https://cdn.example/pic.webp",
            webp(30, 20),
        ),
    ];
    for (t, name, bytes) in parts {
        m.push_str(&format!(
            "\r\n--{b}\r\nContent-Type: {t}\r\nContent-Transfer-Encoding: base64\r\n{name}\r\n\r\n{}\r\n",
            base64_lines(&bytes)
        ));
    }
    m.push_str(&format!("\r\n--{b}--\r\n"));
    m.into_bytes()
}

#[test]
fn an_mhtml_file_makes_a_book_with_its_images() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("story.mhtml");
    std::fs::write(&input, mhtml()).unwrap();
    let book = dir.path().join("mhtml.epub");
    let files = offline_book(&input, &book);
    assert_eq!(check_images(&files), 3, "{:?}", img_srcs(&files));
    let opf = text_of(&files, "EPUB/package.opf");
    assert!(opf.contains("Saved As One File"), "{opf}");
    assert!(opf.contains("https://news.example/story.html"), "{opf}");
    epubcheck(&book);
    // Detected from its content as well, and listed.
    let json = dir.path().join("story.json");
    let named_txt = dir.path().join("story.txt");
    std::fs::write(&named_txt, mhtml()).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["-t", "json", "-o", json.to_str().unwrap()])
        .stdin(std::fs::File::open(&named_txt).unwrap())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["meta"]["title"], "Saved As One File");
    let o = folio(&["--list-formats"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains(".mhtml .mht"));
}

#[test]
fn the_library_downloads_images_only_when_asked_and_within_limits() {
    use folio::fetch::FetchOptions;
    use folio::model::{Article, Block, Image};
    let server = Server::start(routes(vec![
        ("/one.png", Reply::ok("image/png", png(8, 8))),
        ("/two.png", Reply::ok("image/png", png(8, 8))),
        ("/big.jpg", Reply::ok("image/jpeg", jpeg(400, 400))),
    ]));
    let figure = |path: &str| Block::Figure {
        image: Box::new(Image {
            src: server.url(path),
            alt: path.into(),
            title: None,
        }),
        caption: Vec::new(),
        credit: Vec::new(),
    };
    let mut article = Article::new("Limits", vec![figure("/one.png"), figure("/two.png")]);
    article.blocks.push(figure("/big.jpg"));
    let write = |fetch: Option<FetchOptions>| {
        let options = folio::WriteOptions {
            fetch,
            source_date_epoch: Some(1_700_000_000),
            ..folio::WriteOptions::default()
        };
        let mut diag = folio::Diagnostics::default();
        let mut out = Vec::new();
        folio::Registry::default()
            .writer("epub")
            .unwrap()
            .write(&article, &options, &mut diag, &mut out)
            .unwrap();
        (out, diag.warnings)
    };
    // By default the library never uses the network.
    let (_, warnings) = write(None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(server.paths().is_empty());
    // One at a time, with a total smaller than one image: the first image is downloaded,
    // the others are not; and an image over its own limit is refused.
    assert!(png(8, 8).len() > 100);
    let limits = FetchOptions {
        parallel: 1,
        max_total_image_bytes: 100,
        ..FetchOptions::default()
    };
    let (_, warnings) = write(Some(limits));
    assert_eq!(server.paths(), ["/one.png"]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("/two.png")
            && warnings[0].contains("the limit of 1 KB of images is reached"),
        "{warnings:?}"
    );
    let small = FetchOptions {
        max_image_bytes: 2048,
        ..FetchOptions::default()
    };
    let (_, warnings) = write(Some(small));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("/big.jpg") && warnings[0].contains("larger than the limit of 2 KB"),
        "{warnings:?}"
    );
}

#[test]
fn a_digest_of_urls_resolves_each_page_s_images_against_its_own_address() {
    let md = "# Notes\n\nA picture of the day, with words around it.\n\n![The day](pic.png)\n";
    let server = Server::start(routes(vec![
        ("/a/notes.md", Reply::ok("text/markdown", md)),
        ("/b/notes.md", Reply::ok("text/markdown", md)),
        ("/a/pic.png", Reply::ok("image/png", png(10, 10))),
        ("/b/pic.png", Reply::ok("image/png", png(20, 20))),
    ]));
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("digest.epub");
    let (a, b) = (server.url("/a/notes.md"), server.url("/b/notes.md"));
    let o = folio(&[&a, &b, "-o", book.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let files = unzip(&book);
    assert_eq!(check_images(&files), 2);
    assert_eq!(book_images(&files).len(), 2, "two different pictures");
    epubcheck(&book);
}

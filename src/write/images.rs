//! Images embedded in a book (or a standalone page): loaded from local files, `data:` URIs
//! or, when allowed, downloaded from the web; typed by their bytes and made fit for e-readers.

use crate::fetch::{Client, FetchOptions};
use crate::format::Diagnostics;
use crate::model::{images, Article};
use crate::write::html::{join_url, url_scheme, web_url};
use base64::Engine as _;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Longest side of an embedded raster image: sharp on e-readers, small in the book.
const MAX_SIDE: u32 = 1600;

/// Decoding stops at images bigger than this, whatever their file size.
const MAX_DECODE_ALLOC: u64 = 256 << 20;

/// An image file of the book.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    /// Manifest id.
    pub id: String,
    /// Path inside the package directory (`images/image-1.png`).
    pub href: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// What became of an image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// Embedded as the resource with this index.
    Embedded(usize),
    /// A web image that was not downloaded: linked.
    Remote(String),
    /// Missing, unreadable or of a type an EPUB cannot hold (a warning was given).
    Unavailable,
}

/// A local image larger than this is not read.
const MAX_LOCAL_BYTES: u64 = 100 << 20;

/// The images of a book, each embedded once however often it is referenced.
#[derive(Debug, Default)]
pub(crate) struct Images {
    pub resources: Vec<Resource>,
    /// Folders besides the input's whose files may be embedded (`--allow-local-files`).
    allowed: Vec<PathBuf>,
    /// Lookups already made, by the directory and reference they were made from.
    seen: HashMap<Key, Found>,
    /// Loads made ahead of rendering (web images downloaded together), by the same key.
    ready: HashMap<Key, Load>,
}

/// A reference as looked for: the folder and the web address it resolves against, and itself.
type Key = (Option<PathBuf>, Option<String>, String);

fn key(src: &str, dir: Option<&Path>, base_url: Option<&str>) -> Key {
    (
        dir.map(Path::to_path_buf),
        base_url.map(str::to_string),
        src.to_string(),
    )
}

/// Where the images of an article are looked for: the input file's folder and the article's
/// web address.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    pub dir: Option<&'a Path>,
    pub base_url: Option<&'a str>,
}

impl Images {
    /// No images yet; local files may come from the input's folder and from `allowed`.
    pub(crate) fn allowing(allowed: &[PathBuf]) -> Images {
        Images {
            allowed: allowed.to_vec(),
            ..Images::default()
        }
    }

    /// Resolves an image reference: `src` is a `data:` URI, a URL, or a path relative to `dir`;
    /// a relative path that is no local file is taken relative to `base_url`, when known.
    pub(crate) fn find(
        &mut self,
        src: &str,
        dir: Option<&Path>,
        base_url: Option<&str>,
        diag: &mut Diagnostics,
    ) -> Found {
        let src = src.trim();
        let key = key(src, dir, base_url);
        if let Some(found) = self.seen.get(&key) {
            return found.clone();
        }
        match self.ready.remove(&key) {
            Some(ready) => self.add(key, || ready, diag),
            None => {
                let loaded = load(src, dir, base_url, &self.allowed);
                self.add(key, || loaded, diag)
            }
        }
    }

    /// Downloads, a few at a time and within the limits of `options`, the web images that
    /// the articles (`places` gives where each one's references resolve) and the cover
    /// reference refer to, so that [`Images::find`] embeds them. A failed download gives a
    /// warning when the image is looked for.
    pub(crate) fn prefetch(
        &mut self,
        articles: &[(&Article, Place<'_>)],
        cover: Option<(&str, Place<'_>)>,
        options: &FetchOptions,
    ) {
        let mut refs: Vec<(&str, Place)> = Vec::new();
        for (article, place) in articles {
            refs.extend(
                images(&article.blocks)
                    .into_iter()
                    .map(|i| (i.src.as_str(), *place)),
            );
        }
        refs.extend(cover);
        let mut wanted: Vec<String> = Vec::new();
        let mut remote: HashMap<Key, String> = HashMap::new();
        // In the order of the text, so that limits leave out the last images.
        let mut asked = std::collections::HashSet::new();
        for (src, place) in refs {
            let src = src.trim();
            let key = key(src, place.dir, place.base_url);
            if self.ready.contains_key(&key)
                || self.seen.contains_key(&key)
                || remote.contains_key(&key)
            {
                continue;
            }
            match load(src, place.dir, place.base_url, &self.allowed) {
                Load::Remote(url) => {
                    if asked.insert(url.clone()) {
                        wanted.push(url.clone());
                    }
                    remote.insert(key, url);
                }
                other => {
                    self.ready.insert(key, other);
                }
            }
        }
        let got = download_all(&wanted, options);
        for (key, url) in remote {
            let load = match got.get(&url) {
                Some(Ok(bytes)) => Load::Bytes(bytes.clone()),
                Some(Err(why)) if key.2 == url => Load::Failed(why.clone()),
                Some(Err(why)) => Load::Failed(format!("{url}: {why}")),
                None => Load::Remote(url),
            };
            self.ready.insert(key, load);
        }
    }

    /// Loads an image file named by a path (never read as a URL).
    pub(crate) fn find_file(&mut self, path: &Path, diag: &mut Diagnostics) -> Found {
        let key = (Some(path.to_path_buf()), None, String::new());
        let read = || match std::fs::read(path) {
            Ok(bytes) => Load::Bytes(bytes),
            Err(e) => Load::Failed(e.to_string()),
        };
        self.add(key, read, diag)
    }

    fn add(&mut self, key: Key, load: impl FnOnce() -> Load, diag: &mut Diagnostics) -> Found {
        if let Some(found) = self.seen.get(&key) {
            return found.clone();
        }
        let src = match &key {
            (Some(path), _, s) if s.is_empty() => path.display().to_string(),
            (_, _, s) => s.clone(),
        };
        let src = src.as_str();
        let found = match load() {
            Load::Remote(url) => Found::Remote(url),
            Load::Failed(why) => {
                diag.warn(format!("image {}: {why}; left out", shorten(src)));
                Found::Unavailable
            }
            Load::Bytes(bytes) => match for_readers(bytes) {
                // The same picture under another name.
                Ok((bytes, _)) if self.resources.iter().any(|r| r.bytes == bytes) => {
                    let same = self.resources.iter().position(|r| r.bytes == bytes);
                    Found::Embedded(same.unwrap_or_default())
                }
                Ok((bytes, (media_type, ext))) => {
                    let n = self.resources.len() + 1;
                    self.resources.push(Resource {
                        id: format!("image-{n}"),
                        href: format!("images/image-{n}.{ext}"),
                        media_type,
                        bytes,
                    });
                    Found::Embedded(n - 1)
                }
                Err(why) => {
                    diag.warn(format!("image {}: {why}; left out", shorten(src)));
                    Found::Unavailable
                }
            },
        };
        self.seen.insert(key, found.clone());
        found
    }
}

/// A reference cut to a length fit for a one-line message (`data:` URIs can be megabytes).
fn shorten(src: &str) -> String {
    match src.char_indices().nth(80) {
        Some((i, _)) => format!("{}...", &src[..i]),
        None => src.to_string(),
    }
}

#[derive(Debug)]
enum Load {
    Bytes(Vec<u8>),
    Remote(String),
    Failed(String),
}

/// Loads what an image reference names. A local file is read only when it lies, symlinks
/// resolved, in the input's folder or below, or in an `allowed` folder.
fn load(src: &str, dir: Option<&Path>, base_url: Option<&str>, allowed: &[PathBuf]) -> Load {
    if src.is_empty() {
        return Load::Failed("empty reference".into());
    }
    if let Some(data) = src.strip_prefix("data:") {
        return match decode_data_uri(data) {
            Some(bytes) => Load::Bytes(bytes),
            None => Load::Failed("invalid data: URI".into()),
        };
    }
    // `//host/x.png` is on the web. `/x/y.png` is a file of this machine when there is one
    // (Markdown written here), else a path on the article's web site.
    if src.starts_with("//") || (src.starts_with('/') && !Path::new(src).is_file()) {
        return root_relative(src, base_url);
    }
    let path = match url_scheme(src).as_deref() {
        Some("http" | "https") => {
            return match web_url(src) {
                Some(url) => Load::Remote(url),
                None => Load::Failed("invalid URL".into()),
            }
        }
        Some("file") => PathBuf::from(percent_decode(src.trim_start_matches("file://"))),
        // A Windows drive letter looks like a one-letter scheme.
        Some(s) if s.len() > 1 => return Load::Failed(format!("unsupported URL scheme {s}:")),
        _ => PathBuf::from(src),
    };
    let on_the_web = || {
        let url = join_url(base_url?, src)?;
        web_url(&url)
    };
    let path = match dir {
        Some(d) if path.is_relative() => d.join(path),
        _ => path,
    };
    // References written as URLs escape spaces and the like.
    let decoded = PathBuf::from(percent_decode(&path.to_string_lossy()));
    let Some(file) = [&path, &decoded].into_iter().find(|p| p.is_file()) else {
        return match on_the_web() {
            Some(url) if url_scheme(src).is_none() => Load::Remote(url),
            _ => Load::Failed(format!("no such file {}", path.display())),
        };
    };
    let Some(real) = local_allowed(file, dir, allowed) else {
        // A path from the root that is on this machine too is the site's, when known.
        if src.starts_with('/') && base_url.is_some() {
            return root_relative(src, base_url);
        }
        return Load::Failed(format!(
            "{} is outside the input's folder (allow it with --allow-local-files)",
            path.display()
        ));
    };
    match std::fs::metadata(&real) {
        Ok(m) if m.len() > MAX_LOCAL_BYTES => Load::Failed(format!(
            "larger than the limit of {}",
            crate::fetch::size(MAX_LOCAL_BYTES)
        )),
        _ => match std::fs::read(&real) {
            Ok(bytes) => Load::Bytes(bytes),
            Err(e) => Load::Failed(format!("{}: {e}", path.display())),
        },
    }
}

/// The real path of a regular file in the input's folder (the current directory for
/// standard input) or below, or in one of `allowed`; `None` for any other file, wherever
/// `..` or a symlink leads.
fn local_allowed(file: &Path, dir: Option<&Path>, allowed: &[PathBuf]) -> Option<PathBuf> {
    let real = std::fs::canonicalize(file).ok().filter(|p| p.is_file())?;
    let input_dir = match dir {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::iter::once(input_dir)
        .chain(allowed.iter().map(PathBuf::as_path))
        .filter_map(|d| std::fs::canonicalize(d).ok())
        .any(|d| real.starts_with(d))
        .then_some(real)
}

/// A reference from the root that is not a file here (`/static/x.png`,
/// `//cdn.example.org/x.png`) names a file of the article's web site: linked when the
/// article's URL tells the site, else left out.
fn root_relative(src: &str, base_url: Option<&str>) -> Load {
    let url = match (base_url, src.strip_prefix("//")) {
        (Some(base), _) => join_url(base, src),
        (None, Some(host_and_path)) => Some(format!("https://{host_and_path}")),
        (None, None) => {
            return Load::Failed(
                "a path on the article's web site, whose address is unknown".into(),
            )
        }
    };
    match url.as_deref().and_then(web_url) {
        Some(url) => Load::Remote(url),
        None => Load::Failed("invalid URL".into()),
    }
}

/// Downloads images with a few threads. Each URL maps to its bytes or the reason it failed;
/// once the total limit is reached the rest fail without a request.
fn download_all(
    urls: &[String],
    options: &FetchOptions,
) -> HashMap<String, Result<Vec<u8>, String>> {
    let results = Mutex::new(HashMap::new());
    if urls.is_empty() {
        return HashMap::new();
    }
    let client = Client::new(options);
    let next = Mutex::new(urls.iter());
    let total = AtomicU64::new(0);
    let start = std::time::Instant::now();
    let workers = options.parallel.clamp(1, urls.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let Some(url) = next.lock().map(|mut it| it.next()).ok().flatten() else {
                    return;
                };
                let result = if total.load(Ordering::Relaxed) >= options.max_total_image_bytes {
                    Err(format!(
                        "the limit of {} of images is reached",
                        crate::fetch::size(options.max_total_image_bytes)
                    ))
                } else if start.elapsed() >= options.total_image_time {
                    Err(format!(
                        "the time for images ({} s) ran out",
                        options.total_image_time.as_secs()
                    ))
                } else {
                    match client.image(url) {
                        Ok(r) => {
                            total.fetch_add(r.bytes.len() as u64, Ordering::Relaxed);
                            Ok(r.bytes)
                        }
                        Err(e) => Err(e.to_string()),
                    }
                };
                if let Ok(mut map) = results.lock() {
                    map.insert(url.clone(), result);
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// Image bytes as e-readers show them, with their media type and extension: JPEG, PNG, GIF and
/// SVG as they are unless larger than [`MAX_SIDE`], other raster formats (WebP) converted, a
/// large picture scaled down.
fn for_readers(bytes: Vec<u8>) -> Result<(Vec<u8>, (&'static str, &'static str)), String> {
    let kind = sniff(&bytes);
    match kind {
        Some(("image/svg+xml", _)) if !crate::safety::svg_is_safe(&bytes) => {
            return Err("an SVG image with scripts, event handlers or a DTD".into())
        }
        Some(("image/gif" | "image/svg+xml", _)) => return Ok((bytes, kind.unwrap_or_default())),
        // Scaled when known to be large; kept as they are when their size cannot be read.
        Some(("image/png" | "image/jpeg", _)) => match dimensions(&bytes) {
            Some((w, h)) if w.max(h) > MAX_SIDE => {}
            _ => return Ok((bytes, kind.unwrap_or_default())),
        },
        _ => {}
    }
    let image = decode(&bytes).map_err(|why| match kind {
        Some(_) => format!("cannot be decoded ({why})"),
        None if bytes.get(4..12) == Some(b"ftypavif") => {
            "an AVIF image, which folio cannot convert for e-readers".to_string()
        }
        None => "not a PNG, JPEG, GIF, WebP or SVG image".to_string(),
    })?;
    let image = if image.width().max(image.height()) > MAX_SIDE {
        image.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    // Pictures with transparency or drawn without loss stay lossless; photographs become JPEG.
    let lossless = kind == Some(("image/png", "png"))
        || bytes.get(12..16) == Some(b"VP8L")
        || (image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255));
    let mut out = std::io::Cursor::new(Vec::new());
    if lossless {
        image
            .write_to(&mut out, image::ImageFormat::Png)
            .map_err(|e| format!("cannot be converted ({e})"))?;
        Ok((out.into_inner(), ("image/png", "png")))
    } else {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
        image
            .to_rgb8()
            .write_with_encoder(encoder)
            .map_err(|e| format!("cannot be converted ({e})"))?;
        Ok((out.into_inner(), ("image/jpeg", "jpg")))
    }
}

fn reader(bytes: &[u8]) -> Option<image::ImageReader<std::io::Cursor<&[u8]>>> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    Some(reader)
}

fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    reader(bytes)?.into_dimensions().ok()
}

fn decode(bytes: &[u8]) -> Result<image::DynamicImage, String> {
    let reader = reader(bytes).ok_or("unknown format")?;
    reader.decode().map_err(|e| e.to_string())
}

/// The bytes of the part of a `data:` URI after the scheme (`image/png;base64,iVBOR...`).
pub(crate) fn decode_data_uri(data: &str) -> Option<Vec<u8>> {
    let (header, payload) = data.split_once(',')?;
    if header.to_ascii_lowercase().ends_with(";base64") {
        let clean: String = percent_decode(payload)
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
                .with_decode_allow_trailing_bits(true),
        );
        engine.decode(clean.trim_end_matches('=')).ok()
    } else {
        Some(percent_decode(payload).into_bytes())
    }
}

/// Decodes `%XX` escapes; invalid ones are kept as they are.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The media type and file extension of image bytes, for the types EPUB 3.3 readers must
/// support.
pub(crate) fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("image/gif", "gif"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("image/webp", "webp"))
    } else if is_svg(bytes) {
        Some(("image/svg+xml", "svg"))
    } else {
        None
    }
}

/// Whether bytes are a well-formed XML document whose root element is `svg`.
fn is_svg(bytes: &[u8]) -> bool {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut root = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if root.is_none() => {
                root = Some(e.local_name().as_ref() == "svg");
            }
            Ok(Event::Eof) => return root == Some(true),
            Ok(_) => {}
            Err(_) => return false,
        }
        if root == Some(false) {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn sniffs_types_from_bytes() {
        assert_eq!(sniff(PNG).unwrap().0, "image/png");
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap().0, "image/jpeg");
        assert_eq!(sniff(b"GIF89a....").unwrap().0, "image/gif");
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").unwrap().0, "image/webp");
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(sniff(svg).unwrap().0, "image/svg+xml");
        assert_eq!(sniff(b"<html><svg/></html>"), None);
        assert_eq!(sniff(b"<svg><unclosed></svg>"), None);
        assert_eq!(sniff(b"BM...."), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn decodes_data_uris() {
        assert_eq!(decode_data_uri("image/png;base64,aGk=").unwrap(), b"hi");
        assert_eq!(decode_data_uri("image/png;base64,aGk").unwrap(), b"hi");
        assert_eq!(decode_data_uri("image/png;base64,a G%3D").unwrap(), b"h");
        assert_eq!(
            decode_data_uri("image/svg+xml,%3Csvg%2F%3E").unwrap(),
            b"<svg/>"
        );
        assert_eq!(decode_data_uri("image/png;base64,@@"), None);
        assert_eq!(decode_data_uri("no comma"), None);
    }

    #[test]
    fn percent_decoding_keeps_invalid_escapes() {
        assert_eq!(percent_decode("a%20b%zz%4"), "a b%zz%4");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }

    #[test]
    fn remote_missing_and_unknown_images() {
        let mut images = Images::default();
        let mut diag = Diagnostics::default();
        let remote = images.find("https://example.org/a.png", None, None, &mut diag);
        assert_eq!(remote, Found::Remote("https://example.org/a.png".into()));
        let missing = images.find(
            "no/such/file.png",
            Some(Path::new("/nonexistent")),
            None,
            &mut diag,
        );
        assert_eq!(missing, Found::Unavailable);
        // Asked twice, warned once.
        images.find(
            "no/such/file.png",
            Some(Path::new("/nonexistent")),
            None,
            &mut diag,
        );
        assert_eq!(diag.warnings.len(), 1);
        assert!(
            diag.warnings[0].contains("no/such/file.png"),
            "{:?}",
            diag.warnings
        );
        let text = images.find("data:text/plain,hello", None, None, &mut diag);
        assert_eq!(text, Found::Unavailable);
        let gopher = images.find("gopher://x/y.png", None, None, &mut diag);
        let web = Some("https://example.org/news/a.html");
        let relative = images.find("img/b.png", Some(Path::new("/nonexistent")), web, &mut diag);
        assert_eq!(
            relative,
            Found::Remote("https://example.org/news/img/b.png".into())
        );
        assert_eq!(gopher, Found::Unavailable);
        assert_eq!(diag.warnings.len(), 3);
        assert!(images.resources.is_empty());
    }

    #[test]
    #[cfg(unix)]
    fn paths_from_the_root_are_local_files_or_on_the_web_site() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("x.png");
        std::fs::write(&local, PNG).unwrap();
        let local = local.to_string_lossy().into_owned();
        let mut images = Images::default();
        let mut diag = Diagnostics::default();
        // A file of this machine, named from the root, is embedded when it is in the
        // input's folder.
        let found = images.find(&local, Some(dir.path()), None, &mut diag);
        assert_eq!(found, Found::Embedded(0));
        // Outside it, it is not read.
        let elsewhere = tempfile::tempdir().unwrap();
        let found = images.find(&local, Some(elsewhere.path()), None, &mut diag);
        assert_eq!(found, Found::Unavailable);
        assert!(diag.warnings[0].contains("outside"), "{:?}", diag.warnings);
        // Unless its folder is allowed.
        let mut allowing = Images::allowing(&[dir.path().to_path_buf()]);
        let found = allowing.find(&local, Some(elsewhere.path()), None, &mut diag);
        assert_eq!(found, Found::Embedded(0));
        // A path that is no file here is on the article's site.
        let missing = format!("{local}.missing/static/y.png");
        let found = images.find(&missing, None, None, &mut diag);
        assert_eq!(found, Found::Unavailable);
        assert!(diag.warnings[1].contains("web site"), "{:?}", diag.warnings);
        let page = Some("https://example.org/news/a.html");
        let found = images.find(&missing, Some(dir.path()), page, &mut diag);
        assert_eq!(
            found,
            Found::Remote(format!("https://example.org{missing}"))
        );
        let found = images.find("//cdn.example.org/x.png", None, None, &mut diag);
        assert_eq!(found, Found::Remote("https://cdn.example.org/x.png".into()));
        assert_eq!(images.resources.len(), 1);
        // A relative path is a local file.
        let found = images.find("x.png", Some(dir.path()), page, &mut diag);
        assert_eq!(found, Found::Embedded(0));
    }

    fn encoded(w: u32, h: u32, format: image::ImageFormat, alpha: bool) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, _| {
            image::Rgba([
                (x % 256) as u8,
                90,
                30,
                if alpha && x == 0 { 0 } else { 255 },
            ])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        if format == image::ImageFormat::Jpeg {
            image::DynamicImage::ImageRgba8(img)
                .to_rgb8()
                .write_to(&mut out, format)
                .unwrap();
        } else {
            img.write_to(&mut out, format).unwrap();
        }
        out.into_inner()
    }

    #[test]
    fn images_are_made_fit_for_e_readers() {
        use image::ImageFormat::{Jpeg, Png, WebP};
        let small = encoded(20, 10, Png, false);
        let (same, kind) = for_readers(small.clone()).unwrap();
        assert_eq!((same, kind.0), (small, "image/png"));
        // WebP (lossless here) becomes PNG.
        let (png, kind) = for_readers(encoded(20, 10, WebP, true)).unwrap();
        assert_eq!(kind, ("image/png", "png"));
        assert_eq!(dimensions(&png), Some((20, 10)));
        // Large pictures are scaled down, keeping their format and proportions.
        let (jpg, kind) = for_readers(encoded(2000, 1000, Jpeg, false)).unwrap();
        assert_eq!(kind.0, "image/jpeg");
        assert_eq!(dimensions(&jpg), Some((1600, 800)));
        let (png, _) = for_readers(encoded(500, 3200, Png, false)).unwrap();
        assert_eq!(dimensions(&png), Some((250, 1600)));
        // A PNG whose size cannot be read is kept; bytes of no image are refused.
        assert_eq!(for_readers(PNG.to_vec()).unwrap().0, PNG);
        let err = for_readers(b"BM not really".to_vec()).unwrap_err();
        assert!(err.contains("not a PNG"), "{err}");
        let err = for_readers(b"RIFF\0\0\0\0WEBPVP8 broken".to_vec()).unwrap_err();
        assert!(err.contains("cannot be decoded"), "{err}");
    }

    #[test]
    fn data_and_local_images_are_embedded_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a b.png"), PNG).unwrap();
        let mut images = Images::default();
        let mut diag = Diagnostics::default();
        let a = images.find("a b.png", Some(dir.path()), None, &mut diag);
        let b = images.find("a%20b.png", Some(dir.path()), None, &mut diag);
        let c = images.find("a b.png", Some(dir.path()), None, &mut diag);
        assert_eq!(a, Found::Embedded(0));
        assert_eq!(b, Found::Embedded(0));
        assert_eq!(c, Found::Embedded(0));
        let gif = images.find("data:image/gif;base64,R0lGODlh", None, None, &mut diag);
        assert_eq!(gif, Found::Embedded(1));
        assert_eq!(images.resources[1].href, "images/image-2.gif");
        assert_eq!(images.resources[0].media_type, "image/png");
        assert!(diag.warnings.is_empty());
    }
}

//! The MHTML reader: a web page saved as one file (`.mhtml`, `.mht`) by a browser.
//!
//! The file is a MIME `multipart/related` message: the page's HTML is one part, each image
//! another, named by its `Content-Location` (or `Content-ID`). The HTML is read by the HTML
//! reader with the page's address as its base; images found among the parts become `data:`
//! URIs, so that every writer has them without the network.

use crate::error::{Error, Result};
use crate::format::{Diagnostics, Input, ReadOptions, Reader};
use crate::model::{images_mut, Article};
use base64::Engine as _;
use std::collections::HashMap;

/// Reads MHTML files.
pub struct MhtmlReader;

impl Reader for MhtmlReader {
    fn name(&self) -> &str {
        "mhtml"
    }
    fn extensions(&self) -> &[&str] {
        &["mhtml", "mht"]
    }
    fn description(&self) -> &str {
        "a web page saved as one MHTML file, with its images"
    }
    fn read(
        &self,
        input: Input<'_>,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article> {
        let parts = parts(input.bytes)?;
        let page = parts
            .iter()
            .find(|p| p.media_type == "text/html")
            .ok_or_else(|| Error::parse("MHTML", "no HTML part"))?;
        let mut options = options.clone();
        if let Some(url) = page.location.as_deref().filter(|u| crate::fetch::is_url(u)) {
            options.url = Some(url.to_string());
        }
        options.charset.clone_from(&page.charset);
        let html = Input {
            bytes: &page.body,
            path: input.path,
        };
        let mut article = super::html::HtmlReader.read(html, &options, diag)?;
        if article.meta.url.is_none() {
            article.meta.url.clone_from(&options.url);
        }
        let mut by_name: HashMap<&str, &Part> = HashMap::new();
        for part in parts.iter().filter(|p| p.media_type.starts_with("image/")) {
            if let Some(l) = &part.location {
                by_name.insert(l.as_str(), part);
            }
            if let Some(id) = &part.id {
                by_name.insert(id.as_str(), part);
            }
        }
        let embed = |src: &mut String| {
            let key = src.trim();
            let key = key.split_once('#').map_or(key, |(k, _)| k);
            let key = key.strip_prefix("cid:").unwrap_or(key);
            if let Some(part) = by_name.get(key) {
                let data = base64::engine::general_purpose::STANDARD.encode(&part.body);
                *src = format!("data:{};base64,{data}", part.media_type);
            }
        };
        for image in images_mut(&mut article.blocks) {
            embed(&mut image.src);
        }
        if let Some(lead) = &mut article.meta.image {
            embed(lead);
        }
        Ok(article)
    }
}

/// Whether bytes look like an MHTML file: MIME headers naming a `multipart/related` body.
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let headers = head.split("\n\n").next().unwrap_or("");
    let first = headers.lines().next().unwrap_or("");
    (first.starts_with("from:")
        || first.starts_with("mime-version:")
        || first.starts_with("content-type:"))
        && headers.contains("multipart/related")
}

/// One part of the message, decoded.
#[derive(Debug)]
struct Part {
    media_type: String,
    charset: Option<String>,
    location: Option<String>,
    /// The `Content-ID` without its angle brackets.
    id: Option<String>,
    body: Vec<u8>,
}

/// The parts of a `multipart/related` message.
fn parts(bytes: &[u8]) -> Result<Vec<Part>> {
    let (headers, body) = split_headers(bytes);
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let boundary = param(&content_type, "boundary")
        .ok_or_else(|| Error::parse("MHTML", "no multipart boundary in Content-Type"))?;
    let delimiter = format!("--{boundary}");
    let mut out = Vec::new();
    for chunk in split_on(body, delimiter.as_bytes()).into_iter().skip(1) {
        // The closing delimiter is followed by `--`.
        if chunk.starts_with(b"--") {
            break;
        }
        let chunk = chunk
            .strip_prefix(b"\r\n")
            .or_else(|| chunk.strip_prefix(b"\n"))
            .unwrap_or(chunk);
        let (headers, body) = split_headers(chunk);
        // The line break before the next delimiter belongs to the delimiter.
        let body = body
            .strip_suffix(b"\r\n")
            .or_else(|| body.strip_suffix(b"\n"))
            .unwrap_or(body);
        let content_type = header(&headers, "content-type").unwrap_or_default();
        let media_type = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let encoding = header(&headers, "content-transfer-encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let body = match encoding.trim() {
            "base64" => {
                let clean: Vec<u8> = body
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                base64::engine::general_purpose::STANDARD
                    .decode(&clean)
                    .map_err(|e| Error::parse("MHTML", format!("a base64 part: {e}")))?
            }
            "quoted-printable" => quoted_printable(body),
            _ => body.to_vec(),
        };
        out.push(Part {
            charset: param(&content_type, "charset"),
            location: header(&headers, "content-location").map(|l| l.trim().to_string()),
            id: header(&headers, "content-id").map(|i| {
                i.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            }),
            media_type,
            body,
        });
    }
    if out.is_empty() {
        return Err(Error::parse("MHTML", "no parts"));
    }
    Ok(out)
}

/// Unfolded header lines as (lowercase name, value), and the body after the blank line.
fn split_headers(bytes: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let (head, body) = match find(bytes, b"\r\n\r\n") {
        Some(i) if find(bytes, b"\n\n").is_none_or(|j| i < j) => (&bytes[..i], &bytes[i + 4..]),
        _ => match find(bytes, b"\n\n") {
            Some(j) => (&bytes[..j], &bytes[j + 2..]),
            None => (bytes, &[][..]),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    (headers, body)
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// A parameter of a header value (`boundary="..."` of `multipart/related; boundary="..."`).
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_on<'a>(bytes: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while let Some(i) = find(rest, delimiter) {
        out.push(&rest[..i]);
        rest = &rest[i + delimiter.len()..];
    }
    out.push(rest);
    out
}

/// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks.
fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let rest = &bytes[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                rest.first().copied().and_then(hex),
                rest.get(1).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_decoding() {
        assert_eq!(
            quoted_printable(b"caf=C3=A9 =\r\nau lait=3D"),
            "café au lait=".as_bytes()
        );
        assert_eq!(quoted_printable(b"a=\nb=zz="), b"ab=zz=");
    }

    #[test]
    fn parts_of_a_message() {
        let msg = b"From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--B--\"\r\n\r\n----B--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://e.org/a\r\n\r\n<p>h=C3=A9</p>\r\n----B--\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <x@y>\r\n\r\naGk=\r\n----B----\r\n";
        assert!(looks_like_mhtml(msg));
        let p = parts(msg).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].body, "<p>hé</p>".as_bytes());
        assert_eq!(p[0].location.as_deref(), Some("https://e.org/a"));
        assert_eq!(p[1].media_type, "image/png");
        assert_eq!(p[1].id.as_deref(), Some("x@y"));
        assert_eq!(p[1].body, b"hi");
        assert!(parts(b"Content-Type: text/html\r\n\r\n<p>").is_err());
        assert!(!looks_like_mhtml(b"From: Ann\nSubject: Hi\n\nText"));
    }
}

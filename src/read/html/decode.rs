//! Bytes to text: byte-order mark, then valid UTF-8, then the charset the transport (HTTP's
//! `Content-Type`) names, then the charset the page declares, then statistical detection.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How far into the page a `<meta charset>` declaration is looked for.
const PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page to text.
///
/// Valid UTF-8 wins over a declared charset: pages saved as UTF-8 often keep a stale
/// `charset=iso-8859-1`, and legacy text is almost never valid UTF-8 by chance.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    decode_with_hint(bytes, None)
}

/// Decodes an HTML page with the charset its transport named (`text/html; charset=...`).
/// Valid UTF-8 still wins: servers often send a default `iso-8859-1` for UTF-8 pages. An
/// unknown label is no hint.
pub fn decode_with_hint<'b>(bytes: &'b [u8], charset: Option<&str>) -> Cow<'b, str> {
    decode_reporting(bytes, charset).0
}

/// Decodes as [`decode_with_hint`] does; the flag tells whether bytes that are no text in
/// the encoding were replaced with U+FFFD. Undeclared bytes that are UTF-8 but for a few
/// stray bytes stay UTF-8 rather than turning every other character into mojibake.
pub fn decode_reporting<'b>(bytes: &'b [u8], charset: Option<&str>) -> (Cow<'b, str>, bool) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), false);
    }
    let hint = charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .map(|enc| {
            if enc.output_encoding() == UTF_8 {
                UTF_8
            } else {
                enc
            }
        });
    let encoding = hint.or_else(|| declared_charset(bytes)).unwrap_or_else(|| {
        if crate::read::text::decode::mostly_utf8(bytes) {
            UTF_8
        } else {
            detect(bytes)
        }
    });
    encoding.decode_without_bom_handling(bytes)
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Valid UTF-8 was taken before detection runs.
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The charset of the first `<meta charset=...>` or `<meta http-equiv content="...;
/// charset=...">` near the top of the page. UTF-16 labels mean UTF-8 here, as the HTML
/// standard says: a page declaring UTF-16 in ASCII bytes cannot be UTF-16.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(start) = find(rest, b"<meta") {
        let tag = &rest[start..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if let Some(label) = charset_in(&tag[..end]) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(if enc.output_encoding() == UTF_8 {
                    UTF_8
                } else {
                    enc
                });
            }
        }
        rest = &tag[end..];
    }
    None
}

fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")? + b"charset".len();
    let value = tag[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let value = value
        .strip_prefix(b"\"")
        .or_else(|| value.strip_prefix(b"'"))
        .unwrap_or(value);
    let len = value
        .iter()
        .position(|b| b"\"'; \t\r\n/>".contains(b))
        .unwrap_or(value.len());
    (len > 0).then(|| &value[..len])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_decides() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "é".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes), "é");
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9"), "café");
    }

    #[test]
    fn valid_utf8_beats_a_stale_declaration() {
        let page = "<meta charset=\"iso-8859-1\"><p>café</p>";
        assert_eq!(decode(page.as_bytes()), page);
    }

    #[test]
    fn declared_charset_decodes_legacy_bytes() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode(page).contains("Привет"));
        assert_eq!(
            declared_charset(b"<META CHARSET='Shift_JIS'>")
                .unwrap()
                .name(),
            "Shift_JIS"
        );
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared_charset(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn transport_charset_over_the_declared_one_but_not_over_utf8() {
        let page = b"<meta charset=windows-1251><p>caf\xe9</p>";
        assert!(decode_with_hint(page, Some("ISO-8859-1")).contains("caf\u{e9}"));
        assert!(decode_with_hint(page, Some("no-such-charset")).contains("caf\u{439}"));
        let utf8 = "<p>caf\u{e9}</p>";
        assert_eq!(decode_with_hint(utf8.as_bytes(), Some("iso-8859-1")), utf8);
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = "<p>Le café est très bon, à côté de la gare où l'on s'arrête.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        assert_eq!(decode(&bytes), page);
    }
}

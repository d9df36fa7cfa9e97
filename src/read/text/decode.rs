//! Bytes to text: the encoding from a byte-order mark, else UTF-8 when the bytes are valid
//! UTF-8 (or nearly so: a text dump with a stray byte in it), else a guess from the bytes
//! (chardetng); line endings normalized to `\n`.

use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Decodes text of an unknown encoding and normalizes its line endings.
pub fn decode(bytes: &[u8]) -> String {
    normalize_line_endings(&decode_bytes(bytes).0)
}

/// Decodes text of an unknown encoding: by its byte-order mark (UTF-8, UTF-16 LE or BE),
/// else as UTF-8 when it is (or nearly is), else in the encoding its bytes suggest. The
/// flag tells whether bytes that are no text in that encoding were replaced with U+FFFD.
pub fn decode_bytes(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, replaced);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) if mostly_utf8(bytes) => (String::from_utf8_lossy(bytes), true),
        Err(_) => guess(bytes).decode_without_bom_handling(bytes),
    }
}

/// The warning for input whose invalid bytes were replaced.
pub const REPLACED_WARNING: &str =
    "input is not valid in its encoding; invalid bytes were replaced with U+FFFD";

/// Valid multi-byte sequences for each invalid byte that still make a text UTF-8.
const VALID_PER_INVALID: usize = 20;

/// Whether bytes that are not valid UTF-8 are UTF-8 all the same, with a few stray bytes
/// (a page's text dumped with a byte cut from a character): in a legacy encoding, nearly
/// every byte above ASCII is invalid UTF-8.
pub fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid >= VALID_PER_INVALID * invalid
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    // Invalid UTF-8 was the reason to guess: never answer UTF-8 again.
    match detector.guess(None, chardetng::Utf8Detection::Deny) {
        e if e == UTF_8 => encoding_rs::WINDOWS_1252,
        e => e,
    }
}

/// `\r\n` and lone `\r` become `\n`; form feeds and other page breaks become blank lines;
/// NUL becomes U+FFFD.
pub(crate) fn normalize_line_endings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{0085}' => out.push('\n'),
            '\u{000C}' | '\u{2029}' => out.push_str("\n\n"),
            // As CommonMark and HTML read it: a NUL is never text.
            '\0' => out.push('\u{FFFD}'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes()), "héllo");
        assert_eq!(decode(b"\xEF\xBB\xBFh\xC3\xA9llo"), "héllo");
    }

    #[test]
    fn utf16_by_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le), "Hé\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hé\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be), "Hé\n");
    }

    #[test]
    fn legacy_encodings_are_guessed() {
        // "Le café était très bon, à mon avis." in Windows-1252.
        let bytes = b"Le caf\xE9 \xE9tait tr\xE8s bon, \xE0 mon avis. L'\xE9t\xE9 arrive.";
        assert_eq!(
            decode(bytes),
            "Le café était très bon, à mon avis. L'été arrive."
        );
    }

    #[test]
    fn a_stray_byte_in_utf8_text_leaves_it_utf8() {
        let mut bytes = "今日は晴れ。明日は雨。東京の天気は変わりやすい。"
            .repeat(2)
            .into_bytes();
        bytes.insert(9, 0xB8);
        assert_eq!(
            decode(&bytes),
            format!(
                "今日は\u{FFFD}晴れ。明日は雨。東京の天気は変わりやすい。{}",
                "今日は晴れ。明日は雨。東京の天気は変わりやすい。"
            )
        );
        // Few valid characters for the invalid bytes: a legacy encoding.
        let legacy = decode(b"Le caf\xE9 \xE9tait tr\xE8s bon, \xE0 mon avis. \xC3\xA9");
        assert!(legacy.starts_with("Le café était très bon"), "{legacy}");
        assert!(!legacy.contains('\u{FFFD}'));
    }

    #[test]
    fn line_endings() {
        assert_eq!(decode(b"a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(decode(b"a\x0Cb"), "a\n\nb");
    }
}

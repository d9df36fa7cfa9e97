//! A minimal streaming XML writer: tags, attributes and text escaped with quick-xml, and
//! characters that XML 1.0 forbids removed.

use quick_xml::escape::{escape, partial_escape};
use std::borrow::Cow;
use std::io::{self, Write};

/// Streams XML to an output. Names are trusted (they come from this crate); attribute values
/// and text are escaped.
pub struct Xml<W: Write> {
    out: W,
}

impl<W: Write> Xml<W> {
    pub fn new(out: W) -> Xml<W> {
        Xml { out }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    /// Markup written as it is (the prolog).
    pub fn raw(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(s.as_bytes())
    }

    pub fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs)?;
        self.out.write_all(b">")
    }

    pub fn end(&mut self, name: &str) -> io::Result<()> {
        self.out.write_all(b"</")?;
        self.out.write_all(name.as_bytes())?;
        self.out.write_all(b">")
    }

    /// An end tag followed by a newline, for elements that are not inside mixed content.
    pub fn end_line(&mut self, name: &str) -> io::Result<()> {
        self.end(name)?;
        self.newline()
    }

    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.tag(name, attrs)?;
        self.out.write_all(b"/>")
    }

    /// An element holding only text: `<name attrs>text</name>`.
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
        self.start(name, attrs)?;
        self.text(text)?;
        self.end(name)
    }

    pub fn text(&mut self, s: &str) -> io::Result<()> {
        self.out.write_all(partial_escape(xml_chars(s)).as_bytes())
    }

    pub fn newline(&mut self) -> io::Result<()> {
        self.out.write_all(b"\n")
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
        self.out.write_all(b"<")?;
        self.out.write_all(name.as_bytes())?;
        for (key, value) in attrs {
            self.out.write_all(b" ")?;
            self.out.write_all(key.as_bytes())?;
            self.out.write_all(b"=\"")?;
            self.out.write_all(escape(xml_chars(value)).as_bytes())?;
            self.out.write_all(b"\"")?;
        }
        Ok(())
    }
}

/// Whether XML 1.0 allows a character (surrogates cannot occur in a `str`).
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The text without the characters XML 1.0 forbids; borrowed when there are none.
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    // Forbidden characters are ASCII controls or U+FFFE/U+FFFF (encoded EF BF BE/BF).
    let suspect = s.bytes().any(|b| b < 0x20 || b == 0xEF);
    if suspect && !s.chars().all(is_xml_char) {
        Cow::Owned(s.chars().filter(|&c| is_xml_char(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Xml<Vec<u8>>) -> io::Result<()>) -> String {
        let mut x = Xml::new(Vec::new());
        f(&mut x).unwrap();
        String::from_utf8(x.into_inner()).unwrap()
    }

    #[test]
    fn escapes_text_and_attributes() {
        let s = written(|x| x.leaf("p", &[("title", "a \"b\" <&>")], "x < y & z > 'w'"));
        assert_eq!(
            s,
            "<p title=\"a &quot;b&quot; &lt;&amp;&gt;\">x &lt; y &amp; z &gt; 'w'</p>"
        );
    }

    #[test]
    fn removes_characters_xml_forbids() {
        let s = written(|x| x.text("a\u{0}b\u{1b}c\u{fffe}d\u{ffff}e\tf\ng\u{fffd}é"));
        assert_eq!(s, "abcde\tf\ng\u{fffd}é");
        assert!(matches!(xml_chars("plain text ï"), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_carriage_returns_as_references() {
        assert_eq!(written(|x| x.text("a\r\nb")), "a&#13;\nb");
    }
}

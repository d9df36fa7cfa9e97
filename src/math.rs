//! TeX math to MathML, with pulldown-latex.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage};
use quick_xml::events::{BytesStart, Event};

/// Why TeX could not be converted, as pulldown-latex words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TexError(pub String);

impl std::fmt::Display for TexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The MathML of TeX math (a `<math>` element in the MathML namespace), or why the TeX is
/// malformed.
pub fn to_mathml(tex: &str, display: bool) -> Result<String, TexError> {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(tex, &storage).collect();
    if let Some(Err(e)) = events.iter().find(|e| e.is_err()) {
        // The first line says what is wrong; the next ones draw where.
        let message = e.to_string();
        return Err(TexError(message.lines().next().unwrap_or("").to_string()));
    }
    let mut config = RenderConfig {
        xml: true,
        ..RenderConfig::default()
    };
    if display {
        config.display_mode = DisplayMode::Block;
    }
    let mut out = String::new();
    pulldown_latex::push_mathml(&mut out, events.into_iter(), config)
        .map_err(|e| TexError(e.to_string()))?;
    let out = escape_bare_text(&out);
    // What is not well-formed XML could break the document it goes into: such math stays
    // TeX, as malformed TeX does.
    if !is_well_formed(&out) {
        return Err(TexError(
            "the math does not render as well-formed MathML".into(),
        ));
    }
    Ok(out)
}

/// MathML whose operators and identifiers are written as they are (pulldown-latex writes
/// `a<b` as `<mo><</mo>`), with `<` and `&` that start no markup escaped.
fn escape_bare_text(mathml: &str) -> String {
    let bytes = mathml.as_bytes();
    let mut out = String::with_capacity(mathml.len());
    let mut in_tag = false;
    for (i, c) in mathml.char_indices() {
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        let after = bytes.get(i + 2).copied().unwrap_or(b' ');
        match c {
            '<' if !in_tag => {
                if next.is_ascii_alphabetic() || (next == b'/' && after.is_ascii_alphabetic()) {
                    in_tag = true;
                    out.push('<');
                } else {
                    out.push_str("&lt;");
                }
            }
            '>' if in_tag => {
                in_tag = false;
                out.push('>');
            }
            '>' => out.push_str("&gt;"),
            '&' if !in_tag && !starts_reference(&mathml[i..]) => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether text starts with a character or entity reference (`&lt;`, `&#955;`).
fn starts_reference(text: &str) -> bool {
    let body = &text[1..];
    let name_len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && body.as_bytes().get(name_len) == Some(&b';')
}

/// Whether a fragment parses as XML with every element closed.
fn is_well_formed(xml: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => return depth == 0,
            Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// MathML with every element name given a prefix (`mml:math`, as JATS wants it) and the
/// namespace declaration left to the document, and with `alttext` set on `<math>`.
pub fn rewrite(mathml: &str, prefix: Option<&str>, alttext: Option<&str>) -> String {
    let mut reader = quick_xml::Reader::from_str(mathml);
    let mut writer = quick_xml::Writer::new(Vec::new());
    let name = |local: &str| -> String {
        match prefix {
            Some(p) => format!("{p}:{local}"),
            None => local.to_string(),
        }
    };
    let element = |e: &BytesStart<'_>| -> BytesStart<'static> {
        let is_math = e.local_name().into_inner() == "math";
        let mut out = BytesStart::new(name(e.local_name().into_inner()));
        for attr in e.attributes().flatten() {
            let key: &str = attr.key.into_inner();
            let namespace = key == "xmlns" || key.starts_with("xmlns:");
            if (namespace && prefix.is_some()) || (is_math && key == "alttext") {
                continue;
            }
            out.push_attribute(attr);
        }
        if let (true, Some(alt)) = (is_math, alttext) {
            out.push_attribute(("alttext", alt));
        }
        out.into_owned()
    };
    loop {
        let written = match reader.read_event() {
            Ok(Event::Start(e)) => writer.write_event(Event::Start(element(&e))),
            Ok(Event::Empty(e)) => writer.write_event(Event::Empty(element(&e))),
            Ok(Event::End(e)) => {
                let end = name(e.local_name().into_inner());
                writer.write_event(Event::End(quick_xml::events::BytesEnd::new(end)))
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(other) => writer.write_event(other),
        };
        if written.is_err() {
            break;
        }
    }
    String::from_utf8(writer.into_inner()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_tex_and_refuses_malformed_tex() {
        let m = to_mathml(r"e^{i\pi}+1=0", false).unwrap();
        assert!(m.starts_with("<math"), "{m}");
        assert!(m.contains("<msup>"), "{m}");
        assert!(m.contains("π"), "{m}");
        let d = to_mathml(r"\int_0^1 x\,dx", true).unwrap();
        assert!(d.contains("display=\"block\""), "{d}");
        assert!(to_mathml(r"\frac{1}{", false).is_err());
        let e = to_mathml(r"x^", false).unwrap_err();
        assert!(!e.0.contains('\n') && !e.0.is_empty(), "{e}");
    }

    #[test]
    fn comparison_operators_and_ampersands_are_escaped() {
        // Found by fuzzing: `a<b` made `<mo><</mo>`, which broke the JATS and XHTML around it.
        for tex in ["a<b", "a>b", "x<=y", r"a \& b", "a</b", "<e</em></p><fi"] {
            let m = to_mathml(tex, false).unwrap_or_else(|e| panic!("{tex}: {e}"));
            assert!(is_well_formed(&m), "{tex}: {m}");
            let r = rewrite(&m, Some("mml"), Some(tex));
            assert!(is_well_formed(&r), "{tex}: {r}");
            assert!(r.ends_with("</mml:math>"), "{tex}: {r}");
        }
        let m = to_mathml("a<b", false).unwrap();
        assert!(m.contains("<mo>&lt;</mo>"), "{m}");
        assert_eq!(
            escape_bare_text("<mo>&amp;</mo><mo>&</mo>"),
            "<mo>&amp;</mo><mo>&amp;</mo>"
        );
    }

    #[test]
    fn rewrites_with_prefix_and_alttext() {
        let m = to_mathml("x^2", false).unwrap();
        let r = rewrite(&m, Some("mml"), Some("x^2 < 3"));
        assert!(r.starts_with("<mml:math"), "{r}");
        assert!(r.contains("alttext=\"x^2 &lt; 3\""), "{r}");
        assert!(r.contains("<mml:msup>"), "{r}");
        assert!(r.ends_with("</mml:math>"), "{r}");
        assert!(!r.contains("xmlns"), "{r}");
        let plain = rewrite(&m, None, Some("x^2"));
        assert!(
            plain.starts_with("<math display=\"inline\" xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x^2\">"),
            "{plain}"
        );
    }
}

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
    Ok(out)
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

//! Character references in text that did not go through the HTML parser (JSON-LD values,
//! raw HTML inside Markdown) or went through it escaped twice (`&amp;reg;` in a meta tag).

/// Replaces named references (`&amp;`, `&bull;`) and numeric references.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 10);
        let decoded = end.and_then(|j| reference(&rest[1..j]).map(|c| (c, j)));
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    // The HTML standard's table, as the parser has it (names with their `;`).
    let key = format!("{name};");
    let &(code, second) = html5ever::data::NAMED_ENTITIES.get(key.as_str())?;
    // The few references to two characters are left as written.
    (second == 0).then(|| char::from_u32(code)).flatten()
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn references() {
        assert_eq!(unescape("a &amp; b &#39;c&#x27; &lt;"), "a & b 'c' <");
        assert_eq!(unescape("AT&T & co; &bogus;"), "AT&T & co; &bogus;");
        assert_eq!(unescape("Plate &bull; TFC8&reg;"), "Plate • TFC8®");
    }
}

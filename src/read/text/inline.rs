//! Inline markup that plain text often carries by habit: `*emphasis*`, `_emphasis_`,
//! `**strong**`, `` `code` ``, `[links](url)` and `<http://autolinks>`. Anything that does
//! not close stays text, as written.

use crate::model::{normalize_inlines, Inline};

/// Nesting beyond this stays text, so that hostile input cannot recurse without end.
const MAX_DEPTH: usize = 8;
/// How far a closing delimiter is looked for, which keeps parsing linear on long lines.
const MAX_SPAN: usize = 2000;

/// The inlines of a line of text.
pub fn parse(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    normalize_inlines(parse_chars(&chars, 0))
}

fn parse_chars(s: &[char], depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let closes = bracket_closes(s);
    let mut i = 0;
    while i < s.len() {
        let found = if depth < MAX_DEPTH {
            code(s, i)
                .or_else(|| link(s, i, closes[i], depth))
                .or_else(|| autolink(s, i))
                .or_else(|| delimited(s, i, depth))
        } else {
            None
        };
        match found {
            Some((inline, end)) => {
                out.push(Inline::text(std::mem::take(&mut buf)));
                out.push(inline);
                i = end;
            }
            None => {
                if s[i] == '\\' && s.get(i + 1).is_some_and(|c| c.is_ascii_punctuation()) {
                    i += 1;
                }
                buf.push(s[i]);
                i += 1;
            }
        }
    }
    out.push(Inline::text(buf));
    out
}

/// For each `[`, the index of the `]` that balances it, found in one pass.
fn bracket_closes(s: &[char]) -> Vec<Option<usize>> {
    let mut closes = vec![None; s.len()];
    let mut open = Vec::new();
    for (k, c) in s.iter().enumerate() {
        match c {
            '[' => open.push(k),
            ']' => {
                if let Some(o) = open.pop() {
                    closes[o] = Some(k);
                }
            }
            _ => {}
        }
    }
    closes
}

fn run_len(s: &[char], i: usize, c: char) -> usize {
    s[i..].iter().take_while(|&&x| x == c).count()
}

/// `` `code` ``: a run of backticks up to the next run of the same length.
fn code(s: &[char], i: usize) -> Option<(Inline, usize)> {
    if s[i] != '`' || (i > 0 && s[i - 1] == '`') {
        return None;
    }
    let n = run_len(s, i, '`');
    let mut k = i + n;
    while k < s.len().min(i + MAX_SPAN) {
        if s[k] == '`' {
            let m = run_len(s, k, '`');
            if m == n {
                let text: String = s[i + n..k].iter().collect();
                let trimmed = text.trim();
                return (!trimmed.is_empty()).then(|| {
                    (
                        Inline::Code {
                            text: trimmed.to_string(),
                        },
                        k + m,
                    )
                });
            }
            k += m;
        } else {
            k += 1;
        }
    }
    None
}

/// `[text](url)` or `[text](url "title")`.
fn link(s: &[char], i: usize, close: Option<usize>, depth: usize) -> Option<(Inline, usize)> {
    let close = close.filter(|&c| s[i] == '[' && c - i <= MAX_SPAN)?;
    if s.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..s.len().min(close + MAX_SPAN)).find(|&k| s[k] == ')')?;
    let target: String = s[close + 2..end].iter().collect();
    let mut parts = target.trim().splitn(2, char::is_whitespace);
    let url = parts
        .next()
        .unwrap_or("")
        .trim_matches(['<', '>'])
        .to_string();
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    let title = parts
        .next()
        .map(|t| t.trim().trim_matches(['"', '\'']).to_string())
        .filter(|t| !t.is_empty());
    let content = parse_chars(&s[i + 1..close], depth + 1);
    Some((Inline::link(url, title, content), end + 1))
}

/// `<https://example.com>`.
fn autolink(s: &[char], i: usize) -> Option<(Inline, usize)> {
    if s[i] != '<' {
        return None;
    }
    let end = (i + 1..s.len().min(i + MAX_SPAN)).find(|&k| s[k] == '>' || s[k].is_whitespace())?;
    if s[end] != '>' {
        return None;
    }
    let url: String = s[i + 1..end].iter().collect();
    (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:")).then(
        || {
            let content = vec![Inline::text(url.trim_start_matches("mailto:"))];
            (Inline::link(url, None, content), end + 1)
        },
    )
}

/// `*em*`, `_em_`, `**strong**`, `__strong__`: the opener touches the next word, the closer
/// the previous one, and `_` never opens or closes inside a word (`snake_case`).
fn delimited(s: &[char], i: usize, depth: usize) -> Option<(Inline, usize)> {
    let c = s[i];
    if c != '*' && c != '_' {
        return None;
    }
    // Only the start of a run opens, and runs are measured no further than needed.
    if i > 0 && s[i - 1] == c {
        return None;
    }
    let n = s[i..].iter().take(3).take_while(|&&x| x == c).count();
    if n > 2 {
        return None;
    }
    let word = |k: Option<&char>| k.is_some_and(|x| x.is_alphanumeric());
    let opens = s.get(i + n).is_some_and(|x| !x.is_whitespace())
        && !(c == '_' && i > 0 && word(s.get(i - 1)));
    if !opens {
        return None;
    }
    let mut k = i + n;
    while k < s.len().min(i + MAX_SPAN) {
        if s[k] == c {
            let m = run_len(s, k, c);
            let closes = m == n && !s[k - 1].is_whitespace() && !(c == '_' && word(s.get(k + m)));
            if closes && k > i + n {
                let content = parse_chars(&s[i + n..k], depth + 1);
                let inline = if n == 2 {
                    Inline::Strong { content }
                } else {
                    Inline::Emphasis { content }
                };
                return Some((inline, k + m));
            }
            k += m;
        } else {
            k += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    #[test]
    fn markdown_looking_inlines() {
        assert_eq!(
            parse("a *b* and **c** with `x*y`"),
            vec![
                t("a "),
                Inline::Emphasis {
                    content: vec![t("b")]
                },
                t(" and "),
                Inline::Strong {
                    content: vec![t("c")]
                },
                t(" with "),
                Inline::Code { text: "x*y".into() },
            ]
        );
        assert_eq!(
            parse("see [the *docs*](https://x.org \"T\")."),
            vec![
                t("see "),
                Inline::link(
                    "https://x.org",
                    Some("T".into()),
                    vec![
                        t("the "),
                        Inline::Emphasis {
                            content: vec![t("docs")]
                        }
                    ],
                ),
                t("."),
            ]
        );
    }

    #[test]
    fn plain_uses_of_the_characters_stay_text() {
        for s in [
            "5 * 3 * 2 = 30",
            "snake_case_name and other_name",
            "[Photo: Xinhua]",
            "a <b> c",
            "unclosed *star",
            "***",
        ] {
            assert_eq!(parse(s), vec![t(s)], "{s}");
        }
        assert_eq!(parse(r"\*not\*"), vec![t("*not*")]);
    }

    #[test]
    fn deep_nesting_does_not_recurse_forever() {
        let s = "[".repeat(5000) + "x" + &"](u)".repeat(5000);
        assert!(!parse(&s).is_empty());
        let s = "*a ".repeat(5000) + &"b* ".repeat(5000);
        assert!(!parse(&s).is_empty());
    }
}

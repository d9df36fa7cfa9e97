//! Lines to units: the candidate blocks of a text, each one paragraph, list item, heading,
//! quote, code block or rule. Hard-wrapped lines are joined back into their paragraph.

use crate::lang::is_stop_word;

/// What a unit is, as far as its own lines tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A line or a reflowed paragraph.
    Text,
    /// An explicit heading: `#` line or Setext underline.
    Heading(u8),
    /// A list item; `number` is set for ordered items (`1.`, `1)`, `a)`).
    Item {
        number: Option<u64>,
        indent: usize,
    },
    /// The text of a `>` quote, its markers removed.
    Quote,
    /// Fenced or indented code, with the fence's language.
    Code(Option<String>),
    Rule,
}

/// One candidate block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: Kind,
    pub text: String,
    /// Index of the blank-line separated group of lines the unit comes from.
    pub group: usize,
    /// Columns of indentation of its first line beyond the text's least.
    pub indent: usize,
}

/// Splits text into units.
pub fn segment(text: &str) -> Vec<Unit> {
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end()).collect();
    let base = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    let width = wrap_width(&lines);
    let mut units = Vec::new();
    let mut group = 0;
    let mut i = 0;
    let push = |units: &mut Vec<Unit>, kind, text: String, group, indent| {
        units.push(Unit {
            kind,
            text,
            group,
            indent,
        })
    };
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        let ind = indent(line).saturating_sub(base);
        if t.is_empty() {
            group += 1;
            i += 1;
            continue;
        }
        let starts_group = i == 0 || lines[i - 1].trim().is_empty();
        if let Some((fence, language)) = fence_open(t) {
            // As in CommonMark, the closing fence is a run of the same character at least
            // as long, and nothing else: a shorter fence or one with an info string is code.
            let end = (i + 1..lines.len())
                .find(|&k| {
                    let close = lines[k].trim();
                    close.len() >= fence.len() && close.bytes().all(|b| b == fence.as_bytes()[0])
                })
                .unwrap_or(lines.len());
            let code = dedent(&lines[i + 1..end], ind + base);
            push(&mut units, Kind::Code(language), code, group, ind);
            i = end + 1;
            group += 1;
            continue;
        }
        if ind >= 4 && starts_group {
            let mut end = i;
            while end < lines.len()
                && (lines[end].trim().is_empty() || indent(lines[end]) >= base + 4)
            {
                end += 1;
            }
            while end > i && lines[end - 1].trim().is_empty() {
                end -= 1;
            }
            let first_group = (i..end)
                .find(|&k| lines[k].trim().is_empty())
                .unwrap_or(end);
            if is_code(&lines[i..first_group]) {
                push(
                    &mut units,
                    Kind::Code(None),
                    dedent(&lines[i..end], base + 4),
                    group,
                    ind,
                );
                i = end;
                continue;
            }
        }
        if let Some(level) = atx_level(t) {
            let title = t
                .trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim_end();
            push(
                &mut units,
                Kind::Heading(level),
                title.to_string(),
                group,
                ind,
            );
            i += 1;
            continue;
        }
        if let Some(level) = lines.get(i + 1).and_then(|u| setext_level(u)) {
            if item_marker(t).is_none() && !t.starts_with('>') {
                push(&mut units, Kind::Heading(level), t.to_string(), group, ind);
                i += 2;
                continue;
            }
        }
        if is_rule(t) {
            push(&mut units, Kind::Rule, String::new(), group, ind);
            i += 1;
            continue;
        }
        if t.starts_with('>') {
            let mut quoted = Vec::new();
            while i < lines.len() && lines[i].trim_start().starts_with('>') {
                let inner = lines[i].trim_start()[1..].strip_prefix(' ');
                quoted.push(inner.unwrap_or(&lines[i].trim_start()[1..]));
                i += 1;
            }
            push(&mut units, Kind::Quote, quoted.join("\n"), group, ind);
            continue;
        }
        let (kind, first) = match marker_at(&lines, i) {
            Some((number, rest)) => (
                Kind::Item {
                    number,
                    indent: ind,
                },
                rest,
            ),
            None => (Kind::Text, t),
        };
        let mut text = first.to_string();
        let mut last = line;
        i += 1;
        while let Some(&next) = lines.get(i) {
            let n = next.trim();
            let continues_item =
                matches!(kind, Kind::Item { .. }) && indent(next).saturating_sub(base) > ind;
            let structural = n.is_empty()
                || marker_at(&lines, i).is_some()
                || n.starts_with('>')
                || fence_open(n).is_some()
                || atx_level(n).is_some()
                || is_rule(n)
                || lines.get(i + 1).is_some_and(|u| setext_level(u).is_some());
            if structural || !(continues_item || soft_break(last, n, width)) {
                break;
            }
            if !joins_without_space(&text, n) {
                text.push(' ');
            }
            text.push_str(n);
            last = next;
            i += 1;
        }
        push(&mut units, kind, text, group, ind);
    }
    units
}

/// Whether an indented block is code. Text dumps of web pages and e-mail indent lists and
/// prose too: a block led by (or mostly of) list items is a list, and one that reads as
/// sentences (function words, little of code's punctuation) or as capitalised labels is
/// text.
fn is_code(block: &[&str]) -> bool {
    let lines: Vec<&str> = block
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    let items = lines.iter().filter(|l| item_marker(l).is_some()).count();
    if lines.first().is_some_and(|l| item_marker(l).is_some()) || items * 2 >= lines.len() {
        return false;
    }
    let text = block.join(" ");
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let function_words = words.iter().filter(|w| is_stop_word(w)).count();
    let symbols = text
        // "Drugs & Supplements" is a label; `a && b` is code.
        .replace(" & ", " ")
        .chars()
        .filter(|c| {
            matches!(
                c,
                '{' | '}' | ';' | '=' | '<' | '>' | '(' | ')' | '[' | ']' | '$' | '\\' | '|' | '&'
            )
        })
        .count();
    let few_symbols = symbols * 10 < words.len().max(1);
    let prose = words.len() >= 8 && function_words * 6 >= words.len() && few_symbols;
    // Code lines start with identifiers, keywords and symbols; menu labels and titles with
    // a capital.
    let labels = few_symbols
        && lines
            .iter()
            .filter_map(|l| item_marker(l).map_or(*l, |(_, rest)| rest).chars().next())
            .all(char::is_uppercase);
    !prose && !labels && (symbols > 0 || lines.iter().any(|l| has_code_marks(l)))
}

/// The marks of code or of a command beyond brackets and operators: a path, a name with an
/// underscore, a dotted name (`plan.pdf`, `os.path`), a flag (`--open`, `-v`). Laid-out
/// text without any of them (a menu, a teaser) is not code.
fn has_code_marks(line: &str) -> bool {
    let dotted = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'.' && w[2].is_ascii_alphanumeric());
    dotted
        || line.contains(['/', '_', '`', '#', '@', '%', '*'])
        || line
            .split_whitespace()
            .any(|w| w.starts_with('-') && w.len() > 1)
}

fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Lines with `n` columns of indentation removed (less where a line has less).
fn dedent(lines: &[&str], n: usize) -> String {
    lines
        .iter()
        .map(|l| {
            let mut cut = 0;
            for (i, c) in l.char_indices() {
                if cut >= n || !c.is_whitespace() {
                    return &l[i..];
                }
                cut += if c == '\t' { 4 } else { 1 };
            }
            ""
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Lines in a hundred, of 20 columns or more, that may run past the width of a wrapped text
/// (web addresses, words too long to break).
const OVERLONG_PER_HUNDRED: usize = 3;

/// A wrapped text has at least one in this many of its lines in the band below its width.
const BAND_SHARE: usize = 5;

/// The narrowest width texts are wrapped at: a band of narrower lines is a menu.
const MIN_WRAP_WIDTH: usize = 60;

/// How close below the width most lines of a wrapped paragraph end, in columns.
const WRAP_BAND: usize = 10;

/// The width a hard-wrapped text was wrapped at: the end of the band of widths where many
/// of its lines of 20 columns or more stop, else the 90th percentile of their widths. A
/// text whose lines often run well past that was written one line per paragraph: it has
/// no width, so that its lines never look wrapped.
fn wrap_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| columns(l.trim_end()))
        .filter(|&n| n >= 20)
        .collect();
    if widths.len() < 3 {
        return usize::MAX;
    }
    widths.sort_unstable();
    // The fullest band, the widest one of those as full.
    let mut best = (0, 0);
    let mut from = 0;
    for (to, &w) in widths.iter().enumerate() {
        while widths[from] + WRAP_BAND <= w {
            from += 1;
        }
        if to + 1 - from >= best.0 {
            best = (to + 1 - from, to);
        }
    }
    let (in_band, end) = best;
    let percentile = widths[widths.len() * 9 / 10];
    let overlong = widths.iter().filter(|&&n| n * 10 > percentile * 11).count();
    if in_band >= 3 && in_band * BAND_SHARE >= widths.len() && widths[end] >= MIN_WRAP_WIDTH {
        widths[end]
    } else if overlong * 100 <= widths.len() * OVERLONG_PER_HUNDRED {
        percentile
    } else {
        usize::MAX
    }
}

/// Whether the break after `line` was made by wrapping: the next word would not have fit,
/// or the sentence plainly goes on (no closing punctuation, the next line in lower case).
fn soft_break(line: &str, next: &str, width: usize) -> bool {
    let open_sentence = !line
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '”', ')'])
        && next.chars().next().is_some_and(char::is_lowercase);
    if open_sentence {
        return true;
    }
    // Chinese and Japanese break between any two characters: their first word is one.
    let first_word = match next.chars().next() {
        Some(c) if is_unspaced_script(c) => 2,
        _ => next.split_whitespace().next().map_or(0, columns),
    };
    let len = columns(line.trim_end());
    len * 2 >= width && len + 1 + first_word > width
}

/// The width of a line on a terminal: Chinese, Japanese and Korean characters take two
/// columns, so a text wrapped at 80 columns holds 40 of them to a line.
fn columns(text: &str) -> usize {
    text.chars()
        .map(
            |c| match is_unspaced_script(c) || matches!(c as u32, 0xAC00..=0xD7AF) {
                true => 2,
                false => 1,
            },
        )
        .sum()
}

/// Chinese and Japanese are written without spaces: a line wrapped inside them joins the
/// next line directly ("東京の天" + "気" is "東京の天気"). Korean puts spaces between words.
fn joins_without_space(before: &str, after: &str) -> bool {
    before.chars().next_back().is_some_and(is_unspaced_script)
        || after.chars().next().is_some_and(is_unspaced_script)
}

/// Han, kana, and the full-width punctuation and forms written with them.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60)
}

/// An opening code fence: the fence (three or more backticks or tildes) and the language.
fn fence_open(t: &str) -> Option<(&str, Option<String>)> {
    let three = ["```", "~~~"].into_iter().find(|f| t.starts_with(f))?;
    let info = t.trim_start_matches(three.as_bytes()[0] as char);
    let fence = &t[..t.len() - info.len()];
    let language = info.split_whitespace().next().map(str::to_string);
    Some((fence, language))
}

fn atx_level(t: &str) -> Option<u8> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty())
        .then_some(hashes as u8)
}

/// A Setext underline: `===` for level 1, `---` for level 2.
fn setext_level(line: &str) -> Option<u8> {
    let t = line.trim();
    let level = match t.chars().next()? {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    let first = t.chars().next()?;
    (t.len() >= 3 && t.chars().all(|c| c == first)).then_some(level)
}

fn is_rule(t: &str) -> bool {
    let Some(first) = t.chars().next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=' | '~')
        && t.chars().filter(|&c| c == first).count() >= 3
        && t.chars().all(|c| c == first || c == ' ')
}

/// The list item marker of line `i`, as [`item_marker`] reads it or, in context, the "o" that
/// text browsers (lynx, w3m) put before the items of a list nested in another: "o" leads an
/// item beside another such line, or after an item when a capital follows it (a line of
/// wrapped Portuguese or Italian may well start with the article "o").
fn marker_at<'a>(lines: &[&'a str], i: usize) -> Option<(Option<u64>, &'a str)> {
    let t = lines[i].trim();
    if let Some(marker) = item_marker(t) {
        return Some(marker);
    }
    let rest = t.strip_prefix("o ")?;
    let bullet = |k: usize| lines.get(k).is_some_and(|l| l.trim().starts_with("o "));
    let after_item = i > 0 && item_marker(lines[i - 1].trim()).is_some();
    let capital = rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (bullet(i + 1) || (i > 0 && bullet(i - 1)) || (after_item && capital))
        .then(|| (None, rest.trim_start()))
}

/// A list item's marker: its number for ordered items, and the text after the marker.
pub fn item_marker(t: &str) -> Option<(Option<u64>, &str)> {
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if matches!(
        first,
        '*' | '-'
            | '+'
            | '•'
            | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '–'
            | '·'
            | '●'
            | '○'
            | '■'
            | '□'
            | '☆'
            | '◆'
            | '◇'
            | '►'
            | '▸'
            | '➤'
    ) {
        let rest = &t[first.len_utf8()..];
        return match rest.chars().next() {
            None => Some((None, "")),
            Some(c) if c.is_whitespace() => Some((None, rest.trim_start())),
            _ => None,
        };
    }
    let end = t
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(t.len(), |(i, _)| i);
    let (label, after) = t.split_at(end);
    let delimiter = after.chars().next()?;
    let rest = &after[delimiter.len_utf8()..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let number =
        if label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit()) && !label.is_empty() {
            (matches!(delimiter, '.' | ')'))
                .then(|| label.parse().ok())
                .flatten()
        } else if label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()) {
            // "a)" and "a." ; capital letters only with ")" since "A. Lincoln" is a name.
            matches!(delimiter, '.' | ')').then(|| u64::from(label.as_bytes()[0] - b'a') + 1)
        } else if label.len() == 1 && label.bytes().all(|b| b.is_ascii_uppercase()) {
            (delimiter == ')').then(|| u64::from(label.as_bytes()[0] - b'A') + 1)
        } else {
            None
        }?;
    Some((Some(number), rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        segment(text)
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_reflowed() {
        let text = "It was a bright cold day in April, and the clocks were striking\n\
                    thirteen. Winston Smith, his chin nuzzled into his breast in an\n\
                    effort to escape the vile wind, slipped quickly through the glass\n\
                    doors of Victory Mansions.\n\
                    \n\
                    The hallway smelt of boiled cabbage and old rag mats. At one end\n\
                    of it a coloured poster, too large for indoor display, had been\n\
                    tacked to the wall.\n";
        let units = kinds(text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(units[0].1.starts_with(
            "It was a bright cold day in April, and the clocks were striking thirteen."
        ));
        assert!(units[0].1.ends_with("glass doors of Victory Mansions."));
        assert_eq!(units[1].1, "The hallway smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for indoor display, had been tacked to the wall.");
    }

    #[test]
    fn wrapped_chinese_and_japanese_join_without_a_space() {
        // Wrapped at 76 columns, 38 characters of two columns each.
        let text = "東京の天気は変わりやすく、明日は一日中雨が降るでしょう。最高気温は摂氏で十二\n\
                    度の予想です。週末は公園で花見の会が開かれ、多くの人々が集まるでしょう、と\n\
                    会場ではWi-Fiの「フリー」サービスが始まり（無料）、誰でもいつでも自由に使え\n\
                    ます。\n";
        let units = kinds(text);
        assert_eq!(units.len(), 1, "{units:?}");
        assert_eq!(units[0].1, "東京の天気は変わりやすく、明日は一日中雨が降るでしょう。最高気温は摂氏で十二度の予想です。週末は公園で花見の会が開かれ、多くの人々が集まるでしょう、と会場ではWi-Fiの「フリー」サービスが始まり（無料）、誰でもいつでも自由に使えます。");
        assert!(joins_without_space("天気", "は"));
        assert!(!joins_without_space("오늘은", "날씨가"));
        assert!(!joins_without_space("the", "day"));
    }

    #[test]
    fn the_indent_of_a_first_line_counts_in_its_width() {
        // Wrapped at 76 columns; each paragraph opens with two ideographic spaces.
        let para = |c: char| {
            format!(
                "\u{3000}\u{3000}{}\n{}\n{}。\n",
                c.to_string().repeat(36),
                c.to_string().repeat(38),
                c.to_string().repeat(10)
            )
        };
        let text = format!("{}\n{}", para('雨'), para('雪'));
        let units = kinds(&text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert_eq!(units[0].1, format!("{}。", "雨".repeat(84)));
    }

    #[test]
    fn the_wrap_width_is_where_most_lines_stop() {
        let wrapped = "It was a bright cold day in April, and the clocks were striking\n\
                       thirteen. Winston Smith, his chin nuzzled into his breast in an\n\
                       effort to escape the vile wind, slipped quickly through the glass\n\
                       doors of Victory Mansions, though not quickly enough to prevent\n\
                       a swirl of gritty dust from entering along with him.\n";
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(wrap_width(&lines), 65);
        // One line per paragraph: the lines are as long as the paragraphs, and none of
        // them is joined to the next.
        let sentence = |n: usize| "The council met again. ".repeat(n);
        let paragraphs: Vec<String> = [3, 7, 20, 5, 9, 4, 10, 6, 8, 11, 3, 7]
            .into_iter()
            .map(sentence)
            .collect();
        let unwrapped = paragraphs.join("\n");
        assert_eq!(segment(&unwrapped).len(), 12);
        // A menu of short labels is no band of wrapped lines.
        let menu = "Politics and Government News\nScience and Technology Desk\n".repeat(6);
        assert_eq!(segment(&format!("{menu}{unwrapped}")).len(), 24);
    }

    #[test]
    fn sentences_broken_anywhere_are_joined() {
        let units =
            kinds("The meeting was held\nin the town hall, and it\nwent on late.\nNext item\n");
        assert_eq!(units.len(), 2, "{units:?}");
        assert_eq!(
            units[0].1,
            "The meeting was held in the town hall, and it went on late."
        );
    }

    #[test]
    fn short_lines_stay_apart() {
        let text = "Dear Ann,\nThank you for the letter, it came on Monday and we read it twice.\n\
                    Home\nNews\nSport\n";
        let units = kinds(text);
        assert_eq!(units.len(), 5, "{units:?}");
        assert_eq!(units[2].1, "Home");
    }

    #[test]
    fn a_longer_fence_holds_a_shorter_one() {
        let text = "````md\n```rust\nfn main() {}\n```\n````\n\nAfter.\n";
        let units = kinds(text);
        assert_eq!(
            units[0],
            (
                Kind::Code(Some("md".into())),
                "```rust\nfn main() {}\n```".into()
            )
        );
        assert_eq!(units[1].1, "After.");
        // A fence with an info string does not close one.
        let units = kinds("~~~\n~~~ ruby startline=3\nx\n~~~\n");
        assert_eq!(units[0].1, "~~~ ruby startline=3\nx");
    }

    #[test]
    fn headings_rules_quotes_code() {
        let text = "Title\n=====\n\n## Part two\n\nSub\n---\n\n* * *\n\n> quoted\n> more\n\n```rust\nfn main() {}\n```\n\n    cargo build --release\n      --verbose\n";
        let units = kinds(text);
        assert_eq!(units[0], (Kind::Heading(1), "Title".into()));
        assert_eq!(units[1], (Kind::Heading(2), "Part two".into()));
        assert_eq!(units[2], (Kind::Heading(2), "Sub".into()));
        assert_eq!(units[3].0, Kind::Rule);
        assert_eq!(units[4], (Kind::Quote, "quoted\nmore".into()));
        assert_eq!(
            units[5],
            (Kind::Code(Some("rust".into())), "fn main() {}".into())
        );
        assert_eq!(
            units[6],
            (
                Kind::Code(None),
                "cargo build --release\n  --verbose".into()
            )
        );
    }

    #[test]
    fn an_indented_label_with_an_ampersand_is_not_code() {
        let units = kinds("Find Information About:\n\n    Drugs & Supplements\n\nMore.\n");
        assert_eq!(units[1], (Kind::Text, "Drugs & Supplements".into()));
        let units = kinds("Then:\n\n    a && b\n");
        assert!(matches!(units[1].0, Kind::Code(_)), "{units:?}");
    }

    #[test]
    fn an_indented_block_without_the_marks_of_code_is_text() {
        // A teaser laid out by a text browser.
        let units = kinds("Featured:\n\n    View All\n    grilled salmon and vegetables\n");
        assert!(units.iter().all(|(k, _)| *k == Kind::Text), "{units:?}");
        let units = kinds("Run:\n\n    pip install plan-viewer\n    plan-viewer --open plan.pdf\n");
        assert!(matches!(units[1].0, Kind::Code(_)), "{units:?}");
        assert!(has_code_marks("os.path.join(a)"));
        assert!(has_code_marks("ls -l"));
        assert!(!has_code_marks("Diet, Food & Fitness"));
        assert!(!has_code_marks("Women's Health: \"Ask the expert\""));
    }

    #[test]
    fn indented_lists_and_prose_are_not_code() {
        let text = "Menu\n\n     * Home\n     □ News\n         + World\n\n    Common Topics\n\n    View All\n      □ Allergies\n      □ Cold, Flu & Cough\n\n      The council met on Monday and said that it would vote on the plan in the spring.\n\n    if (x > 0) { y = f(x); }\n    return y;\n";
        let units: Vec<(Kind, String)> = segment(text)
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect();
        let item = |indent| Kind::Item {
            number: None,
            indent,
        };
        assert_eq!(units[1], (item(5), "Home".into()));
        assert_eq!(units[3], (item(9), "World".into()));
        assert_eq!(units[4], (Kind::Text, "Common Topics".into()));
        assert_eq!(units[5], (Kind::Text, "View All".into()));
        assert_eq!(units[6], (item(6), "Allergies".into()));
        assert_eq!(units[8].0, Kind::Text);
        assert!(units[8].1.starts_with("The council met"));
        assert_eq!(
            units[9],
            (
                Kind::Code(None),
                "if (x > 0) { y = f(x); }\nreturn y;".into()
            )
        );
    }

    #[test]
    fn list_markers() {
        assert_eq!(item_marker("* a"), Some((None, "a")));
        assert_eq!(item_marker("• a"), Some((None, "a")));
        assert_eq!(item_marker("- a"), Some((None, "a")));
        assert_eq!(item_marker("12. a"), Some((Some(12), "a")));
        assert_eq!(item_marker("3) a"), Some((Some(3), "a")));
        assert_eq!(item_marker("b) a"), Some((Some(2), "a")));
        assert_eq!(item_marker("A. Lincoln"), None);
        assert_eq!(item_marker("2019. It"), None);
        assert_eq!(item_marker("-5 degrees"), None);
        assert_eq!(item_marker("*emphasis*"), None);
    }

    #[test]
    fn nested_items_of_text_browsers() {
        // w3m marks the third level of a list with a star.
        let deep =
            kinds("  • Shop\n      □ Tools\n          ☆ Saws (up to 10 in.)\n          ☆ Drills\n");
        assert!(deep.iter().all(|(k, _)| matches!(k, Kind::Item { .. })));
        assert_eq!(deep[2].1, "Saws (up to 10 in.)");
        let units = kinds("* Topics\no Health\no ideas\n* News\no World\n");
        let texts: Vec<&str> = units.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Topics", "Health", "ideas", "News", "World"]);
        assert!(units.iter().all(|(k, _)| matches!(k, Kind::Item { .. })));
        // Wrapped prose whose line starts with the article "o" is not a list.
        let prose = kinds("Ele disse que\no governo vai mudar a lei amanhã cedo.\n");
        assert_eq!(prose.len(), 1);
        assert_eq!(prose[0].0, Kind::Text);
    }

    #[test]
    fn item_continuations_join() {
        let units = kinds("1. first item\n   goes on\n2. second\n");
        assert_eq!(units.len(), 2);
        assert_eq!(
            units[0],
            (
                Kind::Item {
                    number: Some(1),
                    indent: 0
                },
                "first item goes on".into()
            )
        );
    }
}

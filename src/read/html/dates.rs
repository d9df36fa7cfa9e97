//! Dates as pages write them, normalized to [`Date`]: ISO 8601 and its loose variants,
//! RFC 2822 (`Wed, 18 Sep 2019 22:32:40 +0000`), and written forms such as
//! `September 18, 2019`, `18 Sept. 2019` or `18. September 2019`.

use crate::model::Date;
use crate::read::dates::month_number;

/// Parses a date in any of the supported forms; `None` when the text holds no full date
/// (or only a bare year, which says too little to be a publication date).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() || t.len() > 200 {
        return None;
    }
    iso(t).or_else(|| written(t))
}

fn iso(t: &str) -> Option<Date> {
    if let Ok(d) = t.parse::<Date>() {
        return d.month.is_some().then_some(d);
    }
    // `2019-09-18T22:32:40.000+0000 (UTC)`, `2019/09/18`: keep what parses.
    let head: String = t
        .chars()
        .take(10)
        .map(|c| if c == '/' { '-' } else { c })
        .collect();
    let d: Date = head.parse().ok()?;
    d.day?;
    let rest = t.get(10..).unwrap_or("");
    if let Some(time) = rest.strip_prefix(['T', ' ']) {
        let time = time.split_whitespace().next().unwrap_or("");
        if let Ok(full) = format!("{head}T{time}").parse::<Date>() {
            return Some(full);
        }
    }
    Some(d)
}

/// Whether a word names a month (in one of the known languages).
pub fn is_month_name(word: &str) -> bool {
    month_number(word.trim_end_matches(',')).is_some()
}

/// Day-month-year in any order around a month name, or numeric `18.09.2019` and
/// `2019/09/18`.
fn written(t: &str) -> Option<Date> {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| -> Option<u32> {
        let digits = w
            .trim_end_matches(['.', 'h'])
            .trim_end_matches(|c: char| c.is_alphabetic());
        (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    for (i, w) in words.iter().enumerate() {
        if let Some(month) = month_number(w) {
            let before = i
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .and_then(|w| number(w));
            let after = words.get(i + 1).and_then(|w| number(w));
            let after2 = words.get(i + 2).and_then(|w| number(w));
            let (day, year) = match (before, after, after2) {
                (Some(d), Some(y), _) if d <= 31 && y >= 1000 => (d, y),
                (_, Some(d), Some(y)) if d <= 31 && y >= 1000 => (d, y),
                (Some(y), Some(d), _) if y >= 1000 && d <= 31 => (d, y),
                _ => continue,
            };
            return Date::ymd(year as i32, month, day as u8);
        }
    }
    words.iter().find_map(|w| numeric(w))
}

fn numeric(w: &str) -> Option<Date> {
    let parts: Vec<u32> = w
        .split(['.', '/', '-'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [y, m, d] if y >= 1000 => Date::ymd(y as i32, m as u8, d as u8),
        // Day first, as everywhere but the United States; only when unambiguous or dotted.
        [d, m, y] if y >= 1000 && (d > 12 || w.contains('.')) => {
            Date::ymd(y as i32, m as u8, d as u8)
        }
        [m, d, y] if y >= 1000 && d > 12 => Date::ymd(y as i32, m as u8, d as u8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(p("2019-09-18").as_deref(), Some("2019-09-18"));
        assert_eq!(
            p("2015-07-24T05:36:09+01:00").as_deref(),
            Some("2015-07-24T05:36:09+01:00")
        );
        assert_eq!(
            p("2019-09-18T22:32:40.000Z").as_deref(),
            Some("2019-09-18T22:32:40Z")
        );
        assert_eq!(p("2019/09/18").as_deref(), Some("2019-09-18"));
        assert_eq!(
            p("2019-09-18 10:00:00 UTC").as_deref(),
            Some("2019-09-18T10:00:00")
        );
        assert_eq!(p("2019"), None);
    }

    #[test]
    fn rfc_2822() {
        assert_eq!(
            p("Wed, 18 Sep 2019 22:32:40 +0000").as_deref(),
            Some("2019-09-18")
        );
    }

    #[test]
    fn written_forms() {
        assert_eq!(p("September 18, 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(
            p("Published Sept. 8, 2019 at 10:00 a.m.").as_deref(),
            Some("2019-09-08")
        );
        assert_eq!(p("18. September 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(p("le 3 février 2020").as_deref(), Some("2020-02-03"));
        assert_eq!(p("Updated: 1st March 2018").as_deref(), Some("2018-03-01"));
        assert_eq!(p("18.09.2019").as_deref(), Some("2019-09-18"));
        assert_eq!(p("09/18/2019").as_deref(), Some("2019-09-18"));
        assert_eq!(p("05/06/2019"), None);
        assert_eq!(p("February 30, 2019"), None);
        assert_eq!(p("no date here"), None);
    }
}

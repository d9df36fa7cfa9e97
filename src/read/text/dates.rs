//! Dates written in running text: ISO dates ("2019-09-18 22:32:40"), month names in either
//! order ("Sept. 18, 2019", "18 September 2019", "Nov 19, 2019"), with an optional time of
//! day nearby ("10:02 AM EST").

use crate::model::{Date, Time};
use crate::read::dates::month_number;

/// Time zone abbreviations common in datelines, with their offset in minutes.
const ZONES: &[(&str, i16)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("bst", 60),
    ("cet", 60),
    ("cest", 120),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
    ("et", -300),
    ("pt", -480),
    ("ist", 330),
    ("jst", 540),
];

/// The first date in a piece of text, with the time of day when the text gives one.
pub fn find_date(text: &str) -> Option<Date> {
    find_iso(text)
        .or_else(|| find_named(text))
        .or_else(|| find_numeric(text))
}

/// Words that say the date after them is the publication's, on a line that may give
/// another before it: "Updated Nov 11, 2022 Originally published Nov 9, 2022", "edited
/// Feb 12, 2011 asked Feb 11, 2011".
const PUBLISHED_CUES: &[&str] = &["published", "posted", "asked", "started", "created"];

/// How many words after a publication cue its date may start within ("Posted on the 15th
/// of", "Started by Biology Forums, June 4, 2024").
const CUE_REACH: usize = 6;

/// The publication date of a line: the date after a word that says so, else the first.
pub fn find_published(text: &str) -> Option<Date> {
    cued_date(text)
        .or_else(|| glued_first(text))
        .or_else(|| find_date(text))
}

/// The earlier of dates a page prints run together, the publication's and the last
/// update's, in either order ("May 21, 2025April 24, 2025", "2024-04-18T13:00:39March 22,
/// 2024"): where a figure runs into a capital letter, the text is split.
fn glued_first(text: &str) -> Option<Date> {
    let mut cuts = vec![0];
    cuts.extend(
        text.char_indices()
            .zip(text.chars().skip(1))
            .filter_map(|((at, c), next)| {
                (c.is_ascii_digit() && next.is_uppercase()).then_some(at + 1)
            }),
    );
    cuts.push(text.len());
    let dates: Vec<Date> = cuts
        .windows(2)
        .filter_map(|w| find_date(&text[w[0]..w[1]]))
        .collect();
    (dates.len() >= 2)
        .then(|| dates.into_iter().min_by_key(|d| d.date_only()))
        .flatten()
}

/// The first date that follows a publication cue closely.
pub fn cued_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.iter().enumerate().find_map(|(k, w)| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        PUBLISHED_CUES
            .contains(&w.as_str())
            .then(|| find_date(&words[k + 1..(k + 1 + CUE_REACH).min(words.len())].join(" ")))
            .flatten()
    })
}

/// A day, month and year in figures: "04.05.2015" (day first, as in Europe), "2/26/2015"
/// (month first, as in the US, unless the first number cannot be a month).
fn find_numeric(text: &str) -> Option<Date> {
    for (start, token) in numeric_tokens(text) {
        let (sep, parts) = if token.contains('.') {
            ('.', token.split('.').collect::<Vec<_>>())
        } else {
            ('/', token.split('/').collect::<Vec<_>>())
        };
        let [a, b, y] = parts[..] else {
            continue;
        };
        let (Some(a), Some(b), Some(year)) = (day(a), day(b), year(y)) else {
            continue;
        };
        let (d, m) = match sep {
            '.' => (a, b),
            _ if a > 12 => (a, b),
            _ => (b, a),
        };
        if let Some(mut date) = Date::ymd(year, m, d) {
            date.time = find_time(&text[start + token.len()..]);
            return Some(date);
        }
    }
    None
}

/// Runs of digits joined by `.` or `/`, with their byte offsets.
fn numeric_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/'))
        .map(move |t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
        .map(|(i, t)| (i, t.trim_end_matches('.')))
        .filter(|(_, t)| {
            t.matches(['.', '/']).count() == 2 && !(t.contains('.') && t.contains('/'))
        })
}

/// A `YYYY-MM-DD` date (or `YYYY/MM/DD`) with an optional ISO time and offset after it.
fn find_iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for i in 0..b.len().saturating_sub(9) {
        let sep = b[i + 4];
        let shaped = (0..4).all(|k| digit(i + k))
            && (sep == b'-' || sep == b'/')
            && digit(i + 5)
            && digit(i + 6)
            && b[i + 7] == sep
            && digit(i + 8)
            && digit(i + 9)
            && !digit(i + 10)
            && (i == 0 || !digit(i - 1));
        if !shaped {
            continue;
        }
        // Byte positions are ASCII here, so slicing is on char boundaries.
        let day = text[i..i + 10].replace('/', "-");
        let Ok(mut date) = day.parse::<Date>() else {
            continue;
        };
        let rest = &text[i + 10..];
        let clock = rest
            .strip_prefix(['T', ' '])
            .map(|r| r.trim_start())
            .unwrap_or("");
        let end = clock
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z')))
            .unwrap_or(clock.len());
        let clock = clock[..end].trim_end_matches(['-', '+', '.']);
        if let Ok(full) = format!("{day}T{clock}").parse::<Date>() {
            date = full;
        } else if let Some(time) = find_time(rest) {
            date.time = Some(time);
        }
        return Some(date);
    }
    None
}

/// Words that join day, month and year: "1 de diciembre de 2017", "5 di maggio 2019".
const DATE_JOINERS: &[&str] = &["de", "del", "di", "do", "da"];

/// Words of text for the month-name forms: alphanumeric runs, with `:` kept for times.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .flat_map(unglue)
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A word split where text from neighbouring elements ran together without a space, as
/// text browsers and copying print it: "GiuffridaMar", "2020November", "date12",
/// "updated:Sep", and a year run into the time after it ("20236:01" for "2023 6:01").
fn unglue(word: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut cuts = Vec::new();
    for pair in chars.windows(2) {
        let ((_, a), (at, b)) = (pair[0], pair[1]);
        let glued = (a.is_lowercase() && b.is_uppercase())
            || (a.is_ascii_digit() && b.is_uppercase())
            || (a.is_alphabetic() && b.is_ascii_digit())
            || (a == ':' && b.is_alphabetic())
            || (a.is_alphabetic() && b == ':');
        if glued {
            cuts.push(at);
        }
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain([word.len()]) {
        let part = word[start..cut].trim_matches(':');
        start = cut;
        // Four figures of a year, then the hour of a time.
        match part.find(':') {
            Some(colon @ 5..=6) if part[..colon].bytes().all(|b| b.is_ascii_digit()) => {
                parts.extend([&part[..4], &part[4..]]);
            }
            _ => parts.push(part),
        }
    }
    parts
}

/// A day of the month, also as an ordinal ("18th", "1er").
fn day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &word[digits.len()..];
    let ordinal = ["", "st", "nd", "rd", "th", "er", "º", "o"].contains(&suffix);
    (ordinal && (1..=2).contains(&digits.len()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// The year of a named date, also with a count run into it, as copied text prints the
/// next field without a space ("April 10, 20175 Comments", "May 2, 202511 min read"): after
/// a month and a day, four figures are the year and the rest is another number.
fn glued_year(word: &str) -> Option<i32> {
    match word.len() {
        5..=6 if word.bytes().all(|b| b.is_ascii_digit()) => year(&word[..4]),
        _ => year(word),
    }
}

/// "Sept. 18, 2019", "18 September 2019", "Nov 19, 2019", "18. September 2019".
fn find_named(text: &str) -> Option<Date> {
    let w: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !DATE_JOINERS.contains(&w.as_str()))
        .collect();
    for i in 0..w.len() {
        let Some(m) = month_number(&w[i]) else {
            continue;
        };
        let get = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
        let found = match (day(get(i + 1)), glued_year(get(i + 2))) {
            (Some(d), Some(y)) => Date::ymd(y, m, d),
            _ => match (
                i.checked_sub(1).map(&get).and_then(day),
                glued_year(get(i + 1)),
            ) {
                (Some(d), Some(y)) => Date::ymd(y, m, d),
                _ => None,
            },
        };
        if let Some(mut date) = found {
            date.time = find_time(text);
            return Some(date);
        }
    }
    None
}

/// The first time of day in text: "22:32", "10:02 AM EST", "6:00 p.m.".
fn find_time(text: &str) -> Option<Time> {
    let w = words(text);
    for (i, word) in w.iter().enumerate() {
        let mut parts = word.split(':');
        let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
            continue;
        };
        let s = parts.next().unwrap_or("0");
        let valid = |p: &str, max: usize| {
            (1..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if !(valid(h, 2) && m.len() == 2 && valid(m, 2) && valid(s, 2)) || parts.next().is_some() {
            continue;
        }
        let (Ok(mut hour), Ok(minute), Ok(second)) =
            (h.parse::<u8>(), m.parse::<u8>(), s.parse::<u8>())
        else {
            continue;
        };
        let mut k = i + 1;
        let next = |k: usize| w.get(k).map(String::as_str).unwrap_or("");
        let meridiem = match (next(k), next(k + 1)) {
            ("am", _) | ("a", "m") => Some(false),
            ("pm", _) | ("p", "m") => Some(true),
            _ => None,
        };
        if let Some(pm) = meridiem {
            k += if next(k).len() == 2 { 1 } else { 2 };
            if hour == 0 || hour > 12 {
                continue;
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
        }
        if hour > 23 || minute > 59 || second > 59 {
            continue;
        }
        let offset_minutes = ZONES
            .iter()
            .find(|(name, _)| *name == next(k))
            .map(|(_, o)| *o);
        return Some(Time {
            hour,
            minute,
            second,
            offset_minutes,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        find_date(s).map(|d| d.to_string())
    }

    #[test]
    fn the_published_date_of_a_line_with_two() {
        let published = |s: &str| find_published(s).map(|d| d.date_only().to_string());
        assert_eq!(
            published("Updated November 11, 2022 Originally published November 9, 2022").as_deref(),
            Some("2022-11-09")
        );
        assert_eq!(
            published("edited Feb 12, 2011 Jane asked Feb 11, 2011").as_deref(),
            Some("2011-02-11")
        );
        assert_eq!(
            published("Updated November 11, 2022").as_deref(),
            Some("2022-11-11")
        );
        // A cue too far from the date is no cue of it.
        assert_eq!(
            published(
                "Posted in news and views of the town hall, March 3, 2015 then April 4, 2016"
            )
            .as_deref(),
            Some("2015-03-03")
        );
    }

    #[test]
    fn of_two_dates_run_together_the_earlier_is_published() {
        let published = |s: &str| find_published(s).map(|d| d.date_only().to_string());
        assert_eq!(
            published("May 21, 2025April 24, 2025 by Jane Doe").as_deref(),
            Some("2025-04-24")
        );
        assert_eq!(
            published("Jane2024-04-18T13:00:39+00:00March 22nd, 2024|Reviews|").as_deref(),
            Some("2024-03-22")
        );
        assert_eq!(
            published("December 20, 2024September 26, 2025").as_deref(),
            Some("2024-12-20")
        );
        // Set apart, the first stands.
        assert_eq!(
            published("May 21, 2025 in Reviews, April 24, 2025").as_deref(),
            Some("2025-05-21")
        );
    }

    #[test]
    fn iso_dates_keep_their_time() {
        assert_eq!(
            date("Published: 2019-09-18 22:32:40").as_deref(),
            Some("2019-09-18T22:32:40")
        );
        assert_eq!(
            date("2019-09-18T22:32:40+08:00 x").as_deref(),
            Some("2019-09-18T22:32:40+08:00")
        );
        assert_eq!(date("on 2019/09/18.").as_deref(), Some("2019-09-18"));
        assert_eq!(date("ISBN 12019-09-181"), None);
        assert_eq!(date("2019-02-30"), None);
    }

    #[test]
    fn a_count_run_into_the_year_is_cut_off() {
        assert_eq!(date("Feb 3, 20197 min read").as_deref(), Some("2019-02-03"));
        assert_eq!(
            date("9 March 202412 Replies").as_deref(),
            Some("2024-03-09")
        );
        // A number of five figures with no month before it is no year.
        assert_eq!(date("3 items 20197"), None);
    }

    #[test]
    fn words_run_together_are_read_apart() {
        let cases = [
            ("ByKathryn GiuffridaMar 5, 2025 | 6 comments", "2025-03-05"),
            ("Posted on June 29, 2020November 12, 2021", "2020-06-29"),
            ("calendarApr 16, 2024", "2024-04-16"),
            ("Last updated:Sep 4, 2025", "2025-09-04"),
            ("date12 Nov 2025", "2025-11-12"),
            ("October 17, 20236:01 PM ET", "2023-10-17T18:01:00-05:00"),
        ];
        for (text, want) in cases {
            assert_eq!(date(text).as_deref(), Some(want), "{text}");
        }
        // Ordinals and times stay whole.
        assert_eq!(date("the 18th May 2019").as_deref(), Some("2019-05-18"));
        assert_eq!(
            date("May 18, 2019 10:02 AM").as_deref(),
            Some("2019-05-18T10:02:00")
        );
    }

    #[test]
    fn month_names_in_either_order() {
        assert_eq!(date("Sept. 18, 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(date("18 September 2019").as_deref(), Some("2019-09-18"));
        assert_eq!(
            date("By JEFFREY GETTLEMAN JAN. 13, 2017").as_deref(),
            Some("2017-01-13")
        );
        assert_eq!(date("le 3 mars 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(date("May 2019 was warm"), None);
        assert_eq!(date("in March 32, 2019"), None);
    }

    #[test]
    fn dates_in_figures() {
        assert_eq!(
            date("Le Monde | 04.05.2015 à 13h36").as_deref(),
            Some("2015-05-04")
        );
        assert_eq!(
            date("2/26/2015 7:11 AM PST").as_deref(),
            Some("2015-02-26T07:11:00-08:00")
        );
        assert_eq!(date("26/2/2015").as_deref(), Some("2015-02-26"));
        assert_eq!(date("version 1.2.3 of 2015"), None);
        assert_eq!(date("13/13/2015"), None);
        assert_eq!(
            date("1 de diciembre de 2017").as_deref(),
            Some("2017-12-01")
        );
    }

    #[test]
    fn times_near_named_dates() {
        assert_eq!(
            date("Updated 10:02 AM EST Nov 19, 2019").as_deref(),
            Some("2019-11-19T10:02:00-05:00")
        );
        assert_eq!(
            date("April 5, 2018 | 6:00 PM").as_deref(),
            Some("2018-04-05T18:00:00")
        );
        assert_eq!(
            date("April 5, 2018 at 12:30 a.m.").as_deref(),
            Some("2018-04-05T00:30:00")
        );
        assert_eq!(date("April 5, 2018, 25:99").as_deref(), Some("2018-04-05"));
    }
}

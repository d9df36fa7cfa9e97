//! Partial ISO 8601 dates: a year, a year-month, a day, or a day with a time and offset.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date as precise as the source knows it, from a bare year to a time with an offset.
///
/// Serialized as its ISO 8601 string (`2019`, `2019-09`, `2019-09-18`, `2019-09-18T22:32:40`,
/// `2019-09-18T22:32:40+08:00`).
///
/// ```
/// use folio::model::Date;
/// let d: Date = "2019-09-18T22:32:40".parse().unwrap();
/// assert_eq!(d.year, 2019);
/// assert_eq!(d.day, Some(18));
/// assert_eq!(d.to_string(), "2019-09-18T22:32:40");
/// assert_eq!("2019-09".parse::<Date>().unwrap().to_string(), "2019-09");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year (may be negative: astronomical numbering).
    pub year: i32,
    /// 1 to 12, when known.
    pub month: Option<u8>,
    /// 1 to 31, when the month is known.
    pub day: Option<u8>,
    /// The time of day, when known.
    pub time: Option<Time>,
}

/// Time of day, with the UTC offset in minutes when the source gave one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
    /// Offset from UTC in minutes; `None` when local time is unknown.
    pub offset_minutes: Option<i16>,
}

/// Why a string is not an ISO 8601 date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 8601 date: {:?}", self.0)
    }
}

impl std::error::Error for DateError {}

/// Days in a month of a (proleptic Gregorian) year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date with year, month and day; `None` when the day does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(
            Date {
                year,
                month: Some(month),
                day: Some(day),
                time: None,
            },
        )
    }

    /// The date without its time.
    pub fn date_only(&self) -> Date {
        Date {
            time: None,
            ..*self
        }
    }

    /// Days since 1970-01-01 and seconds of day to a UTC date-time.
    pub fn from_unix(secs: i64) -> Date {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date {
            year,
            month: Some(month),
            day: Some(day),
            time: Some(Time {
                hour: (rem / 3600) as u8,
                minute: (rem % 3600 / 60) as u8,
                second: (rem % 60) as u8,
                offset_minutes: Some(0),
            }),
        }
    }
}

fn num<T: FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_offset(s: &str) -> Option<i16> {
    if s == "Z" || s == "z" {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &s[1..];
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (h, m) = match rest.len() {
        5 if rest.as_bytes()[2] == b':' => (&rest[..2], &rest[3..]),
        4 => (&rest[..2], &rest[2..]),
        2 => (rest, "00"),
        _ => return None,
    };
    let (h, m): (i16, i16) = (num(h, 2)?, num(m, 2)?);
    (h <= 23 && m <= 59).then_some(sign * (h * 60 + m))
}

fn parse_time(s: &str) -> Option<Time> {
    let split = s.find(['Z', 'z', '+', '-']).unwrap_or(s.len());
    let (clock, offset) = s.split_at(split);
    let offset_minutes = if offset.is_empty() {
        None
    } else {
        Some(parse_offset(offset)?)
    };
    // Drop fractional seconds: nothing downstream keeps them.
    let clock = clock.split(['.', ',']).next()?;
    let mut parts = clock.split(':');
    let hour: u8 = num(parts.next()?, 2)?;
    let minute: u8 = num(parts.next()?, 2)?;
    let second: u8 = match parts.next() {
        Some(s) => num(s, 2)?,
        None => 0,
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(Time {
        hour,
        minute,
        second: second.min(59),
        offset_minutes,
    })
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.to_string());
        let t = s.trim();
        let (date, time) = match t.find(['T', 't', ' ']) {
            Some(i) => (&t[..i], Some(t[i + 1..].trim())),
            None => (t, None),
        };
        let mut parts = date.split('-');
        let year: i32 = num(parts.next().ok_or_else(err)?, 4).ok_or_else(err)?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(num(m, 2).filter(|m| (1..=12).contains(m)).ok_or_else(err)?),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) => {
                let d: u8 = num(d, 2).ok_or_else(err)?;
                (d >= 1 && d <= days_in_month(year, month.unwrap_or(0))).then_some(d)
            }
            None => None,
        };
        if parts.next().is_some() || (day.is_none() && date.len() > 7) {
            return Err(err());
        }
        let time = match time {
            Some(t) if day.is_some() && !t.is_empty() => Some(parse_time(t).ok_or_else(err)?),
            Some(_) => return Err(err()),
            None => None,
        };
        Ok(Date {
            year,
            month,
            day,
            time,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
                if let Some(t) = self.time {
                    write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
                    match t.offset_minutes {
                        Some(0) => write!(f, "Z")?,
                        Some(o) => {
                            let sign = if o < 0 { '-' } else { '+' };
                            write!(f, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)?
                        }
                        None => {}
                    }
                }
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for s in [
            "2019",
            "2019-09",
            "2019-09-18",
            "2019-09-18T22:32:40",
            "2019-09-18T22:32:40Z",
            "2019-09-18T22:32:40+08:00",
            "2019-09-18T22:32:40-05:30",
        ] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn normalizes_loose_forms() {
        let d: Date = "2019-09-18 22:32".parse().unwrap();
        assert_eq!(d.to_string(), "2019-09-18T22:32:00");
        let d: Date = "2019-09-18T22:32:40.123+0800".parse().unwrap();
        assert_eq!(d.to_string(), "2019-09-18T22:32:40+08:00");
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "",
            "19",
            "2019-13",
            "2019-02-30",
            "2019-09-18T25:00",
            "2019-9-1",
            "C",
            "2019-09-18T",
            // An offset of four bytes that are not four characters.
            "2019-09-18T10:00+a€",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        assert!("2020-02-29".parse::<Date>().is_ok());
        assert!("2019-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn unix_epoch_conversion() {
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            Date::from_unix(1_568_846_360).to_string(),
            "2019-09-18T22:39:20Z"
        );
        assert_eq!(
            Date::from_unix(951_782_400).to_string(),
            "2000-02-29T00:00:00Z"
        );
    }
}

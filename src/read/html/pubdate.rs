//! The publication date of a page, as htmldate finds it: the date shown near the headline,
//! checked against what the markup says (JSON-LD, meta tags, `<time>`), then the markup
//! alone, then the URL path (`/2024/05/03/`).
//!
//! Dates keep the page's own day and offset: nothing is converted to UTC.

use super::dom::{collapse_ws, Data, Dom, NodeId};
use crate::model::Date;
use crate::read::text::find_date;

/// Text nodes looked at after and before the headline for a visible date.
const AFTER: usize = 14;
const BEFORE: usize = 6;
/// Text nodes after the headline within which a date needs no confirmation.
const CLOSE: usize = 6;
/// Text nodes before a date read for its label.
const LABEL_TEXTS: usize = 3;
/// A text node longer than this is prose, not a dateline.
const MAX_DATELINE: usize = 80;

/// What the page says about its dates, gathered before choosing.
#[derive(Debug, Default)]
pub struct DateSources {
    /// The markup's publication date (JSON-LD, meta tags).
    pub published: Option<Date>,
    /// The markup's modification date.
    pub modified: Option<Date>,
    /// `datetime` of the page's `<time>` elements, in document order.
    pub times: Vec<Date>,
    /// The first date written near the headline.
    pub visible: Option<Visible>,
    /// A date in the URL path.
    pub url: Option<Date>,
    /// A date labelled as the publication's ("Published", "Posted on") anywhere.
    pub labelled: Option<Date>,
    /// The first date written anywhere in the page's own text: a last resort.
    pub anywhere: Option<Date>,
}

impl DateSources {
    /// The publication date. The date the page shows under its headline, when the markup
    /// confirms it (the same day), is the page's date, unless it is labelled as an update and
    /// the markup knows the publication. Otherwise the markup's publication date, then the
    /// visible date alone, then `<time>`, a labelled date, the modification date, the URL, and
    /// the first dateline of the text.
    pub fn choose(&self) -> Option<Date> {
        let same_day = |a: &Date, b: &Date| days_apart(a, b) == Some(0);
        if let Some(v) = self.visible {
            // "09.10.2024" read day first is the markup's 10 September read month first.
            let same = |p: &Date| same_day(p, &v.date) || read_the_other_way(p, &v.date);
            if let Some(p) = self.published.filter(same) {
                // The markup's own value: it has the time.
                return Some(p);
            }
            let confirmed = self.modified.is_some_and(|m| same_day(&m, &v.date));
            // A dateline right under the headline is the page's own, whatever the markup
            // says (templates stamp other dates in it).
            // One day apart is the markup's UTC writing of the page's day: keep the markup.
            let close = v.distance < CLOSE
                && self
                    .published
                    .is_none_or(|p| days_apart(&p, &v.date).is_some_and(|n| n > 1));
            if (confirmed || close) && !(v.updated && self.published.is_some()) {
                return Some(v.date);
            }
        }
        self.published
            .or(self.visible.map(|v| v.date))
            .or_else(|| self.times.first().copied())
            .or(self.labelled)
            // A page that only says when it changed was published by then.
            .or(self.modified)
            .or(self.url)
            .or(self.anywhere)
    }
}

/// A date shown near the headline, and whether its label says it is an update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Visible {
    /// The date.
    pub date: Date,
    /// Whether its label calls it an update.
    pub updated: bool,
    /// Text nodes between the headline and the date (0: the first text after it).
    pub distance: usize,
}

/// Labels of a modification date, in the languages of the month names.
const UPDATE_LABELS: &[&str] = &[
    "updat",
    "modif",
    "aktualisiert",
    "mis à jour",
    "actualiza",
    "aggiornat",
    "bijgewerkt",
    "atualizado",
    // A thread's latest activity.
    "last post",
    "last reply",
    "latest reply",
    "last activity",
];

fn is_update_label(text: &str) -> bool {
    let t = text.to_lowercase();
    UPDATE_LABELS.iter().any(|l| t.contains(l))
}

/// Of two writings of the publication date, the one in the page's own time: when both
/// name the same instant, one in UTC and one with the local offset, the local one (its
/// calendar day is the page's).
pub fn local_first(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(x), Some(y)) if instant(&x).is_some() && instant(&x) == instant(&y) => {
            let utc = |d: &Date| d.time.and_then(|t| t.offset_minutes) == Some(0);
            Some(if utc(&x) && !utc(&y) { y } else { x })
        }
        (x, y) => x.or(y),
    }
}

/// Whether two dates are one day and month in figures read in the two orders (day first,
/// month first).
fn read_the_other_way(a: &Date, b: &Date) -> bool {
    a.year == b.year && a.month.is_some() && a.month == b.day && a.day == b.month
}

/// Seconds since the epoch of a date with a time and an offset.
fn instant(d: &Date) -> Option<i64> {
    let t = d.time?;
    let offset = i64::from(t.offset_minutes?);
    let seconds = i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second);
    Some(day_number(d)? * 86_400 + seconds - offset * 60)
}

/// Days between the calendar days of two dates (their written day, whatever the offset).
pub fn days_apart(a: &Date, b: &Date) -> Option<i64> {
    Some((day_number(a)? - day_number(b)?).abs())
}

/// Days since 1970-01-01 of a date's calendar day (Hinnant's days-from-civil).
fn day_number(d: &Date) -> Option<i64> {
    let (m, day) = (i64::from(d.month?), i64::from(d.day?));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether a text node is page text (not script, style or the document title).
fn is_page_text(dom: &Dom, id: NodeId) -> bool {
    matches!(dom.nodes[id].data, Data::Text(_))
        && !dom.parent(id).is_some_and(|p| {
            matches!(
                dom.tag(p),
                Some("script" | "style" | "noscript" | "template" | "title")
            )
        })
}

/// The first date written near the headline: in the short text nodes (or `<time>`
/// elements) just after it, else just before it (a dateline above the title).
pub fn near_headline(dom: &Dom, headline: NodeId) -> Option<Visible> {
    let inside = |id: NodeId| id == headline || dom.ancestors(id).any(|a| a == headline);
    let text_of = |id: NodeId| collapse_ws(&dom.text(id));
    // The label is in the date's own text or in the short texts just before it, which
    // may hold a name between them ("last post by <a>name</a> <time>").
    let label_before = |id: NodeId| {
        let mut label = String::new();
        for t in (0..id)
            .rev()
            .filter(|&p| is_page_text(dom, p))
            .map(text_of)
            .filter(|t| !t.trim().is_empty())
            .take(LABEL_TEXTS)
        {
            if label.chars().count() + t.chars().count() > MAX_DATELINE {
                break;
            }
            label = format!("{t} {label}");
        }
        is_update_label(&label)
    };
    let visible = |id: NodeId, date: Date, own: &str, distance: usize| Visible {
        date,
        updated: is_update_label(own) || label_before(id),
        distance,
    };
    let scan = |ids: &mut dyn Iterator<Item = NodeId>, limit: usize| -> Option<Visible> {
        let mut seen = 0;
        for id in ids {
            if dom.is(id, "time") {
                if let Some(d) = dom.attr(id, "datetime").and_then(super::dates::parse_date) {
                    // Not a written dateline: a `<time>` is markup, already among `times`.
                    return Some(visible(id, d, &text_of(id), usize::MAX));
                }
            }
            if !is_page_text(dom, id) {
                continue;
            }
            let text = text_of(id);
            if text.is_empty() {
                continue;
            }
            seen += 1;
            if seen > limit {
                return None;
            }
            if text.chars().count() <= MAX_DATELINE {
                if let Some(d) = find_date(&text) {
                    return Some(visible(id, d, &text, seen - 1));
                }
            }
        }
        None
    };
    let mut after = (headline + 1..dom.nodes.len()).filter(|&id| !inside(id));
    let mut before = (0..headline).rev();
    scan(&mut after, AFTER).or_else(|| {
        scan(&mut before, BEFORE).map(|v| Visible {
            distance: usize::MAX,
            ..v
        })
    })
}

/// Labels of a publication date, lowercase, in the languages of the month names.
const PUBLISH_LABELS: &[&str] = &[
    "published",
    "posted",
    "publication date",
    "date published",
    "publié",
    "veröffentlicht",
    "publicado",
    "pubblicato",
    "gepubliceerd",
];

/// A date labelled as the publication's, in the label's text or the text after it:
/// "Published" + "July 8, 2025", "Posted on 3 May 2024".
pub fn labelled(dom: &Dom, skip: &[bool]) -> Option<Date> {
    // The page's texts in order; only those that may start with a label are collapsed.
    let mut texts = dom
        .all()
        .filter(|&id| !skip[id] && is_page_text(dom, id) && dom.text_len(id) > 0)
        .peekable();
    while let Some(id) = texts.next() {
        if !may_start_with_label(raw_text(dom, id)) {
            continue;
        }
        let Some(t) = short_text(dom, id) else {
            continue;
        };
        let lower = t.to_lowercase();
        if !PUBLISH_LABELS.iter().any(|l| lower.starts_with(l)) {
            continue;
        }
        let date = find_date(&t).or_else(|| {
            let next = short_text(dom, *texts.peek()?)?;
            find_date(&next)
        });
        if date.is_some() {
            return date;
        }
    }
    None
}

/// Whether a text may start with one of [`PUBLISH_LABELS`] once lowercased: its first
/// character starts one, or is not ASCII (some lowercase to ASCII letters).
fn may_start_with_label(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(|c| {
        !c.is_ascii()
            || PUBLISH_LABELS
                .iter()
                .any(|l| l.as_bytes()[0] == c.to_ascii_lowercase() as u8)
    })
}

/// The text of a text node as written; empty for other nodes.
fn raw_text(dom: &Dom, id: NodeId) -> &str {
    match &dom.nodes[id].data {
        Data::Text(t) => t,
        _ => "",
    }
}

/// The text of a text node, whitespace collapsed, when it is short enough for a dateline.
/// Its length counted with whitespace runs once ([`Dom::text_len`]) is at most one more
/// than the collapsed text's: longer ones are not collapsed to be counted.
fn short_text(dom: &Dom, id: NodeId) -> Option<String> {
    if dom.text_len(id) > MAX_DATELINE + 1 {
        return None;
    }
    Some(collapse_ws(&dom.text(id))).filter(|t| t.chars().count() <= MAX_DATELINE)
}

/// The first date of the page written in a short text of its own (a dateline), outside
/// what `elsewhere` marks (comments, other stories, navigation). A date has figures: texts
/// without are passed over uncollapsed.
pub fn first_in_text(dom: &Dom, elsewhere: &[bool]) -> Option<Date> {
    dom.all()
        .filter(|&id| !elsewhere[id] && is_page_text(dom, id))
        .filter(|&id| raw_text(dom, id).bytes().any(|b| b.is_ascii_digit()))
        .filter_map(|id| short_text(dom, id))
        .filter(|t| !t.is_empty())
        .find_map(|t| find_date(&t))
}

/// A date in a URL's path: `/2024/05/03/` or `/2024-05-03-`.
pub fn url_date(url: &str) -> Option<Date> {
    let path = url.split("://").nth(1).unwrap_or(url);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    parts.windows(3).find_map(|w| {
        let year = w[0].parse::<i32>().ok().filter(|_| w[0].len() == 4)?;
        let month = w[1].parse::<u8>().ok().filter(|_| w[1].len() == 2)?;
        let day = w[2].parse::<u8>().ok().filter(|_| w[2].len() == 2)?;
        (1990..=2100)
            .contains(&year)
            .then(|| Date::ymd(year, month, day))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn near(html: &str) -> Option<String> {
        let dom = Dom::parse(html);
        let h1 = dom.find("h1").unwrap();
        near_headline(&dom, h1)
            .map(|v| format!("{}{}", v.date, if v.updated { " (updated)" } else { "" }))
    }

    #[test]
    fn visible_date_after_or_before_the_headline() {
        assert_eq!(
            near("<h1>Title 2019</h1><p>By Ann</p><p>Updated August 14, 2025</p>").as_deref(),
            Some("2025-08-14 (updated)")
        );
        assert_eq!(
            near("<p>Last updated:</p><p>Dec 12, 2025</p><h1>Title</h1><p>Long text</p>")
                .as_deref(),
            Some("2025-12-12 (updated)")
        );
        assert_eq!(
            near(r#"<h1>T</h1><span><time datetime="2024-05-03">Friday</time></span>"#).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            near("<h1>T</h1><p>le 3 février 2020</p>").as_deref(),
            Some("2020-02-03")
        );
        // Prose that happens to hold a date is no dateline.
        let prose = format!("<h1>T</h1><p>{} on May 3, 2020.</p>", "word ".repeat(30));
        assert_eq!(near(&prose), None);
        let far = format!("<h1>T</h1>{}<p>May 3, 2020</p>", "<p>x</p>".repeat(20));
        assert_eq!(near(&far), None);
    }

    #[test]
    fn label_may_hold_a_name_before_the_date() {
        assert_eq!(
            near(concat!(
                "<h1>Thread</h1><span>23 replies</span><span>last post by&nbsp;",
                r#"<a href="/u/1">ann</a>&nbsp;<time datetime="2024-09-26">Sep 26</time></span>"#
            ))
            .as_deref(),
            Some("2024-09-26 (updated)")
        );
        // A label further back than a few short texts is another one's.
        assert_eq!(
            near(concat!(
                "<h1>T</h1><p>Updated</p><p>one</p><p>two</p><p>three</p>",
                r#"<time datetime="2024-09-26">Sep 26</time>"#
            ))
            .as_deref(),
            Some("2024-09-26")
        );
    }

    fn shown(date: &str, updated: bool) -> Option<Visible> {
        Some(Visible {
            date: d(date),
            updated,
            distance: 8,
        })
    }

    #[test]
    fn confirmed_visible_date_wins() {
        let choose = |s: DateSources| s.choose().map(|d| d.to_string());
        // The page shows its modification date, unlabelled: that is its date.
        let s = DateSources {
            published: Some(d("2025-01-29T20:47:55Z")),
            modified: Some(d("2025-08-19T13:25:59Z")),
            visible: shown("2025-08-19", false),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2025-08-19"));
        // "Updated ...": the publication date is preferred.
        let s = DateSources {
            published: Some(d("2025-01-29T20:47:55Z")),
            modified: Some(d("2025-08-19T13:25:59Z")),
            visible: shown("2025-08-19", true),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2025-01-29T20:47:55Z"));
        // Same day: the markup's value, with its time and offset as written.
        let s = DateSources {
            published: Some(d("2025-12-18T08:00:00-05:00")),
            visible: shown("2025-12-18", false),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2025-12-18T08:00:00-05:00"));
        // An unconfirmed visible date (a related story's) loses to the markup.
        let s = DateSources {
            published: Some(d("2020-03-10")),
            times: vec![d("2020-03-10")],
            visible: shown("2025-02-12", false),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2020-03-10"));
        // Right under the headline, a written date needs no confirmation...
        let close = |date: &str, published: &str| DateSources {
            published: Some(d(published)),
            visible: Some(Visible {
                date: d(date),
                updated: false,
                distance: 1,
            }),
            ..DateSources::default()
        };
        assert_eq!(
            choose(close("2024-08-25", "2025-06-24")).as_deref(),
            Some("2024-08-25")
        );
        // ...but one day off is the markup's UTC writing of the same day...
        assert_eq!(
            choose(close("2018-06-13", "2018-06-12T23:00:00Z")).as_deref(),
            Some("2018-06-12T23:00:00Z")
        );
        // ...and day and month swapped the markup's date read in the other order.
        assert_eq!(
            choose(close("2024-10-09", "2024-09-10T16:07:00Z")).as_deref(),
            Some("2024-09-10T16:07:00Z")
        );
        // Without markup, the visible date, even an update's.
        let s = DateSources {
            visible: shown("2025-12-12", true),
            url: Some(d("2024-05-03")),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2025-12-12"));
        let s = DateSources {
            modified: Some(d("2024-06-01")),
            url: Some(d("2024-05-03")),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2024-06-01"));
        let s = DateSources {
            url: Some(d("2024-05-03")),
            anywhere: Some(d("2023-01-01")),
            ..DateSources::default()
        };
        assert_eq!(choose(s).as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn local_writing_of_the_same_instant_wins() {
        let l = |a: &str, b: &str| local_first(Some(d(a)), Some(d(b))).unwrap().to_string();
        assert_eq!(
            l("2025-12-18T23:25:38Z", "2025-12-19T04:25:38+05:00"),
            "2025-12-19T04:25:38+05:00"
        );
        assert_eq!(
            l("2025-12-18T23:25:38Z", "2025-12-19T04:00:00+05:00"),
            "2025-12-18T23:25:38Z"
        );
        assert_eq!(l("2025-12-18", "2025-12-19"), "2025-12-18");
        assert_eq!(
            local_first(None, Some(d("2020-01-02"))),
            Some(d("2020-01-02"))
        );
    }

    #[test]
    fn first_dateline_outside_other_stories() {
        let dom = Dom::parse(
            r#"<nav>May 1, 2020</nav><div class="related"><p>June 2, 2021</p></div>
            <p>A long paragraph that mentions March 3, 2019 in passing, as prose does, with many words.</p>
            <p>Posted 4 April 2022</p>"#,
        );
        let mask = super::super::byline::elsewhere(&dom, &vec![false; dom.nodes.len()]);
        assert_eq!(
            first_in_text(&dom, &mask).map(|d| d.to_string()).as_deref(),
            Some("2022-04-04")
        );
    }

    #[test]
    fn labelled_publication_date() {
        let l = |html: &str| {
            let dom = Dom::parse(html);
            labelled(&dom, &vec![false; dom.nodes.len()]).map(|d| d.to_string())
        };
        assert_eq!(
            l("<p>June 2, 2021</p><aside><h4>Published</h4><div>July 8, 2025</div></aside>")
                .as_deref(),
            Some("2025-07-08")
        );
        assert_eq!(
            l("<p>Posted on 3 May 2024 by Al</p>").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(l("<p>Updated</p><p>May 3, 2024</p>"), None);
        // 80 characters once collapsed (the longest dateline), 81 counted with the space
        // after them: still read.
        let long = format!("Published 3 May 2024 {} \n", "x".repeat(59));
        assert_eq!(l(&format!("<p>{long}</p>")).as_deref(), Some("2024-05-03"));
        let longer = format!("Published 3 May 2024 {}", "x".repeat(60));
        assert_eq!(l(&format!("<p>{longer}</p>")), None);
        assert_eq!(
            l("<p>\n  PUBLISHED:</p><p>3 May 2024</p>").as_deref(),
            Some("2024-05-03")
        );
    }

    #[test]
    fn texts_that_may_start_with_a_label() {
        assert!(may_start_with_label("  Posted by"));
        assert!(may_start_with_label("Date published"));
        assert!(may_start_with_label("Ötzi"));
        assert!(!may_start_with_label(" Updated"));
        assert!(!may_start_with_label("  "));
    }

    #[test]
    fn dates_in_url_paths() {
        let u = |s: &str| url_date(s).map(|d| d.to_string());
        assert_eq!(
            u("https://x.org/2024/05/03/story").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            u("https://x.org/news/2024-05-03-story.html").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(u("https://x.org/2024/05/story"), None);
        assert_eq!(u("https://x.org/item/1234/56/78"), None);
        assert_eq!(days_apart(&d("2024-03-01"), &d("2024-02-29")), Some(1));
        assert_eq!(days_apart(&d("2025-01-01"), &d("2024-12-31")), Some(1));
    }
}

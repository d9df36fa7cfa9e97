//! Metadata from the head of a text: the title (the prominent line before the body that
//! names the article's topic), the dateline with its date and publisher ("China Plus
//! Published: 2019-09-18 22:32:40"), and the byline ("By Jane Doe", "Jane Doe and John Roe |
//! Reuters", a name line beside the dateline); else the publisher from the copyright line.

use super::clean::{is_end_marker, is_furniture_text, is_said_twice};
use super::dates::{cued_date, find_date, find_published};
use super::segment::{Kind, Unit};
use super::structure::is_caption;
use crate::lang::is_stop_word;
use crate::model::{Author, Date, Meta};
use crate::read::dates::month_number;
use std::collections::{HashMap, HashSet};

/// Words that introduce a date on a dateline.
const DATE_CUES: &[&str] = &["published", "posted", "updated", "modified", "date", "last"];
/// Words that start a byline, in a few languages.
const BY: &[&str] = &["by", "von", "par", "por", "di", "door", "av", "af"];
/// Words of a job title after a name: "By Jane Doe, Senior Editor".
const ROLES: &[&str] = &[
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "staff",
    "columnist",
    "contributor",
    "professor",
    "director",
    "senior",
    "chief",
    "associate",
    "president",
    "fellow",
    "analyst",
    "producer",
    "journalist",
    "author",
    "technologist",
    "manager",
    "founder",
    "ceo",
    "head",
    "special",
    "contributing",
    "for",
    "in",
    "at",
    "photographer",
    "team",
    // Degrees after a name: "Jane Doe, MD".
    "md",
    "ma",
    "phd",
    "mba",
    "mph",
    "rn",
];
/// Lower-case name particles: "Ludwig van Beethoven", "Gabriel García de la Torre".
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "al",
    "y", "dos", "das",
];

/// How many units past the start of the body the head reaches.
const HEAD_OVERLAP: usize = 3;
/// How many units past the start of the body a dateline is looked for.
const DATELINE_OVERLAP: usize = 8;

/// Metadata found in the units, and the units that said it (to be left out of the body).
#[derive(Debug, Default)]
pub struct Found {
    pub meta: Meta,
    pub used: Vec<usize>,
}

/// Reads the metadata from the head of a text: the units before its first article
/// paragraph (`body`); `article` tells which units are the article.
pub fn infer(units: &[Unit], article: &[bool], body: usize) -> Found {
    let mut found = Found::default();
    // The first lines of the body may still be the dateline or byline (a title promoted
    // by the text under it counts as body).
    let head = &units[..(body + HEAD_OVERLAP).min(units.len())];
    let mut byline_at = head.iter().position(|u| byline(&u.text).is_some());
    if let Some((i, (authors, publisher))) =
        byline_at.and_then(|i| byline(&units[i].text).map(|b| (i, b)))
    {
        found.meta.authors = authors;
        found.meta.publisher = publisher;
        found.used.push(i);
    }
    // A dateline may follow the standfirst and the caption of the lead picture.
    let dated = &units[..(body + DATELINE_OVERLAP).min(units.len())];
    let dates: Vec<(usize, Date)> = dated
        .iter()
        .enumerate()
        .filter_map(|(i, u)| short_date(&u.text).map(|d| (i, d)))
        .collect();
    // The first date that is the publication's; where the head has only others (a
    // thread's last post), one past it, else the first there is.
    let own = dates
        .iter()
        .find(|(i, _)| !is_other_date(&units[*i].text))
        .cloned();
    let late = own.is_none().then(|| late_dateline(units)).flatten();
    let dateline = own.or_else(|| late.is_none().then(|| dates.first().cloned()).flatten());
    if let Some((i, date)) = dateline {
        let text = &units[i].text;
        let lower = text.to_lowercase();
        if lower.contains("updated") || lower.contains("modified") {
            found.meta.modified = Some(date);
        }
        // An "Updated" dateline is the only date known: it stands for publication too.
        found.meta.published = Some(date);
        if found.meta.publisher.is_none() {
            found.meta.publisher = dateline_source(text);
        }
        if Some(i) != byline_at && is_dateline(text) {
            found.used.push(i);
        }
        if byline_at.is_none() {
            byline_at = name_by_dateline(dated, i, &lower_case_words(units));
            if let Some(k) = byline_at.and_then(|k| bare_name(&units[k].text).map(|a| (k, a))) {
                found.meta.authors = vec![k.1];
                found.used.push(k.0);
            }
        }
    }
    let late = late.filter(|_| dateline.is_none());
    if let Some((_, date)) = late {
        found.meta.published = Some(date);
    }
    // A thread's header (its last post's date) stands a little above the first post's
    // dateline found past the head, under the thread's title.
    let header = late.and_then(|(i, _)| {
        (i.saturating_sub(2 * LATE_HEADLINE_REACH)..i)
            .find(|&k| is_other_date(&units[k].text) && short_date(&units[k].text).is_some())
    });
    // A question's "Asked 11 years ago" past the head stands under it, before the date of
    // any answer or comment.
    let asked = (head.len()..units.len() * 4 / 5)
        .find(|&k| is_relative_dateline(&units[k].text))
        .filter(|&k| late.is_none_or(|(i, _)| k < i));
    let marked: Vec<usize> = byline_at
        .into_iter()
        .chain(dateline.or(late).map(|(i, _)| i))
        .chain(header)
        .chain(asked)
        // Every dated line places a headline above it, not only the first: a menu or a
        // teaser may show a date before the article's dateline.
        .chain((0..head.len()).filter(|&i| short_date(&units[i].text).is_some()))
        .collect();
    let holder = units.iter().rev().find_map(|u| copyright_holder(&u.text));
    if found.meta.publisher.is_none() {
        found.meta.publisher = holder.clone();
    }
    // A dateline found past the head places the headline above it.
    let late_head = late.map(|(i, _)| header.unwrap_or(i).saturating_sub(LATE_HEADLINE_REACH)..i);
    let late_head = asked
        .map(|k| k.saturating_sub(LATE_HEADLINE_REACH)..k)
        .or(late_head);
    let site = holder.as_deref().map(line_key);
    if let Some(i) = title(
        units,
        article,
        body,
        head.len(),
        &marked,
        late_head,
        site.as_deref(),
    ) {
        found.meta.title = Some(without_label(without_permalink(&units[i].text)).to_string());
        found.used.push(i);
        if let Some(date) = dateline_under_headline(units, &dates, dateline.as_ref(), i) {
            found.meta.published = Some(date);
        }
    }
    found
}

/// Whether a line states how many products a listing holds ("(338 products)", "Showing
/// 1–16 of 29 results", "Displaying 1 to 24 (of 204 products)"); not an empty cart's "0 items".
fn is_listing_count(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '-' | '–' | ':'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let is_number = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    let Some(at) = words.iter().position(|w| COUNTED.contains(&w.as_str())) else {
        return false;
    };
    at >= 1
        && words.len() <= 8
        && is_number(&words[at - 1])
        && words[at - 1].chars().any(|c| matches!(c, '1'..='9'))
        && words[at + 1..].iter().all(|w| w == "found")
        && words[..at - 1]
            .iter()
            .all(|w| is_number(w) || matches!(w.as_str(), "showing" | "displaying" | "of" | "to"))
}

/// Whether a line is one of a listing's controls ("View as Grid List", "Filter & Sort").
fn is_listing_control(text: &str) -> bool {
    plain_words(text).first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "view" | "sort" | "filter" | "display" | "refine"
        )
    })
}

/// What a line gains as a headline for standing above a listing's count of products.
const COUNT_BONUS: f32 = 4.0;

/// What a listing counts.
const COUNTED: &[&str] = &["products", "items", "results"];

/// How many units under the headline its own dateline stands at most.
const DATELINE_UNDER_HEADLINE: usize = 3;

/// The date of the dateline just under headline `title`, where the dateline taken is above
/// the headline, does not say it is one and is later: a masthead's date of the day or a
/// teaser's ("Friday, December 19, 2025", "[ December 8, 2025 ] Top 10 ..."), not the
/// article's.
fn dateline_under_headline(
    units: &[Unit],
    dates: &[(usize, Date)],
    taken: Option<&(usize, Date)>,
    title: usize,
) -> Option<Date> {
    let (above, date_above) = taken.filter(|(d, _)| *d < title)?;
    let text = &units[*above].text;
    let cued = cued_date(text).is_some()
        || plain_words(text)
            .iter()
            .any(|w| DATE_CUES.contains(&w.as_str()));
    if cued {
        return None;
    }
    dates
        .iter()
        .find(|(k, _)| {
            (title + 1..=title + DATELINE_UNDER_HEADLINE).contains(k)
                && !is_other_date(&units[*k].text)
        })
        .map(|(_, d)| *d)
        // The day's date, or the newest teaser's, is past the article's; a later date
        // under a thread's title is a reply's.
        .filter(|d| d.date_only() < date_above.date_only())
}

/// A heading without the permalink sign documentation sites print after it ("Quick
/// start¶"), trimmed.
fn without_permalink(text: &str) -> &str {
    text.trim().trim_end_matches(PERMALINK_SIGNS).trim_end()
}

/// A headline without the label a forum or a blog prints before it ("Thread: Rain at
/// last", "[blog] Rain at last").
fn without_label(text: &str) -> &str {
    let rest = text.strip_prefix('[').and_then(|t| {
        let (label, rest) = t.split_once(']')?;
        Some((label, rest))
    });
    let rest = rest.or_else(|| {
        let (label, rest) = text.split_once(':')?;
        Some((label, rest))
    });
    match rest {
        Some((label, rest))
            if HEADLINE_LABELS.contains(&label.trim().to_lowercase().as_str())
                && rest.split_whitespace().count() >= 2 =>
        {
            rest.trim()
        }
        _ => text,
    }
}

/// Labels that forums and blogs print before a headline.
const HEADLINE_LABELS: &[&str] = &["thread", "topic", "blog", "post", "article"];

/// Signs that link to a heading, printed after it.
const PERMALINK_SIGNS: &[char] = &['¶', '§'];

/// Words that may join the words of a name: "Folha de S.Paulo", "Mac & i".
const NAME_JOINERS: &[&str] = &["of", "de", "du", "and", "&", "der", "la", "del"];

/// The holder named on a copyright line, the page's publisher: "© 2019 The Daily Planet.
/// All rights reserved." gives "The Daily Planet".
fn copyright_holder(text: &str) -> Option<String> {
    if text.split_whitespace().count() > 40 {
        return None;
    }
    let at = text
        .find('©')
        .map(|i| i + '©'.len_utf8())
        .into_iter()
        .chain(
            ["(c)", "copyright"]
                .iter()
                .filter_map(|m| find_ascii_ignore_case(text, m).map(|i| i + m.len())),
        )
        .min()?;
    let rest = text.get(at..)?;
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '©' | '-' | '–' | ',')
    });
    let end = [". ", ",", "|", " - ", " – ", " — ", " · "]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    let mut words: Vec<&str> = rest[..end]
        .trim_end_matches('.')
        .split_whitespace()
        .take_while(|w| {
            (w.starts_with(char::is_uppercase) && *w != "All") || NAME_JOINERS.contains(w)
        })
        .collect();
    while words.last().is_some_and(|w| NAME_JOINERS.contains(w)) {
        words.pop();
    }
    let name_like = (1..=6).contains(&words.len())
        && !["Copyright", "Provided", "Photo", "Image"].contains(&words[0]);
    name_like.then(|| words.join(" "))
}

/// Where an ASCII word first occurs in a text, whatever its case.
fn find_ascii_ignore_case(text: &str, needle: &str) -> Option<usize> {
    let (hay, n) = (text.as_bytes(), needle.len());
    (0..=hay.len().checked_sub(n)?).find(|&i| {
        text.is_char_boundary(i) && hay[i..i + n].eq_ignore_ascii_case(needle.as_bytes())
    })
}

/// A line of a name just before the dateline (a short line, a role or "Follow", may stand
/// between) or just after it: the author.
fn name_by_dateline(head: &[Unit], dateline: usize, lower: &HashSet<String>) -> Option<usize> {
    let between_is_short = dateline
        .checked_sub(1)
        .is_some_and(|k| head[k].text.split_whitespace().count() <= 3);
    let before = dateline.saturating_sub(if between_is_short { 2 } else { 1 })..dateline;
    before
        .rev()
        .chain(dateline + 1..(dateline + 2).min(head.len()))
        .find(|&k| bare_name(&head[k].text).is_some() && !is_common_words(&head[k].text, lower))
}

/// The words written in lower case somewhere in the units: common words, not names.
fn lower_case_words(units: &[Unit]) -> HashSet<String> {
    // Words of prose only: "jane" of "jane.doe@example.com" is no common word.
    units
        .iter()
        .flat_map(|u| u.text.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && w.chars().all(char::is_alphabetic)
        })
        .map(str::to_string)
        .collect()
}

/// Whether most words (more than half) of a capitalized line are common words, written in lower case
/// elsewhere in the text (`lower`): "Vibe Coding", "Climate Change" are a headline's words;
/// a name's words are capitalized wherever they are written.
fn is_common_words(text: &str, lower: &HashSet<String>) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .map(str::to_lowercase)
        .collect();
    2 * words.iter().filter(|w| lower.contains(*w)).count() > words.len()
}

/// Words that say a date is not the publication's: when a post was edited, when its
/// author joined the forum.
const OTHER_DATE_CUES: &[&str] = &["edited", "joined", "registered"];

/// Whether a dated line gives another date than the publication's ("edited Aug 1, 2014",
/// "Joined: Mon Jul 24, 2017"), and no publication cue beside it.
fn is_other_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let plain: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let cue = (0..plain.len()).find(|&k| {
        OTHER_DATE_CUES.contains(&plain[k].as_str())
            || plain
                .get(k + 1)
                .is_some_and(|next| LAST_POST_CUES.contains(&[plain[k].as_str(), next.as_str()]))
    });
    // A date before the cue is the post's own ("2019-02-23 (last modified: ...)").
    cued_date(text).is_none() && cue.is_some_and(|k| find_date(&words[..k].join(" ")).is_none())
}

/// Word pairs that give the date of a thread's last post, as a forum's header of the
/// thread says it ("23 replies 14 participants last post by jane Sep 26, 2024").
const LAST_POST_CUES: &[[&str; 2]] = &[["last", "post"], ["last", "reply"], ["latest", "reply"]];

/// The date on a line short enough to be a dateline rather than a paragraph.
fn short_date(text: &str) -> Option<Date> {
    (text.split_whitespace().count() <= 25 && !is_exclamation_or_question(text))
        .then(|| find_published(text))
        .flatten()
}

/// Whether a line ends as a question or an exclamation: a headline or a promotion that
/// names a date ("How to apply after 08/02/2024?", "Join our ride on 21st June 2026!"), not
/// a dateline.
fn is_exclamation_or_question(text: &str) -> bool {
    text.trim_end().ends_with(['?', '!'])
}

/// A dateline past the start of the body, where a page opens with a promotion, a teaser or
/// a long menu taken for the article: the first line that is a date and little else, opens
/// with a date or is a byline with one, in the text but its last fifth (comments, related
/// stories and the footer, with their dates); else a line anywhere that says what the date
/// is ("Published August 13, 2025"); else such a line in the last fifth.
fn late_dateline(units: &[Unit]) -> Option<(usize, Date)> {
    let short_date = |u: &Unit| {
        (u.text.split_whitespace().count() <= LATE_DATELINE_WORDS)
            .then(|| find_published(&u.text))
            .flatten()
    };
    units[..units.len() * 4 / 5]
        .iter()
        .enumerate()
        .filter(|(_, u)| !is_other_date(&u.text))
        .find_map(|(i, u)| {
            short_date(u)
                .or_else(|| dated_line(&u.text))
                .or_else(|| cued_line(&u.text))
                .map(|d| (i, d))
        })
        // Some pages date the article under it: "Published August 13, 2025".
        .or_else(|| {
            units.iter().enumerate().find_map(|(i, u)| {
                let first = u.text.split_whitespace().next().unwrap_or("");
                let first = first.trim_end_matches(':').to_lowercase();
                DATE_CUES
                    .contains(&first.as_str())
                    .then(|| short_date(u))
                    .flatten()
                    .map(|d| (i, d))
            })
        })
        // A short page's article may end close to its footer: a dateline in the last fifth
        // serves when the rest of the text has none, unless comments or other stories have
        // begun (their dates are theirs).
        .or_else(|| {
            let from = units.len() * 4 / 5;
            units[from..]
                .iter()
                .take_while(|u| !is_end_marker(&u.text))
                .enumerate()
                .find_map(|(i, u)| {
                    short_date(u)
                        .or_else(|| dated_line(&u.text))
                        .map(|d| (from + i, d))
                })
        })
}

/// Whether a line is a dateline that says how long ago, after a publication cue: "Asked
/// 11 years, 9 months ago", "Posted 3 days ago".
fn is_relative_dateline(text: &str) -> bool {
    let words = plain_words(text);
    words.len() <= RELATIVE_DATELINE_WORDS
        && words
            .first()
            .is_some_and(|w| RELATIVE_CUES.contains(&w.as_str()))
        && words.last().is_some_and(|w| w == "ago")
        && words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// How many words a dateline saying how long ago has at most.
const RELATIVE_DATELINE_WORDS: usize = 8;

/// Words opening a dateline that says how long ago the text was published.
const RELATIVE_CUES: &[&str] = &["asked", "posted", "published", "created", "started"];

/// How many units above a dateline found past the head its headline may stand (a byline, a
/// standfirst between).
const LATE_HEADLINE_REACH: usize = 4;

/// How many words a dateline found past the head may have: a date, a cue, a time.
const LATE_DATELINE_WORDS: usize = 6;

/// The date of a short line that opens with it ("October 8, 2024 · 5 min read"), or of a
/// byline that has it ("By Jane Doe and John Roe Nov 25, 2025 5:00 am PST").
fn dated_line(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    if words.len() <= DATED_LINE_WORDS {
        if let Some(d) = find_date(&words[..words.len().min(4)].join(" ")) {
            return Some(d);
        }
    }
    (BY.contains(&first.as_str()) && words.len() <= DATED_BYLINE_WORDS)
        .then(|| find_published(text))
        .flatten()
}

/// The date a short paragraph of post furniture says is the publication's: "Share Follow
/// edited Feb 12, 2011 Jane Doe asked Feb 11, 2011 Jane Roe 159 badges".
fn cued_line(text: &str) -> Option<Date> {
    (text.split_whitespace().count() <= CUED_LINE_WORDS)
        .then(|| cued_date(text))
        .flatten()
}

/// How many words a paragraph with a publication cue and its date may have.
const CUED_LINE_WORDS: usize = 50;

/// How many words a line opening with a date may have.
const DATED_LINE_WORDS: usize = 12;
/// How many words a byline with a date may have.
const DATED_BYLINE_WORDS: usize = 20;

/// A line that is all dateline: its date, a cue word, a source, a time; nothing of a
/// sentence.
fn is_dateline(text: &str) -> bool {
    text.split_whitespace().count() <= 12 && !text.trim_end().ends_with('.')
}

/// The source named before the date cue: "China Plus Published: ..." gives "China Plus".
fn dateline_source(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cue = words.iter().position(|w| {
        let w = w.trim_end_matches(':').to_lowercase();
        DATE_CUES.contains(&w.as_str())
    })?;
    let source = &words[..cue];
    let name_like = (1..=5).contains(&source.len())
        && source.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        });
    name_like.then(|| {
        source
            .join(" ")
            .trim_end_matches([',', '|', '-', '·'])
            .trim()
            .to_string()
    })
}

/// The title: the most prominent line of the head. Each title-like line scores for its
/// length in words (titles have a few), for being a heading, for standing next to the
/// byline or dateline, for opening a head free of furniture, for naming what the article
/// is about (its words recur in the body), for recurring in the page (a headline is
/// repeated in breadcrumbs and share widgets, a menu label is not prose's topic), and
/// loses a little for each line between it and the body (`body`, the first article
/// paragraph; the head reaches a little past it, to `head`). The best wins; on a tie, the
/// one nearer the body.
fn title(
    units: &[Unit],
    article: &[bool],
    body: usize,
    head: usize,
    marked: &[usize],
    late_head: Option<std::ops::Range<usize>>,
    site: Option<&str>,
) -> Option<usize> {
    let mut is_marked = vec![false; units.len()];
    for &m in marked {
        if let Some(mark) = is_marked.get_mut(m) {
            *mark = true;
        }
    }
    let marked_in = |mut range: std::ops::RangeInclusive<usize>| {
        range.any(|m| is_marked.get(m).copied().unwrap_or(false))
    };
    let clean = units[..head].iter().all(|u| !is_furniture_text(&u.text));
    let topic = Topic::new(units, article);
    let repeats = line_repeats(units);
    let trail_ends = trail_ends(units);
    let masthead: HashSet<String> = units
        .iter()
        .take(MASTHEAD_UNITS)
        .map(|u| line_key(&u.text))
        .collect();
    let is_deck = |i: usize| {
        i == body
            && units.get(i).is_some_and(is_title_like)
            && is_standfirst_under_headline(units, &topic, i)
    };
    // Documentation generators print a permalink sign after each heading: the first one
    // heads the page.
    let first_permalinked = units
        .iter()
        .position(|u| u.text.trim_end().ends_with(PERMALINK_SIGNS));
    // A shop's listing states how many products it shows under its name.
    let counted = (0..units.len() * 4 / 5).find(|&k| is_listing_count(&units[k].text));
    let late_head = late_head.or(counted
        .filter(|&k| k >= head)
        .map(|k| k.saturating_sub(LATE_HEADLINE_REACH)..k));
    let in_late_head = |i: usize| late_head.as_ref().is_some_and(|r| r.contains(&i));
    let next_prose = next_prose(units, article);
    // The listing's name stands above its count, past its controls.
    let named = counted.and_then(|k| {
        (k.saturating_sub(LATE_HEADLINE_REACH)..k)
            .rev()
            .find(|&i| is_title_like(&units[i]) && !is_listing_control(&units[i].text))
    });
    let score = |i: usize| -> f32 {
        let unit = &units[i];
        let words = word_count(&unit.text);
        // A shop's or a section's page is headed by its name alone ("Camp Stoves").
        let mut score = match words {
            0..=1 => -4.0,
            2..=3 => 0.5,
            4..=25 => 2.0,
            _ => 0.0,
        };
        score += match unit.kind {
            Kind::Heading(1) => 3.0,
            Kind::Heading(_) => 1.0,
            _ => 0.0,
        };
        if marked_in(i + 1..=i + 3) {
            // A name above the dateline is the byline's; the headline stands above both.
            score += if bare_name(&unit.text).is_some() {
                1.0
            } else {
                3.0
            };
        } else if i > 0 && marked_in(i.saturating_sub(2)..=i - 1) {
            score += 1.0;
        }
        if named == Some(i) {
            // A listing may be named in one word ("Kayaks"): it scores as a short name.
            score += COUNT_BONUS + if words <= 1 { 4.5 } else { 0.0 };
        }
        if clean && i == 0 {
            score += 3.0;
        } else if !clean
            && masthead.contains(&line_key(&unit.text))
            && repeats.get(&line_key(&unit.text)).is_some_and(|&n| n > 1)
        {
            // The first lines of a page with menus name the site, wherever they recur.
            score -= 3.0;
        }
        // Atop the page, a forum's or a blog's name, whose words the posts repeat.
        if i < MASTHEAD_UNITS && is_site_kind_name(&unit.text) {
            score -= SITE_KIND_PENALTY;
        }
        if super::structure::looks_like_heading(&unit.text) {
            score += 1.0;
        }
        if first_permalinked == Some(i) {
            score += PERMALINK_BONUS;
        }
        if is_picture_label(&unit.text) {
            score -= PICTURE_LABEL_PENALTY;
        }
        if is_role_under_name(units, i) {
            score -= ROLE_PENALTY;
        }
        if is_call_to_action(&unit.text) {
            score -= CALL_PENALTY;
        }
        // The site's name, which its copyright line holds, heads every page of the site.
        if site.is_some_and(|s| line_key(&unit.text) == s) {
            score -= SITE_NAME_PENALTY;
        }
        // Text browsers indent what is nested: list entries, quotes, sidebars' boxes. A
        // page's headline starts at the margin.
        if unit.indent >= 2 {
            score -= 3.0;
        }
        score += 4.0 * topic.share(i);
        score += LEDE_WEIGHT * lede_share(units, &next_prose, i);
        // A headline recurs (breadcrumbs, share widgets, the print title); so do a
        // template's labels ("Caption", "Buy Photo"), short and often.
        let repeated = repeats
            .get(&line_key(&unit.text))
            .is_some_and(|&n| match words {
                0..=2 => false,
                3 => (2..=3).contains(&n),
                _ => (2..=4).contains(&n),
            });
        if repeated {
            score += 2.0;
        }
        // A breadcrumb trail ends at the page it leads to: its headline. The trail itself
        // is no headline.
        if trail_ends.contains(&line_key(&unit.text)) {
            score += TRAIL_END_BONUS;
        }
        if is_trail(&unit.text) {
            score -= TRAIL_PENALTY;
        }
        if i > body && !in_late_head(i) {
            // Past the first paragraph, a heading is a section's, even one said again (in
            // a table of contents).
            score -= 2.0;
        }
        // A standfirst opening the body yields its place to the headline above it.
        if is_deck(i) {
            score -= 1.5;
        } else if is_deck(i + 1) {
            score += 1.5;
        }
        score - (0.05 * body.abs_diff(i) as f32).min(2.0)
    };
    let reach = late_head.as_ref().map_or(head, |r| r.end.max(head));
    let candidates: Vec<bool> = (0..reach)
        .map(|i| (i < head || in_late_head(i)) && !is_marked[i] && is_title_like(&units[i]))
        .collect();
    // A line cut from a fuller one near it is a shortened variant of the headline.
    let is_cut = |i: usize| {
        let near = i.saturating_sub(VARIANT_REACH)..(i + VARIANT_REACH + 1).min(reach);
        near.into_iter().any(|j| {
            j != i
                && candidates[j]
                && is_cut_of(&units[i].text, &units[j].text)
                && !is_framed_variant(&units[j].text, &units[i].text)
        })
    };
    // A line that is a headline with a trail or label before it, or a site name after it,
    // past a separator ("Home / Reviews / Headline", "Today: Headline"), yields to the
    // headline said alone near it.
    let is_framed = |i: usize| {
        let near = i.saturating_sub(VARIANT_REACH)..(i + VARIANT_REACH + 1).min(reach);
        near.into_iter()
            .any(|j| j != i && candidates[j] && is_framed_variant(&units[i].text, &units[j].text))
    };
    let is_padded = |i: usize| {
        let near = i.saturating_sub(VARIANT_REACH)..(i + VARIANT_REACH + 1).min(reach);
        near.into_iter()
            .any(|j| j != i && candidates[j] && is_padded_variant(&units[i].text, &units[j].text))
    };
    (0..reach)
        .filter(|&i| candidates[i] && !is_cut(i) && !is_framed(i) && !is_padded(i))
        .map(|i| (i, score(i)))
        .fold(None, |best: Option<(usize, f32)>, (i, s)| match best {
            Some((_, b)) if b > s => best,
            _ => Some((i, s)),
        })
        .map(|(i, _)| i)
}

/// What a line gains as a headline for being the first heading with a permalink sign: more
/// than a one-word line loses ("Quickstart¶").
const PERMALINK_BONUS: f32 = 6.5;

/// What the site's name costs a line as a headline.
const SITE_NAME_PENALTY: f32 = 4.0;

/// Words of an author's job title printed under the name on a byline box.
const ROLE_WORDS: &[&str] = &[
    "editor",
    "reporter",
    "correspondent",
    "writer",
    "columnist",
    "contributor",
    "director",
    "journalist",
    "founder",
    "ceo",
    "vp",
    "expert",
    "specialist",
    "strategist",
    "consultant",
    "manager",
];

/// How many words an author's job title has at most.
const ROLE_WORDS_MAX: usize = 6;

/// What a job title under an author's name costs it as a headline.
const ROLE_PENALTY: f32 = 3.0;

/// Whether unit `i` is an author's job title: a short line naming a role, with the name
/// (or the byline) just above it ("Jane Doe" then "Senior Health Reporter").
fn is_role_under_name(units: &[Unit], i: usize) -> bool {
    let words = plain_words(&units[i].text);
    words.len() <= ROLE_WORDS_MAX
        && words.iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
        && units[i.saturating_sub(2)..i]
            .iter()
            .any(|u| bare_name(&u.text).is_some() || byline(&u.text).is_some())
}

/// Verbs that open a button's or a link's call to the reader: "Get a quote", "See how it
/// works", "Contact our team".
const CALL_VERBS: &[&str] = &[
    "see",
    "learn",
    "add",
    "visit",
    "improve",
    "get",
    "try",
    "explore",
    "shop",
    "find",
    "discover",
    "click",
    "start",
    "join",
    "request",
    "download",
    "contact",
    "buy",
    "order",
    "view",
    "browse",
    "watch",
    "sign",
    "schedule",
    "call",
    "subscribe",
    "follow",
    "check",
    "save",
    "create",
    "build",
    "claim",
    "register",
    "apply",
    "enter",
    "choose",
    "select",
    "load",
    "show",
    "reserve",
    "grab",
    "unlock",
    "talk",
    "chat",
    "ask",
    "tap",
    "go",
    "back",
    "compare",
];

/// Words by which a call addresses the reader or makes an offer: "Get your free quote
/// now".
const CALL_ADDRESS: &[&str] = &[
    "your", "you", "our", "us", "now", "here", "free", "today", "more", "started", "demo", "quote",
    "me", "my", "this",
];

/// How many words a call to action has at most when it does not address the reader.
const CALL_WORDS: usize = 4;

/// What a call to action costs a line as a headline.
const CALL_PENALTY: f32 = 2.0;

/// Whether a line is a call to action, a button's or a link's label: it opens with a verb
/// of [`CALL_VERBS`] and is short or speaks to the reader ("See How It Works", "Contact our
/// team", "Get the free guide now"). A headline may open with such a verb ("Build your
/// first app"), and loses only a little.
fn is_call_to_action(text: &str) -> bool {
    let words = plain_words(text);
    words
        .first()
        .is_some_and(|w| CALL_VERBS.contains(&w.as_str()))
        && (words.len() <= CALL_WORDS
            || words[1..]
                .iter()
                .any(|w| CALL_ADDRESS.contains(&w.as_str())))
}

/// How long (in weighted characters) an article unit is at least to be a paragraph of prose.
const PROSE_LEN: usize = 250;
/// How many units from the first paragraph under a line make its lede.
const LEDE_UNITS: usize = 2;
/// What a line scores for a whole share of its words said again in the lede under it.
const LEDE_WEIGHT: f32 = 2.0;

/// Per unit, the first article paragraph of prose after it, if any.
fn next_prose(units: &[Unit], article: &[bool]) -> Vec<Option<usize>> {
    let mut next = vec![None; units.len()];
    let mut after = None;
    for i in (0..units.len()).rev() {
        next[i] = after;
        if article[i] && super::clean::weighted_len(&units[i].text) >= PROSE_LEN {
            after = Some(i);
        }
    }
    next
}

/// The share of the content words of unit `i` said again in the lede under it (the first
/// paragraphs of prose that follow): a headline names what its article opens with, a site's
/// name or a menu's label above it does not.
fn lede_share(units: &[Unit], next_prose: &[Option<usize>], i: usize) -> f32 {
    let words = content_words(&units[i].text);
    let Some(start) = next_prose[i] else {
        return 0.0;
    };
    if words.is_empty() {
        return 0.0;
    }
    let lede: HashSet<String> = units[start..(start + LEDE_UNITS).min(units.len())]
        .iter()
        .flat_map(|u| content_words(&u.text))
        .collect();
    words.iter().filter(|w| lede.contains(*w)).count() as f32 / words.len() as f32
}

/// Words that name a picture, opening or closing its label as text browsers print it
/// ("Picture of Jane Doe", "Daily Planet logo").
const PICTURE_WORDS: &[&str] = &[
    "image",
    "picture",
    "photo",
    "logo",
    "icon",
    "avatar",
    "headshot",
    "thumbnail",
];

/// What a picture's label costs a line as a headline.
const PICTURE_LABEL_PENALTY: f32 = 3.0;

/// Whether a line is a picture's label (its alternative text): its first or last word names
/// a picture.
fn is_picture_label(text: &str) -> bool {
    let words = plain_words(text);
    let named = |w: Option<&String>| w.is_some_and(|w| PICTURE_WORDS.contains(&w.as_str()));
    named(words.first()) || named(words.last())
}

/// Words that end the name of a site of a kind: a forum, a community, a blog.
const SITE_KINDS: &[&str] = &["forum", "forums", "community", "blog"];

/// What a site's name by its kind costs a line atop the page as a headline: the posts
/// under it say its words often, which earns it much as the article's topic.
const SITE_KIND_PENALTY: f32 = 6.0;

/// Whether a line names a site by its kind ("Docker Community Forums", "Jane's blog").
fn is_site_kind_name(text: &str) -> bool {
    plain_words(text)
        .last()
        .is_some_and(|w| SITE_KINDS.contains(&w.as_str()))
}

/// How many units open a page as its masthead: the site's name, a skip link, a menu.
const MASTHEAD_UNITS: usize = 3;

/// How many units apart a headline and its shortened variant may stand.
const VARIANT_REACH: usize = 3;

/// Whether the words of `short` run together inside the longer line `long`, and not as
/// whole parts of it between separators, and `short` is cut short: it says so with an
/// ellipsis, or `long` goes on past it with a clause ([`CUT_TAIL_WORDS`] words or more).
/// "$150K Pearl Oscar Dress ... STOLEN!!!!" is cut from "Lupita Nyong'o's $150K Pearl
/// Oscar Dress -- STOLEN!!!", and "Top 10 Shoe Companies" from "Top 10 Shoe Companies You
/// Should Know About"; while "Rain at last" in "World | Rain at last" is the headline
/// without its section, "Home > News" in "Home > News > Rain at last" a shorter
/// breadcrumb, and "Rain at last" in "Home Blog Rain at last" or "Rain at last cover"
/// the headline with a trail or an image's label run into it.
fn is_cut_of(short: &str, long: &str) -> bool {
    let (s, l) = (plain_words(short), plain_words(long));
    if s.is_empty() || s.len() >= l.len() {
        return false;
    }
    let Some(at) = l.windows(s.len()).position(|w| w == s) else {
        return false;
    };
    let tail = l.len() - at - s.len();
    if !(short.contains("...") || short.contains('…') || tail >= CUT_TAIL_WORDS) {
        return false;
    }
    let (short, long) = (line_key(short), line_key(long));
    !TITLE_SEPARATORS.iter().any(|sep| {
        let (s, l) = (parts(&short, sep), parts(&long, sep));
        l.windows(s.len()).any(|w| w == s)
    })
}

/// How many words a fuller headline goes on with past a line cut from it: fewer are a
/// label run into the headline ("cover", "Header Image", "New").
const CUT_TAIL_WORDS: usize = 4;

/// Whether `long` is `short` with more words before or after it, set off by a separator:
/// a breadcrumb ending in the headline, a label ("Today: ..."), a site name ("... | Site").
fn is_framed_variant(long: &str, short: &str) -> bool {
    let (long, short) = (line_key(long), line_key(short));
    if short.split_whitespace().count() < 2 || long.len() <= short.len() {
        return false;
    }
    let is_separator = |c: char| FRAME_SEPARATORS.contains(&c);
    if let Some(before) = long.strip_suffix(&short) {
        if before.trim_end().ends_with(|c| c == ':' || is_separator(c)) {
            return true;
        }
    }
    // After a colon comes the headline's own subtitle, not a site name.
    long.strip_prefix(&short)
        .is_some_and(|after| after.trim_start().starts_with(is_separator))
}

/// Whether `long` is `short`, a headline of [`PADDED_MIN_WORDS`] words or more, with a
/// label of a few words run into it before or after ("Headline cover", "Blog NameHeadline").
fn is_padded_variant(long: &str, short: &str) -> bool {
    let (long, short) = (line_key(long), line_key(short));
    if short.split_whitespace().count() < PADDED_MIN_WORDS {
        return false;
    }
    let Some(at) = long.find(&short) else {
        return false;
    };
    let (before, after) = (&long[..at], &long[at + short.len()..]);
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    // Words said before the headline with a space may be its own ("The Ultimate ...").
    let run_in = before.is_empty() || !before.ends_with(char::is_whitespace);
    run_in && (1..=PADDED_MAX_WORDS).contains(&(words(before) + words(after)))
}

/// How many words a headline has at least to be found inside a padded variant of it.
const PADDED_MIN_WORDS: usize = 4;
/// How many words of a label a padded variant runs into the headline at most.
const PADDED_MAX_WORDS: usize = 3;

/// Marks that set a headline apart from a trail or a site name beside it.
const FRAME_SEPARATORS: &[char] = &['/', '|', '»', '>', '›', '-', '–', '—', '·'];

/// The parts of a line between separators `sep`, trimmed.
fn parts<'a>(text: &'a str, sep: &str) -> Vec<&'a str> {
    text.split(sep).map(str::trim).collect()
}

/// The words of a line in lower case, without punctuation.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the line just above unit `i` is a headline of four words or more, some of them
/// the article's: then `i`, when it opens the body, is the standfirst (deck) that sums the
/// article up under its headline. A kicker above a headline is shorter, and stands before
/// the body; a button's label ("To se mi líbí") has none of the article's words.
fn is_standfirst_under_headline(units: &[Unit], topic: &Topic, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        is_title_like(&units[k]) && word_count(&units[k].text) >= 4 && topic.share(k) > 0.0
    })
}

/// The words of the article, to tell how much a line is about what the article is about.
struct Topic<'a> {
    units: &'a [Unit],
    /// Per content word, in how many article units it occurs.
    counts: HashMap<String, usize>,
    article: &'a [bool],
}

impl<'a> Topic<'a> {
    fn new(units: &'a [Unit], article: &'a [bool]) -> Self {
        let mut counts = HashMap::new();
        // A line said again (a site name, a label) is one line of the article, not more.
        let mut seen = HashSet::new();
        for (unit, _) in units.iter().zip(article).filter(|(_, &a)| a) {
            if !seen.insert(line_key(&unit.text)) {
                continue;
            }
            for word in content_words(&unit.text) {
                *counts.entry(word).or_insert(0) += 1;
            }
        }
        Topic {
            units,
            counts,
            article,
        }
    }

    /// The share of the content words of unit `i` found in the article's other units;
    /// a line of one or two such words says less, and gets a third of the credit per word.
    fn share(&self, i: usize) -> f32 {
        let words = content_words(&self.units[i].text);
        if words.is_empty() {
            return 0.0;
        }
        let own = usize::from(self.article.get(i).copied().unwrap_or(false));
        let found = words
            .iter()
            .filter(|w| self.counts.get(*w).is_some_and(|&n| n > own))
            .count();
        let evidence = words.len().min(3) as f32 / 3.0;
        evidence * found as f32 / words.len() as f32
    }
}

/// The distinct words of a text that say what it is about: three letters or more, not a
/// function word, lower case.
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
        .collect()
}

/// A line as compared with the others: lower case, spaces collapsed.
fn line_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How often each line occurs in the text, alone or as a part of a line divided by a
/// separator ("World | Headline", "Headline - Site", "Home > News > Headline").
fn line_repeats(units: &[Unit]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for unit in units {
        let key = line_key(&unit.text);
        let mut parts: HashSet<&str> = TITLE_SEPARATORS
            .iter()
            .flat_map(|sep| key.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        parts.insert(&key);
        for part in parts {
            *counts.entry(part.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// What a line gains as a headline for being the last step of a breadcrumb trail.
const TRAIL_END_BONUS: f32 = 2.5;

/// What a line loses as a headline for being a breadcrumb trail.
const TRAIL_PENALTY: f32 = 4.0;

/// Whether a line is a breadcrumb trail: steps set apart by a trail's separator.
fn is_trail(text: &str) -> bool {
    SPACED_TRAIL_SEPARATORS.iter().any(|sep| text.contains(sep))
}

/// What separates the steps of a breadcrumb trail ("Home / Reviews / Headline"). Sites
/// print some without spaces ("Home»Reviews"), and so does French its quotes ("«Titre»").
const TRAIL_SEPARATORS: &[&str] = &[" / ", " > ", " » ", "»", " › ", "›"];

/// The separators of a trail that no headline has.
const SPACED_TRAIL_SEPARATORS: &[&str] = &[" / ", " > ", " » ", " › "];

/// The last steps of the breadcrumb trails in the text, as [`line_key`]s: "Home / Reviews /
/// Headline" gives "headline".
fn trail_ends(units: &[Unit]) -> HashSet<String> {
    units
        .iter()
        .flat_map(|unit| {
            let key = line_key(&unit.text);
            TRAIL_SEPARATORS
                .iter()
                .filter_map(|sep| {
                    let (_, last) = key.rsplit_once(sep)?;
                    let last = last.trim();
                    (!last.is_empty()).then(|| last.to_string())
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// What sites put between a headline and its section or site name; a bar, with or
/// without spaces ("New York|Manhole Fires ...").
const TITLE_SEPARATORS: &[&str] = &["|", " - ", " – ", " — ", " :: ", " · ", " > ", " » ", " / "];

/// Words of a line; in scripts written without spaces, two characters make a word.
fn word_count(text: &str) -> usize {
    let spaced = text.split_whitespace().count();
    let cjk = text
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii() && (*c as u32) >= 0x3040)
        .count();
    spaced.max(cjk / 2)
}

fn is_title_like(unit: &Unit) -> bool {
    let t = unit.text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let wordy = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .count();
    let no_space_script = t.chars().filter(|c| c.is_alphabetic()).count() >= 4 && words.len() <= 2;
    matches!(unit.kind, Kind::Text | Kind::Heading(_))
        && (wordy >= 1 || no_space_script)
        && words.len() <= 30
        && t.chars().count() <= 250
        && (!t.ends_with('.') || t.ends_with("...") || ends_with_abbreviation(t))
        && !t.ends_with([':', ',', '—', '-', '|'])
        // Columns of a text table.
        && !t.contains("   ")
        && !is_caption(t)
        && !is_said_twice(t)
        && !has_form_control(t)
        && !is_code_line(t)
        && !is_member_since(t)
        && !is_furniture_text(t)
        && !is_end_marker(t)
        && byline(t).is_none()
        // A question naming a date is a headline ("How to renew after 08/02/2024?").
        && (find_date(t).is_none() || is_exclamation_or_question(t))
}

/// Whether a line reads as code: it opens with an identifier or a prompt in lower case and
/// has code's punctuation, braces, an operator or a call ("function App() {", "$ tool
/// <command>"); a headline opens with a capital or a figure.
fn is_code_line(text: &str) -> bool {
    let opens_low = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '$');
    let call = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_alphanumeric() && w[1] == b'(');
    opens_low && (call || text.contains(['{', '}', ';', '=', '<', '>']))
}

/// Whether a line says when a member joined ("410 posts · Joined 2002", "Registered: Mar
/// 2015"): the statistics of a post's author, no headline.
fn is_member_since(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| {
        let cue = w[0].trim_end_matches(':').to_lowercase();
        let next = w[1].trim_matches(|c: char| !c.is_alphanumeric());
        MEMBER_CUES.contains(&cue.as_str())
            && (next.starts_with(|c: char| c.is_ascii_digit()) || month_number(next).is_some())
    })
}

/// Words that give the date a member joined a forum.
const MEMBER_CUES: &[&str] = &["joined", "registered"];

/// Whether a line holds a form's control as text browsers print it: a button
/// ("(BUTTON) Next story") or a text field ("____________").
fn has_form_control(text: &str) -> bool {
    ["(BUTTON)", "[BUTTON]", "____"]
        .iter()
        .any(|mark| text.contains(mark))
}

/// Words that may stand before "by" on a byline: "Written by", "Posted by".
const BY_LEAD: &[&str] = &[
    "written",
    "posted",
    "published",
    "story",
    "text",
    "words",
    "reported",
    "edited",
    "article",
    "geschrieben",
    "publié",
    "escrito",
    "scritto",
];

/// Bylines are short: longer lines are read up to this many words, and only when the
/// names end before a comma ("By Jane Doe, a reporter who has covered ...").
const BYLINE_WORDS: usize = 20;

/// Whether the full stop at the end of a line closes an abbreviation ("N.Y.C.", "U.S.")
/// rather than a sentence.
fn ends_with_abbreviation(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|w| w.trim_end_matches('.').contains('.'))
}

/// Authors (and a publisher after `|`) of a byline: "By Jane Doe", "Written by Jane Doe",
/// "on March 10, 2015 by Jane Doe", "Jane Doe | Reuters", "Jane Doe - Apr 16, 2015".
pub fn byline(text: &str) -> Option<(Vec<Author>, Option<String>)> {
    let t = without_picture_mark(text.trim());
    let long = t.split_whitespace().count() > BYLINE_WORDS;
    let (names, publisher) = match t.split_once('|') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (t, None),
    };
    let publisher = publisher.filter(|p| {
        let n = p.split_whitespace().count();
        (1..=5).contains(&n)
            && p.chars().next().is_some_and(char::is_uppercase)
            && find_date(p).is_none()
            && !is_furniture_text(p)
            // "Series | Part 5" is no source.
            && !p.chars().any(|c| c.is_ascii_digit())
    });
    if let Some(rest) = after_by(names) {
        let rest = if long { rest.split(',').next()? } else { rest };
        if long && rest.split_whitespace().count() > 5 {
            return None;
        }
        let authors = author_names(rest, true)?;
        let one_word = authors.len() == 1 && !authors[0].name.contains(' ');
        // "By Tuesday, the council..." names no one.
        if one_word && t.split_whitespace().count() > 4 {
            return None;
        }
        return Some((authors, publisher.map(str::to_string)));
    }
    if long || is_furniture_text(names) {
        return None;
    }
    let authors = match publisher {
        Some(_) => author_names(names, false)?,
        None => dated_name(names).or_else(|| handled_name(names))?,
    };
    // Without "By" a name has a first and a last name: "World | Headline" is no byline.
    if authors.iter().any(|a| !a.name.contains(' ')) {
        return None;
    }
    Some((authors, publisher.map(str::to_string)))
}

/// A line without the mark of a picture that opens it ("[headshot] Jane Doe • 8h"): text
/// browsers print a picture as its alternative text or file name in brackets.
fn without_picture_mark(text: &str) -> &str {
    text.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .map(|(_, after)| after.trim_start())
        .filter(|after| !after.is_empty())
        .unwrap_or(text)
}

/// The text after "By" at the start of a line, after a lead ("Written by") or after a
/// date ("on March 10, 2015 by").
fn after_by(text: &str) -> Option<&str> {
    let mut offset = 0;
    for (k, word) in text.split_whitespace().enumerate().take(8) {
        let at = offset + text[offset..].find(word)?;
        offset = at + word.len();
        let lower = word.to_lowercase();
        if BY.contains(&lower.trim_end_matches(':')) {
            let lead = &text[..at];
            let lead_ok = k == 0
                || lead
                    .split_whitespace()
                    .all(|w| BY_LEAD.contains(&w.to_lowercase().as_str()))
                || find_date(lead).is_some();
            return lead_ok.then(|| text[offset..].trim_start());
        }
    }
    None
}

/// A name followed by when it wrote: "Jane Doe - Apr 16, 2015 8:02 pm", "Jane Doe 1 day
/// ago", "Jane Doe on Feb 24" (a month and a day are a date even without the year).
fn dated_name(text: &str) -> Option<Vec<Author>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = name_length(&words);
    if !(2..=4).contains(&n) || words[..n].iter().any(|w| is_determiner(w)) {
        return None;
    }
    let rest = words[n..].join(" ");
    let rest = rest.trim_start_matches(['-', '–', '—', '·', '•', ',', ' ']);
    let rest = rest.strip_prefix("on ").unwrap_or(rest);
    // The date follows the name at once: "China Plus Published: ..." is a dateline.
    let mut next = rest.split_whitespace();
    let first = next.next().unwrap_or("");
    let month_day = crate::read::dates::month_number(first.trim_end_matches(',')).is_some()
        && next.next().is_some_and(|d| {
            d.trim_end_matches(',')
                .parse::<u8>()
                .is_ok_and(|d| (1..=31).contains(&d))
        });
    let date_first = first.starts_with(|c: char| c.is_ascii_digit());
    // "8h", "3d", "20m": how long ago, in a feed's short form.
    let digits = first.trim_start_matches(|c: char| c.is_ascii_digit());
    let short_ago = date_first
        && rest.split_whitespace().count() == 1
        && ["h", "d", "m", "min"].contains(&digits);
    let dated = month_day
        || short_ago
        || (date_first && (find_date(rest).is_some() || rest.ends_with(" ago")));
    dated.then(|| vec![Author::named(name_case(&words[..n].join(" ")))])
}

/// A name followed by the writer's social-media handle: "Jane Doe, @janedoe".
fn handled_name(text: &str) -> Option<Vec<Author>> {
    let (name, handle) = text.trim().rsplit_once(char::is_whitespace)?;
    let name = name.trim_end().trim_end_matches(',');
    is_handle(handle)
        .then(|| bare_name(name))
        .flatten()
        .map(|a| vec![a])
}

/// A social-media handle alone: "@janedoe".
fn is_handle(text: &str) -> bool {
    text.strip_prefix('@').is_some_and(|h| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
    })
}

/// Words that open the name of a thing, never of a person ("The Daily Planet", "Le Monde").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "your", "my", "this", "le", "les", "el", "los", "las", "die", "das",
    "il", "lo", "het", "een",
];

fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word.to_lowercase().as_str())
}

/// A line that is only a person's name: two to four capitalized words, none of them a
/// determiner ("The Daily Planet" is a site).
fn bare_name(text: &str) -> Option<Author> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let n = name_length(&words);
    let name_only = (2..=4).contains(&n)
        && n == words.len()
        && !words.iter().any(|w| is_determiner(w))
        && !is_furniture_text(text)
        && words.iter().all(|w| w.chars().any(char::is_alphabetic));
    name_only.then(|| Author::named(name_case(&words.join(" "))))
}

/// Names separated by commas, "and" or "&"; a role after a comma, a date or any other word
/// that is not part of a name ends them. Without "By" in front every part must be a name.
fn author_names(text: &str, after_by: bool) -> Option<Vec<Author>> {
    let mut authors = Vec::new();
    for (k, part) in text.split(',').enumerate() {
        let role = part
            .split_whitespace()
            .any(|w| ROLES.contains(&w.to_lowercase().as_str()));
        if k > 0 && role {
            break;
        }
        for name in part
            .split(" and ")
            .flat_map(|p| p.split(" & "))
            .flat_map(|p| p.split(" und "))
            .flat_map(|p| p.split(" et "))
            .flat_map(|p| p.split(" y "))
        {
            let words: Vec<&str> = name.split_whitespace().collect();
            let n = name_length(&words);
            if n == 0 || n > 5 || (n < words.len() && !after_by) {
                return (after_by && !authors.is_empty()).then_some(authors);
            }
            authors.push(Author::named(name_case(&words[..n].join(" "))));
            if n < words.len() {
                return Some(authors);
            }
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// How many of the words make a name: capitalized words, initials and particles, up to a
/// date ("Jane Doe Nov 19") or any other word.
fn name_length(words: &[&str]) -> usize {
    words
        .iter()
        .enumerate()
        .take_while(|(i, w)| {
            let letters = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let next_is_number = words
                .get(i + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            let month = next_is_number && find_date(&format!("{w} 1, 2000")).is_some();
            letters && !month && (capital || PARTICLES.contains(w))
        })
        .count()
}

/// "JEFFREY GETTLEMAN" reads "Jeffrey Gettleman"; mixed case stays as written.
fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::segment::segment;

    fn names(text: &str) -> Vec<String> {
        byline(text)
            .map(|(a, _)| a.into_iter().map(|a| a.name).collect())
            .unwrap_or_default()
    }

    #[test]
    fn bylines() {
        assert_eq!(names("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(
            names("By JEFFREY GETTLEMAN JAN. 13, 2017"),
            ["Jeffrey Gettleman"]
        );
        assert_eq!(
            names("By Ann Lee, Bo Chan and Cy Ode"),
            ["Ann Lee", "Bo Chan", "Cy Ode"]
        );
        assert_eq!(
            names("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU"),
            ["Daniel Kahn Gillmor"]
        );
        assert_eq!(names("by Ludwig van Beethoven"), ["Ludwig van Beethoven"]);
        let (authors, publisher) = byline("Jane Doe and John Roe | Reuters").unwrap();
        assert_eq!(authors.len(), 2);
        assert_eq!(authors[1].name, "John Roe");
        assert_eq!(publisher.as_deref(), Some("Reuters"));
        assert!(byline("Bypass the road for now").is_none());
        assert!(byline("The rain in spain | Weather").is_none());
        assert!(byline("by the way, nothing here").is_none());
        // Section labels and account links before a bar are not authors.
        assert!(byline("Africa | United States to Lift Sudan Sanctions").is_none());
        assert!(byline("Sign In | Register").is_none());
    }

    #[test]
    fn bylines_led_or_followed() {
        assert_eq!(names("Written by Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("on March 10, 2015 by Jane Doe"), ["Jane Doe"]);
        assert_eq!(names("Posted by Jane Doe on March 10, 2015"), ["Jane Doe"]);
        assert!(byline("Stand by Me was a hit").is_none());
        assert_eq!(names("Jane Doe - Apr 16, 2015 8:02 pm UTC"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe 1 day ago"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe on Feb 24 4 min"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe • 8h"), ["Jane Doe"]);
        // "Dan" is a function word in some languages, and a first name.
        assert_eq!(
            names("Dan Goodin - Apr 16, 2015 8:02 pm UTC"),
            ["Dan Goodin"]
        );
        assert!(byline("Jane Doe 8 hours").is_none());
        assert_eq!(names("Jane Doe , @janedoe"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe @jane_doe"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe, @janedoe"), ["Jane Doe"]);
        assert!(byline("Jane Doe Monday, February 29, 2016 @ 11:10 PM").is_none());
        assert!(byline("Follow us @dailyplanet").is_none());
        assert!(byline("Jane Doe @ the library").is_none());
        assert_eq!(names("[6eef5bc5-c] Jane Doe • 8h"), ["Jane Doe"]);
        assert_eq!(names("[Photo of the author] By Jane Doe"), ["Jane Doe"]);
        assert!(byline("[Jane Doe]").is_none());
        assert!(byline("[Docs] [txt|pdf] [Tracker]").is_none());
        assert!(byline("Bottom Line Nation | Part 5").is_none());
        assert_eq!(names("By Jane Doe, MD"), ["Jane Doe"]);
        assert!(byline("Jane Doe on March madness").is_none());
        assert!(byline("China Plus Published: 2019-09-18 22:32:40").is_none());
        assert!(byline("Library plan delayed 2 days ago").is_none());
        assert_eq!(
            names("Par Jean Dupont et Marie Curie"),
            ["Jean Dupont", "Marie Curie"]
        );
        // A long line is read up to the comma that ends the names.
        let long = "By Jane Doe, a deputy editor who has covered the city council and its many plans for the new library for ten years";
        assert_eq!(names(long), ["Jane Doe"]);
        let prose = "By Tuesday the council had met three times to discuss the plan for the new library and the cost of the land";
        assert!(byline(prose).is_none());
    }

    #[test]
    fn a_name_line_by_the_dateline_is_the_author() {
        let found = infer_text(&format!(
            "The Daily Planet\n\nLibrary plan delayed again\n\nJane Doe\nFollow\nOct 18, 2019\n\n{PROSE}\n"
        ));
        assert_eq!(found.meta.authors[0].name, "Jane Doe");
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
        assert!(bare_name("The Daily Planet").is_none());
        // A section label above the headline is not the author.
        let found = infer_text(&format!(
            "Marketing Strategy\n\nLibrary plan delayed again\n\nLast updated: Oct 18, 2019\n\n{PROSE}\n"
        ));
        assert!(found.meta.authors.is_empty(), "{:?}", found.meta.authors);
        assert!(bare_name("Jane Doe").is_some());
    }

    #[test]
    fn a_section_heading_said_again_in_the_contents_is_no_headline() {
        let found = infer_text(&format!(
            "Menu\n\nLibrary plan delayed again\n\n{PROSE}\n\n  * Why the library plan was delayed\n\nWhy the library plan was delayed\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn a_late_paragraph_of_post_furniture_says_when_it_was_asked() {
        let text = format!(
            "Menu\n\n{PROSE}\n\nShare Improve this question Follow edited Feb 12, 2011 at 21:50 Jane Doe 55 gold badges asked Feb 11, 2011 at 23:49 Jane Roe 159 silver badges 66 bronze badges\n\n{PROSE}\n\n2011-02-12 01:30:35\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n"
        );
        let (_, date) = late_dateline(&segment(&text)).unwrap();
        assert_eq!(date.to_string(), "2011-02-11T23:49:00");
        assert!(cued_line(&format!("{PROSE} It was posted on March 3, 2015. {PROSE}")).is_none());
    }

    #[test]
    fn a_dateline_near_the_end_serves_when_there_is_no_other() {
        let text = format!("Menu\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nMarch 3, 2015\n");
        let (i, date) = late_dateline(&segment(&text)).unwrap();
        assert_eq!((i, date.to_string().as_str()), (5, "2015-03-03"));
        // Not under the comments.
        let text = format!(
            "Menu\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nComments\n\nMarch 3, 2015\n"
        );
        assert!(late_dateline(&segment(&text)).is_none());
        // An earlier one is preferred.
        let text = format!(
            "Menu\n\nApril 4, 2016\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nMarch 3, 2015\n"
        );
        let (_, date) = late_dateline(&segment(&text)).unwrap();
        assert_eq!(date.to_string(), "2016-04-04");
    }

    #[test]
    fn a_picture_label_is_no_headline() {
        assert!(is_picture_label("Picture of Jane Doe"));
        assert!(is_picture_label("Daily Planet logo"));
        assert!(is_picture_label("Jane Doe's user avatar"));
        assert!(!is_picture_label("Photographers meet in the old harbour"));
        assert!(!is_picture_label("Library plan delayed again"));
        let found = infer_text(&format!(
            "Menu\n\nReaders write in about the weekend\n\nPaula Maria Smith Jones profile image\n\nOct 18, 2019\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Readers write in about the weekend")
        );
    }

    #[test]
    fn a_headline_loses_its_permalink_sign() {
        assert_eq!(without_permalink(" Quick start¶ "), "Quick start");
        assert_eq!(without_permalink("Quick start"), "Quick start");
        let found = infer_text(&format!("Library plan delayed again¶\n\n{PROSE}\n"));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn a_name_above_the_dateline_is_no_headline() {
        let found = infer_text(&format!(
            "Home\n\nReaders write in about the weekend\n\nPaula Maria Smith Jones\n\nSenior reporter covering city hall and transport,\n\nOct 18, 2019\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Readers write in about the weekend")
        );
    }

    #[test]
    fn a_headline_of_common_words_by_the_dateline_is_no_name() {
        let found = infer_text(&format!(
            "Menu\n\nLibrary Plan Delayed\n\nOct 18, 2019\n\n{PROSE} The library plan is delayed.\n"
        ));
        assert!(found.meta.authors.is_empty(), "{:?}", found.meta.authors);
        assert_eq!(found.meta.title.as_deref(), Some("Library Plan Delayed"));
        let lower = lower_case_words(&segment("the plan was delayed; mail jane.doe@example.com"));
        assert!(is_common_words("Library Plan Delayed", &lower));
        assert!(!is_common_words("Jane Doe", &lower));
        // Half of the words is not most of them: "Jane Plan" may be a name.
        assert!(!is_common_words("Jane Plan", &lower));
    }

    #[test]
    fn dateline_with_source() {
        assert_eq!(
            dateline_source("China Plus Published: 2019-09-18 22:32:40").as_deref(),
            Some("China Plus")
        );
        assert_eq!(dateline_source("Published: 2019-09-18"), None);
        assert_eq!(
            dateline_source("the news was published on 2019-09-18"),
            None
        );
    }

    fn infer_text(text: &str) -> Found {
        let units = segment(text);
        let body = units
            .iter()
            .position(|u| u.text.len() > 100)
            .unwrap_or(units.len());
        let article = vec![true; units.len()];
        infer(&units, &article, body)
    }

    const PROSE: &str = "The council met on Tuesday evening to discuss the plan for the new library, which has been delayed for more than two years.";

    #[test]
    fn head_of_a_scraped_page() {
        let found = infer_text(&format!(
            "Home\nNews\nSport\n\nLibrary plan delayed again\n\nBy Jane Doe | Daily Planet\nUpdated 10:02 AM EST Nov 19, 2019\n\nShare\n\n{PROSE}\n"
        ));
        let m = &found.meta;
        assert_eq!(m.title.as_deref(), Some("Library plan delayed again"));
        assert_eq!(m.authors[0].name, "Jane Doe");
        assert_eq!(m.publisher.as_deref(), Some("Daily Planet"));
        assert_eq!(
            m.published.map(|d| d.to_string()).as_deref(),
            Some("2019-11-19T10:02:00-05:00")
        );
        assert_eq!(m.modified, m.published);
        assert_eq!(found.used.len(), 3);
    }

    #[test]
    fn the_title_names_the_topic_and_recurs() {
        // The site's name and a promo line stand first; the headline is repeated in the
        // breadcrumb and its words recur in the body.
        let found = infer_text(&format!(
            "The Daily Planet\nToday's Paper\nCity | Library plan delayed again\nShare\nTweet\n\nLibrary plan delayed again\n\nPhoto\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn the_end_of_a_breadcrumb_trail_is_the_title() {
        // A section's heading stands nearer the body, and its words recur there too; the
        // trail leads to the headline.
        let prose = "Book reviews tell readers what a new book argues and whether the \
                     argument holds, with the evidence for each judgment.";
        let found = infer_text(&format!(
            "Skip to main content\nThe Writing Lab\nHome / Guides / Book Reviews\n\nBook \
             Reviews\n\nJudging the argument of a book\n\n{prose}\n\nThe Writing Lab\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("Book Reviews"));
    }

    #[test]
    fn a_breadcrumb_trail_is_no_title() {
        // The trail stands next to the headline, its words recur in the body; it names
        // the section, not the page.
        let prose = "A sewing machine for beginners should thread itself, sew straight \
                     seams at a slow speed and cost less than two hundred dollars.";
        let found = infer_text(&format!(
            "Skip to content\nHome » Sewing Machines\n12 of the best sewing machines for \
             beginners\nJane Doe\n\n{prose}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("12 of the best sewing machines for beginners")
        );
    }

    #[test]
    fn a_shops_page_is_headed_by_a_name_of_two_words() {
        // A shop's page names its goods, nearer its text than a promotion's three words
        // are; the text need not name them again.
        let prose = "Every order ships within two days, and you may send back what you \
                     bought within a month of its delivery.";
        let found = infer_text(&format!(
            "Skip to content\nGear for Summer\nCamp Stoves\n\n{prose}\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("Camp Stoves"));
    }

    #[test]
    fn a_listings_name_stands_above_its_count_of_products() {
        // Named in one word or more.
        for name in ["Kayak Paddles", "Paddles"] {
            let found = infer_text(&format!(
                "Skip to main content\nFree Shipping On Orders Over Fifty Dollars\n\n{PROSE}\n\n\
                 New Arrivals\n\nGift Cards\n\nHome / Water Sports\n\n{name}\n\n\
                 View as Grid List\n\n(48 products)\n\nCarbon Touring Paddle\n\n\
                 Aluminium Paddle\n\nBent Shaft Paddle\n\nKids Paddle\n"
            ));
            assert_eq!(found.meta.title.as_deref(), Some(name));
        }
    }

    #[test]
    fn a_listing_counts_its_products_a_cart_does_not() {
        for count in [
            "(338 products)",
            "22 Items",
            "Showing 1–16 of 29 results",
            "Displaying 1 to 24 (of 204 products)",
            "3953 items found",
        ] {
            assert!(is_listing_count(count), "{count}");
        }
        for other in [
            "0 items",
            "1-2 of 407 reviews",
            "Skip to search results",
            "Shop 5 items now",
        ] {
            assert!(!is_listing_count(other), "{other}");
        }
    }

    #[test]
    fn a_headline_with_a_trail_or_label_yields_to_the_headline_alone() {
        // The trail, and the label, would otherwise win: they stand next to the byline.
        for framed in [
            "Home / Tips & Tools / Library plan delayed again",
            "Today: Library plan delayed again",
            "Library plan delayed again | The Daily Planet",
        ] {
            let found = infer_text(&format!(
                "Menu\nSearch\n\nLibrary plan delayed again\n\nShare\n\n{framed}\nBy Jane Doe\n\n{PROSE}\n"
            ));
            assert_eq!(
                found.meta.title.as_deref(),
                Some("Library plan delayed again"),
                "{framed}"
            );
        }
        // A subtitle after a colon belongs to the headline.
        let found = infer_text(&format!(
            "Menu\nSearch\n\nLibrary plan\n\nLibrary plan: delayed again\nBy Jane Doe\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan: delayed again")
        );
        assert!(is_framed_variant(
            "News > Library plan delayed",
            "Library plan delayed"
        ));
        assert!(!is_framed_variant(
            "Why the library plan delayed",
            "the library plan delayed"
        ));
        assert!(!is_framed_variant("Home > News", "News"));
    }

    #[test]
    fn a_threads_title_stands_above_its_header() {
        // The opening post's text first (a description), then the title, the thread's
        // header with its last post's date, the author's box and the post's date.
        let found = infer_text(&format!(
            "{PROSE}\n\nWhy are my tomatoes slow?\n\nJump to Latest\n\n6.3K views 23 replies last post by jroe Sep 26, 2024\n\nJ\n\njdoe Discussion starter\n\n410 posts · Joined 2002\n\nAdd to quote\n\n#1 · Jan 3, 2024\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Why are my tomatoes slow?")
        );
        // The author's statistics say when the author joined: no headline.
        for stats in ["410 posts · Joined 2002", "Registered: Mar 2015"] {
            assert!(!is_title_like(&segment(stats)[0]), "{stats}");
        }
        assert!(!is_member_since("Why I joined the library board in 2002"));
    }

    #[test]
    fn a_question_stands_above_how_long_ago_it_was_asked() {
        // A promotion opens the page; the question's own date comes with its asker's card.
        let found = infer_text(&format!(
            "{PROSE}\n\nTeams\n\nKnowledge at work\n\nExplore Teams\n\nWhy are my tomatoes slow?\n\nAsk Question\nAsked 11 years, 9 months ago\nViewed 4k times\n\n{}Share\n\nasked Feb 11, 2011 at 23:49\n\njdoe\n\n{PROSE}\n",
            format!("{PROSE}\n\n").repeat(3)
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Why are my tomatoes slow?")
        );
        assert!(is_relative_dateline("Posted 3 days ago"));
        assert!(!is_relative_dateline(
            "Asked the council what it did years ago"
        ));
    }

    #[test]
    fn the_first_heading_with_a_permalink_heads_the_page() {
        let found = infer_text(&format!(
            "Navigation\n\nindex\n\nnext |\n\nLibrary Docs »\n\nContents\n\nLibrary¶\n\n{PROSE}\n\nA Minimal Application¶\n\n{PROSE}\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("Library"));
    }

    #[test]
    fn a_line_of_code_is_no_headline() {
        let found = infer_text(&format!(
            "Docs\n\nLibrary plans\n\nShare\n\nPrint\n\nresource \"library\" \"plan\" {{\nBy Jane Doe\n\n{PROSE}\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("Library plans"));
        assert!(is_code_line("function delayPlan() { return ("));
        assert!(is_code_line("$ plan <command> --help"));
        assert!(!is_code_line("iPhone 16 (2024) review"));
        assert!(!is_code_line("Library plan delayed (again)"));
    }

    #[test]
    fn a_headline_with_a_label_run_into_it_yields_to_the_headline() {
        // A picture's label after it, a blog's name run into it before it.
        for padded in [
            "Library plan delayed again cover",
            "Planet BlogLibrary plan delayed again",
        ] {
            let found = infer_text(&format!(
                "Menu\nSearch\n\nLibrary plan delayed again\n\nShare\n\nPrint\n\n{padded}\nBy Jane Doe\n\n{PROSE}\n"
            ));
            assert_eq!(
                found.meta.title.as_deref(),
                Some("Library plan delayed again"),
                "{padded}"
            );
        }
        // Words before it, set apart by a space, may be the headline's own.
        assert!(!is_padded_variant(
            "The ultimate library plan delayed again",
            "Library plan delayed again"
        ));
        assert!(!is_padded_variant(
            "Library plan delayed again?",
            "Library plan delayed again"
        ));
    }

    #[test]
    fn an_indented_line_is_not_the_headline() {
        // Text browsers indent nested boxes: the teaser next to the byline is one.
        let found = infer_text(&format!(
            "Menu\nSearch\n\nLibrary plan delayed again\n\n    The council's new timetable\n\nBy Jane Doe\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn the_site_name_atop_a_page_is_not_the_headline_where_it_recurs() {
        // The logo's text and the site's name again above the headline, next to the byline;
        // the headline's words are not the body's.
        for headline in [
            "Library plan delayed again",
            "Readers wait longer for new books",
        ] {
            let text = format!(
                "The Daily Planet Online\nShare\n\n  * Home\n  * News\n\nThe Daily Planet Online\n\nThe Daily Planet Online\n{headline}\nBy Jane Doe\n\n{PROSE}\n\n{PROSE}\n"
            );
            let article = super::super::read_text(&text, true);
            assert_eq!(article.meta.title.as_deref(), Some(headline));
        }
    }

    #[test]
    fn a_forums_name_atop_the_page_is_no_headline() {
        // The posts say the forum's words (gardens, growers) more than the thread's title.
        let post = "Our garden growers group has grown tomatoes for years, and every garden we keep has done well until this summer, when the plants stayed small.";
        let reply = "Many garden growers see this in a cool year: a garden needs warm nights, and the growers here wait for July before they worry about it.";
        let text = format!(
            "Garden Growers Community Forum\n\nWhy are my tomatoes slow?\n\nvegetables\njdoe March 3, 2024, 7:33pm 1\n\n{post}\n\nkim March 3, 2024, 9:02pm 2\n\n{reply}\n"
        );
        let article = super::super::read_text(&text, true);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Why are my tomatoes slow?")
        );
    }

    #[test]
    fn the_headline_names_what_the_lede_under_it_says() {
        // A promotion above the headline names words of the article too (its last
        // paragraph), but not of the paragraphs the headline opens.
        let text = "Acme Kitchen\n\n  * Home\n  * Menus\n\nOrder Our Seasonal Menus\n\nWinter Soups That Keep Runners Warm\n\n\
            Runners who train through the cold months come home hungry and chilled. A bowl of soup warms them quickly, and the best winter soups also bring back what a long run takes: salt, water and enough protein to keep tired legs strong for the next day of training in the snow.\n\n\
            Lentil soup is the classic choice. It cooks in half an hour, keeps for days in the fridge, and a single bowl holds as much protein as a small steak, with fibre that keeps hunger away all evening.\n\n\
            When you order from our seasonal menus, every box has two soups, and the menus change each month so that nothing gets dull over a long season of training.\n";
        let article = super::super::read_text(text, true);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Winter Soups That Keep Runners Warm")
        );
    }

    #[test]
    fn an_authors_job_title_under_the_name_is_no_headline() {
        // The job title stands just above the dateline and names the article's words.
        let text = "Acme Digital\n\n  * Home\n  * Blog\n\nTen Agencies Worth Hiring This Year\nJack Shepherd\nCo-Founder & Marketing Director\nUpdated on 23 Oct 2025\n\n\
            Small shops rarely have a marketing department of their own, so picking the right agency matters more for them than for anyone. We compared the agencies that work with small shops on price, results and how well they listen, and we talked to the owners who hired them last year.\n\n\
            The best agencies for small shops publish their prices, report results every month and assign one person who knows the shop well. A good director of marketing at the agency makes all the difference.\n";
        let article = super::super::read_text(text, true);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Ten Agencies Worth Hiring This Year")
        );
        let units = segment("Jane Doe\nSenior Health Reporter\n");
        assert!(is_role_under_name(&units, 1));
        // Without a name above it, a line naming a role may be a headline.
        let units = segment("Rain at last\nSenior Health Reporter\n");
        assert!(!is_role_under_name(&units, 1));
    }

    #[test]
    fn a_headline_loses_a_forums_or_a_blogs_label() {
        let found = infer_text(&format!("Thread: Why are my tomatoes slow?\n\n{PROSE}\n"));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Why are my tomatoes slow?")
        );
        assert_eq!(without_label("[blog] Rain at last"), "Rain at last");
        // Other words before a colon are the headline's own.
        assert_eq!(
            without_label("Update: Rain at last"),
            "Update: Rain at last"
        );
        assert_eq!(without_label("Blog: Rain"), "Blog: Rain");
    }

    #[test]
    fn a_call_to_action_is_no_headline() {
        // The button's label stands nearer the body and names its words too.
        let text = "Acme Library News\n\n  * Home\n  * Events\n\nLand Dispute Stalls Smallville Library\n\nSee How Our Library Plan Works\n\n\
            The council met on Tuesday evening to discuss the plan for the new library, which has been delayed for more than two years because of the cost of the land and the objections of the people who live nearby.\n\n\
            The library plan now waits for the next budget, and the people who live nearby will be asked again what the library should hold when the plan comes back to the council.\n";
        let article = super::super::read_text(text, true);
        assert_eq!(
            article.meta.title.as_deref(),
            Some("Land Dispute Stalls Smallville Library")
        );
        assert!(is_call_to_action("Get your free quote"));
        assert!(is_call_to_action("See How It Works"));
        // A headline may open with such a verb when it is long and does not speak to the
        // reader.
        assert!(!is_call_to_action(
            "Find the Oldest Oak Trees in the County Park"
        ));
    }

    #[test]
    fn the_site_name_its_copyright_line_holds_is_no_headline() {
        // The site's name recurs above the headline and names words of the body too.
        let text = "Skip to content\n\n  * Home\n  * Recipes\n\nAcme Kitchen Meal Prep\nLogin\nOrder Now\nAcme Kitchen Meal Prep\nLogin\nOrder Now\n\nA Week of Lentils\n\n\
            Monday starts with lentils cooked slowly with onions and cumin until they fall apart, served over rice with a spoon of yoghurt and a handful of chopped herbs from the window box of our kitchen.\n\n\
            On Tuesday the leftover lentils become a thick soup, thinned with stock and brightened with lemon, and every meal we prep is delivered to your door the same day.\n\n\
            © 2025 Acme Kitchen Meal Prep. All rights reserved.\n";
        let article = super::super::read_text(text, true);
        assert_eq!(article.meta.title.as_deref(), Some("A Week of Lentils"));
        assert_eq!(
            article.meta.publisher.as_deref(),
            Some("Acme Kitchen Meal Prep")
        );
    }

    #[test]
    fn the_lede_is_the_first_paragraphs_of_prose_below_a_line() {
        let long = |s: &str| format!("{s} {}", "and so on ".repeat(30));
        let text = format!(
            "Rain soaks Dublin\n\nShort line about rain\n\n{}\n\n{}\n\n{}\n",
            long("The rain came"),
            long("Farmers were glad"),
            long("Dublin dries out")
        );
        let units = segment(&text);
        let article = vec![true; units.len()];
        let next = next_prose(&units, &article);
        assert_eq!(next[0], Some(2));
        assert_eq!(next[2], Some(3));
        assert_eq!(next[4], None);
        // "rain" is in the lede; "soaks" nowhere, "dublin" only in the third paragraph,
        // past it.
        assert!((lede_share(&units, &next, 0) - 1.0 / 3.0).abs() < 1e-6);
        // No prose after the last paragraph: no lede.
        assert_eq!(lede_share(&units, &next, 4), 0.0);
    }

    #[test]
    fn a_dateline_past_a_promotion_taken_for_the_body_dates_the_article() {
        let promo = "Book a demo of our planning suite and see how your team can plan the whole season in a single afternoon, with templates.";
        let found = infer_text(&format!(
            "{promo}\n\n{}Library plan delayed again\n\nJane Doe\n\nAugust 25, 2025\n\n15 min\n\n{}Comments\n\nMay 2, 2026\nGreat piece.\n",
            "Book a Demo\n\nBusiness\n\n".repeat(5),
            format!("{PROSE}\n\n").repeat(10)
        ));
        assert_eq!(
            found.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2025-08-25")
        );
        // A date only in the second half, under the comments, dates a comment.
        let found = infer_text(&format!(
            "{promo}\n\n{}Comments\n\nMay 2, 2026\nGreat piece.\n",
            format!("{PROSE}\n\n").repeat(10)
        ));
        assert_eq!(found.meta.published, None);
        let found = infer_text(&format!(
            "{promo}\n\n{}Published: May 2, 2026\n\nShare\n",
            format!("{PROSE}\n\n").repeat(10)
        ));
        assert_eq!(
            found.meta.published.map(|d| d.to_string()).as_deref(),
            Some("2026-05-02")
        );
    }

    #[test]
    fn the_date_a_post_was_edited_or_its_author_joined_is_not_its_publication() {
        for (head, want) in [
            (
                "edited Aug 1, 2014 at 19:57\njdoe\n\nasked May 2, 2009 at 0:01",
                "2009-05-02",
            ),
            (
                "Joined: Mon Jul 24, 2017 9:28 am\n\nPost by jdoe » Sat Feb 24, 2024 12:41 pm",
                "2024-02-24",
            ),
            (
                "6.3K views 23 replies 14 participants last post by jroe Sep 26, 2024\n\n#1 · Jan 3, 2024",
                "2024-01-03",
            ),
        ] {
            let text = format!("Why are my tomatoes slow?\n\n{head}\n\n{PROSE}\n");
            let found = infer_text(&text);
            let published = found.meta.published.map(|d| d.date_only().to_string());
            assert_eq!(published.as_deref(), Some(want), "{head}");
        }
        // Alone, an edit's date still dates the page.
        let found = infer_text(&format!("Slow tomatoes\n\nedited Aug 1, 2014\n\n{PROSE}\n"));
        assert!(found.meta.published.is_some());
        // Where the head has only the last post's date, the first post's further down
        // dates the thread.
        let found = infer_text(&format!(
            "{PROSE}\n\nWhy are my tomatoes slow?\n\n23 replies last post by jroe Sep 26, 2024\n\n{}#1 · Jan 3, 2024\n\n{PROSE}\n",
            "jdoe\n\nAdd to quote\n\n".repeat(5)
        ));
        let published = found.meta.published.map(|d| d.date_only().to_string());
        assert_eq!(published.as_deref(), Some("2024-01-03"));
        // A date before the cue is the post's own.
        assert!(!is_other_date(
            "2019-02-23, 09:14 PM (This post was last modified: 2024-01-05 by jdoe. Edited 1 time.)"
        ));
    }

    #[test]
    fn a_question_or_an_exclamation_naming_a_date_is_no_dateline() {
        for (head, want) in [
            (
                "Join our bike ride on 21st June 2024!\n\nLibrary Plan Delayed Again\n\nMarch 3, 2025",
                "2025-03-03",
            ),
            (
                "How do I renew my card after 08/02/2024?\n\njdoe January 28, 2024, 3:36pm 1",
                "2024-01-28",
            ),
        ] {
            let found = infer_text(&format!("{head}\n\n{PROSE}\n"));
            let published = found.meta.published.map(|d| d.date_only().to_string());
            assert_eq!(published.as_deref(), Some(want), "{head}");
        }
        // Such a question is a thread's headline, under the forum's name.
        let found = infer_text(&format!(
            "Planet Help Desk\n\nHow do I renew my card after 08/02/2024?\n\nCards\njdoe January 28, 2024, 3:36pm 1\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("How do I renew my card after 08/02/2024?")
        );
    }

    #[test]
    fn the_dateline_under_the_headline_beats_the_days_date_above_it() {
        let head = "Friday, March 8, 2024\n\nWhy are my tomatoes slow?\n\nMarch 1, 2024";
        let found = infer_text(&format!("{head}\n\n{PROSE}\n"));
        let published = found.meta.published.map(|d| d.to_string());
        assert_eq!(published.as_deref(), Some("2024-03-01"));
        // A later date under a thread's title is a reply's; a cued date above stands.
        for head in [
            "March 1, 2024\n\nWhy are my tomatoes slow?\n\nMarch 8, 2024",
            "Posted March 8, 2024\n\nWhy are my tomatoes slow?\n\nMarch 1, 2024",
        ] {
            let found = infer_text(&format!("{head}\n\n{PROSE}\n"));
            let first = head.lines().next().unwrap();
            let want = find_published(first).map(|d| d.to_string());
            let published = found.meta.published.map(|d| d.to_string());
            assert_eq!(published, want, "{head}");
        }
    }

    #[test]
    fn a_dated_byline_or_a_line_opening_with_a_date_past_a_long_menu() {
        let promo = "Book a demo of our planning suite and see how your team can plan the whole season in a single afternoon, with templates.";
        let menu = "Products\n\nPricing\n\nCustomers\n\n".repeat(5);
        let body = format!("{PROSE}\n\n").repeat(6);
        for (line, want) in [
            (
                "By Jane Doe and John Roe Nov 25, 2025 5:00 am PST",
                "2025-11-25",
            ),
            ("October 8, 2024 · Photo of the team · Events", "2024-10-08"),
        ] {
            let found = infer_text(&format!(
                "{promo}\n\n{menu}Library plan delayed\n\n{line}\n\n{body}"
            ));
            assert_eq!(
                found
                    .meta
                    .published
                    .map(|d| d.to_string()[..10].to_string())
                    .as_deref(),
                Some(want),
                "{line}"
            );
        }
        // A sentence that mentions a date is no dateline.
        let line = "On October 8, 2024 the council voted against the plan, which had been years in the making and cost a lot.";
        let found = infer_text(&format!(
            "{promo}\n\n{menu}Library plan delayed\n\n{line}\n\n{body}"
        ));
        assert_eq!(found.meta.published, None);
    }

    #[test]
    fn the_headline_above_a_late_dateline_is_the_title() {
        // A promotion taken for the body start, a long menu, then the article's own head.
        let promo = "Book a demo of our planning suite and see how your team can plan the whole season in a single afternoon, with templates.";
        let menu = "Products\n\nPricing\n\nCustomers\n\n".repeat(5);
        let body = format!("{PROSE}\n\n").repeat(6);
        let found = infer_text(&format!(
            "{promo}\n\n{menu}Library Plan Delayed Again\n\nBy Jane Doe\n\nMarch 3, 2025\n\n{body}"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library Plan Delayed Again")
        );
    }

    #[test]
    fn a_section_heading_after_the_first_paragraph_is_not_the_title() {
        let text = format!(
            "Menu\nSearch\n\nLibrary Plan Delayed Again\n\nAdvertisement\n\n{PROSE}\n\nThe Council and the New Library\n\n{PROSE}\n"
        );
        let found = infer_text(&text);
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library Plan Delayed Again")
        );
    }

    #[test]
    fn a_headline_repeated_four_times_earns_the_repeat_a_short_label_never() {
        // The headline in the breadcrumbs, the share text and the print title, far from the
        // body; a two-word label twice, next to the dateline.
        let text = format!(
            "Library plan delayed again\n\nNews\n\nLibrary plan delayed again\n\nShare\n\nLibrary plan delayed again\n\nLibrary plan delayed again\n\n{}Buy Now\n\nMarch 18, 2015\n\nBuy Now\n\n{PROSE}\n",
            "Tools\n\n".repeat(5)
        );
        let found = infer_text(&text);
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn a_label_repeated_all_over_the_page_earns_nothing() {
        let caption = "Buy Photo\nCaption\n\n";
        let text = format!(
            "Library plan delayed again\n\nTools\n\n{}By Jane Doe\n\nBuy Photo\n\n{PROSE}\n",
            caption.repeat(3)
        );
        let found = infer_text(&text);
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn lines_recur_alone_or_beside_a_separator() {
        let units = segment("World | Rain at last\n\nRain at last\n\nHome\n\nCity|Rain at last\n");
        let repeats = line_repeats(&units);
        assert_eq!(repeats.get("rain at last"), Some(&3));
        assert_eq!(repeats.get("home"), Some(&1));
    }

    #[test]
    fn topic_share_counts_the_other_article_units() {
        let units = segment(&format!(
            "Library plan delayed\n\nToday's Paper\n\n{PROSE}\n"
        ));
        let article = [true, false, true];
        let topic = Topic::new(&units, &article);
        assert_eq!(topic.share(0), 1.0);
        assert_eq!(topic.share(1), 0.0);
        // A paragraph's own words do not count for it: only the three of its ten content
        // words that the headline has.
        assert_eq!(topic.share(2), 0.3);
    }

    #[test]
    fn a_headline_may_end_in_an_abbreviation() {
        assert!(ends_with_abbreviation(
            "How Winter Wreaks Havoc Under N.Y.C."
        ));
        assert!(!ends_with_abbreviation("It ended."));
        let found = infer_text(&format!(
            "Image\n\nWinter wreaks havoc under N.Y.C.\n\nBy Jane Doe\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Winter wreaks havoc under N.Y.C.")
        );
    }

    #[test]
    fn copyright_lines_name_the_publisher() {
        let holder = |t: &str| copyright_holder(t);
        assert_eq!(
            holder("© 2019 The Daily Planet. All rights reserved.").as_deref(),
            Some("The Daily Planet")
        );
        assert_eq!(
            holder("Copyright © 1996-2015 Folha de S.Paulo. Todos os direitos reservados")
                .as_deref(),
            Some("Folha de S.Paulo")
        );
        assert_eq!(holder("© Jane Doe 2016-2020").as_deref(), Some("Jane Doe"));
        assert_eq!(
            holder("Copyright 2017 Le Monde.fr | Privacy").as_deref(),
            Some("Le Monde.fr")
        );
        assert_eq!(holder("All rights reserved © 2019"), None);
        assert_eq!(holder("© Provided by Business Insider Inc"), None);
        assert_eq!(holder("The copyright of the song expired"), None);
        assert_eq!(
            holder("İİ COPYRIGHT 2019 İstanbul Ltd").as_deref(),
            Some("İstanbul Ltd")
        );
        assert_eq!(find_ascii_ignore_case("ab", "abc"), None);
    }

    #[test]
    fn the_standfirst_under_the_headline_is_not_the_title() {
        // The deck opens the body, longer than the headline and with more of the body's
        // words; the headline above it is the title.
        let deck = "The council met again on Tuesday evening to discuss the plan for the new library, delayed for two years, without a vote";
        let found = infer_text(&format!(
            "Home\n\nCouncil delays library plan once more\n\n{deck}\n\n{PROSE}\n"
        ));
        assert!(deck.len() > 100, "the deck must open the body");
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Council delays library plan once more")
        );
        // The headline over the deck gains what the deck loses: it beats a teaser of the
        // same topic at the top of the page.
        let found = infer_text(&format!(
            "Council to discuss the new library plan\n\nMenu\n\nSearch\n\nLibrary plan delayed once more\n\n{deck}\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed once more")
        );
        // A label above the first paragraph names nothing of the article.
        let units = segment(&format!("Menu\n\nTo se mi líbí\n\n{deck}\n\n{PROSE}\n"));
        let article = vec![true; units.len()];
        assert!(!is_standfirst_under_headline(
            &units,
            &Topic::new(&units, &article),
            2
        ));
        // A kicker above the headline, before the body, leaves the headline the title.
        let found = infer_text(&format!(
            "Home\n\nThis week at city hall\n\nCouncil delays library plan once more\n\nBy Jane Doe\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Council delays library plan once more")
        );
    }

    #[test]
    fn the_headline_stands_above_a_byline_with_a_handle() {
        // Teasers of other stories above, one printed twice; the byline gives the headline
        // its place.
        let teaser = "Council to discuss the library plan";
        let found = infer_text(&format!(
            "Menu\n\n{teaser}\n\n{teaser}\n\nNew bridge opens to traffic downtown\n\nRain at last for the city's parks\n\nLibrary plan delayed again\n\nJane Doe , @janedoe\nShare\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
        assert_eq!(found.meta.authors[0].name, "Jane Doe");
    }

    #[test]
    fn a_line_said_twice_is_no_headline() {
        assert!(is_said_twice("The PlayStation VRThe PlayStation VR"));
        assert!(is_said_twice(
            "Firefox Developer Edition Firefox Developer Edition"
        ));
        assert!(!is_said_twice("Firefox Developer Edition"));
        assert!(!is_said_twice("Bye Bye"));
        // The picture's text twice, beside the headline, stands nearer the body.
        let found = infer_text(&format!(
            "Menu\n\nLibrary plan delayed again\n\nShare\n\nThe new library planThe new library plan\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn marks_of_a_text_browser_are_read_through() {
        // The byline behind a picture's mark still places the headline above it, over a
        // teaser printed twice.
        let teaser = "Council to discuss the library plan";
        let found = infer_text(&format!(
            "Menu\n\n{teaser}\n\n{teaser}\n\nNew bridge opens to traffic downtown\n\nRain at last for the city's parks\n\nLibrary plan delayed again\n\n[6eef5bc5-c] Jane Doe • 8h\nShare\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
        // A button's label is no headline.
        let found = infer_text(&format!(
            "Menu\n\nLibrary plan delayed again\n\nShare\n\nTools\n\n(BUTTON) Council to discuss the plan for the new library\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
        assert!(has_form_control("Search ____________________ (BUTTON)"));
        assert!(!has_form_control("Library plan delayed again"));
    }

    #[test]
    fn a_headline_cut_short_gives_way_to_the_full_one() {
        assert!(is_cut_of(
            "$150K Pearl Oscar Dress ... STOLEN!!!!",
            "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"
        ));
        assert!(!is_cut_of("Rain at last", "World | Rain at last"));
        assert!(!is_cut_of("Home > News", "Home > News > Rain at last"));
        assert!(!is_cut_of("Rain at last", "Rain at last"));
        assert!(!is_cut_of("Rain at last", "Rain is here at last"));
        assert!(is_cut_of(
            "Rain at last",
            "Rain at last for the city's parks and gardens"
        ));
        // A trail before the headline, or a short label after it, is no fuller headline.
        assert!(!is_cut_of("Rain at last", "Home News Rain at last"));
        assert!(!is_cut_of("Rain at last", "Rain at last Header Image"));
        // The shortened variant stands by the dateline, the full headline two lines above.
        let found = infer_text(&format!(
            "Menu\n\nJane Doe's new library plan delayed again\n\nJane Doe\n\nLibrary plan ... delayed again!\n\n2/26/2015 7:11 AM PST\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Jane Doe's new library plan delayed again")
        );
        // The headline beside its picture's label (alt text run into it) is said alone.
        let found = infer_text(&format!(
            "Menu\n\nLibrary plan delayed again cover\n\nLibrary plan delayed again\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn a_headline_stands_above_any_dated_line() {
        // A teaser dated first; the headline stands above the article's own dateline.
        let found = infer_text(&format!(
            "Home\n\nCouncil to discuss the new bridge\n\nMarch 3, 2015\n\nShare\n\nTools\n\nLibrary plan delayed again\n\nAFP 18 March 2015 at 07:19 (updated 07:38)\n\nShare\n\nPrint\n\nMail\n\n{PROSE}\n"
        ));
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Library plan delayed again")
        );
    }

    #[test]
    fn head_of_a_plain_document() {
        let found = infer_text(&format!(
            "# A Modest Proposal\n\nFor preventing the children\n\n{PROSE}\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("A Modest Proposal"));
        let found = infer_text(&format!(
            "A Modest Proposal\n\nFor preventing the children\n\n{PROSE}\n"
        ));
        assert_eq!(found.meta.title.as_deref(), Some("A Modest Proposal"));
        let found = infer_text(&format!("{PROSE}\n"));
        assert_eq!(found.meta.title, None);
    }
}

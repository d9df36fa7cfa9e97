//! The header block of an e-mail or a newsgroup post pasted as text ("From: Jane Doe
//! <jane@example.org>", "Date: ...", "Subject: ..."): where there is one, it says the title,
//! the author and the date, and the head of the text has nothing else to say.

use super::dates::find_date;
use super::meta::Found;
use super::segment::{Kind, Unit};
use crate::model::Author;

/// Header names of mail and news, as sent and as mail programs print them.
const HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "date",
    "sent",
    "subject",
    "reply-to",
    "newsgroups",
    "organization",
    "message-id",
];

/// The metadata of a text that opens with mail headers, and its units that hold them (not
/// the body); `None` when the first lines of the text, up to a blank line, are not such a
/// block with a "From" or a "Subject" in it. The lines are read from the text itself, since
/// header lines may have been joined into one unit.
pub fn headers(text: &str, units: &[Unit]) -> Option<Found> {
    let lines = text.lines().skip_while(|l| l.trim().is_empty());
    let block: Vec<(&str, &str)> = lines
        .take_while(|l| !l.trim().is_empty())
        .map(header)
        .collect::<Option<_>>()?;
    let value = |name: &str| {
        block
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    if value("from").is_none() && value("subject").is_none() {
        return None;
    }
    let mut found = Found::default();
    found.meta.title = value("subject")
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    found.meta.authors = value("from").and_then(sender).into_iter().collect();
    found.meta.published = value("date").or(value("sent")).and_then(find_date);
    let group = units.first().map(|u| u.group);
    found.used = (0..units.len())
        .take_while(|&i| Some(units[i].group) == group && units[i].kind == Kind::Text)
        .collect();
    Some(found)
}

/// A header line's name and value: "Subject: Minutes" gives ("Subject", "Minutes").
fn header(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.trim().split_once(':')?;
    HEADERS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(name))
        .then(|| (name, value.trim()))
}

/// The author on a "From" line: "Jane Doe <jane@example.org>", "\"Doe, Jane\"
/// <jane@example.org>", "jane@example.org (Jane Doe)" or a bare address.
fn sender(value: &str) -> Option<Author> {
    let (name, email) = match value.split_once('<') {
        Some((name, rest)) => (name, rest.split('>').next()),
        None => match value.split_once('(') {
            Some((address, rest)) => (rest.split(')').next().unwrap_or(""), Some(address)),
            None if value.contains('@') => ("", Some(value)),
            None => (value, None),
        },
    };
    let email = email.map(str::trim).filter(|e| e.contains('@'));
    let name = name.trim().trim_matches('"').trim();
    let name = match name.split_once(", ") {
        // "Doe, Jane" is Jane Doe.
        Some((last, first)) if !first.contains(' ') && !last.contains(' ') => {
            format!("{first} {last}")
        }
        _ => name.to_string(),
    };
    let mut author = match (name.is_empty(), email) {
        (false, _) => Author::named(name),
        (true, Some(email)) => Author::named(email),
        (true, None) => return None,
    };
    author.email = email.map(str::to_string);
    Some(author)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::read::text::segment::segment;

    fn found(text: &str) -> Option<Found> {
        headers(text, &segment(text))
    }

    #[test]
    fn a_mail_header_block_gives_title_author_and_date() {
        let text = "From: Jane Doe <jane@example.org>\nTo: team@example.org\nDate: Tue, 3 Mar 2020 10:12:00 +0100\nSubject: Minutes of the council meeting\n\nHi all, here are the minutes.\n";
        let found = found(text).expect("headers");
        assert_eq!(
            found.meta.title.as_deref(),
            Some("Minutes of the council meeting")
        );
        assert_eq!(found.meta.authors.len(), 1);
        assert_eq!(found.meta.authors[0].name, "Jane Doe");
        assert_eq!(
            found.meta.authors[0].email.as_deref(),
            Some("jane@example.org")
        );
        let day = |d: Option<Date>| d.map(|d| (d.year, d.month, d.day));
        assert_eq!(day(found.meta.published), day(Date::ymd(2020, 3, 3)));
        // Every unit but the last, the body, holds headers.
        let units = segment(text).len();
        assert_eq!(found.used, (0..units - 1).collect::<Vec<_>>());
    }

    #[test]
    fn senders_in_their_forms() {
        let name = |v: &str| sender(v).map(|a| (a.name, a.email));
        let jane = |email: Option<&str>| Some(("Jane Doe".to_string(), email.map(String::from)));
        assert_eq!(name("\"Doe, Jane\" <j@x.org>"), jane(Some("j@x.org")));
        assert_eq!(name("j@x.org (Jane Doe)"), jane(Some("j@x.org")));
        assert_eq!(name("Jane Doe"), jane(None));
        assert_eq!(
            name("j@x.org"),
            Some(("j@x.org".to_string(), Some("j@x.org".to_string())))
        );
    }

    #[test]
    fn only_a_block_of_headers_with_a_sender_or_subject_counts() {
        // A first line with a colon is not a header block.
        assert!(found("Note: the plan changed.\n\nMore text.\n").is_none());
        // Headers mixed with other lines are not one either.
        assert!(found("Subject: Plans\nWe met on Tuesday.\n").is_none());
        // "To" alone says nothing of the text.
        assert!(found("To: the council\n\nDear members,\n").is_none());
        assert!(found("Subject: Plans\n\nWe met.\n").is_some());
    }
}

//! `<front>`: journal and article metadata from [`Meta`].

use super::names::split_name;
use super::xml::Xml;
use crate::model::{Author, Date, IdScheme, Meta};
use std::io::{self, Write};

/// Writes `<front>` with everything `meta` knows, in the order the DTD wants.
pub fn write_front<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<()> {
    x.start("front", &[])?;
    x.newline()?;
    if let Some(publisher) = non_empty(&meta.publisher) {
        x.start("journal-meta", &[])?;
        x.start("publisher", &[])?;
        x.leaf("publisher-name", &[], publisher)?;
        x.end("publisher")?;
        x.end_line("journal-meta")?;
    }
    x.start("article-meta", &[])?;
    x.newline()?;
    for id in &meta.identifiers {
        if let Some(attrs) = article_id_attrs(id.scheme) {
            x.leaf("article-id", attrs, &id.value)?;
            x.newline()?;
        }
    }
    write_title_group(x, meta)?;
    write_contribs(x, &meta.authors)?;
    if let Some(date) = meta.published {
        write_date(
            x,
            "pub-date",
            &date,
            &[("date-type", "pub"), ("publication-format", "electronic")],
        )?;
    }
    if let Some(isbn) = meta.identifier(IdScheme::Isbn) {
        x.leaf("isbn", &[], isbn)?;
        x.newline()?;
    }
    if let Some(date) = meta.modified {
        x.start("history", &[])?;
        write_date(x, "date", &date, &[("date-type", "updated")])?;
        x.end_line("history")?;
    }
    if let Some(rights) = non_empty(&meta.rights) {
        write_permissions(x, rights)?;
    }
    if let Some(url) = non_empty(&meta.url) {
        x.leaf("self-uri", &[("xlink:href", url)], url)?;
        x.newline()?;
    }
    if let Some(description) = non_empty(&meta.description) {
        write_abstract(x, description)?;
    }
    write_keywords(x, &meta.keywords)?;
    write_custom_meta(x, meta)?;
    x.end_line("article-meta")?;
    x.end_line("front")
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The attributes of an identifier's `article-id` (JATS has no `uri` type, but a custom one);
/// ISBNs have an element of their own.
fn article_id_attrs(scheme: IdScheme) -> Option<&'static [(&'static str, &'static str)]> {
    match scheme {
        IdScheme::Doi => Some(&[("pub-id-type", "doi")]),
        IdScheme::Uri => Some(&[("pub-id-type", "custom"), ("custom-type", "uri")]),
        IdScheme::Isbn => None,
    }
}

/// `title-group` needs an `article-title`: a subtitle alone takes its place.
fn write_title_group<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<()> {
    let (title, subtitle) = match (non_empty(&meta.title), non_empty(&meta.subtitle)) {
        (Some(title), subtitle) => (title, subtitle),
        (None, Some(subtitle)) => (subtitle, None),
        (None, None) => return Ok(()),
    };
    x.start("title-group", &[])?;
    x.leaf("article-title", &[], title)?;
    if let Some(subtitle) = subtitle {
        x.leaf("subtitle", &[], subtitle)?;
    }
    x.end_line("title-group")
}

fn write_contribs<W: Write>(x: &mut Xml<W>, authors: &[Author]) -> io::Result<()> {
    let known = |a: &&Author| {
        !a.name.trim().is_empty()
            || [&a.affiliation, &a.email, &a.url]
                .into_iter()
                .any(|f| non_empty(f).is_some())
    };
    let authors: Vec<&Author> = authors.iter().filter(known).collect();
    if authors.is_empty() {
        return Ok(());
    }
    x.start("contrib-group", &[])?;
    x.newline()?;
    for author in authors {
        x.start("contrib", &[("contrib-type", "author")])?;
        if !author.name.trim().is_empty() {
            write_name(x, &author.name)?;
        }
        if let Some(aff) = non_empty(&author.affiliation) {
            x.leaf("aff", &[], aff)?;
        }
        if let Some(email) = non_empty(&author.email) {
            x.leaf("email", &[], email)?;
        }
        if let Some(url) = non_empty(&author.url) {
            x.leaf("uri", &[("xlink:href", url)], url)?;
        }
        x.end_line("contrib")?;
    }
    x.end_line("contrib-group")
}

/// `<name>` when the name splits cleanly into surname and given names, else `<string-name>`.
fn write_name<W: Write>(x: &mut Xml<W>, name: &str) -> io::Result<()> {
    let Some(person) = split_name(name) else {
        return x.leaf("string-name", &[], name.trim());
    };
    x.start("name", &[])?;
    x.leaf("surname", &[], &person.surname)?;
    x.leaf("given-names", &[], person.given)?;
    if let Some(suffix) = person.suffix {
        x.leaf("suffix", &[], suffix)?;
    }
    x.end("name")
}

/// A date element with its ISO 8601 form and its known parts, day first as JATS orders them.
fn write_date<W: Write>(
    x: &mut Xml<W>,
    element: &str,
    date: &Date,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    let iso = date.to_string();
    let mut all = attrs.to_vec();
    all.push(("iso-8601-date", &iso));
    x.start(element, &all)?;
    if let (Some(day), Some(_)) = (date.day, date.month) {
        x.leaf("day", &[], &format!("{day:02}"))?;
    }
    if let Some(month) = date.month {
        x.leaf("month", &[], &format!("{month:02}"))?;
    }
    x.leaf("year", &[], &format!("{:04}", date.year))?;
    x.end_line(element)
}

/// A copyright notice becomes a `copyright-statement`; anything else is a license, linked when
/// it is a URL.
fn write_permissions<W: Write>(x: &mut Xml<W>, rights: &str) -> io::Result<()> {
    x.start("permissions", &[])?;
    let lower = rights.to_lowercase();
    if rights.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c)") {
        x.leaf("copyright-statement", &[], rights)?;
    } else {
        let is_url = rights.starts_with("http://") || rights.starts_with("https://");
        let attrs: &[(&str, &str)] = if is_url {
            &[("xlink:href", rights)]
        } else {
            &[]
        };
        x.start("license", attrs)?;
        x.leaf("license-p", &[], rights)?;
        x.end("license")?;
    }
    x.end_line("permissions")
}

/// The abstract, one `<p>` per blank-line-separated paragraph.
fn write_abstract<W: Write>(x: &mut Xml<W>, text: &str) -> io::Result<()> {
    x.start("abstract", &[])?;
    for para in paragraphs(text) {
        x.leaf("p", &[], para)?;
    }
    x.end_line("abstract")
}

fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

fn write_keywords<W: Write>(x: &mut Xml<W>, keywords: &[String]) -> io::Result<()> {
    let keywords: Vec<&str> = keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    if keywords.is_empty() {
        return Ok(());
    }
    x.start("kwd-group", &[])?;
    for kwd in keywords {
        x.leaf("kwd", &[], kwd)?;
    }
    x.end_line("kwd-group")
}

/// Metadata JATS has no element for (the lead image, other fields the source gave) as
/// name/value pairs, so that nothing the model holds is lost.
fn write_custom_meta<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<()> {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(image) = non_empty(&meta.image) {
        pairs.push(("image", image.to_string()));
    }
    for (key, value) in &meta.extra {
        let text = match value {
            serde_json::Value::String(s) => s.trim().to_string(),
            serde_json::Value::Null => String::new(),
            other => other.to_string(),
        };
        if key != "article-type" && !key.trim().is_empty() && !text.is_empty() {
            pairs.push((key, text));
        }
    }
    if pairs.is_empty() {
        return Ok(());
    }
    x.start("custom-meta-group", &[])?;
    for (name, value) in pairs {
        x.start("custom-meta", &[])?;
        x.leaf("meta-name", &[], name)?;
        x.leaf("meta-value", &[], &value)?;
        x.end_line("custom-meta")?;
    }
    x.end_line("custom-meta-group")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(meta: &Meta) -> String {
        let mut x = Xml::new(Vec::new());
        write_front(&mut x, meta).unwrap();
        String::from_utf8(x.into_inner()).unwrap()
    }

    #[test]
    fn dates_carry_iso_form_and_known_parts() {
        let meta = Meta {
            published: Some("2019-09".parse().unwrap()),
            modified: Some("2020-01-02T03:04:05Z".parse().unwrap()),
            ..Meta::default()
        };
        let s = front(&meta);
        assert!(s.contains(
            "<pub-date date-type=\"pub\" publication-format=\"electronic\" iso-8601-date=\"2019-09\"><month>09</month><year>2019</year></pub-date>"
        ), "{s}");
        assert!(s.contains(
            "<history><date date-type=\"updated\" iso-8601-date=\"2020-01-02T03:04:05Z\"><day>02</day><month>01</month><year>2020</year></date>"
        ), "{s}");
    }

    #[test]
    fn authors_get_name_or_string_name() {
        let meta = Meta {
            authors: vec![
                Author {
                    name: "Jane Q. Doe".into(),
                    affiliation: Some("Example University".into()),
                    email: Some("jane@example.org".into()),
                    url: None,
                },
                Author::named("Reuters"),
                Author::named("  "),
                Author {
                    name: String::new(),
                    email: Some("anon@example.org".into()),
                    ..Author::default()
                },
            ],
            ..Meta::default()
        };
        let s = front(&meta);
        assert!(s.contains("<contrib contrib-type=\"author\"><name><surname>Doe</surname><given-names>Jane Q.</given-names></name><aff>Example University</aff><email>jane@example.org</email></contrib>"), "{s}");
        assert!(s.contains("<string-name>Reuters</string-name>"), "{s}");
        assert!(
            s.contains(
                "<contrib contrib-type=\"author\"><email>anon@example.org</email></contrib>"
            ),
            "{s}"
        );
        assert_eq!(s.matches("<contrib ").count(), 3);
    }

    #[test]
    fn rights_become_license_or_copyright() {
        let license = |r: &str| {
            front(&Meta {
                rights: Some(r.into()),
                ..Meta::default()
            })
        };
        assert!(license("© 2020 Jane")
            .contains("<copyright-statement>© 2020 Jane</copyright-statement>"));
        assert!(
            license("https://creativecommons.org/licenses/by/4.0/").contains(
                "<license xlink:href=\"https://creativecommons.org/licenses/by/4.0/\"><license-p>"
            )
        );
        assert!(
            license("CC BY 4.0").contains("<license><license-p>CC BY 4.0</license-p></license>")
        );
    }

    #[test]
    fn a_subtitle_alone_becomes_the_title() {
        let meta = Meta {
            subtitle: Some("Only a subtitle".into()),
            ..Meta::default()
        };
        assert!(front(&meta)
            .contains("<title-group><article-title>Only a subtitle</article-title></title-group>"));
    }

    #[test]
    fn nothing_without_metadata() {
        assert_eq!(
            front(&Meta::default()),
            "<front>\n<article-meta>\n</article-meta>\n</front>\n"
        );
    }
}

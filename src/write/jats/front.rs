//! `<front>`: journal and article metadata from [`Meta`].

use super::body::{url_description, url_like};
use super::names::split_name;
use super::xml::Xml;
use super::TagSet;
use crate::model::{Author, Copyright, Date, Funding, IdScheme, License, Meta};
use std::io::{self, Write};

/// Writes `<front>` with everything `meta` knows, in the order the DTD wants. The Publishing
/// tag set requires journal metadata, a title and a date: elements that are left empty (or
/// say "not available") when the article does not tell.
pub fn write_front<W: Write>(x: &mut Xml<W>, meta: &Meta, tag_set: TagSet) -> io::Result<()> {
    let publishing = tag_set == TagSet::Publishing;
    x.start("front", &[])?;
    x.newline()?;
    if publishing {
        write_journal_meta(x, meta)?;
    } else if let Some(publisher) = non_empty(&meta.publisher) {
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
    if !write_title_group(x, meta)? && publishing {
        x.start("title-group", &[])?;
        x.empty("article-title", &[])?;
        x.end_line("title-group")?;
    }
    write_contribs(x, &meta.authors)?;
    if let Some(date) = meta.published {
        write_date(
            x,
            "pub-date",
            &date,
            &[("date-type", "pub"), ("publication-format", "electronic")],
        )?;
    } else if publishing {
        x.empty("pub-date-not-available", &[])?;
        x.newline()?;
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
    write_permissions(x, meta)?;
    if let Some(url) = non_empty(&meta.url) {
        // JATS4R: link text describes the target; an address is no description.
        let text = non_empty(&meta.title)
            .map(str::to_string)
            .unwrap_or_else(|| url_description(url));
        x.leaf("self-uri", &[("xlink:href", url)], &text)?;
        x.newline()?;
    }
    if let Some(description) = non_empty(&meta.description) {
        write_abstract(x, description)?;
    }
    write_keywords(x, &meta.keywords)?;
    write_funding(x, &meta.funding)?;
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

/// `journal-meta` as the Publishing tag set wants it: a journal id and an ISSN (`-M
/// journal-id=...`, `-M issn=...`, else the publisher's name and an empty ISSN).
fn write_journal_meta<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<()> {
    let extra = |key: &str| {
        meta.extra
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let publisher = non_empty(&meta.publisher);
    x.start("journal-meta", &[])?;
    x.leaf(
        "journal-id",
        &[("journal-id-type", "publisher-id")],
        extra("journal-id").or(publisher).unwrap_or(""),
    )?;
    x.leaf("issn", &[], extra("issn").unwrap_or(""))?;
    if let Some(publisher) = publisher {
        x.start("publisher", &[])?;
        x.leaf("publisher-name", &[], publisher)?;
        x.end("publisher")?;
    }
    x.end_line("journal-meta")
}

/// `title-group` needs an `article-title`: a subtitle alone takes its place. Whether there
/// was a title to write.
fn write_title_group<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<bool> {
    let (title, subtitle) = match (non_empty(&meta.title), non_empty(&meta.subtitle)) {
        (Some(title), subtitle) => (title, subtitle),
        (None, Some(subtitle)) => (subtitle, None),
        (None, None) => return Ok(false),
    };
    x.start("title-group", &[])?;
    x.leaf("article-title", &[], title)?;
    if let Some(subtitle) = subtitle {
        x.leaf("subtitle", &[], subtitle)?;
    }
    x.end_line("title-group")?;
    Ok(true)
}

fn write_contribs<W: Write>(x: &mut Xml<W>, authors: &[Author]) -> io::Result<()> {
    let known = |a: &&Author| {
        !a.name.trim().is_empty()
            || a.all_affiliations().next().is_some()
            || [&a.email, &a.url, &a.orcid]
                .into_iter()
                .any(|f| non_empty(f).is_some())
    };
    let authors: Vec<&Author> = authors.iter().filter(known).collect();
    if authors.is_empty() {
        return Ok(());
    }
    // Each affiliation once, `aff1`, `aff2`..., linked from its authors.
    let mut affiliations: Vec<&str> = Vec::new();
    for author in &authors {
        for aff in author.all_affiliations() {
            if !affiliations.contains(&aff) {
                affiliations.push(aff);
            }
        }
    }
    x.start("contrib-group", &[])?;
    x.newline()?;
    for author in authors {
        let mut attrs = vec![("contrib-type", "author")];
        if author.corresponding {
            attrs.push(("corresp", "yes"));
        }
        x.start("contrib", &attrs)?;
        if let Some(orcid) = non_empty(&author.orcid) {
            x.leaf(
                "contrib-id",
                &[("contrib-id-type", "orcid")],
                &orcid_url(orcid),
            )?;
        }
        if !author.name.trim().is_empty() {
            write_name(x, &author.name)?;
        }
        if let Some(email) = non_empty(&author.email) {
            x.leaf("email", &[], email)?;
        }
        if let Some(url) = non_empty(&author.url) {
            let mut attrs = vec![("xlink:href", url)];
            let title = url_description(url);
            if url_like(url, url) {
                attrs.push(("xlink:title", &title));
            }
            x.leaf("uri", &attrs, url)?;
        }
        for aff in author.all_affiliations() {
            let n = affiliations.iter().position(|a| *a == aff).unwrap_or(0) + 1;
            x.empty("xref", &[("ref-type", "aff"), ("rid", &format!("aff{n}"))])?;
        }
        x.end_line("contrib")?;
    }
    for (i, aff) in affiliations.iter().enumerate() {
        x.start("aff", &[("id", &format!("aff{}", i + 1))])?;
        x.leaf("institution", &[], aff)?;
        x.end_line("aff")?;
    }
    x.end_line("contrib-group")
}

/// ORCID iDs as the URL JATS4R asks for.
fn orcid_url(orcid: &str) -> String {
    if orcid.starts_with("http://") || orcid.starts_with("https://") {
        orcid.replacen("http://", "https://", 1)
    } else {
        format!("https://orcid.org/{orcid}")
    }
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

/// `permissions`, which JATS4R wants in every article, empty when nothing is known.
///
/// A copyright is written as statement, year and holder when both year and holder are known
/// (JATS4R requires them with a statement); otherwise its notice is a license paragraph. The
/// free-text `rights` are a copyright when they read as a notice (`© 2024 Jane Doe`), else a
/// license (`ali:license_ref` when a URL).
fn write_permissions<W: Write>(x: &mut Xml<W>, meta: &Meta) -> io::Result<()> {
    let mut copyright = meta.copyright.clone();
    let mut licenses: Vec<License> = meta.license.iter().cloned().collect();
    if let Some(rights) = non_empty(&meta.rights) {
        let lower = rights.to_lowercase();
        let notice =
            rights.starts_with('©') || lower.starts_with("copyright") || lower.starts_with("(c)");
        if notice && copyright.is_none() {
            copyright = Some(Copyright::parse(rights));
        } else if rights.starts_with("http://") || rights.starts_with("https://") {
            licenses.push(License {
                url: Some(rights.to_string()),
                text: None,
            });
        } else {
            licenses.push(License {
                url: None,
                text: Some(rights.to_string()),
            });
        }
    }
    x.start("permissions", &[])?;
    if let Some(c) = &copyright {
        match (c.year, non_empty(&c.holder)) {
            (Some(year), Some(holder)) => {
                let statement = non_empty(&c.statement)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("© {year} {holder}"));
                x.leaf("copyright-statement", &[], &statement)?;
                x.leaf("copyright-year", &[], &year.to_string())?;
                x.leaf("copyright-holder", &[], holder)?;
            }
            _ => {
                if let Some(statement) = non_empty(&c.statement) {
                    licenses.insert(
                        0,
                        License {
                            url: None,
                            text: Some(statement.to_string()),
                        },
                    );
                }
            }
        }
    }
    for license in &licenses {
        let url = non_empty(&license.url);
        let text = non_empty(&license.text);
        if url.is_none() && text.is_none() {
            continue;
        }
        x.start("license", &[])?;
        if let Some(url) = url {
            x.leaf("ali:license_ref", &[], url)?;
        }
        if let Some(text) = text {
            x.leaf("license-p", &[], text)?;
        }
        x.end("license")?;
    }
    x.end_line("permissions")
}

/// `funding-group`: an `award-group` per funder or award, then the statements.
fn write_funding<W: Write>(x: &mut Xml<W>, funding: &[Funding]) -> io::Result<()> {
    if funding.iter().all(|f| *f == Funding::default()) {
        return Ok(());
    }
    x.start("funding-group", &[])?;
    x.newline()?;
    for f in funding {
        // JATS4R: an award group names its funder; an award alone is in the statements.
        let Some(funder) = non_empty(&f.funder) else {
            continue;
        };
        x.start("award-group", &[])?;
        x.start("funding-source", &[])?;
        x.start("institution-wrap", &[])?;
        x.leaf("institution", &[], funder)?;
        x.end("institution-wrap")?;
        x.end("funding-source")?;
        if let Some(award) = non_empty(&f.award) {
            x.leaf("award-id", &[], award)?;
        }
        x.end_line("award-group")?;
    }
    for f in funding {
        let statement = match (non_empty(&f.statement), &f.funder, non_empty(&f.award)) {
            (Some(statement), ..) => statement,
            (None, None, Some(award)) => award,
            _ => continue,
        };
        x.leaf("funding-statement", &[], statement)?;
        x.newline()?;
    }
    x.end_line("funding-group")
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
        write_front(&mut x, meta, TagSet::Archiving).unwrap();
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
                    ..Author::default()
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
        assert!(s.contains("<contrib contrib-type=\"author\"><name><surname>Doe</surname><given-names>Jane Q.</given-names></name><email>jane@example.org</email><xref ref-type=\"aff\" rid=\"aff1\"/></contrib>"), "{s}");
        assert!(
            s.contains("<aff id=\"aff1\"><institution>Example University</institution></aff>\n</contrib-group>"),
            "{s}"
        );
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
    fn shared_affiliations_are_written_once_orcid_and_corresponding() {
        let meta = Meta {
            authors: vec![
                Author {
                    name: "Ada Lovelace".into(),
                    affiliation: Some("Lab".into()),
                    affiliations: vec!["Uni".into()],
                    orcid: Some("0000-0002-1825-0097".into()),
                    email: Some("ada@example.org".into()),
                    corresponding: true,
                    ..Author::default()
                },
                Author {
                    name: "Bob Babbage".into(),
                    affiliation: Some("Uni".into()),
                    orcid: Some("http://orcid.org/0000-0001-5109-3700".into()),
                    ..Author::default()
                },
            ],
            ..Meta::default()
        };
        let s = front(&meta);
        assert!(s.contains("<contrib contrib-type=\"author\" corresp=\"yes\"><contrib-id contrib-id-type=\"orcid\">https://orcid.org/0000-0002-1825-0097</contrib-id><name><surname>Lovelace</surname><given-names>Ada</given-names></name><email>ada@example.org</email><xref ref-type=\"aff\" rid=\"aff1\"/><xref ref-type=\"aff\" rid=\"aff2\"/></contrib>"), "{s}");
        assert!(s.contains("<contrib-id contrib-id-type=\"orcid\">https://orcid.org/0000-0001-5109-3700</contrib-id><name><surname>Babbage</surname><given-names>Bob</given-names></name><xref ref-type=\"aff\" rid=\"aff2\"/></contrib>"), "{s}");
        assert!(s.contains("<aff id=\"aff1\"><institution>Lab</institution></aff>\n<aff id=\"aff2\"><institution>Uni</institution></aff>\n</contrib-group>"), "{s}");
    }

    #[test]
    fn funding_names_its_funders() {
        let meta = Meta {
            funding: vec![
                Funding {
                    funder: Some("Royal Society".into()),
                    award: Some("RS-1".into()),
                    statement: None,
                },
                Funding {
                    award: Some("Grant 7".into()),
                    ..Funding::default()
                },
                Funding {
                    statement: Some("Thanks.".into()),
                    ..Funding::default()
                },
            ],
            ..Meta::default()
        };
        let s = front(&meta);
        assert!(s.contains("<funding-group>\n<award-group><funding-source><institution-wrap><institution>Royal Society</institution></institution-wrap></funding-source><award-id>RS-1</award-id></award-group>\n<funding-statement>Grant 7</funding-statement>\n<funding-statement>Thanks.</funding-statement>\n</funding-group>"), "{s}");
    }

    #[test]
    fn rights_become_license_or_copyright() {
        let license = |r: &str| {
            front(&Meta {
                rights: Some(r.into()),
                ..Meta::default()
            })
        };
        // JATS4R: a copyright statement comes with its year and holder...
        assert!(license("© 2020 Jane Doe. All rights reserved.").contains(
            "<permissions><copyright-statement>© 2020 Jane Doe. All rights reserved.</copyright-statement><copyright-year>2020</copyright-year><copyright-holder>Jane Doe</copyright-holder></permissions>"
        ));
        // ...so a notice without a year is a license paragraph.
        assert!(license("Copyright Reuters")
            .contains("<permissions><license><license-p>Copyright Reuters</license-p></license></permissions>"));
        assert!(
            license("https://creativecommons.org/licenses/by/4.0/").contains(
                "<license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref></license>"
            )
        );
        assert!(
            license("CC BY 4.0").contains("<license><license-p>CC BY 4.0</license-p></license>")
        );
        let both = front(&Meta {
            license: Some(License {
                url: Some("https://creativecommons.org/licenses/by/4.0/".into()),
                text: Some("CC BY 4.0".into()),
            }),
            copyright: Some(Copyright {
                statement: None,
                year: Some(2024),
                holder: Some("The Authors".into()),
            }),
            ..Meta::default()
        });
        assert!(both.contains("<permissions><copyright-statement>© 2024 The Authors</copyright-statement><copyright-year>2024</copyright-year><copyright-holder>The Authors</copyright-holder><license><ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref><license-p>CC BY 4.0</license-p></license></permissions>"), "{both}");
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
            "<front>\n<article-meta>\n<permissions></permissions>\n</article-meta>\n</front>\n",
            "JATS4R wants permissions, empty when nothing is known"
        );
    }
}

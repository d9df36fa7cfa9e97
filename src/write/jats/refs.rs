//! `element-citation`: a CSL reference as JATS, as JATS4R asks (a publication type, people in
//! a typed `person-group`, four-digit years, first and last page).

use super::body::url_description;
use super::xml::Xml;
use crate::model::{Name, Reference};
use std::io::{self, Write};

/// JATS's `publication-type` of a CSL item type, else a guess from the fields given.
fn publication_type(r: &Reference) -> &'static str {
    match r.kind.as_deref().unwrap_or("") {
        "article-journal" | "review" | "review-book" => "journal",
        "article-magazine" => "magazine",
        "article-newspaper" => "newspaper",
        "book" | "chapter" | "entry-encyclopedia" | "entry-dictionary" => "book",
        "paper-conference" => "confproc",
        "report" => "report",
        "thesis" => "thesis",
        "webpage" | "post" | "post-weblog" => "webpage",
        "dataset" => "data",
        "software" => "software",
        "patent" => "patent",
        "standard" => "standard",
        "article" | "manuscript" => "preprint",
        _ if r.container_title.is_some() => "journal",
        _ if r.publisher.is_some() => "book",
        _ if r.url.is_some() => "webpage",
        _ => "other",
    }
}

pub fn element_citation<W: Write>(x: &mut Xml<W>, r: &Reference) -> io::Result<()> {
    x.start(
        "element-citation",
        &[("publication-type", publication_type(r))],
    )?;
    // JATS4R wants the contributors in a typed group, which an anonymous work leaves empty.
    if r.author.is_empty() && r.editor.is_empty() {
        x.empty("person-group", &[("person-group-type", "author")])?;
    }
    for (names, kind) in [(&r.author, "author"), (&r.editor, "editor")] {
        if names.is_empty() {
            continue;
        }
        x.start("person-group", &[("person-group-type", kind)])?;
        for name in names {
            write_name(x, name)?;
        }
        x.end("person-group")?;
    }
    let chapter = r.kind.as_deref() == Some("chapter");
    match (&r.title, &r.container_title) {
        (Some(title), Some(container)) => {
            x.leaf(
                if chapter {
                    "chapter-title"
                } else {
                    "article-title"
                },
                &[],
                title,
            )?;
            x.leaf("source", &[], container)?;
        }
        (Some(title), None) => x.leaf("source", &[], title)?,
        (None, Some(container)) => x.leaf("source", &[], container)?,
        (None, None) => {}
    }
    if let Some(year) = r.year() {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            x.leaf("year", &[("iso-8601-date", &year)], &year)?;
        } else {
            x.leaf("year", &[], &year)?;
        }
    }
    if let Some(publisher) = &r.publisher {
        x.leaf("publisher-name", &[], publisher)?;
    }
    if let Some(volume) = &r.volume {
        x.leaf("volume", &[], volume)?;
    }
    if let Some(issue) = &r.issue {
        x.leaf("issue", &[], issue)?;
    }
    if let Some(page) = &r.page {
        write_pages(x, page)?;
    }
    if let Some(doi) = &r.doi {
        x.leaf("pub-id", &[("pub-id-type", "doi")], doi)?;
    }
    if let Some(url) = &r.url {
        let title = url_description(url);
        x.leaf(
            "ext-link",
            &[
                ("ext-link-type", "uri"),
                ("xlink:href", url),
                ("xlink:title", &title),
            ],
            url,
        )?;
    }
    x.end("element-citation")
}

fn write_name<W: Write>(x: &mut Xml<W>, name: &Name) -> io::Result<()> {
    match (&name.family, &name.literal) {
        (Some(family), None) => {
            x.start("name", &[])?;
            x.leaf("surname", &[], family)?;
            if let Some(given) = &name.given {
                x.leaf("given-names", &[], given)?;
            }
            x.end("name")
        }
        _ => x.leaf("string-name", &[], &name.display()),
    }
}

/// `fpage` and `lpage` for a numeric range in order (`45-67`, `45–67`), else `page-range`.
fn write_pages<W: Write>(x: &mut Xml<W>, page: &str) -> io::Result<()> {
    let parts: Vec<&str> = page.split(['-', '–']).map(str::trim).collect();
    let number = |s: &str| s.parse::<u64>().ok();
    match parts[..] {
        [one] if number(one).is_some() => x.leaf("fpage", &[], one),
        [first, last] if matches!((number(first), number(last)), (Some(a), Some(b)) if a <= b) => {
            x.leaf("fpage", &[], first)?;
            x.leaf("lpage", &[], last)
        }
        _ => x.leaf("page-range", &[], page),
    }
}

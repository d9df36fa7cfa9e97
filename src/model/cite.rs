//! Citations and the references they cite, in CSL JSON form (pandoc's `references`).

use super::{Article, Block, Inline};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// One cited key of a citation, with the words around it (`[see @doe2020, p. 4]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cite {
    /// The reference's id, without the `@`.
    pub key: String,
    /// Words before the key (`see`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// Words after the key (`p. 4`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub suffix: String,
}

/// A bibliography entry: the fields folio uses by their CSL JSON names, any other field kept
/// as it was given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Reference {
    /// The key citations use.
    #[serde(deserialize_with = "text")]
    pub id: String,
    /// The CSL item type (`article-journal`, `book`, `chapter`, `webpage`...).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The authors, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Name>,
    /// The editors, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editor: Vec<Name>,
    /// The work's title.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub title: Option<String>,
    /// The journal, book or site the work is in.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub container_title: Option<String>,
    /// Who published the work.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub publisher: Option<String>,
    /// When the work was issued, as CSL gives dates (`{"date-parts": [[2020, 5]]}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<serde_json::Value>,
    /// The volume of the journal or series.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub volume: Option<String>,
    /// The issue of the journal.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub issue: Option<String>,
    /// The pages (`12-34`).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "opt_text")]
    pub page: Option<String>,
    /// The DOI, without `https://doi.org/`.
    #[serde(
        rename = "DOI",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_text"
    )]
    pub doi: Option<String>,
    /// Where the work is on the web.
    #[serde(
        rename = "URL",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "opt_text"
    )]
    pub url: Option<String>,
    /// Every other CSL field, as given.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// A person's name as CSL gives it: family and given names, or one literal name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Name {
    /// The family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The given names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A name not split in parts (an organisation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

/// CSL allows numbers where folio keeps text (`"volume": 12`).
fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(opt_text(d)?.unwrap_or_default())
}

impl Reference {
    /// The year of publication: the first of `issued`'s `date-parts`, else a four-digit year
    /// in its `raw` or `literal` form.
    pub fn year(&self) -> Option<String> {
        let issued = self.issued.as_ref()?;
        let part = issued
            .get("date-parts")
            .and_then(|p| p.get(0))
            .and_then(|p| p.get(0));
        if let Some(part) = part {
            return match part {
                serde_json::Value::Number(n) => Some(n.to_string()),
                serde_json::Value::String(s) => Some(s.clone()),
                _ => None,
            };
        }
        let text = ["raw", "literal"]
            .iter()
            .find_map(|k| issued.get(*k).and_then(|v| v.as_str()))
            .or(issued.as_str())?;
        text.split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4)
            .map(str::to_string)
    }

    /// The entry as one line of text: authors, year, title, container, volume(issue), pages,
    /// DOI or URL.
    pub fn formatted(&self) -> String {
        let mut parts = Vec::new();
        let names: Vec<String> = self.author.iter().map(Name::display).collect();
        if !names.is_empty() {
            parts.push(join_names(&names));
        }
        if let Some(year) = self.year() {
            parts.push(format!("({year})"));
        }
        let mut out = parts.join(" ");
        let mut sentence = |s: &str| {
            let s = s.trim();
            if s.is_empty() {
                return;
            }
            if !out.is_empty() {
                out.push_str(if out.ends_with(['.', '?', '!']) {
                    " "
                } else {
                    ". "
                });
            }
            out.push_str(s);
        };
        if let Some(title) = &self.title {
            sentence(title);
        }
        let mut container = self.container_title.clone().unwrap_or_default();
        if let Some(volume) = &self.volume {
            container = format!("{container}, {volume}");
            if let Some(issue) = &self.issue {
                container.push_str(&format!("({issue})"));
            }
        }
        if let Some(page) = &self.page {
            container = format!("{container}, {page}");
        }
        sentence(container.trim_start_matches(", "));
        if let Some(publisher) = &self.publisher {
            sentence(publisher);
        }
        if let Some(doi) = &self.doi {
            sentence(&format!("https://doi.org/{doi}"));
        } else if let Some(url) = &self.url {
            sentence(url);
        }
        if !out.is_empty() && !out.ends_with(['.', '?', '!']) && self.url.is_none() {
            out.push('.');
        }
        out
    }
}

impl Name {
    /// "Family, G." style is for citation styles; folio writes the name as given.
    pub fn display(&self) -> String {
        match (&self.literal, &self.family, &self.given) {
            (Some(literal), ..) => literal.clone(),
            (None, Some(family), Some(given)) => format!("{given} {family}"),
            (None, Some(family), None) => family.clone(),
            (None, None, Some(given)) => given.clone(),
            (None, None, None) => String::new(),
        }
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Reads a bibliography: BibTeX or BibLaTeX (text whose first entry starts with `@`), CSL
/// JSON (an array of items) or CSL YAML (a list, or a mapping with `references`).
pub fn parse_bibliography(text: &str) -> Result<Vec<Reference>, String> {
    if text.trim_start().starts_with('@') || text.trim_start().starts_with('%') {
        return bibtex(text);
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(json) => yaml_serde::from_str(text)
            .map_err(|yaml| format!("neither CSL JSON ({json}) nor CSL YAML ({yaml})"))?,
    };
    let items = match value {
        serde_json::Value::Object(mut o) => o
            .remove("references")
            .ok_or("no references in the bibliography")?,
        other => other,
    };
    references(&items)
}

/// The entries of a BibTeX or BibLaTeX file as CSL references.
fn bibtex(text: &str) -> Result<Vec<Reference>, String> {
    use biblatex::{ChunksExt, EntryType, Person};
    let bib = biblatex::Bibliography::parse(text).map_err(|e| format!("BibTeX: {e}"))?;
    let names = |people: Vec<Person>| -> Vec<Name> {
        people
            .into_iter()
            .map(|p| {
                let family = [p.prefix.as_str(), p.name.as_str(), p.suffix.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                Name {
                    family: Some(family).filter(|f| !f.is_empty()),
                    given: Some(p.given_name).filter(|g| !g.is_empty()),
                    literal: None,
                }
            })
            .collect()
    };
    let mut refs = Vec::new();
    for entry in bib.iter() {
        let field = |k: &str| {
            entry
                .fields
                .get(k)
                .map(|c| c.format_verbatim().trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let kind = match entry.entry_type {
            EntryType::Article => "article-journal",
            EntryType::Book | EntryType::MvBook => "book",
            EntryType::InBook | EntryType::InCollection | EntryType::BookInBook => "chapter",
            EntryType::InProceedings | EntryType::Proceedings => "paper-conference",
            EntryType::Report | EntryType::TechReport => "report",
            EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis => "thesis",
            EntryType::Online => "webpage",
            EntryType::Dataset => "dataset",
            EntryType::Software => "software",
            EntryType::Patent => "patent",
            _ => "document",
        };
        let year = field("year").or_else(|| field("date").map(|d| d.chars().take(4).collect()));
        refs.push(Reference {
            id: entry.key.clone(),
            kind: Some(kind.to_string()),
            author: entry.author().map(names).unwrap_or_default(),
            editor: entry
                .get_as::<Vec<Person>>("editor")
                .map(names)
                .unwrap_or_default(),
            title: field("title"),
            container_title: field("journaltitle")
                .or_else(|| field("journal"))
                .or_else(|| field("booktitle")),
            publisher: field("publisher").or_else(|| field("institution")),
            issued: year.map(|y| serde_json::json!({ "raw": y })),
            volume: field("volume"),
            issue: field("number").or_else(|| field("issue")),
            page: field("pages"),
            doi: field("doi"),
            url: field("url"),
            other: BTreeMap::new(),
        });
    }
    Ok(refs)
}

/// References from a CSL JSON value (an array of items).
pub fn references(value: &serde_json::Value) -> Result<Vec<Reference>, String> {
    let refs: Vec<Reference> =
        serde_json::from_value(value.clone()).map_err(|e| format!("CSL item: {e}"))?;
    if let Some(r) = refs.iter().find(|r| r.id.trim().is_empty()) {
        return Err(format!("a CSL item has no id: {:?}", r.title));
    }
    Ok(refs)
}

/// Turns `[@key]` and `[see @a, p. 4; @b]` in text into citations of the article's
/// references; returns the keys cited that it does not know (left as text).
pub fn link_citations(article: &mut Article) -> Vec<String> {
    if article.meta.references.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = article
        .meta
        .references
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let mut unknown = Vec::new();
    let mut pending: Vec<&mut Block> = article.blocks.iter_mut().collect();
    while let Some(block) = pending.pop() {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                link_inlines(content, &keys, &mut unknown)
            }
            Block::List { items, .. } => {
                pending.extend(items.iter_mut().flat_map(|i| i.blocks.iter_mut()))
            }
            Block::Quote { blocks, .. } => pending.extend(blocks.iter_mut()),
            Block::Figure { caption, .. } => link_inlines(caption, &keys, &mut unknown),
            Block::Table(t) => {
                for cell in t.header.iter_mut().chain(t.rows.iter_mut().flatten()) {
                    link_inlines(cell, &keys, &mut unknown);
                }
            }
            _ => {}
        }
    }
    unknown
}

fn link_inlines(inlines: &mut Vec<Inline>, keys: &[String], unknown: &mut Vec<String>) {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in std::mem::take(inlines) {
        match inline {
            Inline::Text { text } if text.contains('@') => {
                split_citations(&text, keys, unknown, &mut out)
            }
            Inline::Note { mut blocks } => {
                for block in &mut blocks {
                    if let Block::Paragraph { content } = block {
                        link_inlines(content, keys, unknown);
                    }
                }
                out.push(Inline::Note { blocks });
            }
            mut other => {
                // Link text stays as it is: a citation is a link of its own.
                let is_link = matches!(other, Inline::Link { .. });
                if let (false, Some(children)) = (is_link, other.children_mut()) {
                    link_inlines(children, keys, unknown);
                }
                out.push(other);
            }
        }
    }
    *inlines = out;
}

/// Splits text at bracketed citations whose every key is known.
fn split_citations(text: &str, keys: &[String], unknown: &mut Vec<String>, out: &mut Vec<Inline>) {
    let mut rest = text;
    let mut plain = String::new();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else {
            break;
        };
        let inner = &after[..close];
        match parse_cites(inner) {
            Some(cites) if cites.iter().all(|c| keys.contains(&c.key)) => {
                plain.push_str(&rest[..open]);
                if !plain.is_empty() {
                    out.push(Inline::text(std::mem::take(&mut plain)));
                }
                out.push(Inline::Citation { cites });
            }
            Some(cites) => {
                unknown.extend(
                    cites
                        .into_iter()
                        .filter(|c| !keys.contains(&c.key))
                        .map(|c| c.key),
                );
                plain.push_str(&rest[..open + 1 + close + 1]);
            }
            None => plain.push_str(&rest[..open + 1 + close + 1]),
        }
        rest = &after[close + 1..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Inline::text(plain));
    }
}

/// The cites of a bracket's text (`see @a, p. 4; @b`), when every part names a key.
fn parse_cites(inner: &str) -> Option<Vec<Cite>> {
    let mut cites = Vec::new();
    for part in inner.split(';') {
        let at = part.find('@')?;
        let prefix = &part[..at];
        if !(prefix.is_empty() || prefix.ends_with(' ')) {
            return None;
        }
        let key_len = part[at + 1..]
            .find(|c: char| !(c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c)))
            .unwrap_or(part.len() - at - 1);
        let key = part[at + 1..at + 1 + key_len].trim_end_matches(['.', ':', '?']);
        if key.is_empty() {
            return None;
        }
        cites.push(Cite {
            key: key.to_string(),
            prefix: prefix.trim().to_string(),
            suffix: part[at + 1 + key.len()..].trim().to_string(),
        });
    }
    (!cites.is_empty()).then_some(cites)
}

/// The references an article cites, in the order of their first citation.
pub fn cited(article: &Article) -> Vec<&Reference> {
    if article.meta.references.is_empty() {
        return Vec::new();
    }
    let mut keys: Vec<&str> = Vec::new();
    let mut pending: Vec<&Block> = article.blocks.iter().rev().collect();
    let mut inlines: Vec<&Inline> = Vec::new();
    while let Some(block) = pending.pop() {
        match block {
            Block::Paragraph { content } | Block::Heading { content, .. } => {
                inlines.extend(content.iter().rev())
            }
            Block::List { items, .. } => {
                pending.extend(items.iter().rev().flat_map(|i| i.blocks.iter().rev()))
            }
            Block::Quote { blocks, .. } => pending.extend(blocks.iter().rev()),
            Block::Figure { caption, .. } => inlines.extend(caption.iter().rev()),
            Block::Table(t) => inlines.extend(
                t.header
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .flatten()
                    .rev(),
            ),
            _ => {}
        }
        while let Some(inline) = inlines.pop() {
            match inline {
                Inline::Citation { cites } => {
                    for c in cites {
                        if !keys.contains(&c.key.as_str()) {
                            keys.push(&c.key);
                        }
                    }
                }
                Inline::Note { blocks } => {
                    for b in blocks {
                        inlines.extend(b.inlines().iter().rev());
                    }
                }
                other => inlines.extend(other.children().iter().rev()),
            }
        }
    }
    keys.iter()
        .filter_map(|k| article.meta.references.iter().find(|r| r.id == *k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibliographies_in_csl_json_csl_yaml_and_bibtex() {
        let json = r#"[{"id": "a", "type": "book", "title": "A", "volume": 3,
                        "issued": {"date-parts": [["2001", 2]]}, "ISBN": "978-0"}]"#;
        let a = &parse_bibliography(json).unwrap()[0];
        assert_eq!(a.volume.as_deref(), Some("3"));
        assert_eq!(a.year().as_deref(), Some("2001"));
        assert_eq!(a.other.get("ISBN"), Some(&serde_json::json!("978-0")));
        let yaml = "references:\n  - id: b\n    title: B\n    issued: {raw: 'spring 1999'}\n";
        assert_eq!(
            parse_bibliography(yaml).unwrap()[0].year().as_deref(),
            Some("1999")
        );
        let bib = "@article{doe2020,\n  author = {Doe, Jane and van Roe, Rick},\n  title = {Counting {Kelp}},\n  journal = {Coasts},\n  year = {2020},\n  volume = {12},\n  number = {3},\n  pages = {45--67},\n  doi = {10.1/x}\n}\n@book{b, editor = {Ed Itor}, title = {Bays}, publisher = {Press}, date = {2019-05}}\n";
        let refs = parse_bibliography(bib).unwrap();
        assert_eq!(refs.len(), 2);
        let doe = &refs[0];
        assert_eq!(doe.id, "doe2020");
        assert_eq!(doe.kind.as_deref(), Some("article-journal"));
        assert_eq!(doe.author[0].family.as_deref(), Some("Doe"));
        assert_eq!(doe.author[0].given.as_deref(), Some("Jane"));
        assert_eq!(doe.author[1].family.as_deref(), Some("van Roe"));
        assert_eq!(doe.title.as_deref(), Some("Counting Kelp"));
        assert_eq!(doe.container_title.as_deref(), Some("Coasts"));
        assert_eq!(doe.issue.as_deref(), Some("3"));
        assert_eq!(
            doe.page.as_deref(),
            Some("45–67"),
            "biblatex reads -- as an en dash"
        );
        assert_eq!(doe.doi.as_deref(), Some("10.1/x"));
        assert_eq!(doe.year().as_deref(), Some("2020"));
        assert_eq!(
            doe.formatted(),
            "Jane Doe and Rick van Roe (2020). Counting Kelp. Coasts, 12(3), 45–67. https://doi.org/10.1/x."
        );
        assert_eq!(refs[1].editor[0].family.as_deref(), Some("Itor"));
        assert_eq!(refs[1].year().as_deref(), Some("2019"));
        assert!(parse_bibliography("{\"not\": 1}").is_err());
        assert!(parse_bibliography("[{\"title\": \"no id\"}]").is_err());
        assert!(parse_bibliography("@article{broken, title = {x}").is_err());
    }

    #[test]
    fn citations_are_found_in_text_by_known_keys() {
        let cites = parse_cites("see @a, p. 4; @b-2").unwrap();
        assert_eq!(
            cites,
            [
                Cite {
                    key: "a".into(),
                    prefix: "see".into(),
                    suffix: ", p. 4".into()
                },
                Cite {
                    key: "b-2".into(),
                    ..Cite::default()
                }
            ]
        );
        assert!(parse_cites("mail me@example.org").is_none());
        assert!(parse_cites("a link").is_none());
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        split_citations(
            "x [@a] y [@zz] [me@e.org] [@a.]",
            &["a".to_string()],
            &mut unknown,
            &mut out,
        );
        assert_eq!(unknown, ["zz"]);
        assert_eq!(
            out,
            [
                Inline::text("x "),
                Inline::Citation {
                    cites: vec![Cite {
                        key: "a".into(),
                        ..Cite::default()
                    }]
                },
                Inline::text(" y [@zz] [me@e.org] "),
                Inline::Citation {
                    cites: vec![Cite {
                        key: "a".into(),
                        suffix: ".".into(),
                        ..Cite::default()
                    }]
                },
            ]
        );
    }
}

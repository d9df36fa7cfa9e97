//! Article metadata.

use super::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Everything known about an article besides its body.
///
/// Every field is optional; an empty `Meta` serializes as `{}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// The title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A subtitle or standfirst.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Authors, in byline order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// When it was first published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// When it was last changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<Date>,
    /// Publication or site name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where the article was published (canonical URL when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag, such as `en` or `pt-BR`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Abstract or summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Keywords or tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Lead image: a URL, a path, or a `data:` URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// License or rights statement, as the source words it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    /// The license the article is published under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<License>,
    /// The copyright notice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copyright: Option<Copyright>,
    /// Who paid for the work.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// The works the article may cite, in CSL JSON (pandoc's `references`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<super::Reference>,
    /// DOI, ISBN or URI identifiers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<Identifier>,
    /// Anything else the source said, keyed by its own name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A person or organization credited as author.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Author {
    /// The name as displayed.
    pub name: String,
    /// Institution or organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// E-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Home page or profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Affiliations after the first (`affiliation`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// ORCID iD, as `https://orcid.org/0000-0002-1825-0097` or the bare number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orcid: Option<String>,
    /// The corresponding author.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corresponding: bool,
}

/// A license: its canonical URL and its name or text, as far as known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct License {
    /// The license's address (`https://creativecommons.org/licenses/by/4.0/`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The license's name or text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A copyright notice and, when known, its year and holder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Copyright {
    /// The notice as written (`© 2024 Jane Doe`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The year of the copyright.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Who holds the copyright.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
}

/// One source of funding: the funder, the award's number, or a statement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Funding {
    /// Who gave the money.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funder: Option<String>,
    /// The award's or grant's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub award: Option<String>,
    /// The funding as a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
}

impl Author {
    /// Every affiliation: `affiliation`, then `affiliations`.
    pub fn all_affiliations(&self) -> impl Iterator<Item = &str> {
        self.affiliation
            .iter()
            .chain(&self.affiliations)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// An author known only by name.
    pub fn named(name: impl Into<String>) -> Author {
        Author {
            name: name.into(),
            ..Author::default()
        }
    }
}

/// A scheme-qualified identifier of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    /// What kind of identifier.
    pub scheme: IdScheme,
    /// The identifier itself (`10.1000/xyz`).
    pub value: String,
}

/// Identifier schemes that writers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdScheme {
    /// A Digital Object Identifier (`10.1000/xyz`).
    Doi,
    /// An ISBN.
    Isbn,
    /// Any other URI.
    Uri,
}

impl Meta {
    /// The first identifier of a scheme.
    pub fn identifier(&self, scheme: IdScheme) -> Option<&str> {
        self.identifiers
            .iter()
            .find(|i| i.scheme == scheme)
            .map(|i| i.value.as_str())
    }

    /// Author names joined for a byline: "A", "A and B", "A, B and C".
    pub fn byline(&self) -> Option<String> {
        let names: Vec<&str> = self.authors.iter().map(|a| a.name.as_str()).collect();
        match names.as_slice() {
            [] => None,
            [one] => Some(one.to_string()),
            [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
        }
    }

    /// The rights statement for formats with one field for it: the source's own, else the
    /// copyright notice, else the license.
    pub fn rights_statement(&self) -> Option<String> {
        let copyright = self.copyright.as_ref().and_then(|c| {
            c.statement.clone().or_else(|| match (c.year, &c.holder) {
                (Some(y), Some(h)) => Some(format!("© {y} {h}")),
                (None, Some(h)) => Some(format!("© {h}")),
                _ => None,
            })
        });
        let license = self
            .license
            .as_ref()
            .and_then(|l| l.text.clone().or_else(|| l.url.clone()));
        self.rights.clone().or(copyright).or(license)
    }

    /// Replaces every field of `self` that `other` has (`other` wins, `self` fills the gaps).
    pub fn override_with(&mut self, other: &Meta) {
        let mut merged = other.clone();
        merged.fill_from(self);
        *self = merged;
    }

    /// Fills every empty field of `self` from `other`.
    pub fn fill_from(&mut self, other: &Meta) {
        fn opt<T: Clone>(a: &mut Option<T>, b: &Option<T>) {
            if a.is_none() {
                a.clone_from(b);
            }
        }
        fn vec<T: Clone>(a: &mut Vec<T>, b: &[T]) {
            if a.is_empty() {
                a.extend_from_slice(b);
            }
        }
        opt(&mut self.title, &other.title);
        opt(&mut self.subtitle, &other.subtitle);
        vec(&mut self.authors, &other.authors);
        opt(&mut self.published, &other.published);
        opt(&mut self.modified, &other.modified);
        opt(&mut self.publisher, &other.publisher);
        opt(&mut self.url, &other.url);
        opt(&mut self.language, &other.language);
        opt(&mut self.description, &other.description);
        vec(&mut self.keywords, &other.keywords);
        opt(&mut self.image, &other.image);
        opt(&mut self.rights, &other.rights);
        opt(&mut self.license, &other.license);
        opt(&mut self.copyright, &other.copyright);
        vec(&mut self.funding, &other.funding);
        vec(&mut self.references, &other.references);
        vec(&mut self.identifiers, &other.identifiers);
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// Why a metadata value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaError(pub String);

impl std::fmt::Display for MetaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MetaError {}

fn value_text(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(xs) => {
            let parts: Vec<String> = xs.iter().filter_map(value_text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => ["name", "text", "value"]
            .iter()
            .find_map(|k| o.get(*k).and_then(value_text)),
        Value::Null => None,
    }
}

fn value_author(v: &serde_json::Value) -> Option<Author> {
    match v {
        serde_json::Value::Object(o) => {
            let field = |k: &str| o.get(k).and_then(value_text);
            let mut affiliations = ["affiliation", "affiliations", "institute"]
                .iter()
                .filter_map(|k| o.get(*k))
                .flat_map(value_items)
                .collect::<Vec<String>>()
                .into_iter();
            let corresponding = o.get("corresponding").is_some_and(|v| match v {
                serde_json::Value::Bool(b) => *b,
                serde_json::Value::String(s) => matches!(s.trim(), "true" | "yes"),
                _ => false,
            });
            Some(Author {
                name: field("name")?,
                affiliation: affiliations.next(),
                affiliations: affiliations.collect(),
                email: field("email"),
                url: field("url"),
                orcid: field("orcid"),
                corresponding,
            })
        }
        other => value_text(other).map(Author::named),
    }
}

/// The texts of a value that is one text or a list of them.
fn value_items(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::Array(xs) => xs.iter().filter_map(value_text).collect(),
        other => value_text(other).into_iter().collect(),
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// A license from a URL, a name, or pandoc's `{link, text}` (also `url`).
fn value_license(v: &serde_json::Value) -> Option<License> {
    let license = match v {
        serde_json::Value::Object(o) => {
            let field = |k: &str| o.get(k).and_then(value_text);
            License {
                url: field("link").or_else(|| field("url")),
                text: field("text").or_else(|| field("name")),
            }
        }
        other => {
            let text = value_text(other)?;
            if is_url(&text) {
                License {
                    url: Some(text),
                    text: None,
                }
            } else {
                License {
                    url: None,
                    text: Some(text),
                }
            }
        }
    };
    (license != License::default()).then_some(license)
}

/// A copyright from pandoc's `{statement, year, holder}`, or a notice such as
/// `© 2024 Jane Doe`, whose year and holder are read from it.
fn value_copyright(v: &serde_json::Value) -> Option<Copyright> {
    let copyright = match v {
        serde_json::Value::Object(o) => {
            let field = |k: &str| o.get(k).and_then(value_text);
            Copyright {
                statement: field("statement"),
                year: field("year").and_then(|y| y.parse().ok()),
                holder: field("holder"),
            }
        }
        other => Copyright::parse(&value_text(other)?),
    };
    (copyright != Copyright::default()).then_some(copyright)
}

impl Copyright {
    /// A notice such as `© 2024 Jane Doe. All rights reserved.`, with the year and holder it
    /// names.
    pub fn parse(notice: &str) -> Copyright {
        let notice = notice.trim();
        let mut rest = notice;
        for mark in ["copyright", "©", "(c)", ":"] {
            let lower = rest.to_lowercase();
            if lower.starts_with(mark) {
                rest = rest[mark.len()..].trim_start();
            }
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let year = (digits == 4).then(|| rest[..4].parse().ok()).flatten();
        if year.is_some() {
            rest = rest[4..].trim_start_matches([',', ' ']);
        }
        let holder = rest
            .split("All rights reserved")
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .trim();
        Copyright {
            statement: Some(notice.to_string()).filter(|s| !s.is_empty()),
            year,
            holder: Some(holder.to_string()).filter(|h| !h.is_empty() && rest != notice),
        }
    }
}

/// Funding from a statement, a funder's name, `{funder, award}` or a list of these.
fn value_funding(v: &serde_json::Value) -> Vec<Funding> {
    match v {
        serde_json::Value::Array(xs) => xs.iter().flat_map(value_funding).collect(),
        serde_json::Value::Object(o) => {
            let field = |k: &str| o.get(k).and_then(value_text);
            let funding = Funding {
                funder: field("funder").or_else(|| field("name")),
                award: field("award").or_else(|| field("award-id")),
                statement: field("statement"),
            };
            (funding != Funding::default())
                .then_some(funding)
                .into_iter()
                .collect()
        }
        other => value_text(other)
            .map(|statement| Funding {
                statement: Some(statement),
                ..Funding::default()
            })
            .into_iter()
            .collect(),
    }
}

fn value_list(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::Array(xs) => xs.iter().filter_map(value_text).collect(),
        other => value_text(other)
            .map(|s| {
                s.split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

impl Meta {
    /// Sets a field by the names pandoc's YAML metadata and common usage give it: `title`,
    /// `subtitle`, `author`/`authors` (a name, a list of names, or objects with `name`,
    /// `affiliation`, `email`, `url`), `date`/`published`, `modified`, `lang`/`language`,
    /// `publisher`/`site`, `abstract`/`description`, `keywords`/`tags`, `url`, `image`/`cover-image`,
    /// `rights`/`license`/`copyright`, `doi`, `isbn`, `identifier`. Other keys go to `extra`.
    ///
    /// ```
    /// use folio::model::Meta;
    /// let mut m = Meta::default();
    /// m.set("author", &serde_json::json!(["Ada Lovelace", "Charles Babbage"])).unwrap();
    /// m.set("date", &serde_json::json!("2019-09-18")).unwrap();
    /// assert_eq!(m.byline().unwrap(), "Ada Lovelace and Charles Babbage");
    /// assert_eq!(m.published.unwrap().to_string(), "2019-09-18");
    /// assert!(m.set("date", &serde_json::json!("yesterday")).is_err());
    /// ```
    pub fn set(&mut self, key: &str, value: &serde_json::Value) -> Result<(), MetaError> {
        let text = value_text(value);
        let date = |t: Option<String>| -> Result<Option<Date>, MetaError> {
            t.map(|t| {
                t.parse::<Date>()
                    .map_err(|e| MetaError(format!("{key}: {e}")))
            })
            .transpose()
        };
        match key.to_ascii_lowercase().as_str() {
            "title" => self.title = text,
            "subtitle" => self.subtitle = text,
            "author" | "authors" | "creator" => {
                self.authors = match value {
                    serde_json::Value::Array(xs) => xs.iter().filter_map(value_author).collect(),
                    other => value_author(other).into_iter().collect(),
                }
            }
            "date" | "published" => self.published = date(text)?,
            "modified" | "updated" | "date-modified" => self.modified = date(text)?,
            "lang" | "language" => {
                if let Some(t) = &text {
                    if !crate::model::is_language_tag(t) {
                        return Err(MetaError(format!(
                            "{key}: not a BCP 47 language tag: {t:?}"
                        )));
                    }
                }
                self.language = text
            }
            "publisher" | "site" | "site_name" | "sitename" => self.publisher = text,
            "abstract" | "description" | "summary" => self.description = text,
            "keywords" | "tags" | "subject" => self.keywords = value_list(value),
            "url" | "source" | "canonical" => self.url = text,
            "image" | "cover-image" | "lead-image" => self.image = text,
            "rights" => self.rights = text,
            "license" => self.license = value_license(value),
            "copyright" => self.copyright = value_copyright(value),
            "funding" => self.funding = value_funding(value),
            "references" => {
                self.references =
                    super::cite::references(value).map_err(|e| MetaError(format!("{key}: {e}")))?
            }
            "doi" | "isbn" | "uri" => {
                let scheme = match key {
                    "doi" => IdScheme::Doi,
                    "isbn" => IdScheme::Isbn,
                    _ => IdScheme::Uri,
                };
                self.identifiers.retain(|i| i.scheme != scheme);
                if let Some(value) = text {
                    self.identifiers.insert(0, Identifier { scheme, value });
                }
            }
            _ => {
                self.extra.insert(key.to_string(), value.clone());
            }
        }
        Ok(())
    }
}

/// Whether a string has the shape of a BCP 47 language tag (`en`, `pt-BR`, `zh-Hant-TW`).
/// POSIX locale names such as `C` or `en_US.UTF-8` are not.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

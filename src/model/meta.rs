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
    /// License or rights statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
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
}

impl Author {
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
            Some(Author {
                name: field("name")?,
                affiliation: field("affiliation").or_else(|| field("institute")),
                email: field("email"),
                url: field("url"),
            })
        }
        other => value_text(other).map(Author::named),
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
            "rights" | "license" | "copyright" => self.rights = text,
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

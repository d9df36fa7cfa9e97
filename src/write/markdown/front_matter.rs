//! YAML front matter from [`Meta`], with the keys the Markdown reader (and pandoc) read back.

use crate::model::{Author, IdScheme, Meta};
use yaml_serde::{Mapping, Value};

/// The front matter block (`---` ... `---`), or nothing for empty metadata.
pub fn front_matter(meta: &Meta, warnings: &mut Vec<String>) -> String {
    let map = mapping(meta, warnings);
    if map.is_empty() {
        return String::new();
    }
    // Serializing a mapping of strings, lists and JSON values cannot fail; an empty block
    // would only drop metadata, never corrupt the document.
    let yaml = yaml_serde::to_string(&Value::Mapping(map)).unwrap_or_default();
    format!("---\n{yaml}---\n")
}

fn mapping(meta: &Meta, warnings: &mut Vec<String>) -> Mapping {
    let mut map = Mapping::new();
    let mut put = |key: &str, value: Value| {
        map.insert(Value::from(key), value);
    };
    let text = |s: &Option<String>| s.as_ref().map(|s| Value::from(s.as_str()));
    let fields = [
        ("title", text(&meta.title)),
        ("subtitle", text(&meta.subtitle)),
        ("author", list(meta.authors.iter().map(author))),
        ("date", meta.published.map(|d| Value::from(d.to_string()))),
        (
            "modified",
            meta.modified.map(|d| Value::from(d.to_string())),
        ),
        ("publisher", text(&meta.publisher)),
        ("url", text(&meta.url)),
        ("lang", text(&meta.language)),
        ("abstract", text(&meta.description)),
        (
            "keywords",
            list(meta.keywords.iter().map(|k| Value::from(k.as_str()))),
        ),
        ("image", text(&meta.image)),
        ("rights", text(&meta.rights)),
        ("license", meta.license.as_ref().and_then(structured)),
        ("copyright", meta.copyright.as_ref().and_then(structured)),
        (
            "funding",
            (!meta.funding.is_empty())
                .then(|| structured(&meta.funding))
                .flatten(),
        ),
        (
            "references",
            (!meta.references.is_empty())
                .then(|| structured(&meta.references))
                .flatten(),
        ),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            put(key, value);
        }
    }
    // `Meta::set` puts each identifier first: write them last to first to read them back in
    // order.
    for id in meta.identifiers.iter().rev() {
        let key = match id.scheme {
            IdScheme::Doi => "doi",
            IdScheme::Isbn => "isbn",
            IdScheme::Uri => "uri",
        };
        if meta
            .identifiers
            .iter()
            .filter(|i| i.scheme == id.scheme)
            .count()
            > 1
        {
            warnings.push(format!("front matter keeps one {key} identifier"));
        }
        put(key, Value::from(id.value.as_str()));
    }
    for (key, value) in &meta.extra {
        let key = Value::from(key.as_str());
        if !map.contains_key(&key) {
            if let Ok(value) = yaml_serde::to_value(value) {
                map.insert(key, value);
            }
        }
    }
    map
}

/// A structured field in the shape the reader takes back (the model's own JSON form).
fn structured<T: serde::Serialize>(value: &T) -> Option<Value> {
    yaml_serde::to_value(value).ok()
}

fn list(values: impl Iterator<Item = Value>) -> Option<Value> {
    let values: Vec<Value> = values.collect();
    (!values.is_empty()).then_some(Value::Sequence(values))
}

/// An author as a name, or as a mapping when more than the name is known.
fn author(a: &Author) -> Value {
    let extra = [("email", &a.email), ("url", &a.url), ("orcid", &a.orcid)];
    let affiliations: Vec<&str> = a.all_affiliations().collect();
    if extra.iter().all(|(_, v)| v.is_none()) && affiliations.is_empty() && !a.corresponding {
        return Value::from(a.name.as_str());
    }
    let mut map = Mapping::new();
    map.insert("name".into(), a.name.as_str().into());
    match affiliations[..] {
        [] => {}
        [one] => {
            map.insert("affiliation".into(), one.into());
        }
        ref several => {
            map.insert("affiliation".into(), several.to_vec().into());
        }
    }
    for (key, value) in extra {
        if let Some(v) = value {
            map.insert(key.into(), v.as_str().into());
        }
    }
    if a.corresponding {
        map.insert("corresponding".into(), true.into());
    }
    Value::Mapping(map)
}

//! YAML front matter: a `---` line at the very top, YAML, then a `---` or `...` line.

use crate::error::{Error, Result};
use crate::format::Diagnostics;
use crate::model::Meta;

/// Splits the front matter from the body and applies its keys to a [`Meta`] with
/// [`Meta::set`]. Text without front matter gives an empty `Meta` and the whole text.
///
/// Invalid YAML is an error. A value `Meta::set` refuses (a date that is not ISO 8601, a
/// language that is not a BCP 47 tag) is kept under its own key in `Meta::extra`, with a
/// warning, so that nothing is lost.
pub fn split<'a>(text: &'a str, diag: &mut Diagnostics) -> Result<(Meta, &'a str)> {
    let Some((yaml, body)) = delimit(text) else {
        return Ok((Meta::default(), text));
    };
    let value: yaml_serde::Value = yaml_serde::from_str(yaml)
        .map_err(|e| Error::parse("Markdown", format!("YAML front matter: {e}")))?;
    let mapping = match value {
        yaml_serde::Value::Mapping(m) => m,
        yaml_serde::Value::Null => return Ok((Meta::default(), body)),
        // Not metadata: a thematic break followed by text, as CommonMark reads it.
        _ => return Ok((Meta::default(), text)),
    };
    let meta = meta_of(mapping, "front matter", diag)
        .map_err(|e| Error::parse("Markdown", format!("YAML front matter: {e}")))?;
    Ok((meta, body))
}

/// Metadata from a YAML or JSON file of keys and values (`--metadata-file`), read as front
/// matter is. Anything but a mapping (or an empty file) is an error.
pub fn metadata_file(text: &str, diag: &mut Diagnostics) -> Result<Meta> {
    let value: yaml_serde::Value =
        yaml_serde::from_str(text).map_err(|e| Error::parse("metadata", e))?;
    match value {
        yaml_serde::Value::Mapping(m) => {
            meta_of(m, "metadata file", diag).map_err(|e| Error::parse("metadata", e))
        }
        yaml_serde::Value::Null => Ok(Meta::default()),
        _ => Err(Error::parse("metadata", "expected keys and values")),
    }
}

/// Applies keys to a [`Meta`] with [`Meta::set`]; a value it refuses is kept in `extra`,
/// with a warning naming `source`.
fn meta_of(
    mapping: yaml_serde::Mapping,
    source: &str,
    diag: &mut Diagnostics,
) -> std::result::Result<Meta, String> {
    let mut meta = Meta::default();
    for (key, value) in mapping {
        let key = key_text(&key)?;
        let value = serde_json::to_value(&value).map_err(|e| format!("{key}: {e}"))?;
        if let Err(e) = meta.set(&key, &value) {
            diag.warn(format!("{source} {e}; kept as given"));
            meta.extra.insert(key, value);
        }
    }
    resolve_affiliations(&mut meta);
    Ok(meta)
}

/// Pandoc's affiliations by id: a top-level `affiliation` (or `institute`) list of
/// `{id, name}` that authors name by id. The ids become the names; the list leaves `extra`
/// when every entry was named by an author.
fn resolve_affiliations(meta: &mut Meta) {
    for key in ["affiliation", "institute"] {
        let Some(serde_json::Value::Array(entries)) = meta.extra.get(key) else {
            continue;
        };
        let mut named: Vec<(String, String, bool)> = entries
            .iter()
            .filter_map(|e| {
                let id = e.get("id")?.as_str()?.trim().to_string();
                let name = e.get("name")?.as_str()?.trim().to_string();
                Some((id, name, false))
            })
            .collect();
        if named.len() != entries.len() {
            continue;
        }
        for author in &mut meta.authors {
            let ids = author
                .affiliation
                .iter_mut()
                .chain(&mut author.affiliations);
            for affiliation in ids {
                if let Some(entry) = named.iter_mut().find(|(id, ..)| id == affiliation.trim()) {
                    affiliation.clone_from(&entry.1);
                    entry.2 = true;
                }
            }
        }
        if named.iter().all(|(.., used)| *used) {
            meta.extra.remove(key);
        }
    }
}

fn key_text(key: &yaml_serde::Value) -> std::result::Result<String, String> {
    match key {
        yaml_serde::Value::String(s) => Ok(s.clone()),
        yaml_serde::Value::Number(n) => Ok(n.to_string()),
        yaml_serde::Value::Bool(b) => Ok(b.to_string()),
        other => Err(format!("a key must be a string, not {other:?}")),
    }
}

/// The YAML text and the body after the closing line, when `text` opens with front matter.
/// Like pandoc, the line after the opening `---` must not be blank.
fn delimit(text: &str) -> Option<(&str, &str)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let first_line = rest.lines().next().unwrap_or("");
    if first_line.trim().is_empty() {
        return None;
    }
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, IdScheme};

    fn meta(text: &str) -> Meta {
        let mut diag = Diagnostics::default();
        let (meta, _) = split(text, &mut diag).unwrap();
        assert!(diag.warnings.is_empty(), "{:?}", diag.warnings);
        meta
    }

    #[test]
    fn splits_front_matter_from_body() {
        let mut diag = Diagnostics::default();
        let (m, body) = split("---\ntitle: Hi\n...\n\n# Body\n", &mut diag).unwrap();
        assert_eq!(m.title.as_deref(), Some("Hi"));
        assert_eq!(body, "\n# Body\n");
        let (m, body) = split("---\r\ntitle: Hi\r\n---\r\nText", &mut diag).unwrap();
        assert_eq!(m.title.as_deref(), Some("Hi"));
        assert_eq!(body, "Text");
    }

    #[test]
    fn text_without_front_matter_is_untouched() {
        for text in [
            "# Title\n",
            "---\n\ntitle: no, a blank line follows the rule\n---\n",
            "---\nnever closed: x\n",
            "---\nJust a sentence under a rule.\n---\n",
            " ---\ntitle: x\n---\n",
        ] {
            let mut diag = Diagnostics::default();
            let (m, body) = split(text, &mut diag).unwrap();
            assert_eq!(m, Meta::default(), "{text:?}");
            assert_eq!(body, text);
        }
    }

    #[test]
    fn invalid_yaml_is_an_error_naming_the_problem() {
        let mut diag = Diagnostics::default();
        let err = split("---\ntitle: [unclosed\n---\n", &mut diag).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("invalid Markdown: YAML front matter: "),
            "{msg}"
        );
        assert!(msg.contains("line"), "{msg}");
        assert!(split("---\n? [a, b]\n: c\n---\n", &mut diag).is_err());
    }

    #[test]
    fn title_subtitle_publisher_url_image_rights() {
        let m = meta(
            "---\ntitle: A Title\nsubtitle: Sub\npublisher: The Site\nurl: https://e.org/a\n\
             image: lead.png\nrights: All rights reserved\nlicense: CC BY 4.0\n---\n",
        );
        assert_eq!(m.title.as_deref(), Some("A Title"));
        assert_eq!(m.subtitle.as_deref(), Some("Sub"));
        assert_eq!(m.publisher.as_deref(), Some("The Site"));
        assert_eq!(m.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(m.image.as_deref(), Some("lead.png"));
        assert_eq!(m.rights.as_deref(), Some("All rights reserved"));
        assert_eq!(m.license.unwrap().text.as_deref(), Some("CC BY 4.0"));
    }

    #[test]
    fn author_as_string_list_or_objects() {
        assert_eq!(
            meta("---\nauthor: Ada Lovelace\n---\n").authors,
            [Author::named("Ada Lovelace")]
        );
        assert_eq!(
            meta("---\nauthor: [Ada, Charles]\n---\n").authors,
            [Author::named("Ada"), Author::named("Charles")]
        );
        let m = meta(
            "---\nauthor:\n  - name: Ada\n    affiliation: Analytical Society\n    email: ada@example.org\n    url: https://ada.example\n---\n",
        );
        assert_eq!(
            m.authors,
            [Author {
                name: "Ada".into(),
                affiliation: Some("Analytical Society".into()),
                email: Some("ada@example.org".into()),
                url: Some("https://ada.example".into()),
                ..Author::default()
            }]
        );
    }

    #[test]
    fn pandoc_affiliations_orcid_license_copyright_funding() {
        let m = meta(
            "---
author:
  - name: Ada
    affiliation: [lab, uni]
    orcid: 0000-0002-1825-0097
    corresponding: true
  - name: Bob
    affiliation: uni
affiliation:
  - id: lab
    name: Difference Lab
  - id: uni
    name: University of London
license:
  link: https://creativecommons.org/licenses/by/4.0/
  text: CC BY 4.0
copyright: © 2024 Ada Lovelace. All rights reserved.
funding:
  - funder: Royal Society
    award: RS-1
  - Thanks to the engine fund.
---
",
        );
        let ada = &m.authors[0];
        assert_eq!(ada.affiliation.as_deref(), Some("Difference Lab"));
        assert_eq!(ada.affiliations, ["University of London"]);
        assert_eq!(ada.orcid.as_deref(), Some("0000-0002-1825-0097"));
        assert!(ada.corresponding);
        assert_eq!(
            m.authors[1].affiliation.as_deref(),
            Some("University of London")
        );
        assert!(!m.authors[1].corresponding);
        assert!(!m.extra.contains_key("affiliation"), "{:?}", m.extra);
        let license = m.license.unwrap();
        assert_eq!(
            license.url.as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        assert_eq!(license.text.as_deref(), Some("CC BY 4.0"));
        let copyright = m.copyright.unwrap();
        assert_eq!(copyright.year, Some(2024));
        assert_eq!(copyright.holder.as_deref(), Some("Ada Lovelace"));
        assert_eq!(m.funding.len(), 2);
        assert_eq!(m.funding[0].funder.as_deref(), Some("Royal Society"));
        assert_eq!(m.funding[0].award.as_deref(), Some("RS-1"));
        assert_eq!(
            m.funding[1].statement.as_deref(),
            Some("Thanks to the engine fund.")
        );
    }

    #[test]
    fn an_affiliation_list_that_authors_do_not_all_name_stays() {
        let m = meta(
            "---
author:
  - name: Ada
    affiliation: a
affiliation:
  - id: a
    name: A Lab
  - id: b
    name: B Lab
---
",
        );
        assert_eq!(m.authors[0].affiliation.as_deref(), Some("A Lab"));
        assert!(m.extra.contains_key("affiliation"));
    }

    #[test]
    fn dates_language_abstract_keywords() {
        let m = meta(
            "---\ndate: 2019-09-18\nmodified: '2020-01'\nlang: pt-BR\nabstract: |\n  Two\n  lines.\nkeywords: [a, b c]\n---\n",
        );
        assert_eq!(m.published.unwrap().to_string(), "2019-09-18");
        assert_eq!(m.modified.unwrap().to_string(), "2020-01");
        assert_eq!(m.language.as_deref(), Some("pt-BR"));
        assert_eq!(m.description.as_deref(), Some("Two\nlines."));
        assert_eq!(m.keywords, ["a", "b c"]);
        assert_eq!(
            meta("---\ndate: 2019\n---\n")
                .published
                .unwrap()
                .to_string(),
            "2019"
        );
        assert_eq!(meta("---\nkeywords: x, y\n---\n").keywords, ["x", "y"]);
    }

    #[test]
    fn identifiers_and_extra_keys() {
        let m = meta(
            "---\ndoi: 10.1000/xyz\nisbn: 978-3-16-148410-0\nseries: {name: S, number: 2}\n---\n",
        );
        assert_eq!(m.identifier(IdScheme::Doi), Some("10.1000/xyz"));
        assert_eq!(m.identifier(IdScheme::Isbn), Some("978-3-16-148410-0"));
        assert_eq!(
            m.extra["series"],
            serde_json::json!({"name": "S", "number": 2})
        );
    }

    #[test]
    fn metadata_files_are_yaml_or_json() {
        let mut diag = Diagnostics::default();
        let m = metadata_file("title: T\nauthor: [A, B]\n", &mut diag).unwrap();
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.authors.len(), 2);
        let m = metadata_file("{\"title\": \"J\", \"keywords\": [\"x\"]}", &mut diag).unwrap();
        assert_eq!(
            (m.title.as_deref(), m.keywords.as_slice()),
            (Some("J"), &["x".to_string()][..])
        );
        assert_eq!(metadata_file("", &mut diag).unwrap(), Meta::default());
        let e = metadata_file("- a list\n", &mut diag)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "invalid metadata: expected keys and values");
        assert!(metadata_file("title: [x\n", &mut diag).is_err());
        assert!(diag.warnings.is_empty());
    }

    #[test]
    fn refused_values_are_kept_with_a_warning() {
        let mut diag = Diagnostics::default();
        let (m, _) = split("---\ndate: March 3, 2020\n---\n", &mut diag).unwrap();
        assert_eq!(m.published, None);
        assert_eq!(m.extra["date"], "March 3, 2020");
        assert_eq!(diag.warnings.len(), 1);
        assert!(diag.warnings[0].contains("date"), "{:?}", diag.warnings);
    }
}

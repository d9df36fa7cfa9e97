//! JATS XML: the Journal Archiving and Interchange tag set 1.3 with MathML 3, or the Journal
//! Publishing tag set 1.3.
//!
//! The output always validates against the DTD of its tag set and meets the errors phase of
//! the JATS4R schematrons: front matter from [`Meta`], the body with headings as nested
//! sections, references and footnotes in the back. See `body` for how blocks that JATS does
//! not allow where the model has them are placed.
//!
//! `article-type` is the `article-type` metadata value when there is one, else `other`: folio
//! cannot know whether a web page is research, news or opinion. `xml:lang` is the article's
//! language, else the one detected from its text, else `en`.

mod body;
mod front;
mod names;
mod refs;
mod text;
mod xml;

use crate::error::Result;
use crate::format::{Diagnostics, WriteOptions, Writer};
use crate::model::{is_language_tag, Article, Meta};
use body::BodyWriter;
use std::io::{BufWriter, Write};
use xml::Xml;

/// The JATS tag set written: Archiving (the default, the most permissive) or Publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagSet {
    /// JATS Archiving and Interchange: what folio writes by default.
    Archiving,
    /// JATS Journal Publishing: stricter, for journals.
    Publishing,
}

impl TagSet {
    fn doctype(self) -> &'static str {
        match self {
            TagSet::Archiving => "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN\" \"JATS-archivearticle1-3-mathml3.dtd\">\n",
            TagSet::Publishing => "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.3 20210610//EN\" \"JATS-journalpublishing1-3-mathml3.dtd\">\n",
        }
    }
}

/// Writes JATS Archiving and Interchange 1.3 XML.
pub struct JatsWriter;

/// Writes JATS Journal Publishing 1.3 XML.
pub struct JatsPublishingWriter;

impl Writer for JatsWriter {
    fn name(&self) -> &str {
        "jats"
    }
    fn extensions(&self) -> &[&str] {
        &["jats", "xml"]
    }
    fn description(&self) -> &str {
        "JATS XML (Archiving and Interchange 1.3, MathML 3)"
    }
    fn write(
        &self,
        article: &Article,
        _: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        write_jats(article, TagSet::Archiving, diag, out)
    }
}

impl Writer for JatsPublishingWriter {
    fn name(&self) -> &str {
        "jats-publishing"
    }
    fn extensions(&self) -> &[&str] {
        &[]
    }
    fn description(&self) -> &str {
        "JATS XML (Journal Publishing 1.3, MathML 3)"
    }
    fn write(
        &self,
        article: &Article,
        _: &WriteOptions,
        diag: &mut Diagnostics,
        out: &mut dyn Write,
    ) -> Result<()> {
        write_jats(article, TagSet::Publishing, diag, out)
    }
}

fn write_jats(
    article: &Article,
    tag_set: TagSet,
    diag: &mut Diagnostics,
    out: &mut dyn Write,
) -> Result<()> {
    let article = &*crate::safety::cleaned(article, diag);
    let mut x = Xml::new(BufWriter::with_capacity(1 << 16, out));
    x.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")?;
    x.raw(tag_set.doctype())?;
    let language = language(article);
    x.start(
        "article",
        &[
            ("xmlns:ali", "http://www.niso.org/schemas/ali/1.0/"),
            ("xmlns:mml", "http://www.w3.org/1998/Math/MathML"),
            ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
            ("article-type", &article_type(&article.meta)),
            ("dtd-version", "1.3"),
            ("xml:lang", &language),
        ],
    )?;
    x.newline()?;
    front::write_front(&mut x, &article.meta, tag_set)?;
    let mut body = BodyWriter::new(x, tag_set, crate::model::cited(article));
    body.write_body(&article.blocks)?;
    body.write_back()?;
    if body.flattened {
        diag.warn(crate::write::html::flattened_warning(
            "JATS",
            body::MAX_DEPTH,
        ));
    }
    body.x.end_line("article")?;
    body.x.into_inner().flush()?;
    Ok(())
}

fn article_type(meta: &Meta) -> String {
    meta.extra
        .get("article-type")
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("other")
        .to_string()
}

/// The declared language when it is a language tag, else the detected one, else English.
fn language(article: &Article) -> String {
    if let Some(lang) = article
        .meta
        .language
        .as_deref()
        .filter(|l| is_language_tag(l))
    {
        return lang.to_string();
    }
    crate::lang::detect_language(&text_sample(article))
        .unwrap_or("en")
        .to_string()
}

/// Title and the first blocks, enough to tell the language.
fn text_sample(article: &Article) -> String {
    const ENOUGH: usize = 4000;
    let mut sample = article.meta.title.clone().unwrap_or_default();
    for block in &article.blocks {
        if sample.len() >= ENOUGH {
            break;
        }
        sample.push('\n');
        sample.push_str(&text::blocks_text(std::slice::from_ref(block)));
    }
    sample
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, ListItem};

    #[test]
    fn language_sample_reaches_into_lists() {
        let item = |s: &str| ListItem {
            task: None,
            blocks: vec![Block::para(s)],
        };
        let article = Article::new(
            "Liste",
            vec![Block::List {
                start: None,
                tight: true,
                items: vec![
                    item("Der Hund und die Katze sind nicht im Haus, sondern auf dem Dach."),
                    item("Es ist auch nicht klar, wie sie dort hinauf gekommen sind."),
                ],
            }],
        );
        assert_eq!(language(&article), "de");
    }

    #[test]
    fn english_when_nothing_tells() {
        assert_eq!(language(&Article::default()), "en");
    }
}

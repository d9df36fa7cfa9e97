//! The plain-text reader: text typed as a document or copied from a web page.
//!
//! The text is decoded ([`decode`]), cut into units (`segment`), the units that are not the
//! article are dropped (`clean`, unless `--no-extract`), the head gives the metadata
//! (`meta`, or `mail` headers) and the rest becomes blocks (`structure`).

mod clean;
mod dates;
pub(crate) mod decode;
mod inline;
mod mail;
mod meta;
mod segment;
mod structure;

use crate::error::Result;
use crate::format::{Diagnostics, Input, ReadOptions, Reader};
use crate::model::{Article, Block};

pub use dates::find_date;
pub use decode::decode;

/// How many kept units back a repeat is looked for.
const REPEAT_WINDOW: usize = 3;

/// Reads plain text.
pub struct TextReader;

impl Reader for TextReader {
    fn name(&self) -> &str {
        "text"
    }
    fn extensions(&self) -> &[&str] {
        &["txt", "text"]
    }
    fn description(&self) -> &str {
        "plain text, also copied from a web page: structure, metadata and article inferred"
    }
    fn read(
        &self,
        input: Input<'_>,
        options: &ReadOptions,
        diag: &mut Diagnostics,
    ) -> Result<Article> {
        let (text, replaced) = decode::decode_bytes(input.bytes);
        if replaced {
            diag.warn(decode::REPLACED_WARNING);
        }
        let (article, flattened) =
            read_text_flattening(&decode::normalize_line_endings(&text), options.extract);
        if flattened {
            diag.warn(format!(
                "text nested deeper than {} levels (quotes, lists) was flattened",
                structure::MAX_DEPTH
            ));
        }
        Ok(article)
    }
}

/// The article of a text; with `extract`, only the units that belong to it.
pub fn read_text(text: &str, extract: bool) -> Article {
    read_text_flattening(text, extract).0
}

/// The article of a text, and whether quotes or lists nested too deep were flattened.
fn read_text_flattening(text: &str, extract: bool) -> (Article, bool) {
    let units = segment::segment(text);
    let mask = clean::article_mask(&units);
    let article_units = mask.judged;
    let main = clean::main_stretch(&units, &article_units).map_or(0, |s| s.0);
    let body = (main..units.len())
        .find(|&i| article_units[i] && clean::weighted_len(&units[i].text) >= 70)
        .unwrap_or(units.len());
    let found =
        mail::headers(text, &units).unwrap_or_else(|| meta::infer(&units, &article_units, body));
    let mut keep = if extract {
        mask.body
    } else {
        vec![true; units.len()]
    };
    for &i in &found.used {
        keep[i] = false;
    }
    if extract {
        drop_repeats(&units, &mut keep);
    }
    let kept: Vec<segment::Unit> = units
        .into_iter()
        .zip(keep)
        .filter_map(|(u, k)| k.then_some(u))
        .collect();
    let (blocks, flattened) = structure::build(&kept);
    let mut meta = found.meta;
    meta.language = crate::lang::detect_language(&body_text(&blocks)).map(str::to_string);
    let article = Article {
        meta,
        blocks,
        origin: None,
    };
    (article, flattened)
}

/// Keeps the first of captions and short units repeated next to each other (a caption
/// printed twice, a heading repeated by a share widget). Long paragraphs are left alone:
/// a text may well say the same thing twice.
fn drop_repeats(units: &[segment::Unit], keep: &mut [bool]) {
    let key = |u: &segment::Unit| {
        u.text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut recent: Vec<String> = Vec::new();
    for (unit, k) in units.iter().zip(keep.iter_mut()) {
        if !*k {
            continue;
        }
        let key = key(unit);
        let repeatable = structure::is_caption(&unit.text) || key.chars().count() < 200;
        if repeatable && key.chars().count() >= 20 && recent.contains(&key) {
            *k = false;
            continue;
        }
        recent.push(key);
        if recent.len() > REPEAT_WINDOW {
            recent.remove(0);
        }
    }
}

fn body_text(blocks: &[Block]) -> String {
    crate::model::words_joined(blocks)
}

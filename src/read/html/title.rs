//! The article's visible headline: the `h1` that the page's title names (the title being
//! that headline with the site's name joined by a separator), else the title without the
//! site's name when the page has no `h1` at all.

use super::dom::{collapse_ws, Data, Dom, NodeId};

/// Separators between a headline and a site's name in a page title.
const SEPARATORS: &[&str] = &["|", "-", "–", "—", "/", "»", "·", "•", "::"];
/// Separators between labels of equal rank (`Product | Category | Shop`), unlike a dash
/// or a colon, which also join a headline to its subtitle.
const LABEL_SEPARATORS: &[&str] = &[" | ", " · ", " • ", " » ", " :: "];
/// Headings longer than this are paragraphs marked up as headings.
const MAX_HEADLINE: usize = 300;

/// Text compared loosely: case, curly quotes, dash kinds and spacing do not matter.
fn loose(s: &str) -> String {
    collapse_ws(s)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// An element's text with a space for each line break and around blocks, which the page
/// shows apart even when its markup runs them together (`News<br>Product`).
pub fn spaced_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    for d in dom.descendants(id) {
        match &dom.nodes[d].data {
            Data::Text(t) => out.push_str(t),
            _ if matches!(dom.tag(d), Some("br" | "div" | "p" | "li")) => out.push(' '),
            _ => {}
        }
    }
    collapse_ws(&out)
}

/// The `h1` elements of the page with their text, in document order.
pub fn h1s(dom: &Dom) -> Vec<(NodeId, String)> {
    dom.all()
        .filter(|&id| dom.is(id, "h1"))
        .map(|id| (id, spaced_text(dom, id)))
        .filter(|(_, t)| !t.is_empty() && t.chars().count() <= MAX_HEADLINE)
        .collect()
}

/// Whether `title` is `headline`, or `headline` with a shorter part (the site's name)
/// before or after it across a separator.
pub fn names_headline(title: &str, headline: &str) -> bool {
    let (t, h) = (loose(title), loose(headline));
    if t == h {
        return true;
    }
    // The headline may be any label of the title, whatever the others' length; a single
    // word only as the first (a later one is the site's name: "Post title · V8").
    let one_word = h.split_whitespace().count() < 2;
    let labelled = LABEL_SEPARATORS.iter().any(|sep| {
        let mut labels = t.split(sep).map(str::trim);
        let first = labels.next() == Some(h.as_str());
        t.contains(sep) && (first || (!one_word && labels.any(|l| l == h)))
    });
    if labelled {
        return true;
    }
    if one_word {
        return false;
    }
    // The headline and more of it: "Average cost of college [2025]: tuition + fees".
    let words = h.split_whitespace().count();
    let subtitled = words >= 3
        && h.len() * 2 >= t.len()
        && t.strip_prefix(&h)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()));
    subtitled
        || SEPARATORS.iter().any(|sep| {
            let after = t
                .strip_prefix(&h)
                .and_then(|rest| rest.strip_prefix(&format!(" {sep} ")));
            let before = t
                .strip_suffix(&h)
                .and_then(|rest| rest.strip_suffix(&format!(" {sep} ")));
            // A headline first is the page's whatever follows it ("Managing dependencies -
            // The Go Programming Language"); one after a longer part is that part's subtitle.
            after.is_some_and(|site| !site.trim().is_empty())
                || before.is_some_and(|site| !site.trim().is_empty() && site.len() < h.len())
        })
}

/// The headline element and its text: the first `h1` that `title` names.
pub fn headline(h1s: &[(NodeId, String)], title: &str) -> Option<(NodeId, String)> {
    h1s.iter().find(|(_, h)| names_headline(title, h)).cloned()
}

/// A title without its site's name, for pages with no headline element: `Head | Site`
/// gives `Head` when the head has two words or more and is the longer part.
pub fn without_site_suffix(title: &str) -> String {
    let cut = SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(&format!(" {sep} ")).map(|i| (i, sep.len() + 2)))
        .max_by_key(|&(i, _)| i);
    match cut {
        Some((i, len)) => {
            let (head, site) = (title[..i].trim(), title[i + len..].trim());
            if head.split_whitespace().count() >= 2 && site.len() < head.len() {
                head.to_string()
            } else {
                title.to_string()
            }
        }
        None => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_names_its_headline() {
        assert!(names_headline(
            "What is Cloud Computing? | Cloud Site",
            "What is Cloud Computing?"
        ));
        assert!(names_headline(
            "Big Site — Why tests matter",
            "Why tests  matter"
        ));
        assert!(names_headline("Don’t panic", "Don't Panic"));
        // One word: the first label of a title only, not its site's name after it.
        assert!(names_headline("News | Some Long Site Name", "News"));
        assert!(!names_headline(
            "Standalone binaries with a compiler · V8",
            "V8"
        ));
        assert!(!names_headline("News of the day", "News"));
        // A "site" longer than the headline: not a headline and its site.
        assert!(!names_headline(
            "Evolve: a long subtitle here - short name",
            "short name"
        ));
        assert!(!names_headline("Tips for tests", "Tips for"));
        // Any label between bars, whatever the length of the others; not a dash's head,
        // which may have a subtitle after it.
        assert!(names_headline(
            "Fiercely Strong Coffee Company | Dark Roast Coffee",
            "Dark Roast Coffee"
        ));
        assert!(names_headline(
            "Affordable Movers | Economical Low-Cost Moving Company in NJ | Site",
            "Affordable Movers"
        ));
        // A headline first, then a separator: whatever follows is not the headline, even
        // when longer; a single word stays too ambiguous ("Mozilla - Wikipedia").
        assert!(names_headline(
            "Managing dependencies - The Go Programming Language",
            "Managing dependencies"
        ));
        assert!(!names_headline("Mozilla - Wikipedia", "Mozilla"));
        assert!(names_headline(
            "Average cost of college [2025]: tuition + fees",
            "Average cost of college"
        ));
        assert!(names_headline(
            "Best cover for seniors in 2025",
            "Best cover for seniors"
        ));
        assert!(!names_headline(
            "Average cost of colleges",
            "Average cost of college"
        ));
        assert!(!names_headline(
            "Cost of college: a long subtitle that says much more",
            "Cost of college"
        ));
    }

    #[test]
    fn headline_is_the_first_named_h1() {
        let dom = Dom::parse(
            "<h1>Site Name</h1><article><h1>Ten tips for tests</h1></article><h1>Ten tips for tests</h1>",
        );
        let hs = h1s(&dom);
        let (id, text) = headline(&hs, "Ten tips for tests - Site Name").unwrap();
        assert_eq!(text, "Ten tips for tests");
        assert_eq!(id, hs[1].0);
        assert_eq!(headline(&hs, "Unrelated page title"), None);
    }

    #[test]
    fn line_breaks_in_headings_are_spaces() {
        let dom = Dom::parse("<h1>News<br>Product <span>Guide</span><div>Two</div></h1>");
        assert_eq!(
            spaced_text(&dom, dom.find("h1").unwrap()),
            "News Product Guide Two"
        );
    }

    #[test]
    fn site_suffix_goes() {
        assert_eq!(
            without_site_suffix("Healthy eating plate | The Source"),
            "Healthy eating plate"
        );
        assert_eq!(
            without_site_suffix("A - B - Best tips ever - Site"),
            "A - B - Best tips ever"
        );
        assert_eq!(without_site_suffix("Shop | Cups"), "Shop | Cups");
        assert_eq!(
            without_site_suffix("Tips | A much longer site name"),
            "Tips | A much longer site name"
        );
    }
}

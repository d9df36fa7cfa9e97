//! Copies of a part of the page within the selection: the variants of a section that a
//! page's style sheet shows one at a time (one per screen size), a `<noscript>` copy of
//! what the script renders, the cloned slides of a carousel. A reader sees one of them.

use super::dom::{Data, Dom, NodeId};
use std::collections::HashMap;

/// Parts shorter than this (characters other than whitespace) may repeat on purpose: a
/// refrain, a label, an author line in each entry, a definition reused in a reference.
const MIN_COPY_CHARS: usize = 300;

/// Leaves out every element of the selection whose text, whitespace aside, is the text of
/// an element before it that does not hold it: a whole section, or a block that stands
/// elsewhere than beside its first (a paragraph repeated beside itself is written so).
pub fn drop_copies(dom: &Dom, roots: &[NodeId], skip: &mut [bool]) {
    let (prints, code) = fingerprints(dom, skip, roots);
    let mut seen: HashMap<(u64, usize), NodeId> = HashMap::new();
    // A section: two children or more that hold text.
    let section = |id: NodeId| {
        dom.children(id)
            .iter()
            .filter(|&&c| dom.tag(c).is_some() && prints[c].1 > 0)
            .nth(1)
            .is_some()
    };
    for &root in roots {
        let mut id = root;
        while id < dom.subtree_end(root) {
            if skip[id] {
                id = dom.subtree_end(id);
                continue;
            }
            let print = prints[id];
            if print.1 >= MIN_COPY_CHARS && dom.tag(id).is_some() && !code[id] {
                match seen.get(&print) {
                    Some(&first)
                        if dom.subtree_end(first) <= id
                            && (dom.parent(first) != dom.parent(id) || section(id))
                            && shown_text(dom, skip, first) == shown_text(dom, skip, id) =>
                    {
                        skip[id] = true;
                        id = dom.subtree_end(id);
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(print, id);
                    }
                }
            }
            id += 1;
        }
    }
}

/// A large prime: hashes are polynomials in [`BASE`] modulo it.
const MODULUS: u64 = (1 << 61) - 1;
const BASE: u64 = 1_000_003;

fn mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let r = ((p & u128::from(MODULUS)) + (p >> 61)) as u64;
    if r >= MODULUS {
        r - MODULUS
    } else {
        r
    }
}

fn add(a: u64, b: u64) -> u64 {
    let s = a + b;
    if s >= MODULUS {
        s - MODULUS
    } else {
        s
    }
}

fn power(mut base: u64, mut exp: usize) -> u64 {
    let mut out = 1;
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul(out, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    out
}

/// For every node under `roots`, a hash of its text without whitespace and that text's
/// length in characters, skipped nodes left out, and whether it holds code (code samples
/// repeat on purpose: the same call at each step of a tutorial). Computed once, children
/// before parents, so that the selection costs one pass however deep it nests; the rest of
/// the page is not looked at.
fn fingerprints(dom: &Dom, skip: &[bool], roots: &[NodeId]) -> (Vec<(u64, usize)>, Vec<bool>) {
    let mut prints = vec![(0, 0); dom.nodes.len()];
    // BASE to the power of each print's length: what a parent shifts its hash by.
    let mut shifts = vec![1; dom.nodes.len()];
    let mut code = vec![false; dom.nodes.len()];
    for id in roots.iter().flat_map(|&r| (r..dom.subtree_end(r)).rev()) {
        if skip[id] {
            continue;
        }
        let (mut hash, mut len, mut shift) = (0, 0, 1);
        if let Data::Text(t) = &dom.nodes[id].data {
            (hash, len) = if t.is_ascii() {
                ascii_print(t.as_bytes())
            } else {
                t.chars()
                    .filter(|c| !c.is_whitespace())
                    .fold((0, 0), |(h, n), c| {
                        (add(mul(h, BASE), u64::from(c) + 1), n + 1)
                    })
            };
            shift = power(BASE, len);
        } else {
            code[id] = matches!(dom.tag(id), Some("pre" | "code"));
            for &child in dom.children(id) {
                let (h, n) = prints[child];
                if n > 0 {
                    hash = add(mul(hash, shifts[child]), h);
                    shift = mul(shift, shifts[child]);
                    len += n;
                }
                code[id] |= code[child];
            }
        }
        prints[id] = (hash, len);
        shifts[id] = shift;
    }
    (prints, code)
}

/// The hash and length of ASCII text without whitespace, as [`fingerprints`] makes them
/// character by character, taken three bytes at a time: three bytes in base [`BASE`] stay
/// below the modulus, so one reduction serves them all (text is most of the work).
fn ascii_print(text: &[u8]) -> (u64, usize) {
    const SHIFTS: [u64; 4] = [1, BASE, BASE * BASE, BASE * BASE * BASE];
    let (mut hash, mut len, mut chunk, mut n) = (0, 0, 0, 0);
    for &b in text.iter().filter(|&&b| !matches!(b, b'\t'..=b'\r' | b' ')) {
        chunk = chunk * BASE + u64::from(b) + 1;
        n += 1;
        if n == 3 {
            hash = add(mul(hash, SHIFTS[3]), chunk);
            (len, chunk, n) = (len + 3, 0, 0);
        }
    }
    if n > 0 {
        hash = add(mul(hash, SHIFTS[n]), chunk);
    }
    (hash, len + n)
}

/// The text of a subtree without whitespace, skipped nodes left out: to confirm a match of
/// hashes.
fn shown_text(dom: &Dom, skip: &[bool], id: NodeId) -> String {
    let mut out = String::new();
    let mut d = id;
    while d < dom.subtree_end(id) {
        if skip[d] {
            d = dom.subtree_end(d);
            continue;
        }
        if let Data::Text(t) = &dom.nodes[d].data {
            out.extend(t.chars().filter(|c| !c.is_whitespace()));
        }
        d += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str =
        "A paragraph long enough to be more than a label or a line, written once by its \
        author and shown twice by the page it stands on, once for wide screens and once for \
        narrow ones, each hidden by the style sheet when the other is shown, so that a reader \
        of the page sees it once and a reader of its text should too, whatever the size of the \
        screen the page was saved from, and on whatever device it is read later.";

    fn kept_text(html: &str) -> String {
        let dom = Dom::parse(html);
        let mut skip = vec![false; dom.nodes.len()];
        let body = dom.find("body").unwrap();
        drop_copies(&dom, &[body], &mut skip);
        shown_text(&dom, &skip, body)
    }

    #[test]
    fn a_second_copy_of_a_section_is_left_out() {
        let text = kept_text(&format!(
            "<div class=desktop><h2>Costs</h2><p>{PARA}</p></div>\
             <div class=mobile><h2>Costs</h2>\n  <p>{PARA}</p></div><p>End.</p>"
        ));
        assert_eq!(text.matches("paragraph").count(), 1, "{text}");
        assert!(text.ends_with("End."));
    }

    #[test]
    fn a_block_copied_elsewhere_is_left_out_one_repeated_beside_itself_is_not() {
        let text = kept_text(&format!(
            "<div><p>{PARA}</p></div><blockquote><p>{PARA}</p></blockquote>"
        ));
        assert_eq!(text.matches("paragraph").count(), 1, "{text}");
        let text = kept_text(&format!("<p>{PARA}</p><p>{PARA}</p>"));
        assert_eq!(text.matches("paragraph").count(), 2, "{text}");
    }

    #[test]
    fn a_wrapper_is_no_copy_of_what_it_holds() {
        let text = kept_text(&format!("<div><div><p>{PARA}</p></div></div>"));
        assert_eq!(text.matches("paragraph").count(), 1, "{text}");
    }

    #[test]
    fn short_parts_code_and_different_texts_stay() {
        let entry = "<div><p>Read more about this.</p><p>Two.</p></div>";
        let sample = format!("<div><p>Run:</p><pre>{PARA}</pre></div>");
        let text = kept_text(&format!(
            "{entry}{entry}{sample}{sample}<p>{PARA}</p><div><p>{PARA} More.</p></div>"
        ));
        assert_eq!(text.matches("Readmore").count(), 2, "{text}");
        assert_eq!(text.matches("paragraph").count(), 4, "{text}");
    }

    #[test]
    fn ascii_text_hashes_as_any_text() {
        // The same characters after a non-ASCII one go through the character-wise path.
        let dom = Dom::parse("<p>ab c\td e</p><p>é</p><p>éab c\td e</p>");
        let skip = vec![false; dom.nodes.len()];
        let (prints, _) = fingerprints(&dom, &skip, &[0]);
        let ps: Vec<NodeId> = dom.all().filter(|&id| dom.is(id, "p")).collect();
        let (ascii, e, both) = (prints[ps[0]], prints[ps[1]], prints[ps[2]]);
        assert_eq!(both.1, e.1 + ascii.1);
        assert_eq!(both.0, add(mul(e.0, power(BASE, ascii.1)), ascii.0));
    }

    #[test]
    fn ascii_prints_by_three_bytes_are_prints_by_the_character() {
        let one_by_one = |t: &str| {
            t.chars()
                .filter(|c| !c.is_whitespace())
                .fold((0, 0), |(h, n), c| {
                    (add(mul(h, BASE), u64::from(c) + 1), n + 1)
                })
        };
        for t in [
            "",
            " ",
            "a",
            "ab",
            "abc",
            "a b\tcd",
            "~~~~~~~",
            " \x7f\x7f \x7f\n\x7fxy",
        ] {
            assert_eq!(ascii_print(t.as_bytes()), one_by_one(t), "{t:?}");
        }
    }

    #[test]
    fn only_the_selection_is_fingerprinted() {
        let dom = Dom::parse(&format!("<div><p>{PARA}</p></div><p>{PARA}</p>"));
        let skip = vec![false; dom.nodes.len()];
        let ps: Vec<NodeId> = dom.all().filter(|&id| dom.is(id, "p")).collect();
        let div = dom.find("div").unwrap();
        let (prints, _) = fingerprints(&dom, &skip, &[div]);
        assert!(prints[ps[0]].1 > 0 && prints[div] == prints[ps[0]]);
        assert_eq!(prints[ps[1]], (0, 0));
    }

    #[test]
    fn hashes_agree_with_texts() {
        let dom = Dom::parse(&format!(
            "<p>ab<b>c</b>d</p><p>a<i>bc</i> d</p><p>abdc</p><p>{PARA}</p>"
        ));
        let skip = vec![false; dom.nodes.len()];
        let (prints, _) = fingerprints(&dom, &skip, &[0]);
        let ps: Vec<NodeId> = dom.all().filter(|&id| dom.is(id, "p")).collect();
        assert_eq!(prints[ps[0]], prints[ps[1]]);
        assert_ne!(prints[ps[0]], prints[ps[2]]);
        assert_eq!(
            prints[ps[3]].1,
            PARA.chars().filter(|c| !c.is_whitespace()).count()
        );
    }
}

//! A compact, index-addressed copy of the parsed document: the passes of extraction keep
//! per-node numbers in plain vectors indexed like `Dom::nodes`.

use super::depth::{self, TreeView};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Nesting deeper than this is flattened into the ancestor at this depth, so that every
/// recursive pass over the tree stays within a bounded stack.
pub const MAX_DEPTH: usize = 200;

/// Whether any pass reads the attribute of this name; the others are not copied (most of a
/// page's attributes are styling and script hooks). A `match` compiles to a few length and
/// byte tests, which matters: pages have tens of thousands of attributes.
fn is_kept_attribute(name: &str) -> bool {
    matches!(
        name,
        "alt"
            | "aria-hidden"
            | "class"
            | "content"
            | "data-hi-res-src"
            | "data-lang"
            | "data-language"
            | "data-lazy"
            | "data-lazy-src"
            | "data-lazy-srcset"
            | "data-original"
            | "data-src"
            | "data-srcset"
            | "data-url"
            | "datetime"
            | "hidden"
            | "href"
            | "http-equiv"
            | "id"
            | "itemprop"
            | "lang"
            | "name"
            | "property"
            | "pubdate"
            | "rel"
            | "role"
            | "src"
            | "srcset"
            | "start"
            | "style"
            | "summary"
            | "title"
            | "type"
            | "xml:lang"
    )
}

/// Elements whose whitespace is kept as written.
fn keeps_whitespace(tag: &str) -> bool {
    matches!(tag, "pre" | "listing" | "xmp" | "plaintext" | "textarea")
}

/// Index of a node in [`Dom::nodes`]. The document node is 0.
pub type NodeId = usize;

#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

#[derive(Debug)]
pub struct Node {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: Data,
}

#[derive(Debug)]
pub enum Data {
    Document,
    /// Tag and attribute names are lowercase, as the HTML parser gives them.
    Element {
        tag: LocalName,
        attrs: Vec<(LocalName, StrTendril)>,
    },
    /// Text as the parser handed it over: often a slice of the input, shared, not copied.
    Text(StrTendril),
}

impl Dom {
    /// Parses a whole document (missing `html`, `head` and `body` are implied).
    pub fn parse(text: &str) -> Dom {
        let input = without_script_bodies(text);
        depth::parse_document(Sink::default(), input, depth::MAX_OPEN_ELEMENTS).into_dom()
    }

    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    pub fn attrs(&self, id: NodeId) -> &[(LocalName, StrTendril)] {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id].children
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    /// The elements below `id` (itself excluded), in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            stack: self.nodes[id].children.iter().rev().copied().collect(),
        }
    }

    /// Every node, in document order (ids are assigned in document order).
    pub fn all(&self) -> std::ops::Range<NodeId> {
        0..self.nodes.len()
    }

    /// The first element of a tag anywhere in the document.
    pub fn find(&self, tag: &str) -> Option<NodeId> {
        self.all().find(|&id| self.is(id, tag))
    }

    /// The text below a node, concatenated as it is in the source.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Data::Text(t) = &self.nodes[id].data {
            out.push_str(t);
        }
        for d in self.descendants(id) {
            if let Data::Text(t) = &self.nodes[d].data {
                out.push_str(t);
            }
        }
        out
    }

    /// `class` and `id` together, lowercase: what class/id hints are matched against.
    /// Borrowed in the common case of one of them, already lowercase: passes ask for
    /// every element.
    pub fn class_and_id(&self, id: NodeId) -> Cow<'_, str> {
        let joined = match (self.attr(id, "class"), self.attr(id, "id")) {
            (None, None) => return Cow::Borrowed(""),
            (Some(v), None) | (None, Some(v)) if !v.bytes().any(|b| b.is_ascii_uppercase()) => {
                return Cow::Borrowed(v)
            }
            (Some(class), Some(id)) => format!("{class} {id}"),
            (Some(v), None) | (None, Some(v)) => v.to_string(),
        };
        Cow::Owned(joined.to_ascii_lowercase())
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }
}

/// The page without the bodies of scripts and styles (JSON-LD kept), which are often half
/// its bytes and never content: the parser then has less to scan. Comments are skipped
/// over so that a commented-out tag is not taken for one; a script or style left open runs
/// to the end, as the parser would read it.
pub fn without_script_bodies(text: &str) -> StrTendril {
    let bytes = text.as_bytes();
    let lower_at = |i: usize, word: &[u8]| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word))
    };
    // Written straight into the parser's input buffer: no copy of the page in between.
    let mut out = StrTendril::with_capacity(u32::try_from(text.len()).unwrap_or(u32::MAX));
    let (mut copied, mut i) = (0, 0);
    while let Some(lt) = text[i..].find('<').map(|k| i + k) {
        if lower_at(lt, b"<!--") {
            i = text[lt + 4..]
                .find("-->")
                .map_or(bytes.len(), |k| lt + 4 + k + 3);
            continue;
        }
        let name: &[u8] = if lower_at(lt, b"<script") {
            b"script"
        } else if lower_at(lt, b"<style") {
            b"style"
        } else {
            i = lt + 1;
            continue;
        };
        let after_name = lt + 1 + name.len();
        let boundary = bytes
            .get(after_name)
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/');
        let Some(tag_end) = text[after_name..].find('>').map(|k| after_name + k + 1) else {
            break;
        };
        if !boundary || text[lt..tag_end].to_ascii_lowercase().contains("ld+json") {
            i = tag_end;
            continue;
        }
        let close = (tag_end..bytes.len().saturating_sub(name.len() + 1))
            .find(|&j| bytes[j] == b'<' && bytes[j + 1] == b'/' && lower_at(j + 2, name))
            .unwrap_or(bytes.len());
        out.push_slice(&text[copied..tag_end]);
        copied = close;
        i = close.max(tag_end);
        if close == bytes.len() {
            break;
        }
    }
    out.push_slice(&text[copied..]);
    out
}

/// A node as the parser builds it: in creation order, moved around by the tree builder.
struct RawNode {
    parent: Option<usize>,
    children: Vec<usize>,
    data: RawData,
}

enum RawData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<(LocalName, StrTendril)>,
    },
    Text(StrTendril),
    /// Comments, processing instructions, template contents: never content.
    Other,
}

/// The tree builder's sink: an arena the parser edits, turned into a [`Dom`] in document
/// order at the end.
pub(super) struct Sink {
    nodes: RefCell<Vec<RawNode>>,
    last_element: Cell<Option<usize>>,
}

/// The name reported for a handle that is not an element (the parser never asks).
static NO_NAME: std::sync::LazyLock<QualName> = std::sync::LazyLock::new(|| {
    QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div"))
});

impl Default for Sink {
    fn default() -> Sink {
        let document = RawNode {
            parent: None,
            children: Vec::new(),
            data: RawData::Document,
        };
        Sink {
            nodes: RefCell::new(vec![document]),
            last_element: Cell::new(None),
        }
    }
}

impl Sink {
    fn push(&self, data: RawData) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(RawNode {
            parent: None,
            children: Vec::new(),
            data,
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [RawNode], id: usize) {
        if let Some(p) = nodes[id].parent.take() {
            // From the end: the node detached is most often the one appended last.
            if let Some(i) = nodes[p].children.iter().rposition(|&c| c == id) {
                nodes[p].children.remove(i);
            }
        }
    }

    /// Inserts a child of `parent` at `index`, merging text into a text node before it.
    fn insert(&self, parent: usize, index: usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => {
                Sink::detach(&mut nodes, id);
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(index, id);
            }
            NodeOrText::AppendText(text) => {
                let before = index.checked_sub(1).map(|i| nodes[parent].children[i]);
                if let Some(RawData::Text(t)) = before.map(|b| &mut nodes[b].data) {
                    t.push_tendril(&text);
                    return;
                }
                nodes.push(RawNode {
                    parent: Some(parent),
                    children: Vec::new(),
                    data: RawData::Text(text),
                });
                let id = nodes.len() - 1;
                nodes[parent].children.insert(index, id);
            }
        }
    }

    /// The document in document order, with whitespace-only text shortened and nesting
    /// capped at [`MAX_DEPTH`].
    pub(super) fn into_dom(self) -> Dom {
        let mut raw = self.nodes.into_inner();
        let mut nodes = Vec::with_capacity(raw.len());
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data: Data::Document,
        });
        // (raw id, parent in the new tree, depth, inside an element keeping whitespace)
        let mut stack: Vec<(usize, NodeId, usize, bool)> = raw[0]
            .children
            .iter()
            .rev()
            .map(|&c| (c, 0, 1, false))
            .collect();
        while let Some((rid, parent, depth, verbatim)) = stack.pop() {
            let data = match std::mem::replace(&mut raw[rid].data, RawData::Other) {
                RawData::Element { name, attrs } => Data::Element {
                    tag: name.local,
                    attrs,
                },
                // Indentation between tags renders as one space at most.
                RawData::Text(t) if !verbatim && t.trim().is_empty() => {
                    Data::Text(StrTendril::from_slice(" "))
                }
                RawData::Text(t) => Data::Text(t),
                RawData::Document | RawData::Other => continue,
            };
            let verbatim =
                verbatim || matches!(&data, Data::Element { tag, .. } if keeps_whitespace(tag));
            let id = nodes.len();
            let (child_parent, child_depth) = if depth < MAX_DEPTH {
                (id, depth + 1)
            } else {
                (parent, depth)
            };
            // The raw child list, emptied, is reused for the new ids: one allocation less
            // per element.
            let mut children = std::mem::take(&mut raw[rid].children);
            stack.extend(
                children
                    .iter()
                    .rev()
                    .map(|&c| (c, child_parent, child_depth, verbatim)),
            );
            children.clear();
            nodes.push(Node {
                parent: Some(parent),
                children,
                data,
            });
            nodes[parent].children.push(id);
        }
        Dom { nodes }
    }
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Sink;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Sink {
        self
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target).map(|n| &n.data) {
                Some(RawData::Element { name, .. }) => name,
                _ => &NO_NAME,
            }
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        let attrs = attrs
            .into_iter()
            .filter(|a| is_kept_attribute(&a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        let id = self.push(RawData::Element { name, attrs });
        self.last_element.set(Some(id));
        id
    }

    fn create_comment(&self, _: StrTendril) -> usize {
        self.push(RawData::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> usize {
        self.push(RawData::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let index = self.nodes.borrow()[*parent].children.len();
        self.insert(*parent, index, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, _: &usize) -> usize {
        // Template contents are never shown: a detached node collects them.
        self.push(RawData::Other)
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        if let NodeOrText::AppendNode(id) = &new_node {
            Sink::detach(&mut self.nodes.borrow_mut(), *id);
        }
        let place = {
            let nodes = self.nodes.borrow();
            nodes[*sibling]
                .parent
                .and_then(|p| Some((p, nodes[p].children.iter().position(|c| c == sibling)?)))
        };
        if let Some((parent, index)) = place {
            self.insert(parent, index, new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, extra: Vec<Attribute>) {
        if let RawData::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in extra {
                if is_kept_attribute(&a.name.local)
                    && !attrs.iter().any(|(k, _)| *k == a.name.local)
                {
                    attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

impl TreeView for Sink {
    fn last_created(&self) -> Option<usize> {
        self.last_element.get()
    }

    fn parent(&self, node: &usize) -> Option<usize> {
        self.nodes.borrow()[*node].parent
    }
}

/// Iterator of [`Dom::descendants`].
pub struct Descendants<'a> {
    dom: &'a Dom,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.dom.nodes[id].children.iter().rev().copied());
        Some(id)
    }
}

/// Collapses runs of whitespace to one space.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_tree_in_document_order() {
        let dom = Dom::parse("<p class=a>Hi <b>there</b></p><!-- c --><p>x</p>");
        let ps: Vec<_> = dom.all().filter(|&i| dom.is(i, "p")).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text(ps[0]), "Hi there");
        assert_eq!(dom.attr(ps[0], "class"), Some("a"));
        assert_eq!(dom.children(ps[0]).len(), 2);
        assert!(ps[0] < ps[1]);
    }

    #[test]
    fn misnested_markup_is_rebuilt_in_document_order() {
        let dom = Dom::parse("<b>1<p>2</b>3</p><table><tr><td>x</td></tr>foo</table>");
        assert_eq!(collapse_ws(&dom.text(0)), "123foox");
        for id in dom.all() {
            assert!(dom
                .children(id)
                .iter()
                .all(|&c| c > id && dom.parent(c) == Some(id)));
        }
    }

    #[test]
    fn script_bodies_are_skipped_before_parsing() {
        let page = "<p>a</p><SCRIPT type=x>if (a<b) { x('</p>') }</script><!-- <script> --><p>b</p>\
                    <script type=\"application/ld+json\">{\"a\":1}</script><style>p{}</style><scripts>c</scripts>";
        assert_eq!(
            &*without_script_bodies(page),
            "<p>a</p><SCRIPT type=x></script><!-- <script> --><p>b</p>\
             <script type=\"application/ld+json\">{\"a\":1}</script><style></style><scripts>c</scripts>"
        );
        assert_eq!(
            &*without_script_bodies("<p>x</p><script>never closed"),
            "<p>x</p><script>"
        );
        assert_eq!(&*without_script_bodies("<p>é</p>"), "<p>é</p>");
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let page = "<div>".repeat(5000) + "deep" + &"</div>".repeat(5000);
        let dom = Dom::parse(&page);
        let depth = |id| dom.ancestors(id).count();
        assert!(dom.all().map(depth).max().unwrap() <= MAX_DEPTH + 1);
        assert_eq!(collapse_ws(&dom.text(0)), "deep");
    }

    #[test]
    fn only_needed_attributes_and_whitespace_are_kept() {
        let dom =
            Dom::parse("<p onclick=x() class=c data-foo=1>a</p>\n\n  <pre>  x\n  <b>y</b>  </pre>");
        let p = dom.find("p").unwrap();
        let attrs: Vec<(&str, &str)> = dom.attrs(p).iter().map(|(k, v)| (&**k, &**v)).collect();
        assert_eq!(attrs, [("class", "c")]);
        let texts: Vec<&str> = dom
            .all()
            .filter_map(|i| match &dom.nodes[i].data {
                Data::Text(t) => Some(&**t),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["a", " ", "  x\n  ", "y", "  "]);
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_ws("  a \n\t b  "), "a b");
    }
}

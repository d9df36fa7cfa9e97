//! A compact, index-addressed copy of the parsed document: the passes of extraction keep
//! per-node numbers in plain vectors indexed like `Dom::nodes`.

use super::depth::{self, TreeView};
use super::prepass;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

/// Nesting deeper than this is flattened into the ancestor at this depth, so that every
/// recursive pass over the tree stays within a bounded stack.
pub const MAX_DEPTH: usize = 200;

/// Defines [`kept_attribute`] and [`KEPT_ATTRIBUTES`] from one list.
macro_rules! kept_attributes {
    ($($kept:literal)|*) => {
        /// The attribute of this name as the passes read it, when one does; the others are
        /// not copied (most of a page's attributes are styling and script hooks). A `match`
        /// compiles to a few length and byte tests, which matters: pages have tens of
        /// thousands of attributes. Kept as a static string, not an atom: [`Dom::attr`]
        /// compares names without resolving atoms.
        pub(super) fn kept_attribute(name: &str) -> Option<&'static str> {
            match name {
                $($kept => Some($kept),)*
                _ => None,
            }
        }

        /// The names of the attributes the DOM keeps.
        pub(super) const KEPT_ATTRIBUTES: &[&str] = &[$($kept),*];
    };
}

kept_attributes!(
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
        | "itemtype"
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
);

/// Elements whose whitespace is kept as written.
pub(super) fn keeps_whitespace(tag: &str) -> bool {
    matches!(tag, "pre" | "listing" | "xmp" | "plaintext" | "textarea")
}

/// Index of a node in [`Dom::nodes`]. The document node is 0.
pub type NodeId = usize;

/// A parsed page: nodes in document order, the document at 0.
#[derive(Debug)]
pub struct Dom {
    /// The nodes; a [`NodeId`] is an index here.
    pub nodes: Vec<Node>,
    /// The children of every node, node after node: each node's are a range of it.
    child_ids: Vec<NodeId>,
    /// Whether elements nested deeper than [`MAX_DEPTH`] were moved up to that depth.
    pub flattened: bool,
    /// The length of every text node as [`collapsed_len`] counts it (0 for other nodes):
    /// extraction weighs the text several times.
    text_lens: Vec<u32>,
    /// The elements whose `id` is made from the text of their heading, in order: class and
    /// id are read several times an element.
    slug_ids: Vec<NodeId>,
}

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    /// The parent; `None` for the document.
    pub parent: Option<NodeId>,
    /// Where its children are in `Dom::child_ids` (one list for all nodes: no allocation
    /// per node).
    children: (u32, u32),
    /// One past its last descendant: ids are in document order, so a node's descendants are
    /// the ids after it up to there.
    after: u32,
    /// What the node is.
    pub data: Data,
}

/// What a node holds.
#[derive(Debug)]
pub enum Data {
    /// The document root.
    Document,
    /// Tag and attribute names are lowercase, as the HTML parser gives them.
    Element {
        /// The lowercase tag name.
        tag: LocalName,
        /// Attributes, as written.
        attrs: Vec<(&'static str, StrTendril)>,
    },
    /// Text as the parser handed it over: often a slice of the input, shared, not copied.
    Text(StrTendril),
}

impl Dom {
    /// Parses a whole document (missing `html`, `head` and `body` are implied).
    pub fn parse(text: &str) -> Dom {
        let input = prepass::parser_input(text);
        // Room for a node per 64 bytes of page, about what pages hold once scripts are cut:
        // growing by doubling copies the nodes again and again.
        let sink = Sink::default();
        sink.nodes.borrow_mut().reserve(text.len() / 64);
        depth::parse_document(sink, input, depth::MAX_OPEN_ELEMENTS).into_dom()
    }

    /// The tag name of an element; `None` for other nodes.
    pub fn tag(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// Whether the node is an element of this name.
    pub fn is(&self, id: NodeId, name: &str) -> bool {
        self.tag(id) == Some(name)
    }

    /// The value of an attribute of an element.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => {
                attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }

    /// The attributes of an element; empty for other nodes.
    pub fn attrs(&self, id: NodeId) -> &[(&'static str, StrTendril)] {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs,
            _ => &[],
        }
    }

    /// The children of a node.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        let (start, end) = self.nodes[id].children;
        &self.child_ids[start as usize..end as usize]
    }

    /// The parent of a node.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }

    /// The elements below `id` (itself excluded), in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            next: id + 1,
            end: self.nodes[id].after as usize,
            dom: std::marker::PhantomData,
        }
    }

    /// Characters of a text node with each whitespace run counted once; 0 for other nodes.
    pub fn text_len(&self, id: NodeId) -> usize {
        self.text_lens[id] as usize
    }

    /// One past the last descendant of a node: where its subtree ends.
    pub fn subtree_end(&self, id: NodeId) -> NodeId {
        self.nodes[id].after as usize
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
        let joined = match (self.attr(id, "class"), self.hint_id(id)) {
            (None, None) => return Cow::Borrowed(""),
            (Some(v), None) | (None, Some(v)) if !v.bytes().any(|b| b.is_ascii_uppercase()) => {
                return Cow::Borrowed(v)
            }
            (Some(class), Some(id)) => format!("{class} {id}"),
            (Some(v), None) | (None, Some(v)) => v.to_string(),
        };
        Cow::Owned(joined.to_ascii_lowercase())
    }

    /// The `id` attribute, unless it is made from the text of the element's heading
    /// (`id="share-options"` over "Share options"): such an id names the content, not the
    /// element's part in the page.
    pub fn hint_id(&self, id: NodeId) -> Option<&str> {
        let value = self.attr(id, "id")?;
        self.slug_ids.binary_search(&id).is_err().then_some(value)
    }

    /// Whether an element's `id` is made from the text of its heading.
    fn id_is_heading_slug(&self, id: NodeId) -> bool {
        let Some(value) = self.attr(id, "id") else {
            return false;
        };
        let heading = self
            .descendants(id)
            .take(super::hints::HEADING_SLUG_REACH)
            .find(|&d| matches!(self.tag(d), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")));
        heading.is_some_and(|h| super::hints::is_heading_slug(value, &self.text(h)))
    }

    /// The ancestors of a node, nearest first.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }
}

/// A node as the parser builds it: in creation order, moved around by the tree builder.
/// Children are a linked list of siblings, so that moving nodes costs no allocation.
struct RawNode {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    data: RawData,
}

/// The children of a raw node, last first.
fn children_last_first(raw: &[RawNode], id: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(link(raw[id].last_child), |&c| link(raw[c].prev))
}

/// No node, in the links of [`RawNode`]. The parser never makes four billion nodes: its
/// input is at most 4 GB.
const NONE: u32 = u32::MAX;

fn link(id: u32) -> Option<usize> {
    (id != NONE).then_some(id as usize)
}

impl RawNode {
    fn new(data: RawData) -> RawNode {
        RawNode {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

enum RawData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<(&'static str, StrTendril)>,
    },
    Text(StrTendril),
    /// Comments, processing instructions, template contents: never content.
    Other,
}

/// The id attribute of a raw element, if it is one.
fn raw_id(node: &RawNode) -> Option<&str> {
    match &node.data {
        RawData::Element { attrs, .. } => attrs
            .iter()
            .find(|(n, _)| &**n == "id")
            .map(|(_, v)| v.as_ref()),
        _ => None,
    }
}

/// Moves the detached node `id` into the tree just before `before`.
fn insert_before(nodes: &mut [RawNode], id: usize, before: usize) {
    let parent = nodes[before].parent;
    let prev = nodes[before].prev;
    (nodes[id].parent, nodes[id].prev, nodes[id].next) = (parent, prev, before as u32);
    match link(prev) {
        Some(p) => nodes[p].next = id as u32,
        None => nodes[parent as usize].first_child = id as u32,
    }
    nodes[before].prev = id as u32;
}

/// Puts the parts of a page that a server streamed after the rest back where they belong,
/// as the page's script does once loaded: React sends each part late in a hidden
/// `<div id="S:x">` and marks its place with an empty `<template id="B:x">` (followed by
/// what shows while it loads, up to a comment) or `<template id="P:x">`. Without this the
/// article of such a page is hidden text at the end of the body.
fn place_streamed_parts(nodes: &mut [RawNode]) {
    let element = |n: &RawNode, tag: &LocalName| matches!(&n.data, RawData::Element { name, .. } if name.local == *tag);
    let template = html5ever::local_name!("template");
    let mut places = std::collections::HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if let Some(id) = raw_id(n).filter(|_| element(n, &template)) {
            if let Some(key) = id.strip_prefix("B:").or_else(|| id.strip_prefix("P:")) {
                places.insert(key.to_string(), i);
            }
        }
    }
    if places.is_empty() {
        return;
    }
    let div = html5ever::local_name!("div");
    let parts: Vec<usize> = (0..nodes.len())
        .filter(|&i| element(&nodes[i], &div))
        .filter(|&i| raw_id(&nodes[i]).is_some_and(|id| id.starts_with("S:")))
        .collect();
    for part in parts {
        let Some(&place) = raw_id(&nodes[part]).and_then(|id| places.get(&id[2..])) else {
            continue;
        };
        // A place inside its own part (a malformed page) would make a cycle.
        let inside = std::iter::successors(link(nodes[place].parent), |&a| link(nodes[a].parent))
            .any(|a| a == part);
        if inside || link(nodes[place].parent).is_none() || link(nodes[part].parent).is_none() {
            continue;
        }
        // A boundary's fallback ("Loading...") runs from its template to a closing comment.
        if raw_id(&nodes[place]).is_some_and(|id| id.starts_with("B:")) {
            let mut fallback = Vec::new();
            let mut next = link(nodes[place].next);
            while let Some(n) = next {
                if matches!(nodes[n].data, RawData::Other) {
                    for f in fallback {
                        Sink::detach(nodes, f);
                    }
                    break;
                }
                fallback.push(n);
                next = link(nodes[n].next);
            }
        }
        while let Some(child) = link(nodes[part].first_child) {
            Sink::detach(nodes, child);
            insert_before(nodes, child, place);
        }
        Sink::detach(nodes, place);
        Sink::detach(nodes, part);
    }
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
        Sink {
            nodes: RefCell::new(vec![RawNode::new(RawData::Document)]),
            last_element: Cell::new(None),
        }
    }
}

impl Sink {
    fn push(&self, data: RawData) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(RawNode::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [RawNode], id: usize) {
        let Some(parent) = link(nodes[id].parent) else {
            return;
        };
        let (prev, next) = (nodes[id].prev, nodes[id].next);
        match link(prev) {
            Some(p) => nodes[p].next = next,
            None => nodes[parent].first_child = next,
        }
        match link(next) {
            Some(n) => nodes[n].prev = prev,
            None => nodes[parent].last_child = prev,
        }
        let node = &mut nodes[id];
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    /// Inserts a child of `parent` before `before` (at the end when `None`), merging text
    /// into a text node just before it.
    fn insert(&self, parent: usize, before: Option<usize>, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let prev = match before {
            Some(b) => nodes[b].prev,
            None => nodes[parent].last_child,
        };
        let id = match child {
            NodeOrText::AppendNode(id) => {
                Sink::detach(&mut nodes, id);
                id
            }
            NodeOrText::AppendText(text) => {
                if let Some(RawData::Text(t)) = link(prev).map(|p| &mut nodes[p].data) {
                    t.push_tendril(&text);
                    return;
                }
                nodes.push(RawNode::new(RawData::Text(text)));
                nodes.len() - 1
            }
        };
        // Re-read: detaching `id` may have been what linked `prev`.
        let prev = match before {
            Some(b) => nodes[b].prev,
            None => nodes[parent].last_child,
        };
        let next = before.map_or(NONE, |b| b as u32);
        let node = &mut nodes[id];
        (node.parent, node.prev, node.next) = (parent as u32, prev, next);
        match link(prev) {
            Some(p) => nodes[p].next = id as u32,
            None => nodes[parent].first_child = id as u32,
        }
        match before {
            Some(b) => nodes[b].prev = id as u32,
            None => nodes[parent].last_child = id as u32,
        }
    }

    /// The document in document order, with whitespace-only text shortened and nesting
    /// capped at [`MAX_DEPTH`].
    pub(super) fn into_dom(self) -> Dom {
        let mut raw = self.nodes.into_inner();
        place_streamed_parts(&mut raw);
        let mut nodes = Vec::with_capacity(raw.len());
        nodes.push(Node {
            parent: None,
            children: (0, 0),
            after: 1,
            data: Data::Document,
        });
        // (raw id, parent in the new tree, depth, inside an element keeping whitespace)
        let mut flattened = false;
        let mut stack: Vec<(usize, NodeId, usize, bool)> = children_last_first(&raw, 0)
            .map(|c| (c, 0, 1, false))
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
            let before = stack.len();
            stack.extend(
                children_last_first(&raw, rid).map(|c| (c, child_parent, child_depth, verbatim)),
            );
            flattened |= child_parent != id && stack.len() > before;
            nodes.push(Node {
                parent: Some(parent),
                children: (0, 0),
                after: id as u32 + 1,
                data,
            });
        }
        // Each node's children, in the order of their ids (document order): counted, then
        // placed.
        let mut counts = vec![0u32; nodes.len()];
        for node in &nodes[1..] {
            if let Some(p) = node.parent {
                counts[p] += 1;
            }
        }
        let mut at = 0;
        for (node, count) in nodes.iter_mut().zip(counts) {
            node.children = (at, at);
            at += count;
        }
        let mut child_ids = vec![0; at as usize];
        for id in 1..nodes.len() {
            if let Some(p) = nodes[id].parent {
                let slot = &mut nodes[p].children.1;
                child_ids[*slot as usize] = id;
                *slot += 1;
            }
        }
        // Children have greater ids than their parent: the last child's end, known before
        // its parent's, is the parent's.
        for id in (0..nodes.len()).rev() {
            let (start, end) = nodes[id].children;
            if end > start {
                nodes[id].after = nodes[child_ids[end as usize - 1]].after;
            }
        }
        let text_lens = nodes
            .iter()
            .map(|n| match &n.data {
                Data::Text(t) => u32::try_from(collapsed_len(t)).unwrap_or(u32::MAX),
                _ => 0,
            })
            .collect();
        let mut dom = Dom {
            nodes,
            child_ids,
            flattened,
            text_lens,
            slug_ids: Vec::new(),
        };
        dom.slug_ids = dom.all().filter(|&id| dom.id_is_heading_slug(id)).collect();
        dom
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
            .filter_map(|a| kept_attribute(&a.name.local).map(|k| (k, a.value)))
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
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        if self.nodes.borrow()[*element].parent != NONE {
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
        let parent = link(self.nodes.borrow()[*sibling].parent);
        if let Some(parent) = parent {
            self.insert(parent, Some(*sibling), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, extra: Vec<Attribute>) {
        if let RawData::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in extra {
                if let Some(name) = kept_attribute(&a.name.local) {
                    if !attrs.iter().any(|(k, _)| *k == name) {
                        attrs.push((name, a.value));
                    }
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(first) = link(nodes[*node].first_child) else {
            return;
        };
        let last = nodes[*node].last_child;
        let mut child = Some(first);
        while let Some(c) = child {
            nodes[c].parent = *new_parent as u32;
            child = link(nodes[c].next);
        }
        let tail = nodes[*new_parent].last_child;
        match link(tail) {
            Some(t) => nodes[t].next = first as u32,
            None => nodes[*new_parent].first_child = first as u32,
        }
        nodes[first].prev = tail;
        nodes[*new_parent].last_child = last;
        (nodes[*node].first_child, nodes[*node].last_child) = (NONE, NONE);
    }
}

impl TreeView for Sink {
    fn last_created(&self) -> Option<usize> {
        self.last_element.get()
    }

    fn parent(&self, node: &usize) -> Option<usize> {
        link(self.nodes.borrow()[*node].parent)
    }
}

/// Iterator of [`Dom::descendants`].
pub struct Descendants<'a> {
    next: NodeId,
    end: NodeId,
    dom: std::marker::PhantomData<&'a Dom>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        (self.next < self.end).then(|| {
            self.next += 1;
            self.next - 1
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

/// Characters of text with each whitespace run counted once.
pub fn collapsed_len(s: &str) -> usize {
    if s.is_ascii() {
        // Each byte but a space after a space (or at the start), as pairs of neighbours:
        // no dependence from byte to byte, so the compiler vectorises it.
        let white = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
        let bytes = s.as_bytes();
        let first = bytes.first().is_some_and(|&b| !white(b));
        let rest = bytes[1.min(bytes.len())..]
            .iter()
            .zip(bytes)
            .filter(|&(&b, &before)| !(white(b) && white(before)))
            .count();
        return usize::from(first) + rest;
    }
    let mut n = 0;
    let mut space = true;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII by the byte; other characters decoded (a few of them are spaces).
        let (white, width) = match bytes[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
            _ => s[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if !(white && space) {
            n += 1;
        }
        space = white;
        i += width;
    }
    n
}

/// Collapses runs of whitespace to one space.
pub fn collapse_ws(s: &str) -> String {
    // The words (runs without whitespace) joined by one space, each copied whole.
    let mut out = String::with_capacity(s.len());
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&rest[..end]);
        rest = rest[end..].trim_start();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Word by word, the same as collapsing character by character.
        #[test]
        fn collapse_ws_joins_words_with_one_space(s in "[ a\t\n\u{a0}\u{2003}é\u{200b}b]{0,24}") {
            let mut expected = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    space = true;
                } else {
                    if space && !expected.is_empty() {
                        expected.push(' ');
                    }
                    space = false;
                    expected.push(c);
                }
            }
            proptest::prop_assert_eq!(collapse_ws(&s), expected);
        }

        /// Each character but whitespace after whitespace (or at the start), ASCII or not.
        #[test]
        fn collapsed_len_counts_whitespace_runs_once(s in "[ a\t\n\x0b\x0c\r\u{a0}éb]{0,24}") {
            let mut expected = 0;
            let mut space = true;
            for c in s.chars() {
                if !(c.is_whitespace() && space) {
                    expected += 1;
                }
                space = c.is_whitespace();
            }
            proptest::prop_assert_eq!(collapsed_len(&s), expected);
        }
    }

    #[test]
    fn streamed_parts_take_their_places() {
        let dom = Dom::parse(
            "<body><main><h1>Head</h1><template id=\"B:0\"></template><div>Loading...</div>\
             <!--/$--><p>Last</p><template id=\"P:1\"></template></main>\
             <script>$RC(\"B:0\",\"S:0\")</script>\
             <div hidden id=\"S:0\"><p>First</p><p>Second</p></div>\
             <div hidden id=\"S:1\"><p>Footnote</p></div>\
             <div hidden id=\"S:2\"><p>No place</p></div></body>",
        );
        let main = dom.find("main").unwrap();
        assert_eq!(dom.text(main), "HeadFirstSecondLastFootnote");
        assert!(dom.all().all(|id| !dom.is(id, "template")));
        // A part whose place is not in the page stays where it is, hidden.
        let hidden: Vec<String> = dom
            .all()
            .filter(|&id| dom.attr(id, "hidden").is_some())
            .map(|id| dom.text(id))
            .collect();
        assert_eq!(hidden, ["No place"]);
        // A place inside its own part is left alone.
        let dom =
            Dom::parse("<div hidden id=\"S:0\"><p>Text</p><template id=\"B:0\"></template></div>");
        assert_eq!(dom.text(dom.find("div").unwrap()), "Text");
    }

    #[test]
    fn text_lengths_count_each_whitespace_run_once() {
        let dom = Dom::parse("<p>a \n  b\u{a0} c</p><p>é</p>");
        let texts: Vec<usize> = dom
            .all()
            .filter(|&id| matches!(dom.nodes[id].data, Data::Text(_)))
            .map(|id| dom.text_len(id))
            .collect();
        assert_eq!(texts, [5, 1]);
        assert_eq!(dom.text_len(dom.find("p").unwrap()), 0);
    }

    #[test]
    fn an_id_made_from_the_heading_is_no_hint() {
        let dom = Dom::parse(
            "<div id=share-options><h2>Share options</h2></div><div id=sidebar><h2>Popular</h2></div><p id=x>y</p>",
        );
        let ids: Vec<Option<&str>> = dom
            .all()
            .filter(|&i| dom.tag(i).is_some_and(|t| t == "div" || t == "p"))
            .map(|i| dom.hint_id(i))
            .collect();
        assert_eq!(ids, [None, Some("sidebar"), Some("x")]);
    }

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

    /// The tree below `id` as `tag[children]` and quoted text.
    /// Descendants as a walk of the children finds them, in document order.
    fn walked(dom: &Dom, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = dom.children(id).iter().rev().copied().collect();
        while let Some(d) = stack.pop() {
            out.push(d);
            stack.extend(dom.children(d).iter().rev().copied());
        }
        out
    }

    #[test]
    fn descendants_are_the_ids_after_a_node_up_to_its_end() {
        let deep = format!(
            "{}x{}",
            "<div><span>a</span>".repeat(MAX_DEPTH + 20),
            "</div>".repeat(MAX_DEPTH + 20)
        );
        for page in [
            "<p>a<b>b<i>c</b>d</i>e<table>f<tr><td>x</td></tr>g</table><ul><li>1<li>2</ul>",
            "<b>1<p>2</b>3</p><template><p>t</p></template><!-- c --><p>x</p>",
            deep.as_str(),
        ] {
            let dom = Dom::parse(page);
            for id in dom.all() {
                assert_eq!(dom.descendants(id).collect::<Vec<_>>(), walked(&dom, id));
            }
        }
    }

    fn outline(dom: &Dom, id: NodeId) -> String {
        let children: Vec<String> = dom.children(id).iter().map(|&c| outline(dom, c)).collect();
        match &dom.nodes[id].data {
            Data::Text(t) => format!("{:?}", &**t),
            Data::Element { tag, .. } => format!("{}[{}]", &**tag, children.join(" ")),
            Data::Document => children.join(" "),
        }
    }

    #[test]
    fn nodes_moved_by_the_tree_builder_land_where_browsers_put_them() {
        let body = |page: &str| {
            let dom = Dom::parse(page);
            outline(&dom, dom.find("body").unwrap())
        };
        // Misnested formatting: the adoption agency moves children to a new element.
        assert_eq!(
            body("<p>a<b>b<i>c</b>d</i>e"),
            r#"body[p["a" b["b" i["c"]] i["d"] "e"]]"#
        );
        assert_eq!(body("<b>1<p>2</b>3</p>"), r#"body[b["1"] p[b["2"] "3"]]"#);
        // Text inside a table goes before it, and joins the text already there.
        assert_eq!(
            body("a<table>b<tr><td>x</td></tr>c</table>z"),
            r#"body["abc" table[tbody[tr[td["x"]]]] "z"]"#
        );
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
        let attrs: Vec<(&str, &str)> = dom.attrs(p).iter().map(|(k, v)| (*k, &**v)).collect();
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

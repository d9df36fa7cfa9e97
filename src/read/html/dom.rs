//! A compact, index-addressed copy of the parsed document: the passes of extraction keep
//! per-node numbers in plain vectors indexed like `Dom::nodes`.

use ego_tree::iter::Edge;
use scraper::{Html, Node as ParsedNode};

/// Nesting deeper than this is flattened into the ancestor at this depth, so that every
/// recursive pass over the tree stays within a bounded stack.
pub const MAX_DEPTH: usize = 200;

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
        tag: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

impl Dom {
    /// Parses a whole document (missing `html`, `head` and `body` are implied).
    pub fn parse(text: &str) -> Dom {
        Dom::from_parsed(&Html::parse_document(text))
    }

    fn from_parsed(html: &Html) -> Dom {
        let mut nodes = vec![Node {
            parent: None,
            children: Vec::new(),
            data: Data::Document,
        }];
        // Open elements by depth; `None` where a node was skipped (comments, doctypes).
        let mut stack: Vec<Option<NodeId>> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let data = match node.value() {
                        ParsedNode::Document | ParsedNode::Fragment => {
                            stack.push(Some(0));
                            continue;
                        }
                        ParsedNode::Element(e) => Data::Element {
                            tag: e.name().to_string(),
                            attrs: e
                                .attrs()
                                .map(|(k, v)| (k.to_string(), v.to_string()))
                                .collect(),
                        },
                        ParsedNode::Text(t) => Data::Text(t.to_string()),
                        _ => {
                            stack.push(None);
                            continue;
                        }
                    };
                    let depth = stack.len().min(MAX_DEPTH);
                    let parent = stack[..depth].iter().rev().find_map(|id| *id).unwrap_or(0);
                    let id = nodes.len();
                    nodes.push(Node {
                        parent: Some(parent),
                        children: Vec::new(),
                        data,
                    });
                    nodes[parent].children.push(id);
                    stack.push(Some(id));
                }
                Edge::Close(_) => {
                    stack.pop();
                }
            }
        }
        Dom { nodes }
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
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn attrs(&self, id: NodeId) -> &[(String, String)] {
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
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        for name in ["class", "id"] {
            if let Some(v) = self.attr(id, name) {
                s.push_str(v);
                s.push(' ');
            }
        }
        s.make_ascii_lowercase();
        s
    }

    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
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
    fn deep_nesting_is_flattened() {
        let page = "<div>".repeat(5000) + "deep" + &"</div>".repeat(5000);
        let dom = Dom::parse(&page);
        let depth = |id| dom.ancestors(id).count();
        assert!(dom.all().map(depth).max().unwrap() <= MAX_DEPTH + 1);
        assert_eq!(collapse_ws(&dom.text(0)), "deep");
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(collapse_ws("  a \n\t b  "), "a b");
    }
}

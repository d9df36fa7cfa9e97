//! A bound on the parser's stack of open elements. html5ever's tree builder walks that
//! stack for most start tags (scope checks) and has no depth limit, so deeply nested input
//! costs time quadratic in its depth (servo/html5ever#788). Between tokenizer and tree
//! builder, [`DepthGuard`] closes any element that lands deeper than a cap as soon as it is
//! opened, and drops the end tag that would have closed it: its content goes to the
//! ancestor at the cap, as browsers do beyond their own limit of 512.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};
use html5ever::tree_builder::{ElemName, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, ns, LocalName, TokenizerResult};
use std::cell::RefCell;
use std::collections::HashMap;

/// Browsers stop nesting at this depth too; no real page comes near it.
pub const MAX_OPEN_ELEMENTS: usize = 512;

/// What the guard needs to see of the tree being built.
pub trait TreeView: TreeSink {
    /// The element created last.
    fn last_created(&self) -> Option<Self::Handle>;
    /// The parent of a node, when it has one.
    fn parent(&self, node: &Self::Handle) -> Option<Self::Handle>;
}

/// Parses a whole document as `html5ever::parse_document` does, with at most about
/// `max_open` elements open at once.
pub fn parse_document<S: TreeView>(sink: S, input: StrTendril, max_open: usize) -> S::Output
where
    S::Handle: Clone,
{
    // As a browser without scripts reads the page: `<noscript>` holds markup, and some pages
    // put their whole text there for readers without JavaScript.
    let opts = TreeBuilderOpts {
        scripting_enabled: false,
        ..Default::default()
    };
    let builder = TreeBuilder::new(sink, opts);
    let tokenizer = Tokenizer::new(DepthGuard::new(builder, max_open), Default::default());
    let queue = BufferQueue::default();
    queue.push_back(input);
    // A script or an encoding hint suspends the tokenizer; like html5ever's driver, go on.
    while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// A token sink forwarding to the tree builder, closing elements opened too deep.
pub struct DepthGuard<S: TreeView> {
    builder: TreeBuilder<S::Handle, S>,
    max_open: usize,
    closed: RefCell<ClosedEarly>,
}

/// The elements the guard closed, innermost last, whose end tags are still to come.
#[derive(Default)]
struct ClosedEarly {
    names: Vec<LocalName>,
    count: HashMap<LocalName, usize>,
}

impl ClosedEarly {
    fn push(&mut self, name: LocalName) {
        *self.count.entry(name.clone()).or_default() += 1;
        self.names.push(name);
    }

    /// Takes an end tag for one of these elements (and the ones opened inside it, left
    /// unclosed): false when it is not for one of them.
    fn take(&mut self, name: &LocalName) -> bool {
        if self.count.get(name).is_none_or(|&n| n == 0) {
            return false;
        }
        while let Some(top) = self.names.pop() {
            if let Some(n) = self.count.get_mut(&top) {
                *n -= 1;
            }
            if top == *name {
                break;
            }
        }
        true
    }
}

impl<S: TreeView> DepthGuard<S>
where
    S::Handle: Clone,
{
    /// A guard around a tree builder that closes elements past `max_open` open ones.
    pub fn new(builder: TreeBuilder<S::Handle, S>, max_open: usize) -> Self {
        DepthGuard {
            builder,
            max_open,
            closed: RefCell::default(),
        }
    }

    /// Ancestors of `node`, counted up to one past the cap.
    fn depth(&self, node: &S::Handle) -> usize {
        let sink = &self.builder.sink;
        std::iter::successors(sink.parent(node), |p| sink.parent(p))
            .take(self.max_open + 1)
            .count()
    }

    /// The element a start tag just opened, if it is left open (not void, not
    /// self-closing foreign content).
    fn opened(&self, before: Option<&S::Handle>, self_closing: bool) -> Option<S::Handle> {
        let sink = &self.builder.sink;
        let created = sink.last_created()?;
        if before.is_some_and(|b| sink.same_node(b, &created)) {
            return None;
        }
        let name = sink.elem_name(&created);
        let left_open = if *name.ns() == ns!(html) {
            !is_void(name.local_name())
        } else {
            !self_closing
        };
        drop(name);
        left_open.then_some(created)
    }

    fn start_tag(&self, tag: Tag, line: u64) -> TokenSinkResult<S::Handle> {
        let before = self.builder.sink.last_created();
        let (name, self_closing) = (tag.name.clone(), tag.self_closing);
        let result = self.builder.process_token(TagToken(tag), line);
        // Other results switch the tokenizer to text (script, textarea...): left alone.
        if !matches!(result, TokenSinkResult::Continue) {
            return result;
        }
        let Some(element) = self.opened(before.as_ref(), self_closing) else {
            return result;
        };
        if self.depth(&element) > self.max_open {
            let end = Tag {
                kind: EndTag,
                name: name.clone(),
                self_closing: false,
                attrs: Vec::new(),
                had_duplicate_attributes: false,
            };
            // An end tag never switches the tokenizer (a suspension for a script is moot).
            let _ = self.builder.process_token(TagToken(end), line);
            self.builder.sink.remove_from_parent(&element);
            self.closed.borrow_mut().push(name);
        }
        result
    }
}

impl<S: TreeView> TokenSink for DepthGuard<S>
where
    S::Handle: Clone,
{
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<S::Handle> {
        match token {
            TagToken(tag) if tag.kind == StartTag => self.start_tag(tag, line),
            TagToken(tag) if self.closed.borrow_mut().take(&tag.name) => TokenSinkResult::Continue,
            token => self.builder.process_token(token, line),
        }
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Elements that never hold content, so are never left open.
fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("frame")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::html::dom::{Data, Dom, Sink};
    use html5ever::tendril::TendrilSink;

    fn guarded(page: &str, max_open: usize) -> Dom {
        parse_document(Sink::default(), page.into(), max_open).into_dom()
    }

    fn unguarded(page: &str) -> Dom {
        html5ever::parse_document(Sink::default(), Default::default())
            .one(page)
            .into_dom()
    }

    fn max_depth(dom: &Dom) -> usize {
        dom.all()
            .map(|id| dom.ancestors(id).count())
            .max()
            .unwrap_or(0)
    }

    fn count_x(dom: &Dom) -> usize {
        dom.text(0).matches('x').count()
    }

    #[test]
    fn nesting_stops_at_the_cap_and_keeps_the_text() {
        let pages = [
            "<div>x".repeat(300) + &"</div>".repeat(300),
            "<ul><li>x".repeat(300),
            "<b>x".repeat(300),
            "<table><tr><td>x".repeat(300),
            "<svg><g>x".repeat(300),
            // Unclosed, line after line: the depth adds up.
            "<div><span>x\n".repeat(300),
        ];
        for page in &pages {
            let dom = guarded(page, 50);
            // html and body above the cap, and the text nodes in the deepest element.
            assert!(max_depth(&dom) <= 50 + 1, "{}", &page[..20]);
            assert!(max_depth(&unguarded(page)) > 100);
            assert_eq!(count_x(&dom), 300, "{}", &page[..20]);
        }
    }

    #[test]
    fn content_after_a_too_deep_part_stays_in_its_element() {
        let page = "<div id=a>".to_string()
            + &"<div>".repeat(20)
            + &"<p>x<i>x</i></p>".repeat(3)
            + &"</div>".repeat(20)
            + "<p id=b>x</p></div><p id=c>x</p>";
        let dom = guarded(&page, 10);
        let a = dom.all().find(|&i| dom.attr(i, "id") == Some("a")).unwrap();
        let b = dom.all().find(|&i| dom.attr(i, "id") == Some("b")).unwrap();
        let c = dom.all().find(|&i| dom.attr(i, "id") == Some("c")).unwrap();
        assert_eq!(dom.parent(b), Some(a));
        assert_eq!(dom.parent(c), dom.parent(a));
        assert_eq!(count_x(&dom), 8);
        assert_eq!(dom.all().filter(|&i| dom.is(i, "p")).count(), 2);
    }

    #[test]
    fn text_elements_too_deep_still_read_as_text() {
        let page = "<div>".repeat(20)
            + "<textarea><b>x</b></textarea><title><i>x</i></title><xmp><p>x</xmp>\
               <style>p > i {}</style><script>if (a<b) x()</script><svg><path/><text>x</text></svg>\
               <math><mi>x</mi></math><p>x";
        let dom = guarded(&page, 10);
        let text = dom.text(0);
        for raw in ["<b>x</b>", "<i>x</i>", "<p>x", "p > i {}", "if (a<b) x()"] {
            assert!(text.contains(raw), "{raw} in {text}");
        }
        assert_eq!(count_x(&dom), 7);
        assert!(dom.find("b").is_none() && dom.find("i").is_none());
    }

    #[test]
    fn markup_within_the_cap_parses_as_without_the_guard() {
        let pages = [
            "<!doctype html><html><head><title>T <b></title><style>b{}</style>\
             <script>document.write('<p>')</script></head><body>",
            "<p>a<b>b<i>c</b>d</i>e<p>f<table><tr><td>g</table>h<li>i<li>j<dd>k<dt>l",
            "<textarea>\n<p>t</p></textarea><pre>\ncode</pre><plaintext><p>plain",
            "<svg viewBox='0 0 1 1'><foreignObject><p>p</p></foreignObject><path/><![CDATA[c]]></svg>\
             <math><mi>x</mi><annotation-xml encoding='text/html'><p>y</p></annotation-xml></math>",
            "<table><form><input type=hidden></form><tr><td><select><option>o<option>p</select>",
            "<a href=1>a<a href=2>b</a><nobr>c<nobr>d</nobr><template><p>t</p></template>",
            "<p>unclosed<p>paragraphs<p>beyond the cap in number<p>but not in depth",
        ];
        for page in pages {
            let same = format!("{:?}", guarded(page, 8)) == format!("{:?}", unguarded(page));
            assert!(same, "{page}");
        }
        // Many unclosed paragraphs and list items are siblings, not nesting.
        let many = "<ul>".to_string() + &"<li><p>x".repeat(100) + &"<tr><td>y".repeat(100);
        let dom = guarded(&many, 8);
        assert!(format!("{dom:?}") == format!("{:?}", unguarded(&many)));
        assert!(max_depth(&dom) < 8);
    }

    #[test]
    fn end_tags_of_closed_elements_are_taken_innermost_first() {
        let mut closed = ClosedEarly::default();
        for name in ["div", "ul", "li", "li"] {
            closed.push(LocalName::from(name));
        }
        assert!(!closed.take(&LocalName::from("p")));
        assert!(closed.take(&LocalName::from("ul")));
        assert_eq!(closed.names, [LocalName::from("div")]);
        assert!(!closed.take(&LocalName::from("li")));
        assert!(closed.take(&LocalName::from("div")));
        assert!(!closed.take(&LocalName::from("div")));
    }

    #[test]
    fn the_dom_is_parsed_with_the_guard() {
        let page = "<div>".repeat(MAX_OPEN_ELEMENTS + 100) + "x";
        let dom = Dom::parse(&page);
        let divs = dom.all().filter(|&i| dom.is(i, "div")).count();
        assert!((MAX_OPEN_ELEMENTS - 5..MAX_OPEN_ELEMENTS).contains(&divs));
        assert!(matches!(dom.nodes.last().map(|n| &n.data), Some(Data::Text(t)) if &**t == "x"));
    }
}

#!/usr/bin/env python3
"""Checks JATS files against the JATS4R schematrons (tests/fixtures/jats4r).

    python3 tests/jats4r.py [--warnings] FILE...

Prints the findings of the `errors` phase for each file (with --warnings, those of the
`warnings` phase too) and exits 1 when any file has an errors-phase finding, 2 on a usage or
setup problem. The schematron is compiled here to XSLT 2.0 (its rules, asserts, reports, lets
and functions; the JATS4R rules use nothing else) and run with SaxonC-HE (`pip install
saxonche`). Documents are read without their DTD.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
RULES = pathlib.Path(__file__).resolve().parent / "fixtures" / "jats4r"


def q(name):
    return "{%s}%s" % (SCH, name)


def message(node):
    """The XSLT that writes an assert's or report's text on one line."""
    parts = [escape(node.text or "")]
    for child in node:
        if child.tag == q("value-of"):
            parts.append("<xsl:value-of select=%s/>" % quoteattr(child.get("select")))
        elif child.tag == q("name"):
            parts.append("<xsl:value-of select=%s/>" % quoteattr("name(%s)" % child.get("path", ".")))
        else:
            parts.append(escape("".join(child.itertext())))
        parts.append(escape(child.tail or ""))
    return "<xsl:variable name='m'>%s</xsl:variable><xsl:value-of select=\"normalize-space($m)\"/>" % "".join(parts)


def compile_phase(phase):
    """An XSLT 2.0 stylesheet that prints `pattern<TAB>role<TAB>path<TAB>message` per finding."""
    ET.register_namespace("xsl", XSL)
    schema = ET.parse(RULES / "jats4r.sch").getroot()
    active = [a.get("pattern") for p in schema.iter(q("phase")) if p.get("id") == phase for a in p.iter(q("active"))]
    patterns = {}
    for inc in schema.iter(q("include")):
        pattern = ET.parse(RULES / inc.get("href")).getroot()
        patterns[pattern.get("id")] = pattern
    ns = {n.get("prefix"): n.get("uri") for n in schema.iter(q("ns"))}
    ns.update({"xs": "http://www.w3.org/2001/XMLSchema", "xsd": "http://www.w3.org/2001/XMLSchema", "xsl": XSL})
    out = ['<xsl:stylesheet version="2.0" xml:base=%s' % quoteattr(RULES.as_uri() + "/")]
    out += [" xmlns:%s=%s" % (p, quoteattr(u)) for p, u in ns.items()]
    out.append(' xmlns:chk="urn:folio:jats4r" exclude-result-prefixes="#all">')
    out.append('<xsl:output method="text"/>')
    out.append(
        '<xsl:function name="chk:path"><xsl:param name="n"/><xsl:sequence select="string-join(for $a in'
        " $n/ancestor-or-self::node()[not(self::document-node())] return if ($a instance of attribute())"
        " then concat('@', name($a)) else concat(name($a), '[', count($a/preceding-sibling::*[name() = name($a)]) + 1, ']'),"
        " '/')\"/></xsl:function>"
    )
    for child in schema:
        if child.tag == "{%s}function" % XSL:
            out.append(ET.tostring(child, encoding="unicode"))
        elif child.tag == q("let"):
            out.append("<xsl:variable name=%s select=%s/>" % (quoteattr(child.get("name")), quoteattr(child.get("value"))))
    out.append("<xsl:template match='/'>")
    out += ["<xsl:apply-templates select='/' mode='p%d'/>" % i for i in range(len(active))]
    out.append("</xsl:template>")
    for i, pid in enumerate(active):
        pattern = patterns[pid]
        rules = list(pattern.iter(q("rule")))
        mode = "p%d" % i
        out.append("<xsl:template match='text()' mode='%s' priority='-1'/>" % mode)
        out.append(
            "<xsl:template match='@*|node()' mode='%s' priority='-2'><xsl:apply-templates select='@*|node()' mode='%s'/></xsl:template>"
            % (mode, mode)
        )
        for r, rule in enumerate(rules):
            # Schematron: the first rule of a pattern whose context matches a node is the one that fires.
            out.append("<xsl:template match=%s mode='%s' priority='%d'>" % (quoteattr(rule.get("context")), mode, 1000 - r))
            for let in rule.iter(q("let")):
                out.append("<xsl:variable name=%s select=%s/>" % (quoteattr(let.get("name")), quoteattr(let.get("value"))))
            for check in rule:
                if check.tag not in (q("assert"), q("report")):
                    continue
                test = check.get("test")
                if check.tag == q("assert"):
                    test = "not(%s)" % test
                role = check.get("role", "error")
                out.append(
                    "<xsl:if test=%s><xsl:text>%s\t%s\t</xsl:text><xsl:value-of select='chk:path(.)'/><xsl:text>\t</xsl:text>%s<xsl:text>&#10;</xsl:text></xsl:if>"
                    % (quoteattr(test), escape(pid), escape(role), message(check))
                )
            out.append("<xsl:apply-templates select='@*|node()' mode='%s'/></xsl:template>" % mode)
    out.append("</xsl:stylesheet>")
    return "\n".join(out)


def without_dtd(text):
    """The document with its DTD (which may not be at hand) replaced by the only part the rules
    need: which attributes are IDs and ID references, for `id()` and `idref()`."""
    ids = sorted(set(re.findall(r"<([\w:.-]+)[^<>]*?\sid=", text)))
    refs = sorted(set(re.findall(r"<([\w:.-]+)[^<>]*?\srid=", text)))
    decls = ["<!ATTLIST %s id ID #IMPLIED>" % e for e in ids]
    decls += ["<!ATTLIST %s rid IDREFS #IMPLIED>" % e for e in refs]
    subset = "<!DOCTYPE article [%s]>" % "".join(decls)
    text, n = re.subn(r"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", lambda _: subset, text, count=1, flags=re.S)
    if n == 0:
        text = re.sub(r"(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + subset, text, count=1)
    return text


def main(argv):
    args = [a for a in argv if a != "--warnings"]
    phases = ["errors", "warnings"] if "--warnings" in argv else ["errors"]
    if not args:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        from saxonche import PySaxonProcessor
    except ImportError:
        print("jats4r.py: saxonche is not installed (pip install saxonche)", file=sys.stderr)
        return 2
    failed = False
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        compiled = {p: xslt.compile_stylesheet(stylesheet_text=compile_phase(p)) for p in phases}
        for path in args:
            text = pathlib.Path(path).read_text(encoding="utf-8")
            text = without_dtd(text)
            try:
                doc = proc.parse_xml(xml_text=text)
            except Exception as e:  # saxonche raises its own PySaxonApiError
                print("%s: not well-formed XML: %s" % (path, str(e).strip()))
                failed = True
                continue
            counts = []
            for phase in phases:
                findings = (compiled[phase].transform_to_string(xdm_node=doc) or "").splitlines()
                counts.append("%d %s" % (len(findings), phase))
                for line in findings:
                    print("%s: %s: %s" % (path, phase, line))
                failed |= phase == "errors" and bool(findings)
            print("%s: %s" % (path, ", ".join(counts)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

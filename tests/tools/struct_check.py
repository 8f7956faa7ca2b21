#!/usr/bin/python3
"""struct_check.py OUT.pdf IN.yaml

The tags of a PDF as poppler reads them (pdfinfo -struct-text): the file
is tagged; every character of the input comes back through the structure
tree, in reading order (its 8-character runs contiguous there); the
headings are H1-H4 at the levels of the outline, in its order; a table is
Table > THead/TBody > TR > TH/TD, every TH with /Scope /Column, and every
body row with a cell per column or one cell spanning them; and (pikepdf)
the parent tree maps each page's MCIDs to the elements that name them. Exit 0 when all
holds, 1 with a line per problem.
"""

import re
import subprocess
import sys

import pikepdf
import yaml

from pdf_check import lost_characters, out_of_order, squeeze, yaml_paragraphs


def parse_struct(text):
    """pdfinfo -struct-text as a tree: (type, [children], [texts], attributes)."""
    root = ("ROOT", [], [], [])
    stack = [(-1, root)]
    for line in text.splitlines():
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent[2].append(body[1:-1] if body.endswith('"') else body[1:])
        elif body.startswith("/"):
            parent[3].append(body)
        else:
            m = re.match(r"([A-Za-z0-9]+)", body)
            node = (m.group(1) if m else body, [], [], [])
            parent[1].append(node)
            stack.append((depth, node))
    return root


def walk(node):
    yield node
    for c in node[1]:
        yield from walk(c)


def text_in_order(node, out):
    out.extend(node[2])
    for c in node[1]:
        text_in_order(c, out)


def outline_levels(path):
    levels = []
    with pikepdf.open(path) as pdf:
        with pdf.open_outline() as outline:
            def visit(items, level):
                for it in items:
                    levels.append(level)
                    visit(it.children, level + 1)
            visit(outline.root, 1)
    return levels


def parent_tree_problems(path):
    """Each page's MCIDs, as its content stream opens them, map through the
    parent tree to the elements whose /K names them on that page."""
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None or "/ParentTree" not in root:
            return ["no StructTreeRoot with a ParentTree"]
        tree = pikepdf.NumberTree(root.ParentTree)
        for page in pdf.pages:
            if "/StructParents" not in page:
                problems.append("page %d has no /StructParents" % (page.index + 1))
                continue
            mcids = [int(m) for m in re.findall(rb"/MCID (\d+)", page.Contents.read_bytes())]
            elements = tree.get(int(page.StructParents))
            if elements is None or len(elements) != len(mcids) or mcids != list(range(len(mcids))):
                problems.append("page %d: the parent tree does not list its %d MCIDs" % (page.index + 1, len(mcids)))
                continue
            for mcid, el in enumerate(elements):
                kids = el.K if isinstance(el.K, pikepdf.Array) else [el.K]
                named = any((isinstance(k, int) and int(k) == mcid and el.Pg.objgen == page.objgen) or
                            (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR" and
                             int(k.MCID) == mcid and k.Pg.objgen == page.objgen) for k in kids)
                if not named:
                    problems.append("page %d MCID %d: its element does not name it" % (page.index + 1, mcid))
                    break
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    pdf, source = sys.argv[1], sys.argv[2]
    problems = []
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    if not re.search(r"^Tagged:\s+yes", info, re.M):
        problems.append("not tagged")
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], capture_output=True, text=True)
    tree = parse_struct(out.stdout)
    docs = [n for n in tree[1] if n[0] == "Document"]
    if len(docs) != 1:
        problems.append("the structure tree's root is not one Document")
    texts = []
    text_in_order(tree, texts)
    with open(source, encoding="utf-8") as f:
        doc_yaml = yaml.safe_load(f)
    paras = [squeeze(p) for p in yaml_paragraphs(doc_yaml)]
    lost = lost_characters("".join(texts), paras)
    if lost:
        problems.append("%d characters of the input not in the tags, e.g. %r"
                        % (sum(lost.values()), "".join(sorted(lost)[:30])))
    runs, miss = out_of_order("".join(texts), paras)
    if miss:
        problems.append("reading order: %d of %d 8-character runs not contiguous in the tags, e.g. %s"
                        % (len(miss), len(runs), miss[:3]))
    # Headings at the outline's levels, in its order.
    headings = [int(n[0][1]) for n in walk(tree) if re.fullmatch(r"H[1-6]", n[0])]
    levels = outline_levels(pdf)
    if headings != levels:
        problems.append("heading levels %s… are not the outline's %s…" % (headings[:12], levels[:12]))
    # Tables as tables.
    for table in (n for n in walk(tree) if n[0] == "Table"):
        kinds = [c[0] for c in table[1]]
        if kinds != ["THead", "TBody"]:
            problems.append("a Table holds %s, not THead and TBody" % kinds)
            continue
        head, body = table[1]
        header_rows = [r for r in head[1] if r[0] == "TR"]
        if len(header_rows) != 1 or not header_rows[0][1] or any(c[0] != "TH" for c in header_rows[0][1]):
            problems.append("the THead is not one TR of TH cells")
            continue
        columns = len(header_rows[0][1])
        for th in header_rows[0][1]:
            if not any("/Scope /Column" in a for a in th[3]):
                problems.append("a TH without /Scope /Column")
                break
        for r in body[1]:
            cells = [c for c in r[1] if c[0] == "TD"]
            if r[0] != "TR" or len(cells) != len(r[1]):
                problems.append("a TBody child that is not a TR of TD cells: %s" % r[0])
                break
            spans = len(cells) == 1 and any("/ColSpan %d" % columns in a for a in cells[0][3])
            if len(cells) != columns and not spans:
                problems.append("a body row of %d cells in a table of %d columns" % (len(cells), columns))
                break
    problems += parent_tree_problems(pdf)
    for p in problems:
        print("%s: tags: %s" % (pdf, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""roundtrip_check.py ORIGINAL.yaml IMPORTED.yaml

The items of a bulletin and of what `bulletin import` made of its DOCX
table, field by field: the same items in the same order, with the same
title, number, people, units, result, satisfaction, reply, outcome
paragraphs, related items and note, and the same group titles. Exit 0
when they agree, 1 with a line per difference.
"""

import sys

import yaml


def as_list(v):
    if v is None:
        return []
    return [v] if isinstance(v, (str, dict)) else list(v)


def lines(v):
    return [l.strip() for l in str(v or "").splitlines() if l.strip()]


def leader(v):
    return (str(v.get("name", "")).strip(), str(v.get("position", "") or "").strip()) if isinstance(v, dict) else (str(v).strip(), "")


def item_view(it):
    return {
        "title": str(it.get("title", "")).strip(),
        "number": it.get("number"),
        "proposers": [str(x).strip() for x in as_list(it.get("proposers"))],
        "seconders": [str(x).strip() for x in as_list(it.get("seconders"))],
        "leaders": [leader(x) for x in as_list(it.get("leaders"))],
        "supervisors": [str(x).strip() for x in as_list(it.get("supervisors"))],
        "hosts": [str(x).strip() for x in as_list(it.get("hosts"))],
        "cohosts": [str(x).strip() for x in as_list(it.get("cohosts"))],
        "result": it.get("result"),
        "satisfaction": it.get("satisfaction"),
        "replied": str(it.get("replied")) if it.get("replied") else None,
        "reply_ref": it.get("reply_ref"),
        "progress": lines(it.get("progress")),
        "next_steps": lines(it.get("next_steps")),
        "related": [(r.get("number"), str(r.get("title", "")).strip(), lines(r.get("progress"))) for r in it.get("related") or []],
        "note": lines(it.get("note")),
    }


def items_of(doc):
    groups = doc.get("groups") or [{"title": None, "items": doc.get("items") or []}]
    return [(g.get("title"), item_view(it)) for g in groups for it in g.get("items") or []]


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        want = items_of(yaml.safe_load(f))
    with open(sys.argv[2], encoding="utf-8") as f:
        got = items_of(yaml.safe_load(f))
    problems = []
    if len(want) != len(got):
        problems.append("%d items, want %d" % (len(got), len(want)))
    for k, ((wg, w), (gg, g)) in enumerate(zip(want, got)):
        if wg is not None and str(wg).strip() != str(gg or "").strip():
            problems.append("item %d: group %r, want %r" % (k + 1, gg, wg))
        for field in w:
            if w[field] != g[field]:
                problems.append("item %d %s: %r, want %r" % (k + 1, field, g[field], w[field]))
    for p in problems:
        print("%s: %s" % (sys.argv[2], p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

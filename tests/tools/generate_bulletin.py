#!/usr/bin/python3
"""tests/tools/generate_bulletin.py ITEMS OUT.yaml

A bulletin of ITEMS items built from the real items of seed 000 (义乌 人大),
each title numbered: for the benchmark and for tests that need a render
that takes a while.
"""
import copy
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def generate(path, items):
    with open(os.path.join(ROOT, "data", "000-yiwu-key-suggestions.yaml"), encoding="utf-8") as f:
        seed = yaml.safe_load(f)
    base = seed["items"]
    out = {"bulletin": {"title": f"基准测试：{items}件重点建议办理情况", "issuer": "基准测试"}, "items": []}
    for i in range(items):
        # A deep copy: an office's file spells every item out (shared lists
        # would come out as YAML anchors and aliases, which no clerk types).
        it = copy.deepcopy(base[i % len(base)])
        it.pop("seq", None)
        it["number"] = i + 1
        it["title"] = f"{it['title']}（之{i + 1}）"
        out["items"].append(it)
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(out, f, allow_unicode=True, sort_keys=False)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    generate(sys.argv[2], int(sys.argv[1]))

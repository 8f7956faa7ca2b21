#!/usr/bin/python3
"""Checks `bulletin schema` against the loader it claims to describe.

    schema_check.py BULLETIN ROOT WORKDIR

1. The schema is a valid JSON Schema (draft-07) and equals the committed
   schema/bulletin.schema.json (which examples/ point editors at).
2. Every bundled bulletin, fixture and the `bulletin init` file validates.
3. Mutations of a file that has every key (unknown keys, missing required
   keys, wrong types, values out of range or not among the choices, empty
   entries, forms that are allowed) are judged by the schema and by
   `bulletin validate`; the two verdicts must agree on every one.

Rules that need the file's content (a number used twice, an image file that
exists, characters the fonts have, nesting deeper than four sections) are
the loader's alone and are not mutated here.
"""
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """YAML as a YAML 1.2 editor sees it: dates stay strings."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def main():
    binary, root, work = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3])
    failures = []
    printed = subprocess.run([binary, "schema"], capture_output=True, check=True).stdout
    committed = (root / "schema" / "bulletin.schema.json").read_bytes()
    if printed != committed:
        failures.append("schema/bulletin.schema.json differs from `bulletin schema`: "
                        "run `bulletin schema -o schema/bulletin.schema.json`")
    schema = json.loads(printed)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    def schema_errors(doc):
        return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                for e in validator.iter_errors(doc)]

    # 2. What the project ships and tests with.
    init = work / "init.yaml"
    init.write_bytes(subprocess.run([binary, "init"], capture_output=True, check=True).stdout)
    good = sorted(root.glob("examples/*.yaml")) + sorted(root.glob("data/*.yaml")) + \
        sorted(root.glob("tests/e2e/fixtures/*.yaml")) + [init]
    for path in good:
        for e in schema_errors(load_yaml(path)):
            failures.append(f"{path.name} does not validate: {e}")
    for path in sorted(root.glob("examples/*.yaml")) + sorted(root.glob("data/*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not first.startswith("# yaml-language-server: $schema="):
            failures.append(f"{path.name}: the first line does not name the schema for editors")
        elif not (path.parent / first.split("=", 1)[1]).resolve().is_file():
            failures.append(f"{path.name}: {first} names no file")

    # 3. Mutations of a file with every key, judged by both.
    base = load_yaml(init)
    item = base["groups"][0]["items"][0]
    item["images"] = [{"file": str(root / "tests/e2e/fixtures/chart.png"), "caption": "图表"}]
    base["sections"][0]["sections"] = [{"title": "小节", "body": "正文。"}]
    definitions = schema["definitions"]
    cases = []  # (name, document)

    def mutate(name, change):
        doc = copy.deepcopy(base)
        change(doc)
        cases.append((name, doc))

    def at(path):
        def get(doc):
            node = doc
            for step in path:
                node = node[step]
            return node
        return get

    def mutations_of(path, definition):
        get = at(path)
        where = "/".join(map(str, path)) or "(top)"
        mutate(f"{where}: an unknown key", lambda d: get(d).__setitem__("zzz_unknown", "文字"))
        for key, prop in definition["properties"].items():
            if key in get(base) and key in definition.get("required", []):
                mutate(f"{where}: without required '{key}'", lambda d, k=key: get(d).pop(k))
            mutate(f"{where}.{key}: a mapping", lambda d, k=key: get(d).__setitem__(k, {"x": "文字"}))
            mutate(f"{where}.{key}: null", lambda d, k=key: get(d).__setitem__(k, None))
            mutate(f"{where}.{key}: a list of a list", lambda d, k=key: get(d).__setitem__(k, [["文字"]]))
            if prop.get("type") in ("integer", ["integer", "null"]):
                for v in (prop["minimum"] - 1, prop["minimum"], prop["maximum"], prop["maximum"] + 1, "三"):
                    mutate(f"{where}.{key}: {v!r}", lambda d, k=key, v=v: get(d).__setitem__(k, v))
            if "enum" in prop:
                for v in [c for c in prop["enum"] if c is not None] + ["X", "满意度"]:
                    mutate(f"{where}.{key}: {v!r}", lambda d, k=key, v=v: get(d).__setitem__(k, v))
            if prop.get("format") == "date":
                for v in ("2024-02-29", "2023-02-29", "2024/01/02", "2024-1-2", "明天"):
                    mutate(f"{where}.{key}: {v!r}", lambda d, k=key, v=v: get(d).__setitem__(k, v))
            if "pattern" in prop and prop["pattern"] == "\\S":
                mutate(f"{where}.{key}: blank", lambda d, k=key: get(d).__setitem__(k, "  "))
            if "maxLength" in prop:
                for n in (prop["maxLength"], prop["maxLength"] + 1):
                    mutate(f"{where}.{key}: {n} characters", lambda d, k=key, n=n: get(d).__setitem__(k, "字" * n))
            forms = prop.get("anyOf", [])
            if any(f.get("type") == "array" for f in forms) or prop.get("type") == "array":
                mutate(f"{where}.{key}: an empty list", lambda d, k=key: get(d).__setitem__(k, []))
                mutate(f"{where}.{key}: a blank entry", lambda d, k=key: get(d).__setitem__(k, [" "]))
            if any("type" in f and "string" in f["type"] for f in forms):
                mutate(f"{where}.{key}: plain text", lambda d, k=key: get(d).__setitem__(k, "文字"))

    def definition(name):
        return definitions[name]

    mutations_of([], {"properties": schema["properties"], "required": schema["required"]})
    mutations_of(["bulletin"], definition("bulletin"))
    mutations_of(["bulletin", "column"], definition("column"))
    mutations_of(["bulletin", "byline"], definition("byline"))
    mutations_of(["bulletin", "labels"], definition("labels"))
    mutations_of(["groups", 0], definition("group"))
    mutations_of(["groups", 0, "items", 0], definition("item"))
    mutations_of(["groups", 0, "items", 0, "leaders", 0], definition("leader"))
    mutations_of(["groups", 0, "items", 0, "images", 0], definition("image"))
    mutations_of(["groups", 0, "items", 0, "related", 0], definition("related_item"))
    mutations_of(["sections", 0], definition("section"))
    mutations_of(["sections", 0, "sections", 0], definition("section"))
    # Rules across keys, and forms the loader allows.
    mutate("groups and items", lambda d: d.__setitem__("items", [{"title": "甲"}]))
    mutate("neither groups, items nor sections", lambda d: [d.pop("groups"), d.pop("sections")])
    mutate("sections alone", lambda d: d.pop("groups"))
    mutate("items instead of groups",
           lambda d: [d.__setitem__("items", d["groups"][0]["items"]), d.pop("groups")])
    mutate("a byline of neither", lambda d: d["bulletin"].__setitem__("byline", {"reporter": None}))
    mutate("a byline of blanks", lambda d: d["bulletin"].__setitem__("byline", {"reporter": "", "photographer": ""}))
    mutate("sections empty, nothing else", lambda d: [d.pop("groups"), d.__setitem__("sections", [])])
    mutate("sections null, nothing else", lambda d: [d.pop("groups"), d.__setitem__("sections", None)])
    mutate("items null and sections", lambda d: [d.pop("groups"), d.__setitem__("items", None)])
    mutate("one image, not a list", lambda d: d["groups"][0]["items"][0].__setitem__(
        "images", d["groups"][0]["items"][0]["images"][0]))
    mutate("a related item with related", lambda d: d["groups"][0]["items"][0]["related"][0].__setitem__(
        "related", [{"title": "乙"}]))
    mutate("leaders as names", lambda d: d["groups"][0]["items"][0].__setitem__("leaders", ["杨献", "罗祖盘"]))
    mutate("a leader without a name", lambda d: d["groups"][0]["items"][0].__setitem__(
        "leaders", [{"position": "副市长"}]))

    files = []
    for i, (name, doc) in enumerate(cases):
        path = work / f"case{i:03}.yaml"
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        files.append(path)
    # One run for all: each file is reported as "FILE: ok" or with its errors.
    run = subprocess.run([binary, "validate", *map(str, files)], capture_output=True, text=True)
    said = run.stdout + run.stderr
    accepted = 0
    for (name, doc), path in zip(cases, files):
        loader_ok = f"{path}: ok" in said
        loader_errors = [l for l in said.splitlines() if l.startswith(f"{path}:") and ": error: " in l]
        if loader_ok == bool(loader_errors):
            failures.append(f"{name}: bulletin validate said neither ok nor an error for {path.name}")
            continue
        errors = schema_errors(doc)
        accepted += loader_ok
        if loader_ok != (not errors):
            verdict = "accepts" if loader_ok else "refuses (" + "; ".join(loader_errors)[:300] + ")"
            failures.append(f"{name}: the loader {verdict}, the schema "
                            f"{'refuses (' + '; '.join(errors)[:300] + ')' if errors else 'accepts'}")
    if not failures:
        print(f"schema_check: {len(good)} shipped files validate; {len(cases)} mutations judged alike "
              f"({accepted} accepted by both, {len(cases) - accepted} refused by both)")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""bench/run.py BULLETIN [--runs N] [--layouts a,b] [--sizes 300,3000] [--quick] [--no-typst]

Wall time and peak memory of `bulletin render`, side by side with Typst
setting the same table.

Cases: the seed-000 bulletin (data/000-yiwu-key-suggestions.yaml), the other
files of data/, and bulletins of --sizes items (default 300, 3,000 and
10,000) that tests/tools/generate_bulletin.py builds from seed 000's items.
--quick: seed 000 and 300 items only.

For every case and layout (default official,table,newspaper) bulletin renders
the PDF --runs times (default 3; once for cases of 1,000 items or more); for
the table layout, Typst compiles bench/typst/table.typ — the same table, from
the same YAML, in the same font files — as many times. One row per case and
layout: bulletin's best and median wall time, its peak resident memory (the
largest ru_maxrss of its runs) and the page count; Typst's best time, peak
memory and pages; and Typst / bulletin for time (best against best) and for
memory.

Typst is @myriaddreamin/typst-ts-node-compiler, run by bench/typst/compile.mjs
in one Node process (its ru_maxrss is Typst's peak). The script runs
`npm install --no-save` in bench/typst when node_modules/ is missing; without
node or npm, or where the compiler does not run, it says so and leaves the
Typst columns empty.

Figures, not assertions: they depend on the machine and on what else runs on
it. Compare them between commits, and between the two programs.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPST_DIR = os.path.join(ROOT, "bench", "typst")
SEED = os.path.join(ROOT, "data", "000-yiwu-key-suggestions.yaml")
BIG = 1000  # cases of at least this many items are run once


# ----------------------------------------------------------------- cases ---

class Case:
    def __init__(self, name, path, items):
        self.name, self.path, self.items = name, path, items


def generated_bulletin(path, items):
    """A bulletin of `items` items built from the real items of seed 000."""
    sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    from generate_bulletin import generate
    generate(path, items)


def data_cases(quick):
    """Seed 000 first, then (unless quick) the other files of data/."""
    cases = [Case("000-yiwu-key-suggestions", SEED, 0)]
    if not quick:
        data = os.path.join(ROOT, "data")
        for f in sorted(os.listdir(data)):
            path = os.path.join(data, f)
            if f.endswith(".yaml") and path != SEED:
                cases.append(Case(f[:-len(".yaml")], path, 0))
    return cases


def generated_cases(sizes, tmp):
    """The generated bulletins; each file is written when its turn comes."""
    return [Case(f"generated-{n}", os.path.join(tmp, f"generated-{n}.yaml"), n) for n in sizes]


# ------------------------------------------------------------- measuring ---

class Result:
    def __init__(self, times, peak_kib, pages):
        self.best, self.median = min(times), statistics.median(times)
        self.peak_mib, self.pages = peak_kib / 1024, pages


def run_once(argv, cwd=None):
    """Wall time and ru_maxrss (KiB) of one run; its stderr if it failed."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        except OSError as e:  # e.g. the binary is being rebuilt
            return 0.0, 0, f"cannot run {argv[0]}: {e}"
        _, status, usage = os.wait4(proc.pid, 0)  # this child's usage alone
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) == 0:
            return elapsed, usage.ru_maxrss, None
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        why = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        return elapsed, usage.ru_maxrss, f"{why}\n{err.read().decode(errors='replace')}"


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "?")


def measure(argv, out, runs, cwd=None):
    """`runs` runs of argv, which writes the PDF `out`: a Result, or the error."""
    times, peak = [], 0
    for _ in range(runs):
        elapsed, rss, err = run_once(argv, cwd)
        if err is not None:
            return err
        times.append(elapsed)
        peak = max(peak, rss)
    return Result(times, peak, pdf_pages(out))


def pdf_fonts(path):
    """The fonts a PDF embeds, by PostScript name (no subset tag, no -Identity-H)."""
    listing = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    names = set()
    for line in listing.splitlines()[2:]:
        if line.strip():
            name = line.split()[0].split("+", 1)[-1]
            names.add(re.sub(r"-Identity-H$", "", name))
    return names


# ----------------------------------------------------------------- Typst ---

def typst_setup():
    """(argv that runs compile.mjs, Typst's version), or (None, None) after saying why not."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node:
        print("note: node is not installed; the Typst columns are left empty.")
        return None, None
    if not os.path.isdir(os.path.join(TYPST_DIR, "node_modules")):
        if not npm:
            print("note: npm is not installed, so bench/typst cannot be set up; the Typst columns are left empty.")
            return None, None
        # Not `npm ci`: version 0.7.0's native packages exist for Linux x64
        # only, and npm ci takes the others' absence from the lock file for a
        # lock file out of date. `npm install --no-save` installs what the
        # lock file says and leaves it as it is.
        print("note: installing Typst: npm install --no-save in bench/typst …", flush=True)
        done = subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund"], cwd=TYPST_DIR,
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"note: npm install failed; the Typst columns are left empty.\n{done.stderr.strip()}")
            return None, None
    compile_cmd = [node, os.path.join(TYPST_DIR, "compile.mjs")]
    done = subprocess.run(compile_cmd + ["--version"], cwd=TYPST_DIR, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"note: the Typst compiler does not run here; the Typst columns are left empty.\n{done.stderr.strip()}")
        return None, None
    return compile_cmd, done.stdout.strip()


def bulletin_font_files(binary):
    """The font files `bulletin fonts` resolved: Typst is given exactly these."""
    listing = subprocess.run([binary, "fonts"], capture_output=True, text=True).stdout
    found = set()
    for line in listing.splitlines():
        # "fangsong  cjk  FandolFang Regular  /usr/share/…/FandolFang-Regular.otf  [substitute …]"
        m = re.search(r"\s(/[^\[\]]*?\.(?:ttf|ttc|otf|otc))(?:\s|$)", line, re.IGNORECASE)
        if m:
            found.add(m.group(1))
    return sorted(found)


def typst_argv(compile_cmd, font_files, case, out):
    argv = compile_cmd + [os.path.join(TYPST_DIR, "table.typ"), out,
                          "--input", f"data={os.path.abspath(case.path)}"]
    for f in font_files:
        argv += ["--font-path", f]
    return argv


# ---------------------------------------------------------------- output ---

HEADER = (f"{'case':<30} {'layout':<10}| {'bulletin':>8} {'median':>7} {'peak':>7} {'pages':>6} "
          f"| {'Typst':>7} {'peak':>7} {'pages':>6} | {'Typst/bulletin':>14}")
UNITS = (f"{'':<30} {'':<10}| {'best s':>8} {'s':>7} {'MiB':>7} {'':>6} "
         f"| {'best s':>7} {'MiB':>7} {'':>6} | {'time':>6} {'memory':>7}")


def row(case, layout, b, t):
    line = f"{case.name:<30} {layout:<10}| {b.best:8.3f} {b.median:7.3f} {b.peak_mib:7.1f} {b.pages:>6} |"
    if isinstance(t, Result):
        line += (f" {t.best:7.3f} {t.peak_mib:7.1f} {t.pages:>6} |"
                 f" {t.best / b.best:6.1f} {t.peak_mib / b.peak_mib:7.1f}")
    else:  # "failed", or no Typst for this layout
        line += f" {t or '-':>7} {'':>7} {'':>6} |"
    return line.rstrip()


# ------------------------------------------------------------------ main ---

def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[2])
    ap.add_argument("binary", help="the bulletin executable")
    ap.add_argument("--runs", type=int, default=3, help="runs per case (1 for cases of 1,000 items or more)")
    ap.add_argument("--layouts", default="official,table,newspaper")
    ap.add_argument("--sizes", default="300,3000,10000", help="items of the generated bulletins")
    ap.add_argument("--quick", action="store_true", help="seed 000 and 300 items only")
    ap.add_argument("--no-typst", action="store_true", help="bulletin only")
    args = ap.parse_args()
    args.layouts = [l for l in args.layouts.split(",") if l]
    args.sizes = [300] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    return args


def run_typst(typst, case, bulletin_pdf, runs, tmp, notes):
    """Typst on the case's table: a Result or "failed"; what is amiss goes to notes."""
    compile_cmd, font_files = typst
    out = os.path.join(tmp, "typst-table.pdf")
    t = measure(typst_argv(compile_cmd, font_files, case, out), out, runs, TYPST_DIR)
    if not isinstance(t, Result):
        notes.append(f"{case.name}: Typst failed:\n{t.strip()}")
        return "failed"
    extra = pdf_fonts(out) - pdf_fonts(bulletin_pdf)
    if extra:
        notes.append(f"{case.name}: Typst used fonts bulletin did not: {', '.join(sorted(extra))}")
    return t


def run_case(binary, typst, case, layouts, runs, tmp, notes):
    """Print the case's rows, one per layout."""
    if case.items:
        generated_bulletin(case.path, case.items)
    for layout in layouts:
        out = os.path.join(tmp, f"bulletin-{layout}.pdf")
        b = measure([binary, "render", case.path, "-o", out, "--layout", layout], out, runs)
        if not isinstance(b, Result):
            sys.exit(f"bulletin failed: {case.name} ({layout}): {b}")
        t = run_typst(typst, case, out, runs, tmp, notes) if typst and layout == "table" else None
        print(row(case, layout, b, t), flush=True)


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"cores: {os.cpu_count()}   {version or 'bulletin: version unknown'}")
    typst = None  # (argv of compile.mjs, the font files to give it)
    if not args.no_typst:
        compile_cmd, typst_version = typst_setup()
        if compile_cmd:
            typst = (compile_cmd, bulletin_font_files(binary))
            print(f"{typst_version}, given the {len(typst[1])} font files bulletin resolved")
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        print()
        print(HEADER)
        print(UNITS)
        for case in data_cases(args.quick) + generated_cases(args.sizes, tmp):
            runs = 1 if case.items >= BIG else args.runs
            run_case(binary, typst, case, args.layouts, runs, tmp, notes)
    for n in notes:
        print("note:", n)


if __name__ == "__main__":
    main()

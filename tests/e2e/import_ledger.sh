#!/usr/bin/env bash
# bulletin import: ledgers as offices save them — an Excel workbook (built
# here with openpyxl: shared strings, a merged title row, numbers, real date
# cells, a second sheet), GB18030 with CRLF (Chinese Excel's "CSV"), UTF-8
# with a byte-order mark, plain UTF-8 — with a title
# row above the header, quoted cells holding commas, quotes and line breaks,
# names padded for alignment (杨　献), several names in a cell, a group
# column and a column bulletin does not know. Each imports into YAML that
# validates and renders with every character of the ledger's cells (seq
# and number excepted: they are printed as the layout numbers them); the
# unknown column is named on stderr and kept as a note. Bad ledgers exit 1
# with the file named, and nothing is written.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
/usr/bin/python3 - <<'PY'
rows = [
    ["平湖市政协2024年度重点提案办理情况台账", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["序号", "提案号", "案由", "提案人", "领办领导", "承办单位", "落实情况", "联系电话", "方面", "附议人", "满意度", "答复时间", "答复文号"],
    ["1", "第4号", "关于加快培育汽车产业标志性产业链的建议", "民进平湖市委会", "杨　献", "经信局", "举办2024中德汽车产业大会，\"聚才建圈\"。\n累计173家企业开展数智改造。", "0573-85012345", "产业发展", "赵六、钱　七", "满意", "2024/6/30", "平经信〔2024〕4号"],
    ["2", "173", "关于加快推进虹霓工业园区转型升级的建议", "王富国、李　四", "张三，罗祖盘", "经信局、当湖街道", "园区内10KV高压线改迁工程已于10月4日开工", "", "产业发展", "", "基本满意", "2024年7月1日", ""],
    ["3", "23", "关于鼓励企业“走出去”培育壮大“地瓜经济”的建议", "应荣", "李浩锋", "商务局", "已完成，成效明显。", "", "开放合作", "", "较满意", "六月底", ""],
]
def csv(rows, eol):
    out = []
    for r in rows:
        out.append(",".join('"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n') else c for c in r))
    return eol.join(out) + eol
open("gb.csv", "wb").write(csv(rows, "\r\n").encode("gb18030"))
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "2024年"
for r in rows:
    cells = list(r)
    if cells[0].isdigit():
        cells[0] = int(cells[0])  # numbers as numbers
    for k in (11,):
        parts = cells[k].replace("年", "/").replace("月", "/").replace("日", "").split("/")
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            cells[k] = datetime.date(*map(int, parts))  # a date cell, shown in a date format
    ws.append(cells)
ws.merge_cells("A1:M1")
wb.create_sheet("说明").append(["本表不导入"])
wb.save("book.xlsx")
open("bom.csv", "wb").write(b"\xef\xbb\xbf" + csv(rows, "\r\n").encode("utf-8"))
open("plain.csv", "w", encoding="utf-8").write(csv(rows, "\n"))
# Every character of the cells that must come back: not the header, seq and
# number (the layout numbers them), a group's name once (it heads the group),
# lists without their separators (the layout joins the names its own way).
# Dates are printed as 年月日 (a cell that is no date stays, in the note).
lists = (3, 4, 5, 9)
want = "".join(c.replace("、", "").replace("，", "") if i in lists else c
               for r in rows[2:] for i, c in enumerate(r) if i not in (0, 1, 8) and not (i == 11 and r[i] != "六月底"))
want += "".join(sorted(set(r[8] for r in rows[2:]))) + rows[0][0]
open("want.txt", "w", encoding="utf-8").write("".join(ch for ch in want if not ch.isspace() and ch != "\u3000"))
open("notitle.csv", "w", encoding="utf-8").write("序号,领办领导,主办单位\n1,杨献,法院\n")
open("open-quote.csv", "w", encoding="utf-8").write('序号,标题,主办单位\n1,"关于,法院\n')
PY
for f in book gb bom plain; do
  src=$f.csv; [[ $f == book ]] && src=book.xlsx
  if ! "$bin" import "$src" -o "$f.yaml" >out 2>err; then
    echo "FAIL import $src: $(cat err)"; fail=1; continue
  fi
  grep -q "'联系电话' is not one bulletin knows" err || { echo "FAIL $f: the unknown column is not named: $(cat err)"; fail=1; }
  grep -q "3 items in 2 groups" out || { echo "FAIL $f: $(cat out)"; fail=1; }
  "$bin" validate "$f.yaml" >/dev/null 2>err || { echo "FAIL $f.yaml does not validate: $(cat err)"; fail=1; }
  if "$bin" render "$f.yaml" -o "$f.pdf" --layout official >/dev/null 2>err; then
    /usr/bin/python3 - "$f.pdf" <<'PY' || fail=1
import collections, subprocess, sys
text = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
have = collections.Counter(text)
want = collections.Counter(open("want.txt", encoding="utf-8").read())
lost = {c: n - have[c] for c, n in want.items() if have[c] < n}
if lost:
    print("FAIL %s: characters of the ledger not printed: %r" % (sys.argv[1], "".join(sorted(lost))))
    sys.exit(1)
PY
    grep -q '杨献' "$f.yaml" || { echo "FAIL $f: a padded name kept its padding"; fail=1; }
    grep -q '"王富国", "李四"' "$f.yaml" || { echo "FAIL $f: names not split or not plain"; fail=1; }
    for key in 'seconders: \["赵六", "钱七"\]' 'satisfaction: 满意' 'satisfaction: 基本满意' 'replied: 2024-06-30' \
               'replied: 2024-07-01' 'reply_ref: "平经信〔2024〕4号"' 'note: "满意度：较满意；答复时间：六月底"'; do
      grep -q "$key" "$f.yaml" || { echo "FAIL $f: no $key in the YAML"; fail=1; }
    done
  else
    echo "FAIL render $f.yaml: $(cat err)"; fail=1
  fi
done
tail -n +4 gb.yaml >a; tail -n +4 plain.yaml >b; tail -n +4 book.yaml >c
cmp -s a b || { echo "FAIL the GB18030 and the UTF-8 ledger import differently"; fail=1; }
cmp -s a c || { echo "FAIL the workbook and the CSV import differently:"; diff a c; fail=1; }
"$bin" import book.xlsx --sheet 说明 -o s.yaml >/dev/null 2>err
[[ $? == 1 ]] && grep -q "no header row" err || { echo "FAIL --sheet: $(cat err)"; fail=1; }
"$bin" import book.xlsx --sheet 无此表 -o s.yaml >/dev/null 2>err
[[ $? == 1 ]] && grep -q "has no sheet named '无此表' (its sheets: 2024年, 说明)" err || { echo "FAIL a missing sheet: $(cat err)"; fail=1; }
head -c 2000 book.xlsx >cut.xlsx
"$bin" import cut.xlsx -o cut.yaml >/dev/null 2>err
[[ $? == 1 && ! -e cut.yaml ]] && grep -q "^cut.xlsx: error: is not a zip archive" err || { echo "FAIL a cut workbook: $(cat err)"; fail=1; }

# Bad ledgers: exit 1, the file named, nothing written.
"$bin" import notitle.csv -o notitle.yaml >/dev/null 2>err
[[ $? == 1 ]] && grep -q "^notitle.csv:1:1: error: no header row with a title column" err && [[ ! -e notitle.yaml ]] ||
  { echo "FAIL a ledger without a title column: $(cat err)"; fail=1; }
"$bin" import open-quote.csv -o q.yaml >/dev/null 2>err
[[ $? == 1 ]] && grep -q "^open-quote.csv:2:3: error: a quoted cell is never closed" err && [[ ! -e q.yaml ]] ||
  { echo "FAIL an unterminated quote: $(cat err)"; fail=1; }
cp gb.csv gb.orig
"$bin" import gb.csv -o gb.csv >/dev/null 2>err
[[ $? == 1 ]] && cmp -s gb.csv gb.orig || { echo "FAIL import over its own ledger: $(cat err)"; fail=1; }
# A labelled line of a field with no key of its own (备注：) inside another cell is kept.
printf '序号,案由,办理情况\n1,甲,"已办结。\n备注：保留此句"\n' >inner-note.csv
"$bin" import inner-note.csv -o inner-note.yaml >/dev/null 2>err && grep -q 'note: "保留此句"' inner-note.yaml ||
  { echo "FAIL a 备注 line inside a cell was dropped: $(cat err inner-note.yaml)"; fail=1; }
touch table.doc
"$bin" import table.doc -o x.yaml >/dev/null 2>err
[[ $? == 2 ]] && grep -q "a ledger is read from .xlsx, .csv or .docx" err || { echo "FAIL a .doc ledger: $(cat err)"; fail=1; }
exit $fail

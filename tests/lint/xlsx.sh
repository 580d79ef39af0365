#!/usr/bin/env bash
# .xlsx workbooks (issue 13): workbooks written at run time by openpyxl (make_workbook.py: two
# sheets with replies, a notes sheet, merged cells, a formula, an empty row; and the same as
# Excel saves it, with shared strings, rich text and the formula's value) give the findings of
# golden/xlsx-*.out at FILE:SHEET!CELL; SARIF names the cell as a logical location (and
# validates); JSON has "cell"; suppression by hash; standard input; the buyer's question column;
# and the workbooks that are refused: .xls, not a zip, no reply column anywhere, a part above
# the size cap (a zip bomb), too many parts. Needs Debian's python3-openpyxl.
# Usage: xlsx.sh REPLYLINT [--update]
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
if ! "$python" -c 'import openpyxl' 2>/dev/null; then
  echo "FAIL: this test needs Debian's python3-openpyxl: apt-get install -y python3-openpyxl"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/wb"
"$python" "$here/make_workbook.py" "$tmp/wb" || { echo "FAIL: make_workbook.py"; exit 1; }
cd "$tmp/wb" || exit 1
touch .replylint.yaml  # the ignore file is looked for beside it
passed=0 failed=0
P=(--rules "$here/packs")
check() {  # check NAME CONDITION-STATUS [DETAIL-FILE]
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else
    echo "FAIL $1"; [ -n "${3:-}" ] && head -20 "$3"; failed=$((failed + 1)); fi
}
golden() {  # golden NAME EXIT ARGS...
  local name=$1 want=$2
  shift 2
  "$bin" lint "${P[@]}" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$update" = --update ]; then cp "$tmp/out" "$here/golden/$name.out"; cp "$tmp/err" "$here/golden/$name.err"; fi
  [ "$got" = "$want" ]; check "$name: exit $got, expected $want" $? "$tmp/err"
  for s in out err; do
    diff -u "$here/golden/$name.$s" "$tmp/$s" >"$tmp/diff"; check "$name: std$s differs from golden/$name.$s" $? "$tmp/diff"
  done
}

golden xlsx-openpyxl 1 快捷短语.xlsx
golden xlsx-shared-strings 1 共享字符串.xlsx

# JSON: the cell in place of line and column.
"$bin" lint "${P[@]}" --format jsonl 快捷短语.xlsx >"$tmp/jsonl"
grep -q '^{"type":"violation","file":"快捷短语.xlsx","cell":"售前!B7","rule":"demo.wechat"' "$tmp/jsonl"
check "jsonl: cell" $? "$tmp/jsonl"

# SARIF: the cell as a logical location, no region; the log validates.
"$bin" lint "${P[@]}" --format sarif 快捷短语.xlsx >"$tmp/x.sarif"
grep -q '"fullyQualifiedName": "售前!B3"' "$tmp/x.sarif" && grep -q '"kind": "element"' "$tmp/x.sarif" &&
  ! grep -q '"startLine"' "$tmp/x.sarif"
check "sarif: logical location" $? "$tmp/x.sarif"
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  (cd "$here" && /usr/bin/python3 validate_sarif.py sarif/sarif-schema-2.1.0.json "$tmp/x.sarif" >"$tmp/v" 2>&1)
  check "sarif: valid" $? "$tmp/v"
fi

# Suppression by hash, as for CSV: the hash printed for 售前!B3 accepts that reply only.
"$bin" lint "${P[@]}" 快捷短语.xlsx >"$tmp/out"
hash=$(grep -A5 '售前!B3:' "$tmp/out" | sed -n 's/^  hash: \([0-9a-f]\{16\}\) .*/\1/p' | head -1)
printf -- '- file: 快捷短语.xlsx\n  rule: demo.wechat\n  hash: %s\n  reason: 测试\n' "$hash" >.replylint-ignore.yaml
"$bin" lint "${P[@]}" 快捷短语.xlsx >"$tmp/out2"
[ -n "$hash" ] && ! grep -q '售前!B3:' "$tmp/out2" && grep -q '售前!B7:' "$tmp/out2" && grep -q '; 1 suppressed' "$tmp/out2"
check "suppression by hash" $? "$tmp/out2"
rm .replylint-ignore.yaml

# Standard input, named by --stdin-filename: the same findings as the file.
"$bin" lint "${P[@]}" --stdin-filename 快捷短语.xlsx - <快捷短语.xlsx >"$tmp/stdin"
diff -u "$here/golden/xlsx-openpyxl.out" "$tmp/stdin" >"$tmp/diff"
check "stdin" $? "$tmp/diff"

# The buyer's question column of a sheet, as in CSV: the pack's shop.qq-consent fires only on
# the row whose question asks for a QQ number, and the finding carries that question.
"$python" - <<'PY'
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "问答"
ws.append(["买家问题", "回复内容"])
ws.append(["有QQ吗？", "有的，稍等"])
ws.append(["有现货吗？", "有的，今天就能发"])
ws.append([None, "好的，今天就能发"])
wb.save("问答.xlsx")
PY
"$bin" lint --rules "$here/../context_pack" --format jsonl 问答.xlsx >"$tmp/qa" 2>&1
[ "$(grep -c '"type":"violation"' "$tmp/qa")" = 1 ] &&
  grep -q '"cell":"问答!B2","rule":"shop.qq-consent".*"buyer":"有QQ吗？"' "$tmp/qa"
check "xlsx: the buyer's question column" $? "$tmp/qa"

# Refused workbooks.
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' >old.xls
printf 'not a zip' >broken.xlsx
"$python" - <<'PY'
import zipfile
# A zip bomb: one sheet of 80 MiB of blanks, about 80 KB compressed.
with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * (80 << 20) + "</worksheet>")
with zipfile.ZipFile("many.xlsx", "w") as z:
    for i in range(10001):
        z.writestr("x/%d" % i, "")
# A DOCTYPE (an entity expansion attack needs one).
with zipfile.ZipFile("doctype.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", '<!DOCTYPE w [<!ENTITY a "aaaa">]><workbook/>')
PY
golden xlsx-refused 2 old.xls broken.xlsx 说明.xlsx bomb.xlsx many.xlsx doctype.xlsx

echo "xlsx: $passed passed, $failed failed"
[ "$failed" = 0 ]

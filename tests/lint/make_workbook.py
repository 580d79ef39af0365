#!/usr/bin/python3
"""Writes the workbooks tests/lint/xlsx.sh lints, with openpyxl (Debian's python3-openpyxl):

  快捷短语.xlsx   as openpyxl writes it (inline strings): a sheet 售前 with a header row, an empty
                  row, a formula cell (openpyxl stores no computed value for it), cells merged
                  across B7:C7; a sheet '售后 FAQ' whose name needs quoting; a notes sheet 说明
                  without a reply column (skipped).
  共享字符串.xlsx the same workbook as Excel saves it: every string in xl/sharedStrings.xml, one
                  as rich text runs with a phonetic guide (<rPh>, not part of the text), and the
                  formula with its computed value. Rewritten from the first with the standard
                  library's zipfile and ElementTree (a test fixture, not the reader).
  说明.xlsx       only the notes sheet: no sheet has a reply column.

Usage: make_workbook.py OUT_DIR
"""
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

out = sys.argv[1]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "售前"
ws.append(["快捷编码", "短语内容", "分组"])
ws.append(["/zp", "亲，本店商品均为正品。", "售前"])
ws.append(["/wx", "亲，有问题加我微信哦", "售前"])
ws.append([])  # row 4 stays empty
ws.append(["/dh", "电话 13812345678", "售前"])
ws.append(["/f", '="加我"&"微信"', "售前"])
ws["A7"] = "/m"
ws["B7"] = "合并单元格：加微信"
ws.merge_cells("B7:C7")
faq = wb.create_sheet("售后 FAQ")
faq.append(["短语内容"])
faq.append(["亲，退货请加微信 abc"])
notes = wb.create_sheet("说明")
notes.append(["这个工作簿是客服快捷短语，每个工作表一个场景。"])
wb.save(os.path.join(out, "快捷短语.xlsx"))

only_notes = openpyxl.Workbook()
only_notes.active.title = "说明"
only_notes.active.append(["没有回复列"])
only_notes.save(os.path.join(out, "说明.xlsx"))

# The shared-strings variant.
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ET.register_namespace("", NS)
q = lambda tag: "{%s}%s" % (NS, tag)
strings = []  # (plain text, element)


def shared(text):
    si = ET.Element(q("si"))
    if text == "亲，有问题加我微信哦":  # rich text, as Excel writes a cell with two fonts, and a phonetic guide
        for part in ("亲，有问题加我", "微信哦"):
            r = ET.SubElement(si, q("r"))
            ET.SubElement(r, q("t")).text = part
        rph = ET.SubElement(si, q("rPh"), sb="0", eb="1")
        ET.SubElement(rph, q("t")).text = "しん"
    else:
        ET.SubElement(si, q("t")).text = text
    strings.append(si)
    return len(strings) - 1


src = zipfile.ZipFile(os.path.join(out, "快捷短语.xlsx"))
parts = {n: src.read(n) for n in src.namelist()}
for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
    root = ET.fromstring(parts[name])
    for c in root.iter(q("c")):
        f = c.find(q("f"))
        if f is not None:  # the formula's computed value, as Excel stores it
            c.set("t", "str")
            v = c.find(q("v"))
            v.text = "加我微信"
            continue
        if c.get("t") != "inlineStr":
            continue
        text = "".join(t.text or "" for t in c.iter(q("t")))
        c.remove(c.find(q("is")))
        c.set("t", "s")
        ET.SubElement(c, q("v")).text = str(shared(text))
    parts[name] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
sst = ET.Element(q("sst"), count=str(len(strings)), uniqueCount=str(len(strings)))
sst.extend(strings)
parts["xl/sharedStrings.xml"] = ET.tostring(sst, xml_declaration=True, encoding="UTF-8")
rels = ET.fromstring(parts["xl/_rels/workbook.xml.rels"])
RNS = "http://schemas.openxmlformats.org/package/2006/relationships"
ET.SubElement(rels, "{%s}Relationship" % RNS, Id="rId99", Target="sharedStrings.xml",
              Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings")
parts["xl/_rels/workbook.xml.rels"] = ET.tostring(rels, xml_declaration=True, encoding="UTF-8")
with zipfile.ZipFile(os.path.join(out, "共享字符串.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)

#!/usr/bin/python3
"""Writes the seeds of fuzz_lint_readers for the decoding stage and the xlsx reader into
fuzz/corpus/lint_readers (the first byte picks format and encoding, see fuzz_lint_readers.cpp).
The workbooks come from tests/lint/make_workbook.py (Debian's python3-openpyxl).
Usage: fuzz/make_lint_seeds.py"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus", "lint_readers")


def w(name, mode, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([mode]) + data)


w("seed-gbk-txt", 0, "# 快捷短语\n亲，加我微信哦\n电话 13812345678\n".encode("gbk"))
w("seed-utf16le-csv", 1, b"\xff\xfe" + "短语内容,分组\n\"亲，退货\n请加微信\",售后\n".encode("utf-16-le"))
w("seed-utf16be-yaml", 3, b"\xfe\xff" + "- content: |\n    加微信\n".encode("utf-16-be"))
w("seed-gb18030-md", 5, "# 话术\n\n- 㐀𠮷加我微信\n\n```\n代码\n```\n".encode("gb18030"))
w("seed-named-gbk-json", 0 + 7 * 1, '[{"content": "加我微信"}]'.encode("gbk"))
w("seed-named-utf16le-tsv", 2 + 7 * 2, "内容\t分组\n加微信\t售后\n".encode("utf-16-le"))
w("seed-named-sjis-txt", 0 + 7 * 3, "こんにちは\n".encode("shift_jis"))
w("seed-undecodable-txt", 0, "café\n".encode("cp1252"))
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(here, "..", "tests", "lint", "make_workbook.py"), tmp], check=True)
    for name, seed in (("快捷短语.xlsx", "seed-xlsx-inline"), ("共享字符串.xlsx", "seed-xlsx-shared")):
        with open(os.path.join(tmp, name), "rb") as f:
            w(seed, 6, f.read())

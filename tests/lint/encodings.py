#!/usr/bin/env python3
"""Encodings of `replylint lint` (issue 13), end to end.

The same script library (txt, csv with a quoted multi-line cell, md, yaml) written as UTF-8,
UTF-8 with BOM, UTF-16LE and UTF-16BE with BOM, GBK and GB18030 must give the same findings at
the same LINE:COLUMN, and each file says which encoding it was read as. A second library holds
characters outside GBK (CJK Extension A and B, four bytes in GB18030) before a violation, so
that its columns count them as one character each. Then the files that cannot be read: not
UTF-8 nor GB18030 (an error at the first bad byte, with its offset and the fix), a named
encoding that does not fit, a UTF-16 file with a lone surrogate, a mostly UTF-8 file with stray
bytes that GB18030 would read as garbage (it stays UTF-8, its bad reply is reported), an
unknown encoding name; `encoding:` per glob and --encoding; standard input (`lint -`,
--stdin-filename) on a GBK csv.

Usage: encodings.py REPLYLINT PACKS_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

BIN, PACKS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failed = 0
passed = 0


def check(name, ok, detail=""):
    global failed, passed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}" + (f"\n{detail}" if detail else ""))


def lint(*args, cwd=None, stdin=b""):
    p = subprocess.run([BIN, "lint", "--rules", PACKS, "--no-config", *args], cwd=cwd, input=stdin,
                       capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def findings(out):
    """(file name, line, column, end line, end column, rule) of each violation, and each file's encoding."""
    got, encodings = [], {}
    for line in out.splitlines():
        j = json.loads(line)
        name = os.path.basename(j.get("file", ""))
        if j["type"] == "violation":
            got.append((name, j["line"], j["column"], j["end_line"], j["end_column"], j["rule"]))
        elif j["type"] == "file":
            encodings[name] = j.get("encoding")
    return sorted(got), encodings


BASE = {
    "lib.txt": "# 快捷短语\n亲，在的，请问有什么可以帮您？\n亲，有问题加我微信 abc12345 哦\n电话 13812345678 找我\n",
    "lib.csv": "快捷编码,短语内容,分组\n/zp,亲，本店商品均为正品。,售前\n/wx,\"亲，退货\n请加微信 abc12345\",售后\n"
               "/dh,电话13812345678,售后\n",
    "lib.md": "# 话术\n\n- 亲，欢迎光临\n- 有事加我微信哦\n\n亲，电话\n13812345678 随时\n",
    "lib.yaml": "- title: 问候\n  content: |\n    亲，您好\n    加微信 abc12345\n",
}
# Characters outside GBK before the violations: U+3400 (Extension A) and U+20BB7 (Extension B).
EXT = {
    "ext.txt": "㐀𠮷：加我微信\n𠮷𠮷𠮷 电话 13812345678\n",
    "ext.csv": "短语内容\n\"𠮷祥\n㐀加我微信\"\n",
}
for text in EXT.values():
    try:
        text.encode("gbk")
        check("the extension library is outside GBK", False)
    except UnicodeEncodeError:
        pass

VARIANTS = {  # directory: (Python codec, BOM bytes, the encoding replylint must say)
    "utf8": ("utf-8", b"", "UTF-8"),
    "utf8-bom": ("utf-8", b"\xef\xbb\xbf", "UTF-8"),
    "utf16le": ("utf-16-le", b"\xff\xfe", "UTF-16LE"),
    "utf16be": ("utf-16-be", b"\xfe\xff", "UTF-16BE"),
    "gbk": ("gbk", b"", "GB18030"),
    "gb18030": ("gb18030", b"", "GB18030"),
}

with tempfile.TemporaryDirectory() as tmp:
    for library, variants in ((BASE, VARIANTS), (EXT, {k: v for k, v in VARIANTS.items() if k != "gbk"})):
        reference = None
        for d, (codec, bom, said) in variants.items():
            folder = os.path.join(tmp, d + "-" + next(iter(library)))
            os.makedirs(folder)
            for name, text in library.items():
                with open(os.path.join(folder, name), "wb") as f:
                    f.write(bom + text.encode(codec))
            status, out, err = lint("--format", "jsonl", folder)
            got, encodings = findings(out)
            if reference is None:
                reference = got
                check(f"{d}: the reference finds violations", len(got) >= 3, out + err)
            check(f"{d}: same findings as UTF-8 ({next(iter(library))})", got == reference,
                  f"got {got}\nwant {reference}\n{err}")
            check(f"{d}: exit 1 and no errors", status == 1 and err == "", f"exit {status}\n{err}")
            check(f"{d}: read as {said}", set(encodings.values()) == {said}, str(encodings))

    # Columns count characters outside the BMP and outside GBK as one each.
    status, out, err = lint("--format", "jsonl", os.path.join(tmp, "gb18030-ext.txt"))
    got, _ = findings(out)
    want = [("ext.csv", 3, 4, 3, 6, "demo.wechat"), ("ext.txt", 1, 6, 1, 8, "demo.wechat"),
            ("ext.txt", 2, 8, 2, 19, "demo.phone")]
    check("GB18030 four-byte characters are one column each", got == want, f"got {got}\n{err}")

    # Text output names the encoding of a file that was not UTF-8.
    status, out, err = lint(os.path.join(tmp, "gbk-lib.txt", "lib.csv"))
    check("text output notes the encoding", out.startswith(os.path.join(tmp, "gbk-lib.txt", "lib.csv") +
                                                            ": note: read as GB18030\n"), out)

    bad = os.path.join(tmp, "bad")
    os.makedirs(bad)

    def write(name, data):
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)
        return name

    # Windows-1252: neither UTF-8 nor GB18030. The error names the first bad byte and the fix.
    write("latin1.txt", "Bonjour\ncafé au lait\n".encode("cp1252"))
    status, out, err = lint("latin1.txt", cwd=bad)
    want = ("latin1.txt:2:4: error: neither UTF-8 nor GB18030/GBK: byte 0xE9 at byte offset 11 cannot be decoded; "
            "save the file as UTF-8 (Excel: CSV UTF-8), or name its encoding with --encoding NAME or `encoding:` in "
            ".replylint.yaml (e.g. big5, shift_jis, windows-1252)\n")
    check("undecodable: error at the first bad byte", status == 2 and err == want, f"exit {status}\n{err}")
    status, out, err = lint("--encoding", "windows-1252", "latin1.txt", cwd=bad)
    check("--encoding reads it", status == 0 and err == "" and "latin1.txt: note: read as windows-1252" in out,
          f"exit {status}\n{out}{err}")

    # A named encoding that does not fit: a UTF-8 file of odd length named UTF-16LE.
    write("odd.txt", "加我\n".encode("utf-8"))
    status, out, err = lint("--encoding", "utf-16le", "odd.txt", cwd=bad)
    check("a wrong named encoding is an error", status == 2 and err.startswith(
        "odd.txt:1:4: error: not utf-16le (the encoding named for it): byte 0x0A at byte offset 6 (a character cut "
        "off at the end) cannot be decoded; is the name right?"), f"exit {status}\n{err}")

    # UTF-16 with a BOM and a lone surrogate.
    write("surrogate.txt", b"\xff\xfe" + "hi\n".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le"))
    status, out, err = lint("surrogate.txt", cwd=bad)
    check("UTF-16 with a lone surrogate is an error", status == 2 and err.startswith(
        "surrogate.txt:2:1: error: not UTF-16 although it starts with a UTF-16LE byte-order mark: bytes 0x00 0xD8 at "
        "byte offset 8"), f"exit {status}\n{err}")

    # Mostly UTF-8 with two stray bytes, which GB18030 would decode cleanly into nonsense: it
    # stays UTF-8, and only the reply with the bad bytes is an error.
    data = "加我微信\n".encode("utf-8") + "电话".encode("utf-8") + b"\xb5\xb5\n" + "您好\n".encode("utf-8")
    data.decode("gb18030")  # the trap: this does not fail
    write("stray.txt", data)
    status, out, err = lint("stray.txt", cwd=bad)
    check("mostly UTF-8 stays UTF-8", status == 2 and "stray.txt:1:3: error: 提供微信" in out and
          err == "stray.txt:2:3: error: invalid UTF-8 (byte 0xB5); this reply was not checked, the rest of the file "
                 "was\n", f"exit {status}\n{out}{err}")

    # UTF-16 without a BOM: NUL bytes, refused with the fix; named, it is read.
    write("nobom.txt", "加我微信\n".encode("utf-16-le"))
    status, out, err = lint("nobom.txt", cwd=bad)
    check("UTF-16 without a BOM is an error", status == 2 and err.startswith(
        "nobom.txt: error: a NUL byte at byte offset 9: UTF-16 without a byte-order mark? Name its encoding"),
        f"exit {status}\n{err}")
    status, out, err = lint("--encoding", "utf-16le", "nobom.txt", cwd=bad)
    check("UTF-16 without a BOM, named", status == 1 and "nobom.txt:1:3: error: 提供微信" in out, f"{out}{err}")

    # Unknown names.
    status, out, err = lint("--encoding", "no-such-encoding", "stray.txt", cwd=bad)
    check("--encoding with an unknown name", status == 2 and "unknown encoding 'no-such-encoding'" in err, err)

    # encoding: in the config, per glob; other files are still detected.
    shop = os.path.join(tmp, "shop")
    os.makedirs(os.path.join(shop, "legacy"))
    with open(os.path.join(shop, ".replylint.yaml"), "w") as f:
        f.write('encoding: {"legacy/": big5}\n')
    with open(os.path.join(shop, "legacy", "old.txt"), "wb") as f:
        f.write("您好\n請加我微信\n".encode("big5"))
    with open(os.path.join(shop, "new.txt"), "wb") as f:
        f.write("请加我微信\n".encode("gbk"))
    p = subprocess.run([BIN, "lint", "--rules", PACKS, "--format", "jsonl", "."], cwd=shop, capture_output=True)
    got, encodings = findings(p.stdout.decode())
    check("encoding: per glob", got == [("new.txt", 1, 4, 1, 6, "demo.wechat"), ("old.txt", 2, 4, 2, 6, "demo.wechat")]
          and encodings == {"old.txt": "big5", "new.txt": "GB18030"}, f"{got} {encodings} {p.stderr.decode()}")
    # encoding: NAME applies to every file, also outside the config's folder (--config).
    with open(os.path.join(tmp, "big5.yaml"), "w") as f:
        f.write("encoding: big5\n")
    p = subprocess.run([BIN, "lint", "--rules", PACKS, "--format", "jsonl", "--config", os.path.join(tmp, "big5.yaml"),
                        "legacy/old.txt"], cwd=shop, capture_output=True)
    got, encodings = findings(p.stdout.decode())
    check("encoding: for every file, with --config", got == [("old.txt", 2, 4, 2, 6, "demo.wechat")] and
          encodings == {"old.txt": "big5"}, f"{got} {encodings} {p.stderr.decode()}")
    with open(os.path.join(shop, ".replylint.yaml"), "w") as f:
        f.write("packs: [demo]\nencoding: nosuch\n")
    p = subprocess.run([BIN, "lint", "--rules", PACKS, "."], cwd=shop, capture_output=True)
    check("encoding: with an unknown name", p.returncode == 2 and p.stderr.decode().startswith(
        ".replylint.yaml:2:11: error: unknown encoding 'nosuch'"), p.stderr.decode())

    # Standard input: the GBK csv, named by --stdin-filename (its format and its name).
    qn = "快捷编码,短语内容,分组\n/wx,亲，加我微信哦,售后\n".encode("gbk")
    status, out, err = lint("--stdin-filename", "lib/qn.csv", "-", stdin=qn)
    check("stdin with --stdin-filename", status == 1 and out.startswith(
        "lib/qn.csv: note: read as GB18030\nlib/qn.csv:2:9: error: 提供微信") and err == "", f"exit {status}\n{out}{err}")
    status, out, err = lint("-", stdin="加我微信\n".encode("utf-8"))
    check("stdin without a name is a txt file named -", status == 1 and out.startswith("-:1:3: error: 提供微信"),
          f"exit {status}\n{out}{err}")
    p = subprocess.run([BIN, "lint", "--stdin-filename", "a.txt", "x.txt"], capture_output=True)
    check("--stdin-filename without -", p.returncode == 2 and b"given as the path -" in p.stderr, p.stderr.decode())

print(f"encodings: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

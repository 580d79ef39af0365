"""The README's "Use it from your chat client" snippets are cut from files that the suite builds
and runs. Every code block of that section whose info string names a file (```cpp
examples/chat_client.cpp) must consist of lines of that file, in the file's order; a line "…"
marks a cut. Exits 77 (skipped) while README.md has no such section.

    python3 tests/c_api/readme_snippets.py SOURCE_DIR"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
readme = (root / "README.md").read_text(encoding="utf-8")
section = re.search(r"^## Use it from your chat client\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
if not section:
    print('skipped: README.md has no "## Use it from your chat client" section')
    sys.exit(77)
blocks = re.findall(r"^```(\w+) (\S+)\n(.*?)^```", section.group(1), re.S | re.M)
if not blocks:
    print("FAIL: no code block in the section names the file it comes from (```cpp examples/...)")
    sys.exit(1)
failed = 0
for _, path, body in blocks:
    source = root / path
    if not source.is_file():
        print(f"FAIL: {path} does not exist")
        failed += 1
        continue
    lines = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()]
    at = 0
    for line in body.splitlines():
        wanted = line.strip()
        if wanted in ("", "…", "// …", "# …", "/* … */"):
            continue
        try:
            at = lines.index(wanted, at) + 1
        except ValueError:
            print(f"FAIL: README snippet line not found in {path} (in order): {line}")
            failed += 1
            break
print(f"README client snippets: {len(blocks) - failed} of {len(blocks)} blocks are cut from their files")
sys.exit(1 if failed else 0)

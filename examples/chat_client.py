#!/usr/bin/env python3
"""A chat client's send path in Python: every draft the agent types (one per line of standard
input) is checked before it is "sent"; a draft that breaks a rule is held back and the agent
sees where, what it would cost the shop, and a compliant way to say it. A line "> TEXT" is a
message from the buyer: the drafts after it answer it, and are checked with it as their context.

    PYTHONPATH=bindings/python python3 examples/chat_client.py [RULES_DIR] < drafts.txt

Prints exactly what examples/chat_client.cpp prints; the test suite checks it."""
import io
import sys

import replylint


def main() -> int:
    # Once, at start-up: compile the rules into an engine that every conversation shares.
    try:
        engine = (replylint.Engine.from_directory(sys.argv[1]) if len(sys.argv) > 1
                  else replylint.Engine.from_embedded())
    except replylint.Error as e:
        print(e, file=sys.stderr)  # "shop.yaml:12:7: error: … [shop.x]"
        return 2
    shop = replylint.CheckOptions(max_reply_bytes=2000)  # every rule applies, drafts up to 2000 bytes

    drafts = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="\n")
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    buyer, n = None, 0  # the buyer's last message
    for draft in drafts:
        draft = draft.removesuffix("\n")
        if draft.startswith("> "):  # the buyer wrote
            buyer = draft[2:]
            continue
        n += 1
        # Before each send: check the draft as the answer to the buyer's last message (safe from
        # any thread; the GIL is released).
        try:
            report = engine.check(draft, shop, buyer=buyer)
        except replylint.Error as e:
            out.write(f"draft {n}: held back, not checked: {e}\n")
            continue
        if report.clean:
            out.write(f"draft {n}: sent\n")
            continue
        out.write(f"draft {n}: held back, {report.points} points at risk\n")
        for v in report.violations:
            # char_start/char_end are code points: what Python's str indexes.
            out.write(f"  {draft[:v.char_start]}[[{v.text}]]{draft[v.char_end:]}\n"
                      f"  {v.rule} ({v.points} points"
                      f"{'' if v.counted else f', not counted: {v.platform_rule} counts once'}): {v.message}\n"
                      f"  try instead: {v.suggestion}\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

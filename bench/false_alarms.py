#!/usr/bin/env python3
"""False alarms and misses of replylint on generated replies and on the seed documents.

Usage: bench/false_alarms.py [--binary build/replylint] [--n 200000] [--show 40] [--seeds DIR]

1. Generates N replies with bench/gen_corpus.py (fixed seed) and checks them with
   `replylint check --lines --format jsonl`. Lines labelled 0 are clean: every violation on
   one is a false alarm unless it is a real violation the generator did not mean; the script
   lists them by rule for review and prints the rate. Labelled lines give recall per kind.
2. With --seeds DIR, checks every sentence of DIR/*.txt (the training material's seed
   documents, which quote agent replies, good and bad, and discuss the rules; they are not
   part of this repository) and lists what fires, for review.
Exit 0 when it ran; the figures are for people, not a pass/fail gate.
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Injected kinds that a shipped pack is meant to catch, and which pack.
KIND_PACK = {"wechat": "off-platform", "qq": "off-platform", "phone": "off-platform",
             "offplatform": "off-platform", "invoice_fee": "invoice", "card_fee": "surcharge",
             "guarantee": "shipping-promise", "privacy": "buyer-privacy"}


def check(binary, lines):
    proc = subprocess.run([binary, "check", "--lines", "--format", "jsonl"],
                          input="".join(l + "\n" for l in lines).encode(), capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"replylint failed ({proc.returncode}): {proc.stderr.decode()[:2000]}")
    out = [json.loads(l) for l in proc.stdout.decode().splitlines()]
    assert len(out) == len(lines), (len(out), len(lines))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(HERE, "..", "build", "replylint"))
    ap.add_argument("--n", type=int, default=200000)
    ap.add_argument("--show", type=int, default=40, help="flagged lines to print per section")
    ap.add_argument("--seeds", help="a folder of seed documents (*.txt) to check sentence by sentence")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(a.n)],
                       cwd=work, check=True, capture_output=True)
        lines = open(os.path.join(work, "corpus.txt"), encoding="utf-8").read().split("\n")[:a.n]
        labels = open(os.path.join(work, "corpus.labels.txt")).read().split("\n")[:a.n]
    results = check(a.binary, lines)

    clean = flagged = 0
    by_rule = collections.Counter()
    shown = []
    recall = collections.defaultdict(lambda: [0, 0])
    for text, label, rec in zip(lines, labels, results):
        packs = {v["pack"] for v in rec["violations"]}
        if label == "0":
            clean += 1
            if rec["violations"]:
                flagged += 1
                for v in rec["violations"]:
                    by_rule[v["rule"]] += 1
                if len(shown) < a.show:
                    shown.append("  " + ", ".join(f'{v["rule"]} [{v["text"]}]' for v in rec["violations"]) + "\n    " + text)
        else:
            for kind in label.split(","):
                if kind in KIND_PACK:
                    recall[kind][1] += 1
                    recall[kind][0] += KIND_PACK[kind] in packs
    print(f"generated replies: {a.n}, clean: {clean}, clean flagged: {flagged} "
          f"({100.0 * flagged / max(clean, 1):.3f}%)")
    for rule, n in by_rule.most_common():
        print(f"  {n:6d}  {rule}")
    if shown:
        print("first flagged clean replies:")
        print("\n".join(shown))
    print("recall on injected violations, by kind:")
    for kind, (ok, n) in sorted(recall.items()):
        print(f"  {kind:12s} {ok:5d}/{n:<5d} {100.0 * ok / n:5.1f}%  ({KIND_PACK[kind]})")

    if not a.seeds:
        return 0
    sentences = []
    for name in sorted(n for n in os.listdir(a.seeds) if n.endswith(".txt")):
        text = open(os.path.join(a.seeds, name), encoding="utf-8").read()
        for s in re.split(r"[。！？!?\n]+", text):
            s = s.strip()
            if len(s) >= 4:
                sentences.append((name[:3], s))
    seeds = check(a.binary, [s for _, s in sentences])
    hits = [(n, s, r) for (n, s), r in zip(sentences, seeds) if r["violations"]]
    print(f"seed sentences: {len(sentences)}, flagged: {len(hits)} (for review: the seeds quote "
          "violations on purpose)")
    for n, s, r in hits[: a.show * 2]:
        print(f"  {n} " + ", ".join(f'{v["rule"]} [{v["text"]}]' for v in r["violations"]) + "\n      " + s[:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Measure lintas on a folder of real, edited news text: false positives per 1,000 words, by rule.

    scripts/corpus-score.py ../shared/corpus/dev [--lintas target/release/lintas] [--show RULE]

A diagnostic is a true positive when it overlaps an item of KNOWN_ERRORS.json in that folder whose
`accept` list names its rule; every other diagnostic counts as a false positive. The corpus is
third-party text: this script reads it where it lies and never copies it.
"""
import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=pathlib.Path)
    ap.add_argument("--lintas", default="target/release/lintas")
    ap.add_argument("--show", action="append", default=[], help="print the false positives of this rule")
    ap.add_argument("--top", type=int, default=20, help="how many most-flagged texts to list per shown rule")
    ap.add_argument("extra", nargs="*", help="extra arguments for lintas check")
    args = ap.parse_args()

    files = sorted(p for p in args.corpus.glob("*.txt"))
    words = sum(len(re.findall(r"\w+", p.read_text(encoding="utf-8"))) for p in files)
    known_path = args.corpus / "KNOWN_ERRORS.json"
    known = json.loads(known_path.read_text())["items"] if known_path.exists() else []
    by_file = collections.defaultdict(list)
    for k in known:
        by_file[k["file"]].append(k)

    cmd = [args.lintas, "check", "--no-config", "--format", "json", "--fail-on", "error", *args.extra, *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode == 2:
        sys.exit(f"lintas failed:\n{proc.stderr}")
    report = json.loads(proc.stdout)

    fp = collections.Counter()
    tp = collections.Counter()
    found_known = set()
    shown = collections.defaultdict(collections.Counter)
    for f in report["files"]:
        name = pathlib.Path(f["path"]).name
        for d in f["diagnostics"]:
            s, e = d["span"]["start"], d["span"]["end"]
            hit = next((i for i, k in enumerate(by_file[name])
                        if d["rule"] in k["accept"] and s < k["end"] and k["start"] < e), None)
            if hit is None:
                fp[d["rule"]] += 1
                if d["rule"] in args.show:
                    shown[d["rule"]][d["text"]] += 1
            else:
                tp[d["rule"]] += 1
                found_known.add((name, hit))

    print(f"{len(files)} files, {words} words, {len(known)} known errors, {len(found_known)} found")
    print(f"{'rule':20} {'FP':>6} {'FP/1000w':>9} {'TP':>5}")
    for rule in sorted(set(fp) | set(tp)):
        print(f"{rule:20} {fp[rule]:6} {1000 * fp[rule] / max(words, 1):9.3f} {tp[rule]:5}")
    total = sum(fp.values())
    print(f"{'total':20} {total:6} {1000 * total / max(words, 1):9.3f} {sum(tp.values()):5}")
    for rule, texts in shown.items():
        print(f"\nfalse positives of {rule} (most frequent first):")
        for text, n in texts.most_common(args.top):
            print(f"  {n:4}  {text}")


if __name__ == "__main__":
    main()

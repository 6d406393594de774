#!/usr/bin/env python3
"""Make the spelling recall fixture: one typo for each lower-case word of 5 letters or more in the
project's own texts (fixtures/spelling/texts/*.txt), cycling through the four kinds of slip:
transposition, substitution, insertion, deletion.

    scripts/gen-typos.py > fixtures/spelling/typos.tsv

Each line is `kind<TAB>word<TAB>typo<TAB>sentence`, the sentence holding the typo in place of the
word. A slip that happens to make another real word (in the shipped dictionary's stems or the
Indonesian frequency list) is skipped: no spell checker can see it. Deterministic (fixed seed).
"""
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ("transposition", "substitution", "insertion", "deletion")
# Substitutions and insertions use letters that a typist's neighbouring keys would give, plus
# the vowel confusions common in Indonesian.
NEIGHBOURS = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok",
    "o": "ipl", "p": "ol", "a": "qsz", "s": "awdz", "d": "sefx", "f": "drgc", "g": "fthv",
    "h": "gyjb", "j": "hukn", "k": "jilm", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv",
    "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}


def real_words():
    words = set()
    dic = (ROOT / "rules/hunspell-id/id_ID.dic").read_text(encoding="utf-8").splitlines()[1:]
    words.update(line.split("/")[0].strip().lower() for line in dic)
    for line in (ROOT / "rules/wordfreq/id.tsv").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.add(line.split("\t")[0])
    return words


def slip(word, kind, rng):
    i = rng.randrange(0, len(word) - 1)
    if kind == "transposition":
        if word[i] == word[i + 1]:
            return None
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    i = rng.randrange(0, len(word))
    if kind == "substitution":
        return word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i + 1:]
    if kind == "insertion":
        return word[:i] + rng.choice(NEIGHBOURS[word[i]]) + word[i:]
    i = rng.randrange(0, len(word))
    return word[:i] + word[i + 1:]


def main():
    rng = random.Random(20250125)
    known = real_words()
    n = 0
    for path in sorted((ROOT / "fixtures/spelling/texts").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in re.split(r"(?<=[.!?])\s+", line.strip()):
                for m in re.finditer(r"(?<![\w-])[a-z]{5,}(?![\w-])", sentence):
                    word = m.group()
                    for _ in range(5):
                        typo = slip(word, KINDS[n % len(KINDS)], rng)
                        if typo and typo != word and typo not in known:
                            break
                    else:
                        continue
                    text = sentence[: m.start()] + typo + sentence[m.end():]
                    print(f"{KINDS[n % len(KINDS)]}\t{word}\t{typo}\t{text}")
                    n += 1


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate the word-frequency lists under rules/wordfreq/ from the PyPI package wordfreq 3.1.1.

    pip install wordfreq==3.1.1
    scripts/gen-wordlists.py

Writes rules/wordfreq/id.tsv (Indonesian, the 'small' list, the only one wordfreq has: ranks
spelling suggestions and attests word forms) and rules/wordfreq/en.tsv (English, the 'large' list
down to Zipf 2, about once in 100 million words: the lexicon by which `untranslated` recognises
English and `spelling` leaves English terms alone). Each line is `word<TAB>zipf`, most frequent
first; only words of Latin letters (with inner hyphens or apostrophes) are kept. wordfreq's data is CC BY-SA 4.0: rules/wordfreq/ATTRIBUTION.md says so.
"""
import importlib.metadata
import pathlib
import re

import wordfreq

VERSION = "3.1.1"
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
OUT = pathlib.Path(__file__).resolve().parent.parent / "rules" / "wordfreq"


def write(lang: str, wordlist: str, min_zipf: float) -> None:
    freqs = wordfreq.get_frequency_dict(lang, wordlist)
    rows = sorted(
        ((w, z) for w, f in freqs.items() if WORD.fullmatch(w) and (z := wordfreq.freq_to_zipf(f)) >= min_zipf),
        key=lambda r: (-r[1], r[0]),
    )
    path = OUT / f"{lang}.tsv"
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(f"# wordfreq {VERSION}, get_frequency_dict('{lang}', '{wordlist}'), Zipf >= {min_zipf}; word<TAB>zipf; CC BY-SA 4.0, see ATTRIBUTION.md\n")
        for word, zipf in rows:
            out.write(f"{word}\t{zipf:.2f}\n")
    print(f"{path}: {len(rows)} words")


def main() -> None:
    installed = importlib.metadata.version("wordfreq")
    if installed != VERSION:
        raise SystemExit(f"wordfreq {installed} installed; the lists are made from {VERSION}")
    OUT.mkdir(parents=True, exist_ok=True)
    write("id", "small", 0.0)
    write("en", "large", 2.0)


if __name__ == "__main__":
    main()

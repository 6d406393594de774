#!/usr/bin/env python3
"""Make the spelling recall fixtures from the project's own texts in fixtures/spelling/texts/.

    scripts/gen-typos.py

writes four files in fixtures/spelling/ (each line of a .tsv is `kind<TAB>word<TAB>typo<TAB>sentence`,
the sentence holding the typo in place of the word; the kinds cycle through transposition,
substitution, insertion, deletion, with keyboard neighbours):

- typos.tsv, from texts/*.txt: one typo for each lower-case word of 5 letters or more.
- quoted-typos.tsv, from texts/kutipan/*.txt: one typo for each distinct standard lower-case word of
  4 letters or more that stands inside quotation marks (curly or straight), at its first occurrence
  where a slip is found. Words outside the quotes, and the colloquial forms of COLLOQUIAL (informal
  speech an editor keeps in a quote: nggak, udah, banget, lanjutin ...), get no typo. The sentence
  column is the whole sentence around the quote (a quote of several sentences is not cut), so a
  checker sees the quotation marks.
- quoted-clean.txt: the texts of texts/kutipan/ as written, without typos.
- name-typos.tsv, from texts/nama/*.txt: one typo for each capitalised word of 5 letters or more inside
  a name marked in braces, at most MAX_PER_NAME_WORD per distinct word (Kementerian, Badan and
  Indonesia would otherwise fill the file). The braces are the texts' only markup: {Kementerian
  Kesehatan}, {Badan Meteorologi, Klimatologi, dan Geofisika}, {Jawa Barat}, {Malaysia} mark the
  names of institutions and of well-known places and countries (no person's name is marked); they are
  stripped from the sentence column. The first word of a sentence gets no typo. The word column keeps
  the capitalised correct word (Kesehatan); the typo keeps the capital (Keseharan).

A slip that happens to make another real word (in the shipped dictionary's stems,
rules/hunspell-id/id_ID.dic, or the Indonesian frequency list, rules/wordfreq/id.tsv) is skipped: no
spell checker can see it; for the quoted and name fixtures so is a slip that makes a colloquial form.
Deterministic: each file has its own fixed seed, so typos.tsv is the same as before the other
fixtures existed.
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



# Colloquial forms used in the quoted speech of texts/kutipan/: never given a typo, and never
# accepted as the result of a slip in the quoted and name fixtures. Forms of 3 letters or fewer are
# listed too, for the second use. Keep in step with the texts (a new informal word in a quote goes
# here, or it gets a typo as if it were standard).
COLLOQUIAL = frozenset("""
    abis aja bareng banget belom bener bikin bilang cuman deh dibedakin dibilang dibohongin
    dijanjiin dikasih dikecilin dinaikin dipake disamain doain doang dong duit duitnya duluan
    emang emangnya enggak gampang gimana gini gitu gue inget kalo kan kangen kayak kemaren
    kepengen kepikiran kok lagian lanjutin liat lho mah males mending mikir naikin nangis nawarin
    ngajak ngajar ngapain ngeliat ngerasain ngerti nggak ngomong ngomongin ngulangin nih ntar nulis
    nunggak nungguin nyampe nyangka nyatakan nyerah nyesel pake pengen ribet sampe segitu seneng
    sih soalnya tapi tau tuh udah ya yuk
""".split())
MAX_PER_NAME_WORD = 3
SPELLING = ROOT / "fixtures/spelling"


def typo_for(word, n, rng, known):
    """A slip of `word` of kind KINDS[n % 4] that makes no known or colloquial word (5 tries)."""
    lower = word.lower()
    for _ in range(5):
        typo = slip(lower, KINDS[n % len(KINDS)], rng)
        if typo and typo != lower and typo not in known and typo not in COLLOQUIAL:
            return typo if word == lower else typo[0].upper() + typo[1:]
    return None


def plain_typos(known):
    """typos.tsv, as this script has always made it (same seed, same order, same lines)."""
    rng = random.Random(20250125)
    out = []
    n = 0
    for path in sorted((SPELLING / "texts").glob("*.txt")):
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
                    out.append(f"{KINDS[n % len(KINDS)]}\t{word}\t{typo}\t{text}\n")
                    n += 1
    return out


def quote_sentences(line):
    """Split a paragraph into sentences, never inside a quotation; give each sentence with the
    (start, end) spans of its quotations, marks included. A curly opening mark pairs with the
    curly closing one; straight marks pair in turn."""
    line = line.strip()
    sentences, spans, start, opened = [], [], 0, None
    for i, c in enumerate(line):
        if opened is None and c in "\u201c\"":
            opened = (i, "\u201d" if c == "\u201c" else "\"")
        elif opened is not None and c == opened[1]:
            spans.append((opened[0] - start, i + 1 - start))
            opened = None
        elif opened is None and c == " " and (
            line[i - 1] in ".!?" or (line[i - 1] in "\u201d\"" and line[i - 2] in ".!?")
        ):
            sentences.append((line[start:i], spans))
            spans, start = [], i + 1
    if opened is not None:
        raise SystemExit(f"unclosed quotation in: {line}")
    sentences.append((line[start:], spans))
    return sentences


def quoted_typos(known):
    rng = random.Random(20250126)
    out, done = [], set()
    n = 0
    for path in sorted((SPELLING / "texts/kutipan").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence, spans in quote_sentences(line):
                for m in re.finditer(r"(?<![\w-])[a-z]{4,}(?![\w-])", sentence):
                    word = m.group()
                    if word in COLLOQUIAL or word in done:
                        continue
                    if not any(a < m.start() and m.end() < b for a, b in spans):
                        continue
                    typo = typo_for(word, n, rng, known)
                    if typo is None:
                        continue
                    done.add(word)
                    text = sentence[: m.start()] + typo + sentence[m.end():]
                    out.append(f"{KINDS[n % len(KINDS)]}\t{word}\t{typo}\t{text}\n")
                    n += 1
    return out


def quoted_clean():
    return "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((SPELLING / "texts/kutipan").glob("*.txt"))
    )


def unmark(sentence):
    """Strip the braces: the plain sentence, and the (start, end) spans of the marked names in it."""
    plain, spans, pos, at = [], [], 0, 0
    for m in re.finditer(r"\{([^{}]*)\}", sentence):
        plain.append(sentence[pos:m.start()])
        at += m.start() - pos
        plain.append(m.group(1))
        spans.append((at, at + len(m.group(1))))
        at += len(m.group(1))
        pos = m.end()
    plain.append(sentence[pos:])
    text = "".join(plain)
    if "{" in text or "}" in text:
        raise SystemExit(f"unbalanced braces in: {sentence}")
    return text, spans


def name_typos(known):
    rng = random.Random(20250127)
    out, used = [], {}
    n = 0
    for path in sorted((SPELLING / "texts/nama").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for marked in re.split(r"(?<=[.!?])\s+", line.strip()):
                sentence, spans = unmark(marked)
                first = re.search(r"\w", sentence).start()
                for m in re.finditer(r"(?<![\w-])[A-Z][a-z]{4,}(?![\w-])", sentence):
                    word = m.group()
                    if m.start() == first or used.get(word, 0) >= MAX_PER_NAME_WORD:
                        continue
                    if not any(a <= m.start() and m.end() <= b for a, b in spans):
                        continue
                    typo = typo_for(word, n, rng, known)
                    if typo is None:
                        continue
                    used[word] = used.get(word, 0) + 1
                    text = sentence[: m.start()] + typo + sentence[m.end():]
                    out.append(f"{KINDS[n % len(KINDS)]}\t{word}\t{typo}\t{text}\n")
                    n += 1
    return out


def main():
    known = real_words()
    for name, lines in (
        ("typos.tsv", plain_typos(known)),
        ("quoted-typos.tsv", quoted_typos(known)),
        ("name-typos.tsv", name_typos(known)),
        ("quoted-clean.txt", [quoted_clean()]),
    ):
        (SPELLING / name).write_text("".join(lines), encoding="utf-8")
        print(f"fixtures/spelling/{name}: {''.join(lines).count(chr(10))} lines")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Name errors as machine translation makes them, injected into news sentences, for measuring
official-name, term-consistency and acronym-mismatch (tests/name_errors.rs holds the figures).

    scripts/name-errors.py generate [--seed N] [--carriers FILE|DIR] [--out FILE]
    scripts/name-errors.py evaluate FILE [--lintas BINARY]

`generate` writes one case a line (JSON): the category, the rule that owns it, the text, the
article's date (none for the undated cases), the injected wrong text and, where one exists,
the fix expected. The errors come from the facts, not from lintas: the register
(rules/institutions.toml) says which names ended when and what they became, and which
renderings were never official; fixtures/names/acronyms.tsv lists acronyms with their right
expansions and the wrong ones a translation makes (the glossary of rules/acronym-mismatch.toml
was written from it), fixtures/names/acronyms-unseen.tsv more that lintas does not know (held
out: the test of the letters alone); an acronym lintas does not know contributes only the
wrong expansions that cannot form it. The carriers are fixtures/names/carriers.txt
(sentences written for this project, `{X}` where the name goes; `P` lines put a person's name
after it, `H` lines are headlines), or, with --carriers DIR, sentences of that folder's
articles that name a registered institution (the project's measurement on real news: such
output is third-party text and stays out of the repository).

`evaluate` lints each case through the real command line (a Markdown file per case, its date
in the front matter) and prints recall and first-fix accuracy by category and rule.
"""

import argparse
import json
import pathlib
import random
import re
import subprocess
import sys
import tempfile
import tomllib
from datetime import date, timedelta

ROOT = pathlib.Path(__file__).resolve().parent.parent
RULES = ("official-name", "term-consistency", "acronym-mismatch")

# Words that make a sentence speak of another time or of a change: the rules leave such
# sentences alone on purpose, so they carry no injected error.
HISTORY_WORDS = {
    "mantan", "eks", "bekas", "dulu", "dahulu", "sebelumnya", "semula", "kini", "sekarang",
    "semasa", "era", "masa", "periode", "berubah", "pernah", "sempat", "lama", "silam", "lalu",
    "akan", "bakal", "calon", "rencana", "nantinya", "kelak", "usulan", "dibentuk",
    "pembentukan", "dipecah", "dilebur", "digabung", "dibubarkan", "berganti", "bernama",
    "nomenklatur", "saat", "ketika", "waktu", "kala",
}
FUNCTION_WORDS = {
    "dan", "dari", "di", "ke", "untuk", "yang", "pada", "serta", "bagi", "dengan", "dalam",
    "atas", "oleh", "tentang", "terhadap", "atau", "&", "of", "and", "the", "for", "in", "on",
    "to",
}


def parse_day(text, last=False):
    """A register date (YYYY, YYYY-MM or YYYY-MM-DD) as its first or last day."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        if not last:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)


class Register:
    def __init__(self, path):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        self.entries = {e["id"]: e for e in data["institution"]}
        self.persons = data.get("person", [])
        self.wrong = {w["form"] for w in data.get("wrong", [])}
        self.all_texts = {t for e in self.entries.values() for t, _ in self.texts(e)}
        for e in self.entries.values():
            self.wrong.update(e.get("translated", []))

    def valid(self, e, day):
        start = parse_day(e["from"]) if "from" in e else date.min
        end = parse_day(e["until"], last=True) if "until" in e else date.max
        return start <= day <= end

    def now(self, ident, day, depth=0):
        """What `ident` is called on `day`, following its successors."""
        e = self.entries[ident]
        if self.valid(e, day):
            return [ident]
        if "until" in e and parse_day(e["until"], last=True) < day and depth < 8:
            out = []
            for s in e.get("successors", []):
                out += [x for x in self.now(s, day, depth + 1) if x not in out]
            return out
        return []

    @staticmethod
    def joint_first(name):
        first, slash, second = name.partition("/")
        heads = ("Kementerian", "Badan", "Lembaga", "Komisi", "Dewan")
        if slash and (second.split(" ")[0] in heads or " " not in second):
            return first
        return None

    def texts(self, e):
        """(text, kind) of every form of an entry: name, short, title."""
        out = [(e["name"], "name")]
        first = self.joint_first(e["name"])
        if first:
            out.append((first, "name"))
        for f in e.get("forms", []):
            words = f.split(" ")
            spelled = not any(re.search(r"\B[A-Z]", w) for w in words) and (
                len(words) >= 3 or (words[0] in ("Kementerian", "Departemen") and len(words) >= 2)
            )
            out.append((f, "name" if spelled else "short"))
        for name in [t for t, k in out if k == "name"]:
            if name.startswith("Kementerian "):
                out.append(("Menteri " + name[len("Kementerian "):], "title"))
        # A title written out (Menteri Keuangan) is a title; an abbreviated one (Menkeu, Menteri
        # PPN) is short, whose fix keeps its style and is not predicted here.
        for t in e.get("titles", []):
            words = t.split(" ")
            written_out = words[0] == "Menteri" and len(words) >= 2 and not any(
                re.search(r"\B[A-Z]", w) or w.isupper() for w in words
            )
            out.append((t, "title" if written_out else "short"))
        return out

    def official_on(self, day):
        texts = set()
        for e in self.entries.values():
            if self.valid(e, day):
                texts.update(t for t, _ in self.texts(e))
        return texts

    def holder(self, ident, day):
        for p in self.persons:
            for o in p["offices"]:
                start = parse_day(o["from"]) if "from" in o else date.min
                end = parse_day(o["until"], last=True) if "until" in o else date.max
                if o["institution"] == ident and start <= day <= end:
                    return p["name"]
        return None

    def style(self, ident, kind):
        """The name of `ident` a fix should write in place of a form of `kind`; None when
        the form's style has no single answer here."""
        e = self.entries[ident]
        if kind == "name":
            return self.joint_first(e["name"]) or e["name"]
        if kind == "title" and e["name"].startswith("Kementerian "):
            return "Menteri " + (self.joint_first(e["name"]) or e["name"])[len("Kementerian "):]
        return None


def initials_fit(acronym, words):
    """Whether an acronym of capitals is the initials of `words` (function words optional; a
    reduplicated word gives one initial or one for each part): the plain test, written apart
    from lintas."""
    letters = acronym.lower()
    choices = []
    for w in words:
        opts = [w[0].lower()]
        parts = [p for p in re.split(r"[-/]", w) if p]
        if len(parts) > 1:
            opts.append("".join(p[0].lower() for p in parts if p.lower() not in FUNCTION_WORDS))
        choices.append((opts, w.lower() in FUNCTION_WORDS))

    def fit(i, j):
        if i == len(choices):
            return j == len(letters)
        opts, optional = choices[i]
        if optional and fit(i + 1, j):
            return True
        return any(letters[j:j + len(o)] == o and fit(i + 1, j + len(o)) for o in opts)

    return any(fit(i, 0) for i in range(len(choices)))


def carriers_from_file(path):
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        mark, _, text = line.partition("\t") if "\t" in line else ("", "", line)
        out.append({"text": text, "person": mark == "P", "headline": mark == "H"})
    return out


def carriers_from_corpus(folder, register):
    """Sentences of real articles naming a registered institution, that name replaced by
    `{X}`."""
    names = sorted(
        {t for e in register.entries.values() for t, k in register.texts(e) if k == "name"},
        key=len,
        reverse=True,
    )
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    out = []
    for path in sorted(pathlib.Path(folder).glob("*.txt")):
        for para in path.read_text(encoding="utf-8").splitlines()[1:]:
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para):
                m = pattern.search(sentence)
                # A name standing alone in a sentence of the article's own voice: not quoted
                # speech (the rules leave quotations alone), not inside a longer name.
                alone = m and not re.search(r"[A-Z][\w-]* $", sentence[: m.start()]) and not re.match(
                    r" [A-Z]", sentence[m.end():]
                )
                quoted = any(q in sentence for q in '"“”')
                if alone and not quoted and 40 <= len(sentence) <= 300 and "(" not in sentence:
                    text = sentence[: m.start()] + "{X}" + sentence[m.end():]
                    out.append({"text": text, "person": False, "headline": False})
    return out


def usable(carrier):
    words = set(re.findall(r"[a-z]+", carrier["text"].lower()))
    return not (words & HISTORY_WORDS)


def fill(carrier, wrong, person=None):
    text = carrier["text"]
    if text.startswith("{X}") and wrong[:1].islower():
        wrong = wrong[0].upper() + wrong[1:]
    if carrier["person"]:
        # The person's name after the slot: the capitalised words that follow it.
        m = re.search(r"\{X\} ((?:[A-Z][\w'’]+ ?){1,3})", text)
        if m and person:
            text = text[: m.start(1)] + person + " " + text[m.end(1):]
            text = text.replace("  ", " ")
    return text.replace("{X}", wrong, 1)


def generate(args):
    rng = random.Random(args.seed)
    register = Register(ROOT / "rules" / "institutions.toml")
    glossary = tomllib.loads((ROOT / "rules" / "acronym-mismatch.toml").read_text())["acronym"]
    known_acronyms = {a["acronym"].upper(): a["expansions"][0] for a in glossary}
    if args.carriers and pathlib.Path(args.carriers).is_dir():
        carriers = carriers_from_corpus(args.carriers, register)
    else:
        carriers = carriers_from_file(pathlib.Path(args.carriers or ROOT / "fixtures" / "names" / "carriers.txt"))
    carriers = [c for c in carriers if usable(c)]
    plain = [c for c in carriers if not c["person"] and not c["headline"]]
    headlines = [c for c in carriers if c["headline"]] or plain
    persons = [c for c in carriers if c["person"]]
    cases = []

    def day_after(start):
        first = max(start, date(2025, 1, 1))
        return first + timedelta(days=rng.randrange(max(1, (date(2026, 11, 30) - first).days)))

    def carrier_for(kind):
        if kind == "title" and persons and rng.random() < 0.3:
            return rng.choice(persons)
        if headlines is not plain and rng.random() < 0.15:
            return rng.choice(headlines)
        return rng.choice(plain)

    # Old names and split ministries: every form of every name that ended.
    for ident, e in sorted(register.entries.items()):
        if "until" not in e or any(r == t for t, _ in register.texts(e) for r in e.get("regional", [])):
            continue
        end = parse_day(e["until"], last=True)
        day = day_after(end + timedelta(days=1))
        now = register.now(ident, day)
        if not now:
            continue
        official = register.official_on(day)
        for text, kind in register.texts(e):
            if text in official or text in e.get("regional", []):
                continue
            carrier = carrier_for(kind)
            person = register.holder(now[0], day) if len(now) == 1 else None
            if carrier["person"] and not person:
                carrier = rng.choice(plain)
            category = "old-name" if len(now) == 1 else "split"
            fix = register.style(now[0], kind) if len(now) == 1 else None
            cases.append({
                "category": category, "rule": "official-name",
                "text": fill(carrier, text, person), "date": day.isoformat(),
                "wrong": text, "fix": fix,
            })

    # Renderings never official, listed and derived (Urusan, English order), dated and not.
    for ident, e in sorted(register.entries.items()):
        if "until" in e:
            continue
        renderings = list(e.get("translated", []))
        if e["name"].startswith("Kementerian "):
            rest = e["name"][len("Kementerian "):]
            renderings += ["Kementerian Urusan " + rest, "Menteri Urusan " + rest]
        words = e["name"].split(" ")
        heads = {"Kementerian", "Departemen", "Badan", "Komisi", "Lembaga", "Dewan", "Majelis",
                 "Otoritas", "Otorita", "Pusat", "Kantor", "Sekretariat", "Kepolisian", "Tentara",
                 "Direktorat"}
        if len(words) == 2 and words[0] not in heads and all(w[:1].isupper() and not w.isupper() for w in words):
            renderings.append(words[1] + " " + words[0])
        official = register.official_on(date(2025, 6, 1))
        for text in renderings:
            if text in official:
                continue
            kind = "title" if text.split(" ")[0] in ("Menteri", "Kepala", "Ketua") else "name"
            dated = rng.random() < 0.75
            since = parse_day(e["from"]) if "from" in e else date(2025, 1, 1)
            day = day_after(since) if dated else None
            cases.append({
                "category": "translated", "rule": "official-name",
                "text": fill(rng.choice(plain), text), "date": day and day.isoformat(),
                "wrong": text, "fix": register.style(ident, kind),
            })

    # Acronyms whose expansion a translation got wrong.
    short_forms = {}
    for ident, e in register.entries.items():
        if "until" not in e:
            for f in e.get("forms", []):
                if " " not in f:
                    short_forms.setdefault(f.upper(), register.joint_first(e["name"]) or e["name"])
    rows = []
    for name, category in (("acronyms.tsv", "acronym"), ("acronyms-unseen.tsv", "acronym-unseen")):
        lines = (ROOT / "fixtures" / "names" / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        rows += [(dict(zip(header, line.split("\t"))), category) for line in lines[1:]]
    for row, category in rows:
        acronym = row["acronym"]
        known = known_acronyms.get(acronym.upper()) or short_forms.get(acronym.upper())
        capitals = sum(c.isupper() for c in acronym) >= 2 and not any(c.islower() for c in acronym)
        for wrong in [w.strip() for w in row["wrong"].split("|") if w.strip()]:
            # A name the register knows, right or wrong, is official-name's to judge.
            if wrong in register.wrong or wrong in register.all_texts or any(c.isdigit() for c in acronym):
                continue
            # An acronym lintas does not know is judged by its letters alone: only one its right
            # expansion forms (an Indonesian acronym of initials, not IMF for Dana Moneter
            # Internasional) and the wrong one cannot.
            if not known and not (
                capitals
                and initials_fit(acronym, row["expansion"].split())
                and not initials_fit(acronym, wrong.split())
            ):
                continue
            carrier = rng.choice(plain)
            inside = rng.random() < 0.2
            phrase = f"{acronym} ({wrong})" if inside else f"{wrong} ({acronym})"
            cases.append({
                "category": category, "rule": "acronym-mismatch",
                "text": fill(carrier, phrase), "date": day_after(date(2025, 1, 1)).isoformat(),
                "wrong": wrong, "acronym": acronym, "fix": known,
            })

    # Two names of different times for one institution in a document without a date.
    for ident, e in sorted(register.entries.items()):
        if "until" not in e or len(e.get("successors", [])) != 1:
            continue
        successor = register.entries[e["successors"][0]]
        if "until" in successor:
            continue
        theirs = {t for t, _ in register.texts(successor)}
        for text, kind in register.texts(e):
            if kind == "title" or text in theirs or text in e.get("regional", []):
                continue
            first = successor["name"] if kind == "name" else (successor.get("forms") or [successor["name"]])[0]
            if first in {t for t, _ in register.texts(e)}:
                continue
            a, b = rng.sample(plain, 2)
            cases.append({
                "category": "second-name", "rule": "term-consistency",
                "text": fill(a, first) + " " + fill(b, text), "date": None,
                "wrong": text, "fix": first,
            })

    by_category = {}
    for c in cases:
        by_category.setdefault(c["category"], []).append(c)
    limits = {
        "old-name": 130, "split": 30, "translated": 110, "acronym": 150, "acronym-unseen": 150,
        "second-name": 60,
    }
    chosen = []
    for category, items in sorted(by_category.items()):
        rng.shuffle(items)
        chosen += items[: limits.get(category, len(items))]
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for i, c in enumerate(chosen):
        c = {"id": i + 1, **c}
        out.write(json.dumps(c, ensure_ascii=False) + "\n")
    counts = {k: min(len(v), limits.get(k, len(v))) for k, v in by_category.items()}
    acronyms = len({c["acronym"] for c in chosen if c["category"].startswith("acronym")})
    print(f"{len(chosen)} cases {counts}; {acronyms} different acronyms", file=sys.stderr)


def evaluate(args):
    cases = [json.loads(l) for l in open(args.file, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for c in cases:
            front = f"---\ndate: {c['date']}\n---\n" if c["date"] else ""
            pathlib.Path(tmp, f"{c['id']:05}.md").write_text(front + c["text"] + "\n", encoding="utf-8")
        run = subprocess.run(
            [args.lintas, "check", "--no-config", "--quiet", "--format", "jsonl", "--select", ",".join(RULES), tmp],
            capture_output=True, text=True,
        )
        found = {}
        for line in run.stdout.splitlines():
            d = json.loads(line)
            found.setdefault(int(pathlib.Path(d["path"]).stem), []).append(d)
    stats = {}
    for c in cases:
        body_start = len(f"---\ndate: {c['date']}\n---\n") if c["date"] else 0
        text = c["text"]
        spans = [(m.start() + body_start, m.end() + body_start) for m in re.finditer(re.escape(c["wrong"]), text, re.I)]
        if c.get("acronym"):
            spans += [(m.start() + body_start, m.end() + body_start) for m in re.finditer(r"\b" + re.escape(c["acronym"]) + r"\b", text)]
        hits = [d for d in found.get(c["id"], []) if d["rule"] == c["rule"]
                and any(d["span"]["start"] < e and s < d["span"]["end"] for s, e in spans)]
        s = stats.setdefault((c["rule"], c["category"]), [0, 0, 0, 0])
        s[0] += 1
        s[1] += bool(hits)
        if c["fix"]:
            s[2] += 1
            if hits and hits[0]["fixes"]:
                source = (f"---\ndate: {c['date']}\n---\n" if c["date"] else "") + text
                for edit in sorted(hits[0]["fixes"][0]["edits"], key=lambda e: -e["start"]):
                    b = source.encode()
                    source = (b[: edit["start"]] + edit["replacement"].encode() + b[edit["end"]:]).decode()
                s[3] += c["fix"].lower() in source.lower()
            elif args.verbose:
                pass
        if args.verbose and not hits:
            print("missed", c["category"], "|", c["text"], file=sys.stderr)
    print(f"{'rule':18} {'category':12} {'cases':>5} {'recall':>7} {'fixes':>5} {'fix right':>9}")
    for (rule, category), (n, hit, fixes, right) in sorted(stats.items()):
        fr = f"{right / fixes:.3f}" if fixes else "-"
        print(f"{rule:18} {category:12} {n:5} {hit / n:7.3f} {fixes:5} {fr:>9}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--seed", type=int, default=23)
    g.add_argument("--carriers")
    g.add_argument("--out")
    e = sub.add_parser("evaluate")
    e.add_argument("file")
    e.add_argument("--lintas", default=str(ROOT / "target" / "release" / "lintas"))
    e.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    generate(args) if args.command == "generate" else evaluate(args)


if __name__ == "__main__":
    main()

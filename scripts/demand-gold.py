#!/usr/bin/env python3
"""Demand gold: the worksheet of directive-like attributions, and the gold built from judgments.

The gold set (Tests/Fixtures/demands/*.jsonl) is judged by hand with the rules of
EVALUATION.md ("Demands"); this script only lists the candidates and turns the
judgments into offsets, so that no article text enters the project.

  scripts/demand-gold.py candidates DIR [--sample N] > worksheet.txt
      Every attribution of DIR (brat: DIR/text, DIR/attributions; first annotator
      file per text, as `quotewire eval`) whose cue is directive-like, with its
      cue, source, content and paragraph. With --sample N, whole documents in a
      fixed pseudo-random order until at least N items.
  scripts/demand-gold.py build DIR JUDGMENTS > gold.jsonl
      JUDGMENTS has one line per item: ID, then D (demand) or N (not), then the
      addressee as written ("-" for none), then the action as written (empty: the
      content without the addressee prefix), separated by tabs. Lines starting
      with "#" are comments. A text that occurs more than once may end in "@K"
      (the K-th occurrence, from 1, in the search region).
  scripts/demand-gold.py check DIR GOLD
      Prints each gold item with its spans as text, to review a gold file.

Offsets are Unicode scalar offsets, end exclusive, as in the brat files.
"""

import hashlib
import json
import os
import re
import sys

SINGLES = ["urge", "demand", "request", "insist", "order", "implore", "plead", "pled", "beg", "exhort",
           "instruct", "direct", "require", "want", "expect", "pressure", "lobby", "petition", "command",
           "encourage", "recommend", "advise", "warn"]
PAIRS = [(["call"], {"on", "upon", "for"}), (["ask"], {"for", "that"}), (["press", "push"], {"for"}),
         (["appeal"], {"to", "for"})]


def inflections(bases):
    """The same word forms as QuotewireEvaluation.DirectiveCue."""
    forms = set()
    for base in bases:
        forms.add(base)
        stem = base[:-1] if base.endswith("e") else base
        doubled = base + "g" if base == "beg" else stem
        if base.endswith("y") and not base.endswith("ay"):
            forms.add(base[:-1] + "ies")
            forms.add(base[:-1] + "ied")
        forms.add(base + "es" if base.endswith("s") or base.endswith("sh") else base + "s")
        forms.add(doubled + "ed")
        forms.add(doubled + "ing")
    return forms


SINGLE_FORMS = inflections(SINGLES)
PAIR_FORMS = [(inflections(heads), particles) for heads, particles in PAIRS]


def is_directive(cue):
    words = [w for w in re.split(r"[^a-z]+", cue.lower()) if w]
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if word == "asked" and nxt == "about":
            return False
        if word in ("was", "were") and nxt == "asked":
            return False
        if word in ("is", "are", "was") and (nxt == "expected" or (nxt in ("widely", "not") and after == "expected")):
            return False
    for i, word in enumerate(words):
        if word in SINGLE_FORMS:
            return True
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if any(word in heads and nxt in particles for heads, particles in PAIR_FORMS):
            return True
    return False


def fail(message):
    sys.stderr.write("demand-gold: " + message + "\n")
    sys.exit(64)


def documents(directory):
    """(name, text, annotation lines) per text, with the first annotator file in sort order."""
    text_dir = os.path.join(directory, "text")
    ann_dir = os.path.join(directory, "attributions")
    if not os.path.isdir(text_dir) or not os.path.isdir(ann_dir):
        fail(f"{directory} has no text/ and attributions/ folders")
    annotations = sorted(n for n in os.listdir(ann_dir) if n.endswith(".ann"))
    for name in sorted(os.listdir(text_dir)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        chosen = next((a for a in annotations if a[:-4] == stem or
                       (a[:-4].startswith(stem + "_") and "_" not in a[:-4][len(stem) + 1:])), None)
        if chosen is None:
            continue
        with open(os.path.join(text_dir, name), encoding="utf-8", newline="") as handle:
            text = handle.read()
        with open(os.path.join(ann_dir, chosen), encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        yield stem, text, lines


def spans(field):
    return [[int(a), int(b)] for a, b in (piece.split(" ") for piece in field.split(";"))]


def attributions(lines):
    """(event id, cue, source, content) fragments per Attribution event with a Content."""
    bounds = {}
    events = []
    for line in lines:
        fields = line.split("\t")
        if len(fields) < 2 or len(fields[0]) < 2:
            continue
        if fields[0][0] == "T":
            kind, _, where = fields[1].partition(" ")
            try:
                bounds[fields[0]] = spans(where)
            except ValueError:
                continue
        elif fields[0][0] == "E":
            parts = fields[1].split(" ")
            arguments = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            events.append((fields[0], arguments))
    for event, arguments in events:
        if "Content" not in arguments or arguments["Content"] not in bounds:
            continue
        yield (event, bounds.get(arguments.get("Cue"), []), bounds.get(arguments.get("Source"), []),
               bounds[arguments["Content"]])


def show(text, fragments):
    return " | ".join(text[a:b] for a, b in fragments).replace("\n", " ")


def items(directory, sample):
    docs = list(documents(directory))
    if sample:
        docs.sort(key=lambda d: hashlib.sha1(d[0].encode()).hexdigest())
    found = []
    for name, text, lines in docs:
        if sample and len(found) >= sample:
            break
        for event, cue, source, content in attributions(lines):
            if cue and is_directive(show(text, cue)):
                found.append((name, event, text, cue, source, content))
    return found


def paragraph(text, fragments):
    start = min(a for a, _ in fragments)
    end = max(b for _, b in fragments)
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left = max(left, start - 400)
    right = min(right, end + 300)
    return text[left:right]


def candidates(directory, sample):
    for name, event, text, cue, source, content in items(directory, sample):
        print(f"## {name}:{event}")
        print(f"   cue: {show(text, cue)}   source: {show(text, source)}")
        print(f"   content: {show(text, content)}")
        print(f"   para: {paragraph(text, cue + source + content)}")
        print()


STRIP = " \t\n\"“”‘’'`,.;:—–-"


def trim(start, end, text):
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def default_action(first, last, addressee, text):
    """The content without "that", the addressee prefix and "to" (rule 6), trimmed."""
    start, end = trim(first, last, text)

    def skip(word):
        nonlocal start
        if text.startswith(word + " ", start):
            start, _ = trim(start + len(word), end, text)

    skip("that")
    if addressee and start <= addressee[0] <= start + 2:
        start, _ = trim(addressee[1], end, text)
    skip("to")
    return start, end


def locate(needle, text, region, near, key):
    """The occurrence of `needle` in text[region] (the K-th with "@K", else the one nearest `near`)."""
    occurrence = None
    match = re.fullmatch(r"(.*)@(\d+)", needle, re.S)
    if match:
        needle, occurrence = match.group(1), int(match.group(2))
    starts = []
    at = text.find(needle, region[0], region[1])
    while at >= 0 and at + len(needle) <= region[1]:
        starts.append(at)
        at = text.find(needle, at + 1, region[1])
    if not starts:
        fail(f"{key}: {needle!r} is not in the text near the item")
    if occurrence is not None:
        if occurrence > len(starts):
            fail(f"{key}: {needle!r} occurs {len(starts)} times, not {occurrence}")
        start = starts[occurrence - 1]
    else:
        start = min(starts, key=lambda s: abs(s - near))
    return [start, start + len(needle)]


def build(directory, judgments_path):
    judged = {}
    with open(judgments_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2 or fields[1] not in ("D", "N"):
                fail(f"{judgments_path}:{number}: expected ID<TAB>D|N[<TAB>addressee<TAB>action]")
            if fields[0] in judged:
                fail(f"{judgments_path}:{number}: {fields[0]} judged twice")
            judged[fields[0]] = fields[1:] + [""] * (3 - len(fields[1:]))
    by_doc = {}
    for name, text, lines in documents(directory):
        by_doc[name] = (text, {e: (c, s, t) for e, c, s, t in attributions(lines)})
    for key, (label, addressee_text, action_text) in judged.items():
        name, _, event = key.rpartition(":")
        if name not in by_doc or event not in by_doc[name][1]:
            fail(f"{key}: no such attribution in {directory}")
        text, events = by_doc[name]
        cue, source, content = events[event]
        if not is_directive(show(text, cue)):
            fail(f"{key}: the cue {show(text, cue)!r} is not directive-like")
        first = min(a for a, _ in content)
        last = max(b for _, b in content)
        cue_at = cue[0][0] if cue else first
        region = (max(0, min(first, cue_at) - 300), min(len(text), max(last, cue_at) + 300))
        addressee = None
        if label == "D" and addressee_text not in ("", "-"):
            addressee = locate(addressee_text, text, region, cue_at, key)
        action = None
        if label == "D":
            if action_text and action_text in text[first:last]:
                action = locate(action_text, text, (first, last), first, key)
            elif action_text:
                # An action named outside the content, e.g. in the cue (`lobbies for a higher minimum wage:`).
                action = locate(action_text, text, region, cue_at, key)
            else:
                action = list(default_action(first, last, addressee, text))
            if action[0] >= action[1]:
                fail(f"{key}: empty action")
        print(json.dumps({
            "doc": name, "event": event, "cue": cue, "source": source, "content": content,
            "is_demand": label == "D", "addressee": addressee, "action": action,
        }, separators=(",", ":")))


def check(directory, gold_path):
    texts = {name: text for name, text, _ in documents(directory)}
    with open(gold_path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            text = texts[item["doc"]]
            parts = [f"{item['doc']}:{item['event']}", "D" if item["is_demand"] else "N",
                     f"[{show(text, item['source'])}] {show(text, item['cue'])}"]
            if item["is_demand"]:
                parts.append(f"→ {show(text, [item['addressee']]) if item['addressee'] else '(none)'}")
                parts.append(f": {show(text, [item['action']])}")
            print(" ".join(parts))


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "candidates":
        sample = 0
        if len(arguments) == 4 and arguments[2] == "--sample":
            sample = int(arguments[3])
        elif len(arguments) != 2:
            fail("usage: demand-gold.py candidates DIR [--sample N]")
        candidates(arguments[1], sample)
    elif len(arguments) == 3 and arguments[0] == "build":
        build(arguments[1], arguments[2])
    elif len(arguments) == 3 and arguments[0] == "check":
        check(arguments[1], arguments[2])
    else:
        fail("usage: demand-gold.py candidates DIR [--sample N] | build DIR JUDGMENTS | check DIR GOLD")


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Writes the demand slice: short articles we wrote, one rule of EVALUATION.md ("Demands") per
sentence, and their demand gold (gold.jsonl) as `quotewire eval --demands` reads it.

Each item: (sentence, source, cue, content, is_demand, addressee or None, action or None); spans are
found in the sentence by their text. Run from this folder: python3 make.py
"""
import json
import os

ARTICLES = {
    "ask-to-and-whether": [
        ("Senator Ana Pole asked the governor to release the audit.",
         "Senator Ana Pole", "asked", "the governor to release the audit", True, "the governor", "release the audit"),
        ("Mayor Ian Cole asked whether the audit would be released.",
         "Mayor Ian Cole", "asked", "whether the audit would be released", False, None, None),
    ],
    "called-for-and-pronoun": [
        ("The transit council called for an independent inquiry into the contract.",
         "The transit council", "called for", "an independent inquiry into the contract", True, None,
         "an independent inquiry into the contract"),
        ("Rosa Lind met the treasurer on Monday and called on him to resign.",
         "Rosa Lind", "called on", "him to resign", True, "him", "resign"),
    ],
    "coordination-negation-question": [
        ("The drivers union urged the mayor and the council to reopen the depot.",
         "The drivers union", "urged", "the mayor and the council to reopen the depot", True,
         "the mayor and the council", "reopen the depot"),
        ("The governor has not called for new taxes.",
         "The governor", "has not called for", "new taxes", False, None, None),
        ("Did the board demand a recount?",
         "the board", "demand", "a recount", False, None, None),
    ],
    "rules-wishes-warnings": [
        ("State law requires cities to publish their budgets.",
         "State law", "requires", "cities to publish their budgets", False, None, None),
        ("Tom Reed wants the city to lower fares.",
         "Tom Reed", "wants", "the city to lower fares", False, None, None),
        ("Nina Ortiz warned that the river could flood.",
         "Nina Ortiz", "warned", "that the river could flood", False, None, None),
    ],
}


def span(text, part, after=0):
    start = text.index(part, after)
    return [start, start + len(part)]


def main():
    os.makedirs("text", exist_ok=True)
    gold = []
    for name, items in ARTICLES.items():
        text = ""
        for sentence, source, cue, content, is_demand, addressee, action in items:
            at = len(text)
            text += sentence + " "
            content_span = span(text, content, at)
            gold.append({
                "doc": name, "cue": [span(text, cue, at)], "source": [span(text, source, at)],
                "content": [content_span], "is_demand": is_demand,
                "addressee": span(text, addressee, at) if addressee else None,
                "action": span(text, action, content_span[0]) if action else None,
            })
        with open(os.path.join("text", name + ".txt"), "w", encoding="utf-8") as handle:
            handle.write(text.rstrip() + "\n")
    with open("gold.jsonl", "w", encoding="utf-8") as handle:
        for item in gold:
            handle.write(json.dumps(item, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

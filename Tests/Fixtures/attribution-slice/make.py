"""Writes the brat files of the attribution slice from marked text.

Marks: [S1:source] [C1:cue] [T1:content] (the number ties the parts of one attribution; a content
may have several parts). Run from this folder: python3 make.py. The texts were written for
Quotewire's tests; they are not from any corpus.
"""
import os, re
from collections import defaultdict

DOCS = {
"harbor": """The harbor commission approved a plan to dredge the channel on Monday, a move [S1:the mayor] [C1:hailed] as [T1:overdue].
[S2:Dockworkers] [C2:balked at] [T2:the timetable], which leaves the east pier closed until spring.
[S3:Union leader Rosa Impey] [C3:was adamant] [T3:that the closures would cost jobs].
"[T4:We have waited eleven years for this]," [S4:commission chair Li Wen] [C4:said].
[S5:Wen] [C5:dismissed] [T5:the union's figures] and [C6:promised] [T6:a review of the shipping schedule].
""",
"library": """[S1:The county librarian] [C1:outlined] [T1:a proposal to open branches on Sundays] at Tuesday's meeting.
[S2:Two trustees] [C2:questioned] [T2:whether the budget could cover the extra staff].
[S3:Trustee Ana Brill] [C3:insisted] [T3:the money was already there].
"[T4:Readers deserve a library that is open when they are free]," [C4:said] [S4:Brill].
[S5:The board] [C5:expressed] [T5:support for a six-month trial] but [C6:declined] [T6:to set a start date].
""",
"transit": """[S1:Riders] [C1:complained] [T1:that buses on Route 9 were often late].
[S2:The transit agency] [C2:acknowledged] [T2:the delays] and [C3:blamed] [T3:a shortage of drivers].
[S4:Its director, Omar Haddad], [C4:predicted] [T4:that service would improve by summer].
[S5:Critics] [C5:labeled] [T5:the forecast wishful thinking].
[C6:According to] [S6:the agency], [T6:forty new drivers will start training next month].
""",
}

def parse(marked):
    text, parts, i = "", defaultdict(lambda: defaultdict(list)), 0
    for m in re.finditer(r"\[(S|C|T)(\d+):([^\]]*)\]", marked):
        text += marked[i:m.start()]
        start = len(text)
        text += m.group(3)
        parts[int(m.group(2))][m.group(1)].append((start, len(text)))
        i = m.end()
    return text + marked[i:], parts

os.makedirs("text", exist_ok=True)
os.makedirs("attributions", exist_ok=True)
for name, marked in DOCS.items():
    text, parts = parse(marked)
    with open(f"text/{name}.txt", "w") as out:
        out.write(text)
    lines, t = [], 0
    labels = {"S": "Source", "C": "Cue", "T": "Content"}
    for number in sorted(parts):
        ids = {}
        for kind in "SCT":
            spans = parts[number][kind]
            if not spans:
                continue
            t += 1
            ids[kind] = f"T{t}"
            offsets = ";".join(f"{a} {b}" for a, b in spans)
            covered = " ".join(text[a:b] for a, b in spans)
            lines.append(f"T{t}\t{labels[kind]} {offsets}\t{covered}")
        args = " ".join(f"{labels[k]}:{ids[k]}" for k in "CST" if k in ids)
        lines.append(f"E{number}\tAttribution:{ids['C']} {args}")
    with open(f"attributions/{name}.ann", "w") as out:
        out.write("\n".join(lines) + "\n")

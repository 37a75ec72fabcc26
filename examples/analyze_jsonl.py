#!/usr/bin/env python3
"""Analyzes a JSON Lines file of articles through a Quotewire server and writes
one CSV row per quote and per demand.

    pip install ./clients/python
    quotewire serve &                                   # or point --server at a running one
    python3 examples/analyze_jsonl.py articles.jsonl rows.csv --server 127.0.0.1:7807
"""

import argparse
import csv
import json
import sys

import quotewire


def read_articles(path):
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                article = json.loads(line)
                article.setdefault("id", f"{path}:{number}")
                yield article


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="JSON Lines file: one article per line with id, title, body, ...")
    parser.add_argument("rows", help="CSV file to write")
    parser.add_argument("--server", default="127.0.0.1:7807")
    parser.add_argument("--concurrency", type=int, default=32)
    options = parser.parse_args()

    failed = 0
    with quotewire.Client(options.server) as client, open(options.rows, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=quotewire.ROW_COLUMNS)
        writer.writeheader()
        results = client.analyze_many(read_articles(options.articles), concurrency=options.concurrency, return_exceptions=True)
        for result in results:
            if isinstance(result, quotewire.RPCError):
                failed += 1
                print(f"failed: {result}", file=sys.stderr)
                continue
            writer.writerows(result.to_rows())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""The answer for one article, and flat rows of quotes and demands for tables."""

from __future__ import annotations

from typing import Iterable

from quotewire._messages import to_json_dict
from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb

#: The columns of :meth:`Analysis.to_rows` (and of ``quotewire analyze --format csv``).
ROW_COLUMNS = (
    "article_id", "kind", "speaker", "speaker_title", "cue", "text", "start", "end", "confidence",
    "demander", "addressee", "action",
)

_QUOTE_KINDS = {
    pb.QUOTE_KIND_UNSPECIFIED: "quote",
    pb.QUOTE_KIND_DIRECT: "direct",
    pb.QUOTE_KIND_INDIRECT: "indirect",
    pb.QUOTE_KIND_MIXED: "mixed",
}


class Analysis:
    """What was found in one article: ``article`` (what was sent), ``response``
    (the ``AnalyzeResponse``), and shortcuts to its actors, quotes and demands.
    Spans count in the unit ``offsets`` names."""

    def __init__(self, article: "pb.Article", response: "pb.AnalyzeResponse", offsets: str = "unicode"):
        self.article = article
        self.response = response
        self.offsets = offsets
        self.actors = {actor.id: actor for actor in response.actors}

    @property
    def article_id(self) -> str:
        return self.response.article_id

    @property
    def quotes(self):
        return self.response.quotes

    @property
    def demands(self):
        return self.response.demands

    def actor(self, actor_id: str):
        """The actor with this id, or None (an empty id means not found)."""
        return self.actors.get(actor_id)

    def to_rows(self) -> list[dict]:
        """One flat dict per quote and per demand, with the columns of ``ROW_COLUMNS``."""
        rows = []
        for quote in self.response.quotes:
            speaker = self.actor(quote.speaker_id)
            rows.append(self._row(
                kind=_QUOTE_KINDS.get(quote.kind, "quote"),
                speaker=speaker.name if speaker else "",
                speaker_title=speaker.title if speaker else "",
                cue=quote.cue, text=quote.text, span=quote.span, confidence=quote.confidence,
            ))
        for demand in self.response.demands:
            demander = self.actor(demand.demander_id)
            addressee = self.actor(demand.addressee_id)
            rows.append(self._row(
                kind="demand",
                speaker=demander.name if demander else "",
                speaker_title=demander.title if demander else "",
                cue=demand.cue, text=demand.action, span=demand.action_span, confidence=demand.confidence,
                demander=demander.name if demander else "",
                addressee=addressee.name if addressee else "",
                action=demand.action,
            ))
        return rows

    def _row(self, *, kind, speaker, speaker_title, cue, text, span, confidence, demander="", addressee="", action=""):
        return {
            "article_id": self.article_id, "kind": kind, "speaker": speaker, "speaker_title": speaker_title,
            "cue": cue, "text": text, "start": span.start, "end": span.end, "confidence": round(confidence, 4),
            "demander": demander, "addressee": addressee, "action": action,
        }

    def to_dict(self) -> dict:
        """The proto3 JSON of the response as a dict."""
        return to_json_dict(self.response)

    def __repr__(self) -> str:
        return f"<Analysis {self.article_id!r}: {len(self.quotes)} quotes, {len(self.demands)} demands>"


def to_rows(analyses: Iterable[Analysis]) -> list[dict]:
    """The rows of several analyses, one list (skips exceptions from ``return_exceptions``)."""
    return [row for analysis in analyses if isinstance(analysis, Analysis) for row in analysis.to_rows()]


def to_dataframe(analyses: "Iterable[Analysis] | Analysis"):
    """A pandas DataFrame of the rows (pandas must be installed)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe needs pandas: pip install pandas") from None
    if isinstance(analyses, Analysis):
        analyses = [analyses]
    return pandas.DataFrame(to_rows(analyses), columns=list(ROW_COLUMNS))

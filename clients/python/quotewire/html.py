"""Articles from web pages, with trafilatura (``pip install './clients/python[html]'``)."""

from __future__ import annotations

from quotewire._messages import article_from
from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb
from quotewire.errors import InvalidArgument


def article_from_html(html: str | bytes, *, url: str | None = None, id: str | None = None) -> "pb.Article":
    """The main text and metadata (title, site, date, language) of a news page as an Article.
    Raises InvalidArgument when no article text can be found in the page."""
    try:
        import trafilatura
    except ImportError:
        raise ImportError("article_from_html needs trafilatura: pip install './clients/python[html]'") from None
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if document is None:
        raise InvalidArgument("no article text found in the page")
    fields = document if isinstance(document, dict) else document.as_dict()
    body = fields.get("text") or ""
    if not body.strip():
        raise InvalidArgument("no article text found in the page")
    record = {
        "id": id if id is not None else (url or ""),
        "url": url or fields.get("url") or "",
        "title": fields.get("title") or "",
        "source": fields.get("sitename") or fields.get("hostname") or "",
        "body": body,
        "language": fields.get("language") or "",
    }
    date = fields.get("date")
    if date:
        record["published"] = f"{date}T00:00:00Z" if len(date) == 10 else date
    return article_from(record)

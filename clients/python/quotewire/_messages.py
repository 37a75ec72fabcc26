"""Building requests: articles from text, dicts or messages, checked client-side."""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping, Union

from google.protobuf import json_format

from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb
from quotewire.errors import InvalidArgument

Article = pb.Article
ArticleLike = Union[str, bytes, Mapping[str, Any], "pb.Article"]

OFFSET_UNITS = {
    "utf8": pb.OFFSET_UNIT_UTF8,
    "utf16": pb.OFFSET_UNIT_UTF16,
    "unicode": pb.OFFSET_UNIT_UNICODE_SCALAR,
}

_STRING_FIELDS = ("id", "url", "source", "title", "body", "language")
# Keys of a JSON Lines article that mean Article.published_at.
_PUBLISHED_KEYS = ("publishedAt", "published_at", "published")


def offset_unit(name: str) -> int:
    """The OffsetUnit of ``"utf8"``, ``"utf16"`` or ``"unicode"`` (scalars, as Python indexes)."""
    try:
        return OFFSET_UNITS[name]
    except KeyError:
        raise ValueError(f"offsets must be one of {', '.join(OFFSET_UNITS)}, not {name!r}") from None


def article_from(value: ArticleLike, *, id: str | None = None) -> "pb.Article":
    """An Article from its body (``str`` or UTF-8 ``bytes``), a dict with the
    proto3 JSON field names (``published`` is accepted for ``publishedAt``;
    other keys are ignored), or an Article message. Refuses what the server
    would refuse: invalid UTF-8 and U+0000 in any string field."""
    if isinstance(value, pb.Article):
        article = pb.Article()
        article.CopyFrom(value)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        try:
            article = pb.Article(body=bytes(value).decode("utf-8"))
        except UnicodeDecodeError as error:
            raise InvalidArgument(f"invalid UTF-8 in field article.body at byte {error.start}") from None
    elif isinstance(value, str):
        article = pb.Article(body=checked_text("body", value))
    elif isinstance(value, Mapping):
        article = _article_from_mapping(value)
    else:
        raise TypeError(f"cannot make an Article from {type(value).__name__}")
    if id is not None:
        article.id = checked_text("id", id)
    for field in _STRING_FIELDS:
        checked_text(field, getattr(article, field))
    return article


def checked_text(field: str, text: str) -> str:
    """The text, or InvalidArgument naming the field when the server would refuse it
    (not encodable as UTF-8, or holding U+0000)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidArgument(
            f"invalid UTF-8 in field article.{field}: unpaired surrogate at character {error.start}"
        ) from None
    position = text.find("\x00")
    if position >= 0:
        raise InvalidArgument(f"U+0000 in field article.{field} at character {position}")
    return text


def _article_from_mapping(value: Mapping[str, Any]) -> "pb.Article":
    article = pb.Article()
    for field in _STRING_FIELDS:
        item = value.get(field)
        if item is None:
            continue
        if not isinstance(item, str):
            raise InvalidArgument(f"field {field} must be a string, not {type(item).__name__}")
        setattr(article, field, checked_text(field, item))
    for key in _PUBLISHED_KEYS:
        published = value.get(key)
        if published is None:
            continue
        if isinstance(published, _dt.datetime):
            if published.tzinfo is None:
                published = published.replace(tzinfo=_dt.timezone.utc)
            article.published_at.FromDatetime(published.astimezone(_dt.timezone.utc))
        else:
            try:
                article.published_at.FromJsonString(str(published))
            except ValueError as error:
                raise InvalidArgument(f"field {key}: not an RFC 3339 time: {error}") from None
        break
    return article


def analyze_request(article: "pb.Article", *, offsets: str, min_confidence: float, skip_demands: bool) -> "pb.AnalyzeRequest":
    if not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence must be from 0 to 1, not {min_confidence}")
    options = pb.AnalyzeOptions(
        offset_unit=offset_unit(offsets), min_confidence=min_confidence, skip_demands=skip_demands
    )
    return pb.AnalyzeRequest(article=article, options=options)


def to_json_dict(message) -> dict:
    """The proto3 JSON of a message as a dict (defaults included)."""
    try:  # protobuf 5.26 renamed the option
        return json_format.MessageToDict(message, always_print_fields_with_no_presence=True)
    except TypeError:
        return json_format.MessageToDict(message, including_default_value_fields=True)

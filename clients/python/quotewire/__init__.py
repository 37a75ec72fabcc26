"""Quotewire from Python: who said what, and who demands what of whom, in news articles.

    from quotewire import Client
    with Client("127.0.0.1:7807") as client:
        result = client.analyze("“We will rebuild,” the mayor said.")
        for row in result.to_rows():
            print(row["speaker"], row["text"])
"""

from quotewire._endpoints import Endpoint
from quotewire._messages import Article, article_from
from quotewire.aio import AsyncClient, RetryPolicy
from quotewire.client import Client
from quotewire.errors import *  # noqa: F401,F403  (one exception per status code)
from quotewire.errors import __all__ as _errors
from quotewire.results import ROW_COLUMNS, Analysis, to_dataframe, to_rows

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Article", "AsyncClient", "Client", "Endpoint", "ROW_COLUMNS", "RPCError", "RetryPolicy",
    "article_from", "to_dataframe", "to_rows", *_errors,
]

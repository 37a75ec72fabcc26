"""Articles from HTML pages through trafilatura (the optional extra)."""

import pytest

import quotewire
from quotewire.html import article_from_html

PAGE = """<html><head><title>Mayor demands state funds</title>
<meta property="og:site_name" content="Harbor Daily"><meta name="date" content="2026-11-30"></head>
<body><nav>Home | News | Sports</nav><article><h1>Mayor demands state funds</h1>
<p>The city council postponed a vote on Tuesday on a plan to repair the Harbor Street bridge.</p>
<p>“We cannot ask families in this city to pay twice for the same bridge,” Mayor Elena Vasquez told
reporters outside City Hall. “The state made a commitment, and we expect it to keep it.”</p>
<p>The mayor urged Governor Thomas Reed to release the emergency transportation funds before the end of the month.</p>
</article><footer>Copyright Harbor Daily</footer></body></html>"""


def test_article_from_html_then_analyze(server):
    article = article_from_html(PAGE, url="https://harbor.example/bridge")
    assert "pay twice" in article.body and "Home | News" not in article.body
    assert article.title == "Mayor demands state funds"
    assert article.url == "https://harbor.example/bridge" and article.id == article.url
    with quotewire.Client(server.address) as client:
        result = client.analyze(article)
    assert any(row["speaker"].endswith("Vasquez") for row in result.to_rows())


def test_page_without_text_is_invalid_argument():
    with pytest.raises(quotewire.InvalidArgument):
        article_from_html("<html><body></body></html>")

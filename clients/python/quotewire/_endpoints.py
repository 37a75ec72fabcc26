"""Where a server listens: ``host:port``, ``[v6]:port``, ``tls:host:port`` or ``unix:/path``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    """One server address. ``path`` is set for Unix sockets, ``host``/``port`` for TCP;
    ``tls`` for a TCP endpoint written ``tls:host:port`` (the Go ttrpc peer's spelling)."""

    host: str = ""
    port: int = 0
    path: str = ""
    tls: bool = False

    @property
    def is_unix(self) -> bool:
        return bool(self.path)

    def __str__(self) -> str:
        if self.path:
            return f"unix:{self.path}"
        address = f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"
        return f"tls:{address}" if self.tls else address

    @staticmethod
    def parse(text: str) -> "Endpoint":
        text = text.strip()
        if text.startswith("tls:"):
            endpoint = Endpoint.parse(text[len("tls:"):])
            if endpoint.is_unix or endpoint.tls:
                raise ValueError(f'invalid endpoint "{text}": tls: takes HOST:PORT (a Unix socket stays plaintext)')
            return Endpoint(host=endpoint.host, port=endpoint.port, tls=True)
        if text.startswith("unix:"):
            path = text[len("unix:"):]
            if not path:
                raise ValueError(f'invalid endpoint "{text}": the socket path is empty')
            return Endpoint(path=path)
        if text.startswith("["):
            host, sep, rest = text[1:].partition("]")
            if not sep or not rest.startswith(":"):
                raise ValueError(f'invalid endpoint "{text}": expected [IPv6]:PORT')
            port_text = rest[1:]
        else:
            host, sep, port_text = text.rpartition(":")
            if not sep or not host:
                raise ValueError(f'invalid endpoint "{text}": expected HOST:PORT or unix:/path')
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ValueError(f'invalid endpoint "{text}": the port must be a number from 1 to 65535')
        return Endpoint(host=host, port=int(port_text))


def parse_endpoints(target: "str | Endpoint | list") -> list[Endpoint]:
    """Endpoints from a comma-separated string, one Endpoint, or a list of either."""
    if isinstance(target, Endpoint):
        return [target]
    items = target.split(",") if isinstance(target, str) else list(target)
    endpoints = [item if isinstance(item, Endpoint) else Endpoint.parse(item) for item in items if str(item).strip()]
    if not endpoints:
        raise ValueError(f'no endpoint in "{target}"')
    return endpoints

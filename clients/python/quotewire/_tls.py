"""TLS for TCP endpoints: the client's SSL context from the files it is given."""

from __future__ import annotations

import ssl


def client_context(ca: str | None = None, cert: str | None = None, key: str | None = None) -> ssl.SSLContext:
    """A context that verifies the server (against ``ca``, else the system's trusted CAs), with
    TLS 1.2 or later, and presents ``cert``/``key`` for mutual TLS. Raises ``ValueError`` naming
    the file that is missing or unusable."""
    if (cert is None) != (key is None):
        raise ValueError("tls_cert and tls_key go together: a client certificate needs its key")
    try:
        context = ssl.create_default_context(cafile=ca)
    except (OSError, ssl.SSLError) as error:
        raise ValueError(f"{ca}: cannot read it as CA certificates ({_reason(error)})") from None
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if cert is not None:
        try:
            context.load_cert_chain(cert, key)
        except (OSError, ssl.SSLError) as error:
            raise ValueError(f"{cert} / {key}: cannot read the client certificate and key ({_reason(error)})") from None
    return context


def handshake_failure(endpoint: object, error: ssl.SSLError) -> str:
    """What a failed handshake means, in a sentence."""
    reason = _reason(error)
    if "WRONG_VERSION_NUMBER" in reason or "RECORD_LAYER_FAILURE" in reason or isinstance(error, ssl.SSLEOFError):
        return f"TLS handshake with {endpoint} failed: the server does not speak TLS on this port ({reason})"
    return f"TLS handshake with {endpoint} failed: {reason}"


def session_failure(endpoint: object, error: ssl.SSLError) -> str:
    """What a TLS error after the handshake means: with TLS 1.3 the server's refusal of the
    client certificate (none, or one from a CA it does not trust) arrives with the first read."""
    reason = _reason(error)
    if "CERTIFICATE_REQUIRED" in reason:
        return f"{endpoint} requires a client certificate (tls_cert and tls_key): {reason}"
    if "UNKNOWN_CA" in reason or "BAD_CERTIFICATE" in reason:
        return f"{endpoint} refused the client certificate: {reason}"
    return f"TLS session with {endpoint} failed: {reason}"


def _reason(error: Exception) -> str:
    if isinstance(error, ssl.SSLError):
        return getattr(error, "verify_message", None) or error.reason or str(error)
    return getattr(error, "strerror", None) or str(error)

"""TLS and mutual TLS against a real `quotewire serve`, with throw-away certificates the test makes."""

from __future__ import annotations

import subprocess

import pytest

import quotewire
from quotewire import Client
from quotewire._endpoints import Endpoint
from quotewire.aio import AsyncClient

from conftest import REPO, Server


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certs")
    subprocess.run([str(REPO / "scripts" / "make-test-certs.sh"), str(folder)], check=True)
    return folder


@pytest.fixture(scope="module")
def tls_server(certs):
    running = Server("--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"))
    yield running
    running.kill()


@pytest.fixture(scope="module")
def mutual_tls_server(certs):
    running = Server(
        "--tls-cert", str(certs / "server.pem"), "--tls-key", str(certs / "server.key"),
        "--tls-client-ca", str(certs / "ca.pem"),
    )
    yield running
    running.kill()


def test_round_trip_over_tls(tls_server, certs):
    with Client(f"tls:{tls_server.address}", tls_ca=str(certs / "ca.pem")) as client:
        result = client.analyze("“We will rebuild,” the mayor said.")
        assert client.health() == "SERVING"
    assert [quote.text for quote in result.quotes] == ["We will rebuild,"]


def test_tls_flag_applies_to_plain_addresses(tls_server, certs):
    with Client(tls_server.address, tls=True, tls_ca=str(certs / "ca.pem")) as client:
        assert client.health() == "SERVING"


def test_an_untrusted_server_is_refused(tls_server):
    with Client(f"tls:{tls_server.address}", retry=quotewire.RetryPolicy(max_attempts=1)) as client:
        with pytest.raises(quotewire.Unavailable, match="TLS handshake with .* failed: .*certificate"):
            client.health()


def test_the_server_name_is_verified(tls_server, certs):
    with Client(
        f"tls:{tls_server.address}", tls_ca=str(certs / "ca.pem"), tls_server_name="elsewhere.test",
        retry=quotewire.RetryPolicy(max_attempts=1),
    ) as client:
        with pytest.raises(quotewire.Unavailable, match="elsewhere.test"):
            client.health()
    with Client(f"tls:{tls_server.address}", tls_ca=str(certs / "ca.pem"), tls_server_name="localhost") as client:
        assert client.health() == "SERVING"


def test_mutual_tls_takes_the_right_certificate_only(mutual_tls_server, certs):
    address = f"tls:{mutual_tls_server.address}"
    ca = str(certs / "ca.pem")
    with Client(address, tls_ca=ca, tls_cert=str(certs / "client.pem"), tls_key=str(certs / "client.key")) as client:
        assert client.health() == "SERVING"
    once = quotewire.RetryPolicy(max_attempts=1)
    with Client(address, tls_ca=ca, retry=once) as client:
        with pytest.raises(quotewire.Unavailable, match="requires a client certificate"):
            client.health()
    with Client(
        address, tls_ca=ca, tls_cert=str(certs / "other-client.pem"), tls_key=str(certs / "other-client.key"), retry=once
    ) as client:
        with pytest.raises(quotewire.Unavailable, match="refused the client certificate"):
            client.health()


def test_plaintext_client_on_a_tls_port_is_told_to_use_tls(tls_server):
    with Client(tls_server.address) as client:
        with pytest.raises(quotewire.FailedPrecondition, match="this port speaks TLS"):
            client.health()


def test_tls_client_on_a_plaintext_port_gets_a_clear_error(server, certs):
    with Client(f"tls:{server.address}", tls_ca=str(certs / "ca.pem"), retry=quotewire.RetryPolicy(max_attempts=1)) as client:
        with pytest.raises(quotewire.Unavailable, match="does not speak TLS on this port"):
            client.health()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tls_cert": "client.pem"}, "tls_cert and tls_key go together"),
        ({"tls_ca": "missing.pem"}, "missing.pem: cannot read it as CA certificates"),
        ({"tls_cert": "ca.key", "tls_key": "ca.key"}, "cannot read the client certificate and key"),
    ],
)
def test_bad_tls_files_are_named(certs, options, message):
    options = {key: str(certs / value) for key, value in options.items()}
    with pytest.raises(ValueError, match=message):
        AsyncClient("tls:127.0.0.1:7807", **options)


def test_tls_endpoints_are_tcp_only():
    assert Endpoint.parse("tls:example.org:7807") == Endpoint(host="example.org", port=7807, tls=True)
    assert str(Endpoint.parse("tls:[::1]:7807")) == "tls:[::1]:7807"
    with pytest.raises(ValueError, match="a Unix socket stays plaintext"):
        Endpoint.parse("tls:unix:/run/quotewire.sock")
    with pytest.raises(ValueError, match="unix:/run/quotewire.sock stays plaintext"):
        AsyncClient("unix:/run/quotewire.sock", tls=True)

"""The address guard: never let a source URL reach a private, loopback or link-local host.

An article is hostile input: a link to ``http://169.254.169.254/`` or to a name that resolves
to ``10.0.0.5`` would make us probe the reader's own network. Every hop of every fetch is
checked by name *and* after DNS resolution, and the connection is made to the very address
that was checked, so a name that resolves differently the second time (DNS rebinding) cannot
slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import httpcore

from factcheck.errors import FactcheckError

__all__ = ["BlockedAddress", "GuardedBackend", "check_address", "resolve_checked"]


class BlockedAddress(FactcheckError):
    """A host that resolves to an address we refuse to contact."""


def address_problem(ip: str) -> str | None:
    """Why an IP address must not be contacted, or ``None`` if it is a public address.

    >>> address_problem("93.184.216.34") is None
    True
    >>> address_problem("127.0.0.1")
    'a loopback address'
    >>> address_problem("::ffff:10.0.0.1")
    'a private address'
    """
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    # An IPv4 address dressed as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it is.
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_unspecified:
        return "an unspecified address"
    if addr.is_private:
        return "a private address"
    if addr.is_reserved or not addr.is_global:
        return "a reserved address"
    return None


def resolve_checked(host: str, port: int, *, allow_private: bool) -> list[str]:
    """The addresses of ``host`` we may connect to; raise ``BlockedAddress`` if none.

    >>> resolve_checked("127.0.0.1", 80, allow_private=True)
    ['127.0.0.1']
    >>> resolve_checked("127.0.0.1", 80, allow_private=False)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    factcheck.sources.safety.BlockedAddress: 127.0.0.1 is a loopback address (use --allow-...
    """
    host = host.strip("[]")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve host {host} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if allow_private:
        return addresses
    allowed: list[str] = []
    refused: list[tuple[str, str]] = []
    for ip in addresses:
        problem = address_problem(ip)
        if problem is None:
            allowed.append(ip)
        else:
            refused.append((ip, problem))
    # A name with one private and one public address is refused outright: which of them we
    # would reach is up to the resolver, so the host is not safely public.
    if refused:
        ip, problem = refused[0]
        shown = host if host == ip else f"{host} ({ip})"
        raise BlockedAddress(f"{shown} is {problem} (use --allow-private to fetch it)")
    return allowed


def check_address(host: str, port: int, *, allow_private: bool) -> None:
    """Raise ``BlockedAddress`` if ``host`` is or resolves to a refused address."""
    resolve_checked(host, port, allow_private=allow_private)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to addresses that pass the guard.

    The TLS handshake still uses the URL's host name (httpcore passes it as SNI), so
    connecting to the checked IP changes nothing else.
    """

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_checked(host, port, allow_private=self.allow_private)
        last: Exception | None = None
        for ip in addresses:
            try:
                return super().connect_tcp(ip, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

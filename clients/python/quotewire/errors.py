"""Errors raised by the client: one exception class per gRPC status code.

Every failed call raises a subclass of :class:`RPCError` named after the
status the server (or the client itself) chose, e.g. ``InvalidArgument`` or
``DeadlineExceeded``; ``err.code`` is the :class:`StatusCode` and
``err.message`` the server's message.
"""

from __future__ import annotations

import enum

__all__ = [
    "StatusCode", "RPCError", "Cancelled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound",
    "AlreadyExists", "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
    "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
]


class StatusCode(enum.IntEnum):
    """The gRPC status codes ttrpc uses."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


class RPCError(Exception):
    """A call that did not succeed. Subclasses are named after the status code."""

    code: StatusCode = StatusCode.UNKNOWN

    def __init__(self, message: str, *, code: StatusCode | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code.name}: {self.message}"


class Cancelled(RPCError):
    code = StatusCode.CANCELLED


class Unknown(RPCError):
    code = StatusCode.UNKNOWN


class InvalidArgument(RPCError):
    code = StatusCode.INVALID_ARGUMENT


class DeadlineExceeded(RPCError):
    code = StatusCode.DEADLINE_EXCEEDED


class NotFound(RPCError):
    code = StatusCode.NOT_FOUND


class AlreadyExists(RPCError):
    code = StatusCode.ALREADY_EXISTS


class PermissionDenied(RPCError):
    code = StatusCode.PERMISSION_DENIED


class ResourceExhausted(RPCError):
    code = StatusCode.RESOURCE_EXHAUSTED


class FailedPrecondition(RPCError):
    code = StatusCode.FAILED_PRECONDITION


class Aborted(RPCError):
    code = StatusCode.ABORTED


class OutOfRange(RPCError):
    code = StatusCode.OUT_OF_RANGE


class Unimplemented(RPCError):
    code = StatusCode.UNIMPLEMENTED


class Internal(RPCError):
    code = StatusCode.INTERNAL


class Unavailable(RPCError):
    code = StatusCode.UNAVAILABLE


class DataLoss(RPCError):
    code = StatusCode.DATA_LOSS


class Unauthenticated(RPCError):
    code = StatusCode.UNAUTHENTICATED


_BY_CODE = {cls.code: cls for cls in RPCError.__subclasses__()}


def error_for(code: int, message: str) -> RPCError:
    """The exception for a status code received from a server."""
    try:
        status = StatusCode(code)
    except ValueError:
        return Unknown(f"status code {code}: {message}")
    return _BY_CODE[status](message)

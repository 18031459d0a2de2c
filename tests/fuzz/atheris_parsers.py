"""A libFuzzer (atheris) harness over the parsers of outside input: identifier checks, the
business-scope parser, the catalog's CSV import, the licence QR text and the sync client's reading
of a reply. Coverage-guided, so it reaches what the hypothesis tests (tests/unit/test_fuzz_inputs.py)
only sample.

Each input picks a target with its first byte; the rest is the input. A target must return a
result or raise its documented error with a Chinese message; anything else is a crash, and
libFuzzer writes the input to ``<artifact_prefix>crash-…`` and exits non-zero.

    python -m tests.fuzz.atheris_parsers -runs=100000 -max_len=4096 [corpus_dir]

``make soak`` runs it through tests/fuzz/test_atheris_soak.py (needs ``atheris``).
"""

from __future__ import annotations

import contextlib
import sys
import zlib
from datetime import date

import atheris  # type: ignore[import-untyped]  # no stubs installed

with atheris.instrument_imports():
    import httpx
    import pydantic

    from desktop.adapters.tabular import decode_text, parse_csv_text
    from desktop.domain.catalog_table import parse_matters
    from desktop.domain.errors import DomainError
    from desktop.domain.identifiers import check_elicence, check_resident_id, check_uscc
    from desktop.domain.qr_payload import MARKER, Unreadable, _b64, parse_qr_text
    from desktop.domain.scope import split_scope
    from sync import client
    from sync.errors import ProtocolError
    from sync.protocol import EnrolResponse, FeedPage, PushRequest, PushResponse, ServerInfo

TODAY = date(2026, 11, 26)
REPLIES = (EnrolResponse, PushResponse, FeedPage, ServerInfo)
TARGETS = 6


class ContractBroken(AssertionError):
    """A documented error without a Chinese message, or a result that is not what it should be."""


def _chinese(message: str) -> None:
    if not any("\u4e00" <= ch <= "\u9fff" for ch in message):
        raise ContractBroken(f"no Chinese in the message: {message!r}")


def _identifiers(text: str) -> None:
    for result in (check_uscc(text), check_resident_id(text, TODAY), check_elicence(text)):
        _chinese(result.message)
        if result.valid and not (result.checksum_ok and result.well_formed):
            raise ContractBroken(f"valid but not well formed: {result}")


def _scope(text: str) -> None:
    terms = split_scope(text)
    if len(terms) != len(set(terms)) or not all(terms):
        raise ContractBroken(f"terms repeated or empty: {terms!r}")


def _catalog(data: bytes) -> None:
    try:
        parse_matters(parse_csv_text(decode_text(data, "fuzz.csv")), default_source="fuzz.csv")
    except DomainError as exc:
        _chinese(exc.message)


def _qr(data: bytes, as_payload: bool) -> None:
    if as_payload:  # the bytes are the inflated document: reach the JSON and the payload checks
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        text = "https://v.invalid/v/HZ1" + MARKER + _b64(deflate.compress(data) + deflate.flush()) + ".AA"
    else:
        text = data.decode("utf-8", "surrogateescape")
    try:
        parse_qr_text(text)
    except Unreadable as exc:
        _chinese(exc.message)


def _reply(data: bytes, which: int) -> None:
    try:
        client._parse(httpx.Response(200, content=data), REPLIES[which % len(REPLIES)])
    except ProtocolError as exc:
        _chinese(exc.message)
    except client._Truncated:
        pass  # retried by the client, then reported as Offline
    with contextlib.suppress(pydantic.ValidationError):
        PushRequest.model_validate_json(data)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    target, rest = data[0], data[1:]
    text = rest.decode("utf-8", "surrogateescape")
    match target % TARGETS:
        case 0:
            _identifiers(text)
        case 1:
            _scope(text)
        case 2:
            _catalog(rest)
        case 3:
            _qr(rest, as_payload=False)
        case 4:
            _qr(rest, as_payload=True)
        case _:
            _reply(rest, target // TARGETS)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

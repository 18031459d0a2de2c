"""Sync with the central platform (证照分离 中心平台): protocol v1, see sync/PROTOCOL.md.

- ``sync.protocol`` — the wire models (shared with the server, ``sync.central``);
- ``sync.store`` — what the engine needs from the counter's database (``LocalStore``);
- ``sync.client`` — ``CentralClient``: HTTP(S) with retries, backoff and certificate pinning;
- ``sync.engine`` — ``SyncEngine.run_once()``: push the outbox, pull the feeds, report;
- ``sync.errors``, ``sync.backoff``, ``sync.pinning`` — their small helpers.

Nothing is imported here, so the server can use ``sync.protocol`` without the client's stack.
"""

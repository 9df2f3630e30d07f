"""The hand-written fast paths of the timeline and /api/events give what the general code gave."""

from __future__ import annotations

import random
from types import SimpleNamespace

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from app.store.facet_index import FacetIndex, _lowest


def _bits_slow(n: int, position_of: list[int], ids: list[int]) -> int:
    ba = bytearray((n + 7) // 8)
    for i in ids:
        if i < len(position_of) and (p := position_of[i]) >= 0:
            ba[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(ba, "little")


def test_bits_of_ids_matches_a_plain_loop():
    rng = random.Random(5)
    for n in (0, 1, 7, 8, 9, 1000):
        position_of = [-1] * (n + 50)
        for eid, p in zip(rng.sample(range(len(position_of)), n), range(n), strict=True):
            position_of[eid] = p
        idx = SimpleNamespace(n=n, position_of=position_of)
        for ids in ([], [0], list(range(len(position_of))), rng.sample(range(len(position_of) + 20), 30)):
            assert FacetIndex._bits_of_ids(idx, ids) == _bits_slow(n, position_of, ids)


def test_lowest_reads_chunks_as_a_bit_by_bit_loop():
    rng = random.Random(7)
    for size in (1, 63, 4095, 4096, 4097, 20_000):
        for density in (1.0, 0.5, 0.01, 0.0005):
            bits = sum(1 << p for p in range(size) if rng.random() < density)
            for n in (0, 1, 3, 101, size):
                expected = [p for p in range(size) if bits >> p & 1][:n]
                assert _lowest(bits, n) == expected, (size, density, n)


def test_api_events_body_is_fastapis_own_encoding(web_client, web_data):
    for url in ("/api/events", "/api/events?limit=2", "/api/events?q=Pj%C3%B6ngjang", "/api/events?country=PRK"):
        r = web_client.get(url)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json"
        assert r.content == JSONResponse(jsonable_encoder(r.json())).body

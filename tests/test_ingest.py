"""Ingest: decoding, boilerplate, DCT, sentences — offsets always index the original text."""

from __future__ import annotations

import codecs

import pytest

from app.ingest import IngestError, parse_document
from app.ingest.clean import find_boilerplate, kept_spans
from app.ingest.dct import find_dct
from app.ingest.decode import decode

ARTICLE = (
    "Moskau (Reuters) - Russlands Präsident Wladimir Putin hat am Mittwoch mit Nordkoreas Machthaber "
    "Kim Jong Un telefoniert. Beide Seiten vereinbarten nach Angaben des Kremls eine engere "
    "Zusammenarbeit in Wirtschaft und Verteidigung. Das Gespräch habe in freundlicher Atmosphäre "
    "stattgefunden, hieß es.\n"
)


def test_utf8_plain_and_bom():
    assert decode("Grüße".encode())[1] == "utf-8"
    text, enc = decode(codecs.BOM_UTF8 + "Grüße".encode())
    assert (text, enc) == ("Grüße", "utf-8-sig")


@pytest.mark.parametrize("codec,name", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom(codec, name):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, enc = decode(bom + "Pjöngjang – Gespräche".encode(codec))
    assert text == "Pjöngjang – Gespräche" and enc == name


def test_cp1252_and_latin1():
    text, enc = decode("„Gespräche“ über Nordkorea".encode("cp1252"))
    assert text == "„Gespräche“ über Nordkorea" and enc == "cp1252"
    text, enc = decode("Grüße aus Pjöngjang".encode("latin-1"))
    assert text == "Grüße aus Pjöngjang" and enc in ("cp1252", "latin-1")


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"  \n\t", "empty"),
                                         (bytes(range(256)) * 4, "binary"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary")])
def test_rejects_empty_and_binary(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode(data)


def test_not_an_article():
    with pytest.raises(IngestError, match="not an article"):
        parse_document("x.txt", b"Hallo Welt.\n")
    with pytest.raises(IngestError, match="not an article"):
        parse_document("t.csv", ("1;2;3;4;5;6;7;8\n" * 200).encode())


def test_too_large():
    with pytest.raises(IngestError, match="too large"):
        parse_document("big.txt", b"a" * 6_000_000)


def test_boilerplate_is_found_but_offsets_kept():
    text = (" date 2024-03 Quelle: (c) Copyright Thomson Reuters 2024. Click For Restrictions - "
            "https://agency.reuters.com/en/copyright.html\n\n2/2\n\n© Reuters. Ein Bild. REUTERS/Max Muster/Pool\n"
            "\nVon Erika Mustermann\n\n" + ARTICLE + "\n(Bericht von A. B.; Redigiert von C. D.)\n(Reuters)\n")
    dropped = find_boilerplate(text)
    reasons = {d.reason for d in dropped}
    assert {"header", "copyright", "gallery-counter", "reporter-line", "agency-trailer", "dateline"} <= reasons
    for d in dropped:
        assert text[d.start:d.end] == d.text
    spans = kept_spans(text, dropped)
    kept = " ".join(text[s:e] for s, e in spans)
    assert "Copyright" not in kept and "2/2" not in kept and "Mustermann" not in kept
    assert "Russlands Präsident Wladimir Putin" in kept
    assert "(Reuters)" not in kept and "Redigiert" not in kept


def test_sentence_mention_of_agency_is_kept():
    text = "Die Agentur Reuters berichtete, Foto: das zeigt nichts.\nNordkorea schickte Soldaten nach Russland.\n"
    kept = " ".join(text[s:e] for s, e in kept_spans(text, find_boilerplate(text)))
    assert "Reuters berichtete" in kept


@pytest.mark.parametrize("text,kw,expect", [
    (" date 2024-03 Text", {}, ("2024-03", "header")),
    (" date 2024-03 Text", {"published": "2024-03-28"}, ("2024-03-28", "manifest")),
    (" date 2023-07 Titel Stand: 28.07.2023 08:41 Uhr\nText", {}, ("2023-07-28", "text")),
    (" date 2019-04 Text. (Reuters, 23.4.2019)", {}, ("2019-04-23", "text")),
    (" date 2019-04 Text. (Reuters, 23.5.2018)", {}, ("2019-04", "header")),  # contradicts header
    ("Text ohne Datum", {"url": "https://x.example/2020/05/09/kim-gratuliert"}, ("2020-05-09", "url")),
    ("Text ohne Datum", {"url": "https://x.example/nachrichten-2025-04/123.htm"}, ("2025-04", "url")),
    ("Text ohne Datum", {"published": "2024-W24"}, ("2024-W24", "manifest")),
])
def test_dct_sources(text, kw, expect):
    dct = find_dct(text, **kw)
    assert dct is not None and (dct.value, dct.source) == expect


def test_no_dct_is_none_not_a_guess():
    assert find_dct("Putin besuchte am Mittwoch Pjöngjang.") is None


def test_document_sentences_index_the_original():
    data = ("\ufeff" + " date 2024-06 Putin in Pjöngjang\n\n" + ARTICLE).encode("utf-8")
    doc = parse_document("a.txt", data)
    assert doc.dct and doc.dct.value == "2024-06"
    assert doc.title == "Putin in Pjöngjang"
    assert len(doc.sentences) >= 4
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert not any("date 2024-06" in s.text for s in doc.sentences)
    assert any(s.text.startswith("Russlands Präsident") for s in doc.sentences)

"""Web-page furniture around the article: share bars, reading times, stamps, newsletter promotion,
"Mehr zum Thema" teaser lists, caption credits and editors' signs stay out of extraction, while
running text that merely uses the same words stays in. Texts written for these tests."""

from __future__ import annotations

import pytest

from app.extract.pipeline import extract
from app.ingest import parse_document
from app.ingest.clean import find_boilerplate, kept_spans

PAGE = (
    """Russland und Nordkorea vertiefen Militärkooperation
Teilen
Facebook
X
WhatsApp
E-Mail
Artikel anhören
Lesezeit: 3 Min.
19.06.2024, 14:32 Uhr
Kremlchef Wladimir Putin (l.) und Machthaber Kim Jong Un in Pjöngjang."""
    """ Foto: Gavriil Grigorov/Sputnik Kremlin Pool/AP/dpa
Kremlchef Wladimir Putin ist am Mittwoch zu einem Staatsbesuch in Nordkorea eingetroffen."""
    """ Er wurde von Machthaber Kim Jong Un am Flughafen empfangen.
Anzeige
Lesen Sie auch: Südkorea protestiert gegen Militärpakt
Die beiden Staaten unterzeichneten ein Abkommen über eine umfassende strategische Partnerschaft.
Newsletter
Jetzt kostenlos anmelden und keine Nachricht mehr verpassen!
Mehr zum Thema

Kim Jong Un besucht Russland – Treffen mit Putin im Kosmodrom

Putin lädt Kim nach Moskau ein
© dpa-infocom, dpa:240619-99-123456/4
Zur Startseite
Kommentare
Dieser Artikel wurde am 19.06.2024 um 16:10 Uhr aktualisiert.
"""
)


def _kept(text: str) -> str:
    return "\n".join(text[s:e] for s, e in kept_spans(text, find_boilerplate(text)))


def test_page_furniture_is_dropped_and_the_article_kept() -> None:
    kept = _kept(PAGE)
    for furniture in ("Teilen", "Facebook", "WhatsApp", "Artikel anhören", "Lesezeit", "14:32 Uhr", "Anzeige",
                      "Lesen Sie auch", "Newsletter", "anmelden", "Mehr zum Thema", "Kosmodrom", "lädt Kim",
                      "dpa-infocom", "Startseite", "Kommentare", "aktualisiert", "Grigorov"):
        assert furniture not in kept, furniture
    for content in ("Russland und Nordkorea vertiefen Militärkooperation",
                    "Kremlchef Wladimir Putin (l.) und Machthaber Kim Jong Un in Pjöngjang.",
                    "ist am Mittwoch zu einem Staatsbesuch in Nordkorea eingetroffen",
                    "unterzeichneten ein Abkommen"):
        assert content in kept, content


def test_teasers_of_other_articles_are_not_events_and_the_stamp_dates_the_page() -> None:
    doc = parse_document("page.txt", PAGE.encode())
    assert doc.dct is not None and doc.dct.value == "2024-06-19"
    quotes = [PAGE[e.start:e.end] for e in extract(doc).events]
    assert any("Staatsbesuch" in q for q in quotes)
    assert any("Abkommen" in q for q in quotes)
    assert not any("Kosmodrom" in q or "lädt" in q or "protestiert" in q for q in quotes)
    visit = next(e for e in extract(doc).events if "Staatsbesuch" in PAGE[e.start:e.end])
    assert visit.date.value == "2024-06-19"  # "am Mittwoch" against the page's stamp


def test_a_teaser_list_ends_at_running_text() -> None:
    text = ("Titel der Meldung über Moskau und Pjöngjang\nAuch interessant\nSanktionen gegen Pjöngjang verschärft\n\n"
            "Lawrow reist nach Pjöngjang\nDer russische Außenminister Sergej Lawrow ist am Montag in Pjöngjang "
            "eingetroffen, wie die Agentur KCNA meldete.\n")
    kept = _kept(text)
    assert "verschärft" not in kept and "Lawrow reist" not in kept
    assert "ist am Montag in Pjöngjang eingetroffen" in kept


def test_an_own_summary_list_stays() -> None:
    text = ("Das Wichtigste in Kürze\n- Russlands Präsident Wladimir Putin reist kommende Woche nach Pjöngjang.\n"
            "- Die USA warnen vor einer engeren militärischen Zusammenarbeit\n")
    kept = _kept(text)
    assert "Das Wichtigste" not in kept
    assert "reist kommende Woche nach Pjöngjang" in kept and "Die USA warnen" in kept


@pytest.mark.parametrize("line", [
    "Zum Thema Sanktionen sagte Lawrow, Moskau halte sich an alle Beschlüsse.",
    "Die Regierung wollte die Bilder nicht mit der Öffentlichkeit teilen.",
    "Selenskyj sagte der Bild: «Nordkorea schickt weitere Soldaten»",
    "Verhandelt wurde über (a) die Sanktionen, (b) den Handel und (c) die Rüstungskooperation",
    "Jetzt müssen sich nordkoreanische Arbeiter in Russland registrieren lassen.",
    "Die Raketen flogen mit mehr als 6000 km/h.",
    "Am 19.06.2024, 14:32 Uhr landete Putins Maschine in Pjöngjang.",
    "Kim Jong Un sprach von einer Partnerschaft mit Russland",
    "X-Tausend Soldaten sollen nach Russland verlegt worden sein.",
])
def test_running_text_with_the_same_words_stays(line: str) -> None:
    text = "Nordkorea und Russland\n" + line + "\n"
    assert line.strip() in _kept(text)


@pytest.mark.parametrize("line, kept_part", [
    ("Kim Jong Un © KCNA / UPI Photo / IMAGO", "Kim Jong Un"),
    ("Drei Tage später begann der Krieg. fs/", "Drei Tage später begann der Krieg."),
    ("(dpa/fs)", ""),
    ("Mit Material von dpa und AFP", ""),
    ("4 Minuten Lesedauer", ""),
    ("Mittwoch, 19. Juni 2024, 14.32 Uhr", ""),
])
def test_credits_signs_and_stamps(line: str, kept_part: str) -> None:
    text = "Nordkorea und Russland vertiefen ihre Beziehungen\n" + line + "\n"
    kept = _kept(text).split("\n", 1)[1] if "\n" in _kept(text) else ""
    assert kept == kept_part

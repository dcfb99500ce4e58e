"""A French wire report that opens with a database's English rights notice (362
characters) is French: read from its first 500 characters, where the detector was sure
of English, it was stored as English, and the English-only suggestion readers, the
export's tokeniser and the --language filter took it for an English one. The first
2,000 characters are read."""

from __future__ import annotations

from annotator.core import language

NOTICE = ("Copyright 2024 Agence France-Presse. All rights reserved. This material may not be "
          "published, broadcast, rewritten or redistributed without prior written permission. "
          "Distributed by the news database service to subscribers only; for personal and "
          "non-commercial use. The views expressed are those of the author and not of the "
          "publisher. Document AFPFR00020240306. ")
REPORT = ("Des hommes armés ont attaqué lundi un poste de contrôle près de Gao, dans le nord du "
          "Mali, tuant au moins sept soldats, selon des sources sécuritaires. L'attaque n'a pas "
          "été revendiquée dans l'immédiat, mais la région est le théâtre d'opérations de groupes "
          "jihadistes liés à al-Qaïda et à l'organisation État islamique. Les assaillants, "
          "arrivés à moto, ont ouvert le feu avant de se retirer vers la frontière nigérienne, a "
          "indiqué un responsable local. ") * 4


def test_the_report_alone_is_french() -> None:
    assert language.detect(REPORT) == "fr"
    assert len(NOTICE) < 500 < len(NOTICE + REPORT)


def test_a_french_report_under_an_english_notice_is_french() -> None:
    assert language.detect(NOTICE + REPORT) == "fr"

"""The regions a place lies in (admin1, admin2), offline, from GeoNames towns."""

from __future__ import annotations

import math

import pytest

from annotator.core.datasets import dataset_schema
from annotator.core.gazetteer import admin_areas, admin_areas_problem, world
from annotator.core.suggest import suggest


def test_a_town_names_its_province_and_district() -> None:
    kirkuk = admin_areas(35.46806, 44.39222, "IRQ")
    assert kirkuk is not None
    assert (kirkuk.admin1, kirkuk.admin2, kirkuk.town) == ("Kirkuk", "Kirkuk District", "Kirkuk")
    ramadi = admin_areas(33.42056, 43.30778, "IQ")  # alpha-2 is read as well
    assert ramadi is not None and (ramadi.admin1, ramadi.admin2) == ("Al Anbar",
                                                                      "Ramadi District")


def test_a_point_takes_the_nearest_town_within_reach_in_its_own_country() -> None:
    near = admin_areas(35.40, 44.30, "IRQ")  # about 11 km from Kirkuk
    assert near is not None and near.admin1 == "Kirkuk" and 0 < near.km < 30
    # The same point said to be in Syria has no Syrian town within reach: no region
    # of another country is given.
    assert admin_areas(35.40, 44.30, "SYR") is None
    assert admin_areas(0.0, -140.0) is None  # the middle of the Pacific
    assert admin_areas(35.40, 44.30, "ZZZ") is None  # a code no one knows


@pytest.mark.parametrize("latitude, longitude", [(math.nan, 44.0), (35.0, math.inf),
                                                 (91.0, 0.0), (0.0, 181.0)])
def test_coordinates_that_are_no_place_have_no_region(latitude: float, longitude: float) -> None:
    assert admin_areas(latitude, longitude) is None


def test_the_towns_file_is_installed() -> None:
    assert admin_areas_problem() is None


def test_the_gazetteer_gives_its_towns_regions_and_countries_none() -> None:
    found = {place.name: place.attrs() for _s, _e, place in world().find(
        "Rockets hit Kirkuk and Ramadi in Iraq.")}
    assert found["Kirkuk"]["admin1"] == "Kirkuk"
    assert found["Ramadi"]["admin2"] == "Ramadi District"
    assert "admin1" not in found["Iraq"]  # a country lies in no region


def test_location_suggestions_fill_the_regions_the_codebook_shows() -> None:
    text = "Two rockets struck Kirkuk on Monday."
    [place] = [s for s in suggest(text, places=world()) if s.label == "location"]
    assert place.text == "Kirkuk"
    assert (place.attrs["admin1"], place.attrs["admin2"]) == ("Kirkuk", "Kirkuk District")
    location = dataset_schema("acled").label("location")
    assert location is not None
    # Shown and editable: ACLED's codebook declares both, so the form lists them and
    # the values are checked as text.
    assert {"admin1", "admin2"} <= {a.name for a in location.attributes}
    assert location.check(place.attrs)["admin1"] == "Kirkuk"

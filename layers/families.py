"""The indicator families, declared as data.

Everything that lists indicators (the picker, the legend, the README table, the demo generator and the tests)
loops over ``FAMILIES``. Adding a family means adding one entry here, never editing a callback.

The Danish category wording follows Statistics Denmark and the municipal maps it was taken from (see DOMAIN.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from layers.text import LANGUAGES, Text


@dataclass(frozen=True)
class Unit:
    """How a measured value is written: its suffix and number of decimals.

    A share or rate also knows the whole it is counted per (``per``: 100 for per cent, 1,000 for per 1,000), what a
    share in it is called given what it is a share of (``share_label``, with ``{of}``), and the unit a difference
    between two of its figures is written in (``points``). ``counted`` marks counts of people or things: never
    negative, and hidden by disclosure control when small. A rate whose whole is said in words (``per_in_words``:
    "45,0 pr. 1.000 indbyggere") is written without its suffix where a sentence says what it is per.
    """

    id: str
    suffix: Text
    decimals: int
    label: Text
    per: float | None = None
    share_label: Text = Text("{of}", "{of}", "{of}")
    points: Unit | None = None
    counted: bool = False
    per_in_words: bool = False

    def label_of_share(self, of: Text) -> Text:
        """What a share in this unit of ``of`` is called, in every language ``of`` is given in.

        >>> UNITS["percent"].label_of_share(Text("af boligerne", "of dwellings", "av bostäderna"))("en")
        'share of dwellings'
        """
        # A language ``of`` leaves empty stays empty, so it is read in its fallback language (layers.text), whole.
        words = {lang: getattr(of, lang) for lang in LANGUAGES}
        return Text(**{lang: getattr(self.share_label, lang).format(of=words[lang]) if words[lang] else ""
                       for lang in LANGUAGES})  # fmt: skip


# How a change is written: points for shares and rates (a difference), per cent for counts (relative to the start).
CHANGE_UNITS: dict[str, Unit] = {
    unit.id: unit
    for unit in (
        Unit(
            "points",
            Text(" procentpoint", " percentage points", " procentenheter"),
            1,
            Text("procentpoint", "percentage points", "procentenheter"),
        ),
        Unit(
            "points_per_1000",
            Text(" pr. 1.000", " per 1,000", " per 1\u00a0000"),
            1,
            Text("pr. 1.000", "per 1,000", "per 1\u00a0000"),
        ),
        Unit("change_percent", Text(" %", " %", " %"), 1, Text("procent", "per cent", "procent")),
    )
}

UNITS: dict[str, Unit] = {
    unit.id: unit
    for unit in (
        Unit(
            "percent",
            Text(" %", " %", " %"),
            1,
            Text("procent", "per cent", "procent"),
            per=100.0,
            share_label=Text("andel {of}", "share {of}", "andel {of}"),
            points=CHANGE_UNITS["points"],
        ),
        Unit(
            "per_1000",
            Text(" pr. 1.000", " per 1,000", " per 1\u00a0000"),
            1,
            Text("pr. 1.000 indbyggere", "per 1,000 residents", "per 1\u00a0000 invånare"),
            per=1000.0,
            points=CHANGE_UNITS["points_per_1000"],
            per_in_words=True,
        ),
        Unit("count", Text("", "", ""), 0, Text("antal", "number", "antal"), counted=True),
        Unit("number", Text("", "", ""), 1, Text("tal", "number", "tal")),
    )
}
COUNTED_UNITS = frozenset(unit.id for unit in UNITS.values() if unit.counted)  # never negative; disclosure control


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
    ``share_of`` says what a share is of, in the words a sentence uses ("af indbyggerne", "of residents"; for a
    rate, "per 1,000 residents"); the share's label is made from it and the unit.
    """

    id: str
    name: Text
    description: Text
    denominator: str | None
    share_unit: str | None
    share_of: Text
    count_label: Text
    show_count: bool
    composition: bool
    scheme: str
    categories: tuple[Category, ...]
    diverging_scheme: str = "PuOr"

    @property
    def share_label(self) -> Text:
        """'andel af indbyggerne', 'per 1,000 residents', or empty when the family has no shares.

        >>> FAMILIES[1].share_label("sv"), FAMILIES[0].share_label("en")
        ('andel av invånarna', '')
        """
        return UNITS[self.share_unit].label_of_share(self.share_of) if self.share_unit else Text("", "", "")


def _categories(*rows: tuple[str, str, str, str]) -> tuple[Category, ...]:
    # (id, Danish, English, Swedish) per category.
    return tuple(Category(category_id, Text(da, en, sv)) for category_id, da, en, sv in rows)


OF_RESIDENTS = Text("af indbyggerne", "of residents", "av invånarna")
RESIDENT_COUNT = Text("antal indbyggere", "number of residents", "antal invånare")
OF_DWELLINGS = Text("af boligerne", "of dwellings", "av bostäderna")
DWELLING_COUNT = Text("antal boliger", "number of dwellings", "antal bostäder")

FAMILIES: tuple[Family, ...] = (
    Family(
        id="population",
        name=Text("Befolkning og boliger i alt", "Population and dwellings in total", "Befolkning och bostäder totalt"),
        description=Text(
            "Hvor mange der bor i distriktet, og hvor mange husstande, familier og boliger der er.",
            "How many people live in the district, and how many households, families and dwellings there are.",
            "Hur många som bor i distriktet, och hur många hushåll, familjer och bostäder det finns.",
        ),
        denominator=None,
        share_unit=None,
        share_of=Text("", "", ""),
        count_label=Text("antal", "number", "antal"),
        show_count=True,
        composition=False,
        scheme="Blues",
        categories=_categories(
            ("residents", "Indbyggere", "Residents", "Invånare"),
            ("households", "Husstande", "Households", "Hushåll"),
            ("families", "Familier", "Families", "Familjer"),
            ("residents_16_64", "Indbyggere 16–64 år", "Residents aged 16–64", "Invånare 16–64 år"),
            ("dwellings", "Boliger", "Dwellings", "Bostäder"),
        ),
    ),
    Family(
        id="age",
        name=Text("Aldersfordeling", "Age distribution", "Åldersfördelning"),
        description=Text(
            "Hvor gamle indbyggerne er. Mange børn tyder på børnefamilier, mange ældre på et område, hvor folk bliver boende.",
            "How old the residents are. Many children suggest young families; many older people an area where people stay.",
            "Hur gamla invånarna är. Många barn tyder på barnfamiljer, många äldre på ett område där folk bor kvar.",
        ),
        denominator="residents",
        share_unit="percent",
        share_of=OF_RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="Purples",
        categories=_categories(
            ("age_0_5", "0–5 år", "0–5 years", "0–5 år"),
            ("age_6_16", "6–16 år", "6–16 years", "6–16 år"),
            ("age_17_24", "17–24 år", "17–24 years", "17–24 år"),
            ("age_25_39", "25–39 år", "25–39 years", "25–39 år"),
            ("age_40_64", "40–64 år", "40–64 years", "40–64 år"),
            ("age_65_79", "65–79 år", "65–79 years", "65–79 år"),
            ("age_80_plus", "80 år og derover", "80 years and over", "80 år och äldre"),
        ),
    ),
    Family(
        id="civil_status",
        name=Text("Civilstand", "Civil status", "Civilstånd"),
        description=Text(
            "Om indbyggerne er ugifte, gifte, fraskilte eller enker og enkemænd. Børn tæller med som ugifte.",
            "Whether residents are unmarried, married, divorced or widowed. Children count as unmarried.",
            "Om invånarna är ogifta, gifta, skilda eller änkor och änklingar. Barn räknas som ogifta.",
        ),
        denominator="residents",
        share_unit="percent",
        share_of=OF_RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="PuRd",
        categories=_categories(
            ("civil_unmarried", "Ugift", "Unmarried", "Ogift"),
            (
                "civil_married",
                "Gift/registreret partnerskab",
                "Married/registered partnership",
                "Gift/registrerat partnerskap",
            ),
            ("civil_divorced", "Fraskilt", "Divorced", "Skild"),
            (
                "civil_widowed",
                "Enke/enkemand (længstlevende)",
                "Widowed (surviving partner)",
                "Änka/änkling (efterlevande)",
            ),
        ),
    ),
    Family(
        id="family_type",
        name=Text("Familietyper", "Family types", "Familjetyper"),
        description=Text(
            "Hvordan familierne ser ud: enlige eller par, med eller uden hjemmeboende børn.",
            "What families look like: single people or couples, with or without children living at home.",
            "Hur familjerna ser ut: ensamstående eller par, med eller utan hemmavarande barn.",
        ),
        denominator="families",
        share_unit="percent",
        share_of=Text("af familierne", "of families", "av familjerna"),
        count_label=Text("antal familier", "number of families", "antal familjer"),
        show_count=True,
        composition=True,
        scheme="Oranges",
        categories=_categories(
            ("family_single_no_children", "Enlige uden børn", "Single, no children", "Ensamstående utan barn"),
            ("family_single_children", "Enlige med børn", "Single, with children", "Ensamstående med barn"),
            ("family_couple_no_children", "Par uden børn", "Couple, no children", "Par utan barn"),
            ("family_couple_children", "Par med børn", "Couple, with children", "Par med barn"),
        ),
    ),
    Family(
        id="citizenship",
        name=Text("Statsborgerskab", "Citizenship", "Medborgarskap"),
        description=Text(
            "Hvilket land indbyggerne er statsborgere i. Det siger ikke, hvor de er født.",
            "Which country residents are citizens of. It does not say where they were born.",
            "Vilket land invånarna är medborgare i. Det säger inte var de är födda.",
        ),
        denominator="residents",
        share_unit="percent",
        share_of=OF_RESIDENTS,
        count_label=RESIDENT_COUNT,
        show_count=True,
        composition=True,
        scheme="BuGn",
        categories=_categories(
            ("citizenship_danish", "Dansk", "Danish", "Danskt"),
            (
                "citizenship_western",
                "Vestligt (EU/EØS, Nordamerika, m.fl.)",
                "Western (EU/EEA, North America, etc.)",
                "Västerländskt (EU/EES, Nordamerika m.fl.)",
            ),
            ("citizenship_non_western", "Ikke-vestligt", "Non-Western", "Icke-västerländskt"),
        ),
    ),
    Family(
        id="employment",
        name=Text("Beskæftigelse", "Employment", "Sysselsättning"),
        description=Text(
            "Om de 16–64-årige har arbejde, er ledige eller står uden for arbejdsstyrken (fx studerende og pensionister).",
            "Whether residents aged 16–64 are employed, unemployed or outside the labour force (e.g. students, pensioners).",
            "Om 16–64-åringarna har arbete, är arbetslösa eller står utanför arbetskraften (t.ex. studerande och pensionärer).",
        ),
        denominator="residents_16_64",
        share_unit="percent",
        share_of=Text("af de 16–64-årige", "of residents aged 16–64", "av 16–64-åringarna"),
        count_label=Text("antal personer", "number of people", "antal personer"),
        show_count=True,
        composition=True,
        scheme="Greens",
        categories=_categories(
            ("employment_employed", "I beskæftigelse", "Employed", "Sysselsatta"),
            ("employment_unemployed", "Ledige", "Unemployed", "Arbetslösa"),
            ("employment_outside", "Uden for arbejdsstyrken", "Outside the labour force", "Utanför arbetskraften"),
        ),
    ),
    Family(
        id="moves",
        name=Text("Flytninger", "Moves", "Flyttningar"),
        description=Text(
            "Hvor mange der flyttede til og fra distriktet i løbet af året, regnet pr. 1.000 indbyggere.",
            "How many people moved into and out of the district during the year, per 1,000 residents.",
            "Hur många som flyttade till och från distriktet under året, räknat per 1\u00a0000 invånare.",
        ),
        denominator="residents",
        share_unit="per_1000",
        share_of=Text("pr. 1.000 indbyggere", "per 1,000 residents", "per 1\u00a0000 invånare"),
        count_label=Text("antal personer", "number of people", "antal personer"),
        show_count=True,
        composition=False,
        scheme="YlOrBr",
        categories=(
            Category(
                "moves_in",
                Text(
                    "Tilflyttede fra andre kommuner",
                    "Moved in from other municipalities",
                    "Inflyttade från andra kommuner",
                ),
            ),
            Category(
                "moves_out",
                Text(
                    "Fraflyttede til andre kommuner",
                    "Moved out to other municipalities",
                    "Utflyttade till andra kommuner",
                ),
            ),
            Category(
                "moves_within",
                Text("Flyttet inden for kommunen", "Moved within the municipality", "Flyttade inom kommunen"),
            ),
            Category("moves_net", Text("Nettotilflytning", "Net moves", "Nettoinflyttning"), signed=True),
        ),
    ),
    Family(
        id="moves_origin",
        name=Text("Tilflytternes oprindelse", "Where newcomers came from", "De inflyttades ursprung"),
        description=Text(
            "Hvor de nye indbyggere, der flyttede til fra andre kommuner, boede før.",
            "Where the newcomers who moved in from other municipalities lived before.",
            "Var de nya invånarna, som flyttade hit från andra kommuner, bodde förut.",
        ),
        denominator="moves_in",
        share_unit="percent",
        share_of=Text("af tilflytterne", "of newcomers", "av de inflyttade"),
        count_label=Text("antal tilflyttere", "number of newcomers", "antal inflyttade"),
        show_count=True,
        composition=True,
        scheme="YlGnBu",
        categories=_categories(
            ("origin_neighbours", "Fra nabokommunerne", "From neighbouring municipalities", "Från grannkommunerna"),
            ("origin_region", "Fra resten af regionen", "From the rest of the region", "Från resten av regionen"),
            ("origin_country", "Fra resten af Danmark", "From the rest of Denmark", "Från resten av Danmark"),
            ("origin_abroad", "Fra udlandet", "From abroad", "Från utlandet"),
        ),
    ),
    Family(
        id="dwelling_type",
        name=Text("Boliger", "Dwelling types", "Bostadstyper"),
        description=Text(
            "Hvilke slags boliger der står i distriktet: huse, rækkehuse, lejligheder eller landbrug.",
            "What kinds of dwellings the district has: houses, terraced houses, flats or farms.",
            "Vilka slags bostäder som finns i distriktet: villor, radhus, lägenheter eller lantbruk.",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_of=OF_DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="OrRd",
        categories=_categories(
            (
                "dwelling_detached",
                "Parcelhuse og stuehuse",
                "Detached houses and farmhouses",
                "Villor och mangårdsbyggnader",
            ),
            (
                "dwelling_terraced",
                "Række-, kæde- og dobbelthuse",
                "Terraced, linked and semi-detached houses",
                "Rad-, kedje- och parhus",
            ),
            ("dwelling_flat", "Etageboliger", "Flats", "Lägenheter i flerbostadshus"),
            ("dwelling_farm", "Landbrugsejendomme", "Farm properties", "Lantbruksfastigheter"),
            ("dwelling_other", "Andre", "Other", "Andra"),
        ),
    ),
    Family(
        id="ownership",
        name=Text("Ejerforhold", "Ownership", "Upplåtelseform"),
        description=Text(
            "Om boligerne ejes af dem, der bor der, lejes ud privat, er almene boliger eller andelsboliger.",
            "Whether dwellings are owner-occupied, privately rented, social housing or cooperative housing.",
            "Om bostäderna ägs av dem som bor där, hyrs ut privat, är allmännyttiga bostäder eller andelsbostäder.",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_of=OF_DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="PuBu",
        categories=_categories(
            ("ownership_owner", "Ejerbolig", "Owner-occupied", "Ägarbostad"),
            ("ownership_private_rental", "Privat udlejning", "Private rental", "Privat uthyrning"),
            ("ownership_social", "Almen bolig", "Social housing", "Allmännyttig bostad"),
            ("ownership_cooperative", "Andelsbolig", "Cooperative housing", "Andelsbostad"),
            (
                "ownership_public_other",
                "Offentlig/anden udlejning",
                "Public or other rental",
                "Offentlig/annan uthyrning",
            ),
        ),
    ),
    Family(
        id="dwelling_size",
        name=Text("Boligstørrelse", "Dwelling size", "Bostadsstorlek"),
        description=Text(
            "Hvor store boligerne er, målt i etageareal (m²).",
            "How large the dwellings are, measured in floor area (m²).",
            "Hur stora bostäderna är, mätt i våningsyta (m²).",
        ),
        denominator="dwellings",
        share_unit="percent",
        share_of=OF_DWELLINGS,
        count_label=DWELLING_COUNT,
        show_count=True,
        composition=True,
        scheme="YlOrRd",
        categories=_categories(
            ("size_under_50", "Under 50 m²", "Under 50 m²", "Under 50 m²"),
            ("size_50_99", "50–99 m²", "50–99 m²", "50–99 m²"),
            ("size_100_149", "100–149 m²", "100–149 m²", "100–149 m²"),
            ("size_150_249", "150–249 m²", "150–249 m²", "150–249 m²"),
            ("size_250_plus", "250 m² og derover", "250 m² and over", "250 m² och större"),
        ),
    ),
    Family(
        id="industry",
        name=Text("Brancher", "Industries", "Branscher"),
        description=Text(
            "Hvilke brancher arbejdsstederne i distriktet hører til (Danmarks Statistiks 10-gruppering, DB07).",
            "Which industries the district's workplaces belong to (Statistics Denmark's 10-group DB07 grouping).",
            "Vilka branscher arbetsställena i distriktet hör till (Danmarks Statistiks indelning i 10 grupper, DB07).",
        ),
        denominator="workplaces",
        share_unit="percent",
        share_of=Text("af arbejdsstederne", "of workplaces", "av arbetsställena"),
        count_label=Text("antal arbejdssteder", "number of workplaces", "antal arbetsställen"),
        show_count=True,
        composition=True,
        scheme="GnBu",
        categories=_categories(
            (
                "industry_agriculture",
                "Landbrug, skovbrug og fiskeri",
                "Agriculture, forestry and fishing",
                "Jordbruk, skogsbruk och fiske",
            ),
            (
                "industry_manufacturing",
                "Industri, råstofindvinding og forsyning",
                "Manufacturing, mining and utilities",
                "Tillverkning, utvinning och försörjning",
            ),
            ("industry_construction", "Bygge og anlæg", "Construction", "Byggverksamhet"),
            (
                "industry_trade_transport",
                "Handel og transport mv.",
                "Trade and transport etc.",
                "Handel och transport m.m.",
            ),
            (
                "industry_information",
                "Information og kommunikation",
                "Information and communication",
                "Information och kommunikation",
            ),
            (
                "industry_finance",
                "Finansiering og forsikring",
                "Financial and insurance",
                "Finans- och försäkringsverksamhet",
            ),
            ("industry_real_estate", "Ejendomshandel og udlejning", "Real estate", "Fastighetsverksamhet"),
            ("industry_business_services", "Erhvervsservice", "Other business services", "Företagstjänster"),
            (
                "industry_public",
                "Offentlig administration, undervisning og sundhed",
                "Public administration, education and health",
                "Offentlig förvaltning, utbildning och vård",
            ),
            (
                "industry_culture",
                "Kultur, fritid og anden service",
                "Arts, entertainment and other services",
                "Kultur, fritid och andra tjänster",
            ),
        ),
    ),
    Family(
        id="workplaces",
        name=Text("Arbejdspladser", "Workplaces", "Arbetsplatser"),
        description=Text(
            "Hvor mange arbejdssteder og job der er i distriktet, også regnet pr. 1.000 indbyggere.",
            "How many workplaces and jobs the district has, also per 1,000 residents.",
            "Hur många arbetsställen och jobb det finns i distriktet, även räknat per 1\u00a0000 invånare.",
        ),
        denominator="residents",
        share_unit="per_1000",
        share_of=Text("pr. 1.000 indbyggere", "per 1,000 residents", "per 1\u00a0000 invånare"),
        count_label=Text("antal", "number", "antal"),
        show_count=True,
        composition=False,
        scheme="BuPu",
        categories=_categories(
            ("workplaces", "Arbejdssteder", "Workplaces", "Arbetsställen"),
            ("jobs", "Arbejdspladser (job)", "Jobs", "Arbetstillfällen (jobb)"),
        ),
    ),
)

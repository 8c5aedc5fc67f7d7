"""The "why might it be so?" prompts a lesson ends each question with, declared per family as data.

A prompt belongs to a family (``layers.families.FAMILIES`` ids), not to an indicator: the same question about why
places differ fits every age group, and a family the registry adds later gets the general prompt until it is given
one here. Written for 12–16-year-olds: short, plain, and open (there is no one right answer).
"""

from __future__ import annotations

from layers.text import Text

GENERAL = Text(
    "Hvorfor tror I, at tallet er sådan her? Hvad ved I om området, som kunne forklare det?",
    "Why do you think the figure is like this? What do you know about the area that could explain it?",
    "Varför tror ni att siffran är så här? Vad vet ni om området som skulle kunna förklara det?",
)

PROMPTS: dict[str, Text] = {
    "population": Text(
        "Hvorfor bor der flere mennesker nogle steder end andre? Tænk på huse, veje, skoler og arbejdspladser.",
        "Why do more people live in some places than others? Think of houses, roads, schools and jobs.",
        "Varför bor det fler människor på vissa platser än andra? Tänk på hus, vägar, skolor och arbetsplatser.",
    ),
    "age": Text(
        "Hvorfor bor der flere børn eller flere ældre nogle steder? Tænk på boligernes størrelse, pris og skoler.",
        "Why do more children or more older people live in some places? Think of the size and price of homes, "
        "and of schools.",
        "Varför bor det fler barn eller fler äldre på vissa platser? Tänk på bostädernas storlek, pris och skolor.",
    ),
    "civil_status": Text(
        "Hvorfor er der flere gifte eller flere ugifte nogle steder? Kunne det hænge sammen med alder?",
        "Why are there more married or more unmarried people in some places? Could it have to do with age?",
        "Varför finns det fler gifta eller fler ogifta på vissa platser? Kan det hänga ihop med ålder?",
    ),
    "family_type": Text(
        "Hvorfor flytter familier med børn til nogle områder mere end andre? Hvad har børnefamilier brug for?",
        "Why do families with children move to some areas more than others? What do families with children need?",
        "Varför flyttar barnfamiljer till vissa områden mer än andra? Vad behöver barnfamiljer?",
    ),
    "citizenship": Text(
        "Hvorfor bor folk fra andre lande mere nogle steder end andre? Tænk på arbejde, boliger og familie.",
        "Why do people from other countries live more in some places than others? Think of work, homes and family.",
        "Varför bor människor från andra länder mer på vissa platser än andra? Tänk på arbete, bostäder och familj.",
    ),
    "employment": Text(
        "Hvorfor er flere i arbejde nogle steder? Tænk på alder, uddannelse og hvor arbejdspladserne ligger.",
        "Why are more people in work in some places? Think of age, education and where the jobs are.",
        "Varför har fler arbete på vissa platser? Tänk på ålder, utbildning och var arbetsplatserna finns.",
    ),
    "moves": Text(
        "Hvorfor flytter folk til eller fra et område? Hvad kunne få jer til at flytte?",
        "Why do people move to or away from an area? What could make you move?",
        "Varför flyttar folk till eller från ett område? Vad skulle kunna få er att flytta?",
    ),
    "moves_origin": Text(
        "Hvor kommer dem, der flytter hertil, fra? Hvorfor tror I, de valgte netop dette sted?",
        "Where do the people who move here come from? Why do you think they chose this place?",
        "Varifrån kommer de som flyttar hit? Varför tror ni att de valde just den här platsen?",
    ),
    "dwelling_type": Text(
        "Hvorfor er der flere parcelhuse nogle steder og flere lejligheder andre steder? Tænk på by og land.",
        "Why are there more houses in some places and more flats in others? Think of town and countryside.",
        "Varför finns det fler villor på vissa platser och fler lägenheter på andra? Tänk på stad och land.",
    ),
    "ownership": Text(
        "Hvorfor ejer folk deres bolig nogle steder og lejer andre steder? Hvad koster det at købe et hus?",
        "Why do people own their home in some places and rent in others? What does it cost to buy a house?",
        "Varför äger folk sin bostad på vissa platser och hyr på andra? Vad kostar det att köpa ett hus?",
    ),
    "dwelling_size": Text(
        "Hvorfor er boligerne større nogle steder? Hvem har brug for en stor bolig, og hvem for en lille?",
        "Why are homes bigger in some places? Who needs a big home, and who a small one?",
        "Varför är bostäderna större på vissa platser? Vem behöver en stor bostad, och vem en liten?",
    ),
    "industry": Text(
        "Hvorfor arbejder folk i forskellige brancher forskellige steder? Hvilke arbejdspladser ligger i nærheden?",
        "Why do people work in different industries in different places? Which workplaces are nearby?",
        "Varför arbetar folk i olika branscher på olika platser? Vilka arbetsplatser finns i närheten?",
    ),
    "workplaces": Text(
        "Hvorfor ligger der flere arbejdspladser nogle steder? Tænk på butikker, fabrikker, skoler og veje.",
        "Why are there more workplaces in some places? Think of shops, factories, schools and roads.",
        "Varför finns det fler arbetsplatser på vissa platser? Tänk på butiker, fabriker, skolor och vägar.",
    ),
}


def prompt_for(family_id: str) -> Text:
    """The discussion prompt for a family, or the general one for a family that has none here.

    >>> prompt_for("age")("en")[:45], prompt_for("imported_family") is GENERAL
    ('Why do more children or more older people liv', True)
    """
    return PROMPTS.get(family_id, GENERAL)

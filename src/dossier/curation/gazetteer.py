"""The starter gazetteer of a new dossier: every country in ISO 3166 and well-known international organisations.

Countries come from pycountry (name, official and common names, ISO 3166 alpha-3). Their ``country``
column is the name ingest normalises a country to (pycountry's common name, else its name), so that
filters match events and actors alike. What pycountry does not know (a shorter usual name, demonyms,
the spellings event datasets use) is declared once, in the two tables below. An alias may name only
one actor: a demonym shared by two states ("Congolese", "Korean") is left out rather than guessed.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..schema import TABLES

# ISO3 | usual name (blank: pycountry's) | demonyms and other common names, ";"-separated
COUNTRY_EXTRAS = """
AFG | | Afghan; Islamic Emirate of Afghanistan
AGO | | Angolan
ALB | | Albanian
AND | | Andorran
ARE | | Emirati; UAE; Emirates
ARG | | Argentine; Argentinian
ARM | | Armenian
ATG | | Antiguan
AUS | | Australian
AUT | | Austrian
AZE | | Azerbaijani
BDI | | Burundian
BEL | | Belgian
BEN | | Beninese
BFA | | Burkinabe; Burkinabè
BGD | | Bangladeshi
BGR | | Bulgarian
BHR | | Bahraini
BHS | | Bahamian; The Bahamas
BIH | | Bosnian; Bosnia
BLR | | Belarusian
BLZ | | Belizean
BOL | | Bolivian
BRA | | Brazilian
BRB | | Barbadian
BRN | Brunei | Bruneian
BTN | | Bhutanese
BWA | | Botswanan; Motswana
CAF | | Central African
CAN | | Canadian
CHE | | Swiss
CHL | | Chilean
CHN | | Chinese; PRC; People's Republic of China
CIV | | Ivorian; Ivory Coast
CMR | | Cameroonian
COD | DR Congo | DRC; Democratic Republic of the Congo; Congo-Kinshasa; Zaire
COG | Republic of the Congo | Congo-Brazzaville; Congo Republic
COL | | Colombian
COM | | Comorian
CPV | | Cape Verdean; Cape Verde
CRI | | Costa Rican
CUB | | Cuban
CYP | | Cypriot
CZE | | Czech; Czech Republic
DEU | | German
DJI | | Djiboutian
DNK | | Danish; Dane
DZA | | Algerian
ECU | | Ecuadorian
EGY | | Egyptian
ERI | | Eritrean
ESP | | Spanish
EST | | Estonian
ETH | | Ethiopian
FIN | | Finnish; Finn
FJI | | Fijian
FRA | | French
FSM | Micronesia | Micronesian
GAB | | Gabonese
GBR | | British; UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland
GEO | | Georgian
GHA | | Ghanaian
GIN | | Guinean
GMB | | Gambian; The Gambia
GNB | | Bissau-Guinean
GNQ | | Equatoguinean
GRC | | Greek
GRD | | Grenadian
GTM | | Guatemalan
GUY | | Guyanese
HND | | Honduran
HRV | | Croatian
HTI | | Haitian
HUN | | Hungarian
IDN | | Indonesian
IND | | Indian
IRL | | Irish
IRN | | Iranian; Persia
IRQ | | Iraqi
ISL | | Icelandic
ISR | | Israeli
ITA | | Italian
JAM | | Jamaican
JOR | | Jordanian
JPN | | Japanese
KAZ | | Kazakh; Kazakhstani
KEN | | Kenyan
KGZ | | Kyrgyz
KHM | | Cambodian
KIR | | I-Kiribati
KNA | | Kittitian
KOR | | South Korean; Republic of Korea; ROK
KWT | | Kuwaiti
LAO | | Lao; Laotian
LBN | | Lebanese
LBR | | Liberian
LBY | | Libyan
LCA | | Saint Lucian
LIE | | Liechtensteiner
LKA | | Sri Lankan
LSO | | Basotho
LTU | | Lithuanian
LUX | | Luxembourgish
LVA | | Latvian
MAR | | Moroccan
MCO | | Monegasque
MDA | | Moldovan
MDG | | Malagasy
MDV | | Maldivian
MEX | | Mexican
MHL | | Marshallese
MKD | | Macedonian; Macedonia
MLI | | Malian
MLT | | Maltese
MMR | | Burmese; Burma
MNE | | Montenegrin
MNG | | Mongolian
MOZ | | Mozambican
MRT | | Mauritanian
MUS | | Mauritian
MWI | | Malawian
MYS | | Malaysian
NAM | | Namibian
NER | | Nigerien
NGA | | Nigerian
NIC | | Nicaraguan
NLD | | Dutch; Holland; The Netherlands
NOR | | Norwegian
NPL | | Nepali; Nepalese
NRU | | Nauruan
NZL | | New Zealander
OMN | | Omani
PAK | | Pakistani
PAN | | Panamanian
PER | | Peruvian
PHL | | Filipino; Philippine
PLW | | Palauan
PNG | | Papua New Guinean
POL | | Polish; Pole
PRK | | North Korean; DPRK; Democratic People's Republic of Korea
PRT | | Portuguese
PRY | | Paraguayan
PSE | Palestine | Palestinian; State of Palestine
QAT | | Qatari
ROU | | Romanian
RUS | Russia | Russian; Russian Federation
RWA | | Rwandan
SAU | | Saudi; Saudi Arabian; KSA
SDN | | Sudanese
SEN | | Senegalese
SGP | | Singaporean
SLB | | Solomon Islander
SLE | | Sierra Leonean
SLV | | Salvadoran
SMR | | Sammarinese
SOM | | Somali
SRB | | Serbian
SSD | | South Sudanese
STP | | Sao Tomean
SUR | | Surinamese
SVK | | Slovak
SVN | | Slovenian
SWE | | Swedish; Swede
SWZ | | Swazi; Swaziland
SYC | | Seychellois
SYR | | Syrian
TCD | | Chadian
TGO | | Togolese
THA | | Thai
TJK | | Tajik
TKM | | Turkmen
TLS | | Timorese; East Timor
TON | | Tongan
TTO | | Trinidadian
TUN | | Tunisian
TUR | | Turkish; Turkey; Turkiye
TUV | | Tuvaluan
TWN | | Taiwanese; Republic of China
TZA | | Tanzanian
UGA | | Ugandan
UKR | | Ukrainian
URY | | Uruguayan
USA | | American; U.S.; US; USA; United States of America; Government of United States of America
UZB | | Uzbek
VAT | Holy See | Vatican; Vatican City
VCT | | Vincentian
VEN | | Venezuelan
VNM | | Vietnamese; Viet Nam
VUT | | Ni-Vanuatu
WSM | | Samoan
YEM | | Yemeni
ZAF | | South African
ZMB | | Zambian
ZWE | | Zimbabwean
"""

# id | name | aliases: intergovernmental organisations an analyst's sources name often
ORGANISATIONS = """
UN | United Nations | UN; U.N.; United Nations Organization
UNSC | United Nations Security Council | UN Security Council; Security Council; UNSC
UNHCR | United Nations High Commissioner for Refugees | UNHCR; UN Refugee Agency
UNODC | United Nations Office on Drugs and Crime | UNODC
IMF | International Monetary Fund | IMF
WB | World Bank | World Bank Group; WBG; IBRD
WTO | World Trade Organization | WTO
WHO | World Health Organization | WHO
IAEA | International Atomic Energy Agency | IAEA
ICC | International Criminal Court | ICC
ICJ | International Court of Justice | ICJ; World Court
NATO | North Atlantic Treaty Organization | NATO; OTAN
EU | European Union | EU; E.U.
OSCE | Organization for Security and Co-operation in Europe | OSCE
COE | Council of Europe | CoE
AU | African Union | AU
ECOWAS | Economic Community of West African States | ECOWAS
OAS | Organization of American States | OAS
ASEAN | Association of Southeast Asian Nations | ASEAN
SAARC | South Asian Association for Regional Cooperation | SAARC
SCO | Shanghai Cooperation Organisation | SCO; Shanghai Cooperation Organization
CSTO | Collective Security Treaty Organization | CSTO
GCC | Gulf Cooperation Council | GCC; Cooperation Council for the Arab States of the Gulf
ARAB-LEAGUE | Arab League | League of Arab States
OIC | Organisation of Islamic Cooperation | OIC; Organization of Islamic Cooperation
OPEC | Organization of the Petroleum Exporting Countries | OPEC
FATF | Financial Action Task Force | FATF
ADB | Asian Development Bank | ADB
AIIB | Asian Infrastructure Investment Bank | AIIB
BRICS | BRICS | BRICS
G7 | Group of Seven | G7; G-7
G20 | Group of Twenty | G20; G-20
INTERPOL | Interpol | International Criminal Police Organization; ICPO
"""


def _rows(table: str) -> list[list[str]]:
    return [[part.strip() for part in line.split("|")] for line in table.strip().splitlines()]


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split(";") if a.strip()]


@lru_cache(maxsize=1)
def starter_actors() -> pd.DataFrame:
    """The actors table of a new dossier, with list-typed aliases, in the schema's columns."""
    import pycountry

    extras = {iso: (name, _split(aliases)) for iso, name, aliases in _rows(COUNTRY_EXTRAS)}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        canonical = getattr(country, "common_name", None) or country.name
        usual, more = extras.get(country.alpha_3, ("", []))
        name = usual or canonical
        pycountry_names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        if "," in country.name:  # "Iran, Islamic Republic of" is also written "Iran"
            pycountry_names.append(country.name.split(",")[0])
        names = [name, canonical, *pycountry_names, *more]
        aliases = [n for n in names if n] + [f"Government of {name}"]
        rows.append((country.alpha_3, name, "state", canonical, country.alpha_3, _unique(aliases)))
    for actor_id, name, aliases in _rows(ORGANISATIONS):
        rows.append((actor_id, name, "international_org", "", "", _unique([name, *_split(aliases)])))
    return _without_shared_aliases(pd.DataFrame(rows, columns=TABLES["actors"].column_names))


def _without_shared_aliases(actors: pd.DataFrame) -> pd.DataFrame:
    """Drop every alias that two actors share ("Congo" is both Congo and DR Congo's pycountry head): a guess
    between them would link a mention to the wrong state. An actor's own name is never dropped."""
    owners: dict[str, set[str]] = {}
    for actor_id, aliases in zip(actors["actor_id"], actors["aliases"]):
        for alias in aliases:
            owners.setdefault(_key(alias), set()).add(actor_id)
    names = dict(zip(actors["name"].map(_key), actors["actor_id"]))
    keep = [
        [a for a in aliases if len(owners[_key(a)]) == 1 or names.get(_key(a)) == actor_id]
        for actor_id, aliases in zip(actors["actor_id"], actors["aliases"])
    ]
    return actors.assign(aliases=keep)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _unique(names: list[str]) -> list[str]:
    """Names in order, each once (ignoring case and spacing)."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_key(name), name)
    return list(seen.values())

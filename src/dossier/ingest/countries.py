"""Demonyms and capitals of the states analysts of the region meet most, declared once.

Writers name a state by its people ("Pakistani officials", "the Afghans") and its
government by its capital ("Islamabad accuses Kabul"). ``gazetteer`` adds these
as aliases of the state actors already in the gazetteer (by ISO 3166 alpha-3), and
candidate finding knows them so that "Chinese" is never proposed as an actor, and gives
a candidate state the gazetteer lacks its demonyms ("the Malian army" is Mali).
Plurals are written out: the table is the whole rule.
"""

from __future__ import annotations

# iso3: (demonyms, capitals)
COUNTRIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "AFG": (("Afghan", "Afghans", "Afghani", "Afghanis"), ("Kabul",)),
    "PAK": (("Pakistani", "Pakistanis"), ("Islamabad",)),
    "IND": (("Indian", "Indians"), ("New Delhi",)),
    "USA": (("American", "Americans"), ("Washington",)),
    "LKA": (("Sri Lankan", "Sri Lankans"), ("Colombo",)),
    "BGD": (("Bangladeshi", "Bangladeshis"), ("Dhaka",)),
    "NPL": (("Nepali", "Nepalese"), ("Kathmandu",)),
    "CHN": (("Chinese",), ("Beijing",)),
    "IRN": (("Iranian", "Iranians"), ("Tehran",)),
    "IRQ": (("Iraqi", "Iraqis"), ("Baghdad",)),
    "SYR": (("Syrian", "Syrians"), ("Damascus",)),
    "SAU": (("Saudi", "Saudis"), ("Riyadh",)),
    "ARE": (("Emirati", "Emiratis"), ("Abu Dhabi",)),
    "QAT": (("Qatari", "Qataris"), ("Doha",)),
    "TUR": (("Turkish",), ("Ankara",)),
    "RUS": (("Russian", "Russians"), ("Moscow",)),
    "GBR": (("British",), ("London",)),
    "FRA": (("French",), ("Paris",)),
    "DEU": (("German", "Germans"), ("Berlin",)),
    "ISR": (("Israeli", "Israelis"), ("Jerusalem",)),
    "TJK": (("Tajik", "Tajiks"), ("Dushanbe",)),
    "UZB": (("Uzbek", "Uzbeks"), ("Tashkent",)),
    "TKM": (("Turkmen",), ("Ashgabat",)),
    "KAZ": (("Kazakh", "Kazakhs"), ("Astana",)),
    "KGZ": (("Kyrgyz",), ("Bishkek",)),
    "JPN": (("Japanese",), ("Tokyo",)),
    "MDV": (("Maldivian", "Maldivians"), ("Malé",)),
    "MMR": (("Burmese",), ("Naypyidaw",)),
    "UKR": (("Ukrainian", "Ukrainians"), ("Kyiv", "Kiev")),
    "EGY": (("Egyptian", "Egyptians"), ("Cairo",)),
    "YEM": (("Yemeni", "Yemenis"), ("Sanaa",)),
    "SOM": (("Somali", "Somalis"), ("Mogadishu",)),
    "NGA": (("Nigerian", "Nigerians"), ("Abuja",)),
    "LBN": (("Lebanese",), ("Beirut",)),
    "JOR": (("Jordanian", "Jordanians"), ("Amman",)),
    "LBY": (("Libyan", "Libyans"), ("Tripoli",)),
    "SDN": (("Sudanese",), ("Khartoum",)),
    "MLI": (("Malian", "Malians"), ("Bamako",)),
    "BFA": (("Burkinabe", "Burkinabé"), ("Ouagadougou",)),
    "NER": (("Nigerien", "Nigeriens"), ("Niamey",)),
    "TCD": (("Chadian", "Chadians"), ("N'Djamena",)),
    "CMR": (("Cameroonian", "Cameroonians"), ("Yaoundé",)),
    "MOZ": (("Mozambican", "Mozambicans"), ("Maputo",)),
    "COD": (("Congolese",), ("Kinshasa",)),
    "KEN": (("Kenyan", "Kenyans"), ("Nairobi",)),
    "ETH": (("Ethiopian", "Ethiopians"), ("Addis Ababa",)),
}

DEMONYMS = {d: iso3 for iso3, (names, _) in COUNTRIES.items() for d in names}
CAPITALS = {c: iso3 for iso3, (_, capitals) in COUNTRIES.items() for c in capitals}

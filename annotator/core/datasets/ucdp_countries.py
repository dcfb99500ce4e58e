"""The countries of the world as UCDP GED numbers and names them.

GED identifies a country by its Gleditsch–Ward number (``country_id``, and ``gwnoa`` /
``gwnob`` for a government side): Kristian S. Gleditsch and Michael D. Ward, "A revised
list of independent states since the congress of Vienna", International Interactions
25(4), 1999, with the list of independent states (iisystem.dat) and of microstates
(microstatessystem.dat) as their authors keep them. The numbers below are those lists'
for today's states, checked against country_converter's GWcode column (which gives
Czechoslovakia's 315, the Republic of Vietnam's 817 and South Yemen's 680 where UCDP
uses the Czech Republic's 316, Vietnam's 816 and Yemen's 678: UCDP's are kept).

Names are the ones GED's ``country`` column uses where they differ from the common
English name (``DR Congo (Zaire)``, ``Myanmar (Burma)``, ``Russia (Soviet Union)``).
GED codes events in the Palestinian territories under Israel and in Western Sahara
under Morocco; so does this table.
"""

from __future__ import annotations

# ISO 3166 alpha-3 -> (Gleditsch–Ward number, GED's name of the country)
COUNTRIES: dict[str, tuple[int, str]] = {
    # The Americas (2–199)
    "USA": (2, "United States of America"), "CAN": (20, "Canada"), "BHS": (31, "Bahamas"),
    "CUB": (40, "Cuba"), "HTI": (41, "Haiti"), "DOM": (42, "Dominican Republic"),
    "JAM": (51, "Jamaica"), "TTO": (52, "Trinidad and Tobago"), "BRB": (53, "Barbados"),
    "DMA": (54, "Dominica"), "GRD": (55, "Grenada"), "LCA": (56, "Saint Lucia"),
    "VCT": (57, "Saint Vincent and the Grenadines"), "ATG": (58, "Antigua and Barbuda"),
    "KNA": (60, "Saint Kitts and Nevis"), "MEX": (70, "Mexico"), "BLZ": (80, "Belize"),
    "GTM": (90, "Guatemala"), "HND": (91, "Honduras"), "SLV": (92, "El Salvador"),
    "NIC": (93, "Nicaragua"), "CRI": (94, "Costa Rica"), "PAN": (95, "Panama"),
    "COL": (100, "Colombia"), "VEN": (101, "Venezuela"), "GUY": (110, "Guyana"),
    "SUR": (115, "Suriname"), "ECU": (130, "Ecuador"), "PER": (135, "Peru"),
    "BRA": (140, "Brazil"), "BOL": (145, "Bolivia"), "PRY": (150, "Paraguay"),
    "CHL": (155, "Chile"), "ARG": (160, "Argentina"), "URY": (165, "Uruguay"),
    # Europe (200–399)
    "GBR": (200, "United Kingdom"), "IRL": (205, "Ireland"), "NLD": (210, "Netherlands"),
    "BEL": (211, "Belgium"), "LUX": (212, "Luxembourg"), "FRA": (220, "France"),
    "MCO": (221, "Monaco"), "LIE": (223, "Liechtenstein"), "CHE": (225, "Switzerland"),
    "ESP": (230, "Spain"), "AND": (232, "Andorra"), "PRT": (235, "Portugal"),
    "DEU": (260, "Germany"), "POL": (290, "Poland"), "AUT": (305, "Austria"),
    "HUN": (310, "Hungary"), "CZE": (316, "Czech Republic"), "SVK": (317, "Slovakia"),
    "ITA": (325, "Italy"), "SMR": (331, "San Marino"), "MLT": (338, "Malta"),
    "ALB": (339, "Albania"), "SRB": (340, "Serbia (Yugoslavia)"), "MNE": (341, "Montenegro"),
    "MKD": (343, "Macedonia, FYR"), "HRV": (344, "Croatia"),
    "BIH": (346, "Bosnia-Herzegovina"), "XKX": (347, "Kosovo"), "SVN": (349, "Slovenia"),
    "GRC": (350, "Greece"), "CYP": (352, "Cyprus"), "BGR": (355, "Bulgaria"),
    "MDA": (359, "Moldova"), "ROU": (360, "Romania"), "RUS": (365, "Russia (Soviet Union)"),
    "EST": (366, "Estonia"), "LVA": (367, "Latvia"), "LTU": (368, "Lithuania"),
    "UKR": (369, "Ukraine"), "BLR": (370, "Belarus"), "ARM": (371, "Armenia"),
    "GEO": (372, "Georgia"), "AZE": (373, "Azerbaijan"), "FIN": (375, "Finland"),
    "SWE": (380, "Sweden"), "NOR": (385, "Norway"), "DNK": (390, "Denmark"),
    "ISL": (395, "Iceland"),
    # Africa (400–626)
    "CPV": (402, "Cape Verde"), "STP": (403, "Sao Tome and Principe"),
    "GNB": (404, "Guinea-Bissau"), "GNQ": (411, "Equatorial Guinea"), "GMB": (420, "Gambia"),
    "MLI": (432, "Mali"), "SEN": (433, "Senegal"), "BEN": (434, "Benin"),
    "MRT": (435, "Mauritania"), "NER": (436, "Niger"), "CIV": (437, "Ivory Coast"),
    "GIN": (438, "Guinea"), "BFA": (439, "Burkina Faso"), "LBR": (450, "Liberia"),
    "SLE": (451, "Sierra Leone"), "GHA": (452, "Ghana"), "TGO": (461, "Togo"),
    "CMR": (471, "Cameroon"), "NGA": (475, "Nigeria"), "GAB": (481, "Gabon"),
    "CAF": (482, "Central African Republic"), "TCD": (483, "Chad"), "COG": (484, "Congo"),
    "COD": (490, "DR Congo (Zaire)"), "UGA": (500, "Uganda"), "KEN": (501, "Kenya"),
    "TZA": (510, "Tanzania"), "BDI": (516, "Burundi"), "RWA": (517, "Rwanda"),
    "SOM": (520, "Somalia"), "DJI": (522, "Djibouti"), "ETH": (530, "Ethiopia"),
    "ERI": (531, "Eritrea"), "AGO": (540, "Angola"), "MOZ": (541, "Mozambique"),
    "ZMB": (551, "Zambia"), "ZWE": (552, "Zimbabwe (Rhodesia)"), "MWI": (553, "Malawi"),
    "ZAF": (560, "South Africa"), "NAM": (565, "Namibia"), "LSO": (570, "Lesotho"),
    "BWA": (571, "Botswana"), "SWZ": (572, "Kingdom of eSwatini (Swaziland)"),
    "MDG": (580, "Madagascar (Malagasy)"), "COM": (581, "Comoros"),
    "MUS": (590, "Mauritius"), "SYC": (591, "Seychelles"), "MAR": (600, "Morocco"),
    "ESH": (600, "Morocco"), "DZA": (615, "Algeria"), "TUN": (616, "Tunisia"),
    "LBY": (620, "Libya"), "SDN": (625, "Sudan"), "SSD": (626, "South Sudan"),
    # The Middle East (630–699)
    "IRN": (630, "Iran"), "TUR": (640, "Turkey"), "IRQ": (645, "Iraq"),
    "EGY": (651, "Egypt"), "SYR": (652, "Syria"), "LBN": (660, "Lebanon"),
    "JOR": (663, "Jordan"), "ISR": (666, "Israel"), "PSE": (666, "Israel"),
    "SAU": (670, "Saudi Arabia"), "YEM": (678, "Yemen (North Yemen)"),
    "KWT": (690, "Kuwait"), "BHR": (692, "Bahrain"), "QAT": (694, "Qatar"),
    "ARE": (696, "United Arab Emirates"), "OMN": (698, "Oman"),
    # Asia and Oceania (700–999)
    "AFG": (700, "Afghanistan"), "TKM": (701, "Turkmenistan"), "TJK": (702, "Tajikistan"),
    "KGZ": (703, "Kyrgyzstan"), "UZB": (704, "Uzbekistan"), "KAZ": (705, "Kazakhstan"),
    "CHN": (710, "China"), "MNG": (712, "Mongolia"), "TWN": (713, "Taiwan"),
    "PRK": (731, "North Korea"), "KOR": (732, "South Korea"), "JPN": (740, "Japan"),
    "IND": (750, "India"), "BTN": (760, "Bhutan"), "PAK": (770, "Pakistan"),
    "BGD": (771, "Bangladesh"), "MMR": (775, "Myanmar (Burma)"), "LKA": (780, "Sri Lanka"),
    "MDV": (781, "Maldives"), "NPL": (790, "Nepal"), "THA": (800, "Thailand"),
    "KHM": (811, "Cambodia (Kampuchea)"), "LAO": (812, "Laos"),
    "VNM": (816, "Vietnam (North Vietnam)"), "MYS": (820, "Malaysia"),
    "SGP": (830, "Singapore"), "BRN": (835, "Brunei"), "PHL": (840, "Philippines"),
    "IDN": (850, "Indonesia"), "TLS": (860, "East Timor"), "AUS": (900, "Australia"),
    "PNG": (910, "Papua New Guinea"), "NZL": (920, "New Zealand"), "VUT": (935, "Vanuatu"),
    "SLB": (940, "Solomon Islands"), "FJI": (950, "Fiji"), "KIR": (970, "Kiribati"),
    "NRU": (971, "Nauru"), "TON": (972, "Tonga"), "TUV": (973, "Tuvalu"),
    "MHL": (983, "Marshall Islands"), "PLW": (986, "Palau"), "FSM": (987, "Micronesia"),
    "WSM": (990, "Samoa"),
}

# UCDP's five regions, by Gleditsch–Ward number (UCDP/PRIO Armed Conflict Dataset
# codebook, "region": Europe 200–399, Middle East 630–699, Asia 700–999, Africa 400–626,
# Americas 2–199).
REGIONS: tuple[tuple[int, int, str], ...] = (
    (2, 199, "Americas"), (200, 399, "Europe"), (400, 626, "Africa"),
    (630, 699, "Middle East"), (700, 999, "Asia"),
)


def region_of(gwno: int) -> str:
    """UCDP's region of the country numbered ``gwno``; "" for a number outside them."""
    return next((name for low, high, name in REGIONS if low <= gwno <= high), "")


def country_of(given: object) -> tuple[str, int, str] | None:
    """(ISO alpha-3, Gleditsch–Ward number, GED's name) of a country given by its ISO
    alpha-3 code (as the gazetteer writes it) or its name, GED's or common; None if it
    is not a country of the table."""
    if not isinstance(given, str) or not given.strip():
        return None
    text = given.strip()
    found = COUNTRIES.get(text.upper())
    if found is not None:
        return text.upper(), found[0], found[1]
    wanted = text.casefold()
    for code, (gwno, name) in COUNTRIES.items():
        if wanted in (name.casefold(), name.split(" (")[0].casefold()):
            return code, gwno, name
    return None

"""A corpus of synthetic country reports with known defects, for benchmarks and bulk checks.

Run from the repository root::

    .venv/bin/python bench/corpus.py OUT_DIR --countries 54 [--seed 0] [--check]

or import ``generate(out_dir, countries, seed)``. Each country gets a folder with a 2013
report (commitments) and a 2014 report (progress, ``previous: 2013.yaml``) written like the
real ones in examples/: four policy targets, plans with timeframes in brackets or in
``timeframe:`` fields, and in 2014 sections A) implementation (the 2013 plans reported in the
past tense), B) assessment and C) follow-up under all seven operational goals.

About a third of the countries are clean; the others carry defects chosen by a seeded random
generator and recorded in OUT_DIR/manifest.json with the rule that should find them and the
line it should point at:

* ``empty-section``: a section answered "/", "N/A", "-", left empty or holding only "- /";
* ``vanished-plan`` (rule ``missing-follow-up``): a 2013 plan the 2014 report never mentions;
* ``missing-timeframe``: a 2013 plan or 2014 follow-up action that does not say when.

Everything else is written to pass galint: every other plan is reported on in section A of
its target with most of its words (so that galint's text matcher finds it, without ``follows``
links unless ``link_fraction`` asks for some), every timeframe is one galint reads, and the
words of a vanished plan are kept out of the 2014 report. Same seed, same bytes; a country's
reports depend only on the seed and its position, not on how many countries are generated.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import json
import math
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from galint.analysis.timeframe import Timeframe, extract, parse

RULE_EMPTY = "empty-section"
RULE_FOLLOW_UP = "missing-follow-up"
RULE_TIMEFRAME = "missing-timeframe"
RULES = (RULE_EMPTY, RULE_FOLLOW_UP, RULE_TIMEFRAME)

# --- countries ----------------------------------------------------------------------------

# ISO 3166-1 alpha-2 codes and short English names. The first 54 are European Union member
# states and other countries of the kind that joined the Global Alliance (for realism: this
# is not the Alliance's membership list); the others follow in the order of their codes.
_COUNTRIES = """AT Austria|BE Belgium|BG Bulgaria|HR Croatia|CY Cyprus|CZ Czech Republic|DK Denmark
|EE Estonia|FI Finland|FR France|DE Germany|GR Greece|HU Hungary|IE Ireland|IT Italy|LV Latvia
|LT Lithuania|LU Luxembourg|MT Malta|NL Netherlands|PL Poland|PT Portugal|RO Romania|SK Slovakia
|SI Slovenia|ES Spain|SE Sweden|GB United Kingdom|AL Albania|AU Australia|KH Cambodia|GE Georgia
|GH Ghana|JP Japan|MD Moldova|ME Montenegro|NZ New Zealand|NG Nigeria|NO Norway|PH Philippines
|RS Serbia|KR South Korea|CH Switzerland|TH Thailand|TR Turkey|UA Ukraine|US United States
|VN Viet Nam|AR Argentina|AM Armenia|CA Canada|MK North Macedonia|BA Bosnia and Herzegovina
|IS Iceland|AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla
|AO Angola|AQ Antarctica|AS American Samoa|AW Aruba|AX Åland Islands|AZ Azerbaijan|BB Barbados
|BD Bangladesh|BF Burkina Faso|BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthélemy|BM Bermuda
|BN Brunei Darussalam|BO Bolivia|BQ Bonaire, Sint Eustatius and Saba|BR Brazil|BS Bahamas
|BT Bhutan|BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|CC Cocos (Keeling) Islands
|CD Democratic Republic of the Congo|CF Central African Republic|CG Congo|CI Côte d'Ivoire
|CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia|CR Costa Rica|CU Cuba|CV Cabo Verde
|CW Curaçao|CX Christmas Island|DJ Djibouti|DM Dominica|DO Dominican Republic|DZ Algeria
|EC Ecuador|EG Egypt|EH Western Sahara|ER Eritrea|ET Ethiopia|FJ Fiji|FK Falkland Islands
|FM Micronesia|FO Faroe Islands|GA Gabon|GD Grenada|GF French Guiana|GG Guernsey|GI Gibraltar
|GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea
|GS South Georgia and the South Sandwich Islands|GT Guatemala|GU Guam|GW Guinea-Bissau|GY Guyana
|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras|HT Haiti|ID Indonesia|IL Israel
|IM Isle of Man|IN India|IO British Indian Ocean Territory|IQ Iraq|IR Iran|JE Jersey|JM Jamaica
|JO Jordan|KE Kenya|KG Kyrgyzstan|KI Kiribati|KM Comoros|KN Saint Kitts and Nevis|KP North Korea
|KW Kuwait|KY Cayman Islands|KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein
|LK Sri Lanka|LR Liberia|LS Lesotho|LY Libya|MA Morocco|MC Monaco|MF Saint Martin|MG Madagascar
|MH Marshall Islands|ML Mali|MM Myanmar|MN Mongolia|MO Macao|MP Northern Mariana Islands
|MQ Martinique|MR Mauritania|MS Montserrat|MU Mauritius|MV Maldives|MW Malawi|MX Mexico
|MY Malaysia|MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NI Nicaragua
|NP Nepal|NR Nauru|NU Niue|OM Oman|PA Panama|PE Peru|PF French Polynesia|PG Papua New Guinea
|PK Pakistan|PM Saint Pierre and Miquelon|PN Pitcairn|PR Puerto Rico|PS Palestine|PW Palau
|PY Paraguay|QA Qatar|RE Réunion|RU Russia|RW Rwanda|SA Saudi Arabia|SB Solomon Islands
|SC Seychelles|SD Sudan|SG Singapore|SH Saint Helena, Ascension and Tristan da Cunha
|SJ Svalbard and Jan Mayen|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname
|SS South Sudan|ST Sao Tome and Principe|SV El Salvador|SX Sint Maarten|SY Syria|SZ Eswatini
|TC Turks and Caicos Islands|TD Chad|TF French Southern Territories|TG Togo|TJ Tajikistan
|TK Tokelau|TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|TT Trinidad and Tobago|TV Tuvalu
|TW Taiwan|TZ Tanzania|UG Uganda|UM United States Minor Outlying Islands|UY Uruguay|UZ Uzbekistan
|VA Holy See|VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands
|VI United States Virgin Islands|VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte
|ZA South Africa|ZM Zambia|ZW Zimbabwe"""
COUNTRIES: tuple[tuple[str, str], ...] = tuple(
    (entry.strip()[:2], entry.strip()[3:]) for entry in _COUNTRIES.replace("\n", "").split("|")
)
# Codes ISO leaves to users, then every other pair of capitals that names no country: the
# countries after the real ones take these, in turn. galint checks the reports of one code
# together, so a large corpus spreads its made-up countries over as many codes as there are
# (427: 5,000 reports give groups of 10 or 12 files, as a real country's submissions would be,
# not 108).
_USER_ASSIGNED = (
    "AA",
    *(f"Q{c}" for c in "MNOPQRSTUVWXYZ"),
    *(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "ZZ",
)
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
SYNTHETIC_CODES: tuple[str, ...] = (
    *_USER_ASSIGNED,
    *(
        a + b
        for a in _LETTERS
        for b in _LETTERS
        if a + b not in _USER_ASSIGNED and all(a + b != code for code, _ in COUNTRIES)
    ),
)
# Names read with "the": "the Netherlands will", "the United States will".
_WITH_THE = re.compile(
    r"^(?:United|Netherlands|Philippines|Czech|Bahamas|Gambia|Holy|Dominican R"
    r"|Central|Democratic|Maldives|Comoros|Seychelles|British|French S)"
    r"|Islands$"
)


@dataclass(frozen=True, slots=True)
class Country:
    """Where a country's reports go, and who it is."""

    index: int
    folder: str
    code: str
    name: str


_SYLLABLES = ("ka", "lo", "mer", "vi", "sa", "tor", "na", "bel", "ri", "do", "len", "ga", "mo",
              "ste", "ru", "zan")  # fmt: skip


def synthetic_name(n: int) -> str:
    """A made-up country name, different for every ``n``: "Kaloria", "Merviland"...

    No digits: a number such as 2004 in a name would read as a year next to a timeframe.
    """
    syllables = []
    while True:
        n, digit = divmod(n, len(_SYLLABLES))
        syllables.append(_SYLLABLES[digit])
        if n == 0:
            break
    if len(syllables) == 1:
        syllables.append("a")  # no syllable is "a": no clash with two-syllable names
    ending = ("nia", "land", "ria", "stan")[len(syllables) % 4]
    return "".join(reversed(syllables)).capitalize() + ending


def country(index: int) -> Country:
    """The ``index``-th country: a real one, then synthetic ones with codes no country has.

    Past the real codes, codes repeat (a report's ``previous:`` key pairs it, not its code),
    so each synthetic country has its own folder ``<code>-<index>`` and a made-up name.
    """
    if index < len(COUNTRIES):
        code, name = COUNTRIES[index]
        return Country(index, code, code, name)
    n = index - len(COUNTRIES)
    code = SYNTHETIC_CODES[n % len(SYNTHETIC_CODES)]
    return Country(index, f"{code}-{index:04d}", code, synthetic_name(n))


# --- who acts ------------------------------------------------------------------------------

ACTORS: dict[str, tuple[str, ...]] = {
    "interior": (
        "the Ministry of Interior",
        "the Ministry of the Interior",
        "the Ministry of Internal Affairs",
        "the Ministry of Home Affairs",
    ),
    "justice": ("the Ministry of Justice", "the Ministry of Justice and Human Rights"),
    "police": (
        "the Police Directorate",
        "the National Police",
        "the Criminal Police Directorate",
        "the General Police Directorate",
    ),
    "cyber": (
        "the Cybercrime Unit",
        "the High-Tech Crime Unit",
        "the Cybercrime Department",
        "the Department for Combating Cybercrime",
    ),
    "prosecution": (
        "the State Prosecutor's Office",
        "the Public Prosecution Office",
        "the Office of the Prosecutor General",
        "the Supreme State Prosecutor's Office",
    ),
    "social": (
        "the Ministry of Labour and Social Welfare",
        "the Ministry of Social Affairs",
        "the Ministry of Social Policy",
        "the Ministry of Health and Social Affairs",
    ),
    "education": (
        "the Ministry of Education",
        "the Ministry of Education and Science",
        "the Ministry of Education and Sports",
    ),
    "telecom": (
        "the Ministry for Information Society and Telecommunications",
        "the Ministry of Communications",
        "the Ministry of Transport and Communications",
        "the Ministry of Economy",
    ),
    "regulator": (
        "the Agency for Electronic Communications",
        "the telecommunications regulator",
        "the Electronic Communications Agency",
    ),
    "cert": ("the national CERT", "CERT-{code}", "the National CIRT"),
    "ngo": (
        "the NGO Safe Childhood {country}",
        "Save the Children in {country}",
        "the Child Rights Centre",
        "the NGO Parents for a Safe Internet",
        "the Centre for Missing and Exploited Children",
    ),
    "hotline": (
        "the national hotline",
        "the INHOPE hotline of {country}",
        "the hotline of the Safer Internet Centre",
    ),
    "academy": (
        "the Judicial Academy",
        "the Centre for Judicial Education",
        "the Judicial Training Centre",
    ),
    "isps": (
        "the largest internet service providers",
        "the association of internet service providers",
        "the three largest mobile operators",
    ),
    "government": (
        "the Government",
        "the National Council for Children's Rights",
        "the Government's Council for Child Protection",
    ),
    "parliament": ("the Parliament", "the National Assembly"),
}

# --- what they do --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb's forms, for plans (base, gerund), reports (past) and the passive."""

    base: str
    past: str
    participle: str
    gerund: str
    passive: bool = True  # "was set up" reads; "was taken part in" does not


def _verbs(table: str) -> dict[str, Verb]:
    verbs = {}
    for row in table.strip().splitlines():
        key, rest = row.split(":")
        base, past, participle, gerund, *flags = (part.strip() for part in rest.split(","))
        verbs[key.strip()] = Verb(base, past, participle, gerund, "active" not in flags)
    return verbs


VERBS = _verbs(
    """
    adopt: adopt, adopted, adopted, adopting
    agree: agree, agreed, agreed, agreeing
    amend: amend, amended, amended, amending
    appoint: appoint, appointed, appointed, appointing
    broadcast: broadcast, broadcast, broadcast, broadcasting
    carry_out: carry out, carried out, carried out, carrying out
    conclude: conclude, concluded, concluded, concluding
    conduct: conduct, conducted, conducted, conducting
    create: create, created, created, creating
    deliver: deliver, delivered, delivered, delivering
    designate: designate, designated, designated, designating
    develop: develop, developed, developed, developing
    distribute: distribute, distributed, distributed, distributing
    draft: draft, drafted, drafted, drafting
    establish: establish, established, established, establishing
    expand: expand, expanded, expanded, expanding
    extend: extend, extended, extended, extending
    finance: finance, financed, financed, financing
    harmonise: harmonise, harmonised, harmonised, harmonising
    hold: hold, held, held, holding
    host: host, hosted, hosted, hosting
    improve: improve, improved, improved, improving
    intensify: intensify, intensified, intensified, intensifying
    introduce: introduce, introduced, introduced, introducing
    issue: issue, issued, issued, issuing
    join: join, joined, joined, joining
    launch: launch, launched, launched, launching
    mark: mark, marked, marked, marking
    open: open, opened, opened, opening
    organise: organise, organised, organised, organising
    prepare: prepare, prepared, prepared, preparing
    present: present, presented, presented, presenting
    procure: procure, procured, procured, procuring
    produce: produce, produced, produced, producing
    promote: promote, promoted, promoted, promoting
    publish: publish, published, published, publishing
    purchase: purchase, purchased, purchased, purchasing
    ratify: ratify, ratified, ratified, ratifying
    remove: remove, removed, removed, removing
    run: run, ran, run, running
    second: second, seconded, seconded, seconding
    set_up: set up, set up, set up, setting up
    share: share, shared, shared, sharing
    sign: sign, signed, signed, signing
    strengthen: strengthen, strengthened, strengthened, strengthening
    support: support, supported, supported, supporting
    take_part: take part in, took part in, taken part in, taking part in, active
    train: train, trained, trained, training
    translate: translate, translated, translated, translating
    use: use, used, used, using
    """
)


@dataclass(frozen=True, slots=True)
class Action:
    """Something a country can do under a policy target: verbs, who does it, and what."""

    goal: int  # the operational goal (within the target) whose section A reports on it
    verbs: tuple[str, ...]
    actors: tuple[str, ...]
    what: str  # a noun phrase; {n} is a number, {actor-key} a named body
    plural: bool


def _actions(goal: int, rows: str) -> list[Action]:
    """Rows ``verbs | actor keys | s or p (singular, plural) | noun phrase``; an indented line
    continues the row above."""
    actions = []
    for row in re.sub(r"\n\s+", " ", rows.strip()).splitlines():
        verbs, actors, number, what = (part.strip() for part in row.split("|"))
        actions.append(
            Action(goal, tuple(verbs.split()), tuple(actors.split()), what, number == "p")
        )
    return actions


# A noun phrase must read after every verb listed, and say no "when" (galint would read
# "annually", "ongoing" or "next year" as a timeframe).
ACTIONS: dict[int, tuple[Action, ...]] = {
    1: tuple(
        _actions(
            1,
            """
develop adopt draft | police interior | p | standard operating procedures for the identification of
    child victims depicted in seized abuse material
extend | interior police | s | direct access to the ICSE database from the INTERPOL National
    Central Bureau to the regional police directorates
establish create | interior police | s | a specialised victim identification unit within {cyber}
sign conclude adopt | justice social | s | a protocol on the referral of identified child victims
    to social welfare centres and child advocacy centres
organise conduct deliver | police academy | p | training courses in victim identification
    techniques for {n} police investigators, prosecutors and social workers
procure purchase | interior | s | forensic software for the automated analysis of seized images and
    videos, including image hashing tools
establish create | social justice | s | a national register of identified child victims of online
    sexual exploitation and of the support they receive
develop publish | social | p | guidelines for social workers on the psychosocial support of
    children whose abuse was recorded and distributed online
open establish | social ngo | s | a child advocacy centre where identified victims are interviewed,
    examined and counselled under one roof
expand finance | social ngo | s | free psychological counselling for child victims of online sexual
    abuse and for their families
strengthen intensify | police | s | cooperation with the Crimes against Children unit of INTERPOL
    and with the victim identification specialists of Europol
introduce | justice | s | a state compensation scheme for child victims of sexual exploitation,
    including victims of abuse recorded online
set_up establish | justice prosecution | p | child-friendly interview rooms with audio-visual
    recording equipment in the higher courts
amend | justice parliament | s | the Law on Victim Protection to guarantee free legal aid and a
    guardian for every identified child victim
develop introduce | police | s | a case management system that links victim identification findings
    with open criminal investigations
translate publish | ngo social | p | information leaflets for victims and their parents on their
    rights in criminal proceedings
designate appoint | interior police | s | a national contact point for victim identification
    requests from Global Alliance countries
train | social ngo | p | the staff of the national child helpline to recognise and refer
    disclosures of online abuse
launch | social ngo | s | the European child helpline number 116 111 with an online chat service
    for abused children
carry_out conduct | justice ngo | s | a review of how identified victims are supported after the
    end of criminal proceedings
""",
        )
    ),
    2: tuple(
        _actions(
            1,
            """
amend | justice parliament | s | the Criminal Code to criminalise the solicitation of children for
    sexual purposes through information and communication technologies
introduce | justice parliament | s | the disqualification of convicted sex offenders from
    professional and voluntary work with children
ratify | parliament | s | the Council of Europe Convention on the Protection of Children against
    Sexual Exploitation and Sexual Abuse
amend | justice | s | the Code of Criminal Procedure to allow covert online investigations under
    judicial supervision
establish set_up | prosecution | s | a specialised department for cybercrime and crimes against
    children within {prosecution}
conduct organise | academy | s | specialised training for judges and prosecutors on the United
    Nations Guidelines on Justice in Matters involving Child Victims and Witnesses of Crime
establish develop | justice | s | a system for collecting statistical data on juvenile justice and
    on prosecutions for online child sexual abuse
adopt issue | prosecution | p | binding instructions on the seizure and preservation of electronic
    evidence in cases of child sexual abuse
harmonise | justice | s | the legal definition of child sexual abuse material with the EU Directive
    on combating the sexual abuse of children
extend | justice parliament | s | the limitation period for sexual offences against children so
    that it runs from the eighteenth birthday of the victim
establish create | justice interior | s | a register of convicted child sex offenders that
    employers in education and care can consult
adopt prepare | government | s | a national strategy against cybercrime with a chapter on the
    sexual exploitation of children online
""",
        )
        + _actions(
            2,
            """
take_part | police cyber | p | the operations of the Virtual Global Task Force against online child
    sex offenders
set_up | police prosecution | p | joint investigation teams with neighbouring countries in cases of
    online child sexual abuse
conclude sign | interior | p | memoranda of understanding on the exchange of operational
    information with the police services of neighbouring countries
second | interior police | s | a liaison officer to the European Cybercrime Centre at Europol
use | justice prosecution | p | international legal assistance channels for the exchange of data
    and information in cases of sexual abuse of children via the Internet
organise host | police cyber | s | a regional workshop for investigators from Global Alliance
    countries on tracing offenders in peer-to-peer networks
establish | interior cyber | s | a round-the-clock contact point for urgent requests from foreign
    law enforcement authorities under the Budapest Convention
take_part | police cyber | s | the operational action plan of Europol against child sexual
    exploitation within the EMPACT policy cycle
develop strengthen | cyber | p | technical capacities for investigations in anonymisation networks
    and on the darknet
conduct organise | academy police | s | joint training for investigators and prosecutors from the
    region on the handling of digital evidence
improve | police | s | the exchange of criminal intelligence with INTERPOL and Europol through
    their secure communication networks
""",
        )
    ),
    3: tuple(
        _actions(
            1,
            """
conduct launch run | telecom education ngo | s | a national media campaign for parents on grooming
    and on the self-production of sexual images by children
organise | education ngo | p | peer education workshops for elementary school pupils on safe
    Internet use, possible hazards and protection measures
mark | telecom ngo | s | Safer Internet Day with events in primary and secondary schools across the
    country
introduce | education | s | a lesson on online safety into the civic education curriculum of the
    fifth and sixth grades
train | education ngo | p | {n} primary and secondary school teachers to teach online safety and to
    recognise signs of abuse
conduct carry_out | ngo education | s | a survey of the online behaviour of children aged 9 to 16
    and of the awareness of their parents of online risks
create launch | telecom cert | s | a dedicated website on child protection online with security
    guidelines for children, parents and teachers
publish distribute | ngo | p | brochures for parents on parental control tools and on talking with
    children about sexting
produce broadcast | ngo telecom | s | a series of short television spots on the risks of sharing
    intimate images
organise | police | p | lectures by police officers in secondary schools on grooming, sextortion
    and how to report them
develop launch | ngo telecom | s | a mobile application that lets children report uncomfortable
    contacts to the helpline
hold organise | ngo education | p | evenings for parents in kindergartens and schools on protecting
    young children from harmful content
establish | ngo | s | a youth panel that advises the Safer Internet Centre on awareness materials
    and campaigns
organise | education telecom | s | a national competition for pupils for the best video on
    respectful behaviour online
""",
        )
        + _actions(
            2,
            """
present | telecom education | s | the national online safety curriculum to other Global Alliance
    countries at international conferences
translate | ngo telecom | p | awareness materials into commonly used languages so that other Global
    Alliance countries can adapt them
host organise | government telecom | s | a regional conference on strategies to reduce the
    self-production of images by teenagers
join | ngo | s | the Insafe network of awareness centres and its exchange of campaign materials
share | ngo education | s | the evaluation of the national awareness campaigns with partners in the
    Council of Europe and the European Union
develop | ngo | s | a joint awareness toolkit with the Safer Internet Centres of neighbouring
    countries
take_part | ngo telecom | s | the Safer Internet Forum and the exchange of best practices it
    organises
set_up create | telecom | s | an online repository of good practices in awareness raising for
    Global Alliance countries
""",
        )
    ),
    4: tuple(
        _actions(
            1,
            """
sign conclude | telecom regulator | s | a memorandum of cooperation with internet service providers
    on blocking access to websites with child sexual abuse material
introduce promote | regulator telecom | s | hash-matching of known child abuse images at the
    largest hosting providers
set_up establish | telecom interior | s | a public-private partnership for identifying and
    eliminating access to child pornography material
adopt draft | regulator | s | a code of conduct for internet service providers on the handling of
    reports of child abuse material
use introduce | police regulator | s | the INTERPOL worst-of list for blocking access to domains
    with the most severe abuse material
develop establish | cyber | s | a national database of hashes of child abuse images seized by the
    police
amend | parliament telecom | s | the Law on Electronic Communications to oblige providers to
    preserve traffic data in abuse cases
support promote | telecom | s | the use of photo identification technology by social networks and
    file hosting services
organise | regulator | s | a round table with mobile operators on filtering tools for customers
    with children
train | regulator | p | the staff of internet service providers to recognise and escalate reports
    of abuse material
establish | interior | s | a working group of the police, the regulator and the industry on the
    removal of abuse material
""",
        )
        + _actions(
            2,
            """
set_up | hotline police | p | standardised interfaces between the hotline, the police and internet
    service providers for passing on reports
agree | police isps | s | a notice and takedown procedure with a target removal time of 48 hours
join | hotline | s | the INHOPE network of hotlines as a full member
remove | parliament justice | p | the legal obstacles that prevent hotline staff from analysing
    reported abuse images
develop introduce | hotline police | s | an easier online reporting form for the public on the
    websites of the police and the hotline
conclude sign | hotline police | s | an agreement with the police on the vetting of hotline staff
    and the handover of reports
publish | hotline | p | statistics on the number of reports received and the time taken to remove
    the material
improve | cert | s | international cooperation with CERT teams from other countries to speed up
    cross-border takedowns
set_up | cert hotline | s | a fast-track procedure for reports about material hosted on servers
    abroad
launch | hotline ngo | s | a public awareness campaign on how to report child abuse material found
    online
""",
        )
    ),
}

# Optional clauses after the noun phrase, shared by many items as in real reports.
DETAILS: dict[int, tuple[str, ...]] = {
    1: (
        "in cooperation with the INTERPOL National Central Bureau",
        "with the support of UNICEF",
        "in cooperation with {ngo}",
        "as part of the national plan for the protection of children",
    ),
    2: (
        "with the support of the European Commission",
        "in cooperation with {academy}",
        "as part of the Justice for Children project",
        "in line with the Lanzarote Convention",
    ),
    3: (
        "in cooperation with {ngo} and UNICEF",
        "together with {isps}",
        "as part of the Safer Internet project",
        "with the active participation of parents and teachers",
    ),
    4: (
        "in cooperation with {isps}",
        "together with {hotline}",
        "in line with the recommendations of INHOPE",
        "with the support of the European Commission",
    ),
}

# B) assessments, per target and goal; {a} {b} are counts, {p} {q} percentages, {m} months.
ASSESSMENTS: dict[tuple[int, int], tuple[str, ...]] = {
    (1, 1): (
        "The number of child victims identified through the ICSE database rose from {a} in 2012 "
        "to {b} in 2013.",
        "Victim identification work is still concentrated in the capital, and the regional "
        "police directorates depend on the central unit for the review of seized material.",
        "Enhanced cooperation with national agencies and the prosecution service has shortened "
        "the time between a seizure and the identification of the children depicted.",
        "All {a} children identified in 2013 were referred to specialised support services, and "
        "most of them still receive counselling.",
        "The lack of trained forensic analysts remains the main obstacle to faster victim "
        "identification.",
        "Participation in the victim identification efforts of INTERPOL has grown, although no "
        "domestic case has yet produced new images for the database.",
    ),
    (2, 1): (
        "Prosecutions for the production, distribution and possession of child sexual abuse "
        "material rose from {a} in 2012 to {b} in 2013.",
        "Since specialised prosecutors took over cases of online child sexual abuse, the average "
        "time from complaint to indictment has fallen to {m} months.",
        "The amended legislation is now in line with the main international standards, but the "
        "courts have not yet applied the new offences in a final judgment.",
        "A certain number of courts and prosecutors' offices are equipped with audio-visual "
        "equipment for the examination of child victims and witnesses.",
        "Judges report that the volume of digital evidence in these cases grows faster than the "
        "capacity to examine it.",
    ),
    (2, 2): (
        "The contacts made in joint operations now allow investigators to send urgent requests "
        "directly to partner units abroad.",
        "Requests for data to service providers abroad still take several months on average and "
        "remain the main obstacle to cross-border investigations.",
        "Through international police cooperation, {a} criminal cases of possession and "
        "distribution of child sexual abuse material were prosecuted in 2013.",
        "Participation in international operations led to the arrest of {a} suspects in the "
        "country and the identification of {b} more abroad.",
    ),
    (3, 1): (
        "The share of parents who knew what grooming is rose from {p}% to {q}% in a poll taken "
        "after the campaign.",
        "Calls to the helpline about online risks doubled during the campaign months, which "
        "shows the demand for advice.",
        "Schools in rural areas are harder to reach, and fewer of their pupils took part in the "
        "activities.",
        "Awareness among children of privacy settings on social networks has improved, but many "
        "still accept contact requests from strangers.",
        "The activities reached an estimated {a} parents and {b} children, according to the "
        "organisers.",
    ),
    (3, 2): (
        "{s} Global Alliance countries have expressed interest in adapting the national "
        "materials for their own schools.",
        "Best practices were exchanged at {s} international meetings, which helped to shape the "
        "national activities.",
        "Sharing materials across borders is limited by the cost of translation and adaptation.",
        "Contacts with counterparts abroad are mostly informal and depend on a few committed "
        "experts.",
    ),
    (4, 1): (
        "Access to listed websites is now blocked for about {q}% of fixed and mobile internet "
        "subscribers.",
        "Smaller hosting providers lack the technical means to detect known abuse images and "
        "will need support.",
        "Cooperation with the private sector has improved, and most large providers now respond "
        "to reports on the same day.",
        "The number of reported websites hosted in the country fell from {b} in 2012 to {a} in "
        "2013.",
    ),
    (4, 2): (
        "The median time from notice to removal of material hosted in the country fell from {s} "
        "days to {b} hours.",
        "Removal of material hosted abroad still takes {s} days on average, mostly where the "
        "hosting country has no hotline.",
        "The hotline handled {c} reports in 2013, of which {a} concerned child sexual abuse "
        "material.",
        "Law enforcement authorities follow up every report passed on to them, which builds "
        "trust between the partners.",
    ),
}

# Said when a C) section has nothing of its own left: a country's plain promise.
FALLBACK_FOLLOW_UPS = (
    "Evaluate the measures taken under this operational goal and report on them to the Global "
    "Alliance",
    "Review the national action plan against this operational goal with all ministries concerned",
)

# Tails of A) items: what came of it, in words every report uses.
DONE_TAILS = (
    "",
    "",
    "; the results were presented to the Government and published on the ministry's website",
    "; funding came from the state budget and from the European Commission",
    "; the measure now applies throughout the country, and its first results are encouraging",
    "; a first evaluation of the results will follow in 2015",
    "; experts from the police, the judiciary, social services and civil society took part",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DELAY_REASONS = (
    "budget constraints",
    "the change of government",
    "a lengthy public consultation",
    "staff shortages",
)

# --- when ----------------------------------------------------------------------------------

# (how it is written, where): "bracket" after the sentence, "tail" at its end, "field" in a
# timeframe: key. 2013 plans start in 2013; 2014 follow-ups end in 2014 or later.
TIMEFRAMES_2013: tuple[tuple[str, str], ...] = (
    ("2013-2014", "bracket"),
    ("2013-2014", "bracket"),
    ("I - IV Q 2013", "bracket"),
    ("III - IV Q 2013", "bracket"),
    ("II - III Q 2013", "bracket"),
    ("IV Q 2013", "bracket"),
    ("continuous", "bracket"),
    ("continuous", "bracket"),
    ("during 2013", "bracket"),
    ("during 2013 and 2014", "bracket"),
    ("2014", "bracket"),
    ("Q4 2013", "bracket"),
    ("Q3 2014", "bracket"),
    ("H1 2014", "bracket"),
    ("September 2013 - June 2014", "bracket"),
    ("2013-2015", "bracket"),
    ("ongoing", "bracket"),
    ("by the end of 2013", "tail"),
    ("by the end of 2014", "tail"),
    ("during 2014", "tail"),
    ("in the first half of 2014", "tail"),
    ("by June 2014", "tail"),
    ("until December 2014", "tail"),
    ("Q4 2013 - Q2 2014", "field"),
    ("H1 2014", "field"),
    ("2013-2014", "field"),
    ("by the end of 2014", "field"),
    ("continuous", "field"),
    ("III - IV Q 2013", "field"),
    ("Q1 2014", "field"),
    ("2014", "field"),
)
TIMEFRAMES_2014: tuple[tuple[str, str], ...] = (
    ("2014-2015", "bracket"),
    ("2014-2015", "bracket"),
    ("Q4 2014", "bracket"),
    ("III - IV Q 2014", "bracket"),
    ("during 2015", "bracket"),
    ("continuous", "bracket"),
    ("continuous", "bracket"),
    ("2015", "bracket"),
    ("H1 2015", "bracket"),
    ("I - II Q 2015", "bracket"),
    ("2014-2016", "bracket"),
    ("September 2014 - June 2015", "bracket"),
    ("Q3 2014", "bracket"),
    ("ongoing", "bracket"),
    ("by the end of 2014", "tail"),
    ("by the end of 2015", "tail"),
    ("during 2015", "tail"),
    ("by June 2015", "tail"),
    ("in the first half of 2015", "tail"),
    ("until December 2015", "tail"),
    ("H1 2015", "field"),
    ("Q4 2014", "field"),
    ("2015", "field"),
    ("2014-2015", "field"),
    ("by June 2015", "field"),
    ("continuous", "field"),
)
# A) items not yet done end on a later timeframe, so that the plan is not overdue.
LATER = (
    "by the end of 2014",
    "by June 2015",
    "in the first half of 2015",
    "by the end of 2015",
)
# 2014 reports are submitted by then; a vanished plan must not be due before it, or galint
# would also find it overdue.
LAST_SUBMISSION = datetime.date(2014, 7, 31)


# --- the reports, before they are written ------------------------------------------------


@dataclass(slots=True, eq=False)
class Item:
    """One item of a section: its sentence and, for plans, its timeframe and where it goes."""

    body: str  # the sentence without its timeframe and final punctuation
    timeframe: str | None = None
    place: str = "bracket"  # bracket, tail or field
    id: str | None = None
    follows: str | None = None
    status: str | None = None
    mapping: bool = False
    end: str = "."
    role: str = "other"  # plan (2013 planned, 2014 follow-up), report (on a plan) or other
    # Set while writing: the line of the item's text.
    line: int = 0

    def text(self) -> str:
        """The item's text as written."""
        if self.timeframe is not None and self.place == "bracket":
            return f"{self.body} ({self.timeframe}){self.end}"
        if self.timeframe is not None and self.place == "tail":
            return f"{self.body} {self.timeframe}{self.end}"
        return f"{self.body}{self.end}"

    def field_timeframe(self) -> str | None:
        """The value of the item's ``timeframe:`` field, if it has one."""
        return self.timeframe if self.place == "field" else None


@dataclass(slots=True, eq=False)
class Section:
    """A section of a report: its items, or the placeholder it is answered with."""

    key: str
    items: list[Item] = field(default_factory=list)
    # Set when the section is answered with a placeholder: "/", "N/A", "'-'", "null",
    # "[]" or "- /" (a list holding only "/").
    placeholder: str | None = None
    key_line: int = 0
    finding_line: int = 0


@dataclass(slots=True)
class Plan:
    """A 2013 plan, and what the 2014 report says of it."""

    target: int
    number: int
    action: Action
    item: Item
    report: Item | None = None  # its A) item in 2014; None when it vanished
    phrase: _Phrase | None = None

    @property
    def ref(self) -> str:
        return f"{self.target}.{self.number}"


@dataclass(slots=True)
class Defect:
    """An injected defect: what it is, where, and the finding galint should give for it."""

    kind: str  # empty-section, vanished-plan, missing-timeframe
    rule: str
    file: str  # relative to the corpus directory, with "/"
    line: int
    where: str
    detail: str
    plan: str | None = None
    target: int | None = None
    plan_file: str | None = None
    plan_line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(slots=True)
class CountryEntry:
    """A country of the corpus in the manifest: its files and its defects."""

    folder: str
    code: str
    name: str
    files: list[str]
    defects: list[Defect]

    @property
    def clean(self) -> bool:
        return not self.defects


@dataclass(slots=True)
class Manifest:
    """What was generated, and the findings galint should give on it."""

    seed: int
    link_fraction: float
    countries: list[CountryEntry]
    bytes: int = 0

    @property
    def reports(self) -> int:
        return sum(len(c.files) for c in self.countries)

    def expected(self, rules: Iterable[str] = RULES) -> set[tuple[str, str, int]]:
        """The findings galint should give: (file, rule, line), files relative with '/'."""
        return set(self.expected_counts(rules))

    def expected_counts(self, rules: Iterable[str] = RULES) -> Counter[tuple[str, str, int]]:
        """The same, counted: two vanished plans of one target are two findings on one line."""
        wanted = set(rules)
        return Counter(
            (d.file, d.rule, d.line) for c in self.countries for d in c.defects if d.rule in wanted
        )

    def to_json(self) -> dict[str, Any]:
        counts = Counter(rule for _, rule, _ in self.expected_counts().elements())
        return {
            "generator": "bench/corpus.py",
            "seed": self.seed,
            "link_fraction": self.link_fraction,
            "countries": len(self.countries),
            "reports": self.reports,
            "bytes": self.bytes,
            "clean_countries": sum(c.clean for c in self.countries),
            "expected_findings": {rule: counts.get(rule, 0) for rule in RULES},
            "notes": {
                RULE_EMPTY: "line: where galint reports the section (the key, or the value "
                "when the value is a list)",
                RULE_TIMEFRAME: "line: the item's text",
                RULE_FOLLOW_UP: "line: the implementation key of goal-1 of the plan's target "
                "in the 2014 report (galint/rules/missing_follow_up.py); plan and plan_line "
                "name the plan in the 2013 report",
            },
            "folders": [
                {
                    "folder": c.folder,
                    "code": c.code,
                    "name": c.name,
                    "files": c.files,
                    "clean": c.clean,
                    "defects": [d.to_json() for d in c.defects],
                }
                for c in self.countries
            ],
        }


# --- words: keeping a vanished plan out of the 2014 report ------------------------------

_STOP = frozenset(
    re.findall(
        r"\w+",
        """a about after all also an and any are as at be been by can for from has have in into is
        it its more new no not of on or other our so such than that the their them these they
        this those through to under was were which who will with within""",
    )
)
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ies", "ers", "er",
             "ed", "es", "al", "e", "s", "y")  # fmt: skip
_IRREGULAR = {"took": "take", "taken": "take", "held": "hold", "ran": "run", "led": "lead"}


def _stems(text: str) -> list[str]:
    """Crude stems of a text's words (galint's are Snowball stems, cut to six letters)."""
    return [stem for word in _WORD.findall(text.lower()) if (stem := _stem(word))]


@functools.cache
def _stem(word: str) -> str:
    """A word without its ending; "" for a word that tells nothing."""
    if len(word) < 2 or word in _STOP:
        return ""
    word = _IRREGULAR.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# The largest score a vanished plan may get against any 2014 item, bonus for the same policy
# target included. galint's matcher needs 0.25 (galint/analysis/trace/); on 2,800 countries (four
# seeds, link fractions 0 to 1) its best raw score for a vanished plan stayed below 0.22.
GUARD = 0.2
SAME_TARGET = 0.05


class _Scorer:
    """Scores texts against a plan roughly as galint's matcher does, with cruder stems.

    Stems are weighted by how rare they are among all the items of both reports (IDF), and a
    score is the larger of the cosine and of the share of the plan's weight a text covers
    (galint blends the two, so its score is lower). Crude stems cut to six letters miss some
    of the words Snowball's stems join ("active", "activities"), and cut to five they join
    more words than it does, which lowers their weights: the larger of the two scores is kept.
    """

    def __init__(self, texts: list[str], ignore: frozenset[str]) -> None:
        stems = [_stems(text) for text in texts]
        self.cuts = [_Weights(stems, ignore, cut) for cut in (5, 6)]

    def score(self, plan: int, other: int) -> float:
        return max(weights.score(plan, other) for weights in self.cuts)


class _Weights:
    """TF-IDF weights of texts' stems cut to one length."""

    def __init__(self, stems: list[list[str]], ignore: frozenset[str], cut: int) -> None:
        ignored = {stem[:cut] for stem in ignore}
        bags = [Counter(t[:cut] for t in text if t[:cut] not in ignored) for text in stems]
        frequency: Counter[str] = Counter()
        for bag in bags:
            frequency.update(bag.keys())
        idf = {stem: math.log(len(stems) / n) for stem, n in frequency.items()}
        self.vectors = [
            {t: (1.0 + math.log(n)) * idf[t] for t, n in bag.items() if idf[t]} for bag in bags
        ]
        self.norms = [math.sqrt(sum(w * w for w in v.values())) for v in self.vectors]

    def score(self, plan: int, other: int) -> float:
        mine, theirs = self.vectors[plan], self.vectors[other]
        shared = [t for t in mine if t in theirs]
        if not shared:
            return 0.0
        cosine = sum(mine[t] * theirs[t] for t in shared) / (self.norms[plan] * self.norms[other])
        return max(cosine, sum(mine[t] for t in shared) / sum(mine.values()))


class _Texts:
    """The items of a pair of reports being built, scored against their plans."""

    def __init__(
        self, report_2013: dict[str, Any], report_2014: dict[str, Any], ignore: frozenset[str]
    ) -> None:
        self.earlier = [item for section in _sections(report_2013) for item in section.items]
        self.places = [
            (int(key.rsplit("-", 1)[1]), section, item)
            for key, goals in report_2014.items()
            for sections in goals.values()
            for section in sections.values()
            for item in section.items
        ]
        # The texts without their timeframes, as galint's matcher reads them.
        texts = [item.body for item in self.earlier] + [item.body for _, _, item in self.places]
        self.scorer = _Scorer(texts, ignore)

    def near(self, plan: Plan) -> list[tuple[Section, Item]] | None:
        """The 2014 items to leave out for ``plan`` to vanish unseen; None if it cannot.

        It cannot when a report on another plan comes near it, or when a section would be
        left empty.
        """
        mine = next(n for n, item in enumerate(self.earlier) if item is plan.item)
        drop: list[tuple[Section, Item]] = []
        for n, (target, section, item) in enumerate(self.places, start=len(self.earlier)):
            if item is plan.report:
                drop.append((section, item))
                continue
            bonus = SAME_TARGET if target == plan.target else 0.0
            if self.scorer.score(mine, n) + bonus < GUARD:
                continue
            if item.role == "report":
                return None
            drop.append((section, item))
        for section in {id(s): s for s, _ in drop}.values():
            if all(any(item is d for _, d in drop) for item in section.items):
                return None
        return drop


# --- one country -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Phrase:
    """An action as one country words it: who, with which verb, what, and any detail."""

    action: Action
    actor: str
    verb: Verb
    what: str
    detail: str


class _Writer:
    """Builds one country's pair of reports from its own random generator."""

    def __init__(self, where: Country, seed: int, link_fraction: float) -> None:
        self.country = where
        self.rng = rng = random.Random(f"galint-corpus:{seed}:{where.index}")
        self.link_fraction = link_fraction
        # plain: texts with timeframes in brackets, ";" between items (like Montenegro);
        # mapped: plans with ids and timeframe fields, reports with a status (like Arcadia).
        self.style = rng.choice(("plain", "plain", "mapped", "mixed"))
        self.actors = {
            key: rng.choice(names).format(country=where.name, code=where.code)
            for key, names in ACTORS.items()
        }
        self.actors["country"] = ("the " if _WITH_THE.search(where.name) else "") + where.name
        self.forms = rng.sample(("future", "future", "imperative", "gerund", "passive"), 3)
        # galint's matcher ignores the country's name (not its code: "CERT-LU" counts).
        self.ignore = frozenset(_stems(where.name))
        self.submitted_2013 = datetime.date(2013, 6, 15) + datetime.timedelta(rng.randrange(100))
        self.submitted_2014 = datetime.date(2014, 5, 1) + datetime.timedelta(rng.randrange(90))
        # About a third of the countries are clean; the others have one to three kinds of defect.
        if rng.random() < 1 / 3:
            self.kinds: list[str] = []
        else:
            self.kinds = [k for k in RULES if rng.random() < 0.5] or [rng.choice(RULES)]

    # -- words

    def _phrase(self, action: Action, target: int) -> _Phrase:
        rng = self.rng
        actor = self.actors[rng.choice(action.actors)]
        if rng.random() < 0.12:
            actor = self.actors["country"]
        number = rng.choice((20, 30, 40, 45, 60, 80, 120, 150, 200, 300, 500))
        what = action.what.format(n=number, **self.actors)
        detail = ""
        if rng.random() < 0.5:
            detail = ", " + rng.choice(DETAILS[target]).format(**self.actors)
            if actor.lower() in detail.lower() or detail[2:].lower() in what.lower():
                detail = ""
        return _Phrase(action, actor, VERBS[rng.choice(action.verbs)], what, detail)

    def _plan_text(self, p: _Phrase) -> str:
        """A plan, in one of the country's ways of writing plans."""
        form = self.rng.choice(self.forms)
        if form == "passive" and not p.verb.passive:
            form = "future"
        if form == "future":
            return _cap(f"{p.actor} will {p.verb.base} {p.what}{p.detail}")
        if form == "imperative":
            return _cap(f"{p.verb.base} {p.what}{p.detail}")
        if form == "gerund":
            return _cap(f"{p.verb.gerund} {p.what}{p.detail}")
        return _cap(f"{p.what} will be {p.verb.participle} by {p.actor}{p.detail}")

    def _report_text(self, p: _Phrase, status: str) -> str:
        """An A) item on a plan, in the past tense; ends on a later timeframe unless done."""
        rng = self.rng
        if status == "done":
            tail = rng.choice(DONE_TAILS)
            if p.verb.passive and rng.random() < 0.4:
                was = "were" if p.action.plural else "was"
                month = rng.choice(MONTHS[:6])
                return _cap(
                    f"{p.what} {was} {p.verb.participle} by {p.actor}{p.detail} in "
                    f"{month} 2014{tail}"
                )
            return _cap(f"{p.actor} {p.verb.past} {p.what}{p.detail} in {self._month()}{tail}")
        later = rng.choice(LATER)
        if status == "in-progress":
            return _cap(
                f"{p.actor} started to {p.verb.base} {p.what}{p.detail}; the work will "
                f"be completed {later}"
            )
        if status == "delayed":
            reason = rng.choice(DELAY_REASONS)
            return _cap(
                f"{p.actor} has not yet {p.verb.participle} {p.what}{p.detail}: the work "
                f"was delayed by {reason} and will be finished {later}"
            )
        return _cap(
            f"{p.actor} continued work to {p.verb.base} {p.what}{p.detail} on a continuous basis"
        )

    def _month(self) -> str:
        """A month between the two reports."""
        if self.rng.random() < 0.4:
            return f"{self.rng.choice(MONTHS[8:])} 2013"
        return f"{self.rng.choice(MONTHS[:6])} 2014"

    def _timeframe(self, pool: Sequence[tuple[str, str]]) -> tuple[str, str]:
        rng = self.rng
        if self.style == "plain":
            pool = [p for p in pool if p[1] != "field"]
        elif self.style == "mapped":
            pool = [p for p in pool if p[1] == "field" or rng.random() < 0.3]
        return rng.choice(pool)

    def _mapped(self) -> bool:
        return self.style == "mapped" or (self.style == "mixed" and self.rng.random() < 0.4)

    def _plan(self, text: str, pool: Sequence[tuple[str, str]]) -> Item:
        timeframe, place = self._timeframe(pool)
        mapping = self._mapped() or place == "field"
        return Item(text, timeframe, place, role="plan", mapping=mapping)

    # -- the reports

    def build(self) -> tuple[dict[str, Any], dict[str, Any], list[Plan], list[tuple[str, Item]]]:
        """Both reports (targets -> sections), the vanished plans, and every plan item."""
        rng = self.rng
        plans: list[Plan] = []
        pools: dict[int, list[Action]] = {}
        for target in range(1, 5):
            pool = list(ACTIONS[target])
            rng.shuffle(pool)
            count = rng.randint(2, 6)
            for number, action in enumerate(pool[:count], start=1):
                phrase = self._phrase(action, target)
                plan = Plan(
                    target, number, action, self._plan(self._plan_text(phrase), TIMEFRAMES_2013)
                )
                status = (
                    "done"
                    if rng.random() < 0.6
                    else rng.choice(("in-progress", "delayed", "ongoing"))
                )
                plan.report = Item(self._report_text(phrase, status), status=status, role="report")
                plan.phrase = phrase
                plans.append(plan)
            pools[target] = pool[count:]

        report_2013: dict[str, Any] = {}
        report_2014: dict[str, Any] = {}
        for target in range(1, 5):
            mine = [p for p in plans if p.target == target]
            for p in mine:
                p.item.id = p.ref if p.item.mapping else None
            pool = pools[target]
            goals: dict[str, Any] = {}
            for goal in (1,) if target == 1 else (1, 2):
                reported = [
                    p
                    for p in mine
                    if p.report is not None and (target == 1 or p.action.goal == goal)
                ]
                goals[f"goal-{goal}"] = {
                    "implementation": self._implementation(reported, pool, target, goal),
                    "assessment": self._assessment(target, goal),
                    "follow-up": self._follow_up(reported, pool, target, goal),
                }
            report_2013[f"policy-target-{target}"] = {
                "undertaken": self._undertaken(pool, target),
                "planned": Section("planned", [p.item for p in mine]),
            }
            report_2014[f"policy-target-{target}"] = goals
        vanished = []
        if RULE_FOLLOW_UP in self.kinds:
            vanished = self._vanish(plans, report_2013, report_2014)
        plan_items: list[tuple[str, Item]] = [("2013", p.item) for p in plans]
        for key, goals in report_2014.items():
            for goal, sections in goals.items():
                ref = f"{key.rsplit('-', 1)[1]}.{goal.rsplit('-', 1)[1]}"
                for number, item in enumerate(sections["follow-up"].items, start=1):
                    item.id = f"{ref}.{number}" if item.mapping else None
                    plan_items.append(("2014", item))
        return report_2013, report_2014, vanished, plan_items

    def _vanish(
        self, plans: list[Plan], report_2013: dict[str, Any], report_2014: dict[str, Any]
    ) -> list[Plan]:
        """Leave one or two plans out of the 2014 report, where nothing else recalls them.

        Only plans not due before the 2014 report is submitted (galint would also find an
        unmentioned plan overdue), and only where the plan's section A keeps an item and no
        report on another plan comes near it; B) and C) items that come near are left out.
        """
        wanted = self.rng.choice((1, 1, 2))
        candidates = [p for p in plans if _not_due(p.item.timeframe)]
        self.rng.shuffle(candidates)
        chosen: list[Plan] = []
        texts = _Texts(report_2013, report_2014, self.ignore)
        for plan in candidates:
            if len(chosen) == wanted:
                break
            dropped = texts.near(plan)
            if dropped is not None:
                for section, item in dropped:
                    section.items.remove(item)
                chosen.append(plan)
                texts = _Texts(report_2013, report_2014, self.ignore)
        # Leaving items out changes the weights a little: look again.
        for plan in chosen:
            dropped = texts.near(plan)
            if dropped:
                for section, item in dropped:
                    section.items.remove(item)
                texts = _Texts(report_2013, report_2014, self.ignore)
        for plan in chosen:
            plan.report = None
        return chosen

    def _draw(
        self,
        pool: list[Action],
        goal: int | None,
        count: int,
        target: int,
        make: Callable[[_Phrase], Item],
    ) -> list[Item]:
        """Items on up to ``count`` unused actions of the goal (any goal if None)."""
        taken = [a for a in pool if goal is None or a.goal == goal][:count]
        for action in taken:
            pool.remove(action)
        return [make(self._phrase(action, target)) for action in taken]

    def _implementation(
        self, reported: list[Plan], pool: list[Action], target: int, goal: int
    ) -> Section:
        rng = self.rng
        section = Section("implementation")
        for plan in reported:
            item = plan.report
            assert item is not None
            if self.style == "mapped":
                item.mapping = True
                item.status = item.status if rng.random() < 0.8 else None
            elif self.style == "mixed" and rng.random() < 0.4:
                item.mapping = True
                item.status = item.status if rng.random() < 0.5 else None
            else:
                item.status = None
            if self.link_fraction and rng.random() < self.link_fraction:
                item.mapping = True
                item.follows = plan.ref
            section.items.append(item)
        if not section.items:
            # Nothing was planned under this goal: other measures, as real reports give.
            def other(p: _Phrase) -> Item:
                return Item(f"In addition, {p.actor} {p.verb.past} {p.what}{p.detail} in "
                            f"{self._month()}")  # fmt: skip

            section.items = self._draw(pool, goal, rng.randint(1, 2), target, other)
        if not section.items:
            section.items.append(Item("No measures were announced under this goal in the 2013 "
                                      "report, and none were taken"))  # fmt: skip
        return section

    def _assessment(self, target: int, goal: int) -> Section:
        rng = self.rng
        texts = list(ASSESSMENTS[(target, goal)])
        rng.shuffle(texts)
        numbers = {
            "a": rng.randint(3, 40),
            "b": rng.randint(41, 90),
            "c": rng.randint(200, 900),
            "m": rng.randint(5, 11),
            "p": rng.randint(20, 45),
            "q": rng.randint(55, 95),
            "s": rng.randint(2, 9),
        }
        items = [Item(text.format(**numbers).removesuffix(".")) for text in texts]
        return Section("assessment", items[: rng.randint(2, 4)])

    def _follow_up(
        self, reported: list[Plan], pool: list[Action], target: int, goal: int
    ) -> Section:
        rng = self.rng

        def new(p: _Phrase) -> Item:
            return self._plan(self._plan_text(p), TIMEFRAMES_2014)

        section = Section("follow-up", self._draw(pool, goal, rng.randint(2, 5), target, new))
        # Plans carried on, as real reports do ("Continue conducting ... (during 2014)").
        for plan in reported:
            if plan.phrase is not None and rng.random() < 0.15:
                text = f"Continue {plan.phrase.verb.gerund} {plan.phrase.what}"
                section.items.append(self._plan(text, TIMEFRAMES_2014))
        if not section.items:
            section.items.append(self._plan(rng.choice(FALLBACK_FOLLOW_UPS), TIMEFRAMES_2014))
        return section

    def _undertaken(self, pool: list[Action], target: int) -> Section:
        rng = self.rng

        def done(p: _Phrase) -> Item:
            year = rng.choice(("2012", "2013"))
            month = rng.choice(MONTHS[:6] if year == "2013" else MONTHS)
            tail = rng.choice(DONE_TAILS)
            return Item(_cap(f"{p.actor} {p.verb.past} {p.what}{p.detail} in {month} {year}{tail}"))

        items = self._draw(pool, None, rng.randint(2, 6), target, done)
        return Section("undertaken", items)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _not_due(timeframe: str | None) -> bool:
    """Whether a plan is still running after every 2014 submission (never overdue then)."""
    if timeframe is None:
        return True
    read = parse(timeframe)
    return read.kind == "continuous" or (
        read.kind == "interval" and (read.end is None or read.end > LAST_SUBMISSION)
    )


# --- defects -------------------------------------------------------------------------------

# How an empty section is written: inline "/", "N/A" or "-", nothing (null), an empty list, or
# a list holding only "/" (not in plan sections, where "/" would also be a plan without a
# timeframe).
PLACEHOLDERS = ("/", "/", "/", "N/A", "'-'", "null", "[]", "- /")


@dataclass(slots=True)
class _Injected:
    """A defect put in a country's reports, before its line is known."""

    rule: str
    year: str
    section: Section | None = None
    item: Item | None = None
    plan: Plan | None = None
    where: str = ""


def _inject(
    writer: _Writer,
    report_2013: dict[str, Any],
    report_2014: dict[str, Any],
    vanished: list[Plan],
    years: tuple[str, ...],
) -> list[_Injected]:
    """Empty some sections and drop some timeframes, as the country's generator says."""
    rng = writer.rng
    out = [_Injected(RULE_FOLLOW_UP, "2014", plan=plan) for plan in vanished]
    if RULE_EMPTY in writer.kinds:
        eligible: list[tuple[str, str, Section]] = []
        for target, sections in report_2013.items():
            eligible.append(("2013", f"{target} > undertaken", sections["undertaken"]))
        for target, goals in report_2014.items() if "2014" in years else ():
            for goal, sections in goals.items():
                for key, section in sections.items():
                    # Section A is emptied only where it reports on no plan: emptying it would
                    # make those plans vanish too.
                    if key != "implementation" or all(i.role != "report" for i in section.items):
                        eligible.append(("2014", f"{target} > {goal} > {key}", section))
        for year, where, section in rng.sample(eligible, rng.choice((1, 1, 2))):
            form = rng.choice(PLACEHOLDERS)
            if section.key == "follow-up" and form == "- /":
                form = "/"
            section.placeholder = form
            section.items = []
            out.append(_Injected(RULE_EMPTY, year, section=section, where=where))
    if RULE_TIMEFRAME in writer.kinds:
        dropped = {id(p.item) for p in vanished}
        items: list[tuple[str, str, Item]] = []
        for target, sections in report_2013.items():
            for item in sections["planned"].items:
                if id(item) not in dropped:
                    items.append(("2013", f"{target} > planned", item))
        for target, goals in report_2014.items() if "2014" in years else ():
            for goal, sections in goals.items():
                for item in sections["follow-up"].items:
                    items.append(("2014", f"{target} > {goal} > follow-up", item))
        for year, where, item in rng.sample(items, min(len(items), rng.choice((1, 1, 2, 3)))):
            item.timeframe = None
            out.append(_Injected(RULE_TIMEFRAME, year, item=item, where=where))
    return out


# --- writing YAML --------------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z0-9(\u00c0-\u024f][^\n\t]*[^\s:]")
_NOT_TEXT = re.compile(r"[-+.0-9eE_:]*|true|false|yes|no|on|off|null|~", re.IGNORECASE)
TARGET_COMMENTS = {
    1: "victim identification, assistance, support and protection",
    2: "investigation of child sexual abuse online and prosecution of offenders",
    3: "public awareness of the risks of children's activities online",
    4: "availability of child sexual abuse material online and re-victimization",
}
SECTION_COMMENTS = {
    "implementation": "# A) implementation of the measures announced in 2013",
    "assessment": "# B) assessment of progress",
    "follow-up": "# C) follow-up",
}


def scalar(text: str) -> str:
    """A text as a YAML scalar that every YAML reader reads back as that text."""
    if (
        _PLAIN.fullmatch(text)
        and ": " not in text
        and " #" not in text
        and not _NOT_TEXT.fullmatch(text)
    ):
        return text
    return "'" + text.replace("'", "''") + "'"


class _Lines:
    """A file being written, line by line."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> int:
        """Append a line; its 1-based number."""
        self.lines.append(line)
        return len(self.lines)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _section(out: _Lines, indent: str, section: Section, punctuate: str) -> None:
    """Write a section; sets its lines and its items'."""
    form = section.placeholder
    if form is not None:
        if form == "null":
            section.key_line = section.finding_line = out.add(f"{indent}{section.key}:")
        elif form == "- /":
            section.key_line = out.add(f"{indent}{section.key}:")
            section.finding_line = out.add(f"{indent}  - /")
        else:
            section.key_line = section.finding_line = out.add(f"{indent}{section.key}: {form}")
        return
    section.key_line = section.finding_line = out.add(f"{indent}{section.key}:")
    last = len(section.items) - 1
    for n, item in enumerate(section.items):
        if punctuate == "semicolons" and not item.mapping:
            item.end = "." if n == last else ";"
        text = item.text()
        if not item.mapping:
            item.line = out.add(f"{indent}  - {scalar(text)}")
            continue
        fields: list[tuple[str, str]] = []
        if item.id is not None:
            fields.append(("id", f'"{item.id}"'))
        fields.append(("text", scalar(text)))
        if item.field_timeframe() is not None:
            tf = item.timeframe or ""
            fields.append(("timeframe", f'"{tf}"' if tf.isdigit() else scalar(tf)))
        if item.follows is not None:
            fields.append(("follows", f'"{item.follows}"'))
        if item.status is not None:
            fields.append(("status", item.status))
        for k, (key, value) in enumerate(fields):
            line = out.add(f"{indent}  {'- ' if k == 0 else '  '}{key}: {value}")
            if key == "text":
                item.line = line


def _write(
    where: Country,
    year: str,
    submitted: datetime.date,
    targets: dict[str, Any],
    punctuation: dict[int, str],
) -> str:
    """One report as YAML; sets the lines of its sections and items."""
    out = _Lines()
    out.add(f"form: global-alliance/{year}")
    out.add("country:")
    out.add(f"  code: {where.code}")
    out.add(f"  name: {scalar(where.name)}")
    out.add(f"submitted: {submitted.isoformat()}")
    if year == "2014":
        out.add("previous: 2013.yaml")
    for number, (key, value) in enumerate(targets.items(), start=1):
        out.add("")
        out.add(f"# Policy target {number}: {TARGET_COMMENTS[number]}")
        out.add(f"{key}:")
        if year == "2013":
            for section in value.values():
                _section(out, "  ", section, punctuation[id(section)])
            continue
        for goal, sections in value.items():
            out.add(f"  {goal}:")
            for section in sections.values():
                out.add(f"    {SECTION_COMMENTS[section.key]}")
                _section(out, "    ", section, punctuation[id(section)])
    return out.text()


# --- checks on what is written -------------------------------------------------------------


class CorpusError(Exception):
    """The generator wrote something galint would not read as intended (a bug here)."""


def _same(a: Timeframe, b: Timeframe) -> bool:
    return (a.kind, a.start, a.end) == (b.kind, b.start, b.end)


def _check_item(item: Item, year: str) -> None:
    """A plan's timeframe reads as written; a plan without one reads as having none."""
    text = item.text()
    found = extract(text)
    if item.role == "report" and item.status in ("in-progress", "delayed", "ongoing"):
        if not (found.kind == "continuous" or (found.end and found.end > LAST_SUBMISSION)):
            raise CorpusError(f"report {text!r} does not end on a later timeframe: {found}")
        return
    if item.role != "plan":
        return
    if item.timeframe is None or item.place == "field":
        if found.kind != "none":
            raise CorpusError(f"{text!r}: unexpected timeframe {found.matched!r} in the text")
        if item.timeframe is None:
            return
        found = parse(item.timeframe)
    elif not _same(found, parse(item.timeframe)):
        raise CorpusError(f"{text!r}: read as {found} instead of {item.timeframe!r}")
    if found.kind not in ("interval", "continuous"):
        raise CorpusError(f"{text!r}: timeframe {item.timeframe!r} reads as {found.kind}")
    if found.end is not None and found.end < datetime.date(int(year), 1, 1):
        raise CorpusError(f"{text!r}: timeframe {item.timeframe!r} ended before {year}")


# --- the corpus ----------------------------------------------------------------------------


def _sections(report: dict[str, Any]) -> Iterator[Section]:
    """Every section of a report built by ``_Writer.build``, in order."""
    for target in report.values():
        for value in target.values():
            if isinstance(value, Section):
                yield value
            else:
                yield from value.values()


def country_reports(
    index: int, seed: int = 0, reports_per_country: int = 2, link_fraction: float = 0.0
) -> tuple[CountryEntry, dict[str, str]]:
    """One country's reports (file name -> YAML) and its manifest entry."""
    where = country(index)
    writer = _Writer(where, seed, link_fraction)
    years = ("2013", "2014")[:reports_per_country]
    if "2014" not in years:
        writer.kinds = [k for k in writer.kinds if k != RULE_FOLLOW_UP]
    report_2013, report_2014, vanished, plan_items = writer.build()
    injected = _inject(writer, report_2013, report_2014, vanished, years)
    # Items end with ";" and the last with "." (as in Montenegro's reports), or all with ".".
    punctuation: dict[int, str] = {}
    for section in [*_sections(report_2013), *_sections(report_2014)]:
        plain = writer.style == "plain" or (writer.style == "mixed" and writer.rng.random() < 0.5)
        punctuation[id(section)] = "semicolons" if plain else "full stops"
    files = {"2013.yaml": _write(where, "2013", writer.submitted_2013, report_2013, punctuation)}
    if "2014" in years:
        files["2014.yaml"] = _write(where, "2014", writer.submitted_2014, report_2014, punctuation)
    for year, item in plan_items:
        if year in years:
            _check_item(item, year)
    for value in report_2014.values() if "2014" in years else ():
        for sections in value.values():
            for item in sections["implementation"].items:
                _check_item(item, "2014")

    defects = []
    for found in injected:
        file = f"{where.folder}/{found.year}.yaml"
        if found.rule == RULE_EMPTY and found.section is not None:
            defects.append(
                Defect(
                    "empty-section",
                    RULE_EMPTY,
                    file,
                    found.section.finding_line,
                    found.where,
                    f"answered {found.section.placeholder}",
                )
            )
        elif found.rule == RULE_TIMEFRAME and found.item is not None:
            kind = "planned action" if found.year == "2013" else "follow-up action"
            defects.append(
                Defect(
                    "missing-timeframe",
                    RULE_TIMEFRAME,
                    file,
                    found.item.line,
                    found.where,
                    f"{kind} without a timeframe",
                )
            )
        elif found.plan is not None:
            plan = found.plan
            key = f"policy-target-{plan.target}"
            section = report_2014[key]["goal-1"]["implementation"]
            defects.append(
                Defect(
                    "vanished-plan",
                    RULE_FOLLOW_UP,
                    file,
                    section.key_line,
                    f"{key} > goal-1 > implementation",
                    f"plan {plan.ref} is not mentioned in the 2014 report",
                    plan=plan.ref,
                    target=plan.target,
                    plan_file=f"{where.folder}/2013.yaml",
                    plan_line=plan.item.line,
                )
            )
    defects.sort(key=lambda d: (d.file, d.line, d.rule))
    entry = CountryEntry(
        where.folder, where.code, where.name, [f"{where.folder}/{name}" for name in files], defects
    )
    return entry, files


def generate(
    out_dir: Path,
    countries: int,
    seed: int = 0,
    reports_per_country: int = 2,
    link_fraction: float = 0.0,
) -> Manifest:
    """Write ``countries`` countries' reports and manifest.json under ``out_dir``."""
    if reports_per_country not in (1, 2):
        raise ValueError("reports_per_country is 1 (2013) or 2 (2013 and 2014)")
    out_dir = Path(out_dir)
    manifest = Manifest(seed, link_fraction, [])
    for index in range(countries):
        entry, files = country_reports(index, seed, reports_per_country, link_fraction)
        folder = out_dir / entry.folder
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            data = text.encode("utf-8")
            (folder / name).write_bytes(data)
            manifest.bytes += len(data)
        manifest.countries.append(entry)
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(manifest.to_json(), indent=1, ensure_ascii=False) + "\n"
    (out_dir / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


Key = tuple[str, str, int]  # (file relative to the corpus, rule, line)


@dataclass(slots=True)
class Comparison:
    """galint's findings on a corpus against the manifest's, counted per (file, rule, line)."""

    rules: tuple[str, ...]  # the manifest's rules that galint has
    expected: Counter[Key]
    found: Counter[Key]

    def rows(self) -> list[tuple[str, int, int, int, int]]:
        """Per rule: expected, found, missed (expected, not found) and unexpected findings."""
        rules = sorted({r for _, r, _ in self.found} | set(self.rules))
        rows = []
        for rule in rules:
            want = Counter({k: n for k, n in self.expected.items() if k[1] == rule})
            got = Counter({k: n for k, n in self.found.items() if k[1] == rule})
            missed, extra = want - got, got - want
            rows.append((rule, want.total(), got.total(), missed.total(), extra.total()))
        return rows

    @property
    def exact(self) -> bool:
        return self.expected == self.found

    def differences(self) -> list[tuple[str, Key]]:
        """("missed" or "unexpected", finding), in file order."""
        missed = [("missed", k) for k in (self.expected - self.found).elements()]
        extra = [("unexpected", k) for k in (self.found - self.expected).elements()]
        return sorted(missed + extra, key=lambda d: (d[1], d[0]))


def compare(out_dir: Path, manifest: Manifest) -> Comparison:
    """Run galint (every rule it has) over the corpus and compare with the manifest."""
    from galint.io.discover import candidates
    from galint.pipeline.engine import Selection, run
    from galint.rules import all_rules

    rules = all_rules()
    known = tuple(r for r in RULES if any(rule.slug == r for rule in rules))
    results = run(candidates([str(out_dir)]), Selection.of(rules))
    found = Counter(
        (Path(os.path.relpath(f.file, out_dir)).as_posix(), f.rule, f.line)
        for result in results
        for f in result.findings
    )
    return Comparison(known, manifest.expected_counts(known), found)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("out_dir", type=Path, help="where to write (best empty)")
    parser.add_argument("--countries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reports-per-country", type=int, choices=(1, 2), default=2)
    parser.add_argument(
        "--link-fraction",
        type=float,
        default=0.0,
        help="share of 2014 A) items linked to their plan with follows:",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="run galint on the corpus and compare with the manifest",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    manifest = generate(
        args.out_dir, args.countries, args.seed, args.reports_per_country, args.link_fraction
    )
    took = time.perf_counter() - start
    reports = manifest.reports
    print(
        f"{reports} reports of {len(manifest.countries)} countries "
        f"({sum(c.clean for c in manifest.countries)} clean) in {args.out_dir}: "
        f"{manifest.bytes / 1e6:.1f} MB, {manifest.bytes / max(reports, 1) / 1024:.1f} KiB "
        f"a report on average, written in {took:.2f} s"
    )
    if not args.check:
        return 0
    start = time.perf_counter()
    result = compare(args.out_dir, manifest)
    took = time.perf_counter() - start
    print(f"galint checked them in {took:.2f} s")
    print(f"{'rule':<22}{'expected':>9}{'found':>7}{'missed':>8}{'unexpected':>12}")
    for rule, want, got, missed, extra in result.rows():
        print(f"{rule:<22}{want:>9}{got:>7}{missed:>8}{extra:>12}")
    for which, (file, rule, line) in result.differences()[:20]:
        print(f"  {which}: {file}:{line} [{rule}]")
    return 0 if result.exact else 1


if __name__ == "__main__":
    sys.exit(main())

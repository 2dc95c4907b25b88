"""The words of computer players' reasons, per language.

Kept beside the players so the wording and the logic that picks it change together. Most
phrases come in several wordings that mean the same: a table that reads "X should come down"
in every line for twelve turns stops being read, so a reason picks one by its moment (turn,
role, order; see ``reasons.variant``), never at random. The heads that name the order or term
("{action}: ") stay one wording, since screens cut them off to show the rest. The interface
catalog (``game/locale/<lang>.json``) may override a phrase, all its wordings at once, under
``ai.<key>``. Spanish is impersonal (no tú, no vosotros), and a track's name is the subject of
its clause, so no article or adjective has to agree with a name of either gender.
"""

from __future__ import annotations

from typing import Any

from game.i18n import DEFAULT_LANGUAGE, catalog, language

Wordings = str | tuple[str, ...]

PHRASES: dict[str, dict[str, Wordings]] = {
    "en": {
        "order": "{action}: {why}",
        "propose": "Proposes {term} to {to}: {why}",
        "accept": "Accepts {term}: {why}",
        "reject": "Rejects {term}: {why}",
        "hold": (
            "Holds back this turn: no order available is worth its cost",
            "Gives no order this turn: nothing on offer is worth what it costs",
            "Passes this turn: no available order repays its cost",
        ),
        "random": "a random choice (the random player has no judgement)",
        "why.rising": (
            "{track} is rising ({value}, {delta:+d})",
            "{track} has climbed to {value} ({delta:+d})",
            "{track} went up lately ({value}, {delta:+d})",
        ),
        "why.falling": (
            "{track} is falling ({value}, {delta:+d})",
            "{track} has slipped to {value} ({delta:+d})",
            "{track} went down lately ({value}, {delta:+d})",
        ),
        "why.high": (
            "{track} is high ({value})",
            "{track} stands high at {value}",
            "{track} is too high at {value}",
        ),
        "why.low": (
            "{track} is low ({value})",
            "{track} stands low at {value}",
            "{track} is too low at {value}",
        ),
        "why.lower": (
            "{track} should come down (now {value})",
            "{track} needs to come down (now {value})",
            "{track} would be better lower (now {value})",
        ),
        "why.raise": (
            "{track} should go up (now {value})",
            "{track} needs to go up (now {value})",
            "{track} would be better higher (now {value})",
        ),
        "why.keep_low": (
            "it keeps {track} low (now {value})",
            "{track} stays near its floor (now {value})",
            "it holds {track} down at {value}",
        ),
        "why.keep_high": (
            "it keeps {track} high (now {value})",
            "{track} stays near its ceiling (now {value})",
            "it holds {track} up at {value}",
        ),
        "why.cost.up": (
            "{track} would go up (now {value})",
            "it would push {track} up (now {value})",
            "{track} would rise from {value}",
        ),
        "why.cost.down": (
            "{track} would come down (now {value})",
            "it would pull {track} down (now {value})",
            "{track} would fall from {value}",
        ),
        "why.plan": (
            "it leads to better turns ahead",
            "it sets up better turns to come",
            "it pays off over the next turns",
        ),
        "why.bind": (
            "it would tie its hands for too little in return",
            "it asks too much for what it gives",
            "the commitment costs more than it brings",
        ),
        "odds": (
            "{why}; {pct}% chance of full success",
            "{why}; full success is {pct}% likely",
            "{why}; odds of full success {pct}%",
        ),
        "exposure": (
            "{why}; {pct}% risk of exposure",
            "{why}; {pct}% chance it comes to light",
            "{why}; exposure risk {pct}%",
        ),
        "why.distrust": (
            "{sender}'s promises cannot be relied on now (trust {value})",
            "{sender}'s word carries little weight now (trust {value})",
            "there is too little trust in {sender} now (trust {value})",
        ),
        "why.wary": (
            "{why}, though {sender}'s word is worth less now (trust {value})",
            "{why}, despite doubts about {sender} (trust {value})",
            "{why}, with less faith in {sender} than at the start (trust {value})",
        ),
    },
    "es": {
        "order": "{action}: {why}",
        "propose": "Propone {term} a {to}: {why}",
        "accept": "Acepta {term}: {why}",
        "reject": "Rechaza {term}: {why}",
        "hold": (
            "Se contiene este turno: ninguna orden disponible compensa su costo",
            "No da órdenes este turno: nada de lo disponible vale lo que cuesta",
            "Pasa este turno: ninguna orden disponible compensa lo que cuesta",
        ),
        "random": "una elección al azar (el jugador aleatorio no tiene criterio)",
        "why.rising": (
            "{track} va en aumento ({value}, {delta:+d})",
            "{track} ha subido a {value} ({delta:+d})",
            "{track} subió hace poco ({value}, {delta:+d})",
        ),
        "why.falling": (
            "{track} va a la baja ({value}, {delta:+d})",
            "{track} ha bajado a {value} ({delta:+d})",
            "{track} bajó hace poco ({value}, {delta:+d})",
        ),
        "why.high": (
            "{track} en nivel alto ({value})",
            "{track} se mantiene en un nivel alto ({value})",
            "{track} está en un nivel demasiado alto: {value}",
        ),
        "why.low": (
            "{track} en nivel bajo ({value})",
            "{track} se mantiene en un nivel bajo ({value})",
            "{track} está en un nivel demasiado bajo: {value}",
        ),
        "why.lower": (
            "{track} debe bajar (ahora {value})",
            "{track} tiene que reducirse (ahora {value})",
            "conviene que {track} baje (ahora {value})",
        ),
        "why.raise": (
            "{track} debe subir (ahora {value})",
            "{track} tiene que aumentar (ahora {value})",
            "conviene que {track} suba (ahora {value})",
        ),
        "why.keep_low": (
            "ayuda a que {track} siga en nivel bajo (ahora {value})",
            "{track} se mantiene cerca de su mínimo (ahora {value})",
            "con ello {track} sigue en {value}, cerca del mínimo",
        ),
        "why.keep_high": (
            "ayuda a que {track} siga en nivel alto (ahora {value})",
            "{track} se mantiene cerca de su máximo (ahora {value})",
            "con ello {track} sigue en {value}, cerca del máximo",
        ),
        "why.cost.up": (
            "{track} subiría (ahora {value})",
            "con ello {track} aumentaría (ahora {value})",
            "{track} subiría desde {value}",
        ),
        "why.cost.down": (
            "{track} bajaría (ahora {value})",
            "con ello {track} disminuiría (ahora {value})",
            "{track} bajaría desde {value}",
        ),
        "why.plan": (
            "prepara mejores turnos por venir",
            "sienta las bases de mejores turnos",
            "rinde frutos en los próximos turnos",
        ),
        "why.bind": (
            "le ataría las manos a cambio de muy poco",
            "exige demasiado para lo que ofrece",
            "el compromiso cuesta más de lo que aporta",
        ),
        "odds": (
            "{why}; {pct}% de probabilidad de éxito pleno",
            "{why}; éxito pleno con un {pct}% de probabilidad",
            "{why}; probabilidad de éxito pleno: {pct}%",
        ),
        "exposure": (
            "{why}; {pct}% de riesgo de ser descubierto",
            "{why}; {pct}% de probabilidad de que salga a la luz",
            "{why}; riesgo de exposición: {pct}%",
        ),
        "why.distrust": (
            "no se puede confiar ahora en las promesas de {sender} (confianza {value})",
            "la palabra de {sender} pesa poco ahora (confianza {value})",
            "hay muy poca confianza en {sender} ahora (confianza {value})",
        ),
        "why.wary": (
            "{why}, aunque la palabra de {sender} vale menos ahora (confianza {value})",
            "{why}, pese a las dudas sobre {sender} (confianza {value})",
            "{why}, con menos fe en {sender} que al principio (confianza {value})",
        ),
    },
}


def wordings(key: str, lang: str | None = None) -> tuple[str, ...]:
    """Every wording of a phrase in a language: the catalog's override, else this table's
    (English when a translation is missing)."""
    lang = lang or language()
    override = catalog(lang).get(f"ai.{key}")
    if isinstance(override, str):
        return (override,)
    found = PHRASES.get(lang, {}).get(key) or PHRASES[DEFAULT_LANGUAGE][key]
    return (found,) if isinstance(found, str) else found


def say(key: str, lang: str | None = None, pick: int = 0, **values: Any) -> str:
    """A reason phrase in the current language, formatted; ``pick`` chooses among its wordings
    (any whole number: it wraps round)."""
    options = wordings(key, lang)
    return options[pick % len(options)].format(**values)

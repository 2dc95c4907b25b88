"""The words of computer players' reasons, per language.

Kept beside the players so the wording and the logic that picks it change together. The
interface catalog (``game/locale/<lang>.json``) may override any of them under ``ai.<key>``.
"""

from __future__ import annotations

from typing import Any

from game.i18n import DEFAULT_LANGUAGE, catalog, language

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "order": "{action}: {why}",
        "propose": "Proposes {term} to {to}: {why}",
        "accept": "Accepts {term}: {why}",
        "reject": "Rejects {term}: {why}",
        "hold": "Holds back this turn: no order available is worth its cost",
        "random": "a random choice (the random player has no judgement)",
        "why.rising": "{track} is rising ({value}, {delta:+d})",
        "why.falling": "{track} is falling ({value}, {delta:+d})",
        "why.high": "{track} is high ({value})",
        "why.low": "{track} is low ({value})",
        "why.lower": "{track} should come down (now {value})",
        "why.raise": "{track} should go up (now {value})",
        "why.cost.up": "{track} would go up (now {value})",
        "why.cost.down": "{track} would come down (now {value})",
        "why.plan": "it leads to better turns ahead",
        "why.bind": "it would tie its hands for too little in return",
        "odds": "{why}; {pct}% chance of full success",
        "exposure": "{why}; {pct}% risk of exposure",
        "why.distrust": "{sender}'s promises cannot be relied on now (trust {value})",
        "why.wary": "{why}, though {sender}'s word is worth less now (trust {value})",
    },
    "es": {
        "order": "{action}: {why}",
        "propose": "Propone {term} a {to}: {why}",
        "accept": "Acepta {term}: {why}",
        "reject": "Rechaza {term}: {why}",
        "hold": "Se contiene este turno: ninguna orden disponible compensa su costo",
        "random": "una elección al azar (el jugador aleatorio no tiene criterio)",
        "why.rising": "{track} va en aumento ({value}, {delta:+d})",
        "why.falling": "{track} va a la baja ({value}, {delta:+d})",
        "why.high": "{track} en nivel alto ({value})",
        "why.low": "{track} en nivel bajo ({value})",
        "why.lower": "{track} debe bajar (ahora {value})",
        "why.raise": "{track} debe subir (ahora {value})",
        "why.cost.up": "{track} subiría (ahora {value})",
        "why.cost.down": "{track} bajaría (ahora {value})",
        "why.plan": "prepara mejores turnos por venir",
        "why.bind": "le ataría las manos a cambio de muy poco",
        "odds": "{why}; {pct}% de probabilidad de éxito pleno",
        "exposure": "{why}; {pct}% de riesgo de ser descubierto",
        "why.distrust": "no se puede confiar ahora en las promesas de {sender} (confianza {value})",
        "why.wary": "{why}, aunque la palabra de {sender} vale menos ahora (confianza {value})",
    },
}


def say(key: str, lang: str | None = None, **values: Any) -> str:
    """A reason phrase in the current language, formatted; English when a translation is missing."""
    lang = lang or language()
    template = (
        catalog(lang).get(f"ai.{key}") or PHRASES.get(lang, {}).get(key) or PHRASES[DEFAULT_LANGUAGE][key]
    )
    return template.format(**values)

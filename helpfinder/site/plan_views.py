"""The action plan's dashboard as plain data for the templates: actions by axis, counts by
status, funding, late actions."""

from __future__ import annotations

from helpfinder.analysis.index import SiteIndex
from helpfinder.core import display
from helpfinder.data import plan
from helpfinder.site.assessment_models import PlanAxis, PlanView


def plan_view(index: SiteIndex) -> PlanView:
    """The dashboard: actions by axis, counts by status, funding, late actions."""
    actions = index.directory.plan
    today = index.today

    def money(amount: float) -> str:
        return f"{display.integer(round(amount))} €"

    axes: list[PlanAxis] = []
    for axis in plan.axes(actions):
        axes.append(
            {
                "nom": axis.name,
                "statuts": axis.by_status(),
                "actions": [
                    {
                        "id": a.id,
                        "action": a.data.get("action", ""),
                        "description": a.data.get("description", ""),
                        "pilote": a.data.get("pilote", ""),
                        "partenaires": a.data.get("partenaires") or [],
                        "phase": a.data.get("phase", ""),
                        "echeance": display.date(a.data["echeance"])
                        if a.data.get("echeance")
                        else "",
                        "statut": a.data.get("statut", ""),
                        "en_retard": plan.is_late(a.data, today),
                        "financement": [
                            {
                                "financeur": line.get("financeur", ""),
                                "montant": money(line["montant"])
                                if line.get("montant") is not None
                                else "",
                                "etat": line.get("etat", ""),
                            }
                            for line in a.data.get("financement") or []
                        ],
                        "indicateurs": [
                            {
                                "indicateur": i.get("indicateur", ""),
                                "cible": i.get("cible", ""),
                                "valeur": i.get("valeur", ""),
                                "date": display.date(i["date"]) if i.get("date") else "",
                            }
                            for i in a.data.get("indicateurs") or []
                        ],
                        "source": a.data.get("source", ""),
                        "date_maj": display.date(a.data["date_maj"]),
                        "exemple": bool(a.data.get("exemple")),
                    }
                    for a in axis.actions
                ],
            }
        )
    totals = plan.funding_totals(actions)
    return {
        "statuts": list(plan.STATUSES),
        "axes": axes,
        "total": len(actions),
        "en_retard": sum(plan.is_late(a.data, today) for a in actions),
        "financement": [{"etat": state, "montant": money(v)} for state, v in totals.items()],
        "montants_connus": any(totals.values()),
        "exemples": sum(bool(a.data.get("exemple")) for a in actions),
        "date": display.date(today),
    }

"""What a page's template receives as `v`: the view of its page type, one of these shapes.
`pages.Entry` holds it; the templates read it by key (Jinja, with StrictUndefined)."""

from __future__ import annotations

from helpfinder.site.assessment_models import (
    BenchmarkView,
    DocumentView,
    MinutesView,
    PlanView,
    SurveyView,
)
from helpfinder.site.commune_models import (
    CommuneView,
    DepartementsView,
    DepartementView,
    DirectoryView,
    HomeView,
    PlacesListingView,
)
from helpfinder.site.contributor_models import FieldsView, NewsView, ProposerView, ToCheckView
from helpfinder.site.coverage_models import ActorsView, AssessmentView, CoverageView, PrioritiesView
from helpfinder.site.mapview import MapView
from helpfinder.site.models import PlaceView
from helpfinder.site.pathway_models import (
    OutcomeView,
    QuestionView,
    SheetView,
    StartView,
    TreeView,
)

View = (
    HomeView
    | DirectoryView
    | DepartementsView
    | DepartementView
    | PlacesListingView
    | CommuneView
    | PlaceView
    | StartView
    | QuestionView
    | OutcomeView
    | SheetView
    | TreeView
    | MapView
    | FieldsView
    | ToCheckView
    | AssessmentView
    | CoverageView
    | PrioritiesView
    | ActorsView
    | PlanView
    | SurveyView
    | MinutesView
    | BenchmarkView
    | DocumentView
    | ProposerView
    | NewsView
)

"""hipcore: from a runner's hip self-assessment to a corrective program.

Standard library only, so the same code runs in CPython and in Pyodide. The API in short:

    hipcore.assess(results, catalog=None) -> Prescription     # never raises for bad input
    hipcore.assess_json(text) -> text                         # the browser bridge
    python -m hipcore assess RESULTS.json [--json] | schema    # the command line

Everything public in the modules below is re-exported here (a test keeps it complete).
"""

from __future__ import annotations

from hipcore.api import (
    MAX_DEPTH,
    assess,
    assess_json,
    parse_results,
)
from hipcore.catalog import (
    CATALOG_VERSION,
    Index,
    check_references,
    default_catalog,
    index_for,
    load_catalog,
)
from hipcore.engine import (
    evaluate,
)
from hipcore.errors import (
    HipcoreError,
    InvalidDocument,
    Path,
    Problem,
    format_path,
)
from hipcore.model import (
    Assessment,
    Catalog,
    Compensation,
    Criterion,
    Dose,
    Equipment,
    EvidenceNote,
    Exercise,
    Finding,
    Id,
    Ladder,
    Measure,
    Norm,
    Origin,
    Policy,
    Quality,
    RedFlag,
    Region,
    Rule,
    Section,
    Side,
    Source,
    SourceRef,
    Text,
    Threshold,
    Unit,
)
from hipcore.prescription import (
    PRESCRIPTION_VERSION,
    Asymmetry,
    Evidence,
    FindingReport,
    InputProblem,
    LadderStep,
    Later,
    Outcome,
    Prescription,
    ProgramItem,
    Reassessment,
    Recheck,
    Referral,
    Severity,
    SideKey,
    SideReport,
    Status,
    TestReport,
    Why,
    Withheld,
)
from hipcore.results import (
    RESULTS_VERSION,
    AssessmentResult,
    Measurement,
    Pain,
    Results,
    SideResult,
)
from hipcore.schema import (
    results_schema,
    schema_for,
)
from hipcore.text import (
    dose_text,
    render_text,
)
from hipcore.validate import (
    check_results,
)

__all__ = [
    "CATALOG_VERSION",
    "MAX_DEPTH",
    "PRESCRIPTION_VERSION",
    "RESULTS_VERSION",
    "Assessment",
    "AssessmentResult",
    "Asymmetry",
    "Catalog",
    "Compensation",
    "Criterion",
    "Dose",
    "Equipment",
    "Evidence",
    "EvidenceNote",
    "Exercise",
    "Finding",
    "FindingReport",
    "HipcoreError",
    "Id",
    "Index",
    "InputProblem",
    "InvalidDocument",
    "Ladder",
    "LadderStep",
    "Later",
    "Measure",
    "Measurement",
    "Norm",
    "Origin",
    "Outcome",
    "Pain",
    "Path",
    "Policy",
    "Prescription",
    "Problem",
    "ProgramItem",
    "Quality",
    "Reassessment",
    "Recheck",
    "RedFlag",
    "Referral",
    "Region",
    "Results",
    "Rule",
    "Section",
    "Severity",
    "Side",
    "SideKey",
    "SideReport",
    "SideResult",
    "Source",
    "SourceRef",
    "Status",
    "TestReport",
    "Text",
    "Threshold",
    "Unit",
    "Why",
    "Withheld",
    "assess",
    "assess_json",
    "check_references",
    "check_results",
    "default_catalog",
    "dose_text",
    "evaluate",
    "format_path",
    "index_for",
    "load_catalog",
    "parse_results",
    "render_text",
    "results_schema",
    "schema_for",
]
__version__ = "0.1.0"

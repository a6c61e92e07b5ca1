"""hipcore: from a runner's hip self-assessment to a corrective program.

Standard library only, so the same code runs in CPython and in Pyodide.
"""

from hipcore.api import assess, assess_json, parse_results
from hipcore.catalog import default_catalog, load_catalog
from hipcore.errors import HipcoreError, InvalidDocument, Problem
from hipcore.model import Catalog
from hipcore.prescription import Prescription
from hipcore.results import Results

__all__ = [
    "Catalog",
    "HipcoreError",
    "InvalidDocument",
    "Prescription",
    "Problem",
    "Results",
    "assess",
    "assess_json",
    "default_catalog",
    "load_catalog",
    "parse_results",
]
__version__ = "0.1.0"

"""The prescription document: what the engine tells the runner. Versioned, deterministic JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hipcore.model import Dose, Quality, Side, SourceRef

__all__ = ["PRESCRIPTION_VERSION", "Finding", "Item", "Prescription", "Referral", "Why"]

PRESCRIPTION_VERSION = 1


@dataclass(frozen=True)
class Why:
    """The reason for an item, traced to the source sentence it rests on."""

    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class Finding:
    """A finding from the results, with its evidence."""

    id: str
    name: str
    sides: tuple[Side, ...]
    evidence: tuple[str, ...]
    why: Why


@dataclass(frozen=True)
class Item:
    """One exercise of the program, in order."""

    exercise: str
    name: str
    quality: Quality
    dose: Dose
    advance: str
    """The criterion to move up the ladder."""
    why: Why


@dataclass(frozen=True)
class Referral:
    """See a clinician, and why."""

    reason: str
    urgent: bool


@dataclass(frozen=True)
class Prescription:
    version: int
    status: Literal["program", "maintenance", "refer"]
    findings: tuple[Finding, ...]
    program: tuple[Item, ...]
    referrals: tuple[Referral, ...]
    not_done: tuple[str, ...]
    disclaimer: str

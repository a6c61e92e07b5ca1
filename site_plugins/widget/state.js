// The widget's state, pure: no DOM, no storage, no clock (dates are passed in). The form state is
// what the runner has typed (strings for numbers, so "12." survives); the results document is what
// the engine reads. Everything about tests (ids, sides, units, ranges, pain sites) is read from
// the catalog, so a new test or field in content/ needs no change here.
//
// A field is named `<test>.<side>.<part>[.<id>]`, or `prescreen.<flag>`; parts: measure, unit,
// criterion, compensation, could_not_perform, pain, pain_score, pain_where, discomfort.

import { fill } from "./words.js";
import { preferredUnit } from "./attributes.js";

/**
 * @typedef {{value: string, unit: string}} MeasureDraft
 * @typedef {object} SideDraft
 * @property {Record<string, MeasureDraft>} measures
 * @property {Record<string, boolean>} criteria
 * @property {string[]} compensations
 * @property {boolean} could_not_perform
 * @property {{present: boolean, score: string, where: string[]}} pain
 * @property {boolean} discomfort   results version 1 only
 * @typedef {{skipped: boolean, sides: Record<string, SideDraft>}} TestDraft
 * @typedef {object} FormState
 * @property {Record<string, boolean>} prescreen  flag id -> answered yes
 * @property {Record<string, TestDraft>} tests
 * @property {string} step   "prescreen", a test id, "review", "result" or "history"
 * @property {string} [record]  the history id of the run, once it was submitted
 */

/** @param {any} assessment @returns {string[]} */
export const sidesOf = (assessment) => (assessment.sided ? ["left", "right"] : ["both"]);

/** @param {any} catalog @param {string[]} tests @returns {any[]} */
export function selectedTests(catalog, tests) {
  return tests.length ? catalog.assessments.filter((/** @type {any} */ a) => tests.includes(a.id)) : catalog.assessments;
}

/** The results document version the catalog's engine reads. @param {any} catalog @returns {number} */
export const resultsVersion = (catalog) => catalog.results_version ?? 1;

/** @param {Date} [date] @returns {string} the local date, YYYY-MM-DD */
export function localDate(date = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** @returns {FormState} */
export const emptyState = () => ({ prescreen: {}, tests: {}, step: "prescreen" });

/** @returns {SideDraft} */
const emptySide = () => ({
  measures: {}, criteria: {}, compensations: [], could_not_perform: false,
  pain: { present: false, score: "", where: [] }, discomfort: false,
});

/** @param {FormState} state @param {string} test @param {string} side @returns {SideDraft} */
export function sideOf(state, test, side) {
  return state.tests[test]?.sides[side] ?? emptySide();
}

/**
 * A new state with one field set. `value`: a string for measure, unit and pain_score; a boolean
 * (or null to clear) for the rest; for compensation and pain_where, whether `id` is chosen.
 * @param {FormState} state @param {string} name @param {string | boolean | null} value
 * @returns {FormState}
 */
export function withField(state, name, value) {
  const next = structuredClone(state);
  const [test, side, part, id] = name.split(".");
  if (test === "prescreen") {
    if (value === null) delete next.prescreen[side];
    else next.prescreen[side] = value === true;
    return next;
  }
  const draft = (next.tests[test] ??= { skipped: false, sides: {} });
  draft.skipped = false;
  const s = (draft.sides[side] ??= emptySide());
  const toggle = (/** @type {string[]} */ list) => {
    const rest = list.filter((x) => x !== id);
    return value ? [...rest, id] : rest;
  };
  if (part === "measure") s.measures[id] = { unit: s.measures[id]?.unit ?? "", value: String(value ?? "") };
  else if (part === "unit") s.measures[id] = { value: s.measures[id]?.value ?? "", unit: String(value ?? "") };
  else if (part === "criterion") {
    if (value === null) delete s.criteria[id];
    else s.criteria[id] = value === true;
  } else if (part === "compensation") s.compensations = toggle(s.compensations);
  else if (part === "could_not_perform") s.could_not_perform = value === true;
  else if (part === "pain") s.pain.present = value === true;
  else if (part === "pain_score") s.pain.score = String(value ?? "");
  else if (part === "pain_where") s.pain.where = toggle(s.pain.where);
  else if (part === "discomfort") s.discomfort = value === true;
  else throw new Error(`unknown field ${name}`);
  return next;
}

/** @param {FormState} state @param {string} test @param {boolean} skipped @returns {FormState} */
export function withSkipped(state, test, skipped) {
  const next = structuredClone(state);
  (next.tests[test] ??= { skipped, sides: {} }).skipped = skipped;
  return next;
}

/** The value a field shows. @param {FormState} state @param {string} name @returns {any} */
export function fieldValue(state, name) {
  const [test, side, part, id] = name.split(".");
  if (test === "prescreen") return state.prescreen[side];
  const s = sideOf(state, test, side);
  /** @type {Record<string, () => unknown>} */
  const read = {
    measure: () => s.measures[id]?.value ?? "",
    unit: () => s.measures[id]?.unit ?? "",
    criterion: () => s.criteria[id],
    compensation: () => s.compensations.includes(id),
    could_not_perform: () => s.could_not_perform,
    pain: () => s.pain.present,
    pain_score: () => s.pain.score,
    pain_where: () => s.pain.where.includes(id),
    discomfort: () => s.discomfort,
  };
  return read[part]?.();
}

/**
 * The unit a measure's field shows: the draft's own; for a value typed before units were kept
 * with it, the measure's unit (what it meant then); for no value yet, the preferred unit.
 * @param {{unit: string, units: string[]}} measure @param {MeasureDraft | undefined} draft
 * @param {string[]} preferred  the `units` attribute's unit ids
 */
export function shownUnit(measure, draft, preferred) {
  if (draft?.unit) return draft.unit;
  return draft?.value.trim() ? measure.unit : preferredUnit(measure, preferred);
}

/** @param {any} catalog @param {FormState} state */
export const redFlagsRaised = (catalog, state) =>
  catalog.red_flags.filter((/** @type {any} */ f) => state.prescreen[f.id] === true);

/** @param {any} catalog @param {FormState} state */
export const prescreenDone = (catalog, state) =>
  catalog.red_flags.every((/** @type {any} */ f) => typeof state.prescreen[f.id] === "boolean");

/** @param {string} raw @returns {number | null} a finite number, or null */
function parseNumber(raw) {
  const text = String(raw).trim().replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Answers a side's draft holds but does not give, each the runner's to take back: the yes/no of a
 * question that stands in for a measurement they took (the measurement answers it), and every
 * measurement once they could not do the test. The engine refuses either pair as answers that
 * cannot both be true; the form asks only one of each (flow.js: syncSide) and sends what it asks.
 */
export const measuredInstead = (/** @type {any} */ criterion, /** @type {SideDraft} */ s) =>
  Boolean(criterion.instead_of) && !s.could_not_perform
  && parseNumber(s.measures[criterion.instead_of]?.value ?? "") !== null;

/** The measures a side asks for: none once the runner could not do the test. */
export const measuresAsked = (/** @type {any} */ a, /** @type {SideDraft} */ s) =>
  s.could_not_perform ? [] : a.measures;

const PER = /** @type {Record<string, number>} */ ({ "cm:in": 1 / 2.54, "in:cm": 2.54 });

/**
 * A typed value's problem, or null: not a number, or outside the measure's range in the unit it
 * was typed in (the engine refuses the same values).
 * @param {any} words the catalog's words @param {any} measure  a catalog measure @param {string} raw
 * @param {string} [unit]
 * @returns {string | null}
 */
export function checkMeasure(words, measure, raw, unit = measure.unit) {
  if (String(raw).trim() === "") return null;
  const n = parseNumber(raw);
  if (n === null) return words.widget.enter_number;
  const factor = unit === measure.unit ? 1 : PER[`${measure.unit}:${unit}`] ?? 1;
  // Told to a tenth, rounded inwards: never a value the engine would refuse.
  const min = Math.ceil(measure.minimum * factor * 10 - 1e-9) / 10;
  const max = Math.floor(measure.maximum * factor * 10 + 1e-9) / 10;
  const named = words.names.units[unit] ?? unit;
  if (n < min) return fill(words.widget.less_than, { min, unit: named });
  if (n > max) return fill(words.widget.more_than, { max, unit: named });
  return null;
}

/** @param {any} w the widget's words @param {string} raw @returns {string | null} */
export function checkPainScore(w, raw) {
  if (String(raw).trim() === "") return null;
  const n = parseNumber(raw);
  if (n === null || !Number.isInteger(n) || n < 0 || n > 10) return w.pain_score_range;
  return null;
}

/**
 * Every problem in the typed values, by field name.
 * @param {any} catalog @param {FormState} state @param {string[]} tests
 * @returns {Record<string, string>}
 */
export function problems(catalog, state, tests) {
  /** @type {Record<string, string>} */
  const found = {};
  for (const a of selectedTests(catalog, tests)) {
    for (const side of sidesOf(a)) {
      const s = sideOf(state, a.id, side);
      for (const m of measuresAsked(a, s)) {
        const d = s.measures[m.id];
        const problem = d && checkMeasure(catalog.words, m, d.value, d.unit || m.unit);
        if (problem) found[`${a.id}.${side}.measure.${m.id}`] = problem;
      }
      const pain = checkPainScore(catalog.words.widget, s.pain.score);
      if (s.pain.present && pain) found[`${a.id}.${side}.pain_score`] = pain;
    }
  }
  return found;
}

/**
 * The results document for the engine. Untouched sides and skipped tests are "not done", never
 * guessed; the version and the pain fields follow `catalog.results_version`.
 * @param {any} catalog @param {FormState} state @param {string[]} tests @param {string} today
 */
export function toResults(catalog, state, tests, today) {
  const version = resultsVersion(catalog);
  /** @type {Record<string, boolean>} */
  const prescreen = {};
  for (const flag of catalog.red_flags) prescreen[flag.id] = state.prescreen[flag.id] === true;
  const assessments = [];
  if (!redFlagsRaised(catalog, state).length) {
    for (const a of selectedTests(catalog, tests)) {
      if (state.tests[a.id]?.skipped) continue;
      /** @type {Record<string, any>} */
      const entry = { assessment: a.id };
      for (const side of sidesOf(a)) {
        const result = sideResult(a, sideOf(state, a.id, side), version);
        if (result) entry[side] = result;
      }
      if (Object.keys(entry).length > 1) assessments.push(entry);
    }
  }
  return { version, prescreen, assessments, recorded_at: today };
}

/** @param {any} a @param {SideDraft} s @param {number} version */
function sideResult(a, s, version) {
  /** @type {Record<string, any>} */
  const result = { criteria: {}, measures: {}, compensations: [] };
  let touched = false;
  for (const m of measuresAsked(a, s)) {
    const d = s.measures[m.id];
    const n = d ? parseNumber(d.value) : null;
    if (n === null) continue;
    result.measures[m.id] = { value: n, unit: d.unit || m.unit };
    touched = true;
  }
  for (const c of a.criteria) {
    if (typeof s.criteria[c.id] === "boolean" && !measuredInstead(c, s)) {
      result.criteria[c.id] = s.criteria[c.id];
      touched = true;
    }
  }
  result.compensations = a.compensations.map((/** @type {any} */ c) => c.id).filter((/** @type {string} */ id) => s.compensations.includes(id));
  if (s.could_not_perform) result.could_not_perform = true;
  if (s.pain.present) {
    const score = parseNumber(s.pain.score);
    if (version >= 2) result.pain = { present: true, score, where: [...s.pain.where] };
    else result.pain = score === null ? { present: true } : { present: true, score };
  }
  if (version < 2 && s.discomfort) result.discomfort = true;
  touched ||= result.compensations.length > 0 || "could_not_perform" in result || "pain" in result || "discomfort" in result;
  return touched ? result : null;
}

/**
 * A form state from a results document (restoring from history, or editing a past result).
 * @param {any} catalog @param {any} results @returns {FormState}
 */
export function fromResults(catalog, results) {
  const state = emptyState();
  for (const flag of catalog.red_flags) state.prescreen[flag.id] = results.prescreen?.[flag.id] === true;
  const done = new Set();
  for (const entry of results.assessments ?? []) {
    const a = catalog.assessments.find((/** @type {any} */ x) => x.id === entry.assessment);
    if (!a) continue;
    done.add(a.id);
    /** @type {TestDraft} */
    const draft = { skipped: false, sides: {} };
    for (const side of sidesOf(a)) {
      const r = entry[side];
      if (!r) continue;
      const s = emptySide();
      for (const [id, m] of Object.entries(r.measures ?? {})) s.measures[id] = { value: String(m.value), unit: m.unit };
      Object.assign(s.criteria, r.criteria ?? {});
      s.compensations = [...(r.compensations ?? [])];
      s.could_not_perform = r.could_not_perform === true;
      if (r.pain?.present) s.pain = { present: true, score: r.pain.score == null ? "" : String(r.pain.score), where: [...(r.pain.where ?? [])] };
      s.discomfort = r.discomfort === true;
      draft.sides[side] = s;
    }
    state.tests[a.id] = draft;
  }
  for (const a of catalog.assessments) if (!done.has(a.id)) state.tests[a.id] = { skipped: true, sides: {} };
  state.step = "review";
  return state;
}

/**
 * The field an engine error names (`assessments[0].left.measures.hold_time`), or null.
 * @param {any} results @param {string} path @returns {string | null}
 */
export function fieldOfPath(results, path) {
  const pre = /^prescreen\.(\w+)/.exec(path);
  if (pre) return `prescreen.${pre[1]}`;
  const m = /^assessments\[(\d+)\]\.(left|right|both)(?:\.(\w+)(?:\.(\w+)|\[\d+\])?)?/.exec(path);
  if (!m) return null;
  const test = results.assessments?.[Number(m[1])]?.assessment;
  if (!test) return null;
  const [, , side, group, key] = m;
  const base = `${test}.${side}`;
  if (group === "measures" && key) return `${base}.measure.${key}`;
  if (group === "criteria" && key) return `${base}.criterion.${key}`;
  if (group === "pain") return key === "score" ? `${base}.pain_score` : `${base}.pain`;
  if (group === "compensations") return `${base}.compensations`;
  return base;
}

/** The test a field belongs to (its step), or "prescreen". @param {string} name */
export const stepOfField = (name) => name.split(".")[0];

/**
 * Whether a test has any answer. @param {FormState} state @param {any} a @returns {boolean}
 */
export function answered(state, a) {
  const draft = state.tests[a.id];
  if (!draft || draft.skipped) return false;
  return Object.values(draft.sides).some((s) =>
    Object.values(s.measures).some((m) => m.value.trim() !== "") || Object.keys(s.criteria).length > 0
    || s.compensations.length > 0 || s.could_not_perform || s.pain.present || s.discomfort);
}

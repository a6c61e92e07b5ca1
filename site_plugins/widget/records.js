// The history's saved format, pure (no storage, no DOM): sealing a finished assessment into a
// record, checking one read back (corrupted or edited records are refused, with a reason),
// migrating old results documents, export files and merging an import.
//
// A record: {format, id, saved_at, results, check}. `check` is a checksum of the canonical JSON
// of {id, saved_at, results}: it catches a damaged or hand-edited record, not a determined
// forger (nothing on the device can). Only results are stored: prescriptions are always worked
// out again by the engine from them.

import { resultsVersion } from "./state.js";

/** The record format. Bump it with a migration in `upgradeRecord`. */
export const HISTORY_FORMAT = 1;
/** What an export file says it is. */
export const EXPORT_KIND = "hipguide-history";

/**
 * @typedef {object} HistoryRecord
 * @property {number} format
 * @property {string} id
 * @property {string} saved_at   ISO date-time
 * @property {any} results       a results document
 * @property {string} check
 */

/** JSON with sorted keys. @param {unknown} value @returns {string} */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const obj = /** @type {Record<string, unknown>} */ (value);
    return `{${Object.keys(obj).sort().filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A 53-bit checksum (cyrb53) of a value's canonical JSON, in hex. @param {unknown} value */
export function checksum(value) {
  const text = canonical(value);
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** @param {any} results @param {string} savedAt @param {string} id @returns {HistoryRecord} */
export function sealRecord(results, savedAt, id) {
  return { format: HISTORY_FORMAT, id, saved_at: savedAt, results, check: checksum({ id, saved_at: savedAt, results }) };
}

/**
 * A results document moved to `target` version. 1 -> 2: stretch discomfort is no longer a side
 * field (the catalog asks it as a criterion), pain gains `where` and loses `location`.
 * @param {any} results @param {number} target @returns {any}
 */
export function migrateResults(results, target) {
  let doc = structuredClone(results);
  if (doc.version === 1 && target >= 2) {
    for (const entry of doc.assessments ?? []) {
      for (const side of ["left", "right", "both"]) {
        const r = entry[side];
        if (!r) continue;
        delete r.discomfort;
        if (r.pain) {
          delete r.pain.location;
          r.pain.score ??= null;
          r.pain.where ??= [];
        }
      }
    }
    doc = { ...doc, version: 2 };
  }
  return doc;
}

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether a results document fits the catalog (ids, types); the engine checks the rest.
 * @param {any} catalog @param {any} results @returns {string | null} the problem
 */
export function resultsProblem(catalog, results) {
  if (!isObject(results)) return "not a results document";
  if (![1, 2].includes(results.version)) return `unknown results version ${JSON.stringify(results.version)}`;
  if (!isObject(results.prescreen)) return "no pre-screen answers";
  const flags = new Set(catalog.red_flags.map((/** @type {any} */ f) => f.id));
  for (const [id, v] of Object.entries(results.prescreen)) {
    if (!flags.has(id) || typeof v !== "boolean") return `unknown pre-screen answer ${id}`;
  }
  if (!Array.isArray(results.assessments)) return "no assessments list";
  for (const entry of results.assessments) {
    const a = isObject(entry) && catalog.assessments.find((/** @type {any} */ x) => x.id === entry.assessment);
    if (!a) return `unknown test ${JSON.stringify(entry?.assessment)}`;
    for (const side of ["left", "right", "both"]) {
      const r = entry[side];
      if (r == null) continue;
      if (!isObject(r)) return `${a.id}.${side} is not an object`;
      for (const [id, m] of Object.entries(r.measures ?? {})) {
        if (!a.measures.some((/** @type {any} */ x) => x.id === id) || !isObject(m) || typeof m.value !== "number" || !Number.isFinite(m.value)) {
          return `${a.id}.${side}.measures.${id} is not a measured value`;
        }
      }
    }
  }
  return null;
}

/**
 * A stored record, checked and brought to today's formats; or why it is refused.
 * @param {unknown} raw @param {any} catalog
 * @returns {{ok: true, record: HistoryRecord} | {ok: false, reason: string}}
 */
export function openRecord(raw, catalog) {
  if (!isObject(raw)) return { ok: false, reason: "not a record" };
  if (typeof raw.format !== "number" || raw.format > HISTORY_FORMAT || raw.format < 1) {
    return { ok: false, reason: `unknown record format ${JSON.stringify(raw.format)}` };
  }
  if (typeof raw.id !== "string" || typeof raw.saved_at !== "string" || typeof raw.check !== "string") {
    return { ok: false, reason: "a record field is missing" };
  }
  if (raw.check !== checksum({ id: raw.id, saved_at: raw.saved_at, results: raw.results })) {
    return { ok: false, reason: "the record was changed or damaged after it was saved" };
  }
  const problem = resultsProblem(catalog, raw.results);
  if (problem) return { ok: false, reason: problem };
  const results = migrateResults(raw.results, resultsVersion(catalog));
  return { ok: true, record: /** @type {HistoryRecord} */ ({ ...raw, format: HISTORY_FORMAT, results }) };
}

/** @param {HistoryRecord[]} records @param {string} now */
export function exportFile(records, now) {
  return { kind: EXPORT_KIND, format: HISTORY_FORMAT, exported_at: now, records };
}

/**
 * Merge an export file into the history: new records are added, identical ones counted, a
 * different record under an id already used is added under a new id (never overwritten), and
 * anything that fails the checks is refused with its reason.
 * @param {HistoryRecord[]} existing @param {unknown} file @param {any} catalog
 * @returns {{added: HistoryRecord[], same: number, refused: string[]}}
 */
export function mergeImport(existing, file, catalog) {
  if (!isObject(file) || file.kind !== EXPORT_KIND || !Array.isArray(file.records)) {
    return { added: [], same: 0, refused: ["this is not a hipguide history file"] };
  }
  const byId = new Map(existing.map((r) => [r.id, r]));
  /** @type {HistoryRecord[]} */ const added = [];
  /** @type {string[]} */ const refused = [];
  let same = 0;
  file.records.forEach((/** @type {unknown} */ raw, /** @type {number} */ i) => {
    const opened = openRecord(raw, catalog);
    if (!opened.ok) {
      refused.push(`record ${i + 1}: ${opened.reason}`);
      return;
    }
    let record = opened.record;
    const known = byId.get(record.id);
    if (known && canonical(known.results) === canonical(record.results) && known.saved_at === record.saved_at) {
      same++;
      return;
    }
    if (known) {
      let n = 2;
      while (byId.has(`${record.id}-${n}`)) n++;
      record = sealRecord(record.results, record.saved_at, `${record.id}-${n}`);
    }
    byId.set(record.id, record);
    added.push(record);
  });
  return { added, same, refused };
}

/**
 * Per test, measure and side, the values over time (oldest first), in the measure's unit.
 * @param {any} catalog @param {HistoryRecord[]} records
 * @returns {{test: any, measure: any, side: string, points: {date: string, value: number}[]}[]}
 */
export function series(catalog, records) {
  const sorted = [...records].sort((a, b) => a.saved_at.localeCompare(b.saved_at));
  const out = [];
  for (const test of catalog.assessments) {
    for (const measure of test.measures) {
      for (const side of test.sided ? ["left", "right"] : ["both"]) {
        const points = [];
        for (const r of sorted) {
          const entry = r.results.assessments.find((/** @type {any} */ e) => e.assessment === test.id);
          const m = entry?.[side]?.measures?.[measure.id];
          if (!m) continue;
          const value = m.unit === measure.unit ? m.value : m.unit === "in" ? m.value * 2.54 : m.value / 2.54;
          points.push({ date: r.results.recorded_at || r.saved_at.slice(0, 10), value });
        }
        if (points.length) out.push({ test, measure, side, points });
      }
    }
  }
  return out;
}

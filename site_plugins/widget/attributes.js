// The configuration attributes of <hip-assessment>, read and checked: pure, no DOM. Each reader
// takes the attribute's text (null when absent) and returns the value the element uses, with the
// problem when the text is not a valid value. An invalid value is never used: the element warns
// (console.warn) and behaves as if the attribute were absent, and the runner's answers stay.

/** @typedef {"light" | "dark" | "auto"} Theme */
/** @typedef {"light" | "dark"} Scheme */
/**
 * @template T
 * @typedef {{value: T, problem: string | null}} Read
 */

/** @type {readonly Theme[]} */
export const THEMES = ["light", "dark", "auto"];

/**
 * The unit systems `units` may name, each as the unit ids (hipcore.model.Unit) it prefers where a
 * measure accepts more than one. A unit the catalog has and these do not name (s, deg) is one
 * unit everywhere.
 */
export const UNIT_SYSTEMS = /** @type {Record<string, string[]>} */ ({ metric: ["cm"], imperial: ["in"] });

/** @param {string} name @param {string} text @param {string} expected */
const problem = (name, text, expected) =>
  `hip-assessment: ${name}="${text}" is not ${expected}; the attribute is ignored (${name} as if absent).`;

/**
 * `theme`: light, dark or auto (the default: the guide's palette, else the system's).
 * @param {string | null} text @returns {Read<Theme>}
 */
export function readTheme(text) {
  const value = (text ?? "").toLowerCase(); // as the stylesheet's [theme=dark i] reads it
  if (value === "") return { value: "auto", problem: null };
  if (THEMES.includes(/** @type {Theme} */ (value))) return { value: /** @type {Theme} */ (value), problem: null };
  return { value: "auto", problem: problem("theme", text ?? "", "light, dark or auto") };
}

/**
 * The colours to draw in. `theme` light or dark is that; auto follows the guide's palette
 * switch where the page is the guide (mkdocs-material's data-md-color-scheme on <body>: "slate"
 * is dark, any other scheme light), else the system (prefers-color-scheme).
 * @param {Theme} theme @param {string | null} materialScheme @param {boolean} systemDark
 * @returns {Scheme}
 */
export function schemeOf(theme, materialScheme, systemDark) {
  if (theme !== "auto") return theme;
  if (materialScheme) return materialScheme === "slate" ? "dark" : "light";
  return systemDark ? "dark" : "light";
}

/**
 * `units`: "metric", "imperial", or unit ids (space-separated) the catalog's measures use, in
 * order of preference; empty: each measure in its own unit (the content's). `known`: the unit
 * ids in the catalog (null before it is loaded: ids are taken as written, and checked once it
 * is). Returns the preferred unit ids.
 * @param {string | null} text @param {Iterable<string> | null} known @returns {Read<string[]>}
 */
export function readUnits(text, known) {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean);
  const units = new Set(known ?? words.filter((w) => !UNIT_SYSTEMS[w.toLowerCase()]));
  /** @type {string[]} */
  const preferred = [];
  for (const word of words) {
    const system = UNIT_SYSTEMS[word.toLowerCase()];
    if (system) preferred.push(...system);
    else if (units.has(word)) preferred.push(word);
    else {
      const expected = `metric, imperial or a unit of the catalog (${[...units].sort().join(", ")})`;
      return { value: [], problem: problem("units", text ?? "", expected) };
    }
  }
  return { value: [...new Set(preferred)], problem: null };
}

/** Every unit id a catalog's measures accept. @param {any} catalog @returns {Set<string>} */
export function catalogUnits(catalog) {
  const units = new Set();
  for (const a of catalog.assessments) for (const m of a.measures) for (const u of [m.unit, ...m.units]) units.add(u);
  return units;
}

/**
 * The unit a measure shows first: the first preferred unit it accepts, else its own.
 * @param {{unit: string, units: string[]}} measure @param {string[]} preferred @returns {string}
 */
export function preferredUnit(measure, preferred) {
  const accepted = [measure.unit, ...measure.units];
  return preferred.find((u) => accepted.includes(u)) ?? measure.unit;
}

/**
 * `date-language`: a BCP 47 language tag (en-GB, de, pt-BR), in its canonical form; absent or
 * invalid: `fallback` (the element's language, else the browser's), itself checked, else "en".
 * @param {string | null} text @param {(string | null | undefined)[]} fallbacks @returns {Read<string>}
 */
export function readDateLanguage(text, fallbacks) {
  const value = (text ?? "").trim();
  const fallback = fallbacks.map(canonicalTag).find((tag) => tag !== null) ?? "en";
  if (value === "") return { value: fallback, problem: null };
  const tag = canonicalTag(value);
  if (tag) return { value: tag, problem: null };
  return { value: fallback, problem: problem("date-language", text ?? "", "a BCP 47 language tag like en-GB or de") };
}

/** A language tag in canonical form, or null. @param {string | null | undefined} text */
function canonicalTag(text) {
  if (!text) return null;
  if (!canonical.has(text)) {
    let tag = null;
    try {
      tag = Intl.getCanonicalLocales(text)[0] ?? null;
    } catch {
      // not a language tag
    }
    canonical.set(text, tag);
  }
  return canonical.get(text) ?? null;
}

/** Tags already checked (the date language is read at every draw). @type {Map<string, string | null>} */
const canonical = new Map();

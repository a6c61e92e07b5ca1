// Dates as the runner reads them, in the element's date language: pure, no DOM. The engine, the
// history and the results document keep ISO 8601 dates (YYYY-MM-DD); only what is shown is
// written in the language.

/** @typedef {(iso: string) => string} DateWriter */

/** One formatter per language: making one takes tens of milliseconds (the locale's data). @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/**
 * A writer of ISO dates ("2026-12-30") in `language` (a BCP 47 tag), as a calendar day: no time
 * zone moves it. A text that is not an ISO date is returned as it is.
 * @param {string} language @returns {DateWriter}
 */
export function dateWriter(language) {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
    formats.set(language, format);
  }
  const { format: write } = format;
  return (iso) => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!day) return iso;
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    return Number.isNaN(date.getTime()) ? iso : write(date);
  };
}

/**
 * The engine's text with the ISO dates it names (`dates`, e.g. a reassessment's from_date and
 * by_date) written by `write`; the rest of the text is the engine's, untouched.
 * @param {string} text @param {(string | null | undefined)[]} dates @param {DateWriter} write
 */
export function withDates(text, dates, write) {
  let out = text;
  for (const iso of new Set(dates)) if (iso) out = out.replaceAll(iso, write(iso));
  return out;
}

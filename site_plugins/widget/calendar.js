// The program as a calendar file (iCalendar, RFC 5545): a daily reminder of the session until
// the rescreen, and the rescreen itself. Every word comes from the prescription; the dates in
// its text are written in the runner's date language (`writeDate`), the calendar's own in ISO.

import { withDates } from "./dates.js";

/**
 * The .ics text for a prescription, or null when it has no program or no rescreen date.
 * @param {any} prescription   hipcore's prescription document
 * @param {string} stamp       when the file is made, as UTC "YYYYMMDDTHHMMSSZ"
 * @param {import("./dates.js").DateWriter} [writeDate]  dates in the text, as the runner reads them
 * @returns {string | null}
 */
export function calendarFile(prescription, stamp, writeDate) {
  const reassess = prescription.reassess;
  if (!prescription.program.length || !reassess?.from_date) return null;
  const t = prescription.titles;
  const first = dayAfter(reassess.from_date, -7 * reassess.rescreen_weeks_min + 1);
  const program = prescription.program.map((/** @type {any} */ i) => `${i.name}: ${i.dose_line}`);
  const uid = `${compact(reassess.from_date)}-${hash(program.join("\n"))}@hipguide`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//hipguide//self-assessment//EN",
    "CALSCALE:GREGORIAN",
    ...event({
      uid: `session-${uid}`, stamp, day: first, summary: t.calendar_session,
      description: program.join("\n"), rule: `FREQ=DAILY;UNTIL=${compact(dayAfter(reassess.from_date, -1))}`,
    }),
    ...event({
      uid: `rescreen-${uid}`, stamp, day: reassess.from_date, summary: t.calendar_rescreen,
      description: writeDate ? withDates(reassess.text, [reassess.from_date, reassess.by_date], writeDate) : reassess.text,
      rule: null,
    }),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** @param {{uid: string, stamp: string, day: string, summary: string, description: string, rule: string | null}} e */
function event({ uid, stamp, day, summary, description, rule }) {
  return [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(day)}`,
    `DTEND;VALUE=DATE:${compact(dayAfter(day, 1))}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `SUMMARY:${escape(summary)}`,
    `DESCRIPTION:${escape(description)}`,
    "END:VEVENT",
  ];
}

/** "2026-12-30" -> "20261230" @param {string} day */
function compact(day) {
  return day.replaceAll("-", "");
}

/** The ISO date `days` after `day`, in UTC so no time zone shifts it. @param {string} day @param {number} days */
export function dayAfter(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Text as an iCalendar value: backslash, semicolon, comma and new lines escaped. @param {string} text */
function escape(text) {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** The length of `text` in UTF-8 octets. @param {string} text */
function utf8Length(text) {
  let n = 0;
  for (const char of text) {
    const code = /** @type {number} */ (char.codePointAt(0));
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Lines longer than 75 octets folded with a leading space (RFC 5545, 3.1). @param {string} line */
function fold(line) {
  if (utf8Length(line) <= 75) return line;
  const parts = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const n = utf8Length(char);
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A short, stable hex digest for the UID. @param {string} text */
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

// Dates as the runner reads them: a calendar day in the date language, never moved by a time zone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { calendarFile } from "../../site_plugins/widget/calendar.js";
import { dateWriter, withDates } from "../../site_plugins/widget/dates.js";
import { reassessText } from "../../site_plugins/widget/report.js";

const golden = (name) =>
  JSON.parse(readFileSync(new URL(`../engine/golden/${name}.json`, import.meta.url), "utf8")).reply.prescription;
const dated = golden("37_rotation_answered_yes_no_and_dated");

test("an ISO date is written in the language", () => {
  assert.equal(dateWriter("en-GB")("2026-12-30"), "30 Dec 2026");
  assert.equal(dateWriter("en-US")("2026-12-30"), "Dec 30, 2026");
  assert.equal(dateWriter("de")("2026-12-30"), "30.12.2026");
});

test("the day is the calendar day, in any time zone", () => {
  const previous = process.env.TZ;
  process.env.TZ = "Pacific/Honolulu";
  try {
    assert.equal(dateWriter("en-GB")("2027-01-01"), "1 Jan 2027");
  } finally {
    process.env.TZ = previous;
  }
});

test("a text that is not an ISO date is left as it is", () => {
  const write = dateWriter("de");
  for (const text of ["", "yesterday", "2026-13-45x", "2026-12-30T08:00:00Z"]) assert.equal(write(text), text);
});

test("the engine's text keeps its words; only the dates it names are rewritten", () => {
  const write = dateWriter("de");
  assert.equal(withDates("between 2026-12-30 and 2027-01-13.", ["2026-12-30", "2027-01-13"], write), "between 30.12.2026 and 13.01.2027.");
  assert.equal(withDates("on 2026-12-30", [null, undefined], write), "on 2026-12-30");
});

test("the reassessment's dates, on the page and in the calendar file, are in the language", () => {
  const { from_date: from, by_date: by } = dated.reassess;
  assert.ok(from && by && dated.reassess.text.includes(from), "the golden reply names its dates");
  const write = dateWriter("en-GB");
  const text = reassessText(dated.reassess, { writeDate: write });
  assert.ok(text.includes(write(from)) && text.includes(write(by)) && !text.includes(from), text);
  assert.equal(reassessText(dated.reassess, {}), dated.reassess.text, "no writer: the engine's text");
  const ics = (calendarFile(dated, "20261202T083000Z", write) ?? "").replace(/\r\n /g, "");
  assert.ok(ics.includes(write(from)), "the rescreen's description");
  assert.ok(ics.includes(`DTSTART;VALUE=DATE:${from.replaceAll("-", "")}`), "the calendar's own dates stay ISO");
});

// The program as a calendar file, from a prescription the engine made (a golden scenario).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { calendarFile, dayAfter } from "../../site_plugins/widget/calendar.js";

const golden = (name) =>
  JSON.parse(readFileSync(new URL(`../engine/golden/${name}.json`, import.meta.url), "utf8")).reply.prescription;
const dated = golden("37_rotation_answered_yes_no_and_dated");
const STAMP = "20261202T083000Z";

test("a dated program gives a daily session until the rescreen, and the rescreen day", () => {
  const ics = calendarFile(dated, STAMP);
  assert.ok(ics);
  const lines = ics.replace(/\r\n /g, "").split("\r\n");
  assert.equal(lines[0], "BEGIN:VCALENDAR");
  assert.equal(lines.filter((l) => l === "BEGIN:VEVENT").length, 2);
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20261203"), "the sessions start the day after the tests");
  assert.ok(lines.includes("RRULE:FREQ=DAILY;UNTIL=20261229"), "and stop the day before the rescreen");
  assert.ok(lines.includes("DTSTART;VALUE=DATE:20261230"), "the rescreen is on the engine's date");
  assert.ok(lines.includes(`SUMMARY:${dated.titles.calendar_rescreen.replace(/[,;]/g, (c) => `\\${c}`)}`));
  const description = lines.find((l) => l.startsWith("DESCRIPTION:") && l.includes(dated.program[0].name));
  assert.ok(description?.includes("Clamshell"), "each exercise with its dose line, in the engine's words");
});

test("lines are folded at 75 octets and end in CRLF", () => {
  const ics = calendarFile(dated, STAMP) ?? "";
  assert.ok(ics.endsWith("\r\n"));
  for (const line of ics.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
});

test("no calendar without a program or without a rescreen date", () => {
  assert.equal(calendarFile(golden("02_nothing_done"), STAMP), null);
  assert.equal(calendarFile(golden("35_bridge_fails_left_only_gets_one_legged_work"), STAMP), null);
});

test("days are counted in UTC across months and years", () => {
  assert.equal(dayAfter("2026-12-31", 1), "2027-01-01");
  assert.equal(dayAfter("2027-03-01", -1), "2027-02-28");
});

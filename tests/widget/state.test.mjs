// The widget's pure modules (state.js, records.js), with the catalog the engine ships.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  checkMeasure, checkPainScore, emptyState, fieldOfPath, fieldValue, fromResults, localDate,
  problems, redFlagsRaised, toResults, withField, withSkipped,
} from "../../site_plugins/widget/state.js";
import {
  checksum, exportFile, mergeImport, migrateResults, openRecord, sealRecord, series,
} from "../../site_plugins/widget/records.js";

// Results version 1 and 2 are both tested, whichever the packaged catalog asks for.
const packaged = JSON.parse(readFileSync(new URL("../../hipcore/data/catalog.json", import.meta.url), "utf8"));
const catalog = { ...packaged, results_version: 1 };
const v2 = { ...packaged, results_version: 2 };
const TODAY = "2025-05-04";

function allNo(state = emptyState()) {
  for (const f of catalog.red_flags) state = withField(state, `prescreen.${f.id}`, false);
  return state;
}

test("an untouched side and a skipped test are not done, never guessed", () => {
  let state = allNo();
  state = withField(state, "single_leg_bridge.right.measure.hold_time", "15");
  state = withSkipped(state, "side_plank_test", true);
  const results = toResults(catalog, state, [], TODAY);
  assert.equal(results.version, 1);
  assert.equal(results.recorded_at, TODAY);
  assert.deepEqual(results.assessments, [{
    assessment: "single_leg_bridge",
    right: { criteria: {}, measures: { hold_time: { value: 15, unit: "s" } }, compensations: [] },
  }]);
  assert.ok(Object.values(results.prescreen).every((v) => v === false));
});

test("a unit choice, criteria, compensations and pain are read into the document", () => {
  let state = allNo();
  state = withField(state, "quad_length.left.measure.heel_to_buttock", "5,5");
  state = withField(state, "quad_length.left.unit.heel_to_buttock", "in");
  state = withField(state, "quad_length.left.criterion.comfortable", false);
  state = withField(state, "quad_length.left.compensation.back_arches", true);
  state = withField(state, "quad_length.left.pain", true);
  state = withField(state, "quad_length.left.pain_score", "4");
  const left = toResults(catalog, state, ["quad_length"], TODAY).assessments[0].left;
  assert.deepEqual(left.measures, { heel_to_buttock: { value: 5.5, unit: "in" } });
  assert.deepEqual(left.criteria, { comfortable: false });
  assert.deepEqual(left.compensations, ["back_arches"]);
  assert.deepEqual(left.pain, { present: true, score: 4 });
});

test("results version 2 (from the catalog): pain has a score and sites, no discomfort", () => {
  let state = allNo();
  state = withField(state, "single_leg_bridge.left.pain", true);
  state = withField(state, "single_leg_bridge.left.pain_where.groin", true);
  state = withField(state, "single_leg_bridge.left.discomfort", true);
  const results = toResults(v2, state, [], TODAY);
  assert.equal(results.version, 2);
  assert.deepEqual(results.assessments[0].left.pain, { present: true, score: null, where: ["groin"] });
  assert.equal("discomfort" in results.assessments[0].left, false);
});

test("a question that stands in for a measurement is not sent while the measurement holds a number", () => {
  // The engine refuses 'reached 45 degrees: yes' beside an opening of 20 degrees as answers that
  // cannot both be true; the form sends the measurement, and the answer again once it is cleared.
  let state = withField(allNo(), "hip_rotation_control.left.criterion.reached_45", true);
  state = withField(state, "hip_rotation_control.left.measure.knee_opening", "20");
  const sent = () => toResults(catalog, state, ["hip_rotation_control"], TODAY).assessments[0].left;
  assert.deepEqual(sent().criteria, {});
  assert.deepEqual(sent().measures, { knee_opening: { value: 20, unit: "deg" } });
  state = withField(state, "hip_rotation_control.left.could_not_perform", true);
  assert.deepEqual(sent().criteria, { reached_45: true }, "no measurement given: the question is");
  state = withField(state, "hip_rotation_control.left.could_not_perform", false);
  state = withField(state, "hip_rotation_control.left.measure.knee_opening", "twenty");
  assert.deepEqual(sent().criteria, { reached_45: true }, "not a number: the question is asked");
  state = withField(state, "hip_rotation_control.left.measure.knee_opening", "");
  assert.deepEqual(sent().criteria, { reached_45: true });
  assert.equal(fieldValue(state, "hip_rotation_control.left.criterion.reached_45"), true);
});

test("a test the runner could not do sends no measurements, nor holds them to their range", () => {
  let state = withField(allNo(), "single_leg_bridge.left.measure.hold_time", "99999");
  assert.ok(problems(catalog, state, [])["single_leg_bridge.left.measure.hold_time"]);
  state = withField(state, "single_leg_bridge.left.could_not_perform", true);
  const left = toResults(catalog, state, [], TODAY).assessments[0].left;
  assert.deepEqual(left.measures, {});
  assert.equal(left.could_not_perform, true);
  assert.deepEqual(problems(catalog, state, []), {}, "a shut field cannot hold the runner up");
  state = withField(state, "single_leg_bridge.left.could_not_perform", false);
  assert.equal(fieldValue(state, "single_leg_bridge.left.measure.hold_time"), "99999", "kept");
});

test("any red flag ends the assessment: no test results are sent", () => {
  let state = withField(allNo(), "single_leg_bridge.left.measure.hold_time", "4");
  state = withField(state, `prescreen.${catalog.red_flags[0].id}`, true);
  assert.equal(redFlagsRaised(catalog, state).length, 1);
  assert.deepEqual(toResults(catalog, state, [], TODAY).assessments, []);
});

test("typed values are checked where typed", () => {
  const hold = catalog.assessments.find((a) => a.id === "single_leg_bridge").measures[0];
  const heel = catalog.assessments.find((a) => a.id === "quad_length").measures[0];
  const w = catalog.words.widget;
  assert.equal(checkMeasure(catalog.words, hold, ""), null);
  assert.equal(checkMeasure(catalog.words, hold, "12.5"), null);
  assert.equal(checkMeasure(catalog.words, hold, "abc"), w.enter_number);
  assert.equal(checkMeasure(catalog.words, hold, "-3"), "That is less than 0 seconds: check the value.");
  assert.equal(checkMeasure(catalog.words, hold, "5000"), "That is more than 600 seconds: check the value.");
  assert.match(checkMeasure(catalog.words, heel, "30", "in"), /more than 23.6 inches/);
  assert.equal(checkMeasure(catalog.words, heel, "30", "cm"), null);
  // The measure's own range, whatever it is: the engine refuses what lies outside it.
  const narrow = { ...hold, minimum: 5, maximum: 60 };
  assert.equal(checkMeasure(catalog.words, narrow, "3"), "That is less than 5 seconds: check the value.");
  assert.equal(checkMeasure(catalog.words, narrow, "5"), null);
  const tilted = { ...heel, unit: "deg", units: [], minimum: -20, maximum: 90 };
  assert.equal(checkMeasure(catalog.words, tilted, "-10"), null);
  const inches = { ...heel, minimum: 4.9, maximum: 60.1 }; // 1.929... to 23.661... in
  assert.match(checkMeasure(catalog.words, inches, "1.92", "in"), /less than 2 inches/);
  assert.match(checkMeasure(catalog.words, inches, "23.68", "in"), /more than 23.6 inches/);
  assert.equal(checkPainScore(w, "11"), w.pain_score_range);
  assert.equal(checkPainScore(w, "2.5"), w.pain_score_range);
  assert.equal(checkPainScore(w, "3"), null);
  const state = withField(allNo(), "single_leg_bridge.left.measure.hold_time", "x");
  assert.deepEqual(Object.keys(problems(catalog, state, [])), ["single_leg_bridge.left.measure.hold_time"]);
});

test("a results document restores the form it came from", () => {
  let state = allNo();
  state = withField(state, "single_leg_bridge.left.measure.hold_time", "8");
  state = withField(state, "hip_flexor_length.right.criterion.leg_stays_down", true);
  state = withField(state, "hip_flexor_length.right.pain", true);
  state = withField(state, "hip_flexor_length.right.pain_score", "3");
  const results = toResults(catalog, state, [], TODAY);
  const restored = fromResults(catalog, results);
  assert.equal(restored.step, "review");
  assert.equal(fieldValue(restored, "single_leg_bridge.left.measure.hold_time"), "8");
  assert.equal(fieldValue(restored, "hip_flexor_length.right.criterion.leg_stays_down"), true);
  assert.equal(restored.tests.side_plank_test.skipped, true);
  assert.deepEqual(toResults(catalog, restored, [], TODAY), results);
});

test("an engine error names the field it is about", () => {
  const results = { assessments: [{ assessment: "single_leg_bridge" }] };
  assert.equal(fieldOfPath(results, "assessments[0].left.measures.hold_time"), "single_leg_bridge.left.measure.hold_time");
  assert.equal(fieldOfPath(results, "assessments[0].right.pain.score"), "single_leg_bridge.right.pain_score");
  assert.equal(fieldOfPath(results, "prescreen.nerve_symptoms"), "prescreen.nerve_symptoms");
  assert.equal(fieldOfPath(results, "assessments[3].left"), null);
});

test("the local date is the runner's calendar day", () => {
  assert.equal(localDate(new Date(2025, 0, 9, 23, 59)), "2025-01-09");
});

const sample = (value) => toResults(catalog, withField(allNo(), "single_leg_bridge.left.measure.hold_time", String(value)), [], TODAY);

test("a sealed record opens; a changed one is refused with a reason", () => {
  const record = sealRecord(sample(8), "2025-05-04T10:00:00.000Z", "a1");
  assert.equal(openRecord(record, catalog).ok, true);
  const edited = structuredClone(record);
  edited.results.assessments[0].left.measures.hold_time.value = 60;
  assert.match(openRecord(edited, catalog).reason, /changed or damaged/);
  assert.equal(openRecord("{broken", catalog).ok, false);
  assert.match(openRecord({ ...record, format: 99 }, catalog).reason, /format/);
  const unknown = sealRecord({ ...sample(8), assessments: [{ assessment: "nope" }] }, record.saved_at, "a2");
  assert.match(openRecord(unknown, catalog).reason, /unknown test/);
});

test("history migration v1 -> v2 drops discomfort and the pain location", () => {
  const v1 = { version: 1, prescreen: {}, assessments: [{ assessment: "single_leg_bridge",
    left: { discomfort: true, pain: { present: true, score: 2, location: "groin" } } }] };
  assert.deepEqual(migrateResults(v1, 2).assessments[0].left, { pain: { present: true, score: 2, where: [] } });
  assert.equal(migrateResults(v1, 2).version, 2);
  assert.deepEqual(migrateResults(v1, 1), v1);
  const opened = openRecord(sealRecord(sample(8), "2025-05-04T10:00:00.000Z", "a1"), v2);
  assert.equal(opened.ok && opened.record.results.version, 2);
});

test("an import merges: new added, identical counted, a clash kept under a new id, junk refused", () => {
  const a = sealRecord(sample(8), "2025-05-01T10:00:00.000Z", "a");
  const b = sealRecord(sample(12), "2025-05-02T10:00:00.000Z", "b");
  const clash = sealRecord(sample(20), "2025-05-03T10:00:00.000Z", "a");
  const file = exportFile([a, b, clash, { nonsense: true }], "now");
  const merged = mergeImport([a], JSON.parse(JSON.stringify(file)), catalog);
  assert.equal(merged.same, 1);
  assert.deepEqual(merged.added.map((r) => r.id), ["b", "a-2"]);
  assert.equal(merged.refused.length, 1);
  assert.equal(openRecord(merged.added[1], catalog).ok, true);
  assert.deepEqual(mergeImport([], { records: [] }, catalog).refused, ["this is not a hipguide history file"]);
});

test("series: values per test and side over time, in the measure's unit", () => {
  const records = [sealRecord(sample(12), "2025-05-02T00:00:00Z", "b"), sealRecord(sample(8), "2025-05-01T00:00:00Z", "a")];
  const [s] = series(catalog, records);
  assert.equal(s.test.id, "single_leg_bridge");
  assert.equal(s.side, "left");
  assert.deepEqual(s.points.map((p) => p.value), [8, 12]);
  assert.equal(checksum({ b: 1, a: 2 }), checksum({ a: 2, b: 1 }));
});

// The self-assessment form, built from the catalog, and the results document read back from it.
// Field names are `<test>.<side>.<part>.<id>`; an untouched side is "not done", never guessed.

import { h } from "./dom.js";

const SIDES = { left: "Left", right: "Right", both: "" };

let uid = 0;
const nextId = (stem) => `${stem}-${++uid}`;

/** @param {any} catalog @param {string[]} tests */
export function selectedTests(catalog, tests) {
  return tests.length ? catalog.assessments.filter((a) => tests.includes(a.id)) : catalog.assessments;
}

/** @param {any} catalog @param {string[]} tests @returns {HTMLFormElement} */
export function renderForm(catalog, tests) {
  const form = /** @type {HTMLFormElement} */ (h("form", { class: "hip-form" }));
  form.append(renderPrescreen(catalog.red_flags));
  for (const assessment of selectedTests(catalog, tests)) form.append(renderAssessment(catalog, assessment));
  form.append(h("button", { type: "submit" }, ["Get my program"]));
  return form;
}

function renderPrescreen(flags) {
  const box = h("fieldset", { class: "prescreen" }, [h("legend", {}, ["Before you start"])]);
  for (const flag of flags) {
    const group = h("fieldset", { class: "question" }, [h("legend", {}, [flag.question])]);
    for (const [value, text] of [["no", "No"], ["yes", "Yes"]]) {
      const id = nextId(`prescreen-${flag.id}-${value}`);
      group.append(h("span", { class: "choice" }, [
        h("input", { type: "radio", id, name: `prescreen.${flag.id}`, value, required: true }),
        h("label", { for: id }, [text]),
      ]));
    }
    box.append(group);
  }
  return box;
}

function renderAssessment(catalog, assessment) {
  const box = h("fieldset", { class: "test", "data-test": assessment.id }, [
    h("legend", {}, [assessment.name]),
    h("p", { class: "pass" }, [`Pass: ${assessment.pass_summary}`]),
  ]);
  for (const side of assessment.sided ? ["left", "right"] : ["both"]) {
    box.append(renderSide(catalog, assessment, side));
  }
  return box;
}

function field(label, input) {
  const id = nextId("f");
  input.id = id;
  return h("div", { class: "field" }, [h("label", { for: id }, [label]), input]);
}

/** @param {any} catalog @returns {Map<string, any>} */
function painSites(catalog) {
  return new Map((catalog.pain?.sites ?? []).map((s) => [s.id, s]));
}

function renderSide(catalog, assessment, side) {
  const prefix = `${assessment.id}.${side}`;
  const title = SIDES[side] ? `${SIDES[side]} side` : "Result";
  const box = h("fieldset", { class: "side", "data-side": side }, [h("legend", {}, [title])]);
  for (const m of assessment.measures) {
    const units = [m.unit, ...m.units];
    const input = h("input", { type: "number", name: `${prefix}.measure.${m.id}`, inputmode: "decimal", step: "any", min: "0" });
    const row = field(`${m.label} (${m.unit})`, input);
    if (units.length > 1) {
      const select = h("select", { name: `${prefix}.unit.${m.id}`, "aria-label": `Unit for ${m.label}` },
        units.map((u) => h("option", { value: u }, [u])));
      row.append(select);
    }
    box.append(row);
  }
  for (const c of assessment.criteria) {
    const group = h("fieldset", { class: "question" }, [h("legend", {}, [c.label])]);
    for (const [value, text] of [["yes", "Yes"], ["no", "No"]]) {
      const id = nextId("c");
      group.append(h("span", { class: "choice" }, [
        h("input", { type: "radio", id, name: `${prefix}.criterion.${c.id}`, value }),
        h("label", { for: id }, [text]),
      ]));
    }
    box.append(group);
  }
  if (assessment.compensations.length) {
    const group = h("fieldset", { class: "compensations" }, [h("legend", {}, ["Did you see any of these?"])]);
    for (const c of assessment.compensations) {
      group.append(checkbox(`${prefix}.compensation.${c.id}`, c.label));
    }
    box.append(group);
  }
  box.append(
    checkbox(`${prefix}.could_not_perform`, "I could not do this test"),
    checkbox(`${prefix}.pain`, "It hurt (sharp, joint, back or groin pain, or my usual pain)"),
    field("Pain score, 0 to 10 (if it hurt)", h("input", { type: "number", name: `${prefix}.pain_score`, min: "0", max: "10", step: "1" })),
  );
  const sites = (assessment.pain_sites ?? []).map((id) => painSites(catalog).get(id)).filter(Boolean);
  if (sites.length) {
    const group = h("fieldset", { class: "pain-sites" }, [h("legend", {}, ["Where did it hurt?"])]);
    for (const site of sites) group.append(checkbox(`${prefix}.pain_where.${site.id}`, site.label));
    box.append(group);
  }
  return box;
}

function checkbox(name, label) {
  const id = nextId("x");
  return h("div", { class: "check" }, [h("input", { type: "checkbox", id, name }), h("label", { for: id }, [label])]);
}

/** @param {HTMLFormElement} form @param {any} catalog @param {string[]} tests */
export function readForm(form, catalog, tests) {
  const data = new FormData(form);
  const prescreen = {};
  for (const flag of catalog.red_flags) prescreen[flag.id] = data.get(`prescreen.${flag.id}`) === "yes";
  const assessments = [];
  for (const a of selectedTests(catalog, tests)) {
    const entry = { assessment: a.id };
    for (const side of a.sided ? ["left", "right"] : ["both"]) {
      const result = readSide(data, a, `${a.id}.${side}`);
      if (result) entry[side] = result;
    }
    if (Object.keys(entry).length > 1) assessments.push(entry);
  }
  const version = catalog.results_version ?? 1;
  return { version, prescreen, assessments, recorded_at: new Date().toISOString().slice(0, 10) };
}

function readSide(data, a, prefix) {
  const result = { criteria: {}, measures: {}, compensations: [] };
  let touched = false;
  for (const m of a.measures) {
    const raw = String(data.get(`${prefix}.measure.${m.id}`) ?? "").trim();
    if (raw === "") continue;
    result.measures[m.id] = { value: Number(raw), unit: String(data.get(`${prefix}.unit.${m.id}`) ?? m.unit) };
    touched = true;
  }
  for (const c of a.criteria) {
    const answer = data.get(`${prefix}.criterion.${c.id}`);
    if (answer) {
      result.criteria[c.id] = answer === "yes";
      touched = true;
    }
  }
  for (const c of a.compensations) {
    if (data.get(`${prefix}.compensation.${c.id}`)) result.compensations.push(c.id);
  }
  if (data.get(`${prefix}.could_not_perform`)) result.could_not_perform = true;
  if (data.get(`${prefix}.pain`)) {
    const score = String(data.get(`${prefix}.pain_score`) ?? "").trim();
    const where = (a.pain_sites ?? []).filter((id) => data.get(`${prefix}.pain_where.${id}`));
    result.pain = { present: true, where };
    if (score !== "") result.pain.score = Number(score);
  }
  touched ||= result.compensations.length > 0 || "could_not_perform" in result || "pain" in result;
  return touched ? result : null;
}

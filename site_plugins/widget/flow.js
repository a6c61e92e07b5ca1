// The guided flow's steps as DOM, built from the catalog and the form state: the pre-screen, one
// test per step, the review. Every word about a test comes from the catalog; the words here are
// the widget's own controls. Inputs carry their field name (state.js) in `name`; the element
// listens for input and change events on the whole step and updates the state.

import { h } from "./dom.js";
import { answered, fieldValue, measuredInstead, measuresAsked, shownUnit, sideOf, sidesOf } from "./state.js";
import { holdTimer } from "./timer.js";
import { fill, sideTitle } from "./words.js";


let uid = 0;
/** @param {string} stem */
const nextId = (stem) => `${stem}-${++uid}`;

/**
 * @typedef {object} StepContext
 * @property {any} catalog
 * @property {import("./state.js").FormState} state
 * @property {string[]} order     the test ids of this flow, in order
 * @property {Record<string, string>} errors   field name -> message (typed values, the engine)
 * @property {Record<string, string>} figures  assessment id -> the guide's figure block (HTML)
 * @property {string[]} [units]  the unit ids a measure shows first where it accepts several (`units`)
 * @property {boolean} [hasHistory]  finished runs are saved on this device: the pre-screen offers them
 */

/** The step's heading, focused when the step opens. @param {string} text */
const heading = (text) => h("h2", { class: "step-title", tabindex: "-1" }, [text]);

/** @param {string} text @param {string} action @param {string} [kind] */
const button = (text, action, kind = "secondary") => h("button", { type: "button", "data-action": action, class: kind }, [text]);

/** @param {(Node | string)[]} buttons */
const actions = (buttons) => h("div", { class: "actions" }, buttons);

/** Where a field's message goes; the input names it with aria-describedby. */
function errorSlot(/** @type {HTMLElement} */ input, /** @type {string | undefined} */ message) {
  const id = nextId("err");
  const slot = h("p", { class: "field-error", id, "data-error-for": input.getAttribute("name") ?? "" }, message ? [message] : []);
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  if (message) input.setAttribute("aria-invalid", "true");
  return slot;
}

/**
 * A yes/no question as two radios. @param {any} w the widget's words @param {string} name @param {string} legend
 * @param {boolean | undefined} value @param {string} [note] @param {string} [error]
 */
function yesNo(w, name, legend, value, note, error) {
  const group = h("fieldset", { class: "question", "data-field": name }, [h("legend", {}, [legend])]);
  if (note) group.append(h("p", { class: "note" }, [note]));
  const row = h("div", { class: "choices" });
  for (const [answer, text] of [["yes", w.yes], ["no", w.no]]) {
    const id = nextId("q");
    const input = h("input", { type: "radio", id, name, value: answer });
    /** @type {HTMLInputElement} */ (input).checked = value === (answer === "yes");
    row.append(h("span", { class: "choice" }, [input, h("label", { for: id }, [text])]));
  }
  group.append(row);
  if (error) group.append(h("p", { class: "field-error", "data-error-for": name }, [error]));
  return group;
}

/** @param {string} name @param {string} label @param {boolean} checked @param {Record<string, string>} [attrs] */
function checkbox(name, label, checked, attrs = {}) {
  const id = nextId("x");
  const input = /** @type {HTMLInputElement} */ (h("input", { type: "checkbox", id, name, ...attrs }));
  input.checked = checked;
  return h("div", { class: "check" }, [input, h("label", { for: id }, [label])]);
}

/** @param {StepContext} ctx */
export function prescreenStep(ctx) {
  const { catalog, state, errors } = ctx;
  const w = catalog.words.widget;
  return h("section", { class: "step", "data-step": "prescreen" }, [
    heading(w.before_you_start),
    ...catalog.red_flags.map((/** @type {any} */ flag) =>
      yesNo(w, `prescreen.${flag.id}`, flag.question, state.prescreen[flag.id], undefined, errors[`prescreen.${flag.id}`])),
    actions([...(ctx.hasHistory ? [button(w.history, "history")] : []), button(w.next, "next", "primary")]),
  ]);
}

/**
 * One test: its figure, what to do and what to watch for, then the answers for each side.
 * @param {StepContext} ctx @param {any} a the assessment
 */
export function testStep(ctx, a) {
  const { catalog, state, errors, figures } = ctx;
  const w = catalog.words.widget;
  const index = ctx.order.indexOf(a.id);
  const section = h("section", { class: "step", "data-step": a.id, "data-test": a.id }, [heading(a.name)]);
  if (figures[a.id]) {
    const figure = h("div", { class: "figure" });
    figure.innerHTML = figures[a.id]; // the guide's own figure block, built by the site
    // On a phone the panels are a strip scrolled sideways: reachable by keyboard too.
    const panels = figure.querySelector(".hipfig-panels");
    panels?.setAttribute("tabindex", "0");
    panels?.setAttribute("role", "group");
    panels?.setAttribute("aria-label", a.name);
    section.append(figure);
  }
  section.append(h("p", { class: "purpose" }, [a.purpose]));
  const how = h("details", { class: "how", open: true }, [
    h("summary", {}, [w.how_to]),
    ...(a.setup?.length ? [h("ul", { class: "setup" }, a.setup.map((/** @type {string} */ s) => h("li", {}, [s])))] : []),
    h("ol", { class: "steps" }, a.steps.map((/** @type {string} */ s) => h("li", {}, [s]))),
  ]);
  section.append(how);
  if (a.compensations.length || a.discomfort_note) {
    section.append(h("div", { class: "watch" }, [
      h("h3", {}, [w.watch_for]),
      h("ul", {}, a.compensations.map((/** @type {any} */ c) => h("li", {}, [h("strong", {}, [c.label]), `: ${c.looks_like}`]))),
      ...(a.discomfort_note ? [h("p", { class: "note" }, [a.discomfort_note])] : []),
    ]));
  }
  for (const side of sidesOf(a)) section.append(sideFields(ctx, a, side));
  section.append(actions([
    button(w.back, "back"),
    button(w.skip, "skip"),
    button(index === ctx.order.length - 1 ? w.review : w.next, "next", "primary"),
  ]));
  void catalog; void state;
  return section;
}

/** @param {StepContext} ctx @param {any} a @param {string} side */
function sideFields(ctx, a, side) {
  const { catalog, state, errors } = ctx;
  const form = catalog.words.form;
  const prefix = `${a.id}.${side}`;
  const s = sideOf(state, a.id, side);
  const box = h("fieldset", { class: "side", "data-side": side }, [h("legend", {}, [sideTitle(catalog.words.widget, side)])]);
  const replaced = new Set(a.criteria.map((/** @type {any} */ c) => c.instead_of).filter(Boolean));
  for (const m of a.measures) {
    const name = `${prefix}.measure.${m.id}`;
    const id = nextId("m");
    const units = [m.unit, ...m.units];
    const input = /** @type {HTMLInputElement} */ (h("input", {
      type: "text", id, name, inputmode: "decimal", autocomplete: "off", class: "number",
    }));
    input.value = fieldValue(state, name) ?? "";
    const unit = shownUnit(m, s.measures[m.id], ctx.units ?? []);
    const row = h("div", { class: "field" }, [h("label", { for: id }, [m.label]), h("div", { class: "input-row" }, [input])]);
    const inputRow = /** @type {HTMLElement} */ (row.lastChild);
    if (units.length > 1) {
      const select = /** @type {HTMLSelectElement} */ (h("select", { name: `${prefix}.unit.${m.id}`, "aria-label": fill(catalog.words.widget.unit_of, { measure: m.label }) },
        units.map((/** @type {string} */ u) => h("option", { value: u }, [catalog.words.names.units[u]]))));
      select.value = unit;
      inputRow.append(select);
    } else {
      inputRow.append(h("span", { class: "unit" }, [catalog.words.names.units[m.unit]]));
    }
    row.append(errorSlot(input, errors[name]));
    if (m.unit === "s") row.append(holdTimer(input, m.pass_when?.unit === "s" ? m.pass_when.value : 10, m.label, catalog.words.widget));
    if (replaced.has(m.id)) row.classList.add("has-alternative");
    box.append(row);
  }
  for (const c of a.criteria) {
    const note = c.instead_of ? form.stand_in : undefined;
    box.append(yesNo(catalog.words.widget, `${prefix}.criterion.${c.id}`, c.label, s.criteria[c.id], note, errors[`${prefix}.criterion.${c.id}`]));
  }
  if (a.compensations.length) {
    box.append(h("fieldset", { class: "compensations" }, [
      h("legend", {}, [form.faults]),
      ...a.compensations.map((/** @type {any} */ c) => checkbox(`${prefix}.compensation.${c.id}`, c.label, s.compensations.includes(c.id))),
    ]));
  }
  box.append(checkbox(`${prefix}.could_not_perform`, form.could_not_perform, s.could_not_perform));
  box.append(checkbox(`${prefix}.pain`, form.pain, s.pain.present));
  const pain = h("div", { class: "pain-details", hidden: !s.pain.present });
  const scoreId = nextId("p");
  const score = /** @type {HTMLInputElement} */ (h("input", { type: "text", inputmode: "numeric", id: scoreId, name: `${prefix}.pain_score`, class: "number", autocomplete: "off" }));
  score.value = s.pain.score;
  pain.append(h("div", { class: "field" }, [h("label", { for: scoreId }, [form.pain_score]), score, errorSlot(score, errors[`${prefix}.pain_score`])]));
  const sites = catalog.pain?.sites ?? [];
  if (sites.length) {
    const offered = a.pain_sites?.length ? sites.filter((/** @type {any} */ p) => a.pain_sites.includes(p.id)) : sites;
    pain.append(h("fieldset", { class: "compensations" }, [
      h("legend", {}, [form.pain_where]),
      ...offered.map((/** @type {any} */ p) => checkbox(`${prefix}.pain_where.${p.id}`, p.label, s.pain.where.includes(p.id))),
    ]));
  }
  box.append(pain);
  syncSide(box, a, s);
  return box;
}

/**
 * Ask only answers that can all be true (state.js: measuredInstead): a question that stands in for
 * a measurement is shut while the measurement holds a number (its note says why), and the
 * measurements while the runner could not do the test. Shut, not cleared: what was typed comes
 * back when the other answer is taken back. Run on each render and each change of the side.
 * @param {HTMLElement} box a side's fieldset (sideFields) @param {any} a @param {import("./state.js").SideDraft} s
 */
export function syncSide(box, a, s) {
  const prefix = `${a.id}.${box.dataset.side}`;
  const asked = measuresAsked(a, s);
  for (const m of a.measures) {
    const shut = !asked.includes(m);
    const row = box.querySelector(`input[name="${CSS.escape(`${prefix}.measure.${m.id}`)}"]`)?.closest(".field");
    // A hold under way is stopped, never left running behind a button that cannot stop it.
    if (shut) /** @type {HTMLButtonElement | null | undefined} */ (row?.querySelector(".timer-stop:not([hidden])"))?.click();
    for (const control of row?.querySelectorAll("input.number, select, .timer-start") ?? []) {
      /** @type {HTMLInputElement} */ (control).disabled = shut;
    }
  }
  for (const c of a.criteria) {
    const question = box.querySelector(`fieldset.question[data-field="${CSS.escape(`${prefix}.criterion.${c.id}`)}"]`);
    if (question) /** @type {HTMLFieldSetElement} */ (question).disabled = measuredInstead(c, s);
  }
}

/** Review all answers, each test with a way back to it. @param {StepContext} ctx @param {string[]} engineErrors */
export function reviewStep(ctx, engineErrors) {
  const { catalog, state } = ctx;
  const w = catalog.words.widget;
  const section = h("section", { class: "step", "data-step": "review" }, [heading(w.review_title)]);
  if (engineErrors.length) {
    section.append(h("div", { class: "errors", role: "alert" }, [
      h("p", {}, [w.needs_another_look]),
      h("ul", {}, engineErrors.map((e) => h("li", {}, [e]))),
    ]));
  }
  const list = h("dl", { class: "review" });
  const flags = catalog.red_flags.filter((/** @type {any} */ f) => state.prescreen[f.id]);
  list.append(h("dt", {}, [w.before_you_start]), h("dd", {}, [
    flags.length ? flags.map((/** @type {any} */ f) => f.question).join(" ") : w.no_to_every_question,
    " ", button(w.change, "goto:prescreen", "link"),
  ]));
  for (const id of ctx.order) {
    const a = catalog.assessments.find((/** @type {any} */ x) => x.id === id);
    const dd = h("dd", {});
    if (!answered(state, a)) dd.append(state.tests[a.id]?.skipped ? w.skipped : w.not_done);
    else {
      for (const side of sidesOf(a)) {
        const words = summary(catalog, a, sideOf(state, a.id, side));
        if (words.length) dd.append(h("p", {}, [h("span", { class: "side-name" }, [`${sideTitle(w, side)}: `]), words.join("; ")]));
      }
    }
    dd.append(" ", button(w.change, `goto:${a.id}`, "link"));
    list.append(h("dt", {}, [a.name]), dd);
  }
  section.append(list, actions([button(w.back, "back"), button(w.submit, "submit", "primary")]));
  return section;
}

/** @param {any} catalog @param {any} a @param {import("./state.js").SideDraft} s @returns {string[]} */
function summary(catalog, a, s) {
  const words = [];
  for (const m of measuresAsked(a, s)) {
    const d = s.measures[m.id];
    if (d?.value.trim()) words.push(`${m.label}: ${d.value} ${catalog.words.names.units[d.unit || m.unit]}`);
  }
  for (const c of a.criteria) if (typeof s.criteria[c.id] === "boolean" && !measuredInstead(c, s)) words.push(`${c.label} ${s.criteria[c.id] ? catalog.words.widget.yes : catalog.words.widget.no}`);
  for (const c of a.compensations) if (s.compensations.includes(c.id)) words.push(c.label);
  if (s.could_not_perform) words.push(catalog.words.form.could_not_perform);
  if (s.pain.present) {
    const sites = (catalog.pain?.sites ?? []).filter((/** @type {any} */ p) => s.pain.where.includes(p.id)).map((/** @type {any} */ p) => p.label);
    words.push(`${catalog.words.form.pain}${s.pain.score ? ` (${s.pain.score}/10)` : ""}${sites.length ? `: ${sites.join("; ")}` : ""}`);
  }
  return words;
}

/**
 * The progress bar over the tests. @param {StepContext} ctx @returns {HTMLElement}
 */
export function progressBar(ctx) {
  const step = ctx.state.step;
  const total = ctx.order.length;
  const at = ctx.order.indexOf(step);
  const done = step === "prescreen" ? 0 : at >= 0 ? at : total;
  const w = ctx.catalog.words.widget;
  const text = at >= 0 ? fill(w.progress_test, { n: at + 1, total })
    : step === "prescreen" ? (total === 1 ? w.progress_one_test : fill(w.progress_tests, { total }))
    : fill(w.progress_done, { total });
  const bar = h("div", { class: "progress", role: "progressbar", "aria-label": w.tests_label, "aria-valuemin": "0",
    "aria-valuemax": String(total), "aria-valuenow": String(done), "aria-valuetext": text });
  const filled = h("span", { class: "progress-fill" });
  filled.style.width = `${total ? (100 * done) / total : 0}%`; // CSSOM, which a strict CSP allows
  bar.append(filled);
  return h("div", { class: "progress-wrap" }, [bar, h("span", { class: "progress-text", "aria-hidden": "true" }, [text])]);
}

// Renders hipcore's reply in the engine's own words: every heading, dose line and label below
// comes from the reply (or, for a reply with errors, from the catalog's words). Nothing here is
// worded twice; the text is set as text, never as markup.

import { withDates } from "./dates.js";
import { h } from "./dom.js";

/**
 * @typedef {object} ReportOptions
 * @property {(exercise: string) => string | null} [exerciseHref]  the page of an exercise
 * @property {import("./dates.js").DateWriter} [writeDate]  an ISO date in the runner's date language
 */

/** An exercise's name, linked to its page where there is one. @param {string} id @param {string} name @param {ReportOptions} options */
function exerciseName(id, name, options) {
  const href = options.exerciseHref?.(id);
  return h("strong", {}, [href ? h("a", { href, part: "exercise-link" }, [name]) : name]);
}

/**
 * One exercise: name, dose, the worse side, why, and when to move up or down.
 * @param {any} item @param {any} titles @param {ReportOptions} options
 */
function programItem(item, titles, options) {
  const li = h("li", { "data-exercise": item.exercise }, [
    exerciseName(item.exercise, item.name, options), " ", h("span", { class: "dose" }, [item.dose_line]),
  ]);
  if (item.side_line) li.append(h("p", { class: "worse-side" }, [item.side_line]));
  li.append(h("p", { class: "why" }, [item.why.text]));
  li.append(h("p", { class: "advance" }, [`${titles.advance}: ${item.advance}`]));
  li.append(h("p", { class: "regress" }, [`${titles.regress}: ${item.regress}`]));
  return li;
}

/** @param {string} title @param {string} cls @param {Node[]} items @param {string} [tag] */
function section(title, cls, items, tag = "ul") {
  return [h("h3", {}, [title]), h(tag, { class: cls }, items)];
}

/** The reassessment's text, its dates in the date language. @param {any} reassess @param {ReportOptions} options */
export function reassessText(reassess, options) {
  const write = options.writeDate;
  return write ? withDates(reassess.text, [reassess.from_date, reassess.by_date], write) : reassess.text;
}

/** @param {any} reply @param {any} catalog @param {ReportOptions} [options] */
export function renderReply(reply, catalog, options = {}) {
  const box = h("div", { class: "prescription" });
  if (!reply.ok) {
    box.append(h("h3", {}, [catalog.words.headlines.invalid]),
      h("ul", { class: "errors" }, reply.errors.map((e) => h("li", {}, [`${e.path}: ${e.message}`]))));
    return box;
  }
  const p = reply.prescription;
  const t = p.titles;
  const names = Object.fromEntries(catalog.assessments.map((a) => [a.id, a.name]));
  box.dataset.status = p.status;
  box.append(h("p", { class: "headline" }, [p.headline]));
  if (p.referrals.length) {
    box.append(...section(t.referrals, "referrals", p.referrals.map((r) =>
      h("li", { class: r.urgent ? "urgent" : "" }, r.label ? [h("strong", {}, [r.label]), `: ${r.reason}`] : [r.reason]))));
  }
  if (p.findings.length) {
    box.append(...section(t.findings, "findings", p.findings.map((f) =>
      h("li", {}, [h("strong", {}, [f.text]),
        h("ul", { class: "evidence" }, f.evidence.map((e) => h("li", {}, [e.text])))]))));
  }
  if (p.asymmetries.length) {
    box.append(...section(t.asymmetries, "asymmetries", p.asymmetries.map((a) => h("li", {}, [a.text]))));
  }
  if (p.program.length) {
    box.append(...section(t.program, "program", p.program.map((/** @type {any} */ i) => programItem(i, t, options)), "ol"));
  }
  if (p.later.length) {
    box.append(...section(t.later, "later", p.later.map((/** @type {any} */ l) => h("li", {}, [exerciseName(l.exercise, l.name, options), `: ${l.text}`]))));
  }
  if (p.withheld.length) {
    box.append(...section(t.withheld, "withheld", p.withheld.map((w) => h("li", {}, [w.text]))));
  }
  if (p.reassess) {
    box.append(...section(t.reassess, "reassess", p.reassess.checks.map((c) =>
      h("li", {}, [h("strong", {}, [c.name]), `: ${c.text}`]))),
      h("p", { class: "rescreen" }, [reassessText(p.reassess, options)]));
  }
  for (const [title, ids, cls] of [[t.incomplete, p.incomplete, "incomplete"], [t.not_done, p.not_done, "not-done"]]) {
    if (ids.length) box.append(h("p", { class: cls }, [`${title}: ${ids.map((id) => names[id] ?? id).join(", ")}.`]));
  }
  box.append(h("p", { class: "disclaimer" }, [p.disclaimer]));
  return box;
}

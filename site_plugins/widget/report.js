// Renders hipcore's reply: a referral, or findings and an ordered program, or the input errors.

import { h } from "./dom.js";

function dose(d) {
  const work = d.reps != null ? `${d.reps} reps` : `${d.hold_seconds} s hold`;
  const side = d.per_side ? " each side" : "";
  return `${d.sets} × ${work}${side}, rest ${d.rest_seconds} s, ${d.sessions_per_week}× a week`;
}

/** One exercise: name, dose, the worse side, why, and when to move up or down. @param {any} item */
function programItem(item) {
  const li = h("li", {}, [h("strong", {}, [item.name]), ` — ${dose(item.dose)}. `, item.why.text]);
  if (item.worse_side) {
    li.append(h("p", { class: "worse-side" },
      [`Start with the ${item.worse_side} side and do ${item.worse_side_sets} sets on it.`]));
  }
  if (item.advance) li.append(h("p", { class: "advance" }, [`Move up: ${item.advance}`]));
  if (item.regress) li.append(h("p", { class: "regress" }, [`Move down: ${item.regress}`]));
  return li;
}

/** @param {any} reply @param {any} catalog */
export function renderReply(reply, catalog) {
  const box = h("div", { class: "prescription" });
  if (!reply.ok) {
    box.append(h("h3", {}, ["Some answers need another look"]),
      h("ul", { class: "errors" }, reply.errors.map((e) => h("li", {}, [`${e.path}: ${e.message}`]))));
    return box;
  }
  const p = reply.prescription;
  const names = Object.fromEntries(catalog.assessments.map((a) => [a.id, a.name]));
  box.dataset.status = p.status;
  if (p.referrals.length) {
    box.append(h("h3", {}, ["See a clinician"]),
      h("ul", { class: "referrals" }, p.referrals.map((r) => h("li", {}, [r.reason]))));
  }
  if (p.findings.length) {
    box.append(h("h3", {}, ["What your results show"]),
      h("ul", { class: "findings" }, p.findings.map((f) =>
        h("li", {}, [h("strong", {}, [f.name]), ` (${f.sides.join(" and ")}): ${f.why.text}`]))));
  }
  if (p.asymmetries?.length) {
    box.append(h("h3", {}, ["Left and right differ (recheck, not a diagnosis)"]),
      h("ul", { class: "asymmetries" }, p.asymmetries.map((a) => h("li", {}, [a.text]))));
  }
  if (p.program.length) {
    box.append(h("h3", {}, [p.status === "maintenance" ? "Keep it up: a maintenance program" : "Your program"]),
      h("ol", { class: "program" }, p.program.map(programItem)));
  }
  if (p.later?.length) {
    box.append(h("h3", {}, ["Later"]),
      h("ul", { class: "later" }, p.later.map((l) => h("li", {}, [h("strong", {}, [l.name]), `: ${l.text}`]))));
  }
  if (p.withheld?.length) {
    box.append(h("h3", {}, ["Not prescribed because a test hurt"]),
      h("ul", { class: "withheld" }, p.withheld.map((w) => h("li", {}, [w.text]))));
  }
  if (p.reassess) {
    const when = { after_stretching: "right after stretching", rescreen: "at the rescreen" };
    box.append(h("h3", {}, ["Test again"]),
      h("ul", { class: "reassess" }, p.reassess.checks.map((c) =>
        h("li", {}, [h("strong", {}, [c.name]), ` (${when[c.when] ?? c.when}): ${c.text}`]))),
      h("p", { class: "rescreen" }, [p.reassess.text]));
  }
  if (p.not_done.length) {
    box.append(h("p", { class: "not-done" }, [`Not done: ${p.not_done.map((id) => names[id] ?? id).join(", ")}.`]));
  }
  box.append(h("p", { class: "disclaimer" }, [p.disclaimer]));
  return box;
}

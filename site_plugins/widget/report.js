// Renders hipcore's reply: a referral, or findings and an ordered program, or the input errors.

function h(tag, attrs = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
  element.append(...children);
  return element;
}

function dose(d) {
  const work = d.reps != null ? `${d.reps} reps` : `${d.hold_seconds} s hold`;
  const side = d.per_side ? " each side" : "";
  return `${d.sets} × ${work}${side}, rest ${d.rest_seconds} s, ${d.sessions_per_week}× a week`;
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
  if (p.program.length) {
    box.append(h("h3", {}, [p.status === "maintenance" ? "Keep it up: a maintenance program" : "Your program"]),
      h("ol", { class: "program" }, p.program.map((item) =>
        h("li", {}, [h("strong", {}, [item.name]), ` — ${dose(item.dose)}. `, item.why.text]))));
  }
  if (p.not_done.length) {
    box.append(h("p", { class: "not-done" }, [`Not done: ${p.not_done.map((id) => names[id] ?? id).join(", ")}.`]));
  }
  box.append(h("p", { class: "disclaimer" }, [p.disclaimer]));
  return box;
}

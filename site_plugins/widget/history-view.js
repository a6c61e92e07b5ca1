// The history view: past assessments (newest first), a small chart per test and side, export,
// import, delete. Records are shown from their results only; a past program is worked out again
// by the engine when the runner asks for it.

import { h } from "./dom.js";
import { series } from "./records.js";

const SVG = "http://www.w3.org/2000/svg";

/** @param {string} tag @param {Record<string, string | number>} attrs @param {Node[]} [children] */
function svg(tag, attrs, children = []) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

/**
 * One line chart: the values over time, and the pass mark as a dashed line where there is one.
 * @param {ReturnType<typeof series>[number]} s
 * @param {{units: Record<string, string>, sides: Record<string, string>}} names  the catalog's
 *   words.names: each unit's and each side's name
 * @param {import("./dates.js").DateWriter} [writeDate]  a date as the runner reads it
 */
export function chart(s, names, writeDate = (iso) => iso) {
  const W = 280, H = 90, P = 8;
  const mark = s.measure.pass_when && s.measure.pass_when.unit === s.measure.unit ? s.measure.pass_when.value : null;
  const values = s.points.map((p) => p.value);
  const top = Math.max(...values, mark ?? 0) * 1.15 || 1;
  const x = (/** @type {number} */ i) => (s.points.length === 1 ? W / 2 : P + (i * (W - 2 * P)) / (s.points.length - 1));
  const y = (/** @type {number} */ v) => H - P - (v / top) * (H - 2 * P);
  const unit = ` ${names.units[s.measure.unit] ?? s.measure.unit}`;
  const words = s.points.map((p) => `${writeDate(p.date)}: ${Math.round(p.value * 10) / 10}${unit}`).join(", ");
  const side = s.side === "both" ? "" : names.sides[s.side];
  const title = side ? `${s.test.name}, ${side}` : s.test.name;
  const drawing = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": `${title}: ${words}` }, [
    svg("line", { x1: P, x2: W - P, y1: H - P, y2: H - P, class: "axis" }),
    ...(mark !== null ? [
      svg("line", { x1: P, x2: W - P, y1: y(mark), y2: y(mark), class: "mark" }),
      svg("text", { x: W - P, y: y(mark) - 3, "text-anchor": "end", class: "mark-label" }, [document.createTextNode(`${mark}${unit}`)]),
    ] : []),
    svg("polyline", { points: s.points.map((p, i) => `${x(i)},${y(p.value)}`).join(" "), class: "line" }),
    ...s.points.map((p, i) => svg("circle", {
      cx: x(i), cy: y(p.value), r: 3.5, class: mark === null ? "dot" : passes(s.measure, p.value) ? "dot pass" : "dot fail",
    })),
  ]);
  const last = s.points[s.points.length - 1];
  return h("figure", { class: "chart-box" }, [
    drawing,
    h("figcaption", {}, [`${title} — ${s.measure.label}: ${Math.round(last.value * 10) / 10}${unit} (${writeDate(last.date)})`]),
  ]);
}

/** The catalog's own pass mark for a measure. @param {any} measure @param {number} value */
function passes(measure, value) {
  const { comparator, value: mark } = measure.pass_when;
  return { ">=": value >= mark, "<=": value <= mark, ">": value > mark, "<": value < mark }[/** @type {">=" | "<=" | ">" | "<"} */ (comparator)];
}

/**
 * @param {{catalog: any, records: import("./records.js").HistoryRecord[], available: boolean, notices: string[],
 *   writeDate?: import("./dates.js").DateWriter}} options  writeDate: a date as the runner reads it
 */
export function historyView({ catalog, records, available, notices, writeDate = (iso) => iso }) {
  const names = Object.fromEntries(catalog.assessments.map((/** @type {any} */ a) => [a.id, a.name]));
  const w = catalog.words.widget;
  const section = h("section", { class: "step history", "data-step": "history" }, [
    h("h2", { class: "step-title", tabindex: "-1" }, [w.your_history]),
  ]);
  if (!available) section.append(h("p", { class: "notice" }, [w.history_off]));
  for (const notice of notices) section.append(h("p", { class: "notice", role: "alert" }, [notice]));
  if (available && !records.length) section.append(h("p", {}, [w.history_empty]));
  const charts = series(catalog, records);
  if (charts.length) section.append(h("div", { class: "charts" }, charts.map((c) => chart(c, catalog.words.names, writeDate))));
  const sorted = [...records].sort((a, b) => b.saved_at.localeCompare(a.saved_at));
  if (sorted.length) {
    section.append(h("ul", { class: "records" }, sorted.map((r) => h("li", { "data-record": r.id }, [
      h("span", { class: "record-date" }, [writeDate(r.results.recorded_at || r.saved_at.slice(0, 10))]), " ",
      h("span", { class: "record-tests" }, [r.results.assessments.map((/** @type {any} */ e) => names[e.assessment] ?? e.assessment).join(", ") || w.prescreen_only]),
      h("span", { class: "record-actions" }, [
        h("button", { type: "button", class: "link", "data-action": `history-show:${r.id}` }, [w.show_program]),
        h("button", { type: "button", class: "link", "data-action": `history-delete:${r.id}` }, [w.delete]),
      ]),
    ]))));
  }
  const importId = `import-${Math.random().toString(36).slice(2)}`;
  section.append(h("div", { class: "actions" }, [
    h("button", { type: "button", class: "secondary", "data-action": "back-to-flow" }, [w.back_to_assessment]),
    ...(available ? [
      h("button", { type: "button", class: "secondary", "data-action": "history-export", disabled: !records.length }, [w.export_all]),
      h("label", { class: "button secondary", for: importId }, [w.import_file]),
      h("input", { type: "file", id: importId, accept: "application/json,.json", class: "visually-hidden", name: "history-import" }),
      h("button", { type: "button", class: "secondary danger", "data-action": "history-clear", disabled: !records.length }, [w.delete_all]),
    ] : []),
  ]));
  return section;
}

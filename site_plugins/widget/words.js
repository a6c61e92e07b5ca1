// The widget's words come from the catalog (content/words.yaml, `widget`), made once for every
// place that shows them; this fills in their {names}, as hipcore.words.fill does in Python.

/**
 * `template` with each `{name}` replaced (the catalog's check has vetted the names).
 * @param {string} template @param {Record<string, string | number>} names
 */
export function fill(template, names) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in names ? String(names[name]) : whole));
}

/** A side's title: left, right, or the one result of a test done once. @param {any} w @param {string} side */
export function sideTitle(w, side) {
  return side === "left" ? w.left_side : side === "right" ? w.right_side : w.one_result;
}

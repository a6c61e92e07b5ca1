// The parts of <hip-assessment> a host page may style with ::part(), in one table: each part and
// the widget's elements that carry it. The element marks a view each time it draws one, so the
// step modules need not know the parts. A change here is a change to docs/embedding.md.

/** part name -> the elements (a selector inside the shadow root) that carry it */
export const PARTS = /** @type {const} */ ({
  body: ".hip", //                           the widget's box (its border, padding, colours)
  step: "section.step", //                   one step: the pre-screen, a test, the review, the result, the history
  heading: ".step-title", //                 a step's heading
  progress: ".progress", //                  the progress bar's track (its fill: progress-fill)
  "progress-fill": ".progress-fill",
  field: "input.number, select", //          a typed value (a number, a pain score) and a unit's choice
  choice: ".choice label", //                a yes/no answer, drawn as a pill (checked: also choice-checked)
  "choice-checked": ".choice input:checked + label",
  button: "button, a.button, label.button", // every button, and the links and labels drawn as one
  primary: "button.primary", //              the step's main button (also a button)
  result: ".report", //                      the program, in the engine's words
  status: ".status, .errors, .notice", //    a message to the runner (an error, a notice)
  timer: ".timer", //                        the hold timer
  "exercise-link": ".prescription a", //     an exercise's name, linking to its page
  "calendar-link": "a[download]", //          "Add to calendar"
});

/**
 * Give every element under `root` the parts it carries (and take away those it no longer does:
 * a pill stops being choice-checked when the other answer is chosen).
 * @param {ParentNode} root
 */
export function markParts(root) {
  for (const [name, selector] of Object.entries(PARTS)) {
    for (const element of root.querySelectorAll(`[part~="${name}"]`)) if (!element.matches(selector)) element.part.remove(name);
    for (const element of root.querySelectorAll(selector)) element.part.add(name);
  }
}

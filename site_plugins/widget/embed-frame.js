// The guide's /embed/ page: one <hip-assessment>, configured from the page's URL, that tells the
// host page its size and its events through origin-checked messages (embed-protocol.js).
//
// URL parameters (docs/embedding.md):
//   origin   an origin the frame may talk to (repeat it, or separate by spaces, for several);
//            without one the widget works but posts nothing
//   target   where links open: _blank (default), _top, _parent or _self
//   any of the element's attributes but src (tests, exercise-href, ...): set on the element
//            (src is not: the frame always runs the guide's own bundle)

import { HipAssessmentElement } from "./hip-assessment-element.js";
import "./define.js";
import { allowedOrigins, EVENTS, message, readMessage } from "./embed-protocol.js";

const NAME = "hip-assessment embed";
const TARGETS = ["_blank", "_top", "_parent", "_self"];
const WAITING_MAX = 50;

const params = new URLSearchParams(location.search);
const { origins, refused } = allowedOrigins(params.getAll("origin"));
for (const value of refused) {
  console.error(`${NAME}: origin=${value} is not an origin (write it as https://club.example); it is ignored`);
}
if (window.parent !== window && !origins.length) {
  console.warn(`${NAME}: no origin= in this frame's URL, so it tells its host nothing and is not resized`);
}
const attributes = HipAssessmentElement.observedAttributes.filter((name) => name !== "src");
const element = document.createElement("hip-assessment");
for (const [name, value] of params) {
  if (attributes.includes(name)) element.setAttribute(name, value);
  else if (name !== "origin" && name !== "target") {
    console.error(`${NAME}: unknown parameter ${name} (known: origin, target, ${attributes.join(", ")})`);
  }
}
const target = params.get("target") ?? "_blank";
if (TARGETS.includes(target)) document.querySelector("base")?.setAttribute("target", target);
else console.error(`${NAME}: target=${target} is not one of ${TARGETS.join(", ")}; links open in a new tab`);
document.querySelector("main")?.append(element);

/** The host's origin, once its resizer connected. @type {string | null} */
let host = null;
/** Events fired before the host connected. @type {import("./embed-protocol.js").EventMessage[]} */
const waiting = [];
let lastSize = "";

/** @param {import("./embed-protocol.js").EmbedMessage} data */
function post(data) {
  if (host) window.parent.postMessage(data, host);
}

function sendSize() {
  const size = message({
    type: "size",
    height: Math.ceil(document.body.getBoundingClientRect().height),
    step: element.dataset.step ?? "",
    state: element.dataset.state ?? "",
  });
  const key = `${size.height} ${size.step} ${size.state}`;
  if (!host || key === lastSize) return;
  lastSize = key;
  post(size);
}

window.addEventListener("message", (event) => {
  // Only the page that framed us, and only from an origin the URL lists.
  if (window.parent === window || event.source !== window.parent) return;
  if (readMessage(event.data)?.type !== "connect") return;
  if (!origins.includes(event.origin)) {
    console.warn(`${NAME}: ${event.origin} asked to connect but is not in this frame's origin= list; ignored`);
    return;
  }
  host = event.origin;
  document.documentElement.dataset.embed = "connected";
  lastSize = "";
  sendSize();
  for (const data of waiting.splice(0)) post(data);
});

for (const name of EVENTS) {
  element.addEventListener(`hip-assessment-${name}`, (event) => {
    // Plain JSON data only: nothing else of the page crosses.
    const detail = JSON.parse(JSON.stringify(/** @type {CustomEvent} */ (event).detail ?? {}));
    const data = message({ type: "event", name, detail });
    if (host) return post(data);
    if (name === "change") {
      const at = waiting.findIndex((m) => m.name === "change");
      if (at >= 0) waiting.splice(at, 1);
    }
    waiting.push(data);
    if (waiting.length > WAITING_MAX) waiting.shift();
  });
}

// Every change of height (a step, the timer, the result, the history, a narrower window) and of
// the widget's step and state.
new ResizeObserver(sendSize).observe(document.body);
new MutationObserver(sendSize).observe(element, { attributes: true, attributeFilter: ["data-step", "data-state"] });

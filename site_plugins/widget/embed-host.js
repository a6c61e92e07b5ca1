// The host page's side of the iframe embed: sizes each <iframe data-hip-assessment> showing the
// guide's /embed/ page to its content, and dispatches the widget's events on the iframe element.
//
//   <script type="module" src="https://GUIDE/assets/hipguide/widget/embed-host.js"></script>
//   <iframe data-hip-assessment title="Hip self-assessment" width="100%" height="640"
//     src="https://GUIDE/embed/?tests=single_leg_bridge&origin=https://club.example"></iframe>
//
// Iframes with data-hip-assessment present when this module runs are connected; connect one
// added later with connectFrame(iframe). Messages are accepted only from the iframe's
// contentWindow and from the origin of its src, and posted only to that origin
// (embed-protocol.js). On the iframe element:
//   style.height             the frame's content height (plus the iframe's border and padding
//                            when the page sets box-sizing: border-box)
//   data-hip-step, data-hip-state   the widget's data-step and data-state
//   hip-assessment-load, -error, -change, -complete   CustomEvents (bubbling; data in detail)

import { EVENTS, message, readMessage } from "./embed-protocol.js";

/** @type {Set<HTMLIFrameElement>} */
const frames = new Set();

/** The origin of the iframe's src, or null. @param {HTMLIFrameElement} iframe */
function frameOrigin(iframe) {
  try {
    const origin = new URL(iframe.src, document.baseURI).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** Whether the iframe shows something other than its first, empty document. @param {HTMLIFrameElement} iframe */
function showsPage(iframe) {
  try {
    return iframe.contentWindow?.location.href !== "about:blank";
  } catch {
    return true; // another origin's page: it cannot be read, so it is there
  }
}

/** @param {HTMLIFrameElement} iframe */
function connect(iframe) {
  const origin = frameOrigin(iframe);
  if (origin && frames.has(iframe)) iframe.contentWindow?.postMessage(message({ type: "connect" }), origin);
}

/** @param {Event} event */
const onLoad = (event) => connect(/** @type {HTMLIFrameElement} */ (event.currentTarget));

/**
 * Size this iframe to its content and pass on its events; returns a function that stops.
 * @param {HTMLIFrameElement} iframe
 * @returns {() => void}
 */
export function connectFrame(iframe) {
  if (!frames.has(iframe)) {
    frames.add(iframe);
    iframe.addEventListener("load", onLoad);
    if (showsPage(iframe)) connect(iframe);
  }
  return () => {
    frames.delete(iframe);
    iframe.removeEventListener("load", onLoad);
  };
}

/** @param {HTMLIFrameElement} iframe @param {number} height */
function resize(iframe, height) {
  const style = getComputedStyle(iframe);
  let extra = 0;
  if (style.boxSizing === "border-box") {
    for (const side of ["top", "bottom"]) {
      extra += parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0;
      extra += parseFloat(style.getPropertyValue(`padding-${side}`)) || 0;
    }
  }
  // Through the CSSOM, which a host's style-src without 'unsafe-inline' allows.
  iframe.style.height = `${height + extra}px`;
}

window.addEventListener("message", (event) => {
  let iframe = null;
  for (const candidate of frames) if (event.source && candidate.contentWindow === event.source) iframe = candidate;
  if (!iframe || event.origin !== frameOrigin(iframe)) return;
  const data = readMessage(event.data);
  if (data?.type === "size") {
    resize(iframe, data.height);
    iframe.dataset.hipStep = data.step;
    iframe.dataset.hipState = data.state;
  } else if (data?.type === "event" && EVENTS.includes(data.name)) {
    iframe.dispatchEvent(new CustomEvent(`hip-assessment-${data.name}`, { bubbles: true, detail: data.detail }));
  }
});

for (const iframe of document.querySelectorAll("iframe[data-hip-assessment]")) {
  connectFrame(/** @type {HTMLIFrameElement} */ (iframe));
}

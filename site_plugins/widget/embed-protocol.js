// The iframe embed's message contract: the host page's resizer (embed-host.js) and the guide's
// /embed/ page (embed-frame.js) talk only through these messages, with window.postMessage, and
// each side checks a message's origin and sender before it reads it (docs/embedding.md).
//
//   host -> frame   {channel, version, type: "connect"}
//       posted to the frame's origin when the iframe loads (and when the resizer starts). The
//       frame accepts it only from its parent window and from an origin in its allowlist (the
//       `origin` parameters of its URL, set by the host), and from then on posts to that
//       origin only; before that it posts nothing.
//   frame -> host   {channel, version, type: "size", height, step, state}
//       the height of the frame's content in CSS pixels, on connecting and whenever it changes
//       (each step, the timer, the result, the history), with the widget's data-step and
//       data-state.
//   frame -> host   {channel, version, type: "event", name, detail}
//       the element's hip-assessment-<name> event (name: one of EVENTS) with its detail, as
//       plain JSON data; events fired before the host connected are sent when it does.
//
// A message that is not of this shape, or of another version, is ignored by both sides.

/** Marks this contract's messages among a page's other postMessage traffic. */
export const CHANNEL = "hip-assessment-embed";
/** Bumped on any change a side of the other version would misread. */
export const EMBED_VERSION = 1;
/** The element's events the frame passes on to the host. */
export const EVENTS = /** @type {const} */ (["load", "error", "change", "complete"]);
/** The largest height a frame reports; a larger one is not a real page. */
export const MAX_HEIGHT = 100_000;

/** @typedef {typeof EVENTS[number]} EventName */
/** @typedef {{channel: typeof CHANNEL, version: number}} Envelope */
/** @typedef {Envelope & {type: "connect"}} ConnectMessage */
/**
 * @typedef {Envelope & {type: "size", height: number, step: string, state: string}} SizeMessage
 * height: CSS pixels, a whole number from 0 to MAX_HEIGHT; step and state: the element's
 * data-step and data-state ("" before it has one)
 */
/** @typedef {Envelope & {type: "event", name: EventName, detail: Record<string, unknown>}} EventMessage */
/** @typedef {ConnectMessage | SizeMessage | EventMessage} EmbedMessage */

/**
 * A message of this contract, enveloped.
 * @template {Omit<ConnectMessage, keyof Envelope> | Omit<SizeMessage, keyof Envelope> | Omit<EventMessage, keyof Envelope>} T
 * @param {T} body
 * @returns {Envelope & T}
 */
export function message(body) {
  return { channel: CHANNEL, version: EMBED_VERSION, ...body };
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The message in `data`, checked field by field, or null when it is not one of this contract's
 * (another library's traffic, another version, a field of the wrong type).
 * @param {unknown} data
 * @returns {EmbedMessage | null}
 */
export function readMessage(data) {
  if (!isRecord(data) || data.channel !== CHANNEL || data.version !== EMBED_VERSION) return null;
  if (data.type === "connect") return message({ type: "connect" });
  if (data.type === "size") {
    const { height, step, state } = data;
    if (!Number.isInteger(height) || typeof height !== "number" || height < 0 || height > MAX_HEIGHT) return null;
    if (typeof step !== "string" || typeof state !== "string") return null;
    return message({ type: "size", height, step, state });
  }
  if (data.type === "event") {
    const name = EVENTS.find((known) => known === data.name);
    if (!name || !isRecord(data.detail)) return null;
    return message({ type: "event", name, detail: data.detail });
  }
  return null;
}

/**
 * The allowlist from the frame URL's `origin` parameters: each must be an origin written as a
 * URL ("https://club.example", a path is dropped); anything else is refused, never widened
 * ("*", "null", a bare host name).
 * @param {string[]} values
 * @returns {{origins: string[], refused: string[]}}
 */
export function allowedOrigins(values) {
  /** @type {string[]} */ const origins = [];
  /** @type {string[]} */ const refused = [];
  for (const value of values.flatMap((v) => v.split(/\s+/)).filter(Boolean)) {
    let origin = "null";
    try {
      const url = new URL(value);
      if (url.protocol === "https:" || url.protocol === "http:") origin = url.origin;
    } catch {
      // not a URL: refused below
    }
    if (origin === "null") refused.push(value);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, refused };
}

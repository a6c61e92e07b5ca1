// The message contract between the page and the engine worker. Keep it small and typed:
// embedding sites and the service worker depend on it.
//
// Page -> worker:   {id, type, payload}
// Worker -> page:   {id, result} | {id, error}          (a reply to one request)
//                   {type: "progress", stage}           (start-up, no id)
// Errors never cross as exceptions: every request gets exactly one reply. The engine starts with
// the first request: a worker made ahead of need stays idle until then.

/**
 * The engine worker's name (`new Worker(url, {name})`, its `self.name`), which also says whether
 * the page's service worker may keep the runtime on the device: if so, the worker reads the
 * runtime's files from Cache Storage first; if not, from the network (the HTTP cache) alone. A
 * name, not the URL: a service worker answering for the script gives it the URL it cached.
 */
export const ENGINE_NAMES = /** @type {const} */ ({ kept: "hipcore (runtime kept)", notKept: "hipcore" });

/**
 * Protocol version; bump when a message changes shape. 2: the "hello" handshake (its `start` and
 * `fallback` fields were added later without a bump: a page ignores fields it does not know).
 */
export const PROTOCOL_VERSION = 2;

/**
 * Start-up stages, in order, reported as they begin.
 * @typedef {"runtime" | "filesystem" | "engine" | "ready"} Stage
 */
export const STAGES = /** @type {const} */ (["runtime", "filesystem", "engine", "ready"]);

/**
 * @typedef {object} Request
 * @property {number} id        Chosen by the page, echoed in the reply.
 * @property {"hello" | "assess" | "version"} type
 *   "hello":   payload `{protocol, catalog}` (the page's protocol version and the exact text of
 *              the catalog.json it shows); result is a {@link Hello}. The page refuses an engine
 *              whose protocol or catalog differs (a stale cache, a half-deployed site).
 *   "assess":  payload is a results document (object); result is hipcore's reply
 *              `{ok: true, prescription}` or `{ok: false, errors: [{path, message}]}`.
 *   "version": no payload; result is a {@link Hello} without `catalog_match`.
 * @property {unknown} [payload]
 */

/**
 * @typedef {object} Hello
 * @property {number} protocol        The worker's PROTOCOL_VERSION.
 * @property {string} hipcore         hipcore.__version__ inside the worker.
 * @property {string} python          Python's version.
 * @property {string} pyodide         Pyodide's version.
 * @property {string} catalog_sha256  sha256 (hex) of the catalog inside the engine's wheel.
 * @property {boolean} [catalog_match] Whether the page's catalog text has the same sha256.
 * @property {"snapshot" | "plain"} start  How the engine started: restored from the build's
 *                                    start-up snapshot, or plainly (no snapshot, or it failed).
 * @property {string} [fallback]      Why a snapshot the manifest names was not used.
 */

/**
 * @typedef {object} WorkerError
 * @property {"runtime" | "engine" | "protocol"} code  Which part failed.
 * @property {string} message                         Readable, for the runner.
 */

/**
 * @typedef {{id: number, result: unknown} | {id: number, error: WorkerError}} Reply
 * @typedef {{type: "progress", stage: Stage}} Progress
 */

/**
 * Wraps a worker in `request(type, payload) -> Promise`.
 */
export class EngineClient {
  /** @type {Worker} */ #worker;
  #nextId = 1;
  /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
  #pending = new Map();

  /**
   * @param {Worker} worker
   * @param {(stage: Stage) => void} [onProgress]
   */
  constructor(worker, onProgress) {
    this.#worker = worker;
    worker.addEventListener("message", (event) => {
      const data = event.data;
      if (data && data.type === "progress") {
        onProgress?.(data.stage);
        return;
      }
      const pending = this.#pending.get(data?.id);
      if (!pending) return;
      this.#pending.delete(data.id);
      if ("error" in data) {
        const error = new Error(data.error.message);
        error.name = `EngineError(${data.error.code})`;
        pending.reject(error);
      } else {
        pending.resolve(data.result);
      }
    });
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.#failAll(new Error(`The engine worker could not start: ${event.message || "script error"}`));
    });
  }

  /**
   * @param {Request["type"]} type
   * @param {unknown} [payload]
   * @returns {Promise<any>}
   */
  request(type, payload) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, payload });
    });
  }

  terminate() {
    this.#worker.terminate();
    this.#failAll(new Error("The engine worker was stopped."));
  }

  /** @param {Error} error */
  #failAll(error) {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

// One engine (a module worker running Pyodide) per document and bundle URL, shared by every
// <hip-assessment> that names that URL. An element holds it while connected; the last one to let
// go stops the worker after a short grace, so instant navigation from one assessment page to the
// next (old element out, new element in) and moving an element keep the same engine.

import { ENGINE_NAMES, EngineClient, PROTOCOL_VERSION, STAGES } from "./protocol.js";

/** @typedef {import("./protocol.js").Stage} Stage */

/**
 * @typedef {object} EngineListener
 * @property {(stage: Stage) => void} progress
 * @property {(client: EngineClient, hello: import("./protocol.js").Hello) => void} ready
 * @property {(error: Error) => void} failed
 */

/** Milliseconds an unused engine is kept before its worker is stopped. */
export const engineSettings = { idleMs: 5000 };

class Entry {
  /** @type {Set<object>} */ holders = new Set();
  /** @type {Set<EngineListener>} */ listeners = new Set();
  /** @type {Stage[]} */ stages = [];
  /** @type {EngineClient | null} */ client = null;
  /** @type {import("./protocol.js").Hello | null} */ hello = null;
  /** @type {Error | null} */ error = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */ idle = undefined;

  /** @param {string} src @param {string} catalogText */
  constructor(src, catalogText) {
    this.src = src;
    /** @type {EngineClient | null} */
    this.worker = null;
    /** @type {Promise<import("./protocol.js").Hello>} */
    let hello;
    try {
      const ahead = prepared.get(src);
      prepared.delete(src);
      ahead?.taken.abort();
      this.worker = new EngineClient(ahead?.worker ?? startWorker(src), (stage) => {
        this.stages.push(stage);
        for (const l of this.listeners) l.progress(stage);
      });
      hello = this.worker.request("hello", { protocol: PROTOCOL_VERSION, catalog: catalogText });
    } catch (error) {
      // A refused worker (the page's CSP, a browser without module workers) throws here, at
      // once: reported like any other failure, after the caller's listener is in place.
      hello = Promise.reject(new Error(`the browser refused to start the engine worker (${/** @type {Error} */ (error)?.message ?? error})`));
    }
    hello.then(
      (/** @type {import("./protocol.js").Hello} */ hello) => {
        if (hello.protocol !== PROTOCOL_VERSION) {
          throw new Error(`the engine speaks protocol ${hello.protocol}, this page ${PROTOCOL_VERSION}; reload the page`);
        }
        if (!hello.catalog_match) {
          throw new Error(`the engine's test list (catalog ${hello.catalog_sha256.slice(0, 12)}) is not the one this page shows; reload the page to get matching files`);
        }
        const client = /** @type {EngineClient} */ (this.worker);
        this.client = client;
        this.hello = hello;
        for (const l of this.listeners) l.ready(client, hello);
      },
    ).catch((/** @type {Error} */ error) => {
      this.error = error;
      this.worker?.terminate();
      if (pool.get(src) === this) pool.delete(src);
      for (const l of this.listeners) l.failed(error);
    });
  }
}

/**
 * The engine's module worker. A page may only start a worker from its own origin, so for a guide
 * on another origin (a script embed) the worker is a same-origin blob module that imports the
 * guide's worker module (served with CORS); everything it loads resolves against the guide.
 * Throws when the browser refuses (a CSP without `worker-src blob:`, say).
 * @param {string} src
 */
export function startWorker(src) {
  const url = new URL("widget/worker.js", src);
  if (url.origin === location.origin) {
    // The runtime is kept on the device only by the guide's service worker (sw.js), so only a
    // page it controls tells the worker to look there first (worker.js: fetchKept); on a first
    // visit, Cache Storage's answer that it has nothing took up to 160 ms on the way to ready.
    const name = navigator.serviceWorker?.controller ? ENGINE_NAMES.kept : ENGINE_NAMES.notKept;
    return new Worker(url, { type: "module", name });
  }
  const blob = new Blob([`import ${JSON.stringify(url.href)};\n`], { type: "text/javascript" });
  // Not revoked: one tiny blob per guide and document, and a revoked URL could fail a worker
  // that has not fetched it yet.
  return new Worker(URL.createObjectURL(blob), { type: "module", name: ENGINE_NAMES.notKept });
}

/**
 * Compile the runtime's JavaScript module once from the service worker's copy, in idle time and
 * a worker of its own that stops as soon as it is compiled. The browser keeps compiled code for a
 * script beside its copy in the service worker's cache, but only once the script has run from
 * that copy; the engine of a first visit ran it from the network, so without this the runner's
 * next visit compiles Pyodide's 1.2 MB module again (~75 ms on the engine's way to ready).
 * Same-origin guides only: another origin's page has no service worker of the guide.
 * @param {string} src
 */
export function compileKeptRuntime(src) {
  const url = new URL("widget/compile-runtime.js", src);
  if (url.origin !== location.origin) return;
  const idle = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ run) => setTimeout(run, 0));
  idle(() => {
    try {
      const worker = new Worker(url, { type: "module", name: "hipcore-compile" });
      worker.addEventListener("message", () => {
        worker.terminate();
        performance.mark("hip-assessment:runtime-compiled");
      });
      worker.addEventListener("error", () => worker.terminate());
    } catch {
      // refused (a strict CSP): the next visit's engine compiles the module itself
    }
  });
}

/** @type {Map<string, Entry>} */
const pool = new Map();

/**
 * Workers made ahead of need, idle until an engine takes them.
 * @type {Map<string, {worker: Worker, taken: AbortController}>}
 */
const prepared = new Map();

/**
 * Make the engine's worker for `src` ahead of need: the thread and its modules, nothing more (the
 * engine starts with its first request, worker.js). The first `acquire` for `src` takes it, and
 * is that much closer to ready. A refused worker is left for `acquire` to report.
 * @param {string} src
 */
export function prepare(src) {
  if (pool.has(src) || prepared.has(src)) return;
  try {
    const worker = startWorker(src);
    const taken = new AbortController();
    // One that fails to load before an engine takes it is dropped (no engine would hear of it):
    // the engine then makes its own worker, and hears how that one fares.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      worker.terminate();
      if (prepared.get(src)?.worker === worker) prepared.delete(src);
    }, { signal: taken.signal });
    prepared.set(src, { worker, taken });
  } catch {
    // refused at once: acquire() tries again and reports it
  }
}

/**
 * Hold the engine for `src`, starting it if needed. The listener hears every stage, the ones
 * already passed first, then ready or failed.
 * @param {string} src
 * @param {object} holder
 * @param {string} catalogText  the catalog.json the holder shows, for the handshake
 * @param {EngineListener} listener
 */
export function acquire(src, holder, catalogText, listener) {
  let entry = pool.get(src);
  if (!entry) {
    entry = new Entry(src, catalogText);
    pool.set(src, entry);
  }
  clearTimeout(entry.idle);
  entry.holders.add(holder);
  entry.listeners.add(listener);
  for (const stage of entry.stages) listener.progress(stage);
  if (entry.client && entry.hello) listener.ready(entry.client, entry.hello);
  return () => entry.listeners.delete(listener);
}

/**
 * Let go of the engine for `src`; the last holder's release stops it after the grace period.
 * @param {string} src @param {object} holder
 */
export function release(src, holder) {
  const entry = pool.get(src);
  if (!entry || !entry.holders.delete(holder)) return;
  if (entry.holders.size) return;
  clearTimeout(entry.idle);
  entry.idle = setTimeout(() => {
    if (entry.holders.size || pool.get(src) !== entry) return;
    pool.delete(src);
    entry.worker?.terminate();
  }, engineSettings.idleMs);
}

/** How many engines this document runs (for tests and the benchmark). */
export function engineCount() {
  return pool.size;
}

/** @type {Map<string, Promise<{text: string, catalog: any}>>} */
const catalogs = new Map();

/**
 * The catalog for `src`, fetched once per document.
 * @param {string} src
 * @returns {Promise<{text: string, catalog: any}>}
 */
export function catalogFor(src) {
  let loading = catalogs.get(src);
  if (!loading) {
    loading = fetch(new URL("catalog.json", src)).then(async (response) => {
      if (!response.ok) throw new Error(`catalog.json answered ${response.status}`);
      const text = await response.text();
      return { text, catalog: JSON.parse(text) };
    });
    loading.catch(() => catalogs.delete(src));
    catalogs.set(src, loading);
  }
  return loading;
}

export { STAGES };

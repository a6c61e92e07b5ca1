// The engine worker: starts Pyodide from the site's own files (startup.js: the build's start-up
// snapshot, or the plain start with the hipcore wheel when the snapshot cannot be used), and
// answers requests as described in protocol.js. Loaded as a module worker.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { ENGINE_NAMES, PROTOCOL_VERSION } from "./protocol.js";
import { startEngine } from "./startup.js";

const assetsURL = new URL("../", import.meta.url);
const fetchOriginal = self.fetch;

// Pyodide logs a failed download or compile of its WebAssembly and then waits forever, so the
// failure is caught here and turned into an error the page can show.
/** @type {(error: unknown) => void} */
let failRuntime = () => {};
/** @type {Promise<never>} */
const runtimeFailed = new Promise((_, reject) => {
  failRuntime = reject;
});
runtimeFailed.catch(() => {});
for (const name of /** @type {const} */ (["instantiate", "instantiateStreaming"])) {
  const original = /** @type {any} */ (WebAssembly)[name];
  /** @type {any} */ (WebAssembly)[name] = function (/** @type {any[]} */ ...args) {
    return original.apply(this, args).catch((/** @type {any} */ error) => {
      failRuntime(new Error(`the runtime download failed (${error?.message ?? error})`));
      throw error;
    });
  };
}

// The runtime's large files, once the service worker keeps them, are read from its cache here:
// through the service worker's fetch event the same 10 MB took ~170 ms instead of ~15 ms. Looked
// for only where the page says they may be kept (protocol.js: ENGINE_NAMES); elsewhere (a first
// visit, another origin's worker, no Cache Storage), and when they are not there, the network.
const mayBeKept = self.name === ENGINE_NAMES.kept;
/** @param {string} url @returns {Promise<Response>} */
async function fetchKept(url) {
  const kept = mayBeKept ? await globalThis.caches?.match(url).catch(() => undefined) : undefined;
  return kept?.ok ? kept : fetchOriginal.call(self, url);
}

// Pyodide asks for its WebAssembly only once pyodide.asm.mjs has downloaded and run, and compiles
// it only once the snapshot is in and checked. Fetched and compiled from the engine's start
// instead, beside the snapshot and pyodide.asm.mjs; Pyodide's own fetch of it gets this response,
// and its instantiation the compiled module (the response has been read for the compiler).
// Compiled once all its bytes are in (readBytes), not while they stream in: a streaming compile
// takes each chunk on this worker's thread, in turn with the runtime's JavaScript and the
// snapshot. Measured: ready ~60 ms sooner on a first visit, and over a 20 Mbit/s link too.
const runtimeWasmURL = new URL("pyodide/pyodide.asm.wasm", assetsURL).href;
/** @type {{response: Promise<Response>, module: Promise<WebAssembly.Module>} | null} */
let runtimeWasm = null;
function fetchRuntimeWasm() {
  const response = fetchKept(runtimeWasmURL);
  const module = response.then(async (answer) => {
    return WebAssembly.compile(await readBytes(answer, runtimeWasmURL));
  });
  response.catch(() => {});
  module.catch(() => {}); // reported by the instantiation that awaits it
  return { response, module };
}
self.fetch = function (/** @type {any} */ resource, /** @type {any} */ init) {
  if (runtimeWasm && String(resource) === runtimeWasmURL) return runtimeWasm.response;
  return fetchOriginal.call(this, resource, init);
};
const instantiateStreaming = WebAssembly.instantiateStreaming;
WebAssembly.instantiateStreaming = function (source, imports) {
  if (runtimeWasm && source === runtimeWasm.response) {
    return runtimeWasm.module.then(
      async (module) => ({ instance: await WebAssembly.instantiate(module, imports), module }),
      (error) => {
        failRuntime(new Error(`the runtime download failed (${error?.message ?? error})`));
        throw error;
      },
    );
  }
  return instantiateStreaming.call(this, source, imports);
};

/** @param {string} name */
async function readAsset(name) {
  const url = new URL(name, assetsURL).href;
  return readBytes(await fetchKept(url), url);
}

// A response's body read as a Blob, then its bytes at once: `arrayBuffer()` on the response takes
// the body in chunk by chunk on this worker's thread, which the runtime's start needs; a Blob
// collects it outside. Measured on the snapshot's 10.7 MB: ready ~30-40 ms sooner.
/** @param {Response} response @param {string} url */
async function readBytes(response, url) {
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return (await response.blob()).arrayBuffer();
}

// The engine starts with the first request, not when the worker is made: a page may make the
// worker ahead of need (engines.js: prepare), and a worker never asked fetches no runtime.
/** @type {Promise<import("./startup.js").Engine> | null} */
let engine = null;
function started() {
  if (engine) return engine;
  runtimeWasm = fetchRuntimeWasm();
  engine = startEngine({
    loadPyodide,
    indexURL: new URL("pyodide/", assetsURL).href,
    readAsset,
    onStage: (stage) => self.postMessage({ type: "progress", stage }),
    failed: runtimeFailed,
  });
  engine.catch(() => {}); // reported per request below
  return engine;
}

self.addEventListener("message", async (event) => {
  const { id, type, payload } = event.data ?? {};
  let runtime;
  try {
    runtime = await started();
  } catch (error) {
    const message = `Python could not start: ${String(/** @type {any} */ (error)?.message ?? error)}`;
    self.postMessage({ id, error: { code: "runtime", message } });
    return;
  }
  try {
    if (type === "assess") {
      const reply = runtime.assessJson(JSON.stringify(payload));
      self.postMessage({ id, result: JSON.parse(reply) });
    } else if (type === "version" || type === "hello") {
      const result = { protocol: PROTOCOL_VERSION, ...runtime.version, start: runtime.start };
      if (runtime.fallback !== undefined) Object.assign(result, { fallback: runtime.fallback });
      if (type === "hello") {
        const text = typeof payload?.catalog === "string" ? payload.catalog : "";
        Object.assign(result, { catalog_match: (await runtime.sha256(text)) === runtime.version.catalog_sha256 });
      }
      self.postMessage({ id, result });
    } else {
      self.postMessage({ id, error: { code: "protocol", message: `Unknown request type ${JSON.stringify(type)}` } });
    }
  } catch (error) {
    self.postMessage({ id, error: { code: "engine", message: String(/** @type {any} */ (error)?.message ?? error) } });
  }
});

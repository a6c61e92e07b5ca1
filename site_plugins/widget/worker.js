// The engine worker: starts Pyodide from the site's own files, installs the hipcore wheel, and
// answers requests as described in protocol.js. Loaded as a module worker.

import { loadPyodide } from "../pyodide/pyodide.mjs";
import { PROTOCOL_VERSION } from "./protocol.js";

const assetsURL = new URL("../", import.meta.url);

// Pyodide logs a failed download or compile of its WebAssembly and then waits forever, so the
// failure is caught here and turned into an error the page can show.
/** @type {(error: unknown) => void} */
let failRuntime = () => {};
const runtimeFailed = new Promise((_, reject) => {
  failRuntime = reject;
});
runtimeFailed.catch(() => {});
for (const name of /** @type {const} */ (["instantiate", "instantiateStreaming"])) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    return original.apply(this, args).catch((error) => {
      failRuntime(new Error(`the runtime download failed (${error?.message ?? error})`));
      throw error;
    });
  };
}

/** @param {import("./protocol.js").Stage} stage */
function progress(stage) {
  self.postMessage({ type: "progress", stage });
}

async function start() {
  progress("runtime");
  const pyodide = await Promise.race([
    loadPyodide({ indexURL: new URL("pyodide/", assetsURL).href, packages: [] }),
    runtimeFailed,
  ]);
  progress("filesystem");
  const manifest = await fetchOk(new URL("manifest.json", assetsURL)).then((r) => r.json());
  const wheel = await fetchOk(new URL(manifest.wheel, assetsURL)).then((r) => r.arrayBuffer());
  pyodide.unpackArchive(wheel, "wheel");
  progress("engine");
  pyodide.runPython("import hipcore.api");
  const assessJson = pyodide.globals.get("hipcore").api.assess_json;
  progress("ready");
  return { pyodide, assessJson };
}

/** @param {URL} url */
async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return response;
}

const engine = start();
engine.catch(() => {}); // reported per request below

self.addEventListener("message", async (event) => {
  const { id, type, payload } = event.data ?? {};
  let runtime;
  try {
    runtime = await engine;
  } catch (error) {
    self.postMessage({ id, error: { code: "runtime", message: `Python could not start: ${String(error?.message ?? error)}` } });
    return;
  }
  try {
    if (type === "assess") {
      const reply = runtime.assessJson(JSON.stringify(payload));
      self.postMessage({ id, result: JSON.parse(reply) });
    } else if (type === "version") {
      const python = runtime.pyodide.runPython("import sys; sys.version.split()[0]");
      const hipcore = runtime.pyodide.runPython("import hipcore; hipcore.__version__");
      self.postMessage({ id, result: { protocol: PROTOCOL_VERSION, hipcore, python, pyodide: runtime.pyodide.version } });
    } else {
      self.postMessage({ id, error: { code: "protocol", message: `Unknown request type ${JSON.stringify(type)}` } });
    }
  } catch (error) {
    self.postMessage({ id, error: { code: "engine", message: String(error?.message ?? error) } });
  }
});

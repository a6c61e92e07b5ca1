// The engine's start-up, in named stages: runtime -> filesystem -> engine. Shared by the worker
// (worker.js) and by Node (a test runner, or a build step that takes a start-up snapshot): it
// touches no browser API; whatever differs between hosts is passed in.

/**
 * @typedef {object} StartOptions
 * @property {(options: {indexURL: string, packages: string[]}) => Promise<any>} loadPyodide
 * @property {string} indexURL                       Where pyodide.asm.wasm and friends are.
 * @property {(name: string) => Promise<ArrayBuffer>} readAsset  A bundle file, by name.
 * @property {(stage: import("./protocol.js").Stage) => void} [onStage]
 * @property {Promise<never>} [failed]               Rejects when the runtime download fails.
 */

/**
 * @typedef {object} Engine
 * @property {any} pyodide
 * @property {(resultsJson: string) => string} assessJson
 * @property {(catalogText: string) => string} sha256   hex digest of UTF-8 text, by hashlib.
 * @property {{hipcore: string, python: string, pyodide: string, catalog_sha256: string}} version
 */

/**
 * Start Python, install the hipcore wheel named by manifest.json, import the engine.
 * @param {StartOptions} options
 * @returns {Promise<Engine>}
 */
export async function startEngine({ loadPyodide, indexURL, readAsset, onStage = () => {}, failed }) {
  onStage("runtime");
  const loading = loadPyodide({ indexURL, packages: [] });
  const pyodide = await (failed ? Promise.race([loading, failed]) : loading);
  onStage("filesystem");
  const manifest = JSON.parse(new TextDecoder().decode(await readAsset("manifest.json")));
  pyodide.unpackArchive(await readAsset(manifest.wheel), "wheel");
  onStage("engine");
  pyodide.runPython("import hipcore.api, hashlib, sys, importlib.resources");
  const globals = pyodide.globals;
  const assessJson = globals.get("hipcore").api.assess_json;
  const sha256 = pyodide.runPython(
    "lambda text: hashlib.sha256(text.encode('utf-8')).hexdigest()",
  );
  const version = {
    hipcore: String(pyodide.runPython("hipcore.__version__")),
    python: String(pyodide.runPython("sys.version.split()[0]")),
    pyodide: String(pyodide.version),
    catalog_sha256: String(pyodide.runPython(
      "hashlib.sha256(importlib.resources.files('hipcore').joinpath('data/catalog.json')"
      + ".read_bytes()).hexdigest()",
    )),
  };
  onStage("ready");
  return { pyodide, assessJson, sha256, version };
}

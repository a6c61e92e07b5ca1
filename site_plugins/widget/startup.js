// The engine's start-up, in named stages: runtime -> filesystem -> engine. Shared by the worker
// (worker.js) and by Node (a test runner, or the build step that takes the start-up snapshot,
// site_plugins/bundle/snapshot.mjs): it touches no browser API; whatever differs between hosts is
// passed in.
//
// Two paths, reported as `start` in the engine's hello (protocol.js):
//   "snapshot": manifest.json names a memory snapshot taken at build time (makeSnapshot below)
//               with hipcore imported and its catalog loaded. It is fetched, checked (length and
//               sha256 from the manifest) and restored; the standard library archive, the lock
//               file and the wheel are not fetched at all.
//   "plain":    Pyodide starts from scratch and the hipcore wheel is unpacked and imported. Taken
//               when there is no snapshot, or when anything about it fails (missing, truncated,
//               corrupt, another Pyodide, a runtime that refuses it).

/**
 * @typedef {object} StartOptions
 * @property {(options: object) => Promise<any>} loadPyodide
 * @property {string} indexURL                       Where pyodide.asm.wasm and friends are.
 * @property {(name: string) => Promise<ArrayBuffer>} readAsset  A bundle file, by name.
 * @property {(stage: import("./protocol.js").Stage) => void} [onStage]
 * @property {Promise<never>} [failed]               Rejects when the runtime download fails.
 * @property {boolean} [useSnapshot]                 false: always the plain start (tests).
 */

/**
 * @typedef {object} Manifest
 * @property {string} wheel
 * @property {string} pyodide
 * @property {string} catalog
 * @property {{file: string, bytes: number, sha256: string, lock_info: object}} [snapshot]
 *   The start-up snapshot: its file, length and sha256 (hex), and the `info` of the runtime's
 *   pyodide-lock.json (no package is ever loaded, so the restored runtime gets a lock file with
 *   that info and no packages instead of fetching pyodide-lock.json).
 */

/**
 * @typedef {{hipcore: string, python: string, pyodide: string, catalog_sha256: string}} Version
 */

/**
 * @typedef {object} Engine
 * @property {any} pyodide
 * @property {(resultsJson: string) => string} assessJson
 * @property {(catalogText: string) => string} sha256   hex digest of UTF-8 text, by hashlib.
 * @property {Version} version
 * @property {"snapshot" | "plain"} start                the path taken
 * @property {string} [fallback]                         why the snapshot was not used, if one was named
 */

/**
 * Python run once the engine's files are in place: imports everything the engine needs, loads the
 * catalog (a restored snapshot has no files), and keeps the version answer in `_hipguide_version`.
 */
const PREPARE = `
import hashlib, json, sys, importlib.resources
import hipcore, hipcore.api
from hipcore.catalog import default_catalog
default_catalog()
_hipguide_version = json.dumps({
    "hipcore": hipcore.__version__,
    "python": sys.version.split()[0],
    "catalog_sha256": hashlib.sha256(
        importlib.resources.files("hipcore").joinpath("data/catalog.json").read_bytes()
    ).hexdigest(),
})
`;

/**
 * Beside the runtime (site_plugins/bundle/runtime.py writes it): the smallest valid zip, given to
 * a restored snapshot as its standard library archive, as every module the engine uses is already
 * imported in the snapshot. A same-origin file, not a data: URL, so a strict CSP still allows it.
 */
export const EMPTY_STDLIB = "empty-stdlib.zip";

/** @param {ArrayBuffer} bytes */
async function sha256Hex(bytes) {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Start Python and the engine: from the snapshot manifest.json names if it restores, otherwise
 * plainly (install the hipcore wheel, import the engine).
 * @param {StartOptions} options
 * @returns {Promise<Engine>}
 */
export async function startEngine(options) {
  const { readAsset, onStage = () => {} } = options;
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {import("./protocol.js").Stage} stage */
  const stage = (stage) => {
    if (!seen.has(stage)) onStage(stage);
    seen.add(stage);
  };
  /** @type {Manifest} */
  const manifest = JSON.parse(new TextDecoder().decode(await readAsset("manifest.json")));
  let fallback;
  if (manifest.snapshot && options.useSnapshot !== false) {
    try {
      return await restore(options, manifest.snapshot, stage);
    } catch (error) {
      fallback = String(/** @type {any} */ (error)?.message ?? error);
    }
  }
  const engine = await plainStart(options, manifest, stage);
  return fallback === undefined ? engine : { ...engine, fallback };
}

/**
 * @param {StartOptions} options
 * @param {NonNullable<Manifest["snapshot"]>} snapshot
 * @param {(stage: import("./protocol.js").Stage) => void} stage
 * @returns {Promise<Engine>}
 */
async function restore({ loadPyodide, indexURL, readAsset, failed }, snapshot, stage) {
  stage("runtime");
  const bytes = readAsset(snapshot.file).then(async (buffer) => {
    if (buffer.byteLength !== snapshot.bytes) {
      throw new Error(`${snapshot.file} has ${buffer.byteLength} bytes, not ${snapshot.bytes}`);
    }
    // crypto.subtle exists only in a secure context (https, localhost): elsewhere, length alone.
    const subtle = globalThis.crypto?.subtle;
    if (subtle && (await sha256Hex(buffer)) !== snapshot.sha256) {
      throw new Error(`${snapshot.file} is corrupt`);
    }
    return buffer;
  });
  // Checked before Pyodide sees it: a bad snapshot must fail here, not deep inside the runtime.
  await bytes;
  const loading = loadPyodide({
    indexURL, packages: [], _loadSnapshot: bytes, stdLibURL: `${indexURL}${EMPTY_STDLIB}`,
    lockFileContents: { info: snapshot.lock_info, packages: {} },
  });
  const pyodide = await (failed ? Promise.race([loading, failed]) : loading);
  stage("filesystem");
  stage("engine");
  return finish(pyodide, "snapshot", stage);
}

/**
 * @param {StartOptions} options
 * @param {Manifest} manifest
 * @param {(stage: import("./protocol.js").Stage) => void} stage
 * @returns {Promise<Engine>}
 */
async function plainStart({ loadPyodide, indexURL, readAsset, failed }, manifest, stage) {
  stage("runtime");
  const loading = loadPyodide({ indexURL, packages: [] });
  const pyodide = await (failed ? Promise.race([loading, failed]) : loading);
  stage("filesystem");
  pyodide.unpackArchive(await readAsset(manifest.wheel), "wheel");
  stage("engine");
  pyodide.runPython(PREPARE);
  return finish(pyodide, "plain", stage);
}

/**
 * @param {any} pyodide
 * @param {"snapshot" | "plain"} start
 * @param {(stage: import("./protocol.js").Stage) => void} stage
 * @returns {Engine}
 */
function finish(pyodide, start, stage) {
  const known = JSON.parse(String(pyodide.runPython("_hipguide_version")));
  const assessJson = pyodide.runPython("hipcore.api.assess_json");
  const sha256 = pyodide.runPython(
    "lambda text: hashlib.sha256(text.encode('utf-8')).hexdigest()",
  );
  const version = { ...known, pyodide: String(pyodide.version) };
  stage("ready");
  return { pyodide, assessJson, sha256, version, start };
}

/**
 * For the build (Node): start plainly with `_makeSnapshot`, prepare the engine, and return the
 * memory snapshot's bytes. No Python object is handed to JavaScript before the snapshot is taken.
 * @param {Omit<StartOptions, "useSnapshot" | "failed">} options
 * @returns {Promise<Uint8Array>}
 */
export async function makeSnapshot({ loadPyodide, indexURL, readAsset }) {
  /** @type {Manifest} */
  const manifest = JSON.parse(new TextDecoder().decode(await readAsset("manifest.json")));
  const pyodide = await loadPyodide({ indexURL, packages: [], _makeSnapshot: true });
  pyodide.unpackArchive(await readAsset(manifest.wheel), "wheel");
  pyodide.runPython(PREPARE);
  return pyodide.makeMemorySnapshot();
}

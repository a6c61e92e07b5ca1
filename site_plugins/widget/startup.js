// The engine's start-up, in named stages: runtime -> filesystem -> engine. Shared by the worker
// (worker.js) and by Node (a test runner, or the build step that takes the start-up snapshot,
// site_plugins/bundle/snapshot.mjs): it touches no browser API; whatever differs between hosts is
// passed in.
//
// Two paths, reported as `start` in the engine's hello (protocol.js):
//   "snapshot": manifest.json names a memory snapshot taken at build time (makeSnapshot below)
//               with hipcore imported and its catalog loaded. It is fetched, checked (length and
//               sha256 from the manifest) and written into the runtime's memory (restoreInto,
//               below); the standard library archive, the lock file and the wheel are not
//               fetched at all.
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
 * @property {SnapshotEntry} [snapshot] The start-up snapshot: its file, length and sha256 (hex)
 *   as shipped, how it is decoded, and the `info` of the runtime's pyodide-lock.json (no package
 *   is ever loaded, so the restored runtime gets a lock file with that info and no packages
 *   instead of fetching pyodide-lock.json).
 */

/**
 * @typedef {{file: string, bytes: number, sha256: string, delta: Delta, lock_info: object}}
 *   SnapshotEntry
 */

/**
 * How the shipped snapshot differs from Pyodide's own: the first `bytes` bytes of its memory are
 * XORed with the wasm's memory as instantiated (zeros and the wasm's own data segments, which
 * pyodide.asm.wasm already carries), so those ~3.8 MB become nearly all zeros. `check`: the
 * FNV-1a hash (hex, over 32-bit words) of those bytes decoded, so a runtime whose memory differs
 * is caught before the restore, not inside it. Then only the pages that are not all zeros are
 * shipped (two thirds of the snapshot are zero pages): `runs` are the [offset, length] ranges of
 * the `length`-byte snapshot the file holds, in order, and the rest is zeros. Less to download
 * and decompress, to hash and to copy, on the path to a ready engine.
 * @typedef {{bytes: number, check: string, length: number, runs: [number, number][]}} Delta
 */

/**
 * @typedef {{hipcore: string, python: string, pyodide: string, catalog_sha256: string}} Version
 */

/**
 * @typedef {object} Engine
 * @property {any} pyodide
 * @property {(resultsJson: string) => string} assessJson
 * @property {(catalogText: string) => Promise<string>} sha256  hex digest of the UTF-8 text
 * @property {Version} version
 * @property {"snapshot" | "plain"} start                the path taken
 * @property {string} [fallback]                         why the snapshot was not used, if one was named
 */

/**
 * Python run once the engine's files are in place: imports everything the engine needs, loads the
 * catalog (a restored snapshot has no files), and keeps what JavaScript takes from it as globals
 * (`finish`), so that a start needs no Python source compiled after it.
 */
const PREPARE = `
import hashlib, json, sys
import hipcore, hipcore.api
from hipcore.catalog import default_catalog, packaged_catalog_json
default_catalog()
_hipguide_version = json.dumps({
    "hipcore": hipcore.__version__,
    "python": sys.version.split()[0],
    "catalog_sha256": hashlib.sha256(packaged_catalog_json()).hexdigest(),
})
_hipguide_assess_json = hipcore.api.assess_json
def _hipguide_sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
`;

/**
 * Beside the runtime (site_plugins/bundle/runtime.py writes it): the smallest valid zip, given to
 * a restored snapshot as its standard library archive, as every module the engine uses is already
 * imported in the snapshot. A same-origin file, not a data: URL, so a strict CSP still allows it.
 */
export const EMPTY_STDLIB = "empty-stdlib.zip";

/**
 * Run before the snapshot is taken, in the build: the start-up's garbage is collected and the
 * caches that only served imports from the standard library archive (absent after a restore) are
 * dropped, so that memory is free for zeroFreeMemory to clear.
 */
const TIDY = `
import gc, linecache, sys, zipimport
sys.path_importer_cache.clear()
zipimport._zip_directory_cache.clear()
linecache.clearcache()
gc.collect()
`;

/** @param {BufferSource} bytes */
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
  const { readAsset, indexURL, onStage = () => {} } = options;
  // Either path instantiates the runtime once its JavaScript (1.2 MB), its WebAssembly and, for a
  // restore, the snapshot are in. Its JavaScript was the last of them (~20 ms after the
  // WebAssembly compiled) while asked for only once the manifest was read: it is asked for now.
  // Pyodide's own import of it (the plain path) gets the same module.
  const runtimeModule = import(`${indexURL}pyodide.asm.mjs`);
  runtimeModule.catch(() => {}); // a path that needs it reports the failure
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
      return await restore(options, runtimeModule, manifest.snapshot, stage);
    } catch (error) {
      fallback = String(/** @type {any} */ (error)?.message ?? error);
    }
  }
  const engine = await plainStart(options, manifest, stage);
  return fallback === undefined ? engine : { ...engine, fallback };
}

/**
 * @param {StartOptions} options
 * @param {Promise<any>} runtimeModule  pyodide.asm.mjs, imported
 * @param {NonNullable<Manifest["snapshot"]>} snapshot
 * @param {(stage: import("./protocol.js").Stage) => void} stage
 * @returns {Promise<Engine>}
 */
async function restore({ loadPyodide, indexURL, readAsset, failed }, runtimeModule, snapshot, stage) {
  stage("runtime");
  const { delta } = snapshot;
  // Pyodide needs the snapshot's length at once (the size of its memory) but its bytes only once
  // the runtime is instantiated and started: the snapshot downloads and is checked meanwhile,
  // beside the runtime's own download and compile. Pyodide is given an array of that length
  // holding only the snapshot's header; the memory is written here, straight from the shipped
  // pages (restoreInto), not copied whole from a second array of the snapshot's full length.
  const header = new Uint8Array(delta.length);
  const arrived = readAsset(snapshot.file).then(async (buffer) => {
    if (buffer.byteLength !== snapshot.bytes) {
      throw new Error(`${snapshot.file} has ${buffer.byteLength} bytes, not ${snapshot.bytes}`);
    }
    // crypto.subtle exists only in a secure context (https, localhost): elsewhere, length alone.
    const subtle = globalThis.crypto?.subtle;
    if (subtle && (await sha256Hex(buffer)) !== snapshot.sha256) {
      throw new Error(`${snapshot.file} is corrupt`);
    }
    const misfit = checkRuns(delta, buffer.byteLength);
    if (misfit) throw misfit;
    return new Uint8Array(buffer);
  });
  arrived.catch(() => {}); // awaited below, before the restore
  /** @type {Uint8Array | undefined} */
  let pristine;
  const create = await watchInstantiation(runtimeModule, (memory) => {
    pristine = memory.slice(0, delta.bytes);
  });
  const loading = loadPyodide({
    indexURL, packages: [], _loadSnapshot: header, stdLibURL: `${indexURL}${EMPTY_STDLIB}`,
    lockFileContents: { info: snapshot.lock_info, packages: {} },
    createPyodideModule: async (/** @type {any} */ settings) => {
      // A snapshot that cannot be had ends this start at once, not once the runtime is up
      const never = new Promise(() => {});
      const module = await Promise.race([create(settings), arrived.then(() => never)]);
      const restoreSnapshot = module.API?.restoreSnapshot;
      if (typeof restoreSnapshot !== "function") {
        throw new Error("this runtime restores snapshots in a way this page does not know");
      }
      if (!pristine) throw new Error("the runtime's memory was never seen to decode the snapshot");
      // While the snapshot is still on its way (it usually arrives last): the memory as it was
      // instantiated, so that the restore only writes the pages the file ships.
      const memory = /** @type {Uint8Array} */ (module.HEAPU8);
      memory.set(pristine);
      memory.fill(0, pristine.length);
      // Checked and written before Pyodide's restore: a bad snapshot must fail here, not deep
      // inside the runtime.
      const unwritten = restoreInto(memory, header, await arrived, delta);
      if (unwritten) throw unwritten;
      // Pyodide's own restore then checks the header (magic, build id) and reads its metadata;
      // given the header alone, it copies no memory.
      module.API.restoreSnapshot = (/** @type {Uint8Array} */ snapshot) =>
        restoreSnapshot(snapshot.subarray(0, heapOffset(snapshot)));
      return module;
    },
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
  // Taken from the globals, not by running Python source: after a restore, compiling even one
  // line of source runs the parser and compiler for the first time (their code compiled then).
  const globals = pyodide.globals;
  const known = JSON.parse(String(globals.get("_hipguide_version")));
  const assessJson = globals.get("_hipguide_assess_json");
  const hashlibSha256 = globals.get("_hipguide_sha256");
  // The platform's own digest where it has one (a secure context): hashlib's first call after a
  // restore compiles its WebAssembly on the way to ready (measured: ~20 ms off ready).
  const byHashlib = (/** @type {string} */ text) => String(hashlibSha256(text));
  const sha256 = globalThis.crypto?.subtle
    ? (/** @type {string} */ text) => sha256Hex(new TextEncoder().encode(text)).catch(() => byHashlib(text))
    : async (/** @type {string} */ text) => byHashlib(text);
  const version = { ...known, pyodide: String(pyodide.version) };
  stage("ready");
  return { pyodide, assessJson, sha256, version, start };
}

/**
 * For the build (Node): start plainly with `_makeSnapshot`, prepare the engine, clear what is
 * garbage, and return the memory snapshot encoded for shipping (Delta). No Python object is handed
 * to JavaScript before the snapshot is taken.
 * @param {Omit<StartOptions, "useSnapshot" | "failed">} options
 * @returns {Promise<{bytes: Uint8Array, delta: Delta}>} the snapshot as shipped (encoded) and its
 *   decoding
 */
export async function makeSnapshot({ loadPyodide, indexURL, readAsset }) {
  /** @type {Manifest} */
  const manifest = JSON.parse(new TextDecoder().decode(await readAsset("manifest.json")));
  /** @type {Uint8Array | undefined} */
  let pristine;
  const create = await watchInstantiation(import(`${indexURL}pyodide.asm.mjs`), (memory) => {
    pristine = memory.slice(0, roundUp(lastNonzero(memory), PAGE));
  });
  const pyodide = await loadPyodide({
    indexURL, packages: [], _makeSnapshot: true, createPyodideModule: create,
  });
  if (!pristine) throw new Error("the runtime's memory was never seen");
  pyodide.unpackArchive(await readAsset(manifest.wheel), "wheel");
  pyodide.runPython(PREPARE);
  pyodide.runPython(TIDY);
  zeroFreeMemory(pyodide._module);
  /** @type {Uint8Array} */
  const bytes = pyodide.makeMemorySnapshot();
  const memory = bytes.subarray(heapOffset(bytes), heapOffset(bytes) + pristine.length);
  const check = fnv1a(memory);
  xorInto(memory, pristine);
  const runs = nonzeroRuns(bytes, PAGE);
  const packed = new Uint8Array(runs.reduce((sum, [, length]) => sum + length, 0));
  let at = 0;
  for (const [offset, length] of runs) {
    packed.set(bytes.subarray(offset, offset + length), at);
    at += length;
  }
  return { bytes: packed, delta: { bytes: pristine.length, check, length: bytes.length, runs } };
}

/**
 * The [offset, length] ranges of `bytes` made of whole `page`-sized pieces (the last may be
 * shorter) that are not all zeros, adjacent ones joined.
 * @param {Uint8Array} bytes @param {number} page
 * @returns {[number, number][]}
 */
function nonzeroRuns(bytes, page) {
  /** @type {[number, number][]} */
  const runs = [];
  for (let offset = 0; offset < bytes.length; offset += page) {
    const end = Math.min(offset + page, bytes.length);
    if (bytes.subarray(offset, end).every((byte) => byte === 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === offset) last[1] += end - offset;
    else runs.push([offset, end - offset]);
  }
  return runs;
}

/**
 * Why the file's pieces do not fit the snapshot (`runs` in order, apart, inside its length, and
 * adding up to the file's length), if they do not.
 * @param {Delta} delta @param {number} shipped  the file's length
 * @returns {Error | undefined}
 */
function checkRuns(delta, shipped) {
  const misfit = new Error("the snapshot's pieces do not fit its length");
  const runs = Array.isArray(delta.runs) && delta.runs.length ? delta.runs : [[-1, 0]];
  let at = 0;
  let end = 0;
  for (const [offset, length] of runs) {
    const fits = Number.isInteger(offset) && Number.isInteger(length) && offset >= end
      && length > 0 && offset + length <= delta.length && at + length <= shipped;
    if (!fits) return misfit;
    at += length;
    end = offset + length;
  }
  return at === shipped ? undefined : misfit;
}

/** Whole pages of 4 kB: the encoded prefix of the snapshot. */
const PAGE = 4096;

/** @param {number} n @param {number} step */
const roundUp = (n, step) => Math.ceil(n / step) * step;

/** @param {Uint8Array} memory @returns {number} the index after the last nonzero byte */
function lastNonzero(memory) {
  let end = memory.length;
  while (end > 0 && memory[end - 1] === 0) end -= 1;
  return end;
}

/** Where the memory starts in a Pyodide snapshot: after a header whose length is its 2nd word.
 * @param {Uint8Array} snapshot */
function heapOffset(snapshot) {
  return new DataView(snapshot.buffer, snapshot.byteOffset, 16).getUint32(4, true);
}

/** target ^= source, over source's length (a multiple of 4; both aligned to 4: the snapshot's
 * header is a multiple of 16 bytes).
 * @param {Uint8Array} target @param {Uint8Array} source */
function xorInto(target, source) {
  const words = source.length >> 2;
  const t = new Uint32Array(target.buffer, target.byteOffset, words);
  const s = new Uint32Array(source.buffer, source.byteOffset, words);
  for (let i = 0; i < words; i++) t[i] ^= s[i];
}

/** FNV-1a over the bytes taken as 32-bit words (a multiple of 4, aligned), as 8 hex digits: a
 * check against a mismatched runtime, not against an attacker (the sha256 covers the file).
 * @param {Uint8Array} bytes */
function fnv1a(bytes) {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Write the shipped snapshot (its runs already checked): its header into `header`, its memory
 * into `memory`, which holds the memory as instantiated in its first `delta.bytes` and zeros after
 * them. There the file ships its XOR with the memory as instantiated; after them, the bytes
 * themselves; pages it does not ship stay as they are.
 * @param {Uint8Array} memory @param {Uint8Array} header @param {Uint8Array} shipped
 * @param {Delta} delta
 * @returns {Error | undefined} why it could not be written
 */
function restoreInto(memory, header, shipped, delta) {
  const [[first, firstLength]] = delta.runs; // the header is the first run's beginning
  const start = first === 0 && firstLength >= 16 ? heapOffset(shipped) : -1;
  const end = start + delta.bytes;
  if (start < 16 || start % 16 || start > firstLength || end > delta.length
    || delta.length - start > memory.length) {
    return new Error("the snapshot's encoding does not fit this runtime");
  }
  header.set(shipped.subarray(0, start));
  let at = 0; // where this run's bytes are in the file
  for (const [offset, length] of delta.runs) { // in order and apart
    const stop = offset + length;
    let from = Math.max(offset, start);
    const decoded = Math.min(stop, end);
    if (from < decoded) {
      const source = shipped.subarray(at + from - offset, at + decoded - offset);
      xorInto(memory.subarray(from - start, decoded - start), source);
      from = decoded;
    }
    if (from < stop) memory.set(shipped.subarray(at + from - offset, at + length), from - start);
    at += length;
  }
  if (fnv1a(memory.subarray(0, delta.bytes)) !== delta.check) {
    return new Error("the snapshot does not decode with this runtime's memory");
  }
  return undefined;
}

/**
 * Pyodide's module factory (pyodide.asm.mjs), wrapped so that `seen` gets the wasm memory as
 * instantiated, before any of its code runs: zeros and the wasm's data segments, the same in
 * every host.
 * @param {Promise<any>} runtimeModule  pyodide.asm.mjs, imported
 * @param {(memory: Uint8Array) => void} seen
 * @returns {Promise<(settings: any) => Promise<any>>}
 */
async function watchInstantiation(runtimeModule, seen) {
  const { default: create } = await runtimeModule;
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    if (typeof instantiate === "function") {
      settings.instantiateWasm = (/** @type {any} */ imports, /** @type {any} */ receive) =>
        instantiate(imports, (/** @type {any} */ instance, /** @type {any} */ module) => {
          const memory = imports.env?.memory ?? Object.values(instance.exports)
            .find((value) => value instanceof WebAssembly.Memory);
          if (memory) seen(new Uint8Array(memory.buffer));
          receive(instance, module);
        });
    }
    return create(settings);
  };
}

/**
 * Zero the memory malloc holds free (the start-up's garbage), so the snapshot compresses to what
 * is live. Allocates every free block it can without growing the memory, zeroes it, frees it all.
 * @param {any} module Pyodide's Emscripten module
 */
function zeroFreeMemory(module) {
  const size = module.HEAP8.length;
  /** @type {number[]} */
  const held = [];
  for (let block = 1 << 22; block >= 16; block >>= 1) {
    // an allocation past the break would grow the memory (and the snapshot): stop at the top
    while (module._sbrk(0) + block + (1 << 17) <= size) {
      const pointer = module._malloc(block);
      if (!pointer) break;
      module.HEAPU8.fill(0, pointer, pointer + block);
      held.push(pointer);
    }
  }
  for (const pointer of held) module._free(pointer);
}

// Takes the engine's start-up snapshot for the build (site_plugins/bundle/snapshot.py), with the
// widget's own start-up module, so the snapshot holds exactly what the worker would have made.
//
//   node snapshot.mjs PYODIDE_DIR ASSETS_DIR OUTPUT
//
// ASSETS_DIR holds manifest.json and the wheel it names. OUTPUT receives the snapshot's bytes as
// shipped, OUTPUT.json its decoding (startup.js: Delta).

import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { makeSnapshot } from "../widget/startup.js";

const [pyodideDir, assetsDir, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: snapshot.mjs PYODIDE_DIR ASSETS_DIR OUTPUT");
  process.exit(64);
}
try {
  const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
  const { bytes, delta } = await makeSnapshot({
    loadPyodide,
    indexURL: `${pyodideDir}/`,
    readAsset: async (/** @type {string} */ name) => {
      const b = await readFile(`${assetsDir}/${name}`);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    },
  });
  await writeFile(output, bytes);
  await writeFile(`${output}.json`, JSON.stringify(delta));
} catch (error) {
  console.error(`snapshot.mjs: ${String(/** @type {any} */ (error)?.message ?? error)}`);
  process.exit(1);
}

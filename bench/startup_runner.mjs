// Runs hipcore in Node exactly as the widget's worker starts it (site_plugins/widget/startup.js),
// from a built site's assets: the start-up snapshot the build wrote if manifest.json names one,
// otherwise (or with --plain) the plain start.
//
//   node bench/startup_runner.mjs ASSETS_DIR INPUTS.json OUTPUT.json [--plain]
//
// OUTPUT.json receives {start, fallback, stages, version, ms, replies: [assess_json(text), ...]}.

import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";
import { startEngine } from "../site_plugins/widget/startup.js";

const [assets, inputsPath, outputPath, flag] = process.argv.slice(2);
if (!outputPath || (flag !== undefined && flag !== "--plain")) {
  console.error("usage: startup_runner.mjs ASSETS_DIR INPUTS.json OUTPUT.json [--plain]");
  process.exit(64);
}
/** @type {string[]} */
const requested = [];
try {
  const t0 = performance.now();
  /** @type {string[]} */
  const stages = [];
  const engine = await startEngine({
    loadPyodide,
    indexURL: `${assets}/pyodide/`,
    readAsset: async (name) => {
      requested.push(name);
      const b = await readFile(`${assets}/${name}`);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    },
    onStage: (stage) => stages.push(stage),
    useSnapshot: flag !== "--plain",
  });
  const ms = performance.now() - t0;
  const inputs = /** @type {string[]} */ (JSON.parse(await readFile(inputsPath, "utf-8")));
  const replies = inputs.map((text) => engine.assessJson(text));
  await writeFile(outputPath, JSON.stringify({
    start: engine.start, fallback: engine.fallback ?? null, stages, version: engine.version,
    ms, requested, replies,
  }));
} catch (error) {
  console.error(`startup_runner: ${String(/** @type {any} */ (error)?.message ?? error)}`);
  process.exit(1);
}

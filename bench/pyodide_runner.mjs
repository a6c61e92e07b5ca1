// Runs hipcore inside Pyodide under Node.js, from the npm `pyodide` package in node_modules.
//
//   node bench/pyodide_runner.mjs WHEEL INPUTS.json OUTPUT.json [--bench N]
//
// INPUTS.json is a list of results texts. OUTPUT.json receives
//   {python, pyodide, replies: [assess_json(text), ...]}               (default)
//   {python, pyodide, samples_ms: [one call's time, ...], calls}        (--bench N: N calls each)
// One Pyodide start serves every input. hipcore is installed from the wheel the site ships.

import { readFile, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheelPath, inputsPath, outputPath, flag, count] = process.argv.slice(2);
if (!outputPath || (flag !== undefined && flag !== "--bench")) {
  console.error("usage: pyodide_runner.mjs WHEEL INPUTS.json OUTPUT.json [--bench N]");
  process.exit(64);
}

// Errors are reported in one line: Pyodide's own traces print its minified source.
try {
  const pyodide = await loadPyodide({ packages: [] });
  // A Node Buffer is not a typed array Pyodide knows: copy it into a plain Uint8Array.
  pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
  const api = pyodide.pyimport("hipcore.api");
  const assessJson = (/** @type {string} */ text) => /** @type {string} */ (api.assess_json(text));
  const python = pyodide.runPython("import sys; sys.version.split()[0]");
  const inputs = /** @type {string[]} */ (JSON.parse(await readFile(inputsPath, "utf-8")));

  let result;
  if (flag === "--bench") {
    const calls = Number(count ?? 200);
    const samples = [];
    for (const text of inputs) {
      for (let i = 0; i < 20; i++) assessJson(text); // warm up
      for (let i = 0; i < calls; i++) {
        const start = performance.now();
        assessJson(text);
        samples.push(performance.now() - start);
      }
    }
    result = { python, pyodide: pyodide.version, calls, samples_ms: samples };
  } else {
    result = { python, pyodide: pyodide.version, replies: inputs.map(assessJson) };
  }
  await writeFile(outputPath, JSON.stringify(result));
} catch (error) {
  console.error(`pyodide_runner: ${String(/** @type {any} */ (error)?.message ?? error)}`);
  process.exit(1);
}

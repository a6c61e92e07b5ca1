// The service worker (site_plugins/bundle/sw.js) installing a new build: a file the old build's
// cache holds with the same sha256 is copied, whatever its path, since the widget's bundle moves
// to a new versioned folder with every build (site_plugins/bundle/version.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../site_plugins/bundle/sw.js", import.meta.url), "utf8");
const ORIGIN = "https://guide.example/";

class FakeCache {
  constructor() {
    this.entries = new Map();
  }
  async match(url) {
    const stored = this.entries.get(String(url));
    const copy = stored?.clone();
    if (stored?.url) Object.defineProperty(copy, "url", { value: stored.url }); // a real cache keeps it
    return copy;
  }
  async put(url, response) {
    this.entries.set(String(url), response);
  }
}

/** A worker global with the build's manifest filled in, and caches and a network to watch. */
function serviceWorker(build, precache, runtime, caches, lazy = {}, startOnly = {}) {
  const handlers = {};
  const fetched = [];
  const network = { down: false };
  const source = SOURCE.replace('/*BUILD*/ ""', JSON.stringify(build))
    .replace("/*PRECACHE*/ {}", JSON.stringify(precache))
    .replace("/*RUNTIME*/ {}", JSON.stringify(runtime))
    .replace("/*LAZY*/ {}", JSON.stringify(lazy))
    .replace("/*START_ONLY*/ {}", JSON.stringify(startOnly));
  const self = {
    location: { href: `${ORIGIN}sw.js` },
    addEventListener: (type, handler) => (handlers[type] = handler),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  const context = {
    self,
    caches: {
      keys: async () => [...caches.keys()],
      open: async (name) => caches.get(name) ?? caches.set(name, new FakeCache()).get(name),
      delete: async (name) => caches.delete(name),
    },
    fetch: async (request) => {
      if (network.down) throw new TypeError("Failed to fetch");
      fetched.push(request.url);
      return new Response(`network ${request.url}`);
    },
    Request,
    Response,
    URL,
    JSON,
    Map,
    Object,
    Promise,
    Error,
    TypeError,
    Boolean,
    decodeURIComponent,
  };
  vm.runInNewContext(source, context);
  const install = () =>
    new Promise((resolve, reject) => handlers.install({ waitUntil: (p) => p.then(resolve, reject) }));
  /** What a page posts once its engine is ready; resolves to the answer on the page's port. */
  const post = (data) =>
    new Promise((resolve, reject) => {
      let answer;
      const port = { postMessage: (message) => (answer = structuredClone(message)) };
      handlers.message({ data, ports: [port], waitUntil: (p) => p.then(() => resolve(answer), reject) });
    });
  return { install, post, fetched, network };
}

test("a new build copies a file it shares with the old one by hash, from another folder", async () => {
  const old = new FakeCache();
  const wasm = "assets/hipguide/aaaaaaaaaaaa/pyodide/pyodide.asm.wasm";
  const manifest = { "index.html": "H-old-page", [wasm]: "H-wasm" };
  await old.put(`${ORIGIN}__hipguide_manifest__`, new Response(JSON.stringify(manifest)));
  const kept = new Response("the runtime, kept");
  Object.defineProperty(kept, "url", { value: `${ORIGIN}${wasm}` }); // as a fetched response has
  await old.put(`${ORIGIN}${wasm}`, kept);
  const caches = new Map([["hipguide-old", old]]);

  const moved = "assets/hipguide/bbbbbbbbbbbb/pyodide/pyodide.asm.wasm";
  const sw = serviceWorker("new", { "index.html": "H-new-page" }, { [moved]: "H-wasm" }, caches);
  await sw.install();

  const fresh = caches.get("hipguide-new");
  const copied = await fresh.match(`${ORIGIN}${moved}`);
  assert.equal(await copied.text(), "the runtime, kept");
  assert.notEqual(copied.url, `${ORIGIN}${wasm}`, "a module's URL is where it is now, not was");
  assert.deepEqual(sw.fetched, [`${ORIGIN}index.html`], "only the changed page is downloaded");
});

test("a file whose hash changed is downloaded again, even at the same path", async () => {
  const old = new FakeCache();
  await old.put(`${ORIGIN}__hipguide_manifest__`, new Response(JSON.stringify({ "a.js": "H1" })));
  await old.put(`${ORIGIN}a.js`, new Response("old a"));
  const caches = new Map([["hipguide-old", old]]);
  const sw = serviceWorker("new", { "a.js": "H2" }, {}, caches);
  await sw.install();
  assert.deepEqual(sw.fetched, [`${ORIGIN}a.js`]);
  assert.equal(await (await caches.get("hipguide-new").match(`${ORIGIN}a.js`)).text(), `network ${ORIGIN}a.js`);
});

test("a lazy file is not downloaded at install, but an old build's copy with its hash is kept", async () => {
  const old = new FakeCache();
  const manifest = { "img/shot.png": "H-shot" };
  await old.put(`${ORIGIN}__hipguide_manifest__`, new Response(JSON.stringify(manifest)));
  await old.put(`${ORIGIN}img/shot.png`, new Response("the picture, seen before"));
  const caches = new Map([["hipguide-old", old]]);
  const lazy = { "img/shot.png": "H-shot", "bundle.js.map": "H-map" };
  const sw = serviceWorker("new", { "index.html": "H-page" }, {}, caches, lazy);
  await sw.install();
  assert.deepEqual(sw.fetched, [`${ORIGIN}index.html`], "no source map or picture at install");
  const fresh = caches.get("hipguide-new");
  assert.equal(await (await fresh.match(`${ORIGIN}img/shot.png`)).text(), "the picture, seen before");
  assert.equal(await fresh.match(`${ORIGIN}bundle.js.map`), undefined);
});

// The runtime of one build: files both start paths read, and those only one of them reads.
const RUNTIME = {
  "pyodide/pyodide.asm.wasm": "H-wasm",
  "snapshot-1.bin": "H-snapshot",
  "pyodide/empty-stdlib.zip": "H-empty",
  "pyodide/python_stdlib.zip": "H-stdlib",
  "hipcore-0.1.0-py3-none-any.whl": "H-wheel",
};
const START_ONLY = {
  snapshot: ["pyodide/empty-stdlib.zip", "snapshot-1.bin"],
  plain: ["hipcore-0.1.0-py3-none-any.whl", "pyodide/python_stdlib.zip"],
};
const urls = (...paths) => paths.map((p) => `${ORIGIN}${p}`).sort();
const keptFiles = async (cache) => [...cache.entries.keys()].filter((u) => !u.includes("__hipguide_")).sort();

test("an engine started from the snapshot keeps the snapshot's runtime, not the plain start's", async () => {
  const caches = new Map();
  const sw = serviceWorker("b1", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  await sw.post({ type: "hipguide-cache-runtime", start: "snapshot" });
  const kept = caches.get("hipguide-b1");
  assert.deepEqual(await keptFiles(kept), urls("pyodide/pyodide.asm.wasm", "snapshot-1.bin", "pyodide/empty-stdlib.zip"));
  assert.equal(await (await kept.match(`${ORIGIN}__hipguide_runtime_kept__`)).text(), "snapshot");
});

test("an engine that started plainly keeps the plain start's runtime, not the snapshot", async () => {
  const caches = new Map();
  const sw = serviceWorker("b1", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  await sw.post({ type: "hipguide-cache-runtime", start: "plain" });
  assert.deepEqual(
    await keptFiles(caches.get("hipguide-b1")),
    urls("pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "hipcore-0.1.0-py3-none-any.whl"),
  );
});

test("once the runtime is kept the page hears so, and is asked to compile it once per build", async () => {
  const caches = new Map();
  const sw = serviceWorker("b1", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  assert.deepEqual(await sw.post({ type: "hipguide-cache-runtime", start: "snapshot" }), { kept: "snapshot", compile: true });
  assert.deepEqual(await sw.post({ type: "hipguide-cache-runtime", start: "snapshot" }), { kept: "snapshot", compile: false });

  const next = serviceWorker("b2", {}, RUNTIME, caches, {}, START_ONLY);
  await next.install();
  assert.deepEqual(await next.post({ type: "hipguide-cache-runtime", start: "snapshot" }), { kept: "snapshot", compile: true }, "a new build's cache holds new copies");
});

test("a page whose runtime could not be kept hears so, and compiles nothing", async () => {
  const caches = new Map();
  const sw = serviceWorker("b1", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  sw.network.down = true;
  assert.deepEqual(await sw.post({ type: "hipguide-cache-runtime", start: "snapshot" }), { kept: null, compile: false });
  assert.equal(await caches.get("hipguide-b1").match(`${ORIGIN}__hipguide_runtime_kept__`), undefined);
});

test("a page that does not say how its engine started keeps the whole runtime", async () => {
  const caches = new Map();
  const sw = serviceWorker("b1", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  await sw.post({ type: "hipguide-cache-runtime" });
  assert.deepEqual(await keptFiles(caches.get("hipguide-b1")), urls(...Object.keys(RUNTIME)));
});

test("a new build keeps, before it takes over, the runtime of the start path the old one kept", async () => {
  const old = new FakeCache();
  await old.put(`${ORIGIN}__hipguide_manifest__`, new Response(JSON.stringify({})));
  await old.put(`${ORIGIN}__hipguide_runtime_kept__`, new Response("snapshot"));
  const caches = new Map([["hipguide-old", old]]);
  const sw = serviceWorker("new", {}, RUNTIME, caches, {}, START_ONLY);
  await sw.install();
  const fresh = caches.get("hipguide-new");
  assert.deepEqual(await keptFiles(fresh), urls("pyodide/pyodide.asm.wasm", "snapshot-1.bin", "pyodide/empty-stdlib.zip"));
  assert.equal(await (await fresh.match(`${ORIGIN}__hipguide_runtime_kept__`)).text(), "snapshot");
});

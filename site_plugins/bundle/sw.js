// hipguide's service worker, written by the build (site_plugins/bundle/offline.py) with the
// content-addressed manifest below: every file of the built site with its sha256. It keeps the
// guide, the widget and the catalog after the first visit, and the runtime once the engine has
// started, so the assessment completes with the network off: the files of the path the engine
// took (START_ONLY: a start from the build's snapshot needs neither the standard library
// archive nor the wheel, a plain start not the snapshot), not the other path's.
// LAZY files (source maps, pictures, search language packs: offline.py) are kept when a page
// first asks for them.
//
// One cache per build, named by the manifest's hash: a new build fills a new cache (copying the
// files whose hash did not change, fetching the rest checked against their hash) and only then
// deletes the old one, so a page never mixes one build's catalog with another's engine.

const BUILD = /*BUILD*/ "";
/** path (relative to this file) -> base64 sha256 */
const PRECACHE = /*PRECACHE*/ {};
const RUNTIME = /*RUNTIME*/ {};
const LAZY = /*LAZY*/ {};
/** start path ("snapshot", "plain") -> the RUNTIME paths only that path reads */
const START_ONLY = /*START_ONLY*/ {};
const CACHE = `hipguide-${BUILD}`;
const MANIFEST_KEY = "__hipguide_manifest__";
const RUNTIME_KEY = "__hipguide_runtime_kept__";
const COMPILED_KEY = "__hipguide_runtime_compiled__";
const base = new URL("./", self.location.href);
const ALL = { ...PRECACHE, ...RUNTIME, ...LAZY };

/** @param {string} path */
const urlOf = (path) => new URL(path, base).href;

/**
 * Where older caches hold a file of this build, by its hash: no need to download it again. By
 * hash, not path: the widget's bundle moves to a new versioned folder with every build
 * (site_plugins/bundle/version.py) while most of its files (the runtime) stay the same.
 * @returns {Promise<Map<string, {cache: Cache, url: string}>>} path -> the old copy
 */
async function reusable() {
  const byHash = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith("hipguide-") || name === CACHE) continue;
    const cache = await caches.open(name);
    const manifest = await cache.match(urlOf(MANIFEST_KEY)).then((r) => r?.json()).catch(() => null);
    if (!manifest) continue;
    for (const [path, hash] of Object.entries(manifest)) {
      if (!byHash.has(hash)) byHash.set(hash, { cache, url: urlOf(path) });
    }
  }
  const found = new Map();
  for (const [path, hash] of Object.entries(ALL)) {
    if (byHash.has(hash)) found.set(path, byHash.get(hash));
  }
  return found;
}

/**
 * The runtime files an engine that started by `start` reads: all of them but those only another
 * path reads. An unknown start (a page of an older widget) keeps them all.
 * @param {string} start @returns {Record<string, string>}
 */
function runtimeFor(start) {
  if (!(start in START_ONLY)) return RUNTIME;
  const others = new Set(Object.entries(START_ONLY).filter(([s]) => s !== start).flatMap(([, paths]) => paths));
  return Object.fromEntries(Object.entries(RUNTIME).filter(([path]) => !others.has(path)));
}

/** The start path whose runtime an older build's cache holds (the engine was started with it), or null. */
async function runtimeKeptBefore() {
  for (const name of await caches.keys()) {
    if (!name.startsWith("hipguide-") || name === CACHE) continue;
    const marker = await (await caches.open(name)).match(urlOf(RUNTIME_KEY));
    if (marker) return marker.text();
  }
  return null;
}

/** @param {Cache} cache @param {Record<string, string>} files @param {Map<string, {cache: Cache, url: string}>} old */
async function fill(cache, files, old) {
  const paths = Object.keys(files);
  const worker = async () => {
    for (let path = paths.pop(); path !== undefined; path = paths.pop()) {
      const url = urlOf(path);
      if (await cache.match(url)) continue;
      const copy = old.get(path);
      const kept = copy && (await copy.cache.match(copy.url));
      // A fresh response: one found under another path keeps that URL, which the browser would
      // take as a module's own URL and resolve its imports against (the old build's folder).
      const previous = kept && new Response(kept.body, kept);
      const response = previous ?? (await fetch(new Request(url, { integrity: `sha256-${files[path]}`, cache: "no-cache" })));
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await fill(cache, PRECACHE, await reusable());
    await cache.put(urlOf(MANIFEST_KEY), new Response(JSON.stringify(ALL), { headers: { "content-type": "application/json" } }));
    // A runner whose older build kept the runtime gets this build's runtime for the same start
    // path whole (its files with the same hash copied, the rest fetched) before this build takes
    // over: offline, the new catalog then starts with the new engine. Otherwise only the
    // reusable files are kept.
    const old = await reusable();
    /** @param {Record<string, string>} files */
    const keptBefore = (files) => Object.fromEntries(Object.entries(files).filter(([p]) => old.has(p)));
    const start = await runtimeKeptBefore();
    if (start !== null) {
      await fill(cache, runtimeFor(start), old);
      await cache.put(urlOf(RUNTIME_KEY), new Response(start));
    } else {
      await fill(cache, keptBefore(RUNTIME), old);
    }
    await fill(cache, keptBefore(LAZY), old);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("hipguide-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "hipguide-cache-runtime") {
    const start = String(event.data.start ?? "");
    const reply = event.ports?.[0]; // none from an older widget's page
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      await fill(cache, runtimeFor(start), new Map());
      // A marker once every runtime file is stored (an entry is listed before its body is in),
      // naming the start path they serve
      await cache.put(urlOf(RUNTIME_KEY), new Response(start));
      // The browser keeps the code it compiles for a script beside this cache's copy, but only
      // once the script has run from it: the page that asked runs the runtime's module once
      // (engines.js: compileKeptRuntime), so that the runner's next visit starts from compiled code
      // (~75 ms less on the 2-core machine). Once per cache: each build's cache is new.
      const compiled = Boolean(await cache.match(urlOf(COMPILED_KEY)));
      if (!compiled) await cache.put(urlOf(COMPILED_KEY), new Response(""));
      reply?.postMessage({ kept: start, compile: !compiled });
    })().catch(() => reply?.postMessage({ kept: null, compile: false })));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
  let path = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (!(path in ALL)) {
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(async () => (await caches.match(urlOf("404.html"), { cacheName: CACHE })) ?? Response.error()));
    }
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(urlOf(path));
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && !(path in PRECACHE)) {
      const checked = await fetch(new Request(urlOf(path), { integrity: `sha256-${ALL[path]}` })).catch(() => null);
      if (checked?.ok) await cache.put(urlOf(path), checked);
    }
    return response;
  })());
});

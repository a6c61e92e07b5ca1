// Registers the guide's service worker (sw.js at the site's root) so the guide and the
// self-assessment work offline after the first visit. Written to assets/hipguide/offline.js.
if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "127.0.0.1" || location.hostname === "localhost")) {
  const sw = new URL("../../sw.js", import.meta.url);
  addEventListener("load", () => {
    navigator.serviceWorker.register(sw, { scope: new URL("./", sw).pathname }).catch(() => {});
  }, { once: true });
}

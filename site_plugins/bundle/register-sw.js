// Registers the guide's service worker (sw.js at the site's root) so the guide and the
// self-assessment work offline after the first visit. A part of the page script every guide page
// runs (site_plugins/hipguide/pagescript.py), in assets/hipguide/: sw.js is two folders up.
//
// The service worker's first install downloads the guide (a few MB). On a page whose widget is
// starting Python, that would compete with the engine's start-up for the network and the CPU,
// so registration waits until the engine is ready (or 20 s at most); elsewhere, for the load.
if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "127.0.0.1" || location.hostname === "localhost")) {
  const sw = new URL("../../sw.js", import.meta.url);
  const register = () => navigator.serviceWorker.register(sw, { scope: new URL("./", sw).pathname }).catch(() => {});
  addEventListener("load", () => {
    const widget = document.querySelector("hip-assessment");
    if (!widget || widget.getAttribute("data-state") === "ready" || navigator.serviceWorker.controller) {
      register();
      return;
    }
    let done = false;
    const once = () => {
      if (!done) register();
      done = true;
    };
    document.addEventListener("hip-assessment-load", once, { once: true });
    document.addEventListener("hip-assessment-error", once, { once: true });
    setTimeout(once, 20000);
  }, { once: true });
}

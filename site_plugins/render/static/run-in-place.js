// The body's classic scripts, run from the head (site_plugins/render/inline.py). Each stood in
// the page's body; as an external file it would stop the parser until it arrived, and the
// browser would paint what came before it alone. Each is now a function here, by the name of its
// file, and an empty <hs-run hidden> stands in its place: the parser creates a defined custom
// element and calls its connectedCallback as it inserts it, so the script runs at the very point
// it stood, before anything after it is parsed or painted. Content the theme's instant navigation
// swaps in brings new elements, which run their scripts again, as the theme re-runs a swapped
// page's scripts; one this head does not hold is loaded from its file.
(function (scripts) {
  var ran = new WeakSet();
  customElements.define(
    "hs-run",
    class extends HTMLElement {
      connectedCallback() {
        if (ran.has(this)) return; // a script runs once, however often its element is moved
        ran.add(this);
        var script = scripts[this.getAttribute("data-s")];
        if (!script) {
          var file = document.createElement("script");
          file.src = this.getAttribute("data-src");
          this.after(file);
          return;
        }
        try {
          script();
        } catch (error) {
          setTimeout(function () {
            throw error;
          });
        }
      }
    },
  );
})(IN_PLACE_SCRIPTS);

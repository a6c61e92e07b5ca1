// The header's scripts, run from the head (site_plugins/render/inline.py). Each stood in the
// page's header; an external script there would stop the parser, and the browser would paint
// the header alone while it waited. Each is now a function here, and an empty <hs-run hidden>
// stands in its place: the parser creates a defined custom element and calls its
// connectedCallback as it inserts it, so the script runs at the very point it stood, before
// anything after it is parsed or painted.
(function (scripts) {
  var ran = [];
  function run(index) {
    if (ran[index] || !scripts[index]) return;
    ran[index] = true;
    try {
      scripts[index]();
    } catch (error) {
      setTimeout(function () {
        throw error;
      });
    }
  }
  customElements.define(
    "hs-run",
    class extends HTMLElement {
      connectedCallback() {
        run(Number(this.getAttribute("data-n")));
      }
    },
  );
})(HEADER_SCRIPTS);

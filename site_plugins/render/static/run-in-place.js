// The header's scripts, run from the head (site_plugins/render/inline.py). Each stood in the
// page's header; an external script there would stop the parser, and the browser would paint
// the header alone while it waited. Each now runs as soon as the parser has passed its place
// (the <template data-hs-run> left there): a MutationObserver's callback runs at the end of
// the parser's task, before the next paint, so the page is never drawn without it.
(function (scripts) {
  var next = 0;
  function runReady() {
    while (
      next < scripts.length &&
      document.querySelector('template[data-hs-run="' + next + '"]')
    ) {
      try {
        scripts[next++]();
      } catch (error) {
        setTimeout(function () {
          throw error;
        });
      }
    }
    return next === scripts.length;
  }
  if (!runReady()) {
    var watch = new MutationObserver(function () {
      if (runReady()) watch.disconnect();
    });
    watch.observe(document.documentElement, { childList: true, subtree: true });
  }
})(HEADER_SCRIPTS);

// The guide's pages load this small module instead of the element: it imports the
// <hip-assessment> element (index.js and the modules it imports) only once the page holds one,
// so a page without a widget fetches none of the widget's code.
//
// Under Material's instant navigation a page's content is swapped in without running the new
// page's head scripts, so a widget that arrives later (a page with one, reached from a page
// without) is watched for too; the watch ends once the element is loaded. An embedding site
// loads index.js directly (docs/embedding.md).
const TAG = "hip-assessment";

function load() {
  import("./index.js");
}

if (document.querySelector(TAG)) {
  load();
} else {
  const watch = new MutationObserver(() => {
    if (document.querySelector(TAG)) {
      watch.disconnect();
      load();
    }
  });
  watch.observe(document.documentElement, { childList: true, subtree: true });
}

// Site chrome fixes that need the page. Material's search dialog has no accessible name
// (axe: aria-dialog-name); naming it here avoids carrying a copy of Material's template.
const search = document.querySelector(".md-search[role=dialog]");
if (search && !search.hasAttribute("aria-label")) {
  search.setAttribute("aria-label", "Search");
}

// Figures move only while they are on screen, and only once the page has loaded: each frame of
// their motion is drawn by the main thread, which a phone pays for in battery and in a page
// slower to answer a touch. Without the class a figure shows its end position (figures/svg.py).
// Instant navigation brings a new page's figures into this one.
if ("IntersectionObserver" in window) {
  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) entry.target.classList.toggle("hf-play", entry.isIntersecting);
  });
  /** @param {Element | Document} root */
  const watch = (root) => {
    for (const figure of root.querySelectorAll("svg.hf")) seen.observe(figure);
  };
  const start = () => {
    watch(document);
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element) {
            if (node.matches("svg.hf")) seen.observe(node);
            watch(node);
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}

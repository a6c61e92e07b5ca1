// Site chrome fixes that need the page. Material's search dialog has no accessible name
// (axe: aria-dialog-name); naming it here avoids carrying a copy of Material's template.
const search = document.querySelector(".md-search[role=dialog]");
if (search && !search.hasAttribute("aria-label")) {
  search.setAttribute("aria-label", "Search");
}

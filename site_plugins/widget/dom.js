// The one DOM-building helper of the widget.

/**
 * An element with attributes (true: present, false: left out) and children.
 * @param {string} tag
 * @param {Record<string, string | boolean>} [attrs]
 * @param {(Node | string)[]} [children]
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, children = []) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false) continue;
    element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children);
  return element;
}

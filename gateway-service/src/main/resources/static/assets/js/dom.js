// Small DOM helpers shared by the pages. Text always goes in with textContent.

export const $ = (id) => document.getElementById(id);

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

/** Shows a message element with this text, or hides it when there is none. */
export function show(node, text) {
  node.textContent = text ?? '';
  node.hidden = !text;
}

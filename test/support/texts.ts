/** The text of every element matching `selector`, in document order. */
export const texts = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? '')

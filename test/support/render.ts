import { act, type ReactElement } from 'react'

interface Root {
  render(ui: ReactElement): void
  unmount(): void
}
// react-dom comes without type declarations here
const { createRoot } = require('react-dom/client') as { createRoot: (container: Element) => Root }

/**
 * Mounts a component into the test's document and lets its effects run: a small stand-in for
 * @testing-library/react (not installed). Read the answer with the DOM's own queries.
 */
export async function render(ui: ReactElement) {
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = createRoot(container)
  await act(async () => root.render(ui))
  return {
    container,
    rerender: (next: ReactElement) => act(async () => root.render(next)),
    unmount: () => act(async () => root.unmount())
  }
}

/** A tap, as a user makes it: the event bubbles to whatever listens above the element. */
export const tap = (element: Element) => act(async () => void element.dispatchEvent(new MouseEvent('click', { bubbles: true })))

/** Lets pending promises (an upload's answer) settle inside act, so the state they set is drawn. */
export const settle = () => act(async () => new Promise((done) => setTimeout(done, 0)))

/** The text of every element matching `selector`, in document order. */
export const texts = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? '')

/** A photo's text for screen readers: WeChat reads Image's aria-label, a browser the inner <img>'s alt. */
export const alt = (text: string) => ({ ariaLabel: text, nativeProps: { alt: text } })

/** Elements Taro's H5 components draw without the semantics their mini-program twins have. */
const SEMANTICS: [selector: string, attributes: Record<string, string>][] = [
  // each page, NutUI's tab strip and a scroll view scroll by themselves: keyboard users must be able to reach them to scroll
  ['.taro_page, .nut-tabs-titles, taro-scroll-view-core', { tabindex: '0' }],
  // Taro's <taro-button-core> is a custom element, which nothing announces as a button
  ['taro-button-core:not([role])', { role: 'button' }],
  // NutUI's Grid.Item hands no prop to its view; in this app every grid entry opens a page
  ['.nut-grid-item', { role: 'button', tabindex: '0' }],
  // NutUI's InputNumber hands no prop to its <input> nor names its icon-only − and + buttons
  ['.nut-inputnumber-minus', { role: 'button', 'aria-label': '减少' }],
  ['.nut-inputnumber-add', { role: 'button', 'aria-label': '增加' }],
  // NutUI's SearchBar names its clear mark 清除 but says nothing of its being tappable
  ['.nut-searchbar-clear', { role: 'button' }]
]

/** A field's name when it has none: the `data-label` of a wrapper, else the title of the Cell it sits in. */
const fieldLabel = (input: Element) =>
  input.closest<HTMLElement>('[data-label]')?.dataset.label ?? input.closest('.nut-cell')?.querySelector('.nut-cell-title')?.textContent ?? undefined

const within = (root: Element, selector: string) => [...(root.matches(selector) ? [root] : []), ...Array.from(root.querySelectorAll(selector))]

function mark(root: Element) {
  for (const [selector, attributes] of SEMANTICS) {
    for (const el of within(root, selector)) for (const [name, value] of Object.entries(attributes)) if (!el.hasAttribute(name)) el.setAttribute(name, value)
  }
  for (const input of within(root, '.nut-inputnumber-input:not([aria-label]), .nut-switch:not([aria-label])')) {
    const label = fieldLabel(input)
    if (label) input.setAttribute('aria-label', label)
  }
}

/** Where focus was before each open dialog took it, to go back there when it closes. */
const focusBefore = new Map<HTMLElement, Element | null>()
let dialogs = 0

/**
 * NutUI's Dialog draws a box with a title, a text and buttons, and tells assistive tech none of it. Each time one
 * opens (its box is inserted: it leaves the document when it closes) it becomes a modal dialog named by its
 * title and described by its text, an alert dialog when the page gives it the class `cwt-alert` (a notice that
 * stays until answered), and takes the focus, so a screen reader reads it at once.
 */
function openDialog(box: HTMLElement) {
  if (focusBefore.has(box)) return
  const n = ++dialogs
  const part = (selector: string, name: string, attribute: string) => {
    const el = box.querySelector(selector)
    if (!el) return
    el.id ||= `cwt-dialog-${n}-${name}`
    box.setAttribute(attribute, el.id)
  }
  part('.nut-dialog-header', 'title', 'aria-labelledby')
  part('.nut-dialog-content', 'text', 'aria-describedby')
  box.setAttribute('role', box.classList.contains('cwt-alert') ? 'alertdialog' : 'dialog')
  box.setAttribute('aria-modal', 'true')
  box.setAttribute('tabindex', '-1')
  focusBefore.set(box, document.activeElement)
  box.focus({ preventScroll: true })
}

/** A closed dialog hands the focus back where it was, if nothing else took it meanwhile. */
function closeDialogs() {
  for (const [box, before] of focusBefore) {
    if (box.isConnected) continue
    focusBefore.delete(box)
    const lost = !document.activeElement || document.activeElement === document.body
    if (lost && before instanceof HTMLElement && before.isConnected) before.focus({ preventScroll: true })
  }
}

/** Taro's button, a custom element: its `disabled` means nothing to assistive tech until it is aria-disabled. */
const BUTTON = 'TARO-BUTTON-CORE'

/**
 * H5 only, once before the first render. NutUI and our pages name roles with View's `ariaRole`, which WeChat
 * reads as `aria-role`; in HTML that attribute is invalid and the role is `role`. Taro writes it through
 * setAttribute, mostly before the element is in the document, so the name is changed there: an observer
 * would see the element only after insertion and would have to scan every subtree. The observer below is
 * only for what no prop can reach (Taro's page containers and custom elements).
 */
export function fixH5Semantics() {
  const set = Element.prototype.setAttribute
  const remove = Element.prototype.removeAttribute
  Element.prototype.setAttribute = function (name: string, value: string) {
    set.call(this, name === 'aria-role' ? 'role' : name, value)
    if (name === 'disabled' && this.tagName === BUTTON) set.call(this, 'aria-disabled', 'true')
  }
  Element.prototype.removeAttribute = function (name: string) {
    remove.call(this, name === 'aria-role' ? 'role' : name)
    if (name === 'disabled' && this.tagName === BUTTON) remove.call(this, 'aria-disabled')
  }
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue
        mark(node)
        for (const box of within(node, '.nut-dialog-outer')) openDialog(box as HTMLElement)
      }
    }
    if (focusBefore.size) closeDialogs()
  }).observe(document.body, { childList: true, subtree: true })
  mark(document.body)
}

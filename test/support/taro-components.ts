import { createElement, forwardRef, type ReactNode } from 'react'

/**
 * @tarojs/components ships only ES modules built for the browser's custom elements (taro-view-core…), which
 * jest cannot load; component tests get plain DOM elements in their place, drawn as the H5 build draws them:
 * a box, a run of text, an image. Only the props that reach the DOM there are passed on.
 */
interface Props {
  children?: ReactNode
  className?: string
  style?: object
  src?: string
  onClick?: (e: unknown) => void
  onError?: (e: unknown) => void
}

const element = (tag: string, name: string) => {
  const Component = forwardRef<HTMLElement, Props>(({ children, className, style, src, onClick, onError }, ref) =>
    createElement(tag, { ref, className, style, src, onClick, onError }, children)
  )
  Component.displayName = name
  return Component
}

const TAGS: Record<string, string> = { Text: 'span', Image: 'img', Button: 'button', Input: 'input', Textarea: 'textarea', Label: 'label', Form: 'form' }
const made = new Map<string, ReturnType<typeof element>>()

// NutUI asks for the components it draws with by name; every one not listed is a box.
module.exports = new Proxy(
  {},
  {
    get(_, name) {
      if (name === '__esModule') return true
      if (typeof name !== 'string') return undefined
      if (!made.has(name)) made.set(name, element(TAGS[name] ?? 'div', name))
      return made.get(name)
    }
  }
)

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
  value?: string
  placeholder?: string
  ariaRole?: string
  ariaLabel?: string
  onClick?: (e: unknown) => void
  onError?: (e: unknown) => void
  onInput?: (e: { detail: { value: string } }) => void
  onConfirm?: (e: { detail: { value: string } }) => void
}

type Field = { target: { value: string } }

const element = (tag: string, name: string) => {
  const Component = forwardRef<HTMLElement, Props>(({ children, className, style, src, value, placeholder, ariaRole, ariaLabel, onClick, onError, onInput, onConfirm }, ref) =>
    createElement(
      tag,
      {
        ref,
        className,
        style,
        src,
        value,
        placeholder,
        // as fixH5Semantics and Taro write them in the browser
        role: ariaRole,
        'aria-label': ariaLabel,
        onClick,
        onError,
        // an input tells its words in `detail`, each keystroke, and confirms on Enter
        onChange: onInput && ((e: Field) => onInput({ detail: { value: e.target.value } })),
        onKeyDown: onConfirm && ((e: Field & { key: string }) => e.key === 'Enter' && onConfirm({ detail: { value: e.target.value } }))
      },
      children
    )
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

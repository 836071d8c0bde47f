import { useState } from 'react'
import { SearchBar } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import './index.scss'

export interface SearchBoxProps {
  /**
   * Told the words, trimmed, when the keyboard's confirm or the button is tapped; told '' when the field is
   * cleared, so the list shows everything again.
   */
  onSearch: (keyword: string) => void
  placeholder?: string
  /** What the field holds when drawn: the search a page still applies when it draws the field again. */
  defaultValue?: string
  /** The button's words, which are also its name for screen readers. */
  buttonText?: string
  className?: string
}

const defaultProps = { placeholder: '搜索', defaultValue: '', buttonText: '搜索' } satisfies Partial<SearchBoxProps>
const prefix = 'cwt-search-box'

/**
 * A staff list's search: NutUI's field in the staff pages' quiet grey, with a 搜索 button beside it for those
 * who do not know the keyboard's confirm. What is typed is only the field's until it is searched.
 */
export function SearchBox(props: SearchBoxProps) {
  const { onSearch, placeholder, defaultValue, buttonText, className } = { ...defaultProps, ...props }
  const [typed, setTyped] = useState(defaultValue)
  const search = (words: string) => onSearch(words.trim())
  return (
    <SearchBar
      className={className ? `${prefix} ${className}` : prefix}
      value={typed}
      placeholder={placeholder}
      onChange={setTyped}
      onSearch={search}
      onClear={() => search('')}
      right={
        <View className={`${prefix}__go`} ariaRole="button" onClick={() => search(typed)}>
          {buttonText}
        </View>
      }
    />
  )
}

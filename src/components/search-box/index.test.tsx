/** @jest-environment ./test/support/dom-environment.ts */
import { fireEvent, render, screen } from '@testing-library/react'
import { SearchBox } from '.'

/** A page's search: every search it is told is recorded. */
function page(props: { defaultValue?: string } = {}) {
  const searches: string[] = []
  const view = render(<SearchBox placeholder="搜索昵称，或手机号后 4 位" onSearch={(k) => searches.push(k)} {...props} />)
  const field = screen.getByPlaceholderText<HTMLInputElement>('搜索昵称，或手机号后 4 位')
  const type = (words: string) => fireEvent.change(field, { target: { value: words } })
  return { ...view, searches, field, type }
}

describe('SearchBox', () => {
  it('when words are typed, then the field keeps them and nothing is searched yet', () => {
    const { field, type, searches } = page()
    type('孙')
    type('孙主任')
    expect(field.value).toBe('孙主任')
    expect(searches).toEqual([])
  })

  it('when the 搜索 button is tapped, then the page is told the typed words, trimmed', () => {
    const { type, searches } = page()
    type('  孙主任 ')
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(searches).toEqual(['孙主任'])
  })

  it('when the keyboard confirms, then the page is told the typed words, trimmed, and the field keeps them', () => {
    const { field, type, searches } = page()
    type('垃圾 ')
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(searches).toEqual(['垃圾'])
    expect(field.value).toBe('垃圾 ')
  })

  it('when the field is cleared, then it empties and the page searches again with no words', () => {
    const { container, field, type, searches } = page()
    type('王阿姨')
    fireEvent.click(container.querySelector('.nut-searchbar-clear')!)
    expect(field.value).toBe('')
    expect(searches).toEqual([''])
  })

  it('when drawn again for a search the page still applies, then the field holds its words', () => {
    const { field } = page({ defaultValue: '王阿姨' })
    expect(field.value).toBe('王阿姨')
  })

  it('when given other button words and a class, then the button says them and the bar keeps its own class too', () => {
    const { container } = render(<SearchBox buttonText="查找" className="quiz-extra__search" onSearch={() => undefined} />)
    expect(screen.getByRole('button', { name: '查找' })).toBeTruthy()
    expect(container.querySelector('.cwt-search-box.quiz-extra__search')).not.toBeNull()
    expect(screen.getByPlaceholderText('搜索')).toBeTruthy()
  })
})

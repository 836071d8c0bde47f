/** @jest-environment ./test/support/dom-environment.ts */
import { render } from '@testing-library/react'
import { texts } from '../../../test/support/texts'
import { StatusTag } from '.'

/** [background, text colour] of each tag, as design tokens (tokens.test.ts holds each pair to AA): NutUI paints the tag and colours the text inside it. */
const colours = (root: Element, selector: string) =>
  Array.from(root.querySelectorAll<HTMLElement>(selector), (tag) => [tag.style.backgroundColor, tag.querySelector<HTMLElement>('.nut-tag-text')!.style.color])

describe('StatusTag', () => {
  it('when a case waits for the office, then its status shows in Chinese on an amber tag and nothing says it is late', async () => {
    const { container } = render(<StatusTag status="submitted" />)
    expect(texts(container, '.cwt-status-tag')).toEqual(['待受理'])
    expect(colours(container, '.cwt-status-tag')).toEqual([['var(--cwt-warning-soft)', 'var(--cwt-warning)']])
  })

  it('when a case ran over its deadline, then a red 超期 tag stands beside its status', async () => {
    const { container } = render(<StatusTag status="in_progress" overdue />)
    expect(texts(container, '.cwt-status-tag')).toEqual(['整改中', '超期'])
    expect(colours(container, '.cwt-status-tag--overdue')).toEqual([['var(--cwt-brand)', 'var(--cwt-text-on-brand)']])
  })

  it('when a case is closed, then the tag is green', async () => {
    const { container } = render(<StatusTag status="closed" />)
    expect(texts(container, '.cwt-status-tag')).toEqual(['已办结'])
    expect(colours(container, '.cwt-status-tag')).toEqual([['var(--cwt-success-soft)', 'var(--cwt-success)']])
  })
})

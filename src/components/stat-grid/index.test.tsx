/** @jest-environment ./test/support/dom-environment.ts */
import { fireEvent, render } from '@testing-library/react'
import { texts } from '../../../test/support/texts'
import { StatGrid } from '.'

const figures = [
  { label: '交办', value: 128 },
  { label: '超期', value: 3, alert: true },
  { label: '整改率', value: '92%' }
]

describe('StatGrid', () => {
  it('when given figures, then each shows its value over its label, in order', async () => {
    const { container } = render(<StatGrid items={figures} />)
    expect(texts(container, '.cwt-stat-grid__value')).toEqual(['128', '3', '92%'])
    expect(texts(container, '.cwt-stat-grid__label')).toEqual(['交办', '超期', '整改率'])
  })

  it('when a figure is an alert, then only that one is drawn in the alert colour', async () => {
    const { container } = render(<StatGrid items={figures} />)
    expect(texts(container, '.cwt-stat-grid__value--alert')).toEqual(['3'])
  })

  it('when no column count is given, then four to a row; when given, that many', async () => {
    const grid = (root: Element) => root.querySelector<HTMLElement>('.cwt-stat-grid')!.style.gridTemplateColumns
    expect(grid((render(<StatGrid items={figures} />)).container)).toBe('repeat(4, 1fr)')
    expect(grid((render(<StatGrid items={figures} columns={3} className="extra" />)).container)).toBe('repeat(3, 1fr)')
  })

  it('when a figure that opens its cases is tapped, then its own handler runs and only that figure is marked as a link', async () => {
    const opened: string[] = []
    const { container } = render(<StatGrid items={[{ label: '超期', value: 3, onClick: () => opened.push('超期') }, { label: '整改率', value: '92%' }]} />)
    const items = container.querySelectorAll<HTMLElement>('.cwt-stat-grid__item')
    expect(Array.from(items, (i) => i.classList.contains('cwt-stat-grid__item--link'))).toEqual([true, false])
    fireEvent.click(items[0])
    fireEvent.click(items[1])
    expect(opened).toEqual(['超期'])
  })
})

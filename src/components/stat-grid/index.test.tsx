/** @jest-environment ./test/support/dom-environment.ts */
import { render } from '@testing-library/react'
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
})

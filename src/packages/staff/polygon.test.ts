import { formatPolygon, parsePolygon } from './polygon'

describe('grid polygon text', () => {
  it('reads points separated by semicolons or new lines, full-width too', () => {
    expect(parsePolygon('120.1,30.2; 120.2,30.2\n120.2，30.3；')).toEqual({ points: [[120.1, 30.2], [120.2, 30.2], [120.2, 30.3]] })
  })

  it('reads nothing as no outline', () => {
    expect(parsePolygon('  ')).toEqual({ points: [] })
  })

  it('names the point that is not a longitude,latitude pair', () => {
    expect(parsePolygon('120.1,30.2;abc;120.2,30.3')).toEqual({ error: '第 2 个点「abc」应写成「经度,纬度」' })
    expect(parsePolygon('120.1,30.2,5;1,2;3,4')).toEqual({ error: '第 1 个点「120.1,30.2,5」应写成「经度,纬度」' })
    expect(parsePolygon('200,30;1,2;3,4')).toMatchObject({ error: expect.stringContaining('第 1 个点') })
  })

  it('wants at least a triangle', () => {
    expect(parsePolygon('120.1,30.2;120.2,30.2')).toEqual({ error: '网格边界至少需要 3 个点' })
  })

  it('writes what it reads', () => {
    const points: [number, number][] = [[120.1, 30.2], [120.25, 30.2], [120.2, 30.31]]
    expect(parsePolygon(formatPolygon(points))).toEqual({ points })
  })
})

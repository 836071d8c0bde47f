import type { GeoPoint } from '../../types/domain'
import { DEMO_CENTER, DEMO_GRIDS, boundingBox, distanceMeters, gridAt, pointInPolygon } from './geo'

const R = 6371008.8

/** The point `meters` away from `from` on initial bearing `bearing` degrees (spherical destination formula). */
function destination(from: GeoPoint, meters: number, bearing: number): GeoPoint {
  const d = meters / R
  const t = (bearing * Math.PI) / 180
  const lat1 = (from.lat * Math.PI) / 180
  const lng1 = (from.lng * Math.PI) / 180
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(t))
  const lng2 = lng1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2))
  return { lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI }
}

describe('distanceMeters', () => {
  it.each([
    { what: 'the same point', a: { lat: 25.5, lng: 103.8 }, b: { lat: 25.5, lng: 103.8 }, meters: 0 },
    { what: 'one degree of latitude', a: { lat: 0, lng: 0 }, b: { lat: 1, lng: 0 }, meters: 111195 },
    { what: 'one degree across the antimeridian', a: { lat: 0, lng: 179.5 }, b: { lat: 0, lng: -179.5 }, meters: 111195 },
    { what: 'antipodes', a: { lat: 0, lng: 0 }, b: { lat: 0, lng: 180 }, meters: 20015114 },
    { what: 'about a metre', a: { lat: 25.5, lng: 103.8 }, b: { lat: 25.50001, lng: 103.8 }, meters: 1 }
  ])('when measuring $what, then it is $meters m', ({ a, b, meters }) => {
    expect(distanceMeters(a, b)).toBe(meters)
    expect(distanceMeters(b, a)).toBe(meters)
  })

  it('when a point is 250 m due east at 25.5°N, then it measures 250 m', () => {
    expect(distanceMeters(DEMO_CENTER, destination(DEMO_CENTER, 250, 90))).toBe(250)
  })
})

describe('boundingBox', () => {
  const ring = (center: GeoPoint, meters: number) => Array.from({ length: 720 }, (_, i) => destination(center, meters, i / 2))
  const holds = (box: ReturnType<typeof boundingBox>, p: GeoPoint) => p.lat >= box.minLat && p.lat <= box.maxLat && p.lng >= box.minLng && p.lng <= box.maxLng

  it('when drawn around the demo centre, then every point of the circle is inside and the box is snug', () => {
    const box = boundingBox(DEMO_CENTER, 500)
    for (const p of ring(DEMO_CENTER, 500)) expect(holds(box, p)).toBe(true)
    expect(distanceMeters({ lat: box.minLat, lng: DEMO_CENTER.lng }, { lat: box.maxLat, lng: DEMO_CENTER.lng })).toBeLessThanOrEqual(1004)
    expect(distanceMeters({ lat: DEMO_CENTER.lat, lng: box.minLng }, { lat: DEMO_CENTER.lat, lng: box.maxLng })).toBeLessThanOrEqual(1004)
  })

  it('when a point rounds down onto the radius, then it is still inside', () => {
    const p = destination(DEMO_CENTER, 500.4, 0)
    expect(distanceMeters(DEMO_CENTER, p)).toBe(500)
    expect(holds(boundingBox(DEMO_CENTER, 500), p)).toBe(true)
  })

  it('when the circle is large and far north, then its widest longitude (beyond r / cos lat) is still covered', () => {
    const center = { lat: 80, lng: 10 }
    const box = boundingBox(center, 500_000)
    for (const p of ring(center, 500_000)) expect(holds(box, p)).toBe(true)
  })

  it('when the circle reaches a pole, then the box spans every longitude', () => {
    expect(boundingBox({ lat: 89.99, lng: 10 }, 5000)).toEqual({ minLat: expect.closeTo(89.945, 3), maxLat: 90, minLng: -180, maxLng: 180 })
  })

  it('when points lie outside the radius, then a 0 m box leaves them out', () => {
    const box = boundingBox(DEMO_CENTER, 0)
    expect(holds(box, DEMO_CENTER)).toBe(true)
    expect(holds(box, destination(DEMO_CENTER, 5, 45))).toBe(false)
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('when the radius is %p, then it throws RangeError', (meters) => {
    expect(() => boundingBox(DEMO_CENTER, meters)).toThrow(RangeError)
  })
})

describe('pointInPolygon', () => {
  // An L: the unit square's top-right quarter is cut away.
  const ell: [number, number][] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]

  it.each([
    [{ lng: 0.5, lat: 0.5 }, true],
    [{ lng: 1.5, lat: 0.5 }, true],
    [{ lng: 0.5, lat: 1.5 }, true],
    [{ lng: 1.5, lat: 1.5 }, false],
    [{ lng: 3, lat: 0.5 }, false],
    [{ lng: -0.1, lat: 1 }, false],
    [{ lng: 0.5, lat: 2.5 }, false]
  ])('when the point is %o, then inside the L is %s', (point, inside) => {
    expect(pointInPolygon(point, ell)).toBe(inside)
    expect(pointInPolygon(point, [...ell, ell[0]])).toBe(inside)
  })

  it('when the polygon has fewer than three vertices, then nothing is inside', () => {
    expect(pointInPolygon({ lng: 0, lat: 0 }, [])).toBe(false)
    expect(pointInPolygon({ lng: 0.5, lat: 0.5 }, [[0, 0], [1, 1]])).toBe(false)
  })
})

describe('DEMO_GRIDS and gridAt', () => {
  it('when listing the demo grids, then there are grid-1..grid-6 with names and workers', () => {
    expect(DEMO_GRIDS.map((g) => g._id)).toEqual(['grid-1', 'grid-2', 'grid-3', 'grid-4', 'grid-5', 'grid-6'])
    for (const g of DEMO_GRIDS) {
      expect(g.name).toMatch(/^南宁街道第\d网格$/)
      expect(g.worker).toMatch(/^\S{2,3}$/)
    }
  })

  it('when measuring the demo area, then it is about 2 km by 1.5 km in central 麒麟区', () => {
    const lngs = DEMO_GRIDS.flatMap((g) => g.polygon.map(([lng]) => lng))
    const lats = DEMO_GRIDS.flatMap((g) => g.polygon.map(([, lat]) => lat))
    const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)]
    expect([west, east, south, north]).toEqual([103.79, 103.81, 25.49, 25.5035])
    expect(distanceMeters({ lat: south, lng: west }, { lat: south, lng: east })).toBeGreaterThan(1950)
    expect(distanceMeters({ lat: south, lng: west }, { lat: south, lng: east })).toBeLessThan(2050)
    expect(distanceMeters({ lat: south, lng: west }, { lat: north, lng: west })).toBe(1501)
  })

  it('when the demo centre is looked up, then it is in grid-1', () => {
    expect(gridAt(DEMO_CENTER, DEMO_GRIDS)?._id).toBe('grid-1')
  })

  it('when sampling the area on a lattice that includes the inner edges, then every point is in exactly one grid', () => {
    const steps = (from: number, to: number, edges: number[]) => [...Array.from({ length: 40 }, (_, i) => from + ((to - from) * i) / 40), ...edges]
    const misplaced: string[] = []
    for (const lat of steps(25.49, 25.5035, [25.4968])) {
      for (const lng of steps(103.79, 103.81, [103.7967, 103.8033])) {
        const owners = DEMO_GRIDS.filter((g) => pointInPolygon({ lat, lng }, g.polygon)).length
        if (owners !== 1) misplaced.push(`${lat},${lng}: ${owners}`)
      }
    }
    expect(misplaced).toEqual([])
  })

  it.each([
    ['the corner four grids share', { lat: 25.4968, lng: 103.7967 }, 'grid-2'],
    ['the edge between grid-1 and grid-2', { lat: 25.5, lng: 103.7967 }, 'grid-2'],
    ['the edge between grid-2 and grid-5', { lat: 25.4968, lng: 103.8 }, 'grid-2'],
    ['the middle of the south-east grid', { lat: 25.492, lng: 103.807 }, 'grid-6']
  ])('when the point is at %s (%o), then it belongs to %s only', (_, point, id) => {
    expect(gridAt(point, DEMO_GRIDS)?._id).toBe(id)
    expect(DEMO_GRIDS.filter((g) => pointInPolygon(point, g.polygon))).toHaveLength(1)
  })

  it.each([
    { lat: 25.51, lng: 103.8 },
    { lat: 25.48, lng: 103.8 },
    { lat: 25.495, lng: 103.785 },
    { lat: 25.495, lng: 103.82 }
  ])('when the point %o lies outside the area, then there is no grid', (point) => {
    expect(gridAt(point, DEMO_GRIDS)).toBeNull()
  })

  it('when no grids are configured, then there is no grid', () => {
    expect(gridAt(DEMO_CENTER, [])).toBeNull()
  })
})

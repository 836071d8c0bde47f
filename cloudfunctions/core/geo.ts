import type { GeoPoint, Grid } from '../../types/domain'

const EARTH_RADIUS = 6371008.8
const rad = (degrees: number) => (degrees * Math.PI) / 180
const deg = (radians: number) => (radians * 180) / Math.PI

/** Great-circle distance in whole metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return Math.round(2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h))))
}

export interface BoundingBox {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
}

/**
 * A lat/lng box holding every point within `meters` of `center`, for a store prefilter before the exact
 * distance check. Not wrapped at the antimeridian (nowhere near China). Throws RangeError for a negative radius.
 */
export function boundingBox(center: GeoPoint, meters: number): BoundingBox {
  if (!(meters >= 0) || !Number.isFinite(meters)) throw new RangeError(`无效半径: ${meters}`)
  // One metre more, so a point distanceMeters rounds down onto the radius is still inside.
  const r = (meters + 1) / EARTH_RADIUS
  const minLat = center.lat - deg(r)
  const maxLat = center.lat + deg(r)
  if (minLat <= -90 || maxLat >= 90) return { minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90), minLng: -180, maxLng: 180 }
  // The circle's widest longitude, which is a little more than r / cos(lat).
  const dLng = deg(Math.asin(Math.min(1, Math.sin(r) / Math.cos(rad(center.lat)))))
  return { minLat, maxLat, minLng: center.lng - dLng, maxLng: center.lng + dLng }
}

/** Ray casting over [lng, lat] vertices; the closing vertex may be repeated or not. */
export function pointInPolygon(point: GeoPoint, polygon: [number, number][]): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]
    const [xj, yj] = polygon[j]
    // Half-open in latitude, so a point on an edge two grids share falls in exactly one of them.
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function gridAt(point: GeoPoint, grids: Grid[]): Grid | null {
  return grids.find((g) => pointInPolygon(point, g.polygon)) ?? null
}

const rect = (west: number, south: number, east: number, north: number): [number, number][] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north]
]

/** Six grids, 3 × 2, tiling about 2 km × 1.5 km of central 麒麟区, 曲靖. */
export const DEMO_GRIDS: Grid[] = [
  { _id: 'grid-1', name: '南宁街道第1网格', worker: '李娟', polygon: rect(103.79, 25.4968, 103.7967, 25.5035) },
  { _id: 'grid-2', name: '南宁街道第2网格', worker: '张伟', polygon: rect(103.7967, 25.4968, 103.8033, 25.5035) },
  { _id: 'grid-3', name: '南宁街道第3网格', worker: '王芳', polygon: rect(103.8033, 25.4968, 103.81, 25.5035) },
  { _id: 'grid-4', name: '南宁街道第4网格', worker: '刘洋', polygon: rect(103.79, 25.49, 103.7967, 25.4968) },
  { _id: 'grid-5', name: '南宁街道第5网格', worker: '陈静', polygon: rect(103.7967, 25.49, 103.8033, 25.4968) },
  { _id: 'grid-6', name: '南宁街道第6网格', worker: '杨磊', polygon: rect(103.8033, 25.49, 103.81, 25.4968) }
]

/** Inside grid-1, away from its edges. */
export const DEMO_CENTER: GeoPoint = { lat: 25.5001, lng: 103.7934 }

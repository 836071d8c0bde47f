/** A grid's outline as staff type it: "lng,lat;lng,lat;…". */
export function formatPolygon(points: [number, number][]) {
  return points.map(([lng, lat]) => `${lng},${lat}`).join(';\n')
}

/** Reads "lng,lat;lng,lat;…" (any whitespace, full-width punctuation too); says which point is wrong. */
export function parsePolygon(text: string): { points: [number, number][] } | { error: string } {
  const parts = text
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const points: [number, number][] = []
  for (const [i, part] of parts.entries()) {
    const [lng, lat, extra] = part.split(',').map((n) => Number(n.trim()))
    const bad = extra !== undefined || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90
    if (bad) return { error: `第 ${i + 1} 个点「${part}」应写成「经度,纬度」` }
    points.push([lng, lat])
  }
  if (points.length > 0 && points.length < 3) return { error: '网格边界至少需要 3 个点' }
  return { points }
}

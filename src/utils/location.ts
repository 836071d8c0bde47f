import Taro from '@tarojs/taro'
import type { GeoPoint } from '@contract'

/** The demo city's centre: where H5 starts when the browser will not say where it is (offline demo, no permission). */
export const CITY_CENTRE: GeoPoint = { lat: 25.4966, lng: 103.7966 }

export interface Position extends GeoPoint {
  /** True when the device gave no position and this is the city centre. */
  fallback: boolean
}

const round = (n: number) => Math.round(n * 1e6) / 1e6

/** The device's position (gcj02 on weapp, like the maps), or the city centre when it cannot be had. */
export async function currentPosition(): Promise<Position> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const coords = await new Promise<GeolocationCoordinates>((resolve, reject) => {
        if (!navigator.geolocation) return reject(new Error('no geolocation'))
        navigator.geolocation.getCurrentPosition((p) => resolve(p.coords), reject, { timeout: 8000, maximumAge: 60000 })
      })
      return { lat: round(coords.latitude), lng: round(coords.longitude), fallback: false }
    }
    const res = await Taro.getLocation({ type: 'gcj02' })
    return { lat: round(res.latitude), lng: round(res.longitude), fallback: false }
  } catch {
    return { ...CITY_CENTRE, fallback: true }
  }
}

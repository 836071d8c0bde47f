import Taro from '@tarojs/taro'
import type { GeoPoint } from '@contract'

/**
 * Where the volunteer stands, for the check-in range rule; null when the phone will not say.
 * Unlike 随手拍 there is no city-centre fallback: a made-up point would pass or fail the range check wrongly.
 */
export async function locate(): Promise<GeoPoint | null> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const coords = await new Promise<GeolocationCoordinates>((resolve, reject) => {
        if (!navigator.geolocation) return reject(new Error('no geolocation'))
        navigator.geolocation.getCurrentPosition((p) => resolve(p.coords), reject, { timeout: 8000, maximumAge: 60000 })
      })
      return { lat: coords.latitude, lng: coords.longitude }
    }
    const res = await Taro.getLocation({ type: 'gcj02' })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null
  }
}

/** @tarojs/taro cannot load under jest; unit tests get this small in-memory stand-in. */
const storage = new Map<string, unknown>()

const Taro = {
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  request: async () => {
    throw new Error('Taro.request is not available in unit tests; inject a transport')
  },
  cloud: {
    callFunction: async () => {
      throw new Error('Taro.cloud is not available in unit tests; inject a transport')
    }
  }
}

export default Taro
export const { getStorageSync, setStorageSync, request, cloud } = Taro

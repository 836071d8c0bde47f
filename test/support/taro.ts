/** @tarojs/taro cannot load under jest; unit tests get this small in-memory stand-in. */
const storage = new Map<string, unknown>()

/** What the code asked Taro to show (toasts, photo previews), newest last, for a test to read. */
export const shown = { toasts: [] as Taro.showToast.Option[], previews: [] as Taro.previewImage.Option[], pages: [] as string[] }

/** WeChat's subscribe prompt: the templates each call asked for, and what the person answers to each (or a failure to throw). */
export const prompt = { asked: [] as string[][], answer: 'accept' as string | Error }

/** The phone's side of the camera: the paths the next chooseMedia picks, and what every photo measures. */
export const phone = { picks: [] as string[], photo: { width: 4000, height: 3000, bytes: 200 * 1024 } }

const Taro = {
  // component tests draw NutUI as the H5 build does
  ENV_TYPE: { WEB: 'WEB', WEAPP: 'WEAPP' },
  getEnv: () => 'WEB',
  nextTick: (run: () => void) => void setTimeout(run, 0),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  showToast: async (option: Taro.showToast.Option) => void shown.toasts.push(option),
  previewImage: async (option: Taro.previewImage.Option) => void shown.previews.push(option),
  navigateTo: async ({ url }: { url: string }) => void shown.pages.push(url),
  requestSubscribeMessage: async ({ tmplIds }: { tmplIds: string[] }) => {
    prompt.asked.push(tmplIds)
    const { answer } = prompt
    if (answer instanceof Error) throw answer
    return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(tmplIds.map((id) => [id, answer])) }
  },
  chooseMedia: async () => ({ tempFiles: phone.picks.splice(0).map((tempFilePath) => ({ tempFilePath })) }),
  getImageInfo: async () => ({ width: phone.photo.width, height: phone.photo.height }),
  compressImage: async ({ src }: { src: string }) => ({ tempFilePath: `${src}.small.jpg` }),
  getFileSystemManager: () => ({ statSync: () => ({ size: phone.photo.bytes }) }),
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
// NutUI reads Taro's functions off the module, not its default export
export const { ENV_TYPE, getEnv, nextTick, getStorageSync, setStorageSync, showToast, previewImage, navigateTo, requestSubscribeMessage, request, cloud } = Taro
